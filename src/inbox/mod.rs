//! The mailbox the daemon reads, over IMAP (the `imap` crate, blocking:
//! callers run it off the async runtime). TLS is rustls with the same trust
//! as SMTP: STARTTLS is done on the raw socket, then the `imap` client is
//! handed the encrypted stream.

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

fn tcp(server: &Server) -> Result<TcpStream> {
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
fn connect_on(server: &Server, socket: TcpStream) -> Result<Session> {
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

/// At most this many messages per UID FETCH of whole messages...
const BATCH: usize = 50;
/// ...and at most this many bytes (a larger message goes alone): what one
/// FETCH holds in memory stays bounded whatever the mailbox holds.
const BATCH_BYTES: usize = 4 * 1024 * 1024;
/// UIDs per FETCH of sizes, to keep command lines short.
const SIZES_PER_FETCH: usize = 500;

/// One FETCH's worth of new messages.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Batch {
    /// These messages whole.
    Whole(Vec<u32>),
    /// Only the headers of this message, over the size limit.
    HeadersOnly(u32, usize),
}

/// Groups new messages (UID, size), in UID order, into FETCHes: at most
/// [`BATCH`] messages and [`BATCH_BYTES`] bytes each (a larger message
/// alone), and every message over `limit` on its own, headers only.
fn batches(sized: &[(u32, usize)], limit: usize) -> Vec<Batch> {
    let mut out = Vec::new();
    let mut current: Vec<u32> = Vec::new();
    let mut bytes = 0;
    for &(uid, size) in sized {
        if size > limit {
            if !current.is_empty() {
                out.push(Batch::Whole(std::mem::take(&mut current)));
                bytes = 0;
            }
            out.push(Batch::HeadersOnly(uid, size));
            continue;
        }
        if !current.is_empty() && (current.len() >= BATCH || bytes + size > BATCH_BYTES) {
            out.push(Batch::Whole(std::mem::take(&mut current)));
            bytes = 0;
        }
        current.push(uid);
        bytes += size;
    }
    if !current.is_empty() {
        out.push(Batch::Whole(current));
    }
    out
}

/// A UID set: `1,2,5`.
fn uid_set(uids: &[u32]) -> String {
    uids.iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// When the server received it, not when we read it: a reply that came in
/// before the close while the daemon was down is not late.
fn arrived(fetch: &imap::types::Fetch<'_>) -> jiff::Timestamp {
    fetch
        .internal_date()
        .and_then(|d| jiff::Timestamp::from_second(d.timestamp()).ok())
        .unwrap_or_else(jiff::Timestamp::now)
}
/// The longest one IDLE lasts, so that shutdown stays bounded (far below
/// the 29 minutes of RFC 2177).
const MAX_IDLE: Duration = Duration::from_secs(20);

/// Reads the survey's mailbox in a thread of its own: files what has been
/// processed, stores what is new (committing before anything else happens
/// to it), tells the daemon, then waits in IDLE (or sleeps, when the server
/// has no IDLE). Reconnects with backoff when the server goes away.
#[derive(Clone)]
pub struct Watcher {
    /// The survey whose mailbox this is.
    pub survey: Arc<crate::survey::Survey>,
    /// Where messages are stored.
    pub store: crate::store::Store,
    /// Woken when new messages are stored.
    pub notify: Arc<tokio::sync::Notify>,
    /// Asks the watcher to stop.
    pub shutdown: crate::shutdown::Shutdown,
    /// Woken by the daemon when there is something to file.
    pub wake: Arc<std::sync::atomic::AtomicBool>,
    /// The current connection's socket, so that shutdown can interrupt an
    /// IDLE wait at once.
    pub socket: Arc<std::sync::Mutex<Option<TcpStream>>>,
    /// Where the watcher says whether it can read the mailbox.
    pub health: Arc<crate::daemon::Health>,
    /// Every survey reading this mailbox, when several do (the service
    /// keeps the list up to date across reloads); `None`: only `survey`.
    pub members: Option<Arc<std::sync::Mutex<Vec<Member>>>>,
}

/// A survey reading a mailbox that other surveys read too. One watcher
/// reads it for all of them: it stores each message once per survey that
/// can claim it, and files it only when every one of them has decided.
#[derive(Clone)]
pub struct Member {
    /// The survey.
    pub survey: Arc<crate::survey::Survey>,
    /// Its store.
    pub store: crate::store::Store,
    /// Woken when a message is stored for it.
    pub notify: Arc<tokio::sync::Notify>,
}

/// Where the reader of a shared mailbox sends one message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Routed {
    /// The indices of the members it goes to.
    pub targets: Vec<usize>,
    /// It carries no token and its sender is listed in more than one of the
    /// surveys: each records it as unmatched (the fact travels with the
    /// stored message, so each survey's decision stays pure).
    pub shared_sender: bool,
}

/// Which of `members` a message goes to: the survey owning the VERP key a
/// delivery report was delivered to (a report that carries only our key
/// would otherwise be noise in every other survey); else those whose store
/// knows a token it carries (its plus-address, the Message-ID it answers,
/// the headers a bounce returns); without a token, the one survey that
/// lists its sender, if exactly one does (its attribution rules apply:
/// held, confirmation); otherwise every one of them, where it is unmatched
/// (with `shared_sender` when several list the sender).
pub fn route(raw: &[u8], members: &[Member]) -> Result<Routed> {
    let everyone = |shared_sender| Routed {
        targets: (0..members.len()).collect(),
        shared_sender,
    };
    if members.len() < 2 {
        return Ok(everyone(false));
    }
    let raw = crate::mime::lighten(raw);
    let Some(message) = crate::mime::parse(&raw) else {
        return Ok(everyone(false));
    };
    let mut by_key = Vec::new();
    let mut claimed = Vec::new();
    for (i, member) in members.iter().enumerate() {
        let classification = crate::classify::classify(&message, &member.survey);
        for found in &classification.bounce_keys {
            if member
                .store
                .sent_mail_by_key(&member.survey.id, &found.key)?
                .is_some()
            {
                by_key.push(i);
                break;
            }
        }
        let candidates = match &classification.bounce {
            Some(bounce) => &bounce.returned,
            None => &classification.candidates,
        };
        for candidate in candidates {
            if member
                .store
                .recipient_by_token(&member.survey.id, &candidate.token)?
                .is_some()
            {
                claimed.push(i);
                break;
            }
        }
    }
    if !by_key.is_empty() {
        return Ok(Routed {
            targets: by_key,
            shared_sender: false,
        });
    }
    if !claimed.is_empty() {
        return Ok(Routed {
            targets: claimed,
            shared_sender: false,
        });
    }
    let sender = message
        .from()
        .and_then(|f| f.first())
        .and_then(|a| a.address())
        .map(str::to_owned);
    let mut listing = Vec::new();
    if let Some(sender) = sender {
        for (i, member) in members.iter().enumerate() {
            if member
                .store
                .recipient_by_email(&member.survey.id, &sender)?
                .is_some()
            {
                listing.push(i);
            }
        }
    }
    if listing.len() == 1 {
        return Ok(Routed {
            targets: listing,
            shared_sender: false,
        });
    }
    Ok(everyone(listing.len() > 1))
}

/// Ends a watcher's wait at once: closes the reading half of its socket,
/// so a blocked IDLE returns, while the writing half stays open for DONE
/// and LOGOUT (the watcher logs out on its way out). Call after triggering
/// shutdown.
pub fn interrupt(socket: &std::sync::Mutex<Option<TcpStream>>) {
    if let Some(socket) = socket.lock().expect("socket lock").as_ref() {
        let _ = socket.shutdown(std::net::Shutdown::Read);
    }
}

/// A watcher's thread, which the daemon checks on each turn: a thread that
/// died (a panic) is reported and started again.
pub struct Running {
    watcher: Watcher,
    handle: std::thread::JoinHandle<()>,
}

impl Running {
    /// If the thread has died while it should run, says why and starts
    /// another.
    pub fn restart_if_dead(&mut self, shutdown: &crate::shutdown::Shutdown) {
        if !self.handle.is_finished() || shutdown.is_triggered() {
            return;
        }
        let fresh = self.watcher.clone().spawn();
        let dead = std::mem::replace(self, fresh);
        let why = match dead.handle.join() {
            Ok(()) => "it returned".to_owned(),
            Err(panic) => panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "it panicked".into()),
        };
        tracing::error!(survey = %self.watcher.survey.id, cause = %why, "inbox: the reading thread died; started it again");
    }

    /// Waits for the thread to end (after shutdown).
    pub fn join(self) {
        let _ = self.handle.join();
    }
}

