//! Classifying an incoming message: a reply, an automatic reply, a bounce,
//! an opt-out by mail to the unsubscribe address, or unrelated mail.
//!
//! Order matters: delivery reports first (they carry `Auto-Submitted`
//! too), RFC 3464 `multipart/report` before the non-standard forms; then
//! automatic replies by header, sender and localised subject; then mail to
//! the unsubscribe plus-address; then the reply itself is parsed, and only
//! its answers and the doctor's own words decide between a reply, an
//! opt-out and unrelated mail.
//!
//! A delivery report whose recipients were only delayed (`Action: delayed`)
//! or delivered is not a failure: it is an [`MessageClass::AutoReply`], recorded and
//! otherwise ignored, so a slow server never marks a doctor as bounced.

use std::sync::LazyLock;

use mail_parser::{Message, MessagePart, MimeHeaders, PartType};
use regex::Regex;
use serde::Serialize;

use crate::survey::Survey;
use crate::understand::head;
use crate::understand::matching::{self, Candidate};
use crate::understand::parse::{self, ParsedReply};

/// What kind of message it is; the `kind` of `mailsurvey inspect --json`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageClass {
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
    /// The first address that failed (Original-Recipient or
    /// Final-Recipient, or the address a plain-text report names). May
    /// differ from the listed address.
    pub final_recipient: Option<String>,
    /// Every address that failed, in the report's order.
    pub recipients: Vec<String>,
    /// Hard (permanent) or soft (a delay: nobody is bounced).
    pub severity: crate::understand::bounce::Severity,
    /// The refusal concerns our own account (a sending limit or quota),
    /// not the recipients it names: sending pauses, nobody is bounced.
    pub sender_side: bool,
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
    pub kind: MessageClass,
    /// Why, in words, for the log and `inspect`.
    pub reason: String,
    /// For a bounce, a delay notice or a sender-side refusal: what failed.
    pub bounce: Option<Bounce>,
    /// Tokens in the message's own headers, in priority order (see
    /// [`matching::candidates`]).
    pub candidates: Vec<Candidate>,
    /// An automatic message from a challenge-response system that asks us
    /// to prove we are human: never answered, shown to the lead as
    /// needing a person.
    pub challenge: bool,
    /// Our VERP bounce keys in the addresses the message was delivered to
    /// (`survey+b.KEY@…`), best first: they name the exact message a
    /// bounce returns.
    pub bounce_keys: Vec<crate::outbox::verp::BounceKeyAt>,
    /// The parsed reply, for every message that is neither a bounce nor an
    /// automatic reply. Its answers count only when `kind` is
    /// [`MessageClass::Reply`].
    pub reply: Option<ParsedReply>,
}

impl Classification {
    /// The token that ties the message to a person, if any: the returned
    /// original's for a bounce, else the best of the message's own (a delay
    /// notice's returned original ties it to nobody: it changes nothing).
    pub fn token(&self) -> Option<&crate::compose::token::Token> {
        match &self.bounce {
            Some(bounce) if self.kind == MessageClass::Bounce => {
                bounce.returned.first().map(|c| &c.token)
            }
            _ => self.candidates.first().map(|c| &c.token),
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
        r"(?i)(undeliverable|undelivered mail|delivery status notification|mail delivery failed|delivery failure|failure notice|returned mail|message not delivered|delivery has failed|could not be delivered|non[- ]?delivery|nondeliverable|unzustellbar|non remis|mail failure|mail failed|returning to sender|error sending your (mail|message)|failed delivery|delivery notification|mail system error|delivery problem|message delivery failed|メールエラー|配信エラー|送信エラー|不達|未達|退信|退回|投递失败|发送失败|發送失敗|投遞失敗|无法投递|無法投遞|Недоставленное|не доставлено|не может быть доставлено)",
    )
    .expect("valid regex")
});
static DELAY_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(delivery status notification \(delay\)|delayed mail|delivery delayed|message delayed|still being retried|warning: message .* delayed|delivery status notification: (warning|delayed)|\bdelayed\b.{0,30}\bhours?\b|warning: could not send message|not yet delivered|delivery delay notification)")
        .expect("valid regex")
});
static REPLY_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*((re|aw|sv|vs|antw|fwd?|tr|wg)\s*(\[\d+\])?\s*:\s*)+")
        .expect("valid regex")
});

