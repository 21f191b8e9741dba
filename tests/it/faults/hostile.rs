//! Hostile content through the daemon: header injection in a recipient's
//! name and in a reply's headers, template syntax and HTML in free-text
//! answers, spreadsheet formulas in answers that end up in `responses.csv`.

use std::time::Duration;

use super::{Tally, maildir_messages, say};
use crate::support::*;
use mailsurvey::store::{MailKind, MailState};

/// The headers of a raw message, unfolded, one `(name, value)` each.
fn headers(raw: &[u8]) -> Vec<(String, String)> {
    // Maildir files have bare line feeds; what we send has CRLF.
    let text = String::from_utf8_lossy(raw).replace("\r\n", "\n");
    let head = text.split("\n\n").next().unwrap_or("");
    let mut out: Vec<(String, String)> = Vec::new();
    for line in head.split('\n') {
        if line.starts_with([' ', '\t']) {
            if let Some(last) = out.last_mut() {
                last.1.push_str(line);
            }
        } else if let Some((name, value)) = line.split_once(':') {
            out.push((name.to_ascii_lowercase(), value.to_owned()));
        }
    }
    out
}

const COMMENT: &str = "=HYPERLINK(\"http://evil.test/\",\"see\") {{ 7*7 }} {% if true %}IF{% endif %} <script>alert(1)</script> <b>bold</b> & more";

