//! VERP and bounce attribution through the real binary and the real
//! Postfix: a bounce is tied to the exact message it returns by the address
//! it comes back to; a report with nothing of ours in it bounces nobody.

use std::time::Duration;

use mailsurvey::store::{MailKind, MailState, MatchedBy, MessageKind, Received};

use crate::support::*;

/// A delivery report naming `failed`, with nothing of ours in it: what
/// anyone can send to cut a doctor off.
fn forged_report(sender: &str, failed: &str) -> Vec<u8> {
    format!(
        "From: Mail Delivery System <MAILER-DAEMON@mx.forger.test>\r\n\
         To: {sender}\r\n\
         Subject: Undelivered Mail Returned to Sender\r\n\
         Message-ID: <forged.1@mx.forger.test>\r\n\
         Auto-Submitted: auto-replied\r\n\
         MIME-Version: 1.0\r\n\
         Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\r\n\
         \r\n\
         --b1\r\n\
         Content-Type: text/plain\r\n\
         \r\n\
         Your message could not be delivered to {failed}.\r\n\
         --b1\r\n\
         Content-Type: message/delivery-status\r\n\
         \r\n\
         Reporting-MTA: dns; mx.forger.test\r\n\
         \r\n\
         Final-Recipient: rfc822; {failed}\r\n\
         Action: failed\r\n\
         Status: 5.1.1\r\n\
         --b1--\r\n"
    )
    .into_bytes()
}

/// A survey polling every 2 s with `setting`, sending to two doctors and
/// to one whose address bounces (`gone`, the last row), its daemon
/// started.
fn with_one_who_bounces(
    stack: &Stack,
    setting: Setting<'_>,
) -> (Fixture, Vec<(String, String)>, String, Daemon) {
    let fixture = Fixture::new(
        stack,
        &[("replies", "poll_interval", toml_string("2s")), setting],
    );
    let mut rows = fixture.recipients()[..2].to_vec();
    let gone = fixture.bouncing_address();
    rows.push(("Dr Gone".into(), gone.clone()));
    fixture.write_recipients(&rows);
    let daemon = fixture.start_daemon();
    (fixture, rows, gone, daemon)
}

/// The acceptance test of VERP: with the report parser switched off
/// (`read_bounce_reports = false`: no Final-Recipient, no returned
/// headers, no text), the real bounce Postfix sends for a `bounce*@`
/// address is attributed by the address it came back to alone. A forged
/// report to the plain sender address bounces nobody and is shown as
/// unverified.
#[test]
fn a_real_bounce_is_attributed_by_its_verp_address_alone() {
    let stack = Stack::shared();
    let (fixture, rows, gone, _daemon) =
        with_one_who_bounces(&stack, ("sending", "read_bounce_reports", "false".into()));
    let store = fixture.store();
    let sid = fixture.survey_id();
    fixture.wait_until(Duration::from_secs(90), "the bounce processed", || {
        store
            .message_counts(&sid)
            .unwrap()
            .get(&Received::Kind(MessageKind::Bounce))
            == Some(&1)
    });
    let person = |email: &str| store.recipient_by_email(&sid, email).unwrap().unwrap();
    assert_eq!(person(&gone).status, "bounced");
    assert_eq!(person(&rows[0].1).status, "active");
    let bounce = store
        .messages(&sid)
        .unwrap()
        .into_iter()
        .find(|m| m.kind == Some(MessageKind::Bounce))
        .unwrap();
    assert_eq!(bounce.matched_by, Some(MatchedBy::Verp), "{bounce:?}");
    assert_eq!(bounce.recipient.as_deref(), Some(gone.as_str()));
    // It really came back to the message's own address.
    let raw = String::from_utf8_lossy(&store.raw_message(bounce.id).unwrap()).into_owned();
    let base = fixture.sender.split('@').next().unwrap();
    assert!(
        raw.lines()
            .any(|l| l.starts_with("Delivered-To:") && l.contains(&format!("{base}+b."))),
        "the bounce was not delivered to a VERP address:\n{raw}"
    );

    // A forged report naming a doctor, sent to the plain address.
    let victim = rows[0].1.clone();
    stack.deliver(
        "",
        &fixture.sender,
        &forged_report(&fixture.sender, &victim),
    );
    fixture.wait_until(
        Duration::from_secs(60),
        "the forged report processed",
        || {
            store
                .message_counts(&sid)
                .unwrap()
                .get(&Received::Kind(MessageKind::Bounce))
                == Some(&2)
        },
    );
    assert_eq!(
        person(&victim).status,
        "active",
        "a forged report bounces nobody"
    );
    let status = fixture.mailsurvey(&["status"]);
    let out = String::from_utf8_lossy(&status.stdout);
    assert!(out.contains("unverified bounces (1)"), "{out}");
}

