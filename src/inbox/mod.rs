//! The mailbox the daemon reads, over IMAP (the `imap` crate, blocking:
//! callers run it off the async runtime). This file is the watcher: the
//! thread that reads one mailbox for every survey that shares it, with its
//! loop (connect, fetch, file, wait in IDLE), its backoff, and its restart
//! when it dies. Each of its jobs has a file of its own, so each can be read
//! alone:
//!
//! - `connection`: the socket, TLS, login (password or OAuth2), what the
//!   server can do, IDLE;
//! - `naming`: folder paths as the server names them (separator,
//!   namespace, modified UTF-7);
//! - `routing`: which of the surveys sharing a mailbox a message goes to;
//! - `fetching`: new mail fetched in bounded batches and stored first;
//! - `filing`: processed mail moved to its folders, refusals reported.

use std::net::TcpStream;
use std::sync::Arc;
use std::time::Duration;

mod connection;
mod fetching;
mod filing;
mod health;
pub mod naming;
mod routing;
mod wake;

pub use connection::{Abilities, Session, Stream, connect, idle, learn, select};
pub use health::Health;
pub use routing::{Routed, route};
pub use wake::Wake;

use crate::Result;
use connection::{connect_on, tcp};
use filing::{Filing, ensure_folder};

/// The longest one IDLE lasts, so that shutdown stays bounded (far below
/// the 29 minutes of RFC 2177).
const MAX_IDLE: Duration = Duration::from_secs(20);

/// Reads the survey's mailbox in a thread of its own: files what has been
/// processed, stores what is new (committing before anything else happens
/// to it), tells the daemon, then waits in IDLE (or sleeps, when the server
/// has no IDLE). Reconnects with backoff when the server goes away.
#[derive(Clone)]
pub struct Watcher {
    /// The survey whose mailbox this is.
    pub survey: Arc<crate::survey::Survey>,
    /// Where messages are stored.
    pub store: crate::store::Store,
    /// Woken when new messages are stored.
    pub notify: Arc<tokio::sync::Notify>,
    /// Asks the watcher to stop.
    pub shutdown: crate::run::shutdown::Shutdown,
    /// Woken by the daemon when there is something to file; it ends a
    /// wait in IDLE at once (with DONE).
    pub wake: Arc<Wake>,
    /// The current connection's socket, so that shutdown can interrupt an
    /// IDLE wait at once.
    pub socket: Arc<std::sync::Mutex<Option<TcpStream>>>,
    /// Where the watcher says whether it can read the mailbox.
    pub health: Arc<Health>,
    /// Every survey reading this mailbox, when several do (the service
    /// keeps the list up to date across reloads); `None`: only `survey`.
    pub members: Option<Arc<std::sync::Mutex<Vec<Member>>>>,
}

/// A survey reading a mailbox that other surveys read too. One watcher
/// reads it for all of them: it stores each message once per survey that
/// can claim it, and files it only when every one of them has decided.
#[derive(Clone)]
pub struct Member {
    /// The survey.
    pub survey: Arc<crate::survey::Survey>,
    /// Its store.
    pub store: crate::store::Store,
    /// Woken when a message is stored for it.
    pub notify: Arc<tokio::sync::Notify>,
}

/// Ends a watcher's wait at once: closes the reading half of its socket,
/// so a blocked IDLE returns, while the writing half stays open for DONE
/// and LOGOUT (the watcher logs out on its way out). Call after triggering
/// shutdown.
pub fn interrupt(socket: &std::sync::Mutex<Option<TcpStream>>) {
    if let Some(socket) = socket.lock().expect("socket lock").as_ref() {
        let _ = socket.shutdown(std::net::Shutdown::Read);
    }
}

/// A watcher's thread, which the daemon checks on each turn: a thread that
/// died (a panic) is reported and started again.
pub struct Running {
    watcher: Watcher,
    handle: std::thread::JoinHandle<()>,
}

impl Running {
    /// If the thread has died while it should run, says why and starts
    /// another.
    pub fn restart_if_dead(&mut self, shutdown: &crate::run::shutdown::Shutdown) {
        if !self.handle.is_finished() || shutdown.is_triggered() {
            return;
        }
        let fresh = self.watcher.clone().spawn();
        let dead = std::mem::replace(self, fresh);
        let why = match dead.handle.join() {
            Ok(()) => "it returned".to_owned(),
            Err(panic) => panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "it panicked".into()),
        };
        tracing::error!(survey = %self.watcher.survey.id, cause = %crate::report::shown::logged(&why), "inbox: the reading thread died; started it again");
    }

    /// Waits for the thread to end (after shutdown).
    pub fn join(self) {
        let _ = self.handle.join();
    }
}

