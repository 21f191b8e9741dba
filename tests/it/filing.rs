//! Filing processed messages to their folders, through the real binary and
//! the real Dovecot, with the fault-injecting IMAP proxy
//! (`faults/imap_proxy.rs`) answering `NO` in the server's place: moves
//! refused for a while (the whole folder, then one message), a folder that
//! cannot be created, a reading thread that dies. Mail is read, processed
//! and answered throughout; `status` says what waits and why, in the
//! server's words, and the problem clears once filing works again.
//!
//! Ports: the proxies listen on 16010-16039; the test without MOVE runs a
//! stack of its own on 21000-21099 and its proxy on 21100.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::faults::Tally;
use crate::faults::imap_proxy::{ImapProxy, Plan, Refuse};
use crate::faults::ingesting::deliver_all;
use crate::faults::reading::{PROCESSED, count, read_through, replies};
use crate::support::*;

/// `mailsurvey status` (text) and `status --json`.
fn status(fixture: &Fixture) -> (String, serde_json::Value) {
    let text = fixture.mailsurvey(&["status"]);
    assert!(text.status.success(), "status failed");
    let json = fixture.mailsurvey(&["status", "--json"]);
    assert!(json.status.success(), "status --json failed");
    (
        String::from_utf8_lossy(&text.stdout).into_owned(),
        serde_json::from_slice(&json.stdout).expect("status --json is JSON"),
    )
}

/// The filing problem `status --json` shows, if any.
fn filing_problem(json: &serde_json::Value) -> Option<String> {
    json["health"]
        .as_array()?
        .iter()
        .find(|n| n["part"] == "filing")
        .and_then(|n| n["problem"].as_str())
        .map(str::to_owned)
}

/// The UIDs in `address`'s INBOX, straight from Dovecot.
fn inbox_uids(stack: &Stack, address: &str) -> Vec<u32> {
    let mut session = mailsurvey::inbox::connect(&stack.imap(address)).unwrap();
    session.select("INBOX").unwrap();
    let mut uids: Vec<u32> = session.uid_search("ALL").unwrap().into_iter().collect();
    let _ = session.logout();
    uids.sort_unstable();
    uids
}

fn db(fixture: &Fixture) -> PathBuf {
    fixture.dir.path().join("state.db")
}

