//! Nobody can answer, opt out or close the survey in another doctor's
//! name: a message without a token, whose From anyone can write, is held
//! and confirmed by email to the listed address; only the trusted server's
//! DMARC verdict lets it count at once.

use std::time::Duration;

use mailsurvey::understand::answer::Value;

use crate::replies::reply;
use crate::support::*;
use mailsurvey::store::{MailKind, MailState, MessageKind, Received};

const COMPLETE: &str = "1. yes\n2. no\n3. yes\n4. 7\n5. a, c\n6. no\n7. no\n8. yes\n9. yes\n10. We need a regional protocol.";

/// A message with the doctor's From and no token anywhere: what anyone
/// who knows the address can send.
fn forged(from: &str, to: &str, subject: &str, body: &str) -> Vec<u8> {
    format!(
        "From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: <{}.forged@elsewhere.test>\r\nDate: Thu, 26 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{}\r\n",
        rand::random::<u64>(),
        body.replace('\n', "\r\n")
    )
    .into_bytes()
}

/// The messages in `email`'s mailbox with `subject` in their subject.
fn mail_with_subject(stack: &Stack, email: &str, subject: &str) -> Vec<Vec<u8>> {
    stack
        .inbox(email)
        .into_iter()
        .filter(|raw| parse(raw).subject().unwrap_or_default().contains(subject))
        .collect()
}

fn text_of(raw: &[u8]) -> String {
    parse(raw).body_text(0).unwrap_or_default().into_owned()
}

/// `doctor` answers their first "Please confirm" email with `words`
/// ("confirm", "not me", ...) from their own address, as a doctor replies;
/// returns that email.
fn answer_confirmation(stack: &Stack, fixture: &Fixture, doctor: &str, words: &str) -> Vec<u8> {
    let asking = mail_with_subject(stack, doctor, "Please confirm").remove(0);
    stack.deliver(doctor, &fixture.sender, &reply(&asking, doctor, words));
    asking
}

/// What `mailsurvey review` prints for the fixture's survey.
fn review_of(fixture: &Fixture) -> String {
    String::from_utf8_lossy(&fixture.mailsurvey(&["review"]).stdout).into_owned()
}

