//! A submission server without PIPELINING, 8BITMIME or SMTPUTF8 (issue 19,
//! `scripts/mailstack up --smtp-7bit`), through the real binary: names,
//! survey text and answers in UTF-8 arrive intact, encoded for a 7-bit
//! path (RFC 2047 headers, quoted-printable or base64 bodies, not one byte
//! over 127 on the wire); a doctor whose domain is outside ASCII is mailed
//! at its IDNA A-label and their reply from it counts; a recipient whose
//! address itself needs SMTPUTF8 fails alone, with the reason recorded and
//! shown by `status`, and every other recipient goes on.
//!
//! Port: a stack on 31000 (this engineer's base).

use std::time::Duration;

use base64::Engine as _;
use mail_parser::MimeHeaders;

use mailsurvey::store::{MailKind, MailState};
use mailsurvey::understand::answer::Value;

use crate::support::*;

/// The sender's name, the subject and the first question, outside ASCII.
const SENDER: &str = "Groupe régional de soins palliatifs Süd–Øst";
const SUBJECT: &str = "Enquête : kétamine en soins palliatifs — 5 minutes, merci ✓";
const QUESTION: &str = "Haben Sie Ketamin bei therapieresistenten Schmerzen am Lebensende eingesetzt (zusätzlich zu starken Opioiden)?";
const COMMENT: &str =
    "Wir brauchen ein regionales Protokoll für Ärztinnen und Ärzte — dringend, s’il vous plaît.";

/// What the submission port offers in answer to EHLO (before STARTTLS).
fn ehlo_keywords(port: u16) -> Vec<String> {
    use std::io::{BufRead, BufReader, Write};
    let stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut writer = stream;
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    assert!(line.starts_with("220"), "greeting: {line}");
    writer.write_all(b"EHLO client.test\r\n").unwrap();
    let mut keywords = Vec::new();
    loop {
        line.clear();
        reader.read_line(&mut line).unwrap();
        assert!(line.starts_with("250"), "EHLO answer: {line}");
        keywords.push(line[4..].trim().to_uppercase());
        if line.as_bytes().get(3) != Some(&b'-') {
            break;
        }
    }
    let _ = writer.write_all(b"QUIT\r\n");
    keywords
}

/// `raw` holds no byte over 127, and every text part of it is sent
/// quoted-printable or base64 (7bit only when its text is ASCII anyway).
fn assert_seven_bit(raw: &[u8], what: &str) {
    let text = String::from_utf8_lossy(raw);
    assert!(
        raw.is_ascii(),
        "{what} has 8-bit bytes on the wire:\n{text}"
    );
    let message = parse(raw);
    for part in message.text_bodies().chain(message.html_bodies()) {
        let encoding = part
            .content_transfer_encoding()
            .unwrap_or("7bit")
            .to_ascii_lowercase();
        let decoded = part.text_contents().unwrap_or_default();
        assert!(
            encoding == "quoted-printable"
                || encoding == "base64"
                || (encoding == "7bit" && decoded.is_ascii()),
            "{what}: a text part outside ASCII sent as {encoding}:\n{text}"
        );
    }
}

/// The display name of the first address of `To`, decoded.
fn to_name(raw: &[u8]) -> String {
    parse(raw)
        .to()
        .and_then(|a| a.first())
        .and_then(|a| a.name.as_deref())
        .unwrap_or_default()
        .to_owned()
}

/// A doctor's reply to `invitation` with `body`, as a 7-bit path carries
/// it: the subject an RFC 2047 encoded-word, the text base64, UTF-8 inside.
fn seven_bit_reply(invitation: &[u8], from: &str, body: &str) -> Vec<u8> {
    let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    let plain = String::from_utf8(crate::replies::reply(invitation, from, body)).unwrap();
    let (head, text) = plain.split_once("\r\n\r\n").unwrap();
    let subject = parse(invitation).subject().unwrap_or_default().to_owned();
    let mut lines: Vec<String> = head
        .split("\r\n")
        .filter(|l| !l.starts_with("Subject:"))
        .map(str::to_owned)
        .collect();
    lines.push(format!(
        "Subject: =?utf-8?b?{}?=",
        b64(format!("Re: {subject}").as_bytes())
    ));
    lines.push("Content-Transfer-Encoding: base64".into());
    let encoded = b64(text.as_bytes());
    let body: Vec<&str> = encoded
        .as_bytes()
        .chunks(76)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect();
    let raw = format!("{}\r\n\r\n{}\r\n", lines.join("\r\n"), body.join("\r\n"));
    assert!(raw.is_ascii(), "the reply itself is 7-bit");
    raw.into_bytes()
}

