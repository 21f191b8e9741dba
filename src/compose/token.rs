//! Per-recipient tokens: the only thing that ties a reply to a person.
//!
//! A token is 160 bits from the operating system's CSPRNG, written in
//! lowercase base32 (letters and digits only, since some gateways change the
//! case of addresses). Its first [`SELECTOR_LEN`] characters are a selector,
//! looked up by an index; the rest is a verifier, compared in constant time,
//! so a lookup neither leaks through timing nor scans every row.

use subtle::ConstantTimeEq;

/// Characters in a token.
pub const TOKEN_LEN: usize = 32;
/// Characters of the token used as the indexed selector.
pub const SELECTOR_LEN: usize = 12;

const ALPHABET: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";

/// A recipient's secret token.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Logs show only the selector: enough to follow one person, not to
        // answer in their name.
        write!(f, "Token({}…)", self.selector())
    }
}

/// `KIND.SEQ.TOKEN@DOMAIN`: derived, so the same mail always has the same
/// Message-ID, and a reply's In-Reply-To leads back to the person.
pub fn message_id(kind: &str, seq: u32, token: &Token, domain: &str) -> String {
    format!("{kind}.{seq}.{}@{domain}", token.as_str())
}

impl Token {
    /// A fresh token from the operating system's CSPRNG.
    pub fn generate() -> Token {
        let mut bytes = [0u8; 20];
        getrandom::fill(&mut bytes).expect("the operating system's random source works");
        Token(base32(&bytes))
    }

    /// `n` fresh tokens, as [`Token::generate`] makes them, from one read
    /// of the random source (a list of a million people read it a million
    /// times otherwise).
    pub fn generate_many(n: usize) -> Vec<Token> {
        let mut bytes = vec![0u8; 20 * n];
        getrandom::fill(&mut bytes).expect("the operating system's random source works");
        bytes
            .chunks_exact(20)
            .map(|b| Token(base32(b.try_into().expect("20 bytes"))))
            .collect()
    }

    /// Reads a token from text (an address's plus part, a Message-ID),
    /// ignoring case. `None` unless it has a token's exact shape.
    pub fn parse(text: &str) -> Option<Token> {
        let lower = text.to_ascii_lowercase();
        (lower.len() == TOKEN_LEN && lower.bytes().all(|b| ALPHABET.contains(&b)))
            .then_some(Token(lower))
    }

    /// The whole token, for building addresses and Message-IDs.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The indexed part.
    pub fn selector(&self) -> &str {
        &self.0[..SELECTOR_LEN]
    }

    /// The secret part.
    pub fn verifier(&self) -> &str {
        &self.0[SELECTOR_LEN..]
    }

    /// Does this token's verifier equal `stored`? Constant time in the
    /// contents.
    pub fn verifies(&self, stored_verifier: &str) -> bool {
        self.verifier()
            .as_bytes()
            .ct_eq(stored_verifier.as_bytes())
            .into()
    }
}

static TOKEN_IN_TEXT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)\b([a-z2-7]{12})[a-z2-7]{20}\b").expect("valid regex")
});

/// `text` with every token in it (in an address, a Message-ID, a server's
/// reply) cut to its selector and `…`: what logs, stored reasons and error
/// records may carry. The selector is enough to follow one person through
/// the log; only the whole token lets anyone answer in their name.
pub fn redact(text: &str) -> std::borrow::Cow<'_, str> {
    TOKEN_IN_TEXT.replace_all(text, "${1}…")
}

fn base32(bytes: &[u8; 20]) -> String {
    let mut out = String::with_capacity(TOKEN_LEN);
    let mut buffer: u64 = 0;
    let mut bits = 0;
    for &byte in bytes {
        buffer = (buffer << 8) | u64::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(ALPHABET[((buffer >> bits) & 31) as usize] as char);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_made_together_are_well_formed_and_distinct() {
        let tokens = Token::generate_many(1000);
        assert_eq!(tokens.len(), 1000);
        let mut seen = std::collections::HashSet::new();
        for token in &tokens {
            assert_eq!(Token::parse(token.as_str()).as_ref(), Some(token));
            assert!(seen.insert(token.as_str()));
        }
        assert!(Token::generate_many(0).is_empty());
    }

    #[test]
    fn tokens_are_lowercase_base32_of_160_bits() {
        let token = Token::generate();
        assert_eq!(token.as_str().len(), TOKEN_LEN);
        assert!(
            token
                .as_str()
                .bytes()
                .all(|b| b.is_ascii_lowercase() || (b'2'..=b'7').contains(&b))
        );
        assert_ne!(token, Token::generate());
    }

    #[test]
    fn parse_ignores_case_and_rejects_other_shapes() {
        let token = Token::generate();
        assert_eq!(
            Token::parse(&token.as_str().to_uppercase()),
            Some(token.clone())
        );
        assert_eq!(Token::parse(&token.as_str()[1..]), None);
        assert_eq!(Token::parse(&format!("{}1", &token.as_str()[1..])), None);
    }

    #[test]
    fn verifier_comparison() {
        let token = Token::generate();
        assert!(token.verifies(token.verifier()));
        assert!(!token.verifies(Token::generate().verifier()));
        assert!(!token.verifies(""));
    }

    #[test]
    fn redact_keeps_the_selector_only() {
        let token = Token::generate();
        let text = format!(
            "sent to survey+u.{t}@x.test as <invitation.1.{t}@x.test>, {T}",
            t = token.as_str(),
            T = token.as_str().to_uppercase()
        );
        let redacted = redact(&text);
        assert!(!redacted.to_lowercase().contains(token.verifier()));
        assert_eq!(
            redacted.matches(&format!("{}…", token.selector())).count(),
            2
        );
        // Other words, however long, are left alone.
        assert_eq!(
            redact("internationalisation.1@x.test"),
            "internationalisation.1@x.test"
        );
    }

    #[test]
    fn debug_hides_the_verifier() {
        let token = Token::generate();
        assert!(!format!("{token:?}").contains(token.verifier()));
    }
}
