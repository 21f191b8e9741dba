//! Durable state in SQLite (WAL, `synchronous = FULL`). Only this module
//! writes SQL. Every step that leads to a side effect is committed first,
//! so a restart after a crash simply continues: the rule the daemon is
//! built on.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, params};
use rusqlite_migration::{M, Migrations};

use crate::recipients::Recipient;
use crate::survey::Survey;
use crate::token::{SELECTOR_LEN, Token};
use crate::{Error, Result};

mod confirmations;
mod kinds;
pub mod lock;
mod replies;
mod retention;
mod timeline;

use cached::Cached;

/// Statements run through the connection's statement cache.
mod cached {
    use rusqlite::{CachedStatement, Connection, Params, Row};

    /// How many compiled statements each connection keeps. The store has
    /// about 150 distinct statements, a few dozen of them on the ingest
    /// path (store, load facts, record, outbox claims, filing marks); the
    /// cache is LRU, so it is sized for them all: a statement evicted
    /// while ingest runs would be compiled again for every message.
    pub(super) const CAPACITY: usize = 256;

    /// `execute` and `query_row` as `Connection` has them, with the same
    /// SQL and semantics, but compiled once per connection and kept
    /// (`prepare_cached`): compiling each statement on every call was a
    /// large part of the daemon's CPU while ingesting.
    pub(super) trait Cached {
        /// [`Connection::execute`] through the statement cache.
        fn execute_cached<P: Params>(&self, sql: &str, params: P) -> rusqlite::Result<usize>;

        /// [`Connection::query_row`] through the statement cache.
        fn query_row_cached<T, P, F>(&self, sql: &str, params: P, f: F) -> rusqlite::Result<T>
        where
            P: Params,
            F: FnOnce(&Row<'_>) -> rusqlite::Result<T>;
    }

    impl Cached for Connection {
        fn execute_cached<P: Params>(&self, sql: &str, params: P) -> rusqlite::Result<usize> {
            let mut statement: CachedStatement<'_> = self.prepare_cached(sql)?;
            statement.execute(params)
        }

        fn query_row_cached<T, P, F>(&self, sql: &str, params: P, f: F) -> rusqlite::Result<T>
        where
            P: Params,
            F: FnOnce(&Row<'_>) -> rusqlite::Result<T>,
        {
            let mut statement = self.prepare_cached(sql)?;
            statement.query_row(params, f)
        }
    }
}
pub use confirmations::Pending;
pub use kinds::{
    FlagKind, HeldDecision, MailKind, MailState, MatchedBy, MessageKind, MessageState,
    RecipientStatus,
};
pub use lock::{BUSY_TIMEOUT, HolderKind, LockHolder, LockWatch};
pub use replies::{
    Batch, BatchReport, Decision, FailedMessage, Fetched, FirstCopy, Flag, FollowUp,
    MessageSummary, OpenFlag, Outcome, Retried, Stored, StoredMessage, Unfiled, content_hash,
};
pub use retention::Purged;
pub use timeline::{ReportData, Silent};

/// `decided_by` of an inferred answer the doctor confirmed by replying
/// "confirm": it then counts, and the report says how many did.
pub const CONFIRMED_BY: &str = "doctor's confirmation";

/// The schema, one numbered SQL file per step, applied at open.
fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("0001_foundation.sql")),
        M::up(include_str!("0002_replies.sql")),
        M::up(include_str!("0003_timeline.sql")),
        M::up(include_str!("0004_failures.sql")),
        M::up(include_str!("0005_health.sql")),
        M::up(include_str!("0006_verp.sql")),
        M::up(include_str!("0007_confirmations.sql")),
        M::up(include_str!("0008_retention.sql")),
        M::up(include_str!("0009_routing.sql")),
        M::up(include_str!("0010_message_bytes.sql")),
        M::up(include_str!("0011_lookups.sql")),
        M::up(include_str!("0012_unstored.sql")),
    ])
}

/// Brings the schema up to date. Two processes opening a new store at once
/// (the daemon and `status`) race to migrate; the loser finds the work done.
fn migrate(conn: &mut Connection) -> Result<()> {
    let migrations = migrations();
    let mut attempts = 0;
    loop {
        match migrations.to_latest(conn) {
            Ok(()) => return Ok(()),
            // Another process held the lock through the whole busy
            // timeout: said as a lock (the file and its holder), not
            // waited on silently twenty times over.
            Err(rusqlite_migration::Error::RusqliteError { err, .. })
                if matches!(
                    err.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
                ) =>
            {
                return Err(Error::Store(err));
            }
            Err(err) => {
                attempts += 1;
                if attempts >= 20 {
                    return Err(err.into());
                }
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
        }
    }
}

/// A handle on the store; cheap to clone, safe to share between tasks.
#[derive(Clone)]
pub struct Store {
    conn: Arc<Mutex<Connection>>,
    /// A wait on another process's lock on this database, said once.
    lock_watch: Arc<LockWatch>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Store")
    }
}

/// A recipient as stored.
#[derive(Debug, Clone)]
pub struct StoredRecipient {
    /// Row id.
    pub id: i64,
    /// Address as listed.
    pub email: String,
    /// Name as listed.
    pub name: String,
    /// Extra columns.
    pub attributes: BTreeMap<String, String>,
    /// Their token.
    pub token: Token,
    /// Still in the recipient list?
    pub listed: bool,
    /// Whether they still get mail.
    pub status: RecipientStatus,
}

/// What a re-read of the recipient list changed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ListChanges {
    /// New rows.
    pub added: usize,
    /// Rows no longer in the list (their mail stops; what they sent stays).
    pub removed: usize,
    /// Rows back in the list after a removal.
    pub relisted: usize,
}

/// A message claimed for sending.
#[derive(Debug, Clone)]
pub struct Claimed {
    /// Outbox row id.
    pub id: i64,
    /// invitation, reminder, ...
    pub kind: String,
    /// Sequence number within the kind.
    pub seq: u32,
    /// The Message-ID it must go out with.
    pub message_id: String,
    /// Attempts so far, this one included.
    pub attempts: u32,
    /// The recipient, for questionnaire emails.
    pub recipient: Option<StoredRecipient>,
    /// Stored content, for mail fixed when queued.
    pub body: Option<Vec<u8>>,
    /// The message's own bounce key, for its VERP envelope sender
    /// ([`crate::verp`]); the same on every attempt.
    pub bounce_key: String,
}

