//! A stored message through classification, matching and parsing into the
//! store, with the follow-up mail it calls for. Ingest drives; the store
//! serves (a transaction per batch, a savepoint per message, typed reads
//! and one typed record):
//!
//! 1. **batch**: up to [`BATCH`] waiting messages in one transaction, each
//!    in a savepoint of its own ([`run_batch`]): a message whose handling
//!    fails or panics is rolled back alone and set aside with the reason
//!    (quarantined, shown by `status` and `review`, run again by `review
//!    --retry`), and the rest goes on. A crash before a batch commits
//!    leaves its messages to be processed again; after it, nothing is done
//!    twice;
//! 2. **facts**, loaded once per message ([`read`], [`Facts::load`]): the
//!    message is parsed once, its tokens and text read once, the person it
//!    names looked up once (the questionnaire they were sent is a fact the
//!    reading itself needs), then their answers so far, the mail they were
//!    sent, the close;
//! 3. **decide**: a pure function of the message, the survey and the facts
//!    ([`decide`]) returns the outcome and the follow-up mail it calls for;
//! 4. **record**: the follow-ups are composed (one that cannot be written,
//!    for an address lettre refuses or a failing template, is recorded as
//!    a failed mail against the message) and everything is written.
//!
//! Classification and parsing are the same pure functions `mailsurvey
//! inspect` uses.

use std::collections::BTreeMap;

use jiff::{SignedDuration, Timestamp};
use mail_parser::Message;
use tracing::{info, warn};

use crate::answer::Answer;
use crate::authres::Verdict;
use crate::bounce::{Attribution, Evidence, Returned};
use crate::classify::{self, Bounce, Classification, Kind};
use crate::compose::compose;
use crate::confirmation::{self, Change, Request, Why, Word};
use crate::followup::{self, Context};
use crate::matching::{Candidate, Place};
use crate::store::{
    Batch, BatchReport, Flag, FlagKind, FollowUp, HeldDecision, MailKind, MatchedBy, MessageKind,
    Outcome, RecipientStatus, SentMail, Store, StoredMessage, StoredRecipient,
};
use crate::survey::Survey;
use crate::templates::Templates;
use crate::{Error, Result};

/// Automatic mail kinds counted against the daily cap.
const AUTOMATIC: &[MailKind] = &[
    MailKind::Receipt,
    MailKind::Clarification,
    MailKind::OptOutConfirmation,
    MailKind::ClosedNotice,
    MailKind::Confirmation,
];

/// Messages per transaction: one fsync for this many, and the store's lock
/// released between batches so the inbox can go on storing.
pub const BATCH: usize = 200;

/// Processes every stored message not yet processed, in batches. A message
/// whose handling fails is set aside and counted in `failed`; only an error
/// that is not any one message's fault (the store) is returned.
pub fn process_new(
    store: &Store,
    survey: &Survey,
    templates: &Templates,
    now: Timestamp,
) -> Result<BatchReport> {
    let mut total = BatchReport::default();
    loop {
        let report = run_batch(
            store,
            &survey.id,
            BATCH,
            &survey.replies.folders.quarantine,
            now,
            |batch, message| handle(batch, survey, templates, message, now),
        )?;
        total.processed += report.processed;
        total.failed += report.failed;
        if report.failed > 0 {
            warn!(survey = %survey.id, failed = report.failed, "messages set aside: their handling failed; see `mailsurvey review`");
        }
        if report.processed + report.failed < BATCH {
            return Ok(total);
        }
    }
}

