//! Replies end to end: doctors answer over SMTP, the daemon reads them over
//! IMAP, records answers, files messages and answers the doctors.

use std::time::Duration;

use crate::support::*;
use mailsurvey::store::{MailKind, MailState, MessageKind, Received};

/// A doctor's reply to `invitation`, with `body` above the quoted original.
pub fn reply(invitation: &[u8], from: &str, body: &str) -> Vec<u8> {
    let original = parse(invitation);
    let reply_to = original.header_raw("Reply-To").unwrap().trim().to_owned();
    let message_id = original.message_id().unwrap();
    let quoted: String = original
        .body_text(0)
        .unwrap()
        .lines()
        .map(|l| format!("> {l}\n"))
        .collect();
    format!(
        "From: {from}\r\nTo: {reply_to}\r\nSubject: Re: {}\r\nMessage-ID: <{}.reply@doctors.test>\r\nIn-Reply-To: <{message_id}>\r\nReferences: <{message_id}>\r\nDate: Thu, 26 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n\r\nOn Thu, 26 Nov 2026 at 09:00, Survey wrote:\r\n{}",
        original.subject().unwrap_or_default(),
        rand::random::<u64>(),
        quoted.replace('\n', "\r\n")
    )
    .into_bytes()
}

const COMPLETE: &str = "1. yes\n2. no\n3. yes\n4. 7\n5. a, c\n6. no\n7. no\n8. yes\n9. yes\n10. We need a regional protocol.";
const PARTIAL: &str = "1. yes\n2. yes\n3. no\n5. b\n6. yes\n7. no\n8. no\n9. yes";