#[test]
fn refused_moves_are_reported_with_the_servers_words_retried_and_cleared() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[("replies", "poll_interval", toml_string("2s"))]);
    let (rows, mut daemon) = fixture.invite_first(6, Duration::from_secs(60));
    daemon.kill();
    let words = "[SERVERBUG] Moving mail is switched off for maintenance (fault injected)";
    let proxy = ImapProxy::start(
        16010,
        stack.port("MAILSTACK_IMAP_PORT"),
        Plan {
            refuse: vec![
                Refuse {
                    command: "UID MOVE",
                    containing: None,
                    answer: words.into(),
                },
                Refuse {
                    command: "UID COPY",
                    containing: None,
                    answer: words.into(),
                },
            ],
            ..Plan::default()
        },
    );
    read_through(&fixture, proxy.port);
    let sid = fixture.survey_id();
    let mail = replies(&fixture, &rows);
    let _daemon = fixture.start_daemon();

    // 1. The server refuses every move: replies are still read, processed
    // and answered, and `status` says why they wait, in its words.
    deliver_all(&stack, &mail[..3]);
    fixture.wait_until(
        Duration::from_secs(60),
        "3 replies processed and answered while moves are refused",
        || count(&db(&fixture), PROCESSED, &sid) >= 3 && fixture.receipts_sent() >= 3,
    );
    fixture.wait_until(
        Duration::from_secs(30),
        "status shows the refusal in the server's words",
        || {
            let (text, json) = status(&fixture);
            text.contains("PROBLEM filing")
                && text.contains("Moving mail is switched off")
                && filing_problem(&json).is_some_and(|p| {
                    p.contains("Survey/Processed") && p.contains("Moving mail is switched off")
                })
        },
    );
    assert!(proxy.count("imap-refused") > 0);
    assert_eq!(
        stack.maildir_count(&fixture.sender),
        3,
        "the 3 wait in the INBOX"
    );

    // 2. The server takes single moves but refuses batches, and refuses
    // one message whatever: the others are filed one by one, that one
    // waits and is named.
    let uids = inbox_uids(&stack, &fixture.sender);
    assert_eq!(uids.len(), 3);
    let bad = uids[0];
    let one_words = "[LIMIT] This message cannot be moved (fault injected)";
    proxy.refuse(vec![
        Refuse {
            command: "UID MOVE",
            containing: Some(format!("MOVE {bad} ")),
            answer: one_words.into(),
        },
        Refuse {
            command: "UID MOVE",
            containing: Some(":".into()),
            answer: words.into(),
        },
        Refuse {
            command: "UID MOVE",
            containing: Some(",".into()),
            answer: words.into(),
        },
    ]);
    deliver_all(&stack, &mail[3..6]);
    fixture.wait_until(
        Duration::from_secs(90),
        "6 replies answered, all but the refused one filed",
        || {
            fixture.receipts_sent() >= 6
                && stack.maildir_count(&fixture.sender) == 1
                && stack.folder_count(&fixture.sender, "Survey/Processed") == 5
        },
    );
    fixture.wait_until(
        Duration::from_secs(30),
        "status names the one refused message",
        || {
            let (text, _) = status(&fixture);
            text.contains("refused to move 1 message(s) to Survey/Processed")
                && text.contains("This message cannot be moved")
        },
    );
    assert_eq!(inbox_uids(&stack, &fixture.sender), [bad]);
    assert!(
        fixture.log().contains("filing its messages one by one"),
        "a refused batch fell back to single moves:\n{}",
        fixture.log()
    );

    // 3. The refusal ends: everything reaches its folder and the problem
    // clears from `status`.
    proxy.refuse(Vec::new());
    fixture.wait_until(
        Duration::from_secs(60),
        "the INBOX empty and the problem cleared",
        || {
            stack.maildir_count(&fixture.sender) == 0
                && stack.folder_count(&fixture.sender, "Survey/Processed") == 6
                && {
                    let (text, json) = status(&fixture);
                    !text.contains("PROBLEM filing") && filing_problem(&json).is_none()
                }
        },
    );
    assert_eq!(fixture.store().status(&sid).unwrap().respondents, 6);
    assert_eq!(fixture.receipts_sent(), 6, "each reply answered once");
    // Every refusal was survived: all read, answered once, filed.
    let refused = proxy.count("imap-refused");
    Tally {
        injected: refused,
        survived: refused,
        ..Tally::default()
    }
    .report("imap-move-refused");
}

