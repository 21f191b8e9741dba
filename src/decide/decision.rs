//! What one message means and the mail it calls for: a pure function of
//! the message as read, the survey and the facts the store holds about it
//! ([`decide`]), one small function per kind of message (too large or
//! unreadable, a bounce, an automatic message, a message of nobody's, an
//! answer to a confirmation, an opt-out or deletion request, a reply), all
//! sharing one choice of follow-up ([`receipt_or_clarification`]). Nothing
//! here reads the store or writes mail: `crate::decide::ingest` loads the
//! facts before and records the outcome after; the table in `tests.rs`
//! feeds facts in and checks the outcome and follow-ups out.

use std::collections::BTreeMap;

use jiff::{SignedDuration, Timestamp};
use tracing::warn;

use crate::decide::confirmation::{Change, Request, Why, Word};
use crate::follow_up;
use crate::store::{
    Flag, FlagKind, HeldDecision, MatchedBy, MessageKind, Outcome, RecipientStatus, StoredMessage,
    StoredRecipient,
};
use crate::survey::Survey;
use crate::understand::answer::Answer;
use crate::understand::authres::Verdict;
use crate::understand::bounce::{Attribution, Evidence, Returned, SenderLimit, sender_limit};
use crate::understand::classify::{Bounce, Classification, MessageClass};

#[cfg(test)]
mod tests;

/// A stored message as read: pure, no store.
#[derive(Debug, Clone)]
pub enum Read {
    /// Over the survey's size limit: stored, not read.
    TooLarge,
    /// Not a message the parser can read.
    Unreadable,
    /// Classified.
    Message(Box<ReadMessage>),
}

/// What reading found in a message.
#[derive(Debug, Clone)]
pub struct ReadMessage {
    /// The classifier's verdict, with the tokens and the parsed reply.
    pub classification: Classification,
    /// The From address, lowercased.
    pub sender: Option<String>,
    /// Its Message-ID (answered by In-Reply-To).
    pub message_id: Option<String>,
    /// The trusted server's DMARC verdict on the From domain, when the
    /// survey names one (`replies.trusted_authserv_id`).
    pub verdict: Option<Verdict>,
    /// The message read as an answer to a confirmation (its first line of
    /// the sender's own words).
    pub word: Word,
    /// It answers one of our confirmation emails (In-Reply-To/References).
    pub answers_confirmation: bool,
}

/// The person a message belongs to, and how that was found.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchedPerson {
    /// The person.
    pub person: StoredRecipient,
    /// By what.
    pub matched_by: MatchedBy,
    /// The token came in the unsubscribe form of the plus-address.
    pub unsubscribe: bool,
}

/// Mail a person was sent, as counted for the caps.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct MailCounts {
    /// Closed notices, ever.
    pub closed_notices: usize,
    /// Opt-out confirmations, ever.
    pub opt_out_confirmations: usize,
    /// Clarifications, ever.
    pub clarifications: usize,
    /// Automatic mail in the last 24 hours.
    pub automatic_today: usize,
}

/// What the store knows that a decision needs, loaded before deciding.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Facts {
    /// When the survey closed, if it has.
    pub closed_at: Option<Timestamp>,
    /// The person the message belongs to.
    pub found: Option<MatchedPerson>,
    /// Their current answers.
    pub answers: BTreeMap<String, Answer>,
    /// Mail they were sent.
    pub sent: MailCounts,
    /// For a delivery report: the messages of ours it names.
    pub bounce: BounceFacts,
    /// Their pending confirmation by email, if any.
    pub pending: Option<crate::store::PendingConfirmation>,
    /// What the confirmation email this message answers showed
    /// ([`Request::fingerprint`], stored with the email), when it answers
    /// one of ours that stored it: "confirm" counts only if the pending
    /// confirmation still holds exactly that.
    pub shown: Option<String>,
}

/// What the store knows about the messages a delivery report names: by
/// its VERP address, by the returned Message-ID, by a returned token.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BounceFacts {
    /// The message whose VERP key the report was delivered to.
    pub by_key: Option<Returned>,
    /// The message whose Message-ID the report returns.
    pub by_message_id: Option<Returned>,
    /// The person whose token is in the returned original.
    pub by_token: Option<StoredRecipient>,
    /// The message of [`BounceFacts::by_key`] already paused sending once.
    pub key_paused: bool,
    /// People by id, for the messages above.
    pub people: BTreeMap<i64, StoredRecipient>,
}

/// A follow-up the decision calls for, before it is written.
#[derive(Debug, Clone)]
pub struct Intent {
    /// Which.
    pub kind: follow_up::FollowUpKind,
    /// The answers it speaks of (the person's, this message's included).
    pub answers: BTreeMap<String, Answer>,
    /// For a confirmation: everything it asks about.
    pub confirmation: Option<Request>,
}

