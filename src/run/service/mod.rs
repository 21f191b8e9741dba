//! `mailsurvey run` as a service: the surveys named by `--survey` (a file,
//! or a directory of `*.toml` files), each run by its own [`Daemon`], under
//! one supervisor that speaks to systemd ([`crate::run::notify`]).
//!
//! The supervisor never waits on a mail server: it loads the survey files,
//! opens their stores, says READY, then starts each survey's daemon as a
//! task of its own, which logs in and works. One survey's broken file,
//! refused login or dead server never stops the others; it is reported in
//! STATUS and the logs, and retried.
//!
//! Liveness, for the watchdog: a store thread looks at every open store in
//! turn (which also yields the counts STATUS shows); the supervisor's loop
//! pings systemd only while that thread is keeping up. So a wedged runtime
//! or a wedged store stops the pings and systemd restarts the service;
//! a server that does not answer does not.
//!
//! Signals: shutdown (SIGTERM, SIGINT) stops every daemon after its work in
//! flight; a reload (SIGHUP) re-reads the survey files and recipient lists:
//! a changed survey's daemon is replaced once its work in flight is done, a
//! new file is started, a removed one stopped, and a file that no longer
//! loads is reported while its running configuration is kept.
//!
//! Each job has a file of its own, so each can be read alone: this file is
//! the supervisor (start, reload, replace, stop, one tick); `files` loads
//! survey files and opens their stores; `daemons` runs each survey's daemon
//! as a task and restarts it; `readers` keeps one mailbox reader per
//! mailbox; `accounts` shares an SMTP account's outbox and limits;
//! `watchdog` is the store thread behind the watchdog pings and STATUS.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tracing::{error, info, warn};

use crate::inbox::Health;
use crate::run::clock::{Clock, SystemClock};
use crate::run::notify::Notifier;
use crate::run::shutdown::{self, Shutdown, Trigger};
use crate::store::Store;
use crate::survey::Survey;
use crate::{Error, Result};

mod accounts;
mod daemons;
mod files;
mod readers;
mod watchdog;

pub use files::survey_files;
pub use watchdog::next_action;

use accounts::{Account, account_of, accounts_entry};
use daemons::{Wiring, keep_running};
use files::{Loaded, fingerprint, load, open_store};
use readers::{Group, join_group, leave_group, mailbox_of};
use watchdog::{Seen, look};

/// Requests to re-read the configuration (SIGHUP), wired by `main`.
pub type Reloads = mpsc::UnboundedReceiver<()>;

/// How often the supervisor looks at its surveys and updates STATUS.
const TICK: Duration = Duration::from_secs(1);

/// One survey file and what runs it.
struct Slot {
    path: PathBuf,
    /// The survey id, once the file has loaded.
    id: Option<String>,
    /// Why the file does not run, or why its new version was not taken.
    problem: Arc<Mutex<Option<String>>>,
    health: Arc<Health>,
    seen: Arc<Mutex<Option<Seen>>>,
    running: Option<Running>,
    /// Woken by the mailbox's reader when it stored mail for this survey;
    /// the same across reloads, since the reader holds it.
    arrived: Arc<tokio::sync::Notify>,
    /// The mailbox it is a member of ([`mailbox_of`]).
    mailbox: Option<String>,
}

struct Running {
    fingerprint: Vec<u8>,
    survey: Arc<Survey>,
    trigger: Trigger,
    /// Set by a reload: re-read the recipient list now.
    reread: Arc<AtomicBool>,
    task: JoinHandle<Result<()>>,
}

/// What the store thread looks at, and what it records for `status`.
#[derive(Clone)]
struct Watched {
    survey: Arc<Survey>,
    store: Store,
    seen: Arc<Mutex<Option<Seen>>>,
    health: Arc<Health>,
    problem: Arc<Mutex<Option<String>>>,
}

