//! Poison-message containment (issue 18), through the real binary: the
//! next bug in a reader costs one message, not the service.
//!
//! - a message that was being read when the daemon died (SIGKILL, in the
//!   window the fault hook `MAILSURVEY_FAULT=slow-read` opens) is counted
//!   before the read, and at two such deaths it is set aside unread with
//!   the reason, and the next reply is answered;
//! - a 2 MB hostile HTML message from a stranger (the old quadratic
//!   readers' worst case) and a message that reads for its whole budget
//!   are read while the watchdog goes on being pinged, and the genuine
//!   reply after them is answered within a minute;
//! - a stored confirmation request that does not decode is an error
//!   naming its row, not an empty request.

use std::process::Stdio;
use std::time::{Duration, Instant};

use super::ingesting::deliver_all;
use super::reading::replies;
use super::{PROCESSED, count, say};
use crate::service::NotifySocket;
use crate::support::*;

/// Messages of the survey with a read begun and never finished.
const UNFINISHED: &str =
    "SELECT max(unfinished_reads) FROM messages WHERE survey_id = ?1 AND state = 'new'";

/// The daemon with the slow-read fault hook, its log appended to the
/// fixture's, its sd_notify datagrams to `notify` when given.
fn start(fixture: &Fixture, notify: Option<&NotifySocket>) -> Daemon {
    start_with(fixture, "slow-read", notify)
}

/// [`start`] with the fault hooks `faults` (`MAILSURVEY_FAULT`).
fn start_with(fixture: &Fixture, faults: &str, notify: Option<&NotifySocket>) -> Daemon {
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(fixture.dir.path().join("daemon.log"))
        .unwrap();
    let mut command = fixture.command(&["run"]);
    command
        .env("MAILSURVEY_FAULT", faults)
        .stdout(Stdio::null())
        .stderr(log);
    if notify.is_some() {
        command
            .env("NOTIFY_SOCKET", fixture.dir.path().join("notify.sock"))
            // The daemon pings every half second and only while its store
            // thread keeps up: a store held for a second stops the pings.
            .env("WATCHDOG_USEC", "1000000");
    }
    Daemon {
        child: command.spawn().unwrap(),
    }
}

