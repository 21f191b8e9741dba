//! The dispatcher: takes due messages from the store and sends them
//! through an [`Outbox`] over a bounded number of parallel connections, at
//! an optional rate, retrying transient failures with exponential backoff
//! and jitter and recording permanent ones.
//!
//! Durability (group commit): a message is marked `sending` (committed)
//! before it is handed to the server and `sent` after the server accepted
//! it. A sending task claims a batch of due messages in one commit (up to
//! [`SEND_BATCH`], fewer while a queue is short, one under a pace or a
//! quota) and marks what the server accepted in the commit that claims its
//! next batch, so one fsync serves many messages. A crash in between leaves
//! them `sending`; at start-up they go again with the same Message-ID. So
//! at most the messages in flight at a crash, no more than the number of
//! connections times [`SEND_BATCH`], can arrive twice; nothing is marked
//! sent that the server did not accept.

use std::sync::Arc;
use std::time::Duration;

use jiff::{SignedDuration, Timestamp};
use tokio::sync::Mutex;
use tracing::{info, warn};

use crate::outbox::quota::allowance;
use crate::outbox::throttle::Connections;
use crate::outbox::{Outbox, render};
use crate::run::clock::Clock;
use crate::run::shutdown::Shutdown;
use crate::store::{Accepted, Claimable, Claimed, MailKind, Store};
use crate::survey::Survey;
use crate::survey::templates::Templates;
use crate::understand::bounce::{SenderLimit, sender_limit};
use crate::{Error, Result};

/// What one round of sending did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Round {
    /// Accepted by the server.
    pub sent: usize,
    /// Deferred for a later attempt.
    pub retried: usize,
    /// Given up.
    pub failed: usize,
}

/// Sends due messages from the store through an [`Outbox`].
pub struct Dispatcher<O: Outbox> {
    worker: Arc<Worker<O>>,
}

impl<O: Outbox> Dispatcher<O> {
    /// A dispatcher for one survey.
    pub fn new(
        store: Store,
        survey: Arc<Survey>,
        templates: Arc<Templates>,
        outbox: O,
        clock: Arc<dyn Clock>,
    ) -> Self {
        let limits = Limits::of(&survey.sending);
        Dispatcher {
            worker: Arc::new(Worker {
                store,
                survey,
                templates,
                outbox,
                clock,
                limits,
            }),
        }
    }

    /// Sends within `limits` instead of the survey's own: the limits of an
    /// SMTP account that other surveys send through too.
    pub fn with_limits(mut self, limits: Arc<Limits>) -> Self {
        Arc::get_mut(&mut self.worker)
            .expect("limits are set before the dispatcher is used")
            .limits = limits;
        self
    }

    /// Sends everything due now over at most `max_connections` parallel
    /// workers; `on_done` is called after each message (for a progress bar).
    pub async fn send_due(
        &self,
        shutdown: &Shutdown,
        on_done: impl Fn(&Round) + Send + Sync + 'static,
    ) -> Result<Round> {
        let round = Arc::new(std::sync::Mutex::new(Round::default()));
        self.seed_quota().await?;
        self.seed_pause().await?;
        let on_done = Arc::new(on_done);
        let mut workers = tokio::task::JoinSet::new();
        for _ in 0..self.worker.survey.sending.max_connections {
            let worker = self.worker.clone();
            let round = round.clone();
            let on_done = on_done.clone();
            let shutdown = shutdown.clone();
            workers.spawn(async move { worker.work(&round, &*on_done, &shutdown).await });
        }
        let mut first_error = None;
        while let Some(joined) = workers.join_next().await {
            match joined {
                Ok(Ok(())) => {}
                Ok(Err(err)) => first_error = first_error.or(Some(err)),
                Err(panic) => {
                    first_error =
                        first_error.or(Some(Error::Other(format!("send worker failed: {panic}"))))
                }
            }
        }
        if let Some(err) = first_error {
            return Err(err);
        }
        let now = self.worker.clock.now().as_second();
        if let Some(until) = self.worker.limits.paused_at(now) {
            let until = Timestamp::from_second(until).unwrap_or_default();
            info!(survey = %self.worker.survey.id, until = %until, "sending paused: the provider refused the account for a sending limit");
        }
        let round = *round.lock().expect("round lock");
        Ok(round)
    }
}