/// A server without MOVE (`scripts/mailstack up --basic-imap`, a stack of
/// the test's own): batches go as UID COPY, flag `\Deleted`, UID EXPUNGE.
/// When the server refuses a batch COPY, its messages are moved one by
/// one, so the one message it refuses alone holds back no other; `status`
/// names that refusal in the server's words; once the refusal ends the
/// INBOX empties and the problem clears.
///
/// Ports: the stack 21000-21099, the proxy 21100 (this engineer's range).
#[test]
fn without_move_a_refused_batch_copy_is_filed_one_by_one() {
    let own = Stack::own_with(21000, &["--basic-imap"]);
    let stack = &own.stack;
    let fixture = Fixture::new(stack, &[("replies", "poll_interval", toml_string("1s"))]);
    let (rows, mut daemon) = fixture.invite_first(6, Duration::from_secs(60));
    daemon.kill();
    let words = "[SERVERBUG] Copying mail is switched off for maintenance (fault injected)";
    let refuse_copy = |containing: Option<String>, answer: &str| Refuse {
        command: "UID COPY",
        containing,
        answer: answer.into(),
    };
    // 1. Every COPY refused while the replies are read: they wait, read,
    // processed and answered, in the INBOX.
    let proxy = ImapProxy::start(
        21100,
        stack.port("MAILSTACK_IMAP_PORT"),
        Plan {
            refuse: vec![refuse_copy(None, words)],
            ..Plan::default()
        },
    );
    read_through(&fixture, proxy.port);
    let sid = fixture.survey_id();
    let mail = replies(&fixture, &rows);
    let _daemon = fixture.start_daemon();
    deliver_all(stack, &mail[..4]);
    fixture.wait_until(
        Duration::from_secs(60),
        "4 replies processed and answered while copies are refused",
        || count(&db(&fixture), PROCESSED, &sid) >= 4 && fixture.receipts_sent() >= 4,
    );
    fixture.wait_until(
        Duration::from_secs(30),
        "status shows the folder's refusal in the server's words",
        || {
            filing_problem(&status(&fixture).1).is_some_and(|p| {
                p.contains("Survey/Processed") && p.contains("Copying mail is switched off")
            })
        },
    );
    let uids = inbox_uids(stack, &fixture.sender);
    assert_eq!(uids.len(), 4, "the 4 wait in the INBOX");

    // 2. Batches refused (a UID set with `:` or `,`), and one message
    // refused whatever: the other three go one by one, that one waits.
    let bad = uids[1];
    let one_words = "[LIMIT] This message cannot be copied (fault injected)";
    proxy.refuse(vec![
        refuse_copy(Some(format!("COPY {bad} ")), one_words),
        refuse_copy(Some(":".into()), words),
        refuse_copy(Some(",".into()), words),
    ]);
    fixture.wait_until(
        Duration::from_secs(60),
        "all but the refused message filed",
        || {
            stack.maildir_count(&fixture.sender) == 1
                && stack.folder_count(&fixture.sender, "Survey/Processed") == 3
        },
    );
    fixture.wait_until(
        Duration::from_secs(30),
        "status names the one refused message in the server's words",
        || {
            let (text, json) = status(&fixture);
            text.contains("refused to move 1 message(s) to Survey/Processed")
                && text.contains("This message cannot be copied")
                && filing_problem(&json)
                    .is_some_and(|p| p.contains("This message cannot be copied"))
        },
    );
    assert_eq!(inbox_uids(stack, &fixture.sender), [bad]);
    let log = fixture.log();
    assert!(
        log.contains("idle=false"),
        "the server offered no IDLE:\n{log}"
    );
    assert!(
        log.contains("filing its messages one by one"),
        "a refused batch fell back to single moves:\n{log}"
    );

    // 3. The refusal ends: the INBOX empties and the problem clears.
    proxy.refuse(Vec::new());
    fixture.wait_until(
        Duration::from_secs(60),
        "the INBOX empty and the problem cleared",
        || {
            stack.maildir_count(&fixture.sender) == 0
                && stack.folder_count(&fixture.sender, "Survey/Processed") == 4
                && {
                    let (text, json) = status(&fixture);
                    !text.contains("PROBLEM filing") && filing_problem(&json).is_none()
                }
        },
    );
    // Without MOVE, every filing went as COPY + flag + UID EXPUNGE.
    let sent = proxy.commands_by_name();
    let n = |name: &str| sent.get(name).copied().unwrap_or(0);
    assert_eq!(n("UID MOVE"), 0, "no MOVE on a server without it: {sent:?}");
    assert!(
        n("UID COPY") >= 4 && n("UID STORE") >= 4 && n("UID EXPUNGE") >= 4,
        "each message filed by COPY, flag and EXPUNGE: {sent:?}"
    );

    // 4. Copies taken but their expunge refused: the messages wait,
    // flagged, and are not copied again on each later round; once the
    // expunge is allowed the INBOX empties with one copy of each filed.
    proxy.refuse(vec![Refuse {
        command: "UID EXPUNGE",
        containing: None,
        answer: "[SERVERBUG] Expunging is switched off (fault injected)".into(),
    }]);
    let copies_before = proxy
        .commands_by_name()
        .get("UID COPY")
        .copied()
        .unwrap_or(0);
    let refused_before = proxy.count("imap-refused");
    let expunge_refusals = || proxy.count("imap-refused") - refused_before;
    deliver_all(stack, &mail[4..]);
    fixture.wait_until(
        Duration::from_secs(60),
        "2 more replies processed, their copies taken and their expunge refused 3 times",
        || {
            count(&db(&fixture), PROCESSED, &sid) >= 6
                && fixture.receipts_sent() >= 6
                && expunge_refusals() >= 3
        },
    );
    assert_eq!(stack.maildir_count(&fixture.sender), 2, "the 2 wait");
    proxy.refuse(Vec::new());
    fixture.wait_until(Duration::from_secs(60), "the INBOX empty again", || {
        stack.maildir_count(&fixture.sender) == 0
    });
    assert_eq!(
        stack.folder_count(&fixture.sender, "Survey/Processed"),
        6,
        "one copy of each message filed, however often the expunge was refused"
    );
    let copies = proxy
        .commands_by_name()
        .get("UID COPY")
        .copied()
        .unwrap_or(0)
        - copies_before;
    assert!(
        (1..=2).contains(&copies),
        "the 2 copied once each (one batch, or one each): {copies} COPY commands"
    );
    assert_eq!(fixture.store().status(&sid).unwrap().respondents, 6);
    assert_eq!(fixture.receipts_sent(), 6, "each reply answered once");
    let refused = proxy.count("imap-refused");
    Tally {
        injected: refused,
        survived: refused,
        ..Tally::default()
    }
    .report("imap-copy-refused");
}

