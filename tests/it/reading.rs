//! Replies written the way doctors write, through the daemon: answers
//! labelled by words of the question, answers typed below an unquoted
//! `Answer:` in an Outlook original, and prose, whose answers are only
//! inferred: stored, not counted, reported apart.

use std::time::Duration;

use mailsurvey::understand::answer::{Status, Value};

use crate::replies::reply;
use crate::support::*;
use mailsurvey::store::{MailKind, MailState, MessageKind, Received};

const LABELS: &str = "End of life - yes\nEarly adjuvant - no\nDose reduction: yes\nConfidence = 6\n\
Barriers: expertise mainly, not evidence\nProtocol - yes\nCommunity guidance: none\n\
Training? yes please\nMore research? Yes";

const PROSE: &str = "Hi,\n\nI've used it for terminal agitation-related pain alongside a syringe \
driver of opioids, but never as an early adjuvant. My confidence is about 5. We have no written \
protocol and I'm not aware of any shared community guidance. I would certainly benefit from more \
training, and more research is definitely needed.\n\nJack";

/// An Outlook reply in plain text: the original not `>`-quoted, below a
/// "-----Original Message-----" block, each answer on the line below its
/// empty `Answer:`.
fn outlook_below(invitation: &[u8], from: &str, answers: &[&str]) -> Vec<u8> {
    let original = parse(invitation);
    let reply_to = original.header_raw("Reply-To").unwrap().trim().to_owned();
    let message_id = original.message_id().unwrap();
    let mut body = String::new();
    let mut next = answers.iter();
    for line in original.body_text(0).unwrap().lines() {
        body.push_str(line);
        body.push_str("\r\n");
        if line == "Answer:"
            && let Some(answer) = next.next()
        {
            body.push_str(answer);
            body.push_str("\r\n");
        }
    }
    format!(
        "From: {from}\r\nTo: {reply_to}\r\nSubject: RE: {}\r\nMessage-ID: <{}.outlook@doctors.test>\r\nIn-Reply-To: <{message_id}>\r\nReferences: <{message_id}>\r\nDate: Thu, 26 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSee my answers below.\r\n\r\nJack\r\n\r\n-----Original Message-----\r\nFrom: Survey <{}>\r\nSent: 26 November 2026 09:00\r\nTo: {from}\r\nSubject: {}\r\n\r\n{body}",
        original.subject().unwrap_or_default(),
        rand::random::<u64>(),
        original
            .from()
            .and_then(|f| f.first())
            .and_then(|a| a.address())
            .unwrap_or_default(),
        original.subject().unwrap_or_default(),
    )
    .into_bytes()
}

