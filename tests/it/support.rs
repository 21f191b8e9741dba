//! What the integration tests share: the local mail stack, a survey of
//! their own (own survey id, own sender mailbox, own recipients' mailboxes,
//! own database), the real `mailsurvey` binary, and reading mailboxes over
//! IMAP. Every wait is bounded.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use mailsurvey::store::{MailKind, MailState, Store};
use mailsurvey::survey::{Auth, SecretSource, Security, Server};

pub const BIN: &str = env!("CARGO_BIN_EXE_mailsurvey");
pub const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The running mail stack's settings (from `scripts/mailstack env`).
#[derive(Debug, Clone)]
pub struct Stack {
    pub dir: PathBuf,
    pub vars: BTreeMap<String, String>,
}

impl Stack {
    /// The shared stack, which must be up.
    pub fn shared() -> Stack {
        let dir = std::env::var("MAILSTACK_DIR")
            .unwrap_or_else(|_| "/var/lib/mailsurvey-mailstack".into());
        let stack = Stack::at(Path::new(&dir));
        stack.assert_up();
        stack
    }

    fn at(dir: &Path) -> Stack {
        let env = std::fs::read_to_string(dir.join("env")).unwrap_or_else(|_| {
            panic!(
                "the local mail stack is not set up in {}: run `scripts/mailstack up` first",
                dir.display()
            )
        });
        let vars = env
            .lines()
            .filter_map(|l| l.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        Stack {
            dir: dir.to_owned(),
            vars,
        }
    }

    /// A stack of the test's own, on its own ports, for tests that stop or
    /// restart servers. Stopped when dropped. `port_base` + 24 ..= + 993
    /// must be free and below the kernel's ephemeral range (32768 on
    /// Linux), where any outgoing connection could take a port first;
    /// `scripts/mailstack` refuses a base inside it.
    pub fn own(port_base: u16) -> OwnStack {
        Stack::own_with(port_base, &[])
    }

    /// [`Stack::own`] with more `scripts/mailstack up` options.
    pub fn own_with(port_base: u16, options: &[&str]) -> OwnStack {
        let dir = tempfile::Builder::new()
            .prefix("mailstack-")
            .tempdir_in("/var/tmp")
            .unwrap();
        let status = Command::new(format!("{ROOT}/scripts/mailstack"))
            .args(["up", "--dir"])
            .arg(dir.path())
            .args(["--port-base", &port_base.to_string()])
            .args(options)
            .status()
            .unwrap();
        assert!(
            status.success(),
            "scripts/mailstack up --port-base {port_base} failed"
        );
        OwnStack {
            stack: Stack::at(dir.path()),
            _dir: dir,
        }
    }

    pub fn var(&self, name: &str) -> String {
        self.vars
            .get(name)
            .cloned()
            .unwrap_or_else(|| panic!("{name} missing from the stack's env"))
    }

    pub fn port(&self, name: &str) -> u16 {
        self.var(name).parse().unwrap()
    }

    pub fn password(&self) -> String {
        self.var("MAILSTACK_PASSWORD")
    }

    pub fn ca(&self) -> String {
        self.var("MAILSTACK_CA")
    }

    fn assert_up(&self) {
        for port in [
            "MAILSTACK_SUBMISSION_PORT",
            "MAILSTACK_IMAP_PORT",
            "MAILSTACK_SMTP_PORT",
        ] {
            let port = self.port(port);
            assert!(
                std::net::TcpStream::connect(("127.0.0.1", port)).is_ok(),
                "the local mail stack is down (port {port} closed): run `scripts/mailstack up`"
            );
        }
    }

    /// A file holding the stack's password, for logging in from the test
    /// process through the library: its environment is shared by every
    /// test thread, so it is never changed (a child process gets the
    /// password in its own environment instead). Written beside the stack
    /// once per process, 0600, by rename so concurrent writers agree.
    fn password_file(&self) -> PathBuf {
        use std::os::unix::fs::OpenOptionsExt;
        let path = self.dir.join("test-password");
        if std::fs::read_to_string(&path).is_ok_and(|p| p.trim_end() == self.password()) {
            return path;
        }
        let partial = self
            .dir
            .join(format!("test-password.{}", std::process::id()));
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(&partial)
            .unwrap();
        std::io::Write::write_all(&mut file, format!("{}\n", self.password()).as_bytes()).unwrap();
        std::fs::rename(&partial, &path).unwrap();
        path
    }

    /// IMAP settings to log in as `user` with STARTTLS and the stack's CA.
    pub fn imap(&self, user: &str) -> Server {
        Server {
            host: "127.0.0.1".into(),
            port: self.port("MAILSTACK_IMAP_PORT"),
            security: Security::StartTls,
            username: user.into(),
            auth: Auth::Password,
            password: Some(SecretSource::File(self.password_file())),
            ca_file: Some(self.ca().into()),
        }
    }

    /// Every message in `user`'s INBOX, raw.
    pub fn inbox(&self, user: &str) -> Vec<Vec<u8>> {
        let mut session = mailsurvey::inbox::connect(&self.imap(user)).unwrap();
        let mailbox = session.select("INBOX").unwrap();
        let mut out = Vec::new();
        if mailbox.exists > 0 {
            let fetched = session.fetch("1:*", "BODY.PEEK[]").unwrap();
            for message in fetched.iter() {
                out.push(message.body().unwrap_or_default().to_vec());
            }
        }
        let _ = session.logout();
        out
    }

    /// How many messages are in `folder` of `user`'s mailbox, over IMAP
    /// (EXAMINE, so nothing is changed); 0 when the folder does not exist.
    pub fn messages_in(&self, user: &str, folder: &str) -> usize {
        let mut session = mailsurvey::inbox::connect(&self.imap(user)).unwrap();
        let n = session
            .examine(folder)
            .map(|m| m.exists as usize)
            .unwrap_or(0);
        let _ = session.logout();
        n
    }

    /// How many messages are in `user`'s maildir (new + cur), without IMAP;
    /// cheap enough to poll.
    pub fn maildir_count(&self, address: &str) -> usize {
        self.count_maildir(address, None)
    }

    /// How many messages are in `folder` of `address`'s mailbox (Maildir++
    /// on disk: `Survey/Processed` is `.Survey.Processed`), without IMAP.
    pub fn folder_count(&self, address: &str, folder: &str) -> usize {
        self.count_maildir(address, Some(folder))
    }

    /// Messages in new + cur of `address`'s INBOX, or of `folder`.
    fn count_maildir(&self, address: &str, folder: Option<&str>) -> usize {
        let (user, domain) = address.split_once('@').unwrap();
        let user = user.split('+').next().unwrap().to_lowercase();
        let mut base = self.dir.join("mail").join(domain.to_lowercase()).join(user);
        if let Some(folder) = folder {
            base = base.join(format!(".{}", folder.replace('/', ".")));
        }
        ["new", "cur"]
            .iter()
            .map(|d| {
                std::fs::read_dir(base.join(d))
                    .map(|r| r.count())
                    .unwrap_or(0)
            })
            .sum()
    }

    /// Waits (bounded by `limit`) until this stack's Postfix queue holds
    /// no message whose sender or recipient contains `needle` (a test's
    /// tag): every message Postfix accepted for the test has been delivered
    /// (or bounced), so counting the mailboxes afterwards is final. Reads
    /// `postqueue -p` (incoming, active, deferred and hold queues) with the
    /// stack's own Postfix config dir; other tests' mail on the shared
    /// stack does not matter.
    pub fn wait_queue_clear_of(&self, needle: &str, limit: Duration) {
        let config = self.dir.join("postfix");
        let deadline = Instant::now() + limit;
        loop {
            let out = Command::new("postqueue")
                .arg("-c")
                .arg(&config)
                .arg("-p")
                .env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
                .output()
                .expect("postqueue (Postfix) runs: install postfix or run scripts/mailstack up");
            assert!(
                out.status.success(),
                "postqueue -c {} -p failed: {}",
                config.display(),
                String::from_utf8_lossy(&out.stderr)
            );
            let last = String::from_utf8_lossy(&out.stdout).into_owned();
            if !last.to_lowercase().contains(&needle.to_lowercase()) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "timed out after {limit:?} waiting for Postfix's queue to hold no mail for {needle}; \
                 the queue:\n{last}"
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// Waits (bounded by `limit`) until a killed Dovecot has let go: its
    /// master process `pid` is gone, reaped too (`scripts/mailstack up`
    /// takes a zombie's pid for a running Dovecot and would not start it),
    /// and nothing listens on the stack's IMAP, IMAPS and LMTP ports any
    /// more, so `scripts/mailstack up` can start it and bind them again.
    pub fn wait_dovecot_gone(&self, pid: &str, limit: Duration) {
        let proc = PathBuf::from(format!("/proc/{}", pid.trim()));
        let ports: Vec<u16> = [
            "MAILSTACK_IMAP_PORT",
            "MAILSTACK_IMAPS_PORT",
            "MAILSTACK_LMTP_PORT",
        ]
        .iter()
        .map(|name| self.port(name))
        .collect();
        wait_until(
            limit,
            &format!(
                "Dovecot (master pid {}) gone and ports {ports:?} closed",
                pid.trim()
            ),
            || {
                !proc.exists()
                    && ports
                        .iter()
                        .all(|&port| std::net::TcpStream::connect(("127.0.0.1", port)).is_err())
            },
        );
    }

    /// Sends a message as a doctor's mail server would: plain SMTP, no
    /// login.
    pub fn deliver(&self, from: &str, to: &str, message: &[u8]) {
        use std::io::{BufRead, BufReader, Write};
        let stream =
            std::net::TcpStream::connect(("127.0.0.1", self.port("MAILSTACK_SMTP_PORT"))).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut writer = stream;
        let expect = |code: &str, reader: &mut BufReader<std::net::TcpStream>| loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            assert!(line.starts_with(code), "expected {code}, got {line}");
            if line.as_bytes().get(3) != Some(&b'-') {
                break;
            }
        };
        expect("220", &mut reader);
        writer.write_all(b"EHLO doctors.test\r\n").unwrap();
        expect("250", &mut reader);
        writer
            .write_all(format!("MAIL FROM:<{from}>\r\n").as_bytes())
            .unwrap();
        expect("250", &mut reader);
        writer
            .write_all(format!("RCPT TO:<{to}>\r\n").as_bytes())
            .unwrap();
        expect("250", &mut reader);
        writer.write_all(b"DATA\r\n").unwrap();
        expect("354", &mut reader);
        let text = String::from_utf8_lossy(message).replace("\r\n", "\n");
        for line in text.lines() {
            let line = if line.starts_with('.') {
                format!(".{line}")
            } else {
                line.to_owned()
            };
            writer.write_all(line.as_bytes()).unwrap();
            writer.write_all(b"\r\n").unwrap();
        }
        writer.write_all(b".\r\n").unwrap();
        expect("250", &mut reader);
        writer.write_all(b"QUIT\r\n").unwrap();
    }
}

/// A stack of a test's own; stopped when dropped.
pub struct OwnStack {
    pub stack: Stack,
    _dir: tempfile::TempDir,
}

impl Drop for OwnStack {
    fn drop(&mut self) {
        let _ = Command::new(format!("{ROOT}/scripts/mailstack"))
            .args(["down", "--dir"])
            .arg(&self.stack.dir)
            .status();
    }
}

/// A random tag that keeps one test's mailboxes apart from every other's.
pub fn tag() -> String {
    format!("t{:08x}", rand::random::<u32>())
}

/// One test's survey: the example survey with its own id, sender mailbox,
/// recipients and database.
pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub tag: String,
    pub stack: Stack,
    pub survey: PathBuf,
    pub recipients: PathBuf,
    pub sender: String,
}

/// Changes to the example survey file: `(section, key, value)` sets a key
/// (value is TOML), adding it to the section when missing.
pub type Setting<'a> = (&'a str, &'a str, String);

impl Fixture {
    /// The example survey for this test, open since a minute ago and closing
    /// in a day, with the example's 60 recipients at tagged addresses.
    pub fn new(stack: &Stack, settings: &[Setting<'_>]) -> Fixture {
        Fixture::of(stack, "config/example.toml", settings)
    }

    /// As [`Fixture::new`], from another survey file of the repository
    /// (`config/seed-conditions.toml`).
    pub fn of(stack: &Stack, file: &str, settings: &[Setting<'_>]) -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let tag = tag();
        let sender = format!("survey-{tag}@survey.test");
        let recipients = dir.path().join("recipients.csv");
        let list =
            std::fs::read_to_string(format!("{ROOT}/config/example-recipients.csv")).unwrap();
        std::fs::write(&recipients, tagged(&list, &tag)).unwrap();
        let open = local_time(-60);
        let close = local_time(24 * 3600);
        let mut defaults: Vec<Setting<'_>> = vec![
            ("survey", "id", toml_string(&format!("it-{tag}"))),
            (
                "survey",
                "recipients",
                toml_string(recipients.to_str().unwrap()),
            ),
            (
                "survey",
                "database",
                toml_string(dir.path().join("state.db").to_str().unwrap()),
            ),
            (
                "[lead]]",
                "email",
                toml_string(&format!("lead-{tag}@survey.test")),
            ),
            ("sender", "address", toml_string(&sender)),
            ("period", "open", toml_string(&open)),
            ("period", "close", toml_string(&close)),
            ("period", "reminders", "[]".into()),
            ("smtp", "port", stack.var("MAILSTACK_SUBMISSION_PORT")),
            ("smtp", "username", toml_string(&sender)),
            ("smtp", "ca_file", toml_string(&stack.ca())),
            ("imap", "port", stack.var("MAILSTACK_IMAP_PORT")),
            ("imap", "username", toml_string(&sender)),
            ("imap", "ca_file", toml_string(&stack.ca())),
            ("sending", "retry_base", toml_string("1s")),
            ("sending", "retry_max", toml_string("5s")),
            // No progress digest unless a test asks for one: the lead's
            // mailbox holds the report alone.
            ("report", "digest", "[]".into()),
        ];
        defaults.extend(settings.iter().cloned());
        let mut text = std::fs::read_to_string(format!("{ROOT}/{file}")).unwrap();
        for (section, key, value) in &defaults {
            text = set(&text, section, key, value);
        }
        let survey = dir.path().join("survey.toml");
        std::fs::write(&survey, text).unwrap();
        Fixture {
            dir,
            tag,
            stack: stack.clone(),
            survey,
            recipients,
            sender,
        }
    }

    /// The listed recipients (name, email).
    pub fn recipients(&self) -> Vec<(String, String)> {
        let mut reader = csv::Reader::from_path(&self.recipients).unwrap();
        reader
            .records()
            .map(|r| {
                let r = r.unwrap();
                (r[0].to_owned(), r[1].to_owned())
            })
            .collect()
    }

    /// An address of this test's own that the stack's Postfix refuses
    /// (`bounce*@`), so that mail to it comes back as a real bounce.
    pub fn bouncing_address(&self) -> String {
        format!("bounce-{}@nhs.test", self.tag)
    }

    /// Replaces the recipient list.
    pub fn write_recipients(&self, rows: &[(String, String)]) {
        let mut text = String::from("name,email,centre\n");
        for (name, email) in rows {
            text.push_str(&format!("{name},{email},Test Centre\n"));
        }
        std::fs::write(&self.recipients, text).unwrap();
    }

    /// Runs the binary to completion.
    pub fn mailsurvey(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    /// The binary with this fixture's environment, `--survey` appended.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(BIN);
        command
            .args(args)
            .arg("--survey")
            .arg(&self.survey)
            .env("MAILSURVEY_PASSWORD", self.stack.password())
            .env("MAILSURVEY_LOG", daemon_log_filter());
        command
    }

    /// Keeps only the first `n` doctors of the list, starts the daemon and
    /// waits (at most `limit`) until each has been sent the invitation.
    pub fn invite_first(&self, n: usize, limit: Duration) -> (Vec<(String, String)>, Daemon) {
        let rows = self.recipients()[..n].to_vec();
        self.write_recipients(&rows);
        let daemon = self.start_daemon();
        self.wait_until(limit, &format!("{n} invitations sent"), || {
            self.outbox_states(MailKind::Invitation)
                .get(&MailState::Sent)
                == Some(&n)
        });
        self.wait_delivered(rows.iter().map(|(_, email)| email.as_str()));
        (rows, daemon)
    }

    /// Waits until each address's mailbox holds at least one message: the
    /// server accepting a message (`sent`) comes before its delivery.
    pub fn wait_delivered<'a>(&self, emails: impl IntoIterator<Item = &'a str>) {
        let emails: Vec<&str> = emails.into_iter().collect();
        self.wait_until(Duration::from_secs(60), "the invitations delivered", || {
            emails
                .iter()
                .all(|email| self.stack.maildir_count(email) > 0)
        });
    }

