//! Matching a message to a recipient, the pure half: which tokens does the
//! message carry, and where? The store looks them up (the daemon's half).
//!
//! Tokens survive real mail paths in several places :
//! the per-recipient Reply-To plus-address (`survey+TOKEN@domain`) in To,
//! Cc, Delivered-To or X-Forwarded-To, the unsubscribe form
//! (`survey+unsubscribe.TOKEN@domain`), and our Message-IDs
//! (`KIND.SEQ.TOKEN@domain`) in In-Reply-To and References, for clients that
//! ignore Reply-To. Candidates come back in the order they should be tried.

use std::sync::LazyLock;

use mail_parser::Message;
use regex::Regex;
use serde::Serialize;

use crate::compose::token::Token;
use crate::survey::Survey;

/// Where a token was found, best evidence first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    /// The plus-address in To: the doctor replied to our Reply-To.
    To,
    /// The plus-address in Cc.
    Cc,
    /// The plus-address in Delivered-To, added by the receiving server.
    DeliveredTo,
    /// The plus-address in X-Forwarded-To, left by a forwarding mailbox.
    XForwardedTo,
    /// One of our Message-IDs in In-Reply-To.
    InReplyTo,
    /// One of our Message-IDs in References.
    References,
    /// The Message-ID of our mail returned inside a bounce.
    ReturnedMessageId,
    /// The Reply-To or List-Unsubscribe address of our mail returned inside
    /// a bounce.
    ReturnedAddress,
    /// Our address or Message-ID quoted in the text of a non-standard bounce.
    ReturnedText,
}

/// A token found in a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The token, lowercased.
    pub token: Token,
    /// Where it was found.
    pub place: Place,
    /// Found in the unsubscribe form of the plus-address: the mail is an
    /// opt-out whatever it says.
    pub unsubscribe: bool,
    /// The address or Message-ID it was read from, for the record.
    pub found_in: String,
}

static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+=\-]{1,128}@[A-Za-z0-9.\-]{1,253}").expect("valid regex")
});
static MESSAGE_ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b[a-z][a-z_\-]{0,30}\.[0-9]{1,9}\.([a-z2-7]{32})@[a-z0-9.\-]{1,253}")
        .expect("valid regex")
});

/// The tokens a reply carries in its own headers, in priority order:
/// addresses (To, Cc, Delivered-To, X-Forwarded-To), then In-Reply-To, then
/// References (newest first). The same token found twice in one place is
/// listed once.
pub fn candidates(message: &Message<'_>, survey: &Survey) -> Vec<Candidate> {
    let mut found = Vec::new();
    for (name, value) in message.headers_raw() {
        let place = match name.to_ascii_lowercase().as_str() {
            "to" => Place::To,
            "cc" => Place::Cc,
            "delivered-to" => Place::DeliveredTo,
            "x-forwarded-to" => Place::XForwardedTo,
            "in-reply-to" => Place::InReplyTo,
            "references" => Place::References,
            _ => continue,
        };
        match place {
            Place::InReplyTo | Place::References => {
                let mut ids = in_message_ids(value, place);
                if place == Place::References {
                    ids.reverse();
                }
                found.extend(ids);
            }
            _ => found.extend(in_addresses(value, place, survey)),
        }
    }
    sort_and_dedup(found)
}

/// The tokens in the headers of our own mail returned inside a bounce: its
/// Message-ID, then its Reply-To and List-Unsubscribe addresses. This is how
/// a bounce is tied to a person when Final-Recipient is some other address.
pub fn returned_candidates(original: &Message<'_>, survey: &Survey) -> Vec<Candidate> {
    let mut found = Vec::new();
    for (name, value) in original.headers_raw() {
        match name.to_ascii_lowercase().as_str() {
            "message-id" => found.extend(in_message_ids(value, Place::ReturnedMessageId)),
            "reply-to" | "list-unsubscribe" | "to" => {
                found.extend(
                    in_addresses(value, Place::ReturnedAddress, survey)
                        .into_iter()
                        .map(|mut c| {
                            // Our own unsubscribe address in a returned header says
                            // who the mail was for, not that they asked to stop.
                            c.unsubscribe = false;
                            c
                        }),
                )
            }
            _ => {}
        }
    }
    sort_and_dedup(found)
}

/// Tokens quoted anywhere in `text` (the body of a non-standard bounce that
/// pastes our headers instead of attaching them).
pub fn text_candidates(text: &str, survey: &Survey) -> Vec<Candidate> {
    let mut found = in_message_ids(text, Place::ReturnedText);
    found.extend(
        in_addresses(text, Place::ReturnedText, survey)
            .into_iter()
            .map(|mut c| {
                c.unsubscribe = false;
                c
            }),
    );
    sort_and_dedup(found)
}

