//! The progress digest through the real daemon and the real servers: it
//! goes at its slot to the lead alone and arrives in the lead's mailbox
//! over IMAP; a crash and a restart do not send the slot again;
//! `mailsurvey digest --send` sends one now, naming the doctor whose
//! address bounced with the server's words.

use std::time::Duration;

use mailsurvey::store::{MailKind, MailState};

use crate::support::*;
use crate::timeline::{turns_done, wait_caught_up};

const COMPLETE: &str = "1. yes\n2. no\n3. yes\n4. 7\n5. a, c\n6. no\n7. no\n8. yes\n9. yes";

/// The Message-IDs in `address`'s INBOX that start with `prefix`.
fn ids_in(stack: &Stack, address: &str, prefix: &str) -> Vec<String> {
    stack
        .inbox(address)
        .iter()
        .filter_map(|raw| parse(raw).message_id().map(str::to_owned))
        .filter(|id| id.starts_with(prefix))
        .collect()
}

#[test]
fn the_digest_reaches_the_lead_once_per_slot_across_a_crash_and_on_demand() {
    let stack = Stack::shared();
    // The slot falls 15 s after the start: 75 s before a close 90 s away.
    let fixture = Fixture::new(
        &stack,
        &[
            ("period", "close", toml_string(&local_time(90))),
            ("report", "digest", "[\"75s before close\"]".into()),
            ("replies", "poll_interval", toml_string("2s")),
        ],
    );
    let mut rows = fixture.recipients()[..2].to_vec();
    let gone = fixture.bouncing_address();
    rows.push(("Dr Gone".into(), gone.clone()));
    fixture.write_recipients(&rows);
    let mut daemon = fixture.start_daemon();
    let store = fixture.store();
    let sid = fixture.survey_id();
    fixture.wait_until(
        Duration::from_secs(60),
        "the digest of the slot sent",
        || {
            fixture
                .outbox_states(MailKind::Digest)
                .get(&MailState::Sent)
                == Some(&1)
        },
    );

    // A crash right after, and a restart within the same slot: no second
    // digest for it.
    daemon.kill();
    let before = turns_done(&fixture);
    let mut daemon = fixture.start_daemon();
    wait_caught_up(&fixture, before);
    assert_eq!(
        fixture
            .outbox_states(MailKind::Digest)
            .values()
            .sum::<usize>(),
        1,
        "{}",
        fixture.log()
    );

    // A doctor answers; the bounce comes back to its VERP address.
    fixture.reply_and_wait_recorded(&rows[0].1, COMPLETE, 9);
    fixture.wait_until(Duration::from_secs(90), "the bounce recorded", || {
        store
            .recipient_by_email(&sid, &gone)
            .unwrap()
            .is_some_and(|p| p.status == "bounced")
    });
    let sent = fixture.mailsurvey(&["digest", "--send"]);
    let said = String::from_utf8_lossy(&sent.stdout).into_owned();
    assert!(
        sent.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&sent.stderr)
    );
    let lead = format!("lead-{}@survey.test", fixture.tag);
    assert!(said.contains(&format!("sent to {lead}")), "{said}");
    daemon.terminate();
    stack.wait_queue_clear_of(&fixture.tag, Duration::from_secs(60));

    // In the lead's mailbox over IMAP: the slot's digest and the one asked for.
    let inbox = stack.inbox(&lead);
    assert_eq!(inbox.len(), 2, "the slot's digest and the one asked for");
    let scheduled = ids_in(&stack, &lead, &format!("digest.{sid}."));
    assert_eq!(scheduled.len(), 2, "{scheduled:?}");
    assert_eq!(
        scheduled
            .iter()
            .filter(|id| id.contains(".requested."))
            .count(),
        1
    );
    for raw in &inbox {
        let mail = parse(raw);
        assert_eq!(
            mail.header_raw("Auto-Submitted").map(str::trim),
            Some("auto-generated")
        );
        let to: Vec<&str> = mail
            .to()
            .into_iter()
            .flat_map(|a| a.iter())
            .filter_map(|a| a.address())
            .collect();
        assert_eq!(to, [lead.as_str()]);
        assert!(mail.cc().is_none() && mail.bcc().is_none());
    }
    let asked = inbox
        .iter()
        .map(|raw| parse(raw))
        .find(|m| m.message_id().unwrap_or_default().contains(".requested."))
        .unwrap();
    let text = asked.body_text(0).unwrap().into_owned();
    for said in [
        "1 of 3 invited have answered (33.3%): 1 complete, 0 partial.",
        "1 not replied yet.",
        "BOUNCED (1)",
        &format!("Dr Gone <{gone}>: \""),
        "Interim results are not shown",
    ] {
        assert!(text.contains(said), "{said:?} not in\n{text}");
    }
    // The server's words, with the address in them unlinked.
    let (local, _) = gone.split_once('@').unwrap();
    assert!(
        text.contains(&format!(
            "<{local}[at]nhs[.]test>: Recipient address rejected"
        )),
        "{text}"
    );
    // Nobody else got a digest.
    for (_, doctor) in &rows[..2] {
        assert!(ids_in(&stack, doctor, "digest.").is_empty(), "{doctor}");
    }
}

/// With `digest_names` and `digest_results` set, the digest names the
/// people who have not replied and shows the interim results paragraph
/// (the test above, with both off, counts them and shows no results).
/// `mailsurvey digest` without `--send` only prints: nothing is queued.
#[test]
fn the_digest_names_who_has_not_replied_and_shows_results_only_when_the_survey_file_asks() {
    let stack = Stack::shared();
    let fixture = Fixture::new(
        &stack,
        &[
            ("report", "digest_names", "true".into()),
            ("report", "digest_results", "true".into()),
            ("replies", "poll_interval", toml_string("2s")),
        ],
    );
    let (rows, mut daemon) = fixture.invite_first(2, Duration::from_secs(90));
    fixture.reply_and_wait_recorded(&rows[0].1, COMPLETE, 9);
    daemon.terminate();

    let printed = fixture.mailsurvey(&["digest"]);
    let text = String::from_utf8_lossy(&printed.stdout).into_owned();
    assert!(
        printed.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&printed.stderr)
    );
    assert!(
        text.contains("1 of 2 invited have answered (50.0%): 1 complete, 0 partial."),
        "{text}"
    );
    assert!(
        text.contains(&format!("Not replied yet (1): {}.", rows[1].0)),
        "the one still waiting is named: {text}"
    );
    assert!(!text.contains(&rows[0].0), "the respondent is not: {text}");
    let results = text
        .split_once("INTERIM RESULTS\n")
        .map(|(_, rest)| rest.lines().next().unwrap_or_default().to_owned());
    assert!(
        results.is_some_and(|paragraph| !paragraph.trim().is_empty()),
        "the interim results paragraph: {text}"
    );
    assert!(!text.contains("Interim results are not shown"), "{text}");
    assert!(
        fixture.outbox_states(MailKind::Digest).is_empty(),
        "printing a digest queues none"
    );
}