fn subjects(stack: &Stack, user: &str) -> Vec<String> {
    stack
        .inbox(user)
        .iter()
        .map(|raw| parse(raw).subject().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn replies_are_read_recorded_filed_and_answered() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[("replies", "poll_interval", toml_string("2s"))]);
    let all = fixture.recipients();
    let mut rows = all[..4].to_vec();
    let bounced = fixture.bouncing_address();
    rows.push(("Dr Gone".into(), bounced.clone()));
    fixture.write_recipients(&rows);
    let mut daemon = fixture.start_daemon();
    fixture.wait_until(Duration::from_secs(60), "5 invitations sent", || {
        fixture
            .outbox_states(MailKind::Invitation)
            .get(&MailState::Sent)
            == Some(&5)
    });
    fixture.wait_delivered(rows[..4].iter().map(|(_, email)| email.as_str()));
    let invitation = |i: usize| stack.inbox(&rows[i].1).remove(0);
    let (complete, partial, stop, ooo) = (&rows[0].1, &rows[1].1, &rows[2].1, &rows[3].1);
    stack.deliver(
        complete,
        &fixture.sender,
        &reply(&invitation(0), complete, COMPLETE),
    );
    stack.deliver(
        partial,
        &fixture.sender,
        &reply(&invitation(1), partial, PARTIAL),
    );
    stack.deliver(
        stop,
        &fixture.sender,
        &reply(&invitation(2), stop, "Please remove me from this list."),
    );
    let mut auto = reply(&invitation(3), ooo, "I am out of the office until Monday.");
    auto.splice(0..0, b"Auto-Submitted: auto-replied\r\n".iter().copied());
    stack.deliver(ooo, &fixture.sender, &auto);
    stack.deliver(
        "stranger@elsewhere.test",
        &fixture.sender,
        b"From: stranger@elsewhere.test\r\nTo: survey@survey.test\r\nSubject: hello\r\nMessage-ID: <x1@elsewhere.test>\r\n\r\n1. yes\r\n2. yes\r\n",
    );

    let store = fixture.store();
    let sid = fixture.survey_id();
    fixture.wait_until(
        Duration::from_secs(60),
        "every message processed and filed",
        || {
            let counts = store.message_counts(&sid).unwrap();
            counts.values().sum::<usize>() >= 6
                && counts.get(&Received::Kind(MessageKind::Bounce)) == Some(&1)
                && stack.messages_in(&fixture.sender, "INBOX") == 0
        },
    );
    fixture.wait_until(Duration::from_secs(60), "follow-ups sent", || {
        [
            MailKind::Receipt,
            MailKind::Clarification,
            MailKind::OptOutConfirmation,
        ]
        .iter()
        .all(|k| fixture.outbox_states(*k).get(&MailState::Sent) == Some(&1))
    });

    // Answers: the complete reply counts in full; the partial one too.
    let answers = store.all_current_answers(&sid).unwrap();
    let person = |email: &str| store.recipient_by_email(&sid, email).unwrap().unwrap();
    let first = &answers[&person(complete).id];
    assert_eq!(first.len(), 10);
    assert_eq!(
        first["confidence"].value,
        Some(mailsurvey::understand::answer::Value::Integer(7))
    );
    assert_eq!(
        first["barriers"].value,
        Some(mailsurvey::understand::answer::Value::Choices(vec![
            "expertise".into(),
            "side_effects".into()
        ]))
    );
    assert!(!answers[&person(partial).id].contains_key("confidence"));
    assert!(
        !answers.contains_key(&person(ooo).id),
        "an auto-reply records nothing"
    );

    // Statuses: opted out, bounced.
    assert_eq!(person(stop).status, "opted_out");
    assert_eq!(person(&bounced).status, "bounced");

    // Folders on the server.
    assert_eq!(stack.messages_in(&fixture.sender, "Survey/Processed"), 3);
    assert_eq!(stack.messages_in(&fixture.sender, "Survey/Auto-replies"), 1);
    assert_eq!(stack.messages_in(&fixture.sender, "Survey/Bounces"), 1);
    assert_eq!(stack.messages_in(&fixture.sender, "Survey/Unmatched"), 1);

    // What the doctors got back.
    let got = |email: &str| subjects(&stack, email);
    assert!(
        got(complete).iter().any(|s| s.starts_with("Thank you")),
        "{:?}",
        got(complete)
    );
    let clarification = stack
        .inbox(partial)
        .into_iter()
        .find(|raw| {
            parse(raw)
                .subject()
                .unwrap_or_default()
                .starts_with("One more thing")
        })
        .expect("a clarification");
    let clarification = parse(&clarification);
    assert_eq!(
        clarification.header_raw("Auto-Submitted").map(str::trim),
        Some("auto-replied")
    );
    let text = clarification.body_text(0).unwrap();
    assert!(text.contains("4. no answer yet"), "{text}");
    assert!(
        text.contains("4. How confident are you in prescribing ketamine?"),
        "{text}"
    );
    assert!(
        !text.contains("1. Have you used ketamine to control"),
        "only what is missing is asked again"
    );
    assert!(
        got(stop)
            .iter()
            .any(|s| s.starts_with("You will get no more mail"))
    );
    assert_eq!(got(ooo).len(), 1, "an auto-reply is never answered");

    // The partial doctor answers the clarification: now complete, receipt.
    let raw = stack
        .inbox(partial)
        .into_iter()
        .find(|raw| {
            parse(raw)
                .subject()
                .unwrap_or_default()
                .starts_with("One more thing")
        })
        .unwrap();
    stack.deliver(partial, &fixture.sender, &reply(&raw, partial, "4. 8"));
    fixture.wait_until(
        Duration::from_secs(60),
        "a receipt for the completed reply",
        || {
            fixture
                .outbox_states(MailKind::Receipt)
                .get(&MailState::Sent)
                == Some(&2)
        },
    );
    let answers = store.all_current_answers(&sid).unwrap();
    assert_eq!(
        answers[&person(partial).id]["confidence"].value,
        Some(mailsurvey::understand::answer::Value::Integer(8))
    );
    assert_eq!(
        answers[&person(partial).id]["end_of_life"].value,
        Some(mailsurvey::understand::answer::Value::Bool(true))
    );
    daemon.terminate();
}