/// The token in one address if it is our plus-address (`survey+TOKEN@…` or
/// `survey+u.TOKEN@…`), ignoring case. The domain is not compared:
/// aliases and forwarding rewrite it, and the token is the secret. Returns
/// the token and whether it was the unsubscribe form.
pub fn token_in_address(address: &str, survey: &Survey) -> Option<(Token, bool)> {
    let (local, _domain) = address.rsplit_once('@')?;
    let (base, detail) = local.split_once('+')?;
    let ours = [survey.sender.reply_to.user(), survey.sender.address.user()];
    if !ours.iter().any(|user| user.eq_ignore_ascii_case(base)) {
        return None;
    }
    let lower = detail.to_ascii_lowercase();
    // `u.` is the form we send (it keeps the address within 64
    // characters); `unsubscribe.` the older, longer one.
    match lower
        .strip_prefix("u.")
        .or_else(|| lower.strip_prefix("unsubscribe."))
    {
        Some(rest) => Token::parse(rest).map(|t| (t, true)),
        None => Token::parse(&lower).map(|t| (t, false)),
    }
}

/// The token in one of our Message-IDs (`KIND.SEQ.TOKEN@domain`).
pub fn token_in_message_id(id: &str) -> Option<Token> {
    MESSAGE_ID.captures(id).and_then(|c| Token::parse(&c[1]))
}

fn in_addresses(value: &str, place: Place, survey: &Survey) -> Vec<Candidate> {
    ADDRESS
        .find_iter(value)
        .filter_map(|m| {
            let (token, unsubscribe) = token_in_address(m.as_str(), survey)?;
            Some(Candidate {
                token,
                place,
                unsubscribe,
                found_in: m.as_str().to_owned(),
            })
        })
        .collect()
}

fn in_message_ids(value: &str, place: Place) -> Vec<Candidate> {
    MESSAGE_ID
        .captures_iter(value)
        .filter_map(|c| {
            Some(Candidate {
                token: Token::parse(&c[1])?,
                place,
                unsubscribe: false,
                found_in: c[0].to_owned(),
            })
        })
        .collect()
}

fn sort_and_dedup(mut found: Vec<Candidate>) -> Vec<Candidate> {
    // Stable: within one place, header order (References newest first).
    found.sort_by_key(|c| c.place);
    let mut seen = std::collections::HashSet::new();
    found.retain(|c| seen.insert((c.place, c.token.as_str().to_owned(), c.unsubscribe)));
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = "kv2h4aqxmvoeav4e7oxmo74mkeafjul6";

    fn survey() -> Survey {
        crate::survey::example()
    }

    fn parse(raw: &str) -> Message<'_> {
        mail_parser::MessageParser::default()
            .parse(raw.as_bytes())
            .expect("parses")
    }

    #[test]
    fn plus_address_beats_references_and_case_is_ignored() {
        let raw = format!(
            "From: a@b.test\r\nTo: \"Survey\" <SURVEY+{}@Survey.Test>\r\nIn-Reply-To: <reminder.2.{TOKEN}@survey.test>\r\nReferences: <invitation.1.{TOKEN}@survey.test> <reminder.2.{TOKEN}@survey.test>\r\nSubject: x\r\n\r\nbody\r\n",
            TOKEN.to_uppercase()
        );
        let found = candidates(&parse(&raw), &survey());
        let places: Vec<_> = found.iter().map(|c| c.place).collect();
        assert_eq!(places, [Place::To, Place::InReplyTo, Place::References]);
        assert!(
            found
                .iter()
                .all(|c| c.token.as_str() == TOKEN && !c.unsubscribe)
        );
        assert_eq!(found[2].found_in, format!("reminder.2.{TOKEN}@survey.test"));
    }

    #[test]
    fn unsubscribe_form_and_forwarding_headers() {
        let raw = format!(
            "From: a@b.test\r\nTo: other@b.test\r\nX-Forwarded-To: survey+unsubscribe.{TOKEN}@survey.test\r\nDelivered-To: survey+{TOKEN}@survey.test\r\nSubject: x\r\n\r\nbody\r\n"
        );
        let found = candidates(&parse(&raw), &survey());
        assert_eq!(found.len(), 2);
        assert_eq!(
            (found[0].place, found[0].unsubscribe),
            (Place::DeliveredTo, false)
        );
        assert_eq!(
            (found[1].place, found[1].unsubscribe),
            (Place::XForwardedTo, true)
        );
    }

    #[test]
    fn other_peoples_plus_addresses_and_malformed_tokens_are_ignored() {
        let survey = survey();
        assert_eq!(
            token_in_address(&format!("someone+{TOKEN}@survey.test"), &survey),
            None
        );
        assert_eq!(token_in_address("survey+short@survey.test", &survey), None);
        assert_eq!(token_in_message_id("<20261126.1234@mail.test>"), None);
        assert!(token_in_message_id(&format!("<clarification.1.{TOKEN}@survey.test>")).is_some());
    }
}
