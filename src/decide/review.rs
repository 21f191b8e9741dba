//! What the lead decides by hand: replies held because they came from
//! another address than the invited one, answers that stayed unclear,
//! answers set aside at their person's request (restorable until the
//! purge), and requests to have one's answers deleted. This module decides and words
//! the outcome, from what [`crate::run::review`] read from the store and
//! before it writes there: no store, no I/O. Text that came in a message
//! (a subject, an answer, a provider's words) is shown with its control
//! characters made visible ([`crate::report::shown`]).

use std::fmt::Write as _;

use crate::decide::ingest;
use crate::report::shown::visible;
use crate::store::{
    Decision, FailedMessage, MatchedBy, MessageSummary, OpenFlag, Retried, SetAside,
};
use crate::survey::Survey;
use crate::understand::answer::{Answer, Status};
use crate::understand::parse::read_value;
use crate::{Error, Result};

/// Everything waiting for the lead, as read from the store.
#[derive(Debug, Clone, Default)]
pub struct Waiting {
    /// Messages whose handling failed, each with its stored bytes.
    pub failed: Vec<(FailedMessage, Vec<u8>)>,
    /// Replies held for the lead, each with its stored bytes.
    pub held: Vec<(MessageSummary, Vec<u8>)>,
    /// Current answers that are unclear or invalid: recipient id, address,
    /// question, answer.
    pub unsettled: Vec<(i64, String, String, Answer)>,
    /// Answers set aside at their person's request, not restored.
    pub set_aside: Vec<SetAside>,
    /// The decisions made so far.
    pub decisions: Vec<Decision>,
    /// Flags not yet resolved.
    pub flags: Vec<OpenFlag>,
}