/// Classifies `message`, sent to the survey's mailbox.
pub fn classify(message: &Message<'_>, survey: &Survey) -> Classification {
    classify_to(message, survey, None)
}

/// [`classify`], the reply read as an answer to `sent`, the text of the
/// questionnaire as the person was sent it, when the store has it (see
/// [`parse::parse_reply_to`]): ingest loads it before reading, so each
/// reply is parsed once.
pub fn classify_to(message: &Message<'_>, survey: &Survey, sent: Option<&str>) -> Classification {
    let candidates = matching::candidates(message, survey);
    classify_read(
        message,
        survey,
        sent.map_or(parse::Sent::Unknown, parse::Sent::Text),
        candidates,
        &parse::reply_text(message),
    )
}

/// [`classify_to`] with what the caller has already read of the message:
/// its tokens (`candidates`, [`matching::candidates`]) and its text
/// (`text`, [`parse::reply_text`]): ingest reads both once per message, to
/// find the person before classifying. `sent` is the mail as sent, as
/// ingest has it ([`parse::Sent`]: its stored bytes, parsed only if a line
/// is compared with it).
pub fn classify_read(
    message: &Message<'_>,
    survey: &Survey,
    sent: parse::Sent<'_>,
    candidates: Vec<Candidate>,
    text: &str,
) -> Classification {
    crate::understand::budget::fault_slow_read(message.subject());
    let bounce_keys = crate::outbox::verp::keys(message, survey);
    let verdict = |kind, reason: String, bounce, reply| Classification {
        kind,
        reason,
        bounce,
        candidates: candidates.clone(),
        bounce_keys: bounce_keys.clone(),
        challenge: false,
        reply,
    };

    let subject = message.subject().unwrap_or("");
    let sender = sender_local_part(message);
    let from_daemon = sender.as_deref().is_some_and(is_daemon);
    if !survey.sending.read_bounce_reports {
        // Report bodies are not read: a report is known by its headers
        // alone (from a mail system, or a multipart/report), and only its
        // VERP address says whose it is.
        let is_report = from_daemon
            || message.content_type().is_some_and(|ct| {
                ct.ctype().eq_ignore_ascii_case("multipart")
                    && ct
                        .subtype()
                        .is_some_and(|s| s.eq_ignore_ascii_case("report"))
            });
        if is_report {
            let reason = format!(
                "delivery report (read by its headers only: read_bounce_reports = false){}",
                if bounce_keys.is_empty() {
                    ", to no VERP address"
                } else {
                    ", to a VERP address"
                }
            );
            return verdict(MessageClass::Bounce, reason, Some(Bounce::default()), None);
        }
    }
    let report = match delivery_status(message, survey) {
        Some(report) => Some(report),
        None if DELAY_SUBJECT.is_match(subject)
            || (BOUNCE_SUBJECT.is_match(subject) && (from_daemon || !looks_personal(message)))
            || (from_daemon && bounce_text(message)) =>
        {
            Some(nonstandard_bounce(message, survey))
        }
        None => None,
    };
    if let Some(report) = report {
        let (kind, reason, report) = report_verdict(report, subject);
        return verdict(kind, reason, Some(report), None);
    }
    let challenge = challenge_response(message, subject, text);
    if let Some(reason) = automatic(message, subject, from_daemon).or_else(|| {
        challenge
            .then(|| "a challenge-response system asks the sender to prove they are human".into())
    }) {
        let mut automatic = verdict(MessageClass::AutoReply, reason, None, None);
        automatic.challenge = challenge;
        return automatic;
    }
    if let Some(c) = candidates.iter().find(|c| c.unsubscribe) {
        let reason = format!(
            "sent to the unsubscribe address {}",
            crate::compose::token::redact(&c.found_in)
        );
        let reply = parse::parse_reply_sent(text, survey, sent);
        return verdict(MessageClass::Unsubscribe, reason, None, Some(reply));
    }

    let typed = typed_in_subject(subject, &survey.subject);
    let text = match typed {
        Some(answers) => std::borrow::Cow::Owned(format!("{answers}\n\n{text}")),
        None => std::borrow::Cow::Borrowed(text),
    };
    let mut reply = parse::parse_reply_sent(&text, survey, sent);
    let date = message
        .date()
        .and_then(|d| jiff::civil::Date::new(d.year as i16, d.month as i8, d.day as i8).ok());
    parse::count_since(&mut reply, survey, date);
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
    let (kind, reason) = reply_verdict(&reply, !candidates.is_empty(), about_survey);
    verdict(kind, reason, None, Some(reply))
}

