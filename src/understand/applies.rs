//! Which questions apply to a respondent, from their answers so far: a
//! question with a condition (`show_if`) applies when the condition holds
//! on the answers that count. The one place that says which questions are
//! still outstanding, so the decision, the clarification, the reminders
//! and the report agree.
//!
//! Three answers, as a careful reader gives them: a condition holds, does
//! not hold, or cannot be told yet (an answer it tests is missing, unclear,
//! invalid or only inferred). "Not applicable" to a tested question, or a
//! tested question that itself does not apply, makes a comparison false.

use std::collections::BTreeMap;

use crate::survey::condition::{Condition, Operand};
use crate::survey::{Question, QuestionKind};
use crate::understand::answer::{Answer, Value};

/// Does a question apply to the respondent?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applies {
    /// Yes (or it has no condition).
    Yes,
    /// No: its condition is false. It is not missing, never asked for,
    /// and "not applicable" in the exports.
    No,
    /// Not yet known: an answer its condition tests is missing or unclear.
    /// It is not missing yet; that answer is asked for first.
    Unknown,
}

/// Does `questions[index]` apply, given `answers`? Conditions test only
/// earlier questions (the survey checker makes sure), so this recurses at
/// most once per earlier question.
pub fn applies(
    questions: &[Question],
    index: usize,
    answers: &BTreeMap<String, Answer>,
) -> Applies {
    match questions.get(index).and_then(|q| q.show_if.as_ref()) {
        None => Applies::Yes,
        Some(show_if) => holds(&show_if.condition, questions, index, answers),
    }
}

/// Does the question with id `id` apply? Unknown ids apply.
pub fn applies_to(questions: &[Question], id: &str, answers: &BTreeMap<String, Answer>) -> Applies {
    questions
        .iter()
        .position(|q| q.id == id)
        .map_or(Applies::Yes, |i| applies(questions, i, answers))
}

fn holds(
    condition: &Condition,
    questions: &[Question],
    before: usize,
    answers: &BTreeMap<String, Answer>,
) -> Applies {
    use Applies::*;
    match condition {
        Condition::Not(c) => match holds(c, questions, before, answers) {
            Yes => No,
            No => Yes,
            Unknown => Unknown,
        },
        Condition::And(a, b) => match (
            holds(a, questions, before, answers),
            holds(b, questions, before, answers),
        ) {
            (No, _) | (_, No) => No,
            (Yes, Yes) => Yes,
            _ => Unknown,
        },
        Condition::Or(a, b) => match (
            holds(a, questions, before, answers),
            holds(b, questions, before, answers),
        ) {
            (Yes, _) | (_, Yes) => Yes,
            (No, No) => No,
            _ => Unknown,
        },
        Condition::Compare { question, .. } | Condition::Has { question, .. } => {
            // Only earlier questions: a condition never waits on itself.
            let Some(at) = questions[..before.min(questions.len())]
                .iter()
                .position(|q| &q.id == question)
            else {
                return Unknown;
            };
            if applies(questions, at, answers) == No {
                return No;
            }
            let Some(answer) = answers.get(question).filter(|a| a.is_ok()) else {
                return Unknown;
            };
            let Some(value) = answer.value.as_ref() else {
                return Unknown;
            };
            if value.reserved().is_some() {
                return No;
            }
            if test(condition, &questions[at].kind, value) {
                Yes
            } else {
                No
            }
        }
    }
}

/// A comparison or `has` on one certain value.
fn test(condition: &Condition, kind: &QuestionKind, value: &Value) -> bool {
    match (condition, value) {
        (
            Condition::Compare {
                op,
                value: Operand::Bool(want),
                ..
            },
            Value::Bool(b),
        ) => op.holds(b.cmp(want)),
        (
            Condition::Compare {
                op,
                value: Operand::Number(want),
                ..
            },
            Value::Integer(_) | Value::Number(_),
        ) => {
            let x = match value {
                Value::Integer(i) => *i as f64,
                Value::Number(x) => *x,
                _ => return false,
            };
            x.partial_cmp(want).is_some_and(|o| op.holds(o))
        }
        (
            Condition::Compare {
                op,
                value: Operand::Option(want),
                ..
            },
            _,
        ) => op.holds(if chosen(value).contains(&want.as_str()) {
            std::cmp::Ordering::Equal
        } else {
            std::cmp::Ordering::Less
        }),
        (Condition::Has { option, .. }, _) => {
            matches!(
                kind,
                QuestionKind::SingleChoice(_) | QuestionKind::MultipleChoice(_)
            ) && chosen(value).contains(&option.as_str())
        }
        _ => false,
    }
}

