//! Processing on the store's side: the messages waiting, what processing
//! one message may read inside its batch's transaction ([`Batch`]), and
//! everything processing decided about it ([`Outcome`]) written at once, or
//! the message set aside when its handling failed.

use std::collections::BTreeMap;

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, params};

use super::Cached;
use super::answers::{BY_PERSON, current_answers, insert_answers};
use super::rows::{collect, timestamp};
use super::{
    CancelReason, FlagKind, HeldDecision, MailKind, MatchedBy, MessageKind, RecipientStatus, Store,
    StoredRecipient, recipient_by_id,
};
use crate::Result;
use crate::understand::answer::Answer;

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
    /// For a confirmation: what it shows, as the digest "confirm" in reply
    /// to it is checked against (`crate::decide::confirmation::Request::fingerprint`).
    pub shows: Option<String>,
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
    pub confirmation: Option<crate::decide::confirmation::Change>,
    /// A deletion request with the person's token from their listed
    /// address: their answers (this message's included) are set aside,
    /// out of the report and exports, restorable by the lead.
    pub set_aside: bool,
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
            set_aside: false,
        }
    }
}

/// What one batch of processing did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchReport {
    /// Messages recorded as processed (or quarantined unread).
    pub processed: usize,
    /// Messages whose handling failed, set aside with the reason.
    pub failed: usize,
}

impl Store {
    /// Messages stored but not yet processed, oldest first.
    pub fn unprocessed(&self, survey_id: &str) -> Result<Vec<StoredMessage>> {
        unprocessed(&self.lock(), survey_id, None)
    }

    /// Runs `work` in one IMMEDIATE transaction, committed once when it
    /// returns (one fsync for a batch of messages, not one per message);
    /// an error rolls back everything it did. `work` reads and records
    /// through the [`Batch`], a message at a time in a [`Savepoint`] of its
    /// own (the loop, and what to do when a message fails, are ingest's:
    /// `crate::decide::ingest`).
    pub fn batch<T>(
        &self,
        survey_id: &str,
        work: impl FnOnce(&Batch<'_>) -> Result<T>,
    ) -> Result<T> {
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        let done = work(&Batch {
            conn: &tx,
            survey_id,
        })?;
        tx.commit()?;
        Ok(done)
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
}

/// How many deaths of the daemon while it read one message (see
/// [`Store::begin_reading`]) set the message aside instead of a third read.
pub const DEATHS_BEFORE_SET_ASIDE: u32 = 2;

/// What [`Store::begin_reading`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Begun {
    /// The read is counted: read the message, then [`Store::end_reading`].
    /// `deaths` is how many reads of it before this one never finished.
    Read {
        /// Deaths of the daemon while it read this message before.
        deaths: u32,
    },
    /// The daemon died [`DEATHS_BEFORE_SET_ASIDE`] times while reading it:
    /// it is set aside unread, with the reason, for the lead.
    SetAside,
    /// It no longer waits (processed, or retried by hand, meanwhile).
    Gone,
}

/// What reading a waiting message may look up, outside any transaction:
/// each lookup holds the store's reading connection for its one query, so
/// nothing slow runs while the store is held, and a lookup does not wait
/// for a part being recorded or a FETCH being stored ([`Store::lookup`]).
pub struct Lookup<'a> {
    store: &'a Store,
    survey_id: &'a str,
}

impl Lookup<'_> {
    /// The latest invitation or reminder that went to the person, as sent
    /// (kept by [`Store::keep_sent_questionnaire`]), unless purged.
    pub fn sent_questionnaire(&self, recipient_id: i64) -> Result<Option<Vec<u8>>> {
        sent_questionnaire(&self.store.read_lock(), recipient_id)
    }
}

