//! Sending: an [`Outbox`] is where finished messages go (SMTP, or `.eml`
//! files for `--dry-run`); [`Dispatcher`] takes due messages from the store
//! and sends them over a bounded number of parallel connections, at an
//! optional rate, retrying transient failures with exponential backoff and
//! jitter and recording permanent ones.
//!
//! Durability: a message is marked `sending` (committed) before it is
//! handed to the server and `sent` after the server accepted it, in the
//! commit that claims the worker's next message (one fsync per message). A
//! crash in between leaves it `sending`; at start-up it goes again with the
//! same Message-ID. So at most the messages in flight at a crash, no more than
//! the number of connections, can arrive twice.

use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use jiff::{SignedDuration, Timestamp};
use lettre::address::Envelope;
use lettre::transport::smtp::PoolConfig;
use lettre::transport::smtp::authentication::{Credentials as SmtpCredentials, Mechanism};
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use tokio::sync::Mutex;
use tracing::{info, warn};

use crate::clock::Clock;
use crate::compose::Outgoing;
use crate::credentials::Credentials;
use crate::invitation::{self, Kind};
use crate::shutdown::Shutdown;
use crate::store::{Claimed, Store};
use crate::survey::{Security, Server, Survey};
use crate::templates::Templates;
use crate::{Error, Result};

/// Where finished messages go.
pub trait Outbox: Send + Sync + 'static {
    /// Hands one message over. `Err` says whether to try again
    /// ([`Error::is_transient`]).
    fn send(&self, mail: &Outgoing) -> impl Future<Output = Result<()>> + Send;
}

/// Sends over SMTP with lettre: pooled connections, STARTTLS or implicit
/// TLS (plain only to loopback), AUTH PLAIN/LOGIN.
#[derive(Clone)]
pub struct SmtpOutbox {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    host: String,
    ca_file: Option<PathBuf>,
}

impl SmtpOutbox {
    /// A transport for `server` with at most `connections` open at once.
    pub fn new(server: &Server, connections: usize) -> Result<SmtpOutbox> {
        let tls = match server.security {
            Security::Plain => Tls::None,
            Security::StartTls => Tls::Required(tls_parameters(server)?),
            Security::Tls => Tls::Wrapper(tls_parameters(server)?),
        };
        let mut builder =
            AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(server.host.clone())
                .port(server.port)
                .tls(tls)
                .timeout(Some(Duration::from_secs(60)))
                .pool_config(PoolConfig::new().max_size(connections.max(1) as u32));
        if let Some(credentials) = Credentials::for_server(server)? {
            builder = builder
                .credentials(SmtpCredentials::new(
                    credentials.username,
                    credentials.secret.expose().to_owned(),
                ))
                .authentication(vec![Mechanism::Plain, Mechanism::Login]);
        }
        Ok(SmtpOutbox {
            transport: builder.build(),
            host: server.host.clone(),
            ca_file: server.ca_file.clone(),
        })
    }

    /// Connects and logs in, to prove the settings work.
    pub async fn test_login(&self) -> Result<()> {
        match self.transport.test_connection().await {
            Ok(true) => Ok(()),
            Ok(false) => Err(Error::Smtp {
                message: format!("{} answered but the connection did not work", self.host),
                transient: true,
            }),
            Err(err) => Err(self.error(err)),
        }
    }

    fn error(&self, err: lettre::transport::smtp::Error) -> Error {
        let text = error_chain(&err);
        let code = err.status().map(|c| c.to_string());
        if let Some(code) = &code
            && matches!(code.as_str(), "530" | "534" | "535" | "538" | "454")
        {
            return Error::Credentials(format!(
                "the SMTP server {} refused the login ({text}); check username and password",
                self.host
            ));
        }
        if err.is_tls() || text.contains("certificate") || text.contains("InvalidCertificate") {
            return Error::Tls(crate::tls::explain(
                &text,
                &self.host,
                self.ca_file.as_deref(),
            ));
        }
        Error::Smtp {
            transient: !err.is_permanent(),
            message: text,
        }
    }
}

