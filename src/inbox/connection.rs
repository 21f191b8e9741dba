//! The IMAP connection: a socket, TLS (rustls, the same trust as SMTP;
//! STARTTLS is done on the raw socket, then the `imap` client is handed the
//! encrypted stream), login with a password or an OAuth2 token, and IDLE.
//! Apart from the watcher because `check`, the examples and the tests open
//! the same connection without reading anything, and because how to reach
//! and sign in to a server changes for other reasons than what is read.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::os::fd::AsRawFd;
use std::sync::Arc;
use std::time::Duration;

use rustls::pki_types::ServerName;
use rustls::{ClientConnection, StreamOwned};

use super::naming::{self, Hierarchy};
use super::wake::Wake;
use crate::connect::credentials::{Credentials, Secret};
use crate::connect::oauth::{self, Refusal, Service};
use crate::survey::{Auth, Security, Server};
use crate::{Error, Result};

/// How long a connection attempt or a read may take.
const TIMEOUT: Duration = Duration::from_secs(30);

/// A connection to the IMAP server, encrypted or (to loopback) not, with
/// the one translation the `imap` crate needs: it cannot parse the
/// server's `* NAMESPACE` answer (RFC 2342) and would take it for a broken
/// connection, so while a NAMESPACE command is in flight that line is
/// handed on as `* OK X-NAMESPACE <hex>` ([`naming::disguise_namespace`]),
/// which it passes through untouched to [`learn`].
#[derive(Debug)]
pub struct Stream {
    transport: Transport,
    tap: NamespaceTap,
    /// The daemon's wake-up, which ends an IDLE's wait ([`Wake`]).
    wake: Option<Arc<Wake>>,
    /// While an IDLE waits: its timeout, for reads that wait on the socket
    /// and the wake-up together.
    idling: Option<Duration>,
}

#[derive(Debug)]
enum Transport {
    /// Plain TCP (loopback only).
    Plain(TcpStream),
    /// TLS over TCP.
    Tls(Box<StreamOwned<ClientConnection, TcpStream>>),
}

/// Whole lines of the answer to a NAMESPACE command in flight.
#[derive(Debug, Default)]
struct NamespaceTap {
    /// The command's tag while its answer is being read.
    tag: Option<Vec<u8>>,
    /// Lines read whole (the NAMESPACE line disguised), not yet handed on.
    ready: std::collections::VecDeque<u8>,
    /// A line begun but not ended.
    partial: Vec<u8>,
}

impl Stream {
    fn new(transport: Transport) -> Stream {
        Stream {
            transport,
            tap: NamespaceTap::default(),
            wake: None,
            idling: None,
        }
    }

    /// A read that would wait on the socket in IDLE, with a wake-up to
    /// wait on beside it: waits for either (an error of kind `WouldBlock`
    /// for the wake-up or the timeout, which ends the IDLE). Data already
    /// decrypted and not yet read is read at once.
    fn wait_in_idle(&self) -> std::io::Result<()> {
        let (Some(wake), Some(timeout)) = (&self.wake, self.idling) else {
            return Ok(());
        };
        let socket = match &self.transport {
            Transport::Plain(s) => s.as_raw_fd(),
            // rustls wants to read the socket only when it has no
            // plaintext left to hand out.
            Transport::Tls(s) if s.conn.wants_read() => s.sock.as_raw_fd(),
            Transport::Tls(_) => return Ok(()),
        };
        wake.wait_readable(socket, timeout)
    }

    /// Sets the read timeout of the socket underneath (IDLE waits use it).
    pub fn set_read_timeout(&self, timeout: Option<Duration>) -> std::io::Result<()> {
        match &self.transport {
            Transport::Plain(s) => s.set_read_timeout(timeout),
            Transport::Tls(s) => s.get_ref().set_read_timeout(timeout),
        }
    }

