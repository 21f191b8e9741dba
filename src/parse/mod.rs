//! Parsing answers out of a reply, from whatever mail client it came.
//!
//! Generic quote and signature strippers destroy survey answers
//! (ANCHORS.md, lessons 5 to 7), so this parser anchors on what we wrote
//! ourselves: the numbered question headings and the `Answer:` line after
//! each (see [`crate::questionnaire`]). It reads, in one pass over the lines:
//!
//! - text after an `Answer:` line: on the line itself (`> Answer: yes`, or
//!   `Answer: yes` typed into an unquoted Outlook original), and the
//!   doctor's unquoted lines below a quoted `> Answer:`;
//! - answers listed at the top of the reply (`1. yes`, `Q4: 7`);
//! - corrections anywhere in the doctor's own words ("for question 4 I
//!   meant 8"), which win over other answers to that question;
//! - an opt-out or withdrawal request in the doctor's own words (never in
//!   the quoted questionnaire, which itself explains how to opt out).
//!
//! Inside an original that is not `>`-quoted (Outlook's "From: … Sent: …"
//! block, "-----Original Message-----") the doctor's words cannot be told
//! from ours, so there only an `Answer:` line with text on it counts.
//! Signatures, sign-offs and legal footers end what is read.
//!
//! Bounded: at most [`MAX_BYTES`] and [`MAX_LINES`] are read (the rest is
//! recorded as truncated), and only linear-time matching is used.

pub mod html;
mod value;

use std::collections::BTreeMap;
use std::sync::LazyLock;

use mail_parser::{Message, PartType};
use regex::Regex;

use crate::answer::Answer;
use crate::survey::{Question, QuestionKind, Survey};

pub use value::read as read_value;

/// Longest reply text read, in bytes.
pub const MAX_BYTES: usize = 256 * 1024;
/// Most lines read.
pub const MAX_LINES: usize = 5_000;

/// What a reply says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedReply {
    /// Answers by question id: ok, unclear or invalid.
    pub answers: BTreeMap<String, Answer>,
    /// Required questions with no answer at all, in survey order.
    pub missing: Vec<String>,
    /// The text was longer than [`MAX_BYTES`] or [`MAX_LINES`]; only the
    /// start was read.
    pub truncated: bool,
    /// The doctor asked, in their own words, to get no more mail.
    pub opt_out: bool,
    /// The doctor asked for their answers to be deleted; the lead decides.
    pub withdraw: bool,
    /// Questions answered by an explicit correction ("for question 4 I meant
    /// 8"), in survey order.
    pub corrections: Vec<String>,
    /// The reply contains our questionnaire (quoted or not): it is about
    /// the survey even when it carries no answers.
    pub quotes_questionnaire: bool,
}

/// The text a reply is read from: its text part(s), or its HTML converted to
/// text (quoted blocks marked with `>`) when it has no text part. Attached
/// files are not read.
pub fn reply_text(message: &Message<'_>) -> String {
    let mut text = String::new();
    let mut ids: Vec<u32> = message.text_body.clone();
    if ids.is_empty() {
        ids.clone_from(&message.html_body);
    }
    for id in ids {
        let Some(part) = message.parts.get(id as usize) else {
            continue;
        };
        let piece = match &part.body {
            PartType::Text(t) => t.to_string(),
            PartType::Html(h) => html::to_text(h),
            _ => continue,
        };
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&piece);
        if text.len() > MAX_BYTES * 2 {
            break;
        }
    }
    text
}

