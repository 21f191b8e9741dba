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
    "that's all",
    "that is all",
    "that's all from me",
    "that is all from me",
    "that's it",
    "that's it from me",
    "all covered above",
    "covered above",
    "all said above",
    "see above",
    "as above",
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

/// A free-text answer without the doctor's sign-off on its last lines:
/// "Getting it out of hours is our biggest headache\nJack" is the
/// sentence; the name ("Jack", "Dr J Clarke"), initials ("JC") or a
/// closing ("Thanks", "Best wishes") on a line of their own after it are
/// no part of the comment. At most two such lines; never the first line.
pub(crate) fn without_sign_off(text: &str) -> &str {
    let mut text = text.trim_end();
    for _ in 0..2 {
        match text.rsplit_once('\n') {
            // Not after a colon or comma: "We need:\nNurse Prescribers".
            Some((said, last))
                if !said.trim().is_empty()
                    && !said.trim_end().ends_with([':', ','])
                    && (initials(last) || signed(last)) =>
            {
                text = said.trim_end();
            }
            _ => break,
        }
    }
    text
}

/// "Jack", "Dr Jack Clarke", "Best wishes", "Many thanks": one to three
/// words of letters, each capitalised, or a closing, on a short line.
fn signed(line: &str) -> bool {
    const CLOSINGS: &[&str] = &[
        "thanks",
        "thank you",
        "many thanks",
        "best wishes",
        "best",
        "regards",
        "kind regards",
        "cheers",
        "all the best",
        "warm regards",
        "with thanks",
    ];
    let line = line.trim().trim_end_matches([',', '.', '!']);
    // "Thanks, J", "Best wishes, Jack": a closing and the name.
    let closing = line.split_once(',').map_or(line, |(head, name)| {
        if name.split_whitespace().count() <= 2 {
            head.trim()
        } else {
            line
        }
    });
    if CLOSINGS.contains(&closing.to_lowercase().as_str()) {
        return true;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    (1..=3).contains(&words.len())
        && line.len() <= 30
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '.' || c == '-' || c == '\'')
        })
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
            "That's all from me.",
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

    #[test]
    fn a_comment_without_its_sign_off() {
        for (text, said) in [
            (
                "Getting it out of hours is hard\nJack",
                "Getting it out of hours is hard",
            ),
            (
                "Keen to hear the results.\nThanks\nDr J Clarke",
                "Keen to hear the results.",
            ),
            ("More teaching please\nJC", "More teaching please"),
            ("Fewer forms, please.\nThanks, J", "Fewer forms, please."),
            ("One line only", "One line only"),
            ("Jack", "Jack"),
            (
                "Two things:\nthe cost and the supply",
                "Two things:\nthe cost and the supply",
            ),
            ("We need:\nNurse Prescribers", "We need:\nNurse Prescribers"),
        ] {
            assert_eq!(without_sign_off(text), said, "{text}");
        }
    }
}