/// Processes up to `limit` waiting messages, oldest first, in one
/// transaction of the store's, each in a savepoint of its own: `handle`
/// reads what it needs through the [`Batch`] and returns the outcome, which
/// is recorded in the same savepoint. If `handle` fails or panics, or
/// recording fails, that message's savepoint is rolled back and the
/// message is set aside (quarantined, to be filed to `quarantine`) with
/// the reason; the rest of the batch goes on.
///
/// An error that is not the message's fault (the disk is full, the store
/// is busy or read-only) rolls back the whole batch instead: every message
/// stays new and is tried again on the next turn.
pub fn run_batch(
    store: &Store,
    survey_id: &str,
    limit: usize,
    quarantine: &str,
    now: Timestamp,
    mut handle: impl FnMut(&Batch<'_>, &StoredMessage) -> Result<Outcome>,
) -> Result<BatchReport> {
    store.batch(survey_id, |batch| {
        let mut report = BatchReport::default();
        for waiting in batch.waiting(limit)? {
            let message = batch.load(waiting)?;
            let savepoint = batch.savepoint()?;
            let handled = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let outcome = handle(batch, &message)?;
                batch.record(message.id, &outcome, now)
            }))
            .unwrap_or_else(|panic| Err(Error::Other(format!("panicked: {}", panic_text(&panic)))));
            match handled {
                Ok(()) => {
                    savepoint.release()?;
                    report.processed += 1;
                }
                // Not this message's fault: nothing of the batch is kept.
                Err(err) if err.is_transient() || err.needs_operator() => return Err(err),
                Err(err) => {
                    savepoint.roll_back()?;
                    batch.set_aside(
                        message.id,
                        &err.to_string(),
                        &format!("after a fix: review --retry {}", message.id),
                        quarantine,
                        now,
                    )?;
                    report.failed += 1;
                }
            }
        }
        Ok(report)
    })
}

fn panic_text(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".into())
}

/// One message: facts, decision, follow-ups composed. Writes nothing.
pub fn handle(
    batch: &Batch<'_>,
    survey: &Survey,
    templates: &Templates,
    stored: &StoredMessage,
    now: Timestamp,
) -> Result<Outcome> {
    let (read, named) = read(batch, stored, survey)?;
    let facts = Facts::load(batch, &read, named, now)?;
    let decision = decide(stored, &read, survey, &facts);
    let outcome = compose_follow_ups(decision, stored, &read, survey, templates, &facts, now);
    info!(
        survey = %survey.id,
        message = stored.id,
        kind = %outcome.kind,
        recipient = ?outcome.recipient_id,
        matched_by = ?outcome.matched_by,
        answers = outcome.answers.len(),
        follow_ups = outcome.follow_ups.len(),
        // Redacted as the store keeps it, and shown, not acted on.
        reason = %crate::report::shown::visible(&crate::token::redact(&outcome.reason)),
        "message processed"
    );
    Ok(outcome)
}

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

/// Reads a stored message, once: parsed once (a large one without its
/// attachments' bodies: nothing read lives in them, and decoding them cost
/// tens of megabytes), its tokens and its text read once, the person it
/// names (by a token, else by its sender) looked up once, and classified,
/// its reply read as an answer to the questionnaire as that person was
/// sent it (a line of it below an unquoted `Answer:` is ours, not an
/// answer). Returns the message as read and whom it names.
pub fn read(
    batch: &Batch<'_>,
    stored: &StoredMessage,
    survey: &Survey,
) -> Result<(Read, Option<Named>)> {
    // `size` is the server's: a message kept as its headers only is as
    // large as the server says, not as what was stored.
    if stored.size > survey.replies.max_message_bytes {
        return Ok((Read::TooLarge, None));
    }
    let raw = crate::mime::lighten(&stored.raw);
    let Some(message) = crate::mime::parse(&raw) else {
        return Ok((Read::Unreadable, None));
    };
    let candidates = crate::matching::candidates(&message, survey);
    let text = crate::parse::reply_text(&message);
    let sender = message
        .from()
        .and_then(|f| f.first())
        .and_then(|a| a.address())
        .map(str::to_lowercase);
    let named = named(batch, &candidates, sender.as_deref())?;
    let sent = match &named {
        Some(named) => batch
            .sent_questionnaire(named.person.id)?
            .and_then(|raw| crate::mime::parse(&raw).map(|m| crate::parse::reply_text(&m))),
        None => None,
    };
    let classification =
        classify::classify_read(&message, survey, sent.as_deref(), candidates, &text);
    let verdict = survey
        .replies
        .trusted_authserv_id
        .as_deref()
        .zip(sender.as_deref().and_then(|s| s.rsplit_once('@')))
        .map(|(trusted, (_, domain))| {
            crate::authres::verdict(message.headers_raw(), trusted, domain)
        });
    let answers_confirmation = confirmation::answers_a_confirmation(&classification.candidates);
    let read = Read::Message(Box::new(ReadMessage {
        word: confirmation::read_word(&text),
        answers_confirmation,
        classification,
        sender,
        message_id: message.message_id().map(str::to_owned),
        verdict,
    }));
    Ok((read, named))
}

