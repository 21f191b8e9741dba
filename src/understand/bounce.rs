//! Reading delivery failures as real mail systems write them: the pure
//! half of bounce handling (what failed, for whom, how badly); the store
//! decides whose state it changes ([`crate::decide::ingest`]).
//!
//! Two families of report exist in the wild (RFC 3464, RFC 3463, and the
//! catalogue of real bounces the sisimai project keeps):
//!
//! - **RFC 3464 reports**, often written loosely: MIME types in capitals,
//!   `Action: failure`, a `Status:` that holds an SMTP reply (`553 ...`),
//!   a `Final-Recipient` rewritten to an internal host while
//!   `Original-Recipient` keeps the address we sent to. [`from_report`]
//!   reads every per-recipient block and tolerates all of these.
//! - **Plain text** from Sendmail, Exim, qmail, older Postfix, Exchange,
//!   Domino, GroupWise, PMDF, Yahoo, AOL, Gmail, mail.ru, Chinese and
//!   Japanese systems: the failed address is in the diagnostic text, never
//!   in the `To:` of the returned original (often a list or someone else).
//!   [`from_text`] cuts the text where the returned original starts and
//!   reads the addresses the diagnostic names, strongest form first.
//!
//! Hard (5.x, unknown user, quota) and soft (4.x, delayed, will retry) are
//! told apart so that a delay never marks anyone bounced. A refusal that is
//! about *our* account (a daily sending limit, a submission quota) is told
//! apart too: it pauses sending and bounces nobody.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

use crate::survey::address;
use crate::understand::{budget, head};

/// How final a delivery failure is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Permanent: the recipient will not get the mail (5.x, unknown user,
    /// mailbox full, given up after retrying).
    #[default]
    Hard,
    /// Transient: delayed, the server will retry; nobody is bounced.
    Soft,
}

/// The per-recipient findings of one report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Failure {
    /// The addresses that failed, in the order the report names them,
    /// without duplicates. Empty when the report names nobody we can read.
    pub recipients: Vec<String>,
    /// Hard or soft.
    pub severity: Severity,
    /// RFC 3464 Action, normalised (`failed`, `delayed`, `delivered`), if
    /// the report had one.
    pub action: Option<String>,
    /// Enhanced status code (`5.1.1`), read or derived from an SMTP reply.
    pub status: Option<String>,
    /// The remote server's words.
    pub diagnostic: Option<String>,
    /// The refusal is about our own account (sending limit, submission
    /// quota, throttling), not about the recipients it names.
    pub sender_side: bool,
}

/// One recipient block of an RFC 3464 report.
#[derive(Debug, Clone, Default)]
struct Block {
    final_recipient: Option<String>,
    original_recipient: Option<String>,
    action: Option<String>,
    status: Option<String>,
    diagnostic: Option<String>,
}

static ENHANCED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b([245])\.(\d{1,3})\.(\d{1,3})\b").expect("valid regex"));
static SMTP_REPLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^\d.])([245])\d\d(?:[ \-]|$)").expect("valid regex"));
static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[A-Za-z0-9._%+=\-/!#$&'*?^`{|}~]{1,64}@[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63}){1,8}",
    )
    .expect("valid regex")
});

/// Reads the body of a `message/delivery-status` part (or DSN fields
/// written into a text part). `None` when it names no recipient at all.
pub fn from_report(text: &str) -> Option<Failure> {
    let blocks = blocks(head(text, MAX_TEXT));
    if blocks.is_empty() {
        return None;
    }
    let failed: Vec<&Block> = blocks.iter().filter(|b| block_failed(b)).collect();
    let delayed: Vec<&Block> = blocks.iter().filter(|b| block_delayed(b)).collect();
    let (chosen, severity) = if !failed.is_empty() {
        (failed, Severity::Hard)
    } else if !delayed.is_empty() {
        (delayed, Severity::Soft)
    } else {
        // Delivered, relayed or expanded: nothing failed.
        let first = &blocks[0];
        return Some(Failure {
            recipients: Vec::new(),
            severity: Severity::Soft,
            action: first.action.clone(),
            status: first.status.clone(),
            diagnostic: first.diagnostic.clone(),
            sender_side: false,
        });
    };
    let mut recipients = Vec::new();
    for block in &chosen {
        if let Some(address) = block_address(block) {
            push_unique(&mut recipients, address);
        }
    }
    let first = chosen[0];
    let diagnostic = chosen.iter().find_map(|b| b.diagnostic.clone());
    let status = first.status.clone().or_else(|| {
        diagnostic
            .as_deref()
            .and_then(|d| ENHANCED.find(d).map(|m| m.as_str().to_owned()))
    });
    let sender_side = chosen.iter().any(|b| {
        sender_side(
            &[b.status.as_deref(), b.diagnostic.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" "),
        )
    });
    Some(Failure {
        recipients,
        severity,
        action: first.action.clone(),
        status,
        diagnostic,
        sender_side,
    })
}