    /// The doctor `email` replies with `body` to their first invitation,
    /// as their mail server would deliver it to this survey's mailbox.
    pub fn reply_as(&self, email: &str, body: &str) {
        let invitation = self.stack.inbox(email).remove(0);
        self.stack.deliver(
            email,
            &self.sender,
            &crate::replies::reply(&invitation, email, body),
        );
    }

    /// Waits (at most `limit`) until exactly `answers` answers of the
    /// doctor `email` are recorded.
    pub fn wait_recorded(&self, email: &str, answers: usize, limit: Duration) {
        let store = self.store();
        let sid = self.survey_id();
        self.wait_until(
            limit,
            &format!("{answers} answers of {email} recorded"),
            || {
                let person = store.recipient_by_email(&sid, email).unwrap().unwrap();
                store.current_answers(person.id).unwrap().len() == answers
            },
        );
    }

    /// A doctor replies ([`Fixture::reply_as`]) and the test waits until
    /// the daemon has recorded their `answers` answers.
    pub fn reply_and_wait_recorded(&self, email: &str, body: &str, answers: usize) {
        self.reply_as(email, body);
        self.wait_recorded(email, answers, Duration::from_secs(60));
    }

    /// Starts the daemon; its log goes to `daemon.log` in the fixture's
    /// directory.
    pub fn start_daemon(&self) -> Daemon {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.dir.path().join("daemon.log"))
            .unwrap();
        let child = self
            .command(&["run"])
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap();
        Daemon { child }
    }

