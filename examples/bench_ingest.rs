//! Ingest throughput, for `scripts/bench`: puts N complete replies (each
//! with a valid token) into a fresh mailbox on the local Dovecot by IMAP
//! APPEND, times a plain batched IMAP fetch of them (the baseline), then
//! starts `mailsurvey run` and times it until every reply is processed.
//!
//! It reads and polls the store with plain SQL only, so the same program
//! measures an older binary against its own (older) store.
//!
//! ```text
//! bench_ingest BIN SURVEY.toml STATE.db MAILBOX IMAP_PORT CA_FILE N
//! ```
//! The mailbox password comes from `MAILSURVEY_PASSWORD`.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use mailsurvey::survey::{Auth, SecretSource, Security, Server};

const COMPLETE: &str = "1. yes\r\n2. no\r\n3. yes\r\n4. 7\r\n5. a, c\r\n6. no\r\n7. no\r\n8. yes\r\n9. yes\r\n10. We need a regional protocol.\r\n";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [bin, survey, db, mailbox, port, ca, n] = &args[..] else {
        eprintln!("usage: bench_ingest BIN SURVEY.toml STATE.db MAILBOX IMAP_PORT CA_FILE N");
        std::process::exit(2);
    };
    let n: usize = n.parse().expect("N is a number");
    let (local, domain) = mailbox.split_once('@').expect("MAILBOX is an address");
    let server = Server {
        host: "127.0.0.1".into(),
        port: port.parse().expect("a port"),
        security: Security::StartTls,
        username: mailbox.clone(),
        auth: Auth::Password,
        password: Some(SecretSource::Env("MAILSURVEY_PASSWORD".into())),
        ca_file: Some(ca.into()),
    };

    let people: Vec<(String, String)> = {
        let conn = rusqlite::Connection::open(db).expect("the store opens");
        let mut stmt = conn
            .prepare("SELECT selector || verifier, email FROM recipients ORDER BY id")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    assert!(people.len() >= n, "the store lists {} people", people.len());

    let mut session = mailsurvey::inbox::connect(&server).expect("IMAP login");
    for (i, (token, email)) in people.iter().take(n).enumerate() {
        let reply = format!(
            "From: {email}\r\nTo: {local}+{token}@{domain}\r\nSubject: Re: survey\r\nMessage-ID: <bench.{i}@doctors.test>\r\nDate: Thu, 26 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{COMPLETE}"
        );
        session
            .append("INBOX", reply.as_bytes())
            .finish()
            .expect("APPEND");
    }

    // Baseline: the same messages fetched in batches, read-only.
    let start = Instant::now();
    let mailbox_state = session.examine("INBOX").expect("EXAMINE");
    assert_eq!(mailbox_state.exists as usize, n, "a fresh mailbox");
    let mut fetched = 0;
    let mut first = 1;
    while first <= n {
        let last = (first + 499).min(n);
        fetched += session
            .fetch(format!("{first}:{last}"), "(UID INTERNALDATE BODY.PEEK[])")
            .expect("FETCH")
            .len();
        first = last + 1;
    }
    let fetch = start.elapsed();
    assert_eq!(fetched, n);
    let _ = session.logout();

    let start = Instant::now();
    let mut daemon = Command::new(bin)
        .args(["run", "--survey", survey])
        .stdout(Stdio::null())
        // BENCH_INGEST_LOG=FILE keeps the daemon's log, to see where the
        // time goes.
        .stderr(match std::env::var_os("BENCH_INGEST_LOG") {
            Some(path) => Stdio::from(std::fs::File::create(path).expect("the log file")),
            None => Stdio::null(),
        })
        .spawn()
        .expect("the daemon starts");
    let conn = rusqlite::Connection::open(db).expect("the store opens");
    let deadline = start + Duration::from_secs(600);
    let done = loop {
        let processed: i64 = conn
            .query_row(
                "SELECT COUNT(*) FROM messages WHERE state != 'new'",
                [],
                |r| r.get(0),
            )
            .unwrap_or(0);
        if processed as usize >= n {
            break start.elapsed();
        }
        assert!(Instant::now() < deadline, "not done in 10 minutes");
        std::thread::sleep(Duration::from_millis(20));
    };
    // And until every receipt has gone to the sink: what the doctors see.
    let receipts = loop {
        let sent: i64 = conn
            .query_row(
                "SELECT COUNT(*) FROM outbox WHERE kind = 'receipt' AND state = 'sent'",
                [],
                |r| r.get(0),
            )
            .unwrap_or(0);
        if sent as usize >= n {
            break Some(start.elapsed());
        }
        if Instant::now() >= deadline {
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let _ = daemon.kill();
    let _ = daemon.wait();
    let answers: i64 = conn
        .query_row("SELECT COUNT(*) FROM answers WHERE current = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    let rate = |d: Duration| n as f64 / d.as_secs_f64();
    println!(
        "  mailsurvey run   {:8.0} messages/s ({n} in {:.2} s, from start to the last processed; {answers} answers recorded)",
        rate(done),
        done.as_secs_f64()
    );
    match receipts {
        Some(all) => println!(
            "  receipts         all {n} sent {:.2} s from start",
            all.as_secs_f64()
        ),
        None => println!("  receipts         not all sent in 10 minutes"),
    }
    println!(
        "  IMAP fetch       {:8.0} messages/s (baseline: the same {n} fetched in batches of 500, nothing stored)",
        rate(fetch)
    );
}
