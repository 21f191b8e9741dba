//! Several surveys in one daemon (`run --survey DIR`): each with its own
//! recipients, tokens, period and report; two of them sharing one mailbox,
//! read once and routed by token; a broken file never stops the others;
//! `status` over the directory says which one is unwell and why.

use std::path::Path;
use std::process::Stdio;
use std::str::FromStr;
use std::time::Duration;

use crate::support::*;
use mailsurvey::store::{MailKind, MailState, MessageKind, Received};

const COMPLETE: &str =
    "1. yes\n2. no\n3. yes\n4. 7\n5. a, c\n6. no\n7. no\n8. yes\n9. yes\n10. A regional protocol.";

/// `{ env = "VAR" }`, a password read from the environment.
fn toml_string_inline(var: &str) -> String {
    format!("{{ env = {} }}", toml_string(var))
}

/// Starts `mailsurvey run --survey DIR`, logging to `log`.
fn run_directory(stack: &Stack, dir: &Path, log: &Path) -> Daemon {
    let log = std::fs::File::create(log).unwrap();
    let child = std::process::Command::new(BIN)
        .args(["run", "--survey"])
        .arg(dir)
        .env("MAILSURVEY_PASSWORD", stack.password())
        .env("MAILSURVEY_WRONG_PASSWORD", "not-the-password")
        .env("MAILSURVEY_LOG", "info,rusqlite_migration=warn")
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .unwrap();
    Daemon { child }
}

/// A second survey with `settings` that reads and sends through `a`'s
/// mailbox and SMTP account.
fn sharing_mailbox_of(a: &Fixture, settings: &[Setting<'_>]) -> Fixture {
    let mailbox = toml_string(&a.sender);
    let mut shared = settings.to_vec();
    shared.extend([
        ("sender", "address", mailbox.clone()),
        ("smtp", "username", mailbox.clone()),
        ("imap", "username", mailbox),
    ]);
    Fixture::new(&a.stack, &shared)
}

/// A survey directory holding `a`'s and `b`'s survey files, for
/// `run --survey DIR`.
fn directory_of(a: &Fixture, b: &Fixture) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(&a.survey, dir.path().join("a.toml")).unwrap();
    std::fs::copy(&b.survey, dir.path().join("b.toml")).unwrap();
    dir
}