/// The address we sent to: Original-Recipient when the report keeps it and
/// Final-Recipient was rewritten (an internal host, an alias), else
/// Final-Recipient.
fn block_address(block: &Block) -> Option<String> {
    let original = block.original_recipient.as_deref().and_then(address_in);
    let last = block.final_recipient.as_deref().and_then(address_in);
    original.or(last)
}

fn address_in(value: &str) -> Option<String> {
    let value = value.split_once(';').map_or(value, |(_, a)| a);
    ADDRESS
        .find(value)
        .map(|m| clean_address(m.as_str()))
        .filter(|a| !a.is_empty())
}

fn clean_address(found: &str) -> String {
    found
        .trim_matches(|c: char| "<>\"'.,;:()[]".contains(c))
        .to_ascii_lowercase()
}

fn block_failed(block: &Block) -> bool {
    match block.action.as_deref() {
        Some("failed") => true,
        Some(_) => false,
        None => block.status.as_deref().is_some_and(|s| s.starts_with('5')),
    }
}

fn block_delayed(block: &Block) -> bool {
    match block.action.as_deref() {
        Some("delayed") => true,
        Some(_) => false,
        None => block.status.as_deref().is_some_and(|s| s.starts_with('4')),
    }
}

/// `failed`, `delayed`, `delivered`, `relayed`, `expanded`, from the
/// spellings seen in the wild (`failure`, `FAILED`, `delayed (retrying)`).
fn normalise_action(value: &str) -> String {
    let value = value.trim().to_ascii_lowercase();
    let word = value
        .split(|c: char| !c.is_ascii_alphabetic())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    match word {
        w if w.starts_with("fail") => "failed".into(),
        w if w.starts_with("delay") => "delayed".into(),
        w if w.starts_with("deliver") => "delivered".into(),
        w if w.starts_with("relay") => "relayed".into(),
        w if w.starts_with("expand") => "expanded".into(),
        w => w.to_owned(),
    }
}

/// An enhanced status code from a `Status:` value that may hold one
/// (`5.1.1`, `5.1.1 (user unknown)`) or an SMTP reply instead (`553 ...`,
/// `550-5.1.1 ...`).
pub fn normalise_status(value: &str) -> Option<String> {
    if let Some(c) = ENHANCED.captures(value) {
        return Some(format!("{}.{}.{}", &c[1], &c[2], &c[3]));
    }
    SMTP_REPLY
        .captures(value.trim())
        .map(|c| format!("{}.0.0", &c[1]))
}

