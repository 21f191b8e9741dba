//! Corrections in the doctor's own words: a sentence that changes one
//! answer ("for question 4 I meant 8", "PS: so 7 should be yes", "on the
//! confidence question, make that 7 rather than 5", "make that 8 for the
//! confidence one") or takes it back ("scratch what I said about the
//! written protocol, we do have one"; "forget what I said about the
//! protocol" with no new answer leaves the question to be asked).
//!
//! Each sentence is matched once by a few anchored, linear-time regexes;
//! a question named by words must be named by exactly one question's
//! words. Whether a sentence is the doctor's own (never quoted, never
//! below a signature) is for the caller to know.

use std::sync::LazyLock;

use regex::Regex;

use crate::survey::{Question, QuestionKind};
use crate::understand::answer::Status;

use super::prose;
use super::value;

/// What a correction does to its question's answer.
#[derive(Debug, PartialEq)]
pub(super) enum Fix {
    /// The new answer's text, to be read as any answer.
    Value(String),
    /// The answer is taken back, with no new one that can be read: the
    /// sentence, to show when asking.
    Retracted(String),
}

static CORRECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:for|on|to|in)?\s*(?:question|q)\s*\.?\s*#?(\d{1,2})\s*[,:]?\s*(?:i\s+meant(?:\s+to\s+(?:say|put|write))?|should\s+(?:be|have\s+been|read|say)|(?:please\s+)?change\s+(?:it\s+|that\s+|my\s+answer\s+)?to|the\s+answer\s+(?:is|should\s+be)|my\s+answer\s+(?:is|should\s+be))\s*:?\s*(\S.*)$",
    )
    .expect("valid regex")
});
/// The verbs of a correction: "I meant", "should be", "make that", "my
/// answer is" (what follows, or precedes with "for", is the new answer).
const CORRECTING: &str = r"(?:i\s+meant(?:\s+to\s+(?:say|put|write))?|(?:it\s+|that\s+)?should\s+(?:be|have\s+been|read|say)|(?:please\s+)?(?:change|make)\s+(?:it\s+|that\s+|my\s+answer\s+)?(?:to\s+)?|(?:the|my)\s+answer\s+(?:is|was|should\s+be))";
/// "For 4 I meant 6", "for no. 3 it should be no": a question by its number
/// alone, right before the correcting verb.
static CORRECTION_BARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\bfor\s+(?:no\.?\s*|number\s+|#)?(\d{{1,2}})\s*[,:]?\s*{CORRECTING}\s*:?\s*(\S.*)$"
    ))
    .expect("valid regex")
});
/// "For the research question my answer should be no", "on the
/// confidence question, make that 7", "re the confidence one - make that
/// 8": a question named by its words.
static CORRECTION_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:for|on|re|regarding|as\s+for|about)\s+the\s+(?:question\s+(?:about|on)\s+)?([^,:;.!?–—]+?)(?:\s+(?:one|question|answer))?\s*(?:[,:–—]|\s-)?\s*{CORRECTING}\s*:?\s*(\S.*)$"
    ))
    .expect("valid regex")
});
/// "Make that 8 for the confidence one", "change it to no for question
/// 3": the new answer first, then the question.
static CORRECTION_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:make\s+(?:that|it)|change\s+(?:that|it|my\s+answer)\s+to|i\s+meant)\s+([^,;:]+?)\s+for\s+(?:the\s+)?(?:question\s+(?:about|on)\s+)?([^,;:]+?)(?:\s+(?:one|question|answer))?\s*[.!]*\s*$",
    )
    .expect("valid regex")
});
/// "So 7 should be yes", "PS 6 should have been no": a question by its
/// number alone at the start of a clause, then "should be". Taken only
/// when what follows reads as an answer to that question.
static CORRECTION_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[,;:–—]\s*|\s-\s*|\b(?:so|and|then|also|but|ps|p\.s\.)\s+)(?:no\.?\s*|number\s+|#)?(\d{1,2})\s+(?:should|must)\s+(?:be|have\s+been|read|say)\s*:?\s*(\S.*)$",
    )
    .expect("valid regex")
});
/// "Scratch what I said about the written protocol, we do have one",
/// "ignore my answer to question 6": the answer taken back; what follows
/// the separator, if anything, is the new one.
static RETRACTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:scratch|ignore|disregard|forget|strike)\s+(?:what\s+i\s+(?:said|wrote|put|answered)|my\s+answer)\s+(?:about|for|on|to|re|regarding)\s+(?:the\s+)?(?:question\s+(?:about|on)\s+)?([^,;:.!?–—]+?)(?:\s+(?:one|question|answer))?\s*(?:[,;:.!?–—]|\s-\s|$)\s*(.*)$",
    )
    .expect("valid regex")
});
/// "One more change, sorry: 8. no - on reflection …", "correction: Q6
/// yes": a word of change, a colon, then a numbered answer.
static CORRECTION_LISTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:change|changes|correction|corrections|update|amendment)\b[^:]{0,40}:\s*(?:q(?:uestion)?\s*\.?\s*)?(\d{1,2})\s*[.):=\-–—]\s*(\S.*)$",
    )
    .expect("valid regex")
});
/// "…, not 7", "8 rather than 6 - I was being modest": the old answer
/// and anything after it.
static NOT_THAT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[\s,;(]*\b(not|instead of|rather than)\b.*$").expect("valid regex")
});

