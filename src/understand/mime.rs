//! Reading a raw message with mail-parser. mail-parser 0.11 panics on some
//! malformed multipart input (our fuzzer found one: "Invalid part ID, could
//! not find multipart"); a message that crashed the daemon would crash it
//! again at every restart, since it is stored before it is processed. So
//! every parse goes through here, and a panic makes the message unreadable
//! instead.
//!
//! A large message is read without the bodies of its large non-text
//! attachments ([`lighten`]): mail-parser decodes every base64 part into a
//! buffer of its own (and reserves three quarters of the rest of the
//! message for each), so a scan sent back with a reply just under the size
//! limit cost tens of megabytes, while nothing we read ever lives in such
//! a part.
use std::borrow::Cow;
use std::ops::Range;

use mail_parser::{Message, MessageParser, MimeHeaders};

/// Parses a whole message; `None` when it cannot be read (or the parser
/// panicked on it).
pub fn parse(raw: &[u8]) -> Option<Message<'_>> {
    guarded(|| MessageParser::default().parse(raw))
}

/// Parses only the headers of a message.
pub fn parse_headers(raw: &[u8]) -> Option<Message<'_>> {
    guarded(|| MessageParser::default().parse_headers(raw))
}

/// Messages up to this size are read exactly as they are: [`lighten`]
/// leaves them alone, so ordinary replies are parsed as they always were.
pub const LIGHTEN_ABOVE: usize = 1024 * 1024;

/// A non-text base64 body shorter than this is kept even in a large
/// message: only what costs memory is left out.
const CUT_FROM: usize = 64 * 1024;

/// The deepest multipart nesting [`lighten`] follows; parts deeper than
/// this are kept as they are.
const MAX_DEPTH: usize = 128;

/// The message as it is read: a message over [`LIGHTEN_ABOVE`] without
/// the base64 bodies (of [`CUT_FROM`] or more) of its parts that are not
/// text, not multipart and not messages: attachments such as a scan or a
/// PDF, which no reader of ours looks into. Each part stays in its place,
/// with its headers and an empty body, so the parts, their kinds and their
/// count are those of the whole message; text parts, HTML parts and
/// attached messages (a returned original in a bounce) are kept whole.
///
/// Only a run of base64 characters that ends right before the delimiter
/// line of the multipart it is in is left out: mail-parser, which ends a
/// base64 body at the first `--` of the boundary, reads the part as the
/// same part, now empty, and the rest of the message exactly as before.
/// Anything else (a body that is not pure base64, an unterminated
/// multipart, nesting deeper than [`MAX_DEPTH`]) is kept. Pure and linear
/// in the size of the message; it copies only what it keeps.
pub fn lighten(raw: &[u8]) -> Cow<'_, [u8]> {
    if raw.len() <= LIGHTEN_ABOVE {
        return Cow::Borrowed(raw);
    }
    let cuts = attachment_bodies(raw);
    if cuts.is_empty() {
        return Cow::Borrowed(raw);
    }
    let removed: usize = cuts.iter().map(ExactSizeIterator::len).sum();
    let mut kept = Vec::with_capacity(raw.len() - removed);
    let mut at = 0;
    for cut in cuts {
        kept.extend_from_slice(&raw[at..cut.start]);
        at = cut.end;
    }
    kept.extend_from_slice(&raw[at..]);
    Cow::Owned(kept)
}

/// Where [`lighten`] is in a message, line by line.
enum Place {
    /// In the headers of the message or a part, since `start`.
    Headers { start: usize, digest: bool },
    /// In a body since `start`; `cut`: a body that may be left out.
    Body { start: usize, cut: bool },
}

