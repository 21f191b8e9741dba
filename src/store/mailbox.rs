//! The mailbox side of the store: the cursor of each folder read, the
//! messages fetched (stored whole, or kept as a note when the store refuses
//! one), and their filing on the server once decided.

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use super::Cached;
use super::Store;
use super::processing::record_failure;
use super::rows::collect;
use crate::{Error, Result};

/// Whether a fetched message was new.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    /// Stored under this row id.
    New(i64),
    /// Seen before (same content or same Message-ID).
    Duplicate,
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
                    tracing::error!(survey = %survey_id, uid = message.uid, error = %crate::report::shown::logged(&err.to_string()), "inbox: the store refused a message; kept as a failed message, to be filed to the quarantine folder");
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

    /// Messages processed but not yet moved to their folder on the server.
    pub fn unfiled(&self, survey_id: &str) -> Result<Vec<Unfiled>> {
        let conn = self.lock();
        let rows = collect(
            &conn,
            "SELECT id, folder, uidvalidity, uid, file_to FROM messages
             WHERE survey_id = ?1 AND state != 'new' AND filed = 0 AND file_to IS NOT NULL ORDER BY id",
            [survey_id],
            |r| {
                Ok(Unfiled {
                    id: r.get(0)?,
                    folder: r.get(1)?,
                    uidvalidity: r.get(2)?,
                    uid: r.get(3)?,
                    file_to: r.get(4)?,
                })
            },
        )?;
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
        let uids = collect(
            &conn,
            "SELECT uid FROM messages WHERE survey_id = ?1 AND folder = ?2 AND uidvalidity = ?3
             AND filed = 0 AND (state = 'new' OR file_to IS NULL)",
            params![survey_id, folder, uidvalidity],
            |r| r.get::<_, u32>(0),
        )?;
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
        let uids = collect(
            &conn,
            "SELECT uid FROM messages WHERE survey_id = ?1 AND folder = ?2 AND uidvalidity = ?3",
            params![survey_id, folder, uidvalidity],
            |r| r.get::<_, u32>(0),
        )?;
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
}

/// Was a message stored before, by its content hash (`?2`) or its
/// Message-ID (`?3`, if it has one)? Two lookups, one per index: written
/// as one condition with OR, SQLite scanned every message of the survey
/// for each message stored, so storing N messages cost N².
const SEEN_BEFORE: &str =
    "SELECT EXISTS (SELECT 1 FROM messages WHERE survey_id = ?1 AND unstored = 0
        AND content_hash = ?2)
    OR (?3 IS NOT NULL AND EXISTS (SELECT 1 FROM messages WHERE survey_id = ?1
        AND unstored = 0 AND message_id = ?3))";

/// Inserts a fetched message unless it was seen before (same content or
/// Message-ID).
fn insert_fetched(
    tx: &Connection,
    survey_id: &str,
    message: &Fetched<'_>,
    hash: &str,
) -> Result<Stored> {
    let seen: bool = tx.query_row_cached(
        SEEN_BEFORE,
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Storing a fetched message looks for an earlier copy through the
    /// indexes on the content hash and the Message-ID, never by reading
    /// every message of the survey (which was quadratic in the mailbox).
    #[test]
    fn a_fetched_message_is_checked_for_copies_by_its_indexes() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("state.db")).unwrap();
        let conn = store.lock();
        let mut stmt = conn
            .prepare(&format!("EXPLAIN QUERY PLAN {SEEN_BEFORE}"))
            .unwrap();
        let plan = stmt
            .query_map(params!["s", "h", "m@x"], |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<rusqlite::Result<Vec<_>>>()
            .unwrap()
            .join("\n");
        assert!(
            plan.contains("(survey_id=? AND content_hash=?)")
                && plan.contains("(survey_id=? AND message_id=?)")
                && !plan.contains("SCAN messages")
                && !plan.contains("messages_by_state"),
            "{plan}"
        );
    }
}
