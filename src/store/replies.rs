//! The reply side of the store: raw messages and the mailbox cursor, what
//! processing found (answers, flags, follow-up mail) written in one
//! transaction, and the lead's decisions.

use std::collections::BTreeMap;

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::Cached;
use super::{
    FlagKind, HeldDecision, MailKind, MatchedBy, MessageKind, RecipientStatus, Store,
    StoredRecipient, recipient_by_id,
};
use crate::answer::{Answer, Status};
use crate::{Error, Result};

/// A message as stored, waiting to be processed.
#[derive(Debug, Clone)]
pub struct StoredMessage {
    /// Row id.
    pub id: i64,
    /// The bytes as received; only the headers for a message too large to
    /// store whole (see `size`).
    pub raw: Vec<u8>,
    /// Its size on the server, as the server gave it: larger than `raw`
    /// when only the headers were kept.
    pub size: usize,
    /// When it was stored.
    pub received_at: Timestamp,
    /// Its sender is listed in several surveys sharing the mailbox (the
    /// reader's routing verdict): without a token it is nobody's.
    pub shared_sender: bool,
}

/// What `review --retry` did with a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retried {
    /// Set back to new: the daemon handles it again.
    Again,
    /// Not a message whose handling failed.
    NotFailed,
    /// The store refused it, so only a note of why was kept: the message
    /// is on the server, in the quarantine folder, and is read again once
    /// moved back to the inbox.
    NotStored,
}

/// Whether a fetched message was new.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    /// Stored under this row id.
    New(i64),
    /// Seen before (same content or same Message-ID).
    Duplicate,
}

/// A follow-up mail to queue with a processed message.
#[derive(Debug, Clone)]
pub struct FollowUp {
    /// Which follow-up.
    pub kind: MailKind,
    /// Its Message-ID (derived from the triggering message).
    pub message_id: String,
    /// The encoded message, or why it could not be written (an address
    /// lettre refuses, a template that fails): then it is recorded as a
    /// failed mail against this message, and the message itself counts.
    pub body: std::result::Result<Vec<u8>, String>,
}

/// A flag for the lead.
#[derive(Debug, Clone)]
pub struct Flag {
    /// What it is about.
    pub kind: FlagKind,
    /// Details in words.
    pub note: String,
}

/// Everything processing decided about one message, written at once.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// What the message is.
    pub kind: MessageKind,
    /// Why, for the log and review.
    pub reason: String,
    /// The From address.
    pub sender: Option<String>,
    /// The person it belongs to.
    pub recipient_id: Option<i64>,
    /// How it was tied to them.
    pub matched_by: Option<MatchedBy>,
    /// Sent from another address than the invited one.
    pub different_sender: bool,
    /// For a different sender: held, accepted or rejected.
    pub decision: Option<HeldDecision>,
    /// Arrived after the close.
    pub late: bool,
    /// Server folder to file it in.
    pub file_to: String,
    /// Answers to record as the person's current ones.
    pub answers: BTreeMap<String, Answer>,
    /// New recipient status (bounced, opted out) and why.
    pub recipient_status: Option<(RecipientStatus, String)>,
    /// Flags for the lead.
    pub flags: Vec<Flag>,
    /// Mail to queue.
    pub follow_ups: Vec<FollowUp>,
    /// Quarantined rather than processed.
    pub quarantined: bool,
    /// A message of ours a hard bounce returned (outbox row), and what the
    /// bounce said: recorded against that message.
    pub bounced_mail: Option<(i64, String)>,
    /// Our sending account hit a provider's limit: no mail goes out before
    /// this time, and the refused message (if known) goes again then.
    pub pause_sending: Option<(Timestamp, Option<i64>)>,
    /// What this message does to the person's confirmation by email.
    pub confirmation: Option<crate::confirmation::Change>,
}

impl Default for Outcome {
    fn default() -> Outcome {
        Outcome {
            kind: MessageKind::Unrelated,
            reason: String::new(),
            sender: None,
            recipient_id: None,
            matched_by: None,
            different_sender: false,
            decision: None,
            late: false,
            file_to: String::new(),
            answers: BTreeMap::new(),
            recipient_status: None,
            flags: Vec::new(),
            follow_ups: Vec::new(),
            quarantined: false,
            bounced_mail: None,
            pause_sending: None,
            confirmation: None,
        }
    }
}

/// A message whose handling failed, set aside until `review --retry`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct FailedMessage {
    /// Row id (what `review --retry` takes).
    pub id: i64,
    /// Why its handling failed.
    pub reason: String,
    /// How many times it failed.
    pub failures: u32,
    /// When it arrived.
    pub received_at: Timestamp,
}

/// What one batch of processing did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchReport {
    /// Messages recorded as processed (or quarantined unread).
    pub processed: usize,
    /// Messages whose handling failed, set aside with the reason.
    pub failed: usize,
}

/// A message awaiting filing on the server.
#[derive(Debug, Clone)]
pub struct Unfiled {
    /// Row id.
    pub id: i64,
    /// Folder it was read from.
    pub folder: String,
    /// UIDVALIDITY at the time.
    pub uidvalidity: u32,
    /// Its UID.
    pub uid: u32,
    /// Where it goes.
    pub file_to: String,
}

/// Where the first copy of a message went, for filing a later copy of it
/// (one read again after a UIDVALIDITY change) beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FirstCopy {
    /// Processed (or set aside): its folder is known.
    pub decided: bool,
    /// The folder it belongs in.
    pub file_to: Option<String>,
}

/// A decision made by hand, as recorded.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Decision {
    /// When.
    pub at: Timestamp,
    /// Who.
    pub by: String,
    /// What (reply accepted, answer settled, answers deleted, ...).
    pub action: String,
    /// Whose, if a person's.
    pub recipient: Option<String>,
    /// Details.
    pub detail: String,
}

/// A flag the lead has not dealt with yet.
#[derive(Debug, Clone, serde::Serialize)]
pub struct OpenFlag {
    /// Flag id.
    pub id: i64,
    /// The person's address, if known.
    pub recipient: Option<String>,
    /// The message row it is about.
    pub message: Option<i64>,
    /// What it is about.
    pub kind: FlagKind,
    /// Details.
    pub note: String,
}

/// A message's row as the lead reviews it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct MessageSummary {
    /// Row id (what `review` commands take).
    pub id: i64,
    /// Kind.
    pub kind: Option<MessageKind>,
    /// Sender.
    pub sender: Option<String>,
    /// Recipient's address, if matched.
    pub recipient: Option<String>,
    /// How it was matched.
    pub matched_by: Option<MatchedBy>,
    /// held / accepted / rejected.
    pub decision: Option<HeldDecision>,
    /// Late?
    pub late: bool,
    /// Reason.
    pub reason: Option<String>,
}

