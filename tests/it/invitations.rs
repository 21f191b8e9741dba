//! Invitations through the real binary and the real mail stack.

use std::collections::{BTreeMap, HashSet};
use std::time::Duration;

use mail_parser::HeaderValue;
use mailsurvey::compose::token::Token;

use crate::support::*;
use mailsurvey::store::{MailKind, MailState};

/// The token in a `survey+TOKEN@domain` address.
fn plus_token(address: &str) -> Option<Token> {
    let local = address.split('@').next()?;
    Token::parse(local.split_once('+')?.1)
}

fn reply_to(message: &mail_parser::Message<'_>) -> String {
    match message.header("Reply-To") {
        Some(HeaderValue::Address(address)) => address
            .first()
            .and_then(|a| a.address())
            .unwrap_or_default()
            .to_owned(),
        _ => String::new(),
    }
}

/// Waits for the daemon to have sent `n` invitations.
fn wait_for_sent(fixture: &Fixture, n: usize, limit: Duration) {
    let what = format!("{n} invitations sent");
    fixture.wait_until(limit, &what, || {
        fixture
            .outbox_states(MailKind::Invitation)
            .get(&MailState::Sent)
            .copied()
            .unwrap_or(0)
            >= n
    });
}

#[test]
fn every_doctor_gets_exactly_one_personal_questionnaire() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[]);
    let mut daemon = fixture.start_daemon();
    wait_for_sent(&fixture, 60, Duration::from_secs(120));
    let everyone = fixture.recipients();
    fixture.wait_delivered(everyone.iter().map(|(_, e)| e.as_str()));
    let status = daemon.terminate();
    assert!(
        status.success(),
        "daemon exit {status:?}\n{}",
        fixture.log()
    );

    let store = fixture.store();
    let mut tokens = HashSet::new();
    for (name, email) in fixture.recipients() {
        let inbox = stack.inbox(&email);
        assert_eq!(inbox.len(), 1, "{email} has {} messages", inbox.len());
        let message = parse(&inbox[0]);
        let text = message.body_text(0).unwrap();
        assert!(
            text.contains(&format!("Dear {name},")),
            "{email}: no greeting by name"
        );
        assert!(text.contains("1. Have you used ketamine to control intractable pain"));
        assert!(text.contains("10. Any other comments? (optional)"));
        let html = message.body_html(0).unwrap();
        assert!(html.contains(&format!("Dear {name},")));
        assert!(html.contains(">Answer:</p>") && !html.contains("<ol"));
        assert_eq!(
            message.header_raw("Auto-Submitted").map(str::trim),
            Some("auto-generated")
        );

        let token = plus_token(&reply_to(&message))
            .unwrap_or_else(|| panic!("{email}: no token in Reply-To"));
        let message_id = message.message_id().unwrap();
        assert_eq!(
            message_id,
            format!("invitation.1.{}@survey.test", token.as_str()),
            "Message-ID carries the same token"
        );
        let unsubscribe = message.header_raw("List-Unsubscribe").unwrap();
        assert!(unsubscribe.contains(&format!("+u.{}@", token.as_str())));
        let owner = store
            .recipient_by_token(&fixture.survey_id(), &token)
            .unwrap()
            .expect("token is known");
        assert_eq!(owner.email, email, "the token belongs to its recipient");
        assert!(tokens.insert(token.as_str().to_owned()), "token reused");
    }
    assert_eq!(tokens.len(), 60);
    // A token that is one character off is nobody's.
    let token = tokens.iter().next().unwrap();
    let mut forged = token.clone().into_bytes();
    let last = forged.len() - 1;
    forged[last] = if forged[last] == b'a' { b'b' } else { b'a' };
    let forged = Token::parse(std::str::from_utf8(&forged).unwrap()).unwrap();
    assert!(
        store
            .recipient_by_token(&fixture.survey_id(), &forged)
            .unwrap()
            .is_none()
    );
}

#[test]
fn sigkill_mid_send_loses_nobody_and_duplicates_only_what_was_in_flight() {
    let stack = Stack::shared();
    // Two connections at 150 messages a minute: the kills land mid-send.
    let fixture = Fixture::new(
        &stack,
        &[
            ("sending", "rate_per_minute", "150".into()),
            ("sending", "max_connections", "2".into()),
        ],
    );
    let recipients = fixture.recipients();
    let delivered = || {
        recipients
            .iter()
            .map(|(_, e)| stack.maildir_count(e))
            .sum::<usize>()
    };
    let mut in_flight_total = 0;
    for target in [10, 30] {
        let mut daemon = fixture.start_daemon();
        fixture.wait_until(
            Duration::from_secs(120),
            &format!("{target} deliveries"),
            || delivered() >= target,
        );
        daemon.kill();
        let in_flight = fixture
            .outbox_states(MailKind::Invitation)
            .get(&MailState::Sending)
            .copied()
            .unwrap_or(0);
        assert!(
            in_flight <= 2,
            "{in_flight} rows in `sending`, more than the connections"
        );
        in_flight_total += in_flight;
    }
    let mut daemon = fixture.start_daemon();
    wait_for_sent(&fixture, 60, Duration::from_secs(180));
    daemon.terminate();
    assert!(fixture.log().contains("go again, with the same Message-ID") || in_flight_total == 0);

    fixture.wait_delivered(recipients.iter().map(|(_, e)| e.as_str()));
    let mut copies: BTreeMap<String, usize> = BTreeMap::new();
    for (_, email) in &recipients {
        let inbox = stack.inbox(email);
        assert!(!inbox.is_empty(), "{email} got no invitation");
        for raw in inbox {
            let id = parse(&raw).message_id().unwrap().to_owned();
            assert!(id.starts_with("invitation.1."), "unexpected message {id}");
            *copies.entry(id).or_default() += 1;
        }
    }
    assert_eq!(copies.len(), 60, "one distinct Message-ID per recipient");
    let duplicates: usize = copies.values().map(|n| n - 1).sum();
    assert!(
        duplicates <= in_flight_total,
        "{duplicates} duplicates, but only {in_flight_total} were in flight at the kills"
    );
}

