//! HTML to text for replies that have no text part (Outlook, some webmail).
//!
//! Written for this one job rather than taken from a general converter:
//! block elements become line breaks, and every line inside a
//! `<blockquote>` is prefixed with `>` once per level, so the reply parser
//! can tell the doctor's words from the quoted questionnaire exactly as it
//! does in a text part. No wrapping (a wrapped answer line would move), a
//! single pass over the input, output bounded by the input: an entity is
//! looked for in the few bytes after its `&` only, and a line is prefixed
//! with at most [`MAX_QUOTE_DEPTH`] `>`, however deep the nesting.

use crate::understand::budget;

/// Put before text the sender emphasised by bold, underline, highlight or
/// colour, so the parser can see an option marked only by formatting. A
/// private-use character: it never occurs in mail, and the parser removes
/// it from everything else it reads.
pub const MARK: char = '\u{e000}';

/// The most `>` a line is prefixed with: deeper `<blockquote>`s are
/// quoted this deep. Each level costs the sender a 12-byte tag and the
/// reader a byte on every line below it; without a cap, n nested levels
/// with a line each wrote n²/2 bytes.
pub const MAX_QUOTE_DEPTH: usize = 16;

/// The longest entity name read (`&` to `;`, exclusive): `&#x10FFFF;`.
const MAX_ENTITY: usize = 9;

/// Elements whose content is never shown.
const HIDDEN: &[&str] = &["head", "style", "script", "title", "xml"];
/// Elements that start and end a line.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "tr",
    "li",
    "ul",
    "ol",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "pre",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "dt",
    "dd",
    "address",
];

/// The text of `html`, one line per block, quoted lines prefixed with `>`.
pub fn to_text(html: &str) -> String {
    to_text_within(html, usize::MAX)
}

/// The text of `html` as [`to_text`] gives it, converted only until more
/// than `limit` bytes of it are written: the result begins exactly as
/// [`to_text`]'s does, for at least `limit` bytes. A reader that looks at
/// no more than that need not hold the text of a 24 MB HTML part (one
/// string per line, then all of them joined: over 100 MB).
pub fn to_text_within(html: &str, limit: usize) -> String {
    let mut out = Output::default();
    let bytes = html.as_bytes();
    let mut hidden: Option<String> = None;
    let mut i = 0;
    // Two more bytes: the trailing line break `finish` trims, and a space
    // it trims at the end of a line cut short.
    let limit = limit.saturating_add(2);
    while i < bytes.len() && out.size() <= limit && !budget::expired() {
        if bytes[i] == b'<' {
            if html[i..].starts_with("<!--") {
                i = html[i + 4..]
                    .find("-->")
                    .map_or(bytes.len(), |end| i + 4 + end + 3);
                continue;
            }
            let end = match html[i..].find('>') {
                Some(end) => i + end,
                None => break,
            };
            let tag = &html[i + 1..end];
            i = end + 1;
            let closing = tag.starts_with('/');
            let name: String = tag
                .trim_start_matches(['/', '!', '?'])
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == ':')
                .collect::<String>()
                .to_ascii_lowercase();
            if let Some(open) = &hidden {
                if closing && *open == name {
                    hidden = None;
                }
                continue;
            }
            if HIDDEN.contains(&name.as_str()) && !closing && !tag.ends_with('/') {
                hidden = Some(name);
                continue;
            }
            if EMPHASIS.contains(&name.as_str()) && !tag.ends_with('/') {
                if closing {
                    out.bold = out.bold.saturating_sub(1);
                } else {
                    out.bold += 1;
                }
                continue;
            }
            if STRUCK.contains(&name.as_str()) && !tag.ends_with('/') {
                if closing {
                    out.struck = out.struck.saturating_sub(1);
                } else {
                    out.struck += 1;
                }
                continue;
            }
            if (name == "span" || name == "font") && !tag.ends_with('/') {
                if closing {
                    if out.coloured.pop().is_some_and(|(_, struck)| struck) {
                        out.struck = out.struck.saturating_sub(1);
                    }
                } else if out.coloured.len() < 64 {
                    let struck = struck_through(tag);
                    out.struck += usize::from(struck);
                    out.coloured.push((colours(tag), struck));
                }
                continue;
            }
            if name == "tr" || name == "table" {
                // A row ends (and, for `<tr>`, another starts): its cells
                // are kept apart when it is a row for a question.
                out.line_break();
                out.end_row();
                if name == "tr" && !closing {
                    out.row = Some(out.lines.len());
                }
                continue;
            }
            if name == "blockquote" {
                out.line_break();
                if closing {
                    out.depth = out.depth.saturating_sub(1);
                } else {
                    out.depth += 1;
                }
            } else if name == "pre" {
                out.line_break();
                out.pre = !closing;
            } else if name == "p" && closing {
                // Paragraphs are separated by a blank line, as clients show them.
                out.line_break();
                out.blank_line();
            } else if BLOCK.contains(&name.as_str()) {
                out.line_break();
            } else if name == "td" || name == "th" {
                if closing || out.row.is_none() {
                    out.push_text(" ");
                } else {
                    out.cell();
                }
            }
            continue;
        }
        let next = html[i..].find('<').map_or(bytes.len(), |n| i + n);
        if hidden.is_none() && out.struck == 0 {
            // Stops, mid-text, once past the limit: a text of 24 MB
            // without a tag is not decoded whole for the first 16 KB.
            out.push_decoded(&html[i..next], limit);
        }
        i = next;
    }
    out.finish()
}