/// `mailsurvey status` and `mailsurvey review` (text), one after the other.
fn status_and_review(fixture: &Fixture) -> String {
    let mut shown = String::new();
    for command in [&["status"][..], &["review"][..]] {
        let out = fixture.mailsurvey(command);
        assert!(
            out.status.success(),
            "{command:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        shown.push_str(&String::from_utf8_lossy(&out.stdout));
    }
    shown
}

/// `raw` with the subject marker that makes the `slow-read` fault hook
/// read it until its budget runs out.
fn slow_read(raw: &[u8]) -> Vec<u8> {
    String::from_utf8_lossy(raw)
        .replacen("Subject: ", "Subject: slow-read ", 1)
        .into_bytes()
}

#[test]
fn fault_a_message_being_read_at_two_deaths_is_set_aside_and_the_next_reply_answered() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[("replies", "poll_interval", toml_string("1s"))]);
    let (rows, mut daemon) = fixture.invite_first(2, Duration::from_secs(60));
    daemon.kill();
    let sid = fixture.survey_id();
    let db = fixture.dir.path().join("state.db");
    let mut mail = replies(&fixture, &rows);
    // Reads until its budget (10 s) runs out: the window the kills land in.
    mail[0].2 = slow_read(&mail[0].2);
    deliver_all(&stack, &mail[..1]);
    let started = Instant::now();
    for death in 1..=2 {
        let mut daemon = start(&fixture, None);
        fixture.wait_until(
            Duration::from_secs(60),
            &format!("read {death} of the message begun"),
            || count(&db, UNFINISHED, &sid) >= death,
        );
        daemon.kill();
        assert_eq!(
            count(&db, UNFINISHED, &sid),
            death,
            "the death while reading is counted, and only once"
        );
        assert_eq!(count(&db, PROCESSED, &sid), 0, "nothing recorded yet");
    }
    assert!(
        fixture
            .log()
            .contains("reading again a message that was being read when the daemon stopped"),
        "the second read says why it comes again:\n{}",
        fixture.log()
    );
    // The genuine reply after it; the third start sets the poison aside
    // unread (at once, not after another 10 s) and answers the reply.
    deliver_all(&stack, &mail[1..]);
    let third = Instant::now();
    let _daemon = start(&fixture, None);
    fixture.wait_until(
        Duration::from_secs(60),
        "the poison set aside and the reply answered",
        || count(&db, PROCESSED, &sid) >= 2 && fixture.receipts_sent() == 1,
    );
    let answered_in = third.elapsed();
    let reason = "the daemon stopped 2 times while reading it (killed, out of memory or crashed): set aside unread";
    assert_eq!(
        count(
            &db,
            &format!(
                "SELECT count(*) FROM messages WHERE survey_id = ?1 AND state = 'quarantined' AND reason = '{reason}'"
            ),
            &sid
        ),
        1,
        "set aside with the reason"
    );
    let store = fixture.store();
    assert_eq!(store.status(&sid).unwrap().respondents, 1);
    assert!(
        store
            .recipient_by_email(&sid, &rows[1].1)
            .unwrap()
            .is_some_and(|p| store.current_answers(p.id).unwrap().len() == 10),
        "the genuine reply counted"
    );
    let shown = status_and_review(&fixture);
    assert!(
        shown.matches(reason).count() >= 2,
        "status and review show the lead why:\n{shown}"
    );
    assert!(
        !fixture.log().contains("took longer than 10 s to read"),
        "not read a third time"
    );
    say(&format!(
        "poison: two deaths while reading one message, then set aside unread; the next reply answered {:.1} s after the third start ({:.1} s in all)",
        answered_in.as_secs_f64(),
        started.elapsed().as_secs_f64()
    ));
}

/// Deaths at start-up, before the first read (SIGKILLs close together, a
/// crash loop), are charged to no message: the readers warm up on a sample
/// of our own before any read is counted. Before, the first read of each
/// process built the readers' tables while it was counted (150 ms in a
/// debug build, where a read takes 1.6 ms), so a kill soon after a start
/// was charged to the oldest message left counted, and two such kills set
/// a genuine reply aside unread (`fault_sigkill_while_ingesting` waited
/// for its receipt until it timed out). The warm-up is held open here by
/// `MAILSURVEY_FAULT=slow-warm-up`.
#[test]
fn fault_deaths_while_the_readers_warm_up_are_charged_to_no_message() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[("replies", "poll_interval", toml_string("1s"))]);
    let (rows, mut daemon) = fixture.invite_first(1, Duration::from_secs(60));
    daemon.kill();
    let sid = fixture.survey_id();
    let db = fixture.dir.path().join("state.db");
    // A genuine reply, left counted by a death while it was read (in the
    // window of `slow-read`), as a death during a batch's reads leaves
    // every message of the batch.
    let mut mail = replies(&fixture, &rows);
    mail[0].2 = slow_read(&mail[0].2);
    deliver_all(&stack, &mail);
    let mut daemon = start(&fixture, None);
    fixture.wait_until(Duration::from_secs(60), "the read begun", || {
        count(&db, UNFINISHED, &sid) >= 1
    });
    daemon.kill();
    assert_eq!(count(&db, UNFINISHED, &sid), 1, "one death while reading");
    // Two more deaths, each while the next start warms its readers up.
    let warming = "fault injected: the readers warm up";
    for death in 1..=2 {
        let mut daemon = start_with(&fixture, "slow-warm-up", None);
        fixture.wait_until(
            Duration::from_secs(60),
            &format!("warm-up {death} begun"),
            || fixture.log().matches(warming).count() >= death,
        );
        daemon.kill();
        assert_eq!(
            count(&db, UNFINISHED, &sid),
            1,
            "a death while the readers warm up is charged to no message"
        );
    }
    // Read again (alone, once more) and counted, not set aside.
    let _daemon = fixture.start_daemon();
    fixture.wait_until(Duration::from_secs(60), "the reply answered", || {
        count(&db, PROCESSED, &sid) == 1 && fixture.receipts_sent() == 1
    });
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM messages WHERE survey_id = ?1 AND state = 'quarantined'",
            &sid
        ),
        0,
        "the reply set aside; log:\n{}",
        fixture.log()
    );
    let store = fixture.store();
    let person = store.recipient_by_email(&sid, &rows[0].1).unwrap().unwrap();
    assert_eq!(store.current_answers(person.id).unwrap().len(), 10);
}