    /// Reads lines whole into `tap.ready` until the NAMESPACE command's
    /// tagged answer; a line longer than [`naming::MAX_NAMESPACE_BYTES`]
    /// ends the translation (it is handed on as it came).
    fn fill_tapped(&mut self) -> std::io::Result<()> {
        let mut chunk = [0u8; 4096];
        let n = match &mut self.transport {
            Transport::Plain(s) => s.read(&mut chunk)?,
            Transport::Tls(s) => s.read(&mut chunk)?,
        };
        let tap = &mut self.tap;
        if n == 0 {
            tap.ready.extend(tap.partial.drain(..));
            tap.tag = None;
            return Ok(());
        }
        tap.partial.extend_from_slice(&chunk[..n]);
        let mut start = 0;
        while let Some(tag) = &tap.tag {
            let Some(end) = tap.partial[start..].iter().position(|&b| b == b'\n') else {
                break;
            };
            let line = &tap.partial[start..start + end + 1];
            start += end + 1;
            if line.starts_with(tag) && line.get(tag.len()) == Some(&b' ') {
                tap.tag = None;
                tap.ready.extend(line);
            } else {
                tap.ready.extend(naming::disguise_namespace(line));
            }
        }
        tap.partial.drain(..start);
        if tap.tag.is_none() || tap.partial.len() > naming::MAX_NAMESPACE_BYTES {
            tap.tag = None;
            tap.ready.extend(tap.partial.drain(..));
        }
        Ok(())
    }
}

impl Read for Stream {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        loop {
            if !self.tap.ready.is_empty() {
                let n = buf.len().min(self.tap.ready.len());
                for (slot, byte) in buf.iter_mut().zip(self.tap.ready.drain(..n)) {
                    *slot = byte;
                }
                return Ok(n);
            }
            if self.tap.tag.is_none() {
                self.wait_in_idle()?;
                return match &mut self.transport {
                    Transport::Plain(s) => s.read(buf),
                    Transport::Tls(s) => s.read(buf),
                };
            }
            self.fill_tapped()?;
        }
    }
}

impl Write for Stream {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Some(tag) = naming::namespace_command_tag(buf) {
            self.tap.tag = Some(tag);
        }
        match &mut self.transport {
            Transport::Plain(s) => s.write(buf),
            Transport::Tls(s) => s.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.transport {
            Transport::Plain(s) => s.flush(),
            Transport::Tls(s) => s.flush(),
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
    let config = crate::connect::tls::client_config(server.ca_file.as_deref())?;
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
            Error::Tls(crate::connect::tls::explain(
                &e.to_string(),
                &server.host,
                server.ca_file.as_deref(),
            ))
        })?;
    }
    Ok(Stream::new(Transport::Tls(Box::new(stream))))
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
    connect_on(server, tcp(server)?, None)
}

/// Connects and logs in over `socket`; `wake`, if given, ends an IDLE's
/// wait when it is set ([`Wake`]).
pub(super) fn connect_on(
    server: &Server,
    socket: TcpStream,
    wake: Option<Arc<Wake>>,
) -> Result<Session> {
    let (mut stream, greeted) = match server.security {
        Security::StartTls => (starttls(server, socket)?, true),
        Security::Tls => (wrap(server, socket)?, false),
        Security::Plain => (Stream::new(Transport::Plain(socket)), false),
    };
    stream.wake = wake;
    let mut client = imap::Client::new(stream);
    if !greeted {
        client
            .read_greeting()
            .map_err(|e| Error::Imap(format!("no greeting: {e}")))?;
    }
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
        let token = crate::connect::credentials::token(server)?;
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
        // Called by IDLE only: with its wait when it starts, `None` when
        // the wait is over (DONE and its answer are read as any answer).
        self.idling = timeout;
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

/// What a server can do and how it names folders, learnt once a
/// connection has logged in (the capabilities before login may differ).
/// The daemon does without what is missing: no IDLE, it polls; no MOVE, it
/// copies, flags and (with UIDPLUS) expunges those UIDs; no UIDPLUS, it
/// leaves the copies flagged `\Deleted` (a plain EXPUNGE would also remove
/// other clients' `\Deleted` mail in a shared inbox) and `status` says so.
/// Nothing the daemon does needs CONDSTORE or QRESYNC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Abilities {
    /// How the server names folders.
    pub hierarchy: Hierarchy,
    /// IDLE (RFC 2177): wait for news instead of polling.
    pub idle: bool,
    /// MOVE (RFC 6851): file with one command.
    pub moves: bool,
    /// UIDPLUS (RFC 4315): UID EXPUNGE removes only the UIDs named.
    pub uidplus: bool,
}

impl Default for Abilities {
    /// What the daemon assumed before it asked.
    fn default() -> Abilities {
        Abilities {
            hierarchy: Hierarchy::default(),
            idle: true,
            moves: true,
            uidplus: true,
        }
    }
}

