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

pub mod verp;

use std::future::Future;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use jiff::{SignedDuration, Timestamp};
use lettre::address::Envelope;
use lettre::transport::smtp::authentication::{Credentials as SmtpCredentials, Mechanism};
use lettre::transport::smtp::client::{
    AsyncSmtpConnection, AsyncTokioStream, Certificate, TlsParameters,
};
use lettre::transport::smtp::extension::ClientId;
use tokio::sync::Mutex;
use tracing::{info, warn};

use crate::clock::Clock;
use crate::compose::Outgoing;
use crate::credentials::{Credentials, Secret};
use crate::invitation::{self, Kind};
use crate::oauth::{self, Refusal, Service};
use crate::shutdown::Shutdown;
use crate::store::{Claimed, MailKind, Store};
use crate::survey::{Auth, Security, Server, Survey};
use crate::templates::Templates;
use crate::{Error, Result};

/// Where finished messages go.
pub trait Outbox: Send + Sync + 'static {
    /// Hands one message over. `Err` says whether to try again
    /// ([`Error::is_transient`]).
    fn send(&self, mail: &Outgoing) -> impl Future<Output = Result<()>> + Send;
}

/// Longest wait for connecting, or for the server's answer to one message.
/// lettre's async client bounds only the connect; a silent server must not
/// hold a worker (and shutdown) forever.
const SMTP_TIMEOUT: Duration = Duration::from_secs(120);
/// Longest wait for the NOOP that checks an idle connection still works.
const NOOP_TIMEOUT: Duration = Duration::from_secs(15);

/// Sends over SMTP with lettre's connection: STARTTLS or implicit TLS
/// (plain only to loopback), AUTH PLAIN/LOGIN or, with a token from a
/// command run for each new connection, XOAUTH2/OAUTHBEARER (driven here,
/// not by lettre: see [`SmtpOutbox::token_login`]), and a small pool of idle
/// connections of our own. Our own pool, rather than lettre's, because its
/// sockets do not set TCP_NODELAY: lettre writes the end-of-data marker as
/// a separate small write, which then waits on the server's delayed ACK,
/// about 40 ms a message on every connection.
pub struct SmtpOutbox {
    server: Server,
    credentials: Option<SmtpCredentials>,
    starttls: Option<TlsParameters>,
    implicit: Option<tokio_rustls::TlsConnector>,
    hello: ClientId,
    idle: Mutex<Vec<AsyncSmtpConnection>>,
    max_idle: usize,
}

impl SmtpOutbox {
    /// A transport for `server` keeping at most `connections` open while
    /// idle.
    pub fn new(server: &Server, connections: usize) -> Result<SmtpOutbox> {
        let (starttls, implicit) = match server.security {
            Security::Plain => (None, None),
            Security::StartTls => (Some(tls_parameters(server)?), None),
            Security::Tls => (
                None,
                Some(tokio_rustls::TlsConnector::from(crate::tls::client_config(
                    server.ca_file.as_deref(),
                )?)),
            ),
        };
        // A token is read for each new connection, never kept here.
        let credentials = match server.auth {
            Auth::Password => Credentials::for_server(server)?
                .map(|c| SmtpCredentials::new(c.username, c.secret.expose().to_owned())),
            Auth::XOAuth2 | Auth::OAuthBearer => None,
        };
        Ok(SmtpOutbox {
            server: server.clone(),
            credentials,
            starttls,
            implicit,
            hello: ClientId::default(),
            idle: Mutex::new(Vec::new()),
            max_idle: connections.max(1),
        })
    }

    /// Connects and logs in, to prove the settings work.
    pub async fn test_login(&self) -> Result<()> {
        let connection = self.connect().await?;
        self.park(connection).await;
        Ok(())
    }

    fn untrusted(&self, error: &str) -> Error {
        Error::Tls(crate::tls::explain(
            error,
            &self.server.host,
            self.server.ca_file.as_deref(),
        ))
    }