impl<O: Outbox> Dispatcher<O> {
    /// Reads what this survey sent within the account's quota window from
    /// the store, once per survey and account: the quota holds across
    /// restarts.
    async fn seed_quota(&self) -> Result<()> {
        if self.worker.limits.quota.is_none() {
            return Ok(());
        }
        let (limits, survey, now) = (
            self.worker.limits.clone(),
            self.worker.survey.clone(),
            self.worker.clock.now(),
        );
        self.worker
            .store
            .blocking(move |store| limits.seed(store, &survey, now))
            .await
    }

    /// A pause of this survey's sending still running (a refusal in a
    /// session before a restart, or a delivery report with our key) pauses
    /// the account, and so every survey sending through it.
    async fn seed_pause(&self) -> Result<()> {
        let (survey_id, now) = (self.worker.survey.id.clone(), self.worker.clock.now());
        let until = self
            .worker
            .store
            .blocking(move |store| store.paused_until(&survey_id, now))
            .await?;
        if let Some(until) = until {
            self.worker.limits.pause(until);
        }
        Ok(())
    }

    /// When the account lets the next message go, if it cannot now (its
    /// quota is used up, or the provider refused it for a sending limit):
    /// the daemon sleeps until then instead of retrying what is due.
    pub fn quota_opens_at(&self) -> Option<Timestamp> {
        let limits = &self.worker.limits;
        let now = self.worker.clock.now().as_second();
        let quota = limits.quota.as_ref().and_then(|q| q.opens_at(now));
        let at = quota.max(limits.paused_at(now))?;
        Timestamp::from_second(at).ok()
    }
}

enum Outcome {
    /// Accepted; with an invitation's or reminder's bytes to keep.
    Sent(Option<Vec<u8>>),
    Retry,
    Failed,
    /// A problem with our own setup (login refused), or the provider
    /// paused our account: stop this round.
    Stop,
    /// The provider said too many connections at once: this task stops,
    /// with its connection given up if `true` (see [`Limits`]).
    Fewer(bool),
}

/// Most messages one sending task claims in one commit (group commit).
/// Also the most it has handed to the server and not yet marked sent: a
/// crash leaves at most `max_connections` times this many in flight, the
/// only ones that can arrive twice.
pub const SEND_BATCH: usize = 32;

/// What every sending task shares.
struct Worker<O: Outbox> {
    store: Store,
    survey: Arc<Survey>,
    templates: Arc<Templates>,
    outbox: O,
    clock: Arc<dyn Clock>,
    limits: Arc<Limits>,
}

/// The sending limits of one SMTP account (`rate_per_minute`,
/// `max_connections`), shared by every survey that sends through it: a
/// provider counts messages and connections per account, not per survey.
#[derive(Debug)]
pub struct Limits {
    pace: Option<Mutex<tokio::time::Interval>>,
    connections: Arc<tokio::sync::Semaphore>,
    quota: Option<Quota>,
    /// Fewer connections after the provider said too many at once, and
    /// how many permits are out of `connections` for it.
    throttle: std::sync::Mutex<(Connections, usize)>,
    /// No mail through the account before this (Unix seconds; 0: none):
    /// the provider refused it for a sending limit.
    paused_until: std::sync::atomic::AtomicI64,
}

/// An account's quota (`daily_limit` recipients per `quota_window`): the
/// send times within the window, seeded from the stores of the surveys on
/// the account and kept as they send; the decision is
/// [`crate::outbox::quota::allowance`].
#[derive(Debug)]
struct Quota {
    limit: u64,
    /// Seconds.
    window: i64,
    ledger: std::sync::Mutex<Ledger>,
}

#[derive(Debug, Default)]
struct Ledger {
    /// Ascending Unix seconds, as the store's `sent_at`.
    sent: Vec<i64>,
    /// Handed out, not yet settled: each holds a slot.
    in_flight: u64,
    /// The surveys (database and id) whose sent mail has been read.
    seeded: std::collections::BTreeSet<String>,
}

impl Quota {
    fn ledger(&self) -> std::sync::MutexGuard<'_, Ledger> {
        self.ledger.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn is_seeded(&self, key: &str) -> bool {
        self.ledger().seeded.contains(key)
    }

    fn seed(&self, key: String, sent: &[i64]) {
        let mut ledger = self.ledger();
        if ledger.seeded.insert(key) {
            ledger.sent.extend_from_slice(sent);
            ledger.sent.sort_unstable();
        }
    }

