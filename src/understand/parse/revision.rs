//! An answer judged again in the doctor's own words, without one of the
//! correcting verbs of [`super::correction`]: "on reflection the 8 I put
//! for Q3 is too generous, probably more like a 5 or 6", "the 9 for
//! number 3 is probably too high", "PS reading that back, question 3 is
//! somewhere between 4 and 5". The doctor no longer stands by the answer
//! given, so it is asked about, never kept; only a plain single new value
//! after "call it", "make it", "more like", "nearer" or "closer to",
//! without a hedge anywhere in the sentence ("the 8 for Q3 is too
//! generous, call it a 6"), is taken as the new answer.
//!
//! The question must be named by its number with a word that says it is
//! one ("Q3", "question 3", "number 3", "no. 3"), and only one question
//! may be named; the sentence must judge the answer ("too generous", "too
//! high", "overstates", "flatters me") or move it ("more like", "nearer",
//! "somewhere between"). Linear: three regex searches of one sentence.

use std::sync::LazyLock;

use regex::Regex;

use crate::survey::{Question, QuestionKind};
use crate::understand::answer::Status;

use super::correction::Fix;
use super::value;

/// A question named by number with a word that says so.
static NAMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:q(?:uestion)?\s*\.?\s*#?\s*|number\s+|no\.\s*)(\d{1,2})\b")
        .expect("valid regex")
});

/// Words that judge an answer given, or move it elsewhere ("call it"
/// alone judges nothing: it only gives the new value).
static JUDGED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:too\s+(?:generous|high|low|harsh|modest|kind|optimistic|pessimistic|much|little)|(?:a\s+(?:bit|little|touch)|rather|slightly|far|much)\s+(?:high|low|generous|harsh|optimistic|pessimistic)|over-?(?:stat|rat|estimat|egg|do)\w*|under-?(?:stat|rat|estimat|sell|sold)\w*|flatter(?:s|ed|ing)?|more\s+like|nearer|closer\s+to|somewhere\s+between)\b",
    )
    .expect("valid regex")
});

/// A new value after a word that moves the answer, to the end of the
/// sentence.
static MOVED_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:call\s+it|make\s+it|more\s+like|nearer|closer\s+to)\s+([^,;:()–—]+?)[\s.!]*$",
    )
    .expect("valid regex")
});

/// Hedges that keep a new value from being taken.
static HEDGED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:probably|maybe|perhaps|possibly|about|around|roughly|approximately|somewhere|i\s+think|i\s+guess|or\s+so|\d*ish)\b",
    )
    .expect("valid regex")
});

/// The question (0-based) whose answer `sentence` judges again, and what
/// becomes of it: the new value, or the sentence, doubted.
pub(super) fn read(sentence: &str, questions: &[Question]) -> Option<(usize, Fix)> {
    // The question is named by its number, in ASCII digits.
    if !super::correction::has_ascii_digit(sentence) || !JUDGED.is_match(sentence) {
        return None;
    }
    let mut named = NAMED
        .captures_iter(sentence)
        .filter_map(|c| c[1].parse::<usize>().ok());
    let n = named.next()?;
    if named.any(|other| other != n) {
        return None;
    }
    let q = n.checked_sub(1).filter(|q| *q < questions.len())?;
    let question = &questions[q];
    if matches!(question.kind, QuestionKind::Text) {
        return None;
    }
    if !HEDGED.is_match(sentence)
        && let Some(c) = MOVED_TO.captures(sentence)
    {
        // "a 6": the article, never the option a ("more like a and c").
        let wanted = c[1].trim();
        let wanted = ["a ", "an "]
            .iter()
            .find_map(|a| wanted.strip_prefix(a))
            .filter(|rest| rest.starts_with(|d: char| d.is_ascii_digit()))
            .unwrap_or(wanted);
        if value::read(question, wanted).status == Status::Ok {
            return Some((q, Fix::Value(wanted.to_owned())));
        }
    }
    Some((q, Fix::Doubted(sentence.trim().to_owned())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn revised(sentence: &str) -> Option<(usize, Fix)> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config/seed-full.toml");
        let survey = crate::survey::Survey::load(&path).expect("loads");
        read(sentence, &survey.questions)
    }

    fn doubted(q: usize, sentence: &str) -> Option<(usize, Fix)> {
        Some((q, Fix::Doubted(sentence.to_owned())))
    }

    #[test]
    fn a_revision_to_a_range_or_a_hedge_is_doubted() {
        for sentence in [
            "Apologies, on reflection the 8 I put for Q3 is too generous, probably more like a 5 or 6.",
            "Having thought about it overnight, the 7 I entered for question 3 flatters me - honestly it is nearer a 4 or 5.",
            "PS re Q3 - reading that back I'd put myself somewhere between 4 and 5 rather than 6.",
            "On second thoughts the 9 for number 3 is probably too high.",
            "The 6 for Q3 overstates it, more like 4ish.",
            "Q3 is too generous, call it a 5 or so.",
        ] {
            assert_eq!(revised(sentence), doubted(2, sentence), "{sentence}");
        }
    }

    #[test]
    fn a_plain_single_new_value_is_the_new_answer() {
        for (sentence, want) in [
            (
                "Having slept on it, the 8 I put for Q3 is too generous, call it a 6.",
                "6",
            ),
            ("The 9 for question 3 overstates it, more like 7.", "7"),
        ] {
            assert_eq!(
                revised(sentence),
                Some((2, Fix::Value(want.to_owned()))),
                "{sentence}"
            );
        }
    }

    #[test]
    fn nothing_without_a_judgement_or_one_named_question() {
        for sentence in [
            // No judgement of an answer.
            "Q3 was the hardest to answer.",
            "On reflection question 3 is a good one to ask.",
            // No question named with a word that says so.
            "The 8 I put is too generous, more like 6.",
            "Dosing is more like guesswork here.",
            // Two questions named.
            "Q3 and Q5 are too generous.",
            // Free text is never judged.
            "Q12 - the comment is too long, sorry.",
        ] {
            assert_eq!(revised(sentence), None, "{sentence}");
        }
    }
}
