//! Answers that point at another answer: "same", "ditto", "as above",
//! "same as 1", "as for 6", "as previous". The doctor gives no value of
//! their own; the answer is the one pointed at, when that question asks
//! the same kind of thing (a yes/no for a yes/no, the same scale, the same
//! options) and was answered. Pure: one pass over a short answer.

use crate::survey::{Question, QuestionKind};

use super::numbering;
use super::value::plain_words;

/// Words that point at the answer just above (the question before).
const ABOVE: &[&[&str]] = &[
    &["same"],
    &["the", "same"],
    &["same", "again"],
    &["same", "as", "above"],
    &["same", "as", "before"],
    &["same", "as", "previous"],
    &["same", "as", "the", "previous", "one"],
    &["same", "as", "the", "last", "one"],
    &["same", "as", "last", "one"],
    &["same", "answer"],
    &["same", "answer", "as", "above"],
    &["ditto"],
    &["as", "above"],
    &["as", "before"],
    &["as", "previous"],
    &["as", "previously"],
    &["as", "per", "above"],
    &["as", "per", "previous"],
    &["see", "above"],
    &["likewise"],
];

/// Words before a question's number that point at its answer: "same as
/// 1", "as for 6", "ditto 3", "see Q2".
const BEFORE_NUMBER: &[&[&str]] = &[
    &["same", "as"],
    &["same", "as", "for"],
    &["same", "answer", "as"],
    &["same", "answer", "as", "for"],
    &["as", "for"],
    &["as", "per"],
    &["as", "in"],
    &["as", "with"],
    &["as"],
    &["like"],
    &["see"],
    &["ditto"],
    &["same", "as", "my", "answer", "to"],
    &["as", "my", "answer", "to"],
];

/// Words that may stand between those and the number: "same as question
/// 1", "as for Q6", "same as number 3", "same as the first".
const NUMBER_WORDS: &[&str] = &["question", "q", "number", "no", "the", "answer", "one"];

/// The 0-based question that `text`, the answer to question `at`
/// (0-based), points at, if it is only such a pointer. A pointer to
/// itself or to a later question is none.
pub(super) fn points_at(text: &str, at: usize) -> Option<usize> {
    let trimmed = text.trim().trim_end_matches(['.', '!']);
    if ["\"", "〃", "''", "”"].contains(&trimmed) {
        return at.checked_sub(1);
    }
    let words = plain_words(trimmed);
    if words.is_empty() || words.len() > 8 {
        return None;
    }
    let as_words: Vec<&str> = words.iter().map(String::as_str).collect();
    if ABOVE.contains(&as_words.as_slice()) {
        return at.checked_sub(1);
    }
    let head = BEFORE_NUMBER
        .iter()
        .filter(|p| as_words.starts_with(p))
        .map(|p| p.len())
        .max()?;
    let mut rest = &as_words[head..];
    // "same as question 1", "as for the first one".
    while rest.len() > 1 && NUMBER_WORDS.contains(&rest[0]) {
        rest = &rest[1..];
    }
    let target = match rest {
        [number] | [number, "one" | "question" | "above"] => number_of(number)?,
        _ => return None,
    };
    (1..=at).contains(&target).then(|| target - 1)
}

/// A question's number as written after "same as": digits, "q1", a word
/// or an ordinal.
fn number_of(word: &str) -> Option<usize> {
    let word = word
        .strip_prefix('q')
        .filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
        .unwrap_or(word);
    let line = format!("{word}. x");
    numbering::numbered(&line).map(|n| n.number)
}

/// Do two questions ask the same kind of thing, so that one's answer
/// can be the other's: both yes/no, the same scale, the same options?
pub(super) fn alike(a: &Question, b: &Question) -> bool {
    match (&a.kind, &b.kind) {
        (QuestionKind::YesNo, QuestionKind::YesNo) => true,
        (QuestionKind::Scale { .. }, QuestionKind::Scale { .. })
        | (QuestionKind::Number { .. }, QuestionKind::Number { .. })
        | (QuestionKind::SingleChoice(_), QuestionKind::SingleChoice(_))
        | (QuestionKind::MultipleChoice(_), QuestionKind::MultipleChoice(_)) => a.kind == b.kind,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_to_another_answer() {
        for (text, at, want) in [
            ("Same", 1, Some(0)),
            ("ditto", 2, Some(1)),
            ("Ditto.", 2, Some(1)),
            ("As above", 5, Some(4)),
            ("as previous", 3, Some(2)),
            ("\"", 3, Some(2)),
            ("Same as 1", 1, Some(0)),
            ("same as Q1", 4, Some(0)),
            ("Same as question 2", 6, Some(1)),
            ("As for 6", 6, Some(5)),
            ("as per 3", 8, Some(2)),
            ("same as number one", 2, Some(0)),
            ("Same as the first one", 2, Some(0)),
            ("Same as 8", 3, None),
            ("Same as 3", 2, None),
            ("Same", 0, None),
            ("same for us, we rarely use it", 1, None),
            ("Yes", 1, None),
            ("as soon as possible", 1, None),
            ("see my note below", 1, None),
        ] {
            assert_eq!(points_at(text, at), want, "{text}");
        }
    }
}
