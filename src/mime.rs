//! Reading a raw message with mail-parser. mail-parser 0.11 panics on some
//! malformed multipart input (our fuzzer found one: "Invalid part ID, could
//! not find multipart"); a message that crashed the daemon would crash it
//! again at every restart, since it is stored before it is processed. So
//! every parse goes through here, and a panic makes the message unreadable
//! instead.

use mail_parser::{Message, MessageParser};

/// Parses a whole message; `None` when it cannot be read (or the parser
/// panicked on it).
pub fn parse(raw: &[u8]) -> Option<Message<'_>> {
    guarded(|| MessageParser::default().parse(raw))
}

/// Parses only the headers of a message.
pub fn parse_headers(raw: &[u8]) -> Option<Message<'_>> {
    guarded(|| MessageParser::default().parse_headers(raw))
}

fn guarded<'a>(parse: impl FnOnce() -> Option<Message<'a>>) -> Option<Message<'a>> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(parse))
        .ok()
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The input the fuzzer found, cut to what makes mail-parser panic.
    #[test]
    fn a_message_that_makes_mail_parser_panic_is_unreadable_not_fatal() {
        let raw = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fuzz/corpus/inspect/crash-mail-parser-invalid-part-id"
        ))
        .unwrap();
        assert!(
            std::panic::catch_unwind(|| MessageParser::default().parse(&raw[..])).is_err(),
            "still panics upstream"
        );
        assert!(parse(&raw).is_none());
        let inspection = crate::inspect::inspect(
            &raw,
            &crate::survey::Survey::load(std::path::Path::new(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/config/example.toml"
            )))
            .unwrap(),
        );
        assert_eq!(
            serde_json::to_value(&inspection).unwrap()["kind"],
            "unrelated"
        );
    }
}
