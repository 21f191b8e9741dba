//! Classifying an incoming message: a reply, an automatic reply, a bounce,
//! an opt-out by mail to the unsubscribe address, or unrelated mail.
//!
//! Order matters and follows what the best systems learned (ANCHORS.md,
//! lessons 1 and 3): delivery reports first (they carry `Auto-Submitted`
//! too), RFC 3464 `multipart/report` before the non-standard forms; then
//! automatic replies by header, sender and localised subject; then mail to
//! the unsubscribe plus-address; then the reply itself is parsed, and only
//! its answers and the doctor's own words decide between a reply, an
//! opt-out and unrelated mail.
//!
//! A delivery report whose recipients were only delayed (`Action: delayed`)
//! or delivered is not a failure: it is an [`Kind::AutoReply`], recorded and
//! otherwise ignored, so a slow server never marks a doctor as bounced.

use std::sync::LazyLock;

use mail_parser::{Message, MimeHeaders, PartType};
use regex::Regex;
use serde::Serialize;

use crate::matching::{self, Candidate};
use crate::parse::{self, ParsedReply};
use crate::survey::Survey;

/// What kind of message it is; the `kind` of `mailsurvey inspect --json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A person's reply: parse and record its answers.
    Reply,
    /// An automatic message (out of office, delay notice, list mail):
    /// record, never answer.
    AutoReply,
    /// A delivery failure: mark the recipient bounced.
    Bounce,
    /// A request to stop all mail, and nothing else.
    Unsubscribe,
    /// Nothing to do with the survey.
    Unrelated,
}

/// The delivery failure a bounce reports.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Bounce {
    /// The address that failed (Final-Recipient, or the address a
    /// non-standard report names). May differ from the listed address.
    pub final_recipient: Option<String>,
    /// RFC 3464 Action (`failed`), if the report had one.
    pub action: Option<String>,
    /// Enhanced status code (`5.1.1`).
    pub status: Option<String>,
    /// The remote server's words.
    pub diagnostic: Option<String>,
    /// Tokens found in the returned original (its Message-ID, Reply-To,
    /// List-Unsubscribe), best first: they identify the person.
    pub returned: Vec<Candidate>,
    /// Read from a `message/delivery-status` part (RFC 3464), not guessed
    /// from a non-standard report's text.
    pub standard: bool,
}

/// The verdict on one message.
#[derive(Debug, Clone, PartialEq)]
pub struct Classification {
    /// What it is.
    pub kind: Kind,
    /// Why, in words, for the log and `inspect`.
    pub reason: String,
    /// For a bounce: what failed.
    pub bounce: Option<Bounce>,
    /// Tokens in the message's own headers, in priority order (see
    /// [`matching::candidates`]).
    pub candidates: Vec<Candidate>,
    /// The parsed reply, for every message that is neither a bounce nor an
    /// automatic reply. Its answers count only when `kind` is
    /// [`Kind::Reply`].
    pub reply: Option<ParsedReply>,
}

impl Classification {
    /// The token that ties the message to a person, if any: the returned
    /// original's for a bounce, else the best of the message's own.
    pub fn token(&self) -> Option<&crate::token::Token> {
        match &self.bounce {
            Some(bounce) => bounce.returned.first().map(|c| &c.token),
            None => self.candidates.first().map(|c| &c.token),
        }
    }
}