impl Watcher {
    /// Starts the watcher in a thread of its own.
    pub fn spawn(self) -> Running {
        let watcher = self.clone();
        let handle = std::thread::Builder::new()
            .name(format!("inbox-{}", self.survey.id))
            .spawn(move || watcher.run())
            .expect("a thread starts");
        Running {
            watcher: self,
            handle,
        }
    }

    /// Runs until shutdown.
    pub fn run(self) {
        let mut backoff = Duration::from_secs(1);
        // What filing learnt (folders that could not be created, messages
        // the server refused) outlives a connection.
        let mut filing = Filing::default();
        while !self.shutdown.is_triggered() {
            let mut logged_in = false;
            let began = std::time::Instant::now();
            match self.session(&mut logged_in, &mut filing) {
                Ok(()) => backoff = Duration::from_secs(1),
                Err(_) if self.shutdown.is_triggered() => break,
                Err(err) if err.is_locked() => {
                    // Another process holds the database: said once per
                    // wait (shared with the daemon's turns); each try
                    // waits for the lock, so no growing backoff.
                    let err = err.at_database(&self.survey.database);
                    self.store.lock_watch().waiting(&err, "inbox", began);
                    self.sleep(crate::store::lock::RETRY_PAUSE);
                }
                Err(err) if err.is_store() => {
                    // The store failed, not the server: say the store's
                    // own words (which name the database file when the
                    // operator must act), not "connection lost".
                    let err = err.at_database(&self.survey.database);
                    if err.needs_operator() {
                        tracing::error!(survey = %self.survey.id, error = %err, retry_in = ?backoff, "inbox: cannot store new mail; it stays on the server and is read again");
                    } else {
                        tracing::warn!(survey = %self.survey.id, error = %err, retry_in = ?backoff, "inbox: cannot store new mail; it stays on the server and is read again");
                    }
                    self.sleep(backoff);
                    backoff = (backoff * 2).min(Duration::from_secs(60));
                }
                Err(err) => {
                    self.health.set_imap(Some(err.to_string()));
                    // A connection that worked and then broke starts the
                    // backoff afresh; only failures to get back in grow it.
                    if logged_in {
                        backoff = Duration::from_secs(1);
                    }
                    tracing::warn!(survey = %self.survey.id, error = %err, retry_in = ?backoff, "inbox: connection lost or refused");
                    self.sleep(backoff);
                    backoff = (backoff * 2).min(Duration::from_secs(60));
                }
            }
        }
    }

