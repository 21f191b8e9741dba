//! Folder names the server's way. A survey file names its folders as paths
//! (`Survey/Processed`, `Umfrage/Rückläufer`): names joined by `/`, the
//! user's way of writing them. A server has its own: a hierarchy separator
//! (`LIST "" ""`, RFC 3501: `/` on our stack, Exchange and Gmail, `.` on
//! Dovecot's default Maildir layout, Cyrus and Courier), a personal
//! namespace prefix (`NAMESPACE`, RFC 2342: Courier and some Cyrus set-ups
//! put every folder under `INBOX.`), and an encoding for names outside
//! ASCII (modified UTF-7, RFC 3501 5.1.3; UTF-8 once `ENABLE UTF8=ACCEPT`
//! succeeded, RFC 6855). [`Hierarchy::server_name`] builds the name the
//! daemon creates, selects and moves to from the path; the store, the logs
//! and `status` keep the path. Pure: the connection learns the hierarchy
//! ([`super::connection`]), this only computes.

/// How one server names folders, learnt when a connection starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hierarchy {
    /// The hierarchy separator; `None`: the server has no hierarchy (a
    /// flat namespace), so a path of more than one name cannot be made.
    pub separator: Option<char>,
    /// The personal namespace's prefix, as the server wrote it (`""`, or
    /// `INBOX.` on Courier): every folder but INBOX is created under it.
    pub prefix: String,
    /// `ENABLE UTF8=ACCEPT` succeeded: names go as UTF-8, not UTF-7.
    pub utf8: bool,
}

impl Default for Hierarchy {
    /// What the daemon assumed before it asked: `/`, no prefix, UTF-7.
    fn default() -> Hierarchy {
        Hierarchy {
            separator: Some('/'),
            prefix: String::new(),
            utf8: false,
        }
    }
}

/// Why a folder path has no name on this server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameError {
    /// The path is empty, or has an empty name in it (`Survey//Processed`).
    Empty,
    /// A name in the path holds the server's separator (`Survey/v1.2` on a
    /// server whose separator is `.`): it would become two levels.
    HoldsSeparator {
        /// The name.
        name: String,
        /// The server's separator.
        separator: char,
    },
    /// The server has no hierarchy and the path has several levels.
    Flat,
}

impl std::fmt::Display for NameError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NameError::Empty => write!(f, "the folder path has an empty name in it"),
            NameError::HoldsSeparator { name, separator } => write!(
                f,
                "the name '{name}' holds '{separator}', this server's hierarchy separator, so it would become two levels; rename it without '{separator}'"
            ),
            NameError::Flat => write!(
                f,
                "this server has no folder hierarchy (its separator is NIL): name the folder without '/'"
            ),
        }
    }
}

impl Hierarchy {
    /// The server's name for the folder `path` (names joined by `/`):
    /// each name encoded (modified UTF-7, or UTF-8 when enabled), joined
    /// by the server's separator, under the personal prefix. `INBOX` (in
    /// any case) is the server's INBOX and gets no prefix; a path that
    /// already starts with the prefix (`INBOX/Survey` on a server whose
    /// prefix is `INBOX.`) does not get it twice.
    pub fn server_name(&self, path: &str) -> Result<String, NameError> {
        if path.eq_ignore_ascii_case("INBOX") {
            return Ok("INBOX".to_owned());
        }
        let names: Vec<&str> = path.split('/').collect();
        if names.iter().any(|n| n.is_empty()) {
            return Err(NameError::Empty);
        }
        let separator = match self.separator {
            Some(separator) => separator,
            None if names.len() > 1 => return Err(NameError::Flat),
            // One name on a flat server: no separator is ever written.
            None => '/',
        };
        let mut name = String::new();
        for (i, each) in names.iter().enumerate() {
            if each.contains(separator) {
                return Err(NameError::HoldsSeparator {
                    name: (*each).to_owned(),
                    separator,
                });
            }
            if i > 0 {
                name.push(separator);
            }
            if self.utf8 {
                name.push_str(each);
            } else {
                name.push_str(&encode_utf7(each));
            }
        }
        let prefixed_already = name.len() >= self.prefix.len()
            && name.is_char_boundary(self.prefix.len())
            && name[..self.prefix.len()].eq_ignore_ascii_case(&self.prefix);
        if self.prefix.is_empty() || prefixed_already {
            Ok(name)
        } else {
            Ok(format!("{}{name}", self.prefix))
        }
    }