/// With the parser on and VERP lost (the report comes to the plain
/// address, as when a provider rewrites the envelope sender), a real
/// Postfix report is still tied to its message by the returned Message-ID;
/// a forged one naming another doctor bounces nobody.
#[test]
fn without_verp_a_bounce_is_tied_by_its_returned_message_id_and_a_forgery_by_nothing() {
    let stack = Stack::shared();
    let (fixture, rows, gone, _daemon) =
        with_one_who_bounces(&stack, ("sending", "verp", "false".into()));
    let store = fixture.store();
    let sid = fixture.survey_id();
    stack.deliver(
        "",
        &fixture.sender,
        &forged_report(&fixture.sender, &rows[1].1),
    );
    fixture.wait_until(Duration::from_secs(90), "both reports processed", || {
        store
            .message_counts(&sid)
            .unwrap()
            .get(&Received::Kind(MessageKind::Bounce))
            == Some(&2)
    });
    let person = |email: &str| store.recipient_by_email(&sid, email).unwrap().unwrap();
    assert_eq!(person(&gone).status, "bounced");
    assert_eq!(person(&rows[1].1).status, "active");
    let messages = store.messages(&sid).unwrap();
    let real = messages
        .iter()
        .find(|m| m.recipient.as_deref() == Some(gone.as_str()))
        .unwrap();
    assert_eq!(real.matched_by, Some(MatchedBy::Reference), "{real:?}");
    let status = store.status(&sid).unwrap();
    assert_eq!(status.unverified_bounces.len(), 1, "{status:?}");
    assert!(status.unverified_bounces[0].contains(&rows[1].1));
}

/// `check` says whether VERP survives: the Return-Path of its own test
/// message, and a real bounce from a reserved address.
#[test]
fn check_reports_that_verp_survives_a_real_bounce() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[]);
    let probe = format!("bounce-check-{}@nhs.test", fixture.tag);
    let output = fixture.mailsurvey(&["check", "--bounce-probe", &probe]);
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{out}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        out.contains("ok    VERP (a bounce key in the envelope sender): kept"),
        "{out}"
    );
    assert!(out.contains("VERP survives"), "{out}");
}

/// Gmail's refusal of our own account (`550 5.4.5 Daily user sending
/// limit exceeded`) for one of our messages.
fn sending_limit_report(sender: &str, doctor: &str, returned: &str) -> String {
    format!(
        "From: Mail Delivery Subsystem <mailer-daemon@googlemail.test>\r\n\
         To: {sender}\r\n\
         Subject: Delivery Status Notification (Failure)\r\n\
         Message-ID: <limit.{r}@googlemail.test>\r\n\
         Auto-Submitted: auto-replied\r\n\
         MIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=\"b1\"\r\n\
         \r\n\
         --b1\r\n\
         Content-Type: text/plain\r\n\
         \r\n\
         ** Message not delivered **\r\n\
         You have reached a limit for sending mail. Your message was not sent to {doctor}.\r\n\
         550 5.4.5 Daily user sending limit exceeded.\r\n\
         --b1\r\n\
         Content-Type: message/rfc822\r\n\
         \r\n\
         {returned}\r\n\
         --b1--\r\n",
        r = rand::random::<u64>()
    )
}

/// The envelope sender (VERP address) of a delivered copy.
fn return_path(raw: &str) -> String {
    raw.lines()
        .find_map(|l| l.strip_prefix("Return-Path:"))
        .expect("a Return-Path")
        .trim()
        .trim_matches(['<', '>'])
        .to_owned()
}

