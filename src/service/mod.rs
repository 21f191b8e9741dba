//! `mailsurvey run` as a service: the surveys named by `--survey` (a file,
//! or a directory of `*.toml` files), each run by its own [`Daemon`], under
//! one supervisor that speaks to systemd ([`crate::notify`]).
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

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use jiff::Timestamp;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tracing::{error, info, warn};

use crate::clock::{Clock, SystemClock};
use crate::daemon::{self, Daemon, Health};
use crate::notify::Notifier;
use crate::outbox::{Limits, SmtpOutbox};
use crate::shutdown::{self, Shutdown, Trigger};
use crate::store::{HealthPart, Store};
use crate::survey::Survey;
use crate::templates::Templates;
use crate::{Error, Result};

/// Requests to re-read the configuration (SIGHUP), wired by `main`.
pub type Reloads = mpsc::UnboundedReceiver<()>;

/// How often the supervisor looks at its surveys and updates STATUS.
const TICK: Duration = Duration::from_secs(1);
/// How often the store thread looks at every store.
const STORE_LOOK: Duration = Duration::from_secs(2);
/// First delay before a survey whose daemon failed is started again.
const RESTART_FIRST: Duration = Duration::from_secs(30);
/// Longest delay between restarts of a failing survey.
const RESTART_MAX: Duration = Duration::from_secs(30 * 60);

/// The survey files `path` names: itself, or the `*.toml` files in it
/// (sorted, so logs and STATUS keep one order).
pub fn survey_files(path: &Path) -> Result<Vec<PathBuf>> {
    if !path.is_dir() {
        return Ok(vec![path.to_owned()]);
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path).map_err(|e| Error::io(path, e))? {
        let entry = entry.map_err(|e| Error::io(path, e))?;
        let file = entry.path();
        if file.extension().is_some_and(|e| e == "toml") && file.is_file() {
            files.push(file);
        }
    }
    files.sort();
    Ok(files)
}

/// A loaded survey and what tells whether its files changed since.
struct Loaded {
    survey: Survey,
    templates: Templates,
    fingerprint: Vec<u8>,
}

/// The survey file's bytes and the templates' names and bytes: a reload
/// replaces the daemon only when one of them changed.
fn fingerprint(path: &Path, survey: Option<&Survey>) -> Vec<u8> {
    use sha2::Digest;
    let mut hash = sha2::Sha256::new();
    hash.update(std::fs::read(path).unwrap_or_default());
    if let Some(dir) = survey.and_then(|s| s.templates_dir.as_ref())
        && let Ok(entries) = std::fs::read_dir(dir)
    {
        let mut files: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
        files.sort();
        for file in files {
            hash.update(file.as_os_str().as_encoded_bytes());
            hash.update(std::fs::read(&file).unwrap_or_default());
        }
    }
    hash.finalize().to_vec()
}

fn load(path: &Path) -> Result<Loaded> {
    let (survey, templates) = daemon::load(path)?;
    crate::credentials::warn_if_exposed(&survey);
    let fingerprint = fingerprint(path, Some(&survey));
    Ok(Loaded {
        survey,
        templates,
        fingerprint,
    })
}

/// What the store thread last saw of one survey.
#[derive(Debug, Clone, Default)]
struct Seen {
    listed: usize,
    respondents: usize,
    /// (handed to the server, all not cancelled), while some are due.
    sending: Option<(usize, usize)>,
    /// Messages waiting for another attempt, and the last error.
    deferred: Option<(usize, String)>,
    next: String,
}

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

/// One mailbox (server, user, folder) and the one reader that reads it for
/// every survey that uses it.
struct Group {
    members: Arc<Mutex<Vec<crate::inbox::Member>>>,
    /// Set by any member's daemon when it has mail to file.
    wake: Arc<AtomicBool>,
    health: Arc<Health>,
    socket: Arc<Mutex<Option<std::net::TcpStream>>>,
    trigger: Trigger,
    shutdown: Shutdown,
    reader: Option<crate::inbox::Running>,
}

/// What a survey's daemon is wired to besides its own files.
#[derive(Clone)]
struct Wiring {
    store: Store,
    account: Account,
    health: Arc<Health>,
    problem: Arc<Mutex<Option<String>>>,
    reread: Arc<AtomicBool>,
    arrived: Arc<tokio::sync::Notify>,
    wake: Arc<AtomicBool>,
}