/// What a message means and the mail it calls for.
#[derive(Debug, Clone, Default)]
pub struct Decided {
    /// What to record (its follow-ups still empty).
    pub outcome: Outcome,
    /// The follow-ups to write.
    pub intents: Vec<Intent>,
}

/// How long sending pauses after a provider refuses our mail for a
/// sending limit (Gmail's daily limit, Microsoft 365's submission quota).
pub const SENDING_PAUSE: SignedDuration = SignedDuration::from_hours(1);

/// Decides what one message means: a pure function of the message, the
/// survey and the facts.
pub fn decide(stored: &StoredMessage, read: &Read, survey: &Survey, facts: &Facts) -> Decided {
    let message = match read {
        Read::TooLarge => return too_large(stored, survey),
        Read::Unreadable => return unreadable(survey),
        Read::Message(message) => message,
    };
    let classification = &message.classification;
    let folders = &survey.replies.folders;
    let mut outcome = Outcome {
        kind: classification.kind.into(),
        reason: classification.reason.clone(),
        sender: message.sender.clone(),
        late: stored.received_at >= facts.closed_at.unwrap_or(survey.period.close.timestamp()),
        ..Outcome::default()
    };
    if classification.kind == MessageClass::Bounce {
        bounce(&mut outcome, classification, survey, facts);
        return Decided::only(outcome);
    }
    automatic(&mut outcome, message, stored, facts);
    let Some(who) = Who::of(&mut outcome, message, stored, survey, facts) else {
        return Decided::only(outcome);
    };
    let intents = match confirmation_answer(&mut outcome, message, survey, facts, &who) {
        Some(intents) => intents,
        None => match classification.kind {
            MessageClass::Bounce => unreachable!("bounces are decided by bounce()"),
            MessageClass::AutoReply => {
                outcome.file_to = folders.auto_replies.clone();
                Vec::new()
            }
            MessageClass::Unrelated if !who.unsubscribe => {
                outcome.file_to = folders.unmatched.clone();
                Vec::new()
            }
            MessageClass::Unsubscribe | MessageClass::Unrelated => {
                unsubscribe(&mut outcome, classification, survey, facts, &who)
            }
            MessageClass::Reply => reply(&mut outcome, message, survey, facts, &who),
        },
    };
    Decided { outcome, intents }
}

impl Decided {
    /// An outcome that calls for no mail.
    fn only(outcome: Outcome) -> Decided {
        Decided {
            outcome,
            intents: Vec::new(),
        }
    }
}

/// Over the survey's size limit: stored (or its headers only), not read,
/// quarantined for the lead.
fn too_large(stored: &StoredMessage, survey: &Survey) -> Decided {
    let limit = survey.replies.max_message_bytes;
    Decided::only(Outcome {
        kind: MessageKind::Unrelated,
        reason: if stored.size > stored.raw.len() {
            format!(
                "{} bytes, over the limit of {limit}: its headers stored, not read; the message stays on the server",
                stored.size
            )
        } else {
            format!(
                "{} bytes, over the limit of {limit}: stored, not read",
                stored.size
            )
        },
        file_to: survey.replies.folders.quarantine.clone(),
        quarantined: true,
        flags: vec![Flag {
            kind: FlagKind::Quarantined,
            note: "message too large to read".into(),
        }],
        ..Outcome::default()
    })
}

/// Not a message the parser can read: filed with the unmatched.
fn unreadable(survey: &Survey) -> Decided {
    Decided::only(Outcome {
        kind: MessageKind::Unrelated,
        reason: "not a readable message".into(),
        file_to: survey.replies.folders.unmatched.clone(),
        ..Outcome::default()
    })
}

/// What an automatic message says whoever it is about: a challenge-response
/// system asking us to prove we are human (flagged: a person must answer
/// it), or a provider refusing our own mail for a sending limit (sending
/// pauses, nobody is bounced, and the refused message goes again when the
/// pause ends: see [`sending_limit`]).
fn automatic(outcome: &mut Outcome, message: &ReadMessage, stored: &StoredMessage, facts: &Facts) {
    let classification = &message.classification;
    if classification.challenge {
        outcome.flags.push(Flag {
            kind: FlagKind::Challenge,
            note: format!(
                "{} uses a challenge-response system that asks us to prove we are human: never answered automatically; a person must answer it for the survey's mail to reach them",
                message.sender.as_deref().unwrap_or("a sender")
            ),
        });
    }
    if let Some(bounce) = classification.bounce.as_ref().filter(|b| b.sender_side) {
        sending_limit(outcome, bounce, &facts.bounce, stored.received_at);
    }
}

