//! Folder names the server's way, and servers that lack what ours offers,
//! through the real binary against stacks of the tests' own
//! (`scripts/mailstack up` with an option each): Dovecot's default Maildir
//! layout (separator `.`), every folder under `INBOX.` (Courier's and some
//! Cyrus set-ups' namespace), and a server without UIDPLUS. The folders
//! stay written as paths in the survey file (`Umfrage/Rückläufer`); the
//! server's names are written out literally here, not computed by the code
//! under test.
//!
//! Ports: stacks on 28000, 29000 and 30000 (this engineer's range).

use std::time::Duration;

use crate::support::*;
use mailsurvey::store::{MailKind, MailState};

const COMPLETE: &str = "1. yes\n2. no\n3. yes\n4. 7\n5. a, c\n6. no\n7. no\n8. yes\n9. yes\n10. We need a regional protocol.";

/// The survey's folders, with a processed folder outside ASCII.
fn folders(processed: &str) -> Setting<'static> {
    (
        "replies",
        "folders",
        format!(
            "{{ processed = {}, unmatched = \"Survey/Unmatched\", auto_replies = \"Survey/Auto-replies\", bounces = \"Survey/Bounces\", quarantine = \"Survey/Quarantine\" }}",
            toml_string(processed)
        ),
    )
}

/// A message from someone not on the list, with no token: unmatched.
fn stranger(to: &str) -> Vec<u8> {
    format!(
        "From: stranger@elsewhere.test\r\nTo: {to}\r\nSubject: hello\r\nMessage-ID: <{}.stranger@elsewhere.test>\r\nDate: Thu, 26 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nIs this the survey?\r\n",
        rand::random::<u64>()
    )
    .into_bytes()
}

/// `mailsurvey check` passes and its output contains each of `expected`.
fn check_says(fixture: &Fixture, expected: &[&str]) {
    let out = fixture.mailsurvey(&["check"]);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "check failed:\n{text}");
    for each in expected {
        assert!(text.contains(each), "check does not say {each:?}:\n{text}");
    }
}

/// A reply read, answered and filed, and an unmatched message filed, on a
/// stack whose folders the server names `processed` and `unmatched`. The
/// daemon, still running, is returned.
fn reply_and_stranger_filed(
    stack: &Stack,
    fixture: &Fixture,
    processed: &str,
    unmatched: &str,
) -> Daemon {
    let (rows, daemon) = fixture.invite_first(2, Duration::from_secs(90));
    fixture.reply_and_wait_recorded(&rows[0].1, COMPLETE, 10);
    stack.deliver(
        "stranger@elsewhere.test",
        &fixture.sender,
        &stranger(&fixture.sender),
    );
    fixture.wait_until(
        Duration::from_secs(60),
        "the reply answered and both messages filed by the server's names",
        || {
            fixture
                .outbox_states(MailKind::Receipt)
                .get(&MailState::Sent)
                == Some(&1)
                && stack.maildir_count(&fixture.sender) == 0
                && stack.messages_in(&fixture.sender, processed) == 1
                && stack.messages_in(&fixture.sender, unmatched) == 1
        },
    );
    let log = fixture.log();
    assert!(
        !log.contains("cannot create the folder") && !log.contains("the server refus"),
        "no folder refused:\n{log}"
    );
    daemon
}

/// Dovecot's default Maildir layout, separator `.`: the case, where
/// every folder was refused with "Name must not have '/' characters". A
/// non-ASCII folder goes in modified UTF-7. `check` names the separator.
/// While the daemon waits in IDLE, another client flags and moves mail out
/// of the INBOX (unsolicited FETCH and EXPUNGE): the daemon goes on.
#[test]
fn folders_named_with_dovecots_default_separator() {
    let own = Stack::own_with(28000, &["--dovecot-default-layout"]);
    let stack = &own.stack;
    let fixture = Fixture::new(
        stack,
        &[
            ("replies", "poll_interval", toml_string("2s")),
            folders("Umfrage/Rückläufer"),
        ],
    );
    check_says(
        &fixture,
        &[
            "separator '.'",
            "personal namespace \"\" (no prefix)",
            "Umfrage/Rückläufer as Umfrage.R&APw-ckl&AOQ-ufer",
            "Survey/Unmatched as Survey.Unmatched",
        ],
    );
    let _daemon = reply_and_stranger_filed(
        stack,
        &fixture,
        "Umfrage.R&APw-ckl&AOQ-ufer",
        "Survey.Unmatched",
    );

    // Another client at work in the same INBOX while the daemon idles:
    // each of its messages flagged, then moved away (FETCH and EXPUNGE
    // announced to the daemon's IDLE). Then a reply still goes through.
    let mut other = mailsurvey::inbox::connect(&stack.imap(&fixture.sender)).unwrap();
    other.create("Elsewhere").unwrap();
    for n in 0..5 {
        other
            .append(
                "INBOX",
                format!(
                    "From: colleague@survey.test\r\nSubject: note {n}\r\nMessage-ID: <note{n}.{}@survey.test>\r\n\r\nA note.\r\n",
                    fixture.tag
                )
                .as_bytes(),
            )
            .finish()
            .unwrap();
        other.select("INBOX").unwrap();
        let uids: Vec<u32> = other.uid_search("ALL").unwrap().into_iter().collect();
        if !uids.is_empty() {
            let set = uids
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(",");
            let _ = other.uid_store(&set, "+FLAGS (\\Flagged)");
            let _ = other.uid_mv(&set, "Elsewhere");
        }
        std::thread::sleep(Duration::from_millis(300));
    }
    let _ = other.logout();
    let (_, second) = fixture.recipients()[1].clone();
    fixture.reply_and_wait_recorded(&second, COMPLETE, 10);
    fixture.wait_until(
        Duration::from_secs(60),
        "the second reply filed beside the first",
        || {
            stack.messages_in(&fixture.sender, "Umfrage.R&APw-ckl&AOQ-ufer") == 2
                && stack.maildir_count(&fixture.sender) == 0
        },
    );
    let log = fixture.log();
    assert!(
        !log.contains("connection lost"),
        "another client's changes did not break the session:\n{log}"
    );
}