impl Watcher {
    /// Starts the watcher in a thread of its own.
    pub fn spawn(self) -> Running {
        let watcher = self.clone();
        let handle = std::thread::Builder::new()
            .name(format!("inbox-{}", self.survey.id))
            .spawn(move || watcher.run())
            .expect("a thread starts");
        Running {
            watcher: self,
            handle,
        }
    }

    /// Runs until shutdown.
    pub fn run(self) {
        let mut backoff = Duration::from_secs(1);
        // What filing learnt (folders that could not be created, messages
        // the server refused) outlives a connection.
        let mut filing = Filing::default();
        while !self.shutdown.is_triggered() {
            let mut logged_in = false;
            let began = std::time::Instant::now();
            match self.session(&mut logged_in, &mut filing) {
                Ok(()) => backoff = Duration::from_secs(1),
                Err(_) if self.shutdown.is_triggered() => break,
                Err(err) if err.is_locked() => {
                    // Another process holds the database: said once per
                    // wait (shared with the daemon's turns); each try
                    // waits for the lock, so no growing backoff.
                    let err = err.at_database(&self.survey.database);
                    self.store.lock_watch().waiting(&err, "inbox", began);
                    self.sleep(crate::store::lock::RETRY_PAUSE);
                }
                Err(err) if err.is_store() => {
                    // The store failed, not the server: say the store's
                    // own words (which name the database file when the
                    // operator must act), not "connection lost".
                    let err = err.at_database(&self.survey.database);
                    if err.needs_operator() {
                        tracing::error!(survey = %self.survey.id, error = %err, retry_in = ?backoff, "inbox: cannot store new mail; it stays on the server and is read again");
                    } else {
                        tracing::warn!(survey = %self.survey.id, error = %err, retry_in = ?backoff, "inbox: cannot store new mail; it stays on the server and is read again");
                    }
                    self.sleep(backoff);
                    backoff = (backoff * 2).min(Duration::from_secs(60));
                }
                Err(err) => {
                    self.health.set_imap(Some(err.to_string()));
                    // A connection that worked and then broke starts the
                    // backoff afresh; only failures to get back in grow it.
                    if logged_in {
                        backoff = Duration::from_secs(1);
                    }
                    tracing::warn!(survey = %self.survey.id, error = %err, retry_in = ?backoff, "inbox: connection lost or refused");
                    self.sleep(backoff);
                    backoff = (backoff * 2).min(Duration::from_secs(60));
                }
            }
        }
    }

    /// Sleeps up to `total`, waking early for shutdown.
    fn sleep(&self, total: Duration) {
        let step = Duration::from_millis(100);
        let mut slept = Duration::ZERO;
        while slept < total && !self.shutdown.is_triggered() && !self.wake.take() {
            std::thread::sleep(step);
            slept += step;
        }
    }

    /// One connection's life: returns Ok on shutdown, Err when it broke;
    /// sets `logged_in` once the server has let it in.
    fn session(&self, logged_in: &mut bool, filing: &mut Filing) -> Result<()> {
        let server = &self.survey.imap;
        let socket = tcp(server)?;
        *self.socket.lock().expect("socket lock") = socket.try_clone().ok();
        if self.shutdown.is_triggered() {
            return Ok(());
        }
        let mut session = connect_on(server, socket, Some(self.wake.clone()))?;
        *logged_in = true;
        // How this server names folders and what it can do: every name
        // below is built from it.
        let abilities = learn(&mut session)?;
        let lacking = abilities.lacking();
        tracing::info!(survey = %self.survey.id, folders = %abilities.hierarchy.describe(), lacking = %lacking.join("; "), "inbox: server learnt");
        filing.server = abilities;
        // Every member's folders. One that cannot be created is reported,
        // and its messages wait in the inbox; it is tried again on each
        // filing round while messages wait for it, and on each connection.
        let mut folders: Vec<String> = self
            .survey
            .replies
            .folders
            .all()
            .map(str::to_owned)
            .collect();
        for member in self.members() {
            for folder in member.survey.replies.folders.all() {
                if !folders.iter().any(|f| f == folder) {
                    folders.push(folder.to_owned());
                }
            }
        }
        for folder in &folders {
            match ensure_folder(&mut session, &filing.server.hierarchy, folder)? {
                None => {
                    filing.missing.remove(folder);
                }
                Some(words) => {
                    tracing::warn!(survey = %self.survey.id, folder, error = %crate::report::shown::logged(&words), "inbox: cannot create the folder; messages for it stay in the inbox until it exists");
                    filing.missing.insert(folder.clone(), words);
                }
            }
        }
        self.report_filing(filing);
        // A new connection looks for copies read again (after a UIDVALIDITY
        // change) that wait in the inbox.
        filing.swept = None;
        let has_idle = filing.server.idle;
        let has_move = filing.server.moves;
        let inbox = self.survey.replies.inbox.clone();
        let wait = Duration::try_from(self.survey.replies.poll_interval)
            .unwrap_or(MAX_IDLE)
            .min(MAX_IDLE);
        tracing::info!(survey = %self.survey.id, folder = %inbox, idle = has_idle, "inbox: connected");
        self.health.set_imap(None);
        let outcome = self.serve(&mut session, &inbox, wait, has_idle, has_move, filing);
        if self.shutdown.is_triggered() {
            // Interrupted or not, say goodbye: an IDLE in progress was ended
            // with DONE when its handle dropped; the server reads LOGOUT even
            // though our reading half may be closed already.
            let _ = session.logout();
            tracing::info!(survey = %self.survey.id, "inbox: logged out");
            return Ok(());
        }
        outcome
    }