/// The recipient blocks of a delivery-status body: fields unfolded, a new
/// block at each Final-Recipient (or Original-Recipient that does not
/// belong to the block before).
fn blocks(text: &str) -> Vec<Block> {
    let mut fields: Vec<(String, String)> = Vec::new();
    for line in text.lines().take(4_000) {
        if budget::expired() {
            break;
        }
        if line.trim().is_empty() {
            fields.push((String::new(), String::new()));
        } else if line.starts_with([' ', '\t']) {
            if let Some(last) = fields.last_mut().filter(|f| !f.0.is_empty()) {
                last.1.push(' ');
                last.1.push_str(line.trim());
            }
        } else if let Some((name, value)) = line.split_once(':') {
            fields.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
        }
    }
    let mut blocks: Vec<Block> = Vec::new();
    let mut open = false;
    // Fields written before the recipient in their paragraph (some
    // gateways put Action and Status first) belong to the block it opens.
    let mut early = Block::default();
    for (name, value) in fields {
        match name.as_str() {
            "" => {
                open = false;
                early = Block::default();
            }
            "final-recipient" | "original-recipient" => {
                let starts_new = !open
                    || blocks.last().is_none_or(|b| {
                        if name == "final-recipient" {
                            b.final_recipient.is_some()
                        } else {
                            b.original_recipient.is_some() || b.final_recipient.is_some()
                        }
                    });
                if starts_new {
                    blocks.push(std::mem::take(&mut early));
                    open = true;
                }
                let block = blocks.last_mut().expect("just pushed");
                if name == "final-recipient" {
                    block.final_recipient = Some(value);
                } else {
                    block.original_recipient = Some(value);
                }
            }
            "action" | "status" | "diagnostic-code" => {
                let block = if open {
                    blocks.last_mut().unwrap_or(&mut early)
                } else {
                    &mut early
                };
                match name.as_str() {
                    "action" => block.action = Some(normalise_action(&value)),
                    "status" => block.status = normalise_status(&value),
                    _ => {
                        let words = value.split_once(';').map_or(value.as_str(), |(_, d)| d);
                        block.diagnostic = Some(words.trim().to_owned());
                        if block.status.as_deref().is_none_or(|s| s.ends_with(".0.0"))
                            && let Some(code) = ENHANCED.find(words)
                        {
                            block.status = Some(code.as_str().to_owned());
                        }
                    }
                }
            }
            _ => {}
        }
    }
    blocks.retain(|b| block_address(b).is_some() || b.action.is_some());
    blocks
}

/// Where the returned original starts in a plain-text report: everything
/// after is the message we sent, whose addresses must not be taken for the
/// failed recipient.
static ORIGINAL_STARTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?im)^[\s>|-]*(",
        r"-+ ?(original|returned|undelivered|unsent) message|",
        r"-+ ?this is a copy of",
        r"|-+ ?below this line is a copy",
        r"|-+ ?the header of the original message",
        r"|-+ ?original message (header|follows)",
        r"|-+ ?message header follows",
        r"|-+ ?returned mail follows",
        r"|-+ ?unsent message below",
        r"|-+ ?received headers? of the original",
        r"|original message (headers? )?(follows|below|is attached)",
        r"|-+ ?the original message (was|is)",
        r"|--- ?the message that (failed|was sent)",
        r"|the original message headers? (are|is) (included|attached|below)",
        r"|the text you sent follows",
        r"|below is a copy of the original message",
        r"|your message reads \(in part\)",
        r"|original-envelope-id",
        r"|content-type: message/rfc822",
        r"|-+ ?Rejected message",
        r"|-+ ?Enclosed is a copy",
        r"|-+ ?message text follows",
        r")"
    ))
    .expect("valid regex")
});

/// Markers that the text ends a diagnostic and starts a pasted original's
/// header block (`Received:`, `Return-Path:` at the start of a line after a
/// blank line). Matched at the start of the text only.
static HEADER_BLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(return-path|received|message-id|mime-version|x-[a-z\-]+):\s")
        .expect("valid regex")
});

/// The most of a report's text read ([`from_text`], [`from_report`]): the
/// diagnostic comes first, and what lies beyond is the returned original.
pub const MAX_TEXT: usize = 256 * 1024;

/// Whether a header line starts `text`: [`HEADER_BLOCK`] on its first
/// line only, so each blank line of a report costs the line after it, not
/// the rest of the text.
fn starts_header_block(text: &str) -> bool {
    // A field name, a colon and a space: the longest name worth reading
    // fits in this.
    let line = head(text, 256).split('\n').next().unwrap_or("");
    HEADER_BLOCK.is_match(line)
}

