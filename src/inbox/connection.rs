//! The IMAP connection: a socket, TLS (rustls, the same trust as SMTP;
//! STARTTLS is done on the raw socket, then the `imap` client is handed the
//! encrypted stream), login with a password or an OAuth2 token, and IDLE.
//! Apart from the watcher because `check`, the examples and the tests open
//! the same connection without reading anything, and because how to reach
//! and sign in to a server changes for other reasons than what is read.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::sync::Arc;
use std::time::Duration;

use rustls::pki_types::ServerName;
use rustls::{ClientConnection, StreamOwned};

use crate::credentials::{Credentials, Secret};
use crate::oauth::{self, Refusal, Service};
use crate::survey::{Auth, Security, Server};
use crate::{Error, Result};

/// How long a connection attempt or a read may take.
const TIMEOUT: Duration = Duration::from_secs(30);

/// A connection to the IMAP server, encrypted or (to loopback) not.
#[derive(Debug)]
pub enum Stream {
    /// Plain TCP (loopback only).
    Plain(TcpStream),
    /// TLS over TCP.
    Tls(Box<StreamOwned<ClientConnection, TcpStream>>),
}

impl Read for Stream {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Stream::Plain(s) => s.read(buf),
            Stream::Tls(s) => s.read(buf),
        }
    }
}

impl Write for Stream {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Stream::Plain(s) => s.write(buf),
            Stream::Tls(s) => s.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Stream::Plain(s) => s.flush(),
            Stream::Tls(s) => s.flush(),
        }
    }
}

impl Stream {
    /// Sets the read timeout of the socket underneath (IDLE waits use it).
    pub fn set_read_timeout(&self, timeout: Option<Duration>) -> std::io::Result<()> {
        match self {
            Stream::Plain(s) => s.set_read_timeout(timeout),
            Stream::Tls(s) => s.get_ref().set_read_timeout(timeout),
        }
    }
}

/// A logged-in IMAP session.
pub type Session = imap::Session<Stream>;

pub(super) fn tcp(server: &Server) -> Result<TcpStream> {
    let addresses = (server.host.as_str(), server.port)
        .to_socket_addrs()
        .map_err(|e| Error::Imap(format!("cannot resolve {}: {e}", server.host)))?;
    let mut last = None;
    for address in addresses {
        match TcpStream::connect_timeout(&address, TIMEOUT) {
            Ok(stream) => {
                stream.set_read_timeout(Some(TIMEOUT)).ok();
                stream.set_write_timeout(Some(TIMEOUT)).ok();
                return Ok(stream);
            }
            Err(err) => last = Some(err),
        }
    }
    Err(Error::Imap(format!(
        "cannot connect to {}:{}: {}",
        server.host,
        server.port,
        last.map_or("no address".to_owned(), |e| e.to_string())
    )))
}

fn wrap(server: &Server, socket: TcpStream) -> Result<Stream> {
    let config = crate::tls::client_config(server.ca_file.as_deref())?;
    let name = ServerName::try_from(server.host.clone()).map_err(|e| {
        Error::Tls(format!(
            "{} is not a valid TLS server name: {e}",
            server.host
        ))
    })?;
    let connection =
        ClientConnection::new(Arc::clone(&config), name).map_err(|e| Error::Tls(e.to_string()))?;
    let mut stream = StreamOwned::new(connection, socket);
    // Complete the handshake now, so a refused certificate is reported as such.
    while stream.conn.is_handshaking() {
        stream.conn.complete_io(&mut stream.sock).map_err(|e| {
            Error::Tls(crate::tls::explain(
                &e.to_string(),
                &server.host,
                server.ca_file.as_deref(),
            ))
        })?;
    }
    Ok(Stream::Tls(Box::new(stream)))
}