    /// Sleeps up to `total`, waking early for shutdown.
    fn sleep(&self, total: Duration) {
        let step = Duration::from_millis(100);
        let mut slept = Duration::ZERO;
        while slept < total
            && !self.shutdown.is_triggered()
            && !self.wake.swap(false, std::sync::atomic::Ordering::SeqCst)
        {
            std::thread::sleep(step);
            slept += step;
        }
    }

    /// One connection's life: returns Ok on shutdown, Err when it broke;
    /// sets `logged_in` once the server has let it in.
    fn session(&self, logged_in: &mut bool, filing: &mut Filing) -> Result<()> {
        let server = &self.survey.imap;
        let socket = tcp(server)?;
        *self.socket.lock().expect("socket lock") = socket.try_clone().ok();
        if self.shutdown.is_triggered() {
            return Ok(());
        }
        let mut session = connect_on(server, socket)?;
        *logged_in = true;
        // Every member's folders. One that cannot be created is reported,
        // and its messages wait in the inbox; it is tried again on each
        // filing round while messages wait for it, and on each connection.
        let mut folders: Vec<String> = self
            .survey
            .replies
            .folders
            .all()
            .map(str::to_owned)
            .collect();
        for member in self.members() {
            for folder in member.survey.replies.folders.all() {
                if !folders.iter().any(|f| f == folder) {
                    folders.push(folder.to_owned());
                }
            }
        }
        for folder in &folders {
            match ensure_folder(&mut session, folder)? {
                None => {
                    filing.missing.remove(folder);
                }
                Some(words) => {
                    tracing::warn!(survey = %self.survey.id, folder, error = %words, "inbox: cannot create the folder; messages for it stay in the inbox until it exists");
                    filing.missing.insert(folder.clone(), words);
                }
            }
        }
        self.report_filing(filing);
        // A new connection looks for copies read again (after a UIDVALIDITY
        // change) that wait in the inbox.
        filing.swept = None;
        let capabilities = session.capabilities().map_err(imap_error)?;
        let has_idle = capabilities.has_str("IDLE");
        let has_move = capabilities.has_str("MOVE");
        drop(capabilities);
        let inbox = self.survey.replies.inbox.clone();
        let wait = Duration::try_from(self.survey.replies.poll_interval)
            .unwrap_or(MAX_IDLE)
            .min(MAX_IDLE);
        tracing::info!(survey = %self.survey.id, folder = %inbox, idle = has_idle, "inbox: connected");
        self.health.set_imap(None);
        let outcome = self.serve(&mut session, &inbox, wait, has_idle, has_move, filing);
        if self.shutdown.is_triggered() {
            // Interrupted or not, say goodbye: an IDLE in progress was ended
            // with DONE when its handle dropped; the server reads LOGOUT even
            // though our reading half may be closed already.
            let _ = session.logout();
            tracing::info!(survey = %self.survey.id, "inbox: logged out");
            return Ok(());
        }
        outcome
    }

    /// Files, fetches and waits, until shutdown or an error.
    fn serve(
        &self,
        session: &mut Session,
        inbox: &str,
        wait: Duration,
        has_idle: bool,
        has_move: bool,
        filing: &mut Filing,
    ) -> Result<()> {
        let inbox = inbox.to_owned();
        while !self.shutdown.is_triggered() {
            let mailbox = session.select(&inbox).map_err(imap_error)?;
            let uidvalidity = mailbox.uid_validity.unwrap_or(0);
            // New mail first: filing never holds up reading.
            let stored = self.fetch_new(session, &inbox, uidvalidity)?;
            if stored > 0 {
                injected_panic();
            }
            self.file(session, &inbox, uidvalidity, has_move, filing)?;
            self.file_copies(session, &inbox, uidvalidity, has_move, filing)?;
            // What the server announced meanwhile: new mail is read at
            // once rather than after the next wait; the rest is dropped, so
            // the queue of announcements stays bounded.
            if session.take_all_unsolicited().any(|r| {
                matches!(
                    r,
                    imap::types::UnsolicitedResponse::Exists(_)
                        | imap::types::UnsolicitedResponse::Recent(_)
                )
            }) {
                self.wake.store(true, std::sync::atomic::Ordering::SeqCst);
            }
            if self.shutdown.is_triggered()
                || self.wake.swap(false, std::sync::atomic::Ordering::SeqCst)
            {
                continue;
            }
            if has_idle {
                idle(session, wait)?;
            } else {
                self.sleep(wait);
            }
        }
        Ok(())
    }

    /// The surveys this watcher reads for.
    fn members(&self) -> Vec<Member> {
        match &self.members {
            Some(members) => members.lock().expect("members lock").clone(),
            None => vec![Member {
                survey: self.survey.clone(),
                store: self.store.clone(),
                notify: self.notify.clone(),
            }],
        }
    }

