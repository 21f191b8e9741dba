//! Running a survey: one survey's long-running loop ([`daemon`]), the
//! dispatcher that drains its outbox ([`dispatch`]), the
//! service over one file or a directory ([`service`]) with systemd
//! ([`notify`]), `status` over several surveys ([`overview`]), proving a
//! setup works ([`check`]), the one clock ([`clock`]), the value that stops
//! it all ([`shutdown`]), keeping personal data private ([`privacy`]) and
//! the lead's decisions by hand against the store ([`review`]).

pub mod check;
pub mod clock;
pub mod commands;
pub mod daemon;
pub mod dispatch;
pub mod list;
pub mod notify;
pub mod overview;
pub mod privacy;
pub mod review;
pub mod service;
pub mod shutdown;