/// Lines that name addresses which are not the failed recipient: the
/// pasted headers of the original, and the report's own bookkeeping.
static NOT_RECIPIENT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(from|sender|reply-to|return-path|message-id|in-reply-to|references|reporting-mta|received-from-mta|arrival-date|x-[a-z\-]+|received|date|subject|cc|bcc|envelope-from|mail from|list-unsubscribe|errors-to)\s*:").expect("valid regex")
});

/// Strong forms: an address named by the diagnostic as the one that failed.
static STRONG: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let address = r"<?([A-Za-z0-9._%+=\-!#$&'*?^`{|}~]{1,64}@[A-Za-z0-9\-.]{3,255})>?";
    [
        // qmail, older Postfix, Exim "<user@host>:" or "user@host:" at the start of a line.
        format!(r"(?m)^\s*<{address}>?\s*:"),
        format!(r"(?m)^\s*{address}\s*:\s*(host|\d{{3}}|mailbox|user|unrouteable|retry|sorry|smtp|lmtp|delivery|this|the|no |unknown|connection|all relevant)"),
        // Sendmail "<user@host>... User unknown".
        format!(r"(?m){address}\.\.\."),
        // SMTP transcripts.
        format!(r"(?im)RCPT TO:\s*<?{address}"),
        // DSN fields pasted into text.
        format!(r"(?im)^\s*(?:original|final)-recipient:\s*(?:rfc822;)?\s*{address}"),
        // Phrases naming the failed address.
        format!(r"(?i)(?:could not be delivered to|couldn't be delivered to|wasn't delivered to|was not delivered to|delivery to(?: the following recipients?)?(?: has)? failed(?: for| to)?|undeliverable to|failed to deliver to|unable to deliver (?:the message|your message|mail)? ?to|not be delivered to|permanent error delivering to|delivery has failed to these recipients or groups:|failed recipients?|recipient address(?:es)?(?: rejected)?|unknown user|user unknown|no such user|invalid recipient|recipient:|to the following address(?:es)?|mailbox unavailable|address rejected|your message to|message to|email to|mail to)\s*:?\s*(?:\r?\n\s*)?{address}"),
        // Japanese and Chinese systems.
        format!(r"(?:宛先|送信先|收件人|收信人|邮件地址|아래)[^\n@]{{0,40}}?{address}"),
    ]
    .into_iter()
    .map(|p| Regex::new(&p).expect("valid regex"))
    .collect()
});

/// Words of a transient failure: the server will try again.
static SOFT_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(will (continue to |keep |be )?(re)?try|will be retried|still trying|is still being retried|has not yet been delivered|not been delivered yet|delivery (has been |is )?delayed|message (is |has been )?delayed|warning: (message|could not send)|this is (a|only a) warning|do not need to resend|don't need to resend|temporar(il)?y (failure|problem|unavailable|error|deferred)|deferred|delivery attempts will continue|will retry)").expect("valid regex")
});

/// A refusal that concerns our account's sending limit, not the
/// addresses it names (Gmail's daily limit, Exchange's submission quota,
/// NDR 5.1.90).
static SENDING_LIMIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(daily (user )?sending (limit|quota)|sending limit exceeded|submissionquotaexceeded|submission quota|\b5\.1\.90\b|message submission rate|too many messages sent|you have exceeded (your|the) (daily )?(sending|message) (limit|quota)|exceeded the (maximum )?(number of )?(messages|recipients) (per|you can send)|daily limit for (sending|message recipients)|sending quota exceeded|outbound (spam|sending) limit|ratelimit(ed)? .{0,20}sender|sender .{0,20}rate ?limit)").expect("valid regex")
});

/// A refusal of our account for too many connections at once (Exchange
/// Online's `432 4.3.2 STOREDRV.ClientSubmit; sender thread limit
/// exceeded`: three concurrent connections per mailbox).
static TOO_MANY_CONNECTIONS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(sender thread limit|too many concurrent (smtp )?(connections|sessions) (for|from) (this|the|your) (sender|account|user|mailbox))").expect("valid regex")
});

/// What a provider's refusal of our own account (not of a recipient)
/// asks of us.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SenderLimit {
    /// The account's sending limit is used up (Gmail `550 5.4.5`, Exchange
    /// `554 5.2.0 ... SubmissionQuotaExceededException`, NDR `5.1.90`):
    /// sending through the account pauses.
    Quota,
    /// Too many connections at once (Exchange `432 4.3.2 ... sender thread
    /// limit exceeded`): one connection fewer, not a pause.
    Connections,
}