/// Makes `survey` a member of its mailbox's group, starting the group's
/// reader if it is the first. Returns the group's health and wake flag.
fn join_group(
    groups: &mut BTreeMap<String, Group>,
    survey: &Arc<Survey>,
    store: &Store,
    arrived: &Arc<tokio::sync::Notify>,
) -> (String, Arc<Health>, Arc<AtomicBool>) {
    let key = mailbox_of(survey);
    let group = groups.entry(key.clone()).or_insert_with(|| {
        let (trigger, shutdown) = shutdown::channel();
        Group {
            members: Arc::new(Mutex::new(Vec::new())),
            wake: Arc::new(AtomicBool::new(false)),
            health: Arc::new(Health::default()),
            socket: Arc::new(Mutex::new(None)),
            trigger,
            shutdown,
            reader: None,
        }
    });
    {
        let mut members = group.members.lock().expect("lock");
        members.retain(|m| m.survey.id != survey.id);
        members.push(crate::inbox::Member {
            survey: survey.clone(),
            store: store.clone(),
            notify: arrived.clone(),
        });
        if members.len() > 1 {
            let ids: Vec<&str> = members.iter().map(|m| m.survey.id.as_str()).collect();
            info!(mailbox = %key, surveys = ?ids, "one reader for a shared mailbox");
        }
    }
    if group.reader.is_none() {
        group.reader = Some(
            crate::inbox::Watcher {
                survey: survey.clone(),
                store: store.clone(),
                notify: arrived.clone(),
                shutdown: group.shutdown.clone(),
                wake: group.wake.clone(),
                socket: group.socket.clone(),
                health: group.health.clone(),
                members: Some(group.members.clone()),
            }
            .spawn(),
        );
    }
    (key, group.health.clone(), group.wake.clone())
}

/// Takes `survey_id` out of the group of `key`; the last one out stops the
/// reader (it logs out).
fn leave_group(groups: &mut BTreeMap<String, Group>, key: &str, survey_id: &str) {
    let Some(group) = groups.get_mut(key) else {
        return;
    };
    let empty = {
        let mut members = group.members.lock().expect("lock");
        members.retain(|m| m.survey.id != survey_id);
        members.is_empty()
    };
    if empty && let Some(group) = groups.remove(key) {
        stop_group(group);
    }
}

/// Stops a group's reader without waiting for it (it logs out by itself).
fn stop_group(group: Group) {
    group.trigger.trigger();
    crate::inbox::interrupt(&group.socket);
    if let Some(reader) = group.reader {
        std::thread::spawn(move || reader.join());
    }
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
    strictest: BTreeMap<String, (Option<u32>, usize)>,
}

/// An SMTP account's outbox (its pool of connections) and limits.
#[derive(Clone)]
struct Account {
    outbox: Arc<SmtpOutbox>,
    limits: Arc<Limits>,
}