#[test]
fn a_reply_without_token_is_held_until_the_doctor_confirms_or_disowns_it_by_email() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[("replies", "poll_interval", toml_string("2s"))]);
    let (rows, mut daemon) = fixture.invite_first(4, Duration::from_secs(60));
    let (answered, disowned, stopped, deleting) = (&rows[0].1, &rows[1].1, &rows[2].1, &rows[3].1);
    let store = fixture.store();
    let sid = fixture.survey_id();
    let person = |email: &str| store.recipient_by_email(&sid, email).unwrap().unwrap();

    // A complete reply and an opt-out, each from a listed address with no
    // token: answers held, mail stopped at once; one email to each listed
    // address.
    stack.deliver(
        "anyone@elsewhere.test",
        &fixture.sender,
        &forged(answered, &fixture.sender, "Survey", COMPLETE),
    );
    stack.deliver(
        "anyone@elsewhere.test",
        &fixture.sender,
        &forged(disowned, &fixture.sender, "Survey", COMPLETE),
    );
    stack.deliver(
        "anyone@elsewhere.test",
        &fixture.sender,
        &forged(
            stopped,
            &fixture.sender,
            "unsubscribe",
            "Please remove me from this list.",
        ),
    );
    // A request to delete answers, without a token: held too.
    stack.deliver(
        "anyone@elsewhere.test",
        &fixture.sender,
        &forged(
            deleting,
            &fixture.sender,
            "Survey",
            "Please delete my answers, I withdraw my consent.",
        ),
    );
    fixture.wait_until(Duration::from_secs(60), "four confirmations sent", || {
        fixture
            .outbox_states(MailKind::Confirmation)
            .get(&MailState::Sent)
            == Some(&4)
    });
    fixture.wait_until(Duration::from_secs(60), "confirmations delivered", || {
        [answered, disowned, stopped, deleting]
            .iter()
            .all(|e| stack.maildir_count(e) == 2)
    });
    for email in [answered, disowned] {
        assert!(
            store.current_answers(person(email).id).unwrap().is_empty(),
            "nothing counts before the confirmation"
        );
    }
    assert_eq!(
        store.status(&sid).unwrap().held,
        3,
        "two replies and a deletion request"
    );
    assert_eq!(
        person(stopped).status,
        "opted_out",
        "stopping mail is at once"
    );
    assert!(
        fixture.outbox_states(MailKind::Receipt).is_empty(),
        "no receipt for answers that do not count"
    );
    let asking = mail_with_subject(&stack, answered, "Please confirm").remove(0);
    let message = parse(&asking);
    assert_eq!(
        message.to().unwrap().first().unwrap().address().unwrap(),
        answered.as_str()
    );
    let text = text_of(&asking);
    assert!(
        text.contains("(a text answer of 28 characters)") && !text.contains("regional protocol"),
        "free text only by its length: {text}"
    );
    assert!(text.contains("4. 7"), "{text}");
    let asking_deletion = mail_with_subject(&stack, deleting, "Please confirm").remove(0);
    assert!(
        text_of(&asking_deletion).contains("It asked us to delete your answers"),
        "{}",
        text_of(&asking_deletion)
    );
    let note = mail_with_subject(&stack, stopped, "We have stopped your mail").remove(0);
    assert!(text_of(&note).contains("not me"), "{}", text_of(&note));

    // A second message without a token changes what is held (finding 2 of
    // issue 18): the first email no longer shows it, so a new one does.
    stack.deliver(
        "anyone@elsewhere.test",
        &fixture.sender,
        &forged(answered, &fixture.sender, "Survey", "4. 9"),
    );
    fixture.wait_until(Duration::from_secs(60), "the update processed", || {
        store
            .message_counts(&sid)
            .unwrap()
            .get(&Received::Kind(MessageKind::Reply))
            == Some(&3)
    });
    fixture.wait_until(Duration::from_secs(30), "the update held", || {
        store
            .pending_confirmation(person(answered).id)
            .unwrap()
            .is_some_and(|p| p.request.answers["confidence"].value == Some(Value::Integer(9)))
    });
    fixture.wait_until(Duration::from_secs(60), "a new email showing it", || {
        stack.maildir_count(answered) == 3
    });
    let showing_nine = |stack: &Stack| -> Vec<Vec<u8>> {
        mail_with_subject(stack, answered, "Please confirm")
            .into_iter()
            .filter(|raw| text_of(raw).contains("4. 9"))
            .collect()
    };
    assert_eq!(showing_nine(&stack).len(), 1, "the new email shows 9");

    // The doctors answer their confirmation emails, with the token the
    // confirmation carries. The first doctor confirms the first email,
    // which showed 7: that counts nothing, and they are asked again.
    stack.deliver(
        answered,
        &fixture.sender,
        &reply(&asking, answered, "Confirm"),
    );
    answer_confirmation(&stack, &fixture, disowned, "Not me!");
    stack.deliver(stopped, &fixture.sender, &reply(&note, stopped, "not me"));
    // An answer that is neither word goes to the lead; the deletion waits.
    stack.deliver(
        deleting,
        &fixture.sender,
        &reply(
            &asking_deletion,
            deleting,
            "What is this about? I never wrote to you.",
        ),
    );
    fixture.wait_until(
        Duration::from_secs(60),
        "the unclear answer flagged",
        || {
            store
                .open_flags(&sid)
                .unwrap()
                .iter()
                .any(|f| f.kind == mailsurvey::store::FlagKind::ConfirmationUnclear)
        },
    );
    assert!(
        store
            .pending_confirmation(person(deleting).id)
            .unwrap()
            .is_some(),
        "still pending: the lead reads it"
    );
    assert!(
        !store
            .open_flags(&sid)
            .unwrap()
            .iter()
            .any(|f| f.kind == mailsurvey::store::FlagKind::WithdrawRequest),
        "no deletion is asked of the lead on an unconfirmed request"
    );
    fixture.wait_until(Duration::from_secs(60), "asked again", || {
        stack.maildir_count(answered) == 4
    });
    assert!(
        store
            .current_answers(person(answered).id)
            .unwrap()
            .is_empty(),
        "\"confirm\" to the email that showed 7 counts nothing"
    );
    assert!(
        store
            .pending_confirmation(person(answered).id)
            .unwrap()
            .is_some(),
        "still pending"
    );
    // Asked again, showing what is held now: confirming that email counts
    // what it showed.
    let again = showing_nine(&stack);
    assert_eq!(again.len(), 2, "asked again, showing 9");
    stack.deliver(
        answered,
        &fixture.sender,
        &reply(&again[1], answered, "confirm"),
    );
    fixture.wait_until(Duration::from_secs(60), "the answers settled", || {
        store
            .pending_confirmation(person(answered).id)
            .unwrap()
            .is_none()
            && store
                .pending_confirmation(person(disowned).id)
                .unwrap()
                .is_none()
            && store
                .pending_confirmation(person(stopped).id)
                .unwrap()
                .is_none()
    });
    let counted = store.current_answers(person(answered).id).unwrap();
    assert_eq!(counted.len(), 10, "confirmed: the held answers count");
    assert_eq!(
        counted["confidence"].value,
        Some(Value::Integer(9)),
        "what the email the doctor confirmed showed"
    );
    assert!(
        store
            .current_answers(person(disowned).id)
            .unwrap()
            .is_empty(),
        "not me: discarded"
    );
    assert_eq!(
        person(stopped).status,
        "active",
        "not me: mail starts again"
    );
    assert_eq!(
        store.status(&sid).unwrap().held,
        2,
        "the deletion request and the unclear answer wait for the lead"
    );
    assert_eq!(
        fixture
            .outbox_states(MailKind::Confirmation)
            .get(&MailState::Sent),
        Some(&6),
        "one email per pending confirmation, one when what it held changed, one asking again"
    );
    daemon.terminate();
    let review = review_of(&fixture);
    assert!(
        review.contains("the person, by email: confirmed by email")
            && review.contains("the person, by email: disowned by email (not me)"),
        "{review}"
    );
}

