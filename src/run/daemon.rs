//! `mailsurvey run`: the long-running loop. Each turn it re-reads the
//! recipient list if it changed, queues invitations once the survey is
//! open, and sends what is due; then it sleeps until the next thing is due
//! or shutdown is asked for. Every turn starts from the store, so a restart
//! at any point simply continues.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use jiff::Timestamp;
use tracing::{error, info, warn};

use crate::inbox::Health;
use crate::outbox::Outbox;
use crate::run::clock::Clock;
use crate::run::dispatch::Dispatcher;
use crate::run::list::Brought;
use crate::run::shutdown::Shutdown;
use crate::store::Store;
use crate::survey::Survey;
use crate::survey::templates::Templates;
use crate::{Error, Result};

/// The longest the loop sleeps between turns.
const MAX_SLEEP: Duration = Duration::from_secs(5);

/// Everything one survey's daemon works with.
pub struct Daemon<O: Outbox> {
    survey: Arc<Survey>,
    store: Store,
    clock: Arc<dyn Clock>,
    dispatcher: Dispatcher<O>,
    templates: Arc<Templates>,
    list: ListWatch,
    /// Woken by the inbox watcher when it stored new mail.
    arrived: Arc<tokio::sync::Notify>,
    /// Tells the inbox watcher there is mail to file (ending its IDLE).
    file_now: Arc<crate::inbox::Wake>,
    /// Whether to read the inbox (off for `send`-only uses).
    read_inbox: bool,
    /// What the service shows about this survey's servers.
    health: Arc<Health>,
    /// Set by a reload (SIGHUP): read the recipient list now.
    reread: Arc<std::sync::atomic::AtomicBool>,
}

/// Notices when the recipient list changes on disk.
struct ListWatch {
    path: PathBuf,
    seen: Option<(SystemTime, u64)>,
}

impl ListWatch {
    fn changed(&mut self) -> bool {
        let stamp = std::fs::metadata(&self.path)
            .ok()
            .and_then(|m| Some((m.modified().ok()?, m.len())));
        if stamp != self.seen {
            self.seen = stamp;
            true
        } else {
            false
        }
    }
}

impl<O: Outbox> Daemon<O> {
    /// Prepares the daemon for `survey`: opens the store, records the
    /// survey, and requeues whatever a crash left in flight.
    pub fn new(
        survey: Survey,
        templates: Templates,
        outbox: O,
        clock: Arc<dyn Clock>,
    ) -> Result<Self> {
        let store = Store::open(&survey.database)?;
        Daemon::on_store(store, survey, templates, outbox, clock)
    }

    /// [`Daemon::new`] on a store already open: surveys that share a
    /// database share one handle, so their writes queue on its lock rather
    /// than fail on SQLite's.
    pub fn on_store(
        store: Store,
        survey: Survey,
        templates: Templates,
        outbox: O,
        clock: Arc<dyn Clock>,
    ) -> Result<Self> {
        store.ensure_survey(&survey, clock.now())?;
        let requeued = store.requeue_in_flight(&survey.id)?;
        if requeued > 0 {
            warn!(survey = %survey.id, requeued, "messages in flight at the last stop go again, with the same Message-ID");
        }
        let survey = Arc::new(survey);
        let templates = Arc::new(templates);
        let dispatcher = Dispatcher::new(
            store.clone(),
            survey.clone(),
            templates.clone(),
            outbox,
            clock.clone(),
        );
        let list = ListWatch {
            path: survey.recipients_file.clone(),
            seen: None,
        };
        Ok(Daemon {
            survey,
            store,
            clock,
            dispatcher,
            templates,
            list,
            arrived: Arc::new(tokio::sync::Notify::new()),
            file_now: Arc::new(crate::inbox::Wake::new()),
            read_inbox: true,
            health: Arc::new(Health::default()),
            reread: Arc::new(std::sync::atomic::AtomicBool::new(false)),
        })
    }