    /// Stores every message past the cursor, in UID order, in batches, for
    /// the surveys it goes to ([`route`]), and wakes them. With several
    /// surveys, reading starts at the lowest of their cursors; a message
    /// one of them has already is recognised as a duplicate.
    fn fetch_new(&self, session: &mut Session, folder: &str, uidvalidity: u32) -> Result<usize> {
        let members = self.members();
        if members.is_empty() {
            return Ok(0);
        }
        let mut last = u32::MAX;
        for member in &members {
            let survey = &member.survey.id;
            let theirs = match member.store.cursor(survey, folder)? {
                Some((validity, last)) if validity == uidvalidity => last,
                Some((validity, _)) => {
                    tracing::warn!(survey = %survey, folder, old = validity, new = uidvalidity, "inbox: UIDVALIDITY changed; reading the folder again");
                    member.store.reset_cursor(survey, folder, uidvalidity)?;
                    0
                }
                None => 0,
            };
            last = last.min(theirs);
        }
        let mut uids: Vec<u32> = session
            .uid_search(format!("UID {}:*", last + 1))
            .map_err(imap_error)?
            .into_iter()
            .filter(|&u| u > last)
            .collect();
        uids.sort_unstable();
        // Sizes first, so nothing larger than the limit is ever fetched
        // whole and no FETCH holds more than BATCH_BYTES.
        let mut sized: Vec<(u32, usize)> = Vec::with_capacity(uids.len());
        for chunk in uids.chunks(SIZES_PER_FETCH) {
            let fetched = session
                .uid_fetch(uid_set(chunk), "(UID RFC822.SIZE)")
                .map_err(imap_error)?;
            sized.extend(
                fetched
                    .iter()
                    .filter_map(|f| Some((f.uid?, f.size.map_or(0, |s| s as usize)))),
            );
        }
        sized.sort_unstable();
        // Surveys sharing the mailbox may set different limits: fetch whole
        // what any of them would read; each quarantines what is over its own.
        let limit = members
            .iter()
            .map(|m| m.survey.replies.max_message_bytes)
            .max()
            .unwrap_or(0);
        let mut stored = vec![0usize; members.len()];
        let mut total = 0;
        for batch in batches(&sized, limit) {
            match batch {
                Batch::Whole(uids) => {
                    let fetched = session
                        .uid_fetch(uid_set(&uids), "(UID INTERNALDATE BODY.PEEK[])")
                        .map_err(imap_error)?;
                    let mut messages: Vec<Fetched<'_>> = fetched
                        .iter()
                        .filter_map(|fetch| {
                            Some(Fetched {
                                uid: fetch.uid?,
                                bytes: fetch.body()?,
                                size: None,
                                arrived: arrived(fetch),
                            })
                        })
                        .collect();
                    messages.sort_by_key(|m| m.uid);
                    store_for(&members, folder, uidvalidity, &messages, &mut stored)?;
                }
                Batch::HeadersOnly(uid, size) => {
                    let fetched = session
                        .uid_fetch(uid.to_string(), "(UID INTERNALDATE BODY.PEEK[HEADER])")
                        .map_err(imap_error)?;
                    let Some(fetch) = fetched.iter().find(|f| f.uid == Some(uid)) else {
                        continue;
                    };
                    tracing::warn!(
                        folder,
                        uid,
                        size,
                        limit,
                        "inbox: message over the size limit; storing its headers only"
                    );
                    let fetched = Fetched {
                        uid,
                        bytes: fetch.header().unwrap_or_default(),
                        size: Some(size),
                        arrived: arrived(fetch),
                    };
                    store_for(&members, folder, uidvalidity, &[fetched], &mut stored)?;
                }
            }
            // Processing starts on what is stored while the rest is read.
            for (member, stored) in members.iter().zip(&mut stored) {
                if *stored > 0 {
                    tracing::info!(survey = %member.survey.id, stored = *stored, "inbox: new messages stored");
                    member.notify.notify_one();
                    total += std::mem::take(stored);
                }
            }
        }
        Ok(total)
    }

