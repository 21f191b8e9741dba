//! A stored message through classification, matching and parsing into the
//! store, with the follow-up mail it calls for. Each message is decided in
//! memory and written in one transaction ([`Store::record`]); a crash
//! before that commit leaves it to be processed again, after it nothing is
//! done twice. Classification and parsing are the same pure functions
//! `mailsurvey inspect` uses.

use std::collections::BTreeMap;

use jiff::{SignedDuration, Timestamp};
use mail_parser::Message;
use tracing::{info, warn};

use crate::Result;
use crate::answer::Answer;
use crate::classify::{self, Classification, Kind};
use crate::compose::compose;
use crate::followup::{self, Context};
use crate::matching::Place;
use crate::store::{Flag, FollowUp, Outcome, Store, StoredMessage, StoredRecipient};
use crate::survey::Survey;
use crate::templates::Templates;

/// Automatic mail kinds counted against the daily cap.
const AUTOMATIC: &[&str] = &[
    "receipt",
    "clarification",
    "opt_out_confirmation",
    "closed_notice",
];

/// Processes every stored message not yet processed. Returns how many.
pub fn process_new(
    store: &Store,
    survey: &Survey,
    templates: &Templates,
    now: Timestamp,
) -> Result<usize> {
    let pending = store.unprocessed(&survey.id)?;
    let count = pending.len();
    for message in pending {
        let outcome = decide(store, survey, templates, &message, now)?;
        info!(
            survey = %survey.id,
            message = message.id,
            kind = %outcome.kind,
            recipient = ?outcome.recipient_id,
            matched_by = ?outcome.matched_by,
            answers = outcome.answers.len(),
            follow_ups = outcome.follow_ups.len(),
            reason = %outcome.reason,
            "message processed"
        );
        store.record(&survey.id, message.id, &outcome, now)?;
    }
    Ok(count)
}