    /// Sends within the limits of an SMTP account shared with other surveys.
    pub fn with_limits(mut self, limits: Arc<crate::run::dispatch::Limits>) -> Self {
        self.dispatcher = self.dispatcher.with_limits(limits);
        self
    }

    /// Leaves reading the mailbox to a watcher shared with other surveys
    /// (the service's): it wakes `arrived` when it stored mail for this
    /// survey, and this daemon sets `file_now` when there is mail to file.
    pub fn with_shared_inbox(
        mut self,
        arrived: Arc<tokio::sync::Notify>,
        file_now: Arc<crate::inbox::Wake>,
    ) -> Self {
        self.read_inbox = false;
        self.arrived = arrived;
        self.file_now = file_now;
        self
    }

    /// Reports server problems into `health` (the service shows them).
    pub fn with_health(mut self, health: Arc<Health>) -> Self {
        self.health = health;
        self
    }

    /// Re-reads the recipient list whenever `reread` is set (a reload).
    pub fn with_reread(mut self, reread: Arc<std::sync::atomic::AtomicBool>) -> Self {
        self.reread = reread;
        self
    }

    /// The store this daemon writes.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Runs until `shutdown`. Work in flight finishes first. When the
    /// daemon stops for a fatal reason instead, every thread is told and
    /// the error is returned within seconds, so `main` exits non-zero and
    /// a supervisor can restart it.
    pub async fn run(mut self, mut shutdown: Shutdown) -> Result<()> {
        info!(survey = %self.survey.id, open = %self.survey.period.open, close = %self.survey.period.close, "daemon started");
        // The threads this daemon starts stop on this one: triggered by the
        // caller's shutdown or by the daemon's own fatal error.
        let (stop, threads) = crate::run::shutdown::channel();
        let forward = {
            let mut outer = shutdown.clone();
            let stop = stop.clone();
            tokio::spawn(async move {
                outer.wait().await;
                stop.trigger();
            })
        };
        let socket = Arc::new(std::sync::Mutex::new(None));
        let mut watcher = self.read_inbox.then(|| {
            crate::inbox::Watcher {
                survey: self.survey.clone(),
                store: self.store.clone(),
                notify: self.arrived.clone(),
                shutdown: threads.clone(),
                wake: self.file_now.clone(),
                socket: socket.clone(),
                health: self.health.clone(),
                members: None,
            }
            .spawn()
        });
        let outcome = self
            .run_loop(&mut shutdown, watcher.as_mut(), &threads)
            .await;
        stop.trigger();
        forward.abort();
        if let Some(watcher) = watcher {
            // Closing its socket ends an IDLE wait at once.
            crate::inbox::interrupt(&socket);
            let joined = tokio::time::timeout(
                Duration::from_secs(10),
                tokio::task::spawn_blocking(move || watcher.join()),
            )
            .await;
            if joined.is_err() {
                warn!(survey = %self.survey.id, "the inbox thread did not stop within 10 s; leaving it");
            }
        }
        match &outcome {
            Ok(()) => info!(survey = %self.survey.id, "daemon stopped"),
            Err(err) => {
                error!(survey = %self.survey.id, error = %err, "daemon stopped by an error")
            }
        }
        outcome
    }