/// A message we sent, as a bounce names it (by its VERP key or its
/// Message-ID).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentMail {
    /// Outbox row id.
    pub id: i64,
    /// Invitation, reminder, receipt, ...
    pub kind: MailKind,
    /// The person it was for; `None` for mail to the leads.
    pub recipient_id: Option<i64>,
    /// The address it was handed to the server for.
    pub sent_to: Option<String>,
}

/// Our message whose `column` (bounce_key or message_id) is `value`.
fn sent_mail(
    conn: &Connection,
    column: &str,
    survey_id: &str,
    value: &str,
) -> Result<Option<SentMail>> {
    let sql = format!(
        "SELECT id, kind, recipient_id, sent_to FROM outbox WHERE survey_id = ?1 AND {column} = ?2"
    );
    Ok(conn
        .query_row_cached(&sql, params![survey_id, value], |r| {
            Ok(SentMail {
                id: r.get(0)?,
                kind: r.get(1)?,
                recipient_id: r.get(2)?,
                sent_to: r.get(3)?,
            })
        })
        .optional()?)
}

/// Per-state counts and the failures, for `mailsurvey status`.
#[derive(Debug, Default, Clone, serde::Serialize)]
pub struct Status {
    /// Recipients in the list.
    pub listed: usize,
    /// Recipients removed from the list.
    pub removed: usize,
    /// Recipients by status (active, bounced, opted_out).
    pub recipients: BTreeMap<String, usize>,
    /// Outbox rows by kind, then state.
    pub outbox: BTreeMap<String, BTreeMap<String, usize>>,
    /// Messages given up, with the server's last reply.
    pub failures: Vec<Failure>,
    /// Messages received, by kind.
    pub received: BTreeMap<String, usize>,
    /// Replies held for the lead's decision.
    pub held: usize,
    /// Replies counted although sent from another address than invited.
    pub different_sender: usize,
    /// People with at least one valid answer.
    pub respondents: usize,
    /// Current answers that are unclear or invalid.
    pub unclear_answers: usize,
    /// Delivery reports with nothing of ours in them (no VERP address,
    /// Message-ID or token), with the addresses they name: recorded, and
    /// nobody bounced by them.
    pub unverified_bounces: Vec<String>,
    /// Refusals of our own mail for a provider's sending limit.
    pub sending_limits: usize,
    /// Messages whose handling failed, set aside for `review --retry`.
    pub failed_messages: Vec<FailedMessage>,
    /// Follow-up mail that could not be written (open flags).
    pub follow_ups_not_written: usize,
    /// What the running daemon last recorded as wrong with its servers
    /// or its mailbox (a refused login, a move the server refuses, a
    /// folder it cannot create), with since when; empty when all is well.
    pub health: Vec<HealthNote>,
}

/// One problem the daemon recorded, as `status` shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct HealthNote {
    /// Which part of the survey.
    pub part: HealthPart,
    /// Since when (the problem's first sighting).
    pub since: Timestamp,
    /// What is wrong, in the server's words, and the fix: one line each.
    pub problem: String,
}

/// The parts of a survey whose health the daemon records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HealthPart {
    /// Sending.
    Smtp,
    /// Reading the mailbox.
    Imap,
    /// The survey's daemon as a whole (refused login, store failure).
    Survey,
    /// Moving processed messages to their folders on the server (a move
    /// the server refuses, a folder it cannot create).
    Filing,
}

impl HealthPart {
    fn as_str(self) -> &'static str {
        match self {
            HealthPart::Smtp => "smtp",
            HealthPart::Imap => "imap",
            HealthPart::Survey => "survey",
            HealthPart::Filing => "filing",
        }
    }

    fn parse(text: &str) -> Option<HealthPart> {
        match text {
            "smtp" => Some(HealthPart::Smtp),
            "imap" => Some(HealthPart::Imap),
            "survey" => Some(HealthPart::Survey),
            "filing" => Some(HealthPart::Filing),
            _ => None,
        }
    }
}

/// A message that could not be delivered.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Failure {
    /// Recipient address.
    pub email: String,
    /// Kind of message.
    pub kind: String,
    /// Attempts made.
    pub attempts: u32,
    /// The server's reply or the error.
    pub error: String,
}

