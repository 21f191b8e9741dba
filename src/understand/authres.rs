//! Reading the verdict of the organisation's own mail server
//! (`Authentication-Results`, RFC 8601): did the message's From domain pass
//! DMARC, according to a server we trust?
//!
//! Anyone can write an `Authentication-Results` header into a message, so
//! one counts only when all of these hold:
//!
//! - its authserv-id is the one the survey file names as trusted
//!   (`[replies] trusted_authserv_id`); headers from any other id are
//!   ignored;
//! - it sits above the `Received:` header with which that server took the
//!   message in from outside: the first one, reading from the top, whose
//!   `by` is the trusted host and whose `from` is not the host itself or
//!   loopback (a content filter's re-injection adds such internal hops
//!   above). Everything a sender wrote lies below that line;
//! - it says `dmarc=pass` with `header.from` equal to the From domain, and
//!   no trusted header above the line says anything else about DMARC for
//!   that domain.
//!
//! The server must also remove incoming copies of headers carrying its
//! authserv-id (Postfix: a `header_checks` rule; OpenDMARC does it for its
//! own id). Microsoft 365 writes its header without any authserv-id, and
//! Gmail writes its header below its own `Received:`, where a sender's
//! forged one would sit too; neither is ever trusted, so on those services a
//! reply without a token is always confirmed by email.
//!
//! Pure: a function of the headers in their order.

use serde::Serialize;

/// What the trusted server said about the message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "verdict", content = "why", rename_all = "snake_case")]
pub enum Verdict {
    /// The trusted server recorded `dmarc=pass` for the From domain.
    Pass,
    /// No trusted pass; why, in words.
    Unverified(String),
}

impl Verdict {
    /// Did the trusted server vouch for the From domain?
    pub fn is_pass(&self) -> bool {
        matches!(self, Verdict::Pass)
    }
}

/// One `Authentication-Results` header, parsed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AuthResults {
    /// The authserv-id; `None` when the header has none (Microsoft 365).
    pub authserv_id: Option<String>,
    /// Each result: method (`dmarc`), result (`pass`) and properties
    /// (`header.from` = `example.com`), lowercased.
    pub results: Vec<MethodResult>,
}

/// One `method=result` with its properties.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MethodResult {
    /// `dmarc`, `dkim`, `spf`, ...
    pub method: String,
    /// `pass`, `fail`, `none`, ...
    pub result: String,
    /// `(ptype.property, value)`, e.g. `("header.from", "example.com")`.
    pub properties: Vec<(String, String)>,
}