#[test]
fn fault_hostile_content_is_inert() {
    let stack = Stack::shared();
    let fixture = Fixture::new(
        &stack,
        &[
            ("replies", "poll_interval", toml_string("1s")),
            ("report", "breakdown", toml_string("centre")),
            ("report", "include_names", "true".into()),
        ],
    );
    let tag = fixture.tag.clone();
    let victim = format!("victim-{tag}@nhs.test");
    let evil = format!("evil-{tag}@nhs.test");
    let plain = format!("plain-{tag}@nhs.test");
    let evil_name = format!("Dr Evil\r\nBcc: {victim}\r\nSubject: pwned");
    let html_name = "+Dr <b>Tag</b> {{ survey.id }}";
    // The CSV writer quotes the name, line breaks and all.
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(["name", "email", "centre"]).unwrap();
    writer
        .write_record([evil_name.as_str(), &evil, "North"])
        .unwrap();
    writer
        .write_record([html_name, &plain, "=cmd|' /C calc'!A0"])
        .unwrap();
    std::fs::write(&fixture.recipients, writer.into_inner().unwrap()).unwrap();

    let mut daemon = fixture.start_daemon();
    // Either the row with a line break in its name is refused, or it is
    // invited with the name inert; the other row is invited either way.
    fixture.wait_until(Duration::from_secs(60), "the plain row invited", || {
        stack.maildir_count(&plain) > 0
    });
    // The other row's outcome is final once every invitation the daemon
    // queued (both rows' in the turn that invited the plain one) is sent or
    // failed, and Postfix's queue holds nothing of this test's: whatever
    // reached the evil or the victim's mailbox is there.
    fixture.wait_until(
        Duration::from_secs(60),
        "every invitation sent or failed",
        || {
            fixture
                .outbox_states(MailKind::Invitation)
                .keys()
                .all(|state| matches!(state, MailState::Sent | MailState::Failed))
        },
    );
    stack.wait_queue_clear_of(&tag, Duration::from_secs(60));
    let mut header_attempts = 0;
    let mut header_survived = 0;

    // 1. A name carrying headers.
    header_attempts += 1;
    let evil_mail = maildir_messages(&stack, &evil);
    let evil_clean = evil_mail.iter().all(|raw| {
        let h = headers(raw);
        h.iter().filter(|(n, _)| n == "subject").count() == 1
            && !h.iter().any(|(n, _)| n == "bcc")
            && !h
                .iter()
                .any(|(n, v)| n == "to" && v.to_lowercase().contains(&victim))
    });
    let evil_refused = evil_mail.is_empty() && fixture.log().contains("evil");
    if stack.maildir_count(&victim) == 0 && evil_clean && (evil_refused || !evil_mail.is_empty()) {
        header_survived += 1;
    } else {
        say(&format!(
            "the invitation to the evil name: {:?}",
            evil_mail.iter().map(|m| headers(m)).collect::<Vec<_>>()
        ));
    }
    say(&format!(
        "fault hostile-header: the name with a line break was {}",
        if evil_mail.is_empty() {
            "refused"
        } else {
            "sent inert"
        }
    ));

    // 2. Template syntax and HTML in a name: shown as written, escaped in
    // HTML.
    let invitation = maildir_messages(&stack, &plain).remove(0);
    let message = parse(&invitation);
    let text = message.body_text(0).unwrap().into_owned();
    let html = message.body_html(0).unwrap().into_owned();
    let mut template_injected = 1;
    let mut template_survived = 0;
    if text.contains(html_name) {
        template_survived += 1;
    }
    let mut html_injected = 1;
    let mut html_survived = 0;
    if html.contains("+Dr &lt;b&gt;Tag&lt;") && !html.contains("<b>Tag") {
        html_survived += 1;
    }

    // 3. A reply whose answers carry formulas, template syntax and HTML,
    // and whose Message-ID tries to fold a Bcc into our In-Reply-To.
    header_attempts += 1;
    let body = format!(
        "1. yes\n2. no\n3. yes\n4. 7\n5. a, e - @SUM(A1:A9)\n6. no\n7. no\n8. yes\n9. yes\n10. {COMMENT}"
    );
    let original = parse(&invitation);
    let reply_to = original.header_raw("Reply-To").unwrap().trim().to_owned();
    let parent = original.message_id().unwrap();
    let reply = format!(
        "From: {plain}\r\nTo: {reply_to}\r\nSubject: Re: survey\r\nMessage-ID: <x\"\r\n\tBcc: {victim}\"@doctors.test>\r\nIn-Reply-To: <{parent}>\r\nDate: Thu, 26 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{}\r\n",
        body.replace('\n', "\r\n")
    );
    stack.deliver(&plain, &fixture.sender, reply.as_bytes());
    fixture.wait_until(Duration::from_secs(60), "the receipt", || {
        fixture
            .outbox_states(MailKind::Receipt)
            .get(&MailState::Sent)
            == Some(&1)
    });
    fixture.wait_until(Duration::from_secs(60), "the receipt delivered", || {
        stack.maildir_count(&plain) >= 2
    });
    daemon.terminate();
    let receipt = maildir_messages(&stack, &plain)
        .into_iter()
        .find(|raw| super::message_id(raw).is_some_and(|id| id.starts_with("receipt.")))
        .expect("a receipt");
    let h = headers(&receipt);
    if !h.iter().any(|(n, _)| n == "bcc") && stack.maildir_count(&victim) == 0 {
        header_survived += 1;
    } else {
        say(&format!("the receipt's headers: {h:?}"));
    }
    let receipt = parse(&receipt);
    let receipt_text = receipt.body_text(0).unwrap().into_owned();
    let receipt_html = receipt.body_html(0).unwrap().into_owned();
    // The receipt echoes the "other" text as the doctor wrote it.
    assert!(
        receipt_text.contains("(@SUM(A1:A9))"),
        "the receipt should echo the other text whole: {receipt_text}"
    );
    template_injected += 1;
    if receipt_text.contains("{{ 7*7 }}") && receipt_text.contains("{% if true %}IF{% endif %}") {
        template_survived += 1;
    }
    html_injected += 1;
    if receipt_html.contains("&lt;script&gt;alert(1)&lt;")
        && !receipt_html.contains("<script>")
        && !receipt_html.contains("<b>bold</b>")
    {
        html_survived += 1;
    } else {
        say(&format!("the receipt's HTML: {receipt_html}"));
    }

    // 4. The report: text as written, HTML escaped, CSV formulas defused.
    let out = fixture.dir.path().join("report");
    let report = fixture.mailsurvey(&["report", "--out", out.to_str().unwrap()]);
    assert!(
        report.status.success(),
        "{}",
        String::from_utf8_lossy(&report.stderr)
    );
    let report_html = std::fs::read_to_string(out.join("report.html")).unwrap();
    let report_text = std::fs::read_to_string(out.join("report.txt")).unwrap();
    html_injected += 1;
    if report_html.contains("&lt;script&gt;") && !report_html.contains("<script>alert") {
        html_survived += 1;
    }
    template_injected += 1;
    if report_text.contains("{{ 7*7 }}") || report_html.contains("{{ 7*7 }}") {
        template_survived += 1;
    }
    let csv_text = std::fs::read_to_string(out.join("responses.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let row: Vec<String> = reader
        .records()
        .next()
        .expect("one respondent")
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let cell = |column: &str| -> &str {
        let i = header
            .iter()
            .position(|h| h == column)
            .unwrap_or_else(|| panic!("no column {column} in {header:?}"));
        &row[i]
    };
    let mut csv_injected = 0;
    let mut csv_survived = 0;
    for (column, expected) in [
        ("comments", format!("'{COMMENT}")),
        // The formula whole, its closing parenthesis too, and defused.
        ("barriers_other_text", "'@SUM(A1:A9)".to_owned()),
        ("respondent", format!("'{html_name}")),
        ("centre", "'=cmd|' /C calc'!A0".to_owned()),
    ] {
        csv_injected += 1;
        if cell(column) == expected {
            csv_survived += 1;
        } else {
            say(&format!(
                "responses.csv {column}: {:?}, expected {expected:?}",
                cell(column)
            ));
        }
    }
    // Numbers and coded values stay as they are.
    assert_eq!(cell("confidence"), "7");
    assert_eq!(cell("end_of_life"), "1");
    assert_eq!(cell("barriers_expertise"), "1");
    assert_eq!(cell("barriers_other"), "1");

    for (class, injected, survived) in [
        ("hostile-header", header_attempts, header_survived),
        ("hostile-template", template_injected, template_survived),
        ("hostile-html", html_injected, html_survived),
        ("hostile-csv", csv_injected, csv_survived),
    ] {
        Tally {
            injected,
            survived,
            lost: 0,
            duplicated: 0,
            bound: 0,
        }
        .report(class);
    }
    // The hostile doctor's answers still count.
    let status = fixture.store().status(&fixture.survey_id()).unwrap();
    assert_eq!(status.respondents, 1);
}
