//! An answer changed or doubted inside its own line, after its value: "No
//! – sorry, scratch that, yes: one patient whose dose we halved", "No –
//! sorry, misread that. Yes.", "b – wait, I mean c". The words after the
//! first value are no reason for it: the later value is the answer when
//! it reads clearly; otherwise, when they hold another value of the
//! question, the answer is asked. Never the first value, ok.
//!
//! A plain reason keeps reading as it did ("No – we wait until the opioid
//! has been titrated", "No. Sorry, we just don't see enough cases"): it
//! gives no other value.

use std::sync::LazyLock;

use regex::Regex;

use super::yes_no::{NO_ALONE, YES_ALONE};
use super::{before_reason, number, options_named, plain_words, read_whole};
use crate::survey::{Question, QuestionKind};
use crate::understand::answer::{Answer, Status, Value};

/// A word of change or doubt: where what follows the first value stops
/// being its reason.
static CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:sorry|apolog\w*|oops|scratch|scrap|strike|ignore|disregard|misread|misunderstood|mistyped|typo|mean|meant|actually|wait|hang\s+on|hold\s+on|correction|correcting|should|change|changed|make\s+(?:that|it)|rather|instead|second\s+thoughts?|on\s+reflection|tell\s+a\s+lie|i\s+lie|realistically|truthfully|thinking\s+about\s+it|come\s+to\s+think|now\s+i\s+think|in\s+hindsight|looking\s+back|having\s+thought|mistake|wrong|unsure|not\s+sure|doubt\w*)\b",
    )
    .expect("valid regex")
});

/// The words of change before the later value ("sorry, scratch that, ",
/// "sorry, misread that. ", "wait, I mean "): at least one of them, with
/// the marks between.
static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[\s,;:.!\-–—(]*(?:(?:sorry|apologies|oops|my\s+(?:mistake|bad|error)|(?:scratch|scrap|strike|ignore|disregard)\s+that|(?:i\s+)?(?:misread|misunderstood|mistyped)(?:\s+(?:that|this|it|the|one|question|questions|list|options?|scale|form|letters?|numbers?|wording))*|typo|(?:no\s+)?wait|hang\s+on|hold\s+on|actually|correction|(?:i\s+)?mean(?:t)?(?:\s+to\s+(?:say|put|write))?|make\s+(?:that|it)|change\s+(?:that|it)\s+to|(?:it\s+|that\s+)?should\s+(?:be|have\s+been|say|read)|on\s+second\s+thoughts?|(?:i\s+)?tell\s+a\s+lie|(?:well,?\s+)?(?:realistically|truthfully)|(?:now\s+i\s+)?think(?:ing)?\s+about\s+it|come\s+to\s+think\s+of\s+it|in\s+hindsight|looking\s+back|on\s+reflection|or\s+rather|rather|the\s+answer\s+is|it'?s)\b[\s,;:.!\-–—(]*)+",
    )
    .expect("valid regex")
});

/// Words of change that are only an apology: "sorry, ", "oops - ".
static APOLOGY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s,;:.!\-–—(]*(?:(?:sorry|apologies|oops|my\s+(?:mistake|bad|error))\b[\s,;:.!\-–—(]*)+$")
        .expect("valid regex")
});

/// What the words after an answer's first value do to it.
#[derive(Debug, PartialEq)]
enum Change {
    /// They give another value, clearly: the answer.
    To(Answer),
    /// They change or doubt it with another value that does not read
    /// clearly: asked.
    Unclear,
}

/// The answer of `text` when a word of change or doubt follows its first
/// value ([`CUE`]); `None` when there is none, when what follows gives no
/// other value, or gives the same one (read as before).
pub(super) fn within(question: &Question, text: &str) -> Option<Answer> {
    if !matches!(
        question.kind,
        QuestionKind::YesNo
            | QuestionKind::Scale { .. }
            | QuestionKind::Number { .. }
            | QuestionKind::SingleChoice(_)
            | QuestionKind::MultipleChoice(_)
    ) {
        return None;
    }
    cued(question, text).or_else(|| opposite_sentence(question, text))
}