#[test]
fn labels_answers_below_an_unquoted_answer_line_and_prose_through_the_daemon() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[("replies", "poll_interval", toml_string("2s"))]);
    let (rows, mut daemon) = fixture.invite_first(3, Duration::from_secs(60));
    let (labels, below, prose) = (&rows[0].1, &rows[1].1, &rows[2].1);
    let invitation = |email: &str| stack.inbox(email).remove(0);
    stack.deliver(
        labels,
        &fixture.sender,
        &reply(&invitation(labels), labels, LABELS),
    );
    stack.deliver(
        below,
        &fixture.sender,
        &outlook_below(
            &invitation(below),
            below,
            &[
                "Yes",
                "No",
                "Yes, occasionally",
                "7",
                "a, c",
                "No",
                "No",
                "Yes",
                "Yes",
            ],
        ),
    );
    stack.deliver(
        prose,
        &fixture.sender,
        &reply(&invitation(prose), prose, PROSE),
    );
    let store = fixture.store();
    let sid = fixture.survey_id();
    fixture.wait_until(Duration::from_secs(60), "three replies processed", || {
        store
            .message_counts(&sid)
            .unwrap()
            .get(&Received::Kind(MessageKind::Reply))
            == Some(&3)
    });
    fixture.wait_until(
        Duration::from_secs(60),
        "receipts for the two complete replies and a confirmation for the prose",
        || {
            fixture
                .outbox_states(MailKind::Receipt)
                .get(&MailState::Sent)
                == Some(&2)
                && fixture
                    .outbox_states(MailKind::Confirmation)
                    .get(&MailState::Sent)
                    == Some(&1)
        },
    );

    let answers = |email: &str| {
        let person = store.recipient_by_email(&sid, email).unwrap().unwrap();
        store.current_answers(person.id).unwrap()
    };
    // Labels: certain, all nine.
    let got = answers(labels);
    assert!(
        got.values().filter(|a| a.status == Status::Ok).count() == 9,
        "{got:?}"
    );
    assert_eq!(got["confidence"].value, Some(Value::Integer(6)));
    assert_eq!(
        got["barriers"].value,
        Some(Value::Choices(vec!["expertise".into()]))
    );
    assert_eq!(got["shared_guidance"].value, Some(Value::Bool(false)));
    // Below an unquoted Answer:: certain, all nine.
    let got = answers(below);
    assert!(
        got.values().filter(|a| a.status == Status::Ok).count() == 9,
        "{got:?}"
    );
    assert_eq!(got["opioid_sparing"].value, Some(Value::Bool(true)));
    assert_eq!(got["confidence"].value, Some(Value::Integer(7)));
    // Prose: six answers inferred, none counted.
    let got = answers(prose);
    let inferred: Vec<&str> = got
        .iter()
        .filter(|(_, a)| a.status == Status::Inferred)
        .map(|(q, _)| q.as_str())
        .collect();
    assert_eq!(
        inferred,
        [
            "confidence",
            "early_adjuvant",
            "research",
            "shared_guidance",
            "training",
            "written_protocol"
        ],
        "{got:?}"
    );
    assert_eq!(got["confidence"].value, Some(Value::Integer(5)));
    assert!(got.values().all(|a| a.status != Status::Ok));

    // The report before the confirmation: nothing of the prose counts.
    let before = report(&fixture, "before");
    assert!(
        before.contains("Answers inferred, unconfirmed (not counted): 6"),
        "{before}"
    );
    assert!(
        before.contains("Replies without any valid answer (not counted): 1"),
        "a reply with only inferred answers counts nothing yet: {before}"
    );

    // One email lists what was understood and asks for what is missing.
    let mails = stack.inbox(prose);
    let confirmation = mails
        .iter()
        .find(|raw| {
            parse(raw)
                .subject()
                .unwrap_or_default()
                .starts_with("Please confirm")
        })
        .expect("a confirmation email");
    assert_eq!(mails.len(), 2, "the invitation and one follow-up, no more");
    let text = parse(confirmation).body_text(0).unwrap().into_owned();
    assert!(text.contains("4. 5") && text.contains("6. no"), "{text}");
    assert!(
        text.contains("We still need") && text.contains("1. no answer yet"),
        "{text}"
    );
    assert_eq!(
        parse(confirmation)
            .header_raw("Auto-Submitted")
            .map(str::trim),
        Some("auto-replied")
    );
    // The doctor confirms, and answers the three missing questions.
    stack.deliver(
        prose,
        &fixture.sender,
        &reply(
            confirmation,
            prose,
            "confirm

1. yes
3. no
5. b",
        ),
    );
    fixture.wait_until(
        Duration::from_secs(60),
        "a receipt for the confirmed reply",
        || {
            fixture
                .outbox_states(MailKind::Receipt)
                .get(&MailState::Sent)
                == Some(&3)
        },
    );
    daemon.terminate();
    let got = answers(prose);
    assert_eq!(
        got.values().filter(|a| a.status == Status::Ok).count(),
        9,
        "{got:?}"
    );
    assert_eq!(got["confidence"].value, Some(Value::Integer(5)));
    assert_eq!(
        got["barriers"].value,
        Some(Value::Choices(vec!["evidence".into()]))
    );

    // The report now counts them, and says how many were confirmed.
    let after = report(&fixture, "after");
    assert!(
        !after.contains("Answers inferred, unconfirmed (not counted): 6"),
        "{after}"
    );
    assert!(
        after.contains("Inferred answers confirmed by the doctor (counted): 6"),
        "{after}"
    );
    assert!(after.contains("Replies without any valid answer (not counted): 0"));
}

/// `mailsurvey report` into a directory of the fixture; its text.
fn report(fixture: &Fixture, name: &str) -> String {
    let out = fixture.dir.path().join(name);
    let made = fixture.mailsurvey(&["report", "--out", out.to_str().unwrap()]);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    std::fs::read_to_string(out.join("report.txt")).unwrap()
}

