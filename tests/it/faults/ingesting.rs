//! Faults while reading replies: the daemon killed at random points while
//! 500 replies are fetched, stored, counted, answered and filed.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use rand::Rng;

use super::{
    ANSWERED_TWICE, PROCESSED, Tally, count_in, maildir_messages, message_id, read_only, say,
    seeded,
};
use crate::support::*;
use mailsurvey::store::{MailKind, MailState};

const COMPLETE: &str = "1. yes\n2. no\n3. yes\n4. 7\n5. a, c\n6. no\n7. no\n8. yes\n9. yes\n10. We need a regional protocol.";

/// Delivers many messages over one plain SMTP session, as a doctor's mail
/// server would (`(from, to, message)` each).
pub fn deliver_all(stack: &Stack, mail: &[(String, String, Vec<u8>)]) {
    let stream = TcpStream::connect(("127.0.0.1", stack.port("MAILSTACK_SMTP_PORT"))).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut writer = stream;
    let mut expect = |code: &str| {
        for _ in 0..50 {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            assert!(line.starts_with(code), "expected {code}, got {line}");
            if line.as_bytes().get(3) != Some(&b'-') {
                return;
            }
        }
        panic!("endless reply");
    };
    expect("220");
    writer.write_all(b"EHLO doctors.test\r\n").unwrap();
    expect("250");
    for (from, to, message) in mail {
        writer
            .write_all(format!("MAIL FROM:<{from}>\r\n").as_bytes())
            .unwrap();
        expect("250");
        writer
            .write_all(format!("RCPT TO:<{to}>\r\n").as_bytes())
            .unwrap();
        expect("250");
        writer.write_all(b"DATA\r\n").unwrap();
        expect("354");
        let text = String::from_utf8_lossy(message).replace("\r\n", "\n");
        let mut data = String::with_capacity(text.len() + 64);
        for line in text.lines() {
            if line.starts_with('.') {
                data.push('.');
            }
            data.push_str(line);
            data.push_str("\r\n");
        }
        data.push_str(".\r\n");
        writer.write_all(data.as_bytes()).unwrap();
        expect("250");
    }
    writer.write_all(b"QUIT\r\n").unwrap();
}

const RECEIPTS_SENT: &str =
    "SELECT count(*) FROM outbox WHERE survey_id = ?1 AND kind = 'receipt' AND state = 'sent'";

/// Messages set aside (quarantined): each is a genuine reply here, so one
/// is a reply lost to the count, and no receipt will ever come for it.
const SET_ASIDE: &str =
    "SELECT count(*) FROM messages WHERE survey_id = ?1 AND state = 'quarantined'";