/// The byte ranges of the large base64 bodies of non-text parts.
fn attachment_bodies(raw: &[u8]) -> Vec<Range<usize>> {
    let mut cuts = Vec::new();
    // The boundaries of the multiparts we are in, innermost last, each
    // with whether it is a digest (whose parts are messages by default).
    let mut open: Vec<(Vec<u8>, bool)> = Vec::new();
    let mut place = Place::Headers {
        start: 0,
        digest: false,
    };
    let mut line_start = 0;
    while line_start < raw.len() {
        let line_end = raw[line_start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(raw.len(), |i| line_start + i + 1);
        let line = &raw[line_start..line_end];
        // mail-parser looks for the innermost boundary only.
        if let Some((boundary, digest)) = open.last()
            && let Some(rest) = line
                .strip_prefix(b"--")
                .and_then(|l| l.strip_prefix(boundary.as_slice()))
        {
            let digest = *digest;
            if let Place::Body { start, cut: true } = place {
                let end = line_start
                    - if raw[..line_start].ends_with(b"\r\n") {
                        2
                    } else {
                        usize::from(raw[..line_start].ends_with(b"\n"))
                    };
                if end >= start + CUT_FROM && raw[start..end].iter().all(|&b| is_base64(b)) {
                    cuts.push(start..end);
                }
            }
            if rest.starts_with(b"--") {
                open.pop();
                place = Place::Body {
                    start: line_end,
                    cut: false,
                };
            } else {
                place = Place::Headers {
                    start: line_end,
                    digest,
                };
            }
            line_start = line_end;
            continue;
        }
        if let Place::Headers { start, digest } = place
            && (line == b"\r\n" || line == b"\n")
        {
            place = after_headers(&raw[start..line_end], digest, line_end, &mut open);
        }
        line_start = line_end;
    }
    // A base64 body that runs to the end of the message counts only
    // outside any multipart (in one, mail-parser finds no end to it).
    if let Place::Body { start, cut: true } = place
        && open.is_empty()
        && raw.len() >= start + CUT_FROM
        && raw[start..].iter().all(|&b| is_base64(b))
    {
        cuts.push(start..raw.len());
    }
    cuts
}

/// Where the body after a header block goes: into a multipart (its
/// boundary opened), into an attached message's headers, or a body, to be
/// cut when it is a base64 body of a part that is not text.
fn after_headers(
    headers: &[u8],
    digest: bool,
    body: usize,
    open: &mut Vec<(Vec<u8>, bool)>,
) -> Place {
    let Some(parsed) = parse_headers(headers) else {
        return Place::Body {
            start: body,
            cut: false,
        };
    };
    let Some(content_type) = parsed.content_type() else {
        return if digest {
            Place::Headers {
                start: body,
                digest: false,
            }
        } else {
            Place::Body {
                start: body,
                cut: false,
            }
        };
    };
    let ctype = content_type.ctype();
    let encoding = parsed
        .content_transfer_encoding()
        .map(|e| e.trim().to_ascii_lowercase());
    if ctype.eq_ignore_ascii_case("multipart") {
        if let Some(boundary) = content_type.attribute("boundary")
            && !boundary.is_empty()
            && open.len() < MAX_DEPTH
        {
            let digest = content_type
                .subtype()
                .is_some_and(|s| s.eq_ignore_ascii_case("digest"));
            open.push((boundary.as_bytes().to_vec(), digest));
        }
        return Place::Body {
            start: body,
            cut: false,
        };
    }
    let message = ctype.eq_ignore_ascii_case("message")
        && content_type
            .subtype()
            .is_some_and(|s| s.eq_ignore_ascii_case("rfc822") || s.eq_ignore_ascii_case("global"));
    if message && !matches!(encoding.as_deref(), Some("base64" | "quoted-printable")) {
        return Place::Headers {
            start: body,
            digest: false,
        };
    }
    Place::Body {
        start: body,
        cut: !message
            && !ctype.eq_ignore_ascii_case("text")
            && encoding.as_deref() == Some("base64"),
    }
}

/// A byte of a base64 body as mail-parser decodes it without error.
fn is_base64(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'\r' | b'\n' | b' ' | b'\t')
}