    async fn run_loop(
        &mut self,
        shutdown: &mut Shutdown,
        mut watcher: Option<&mut crate::inbox::Running>,
        threads: &Shutdown,
    ) -> Result<()> {
        let mut backoff = Duration::from_secs(1);
        // Said once, after the first turn that went through: everything the
        // store, the clock and the outbox asked for at start-up has been
        // done (what a restart after a crash or the close owed is sent, or
        // nothing was). Tests and operators wait for it instead of a guess.
        let mut caught_up = false;
        while !shutdown.is_triggered() {
            if let Some(watcher) = watcher.as_deref_mut() {
                watcher.restart_if_dead(threads);
            }
            let began = std::time::Instant::now();
            let turned = self.turn(shutdown).await;
            match turned.map_err(|err| err.at_database(&self.survey.database)) {
                Ok(()) => {
                    backoff = Duration::from_secs(1);
                    if !caught_up {
                        caught_up = true;
                        info!(survey = %self.survey.id, "first turn done: caught up with the store and the outbox");
                    }
                    // Every turn takes the write lock (ingest's batch
                    // transaction), so a turn that went through means
                    // another process's lock is gone.
                    self.store.lock_watch().resumed();
                }
                Err(err) if err.is_locked() => {
                    // Another process holds the database: said once per
                    // wait; each try waits BUSY_TIMEOUT for the lock.
                    self.store.lock_watch().waiting(&err, "daemon", began);
                    tokio::select! {
                        _ = tokio::time::sleep(crate::store::lock::RETRY_PAUSE) => {}
                        _ = shutdown.wait() => {}
                    }
                    continue;
                }
                Err(err) if err.needs_operator() => {
                    error!(error = %err, retry_in = ?backoff, "this needs the operator (disk full, permissions, read-only store?); trying again");
                    tokio::select! {
                        _ = tokio::time::sleep(backoff) => {}
                        _ = shutdown.wait() => {}
                    }
                    backoff = (backoff * 2).min(Duration::from_secs(60));
                    continue;
                }
                Err(err) if err.is_transient() => {
                    warn!(error = %err, "this turn failed; trying again");
                }
                Err(err) => {
                    error!(error = %err, "stopping");
                    return Err(err);
                }
            }
            let sleep = match self.until_next() {
                Ok(sleep) => sleep,
                // A lock that blocks even reading (another process in
                // exclusive locking mode) is waited out like any other.
                Err(err) if err.is_locked() => {
                    let err = err.at_database(&self.survey.database);
                    self.store
                        .lock_watch()
                        .waiting(&err, "daemon", std::time::Instant::now());
                    crate::store::lock::RETRY_PAUSE
                }
                Err(err) => return Err(err),
            };
            if sleep >= Duration::from_secs(1) {
                self.store.release_memory();
                give_back_memory();
            }
            tokio::select! {
                _ = tokio::time::sleep(sleep) => {}
                _ = self.arrived.notified() => {}
                _ = shutdown.wait() => {}
            }
        }
        Ok(())
    }

    /// One turn: recipients, new mail, invitations, then sending what is
    /// due. While the turn sends (receipts for a backlog of replies take
    /// the SMTP server's time), mail the inbox stores meanwhile goes on
    /// being processed, in batches, without waiting for the sending to end;
    /// the receipts it queues go out in the same round.
    pub async fn turn(&mut self, shutdown: &Shutdown) -> Result<()> {
        let reread = self.reread.swap(false, std::sync::atomic::Ordering::SeqCst);
        let list = if reread {
            ListRead::Again
        } else if self.list.changed() {
            ListRead::IfChanged
        } else {
            ListRead::No
        };
        self.store_work(list).await?;
        let sending = self.dispatcher.send_due(shutdown, |_| {});
        tokio::pin!(sending);
        // Sending is never cut short (a message the server has taken must
        // be marked sent): an error of the store work waits for it.
        let mut failed = None;
        loop {
            tokio::select! {
                sent = &mut sending => {
                    sent?;
                    return failed.map_or(Ok(()), Err);
                }
                _ = self.arrived.notified(), if failed.is_none() && !shutdown.is_triggered() => {
                    if let Err(err) = self.store_work(ListRead::No).await {
                        failed = Some(err);
                    }
                }
            }
        }
    }

