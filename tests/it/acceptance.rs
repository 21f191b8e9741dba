//! The whole seed study through the real binary on the real clock: 60
//! invited, 43 reply in a mix of mail clients, 2 auto-replies, 1 bounce, two
//! reminders to the right people, a late reply, and one report in the lead's
//! mailbox whose figures are the abstract's.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::{Duration, Instant};

use mail_parser::MimeHeaders;

use crate::doctors::{self, Answers, AutoReply, Doctor, Style};
use crate::support::*;
use mailsurvey::store::{MailKind, MailState, MessageKind, Received, RecipientStatus};

/// Seconds from the daemon's start to the close, and the reminders before
/// it: long enough for a loaded 2-core machine, short enough for a test.
const CLOSE: i64 = 200;
const FIRST_REMINDER: i64 = 110;
const SECOND_REMINDER: i64 = 50;

fn reminders_received(stack: &Stack, email: &str) -> BTreeSet<u32> {
    stack
        .inbox(email)
        .iter()
        .filter_map(|raw| {
            let id = parse(raw).message_id().unwrap_or_default().to_owned();
            id.strip_prefix("reminder.")?
                .split('.')
                .next()?
                .parse()
                .ok()
        })
        .collect()
}

fn answer(stack: &Stack, doctor: &Doctor, answers: &Answers, index: usize) {
    let inbox = stack.inbox(&doctor.email);
    let questionnaire = doctors::newest_questionnaire(&inbox).expect("a questionnaire to answer");
    let mail = doctors::reply(questionnaire, doctor, answers, Style::rotation(index)).unwrap();
    doctors::send(stack.port("MAILSTACK_SMTP_PORT"), &mail).unwrap();
}