impl Store {
    /// Opens (creating if needed) the store at `path` and brings its schema
    /// up to date. The file holds raw replies, answers and tokens: it is
    /// created 0600 (a 0700 directory if we make one), and an existing file
    /// others could read is tightened, with a warning.
    ///
    /// Refuses (before touching anything) to open a database that belongs
    /// to another user when SQLite would create its `-wal` or `-shm` file:
    /// created as root by `sudo mailsurvey review`, they would lock the
    /// service's own user out of its database.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_here(path).map_err(|err| err.at_database(path))
    }

    fn open_here(path: &Path) -> Result<Store> {
        refuse_foreign_sidecars(path, effective_uid())?;
        if let Some(mode) = crate::privacy::prepare_database(path)? {
            tracing::warn!(
                database = %path.display(),
                mode = format!("{mode:o}"),
                "the store was readable by others; its mode is now 600"
            );
        }
        let mut conn = Connection::open(path)?;
        // First, so that opening too waits for another process's lock.
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.set_prepared_statement_cache_capacity(cached::CAPACITY);
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Every transaction here may write: take the write lock when it
        // begins, so it waits (up to the busy timeout) for a CLI command's
        // commit instead of failing at once with "database is locked" when
        // a read must upgrade.
        conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
        migrate(&mut conn)?;
        Ok(Store {
            conn: Arc::new(Mutex::new(conn)),
            lock_watch: Arc::new(LockWatch::new(path)),
        })
    }

    /// The wait on another process's lock on this database, shared by
    /// every clone of this handle.
    pub fn lock_watch(&self) -> &LockWatch {
        &self.lock_watch
    }

    /// Runs `work` on the store off the async workers (SQLite waits for
    /// fsyncs and for the write lock): what async code calls instead of a
    /// store method directly.
    pub async fn blocking<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Store) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let store = self.clone();
        tokio::task::spawn_blocking(move || work(&store))
            .await
            .map_err(|e| Error::Other(format!("store work stopped: {e}")))?
    }

    fn lock(&self) -> MutexGuard<'_, Connection> {
        // A panic while the lock was held rolled its transaction back (a
        // Transaction rolls back when dropped); the connection is sound.
        self.conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Records the survey (idempotent).
    pub fn ensure_survey(&self, survey: &Survey, now: Timestamp) -> Result<()> {
        self.lock().execute(
            "INSERT INTO surveys (id, title, created_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (id) DO UPDATE SET title = excluded.title",
            params![survey.id, survey.title, now.as_second()],
        )?;
        Ok(())
    }

    /// Brings the stored recipients in line with the list: new people get a
    /// token; people no longer listed get no more mail (pending mail to them
    /// is cancelled) but keep everything they sent.
    pub fn sync_recipients(
        &self,
        survey_id: &str,
        list: &[Recipient],
        now: Timestamp,
    ) -> Result<ListChanges> {
        self.sync_recipients_holding(survey_id, list, &[], now)
    }

    /// [`Store::sync_recipients`], except that the people whose addresses
    /// are in `held` (their rows failed validation) keep their last good
    /// state: they are neither changed nor removed.
    pub fn sync_recipients_holding(
        &self,
        survey_id: &str,
        list: &[Recipient],
        held: &[String],
        now: Timestamp,
    ) -> Result<ListChanges> {
        let mut conn = self.lock();
        // After a purge the list is not read again: it would bring back
        // the names and addresses the purge deleted.
        if retention::purged_at(&conn, survey_id)?.is_some() {
            return Ok(ListChanges::default());
        }
        let tx = conn.transaction()?;
        let mut changes = ListChanges::default();
        let existing: HashMap<String, (i64, bool)> = {
            let mut stmt = tx.prepare_cached(
                "SELECT email_key, id, listed FROM recipients WHERE survey_id = ?1",
            )?;
            stmt.query_map([survey_id], |r| {
                Ok((r.get::<_, String>(0)?, (r.get(1)?, r.get::<_, bool>(2)?)))
            })?
            .collect::<rusqlite::Result<_>>()?
        };
        let mut keys = std::collections::HashSet::new();
        for person in list {
            let key = person.key();
            keys.insert(key.clone());
            let attributes = serde_json::to_string(&person.attributes).expect("a map serialises");
            match existing.get(&key) {
                None => {
                    let token = Token::generate();
                    tx.execute_cached(
                        "INSERT INTO recipients (survey_id, email, email_key, name, attributes, selector, verifier, added_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                        params![survey_id, person.email, key, person.name, attributes, token.selector(), token.verifier(), now.as_second()],
                    )?;
                    changes.added += 1;
                }
                Some((id, listed)) => {
                    tx.execute_cached(
                        "UPDATE recipients SET email = ?2, name = ?3, attributes = ?4, listed = 1, removed_at = NULL WHERE id = ?1",
                        params![id, person.email, person.name, attributes],
                    )?;
                    if !listed {
                        changes.relisted += 1;
                    }
                }
            }
        }
        for (key, (id, listed)) in &existing {
            if *listed && !keys.contains(key) && !held.contains(key) {
                tx.execute_cached(
                    "UPDATE recipients SET listed = 0, removed_at = ?2 WHERE id = ?1",
                    params![id, now.as_second()],
                )?;
                tx.execute_cached(
                    "UPDATE outbox SET state = 'cancelled', last_error = 'removed from the recipient list'
                     WHERE recipient_id = ?1 AND state = 'pending'",
                    [id],
                )?;
                changes.removed += 1;
            }
        }
        tx.commit()?;
        Ok(changes)
    }

    /// Queues an invitation for every listed, active recipient who has none.
    /// Returns how many were queued.
    pub fn queue_invitations(
        &self,
        survey_id: &str,
        domain: &str,
        now: Timestamp,
    ) -> Result<usize> {
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        let people: Vec<(i64, String, String)> = {
            let mut stmt = tx.prepare_cached(
                "SELECT r.id, r.selector, r.verifier FROM recipients r
                 WHERE r.survey_id = ?1 AND r.listed = 1 AND r.status = 'active'
                   AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.recipient_id = r.id AND o.kind = 'invitation')",
            )?;
            stmt.query_map([survey_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        for (id, selector, verifier) in &people {
            let token = Token::parse(&format!("{selector}{verifier}"))
                .expect("stored tokens are well formed");
            let message_id = crate::invitation::message_id("invitation", 1, &token, domain);
            tx.execute_cached(
                "INSERT INTO outbox (survey_id, recipient_id, kind, seq, message_id, next_attempt_at, created_at)
                 VALUES (?1, ?2, 'invitation', 1, ?3, ?4, ?4)",
                params![survey_id, id, message_id, now.as_second()],
            )?;
        }
        tx.commit()?;
        Ok(people.len())
    }

    /// At start-up: messages left `sending` by a crash may or may not have
    /// gone out. They go again, with the same Message-ID. Returns how many.
    pub fn requeue_in_flight(&self, survey_id: &str) -> Result<usize> {
        Ok(self.lock().execute(
            "UPDATE outbox SET state = 'pending' WHERE survey_id = ?1 AND state = 'sending'",
            [survey_id],
        )?)
    }

    /// Claims the next message due at `now`, marking it `sending` (committed
    /// before it is sent). Mail to someone no longer listed or no longer
    /// active is cancelled here, at the last moment.
    ///
    /// `sent` is the message this worker handed to the server last: it is
    /// marked sent in the same commit, so each message costs one durable
    /// commit, not two. Until then it stays `sending`, still counted in
    /// flight.
    pub fn claim_due(
        &self,
        survey_id: &str,
        now: Timestamp,
        sent: Option<i64>,
    ) -> Result<Option<Claimed>> {
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        if let Some(id) = sent {
            tx.execute_cached(
                "UPDATE outbox SET state = 'sent', sent_at = ?2, last_error = NULL WHERE id = ?1",
                params![id, now.as_second()],
            )?;
        }
        loop {
            let row = tx
                .query_row_cached(
                    "SELECT o.id, o.kind, o.seq, o.message_id, o.attempts, o.body, o.recipient_id, r.listed, r.status
                     FROM outbox o LEFT JOIN recipients r ON r.id = o.recipient_id
                     WHERE o.survey_id = ?1 AND o.state = 'pending' AND o.next_attempt_at <= ?2
                     ORDER BY o.next_attempt_at, o.id LIMIT 1",
                    params![survey_id, now.as_second()],
                    |r| {
                        Ok((
                            r.get::<_, i64>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, u32>(2)?,
                            r.get::<_, String>(3)?,
                            r.get::<_, u32>(4)?,
                            r.get::<_, Option<Vec<u8>>>(5)?,
                            r.get::<_, Option<i64>>(6)?,
                            r.get::<_, Option<bool>>(7)?,
                            r.get::<_, Option<String>>(8)?,
                        ))
                    },
                )
                .optional()?;
            let Some((id, kind, seq, message_id, attempts, body, recipient_id, listed, status)) =
                row
            else {
                tx.commit()?;
                return Ok(None);
            };
            // The confirmation of an opt-out is the one mail an opted-out
            // person still gets.
            // So is the confirmation that says mail was stopped on a request
            // without a token, which "not me" undoes.
            let allowed = status.as_deref() == Some("active")
                || ((kind == "opt_out_confirmation" || kind == "confirmation")
                    && status.as_deref() == Some("opted_out"));
            let replied = kind == "reminder"
                && tx.query_row_cached(
                    // A held message (no token, another sender) is not the
                    // person's until confirmed: a stranger's mail must not
                    // stop their reminders.
                    "SELECT EXISTS (SELECT 1 FROM messages WHERE recipient_id = ?1 AND kind IN ('reply', 'unsubscribe')
                                    AND (decision IS NULL OR decision = 'accepted'))
                         OR EXISTS (SELECT 1 FROM answers WHERE recipient_id = ?1)",
                    [recipient_id],
                    |r| r.get::<_, bool>(0),
                )?;
            if replied {
                tx.execute_cached(
                    "UPDATE outbox SET state = 'cancelled', last_error = 'replied before the reminder went' WHERE id = ?1",
                    [id],
                )?;
                continue;
            }
            if recipient_id.is_some() && (listed != Some(true) || !allowed) {
                tx.execute_cached(
                    "UPDATE outbox SET state = 'cancelled', last_error = ?2 WHERE id = ?1",
                    params![
                        id,
                        format!(
                            "recipient is {}",
                            if listed == Some(true) {
                                status.unwrap_or_default()
                            } else {
                                "no longer listed".into()
                            }
                        )
                    ],
                )?;
                continue;
            }
            let recipient = match recipient_id {
                Some(rid) => Some(recipient_by_id(&tx, rid)?),
                None => None,
            };
            let bounce_key: String = tx.query_row_cached(
                "UPDATE outbox SET state = 'sending', attempts = attempts + 1,
                        bounce_key = COALESCE(bounce_key, ?2), sent_to = ?3
                 WHERE id = ?1 RETURNING bounce_key",
                params![
                    id,
                    crate::verp::new_key(),
                    recipient.as_ref().map(|r| r.email.clone())
                ],
                |r| r.get(0),
            )?;
            tx.commit()?;
            return Ok(Some(Claimed {
                id,
                kind,
                seq,
                message_id,
                attempts: attempts + 1,
                recipient,
                body,
                bounce_key,
            }));
        }
    }

    /// The message a VERP bounce key names.
    pub fn sent_mail_by_key(&self, survey_id: &str, key: &str) -> Result<Option<SentMail>> {
        sent_mail(&self.lock(), "bounce_key", survey_id, key)
    }

    /// Keeps an invitation or reminder as it went out: they are rendered
    /// at send time, and a reply is read against the text the person got
    /// (a custom template's line below an `Answer:` is ours, not theirs).
    pub fn keep_sent_questionnaire(&self, id: i64, bytes: &[u8]) -> Result<()> {
        self.lock().execute(
            "UPDATE outbox SET body = ?2 WHERE id = ?1 AND kind IN ('invitation', 'reminder')",
            params![id, bytes],
        )?;
        Ok(())
    }

    /// The message went out.
    pub fn mark_sent(&self, id: i64, now: Timestamp) -> Result<()> {
        self.lock().execute(
            "UPDATE outbox SET state = 'sent', sent_at = ?2, last_error = NULL WHERE id = ?1",
            params![id, now.as_second()],
        )?;
        Ok(())
    }

    /// A transient failure: try again at `retry_at`.
    pub fn mark_retry(&self, id: i64, error: &str, retry_at: Timestamp) -> Result<()> {
        self.lock().execute(
            "UPDATE outbox SET state = 'pending', last_error = ?2, next_attempt_at = ?3 WHERE id = ?1",
            params![id, crate::token::redact(error), retry_at.as_second()],
        )?;
        Ok(())
    }

    /// A permanent failure: give up and keep the server's reply.
    pub fn mark_failed(&self, id: i64, error: &str) -> Result<()> {
        self.lock().execute(
            "UPDATE outbox SET state = 'failed', last_error = ?2 WHERE id = ?1",
            params![id, crate::token::redact(error)],
        )?;
        Ok(())
    }

    /// When the next pending message falls due, if any.
    pub fn next_due(&self, survey_id: &str) -> Result<Option<Timestamp>> {
        let at: Option<i64> = self.lock().query_row(
            "SELECT MIN(next_attempt_at) FROM outbox WHERE survey_id = ?1 AND state = 'pending'",
            [survey_id],
            |r| r.get(0),
        )?;
        at.map(|s| replies::timestamp("outbox", 0, s)).transpose()
    }

    /// All stored recipients of a survey, listed or not.
    pub fn recipients(&self, survey_id: &str) -> Result<Vec<StoredRecipient>> {
        let conn = self.lock();
        let mut stmt =
            conn.prepare_cached("SELECT id FROM recipients WHERE survey_id = ?1 ORDER BY id")?;
        let ids: Vec<i64> = stmt
            .query_map([survey_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.into_iter()
            .map(|id| recipient_by_id(&conn, id))
            .collect()
    }

    /// The recipient whose token this is. The selector is looked up by
    /// index; the verifier is compared in constant time.
    pub fn recipient_by_token(
        &self,
        survey_id: &str,
        token: &Token,
    ) -> Result<Option<StoredRecipient>> {
        recipient_by_token(&self.lock(), survey_id, token)
    }

    /// Records what the daemon knows of one part of a survey (`None`: well).
    /// Writes only on a change, and keeps `since` while the part stays
    /// unwell (its words may change: a count of waiting messages grows), so
    /// `since` is when the problem began.
    pub fn set_health(
        &self,
        survey_id: &str,
        part: HealthPart,
        problem: Option<&str>,
        now: Timestamp,
    ) -> Result<()> {
        self.lock().execute(
            "INSERT INTO health (survey_id, part, problem, since) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (survey_id, part) DO UPDATE SET problem = excluded.problem,
                since = CASE WHEN health.problem IS NULL OR excluded.problem IS NULL
                        THEN excluded.since ELSE health.since END
             WHERE health.problem IS NOT excluded.problem",
            params![survey_id, part.as_str(), problem, now.as_second()],
        )?;
        Ok(())
    }

    /// The problems the daemon last recorded for a survey, with since when.
    pub fn health(&self, survey_id: &str) -> Result<Vec<(HealthPart, String, Timestamp)>> {
        let conn = self.lock();
        let mut stmt = conn.prepare_cached(
            "SELECT part, problem, since FROM health WHERE survey_id = ?1 AND problem IS NOT NULL ORDER BY part",
        )?;
        let rows = stmt.query_map([survey_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (part, problem, since) = row?;
            let Some(part) = HealthPart::parse(&part) else {
                continue;
            };
            out.push((
                part,
                problem,
                Timestamp::from_second(since).expect("stored times are in range"),
            ));
        }
        Ok(out)
    }

    /// Messages waiting for another attempt after a transient failure, and
    /// the most recent error among them (the service's STATUS shows it).
    pub fn deferred(&self, survey_id: &str) -> Result<Option<(usize, String)>> {
        let conn = self.lock();
        let n: i64 = conn.query_row_cached(
            "SELECT COUNT(*) FROM outbox WHERE survey_id = ?1 AND state = 'pending' AND last_error IS NOT NULL AND attempts > 0",
            [survey_id],
            |r| r.get(0),
        )?;
        if n == 0 {
            return Ok(None);
        }
        let last: String = conn.query_row_cached(
            "SELECT last_error FROM outbox WHERE survey_id = ?1 AND state = 'pending' AND last_error IS NOT NULL AND attempts > 0
             ORDER BY next_attempt_at DESC LIMIT 1",
            [survey_id],
            |r| r.get(0),
        )?;
        Ok(Some((n as usize, last)))
    }

    /// Copies the whole database to `out` with SQLite's online backup,
    /// while the daemon goes on writing: a consistent snapshot, written to
    /// a temporary file beside `out` (mode 0600), checked with
    /// `PRAGMA integrity_check`, synced, then renamed into place. Returns
    /// the number of pages copied.
    pub fn backup_to(&self, out: &Path) -> Result<i32> {
        use std::os::unix::fs::OpenOptionsExt;
        let dir = out
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = out
            .file_name()
            .ok_or_else(|| Error::Other(format!("{} is not a file name", out.display())))?;
        let mut partial_name = std::ffi::OsString::from(".");
        partial_name.push(name);
        partial_name.push(".partial");
        let partial = dir.join(partial_name);
        let _ = std::fs::remove_file(&partial);
        // Created 0600 before SQLite writes into it.
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&partial)
            .map_err(|e| Error::io(&partial, e))?;
        let outcome = (|| -> Result<i32> {
            let mut copy = Connection::open(&partial)?;
            {
                let source = self.lock();
                let backup = rusqlite::backup::Backup::new(&source, &mut copy)?;
                // All pages in one step, so one read transaction: in WAL
                // mode the daemon goes on writing meanwhile, and the copy
                // is the state at its start. (In several steps, every write
                // by the daemon would restart the copy.)
                backup.run_to_completion(i32::MAX, std::time::Duration::ZERO, None)?;
            }
            let check: String = copy.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
            if check != "ok" {
                return Err(Error::Other(format!(
                    "the backup failed its integrity check: {check}"
                )));
            }
            let pages: i32 = copy.query_row("PRAGMA page_count", [], |r| r.get(0))?;
            copy.close().map_err(|(_, e)| e)?;
            Ok(pages)
        })();
        let pages = match outcome {
            Ok(pages) => pages,
            Err(err) => {
                let _ = std::fs::remove_file(&partial);
                return Err(err);
            }
        };
        std::fs::File::open(&partial)
            .and_then(|f| f.sync_all())
            .map_err(|e| Error::io(&partial, e))?;
        std::fs::rename(&partial, out).map_err(|e| Error::io(out, e))?;
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(pages)
    }

    /// Counts for `mailsurvey status`.
    pub fn status(&self, survey_id: &str) -> Result<Status> {
        let mut status = Status {
            received: self.message_counts(survey_id)?,
            failed_messages: self.failed_messages(survey_id)?,
            health: self
                .health(survey_id)?
                .into_iter()
                .map(|(part, problem, since)| HealthNote {
                    part,
                    since,
                    problem,
                })
                .collect(),
            ..Status::default()
        };
        let conn = self.lock();
        let mut stmt = conn.prepare_cached("SELECT listed, status, COUNT(*) FROM recipients WHERE survey_id = ?1 GROUP BY listed, status")?;
        for row in stmt.query_map([survey_id], |r| {
            Ok((
                r.get::<_, bool>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)? as usize,
            ))
        })? {
            let (listed, state, n) = row?;
            if listed {
                status.listed += n;
                *status.recipients.entry(state).or_default() += n;
            } else {
                status.removed += n;
            }
        }
        let mut stmt = conn.prepare_cached(
            "SELECT kind, state, COUNT(*) FROM outbox WHERE survey_id = ?1 GROUP BY kind, state",
        )?;
        for row in stmt.query_map([survey_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)? as usize,
            ))
        })? {
            let (kind, state, n) = row?;
            status.outbox.entry(kind).or_default().insert(state, n);
        }
        let mut stmt = conn.prepare_cached(
            "SELECT COALESCE(r.email, ''), o.kind, o.attempts, COALESCE(o.last_error, '')
             FROM outbox o LEFT JOIN recipients r ON r.id = o.recipient_id
             WHERE o.survey_id = ?1 AND o.state = 'failed' ORDER BY r.email",
        )?;
        for row in stmt.query_map([survey_id], |r| {
            Ok(Failure {
                email: r.get(0)?,
                kind: r.get(1)?,
                attempts: r.get(2)?,
                error: r.get(3)?,
            })
        })? {
            status.failures.push(row?);
        }
        let count = |sql: &str| -> Result<usize> {
            Ok(conn.query_row_cached(sql, [survey_id], |r| r.get::<_, i64>(0))? as usize)
        };
        status.held =
            count("SELECT COUNT(*) FROM messages WHERE survey_id = ?1 AND decision = 'held'")?;
        status.unverified_bounces = {
            let mut statement = conn.prepare_cached(
                "SELECT note FROM flags WHERE survey_id = ?1 AND kind = 'unverified_bounce' ORDER BY id",
            )?;
            statement
                .query_map([survey_id], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?
        };
        status.sending_limits =
            count("SELECT COUNT(*) FROM flags WHERE survey_id = ?1 AND kind = 'sending_limit'")?;
        status.different_sender = count(
            "SELECT COUNT(*) FROM messages WHERE survey_id = ?1 AND different_sender = 1 AND decision = 'accepted'",
        )?;
        status.respondents = count(
            "SELECT COUNT(DISTINCT recipient_id) FROM answers WHERE survey_id = ?1 AND current = 1 AND status = 'ok'",
        )?;
        status.unclear_answers = count(
            "SELECT COUNT(*) FROM answers WHERE survey_id = ?1 AND current = 1 AND status != 'ok'",
        )?;
        status.follow_ups_not_written = count(
            "SELECT COUNT(*) FROM flags WHERE survey_id = ?1 AND kind = 'follow_up_failed' AND resolved_at IS NULL",
        )?;

        Ok(status)
    }
}

