//! The database held by another process: the daemon waits, says once why
//! (naming the file and the process holding it), shows it in `status`
//! while it lasts, says how long it waited, and goes on; the lead's
//! commands, when their bounded wait runs out, say the same instead of
//! SQLite's bare "database is locked".

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use super::ingesting::deliver_all;
use super::{Tally, maildir_messages, message_id, say};
use crate::service::{NotifySocket, start_with_notify, statuses};
use crate::support::*;
use mailsurvey::store::{MailKind, MailState};

fn count(db: &Path, sql: &str, survey_id: &str) -> usize {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    conn.busy_timeout(Duration::from_secs(10)).unwrap();
    conn.query_row(sql, [survey_id], |r| r.get::<_, Option<i64>>(0))
        .ok()
        .flatten()
        .unwrap_or(0) as usize
}

/// What the daemon and the commands say of a lock held by this test
/// process: the file, and this process by its id.
fn locked_by_us(db: &Path) -> String {
    format!(
        "{} is locked by another process: process {}",
        db.display(),
        std::process::id()
    )
}

#[test]
fn fault_database_locked_for_30_seconds() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[("replies", "poll_interval", toml_string("1s"))]);
    let rows = fixture.recipients()[..2].to_vec();
    fixture.write_recipients(&rows);
    // With a NOTIFY_SOCKET of the test's own: the service's STATUS line
    // shows the wait while it lasts.
    let mut notify = NotifySocket::bind(fixture.dir.path());
    let mut daemon = start_with_notify(&fixture, &notify);
    fixture.wait_until(Duration::from_secs(60), "2 invitations sent", || {
        fixture
            .outbox_states(MailKind::Invitation)
            .get(&MailState::Sent)
            == Some(&2)
    });
    // Accepted is not yet delivered: wait for it before reading the box.
    fixture.wait_delivered(rows.iter().map(|(_, e)| e.as_str()));
    let sid = fixture.survey_id();
    let db = fixture.dir.path().join("state.db");
    let invitation = maildir_messages(&stack, &rows[0].1)
        .into_iter()
        .find(|raw| message_id(raw).is_some_and(|id| id.starts_with("invitation.")))
        .unwrap();
    let reply = crate::replies::reply(
        &invitation,
        &rows[0].1,
        "1. yes\n2. no\n3. yes\n4. 7\n5. a, c\n6. no\n7. no\n8. yes\n9. yes\n10. Fine.",
    );
    // Another process holds the database with an exclusive lock for 30 s
    // while a reply arrives (in WAL mode readers still read).
    let logins = || fixture.log().matches("inbox: connected").count();
    // The watcher's first login can come after the invitations are
    // delivered (under load it did, 0.1 s later): counted before the lock,
    // not as a login during it.
    fixture.wait_until(Duration::from_secs(60), "the inbox's first login", || {
        logins() >= 1
    });
    let logins_before = logins();
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.busy_timeout(Duration::from_secs(30)).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let locked_at = Instant::now();
    deliver_all(
        &stack,
        &[(rows[0].1.clone(), fixture.sender.clone(), reply)],
    );
    let said = locked_by_us(&db);
    fixture.wait_until(
        Duration::from_secs(30),
        "the daemon saying why it waits",
        || fixture.log().contains(&said),
    );
    // `status` shows the lock while it lasts, naming the holder.
    let status = fixture.mailsurvey(&["status"]);
    let shown = String::from_utf8_lossy(&status.stdout).into_owned();
    assert!(status.status.success(), "{shown}");
    assert!(
        shown.contains(&format!(
            "database: {} is locked for writing by another process: process {}",
            db.display(),
            std::process::id()
        )),
        "status should show the lock: {shown}"
    );
    let database_locked = format!("DATABASE {} locked by another process for ", db.display());
    notify.until(
        Duration::from_secs(20),
        "a STATUS line showing the wait",
        |seen| statuses(seen).iter().any(|s| s.contains(&database_locked)),
    );
    let hold = Duration::from_secs(30).saturating_sub(locked_at.elapsed());
    std::thread::sleep(hold);
    // Said once for the whole wait, though the daemon's turns and the
    // inbox retried all along.
    let log = fixture.log();
    assert_eq!(
        log.matches("is locked by another process").count(),
        1,
        "the wait should be said once: {log}"
    );
    assert!(
        log.contains("Waiting, retrying every 11 s"),
        "the log should say the daemon waits: {log}"
    );
    assert!(
        !log.contains("database is locked"),
        "SQLite's bare words should not be what the operator reads: {log}"
    );
    // The inbox waits for the lock on its connection: it does not log in
    // again after each of its 10 s waits (before, it dropped the
    // connection and logged in again after each, once or twice in 30 s).
    let logins_during = logins() - logins_before;
    say(&format!(
        "fault db-lock: the inbox logged in {logins_during} time(s) during the lock"
    ));
    assert!(
        logins_during == 0,
        "the inbox logged in {logins_during} times during a 30 s lock: {log}"
    );
    notify.drain();
    holder.execute_batch("COMMIT").unwrap();
    drop(holder);
    notify.until(
        Duration::from_secs(30),
        "a STATUS line without the wait",
        |seen| {
            statuses(seen)
                .last()
                .is_some_and(|s| !s.contains(&database_locked))
        },
    );
    say(&format!(
        "fault db-lock: held {:.0} s",
        locked_at.elapsed().as_secs_f64()
    ));
    fixture.wait_until(
        Duration::from_secs(90),
        "the reply processed and receipted",
        || {
            count(&db, super::PROCESSED, &sid) == 1
                && fixture
                    .outbox_states(MailKind::Receipt)
                    .get(&MailState::Sent)
                    == Some(&1)
        },
    );
    // The end of the wait is said, with how long it lasted: from the
    // first try that met the lock (within a turn of it being taken) to
    // the first that got through.
    let log = fixture.log();
    let waited: u64 = log
        .split("is free again after a wait of ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("the end of the wait should be said: {log}"));
    say(&format!(
        "fault db-lock: the daemon said it waited {waited} s"
    ));
    assert!(
        (20..=60).contains(&waited),
        "waited {waited} s for a 30 s lock"
    );
    let status = fixture.mailsurvey(&["status"]);
    let shown = String::from_utf8_lossy(&status.stdout).into_owned();
    assert!(!shown.contains("locked"), "status after the lock: {shown}");

    assert!(
        daemon.child.try_wait().unwrap().is_none(),
        "the daemon waited instead of exiting"
    );
    daemon.terminate();
    let lost = 1 - fixture.store().status(&sid).unwrap().respondents.min(1);
    Tally {
        injected: 1,
        survived: usize::from(lost == 0),
        lost,
        duplicated: 0,
        bound: 0,
    }
    .report("db-lock");
}

