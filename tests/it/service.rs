//! `mailsurvey run` as a service: the hardened unit checked offline by
//! `systemd-analyze`, the sd_notify conversation on a NOTIFY_SOCKET of the
//! test's own, signals (SIGTERM/SIGINT finish work in flight and log out;
//! SIGHUP reloads), the CLI refusing to create -wal/-shm as another user,
//! and `mailsurvey backup` while the daemon runs.

use std::os::unix::net::UnixDatagram;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::*;
use mailsurvey::store::{MailKind, MailState};

/// The unit with `ExecStart` pointed at the built binary, in a directory of
/// its own (the file keeps its name: systemd-analyze names the unit by it).
fn unit_for_test(dir: &Path) -> std::path::PathBuf {
    let text = std::fs::read_to_string(format!("{ROOT}/systemd/mailsurvey.service")).unwrap();
    let text = text.replace(
        "ExecStart=/usr/local/bin/mailsurvey",
        &format!("ExecStart={BIN}"),
    );
    assert!(text.contains(&format!("ExecStart={BIN} run")), "{text}");
    let path = dir.join("mailsurvey.service");
    std::fs::write(&path, text).unwrap();
    path
}

fn systemd_analyze() -> Command {
    let found = Command::new("systemd-analyze")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found,
        "systemd-analyze is missing: install Debian's `systemd` package (scripts/install-test-deps does)"
    );
    Command::new("systemd-analyze")
}

#[test]
fn unit_is_hardened_and_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let unit = unit_for_test(dir.path());

    let verify = systemd_analyze()
        .args(["verify", "--man=no"])
        .arg(&unit)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&verify.stderr);
    assert!(
        verify.status.success() && stderr.trim().is_empty(),
        "systemd-analyze verify complained:\n{stderr}"
    );

    let security = systemd_analyze()
        .args(["security", "--offline=true", "--no-pager"])
        .arg(&unit)
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&security.stdout);
    let line = out
        .lines()
        .find(|l| l.contains("Overall exposure level for mailsurvey.service"))
        .unwrap_or_else(|| panic!("no overall exposure level in:\n{out}"));
    let score: f64 = line
        .split(':')
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("cannot read the score in {line:?}"));
    eprintln!("{line}");
    assert!(score <= 2.0, "exposure {score} > 2.0:\n{out}");
}

/// A NOTIFY_SOCKET of the test's own: every datagram the daemon sends.
pub(crate) struct NotifySocket {
    socket: UnixDatagram,
    path: std::path::PathBuf,
    pub(crate) seen: Vec<String>,
}

impl NotifySocket {
    pub(crate) fn bind(dir: &Path) -> NotifySocket {
        let path = dir.join("notify.sock");
        let socket = UnixDatagram::bind(&path).unwrap();
        socket
            .set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
        NotifySocket {
            socket,
            path,
            seen: Vec::new(),
        }
    }

    /// Reads whatever waits on the socket (the queue holds only a few
    /// datagrams and the daemon drops what does not fit), so that what
    /// comes next is read as it comes.
    pub(crate) fn drain(&mut self) {
        let mut buf = vec![0u8; 64 * 1024];
        // The queue holds a few; a bound all the same.
        for _ in 0..1000 {
            let Ok(n) = self.socket.recv(&mut buf) else {
                return;
            };
            self.seen
                .push(String::from_utf8_lossy(&buf[..n]).into_owned());
        }
    }

    /// Reads datagrams until `condition` holds for what was seen so far,
    /// for at most `limit`.
    pub(crate) fn until(
        &mut self,
        limit: Duration,
        what: &str,
        condition: impl Fn(&[String]) -> bool,
    ) {
        let deadline = Instant::now() + limit;
        let mut buf = vec![0u8; 64 * 1024];
        while !condition(&self.seen) {
            assert!(
                Instant::now() < deadline,
                "timed out after {limit:?} waiting for {what}; seen:\n{}",
                self.seen.join("\n---\n")
            );
            if let Ok(n) = self.socket.recv(&mut buf) {
                self.seen
                    .push(String::from_utf8_lossy(&buf[..n]).into_owned());
            }
        }
    }
}

fn count(seen: &[String], line: &str) -> usize {
    seen.iter().filter(|m| m.lines().any(|l| l == line)).count()
}