/// This process's effective user id.
fn effective_uid() -> u32 {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() }
}

/// See [`Store::open`]: `uid` may open a database it does not own only
/// while the owner's `-wal` and `-shm` files exist (the daemon has it open).
fn refuse_foreign_sidecars(path: &Path, uid: u32) -> Result<()> {
    use std::os::unix::fs::MetadataExt;
    let Ok(meta) = std::fs::metadata(path) else {
        // A new database is created by, and owned by, this user.
        return Ok(());
    };
    if meta.uid() == uid {
        return Ok(());
    }
    let sidecar = |suffix: &str| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        std::path::PathBuf::from(name)
    };
    let missing: Vec<String> = ["-wal", "-shm"]
        .iter()
        .map(|s| sidecar(s))
        .filter(|p| !p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let owner = user_name(meta.uid()).unwrap_or_else(|| format!("uid {}", meta.uid()));
    let me = user_name(uid).unwrap_or_else(|| format!("uid {uid}"));
    Err(Error::Other(format!(
        "{} belongs to {owner}, but this command runs as {me}: opening it would create {} owned by {me}, \
         and the service (running as {owner}) could then no longer write its database. \
         Run the command as its owner: sudo -u {owner} mailsurvey ...",
        path.display(),
        missing.join(" and ")
    )))
}