#[test]
fn a_refused_recipient_is_recorded_and_the_rest_delivered() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[]);
    let mut rows = fixture.recipients()[..5].to_vec();
    let refused = format!("refuse-{}@nhs.test", fixture.tag);
    rows.push(("Dr Refused".into(), refused.clone()));
    fixture.write_recipients(&rows);
    let mut daemon = fixture.start_daemon();
    fixture.wait_until(Duration::from_secs(60), "5 sent and 1 failed", || {
        let states = fixture.outbox_states(MailKind::Invitation);
        states.get(&MailState::Sent) == Some(&5) && states.get(&MailState::Failed) == Some(&1)
    });
    daemon.terminate();
    let status = fixture.mailsurvey(&["status"]);
    let out = String::from_utf8_lossy(&status.stdout);
    assert!(
        out.contains(&refused) && out.contains("550"),
        "status shows the failure: {out}"
    );
    assert!(out.contains("1 attempts"), "a 5xx is not retried: {out}");
    fixture.wait_delivered(rows[..5].iter().map(|(_, e)| e.as_str()));
    for (_, email) in &rows[..5] {
        assert_eq!(stack.inbox(email).len(), 1);
    }
}

#[test]
fn a_temporary_failure_is_retried_until_it_succeeds() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[]);
    let deferred = format!("tempfail-{}@nhs.test", fixture.tag);
    fixture.write_recipients(&[
        ("Dr Busy".into(), deferred.clone()),
        ("Dr Free".into(), format!("free-{}@nhs.test", fixture.tag)),
    ]);
    let mut daemon = fixture.start_daemon();
    fixture.wait_until(Duration::from_secs(90), "both sent", || {
        fixture
            .outbox_states(MailKind::Invitation)
            .get(&MailState::Sent)
            == Some(&2)
    });
    daemon.terminate();
    fixture.wait_delivered([deferred.as_str()]);
    assert_eq!(stack.inbox(&deferred).len(), 1);
    let log = fixture.log();
    assert!(
        log.contains("deferred") && log.contains("450"),
        "the deferrals are logged:\n{log}"
    );
}

#[test]
fn adding_a_row_invites_and_removing_one_stops_mail() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[]);
    let all = fixture.recipients();
    fixture.write_recipients(&all[..3]);
    let mut daemon = fixture.start_daemon();
    wait_for_sent(&fixture, 3, Duration::from_secs(60));
    // Add one, remove one.
    let mut rows = all[1..3].to_vec();
    rows.push(all[3].clone());
    std::thread::sleep(Duration::from_millis(1100)); // a new mtime
    fixture.write_recipients(&rows);
    wait_for_sent(&fixture, 4, Duration::from_secs(60));
    daemon.terminate();
    fixture.wait_delivered([all[3].1.as_str()]);
    assert_eq!(
        stack.inbox(&all[3].1).len(),
        1,
        "the added person is invited"
    );
    let status = fixture.store().status(&fixture.survey_id()).unwrap();
    assert_eq!((status.listed, status.removed), (3, 1));
}

#[test]
fn dry_run_writes_every_email_and_sends_nothing() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[]);
    let out = fixture.dir.path().join("eml");
    let output = fixture.mailsurvey(&["send", "--dry-run", "--out", out.to_str().unwrap()]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let files: Vec<_> = std::fs::read_dir(&out).unwrap().collect();
    assert_eq!(files.len(), 60);
    for (_, email) in fixture.recipients().iter().take(5) {
        assert_eq!(stack.maildir_count(email), 0, "dry run sent to {email}");
    }
    assert!(fixture.outbox_states(MailKind::Invitation).is_empty());

    let (name, email) = fixture.recipients()[7].clone();
    let preview = fixture.mailsurvey(&["preview", "--recipient", &email.to_uppercase()]);
    assert!(preview.status.success());
    let message = parse(&preview.stdout);
    assert!(
        message
            .body_text(0)
            .unwrap()
            .contains(&format!("Dear {name},"))
    );
}
