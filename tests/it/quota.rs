//! The daily quota through the real binary: `[sending] daily_limit` per
//! `quota_window` (a minute here, a day in production), counted from the
//! store across a restart.

use std::collections::BTreeMap;
use std::time::Duration;

use jiff::Timestamp;

use crate::support::*;

#[test]
fn fifty_invitations_at_twenty_a_minute_go_in_three_windows_nobody_twice() {
    let stack = Stack::shared();
    let fixture = Fixture::new(
        &stack,
        &[
            ("sending", "daily_limit", "20".into()),
            ("sending", "quota_window", toml_string("1m")),
        ],
    );
    let rows = fixture.recipients()[..50].to_vec();
    fixture.write_recipients(&rows);

    // The first window, then a restart: what the quota counted is read
    // back from the store, not forgotten.
    let mut daemon = fixture.start_daemon();
    fixture.wait_until(Duration::from_secs(60), "20 invitations sent", || {
        fixture.invitations_sent() >= 20
    });
    daemon.terminate();
    let status = fixture.mailsurvey(&["status"]);
    let out = String::from_utf8_lossy(&status.stdout);
    assert!(
        out.contains("quota: 20 of 20 sent in the last 1m; 30 invitations and reminders waiting, the last expected at"),
        "status shows the quota: {out}"
    );
    let mut daemon = fixture.start_daemon();
    fixture.wait_until(Duration::from_secs(170), "50 invitations sent", || {
        fixture.invitations_sent() == 50
    });
    daemon.terminate();

    // From the outbox: no more than 20 in any minute, three minutes' worth.
    let sent = fixture
        .store()
        .sent_since(&fixture.survey_id(), Timestamp::UNIX_EPOCH, 1)
        .unwrap();
    assert_eq!(sent.len(), 50, "one row sent per recipient");
    for &start in &sent {
        let in_window = sent
            .iter()
            .filter(|&&s| s >= start && s < start + 60)
            .count();
        assert!(
            in_window <= 20,
            "{in_window} sent in the minute from {start}: {sent:?}"
        );
    }
    assert!(
        sent[49] - sent[0] >= 120,
        "50 at 20 a minute take three windows: {sent:?}"
    );

    // From the delivered mail: everybody once.
    fixture.wait_delivered(rows.iter().map(|(_, e)| e.as_str()));
    let mut copies: BTreeMap<String, usize> = BTreeMap::new();
    for (_, email) in &rows {
        let inbox = stack.inbox(email);
        assert_eq!(inbox.len(), 1, "{email} got {} messages", inbox.len());
        let id = parse(&inbox[0]).message_id().unwrap().to_owned();
        *copies.entry(id).or_default() += 1;
    }
    assert_eq!(copies.len(), 50, "one distinct invitation per recipient");
}

#[test]
fn validate_warns_when_the_invitations_cannot_fit_before_the_close() {
    let stack = Stack::shared();
    // A day's period, 60 recipients, 20 a day: three days' sending.
    let fixture = Fixture::new(&stack, &[("sending", "daily_limit", "20".into())]);
    let out = fixture.mailsurvey(&["validate"]);
    assert!(out.status.success(), "a warning is not a failure");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning: 60 invitations and 0 reminder round(s) are 60 messages")
            && err.contains("daily_limit = 20 per 24h")
            && err.contains("after the close"),
        "{err}"
    );
    let fits = Fixture::new(&stack, &[("sending", "daily_limit", "60".into())]);
    let out = fits.mailsurvey(&["validate"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("daily_limit"), "{err}");
}