/// STARTTLS on the raw socket: read the greeting, ask, read the go-ahead.
fn starttls(server: &Server, socket: TcpStream) -> Result<Stream> {
    let mut reader = BufReader::new(socket.try_clone().map_err(|e| Error::Imap(e.to_string()))?);
    let mut line = String::new();
    reader
        .read_line(&mut line)
        .map_err(|e| Error::Imap(format!("no greeting: {e}")))?;
    if !line.starts_with("* OK") {
        return Err(Error::Imap(format!("unexpected greeting: {}", line.trim())));
    }
    (&socket)
        .write_all(b"s1 STARTTLS\r\n")
        .map_err(|e| Error::Imap(e.to_string()))?;
    loop {
        line.clear();
        reader
            .read_line(&mut line)
            .map_err(|e| Error::Imap(format!("STARTTLS: {e}")))?;
        if line.is_empty() {
            return Err(Error::Imap(
                "the server closed the connection during STARTTLS".into(),
            ));
        }
        if let Some(rest) = line.strip_prefix("s1 ") {
            if rest.starts_with("OK") {
                break;
            }
            return Err(Error::Imap(format!(
                "the server refused STARTTLS ({}); use security = \"tls\" or check the port",
                rest.trim()
            )));
        }
    }
    if !reader.buffer().is_empty() {
        return Err(Error::Imap(
            "the server sent data before TLS started".into(),
        ));
    }
    wrap(server, socket)
}

/// Connects and logs in.
pub fn connect(server: &Server) -> Result<Session> {
    connect_on(server, tcp(server)?)
}

/// Connects and logs in over `socket`.
pub(super) fn connect_on(server: &Server, socket: TcpStream) -> Result<Session> {
    let client = match server.security {
        Security::StartTls => imap::Client::new(starttls(server, socket)?),
        Security::Tls => {
            let mut client = imap::Client::new(wrap(server, socket)?);
            client
                .read_greeting()
                .map_err(|e| Error::Imap(format!("no greeting: {e}")))?;
            client
        }
        Security::Plain => {
            let mut client = imap::Client::new(Stream::Plain(socket));
            client
                .read_greeting()
                .map_err(|e| Error::Imap(format!("no greeting: {e}")))?;
            client
        }
    };
    if server.auth.is_token() {
        return token_login(server, client);
    }
    let credentials = Credentials::for_server(server)?
        .ok_or_else(|| Error::Credentials("[imap] needs a password to log in".into()))?;
    client
        .login(&credentials.username, credentials.secret.expose())
        .map_err(|(err, _)| {
            Error::Credentials(format!(
                "the IMAP server {} refused the login for {} ({err}); check username and password",
                server.host, credentials.username
            ))
        })
}

/// Signs in with an OAuth2 token (AUTHENTICATE XOAUTH2 or OAUTHBEARER):
/// runs the token command for this connection and, when the server refuses
/// the token, runs it again and retries once. A second refusal is a setup
/// problem, explained by [`oauth::diagnose`].
fn token_login(server: &Server, mut client: imap::Client<Stream>) -> Result<Session> {
    let mechanism = server.auth.mechanism();
    let mut refused: Option<(Secret, Refusal)> = None;
    for attempt in 1..=2 {
        let token = crate::credentials::token(server)?;
        let authenticator = TokenAuthenticator::new(server.auth, &server.username, &token);
        match client.authenticate(mechanism, &authenticator) {
            Ok(session) => {
                if attempt > 1 {
                    tracing::info!(host = %server.host, user = %server.username, "imap: a fresh token from the token command was accepted");
                }
                return Ok(session);
            }
            Err((imap::Error::No(no), back)) if authenticator.answered() => {
                client = back;
                let refusal = Refusal::from_challenge(
                    &authenticator.error_challenge().unwrap_or_default(),
                    format!("NO {}", no.information),
                );
                tracing::warn!(host = %server.host, user = %server.username, status = ?refusal.status, attempt, "imap: the server refused the token; running the token command again");
                refused = Some((token, refusal));
            }
            Err((
                imap::Error::No(imap::error::No {
                    information: no, ..
                })
                | imap::Error::Bad(imap::error::Bad {
                    information: no, ..
                }),
                _,
            )) => {
                return Err(Error::Credentials(format!(
                    "the IMAP server {}:{} does not accept AUTHENTICATE {mechanism} ({no}); check host and port (Microsoft 365: outlook.office365.com:993, Gmail: imap.gmail.com:993){}",
                    server.host,
                    server.port,
                    if server.auth == Auth::OAuthBearer {
                        ", or use auth = \"xoauth2\""
                    } else {
                        ""
                    }
                )));
            }
            Err((err, _)) => {
                return Err(Error::Imap(format!(
                    "signing in to {} with {mechanism}: {err}",
                    server.host
                )));
            }
        }
    }
    let (token, refusal) = refused.expect("two refusals");
    let diagnosis = oauth::diagnose(
        &server.host,
        Service::Imap,
        &server.username,
        &token,
        &refusal,
        jiff::Timestamp::now(),
    );
    Err(Error::Credentials(format!(
        "the IMAP server {} refused the {mechanism} token for {} twice ({}); {diagnosis}",
        server.host, server.username, refusal.reply
    )))
}

