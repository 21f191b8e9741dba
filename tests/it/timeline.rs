//! The collection period on the real clock: reminders to the silent only,
//! the close, the report in the lead's mailbox, a late reply.

use std::time::Duration;

use mail_parser::MimeHeaders;

use crate::support::*;
use mailsurvey::store::{MailKind, MailState};

const COMPLETE: &str = "1. yes\n2. no\n3. yes\n4. 7\n5. a, c\n6. no\n7. no\n8. yes\n9. yes";

#[test]
fn reminders_go_to_the_silent_and_the_report_to_the_lead_once() {
    let stack = Stack::shared();
    let fixture = Fixture::new(
        &stack,
        &[
            ("period", "close", toml_string(&local_time(25))),
            ("period", "reminders", "[\"15s before close\"]".into()),
            ("replies", "poll_interval", toml_string("2s")),
        ],
    );
    let (rows, mut daemon) = fixture.invite_first(3, Duration::from_secs(30));
    let (answered, _) = (&rows[0].1, &rows[1].1);
    fixture.reply_as(answered, COMPLETE);
    fixture.wait_until(Duration::from_secs(40), "the report sent", || {
        fixture
            .outbox_states(MailKind::Report)
            .get(&MailState::Sent)
            == Some(&1)
    });
    // Reminders: only the two who did not answer, once each.
    assert_eq!(
        fixture
            .outbox_states(MailKind::Reminder)
            .get(&MailState::Sent),
        Some(&2),
        "{}",
        fixture.log()
    );
    let reminders = |email: &str| {
        stack
            .inbox(email)
            .iter()
            .filter(|raw| {
                parse(raw)
                    .message_id()
                    .unwrap_or_default()
                    .starts_with("reminder.1.")
            })
            .count()
    };
    assert_eq!(reminders(answered), 0);
    assert_eq!(reminders(&rows[1].1), 1);
    assert_eq!(reminders(&rows[2].1), 1);

    // A late reply is kept, answered once with a note, and not counted.
    fixture.reply_as(&rows[1].1, COMPLETE);
    fixture.wait_until(Duration::from_secs(30), "the closed notice", || {
        fixture
            .outbox_states(MailKind::ClosedNotice)
            .get(&MailState::Sent)
            == Some(&1)
    });
    daemon.terminate();
    // Restarting after the close sends nothing again.
    let before = turns_done(&fixture);
    let mut again = fixture.start_daemon();
    wait_caught_up(&fixture, before);
    again.terminate();
    stack.wait_queue_clear_of(&fixture.tag, Duration::from_secs(60));
    let lead = format!("lead-{}@survey.test", fixture.tag);
    let inbox = stack.inbox(&lead);
    assert_eq!(inbox.len(), 1, "exactly one report");
    let report = parse(&inbox[0]);
    let text = report.body_text(0).unwrap();
    assert!(
        text.contains("1 (1 complete, 0 partial)") || text.contains("33.3%"),
        "{text}"
    );
    // The data and what loads it: the CSV with its codebook, the syntax
    // files for R, SPSS and Stata, and the JSON.
    let mut attached: Vec<String> = report
        .attachments()
        .filter_map(|part| part.attachment_name().map(str::to_owned))
        .collect();
    attached.sort();
    assert_eq!(
        attached,
        [
            "codebook.csv",
            "report.json",
            "responses.R",
            "responses.csv",
            "responses.do",
            "responses.sps"
        ]
    );
    let status = fixture.store().status(&fixture.survey_id()).unwrap();
    assert_eq!(status.respondents, 1, "the late reply is not counted");
}

#[test]
fn close_now_sends_the_report_and_stops_the_reminders() {
    let stack = Stack::shared();
    let fixture = Fixture::new(
        &stack,
        &[("period", "reminders", "[\"23 hours before close\"]".into())],
    );
    let (_, mut daemon) = fixture.invite_first(2, Duration::from_secs(60));
    daemon.terminate();
    let interim = fixture.dir.path().join("interim");
    let made = fixture.mailsurvey(&["report", "--out", interim.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&made.stdout).contains("interim report written"));
    assert!(
        std::fs::read_to_string(interim.join("report.txt"))
            .unwrap()
            .contains("Invited         2")
    );
    let closed = fixture.mailsurvey(&["close"]);
    assert!(
        closed.status.success(),
        "{}",
        String::from_utf8_lossy(&closed.stderr)
    );
    assert_eq!(
        fixture
            .outbox_states(MailKind::Report)
            .get(&MailState::Sent),
        Some(&1)
    );
    // The daemon, started after the close, sends no reminder and no second report.
    let before = turns_done(&fixture);
    let mut again = fixture.start_daemon();
    wait_caught_up(&fixture, before);
    again.terminate();
    assert!(fixture.outbox_states(MailKind::Reminder).is_empty());
    stack.wait_queue_clear_of(&fixture.tag, Duration::from_secs(60));
    let lead = format!("lead-{}@survey.test", fixture.tag);
    assert_eq!(stack.inbox(&lead).len(), 1);
}

/// The daemon's log line after its first turn (src/daemon.rs).
const CAUGHT_UP: &str = "first turn done: caught up";

/// How many daemons of this fixture have finished a first turn so far.
pub(crate) fn turns_done(fixture: &Fixture) -> usize {
    fixture.log().matches(CAUGHT_UP).count()
}

/// Waits (bounded) until the daemon started after `before` first turns has
/// done its own: whatever it would send at start-up has been sent by then.
pub(crate) fn wait_caught_up(fixture: &Fixture, before: usize) {
    fixture.wait_until(
        Duration::from_secs(30),
        "the restarted daemon's first turn",
        || turns_done(fixture) > before,
    );
}