#[test]
fn early_close_comes_only_from_counted_answers() {
    let stack = Stack::shared();
    let fixture = Fixture::new(
        &stack,
        &[
            ("replies", "poll_interval", toml_string("2s")),
            ("period", "early_close", "true".into()),
        ],
    );
    let (rows, mut daemon) = fixture.invite_first(1, Duration::from_secs(60));
    let doctor = &rows[0].1;
    let store = fixture.store();
    let sid = fixture.survey_id();
    stack.deliver(
        "anyone@elsewhere.test",
        &fixture.sender,
        &forged(doctor, &fixture.sender, "Survey", COMPLETE),
    );
    // The confirmation goes out in the same turn that would have closed.
    fixture.wait_until(Duration::from_secs(60), "the confirmation sent", || {
        fixture
            .outbox_states(MailKind::Confirmation)
            .get(&MailState::Sent)
            == Some(&1)
    });
    assert_eq!(
        store.closed_at(&sid).unwrap(),
        None,
        "a held reply closes nothing"
    );
    fixture.wait_delivered([doctor.as_str()]);
    fixture.wait_until(
        Duration::from_secs(30),
        "the confirmation delivered",
        || stack.maildir_count(doctor) == 2,
    );
    answer_confirmation(&stack, &fixture, doctor, "confirm");
    fixture.wait_until(Duration::from_secs(60), "the survey closed", || {
        store.closed_at(&sid).unwrap().is_some()
    });
    daemon.terminate();
}

/// Puts `raw` straight into `user`'s INBOX, as the organisation's mail
/// server would deliver it (with the headers it wrote on top).
fn append(stack: &Stack, user: &str, raw: &[u8]) {
    let mut session = mailsurvey::inbox::connect(&stack.imap(user)).unwrap();
    session.append("INBOX", raw).finish().unwrap();
    let _ = session.logout();
}

#[test]
fn a_trusted_dmarc_pass_counts_at_once_and_nothing_else_does() {
    let stack = Stack::shared();
    // The shared stack's plain-SMTP Postfix calls itself mx.doctors.test:
    // here it plays the organisation's own mail server.
    let fixture = Fixture::new(
        &stack,
        &[
            ("replies", "poll_interval", toml_string("2s")),
            (
                "replies",
                "trusted_authserv_id",
                toml_string("mx.doctors.test"),
            ),
        ],
    );
    let (rows, mut daemon) = fixture.invite_first(3, Duration::from_secs(60));
    let (trusted, other_id, below) = (&rows[0].1, &rows[1].1, &rows[2].1);
    let store = fixture.store();
    let sid = fixture.survey_id();
    let person = |email: &str| store.recipient_by_email(&sid, email).unwrap().unwrap();
    let domain = |email: &str| email.rsplit_once('@').unwrap().1.to_owned();
    // As Postfix with OpenDMARC delivers it: the verdict above the
    // Received header with which the server took the message in.
    let delivered = |email: &str, authserv_id: &str| {
        let mut raw = format!(
            "Authentication-Results: {authserv_id}; dmarc=pass (p=none dis=none) header.from={}\r\nReceived: from mail.{} (mail.{} [192.0.2.25])\r\n\tby mx.doctors.test (Postfix) with ESMTPS id 4Y2Qp83mKcz9sSK\r\n\tfor <{}>; Thu, 26 Nov 2026 10:00:01 +0000 (UTC)\r\n",
            domain(email),
            domain(email),
            domain(email),
            fixture.sender
        )
        .into_bytes();
        raw.extend(forged(email, &fixture.sender, "Survey", COMPLETE));
        raw
    };
    append(
        &stack,
        &fixture.sender,
        &delivered(trusted, "mx.doctors.test"),
    );
    append(
        &stack,
        &fixture.sender,
        &delivered(other_id, "mx.other.test"),
    );
    // Sent through the real Postfix: the same header, written by the
    // sender, ends up below the server's Received line.
    let mut forged_header = format!(
        "Authentication-Results: mx.doctors.test; dmarc=pass header.from={}\r\n",
        domain(below)
    )
    .into_bytes();
    forged_header.extend(forged(below, &fixture.sender, "Survey", COMPLETE));
    stack.deliver("anyone@elsewhere.test", &fixture.sender, &forged_header);

    fixture.wait_until(Duration::from_secs(60), "all three processed", || {
        store
            .message_counts(&sid)
            .unwrap()
            .get(&Received::Kind(MessageKind::Reply))
            == Some(&3)
    });
    fixture.wait_until(Duration::from_secs(60), "the follow-ups sent", || {
        fixture
            .outbox_states(MailKind::Receipt)
            .get(&MailState::Sent)
            == Some(&1)
            && fixture
                .outbox_states(MailKind::Confirmation)
                .get(&MailState::Sent)
                == Some(&2)
    });
    assert_eq!(
        store.current_answers(person(trusted).id).unwrap().len(),
        10,
        "a trusted dmarc=pass counts at once"
    );
    for email in [other_id, below] {
        assert!(
            store.current_answers(person(email).id).unwrap().is_empty(),
            "{email}: held"
        );
        assert!(
            store
                .pending_confirmation(person(email).id)
                .unwrap()
                .is_some()
        );
    }
    let status = review_of(&fixture);
    assert!(
        status.contains("counted because mx.doctors.test recorded dmarc=pass"),
        "{status}"
    );
    daemon.terminate();
}