pub(crate) fn statuses(seen: &[String]) -> Vec<String> {
    seen.iter()
        .flat_map(|m| m.lines())
        .filter_map(|l| l.strip_prefix("STATUS="))
        .map(str::to_owned)
        .collect()
}

fn send_signal(daemon: &Daemon, signal: i32) {
    // SAFETY: kill(2) on our own child.
    let rc = unsafe { libc::kill(daemon.child.id() as i32, signal) };
    assert_eq!(rc, 0, "kill failed");
}

/// Waits (at most 30 s) for the daemon to exit; returns its status and how
/// long it took.
fn wait_exit(daemon: &mut Daemon) -> (std::process::ExitStatus, Duration) {
    let started = Instant::now();
    loop {
        if let Some(status) = daemon.child.try_wait().unwrap() {
            return (status, started.elapsed());
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "the daemon did not exit within 30 s"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

pub(crate) fn start_with_notify(fixture: &Fixture, notify: &NotifySocket) -> Daemon {
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(fixture.dir.path().join("daemon.log"))
        .unwrap();
    let child = fixture
        .command(&["run"])
        .env("NOTIFY_SOCKET", &notify.path)
        // Half a second: the daemon pings at least twice a second.
        .env("WATCHDOG_USEC", "1000000")
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .unwrap();
    Daemon { child }
}

#[test]
fn notify_socket_sees_ready_status_watchdog_and_stopping() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[]);
    let rows = fixture.recipients()[..3].to_vec();
    fixture.write_recipients(&rows);
    let mut notify = NotifySocket::bind(fixture.dir.path());
    let mut daemon = start_with_notify(&fixture, &notify);

    notify.until(Duration::from_secs(30), "READY=1", |seen| {
        count(seen, "READY=1") == 1
    });
    let ready = notify
        .seen
        .iter()
        .find(|m| m.lines().any(|l| l == "READY=1"))
        .unwrap()
        .clone();
    assert!(
        ready.contains(&format!("STATUS=1 survey; {}:", fixture.survey_id())),
        "READY comes with a STATUS naming the survey: {ready}"
    );
    fixture.wait_until(Duration::from_secs(60), "3 invitations sent", || {
        fixture
            .outbox_states(MailKind::Invitation)
            .get(&MailState::Sent)
            == Some(&3)
    });
    // The STATUS line follows the store: every invitation out, nobody has
    // answered yet, and what comes next.
    let id = fixture.survey_id();
    notify.until(
        Duration::from_secs(30),
        "STATUS with 0/3 answered",
        |seen| {
            statuses(seen)
                .iter()
                .any(|s| s.contains(&format!("{id}: 0/3 answered, closes ")))
        },
    );
    // The watchdog is pinged every half interval, again and again.
    let before = count(&notify.seen, "WATCHDOG=1");
    notify.until(Duration::from_secs(10), "three more WATCHDOG=1", |seen| {
        count(seen, "WATCHDOG=1") >= before + 3
    });

    send_signal(&daemon, libc::SIGINT);
    let (status, took) = wait_exit(&mut daemon);
    assert_eq!(status.code(), Some(0), "log:\n{}", fixture.log());
    notify.until(Duration::from_secs(5), "STOPPING=1", |seen| {
        count(seen, "STOPPING=1") == 1
    });
    eprintln!("SIGINT to exit: {took:?}");
}

#[test]
fn ready_does_not_wait_for_servers_and_status_names_the_problem() {
    let stack = Stack::shared();
    // Nothing listens on these ports (this engineer's range).
    let fixture = Fixture::new(
        &stack,
        &[
            ("smtp", "port", "19011".into()),
            ("imap", "port", "19012".into()),
        ],
    );
    let mut notify = NotifySocket::bind(fixture.dir.path());
    let mut daemon = start_with_notify(&fixture, &notify);
    notify.until(Duration::from_secs(20), "READY=1", |seen| {
        count(seen, "READY=1") == 1
    });
    notify.until(
        Duration::from_secs(30),
        "a STATUS naming both servers",
        |seen| {
            statuses(seen).iter().any(|s| {
                s.contains("IMAP: imap: cannot connect to 127.0.0.1:19012")
                    && s.contains(" deferred (smtp: cannot connect to 127.0.0.1:19011")
            })
        },
    );
    let before = count(&notify.seen, "WATCHDOG=1");
    notify.until(
        Duration::from_secs(10),
        "WATCHDOG=1 while the servers are down",
        |seen| count(seen, "WATCHDOG=1") >= before + 3,
    );
    send_signal(&daemon, libc::SIGTERM);
    let (status, _) = wait_exit(&mut daemon);
    assert_eq!(status.code(), Some(0), "log:\n{}", fixture.log());
}

#[test]
fn sigterm_finishes_what_is_in_flight_and_logs_out_of_imap() {
    let stack = Stack::shared();
    // Two a second: SIGTERM comes in the middle of sending 60.
    let fixture = Fixture::new(&stack, &[("sending", "rate_per_minute", "120".into())]);
    let mut daemon = fixture.start_daemon();
    fixture.wait_until(Duration::from_secs(60), "5 invitations sent", || {
        fixture.invitations_sent() >= 5
    });
    let took = stop_once_connected(&fixture, &mut daemon, Duration::from_secs(30));
    eprintln!("SIGTERM to exit mid-send: {took:?}");
    let states = fixture.outbox_states(MailKind::Invitation);
    assert_eq!(
        states.get(&MailState::Sending),
        None,
        "nothing is left in flight: {states:?}"
    );
    let sent = states.get(&MailState::Sent).copied().unwrap_or(0);
    assert!(
        (5..60).contains(&sent),
        "stopped mid-send, not before or after: {states:?}"
    );
    // Every message the store calls sent arrives (none was cut off
    // mid-transaction), and nothing else does.
    let rows = fixture.recipients();
    let delivered = || {
        rows.iter()
            .filter(|(_, email)| stack.maildir_count(email) > 0)
            .count()
    };
    fixture.wait_until(
        Duration::from_secs(30),
        "the sent invitations delivered",
        || delivered() >= sent,
    );
    assert_eq!(delivered(), sent);
    assert!(
        fixture.log().contains("inbox: logged out"),
        "{}",
        fixture.log()
    );
    // Dovecot saw a LOGOUT, not a dropped connection.
    let user = fixture.sender.clone();
    // Dovecot's log process writes the line; in a loaded full run it
    // came later than 10 s once (the daemon had logged its logout).
    wait_until(
        Duration::from_secs(30),
        "Dovecot logging the logout",
        || {
            std::fs::read_to_string(stack.dir.join("log/dovecot.log"))
                .unwrap_or_default()
                .lines()
                .any(|l| l.contains(&format!("imap({user})")) && l.contains("Logged out"))
        },
    );
}

/// Under a slow pace each sending worker waits up to a whole interval for
/// its slot: SIGTERM ends that wait. It did not: the workers took their
/// slots one after another before they looked, an interval each (the
/// reading benchmark's daemon, 8,500 follow-ups held to one a minute,
/// took four minutes to stop). Four a minute here: stopping took 45 s or
/// more before.
#[test]
fn sigterm_ends_a_wait_for_the_sending_pace() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[("sending", "rate_per_minute", "4".into())]);
    let mut daemon = fixture.start_daemon();
    fixture.wait_until(Duration::from_secs(60), "the first invitation sent", || {
        fixture.log().contains("kind=invitation")
    });
    // Marked sent before the worker waits 15 s for its next slot, not with
    // the next claim.
    fixture.wait_until(
        Duration::from_secs(5),
        "the first invitation marked sent",
        || fixture.invitations_sent() >= 1,
    );
    let took = stop_once_connected(&fixture, &mut daemon, Duration::from_secs(20));
    eprintln!("SIGTERM to exit while waiting for the pace: {took:?}");
    let states = fixture.outbox_states(MailKind::Invitation);
    assert_eq!(states.get(&MailState::Sending), None, "{states:?}");
}