#[derive(Default)]
struct Output {
    lines: Vec<String>,
    /// Bytes in `lines`, each with its line break.
    written: usize,
    line: String,
    line_depth: usize,
    depth: usize,
    pre: bool,
    /// Inside this many `<b>`, `<strong>`, `<mark>`, `<u>`.
    bold: usize,
    /// Open `<span>`/`<font>` elements: does each set a colour, and does
    /// it strike its text through?
    coloured: Vec<(bool, bool)>,
    /// Inside this many struck-through elements: their text is not shown
    /// as the answer (see [`STRUCK`]).
    struck: usize,
    /// [`MARK`] already written on this line.
    marked: bool,
    /// Inside a table row that began at this index of `lines`.
    row: Option<usize>,
    /// Cells begun in that row.
    cells: usize,
}

/// Written between two cells of a table row, until the row ends: then a
/// pipe when the row is a question's (its first cell a question number),
/// else a space, as before.
const CELL: char = '\u{1f}';

/// Elements that emphasise what they hold.
const EMPHASIS: &[&str] = &["b", "strong", "mark", "u"];

/// Elements whose text the client shows struck through: the doctor
/// crossed it out (Outlook and Word write `<s>`, Gmail `<strike>`, others
/// `<del>`), so it is no part of the answer: `<s>8</s> 6` is 6.
const STRUCK: &[&str] = &["s", "strike", "del"];

/// Does this `<span …>` or `<font …>` tag strike its text through
/// (`style="text-decoration: line-through"`, as Apple Mail and Outlook
/// write it)?
fn struck_through(tag: &str) -> bool {
    tag.to_ascii_lowercase().contains("line-through")
}

/// Text struck through in `html` ([`STRUCK`] elements, or a style with
/// `line-through`): the text part the client sent beside it shows the
/// struck words as if they stood, so the HTML is read instead.
pub fn strikes_through(html: &str) -> bool {
    static STRIKE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)<(?:s|strike|del)[\s>]|line-through").expect("valid regex")
    });
    STRIKE.is_match(html)
}

