//! A stored message through classification, matching and parsing into the
//! store, with the follow-up mail it calls for. Ingest drives; the store
//! serves (a transaction per batch, a savepoint per message, typed reads
//! and one typed record):
//!
//! 1. **batch**: up to [`BATCH`] waiting messages, read first, each outside
//!    any transaction and within a time budget, their reads counted in the
//!    store (in one commit) before they start (a message being read at two
//!    deaths of the daemon, the second while it was read alone, is set
//!    aside unread); then recorded in one transaction, each
//!    in a savepoint of its own ([`run_batch`]): a message whose handling
//!    fails or panics is rolled back alone and set aside with the reason
//!    (quarantined, shown by `status` and `review`, run again by `review
//!    --retry`), and the rest goes on. A crash before a batch commits
//!    leaves its messages to be processed again; after it, nothing is done
//!    twice;
//! 2. **facts**, loaded once per message ([`read`], [`Facts::load`]): the
//!    message is parsed once, its tokens and text read once, the person it
//!    names looked up once (the questionnaire they were sent is a fact the
//!    reading itself needs), then, in the transaction, their answers so
//!    far, the mail they were sent, the close;
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

pub use super::decision::{
    BounceFacts, Decided, Facts, Intent, MailCounts, MatchedPerson, Read, ReadMessage,
    SENDING_PAUSE, decide,
};
use crate::compose::compose;
use crate::decide::confirmation::{self, Why};
use crate::decide::cores;
use crate::follow_up::{self, Context};
use crate::store::{
    Batch, BatchReport, Begun, FollowUp, GroupBegun, Lookup, MailKind, MatchedBy, Outcome, Reads,
    SentMail, Store, StoredMessage, StoredRecipient,
};
use crate::survey::Survey;
use crate::survey::templates::Templates;
use crate::understand::answer::Answer;
use crate::understand::bounce::Returned;
use crate::understand::classify::{self, Classification, MessageClass};
use crate::understand::matching::{Candidate, Place};
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

/// Parts of [`BATCH`] a turn of [`process_new`] takes at most before it
/// looks for newly stored messages: one part is read while the one before
/// it is recorded, and a turn's last part has none beside it.
const PARTS_A_TURN: usize = 10;

/// Processes every stored message not yet processed, in batches. A message
/// whose handling fails is set aside and counted in `failed`; only an error
/// that is not any one message's fault (the store) is returned.
pub fn process_new(
    store: &Store,
    survey: &Survey,
    templates: &Templates,
    now: Timestamp,
) -> Result<BatchReport> {
    process_new_then(store, survey, templates, now, |_| {})
}

/// [`process_new`], calling `recorded` after each batch that recorded
/// anything, once it is committed: the daemon asks the inbox to file what
/// is processed then, while the next batches are processed, rather than
/// after the whole backlog (10,000 replies took the daemon a minute under
/// load, and none was filed until the end).
pub fn process_new_then(
    store: &Store,
    survey: &Survey,
    templates: &Templates,
    now: Timestamp,
    mut recorded: impl FnMut(BatchReport),
) -> Result<BatchReport> {
    // Nothing to read (an idle daemon's turn): the readers are not warmed
    // up, so an idle daemon does not hold their tables (about 15 MB; its
    // idle RSS rose from 19 to 35 MB with the warm-up).
    if store.waiting(&survey.id, 1)?.is_empty() {
        return Ok(BatchReport::default());
    }
    // Before any read is counted against a stored message.
    warm_up(survey);
    let limit = BATCH * PARTS_A_TURN;
    let mut total = BatchReport::default();
    loop {
        let report = run_batch_then(
            store,
            &survey.id,
            limit,
            &survey.replies.folders.quarantine,
            now,
            |message| {
                let lookup = store.lookup(&survey.id);
                let (read, named) = read_within_budget(&lookup, message, survey)?;
                let drafted = draft(
                    &lookup,
                    survey,
                    templates,
                    message,
                    &read,
                    named.as_ref(),
                    now,
                )?;
                Ok((read, named, drafted))
            },
            |batch, message, (read, named, drafted)| {
                handle_drafted(
                    batch,
                    survey,
                    templates,
                    message,
                    (read, named),
                    drafted,
                    now,
                )
            },
            |part| {
                if part.failed > 0 {
                    warn!(survey = %survey.id, failed = part.failed, "messages set aside: their handling failed; see `mailsurvey review`");
                }
                if part.processed + part.failed > 0 {
                    recorded(part);
                }
            },
        )?;
        total.processed += report.processed;
        total.failed += report.failed;
        if report.processed + report.failed < limit {
            return Ok(total);
        }
    }
}

