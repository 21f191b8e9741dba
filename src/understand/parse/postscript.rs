//! A postscript of the doctor's own that corrects answers by number
//! without a correcting verb: "PS - sorry, I've just checked with our lead
//! nurse and we do have a written protocol. So 7 is yes, and 8 is no - it
//! hasn't gone out yet." The word of correction ("sorry", "I've just
//! checked", "actually", "I got it wrong", "turns out") may be in any
//! sentence of the postscript; once it is there, every clause that gives a
//! question by its number and an answer that reads as that question's
//! ("7 is yes", "8 is no", "so 10 is 03/12/2026") is a correction.
//!
//! Only the doctor's own unquoted lines come here (the caller knows), and
//! only below a line that starts the postscript ("PS", "P.S.", "PPS").
//! An answer said again in a postscript with no word of correction is no
//! correction here: that is for [`super::correction`] to judge. Linear:
//! three regex searches of a line.

use std::sync::LazyLock;

use regex::Regex;

use crate::survey::{Question, QuestionKind};
use crate::understand::answer::Status;

use super::value;

/// A line that starts a postscript: "PS", "P.S.", "PPS", "P.P.S.", "ps:".
static STARTS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\W*(?:p\.?\s?){1,2}s\b\.?").expect("valid regex"));

/// Words that say an answer given changes: with them anywhere in the
/// postscript, its answers by number are corrections. "Sorry" only when
/// it apologises for no delay ("sorry for the delay" corrects nothing).
static CORRECTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:sorry(?P<rest>\s+(?:for|about|this\s+is|it'?s|to\s+be)\b)?|apologies|oops|my\s+mistake|mistake|wrong|in\s+error|actually|after\s+all|in\s+fact|turns?\s+out|turned\s+out|(?:just\s+|have\s+|i'?ve\s+|double[\s-]|now\s+)checked|having\s+checked|realis\w+|realiz\w+|on\s+reflection|second\s+thoughts?|correction|i\s+meant)\b",
    )
    .expect("valid regex")
});

/// "So 7 is yes", "and 8 is no", "Q8 is a no", "10 should be 3/12/2026",
/// "7 = yes": a question by its number at the start of a clause, then
/// what it is; the answer runs to the next such clause.
static BY_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^\W*|[,;:]\s*|\b(?:so|and|then|also|which\s+means|meaning)\s+)(?:(?:question|q|no\.?|number)\s*)?(\d{1,2})\s*(?:is|'s|’s|should\s+be|should\s+have\s+been|=|:)\s+(?:(?:now|actually|in\s+fact|definitely|really)\s+)?",
    )
    .expect("valid regex")
});

/// Does `line` start a postscript?
pub(super) fn starts(line: &str) -> bool {
    STARTS.is_match(line)
}

/// Does `line` hold a word that says an answer changes?
pub(super) fn correcting(line: &str) -> bool {
    CORRECTING
        .captures_iter(line)
        .any(|c| c.name("rest").is_none())
}

/// The answers a sentence of a correcting postscript gives by number:
/// each question (0-based) with the text that reads as its answer. None
/// when a clause names a number that is no question, or gives what does
/// not read as its question's answer (the sentence is then something
/// else: "2 is about right for our unit").
pub(super) fn answers(sentence: &str, questions: &[Question]) -> Vec<(usize, String)> {
    let clauses: Vec<(usize, usize, usize)> = BY_NUMBER
        .captures_iter(sentence)
        .filter_map(|c| Some((c.get(0)?.start(), c.get(0)?.end(), c[1].parse().ok()?)))
        .collect();
    let mut out = Vec::new();
    for (at, &(_, end, n)) in clauses.iter().enumerate() {
        let stop = clauses.get(at + 1).map_or(sentence.len(), |next| next.0);
        let Some(q) = n.checked_sub(1).filter(|q| *q < questions.len()) else {
            return Vec::new();
        };
        let mut wanted = sentence[end..stop]
            .trim()
            .trim_end_matches(['.', '!', ',', ';'])
            .trim();
        if matches!(questions[q].kind, QuestionKind::YesNo) {
            // "a yes", "a no": the article is no option letter here.
            wanted = wanted
                .strip_prefix("a ")
                .or_else(|| wanted.strip_prefix("A "))
                .unwrap_or(wanted);
        }
        if !reads_as(&questions[q], wanted) {
            return Vec::new();
        }
        out.push((q, wanted.to_owned()));
    }
    out
}

/// Does `wanted` read, certainly, as an answer to `question` (never to a
/// comment, which any words answer)?
fn reads_as(question: &Question, wanted: &str) -> bool {
    !matches!(question.kind, QuestionKind::Text)
        && !wanted.is_empty()
        && value::read(question, wanted).status == Status::Ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn questions() -> Vec<Question> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config/seed-full.toml");
        crate::survey::Survey::load(&path)
            .expect("seed-full loads")
            .questions
    }

    #[test]
    fn a_postscript_starts() {
        for line in [
            "PS - sorry",
            "P.S. one more thing",
            "PPS 7 is yes",
            "ps: 8 is no",
            "P.P.S. x",
        ] {
            assert!(starts(line), "{line}");
        }
        for line in ["Psoriasis aside", "Please see below", "Pss"] {
            assert!(!starts(line), "{line}");
        }
    }

    #[test]
    fn words_of_correction() {
        for line in [
            "PS - sorry, I've just checked with our lead nurse",
            "PS I got 7 wrong",
            "PS turns out we do have one",
            "P.S. actually we do",
            "PS on reflection",
        ] {
            assert!(correcting(line), "{line}");
        }
        for line in [
            "PS sorry for the delay",
            "PS sorry this is late",
            "PS thanks for doing this",
        ] {
            assert!(!correcting(line), "{line}");
        }
    }

    #[test]
    fn answers_by_number_in_a_sentence() {
        let qs = questions();
        assert_eq!(
            answers(
                "So 7 is yes, and 8 is no - it hasn't gone out to the community teams yet.",
                &qs
            ),
            vec![
                (6, "yes".to_owned()),
                (
                    7,
                    "no - it hasn't gone out to the community teams yet".to_owned()
                )
            ]
        );
        assert_eq!(answers("Q9 is a no", &qs), vec![(8, "no".to_owned())]);
        // A number that is no question, or words that do not answer it.
        assert!(answers("So 14 is yes", &qs).is_empty());
        assert!(answers("3 is about the same as last year", &qs).is_empty());
        assert!(answers("We have 2 consultants", &qs).is_empty());
    }
}