/// Does this `<span …>` or `<font …>` tag set a colour or a highlight
/// (other than black, which clients set everywhere)?
fn colours(tag: &str) -> bool {
    let lower = tag.to_ascii_lowercase();
    let value_after = |key: &str| -> Option<String> {
        let at = lower.find(key)? + key.len();
        let rest = lower[at..].trim_start_matches([' ', ':', '=', '"', '\'']);
        Some(
            rest.chars()
                .take_while(|c| !matches!(c, ';' | '"' | '\'' | '>'))
                .collect::<String>()
                .trim()
                .to_owned(),
        )
    };
    let plain = |v: &str| {
        v.is_empty()
            || [
                "black",
                "#000",
                "#000000",
                "windowtext",
                "inherit",
                "auto",
                "initial",
                "currentcolor",
                "rgb(0,0,0)",
                "rgb(0, 0, 0)",
                "transparent",
                "white",
                "#fff",
                "#ffffff",
            ]
            .contains(&v)
    };
    ["background-color", "background", "color"]
        .iter()
        .filter_map(|k| value_after(k))
        .any(|v| !plain(&v))
}

impl Output {
    /// Bytes written so far, the open line included.
    fn size(&self) -> usize {
        self.written + self.line.len()
    }

    fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            self.push_char(c);
        }
    }

    /// Pushes `text` with its entities decoded, until [`Output::size`] is
    /// over `limit`.
    fn push_decoded(&mut self, text: &str, limit: usize) {
        let mut at = 0;
        while at < text.len() && self.size() <= limit && !budget::expired() {
            let rest = &text[at..];
            let (c, used) = if rest.starts_with('&') {
                decode_entity(rest)
            } else {
                let c = rest.chars().next().expect("not empty");
                (c, c.len_utf8())
            };
            self.push_char(c);
            at += used;
        }
    }

    fn push_char(&mut self, c: char) {
        let c = if c == '\u{a0}' { ' ' } else { c };
        if self.pre && c == '\n' {
            self.line_break();
            return;
        }
        if c.is_whitespace() && !self.pre {
            if !self.line.is_empty() && !self.line.ends_with(' ') {
                self.line.push(' ');
            }
            return;
        }
        if self.line.is_empty() {
            self.line_depth = self.depth.min(MAX_QUOTE_DEPTH);
        }
        if !self.marked && (self.bold > 0 || self.coloured.iter().any(|c| c.0)) {
            self.line.push(MARK);
            self.marked = true;
        }
        self.line.push(c);
    }

    /// A cell of the open row begins: after the first, [`CELL`] marks it.
    fn cell(&mut self) {
        if self.cells > 0 {
            self.push_char(' ');
            self.push_char(CELL);
        }
        self.cells += 1;
    }

    /// The open row ends: a row for a question (its first cell a question
    /// number: `1`, `Q1`, `1. End of life`) or a table's header
    /// (`compact::header`: `| Q | Yes | No | Other |`) of two cells or more
    /// becomes one line, its cells between pipes, empty ones in their
    /// place (`| 1. End of life | Yes |`), however
    /// the client broke lines inside them (Word puts a paragraph in each
    /// cell); in any other row the marks become spaces. Linear: each line
    /// of the row is touched once.
    fn end_row(&mut self) {
        let Some(start) = self.row.take() else {
            return;
        };
        let cells = std::mem::take(&mut self.cells);
        let start = start.min(self.lines.len());
        let row: Vec<String> = self.lines.drain(start..).collect();
        let removed: usize = row.iter().map(|l| l.len() + 1).sum();
        self.written -= removed.min(self.written);
        let depth = row
            .iter()
            .find(|l| !l.is_empty())
            .map_or(0, |l| l.bytes().take_while(|b| *b == b'>').count());
        let texts: Vec<&str> = row
            .iter()
            .map(|l| l.trim_start_matches('>').trim())
            .filter(|l| !l.is_empty())
            .collect();
        let joined = texts.join(" ");
        let first = joined.split(CELL).next().unwrap_or_default().trim();
        let numbered = first
            .split(' ')
            .next()
            .is_some_and(|w| super::compact::code_number(w).is_some());
        let split: Vec<&str> = joined.split(CELL).map(str::trim).collect();
        let header = !numbered && super::compact::header(&split).is_some();
        if cells >= 2 && (numbered || header) && joined.len() <= 1000 {
            let line = format!("| {} |", split.join(" | "));
            let prefix = ">".repeat(depth);
            let line = if prefix.is_empty() {
                line
            } else {
                format!("{prefix} {line}")
            };
            self.written += line.len() + 1;
            self.lines.push(line);
            return;
        }
        for line in row {
            let line = if line.contains(CELL) {
                let spaced = line.replace(CELL, " ");
                let prefix_len = spaced.bytes().take_while(|b| *b == b'>').count();
                let (prefix, text) = spaced.split_at(prefix_len);
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                match (prefix.is_empty(), text.is_empty()) {
                    (_, true) => String::new(),
                    (true, false) => text,
                    (false, false) => format!("{prefix} {text}"),
                }
            } else {
                line
            };
            if line.is_empty() && self.lines.last().is_none_or(|l| l.is_empty()) {
                continue;
            }
            self.written += line.len() + 1;
            self.lines.push(line);
        }
    }

    fn line_break(&mut self) {
        let text = self.line.trim_end();
        if text.is_empty() {
            // An empty block (`<p>&nbsp;</p>`, `<br>` after a paragraph)
            // shows as one blank line.
            self.blank_line();
        } else {
            let prefix = ">".repeat(self.line_depth);
            let line = if prefix.is_empty() {
                text.to_owned()
            } else {
                format!("{prefix} {text}")
            };
            self.written += line.len() + 1;
            self.lines.push(line);
        }
        self.line.clear();
        self.marked = false;
    }

    fn blank_line(&mut self) {
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.written += 1;
            self.lines.push(String::new());
        }
    }

    fn finish(mut self) -> String {
        self.line_break();
        self.end_row();
        let text = self.lines.join("\n");
        format!("{}\n", text.trim_matches('\n'))
    }
}