/// A report that our own account hit a provider's sending limit. Anyone
/// can write those words, so they pause sending only when the report came
/// back to our VERP key for the refused message, which then goes back to
/// the queue until the pause ends; a key pauses sending once (it is also in
/// the Return-Path of the copy that was delivered). A report without the
/// key (nothing of ours, or only a Message-ID, which a token reveals) is
/// recorded as unverified: nothing pauses, nothing is sent again, nobody
/// is bounced.
fn sending_limit(outcome: &mut Outcome, bounce: &Bounce, facts: &BounceFacts, received: Timestamp) {
    let said = bounce
        .diagnostic
        .as_deref()
        .or(bounce.status.as_deref())
        .unwrap_or("no detail");
    let words = [bounce.status.as_deref(), bounce.diagnostic.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    if sender_limit(&words) == Some(SenderLimit::Connections) {
        // Said in a session, where the dispatcher lowers the connections;
        // a report of it afterwards asks for nothing.
        outcome.flags.push(Flag {
            kind: FlagKind::SendingLimit,
            note: format!(
                "a report that our account had too many connections at once ({said}): nothing paused, nobody bounced"
            ),
        });
        return;
    }
    match &facts.by_key {
        Some(refused) if !facts.key_paused => {
            let until = received + SENDING_PAUSE;
            outcome.pause_sending = Some((until, Some(refused.outbox_id)));
            outcome.flags.push(Flag {
                kind: FlagKind::SendingLimit,
                note: format!(
                    "the provider refused our mail for a sending limit ({said}): sending paused until {until}, nobody bounced"
                ),
            });
        }
        Some(_) => outcome.flags.push(Flag {
            kind: FlagKind::SendingLimit,
            note: format!(
                "a sending limit ({said}) reported again with the bounce key of a message that already paused sending once: nothing paused again"
            ),
        }),
        None => {
            let note = format!(
                "a report of a sending limit ({said}) without our bounce key for the refused message: nothing paused, nothing sent again"
            );
            outcome.reason = note.clone();
            outcome.flags.push(Flag {
                kind: FlagKind::UnverifiedBounce,
                note,
            });
        }
    }
}

/// The person a message belongs to, and what may be done for them.
struct Who<'a> {
    /// The person.
    person: &'a StoredRecipient,
    /// How the message was tied to them.
    matched_by: MatchedBy,
    /// Their token came in the unsubscribe form of the plus-address.
    unsubscribe: bool,
    /// No token and no trusted DMARC pass: what it asks waits for the
    /// person's confirmation by email.
    unverified: bool,
    /// Sent from their listed address.
    from_invited: bool,
    /// A follow-up may answer them (an address, not ours, still active).
    may_answer: bool,
    /// Under the daily cap on automatic mail.
    under_cap: bool,
    /// A confirmation may go to them (an address, not ours: even to someone
    /// whose mail was just stopped, the note that says so).
    may_confirm: bool,
}

impl<'a> Who<'a> {
    /// Whom the message belongs to, written into `outcome`; `None` (and the
    /// message filed as nobody's) when nobody, or when the reader of a
    /// shared mailbox found the sender listed in several of its surveys:
    /// without a token the message is then nobody's, so no survey holds it
    /// or sends a confirmation. Without a token, a From header proves
    /// nothing: the message counts only if the organisation's own server
    /// vouches for its domain (crate::understand::authres), else what it asks is held
    /// until the person confirms it by email (crate::decide::confirmation).
    fn of(
        outcome: &mut Outcome,
        message: &ReadMessage,
        stored: &StoredMessage,
        survey: &Survey,
        facts: &'a Facts,
    ) -> Option<Who<'a>> {
        let shared_sender = stored.shared_sender
            && facts
                .found
                .as_ref()
                .is_some_and(|f| f.matched_by == MatchedBy::Sender);
        let Some(found) = facts.found.as_ref().filter(|_| !shared_sender) else {
            nobody(outcome, message.classification.kind, shared_sender, survey);
            return None;
        };
        outcome.recipient_id = Some(found.person.id);
        outcome.matched_by = Some(found.matched_by);
        let mut unverified = found.matched_by == MatchedBy::Sender;
        if unverified {
            let note = match &message.verdict {
                Some(Verdict::Pass) => {
                    unverified = false;
                    format!(
                        "no token: counted because {} recorded dmarc=pass for the sender's domain",
                        survey
                            .replies
                            .trusted_authserv_id
                            .as_deref()
                            .unwrap_or_default()
                    )
                }
                Some(Verdict::Unverified(why)) => format!(
                    "no token, from the invited address ({why}): held until the person confirms by email"
                ),
                None => {
                    "no token, from the invited address: held until the person confirms by email"
                        .into()
                }
            };
            outcome.flags.push(Flag {
                kind: FlagKind::MatchedBySender,
                note,
            });
        }
        let sender = message.sender.as_deref();
        let ours = is_ours(survey, sender);
        Some(Who {
            person: &found.person,
            matched_by: found.matched_by,
            unsubscribe: found.unsubscribe,
            unverified,
            from_invited: sender == Some(crate::survey::address::key(&found.person.email).as_str()),
            may_answer: sender.is_some() && !ours && found.person.status == RecipientStatus::Active,
            under_cap: (facts.sent.automatic_today as u32) < survey.replies.daily_auto_limit,
            may_confirm: sender.is_some() && !ours,
        })
    }
}