    /// Moves processed messages to their folders, in batches: the decided
    /// UIDs grouped by destination, each group moved with one UID MOVE (or
    /// UID COPY, flag, UID EXPUNGE where the server has no MOVE) per
    /// [`MOVE_CHUNK`] UIDs. A batch the server refuses is moved one message
    /// at a time, so one message it will not take holds back no other; a
    /// message refused alone is tried alone on each later round. A message
    /// for a folder that could not be created waits in the inbox while
    /// creation is tried again each round. What keeps messages from their
    /// folders goes to `health` in the server's words, and is cleared once
    /// filing works again. Only a broken connection ends the session.
    ///
    /// A message several surveys got waits until each has decided, and
    /// goes where the survey that claimed it put it (unmatched only if all
    /// left it unmatched). Runs after fetching: filing never holds up
    /// reading.
    fn file(
        &self,
        session: &mut Session,
        folder: &str,
        uidvalidity: u32,
        has_move: bool,
        filing: &mut Filing,
    ) -> Result<()> {
        let started = std::time::Instant::now();
        let commands_before = filing.commands;
        filing.round += 1;
        let members = self.members();
        let mut by_uid: std::collections::BTreeMap<u32, Vec<(usize, crate::store::Unfiled)>> =
            std::collections::BTreeMap::new();
        let mut undecided = std::collections::HashSet::new();
        for (i, member) in members.iter().enumerate() {
            let mut stale = Vec::new();
            for item in member.store.unfiled(&member.survey.id)? {
                if item.folder != folder || item.uidvalidity != uidvalidity {
                    // Its UID means nothing any more; it stays where it is
                    // (a copy read again is filed beside it: `file_copies`).
                    stale.push(item.id);
                    continue;
                }
                by_uid.entry(item.uid).or_default().push((i, item));
            }
            member.store.mark_filed_all(&stale)?;
            if members.len() > 1 {
                undecided.extend(member.store.undecided_uids(
                    &member.survey.id,
                    folder,
                    uidvalidity,
                )?);
            }
        }
        // Decided messages by destination, in UID order.
        let mut groups: std::collections::BTreeMap<String, Vec<Pending>> =
            std::collections::BTreeMap::new();
        for (uid, rows) in by_uid {
            if undecided.contains(&uid) {
                continue;
            }
            let file_to = rows
                .iter()
                .find(|(i, item)| item.file_to != members[*i].survey.replies.folders.unmatched)
                .unwrap_or(&rows[0])
                .1
                .file_to
                .clone();
            groups.entry(file_to).or_default().push(Pending {
                uid,
                rows: rows.iter().map(|(i, item)| (*i, item.id)).collect(),
            });
        }
        // Folders that could not be created: try again while mail waits.
        let waiting: Vec<String> = filing
            .missing
            .keys()
            .filter(|f| groups.contains_key(*f))
            .cloned()
            .collect();
        for missing in waiting {
            match ensure_folder(session, &missing)? {
                None => {
                    tracing::info!(survey = %self.survey.id, folder = %missing, "inbox: the folder exists now; filing the messages that waited for it");
                    filing.missing.remove(&missing);
                }
                Some(words) => {
                    filing.missing.insert(missing, words);
                }
            }
        }
        let mut problems = Vec::new();
        let mut filed = 0usize;
        let mut still_refused = std::collections::HashMap::new();
        for (file_to, pending) in &groups {
            if let Some(words) = filing.missing.get(file_to) {
                problems.push(format!(
                    "cannot create folder {file_to} ({words}); {} message(s) for it wait in {folder}; fix: create folder {file_to} on the server, or change [replies.folders] in {}",
                    pending.len(),
                    files_naming(&members, file_to)
                ));
                continue;
            }
            let (alone, batched): (Vec<&Pending>, Vec<&Pending>) = pending
                .iter()
                .partition(|p| filing.refused.contains_key(&(uidvalidity, p.uid)));
            let mut refused_here: Vec<(u32, String)> = Vec::new();
            let mut folder_refused: Option<(String, usize)> = None;
            for (n, chunk) in batched.chunks(MOVE_CHUNK).enumerate() {
                let uids: Vec<u32> = chunk.iter().map(|p| p.uid).collect();
                match attempt(session, &uid_ranges(&uids), file_to, has_move, filing)? {
                    Attempt::Moved => {
                        mark_filed(&members, chunk)?;
                        filed += chunk.len();
                    }
                    Attempt::Refused { words, missing } => {
                        if missing {
                            // The folder went away: create it next round.
                            filing.missing.insert(file_to.clone(), words);
                            break;
                        }
                        if filing.first_time(format!("batch {file_to} {words}")) {
                            tracing::warn!(survey = %self.survey.id, folder = %file_to, messages = chunk.len(), error = %words, "inbox: the server refused to file a batch; filing its messages one by one");
                        }
                        // One at a time, starting at a different message
                        // each round, until it is clear the folder takes
                        // none (the first three refused, none taken).
                        let start = (filing.round * 3) % chunk.len();
                        let mut taken = 0;
                        let mut refused = Vec::new();
                        for k in 0..chunk.len() {
                            let one = chunk[(start + k) % chunk.len()];
                            match attempt(session, &one.uid.to_string(), file_to, has_move, filing)?
                            {
                                Attempt::Moved => {
                                    mark_filed(&members, &[one])?;
                                    filed += 1;
                                    taken += 1;
                                }
                                Attempt::Refused { words, .. } => {
                                    refused.push((one.uid, words));
                                    if taken == 0 && refused.len() >= 3 {
                                        break;
                                    }
                                }
                            }
                        }
                        if taken == 0 && refused.len() < chunk.len() {
                            let waiting = batched.len() - n * MOVE_CHUNK - taken;
                            folder_refused = Some((words, waiting));
                            break;
                        }
                        refused_here.extend(refused);
                    }
                }
            }
            // Messages refused alone before: alone again.
            for one in alone {
                match attempt(session, &one.uid.to_string(), file_to, has_move, filing)? {
                    Attempt::Moved => {
                        mark_filed(&members, &[one])?;
                        filed += 1;
                    }
                    Attempt::Refused { words, .. } => refused_here.push((one.uid, words)),
                }
            }
            if let Some((words, waiting)) = folder_refused {
                if filing.first_time(format!("folder {file_to} {words}")) {
                    tracing::warn!(survey = %self.survey.id, folder = %file_to, waiting, error = %words, "inbox: the server refuses to file messages to this folder; trying again each round");
                }
                problems.push(format!(
                    "the server refuses to move messages to {file_to} ({words}); {waiting} message(s) wait in {folder} and are tried again each round"
                ));
            }
            if let Some((_, words)) = refused_here.first() {
                if filing.first_time(format!("some {file_to} {} {words}", refused_here.len())) {
                    tracing::warn!(survey = %self.survey.id, folder = %file_to, messages = refused_here.len(), error = %words, "inbox: the server refused to file some messages; trying them again each round");
                }
                problems.push(format!(
                    "the server refused to move {} message(s) to {file_to} ({words}); they wait in {folder} and are tried again each round",
                    refused_here.len()
                ));
            }
            for (uid, words) in refused_here {
                still_refused.insert((uidvalidity, uid), words);
            }
        }
        filing.refused = still_refused;
        if filed > 0 {
            tracing::info!(
                survey = %self.survey.id,
                filed,
                commands = filing.commands - commands_before,
                ms = started.elapsed().as_millis() as u64,
                "inbox: messages filed"
            );
        }
        if problems.is_empty() && filing.missing.is_empty() {
            if !filing.problems.is_empty() {
                tracing::info!(survey = %self.survey.id, "inbox: filing works again");
            }
            filing.logged.clear();
        }
        filing.problems = problems;
        self.report_filing(filing);
        Ok(())
    }