    /// A new connection: TCP with TCP_NODELAY, TLS as configured, EHLO,
    /// login. Errors say which step failed and what to fix.
    async fn connect(&self) -> Result<AsyncSmtpConnection> {
        let server = &self.server;
        let place = format!("{}:{}", server.host, server.port);
        let tcp = tokio::time::timeout(
            SMTP_TIMEOUT,
            tokio::net::TcpStream::connect((server.host.as_str(), server.port)),
        )
        .await
        .map_err(|_| transient(format!("connecting to {place} timed out")))?
        .map_err(|e| transient(format!("cannot connect to {place}: {e}")))?;
        // See the type's documentation: without this every message waits
        // on a delayed ACK.
        let _ = tcp.set_nodelay(true);
        let stream: Box<dyn AsyncTokioStream> = match &self.implicit {
            Some(connector) => {
                let name =
                    rustls::pki_types::ServerName::try_from(server.host.clone()).map_err(|e| {
                        Error::Tls(format!(
                            "{} is not a valid TLS server name: {e}",
                            server.host
                        ))
                    })?;
                let tls = tokio::time::timeout(SMTP_TIMEOUT, connector.connect(name, tcp))
                    .await
                    .map_err(|_| transient(format!("TLS with {place} timed out")))?
                    .map_err(|e| self.untrusted(&e.to_string()))?;
                Box::new(Implicit(tls))
            }
            None => Box::new(tcp),
        };
        let mut connection = tokio::time::timeout(
            SMTP_TIMEOUT,
            AsyncSmtpConnection::connect_with_transport(stream, &self.hello),
        )
        .await
        .map_err(|_| transient(format!("no greeting from {place}")))?
        .map_err(|e| self.error(e))?;
        if let Some(parameters) = &self.starttls {
            if !connection.can_starttls() {
                connection.abort().await;
                return Err(Error::Tls(format!(
                    "{place} does not offer STARTTLS; use security = \"tls\" if the port expects TLS from the start, or check the port"
                )));
            }
            tokio::time::timeout(
                SMTP_TIMEOUT,
                connection.starttls(parameters.clone(), &self.hello),
            )
            .await
            .map_err(|_| transient(format!("STARTTLS with {place} timed out")))?
            .map_err(|e| self.untrusted(&error_chain(&e)))?;
        }
        if self.server.auth.is_token() && self.server.password.is_some() {
            if let Err(err) = self.token_login(&mut connection).await {
                connection.abort().await;
                return Err(err);
            }
        } else if let Some(credentials) = &self.credentials {
            let login = tokio::time::timeout(
                SMTP_TIMEOUT,
                connection.auth(&[Mechanism::Plain, Mechanism::Login], credentials),
            )
            .await
            .map_err(|_| transient(format!("login to {place} timed out")))?;
            if let Err(err) = login {
                connection.abort().await;
                if err.is_permanent() || err.status().is_some() {
                    return Err(Error::Credentials(format!(
                        "the SMTP server {} refused the login ({}); check username and password",
                        server.host,
                        error_chain(&err)
                    )));
                }
                return Err(self.error(err));
            }
        }
        Ok(connection)
    }

    /// Signs in with an OAuth2 token: runs the token command, and when the
    /// server refuses the token, runs it again and retries once (the first
    /// token may have expired since the helper cached it). A second refusal
    /// is a setup problem, explained by [`oauth::diagnose`].
    ///
    /// lettre 0.11 speaks XOAUTH2 but takes the server's error challenge
    /// (a 334 carrying JSON, as Gmail and Dovecot send) for a client error
    /// and leaves the exchange half done; so the exchange goes through the
    /// connection's command API here, answering the challenge so that the
    /// server's 535 comes back. No OAUTHBEARER in lettre at all.
    async fn token_login(&self, connection: &mut AsyncSmtpConnection) -> Result<()> {
        let server = &self.server;
        if server.auth == Auth::XOAuth2
            && !connection
                .server_info()
                .supports_auth_mechanism(Mechanism::Xoauth2)
        {
            return Err(Error::Credentials(format!(
                "the SMTP server {}:{} does not offer XOAUTH2 (it offers: {}); check host and port (Microsoft 365: smtp.office365.com:587, Gmail: smtp.gmail.com:587), or use auth = \"oauthbearer\"",
                server.host,
                server.port,
                connection.server_info()
            )));
        }
        let mut refused: Option<(Secret, Refusal)> = None;
        for attempt in 1..=2 {
            let for_token = server.clone();
            let token = tokio::task::spawn_blocking(move || crate::credentials::token(&for_token))
                .await
                .map_err(|e| Error::Other(format!("token command: {e}")))??;
            match self.sasl(connection, &token).await? {
                None => {
                    if attempt > 1 {
                        info!(host = %server.host, user = %server.username, "smtp: a fresh token from the token command was accepted");
                    }
                    return Ok(());
                }
                Some(refusal) => {
                    warn!(host = %server.host, user = %server.username, status = ?refusal.status, attempt, "smtp: the server refused the token; running the token command again");
                    refused = Some((token, refusal));
                }
            }
        }
        let (token, refusal) = refused.expect("two refusals");
        let diagnosis = oauth::diagnose(
            &server.host,
            Service::Smtp,
            &server.username,
            &token,
            &refusal,
            Timestamp::now(),
        );
        Err(Error::Credentials(format!(
            "the SMTP server {} refused the {} token for {} twice ({}); {diagnosis}",
            server.host,
            server.auth.mechanism(),
            server.username,
            refusal.reply
        )))
    }