    /// Takes a slot at `now` if one is free.
    fn reserve(&self, now: i64) -> bool {
        let mut ledger = self.ledger();
        let old = ledger.sent.partition_point(|&s| s <= now - self.window);
        ledger.sent.drain(..old);
        let allowed = allowance(self.limit, self.window, &ledger.sent, ledger.in_flight, now);
        if allowed.may_send > 0 {
            ledger.in_flight += 1;
        }
        allowed.may_send > 0
    }

    /// A message handed out is settled: it went to `recipients` at
    /// `sent_at` (as marked in the store), or it did not go.
    fn settle(&self, reserved: bool, sent_at: Option<i64>, recipients: usize) {
        let mut ledger = self.ledger();
        if reserved {
            ledger.in_flight = ledger.in_flight.saturating_sub(1);
        }
        if let Some(at) = sent_at {
            let place = ledger.sent.partition_point(|&s| s <= at);
            ledger
                .sent
                .splice(place..place, std::iter::repeat_n(at, recipients.max(1)));
        }
    }

    fn opens_at(&self, now: i64) -> Option<i64> {
        let ledger = self.ledger();
        allowance(self.limit, self.window, &ledger.sent, ledger.in_flight, now).opens_at
    }
}

impl Limits {
    /// At most `rate_per_minute` messages a minute (if set) over at most
    /// `max_connections` at once. Call within the async runtime.
    pub fn new(rate_per_minute: Option<u32>, max_connections: usize) -> Arc<Limits> {
        let pace = rate_per_minute.map(|per_minute| {
            let mut interval =
                tokio::time::interval(Duration::from_secs_f64(60.0 / f64::from(per_minute.max(1))));
            interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            Mutex::new(interval)
        });
        Arc::new(Limits {
            pace,
            connections: Arc::new(tokio::sync::Semaphore::new(max_connections.max(1))),
            quota: None,
            throttle: std::sync::Mutex::new((Connections::new(max_connections), 0)),
            paused_until: std::sync::atomic::AtomicI64::new(0),
        })
    }

    fn throttle(&self) -> std::sync::MutexGuard<'_, (Connections, usize)> {
        self.throttle.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The provider said too many connections at `now`: one fewer (never
    /// the last). Returns whether the caller's own permit is to be given
    /// up for it, and the connections after it (max, how many fewer).
    fn too_many_connections(&self, now: i64) -> (bool, (usize, usize)) {
        let mut throttle = self.throttle();
        let lowered = throttle.0.refused(now);
        if lowered {
            throttle.1 += 1;
        }
        (lowered, (throttle.0.max, throttle.0.fewer))
    }

    /// Gives back the connections that have come back by `now`.
    fn restore_connections(&self, now: i64) {
        let mut throttle = self.throttle();
        let fewer = throttle.0.fewer_at(now);
        if throttle.1 > fewer {
            self.connections.add_permits(throttle.1 - fewer);
            throttle.1 = fewer;
        }
    }

    /// Reads what `survey` sent within the account's quota window from its
    /// store, once per survey: the service calls it for every survey on the
    /// account before their daemons start, so that each counts the others'
    /// mail from its first message, across restarts.
    pub fn seed(&self, store: &Store, survey: &Survey, now: Timestamp) -> Result<()> {
        let Some(quota) = &self.quota else {
            return Ok(());
        };
        let key = format!("{}\u{0}{}", survey.database.display(), survey.id);
        if quota.is_seeded(&key) {
            return Ok(());
        }
        let since = now - SignedDuration::from_secs(quota.window);
        let sent = store.sent_since(&survey.id, since, survey.leads.len())?;
        quota.seed(key, &sent);
        Ok(())
    }

    /// No mail through the account before `until`.
    fn pause(&self, until: Timestamp) {
        self.paused_until
            .fetch_max(until.as_second(), std::sync::atomic::Ordering::SeqCst);
    }

    /// Until when the account is paused at `now`, if it is.
    fn paused_at(&self, now: i64) -> Option<i64> {
        let until = self.paused_until.load(std::sync::atomic::Ordering::SeqCst);
        (until > now).then_some(until)
    }

    /// A survey's own limits: its rate, connections and quota.
    pub fn of(sending: &crate::survey::servers::Sending) -> Arc<Limits> {
        Limits::with_quota(
            sending.rate_per_minute,
            sending.max_connections,
            sending.daily_limit.map(|n| (n, sending.quota_window)),
        )
    }

    /// [`Limits::new`] with at most `quota.0` recipients per rolling
    /// window `quota.1`, counted from the stores of the surveys that send
    /// within these limits.
    pub fn with_quota(
        rate_per_minute: Option<u32>,
        max_connections: usize,
        quota: Option<(u32, SignedDuration)>,
    ) -> Arc<Limits> {
        let mut limits =
            Arc::into_inner(Limits::new(rate_per_minute, max_connections)).expect("just made");
        limits.quota = quota.map(|(limit, window)| Quota {
            limit: u64::from(limit),
            window: window.as_secs().max(1),
            ledger: std::sync::Mutex::new(Ledger::default()),
        });
        Arc::new(limits)
    }
}

impl<O: Outbox> Worker<O> {
    /// One sending task: claims and sends due messages until none is left,
    /// within the pace, the connections and the quota of the account. What
    /// the server accepted is marked sent in the commit that claims the
    /// next batch (group commit), under a pace before the wait for the
    /// next slot, and at the end whatever happened.
    async fn work(
        &self,
        round: &std::sync::Mutex<Round>,
        on_done: &(impl Fn(&Round) + Send + Sync),
        shutdown: &Shutdown,
    ) -> Result<()> {
        let mut accepted = Vec::new();
        let worked = self.batches(&mut accepted, round, on_done, shutdown).await;
        self.mark_sent(&mut accepted).await?;
        worked
    }