#[test]
fn a_forged_bounce_without_our_token_bounces_nobody() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[("replies", "poll_interval", toml_string("2s"))]);
    let (rows, mut daemon) = fixture.invite_first(2, Duration::from_secs(60));
    let (standard, text) = (&rows[0].1, &rows[1].1);
    // An RFC 3464 report naming the doctor, returning headers that carry
    // none of our tokens.
    let dsn = format!(
        "From: MAILER-DAEMON@mx.elsewhere.test\r\nTo: {sender}\r\nSubject: Undelivered Mail Returned to Sender\r\nMessage-ID: <dsn.{r}@mx.elsewhere.test>\r\nAuto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\nI'm sorry to have to inform you that your message could not be delivered.\r\n\r\n--b1\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.elsewhere.test\r\n\r\nFinal-Recipient: rfc822; {standard}\r\nOriginal-Recipient: rfc822; {standard}\r\nAction: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 user unknown\r\n\r\n--b1\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: {sender}\r\nTo: {standard}\r\nSubject: Ketamine survey\r\nMessage-ID: <20261126.1@survey.test>\r\n\r\n--b1--\r\n",
        sender = fixture.sender,
        r = rand::random::<u64>(),
    );
    stack.deliver("", &fixture.sender, dsn.as_bytes());
    // A plain-text "undeliverable" from a mailer daemon naming the other.
    let plain = format!(
        "From: Mail Delivery System <mailer-daemon@mx.elsewhere.test>\r\nTo: {}\r\nSubject: Undeliverable: Ketamine survey\r\nMessage-ID: <ndr.{}@mx.elsewhere.test>\r\n\r\nDelivery has failed to these recipients:\r\n\r\n{text}\r\n550 5.1.1 RESOLVER.ADR.RecipNotFound; not found\r\n",
        fixture.sender,
        rand::random::<u64>()
    );
    stack.deliver("", &fixture.sender, plain.as_bytes());
    let store = fixture.store();
    let sid = fixture.survey_id();
    fixture.wait_until(Duration::from_secs(60), "both reports processed", || {
        store
            .message_counts(&sid)
            .unwrap()
            .get(&Received::Kind(MessageKind::Bounce))
            == Some(&2)
    });
    daemon.terminate();
    for email in [standard, text] {
        let person = store.recipient_by_email(&sid, email).unwrap().unwrap();
        assert_eq!(
            person.status, "active",
            "{email} is not bounced by a forged report"
        );
    }
    let bounces: Vec<_> = store
        .messages(&sid)
        .unwrap()
        .into_iter()
        .filter(|m| m.kind == Some(mailsurvey::store::MessageKind::Bounce))
        .collect();
    assert!(
        bounces.iter().all(|m| m.recipient.is_none()),
        "recorded, tied to nobody: {bounces:?}"
    );
}