/// Everything waiting for the lead, as readable text.
pub fn pending(waiting: &Waiting, survey: &Survey) -> String {
    let mut out = String::new();
    failed_section(&mut out, &waiting.failed, survey);
    held_section(&mut out, &waiting.held, survey);
    writeln!(
        out,
        "\nUnclear answers ({}): settle with --settle EMAIL QUESTION VALUE",
        waiting.unsettled.len()
    )
    .ok();
    for (_, email, question, answer) in &waiting.unsettled {
        writeln!(
            out,
            "  {email} {question}: \"{}\" ({})",
            visible(answer.source.trim()),
            visible(answer.reason.as_deref().unwrap_or("unclear"))
        )
        .ok();
    }
    set_aside_section(&mut out, &waiting.set_aside);
    if !waiting.decisions.is_empty() {
        writeln!(out, "\nDecisions made ({}):", waiting.decisions.len()).ok();
        for d in &waiting.decisions {
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
    writeln!(out, "\nFlags ({}):", waiting.flags.len()).ok();
    for flag in &waiting.flags {
        writeln!(
            out,
            "  {} {}: {}",
            flag.recipient.as_deref().unwrap_or("(no recipient)"),
            flag.kind,
            visible(&flag.note)
        )
        .ok();
    }
    out
}

/// The messages set aside, with whom they came from and their subject.
fn failed_section(out: &mut String, failed: &[(FailedMessage, Vec<u8>)], survey: &Survey) {
    if failed.is_empty() {
        return;
    }
    writeln!(
        out,
        "Set aside, handling failed ({}): in the {} folder; after a fix, run again with --retry ID",
        failed.len(),
        survey.replies.folders.quarantine
    )
    .ok();
    for (message, raw) in failed {
        let headers = crate::understand::mime::parse_headers(raw);
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

/// Answers set aside at their person's request.
fn set_aside_section(out: &mut String, set_aside: &[SetAside]) {
    if set_aside.is_empty() {
        return;
    }
    writeln!(
        out,
        "\nAnswers set aside at the person's request ({}): out of the report and exports; count them again with --restore EMAIL, delete them with `mailsurvey withdraw`; the retention purge deletes them",
        set_aside.len()
    )
    .ok();
    for s in set_aside {
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

/// The held replies, each with whose it is taken for and its answers.
fn held_section(out: &mut String, held: &[(MessageSummary, Vec<u8>)], survey: &Survey) {
    writeln!(
        out,
        "Held replies ({}): accept or reject with --accept ID / --reject ID",
        held.len()
    )
    .ok();
    for (message, raw) in held {
        let whose = if message.matched_by == Some(MatchedBy::Sender) {
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
        for (question, answer) in &ingest::answers_of(raw, survey) {
            writeln!(out, "      {question}: {}", visible(answer.source.trim())).ok();
        }
    }
}

/// What the lead is told after deciding on held reply `message`:
/// `recorded` answers, or an error when it was not a held reply (`done`
/// false).
pub fn held_decided(
    message: i64,
    accept: bool,
    recorded: usize,
    by: &str,
    done: bool,
) -> Result<String> {
    if !done {
        return Err(Error::Other(format!(
            "message {message} is not a held reply; see `mailsurvey review`"
        )));
    }
    Ok(format!(
        "reply {message} {} by {by}{}",
        if accept { "accepted" } else { "rejected" },
        if accept {
            format!(": {recorded} answers recorded")
        } else {
            String::new()
        }
    ))
}

/// What the lead is told after asking to run `message` again.
pub fn retried(outcome: Retried, message: i64, by: &str, survey: &Survey) -> Result<String> {
    match outcome {
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

/// What the lead is told after asking to count again what `email` had
/// set aside: `restored` answers, or an error when nothing was set aside.
pub fn restored(restored: Option<usize>, email: &str, by: &str) -> Result<String> {
    match restored {
        Some(restored) => Ok(format!(
            "{restored} answers of {email} set aside at their request count again; recorded as done by {by}"
        )),
        None => Err(Error::Other(format!(
            "nothing of {email} is set aside (or the retention purge deleted it); see `mailsurvey review`"
        ))),
    }
}

/// The answer the lead settles `question_id` with, written as `value`:
/// only a clear answer to a question of the survey is taken, with its
/// source saying who settled it.
pub fn settled_answer(survey: &Survey, question_id: &str, value: &str, by: &str) -> Result<Answer> {
    // A grid's item is settled as the question it is (`confidence_areas.dosing`).
    let question = survey
        .questions
        .iter()
        .flat_map(|q| q.answered_questions())
        .find(|q| q.id == question_id)
        .ok_or_else(|| Error::Other(format!("no question '{question_id}'")))?;
    let mut answer = read_value(&question, value);
    if answer.status != Status::Ok {
        return Err(Error::Other(format!(
            "'{value}' is not a clear answer to {question_id}: {}",
            answer.reason.unwrap_or_default()
        )));
    }
    answer.source = format!("settled by {by}: {value}");
    Ok(answer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::understand::answer::Value;

    fn survey() -> Survey {
        crate::survey::example()
    }

    #[test]
    fn a_clear_value_settles_the_answer_and_says_who() {
        let answer = settled_answer(&survey(), "end_of_life", "yes", "lead").unwrap();
        assert_eq!(answer.status, Status::Ok);
        assert_eq!(answer.value, Some(Value::Bool(true)));
        assert_eq!(answer.source, "settled by lead: yes");
    }

    #[test]
    fn an_unclear_value_or_an_unknown_question_settles_nothing() {
        let unclear = settled_answer(&survey(), "end_of_life", "yes and no", "lead");
        assert!(
            unclear
                .unwrap_err()
                .to_string()
                .contains("is not a clear answer to end_of_life")
        );
        let unknown = settled_answer(&survey(), "no_such", "yes", "lead");
        assert!(
            unknown
                .unwrap_err()
                .to_string()
                .contains("no question 'no_such'")
        );
    }

    #[test]
    fn a_held_reply_decided_says_what_was_recorded() {
        assert_eq!(
            held_decided(7, true, 3, "lead", true).unwrap(),
            "reply 7 accepted by lead: 3 answers recorded"
        );
        assert_eq!(
            held_decided(7, false, 0, "lead", true).unwrap(),
            "reply 7 rejected by lead"
        );
        assert!(held_decided(7, true, 3, "lead", false).is_err());
    }

    #[test]
    fn restoring_says_how_many_or_that_nothing_was_set_aside() {
        assert_eq!(
            restored(Some(3), "a@example.org", "lead").unwrap(),
            "3 answers of a@example.org set aside at their request count again; recorded as done by lead"
        );
        assert!(restored(None, "a@example.org", "lead").is_err());
    }

    #[test]
    fn only_a_failed_stored_message_runs_again() {
        let survey = survey();
        assert!(retried(Retried::Again, 4, "lead", &survey).is_ok());
        assert!(retried(Retried::NotFailed, 4, "lead", &survey).is_err());
        let never = retried(Retried::NotStored, 4, "lead", &survey).unwrap_err();
        assert!(
            never
                .to_string()
                .contains(&survey.replies.folders.quarantine)
        );
    }
}