/// The correction in one sentence of the doctor's own, if it is one: the
/// question (0-based) and what it does.
pub(super) fn read(
    sentence: &str,
    questions: &[Question],
    index: &prose::Index,
) -> Option<(usize, Fix)> {
    let by_number = |n: &str| {
        let n: usize = n.parse().ok()?;
        n.checked_sub(1).filter(|i| *i < questions.len())
    };
    if let Some(c) = RETRACTION.captures(sentence) {
        let q = named(&c[1], questions.len(), index)?;
        return Some((q, retraction(&questions[q], sentence, &c[2])));
    }
    if let Some(c) = CORRECTION_LISTED.captures(sentence) {
        // The numbered answer as written, like any listed answer.
        let wanted = c.get(2)?.as_str().trim();
        return Some((by_number(&c[1])?, Fix::Value(wanted.to_owned())));
    }
    let (q, wanted) = if let Some(c) = CORRECTION.captures(sentence) {
        (by_number(&c[1])?, c.get(2)?.as_str())
    } else if let Some(c) = CORRECTION_BARE.captures(sentence) {
        (by_number(&c[1])?, c.get(2)?.as_str())
    } else if let Some(c) = CORRECTION_WORDS.captures(sentence) {
        (named(&c[1], questions.len(), index)?, c.get(2)?.as_str())
    } else if let Some(c) = CORRECTION_AFTER.captures(sentence) {
        (named(&c[2], questions.len(), index)?, c.get(1)?.as_str())
    } else {
        let c = CORRECTION_CLAUSE.captures(sentence)?;
        let q = by_number(&c[1])?;
        let wanted = trimmed(c.get(2)?.as_str());
        // A number alone names a question only when what follows answers
        // it: "so 7 should be yes", never "2 should be enough".
        let question = &questions[q];
        if matches!(question.kind, QuestionKind::Text)
            || value::read(question, &wanted).status != Status::Ok
        {
            return None;
        }
        return Some((q, Fix::Value(wanted)));
    };
    let wanted = trimmed(wanted);
    (!wanted.is_empty()).then_some((q, Fix::Value(wanted)))
}

/// The new answer of a correction: the old one ("not 7", "rather than
/// 5 - …") and closing punctuation taken off.
fn trimmed(wanted: &str) -> String {
    let wanted = NOT_THAT.replace(wanted, "");
    wanted
        .trim()
        .trim_end_matches(['.', '!', ','])
        .trim()
        .to_owned()
}