#[test]
fn a_reply_from_another_address_is_held_until_the_lead_decides() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[("replies", "poll_interval", toml_string("2s"))]);
    let (rows, mut daemon) = fixture.invite_first(2, Duration::from_secs(60));
    let colleague = format!("colleague-{}@elsewhere.test", fixture.tag);
    let invitation = stack.inbox(&rows[0].1).remove(0);
    stack.deliver(
        &colleague,
        &fixture.sender,
        &reply(&invitation, &colleague, COMPLETE),
    );
    let body = format!("{COMPLETE}\n\nPlease delete my answers after all, I have changed my mind.");
    fixture.reply_as(&rows[1].1, &body);
    let store = fixture.store();
    let sid = fixture.survey_id();
    fixture.wait_until(Duration::from_secs(60), "both processed", || {
        store
            .message_counts(&sid)
            .unwrap()
            .get(&Received::Kind(MessageKind::Reply))
            == Some(&2)
    });
    daemon.terminate();

    let review = fixture.mailsurvey(&["review"]);
    let listing = String::from_utf8_lossy(&review.stdout).into_owned();
    assert!(
        listing.contains("Held replies (1)") && listing.contains(&colleague),
        "{listing}"
    );
    assert!(listing.contains("withdraw_request"), "{listing}");
    let person = store.recipient_by_email(&sid, &rows[0].1).unwrap().unwrap();
    assert!(
        store.current_answers(person.id).unwrap().is_empty(),
        "nothing counts before the decision"
    );
    let id = store.held(&sid).unwrap()[0].id.to_string();
    let accept = fixture.mailsurvey(&["review", "--accept", &id, "--by", "Dr Lead"]);
    assert!(
        accept.status.success(),
        "{}",
        String::from_utf8_lossy(&accept.stderr)
    );
    assert_eq!(store.current_answers(person.id).unwrap().len(), 10);
    assert_eq!(store.status(&sid).unwrap().different_sender, 1);

    // A deletion request with the token from the listed address sets the
    // answers aside at once (issue 18, finding 7); `withdraw` deletes them.
    let other = store.recipient_by_email(&sid, &rows[1].1).unwrap().unwrap();
    assert!(store.current_answers(other.id).unwrap().is_empty());
    assert!(
        listing.contains("Answers set aside at the person's request (1)"),
        "{listing}"
    );
    let withdraw = fixture.mailsurvey(&["withdraw", "--recipient", &rows[1].1, "--by", "Dr Lead"]);
    assert!(
        String::from_utf8_lossy(&withdraw.stdout).contains("10 answers"),
        "{withdraw:?}"
    );
    assert!(store.current_answers(other.id).unwrap().is_empty());
    let after = String::from_utf8_lossy(&fixture.mailsurvey(&["review"]).stdout).into_owned();
    assert!(
        !after.contains("withdraw_request")
            && after.contains("Held replies (0)")
            && !after.contains("Answers set aside at the person's request"),
        "{after}"
    );
    assert!(
        after.contains("Dr Lead: reply accepted") && after.contains("Dr Lead: answers deleted"),
        "decisions are listed with who made them: {after}"
    );
}