    /// Files copies of stored messages that wait in the inbox: after a
    /// UIDVALIDITY change the folder is read again, and each message
    /// recognised as stored before (by Message-ID or content) is not
    /// stored twice; here it goes to the folder its first copy went to, so
    /// the inbox empties. Looks when a connection starts, when UIDVALIDITY
    /// changed, every [`COPIES_EVERY`], and again while a copy waits
    /// (its first copy undecided, or its move refused).
    fn file_copies(
        &self,
        session: &mut Session,
        folder: &str,
        uidvalidity: u32,
        has_move: bool,
        filing: &mut Filing,
    ) -> Result<()> {
        let due = match filing.swept {
            Some((validity, at)) => {
                validity != uidvalidity || filing.sweep_again || at.elapsed() >= COPIES_EVERY
            }
            None => true,
        };
        if !due {
            return Ok(());
        }
        filing.swept = Some((uidvalidity, std::time::Instant::now()));
        filing.sweep_again = false;
        let members = self.members();
        // Only what every member has read past.
        let mut last = u32::MAX;
        let mut known = std::collections::HashSet::new();
        for member in &members {
            let theirs = match member.store.cursor(&member.survey.id, folder)? {
                Some((validity, last)) if validity == uidvalidity => last,
                _ => 0,
            };
            last = last.min(theirs);
            known.extend(
                member
                    .store
                    .stored_uids(&member.survey.id, folder, uidvalidity)?,
            );
        }
        if last == 0 || last == u32::MAX {
            return Ok(());
        }
        let mut copies: Vec<u32> = session
            .uid_search(format!("UID 1:{last}"))
            .map_err(imap_error)?
            .into_iter()
            .filter(|u| *u <= last && !known.contains(u))
            .collect();
        filing.commands += 1;
        if copies.is_empty() {
            return Ok(());
        }
        copies.sort_unstable();
        // Where each one's first copy went.
        let mut to: std::collections::BTreeMap<String, Vec<u32>> = Default::default();
        let mut unexplained = 0;
        for chunk in copies.chunks(SIZES_PER_FETCH) {
            let fetched = session
                .uid_fetch(uid_ranges(chunk), "(UID BODY.PEEK[HEADER])")
                .map_err(imap_error)?;
            filing.commands += 1;
            let mut found: Vec<(u32, Option<String>)> = fetched
                .iter()
                .filter_map(|f| {
                    let id = crate::mime::parse_headers(f.header()?)
                        .and_then(|m| m.message_id().map(str::to_owned));
                    Some((f.uid?, id))
                })
                .collect();
            drop(fetched);
            for (uid, message_id) in &mut found {
                let hash = if message_id.is_none() {
                    // No Message-ID: the whole message, for its hash.
                    let whole = session
                        .uid_fetch(uid.to_string(), "(UID BODY.PEEK[])")
                        .map_err(imap_error)?;
                    filing.commands += 1;
                    whole
                        .iter()
                        .find(|f| f.uid == Some(*uid))
                        .and_then(|f| f.body())
                        .map(crate::store::content_hash)
                } else {
                    None
                };
                let mut first = None;
                for member in &members {
                    if let Some(copy) = member.store.first_copy(
                        &member.survey.id,
                        message_id.as_deref(),
                        hash.as_deref(),
                    )? {
                        first = Some(copy);
                        break;
                    }
                }
                match first {
                    Some(crate::store::FirstCopy {
                        decided: true,
                        file_to: Some(file_to),
                    }) => to.entry(file_to).or_default().push(*uid),
                    // Its first copy is not decided yet: next round.
                    Some(_) => filing.sweep_again = true,
                    None => unexplained += 1,
                }
            }
        }
        if unexplained > 0 {
            tracing::warn!(survey = %self.survey.id, folder, messages = unexplained, "inbox: messages read past but stored nowhere; they stay in the inbox");
        }
        let mut moved = 0;
        for (file_to, uids) in &to {
            if filing.missing.contains_key(file_to) {
                filing.sweep_again = true;
                continue;
            }
            for chunk in uids.chunks(MOVE_CHUNK) {
                match attempt(session, &uid_ranges(chunk), file_to, has_move, filing)? {
                    Attempt::Moved => moved += chunk.len(),
                    Attempt::Refused { words, .. } => {
                        tracing::warn!(survey = %self.survey.id, folder = %file_to, messages = chunk.len(), error = %words, "inbox: the server refused to file copies read again; trying again next round");
                        filing.sweep_again = true;
                    }
                }
            }
        }
        if moved > 0 {
            tracing::info!(survey = %self.survey.id, folder, moved, "inbox: copies of messages stored before filed beside their first copy");
        }
        Ok(())
    }

    /// Puts what keeps messages from their folders where `status` sees it
    /// (through the service's store thread), or clears it.
    fn report_filing(&self, filing: &Filing) {
        let mut lines = filing.problems.clone();
        // A folder that could not be created and has no message waiting
        // for it yet is still worth knowing about.
        for (folder, words) in &filing.missing {
            if !lines
                .iter()
                .any(|l| l.contains(&format!("folder {folder} (")))
            {
                lines.push(format!(
                    "cannot create folder {folder} ({words}); messages for it will wait in the inbox; fix: create folder {folder} on the server, or change [replies.folders] in {}",
                    files_naming(&self.members(), folder)
                ));
            }
        }
        self.health
            .set_filing((!lines.is_empty()).then(|| lines.join("\n")));
    }
}

/// UIDs per UID MOVE (or COPY): a command line of a few kilobytes at most.
const MOVE_CHUNK: usize = 500;

/// How often the inbox is looked at for copies of stored messages when
/// nothing else asks for it.
const COPIES_EVERY: Duration = Duration::from_secs(300);