/// Reads a sample reply of our own through the readers, once per process,
/// before the first read of a stored message is counted ([`run_batch`]):
/// the readers build their tables (a hundred and more compiled patterns)
/// on first use, which made the first read of each process take 150 ms
/// in a debug build where the next took 1.6 ms. That start-up was counted
/// against the first message waiting, the oldest left counted by a death:
/// a daemon killed again at start-up (a crash loop, SIGKILLs close
/// together) was charged to that message each time, and at two deaths a
/// genuine reply was set aside unread as poison
/// (`fault_sigkill_while_ingesting` hung waiting for its receipt). A death
/// while warming up is charged to no message; the sample is ours, so it
/// cannot be the poison.
fn warm_up(survey: &Survey) {
    static WARM: std::sync::Once = std::sync::Once::new();
    WARM.call_once(|| {
        let started = std::time::Instant::now();
        crate::understand::budget::fault_slow_warm_up();
        let sample = warm_up_sample(survey);
        let _ = crate::understand::budget::within(crate::understand::budget::READ_BUDGET, || {
            crate::understand::inspect::inspect(sample.as_bytes(), survey)
        });
        tracing::debug!(
            survey = %survey.id,
            ms = started.elapsed().as_millis() as u64,
            "readers warmed up"
        );
    });
}

/// The sample [`warm_up`] reads: a reply to the survey, from nobody on its
/// list, answering each question by its number.
fn warm_up_sample(survey: &Survey) -> String {
    let mut body = String::from("Hello,\n\nMy answers:\n\n");
    for n in 1..=survey.questions.len().max(1) {
        body.push_str(&format!("{n}. yes\n"));
    }
    body.push_str("\nKind regards,\nA. Sample\n");
    format!(
        "From: A. Sample <sample@mailsurvey.invalid>\r\nTo: <{}>\r\nSubject: Re: {}\r\nMessage-ID: <warm-up@mailsurvey.invalid>\r\nDate: Mon, 7 Dec 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{}",
        survey.sender.address,
        survey.subject.replace(['\r', '\n'], " "),
        body.replace('\n', "\r\n")
    )
}

/// How many bytes of messages a part of a batch reads before it is
/// recorded: the messages read are kept until then, and two parts are
/// held at once (one recorded while the next is read), so a batch of
/// large ones is recorded in several transactions rather than held all
/// at once.
const READ_AHEAD_BYTES: usize = 32 << 20;