/// A stranger's 2 MB HTML body made of the old readers' worst cases:
/// `<blockquote>` opened 80,000 deep around 1 MB of `&`.
fn hostile_html(from: &str, to: &str) -> Vec<u8> {
    let depth = 80_000;
    let mut body = String::with_capacity(2 << 20);
    for _ in 0..depth {
        body.push_str("<blockquote>");
    }
    body.push_str(&"&".repeat(1 << 20));
    for _ in 0..depth / 4 {
        body.push_str("</blockquote>");
    }
    // Lines of at most 998 characters, as SMTP wants them.
    let wrapped: Vec<&str> = body
        .as_bytes()
        .chunks(900)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect();
    format!(
        "From: {from}\r\nTo: {to}\r\nSubject: your survey\r\nMessage-ID: <{}.hostile@elsewhere.test>\r\nDate: Thu, 26 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{}\r\n",
        rand::random::<u64>(),
        wrapped.join("\r\n")
    )
    .into_bytes()
}

fn watchdog_pings(seen: &[String]) -> usize {
    seen.iter()
        .filter(|m| m.lines().any(|l| l == "WATCHDOG=1"))
        .count()
}

#[test]
fn fault_hostile_and_slow_messages_are_read_while_the_watchdog_is_pinged_and_the_reply_answered() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[("replies", "poll_interval", toml_string("1s"))]);
    let (rows, mut daemon) = fixture.invite_first(1, Duration::from_secs(60));
    daemon.kill();
    let sid = fixture.survey_id();
    let db = fixture.dir.path().join("state.db");
    let stranger = format!("stranger-{}@elsewhere.test", fixture.tag);
    let hostile = hostile_html(&stranger, &fixture.sender);
    assert!(hostile.len() >= 2 << 20, "{} bytes", hostile.len());
    // A stranger's message that reads for its whole budget (10 s): reading
    // it inside the store's transaction stopped the watchdog's pings.
    let slow = format!(
        "From: {stranger}\r\nTo: {}\r\nSubject: slow-read\r\nMessage-ID: <{}.slow@elsewhere.test>\r\nDate: Thu, 26 Nov 2026 10:00:00 +0000\r\n\r\nhello\r\n",
        fixture.sender,
        rand::random::<u64>()
    );
    let mut mail = vec![
        (stranger.clone(), fixture.sender.clone(), hostile),
        (stranger.clone(), fixture.sender.clone(), slow.into_bytes()),
    ];
    mail.extend(replies(&fixture, &rows));
    deliver_all(&stack, &mail);
    fixture.wait_until(Duration::from_secs(60), "the three delivered", || {
        stack.maildir_count(&fixture.sender) >= 3
    });

    let mut notify = NotifySocket::bind(fixture.dir.path());
    let mut daemon = start(&fixture, Some(&notify));
    notify.until(Duration::from_secs(30), "READY=1", |seen| {
        seen.iter().any(|m| m.lines().any(|l| l == "READY=1"))
    });
    let started = Instant::now();
    // Every 5 s at least one more ping, until the receipt is delivered
    // (within a minute).
    let mut longest = Duration::ZERO;
    let mut last = Instant::now();
    let mut pings = 0;
    while !(fixture.receipts_sent() == 1 && stack.maildir_count(&rows[0].1) >= 2) {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no receipt within a minute; log:\n{}",
            fixture.log()
        );
        let before = watchdog_pings(&notify.seen);
        notify.until(
            Duration::from_secs(5),
            "a WATCHDOG=1 within 5 s while the messages are read",
            |seen| watchdog_pings(seen) > before,
        );
        pings += 1;
        longest = longest.max(last.elapsed());
        last = Instant::now();
    }
    let answered_in = started.elapsed();
    assert!(
        daemon.child.try_wait().unwrap().is_none(),
        "the service stays up"
    );
    assert_eq!(count(&db, PROCESSED, &sid), 3, "{}", fixture.log());
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM messages WHERE survey_id = ?1 AND state = 'quarantined' AND reason = 'took longer than 10 s to read'",
            &sid
        ),
        1,
        "the slow one set aside with the reason"
    );
    assert_eq!(fixture.store().status(&sid).unwrap().respondents, 1);
    daemon.terminate();
    say(&format!(
        "poison: a 2 MB hostile HTML message and a 10 s read before a reply: receipt delivered {:.1} s after READY, {pings} watchdog rounds, longest wait for a ping {:.2} s",
        answered_in.as_secs_f64(),
        longest.as_secs_f64()
    ));
}