/// Is `text` (a status and diagnostic, or a plain-text report) about our
/// own account's limits rather than the recipients, and which? Too many
/// connections wins over a quota's words in the same text: it asks for
/// less, and the next refusal says the rest.
pub fn sender_limit(text: &str) -> Option<SenderLimit> {
    if TOO_MANY_CONNECTIONS.is_match(text) {
        Some(SenderLimit::Connections)
    } else if SENDING_LIMIT.is_match(text) {
        Some(SenderLimit::Quota)
    } else {
        None
    }
}

/// Is `text` about our own account's limits rather than the recipients?
pub fn sender_side(text: &str) -> bool {
    sender_limit(text).is_some()
}

/// The diagnostic part of a plain-text report: up to where the returned
/// original starts.
pub fn diagnostic_section(text: &str) -> &str {
    let mut end = text.len();
    if let Some(m) = ORIGINAL_STARTS.find(text) {
        end = m.start();
    }
    // A pasted header block (after a blank line) ends it too, unless that
    // leaves nothing.
    let mut search = 0;
    while let Some(pos) = text[search..end].find("\n\n").map(|p| p + search) {
        if budget::expired() {
            break;
        }
        let after = &text[pos + 2..end];
        if pos > 40 && starts_header_block(after) {
            end = pos;
            break;
        }
        search = pos + 2;
    }
    &text[..end]
}

/// Reads a plain-text report. `excluded` are addresses that cannot be the
/// failed recipient (ours, the returned original's sender, the report's own
/// From and To).
/// `delay_subject`: the subject already says it is a delay notice.
pub fn from_text(text: &str, delay_subject: bool, excluded: &[String]) -> Failure {
    let text = head(text, MAX_TEXT).replace("\r\n", "\n");
    let section = diagnostic_section(&text);
    let is_excluded = |a: &str| {
        let local = a.split('@').next().unwrap_or("");
        let base = local.split(['+', '=']).next().unwrap_or("");
        excluded.iter().any(|e| {
            e == a || {
                let (el, ed) = e.split_once('@').unwrap_or((e, ""));
                el == base && a.ends_with(&format!("@{ed}"))
            }
        }) || matches!(
            base,
            "mailer-daemon"
                | "mailer_daemon"
                | "maildaemon"
                | "mail-daemon"
                | "postmaster"
                | "abuse"
                | "hostmaster"
                | "noreply"
                | "no-reply"
                | "double-bounce"
                | "root"
        )
    };
    let mut recipients = Vec::new();
    for line in section.lines() {
        if budget::expired() {
            break;
        }
        if NOT_RECIPIENT_LINE.is_match(line) {
            continue;
        }
        for pattern in STRONG.iter() {
            for c in pattern.captures_iter(line) {
                if let Some(m) = c.get(1) {
                    let a = clean_address(m.as_str());
                    if a.contains('@') && a.contains('.') && !is_excluded(&a) {
                        push_unique(&mut recipients, a);
                    }
                }
            }
        }
    }
    // Phrases split over two lines ("could not be delivered to:\n  x@y").
    if recipients.is_empty() {
        let joined = section.split_whitespace().collect::<Vec<_>>().join(" ");
        for pattern in STRONG.iter().skip(3) {
            for c in pattern.captures_iter(&joined) {
                if let Some(m) = c.get(1) {
                    let a = clean_address(m.as_str());
                    if a.contains('@') && !is_excluded(&a) {
                        push_unique(&mut recipients, a);
                    }
                }
            }
        }
    }
    if recipients.is_empty() {
        // Any address the diagnostic mentions, but not in pasted headers.
        for line in section.lines() {
            if budget::expired() {
                break;
            }
            if NOT_RECIPIENT_LINE.is_match(line)
                || line.trim_start().to_ascii_lowercase().starts_with("to:")
            {
                continue;
            }
            let message_id = MessageIdMark::new(line);
            for m in ADDRESS.find_iter(line) {
                let a = clean_address(m.as_str());
                if !is_excluded(&a) && !message_id.before(line, m.start()) {
                    push_unique(&mut recipients, a);
                }
            }
        }
    }
    let status = ENHANCED
        .find(section)
        .map(|m| m.as_str().to_owned())
        .or_else(|| {
            section.lines().find_map(|l| {
                SMTP_REPLY
                    .captures(l)
                    .filter(|_| l.contains(' '))
                    .map(|c| format!("{}.0.0", &c[1]))
            })
        });
    let diagnostic = section
        .lines()
        .map(str::trim)
        .find(|l| ENHANCED.is_match(l) || SMTP_REPLY.is_match(l))
        .map(|l| l.chars().take(300).collect());
    // A 4.x code alone does not make a report soft: mail returned after a
    // 4xx reply (expired in the queue) is as final as a 5.x. Only a report
    // that says it will keep trying, and says nothing permanent, is a delay.
    let soft = delay_subject
        || (SOFT_WORDS.is_match(section)
            && !permanent_words(section)
            && !status.as_deref().is_some_and(|s| s.starts_with('5')));
    let severity = if soft { Severity::Soft } else { Severity::Hard };
    Failure {
        recipients,
        severity,
        action: None,
        status,
        diagnostic,
        sender_side: sender_side(section),
    }
}

