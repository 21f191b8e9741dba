//! How doctors number their answers: `1.`, `1)`, `Q1:`, `#1`, `(1)`,
//! `No. 1`, `1st`, "First:", "Question one", roman numerals `i.` and
//! `IV)`, and dictation run together on one line ("number one yes number
//! two no ..."), with the homophones voice typing writes ("question to
//! know" is question 2, no).
//!
//! A number that is only a digit and a space (`3 of our 5 consultants`),
//! or a word, an ordinal or a roman numeral, says less: such a line is an
//! answer only in a run of lines numbered the same way, one after another
//! ([`Numbered::certain`] tells which need it; the reader chains them).
//! Each function reads one line, already bounded, in one pass.

use super::value::NUMBER_WORDS;

/// How the number of a line is written: lines chain only with lines
/// written the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Style {
    /// `1`, `12`, `1st`.
    Digits,
    /// "one", "twelve" (and the homophones after "question").
    Words,
    /// "first", "firstly".
    Ordinal,
    /// `i`, `iv`, `IX`.
    Roman,
}

/// A line that starts with a question's number.
#[derive(Debug, PartialEq)]
pub(super) struct Numbered {
    /// The question's number, from 1.
    pub number: usize,
    /// The answer after it ("know" alone is "no").
    pub rest: String,
    /// Certain on its own (`1.`, `Q1`, "Question one"); otherwise only in
    /// a run of lines numbered alike.
    pub certain: bool,
    /// How it is numbered, and the mark after the number (`' '` for none).
    pub style: (Style, char),
}

/// Words that say a question's number follows.
const MARKERS: &[&str] = &["question", "qn", "qu", "q", "number", "no.", "nº", "№"];

/// "one" to "twenty": the number words without "zero", so a word's
/// index is its number less one.
const WORDS: &[&str] = NUMBER_WORDS.split_at(1).1;

const ORDINALS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

const ROMAN: &[&str] = &[
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
    "xvi", "xvii", "xviii", "xix", "xx",
];

/// What voice typing writes for a number after "question" or "number".
const HOMOPHONES: &[(&str, usize)] = &[
    ("won", 1),
    ("to", 2),
    ("too", 2),
    ("for", 4),
    ("fore", 4),
    ("ate", 8),
];

/// The number a word gives: its value and style; homophones only when
/// `spoken` (after "question" or "number").
fn number_word(word: &str, spoken: bool) -> Option<(usize, Style)> {
    let lower = word.to_lowercase();
    let w = lower.as_str();
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let suffix = &w[digits..];
        if suffix.is_empty() || ["st", "nd", "rd", "th"].contains(&suffix) {
            return Some((w[..digits].parse().ok()?, Style::Digits));
        }
        return None;
    }
    let at = |list: &[&str], word: &str| list.iter().position(|x| *x == word).map(|i| i + 1);
    if let Some(n) = at(WORDS, w) {
        return Some((n, Style::Words));
    }
    if let Some(n) = at(ORDINALS, w).or_else(|| w.strip_suffix("ly").and_then(|o| at(ORDINALS, o)))
    {
        return Some((n, Style::Ordinal));
    }
    if let Some(n) = at(ROMAN, w) {
        return Some((n, Style::Roman));
    }
    spoken
        .then(|| {
            HOMOPHONES
                .iter()
                .find(|(h, _)| *h == w)
                .map(|(_, n)| (*n, Style::Words))
        })
        .flatten()
}

/// A count in digits or words ("three", "3"): what "the first three"
/// says.
pub(super) fn count(word: &str) -> Option<usize> {
    match number_word(word, false)? {
        (n, Style::Digits | Style::Words) => Some(n),
        _ => None,
    }
}

/// `text` without a marker at its start ("Question", "Q", "No.", "#"):
/// the rest, and whether the marker was a word ("question", "number",
/// "Q": then homophones count) or a sign.
fn marker(text: &str) -> (Option<bool>, &str) {
    if let Some(rest) = text.strip_prefix('#') {
        return (Some(false), rest.trim_start());
    }
    for m in MARKERS {
        let Some(head) = text.get(..m.len()) else {
            continue;
        };
        if !head.eq_ignore_ascii_case(m) {
            continue;
        }
        let rest = &text[m.len()..];
        // "Q1", "Q.1", "Q 1", "Question #1"; never "quite" or "nothing".
        let rest = rest.strip_prefix('.').unwrap_or(rest);
        let spaced = rest.starts_with(' ');
        let rest = rest.trim_start();
        let rest = rest.strip_prefix('#').unwrap_or(rest).trim_start();
        let word_marker = m.chars().all(char::is_alphabetic);
        if (spaced || rest.starts_with(|c: char| c.is_ascii_digit()))
            && (word_marker || m.ends_with('.') || !m.is_ascii())
        {
            return (Some(word_marker && *m != "no."), rest);
        }
    }
    (None, text)
}