/// Processes up to `limit` waiting messages, oldest first
/// ([`run_batch_then`], no call after each part).
pub fn run_batch<R: Send>(
    store: &Store,
    survey_id: &str,
    limit: usize,
    quarantine: &str,
    now: Timestamp,
    read: impl Fn(&StoredMessage) -> Result<R> + Sync,
    handle: impl FnMut(&Batch<'_>, &StoredMessage, R) -> Result<Outcome>,
) -> Result<BatchReport> {
    run_batch_then(
        store,
        survey_id,
        limit,
        quarantine,
        now,
        read,
        handle,
        |_| {},
    )
}

/// Processes up to `limit` waiting messages, oldest first, in parts of at
/// most [`BATCH`] messages (and [`READ_AHEAD_BYTES`]), each in two steps,
/// so that nothing slow runs while the store is held (the watchdog's look
/// at the store and the other surveys sharing it go on meanwhile):
///
/// 1. **read**, outside any transaction: the part's messages are counted
///    as being read first, in one commit ([`Store::begin_reading_group`]),
///    so a daemon that dies while reading them leaves the count behind;
///    then `read` runs on each, side by side on the machine's cores (its
///    lookups on the store's reading connection, one query each). A
///    message a death left counted is read alone instead, between its own
///    [`Store::begin_reading`] and [`Store::end_reading`], with nothing
///    read or recorded beside it, and a message that was being read alone
///    at a death is set aside unread instead of read a third time;
/// 2. **record**, in one transaction of the store's, each message in a
///    savepoint of its own: `handle` loads what it needs through the
///    [`Batch`] and returns the outcome, which is recorded in the same
///    savepoint; the group's reads are counted as over in the same
///    transaction. Two commits a part, not two a message. `recorded` is
///    called with the part's figures once it is committed.
///
/// A part is recorded while the next one is read: reading is most of a
/// message's CPU and recording most of the rest, and the two need
/// different connections to the store.
///
/// If `read` or `handle` fails or panics, or recording fails, that
/// message's savepoint is rolled back and the message is set aside
/// (quarantined, to be filed to `quarantine`) with the reason; the rest of
/// the batch goes on.
///
/// An error that is not the message's fault (the disk is full, the store
/// is busy or read-only) rolls back the whole part being recorded instead:
/// every message of it, and of the part read beside it, stays new and is
/// tried again on the next turn.
#[allow(clippy::too_many_arguments)]
pub fn run_batch_then<R: Send>(
    store: &Store,
    survey_id: &str,
    limit: usize,
    quarantine: &str,
    now: Timestamp,
    read: impl Fn(&StoredMessage) -> Result<R> + Sync,
    mut handle: impl FnMut(&Batch<'_>, &StoredMessage, R) -> Result<Outcome>,
    mut recorded: impl FnMut(BatchReport),
) -> Result<BatchReport> {
    let mut report = BatchReport::default();
    let mut record = |part: ReadPart<R>, report: &mut BatchReport| {
        let counted = part.counted.clone();
        let done = record_part(store, survey_id, quarantine, now, part, &mut handle);
        match done {
            Ok(done) => {
                report.processed += done.processed;
                report.failed += done.failed;
                recorded(done);
                Ok(())
            }
            Err(err) => {
                end_reads(store, survey_id, &counted);
                Err(err)
            }
        }
    };
    // A part read on this thread: the first of a turn, or one with a
    // message read alone.
    let read_here = |chosen, report: &mut BatchReport| {
        read_part(store, survey_id, quarantine, now, chosen, &read, report)
    };
    let mut read_ahead: Option<ReadPart<R>> = None;
    for chosen in parts(store.waiting(survey_id, limit)?) {
        // The part's reads counted as begun in one commit; those of
        // messages a death left counted are read alone.
        let ids: Vec<i64> = chosen.iter().map(|w| w.id()).collect();
        let begun = match store.begin_reading_group(survey_id, &ids) {
            Ok(begun) => begun,
            Err(err) => {
                if let Some(before) = read_ahead {
                    end_reads(store, survey_id, &before.counted);
                }
                return Err(err);
            }
        };
        let counted: Vec<i64> = ids
            .iter()
            .zip(&begun)
            .filter(|(_, b)| **b == GroupBegun::Counted)
            .map(|(id, _)| *id)
            .collect();
        let chosen: Vec<_> = chosen.into_iter().zip(begun).collect();
        let alone = chosen.iter().any(|(_, b)| *b == GroupBegun::Alone);
        let (read_now, before) = match read_ahead.take() {
            None => (read_here(chosen, &mut report), Ok(())),
            // Nothing beside a message read alone: the part before is
            // recorded first.
            Some(before) if alone => {
                let before = record(before, &mut report);
                let read_now = match before {
                    Ok(()) => read_here(chosen, &mut report),
                    Err(_) => Ok(Vec::new()),
                };
                (read_now, before)
            }
            Some(before) => std::thread::scope(|scope| {
                let reading = scope.spawn(|| read_counted(store, chosen, &read));
                let before = record(before, &mut report);
                let read_now = reading
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                (read_now, before)
            }),
        };
        match (read_now, before) {
            (Ok(messages), Ok(())) => read_ahead = Some(ReadPart { messages, counted }),
            (_, Err(err)) | (Err(err), _) => {
                // Not a death: the reads are over, uncounted.
                end_reads(store, survey_id, &counted);
                return Err(err);
            }
        }
    }
    if let Some(last) = read_ahead {
        record(last, &mut report)?;
    }
    Ok(report)
}

/// A part of a batch, read and waiting to be recorded: each message with
/// its read, and the ids whose reads were counted with the group (counted
/// as over when it is recorded).
struct ReadPart<R> {
    messages: Vec<(StoredMessage, Result<R>)>,
    counted: Vec<i64>,
}

/// The waiting messages in parts of at most [`BATCH`] messages and
/// [`READ_AHEAD_BYTES`] (a larger message alone).
fn parts(waiting: Vec<crate::store::Waiting>) -> Vec<Vec<crate::store::Waiting>> {
    let mut parts: Vec<Vec<crate::store::Waiting>> = Vec::new();
    let mut bytes = 0usize;
    for next in waiting {
        match parts.last_mut() {
            Some(part) if part.len() < BATCH && bytes + next.size() <= READ_AHEAD_BYTES => {
                bytes += next.size();
                part.push(next);
            }
            _ => {
                bytes = next.size();
                parts.push(vec![next]);
            }
        }
    }
    parts
}

/// Counts the reads of a group as over after an error that is not a
/// death (the store failed): said in the log if even that fails.
fn end_reads(store: &Store, survey_id: &str, counted: &[i64]) {
    if let Err(ended) = store.end_reading_group(counted) {
        warn!(survey = %survey_id, error = %ended, "the reads of a batch could not be counted as over");
    }
}

/// Reads the messages of one part of a batch ([`run_batch`]'s first
/// step), outside any transaction: those counted with the group side by
/// side on the machine's cores ([`cores::in_order`]), without a commit of
/// their own; if a death left one of them counted, the part one message
/// at a time, that one between its own [`Store::begin_reading`] and
/// [`Store::end_reading`] with nothing read beside it (what a second
/// death then charges it is its own doing).
fn read_part<R: Send>(
    store: &Store,
    survey_id: &str,
    quarantine: &str,
    now: Timestamp,
    chosen: Vec<(crate::store::Waiting, GroupBegun)>,
    read: &(impl Fn(&StoredMessage) -> Result<R> + Sync),
    report: &mut BatchReport,
) -> Result<Vec<(StoredMessage, Result<R>)>> {
    if chosen.iter().any(|(_, begun)| *begun == GroupBegun::Alone) {
        return read_one_by_one(store, survey_id, quarantine, now, chosen, read, report);
    }
    read_counted(store, chosen, read)
}

/// [`read_part`] of a part without a message a death left counted: side
/// by side ([`cores::in_order`]).
fn read_counted<R: Send>(
    store: &Store,
    chosen: Vec<(crate::store::Waiting, GroupBegun)>,
    read: &(impl Fn(&StoredMessage) -> Result<R> + Sync),
) -> Result<Vec<(StoredMessage, Result<R>)>> {
    let counted: Vec<_> = chosen
        .into_iter()
        .filter(|(_, begun)| *begun == GroupBegun::Counted)
        .map(|(waiting, _)| waiting)
        .collect();
    cores::in_order(&counted, |waiting| {
        let message = store.load(waiting.clone())?;
        let read = read_caught(read, &message)?;
        Ok((message, read))
    })
    .into_iter()
    .collect()
}

/// [`read_part`] one message at a time, in order.
fn read_one_by_one<R>(
    store: &Store,
    survey_id: &str,
    quarantine: &str,
    now: Timestamp,
    chosen: Vec<(crate::store::Waiting, GroupBegun)>,
    read: &impl Fn(&StoredMessage) -> Result<R>,
    report: &mut BatchReport,
) -> Result<Vec<(StoredMessage, Result<R>)>> {
    let mut part = Vec::new();
    for (next, begun) in chosen {
        let alone = match begun {
            GroupBegun::Gone => continue,
            GroupBegun::Counted => false,
            GroupBegun::Alone => true,
        };
        let message = store.load(next)?;
        if alone {
            match store.begin_reading(survey_id, message.id, quarantine, now)? {
                Begun::Gone => continue,
                Begun::SetAside => {
                    warn!(survey = %survey_id, message = message.id, "set aside unread: the daemon stopped twice while reading it");
                    report.failed += 1;
                    continue;
                }
                Begun::Read { deaths } if deaths > 0 => {
                    warn!(survey = %survey_id, message = message.id, deaths, "reading again a message that was being read when the daemon stopped; one more stop sets it aside")
                }
                Begun::Read { .. } => {}
            }
        }
        let read = read_caught(read, &message);
        if alone {
            store.end_reading(message.id)?;
        }
        part.push((message, read?));
    }
    Ok(part)
}

/// `read` on one message, a panic in it caught as that message's error;
/// [`kept_for_the_message`].
fn read_caught<R>(
    read: &impl Fn(&StoredMessage) -> Result<R>,
    message: &StoredMessage,
) -> Result<Result<R>> {
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read(message)))
        .unwrap_or_else(|panic| Err(Error::Other(format!("panicked: {}", panic_text(&panic)))));
    kept_for_the_message(read)
}

