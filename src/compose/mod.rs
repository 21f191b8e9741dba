//! Turns a [`Draft`] into the bytes of a MIME message with the headers every
//! mail we send carries: a derived Message-ID (so a resend after a crash
//! reuses it), a Date, `Auto-Submitted` (RFC 3834: nothing we send is
//! written by a person), and, where it concerns one recipient, the
//! per-recipient Reply-To and List-Unsubscribe (RFC 2369).

pub mod invitation;
pub mod token;

use std::time::SystemTime;

use jiff::Timestamp;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{Address, Message};

use crate::{Error, Result};

/// RFC 3834 `Auto-Submitted` values we send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AutoSubmitted {
    /// Sent on a schedule: invitations, reminders, the report.
    Generated,
    /// Sent in answer to a message: receipts, clarifications.
    Replied,
}

/// A file attached to a message.
#[derive(Debug, Clone)]
pub struct Attached {
    /// File name.
    pub name: String,
    /// MIME type, e.g. `text/csv`.
    pub content_type: String,
    /// Content.
    pub bytes: Vec<u8>,
}

/// What a message says and to whom, before encoding.
#[derive(Debug, Clone)]
pub struct Draft {
    /// From (display name and address; also the envelope sender).
    pub from: Mailbox,
    /// To.
    pub to: Mailbox,
    /// Cc: further people the message is for (the other study leads), so
    /// one message reaches them all and each sees who else has it.
    pub cc: Vec<Mailbox>,
    /// Reply-To, if not From.
    pub reply_to: Option<Address>,
    /// Subject.
    pub subject: String,
    /// Message-ID without angle brackets.
    pub message_id: String,
    /// The message this answers, without angle brackets.
    pub in_reply_to: Option<String>,
    /// Auto-Submitted value.
    pub auto_submitted: AutoSubmitted,
    /// `mailto:` address for List-Unsubscribe.
    pub unsubscribe: Option<Address>,
    /// Text part.
    pub text: String,
    /// HTML part.
    pub html: String,
    /// Attachments.
    pub attachments: Vec<Attached>,
}

/// A message ready to send.
#[derive(Debug, Clone)]
pub struct Outgoing {
    /// Message-ID without angle brackets.
    pub message_id: String,
    /// Envelope sender.
    pub envelope_from: Address,
    /// Envelope recipients.
    pub envelope_to: Vec<Address>,
    /// The message as sent.
    pub bytes: Vec<u8>,
}

fn header(name: &'static str, value: String) -> HeaderValue {
    HeaderValue::new(HeaderName::new_from_ascii_str(name), value)
}

/// `text` with every control character (line breaks above all) made a
/// space: display names come from the recipient list and subjects from the
/// survey file, and a line break in a header would start a new header (or,
/// inside lettre, panic while formatting it).
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// A mailbox whose display name cannot break out of its header, its
/// address as sent ([`wire`]).
fn inert(mailbox: &Mailbox) -> Mailbox {
    Mailbox::new(mailbox.name.as_deref().map(one_line), wire(&mailbox.email))
}

/// `address` as it goes on the wire: a domain outside ASCII as its IDNA
/// A-label, which any server takes, so that only a local part outside
/// ASCII still needs SMTPUTF8.
pub fn wire(address: &Address) -> Address {
    match crate::survey::address::ascii_domain(address.as_ref()) {
        std::borrow::Cow::Owned(ascii) => ascii.parse().unwrap_or_else(|_| address.clone()),
        std::borrow::Cow::Borrowed(_) => address.clone(),
    }
}

