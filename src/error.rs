//! The crate's one error type. Its methods answer the caller's question:
//! try again later, or give up and record why?

use std::path::PathBuf;

/// Everything that can go wrong in `mailsurvey`, by what the caller must do
/// about it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The survey file, the recipient list or a template is wrong; the
    /// message lists every problem with file, line and a fix.
    #[error("{0}")]
    Invalid(crate::survey::problems::Problems),

    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file in question.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },

    /// The durable store failed; nothing after this point may act.
    #[error("store: {0}")]
    Store(#[from] rusqlite::Error),

    /// The store's database file needs the operator: its disk is full, it
    /// is read-only, or it cannot be opened or written. Named with the
    /// file so that the operator knows what to fix; the daemon retries by
    /// itself, so work resumes once it is fixed.
    #[error("{}", database_message(path, source))]
    Database {
        /// The database file.
        path: PathBuf,
        /// What SQLite said.
        source: rusqlite::Error,
    },

    /// Another process holds the database's lock longer than one store
    /// operation waits for it ([`crate::store::BUSY_TIMEOUT`]): named with
    /// the file and, when the system says, the process holding it. It
    /// goes away when that process lets go; the daemon waits and retries.
    #[error("{}", locked_message(path, holder.as_ref(), source))]
    Locked {
        /// The database file.
        path: PathBuf,
        /// Who holds the lock, when the system's lock table says.
        holder: Option<crate::store::LockHolder>,
        /// What SQLite said.
        source: rusqlite::Error,
    },

    /// A stored row could not be read back as what it must be (a word the
    /// program does not know, a value that does not decode): never read
    /// as a default, because a wrong answer counted is worse than none.
    #[error("store: {table} row {row}: {detail}")]
    Decode {
        /// The table.
        table: &'static str,
        /// The row id.
        row: i64,
        /// What was wrong.
        detail: String,
    },

    /// The store's schema could not be brought up to date.
    #[error("store migration: {0}")]
    Migration(#[from] rusqlite_migration::Error),

    /// A secret (password or token) could not be obtained.
    #[error("credentials: {0}")]
    Credentials(String),

    /// Sending failed; `transient` says whether a later attempt may succeed.
    #[error("smtp: {message}")]
    Smtp {
        /// The server's reply or the network error, for the record.
        message: String,
        /// 4xx replies and network errors are transient; 5xx are permanent.
        transient: bool,
    },

    /// Reading the inbox failed.
    #[error("imap: {0}")]
    Imap(String),

    /// TLS could not be set up (bad CA file, refused certificate).
    #[error("tls: {0}")]
    Tls(String),

    /// A message could not be built (bad address, template error).
    #[error("message: {0}")]
    Message(String),

    /// Anything else, with its explanation.
    #[error("{0}")]
    Other(String),
}

impl Error {
    /// Is a later attempt at the same operation likely to succeed?
    pub fn is_transient(&self) -> bool {
        match self {
            Error::Smtp { transient, .. } => *transient,
            Error::Imap(_) => true,
            Error::Io { source, .. } => io_is_transient(source),
            Error::Store(err) => store_is_busy(err),
            Error::Locked { .. } => true,
            _ => false,
        }
    }

    /// Should the operation be given up and the reason recorded?
    pub fn is_permanent(&self) -> bool {
        !self.is_transient()
    }

    /// Names the database file in a store error that needs the operator
    /// (disk full, read-only, permission denied, I/O failure), and the file
    /// and the process holding it in a lock that outlasted the wait:
    /// SQLite's own words ("database or disk is full", "database is
    /// locked") say neither which file nor what to do. Any other error is
    /// returned as it was.
    pub fn at_database(self, path: &std::path::Path) -> Self {
        match self {
            Error::Store(source) if store_needs_operator(&source) => Error::Database {
                path: path.to_owned(),
                source,
            },
            Error::Store(source) if store_is_busy(&source) => Error::Locked {
                path: path.to_owned(),
                holder: crate::store::lock::holder(path),
                source,
            },
            other => other,
        }
    }

    /// Did the work give up on another process's lock on the database?
    pub fn is_locked(&self) -> bool {
        match self {
            Error::Store(err) => store_is_busy(err),
            Error::Locked { .. } => true,
            _ => false,
        }
    }

    /// Did the durable store (not the network, not a file of the survey's)
    /// fail? The inbox says so rather than blaming its connection.
    pub fn is_store(&self) -> bool {
        matches!(
            self,
            Error::Store(_)
                | Error::Database { .. }
                | Error::Locked { .. }
                | Error::Decode { .. }
                | Error::Migration(_)
        )
    }

    /// An [`Error::Io`] for `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// Whether an IO error may go away by itself. A full disk, a read-only
/// file system or a permission problem needs the operator; retrying it
/// silently would hide it.
fn io_is_transient(err: &std::io::Error) -> bool {
    use std::io::ErrorKind as K;
    !matches!(
        err.kind(),
        K::PermissionDenied
            | K::NotFound
            | K::StorageFull
            | K::ReadOnlyFilesystem
            | K::QuotaExceeded
            | K::FileTooLarge
            | K::InvalidInput
            | K::InvalidData
            | K::Unsupported
            | K::IsADirectory
            | K::NotADirectory
    )
}

/// SQLite's busy and locked: another process (a CLI command) holds the
/// write lock longer than the busy timeout. It will let go.
fn store_is_busy(err: &rusqlite::Error) -> bool {
    matches!(
        err.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

impl Error {
    /// Needs the operator: a full disk, a read-only file system, a
    /// permission denied, in a file or in the store. Retried with a bounded
    /// backoff, and said loudly each time.
    pub fn needs_operator(&self) -> bool {
        match self {
            Error::Io { source, .. } => !io_is_transient(source),
            Error::Store(err) => store_needs_operator(err),
            Error::Database { .. } => true,
            _ => false,
        }
    }
}

/// SQLite errors that only the operator can mend: the disk, the file
/// system or the file's permissions.
fn store_needs_operator(err: &rusqlite::Error) -> bool {
    matches!(
        err.sqlite_error_code(),
        Some(
            rusqlite::ErrorCode::DiskFull
                | rusqlite::ErrorCode::ReadOnly
                | rusqlite::ErrorCode::CannotOpen
                | rusqlite::ErrorCode::PermissionDenied
                | rusqlite::ErrorCode::SystemIoFailure
        )
    )
}

/// What [`Error::Database`] says: the file, what is wrong with it, what to
/// do, and SQLite's own words last.
fn database_message(path: &std::path::Path, source: &rusqlite::Error) -> String {
    let path = path.display();
    let what = match source.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DiskFull) => {
            format!("the disk holding the database {path} is full: free space on it")
        }
        Some(rusqlite::ErrorCode::ReadOnly) => format!(
            "the database {path} is read-only: mount its disk writable and let the daemon's user write the file and its folder"
        ),
        Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::PermissionDenied) => format!(
            "the database {path} cannot be opened or written: check that its folder exists and that the daemon's user may write the file and the folder"
        ),
        _ => format!(
            "the disk holding the database {path} failed to read or write: check it (full, unmounted, read-only, failing?)"
        ),
    };
    format!("store: {what}; work resumes by itself once fixed (sqlite: {source})")
}

/// What [`Error::Locked`] says: the file, who holds it, that we gave up
/// waiting, what to do, and SQLite's own words last.
fn locked_message(
    path: &std::path::Path,
    holder: Option<&crate::store::LockHolder>,
    source: &rusqlite::Error,
) -> String {
    format!(
        "store: the database {} is locked by another process: {}; gave up after waiting {} s for it. Try again once it lets go (end that transaction, or let the backup finish); a running daemon waits and goes on by itself (sqlite: {source})",
        path.display(),
        crate::store::lock::describe(holder),
        crate::store::BUSY_TIMEOUT.as_secs()
    )
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn sqlite(code: std::ffi::c_int) -> Error {
        Error::Store(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(code),
            None,
        ))
    }

    #[test]
    fn a_full_disk_names_the_database_and_what_to_do() {
        let err = sqlite(rusqlite::ffi::SQLITE_FULL).at_database(Path::new("/srv/x/state.db"));
        let said = err.to_string();
        assert!(said.contains("/srv/x/state.db"), "{said}");
        assert!(said.contains("disk holding the database"), "{said}");
        assert!(said.contains("is full: free space"), "{said}");
        assert!(said.contains("resumes by itself"), "{said}");
        assert!(err.needs_operator() && err.is_store() && !err.is_transient());
    }

    #[test]
    fn a_read_only_or_forbidden_database_is_named_too() {
        for code in [
            rusqlite::ffi::SQLITE_READONLY,
            rusqlite::ffi::SQLITE_CANTOPEN,
            rusqlite::ffi::SQLITE_PERM,
            rusqlite::ffi::SQLITE_IOERR,
        ] {
            let err = sqlite(code).at_database(Path::new("/srv/x/state.db"));
            assert!(matches!(err, Error::Database { .. }), "{code}: {err}");
            assert!(err.to_string().contains("/srv/x/state.db"), "{err}");
            assert!(err.needs_operator());
        }
    }

    #[test]
    fn a_locked_database_is_named_with_its_holder_and_stays_transient() {
        for code in [rusqlite::ffi::SQLITE_BUSY, rusqlite::ffi::SQLITE_LOCKED] {
            let err = sqlite(code).at_database(Path::new("/srv/x/state.db"));
            assert!(matches!(err, Error::Locked { .. }), "{code}: {err}");
            assert!(err.is_transient() && err.is_locked() && err.is_store());
            assert!(!err.needs_operator());
            let said = err.to_string();
            assert!(
                said.contains("/srv/x/state.db is locked by another process"),
                "{said}"
            );
            assert!(said.contains("gave up after waiting 10 s"), "{said}");
            assert!(said.contains("Try again once it lets go"), "{said}");
        }
    }

    #[test]
    fn other_store_errors_stay_as_they_were() {
        let imap = Error::Imap("gone".into()).at_database(Path::new("/x.db"));
        assert!(matches!(imap, Error::Imap(_)) && !imap.is_store());
    }
}