/// Reads the answers to `survey`'s questions from `text`, a reply's text.
pub fn parse_reply(text: &str, survey: &Survey) -> ParsedReply {
    let mut reply = ParsedReply::default();
    let mut text = text;
    if text.len() > MAX_BYTES {
        let mut end = MAX_BYTES;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text = &text[..end];
        reply.truncated = true;
    }
    let clean: String = text
        .chars()
        .filter(|c| !matches!(c, '\r' | '\u{200b}' | '\u{feff}' | '\u{200e}' | '\u{200f}'))
        .map(|c| if c == '\u{a0}' || c == '\t' { ' ' } else { c })
        .collect();
    let mut lines: Vec<Line<'_>> = clean.split('\n').map(Line::new).collect();
    if lines.len() > MAX_LINES {
        lines.truncate(MAX_LINES);
        reply.truncated = true;
    }

    let headings = Headings::new(&survey.questions);
    let mut reader = Reader::new(survey.questions.len());
    for (i, line) in lines.iter().enumerate() {
        reader.line(i, line, &lines, &headings, &mut reply);
    }
    reader.end_top();
    reader.close();

    for (index, question) in survey.questions.iter().enumerate() {
        let found = std::mem::take(&mut reader.found[index]);
        let corrected = found.iter().any(|f| f.origin == Origin::Correction);
        if let Some(answer) = settle(question, found) {
            if corrected {
                reply.corrections.push(question.id.clone());
            }
            reply.answers.insert(question.id.clone(), answer);
        } else if question.required {
            reply.missing.push(question.id.clone());
        }
    }
    let own = reader.own.join("\n");
    reply.opt_out = OPT_OUT.is_match(&own) || reader.own.iter().any(|l| STOP_ALONE.is_match(l));
    reply.withdraw = WITHDRAW.is_match(&own);
    reply
}

/// Is this, the doctor's own text (a subject line without the survey's
/// subject, say), a request to stop the mail?
pub fn asks_to_opt_out(text: &str) -> bool {
    OPT_OUT.is_match(text) || STOP_ALONE.is_match(text.trim())
}

/// Is this, the doctor's own text, a request to delete their answers?
pub fn asks_to_withdraw(text: &str) -> bool {
    WITHDRAW.is_match(text)
}

static OPT_OUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(unsubscribe|opt(\s|-)?out|remove me|take me off|stop (sending|emailing|e-mailing|contacting|mailing)|(do not|don'?t) (contact|email|e-mail|send|write to) me|no (more|further) (e-?mails|reminders|messages))\b",
    )
    .expect("valid regex")
});
static STOP_ALONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(please\s+)?stop[.!]*\s*$").expect("valid regex"));
static WITHDRAW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(withdraw (my|me|from)|(wish|want|would like|'d like) to withdraw|withdrawal of (my )?consent|(delete|remove|erase|destroy|discard) (all )?(of )?my (answers|responses|reply|replies|data|details|survey)|do not use my (answers|responses|data))",
    )
    .expect("valid regex")
});
static LISTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(q(?:uestion)?\s*\.?\s*)?(\d{1,2})(\s*[.):=\-–—]\s*|\s+)(\S.*)$")
        .expect("valid regex")
});
static CORRECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:for|on|to|in)?\s*(?:question|q)\s*\.?\s*#?(\d{1,2})\s*[,:]?\s*(?:i\s+meant(?:\s+to\s+(?:say|put|write))?|should\s+(?:be|have\s+been|read|say)|(?:please\s+)?change\s+(?:it\s+|that\s+|my\s+answer\s+)?to|the\s+answer\s+(?:is|should\s+be)|my\s+answer\s+(?:is|should\s+be))\s*:?\s*(\S.*)$",
    )
    .expect("valid regex")
});
static NOT_THAT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[\s,;(]*\b(not|instead of|rather than)\b.*$").expect("valid regex")
});
static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(wrote|schrieb|a écrit|escribió|ha scritto|schreef)\s*:?\s*$")
        .expect("valid regex")
});
static ORIGINAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(-{2,}\s*(original message|forwarded message|message d'origine|ursprüngliche nachricht)\s*-{2,}|begin forwarded message:)")
        .expect("valid regex")
});
static HEADER_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\*?(sent|date|to|subject|cc|gesendet|envoyé|an|betreff|objet)\s*\*?\s*:")
        .expect("valid regex")
});
static FROM_FIELD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\*?(from|von|de)\s*\*?\s*:\s*\S").expect("valid regex"));
static SIGN_OFF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^((kind|best|warm|warmest|many|with (best|kind|many)|all the best|yours)\s+(regards|wishes|thanks)|regards|thanks|thank you|thanks again|many thanks|best|cheers|yours sincerely|yours faithfully|yours truly|sincerely|best regards|kind regards|with thanks)\s*[,.!]*$",
    )
    .expect("valid regex")
});
static SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(--\s*$|__{4,}\s*$|sent from my\b|sent from (outlook|mail|yahoo|samsung)|get outlook for\b|sent via\b|sent with\b|from my (iphone|ipad|android|samsung|mobile|galaxy))",
    )
    .expect("valid regex")
});
static FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(this e-?mail (and any|is confidential|may contain)|confidential|intended (solely )?for the (named |intended )?(recipient|addressee)|intended recipient|received this e-?mail in error|disclaimer|registered in england|registered office|company (no|number)|please consider the environment|scanned for viruses|^withdrawing:|^to stop receiving|^to have your answers deleted)",
    )
    .expect("valid regex")
});