static AUTO_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^x-?auto[-_]?(response|submitted|replied|reply|generated|respond|responder|reply-from)$").expect("valid regex")
});
static AUTO_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(automatic reply|auto(matic)?[- ]?(reply|response|answer)|auto:|out of (the )?office|ooo\b|abwesenheitsnotiz|automatische antwort|r[ée]ponse automatique|absence du bureau|respuesta autom[áa]tica|automatisch antwoord|afwezig|autosvar|automatisk svar|fuori sede|risposta automatica|resposta autom[áa]tica|on leave|away from the office)",
    )
    .expect("valid regex")
});
static BOUNCE_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(undeliverable|undelivered mail|delivery status notification \(failure\)|mail delivery failed|delivery failure|failure notice|returned mail|message not delivered|delivery has failed|could not be delivered|non[- ]?delivery|unzustellbar|non remis)",
    )
    .expect("valid regex")
});
static DELAY_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(delivery status notification \(delay\)|delayed mail|delivery delayed|message delayed|still being retried|warning: message .* delayed)")
        .expect("valid regex")
});
static STATUS_CODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b([245]\.\d{1,3}\.\d{1,3})\b").expect("valid regex"));
static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+=\-]{1,64}@[A-Za-z0-9\-]{1,63}(\.[A-Za-z0-9\-]{1,63}){1,8}")
        .expect("valid regex")
});
static REPLY_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*((re|aw|sv|vs|antw|fwd?|tr|wg)\s*(\[\d+\])?\s*:\s*)+")
        .expect("valid regex")
});

/// Classifies `message`, sent to the survey's mailbox.
pub fn classify(message: &Message<'_>, survey: &Survey) -> Classification {
    let candidates = matching::candidates(message, survey);
    let verdict = |kind, reason: String, bounce, reply| Classification {
        kind,
        reason,
        bounce,
        candidates: candidates.clone(),
        reply,
    };

    if let Some((failed, report)) = delivery_status(message, survey) {
        return if failed {
            let reason = format!(
                "delivery report (RFC 3464): {} for {}",
                report.action.as_deref().unwrap_or("failed"),
                report
                    .final_recipient
                    .as_deref()
                    .unwrap_or("an unnamed recipient")
            );
            verdict(Kind::Bounce, reason, Some(report), None)
        } else {
            let reason = format!(
                "delivery report (RFC 3464) without a failure (Action: {}): not a bounce",
                report.action.as_deref().unwrap_or("none")
            );
            verdict(Kind::AutoReply, reason, None, None)
        };
    }
    let subject = message.subject().unwrap_or("");
    let sender = sender_local_part(message);
    let from_daemon = sender
        .as_deref()
        .is_some_and(|s| s == "mailer-daemon" || s == "postmaster");
    if DELAY_SUBJECT.is_match(subject) {
        return verdict(
            Kind::AutoReply,
            format!("delay notice (\"{subject}\"): not a failure"),
            None,
            None,
        );
    }
    if BOUNCE_SUBJECT.is_match(subject) && (from_daemon || !looks_personal(message)) {
        let report = nonstandard_bounce(message, survey);
        let reason = format!(
            "non-standard delivery failure (\"{subject}\") for {}",
            report
                .final_recipient
                .as_deref()
                .unwrap_or("an unnamed recipient")
        );
        return verdict(Kind::Bounce, reason, Some(report), None);
    }
    if let Some(reason) = automatic(message, subject, from_daemon) {
        return verdict(Kind::AutoReply, reason, None, None);
    }
    if let Some(c) = candidates.iter().find(|c| c.unsubscribe) {
        let reason = format!(
            "sent to the unsubscribe address {}",
            crate::token::redact(&c.found_in)
        );
        let reply = parse::parse_reply(&parse::reply_text(message), survey);
        return verdict(Kind::Unsubscribe, reason, None, Some(reply));
    }

    let mut reply = parse::parse_reply(&parse::reply_text(message), survey);
    let own_subject = REPLY_PREFIX.replace(subject, "");
    let about_survey = own_subject
        .trim()
        .eq_ignore_ascii_case(survey.subject.trim())
        || subject
            .to_lowercase()
            .contains(&survey.subject.to_lowercase());
    if !about_survey {
        // A subject the doctor wrote is their own words too.
        reply.opt_out |= parse::asks_to_opt_out(&own_subject);
        reply.withdraw |= parse::asks_to_withdraw(&own_subject);
    }
    let answered = !reply.answers.is_empty();
    let (kind, reason) = if answered {
        let mut reason = format!("reply with {} answer(s)", reply.answers.len());
        if reply.opt_out {
            reason.push_str(" and a request to stop mail");
        }
        if reply.withdraw {
            reason.push_str(" and a request to delete answers");
        }
        (Kind::Reply, reason)
    } else if reply.opt_out || reply.withdraw {
        let what = if reply.withdraw {
            "asks for the answers to be deleted"
        } else {
            "asks to stop mail"
        };
        (Kind::Unsubscribe, format!("no answers; the sender {what}"))
    } else if !candidates.is_empty() || reply.quotes_questionnaire || about_survey {
        (
            Kind::Reply,
            "reply to the survey without answers".to_owned(),
        )
    } else {
        (
            Kind::Unrelated,
            "no answers, no token and no sign of the survey".to_owned(),
        )
    };
    verdict(kind, reason, None, Some(reply))
}