fn error_chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(inner) = source {
        let more = inner.to_string();
        if !text.contains(&more) {
            text.push_str(": ");
            text.push_str(&more);
        }
        source = inner.source();
    }
    text
}

fn tls_parameters(server: &Server) -> Result<TlsParameters> {
    let mut builder = TlsParameters::builder(server.host.clone());
    if let Some(path) = &server.ca_file {
        for cert in crate::tls::read_ca_file(path)? {
            let cert = Certificate::from_der(cert.to_vec())
                .map_err(|e| Error::Tls(format!("ca_file {}: {e}", path.display())))?;
            builder = builder.add_root_certificate(cert);
        }
    }
    builder
        .build_rustls()
        .map_err(|e| Error::Tls(e.to_string()))
}

impl Outbox for SmtpOutbox {
    async fn send(&self, mail: &Outgoing) -> Result<()> {
        let envelope = Envelope::new(Some(mail.envelope_from.clone()), mail.envelope_to.clone())
            .map_err(|e| Error::Message(e.to_string()))?;
        self.transport
            .send_raw(&envelope, &mail.bytes)
            .await
            .map(|_| ())
            .map_err(|e| self.error(e))
    }
}

/// Writes each message to `DIR/<Message-ID>.eml` instead of sending it.
#[derive(Debug, Clone)]
pub struct FileOutbox {
    dir: PathBuf,
}

impl FileOutbox {
    /// Writes into `dir`, creating it.
    pub fn new(dir: PathBuf) -> Result<FileOutbox> {
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        Ok(FileOutbox { dir })
    }

    /// The file a message goes to.
    pub fn path_for(&self, mail: &Outgoing) -> PathBuf {
        let name: String = mail
            .message_id
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        self.dir.join(format!("{name}.eml"))
    }
}

