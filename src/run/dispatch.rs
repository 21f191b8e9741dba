//! The dispatcher: takes due messages from the store and sends them
//! through an [`Outbox`] over a bounded number of parallel connections, at
//! an optional rate, retrying transient failures with exponential backoff
//! and jitter and recording permanent ones.
//!
//! Durability: a message is marked `sending` (committed) before it is
//! handed to the server and `sent` after the server accepted it, in the
//! commit that claims the worker's next message (one fsync per message). A
//! crash in between leaves it `sending`; at start-up it goes again with the
//! same Message-ID. So at most the messages in flight at a crash, no more than
//! the number of connections, can arrive twice.

use std::sync::Arc;
use std::time::Duration;

use jiff::{SignedDuration, Timestamp};
use tokio::sync::Mutex;
use tracing::{info, warn};

use crate::outbox::quota::allowance;
use crate::outbox::{Outbox, render};
use crate::run::clock::Clock;
use crate::run::shutdown::Shutdown;
use crate::store::{Claimable, Claimed, MailKind, Store};
use crate::survey::Survey;
use crate::survey::templates::Templates;
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
        let round = *round.lock().expect("round lock");
        Ok(round)
    }
}

impl<O: Outbox> Dispatcher<O> {
    /// Reads what this survey sent within the account's quota window from
    /// the store, once per survey and account: the quota holds across
    /// restarts.
    async fn seed_quota(&self) -> Result<()> {
        let Some(quota) = &self.worker.limits.quota else {
            return Ok(());
        };
        let key = format!(
            "{}\u{0}{}",
            self.worker.survey.database.display(),
            self.worker.survey.id
        );
        if quota.is_seeded(&key) {
            return Ok(());
        }
        let since = self.worker.clock.now() - SignedDuration::from_secs(quota.window);
        let (survey_id, leads) = (
            self.worker.survey.id.clone(),
            self.worker.survey.leads.len(),
        );
        let sent = self
            .worker
            .store
            .blocking(move |store| store.sent_since(&survey_id, since, leads))
            .await?;
        quota.seed(key, &sent);
        Ok(())
    }

    /// When the account's quota lets the next message go, if it is used up
    /// now: the daemon sleeps until then instead of retrying what is due.
    pub fn quota_opens_at(&self) -> Option<Timestamp> {
        let quota = self.worker.limits.quota.as_ref()?;
        let at = quota.opens_at(self.worker.clock.now().as_second())?;
        Timestamp::from_second(at).ok()
    }
}

enum Outcome {
    Sent,
    Retry,
    Failed,
    /// A problem with our own setup (login refused): stop this round.
    Stop,
}

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
        })
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
    /// within the pace, the connections and the quota of the account.
    async fn work(
        &self,
        round: &std::sync::Mutex<Round>,
        on_done: &(impl Fn(&Round) + Send + Sync),
        shutdown: &Shutdown,
    ) -> Result<()> {
        // Accepted by the server, to be marked sent with the next claim.
        let mut sent: Option<i64> = None;
        loop {
            // Wait for the pace and a connection of the account before
            // claiming, so rows sit in `sending` only while the server has
            // them.
            if let Some(pace) = &self.limits.pace {
                pace.lock().await.tick().await;
            }
            let Ok(_connection) = self.limits.connections.clone().acquire_owned().await else {
                break;
            };
            if shutdown.is_triggered() {
                break;
            }
            let (survey_id, now, done) = (self.survey.id.clone(), self.clock.now(), sent.take());
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
            let claimed = self
                .store
                .blocking(move |store| store.claim_due_of(&survey_id, now, done, which))
                .await;
            let Some(claimed) = claimed.inspect_err(|_| self.settle(reserved, None, 0))? else {
                self.settle(reserved, None, 0);
                break;
            };
            let id = claimed.id;
            // A provider counts recipients: the leads' mail goes to each lead.
            let recipients = match claimed.recipient {
                Some(_) => 1,
                None => self.survey.leads.len(),
            };
            let outcome = self.deliver(claimed).await;
            let outcome = match outcome {
                Ok(Outcome::Sent) if self.limits.quota.is_some() => {
                    // Under a quota the mark is made at once, so the
                    // store's `sent_at` is the time the quota counted.
                    let at = self.clock.now();
                    let marked = self
                        .store
                        .blocking(move |store| store.mark_sent(id, at))
                        .await;
                    self.settle(
                        reserved,
                        marked.is_ok().then_some(at.as_second()),
                        recipients,
                    );
                    marked?;
                    Outcome::Sent
                }
                Ok(Outcome::Sent) => {
                    sent = Some(id);
                    Outcome::Sent
                }
                other => {
                    self.settle(reserved, None, 0);
                    other?
                }
            };
            let snapshot = {
                let mut round = round.lock().expect("round lock");
                match outcome {
                    Outcome::Sent => round.sent += 1,
                    Outcome::Retry => round.retried += 1,
                    Outcome::Failed => round.failed += 1,
                    Outcome::Stop => break,
                }
                *round
            };
            on_done(&snapshot);
        }
        if let Some(id) = sent {
            let now = self.clock.now();
            self.store
                .blocking(move |store| store.mark_sent(id, now))
                .await?;
        }
        Ok(())
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
                if matches!(claimed.kind, MailKind::Invitation | MailKind::Reminder) {
                    // Losing the copy only makes replies read against the
                    // survey file's questionnaire instead: not worth
                    // stopping the sending for.
                    let (id, bytes) = (claimed.id, mail.bytes);
                    if let Err(err) = self
                        .store
                        .blocking(move |store| store.keep_sent_questionnaire(id, &bytes))
                        .await
                    {
                        warn!(error = %err, "could not keep the invitation as sent");
                    }
                }
                Ok(Outcome::Sent)
            }
            Err(err @ (Error::Credentials(_) | Error::Tls(_))) => {
                // Our setup is wrong, not this recipient: try again later,
                // without counting it against the message.
                let retry_at = now + self.survey.sending.retry_base;
                self.mark_retry(claimed.id, &err, retry_at).await?;
                tracing::error!(error = %err, "sending stopped");
                Ok(Outcome::Stop)
            }
            Err(err) if crate::understand::bounce::sender_side(&err.to_string()) => {
                // Our own account hit the provider's limit, said in the
                // session itself: no proof needed. The message waits with
                // the rest; nothing is counted against it.
                let until = now + crate::decide::ingest::SENDING_PAUSE;
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