/// Finding 3 of issue 18: only counted answers (or an opt-out, which stops
/// all mail) stop a doctor's reminders. A forged message from the doctor's
/// address without a token that only says "I'll answer later" (nothing to
/// hold, so no confirmation email) and a held reply stop nothing: both
/// doctors are reminded; the doctor whose answers counted is not.
#[test]
fn a_forged_or_held_reply_does_not_stop_reminders() {
    let stack = Stack::shared();
    let fixture = Fixture::new(
        &stack,
        &[
            ("replies", "poll_interval", toml_string("2s")),
            ("period", "reminders", "[\"20s after invitation\"]".into()),
        ],
    );
    let (rows, mut daemon) = fixture.invite_first(3, Duration::from_secs(60));
    let (later, held, answered) = (&rows[0].1, &rows[1].1, &rows[2].1);
    stack.deliver(
        "anyone@elsewhere.test",
        &fixture.sender,
        &forged(
            later,
            &fixture.sender,
            "Re: Survey: ketamine use in specialist palliative care (5 minutes)",
            "Sorry, very busy this week. I'll answer later.",
        ),
    );
    stack.deliver(
        "anyone@elsewhere.test",
        &fixture.sender,
        &forged(held, &fixture.sender, "Survey", COMPLETE),
    );
    fixture.reply_and_wait_recorded(answered, COMPLETE, 10);
    let store = fixture.store();
    let sid = fixture.survey_id();
    fixture.wait_until(Duration::from_secs(60), "the forged replies read", || {
        store.messages(&sid).unwrap().len() == 3 && store.unprocessed(&sid).unwrap().is_empty()
    });
    let counts = store.message_counts(&sid).unwrap();
    assert_eq!(
        counts.get(&Received::Kind(MessageKind::Reply)),
        Some(&3),
        "{counts:?}"
    );
    // Read before the reminders fell due (20 s after the invitations).
    assert!(
        fixture.outbox_states(MailKind::Reminder).is_empty(),
        "{:?}",
        fixture.outbox_states(MailKind::Reminder)
    );
    fixture.wait_until(Duration::from_secs(60), "two reminders sent", || {
        fixture
            .outbox_states(MailKind::Reminder)
            .get(&MailState::Sent)
            == Some(&2)
    });
    daemon.terminate();
    stack.wait_queue_clear_of(&fixture.tag, Duration::from_secs(60));
    let reminded = |email: &str| {
        stack.inbox(email).iter().any(|raw| {
            parse(raw)
                .message_id()
                .unwrap_or_default()
                .starts_with("reminder.1.")
        })
    };
    assert!(reminded(later), "a forged 'later' stops nothing");
    assert!(reminded(held), "a held reply stops nothing");
    assert!(!reminded(answered), "counted answers stop the reminders");
}

/// Finding 5 of issue 18: with `early_close`, opt-outs without a token
/// (mail stops at once, but nobody confirmed them) never close the survey:
/// only verified states count. One doctor answers; a stranger opts the
/// other out in their name; the survey stays open until that doctor
/// answers with their token.
#[test]
fn forged_opt_outs_never_close_the_survey_early() {
    let stack = Stack::shared();
    let fixture = Fixture::new(
        &stack,
        &[
            ("replies", "poll_interval", toml_string("2s")),
            ("period", "early_close", "true".into()),
        ],
    );
    let (rows, mut daemon) = fixture.invite_first(2, Duration::from_secs(60));
    let (answered, forged_out) = (&rows[0].1, &rows[1].1);
    let store = fixture.store();
    let sid = fixture.survey_id();
    fixture.reply_and_wait_recorded(answered, COMPLETE, 10);
    stack.deliver(
        "anyone@elsewhere.test",
        &fixture.sender,
        &forged(
            forged_out,
            &fixture.sender,
            "unsubscribe",
            "Please remove me from this list.",
        ),
    );
    // The note about the stopped mail goes out in the turn that would
    // have closed the survey.
    fixture.wait_until(Duration::from_secs(60), "the opt-out note sent", || {
        fixture
            .outbox_states(MailKind::Confirmation)
            .get(&MailState::Sent)
            == Some(&1)
    });
    assert_eq!(
        store
            .recipient_by_email(&sid, forged_out)
            .unwrap()
            .unwrap()
            .status,
        "opted_out"
    );
    assert_eq!(
        store.closed_at(&sid).unwrap(),
        None,
        "an unconfirmed opt-out closes nothing"
    );
    assert!(fixture.outbox_states(MailKind::Report).is_empty());
    // The doctor answers with their token: now everyone reachable has.
    fixture.reply_as(forged_out, COMPLETE);
    fixture.wait_until(Duration::from_secs(60), "the survey closed", || {
        store.closed_at(&sid).unwrap().is_some()
    });
    daemon.terminate();
}