#[test]
fn surveys_in_one_daemon_two_sharing_a_mailbox_one_broken_one_refused() {
    let stack = Stack::shared();
    // Both close 40 s from now, so that their reports go out in the test.
    let close = local_time(40);
    // Two a second: both send through one SMTP account, whose limit they
    // share.
    let settings = [
        ("period", "close", toml_string(&close)),
        ("replies", "poll_interval", toml_string("2s")),
        ("sending", "rate_per_minute", "120".into()),
    ];
    let a = Fixture::new(&stack, &settings);
    // B reads and sends through A's mailbox and account.
    let b = sharing_mailbox_of(&a, &settings);
    let a_rows = a.recipients()[..2].to_vec();
    let b_rows = b.recipients()[2..4].to_vec();
    a.write_recipients(&a_rows);
    b.write_recipients(&b_rows);

    let dir = directory_of(&a, &b);
    let broken = std::fs::read_to_string(&a.survey)
        .unwrap()
        .replace(&a.survey_id(), "broken-survey")
        .replace("[period]", "[period");
    std::fs::write(dir.path().join("c.toml"), broken).unwrap();
    // A fourth whose logins are refused: reported, retried, harmless.
    let wrong = toml_string_inline("MAILSURVEY_WRONG_PASSWORD");
    let d = Fixture::new(
        &stack,
        &[
            ("smtp", "password", wrong.clone()),
            ("imap", "password", wrong),
        ],
    );
    std::fs::copy(&d.survey, dir.path().join("d.toml")).unwrap();
    let log = dir.path().join("daemon.log");
    let mut daemon = run_directory(&stack, dir.path(), &log);
    let log_text = || std::fs::read_to_string(&log).unwrap_or_default();

    for (fixture, rows) in [(&a, &a_rows), (&b, &b_rows)] {
        fixture.wait_until(Duration::from_secs(60), "the invitations sent", || {
            fixture
                .outbox_states(MailKind::Invitation)
                .get(&MailState::Sent)
                == Some(&2)
        });
        fixture.wait_delivered(rows.iter().map(|(_, e)| e.as_str()));
    }
    assert!(
        log_text().contains("c.toml") && log_text().contains("survey file not loaded"),
        "{}",
        log_text()
    );

    // The account's pace is shared: the four invitations of both surveys
    // went out one after another, about half a second apart, not two at
    // a time.
    let mut sent_at: Vec<f64> = log_text()
        .lines()
        .filter(|l| l.contains(" sent ") && l.contains("kind=invitation"))
        .filter_map(|l| {
            let time = jiff::Timestamp::from_str(l.split_whitespace().next()?).ok()?;
            Some(time.as_millisecond() as f64 / 1000.0)
        })
        .collect();
    sent_at.sort_by(f64::total_cmp);
    assert_eq!(sent_at.len(), 4, "{}", log_text());
    let gaps: Vec<f64> = sent_at.windows(2).map(|w| w[1] - w[0]).collect();
    eprintln!("gaps between invitations through the shared account: {gaps:?}");
    assert!(
        gaps.iter().all(|g| *g > 0.3),
        "invitations through one account closer than its pace allows: {gaps:?}"
    );
    assert!(
        log_text().contains("one reader for a shared mailbox"),
        "{}",
        log_text()
    );

    // Every doctor answers their own survey, into the one mailbox; and a
    // stranger writes to it without a token.
    for rows in [&a_rows, &b_rows] {
        for (_, email) in rows {
            a.reply_as(email, COMPLETE);
        }
    }
    stack.deliver(
        "stranger@elsewhere.test",
        &a.sender,
        format!(
            "From: stranger@elsewhere.test\r\nTo: {}\r\nSubject: audit?\r\nMessage-ID: <s1.{}@elsewhere.test>\r\n\r\n1. yes\r\n",
            a.sender, a.tag
        )
        .as_bytes(),
    );
    for fixture in [&a, &b] {
        let store = fixture.store();
        let id = fixture.survey_id();
        wait_until(Duration::from_secs(60), "both replies counted", || {
            store.status(&id).unwrap().respondents == 2
        });
    }

    // `status` over the directory: two well, one broken, with why.
    let output = std::process::Command::new(BIN)
        .args(["status", "--json", "--survey"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let surveys = json["surveys"].as_array().unwrap();
    assert_eq!(surveys.len(), 4, "{json:#}");
    for (i, fixture) in [&a, &b].iter().enumerate() {
        let s = &surveys[i];
        assert_eq!(s["id"], fixture.survey_id(), "{s:#}");
        assert_eq!(s["health"], "ok", "{s:#}");
        assert_eq!(s["counts"]["invited"], 2, "{s:#}");
        assert_eq!(s["counts"]["replied_complete"], 2, "{s:#}");
        assert!(s["next"].as_str().unwrap().starts_with("closes "), "{s:#}");
    }
    let c = &surveys[2];
    assert_eq!(c["health"], "broken", "{c:#}");
    assert!(
        c["problems"][0].as_str().unwrap().contains("does not load"),
        "{c:#}"
    );
    let d_status = &surveys[3];
    assert_eq!(d_status["id"], d.survey_id(), "{d_status:#}");
    assert_eq!(d_status["health"], "unwell", "{d_status:#}");
    let problems = d_status["problems"].to_string();
    assert!(
        problems.contains("IMAP") && problems.contains("refused the login"),
        "{d_status:#}"
    );
    assert!(
        problems.contains("survey") && problems.contains("SMTP server"),
        "{d_status:#}"
    );
    assert!(
        !problems.contains("not-the-password"),
        "no secret in status"
    );
    let text = std::process::Command::new(BIN)
        .args(["status", "--survey"])
        .arg(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("4 surveys, 2 with problems")
            && text.contains("[BROKEN]")
            && text.contains("[UNWELL]"),
        "{text}"
    );

    // Both close and send their reports, each to its own lead, each
    // counting only its own doctors.
    for (fixture, rows) in [(&a, &a_rows), (&b, &b_rows)] {
        let lead = format!("lead-{}@survey.test", fixture.tag);
        fixture.wait_until(Duration::from_secs(90), "the report delivered", || {
            stack.maildir_count(&lead) > 0
        });
        let report = stack.inbox(&lead).remove(0);
        let text = String::from_utf8_lossy(&report);
        assert!(
            text.contains(&format!("<report.{}@", fixture.survey_id())),
            "the report of this survey"
        );
        let store = fixture.store();
        let id = fixture.survey_id();
        assert_eq!(store.status(&id).unwrap().respondents, 2);
        // Its own two replies, and the stranger's message (offered to both,
        // counted by neither); never the other survey's replies.
        let messages = store.messages(&id).unwrap();
        assert_eq!(messages.len(), 3, "{messages:#?}");
        let own: Vec<&str> = rows.iter().map(|(_, e)| e.as_str()).collect();
        for message in &messages {
            let sender = message.sender.clone().unwrap_or_default();
            match &message.recipient {
                // Matched: one of its own doctors, by the token.
                Some(recipient) => {
                    assert!(own.contains(&recipient.as_str()), "{message:#?}");
                    assert_eq!(recipient, &sender, "{message:#?}");
                }
                None => assert_eq!(sender, "stranger@elsewhere.test", "{message:#?}"),
            }
        }
        assert_eq!(
            messages.iter().filter(|m| m.recipient.is_some()).count(),
            2,
            "{messages:#?}"
        );
    }
    // One mailbox: four replies filed as processed, the stranger's once as
    // unmatched, nothing left behind.
    a.wait_until(Duration::from_secs(30), "every message filed", || {
        stack.messages_in(&a.sender, "Survey/Processed") == 4
            && stack.messages_in(&a.sender, "Survey/Unmatched") == 1
            && stack.messages_in(&a.sender, "INBOX") == 0
    });
    assert_eq!(daemon.terminate().code(), Some(0), "{}", log_text());
}

/// Two surveys sharing a mailbox (issue 10's routing): a reply without a
/// token from a doctor listed in both belongs to neither (unmatched in
/// each, no confirmation email to the doctor); a real Postfix bounce that
/// carries only one survey's VERP key (the report parser is off) goes to
/// that survey alone, attributed there, and is nowhere in the other.
#[test]
fn shared_mailbox_routes_a_doubly_listed_sender_to_neither_and_a_bounce_by_its_key() {
    let stack = Stack::shared();
    let settings = [
        ("replies", "poll_interval", toml_string("2s")),
        ("sending", "read_bounce_reports", "false".into()),
    ];
    let a = Fixture::new(&stack, &settings);
    let b = sharing_mailbox_of(&a, &settings);
    let both = a.recipients()[0].clone();
    let gone = a.bouncing_address();
    a.write_recipients(&[both.clone(), ("Dr Gone".into(), gone.clone())]);
    b.write_recipients(std::slice::from_ref(&both));

    let dir = directory_of(&a, &b);
    let log = dir.path().join("daemon.log");
    let mut daemon = run_directory(&stack, dir.path(), &log);
    let log_text = || std::fs::read_to_string(&log).unwrap_or_default();
    let (a_store, a_id) = (a.store(), a.survey_id());
    let (b_store, b_id) = (b.store(), b.survey_id());

    // A's invitation to the bouncing address comes back to its VERP
    // address: A's bounce, attributed to that person by the key alone.
    wait_until(Duration::from_secs(90), "A's bounce processed", || {
        a_store
            .message_counts(&a_id)
            .unwrap()
            .get(&Received::Kind(MessageKind::Bounce))
            == Some(&1)
    });
    let bounce = a_store
        .messages(&a_id)
        .unwrap()
        .into_iter()
        .find(|m| m.kind == Some(mailsurvey::store::MessageKind::Bounce))
        .unwrap();
    assert_eq!(
        bounce.matched_by,
        Some(mailsurvey::store::MatchedBy::Verp),
        "{bounce:?}"
    );
    assert_eq!(bounce.recipient.as_deref(), Some(gone.as_str()));
    assert_eq!(
        a_store
            .recipient_by_email(&a_id, &gone)
            .unwrap()
            .unwrap()
            .status,
        "bounced"
    );

    // The doctor listed in both has both invitations, and answers without
    // a token.
    wait_until(
        Duration::from_secs(60),
        "both invitations delivered",
        || stack.maildir_count(&both.1) == 2,
    );
    stack.deliver(
        &both.1,
        &a.sender,
        format!(
            "From: {0}\r\nTo: {1}\r\nSubject: my answers\r\nMessage-ID: <nt.{2}@nhs.test>\r\n\r\n{COMPLETE}\r\n",
            both.1, a.sender, a.tag
        )
        .as_bytes(),
    );
    for (store, id) in [(&a_store, &a_id), (&b_store, &b_id)] {
        wait_until(Duration::from_secs(60), "the reply processed", || {
            store
                .messages(id)
                .unwrap()
                .iter()
                .any(|m| m.sender.as_deref() == Some(both.1.as_str()) && m.kind.is_some())
        });
        let reply = store
            .messages(id)
            .unwrap()
            .into_iter()
            .find(|m| m.sender.as_deref() == Some(both.1.as_str()))
            .unwrap();
        assert_eq!(reply.recipient, None, "unmatched in {id}: {reply:?}");
        assert_eq!(reply.decision, None, "not held in {id}: {reply:?}");
        assert!(
            reply
                .reason
                .as_deref()
                .unwrap_or_default()
                .contains("listed in several surveys"),
            "{reply:?}"
        );
        assert_eq!(store.status(id).unwrap().respondents, 0);
        let confirmations = store
            .status(id)
            .unwrap()
            .outbox
            .get(&MailKind::Confirmation)
            .cloned()
            .unwrap_or_default();
        assert!(confirmations.is_empty(), "{id}: {confirmations:?}");
    }
    // Shown once, as unmatched; the doctor got nothing but the invitations.
    wait_until(Duration::from_secs(30), "the reply filed", || {
        stack.messages_in(&a.sender, "Survey/Unmatched") == 1
    });
    assert_eq!(stack.maildir_count(&both.1), 2, "no confirmation mailed");
    // The bounce is in A's store only; B has the reply and nothing else.
    let b_messages = b_store.messages(&b_id).unwrap();
    assert_eq!(b_messages.len(), 1, "{b_messages:#?}");
    assert_eq!(a_store.messages(&a_id).unwrap().len(), 2);
    assert_eq!(daemon.terminate().code(), Some(0), "{}", log_text());
}

/// Issue 23: two surveys of one daemon sending through one SMTP account
/// share its daily quota (10 a minute here), counted from both stores
/// across a restart within the window: 16 invitations go in two windows,
/// never more than 10 in any minute over both surveys, nobody twice.
#[test]
fn surveys_on_one_account_share_its_daily_quota_across_a_restart() {
    let stack = Stack::shared();
    let settings = [
        ("sending", "daily_limit", "10".into()),
        ("sending", "quota_window", toml_string("1m")),
    ];
    let a = Fixture::new(&stack, &settings);
    let b = sharing_mailbox_of(&a, &settings);
    let a_rows = a.recipients()[..8].to_vec();
    let b_rows = b.recipients()[8..16].to_vec();
    a.write_recipients(&a_rows);
    b.write_recipients(&b_rows);
    let dir = directory_of(&a, &b);
    let log = dir.path().join("daemon.log");
    let both = || a.invitations_sent() + b.invitations_sent();

    // The first window, then a restart within it: the quota's count is
    // read back from both stores before either survey sends.
    let mut daemon = run_directory(&stack, dir.path(), &log);
    wait_until(Duration::from_secs(60), "10 invitations sent", || {
        both() >= 10
    });
    daemon.terminate();
    assert_eq!(both(), 10, "the account's quota, not each survey's");
    let mut daemon = run_directory(&stack, dir.path(), &log);
    wait_until(Duration::from_secs(170), "16 invitations sent", || {
        both() == 16
    });
    daemon.terminate();

    let mut sent = Vec::new();
    for fixture in [&a, &b] {
        sent.extend(
            fixture
                .store()
                .sent_since(&fixture.survey_id(), jiff::Timestamp::UNIX_EPOCH, 1)
                .unwrap(),
        );
    }
    sent.sort_unstable();
    assert_eq!(sent.len(), 16);
    for &start in &sent {
        let in_window = sent
            .iter()
            .filter(|&&s| s >= start && s < start + 60)
            .count();
        assert!(
            in_window <= 10,
            "{in_window} in the minute from {start}: {sent:?}"
        );
    }
    assert!(sent[15] - sent[0] >= 60, "two windows: {sent:?}");
    for (_, email) in a_rows.iter().chain(&b_rows) {
        a.wait_delivered([email.as_str()]);
        assert_eq!(stack.inbox(email).len(), 1, "{email}");
    }
}

/// Issue 23: Exchange's `554 5.2.0 ... SubmissionQuotaExceededException`
/// in the session pauses the account, not only the survey whose message
/// it refused: the other survey sending through it sends nothing either,
/// nothing is failed, and `status` says why. (One connection on the
/// account: the refusal is the only message the server ever sees.)
#[test]
fn a_submission_quota_refused_in_one_survey_pauses_every_survey_on_the_account() {
    let stack = Stack::shared();
    let settings = [
        ("sending", "max_connections", "1".into()),
        ("replies", "poll_interval", toml_string("2s")),
    ];
    let a = Fixture::new(&stack, &settings);
    let b = sharing_mailbox_of(&a, &settings);
    let refusal = "554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; Failed to process message due to a permanent exception (fault injected)";
    let proxy = crate::faults::smtp_proxied(
        &stack,
        &a,
        6102,
        crate::faults::smtp_proxy::Plan {
            // Every message: the account's quota is used up.
            refuse_data: vec![(String::new(), refusal.into())],
            ..Default::default()
        },
    );
    crate::faults::through_proxy(&b, crate::faults::Proxied::Smtp, proxy.port);
    a.write_recipients(&a.recipients()[..2]);
    b.write_recipients(&b.recipients()[2..5]);
    let dir = directory_of(&a, &b);
    let log = dir.path().join("daemon.log");
    let mut daemon = run_directory(&stack, dir.path(), &log);
    let log_text = || std::fs::read_to_string(&log).unwrap_or_default();
    let paused = |f: &Fixture| f.store().status(&f.survey_id()).unwrap().sending_limits;
    wait_until(Duration::from_secs(60), "one survey paused", || {
        paused(&a) + paused(&b) == 1
    });
    // Both surveys' rounds ended on the account's pause.
    wait_until(Duration::from_secs(60), "both rounds paused", || {
        let text = log_text();
        [a.survey_id(), b.survey_id()].iter().all(|id| {
            text.lines().any(|l| {
                l.contains("sending paused: the provider refused the account")
                    && l.contains(id.as_str())
            })
        })
    });
    daemon.terminate();
    assert_eq!(proxy.injected().len(), 1, "{:?}", proxy.injected());
    for (f, n) in [(&a, 2), (&b, 3)] {
        assert_eq!(
            f.outbox_states(MailKind::Invitation)
                .get(&MailState::Pending),
            Some(&n),
            "{:?}",
            f.outbox_states(MailKind::Invitation)
        );
    }
    let refused = if paused(&a) == 1 { &a } else { &b };
    let out = refused.mailsurvey(&["status"]);
    let out = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.contains("sending paused 1 time(s)")
            && out.contains("554): 5.2.0 STOREDRV.Submission.Exception"),
        "{out}"
    );
}
