//! The database locked by another process: who holds it, and saying so
//! once. SQLite's own words ("database is locked") say neither who holds
//! the lock nor what to do; an operator needs both. The holder is read
//! from the kernel's table of file locks (`/proc/locks`, Linux), where
//! SQLite's POSIX locks show with the holding process: the write lock of a
//! WAL database is byte 120 of its `-shm` file, and a holder in exclusive
//! locking mode (or a rollback journal) holds a write lock on the file
//! itself. Elsewhere the holder is simply not named.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long one store operation waits for another process's lock before
/// it fails (SQLite's busy timeout, set when the store is opened).
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// How long the daemon pauses after a store operation gave up on the lock,
/// before it tries again (and waits up to [`BUSY_TIMEOUT`] once more).
pub const RETRY_PAUSE: Duration = Duration::from_secs(1);

/// A process holding the database's write lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockHolder {
    /// Its process id.
    pub pid: u32,
    /// Its command name (`/proc/PID/comm`), empty when unreadable.
    pub command: String,
    /// What kind of process that is, for the advice.
    pub kind: HolderKind,
}

/// The kinds of lock holder the advice differs for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HolderKind {
    /// Another `mailsurvey` process: a CLI command, or a second daemon on
    /// the same database.
    Mailsurvey,
    /// The `sqlite3` shell: an open transaction, or a `.backup`.
    Sqlite3Shell,
    /// Anything else (a backup tool, a script).
    Other,
}

impl HolderKind {
    /// The kind of a process from its command name.
    pub fn of(command: &str) -> Self {
        match command {
            "mailsurvey" => HolderKind::Mailsurvey,
            "sqlite3" => HolderKind::Sqlite3Shell,
            _ => HolderKind::Other,
        }
    }
}

impl std::fmt::Display for LockHolder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let command = if self.command.is_empty() {
            "command unknown"
        } else {
            &self.command
        };
        match self.kind {
            HolderKind::Mailsurvey => write!(
                f,
                "process {} ({command}: another mailsurvey command, or a second daemon on this database?)",
                self.pid
            ),
            HolderKind::Sqlite3Shell => write!(
                f,
                "process {} ({command}: a sqlite3 shell holding a transaction open, or a .backup?)",
                self.pid
            ),
            HolderKind::Other => write!(
                f,
                "process {} ({command}: a backup, or a script holding a transaction open?)",
                self.pid
            ),
        }
    }
}

/// Who holds the write lock on the database at `path` now, if the
/// kernel's lock table says (Linux) and it is not this process.
pub fn holder(path: &Path) -> Option<LockHolder> {
    let table = std::fs::read_to_string("/proc/locks").ok()?;
    let file_id = |p: &Path| {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(p).ok().map(|m| FileId {
            major: linux_major(m.dev()),
            minor: linux_minor(m.dev()),
            inode: m.ino(),
        })
    };
    let database = file_id(path)?;
    let mut shm = path.as_os_str().to_owned();
    shm.push("-shm");
    let shm = file_id(Path::new(&shm));
    let pid = writer(&table, database, shm, std::process::id())?;
    let command = std::fs::read_to_string(format!("/proc/{pid}/comm"))
        .map(|c| c.trim().to_owned())
        .unwrap_or_default();
    Some(LockHolder {
        pid,
        kind: HolderKind::of(&command),
        command,
    })
}

/// Another process holding the write lock for a while: `status` asks, so
/// that a lock that stops the daemon from recording shows while it lasts.
/// The same holder seen throughout [`LASTING`] (looked at every 100 ms);
/// a `mailsurvey` holder is the daemon's own work (a batch may hold the
/// lock for seconds) and is not reported.
pub fn lasting_holder(path: &Path) -> Option<LockHolder> {
    let first = holder(path).filter(|h| h.kind != HolderKind::Mailsurvey)?;
    let step = Duration::from_millis(100);
    let mut looked = Duration::ZERO;
    while looked < LASTING {
        std::thread::sleep(step);
        looked += step;
        if holder(path).is_none_or(|h| h.pid != first.pid) {
            return None;
        }
    }
    Some(first)
}

/// How long a holder must keep the lock for [`lasting_holder`].
pub const LASTING: Duration = Duration::from_secs(2);

/// A file as the kernel's lock table names it: device and inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileId {
    major: u64,
    minor: u64,
    inode: u64,
}

/// The byte of a WAL database's `-shm` file whose lock is the write lock
/// (SQLite's `WALINDEX_LOCK_OFFSET` + `WAL_WRITE_LOCK`).
const WAL_WRITE_LOCK_BYTE: u64 = 120;