/// A question's number alone on its line, with its mark: `4.`, `4)`,
/// `4:`, `Q4`, `Q4:` (at most two digits); its answer is on the lines
/// below.
pub(super) fn bare(text: &str) -> Option<usize> {
    let text = text.trim();
    let (q, digits) = match text.strip_prefix(['Q', 'q']) {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let digits = match digits.strip_suffix(['.', ')', ':']) {
        Some(d) => d,
        None if q => digits,
        None => return None,
    };
    if !(1..=2).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|n| *n > 0)
}

/// The line's question number and answer, if it starts with one.
pub(super) fn numbered(text: &str) -> Option<Numbered> {
    let text = text.trim_start_matches(['*', '_', ' ']);
    let (bracketed, text) = match text.strip_prefix(['(', '[']) {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (marked, text) = marker(text);
    let spoken = marked == Some(true);
    let end = text
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(text.len());
    let (number, style) = number_word(&text[..end], spoken)?;
    let after = &text[end..];
    let trimmed = after.trim_start();
    // "1/ Yes": a slash and a space (never "6/10", a score) numbers a
    // line only in a run of lines numbered alike.
    let slashed =
        !bracketed && trimmed.starts_with('/') && trimmed[1..].starts_with(char::is_whitespace);
    let sep = trimmed
        .chars()
        .next()
        .filter(|c| ".):=-–—]→".contains(*c) || (slashed && *c == '/'))
        .filter(|c| !bracketed || [')', ']'].contains(c));
    let rest = match sep {
        // "1.) Yes", "1 -> Yes", "1 => Yes": the rest of the mark.
        // "1 -- yes": a mark said twice.
        Some(c) => trimmed[c.len_utf8()..]
            .trim_start_matches(c)
            .strip_prefix(match c {
                '.' => ")",
                '-' | '=' => ">",
                _ => "\u{0}",
            })
            .unwrap_or(trimmed[c.len_utf8()..].trim_start_matches(c))
            .trim(),
        None if bracketed || !after.starts_with(' ') => return None,
        None => trimmed.trim(),
    };
    // "2 -" in a list of "1 No", "3 0": the dash alone is the answer ("not
    // applicable"), after a number and a space like the others.
    let (sep, rest) = if rest.is_empty()
        && !bracketed
        && after.starts_with(' ')
        && sep.is_some_and(|c| "-–—".contains(c))
    {
        (None, trimmed.trim())
    } else {
        (sep, rest)
    };
    if rest.is_empty() || number == 0 {
        return None;
    }
    // A word, an ordinal or a roman numeral says a number only before a
    // mark, or after "question"/"number" ("One of our ..." is no answer);
    // a roman numeral only before `.`, `)` or `:`.
    match style {
        Style::Roman if !sep.is_some_and(|c| ".):".contains(c)) => return None,
        Style::Words | Style::Ordinal if sep.is_none() && !spoken => return None,
        _ => {}
    }
    let word = text[..end].to_lowercase();
    let homophone = style == Style::Words && WORDS.get(number - 1) != Some(&word.as_str());
    let certain = match style {
        Style::Digits => marked.is_some() || (sep.is_some() && !slashed) || bracketed,
        Style::Words => spoken && !homophone,
        Style::Ordinal | Style::Roman => false,
    };
    Some(Numbered {
        number,
        rest: spoken_answer(rest),
        certain,
        // After "question" or "number" the number's own writing does not
        // matter: "Question 1 yes" and "Question to no" are one run.
        style: (
            if spoken { Style::Words } else { style },
            sep.unwrap_or(' '),
        ),
    })
}

/// "know" alone after a question's number is voice typing's "no".
fn spoken_answer(rest: &str) -> String {
    let bare = rest.trim_end_matches(['.', ',', '!', ';']);
    if bare.eq_ignore_ascii_case("know") {
        "no".to_owned()
    } else {
        rest.to_owned()
    }
}

/// Dictation run together: "Number one yes number two no number three
/// yes ...", "Question one yes. Question to know. Question three yes.": at
/// least two markers ("question", "number", "Q") each followed by a
/// number, the first at the start of the line, the numbers rising, each
/// followed by an answer. Each question's number and answer; `None` for
/// any other line.
pub(super) fn run_on(text: &str) -> Option<Vec<(usize, String)>> {
    // Byte offsets of the words that start a marker and a number.
    let mut starts = Vec::new();
    let mut words = text
        .split(' ')
        .scan(0usize, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .peekable();
    while let Some((start, word)) = words.next() {
        let bare = word.trim_end_matches([':', ',', '.']);
        let lower = bare.to_lowercase();
        let (n, answer_at) = if ["question", "number", "q", "qn"].contains(&lower.as_str()) {
            let Some(&(next_at, next)) = words.peek() else {
                break;
            };
            let next_bare = next.trim_end_matches([':', ',', '.', '-']);
            match number_word(next_bare, true) {
                Some((n, Style::Digits | Style::Words)) => {
                    words.next();
                    (n, next_at + next.len())
                }
                _ => continue,
            }
        } else if let Some(digits) = lower.strip_prefix('q')
            && !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
        {
            (digits.parse().ok()?, start + word.len())
        } else {
            continue;
        };
        starts.push((start, n, answer_at));
    }
    if starts.len() < 2 || starts[0].0 != 0 || starts.windows(2).any(|w| w[1].1 <= w[0].1) {
        return None;
    }
    let mut out = Vec::new();
    for (k, &(_, n, answer_at)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(text.len(), |s| s.0);
        let answer = text
            .get(answer_at.min(end)..end)?
            .trim()
            .trim_start_matches([':', '-', '='])
            .trim()
            .trim_end_matches(['.', ',', ';'])
            .trim();
        if answer.is_empty() {
            return None;
        }
        out.push((n, spoken_answer(answer)));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<(usize, String, bool)> {
        numbered(text).map(|n| (n.number, n.rest, n.certain))
    }

    #[test]
    fn a_number_alone_on_its_line_with_its_mark() {
        for (text, want) in [
            ("4.", Some(4)),
            (" 4) ", Some(4)),
            ("12:", Some(12)),
            ("Q4", Some(4)),
            ("q4:", Some(4)),
            ("4", None),
            ("0.", None),
            ("123.", None),
            ("4. yes", None),
            ("Qa.", None),
        ] {
            assert_eq!(bare(text), want, "{text}");
        }
    }

    #[test]
    fn a_dash_alone_after_the_number_is_the_answer() {
        // Numbered like "3 0" beside it (a digit and a space), to chain.
        let dash = numbered("2 -").expect("numbered");
        assert_eq!(
            (dash.number, dash.rest.as_str(), dash.certain),
            (2, "-", false)
        );
        assert_eq!(dash.style, numbered("3 0").expect("numbered").style);
        assert_eq!(read("8 \u{2013}"), Some((8, "\u{2013}".to_owned(), false)));
        // "8 - -" is 8, a dash, then the answer "-"; "2-" and "(2 -)" nothing.
        assert_eq!(read("8 - -"), Some((8, "-".to_owned(), true)));
        assert_eq!(read("2-"), None);
        assert_eq!(read("(2 -)"), None);
    }

    #[test]
    fn every_way_of_numbering() {
        for (text, number, certain) in [
            ("1. yes", 1, true),
            ("1) yes", 1, true),
            ("Q1 yes", 1, true),
            ("Q1: yes", 1, true),
            ("Q1) yes", 1, true),
            ("q.1 yes", 1, true),
            ("Question 1 - yes", 1, true),
            ("#1: yes", 1, true),
            ("# 1 yes", 1, true),
            ("(1) yes", 1, true),
            ("[1] yes", 1, true),
            ("No. 1 yes", 1, true),
            ("1- yes", 1, true),
            ("1st: yes", 1, true),
            ("Question one yes", 1, true),
            ("Number two: no", 2, true),
            ("1 yes", 1, false),
            ("First: yes", 1, false),
            ("Firstly - yes", 1, false),
            ("One: yes", 1, false),
            ("i. yes", 1, false),
            ("IV) yes", 4, false),
            ("ix. yes", 9, false),
            ("Question to know", 2, false),
            ("question for six", 4, false),
        ] {
            let found = read(text);
            assert_eq!(
                found.as_ref().map(|f| (f.0, f.2)),
                Some((number, certain)),
                "{text}"
            );
        }
        assert_eq!(read("Question to know").unwrap().1, "no");
        for text in [
            "One of our consultants uses it",
            "first of all, thanks",
            "I think so",
            "Quite often",
            "Nothing to add",
            "No, never",
            "to know",
            "v good survey",
            "(1 yes",
            "10",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }

    #[test]
    fn dictation_run_together() {
        let pieces = run_on("Number one yes number two no number three yes number four 7").unwrap();
        assert_eq!(
            pieces,
            vec![
                (1, "yes".to_owned()),
                (2, "no".to_owned()),
                (3, "yes".to_owned()),
                (4, "7".to_owned())
            ]
        );
        let pieces = run_on("Question one yes. Question to know. Question for six.").unwrap();
        assert_eq!(pieces[1], (2, "no".to_owned()));
        assert_eq!(pieces[2], (4, "six".to_owned()));
        assert_eq!(
            run_on("Question one yes. Question two no.").unwrap().len(),
            2
        );
        assert_eq!(run_on("Question one yes"), None);
        assert_eq!(run_on("number three yes number two no number four 7"), None);
        assert_eq!(
            run_on("I answered question one and question two and question three"),
            None
        );
    }
}