/// What deciding about a message reads of the store (its facts): the same
/// questions through a batch's transaction ([`Batch`], what the decision
/// recorded stands on) or outside any, each holding the store for its one
/// query ([`Lookup`]: a decision drafted while the store is not held, its
/// follow-ups composed, kept if the batch finds the same facts).
pub trait Reads {
    /// When the survey closed, if it has.
    fn closed_at(&self) -> Result<Option<Timestamp>>;
    /// A recipient by row id.
    fn recipient(&self, id: i64) -> Result<StoredRecipient>;
    /// The recipient whose token this is.
    fn recipient_by_token(
        &self,
        token: &crate::compose::token::Token,
    ) -> Result<Option<StoredRecipient>>;
    /// The recipient with this address (case-insensitive).
    fn recipient_by_email(&self, email: &str) -> Result<Option<StoredRecipient>>;
    /// A person's current answers.
    fn current_answers(&self, recipient_id: i64) -> Result<BTreeMap<String, Answer>>;
    /// The person's pending confirmation by email, if any.
    fn pending_confirmation(&self, recipient_id: i64)
    -> Result<Option<super::PendingConfirmation>>;
    /// What our confirmation email `message_id` to the person showed.
    fn confirmation_shown(&self, recipient_id: i64, message_id: &str) -> Result<Option<String>>;
    /// Mail of each of `asked`'s kinds queued for a person since its time,
    /// one count for each, in one query.
    fn mail_counts<const N: usize>(
        &self,
        recipient_id: i64,
        asked: [(&[MailKind], Timestamp); N],
    ) -> Result<[usize; N]>;
    /// The message a VERP bounce key names.
    fn sent_mail_by_key(&self, key: &str) -> Result<Option<super::SentMail>>;
    /// Whether outbox row `outbox_id` already paused sending.
    fn paused_sending(&self, outbox_id: i64) -> Result<bool>;
    /// Our message with this Message-ID (without angle brackets).
    fn sent_mail_by_message_id(&self, message_id: &str) -> Result<Option<super::SentMail>>;
}

/// The questions of [`Reads`] on one connection.
fn closed_at_on(conn: &Connection, survey_id: &str) -> Result<Option<Timestamp>> {
    super::timeline::closed_at(conn, survey_id)
}

fn paused_sending(conn: &Connection, outbox_id: i64) -> Result<bool> {
    Ok(conn.query_row_cached(
        "SELECT EXISTS (SELECT 1 FROM sending_pauses WHERE outbox_id = ?1)",
        [outbox_id],
        |r| r.get(0),
    )?)
}

macro_rules! reads_on {
    ($type:ty, $conn:ident, $this:ident => $get:expr) => {
        impl Reads for $type {
            fn closed_at(&$this) -> Result<Option<Timestamp>> {
                let $conn = $get;
                closed_at_on(&$conn, $this.survey_id)
            }
            fn recipient(&$this, id: i64) -> Result<StoredRecipient> {
                let $conn = $get;
                super::recipient_by_id(&$conn, id)
            }
            fn recipient_by_token(
                &$this,
                token: &crate::compose::token::Token,
            ) -> Result<Option<StoredRecipient>> {
                let $conn = $get;
                super::recipient_by_token(&$conn, $this.survey_id, token)
            }
            fn recipient_by_email(&$this, email: &str) -> Result<Option<StoredRecipient>> {
                let $conn = $get;
                recipient_by_email(&$conn, $this.survey_id, email)
            }
            fn current_answers(&$this, recipient_id: i64) -> Result<BTreeMap<String, Answer>> {
                let $conn = $get;
                current_answers(&$conn, $this.survey_id, recipient_id)
            }
            fn pending_confirmation(
                &$this,
                recipient_id: i64,
            ) -> Result<Option<super::PendingConfirmation>> {
                let $conn = $get;
                super::confirmations::pending(&$conn, recipient_id)
            }
            fn confirmation_shown(
                &$this,
                recipient_id: i64,
                message_id: &str,
            ) -> Result<Option<String>> {
                let $conn = $get;
                super::confirmations::shown(&$conn, recipient_id, message_id)
            }
            fn mail_counts<const N: usize>(
                &$this,
                recipient_id: i64,
                asked: [(&[MailKind], Timestamp); N],
            ) -> Result<[usize; N]> {
                let $conn = $get;
                mail_counts(&$conn, recipient_id, asked)
            }
            fn sent_mail_by_key(&$this, key: &str) -> Result<Option<super::SentMail>> {
                let $conn = $get;
                super::sent_mail(&$conn, "bounce_key", $this.survey_id, key)
            }
            fn paused_sending(&$this, outbox_id: i64) -> Result<bool> {
                let $conn = $get;
                paused_sending(&$conn, outbox_id)
            }
            fn sent_mail_by_message_id(&$this, message_id: &str) -> Result<Option<super::SentMail>> {
                let $conn = $get;
                super::sent_mail(&$conn, "message_id", $this.survey_id, message_id)
            }
        }
    };
}