/// A message that is nobody's: filed by its kind, counted nowhere.
fn nobody(outcome: &mut Outcome, kind: MessageClass, shared_sender: bool, survey: &Survey) {
    let folders = &survey.replies.folders;
    outcome.file_to = match kind {
        MessageClass::Bounce => folders.bounces.clone(),
        MessageClass::AutoReply => folders.auto_replies.clone(),
        _ => folders.unmatched.clone(),
    };
    if shared_sender {
        outcome.reason = format!(
            "{}; no valid token, and the sender is listed in several surveys sharing the mailbox: not counted in any",
            outcome.reason
        );
    } else if kind == MessageClass::Reply {
        outcome.reason = format!(
            "{}; no valid token and not from an invited address: not counted",
            outcome.reason
        );
    }
}

/// The one choice of follow-up for answers that count, `current` the
/// person's answers with this message's: a receipt when every required
/// question has an answer (if the survey sends receipts), else a
/// clarification while the person has had fewer than the survey allows.
fn receipt_or_clarification(
    survey: &Survey,
    facts: &Facts,
    current: BTreeMap<String, Answer>,
) -> Option<Intent> {
    // Questions whose condition is false are not missing; one waiting on
    // an unanswered question is asked once that one is answered.
    let complete = crate::understand::applies::complete(&survey.questions, &current);
    let kind = if complete {
        survey
            .replies
            .receipts
            .then_some(follow_up::FollowUpKind::Receipt)
    } else {
        ((facts.sent.clarifications as u32) < survey.replies.max_clarifications)
            .then_some(follow_up::FollowUpKind::Clarification)
    }?;
    Some(Intent {
        kind,
        answers: current,
        confirmation: None,
    })
}

/// The person's answer to their pending confirmation, if this message is
/// one (only with their token, from their listed address): "confirm" or
/// corrections to a confirmation of inferred answers; "confirm" or "not
/// me" to any other; or something else, held for the lead. `None`: not an
/// answer to a confirmation.
fn confirmation_answer(
    outcome: &mut Outcome,
    message: &ReadMessage,
    survey: &Survey,
    facts: &Facts,
    who: &Who<'_>,
) -> Option<Vec<Intent>> {
    let pending = facts.pending.as_ref()?;
    if who.unverified || !who.from_invited {
        return None;
    }
    if let Some(intents) = inferred_confirmed(outcome, message, survey, facts, who) {
        return Some(intents);
    }
    if !matches!(
        message.classification.kind,
        MessageClass::Reply | MessageClass::Unsubscribe | MessageClass::Unrelated
    ) || (message.word == Word::Other && !message.answers_confirmation)
    {
        return None;
    }
    outcome.kind = MessageKind::Reply;
    outcome.file_to = survey.replies.folders.processed.clone();
    if message.word == Word::Other {
        outcome.decision = Some(HeldDecision::Held);
        outcome.reason =
            "a reply to the confirmation with neither \"confirm\" nor \"not me\": held for the lead"
                .into();
        outcome.flags.push(Flag {
            kind: FlagKind::ConfirmationUnclear,
            note: "answered the confirmation email with something else: read it (`mailsurvey review`) and decide".into(),
        });
        return Some(Vec::new());
    }
    if message.word == Word::Confirm && !shown_now(facts) {
        return Some(ask_again(outcome, survey, facts, who));
    }
    let request = &pending.request;
    outcome.reason = format!(
        "\"{}\" to the confirmation of {} answer(s){}{}",
        if message.word == Word::Confirm {
            "confirm"
        } else {
            "not me"
        },
        request.answers.len(),
        if request.opt_out {
            ", a stop of mail"
        } else {
            ""
        },
        if request.withdrawal {
            ", a deletion request"
        } else {
            ""
        },
    );
    // No answers of its own: the person's answers stand as they are.
    outcome.confirmation =
        crate::decide::confirmation::settle(request, message.word, &facts.answers).map(
            |settlement| Change::Settle {
                id: pending.id,
                settlement,
                by: "the person, by email".into(),
            },
        );
    Some(Vec::new())
}

