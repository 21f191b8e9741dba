//! Opening the database: its file's mode and owner, the schema brought up
//! to date by numbered migrations, the survey's row, and an online copy
//! (`backup`).

use std::path::Path;
use std::sync::{Arc, Mutex};

use jiff::Timestamp;
use rusqlite::{Connection, params};
use rusqlite_migration::{M, Migrations};

use super::{BUSY_TIMEOUT, LockWatch, Store, cached};
use crate::survey::Survey;
use crate::{Error, Result};

/// The schema, one numbered SQL file per step, applied at open.
pub(super) fn migrations() -> Migrations<'static> {
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
        M::up(include_str!("0013_cancel_reason.sql")),
        M::up(include_str!("0014_sending_pauses.sql")),
        M::up(include_str!("0015_confirmation_shows.sql")),
        M::up(include_str!("0016_set_aside.sql")),
        M::up(include_str!("0017_unfinished_reads.sql")),
        M::up(include_str!("0018_digests.sql")),
        M::up(include_str!("0019_fewer_connections.sql")),
        M::up(include_str!("0020_counting_indexes.sql")),
        M::up(include_str!("0021_counted_answers.sql")),
        M::up(include_str!("0022_list_reads.sql")),
        M::up(include_str!("0023_silent_in_order.sql")),
        M::up(include_str!("0024_answers_first.sql")),
        M::up(include_str!("0025_fewer_index_writes.sql")),
        // Rebuilds the outbox: with foreign keys off (see `migrate`),
        // checked before its commit.
        M::up(include_str!("0026_message_id_when_claimed.sql")).foreign_key_check(),
        M::up(include_str!("0027_first_answers.sql")),
        M::up(include_str!("0028_answers_first_dropped.sql")),
        M::up(include_str!("0029_answers_by_recipient_dropped.sql")),
    ])
}

/// Brings the schema up to date. Two processes opening a new store at once
/// (the daemon and `status`) race to migrate; the loser finds the work done.
/// Foreign keys are off while it runs (on again after, whatever happened):
/// a migration that rebuilds a table other tables refer to (0026) must
/// drop the old one without SQLite deleting, or refusing to delete, the
/// rows that refer to it; such a migration checks every reference before
/// its commit (`foreign_key_check`).
fn migrate(conn: &mut Connection) -> Result<()> {
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    let done = migrate_unchecked(conn);
    conn.pragma_update(None, "foreign_keys", "ON")?;
    done
}

/// [`migrate`], with foreign keys as the caller set them.
fn migrate_unchecked(conn: &mut Connection) -> Result<()> {
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
        if let Some(mode) = crate::run::privacy::prepare_database(path)? {
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
        // Foreign keys are on once the schema is up to date (`migrate`).
        // Every transaction here may write: take the write lock when it
        // begins, so it waits (up to the busy timeout) for a CLI command's
        // commit instead of failing at once with "database is locked" when
        // a read must upgrade.
        conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
        migrate(&mut conn)?;
        let readers = (0..readers_wanted())
            .map(|_| {
                let reader = Connection::open(path)?;
                reader.busy_timeout(BUSY_TIMEOUT)?;
                reader.set_prepared_statement_cache_capacity(cached::CAPACITY);
                reader.pragma_update(None, "query_only", "ON")?;
                Ok(Mutex::new(reader))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Store {
            conn: Arc::new(Mutex::new(conn)),
            readers: Some(readers.into()),
            lock_watch: Arc::new(LockWatch::new(path)),
        })
    }

    /// The wait on another process's lock on this database, shared by
    /// every clone of this handle.
    pub fn lock_watch(&self) -> &LockWatch {
        &self.lock_watch
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

    /// An in-memory copy of this database, for `send --dry-run`: the same
    /// survey, recipients and queue, on which the dispatcher claims and
    /// marks mail exactly as it does for real, while nothing written to it
    /// reaches the file. It is gone with its last handle.
    pub fn scratch_copy(&self) -> Result<Store> {
        let mut copy = Connection::open_in_memory()?;
        {
            let source = self.lock();
            let backup = rusqlite::backup::Backup::new(&source, &mut copy)?;
            backup.run_to_completion(i32::MAX, std::time::Duration::ZERO, None)?;
        }
        copy.set_prepared_statement_cache_capacity(cached::CAPACITY);
        copy.pragma_update(None, "foreign_keys", "ON")?;
        copy.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
        Ok(Store {
            conn: Arc::new(Mutex::new(copy)),
            readers: None,
            lock_watch: Arc::new(LockWatch::new(Path::new(":memory:"))),
        })
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
}

/// How large a statement journal grows in memory before SQLite writes it
/// to a temporary file (SQLite's default: 64 KiB). A batch records each
/// message under a savepoint of its own (`Store::batch`), and the pages a
/// message changes are copied into this journal first, so that the message
/// alone can be undone: 30 to 40 pages a reply, past 64 KiB for nearly
/// every one. Spilled, each copy was a write to a temporary file, a
/// quarter of the recording thread's time in the reading benchmark
/// (issue 23). In memory, the journal is emptied when each message's
/// savepoint is released; one statement or savepoint that changes more
/// than this still spills to a file. Nothing durable depends on it: the
/// WAL, not this journal, makes a commit survive a crash.
pub const STATEMENT_JOURNAL_IN_MEMORY: i32 = 512 << 10;

/// Sets SQLite's process-wide options: [`STATEMENT_JOURNAL_IN_MEMORY`],
/// and no count of the memory SQLite holds (nothing here reads it; SQLite
/// recommends it off for speed): the count is kept under one mutex for
/// the whole process, taken at every allocation of every connection, and
/// the threads reading a batch's part on connections of their own waited
/// for one another there (about 1% of the daemon's samples reading 10,000
/// replies; the page cache's own mutex, about 3% more, stays). Must run
/// before SQLite's first use in the process (it is ignored after, and
/// that is only slower); `main` calls it first thing.
pub fn configure_sqlite() {
    use rusqlite::ffi::{SQLITE_CONFIG_MEMSTATUS, SQLITE_CONFIG_STMTJRNL_SPILL, sqlite3_config};
    for (option, value) in [
        (SQLITE_CONFIG_STMTJRNL_SPILL, STATEMENT_JOURNAL_IN_MEMORY),
        (SQLITE_CONFIG_MEMSTATUS, 0),
    ] {
        // SAFETY: sqlite3_config with an option that takes one int, called
        // before any connection is opened (SQLite returns SQLITE_MISUSE and
        // changes nothing if it is already initialised).
        let done = unsafe { sqlite3_config(option, value) };
        if done != rusqlite::ffi::SQLITE_OK {
            tracing::debug!(
                option,
                code = done,
                "SQLite already in use: its default kept"
            );
        }
    }
}

/// How many reading connections a store opens: one for each thread that
/// reads a batch's messages at once (`decide::cores`: the machine's cores,
/// at most four).
pub(super) fn readers_wanted() -> usize {
    std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 4)
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
