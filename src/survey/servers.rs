//! The two mail servers a survey talks to (SMTP out, IMAP in): how each is
//! reached, protected and signed in to, how fast mail is sent, and the
//! checks of the survey file's `[smtp]`, `[imap]` and `[sending]` tables.

use std::path::PathBuf;

use jiff::SignedDuration;
use toml::Spanned;

use super::checker::Checker;
use super::raw::*;

/// How the connection to a mail server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    /// Plain connection upgraded with STARTTLS (required, never optional).
    StartTls,
    /// TLS from the first byte (SMTPS 465, IMAPS 993).
    Tls,
    /// No TLS; allowed only to a loopback address.
    Plain,
}

/// Where a secret comes from. Never the survey file itself.
#[derive(Clone, PartialEq, Eq)]
pub enum SecretSource {
    /// An environment variable's value.
    Env(String),
    /// A file's first line.
    File(PathBuf),
    /// A shell command's first line of output (as mbsync and himalaya do).
    /// For OAuth2 it runs for every new connection, so that a token helper
    /// (oama, mutt_oauth2.py) can hand out a fresh token.
    Command(String),
    /// A systemd credential: the first line of
    /// `$CREDENTIALS_DIRECTORY/NAME` (`LoadCredential=` in the unit).
    Credential(String),
}

/// How a client proves who it is to a mail server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Auth {
    /// A password (SASL PLAIN or LOGIN; IMAP LOGIN).
    Password,
    /// An OAuth2 access token with SASL XOAUTH2, which Microsoft 365 and
    /// Google accept; a helper outside mailsurvey does the browser sign-in.
    XOAuth2,
    /// An OAuth2 access token with SASL OAUTHBEARER (RFC 7628), the
    /// standard form of the same.
    OAuthBearer,
}

impl Auth {
    /// The SASL mechanism's name, for messages and the AUTH command.
    pub fn mechanism(self) -> &'static str {
        match self {
            Auth::Password => "PLAIN",
            Auth::XOAuth2 => "XOAUTH2",
            Auth::OAuthBearer => "OAUTHBEARER",
        }
    }

    /// Is the secret a bearer token rather than a password?
    pub fn is_token(self) -> bool {
        !matches!(self, Auth::Password)
    }
}

impl std::fmt::Debug for SecretSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The source is not secret, but keep even that short in logs.
        match self {
            SecretSource::Env(name) => write!(f, "env:{name}"),
            SecretSource::File(path) => write!(f, "file:{}", path.display()),
            SecretSource::Command(_) => write!(f, "command:<hidden>"),
            SecretSource::Credential(name) => write!(f, "credential:{name}"),
        }
    }
}

/// A mail server and how to log in to it.
#[derive(Debug, Clone)]
pub struct Server {
    /// Host name or IP address; also the TLS server name.
    pub host: String,
    /// Port.
    pub port: u16,
    /// TLS mode.
    pub security: Security,
    /// Login name.
    pub username: String,
    /// Password or OAuth2 token.
    pub auth: Auth,
    /// Where the password (or, with OAuth2, the token) comes from; `None`
    /// means no login.
    pub password: Option<SecretSource>,
    /// Extra CA certificates (PEM) to trust, for private CAs.
    pub ca_file: Option<PathBuf>,
}

/// Sending behaviour.
#[derive(Debug, Clone)]
pub struct Sending {
    /// Parallel SMTP connections.
    pub max_connections: usize,
    /// Messages per minute at most; `None` for no limit.
    pub rate_per_minute: Option<u32>,
    /// Recipients per `quota_window` at most, as the provider counts them
    /// (Exchange Online: 10,000 a day); `None` for no quota. Shared by
    /// every survey on the same SMTP account, counted from the store.
    pub daily_limit: Option<u32>,
    /// The rolling window of `daily_limit` (24 hours unless the survey
    /// file says otherwise).
    pub quota_window: SignedDuration,
    /// First retry delay after a transient failure; doubles per attempt.
    pub retry_base: SignedDuration,
    /// Longest retry delay.
    pub retry_max: SignedDuration,
    /// After this many transient failures a message is given up.
    pub max_attempts: u32,
    /// VERP: every message goes out with its own bounce key in the envelope
    /// sender (`survey+b.KEY@domain`), so a bounce is tied to the exact
    /// message it returns by the address it comes back to.
    pub verp: bool,
    /// Read the bodies of delivery reports (RFC 3464 fields, the failed
    /// addresses in plain-text reports, the returned original's headers).
    /// Off, a bounce is recognised by its headers alone and attributed only
    /// by its VERP address: for proving that VERP works on its own.
    pub read_bounce_reports: bool,
}

/// Is `host` a loopback address, the only place plain connections may go?
pub fn is_loopback(host: &str) -> bool {
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    host.trim_matches(['[', ']'])
        .parse::<std::net::IpAddr>()
        .is_ok_and(|ip| ip.is_loopback())
}