/// Replaces `processed = "Survey/Processed"` in the survey file.
fn processed_folder(survey: &Path, folder: &str) {
    let text = std::fs::read_to_string(survey).unwrap();
    assert!(text.contains("processed = \"Survey/Processed\""));
    std::fs::write(
        survey,
        text.replace(
            "processed = \"Survey/Processed\"",
            &format!("processed = \"{folder}\""),
        ),
    )
    .unwrap();
}

#[test]
fn a_folder_that_cannot_be_created_holds_its_mail_until_it_can() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[("replies", "poll_interval", toml_string("2s"))]);
    let (rows, mut daemon) = fixture.invite_first(2, Duration::from_secs(60));
    daemon.kill();
    let folder = "Survey/Answered";
    processed_folder(&fixture.survey, folder);
    let proxy = ImapProxy::start(
        16020,
        stack.port("MAILSTACK_IMAP_PORT"),
        Plan {
            refuse: vec![Refuse {
                command: "CREATE",
                containing: Some(folder.into()),
                answer: "[NOPERM] Permission denied to create mailboxes (fault injected)".into(),
            }],
            ..Plan::default()
        },
    );
    read_through(&fixture, proxy.port);
    let sid = fixture.survey_id();
    let mail = replies(&fixture, &rows);
    let _daemon = fixture.start_daemon();
    // Two replies (for the folder that cannot be created) and a stranger's
    // message (unmatched, for a folder that exists).
    deliver_all(&stack, &mail);
    stack.deliver(
        "someone@elsewhere.test",
        &fixture.sender,
        b"From: someone@elsewhere.test\r\nTo: survey@survey.test\r\nSubject: lunch?\r\nMessage-ID: <lunch.1@elsewhere.test>\r\n\r\nAre you free on Friday?\r\n",
    );
    fixture.wait_until(
        Duration::from_secs(60),
        "all 3 processed, the replies answered, the stranger's filed",
        || {
            count(&db(&fixture), PROCESSED, &sid) >= 3
                && fixture.receipts_sent() >= 2
                && stack.folder_count(&fixture.sender, "Survey/Unmatched") == 1
        },
    );
    let file = fixture.survey.display().to_string();
    fixture.wait_until(
        Duration::from_secs(30),
        "status names the folder, the server's words and the fix",
        || {
            let (text, json) = status(&fixture);
            text.contains(&format!("cannot create folder {folder}"))
                && text.contains("Permission denied to create mailboxes")
                && text.contains(&format!(
                    "create folder {folder} on the server, or change [replies.folders] in {file}"
                ))
                && filing_problem(&json).is_some_and(|p| p.contains("2 message(s) for it wait"))
        },
    );
    assert_eq!(
        stack.maildir_count(&fixture.sender),
        2,
        "the replies wait in the INBOX"
    );
    // `status` over a directory of surveys says it too: the survey is
    // unwell, and why.
    let dir = Command::new(BIN)
        .args(["status", "--survey"])
        .arg(fixture.dir.path())
        .env("MAILSURVEY_PASSWORD", stack.password())
        .output()
        .unwrap();
    let dir = String::from_utf8_lossy(&dir.stdout);
    assert!(
        dir.contains("[UNWELL]")
            && dir.contains("filing (since")
            && dir.contains(&format!("cannot create folder {folder}")),
        "status over the directory:\n{dir}"
    );

    // The server lets the folder be created: the daemon creates it on a
    // later round and files what waited.
    proxy.refuse(Vec::new());
    fixture.wait_until(
        Duration::from_secs(60),
        "the folder created, the replies filed, the problem cleared",
        || {
            stack.maildir_count(&fixture.sender) == 0
                && stack.folder_count(&fixture.sender, folder) == 2
                && filing_problem(&status(&fixture).1).is_none()
        },
    );
    assert!(fixture.log().contains("the folder exists now"));
    let refused = proxy.count("imap-refused");
    Tally {
        injected: refused,
        survived: refused,
        ..Tally::default()
    }
    .report("imap-create-refused");
}