/// Why the message is automatic, if it is. `X-Auto-Response-Suppress`
/// alone does not count: Outlook puts it on ordinary mail.
fn automatic(message: &Message<'_>, subject: &str, from_daemon: bool) -> Option<String> {
    for (name, value) in message.headers_raw() {
        let name_lower = name.to_ascii_lowercase();
        let value = value.trim();
        let first = value
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match name_lower.as_str() {
            "auto-submitted" if first != "no" && !first.is_empty() => {
                return Some(format!("Auto-Submitted: {value}"));
            }
            "precedence" if ["auto_reply", "bulk", "junk", "list"].contains(&first.as_str()) => {
                return Some(format!("Precedence: {value}"));
            }
            _ if AUTO_HEADER.is_match(&name_lower)
                && !["no", "false", "0"].contains(&first.as_str()) =>
            {
                return Some(format!("{name}: {value}"));
            }
            _ => {}
        }
    }
    if from_daemon {
        return Some("sent by a mail system (mailer-daemon or postmaster)".to_owned());
    }
    AUTO_SUBJECT
        .is_match(subject)
        .then(|| format!("automatic reply subject \"{subject}\""))
}

fn sender_local_part(message: &Message<'_>) -> Option<String> {
    let from = message.from()?.first()?.address()?;
    Some(from.split('@').next().unwrap_or("").to_ascii_lowercase())
}

/// A person's mail that merely mentions "undeliverable" in its subject has
/// no bounce structure: it says who sent it and replies to something.
fn looks_personal(message: &Message<'_>) -> bool {
    !message.in_reply_to().is_empty() && message.attachment_count() == 0
}

/// Reads an RFC 3464 report: `Some((failed, report))` when the message has
/// a `message/delivery-status` part.
fn delivery_status(message: &Message<'_>, survey: &Survey) -> Option<(bool, Bounce)> {
    let part = message.parts.iter().find(|p| {
        p.content_type().is_some_and(|ct| {
            ct.ctype().eq_ignore_ascii_case("message")
                && ct
                    .subtype()
                    .is_some_and(|s| s.eq_ignore_ascii_case("delivery-status"))
        })
    })?;
    let text = String::from_utf8_lossy(part.contents()).into_owned();
    let fields = unfold(&text);
    let mut recipients: Vec<Bounce> = Vec::new();
    for (name, value) in fields {
        let value = value.trim().to_owned();
        match name.to_ascii_lowercase().as_str() {
            "final-recipient" => recipients.push(Bounce {
                final_recipient: Some(
                    value
                        .split_once(';')
                        .map_or(value.as_str(), |(_, a)| a)
                        .trim()
                        .trim_matches(['<', '>'])
                        .to_owned(),
                ),
                standard: true,
                ..Bounce::default()
            }),
            "action" => {
                if let Some(r) = recipients.last_mut() {
                    r.action = Some(value.to_ascii_lowercase());
                }
            }
            "status" => {
                if let Some(r) = recipients.last_mut() {
                    r.status = Some(value);
                }
            }
            "diagnostic-code" => {
                if let Some(r) = recipients.last_mut() {
                    r.diagnostic = Some(
                        value
                            .split_once(';')
                            .map_or(value.as_str(), |(_, d)| d)
                            .trim()
                            .to_owned(),
                    );
                }
            }
            _ => {}
        }
    }
    let failed = |r: &Bounce| match r.action.as_deref() {
        Some(action) => action == "failed",
        None => r.status.as_deref().is_some_and(|s| s.starts_with('5')),
    };
    let chosen = recipients.iter().position(failed);
    let is_failure = chosen.is_some();
    let mut report = match chosen {
        Some(i) => recipients.swap_remove(i),
        None => recipients.into_iter().next().unwrap_or(Bounce {
            standard: true,
            ..Bounce::default()
        }),
    };
    report.returned = returned_candidates(message, survey);
    Some((is_failure, report))
}