/// Finding 9 of issue 18: what a stranger wrote is shown, never acted on.
/// A forged reply whose subject and answer carry terminal escape sequences
/// is held; `review` and `status` show them as `\u{1b}`, the daemon's log
/// carries none raw, and a doctor's own free-text answer with one reaches
/// the lead's report the same way.
#[test]
fn escape_sequences_from_a_message_are_shown_visibly_to_the_lead() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[("replies", "poll_interval", toml_string("2s"))]);
    let (rows, mut daemon) = fixture.invite_first(2, Duration::from_secs(60));
    let (forged_for, honest) = (&rows[0].1, &rows[1].1);
    let store = fixture.store();
    let sid = fixture.survey_id();
    let hostile = COMPLETE.replace(
        "10. We need",
        "10. \u{1b}[2J\u{1b}[1;1HAll answers deleted.\u{1b}]0;owned\u{7} We need",
    );
    stack.deliver(
        "anyone@elsewhere.test",
        &fixture.sender,
        &forged(
            forged_for,
            &fixture.sender,
            "Survey \u{1b}[31mURGENT\u{1b}[0m",
            &hostile,
        ),
    );
    fixture.reply_and_wait_recorded(honest, &hostile, 10);
    fixture.wait_until(Duration::from_secs(60), "the forged reply held", || {
        store.status(&sid).unwrap().held == 1
    });
    daemon.terminate();
    // The daemon logged the held message and the recorded reply: a line
    // that carries their text carries it as `shown::logged` makes it.
    let log = fixture.log();
    assert!(
        !log.contains('\u{1b}') && !log.contains('\u{7}'),
        "the daemon's log carries an escape or a bell: {log:?}"
    );
    for command in [&["review"][..], &["status"][..]] {
        let output = fixture.mailsurvey(command);
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{command:?}: {text}");
        assert!(
            !text.contains('\u{1b}'),
            "{command:?} printed an escape: {text:?}"
        );
        assert!(
            !text.contains('\u{7}'),
            "{command:?} printed a bell: {text:?}"
        );
    }
    let review = review_of(&fixture);
    assert!(
        review.contains("\\u{1b}[2J\\u{1b}[1;1HAll answers deleted."),
        "{review}"
    );
    // The report to the lead: the doctor's free text, escapes shown.
    let closed = fixture.mailsurvey(&["close"]);
    assert!(
        closed.status.success(),
        "{}",
        String::from_utf8_lossy(&closed.stderr)
    );
    let lead = format!("lead-{}@survey.test", fixture.tag);
    fixture.wait_until(Duration::from_secs(60), "the report delivered", || {
        stack.maildir_count(&lead) == 1
    });
    let report = stack.inbox(&lead).remove(0);
    let message = parse(&report);
    let text = message.body_text(0).unwrap_or_default().into_owned();
    let html = message.body_html(0).unwrap_or_default().into_owned();
    for body in [&text, &html] {
        assert!(
            !body.contains('\u{1b}'),
            "the report carries an escape: {body:?}"
        );
    }
    assert!(text.contains("\\u{1b}[2J"), "{text}");
}

/// Finding 4 of issue 18: "not me" undoes everything a forged opt-out
/// without a token did, as if it never came: the doctor is active again,
/// the forged message's decision is rejected (it stops nothing, counts
/// nowhere), and the reminders resume: the doctor gets the next one.
#[test]
fn not_me_undoes_a_forged_opt_out_and_the_reminders_resume() {
    let stack = Stack::shared();
    let fixture = Fixture::new(
        &stack,
        &[
            ("replies", "poll_interval", toml_string("2s")),
            ("period", "reminders", "[\"25s after invitation\"]".into()),
        ],
    );
    let (rows, mut daemon) = fixture.invite_first(2, Duration::from_secs(60));
    let (stopped, other) = (&rows[0].1, &rows[1].1);
    let store = fixture.store();
    let sid = fixture.survey_id();
    let person = |email: &str| store.recipient_by_email(&sid, email).unwrap().unwrap();
    stack.deliver(
        "anyone@elsewhere.test",
        &fixture.sender,
        &forged(
            stopped,
            &fixture.sender,
            "unsubscribe",
            "Please remove me from this list.",
        ),
    );
    fixture.wait_until(Duration::from_secs(60), "the note delivered", || {
        stack.maildir_count(stopped) == 2
    });
    assert_eq!(person(stopped).status, "opted_out", "stopped at once");
    let note = mail_with_subject(&stack, stopped, "We have stopped your mail").remove(0);
    stack.deliver(stopped, &fixture.sender, &reply(&note, stopped, "not me"));
    fixture.wait_until(Duration::from_secs(60), "the opt-out disowned", || {
        store
            .pending_confirmation(person(stopped).id)
            .unwrap()
            .is_none()
    });
    assert_eq!(
        person(stopped).status,
        "active",
        "not me: mail starts again"
    );
    fixture.wait_until(Duration::from_secs(90), "both reminders sent", || {
        fixture
            .outbox_states(MailKind::Reminder)
            .get(&MailState::Sent)
            == Some(&2)
    });
    daemon.terminate();
    let forged_row = store
        .messages(&sid)
        .unwrap()
        .into_iter()
        .find(|m| m.kind == Some(mailsurvey::store::MessageKind::Unsubscribe))
        .expect("the forged opt-out is recorded");
    assert_eq!(
        forged_row.decision,
        Some(mailsurvey::store::HeldDecision::Rejected),
        "the forged request's decision: rejected, as if it never came"
    );
    stack.wait_queue_clear_of(&fixture.tag, Duration::from_secs(60));
    for email in [stopped, other] {
        assert!(
            stack.inbox(email).iter().any(|raw| parse(raw)
                .message_id()
                .unwrap_or_default()
                .starts_with("reminder.1.")),
            "{email} is reminded"
        );
    }
}