/// Answers the server's SASL continuations for a token: the initial
/// response first; then, if the server sends an error challenge, keeps it
/// (to explain the refusal) and acknowledges it, so that the server ends
/// the exchange with its NO.
struct TokenAuthenticator<'a> {
    auth: Auth,
    user: &'a str,
    token: &'a Secret,
    answered: std::cell::Cell<bool>,
    error: std::cell::RefCell<Option<Vec<u8>>>,
}

impl<'a> TokenAuthenticator<'a> {
    fn new(auth: Auth, user: &'a str, token: &'a Secret) -> Self {
        TokenAuthenticator {
            auth,
            user,
            token,
            answered: std::cell::Cell::new(false),
            error: std::cell::RefCell::new(None),
        }
    }

    /// Did the server take the mechanism far enough to ask for the token?
    fn answered(&self) -> bool {
        self.answered.get()
    }

    fn error_challenge(&self) -> Option<Vec<u8>> {
        self.error.borrow().clone()
    }
}

impl imap::Authenticator for TokenAuthenticator<'_> {
    type Response = Vec<u8>;

    fn process(&self, challenge: &[u8]) -> Vec<u8> {
        if self.answered.replace(true) {
            *self.error.borrow_mut() = Some(challenge.to_vec());
            oauth::error_acknowledgement(self.auth).to_vec()
        } else {
            oauth::initial_response(self.auth, self.user, self.token)
        }
    }
}

impl imap::extensions::idle::SetReadTimeout for Stream {
    fn set_read_timeout(&mut self, timeout: Option<Duration>) -> imap::Result<()> {
        // IDLE clears the timeout when it ends; keep reads bounded anyway.
        Stream::set_read_timeout(self, timeout.or(Some(TIMEOUT))).map_err(imap::Error::Io)
    }
}

/// Waits in IDLE for at most `wait`, until the server reports anything.
/// A server that ends the session says why in an untagged BYE (Exchange
/// Online: `Session invalidated - AccessTokenExpired` when the token the
/// session began with expires); that reason becomes the error, so the log
/// says why the watcher signs in again, with a fresh token.
pub fn idle(session: &mut Session, wait: Duration) -> Result<()> {
    let mut bye: Option<String> = None;
    let waited = session
        .idle()
        .timeout(wait)
        .keepalive(false)
        .wait_while(|response| {
            if let imap::types::UnsolicitedResponse::Bye { information, .. } = &response {
                bye = Some(information.clone().unwrap_or_default());
            }
            false
        });
    match (bye, waited) {
        (Some(reason), _) => Err(Error::Imap(ended(&reason))),
        (None, result) => result.map(drop).map_err(imap_error),
    }
}

/// Why the server ended a session, and what happens next.
fn ended(reason: &str) -> String {
    if reason.contains("AccessTokenExpired") {
        format!(
            "the server ended the session because its access token expired ({reason}); signing in again with a fresh token"
        )
    } else {
        format!("the server ended the session ({reason})")
    }
}

pub(super) fn imap_error(err: imap::Error) -> Error {
    Error::Imap(err.to_string())
}