/// Tokens in the returned original: an attached `message/rfc822`, a
/// `text/rfc822-headers` part, or, failing those, anywhere in the text.
fn returned_candidates(message: &Message<'_>, survey: &Survey) -> Vec<Candidate> {
    let mut found = Vec::new();
    for part in &message.parts {
        match &part.body {
            PartType::Message(original) => {
                found.extend(matching::returned_candidates(original, survey))
            }
            PartType::Text(text)
                if part
                    .content_type()
                    .and_then(|ct| ct.subtype())
                    .is_some_and(|s| s.eq_ignore_ascii_case("rfc822-headers")) =>
            {
                let mut headers = text.to_string();
                headers.push_str("\r\n\r\n");
                if let Some(original) = crate::mime::parse(headers.as_bytes()) {
                    found.extend(matching::returned_candidates(&original, survey));
                }
            }
            _ => {}
        }
    }
    if found.is_empty() {
        for part in &message.parts {
            if let Some(text) = part
                .text_contents()
                .filter(|_| !matches!(part.body, PartType::Multipart(_)))
            {
                found.extend(matching::text_candidates(text, survey));
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    found.retain(|c| seen.insert((c.place, c.token.as_str().to_owned())));
    found.sort_by_key(|c| c.place);
    found
}

/// A non-standard failure report (Exchange "Undeliverable", Gmail
/// "Delivery Status Notification (Failure)", qmail "failure notice"):
/// the first address in its text that is neither ours nor a mail system's.
fn nonstandard_bounce(message: &Message<'_>, survey: &Survey) -> Bounce {
    let text = message
        .parts
        .iter()
        .filter(|p| !matches!(p.body, PartType::Multipart(_) | PartType::Message(_)))
        .filter_map(|p| match &p.body {
            PartType::Html(html) => Some(parse::html::to_text(html)),
            _ => p.text_contents().map(str::to_owned),
        })
        .next()
        .unwrap_or_default();
    let ours = [
        survey.sender.address.user().to_ascii_lowercase(),
        survey.sender.reply_to.user().to_ascii_lowercase(),
    ];
    let final_recipient = ADDRESS
        .find_iter(&text)
        .map(|m| m.as_str().trim_end_matches('.').to_owned())
        .find(|a| {
            let local = a.split('@').next().unwrap_or("").to_ascii_lowercase();
            let base = local.split('+').next().unwrap_or("");
            !ours.iter().any(|o| o == base) && local != "mailer-daemon" && local != "postmaster"
        });
    let status = STATUS_CODE.captures(&text).map(|c| c[1].to_owned());
    let diagnostic = text
        .lines()
        .find(|l| STATUS_CODE.is_match(l) || l.contains(" 550 ") || l.starts_with("550 "))
        .map(|l| l.trim().to_owned());
    Bounce {
        final_recipient,
        action: None,
        status,
        diagnostic,
        returned: returned_candidates(message, survey),
        standard: false,
    }
}

/// `Name: value` fields of a delivery-status body, continuation lines
/// joined.
fn unfold(text: &str) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = Vec::new();
    for line in text.lines().take(2_000) {
        if line.starts_with([' ', '\t']) {
            if let Some(last) = fields.last_mut() {
                last.1.push(' ');
                last.1.push_str(line.trim());
            }
        } else if let Some((name, value)) = line.split_once(':') {
            fields.push((name.trim().to_owned(), value.trim().to_owned()));
        }
    }
    fields
}