/// The provider's refusal of our own account, delivered to the bounce key
/// of the refused invitation (as the real provider would: it comes back to
/// the envelope sender): nobody is bounced, the invitation goes back to the
/// queue, sending pauses, and `status` says why. The same report again
/// (anyone who saw the delivered copy has the key) pauses nothing more.
#[test]
fn a_sending_limit_refusal_pauses_sending_and_bounces_nobody() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[("replies", "poll_interval", toml_string("2s"))]);
    let (rows, _daemon) = fixture.invite_first(2, Duration::from_secs(60));
    let doctor = &rows[0].1;
    let invitation = String::from_utf8_lossy(&stack.inbox(doctor).remove(0)).into_owned();
    let verp = return_path(&invitation);
    assert!(verp.contains("+b."), "{verp}");
    let refusal = sending_limit_report(&fixture.sender, doctor, &invitation);
    stack.deliver("", &verp, refusal.as_bytes());
    let store = fixture.store();
    let sid = fixture.survey_id();
    fixture.wait_until(Duration::from_secs(60), "the refusal processed", || {
        store.status(&sid).unwrap().sending_limits == 1
    });
    let person = store.recipient_by_email(&sid, doctor).unwrap().unwrap();
    assert_eq!(person.status, "active", "a sending limit bounces nobody");
    assert_eq!(
        fixture
            .outbox_states(MailKind::Invitation)
            .get(&MailState::Pending),
        Some(&1),
        "the refused invitation waits for the pause to end"
    );
    // Replayed (another Message-ID, the same key): recorded, and nothing
    // pauses again.
    let replay = sending_limit_report(&fixture.sender, doctor, &invitation);
    stack.deliver("", &verp, replay.as_bytes());
    fixture.wait_until(Duration::from_secs(60), "the replay processed", || {
        store.messages(&sid).unwrap().len() == 2 && store.unprocessed(&sid).unwrap().is_empty()
    });
    let out = fixture.mailsurvey(&["status"]);
    let out = String::from_utf8_lossy(&out.stdout);
    assert!(out.contains("sending paused 1 time(s)"), "{out}");
    assert!(
        out.contains("with our bounce key for the invitation to")
            && out.contains("5.4.5 Daily user sending limit exceeded"),
        "{out}"
    );
}

/// Finding 6 of issue 18: a stranger's sending-limit report with nothing
/// of ours, and one returning our invitation (its Message-ID, which a
/// token reveals) to the plain address, pause nothing and send nothing
/// again: the invitations stay sent, and a reply read with them gets its
/// receipt at once.
#[test]
fn a_forged_sending_limit_report_pauses_nothing_and_sends_nothing_twice() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[("replies", "poll_interval", toml_string("2s"))]);
    let (rows, _daemon) = fixture.invite_first(2, Duration::from_secs(60));
    let (doctor, replying) = (&rows[0].1, &rows[1].1);
    let invitation = String::from_utf8_lossy(&stack.inbox(doctor).remove(0)).into_owned();
    // The genuine reply first, so that its receipt waits in the outbox
    // when the reports are read (the same batch, or the next).
    fixture.reply_as(
        replying,
        "1. yes\n2. no\n3. yes\n4. 7\n5. a, c\n6. no\n7. no\n8. yes\n9. yes",
    );
    let nothing_of_ours = sending_limit_report(
        &fixture.sender,
        doctor,
        "From: someone@elsewhere.test\r\nSubject: hello\r\n\r\nhi",
    );
    stack.deliver("", &fixture.sender, nothing_of_ours.as_bytes());
    let without_verp = invitation
        .lines()
        .filter(|l| !l.starts_with("Return-Path:"))
        .collect::<Vec<_>>()
        .join("\r\n");
    let ours = sending_limit_report(&fixture.sender, doctor, &without_verp);
    stack.deliver("", &fixture.sender, ours.as_bytes());
    let store = fixture.store();
    let sid = fixture.survey_id();
    fixture.wait_until(Duration::from_secs(60), "the receipt sent", || {
        fixture
            .outbox_states(MailKind::Receipt)
            .get(&MailState::Sent)
            == Some(&1)
    });
    fixture.wait_until(Duration::from_secs(60), "both reports processed", || {
        store.status(&sid).unwrap().unverified_bounces.len() == 2
    });
    let status = store.status(&sid).unwrap();
    assert_eq!(status.sending_limits, 0, "{status:?}");
    assert_eq!(
        fixture
            .outbox_states(MailKind::Invitation)
            .get(&MailState::Sent),
        Some(&2),
        "no invitation goes back to the queue: {:?}",
        fixture.outbox_states(MailKind::Invitation)
    );
    let out = fixture.mailsurvey(&["status"]);
    let out = String::from_utf8_lossy(&out.stdout);
    assert!(!out.contains("sending paused"), "{out}");
    assert!(out.contains("without our bounce key"), "{out}");
}