/// What the doctor typed after our subject in a reply's subject line
/// ("Re: Survey: ... (5 minutes) - 1 yes, 2 no, 3 yes"): read as the
/// first line of their own text, so answers typed there count as any
/// other line at the top does. Only after our whole subject, after the
/// reply prefixes, and at most 1000 bytes; `None` otherwise.
fn typed_in_subject<'s>(subject: &'s str, ours: &str) -> Option<&'s str> {
    if subject.len() > 2000 || ours.trim().is_empty() {
        return None;
    }
    let own = REPLY_PREFIX
        .find(subject)
        .map_or(subject, |m| &subject[m.end()..])
        .trim_start();
    let ours = ours.trim();
    let head = own.get(..ours.len())?;
    if !head.eq_ignore_ascii_case(ours) {
        return None;
    }
    let rest = own[ours.len()..]
        .trim_start_matches([' ', '-', '–', '—', ':', '|', ',', ';'])
        .trim();
    (!rest.is_empty() && rest.len() <= 1000).then_some(rest)
}

/// What a delivery report is: a bounce, or (a delay, a notice, a refusal
/// about our own sending account) an automatic message; with the reason
/// `inspect` shows.
fn report_verdict(report: Bounce, subject: &str) -> (MessageClass, String, Bounce) {
    let form = if report.standard {
        "delivery report (RFC 3464)"
    } else {
        "non-standard delivery report"
    };
    let named = if report.recipients.is_empty() {
        "an unnamed recipient".to_owned()
    } else {
        report.recipients.join(", ")
    };
    if report.sender_side {
        let reason = format!(
            "{form}: a refusal about our own sending account ({}), not about {named}: sending pauses, nobody is bounced",
            report
                .diagnostic
                .as_deref()
                .or(report.status.as_deref())
                .unwrap_or("limit reached")
        );
        return (MessageClass::AutoReply, reason, report);
    }
    let delayed = report.severity == crate::understand::bounce::Severity::Soft
        || (!report.standard && DELAY_SUBJECT.is_match(subject));
    if delayed
        || (report.standard
            && report.action.as_deref().is_some_and(|a| a != "failed")
            && report.recipients.is_empty())
    {
        let reason = format!(
            "{form} without a failure (Action: {}): a delay or a notice, not a bounce",
            report.action.as_deref().unwrap_or("none")
        );
        let mut report = report;
        report.severity = crate::understand::bounce::Severity::Soft;
        return (MessageClass::AutoReply, reason, report);
    }
    let reason = format!(
        "{form}: {} for {named}",
        report.action.as_deref().unwrap_or("failed"),
    );
    (MessageClass::Bounce, reason, report)
}