/// Words that make a report permanent even when it also speaks of retries
/// ("gave up after retrying for 5 days").
fn permanent_words(text: &str) -> bool {
    static PERMANENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(permanent|fatal|giving up|gave up|given up|retry time(out)? (not reached|exceeded)|too long|could not be delivered|couldn't be delivered|wasn't delivered|has been returned|is being returned|undeliverable|bounced|failed permanently|mail delivery failed|unable to deliver|delivery to the following recipients? failed|user unknown|no such user|does not exist|cannot send message for)").expect("valid regex")
    });
    PERMANENT.is_match(text)
}

/// Where a line names a Message-ID, found once per line: an address
/// after `Message-ID`, `msgid`, `id <` or `id=<` on its line is a
/// Message-ID, not a recipient.
struct MessageIdMark {
    /// Where the first `message-id` or `msgid` (any case) ends, if any.
    named_end: Option<usize>,
}

impl MessageIdMark {
    fn new(line: &str) -> MessageIdMark {
        let lower = line.to_ascii_lowercase();
        let end = |word: &str| lower.find(word).map(|at| at + word.len());
        MessageIdMark {
            named_end: [end("message-id"), end("msgid")]
                .into_iter()
                .flatten()
                .min(),
        }
    }

    /// Is the address at `start` of `line` a Message-ID?
    fn before(&self, line: &str, start: usize) -> bool {
        let close = line.as_bytes()[..start].iter().rev().take(5);
        let close: Vec<u8> = close.map(u8::to_ascii_lowercase).rev().collect();
        self.named_end.is_some_and(|end| end <= start)
            || close.ends_with(b"id <")
            || close.ends_with(b"id=<")
    }
}