/// The person a message names, as found before it is classified: by the
/// first of its tokens that is someone's, else by its sender's address.
#[derive(Debug, Clone)]
pub struct Named {
    /// The person.
    pub person: StoredRecipient,
    /// The token that named them, where it was found; `None`: named by the
    /// sender's address.
    pub by: Option<Candidate>,
}

/// Looks up the person a message names: its tokens in priority order, then
/// its sender's address.
fn named(
    batch: &Batch<'_>,
    candidates: &[Candidate],
    sender: Option<&str>,
) -> Result<Option<Named>> {
    for candidate in candidates {
        if let Some(person) = batch.recipient_by_token(&candidate.token)? {
            return Ok(Some(Named {
                person,
                by: Some(candidate.clone()),
            }));
        }
    }
    let Some(sender) = sender else {
        return Ok(None);
    };
    Ok(batch
        .recipient_by_email(sender)?
        .map(|person| Named { person, by: None }))
}

/// The person a message belongs to, and how that was found.
#[derive(Debug, Clone)]
pub struct Found {
    /// The person.
    pub person: StoredRecipient,
    /// By what.
    pub matched_by: MatchedBy,
    /// The token came in the unsubscribe form of the plus-address.
    pub unsubscribe: bool,
}

/// Mail a person was sent, as counted for the caps.
#[derive(Debug, Clone, Copy, Default)]
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
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// When the survey closed, if it has.
    pub closed_at: Option<Timestamp>,
    /// The person the message belongs to.
    pub found: Option<Found>,
    /// Their current answers.
    pub answers: BTreeMap<String, Answer>,
    /// Mail they were sent.
    pub sent: MailCounts,
    /// For a delivery report: the messages of ours it names.
    pub bounce: BounceFacts,
    /// Their pending confirmation by email, if any.
    pub pending: Option<crate::store::Pending>,
}

/// What the store knows about the messages a delivery report names: by
/// its VERP address, by the returned Message-ID, by a returned token.
#[derive(Debug, Clone, Default)]
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

impl Facts {
    /// Loads the facts for one read message, `named` the person it names
    /// (found by [`read`], not looked up again).
    pub fn load(
        batch: &Batch<'_>,
        read: &Read,
        named: Option<Named>,
        now: Timestamp,
    ) -> Result<Facts> {
        let mut facts = Facts {
            closed_at: batch.closed_at()?,
            ..Facts::default()
        };
        let Read::Message(message) = read else {
            return Ok(facts);
        };
        if message.classification.bounce.is_some() {
            facts.bounce = bounce_facts(batch, &message.classification)?;
        }
        facts.found = found(
            batch,
            &message.classification,
            named,
            message.sender.as_deref(),
        )?;
        if let Some(found) = &facts.found {
            let id = found.person.id;
            let ever = Timestamp::UNIX_EPOCH;
            facts.answers = batch.current_answers(id)?;
            facts.pending = batch.pending_confirmation(id)?;
            facts.sent = MailCounts {
                closed_notices: batch.mail_count(id, &[MailKind::ClosedNotice], ever)?,
                opt_out_confirmations: batch.mail_count(
                    id,
                    &[MailKind::OptOutConfirmation],
                    ever,
                )?,
                clarifications: batch.mail_count(id, &[MailKind::Clarification], ever)?,
                automatic_today: batch.mail_count(
                    id,
                    AUTOMATIC,
                    now - SignedDuration::from_hours(24),
                )?,
            };
        }
        Ok(facts)
    }
}