#[test]
fn a_dead_reading_thread_is_started_again_and_mail_is_still_read() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[("replies", "poll_interval", toml_string("2s"))]);
    let (rows, mut daemon) = fixture.invite_first(2, Duration::from_secs(60));
    daemon.kill();
    let sid = fixture.survey_id();
    let mail = replies(&fixture, &rows);
    // The reading thread panics once, right after it stored the first
    // reply (tests/faults.md: inbox-panic).
    let log = std::fs::OpenOptions::new()
        .append(true)
        .open(fixture.dir.path().join("daemon.log"))
        .unwrap();
    let _daemon = Daemon {
        child: fixture
            .command(&["run"])
            .env("MAILSURVEY_FAULT", "inbox-panic-once")
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap(),
    };
    deliver_all(&stack, &mail[..1]);
    fixture.wait_until(
        Duration::from_secs(60),
        "the daemon notices the dead thread",
        || {
            fixture
                .log()
                .contains("the reading thread died; started it again")
        },
    );
    assert!(
        fixture.log().contains("inbox-panic-once"),
        "the cause logged"
    );
    // A reply sent after the death is read by the new thread.
    deliver_all(&stack, &mail[1..]);
    fixture.wait_until(
        Duration::from_secs(60),
        "both replies processed, answered and filed",
        || {
            count(&db(&fixture), PROCESSED, &sid) >= 2
                && fixture.receipts_sent() == 2
                && stack.maildir_count(&fixture.sender) == 0
        },
    );
    assert_eq!(fixture.store().status(&sid).unwrap().respondents, 2);
    assert_eq!(
        fixture.log().matches("the reading thread died").count(),
        1,
        "it died once"
    );
    Tally {
        injected: 1,
        survived: 1,
        ..Tally::default()
    }
    .report("inbox-panic");
}