fn push_unique(list: &mut Vec<String>, address: String) {
    if !list.contains(&address) && list.len() < 50 {
        list.push(address);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loose_reports_are_read() {
        let report = "Reporting-MTA: dns; mx.example\n\nFinal-Recipient: RFC822; jane@internal.example\nOriginal-Recipient: rfc822;jane@example.org\nAction: failure\nStatus: 553 sorry, that domain isn't in my list\n";
        let failure = from_report(report).expect("a report");
        assert_eq!(failure.recipients, ["jane@example.org"]);
        assert_eq!(failure.action.as_deref(), Some("failed"));
        assert_eq!(failure.status.as_deref(), Some("5.0.0"));
        assert_eq!(failure.severity, Severity::Hard);
    }

    #[test]
    fn several_recipients_and_delays() {
        let report = "Final-Recipient: rfc822; a@x.example\nAction: failed\nStatus: 5.1.1\n\nFinal-Recipient: rfc822; b@x.example\nAction: delayed\nStatus: 4.4.1\n\nFinal-Recipient: rfc822; c@x.example\nAction: failed\nStatus: 5.2.2\n";
        let failure = from_report(report).expect("a report");
        assert_eq!(failure.recipients, ["a@x.example", "c@x.example"]);
        let delayed =
            from_report("Final-Recipient: rfc822; b@x.example\nAction: delayed\nStatus: 4.4.1\n")
                .expect("a report");
        assert_eq!(delayed.severity, Severity::Soft);
    }

    #[test]
    fn plain_text_names_the_failed_address_not_the_original_to() {
        let text = "Hi. This is the qmail-send program at mx.example.\nI'm afraid I wasn't able to deliver your message to the following addresses.\nThis is a permanent error; I've given up. Sorry it didn't work out.\n\n<jane@example.org>:\n550 5.1.1 no mailbox here by that name\n\n--- Below this line is a copy of the message.\n\nTo: all-doctors@list.example\nFrom: survey@survey.test\n";
        let failure = from_text(text, false, &["survey@survey.test".into()]);
        assert_eq!(failure.recipients, ["jane@example.org"]);
        assert_eq!(failure.severity, Severity::Hard);
    }

    /// An address after a Message-ID's name on its line is not
    /// a recipient, wherever on the line the name is; found once a line.
    #[test]
    fn addresses_after_a_message_id_are_not_recipients() {
        let line = "Message-ID was 1234@mx.example, then jane@example.org id <x@y.example>";
        let mark = MessageIdMark::new(line);
        assert!(!mark.before(line, line.find("Message").unwrap()));
        assert!(mark.before(line, line.find("1234").unwrap()));
        let plain = "failed: jane@example.org, msgid=<x@y.example>, ID <z@y.example>";
        let mark = MessageIdMark::new(plain);
        assert!(!mark.before(plain, plain.find("jane").unwrap()));
        assert!(mark.before(plain, plain.find("x@").unwrap()));
        assert!(mark.before(plain, plain.find("z@").unwrap()));
    }

    /// A pasted header block after a blank line ends the diagnostic, read
    /// from the line after each blank line only.
    #[test]
    fn a_pasted_header_block_ends_the_diagnostic() {
        let text = "Delivery to the following recipient failed permanently:\n\n     jane@example.org\n\nReceived: from mx.example\nTo: all@list.example\n";
        assert!(diagnostic_section(text).ends_with("jane@example.org"));
        assert_eq!(
            diagnostic_section("short\n\nReceived: x"),
            "short\n\nReceived: x"
        );
    }

    #[test]
    fn sender_limits_are_told_apart() {
        use SenderLimit::{Connections, Quota};
        let cases: &[(&str, Option<SenderLimit>)] = &[
            ("550 5.4.5 Daily user sending limit exceeded.", Some(Quota)),
            (
                "554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; Failed to process message due to a permanent exception",
                Some(Quota),
            ),
            ("Status: 5.1.90", Some(Quota)),
            (
                "550 5.1.90 Your message can't be sent because you've reached your daily limit for message recipients",
                Some(Quota),
            ),
            (
                "432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded",
                Some(Connections),
            ),
            (
                "421 4.7.0 Too many concurrent SMTP connections for this account",
                Some(Connections),
            ),
            // A busy server's greeting is about the server, not our account.
            (
                "421 4.3.2 mx.proxy.test Service not available, closing transmission channel",
                None,
            ),
            ("550 5.1.1 user unknown", None),
            ("452 4.5.3 Too many recipients", None),
            ("552 5.2.2 Mailbox full", None),
        ];
        for (text, expected) in cases {
            assert_eq!(sender_limit(text), *expected, "{text}");
            assert_eq!(sender_side(text), expected.is_some(), "{text}");
        }
    }
}

/// A message we sent that a bounce returns, with the person it was for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Returned {
    /// Outbox row id.
    pub outbox_id: i64,
    /// The person it was for, and their listed address now; `None` for
    /// mail to the leads.
    pub person: Option<(i64, String)>,
    /// The address it was handed to the server for, if recorded.
    pub sent_to: Option<String>,
}