#[test]
fn sigkill_during_ingestion_loses_nothing_and_counts_nothing_twice() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[("replies", "poll_interval", toml_string("1s"))]);
    let (rows, mut daemon) = fixture.invite_first(20, Duration::from_secs(60));
    daemon.kill();
    // The replies arrive while the daemon is down.
    for (_, email) in &rows {
        fixture.reply_as(email, COMPLETE);
    }
    let sid = fixture.survey_id();
    // Kill it again and again, at different points of its work.
    let kills = 8;
    for i in 0..kills {
        let mut daemon = fixture.start_daemon();
        std::thread::sleep(Duration::from_millis(150 + 90 * i));
        daemon.kill();
    }
    let mut daemon = fixture.start_daemon();
    let store = fixture.store();
    // A reply that two of the kills caught while it was being read is set
    // aside unread (a message that keeps stopping the daemon must not stop
    // it forever): stored, not lost, and the lead retries it as `review`
    // says. Which reply that is, if any, depends on where the kills land.
    fixture.wait_until(
        Duration::from_secs(90),
        "every reply processed or set aside",
        || {
            let counts = store.message_counts(&sid).unwrap();
            counts
                .get(&Received::Kind(MessageKind::Reply))
                .unwrap_or(&0)
                + counts.get(&Received::Failed).unwrap_or(&0)
                == 20
        },
    );
    for failed in store.failed_messages(&sid).unwrap() {
        assert!(failed.reason.contains("stopped"), "{failed:?}");
        let retried = fixture.mailsurvey(&["review", "--retry", &failed.id.to_string()]);
        assert!(
            retried.status.success(),
            "{}",
            String::from_utf8_lossy(&retried.stderr)
        );
    }
    fixture.wait_until(
        Duration::from_secs(90),
        "all replies processed, filed and receipted",
        || {
            store
                .message_counts(&sid)
                .unwrap()
                .get(&Received::Kind(MessageKind::Reply))
                == Some(&20)
                && stack.messages_in(&fixture.sender, "INBOX") == 0
                && fixture
                    .outbox_states(MailKind::Receipt)
                    .get(&MailState::Sent)
                    == Some(&20)
        },
    );
    daemon.terminate();
    assert_eq!(store.status(&sid).unwrap().respondents, 20);
    // Each reply filed once: a retried one stays where it was set aside.
    assert_eq!(
        stack.messages_in(&fixture.sender, "Survey/Processed")
            + stack.messages_in(&fixture.sender, "Survey/Quarantine"),
        20
    );
    let mut duplicates = 0;
    for (_, email) in &rows {
        let person = store.recipient_by_email(&sid, email).unwrap().unwrap();
        assert_eq!(
            store.current_answers(person.id).unwrap().len(),
            10,
            "{email}"
        );
        let receipts: Vec<String> = stack
            .inbox(email)
            .iter()
            .map(|raw| parse(raw).message_id().unwrap_or_default().to_owned())
            .filter(|id| id.starts_with("receipt."))
            .collect();
        let distinct: std::collections::HashSet<_> = receipts.iter().collect();
        assert_eq!(distinct.len(), 1, "{email} has receipts {receipts:?}");
        duplicates += receipts.len() - 1;
    }
    assert!(
        duplicates <= kills as usize * 4,
        "{duplicates} duplicate receipts"
    );
}

