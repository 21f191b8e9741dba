//! `mailsurvey` runs a questionnaire survey entirely by email.
//!
//! The life of a message is the layout of this crate, one folder per stage,
//! declared below in the order a message lives them:
//!
//! ```text
//! survey ─► compose ─► outbox ─────────────► doctor's mailbox
//!   (file, list,  (invitation,  (SMTP, VERP;
//!    templates)    token)        connect: TLS, secrets, OAuth2)
//!
//! doctor's reply ─► inbox ─► understand ─► decide ─► follow_up ─► report
//!                   (IMAP)   (classify,     (ingest,   (receipts,    (figures,
//!                             match, parse)  confirm,   clarify,      exports,
//!                                            review)    remind)       retention)
//!
//! store: durable state in SQLite, the only module that writes SQL
//! run:   the daemon, the service, status, check, the clock, shutdown
//! cli:   the thin command line over all of it
//! ```
//!
//! - [`survey`]: what the study lead wrote (the survey file, the recipient
//!   list, templates, the numbered question block), checked into types the
//!   rest can trust; `problems` collects what is wrong with file, line and fix.
//! - [`compose`]: one personalised invitation per recipient, with the token
//!   that ties a reply to a person.
//! - [`connect`]: TLS, secrets and OAuth2 sign-in, shared by both mail servers.
//! - [`outbox`]: sending over SMTP (or to `.eml` files) with retries, rate
//!   limit, bounded connections, and the VERP bounce key of each message.
//! - [`inbox`]: the IMAP mailbox: every message stored before anything else
//!   happens to it, then filed on the server.
//! - [`understand`]: pure reading of one message: kind, bounce, whose it is,
//!   what it answers.
//! - [`decide`]: what a stored message changes, in one transaction, with the
//!   follow-up it calls for; confirmations; the lead's decisions by hand.
//! - [`follow_up`]: receipts, clarifications, confirmations, reminders and
//!   the close.
//! - [`report`]: the summary report to the leads, the data behind it, and
//!   the purge of personal data after it.
//! - [`store`]: durable state in SQLite.
//! - [`run`]: one survey's daemon, the service over many, `status`, `check`,
//!   the clock and shutdown.
//! - [`cli`]: parses arguments, calls the library, prints the result.
//! - [`error`]: the crate's one error type, which says whether to retry.
#![deny(missing_docs)]

// The stages, in the order a message lives them.
pub mod survey;

pub mod compose;

pub mod connect;

pub mod outbox;

pub mod inbox;

pub mod understand;

pub mod decide;

pub mod follow_up;

pub mod report;

// What every stage stands on, and the face over them.
pub mod store;

pub mod run;

pub mod cli;

pub mod error;

#[cfg(test)]
mod test_support;

pub use error::{Error, Result};
