//! The SMTP transport: lettre's connection with our own pool, TLS as
//! configured, and password or OAuth2 logins.

use std::sync::Arc;
use std::time::Duration;

use jiff::Timestamp;
use lettre::address::Envelope;
use lettre::transport::smtp::authentication::{Credentials as SmtpCredentials, Mechanism};
use lettre::transport::smtp::client::{
    AsyncSmtpConnection, AsyncTokioStream, Certificate, TlsParameters,
};
use lettre::transport::smtp::extension::{ClientId, Extension, ServerInfo};
use tokio::sync::Mutex;
use tracing::{info, warn};

use super::Outbox;
use crate::compose::Outgoing;
use crate::connect::credentials::{Credentials, Secret};
use crate::connect::oauth::{self, Refusal, Service};
use crate::survey::{Auth, Security, Server};
use crate::{Error, Result};

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
                Some(tokio_rustls::TlsConnector::from(
                    crate::connect::tls::client_config(server.ca_file.as_deref())?,
                )),
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

    /// Connects and logs in, to prove the settings work. Says what the
    /// server lacks that some messages need (see [`lacking`]); empty when
    /// it lacks nothing.
    pub async fn test_login(&self) -> Result<Vec<&'static str>> {
        let connection = self.connect().await?;
        let lacks = lacking(connection.server_info());
        self.park(connection).await;
        Ok(lacks)
    }

    fn untrusted(&self, error: &str) -> Error {
        Error::Tls(crate::connect::tls::explain(
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
            let token =
                tokio::task::spawn_blocking(move || crate::connect::credentials::token(&for_token))
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
        for cert in crate::connect::tls::read_ca_file(path)? {
            let cert = Certificate::from_der(cert.to_vec())
                .map_err(|e| Error::Tls(format!("ca_file {}: {e}", path.display())))?;
            builder = builder.add_root_certificate(cert);
        }
    }
    builder
        .build_rustls()
        .map_err(|e| Error::Tls(e.to_string()))
}

/// What `server` lacks that some messages need: SMTPUTF8 for an address
/// whose local part is outside ASCII (`dr.müller@…`), which nothing can
/// encode for a server without it (a domain outside ASCII goes as its
/// IDNA A-label: `compose::wire`). 8BITMIME is not needed (every message is composed 7-bit:
/// RFC 2047 headers, quoted-printable or base64 bodies) and PIPELINING is
/// not used, so neither is named.
fn lacking(server: &ServerInfo) -> Vec<&'static str> {
    if server.supports_feature(Extension::SmtpUtfEight) {
        Vec::new()
    } else {
        vec![
            "SMTPUTF8 (an address whose part before the @ is not ASCII, such as dr.müller@…, cannot be mailed through it; every other recipient can)",
        ]
    }
}

/// Why `server` can never take `mail` as it is, if so: an envelope address
/// outside ASCII without SMTPUTF8 (RFC 6531; only a local part can be, once
/// composed), or 8-bit bytes without
/// 8BITMIME (RFC 6152). Permanent, and said before MAIL FROM, so the one
/// message fails at once with its reason and the others go on; lettre
/// would refuse it too, but as a client error, which reads as transient and
/// would be retried to the last attempt for nothing.
fn unsendable(server: &ServerInfo, place: &str, mail: &Outgoing) -> Option<Error> {
    let permanent = |message: String| Error::Smtp {
        transient: false,
        message,
    };
    if !server.supports_feature(Extension::SmtpUtfEight)
        && let Some(address) = std::iter::once(&mail.envelope_from)
            .chain(&mail.envelope_to)
            .find(|a| !a.to_string().is_ascii())
    {
        return Some(permanent(format!(
            "the address {address} is not ASCII and needs SMTPUTF8, which the SMTP server {place} does not offer: it cannot be mailed through this server (ask for an ASCII address, or send through a server that offers SMTPUTF8)"
        )));
    }
    if !server.supports_feature(Extension::EightBitMime) && !mail.bytes.is_ascii() {
        return Some(permanent(format!(
            "the message has 8-bit bytes and the SMTP server {place} does not offer 8BITMIME"
        )));
    }
    None
}