/// Stores the bytes of message `id` in `message_bytes` (migration 0010):
/// the row is made with a zeroblob of their size, which SQLite does not
/// materialise as a row's last column, and the bytes are written into it
/// page by page through incremental blob I/O. Binding them instead makes
/// SQLite copy them twice (the bound value, then the row): 48 MB more for
/// a 24 MB message.
fn insert_bytes(tx: &Connection, id: i64, raw: &[u8]) -> Result<()> {
    if raw.is_empty() {
        return Ok(());
    }
    let len = i64::try_from(raw.len()).unwrap_or(i64::MAX);
    tx.execute_cached(
        "INSERT INTO message_bytes (message_id, raw) VALUES (?1, zeroblob(?2))",
        params![id, len],
    )?;
    let mut blob = tx.blob_open(rusqlite::MAIN_DB, c"message_bytes", c"raw", id, false)?;
    blob.write_at(raw, 0)?;
    Ok(())
}

/// A message fetched from the server, to be stored ([`Store::store_fetched`]).
#[derive(Debug, Clone, Copy)]
pub struct Fetched<'a> {
    /// The folder it was read from.
    pub folder: &'a str,
    /// The folder's UIDVALIDITY.
    pub uidvalidity: u32,
    /// Its UID there.
    pub uid: u32,
    /// Its Message-ID header, if it has one (a rescan after UIDVALIDITY
    /// changed knows it by this, or by its bytes).
    pub message_id: Option<&'a str>,
    /// The message, or its headers only when it is over the size limit.
    pub bytes: &'a [u8],
    /// The server's size when `bytes` are the headers only; `None` when
    /// `bytes` are the whole message.
    pub size: Option<usize>,
    /// When the server received it.
    pub arrived: Timestamp,
    /// The reader of a shared mailbox found its sender listed in several
    /// surveys (see [`StoredMessage::shared_sender`]): stored with the
    /// message, so no decision ever sees the message without it.
    pub shared_sender: bool,
}