fn chosen(value: &Value) -> Vec<&str> {
    match value {
        Value::Choice(id) => vec![id.as_str()],
        Value::Choices(ids) => ids.iter().map(String::as_str).collect(),
        _ => Vec::new(),
    }
}

/// The required questions still to be answered, in survey order: those
/// without an answer that counts whose condition holds. A question whose
/// condition is false is not missing; one whose condition cannot be told
/// yet is not missing yet (the answer it waits on is asked for first).
pub fn outstanding<'q>(
    questions: &'q [Question],
    answers: &BTreeMap<String, Answer>,
) -> Vec<&'q Question> {
    questions
        .iter()
        .enumerate()
        .filter(|(i, q)| {
            q.required
                && !answers.get(&q.id).is_some_and(Answer::is_ok)
                && applies(questions, *i, answers) == Applies::Yes
        })
        .map(|(_, q)| q)
        .collect()
}

/// Has the respondent answered everything that applies to them?
pub fn complete(questions: &[Question], answers: &BTreeMap<String, Answer>) -> bool {
    outstanding(questions, answers).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::Reserved;

    fn survey() -> Vec<Question> {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config/seed-conditions.toml");
        crate::survey::Survey::load(&path).expect("loads").questions
    }

    fn answers(list: &[(&str, Answer)]) -> BTreeMap<String, Answer> {
        list.iter()
            .map(|(q, a)| ((*q).to_owned(), a.clone()))
            .collect()
    }

    fn yes() -> Answer {
        Answer::ok(Value::Bool(true), "yes")
    }

    fn no() -> Answer {
        Answer::ok(Value::Bool(false), "no")
    }

    #[test]
    fn a_condition_holds_fails_or_waits() {
        let questions = survey();
        let situations =
            |list: &[(&str, Answer)]| applies_to(&questions, "situations", &answers(list));
        assert_eq!(situations(&[("used_ketamine", yes())]), Applies::Yes);
        assert_eq!(situations(&[("used_ketamine", no())]), Applies::No);
        assert_eq!(situations(&[]), Applies::Unknown);
        assert_eq!(
            situations(&[("used_ketamine", Answer::unclear("?", "maybe"))]),
            Applies::Unknown
        );
        assert_eq!(
            situations(&[(
                "used_ketamine",
                Answer::inferred(Value::Bool(true), "I think so")
            )]),
            Applies::Unknown
        );
        assert_eq!(
            situations(&[(
                "used_ketamine",
                Answer::of_reserved(Reserved::NotApplicable, None, "n/a")
            )]),
            Applies::No
        );
        assert_eq!(
            applies_to(&questions, "confidence", &answers(&[])),
            Applies::Yes
        );
    }

    #[test]
    fn outstanding_skips_what_does_not_apply_and_waits_on_what_is_unknown() {
        let questions = survey();
        let ids = |list: &[(&str, Answer)]| -> Vec<String> {
            outstanding(&questions, &answers(list))
                .iter()
                .map(|q| q.id.clone())
                .collect()
        };
        let rest = [
            ("confidence", Answer::ok(Value::Integer(5), "5")),
            (
                "barriers",
                Answer::ok(Value::Choices(vec!["evidence".into()]), "b"),
            ),
            ("training", yes()),
        ];
        let mut no_to_both = rest.to_vec();
        no_to_both.extend([("used_ketamine", no()), ("written_protocol", no())]);
        assert!(
            ids(&no_to_both).is_empty(),
            "the two conditional ones do not apply"
        );
        // Nothing known of the first: it is asked, situations is not yet.
        let mut unknown = rest.to_vec();
        unknown.push(("written_protocol", no()));
        assert_eq!(ids(&unknown), ["used_ketamine"]);
        // A correction to yes makes situations apply, and outstanding.
        let mut flipped = no_to_both.clone();
        flipped.retain(|(q, _)| *q != "used_ketamine");
        flipped.push(("used_ketamine", yes()));
        assert_eq!(ids(&flipped), ["situations"]);
        // An answer to a question that does not apply is kept, never asked about.
        let mut answered_anyway = no_to_both.clone();
        answered_anyway.push(("protocol_shared", Answer::unclear("?", "yes and no")));
        assert!(complete(&questions, &answers(&answered_anyway)));
    }
}