reads_on!(Batch<'_>, conn, self => self.conn);
reads_on!(Lookup<'_>, conn, self => self.store.read_lock());

impl Store {
    /// Lookups for reading a message of survey `survey_id`, each holding
    /// the store for one query only.
    pub fn lookup<'a>(&'a self, survey_id: &'a str) -> Lookup<'a> {
        Lookup {
            store: self,
            survey_id,
        }
    }

    /// Up to `limit` messages waiting to be processed, oldest first,
    /// without their bytes (see [`Batch::waiting`]).
    pub fn waiting(&self, survey_id: &str, limit: usize) -> Result<Vec<Waiting>> {
        waiting(&self.lock(), survey_id, Some(limit))
    }

    /// A waiting message with its bytes.
    pub fn load(&self, waiting: Waiting) -> Result<StoredMessage> {
        // On the reading connection: a message waits once its FETCH is
        // committed.
        waiting.load(&self.read_lock())
    }

    /// Counts a read of message `id` as begun, committed before the read
    /// starts, so that a daemon that dies while reading it (killed, out of
    /// memory, crashed, stopped by the watchdog) leaves the count behind:
    /// after [`DEATHS_BEFORE_SET_ASIDE`] such deaths the message is set
    /// aside unread (quarantined, to be filed to `quarantine`, with the
    /// reason and a flag for the lead) instead of stopping the daemon
    /// again.
    ///
    /// The count is committed with `synchronous = NORMAL`: written to the
    /// operating system, not waited to reach the disk, which a process's
    /// death does not undo (only a crash of the machine could, and no
    /// message causes that); the next commit with `FULL` (the batch's
    /// record) syncs it with the rest. A read costs no fsync of its own.
    pub fn begin_reading(
        &self,
        survey_id: &str,
        id: i64,
        quarantine: &str,
        now: Timestamp,
    ) -> Result<Begun> {
        let mut conn = self.lock();
        let row: Option<(String, u32)> = conn
            .query_row_cached(
                "SELECT state, unfinished_reads FROM messages WHERE id = ?1 AND survey_id = ?2",
                params![id, survey_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let deaths = match row {
            Some((state, deaths)) if state == "new" => deaths,
            _ => return Ok(Begun::Gone),
        };
        if deaths >= DEATHS_BEFORE_SET_ASIDE {
            let tx = conn.transaction()?;
            record_failure(
                &tx,
                survey_id,
                id,
                &format!(
                    "the daemon stopped {deaths} times while reading it (killed, out of memory or crashed): set aside unread"
                ),
                &format!(
                    "if it is a reply, enter its answers by hand; after a fix: review --retry {id}"
                ),
                quarantine,
                now,
            )?;
            tx.commit()?;
            return Ok(Begun::SetAside);
        }
        light_commit(&mut conn, |tx| {
            tx.execute_cached(
                "UPDATE messages SET unfinished_reads = unfinished_reads + 1 WHERE id = ?1",
                [id],
            )?;
            Ok(())
        })?;
        Ok(Begun::Read { deaths })
    }

    /// Counts the read of message `id` begun by [`Store::begin_reading`]
    /// as over, however it ended (read, failed, over its budget): only a
    /// death leaves a read unfinished.
    pub fn end_reading(&self, id: i64) -> Result<()> {
        light_commit(&mut self.lock(), |tx| {
            tx.execute_cached(
                "UPDATE messages SET unfinished_reads = MAX(unfinished_reads - 1, 0) WHERE id = ?1",
                [id],
            )?;
            Ok(())
        })
    }
}

/// What [`Store::begin_reading_group`] did with one message of a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupBegun {
    /// Its read is counted as begun with the group's: read it, and count
    /// the read as over when the group is recorded
    /// ([`Batch::end_reading_group`]) or, if that fails,
    /// [`Store::end_reading_group`].
    Counted,
    /// The daemon died while a read of it was counted (alone or in a
    /// group): it is not counted with the group, but read alone, between
    /// its own [`Store::begin_reading`] and [`Store::end_reading`], so
    /// that only a death while it alone is being read can set it aside.
    Alone,
    /// It no longer waits (processed, or retried by hand, meanwhile).
    Gone,
}

impl Store {
    /// Counts the reads of a group of messages as begun, in one commit
    /// (with `synchronous = NORMAL`, as [`Store::begin_reading`]) instead
    /// of one per message. Only messages never counted in a read that did
    /// not finish are counted so ([`GroupBegun::Counted`]); the others are
    /// read alone ([`GroupBegun::Alone`]). A daemon that dies while it
    /// reads the group leaves every message of the group counted once;
    /// each is then read alone, so a message is set aside only when the
    /// daemon also dies while reading it alone: a message that does not
    /// kill the daemon is never set aside for one that does.
    pub fn begin_reading_group(&self, survey_id: &str, ids: &[i64]) -> Result<Vec<GroupBegun>> {
        let mut begun = Vec::with_capacity(ids.len());
        light_commit(&mut self.lock(), |tx| {
            for &id in ids {
                let row: Option<(String, u32)> = tx
                    .query_row_cached(
                        "SELECT state, unfinished_reads FROM messages WHERE id = ?1 AND survey_id = ?2",
                        params![id, survey_id],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .optional()?;
                begun.push(match row {
                    Some((state, 0)) if state == "new" => {
                        tx.execute_cached(
                            "UPDATE messages SET unfinished_reads = unfinished_reads + 1 WHERE id = ?1",
                            [id],
                        )?;
                        GroupBegun::Counted
                    }
                    Some((state, _)) if state == "new" => GroupBegun::Alone,
                    _ => GroupBegun::Gone,
                });
            }
            Ok(())
        })?;
        Ok(begun)
    }

    /// Counts the reads [`Store::begin_reading_group`] counted as over,
    /// in one commit, when they could not be recorded with the group's
    /// record ([`Batch::end_reading_group`]).
    pub fn end_reading_group(&self, ids: &[i64]) -> Result<()> {
        light_commit(&mut self.lock(), |tx| end_reading_group(tx, ids))
    }
}

fn end_reading_group(conn: &Connection, ids: &[i64]) -> Result<()> {
    for &id in ids {
        conn.execute_cached(
            "UPDATE messages SET unfinished_reads = MAX(unfinished_reads - 1, 0) WHERE id = ?1",
            [id],
        )?;
    }
    Ok(())
}

/// Runs `work` in a transaction committed with `synchronous = NORMAL` (see
/// [`Store::begin_reading`]), then sets `FULL` back, whatever happened.
fn light_commit(conn: &mut Connection, work: impl FnOnce(&Connection) -> Result<()>) -> Result<()> {
    conn.execute_cached("PRAGMA synchronous = NORMAL", [])?;
    let done = (|| -> Result<()> {
        let tx = conn.transaction()?;
        work(&tx)?;
        tx.commit()?;
        Ok(())
    })();
    let restored = conn.execute_cached("PRAGMA synchronous = FULL", []);
    done?;
    restored?;
    Ok(())
}

/// What processing one message may read, inside its batch's transaction
/// (so it sees what earlier messages of the batch recorded).
pub struct Batch<'a> {
    conn: &'a Connection,
    survey_id: &'a str,
}

impl Batch<'_> {
    /// Up to `limit` messages waiting to be processed, oldest first,
    /// without their bytes: each is loaded as its turn comes, so one
    /// message is in memory at a time, however many wait.
    pub fn waiting(&self, limit: usize) -> Result<Vec<Waiting>> {
        waiting(self.conn, self.survey_id, Some(limit))
    }

    /// A waiting message with its bytes.
    pub fn load(&self, waiting: Waiting) -> Result<StoredMessage> {
        waiting.load(self.conn)
    }

    /// Counts the reads of `ids`, begun by [`Store::begin_reading_group`],
    /// as over, in the batch's transaction: no commit of their own, and
    /// not undone when one message's savepoint is rolled back.
    pub fn end_reading_group(&self, ids: &[i64]) -> Result<()> {
        end_reading_group(self.conn, ids)
    }

    /// Opens a savepoint for one message: what is done until it is
    /// released can be rolled back alone, the rest of the batch kept.
    pub fn savepoint(&self) -> Result<Savepoint<'_>> {
        self.conn.execute_cached("SAVEPOINT message", [])?;
        Ok(Savepoint {
            conn: self.conn,
            open: true,
        })
    }

    /// Writes everything processing decided about message `id` (see
    /// [`Outcome`]): a crash before the batch commits leaves it `new`, to
    /// be processed again; after it, nothing is done twice.
    pub fn record(&self, id: i64, outcome: &Outcome, now: Timestamp) -> Result<()> {
        record(self.conn, self.survey_id, id, outcome, now)
    }

    /// Sets message `id` aside, its handling failed: quarantined, to be
    /// filed to `quarantine`, with `reason`, and a flag for the lead saying
    /// what to do `next`.
    pub fn set_aside(
        &self,
        id: i64,
        reason: &str,
        next: &str,
        quarantine: &str,
        now: Timestamp,
    ) -> Result<()> {
        record_failure(self.conn, self.survey_id, id, reason, next, quarantine, now)
    }
}

/// One message's savepoint in a [`Batch`]: [`Savepoint::release`] keeps
/// what was done since it opened, [`Savepoint::roll_back`] undoes it alone.
/// Dropped open, it is rolled back.
pub struct Savepoint<'a> {
    conn: &'a Connection,
    open: bool,
}

