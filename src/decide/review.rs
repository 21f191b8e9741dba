//! What the lead decides by hand: replies held because they came from
//! another address than the invited one, answers that stayed unclear,
//! answers set aside at their person's request (restorable until the
//! purge), and requests to have one's answers deleted. Every decision is recorded with
//! who made it and when. Text that came in a message (a subject, an
//! answer, a provider's words) is shown with its control characters made
//! visible ([`crate::report::shown`]).

use std::fmt::Write as _;

use jiff::Timestamp;

use crate::decide::ingest;
use crate::report::shown::visible;
use crate::store::{Retried, Store};
use crate::survey::Survey;
use crate::understand::answer::Status;
use crate::understand::parse::read_value;
use crate::{Error, Result};

/// Everything waiting for the lead, as readable text.
pub fn pending(store: &Store, survey: &Survey) -> Result<String> {
    let mut out = String::new();
    let failed = store.failed_messages(&survey.id)?;
    if !failed.is_empty() {
        writeln!(
            out,
            "Set aside, handling failed ({}): in the {} folder; after a fix, run again with --retry ID",
            failed.len(),
            survey.replies.folders.quarantine
        )
        .ok();
        for message in &failed {
            let raw = store.raw_message(message.id)?;
            let headers = crate::understand::mime::parse_headers(&raw);
            let from = headers
                .as_ref()
                .and_then(|m| m.from())
                .and_then(|f| f.first())
                .and_then(|a| a.address())
                .unwrap_or("?")
                .to_owned();
            let subject = headers
                .as_ref()
                .and_then(|m| m.subject())
                .unwrap_or("")
                .to_owned();
            writeln!(
                out,
                "  [{}] from {}, \"{}\", received {}, failed {} time(s): {}",
                message.id,
                visible(&from),
                visible(&subject),
                message.received_at,
                message.failures,
                visible(&message.reason)
            )
            .ok();
        }
        writeln!(out).ok();
    }
    let held = store.held(&survey.id)?;
    writeln!(
        out,
        "Held replies ({}): accept or reject with --accept ID / --reject ID",
        held.len()
    )
    .ok();
    for message in &held {
        let whose = if message.matched_by == Some(crate::store::MatchedBy::Sender) {
            "without a token, from the address of"
        } else {
            "with the token of"
        };
        writeln!(
            out,
            "  [{}] from {} {whose} {}",
            message.id,
            visible(message.sender.as_deref().unwrap_or("?")),
            visible(message.recipient.as_deref().unwrap_or("?"))
        )
        .ok();
        let answers = ingest::answers_of(&store.raw_message(message.id)?, survey);
        for (question, answer) in &answers {
            writeln!(out, "      {question}: {}", visible(answer.source.trim())).ok();
        }
    }
    let unsettled = store.unsettled_answers(&survey.id)?;
    writeln!(
        out,
        "\nUnclear answers ({}): settle with --settle EMAIL QUESTION VALUE",
        unsettled.len()
    )
    .ok();
    for (_, email, question, answer) in &unsettled {
        writeln!(
            out,
            "  {email} {question}: \"{}\" ({})",
            visible(answer.source.trim()),
            visible(answer.reason.as_deref().unwrap_or("unclear"))
        )
        .ok();
    }
    set_aside_section(&mut out, store, &survey.id)?;
    let decisions = store.decisions(&survey.id)?;
    if !decisions.is_empty() {
        writeln!(out, "\nDecisions made ({}):", decisions.len()).ok();
        for d in &decisions {
            writeln!(
                out,
                "  {} {}: {} ({}) {}",
                d.at,
                d.by,
                d.action,
                d.recipient.as_deref().unwrap_or("-"),
                visible(&d.detail)
            )
            .ok();
        }
    }
    let flags = store.open_flags(&survey.id)?;
    writeln!(out, "\nFlags ({}):", flags.len()).ok();
    for flag in &flags {
        writeln!(
            out,
            "  {} {}: {}",
            flag.recipient.as_deref().unwrap_or("(no recipient)"),
            flag.kind,
            visible(&flag.note)
        )
        .ok();
    }
    Ok(out)
}

/// Answers set aside at their person's request, for `review`.
fn set_aside_section(out: &mut String, store: &Store, survey_id: &str) -> Result<()> {
    let set_aside = store.set_asides(survey_id)?;
    if !set_aside.is_empty() {
        writeln!(
            out,
            "\nAnswers set aside at the person's request ({}): out of the report and exports; count them again with --restore EMAIL, delete them with `mailsurvey withdraw`; the retention purge deletes them",
            set_aside.len()
        )
        .ok();
        for s in &set_aside {
            writeln!(
                out,
                "  {}: {} answers set aside {}{}",
                visible(&s.email),
                s.answers,
                s.at,
                s.message
                    .map(|m| format!(", asked by message {m}"))
                    .unwrap_or_default()
            )
            .ok();
        }
    }
    Ok(())
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
    let answers = if accept {
        ingest::answers_of(&store.raw_message(message)?, survey)
    } else {
        Default::default()
    };
    if store.decide_held(&survey.id, message, accept, &answers, by, now)? {
        Ok(format!(
            "reply {message} {} by {by}{}",
            if accept { "accepted" } else { "rejected" },
            if accept {
                format!(": {} answers recorded", answers.len())
            } else {
                String::new()
            }
        ))
    } else {
        Err(Error::Other(format!(
            "message {message} is not a held reply; see `mailsurvey review`"
        )))
    }
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
    match store.retry(&survey.id, message, by, now)? {
        Retried::Again => Ok(format!(
            "message {message} set back to new by {by}: the daemon handles it again on its next turn"
        )),
        Retried::NotFailed => Err(Error::Other(format!(
            "message {message} is not a message whose handling failed; see `mailsurvey review`"
        ))),
        Retried::NotStored => Err(Error::Other(format!(
            "message {message} was never stored (the store refused it; `mailsurvey review` says why), so there is nothing to run again: after a fix, move it from the {} folder on the server back to {}, and the daemon reads it again",
            survey.replies.folders.quarantine, survey.replies.inbox
        ))),
    }
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
    let question = survey
        .questions
        .iter()
        .find(|q| q.id == question_id)
        .ok_or_else(|| Error::Other(format!("no question '{question_id}'")))?;
    let mut answer = read_value(question, value);
    if answer.status != Status::Ok {
        return Err(Error::Other(format!(
            "'{value}' is not a clear answer to {question_id}: {}",
            answer.reason.unwrap_or_default()
        )));
    }
    answer.source = format!("settled by {by}: {value}");
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
    match store.restore_set_aside(&survey.id, person.id, by, now)? {
        Some(restored) => Ok(format!(
            "{restored} answers of {email} set aside at their request count again; recorded as done by {by}"
        )),
        None => Err(Error::Other(format!(
            "nothing of {email} is set aside (or the retention purge deleted it); see `mailsurvey review`"
        ))),
    }
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

fn recipient(store: &Store, survey: &Survey, email: &str) -> Result<crate::store::StoredRecipient> {
    store
        .recipient_by_email(&survey.id, email)?
        .ok_or_else(|| Error::Other(format!("{email} is not a recipient of this survey")))
}
