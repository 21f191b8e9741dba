//! `format=flowed` text (RFC 3676), as Thunderbird, Apple Mail and others
//! send it: a line that ends in a space continues on the next line, so a
//! paragraph the client wrapped at 72 columns is one line again before the
//! reply is read. Without this, a comment was cut at its first soft break,
//! and a continuation line that began with a number read as an answer.
//!
//! One pass over the text, each line looked at once: linear in its length.

/// How a `text/plain` part says it was wrapped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wrapping {
    /// Lines are as the writer ended them (`format=fixed`, or nothing said).
    Fixed,
    /// Soft breaks are a space at the end of the line (`format=flowed`);
    /// with `delsp`, that space was added by the client and is taken out.
    Flowed {
        /// `DelSp=yes`: the space before a soft break is not the writer's.
        delsp: bool,
    },
}

impl Wrapping {
    /// Reads the `format` and `delsp` parameters of a part's content type
    /// (names and values in any case).
    pub fn of<'a>(parameters: impl IntoIterator<Item = (&'a str, &'a str)>) -> Wrapping {
        let (mut flowed, mut delsp) = (false, false);
        for (name, value) in parameters {
            let value = value.trim();
            if name.eq_ignore_ascii_case("format") {
                flowed = value.eq_ignore_ascii_case("flowed");
            } else if name.eq_ignore_ascii_case("delsp") {
                delsp = value.eq_ignore_ascii_case("yes");
            }
        }
        if flowed {
            Wrapping::Flowed { delsp }
        } else {
            Wrapping::Fixed
        }
    }
}

/// Joins the soft-broken lines of flowed `text` (RFC 3676 section 4):
/// quote depth is kept (`> ` per level, as a reader shows it), space
/// stuffing is undone, the signature separator `-- ` is never joined, and a
/// soft break followed by a line of another quote depth is a hard break.
pub fn unflow(text: &str, delsp: bool) -> String {
    let mut out = String::with_capacity(text.len());
    // The quote depth of the paragraph being joined, while the line before
    // ended in a soft break.
    let mut open: Option<usize> = None;
    for raw in text.split('\n') {
        if crate::understand::budget::expired() {
            break;
        }
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let depth = line.bytes().take_while(|&b| b == b'>').count();
        let rest = &line[depth..];
        let body = rest.strip_prefix(' ').unwrap_or(rest);
        let continues = open == Some(depth);
        if !continues {
            if open.is_some() {
                // A soft break into another quote depth: RFC 3676 4.5 says
                // to treat it as a hard one.
                out.push('\n');
            }
            for _ in 0..depth {
                out.push('>');
            }
            if depth > 0 && !body.is_empty() {
                out.push(' ');
            }
        }
        let soft = body.ends_with(' ') && body != "-- ";
        if soft {
            out.push_str(if delsp { &body[..body.len() - 1] } else { body });
            open = Some(depth);
        } else {
            out.push_str(body);
            out.push('\n');
            open = None;
        }
    }
    // `split` gives one more (empty) piece after a final newline, which
    // added one newline too many; a text without a final newline keeps none.
    if open.is_none() && out.ends_with('\n') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::thread_cpu_time;

    #[test]
    fn parameters_are_read_in_any_case() {
        let cases: &[(&[(&str, &str)], Wrapping)] = &[
            (&[], Wrapping::Fixed),
            (&[("charset", "utf-8")], Wrapping::Fixed),
            (&[("format", "fixed")], Wrapping::Fixed),
            (&[("format", "flowed")], Wrapping::Flowed { delsp: false }),
            (
                &[("Format", "Flowed"), ("DelSp", "Yes")],
                Wrapping::Flowed { delsp: true },
            ),
            (
                &[("format", "flowed"), ("delsp", "no")],
                Wrapping::Flowed { delsp: false },
            ),
            (&[("delsp", "yes")], Wrapping::Fixed),
        ];
        for (parameters, expected) in cases {
            assert_eq!(
                Wrapping::of(parameters.iter().copied()),
                *expected,
                "{parameters:?}"
            );
        }
    }

    #[test]
    fn soft_breaks_are_joined_and_hard_ones_kept() {
        let cases: &[(&str, bool, &str)] = &[
            // A paragraph wrapped by the client is one line again.
            (
                "10. We need a regional \nprotocol first.\n",
                false,
                "10. We need a regional protocol first.\n",
            ),
            // DelSp=yes: the space before the break was the client's.
            ("10. A long com\nment.\n", true, "10. A long com\nment.\n"),
            ("10. A long com \nment.\n", true, "10. A long comment.\n"),
            // A continuation that starts with a number stays in its line.
            (
                "10. used it about \n4 times last year\n4. 7\n",
                false,
                "10. used it about 4 times last year\n4. 7\n",
            ),
            // Hard breaks stay.
            ("1. yes\n2. no\n", false, "1. yes\n2. no\n"),
            // Quoted paragraphs are joined at their own depth.
            (
                "> 1. Have you used \n> ketamine?\nyes\n",
                false,
                "> 1. Have you used ketamine?\nyes\n",
            ),
            // A soft break into another depth is a hard break.
            ("> quoted \nunquoted\n", false, "> quoted \nunquoted\n"),
            // The signature separator is never joined.
            ("Jo\n-- \nDr Jo Bloggs\n", false, "Jo\n-- \nDr Jo Bloggs\n"),
            // Space stuffing is undone.
            (
                "  indented\n >From here\n",
                false,
                " indented\n>From here\n",
            ),
            // CRLF line ends.
            ("a \r\nb\r\n", false, "a b\n"),
            // No final newline, and a soft break at the very end.
            ("a\nb", false, "a\nb"),
            ("a \n", false, "a "),
            ("", false, ""),
        ];
        for (text, delsp, expected) in cases {
            assert_eq!(unflow(text, *delsp), *expected, "{text:?} delsp={delsp}");
        }
    }

    #[test]
    fn reading_is_linear() {
        // One endless soft-broken paragraph, and many short quoted lines, at
        // 64 KB and 1 MB, in this thread's CPU time (best of three): linear
        // is 16 times the time, quadratic 256.
        let best = |text: &str| {
            (0..3)
                .map(|_| {
                    let start = thread_cpu_time();
                    let out = unflow(text, true);
                    assert!(out.len() <= text.len() + text.len() / 2);
                    thread_cpu_time() - start
                })
                .min()
                .expect("three runs")
        };
        for piece in ["word \n", ">>>>>>>> x \n", " \n"] {
            let small = piece.repeat(64 * 1024 / piece.len());
            let large = piece.repeat(1024 * 1024 / piece.len());
            let (small_t, large_t) = (best(&small), best(&large));
            assert!(
                large_t <= small_t * 48 + std::time::Duration::from_millis(20),
                "{piece:?}: 64 KB in {small_t:?}, 1 MB in {large_t:?}"
            );
        }
    }
}