#[test]
fn the_daemon_recovers_by_itself_when_dovecot_restarts() {
    let own = Stack::own(14000);
    let stack = &own.stack;
    let fixture = Fixture::new(stack, &[("replies", "poll_interval", toml_string("2s"))]);
    let (rows, mut daemon) = fixture.invite_first(2, Duration::from_secs(60));
    fixture.reply_as(&rows[0].1, COMPLETE);
    let store = fixture.store();
    let sid = fixture.survey_id();
    fixture.wait_until(Duration::from_secs(30), "the first reply", || {
        store.status(&sid).unwrap().respondents == 1
    });
    // Stop Dovecot under the daemon's feet, wait, start it again.
    let pid = std::fs::read_to_string(stack.dir.join("dovecot/run/master.pid")).unwrap();
    // The master and every process it started (the IMAP session too).
    let stopped = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("pkill -KILL -P {0}; kill -KILL {0}", pid.trim()))
        .status()
        .unwrap();
    assert!(stopped.success());
    stack.wait_dovecot_gone(&pid, Duration::from_secs(30));
    // The daemon noticed while Dovecot was down, not only after.
    fixture.wait_until(Duration::from_secs(30), "the daemon to notice", || {
        fixture.log().contains("inbox: connection lost or refused")
    });
    let invitation_two = {
        // Read the second invitation from the maildir, since IMAP is down.
        let dir = stack.dir.join("mail");
        let (user, domain) = rows[1].1.split_once('@').unwrap();
        let new = dir.join(domain).join(user).join("new");
        let file = std::fs::read_dir(&new)
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        std::fs::read(file).unwrap()
    };
    let up = std::process::Command::new(format!("{ROOT}/scripts/mailstack"))
        .args(["up", "--dir"])
        .arg(&stack.dir)
        .args(["--port-base", "14000"])
        .status()
        .unwrap();
    assert!(up.success());
    stack.deliver(
        &rows[1].1,
        &fixture.sender,
        &reply(&invitation_two, &rows[1].1, COMPLETE),
    );
    fixture.wait_until(
        Duration::from_secs(90),
        "the second reply, after the restart",
        || store.status(&sid).unwrap().respondents == 2,
    );
    daemon.terminate();
    assert!(
        fixture.log().contains("inbox: connection lost or refused"),
        "{}",
        fixture.log()
    );
}

#[test]
fn an_oversized_message_is_stored_and_quarantined_unread() {
    let stack = Stack::shared();
    let fixture = Fixture::new(
        &stack,
        &[
            ("replies", "poll_interval", toml_string("2s")),
            ("replies", "max_message_mb", "1".into()),
        ],
    );
    let (rows, mut daemon) = fixture.invite_first(1, Duration::from_secs(60));
    let invitation = stack.inbox(&rows[0].1).remove(0);
    let padding = "x".repeat(76);
    let big = format!(
        "{COMPLETE}\n\n{}",
        vec![padding.as_str(); 20_000].join("\n")
    );
    stack.deliver(
        &rows[0].1,
        &fixture.sender,
        &reply(&invitation, &rows[0].1, &big),
    );
    let store = fixture.store();
    let sid = fixture.survey_id();
    fixture.wait_until(Duration::from_secs(60), "the big message filed", || {
        stack.messages_in(&fixture.sender, "Survey/Quarantine") == 1
    });
    daemon.terminate();
    let messages = store.messages(&sid).unwrap();
    assert_eq!(messages.len(), 1);
    assert!(
        messages[0]
            .reason
            .as_deref()
            .unwrap_or_default()
            .contains("over the limit"),
        "{messages:?}"
    );
    // Never fetched whole: its headers and its size are what is kept.
    let kept = store.raw_message(messages[0].id).unwrap();
    assert!(
        kept.len() < 16 * 1024 && String::from_utf8_lossy(&kept).contains("Subject:"),
        "headers only, {} bytes",
        kept.len()
    );
    assert!(
        messages[0]
            .reason
            .as_deref()
            .unwrap_or_default()
            .contains("headers stored"),
        "{messages:?}"
    );
    assert_eq!(
        store.status(&sid).unwrap().respondents,
        0,
        "not read, not counted"
    );
}

#[test]
fn without_idle_and_move_the_daemon_polls_and_files_by_copy_and_expunge() {
    let own = Stack::own_with(15000, &["--basic-imap"]);
    let stack = &own.stack;
    let fixture = Fixture::new(stack, &[("replies", "poll_interval", toml_string("1s"))]);
    let (rows, mut daemon) = fixture.invite_first(2, Duration::from_secs(60));
    for (_, email) in &rows {
        fixture.reply_as(email, COMPLETE);
    }
    let store = fixture.store();
    let sid = fixture.survey_id();
    fixture.wait_until(
        Duration::from_secs(60),
        "both replies read and filed",
        || {
            store.status(&sid).unwrap().respondents == 2
                && stack.messages_in(&fixture.sender, "Survey/Processed") == 2
                && stack.messages_in(&fixture.sender, "INBOX") == 0
        },
    );
    daemon.terminate();
    assert!(
        fixture.log().contains("idle=false"),
        "the server offered no IDLE:\n{}",
        fixture.log()
    );
}