/// The supervisor.
pub struct Service {
    root: PathBuf,
    /// Several files (a directory): one failing survey is retried, not fatal.
    many: bool,
    slots: BTreeMap<PathBuf, Slot>,
    notifier: Notifier,
    clock: Arc<dyn Clock>,
    watched: Arc<Mutex<Vec<Watched>>>,
    /// One outbox and one set of limits per SMTP account.
    accounts: BTreeMap<String, Account>,
    /// One reader per mailbox, shared by the surveys that read it.
    groups: BTreeMap<String, Group>,
    /// One handle per database file, shared by the surveys in it, their
    /// daemons and the store thread: their writes queue on its lock.
    stores: BTreeMap<PathBuf, Store>,
    /// Milliseconds since `started` at the store thread's last full look.
    store_beat: Arc<AtomicU64>,
    started: Instant,
    last_status: String,
    /// Per account, the limits the surveys found at start-up ask for.
    strictest: BTreeMap<String, AccountLimits>,
    /// Opened once every survey found at start-up has its store open and
    /// its account's quota seeded: no daemon sends before the quota
    /// counts the mail of every survey on its account (a restart within
    /// the window). Surveys added by a reload start at once.
    all_seeded: tokio::sync::watch::Sender<bool>,
}

/// Runs the surveys named by `path` until `shutdown`; `reloads` re-reads
/// them. With a single file, a survey that cannot run (refused login,
/// broken store) ends the service with its error, as before; with a
/// directory, it is reported and retried while the others go on.
pub async fn run(
    path: &Path,
    notifier: Notifier,
    shutdown: Shutdown,
    mut reloads: Reloads,
) -> Result<()> {
    let many = path.is_dir();
    let mut service = Service {
        root: path.to_owned(),
        many,
        slots: BTreeMap::new(),
        notifier,
        clock: Arc::new(SystemClock),
        watched: Arc::new(Mutex::new(Vec::new())),
        accounts: BTreeMap::new(),
        stores: BTreeMap::new(),
        groups: BTreeMap::new(),
        store_beat: Arc::new(AtomicU64::new(0)),
        started: Instant::now(),
        last_status: String::new(),
        strictest: BTreeMap::new(),
        all_seeded: tokio::sync::watch::Sender::new(false),
    };
    let files = survey_files(path)?;
    if files.is_empty() {
        return Err(Error::Other(format!(
            "{} holds no survey files (*.toml)",
            path.display()
        )));
    }
    let mut loaded = Vec::new();
    for file in &files {
        let outcome = load(file);
        if !many && let Err(err) = outcome {
            // One file that does not load: nothing to run.
            return Err(err);
        }
        loaded.push((file, outcome));
    }
    let strictest = strictest_limits(
        loaded
            .iter()
            .filter_map(|(_, l)| l.as_ref().ok())
            .map(|l| &l.survey),
    );
    for (key, (rate, connections, quota)) in &strictest {
        info!(account = %key, rate_per_minute = ?rate, max_connections = connections, daily_limit = ?quota.map(|q| q.0), quota_window = ?quota.map(|q| q.1), "SMTP account limits");
    }
    service.strictest = strictest;
    for (file, outcome) in loaded {
        service.start_slot(file, outcome)?;
    }
    service.all_seeded.send_replace(true);
    let store_thread = service.spawn_store_thread(shutdown.clone());
    // Every store has been opened and looked at once (start_slot did);
    // servers are not waited for.
    service.store_beat.store(1, Ordering::SeqCst);
    let status = service.compose_status();
    service.notifier.ready(&status);
    service.last_status = status;
    info!(surveys = service.slots.len(), "service ready");

    let mut tick = tokio::time::interval(service.ping_every());
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut shutdown_wait = shutdown.clone();
    let mut fatal = None;
    loop {
        tokio::select! {
            _ = shutdown_wait.wait() => break,
            Some(()) = reloads.recv() => service.reload(),
            _ = tick.tick() => {
                if let Some(err) = service.look_after() {
                    fatal = Some(err);
                    break;
                }
            }
        }
    }
    let fatal = service.stop(fatal).await;
    drop(store_thread);
    match fatal {
        Some(err) => Err(err),
        None => Ok(()),
    }
}