    /// Files, fetches and waits, until shutdown or an error.
    fn serve(
        &self,
        session: &mut Session,
        inbox: &str,
        wait: Duration,
        has_idle: bool,
        has_move: bool,
        filing: &mut Filing,
    ) -> Result<()> {
        let inbox = inbox.to_owned();
        while !self.shutdown.is_triggered() {
            let began = std::time::Instant::now();
            let mailbox = select(session, &filing.server.hierarchy, &inbox)?;
            let uidvalidity = mailbox.uid_validity.unwrap_or(0);
            // New mail first: filing never holds up reading.
            let round = self
                .fetch_new(session, &inbox, uidvalidity)
                .and_then(|stored| {
                    if stored > 0 {
                        injected_panic();
                    }
                    self.file(session, &inbox, uidvalidity, has_move, filing)?;
                    self.file_copies(session, &inbox, uidvalidity, has_move, filing)?;
                    if !filing.server.uidplus {
                        self.count_left_flagged(session, &inbox, uidvalidity, filing)?;
                    }
                    Ok(())
                });
            match round {
                Err(err) if err.is_locked() => {
                    // Another process holds the database: wait for it on
                    // this connection (said once per wait, shared with the
                    // daemon's turns), rather than logging in again after
                    // each bounded wait. What was not stored stays on the
                    // server and is read again from the stored cursor.
                    let err = err.at_database(&self.survey.database);
                    self.store.lock_watch().waiting(&err, "inbox", began);
                    self.sleep(crate::store::lock::RETRY_PAUSE);
                    continue;
                }
                round => round?,
            }
            // What the server announced meanwhile: new mail is read at
            // once rather than after the next wait; the rest is dropped, so
            // the queue of announcements stays bounded.
            if session.take_all_unsolicited().any(|r| {
                matches!(
                    r,
                    imap::types::UnsolicitedResponse::Exists(_)
                        | imap::types::UnsolicitedResponse::Recent(_)
                )
            }) {
                self.wake.set();
            }
            if self.shutdown.is_triggered() || self.wake.take() {
                continue;
            }
            if has_idle {
                idle(session, wait)?;
            } else {
                self.sleep(wait);
            }
        }
        Ok(())
    }

    /// The surveys this watcher reads for.
    fn members(&self) -> Vec<Member> {
        match &self.members {
            Some(members) => members.lock().expect("members lock").clone(),
            None => vec![Member {
                survey: self.survey.clone(),
                store: self.store.clone(),
                notify: self.notify.clone(),
            }],
        }
    }
}

/// Fault injection for the fault suite (`tests/faults.md`, class
/// `inbox-panic`): with `MAILSURVEY_FAULT=inbox-panic-once` in the
/// environment, the reading thread panics once, right after it first
/// stored new mail, so a test can see that the daemon notices the dead
/// thread and starts another. No real input is known to make it panic
/// (every parse is guarded); without the variable this does nothing.
fn injected_panic() {
    static FIRED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    let asked = std::env::var("MAILSURVEY_FAULT")
        .is_ok_and(|v| v.split(',').any(|f| f.trim() == "inbox-panic-once"));
    if asked && !FIRED.swap(true, std::sync::atomic::Ordering::SeqCst) {
        panic!("fault injected: MAILSURVEY_FAULT=inbox-panic-once");
    }
}
