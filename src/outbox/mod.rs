//! Sending: an [`Outbox`] is where finished messages go: the SMTP
//! transport ([`SmtpOutbox`]), or `.eml` files for `--dry-run`
//! ([`FileOutbox`]); [`render`] builds the message an outbox row stands
//! for. What takes due rows from the store and hands them to an outbox,
//! with its retries, is the dispatcher ([`crate::run::dispatch`]).

mod file;
pub mod quota;
mod render;
mod smtp;
pub mod throttle;
pub mod verp;

use std::future::Future;

use crate::Result;
use crate::compose::Outgoing;

pub use file::FileOutbox;
pub use render::render;
pub use smtp::SmtpOutbox;

/// Where finished messages go.
pub trait Outbox: Send + Sync + 'static {
    /// Hands one message over. `Err` says whether to try again
    /// ([`Error::is_transient`]).
    fn send(&self, mail: &Outgoing) -> impl Future<Output = Result<()>> + Send;
}
