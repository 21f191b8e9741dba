//! Durable state in SQLite (WAL, `synchronous = FULL`). Only this module
//! writes SQL. Every step that leads to a side effect is committed first,
//! so a restart after a crash simply continues: the rule the daemon is
//! built on.

use std::sync::{Arc, Mutex, MutexGuard};

use rusqlite::Connection;

use crate::{Error, Result};

mod answers;
mod confirmations;
mod decisions;
mod digest;
mod health;
mod kinds;
mod list_reads;
pub mod lock;
mod mailbox;
mod open;
mod outbox;
mod processing;
mod recipients;
mod retention;
mod rows;
mod status;
mod timeline;

use cached::Cached;
use outbox::sent_mail;
use recipients::{recipient_by_id, recipient_by_token};

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
pub use answers::SetAside;
pub use confirmations::PendingConfirmation;
pub use decisions::{Decision, FailedMessage, MessageSummary, OpenFlag, Retried};
pub use digest::{BouncedPerson, DigestReads};
pub use health::HealthPart;
pub use kinds::{
    CancelReason, FlagKind, HeldDecision, MailKind, MailState, MatchedBy, MessageKind,
    MessageState, Received, RecipientStatus,
};
pub use list_reads::LastListRead;
pub use lock::{BUSY_TIMEOUT, HolderKind, LockHolder, LockWatch};
pub use mailbox::{Fetched, FirstCopy, Stored, Unfiled, content_hash};
pub use open::{STATEMENT_JOURNAL_IN_MEMORY, configure_sqlite};
pub use outbox::{Accepted, Claimable, Claimed, SentMail};
pub use processing::{
    Batch, BatchReport, Begun, DEATHS_BEFORE_SET_ASIDE, Flag, FollowUp, GroupBegun, Lookup,
    Outcome, Reads, Savepoint, StoredMessage, Waiting,
};
pub use recipients::{ListChanges, ListSync, StoredRecipient};
pub use retention::Purged;
pub use status::{Failure, FewerConnections, HealthNote, Status};
pub use timeline::{Answered, DueReminder, REMINDER_SWEEP, ReportData, Silent};

/// `decided_by` of an inferred answer the doctor confirmed by replying
/// "confirm": it then counts, and the report says how many did.
pub const CONFIRMED_BY: &str = "doctor's confirmation";

/// A handle on the store; cheap to clone, safe to share between tasks.
#[derive(Clone)]
pub struct Store {
    conn: Arc<Mutex<Connection>>,
    /// Further connections to the same file, for the lookups and loads of
    /// messages being read outside any transaction ([`Lookup`],
    /// [`Store::load`]): in WAL mode they read the last commit while
    /// `conn` writes (a part of a batch recorded, a FETCH stored, its
    /// fsync) instead of waiting for it, so a part is read while the one
    /// before it is recorded. One for each thread that reads at once
    /// ([`open::readers_wanted`]): the readers of a part each make a dozen
    /// lookups a message, and on one connection they waited for one
    /// another at every lookup. `None` for a store in memory (a scratch
    /// copy): there `conn` serves them all.
    readers: Option<Arc<[Mutex<Connection>]>>,
    /// A wait on another process's lock on this database, said once.
    lock_watch: Arc<LockWatch>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Store")
    }
}

impl Store {
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

    /// A connection for reads outside any transaction (`readers`): the one
    /// this thread used last if it is free, else any free one, else this
    /// thread's own once it is.
    fn read_lock(&self) -> MutexGuard<'_, Connection> {
        let Some(readers) = &self.readers else {
            return self.lock();
        };
        let own = own_reader() % readers.len();
        let free = (0..readers.len())
            .map(|i| &readers[(own + i) % readers.len()])
            .find_map(|reader| match reader.try_lock() {
                Ok(guard) => Some(guard),
                // Reads only: nothing a panic could leave half done.
                Err(std::sync::TryLockError::Poisoned(poisoned)) => Some(poisoned.into_inner()),
                Err(std::sync::TryLockError::WouldBlock) => None,
            });
        free.unwrap_or_else(|| {
            readers[own]
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
        })
    }

    /// Gives back the memory SQLite holds for this store's connections
    /// that are free now (their page caches, up to 2 MB each): what the
    /// daemon does before it sleeps, with the allocator's own trim. The
    /// next turn reads its pages again from the system's file cache. A
    /// connection in use is left as it is.
    pub fn release_memory(&self) {
        let readers = self.readers.iter().flat_map(|readers| readers.iter());
        for conn in std::iter::once(&*self.conn).chain(readers) {
            if let Ok(conn) = conn.try_lock() {
                let _ = conn.release_memory();
            }
        }
    }
}