/// Once the inbox watcher has connected, SIGTERM: the daemon exits with 0
/// within `limit`. Returns how long it took.
fn stop_once_connected(fixture: &Fixture, daemon: &mut Daemon, limit: Duration) -> Duration {
    fixture.wait_until(
        Duration::from_secs(30),
        "the inbox watcher connected",
        || fixture.log().contains("inbox: connected"),
    );
    send_signal(daemon, libc::SIGTERM);
    let (status, took) = wait_exit(daemon);
    assert_eq!(status.code(), Some(0), "log:\n{}", fixture.log());
    assert!(took < limit, "took {took:?}");
    took
}

#[test]
fn sighup_reloads_and_keeps_the_running_configuration_on_a_broken_file() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[]);
    let all = fixture.recipients();
    let (rows, daemon) = fixture.invite_first(1, Duration::from_secs(60));
    let subject_of = |email: &str| -> String {
        let user = email.to_owned();
        let messages = stack.inbox(&user);
        let raw = messages.last().expect("a message");
        parse(raw).subject().unwrap_or_default().to_owned()
    };
    let first = subject_of(&rows[0].1);

    // A changed survey file and a new recipient, taken on SIGHUP.
    let text = std::fs::read_to_string(&fixture.survey).unwrap();
    let changed = if text.contains("\nsubject = ") {
        text.lines()
            .map(|l| {
                if l.starts_with("subject = ") {
                    "subject = \"Reloaded subject\"".to_owned()
                } else {
                    l.to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
            + "\n"
    } else {
        text.replacen(
            "[survey]\n",
            "[survey]\nsubject = \"Reloaded subject\"\n",
            1,
        )
    };
    std::fs::write(&fixture.survey, &changed).unwrap();
    fixture.write_recipients(&all[..2]);
    send_signal(&daemon, libc::SIGHUP);
    fixture.wait_until(
        Duration::from_secs(60),
        "the second invitation sent",
        || {
            fixture
                .outbox_states(MailKind::Invitation)
                .get(&MailState::Sent)
                == Some(&2)
        },
    );
    fixture.wait_delivered([all[1].1.as_str()]);
    assert_eq!(
        subject_of(&all[1].1),
        "Reloaded subject",
        "first was {first:?}"
    );

    // A broken file: reported, the running configuration kept.
    std::fs::write(&fixture.survey, changed.replace("[period]", "[period\n")).unwrap();
    send_signal(&daemon, libc::SIGHUP);
    fixture.wait_until(Duration::from_secs(20), "the broken file reported", || {
        fixture
            .log()
            .contains("the changed survey file does not load; the running configuration is kept")
    });
    fixture.write_recipients(&all[..3]);
    send_signal(&daemon, libc::SIGHUP);
    fixture.wait_until(Duration::from_secs(60), "the third invitation sent", || {
        fixture
            .outbox_states(MailKind::Invitation)
            .get(&MailState::Sent)
            == Some(&3)
    });
    fixture.wait_delivered([all[2].1.as_str()]);
    assert_eq!(subject_of(&all[2].1), "Reloaded subject");

    let mut daemon = daemon;
    let status = daemon.terminate();
    assert_eq!(status.code(), Some(0), "log:\n{}", fixture.log());
}

#[test]
fn the_cli_refuses_to_create_wal_and_shm_as_another_user() {
    use std::os::unix::fs::MetadataExt;
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[]);
    let output = fixture.mailsurvey(&["status"]);
    assert!(output.status.success());
    let db = fixture.dir.path().join("state.db");
    let sidecar = |s: &str| fixture.dir.path().join(format!("state.db{s}"));
    assert!(!sidecar("-wal").exists(), "SQLite removes -wal on close");
    // The database belongs to another user (nobody), as the service's
    // does to `mailsurvey`.
    std::os::unix::fs::chown(&db, Some(65534), Some(65534)).expect("chown needs root, as CI has");
    let output = fixture.mailsurvey(&["status"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("belongs to nobody")
            && stderr.contains("-wal")
            && stderr.contains("sudo -u nobody mailsurvey"),
        "{stderr}"
    );
    assert!(!sidecar("-wal").exists() && !sidecar("-shm").exists());
    assert_eq!(std::fs::metadata(&db).unwrap().uid(), 65534);
}

#[test]
fn backup_copies_the_state_while_the_daemon_runs() {
    use std::os::unix::fs::PermissionsExt;
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[]);
    let (_rows, mut daemon) = fixture.invite_first(3, Duration::from_secs(60));
    let out = fixture.dir.path().join("backup/state-copy.db");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    let output = fixture.mailsurvey(&["backup", "--out", out.to_str().unwrap()]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let copy = mailsurvey::store::Store::open(&out).unwrap();
    let status = copy.status(&fixture.survey_id()).unwrap();
    assert_eq!(status.listed, 3);
    assert_eq!(
        status
            .outbox
            .get(&MailKind::Invitation)
            .and_then(|s| s.get(&MailState::Sent)),
        Some(&3)
    );
    assert_eq!(daemon.terminate().code(), Some(0));
}