/// The login name of `uid`, from /etc/passwd.
fn user_name(uid: u32) -> Option<String> {
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|line| {
        let mut fields = line.split(':');
        let name = fields.next()?;
        let id = fields.nth(1)?.parse::<u32>().ok()?;
        (id == uid).then(|| name.to_owned())
    })
}

fn recipient_by_token(
    conn: &Connection,
    survey_id: &str,
    token: &Token,
) -> Result<Option<StoredRecipient>> {
    let found: Option<(i64, String)> = conn
        .query_row_cached(
            "SELECT id, verifier FROM recipients WHERE survey_id = ?1 AND selector = ?2",
            params![survey_id, token.selector()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match found {
        Some((id, verifier)) if token.verifies(&verifier) => Ok(Some(recipient_by_id(conn, id)?)),
        _ => Ok(None),
    }
}

/// A recipient's row, every column checked: a value that does not decode
/// is an error naming the row, never a default.
fn recipient_by_id(conn: &Connection, id: i64) -> Result<StoredRecipient> {
    let (email, name, attributes, selector, verifier, listed, status): (
        String,
        String,
        String,
        String,
        String,
        bool,
        String,
    ) = conn.query_row_cached(
        "SELECT email, name, attributes, selector, verifier, listed, status FROM recipients WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)),
    )?;
    let bad = |detail: String| Error::Decode {
        table: "recipients",
        row: id,
        detail,
    };
    Ok(StoredRecipient {
        id,
        email,
        name,
        attributes: serde_json::from_str(&attributes)
            .map_err(|e| bad(format!("attributes are not a JSON object of text: {e}")))?,
        token: Token::parse(&format!("{selector}{verifier}"))
            .ok_or_else(|| bad("the token is not well formed".into()))?,
        listed,
        status: RecipientStatus::from_name(&status)
            .ok_or_else(|| bad(format!("unknown status '{status}'")))?,
    })
}

const _: () = assert!(SELECTOR_LEN < crate::token::TOKEN_LEN);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
    }

    /// A message's bytes go to `message_bytes`, never into the `messages`
    /// row that every change of its state rewrites whole (a 24 MB message
    /// cost 48 MB more per UPDATE there).
    #[test]
    fn a_problem_keeps_its_since_while_its_words_change() {
        let (_dir, store, survey) = store_with_survey();
        let at = |s: i64| Timestamp::from_second(s).unwrap();
        let filing = |store: &Store| {
            store
                .health(&survey.id)
                .unwrap()
                .into_iter()
                .find(|(part, ..)| *part == HealthPart::Filing)
                .map(|(_, problem, since)| (problem, since))
        };
        store
            .set_health(&survey.id, HealthPart::Filing, Some("2 wait"), at(100))
            .unwrap();
        store
            .set_health(&survey.id, HealthPart::Filing, Some("3 wait"), at(200))
            .unwrap();
        assert_eq!(filing(&store), Some(("3 wait".into(), at(100))));
        store
            .set_health(&survey.id, HealthPart::Filing, None, at(300))
            .unwrap();
        assert_eq!(filing(&store), None);
        store
            .set_health(&survey.id, HealthPart::Filing, Some("1 waits"), at(400))
            .unwrap();
        assert_eq!(filing(&store), Some(("1 waits".into(), at(400))));
    }

    #[test]
    fn a_stored_message_keeps_its_bytes_out_of_its_row() {
        let (_dir, store, survey) = store_with_survey();
        let raw = b"Subject: hi\r\n\r\nhello\r\n";
        let Stored::New(id) = store
            .store_message(&survey.id, &fetched(1, 1, None, raw), "Q")
            .unwrap()
        else {
            panic!("stored");
        };
        let conn = store.lock();
        let (in_row, in_bytes): (Vec<u8>, Vec<u8>) = conn
            .query_row(
                "SELECT m.raw, b.raw FROM messages m JOIN message_bytes b ON b.message_id = m.id WHERE m.id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        drop(conn);
        assert!(in_row.is_empty());
        assert_eq!(in_bytes, raw);
        assert_eq!(store.unprocessed(&survey.id).unwrap()[0].raw, raw);
        assert_eq!(store.raw_message(id).unwrap(), raw);
    }

    /// Migration 0010 moves the bytes of messages stored before it into
    /// `message_bytes`, where they are read from; later UPDATEs of the
    /// message no longer carry them.
    #[test]
    fn messages_stored_before_0010_keep_their_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.db");
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, 9).unwrap();
        conn.execute(
            "INSERT INTO surveys (id, title, created_at) VALUES ('s', 'S', 0)",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO messages (survey_id, folder, uidvalidity, uid, content_hash, size, raw, received_at)
             VALUES ('s', 'INBOX', 1, 1, 'h', 2, X'6869', 0)",
            [],
        )
        .unwrap();
        let id = conn.last_insert_rowid();
        migrations().to_latest(&mut conn).unwrap();
        let left: Vec<u8> = conn
            .query_row("SELECT raw FROM messages WHERE id = ?1", [id], |r| r.get(0))
            .unwrap();
        assert!(left.is_empty());
        drop(conn);
        let store = Store::open(&path).unwrap();
        assert_eq!(store.raw_message(id).unwrap(), b"hi");
        let pending = store.unprocessed("s").unwrap();
        assert_eq!(pending[0].raw, b"hi");
        assert_eq!(pending[0].size, 2);
    }

    /// A whole message fetched from INBOX.
    fn fetched<'a>(
        uidvalidity: u32,
        uid: u32,
        message_id: Option<&'a str>,
        bytes: &'a [u8],
    ) -> Fetched<'a> {
        Fetched {
            folder: "INBOX",
            uidvalidity,
            uid,
            message_id,
            bytes,
            size: None,
            arrived: Timestamp::UNIX_EPOCH,
            shared_sender: false,
        }
    }

    fn store_with_survey() -> (tempfile::TempDir, Store, Survey) {
        let dir = tempfile::tempdir().unwrap();
        let mut survey = Survey::load(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/config/example.toml"
        )))
        .unwrap();
        survey.database = dir.path().join("state.db");
        let store = Store::open(&survey.database).unwrap();
        store.ensure_survey(&survey, Timestamp::UNIX_EPOCH).unwrap();
        (dir, store, survey)
    }

    #[test]
    fn a_rescan_after_uidvalidity_changed_stores_nothing_twice() {
        let (_dir, store, survey) = store_with_survey();
        let one = b"Message-ID: <a@x.test>\r\nSubject: one\r\n\r\nyes\r\n";
        let two = b"Subject: two, no Message-ID\r\n\r\nno\r\n";
        assert!(matches!(
            store
                .store_message(&survey.id, &fetched(7, 1, Some("a@x.test"), one), "Q")
                .unwrap(),
            Stored::New(_)
        ));
        assert!(matches!(
            store
                .store_message(&survey.id, &fetched(7, 2, None, two), "Q")
                .unwrap(),
            Stored::New(_)
        ));
        assert_eq!(store.cursor(&survey.id, "INBOX").unwrap(), Some((7, 2)));
        // The server renumbered the folder: read it again from the start.
        store.reset_cursor(&survey.id, "INBOX", 9).unwrap();
        assert_eq!(store.cursor(&survey.id, "INBOX").unwrap(), Some((9, 0)));
        assert_eq!(
            store
                .store_message(&survey.id, &fetched(9, 1, None, two), "Q")
                .unwrap(),
            Stored::Duplicate,
            "same bytes"
        );
        let one_rewrapped =
            b"Message-ID: <a@x.test>\r\nSubject: one\r\nX-Added: by a filter\r\n\r\nyes\r\n";
        assert_eq!(
            store
                .store_message(
                    &survey.id,
                    &fetched(9, 2, Some("a@x.test"), one_rewrapped),
                    "Q"
                )
                .unwrap(),
            Stored::Duplicate,
            "same Message-ID"
        );
        assert_eq!(store.unprocessed(&survey.id).unwrap().len(), 2);
        assert_eq!(store.cursor(&survey.id, "INBOX").unwrap(), Some((9, 2)));
    }

    #[test]
    fn a_fetch_is_stored_in_one_transaction_and_a_refused_message_is_set_aside_alone() {
        let (_dir, store, survey) = store_with_survey();
        // The store refuses message 2 of the FETCH (as it would a message
        // it cannot take for a reason of its own).
        store
            .lock()
            .execute_batch(
                "CREATE TEMP TRIGGER refuse BEFORE INSERT ON message_bytes
                 WHEN (SELECT uid FROM messages WHERE id = NEW.message_id) = 2
                 BEGIN SELECT RAISE(ABORT, 'refused for the test'); END;",
            )
            .unwrap();
        let raws: Vec<String> = (1..=4)
            .map(|uid| format!("Message-ID: <m{uid}@x.test>\r\nSubject: {uid}\r\n\r\nyes\r\n"))
            .collect();
        let ids: Vec<String> = (1..=4).map(|uid| format!("m{uid}@x.test")).collect();
        let batch: Vec<Fetched<'_>> = (0..4)
            .map(|i| fetched(7, i as u32 + 1, Some(&ids[i]), raws[i].as_bytes()))
            .collect();
        let outcomes = store.store_fetched(&survey.id, &batch, "Q").unwrap();
        assert_eq!(outcomes.len(), 4);
        assert!(
            outcomes.iter().all(|o| matches!(o, Stored::New(_))),
            "{outcomes:?}"
        );
        assert_eq!(store.cursor(&survey.id, "INBOX").unwrap(), Some((7, 4)));
        // 1, 3 and 4 wait to be processed; 2 is set aside with the reason,
        // to be filed to the quarantine folder.
        let waiting: Vec<Vec<u8>> = store
            .unprocessed(&survey.id)
            .unwrap()
            .into_iter()
            .map(|m| m.raw)
            .collect();
        assert_eq!(
            waiting,
            [&raws[0], &raws[2], &raws[3]].map(|r| r.as_bytes().to_vec())
        );
        let failed = store.failed_messages(&survey.id).unwrap();
        assert_eq!(failed.len(), 1);
        assert!(
            failed[0].reason.contains("refused for the test") && failed[0].reason.contains("Q"),
            "{failed:?}"
        );
        let filing: Vec<(u32, String)> = store
            .unfiled(&survey.id)
            .unwrap()
            .into_iter()
            .map(|u| (u.uid, u.file_to))
            .collect();
        assert_eq!(filing, [(2, "Q".to_owned())]);
        // The same FETCH again (a crash before filing, a rescan): nothing
        // is stored twice.
        let again = store.store_fetched(&survey.id, &batch, "Q").unwrap();
        assert!(again.iter().all(|o| *o == Stored::Duplicate), "{again:?}");
        // Refused again, it is still one note, which says what to do: there
        // is nothing for `review --retry` to run.
        let note = failed[0].id;
        assert_eq!(store.failed_messages(&survey.id).unwrap().len(), 1);
        assert_eq!(
            store
                .retry(&survey.id, note, "lead", jiff::Timestamp::UNIX_EPOCH)
                .unwrap(),
            Retried::NotStored
        );
        let flags = store.open_flags(&survey.id).unwrap();
        assert!(
            flags
                .iter()
                .any(|f| f.message == Some(note)
                    && f.note.contains("move it from Q back to the inbox")),
            "{flags:?}"
        );
        // After a fix the lead moves it back to the inbox, where it has a
        // new UID (the test's refusal is for UID 2 only): it is stored at
        // last, as the note's row, and the note is settled.
        let back = [fetched(7, 5, Some(&ids[1]), raws[1].as_bytes())];
        let stored = store.store_fetched(&survey.id, &back, "Q").unwrap();
        assert_eq!(stored, [Stored::New(note)]);
        assert!(store.failed_messages(&survey.id).unwrap().is_empty());
        assert!(
            store
                .open_flags(&survey.id)
                .unwrap()
                .iter()
                .all(|f| f.message != Some(note)),
            "the note's flag is resolved"
        );
        assert!(
            store
                .unprocessed(&survey.id)
                .unwrap()
                .iter()
                .any(|m| m.raw == raws[1].as_bytes()),
            "it waits to be processed"
        );
    }

    #[test]
    fn a_failing_store_keeps_nothing_of_the_fetch_and_leaves_the_cursor() {
        let (_dir, store, survey) = store_with_survey();
        let one = b"Subject: one\r\n\r\nyes\r\n";
        store
            .store_message(&survey.id, &fetched(7, 1, None, one), "Q")
            .unwrap();
        // A store that cannot write at all (here: read-only) is not one
        // message's fault: the whole FETCH stays on the server.
        store
            .lock()
            .pragma_update(None, "query_only", true)
            .unwrap();
        let two = b"Subject: two\r\n\r\nno\r\n";
        let three = b"Subject: three\r\n\r\nno\r\n";
        let batch = [fetched(7, 2, None, two), fetched(7, 3, None, three)];
        assert!(store.store_fetched(&survey.id, &batch, "Q").is_err());
        store
            .lock()
            .pragma_update(None, "query_only", false)
            .unwrap();
        assert_eq!(store.cursor(&survey.id, "INBOX").unwrap(), Some((7, 1)));
        assert_eq!(store.unprocessed(&survey.id).unwrap().len(), 1);
    }

    #[test]
    fn a_token_is_found_by_its_selector_and_checked_by_its_verifier() {
        let (_dir, store, survey) = store_with_survey();
        let people = crate::recipients::load(&survey.recipients_file).unwrap();
        store
            .sync_recipients(&survey.id, &people, Timestamp::UNIX_EPOCH)
            .unwrap();
        let person = store.recipients(&survey.id).unwrap().remove(3);
        let found = store
            .recipient_by_token(&survey.id, &person.token)
            .unwrap()
            .unwrap();
        assert_eq!(found.email, person.email);
        // Right selector, wrong verifier: nobody.
        let mut forged = person.token.as_str().to_owned();
        forged.replace_range(20..21, if &forged[20..21] == "a" { "b" } else { "a" });
        let forged = Token::parse(&forged).unwrap();
        assert!(
            store
                .recipient_by_token(&survey.id, &forged)
                .unwrap()
                .is_none()
        );
        // Another survey's store does not know it either.
        assert!(
            store
                .recipient_by_token("another-survey", &person.token)
                .unwrap()
                .is_none()
        );
    }

    #[test]
    fn a_message_that_fails_or_panics_is_set_aside_and_the_batch_goes_on() {
        let (_dir, store, survey) = store_with_survey();
        let now = Timestamp::UNIX_EPOCH;
        for (uid, body) in [(1, "fine"), (2, "error"), (3, "panic"), (4, "fine too")] {
            let raw = format!("Subject: {body}\r\n\r\n{body}\r\n");
            store
                .store_message(&survey.id, &fetched(1, uid, None, raw.as_bytes()), "Q")
                .unwrap();
        }
        let report = store
            .process_batch(&survey.id, 10, "Q", now, |_, message| {
                let text = String::from_utf8_lossy(&message.raw).into_owned();
                if text.ends_with("error\r\n") {
                    return Err(Error::Message("this one cannot be written".into()));
                }
                if text.ends_with("panic\r\n") {
                    panic!("a bug met this one");
                }
                Ok(Outcome {
                    file_to: "Done".into(),
                    ..Outcome::default()
                })
            })
            .unwrap();
        assert_eq!(
            report,
            BatchReport {
                processed: 2,
                failed: 2
            }
        );
        let failed = store.failed_messages(&survey.id).unwrap();
        assert_eq!(failed.len(), 2);
        assert!(failed[0].reason.contains("cannot be written"), "{failed:?}");
        assert!(
            failed[1].reason.contains("panicked: a bug met this one"),
            "{failed:?}"
        );
        let folders: Vec<String> = store
            .unfiled(&survey.id)
            .unwrap()
            .into_iter()
            .map(|u| u.file_to)
            .collect();
        assert_eq!(folders, ["Done", "Q", "Q", "Done"]);
        assert!(store.unprocessed(&survey.id).unwrap().is_empty());
        assert_eq!(
            store.message_counts(&survey.id).unwrap().get("failed"),
            Some(&2)
        );
        // The lock is usable after the panic, and a retry runs it again.
        assert_eq!(
            store.retry(&survey.id, failed[1].id, "lead", now).unwrap(),
            Retried::Again
        );
        assert_eq!(
            store.retry(&survey.id, failed[1].id, "lead", now).unwrap(),
            Retried::NotFailed
        );
        assert_eq!(store.unprocessed(&survey.id).unwrap().len(), 1);
    }

    #[test]
    fn an_unknown_stored_word_is_an_error_naming_the_row() {
        let (_dir, store, survey) = store_with_survey();
        let people = crate::recipients::load(&survey.recipients_file).unwrap();
        store
            .sync_recipients(&survey.id, &people, Timestamp::UNIX_EPOCH)
            .unwrap();
        let id = store.recipients(&survey.id).unwrap()[0].id;
        store
            .lock()
            .execute(
                "UPDATE recipients SET status = 'on_holiday' WHERE id = ?1",
                [id],
            )
            .unwrap();
        let err = store.recipient(id).unwrap_err().to_string();
        assert_eq!(
            err,
            format!("store: recipients row {id}: unknown status 'on_holiday'")
        );
    }
}