    /// One SASL exchange with `token`: `None` when the server accepted it,
    /// the refusal when it did not, `Err` for anything else (network, the
    /// mechanism unknown).
    async fn sasl(
        &self,
        connection: &mut AsyncSmtpConnection,
        token: &Secret,
    ) -> Result<Option<Refusal>> {
        let server = &self.server;
        let place = format!("{}:{}", server.host, server.port);
        let auth = server.auth;
        let first = oauth::base64(&oauth::initial_response(auth, &server.username, token));
        let reply = tokio::time::timeout(
            SMTP_TIMEOUT,
            connection.command(Line(format!("AUTH {} {first}", auth.mechanism()))),
        )
        .await
        .map_err(|_| transient(format!("login to {place} timed out")))?;
        match reply {
            Ok(response) if response.has_code(334) => {
                // The error challenge; answer it, and the server refuses.
                let challenge = response.first_line().unwrap_or_default().to_owned();
                let ack = oauth::base64(oauth::error_acknowledgement(auth));
                let last = tokio::time::timeout(SMTP_TIMEOUT, connection.command(Line(ack)))
                    .await
                    .map_err(|_| transient(format!("login to {place} timed out")))?;
                match last {
                    Err(err) if err.is_permanent() => Ok(Some(Refusal::from_base64_challenge(
                        &challenge,
                        error_chain(&err),
                    ))),
                    Err(err) => Err(self.error(err)),
                    Ok(response) => Err(Error::Credentials(format!(
                        "the SMTP server {place} answered {} to the end of a refused {} exchange; it does not follow RFC 7628",
                        response.code(),
                        auth.mechanism()
                    ))),
                }
            }
            Ok(response) if response.has_code(235) => Ok(None),
            Ok(response) => Err(Error::Credentials(format!(
                "the SMTP server {place} answered {} to AUTH {}",
                response.code(),
                auth.mechanism()
            ))),
            Err(err) if err.status().is_some_and(|c| c.to_string() == "504") => {
                Err(Error::Credentials(format!(
                    "the SMTP server {place} does not know {} ({}); use auth = \"xoauth2\"",
                    auth.mechanism(),
                    error_chain(&err)
                )))
            }
            // A refusal without a challenge (535 straight away).
            Err(err) if err.is_permanent() => Ok(Some(Refusal {
                reply: error_chain(&err),
                ..Refusal::default()
            })),
            Err(err) => Err(self.error(err)),
        }
    }

    /// An idle connection that still answers, or a new one.
    async fn connection(&self) -> Result<AsyncSmtpConnection> {
        loop {
            let Some(mut connection) = self.idle.lock().await.pop() else {
                return self.connect().await;
            };
            if tokio::time::timeout(NOOP_TIMEOUT, connection.test_connected())
                .await
                .unwrap_or(false)
            {
                return Ok(connection);
            }
            connection.abort().await;
        }
    }

    /// Keeps a healthy connection for the next message, up to the limit.
    async fn park(&self, mut connection: AsyncSmtpConnection) {
        let mut idle = self.idle.lock().await;
        if !connection.has_broken() && idle.len() < self.max_idle {
            idle.push(connection);
        } else {
            drop(idle);
            connection.abort().await;
        }
    }

    fn error(&self, err: lettre::transport::smtp::Error) -> Error {
        let text = error_chain(&err);
        if err.is_tls() || text.contains("certificate") {
            return self.untrusted(&text);
        }
        Error::Smtp {
            transient: !err.is_permanent(),
            message: text,
        }
    }
}

/// One SMTP command line, sent as it is. It may hold a token: no `Debug`,
/// and lettre's own logging of commands (its `tracing` feature) stays off.
struct Line(String);

impl std::fmt::Display for Line {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)?;
        f.write_str("\r\n")
    }
}

fn transient(message: String) -> Error {
    Error::Smtp {
        message,
        transient: true,
    }
}

/// A rustls stream lettre can speak SMTP over (implicit TLS, port 465).
#[derive(Debug)]
struct Implicit(tokio_rustls::client::TlsStream<tokio::net::TcpStream>);

impl tokio::io::AsyncRead for Implicit {
    fn poll_read(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.0).poll_read(cx, buf)
    }
}

impl tokio::io::AsyncWrite for Implicit {
    fn poll_write(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        std::pin::Pin::new(&mut self.0).poll_write(cx, buf)
    }

    fn poll_flush(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.0).poll_flush(cx)
    }

    fn poll_shutdown(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.0).poll_shutdown(cx)
    }
}