/// Content hash of a raw message.
pub fn content_hash(raw: &[u8]) -> String {
    Sha256::digest(raw)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Store {
    /// The UIDVALIDITY and last UID read from `folder`.
    pub fn cursor(&self, survey_id: &str, folder: &str) -> Result<Option<(u32, u32)>> {
        Ok(self
            .lock()
            .query_row_cached(
                "SELECT uidvalidity, last_uid FROM mailbox_cursor WHERE survey_id = ?1 AND folder = ?2",
                params![survey_id, folder],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// Starts `folder` over under a new UIDVALIDITY (every message is read
    /// again; duplicates are recognised by content and Message-ID).
    pub fn reset_cursor(&self, survey_id: &str, folder: &str, uidvalidity: u32) -> Result<()> {
        self.lock().execute(
            "INSERT INTO mailbox_cursor (survey_id, folder, uidvalidity, last_uid) VALUES (?1, ?2, ?3, 0)
             ON CONFLICT (survey_id, folder) DO UPDATE SET uidvalidity = excluded.uidvalidity, last_uid = 0",
            params![survey_id, folder, uidvalidity],
        )?;
        Ok(())
    }

    /// Stores one fetched message and advances the cursor past it, in one
    /// transaction: this commit comes before anything else is done with it.
    /// See [`Store::store_fetched`].
    pub fn store_message(
        &self,
        survey_id: &str,
        message: &Fetched<'_>,
        quarantine: &str,
    ) -> Result<Stored> {
        let mut stored =
            self.store_fetched(survey_id, std::slice::from_ref(message), quarantine)?;
        Ok(stored.pop().expect("one outcome per message"))
    }

    /// Stores a FETCH's worth of messages for this survey, in UID order, in
    /// one IMMEDIATE transaction (one fsync for the batch, not one per
    /// message), and advances the cursor past each in the same transaction:
    /// the commit comes before anything else is done with any of them, and
    /// a crash before it leaves them all on the server, to be read again.
    ///
    /// Each message is stored in a savepoint of its own. One that the store
    /// refuses for a reason of its own (not the disk, not a busy store) is
    /// rolled back alone and kept as a failed message holding only the
    /// reason, to be filed to `quarantine` on the server, where the lead
    /// finds it (`status`, `review`); the rest of the batch is stored. An
    /// error that is not one message's fault (disk full, read-only, busy)
    /// rolls the whole batch back and is returned.
    ///
    /// Returns one [`Stored`] per message, in order.
    pub fn store_fetched(
        &self,
        survey_id: &str,
        messages: &[Fetched<'_>],
        quarantine: &str,
    ) -> Result<Vec<Stored>> {
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        let mut outcomes = Vec::with_capacity(messages.len());
        for message in messages {
            tx.execute_cached("SAVEPOINT fetched", [])?;
            let hash = content_hash(message.bytes);
            // A copy refused before and kept only as a note: this one is
            // tried again (the lead moved it back after a fix, or a rescan).
            let note = unstored_note(&tx, survey_id, &hash)?;
            let stored = match note {
                Some(note) => revive_unstored(&tx, note, message),
                None => insert_fetched(&tx, survey_id, message, &hash),
            };
            match stored {
                Ok(outcome) => {
                    tx.execute_cached("RELEASE fetched", [])?;
                    outcomes.push(outcome);
                }
                Err(err) if err.is_transient() || err.needs_operator() => return Err(err),
                Err(err) => {
                    tx.execute_batch("ROLLBACK TO fetched; RELEASE fetched")?;
                    tracing::error!(survey = %survey_id, uid = message.uid, error = %err, "inbox: the store refused a message; kept as a failed message, to be filed to the quarantine folder");
                    outcomes.push(match note {
                        // Refused again: the note says so, and this copy
                        // is filed beside the first.
                        Some(note) => {
                            let reason = unstored_reason(&err, quarantine);
                            record_failure(
                                &tx,
                                survey_id,
                                note,
                                &reason,
                                &unstored_next(quarantine),
                                quarantine,
                                message.arrived,
                            )?;
                            Stored::Duplicate
                        }
                        None => {
                            insert_unstorable(&tx, survey_id, message, &hash, &err, quarantine)?
                        }
                    });
                }
            }
            tx.execute_cached(
                "INSERT INTO mailbox_cursor (survey_id, folder, uidvalidity, last_uid) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (survey_id, folder) DO UPDATE SET uidvalidity = excluded.uidvalidity,
                    last_uid = MAX(last_uid, excluded.last_uid)",
                params![survey_id, message.folder, message.uidvalidity, message.uid],
            )?;
        }
        tx.commit()?;
        Ok(outcomes)
    }

    /// Messages stored but not yet processed, oldest first.
    pub fn unprocessed(&self, survey_id: &str) -> Result<Vec<StoredMessage>> {
        unprocessed(&self.lock(), survey_id, None)
    }

    /// Processes up to `limit` unprocessed messages, oldest first, in one
    /// IMMEDIATE transaction committed once (one fsync for the batch, not
    /// one per message). Each message runs in a savepoint of its own:
    /// `handle` loads what it needs through the [`Batch`] and returns the
    /// outcome, which is recorded in the same savepoint. If `handle` fails
    /// or panics, or recording fails, that message's savepoint is rolled
    /// back and the message is set aside (quarantined, to be filed to
    /// `quarantine`) with the reason; the rest of the batch goes on.
    ///
    /// An error that is not the message's fault (the disk is full, the
    /// store is busy or read-only) rolls back the whole batch instead:
    /// every message stays new and is tried again on the next turn.
    pub fn process_batch(
        &self,
        survey_id: &str,
        limit: usize,
        quarantine: &str,
        now: Timestamp,
        mut handle: impl FnMut(&Batch<'_>, &StoredMessage) -> Result<Outcome>,
    ) -> Result<BatchReport> {
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        // Which messages, then each one's bytes as its turn comes: one
        // message in memory at a time, however many wait and however large.
        let pending = pending(&tx, survey_id, Some(limit))?;
        let mut report = BatchReport::default();
        let batch = Batch {
            conn: &tx,
            survey_id,
        };
        for entry in pending {
            let message = entry.load(&tx)?;
            let message = &message;
            tx.execute_cached("SAVEPOINT message", [])?;
            let handled = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let outcome = handle(&batch, message)?;
                record(&tx, survey_id, message.id, &outcome, now)
            }))
            .unwrap_or_else(|panic| Err(Error::Other(format!("panicked: {}", panic_text(&panic)))));
            match handled {
                Ok(()) => {
                    tx.execute_cached("RELEASE message", [])?;
                    report.processed += 1;
                }
                Err(err) if err.is_transient() || err.needs_operator() => {
                    // Not this message's fault: nothing of the batch is kept.
                    return Err(err);
                }
                Err(err) => {
                    tx.execute_batch("ROLLBACK TO message; RELEASE message")?;
                    record_failure(
                        &tx,
                        survey_id,
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
        tx.commit()?;
        Ok(report)
    }

    /// Sets a failed message back to new, so the daemon handles it again
    /// (after the cause was fixed). A message already filed to the
    /// quarantine folder stays there on the server; the store holds the
    /// outcome. A message the store refused has nothing to run again: it is
    /// left as it is ([`Retried::NotStored`]).
    pub fn retry(&self, survey_id: &str, id: i64, by: &str, now: Timestamp) -> Result<Retried> {
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        let unstored: Option<bool> = tx
            .query_row_cached(
                "SELECT unstored FROM messages WHERE id = ?1 AND survey_id = ?2 AND failure IS NOT NULL",
                params![id, survey_id],
                |r| r.get(0),
            )
            .optional()?;
        match unstored {
            None => return Ok(Retried::NotFailed),
            Some(true) => return Ok(Retried::NotStored),
            Some(false) => {}
        }
        tx.execute_cached(
            "UPDATE messages SET state = 'new', kind = NULL, reason = NULL, failure = NULL
             WHERE id = ?1 AND survey_id = ?2",
            params![id, survey_id],
        )?;
        tx.execute_cached(
            "UPDATE flags SET resolved_by = ?2, resolved_at = ?3 WHERE message_row = ?1 AND kind = 'failed' AND resolved_at IS NULL",
            params![id, by, now.as_second()],
        )?;
        tx.execute_cached(
            "INSERT INTO decisions (survey_id, message_row, action, detail, decided_by, decided_at)
             VALUES (?1, ?2, 'message retried', 'set back to new after its handling failed', ?3, ?4)",
            params![survey_id, id, by, now.as_second()],
        )?;
        tx.commit()?;
        Ok(Retried::Again)
    }

    /// Messages whose handling failed and that wait for `review --retry`.
    pub fn failed_messages(&self, survey_id: &str) -> Result<Vec<FailedMessage>> {
        let conn = self.lock();
        let mut stmt = conn.prepare_cached(
            "SELECT id, failure, failures, received_at FROM messages
             WHERE survey_id = ?1 AND failure IS NOT NULL ORDER BY id",
        )?;
        let rows = stmt
            .query_map([survey_id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, u32>(2)?,
                    r.get::<_, i64>(3)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|(id, reason, failures, at)| {
                Ok(FailedMessage {
                    id,
                    reason,
                    failures,
                    received_at: timestamp("messages", id, at)?,
                })
            })
            .collect()
    }

    /// Messages processed but not yet moved to their folder on the server.
    pub fn unfiled(&self, survey_id: &str) -> Result<Vec<Unfiled>> {
        let conn = self.lock();
        let mut stmt = conn.prepare_cached(
            "SELECT id, folder, uidvalidity, uid, file_to FROM messages
             WHERE survey_id = ?1 AND state != 'new' AND filed = 0 AND file_to IS NOT NULL ORDER BY id",
        )?;
        let rows = stmt
            .query_map([survey_id], |r| {
                Ok(Unfiled {
                    id: r.get(0)?,
                    folder: r.get(1)?,
                    uidvalidity: r.get(2)?,
                    uid: r.get(3)?,
                    file_to: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Moves the cursor past `uid` without storing anything: the message
    /// went to another survey reading the same mailbox.
    pub fn advance_cursor(
        &self,
        survey_id: &str,
        folder: &str,
        uidvalidity: u32,
        uid: u32,
    ) -> Result<()> {
        self.lock().execute(
            "INSERT INTO mailbox_cursor (survey_id, folder, uidvalidity, last_uid) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (survey_id, folder) DO UPDATE SET uidvalidity = excluded.uidvalidity,
                last_uid = MAX(last_uid, excluded.last_uid)",
            params![survey_id, folder, uidvalidity, uid],
        )?;
        Ok(())
    }

    /// UIDs in `folder` this survey has stored but not decided on yet (not
    /// processed, or processed without a place to file it): a mailbox
    /// shared with other surveys files a message only once every survey
    /// that got it has decided.
    pub fn undecided_uids(
        &self,
        survey_id: &str,
        folder: &str,
        uidvalidity: u32,
    ) -> Result<std::collections::HashSet<u32>> {
        let conn = self.lock();
        let mut stmt = conn.prepare_cached(
            "SELECT uid FROM messages WHERE survey_id = ?1 AND folder = ?2 AND uidvalidity = ?3
             AND filed = 0 AND (state = 'new' OR file_to IS NULL)",
        )?;
        let uids = stmt
            .query_map(params![survey_id, folder, uidvalidity], |r| {
                r.get::<_, u32>(0)
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(uids)
    }

    /// The message was moved to its folder (or is gone from the server).
    pub fn mark_filed(&self, id: i64) -> Result<()> {
        self.lock()
            .execute_cached("UPDATE messages SET filed = 1 WHERE id = ?1", [id])?;
        Ok(())
    }

    /// Many messages were moved to their folders by one command: marked
    /// in one transaction (one commit for the batch, not one per message).
    pub fn mark_filed_all(&self, ids: &[i64]) -> Result<()> {
        if ids.is_empty() {
            return Ok(());
        }
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        {
            let mut stmt = tx.prepare_cached("UPDATE messages SET filed = 1 WHERE id = ?1")?;
            for id in ids {
                stmt.execute([id])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// The UIDs of `folder` under `uidvalidity` that this survey stored
    /// (filed or not): a UID the reader has passed that is not among them
    /// was recognised as a copy of a message stored before.
    pub fn stored_uids(
        &self,
        survey_id: &str,
        folder: &str,
        uidvalidity: u32,
    ) -> Result<std::collections::HashSet<u32>> {
        let conn = self.lock();
        let mut stmt = conn.prepare_cached(
            "SELECT uid FROM messages WHERE survey_id = ?1 AND folder = ?2 AND uidvalidity = ?3",
        )?;
        let uids = stmt
            .query_map(params![survey_id, folder, uidvalidity], |r| {
                r.get::<_, u32>(0)
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(uids)
    }

    /// The first stored copy of a message, found by its Message-ID or, for
    /// a message without one, by its content hash (the same test that made
    /// the reader take a second copy for a duplicate).
    pub fn first_copy(
        &self,
        survey_id: &str,
        message_id: Option<&str>,
        hash: Option<&str>,
    ) -> Result<Option<FirstCopy>> {
        let conn = self.lock();
        Ok(conn
            .query_row_cached(
                "SELECT state != 'new', file_to FROM messages WHERE survey_id = ?1
                   AND ((?2 IS NOT NULL AND message_id = ?2) OR (?3 IS NOT NULL AND content_hash = ?3))
                 ORDER BY id LIMIT 1",
                params![survey_id, message_id, hash],
                |r| {
                    Ok(FirstCopy {
                        decided: r.get(0)?,
                        file_to: r.get(1)?,
                    })
                },
            )
            .optional()?)
    }

    /// A person's current answers.
    pub fn current_answers(&self, recipient_id: i64) -> Result<BTreeMap<String, Answer>> {
        current_answers(&self.lock(), recipient_id)
    }

    /// Mail of `kinds` queued for a person since `since` (for the daily
    /// cap) or ever (`since` = 0).
    pub fn mail_count(
        &self,
        recipient_id: i64,
        kinds: &[MailKind],
        since: Timestamp,
    ) -> Result<usize> {
        mail_count(&self.lock(), recipient_id, kinds, since)
    }

    /// The listed recipient with this address (case-insensitive).
    pub fn recipient_by_email(
        &self,
        survey_id: &str,
        email: &str,
    ) -> Result<Option<StoredRecipient>> {
        recipient_by_email(&self.lock(), survey_id, email)
    }

    /// The recipient with this row id.
    pub fn recipient(&self, id: i64) -> Result<StoredRecipient> {
        recipient_by_id(&self.lock(), id)
    }

    /// Messages by kind and by decision, for status.
    pub fn message_counts(&self, survey_id: &str) -> Result<BTreeMap<String, usize>> {
        let conn = self.lock();
        let mut stmt = conn.prepare_cached(
            "SELECT CASE WHEN failure IS NOT NULL THEN 'failed' ELSE COALESCE(kind, state) END, COUNT(*)
             FROM messages WHERE survey_id = ?1 GROUP BY 1",
        )?;
        let rows = stmt
            .query_map([survey_id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as usize))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Summaries of messages matching `filter` (an SQL condition on
    /// `messages m`, written by this crate only).
    fn messages_where(&self, survey_id: &str, filter: &str) -> Result<Vec<MessageSummary>> {
        let conn = self.lock();
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT m.id, m.kind, m.sender, r.email, m.matched_by, m.decision, m.late, m.reason
             FROM messages m LEFT JOIN recipients r ON r.id = m.recipient_id
             WHERE m.survey_id = ?1 AND ({filter}) ORDER BY m.id"
        ))?;
        let rows = stmt
            .query_map([survey_id], |r| {
                Ok(MessageSummary {
                    id: r.get(0)?,
                    kind: r.get(1)?,
                    sender: r.get(2)?,
                    recipient: r.get(3)?,
                    matched_by: r.get(4)?,
                    decision: r.get(5)?,
                    late: r.get(6)?,
                    reason: r.get(7)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Replies held for the lead's decision.
    pub fn held(&self, survey_id: &str) -> Result<Vec<MessageSummary>> {
        self.messages_where(survey_id, "m.decision = 'held'")
    }

    /// Every processed message.
    pub fn messages(&self, survey_id: &str) -> Result<Vec<MessageSummary>> {
        self.messages_where(survey_id, "m.state != 'new'")
    }

    /// The raw bytes of a message.
    pub fn raw_message(&self, id: i64) -> Result<Vec<u8>> {
        Ok(self.lock().query_row(
            "SELECT COALESCE(b.raw, m.raw) FROM messages m
                 LEFT JOIN message_bytes b ON b.message_id = m.id WHERE m.id = ?1",
            [id],
            |r| r.get(0),
        )?)
    }

    /// Settles a held reply: `accepted` records its answers (read again
    /// from the message), `rejected` records none. Logged with who and when.
    pub fn decide_held(
        &self,
        survey_id: &str,
        id: i64,
        accept: bool,
        answers: &BTreeMap<String, Answer>,
        by: &str,
        now: Timestamp,
    ) -> Result<bool> {
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        let row: Option<(Option<i64>, Option<String>)> = tx
            .query_row_cached(
                "SELECT recipient_id, decision FROM messages WHERE id = ?1 AND survey_id = ?2",
                params![id, survey_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((Some(recipient), Some(decision))) = row else {
            return Ok(false);
        };
        if decision != "held" {
            return Ok(false);
        }
        let action = if accept { "accepted" } else { "rejected" };
        tx.execute_cached(
            "UPDATE messages SET decision = ?2 WHERE id = ?1",
            params![id, action],
        )?;
        if accept {
            insert_answers(&tx, survey_id, recipient, Some(id), answers, Some(by), now)?;
        }
        // The lead decided for the person: a confirmation waiting on this
        // message is settled too.
        tx.execute_cached(
            "UPDATE confirmations SET state = ?2, resolved_at = ?3, resolved_by = ?4, updated_at = ?3
             WHERE id = (SELECT confirmation_id FROM messages WHERE id = ?1) AND state = 'pending'",
            params![id, if accept { "confirmed" } else { "discarded" }, now.as_second(), by],
        )?;
        tx.execute_cached(
            "INSERT INTO decisions (survey_id, recipient_id, message_row, action, detail, decided_by, decided_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![survey_id, recipient, id, format!("reply {action}"), format!("{} answers", answers.len()), by, now.as_second()],
        )?;
        tx.commit()?;
        Ok(true)
    }

    /// Settles one answer by hand (an unclear answer the lead resolved).
    pub fn settle_answer(
        &self,
        survey_id: &str,
        recipient_id: i64,
        question_id: &str,
        answer: &Answer,
        by: &str,
        now: Timestamp,
    ) -> Result<()> {
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        let one = BTreeMap::from([(question_id.to_owned(), answer.clone())]);
        insert_answers(&tx, survey_id, recipient_id, None, &one, Some(by), now)?;
        tx.execute_cached(
            "INSERT INTO decisions (survey_id, recipient_id, action, detail, decided_by, decided_at)
             VALUES (?1, ?2, 'answer settled', ?3, ?4, ?5)",
            params![
                survey_id,
                recipient_id,
                format!("{question_id} = {}", serde_json::to_string(&answer.value).unwrap_or_default()),
                by,
                now.as_second()
            ],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Deletes a person's answers and the text of their messages, at their
    /// request, and records that it was done. Returns how many answers went.
    pub fn withdraw(
        &self,
        survey_id: &str,
        recipient_id: i64,
        by: &str,
        now: Timestamp,
    ) -> Result<usize> {
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        let deleted = tx.execute_cached(
            "DELETE FROM answers WHERE survey_id = ?1 AND recipient_id = ?2",
            params![survey_id, recipient_id],
        )?;
        tx.execute_cached(
            "DELETE FROM message_bytes WHERE message_id IN
                (SELECT id FROM messages WHERE survey_id = ?1 AND recipient_id = ?2)",
            params![survey_id, recipient_id],
        )?;
        tx.execute_cached(
            "UPDATE messages SET raw = X'', reason = COALESCE(reason, '') || ' (content deleted on withdrawal)'
             WHERE survey_id = ?1 AND recipient_id = ?2",
            params![survey_id, recipient_id],
        )?;
        tx.execute_cached(
            "UPDATE recipients SET status = 'withdrawn', status_note = 'answers deleted at their request' WHERE id = ?1",
            [recipient_id],
        )?;
        tx.execute_cached(
            "UPDATE outbox SET state = 'cancelled', last_error = 'withdrawn' WHERE recipient_id = ?1 AND state = 'pending'",
            [recipient_id],
        )?;
        tx.execute_cached(
            "UPDATE flags SET resolved_by = ?2, resolved_at = ?3 WHERE recipient_id = ?1 AND kind = 'withdraw_request' AND resolved_at IS NULL",
            params![recipient_id, by, now.as_second()],
        )?;
        tx.execute_cached(
            "INSERT INTO decisions (survey_id, recipient_id, action, detail, decided_by, decided_at)
             VALUES (?1, ?2, 'answers deleted', ?3, ?4, ?5)",
            params![survey_id, recipient_id, format!("{deleted} answers deleted on withdrawal"), by, now.as_second()],
        )?;
        tx.commit()?;
        Ok(deleted)
    }

    /// Open flags, with the recipient's address.
    pub fn open_flags(&self, survey_id: &str) -> Result<Vec<OpenFlag>> {
        let conn = self.lock();
        let mut stmt = conn.prepare_cached(
            "SELECT f.id, r.email, f.message_row, f.kind, COALESCE(f.note, '') FROM flags f
             LEFT JOIN recipients r ON r.id = f.recipient_id
             WHERE f.survey_id = ?1 AND f.resolved_at IS NULL ORDER BY f.id",
        )?;
        let rows = stmt
            .query_map([survey_id], |r| {
                Ok(OpenFlag {
                    id: r.get(0)?,
                    recipient: r.get(1)?,
                    message: r.get(2)?,
                    kind: r.get(3)?,
                    note: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Every decision made by hand, oldest first.
    pub fn decisions(&self, survey_id: &str) -> Result<Vec<Decision>> {
        let conn = self.lock();
        let mut stmt = conn.prepare_cached(
            "SELECT d.decided_at, d.decided_by, d.action, r.email, COALESCE(d.detail, '') FROM decisions d
             LEFT JOIN recipients r ON r.id = d.recipient_id WHERE d.survey_id = ?1 ORDER BY d.id",
        )?;
        let rows = stmt
            .query_map([survey_id], |r| {
                Ok(Decision {
                    at: Timestamp::from_second(r.get(0)?).map_err(|e| {
                        rusqlite::Error::FromSqlConversionFailure(
                            0,
                            rusqlite::types::Type::Integer,
                            Box::new(e),
                        )
                    })?,
                    by: r.get(1)?,
                    action: r.get(2)?,
                    recipient: r.get(3)?,
                    detail: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Current answers that are unclear or invalid: (recipient id, email,
    /// question, answer).
    pub fn unsettled_answers(&self, survey_id: &str) -> Result<Vec<(i64, String, String, Answer)>> {
        let conn = self.lock();
        let mut stmt = conn.prepare_cached(
            "SELECT a.recipient_id, r.email, a.question_id, a.status, a.value, a.other, a.reason, a.source, a.id
             FROM answers a JOIN recipients r ON r.id = a.recipient_id
             WHERE a.survey_id = ?1 AND a.current = 1 AND a.status != 'ok' ORDER BY r.email, a.question_id",
        )?;
        let rows = stmt
            .query_map([survey_id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, answer_from_row(r, 3)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Every person's current answers, by recipient id.
    pub fn all_current_answers(
        &self,
        survey_id: &str,
    ) -> Result<BTreeMap<i64, BTreeMap<String, Answer>>> {
        let conn = self.lock();
        let mut stmt = conn.prepare_cached(
            "SELECT recipient_id, question_id, status, value, other, reason, source, id FROM answers
             WHERE survey_id = ?1 AND current = 1 ORDER BY id",
        )?;
        let mut out: BTreeMap<i64, BTreeMap<String, Answer>> = BTreeMap::new();
        for row in stmt.query_map([survey_id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                answer_from_row(r, 2)?,
            ))
        })? {
            let (recipient, question, answer) = row?;
            out.entry(recipient).or_default().insert(question, answer);
        }
        Ok(out)
    }
}

pub(super) fn insert_answers(
    tx: &Connection,
    survey_id: &str,
    recipient_id: i64,
    message_row: Option<i64>,
    answers: &BTreeMap<String, Answer>,
    decided_by: Option<&str>,
    now: Timestamp,
) -> Result<()> {
    for (question, answer) in answers {
        tx.execute_cached(
            "UPDATE answers SET current = 0 WHERE recipient_id = ?1 AND question_id = ?2 AND current = 1",
            params![recipient_id, question],
        )?;
        tx.execute_cached(
            "INSERT INTO answers (survey_id, recipient_id, question_id, message_row, status, value, other, reason, source, decided_by, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                survey_id,
                recipient_id,
                question,
                message_row,
                status_name(answer.status),
                answer.value.as_ref().map(|v| serde_json::to_string(v).expect("values serialise")),
                answer.other,
                answer.reason,
                answer.source,
                decided_by,
                now.as_second()
            ],
        )?;
    }
    Ok(())
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Ok => "ok",
        Status::Unclear => "unclear",
        Status::Invalid => "invalid",
        Status::Inferred => "inferred",
    }
}

/// An answer's columns, from `first` on, followed by its row id. A status
/// or value that does not decode is an error naming the row: an answer
/// read back wrong must never count.
fn answer_from_row(r: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<Answer> {
    let status: String = r.get(first)?;
    let value: Option<String> = r.get(first + 1)?;
    let row: i64 = r.get(first + 5)?;
    let bad = |column: usize, detail: String| {
        rusqlite::Error::FromSqlConversionFailure(
            column,
            rusqlite::types::Type::Text,
            Box::new(Error::Decode {
                table: "answers",
                row,
                detail,
            }),
        )
    };
    let status = match status.as_str() {
        "ok" => Status::Ok,
        "unclear" => Status::Unclear,
        "invalid" => Status::Invalid,
        "inferred" => Status::Inferred,
        other => return Err(bad(first, format!("unknown status '{other}'"))),
    };
    let value = value
        .map(|v| {
            serde_json::from_str(&v)
                .map_err(|e| bad(first + 1, format!("value {v:?} does not decode: {e}")))
        })
        .transpose()?;
    if status == Status::Ok && value.is_none() {
        return Err(bad(first + 1, "an ok answer without a value".into()));
    }
    Ok(Answer {
        status,
        value,
        other: r.get(first + 2)?,
        reason: r.get(first + 3)?,
        source: r.get(first + 4)?,
    })
}

fn current_answers(
    conn: &rusqlite::Connection,
    recipient_id: i64,
) -> Result<BTreeMap<String, Answer>> {
    let mut stmt = conn.prepare_cached(
        "SELECT question_id, status, value, other, reason, source, id FROM answers
         WHERE recipient_id = ?1 AND current = 1 ORDER BY id",
    )?;
    let rows = stmt
        .query_map([recipient_id], |r| {
            Ok((r.get::<_, String>(0)?, answer_from_row(r, 1)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// What processing one message may read, inside its batch's transaction
/// (so it sees what earlier messages of the batch recorded).
pub struct Batch<'a> {
    conn: &'a Connection,
    survey_id: &'a str,
}

impl Batch<'_> {
    /// The recipient whose token this is (see [`Store::recipient_by_token`]).
    pub fn recipient_by_token(
        &self,
        token: &crate::token::Token,
    ) -> Result<Option<StoredRecipient>> {
        super::recipient_by_token(self.conn, self.survey_id, token)
    }

    /// The recipient with this address (case-insensitive).
    pub fn recipient_by_email(&self, email: &str) -> Result<Option<StoredRecipient>> {
        recipient_by_email(self.conn, self.survey_id, email)
    }

    /// The person's pending confirmation by email, if any.
    pub fn pending_confirmation(&self, recipient_id: i64) -> Result<Option<super::Pending>> {
        super::confirmations::pending(self.conn, recipient_id)
    }

    /// The latest invitation or reminder that went to the person, as sent
    /// (kept by [`Store::keep_sent_questionnaire`]), unless purged.
    pub fn sent_questionnaire(&self, recipient_id: i64) -> Result<Option<Vec<u8>>> {
        Ok(self
            .conn
            .query_row_cached(
                "SELECT body FROM outbox WHERE recipient_id = ?1 AND kind IN ('invitation', 'reminder')
                 AND body IS NOT NULL ORDER BY sent_at IS NULL, sent_at DESC, id DESC LIMIT 1",
                [recipient_id],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// A person's current answers.
    pub fn current_answers(&self, recipient_id: i64) -> Result<BTreeMap<String, Answer>> {
        current_answers(self.conn, recipient_id)
    }

    /// Mail of `kinds` queued for a person since `since`.
    pub fn mail_count(
        &self,
        recipient_id: i64,
        kinds: &[MailKind],
        since: Timestamp,
    ) -> Result<usize> {
        mail_count(self.conn, recipient_id, kinds, since)
    }

    /// When the survey closed, if it has.
    pub fn closed_at(&self) -> Result<Option<Timestamp>> {
        super::timeline::closed_at(self.conn, self.survey_id)
    }

    /// The message a VERP bounce key names.
    pub fn sent_mail_by_key(&self, key: &str) -> Result<Option<super::SentMail>> {
        super::sent_mail(self.conn, "bounce_key", self.survey_id, key)
    }

    /// Our message with this Message-ID (without angle brackets).
    pub fn sent_mail_by_message_id(&self, message_id: &str) -> Result<Option<super::SentMail>> {
        super::sent_mail(self.conn, "message_id", self.survey_id, message_id)
    }

    /// A recipient by row id.
    pub fn recipient(&self, id: i64) -> Result<StoredRecipient> {
        super::recipient_by_id(self.conn, id)
    }
}

/// A stored time, or an error naming the row: never 1970 in silence.
pub(super) fn timestamp(table: &'static str, row: i64, seconds: i64) -> Result<Timestamp> {
    Timestamp::from_second(seconds).map_err(|e| Error::Decode {
        table,
        row,
        detail: format!("time {seconds} out of range: {e}"),
    })
}

fn panic_text(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".into())
}

/// A message waiting to be processed, before its bytes are read.
struct Pending {
    id: i64,
    size: usize,
    received_at: Timestamp,
}

impl Pending {
    /// Reads its bytes, through SQLite's incremental blob I/O straight into
    /// a buffer of their exact size: a plain `SELECT raw` first makes a
    /// whole copy in SQLite's own memory and then copies it again, two
    /// copies of a message that may be 25 MB at once. The bytes are in
    /// `message_bytes`; a message without a row there is read from
    /// `messages.raw` (empty once its bytes were deleted).
    fn load(self, conn: &Connection) -> Result<StoredMessage> {
        let (shared_sender, stored): (bool, bool) = conn.query_row_cached(
            "SELECT shared_sender, EXISTS (SELECT 1 FROM message_bytes WHERE message_id = ?1)
             FROM messages WHERE id = ?1",
            [self.id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let (table, column) = if stored {
            (c"message_bytes", c"raw")
        } else {
            (c"messages", c"raw")
        };
        let blob = conn.blob_open(rusqlite::MAIN_DB, table, column, self.id, true)?;
        let mut raw = vec![0; blob.len()];
        blob.read_at_exact(&mut raw, 0)?;
        drop(blob);
        Ok(StoredMessage {
            id: self.id,
            size: self.size.max(raw.len()),
            raw,
            received_at: self.received_at,
            shared_sender,
        })
    }
}

/// The messages waiting to be processed, oldest first, without their bytes.
fn pending(conn: &Connection, survey_id: &str, limit: Option<usize>) -> Result<Vec<Pending>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, size, received_at FROM messages WHERE survey_id = ?1 AND state = 'new' ORDER BY id LIMIT ?2",
    )?;
    let rows = stmt
        .query_map(params![survey_id, limit.map_or(-1, |l| l as i64)], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|(id, size, at)| {
            Ok(Pending {
                id,
                size: usize::try_from(size).unwrap_or(0),
                received_at: timestamp("messages", id, at)?,
            })
        })
        .collect()
}

fn unprocessed(
    conn: &Connection,
    survey_id: &str,
    limit: Option<usize>,
) -> Result<Vec<StoredMessage>> {
    pending(conn, survey_id, limit)?
        .into_iter()
        .map(|p| p.load(conn))
        .collect()
}

/// Writes everything processing decided about message `id`: a crash
/// before the batch commits leaves it `new`, to be processed again; after
/// it, nothing is done twice.
fn record(
    tx: &Connection,
    survey_id: &str,
    id: i64,
    outcome: &Outcome,
    now: Timestamp,
) -> Result<()> {
    let state: String =
        tx.query_row_cached("SELECT state FROM messages WHERE id = ?1", [id], |r| {
            r.get(0)
        })?;
    if state != "new" {
        return Ok(());
    }
    tx.execute_cached(
        "UPDATE messages SET state = ?2, kind = ?3, reason = ?4, sender = ?5, recipient_id = ?6, matched_by = ?7,
            different_sender = ?8, decision = ?9, late = ?10, file_to = ?11, processed_at = ?12, failure = NULL
         WHERE id = ?1",
        params![
            id,
            if outcome.quarantined { "quarantined" } else { "processed" },
            outcome.kind,
            // Stored reasons are printed by `review`: never a whole token.
            crate::token::redact(&outcome.reason),
            outcome.sender,
            outcome.recipient_id,
            outcome.matched_by,
            outcome.different_sender,
            outcome.decision,
            outcome.late,
            outcome.file_to,
            now.as_second()
        ],
    )?;
    let mut flags = outcome.flags.clone();
    if let Some(recipient) = outcome.recipient_id {
        insert_answers(
            tx,
            survey_id,
            recipient,
            Some(id),
            &outcome.answers,
            None,
            now,
        )?;
        if let Some((status, note)) = &outcome.recipient_status {
            tx.execute_cached(
                "UPDATE recipients SET status = ?2, status_note = ?3 WHERE id = ?1 AND status = 'active'",
                params![recipient, status, note],
            )?;
            tx.execute_cached(
                "UPDATE outbox SET state = 'cancelled', last_error = ?2
                 WHERE recipient_id = ?1 AND state = 'pending' AND kind IN ('invitation', 'reminder', 'receipt', 'clarification')",
                params![recipient, format!("recipient {status}")],
            )?;
        }
        if let Some(change) = &outcome.confirmation {
            super::confirmations::apply(tx, survey_id, recipient, id, change, now)?;
        }
        for follow_up in &outcome.follow_ups {
            let (state, body, error) = match &follow_up.body {
                Ok(body) => ("pending", Some(body.as_slice()), None),
                Err(why) => {
                    let why = crate::token::redact(why);
                    flags.push(Flag {
                        kind: FlagKind::FollowUpFailed,
                        note: format!("the {} could not be written: {why}", follow_up.kind),
                    });
                    ("failed", None, Some(why))
                }
            };
            tx.execute_cached(
                "INSERT OR IGNORE INTO outbox (survey_id, recipient_id, kind, seq, message_id, body, state, last_error, next_attempt_at, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
                params![survey_id, recipient, follow_up.kind, id, follow_up.message_id, body, state, error, now.as_second()],
            )?;
        }
    }
    if let Some((outbox, note)) = &outcome.bounced_mail {
        tx.execute_cached(
            "UPDATE outbox SET bounced_at = COALESCE(bounced_at, ?3), bounce_note = COALESCE(bounce_note, ?2)
             WHERE id = ?1 AND survey_id = ?4",
            params![outbox, crate::token::redact(note), now.as_second(), survey_id],
        )?;
    }
    if let Some((until, refused)) = &outcome.pause_sending {
        if let Some(refused) = refused {
            tx.execute_cached(
                "UPDATE outbox SET state = 'pending', next_attempt_at = ?2, last_error = 'refused by the provider: sending limit'
                 WHERE id = ?1 AND survey_id = ?3 AND state = 'sent'",
                params![refused, until.as_second(), survey_id],
            )?;
        }
        tx.execute_cached(
            "UPDATE outbox SET next_attempt_at = ?2 WHERE survey_id = ?1 AND state = 'pending' AND next_attempt_at < ?2",
            params![survey_id, until.as_second()],
        )?;
    }
    for flag in &flags {
        tx.execute_cached(
            "INSERT OR IGNORE INTO flags (survey_id, recipient_id, message_row, kind, note, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![survey_id, outcome.recipient_id, id, flag.kind, crate::token::redact(&flag.note), now.as_second()],
        )?;
    }
    Ok(())
}

/// Sets a message aside whose handling failed: quarantined, to be filed
/// to the quarantine folder, with the reason and a flag for the lead.
/// Inserts a fetched message unless it was seen before (same content or
/// Message-ID).
fn insert_fetched(
    tx: &Connection,
    survey_id: &str,
    message: &Fetched<'_>,
    hash: &str,
) -> Result<Stored> {
    let seen: bool = tx.query_row_cached(
        "SELECT EXISTS (SELECT 1 FROM messages WHERE survey_id = ?1 AND unstored = 0
            AND (content_hash = ?2 OR (?3 IS NOT NULL AND message_id = ?3)))",
        params![survey_id, hash, message.message_id],
        |r| r.get(0),
    )?;
    if seen {
        return Ok(Stored::Duplicate);
    }
    let size = message
        .size
        .map_or(message.bytes.len(), |s| s.max(message.bytes.len()));
    tx.execute_cached(
        "INSERT INTO messages (survey_id, folder, uidvalidity, uid, message_id, content_hash, size, raw, received_at, shared_sender)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, X'', ?8, ?9)",
        params![
            survey_id,
            message.folder,
            message.uidvalidity,
            message.uid,
            message.message_id,
            hash,
            size as i64,
            message.arrived.as_second(),
            message.shared_sender
        ],
    )?;
    let id = tx.last_insert_rowid();
    insert_bytes(tx, id, message.bytes)?;
    Ok(Stored::New(id))
}

/// Keeps a message the store refused as a failed message holding only why
/// (its bytes stay on the server, filed to `quarantine`): the cursor can
/// pass it, and the lead sees it in `status` and `review`.
fn insert_unstorable(
    tx: &Connection,
    survey_id: &str,
    message: &Fetched<'_>,
    hash: &str,
    err: &Error,
    quarantine: &str,
) -> Result<Stored> {
    let reason = unstored_reason(err, quarantine);
    tx.execute_cached(
        "INSERT INTO messages (survey_id, folder, uidvalidity, uid, message_id, content_hash, size, raw, received_at, shared_sender, state, unstored)
         VALUES (?1, ?2, ?3, ?4, NULL, ?5, ?6, X'', ?7, ?8, 'quarantined', 1)",
        params![
            survey_id,
            message.folder,
            message.uidvalidity,
            message.uid,
            hash,
            message.size.unwrap_or(message.bytes.len()) as i64,
            message.arrived.as_second(),
            message.shared_sender
        ],
    )?;
    let id = tx.last_insert_rowid();
    record_failure(
        tx,
        survey_id,
        id,
        &reason,
        &unstored_next(quarantine),
        quarantine,
        message.arrived,
    )?;
    Ok(Stored::New(id))
}

/// Why a message was kept as a note only.
fn unstored_reason(err: &Error, quarantine: &str) -> String {
    format!(
        "the store refused this message ({err}); only this note was kept: the message itself is on the server, in {quarantine}"
    )
}

/// What the lead does about a message kept as a note only: `review
/// --retry` has nothing to run again, so the message itself goes back.
fn unstored_next(quarantine: &str) -> String {
    format!("after a fix, move it from {quarantine} back to the inbox: it is read again")
}

/// The note of an earlier refused copy of a message (the same bytes: a
/// move keeps them), if there is one still unsettled. The note keeps no
/// Message-ID, which a stored message must have alone.
fn unstored_note(tx: &Connection, survey_id: &str, hash: &str) -> Result<Option<i64>> {
    Ok(tx
        .query_row_cached(
            "SELECT id FROM messages WHERE survey_id = ?1 AND unstored = 1 AND failure IS NOT NULL
                AND content_hash = ?2
             ORDER BY id LIMIT 1",
            params![survey_id, hash],
            |r| r.get(0),
        )
        .optional()?)
}

/// A message refused before and kept as a note (`note`) stored at last:
/// the note becomes the message, new and waiting to be processed, at the
/// place on the server where this copy is; its failure is settled, so it
/// leaves `status` and `review`.
fn revive_unstored(tx: &Connection, note: i64, message: &Fetched<'_>) -> Result<Stored> {
    let size = message
        .size
        .map_or(message.bytes.len(), |s| s.max(message.bytes.len()));
    tx.execute_cached(
        "UPDATE messages SET folder = ?2, uidvalidity = ?3, uid = ?4, message_id = ?5, size = ?6,
            received_at = ?7, shared_sender = ?8, state = 'new', unstored = 0, failure = NULL,
            reason = NULL, kind = NULL, file_to = NULL, filed = 0, processed_at = NULL
         WHERE id = ?1",
        params![
            note,
            message.folder,
            message.uidvalidity,
            message.uid,
            message.message_id,
            size as i64,
            message.arrived.as_second(),
            message.shared_sender
        ],
    )?;
    insert_bytes(tx, note, message.bytes)?;
    tx.execute_cached(
        "UPDATE flags SET resolved_by = 'daemon', resolved_at = ?2
         WHERE message_row = ?1 AND kind = 'failed' AND resolved_at IS NULL",
        params![note, message.arrived.as_second()],
    )?;
    Ok(Stored::New(note))
}

fn record_failure(
    tx: &Connection,
    survey_id: &str,
    id: i64,
    reason: &str,
    next: &str,
    quarantine: &str,
    now: Timestamp,
) -> Result<()> {
    // Printed by `status` and `review`: never a whole token.
    let reason = crate::token::redact(reason);
    tx.execute_cached(
        "UPDATE messages SET state = 'quarantined', failure = ?2, failures = failures + 1,
            reason = ?2, file_to = COALESCE(file_to, ?3), processed_at = ?4
         WHERE id = ?1",
        params![id, reason, quarantine, now.as_second()],
    )?;
    tx.execute_cached(
        "INSERT INTO flags (survey_id, message_row, kind, note, created_at) VALUES (?1, ?2, 'failed', ?3, ?4)
         ON CONFLICT (message_row, kind) DO UPDATE SET note = excluded.note, resolved_at = NULL, resolved_by = NULL",
        params![survey_id, id, format!("handling failed, set aside: {reason}; {next}"), now.as_second()],
    )?;
    Ok(())
}

fn mail_count(
    conn: &Connection,
    recipient_id: i64,
    kinds: &[MailKind],
    since: Timestamp,
) -> Result<usize> {
    let placeholders = kinds
        .iter()
        .map(|k| format!("'{}'", k.name()))
        .collect::<Vec<_>>()
        .join(",");
    let n: i64 = conn.query_row_cached(
        &format!(
            "SELECT COUNT(*) FROM outbox WHERE recipient_id = ?1 AND kind IN ({placeholders})
             AND created_at >= ?2 AND state != 'cancelled'"
        ),
        params![recipient_id, since.as_second()],
        |r| r.get(0),
    )?;
    Ok(n as usize)
}

fn recipient_by_email(
    conn: &Connection,
    survey_id: &str,
    email: &str,
) -> Result<Option<StoredRecipient>> {
    let id: Option<i64> = conn
        .query_row_cached(
            "SELECT id FROM recipients WHERE survey_id = ?1 AND email_key = ?2",
            params![survey_id, email.to_lowercase()],
            |r| r.get(0),
        )
        .optional()?;
    id.map(|id| recipient_by_id(conn, id)).transpose()
}