#[test]
fn the_seed_study_end_to_end() {
    let stack = Stack::shared();
    let started = Instant::now();
    let fixture = Fixture::new(
        &stack,
        &[
            ("period", "close", toml_string(&local_time(CLOSE))),
            (
                "period",
                "reminders",
                format!(
                    "[\"{FIRST_REMINDER} seconds before close\", \"{SECOND_REMINDER} seconds before close\"]"
                ),
            ),
            ("replies", "poll_interval", toml_string("2s")),
        ],
    );
    // The last doctor's address bounces.
    let mut rows = fixture.recipients();
    rows[59].1 = format!("bounce-{}@nhs.test", fixture.tag);
    let csv = std::fs::read_to_string(&fixture.recipients).unwrap();
    let mut lines: Vec<String> = csv.lines().map(str::to_owned).collect();
    let parts: Vec<&str> = lines[60].split(',').collect();
    lines[60] = format!("{},{},{}", parts[0], rows[59].1, parts[2]);
    std::fs::write(&fixture.recipients, lines.join("\n") + "\n").unwrap();
    let people = Doctor::load_recipients(&fixture.recipients).unwrap();
    let cohort = Answers::load_cohort(&Path::new(ROOT).join("tests/fixtures/cohort.csv")).unwrap();
    assert_eq!(cohort.len(), 43);

    let mut daemon = fixture.start_daemon();
    fixture.wait_until(Duration::from_secs(40), "60 invitations sent", || {
        fixture
            .outbox_states(MailKind::Invitation)
            .get(&MailState::Sent)
            == Some(&60)
    });
    fixture.wait_delivered(people.iter().take(59).map(|d| d.email.as_str()));
    // Before the first reminder: 30 doctors answer, 2 are away.
    for (i, answers) in cohort.iter().enumerate().take(30) {
        answer(&stack, &people[i], answers, i);
    }
    for (i, kind) in [(43, AutoReply::OutOfOffice), (44, AutoReply::Vacation)] {
        let inbox = stack.inbox(&people[i].email);
        let mail = doctors::auto_reply(
            doctors::newest_questionnaire(&inbox).unwrap(),
            &people[i],
            kind,
        )
        .unwrap();
        doctors::send(stack.port("MAILSTACK_SMTP_PORT"), &mail).unwrap();
    }
    let elapsed = started.elapsed().as_secs() as i64;
    assert!(
        elapsed < CLOSE - FIRST_REMINDER - 10,
        "the first wave took {elapsed} s: too slow for this timeline"
    );

    // The first reminder goes to the 29 who have not replied (not the bounce).
    let until =
        |at: i64| Duration::from_secs((at + 60 - started.elapsed().as_secs() as i64).max(1) as u64);
    fixture.wait_until(until(CLOSE - FIRST_REMINDER), "the first reminders", || {
        fixture
            .outbox_states(MailKind::Reminder)
            .get(&MailState::Sent)
            .copied()
            .unwrap_or(0)
            >= 29
    });
    for (i, answers) in cohort.iter().enumerate().skip(30).take(10) {
        answer(&stack, &people[i], answers, i);
    }
    // The second reminder goes to the 19 still silent.
    fixture.wait_until(
        until(CLOSE - SECOND_REMINDER),
        "the second reminders",
        || {
            fixture
                .outbox_states(MailKind::Reminder)
                .get(&MailState::Sent)
                .copied()
                .unwrap_or(0)
                >= 48
        },
    );
    for (i, answers) in cohort.iter().enumerate().skip(40) {
        answer(&stack, &people[i], answers, i);
    }
    fixture.wait_until(until(CLOSE), "the report sent", || {
        fixture
            .outbox_states(MailKind::Report)
            .get(&MailState::Sent)
            == Some(&1)
    });
    // A late reply, after the close.
    let late = &people[45];
    let inbox = stack.inbox(&late.email);
    let mail = doctors::late_reply(
        doctors::newest_questionnaire(&inbox).unwrap(),
        late,
        &cohort[0],
        Style::Gmail,
        jiff::Timestamp::now(),
    )
    .unwrap();
    doctors::send(stack.port("MAILSTACK_SMTP_PORT"), &mail).unwrap();
    fixture.wait_until(Duration::from_secs(30), "the closed notice", || {
        fixture
            .outbox_states(MailKind::ClosedNotice)
            .get(&MailState::Sent)
            == Some(&1)
    });
    daemon.terminate();

    // Reminders went to exactly the right people.
    let expected = |i: usize| -> BTreeSet<u32> {
        match i {
            0..30 => BTreeSet::new(),
            30..40 => BTreeSet::from([1]),
            40..59 => BTreeSet::from([1, 2]),
            _ => BTreeSet::new(), // the bounce
        }
    };
    for (i, doctor) in people.iter().enumerate().take(59) {
        assert_eq!(
            reminders_received(&stack, &doctor.email),
            expected(i),
            "reminders of row {i}"
        );
    }
    let status = fixture.store().status(&fixture.survey_id()).unwrap();
    assert_eq!(status.recipients.get(&RecipientStatus::Bounced), Some(&1));
    assert_eq!(
        status.received.get(&Received::Kind(MessageKind::AutoReply)),
        Some(&2)
    );
    assert_eq!(status.respondents, 43, "the late reply is not counted");

    // Exactly one report in the lead's mailbox, with the abstract's figures.
    let lead = format!("lead-{}@survey.test", fixture.tag);
    let inbox = stack.inbox(&lead);
    assert_eq!(inbox.len(), 1, "exactly one report");
    let report = parse(&inbox[0]);
    let text = report.body_text(0).unwrap();
    for figure in [
        "43", "60", "71.7%", "81.4%", "60.5%", "51.2%", "mean 6.8", "3 to 10", "55.8%", "44.2%",
        "25.6%", "32.6%", "79.1%",
    ] {
        assert!(text.contains(figure), "the report lacks {figure}:\n{text}");
    }
    let csv = report
        .attachments()
        .find(|a| a.attachment_name() == Some("responses.csv"))
        .expect("responses.csv attached");
    let mut reader = csv::Reader::from_reader(csv.contents());
    let headers = reader.headers().unwrap().clone();
    let rows: Vec<BTreeMap<String, String>> = reader
        .records()
        .map(|r| {
            headers
                .iter()
                .map(str::to_owned)
                .zip(r.unwrap().iter().map(str::to_owned))
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), 43);
    // Yes/no is coded 1 = yes (codebook.csv).
    let yes = |column: &str| rows.iter().filter(|r| r[column] == "1").count();
    let ones = |column: &str| rows.iter().filter(|r| r[column] == "1").count();
    assert_eq!(
        [
            yes("end_of_life"),
            yes("early_adjuvant"),
            yes("opioid_sparing"),
            yes("written_protocol"),
            yes("shared_guidance"),
            yes("training"),
            yes("research")
        ],
        [35, 26, 22, 14, 14, 34, 34]
    );
    assert_eq!(
        [
            ones("barriers_expertise"),
            ones("barriers_evidence"),
            ones("barriers_side_effects")
        ],
        [24, 19, 11]
    );
    let confidence: Vec<i64> = rows
        .iter()
        .map(|r| r["confidence"].parse().unwrap())
        .collect();
    assert_eq!(confidence.iter().sum::<i64>(), 292);
    assert_eq!(
        (confidence.iter().min(), confidence.iter().max()),
        (Some(&3), Some(&10))
    );
    assert!(
        text.contains("Late replies") && text.contains("0 (after the close"),
        "{text}"
    );

    // The report made now lists the late reply, and still counts 43.
    let out = fixture.dir.path().join("final");
    let made = fixture.mailsurvey(&["report", "--out", out.to_str().unwrap()]);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let now = std::fs::read_to_string(out.join("report.txt")).unwrap();
    assert!(
        now.contains("1 (after the close; not counted)") && now.contains("71.7%"),
        "{now}"
    );
    let rows = std::fs::read_to_string(out.join("responses.csv"))
        .unwrap()
        .lines()
        .count();
    assert_eq!(rows, 44, "header and 43 respondents");
}