/// Issue 12: a line below an unquoted `Answer:` counts only when it is not
/// ours, compared with the invitation as sent. A custom template puts its
/// own line right after the questionnaire, below the last (optional)
/// `Answer:`, which the doctor leaves empty: that line is ours, not their
/// comment, though the survey file alone does not know it.
#[test]
fn a_custom_template_line_below_the_last_empty_answer_is_not_an_answer() {
    const OURS: &str = "We look forward to reading your thoughts on ketamine in palliative care.";
    let stack = Stack::shared();
    let templates = tempfile::tempdir().unwrap();
    let builtin = std::fs::read_to_string(format!("{ROOT}/templates/invitation.txt")).unwrap();
    assert!(builtin.contains("{{ questionnaire }}\n"));
    let custom = builtin.replace(
        "{{ questionnaire }}\n",
        &format!("{{{{ questionnaire }}}}\n{OURS}\n\n"),
    );
    std::fs::write(templates.path().join("invitation.txt"), custom).unwrap();
    let fixture = Fixture::new(
        &stack,
        &[
            ("replies", "poll_interval", toml_string("2s")),
            (
                "survey",
                "templates",
                toml_string(templates.path().to_str().unwrap()),
            ),
        ],
    );
    let (rows, mut daemon) = fixture.invite_first(1, Duration::from_secs(60));
    let doctor = &rows[0].1;
    let invitation = stack.inbox(doctor).remove(0);
    let text = parse(&invitation).body_text(0).unwrap().into_owned();
    assert!(
        text.lines()
            .rev()
            .take_while(|l| l.trim() != "Answer:")
            .filter(|l| !l.trim().is_empty())
            .last()
            == Some(OURS),
        "the custom line is right below the last Answer:\n{text}"
    );
    // Nine answers below their `Answer:`, the tenth (comments) left empty.
    stack.deliver(
        doctor,
        &fixture.sender,
        &outlook_below(
            &invitation,
            doctor,
            &["Yes", "No", "Yes", "7", "a, c", "No", "No", "Yes", "Yes"],
        ),
    );
    let store = fixture.store();
    let sid = fixture.survey_id();
    fixture.wait_until(Duration::from_secs(60), "the reply processed", || {
        store
            .message_counts(&sid)
            .unwrap()
            .get(&Received::Kind(MessageKind::Reply))
            == Some(&1)
    });
    fixture.wait_until(Duration::from_secs(60), "a receipt sent", || {
        fixture
            .outbox_states(MailKind::Receipt)
            .get(&MailState::Sent)
            == Some(&1)
    });
    let person = store.recipient_by_email(&sid, doctor).unwrap().unwrap();
    let got = store.current_answers(person.id).unwrap();
    assert_eq!(
        got.values().filter(|a| a.status == Status::Ok).count(),
        9,
        "{got:?}"
    );
    assert_eq!(got["confidence"].value, Some(Value::Integer(7)));
    assert!(
        !got.contains_key("comments"),
        "our template's line read as the doctor's comment: {got:?}"
    );
    daemon.terminate();
}