/// A follow-up the decision calls for, before it is written.
#[derive(Debug, Clone)]
pub struct Intent {
    /// Which.
    pub kind: followup::Kind,
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

/// Decides what one message means: a pure function of the message, the
/// survey and the facts.
pub fn decide(stored: &StoredMessage, read: &Read, survey: &Survey, facts: &Facts) -> Decided {
    let folders = &survey.replies.folders;
    let mut decided = Decided::default();
    let message = match read {
        Read::TooLarge => {
            decided.outcome = Outcome {
                kind: MessageKind::Unrelated,
                reason: if stored.size > stored.raw.len() {
                    format!(
                        "{} bytes, over the limit of {}: its headers stored, not read; the message stays on the server",
                        stored.size, survey.replies.max_message_bytes
                    )
                } else {
                    format!(
                        "{} bytes, over the limit of {}: stored, not read",
                        stored.size, survey.replies.max_message_bytes
                    )
                },
                file_to: folders.quarantine.clone(),
                quarantined: true,
                flags: vec![Flag {
                    kind: FlagKind::Quarantined,
                    note: "message too large to read".into(),
                }],
                ..Outcome::default()
            };
            return decided;
        }
        Read::Unreadable => {
            decided.outcome = Outcome {
                kind: MessageKind::Unrelated,
                reason: "not a readable message".into(),
                file_to: folders.unmatched.clone(),
                ..Outcome::default()
            };
            return decided;
        }
        Read::Message(message) => message,
    };
    let classification = &message.classification;
    let sender = message.sender.clone();
    let outcome = &mut decided.outcome;
    *outcome = Outcome {
        kind: classification.kind.into(),
        reason: classification.reason.clone(),
        sender: sender.clone(),
        late: stored.received_at >= facts.closed_at.unwrap_or(survey.period.close.timestamp()),
        ..Outcome::default()
    };
    if classification.kind == Kind::Bounce {
        decide_bounce(outcome, classification, survey, facts);
        return decided;
    }
    if classification.challenge {
        outcome.flags.push(Flag {
            kind: FlagKind::Challenge,
            note: format!(
                "{} uses a challenge-response system that asks us to prove we are human: never answered automatically; a person must answer it for the survey's mail to reach them",
                sender.as_deref().unwrap_or("a sender")
            ),
        });
    }
    if let Some(bounce) = classification.bounce.as_ref().filter(|b| b.sender_side) {
        sending_limit(outcome, bounce, &facts.bounce, stored.received_at);
    }
    // The reader of a shared mailbox found the sender listed in several of
    // its surveys: without a token the message is nobody's (issue 10), so
    // no survey holds it or sends a confirmation.
    let shared_sender = stored.shared_sender
        && facts
            .found
            .as_ref()
            .is_some_and(|f| f.matched_by == MatchedBy::Sender);
    let Some(Found {
        person,
        matched_by,
        unsubscribe: unsubscribe_address,
    }) = facts.found.as_ref().filter(|_| !shared_sender)
    else {
        outcome.file_to = match classification.kind {
            Kind::Bounce => folders.bounces.clone(),
            Kind::AutoReply => folders.auto_replies.clone(),
            _ => folders.unmatched.clone(),
        };
        if shared_sender {
            outcome.reason = format!(
                "{}; no valid token, and the sender is listed in several surveys sharing the mailbox: not counted in any",
                outcome.reason
            );
        } else if classification.kind == Kind::Reply {
            outcome.reason = format!(
                "{}; no valid token and not from an invited address: not counted",
                outcome.reason
            );
        }
        return decided;
    };
    let matched_by = *matched_by;
    outcome.recipient_id = Some(person.id);
    outcome.matched_by = Some(matched_by);
    // Without a token, a From header proves nothing: the message counts
    // only if the organisation's own server vouches for its domain
    // (crate::authres), else what it asks is held until the person
    // confirms it by email (crate::confirmation).
    let mut unverified = matched_by == MatchedBy::Sender;
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
                "no token, from the invited address: held until the person confirms by email".into()
            }
        };
        outcome.flags.push(Flag {
            kind: FlagKind::MatchedBySender,
            note,
        });
    }
    let from_invited = sender.as_deref() == Some(person.email.to_lowercase().as_str());
    let may_answer = sender.is_some()
        && !is_ours(survey, sender.as_deref())
        && person.status == RecipientStatus::Active;
    let under_cap = (facts.sent.automatic_today as u32) < survey.replies.daily_auto_limit;
    // A confirmation may go to someone whose mail was just stopped (the
    // note that says so): never to our own or an empty address.
    let may_confirm = sender.is_some() && !is_ours(survey, sender.as_deref());
    let mut intents = Vec::new();

    // The answer to a confirmation of inferred answers: "confirm", or
    // corrections to some lines in a reply to it (the lines not corrected
    // are then confirmed); its own answers are recorded as any reply's.
    if let Some(pending) = &facts.pending
        && pending.request.why == Some(Why::Inferred)
        && !unverified
        && from_invited
        && classification.kind == Kind::Reply
        && let Some(reply) = &classification.reply
    {
        let certain: BTreeMap<String, Answer> = reply
            .answers
            .iter()
            .filter(|(_, a)| !a.is_inferred())
            .map(|(q, a)| (q.clone(), a.clone()))
            .collect();
        let corrects = message.answers_confirmation && !certain.is_empty();
        if message.word == Word::Confirm || corrects {
            outcome.kind = MessageKind::Reply;
            outcome.file_to = folders.processed.clone();
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
            outcome.confirmation = Some(Change::Settle {
                id: pending.id,
                word: Word::Confirm,
                by: "the person, by email".into(),
            });
            let mut current = facts.answers.clone();
            for (q, a) in &pending.request.answers {
                if current.get(q).is_some_and(Answer::is_inferred) {
                    let mut a = a.clone();
                    a.status = crate::answer::Status::Ok;
                    current.insert(q.clone(), a);
                }
            }
            current.extend(certain);
            let complete = survey
                .questions
                .iter()
                .filter(|q| q.required)
                .all(|q| current.get(&q.id).is_some_and(Answer::is_ok));
            if may_answer && under_cap {
                if complete && survey.replies.receipts {
                    intents.push(Intent {
                        kind: followup::Kind::Receipt,
                        answers: current,
                        confirmation: None,
                    });
                } else if !complete
                    && (facts.sent.clarifications as u32) < survey.replies.max_clarifications
                {
                    intents.push(Intent {
                        kind: followup::Kind::Clarification,
                        answers: current,
                        confirmation: None,
                    });
                }
            }
            decided.intents = intents;
            return decided;
        }
    }

    // The person's answer to their pending confirmation: only with their
    // token, from their listed address.
    if let Some(pending) = &facts.pending
        && !unverified
        && from_invited
        && matches!(
            classification.kind,
            Kind::Reply | Kind::Unsubscribe | Kind::Unrelated
        )
        && (message.word != Word::Other || message.answers_confirmation)
    {
        outcome.kind = MessageKind::Reply;
        outcome.file_to = folders.processed.clone();
        if message.word == Word::Other {
            outcome.decision = Some(HeldDecision::Held);
            outcome.reason = "a reply to the confirmation with neither \"confirm\" nor \"not me\": held for the lead".into();
            outcome.flags.push(Flag {
                kind: FlagKind::ConfirmationUnclear,
                note: "answered the confirmation email with something else: read it (`mailsurvey review`) and decide".into(),
            });
        } else {
            outcome.reason = format!(
                "\"{}\" to the confirmation of {} answer(s){}{}",
                if message.word == Word::Confirm {
                    "confirm"
                } else {
                    "not me"
                },
                pending.request.answers.len(),
                if pending.request.opt_out {
                    ", a stop of mail"
                } else {
                    ""
                },
                if pending.request.withdrawal {
                    ", a deletion request"
                } else {
                    ""
                },
            );
            outcome.confirmation = Some(Change::Settle {
                id: pending.id,
                word: message.word,
                by: "the person, by email".into(),
            });
        }
        return decided;
    }

    match classification.kind {
        Kind::Bounce => unreachable!("bounces are decided by decide_bounce"),
        Kind::AutoReply => outcome.file_to = folders.auto_replies.clone(),
        Kind::Unrelated if !unsubscribe_address => outcome.file_to = folders.unmatched.clone(),
        Kind::Unsubscribe | Kind::Unrelated => {
            outcome.kind = MessageKind::Unsubscribe;
            outcome.file_to = folders.processed.clone();
            if unverified {
                // A stop of mail, a deletion request, or both: the stop at
                // once, the deletion only once confirmed.
                let reply = classification.reply.clone().unwrap_or_default();
                let mut request = Request::new(Why::NoToken);
                request.withdrawal = reply.withdraw;
                request.opt_out = reply.opt_out || !reply.withdraw;
                hold(
                    outcome,
                    &mut intents,
                    facts,
                    request,
                    may_confirm && under_cap,
                );
            } else {
                opt_out(outcome, &mut intents, facts, may_answer);
            }
        }
        Kind::Reply => 'reply: {
            outcome.file_to = folders.processed.clone();
            let reply = classification.reply.clone().unwrap_or_default();
            outcome.different_sender = matched_by != MatchedBy::Sender && !from_invited;
            if outcome.different_sender {
                outcome.flags.push(Flag {
                    kind: FlagKind::DifferentSender,
                    note: format!(
                        "sent from {} with the token of {}",
                        sender.as_deref().unwrap_or("no address"),
                        person.email
                    ),
                });
                if !survey.replies.accept_different_sender {
                    outcome.decision = Some(HeldDecision::Held);
                    outcome.reason = format!(
                        "{}; held for the lead: not from the invited address",
                        outcome.reason
                    );
                    break 'reply;
                }
                outcome.decision = Some(HeldDecision::Accepted);
            }
            if reply.truncated {
                outcome.flags.push(Flag {
                    kind: FlagKind::Truncated,
                    note: "the reply was longer than the parser reads; only its start was read"
                        .into(),
                });
            }
            if reply.withdraw && !unverified {
                outcome.flags.push(Flag {
                    kind: FlagKind::WithdrawRequest,
                    note: "asked for their answers to be deleted: run `mailsurvey withdraw`".into(),
                });
            }
            if outcome.late {
                outcome.reason = format!(
                    "{}; arrived after the close: kept, not counted",
                    outcome.reason
                );
                if survey.replies.closed_notice
                    && may_answer
                    && facts.sent.closed_notices == 0
                    && under_cap
                {
                    intents.push(Intent {
                        kind: followup::Kind::ClosedNotice,
                        answers: BTreeMap::new(),
                        confirmation: None,
                    });
                }
                break 'reply;
            }
            if unverified {
                let mut request = Request::new(Why::NoToken);
                request.answers = reply.answers.clone();
                request.opt_out = reply.opt_out;
                request.withdrawal = reply.withdraw;
                if request.is_empty() {
                    outcome.flags.push(Flag {
                        kind: FlagKind::NoAnswers,
                        note: "a reply with no answers in it".into(),
                    });
                } else {
                    hold(
                        outcome,
                        &mut intents,
                        facts,
                        request,
                        may_confirm && under_cap,
                    );
                }
                break 'reply;
            }
            outcome.answers = reply.answers.clone();
            if reply.opt_out {
                outcome.flags.push(Flag {
                    kind: FlagKind::OptOutWithAnswers,
                    note: "answered and asked for no more mail: answers kept, mail stopped".into(),
                });
                opt_out(outcome, &mut intents, facts, may_answer);
                break 'reply;
            }
            if !may_answer {
                break 'reply;
            }
            let mut current = facts.answers.clone();
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
                    kind: FlagKind::NoAnswers,
                    note: "a reply with no answers in it".into(),
                });
                break 'reply;
            }
            if !under_cap {
                warn!(
                    recipient = person.id,
                    "daily cap on automatic mail reached; no follow-up"
                );
                break 'reply;
            }
            // Inferred answers are stored but count only once the person
            // confirms them: one email lists them and asks for anything
            // still missing (instead of a receipt or a clarification).
            let inferred: BTreeMap<String, Answer> = reply
                .answers
                .iter()
                .filter(|(_, a)| a.is_inferred())
                .map(|(q, a)| (q.clone(), a.clone()))
                .collect();
            if !inferred.is_empty() {
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
                intents.push(Intent {
                    kind: followup::Kind::Confirmation,
                    answers: current,
                    confirmation: Some(all),
                });
                outcome.confirmation = Some(Change::Hold {
                    request,
                    mailed: true,
                });
                break 'reply;
            }
            if complete {
                if survey.replies.receipts {
                    intents.push(Intent {
                        kind: followup::Kind::Receipt,
                        answers: current,
                        confirmation: None,
                    });
                }
            } else if (facts.sent.clarifications as u32) < survey.replies.max_clarifications {
                intents.push(Intent {
                    kind: followup::Kind::Clarification,
                    answers: current,
                    confirmation: None,
                });
            }
        }
    }
    decided.intents = intents;
    decided
}