impl Abilities {
    /// The capabilities the daemon would use that the server lacks, for
    /// `check` and the log (empty: none).
    pub fn lacking(&self) -> Vec<&'static str> {
        let mut lacking = Vec::new();
        if !self.idle {
            lacking.push("IDLE (new mail is polled for every poll_interval)");
        }
        if !self.moves {
            lacking.push("MOVE (messages are filed by COPY, flag and UID EXPUNGE)");
        }
        if !self.uidplus {
            lacking.push("UIDPLUS (no UID EXPUNGE: filed messages are copied and left flagged \\Deleted in the inbox, never expunged with a plain EXPUNGE, which would also remove other clients' deleted mail)");
        }
        lacking
    }
}

/// Asks a logged-in server what it can do and how it names folders:
/// CAPABILITY; `ENABLE UTF8=ACCEPT` where offered (RFC 6855), so folder
/// names go as UTF-8; `LIST "" ""` for the hierarchy separator; `NAMESPACE`
/// (RFC 2342) where offered, for the personal prefix (its separator wins
/// over LIST's, being the personal namespace's own). A server that answers
/// none of the optional questions keeps the defaults: `/`, no prefix.
pub fn learn(session: &mut Session) -> Result<Abilities> {
    let capabilities = session.capabilities().map_err(imap_error)?;
    let has = |name: &str| capabilities.has_str(name);
    let mut abilities = Abilities {
        hierarchy: Hierarchy::default(),
        idle: has("IDLE"),
        moves: has("MOVE"),
        uidplus: has("UIDPLUS"),
    };
    let utf8_offered = has("UTF8=ACCEPT") || has("UTF8=ONLY");
    let namespace_offered = has("NAMESPACE");
    drop(capabilities);
    if utf8_offered {
        match session.run_command_and_read_response("ENABLE UTF8=ACCEPT") {
            Ok(response) => {
                abilities.hierarchy.utf8 = String::from_utf8_lossy(&response).lines().any(|l| {
                    let l = l.to_ascii_uppercase();
                    l.starts_with("* ENABLED") && l.contains("UTF8=ACCEPT")
                });
            }
            Err(err @ (imap::Error::Io(_) | imap::Error::ConnectionLost)) => {
                return Err(imap_error(err));
            }
            Err(err) => {
                tracing::info!(error = %err, "imap: ENABLE UTF8=ACCEPT refused; folder names go in modified UTF-7");
            }
        }
    }
    match session.list(None, None) {
        Ok(names) => {
            if let Some(name) = names.iter().next() {
                abilities.hierarchy.separator = name.delimiter().and_then(|d| d.chars().next());
            }
        }
        Err(err @ (imap::Error::Io(_) | imap::Error::ConnectionLost)) => {
            return Err(imap_error(err));
        }
        Err(err) => {
            tracing::info!(error = %err, "imap: LIST \"\" \"\" refused; assuming '/' as the hierarchy separator");
        }
    }
    if namespace_offered {
        match session.run_command_and_read_response("NAMESPACE") {
            Ok(response) => {
                if let Some((prefix, separator)) = super::naming::personal_namespace(&response) {
                    abilities.hierarchy.prefix = prefix;
                    if separator.is_some() {
                        abilities.hierarchy.separator = separator;
                    }
                }
            }
            Err(err @ (imap::Error::Io(_) | imap::Error::ConnectionLost)) => {
                return Err(imap_error(err));
            }
            Err(err) => {
                tracing::info!(error = %err, "imap: NAMESPACE refused; folders go at the top level");
            }
        }
    }
    // What the server said meanwhile is read again after SELECT.
    let _ = session.take_all_unsolicited().count();
    Ok(abilities)
}

/// Opens the folder `path` (the survey file's way of writing it) by the
/// server's name for it.
pub fn select(
    session: &mut Session,
    hierarchy: &Hierarchy,
    path: &str,
) -> Result<imap::types::Mailbox> {
    let name = hierarchy
        .server_name(path)
        .map_err(|e| Error::Imap(format!("cannot open {path}: {e}")))?;
    session
        .select(&name)
        .map_err(|e| Error::Imap(format!("cannot open {path} (on the server: {name}): {e}")))
}

pub(super) fn imap_error(err: imap::Error) -> Error {
    Error::Imap(err.to_string())
}
