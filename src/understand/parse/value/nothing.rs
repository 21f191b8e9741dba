//! "None", "Nothing", "N/A", "-" as the whole answer to an optional free
//! text question ("Any other comments?"): the doctor has nothing to say,
//! so there is no comment, never a comment that reads "None". A required
//! text question is left as written (asked about as any answer is).

/// Whole answers that say there is nothing to add, compared after
/// [`plain`].
const NOTHING: &[&str] = &[
    "none",
    "nothing",
    "nil",
    "nope",
    "no",
    "n/a",
    "na",
    "not applicable",
    "no comment",
    "no comments",
    "no further comments",
    "no other comments",
    "none from me",
    "nothing from me",
    "nothing to add",
    "nothing further",
    "nothing else",
    "nothing more",
    "nothing more to add",
    "nothing further to add",
    "not really",
];

/// Does `text`, an answer to a free text question, say only that there
/// is nothing to add ("None.", "Nothing to add, thanks", "N/A", "-")?
pub(crate) fn says_nothing(text: &str) -> bool {
    let text = text.trim();
    // "nil" above the doctor's initials ("JC", "J.C."): the initials sign.
    let text = match text.rsplit_once('\n') {
        Some((said, last)) if initials(last) => said.trim(),
        _ => text,
    };
    if !text.is_empty()
        && text
            .chars()
            .all(|c| matches!(c, '-' | '–' | '—' | '.' | ' '))
    {
        return true;
    }
    let plain = plain(text);
    let plain = ["thanks", "thank you", "thx", "cheers"]
        .iter()
        .find_map(|t| plain.strip_suffix(t))
        .map_or(plain.as_str(), |p| p.trim_end_matches([',', ' ', '-']));
    NOTHING.contains(&plain)
}

/// "JC", "J.C.", "AR": a line of two to four capitals, perhaps with
/// points.
fn initials(line: &str) -> bool {
    let letters: Vec<char> = line.trim().chars().filter(|c| *c != '.').collect();
    (2..=4).contains(&letters.len()) && letters.iter().all(char::is_ascii_uppercase)
}

/// Lower case, spaces made single, the closing punctuation taken off.
fn plain(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .trim_end_matches(['.', '!', ','])
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_to_add() {
        for text in [
            "None",
            "None.",
            "none",
            "Nothing",
            "Nothing to add, thanks",
            "N/A",
            "n/a",
            "NA",
            "Nil",
            "-",
            " - ",
            "--",
            "–",
            "No",
            "No comments.",
            "None - thank you",
            "Nothing further.",
            "Not applicable",
            "nil\nJC",
            "Nothing to add\nA.R.",
        ] {
            assert!(says_nothing(text), "{text}");
        }
    }

    #[test]
    fn a_comment_is_kept() {
        for text in [
            "None of the options in 2 quite fit - we mostly use it for neuropathic pain.",
            "Nothing beats a good protocol.",
            "No protocol here yet, but one is being written.",
            "Useful survey, thanks.",
            "N/A for us as we are a hospice",
            "",
        ] {
            assert!(!says_nothing(text), "{text}");
        }
    }
}
