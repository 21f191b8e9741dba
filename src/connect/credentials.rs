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
        if let Some(mode) = crate::run::privacy::exposed(path) {
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

/// Runs a secret command with a bound, returning its standard output.
///
/// The command runs in a process group of its own, so that on timeout the
/// whole group is killed (a helper's children too, not only `sh`); its
/// standard output and standard error are read here, without a thread, each
/// up to [`OUTPUT_LIMIT`]; its standard error is summarised in the error
/// (its last line and how many it wrote), never copied whole into the log.
fn run(command: &str, what: &str) -> Result<String> {
    use std::os::unix::process::CommandExt;
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(command)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()
        .map_err(|e| Error::Credentials(format!("cannot run the {what} command: {e}")))?;
    let group = child.id() as libc::pid_t;
    let mut pipes = [
        Pipe::new(child.stdout.take().expect("piped"), false),
        Pipe::new(child.stderr.take().expect("piped"), true),
    ];
    let deadline = Instant::now() + command_timeout();
    let mut exited: Option<(std::process::ExitStatus, Instant)> = None;
    let failure = loop {
        if pipes[0].overflowed {
            break Some(format!(
                "the {what} command printed more than {} KB, which is not a secret",
                OUTPUT_LIMIT / 1024
            ));
        }
        let open = pipes.iter().any(|p| p.open);
        if let Some((status, at)) = exited {
            // Done when both pipes are at their end, or shortly after the
            // command exited while a child it left holds them open.
            if !open || at.elapsed() > EXIT_GRACE {
                break (!status.success()).then(|| {
                    format!("the {what} command exited with {status}; run it by hand to see why")
                });
            }
        } else {
            match child.try_wait() {
                Ok(Some(status)) => {
                    exited = Some((status, Instant::now()));
                    continue;
                }
                Ok(None) => {}
                Err(e) => break Some(format!("cannot wait for the {what} command: {e}")),
            }
        }
        if Instant::now() >= deadline {
            break Some(format!(
                "the {what} command did not finish within {} s; a helper must print a token without asking (sign in to it by hand once)",
                command_timeout().as_secs()
            ));
        }
        if open {
            wait_readable(&mut pipes, POLL_STEP);
        } else {
            std::thread::sleep(POLL_STEP);
        }
    };
    // Whatever happened, nothing of the group outlives this call: a helper
    // that exited has left nothing worth keeping in its group (a daemon it
    // starts, like gpg-agent, detaches into a session of its own).
    // SAFETY: kill(2) with a negative pid signals the group `group`, which
    // is the child's own (process_group(0)); no memory is involved.
    unsafe { libc::kill(-group, libc::SIGKILL) };
    let _ = child.wait();
    let [stdout, stderr] = pipes;
    if let Some(message) = failure {
        return Err(Error::Credentials(message + &summary(&stderr)));
    }
    if !stderr.data.is_empty() {
        tracing::debug!("the {what} command wrote to stderr{}", summary(&stderr));
    }
    Ok(String::from_utf8_lossy(&stdout.data).into_owned())
}

/// The most of a command's standard output, and of its standard error,
/// that is read: a secret is one line, an error message a few.
const OUTPUT_LIMIT: usize = 64 * 1024;

/// How long the output of a command that exited is still read while a
/// child it left holds its pipes open.
const EXIT_GRACE: Duration = Duration::from_millis(200);

/// How often a running command is looked at.
const POLL_STEP: Duration = Duration::from_millis(20);

/// [`COMMAND_TIMEOUT`], or 2 s under the fault hook
/// `MAILSURVEY_FAULT=short-command-timeout`, with which a test proves the
/// kill without waiting a minute.
fn command_timeout() -> Duration {
    let short = std::env::var("MAILSURVEY_FAULT")
        .is_ok_and(|v| v.split(',').any(|f| f.trim() == "short-command-timeout"));
    if short {
        Duration::from_secs(2)
    } else {
        COMMAND_TIMEOUT
    }
}

/// One output pipe of a command, read without blocking, keeping at most
/// [`OUTPUT_LIMIT`] of it: its start (standard output, where the secret is)
/// or its end (standard error, where a helper's reason is); the rest is
/// read and dropped, so the command is never stuck writing.
struct Pipe {
    file: std::fs::File,
    data: Vec<u8>,
    keep_end: bool,
    lines: usize,
    open: bool,
    overflowed: bool,
}

impl Pipe {
    fn new(pipe: impl Into<std::os::fd::OwnedFd>, keep_end: bool) -> Pipe {
        use std::os::fd::AsRawFd;
        let file = std::fs::File::from(pipe.into());
        // SAFETY: fcntl on a descriptor this Pipe owns; O_NONBLOCK so a read
        // never waits.
        unsafe {
            let fd = file.as_raw_fd();
            let flags = libc::fcntl(fd, libc::F_GETFL);
            libc::fcntl(fd, libc::F_SETFL, flags | libc::O_NONBLOCK);
        }
        Pipe {
            file,
            data: Vec::new(),
            keep_end,
            lines: 0,
            open: true,
            overflowed: false,
        }
    }

    /// Reads what is there now.
    fn drain(&mut self) {
        let mut buffer = [0u8; 8192];
        while self.open {
            match self.file.read(&mut buffer) {
                Ok(0) => self.open = false,
                Ok(n) => {
                    let read = &buffer[..n];
                    self.lines += read.iter().filter(|&&b| b == b'\n').count();
                    if self.keep_end {
                        self.data.extend_from_slice(read);
                        let over = self.data.len().saturating_sub(OUTPUT_LIMIT);
                        self.data.drain(..over);
                        self.overflowed |= over > 0;
                    } else {
                        let room = OUTPUT_LIMIT - self.data.len();
                        self.data.extend_from_slice(&read[..n.min(room)]);
                        self.overflowed |= n > room;
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => return,
                Err(_) => self.open = false,
            }
        }
    }
}

/// Waits at most `step` for either open pipe to have something, then reads
/// both.
fn wait_readable(pipes: &mut [Pipe; 2], step: Duration) {
    use std::os::fd::AsRawFd;
    let mut fds: Vec<libc::pollfd> = pipes
        .iter()
        .filter(|p| p.open)
        .map(|p| libc::pollfd {
            fd: p.file.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        })
        .collect();
    // SAFETY: `fds` is a valid array of `fds.len()` pollfd structures that
    // outlives the call.
    unsafe {
        libc::poll(
            fds.as_mut_ptr(),
            fds.len() as libc::nfds_t,
            step.as_millis() as libc::c_int,
        )
    };
    for pipe in pipes.iter_mut() {
        pipe.drain();
    }
}

/// A command's standard error in a few words for an error message: how
/// many lines it wrote and its last one (a helper's reason is usually
/// there), at most 200 characters, control characters made visible.
fn summary(stderr: &Pipe) -> String {
    let text = String::from_utf8_lossy(&stderr.data);
    let Some(last) = text.lines().rev().find(|l| !l.trim().is_empty()) else {
        return String::new();
    };
    // A last line without its newline counts too.
    let lines = stderr.lines + usize::from(!text.ends_with('\n'));
    let mut shown: String = last.trim().chars().take(200).collect();
    if shown.chars().count() < last.trim().chars().count() {
        shown.push('…');
    }
    format!(
        "; it wrote {} line{} to stderr, the last: \"{}\"",
        lines,
        if lines == 1 { "" } else { "s" },
        shown.escape_debug()
    )
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
    fn a_command_output_is_bounded_and_its_stderr_summarised() {
        let err = resolve(&SecretSource::Command(
            "head -c 200000 /dev/zero | tr '\\0' a".into(),
        ))
        .unwrap_err()
        .to_string();
        assert!(err.contains("printed more than 64 KB"), "{err}");
        let err = resolve(&SecretSource::Command(
            "for i in 1 2 3; do echo \"noise $i\" >&2; done; printf 'no token \\033[31m' >&2; exit 2"
                .into(),
        ))
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("exited with exit status: 2")
                && err.contains("it wrote 4 lines to stderr, the last: \"no token \\u{1b}[31m\""),
            "{err}"
        );
        assert!(!err.contains("noise"), "{err}");
        // A command that exits leaving a child holding its output is done.
        let started = Instant::now();
        let out = resolve(&SecretSource::Command("(sleep 30 &) ; echo tok".into())).unwrap();
        assert_eq!(out.expose(), "tok");
        assert!(started.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn debug_never_shows_the_secret() {
        let secret = Secret("hunter2".into());
        assert!(!format!("{secret:?}").contains("hunter2"));
    }
}