    /// [`wait_until`], with the daemon's log in the panic message.
    pub fn wait_until(&self, limit: Duration, what: &str, condition: impl FnMut() -> bool) {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            wait_until(limit, what, condition)
        }));
        if outcome.is_err() {
            panic!(
                "timed out after {limit:?} waiting for {what}; daemon log:\n{}",
                self.log()
            );
        }
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("daemon.log")).unwrap_or_default()
    }

    /// The store, opened read-write (WAL lets the daemon go on).
    pub fn store(&self) -> Store {
        Store::open(&self.dir.path().join("state.db")).unwrap()
    }

    pub fn survey_id(&self) -> String {
        format!("it-{}", self.tag)
    }

    /// Receipts the outbox has sent.
    pub fn receipts_sent(&self) -> usize {
        self.outbox_states(MailKind::Receipt)
            .get(&MailState::Sent)
            .copied()
            .unwrap_or(0)
    }

    /// Outbox rows of `kind` by state.
    pub fn outbox_states(&self, kind: MailKind) -> BTreeMap<MailState, usize> {
        self.store()
            .status(&self.survey_id())
            .unwrap()
            .outbox
            .get(&kind)
            .cloned()
            .unwrap_or_default()
    }

    /// Invitations of the survey marked sent, in the store.
    pub fn invitations_sent(&self) -> usize {
        self.outbox_states(MailKind::Invitation)
            .get(&MailState::Sent)
            .copied()
            .unwrap_or(0)
    }
}

