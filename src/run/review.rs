//! The lead's decisions by hand (`review`, `withdraw`) against the store:
//! what waits is read here, what it means is decided in
//! [`crate::decide::review`], and the decision is written back here, with
//! who made it and when.

use jiff::Timestamp;

use crate::decide::review::{self, Waiting};
use crate::store::{Store, StoredRecipient};
use crate::survey::Survey;
use crate::{Error, Result};

/// Everything waiting for the lead, as readable text.
pub fn pending(store: &Store, survey: &Survey) -> Result<String> {
    let waiting = Waiting {
        failed: with_bytes(store, store.failed_messages(&survey.id)?, |m| m.id)?,
        held: with_bytes(store, store.held(&survey.id)?, |m| m.id)?,
        unsettled: applying(store, survey, store.unsettled_answers(&survey.id)?)?,
        set_aside: store.set_asides(&survey.id)?,
        decisions: store.decisions(&survey.id)?,
        flags: store.open_flags(&survey.id)?,
    };
    Ok(review::pending(&waiting, survey))
}

/// The unclear answers the lead may settle: not those to a question that
/// did not apply to their person (a condition false), which are kept and
/// never asked about (the report lists them).
fn applying(
    store: &Store,
    survey: &Survey,
    unsettled: Vec<(i64, String, String, crate::understand::answer::Answer)>,
) -> Result<Vec<(i64, String, String, crate::understand::answer::Answer)>> {
    if survey.questions.iter().all(|q| q.show_if.is_none()) {
        return Ok(unsettled);
    }
    let answers = store.all_current_answers(&survey.id)?;
    Ok(unsettled
        .into_iter()
        .filter(|(person, _, question, _)| {
            let index = survey.questions.iter().position(|q| &q.id == question);
            !index
                .zip(answers.get(person))
                .is_some_and(|(index, theirs)| {
                    crate::understand::applies::answered_anyway(&survey.questions, index, theirs)
                })
        })
        .collect())
}

/// Each of `rows` with the stored bytes of the message it names.
fn with_bytes<T>(store: &Store, rows: Vec<T>, id: fn(&T) -> i64) -> Result<Vec<(T, Vec<u8>)>> {
    rows.into_iter()
        .map(|row| {
            let raw = store.raw_message(id(&row))?;
            Ok((row, raw))
        })
        .collect()
}

/// Accepts or rejects a held reply.
pub fn decide(
    store: &Store,
    survey: &Survey,
    message: i64,
    accept: bool,
    by: &str,
    now: Timestamp,
) -> Result<String> {
    // Accepting records the answers read again from the message.
    let answers = if accept {
        crate::decide::ingest::answers_of(&store.raw_message(message)?, survey)
    } else {
        Default::default()
    };
    let done = store.decide_held(&survey.id, message, accept, &answers, by, now)?;
    review::held_decided(message, accept, answers.len(), by, done)
}

/// Runs a message whose handling failed again: the daemon picks it up on
/// its next turn.
pub fn retry(
    store: &Store,
    survey: &Survey,
    message: i64,
    by: &str,
    now: Timestamp,
) -> Result<String> {
    let outcome = store.retry(&survey.id, message, by, now)?;
    review::retried(outcome, message, by, survey)
}

/// Settles one person's answer to one question by hand.
pub fn settle(
    store: &Store,
    survey: &Survey,
    email: &str,
    question_id: &str,
    value: &str,
    by: &str,
    now: Timestamp,
) -> Result<String> {
    let person = recipient(store, survey, email)?;
    let answer = review::settled_answer(survey, question_id, value, by)?;
    store.settle_answer(&survey.id, person.id, question_id, &answer, by, now)?;
    Ok(format!(
        "{email} {question_id} settled as \"{value}\" by {by}"
    ))
}

/// Counts again the answers set aside at a person's request (the parser
/// may have misread "don't delete my answers"), until the purge.
pub fn restore(
    store: &Store,
    survey: &Survey,
    email: &str,
    by: &str,
    now: Timestamp,
) -> Result<String> {
    let person = recipient(store, survey, email)?;
    let restored = store.restore_set_aside(&survey.id, person.id, by, now)?;
    review::restored(restored, email, by)
}

/// Deletes a person's answers at their request.
pub fn withdraw(
    store: &Store,
    survey: &Survey,
    email: &str,
    by: &str,
    now: Timestamp,
) -> Result<String> {
    let person = recipient(store, survey, email)?;
    let deleted = store.withdraw(&survey.id, person.id, by, now)?;
    Ok(format!(
        "{deleted} answers of {email} deleted and the text of their messages erased; recorded as done by {by}"
    ))
}

fn recipient(store: &Store, survey: &Survey, email: &str) -> Result<StoredRecipient> {
    store
        .recipient_by_email(&survey.id, email)?
        .ok_or_else(|| Error::Other(format!("{email} is not a recipient of this survey")))
}