/// One line of the reply, its quote depth taken off.
struct Line<'a> {
    depth: usize,
    text: &'a str,
}

impl<'a> Line<'a> {
    fn new(raw: &'a str) -> Line<'a> {
        let mut depth = 0;
        let mut rest = raw;
        loop {
            let trimmed = rest.trim_start_matches(' ');
            let indent = rest.len() - trimmed.len();
            match trimmed.strip_prefix('>') {
                Some(after) if indent <= 3 || depth > 0 => {
                    depth += 1;
                    rest = after;
                }
                _ => break,
            }
        }
        Line {
            depth,
            text: rest.trim(),
        }
    }
}

/// The start of each question's text, to recognise its heading line.
struct Headings {
    starts: Vec<Vec<String>>,
}

impl Headings {
    fn new(questions: &[Question]) -> Headings {
        let starts = questions
            .iter()
            .map(|q| words(&q.display_text()).into_iter().take(6).collect())
            .collect();
        Headings { starts }
    }

    /// The 0-based question whose heading this line is.
    fn find(&self, text: &str) -> Option<usize> {
        let text = text.trim_start_matches(['*', '_', ' ']);
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 3 {
            return None;
        }
        let number: usize = text[..digits].parse().ok()?;
        let rest = text[digits..].strip_prefix(['.', ')'])?;
        let index = number.checked_sub(1)?;
        let start = self.starts.get(index)?;
        (!start.is_empty() && words(rest).starts_with(start)).then_some(index)
    }
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The text after `Answer:`, if the line is an answer line.
fn answer_line(text: &str) -> Option<&str> {
    let text = text.trim_start_matches(['*', '_', ' ']);
    let head = text.get(..6)?;
    if !head.eq_ignore_ascii_case("answer") {
        return None;
    }
    let rest = text[6..].trim_start_matches(['*', '_', ' ']);
    let rest = rest.strip_prefix(':')?;
    Some(rest.trim_start_matches(['*', '_']).trim())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    /// After an `Answer:` line.
    Inline,
    /// Listed at the top.
    Listed,
    /// "For question 4 I meant 8."
    Correction,
}

struct Found {
    text: String,
    origin: Origin,
}

/// Text being gathered below an `Answer:` line.
struct Gathering {
    question: usize,
    lines: Vec<String>,
    /// Do the unquoted lines below belong to the doctor? Not inside an
    /// unquoted original, where they are ours.
    follow: bool,
}

struct Reader {
    found: Vec<Vec<Found>>,
    /// The doctor's own lines, for opt-out and withdrawal requests.
    own: Vec<String>,
    gathering: Option<Gathering>,
    /// The question whose heading was seen last and whose `Answer:` line
    /// has not come yet.
    heading: Option<usize>,
    /// Still at the top of the reply, where answers may be listed.
    at_top: bool,
    /// Inside an original that is not `>`-quoted.
    in_original: bool,
    in_instructions: bool,
    after_signature: bool,
    /// Listed answers seen at the top: question, text, written with
    /// punctuation (`1.`, `Q1`) rather than just a space.
    listed: Vec<(usize, String, bool)>,
    listing_open: bool,
}

impl Reader {
    fn new(questions: usize) -> Reader {
        Reader {
            found: (0..questions).map(|_| Vec::new()).collect(),
            own: Vec::new(),
            gathering: None,
            heading: None,
            at_top: true,
            in_original: false,
            in_instructions: false,
            after_signature: false,
            listed: Vec::new(),
            listing_open: false,
        }
    }