    /// Marks what the server accepted as sent, in one commit (none when
    /// there is nothing to mark).
    async fn mark_sent(&self, accepted: &mut Vec<Accepted>) -> Result<()> {
        if accepted.is_empty() {
            return Ok(());
        }
        let (survey_id, now) = (self.survey.id.clone(), self.clock.now());
        let domain = self.survey.sender.address.domain().to_owned();
        let done = std::mem::take(accepted);
        self.store
            .blocking(move |store| {
                store.claim_batch(&survey_id, &domain, now, &done, Claimable::Any, 0)
            })
            .await?;
        Ok(())
    }

    /// How many messages the next claim takes: one at a time under a pace
    /// or a quota (each waits for its slot; nothing sits claimed meanwhile),
    /// else doubling from one up to [`SEND_BATCH`], so that a few due
    /// messages spread over the connections and a long queue costs one
    /// commit per batch.
    fn next_batch(&self, last: usize) -> usize {
        if self.limits.pace.is_some() || self.limits.quota.is_some() {
            1
        } else {
            (last * 2).clamp(1, SEND_BATCH)
        }
    }

    async fn batches(
        &self,
        accepted: &mut Vec<Accepted>,
        round: &std::sync::Mutex<Round>,
        on_done: &(impl Fn(&Round) + Send + Sync),
        shutdown: &Shutdown,
    ) -> Result<()> {
        let mut batch = 0;
        loop {
            // Wait for the pace and a connection of the account before
            // claiming, so rows sit in `sending` only while the server has
            // them. A slot of a slow pace can be a minute away: what the
            // server took is marked sent before the wait (not with the
            // next claim), and a shutdown ends the wait (the workers took
            // their slots one after another before they looked, a minute
            // each).
            if let Some(pace) = &self.limits.pace {
                self.mark_sent(accepted).await?;
                let mut stopping = shutdown.clone();
                tokio::select! {
                    _ = async { pace.lock().await.tick().await } => {}
                    _ = stopping.wait() => return Ok(()),
                }
            }
            self.limits
                .restore_connections(self.clock.now().as_second());
            let Ok(connection) = self.limits.connections.clone().acquire_owned().await else {
                return Ok(());
            };
            let now = self.clock.now();
            if shutdown.is_triggered() || self.limits.paused_at(now.as_second()).is_some() {
                return Ok(());
            }
            batch = self.next_batch(batch);
            // With the quota used up, only the leads' mail goes; the rest
            // waits for the window (the daemon comes back when it opens).
            let reserved = self
                .limits
                .quota
                .as_ref()
                .is_some_and(|q| q.reserve(now.as_second()));
            let which = match &self.limits.quota {
                None => Claimable::Any,
                Some(_) if reserved => Claimable::FollowUpsFirst,
                Some(_) => Claimable::LeadsOnly,
            };
            let (survey_id, done, n) = (self.survey.id.clone(), std::mem::take(accepted), batch);
            let domain = self.survey.sender.address.domain().to_owned();
            let claimed = self
                .store
                .blocking(move |store| store.claim_batch(&survey_id, &domain, now, &done, which, n))
                .await
                .inspect_err(|_| self.settle(reserved, None, 0))?;
            if claimed.is_empty() {
                self.settle(reserved, None, 0);
                return Ok(());
            }
            let mut rest = claimed.into_iter();
            while let Some(claimed) = rest.next() {
                let outcome = self.send_one(claimed, reserved, accepted).await?;
                let snapshot = {
                    let mut round = round.lock().expect("round lock");
                    match outcome {
                        Outcome::Sent(_) => round.sent += 1,
                        Outcome::Retry => round.retried += 1,
                        Outcome::Failed => round.failed += 1,
                        Outcome::Stop | Outcome::Fewer(_) => {}
                    }
                    *round
                };
                let stop = matches!(outcome, Outcome::Stop | Outcome::Fewer(_));
                if let Outcome::Fewer(true) = outcome {
                    // This task's connection is the one taken away: it
                    // ends, and its permit with it.
                    connection.forget();
                    let unsent: Vec<i64> = rest.map(|c| c.id).collect();
                    self.release(unsent).await?;
                    return Ok(());
                }
                if stop || shutdown.is_triggered() {
                    let unsent: Vec<i64> = rest.map(|c| c.id).collect();
                    self.release(unsent).await?;
                    return Ok(());
                }
                on_done(&snapshot);
            }
        }
    }

