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
    if !text.chars().any(|c| c != '\n' && hidden(c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.split('\n')
            .map(|line| visible(line).into_owned())
            .collect::<Vec<_>>()
            .join("\n"),
    )
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
        assert_eq!(
            visible_lines("one\u{1b}]0;x\u{7}\ntwo\r"),
            "one\\u{1b}]0;x\\u{7}\ntwo\\u{d}"
        );
    }
}