/// What filing knows between rounds, kept by the watcher's thread across
/// reconnects.
#[derive(Debug, Default)]
struct Filing {
    /// Folders that could not be created, with the server's words: the
    /// messages for them wait in the inbox.
    missing: std::collections::BTreeMap<String, String>,
    /// Messages the server refused to move on their own, by (UIDVALIDITY,
    /// UID), with its words: tried alone each round, kept out of batches.
    refused: std::collections::HashMap<(u32, u32), String>,
    /// What the last round could not do, one line each.
    problems: Vec<String>,
    /// Filing rounds so far (the one-by-one fallback starts at a
    /// different message each round).
    round: usize,
    /// IMAP commands sent for filing so far.
    commands: usize,
    /// When the inbox was last looked at for copies, and under which
    /// UIDVALIDITY; `None`: on the next round.
    swept: Option<(u32, std::time::Instant)>,
    /// A copy waits (its first copy undecided, or its move refused).
    sweep_again: bool,
    /// Refusals already logged since filing last worked in full: a
    /// refusal that lasts is logged once, not on every round.
    logged: std::collections::HashSet<String>,
}

impl Filing {
    /// True the first time `what` is seen since filing last worked in
    /// full.
    fn first_time(&mut self, what: String) -> bool {
        self.logged.insert(what)
    }
}

/// A decided message waiting to be filed: its UID, and its rows (member
/// index, row id) in the members' stores.
#[derive(Debug)]
struct Pending {
    uid: u32,
    rows: Vec<(usize, i64)>,
}

/// Marks messages filed in their stores, one commit per member.
fn mark_filed(members: &[Member], moved: &[&Pending]) -> Result<()> {
    for (i, member) in members.iter().enumerate() {
        let ids: Vec<i64> = moved
            .iter()
            .flat_map(|p| p.rows.iter())
            .filter(|(m, _)| *m == i)
            .map(|(_, id)| *id)
            .collect();
        member.store.mark_filed_all(&ids)?;
    }
    Ok(())
}

/// The survey files whose `[replies.folders]` name `folder`.
fn files_naming(members: &[Member], folder: &str) -> String {
    let files: Vec<String> = members
        .iter()
        .filter(|m| m.survey.replies.folders.all().any(|f| f == folder))
        .map(|m| m.survey.file.display().to_string())
        .collect();
    if files.is_empty() {
        "the survey file".to_owned()
    } else {
        files.join(", ")
    }
}

/// What became of one move.
enum Attempt {
    /// The server took it.
    Moved,
    /// The server refused it, in these words; `missing`: because the
    /// folder does not exist (TRYCREATE).
    Refused { words: String, missing: bool },
}

/// Moves the UID set `set` to `folder` with one command (MOVE), or three
/// (COPY, flag \Deleted, UID EXPUNGE) where the server has no MOVE. A
/// refusal (NO, BAD, anything but a broken connection) is the answer; a
/// broken connection is the error that ends the session.
fn attempt(
    session: &mut Session,
    set: &str,
    folder: &str,
    has_move: bool,
    filing: &mut Filing,
) -> Result<Attempt> {
    let moved = if has_move {
        filing.commands += 1;
        session.uid_mv(set, folder)
    } else {
        filing.commands += 1;
        session.uid_copy(set, folder).and_then(|()| {
            filing.commands += 2;
            session
                .uid_store(set, "+FLAGS.SILENT (\\Deleted)")
                .map(drop)
                .and_then(|()| session.uid_expunge(set).map(drop))
        })
    };
    match moved {
        Ok(()) => Ok(Attempt::Moved),
        Err(err @ (imap::Error::Io(_) | imap::Error::ConnectionLost)) => {
            Err(Error::Imap(format!("filing to {folder}: {err}")))
        }
        Err(err) => Ok(Attempt::Refused {
            missing: matches!(&err, imap::Error::No(no) if try_create(&no.code)),
            words: refusal(&err),
        }),
    }
}

/// The server's answer to a refused command, as it said it.
fn refusal(err: &imap::Error) -> String {
    match err {
        imap::Error::No(no) => format!(
            "NO {}{}",
            if try_create(&no.code) {
                "[TRYCREATE] "
            } else {
                ""
            },
            no.information
        ),
        imap::Error::Bad(bad) => format!("BAD {}", bad.information),
        other => other.to_string(),
    }
}

/// Did the server answer `[TRYCREATE]` (the folder does not exist)? The
/// `imap` crate does not re-export its response-code type, so its name is
/// compared.
fn try_create(code: &Option<impl std::fmt::Debug>) -> bool {
    code.as_ref()
        .is_some_and(|c| format!("{c:?}") == "TryCreate")
}

/// Makes sure `folder` exists: `None` when it does (created now, or there
/// already), else the server's words for why it could not be created. A
/// server that refuses CREATE for a folder that exists is asked with LIST.
fn ensure_folder(session: &mut Session, folder: &str) -> Result<Option<String>> {
    match session.create(folder) {
        Ok(()) => {
            tracing::info!(folder, "inbox: folder created");
            Ok(None)
        }
        Err(err @ (imap::Error::Io(_) | imap::Error::ConnectionLost)) => {
            Err(Error::Imap(format!("creating folder {folder}: {err}")))
        }
        // Already there is fine.
        Err(imap::Error::No(no)) if no.information.to_ascii_lowercase().contains("exists") => {
            Ok(None)
        }
        Err(err) => {
            let exists = session
                .list(None, Some(folder))
                .map(|names| names.iter().any(|n| n.name() == folder))
                .unwrap_or(false);
            Ok((!exists).then(|| refusal(&err)))
        }
    }
}