/// An account's rate, connections and quota (recipients per window).
pub(super) type AccountLimits = (Option<u32>, usize, Option<(u32, jiff::SignedDuration)>);

/// What the surveys sending through one account may use of it: the
/// strictest rate, number of connections and quota any of them asks for
/// (the smallest limit over the longest window).
fn strictest_limits<'a>(
    surveys: impl Iterator<Item = &'a Survey>,
) -> BTreeMap<String, AccountLimits> {
    let mut strictest: BTreeMap<String, AccountLimits> = BTreeMap::new();
    for survey in surveys {
        let sending = &survey.sending;
        let quota = sending.daily_limit.map(|n| (n, sending.quota_window));
        let entry = strictest.entry(account_of(survey)).or_insert((
            sending.rate_per_minute,
            sending.max_connections,
            quota,
        ));
        entry.0 = match (entry.0, sending.rate_per_minute) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        entry.1 = entry.1.min(sending.max_connections);
        entry.2 = match (entry.2, quota) {
            (Some(a), Some(b)) => Some((a.0.min(b.0), a.1.max(b.1))),
            (a, b) => a.or(b),
        };
    }
    strictest
}

impl Service {
    /// Stops every survey after its work in flight, then the mailbox
    /// readers (which log out); the first error of a single survey's daemon
    /// is kept in `fatal`, a directory's are logged.
    async fn stop(&mut self, mut fatal: Option<Error>) -> Option<Error> {
        self.notifier.stopping();
        info!("stopping every survey after its work in flight");
        for slot in self.slots.values_mut() {
            if let Some(running) = slot.running.take() {
                running.trigger.trigger();
                match running.task.await {
                    Ok(Ok(())) => {}
                    Ok(Err(err)) => {
                        if !self.many {
                            fatal = fatal.or(Some(err));
                        } else {
                            warn!(survey = %running.survey.id, error = %err, "survey stopped with an error");
                        }
                    }
                    Err(err) => warn!(error = %err, "a survey's task failed"),
                }
            }
        }
        // The daemons have finished; now the readers log out.
        let groups = std::mem::take(&mut self.groups);
        let mut readers = Vec::new();
        for (_, group) in groups {
            group.trigger.trigger();
            crate::inbox::interrupt(&group.socket);
            if let Some(reader) = group.reader {
                readers.push(tokio::task::spawn_blocking(move || reader.join()));
            }
        }
        for reader in readers {
            if tokio::time::timeout(Duration::from_secs(10), reader)
                .await
                .is_err()
            {
                warn!("a mailbox reader did not stop within 10 s; leaving it");
            }
        }
        fatal
    }

    /// Pings at half the watchdog interval (or every second without one).
    fn ping_every(&self) -> Duration {
        self.notifier
            .watchdog()
            .map(|w| (w / 2).clamp(Duration::from_millis(100), TICK))
            .unwrap_or(TICK)
    }