/// The answer to a confirmation of inferred answers: "confirm", or
/// corrections to some lines in a reply to it (the lines not corrected are
/// then confirmed); its own answers are recorded as any reply's, and the
/// answers as they then stand get the one choice of follow-up.
fn inferred_confirmed(
    outcome: &mut Outcome,
    message: &ReadMessage,
    survey: &Survey,
    facts: &Facts,
    who: &Who<'_>,
) -> Option<Vec<Intent>> {
    let pending = facts.pending.as_ref()?;
    if pending.request.why != Some(Why::Inferred)
        || message.classification.kind != MessageClass::Reply
    {
        return None;
    }
    let reply = message.classification.reply.as_ref()?;
    let certain: BTreeMap<String, Answer> = reply
        .answers
        .iter()
        .filter(|(_, a)| !a.is_inferred())
        .map(|(q, a)| (q.clone(), a.clone()))
        .collect();
    let corrects = message.answers_confirmation && !certain.is_empty();
    if message.word != Word::Confirm && !corrects {
        return None;
    }
    if !shown_now(facts) {
        // Their own corrections count (their token, their address); the
        // lines they did not correct were not what they were shown.
        let intents = ask_again(outcome, survey, facts, who);
        outcome.answers = certain;
        return Some(intents);
    }
    outcome.kind = MessageKind::Reply;
    outcome.file_to = survey.replies.folders.processed.clone();
    outcome.reason = format!(
        "{} to the confirmation of {} inferred answer(s){}",
        if message.word == Word::Confirm {
            "\"confirm\""
        } else {
            "corrections"
        },
        pending.request.answers.len(),
        if certain.is_empty() {
            String::new()
        } else {
            format!(", with {} answer(s) of its own", certain.len())
        }
    );
    outcome.answers = certain.clone();
    // Settled once this message's own answers are recorded: a line it
    // corrects keeps the correction.
    let mut now_current = facts.answers.clone();
    now_current.extend(certain.clone());
    outcome.confirmation =
        crate::decide::confirmation::settle(&pending.request, Word::Confirm, &now_current).map(
            |settlement| Change::Settle {
                id: pending.id,
                settlement,
                by: "the person, by email".into(),
            },
        );
    let mut current = facts.answers.clone();
    for (q, a) in &pending.request.answers {
        if current.get(q).is_some_and(Answer::is_inferred) {
            let mut a = a.clone();
            a.status = crate::understand::answer::Status::Ok;
            current.insert(q.clone(), a);
        }
    }
    current.extend(certain);
    if !(who.may_answer && who.under_cap) {
        return Some(Vec::new());
    }
    Some(
        receipt_or_clarification(survey, facts, current)
            .into_iter()
            .collect(),
    )
}

/// Was the person shown what their pending confirmation holds now? Only
/// when this message answers a confirmation email whose stored digest is
/// the pending request's: a message since may have changed it (answers a
/// stranger set without a token), and "confirm" speaks only for what the
/// email showed.
fn shown_now(facts: &Facts) -> bool {
    match (&facts.pending, &facts.shown) {
        (Some(pending), Some(shown)) => *shown == pending.request.fingerprint(),
        _ => false,
    }
}

/// "confirm" to a confirmation email that showed something else than the
/// pending confirmation holds now (changed since, an email from before
/// digests were stored, or "confirm" outside a reply to one): nothing
/// counts; a new email shows what it holds now and asks again, within the
/// daily cap; else the lead is told.
fn ask_again(outcome: &mut Outcome, survey: &Survey, facts: &Facts, who: &Who<'_>) -> Vec<Intent> {
    outcome.kind = MessageKind::Reply;
    outcome.file_to = survey.replies.folders.processed.clone();
    outcome.reason =
        "\"confirm\" to a confirmation email that did not show what it now holds: nothing counted"
            .into();
    let Some(pending) = facts.pending.as_ref() else {
        return Vec::new();
    };
    if who.may_confirm && who.under_cap {
        outcome
            .reason
            .push_str("; asked again, showing what it now holds");
        return vec![Intent {
            kind: follow_up::FollowUpKind::Confirmation,
            answers: facts.answers.clone(),
            confirmation: Some(pending.request.clone()),
        }];
    }
    outcome.flags.push(Flag {
        kind: FlagKind::ConfirmationUnclear,
        note: "confirmed an email that did not show what the confirmation now holds, and no new email may go today: nothing counted; read it (`mailsurvey review`)".into(),
    });
    Vec::new()
}

