//! Sentences that limit when the doctor did what a yes/no question asks
//! about: "I've only ever used it in the last days of life", "I only
//! started it early on, with the first strong opioid", "never used it
//! except at the very end". Such a sentence says no to a question about
//! the other end of the illness (a question whose text says "early" when
//! the doctor says "only in the last days"), so a listed yes to that
//! question is contradicted and asked about ([`super::contradicted`]). It
//! never gives an answer of its own: where nothing else answers the
//! question, it stays missing.
//!
//! Only *when* is compared, by two small lists of words (early, first,
//! start … against last, final, end, terminal, dying …): "only used it
//! on the inpatient unit" limits *where*, which no question here can be
//! told apart by, and contradicts nothing. Linear: one regex search and
//! one pass over the words of each sentence.

use std::sync::LazyLock;

use regex::Regex;

use crate::survey::{Question, QuestionKind};

use super::value::plain_words;

/// Words that place a use early in the illness or in its treatment.
const EARLY: &[&str] = &[
    "early",
    "earlier",
    "first",
    "initial",
    "initially",
    "beginning",
    "outset",
    "onset",
    "start",
];

/// Words that place a use late in the illness, near death.
const LATE: &[&str] = &[
    "last",
    "final",
    "end",
    "terminal",
    "terminally",
    "dying",
    "late",
    "later",
];

/// A use limited to what follows (`rest`): "only (ever) used it …",
/// "only ever reach for ketamine …", "used it only …", "it is only ever
/// given …", "never used it except/other than/outside …", and the verbs
/// that limit by themselves: "I keep (reserve, save) it for …".
static LIMITED: LazyLock<Regex> = LazyLock::new(|| {
    let deed = r"(?:used|use|using|prescribed|prescribe|given|give|gave|tried|try|started|start|initiated|initiate|introduced|introduce|added|add|considered|consider|employed|employ|reach(?:ed)?\s+for|turn(?:ed)?\s+to|resort(?:ed)?\s+to|go(?:es)?\s+for|went\s+for|bring\s+(?:it\s+|ketamine\s+)?in|brought\s+(?:it\s+|ketamine\s+)?in)";
    let object = r"(?:it\s+|ketamine\s+|them\s+)?";
    let softly = r"(?:ever\s+|really\s+|actually\s+|tend\s+to\s+|ever\s+really\s+|really\s+ever\s+|ever\s+tend\s+to\s+|have\s+|would\s+|ever\s+have\s+)*";
    let keep = r"(?:reserve[sd]?|reserving|keep|keeps|kept|keeping|save[sd]?|saving|hold\s+(?:it\s+|ketamine\s+)?back|held\s+(?:it\s+|ketamine\s+)?back)";
    Regex::new(&format!(
        r"(?i)\b(?:only\s+{softly}{deed}\s+{object}|{deed}\s+{object}only\s+(?:ever\s+)?|(?:it|ketamine)(?:\s+is|'s|’s|\s+was|\s+gets|\s+got)\s+only\s+(?:ever\s+|really\s+)?(?:used\s+|given\s+|started\s+|prescribed\s+)?|never\s+{softly}{deed}\s+{object}(?:except|other\s+than|outside(?:\s+of)?|apart\s+from|but|unless|until|before)\s+|{keep}\s+(?:it|ketamine)\s+(?:back\s+)?(?:for|until|till|to)\s+)(?P<rest>[^,;:.!?–—()]+)"
    ))
    .expect("valid regex")
});

/// Can [`LIMITED`] match `sentence`? Each of its forms has one of these
/// words ("only", "never", or a verb of keeping), so an ASCII sentence
/// without any cannot; any other sentence is searched (`(?i)` matches the
/// Kelvin sign as `k` and `ſ` as `s`). Every sentence of the doctor's is
/// read for a limit, nearly none has one: this spares them the search for
/// the captures (issue 23).
fn may_limit(sentence: &str) -> bool {
    const NEEDED: &[&str] = &[
        "only", "never", "reserv", "keep", "kept", "sav", "hold", "held",
    ];
    if !sentence.is_ascii() {
        return true;
    }
    let lower = sentence.to_ascii_lowercase();
    NEEDED.iter().any(|word| lower.contains(word))
}

/// When a text places a use: early, late, or neither (no such word, or
/// words of both).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Early,
    Late,
}

fn phase(text: &str) -> Option<Phase> {
    let words = plain_words(text);
    let early = words.iter().any(|w| EARLY.contains(&w.as_str()));
    let late = words.iter().any(|w| LATE.contains(&w.as_str()));
    match (early, late) {
        (true, false) => Some(Phase::Early),
        (false, true) => Some(Phase::Late),
        _ => None,
    }
}

/// The yes/no questions (0-based) whose yes `sentence` contradicts: it
/// limits the doctor's use to one end of the illness, and their text
/// speaks of the other end.
pub(super) fn contradicted(sentence: &str, questions: &[Question]) -> Vec<usize> {
    if !may_limit(sentence) {
        return Vec::new();
    }
    let Some(limit) = LIMITED.captures(sentence).and_then(|c| phase(&c["rest"])) else {
        return Vec::new();
    };
    questions
        .iter()
        .enumerate()
        .filter(|(_, q)| matches!(q.kind, QuestionKind::YesNo))
        .filter(|(_, q)| phase(&q.text).is_some_and(|p| p != limit))
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn a_use_limited_to_one_end_contradicts_the_other_end() {
        let survey = crate::survey::example();
        let q = &survey.questions;
        let cases: &[(&str, &[usize])] = &[
            (
                "To be honest I've only ever used it in the last days of life.",
                &[1],
            ),
            (
                "I have only used it for patients in their final days, never earlier.",
                &[1],
            ),
            (
                "I only ever started it early on, with the first strong opioid",
                &[0],
            ),
            (
                "I've used it only at the end, when nothing else worked",
                &[1],
            ),
            ("I've never used it except in dying patients", &[1]),
            (
                "To be frank I only ever reach for ketamine in the final days, once nothing else works.",
                &[1],
            ),
            ("In practice I keep it for the terminal phase", &[1]),
            ("We tend to save ketamine for the dying patient", &[1]),
            ("It's only ever used at the very end here", &[1]),
            (
                "I only tend to turn to it in the last week or so of life",
                &[1],
            ),
            ("I only ever bring it in right at the start", &[0]),
            (
                "I have only used it on the inpatient unit, never in the community.",
                &[],
            ),
            ("Only the last patient had it", &[]),
            ("We use it early and late", &[]),
            ("I've only used it from the start to the very end", &[]),
        ];
        for (sentence, expected) in cases {
            assert_eq!(&contradicted(sentence, q), expected, "{sentence}");
        }
    }
}
