//! The collection period: reminders to people who have not replied, the
//! close (at the close time, early when everyone has answered, or by
//! `mailsurvey close`), and the report at the close. Everything here is
//! decided from the store and the clock passed in, so a close time that
//! passed while the daemon was down is acted on when it starts, and tests
//! can drive the whole period on a clock of their own.

use std::collections::BTreeMap;

use jiff::Timestamp;
use tracing::info;

use crate::answer::{Answer, Value};
use crate::compose::compose;
use crate::recipients::Recipient;
use crate::report::{self, LateReply, Report, ReportInput, Respondent};
use crate::store::{Store, StoredRecipient};
use crate::survey::{QuestionKind, Survey};
use crate::{Result, invitation};

/// What one look at the timeline did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// Reminders queued.
    pub reminders: usize,
    /// The survey closed now.
    pub closed: bool,
    /// The report was queued now.
    pub report: bool,
}

/// Looks at the clock and acts: reminders due, the close, the report.
pub fn advance(store: &Store, survey: &Survey, now: Timestamp) -> Result<Step> {
    let mut step = Step::default();
    if store.closed_at(&survey.id)?.is_none() {
        let close = survey.period.close.timestamp();
        if now >= close {
            step.closed = store.close(&survey.id, close, "the close time")?;
        } else if survey.period.early_close && everyone_answered(store, survey)? {
            step.closed = store.close(&survey.id, now, "everyone answered")?;
        } else if survey.period.is_open_at(now) {
            step.reminders = queue_reminders(store, survey, now)?;
        }
        if step.closed {
            info!(survey = %survey.id, "the survey closed");
        }
    }
    if store.closed_at(&survey.id)?.is_some() && !store.report_queued(&survey.id)? {
        let report = build(store, survey, now, false)?;
        let draft = report::draft(survey, &report)?;
        let message_id = draft.message_id.clone();
        let mail = compose(draft, now)?;
        step.report = store.queue_report(&survey.id, &message_id, &mail.bytes, now)?;
        info!(survey = %survey.id, message_id = %message_id, "report queued for the lead");
    }
    Ok(step)
}

fn everyone_answered(store: &Store, survey: &Survey) -> Result<bool> {
    let reachable = store.reachable_answers(&survey.id)?;
    Ok(!reachable.is_empty()
        && reachable.iter().all(|answers| {
            survey
                .questions
                .iter()
                .filter(|q| q.required)
                .all(|q| answers.get(&q.id).is_some_and(Answer::is_ok))
        }))
}

/// Queues each reminder that has fallen due for each person who has not
/// replied. A reminder whose time came before the person was added is not
/// theirs; one overtaken by a later reminder (the daemon was down) is
/// skipped, so nobody gets two at once.
fn queue_reminders(store: &Store, survey: &Survey, now: Timestamp) -> Result<usize> {
    if survey.period.reminders.is_empty() {
        return Ok(0);
    }
    let mut queued = 0;
    for person in store.silent(&survey.id)? {
        let mut due: Vec<(u32, Timestamp)> = survey
            .period
            .reminders
            .iter()
            .enumerate()
            .map(|(i, r)| (i as u32 + 1, r.due(&survey.period, person.invited_at)))
            .filter(|(_, at)| *at <= now && *at >= person.added_at && *at >= person.invited_at)
            .collect();
        due.sort_by_key(|(_, at)| *at);
        let Some(&(number, _)) = due.last() else {
            continue;
        };
        if person.reminded.contains(&number) {
            continue;
        }
        let message_id = invitation::message_id(
            "reminder",
            number,
            &person.recipient.token,
            survey.sender.address.domain(),
        );
        if store.queue_reminder(&survey.id, person.recipient.id, number, &message_id, now)? {
            queued += 1;
        }
    }
    if queued > 0 {
        info!(survey = %survey.id, queued, "reminders queued");
    }
    Ok(queued)
}

/// Builds the report from the store: final at the close, or interim.
pub fn build(store: &Store, survey: &Survey, now: Timestamp, interim: bool) -> Result<Report> {
    let data = store.report_data(&survey.id)?;
    let input = ReportInput {
        survey,
        generated_at: now,
        interim,
        invited: data.invited.iter().map(listed).collect(),
        delivered: data.delivered,
        bounced: data.bounced,
        opted_out: data.opted_out,
        respondents: data
            .respondents
            .iter()
            .map(|(person, answers, different_sender)| Respondent {
                name: person.name.clone(),
                email: person.email.clone(),
                attributes: person.attributes.clone(),
                answers: typed(survey, answers),
                different_sender: *different_sender,
            })
            .collect(),
        late: data
            .late
            .iter()
            .map(|(person, at)| LateReply {
                name: person.name.clone(),
                email: person.email.clone(),
                received_at: *at,
            })
            .collect(),
        clarifications_sent: data.clarifications_sent,
    };
    report::build(&input)
}

fn listed(person: &StoredRecipient) -> Recipient {
    Recipient {
        name: person.name.clone(),
        email: person.email.clone(),
        attributes: person.attributes.clone(),
    }
}

/// JSON cannot tell free text from an option id; the question can.
fn typed(survey: &Survey, answers: &BTreeMap<String, Answer>) -> BTreeMap<String, Answer> {
    answers
        .iter()
        .map(|(id, answer)| {
            let mut answer = answer.clone();
            let is_text = survey
                .questions
                .iter()
                .any(|q| &q.id == id && matches!(q.kind, QuestionKind::Text));
            if is_text && let Some(Value::Choice(text)) = answer.value.take() {
                answer.value = Some(Value::Text(text));
            }
            (id.clone(), answer)
        })
        .collect()
}