impl Checker<'_> {
    pub(super) fn server(
        &mut self,
        raw: Option<Spanned<RawServer>>,
        what: &str,
        default_port: u16,
        default_user: &str,
    ) -> Option<Server> {
        let Some(raw) = raw else {
            self.problems.at(
                self.file,
                None,
                format!("no [{what}] table"),
                format!("add [{what}] with host, port and security"),
            );
            return None;
        };
        let raw = raw.into_inner();
        let security = match raw.security.as_ref().map(|s| s.get_ref().as_str()) {
            None | Some("starttls") => Security::StartTls,
            Some("tls") => Security::Tls,
            Some("plain") => Security::Plain,
            Some(other) => {
                let other = other.to_owned();
                self.problem(
                    raw.security.as_ref().expect("matched Some"),
                    format!("unknown security '{other}'"),
                    "use starttls, tls or plain (plain only to a loopback address)",
                );
                return None;
            }
        };
        if security == Security::Plain && !is_loopback(&raw.host) {
            self.problem(
                raw.security.as_ref().expect("plain was written"),
                format!(
                    "plain (unencrypted) {what} to '{}' would send the password in clear",
                    raw.host
                ),
                "use starttls or tls; plain is allowed only to 127.0.0.1, ::1 or localhost",
            );
        }
        let auth = match raw.auth.as_ref().map(|s| s.get_ref().as_str()) {
            None | Some("password") => Auth::Password,
            Some("xoauth2") => Auth::XOAuth2,
            Some("oauthbearer") => Auth::OAuthBearer,
            Some(other) => {
                let other = other.to_owned();
                self.problem(
                    raw.auth.as_ref().expect("matched Some"),
                    format!("unknown auth '{other}'"),
                    "use password, xoauth2 (Microsoft 365, Gmail) or oauthbearer",
                );
                Auth::Password
            }
        };
        let password = match (auth, &raw.password, &raw.token) {
            (_, None, None) => {
                if auth.is_token() {
                    self.problem(
                        raw.auth.as_ref().expect("token auth was written"),
                        format!("auth = \"{}\" needs a token", auth.mechanism().to_lowercase()),
                        format!("add token = {{ command = \"...\" }} to [{what}]: a command that prints a fresh access token (oama, mutt_oauth2.py)"),
                    );
                }
                None
            }
            (Auth::Password, Some(value), None) => self.secret(value, what, "password"),
            (Auth::Password, _, Some(value)) => {
                self.problem(
                    value,
                    "a token is for OAuth2",
                    format!(
                        "add auth = \"xoauth2\" to [{what}], or write password = ... for a password"
                    ),
                );
                None
            }
            (_, Some(value), _) => {
                self.problem(
                    value,
                    format!(
                        "auth = \"{}\" signs in with a token, not a password",
                        auth.mechanism().to_lowercase()
                    ),
                    format!(
                        "write token = {{ command = \"...\" }} in [{what}] instead of password"
                    ),
                );
                None
            }
            (_, None, Some(value)) => self.secret(value, what, "token"),
        };
        let port = raw.port.unwrap_or(match (what, security) {
            ("smtp", Security::Tls) => 465,
            ("imap", Security::Tls) => 993,
            _ => default_port,
        });
        Some(Server {
            host: raw.host,
            port,
            security,
            username: raw.username.unwrap_or_else(|| default_user.to_owned()),
            auth,
            password,
            ca_file: raw.ca_file.map(|f| self.relative(&f)),
        })
    }

    fn secret(
        &mut self,
        value: &Spanned<toml::Value>,
        what: &str,
        name: &str,
    ) -> Option<SecretSource> {
        let fix = format!(
            "write {name} = {{ env = \"VAR\" }}, {{ file = \"PATH\" }}, {{ command = \"CMD\" }} or {{ credential = \"NAME\" }} (systemd) in [{what}]"
        );
        match value.get_ref() {
            toml::Value::String(_) => {
                self.problem(
                    value,
                    format!("the {name} itself must not be in the survey file"),
                    fix,
                );
                None
            }
            toml::Value::Table(table) if table.len() == 1 => {
                let (key, inner) = table.iter().next().expect("one entry");
                let Some(inner) = inner.as_str() else {
                    self.problem(value, format!("{name}.{key} must be a string"), fix);
                    return None;
                };
                match key.as_str() {
                    "env" => Some(SecretSource::Env(inner.to_owned())),
                    "file" => Some(SecretSource::File(self.relative(inner))),
                    "command" => Some(SecretSource::Command(inner.to_owned())),
                    "credential" if !inner.is_empty() && !inner.contains('/') => {
                        Some(SecretSource::Credential(inner.to_owned()))
                    }
                    "credential" => {
                        self.problem(
                            value,
                            format!("{name}.credential must be a credential's name, not a path"),
                            "write the NAME of LoadCredential=NAME:PATH in the systemd unit",
                        );
                        None
                    }
                    _ => {
                        self.problem(value, format!("unknown {name} source '{key}'"), fix);
                        None
                    }
                }
            }
            _ => {
                self.problem(value, format!("{name} must name exactly one source"), fix);
                None
            }
        }
    }
}
