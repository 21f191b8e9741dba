//! `report --send` goes through the outbox like every other email: queued
//! with its own VERP key, retried after a refusal (by the command's round
//! or later by the daemon), shown by `status`, and delivered once.

use std::time::Duration;

use super::smtp_proxy::Plan;
use super::{maildir_messages, message_id, retrying_fast, smtp_proxied};
use crate::support::*;
use mailsurvey::store::{MailKind, MailState};

#[test]
fn fault_report_send_refused_then_accepted_arrives_once() {
    let stack = Stack::shared();
    let fixture = retrying_fast(&stack);
    // The server refuses the command's attempt (451 to MAIL) and the
    // daemon's first, then accepts.
    let proxy = smtp_proxied(
        &stack,
        &fixture,
        22030,
        Plan {
            mail_451: 2,
            ..Plan::default()
        },
    );
    let rows = fixture.recipients()[..1].to_vec();
    fixture.write_recipients(&rows);
    let lead = format!("lead-{}@survey.test", fixture.tag);
    let out = fixture.dir.path().join("report");

    let made = fixture.mailsurvey(&["report", "--send", "--out", out.to_str().unwrap()]);
    let said = String::from_utf8_lossy(&made.stdout);
    assert!(
        made.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&made.stderr)
    );
    assert!(said.contains("queued for"), "{said}");
    assert!(said.contains("451"), "the refusal is said: {said}");
    assert_eq!(
        fixture
            .outbox_states(MailKind::RequestedReport)
            .get(&MailState::Pending),
        Some(&1),
        "queued, waiting for a retry"
    );
    let status = fixture.mailsurvey(&["status", "--json"]);
    let status: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    assert_eq!(status["outbox"]["requested_report"]["pending"], 1);

    // A running daemon retries whatever is left.
    let mut daemon = fixture.start_daemon();
    fixture.wait_until(Duration::from_secs(60), "the report sent", || {
        fixture
            .outbox_states(MailKind::RequestedReport)
            .get(&MailState::Sent)
            == Some(&1)
    });
    fixture.wait_until(Duration::from_secs(60), "the report delivered", || {
        stack.maildir_count(&lead) >= 1
    });
    daemon.terminate();
    stack.wait_queue_clear_of(&fixture.tag, Duration::from_secs(60));
    assert_eq!(proxy.plan().mail_451, 0, "both refusals were injected");

    let reports: Vec<String> = maildir_messages(&stack, &lead)
        .iter()
        .filter_map(|raw| message_id(raw))
        .filter(|id| id.starts_with("report."))
        .collect();
    assert_eq!(reports.len(), 1, "exactly one report arrives: {reports:?}");
    // It went with its own VERP key, like every other email.
    let key: Option<String> = super::read_only(&fixture.dir.path().join("state.db"))
        .query_row(
            "SELECT bounce_key FROM outbox WHERE kind = 'requested_report'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(key.is_some_and(|k| !k.is_empty()));
    let status = fixture.mailsurvey(&["status"]);
    let text = String::from_utf8_lossy(&status.stdout);
    assert!(text.contains("requested_report: sent 1"), "{text}");
}
