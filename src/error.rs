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
            Error::Imap(_) | Error::Io { .. } => true,
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

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