/// Fails at once, with why, when a reply has been set aside: waiting for
/// its receipt would only time out (this test used to wait 300 s for a
/// reply the poison containment had set aside after two kills during its
/// reads).
fn assert_none_set_aside(conn: &rusqlite::Connection, fixture: &Fixture, sid: &str) {
    if count_in(conn, SET_ASIDE, sid) == 0 {
        return;
    }
    let mut stmt = conn
        .prepare("SELECT id, reason FROM messages WHERE survey_id = ?1 AND state = 'quarantined'")
        .unwrap();
    let why: Vec<(i64, Option<String>)> = stmt
        .query_map([sid], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    panic!(
        "genuine replies set aside (id, reason): {why:?}; log:\n{}",
        fixture.log()
    );
}

#[test]
fn fault_sigkill_while_ingesting() {
    let (_, mut rng) = seeded("fault_sigkill_while_ingesting");
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[("replies", "poll_interval", toml_string("1s"))]);
    let total = 500;
    let rows: Vec<(String, String)> = (0..total)
        .map(|i| {
            (
                format!("Dr Reply {i}"),
                format!("r{i:03}.{}@nhs.test", fixture.tag),
            )
        })
        .collect();
    fixture.write_recipients(&rows);
    let sid = fixture.survey_id();
    let db = fixture.dir.path().join("state.db");
    let mut daemon = fixture.start_daemon();
    fixture.wait_until(Duration::from_secs(180), "500 invitations sent", || {
        fixture
            .outbox_states(MailKind::Invitation)
            .get(&MailState::Sent)
            == Some(&total)
    });
    daemon.kill();
    fixture.wait_delivered(rows.iter().map(|(_, e)| e.as_str()));
    // The replies arrive while the daemon is down; they are read while it
    // is killed again and again.
    let replies: Vec<(String, String, Vec<u8>)> = rows
        .iter()
        .map(|(_, email)| {
            let invitation = maildir_messages(&stack, email).remove(0);
            (
                email.clone(),
                fixture.sender.clone(),
                crate::replies::reply(&invitation, email, COMPLETE),
            )
        })
        .collect();
    deliver_all(&stack, &replies);
    fixture.wait_until(Duration::from_secs(120), "500 replies delivered", || {
        stack.maildir_count(&fixture.sender) >= total
    });

    // Kill points by progress: replies processed plus receipts sent, so
    // kills land while fetching, counting and answering.
    let progress = |conn: &rusqlite::Connection| {
        count_in(conn, PROCESSED, &sid) + count_in(conn, RECEIPTS_SENT, &sid)
    };
    let mut targets: Vec<usize> = rand::seq::index::sample(&mut rng, 2 * total - 20, 20)
        .into_iter()
        .map(|i| i + 5)
        .collect();
    targets.sort_unstable();
    let mut times_in_flight: BTreeMap<String, usize> = BTreeMap::new();
    let mut in_flight_total = 0;
    let mut survived = 0;
    let started = Instant::now();
    for (kills, &target) in targets.iter().enumerate() {
        let mut daemon = fixture.start_daemon();
        let conn = read_only(&db);
        let deadline = Instant::now() + Duration::from_secs(120);
        while progress(&conn) < target {
            assert_none_set_aside(&conn, &fixture, &sid);
            assert!(
                Instant::now() < deadline,
                "stuck before the kill at progress {target}; log:\n{}",
                fixture.log()
            );
            std::thread::sleep(Duration::from_millis(5));
        }
        std::thread::sleep(Duration::from_millis(rng.random_range(0..25)));
        if kills > 0 {
            survived += 1;
        }
        daemon.kill();
        let mut stmt = conn
            .prepare(
                "SELECT message_id FROM outbox WHERE survey_id = ?1 AND kind = 'receipt' AND state = 'sending'",
            )
            .unwrap();
        let flying: Vec<String> = stmt
            .query_map([&sid], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        in_flight_total += flying.len();
        for id in flying {
            *times_in_flight.entry(id).or_default() += 1;
        }
    }
    let mut daemon = fixture.start_daemon();
    let conn = read_only(&db);
    fixture.wait_until(
        Duration::from_secs(300),
        "500 replies processed, receipted and filed out of the INBOX",
        || {
            count_in(&conn, SET_ASIDE, &sid) > 0
                || (count_in(&conn, PROCESSED, &sid) == total
                    && count_in(&conn, RECEIPTS_SENT, &sid) == total
                    && stack.maildir_count(&fixture.sender) == 0)
        },
    );
    assert_none_set_aside(&conn, &fixture, &sid);
    daemon.terminate();
    survived += 1;
    let elapsed = started.elapsed();

    // Stored once: one row per reply, 500 distinct Message-IDs.
    let stored = count_in(
        &conn,
        "SELECT count(*) FROM messages WHERE survey_id = ?1",
        &sid,
    );
    let distinct = count_in(
        &conn,
        "SELECT count(DISTINCT message_id) FROM messages WHERE survey_id = ?1",
        &sid,
    );
    assert_eq!((stored, distinct), (total, total), "each reply stored once");
    // Counted once: 500 respondents, each with one current answer per
    // question and no answer recorded twice.
    let store = fixture.store();
    let status = store.status(&sid).unwrap();
    let mut lost = total - status.respondents.min(total);
    let twice = count_in(&conn, ANSWERED_TWICE, &sid);
    assert_eq!(twice, 0, "an answer recorded twice");
    // Answered once: receipts by Message-ID in each doctor's mailbox.
    fixture.wait_until(Duration::from_secs(120), "500 receipts delivered", || {
        rows.iter().all(|(_, e)| stack.maildir_count(e) >= 2)
    });
    // A duplicate receipt Postfix accepted may still be queued: the daemon
    // is stopped with every receipt sent, so the count is final once
    // Postfix's queue holds nothing of this test's.
    stack.wait_queue_clear_of(&fixture.tag, Duration::from_secs(120));
    let mut duplicated = 0;
    for (_, email) in &rows {
        let mut receipts: BTreeMap<String, usize> = BTreeMap::new();
        for raw in maildir_messages(&stack, email) {
            if let Some(id) = message_id(&raw).filter(|id| id.starts_with("receipt.")) {
                *receipts.entry(id).or_default() += 1;
            }
        }
        if receipts.is_empty() {
            lost += 1;
        }
        assert!(
            receipts.len() <= 1,
            "{email}: different receipts {receipts:?}"
        );
        for (id, n) in receipts {
            let allowed = times_in_flight.get(&id).copied().unwrap_or(0);
            assert!(
                n - 1 <= allowed,
                "{email} got {n} copies of {id}, which was in flight at {allowed} kills"
            );
            duplicated += n - 1;
        }
    }
    say(&format!(
        "fault sigkill-ingest: kills at progress (processed + receipts sent, of 1000) {targets:?}; {in_flight_total} receipts in flight in all; {:.1} s",
        elapsed.as_secs_f64()
    ));
    Tally {
        injected: targets.len(),
        survived,
        lost,
        duplicated,
        bound: in_flight_total,
    }
    .report("sigkill-ingest");
}