/// Exchange Online's non-delivery report when the mailbox has sent to too
/// many recipients in a day (RFC 3464, `Status: 5.1.90`).
fn exchange_ndr_5_1_90(sender: &str, doctor: &str, returned: &str) -> String {
    format!(
        "From: Microsoft Outlook <MAILER-DAEMON@outlook.test>\r\n\
         To: {sender}\r\n\
         Subject: Undeliverable: Your views on ketamine\r\n\
         Message-ID: <ndr.{r}@outlook.test>\r\n\
         Auto-Submitted: auto-replied\r\n\
         MIME-Version: 1.0\r\n\
         Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\r\n\
         \r\n\
         --b1\r\n\
         Content-Type: text/plain\r\n\
         \r\n\
         Your message to {doctor} couldn't be delivered.\r\n\
         You've reached your daily limit for message recipients.\r\n\
         --b1\r\n\
         Content-Type: message/delivery-status\r\n\
         \r\n\
         Reporting-MTA: dns; am0pr01mb1234.outlook.test\r\n\
         \r\n\
         Final-Recipient: rfc822; {doctor}\r\n\
         Action: failed\r\n\
         Status: 5.1.90\r\n\
         Diagnostic-Code: smtp; 550 5.1.90 Your message can't be sent because you've reached your daily limit for message recipients\r\n\
         \r\n\
         --b1\r\n\
         Content-Type: message/rfc822\r\n\
         \r\n\
         {returned}\r\n\
         --b1--\r\n",
        r = rand::random::<u64>()
    )
}

/// Issue 23: Exchange's NDR 5.1.90 pauses sending like Gmail's limit, but
/// only with our bounce key as proof: the same report forged to the plain
/// address (the invitation returned without its Return-Path, as anyone who
/// saw it could write) pauses nothing and sends nothing again; delivered
/// to the refused invitation's VERP address it pauses, bounces nobody, and
/// `status` names 5.1.90.
#[test]
fn an_exchange_ndr_5_1_90_pauses_only_with_our_bounce_key() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[("replies", "poll_interval", toml_string("2s"))]);
    let (rows, _daemon) = fixture.invite_first(2, Duration::from_secs(60));
    let doctor = &rows[0].1;
    let invitation = String::from_utf8_lossy(&stack.inbox(doctor).remove(0)).into_owned();
    let store = fixture.store();
    let sid = fixture.survey_id();

    let without_verp = invitation
        .lines()
        .filter(|l| !l.starts_with("Return-Path:"))
        .collect::<Vec<_>>()
        .join("\r\n");
    let forged = exchange_ndr_5_1_90(&fixture.sender, doctor, &without_verp);
    stack.deliver("", &fixture.sender, forged.as_bytes());
    fixture.wait_until(Duration::from_secs(60), "the forgery processed", || {
        store.status(&sid).unwrap().unverified_bounces.len() == 1
    });
    assert_eq!(store.status(&sid).unwrap().sending_limits, 0);
    assert_eq!(
        fixture
            .outbox_states(MailKind::Invitation)
            .get(&MailState::Sent),
        Some(&2),
        "nothing goes back to the queue"
    );

    let verp = return_path(&invitation);
    let genuine = exchange_ndr_5_1_90(&fixture.sender, doctor, &invitation);
    stack.deliver("", &verp, genuine.as_bytes());
    fixture.wait_until(Duration::from_secs(60), "the NDR processed", || {
        store.status(&sid).unwrap().sending_limits == 1
    });
    let person = store.recipient_by_email(&sid, doctor).unwrap().unwrap();
    assert_eq!(person.status, "active", "a sending limit bounces nobody");
    assert_eq!(
        fixture
            .outbox_states(MailKind::Invitation)
            .get(&MailState::Pending),
        Some(&1),
        "the refused invitation waits for the pause to end"
    );
    let out = fixture.mailsurvey(&["status"]);
    let out = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.contains("sending paused 1 time(s)") && out.contains("5.1.90"),
        "{out}"
    );
}