/// Issue 21: a full numbered list, a sign-off, and below it a postscript
/// that corrects one answer. Through the daemon the correction is what is
/// counted, and what the receipt lists.
#[test]
fn a_later_correction_in_a_reply_is_what_is_counted_and_receipted() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[("replies", "poll_interval", toml_string("2s"))]);
    let (rows, mut daemon) = fixture.invite_first(1, Duration::from_secs(60));
    let doctor = &rows[0].1;
    let invitation = stack.inbox(doctor).remove(0);
    stack.deliver(
        doctor,
        &fixture.sender,
        &reply(
            &invitation,
            doctor,
            "1. yes\n2. no\n3. yes\n4. 7\n5. a, c\n6. yes\n7. no\n8. yes\n9. yes\n\n\
             Thanks,\nJack\n\nPS: sorry, for 4 I meant 6. And question 3 should be no.",
        ),
    );
    let store = fixture.store();
    let sid = fixture.survey_id();
    fixture.wait_until(Duration::from_secs(60), "a receipt sent", || {
        fixture
            .outbox_states(MailKind::Receipt)
            .get(&MailState::Sent)
            == Some(&1)
    });
    daemon.terminate();
    let person = store.recipient_by_email(&sid, doctor).unwrap().unwrap();
    let got = store.current_answers(person.id).unwrap();
    assert_eq!(got["confidence"].status, Status::Ok, "{got:?}");
    assert_eq!(got["confidence"].value, Some(Value::Integer(6)));
    assert_eq!(got["end_of_life"].value, Some(Value::Bool(true)));
    assert_eq!(
        got["opioid_sparing"].value,
        Some(Value::Bool(false)),
        "the second sentence of the postscript corrects 3"
    );
    assert_eq!(
        got.values().filter(|a| a.status == Status::Ok).count(),
        9,
        "{got:?}"
    );
    let receipt = stack
        .inbox(doctor)
        .into_iter()
        .find(|raw| {
            parse(raw)
                .subject()
                .unwrap_or_default()
                .starts_with("Thank you")
        })
        .expect("a receipt");
    let text = parse(&receipt).body_text(0).unwrap().into_owned();
    assert!(
        text.contains("4. 6") && !text.contains("4. 7"),
        "the receipt lists the corrected answer: {text}"
    );
}

/// Issue 21, second round: through the daemon, a correction below the
/// quoted original that takes an answer of a full list back by the
/// question's words; a summary whose exception is named by words, with
/// labels without a separator after it; question codes with one-letter
/// answers on one line; Outlook's comment marking with an NHS
/// organisation. Each reply is complete and certain: counted, receipted.
#[test]
fn corrections_below_the_quote_summaries_by_words_codes_and_nhs_marking_through_the_daemon() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[("replies", "poll_interval", toml_string("2s"))]);
    let (rows, mut daemon) = fixture.invite_first(4, Duration::from_secs(60));
    let (corrected, summary, codes, marked) = (&rows[0].1, &rows[1].1, &rows[2].1, &rows[3].1);
    let invitation = |email: &str| stack.inbox(email).remove(0);
    let mut below_quote = reply(
        &invitation(corrected),
        corrected,
        "1. yes\n2. no\n3. yes\n4. 7\n5. a, c\n6. no\n7. no\n8. yes\n9. yes\n\nThanks,\nJack",
    );
    below_quote.extend_from_slice(
        b"\r\nPS scratch what I said about the written protocol, we do have one - it was ratified in November.\r\n",
    );
    stack.deliver(corrected, &fixture.sender, &below_quote);
    stack.deliver(
        summary,
        &fixture.sender,
        &reply(
            &invitation(summary),
            summary,
            "All yes except the community guidance one. Confidence 8, no barriers.\n\nJ",
        ),
    );
    stack.deliver(
        codes,
        &fixture.sender,
        &reply(&invitation(codes), codes, "1y 2n 3y 4-7 5-a,c 6n 7n 8y 9y"),
    );
    let mark =
        |answer: &str| format!("[CLARKE, Jack (NORTH HOSPICE NHS FOUNDATION TRUST)] {answer}");
    let marked_answers: Vec<String> = [
        "No",
        "No",
        "No",
        "2",
        "A",
        "No",
        "No",
        "Yes",
        "Yes",
        "Never had the chance.",
    ]
    .iter()
    .map(|a| mark(a))
    .collect();
    let marked_refs: Vec<&str> = marked_answers.iter().map(String::as_str).collect();
    stack.deliver(
        marked,
        &fixture.sender,
        &outlook_below(&invitation(marked), marked, &marked_refs),
    );
    let store = fixture.store();
    let sid = fixture.survey_id();
    fixture.wait_until(Duration::from_secs(60), "four replies processed", || {
        store
            .message_counts(&sid)
            .unwrap()
            .get(&Received::Kind(MessageKind::Reply))
            == Some(&4)
    });
    fixture.wait_until(Duration::from_secs(60), "four receipts sent", || {
        fixture
            .outbox_states(MailKind::Receipt)
            .get(&MailState::Sent)
            == Some(&4)
    });
    daemon.terminate();
    let answers = |email: &str| {
        let person = store.recipient_by_email(&sid, email).unwrap().unwrap();
        let got = store.current_answers(person.id).unwrap();
        assert!(
            got.values().filter(|a| a.status == Status::Ok).count() >= 9,
            "{email}: {got:?}"
        );
        got
    };
    let got = answers(corrected);
    assert_eq!(
        got["written_protocol"].value,
        Some(Value::Bool(true)),
        "the postscript below the quote takes the list's no back"
    );
    assert_eq!(got["confidence"].value, Some(Value::Integer(7)));
    let got = answers(summary);
    assert_eq!(got["shared_guidance"].value, Some(Value::Bool(false)));
    assert_eq!(got["research"].value, Some(Value::Bool(true)));
    assert_eq!(got["confidence"].value, Some(Value::Integer(8)));
    assert_eq!(
        got["barriers"].value,
        Some(Value::Choices(vec!["none".into()]))
    );
    let got = answers(codes);
    assert_eq!(got["confidence"].value, Some(Value::Integer(7)));
    assert_eq!(
        got["barriers"].value,
        Some(Value::Choices(vec![
            "expertise".into(),
            "side_effects".into()
        ]))
    );
    assert_eq!(got["written_protocol"].value, Some(Value::Bool(false)));
    let got = answers(marked);
    assert_eq!(got["end_of_life"].value, Some(Value::Bool(false)));
    assert_eq!(got["confidence"].value, Some(Value::Integer(2)));
    // Free text comes back from the store as `Choice` (see `Value::Text`).
    assert!(
        matches!(
            &got["comments"].value,
            Some(Value::Text(t) | Value::Choice(t)) if t == "Never had the chance."
        ),
        "the marking is not part of the comment: {:?}",
        got["comments"]
    );
}