/// An answer taken back: the new answer when the rest of the sentence
/// reads as one ("we do have one - it was ratified in November"),
/// otherwise nothing to count.
fn retraction(question: &Question, sentence: &str, rest: &str) -> Fix {
    let rest = rest.trim().trim_end_matches(['.', '!']).trim();
    if !rest.is_empty()
        && !matches!(question.kind, QuestionKind::Text)
        && value::read(question, rest).status == Status::Ok
    {
        return Fix::Value(rest.to_owned());
    }
    Fix::Retracted(sentence.trim().to_owned())
}

/// The question a correction names: "question 6", "no. 6", "6" or its
/// words, which must fit exactly one question.
fn named(label: &str, questions: usize, index: &prose::Index) -> Option<usize> {
    let label = label.trim();
    let number = label
        .trim_start_matches(|c: char| !c.is_ascii_digit())
        .trim_end_matches(['.', ')']);
    let prefix = label[..label.len() - number.len()].trim().to_lowercase();
    if !number.is_empty()
        && [
            "",
            "question",
            "q",
            "no",
            "no.",
            "number",
            "#",
            "question no.",
        ]
        .contains(&prefix.as_str())
    {
        let n: usize = number.parse().ok()?;
        return n.checked_sub(1).filter(|i| *i < questions);
    }
    match index.label(label) {
        prose::Tie::One(q) => Some(q),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(sentence: &str) -> Option<(usize, Fix)> {
        let survey = crate::survey::example();
        let index = prose::Index::new(&survey.questions);
        read(sentence, &survey.questions, &index)
    }

    fn value(q: usize, text: &str) -> Option<(usize, Fix)> {
        Some((q, Fix::Value(text.to_owned())))
    }

    #[test]
    fn corrections_by_number_and_by_words() {
        assert_eq!(
            fix("Sorry, for question 4 I meant 8, not 7."),
            value(3, "8")
        );
        assert_eq!(fix("PS: sorry, for 4 I meant 6"), value(3, "6"));
        assert_eq!(
            fix("we do have shared guidance after all – so 7 should be yes."),
            value(6, "yes")
        );
        assert_eq!(
            fix("PS on the confidence question, make that 7 rather than 5 - I was too modest"),
            value(3, "7")
        );
        assert_eq!(
            fix("P.S. re the confidence question – make that 8 rather than 6, I use it weekly."),
            value(3, "8")
        );
        assert_eq!(fix("Make that 8 for the confidence one."), value(3, "8"));
        assert_eq!(
            fix("One more change, sorry: 8. no - on reflection we had training"),
            value(7, "no - on reflection we had training")
        );
        assert_eq!(fix("Some changes to my plans: 2 weeks off"), None);
    }

    #[test]
    fn a_number_alone_names_a_question_only_before_an_answer_to_it() {
        assert_eq!(fix("I think 2 should be enough for most patients."), None);
        assert_eq!(fix("so 2 should be enough"), None);
        assert_eq!(
            fix("so 10 should be fine"),
            None,
            "free text is never corrected by a bare number"
        );
        assert_eq!(fix("and 12 should be yes"), None, "no question 12");
    }

    #[test]
    fn retractions() {
        assert_eq!(
            fix(
                "Actually scratch what I said about the written protocol, we do have one - it was ratified in November."
            ),
            value(5, "we do have one - it was ratified in November")
        );
        assert_eq!(
            fix("Oh and ignore what I said about community guidance, we don't have any"),
            value(6, "we don't have any")
        );
        assert_eq!(
            fix("Forget what I said about the protocol."),
            Some((
                5,
                Fix::Retracted("Forget what I said about the protocol.".into())
            ))
        );
        // Words of no one question: not a correction.
        assert_eq!(fix("Ignore what I said about ketamine, I was tired."), None);
    }
}