/// A message with the doctor's From and no token anywhere.
fn tokenless(from: &str, to: &str, body: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: {to}\r\nSubject: Survey\r\nMessage-ID: <{}.tokenless@elsewhere.test>\r\nDate: Thu, 26 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{}\r\n",
        rand::random::<u64>(),
        body.replace('\n', "\r\n")
    )
    .into_bytes()
}

#[test]
fn fault_a_corrupt_stored_confirmation_request_is_an_error_naming_its_row() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[("replies", "poll_interval", toml_string("1s"))]);
    let (rows, _daemon) = fixture.invite_first(1, Duration::from_secs(60));
    let sid = fixture.survey_id();
    let db = fixture.dir.path().join("state.db");
    let doctor = &rows[0].1;
    stack.deliver(
        "anyone@elsewhere.test",
        &fixture.sender,
        &tokenless(doctor, &fixture.sender, "1. yes\n2. no"),
    );
    fixture.wait_until(Duration::from_secs(60), "the confirmation pending", || {
        count(
            &db,
            "SELECT count(*) FROM confirmations WHERE survey_id = ?1 AND state = 'pending'",
            &sid,
        ) == 1
    });
    let row = count(
        &db,
        "SELECT id FROM confirmations WHERE survey_id = ?1 AND state = 'pending'",
        &sid,
    );
    // The stored request breaks (a bad disk, a hand edit).
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.busy_timeout(Duration::from_secs(10)).unwrap();
    conn.execute(
        "UPDATE confirmations SET request = '{\"answers\": {' WHERE id = ?1",
        [row as i64],
    )
    .unwrap();
    drop(conn);
    let processed = count(&db, PROCESSED, &sid);
    stack.deliver(
        "anyone@elsewhere.test",
        &fixture.sender,
        &tokenless(doctor, &fixture.sender, "3. yes"),
    );
    fixture.wait_until(Duration::from_secs(60), "the next message handled", || {
        count(&db, PROCESSED, &sid) > processed
    });
    let named = format!("store: confirmations row {row}: the stored request does not decode");
    assert_eq!(
        count(
            &db,
            &format!(
                "SELECT count(*) FROM messages WHERE survey_id = ?1 AND state = 'quarantined' AND failure LIKE '{named}%'"
            ),
            &sid
        ),
        1,
        "set aside with the error naming the row; log:\n{}",
        fixture.log()
    );
    let shown = status_and_review(&fixture);
    assert!(
        shown.matches(&named).count() >= 2,
        "status and review name the row:\n{shown}"
    );
    // Nothing of the held request was counted as the doctor's.
    let store = fixture.store();
    let person = store.recipient_by_email(&sid, doctor).unwrap().unwrap();
    assert!(store.current_answers(person.id).unwrap().is_empty());
    assert!(
        fixture.log().contains(&named),
        "the log names it too:\n{}",
        fixture.log()
    );
}
