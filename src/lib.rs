//! `mailsurvey` runs a questionnaire survey entirely by email.
//!
//! The life of a message, and the module for each stage:
//!
//! ```text
//! survey file + recipients ─► invitation ─► outbox (SMTP) ─► doctor's mailbox
//!   survey, recipients,        invitation,   outbox
//!   templates, questionnaire   compose
//!
//! doctor's reply ─► inbox (IMAP) ─► classify ─► match ─► parse ─► store ─► follow-up ─► report
//! ```
//!
//! - [`survey`], [`recipients`], [`templates`]: what the study lead wrote,
//!   checked into types the rest can trust ([`problems`] collects what is
//!   wrong, with file, line and a fix).
//! - [`questionnaire`]: the numbered question block, a contract between the
//!   questionnaire email and the reply parser.
//! - [`token`]: the per-recipient secret that ties a reply to a person.
//! - [`invitation`], [`compose`]: one personalised email per recipient.
//! - [`outbox`]: sending over SMTP (or to `.eml` files), with retries, rate
//!   limit and bounded parallel connections.
//! - [`store`]: durable state in SQLite. Only this module writes SQL.
//! - [`daemon`]: one survey's long-running loop; shutdown is a parameter.
//! - [`service`]: `mailsurvey run` over one survey file or a directory of
//!   them, with signals, reloads and the watchdog; [`notify`] tells systemd;
//!   [`overview`] is `status` over several surveys. A folder, one file per
//!   job: the supervisor (`mod.rs`), `files`, `daemons`, `readers` (one per
//!   mailbox), `accounts` (limits per SMTP account) and `watchdog`.
//! - [`check`]: proves a setup works before anyone is invited.
//! - [`inbox`]: the IMAP mailbox: every message stored before anything else
//!   happens to it, then filed on the server. A folder, one file per job:
//!   the watcher's loop (`mod.rs`), `connection`, `routing` among surveys
//!   sharing a mailbox, `fetching` and `filing`.
//! - [`mime`]: reading a raw message, surviving the parser's own panics.
//! - [`classify`]: reply, auto-reply, bounce, unsubscribe or unrelated.
//! - [`bounce`]: delivery reports as real mail systems write them (what
//!   failed, for whom, hard or soft), and whose state a bounce changes.
//! - [`verp`]: the bounce key of each message in its envelope sender.
//! - [`matching`]: the tokens a message carries, and where (the store looks
//!   them up).
//! - [`authres`]: the trusted mail server's DMARC verdict
//!   (Authentication-Results), read purely from the headers.
//! - [`parse`]: answers from a reply's text, whatever client wrote it.
//! - [`inspect`]: one message through all three, as a stable JSON contract.
//! - [`ingest`]: a stored message through all three into the store, with
//!   the follow-up it calls for, in one transaction.
//! - [`confirmation`]: "was this you?" before what an unverified message
//!   asked for counts; one rule for what confirms.
//! - [`followup`]: receipts, clarifications, opt-out confirmations and the
//!   closed notice.
//! - [`timeline`]: reminders, the close, and the report at the close.
//! - [`retention`]: `mailsurvey purge`: personal data deleted once the
//!   report is sent and `[retention] days` pass; answers kept under
//!   pseudonyms.
//! - [`review`]: what the lead decides by hand (held replies, unclear
//!   answers, withdrawals).
//! - [`shutdown`]: the value that stops the daemon.
//! - [`answer`]: answers as read from replies.
//! - [`privacy`]: files of personal data 0600 in 0700 directories; tokens
//!   out of logs.
//! - [`credentials`]: passwords and OAuth2 tokens from the environment, a
//!   file, a command or a systemd credential; [`oauth`]: signing in with a
//!   token (XOAUTH2, OAUTHBEARER) and explaining a refused one.
//! - [`clock`]: the one place time comes from.
//! - [`report`]: the summary report to the leads, with the data behind it.
#![deny(missing_docs)]

pub mod answer;
pub mod authres;
pub mod bounce;
pub mod check;
pub mod classify;
pub mod cli;
pub mod clock;
pub mod compose;
pub mod confirmation;
pub mod credentials;
pub mod daemon;
pub mod error;
pub mod followup;
#[doc(hidden)]
pub mod fuzzing;
pub mod inbox;
pub mod ingest;
pub mod inspect;
pub mod invitation;
pub mod matching;
pub mod mime;
pub mod notify;
pub mod oauth;
pub mod outbox;
pub mod overview;
pub mod parse;
pub mod privacy;
pub mod problems;
pub mod questionnaire;
pub mod recipients;
pub mod report;
pub mod retention;
pub mod review;
pub mod service;
pub mod shutdown;
pub mod store;
pub mod survey;
pub mod templates;
pub mod timeline;
pub mod tls;
pub mod token;
pub mod verp;

pub use error::{Error, Result};