    /// Opens the store of a loaded survey and starts its daemon; a survey
    /// that does not load is recorded with its problem.
    /// Its daemon has a shutdown of its own, triggered by `run` at the
    /// process's shutdown and by a reload that replaces it.
    fn start_slot(&mut self, path: &Path, outcome: Result<Loaded>) -> Result<()> {
        let slot = self.slots.entry(path.to_owned()).or_insert_with(|| Slot {
            path: path.to_owned(),
            id: None,
            problem: Arc::new(Mutex::new(None)),
            health: Arc::new(Health::default()),
            seen: Arc::new(Mutex::new(None)),
            running: None,
            arrived: Arc::new(tokio::sync::Notify::new()),
            mailbox: None,
        });
        let loaded = match outcome {
            Ok(loaded) => loaded,
            Err(err) => {
                let text = err.to_string();
                error!(file = %path.display(), "survey file not loaded: {text}");
                *slot.problem.lock().expect("lock") =
                    Some(format!("not loaded: {}", first_line(&text)));
                return Ok(());
            }
        };
        let id = loaded.survey.id.clone();
        if let Some(other) = self
            .slots
            .values()
            .find(|s| s.path != path && s.id.as_deref() == Some(id.as_str()))
        {
            let text = format!(
                "survey id {id} is already run from {}; give each survey its own id",
                other.path.display()
            );
            error!(file = %path.display(), "{text}");
            let slot = self.slots.get_mut(path).expect("inserted above");
            *slot.problem.lock().expect("lock") = Some(text);
            return Ok(());
        }
        let account = match self.account(&loaded.survey) {
            Ok(account) => account,
            Err(err) if self.many => {
                error!(file = %path.display(), error = %err, "SMTP settings not usable");
                let slot = self.slots.get_mut(path).expect("inserted above");
                *slot.problem.lock().expect("lock") = Some(format!("SMTP: {err}"));
                return Ok(());
            }
            Err(err) => return Err(err),
        };
        let slot = self.slots.get_mut(path).expect("inserted above");
        // Open the store now, before READY; a store that cannot open is this
        // survey's problem (fatal for a single file).
        let store = match open_store(&mut self.stores, &loaded.survey, self.clock.now()) {
            Ok(store) => store,
            Err(err) if self.many => {
                error!(file = %path.display(), error = %err, "store not opened");
                *slot.problem.lock().expect("lock") = Some(format!("store: {err}"));
                return Ok(());
            }
            Err(err) => return Err(err),
        };
        // The account's quota counts this survey's mail before any daemon
        // on the account sends (a restart within the window).
        if let Err(err) = account
            .limits
            .seed(&store, &loaded.survey, self.clock.now())
        {
            warn!(survey = %id, error = %err, "the quota's count not read yet; read when the survey first sends");
        }
        slot.id = Some(id);
        *slot.problem.lock().expect("lock") = None;
        let survey = Arc::new(loaded.survey.clone());
        let (mailbox, health, wake) = join_group(&mut self.groups, &survey, &store, &slot.arrived);
        slot.mailbox = Some(mailbox);
        slot.health = health;
        let seen = slot.seen.clone();
        if let Ok(first) = look(&survey, &store, self.clock.now()) {
            *seen.lock().expect("lock") = Some(first);
        }
        let mut watched = self.watched.lock().expect("lock");
        watched.retain(|w| w.survey.id != survey.id);
        watched.push(Watched {
            survey: survey.clone(),
            store: store.clone(),
            seen,
            health: slot.health.clone(),
            problem: slot.problem.clone(),
        });
        drop(watched);
        let (trigger, own) = shutdown::channel();
        let reread = Arc::new(AtomicBool::new(false));
        let wiring = Wiring {
            store,
            account,
            health: slot.health.clone(),
            problem: slot.problem.clone(),
            reread: reread.clone(),
            arrived: slot.arrived.clone(),
            wake,
        };
        let mut seeded = self.all_seeded.subscribe();
        let clock = self.clock.clone();
        let many = self.many;
        let task = tokio::spawn(async move {
            // Err only when the service is gone: nothing to wait for then.
            let _ = seeded.wait_for(|open| *open).await;
            keep_running(loaded, wiring, clock, own, many, None).await
        });
        slot.running = Some(Running {
            fingerprint: fingerprint(path, Some(&survey)),
            survey,
            trigger,
            reread,
            task,
        });
        Ok(())
    }