fn opt_out(outcome: &mut Outcome, intents: &mut Vec<Intent>, facts: &Facts, may_answer: bool) {
    outcome.recipient_status = Some((
        RecipientStatus::OptedOut,
        "asked to receive no more mail".into(),
    ));
    if may_answer && facts.sent.opt_out_confirmations == 0 {
        intents.push(Intent {
            kind: followup::Kind::OptOutConfirmation,
            answers: BTreeMap::new(),
            confirmation: None,
        });
    }
}

/// Holds what a message without a token asked for until the person
/// confirms it: answers and deletion requests wait; a stop of mail takes
/// effect at once (stopping mail is what it asks for), and "not me" undoes
/// it. One email asks, to the listed address, unless one is pending and
/// this message adds nothing the person has not been told (a newly stopped
/// mail is always told); within the daily cap.
fn hold(
    outcome: &mut Outcome,
    intents: &mut Vec<Intent>,
    facts: &Facts,
    request: Request,
    may_mail: bool,
) {
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
        "{}; no token: held until the person confirms by email",
        outcome.reason
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
            kind: followup::Kind::Confirmation,
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

/// Writes the follow-ups a decision calls for. One that cannot be written
/// (an address lettre refuses, a template that fails) keeps its reason,
/// to be recorded as a failed mail against the message; the message
/// itself still counts.
fn compose_follow_ups(
    decided: Decided,
    stored: &StoredMessage,
    read: &Read,
    survey: &Survey,
    templates: &Templates,
    facts: &Facts,
    now: Timestamp,
) -> Outcome {
    let mut outcome = decided.outcome;
    let (Some(found), Read::Message(message)) = (&facts.found, read) else {
        return outcome;
    };
    let context = Context {
        survey,
        templates,
        recipient: &found.person,
        in_reply_to: message.message_id.clone(),
        seq: stored.id,
        to: message.sender.clone().unwrap_or_default(),
    };
    for intent in decided.intents {
        let message_id = crate::invitation::message_id(
            intent.kind.name(),
            stored.id as u32,
            &found.person.token,
            survey.sender.address.domain(),
        );
        let draft = match &intent.confirmation {
            Some(request) if request.why == Some(Why::Inferred) => {
                followup::confirmation_asking(&context, request, Some(&intent.answers))
            }
            Some(request) => followup::confirmation(&context, request),
            None => followup::draft(intent.kind, &context, &intent.answers),
        };
        let body = draft
            .and_then(|draft| compose(draft, now))
            .map(|mail| mail.bytes)
            .map_err(|err| {
                warn!(survey = %survey.id, message = stored.id, kind = intent.kind.name(), error = %err, "follow-up could not be written; recorded against the message");
                err.to_string()
            });
        outcome.follow_ups.push(FollowUp {
            kind: intent.kind.into(),
            message_id,
            body,
        });
    }
    outcome
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

/// How long sending pauses after a provider refuses our mail for a
/// sending limit (Gmail's daily limit, Microsoft 365's submission quota).
pub const SENDING_PAUSE: SignedDuration = SignedDuration::from_hours(1);

/// Loads what the store knows about the messages a delivery report names.
fn bounce_facts(batch: &Batch<'_>, classification: &Classification) -> Result<BounceFacts> {
    let mut facts = BounceFacts::default();
    let returned = |sent: Option<SentMail>,
                    people: &mut BTreeMap<i64, StoredRecipient>|
     -> Result<Option<Returned>> {
        let Some(sent) = sent else { return Ok(None) };
        let person = match sent.recipient_id {
            Some(id) => {
                let person = batch.recipient(id)?;
                let listed = (id, person.email.clone());
                people.insert(id, person);
                Some(listed)
            }
            None => None,
        };
        Ok(Some(Returned {
            outbox_id: sent.id,
            person,
            sent_to: sent.sent_to,
        }))
    };
    for found in &classification.bounce_keys {
        if let Some(sent) = batch.sent_mail_by_key(&found.key)? {
            facts.key_paused = batch.paused_sending(sent.id)?;
            facts.by_key = returned(Some(sent), &mut facts.people)?;
            break;
        }
    }
    let Some(bounce) = &classification.bounce else {
        return Ok(facts);
    };
    for candidate in &bounce.returned {
        match candidate.place {
            Place::ReturnedMessageId if facts.by_message_id.is_none() => {
                let id = candidate.found_in.trim().trim_matches(['<', '>']);
                let sent = batch.sent_mail_by_message_id(id)?;
                facts.by_message_id = returned(sent, &mut facts.people)?;
            }
            _ if facts.by_token.is_none() => {
                facts.by_token = batch.recipient_by_token(&candidate.token)?;
            }
            _ => {}
        }
    }
    Ok(facts)
}

/// A delivery failure: only a report carrying something of ours (its VERP
/// address, our Message-ID, a token) changes anyone's state, and only for
/// mail that went to the person's listed address (issue 8); a report with
/// nothing of ours is recorded as unverified and stops nothing.
fn decide_bounce(
    outcome: &mut Outcome,
    classification: &Classification,
    survey: &Survey,
    facts: &Facts,
) {
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
    let attribution = crate::bounce::attribute(
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

/// The person a message belongs to, and how: a bounce is nobody's here
/// (its report is attributed from its [`BounceFacts`]); a report carrying
/// a returned original (a delay, a refusal of our own account) is by the
/// original's tokens; any other message is the person's it names
/// ([`Named`]): by a token, or, for a reply or an opt-out only, by its
/// sender being an invited address (which proves nothing by itself: see
/// [`decide`]).
fn found(
    batch: &Batch<'_>,
    classification: &Classification,
    named: Option<Named>,
    sender: Option<&str>,
) -> Result<Option<Found>> {
    if classification.kind == Kind::Bounce {
        return Ok(None);
    }
    let by_sender = matches!(classification.kind, Kind::Reply | Kind::Unsubscribe);
    let by_address = |person| Found {
        person,
        matched_by: MatchedBy::Sender,
        unsubscribe: false,
    };
    if let Some(bounce) = &classification.bounce {
        for candidate in &bounce.returned {
            if let Some(person) = batch.recipient_by_token(&candidate.token)? {
                return Ok(Some(by_token(person, candidate)));
            }
        }
        if by_sender && let Some(sender) = sender {
            return Ok(batch.recipient_by_email(sender)?.map(by_address));
        }
        return Ok(None);
    }
    Ok(match named {
        Some(Named {
            person,
            by: Some(candidate),
        }) => Some(by_token(person, &candidate)),
        Some(Named { person, by: None }) if by_sender => Some(by_address(person)),
        _ => None,
    })
}

/// The person a token names, matched by where it was found.
fn by_token(person: StoredRecipient, candidate: &Candidate) -> Found {
    let matched_by = match candidate.place {
        Place::To | Place::Cc | Place::DeliveredTo | Place::XForwardedTo => MatchedBy::Address,
        _ => MatchedBy::Reference,
    };
    Found {
        person,
        matched_by,
        unsubscribe: candidate.unsubscribe,
    }
}

/// Reads a stored message's answers again (for a held reply the lead
/// accepts).
pub fn answers_of(raw: &[u8], survey: &Survey) -> BTreeMap<String, Answer> {
    let raw = crate::mime::lighten(raw);
    let Some(message): Option<Message<'_>> = crate::mime::parse(&raw) else {
        return BTreeMap::new();
    };
    classify::classify(&message, survey)
        .reply
        .map(|r| r.answers)
        .unwrap_or_default()
}