/// [`within`] from the first word of change ([`CUE`]).
fn cued(question: &Question, text: &str) -> Option<Answer> {
    let cue = CUE.find(text)?;
    let head = text[..cue.start()]
        .trim()
        .trim_end_matches([',', ';', ':', '.', '!', '-', '–', '—', '('])
        .trim();
    if head.is_empty() {
        return None;
    }
    let first = read_whole(question, head);
    let first_value = first.value.clone().filter(|_| first.status == Status::Ok)?;
    match change(question, &first_value, &text[cue.start()..])? {
        Change::To(later) => Some(Answer {
            source: text.trim().to_owned(),
            ..later
        }),
        Change::Unclear => Some(Answer::unclear(
            "the answer is changed or doubted within its own line",
            text,
        )),
    }
}

/// "No. We did try it once in September. Yes.": a yes or no, and later a
/// sentence that is only the other one: asked, whatever the words
/// between (no word of change needed).
fn opposite_sentence(question: &Question, text: &str) -> Option<Answer> {
    if question.kind != QuestionKind::YesNo {
        return None;
    }
    let mut sentences = text
        .split(['.', '!', '?', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let first = read_whole(question, sentences.next()?);
    let Some(Value::Bool(value)) = first.value.filter(|_| first.status == Status::Ok) else {
        return None;
    };
    let opposite = if value { NO_ALONE } else { YES_ALONE };
    sentences
        .any(|s| {
            let words = plain_words(s);
            let start = usize::from(words.first().is_some_and(|w| w == "so"));
            words.len() == start + 1 && opposite.contains(&words[start].as_str())
        })
        .then(|| Answer::unclear("the answer is changed or doubted within its own line", text))
}

/// What `tail` (from the word of change on) does to the first value.
fn change(question: &Question, first: &Value, tail: &str) -> Option<Change> {
    if let Some(later) = later_value(question, tail)
        && later.value.as_ref() != Some(first)
    {
        return Some(Change::To(later));
    }
    holds_other(question, first, tail).then_some(Change::Unclear)
}

/// The value after the words of change ([`LEAD`]) when it reads clearly
/// on its own or before its reason; a number only when it is the one
/// number there and no count.
fn later_value(question: &Question, tail: &str) -> Option<Answer> {
    let lead = LEAD.find(tail)?;
    let rest = tail[lead.end()..].trim();
    if rest.is_empty() || rest.contains('?') {
        return None;
    }
    let numbered = matches!(
        question.kind,
        QuestionKind::Scale { .. } | QuestionKind::Number { .. }
    );
    if numbered && number::counts(rest) != (1, 0) {
        return None;
    }
    // After an apology alone, a yes or no must stand alone: "sorry, yes"
    // changes, "sorry, no formal audit of it" is a reason.
    if question.kind == QuestionKind::YesNo && APOLOGY.is_match(lead.as_str()) {
        let first = rest.split_whitespace().next().unwrap_or_default();
        let bare = first.trim_end_matches([',', '.', ';', '!', ':']);
        let alone = bare.len() < first.len() || rest.split_whitespace().nth(1).is_none();
        if !alone {
            return None;
        }
    }
    let whole = read_whole(question, rest);
    let later = if whole.status == Status::Ok {
        whole
    } else {
        before_reason(question, rest)?
    };
    (later.status == Status::Ok && later.value.is_some()).then_some(later)
}

/// Does `tail` hold a value of the question other than `first`: the
/// other of yes and no (alone, or first after the words of change: "Yes,
/// sorry, no copy to hand" may take the yes back), a number in range that
/// is no count, an option not chosen?
fn holds_other(question: &Question, first: &Value, tail: &str) -> bool {
    match (&question.kind, first) {
        (QuestionKind::YesNo, Value::Bool(value)) => {
            let opposite = if *value { NO_ALONE } else { YES_ALONE };
            let after_lead = LEAD.find(tail).map_or("", |lead| &tail[lead.end()..]);
            let opens = plain_words(after_lead)
                .first()
                .is_some_and(|w| opposite.contains(&w.as_str()));
            if opens {
                return true;
            }
            let words: Vec<&str> = tail
                .split_whitespace()
                .map(|w| w.trim_start_matches(['(', '"', '\'']))
                .collect();
            words.iter().enumerate().any(|(i, w)| {
                let bare = w
                    .trim_end_matches([',', '.', ';', '!', ':', ')', '"', '\''])
                    .to_lowercase();
                if *value {
                    let alone = bare.len() < w.len() || i + 1 == words.len();
                    NO_ALONE.contains(&bare.as_str()) && alone
                } else {
                    YES_ALONE.contains(&bare.as_str())
                }
            })
        }
        (QuestionKind::Scale { .. } | QuestionKind::Number { .. }, _) => {
            let words = plain_words(tail);
            words.iter().any(|w| {
                w.bytes().all(|b| b.is_ascii_digit())
                    && read_whole(question, w)
                        .value
                        .as_ref()
                        .is_some_and(|v| v != first)
            }) && {
                let (numbers, counted) = number::counts_in(&words);
                numbers > counted
            }
        }
        (QuestionKind::SingleChoice(_) | QuestionKind::MultipleChoice(_), _) => {
            let chosen = match first {
                Value::Choice(id) => vec![id.as_str()],
                Value::Choices(ids) => ids.iter().map(String::as_str).collect(),
                _ => Vec::new(),
            };
            let options = question.options();
            let named = options_named(tail, question).is_some_and(|named| {
                named
                    .iter()
                    .any(|&i| !chosen.contains(&options[i].id.as_str()))
            });
            let lettered = plain_words(tail).iter().any(|w| {
                w.len() == 1
                    && w != "i"
                    && w != "a"
                    && read_whole(question, w)
                        .value
                        .as_ref()
                        .is_some_and(|v| v != first)
            });
            named || lettered
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(id: &str) -> Question {
        let survey = crate::survey::example();
        survey
            .questions
            .into_iter()
            .find(|q| q.id == id)
            .expect("question")
    }

    #[test]
    fn an_answer_changed_within_its_line() {
        let yes_no = question("opioid_sparing");
        let scale = question("confidence");
        let yes = Some(Value::Bool(true));
        for (q, text, want) in [
            // The later value, clear.
            (
                &yes_no,
                "No – sorry, scratch that, yes: one patient whose dose we halved",
                Some((Status::Ok, yes.clone())),
            ),
            (
                &yes_no,
                "No – sorry, misread that. Yes.",
                Some((Status::Ok, yes.clone())),
            ),
            (
                &yes_no,
                "No, wait, I mean yes",
                Some((Status::Ok, yes.clone())),
            ),
            (
                &yes_no,
                "Yes - oops, I misread the question, no",
                Some((Status::Ok, Some(Value::Bool(false)))),
            ),
            (
                &scale,
                "8 - actually 6",
                Some((Status::Ok, Some(Value::Integer(6)))),
            ),
            (
                &yes_no,
                "Yes - come to think of it, no",
                Some((Status::Ok, Some(Value::Bool(false)))),
            ),
            (
                &scale,
                "7, thinking about it 5",
                Some((Status::Ok, Some(Value::Integer(5)))),
            ),
            (
                &yes_no,
                "No, in hindsight maybe yes",
                Some((Status::Unclear, None)),
            ),
            // Another value, not clear: asked.
            (
                &yes_no,
                "No – sorry, maybe yes, I'd have to check",
                Some((Status::Unclear, None)),
            ),
            (
                &yes_no,
                "No, sorry, I should have said yes really, if the hospice counts",
                Some((Status::Unclear, None)),
            ),
            (
                &scale,
                "8 – sorry, I meant 6 or 7",
                Some((Status::Unclear, None)),
            ),
            // A no right after an apology may take the yes back.
            (
                &yes_no,
                "Yes, sorry, no formal audit of it though",
                Some((Status::Unclear, None)),
            ),
            // A reason, not a change: read as before.
            (
                &yes_no,
                "No – we wait until the opioid has been titrated",
                None,
            ),
            (&yes_no, "No. Sorry, we just don't see enough cases", None),
            (&yes_no, "No, not yet", None),
            (&yes_no, "No – sorry, no, we haven't", None),
            (&scale, "7 - sorry, I've only used it 3 times", None),
        ] {
            let got = within(q, text).map(|a| (a.status, a.value));
            assert_eq!(got, want, "{text}");
        }
    }
}
