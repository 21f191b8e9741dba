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
    Invalid(crate::problems::Problems),

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
            _ => false,
        }
    }

    /// Should the operation be given up and the reason recorded?
    pub fn is_permanent(&self) -> bool {
        !self.is_transient()
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
            Error::Store(err) => matches!(
                err.sqlite_error_code(),
                Some(
                    rusqlite::ErrorCode::DiskFull
                        | rusqlite::ErrorCode::ReadOnly
                        | rusqlite::ErrorCode::CannotOpen
                        | rusqlite::ErrorCode::PermissionDenied
                        | rusqlite::ErrorCode::SystemIoFailure
                )
            ),
            _ => false,
        }
    }
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