/// The process (not `own`) that holds the write lock, from the text of
/// `/proc/locks`: an exclusive POSIX lock on the `-shm` file's write-lock
/// byte, or any exclusive POSIX lock on the database file itself (SQLite
/// takes those only to write: a reserved, pending or exclusive lock).
/// Blocked requests (`->`) hold nothing and are skipped.
fn writer(table: &str, database: FileId, shm: Option<FileId>, own: u32) -> Option<u32> {
    table.lines().find_map(|line| {
        let fields: Vec<&str> = line.split_whitespace().collect();
        // "13: POSIX  ADVISORY  WRITE 24864 fe:00:10010724 1073741826 1073742335"
        let [_, "POSIX", _, "WRITE", pid, file, start, end] = fields.as_slice() else {
            return None;
        };
        let pid: u32 = pid.parse().ok()?;
        if pid == own {
            return None;
        }
        let mut parts = file.split(':');
        let id = FileId {
            major: u64::from_str_radix(parts.next()?, 16).ok()?,
            minor: u64::from_str_radix(parts.next()?, 16).ok()?,
            inode: parts.next()?.parse().ok()?,
        };
        let start: u64 = start.parse().ok()?;
        let end: u64 = if *end == "EOF" {
            u64::MAX
        } else {
            end.parse().ok()?
        };
        let on_shm = Some(id) == shm && (start..=end).contains(&WAL_WRITE_LOCK_BYTE);
        (id == database || on_shm).then_some(pid)
    })
}

/// The major number of a Linux `dev_t`, as `/proc/locks` prints it.
fn linux_major(dev: u64) -> u64 {
    ((dev >> 8) & 0xfff) | ((dev >> 32) & !0xfff)
}

/// The minor number of a Linux `dev_t`.
fn linux_minor(dev: u64) -> u64 {
    (dev & 0xff) | ((dev >> 12) & !0xff)
}

/// A wait on another process's lock, shared by everything that uses one
/// store (the daemon's turns, the inbox thread, several surveys): the
/// wait is said once when it starts, and once when it ends with how long
/// it lasted, not at every retry.
#[derive(Debug)]
pub struct LockWatch {
    path: PathBuf,
    since: Mutex<Option<Instant>>,
}

impl LockWatch {
    /// A watch on the database at `path`, not waiting.
    pub fn new(path: &Path) -> Self {
        LockWatch {
            path: path.to_owned(),
            since: Mutex::new(None),
        }
    }

    /// Work on the store gave up on another process's lock (`err`, what
    /// it failed with): the first time in a wait, says who holds the lock
    /// and that the daemon waits; later retries only at debug level.
    /// `who` is the part of the daemon that waits; `began`, when the work
    /// that failed began (the wait started at most then).
    pub fn waiting(&self, err: &crate::Error, who: &str, began: Instant) {
        let mut since = self.since.lock().unwrap_or_else(|p| p.into_inner());
        if since.is_some() {
            tracing::debug!(database = %self.path.display(), who, error = %err, "the database is still locked; trying again");
            return;
        }
        *since = Some(began);
        let holder = match err {
            crate::Error::Locked { holder, .. } => holder.clone(),
            _ => holder(&self.path),
        };
        tracing::warn!(
            database = %self.path.display(),
            holder_pid = holder.as_ref().map(|h| h.pid),
            who,
            "{}",
            waiting_message(&self.path, holder.as_ref())
        );
    }

    /// Work on the store succeeded: if it had been waiting, says how long.
    pub fn resumed(&self) {
        let started = self.since.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(started) = started {
            let waited = started.elapsed();
            tracing::info!(
                database = %self.path.display(),
                waited_s = waited.as_secs(),
                "the database {} is free again after a wait of {} s; work goes on",
                self.path.display(),
                waited.as_secs()
            );
        }
    }

    /// How long the current wait has lasted, if the store is waiting.
    pub fn waiting_for(&self) -> Option<Duration> {
        self.since
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .map(|since| since.elapsed())
    }
}

/// What the daemon says when a wait on the lock starts.
pub fn waiting_message(path: &Path, holder: Option<&LockHolder>) -> String {
    format!(
        "the database {} is locked by another process: {}; nothing can be recorded until it lets go. Waiting, retrying every {} s; work goes on by itself once the lock is released",
        path.display(),
        describe(holder),
        (BUSY_TIMEOUT + RETRY_PAUSE).as_secs()
    )
}