/// Encodes a draft, dated `date`.
pub fn compose(draft: Draft, date: Timestamp) -> Result<Outgoing> {
    let mut builder = Message::builder()
        .from(inert(&draft.from))
        .to(inert(&draft.to))
        .subject(one_line(&draft.subject))
        .message_id(Some(format!("<{}>", draft.message_id)))
        .date(SystemTime::try_from(date).map_err(|e| Error::Message(format!("date: {e}")))?)
        .raw_header(header(
            "Auto-Submitted",
            match draft.auto_submitted {
                AutoSubmitted::Generated => "auto-generated",
                AutoSubmitted::Replied => "auto-replied",
            }
            .to_owned(),
        ))
        // Ask Exchange not to answer with out-of-office notes.
        .raw_header(header(
            "X-Auto-Response-Suppress",
            "OOF, AutoReply".to_owned(),
        ));
    for cc in &draft.cc {
        builder = builder.cc(inert(cc));
    }
    if let Some(reply_to) = draft.reply_to {
        builder = builder.reply_to(Mailbox::new(None, reply_to));
    }
    if let Some(parent) = &draft.in_reply_to {
        // The parent's Message-ID is the doctor's to choose.
        let parent = one_line(parent);
        builder = builder
            .in_reply_to(format!("<{parent}>"))
            .references(format!("<{parent}>"));
    }
    if let Some(unsubscribe) = &draft.unsubscribe {
        builder = builder.raw_header(header(
            "List-Unsubscribe",
            format!("<mailto:{unsubscribe}?subject=unsubscribe>"),
        ));
    }
    let alternative = MultiPart::alternative()
        .singlepart(
            SinglePart::builder()
                .header(ContentType::TEXT_PLAIN)
                .body(draft.text),
        )
        .singlepart(
            SinglePart::builder()
                .header(ContentType::TEXT_HTML)
                .body(draft.html),
        );
    let body = if draft.attachments.is_empty() {
        alternative
    } else {
        let mut mixed = MultiPart::mixed().multipart(alternative);
        for file in draft.attachments {
            let content_type = ContentType::parse(&file.content_type)
                .map_err(|e| Error::Message(format!("content type {}: {e}", file.content_type)))?;
            mixed = mixed.singlepart(Attachment::new(file.name).body(file.bytes, content_type));
        }
        mixed
    };
    let message = builder
        .multipart(body)
        .map_err(|e| Error::Message(e.to_string()))?;
    Ok(Outgoing {
        message_id: draft.message_id,
        envelope_from: wire(&draft.from.email),
        envelope_to: std::iter::once(&draft.to.email)
            .chain(draft.cc.iter().map(|cc| &cc.email))
            .map(wire)
            .collect(),
        bytes: message.formatted(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(name: &str, parent: &str) -> Draft {
        Draft {
            from: Mailbox::new(Some("Survey".into()), "survey@survey.test".parse().unwrap()),
            to: Mailbox::new(Some(name.into()), "dr@nhs.test".parse().unwrap()),
            cc: Vec::new(),
            reply_to: None,
            subject: "Thank you\r\nBcc: victim@nhs.test".into(),
            message_id: "receipt.1.x@survey.test".into(),
            in_reply_to: Some(parent.into()),
            auto_submitted: AutoSubmitted::Replied,
            unsubscribe: None,
            text: "text".into(),
            html: "<p>html</p>".into(),
            attachments: Vec::new(),
        }
    }

    #[test]
    fn line_breaks_in_names_subjects_and_parents_start_no_header() {
        let mail = compose(
            draft(
                "Dr Evil\r\nBcc: victim@nhs.test",
                "x\"\r\n\tBcc: victim@nhs.test\"@doctors.test",
            ),
            Timestamp::UNIX_EPOCH,
        )
        .unwrap();
        let text = String::from_utf8(mail.bytes).unwrap();
        let head = text.split("\r\n\r\n").next().unwrap();
        assert!(
            !head
                .lines()
                .any(|l| l.to_ascii_lowercase().starts_with("bcc:")),
            "{head}"
        );
        assert_eq!(mail.envelope_to.len(), 1);
    }

    #[test]
    fn a_domain_outside_ascii_goes_as_its_a_label_in_to_and_envelope() {
        let mut draft = draft("Dr Jörg Keller", "x@doctors.test");
        draft.to = Mailbox::new(
            Some("Dr Jörg Keller".into()),
            "keller@klinik-süd.de".parse().unwrap(),
        );
        let mail = compose(draft, Timestamp::UNIX_EPOCH).unwrap();
        assert_eq!(
            mail.envelope_to[0].to_string(),
            "keller@xn--klinik-sd-x9a.de"
        );
        let text = String::from_utf8(mail.bytes).unwrap();
        let head = text.split("\r\n\r\n").next().unwrap();
        assert!(head.is_ascii(), "{head}");
        assert!(head.contains("<keller@xn--klinik-sd-x9a.de>"), "{head}");
    }
}