/// What a reply is, from what it says: answers, a request, a reply to the
/// survey without answers, or nothing to do with it; with the reason.
fn reply_verdict(
    reply: &ParsedReply,
    has_candidates: bool,
    about_survey: bool,
) -> (MessageClass, String) {
    let answered = !reply.answers.is_empty();
    if answered {
        let mut reason = format!("reply with {} answer(s)", reply.answers.len());
        if reply.opt_out {
            reason.push_str(" and a request to stop mail");
        }
        if reply.withdraw {
            reason.push_str(" and a request to delete answers");
        }
        (MessageClass::Reply, reason)
    } else if reply.opt_out || reply.withdraw {
        let what = if reply.withdraw {
            "asks for the answers to be deleted"
        } else {
            "asks to stop mail"
        };
        (
            MessageClass::Unsubscribe,
            format!("no answers; the sender {what}"),
        )
    } else if has_candidates || reply.quotes_questionnaire || about_survey {
        (
            MessageClass::Reply,
            "reply to the survey without answers".to_owned(),
        )
    } else {
        (
            MessageClass::Unrelated,
            "no answers, no token and no sign of the survey".to_owned(),
        )
    }
}

/// Is this a challenge-response system's request that the sender prove
/// they are human (Spam Arrest, Boxbe, TMDA, ChoiceMail, Mailblocks and
/// their kin)? Nobody answers those automatically: a person must.
/// `reply` is the message's [`parse::reply_text`].
fn challenge_response(message: &Message<'_>, subject: &str, reply: &str) -> bool {
    static HEADER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(x-spamarrest|x-boxtrapper|x-challenge|x-boxbe|x-tmda|x-choicemail|x-mailblocks|x-delivery-agent)").expect("valid regex")
    });
    static WORDS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(prove (that )?you are (a )?(human|real person|not a (robot|spammer))|verify (that )?you are (a )?(human|real person)|confirm (that )?you are (a )?(human|real person)|(to have|for) your (message|e-?mail) (to be )?delivered,? (please )?(click|reply|visit|verify|confirm)|challenge[- ]response|sender verification (request|required)|please (verify|confirm) your (message|e-?mail|address) (by|to)|my spam (filter|protection) (requires|asks))").expect("valid regex")
    });
    if message.headers_raw().any(|(name, value)| {
        // Every name HEADER matches starts with `x-` (`(?i)` folds no
        // other character to x): a look at two bytes before a regex
        // search of each of the message's headers (issue 23).
        name.as_bytes()
            .get(..2)
            .is_some_and(|x| x.eq_ignore_ascii_case(b"x-"))
            && HEADER.is_match(name)
            && (!name.eq_ignore_ascii_case("x-delivery-agent")
                || value.to_ascii_lowercase().contains("tmda"))
    }) {
        return true;
    }
    if WORDS.is_match(subject) {
        return true;
    }
    // 4,000 characters are at most 16,000 bytes.
    challenge_text(message, reply).is_some_and(|text| WORDS.is_match(first_chars(&text, 4_000)))
}

/// The first `n` characters of `text` (all of it when shorter), borrowed
/// rather than copied: found without walking them when they are all ASCII
/// (issue 23), where the `n`th ends at byte `n`.
fn first_chars(text: &str, n: usize) -> &str {
    let end = match text.as_bytes().get(..n) {
        None => text.len(),
        Some(head) if head.is_ascii() => n,
        Some(_) => text.char_indices().nth(n).map_or(text.len(), |(i, _)| i),
    };
    &text[..end]
}