/// Issue 21, sixth set: a follow-up above the doctor's own earlier reply,
/// quoted, that asks to change question 4 only ("please put 5 rather than
/// 7"). Through the daemon the new score replaces the old, and every other
/// answer of the first reply is kept (the follow-up's quote of it is never
/// read again).
#[test]
fn a_follow_up_changing_one_answer_keeps_the_earlier_answers() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[("replies", "poll_interval", toml_string("2s"))]);
    let (rows, mut daemon) = fixture.invite_first(1, Duration::from_secs(60));
    let doctor = &rows[0].1;
    let invitation = stack.inbox(doctor).remove(0);
    let first = "1. yes\n2. no\n3. yes\n4. 7\n5. a, c\n6. yes\n7. no\n8. yes\n9. yes";
    stack.deliver(doctor, &fixture.sender, &reply(&invitation, doctor, first));
    let store = fixture.store();
    let sid = fixture.survey_id();
    let replies = || {
        store
            .message_counts(&sid)
            .unwrap()
            .get(&Received::Kind(MessageKind::Reply))
            .copied()
    };
    fixture.wait_until(Duration::from_secs(60), "the first reply processed", || {
        replies() == Some(1)
    });
    let quoted: String = first.lines().map(|l| format!("> {l}\n")).collect();
    let follow_up = format!(
        "Sorry - one change. For question 4 please put 5 rather than 7, I was being generous to \
         myself.\n\nJack\n\nOn Thu, 26 Nov 2026 at 10:00, Jack Clarke <{doctor}> wrote:\n{quoted}"
    );
    stack.deliver(
        doctor,
        &fixture.sender,
        &reply(&invitation, doctor, &follow_up),
    );
    fixture.wait_until(Duration::from_secs(60), "the follow-up processed", || {
        replies() == Some(2)
    });
    daemon.terminate();
    let person = store.recipient_by_email(&sid, doctor).unwrap().unwrap();
    let got = store.current_answers(person.id).unwrap();
    assert_eq!(got["confidence"].status, Status::Ok, "{got:?}");
    assert_eq!(got["confidence"].value, Some(Value::Integer(5)));
    assert_eq!(got["end_of_life"].value, Some(Value::Bool(true)));
    assert_eq!(got["early_adjuvant"].value, Some(Value::Bool(false)));
    assert_eq!(
        got["barriers"].value,
        Some(Value::Choices(vec![
            "expertise".into(),
            "side_effects".into()
        ]))
    );
    assert_eq!(
        got.values().filter(|a| a.status == Status::Ok).count(),
        9,
        "the first reply's other answers are kept: {got:?}"
    );
}