impl Outbox for SmtpOutbox {
    async fn send(&self, mail: &Outgoing) -> Result<()> {
        let envelope = Envelope::new(Some(mail.envelope_from.clone()), mail.envelope_to.clone())
            .map_err(|e| Error::Message(e.to_string()))?;
        let mut connection = self.connection().await?;
        let place = format!("{}:{}", self.server.host, self.server.port);
        if let Some(err) = unsendable(connection.server_info(), &place, mail) {
            // Nothing was sent on it: the connection serves the next one.
            self.park(connection).await;
            return Err(err);
        }
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

/// Several surveys on one SMTP account share one [`SmtpOutbox`], so its
/// pool of idle connections counts against the account once.
impl Outbox for Arc<SmtpOutbox> {
    async fn send(&self, mail: &Outgoing) -> Result<()> {
        SmtpOutbox::send(self, mail).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A server's EHLO answer offering `keywords`.
    fn server(keywords: &[&str]) -> ServerInfo {
        let mut text = String::from("250-mail.survey.test\r\n");
        for (i, keyword) in keywords.iter().enumerate() {
            let dash = if i + 1 == keywords.len() { ' ' } else { '-' };
            text.push_str(&format!("250{dash}{keyword}\r\n"));
        }
        if keywords.is_empty() {
            text = "250 mail.survey.test\r\n".into();
        }
        ServerInfo::from_response(&text.parse().unwrap()).unwrap()
    }

    fn mail(to: &str, bytes: &[u8]) -> Outgoing {
        Outgoing {
            message_id: "m@survey.test".into(),
            envelope_from: "survey@survey.test".parse().unwrap(),
            envelope_to: vec![to.parse().unwrap()],
            bytes: bytes.to_vec(),
        }
    }

    /// What the server offers, the recipient, the message, and what it is
    /// refused for (none: sent).
    type Case = (
        &'static [&'static str],
        &'static str,
        &'static [u8],
        Option<&'static str>,
    );

    const CASES: &[Case] = &[
        (&[], "zoe@nhs.test", b"7-bit", None),
        (&["8BITMIME"], "zoe@nhs.test", b"7-bit", None),
        (&[], "dr.m\u{fc}ller@nhs.test", b"7-bit", Some("SMTPUTF8")),
        (
            &["8BITMIME"],
            "dr.m\u{fc}ller@nhs.test",
            b"7-bit",
            Some("SMTPUTF8"),
        ),
        (
            &["SMTPUTF8", "8BITMIME"],
            "dr.m\u{fc}ller@nhs.test",
            b"7-bit",
            None,
        ),
        (
            &[],
            "zoe@nhs.test",
            "8-bit \u{e9}".as_bytes(),
            Some("8BITMIME"),
        ),
        (
            &["8BITMIME"],
            "zoe@nhs.test",
            "8-bit \u{e9}".as_bytes(),
            None,
        ),
    ];

    #[test]
    fn what_a_server_can_never_take_is_refused_permanently_and_named() {
        for (offered, to, bytes, refused) in CASES {
            let got = unsendable(&server(offered), "mx:587", &mail(to, bytes));
            match (refused, got) {
                (None, None) => {}
                (Some(lacking), Some(Error::Smtp { transient, message })) => {
                    assert!(!transient, "{to} via {offered:?}: permanent");
                    assert!(
                        message.contains(lacking) && message.contains("mx:587"),
                        "{to} via {offered:?}: {message}"
                    );
                    if *lacking == "SMTPUTF8" {
                        assert!(message.contains(to), "names the address: {message}");
                    }
                }
                (expected, got) => {
                    panic!("{to} via {offered:?}: expected {expected:?}, got {got:?}")
                }
            }
        }
    }

    #[test]
    fn check_names_a_missing_smtputf8_only() {
        assert_eq!(lacking(&server(&["SMTPUTF8"])), Vec::<&str>::new());
        let lacks = lacking(&server(&["8BITMIME", "PIPELINING"]));
        assert_eq!(lacks.len(), 1);
        assert!(lacks[0].starts_with("SMTPUTF8"), "{lacks:?}");
    }
}
