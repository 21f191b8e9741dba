//! VERP (variable envelope return path): every message goes out with a
//! bounce key of its own in the envelope sender, `survey+b.KEY@domain`, so
//! a bounce, whatever its format, is tied to the exact message it returns
//! by the address it was delivered to (`Delivered-To`, `X-Original-To`,
//! `To:`). The key is separate from the recipient's reply token, as
//! Discourse does: it names one message, is random (80 bits, so a stranger
//! cannot make one up) and reveals nothing that would let anyone answer in
//! the doctor's name.

use lettre::Address;
use mail_parser::Message;

use crate::survey::Survey;

/// Characters of a bounce key.
pub const KEY_LEN: usize = 16;
/// The detail that marks a bounce address: `user+b.KEY`.
const PREFIX: &str = "b.";
/// RFC 5321's limit on a local part.
const MAX_LOCAL: usize = 64;

const ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";

/// A fresh bounce key from the operating system's CSPRNG: lowercase base32,
/// since some gateways change the case of addresses.
pub fn new_key() -> String {
    let mut bytes = [0u8; KEY_LEN];
    getrandom::fill(&mut bytes).expect("the operating system's random source works");
    bytes
        .iter()
        .map(|b| ALPHABET[(b & 31) as usize] as char)
        .collect()
}

/// The envelope sender carrying `key`: `user+b.KEY@domain` on the sender
/// address. `None` when the local part would pass RFC 5321's 64
/// characters; the message then goes out with the plain sender.
pub fn address(sender: &Address, key: &str) -> Option<Address> {
    let local = format!("{}+{PREFIX}{key}", sender.user());
    if local.len() > MAX_LOCAL {
        return None;
    }
    format!("{local}@{}", sender.domain()).parse().ok()
}

/// Where a bounce key was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BounceKeyAt {
    /// The key, lowercased.
    pub key: String,
    /// The header it was read from.
    pub header: String,
}

/// The bounce key in one address, if it is our VERP form
/// (`user+b.KEY@…`, ignoring case; the domain is not compared, since
/// aliases rewrite it and the key is the secret).
pub fn key_in(address: &str, survey: &Survey) -> Option<String> {
    let address = address.trim().trim_matches(['<', '>']);
    let (local, _) = address.rsplit_once('@')?;
    let (user, detail) = local.split_once('+')?;
    if !user.eq_ignore_ascii_case(survey.sender.address.user()) {
        return None;
    }
    let key = detail
        .strip_prefix(PREFIX)
        .or_else(|| detail.strip_prefix("B."))?;
    (key.len() == KEY_LEN
        && key
            .bytes()
            .all(|b| ALPHABET.contains(&b.to_ascii_lowercase())))
    .then(|| key.to_ascii_lowercase())
}

/// The bounce keys in the addresses a message was delivered to, best
/// evidence first: `Delivered-To` and `X-Original-To` (added by the
/// receiving server from the envelope), then `Envelope-To`, then `To:`.
pub fn keys(message: &Message<'_>, survey: &Survey) -> Vec<BounceKeyAt> {
    let mut found: Vec<(usize, BounceKeyAt)> = Vec::new();
    for (name, value) in message.headers_raw() {
        let lower = name.to_ascii_lowercase();
        let rank = match lower.as_str() {
            "delivered-to" => 0,
            "x-original-to" => 1,
            "envelope-to" | "x-envelope-to" => 2,
            "to" => 3,
            _ => continue,
        };
        for word in value.split(|c: char| c.is_whitespace() || c == ',') {
            if let Some(key) = key_in(word, survey)
                && !found.iter().any(|(_, f)| f.key == key)
            {
                found.push((
                    rank,
                    BounceKeyAt {
                        key,
                        header: name.to_owned(),
                    },
                ));
            }
        }
    }
    found.sort_by_key(|(rank, _)| *rank);
    found.into_iter().map(|(_, f)| f).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fit_and_round_trip() {
        let key = new_key();
        assert_eq!(key.len(), KEY_LEN);
        let sender: Address = "survey@survey.test".parse().unwrap();
        let verp = address(&sender, &key).expect("fits");
        assert_eq!(verp.to_string(), format!("survey+b.{key}@survey.test"));
        let long: Address = format!("{}@x.test", "a".repeat(50)).parse().unwrap();
        assert_eq!(address(&long, &key), None);
    }
}
