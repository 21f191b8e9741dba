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

use crate::credentials::Credentials;
use crate::survey::{Security, Server};
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
    let socket = tcp(server)?;
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
