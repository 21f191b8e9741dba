//! Logging in: a user name and a secret from the environment, a file, a
//! command or a systemd credential, never the survey file. A password is
//! read once; an OAuth2 access token is read afresh for every connection
//! (see [`token`]), because it expires within the hour and the helper that
//! prints it refreshes it.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::survey::{SecretSource, Server};
use crate::{Error, Result};

/// The longest a password or token command may run: a helper that waits
/// for a browser sign-in must not hold a connection (or shutdown) forever.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(60);

/// A resolved secret. Its `Debug` never shows the value.
#[derive(Clone)]
pub struct Secret(String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(<hidden>)")
    }
}

impl Secret {
    /// Wraps a value read from a source.
    pub fn new(value: String) -> Secret {
        Secret(value)
    }

    /// The value, for the one call that needs it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// What a server is logged in with.
#[derive(Debug, Clone)]
pub struct Credentials {
    /// Login name.
    pub username: String,
    /// Password (for OAuth2, see [`token`]).
    pub secret: Secret,
}

impl Credentials {
    /// Resolves the server's credentials; `None` when it has no login.
    pub fn for_server(server: &Server) -> Result<Option<Credentials>> {
        let Some(source) = &server.password else {
            return Ok(None);
        };
        Ok(Some(Credentials {
            username: server.username.clone(),
            secret: resolve(source)?,
        }))
    }
}

/// Warns, at start, about every password or token file of `survey`'s
/// servers that others than its owner may read or write: whoever reads it
/// can read every doctor's replies. Returns the warnings given.
pub fn warn_if_exposed(survey: &crate::survey::Survey) -> Vec<String> {
    let mut warnings = Vec::new();
    for (what, server) in [("smtp", &survey.smtp), ("imap", &survey.imap)] {
        let Some(SecretSource::File(path)) = &server.password else {
            continue;
        };
        if let Some(mode) = crate::privacy::exposed(path) {
            let warning = format!(
                "[{what}] {} file {} can be read by others (mode {mode:o}): run `chmod 600 {}`",
                if server.auth.is_token() {
                    "token"
                } else {
                    "password"
                },
                path.display(),
                path.display()
            );
            tracing::warn!("{warning}");
            warnings.push(warning);
        }
    }
    warnings.dedup();
    warnings
}

/// Reads a fresh OAuth2 access token for `server`: runs its command (or
/// reads its file, variable or credential) now, for one connection. Errors
/// start with "token command" so that `check` can say the command is at
/// fault, not the token.
pub fn token(server: &Server) -> Result<Secret> {
    let source = server.password.as_ref().ok_or_else(|| {
        Error::Credentials(format!(
            "token command: [{}] for {} has auth = \"{}\" but no token",
            server.host,
            server.username,
            server.auth.mechanism().to_lowercase()
        ))
    })?;
    let token = resolve_as(source, "token")
        .map_err(|e| Error::Credentials(format!("token command: {}", strip(&e))))?;
    // An access token is one word of base64url and dots; anything else is
    // the helper talking (an error, a prompt), never to be sent as a token.
    let text = token.expose();
    if text.len() < 16 || text.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(Error::Credentials(format!(
            "token command: {source:?} printed {} characters{}, which is not an access token; run the helper by hand to see what it says",
            text.chars().count(),
            if text.contains(' ') {
                " with spaces"
            } else {
                ""
            }
        )));
    }
    Ok(token)
}

fn strip(err: &Error) -> String {
    match err {
        Error::Credentials(text) => text.clone(),
        other => other.to_string(),
    }
}

/// Reads a secret from its source: an environment variable's value, a
/// file's first line, a command's first line of output, or a systemd
/// credential's first line.
pub fn resolve(source: &SecretSource) -> Result<Secret> {
    resolve_as(source, "password")
}