    /// How `check` says it: `separator '.', personal namespace "INBOX."`.
    pub fn describe(&self) -> String {
        format!(
            "separator {}, personal namespace {}, names in {}",
            self.separator
                .map_or("NIL (no hierarchy)".to_owned(), |s| format!("'{s}'")),
            if self.prefix.is_empty() {
                "\"\" (no prefix)".to_owned()
            } else {
                format!("\"{}\"", self.prefix)
            },
            if self.utf8 {
                "UTF-8 (UTF8=ACCEPT enabled)"
            } else {
                "modified UTF-7"
            }
        )
    }
}

/// Encodes a folder name in modified UTF-7 (RFC 3501 5.1.3): printable
/// ASCII stands for itself except `&`, written `&-`; every run of other
/// characters is UTF-16BE in base64 with `,` for `/` and no padding,
/// between `&` and `-`.
pub fn encode_utf7(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut run: Vec<u16> = Vec::new();
    let flush = |run: &mut Vec<u16>, out: &mut String| {
        if run.is_empty() {
            return;
        }
        let bytes: Vec<u8> = run.iter().flat_map(|u| u.to_be_bytes()).collect();
        out.push('&');
        out.push_str(&base64_modified(&bytes));
        out.push('-');
        run.clear();
    };
    for c in name.chars() {
        if (' '..='~').contains(&c) {
            flush(&mut run, &mut out);
            if c == '&' {
                out.push_str("&-");
            } else {
                out.push(c);
            }
        } else {
            let mut units = [0u16; 2];
            run.extend_from_slice(c.encode_utf16(&mut units));
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Decodes a modified UTF-7 folder name; `None` when it is not valid
/// modified UTF-7 (then it is not a name we made). Linear in the input.
pub fn decode_utf7(name: &str) -> Option<String> {
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let end = after.find('-')?;
        let encoded = &after[..end];
        if encoded.is_empty() {
            out.push('&');
        } else {
            let bytes = unbase64_modified(encoded)?;
            if !bytes.len().is_multiple_of(2) {
                return None;
            }
            let units: Vec<u16> = bytes
                .chunks(2)
                .map(|p| u16::from_be_bytes([p[0], p[1]]))
                .collect();
            let decoded = String::from_utf16(&units).ok()?;
            // Printable ASCII must not be encoded: such a name has
            // another spelling, so it is not one we made.
            if decoded.chars().any(|c| (' '..='~').contains(&c)) {
                return None;
            }
            out.push_str(&decoded);
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Some(out)
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

fn base64_modified(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 3);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let digits = chunk.len() + 1;
        for i in 0..digits {
            out.push(BASE64[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

fn unbase64_modified(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for c in text.bytes() {
        let v = BASE64.iter().position(|&b| b == c)? as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // Leftover bits must be zero padding.
    (acc == 0).then_some(out)
}

/// The personal namespace (prefix, separator) from a server's answer to
/// `NAMESPACE` (RFC 2342), e.g. `* NAMESPACE (("INBOX." ".")) NIL NIL`,
/// as the server sent it or disguised by [`disguise_namespace`]: its first
/// personal namespace; `None` when the answer has none or cannot be read
/// (the daemon then uses `LIST "" ""` alone). Reads at most
/// [`MAX_NAMESPACE_BYTES`] of the answer, once through.
pub fn personal_namespace(response: &[u8]) -> Option<(String, Option<char>)> {
    let response = &response[..response.len().min(MAX_NAMESPACE_BYTES)];
    let line = response.split(|&b| b == b'\n').find_map(|l| {
        let l = l.trim_ascii();
        if let Some(hex) = strip_prefix_ignore_case(l, DISGUISE) {
            return unhex(hex.trim_ascii());
        }
        strip_prefix_ignore_case(l, b"* NAMESPACE ").map(|_| l.to_vec())
    })?;
    let text = String::from_utf8_lossy(strip_prefix_ignore_case(&line, b"* NAMESPACE ")?);
    let line = text.as_ref();
    let mut tokens = Tokens {
        rest: line.trim_start(),
    };
    tokens.expect('(')?;
    tokens.expect('(')?;
    let prefix = tokens.string()?;
    let separator = match tokens.string_or_nil()? {
        Some(s) => {
            let mut chars = s.chars();
            let c = chars.next()?;
            if chars.next().is_some() {
                return None;
            }
            Some(c)
        }
        None => None,
    };
    Some((prefix, separator))
}

/// The most of a NAMESPACE answer read.
pub const MAX_NAMESPACE_BYTES: usize = 16 * 1024;

/// What a disguised NAMESPACE line starts with.
const DISGUISE: &[u8] = b"* OK X-NAMESPACE ";

/// The line `* NAMESPACE ...` as one the `imap` crate's parser passes
/// through (an untagged OK whose text is the line in hexadecimal: its
/// parser knows no NAMESPACE and takes any line it cannot parse for a
/// broken connection); any other line unchanged.
pub fn disguise_namespace(line: &[u8]) -> Vec<u8> {
    if strip_prefix_ignore_case(line, b"* NAMESPACE ").is_none() {
        return line.to_vec();
    }
    let body = line.trim_ascii_end();
    let mut out = Vec::with_capacity(DISGUISE.len() + body.len() * 2 + 2);
    out.extend_from_slice(DISGUISE);
    for b in body {
        out.extend_from_slice(format!("{b:02x}").as_bytes());
    }
    out.extend_from_slice(b"\r\n");
    out
}

/// The tag of a command `TAG NAMESPACE` written to the server, if `written`
/// is that command.
pub fn namespace_command_tag(written: &[u8]) -> Option<Vec<u8>> {
    let line = written.strip_suffix(b"\r\n")?;
    let space = line.iter().position(|&b| b == b' ')?;
    let (tag, command) = line.split_at(space);
    (command[1..].eq_ignore_ascii_case(b"NAMESPACE") && !tag.is_empty()).then(|| tag.to_vec())
}

fn strip_prefix_ignore_case<'a>(line: &'a [u8], prefix: &[u8]) -> Option<&'a [u8]> {
    (line.len() >= prefix.len() && line[..prefix.len()].eq_ignore_ascii_case(prefix))
        .then(|| &line[prefix.len()..])
}

fn unhex(hex: &[u8]) -> Option<Vec<u8>> {
    if !hex.len().is_multiple_of(2) {
        return None;
    }
    hex.chunks(2)
        .map(|pair| u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok())
        .collect()
}

/// A cursor over the few tokens of a NAMESPACE answer.
struct Tokens<'a> {
    rest: &'a str,
}

impl Tokens<'_> {
    fn expect(&mut self, c: char) -> Option<()> {
        self.rest = self.rest.trim_start().strip_prefix(c)?;
        Some(())
    }

    /// A quoted string (with `\"` and `\\` escapes).
    fn string(&mut self) -> Option<String> {
        let body = self.rest.trim_start().strip_prefix('"')?;
        let mut out = String::new();
        let mut chars = body.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => out.push(chars.next()?.1),
                '"' => {
                    self.rest = &body[i + 1..];
                    return Some(out);
                }
                c => out.push(c),
            }
        }
        None
    }

    fn string_or_nil(&mut self) -> Option<Option<String>> {
        let trimmed = self.rest.trim_start();
        if trimmed.len() >= 3 && trimmed[..3].eq_ignore_ascii_case("NIL") {
            self.rest = &trimmed[3..];
            return Some(None);
        }
        self.string().map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hierarchy(separator: Option<char>, prefix: &str, utf8: bool) -> Hierarchy {
        Hierarchy {
            separator,
            prefix: prefix.to_owned(),
            utf8,
        }
    }

    #[test]
    fn server_names_from_paths() {
        let slash = hierarchy(Some('/'), "", false);
        let dot = hierarchy(Some('.'), "", false);
        let courier = hierarchy(Some('.'), "INBOX.", false);
        let utf8 = hierarchy(Some('.'), "", true);
        let flat = hierarchy(None, "", false);
        let cases: &[(&Hierarchy, &str, Result<&str, NameError>)] = &[
            // Our stack, Exchange, Gmail.
            (&slash, "Survey/Processed", Ok("Survey/Processed")),
            (&slash, "INBOX", Ok("INBOX")),
            (&slash, "inbox", Ok("INBOX")),
            // Dovecot's default Maildir layout, Cyrus.
            (&dot, "Survey/Processed", Ok("Survey.Processed")),
            (&dot, "Survey", Ok("Survey")),
            (&dot, "INBOX", Ok("INBOX")),
            (&dot, "A/B/C", Ok("A.B.C")),
            // Courier: everything under INBOX., once.
            (&courier, "Survey/Processed", Ok("INBOX.Survey.Processed")),
            (&courier, "INBOX", Ok("INBOX")),
            (&courier, "INBOX/Survey", Ok("INBOX.Survey")),
            (&courier, "inbox/Survey", Ok("inbox.Survey")),
            // Names outside ASCII: modified UTF-7, or UTF-8 when enabled.
            (&dot, "Umfrage/Rückläufer", Ok("Umfrage.R&APw-ckl&AOQ-ufer")),
            (
                &courier,
                "Umfrage/Rückläufer",
                Ok("INBOX.Umfrage.R&APw-ckl&AOQ-ufer"),
            ),
            (&slash, "Q&A/Done", Ok("Q&-A/Done")),
            (&utf8, "Umfrage/Rückläufer", Ok("Umfrage.Rückläufer")),
            (&utf8, "Q&A", Ok("Q&A")),
            // What cannot be a name here.
            (&slash, "", Err(NameError::Empty)),
            (&slash, "Survey//Processed", Err(NameError::Empty)),
            (&slash, "/Survey", Err(NameError::Empty)),
            (
                &dot,
                "Survey/v1.2",
                Err(NameError::HoldsSeparator {
                    name: "v1.2".into(),
                    separator: '.',
                }),
            ),
            (&flat, "Survey/Processed", Err(NameError::Flat)),
            (&flat, "Processed", Ok("Processed")),
            // On a `/` server a dot is just a character.
            (&slash, "Survey/v1.2", Ok("Survey/v1.2")),
        ];
        for (hierarchy, path, expected) in cases {
            assert_eq!(
                hierarchy.server_name(path),
                expected.clone().map(str::to_owned),
                "{path} on {hierarchy:?}"
            );
        }
    }

    #[test]
    fn modified_utf7_both_ways() {
        // RFC 3501 5.1.3's own example, and others checked against Dovecot
        // (doveadm mailbox mutf7).
        let cases = [
            ("~peter/mail/台北/日本語", "~peter/mail/&U,BTFw-/&ZeVnLIqe-"),
            ("Rückläufer", "R&APw-ckl&AOQ-ufer"),
            ("Entwürfe", "Entw&APw-rfe"),
            ("Q&A", "Q&-A"),
            ("&", "&-"),
            ("plain", "plain"),
            ("", ""),
            ("Ωμέγα", "&A6kDvAOtA7MDsQ-"),
            // Outside the BMP: a surrogate pair.
            ("🙂", "&2D3eQg-"),
            ("a b", "a b"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(encode_utf7(plain), encoded, "encode {plain}");
            assert_eq!(
                decode_utf7(encoded).as_deref(),
                Some(plain),
                "decode {encoded}"
            );
        }
        // Not modified UTF-7.
        for bad in ["&", "&AP", "&APw", "&AGE-", "&A!-", "&APx-"] {
            assert_eq!(decode_utf7(bad), None, "{bad}");
        }
    }

    #[test]
    fn modified_utf7_is_linear() {
        // Twice the input, about twice the time (not four times): the best
        // of five runs each, in this thread's CPU time, so a busy machine
        // does not decide.
        let time = |n: usize| {
            let name = "ü&a".repeat(n);
            (0..5)
                .map(|_| {
                    let started = crate::test_support::thread_cpu_time();
                    let encoded = encode_utf7(&name);
                    assert_eq!(decode_utf7(&encoded).as_deref(), Some(name.as_str()));
                    crate::test_support::thread_cpu_time() - started
                })
                .min()
                .expect("five runs")
        };
        let small = time(50_000);
        let large = time(100_000);
        assert!(
            large < small * 4,
            "{small:?} for 50,000 runs, {large:?} for 100,000"
        );
    }

    #[test]
    fn personal_namespaces() {
        type Case<'a> = (&'a [u8], Option<(&'a str, Option<char>)>);
        let cases: &[Case<'_>] = &[
            (
                b"* NAMESPACE ((\"\" \"/\")) NIL NIL\r\n",
                Some(("", Some('/'))),
            ),
            (
                b"* NAMESPACE ((\"\" \".\")) NIL NIL\r\n",
                Some(("", Some('.'))),
            ),
            // Courier.
            (
                b"* NAMESPACE ((\"INBOX.\" \".\")) NIL ((\"#shared.\" \".\"))\r\n",
                Some(("INBOX.", Some('.'))),
            ),
            // Several personal namespaces: the first.
            (
                b"* NAMESPACE ((\"\" \"/\")(\"#mh/\" \"/\")) NIL NIL\r\n",
                Some(("", Some('/'))),
            ),
            // Flat.
            (b"* NAMESPACE ((\"\" NIL)) NIL NIL\r\n", Some(("", None))),
            // Another untagged response first; lower case.
            (
                b"* 3 EXISTS\r\n* namespace ((\"INBOX/\" \"/\")) NIL NIL\r\n",
                Some(("INBOX/", Some('/'))),
            ),
            // An escaped quote in the prefix.
            (
                b"* NAMESPACE ((\"a\\\"b.\" \".\")) NIL NIL\r\n",
                Some(("a\"b.", Some('.'))),
            ),
            // No personal namespace, or nothing readable.
            (b"* NAMESPACE NIL NIL NIL\r\n", None),
            (b"* OK nothing\r\n", None),
            (b"", None),
            (b"* NAMESPACE ((\"\" \"ab\")) NIL NIL\r\n", None),
            (b"* NAMESPACE ((\"unterminated", None),
        ];
        for (response, expected) in cases {
            assert_eq!(
                personal_namespace(response),
                expected.map(|(p, s)| (p.to_owned(), s)),
                "{}",
                String::from_utf8_lossy(response)
            );
        }
    }

    #[test]
    fn namespace_lines_disguised_for_the_imap_crate() {
        let line = b"* NAMESPACE ((\"INBOX.\" \".\")) NIL NIL\r\n";
        let disguised = disguise_namespace(line);
        assert!(disguised.starts_with(b"* OK X-NAMESPACE 2a204e414d455350414345"));
        assert!(disguised.ends_with(b"\r\n"));
        assert!(disguised.iter().all(|b| b.is_ascii()));
        assert_eq!(
            personal_namespace(&disguised),
            Some(("INBOX.".to_owned(), Some('.')))
        );
        // Other lines pass unchanged.
        for other in [
            &b"* OK still here\r\n"[..],
            b"a4 OK Namespace completed.\r\n",
            b"",
        ] {
            assert_eq!(disguise_namespace(other), other);
        }
        // UTF-8 in a prefix survives the disguise.
        let utf8 = "* NAMESPACE ((\"Posteingang.\" \".\")) NIL NIL\r\n".replace("Post", "Pöst");
        assert_eq!(
            personal_namespace(&disguise_namespace(utf8.as_bytes())),
            Some(("Pösteingang.".to_owned(), Some('.')))
        );
        assert_eq!(personal_namespace(b"* OK X-NAMESPACE 2a2"), None);
        assert_eq!(personal_namespace(b"* OK X-NAMESPACE zz"), None);
    }

    #[test]
    fn namespace_commands_recognised() {
        let cases: &[(&[u8], Option<&[u8]>)] = &[
            (b"a7 NAMESPACE\r\n", Some(b"a7")),
            (b"a7 namespace\r\n", Some(b"a7")),
            (b"a7 NAMESPACE", None),
            (b"a7 LIST \"\" \"NAMESPACE\"\r\n", None),
            (b" NAMESPACE\r\n", None),
            (b"DONE\r\n", None),
            (b"", None),
        ];
        for (written, tag) in cases {
            assert_eq!(
                namespace_command_tag(written).as_deref(),
                *tag,
                "{}",
                String::from_utf8_lossy(written)
            );
        }
    }

    #[test]
    fn describes_what_check_prints() {
        assert_eq!(
            hierarchy(Some('.'), "INBOX.", false).describe(),
            "separator '.', personal namespace \"INBOX.\", names in modified UTF-7"
        );
        assert_eq!(
            Hierarchy::default().describe(),
            "separator '/', personal namespace \"\" (no prefix), names in modified UTF-7"
        );
    }
}