    /// Sends one claimed message; what the server accepted joins
    /// `accepted`, to be marked sent with the next claim (under a quota at
    /// once, so that the store's `sent_at` is the time the quota counted).
    async fn send_one(
        &self,
        claimed: Claimed,
        reserved: bool,
        accepted: &mut Vec<Accepted>,
    ) -> Result<Outcome> {
        let id = claimed.id;
        // A provider counts recipients: the leads' mail goes to each lead.
        let recipients = match claimed.recipient {
            Some(_) => 1,
            None => self.survey.leads.len(),
        };
        match self.deliver(claimed).await {
            Ok(Outcome::Sent(questionnaire)) if self.limits.quota.is_some() => {
                let at = self.clock.now();
                let sent = [Accepted {
                    id,
                    at,
                    questionnaire,
                }];
                let survey_id = self.survey.id.clone();
                let domain = self.survey.sender.address.domain().to_owned();
                let marked = self
                    .store
                    .blocking(move |store| {
                        store.claim_batch(&survey_id, &domain, at, &sent, Claimable::Any, 0)
                    })
                    .await;
                self.settle(
                    reserved,
                    marked.is_ok().then_some(at.as_second()),
                    recipients,
                );
                marked?;
                Ok(Outcome::Sent(None))
            }
            Ok(Outcome::Sent(questionnaire)) => {
                accepted.push(Accepted {
                    id,
                    at: self.clock.now(),
                    questionnaire,
                });
                Ok(Outcome::Sent(None))
            }
            other => {
                self.settle(reserved, None, 0);
                other
            }
        }
    }

    /// Claimed messages never handed over go back to the queue.
    async fn release(&self, unsent: Vec<i64>) -> Result<()> {
        if unsent.is_empty() {
            return Ok(());
        }
        self.store
            .blocking(move |store| store.release_unsent(&unsent))
            .await
    }

    fn settle(&self, reserved: bool, sent_at: Option<i64>, recipients: usize) {
        if let Some(quota) = &self.limits.quota {
            quota.settle(reserved, sent_at, recipients);
        }
    }

    async fn mark_failed(&self, id: i64, err: &Error) -> Result<()> {
        let why = err.to_string();
        self.store
            .blocking(move |store| store.mark_failed(id, &why))
            .await
    }

    async fn mark_retry(&self, id: i64, err: &Error, at: Timestamp) -> Result<()> {
        let why = err.to_string();
        self.store
            .blocking(move |store| store.mark_retry(id, &why, at))
            .await
    }