/// Finding 8 of issue 18: an opt-out carrying the doctor's token from
/// another address (a colleague who was in CC has the plus-address) stops
/// nothing: the listed address is asked, and only the doctor's "confirm"
/// stops their mail; "not me" leaves it running. A deletion request sent
/// the same way sets nothing aside until the doctor confirms it (finding
/// 7).
#[test]
fn an_opt_out_with_the_token_from_another_address_waits_for_the_doctor() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[("replies", "poll_interval", toml_string("2s"))]);
    let (rows, mut daemon) = fixture.invite_first(3, Duration::from_secs(60));
    let (confirms, disowns, deleting) = (&rows[0].1, &rows[1].1, &rows[2].1);
    let store = fixture.store();
    let sid = fixture.survey_id();
    let person = |email: &str| store.recipient_by_email(&sid, email).unwrap().unwrap();
    fixture.reply_and_wait_recorded(deleting, COMPLETE, 10);
    let from_colleague = |doctor: &str, body: &str| {
        let invitation = stack
            .inbox(doctor)
            .into_iter()
            .find(|raw| {
                parse(raw)
                    .message_id()
                    .unwrap_or_default()
                    .starts_with("invitation.")
            })
            .unwrap();
        stack.deliver(
            "colleague@elsewhere.test",
            &fixture.sender,
            &reply(&invitation, "colleague@elsewhere.test", body),
        );
    };
    for doctor in [confirms, disowns] {
        from_colleague(doctor, "Please remove me from this list.");
    }
    from_colleague(deleting, "Please delete my answers, I withdraw my consent.");
    fixture.wait_until(Duration::from_secs(60), "the three doctors asked", || {
        stack.maildir_count(confirms) == 2
            && stack.maildir_count(disowns) == 2
            && mail_with_subject(&stack, deleting, "Please confirm").len() == 1
    });
    for doctor in [confirms, disowns, deleting] {
        assert_eq!(person(doctor).status, "active", "{doctor}: nothing stopped");
    }
    assert_eq!(
        store.current_answers(person(deleting).id).unwrap().len(),
        10,
        "nothing set aside before the doctor confirms"
    );
    answer_confirmation(&stack, &fixture, deleting, "confirm");
    fixture.wait_recorded(deleting, 0, Duration::from_secs(60));
    let text = text_of(&answer_confirmation(&stack, &fixture, confirms, "confirm"));
    assert!(
        text.contains("from another address than yours")
            && text.contains("Nothing has been stopped yet"),
        "{text}"
    );
    answer_confirmation(&stack, &fixture, disowns, "not me");
    fixture.wait_until(Duration::from_secs(60), "both answers read", || {
        store
            .pending_confirmation(person(confirms).id)
            .unwrap()
            .is_none()
            && store
                .pending_confirmation(person(disowns).id)
                .unwrap()
                .is_none()
    });
    daemon.terminate();
    assert_eq!(
        person(confirms).status,
        "opted_out",
        "confirmed: mail stops"
    );
    assert_eq!(person(disowns).status, "active", "not me: nothing stops");
    let review = review_of(&fixture);
    assert!(
        review.contains("Answers set aside at the person's request (1)")
            && review.contains(&format!("{deleting}: 10 answers set aside")),
        "confirmed: the answers are set aside: {review}"
    );
}