impl Outbox for FileOutbox {
    async fn send(&self, mail: &Outgoing) -> Result<()> {
        let path = self.path_for(mail);
        std::fs::write(&path, &mail.bytes).map_err(|e| Error::io(path, e))
    }
}

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
        let pace = survey.sending.rate_per_minute.map(|per_minute| {
            let mut interval =
                tokio::time::interval(Duration::from_secs_f64(60.0 / f64::from(per_minute.max(1))));
            interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            Mutex::new(interval)
        });
        Dispatcher {
            worker: Arc::new(Worker {
                store,
                survey,
                templates,
                outbox,
                clock,
                pace,
            }),
        }
    }

    /// Sends everything due now over at most `max_connections` parallel
    /// workers; `on_done` is called after each message (for a progress bar).
    pub async fn send_due(
        &self,
        shutdown: &Shutdown,
        on_done: impl Fn(&Round) + Send + Sync + 'static,
    ) -> Result<Round> {
        let round = Arc::new(std::sync::Mutex::new(Round::default()));
        let on_done = Arc::new(on_done);
        let mut workers = tokio::task::JoinSet::new();
        for _ in 0..self.worker.survey.sending.max_connections {
            let worker = self.worker.clone();
            let round = round.clone();
            let on_done = on_done.clone();
            let shutdown = shutdown.clone();
            workers.spawn(async move {
                // Accepted by the server, to be marked sent with the next claim.
                let mut sent: Option<i64> = None;
                loop {
                    // Wait for the pace before claiming, so rows sit in
                    // `sending` only while the server has them.
                    if let Some(pace) = &worker.pace {
                        pace.lock().await.tick().await;
                    }
                    if shutdown.is_triggered() {
                        break;
                    }
                    let Some(claimed) = worker.store.claim_due(
                        &worker.survey.id,
                        worker.clock.now(),
                        sent.take(),
                    )?
                    else {
                        break;
                    };
                    let id = claimed.id;
                    let outcome = worker.deliver(claimed).await?;
                    let snapshot = {
                        let mut round = round.lock().expect("round lock");
                        match outcome {
                            Outcome::Sent => {
                                sent = Some(id);
                                round.sent += 1
                            }
                            Outcome::Retry => round.retried += 1,
                            Outcome::Failed => round.failed += 1,
                            Outcome::Stop => break,
                        }
                        *round
                    };
                    on_done(&snapshot);
                }
                if let Some(id) = sent {
                    worker.store.mark_sent(id, worker.clock.now())?;
                }
                Ok::<(), Error>(())
            });
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
    pace: Option<Mutex<tokio::time::Interval>>,
}

impl<O: Outbox> Worker<O> {
    async fn deliver(&self, claimed: Claimed) -> Result<Outcome> {
        let now = self.clock.now();
        let mail = match render(&self.survey, &self.templates, &claimed, now) {
            Ok(mail) => mail,
            Err(err) => {
                self.store.mark_failed(claimed.id, &err.to_string())?;
                warn!(message_id = %claimed.message_id, error = %err, "cannot build message");
                return Ok(Outcome::Failed);
            }
        };
        let to = claimed
            .recipient
            .as_ref()
            .map(|r| r.email.as_str())
            .unwrap_or("leads");
        match self.outbox.send(&mail).await {
            Ok(()) => {
                info!(survey = %self.survey.id, kind = %claimed.kind, recipient = to, message_id = %claimed.message_id, "sent");
                Ok(Outcome::Sent)
            }
            Err(err @ (Error::Credentials(_) | Error::Tls(_))) => {
                // Our setup is wrong, not this recipient: try again later,
                // without counting it against the message.
                let retry_at = now + self.survey.sending.retry_base;
                self.store
                    .mark_retry(claimed.id, &err.to_string(), retry_at)?;
                tracing::error!(error = %err, "sending stopped");
                Ok(Outcome::Stop)
            }
            Err(err)
                if err.is_transient() && claimed.attempts < self.survey.sending.max_attempts =>
            {
                let retry_at = now + backoff(&self.survey, claimed.attempts);
                self.store
                    .mark_retry(claimed.id, &err.to_string(), retry_at)?;
                warn!(recipient = to, message_id = %claimed.message_id, attempts = claimed.attempts, error = %err, retry_at = %retry_at, "deferred");
                Ok(Outcome::Retry)
            }
            Err(err) => {
                self.store.mark_failed(claimed.id, &err.to_string())?;
                warn!(recipient = to, message_id = %claimed.message_id, attempts = claimed.attempts, error = %err, "failed permanently");
                Ok(Outcome::Failed)
            }
        }
    }
}

/// Builds the message a claimed outbox row stands for.
pub fn render(
    survey: &Survey,
    templates: &Templates,
    claimed: &Claimed,
    now: Timestamp,
) -> Result<Outgoing> {
    let recipient = claimed.recipient.as_ref();
    let kind = match claimed.kind.as_str() {
        "invitation" => Some(Kind::Invitation),
        "reminder" => Some(Kind::Reminder(claimed.seq)),
        _ => None,
    };
    match (kind, recipient, &claimed.body) {
        (Some(kind), Some(person), _) => invitation::mail(survey, templates, person, kind, now),
        (_, _, Some(body)) => {
            let to = match recipient {
                Some(person) => vec![parse_address(&person.email)?],
                None => survey
                    .leads
                    .iter()
                    .map(|l| parse_address(&l.email))
                    .collect::<Result<_>>()?,
            };
            Ok(Outgoing {
                message_id: claimed.message_id.clone(),
                envelope_from: survey.sender.address.clone(),
                envelope_to: to,
                bytes: body.clone(),
            })
        }
        _ => Err(Error::Message(format!(
            "outbox row {} ({}) has nothing to send",
            claimed.id, claimed.kind
        ))),
    }
}

fn parse_address(text: &str) -> Result<lettre::Address> {
    text.parse()
        .map_err(|e| Error::Message(format!("address {text}: {e}")))
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