    async fn deliver(&self, claimed: Claimed) -> Result<Outcome> {
        let now = self.clock.now();
        // One message that cannot be built (or that makes a library panic
        // while encoding it) is set aside; the rest go on.
        let rendered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            render(&self.survey, &self.templates, &claimed, now)
        }))
        .unwrap_or_else(|panic| {
            let why = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(Error::Message(format!(
                "encoding the message failed unexpectedly: {why}"
            )))
        });
        let mail = match rendered {
            Ok(mail) => mail,
            Err(err) => {
                self.mark_failed(claimed.id, &err).await?;
                warn!(message_id = %crate::compose::token::redact(&claimed.message_id), error = %crate::report::shown::logged(&err.to_string()), "cannot build message");
                return Ok(Outcome::Failed);
            }
        };
        // Logs name the recipient by internal id and the Message-ID by its
        // token's selector only: never the secret part of a token.
        let to = claimed
            .recipient
            .as_ref()
            .map_or_else(|| "leads".to_owned(), |r| r.id.to_string());
        let message_id = crate::compose::token::redact(&claimed.message_id);
        match self.outbox.send(&mail).await {
            Ok(()) => {
                info!(survey = %self.survey.id, kind = %claimed.kind, recipient = %to, message_id = %message_id, "sent");
                // An invitation or reminder is kept as it went (marked
                // with its sent mark): a reply is read against the text the
                // person got.
                let keep = matches!(claimed.kind, MailKind::Invitation | MailKind::Reminder);
                Ok(Outcome::Sent(keep.then_some(mail.bytes)))
            }
            Err(err @ (Error::Credentials(_) | Error::Tls(_))) => {
                // Our setup is wrong, not this recipient: try again later,
                // without counting it against the message.
                let retry_at = now + self.survey.sending.retry_base;
                self.mark_retry(claimed.id, &err, retry_at).await?;
                tracing::error!(error = %err, "sending stopped");
                Ok(Outcome::Stop)
            }
            Err(err) if sender_limit(&err.to_string()) == Some(SenderLimit::Connections) => {
                // Too many connections at once: one fewer, and the message
                // goes again at once on another (not counted against it).
                let (give_up, (max, fewer)) = self.limits.too_many_connections(now.as_second());
                let (id, survey_id, said) = (claimed.id, self.survey.id.clone(), err.to_string());
                self.store
                    .blocking(move |store| {
                        store.fewer_connections(&survey_id, id, (max, fewer), &said, now)
                    })
                    .await?;
                warn!(recipient = %to, message_id = %message_id, error = %crate::report::shown::logged(&err.to_string()), connections = max - fewer.min(max - 1), "the server refused our account for too many connections at once: one connection fewer");
                Ok(Outcome::Fewer(give_up))
            }
            Err(err) if sender_limit(&err.to_string()) == Some(SenderLimit::Quota) => {
                // Our own account hit the provider's limit, said in the
                // session itself: no proof needed. The message waits with
                // the rest, nothing is counted against it, and the account
                // pauses (every survey sending through it).
                let until = now + crate::decide::ingest::SENDING_PAUSE;
                self.limits.pause(until);
                let (id, survey_id, said) = (claimed.id, self.survey.id.clone(), err.to_string());
                self.store
                    .blocking(move |store| {
                        store.pause_for_refusal(&survey_id, id, until, &said, now)
                    })
                    .await?;
                warn!(recipient = %to, message_id = %message_id, error = %crate::report::shown::logged(&err.to_string()), until = %until, "the server refused our account for a sending limit: sending paused");
                Ok(Outcome::Stop)
            }
            Err(err)
                if err.is_transient() && claimed.attempts < self.survey.sending.max_attempts =>
            {
                let retry_at = now + backoff(&self.survey, claimed.attempts);
                self.mark_retry(claimed.id, &err, retry_at).await?;
                warn!(recipient = %to, message_id = %message_id, attempts = claimed.attempts, error = %crate::report::shown::logged(&err.to_string()), retry_at = %retry_at, "deferred");
                Ok(Outcome::Retry)
            }
            Err(err) => {
                self.mark_failed(claimed.id, &err).await?;
                warn!(recipient = %to, message_id = %message_id, attempts = claimed.attempts, error = %crate::report::shown::logged(&err.to_string()), "failed permanently");
                Ok(Outcome::Failed)
            }
        }
    }
}

/// Delay before attempt `attempts + 1`: the base doubled per attempt, capped,
/// with ±20% jitter so retries after a shared outage spread out.
pub fn backoff(survey: &Survey, attempts: u32) -> SignedDuration {
    let base = survey.sending.retry_base.as_secs_f64();
    let exponential = base * 2f64.powi(attempts.saturating_sub(1).min(30) as i32);
    let capped = exponential.min(survey.sending.retry_max.as_secs_f64());
    let jitter = 0.8 + 0.4 * rand::random::<f64>();
    SignedDuration::from_secs_f64((capped * jitter).max(0.001))
}