impl AsyncTokioStream for Implicit {
    fn peer_addr(&self) -> std::io::Result<std::net::SocketAddr> {
        self.0.get_ref().0.peer_addr()
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
        let mut connection = self.connection().await?;
        match tokio::time::timeout(SMTP_TIMEOUT, connection.send(&envelope, &mail.bytes)).await {
            Ok(Ok(_)) => {
                self.park(connection).await;
                Ok(())
            }
            Ok(Err(err)) => {
                // lettre has given the connection up (or will not reuse it
                // mid-transaction); start the next message afresh.
                connection.abort().await;
                Err(self.error(err))
            }
            Err(_) => Err(transient(format!(
                "no answer from {} within {} s",
                self.server.host,
                SMTP_TIMEOUT.as_secs()
            ))),
        }
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
        // Each file carries a doctor's token and address: 0600 in a 0700
        // directory of our making.
        crate::privacy::create_dir_all(&dir)?;
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
        crate::privacy::write(&path, &mail.bytes)
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
        let limits = Limits::new(
            survey.sending.rate_per_minute,
            survey.sending.max_connections,
        );
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
                    // Wait for the pace and a connection of the account
                    // before claiming, so rows sit in `sending` only while
                    // the server has them.
                    if let Some(pace) = &worker.limits.pace {
                        pace.lock().await.tick().await;
                    }
                    let Ok(_connection) = worker.limits.connections.clone().acquire_owned().await
                    else {
                        break;
                    };
                    if shutdown.is_triggered() {
                        break;
                    }
                    let (survey_id, now, done) =
                        (worker.survey.id.clone(), worker.clock.now(), sent.take());
                    let Some(claimed) = worker
                        .store
                        .blocking(move |store| store.claim_due(&survey_id, now, done))
                        .await?
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
                    let now = worker.clock.now();
                    worker
                        .store
                        .blocking(move |store| store.mark_sent(id, now))
                        .await?;
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
    limits: Arc<Limits>,
}

/// The sending limits of one SMTP account (`rate_per_minute`,
/// `max_connections`), shared by every survey that sends through it: a
/// provider counts messages and connections per account, not per survey.
#[derive(Debug)]
pub struct Limits {
    pace: Option<Mutex<tokio::time::Interval>>,
    connections: Arc<tokio::sync::Semaphore>,
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
        })
    }
}

/// Several surveys on one SMTP account share one [`SmtpOutbox`], so its
/// pool of idle connections counts against the account once.
impl Outbox for Arc<SmtpOutbox> {
    async fn send(&self, mail: &Outgoing) -> Result<()> {
        SmtpOutbox::send(self, mail).await
    }
}

impl<O: Outbox> Worker<O> {
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
                warn!(message_id = %crate::token::redact(&claimed.message_id), error = %err, "cannot build message");
                return Ok(Outcome::Failed);
            }
        };
        // Logs name the recipient by internal id and the Message-ID by its
        // token's selector only: never the secret part of a token.
        let to = claimed
            .recipient
            .as_ref()
            .map_or_else(|| "leads".to_owned(), |r| r.id.to_string());
        let message_id = crate::token::redact(&claimed.message_id);
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
            Err(err)
                if err.is_transient() && claimed.attempts < self.survey.sending.max_attempts =>
            {
                let retry_at = now + backoff(&self.survey, claimed.attempts);
                self.mark_retry(claimed.id, &err, retry_at).await?;
                warn!(recipient = %to, message_id = %message_id, attempts = claimed.attempts, error = %err, retry_at = %retry_at, "deferred");
                Ok(Outcome::Retry)
            }
            Err(err) => {
                self.mark_failed(claimed.id, &err).await?;
                warn!(recipient = %to, message_id = %message_id, attempts = claimed.attempts, error = %err, "failed permanently");
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
    let kind = match claimed.kind {
        MailKind::Invitation => Some(Kind::Invitation),
        MailKind::Reminder => Some(Kind::Reminder(claimed.seq)),
        _ => None,
    };
    let mut mail = match (kind, recipient, &claimed.body) {
        (Some(kind), Some(person), _) => invitation::mail(survey, templates, person, kind, now)?,
        (_, _, Some(body)) => {
            let to = match recipient {
                Some(person) => vec![parse_address(&person.email)?],
                None => survey
                    .leads
                    .iter()
                    .map(|l| parse_address(&l.email))
                    .collect::<Result<_>>()?,
            };
            Outgoing {
                message_id: claimed.message_id.clone(),
                envelope_from: survey.sender.address.clone(),
                envelope_to: to,
                bytes: body.clone(),
            }
        }
        _ => {
            return Err(Error::Message(format!(
                "outbox row {} ({}) has nothing to send",
                claimed.id, claimed.kind
            )));
        }
    };
    if survey.sending.verp
        && let Some(verp) = crate::verp::address(&survey.sender.address, &claimed.bounce_key)
    {
        mail.envelope_from = verp;
    }
    Ok(mail)
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