/// How a bounce was tied to us.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// Delivered to the VERP address of one message.
    Verp,
    /// Our Message-ID in the returned headers.
    MessageId,
    /// A recipient token in the returned original (Reply-To,
    /// List-Unsubscribe, quoted text).
    Token,
}

impl Evidence {
    /// For the record (`matched_by`).
    pub fn as_str(self) -> &'static str {
        match self {
            Evidence::Verp => "verp",
            Evidence::MessageId => "message_id",
            Evidence::Token => "token",
        }
    }
}

/// Whose state a bounce changes: only a bounce carrying
/// our token, and only for mail that went to the person's listed address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attribution {
    /// It returns mail sent to this person's listed address: they are
    /// bounced (if the failure is hard).
    Person {
        /// The person.
        recipient_id: i64,
        /// The message it returns, when known (VERP or Message-ID).
        outbox_id: Option<i64>,
        /// How it was tied to us.
        evidence: Evidence,
    },
    /// It returns one of our messages that went to another address than
    /// the person's listed one (or to the leads): recorded against that
    /// message only.
    MessageOnly {
        /// The message.
        outbox_id: i64,
        /// The address it went to.
        sent_to: Option<String>,
        /// How it was tied to us.
        evidence: Evidence,
    },
    /// Nothing of ours in it: anyone can write such a report, so it is
    /// recorded as unverified and stops nothing.
    Unverified,
}

/// Decides whose state a bounce changes from what the store found for its
/// VERP key, its returned Message-ID and its returned token (best evidence
/// first). Pure.
pub fn attribute(
    by_key: Option<Returned>,
    by_message_id: Option<Returned>,
    by_token: Option<i64>,
) -> Attribution {
    let sent = by_key
        .map(|r| (r, Evidence::Verp))
        .or_else(|| by_message_id.map(|r| (r, Evidence::MessageId)));
    if let Some((returned, evidence)) = sent {
        return match &returned.person {
            // Rows sent before `sent_to` was recorded always went to the
            // listed address.
            Some((id, listed))
                if returned
                    .sent_to
                    .as_deref()
                    .is_none_or(|to| address::key(to) == address::key(listed)) =>
            {
                Attribution::Person {
                    recipient_id: *id,
                    outbox_id: Some(returned.outbox_id),
                    evidence,
                }
            }
            _ => Attribution::MessageOnly {
                outbox_id: returned.outbox_id,
                sent_to: returned.sent_to,
                evidence,
            },
        };
    }
    match by_token {
        Some(recipient_id) => Attribution::Person {
            recipient_id,
            outbox_id: None,
            evidence: Evidence::Token,
        },
        None => Attribution::Unverified,
    }
}

#[cfg(test)]
mod attribution_tests {
    use super::*;

    fn returned(person: Option<(i64, &str)>, sent_to: Option<&str>) -> Returned {
        Returned {
            outbox_id: 7,
            person: person.map(|(id, e)| (id, e.to_owned())),
            sent_to: sent_to.map(str::to_owned),
        }
    }

    #[test]
    fn only_mail_to_the_listed_address_bounces_a_person() {
        let listed = returned(Some((1, "a@x.test")), Some("A@x.test"));
        assert_eq!(
            attribute(Some(listed), None, None),
            Attribution::Person {
                recipient_id: 1,
                outbox_id: Some(7),
                evidence: Evidence::Verp
            }
        );
        let colleague = returned(Some((1, "a@x.test")), Some("colleague@x.test"));
        assert!(matches!(
            attribute(None, Some(colleague), Some(1)),
            Attribution::MessageOnly {
                evidence: Evidence::MessageId,
                ..
            }
        ));
        let leads = returned(None, None);
        assert!(matches!(
            attribute(Some(leads), None, None),
            Attribution::MessageOnly { .. }
        ));
    }

    #[test]
    fn without_anything_of_ours_a_bounce_is_unverified() {
        assert_eq!(attribute(None, None, None), Attribution::Unverified);
        assert!(matches!(
            attribute(None, None, Some(3)),
            Attribution::Person {
                evidence: Evidence::Token,
                ..
            }
        ));
    }
}