impl Savepoint<'_> {
    /// Keeps what was done (it commits with the batch).
    pub fn release(mut self) -> Result<()> {
        self.open = false;
        self.conn.execute_cached("RELEASE message", [])?;
        Ok(())
    }

    /// Undoes what was done since the savepoint opened.
    pub fn roll_back(mut self) -> Result<()> {
        self.open = false;
        self.conn
            .execute_batch("ROLLBACK TO message; RELEASE message")?;
        Ok(())
    }
}

impl Drop for Savepoint<'_> {
    fn drop(&mut self) {
        if self.open {
            // An error on the way out: the batch's transaction is rolled
            // back whole as it is dropped, this savepoint with it.
            let _ = self
                .conn
                .execute_batch("ROLLBACK TO message; RELEASE message");
        }
    }
}

/// A message waiting to be processed, before its bytes are read
/// ([`Batch::waiting`], then [`Batch::load`]).
#[derive(Debug, Clone)]
pub struct Waiting {
    id: i64,
    size: usize,
    received_at: Timestamp,
}

impl Waiting {
    /// Its row id.
    pub fn id(&self) -> i64 {
        self.id
    }

    /// Its size on the server (at least what is stored of it).
    pub fn size(&self) -> usize {
        self.size
    }

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
fn waiting(conn: &Connection, survey_id: &str, limit: Option<usize>) -> Result<Vec<Waiting>> {
    let rows: Vec<_> = collect(
        conn,
        "SELECT id, size, received_at FROM messages WHERE survey_id = ?1 AND state = 'new' ORDER BY id LIMIT ?2",
        params![survey_id, limit.map_or(-1, |l| l as i64)],
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
            ))
        },
    )?;
    rows.into_iter()
        .map(|(id, size, at)| {
            Ok(Waiting {
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
    waiting(conn, survey_id, limit)?
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
    record_message(tx, id, outcome, now)?;
    let mut flags = outcome.flags.clone();
    if let Some(recipient) = outcome.recipient_id {
        record_for_person(tx, survey_id, recipient, id, outcome, &mut flags, now)?;
    }
    if let Some((outbox, note)) = &outcome.bounced_mail {
        super::outbox::note_bounce(tx, survey_id, *outbox, note, now)?;
    }
    // A pause needs the refused message (its VERP key was on the report,
    // see ingest) and happens once per message (see `pause_for_report`).
    if let Some((until, Some(refused))) = &outcome.pause_sending {
        let detail = outcome
            .flags
            .iter()
            .find(|f| f.kind == FlagKind::SendingLimit)
            .map_or_else(String::new, |f| {
                crate::compose::token::redact(&f.note).into_owned()
            });
        super::outbox::pause_for_report(tx, survey_id, *refused, id, *until, &detail, now)?;
    }
    for flag in &flags {
        tx.execute_cached(
            "INSERT OR IGNORE INTO flags (survey_id, recipient_id, message_row, kind, note, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![survey_id, outcome.recipient_id, id, flag.kind, crate::compose::token::redact(&flag.note), now.as_second()],
        )?;
    }
    Ok(())
}

/// The message's own row: processed (or quarantined), with what it is,
/// whose it is, and where it is filed.
fn record_message(tx: &Connection, id: i64, outcome: &Outcome, now: Timestamp) -> Result<()> {
    tx.execute_cached(
        "UPDATE messages SET state = ?2, kind = ?3, reason = ?4, sender = ?5, recipient_id = ?6, matched_by = ?7,
            different_sender = ?8, decision = ?9, late = ?10, file_to = ?11, processed_at = ?12, failure = NULL
         WHERE id = ?1",
        params![
            id,
            if outcome.quarantined { "quarantined" } else { "processed" },
            outcome.kind,
            // Stored reasons are printed by `review`: never a whole token.
            crate::compose::token::redact(&outcome.reason),
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
    Ok(())
}

/// What the message changes for the person it belongs to: their answers,
/// their status (and the mail it cancels), their answers set aside at
/// their request, a confirmation settled, and
/// the follow-ups queued; a follow-up that could not be written adds a
/// flag to `flags`.
fn record_for_person(
    tx: &Connection,
    survey_id: &str,
    recipient: i64,
    id: i64,
    outcome: &Outcome,
    flags: &mut Vec<Flag>,
    now: Timestamp,
) -> Result<()> {
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
        if let Some(reason) = CancelReason::for_status(*status) {
            super::outbox::cancel_questionnaire_mail(tx, recipient, reason)?;
        }
    }
    if outcome.set_aside {
        super::answers::set_aside(tx, survey_id, recipient, Some(id), BY_PERSON, now)?;
    }
    if let Some(change) = &outcome.confirmation {
        super::confirmations::apply(tx, survey_id, recipient, id, change, now)?;
    }
    for follow_up in &outcome.follow_ups {
        let (state, body, error) = match &follow_up.body {
            Ok(body) => ("pending", Some(body.as_slice()), None),
            Err(why) => {
                let why = crate::compose::token::redact(why);
                flags.push(Flag {
                    kind: FlagKind::FollowUpFailed,
                    note: format!("the {} could not be written: {why}", follow_up.kind),
                });
                ("failed", None, Some(why))
            }
        };
        tx.execute_cached(
            "INSERT OR IGNORE INTO outbox (survey_id, recipient_id, kind, seq, message_id, body, state, last_error, next_attempt_at, created_at, shows)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10)",
            params![survey_id, recipient, follow_up.kind, id, follow_up.message_id, body, state, error, now.as_second(), follow_up.shows],
        )?;
    }
    Ok(())
}

/// Sets a message aside whose handling failed: quarantined, to be filed
/// to the quarantine folder, with the reason and a flag for the lead.
pub(super) fn record_failure(
    tx: &Connection,
    survey_id: &str,
    id: i64,
    reason: &str,
    next: &str,
    quarantine: &str,
    now: Timestamp,
) -> Result<()> {
    // Printed by `status` and `review`: never a whole token.
    let reason = crate::compose::token::redact(reason);
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

/// Mail of each of `asked`'s kinds queued for a person since its time,
/// not cancelled: one count for each, counted here from one read of the
/// person's mail (`outbox_by_recipient`), a few rows. Four statements were
/// a fortieth of the daemon's time reading 10,000 replies; one statement
/// of four counts searched the index once for each kind asked (eight a
/// message), 64,000 instructions a call (issue 23).
fn mail_counts<const N: usize>(
    conn: &Connection,
    recipient_id: i64,
    asked: [(&[MailKind], Timestamp); N],
) -> Result<[usize; N]> {
    let mut counts = [0; N];
    let mut statement = conn.prepare_cached(
        "SELECT kind, created_at FROM outbox WHERE recipient_id = ?1 AND state != 'cancelled'",
    )?;
    let mut rows = statement.query([recipient_id])?;
    while let Some(row) = rows.next()? {
        let kind: String = row.get(0)?;
        let created_at: i64 = row.get(1)?;
        for (count, (kinds, since)) in counts.iter_mut().zip(&asked) {
            if created_at >= since.as_second() && kinds.iter().any(|k| k.name() == kind) {
                *count += 1;
            }
        }
    }
    Ok(counts)
}

fn recipient_by_email(
    conn: &Connection,
    survey_id: &str,
    email: &str,
) -> Result<Option<StoredRecipient>> {
    // The list holds the address as the lead wrote it (lowercased); a
    // domain outside ASCII may be written either way, in the list and in
    // the doctor's From.
    let written = email.to_lowercase();
    let key = crate::survey::address::key(&written);
    let mut spellings = vec![written];
    spellings.extend(crate::survey::address::unicode_domain(&key));
    if !spellings.contains(&key) {
        spellings.push(key);
    }
    for spelling in spellings {
        let id: Option<i64> = conn
            .query_row_cached(
                "SELECT id FROM recipients WHERE survey_id = ?1 AND email_key = ?2",
                params![survey_id, spelling],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = id {
            return recipient_by_id(conn, id).map(Some);
        }
    }
    Ok(None)
}

fn sent_questionnaire(conn: &Connection, recipient_id: i64) -> Result<Option<Vec<u8>>> {
    Ok(conn
        .query_row_cached(
            "SELECT body FROM outbox WHERE recipient_id = ?1 AND kind IN ('invitation', 'reminder')
             AND body IS NOT NULL ORDER BY sent_at IS NULL, sent_at DESC, id DESC LIMIT 1",
            [recipient_id],
            |r| r.get(0),
        )
        .optional()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each count takes the person's mail of its kinds since its time,
    /// not cancelled, and nobody else's.
    #[test]
    fn mail_counts_count_each_kind_since_its_time() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("state.db")).unwrap();
        let conn = store.lock();
        conn.execute_batch(
            r#"INSERT INTO surveys (id, title, created_at) VALUES ('s', 'S', 0);
             INSERT INTO recipients (id, survey_id, email, email_key, name, selector, verifier, added_at)
             VALUES (1, 's', 'a@x.test', 'a@x.test', 'A', 'aaaaaaaaaaaa', 'aaaaaaaaaaaaaaaaaaaa', 5),
                    (2, 's', 'b@x.test', 'b@x.test', 'B', 'bbbbbbbbbbbb', 'bbbbbbbbbbbbbbbbbbbb', 5);
             INSERT INTO outbox (survey_id, recipient_id, kind, seq, message_id, state, next_attempt_at, created_at)
             VALUES ('s', 1, 'invitation', 1, 'i1', 'sent', 0, 10),
                    ('s', 1, 'receipt', 1, 'r1', 'sent', 0, 20),
                    ('s', 1, 'clarification', 1, 'c1', 'sent', 0, 30),
                    ('s', 1, 'clarification', 2, NULL, 'cancelled', 0, 40),
                    ('s', 1, 'clarification', 3, 'c3', 'pending', 0, 50),
                    ('s', 2, 'clarification', 1, 'c4', 'sent', 0, 50);"#,
        )
        .unwrap();
        let at = |s: i64| Timestamp::from_second(s).unwrap();
        let counts = mail_counts(
            &conn,
            1,
            [
                (&[MailKind::Clarification][..], at(0)),
                (&[MailKind::Clarification], at(31)),
                (&[MailKind::Receipt, MailKind::Clarification], at(20)),
                (&[MailKind::ClosedNotice], at(0)),
                (&[MailKind::Invitation], at(10)),
            ],
        )
        .unwrap();
        assert_eq!(counts, [2, 1, 3, 0, 1]);
    }
}