/// A holder in exclusive locking mode blocks readers too: `status`,
/// `review`, `report`, `close` and a starting daemon each wait their
/// bounded time, then name the file and the holder; `status` still says
/// which survey it is.
#[test]
fn fault_database_locked_commands_say_why() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[]);
    let db = fixture.dir.path().join("state.db");
    let first = fixture.mailsurvey(&["status"]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder
        .execute_batch(
            "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; CREATE TABLE lock_probe (a)",
        )
        .unwrap();
    let out = fixture.dir.path().join("report");
    let commands: Vec<(&str, Vec<&str>)> = vec![
        ("status", vec!["status"]),
        ("review", vec!["review"]),
        ("report", vec!["report", "--out", out.to_str().unwrap()]),
        ("close", vec!["close"]),
        // The daemon starting meanwhile exits with the same words (its
        // unit restarts it 10 s later).
        ("run", vec!["run"]),
    ];
    // At once: each waits out the same bounded wait.
    let started = Instant::now();
    let children: Vec<_> = commands
        .iter()
        .map(|(name, args)| {
            let child = fixture
                .command(args)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            (*name, child)
        })
        .collect();
    let said = locked_by_us(&db);
    let mut injected = 0;
    let mut survived = 0;
    for (name, child) in children {
        let output = child.wait_with_output().unwrap();
        let took = started.elapsed();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        injected += 1;
        let explained = !output.status.success()
            && text.contains(&said)
            && text.contains("gave up after waiting 10 s")
            && !text.contains("error: store: database is locked");
        if explained && took < Duration::from_secs(40) {
            survived += 1;
        } else {
            say(&format!("db-lock {name} after {took:?}: {text}"));
        }
        if name == "status" {
            assert!(
                text.contains(&format!("survey {}", fixture.survey_id())),
                "status still names the survey: {text}"
            );
        }
    }
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    // Once it lets go, status reads again.
    let after = fixture.mailsurvey(&["status"]);
    assert!(
        after.status.success(),
        "{}",
        String::from_utf8_lossy(&after.stderr)
    );
    Tally {
        injected,
        survived,
        lost: 0,
        duplicated: 0,
        bound: 0,
    }
    .report("db-lock-commands");
}