/// Processing never waits for sending: with the account paced at 2 mails
/// a minute, replies that arrive while the daemon is still sending the
/// receipts of earlier ones are processed (answers recorded, receipts
/// queued) within seconds, and the receipts go at the account's pace, one
/// per doctor. Before, each turn sent every due receipt before it read
/// more mail, so these replies waited a minute for the pace.
#[test]
fn replies_are_processed_while_receipts_wait_for_the_sending_pace() {
    let stack = Stack::shared();
    // The survey opens in an hour: no invitations, so the receipts are the
    // only mail and the pace alone decides when they go.
    let fixture = Fixture::new(
        &stack,
        &[
            ("sending", "rate_per_minute", "2".into()),
            ("period", "open", toml_string(&local_time(3600))),
            ("replies", "poll_interval", toml_string("2s")),
        ],
    );
    let rows = fixture.recipients()[..8].to_vec();
    fixture.write_recipients(&rows);
    let mut daemon = fixture.start_daemon();
    let store = fixture.store();
    let sid = fixture.survey_id();
    fixture.wait_until(Duration::from_secs(30), "the list read", || {
        store.recipients(&sid).is_ok_and(|r| r.len() == 8)
    });
    let survey = mailsurvey::survey::Survey::load(&fixture.survey).unwrap();
    let people = store.recipients(&sid).unwrap();
    let answer = |i: usize| {
        let person = &people[i];
        let message = format!(
            "From: {from}\r\nTo: {to}\r\nSubject: Re: survey\r\nMessage-ID: <{tag}.{i}@doctors.test>\r\nDate: Thu, 26 Nov 2026 10:00:00 +0000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{COMPLETE}\r\n",
            from = person.email,
            to = survey.sender.plus_address(person.token.as_str()),
            tag = fixture.tag,
        );
        stack.deliver(&person.email, &fixture.sender, message.as_bytes());
    };
    let processed = || store.message_counts(&sid).unwrap().values().sum::<usize>();
    let respondents = || store.status(&sid).unwrap().respondents;
    let receipts = |state: MailState| {
        fixture
            .outbox_states(MailKind::Receipt)
            .get(&state)
            .copied()
            .unwrap_or(0)
    };

    for i in 0..3 {
        answer(i);
    }
    fixture.wait_until(Duration::from_secs(60), "3 replies processed", || {
        respondents() == 3
    });
    // One receipt every 30 s: the first within 30 s of the daemon's first
    // round of sending, the next two 30 and 60 s after it.
    // (A receipt the server took is marked sent with the next claim, after
    // the next tick of the pace: until then it shows as sending.)
    let handed_over = || receipts(MailState::Sent) + receipts(MailState::Sending);
    fixture.wait_until(Duration::from_secs(60), "the first receipt sent", || {
        handed_over() >= 1
    });
    let start = std::time::Instant::now();
    for i in 3..8 {
        answer(i);
    }
    fixture.wait_until(
        Duration::from_secs(20),
        "5 more replies processed while receipts wait for the pace",
        || processed() == 8 && respondents() == 8,
    );
    let took = start.elapsed();
    let sent = handed_over();
    assert!(
        sent < 8,
        "all 8 receipts sent within {took:?}: the pace did not hold"
    );
    // One receipt per doctor, queued, none failed.
    let states = fixture.outbox_states(MailKind::Receipt);
    assert_eq!(states.values().sum::<usize>(), 8, "{states:?}");
    assert_eq!(receipts(MailState::Failed), 0, "{states:?}");
    eprintln!("8 processed {took:?} after the last 5 arrived, with {sent} receipt(s) sent");
    daemon.kill();
}