/// The SMTP account a survey sends through: user, server and port.
fn account_of(survey: &Survey) -> String {
    format!(
        "{}@{}:{}",
        survey.smtp.username, survey.smtp.host, survey.smtp.port
    )
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
    // Surveys sending through one account share its limits: the strictest
    // any of them asks for.
    let mut strictest: BTreeMap<String, (Option<u32>, usize)> = BTreeMap::new();
    for survey in loaded.iter().filter_map(|(_, l)| l.as_ref().ok()) {
        let sending = &survey.survey.sending;
        let entry = strictest
            .entry(account_of(&survey.survey))
            .or_insert((sending.rate_per_minute, sending.max_connections));
        entry.0 = match (entry.0, sending.rate_per_minute) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        entry.1 = entry.1.min(sending.max_connections);
    }
    for (key, (rate, connections)) in &strictest {
        info!(account = %key, rate_per_minute = ?rate, max_connections = connections, "SMTP account limits");
    }
    service.strictest = strictest;
    for (file, outcome) in loaded {
        service.start_slot(file, outcome)?;
    }
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
    service.notifier.stopping();
    info!("stopping every survey after its work in flight");
    for slot in service.slots.values_mut() {
        if let Some(running) = slot.running.take() {
            running.trigger.trigger();
            match running.task.await {
                Ok(Ok(())) => {}
                Ok(Err(err)) => {
                    if !many {
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
    let groups = std::mem::take(&mut service.groups);
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
    drop(store_thread);
    match fatal {
        Some(err) => Err(err),
        None => Ok(()),
    }
}

impl Service {
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
        let task = tokio::spawn(keep_running(
            loaded,
            wiring,
            self.clock.clone(),
            own,
            self.many,
            None,
        ));
        slot.running = Some(Running {
            fingerprint: fingerprint(path, Some(&survey)),
            survey,
            trigger,
            reread,
            task,
        });
        Ok(())
    }

    /// The outbox and limits of the survey's SMTP account, shared with the
    /// other surveys on it.
    fn account(&mut self, survey: &Survey) -> Result<Account> {
        accounts_entry(&mut self.accounts, &self.strictest, survey)
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

    /// The STATUS= line: how many surveys, then each one's state.
    fn compose_status(&self) -> String {
        let mut parts = Vec::new();
        for slot in self.slots.values() {
            let name = slot.id.clone().unwrap_or_else(|| {
                slot.path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            });
            let problem = slot.problem.lock().expect("lock").clone();
            let seen = slot.seen.lock().expect("lock").clone();
            let mut words = Vec::new();
            if let Some(seen) = &seen
                && slot.running.is_some()
            {
                match seen.sending {
                    Some((done, all)) => words.push(format!("sending {done}/{all}")),
                    None => words.push(format!("{}/{} answered", seen.respondents, seen.listed)),
                }
                if !seen.next.is_empty() {
                    words.push(seen.next.clone());
                }
                if let Some((n, last)) = &seen.deferred {
                    words.push(format!("SMTP: {n} deferred ({})", shorten(last)));
                }
            }
            if let Some(imap) = slot.health.imap_problem() {
                words.push(format!("IMAP: {}", shorten(&imap)));
            }
            if let Some(filing) = slot.health.filing_problem() {
                words.push(format!("filing: {}", shorten(&filing)));
            }
            if let Some(problem) = problem {
                words.push(format!("PROBLEM: {}", shorten(&problem)));
            }
            parts.push(format!("{name}: {}", words.join(", ")));
        }
        for (path, store) in &self.stores {
            if let Some(waited) = store.lock_watch().waiting_for() {
                parts.push(format!(
                    "DATABASE {} locked by another process for {} s: waiting",
                    path.display(),
                    waited.as_secs()
                ));
            }
        }
        let count = self.slots.len();
        format!(
            "{count} survey{}; {}",
            if count == 1 { "" } else { "s" },
            parts.join("; ")
        )
    }

    /// The store thread: looks at every store in turn, recording what it
    /// saw and when it finished a round.
    fn spawn_store_thread(&self, shutdown: Shutdown) -> StoreThread {
        let watched = self.watched.clone();
        let beat = self.store_beat.clone();
        let started = self.started;
        let clock = self.clock.clone();
        let stop = Arc::new(AtomicBool::new(false));
        let stop_thread = stop.clone();
        // Look at least four times per watchdog interval, so that one slow
        // look does not miss a ping.
        let every = self
            .notifier
            .watchdog()
            .map(|w| (w / 4).clamp(Duration::from_millis(100), STORE_LOOK))
            .unwrap_or(STORE_LOOK);
        let handle = std::thread::Builder::new()
            .name("store-watch".into())
            .spawn(move || {
                // What was last written to each store's health table: it is
                // written only on a change, so the looks stay reads, which
                // in WAL mode never wait for the daemon's writes.
                let mut written: std::collections::HashMap<(String, HealthPart), Option<String>> =
                    std::collections::HashMap::new();
                while !shutdown.is_triggered() && !stop_thread.load(Ordering::SeqCst) {
                    let round: Vec<Watched> = watched.lock().expect("lock").clone();
                    let now = clock.now();
                    for w in &round {
                        match look(&w.survey, &w.store, now) {
                            Ok(seen) => *w.seen.lock().expect("lock") = Some(seen),
                            Err(err) => {
                                warn!(survey = %w.survey.id, error = %err, "store not readable")
                            }
                        }
                    }
                    beat.store(started.elapsed().as_millis() as u64, Ordering::SeqCst);
                    for w in &round {
                        // For `mailsurvey status`, which reads the store.
                        let imap = w.health.imap_problem();
                        let filing = w.health.filing_problem();
                        let problem = w.problem.lock().expect("lock").clone();
                        for (part, problem) in [
                            (HealthPart::Imap, imap),
                            (HealthPart::Filing, filing),
                            (HealthPart::Survey, problem),
                        ] {
                            let key = (w.survey.id.clone(), part);
                            if written.get(&key) == Some(&problem) {
                                continue;
                            }
                            match w.store.set_health(&w.survey.id, part, problem.as_deref(), now) {
                                Ok(()) => {
                                    written.insert(key, problem);
                                }
                                Err(err) => {
                                    warn!(survey = %w.survey.id, error = %err, "health not recorded")
                                }
                            }
                        }
                    }
                    let until = Instant::now() + every;
                    while Instant::now() < until
                        && !shutdown.is_triggered()
                        && !stop_thread.load(Ordering::SeqCst)
                    {
                        std::thread::sleep(Duration::from_millis(20));
                    }
                }
            })
            .expect("a thread starts");
        StoreThread {
            stop,
            handle: Some(handle),
        }
    }
}

/// Stops the store thread when dropped.
struct StoreThread {
    stop: Arc<AtomicBool>,
    handle: Option<std::thread::JoinHandle<()>>,
}

impl Drop for StoreThread {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(handle) = self.handle.take() {
            let _ = handle.join();
        }
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

/// The survey's store: the handle already open on its database, or a new one.
fn open_store(
    stores: &mut BTreeMap<PathBuf, Store>,
    survey: &Survey,
    now: Timestamp,
) -> Result<Store> {
    let store = match stores.get(&survey.database) {
        Some(store) => store.clone(),
        None => {
            let store = Store::open(&survey.database)?;
            stores.insert(survey.database.clone(), store.clone());
            store
        }
    };
    // A lock held through the wait is named (file and holder); for a
    // single file the service then exits and its unit restarts it.
    store
        .ensure_survey(survey, now)
        .map_err(|err| err.at_database(&survey.database))?;
    Ok(store)
}

/// Counts and the next scheduled action of one survey, from its store.
fn look(survey: &Survey, store: &Store, now: Timestamp) -> Result<Seen> {
    let status = store.status(&survey.id)?;
    let (mut done, mut all, mut due) = (0, 0, 0);
    for states in status.outbox.values() {
        for (state, n) in states {
            match state.as_str() {
                "sent" | "failed" => {
                    done += n;
                    all += n;
                }
                "pending" | "sending" => {
                    due += n;
                    all += n;
                }
                _ => {}
            }
        }
    }
    let closed = store.closed_at(&survey.id)?;
    Ok(Seen {
        listed: status.listed,
        respondents: status.respondents,
        sending: (due > 0 && store.next_due(&survey.id)?.is_some_and(|at| at <= now))
            .then_some((done, all)),
        deferred: store.deferred(&survey.id)?,
        next: next_action(survey, closed.is_some(), now),
    })
}

/// The next thing the survey will do by itself, in its own time zone.
pub fn next_action(survey: &Survey, closed: bool, now: Timestamp) -> String {
    let period = &survey.period;
    let show = |at: Timestamp| {
        at.to_zoned_datetime(period.time_zone.clone())
            .strftime("%-d %b %H:%M")
            .to_string()
    };
    if closed {
        return "closed".into();
    }
    if !period.is_open_at(now) {
        return format!("opens {}", show(period.open.timestamp()));
    }
    let next_reminder = period
        .reminders
        .iter()
        .map(|r| r.due(period, period.open.timestamp().max(now)))
        .filter(|at| *at > now && *at < period.close.timestamp())
        .min();
    match next_reminder {
        Some(at) => format!("next reminder {}", show(at)),
        None => format!("closes {}", show(period.close.timestamp())),
    }
}

/// The account's entry, made on first use: limits as computed at start-up
/// (or the survey's own, for an account first seen in a reload).
fn accounts_entry(
    accounts: &mut BTreeMap<String, Account>,
    strictest: &BTreeMap<String, (Option<u32>, usize)>,
    survey: &Survey,
) -> Result<Account> {
    let key = account_of(survey);
    if let Some(account) = accounts.get(&key) {
        return Ok(account.clone());
    }
    let (rate, connections) = strictest.get(&key).copied().unwrap_or((
        survey.sending.rate_per_minute,
        survey.sending.max_connections,
    ));
    let account = Account {
        outbox: Arc::new(SmtpOutbox::new(&survey.smtp, connections)?),
        limits: Limits::new(rate, connections),
    };
    accounts.insert(key, account.clone());
    Ok(account)
}

/// The mailbox a survey reads: server, user and folder.
fn mailbox_of(survey: &Survey) -> String {
    format!(
        "{}@{}:{}/{}",
        survey.imap.username, survey.imap.host, survey.imap.port, survey.replies.inbox
    )
}

fn first_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" / ")
}

fn shorten(text: &str) -> String {
    let line = first_line(text);
    if line.chars().count() > 160 {
        let cut: String = line.chars().take(157).collect();
        format!("{cut}...")
    } else {
        line
    }
}

/// Runs one survey's daemon until its shutdown. It first waits for the
/// daemon it replaces (a reload) to finish its work in flight. With
/// several surveys, a daemon that fails is started again after a delay
/// that doubles (the problem shown meanwhile); with one, its error ends
/// the service.
async fn keep_running(
    loaded: Loaded,
    wiring: Wiring,
    clock: Arc<dyn Clock>,
    mut shutdown: Shutdown,
    many: bool,
    previous: Option<JoinHandle<Result<()>>>,
) -> Result<()> {
    if let Some(previous) = previous {
        let _ = previous.await;
    }
    let Loaded {
        survey, templates, ..
    } = loaded;
    let mut delay = RESTART_FIRST;
    loop {
        let outcome = run_once(
            survey.clone(),
            templates.clone(),
            wiring.clone(),
            clock.clone(),
            shutdown.clone(),
        )
        .await;
        match outcome {
            Ok(()) => return Ok(()),
            Err(err) if !many => return Err(err),
            Err(err) => {
                if shutdown.is_triggered() {
                    return Ok(());
                }
                error!(survey = %survey.id, error = %err, retry_in = ?delay, "this survey stopped; the others go on");
                *wiring.problem.lock().expect("lock") = Some(err.to_string());
                tokio::select! {
                    _ = tokio::time::sleep(delay) => {}
                    _ = shutdown.wait() => return Ok(()),
                }
                delay = (delay * 2).min(RESTART_MAX);
            }
        }
    }
}

async fn run_once(
    survey: Survey,
    templates: Templates,
    wiring: Wiring,
    clock: Arc<dyn Clock>,
    shutdown: Shutdown,
) -> Result<()> {
    let smtp = wiring.account.outbox;
    match smtp.test_login().await {
        Ok(()) => {}
        Err(err @ (Error::Credentials(_) | Error::Tls(_))) => return Err(err),
        Err(err) => {
            warn!(survey = %survey.id, error = %err, "SMTP server not reachable yet; will keep trying")
        }
    }
    let daemon = Daemon::on_store(wiring.store, survey, templates, smtp, clock)?
        .with_limits(wiring.account.limits)
        .with_health(wiring.health)
        .with_reread(wiring.reread)
        .with_shared_inbox(wiring.arrived, wiring.wake);
    daemon.run(shutdown).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Survey {
        Survey::load(Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/config/example.toml"
        )))
        .unwrap()
    }

    fn at(survey: &Survey, local: &str) -> Timestamp {
        local
            .parse::<jiff::civil::DateTime>()
            .unwrap()
            .to_zoned_datetime(survey.period.time_zone.clone())
            .unwrap()
            .timestamp()
    }

    #[test]
    fn next_action_follows_the_period() {
        let mut survey = example();
        survey.period.open = "2026-12-01T09:00"
            .parse::<jiff::civil::DateTime>()
            .unwrap()
            .to_zoned_datetime(survey.period.time_zone.clone())
            .unwrap();
        survey.period.close = "2026-12-15T17:00"
            .parse::<jiff::civil::DateTime>()
            .unwrap()
            .to_zoned_datetime(survey.period.time_zone.clone())
            .unwrap();
        survey.period.reminders = vec![
            crate::survey::Reminder::parse("7 days before close").unwrap(),
            crate::survey::Reminder::parse("2 days before close").unwrap(),
        ];
        let before = at(&survey, "2026-11-30T12:00");
        assert_eq!(next_action(&survey, false, before), "opens 1 Dec 09:00");
        let open = at(&survey, "2026-12-02T12:00");
        assert_eq!(
            next_action(&survey, false, open),
            "next reminder 8 Dec 17:00"
        );
        let late = at(&survey, "2026-12-14T12:00");
        assert_eq!(next_action(&survey, false, late), "closes 15 Dec 17:00");
        assert_eq!(next_action(&survey, true, late), "closed");
    }

    #[test]
    fn a_directory_lists_its_survey_files_in_order() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.toml", "a.toml", "notes.txt"] {
            std::fs::write(dir.path().join(name), "").unwrap();
        }
        std::fs::create_dir(dir.path().join("credentials")).unwrap();
        let files = survey_files(dir.path()).unwrap();
        let names: Vec<_> = files
            .iter()
            .map(|f| f.file_name().unwrap().to_str().unwrap())
            .collect();
        assert_eq!(names, ["a.toml", "b.toml"]);
        let one = dir.path().join("a.toml");
        assert_eq!(survey_files(&one).unwrap(), vec![one]);
    }
}