    /// SIGHUP: re-read every survey file and recipient list.
    fn reload(&mut self) {
        self.notifier.reloading();
        info!(path = %self.root.display(), "reloading the survey files");
        let files = match survey_files(&self.root) {
            Ok(files) => files,
            Err(err) => {
                error!(error = %err, "cannot list the survey files; keeping what runs");
                self.notifier.ready(&self.last_status);
                return;
            }
        };
        // Removed files: stop their daemons.
        let gone: Vec<PathBuf> = self
            .slots
            .keys()
            .filter(|p| !files.contains(p))
            .cloned()
            .collect();
        for path in gone {
            if let Some(mut slot) = self.slots.remove(&path) {
                info!(file = %path.display(), "survey file removed; stopping its daemon");
                if let Some(running) = slot.running.take() {
                    running.trigger.trigger();
                    self.watched
                        .lock()
                        .expect("lock")
                        .retain(|w| w.survey.id != running.survey.id);
                    if let Some(key) = &slot.mailbox {
                        leave_group(&mut self.groups, key, &running.survey.id);
                    }
                }
            }
        }
        for file in files {
            let running = self.slots.get(&file).and_then(|s| s.running.as_ref());
            match running {
                None => {
                    // New, or broken before: try it (again).
                    if let Some(slot) = self.slots.get_mut(&file) {
                        slot.id = None;
                    }
                    let outcome = load(&file);
                    if let Err(err) = self.start_slot(&file, outcome) {
                        error!(file = %file.display(), error = %err, "survey not started");
                    }
                }
                Some(running) => {
                    let unchanged =
                        fingerprint(&file, Some(&running.survey)) == running.fingerprint;
                    if unchanged {
                        running.reread.store(true, Ordering::SeqCst);
                        continue;
                    }
                    self.replace(&file);
                }
            }
        }
        let status = self.compose_status();
        self.notifier.ready(&status);
        self.last_status = status;
    }

    /// A running survey whose files changed: load the new version; if it
    /// loads, the old daemon stops after its work in flight and the new one
    /// starts; if not, the old one keeps running and the problem is shown.
    fn replace(&mut self, file: &Path) {
        let many = self.many;
        let clock = self.clock.clone();
        let slot = self.slots.get_mut(file).expect("a running slot");
        let running = slot.running.as_mut().expect("running");
        match load(file) {
            Err(err) => {
                let text = err.to_string();
                error!(file = %file.display(), survey = %running.survey.id, "the changed survey file does not load; the running configuration is kept: {text}");
                *slot.problem.lock().expect("lock") = Some(format!(
                    "changed file not loaded (still running the previous version): {}",
                    first_line(&text)
                ));
                // Still re-read the recipient list of what runs.
                running.reread.store(true, Ordering::SeqCst);
            }
            Ok(loaded) if loaded.survey.id != running.survey.id => {
                error!(file = %file.display(), "the survey id changed from {} to {}; the running configuration is kept (a new survey needs a new file)", running.survey.id, loaded.survey.id);
                *slot.problem.lock().expect("lock") = Some(format!(
                    "survey id changed to {} (still running {}); a new survey needs a new file",
                    loaded.survey.id, running.survey.id
                ));
            }
            Ok(loaded) => {
                let account = match accounts_entry(
                    &mut self.accounts,
                    &self.strictest,
                    &loaded.survey,
                ) {
                    Ok(account) => account,
                    Err(err) => {
                        error!(file = %file.display(), error = %err, "the changed survey's SMTP settings are not usable; the running configuration is kept");
                        *slot.problem.lock().expect("lock") = Some(format!(
                            "changed file not taken (still running the previous version): SMTP: {err}"
                        ));
                        return;
                    }
                };
                let store = match open_store(&mut self.stores, &loaded.survey, clock.now()) {
                    Ok(store) => store,
                    Err(err) => {
                        error!(file = %file.display(), error = %err, "the changed survey's store does not open; the running configuration is kept");
                        *slot.problem.lock().expect("lock") = Some(format!(
                            "changed file not taken (still running the previous version): store: {err}"
                        ));
                        return;
                    }
                };
                info!(file = %file.display(), survey = %running.survey.id, "survey file changed; its daemon restarts after the work in flight");
                let new_survey = Arc::new(loaded.survey.clone());
                if let Some(old) = slot.mailbox.take()
                    && old != mailbox_of(&new_survey)
                {
                    leave_group(&mut self.groups, &old, &new_survey.id);
                }
                let (mailbox, health, wake) =
                    join_group(&mut self.groups, &new_survey, &store, &slot.arrived);
                slot.mailbox = Some(mailbox);
                slot.health = health;
                *slot.problem.lock().expect("lock") = None;
                let (trigger, own) = shutdown::channel();
                let old_trigger = std::mem::replace(&mut running.trigger, trigger);
                old_trigger.trigger();
                let survey = Arc::new(loaded.survey.clone());
                let previous = std::mem::replace(&mut running.task, tokio::spawn(async { Ok(()) }));
                let reread = Arc::new(AtomicBool::new(false));
                running.fingerprint = loaded.fingerprint.clone();
                running.survey = survey.clone();
                running.reread = reread.clone();
                let wiring = Wiring {
                    store: store.clone(),
                    account,
                    health: slot.health.clone(),
                    problem: slot.problem.clone(),
                    reread,
                    arrived: slot.arrived.clone(),
                    wake,
                };
                running.task = tokio::spawn(keep_running(
                    loaded,
                    wiring,
                    clock,
                    own,
                    many,
                    Some(previous),
                ));
                let mut watched = self.watched.lock().expect("lock");
                if let Some(w) = watched.iter_mut().find(|w| w.survey.id == survey.id) {
                    w.survey = survey;
                    w.store = store;
                }
            }
        }
    }

