//! The progress digest from the store: when a slot of the survey's
//! schedule is due, read what the digest says ([`read`]), render it
//! (crate::report::digest) and queue it in the outbox for the leads, with
//! its slot recorded in the same transaction, so a slot goes at most once
//! across crashes and restarts. The daemon calls [`queue_due`] each turn,
//! after the timeline (so a digest at a reminder round sees the round
//! queued); `mailsurvey digest --send` calls [`queue_now`].

use std::collections::BTreeMap;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use tracing::info;

use crate::Result;
use crate::compose::compose;
use crate::follow_up::timeline;
use crate::report::digest::schedule::{self, Waiting as Reminded};
use crate::report::digest::{
    self, Bounced, Cause, Centres, Digest, Held, OUTSIDE_TEXT_CHARS, SetAside, Slot, Unclear,
    Waiting,
};
use crate::report::shown::unlinked;
use crate::store::Store;
use crate::survey::questionnaire::option_letter;
use crate::survey::{Question, QuestionKind, Survey};

/// Queues the digest of the slot due at `now`, if one is, the survey is
/// still open and no digest went for that slot; returns the slot queued.
/// After downtime only the latest slot missed is served.
pub fn queue_due(store: &Store, survey: &Survey, now: Timestamp) -> Result<Option<Slot>> {
    if survey.digest.schedule.is_empty() || store.closed_at(&survey.id)?.is_some() {
        return Ok(None);
    }
    let slots = schedule::slots(&survey.digest.schedule, &survey.period);
    let last = store.last_digest_slot(&survey.id)?;
    let Some(slot) = schedule::due(&slots, last, now) else {
        return Ok(None);
    };
    let message_id = digest::message_id(survey, Some(slot), now);
    let digest = read(store, survey, now, Some(slot.cause))?;
    let mail = compose(digest::draft(survey, &digest, message_id.clone())?, now)?;
    if !store.queue_digest(&survey.id, Some(slot), &message_id, &mail.bytes, now)? {
        return Ok(None);
    }
    info!(survey = %survey.id, message_id = %message_id, slot = %slot.at, "progress digest queued for the leads");
    Ok(Some(slot))
}

/// Queues a digest now, outside the schedule (`mailsurvey digest
/// --send`); returns its Message-ID.
pub fn queue_now(store: &Store, survey: &Survey, now: Timestamp) -> Result<String> {
    let message_id = digest::message_id(survey, None, now);
    let digest = read(store, survey, now, None)?;
    let mail = compose(digest::draft(survey, &digest, message_id.clone())?, now)?;
    store.queue_digest(&survey.id, None, &message_id, &mail.bytes, now)?;
    Ok(message_id)
}

/// When the next slot of the schedule comes, for the daemon to wake then.
pub fn next_slot(survey: &Survey, now: Timestamp) -> Option<Timestamp> {
    schedule::next(
        &schedule::slots(&survey.digest.schedule, &survey.period),
        now,
    )
}

/// A time as the digest shows it, in the survey's time zone.
fn shown(at: Timestamp, tz: &TimeZone) -> String {
    at.to_zoned_datetime(tz.clone())
        .strftime("%A %-d %B %Y, %H:%M %Z")
        .to_string()
}

/// Reads what a digest made at `now` says.
pub fn read(
    store: &Store,
    survey: &Survey,
    now: Timestamp,
    cause: Option<Cause>,
) -> Result<Digest> {
    let tz = &survey.period.time_zone;
    let figures = timeline::figures(store, survey, now, true)?;
    let participation = &figures.participation;
    let reads = store.digest_reads(&survey.id)?;
    let status = store.status(&survey.id)?;
    let silent = store.silent(&survey.id)?;
    let closed_at = store.closed_at(&survey.id)?;
    let waiting: Vec<Reminded> = silent
        .iter()
        .map(|person| Reminded {
            invited_at: person.invited_at,
            reminded: person.reminded.clone(),
        })
        .collect();
    let file = std::fs::canonicalize(&survey.file).unwrap_or_else(|_| survey.file.clone());
    Ok(Digest {
        title: survey.title.clone(),
        survey_file: file.display().to_string(),
        made_at: shown(now, tz),
        cause,
        invited: participation.invited,
        responded: participation.response_rate.clone(),
        complete: participation.complete,
        partial: participation.partial,
        not_yet_sent: reads.not_yet_sent,
        waiting: Waiting {
            count: silent.len(),
            names: survey
                .digest
                .names
                .then(|| silent.iter().map(|p| p.name.clone()).collect()),
        },
        bounced: reads
            .bounced
            .into_iter()
            .map(|person| Bounced {
                name: person.name,
                email: person.email,
                reason: person
                    .reason
                    .map(|r| unlinked(&r, OUTSIDE_TEXT_CHARS))
                    .unwrap_or_default(),
            })
            .collect(),
        unverified_bounces: status.unverified_bounces.len(),
        opted_out: reads.opted_out,
        held: held(store, survey)?,
        unclear: unclear(store, survey)?,
        set_aside: set_aside(store, survey)?,
        problems: problems(&status, tz),
        next_reminder: schedule::next_reminder(&survey.period, &waiting, now)
            .map(|at| shown(at, tz)),
        close: shown(closed_at.unwrap_or(survey.period.close.timestamp()), tz),
        closed: closed_at.is_some(),
        centres: centres(store, survey)?,
        results: survey.digest.results.then(|| figures.results.clone()),
    })
}