/// An opt-out or a deletion request (sent to the unsubscribe address, or
/// asking in words, without answers): with the token from the listed
/// address, mail stops at once, and a deletion request sets the answers
/// aside at once (out of the report, restorable by the lead); with the
/// token from another address (anyone sent a copy of our email has it),
/// both wait for the person's confirmation and nothing is applied before;
/// without a token, a stop of mail, a deletion request, or both are held
/// for the person's confirmation (the stop at once, the deletion only once
/// confirmed).
fn unsubscribe(
    outcome: &mut Outcome,
    classification: &Classification,
    survey: &Survey,
    facts: &Facts,
    who: &Who<'_>,
) -> Vec<Intent> {
    outcome.kind = MessageKind::Unsubscribe;
    outcome.file_to = survey.replies.folders.processed.clone();
    let mut intents = Vec::new();
    let reply = classification.reply.clone().unwrap_or_default();
    let may_mail = who.may_confirm && who.under_cap;
    if who.unverified {
        let mut request = Request::new(Why::NoToken);
        request.withdrawal = reply.withdraw;
        request.opt_out = reply.opt_out || !reply.withdraw;
        hold(outcome, &mut intents, facts, request, may_mail);
    } else if who.matched_by != MatchedBy::Sender && !who.from_invited {
        outcome.flags.push(Flag {
            kind: FlagKind::DifferentSender,
            note: format!(
                "sent from {} with the token of {}: held until the person confirms by email",
                outcome.sender.as_deref().unwrap_or("no address"),
                who.person.email
            ),
        });
        let mut request = Request::new(Why::OtherAddress);
        request.withdrawal = reply.withdraw;
        request.stop_asked = reply.opt_out || !reply.withdraw;
        hold(outcome, &mut intents, facts, request, may_mail);
    } else {
        if reply.withdraw {
            deletion_request(outcome);
        }
        opt_out(outcome, &mut intents, facts, who.may_answer);
    }
    intents
}

/// A reply: held when it came from another address than the invited one
/// (unless the survey accepts those), kept but not counted after the
/// close, held for confirmation without a token; else its answers count
/// and get the one choice of follow-up.
fn reply(
    outcome: &mut Outcome,
    message: &ReadMessage,
    survey: &Survey,
    facts: &Facts,
    who: &Who<'_>,
) -> Vec<Intent> {
    outcome.file_to = survey.replies.folders.processed.clone();
    let reply = message.classification.reply.clone().unwrap_or_default();
    if held_from_another_address(outcome, message, survey, who) {
        return Vec::new();
    }
    if reply.truncated {
        outcome.flags.push(Flag {
            kind: FlagKind::Truncated,
            note: "the reply was longer than the parser reads; only its start was read".into(),
        });
    }
    if reply.withdraw && !who.unverified && who.from_invited {
        deletion_request(outcome);
    }
    if outcome.late {
        return late(outcome, survey, facts, who);
    }
    let mut intents = Vec::new();
    if who.unverified {
        let mut request = Request::new(Why::NoToken);
        request.answers = reply.answers.clone();
        request.opt_out = reply.opt_out;
        request.withdrawal = reply.withdraw;
        if request.is_empty() {
            no_answers(outcome);
        } else {
            let may_mail = who.may_confirm && who.under_cap;
            hold(outcome, &mut intents, facts, request, may_mail);
        }
        return intents;
    }
    outcome.answers = reply.answers.clone();
    if !who.from_invited && (reply.opt_out || reply.withdraw) {
        asked_from_another_address(outcome, &mut intents, facts, who, &reply);
        return intents;
    }
    if reply.opt_out {
        outcome.flags.push(Flag {
            kind: FlagKind::OptOutWithAnswers,
            note: "answered and asked for no more mail: answers kept, mail stopped".into(),
        });
        opt_out(outcome, &mut intents, facts, who.may_answer);
        return intents;
    }
    // Answers set aside at the person's request get no receipt or
    // clarification: they asked for them to be deleted.
    if !who.may_answer || outcome.set_aside {
        return intents;
    }
    answered(outcome, &reply, survey, facts, who)
}

/// A reply sent from another address than the invited one, with the
/// token: flagged, and held for the lead unless the survey accepts those.
/// Returns whether it is held.
fn held_from_another_address(
    outcome: &mut Outcome,
    message: &ReadMessage,
    survey: &Survey,
    who: &Who<'_>,
) -> bool {
    outcome.different_sender = who.matched_by != MatchedBy::Sender && !who.from_invited;
    if !outcome.different_sender {
        return false;
    }
    outcome.flags.push(Flag {
        kind: FlagKind::DifferentSender,
        note: format!(
            "sent from {} with the token of {}",
            message.sender.as_deref().unwrap_or("no address"),
            who.person.email
        ),
    });
    if survey.replies.accept_different_sender {
        outcome.decision = Some(HeldDecision::Accepted);
        return false;
    }
    outcome.decision = Some(HeldDecision::Held);
    outcome.reason = format!(
        "{}; held for the lead: not from the invited address",
        outcome.reason
    );
    true
}

/// A stop of mail or a deletion request in a reply accepted from another
/// address (`different_sender = "accept"`): its answers count, but what it
/// asks of the person's mail or answers waits for their confirmation by
/// email, as an opt-out from another address does (a colleague in CC can know the token).
fn asked_from_another_address(
    outcome: &mut Outcome,
    intents: &mut Vec<Intent>,
    facts: &Facts,
    who: &Who<'_>,
    reply: &crate::understand::parse::ParsedReply,
) {
    let accepted = outcome.decision;
    let mut request = Request::new(Why::OtherAddress);
    request.stop_asked = reply.opt_out;
    request.withdrawal = reply.withdraw;
    hold(
        outcome,
        intents,
        facts,
        request,
        who.may_confirm && who.under_cap,
    );
    outcome.decision = accepted;
}