    /// One tick: notice finished daemons, ping the watchdog, update STATUS.
    /// Returns the error that ends the service (a single survey failed).
    fn look_after(&mut self) -> Option<Error> {
        for group in self.groups.values_mut() {
            if let Some(reader) = group.reader.as_mut() {
                reader.restart_if_dead(&group.shutdown);
            }
        }
        for slot in self.slots.values_mut() {
            let finished = slot
                .running
                .as_ref()
                .is_some_and(|running| running.task.is_finished());
            if finished {
                let running = slot.running.take().expect("finished");
                // A finished task outside shutdown only happens for a single
                // file (a directory's daemons retry by themselves).
                let outcome = futures_ready(running.task);
                match outcome {
                    Some(Err(err)) if !self.many => return Some(err),
                    Some(Err(err)) => {
                        *slot.problem.lock().expect("lock") = Some(err.to_string());
                    }
                    _ if !self.many => {
                        return Some(Error::Other("the survey's daemon ended".into()));
                    }
                    _ => {}
                }
            }
        }
        let beat = self.store_beat.load(Ordering::SeqCst);
        let now = self.started.elapsed().as_millis() as u64;
        let limit = self
            .notifier
            .watchdog()
            .unwrap_or(Duration::from_secs(60))
            .as_millis() as u64;
        if now.saturating_sub(beat) < limit {
            self.notifier.ping();
        } else {
            warn!(
                behind_ms = now.saturating_sub(beat),
                "the store thread is not keeping up; not pinging the watchdog"
            );
        }
        let status = self.compose_status();
        if status != self.last_status {
            self.notifier.status(&status);
            self.last_status = status;
        }
        None
    }
}

/// The result of a task known to be finished.
fn futures_ready(task: JoinHandle<Result<()>>) -> Option<Result<()>> {
    let waker = std::task::Waker::noop();
    let mut cx = std::task::Context::from_waker(waker);
    let mut task = std::pin::pin!(task);
    match task.as_mut().poll(&mut cx) {
        std::task::Poll::Ready(Ok(outcome)) => Some(outcome),
        std::task::Poll::Ready(Err(err)) => Some(Err(Error::Other(format!(
            "the survey's task failed: {err}"
        )))),
        std::task::Poll::Pending => None,
    }
}

use std::future::Future;

fn first_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" / ")
}