fn held(store: &Store, survey: &Survey) -> Result<Vec<Held>> {
    Ok(store
        .held(&survey.id)?
        .into_iter()
        .map(|message| Held {
            id: message.id,
            from: unlinked(message.sender.as_deref().unwrap_or("?"), 80),
            whose: message.recipient.unwrap_or_else(|| "?".into()),
        })
        .collect())
}

fn unclear(store: &Store, survey: &Survey) -> Result<Vec<Unclear>> {
    let mut out = Vec::new();
    for (recipient, email, question, _) in store.unsettled_answers(&survey.id)? {
        let name = store.recipient(recipient)?.name;
        let (number, values) = survey
            .questions
            .iter()
            .position(|q| q.id == question)
            .map(|i| (i + 1, values(&survey.questions[i])))
            .unwrap_or((0, "the answer".into()));
        out.push(Unclear {
            name,
            email,
            number,
            question,
            values,
        });
    }
    Ok(out)
}

/// What `review --settle` takes as VALUE for a question.
fn values(question: &Question) -> String {
    let letters = |n: usize| match n {
        0 => "a letter".to_owned(),
        n => format!("a to {}", option_letter(n - 1)),
    };
    match &question.kind {
        QuestionKind::YesNo => "yes or no".into(),
        QuestionKind::Scale { min, max, .. } => format!("a whole number from {min} to {max}"),
        QuestionKind::Number { .. } => "a number".into(),
        QuestionKind::SingleChoice(options) => format!("one letter, {}", letters(options.len())),
        QuestionKind::MultipleChoice(options) => {
            format!("letters such as \"a, c\", {}", letters(options.len()))
        }
        QuestionKind::Text => "the text, in quotes".into(),
        QuestionKind::Date { .. } => "a date, such as 2025-03-05".into(),
        QuestionKind::Duration { unit } => format!("a number of {}", unit.name()),
        QuestionKind::Grid { items, each } => format!(
            "per item ({}), {}",
            letters(items.len()),
            match each.as_ref() {
                QuestionKind::Scale { min, max, .. } =>
                    format!("a whole number from {min} to {max}"),
                _ => "an option's id".to_owned(),
            }
        ),
        QuestionKind::Ranking(options) => format!(
            "the letters in order from rank 1, such as \"b > a\", {}",
            letters(options.len())
        ),
    }
}

fn set_aside(store: &Store, survey: &Survey) -> Result<Vec<SetAside>> {
    let mut out = Vec::new();
    for message in store.failed_messages(&survey.id)? {
        let raw = store.raw_message(message.id)?;
        let subject = crate::understand::mime::parse_headers(&raw)
            .and_then(|m| m.subject().map(str::to_owned))
            .unwrap_or_default();
        out.push(SetAside {
            id: message.id,
            subject: unlinked(&subject, 80),
            reason: unlinked(&message.reason, OUTSIDE_TEXT_CHARS),
        });
    }
    Ok(out)
}

/// What the service records as wrong, each with what to do.
fn problems(status: &crate::store::Status, tz: &TimeZone) -> Vec<String> {
    let mut out = Vec::new();
    for note in &status.health {
        out.push(format!(
            "{} since {}: {}",
            note.part.label(),
            shown(note.since, tz),
            unlinked(&note.problem, 400)
        ));
    }
    for pause in &status.sending_pauses {
        out.push(format!(
            "Sending paused {}. Nothing to do: it resumes by itself.",
            unlinked(pause, 400)
        ));
    }
    for failure in status
        .failures
        .iter()
        .filter(|f| f.kind != crate::store::MailKind::Invitation)
    {
        out.push(format!(
            "The {} to {} was given up after {} attempts: \"{}\". Check the address; `mailsurvey status` lists it.",
            failure.kind,
            unlinked(&failure.email, 80),
            failure.attempts,
            unlinked(&failure.error, OUTSIDE_TEXT_CHARS)
        ));
    }
    if status.follow_ups_not_written > 0 {
        out.push(format!(
            "{} follow-up email(s) could not be written (a template or an address): `mailsurvey review` lists them under Flags.",
            status.follow_ups_not_written
        ));
    }
    out
}

/// Responses per group of the breakdown column, when one is set.
fn centres(store: &Store, survey: &Survey) -> Result<Option<Centres>> {
    let Some(column) = &survey.report.breakdown else {
        return Ok(None);
    };
    let data = store.report_data(&survey.id, Some(column))?;
    let named = |value: Option<&String>| {
        value
            .filter(|v| !v.trim().is_empty())
            .cloned()
            .unwrap_or_else(|| "(not given)".into())
    };
    let group = |attributes: &BTreeMap<String, String>| named(attributes.get(column));
    let mut groups: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (value, count) in &data.invited_by_value {
        groups.entry(named(Some(value))).or_default().0 += count;
    }
    store.each_answered(&survey.id, |person| {
        if person.answers.values().any(|a| a.is_ok()) {
            groups.entry(group(&person.attributes)).or_default().1 += 1;
        }
        Ok(())
    })?;
    Ok(Some(Centres {
        column: column.clone(),
        min_cell: survey.report.min_cell,
        groups: groups
            .into_iter()
            .map(|(name, (invited, responded))| (name, invited, responded))
            .collect(),
        show_small: survey.digest.names,
    }))
}
