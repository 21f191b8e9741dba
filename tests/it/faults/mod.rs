//! The fault-injection suite (`tests/faults.md` lists every class): faults
//! of real servers, networks and disks injected while the real binary runs
//! against the real Postfix and Dovecot, and what survived counted. Each
//! class prints one line,
//! `fault CLASS: injected N, survived N, lost 0, duplicated D (bound B)`,
//! and every random choice comes from a printed seed, so a failure replays
//! with `MAILSURVEY_FAULT_SEED=SEED`.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::time::Duration;

use rand::SeedableRng;
use rand::rngs::StdRng;

use crate::support::{Fixture, Stack, toml_string};
use mailsurvey::store::{MailKind, MailState};
use smtp_proxy::{Plan, SmtpProxy};

mod hostile;
pub mod imap_proxy;
pub mod ingesting;
mod lock;
mod poison;
pub mod reading;
pub mod report;
mod resources;
mod sending;
pub mod smtp_proxy;

/// Writes a line straight to the test process's stderr, past libtest's
/// capture, so CI shows it for passing tests too.
pub fn say(line: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{line}");
}

/// The random source of one test: seeded from `MAILSURVEY_FAULT_SEED` when
/// set (to replay a failure), else at random; the seed is printed first.
pub fn seeded(test: &str) -> (u64, StdRng) {
    let seed = std::env::var("MAILSURVEY_FAULT_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(rand::random::<u64>);
    say(&format!(
        "fault seed {test}: {seed} (replay: MAILSURVEY_FAULT_SEED={seed} cargo test --test it {test})"
    ));
    (seed, StdRng::seed_from_u64(seed))
}

/// What one fault class did, printed as the suite's one line per class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Faults injected.
    pub injected: usize,
    /// Faults after which the work came out right by itself.
    pub survived: usize,
    /// Items (invitations, replies) that never arrived or were never counted.
    pub lost: usize,
    /// Extra copies delivered.
    pub duplicated: usize,
    /// The most extra copies the design allows (what was in flight).
    pub bound: usize,
}

impl Tally {
    /// Prints the class's line and fails the test unless every fault was
    /// survived, nothing was lost and duplicates stayed within the bound.
    pub fn report(&self, class: &str) {
        say(&format!(
            "fault {class}: injected {}, survived {}, lost {}, duplicated {} (bound {})",
            self.injected, self.survived, self.lost, self.duplicated, self.bound
        ));
        assert!(self.injected > 0, "fault {class}: nothing was injected");
        assert_eq!(self.lost, 0, "fault {class}: {} lost", self.lost);
        assert_eq!(
            self.survived, self.injected,
            "fault {class}: not every fault survived"
        );
        assert!(
            self.duplicated <= self.bound,
            "fault {class}: {} duplicates, more than the {} in flight",
            self.duplicated,
            self.bound
        );
    }
}

/// Every message delivered to `address`'s mailbox (all folders' `new` and
/// `cur`), read from the maildir without IMAP: cheap for hundreds of
/// mailboxes.
pub fn maildir_messages(stack: &Stack, address: &str) -> Vec<Vec<u8>> {
    let (user, domain) = address.split_once('@').unwrap();
    let user = user.split('+').next().unwrap().to_lowercase();
    let base = stack
        .dir
        .join("mail")
        .join(domain.to_lowercase())
        .join(user);
    let mut out = Vec::new();
    collect_maildir(&base, &mut out);
    out
}

fn collect_maildir(dir: &Path, out: &mut Vec<Vec<u8>>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if name == "new" || name == "cur" {
            for file in std::fs::read_dir(&path).into_iter().flatten().flatten() {
                if let Ok(bytes) = std::fs::read(file.path()) {
                    out.push(bytes);
                }
            }
        } else if path.is_dir() && name != "tmp" {
            collect_maildir(&path, out);
        }
    }
}

/// The Message-ID of a raw message (without brackets), read from its
/// headers only.
pub fn message_id(raw: &[u8]) -> Option<String> {
    mail_parser::MessageParser::new()
        .parse_headers(raw)
        .and_then(|m| m.message_id().map(str::to_owned))
}

/// Message-IDs delivered to each address: how many copies of each.
pub fn copies(stack: &Stack, addresses: &[String]) -> BTreeMap<String, BTreeMap<String, usize>> {
    addresses
        .iter()
        .map(|address| {
            let mut ids = BTreeMap::new();
            for raw in maildir_messages(stack, address) {
                if let Some(id) = message_id(&raw) {
                    *ids.entry(id).or_default() += 1;
                }
            }
            (address.clone(), ids)
        })
        .collect()
}