fn resolve_as(source: &SecretSource, what: &str) -> Result<Secret> {
    let value = match source {
        SecretSource::Env(name) => std::env::var(name).map_err(|_| {
            Error::Credentials(format!(
                "environment variable {name} is not set; export it before starting mailsurvey"
            ))
        })?,
        SecretSource::File(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| {
                Error::Credentials(format!("cannot read {what} file {}: {e}", path.display()))
            })?;
            first_line(&text)
        }
        SecretSource::Credential(name) => {
            let dir = std::env::var_os("CREDENTIALS_DIRECTORY").ok_or_else(|| {
                Error::Credentials(format!(
                    "{what} = {{ credential = \"{name}\" }} needs systemd's $CREDENTIALS_DIRECTORY: add LoadCredential={name}:PATH to the unit, or use {{ file = ... }} outside systemd"
                ))
            })?;
            let path = std::path::Path::new(&dir).join(name);
            let text = std::fs::read_to_string(&path).map_err(|e| {
                Error::Credentials(format!(
                    "cannot read the systemd credential {}: {e}; check LoadCredential={name}:... in the unit",
                    path.display()
                ))
            })?;
            first_line(&text)
        }
        SecretSource::Command(command) => first_line(&run(command, what)?),
    };
    if value.is_empty() {
        return Err(Error::Credentials(format!(
            "{source:?} gave an empty {what}"
        )));
    }
    Ok(Secret(value))
}

/// Runs a secret command with a bound, returning its standard output. Its
/// standard error goes to ours, so a helper's own message is seen.
fn run(command: &str, what: &str) -> Result<String> {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(command)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| Error::Credentials(format!("cannot run the {what} command: {e}")))?;
    let mut stdout = child.stdout.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = stdout.read_to_end(&mut out);
        out
    });
    let deadline = Instant::now() + COMMAND_TIMEOUT;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(10)),
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(Error::Credentials(format!(
                    "the {what} command did not finish within {} s; a helper must print a token without asking (sign in to it by hand once)",
                    COMMAND_TIMEOUT.as_secs()
                )));
            }
            Err(e) => {
                return Err(Error::Credentials(format!(
                    "cannot wait for the {what} command: {e}"
                )));
            }
        }
    };
    let out = reader.join().unwrap_or_default();
    if !status.success() {
        return Err(Error::Credentials(format!(
            "the {what} command exited with {status}; run it by hand to see why"
        )));
    }
    Ok(String::from_utf8_lossy(&out).into_owned())
}

fn first_line(text: &str) -> String {
    text.lines()
        .next()
        .unwrap_or_default()
        .trim_end_matches('\r')
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_from_each_source() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("pw");
        std::fs::write(&file, "s3cret\nignored\n").unwrap();
        assert_eq!(
            resolve(&SecretSource::File(file)).unwrap().expose(),
            "s3cret"
        );
        assert_eq!(
            resolve(&SecretSource::Command("printf 'tok\\nmore'".into()))
                .unwrap()
                .expose(),
            "tok"
        );
        assert!(resolve(&SecretSource::Command("exit 3".into())).is_err());
        assert!(resolve(&SecretSource::Env("MAILSURVEY_SURELY_UNSET_VAR".into())).is_err());
    }

    #[test]
    fn a_token_command_that_talks_is_not_a_token() {
        let mut server = crate::survey::Server {
            host: "h".into(),
            port: 1,
            security: crate::survey::Security::Plain,
            username: "u".into(),
            auth: crate::survey::Auth::XOAuth2,
            password: Some(SecretSource::Command(
                "echo 'error: refresh token expired, sign in again'".into(),
            )),
            ca_file: None,
        };
        let err = token(&server).unwrap_err().to_string();
        assert!(
            err.contains("token command") && err.contains("not an access token"),
            "{err}"
        );
        assert!(!err.contains("refresh token expired"), "{err}");
        server.password = Some(SecretSource::Command("exit 4".into()));
        let err = token(&server).unwrap_err().to_string();
        assert!(
            err.contains("token command") && err.contains("exit"),
            "{err}"
        );
        server.password = Some(SecretSource::Command(
            "echo eyJhbGciOi.eyJzdWIi.c2ln".into(),
        ));
        assert_eq!(token(&server).unwrap().expose(), "eyJhbGciOi.eyJzdWIi.c2ln");
    }

    #[test]
    fn debug_never_shows_the_secret() {
        let secret = Secret("hunter2".into());
        assert!(!format!("{secret:?}").contains("hunter2"));
    }
}