/// A read's result as the message's own (`Ok`: recorded with it, an error
/// setting it aside), or, outside, an error that is not the message's
/// fault (the store failed under a lookup): the read is over, the
/// message stays new.
fn kept_for_the_message<R>(read: Result<R>) -> Result<Result<R>> {
    match read {
        Err(err) if err.is_transient() || err.needs_operator() => Err(err),
        read => Ok(read),
    }
}

/// Records the messages of one part of a batch, read, in one transaction
/// ([`run_batch`]'s second step).
fn record_part<R>(
    store: &Store,
    survey_id: &str,
    quarantine: &str,
    now: Timestamp,
    part: ReadPart<R>,
    handle: &mut impl FnMut(&Batch<'_>, &StoredMessage, R) -> Result<Outcome>,
) -> Result<BatchReport> {
    store.batch(survey_id, |batch| {
        // The group's reads are over, counted in the same commit.
        batch.end_reading_group(&part.counted)?;
        let mut report = BatchReport::default();
        for (message, read) in part.messages {
            let savepoint = batch.savepoint()?;
            let handled = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let outcome = handle(batch, &message, read?)?;
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
                    // Redacted and shown as the store keeps it.
                    warn!(survey = %survey_id, message = message.id, reason = %crate::report::shown::logged(&err.to_string()), "message set aside: its handling failed");
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

/// [`read`] within the time budget of one message's reading, checked in
/// every loop over the input: a message whose reading runs over it is an
/// error ("took longer than 10 s to read"), set aside with that reason,
/// and the rest goes on.
pub fn read_within_budget(
    lookup: &Lookup<'_>,
    stored: &StoredMessage,
    survey: &Survey,
) -> Result<(Read, Option<Named>)> {
    let budget = crate::understand::budget::READ_BUDGET;
    crate::understand::budget::within(budget, || read(lookup, stored, survey))
        .map_err(|late| Error::Other(late.to_string()))?
}

/// A decision taken, and its follow-ups composed, before the batch's
/// transaction, while the store is not held ([`draft`]), with the facts it
/// stands on: kept if the batch finds the same facts (nothing an earlier
/// message of the batch recorded changed them), taken again otherwise.
/// Composing the follow-up mail (templates, MIME) was most of what a
/// message did while it held the store, which the inbox waited for.
#[derive(Debug)]
pub struct Drafted {
    facts: Facts,
    outcome: Outcome,
}

/// Drafts the outcome of a message read by [`read_within_budget`] outside
/// any transaction: its facts loaded through `lookup` (each query holding
/// the store for itself alone), its decision, its follow-ups composed.
/// `None` for a message that was not read (too large, unreadable). Only
/// an error that is not the message's fault is returned.
pub fn draft(
    lookup: &Lookup<'_>,
    survey: &Survey,
    templates: &Templates,
    stored: &StoredMessage,
    read: &Read,
    named: Option<&Named>,
    now: Timestamp,
) -> Result<Option<Drafted>> {
    if !matches!(read, Read::Message(_)) {
        return Ok(None);
    }
    let facts = match Facts::load(lookup, read, named.cloned(), now) {
        Ok(facts) => facts,
        Err(err) if err.is_transient() || err.needs_operator() => return Err(err),
        // Taken again in the batch, where it counts.
        Err(_) => return Ok(None),
    };
    let decision = decide(stored, read, survey, &facts);
    let outcome = compose_follow_ups(decision, stored, read, survey, templates, &facts, now);
    Ok(Some(Drafted { facts, outcome }))
}

/// One message, read by [`read_within_budget`]: facts, decision, follow-ups
/// composed. Writes nothing.
pub fn handle(
    batch: &Batch<'_>,
    survey: &Survey,
    templates: &Templates,
    stored: &StoredMessage,
    read: (Read, Option<Named>),
    now: Timestamp,
) -> Result<Outcome> {
    handle_drafted(batch, survey, templates, stored, read, None, now)
}

/// [`handle`], with the outcome [`draft`]ed before the transaction: kept
/// when the facts the batch loads are the draft's.
pub fn handle_drafted(
    batch: &Batch<'_>,
    survey: &Survey,
    templates: &Templates,
    stored: &StoredMessage,
    (read, named): (Read, Option<Named>),
    drafted: Option<Drafted>,
    now: Timestamp,
) -> Result<Outcome> {
    // Read before this part of the batch was recorded: the person as an
    // earlier message of it left them (an opt-out, a bounce).
    let named = named
        .map(|named| {
            Ok::<_, Error>(Named {
                person: batch.recipient(named.person.id)?,
                by: named.by,
            })
        })
        .transpose()?;
    let facts = Facts::load(batch, &read, named, now)?;
    let outcome = match drafted {
        Some(drafted) if drafted.facts == facts => drafted.outcome,
        _ => {
            let decision = decide(stored, &read, survey, &facts);
            compose_follow_ups(decision, stored, &read, survey, templates, &facts, now)
        }
    };
    info!(
        survey = %survey.id,
        message = stored.id,
        kind = %outcome.kind,
        recipient = ?outcome.recipient_id,
        matched_by = ?outcome.matched_by,
        answers = outcome.answers.len(),
        follow_ups = outcome.follow_ups.len(),
        // Redacted as the store keeps it, and shown, not acted on.
        reason = %crate::report::shown::logged(&outcome.reason),
        "message processed"
    );
    Ok(outcome)
}

/// Reads a stored message, once: parsed once (a large one without its
/// attachments' bodies: nothing read lives in them, and decoding them cost
/// tens of megabytes), its tokens and its text read once, the person it
/// names (by a token, else by its sender) looked up once, and classified,
/// its reply read as an answer to the questionnaire as that person was
/// sent it (a line of it below an unquoted `Answer:` is ours, not an
/// answer). Returns the message as read and whom it names. Runs outside
/// any transaction: each lookup holds the store for its query only.
pub fn read(
    lookup: &Lookup<'_>,
    stored: &StoredMessage,
    survey: &Survey,
) -> Result<(Read, Option<Named>)> {
    // `size` is the server's: a message kept as its headers only is as
    // large as the server says, not as what was stored.
    if stored.size > survey.replies.max_message_bytes {
        return Ok((Read::TooLarge, None));
    }
    let raw = crate::understand::mime::lighten(&stored.raw);
    let Some(message) = crate::understand::mime::parse(&raw) else {
        return Ok((Read::Unreadable, None));
    };
    let candidates = crate::understand::matching::candidates(&message, survey);
    let text = crate::understand::parse::reply_text(&message);
    let sender = message
        .from()
        .and_then(|f| f.first())
        .and_then(|a| a.address())
        .map(crate::survey::address::key);
    let named = named(lookup, &candidates, sender.as_deref())?;
    // The invitation as stored: loaded and MIME-parsed only if a line of
    // the reply is compared with it (few are). The store failing under it
    // fails the read, as any lookup's failure does.
    let failed = std::cell::Cell::new(None);
    let fetch = || {
        let named = named.as_ref()?;
        lookup
            .sent_questionnaire(named.person.id)
            .unwrap_or_else(|err| {
                failed.set(Some(err));
                None
            })
    };
    let sent = match named {
        Some(_) => crate::understand::parse::Sent::Fetched(crate::understand::parse::Fetch(&fetch)),
        None => crate::understand::parse::Sent::Unknown,
    };
    let classification = classify::classify_read(&message, survey, sent, candidates, &text);
    if let Some(err) = failed.take() {
        return Err(err);
    }
    let verdict = survey
        .replies
        .trusted_authserv_id
        .as_deref()
        .zip(sender.as_deref().and_then(|s| s.rsplit_once('@')))
        .map(|(trusted, (_, domain))| {
            crate::understand::authres::verdict(message.headers_raw(), trusted, domain)
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
    lookup: &Lookup<'_>,
    candidates: &[Candidate],
    sender: Option<&str>,
) -> Result<Option<Named>> {
    for candidate in candidates {
        if let Some(person) = lookup.recipient_by_token(&candidate.token)? {
            return Ok(Some(Named {
                person,
                by: Some(candidate.clone()),
            }));
        }
    }
    let Some(sender) = sender else {
        return Ok(None);
    };
    Ok(lookup
        .recipient_by_email(sender)?
        .map(|person| Named { person, by: None }))
}

impl Facts {
    /// Loads the facts for one read message, `named` the person it names
    /// (found by [`read`], not looked up again), in a batch's transaction
    /// or outside any ([`Reads`]).
    pub fn load(
        batch: &impl Reads,
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
            facts.shown = shown(batch, id, &message.classification.candidates)?;
            let [
                closed_notices,
                opt_out_confirmations,
                clarifications,
                automatic_today,
            ] = batch.mail_counts(
                id,
                [
                    (&[MailKind::ClosedNotice], ever),
                    (&[MailKind::OptOutConfirmation], ever),
                    (&[MailKind::Clarification], ever),
                    (AUTOMATIC, now - SignedDuration::from_hours(24)),
                ],
            )?;
            facts.sent = MailCounts {
                closed_notices,
                opt_out_confirmations,
                clarifications,
                automatic_today,
            };
        }
        Ok(facts)
    }
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
        let message_id = crate::compose::invitation::message_id(
            intent.kind.name(),
            stored.id as u32,
            &found.person.token,
            survey.sender.address.domain(),
        );
        let draft = match &intent.confirmation {
            Some(request) if request.why == Some(Why::Inferred) => {
                follow_up::confirmation_asking(&context, request, Some(&intent.answers))
            }
            Some(request) => follow_up::confirmation(&context, request),
            None => follow_up::draft(intent.kind, &context, &intent.answers),
        };
        let body = draft
            .and_then(|draft| compose(draft, now))
            .map(|mail| mail.bytes)
            .map_err(|err| {
                warn!(survey = %survey.id, message = stored.id, kind = intent.kind.name(), error = %crate::report::shown::logged(&err.to_string()), "follow-up could not be written; recorded against the message");
                err.to_string()
            });
        outcome.follow_ups.push(FollowUp {
            kind: intent.kind.into(),
            message_id,
            body,
            shows: intent.confirmation.as_ref().map(|r| r.fingerprint()),
        });
    }
    outcome
}

/// What the confirmation email a message answers showed: the first of
/// our confirmation Message-IDs in its In-Reply-To or References that is
/// the person's and has a stored digest.
fn shown(
    batch: &impl Reads,
    recipient_id: i64,
    candidates: &[Candidate],
) -> Result<Option<String>> {
    for candidate in candidates {
        if !matches!(candidate.place, Place::InReplyTo | Place::References) {
            continue;
        }
        let id = candidate.found_in.trim().trim_matches(['<', '>']);
        if !id.starts_with(&format!("{}.", confirmation::KIND)) {
            continue;
        }
        if let Some(shown) = batch.confirmation_shown(recipient_id, id)? {
            return Ok(Some(shown));
        }
    }
    Ok(None)
}

/// Loads what the store knows about the messages a delivery report names.
fn bounce_facts(batch: &impl Reads, classification: &Classification) -> Result<BounceFacts> {
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

/// The person a message belongs to, and how: a bounce is nobody's here
/// (its report is attributed from its [`BounceFacts`]); a report carrying
/// a returned original (a delay, a refusal of our own account) is by the
/// original's tokens; any other message is the person's it names
/// ([`Named`]): by a token, or, for a reply or an opt-out only, by its
/// sender being an invited address (which proves nothing by itself: see
/// [`decide`]).
fn found(
    batch: &impl Reads,
    classification: &Classification,
    named: Option<Named>,
    sender: Option<&str>,
) -> Result<Option<MatchedPerson>> {
    if classification.kind == MessageClass::Bounce {
        return Ok(None);
    }
    let by_sender = matches!(
        classification.kind,
        MessageClass::Reply | MessageClass::Unsubscribe
    );
    let by_address = |person| MatchedPerson {
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
fn by_token(person: StoredRecipient, candidate: &Candidate) -> MatchedPerson {
    let matched_by = match candidate.place {
        Place::To | Place::Cc | Place::DeliveredTo | Place::XForwardedTo => MatchedBy::Address,
        _ => MatchedBy::Reference,
    };
    MatchedPerson {
        person,
        matched_by,
        unsubscribe: candidate.unsubscribe,
    }
}

/// Reads a stored message's answers again (for a held reply the lead
/// accepts).
pub fn answers_of(raw: &[u8], survey: &Survey) -> BTreeMap<String, Answer> {
    let raw = crate::understand::mime::lighten(raw);
    let Some(message): Option<Message<'_>> = crate::understand::mime::parse(&raw) else {
        return BTreeMap::new();
    };
    classify::classify(&message, survey)
        .reply
        .map(|r| r.answers)
        .unwrap_or_default()
}