/// A deletion request with the token, from the listed address: the
/// person's answers (this message's included) are set aside at once, out
/// of the report and the exports but not destroyed, since the parser may
/// have misread the request ("don't delete my answers", a request about
/// one answer); the lead sees it in `review`, restores them (`mailsurvey
/// review --restore EMAIL`) or deletes them for good (`mailsurvey
/// withdraw`); the retention purge deletes them.
fn deletion_request(outcome: &mut Outcome) {
    outcome.set_aside = true;
    outcome.flags.push(Flag {
        kind: FlagKind::WithdrawRequest,
        note: "asked for their answers to be deleted: set aside, out of the report and exports; `mailsurvey review --restore EMAIL` brings them back, `mailsurvey withdraw` deletes them".into(),
    });
}

/// A reply with nothing in it to read as an answer.
fn no_answers(outcome: &mut Outcome) {
    outcome.flags.push(Flag {
        kind: FlagKind::NoAnswers,
        note: "a reply with no answers in it".into(),
    });
}

/// A reply after the close: kept, not counted; one polite note, ever, if
/// the survey sends it.
fn late(outcome: &mut Outcome, survey: &Survey, facts: &Facts, who: &Who<'_>) -> Vec<Intent> {
    outcome.reason = format!(
        "{}; arrived after the close: kept, not counted",
        outcome.reason
    );
    let notice = survey.replies.closed_notice
        && who.may_answer
        && facts.sent.closed_notices == 0
        && who.under_cap;
    if !notice {
        return Vec::new();
    }
    vec![Intent {
        kind: follow_up::FollowUpKind::ClosedNotice,
        answers: BTreeMap::new(),
        confirmation: None,
    }]
}

/// Answers that count, with the token: inferred ones wait for the person's
/// confirmation (one email lists them and asks for anything still missing,
/// instead of a receipt or a clarification); else the one choice of
/// follow-up. Within the daily cap.
fn answered(
    outcome: &mut Outcome,
    reply: &crate::understand::parse::ParsedReply,
    survey: &Survey,
    facts: &Facts,
    who: &Who<'_>,
) -> Vec<Intent> {
    if reply.answers.is_empty() && !reply.quotes_questionnaire {
        // Nothing we can read as an answer and nothing about the
        // questionnaire: a question to the lead, not for us.
        no_answers(outcome);
        return Vec::new();
    }
    if !who.under_cap {
        warn!(
            recipient = who.person.id,
            "daily cap on automatic mail reached; no follow-up"
        );
        return Vec::new();
    }
    let mut current = facts.answers.clone();
    current.extend(reply.answers.clone());
    let inferred: BTreeMap<String, Answer> = reply
        .answers
        .iter()
        .filter(|(_, a)| a.is_inferred())
        .map(|(q, a)| (q.clone(), a.clone()))
        .collect();
    if inferred.is_empty() {
        return receipt_or_clarification(survey, facts, current)
            .into_iter()
            .collect();
    }
    let mut request = Request::new(Why::Inferred);
    request.answers = inferred;
    outcome.reason = format!(
        "{}; {} answer(s) inferred: held until the person confirms by email",
        outcome.reason,
        request.answers.len()
    );
    let mut all = facts
        .pending
        .as_ref()
        .map(|p| p.request.clone())
        .unwrap_or_default();
    all.merge(&request);
    outcome.confirmation = Some(Change::Hold {
        request,
        mailed: true,
    });
    vec![Intent {
        kind: follow_up::FollowUpKind::Confirmation,
        answers: current,
        confirmation: Some(all),
    }]
}

/// Mail stops at once, on the person's word with their token; one note
/// says so, ever.
fn opt_out(outcome: &mut Outcome, intents: &mut Vec<Intent>, facts: &Facts, may_answer: bool) {
    outcome.recipient_status = Some((
        RecipientStatus::OptedOut,
        "asked to receive no more mail".into(),
    ));
    if may_answer && facts.sent.opt_out_confirmations == 0 {
        intents.push(Intent {
            kind: follow_up::FollowUpKind::OptOutConfirmation,
            answers: BTreeMap::new(),
            confirmation: None,
        });
    }
}