    fn line(
        &mut self,
        i: usize,
        line: &Line<'_>,
        lines: &[Line<'_>],
        headings: &Headings,
        reply: &mut ParsedReply,
    ) {
        let text = line.text;
        if self.in_instructions {
            if text.is_empty() {
                self.in_instructions = false;
            }
            return;
        }
        let lower_start: String = text.chars().take(20).collect::<String>().to_lowercase();
        if lower_start.starts_with("how to answer:") {
            self.end_top();
            self.close();
            self.in_instructions = true;
            return;
        }
        if let Some(index) = headings.find(text) {
            self.end_top();
            self.close();
            self.heading = Some(index);
            self.after_signature = false;
            reply.quotes_questionnaire = true;
            return;
        }
        if let Some(rest) = answer_line(text) {
            self.end_top();
            self.close();
            self.after_signature = false;
            reply.quotes_questionnaire = true;
            if let Some(question) = self.heading.take() {
                let mut lines = Vec::new();
                if !rest.is_empty() {
                    lines.push(rest.to_owned());
                    if line.depth == 0 && !self.in_original {
                        self.own.push(rest.to_owned());
                    }
                }
                self.gathering = Some(Gathering {
                    question,
                    lines,
                    follow: line.depth > 0 || !self.in_original,
                });
            }
            return;
        }
        if line.depth > 0 {
            if !text.is_empty() {
                self.end_top();
                self.close();
            }
            return;
        }
        if text.is_empty() {
            if let Some(g) = &mut self.gathering {
                g.lines.push(String::new());
            }
            self.listing_open = false;
            return;
        }
        if self.starts_original(i, lines) {
            self.end_top();
            self.close();
            self.in_original = true;
            return;
        }
        if ATTRIBUTION.is_match(text) || self.starts_attribution(i, lines) {
            self.end_top();
            self.close();
            // "… wrote:" above an original that is not `>`-quoted (Yahoo,
            // some webmail): as unsafe to read as Outlook's.
            let next = lines[i + 1..].iter().find(|l| !l.text.is_empty());
            if next.is_some_and(|l| l.depth == 0 && !ATTRIBUTION.is_match(l.text)) {
                self.in_original = true;
            }
            return;
        }
        if self.in_original {
            return;
        }
        if SIGNATURE.is_match(text) || SIGN_OFF.is_match(text) || FOOTER.is_match(text) {
            self.end_top();
            self.close();
            self.after_signature = true;
            return;
        }
        if self.after_signature {
            return;
        }
        self.own.push(text.to_owned());
        if let Some(c) = CORRECTION.captures(text) {
            let number: usize = c[1].parse().unwrap_or(0);
            if let Some(index) = number.checked_sub(1).filter(|i| *i < self.found.len()) {
                self.close();
                let wanted = NOT_THAT.replace(&c[2], "");
                let wanted = wanted.trim().trim_end_matches(['.', '!', ',']).trim();
                if !wanted.is_empty() {
                    self.found[index].push(Found {
                        text: wanted.to_owned(),
                        origin: Origin::Correction,
                    });
                }
                self.listing_open = false;
                return;
            }
        }
        if let Some(g) = &mut self.gathering {
            if g.follow {
                g.lines.push(text.to_owned());
                return;
            }
            self.close();
        }
        if self.at_top {
            if let Some(c) = LISTED.captures(text) {
                let number: usize = c[2].parse().unwrap_or(0);
                if (1..=self.found.len()).contains(&number) {
                    let explicit = c.get(1).is_some() || !c[3].trim().is_empty();
                    self.listed
                        .push((number - 1, c[4].trim().to_owned(), explicit));
                    self.listing_open = true;
                    return;
                }
                // A numbered line for no question: not an answer, and not
                // the continuation of the one before.
                self.listing_open = false;
                return;
            }
            if self.listing_open
                && let Some(last) = self.listed.last_mut()
            {
                last.1.push('\n');
                last.1.push_str(text);
            }
        }
    }

    /// An unquoted original starts: "-----Original Message-----", or a
    /// "From:" line followed closely by "Sent:", "To:" or "Subject:".
    fn starts_original(&self, i: usize, lines: &[Line<'_>]) -> bool {
        let text = lines[i].text.trim_start_matches('*');
        if ORIGINAL.is_match(text) {
            return true;
        }
        FROM_FIELD.is_match(text)
            && lines[i + 1..]
                .iter()
                .filter(|l| !l.text.is_empty())
                .take(4)
                .any(|l| l.depth == 0 && HEADER_FIELD.is_match(l.text))
    }

    /// "On Mon, 5 Jan 2026, Survey <survey@…" broken before "wrote:".
    fn starts_attribution(&self, i: usize, lines: &[Line<'_>]) -> bool {
        let text = lines[i].text;
        text.get(..3).is_some_and(|s| s.eq_ignore_ascii_case("on "))
            && lines
                .get(i + 1)
                .is_some_and(|next| next.depth == 0 && ATTRIBUTION.is_match(next.text))
    }

    /// The top of the reply, where answers may be listed, has ended: keep
    /// the listed answers (those written as just "1 yes" only when there
    /// are several, so a sentence starting with a number is not taken).
    fn end_top(&mut self) {
        if !self.at_top {
            return;
        }
        self.at_top = false;
        self.listing_open = false;
        let several = self.listed.len() >= 2;
        for (index, text, explicit) in std::mem::take(&mut self.listed) {
            if explicit || several {
                self.found[index].push(Found {
                    text,
                    origin: Origin::Listed,
                });
            }
        }
    }

    fn close(&mut self) {
        if let Some(mut g) = self.gathering.take() {
            // A last paragraph that is only a name ("Jack", "Dr Jack
            // Clarke") signs the reply; it is not part of the answer.
            while g.lines.last().is_some_and(|l| l.is_empty()) {
                g.lines.pop();
            }
            if let Some(blank) = g.lines.iter().rposition(|l| l.is_empty())
                && g.lines.len() == blank + 2
                && g.lines[..blank].iter().any(|l| !l.is_empty())
                && looks_like_a_name(&g.lines[blank + 1])
            {
                g.lines.truncate(blank);
            }
            let text = g.lines.join("\n");
            let text = text.trim();
            if !text.is_empty() {
                self.found[g.question].push(Found {
                    text: text.to_owned(),
                    origin: Origin::Inline,
                });
            }
        }
    }
}

/// "Jack", "Dr Jack Clarke", "J. Clarke": up to four capitalised words.
fn looks_like_a_name(line: &str) -> bool {
    let words: Vec<&str> = line
        .trim()
        .trim_end_matches(',')
        .split_whitespace()
        .collect();
    (1..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || ".-'".contains(c))
        })
}

/// One answer from everything found for a question: a correction wins;
/// otherwise several answers must agree, or the answer is unclear.
fn settle(question: &Question, found: Vec<Found>) -> Option<Answer> {
    let texts: Vec<String> = match found.iter().rposition(|f| f.origin == Origin::Correction) {
        Some(last) => vec![found[last].text.clone()],
        None => found.into_iter().map(|f| f.text).collect(),
    };
    let prepared: Vec<String> = texts
        .iter()
        .map(|t| match question.kind {
            QuestionKind::Text => t.clone(),
            _ => t
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n"),
        })
        .collect();
    let answers: Vec<Answer> = prepared.iter().map(|t| value::read(question, t)).collect();
    let first = answers.first()?.clone();
    if answers
        .iter()
        .all(|a| a.status == first.status && a.value == first.value && a.other == first.other)
    {
        return Some(first);
    }
    let quoted: Vec<String> = prepared.iter().map(|t| format!("\"{t}\"")).collect();
    Some(Answer::unclear(
        format!("conflicting answers: {}", quoted.join(" and ")),
        prepared.join("\n---\n"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{Status, Value};

    fn survey() -> Survey {
        Survey::load(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/config/example.toml"
        )))
        .expect("example survey loads")
    }

    /// The questionnaire block as sent, with `answers` (question number,
    /// text) placed by `place`.
    fn questionnaire(
        answers: &[(usize, &str)],
        place: impl Fn(&str) -> String,
        prefix: &str,
    ) -> String {
        let survey = survey();
        let block = crate::questionnaire::render_text(
            survey.questions.iter().enumerate().map(|(i, q)| (i + 1, q)),
        );
        let mut out = format!(
            "{prefix}{}\n{prefix}\n",
            crate::questionnaire::instructions_text().replace('\n', &format!("\n{prefix}"))
        );
        let mut number = 0;
        for line in block.lines() {
            if let Some((n, _)) = line.split_once(". ")
                && let Ok(n) = n.parse::<usize>()
            {
                number = n;
            }
            if line == "Answer:"
                && let Some((_, text)) = answers.iter().find(|(n, _)| *n == number)
            {
                out.push_str(&place(text));
                continue;
            }
            out.push_str(prefix);
            out.push_str(line);
            out.push('\n');
        }
        out.push_str(&format!(
            "{prefix}To stop receiving these emails, reply with the word \"unsubscribe\".\n"
        ));
        out
    }

    fn value(reply: &ParsedReply, id: &str) -> Option<Value> {
        reply.answers.get(id).and_then(|a| a.value.clone())
    }

    fn status(reply: &ParsedReply, id: &str) -> Option<Status> {
        reply.answers.get(id).map(|a| a.status)
    }

    #[test]
    fn below_and_on_the_quoted_answer_line() {
        let below = questionnaire(
            &[(1, "Yes, frequently"), (4, "7/10")],
            |a| format!("> Answer:\n{a}\n\n"),
            "> ",
        );
        let reply = parse_reply(&below, &survey());
        assert_eq!(value(&reply, "end_of_life"), Some(Value::Bool(true)));
        assert_eq!(
            reply.answers["end_of_life"].other.as_deref(),
            Some("frequently")
        );
        assert_eq!(value(&reply, "confidence"), Some(Value::Integer(7)));
        assert!(reply.missing.contains(&"early_adjuvant".to_owned()));
        assert!(
            !reply.missing.contains(&"comments".to_owned()),
            "optional questions are never missing"
        );
        assert!(
            !reply.opt_out,
            "the quoted footer is not the doctor's words"
        );

        let on = questionnaire(&[(2, "no")], |a| format!("> Answer: {a}\n"), "> ");
        assert_eq!(
            value(&parse_reply(&on, &survey()), "early_adjuvant"),
            Some(Value::Bool(false))
        );
    }

    #[test]
    fn unquoted_original_counts_only_answer_lines_with_text() {
        let original = questionnaire(&[(1, "yes"), (9, "no")], |a| format!("Answer: {a}\n\n"), "");
        let text = format!(
            "See below.\n\n-----Original Message-----\nFrom: Survey <survey@survey.test>\nSent: 05 January 2026 09:00\nSubject: x\n\n{original}\nWithdrawing: reply 'please delete my answers'\n"
        );
        let reply = parse_reply(&text, &survey());
        assert_eq!(value(&reply, "end_of_life"), Some(Value::Bool(true)));
        assert_eq!(value(&reply, "research"), Some(Value::Bool(false)));
        assert_eq!(reply.answers.len(), 2, "{:?}", reply.answers);
        assert!(!reply.opt_out && !reply.withdraw);
    }

    #[test]
    fn listed_answers_need_a_question_number_in_range() {
        let survey = survey();
        let reply = parse_reply(
            "1. yes\n2) no\n3 - yes\nQ4: 7 out of 10\nQuestion 5: a & c\n11. yes\n",
            &survey,
        );
        assert_eq!(value(&reply, "opioid_sparing"), Some(Value::Bool(true)));
        assert_eq!(value(&reply, "confidence"), Some(Value::Integer(7)));
        assert_eq!(
            value(&reply, "barriers"),
            Some(Value::Choices(vec![
                "expertise".into(),
                "side_effects".into()
            ]))
        );
        assert_eq!(reply.answers.len(), 5);
        // One sentence that starts with a number is not a list.
        let reply = parse_reply("2 of my colleagues will answer too.\n", &survey);
        assert!(reply.answers.is_empty(), "{:?}", reply.answers);
    }

    #[test]
    fn corrections_win_and_conflicts_are_unclear() {
        let survey = survey();
        let reply = parse_reply("4. 7\nSorry, for question 4 I meant 8, not 7.\n", &survey);
        assert_eq!(value(&reply, "confidence"), Some(Value::Integer(8)));
        assert_eq!(reply.corrections, ["confidence"]);
        let text = format!(
            "4. 7\n\n{}",
            questionnaire(&[(4, "5")], |a| format!("> Answer:\n{a}\n"), "> ")
        );
        let reply = parse_reply(&text, &survey);
        assert_eq!(status(&reply, "confidence"), Some(Status::Unclear));
        assert!(
            reply.answers["confidence"]
                .reason
                .as_deref()
                .unwrap_or("")
                .contains("conflicting")
        );
        let same = format!(
            "4. 7\n\n{}",
            questionnaire(&[(4, "7")], |a| format!("> Answer:\n{a}\n"), "> ")
        );
        assert_eq!(
            value(&parse_reply(&same, &survey), "confidence"),
            Some(Value::Integer(7))
        );
    }

    #[test]
    fn signatures_sign_offs_and_footers_are_not_answers() {
        let survey = survey();
        let reply = parse_reply("1. yes\n\nSent from my iPhone\n2. no\n", &survey);
        assert_eq!(reply.answers.len(), 1);
        let text = questionnaire(
            &[(
                10,
                "Good luck with it.\nHappy to help.\n\nKind regards,\nJack\n-- \n1. North Road\nThis email is confidential. yes 12\n",
            )],
            |a| format!("> Answer:\n{a}"),
            "> ",
        );
        let reply = parse_reply(&text, &survey);
        assert_eq!(
            value(&reply, "comments"),
            Some(Value::Text("Good luck with it.\nHappy to help.".into()))
        );
        assert_eq!(reply.answers.len(), 1);
    }

    #[test]
    fn a_name_below_the_last_answer_is_a_signature() {
        let text = questionnaire(
            &[(10, "Good luck with the audit.\n\nDr Jack Clarke\n")],
            |a| format!("> Answer:\n{a}"),
            "> ",
        );
        let reply = parse_reply(&text, &survey());
        assert_eq!(
            value(&reply, "comments"),
            Some(Value::Text("Good luck with the audit.".into()))
        );
        let text = questionnaire(
            &[(10, "Fine.\n\nWe need a protocol.\n")],
            |a| format!("> Answer:\n{a}"),
            "> ",
        );
        let reply = parse_reply(&text, &survey());
        assert_eq!(
            value(&reply, "comments"),
            Some(Value::Text("Fine.\n\nWe need a protocol.".into()))
        );
    }

    #[test]
    fn opt_out_and_withdrawal_in_the_doctors_own_words() {
        let survey = survey();
        let quoted = questionnaire(&[], |_| String::new(), "> ");
        assert!(
            parse_reply(
                &format!("Please remove me from this list.\n\n{quoted}"),
                &survey
            )
            .opt_out
        );
        assert!(parse_reply("STOP\n", &survey).opt_out);
        let reply = parse_reply(&format!("Please delete my answers.\n\n{quoted}"), &survey);
        assert!(reply.withdraw && !reply.opt_out);
        let reply = parse_reply(
            &format!("1. We stopped using it in 2024\n2. no\n\n{quoted}"),
            &survey,
        );
        assert!(!reply.opt_out);
        assert_eq!(status(&reply, "end_of_life"), Some(Status::Unclear));
        assert!(!parse_reply(&quoted, &survey).opt_out);
    }

    #[test]
    fn input_is_bounded() {
        let survey = survey();
        let huge =
            "> 1. Have you used ketamine\n> Answer:\nyes and no and 1. 2. 3\n".repeat(20_000);
        let started = std::time::Instant::now();
        let reply = parse_reply(&huge, &survey);
        assert!(reply.truncated);
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
        let long_line = "a, ".repeat(200_000);
        assert!(parse_reply(&format!("5. {long_line}"), &survey).truncated);
    }
}