fn guarded<'a>(parse: impl FnOnce() -> Option<Message<'a>>) -> Option<Message<'a>> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(parse))
        .ok()
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reply with a scan attached, padded past [`LIGHTEN_ABOVE`].
    fn with_scan(scan_type: &str, end: &str) -> Vec<u8> {
        let mut raw = b"From: a@doctors.test\r\nSubject: Re: survey\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"out\"\r\n\r\n--out\r\nContent-Type: multipart/alternative; boundary=\"in\"\r\n\r\n--in\r\nContent-Type: text/plain\r\n\r\n1. yes\r\n2. no\r\n--in\r\nContent-Type: text/html\r\n\r\n<p>1. yes</p>\r\n--in--\r\n--out\r\n".to_vec();
        raw.extend_from_slice(
            format!("Content-Type: {scan_type}; name=\"scan\"\r\nContent-Transfer-Encoding: base64\r\n\r\n").as_bytes(),
        );
        while raw.len() <= LIGHTEN_ABOVE {
            raw.extend_from_slice(
                b"JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFIvRmlsdGVyIC9GbGF0ZURlY29k\r\n",
            );
        }
        raw.extend_from_slice(end.as_bytes());
        raw
    }

    #[test]
    fn a_large_attachment_is_left_out_and_everything_else_read_as_before() {
        let raw = with_scan("application/pdf", "\r\n--out--\r\n");
        let light = lighten(&raw);
        assert!(light.len() < 1024, "{} bytes kept", light.len());
        let (whole, light) = (parse(&raw).unwrap(), parse(&light).unwrap());
        assert_eq!(whole.parts.len(), light.parts.len());
        assert_eq!(whole.text_body, light.text_body);
        assert_eq!(whole.html_body, light.html_body);
        assert_eq!(whole.attachments, light.attachments);
        assert_eq!(whole.body_text(0), light.body_text(0));
        assert_eq!(whole.body_html(0), light.body_html(0));
        let scan = *light.attachments.last().unwrap() as usize;
        assert!(whole.parts[scan].contents().len() > 700_000);
        assert!(light.parts[scan].contents().is_empty());
        assert_eq!(
            whole.parts[scan].content_type(),
            light.parts[scan].content_type()
        );
    }

    /// A delivery report returning the original with its scan: the
    /// returned message is read as before, without the scan's body.
    #[test]
    fn an_attachment_inside_a_returned_message_is_left_out() {
        let original = with_scan("image/png", "\r\n--out--\r\n");
        let mut raw = b"From: MAILER-DAEMON@mx.test\r\nSubject: Undelivered Mail Returned to Sender\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"rep\"\r\n\r\n--rep\r\nContent-Type: text/plain\r\n\r\nThe mail could not be delivered.\r\n--rep\r\nContent-Type: message/delivery-status\r\n\r\nFinal-Recipient: rfc822; a@doctors.test\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n--rep\r\nContent-Type: message/rfc822\r\n\r\n".to_vec();
        raw.extend_from_slice(&original);
        raw.extend_from_slice(b"\r\n--rep--\r\n");
        let light = lighten(&raw);
        assert!(light.len() < 2048, "{} bytes kept", light.len());
        let (whole, light) = (parse(&raw).unwrap(), parse(&light).unwrap());
        assert_eq!(whole.parts.len(), light.parts.len());
        assert_eq!(whole.body_text(0), light.body_text(0));
        fn returned<'a>(m: &Message<'a>) -> Message<'a> {
            m.parts
                .iter()
                .find_map(|p| match &p.body {
                    mail_parser::PartType::Message(m) => Some(m.clone()),
                    _ => None,
                })
                .unwrap()
        }
        let (whole, light) = (returned(&whole), returned(&light));
        assert_eq!(whole.parts.len(), light.parts.len());
        assert_eq!(whole.body_text(0), light.body_text(0));
        assert_eq!(whole.attachments, light.attachments);
        assert!(light.attachment(0).unwrap().contents().is_empty());
    }

    #[test]
    fn text_small_and_unterminated_parts_are_kept() {
        // A text attachment is read.
        let raw = with_scan("text/plain", "\r\n--out--\r\n");
        assert!(matches!(lighten(&raw), Cow::Borrowed(_)));
        // A multipart that never ends: mail-parser reads the base64 as text.
        let raw = with_scan("application/pdf", "");
        assert!(matches!(lighten(&raw), Cow::Borrowed(_)));
        // A body that is not pure base64.
        let raw = with_scan("application/pdf", "-x-\r\n--out--\r\n");
        assert!(matches!(lighten(&raw), Cow::Borrowed(_)));
        // A message under the threshold is never changed.
        let small = b"Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0x\r\n";
        assert!(matches!(lighten(small), Cow::Borrowed(_)));
    }

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
        let inspection = crate::understand::inspect::inspect(
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