/// The character an entity at the start of `text` (which starts with `&`)
/// stands for, and the bytes it takes; `('&', 1)` when it is not one we
/// know. Looks at no more than the [`MAX_ENTITY`] bytes after the `&`.
fn decode_entity(text: &str) -> (char, usize) {
    let window = &text.as_bytes()[1..text.len().min(MAX_ENTITY + 2)];
    window
        .iter()
        .position(|b| *b == b';')
        .and_then(|end| entity(&text[1..end + 1]).map(|c| (c, end + 2)))
        .unwrap_or(('&', 1))
}

fn entity(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "rsquo" | "lsquo" => '\'',
        "rdquo" | "ldquo" => '"',
        "hellip" => '…',
        "eacute" => 'é',
        "egrave" => 'è',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "copy" => '©',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    /// Stopped early, the text begins exactly as the whole text does, for
    /// at least the bytes asked for.
    #[test]
    fn table_rows_for_questions_keep_their_cells_apart() {
        // Word and Outlook put a paragraph in each cell.
        let html = "<p>Answers:</p><table><tr><th>Q</th><th>Reply</th></tr>\
            <tr><td><p>1. End of life</p></td><td><p>Yes</p></td></tr>\
            <tr><td>Q4</td><td>Confidence</td><td>7</td></tr></table><p>Jack</p>";
        assert_eq!(
            to_text(html),
            "Answers:\n\n| Q | Reply |\n\n| 1. End of life | Yes |\n\n| Q4 | Confidence | 7 |\n\nJack\n"
        );
        // A header whose columns are answers, and empty cells, keep their
        // places.
        assert_eq!(
            to_text(
                "<table><tr><th></th><th>Y</th><th>N</th></tr><tr><td>Q2</td><td></td><td>x</td></tr></table>"
            ),
            "|  | Y | N |\n\n| Q2 |  | x |\n"
        );
        // A row that is no question's: its cells stay as before.
        assert_eq!(
            to_text("<table><tr><td>Dr Jack Clarke</td><td>North Hospice</td></tr></table>"),
            "Dr Jack Clarke North Hospice\n"
        );
        // Quoted, the row keeps its quoting.
        assert_eq!(
            to_text("<blockquote><table><tr><td>2</td><td>No</td></tr></table></blockquote>"),
            "> | 2 | No |\n"
        );
    }

    #[test]
    fn text_within_a_limit_begins_as_the_whole_text() {
        let html = "<html><head><style>p {}</style></head><body><p>1. <b>yes</b> &amp; more</p><blockquote><p>Quoted \u{e9}t\u{e9}</p><pre>a\nb</pre></blockquote><p>&nbsp;</p><div>x</div>"
            .repeat(50);
        let whole = to_text(&html);
        for limit in [
            0,
            1,
            7,
            40,
            99,
            100,
            101,
            500,
            1_000,
            whole.len() - 1,
            whole.len(),
        ] {
            let within = to_text_within(&html, limit);
            assert!(within.len() >= limit, "{limit}: {}", within.len());
            let mut end = limit;
            while !within.is_char_boundary(end) {
                end -= 1;
            }
            assert!(whole.starts_with(&within[..end]), "{limit}");
        }
        assert_eq!(to_text_within(&html, whole.len() * 2), whole);
    }

    use super::*;

    #[test]
    fn blockquotes_become_quoted_lines() {
        let html = "<div dir=\"ltr\">Yes<br></div><div class=\"gmail_quote\"><div>On Mon wrote:<br></div>\
                    <blockquote class=\"gmail_quote\"><p>1. Have you?</p><p>Answer:</p><blockquote>deep</blockquote></blockquote></div>";
        assert_eq!(
            to_text(html),
            "Yes\n\nOn Mon wrote:\n\n> 1. Have you?\n\n> Answer:\n\n>> deep\n"
        );
    }

    #[test]
    fn hidden_elements_comments_and_entities() {
        let html = "<html><head><style>p{}</style><title>T</title></head><body><!--[if mso]>x<![endif]-->\
                    <p class=MsoNormal>a &amp; c&nbsp;&#8211; &#x41;&bogus; &<o:p></o:p></p></body></html>";
        assert_eq!(to_text(html), "a & c – A&bogus; &\n");
    }

    #[test]
    fn emphasis_and_colour_are_marked() {
        let html = "<p>a) Cost</p><p><b>b) Time</b></p><p><span style=\"color:#C00000\">c) Staff</span></p>\
                    <p><span style=\"color:black\">d) Space</span></p>";
        assert_eq!(
            to_text(html),
            format!("a) Cost\n\n{MARK}b) Time\n\n{MARK}c) Staff\n\nd) Space\n")
        );
    }

    /// Nested `<blockquote>`s once wrote a line prefixed with one
    /// `>` per level, n²/2 bytes for n levels.
    #[test]
    fn quoting_is_no_deeper_than_the_cap() {
        let html = "<blockquote>x".repeat(100);
        let text = to_text(&html);
        let deepest = text
            .lines()
            .map(|l| l.len() - l.trim_start_matches('>').len());
        assert_eq!(deepest.max(), Some(MAX_QUOTE_DEPTH));
        assert!(text.len() < html.len() * 2, "{}", text.len());
    }

    /// Each `&` once looked for a `;` to the end of the text. An
    /// entity is at most [`MAX_ENTITY`] bytes long, and ones that are not
    /// entities stay as they are.
    #[test]
    fn entities_are_read_from_the_bytes_after_their_ampersand() {
        assert_eq!(
            to_text("&#1114111;|&#x10FFFF;|&amp;"),
            "\u{10ffff}|\u{10ffff}|&\n"
        );
        assert_eq!(to_text("&#x0010FFFF;"), "&#x0010FFFF;\n");
        assert_eq!(to_text("&ab &# &&amp;;"), "&ab &# &&;\n");
        assert_eq!(to_text("&"), "&\n");
    }

    /// A text without tags is read only as far as the limit asks.
    #[test]
    fn one_endless_text_is_read_as_far_as_the_limit() {
        let html = "word &amp; ".repeat(100_000);
        let within = to_text_within(&html, 1_000);
        assert!((1_000..1_100).contains(&within.len()), "{}", within.len());
        assert!(to_text(&html).starts_with(within.trim_end()));
    }

    #[test]
    fn unterminated_markup_does_not_panic() {
        for html in [
            "<",
            "<p",
            "&",
            "&#xffffffff;",
            "<blockquote></blockquote></blockquote>x",
            "<style>never closed",
        ] {
            let _ = to_text(html);
        }
    }
}