/// A child process killed when dropped.
struct Killed(std::process::Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The figures of the daemon's "messages filed" log lines: (messages,
/// commands, milliseconds), summed.
fn filed_figures(log: &str) -> (usize, usize, u64) {
    let field = |line: &str, name: &str| -> u64 {
        line.split_whitespace()
            .find_map(|w| w.strip_prefix(&format!("{name}=")))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    log.lines()
        .filter(|l| l.contains("inbox: messages filed"))
        .fold((0, 0, 0), |(m, c, t), l| {
            (
                m + field(l, "filed") as usize,
                c + field(l, "commands") as usize,
                t + field(l, "ms"),
            )
        })
}

/// How many IMAP commands and how long filing N processed messages takes,
/// through the real binary: N replies wait processed in the INBOX while
/// the proxy refuses every move; then moves are allowed and the commands
/// the daemon sends until the INBOX is empty are counted by the proxy.
/// `MAILSURVEY_BIN` runs another build (an older one, for a before
/// figure); `MAILSURVEY_FILING_N` sets N (2000). Not part of CI:
///
/// ```sh
/// cargo test --test it filing_measured -- --ignored --nocapture
/// ```
#[test]
#[ignore = "a measurement (about 2 minutes), run by hand"]
fn filing_measured() {
    let n: usize = std::env::var("MAILSURVEY_FILING_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    let bin = std::env::var("MAILSURVEY_BIN").unwrap_or_else(|_| BIN.to_owned());
    let stack = Stack::shared();
    let fixture = Fixture::new(
        &stack,
        &[
            ("replies", "poll_interval", toml_string("2s")),
            ("period", "open", toml_string(&local_time(3600))),
        ],
    );
    let rows: Vec<(String, String)> = (1..=n)
        .map(|i| {
            (
                format!("Dr Filing {i}"),
                format!("dr{i}.{}@bench.test", fixture.tag),
            )
        })
        .collect();
    fixture.write_recipients(&rows);
    let out = fixture.mailsurvey(&["preview", "--recipient", &rows[0].1]);
    assert!(out.status.success(), "preview: {out:?}");
    let sink_port = 16050;
    let _sink = Killed(
        std::process::Command::new("smtp-sink")
            .args(["-u", "nobody", &format!("127.0.0.1:{sink_port}"), "256"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("smtp-sink (postfix) runs"),
    );
    // The survey's mail goes to an `smtp-sink` of the test's own, in plain
    // SMTP without a login, as to a fault proxy.
    crate::faults::through_proxy(&fixture, crate::faults::Proxied::Smtp, sink_port);
    let refuse_all = vec![Refuse {
        command: "UID MOVE",
        containing: None,
        answer: "[SERVERBUG] not yet (measurement)".into(),
    }];
    let proxy = ImapProxy::start(
        16030,
        stack.port("MAILSTACK_IMAP_PORT"),
        Plan {
            refuse: refuse_all,
            ..Plan::default()
        },
    );
    read_through(&fixture, proxy.port);
    // The replies, appended straight to Dovecot.
    let tokens: Vec<String> = {
        let conn = rusqlite::Connection::open(db(&fixture)).unwrap();
        let mut stmt = conn
            .prepare("SELECT selector || verifier FROM recipients ORDER BY id")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    assert_eq!(tokens.len(), n);
    let _ = stack.inbox(&fixture.sender);
    let mut session = mailsurvey::inbox::connect(&stack.imap(&fixture.sender)).unwrap();
    let (local, domain) = fixture.sender.split_once('@').unwrap();
    for (i, ((_, email), token)) in rows.iter().zip(&tokens).enumerate() {
        let reply = format!(
            "From: {email}\r\nTo: {local}+{token}@{domain}\r\nSubject: Re: survey\r\nMessage-ID: <filing.{i}.{}@doctors.test>\r\nDate: Thu, 26 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{}\r\n",
            fixture.tag,
            crate::faults::reading::COMPLETE
        );
        session
            .append("INBOX", reply.as_bytes())
            .finish()
            .expect("APPEND");
    }
    let _ = session.logout();
    let log = std::fs::File::create(fixture.dir.path().join("daemon.log")).unwrap();
    let _daemon = Daemon {
        child: std::process::Command::new(&bin)
            .args(["run", "--survey"])
            .arg(&fixture.survey)
            .env("MAILSURVEY_PASSWORD", stack.password())
            .env("MAILSURVEY_LOG", "info,rusqlite_migration=warn")
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap(),
    };
    let sid = fixture.survey_id();
    fixture.wait_until(
        Duration::from_secs(900),
        &format!("{n} replies processed"),
        || count(&db(&fixture), PROCESSED, &sid) >= n,
    );
    assert_eq!(stack.maildir_count(&fixture.sender), n, "nothing filed yet");
    let before = proxy.commands_by_name();
    let started = std::time::Instant::now();
    proxy.refuse(Vec::new());
    fixture.wait_until(Duration::from_secs(900), "the INBOX empty", || {
        stack.maildir_count(&fixture.sender) == 0
    });
    let elapsed = started.elapsed();
    let after = proxy.commands_by_name();
    if bin == BIN {
        // The daemon logs its round once the rows are marked filed too.
        fixture.wait_until(
            Duration::from_secs(60),
            "the daemon's log of the filing",
            || filed_figures(&fixture.log()).0 >= n,
        );
    }
    let sent = |name: &str| after.get(name).unwrap_or(&0) - before.get(name).unwrap_or(&0);
    let (filed, commands, ms) = filed_figures(&fixture.log());
    crate::faults::say(&format!(
        "filing {n} processed messages with {bin}: UID MOVE {}, UID COPY {}, UID STORE {}, UID EXPUNGE {}, all commands {} (IDLE and SELECT included); {:.2} s from moves allowed to an empty INBOX (at most one {}s poll of it waiting); daemon's own figure: {filed} filed with {commands} commands in {ms} ms",
        sent("UID MOVE"),
        sent("UID COPY"),
        sent("UID STORE"),
        sent("UID EXPUNGE"),
        after.values().sum::<usize>() - before.values().sum::<usize>(),
        elapsed.as_secs_f64(),
        2
    ));
    assert_eq!(
        stack.folder_count(&fixture.sender, "Survey/Processed"),
        n,
        "every message filed once"
    );
}

/// Issue 18, poison-message containment: a message whose reading runs
/// over its time budget (made slow by the fault hook
/// `MAILSURVEY_FAULT=slow-read`, since no real input is slow once reading
/// is linear) is set aside with the reason, and the reply after it is read
/// and answered.
#[test]
fn a_message_read_too_slowly_is_set_aside_and_the_next_is_answered() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[("replies", "poll_interval", toml_string("2s"))]);
    let (rows, mut daemon) = fixture.invite_first(2, Duration::from_secs(60));
    daemon.kill();
    let sid = fixture.survey_id();
    let mut mail = replies(&fixture, &rows);
    let slow = String::from_utf8(mail[0].2.clone()).unwrap().replacen(
        "Subject: ",
        "Subject: slow-read ",
        1,
    );
    mail[0].2 = slow.into_bytes();
    let log = std::fs::OpenOptions::new()
        .append(true)
        .open(fixture.dir.path().join("daemon.log"))
        .unwrap();
    let _daemon = Daemon {
        child: fixture
            .command(&["run"])
            .env("MAILSURVEY_FAULT", "slow-read")
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap(),
    };
    deliver_all(&stack, &mail);
    fixture.wait_until(
        Duration::from_secs(90),
        "the slow message set aside, the other answered",
        || count(&db(&fixture), PROCESSED, &sid) >= 2 && fixture.receipts_sent() == 1,
    );
    let reasons = count(
        &db(&fixture),
        "SELECT count(*) FROM messages WHERE survey_id = ?1 AND state = 'quarantined'
            AND reason = 'took longer than 10 s to read'",
        &sid,
    );
    assert_eq!(reasons, 1, "set aside with the reason");
    assert_eq!(fixture.store().status(&sid).unwrap().respondents, 1);
}