/// This thread's reading connection, by the order in which threads first
/// read: the readers of a batch's parts each keep one of their own.
fn own_reader() -> usize {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    thread_local! {
        static OWN: usize = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
    OWN.with(|own| *own)
}

#[cfg(test)]
mod tests {
    use super::open::migrations;
    use super::*;
    use crate::compose::token::Token;
    use crate::survey::Survey;
    use jiff::Timestamp;

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

    /// Migrations 0020 and 0021 (the counting indexes) on a database
    /// written by the release before them, mid-collection: it opens, its counts are
    /// unchanged, and `status` and the reminder query read them through
    /// the new indexes (the plans BENCHMARKS.md relies on).
    #[test]
    fn a_database_from_before_0020_opens_and_is_counted_from_its_indexes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.db");
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, 19).unwrap();
        conn.execute_batch(
            "INSERT INTO surveys (id, title, created_at) VALUES ('s', 'S', 0);
             INSERT INTO recipients (survey_id, email, email_key, name, selector, verifier, status, added_at)
             VALUES ('s', 'a@x.test', 'a@x.test', 'A', 'aaaaaaaaaaaa', 'aaaaaaaaaaaaaaaaaaaa', 'active', 0),
                    ('s', 'b@x.test', 'b@x.test', 'B', 'bbbbbbbbbbbb', 'bbbbbbbbbbbbbbbbbbbb', 'bounced', 0);
             INSERT INTO outbox (survey_id, recipient_id, kind, seq, message_id, state, next_attempt_at, created_at, sent_at, bounce_key)
             VALUES ('s', 1, 'invitation', 1, 'invitation.1@x', 'sent', 0, 0, 10, 'k1'),
                    ('s', 2, 'invitation', 1, 'invitation.2@x', 'failed', 0, 0, NULL, 'k2');",
        )
        .unwrap();
        drop(conn);
        let store = Store::open(&path).unwrap();
        let status = store.status("s").unwrap();
        assert_eq!((status.listed, status.removed), (2, 0));
        assert_eq!(status.recipients[&RecipientStatus::Active], 1);
        assert_eq!(status.recipients[&RecipientStatus::Bounced], 1);
        assert_eq!(status.outbox[&MailKind::Invitation][&MailState::Sent], 1);
        let silent = store.silent("s").unwrap();
        assert_eq!(silent.len(), 1);
        assert_eq!(silent[0].name, "A");
        let conn = store.lock();
        let plan = |sql: &str| -> String {
            let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
            stmt.query_map(["s"], |r| r.get::<_, String>(3))
                .unwrap()
                .collect::<rusqlite::Result<Vec<_>>>()
                .unwrap()
                .join("\n")
        };
        // The counts by list state and by kind and state: seeks and
        // ranges of covering indexes, nothing scanned or sorted.
        let counted = plan(super::status::RECIPIENT_COUNTS);
        assert!(
            counted.contains("SEARCH recipients USING COVERING INDEX recipients_by_state (survey_id=? AND listed=? AND status=?)")
                && counted.contains("SEARCH recipients USING COVERING INDEX recipients_by_state (survey_id=? AND listed=? AND status>?)")
                && !counted.contains("SCAN recipients")
                && !counted.contains("TEMP B-TREE"),
            "{counted}"
        );
        let counted = plan(
            "SELECT COUNT(DISTINCT recipient_id) FROM answers WHERE survey_id = ?1 AND current = 1 AND status = 'ok'",
        );
        assert!(
            counted.contains("COVERING INDEX answers_counted"),
            "{counted}"
        );
        let counted = plan(
            "SELECT sent_at FROM outbox WHERE survey_id = ?1 AND state = 'sent' AND sent_at > 0 ORDER BY sent_at",
        );
        assert!(
            counted.contains("INDEX outbox_sent") && !counted.contains("TEMP B-TREE"),
            "{counted}"
        );
        let counted = plan(&super::status::outbox_counts_sql());
        assert!(
            counted.contains("SEARCH outbox USING COVERING INDEX outbox_by_kind (survey_id=? AND kind=? AND state=?)")
                && counted.contains("SEARCH outbox USING COVERING INDEX outbox_by_kind (survey_id=? AND kind>?)")
                && !counted.contains("SCAN outbox")
                && !counted.contains("TEMP B-TREE"),
            "{counted}"
        );
    }

    /// Migration 0022 (the list's last read) on a database written by the
    /// release before it: its people are kept, nothing is recorded until a
    /// full read, then an unchanged file's problems come from the store,
    /// and a changed file is read again; invitations queued set-based have
    /// the Message-ID the sending expects, and none twice.
    #[test]
    fn a_database_from_before_0022_records_its_list_read_and_knows_it_unchanged() {
        use crate::survey::recipients::ListReader;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.db");
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, 21).unwrap();
        conn.execute_batch(
            "INSERT INTO surveys (id, title, created_at) VALUES ('s', 'S', 0);
             INSERT INTO recipients (survey_id, email, email_key, name, selector, verifier, status, added_at)
             VALUES ('s', 'a@x.test', 'a@x.test', 'A', 'aaaaaaaaaaaa', 'aaaaaaaaaaaaaaaaaaaa', 'active', 0),
                    ('s', 'gone@x.test', 'gone@x.test', 'G', 'gggggggggggg', 'gggggggggggggggggggg', 'active', 0);",
        )
        .unwrap();
        drop(conn);
        let store = Store::open(&path).unwrap();
        let list = dir.path().join("people.csv");
        std::fs::write(
            &list,
            "name,email\nA,A@x.test\nB,b@x.test\nBad,not-an-address\n",
        )
        .unwrap();
        assert!(store.last_list_read("s", &list).unwrap().is_none());
        // Written long ago: its stamp can be relied on.
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        std::fs::File::options()
            .write(true)
            .open(&list)
            .unwrap()
            .set_modified(old)
            .unwrap();
        let mut reader = ListReader::open(&list).unwrap();
        let now = Timestamp::from_second(100).unwrap();
        let synced = store.sync_list("s", &mut reader, now, false).unwrap();
        assert_eq!(
            synced,
            ListSync::Applied(ListChanges {
                added: 1,
                removed: 1,
                relisted: 0
            })
        );
        let last = store.last_list_read("s", &list).unwrap().expect("recorded");
        assert_eq!(last.listed, 2);
        assert_eq!(last.problems.0.len(), 1);
        assert_eq!(last.problems.0[0].line, Some(4));
        assert_eq!(last.problems.0[0].file, list);
        // The same file named another way (as `status` run from another
        // folder names it) is known unchanged too.
        let named_otherwise = dir.path().join(".").join("people.csv");
        assert_eq!(
            store
                .last_list_read("s", &named_otherwise)
                .unwrap()
                .expect("the same file")
                .listed,
            2
        );
        // Strict: the same list is read through and not applied.
        let mut reader = ListReader::open(&list).unwrap();
        assert_eq!(
            store.sync_list("s", &mut reader, now, true).unwrap(),
            ListSync::Refused
        );
        assert_eq!(store.queue_invitations("s", now).unwrap(), 2);
        assert_eq!(store.queue_invitations("s", now).unwrap(), 0);
        let people = store.recipients("s").unwrap();
        let a = people.iter().find(|p| p.email == "A@x.test").unwrap();
        while store.claim_due("s", "x.test", now, None).unwrap().is_some() {}
        let id: String = store
            .lock()
            .query_row(
                "SELECT message_id FROM outbox WHERE recipient_id = ?1",
                [a.id],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(
            id,
            crate::compose::token::message_id("invitation", 1, &a.token, "x.test")
        );
        // Changed: read again.
        std::fs::write(&list, "name,email\nA,a@x.test\n").unwrap();
        assert!(store.last_list_read("s", &list).unwrap().is_none());
    }

    /// Migration 0023 (`outbox_by_kind` widened to the recipient and the
    /// time sent) on a database written by the release before it: the
    /// reminder query finds the same people as before (sent, listed,
    /// active, no answer), with the reminders they had, in id order, and
    /// reads each of its three parts in recipient order from an index,
    /// without sorting (the plans BENCHMARKS.md relies on).
    #[test]
    fn a_database_from_before_0023_finds_the_silent_in_order_from_indexes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.db");
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, 22).unwrap();
        // 1 silent, reminded once; 2 answered; 3 invitation pending;
        // 4 removed from the list; 5 bounced; 6 silent, no reminder;
        // 7 silent, reminded twice, a reminder of 1's survey between.
        conn.execute_batch(
            "INSERT INTO surveys (id, title, created_at) VALUES ('s', 'S', 0);
             INSERT INTO recipients (id, survey_id, email, email_key, name, selector, verifier, listed, status, added_at)
             VALUES (1, 's', 'a@x.test', 'a@x.test', 'A', 'aaaaaaaaaaaa', 'aaaaaaaaaaaaaaaaaaaa', 1, 'active', 5),
                    (2, 's', 'b@x.test', 'b@x.test', 'B', 'bbbbbbbbbbbb', 'bbbbbbbbbbbbbbbbbbbb', 1, 'active', 5),
                    (3, 's', 'c@x.test', 'c@x.test', 'C', 'cccccccccccc', 'cccccccccccccccccccc', 1, 'active', 5),
                    (4, 's', 'd@x.test', 'd@x.test', 'D', 'dddddddddddd', 'dddddddddddddddddddd', 0, 'active', 5),
                    (5, 's', 'e@x.test', 'e@x.test', 'E', 'eeeeeeeeeeee', 'eeeeeeeeeeeeeeeeeeee', 1, 'bounced', 5),
                    (6, 's', 'f@x.test', 'f@x.test', 'F', 'ffffffffffff', 'ffffffffffffffffffff', 1, 'active', 5),
                    (7, 's', 'g@x.test', 'g@x.test', 'G', 'gggggggggggg', 'gggggggggggggggggggg', 1, 'active', 5);
             INSERT INTO outbox (survey_id, recipient_id, kind, seq, message_id, state, next_attempt_at, created_at, sent_at)
             VALUES ('s', 7, 'invitation', 1, 'i7', 'sent', 0, 0, 17),
                    ('s', 1, 'invitation', 1, 'i1', 'sent', 0, 0, 11),
                    ('s', 2, 'invitation', 1, 'i2', 'sent', 0, 0, 12),
                    ('s', 3, 'invitation', 1, 'i3', 'pending', 0, 0, NULL),
                    ('s', 4, 'invitation', 1, 'i4', 'sent', 0, 0, 14),
                    ('s', 5, 'invitation', 1, 'i5', 'sent', 0, 0, 15),
                    ('s', 6, 'invitation', 1, 'i6', 'sent', 0, 0, 16),
                    ('s', 7, 'reminder', 2, 'r7.2', 'pending', 0, 0, NULL),
                    ('s', 1, 'reminder', 1, 'r1.1', 'sent', 0, 0, 21),
                    ('s', 2, 'reminder', 1, 'r2.1', 'sent', 0, 0, 22),
                    ('s', 7, 'reminder', 1, 'r7.1', 'sent', 0, 0, 27);
             INSERT INTO answers (survey_id, recipient_id, question_id, status, value, source, current, created_at)
             VALUES ('s', 2, 'q1', 'unclear', NULL, 'maybe', 0, 30);",
        )
        .unwrap();
        drop(conn);
        let store = Store::open(&path).unwrap();
        let silent = store.silent("s").unwrap();
        let found: Vec<(i64, &str, i64, i64, Vec<u32>)> = silent
            .iter()
            .map(|p| {
                let mut reminded = p.reminded.clone();
                reminded.sort();
                (
                    p.recipient_id,
                    p.name.as_str(),
                    p.added_at.as_second(),
                    p.invited_at.as_second(),
                    reminded,
                )
            })
            .collect();
        assert_eq!(
            found,
            vec![
                (1, "A", 5, 11, vec![1]),
                (6, "F", 5, 16, vec![]),
                (7, "G", 5, 17, vec![1, 2]),
            ]
        );
        assert_eq!(silent[0].token.as_str(), "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        let conn = store.lock();
        let plan = |sql: &str| -> String {
            let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
            stmt.query_map(["s"], |r| r.get::<_, String>(3))
                .unwrap()
                .collect::<rusqlite::Result<Vec<_>>>()
                .unwrap()
                .join("\n")
        };
        let invited = plan(
            "SELECT o.recipient_id, r.name, r.selector || r.verifier, r.added_at, o.sent_at
             FROM outbox o CROSS JOIN recipients r ON r.id = o.recipient_id
             WHERE o.survey_id = ?1 AND o.kind = 'invitation' AND o.state = 'sent'
               AND r.listed = 1 AND r.status = 'active'
             ORDER BY o.recipient_id",
        );
        assert!(
            invited.contains("COVERING INDEX outbox_by_kind (survey_id=? AND kind=? AND state=?)")
                && invited.contains("INTEGER PRIMARY KEY")
                && !invited.contains("TEMP B-TREE"),
            "{invited}"
        );
        let answered = plan(super::timeline::ANSWERED_IN_ORDER);
        assert!(
            answered.contains("COVERING INDEX answers_current")
                && !answered.contains("TEMP B-TREE"),
            "{answered}"
        );
        let reminded = plan(
            "SELECT recipient_id, seq FROM outbox
             WHERE survey_id = ?1 AND kind = 'reminder' ORDER BY recipient_id",
        );
        assert!(
            reminded.contains("COVERING INDEX") && !reminded.contains("TEMP B-TREE"),
            "{reminded}"
        );
        let counted = plan(&super::status::outbox_counts_sql());
        assert!(
            counted.contains("SEARCH outbox USING COVERING INDEX outbox_by_kind (survey_id=? AND kind=? AND state=?)")
                && counted.contains("SEARCH outbox USING COVERING INDEX outbox_by_kind (survey_id=? AND kind>?)")
                && !counted.contains("SCAN outbox")
                && !counted.contains("TEMP B-TREE"),
            "{counted}"
        );
    }

    /// The reminder sweep (`Store::reminders_due`) over ranges of ids: the
    /// same people as the reminder rule (sent, listed, active, no answer),
    /// each given to `pick` with the reminders they had; only those
    /// picked are looked up, and one added after the reminder's time is
    /// not theirs. Each of its reads is a range of a covering index in
    /// recipient order, without sorting (the plans BENCHMARKS.md relies
    /// on).
    #[test]
    fn reminders_due_reads_ranges_of_indexes_and_only_the_picked_rows() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("state.db")).unwrap();
        // 1 silent, reminded once; 2 answered; 3 invitation pending;
        // 4 removed from the list; 5 bounced; 6 silent, added at 40;
        // 70000 silent (another range), reminded twice; 8 of survey t.
        store
            .lock()
            .execute_batch(
                "INSERT INTO surveys (id, title, created_at) VALUES ('s', 'S', 0), ('t', 'T', 0);
                 INSERT INTO recipients (id, survey_id, email, email_key, name, selector, verifier, listed, status, added_at)
                 VALUES (1, 's', 'a@x.test', 'a@x.test', 'A', 'aaaaaaaaaaaa', 'aaaaaaaaaaaaaaaaaaaa', 1, 'active', 5),
                        (2, 's', 'b@x.test', 'b@x.test', 'B', 'bbbbbbbbbbbb', 'bbbbbbbbbbbbbbbbbbbb', 1, 'active', 5),
                        (3, 's', 'c@x.test', 'c@x.test', 'C', 'cccccccccccc', 'cccccccccccccccccccc', 1, 'active', 5),
                        (4, 's', 'd@x.test', 'd@x.test', 'D', 'dddddddddddd', 'dddddddddddddddddddd', 0, 'active', 5),
                        (5, 's', 'e@x.test', 'e@x.test', 'E', 'eeeeeeeeeeee', 'eeeeeeeeeeeeeeeeeeee', 1, 'bounced', 5),
                        (6, 's', 'f@x.test', 'f@x.test', 'F', 'ffffffffffff', 'ffffffffffffffffffff', 1, 'active', 40),
                        (70000, 's', 'g@x.test', 'g@x.test', 'G', 'gggggggggggg', 'gggggggggggggggggggg', 1, 'active', 5),
                        (8, 't', 'h@x.test', 'h@x.test', 'H', 'hhhhhhhhhhhh', 'hhhhhhhhhhhhhhhhhhhh', 1, 'active', 5);
                 INSERT INTO outbox (survey_id, recipient_id, kind, seq, message_id, state, next_attempt_at, created_at, sent_at)
                 VALUES ('s', 70000, 'invitation', 1, 'i7', 'sent', 0, 0, 17),
                        ('s', 1, 'invitation', 1, 'i1', 'sent', 0, 0, 11),
                        ('s', 2, 'invitation', 1, 'i2', 'sent', 0, 0, 12),
                        ('s', 3, 'invitation', 1, 'i3', 'pending', 0, 0, NULL),
                        ('s', 4, 'invitation', 1, 'i4', 'sent', 0, 0, 14),
                        ('s', 5, 'invitation', 1, 'i5', 'sent', 0, 0, 15),
                        ('s', 6, 'invitation', 1, 'i6', 'sent', 0, 0, 16),
                        ('t', 8, 'invitation', 1, 'i8', 'sent', 0, 0, 18),
                        ('s', 70000, 'reminder', 2, 'r7.2', 'pending', 0, 0, NULL),
                        ('s', 1, 'reminder', 1, 'r1.1', 'sent', 0, 0, 21),
                        ('s', 2, 'reminder', 1, 'r2.1', 'sent', 0, 0, 22),
                        ('s', 70000, 'reminder', 1, 'r7.1', 'sent', 0, 0, 27);
                 INSERT INTO answers (survey_id, recipient_id, question_id, status, value, source, current, created_at)
                 VALUES ('s', 2, 'q1', 'unclear', NULL, 'maybe', 0, 30);",
            )
            .unwrap();
        assert_eq!(store.highest_recipient_id().unwrap(), 70000);
        let at = jiff::Timestamp::from_second(30).unwrap();
        let mut seen = Vec::new();
        let mut sweep = |after, through| {
            store
                .reminders_due("s", after, through, |invited_at, reminded: &[u32]| {
                    let mut reminded = reminded.to_vec();
                    reminded.sort();
                    seen.push((invited_at.as_second(), reminded.clone()));
                    // Reminder 2 for everyone who does not have it.
                    (!reminded.contains(&2)).then_some((2, at))
                })
                .unwrap()
                .into_iter()
                .map(|d| (d.recipient_id, d.number))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            sweep(0, 50_000),
            vec![(1, 2)],
            "4 unlisted, 5 bounced; 6 was added after the reminder's time"
        );
        assert_eq!(sweep(50_000, 70_000), vec![], "70000 has reminder 2");
        assert_eq!(sweep(1, 5), vec![], "the range is after < id <= through");
        assert_eq!(
            seen,
            vec![
                (11, vec![1]),
                (14, vec![]),
                (15, vec![]),
                (16, vec![]),
                (17, vec![1, 2]),
                (14, vec![]),
                (15, vec![]),
            ],
            "the invited without answers, in id order, with their reminders"
        );
        let conn = store.lock();
        let plan = |sql: &str| -> String {
            let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
            stmt.query_map(rusqlite::params!["s", 0, 50_000], |r| r.get::<_, String>(3))
                .unwrap()
                .collect::<rusqlite::Result<Vec<_>>>()
                .unwrap()
                .join("\n")
        };
        let invited = plan(super::timeline::INVITED_IN_RANGE);
        assert_eq!(
            invited,
            "SEARCH outbox USING COVERING INDEX outbox_by_kind (survey_id=? AND kind=? AND state=? AND recipient_id>? AND recipient_id<?)"
        );
        let answered = plan(super::timeline::ANSWERED_IN_RANGE);
        assert_eq!(
            answered,
            "SEARCH answers USING COVERING INDEX answers_current (survey_id=? AND recipient_id>? AND recipient_id<?)"
        );
        let reminded = plan(super::timeline::REMINDED_IN_RANGE);
        assert_eq!(
            reminded,
            "SEARCH outbox USING COVERING INDEX outbox_one_per_number (survey_id=? AND recipient_id>? AND recipient_id<?)"
        );
    }

    /// Migration 0025 (the indexes of the bounce key and of the time sent
    /// keep only the rows where it is set) on a database written by the
    /// release before it: its mail is found by bounce key and counted in
    /// the quota's window as before, through those indexes (the plans
    /// BENCHMARKS.md relies on); a queued message is in neither; a bounce
    /// key is still unique.
    #[test]
    fn a_database_from_before_0025_finds_mail_by_bounce_key_and_time_sent_from_partial_indexes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.db");
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, 24).unwrap();
        conn.execute_batch(
            "INSERT INTO surveys (id, title, created_at) VALUES ('s', 'S', 0);
             INSERT INTO recipients (survey_id, email, email_key, name, selector, verifier, status, added_at)
             VALUES ('s', 'a@x.test', 'a@x.test', 'A', 'aaaaaaaaaaaa', 'aaaaaaaaaaaaaaaaaaaa', 'active', 0),
                    ('s', 'b@x.test', 'b@x.test', 'B', 'bbbbbbbbbbbb', 'bbbbbbbbbbbbbbbbbbbb', 'active', 0);
             INSERT INTO outbox (survey_id, recipient_id, kind, seq, message_id, state, next_attempt_at, created_at, sent_at, bounce_key)
             VALUES ('s', 1, 'invitation', 1, 'invitation.1@x', 'sent', 0, 0, 10, 'k1'),
                    ('s', 2, 'invitation', 1, 'invitation.2@x', 'pending', 0, 0, NULL, NULL),
                    ('s', 1, 'reminder', 1, 'reminder.1@x', 'sending', 0, 0, NULL, 'k3');",
        )
        .unwrap();
        drop(conn);
        let store = Store::open(&path).unwrap();
        let found = store.sent_mail_by_key("s", "k1").unwrap().unwrap();
        assert_eq!((found.id, found.recipient_id), (1, Some(1)));
        assert_eq!(store.sent_mail_by_key("s", "k3").unwrap().unwrap().id, 3);
        assert!(store.sent_mail_by_key("s", "k2").unwrap().is_none());
        assert_eq!(
            store
                .sent_since("s", Timestamp::from_second(5).unwrap(), 1)
                .unwrap(),
            vec![10]
        );
        let conn = store.lock();
        assert!(
            conn.execute("UPDATE outbox SET bounce_key = 'k1' WHERE id = 2", [],)
                .is_err(),
            "a bounce key is one message's"
        );
        let entries = |index: &str| -> i64 {
            conn.query_row(
                &format!(
                    "SELECT COUNT(*) FROM outbox INDEXED BY {index} WHERE survey_id = 's' AND {}",
                    if index == "outbox_sent" {
                        "sent_at IS NOT NULL"
                    } else {
                        "bounce_key IS NOT NULL"
                    }
                ),
                [],
                |r| r.get(0),
            )
            .unwrap()
        };
        assert_eq!(
            (entries("outbox_sent"), entries("outbox_bounce_key")),
            (1, 2)
        );
        let plan = |sql: &str, params: &[&dyn rusqlite::ToSql]| -> String {
            let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
            stmt.query_map(params, |r| r.get::<_, String>(3))
                .unwrap()
                .collect::<rusqlite::Result<Vec<_>>>()
                .unwrap()
                .join("\n")
        };
        let by_key = plan(
            "SELECT id, kind, recipient_id, sent_to FROM outbox WHERE survey_id = ?1 AND bounce_key = ?2",
            &[&"s", &"k1"],
        );
        assert_eq!(
            by_key,
            "SEARCH outbox USING INDEX outbox_bounce_key (bounce_key=?)"
        );
        let window = plan(
            "SELECT sent_at, recipient_id IS NULL FROM outbox
             WHERE survey_id = ?1 AND state = 'sent' AND sent_at > ?2 ORDER BY sent_at",
            &[&"s", &5],
        );
        assert_eq!(
            window,
            "SEARCH outbox USING INDEX outbox_sent (survey_id=? AND state=? AND sent_at>?)"
        );
        let partial: i64 = conn
            .query_row(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index'
                 AND name IN ('outbox_sent', 'outbox_bounce_key') AND sql LIKE '% WHERE % IS NOT NULL'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(partial, 2);
    }

    /// Migration 0026 (the outbox rebuilt: a Message-ID given when an
    /// invitation or reminder is first claimed) on a database written by
    /// the release before it: every row kept with its id and Message-ID,
    /// the pauses and digests that refer to rows still refer to them,
    /// foreign keys enforced again, a Message-ID still unique and found
    /// through its index, one message per (person, kind, number), and a
    /// new invitation queued without a Message-ID and given one when
    /// claimed.
    #[test]
    fn a_database_from_before_0026_keeps_its_mail_and_gives_message_ids_when_claimed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.db");
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, 25).unwrap();
        conn.execute_batch(
            "INSERT INTO surveys (id, title, created_at) VALUES ('s', 'S', 0);
             INSERT INTO recipients (survey_id, email, email_key, name, selector, verifier, status, added_at)
             VALUES ('s', 'a@x.test', 'a@x.test', 'A', 'aaaaaaaaaaaa', 'aaaaaaaaaaaaaaaaaaaa', 'active', 0),
                    ('s', 'b@x.test', 'b@x.test', 'B', 'bbbbbbbbbbbb', 'bbbbbbbbbbbbbbbbbbbb', 'active', 0),
                    ('s', 'c@x.test', 'c@x.test', 'C', 'cccccccccccc', 'cccccccccccccccccccc', 'active', 0);
             INSERT INTO outbox (survey_id, recipient_id, kind, seq, message_id, state, next_attempt_at, created_at, sent_at, bounce_key, body)
             VALUES ('s', 1, 'invitation', 1, 'invitation.1.a@x', 'sent', 0, 0, 10, 'k1', X'6869'),
                    ('s', 2, 'invitation', 1, 'invitation.1.b@x', 'pending', 0, 0, NULL, NULL, NULL),
                    ('s', NULL, 'digest', 1, 'digest.1@x', 'sent', 0, 0, 20, 'k3', X'6869');
             INSERT INTO sending_pauses (survey_id, outbox_id, until_at, detail, created_at)
             VALUES ('s', 1, 100, 'limit', 10);
             INSERT INTO digests (survey_id, slot_at, cause, outbox_id, created_at)
             VALUES ('s', 20, 'weekly', 3, 20);",
        )
        .unwrap();
        drop(conn);
        let store = Store::open(&path).unwrap();
        let conn = store.lock();
        let rows: Vec<(i64, Option<String>, String)> = conn
            .prepare("SELECT id, message_id, state FROM outbox ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(
            rows,
            vec![
                (1, Some("invitation.1.a@x".into()), "sent".into()),
                (2, Some("invitation.1.b@x".into()), "pending".into()),
                (3, Some("digest.1@x".into()), "sent".into()),
            ]
        );
        let refs: (i64, i64) = conn
            .query_row(
                "SELECT (SELECT outbox_id FROM sending_pauses), (SELECT outbox_id FROM digests)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(refs, (1, 3));
        let enforced: bool = conn
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap();
        assert!(enforced, "foreign keys are on again after the rebuild");
        assert!(
            conn.execute(
                "INSERT INTO sending_pauses (survey_id, outbox_id, until_at, detail, created_at)
                 VALUES ('s', 99, 0, '', 0)",
                [],
            )
            .is_err(),
            "a pause of no message is refused"
        );
        assert!(
            conn.execute(
                "INSERT INTO outbox (survey_id, recipient_id, kind, seq, message_id, next_attempt_at, created_at)
                 VALUES ('s', 3, 'receipt', 1, 'digest.1@x', 0, 0)",
                [],
            )
            .is_err(),
            "a Message-ID is one message's"
        );
        assert_eq!(
            conn.execute(
                "INSERT OR IGNORE INTO outbox (survey_id, recipient_id, kind, seq, next_attempt_at, created_at)
                 VALUES ('s', 2, 'invitation', 1, 0, 0)",
                [],
            )
            .unwrap(),
            0,
            "one invitation per person"
        );
        assert!(
            conn.execute(
                "INSERT INTO outbox (survey_id, recipient_id, kind, seq, state, next_attempt_at, created_at)
                 VALUES ('s', 3, 'reminder', 1, 'sending', 0, 0)",
                [],
            )
            .is_err(),
            "nothing goes out without its Message-ID"
        );
        let plan: String = conn
            .query_row(
                "EXPLAIN QUERY PLAN SELECT id, kind, recipient_id, sent_to FROM outbox WHERE survey_id = ?1 AND message_id = ?2",
                rusqlite::params!["s", "digest.1@x"],
                |r| r.get(3),
            )
            .unwrap();
        assert_eq!(
            plan,
            "SEARCH outbox USING INDEX outbox_message_id (message_id=?)"
        );
        let indexes: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(
            indexes,
            [
                "outbox_bounce_key",
                "outbox_by_kind",
                "outbox_by_recipient",
                "outbox_cancelled",
                "outbox_due",
                "outbox_message_id",
                "outbox_one_per_number",
                "outbox_sent"
            ]
        );
        drop(conn);
        let found = store.sent_mail_by_key("s", "k1").unwrap().unwrap();
        assert_eq!((found.id, found.recipient_id), (1, Some(1)));
        let now = Timestamp::from_second(30).unwrap();
        assert_eq!(store.queue_invitations("s", now).unwrap(), 1);
        let stored = |id: i64| -> Option<String> {
            store
                .lock()
                .query_row("SELECT message_id FROM outbox WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .unwrap()
        };
        assert_eq!(stored(4), None, "queued without one");
        let mut claimed = Vec::new();
        while let Some(one) = store.claim_due("s", "y.test", now, None).unwrap() {
            claimed.push((one.id, one.message_id));
        }
        assert_eq!(
            claimed,
            vec![
                (2, "invitation.1.b@x".to_owned()),
                (4, format!("invitation.1.{}@y.test", "c".repeat(32)))
            ]
        );
        assert_eq!(stored(4).as_deref(), Some(claimed[1].1.as_str()));
    }

    /// Migration 0014 (sending pauses) on a database written by
    /// the release before it: its mail is kept, `status` shows no pause,
    /// and one message can pause sending once.
    #[test]
    fn a_database_from_before_0014_opens_with_no_pause_and_pauses_once_per_message() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.db");
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, 13).unwrap();
        conn.execute(
            "INSERT INTO surveys (id, title, created_at) VALUES ('s', 'S', 0)",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO outbox (survey_id, kind, seq, message_id, state, next_attempt_at, created_at, bounce_key)
             VALUES ('s', 'report', 1, 'report.1@s', 'sent', 0, 0, 'k')",
            [],
        )
        .unwrap();
        let outbox = conn.last_insert_rowid();
        drop(conn);
        let store = Store::open(&path).unwrap();
        let status = store.status("s").unwrap();
        assert_eq!(status.sending_limits, 0);
        assert!(status.sending_pauses.is_empty());
        assert_eq!(
            status
                .outbox
                .get(&MailKind::Report)
                .and_then(|s| s.get(&MailState::Sent)),
            Some(&1)
        );
        let conn = store.lock();
        let pause = |until: i64| {
            conn.execute(
                "INSERT OR IGNORE INTO sending_pauses (survey_id, outbox_id, until_at, detail, created_at)
                 VALUES ('s', ?1, ?2, '550 5.4.5 limit', 0)",
                rusqlite::params![outbox, until],
            )
            .unwrap()
        };
        assert_eq!(pause(3600), 1);
        assert_eq!(pause(7200), 0, "one message pauses sending once");
        drop(conn);
        let status = store.status("s").unwrap();
        assert_eq!(status.sending_limits, 1);
        assert!(
            status.sending_pauses[0].contains("the report")
                && status.sending_pauses[0].contains("550 5.4.5 limit"),
            "{:?}",
            status.sending_pauses
        );
    }

    /// Migrations 0015 and 0016 (what a confirmation showed, answers set aside) on a database
    /// written by the release before them, mid-collection: a confirmation
    /// email sent before has no digest of what it showed (so a "confirm" to
    /// it asks again, see `decide::decision`), the answers stay current and
    /// nothing is set aside; setting a person's answers aside and restoring
    /// them works on it.
    #[test]
    fn a_database_from_before_0015_keeps_its_answers_and_its_old_confirmations_show_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.db");
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, 14).unwrap();
        conn.execute_batch(
            "INSERT INTO surveys (id, title, created_at) VALUES ('s', 'S', 0);
             INSERT INTO recipients (id, survey_id, email, email_key, name, selector, verifier, added_at)
                 VALUES (1, 's', 'dr.a@clinic.test', 'dr.a@clinic.test', 'Dr A', 'sel', 'ver', 0),
                        (2, 's', 'dr.b@clinic.test', 'dr.b@clinic.test', 'Dr B', 'sel2', 'ver2', 0);
             INSERT INTO outbox (survey_id, recipient_id, kind, seq, message_id, state, next_attempt_at, created_at)
                 VALUES ('s', 1, 'confirmation', 4, 'confirmation.4.t@s', 'sent', 0, 0);
             INSERT INTO confirmations (survey_id, recipient_id, request, mailed, created_at, updated_at)
                 VALUES ('s', 1, '{\"why\":\"no_token\",\"answers\":{},\"opt_out\":true,\"withdrawal\":false}', 1, 0, 0);
             INSERT INTO answers (survey_id, recipient_id, question_id, status, value, source, created_at)
                 VALUES ('s', 1, 'training', 'ok', 'true', 'yes', 0),
                        ('s', 1, 'research', 'ok', 'false', 'no', 0),
                        ('s', 2, 'training', 'ok', 'true', 'yes', 0);",
        )
        .unwrap();
        drop(conn);
        let store = Store::open(&path).unwrap();
        let pending = store.pending_confirmation(1).unwrap().unwrap();
        assert!(pending.request.opt_out && !pending.request.stop_asked);
        {
            let conn = store.lock();
            assert_eq!(
                confirmations::shown(&conn, 1, "confirmation.4.t@s").unwrap(),
                None,
                "an email sent before 0015 showed nothing the store knows"
            );
        }
        assert_eq!(store.current_answers(1).unwrap().len(), 2);
        assert!(store.set_asides("s").unwrap().is_empty());
        let at = Timestamp::from_second(100).unwrap();
        {
            let mut conn = store.lock();
            let tx = conn.transaction().unwrap();
            answers::set_aside(&tx, "s", 1, None, "the person, by email", at).unwrap();
            tx.commit().unwrap();
        }
        assert!(store.current_answers(1).unwrap().is_empty());
        let aside = store.set_asides("s").unwrap();
        assert_eq!((aside.len(), aside[0].answers), (1, 2));
        assert_eq!(
            store.restore_set_aside("s", 1, "lead", at).unwrap(),
            Some(2)
        );
        assert_eq!(store.current_answers(1).unwrap().len(), 2);
        assert_eq!(store.restore_set_aside("s", 1, "lead", at).unwrap(), None);
        // Set aside again, then deleted for good: nothing left to list or
        // restore.
        {
            let mut conn = store.lock();
            let tx = conn.transaction().unwrap();
            answers::set_aside(&tx, "s", 1, None, "the person, by email", at).unwrap();
            tx.commit().unwrap();
        }
        assert_eq!(store.set_asides("s").unwrap().len(), 1);
        store.withdraw("s", 1, "lead", at).unwrap();
        assert!(store.set_asides("s").unwrap().is_empty());
        assert_eq!(store.restore_set_aside("s", 1, "lead", at).unwrap(), None);
        // The retention purge deletes what is set aside: restorable until
        // then, not after.
        {
            let mut conn = store.lock();
            let tx = conn.transaction().unwrap();
            answers::set_aside(&tx, "s", 2, None, "the person, by email", at).unwrap();
            tx.commit().unwrap();
        }
        assert_eq!(store.set_asides("s").unwrap().len(), 1);
        store.purge("s", None, at).unwrap();
        assert!(store.set_asides("s").unwrap().is_empty());
        assert_eq!(store.restore_set_aside("s", 2, "lead", at).unwrap(), None);
        let left: i64 = store
            .lock()
            .query_row(
                "SELECT COUNT(*) FROM answers WHERE recipient_id = 2",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(left, 0, "deleted by the purge");
    }

    /// Migration 0017 (unfinished reads) on a database written
    /// by the release before it: the message waiting there is read as
    /// usual; a read that ends is no death; a read begun and never ended
    /// twice (two deaths of the daemon while reading it) sets the message
    /// aside unread, with the reason `status` and `review` show, and
    /// `review --retry` gives it a fresh count.
    #[test]
    fn a_database_from_before_0017_counts_unfinished_reads_and_sets_aside_after_two_deaths() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.db");
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, 16).unwrap();
        conn.execute(
            "INSERT INTO surveys (id, title, created_at) VALUES ('s', 'S', 0)",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO messages (survey_id, folder, uidvalidity, uid, content_hash, size, raw, received_at)
             VALUES ('s', 'INBOX', 1, 1, 'h', 2, X'', 0)",
            [],
        )
        .unwrap();
        let id = conn.last_insert_rowid();
        conn.execute(
            "INSERT INTO message_bytes (message_id, raw) VALUES (?1, X'6869')",
            [id],
        )
        .unwrap();
        drop(conn);
        let store = Store::open(&path).unwrap();
        let now = Timestamp::UNIX_EPOCH;
        let waiting = store.waiting("s", 10).unwrap();
        assert_eq!(waiting.len(), 1);
        assert_eq!(
            store.load(waiting.into_iter().next().unwrap()).unwrap().raw,
            b"hi"
        );
        let begin = || store.begin_reading("s", id, "Q", now).unwrap();
        // A read that ends, however it ended, is no death.
        assert_eq!(begin(), Begun::Read { deaths: 0 });
        store.end_reading(id).unwrap();
        assert_eq!(begin(), Begun::Read { deaths: 0 });
        // The daemon dies while reading it (no end), twice.
        assert_eq!(begin(), Begun::Read { deaths: 1 });
        assert_eq!(begin(), Begun::SetAside);
        assert!(store.unprocessed("s").unwrap().is_empty());
        let failed = store.failed_messages("s").unwrap();
        assert_eq!(failed.len(), 1);
        assert_eq!(
            failed[0].reason,
            "the daemon stopped 2 times while reading it (killed, out of memory or crashed): set aside unread"
        );
        assert_eq!(store.status("s").unwrap().failed_messages.len(), 1);
        assert!(
            store
                .open_flags("s")
                .unwrap()
                .iter()
                .any(|f| f.message == Some(id) && f.note.contains(&format!("review --retry {id}"))),
            "a flag for the lead"
        );
        assert_eq!(begin(), Begun::Gone, "set aside: not read again");
        // The lead retries it after a fix: a fresh count.
        assert_eq!(store.retry("s", id, "lead", now).unwrap(), Retried::Again);
        assert_eq!(begin(), Begun::Read { deaths: 0 });
        store.end_reading(id).unwrap();
        let left: i64 = store
            .lock()
            .query_row(
                "SELECT unfinished_reads FROM messages WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(left, 0);
        // The count's commit set `synchronous` back to FULL.
        let synchronous: i64 = store
            .lock()
            .query_row("PRAGMA synchronous", [], |r| r.get(0))
            .unwrap();
        assert_eq!(synchronous, 2, "FULL");
    }

    /// The reads of a batch's part are counted as begun in one commit and
    /// as over with its record; a death while the group was read leaves
    /// each of its messages counted once, and each is then read alone, so
    /// that only a second death while it alone was read sets it aside.
    #[test]
    fn a_group_of_reads_is_counted_at_once_and_after_a_death_each_is_read_alone() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("state.db")).unwrap();
        let now = Timestamp::UNIX_EPOCH;
        let ids: Vec<i64> = {
            let conn = store.lock();
            conn.execute(
                "INSERT INTO surveys (id, title, created_at) VALUES ('s', 'S', 0)",
                [],
            )
            .unwrap();
            (1..=3)
                .map(|uid| {
                    conn.execute(
                        "INSERT INTO messages (survey_id, folder, uidvalidity, uid, content_hash, size, raw, received_at)
                         VALUES ('s', 'INBOX', 1, ?1, ?2, 2, X'6869', 0)",
                        rusqlite::params![uid, format!("h{uid}")],
                    )
                    .unwrap();
                    conn.last_insert_rowid()
                })
                .collect()
        };
        let unfinished = || -> Vec<i64> {
            ids.iter()
                .map(|id| {
                    store
                        .lock()
                        .query_row(
                            "SELECT unfinished_reads FROM messages WHERE id = ?1",
                            [id],
                            |r| r.get(0),
                        )
                        .unwrap()
                })
                .collect()
        };
        // Counted together, over with the batch's record.
        assert_eq!(
            store.begin_reading_group("s", &ids).unwrap(),
            vec![GroupBegun::Counted; 3]
        );
        assert_eq!(unfinished(), vec![1, 1, 1]);
        store
            .batch("s", |batch| batch.end_reading_group(&ids))
            .unwrap();
        assert_eq!(unfinished(), vec![0, 0, 0]);
        // Counted again, and the daemon dies while reading the group.
        store.begin_reading_group("s", &ids).unwrap();
        assert_eq!(
            store.begin_reading_group("s", &ids).unwrap(),
            vec![GroupBegun::Alone; 3],
            "after a death, each is read alone"
        );
        assert_eq!(unfinished(), vec![1, 1, 1], "not counted by the group");
        // The first is read alone and the daemon dies again: set aside.
        assert_eq!(
            store.begin_reading("s", ids[0], "Q", now).unwrap(),
            Begun::Read { deaths: 1 }
        );
        assert_eq!(
            store.begin_reading("s", ids[0], "Q", now).unwrap(),
            Begun::SetAside
        );
        // The others are read alone, and their reads end: never set aside.
        for &id in &ids[1..] {
            assert_eq!(
                store.begin_reading("s", id, "Q", now).unwrap(),
                Begun::Read { deaths: 1 }
            );
            store.end_reading(id).unwrap();
        }
        assert_eq!(unfinished()[1..], [1, 1]);
        assert_eq!(
            store.begin_reading_group("s", &ids).unwrap(),
            vec![GroupBegun::Gone, GroupBegun::Alone, GroupBegun::Alone]
        );
        // A group whose record failed counts its reads as over by itself.
        store
            .lock()
            .execute("UPDATE messages SET unfinished_reads = 0", [])
            .unwrap();
        store.begin_reading_group("s", &ids[1..]).unwrap();
        store.end_reading_group(&ids[1..]).unwrap();
        assert_eq!(unfinished()[1..], [0, 0]);
        let synchronous: i64 = store
            .lock()
            .query_row("PRAGMA synchronous", [], |r| r.get(0))
            .unwrap();
        assert_eq!(synchronous, 2, "FULL after the group's light commits");
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

    pub(super) fn store_with_survey() -> (tempfile::TempDir, Store, Survey) {
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
        let people = crate::survey::recipients::load(&survey.recipients_file).unwrap();
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
    fn parts_read_side_by_side_are_recorded_in_order_each_in_its_own_commit() {
        let (_dir, store, survey) = store_with_survey();
        let now = Timestamp::UNIX_EPOCH;
        let count = crate::decide::ingest::BATCH * 2 + 50;
        for uid in 1..=count as u32 {
            let raw = format!("Subject: {uid}\r\n\r\nmessage {uid}\r\n");
            store
                .store_message(&survey.id, &fetched(1, uid, None, raw.as_bytes()), "Q")
                .unwrap();
        }
        let mut handled = Vec::new();
        let mut parts = Vec::new();
        let report = crate::decide::ingest::run_batch_then(
            &store,
            &survey.id,
            count * 2,
            "Q",
            now,
            |message| {
                // Some messages slower than others, so that readers
                // finish out of order.
                if message.id % 7 == 0 {
                    std::thread::sleep(std::time::Duration::from_millis(1));
                }
                Ok(message.id)
            },
            |_, message, read| {
                assert_eq!(read, message.id, "each message recorded with its own read");
                handled.push(message.id);
                Ok(Outcome {
                    file_to: "Done".into(),
                    ..Outcome::default()
                })
            },
            |part| parts.push(part.processed),
        )
        .unwrap();
        assert_eq!(report.processed, count);
        assert_eq!(
            parts,
            [200, 200, 50],
            "one commit a part, reported after it"
        );
        let mut sorted = handled.clone();
        sorted.sort_unstable();
        assert_eq!(handled, sorted, "recorded oldest first");
        assert_eq!(handled.len(), count);
        assert!(store.waiting(&survey.id, count).unwrap().is_empty());
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
        let report = crate::decide::ingest::run_batch(
            &store,
            &survey.id,
            10,
            "Q",
            now,
            |message| Ok(String::from_utf8_lossy(&message.raw).into_owned()),
            |_, _, text| {
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
            },
        )
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
            store
                .message_counts(&survey.id)
                .unwrap()
                .get(&Received::Failed),
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
        let people = crate::survey::recipients::load(&survey.recipients_file).unwrap();
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

    /// Group commit: one commit marks what the server accepted (each at
    /// its own time, an invitation with the bytes that went) and claims the
    /// next batch; a claimed message never handed over goes back as it was;
    /// nothing not accepted is marked sent.
    #[test]
    fn a_batch_is_claimed_and_what_was_accepted_marked_sent_in_one_commit() {
        let (_dir, store, survey) = store_with_survey();
        let at = |s: i64| Timestamp::from_second(s).unwrap();
        for i in 0..5 {
            store
                .queue_requested_report(&survey.id, &format!("r{i}@s"), b"report", at(10))
                .unwrap();
        }
        let first = store
            .claim_batch(&survey.id, "x.test", at(20), &[], Claimable::Any, 3)
            .unwrap();
        assert_eq!(first.len(), 3);
        let accepted: Vec<Accepted> = first[..2]
            .iter()
            .enumerate()
            .map(|(i, c)| Accepted {
                id: c.id,
                at: at(30 + i as i64),
                questionnaire: None,
            })
            .collect();
        let second = store
            .claim_batch(&survey.id, "x.test", at(40), &accepted, Claimable::Any, 3)
            .unwrap();
        assert_eq!(second.len(), 2, "the two left");
        store.release_unsent(&[first[2].id]).unwrap();
        let conn = store.lock();
        let row = |id: i64| -> (String, Option<i64>, i64) {
            conn.query_row(
                "SELECT state, sent_at, attempts FROM outbox WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap()
        };
        assert_eq!(row(first[0].id), ("sent".into(), Some(30), 1));
        assert_eq!(row(first[1].id), ("sent".into(), Some(31), 1));
        assert_eq!(row(first[2].id), ("pending".into(), None, 0));
        assert_eq!(row(second[0].id), ("sending".into(), None, 1));
    }

    /// Migration 0019 (fewer connections) on a database written by the
    /// release before it: `status` shows no lowering; a refusal for too
    /// many connections puts the message back as it was and shows.
    #[test]
    fn a_database_from_before_0019_opens_with_all_connections_then_records_fewer() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.db");
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, 18).unwrap();
        conn.execute(
            "INSERT INTO surveys (id, title, created_at) VALUES ('s', 'S', 0)",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO outbox (survey_id, kind, seq, message_id, state, attempts, next_attempt_at, created_at, bounce_key, body)
             VALUES ('s', 'report', 1, 'report.1@s', 'sending', 1, 0, 0, 'k', x'00')",
            [],
        )
        .unwrap();
        let outbox = conn.last_insert_rowid();
        drop(conn);
        let store = Store::open(&path).unwrap();
        assert!(store.status("s").unwrap().fewer_connections.is_none());
        let said = "432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded";
        store
            .fewer_connections(
                "s",
                outbox,
                (4, 1),
                said,
                Timestamp::from_second(100).unwrap(),
            )
            .unwrap();
        let fewer = store.status("s").unwrap().fewer_connections.unwrap();
        assert_eq!(fewer.times, 1);
        assert_eq!(fewer.last.allowed_at(100), 3);
        assert_eq!(fewer.detail, said);
        let (state, attempts): (String, i64) = store
            .lock()
            .query_row(
                "SELECT state, attempts FROM outbox WHERE id = ?1",
                [outbox],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!((state.as_str(), attempts), ("pending", 0));
    }
}