/// Finding 7 of issue 18: "please delete my answers" with the token takes
/// the answers out of the report and the exports at once, without
/// destroying them; `review` shows it, and the lead can restore them.
#[test]
fn a_deletion_request_with_the_token_sets_the_answers_aside_until_the_lead_restores_them() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[("replies", "poll_interval", toml_string("2s"))]);
    let (rows, mut daemon) = fixture.invite_first(2, Duration::from_secs(60));
    let (deleting, other) = (&rows[0].1, &rows[1].1);
    fixture.reply_and_wait_recorded(deleting, COMPLETE, 10);
    fixture.reply_and_wait_recorded(other, COMPLETE, 10);
    fixture.reply_as(deleting, "Please delete my answers, I withdraw my consent.");
    fixture.wait_recorded(deleting, 0, Duration::from_secs(60));
    daemon.terminate();
    let responses = |name: &str| {
        let out = fixture.dir.path().join(name);
        let made = fixture.mailsurvey(&["report", "--out", out.to_str().unwrap()]);
        assert!(
            made.status.success(),
            "{}",
            String::from_utf8_lossy(&made.stderr)
        );
        std::fs::read_to_string(out.join("responses.csv"))
            .unwrap()
            .lines()
            .count()
            - 1
    };
    assert_eq!(responses("aside"), 1, "out of the export at once");
    let review = review_of(&fixture);
    assert!(
        review.contains("Answers set aside at the person's request (1)")
            && review.contains(&format!("{deleting}: 10 answers set aside")),
        "{review}"
    );
    let restored = fixture.mailsurvey(&["review", "--restore", deleting]);
    assert!(
        restored.status.success(),
        "{}",
        String::from_utf8_lossy(&restored.stderr)
    );
    fixture.wait_recorded(deleting, 10, Duration::from_secs(5));
    assert_eq!(responses("restored"), 2, "restored by the lead");
    let review = review_of(&fixture);
    assert!(
        review.contains("answers set aside") && review.contains("answers restored"),
        "recorded: {review}"
    );
}

/// Finding 4 of issue 18: "not me" never starts mail the doctor stopped
/// themselves. A forged opt-out for a doctor who already opted out with
/// their token stops nothing, holds nothing and sends no note whose "not
/// me" would start their mail again.
#[test]
fn a_forged_opt_out_after_the_doctors_own_leaves_nothing_to_undo() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[("replies", "poll_interval", toml_string("2s"))]);
    let (rows, mut daemon) = fixture.invite_first(1, Duration::from_secs(60));
    let doctor = &rows[0].1;
    let store = fixture.store();
    let sid = fixture.survey_id();
    let person = || store.recipient_by_email(&sid, doctor).unwrap().unwrap();
    fixture.reply_as(doctor, "Please remove me from this list.");
    fixture.wait_until(Duration::from_secs(60), "the doctor's own opt-out", || {
        person().status == "opted_out"
    });
    stack.deliver(
        "anyone@elsewhere.test",
        &fixture.sender,
        &forged(
            doctor,
            &fixture.sender,
            "unsubscribe",
            "Please remove me from this list.",
        ),
    );
    fixture.wait_until(Duration::from_secs(60), "the forged opt-out read", || {
        store
            .message_counts(&sid)
            .unwrap()
            .get(&Received::Kind(MessageKind::Unsubscribe))
            == Some(&2)
            && store.unprocessed(&sid).unwrap().is_empty()
    });
    daemon.terminate();
    assert!(
        store.pending_confirmation(person().id).unwrap().is_none(),
        "nothing held"
    );
    assert!(
        fixture.outbox_states(MailKind::Confirmation).is_empty(),
        "no note to answer \"not me\" to: {:?}",
        fixture.outbox_states(MailKind::Confirmation)
    );
    assert_eq!(person().status, "opted_out");
}

/// Finding 8 of issue 18, where the survey accepts replies from another
/// address (`different_sender = "accept"`): a colleague's reply with the
/// doctor's token counts, but its "please remove me" stops nothing until
/// the doctor confirms it.
#[test]
fn a_reply_accepted_from_another_address_stops_no_mail_before_the_doctor_confirms() {
    let stack = Stack::shared();
    let fixture = Fixture::new(
        &stack,
        &[
            ("replies", "poll_interval", toml_string("2s")),
            ("replies", "different_sender", toml_string("accept")),
        ],
    );
    let (rows, mut daemon) = fixture.invite_first(1, Duration::from_secs(60));
    let doctor = &rows[0].1;
    let store = fixture.store();
    let sid = fixture.survey_id();
    let person = || store.recipient_by_email(&sid, doctor).unwrap().unwrap();
    let invitation = stack.inbox(doctor).remove(0);
    stack.deliver(
        "colleague@elsewhere.test",
        &fixture.sender,
        &reply(
            &invitation,
            "colleague@elsewhere.test",
            &format!("{COMPLETE}\n\nPlease remove me from this list."),
        ),
    );
    fixture.wait_recorded(doctor, 10, Duration::from_secs(60));
    fixture.wait_until(Duration::from_secs(60), "the doctor asked", || {
        mail_with_subject(&stack, doctor, "Please confirm").len() == 1
    });
    assert_eq!(person().status, "active", "nothing stopped yet");
    answer_confirmation(&stack, &fixture, doctor, "confirm");
    fixture.wait_until(Duration::from_secs(60), "confirmed: mail stops", || {
        person().status == "opted_out"
    });
    daemon.terminate();
    assert_eq!(
        store.current_answers(person().id).unwrap().len(),
        10,
        "the answers still count"
    );
}