/// Why the message is automatic, if it is. `X-Auto-Response-Suppress`
/// alone does not count: Outlook puts it on ordinary mail.
fn automatic(message: &Message<'_>, subject: &str, from_daemon: bool) -> Option<String> {
    for (name, value) in message.headers_raw() {
        let name_lower = name.to_ascii_lowercase();
        // Only these names can be one of the arms below (every name
        // AUTO_HEADER matches starts with x, which `(?i)` folds from no
        // other character): for the others, nothing is lowered or
        // searched (issue 23: every header of every message).
        let can_be = matches!(name_lower.as_str(), "auto-submitted" | "precedence")
            || (name_lower.starts_with('x') && AUTO_HEADER.is_match(&name_lower));
        if !can_be {
            continue;
        }
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

/// Reads an RFC 3464 report, whatever the case of its MIME types: the
/// `message/delivery-status` (or `message/global-delivery-status`) part,
/// read by [`crate::understand::bounce::from_report`]. `None` without such a part, or
/// when it names no recipient at all (the text is read instead).
fn delivery_status(message: &Message<'_>, survey: &Survey) -> Option<Bounce> {
    let part = message.parts.iter().find(|p| {
        p.content_type().is_some_and(|ct| {
            ct.ctype().eq_ignore_ascii_case("message")
                && ct.subtype().is_some_and(|s| {
                    s.eq_ignore_ascii_case("delivery-status")
                        || s.eq_ignore_ascii_case("global-delivery-status")
                })
        })
    })?;
    let text = String::from_utf8_lossy(part.contents()).into_owned();
    let failure = crate::understand::bounce::from_report(&text)?;
    if failure.recipients.is_empty() && failure.action.as_deref() == Some("failed") {
        // A report that names nobody we can read: the text may.
        return None;
    }
    Some(bounce_of(
        failure,
        true,
        returned_candidates(message, survey),
    ))
}

fn bounce_of(
    failure: crate::understand::bounce::Failure,
    standard: bool,
    returned: Vec<Candidate>,
) -> Bounce {
    Bounce {
        final_recipient: failure.recipients.first().cloned(),
        recipients: failure.recipients,
        severity: failure.severity,
        sender_side: failure.sender_side,
        action: failure.action,
        status: failure.status,
        diagnostic: failure.diagnostic,
        returned,
        standard,
    }
}

fn is_daemon(local: &str) -> bool {
    let local = local.replace(['-', '_', '.'], "");
    matches!(
        local.as_str(),
        "mailerdaemon"
            | "postmaster"
            | "maildaemon"
            | "mailadmin"
            | "doublebounce"
            | "mailersystem"
    ) || local.starts_with("mailerdaemon")
}

/// Does the text read like a delivery report (for mail from a mail system
/// whose subject is not one we know)?
fn bounce_text(message: &Message<'_>) -> bool {
    static WORDS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(could not be delivered|couldn't be delivered|wasn't delivered|not delivered|undeliverable|permanent (fatal )?error|delivery (has )?failed|failed to deliver|unable to deliver|wasn't able to deliver|delivery to the following|user unknown|no such user|mailbox unavailable|returned mail|will be retried|has been delayed|not yet been delivered)").expect("valid regex")
    });
    body_text(message, crate::understand::bounce::MAX_TEXT).is_some_and(|t| WORDS.is_match(&t))
}

/// The report's own text: its first text part outside any attached message
/// (HTML turned into text when there is no plain part), its first `limit`
/// bytes (at least, for HTML): a text part may be 24 MB, and no reader of
/// a report's own words looks that far. Borrowed, not copied: every
/// message is looked at this way (challenge-response).
fn body_text<'a>(message: &'a Message<'_>, limit: usize) -> Option<std::borrow::Cow<'a, str>> {
    match &body_part(message)?.1.body {
        PartType::Text(text) => Some(std::borrow::Cow::Borrowed(head(text, limit))),
        PartType::Html(html) => Some(std::borrow::Cow::Owned(parse::html::to_text_within(
            html, limit,
        ))),
        _ => None,
    }
}

/// The text the challenge-response check reads: [`body_text`]'s first
/// 16,000 bytes, or `reply` (the message's [`parse::reply_text`]) when
/// that is the same HTML part's text: the reply's text then is that one
/// part converted, within a larger limit, which begins exactly as the
/// conversion within 16,000 bytes does for at least those bytes
/// ([`parse::html::to_text_within`]), so an HTML-only reply is not
/// converted a second time (issue 23).
fn challenge_text<'a>(
    message: &'a Message<'_>,
    reply: &'a str,
) -> Option<std::borrow::Cow<'a, str>> {
    // The reply's text is one part's alone when its text parts are its
    // HTML parts, and one (see `parse::reply_text`).
    let [only] = message.text_body.as_slice() else {
        return body_text(message, 16_000);
    };
    let same = message.html_body == [*only]
        && body_part(message).is_some_and(|(id, part)| {
            id == *only as usize && matches!(part.body, PartType::Html(_))
        });
    if same {
        Some(std::borrow::Cow::Borrowed(reply))
    } else {
        body_text(message, 16_000)
    }
}