    /// The store's work of a turn: the recipient list when it changed, new
    /// mail, the timeline, invitations. It runs off the async workers:
    /// SQLite waits for fsyncs and for the write lock a CLI command may
    /// hold.
    async fn store_work(&self, list: ListRead) -> Result<()> {
        let now = self.clock.now();
        let (survey, templates) = (self.survey.clone(), self.templates.clone());
        let file_now = self.file_now.clone();
        let ingested = self
            .store
            .blocking(move |store| {
                if list != ListRead::No {
                    sync_recipients(store, &survey, now, list == ListRead::Again)?;
                }
                // Each batch committed is filed while the next is processed.
                let ingested = crate::decide::ingest::process_new_then(
                    store,
                    &survey,
                    &templates,
                    now,
                    |_| file_now.set(),
                )?;
                crate::follow_up::timeline::advance(store, &survey, now)?;
                crate::follow_up::digest::queue_due(store, &survey, now)?;
                let closed = store.closed_at(&survey.id)?.is_some();
                if survey.period.is_open_at(now) && !closed {
                    let queued = store.queue_invitations(&survey.id, now)?;
                    if queued > 0 {
                        info!(survey = %survey.id, queued, "invitations queued");
                    }
                }
                Ok(ingested)
            })
            .await?;
        if ingested.processed + ingested.failed > 0 {
            self.file_now.set();
        }
        Ok(())
    }

    fn until_next(&self) -> Result<Duration> {
        let now = self.clock.now();
        let mut next = now + jiff::SignedDuration::try_from(MAX_SLEEP).expect("small");
        if let Some(due) = self.store.next_due(&self.survey.id)? {
            // What is due waits for the account's quota window when the
            // quota is used up (the leads' mail went in the turn).
            let due = match self.dispatcher.quota_opens_at() {
                Some(opens) if due <= now => opens,
                _ => due,
            };
            next = next.min(due);
        }
        for event in [
            self.survey.period.open.timestamp(),
            self.survey.period.close.timestamp(),
        ]
        .into_iter()
        .chain(crate::follow_up::digest::next_slot(&self.survey, now))
        {
            if event > now {
                next = next.min(event);
            }
        }
        let wait = next.duration_since(now);
        Ok(Duration::try_from(wait)
            .unwrap_or(Duration::ZERO)
            .max(Duration::from_millis(200)))
    }
}

/// Before the daemon sleeps: the allocator's free pages go back to the
/// system. glibc keeps them in its heap between live allocations (trimming
/// only the top), so a turn that read a large list left an idle daemon at
/// 45 MB for 30,000 people; 19 MB after this (BENCHMARKS.md).
fn give_back_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns the allocator's free memory to the
    // system; it takes the allocator's own locks and is thread-safe.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Loads a survey, its templates and its recipient list, checking all of
/// them and reporting every problem at once.
pub fn load(path: &Path) -> Result<(Survey, Templates)> {
    let survey = Survey::load(path).map_err(Error::Invalid)?;
    let templates = Templates::for_survey(&survey).map_err(Error::Invalid)?;
    Ok((survey, templates))
}

/// Whether a turn reads the recipient list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ListRead {
    /// Not this turn.
    No,
    /// Its file looks changed (or this is the first turn): read it unless
    /// the store's record of its last full read says it is unchanged.
    IfChanged,
    /// A reload: read it whatever the record says.
    Again,
}

/// Brings the store in line with the recipient list on disk. A row that
/// fails validation keeps that person's last good state; every other row
/// applies. A list unchanged since its last full read is not read again,
/// unless `force` (a reload).
fn sync_recipients(store: &Store, survey: &Survey, now: Timestamp, force: bool) -> Result<()> {
    match crate::run::list::bring_in(store, survey, now, false, force)? {
        Brought::Applied {
            changes,
            listed,
            problems,
        } => {
            info!(survey = %survey.id, listed, added = changes.added, removed = changes.removed, relisted = changes.relisted, "recipient list read");
            if !problems.is_empty() {
                warn!(survey = %survey.id, "recipient list: rows not applied (those people keep their last good state):\n{problems}");
            }
        }
        Brought::Unchanged(last) => {
            info!(survey = %survey.id, listed = last.listed, "recipient list unchanged since it was last read")
        }
        // An unreadable list must not remove anybody: keep the last good one.
        Brought::NotApplied(problems) => {
            warn!(survey = %survey.id, "recipient list not applied: {problems}")
        }
        Brought::Purged => {}
    }
    Ok(())
}