/// The daemons' log filter: `info,rusqlite_migration=warn`, or
/// `MAILSURVEY_IT_LOG` when set (`MAILSURVEY_IT_LOG=debug` to see what a
/// hung daemon was doing).
pub fn daemon_log_filter() -> String {
    std::env::var("MAILSURVEY_IT_LOG").unwrap_or_else(|_| "info,rusqlite_migration=warn".into())
}

/// A running daemon; killed when dropped.
pub struct Daemon {
    pub child: Child,
}

impl Daemon {
    /// SIGKILL: no chance to finish anything.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// SIGTERM, then wait (bounded) for a clean exit.
    pub fn terminate(&mut self) -> std::process::ExitStatus {
        unsafe { libc_kill(self.child.id() as i32, 15) };
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            if Instant::now() > deadline {
                // Say where it is stuck: every thread's stack.
                let stacks = Command::new("gdb")
                    .args([
                        "-p",
                        &self.child.id().to_string(),
                        "-batch",
                        "-ex",
                        "thread apply all bt 30",
                    ])
                    .output()
                    .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
                    .unwrap_or_default();
                panic!("daemon did not stop within 30 s of SIGTERM; its threads:\n{stacks}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

unsafe extern "C" {
    #[link_name = "kill"]
    fn libc_kill(pid: i32, signal: i32) -> i32;
}

impl Drop for Daemon {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Polls `condition` every 100 ms for at most `limit`; panics with `what`.
pub fn wait_until(limit: Duration, what: &str, mut condition: impl FnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !condition() {
        assert!(
            Instant::now() < deadline,
            "timed out after {limit:?} waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The local time (Europe/London) `seconds` from now, as a survey file
/// writes it.
pub fn local_time(seconds: i64) -> String {
    let tz = jiff::tz::TimeZone::get("Europe/London").unwrap();
    (jiff::Timestamp::now() + jiff::SignedDuration::from_secs(seconds))
        .to_zoned_datetime(tz)
        .strftime("%Y-%m-%dT%H:%M:%S")
        .to_string()
}

pub fn toml_string(value: &str) -> String {
    format!("{value:?}")
}

/// `local@domain` becomes `local.TAG@domain` in every row.
fn tagged(list: &str, tag: &str) -> String {
    list.lines()
        .map(|line| match line.split_once('@') {
            Some((before, after)) if !line.starts_with("name,") => {
                format!("{before}.{tag}@{after}")
            }
            _ => line.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// Sets `key = value` in `[section]` of a TOML text, replacing the key's
/// line or adding one after the header. `[lead]]` names `[[lead]]`.
fn set(text: &str, section: &str, key: &str, value: &str) -> String {
    let header = if section.ends_with("]]") {
        format!("[{section}")
    } else {
        format!("[{section}]")
    };
    let mut out = Vec::new();
    let mut in_section = false;
    let mut done = false;
    let mut header_at = None;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            in_section = trimmed == header;
            if in_section && header_at.is_none() {
                header_at = Some(out.len());
            }
        }
        if in_section && !done && trimmed.split('=').next().map(str::trim) == Some(key) {
            out.push(format!("{key} = {value}"));
            done = true;
            continue;
        }
        out.push(line.to_owned());
    }
    if !done {
        let at = header_at.unwrap_or_else(|| {
            out.push(String::new());
            out.push(header.clone());
            out.len() - 1
        });
        out.insert(at + 1, format!("{key} = {value}"));
    }
    out.join("\n") + "\n"
}

/// Parses one raw message.
pub fn parse(raw: &[u8]) -> mail_parser::Message<'_> {
    mail_parser::MessageParser::default()
        .parse(raw)
        .expect("a parseable message")
}