/// The holder, or what it usually is when the lock table does not say.
pub fn describe(holder: Option<&LockHolder>) -> String {
    holder.map_or_else(
        || "a backup, or a sqlite3 shell holding a transaction open? (this system does not say which process)".to_owned(),
        LockHolder::to_string,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const DB: FileId = FileId {
        major: 0xfe,
        minor: 0,
        inode: 10010724,
    };
    const SHM: FileId = FileId {
        major: 0xfe,
        minor: 0,
        inode: 10010732,
    };

    #[test]
    fn the_wal_writer_is_the_write_lock_on_the_shm_byte_120() {
        // Read from a real table while a python sqlite3 connection held
        // BEGIN EXCLUSIVE on a WAL database, beside other processes' locks.
        let table = "\
1: FLOCK  ADVISORY  WRITE 24076 fe:00:5603363 0 EOF
6: -> FLOCK  ADVISORY  WRITE 19597 fe:00:737299 0 EOF
10: POSIX  ADVISORY  WRITE 24195 fe:00:10010732 120 120
11: POSIX  ADVISORY  READ 24195 fe:00:10010732 123 123
12: POSIX  ADVISORY  READ 24195 fe:00:10010732 128 128
13: POSIX  ADVISORY  READ 24195 fe:00:10010724 1073741826 1073742335
";
        assert_eq!(writer(table, DB, Some(SHM), 1), Some(24195));
        // Our own lock is not another process's.
        assert_eq!(writer(table, DB, Some(SHM), 24195), None);
    }

    #[test]
    fn readers_and_other_files_hold_no_write_lock() {
        let table = "\
11: POSIX  ADVISORY  READ 24195 fe:00:10010732 123 123
12: POSIX  ADVISORY  READ 24195 fe:00:10010732 128 128
13: POSIX  ADVISORY  READ 24195 fe:00:10010724 1073741826 1073742335
14: POSIX  ADVISORY  WRITE 777 fe:00:99 120 120
15: POSIX  ADVISORY  WRITE 778 fe:01:10010732 120 120
16: POSIX  ADVISORY  WRITE 779 fe:00:10010732 121 121
17: -> POSIX  ADVISORY  WRITE 780 fe:00:10010732 120 120
";
        assert_eq!(writer(table, DB, Some(SHM), 1), None);
    }

    #[test]
    fn an_exclusive_mode_holder_locks_the_database_file_itself() {
        // PRAGMA locking_mode = EXCLUSIVE: no -shm file; write locks on
        // the pending byte and the shared range of the database file.
        let table = "\
13: POSIX  ADVISORY  WRITE 24864 fe:00:10010724 1073741826 1073742335
14: POSIX  ADVISORY  WRITE 24864 fe:00:10010724 1073741824 1073741824
";
        assert_eq!(writer(table, DB, None, 1), Some(24864));
    }

    #[test]
    fn the_holder_and_the_advice_name_the_kind_of_process() {
        let holder = |command: &str| LockHolder {
            pid: 42,
            command: command.into(),
            kind: HolderKind::of(command),
        };
        assert!(holder("sqlite3").to_string().contains("sqlite3 shell"));
        assert!(
            holder("mailsurvey")
                .to_string()
                .contains("another mailsurvey command")
        );
        assert!(
            holder("restic")
                .to_string()
                .starts_with("process 42 (restic")
        );
        let said = waiting_message(Path::new("/srv/s/state.db"), None);
        assert!(said.contains("/srv/s/state.db is locked by another process"));
        assert!(said.contains("a backup, or a sqlite3 shell"));
        assert!(said.contains("retrying every 11 s"), "{said}");
    }

    #[test]
    fn a_wait_is_said_once_and_its_end_says_how_long() {
        let watch = LockWatch::new(Path::new("/nonexistent/state.db"));
        assert_eq!(watch.waiting_for(), None);
        let err = crate::Error::Other("database is locked".into());
        let began = Instant::now() - Duration::from_secs(10);
        watch.waiting(&err, "test", began);
        let first = watch.waiting_for().expect("waiting");
        assert!(
            first >= Duration::from_secs(10),
            "counted from when the work began"
        );
        watch.waiting(&err, "test", Instant::now());
        assert!(
            watch.waiting_for().expect("still waiting") >= first,
            "the first start stays"
        );
        watch.resumed();
        assert_eq!(watch.waiting_for(), None);
    }

    #[test]
    fn dev_t_splits_as_the_kernel_prints_it() {
        // makedev(0xfe, 0) and makedev(259, 70000).
        assert_eq!((linux_major(0xfe00), linux_minor(0xfe00)), (0xfe, 0));
        let (major, minor) = (259u64, 70000u64);
        let dev = ((major & 0xfff) << 8)
            | ((major & !0xfff) << 32)
            | (minor & 0xff)
            | ((minor & !0xff) << 12);
        assert_eq!((linux_major(dev), linux_minor(dev)), (259, 70000));
    }
}