/// The case: a submission server offering neither PIPELINING nor
/// 8BITMIME nor SMTPUTF8. Three doctors with names outside ASCII get the
/// invitation, whose headers and text decode to the exact UTF-8 written in
/// the survey file and the list; the fourth, `dr.müller@`, whose local
/// part needs SMTPUTF8, fails at once with that reason (no retries: the
/// server will never take it), shown by `status`. A reply in UTF-8 is read
/// and its receipt, echoing the comment, arrives 7-bit too.
#[test]
fn utf8_crosses_a_seven_bit_submission_server_and_an_smtputf8_address_fails_alone() {
    let own = Stack::own_with(31000, &["--smtp-7bit"]);
    let stack = &own.stack;
    let offered = ehlo_keywords(stack.port("MAILSTACK_SUBMISSION_PORT"));
    for lacking in ["PIPELINING", "8BITMIME", "SMTPUTF8"] {
        assert!(
            !offered.iter().any(|k| k.starts_with(lacking)),
            "the --smtp-7bit stack still offers {lacking}: {offered:?}"
        );
    }
    let fixture = Fixture::new(
        stack,
        &[
            ("replies", "poll_interval", toml_string("2s")),
            ("survey", "subject", toml_string(SUBJECT)),
            ("sender", "name", toml_string(SENDER)),
            ("[question]]", "text", toml_string(QUESTION)),
        ],
    );
    let check = fixture.mailsurvey(&["check"]);
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(
        check.status.success() && said.contains("the server lacks SMTPUTF8"),
        "check passes and names what the SMTP server lacks:\n{said}"
    );
    let tag = &fixture.tag;
    let doctors = [
        ("Dr Zoë Ångström", format!("zoe.angstrom.{tag}@nhs.test")),
        (
            "Dr François Œuvray-Žižek",
            format!("francois.oeuvray.{tag}@nhs.test"),
        ),
        ("Dr 山田 太郎", format!("yamada.{tag}@nhs.test")),
    ];
    let muller = format!("dr.müller.{tag}@nhs.test");
    // Listed as the lead wrote it; mailed, and replying, as xn--.
    let keller = format!("keller.{tag}@klinik-süd.test");
    let keller_wire = mailsurvey::survey::address::key(&keller);
    assert!(
        keller_wire.ends_with("@xn--klinik-sd-x9a.test"),
        "{keller_wire}"
    );
    let mut rows: Vec<(String, String)> = doctors
        .iter()
        .map(|(name, email)| (name.to_string(), email.clone()))
        .collect();
    rows.insert(1, ("Dr Jürgen Müller".into(), muller.clone()));
    rows.push(("Dr Jörg Keller".into(), keller.clone()));
    fixture.write_recipients(&rows);
    let _daemon = fixture.start_daemon();

    fixture.wait_until(
        Duration::from_secs(90),
        "four invitations sent and Dr Müller's failed",
        || {
            let states = fixture.outbox_states(MailKind::Invitation);
            states.get(&MailState::Sent) == Some(&4) && states.get(&MailState::Failed) == Some(&1)
        },
    );
    fixture.wait_delivered(doctors.iter().map(|(_, email)| email.as_str()));
    for (name, email) in &doctors {
        let inbox = stack.inbox(email);
        assert_eq!(inbox.len(), 1, "{email} has one invitation");
        let raw = &inbox[0];
        assert_seven_bit(raw, &format!("the invitation to {email}"));
        let head = String::from_utf8_lossy(raw);
        let head = head.split("\r\n\r\n").next().unwrap();
        assert!(
            head.contains("=?utf-8?") || head.contains("=?UTF-8?"),
            "headers outside ASCII are RFC 2047 encoded-words:\n{head}"
        );
        let message = parse(raw);
        assert_eq!(to_name(raw), *name, "the name decodes exactly");
        assert_eq!(message.subject(), Some(SUBJECT), "the subject decodes");
        assert_eq!(
            message
                .from()
                .and_then(|a| a.first())
                .and_then(|a| a.name.as_deref()),
            Some(SENDER),
            "the sender's name decodes"
        );
        let text = message.body_text(0).unwrap_or_default().into_owned();
        assert!(
            text.contains(&format!("Dear {name},")),
            "the text greets {name}:\n{text}"
        );
        let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            words.contains(QUESTION),
            "the question's text arrives intact:\n{text}"
        );
        let html = message.body_html(0).unwrap_or_default().into_owned();
        assert!(html.contains(name), "the HTML names {name}:\n{html}");
    }

    // Dr Müller alone failed, once, with the reason; status shows it.
    let store = fixture.store();
    let sid = fixture.survey_id();
    let failure = store
        .status(&sid)
        .unwrap()
        .failures
        .into_iter()
        .find(|f| f.email == muller)
        .unwrap_or_else(|| panic!("no failure recorded for {muller}"));
    assert!(
        failure.error.contains("SMTPUTF8") && failure.error.contains(&muller),
        "the reason names the address and SMTPUTF8: {}",
        failure.error
    );
    assert_eq!(
        failure.attempts, 1,
        "not retried: the server will never take it"
    );
    let status = fixture.mailsurvey(&["status"]);
    let shown = String::from_utf8_lossy(&status.stdout).into_owned();
    assert!(
        shown.contains(&muller) && shown.contains("SMTPUTF8"),
        "status shows the failure and why:\n{shown}"
    );
    assert_eq!(stack.maildir_count(&muller), 0, "nothing reached {muller}");

    // Dr Ångström replies in UTF-8 over a 7-bit path; the receipt echoes
    // the comment, 7-bit on the wire too.
    let zoe = &doctors[0].1;
    let invitation = stack.inbox(zoe).remove(0);
    let answers = format!(
        "1. yes\n2. no\n3. yes\n4. 7\n5. a, c\n6. no\n7. no\n8. yes\n9. yes\n10. {COMMENT}"
    );
    stack.deliver(
        zoe,
        &fixture.sender,
        &seven_bit_reply(&invitation, zoe, &answers),
    );
    fixture.wait_recorded(zoe, 10, Duration::from_secs(60));
    let person = store.recipient_by_email(&sid, zoe).unwrap().unwrap();
    let recorded = store.current_answers(person.id).unwrap();
    // A stored text reads back as `Choice` (see `Value::Text`).
    let comment = recorded.get("comments").and_then(|a| match &a.value {
        Some(Value::Text(text) | Value::Choice(text)) => Some(text.as_str()),
        _ => None,
    });
    assert_eq!(
        comment,
        Some(COMMENT),
        "the comment is recorded exactly: {recorded:?}"
    );
    fixture.wait_until(Duration::from_secs(60), "the receipt delivered", || {
        fixture.receipts_sent() == 1 && stack.maildir_count(zoe) == 2
    });
    let receipt = stack
        .inbox(zoe)
        .into_iter()
        .find(|raw| raw != &invitation)
        .unwrap();
    assert_seven_bit(&receipt, "the receipt");
    assert_eq!(to_name(&receipt), doctors[0].0);
    let text = parse(&receipt)
        .body_text(0)
        .unwrap_or_default()
        .into_owned();
    assert!(
        text.contains(&format!("Dear {},", doctors[0].0)) && text.contains(COMMENT),
        "the receipt greets Dr Ångström and echoes the comment exactly:\n{text}"
    );

    // Dr Keller's domain is outside ASCII: the invitation went to its
    // A-label (To and envelope, 7-bit), and the reply from that spelling
    // is Dr Keller's, listed as the lead wrote it.
    fixture.wait_delivered([keller_wire.as_str()]);
    let invitation = stack.inbox(&keller_wire).remove(0);
    assert_seven_bit(&invitation, "the invitation to the xn-- domain");
    assert_eq!(
        parse(&invitation)
            .to()
            .and_then(|a| a.first())
            .and_then(|a| a.address()),
        Some(keller_wire.as_str())
    );
    stack.deliver(
        &keller_wire,
        &fixture.sender,
        &seven_bit_reply(&invitation, &keller_wire, &answers),
    );
    fixture.wait_recorded(&keller, 10, Duration::from_secs(60));
    let listed = store.recipient_by_email(&sid, &keller).unwrap().unwrap();
    assert_eq!(listed.email, keller, "the list's spelling is kept");
    fixture.wait_until(Duration::from_secs(60), "Dr Keller's receipt", || {
        stack.maildir_count(&keller_wire) == 2
    });
}