/// A store that needs a migration (a new version started) while another
/// process holds the write lock: opening it gives up after its one bounded
/// wait and says why, instead of retrying the migration twenty times over
/// (200 s) in silence.
#[test]
fn fault_database_locked_during_an_upgrade() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[]);
    let db = fixture.dir.path().join("state.db");
    let first = fixture.mailsurvey(&["status"]);
    assert!(first.status.success());
    let conn = rusqlite::Connection::open(&db).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    // As if the last migration had not run yet.
    conn.execute_batch(&format!("PRAGMA user_version = {}", version - 1))
        .unwrap();
    conn.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let started = Instant::now();
    let status = fixture.mailsurvey(&["status"]);
    let took = started.elapsed();
    conn.execute_batch("ROLLBACK").unwrap();
    conn.execute_batch(&format!("PRAGMA user_version = {version}"))
        .unwrap();
    let text = String::from_utf8_lossy(&status.stdout);
    say(&format!(
        "fault db-lock-upgrade: status gave up after {:.1} s",
        took.as_secs_f64()
    ));
    let explained = !status.status.success()
        && text.contains(&locked_by_us(&db))
        && took < Duration::from_secs(30);
    if !explained {
        say(&format!("db-lock-upgrade: {text}"));
    }
    Tally {
        injected: 1,
        survived: usize::from(explained),
        lost: 0,
        duplicated: 0,
        bound: 0,
    }
    .report("db-lock-upgrade");
}

/// `status` over a directory of surveys while another process holds the
/// write lock on one survey's database (in WAL mode its counts still
/// read): that survey's summary names the file and the holder and is
/// unwell; the other survey's lines are as before; once the lock is
/// released the problem goes.
#[test]
fn fault_database_locked_shown_in_status_over_a_directory() {
    let stack = Stack::shared();
    let a = Fixture::new(&stack, &[]);
    let b = Fixture::new(&stack, &[]);
    for fixture in [&a, &b] {
        // The store made, as by a first run.
        let first = fixture.mailsurvey(&["status"]);
        assert!(
            first.status.success(),
            "{}",
            String::from_utf8_lossy(&first.stderr)
        );
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(&a.survey, dir.path().join("a.toml")).unwrap();
    std::fs::copy(&b.survey, dir.path().join("b.toml")).unwrap();
    let over_dir = |json: bool| {
        let mut command = std::process::Command::new(BIN);
        command.arg("status");
        if json {
            command.arg("--json");
        }
        let out = command
            .arg("--survey")
            .arg(dir.path())
            .env("MAILSURVEY_PASSWORD", stack.password())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "status over the directory: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    // One survey's block of the text: from its `ID [HEALTH]` line to the
    // next blank line.
    let block = |text: &str, id: &str| -> String {
        text.split("\n\n")
            .find(|b| b.starts_with(&format!("{id} [")))
            .unwrap_or_else(|| panic!("no block for {id} in:\n{text}"))
            .to_owned()
    };
    let json_survey = |text: &str, id: &str| -> serde_json::Value {
        let value: serde_json::Value = serde_json::from_str(text).expect("status --json is JSON");
        value["surveys"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .unwrap_or_else(|| panic!("no survey {id} in:\n{text}"))
            .clone()
    };
    let (a_id, b_id) = (a.survey_id(), b.survey_id());
    let before = over_dir(false);
    assert!(before.starts_with("2 surveys, 0 with problems"), "{before}");
    let b_before = block(&before, &b_id);

    let db = a.dir.path().join("state.db");
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let started = Instant::now();
    let during = over_dir(false);
    let took = started.elapsed();
    let during_json = over_dir(true);
    holder.execute_batch("COMMIT").unwrap();
    drop(holder);

    let said = format!(
        "problem: {} is locked for writing by another process: process {}",
        db.display(),
        std::process::id()
    );
    let a_during = block(&during, &a_id);
    let mut survived = 0;
    assert!(during.starts_with("2 surveys, 1 with problems"), "{during}");
    assert!(
        a_during.starts_with(&format!("{a_id} [UNWELL]")),
        "{a_during}"
    );
    assert!(a_during.contains(&said), "the lock named:\n{a_during}");
    assert!(
        a_during.contains("invited 0, delivered 0"),
        "its counts still read:\n{a_during}"
    );
    assert_eq!(
        block(&during, &b_id),
        b_before,
        "the other survey unaffected"
    );
    let a_json = json_survey(&during_json, &a_id);
    assert_eq!(a_json["health"], "unwell", "{a_json}");
    assert!(
        a_json["problems"].as_array().unwrap().iter().any(|p| p
            .as_str()
            .is_some_and(|p| p.contains(&db.display().to_string())
                && p.contains("locked for writing by another process"))),
        "{a_json}"
    );
    assert_eq!(json_survey(&during_json, &b_id)["health"], "ok");
    survived += 1;

    // Released: the problem goes.
    let after = over_dir(false);
    assert!(after.starts_with("2 surveys, 0 with problems"), "{after}");
    assert!(!after.contains("locked"), "{after}");
    assert!(block(&after, &a_id).starts_with(&format!("{a_id} [ok]")));
    assert_eq!(block(&after, &b_id), b_before);
    say(&format!(
        "fault db-lock-directory: status over 2 surveys, one locked, took {:.1} s",
        took.as_secs_f64()
    ));
    Tally {
        injected: 1,
        survived,
        lost: 0,
        duplicated: 0,
        bound: 0,
    }
    .report("db-lock-directory");
}
