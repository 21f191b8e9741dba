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
            match test(condition, &questions[at].kind, value) {
                Some(true) => Yes,
                Some(false) => No,
                None => Unknown,
            }
        }
    }
}

/// A comparison or `has` on one certain value; `None` when the answer is
/// less precise than the comparison needs (`2025` against `2025-06`).
fn test(condition: &Condition, kind: &QuestionKind, value: &Value) -> Option<bool> {
    if let (
        QuestionKind::Date { .. },
        Condition::Compare {
            op, value: operand, ..
        },
        Value::Text(iso),
    ) = (kind, condition, value)
    {
        let want = match operand {
            Operand::Date(d) => d.clone(),
            Operand::Number(year) => format!("{year:04}"),
            _ => return Some(false),
        };
        return compare_dates(iso, &want).map(|o| op.holds(o));
    }
    Some(match (condition, value) {
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
                _ => return Some(false),
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
    })
}

/// A date answer (`2025`, `2025-03`, `2025-03-05`) against a date of a
/// condition, compared as far as both go; `None` when they agree as far as
/// the answer goes but the condition is more precise (`2025` against
/// `2025-06`: cannot be told).
fn compare_dates(answer: &str, want: &str) -> Option<std::cmp::Ordering> {
    let parts =
        |iso: &str| -> Vec<i64> { iso.split('-').map(|p| p.parse().unwrap_or(0)).collect() };
    let (a, w) = (parts(answer), parts(want));
    let common = a.len().min(w.len());
    match a[..common].cmp(&w[..common]) {
        std::cmp::Ordering::Equal if a.len() < w.len() => None,
        ordering => Some(ordering),
    }
}

fn chosen(value: &Value) -> Vec<&str> {
    match value {
        Value::Choice(id) => vec![id.as_str()],
        Value::Choices(ids) => ids.iter().map(String::as_str).collect(),
        _ => Vec::new(),
    }
}

/// Did the respondent answer `questions[index]` though it does not apply
/// to them (its condition is false)? Such an answer is kept, never asked
/// about and never counted: the report lists it for the lead and the
/// exports flag it. "n/a" to it is no answer given anyway. Derived from
/// the answers each time, so a correction that makes the question apply
/// again takes the flag away.
pub fn answered_anyway(
    questions: &[Question],
    index: usize,
    answers: &BTreeMap<String, Answer>,
) -> bool {
    // A grid is answered anyway when any of its items is.
    questions.get(index).is_some_and(|q| {
        q.answer_keys().iter().any(|key| {
            answers
                .get(key)
                .is_some_and(|a| a.reserved() != Some(crate::survey::Reserved::NotApplicable))
        }) && applies(questions, index, answers) == Applies::No
    })
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
            q.required && !answered(q, answers) && applies(questions, *i, answers) == Applies::Yes
        })
        .map(|(_, q)| q)
        .collect()
}

/// Has `question` an answer that counts: every item of a grid, or the
/// question itself?
pub fn answered(question: &Question, answers: &BTreeMap<String, Answer>) -> bool {
    let counts = |key: &str| answers.get(key).is_some_and(Answer::is_ok);
    match &question.kind {
        QuestionKind::Grid { .. } => question.answer_keys().iter().all(|key| counts(key)),
        // The question's own id, not a list of keys made for it: the
        // report asks this of every question of every respondent.
        _ => counts(&question.id),
    }
}

/// The items of a grid without an answer that counts, by index; empty
/// for other kinds.
pub fn items_outstanding(question: &Question, answers: &BTreeMap<String, Answer>) -> Vec<usize> {
    question
        .grid_items()
        .iter()
        .enumerate()
        .filter(|(_, item)| {
            !answers
                .get(&question.item_key(item))
                .is_some_and(Answer::is_ok)
        })
        .map(|(i, _)| i)
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
    fn a_grid_answered_though_it_does_not_apply_is_flagged() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config/seed-full.toml");
        let questions = crate::survey::Survey::load(&path).expect("loads").questions;
        let mut answers = BTreeMap::from([(
            "used_ketamine".to_owned(),
            Answer::ok(Value::Bool(false), "no"),
        )]);
        assert!(!answered_anyway(&questions, 3, &answers));
        answers.insert(
            "confidence_areas.routes".to_owned(),
            Answer::ok(Value::Integer(3), "b) 3"),
        );
        assert!(answered_anyway(&questions, 3, &answers));
        assert!(!answered(&questions[5], &BTreeMap::new()));
        assert_eq!(items_outstanding(&questions[3], &answers), [0, 2]);
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
    fn conditions_on_dates_and_durations() {
        let at = |iso: &str| Answer::ok(Value::Text(iso.into()), iso);
        let years = |n: i64| Answer::ok(Value::Integer(n), n.to_string());
        for (answer, want, holds) in [
            ("2025-03", "2025-01", Some(true)),
            ("2024-12-31", "2025-01", Some(false)),
            ("2025-01-15", "2025-01", Some(true)),
            ("2025", "2025-06", None),
            ("2026", "2025-06", Some(true)),
        ] {
            let condition = Condition::Compare {
                question: "last".into(),
                op: crate::survey::condition::Op::Ge,
                value: Operand::Date(want.into()),
            };
            let kind = QuestionKind::Date { order: None };
            assert_eq!(
                test(&condition, &kind, &at(answer).value.unwrap()),
                holds,
                "{answer} >= {want}"
            );
        }
        let year = Condition::Compare {
            question: "last".into(),
            op: crate::survey::condition::Op::Lt,
            value: Operand::Number(2020.0),
        };
        let kind = QuestionKind::Date { order: None };
        assert_eq!(
            test(&year, &kind, &at("2019-05").value.unwrap()),
            Some(true)
        );
        assert_eq!(test(&year, &kind, &at("2020").value.unwrap()), Some(false));
        let long = Condition::Compare {
            question: "years".into(),
            op: crate::survey::condition::Op::Ge,
            value: Operand::Number(5.0),
        };
        let kind = QuestionKind::Duration {
            unit: crate::survey::DurationUnit::Years,
        };
        assert_eq!(test(&long, &kind, &years(11).value.unwrap()), Some(true));
        let half = Answer::ok(Value::Number(1.5), "18 months");
        assert_eq!(test(&long, &kind, &half.value.unwrap()), Some(false));
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
