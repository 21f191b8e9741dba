//! Telling systemd how the service is doing (`sd_notify(3)`): READY=1 once
//! the survey files are loaded and the stores open, STATUS= lines, WATCHDOG=1
//! pings, RELOADING=1 and STOPPING=1.
//!
//! The protocol is one datagram of `KEY=VALUE` lines to the unix socket
//! named by `NOTIFY_SOCKET` (a path, or an abstract name after `@`), so it
//! is written here in a few lines over `std::os::unix::net::UnixDatagram`
//! rather than taken from a crate: nothing else of libsystemd is needed,
//! and without `NOTIFY_SOCKET` (`mailsurvey run` in a terminal) every call
//! is a no-op. Sending never blocks the caller for long (the socket is
//! non-blocking) and a failure is only logged: the service must not stop
//! because its supervisor's socket is full.

use std::os::unix::net::{SocketAddr, UnixDatagram};
use std::time::Duration;

/// The connection to the service manager, if there is one.
#[derive(Debug)]
pub struct Notifier {
    target: Option<(UnixDatagram, SocketAddr)>,
    watchdog: Option<Duration>,
}

impl Notifier {
    /// Reads `NOTIFY_SOCKET`, `WATCHDOG_USEC` and `WATCHDOG_PID` from the
    /// environment. Call it before any thread starts: it removes them, so
    /// that no program the daemon runs (a password `command`) can speak to
    /// systemd in its name.
    pub fn from_env() -> Notifier {
        let socket = std::env::var_os("NOTIFY_SOCKET");
        let usec = std::env::var("WATCHDOG_USEC").ok();
        let pid = std::env::var("WATCHDOG_PID").ok();
        // SAFETY: called from `main` before the runtime or any other
        // thread starts, so nothing reads the environment concurrently.
        unsafe {
            std::env::remove_var("NOTIFY_SOCKET");
            std::env::remove_var("WATCHDOG_USEC");
            std::env::remove_var("WATCHDOG_PID");
        }
        Notifier {
            target: socket.and_then(|path| match connect(&path) {
                Ok(target) => Some(target),
                Err(err) => {
                    eprintln!(
                        "NOTIFY_SOCKET {} is unusable ({err}); not reporting to systemd",
                        path.to_string_lossy()
                    );
                    None
                }
            }),
            watchdog: watchdog_interval(usec.as_deref(), pid.as_deref(), std::process::id()),
        }
    }

    /// A notifier that tells nobody (tests, one-shot commands).
    pub fn none() -> Notifier {
        Notifier {
            target: None,
            watchdog: None,
        }
    }

    /// How often systemd expects a WATCHDOG=1, if it does.
    pub fn watchdog(&self) -> Option<Duration> {
        self.watchdog
    }

    /// The service is up: configuration loaded, stores open.
    pub fn ready(&self, status: &str) {
        self.send(&format!("READY=1\nSTATUS={}", one_line(status)));
    }

    /// What the service is doing now, for `systemctl status`.
    pub fn status(&self, status: &str) {
        self.send(&format!("STATUS={}", one_line(status)));
    }

    /// Still alive.
    pub fn ping(&self) {
        self.send("WATCHDOG=1");
    }

    /// Re-reading the configuration (READY=1 follows).
    pub fn reloading(&self) {
        self.send("RELOADING=1\nSTATUS=reloading the survey files");
    }

    /// Stopping: finishing work in flight.
    pub fn stopping(&self) {
        self.send("STOPPING=1\nSTATUS=stopping: finishing work in flight");
    }

    fn send(&self, message: &str) {
        if let Some((socket, address)) = &self.target
            && let Err(err) = socket.send_to_addr(message.as_bytes(), address)
        {
            tracing::warn!(error = %err, "could not notify systemd");
        }
    }
}

fn connect(path: &std::ffi::OsStr) -> std::io::Result<(UnixDatagram, SocketAddr)> {
    use std::os::unix::ffi::OsStrExt;
    let bytes = path.as_bytes();
    let address = match bytes.strip_prefix(b"@") {
        Some(name) => {
            use std::os::linux::net::SocketAddrExt;
            SocketAddr::from_abstract_name(name)?
        }
        None => SocketAddr::from_pathname(std::path::Path::new(path))?,
    };
    let socket = UnixDatagram::unbound()?;
    socket.set_nonblocking(true)?;
    Ok((socket, address))
}

/// `sd_watchdog_enabled(3)`: the interval, when `WATCHDOG_USEC` is set and
/// `WATCHDOG_PID` (if set) is this process.
fn watchdog_interval(usec: Option<&str>, pid: Option<&str>, me: u32) -> Option<Duration> {
    let usec: u64 = usec?.trim().parse().ok().filter(|&u| u > 0)?;
    if let Some(pid) = pid
        && pid.trim().parse::<u32>().ok() != Some(me)
    {
        return None;
    }
    Some(Duration::from_micros(usec))
}

/// A STATUS= value is one line.
fn one_line(text: &str) -> String {
    text.replace(['\n', '\r'], "; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn watchdog_only_for_this_process() {
        assert_eq!(
            watchdog_interval(Some("30000000"), None, 7),
            Some(Duration::from_secs(30))
        );
        assert_eq!(
            watchdog_interval(Some("30000000"), Some("7"), 7),
            Some(Duration::from_secs(30))
        );
        assert_eq!(watchdog_interval(Some("30000000"), Some("8"), 7), None);
        assert_eq!(watchdog_interval(Some("0"), None, 7), None);
        assert_eq!(watchdog_interval(Some("soon"), None, 7), None);
        assert_eq!(watchdog_interval(None, None, 7), None);
    }

    #[test]
    fn speaks_to_a_path_and_an_abstract_socket() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notify");
        let listener = UnixDatagram::bind(&path).unwrap();
        let notifier = Notifier {
            target: Some(connect(path.as_os_str()).unwrap()),
            watchdog: None,
        };
        notifier.ready("2 surveys\nall well");
        let mut buf = [0u8; 256];
        let n = listener.recv(&mut buf).unwrap();
        assert_eq!(&buf[..n], b"READY=1\nSTATUS=2 surveys; all well");

        use std::os::linux::net::SocketAddrExt;
        let name = format!("mailsurvey-test-{}", std::process::id());
        let listener =
            UnixDatagram::bind_addr(&SocketAddr::from_abstract_name(name.as_bytes()).unwrap())
                .unwrap();
        let notifier = Notifier {
            target: Some(connect(std::ffi::OsStr::new(&format!("@{name}"))).unwrap()),
            watchdog: None,
        };
        notifier.ping();
        let n = listener.recv(&mut buf).unwrap();
        assert_eq!(&buf[..n], b"WATCHDOG=1");
    }
}