/// Every folder under `INBOX.` (Courier, some Cyrus set-ups): the daemon
/// reads NAMESPACE and creates `INBOX.Survey.Processed`; `check` names
/// the prefix.
#[test]
fn folders_named_under_the_servers_personal_namespace() {
    let own = Stack::own_with(29000, &["--inbox-namespace"]);
    let stack = &own.stack;
    let fixture = Fixture::new(
        stack,
        &[
            ("replies", "poll_interval", toml_string("2s")),
            folders("Survey/Processed"),
        ],
    );
    check_says(
        &fixture,
        &[
            "separator '.'",
            "personal namespace \"INBOX.\"",
            "Survey/Processed as INBOX.Survey.Processed",
        ],
    );
    let _daemon = reply_and_stranger_filed(
        stack,
        &fixture,
        "INBOX.Survey.Processed",
        "INBOX.Survey.Unmatched",
    );
}

/// A server without UIDPLUS (nor MOVE, nor IDLE): no UID EXPUNGE, and never
/// a plain EXPUNGE, which would remove another client's `\Deleted` mail in
/// the shared INBOX. The reply is read, answered and copied to its folder;
/// the copy in the INBOX stays flagged, and `status` says so; the other
/// client's deleted message is still there.
#[test]
fn without_uidplus_copies_stay_flagged_and_nothing_else_is_expunged() {
    let own = Stack::own_with(30000, &["--no-uidplus"]);
    let stack = &own.stack;
    let fixture = Fixture::new(
        stack,
        &[
            ("replies", "poll_interval", toml_string("1s")),
            folders("Survey/Processed"),
        ],
    );
    check_says(&fixture, &["the server lacks", "UIDPLUS", "IDLE", "MOVE"]);
    // Another client's message, flagged \Deleted, waiting for its own
    // expunge; appended before the daemon first reads, and read as unmatched.
    let mut other = mailsurvey::inbox::connect(&stack.imap(&fixture.sender)).unwrap();
    let marker = format!("<theirs.{}@survey.test>", fixture.tag);
    other
        .append(
            "INBOX",
            format!(
                "From: colleague@survey.test\r\nSubject: mine\r\nMessage-ID: {marker}\r\n\r\nNot for the survey.\r\n"
            )
            .as_bytes(),
        )
        .flag(imap::types::Flag::Deleted)
        .finish()
        .unwrap();
    let _ = other.logout();
    let (rows, _daemon) = fixture.invite_first(1, Duration::from_secs(90));
    fixture.reply_and_wait_recorded(&rows[0].1, COMPLETE, 10);
    fixture.wait_until(
        Duration::from_secs(60),
        "the reply answered, copied to its folder, and status saying why it stays flagged",
        || {
            let status = fixture.mailsurvey(&["status"]);
            let text = String::from_utf8_lossy(&status.stdout).into_owned();
            fixture
                .outbox_states(MailKind::Receipt)
                .get(&MailState::Sent)
                == Some(&1)
                && stack.messages_in(&fixture.sender, "Survey/Processed") == 1
                && text.contains("no UIDPLUS")
                && text.contains("flagged \\Deleted")
        },
    );
    let inbox = stack.inbox(&fixture.sender);
    assert!(
        inbox
            .iter()
            .any(|m| String::from_utf8_lossy(m).contains(&marker)),
        "the other client's deleted message was not expunged"
    );
    let log = fixture.log();
    assert!(
        log.contains("no UIDPLUS") && log.contains("idle=false"),
        "the log says what the server lacks:\n{log}"
    );
}