/// The part [`body_text`] reads, with its index in the message's parts.
fn body_part<'a, 'm>(message: &'a Message<'m>) -> Option<(usize, &'a MessagePart<'m>)> {
    let parts = || {
        message
            .parts
            .iter()
            .enumerate()
            .filter(|(_, p)| !matches!(p.body, PartType::Multipart(_) | PartType::Message(_)))
            .filter(|(_, p)| {
                !p.content_type().is_some_and(|ct| {
                    ct.subtype().is_some_and(|s| {
                        s.eq_ignore_ascii_case("rfc822-headers")
                            || s.eq_ignore_ascii_case("delivery-status")
                    })
                })
            })
    };
    parts()
        .find(|(_, p)| matches!(p.body, PartType::Text(_)))
        .or_else(|| parts().find(|(_, p)| matches!(p.body, PartType::Html(_))))
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
                if let Some(original) = crate::understand::mime::parse(headers.as_bytes()) {
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

/// A non-standard failure report (Sendmail, Exim, qmail, Exchange, Gmail,
/// Domino, ...): the addresses its diagnostic text names
/// ([`crate::understand::bounce::from_text`]), never the returned original's `To:`.
fn nonstandard_bounce(message: &Message<'_>, survey: &Survey) -> Bounce {
    let text = body_text(message, crate::understand::bounce::MAX_TEXT).unwrap_or_default();
    let mut excluded: Vec<String> = vec![
        survey.sender.address.to_string().to_ascii_lowercase(),
        survey.sender.reply_to.to_string().to_ascii_lowercase(),
    ];
    excluded.extend(survey.leads.iter().map(|l| l.email.to_ascii_lowercase()));
    let own = |m: &Message<'_>, excluded: &mut Vec<String>| {
        for list in [m.to(), m.from(), m.sender(), m.reply_to()]
            .into_iter()
            .flatten()
        {
            for addr in list.iter() {
                if let Some(a) = addr.address() {
                    excluded.push(a.to_ascii_lowercase());
                }
            }
        }
    };
    // The report's own sender and the person it went back to.
    for list in [message.to(), message.from()].into_iter().flatten() {
        for addr in list.iter() {
            if let Some(a) = addr.address() {
                excluded.push(a.to_ascii_lowercase());
            }
        }
    }
    // The returned original's sender.
    for part in &message.parts {
        if let PartType::Message(original) = &part.body {
            let mut from_original = Vec::new();
            own(original, &mut from_original);
            let to_original: Vec<String> = original
                .to()
                .into_iter()
                .flat_map(|l| l.iter())
                .filter_map(|a| a.address().map(str::to_ascii_lowercase))
                .collect();
            excluded.extend(
                from_original
                    .into_iter()
                    .filter(|a| !to_original.contains(a)),
            );
        }
    }
    let delay_subject = DELAY_SUBJECT.is_match(message.subject().unwrap_or(""));
    let mut failure = crate::understand::bounce::from_text(&text, delay_subject, &excluded);
    if failure.recipients.is_empty() {
        failure.recipients = fallback_recipients(message, &text, &excluded);
    }
    bounce_of(failure, false, returned_candidates(message, survey))
}

/// When the diagnostic names no address: Exim's `X-Failed-Recipients`
/// header, then the envelope recipient a `Received: ... for <a@b>` line of
/// the returned original records, then that original's `To:` when it holds
/// a single address. Weaker evidence than the diagnostic, and never what
/// ties a bounce to a person (the token and the VERP address do that).
fn fallback_recipients(message: &Message<'_>, text: &str, excluded: &[String]) -> Vec<String> {
    static FOR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\bfor\s+<([A-Za-z0-9._%+=\-]{1,64}@[A-Za-z0-9\-.]{3,255})>")
            .expect("valid regex")
    });
    let usable = |a: &str| {
        let a = a.trim().trim_matches(['<', '>']).to_ascii_lowercase();
        (a.contains('@') && !excluded.contains(&a)).then_some(a)
    };
    let header: Vec<String> = message
        .headers_raw()
        .filter(|(n, _)| n.eq_ignore_ascii_case("x-failed-recipients"))
        .flat_map(|(_, v)| v.split(',').filter_map(usable).collect::<Vec<_>>())
        .collect();
    if !header.is_empty() {
        return header;
    }
    let mut originals: Vec<String> = vec![text.to_owned()];
    for part in &message.parts {
        if let PartType::Message(original) = &part.body {
            let headers: String = original
                .headers_raw()
                .map(|(n, v)| format!("{n}:{v}\n"))
                .collect();
            originals.push(headers);
            let to: Vec<String> = original
                .to()
                .into_iter()
                .flat_map(|l| l.iter())
                .filter_map(|a| a.address().and_then(usable))
                .collect();
            if let Some(found) = originals
                .iter()
                .find_map(|t| FOR.captures(t).and_then(|c| usable(&c[1])))
            {
                return vec![found];
            }
            if to.len() == 1 {
                return to;
            }
        }
    }
    originals
        .iter()
        .find_map(|t| FOR.captures(t).and_then(|c| usable(&c[1])))
        .into_iter()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_typed_after_our_subject() {
        let ours = "Survey: ketamine (5 minutes)";
        assert_eq!(
            typed_in_subject("Re: RE: Survey: ketamine (5 minutes) - 1 yes, 2 no", ours),
            Some("1 yes, 2 no")
        );
        assert_eq!(
            typed_in_subject("AW: survey: KETAMINE (5 minutes): Q1 Y", ours),
            Some("Q1 Y")
        );
        assert_eq!(
            typed_in_subject("Re: Survey: ketamine (5 minutes)", ours),
            None
        );
        assert_eq!(
            typed_in_subject("Re: Survey: ketamine (5 minutes) -", ours),
            None
        );
        assert_eq!(
            typed_in_subject("1 yes - Re: Survey: ketamine (5 minutes)", ours),
            None
        );
        assert_eq!(typed_in_subject("Re: Surv", ours), None);
    }

    /// The first characters of a text, ASCII or not, shorter or longer.
    #[test]
    fn first_chars_counts_characters_not_bytes() {
        let walked = |text: &str, n: usize| text.chars().take(n).collect::<String>();
        for text in [
            "",
            "abc",
            "abcd",
            "abcde",
            "éabc",
            "abé",
            "abcé",
            "ééééé",
            "ab\u{1f600}cd",
        ] {
            for n in 0..6 {
                assert_eq!(first_chars(text, n), walked(text, n), "{text:?} {n}");
            }
        }
    }

    /// The challenge check reads, from an HTML-only reply's text, the
    /// very characters it read from the HTML converted again: over every
    /// message of the fixtures.
    #[test]
    fn challenge_check_reads_the_same_text_from_the_reply() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let first = |text: &str| text.chars().take(4_000).collect::<String>();
        let mut reused = 0;
        for set in ["replies", "bounces", "simulated"] {
            for entry in std::fs::read_dir(dir.join(set)).expect("a fixture set") {
                let path = entry.expect("an entry").path();
                if path.extension().is_none_or(|x| x != "eml") {
                    continue;
                }
                let raw = std::fs::read(&path).expect("reads");
                let Some(message) = crate::understand::mime::parse(&raw) else {
                    continue;
                };
                let reply = parse::reply_text(&message);
                let read = challenge_text(&message, &reply).map(|t| first(&t));
                let again = body_text(&message, 16_000).map(|t| first(&t));
                assert_eq!(read, again, "{}", path.display());
                reused += usize::from(matches!(
                    challenge_text(&message, &reply),
                    Some(std::borrow::Cow::Borrowed(t)) if std::ptr::eq(t, reply.as_str())
                ));
            }
        }
        assert!(
            reused > 5,
            "only {reused} HTML-only replies read from their text"
        );
    }
}
