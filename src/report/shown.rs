//! Text a stranger wrote, as shown to the lead: in `review`, `status`, the
//! logs and every email to the lead. A message's subject, answers or a
//! provider's diagnostic may carry terminal escape sequences or other
//! control characters (to repaint the lead's terminal, hide a line, fake
//! another); here every one of them is written out visibly, as Rust writes
//! them (`\u{1b}`), so what the lead sees is what the message said.

use std::borrow::Cow;

/// `text` with every control character (C0, DEL, C1) and every Unicode
/// format character that reorders or hides text (bidirectional overrides
/// and isolates, zero-width characters) written out as `\u{..}`; tabs and
/// line breaks too, since one shown item is one line. Text without any is
/// returned as it is.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A reason or any other text that came from a message, a server or a
/// template, as a log line carries it: redacted like the stored reason
/// (never a whole token, [`crate::compose::token::redact`]) and
/// [`visible`].
pub fn logged(text: &str) -> String {
    visible(&crate::compose::token::redact(text)).into_owned()
}

/// [`visible`], keeping line breaks (`\n`) as they are: for a multi-line
/// text shown as lines (a message's body in `review`). A `\r` is shown.
pub fn visible_lines(text: &str) -> Cow<'_, str> {
    // Printable ASCII hides nothing: checked a byte at a time first (a
    // report shows every comment of a national survey through here).
    let plain = |b: &u8| (b' '..=b'~').contains(b) || *b == b'\n';
    if text.as_bytes().iter().all(plain) || !text.chars().any(|c| c != '\n' && hidden(c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.split('\n')
            .map(|line| visible(line).into_owned())
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

/// Text from outside (a bounce's reason, a subject, a stranger's address)
/// as one line of an email to the lead: at most `max_chars` characters
/// read (the cut comes first, so a huge text costs no more than a short
/// one), runs of white space as one space, control and hiding characters
/// shown as by [`visible`], and nothing a mail client would make a link:
/// `://` as `[:]//`, `@` as `[at]`, a dot between a letter or digit and a
/// letter as `[.]` (`mx.nhs.test` as `mx[.]nhs[.]test`; `5.1.1` stays).
/// A cut text ends in `...`.
pub fn unlinked(text: &str, max_chars: usize) -> String {
    let mut chars = text.chars();
    let cut: Vec<char> = chars.by_ref().take(max_chars).collect();
    let shortened = chars.next().is_some();
    let mut out = String::with_capacity(cut.len() + 8);
    let mut space = false;
    for (i, &c) in cut.iter().enumerate() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        let before = i.checked_sub(1).map(|j| cut[j]);
        let after = cut.get(i + 1).copied();
        match c {
            ':' if after == Some('/') && cut.get(i + 2) == Some(&'/') => out.push_str("[:]"),
            '@' => out.push_str("[at]"),
            '.' if before.is_some_and(char::is_alphanumeric)
                && after.is_some_and(char::is_alphabetic) =>
            {
                out.push_str("[.]")
            }
            c if hidden(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    if shortened {
        out.push_str("...");
    }
    out
}

/// Characters that act on a terminal or on the order of text rather than
/// being shown.
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200b}'..='\u{200f}'   // zero-width spaces and joiners, LRM, RLM
            | '\u{202a}'..='\u{202e}' // bidirectional embeddings and overrides
            | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
            | '\u{2066}'..='\u{2069}' // bidirectional isolates
            | '\u{feff}'              // zero-width no-break space
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_and_escape_sequences_are_made_visible() {
        let cases = [
            ("plain text, ünïcode", "plain text, ünïcode"),
            (
                "\u{1b}[2J\u{1b}[1;1HAll answers deleted",
                "\\u{1b}[2J\\u{1b}[1;1HAll answers deleted",
            ),
            ("a\rb\tc\nd", "a\\u{d}b\\u{9}c\\u{a}d"),
            ("\u{9b}31m", "\\u{9b}31m"),
            ("abc\u{202e}fdp.exe", "abc\\u{202e}fdp.exe"),
            ("\u{7f}\u{0}", "\\u{7f}\\u{0}"),
        ];
        for (text, shown) in cases {
            assert_eq!(visible(text), shown, "{text:?}");
        }
        assert!(matches!(visible("fine"), Cow::Borrowed(_)));
    }

    #[test]
    fn outside_text_in_a_mail_to_the_lead_is_one_short_line_and_no_link() {
        let cases = [
            (
                "host mx.nhs.test said: 550 5.1.1 <dr.a@nhs.test>:\r\n  Recipient address rejected",
                200,
                "host mx[.]nhs[.]test said: 550 5.1.1 <dr[.]a[at]nhs[.]test>: Recipient address rejected",
            ),
            (
                "Click https://evil.example/fix?x=1 now",
                200,
                "Click https[:]//evil[.]example/fix?x=1 now",
            ),
            (
                "\u{1b}[2Jmailbox full\u{202e}",
                200,
                "\\u{1b}[2Jmailbox full\\u{202e}",
            ),
            ("quota exceeded for this user", 14, "quota exceeded..."),
            ("  padded\t\ttext  ", 200, "padded text"),
            ("ünïcode 4.2.2 over quota", 200, "ünïcode 4.2.2 over quota"),
        ];
        for (text, max, shown) in cases {
            assert_eq!(unlinked(text, max), shown, "{text:?}");
        }
        assert_eq!(
            visible_lines("one\u{1b}]0;x\u{7}\ntwo\r"),
            "one\\u{1b}]0;x\\u{7}\ntwo\\u{d}"
        );
    }
}