/// Holds what a message without a token (or with one, from another
/// address) asked for until the person confirms it: answers, deletion
/// requests and a stop of mail asked from another address wait; a stop of
/// mail without a token takes effect at once (stopping mail is what it asks
/// for), and "not me" undoes it. One email asks, to the listed address,
/// showing everything the confirmation then holds, unless one is pending
/// and this message changes nothing in it; within the daily cap. "confirm"
/// counts only what the email answered showed (see [`shown_now`]).
fn hold(
    outcome: &mut Outcome,
    intents: &mut Vec<Intent>,
    facts: &Facts,
    mut request: Request,
    may_mail: bool,
) {
    // Mail already stopped (an opt-out of their own, a bounce): this
    // request stops nothing, so "not me" must not start what it did not
    // stop.
    let active = facts
        .found
        .as_ref()
        .is_some_and(|f| f.person.status == RecipientStatus::Active);
    if !active {
        request.opt_out = false;
        request.stop_asked = false;
    }
    if request.is_empty() {
        outcome.reason = format!(
            "{}; their mail is already stopped: nothing to hold",
            outcome.reason
        );
        return;
    }
    if !request.answers.is_empty() || request.withdrawal {
        outcome.decision = Some(HeldDecision::Held);
    }
    if request.opt_out {
        outcome.recipient_status = Some((
            RecipientStatus::OptedOut,
            "asked without a token to receive no more mail; \"not me\" to the confirmation undoes it"
                .into(),
        ));
    }
    outcome.reason = format!(
        "{}; {}: held until the person confirms by email",
        outcome.reason,
        if request.why == Some(Why::OtherAddress) {
            "with the token, from another address than the listed one"
        } else {
            "no token"
        }
    );
    let pending = facts.pending.as_ref();
    let tell = match pending {
        None => true,
        Some(p) => !p.mailed || p.request.news_in(&request),
    };
    let mailed = tell && may_mail;
    if mailed {
        let mut all = pending.map(|p| p.request.clone()).unwrap_or_default();
        all.merge(&request);
        intents.push(Intent {
            kind: follow_up::FollowUpKind::Confirmation,
            answers: BTreeMap::new(),
            confirmation: Some(all),
        });
    } else if tell {
        warn!(
            recipient = outcome.recipient_id,
            "a confirmation is due but not sent (daily cap or no address)"
        );
    }
    outcome.confirmation = Some(Change::Hold { request, mailed });
}

/// A delivery failure: only a report carrying something of ours (its VERP
/// address, our Message-ID, a token) changes anyone's state, and only for
/// mail that went to the person's listed address (a bounce of mail we sent
/// to another address says nothing about the one we hold); a report
/// with nothing of ours is recorded as unverified and stops nothing: anyone
/// can write one.
fn bounce(outcome: &mut Outcome, classification: &Classification, survey: &Survey, facts: &Facts) {
    outcome.file_to = survey.replies.folders.bounces.clone();
    let bounce = classification.bounce.clone().unwrap_or_default();
    let named = if bounce.recipients.is_empty() {
        "no address named".to_owned()
    } else {
        bounce.recipients.join(", ")
    };
    let note = [bounce.status.clone(), bounce.diagnostic.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let b = &facts.bounce;
    let attribution = crate::understand::bounce::attribute(
        b.by_key.clone(),
        b.by_message_id.clone(),
        b.by_token.as_ref().map(|p| p.id),
    );
    match attribution {
        Attribution::Person {
            recipient_id,
            outbox_id,
            evidence,
        } => {
            outcome.recipient_id = Some(recipient_id);
            outcome.matched_by = Some(match evidence {
                Evidence::Verp => MatchedBy::Verp,
                Evidence::MessageId | Evidence::Token => MatchedBy::Reference,
            });
            outcome.reason = format!(
                "{}; tied to our mail by its {}",
                outcome.reason,
                match evidence {
                    Evidence::Verp => "VERP address",
                    Evidence::MessageId => "returned Message-ID",
                    Evidence::Token => "returned token",
                }
            );
            let note = if note.is_empty() { named.clone() } else { note };
            if let Some(outbox) = outbox_id {
                outcome.bounced_mail = Some((outbox, note.clone()));
            }
            outcome.recipient_status = Some((RecipientStatus::Bounced, note));
        }
        Attribution::MessageOnly {
            outbox_id,
            sent_to,
            evidence,
        } => {
            outcome.bounced_mail = Some((outbox_id, note));
            outcome.matched_by = (evidence == Evidence::Verp).then_some(MatchedBy::Verp);
            outcome.flags.push(Flag {
                kind: FlagKind::BounceOfOtherAddress,
                note: format!(
                    "a bounce of our message to {}, not to a listed address: recorded against that message only",
                    sent_to.as_deref().unwrap_or("the leads")
                ),
            });
        }
        Attribution::Unverified => {
            outcome.reason = format!(
                "{}; nothing of ours in it (no VERP address, Message-ID or token): unverified, stops nothing",
                outcome.reason
            );
            outcome.flags.push(Flag {
                kind: FlagKind::UnverifiedBounce,
                note: format!(
                    "a delivery report with nothing of ours in it names {named}: not verified, nobody bounced"
                ),
            });
        }
    }
}

/// Is `sender` (its plus-address detail aside) our own address?
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
    let base = crate::survey::address::key(&base);
    ours.iter().any(|o| crate::survey::address::key(o) == base)
}