/// The outbox rows of one kind: (Message-ID, state, last error), read
/// straight from the database (read-only) for checks the store's API does
/// not answer.
pub fn outbox_rows(
    db: &Path,
    survey_id: &str,
    kind: &str,
) -> Vec<(String, String, Option<String>)> {
    let conn = read_only(db);
    let mut stmt = conn
        .prepare(
            "SELECT message_id, state, last_error FROM outbox WHERE survey_id = ?1 AND kind = ?2",
        )
        .unwrap();
    stmt.query_map(rusqlite::params![survey_id, kind], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

/// The survey's database, opened read-only beside the running daemon (a
/// busy timeout, so a commit of the daemon's waits rather than fails).
pub fn read_only(db: &Path) -> rusqlite::Connection {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    conn.busy_timeout(Duration::from_secs(10)).unwrap();
    conn
}

/// The one number `sql` (with `?1` the survey id) gives on `conn`; 0 when
/// it gives NULL or fails (the database not yet created, say).
pub fn count_in(conn: &rusqlite::Connection, sql: &str, survey_id: &str) -> usize {
    conn.query_row(sql, [survey_id], |r| r.get::<_, Option<i64>>(0))
        .ok()
        .flatten()
        .unwrap_or(0) as usize
}

/// [`count_in`] on a read-only connection of its own to `db`.
pub fn count(db: &Path, sql: &str, survey_id: &str) -> usize {
    count_in(&read_only(db), sql, survey_id)
}

/// Messages the daemon has stored and handled (any state but `new`).
pub const PROCESSED: &str = "SELECT count(*) FROM messages WHERE survey_id = ?1 AND state != 'new'";

/// Questions answered twice by one doctor: an answer recorded twice.
pub const ANSWERED_TWICE: &str =
    "SELECT count(*) FROM (SELECT recipient_id, question_id FROM answers
            WHERE survey_id = ?1 GROUP BY recipient_id, question_id HAVING count(*) > 1)";

/// The invitation delivered to `email`, read from its maildir.
pub fn invitation_of(stack: &Stack, email: &str) -> Vec<u8> {
    maildir_messages(stack, email)
        .into_iter()
        .find(|raw| message_id(raw).is_some_and(|id| id.starts_with("invitation.")))
        .expect("an invitation")
}

/// Waits (at most `limit`) until the daemon has handled `messages`
/// messages of the survey and sent exactly one receipt.
pub fn wait_processed_and_one_receipt(
    fixture: &Fixture,
    messages: usize,
    limit: Duration,
    what: &str,
) {
    let db = fixture.dir.path().join("state.db");
    let sid = fixture.survey_id();
    fixture.wait_until(limit, what, || {
        count(&db, PROCESSED, &sid) == messages
            && fixture
                .outbox_states(MailKind::Receipt)
                .get(&MailState::Sent)
                == Some(&1)
    });
}

/// A survey whose failed sends are tried again within seconds (after
/// 0.5 s, at most 2 s apart), so a refusal and its retry fit in a test.
pub fn retrying_fast(stack: &Stack) -> Fixture {
    Fixture::new(
        stack,
        &[
            ("sending", "retry_base", toml_string("500ms")),
            ("sending", "retry_max", toml_string("2s")),
        ],
    )
}

/// Starts the fault-injecting SMTP proxy on `port` in front of the
/// stack's Postfix, following `plan`, and points the survey's `[smtp]` at
/// it ([`through_proxy`]).
pub fn smtp_proxied(stack: &Stack, fixture: &Fixture, port: u16, plan: Plan) -> SmtpProxy {
    let proxy = SmtpProxy::start(port, stack.port("MAILSTACK_SMTP_PORT"), plan);
    through_proxy(fixture, Proxied::Smtp, proxy.port);
    proxy
}

/// Which of the survey's servers a fault proxy stands in front of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Proxied {
    /// Sending: plain SMTP without a login, as the SMTP proxy offers.
    Smtp,
    /// Reading: plain IMAP, still with the login.
    Imap,
}

/// Points the survey's `[smtp]` or `[imap]` at `port` on loopback in plain
/// text (no CA file; for SMTP no password either), what the proxies offer.
pub fn through_proxy(fixture: &Fixture, proxied: Proxied, port: u16) {
    let (header, dropped): (&str, &[&str]) = match proxied {
        Proxied::Smtp => ("[smtp]", &["password", "ca_file"]),
        Proxied::Imap => ("[imap]", &["ca_file"]),
    };
    let text = std::fs::read_to_string(&fixture.survey).unwrap();
    let mut out = Vec::new();
    let mut section = String::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            section = trimmed.to_owned();
        }
        if section == header {
            match trimmed.split('=').next().unwrap_or("").trim() {
                key if dropped.contains(&key) => continue,
                "port" => {
                    out.push(format!("port = {port}"));
                    continue;
                }
                "security" => {
                    out.push("security = \"plain\"".to_owned());
                    continue;
                }
                _ => {}
            }
        }
        out.push(line.to_owned());
    }
    std::fs::write(&fixture.survey, out.join("\n") + "\n").unwrap();
}