/// A UID set in ranges: `1:3,5,7:9`.
fn uid_ranges(uids: &[u32]) -> String {
    let mut sorted = uids.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut out = String::new();
    let mut i = 0;
    while i < sorted.len() {
        let mut j = i;
        while j + 1 < sorted.len() && sorted[j + 1] == sorted[j] + 1 {
            j += 1;
        }
        if !out.is_empty() {
            out.push(',');
        }
        if j > i {
            out.push_str(&format!("{}:{}", sorted[i], sorted[j]));
        } else {
            out.push_str(&sorted[i].to_string());
        }
        i = j + 1;
    }
    out
}

/// Fault injection for the fault suite (`tests/faults.md`, class
/// `inbox-panic`): with `MAILSURVEY_FAULT=inbox-panic-once` in the
/// environment, the reading thread panics once, right after it first
/// stored new mail, so a test can see that the daemon notices the dead
/// thread and starts another. No real input is known to make it panic
/// (every parse is guarded); without the variable this does nothing.
fn injected_panic() {
    static FIRED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    let asked = std::env::var("MAILSURVEY_FAULT")
        .is_ok_and(|v| v.split(',').any(|f| f.trim() == "inbox-panic-once"));
    if asked && !FIRED.swap(true, std::sync::atomic::Ordering::SeqCst) {
        panic!("fault injected: MAILSURVEY_FAULT=inbox-panic-once");
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

/// One fetched message (or, for one over the size limit, its headers).
struct Fetched<'a> {
    uid: u32,
    /// The message, or its headers only.
    bytes: &'a [u8],
    /// The server's size when `bytes` are the headers only.
    size: Option<usize>,
    arrived: jiff::Timestamp,
}

/// Stores one FETCH's messages, in UID order, for the surveys each goes
/// to ([`route`]), straight from the server's response (no copy): one
/// transaction per survey for the whole FETCH, which also moves that
/// survey's cursor past every message of it (those routed elsewhere
/// included). Counts what was new per survey in `stored`.
fn store_for(
    members: &[Member],
    folder: &str,
    uidvalidity: u32,
    messages: &[Fetched<'_>],
    stored: &mut [usize],
) -> Result<()> {
    let Some(last) = messages.iter().map(|m| m.uid).max() else {
        return Ok(());
    };
    let message_ids: Vec<Option<String>> = messages
        .iter()
        .map(|m| {
            crate::mime::parse_headers(m.bytes).and_then(|h| h.message_id().map(str::to_owned))
        })
        .collect();
    let routes = messages
        .iter()
        .map(|m| route(m.bytes, members))
        .collect::<Result<Vec<_>>>()?;
    for (i, member) in members.iter().enumerate() {
        let survey = &member.survey.id;
        let mine: Vec<crate::store::Fetched<'_>> = messages
            .iter()
            .zip(&message_ids)
            .zip(&routes)
            .filter(|(_, routed)| routed.targets.contains(&i))
            .map(|((message, message_id), routed)| crate::store::Fetched {
                folder,
                uidvalidity,
                uid: message.uid,
                message_id: message_id.as_deref(),
                bytes: message.bytes,
                size: message.size,
                arrived: message.arrived,
                shared_sender: routed.shared_sender,
            })
            .collect();
        if !mine.is_empty() {
            let outcomes = member.store.store_fetched(
                survey,
                &mine,
                &member.survey.replies.folders.quarantine,
            )?;
            stored[i] += outcomes
                .iter()
                .filter(|o| matches!(o, crate::store::Stored::New(_)))
                .count();
        }
        // Past the messages of this FETCH that went to other surveys only.
        if mine.last().map(|m| m.uid) != Some(last) {
            member
                .store
                .advance_cursor(survey, folder, uidvalidity, last)?;
        }
    }
    Ok(())
}

fn imap_error(err: imap::Error) -> Error {
    Error::Imap(err.to_string())
}

#[cfg(test)]
mod batch_tests {
    use super::*;

    #[test]
    fn uid_sets_are_written_as_ranges() {
        assert_eq!(uid_ranges(&[5, 1, 2, 3, 7, 8, 10]), "1:3,5,7:8,10");
        assert_eq!(uid_ranges(&[4]), "4");
        assert_eq!(uid_ranges(&[2, 2, 3]), "2:3");
        assert_eq!(uid_ranges(&[]), "");
        // 500 scattered UIDs stay a command line of a few kilobytes.
        let scattered: Vec<u32> = (0..MOVE_CHUNK as u32).map(|i| 1_000_000 + i * 2).collect();
        assert!(uid_ranges(&scattered).len() < 8 * 500);
    }

    #[test]
    fn batches_are_bounded_in_count_and_bytes_and_oversized_go_alone() {
        const MB: usize = 1024 * 1024;
        let limit = 25 * MB;
        // 120 small ones: 50, 50, 20.
        let small: Vec<(u32, usize)> = (1..=120).map(|u| (u, 1000)).collect();
        let counts: Vec<usize> = batches(&small, limit)
            .iter()
            .map(|b| match b {
                Batch::Whole(u) => u.len(),
                Batch::HeadersOnly(..) => 0,
            })
            .collect();
        assert_eq!(counts, [50, 50, 20]);
        // Bytes: 3 MB + 3 MB do not share a FETCH; a 10 MB one goes alone;
        // a 30 MB one is over the limit: headers only, in its place.
        let mixed = [
            (1, 3 * MB),
            (2, 3 * MB),
            (3, 10 * MB),
            (4, 30 * MB),
            (5, 100),
        ];
        assert_eq!(
            batches(&mixed, limit),
            [
                Batch::Whole(vec![1]),
                Batch::Whole(vec![2]),
                Batch::Whole(vec![3]),
                Batch::HeadersOnly(4, 30 * MB),
                Batch::Whole(vec![5]),
            ]
        );
    }
}