impl MethodResult {
    fn property(&self, name: &str) -> Option<&str> {
        self.properties
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The verdict on a message whose headers are `headers` (name, raw value,
/// top first), whose From address is in `from_domain`, by the server whose
/// authserv-id is `trusted`.
pub fn verdict<'a>(
    headers: impl IntoIterator<Item = (&'a str, &'a str)>,
    trusted: &str,
    from_domain: &str,
) -> Verdict {
    let trusted = trusted.trim().to_ascii_lowercase();
    let from_domain = from_domain
        .trim()
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let mut above: Vec<AuthResults> = Vec::new();
    let mut untrusted_ids = 0;
    let mut line_found = false;
    for (name, value) in headers {
        if crate::understand::budget::expired() {
            break;
        }
        if name.eq_ignore_ascii_case("received") {
            if is_entry(value, &trusted) {
                line_found = true;
                break;
            }
        } else if name.eq_ignore_ascii_case("authentication-results") {
            let parsed = parse(value);
            if parsed.authserv_id.as_deref() == Some(trusted.as_str()) {
                above.push(parsed);
            } else {
                untrusted_ids += 1;
            }
        }
    }
    if !line_found {
        return Verdict::Unverified(format!(
            "no Received: header by {trusted}: the message did not come in through the trusted server"
        ));
    }
    let dmarc: Vec<&MethodResult> = above
        .iter()
        .flat_map(|a| &a.results)
        .filter(|r| r.method == "dmarc")
        .filter(|r| {
            r.property("header.from")
                .is_some_and(|d| d.trim_end_matches('.') == from_domain)
        })
        .collect();
    if dmarc.is_empty() {
        return Verdict::Unverified(if above.is_empty() {
            format!(
                "no Authentication-Results from {trusted} above its Received: header{}",
                if untrusted_ids > 0 {
                    " (only from other or no authserv-ids)"
                } else {
                    ""
                }
            )
        } else {
            format!("{trusted} recorded no DMARC result for {from_domain}")
        });
    }
    match dmarc.iter().find(|r| r.result != "pass") {
        Some(other) => Verdict::Unverified(format!(
            "{trusted} recorded dmarc={} for {from_domain}",
            other.result
        )),
        None => Verdict::Pass,
    }
}

/// Is this `Received:` value the trusted server taking the message in from
/// outside (`by` the trusted host, `from` another host)?
fn is_entry(value: &str, trusted: &str) -> bool {
    let text = strip_comments(value).to_ascii_lowercase();
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ';')
        .filter(|w| !w.is_empty())
        .collect();
    let after = |keyword: &str| {
        words
            .iter()
            .position(|w| *w == keyword)
            .and_then(|i| words.get(i + 1))
            .map(|w| w.trim_end_matches('.'))
    };
    if after("by") != Some(trusted) {
        return false;
    }
    !matches!(
        after("from"),
        Some(from) if from == trusted || from == "localhost" || from == "127.0.0.1" || from == "[127.0.0.1]" || from == "::1" || from == "[::1]"
    )
}

/// Parses one `Authentication-Results` value (RFC 8601 section 2.2),
/// leniently: comments dropped, `;`-separated result sets, properties as
/// `ptype.property=value`. A first element that is itself a `method=result`
/// (Microsoft 365's form) means there is no authserv-id.
pub fn parse(value: &str) -> AuthResults {
    let text = strip_comments(value);
    let mut parts = split_outside_quotes(&text, ';').into_iter();
    let first = parts.next().unwrap_or_default();
    let mut out = AuthResults::default();
    let mut sets: Vec<String> = Vec::new();
    let first_word = first.split_whitespace().next().unwrap_or("");
    if first_word.contains('=') {
        // No authserv-id: the first element is already a result.
        sets.push(first);
    } else if !first_word.is_empty() {
        out.authserv_id = Some(unquote(first_word).to_ascii_lowercase());
    }
    sets.extend(parts);
    for set in sets {
        let mut words = tokens(&set).into_iter();
        let Some(head) = words.next() else { continue };
        let Some((method, result)) = head.split_once('=') else {
            continue;
        };
        if method.eq_ignore_ascii_case("none") {
            continue;
        }
        let mut entry = MethodResult {
            method: method.trim().to_ascii_lowercase(),
            result: unquote(result.trim()).to_ascii_lowercase(),
            properties: Vec::new(),
        };
        for word in words {
            if let Some((name, value)) = word.split_once('=') {
                entry.properties.push((
                    name.trim().to_ascii_lowercase(),
                    unquote(value.trim()).to_ascii_lowercase(),
                ));
            }
        }
        out.results.push(entry);
    }
    out
}

/// Whitespace-separated words, with `a = b` joined into `a=b`: a run of
/// spaces next to an `=` is dropped, in one pass (replacing ` =` until none
/// was left took a pass per space).
fn tokens(text: &str) -> Vec<String> {
    let mut joined = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(' ') {
        joined.push_str(&rest[..at]);
        let after = rest[at..].trim_start_matches(' ');
        if !joined.ends_with('=') && !after.starts_with('=') {
            joined.push(' ');
        }
        rest = after;
    }
    joined.push_str(rest);
    joined.split_whitespace().map(str::to_owned).collect()
}

fn unquote(text: &str) -> &str {
    text.strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(text)
}

/// The text without RFC 5322 comments (nested parentheses), outside quotes.
fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    let mut quoted = false;
    let mut escaped = false;
    for c in text.chars() {
        if escaped {
            escaped = false;
            if depth == 0 {
                out.push(c);
            }
            continue;
        }
        match c {
            '\\' => {
                escaped = true;
                if depth == 0 {
                    out.push(c);
                }
            }
            '"' if depth == 0 => {
                quoted = !quoted;
                out.push(c);
            }
            '(' if !quoted => depth += 1,
            ')' if !quoted && depth > 0 => depth -= 1,
            '\r' | '\n' | '\t' if depth == 0 => out.push(' '),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn split_outside_quotes(text: &str, separator: char) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut quoted = false;
    for c in text.chars() {
        if c == '"' {
            quoted = !quoted;
        }
        if c == separator && !quoted {
            parts.push(String::new());
        } else {
            parts.last_mut().expect("never empty").push(c);
        }
    }
    parts.into_iter().map(|p| p.trim().to_owned()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Spaces around `=` are dropped in one pass (a pass per space
    /// would make a line of spaces quadratic).
    #[test]
    fn spaces_around_equals_are_joined() {
        assert_eq!(
            tokens("  dmarc  =   pass header.from= x.example a =b c"),
            ["dmarc=pass", "header.from=x.example", "a=b", "c"]
        );
        assert_eq!(tokens("= = ="), ["==="]);
    }

    fn headers(raw: &str) -> Vec<(String, String)> {
        let message = mail_parser::MessageParser::default()
            .parse(raw.as_bytes())
            .expect("parses");
        message
            .headers_raw()
            .map(|(n, v)| (n.to_owned(), v.to_owned()))
            .collect()
    }

    fn verdict_of(raw: &str, trusted: &str, domain: &str) -> Verdict {
        let h = headers(raw);
        verdict(
            h.iter().map(|(n, v)| (n.as_str(), v.as_str())),
            trusted,
            domain,
        )
    }

    /// What Postfix with OpenDMARC (and OpenDKIM) writes on a mailbox
    /// server, as delivered: the milters' headers above Postfix's own
    /// Received.
    const POSTFIX_OPENDMARC: &str = "Return-Path: <dr.jones@gmail.com>\r
Delivered-To: survey@hospital.example\r
Received: from mail.hospital.example\r
\tby mail.hospital.example with LMTP\r
\tid 2Hn5BEXtTWcK8wAAtfBjSA\r
\t(envelope-from <dr.jones@gmail.com>)\r
\tfor <survey@hospital.example>; Mon, 02 Dec 2026 10:00:01 +0000\r
Authentication-Results: mail.hospital.example; dmarc=pass (p=none dis=none) header.from=gmail.com\r
Authentication-Results: mail.hospital.example;\r
\tdkim=pass (2048-bit key; unprotected) header.d=gmail.com header.i=@gmail.com header.a=rsa-sha256 header.s=20230601 header.b=Ab3dEfGh;\r
\tdkim-atps=neutral\r
Received: from mail-ej1-f41.google.com (mail-ej1-f41.google.com [209.85.218.41])\r
\t(using TLSv1.3 with cipher TLS_AES_128_GCM_SHA256 (128/128 bits)\r
\t key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)\r
\t(No client certificate requested)\r
\tby mail.hospital.example (Postfix) with ESMTPS id 4Y2Qp83mKcz9sSK\r
\tfor <survey@hospital.example>; Mon,  2 Dec 2026 10:00:00 +0000 (UTC)\r
DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=gmail.com; s=20230601; h=to:subject:from; bh=x; b=y\r
From: Dr Jones <dr.jones@gmail.com>\r
To: survey@hospital.example\r
Subject: Re: Ketamine survey\r
\r
1. yes\r
";

    /// What Microsoft 365 (Exchange Online Protection) writes: no
    /// authserv-id at all.
    const MICROSOFT_365: &str =
        "Received: from AM6PR07MB5558.eurprd07.prod.outlook.com (2603:10a6:20b:3a::13)\r
 by DB9PR07MB7707.eurprd07.prod.outlook.com with HTTPS; Mon, 2 Dec 2026\r
 10:00:02 +0000\r
Authentication-Results: spf=pass (sender IP is 209.85.128.41)\r
 smtp.mailfrom=gmail.com; dkim=pass (signature was verified)\r
 header.d=gmail.com;dmarc=pass action=none header.from=gmail.com;compauth=pass\r
 reason=100\r
Received-SPF: Pass (protection.outlook.com: domain of gmail.com designates\r
 209.85.128.41 as permitted sender) receiver=protection.outlook.com;\r
 client-ip=209.85.128.41; helo=mail-wm1-f41.google.com; pr=C\r
Received: from mail-wm1-f41.google.com (209.85.128.41) by\r
 AM4PEPF00027A5F.mail.protection.outlook.com (10.167.16.74) with Microsoft SMTP\r
 Server (version=TLS1_3, cipher=TLS_AES_256_GCM_SHA384) id 15.20.8207.7 via\r
 Frontend Transport; Mon, 2 Dec 2026 10:00:01 +0000\r
From: Dr Jones <dr.jones@gmail.com>\r
To: survey@nhs.example\r
Subject: Re: Ketamine survey\r
\r
1. yes\r
";

    /// What Gmail (mx.google.com) writes: its verdict below its own
    /// Received header.
    const GMAIL: &str = "Delivered-To: survey.lead@gmail.com\r
Received: by 2002:a05:7010:6d0c:b0:3a1:1f0e:1b0b with SMTP id i12csp1234567mdm;\r
        Mon, 2 Dec 2026 02:00:02 -0800 (PST)\r
ARC-Authentication-Results: i=1; mx.google.com;\r
       dkim=pass header.i=@hospital.example header.s=s1 header.b=Qw3rTy;\r
       spf=pass (google.com: domain of dr.jones@hospital.example designates 192.0.2.25 as permitted sender) smtp.mailfrom=dr.jones@hospital.example;\r
       dmarc=pass (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=hospital.example\r
Return-Path: <dr.jones@hospital.example>\r
Received: from mail.hospital.example (mail.hospital.example. [192.0.2.25])\r
        by mx.google.com with ESMTPS id a640c23a62f3a-aa5b1c2d3e4si123456766b.512.2026.12.02.02.00.01\r
        for <survey.lead@gmail.com>\r
        (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256);\r
        Mon, 02 Dec 2026 02:00:01 -0800 (PST)\r
Received-SPF: pass (google.com: domain of dr.jones@hospital.example designates 192.0.2.25 as permitted sender) client-ip=192.0.2.25;\r
Authentication-Results: mx.google.com;\r
       dkim=pass header.i=@hospital.example header.s=s1 header.b=Qw3rTy;\r
       spf=pass (google.com: domain of dr.jones@hospital.example designates 192.0.2.25 as permitted sender) smtp.mailfrom=dr.jones@hospital.example;\r
       dmarc=pass (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=hospital.example\r
From: Dr Jones <dr.jones@hospital.example>\r
To: survey.lead@gmail.com\r
Subject: Re: Ketamine survey\r
\r
1. yes\r
";

    #[test]
    fn postfix_with_opendmarc_above_its_received_counts() {
        assert_eq!(
            verdict_of(POSTFIX_OPENDMARC, "mail.hospital.example", "gmail.com"),
            Verdict::Pass
        );
        // Case does not matter; the From domain must match.
        assert_eq!(
            verdict_of(POSTFIX_OPENDMARC, "Mail.Hospital.Example", "GMail.com"),
            Verdict::Pass
        );
        assert!(!verdict_of(POSTFIX_OPENDMARC, "mail.hospital.example", "yahoo.com").is_pass());
        // Another id is not trusted, whatever it says.
        let other = verdict_of(POSTFIX_OPENDMARC, "mx.other.example", "gmail.com");
        assert!(!other.is_pass(), "{other:?}");
    }

    #[test]
    fn the_opendmarc_header_parses_into_method_result_and_properties() {
        let parsed =
            parse(" mail.hospital.example; dmarc=pass (p=none dis=none) header.from=gmail.com");
        assert_eq!(parsed.authserv_id.as_deref(), Some("mail.hospital.example"));
        assert_eq!(
            parsed.results,
            [MethodResult {
                method: "dmarc".into(),
                result: "pass".into(),
                properties: vec![("header.from".into(), "gmail.com".into())],
            }]
        );
        let none = parse("mail.hospital.example 1; none");
        assert_eq!(none.authserv_id.as_deref(), Some("mail.hospital.example"));
        assert!(none.results.is_empty());
    }

    #[test]
    fn a_forged_header_below_the_trusted_received_does_not_count() {
        // The sender wrote a pass into the message; the trusted server
        // recorded a failure above its own Received.
        let forged = POSTFIX_OPENDMARC
            .replace(
                "dmarc=pass (p=none dis=none) header.from=gmail.com",
                "dmarc=fail (p=none dis=none) header.from=gmail.com",
            )
            .replace(
                "DKIM-Signature:",
                "Authentication-Results: mail.hospital.example; dmarc=pass header.from=gmail.com\r\nDKIM-Signature:",
            );
        assert_eq!(
            verdict_of(&forged, "mail.hospital.example", "gmail.com"),
            Verdict::Unverified("mail.hospital.example recorded dmarc=fail for gmail.com".into())
        );
        // Only the forged one, below the line: nothing trusted.
        let only_forged = POSTFIX_OPENDMARC
            .replace(
                "Authentication-Results: mail.hospital.example; dmarc=pass (p=none dis=none) header.from=gmail.com\r\n",
                "",
            )
            .replace(
                "DKIM-Signature:",
                "Authentication-Results: mail.hospital.example; dmarc=pass header.from=gmail.com\r\nDKIM-Signature:",
            );
        assert!(!verdict_of(&only_forged, "mail.hospital.example", "gmail.com").is_pass());
        // A forged Received "by" the trusted host further down changes
        // nothing: the first one from the top is the real entry.
        let fake_received = only_forged.replace(
            "DKIM-Signature:",
            "Received: from evil.example by mail.hospital.example with ESMTP\r\nDKIM-Signature:",
        );
        assert!(!verdict_of(&fake_received, "mail.hospital.example", "gmail.com").is_pass());
        // No Received by the trusted host at all: not through that server.
        let direct = "Authentication-Results: mail.hospital.example; dmarc=pass header.from=gmail.com\r\nFrom: a@gmail.com\r\n\r\nx\r\n";
        assert!(!verdict_of(direct, "mail.hospital.example", "gmail.com").is_pass());
    }

    #[test]
    fn a_content_filters_reinjection_is_an_internal_hop() {
        let filtered = POSTFIX_OPENDMARC.replace(
            "Authentication-Results: mail.hospital.example; dmarc=pass",
            "Received: from localhost (localhost [127.0.0.1])\r\n\tby mail.hospital.example (Postfix) with ESMTP id 4Y2Qp9;\r\n\tMon, 02 Dec 2026 10:00:01 +0000\r\nAuthentication-Results: mail.hospital.example; dmarc=pass",
        );
        assert_eq!(
            verdict_of(&filtered, "mail.hospital.example", "gmail.com"),
            Verdict::Pass
        );
    }

    #[test]
    fn microsoft_365_writes_no_authserv_id_so_it_is_never_trusted() {
        let parsed = parse(
            "spf=pass (sender IP is 209.85.128.41)\r\n smtp.mailfrom=gmail.com; dkim=pass (signature was verified)\r\n header.d=gmail.com;dmarc=pass action=none header.from=gmail.com;compauth=pass\r\n reason=100",
        );
        assert_eq!(parsed.authserv_id, None);
        assert_eq!(
            parsed
                .results
                .iter()
                .map(|r| r.method.as_str())
                .collect::<Vec<_>>(),
            ["spf", "dkim", "dmarc", "compauth"]
        );
        for trusted in [
            "protection.outlook.com",
            "am4pepf00027a5f.mail.protection.outlook.com",
            "spf=pass",
        ] {
            let v = verdict_of(MICROSOFT_365, trusted, "gmail.com");
            assert!(!v.is_pass(), "{trusted}: {v:?}");
        }
    }

    #[test]
    fn gmail_writes_its_verdict_below_its_own_received_so_it_is_not_trusted() {
        let v = verdict_of(GMAIL, "mx.google.com", "hospital.example");
        assert_eq!(
            v,
            Verdict::Unverified(
                "no Authentication-Results from mx.google.com above its Received: header".into()
            )
        );
        // The same header moved above Gmail's Received would count: it is
        // the position, not the form, that fails.
        let parsed = parse(
            " mx.google.com;\r\n       dkim=pass header.i=@hospital.example header.s=s1 header.b=Qw3rTy;\r\n       spf=pass (google.com: domain of dr.jones@hospital.example designates 192.0.2.25 as permitted sender) smtp.mailfrom=dr.jones@hospital.example;\r\n       dmarc=pass (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=hospital.example",
        );
        assert_eq!(parsed.authserv_id.as_deref(), Some("mx.google.com"));
        assert_eq!(parsed.results[2].method, "dmarc");
        assert_eq!(parsed.results[2].result, "pass");
        assert_eq!(
            parsed.results[2].property("header.from"),
            Some("hospital.example")
        );
    }
}