/// Decides what one message means; writes nothing.
fn decide(
    store: &Store,
    survey: &Survey,
    templates: &Templates,
    stored: &StoredMessage,
    now: Timestamp,
) -> Result<Outcome> {
    let folders = &survey.replies.folders;
    if stored.raw.len() > survey.replies.max_message_bytes {
        return Ok(Outcome {
            kind: "unrelated".into(),
            reason: format!(
                "{} bytes, over the limit of {}: stored, not read",
                stored.raw.len(),
                survey.replies.max_message_bytes
            ),
            file_to: folders.quarantine.clone(),
            quarantined: true,
            flags: vec![Flag {
                kind: "quarantined".into(),
                note: "message too large to read".into(),
            }],
            ..Outcome::default()
        });
    }
    let Some(message) = crate::mime::parse(&stored.raw) else {
        return Ok(Outcome {
            kind: "unrelated".into(),
            reason: "not a readable message".into(),
            file_to: folders.unmatched.clone(),
            ..Outcome::default()
        });
    };
    let classification = classify::classify(&message, survey);
    let sender = message
        .from()
        .and_then(|f| f.first())
        .and_then(|a| a.address())
        .map(str::to_lowercase);
    let mut outcome = Outcome {
        kind: kind_name(classification.kind).into(),
        reason: classification.reason.clone(),
        sender: sender.clone(),
        late: stored.received_at
            >= store
                .closed_at(&survey.id)?
                .unwrap_or(survey.period.close.timestamp()),
        ..Outcome::default()
    };
    let found = find_recipient(store, survey, &classification, sender.as_deref())?;
    let Some((person, matched_by, unsubscribe_address)) = found else {
        outcome.file_to = match classification.kind {
            Kind::Bounce => folders.bounces.clone(),
            Kind::AutoReply => folders.auto_replies.clone(),
            _ => folders.unmatched.clone(),
        };
        if classification.kind == Kind::Reply {
            outcome.reason = format!(
                "{}; no valid token and not from an invited address: not counted",
                outcome.reason
            );
        }
        return Ok(outcome);
    };
    outcome.recipient_id = Some(person.id);
    outcome.matched_by = Some(matched_by.into());
    if matched_by == "sender" {
        outcome.flags.push(Flag {
            kind: "matched_by_sender".into(),
            note: "no token: matched only because it came from an invited address".into(),
        });
    }
    let from_invited = sender.as_deref() == Some(person.email.to_lowercase().as_str());
    let may_answer =
        sender.is_some() && !is_ours(survey, sender.as_deref()) && person.status == "active";
    let parent = message.message_id().map(str::to_owned);
    let context = Context {
        survey,
        templates,
        recipient: &person,
        in_reply_to: parent,
        seq: stored.id,
        to: sender.clone().unwrap_or_default(),
    };

    match classification.kind {
        Kind::Bounce => {
            outcome.file_to = folders.bounces.clone();
            let bounce = classification.bounce.clone().unwrap_or_default();
            let note = [bounce.status.clone(), bounce.diagnostic.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            outcome.recipient_status = Some(("bounced".into(), note));
        }
        Kind::AutoReply => outcome.file_to = folders.auto_replies.clone(),
        Kind::Unrelated if !unsubscribe_address => outcome.file_to = folders.unmatched.clone(),
        Kind::Unsubscribe | Kind::Unrelated => {
            outcome.kind = "unsubscribe".into();
            outcome.file_to = folders.processed.clone();
            opt_out(store, &mut outcome, &context, may_answer, now)?;
        }
        Kind::Reply => {
            outcome.file_to = folders.processed.clone();
            let reply = classification.reply.clone().unwrap_or_default();
            outcome.different_sender = matched_by != "sender" && !from_invited;
            if outcome.different_sender {
                outcome.flags.push(Flag {
                    kind: "different_sender".into(),
                    note: format!(
                        "sent from {} with the token of {}",
                        sender.as_deref().unwrap_or("no address"),
                        person.email
                    ),
                });
                if !survey.replies.accept_different_sender {
                    outcome.decision = Some("held".into());
                    outcome.reason = format!(
                        "{}; held for the lead: not from the invited address",
                        outcome.reason
                    );
                    return Ok(outcome);
                }
                outcome.decision = Some("accepted".into());
            }
            if reply.truncated {
                outcome.flags.push(Flag {
                    kind: "truncated".into(),
                    note: "the reply was longer than the parser reads; only its start was read"
                        .into(),
                });
            }
            if reply.withdraw {
                outcome.flags.push(Flag {
                    kind: "withdraw_request".into(),
                    note: "asked for their answers to be deleted: run `mailsurvey withdraw`".into(),
                });
            }
            if outcome.late {
                outcome.reason = format!(
                    "{}; arrived after the close: kept, not counted",
                    outcome.reason
                );
                let closed_before =
                    store.mail_count(person.id, &["closed_notice"], Timestamp::UNIX_EPOCH)? > 0;
                if survey.replies.closed_notice
                    && may_answer
                    && !closed_before
                    && under_cap(store, survey, &person, now)?
                {
                    queue(
                        &mut outcome,
                        followup::Kind::ClosedNotice,
                        &context,
                        &BTreeMap::new(),
                        now,
                    )?;
                }
                return Ok(outcome);
            }
            outcome.answers = reply.answers.clone();
            if reply.opt_out {
                outcome.flags.push(Flag {
                    kind: "opt_out_with_answers".into(),
                    note: "answered and asked for no more mail: answers kept, mail stopped".into(),
                });
                opt_out(store, &mut outcome, &context, may_answer, now)?;
                return Ok(outcome);
            }
            if !may_answer {
                return Ok(outcome);
            }
            let mut current = store.current_answers(person.id)?;
            current.extend(reply.answers.clone());
            let complete = survey
                .questions
                .iter()
                .filter(|q| q.required)
                .all(|q| current.get(&q.id).is_some_and(Answer::is_ok));
            if reply.answers.is_empty() && !reply.quotes_questionnaire {
                // Nothing we can read as an answer and nothing about the
                // questionnaire: a question to the lead, not for us.
                outcome.flags.push(Flag {
                    kind: "no_answers".into(),
                    note: "a reply with no answers in it".into(),
                });
                return Ok(outcome);
            }
            if !under_cap(store, survey, &person, now)? {
                warn!(
                    recipient = person.id,
                    "daily cap on automatic mail reached; no follow-up"
                );
                return Ok(outcome);
            }
            if complete {
                if survey.replies.receipts {
                    queue(
                        &mut outcome,
                        followup::Kind::Receipt,
                        &context,
                        &current,
                        now,
                    )?;
                }
            } else {
                let asked =
                    store.mail_count(person.id, &["clarification"], Timestamp::UNIX_EPOCH)?;
                if (asked as u32) < survey.replies.max_clarifications {
                    queue(
                        &mut outcome,
                        followup::Kind::Clarification,
                        &context,
                        &current,
                        now,
                    )?;
                }
            }
        }
    }
    Ok(outcome)
}

fn opt_out(
    store: &Store,
    outcome: &mut Outcome,
    context: &Context<'_>,
    may_answer: bool,
    now: Timestamp,
) -> Result<()> {
    let person = context.recipient;
    outcome.recipient_status = Some(("opted_out".into(), "asked to receive no more mail".into()));
    let confirmed =
        store.mail_count(person.id, &["opt_out_confirmation"], Timestamp::UNIX_EPOCH)? > 0;
    if may_answer && !confirmed {
        queue(
            outcome,
            followup::Kind::OptOutConfirmation,
            context,
            &BTreeMap::new(),
            now,
        )?;
    }
    Ok(())
}

fn queue(
    outcome: &mut Outcome,
    kind: followup::Kind,
    context: &Context<'_>,
    answers: &BTreeMap<String, Answer>,
    now: Timestamp,
) -> Result<()> {
    let draft = followup::draft(kind, context, answers)?;
    let message_id = draft.message_id.clone();
    let mail = compose(draft, now)?;
    outcome.follow_ups.push(FollowUp {
        kind: kind.name().into(),
        message_id,
        body: mail.bytes,
    });
    Ok(())
}

fn under_cap(
    store: &Store,
    survey: &Survey,
    person: &StoredRecipient,
    now: Timestamp,
) -> Result<bool> {
    let since = now - SignedDuration::from_hours(24);
    Ok((store.mail_count(person.id, AUTOMATIC, since)? as u32) < survey.replies.daily_auto_limit)
}

fn is_ours(survey: &Survey, sender: Option<&str>) -> bool {
    let Some(sender) = sender else { return false };
    let ours = [
        survey.sender.address.to_string(),
        survey.sender.reply_to.to_string(),
    ];
    let base = match sender.split_once('@') {
        Some((local, domain)) => format!("{}@{domain}", local.split('+').next().unwrap_or(local)),
        None => sender.to_owned(),
    };
    ours.iter().any(|o| o.eq_ignore_ascii_case(&base))
}

/// Finds the person a message belongs to: by token (address, then
/// references), then, for a bounce, by the failed address, then by the
/// sender being an invited address. Returns how it was matched and whether
/// the token came in the unsubscribe form.
fn find_recipient(
    store: &Store,
    survey: &Survey,
    classification: &Classification,
    sender: Option<&str>,
) -> Result<Option<(StoredRecipient, &'static str, bool)>> {
    let candidates = match &classification.bounce {
        Some(bounce) => &bounce.returned,
        None => &classification.candidates,
    };
    for candidate in candidates {
        if let Some(person) = store.recipient_by_token(&survey.id, &candidate.token)? {
            let how = match candidate.place {
                Place::To | Place::Cc | Place::DeliveredTo | Place::XForwardedTo => "address",
                _ => "reference",
            };
            return Ok(Some((person, how, candidate.unsubscribe)));
        }
    }
    if let Some(failed) = classification
        .bounce
        .as_ref()
        .and_then(|b| b.final_recipient.as_deref())
        && let Some(person) = store.recipient_by_email(&survey.id, failed)?
    {
        return Ok(Some((person, "address", false)));
    }
    if matches!(classification.kind, Kind::Reply | Kind::Unsubscribe)
        && let Some(sender) = sender
        && let Some(person) = store.recipient_by_email(&survey.id, sender)?
    {
        return Ok(Some((person, "sender", false)));
    }
    Ok(None)
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Reply => "reply",
        Kind::AutoReply => "auto_reply",
        Kind::Bounce => "bounce",
        Kind::Unsubscribe => "unsubscribe",
        Kind::Unrelated => "unrelated",
    }
}

/// Reads a stored message's answers again (for a held reply the lead
/// accepts).
pub fn answers_of(raw: &[u8], survey: &Survey) -> BTreeMap<String, Answer> {
    let Some(message): Option<Message<'_>> = crate::mime::parse(raw) else {
        return BTreeMap::new();
    };
    classify::classify(&message, survey)
        .reply
        .map(|r| r.answers)
        .unwrap_or_default()
}
