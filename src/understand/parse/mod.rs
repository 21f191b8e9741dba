//! Parsing answers out of a reply, from whatever mail client it came.
//!
//! Generic quote and signature strippers destroy survey answers
//! (they take our quoted questionnaire for the doctor's words, or cut an
//! answer that looks like a signature), so this parser anchors on what we wrote
//! ourselves: the numbered question headings and the `Answer:` line after
//! each (see [`crate::survey::questionnaire`]). It reads, in one pass over the lines:
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

mod compact;
mod correction;
mod deed;
pub mod html;
mod limits;
mod numbering;
mod postscript;
mod prose;
mod reference;
mod revision;
mod told;
mod value;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

use mail_parser::{Message, MessagePart, MimeHeaders, PartType};
use regex::Regex;

use crate::survey::{Question, QuestionKind, Survey};
use crate::understand::answer::{Answer, Status, Value};
use crate::understand::flowed::{self, Wrapping};
use crate::understand::head;

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
/// text (quoted blocks marked with `>`) when it has no text part, or when
/// its HTML strikes text through (`<s>8</s> 6`): the text part beside it
/// shows the struck words as if they stood ("8 6"), the HTML as the
/// doctor saw them. Attached files are not read.
pub fn reply_text(message: &Message<'_>) -> String {
    let mut text = String::new();
    let mut ids: Vec<u32> = message.text_body.clone();
    let struck = || {
        message.html_body.iter().any(|id| {
            matches!(
                message.parts.get(*id as usize).map(|p| &p.body),
                Some(PartType::Html(h)) if html::strikes_through(head(h, MAX_BYTES * 2))
            )
        })
    };
    if ids.is_empty() || (ids != message.html_body && struck()) {
        ids.clone_from(&message.html_body);
    }
    for id in ids {
        let Some(part) = message.parts.get(id as usize) else {
            continue;
        };
        // Only the first MAX_BYTES are read (see `parse_reply_to`); a
        // little more is kept, to know that the text is longer. A text part
        // of 24 MB is no longer copied whole.
        let room = (MAX_BYTES * 2 + 1).saturating_sub(text.len());
        let piece = match &part.body {
            PartType::Text(t) => match wrapping(part) {
                Wrapping::Fixed => Cow::Borrowed(head(t, room)),
                Wrapping::Flowed { delsp } => Cow::Owned(flowed::unflow(head(t, room), delsp)),
            },
            PartType::Html(h) => Cow::Owned(html::to_text_within(h, room)),
            _ => continue,
        };
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(head(&piece, room));
        if text.len() > MAX_BYTES * 2 {
            break;
        }
    }
    text
}

/// How a text part was wrapped, from its content type's parameters.
fn wrapping(part: &MessagePart<'_>) -> Wrapping {
    let parameters = part
        .content_type()
        .and_then(|t| t.attributes())
        .unwrap_or_default();
    Wrapping::of(
        parameters
            .iter()
            .map(|a| (a.name.as_ref(), a.value.as_ref())),
    )
}

/// Reads the answers to `survey`'s questions from `text`, a reply's text.
pub fn parse_reply(text: &str, survey: &Survey) -> ParsedReply {
    parse_reply_to(text, survey, None)
}

/// Reads the answers to `survey`'s questions from `text`, a reply to
/// `sent`, the text of the mail as we sent it (the invitation, when the
/// store has it): a line below an `Answer:` in an unquoted original counts
/// only when it is not a line of `sent` nor of the questionnaire.
pub fn parse_reply_to(text: &str, survey: &Survey, sent: Option<&str>) -> ParsedReply {
    parse_reply_sent(text, survey, sent.map_or(Sent::Unknown, Sent::Text))
}

/// The mail as we sent it (the invitation a reply answers), as the reader
/// of a reply has it. Most replies never look at it (only a line below an
/// unquoted `Answer:` is compared with it), so it may be given as the
/// stored bytes, parsed (MIME, then its text) only the first time a line
/// is compared with it: the daemon parsed every reply's invitation before,
/// a second MIME parse per reply.
#[derive(Debug, Clone, Copy, Default)]
pub enum Sent<'a> {
    /// Not known: only the survey's own text is ours.
    #[default]
    Unknown,
    /// Its text (as [`reply_text`] reads it).
    Text(&'a str),
    /// Its raw bytes, as stored.
    Raw(&'a [u8]),
    /// Its raw bytes, as stored, fetched only the first time a line is
    /// compared with it (`None`: not known).
    Fetched(Fetch<'a>),
}

/// How [`Sent::Fetched`] gets the mail as sent: the daemon's lookup in its
/// store. Loading the invitation (its whole body, about 10 KB) for every
/// reply was a twentieth of the daemon's time reading 10,000 of them,
/// where few replies look at it.
#[derive(Clone, Copy)]
pub struct Fetch<'a>(pub &'a dyn Fn() -> Option<Vec<u8>>);

impl std::fmt::Debug for Fetch<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Fetch")
    }
}

impl Sent<'_> {
    /// Its lines, indexed.
    fn lines(self) -> Option<Lines> {
        match self {
            Sent::Unknown => None,
            Sent::Text(text) => Some(Lines::of(text)),
            Sent::Raw(raw) => {
                crate::understand::mime::parse(raw).map(|m| Lines::of(&reply_text(&m)))
            }
            Sent::Fetched(Fetch(fetch)) => Sent::Raw(&fetch()?).lines(),
        }
    }
}

/// [`parse_reply_to`], the mail as sent given as a [`Sent`].
pub fn parse_reply_sent(text: &str, survey: &Survey, sent: Sent<'_>) -> ParsedReply {
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
    // A table pasted as text (Word, Excel) keeps its cells apart: a row
    // that starts with a question number gets pipes between its cells
    // (read as a table drawn with pipes); every other tab is a space.
    let tabbed: Cow<'_, str> = if text.contains('\t') {
        Cow::Owned(
            text.split('\n')
                .map(|l| compact::tabbed_row(l).unwrap_or_else(|| l.to_owned()))
                .collect::<Vec<_>>()
                .join("\n"),
        )
    } else {
        Cow::Borrowed(text)
    };
    let (clean, marked) = cleaned(&tabbed);
    let mut lines: Vec<Line<'_>> = clean
        .split('\n')
        .zip(marked)
        .map(|(raw, marked)| Line {
            marked,
            ..Line::new(raw)
        })
        .collect();
    if lines.len() > MAX_LINES {
        lines.truncate(MAX_LINES);
        reply.truncated = true;
    }

    let prepared: &Prepared = survey.derived(Prepared::new);
    let headings = &prepared.headings;
    let mut reader = Reader::new(&survey.questions, prepared, sent);
    for (i, line) in lines.iter().enumerate() {
        if crate::understand::budget::expired() {
            break;
        }
        reader.line(i, line, &lines, headings, &mut reply);
    }
    reader.finish();

    let texts = OwnText::new(reader.own.join("\n"), reader.sentences_own());
    for (index, question) in survey.questions.iter().enumerate() {
        let found = std::mem::take(&mut reader.found[index]);
        if matches!(question.kind, QuestionKind::Grid { .. }) {
            grid_into(&mut reply, survey, index, found);
            continue;
        }
        let corrected = found.iter().any(|f| f.origin == Origin::Correction);
        // "12. None": an optional text question with nothing to say is
        // not answered, never the comment "None".
        if let Some(mut answer) = settle(question, found)
            .filter(|a| !no_comment(question, a))
            .filter(|a| !not_applicable_where_it_does_not_apply(survey, index, a, &reply.answers))
        {
            if corrected {
                reply.corrections.push(question.id.clone());
            } else {
                answer = deed_contradicted(question, answer, reader.is_gate(index), &texts);
            }
            reply.answers.insert(question.id.clone(), answer);
        } else if question.required
            && crate::understand::applies::applies(&survey.questions, index, &reply.answers)
                == crate::understand::applies::Applies::Yes
        {
            // A question whose condition is false, or cannot be told from
            // this reply, is not missing.
            reply.missing.push(question.id.clone());
        }
    }
    across_answers(
        &mut reply,
        survey,
        prepared,
        std::mem::take(&mut reader.swapped),
    );
    reply.opt_out =
        OPT_OUT.is_match(&texts.whole) || reader.own.iter().any(|l| STOP_ALONE.is_match(l));
    reply.withdraw = WITHDRAW.is_match(&texts.whole);
    reply
}

/// The reply's text in one pass: invisible characters and `\r` taken out,
/// no-break spaces and tabs made spaces, and the emphasis marks from
/// HTML (see [`html::MARK`]) kept as a flag per line, for options marked
/// only by formatting, and taken out of the text: the text cleaned, and
/// a flag per line.
fn cleaned(text: &str) -> (String, Vec<bool>) {
    let mut clean = String::with_capacity(text.len());
    let mut marked: Vec<bool> = Vec::new();
    let mut line_marked = false;
    let mut rest: &str = text;
    loop {
        // Runs of ASCII but `\r`, `\t` and `\n` (most of any text) are
        // kept as they are, copied whole rather than character by
        // character (issue 23).
        let run = rest
            .bytes()
            .position(|b| !b.is_ascii() || matches!(b, b'\r' | b'\t' | b'\n'))
            .unwrap_or(rest.len());
        clean.push_str(&rest[..run]);
        rest = &rest[run..];
        let Some(c) = rest.chars().next() else {
            break;
        };
        rest = &rest[c.len_utf8()..];
        match c {
            '\r' | '\u{200b}' | '\u{feff}' | '\u{200e}' | '\u{200f}' => {}
            '\u{a0}' | '\t' => clean.push(' '),
            // A table drawn with box-drawing characters reads as one
            // drawn with pipes and dashes.
            '\u{2500}'..='\u{257f}' => clean.push(compact::unboxed(c)),
            '\n' => {
                marked.push(std::mem::take(&mut line_marked));
                clean.push('\n');
            }
            html::MARK => line_marked = true,
            c => clean.push(c),
        }
    }
    marked.push(line_marked);
    (clean, marked)
}

/// A grid's answers, item by item, into the reply (or its missing items).
fn grid_into(reply: &mut ParsedReply, survey: &Survey, index: usize, found: Vec<AnswerText>) {
    let question = &survey.questions[index];
    let QuestionKind::Grid { items, .. } = &question.kind else {
        return;
    };
    let answers = settle_grid(question, found).unwrap_or_else(|| vec![None; items.len()]);
    for (item, answer) in items.iter().zip(answers) {
        let key = question.item_key(item);
        if let Some((answer, corrected)) = answer {
            if corrected {
                reply.corrections.push(key.clone());
            }
            reply.answers.insert(key, answer);
        } else if question.required
            && crate::understand::applies::applies(&survey.questions, index, &reply.answers)
                == crate::understand::applies::Applies::Yes
        {
            reply.missing.push(key);
        }
    }
}

/// What one answer says of another, once every answer is read: answers
/// swapped, a slash that means "or", a comment that gainsays a no.
fn across_answers(
    reply: &mut ParsedReply,
    survey: &Survey,
    prepared: &Prepared,
    swapped: Vec<(usize, usize, String)>,
) {
    same_after_swap(reply, survey, swapped);
    slashes_as_or(reply, survey);
    told_in_a_comment(reply, survey, prepared);
}

/// "7. No" and, in the doctor's comment, "Our shared guidance for the
/// community nurses has made starting it at home far easier": a comment
/// never answers a question on its own (it may say anything), but a
/// sentence of it that the prose reader reads as the other value of a
/// yes/no answer puts that answer in doubt: asked. A corrected answer is
/// left as it is.
fn told_in_a_comment(reply: &mut ParsedReply, survey: &Survey, prepared: &Prepared) {
    let index = &prepared.index;
    let comments: Vec<String> = survey
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::Text)
        .filter_map(
            |q| match reply.answers.get(&q.id).and_then(|a| a.value.as_ref()) {
                Some(Value::Text(text)) => Some(text.clone()),
                _ => None,
            },
        )
        .collect();
    // Words of a wish, a need or a condition: "We would welcome a regional
    // protocol" tells of no protocol had.
    const WISHING: &[&str] = &[
        "would", "could", "should", "might", "may", "need", "needs", "needed", "like", "welcome",
        "want", "wish", "hope", "any", "more", "if", "help", "useful", "better",
    ];
    for comment in comments {
        // A deed of the doctor's own in other words ("getting people off
        // high opioid doses when they become toxic"): a "No" to it asked.
        for sentence in sentences(&comment) {
            for q in told::spoken_of(sentence, &prepared.asked) {
                let question = &survey.questions[q];
                if reply.corrections.contains(&question.id) {
                    continue;
                }
                if let Some(answer) = reply.answers.get_mut(&question.id)
                    && answer.value == Some(Value::Bool(false))
                {
                    *answer = Answer::unclear(
                        format!(
                            "the doctor's comment says otherwise: \"{}\"",
                            sentence.trim()
                        ),
                        format!("{}\n---\n{}", answer.source, sentence.trim()),
                    );
                }
            }
        }
        for (q, told) in prose::read(&comment, &survey.questions, index) {
            let question = &survey.questions[q];
            if question.kind != QuestionKind::YesNo || reply.corrections.contains(&question.id) {
                continue;
            }
            let Some(answer) = reply.answers.get_mut(&question.id) else {
                continue;
            };
            // Only a "No" that the doctor's own deed or possession in the
            // comment gainsays: "our shared guidance ...", "we follow the
            // hospice protocol".
            let words = value::plain_words(&told.source);
            let own = index.owned(q, &words);
            let wished = words.iter().any(|w| WISHING.contains(&w.as_str()));
            if own
                && !wished
                && answer.value == Some(Value::Bool(false))
                && told.value == Some(Value::Bool(true))
            {
                *answer = Answer::unclear(
                    format!(
                        "the doctor's comment says otherwise: \"{}\"",
                        told.source.trim()
                    ),
                    format!("{}\n---\n{}", answer.source, told.source),
                );
            }
        }
    }
}

/// Options joined by a slash ("A/B").
static SLASHED_OPTIONS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b[a-z]\s*/\s*[a-z]\b").expect("valid regex"));
/// Two values offered as one or the other in an answer: "Y/N", "6/7",
/// "yes/no", "5 or 6" ("n/a" is no such pair).
static EITHER_OR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:[a-z0-9]+\s*/\s*[a-z0-9]+|\d+\s+or\s+\d+)\b").expect("valid regex")
});

/// "A/B" under "choose all that apply" reads as both (`value::choice`),
/// unless the same reply offers values as one or the other in another
/// answer ("2. Y/N", "4. 6/7", "4. 5 or 6"): that doctor's slash means
/// "or", and the choice is asked.
fn slashes_as_or(reply: &mut ParsedReply, survey: &Survey) {
    let either_or_elsewhere = |id: &str| {
        reply.answers.iter().any(|(other, answer)| {
            other != id
                && EITHER_OR
                    .find_iter(&answer.source)
                    .any(|m| !m.as_str().eq_ignore_ascii_case("n/a"))
        })
    };
    let asked: Vec<String> = survey
        .questions
        .iter()
        .filter(|q| matches!(q.kind, QuestionKind::MultipleChoice(_)))
        .filter(|q| {
            reply.answers.get(&q.id).is_some_and(|a| {
                matches!(a.value, Some(Value::Choices(_))) && SLASHED_OPTIONS.is_match(&a.source)
            })
        })
        .map(|q| q.id.clone())
        .filter(|id| either_or_elsewhere(id))
        .collect();
    for id in asked {
        if let Some(answer) = reply.answers.get_mut(&id) {
            *answer = Answer::unclear(
                "options with a slash, where this reply offers other answers as one or the other",
                &answer.source,
            );
        }
    }
}

/// Is `answer` to question `index`, whose condition is false on the
/// `answers` before it, only "N/A", "-" or "Does not apply" where the
/// question takes no "not applicable" (unclear as an answer)? The doctor
/// struck out a question that does not apply to them: no answer, never
/// an unclear one or one "answered anyway". "Never" for a date (when did
/// you last prescribe it?) says the same.
fn not_applicable_where_it_does_not_apply(
    survey: &Survey,
    index: usize,
    answer: &Answer,
    answers: &BTreeMap<String, Answer>,
) -> bool {
    let question = &survey.questions[index];
    answer.status == Status::Unclear
        && question.show_if.is_some()
        && (value::not_applicable_said(&answer.source, |t| value::read(question, t))
            || (matches!(question.kind, QuestionKind::Date { .. })
                && answer
                    .source
                    .trim()
                    .trim_end_matches(['.', '!'])
                    .eq_ignore_ascii_case("never")))
        && crate::understand::applies::applies(&survey.questions, index, answers)
            == crate::understand::applies::Applies::No
}

/// Is `answer` to `question`, an optional free text question, only a
/// word that there is nothing to add ("None", "N/A", "-")?
fn no_comment(question: &Question, answer: &Answer) -> bool {
    question.kind == QuestionKind::Text
        && !question.required
        && matches!(&answer.value, Some(Value::Text(t)) if value::says_nothing(t))
}

/// Two answers said to be swapped that are the same: the swap says
/// nothing that can be read, so both are unclear, asked.
fn same_after_swap(reply: &mut ParsedReply, survey: &Survey, swapped: Vec<(usize, usize, String)>) {
    for (a, b, sentence) in swapped {
        let (qa, qb) = (&survey.questions[a], &survey.questions[b]);
        let same = matches!(
            (reply.answers.get(&qa.id), reply.answers.get(&qb.id)),
            (Some(x), Some(y)) if x.status == Status::Ok && y.status == Status::Ok && x.value == y.value
        );
        if same {
            for q in [qa, qb] {
                reply.answers.insert(
                    q.id.clone(),
                    Answer::unclear("the doctor said this answer and another were swapped, but they are the same", &sentence),
                );
            }
        }
    }
}

/// Durations written as a start (`since 2015`), which this reader leaves
/// unclear, counted to `date`, the date of the reply (its Date header):
/// an inferred value, which counts once the doctor confirms it, whose
/// reason says it was counted ("counted from 2015 to the date of your
/// reply"). So are dates written relative to the reply ("yesterday",
/// "last October"). Without a date they stay unclear, and are asked
/// about.
pub fn count_since(reply: &mut ParsedReply, survey: &Survey, date: Option<jiff::civil::Date>) {
    let Some(date) = date else {
        return;
    };
    for question in &survey.questions {
        if matches!(question.kind, QuestionKind::Date { .. }) {
            relative_date(reply, question, date);
            continue;
        }
        let QuestionKind::Duration { unit } = question.kind else {
            continue;
        };
        let Some(answer) = reply
            .answers
            .get_mut(&question.id)
            .filter(|a| a.status == Status::Unclear)
        else {
            continue;
        };
        let Some(since) = value::duration_since(&answer.source) else {
            continue;
        };
        if let Some(n) = value::duration_counted(since, date, unit) {
            let source = std::mem::take(&mut answer.source);
            let value = if n.fract() == 0.0 {
                crate::understand::answer::Value::Integer(n as i64)
            } else {
                crate::understand::answer::Value::Number(n)
            };
            *answer = Answer {
                reason: Some(counted_from(since)),
                ..Answer::inferred(value, source)
            };
        }
    }
}

/// A date question answered relative to the reply ("yesterday", "last
/// month", "last October"), which the reader leaves unclear, counted from
/// `date`, the reply's date: inferred, the doctor confirms it, its reason
/// saying how it was counted.
fn relative_date(reply: &mut ParsedReply, question: &Question, date: jiff::civil::Date) {
    let Some(answer) = reply
        .answers
        .get_mut(&question.id)
        .filter(|a| a.status == Status::Unclear)
    else {
        return;
    };
    if let Some(iso) = value::date_relative(&answer.source, date) {
        let source = std::mem::take(&mut answer.source);
        *answer = Answer {
            reason: Some(format!(
                "read as {iso}, counted from the date of your reply"
            )),
            ..Answer::inferred(crate::understand::answer::Value::Text(iso), source)
        };
    }
}

/// What a receipt says of a duration counted from a year, or from a
/// month of a year ("counted from March 2015 to the date of your reply").
pub fn counted_from(since: (i16, Option<i8>)) -> String {
    let (year, month) = since;
    let start = match month.and_then(|m| jiff::civil::Date::new(year, m, 1).ok()) {
        Some(first) => first.strftime("%B %Y").to_string(),
        None => year.to_string(),
    };
    format!("counted from {start} to the date of your reply")
}

/// A duration answer as the mail to the doctor shows it: the number with
/// its unit, and how it was counted when it was (`11 years (counted from
/// 2015 to the date of your reply)`); `None` for other questions or no
/// number.
pub fn duration_shown(question: &Question, answer: &Answer) -> Option<String> {
    let QuestionKind::Duration { unit } = question.kind else {
        return None;
    };
    let number = match answer.value.as_ref()? {
        crate::understand::answer::Value::Integer(n) => n.to_string(),
        crate::understand::answer::Value::Number(x) => x.to_string(),
        _ => return None,
    };
    let mut shown = format!("{number} {}", unit.name());
    if let Some(since) = value::duration_since(&answer.source) {
        shown.push_str(&format!(" ({})", counted_from(since)));
    }
    Some(shown)
}

/// What reading any reply to a survey needs of the survey itself, worked
/// out on the first reply read and kept with the survey
/// ([`Survey::derived`]): before, every reply rendered the questionnaire
/// again and indexed the questions' words again, which took about as long
/// as the MIME parse itself.
struct Prepared {
    /// The lines we wrote ourselves, the mail as sent aside.
    ours: Lines,
    /// The questions' words.
    index: prose::Index,
    /// The questions' headings.
    headings: Headings,
    /// The yes/no questions asked of the use of a drug, for [`told`].
    asked: told::Asked,
    /// Who we are in a header block of an original.
    us: Us,
}

impl Prepared {
    fn new(survey: &Survey) -> Prepared {
        Prepared {
            ours: Lines::of(&survey_text(survey)),
            index: prose::Index::new(&survey.questions),
            headings: Headings::new(&survey.questions),
            asked: told::Asked::new(&survey.questions),
            us: Us::new(survey),
        }
    }
}

/// Who we are in the `From:` and `To:` lines of a header block that
/// Outlook leaves unquoted (lower case): the survey's inbox (its address,
/// its plus-addresses, its name), and everyone on our side (the inbox and
/// the leads, by address or name).
struct Us {
    /// The survey's address, its name, and the start and end of its
    /// plus-addresses (`survey+`, `@survey.test`).
    inbox: Vec<String>,
    plus: (String, String),
    /// The leads' addresses and names.
    leads: Vec<String>,
}

impl Us {
    fn new(survey: &Survey) -> Us {
        let sender = &survey.sender;
        Us {
            inbox: [
                sender.address.to_string(),
                sender.reply_to.to_string(),
                sender.name.clone(),
            ]
            .into_iter()
            .map(|s| s.to_lowercase())
            .filter(|s| !s.is_empty())
            .collect(),
            plus: (
                format!("{}+", sender.reply_to.user()).to_lowercase(),
                format!("@{}", sender.reply_to.domain()).to_lowercase(),
            ),
            leads: survey
                .leads
                .iter()
                .flat_map(|l| [l.email.to_lowercase(), l.name.to_lowercase()])
                .filter(|s| !s.is_empty())
                .collect(),
        }
    }

    /// Whether a header line names the survey's inbox.
    fn inbox_in(&self, line: &str) -> bool {
        let line = line.to_lowercase();
        self.inbox.iter().any(|s| line.contains(s.as_str()))
            || line
                .find(self.plus.0.as_str())
                .is_some_and(|at| line[at..].contains(self.plus.1.as_str()))
    }

    /// Whether a header line names us: the inbox or a lead.
    fn us_in(&self, line: &str) -> bool {
        self.inbox_in(line) || {
            let line = line.to_lowercase();
            self.leads.iter().any(|s| line.contains(s.as_str()))
        }
    }
}

/// The text of ours a reply may quote: the questionnaire, its
/// instructions, the questions' headings and the survey's own paragraphs.
fn survey_text(survey: &Survey) -> String {
    let mut text = crate::survey::questionnaire::render_text(
        survey.questions.iter().enumerate().map(|(i, q)| (i + 1, q)),
    );
    text.push('\n');
    text.push_str(&crate::survey::questionnaire::instructions_text());
    for q in &survey.questions {
        text.push('\n');
        text.push_str(&crate::survey::questionnaire::heading(0, q));
    }
    for paragraph in [
        &survey.title,
        &survey.subject,
        &survey.description,
        &survey.study.purpose,
        &survey.study.run_by,
        &survey.study.ethics_reference,
        &survey.study.data_use,
        &survey.study.withdrawal,
        &survey.sender.name,
    ] {
        text.push('\n');
        text.push_str(paragraph);
    }
    text
}

/// A line's answers by place at the top ([`compact::by_position`]).
type Placed = Option<Vec<compact::Place>>;

/// Lines of a text, normalised, to look a line up in.
struct Lines {
    lines: HashSet<String>,
    /// Everything, on one line: a line wrapped differently by the doctor's
    /// client is still found in it.
    all: String,
}

impl Lines {
    fn of(text: &str) -> Lines {
        Lines {
            lines: text
                .lines()
                .map(normalise_line)
                .filter(|l| !l.is_empty())
                .collect(),
            all: normalise_line(&text.replace('\n', " ")),
        }
    }

    /// `line` normalised is one of these lines or, at 20 bytes or more,
    /// part of them.
    fn has(&self, line: &str) -> bool {
        self.lines.contains(line) || (line.len() >= 20 && self.all.contains(line))
    }
}

/// What we wrote, to tell it from the doctor's words in an unquoted
/// original: the survey's own text and `sent`, the mail as sent.
/// `sent`'s lines are indexed the first time they are looked at: most
/// replies never are (only a line below an unquoted `Answer:` is), and
/// indexing the mail as sent for every reply cost the daemon as much as
/// reading many a reply.
struct Ours<'p> {
    survey: &'p Lines,
    sent: Sent<'p>,
    sent_lines: std::cell::OnceCell<Option<Lines>>,
}

impl Ours<'_> {
    fn contains(&self, line: &str) -> bool {
        let line = normalise_line(line);
        self.survey.has(&line)
            || self
                .sent_lines
                .get_or_init(|| self.sent.lines())
                .as_ref()
                .is_some_and(|sent| sent.has(&line))
    }
}

/// A line as compared with ours: lowercase, single spaces, no `>`.
fn normalise_line(line: &str) -> String {
    // One string built, lowercased in place when ASCII: every line of an
    // unquoted original is compared so (issue 23).
    let line = line.trim_start_matches(['>', ' ']);
    let mut out = String::with_capacity(line.len());
    for word in line.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_ascii() {
        out.make_ascii_lowercase();
        out
    } else {
        out.to_lowercase()
    }
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
/// A `To:` or `Cc:` line of a header block, with something after it.
static TO_FIELD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\*?(to|cc|an)\s*\*?\s*:\s*\S").expect("valid regex"));
static FROM_FIELD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\*?(from|von|de)\s*\*?\s*:\s*\S").expect("valid regex"));
/// A line that starts with a question's number: a listed answer.
static LISTED_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*[(\[]?(?:q(?:uestion)?\s*\.?\s*)?\d{1,2}\s*[.):\]\-–]")
        .expect("valid regex")
});
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
    /// Some of it was bold or coloured in the HTML.
    marked: bool,
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
            marked: false,
        }
    }
}

/// The start of each question's text, to recognise its heading line.
struct Headings {
    starts: Vec<Vec<String>>,
    /// The words of each question's heading as we render it, after its
    /// number: what [`after_question`] compares a heading line with,
    /// rendered and split once rather than for every heading line read.
    rendered: Vec<Vec<String>>,
    /// Each of `rendered` joined by single spaces: a heading line quoted
    /// whole is told by one comparison (issue 23).
    joined: Vec<String>,
}

impl Headings {
    fn new(questions: &[Question]) -> Headings {
        let starts = questions
            .iter()
            .map(|q| words(&q.display_text()).into_iter().take(6).collect())
            .collect();
        let rendered = questions
            .iter()
            .map(|q| {
                crate::survey::questionnaire::heading(0, q)
                    .split_whitespace()
                    .skip(1)
                    .map(str::to_owned)
                    .collect()
            })
            .collect::<Vec<Vec<String>>>();
        let joined = rendered.iter().map(|words| words.join(" ")).collect();
        Headings {
            starts,
            rendered,
            joined,
        }
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
        // `words(rest).starts_with(start)`, without lowercasing and
        // collecting every word of the line (issue 23).
        let mut words = rest
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty());
        let same = start
            .iter()
            .all(|lower| words.next().is_some_and(|w| lowercases_to(w, lower)));
        (!start.is_empty() && same).then_some(index)
    }
}

/// Is `lower` what `word.to_lowercase()` gives? Compared in place for an
/// ASCII word (`lower`, a lowercased word, has no ASCII capitals).
fn lowercases_to(word: &str, lower: &str) -> bool {
    if word.is_ascii() {
        word.eq_ignore_ascii_case(lower)
    } else {
        word.to_lowercase() == lower
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
    /// "Protocol - yes": labelled by words of the question.
    Labelled,
    /// `[x]` or a tick beside an option of the questionnaire.
    Ticked,
    /// An option marked only by formatting (bold, colour): inferred.
    Marked,
    /// Bare lines in order, one per question: inferred.
    Ordered,
    /// A sentence about the question: inferred.
    Prose,
    /// "Yes to all but 2 and 5".
    Summary,
    /// "PS 7 is a yes": an answer said again by its number, without a
    /// word of correction; it must agree with the others.
    Restated,
    /// "I've only used it in the last days of life" against a question
    /// about early use, "we switched two patients onto it to bring their
    /// oxycodone down" against a no to the opioid question: only ever
    /// contradicts, never answers.
    Limit,
}

impl Origin {
    /// Read with certainty, or only plausibly (the doctor confirms it)?
    fn inferred(self) -> bool {
        matches!(
            self,
            Origin::Marked | Origin::Ordered | Origin::Prose | Origin::Limit
        )
    }
}

/// The text a reply gives as one question's answer, and where in the
/// reply it was found.
struct AnswerText {
    text: String,
    origin: Origin,
    /// Already read (a sentence), rather than to be read from `text`.
    answer: Option<Answer>,
}

impl AnswerText {
    fn new(text: String, origin: Origin) -> AnswerText {
        AnswerText {
            text,
            origin,
            answer: None,
        }
    }
}

/// Text being gathered below an `Answer:` line.
struct Gathering {
    question: usize,
    lines: Vec<String>,
    /// Do the unquoted lines below belong to the doctor? Not inside an
    /// unquoted original, where they are ours.
    follow: bool,
    /// Inside an unquoted original, below an empty `Answer:`: the first
    /// paragraph below is the doctor's if it is not ours.
    below: bool,
}

struct Reader<'q> {
    questions: &'q [Question],
    index: &'q prose::Index,
    ours: Ours<'q>,
    found: Vec<Vec<AnswerText>>,
    /// The doctor's own lines at the top that are not numbered or labelled
    /// answers ("" between paragraphs): bare answers in order, or prose.
    top_lines: Vec<String>,
    /// Answer lines at the top labelled by a question's words (placed or
    /// not): then bare lines are not answers in order.
    labelled: usize,
    /// Options ticked under the current heading: letter, and whether only
    /// by formatting.
    ticks: Vec<(char, bool, Option<String>)>,
    /// The doctor's own lines, for opt-out and withdrawal requests.
    own: Vec<String>,
    /// The doctor's lines below a sign-off and above the signature (a
    /// postscript): read for corrections, and for sentences that only
    /// contradict (limits, deeds told).
    postscript: Vec<String>,
    gathering: Option<Gathering>,
    /// The question whose heading was seen last and whose `Answer:` line
    /// has not come yet.
    heading: Option<usize>,
    /// Still at the top of the reply, where answers may be listed.
    at_top: bool,
    /// Inside an original that is not `>`-quoted.
    in_original: bool,
    in_instructions: bool,
    /// Below a signature delimiter, a footer or a disclaimer: nothing more
    /// of the doctor's is read until our questionnaire starts again.
    after_signature: bool,
    /// Below a sign-off ("Thanks,"): only a correction is still read.
    after_sign_off: bool,
    /// Listed answers seen at the top: question, text, written with
    /// punctuation (`1.`, `Q1`) rather than just a space.
    listed: Vec<(usize, String, bool)>,
    listing_open: bool,
    /// The number and numbering of the last line listed by
    /// [`numbering::numbered`]: a line numbered only by a digit and a
    /// space, or in words, counts when it follows on from it.
    last_numbered: Option<(usize, (numbering::Style, char))>,
    /// "Yes to all but 2 and 5" at the top, and the line it was read from.
    summary: Option<(compact::Summary, String)>,
    /// "Yes to the rest" at the top, and the line it was read from.
    rest: Option<(bool, String)>,
    /// Two questions whose answers the doctor said were swapped ("I got 6
    /// and 7 the wrong way round"), and the sentence.
    swaps: Vec<(usize, usize, String)>,
    /// The swaps made: two answers that were the same were not swapped
    /// at all, so what was meant is asked.
    swapped: Vec<(usize, usize, String)>,
    /// Questions of another kind than yes/no named by place ("no to the
    /// first five" covering the scale), and the line: unclear unless
    /// something else answers them.
    covered: Vec<(usize, String)>,
    /// The heading just seen was quoted: the doctor's unquoted lines
    /// before its quoted `Answer:` answer it (the client split the quote).
    heading_quoted: bool,
    /// Those lines.
    between: Vec<String>,
    /// The words of the heading just seen that its line did not hold (the
    /// client wrapped it), and that line's quoting depth: the next line
    /// may end it and then hold the answer typed after it.
    heading_left: Option<(Vec<String>, usize)>,
    /// The columns of a table drawn with pipes, as its header laid them
    /// out ("| No. | Answer | Notes |", "| Q | Yes | No | Other |"),
    /// while the table lasts.
    columns: Option<compact::Columns>,
    /// The quote began with nothing of the doctor's above it: their first
    /// own lines below it are read as the top (bottom-posting).
    bottom_posting: bool,
    /// A question that others' conditions test, just corrected ("1
    /// should be yes"): the doctor's next sentences may answer the
    /// questions that now apply ("So 2 is a, and 10 is March 2024").
    gate_corrected: Option<usize>,
    /// Doubts in the doctor's own words about answers not given yet
    /// ("the 8 I put for Q3 is too generous, more like 5 or 6" above the
    /// answers typed into the form), and the sentence: applied once the
    /// whole reply is read, to the answers given below them.
    doubts_ahead: Vec<(usize, String)>,
    /// A postscript of the doctor's own has begun ("PS", "P.S."), and
    /// whether it holds a word of correction ("sorry, I've just checked"):
    /// then its answers by number are corrections ([`postscript`]).
    in_postscript: Option<bool>,
    /// Who we are in a header block.
    us: &'q Us,
    /// The yes/no questions asked of the use of a drug ([`told`]).
    asked: &'q told::Asked,
    /// In the header block of a copy of the doctor's own mail that never
    /// reached us (see [`Reader::own_copy`]): its lines are skipped, and
    /// the mail below it is read as the top of the reply.
    copy_header: bool,
}

impl<'q> Reader<'q> {
    fn new(questions: &'q [Question], prepared: &'q Prepared, sent: Sent<'q>) -> Reader<'q> {
        Reader {
            questions,
            index: &prepared.index,
            ours: Ours {
                survey: &prepared.ours,
                sent,
                sent_lines: std::cell::OnceCell::new(),
            },
            top_lines: Vec::new(),
            labelled: 0,
            ticks: Vec::new(),
            found: (0..questions.len()).map(|_| Vec::new()).collect(),
            own: Vec::new(),
            postscript: Vec::new(),
            gathering: None,
            heading: None,
            at_top: true,
            in_original: false,
            in_instructions: false,
            after_signature: false,
            after_sign_off: false,
            listed: Vec::new(),
            listing_open: false,
            last_numbered: None,
            summary: None,
            rest: None,
            covered: Vec::new(),
            swaps: Vec::new(),
            swapped: Vec::new(),
            heading_quoted: false,
            between: Vec::new(),
            heading_left: None,
            columns: None,
            bottom_posting: false,
            gate_corrected: None,
            doubts_ahead: Vec::new(),
            in_postscript: None,
            us: &prepared.us,
            asked: &prepared.asked,
            copy_header: false,
        }
    }

    /// Reads one line of the reply, in the order the kinds of line are
    /// recognised: the instructions block, the questionnaire's own lines
    /// (headings, `Answer:` lines, options), quoted lines, blank lines, the
    /// start of a quoted original, lines inside it, signatures, and last the
    /// person's own words.
    fn line(
        &mut self,
        i: usize,
        line: &Line<'_>,
        lines: &[Line<'_>],
        headings: &Headings,
        reply: &mut ParsedReply,
    ) {
        let text = line.text;
        if self.instructions(text) || self.questionnaire_line(line, headings, reply) {
            return;
        }
        if line.depth > 0 {
            if !text.is_empty() {
                self.end_top();
                self.close();
            }
            return;
        }
        if self.copy_header {
            if text.is_empty() {
                // The copied mail itself starts: read as the top.
                self.copy_header = false;
                self.at_top = true;
                self.bottom_posting = false;
            }
            return;
        }
        if text.is_empty() {
            self.blank_line();
            return;
        }
        if self.original_starts(i, text, lines) {
            return;
        }
        if self.in_original {
            self.original_line(text);
            return;
        }
        if SIGNATURE.is_match(text) || FOOTER.is_match(text) {
            self.end_top();
            self.close();
            self.after_signature = true;
            return;
        }
        if self.after_signature {
            return;
        }
        if SIGN_OFF.is_match(text) {
            self.end_top();
            self.close();
            self.after_sign_off = true;
            return;
        }
        if self.after_sign_off {
            // Below "Thanks, Jack" and above the signature: a postscript
            // may still correct an answer ("PS: for 4 I meant 6"), nothing
            // else is read, but for what only contradicts.
            let placed = self.at_top && compact::by_position(text, self.found.len()).is_some();
            self.correction(text, placed);
            self.postscript.push(text.to_owned());
            return;
        }
        self.own_line(text);
    }

    /// The "How to answer:" block of the questionnaire, up to the first blank
    /// line: skipped. True when `text` belongs to it.
    fn instructions(&mut self, text: &str) -> bool {
        if self.in_instructions {
            if text.is_empty() {
                self.in_instructions = false;
            }
            return true;
        }
        // ASCII case is enough: no other character lowercases to one of
        // these letters (only `İ` and the Kelvin sign lowercase to ASCII).
        if text
            .get(..14)
            .is_some_and(|start| start.eq_ignore_ascii_case("how to answer:"))
        {
            self.end_top();
            self.close();
            self.in_instructions = true;
            return true;
        }
        false
    }

    /// A line of the questionnaire we sent (a question's heading, an
    /// `Answer:` line, or an option line under a heading), quoted or not.
    /// True when `line` is one.
    fn questionnaire_line(
        &mut self,
        line: &Line<'_>,
        headings: &Headings,
        reply: &mut ParsedReply,
    ) -> bool {
        let text = line.text;
        if self.heading_continues(line) {
            return true;
        }
        if let Some(index) = headings.find(text) {
            self.end_top();
            self.close();
            self.flush_ticks();
            self.flush_between();
            self.heading = Some(index);
            self.heading_quoted = line.depth > 0 && !self.in_original;
            // Outlook: the answer typed, often in colour, right after the
            // question's own text, its `Answer:` left empty; Gmail and
            // Apple Mail: typed into the quote of our mail (one level deep,
            // never in a quote of a quote).
            match after_question(text, &headings.rendered[index], &headings.joined[index]) {
                Typed::After(rest) if line.depth <= 1 => {
                    self.found[index].push(AnswerText::new(rest, Origin::Inline));
                }
                Typed::Wrapped(left) if line.depth <= 1 => {
                    self.heading_left = Some((left, line.depth));
                }
                _ => {}
            }
            self.after_signature = false;
            self.after_sign_off = false;
            reply.quotes_questionnaire = true;
            return true;
        }
        if let Some(rest) = answer_line(text) {
            self.end_top();
            self.close();
            self.flush_ticks();
            self.after_signature = false;
            self.after_sign_off = false;
            reply.quotes_questionnaire = true;
            self.flush_between();
            if let Some(question) = self.heading.take() {
                self.start_gathering(question, rest, line.depth);
            }
            return true;
        }
        if let Some(q) = self.heading
            && let Some(entry) = value_beside(text, &self.questions[q])
        {
            // Outlook: a grid item's or a ranking option's value typed at
            // the end of its line of ours (`a) Choosing a starting dose
            // 4`): gathered as `a) 4` with the lines beside it.
            self.between.push(entry);
            return true;
        }
        if let Some(q) = self.heading
            && let Some((letter, marked, said)) = option_line(text, line.marked, &self.questions[q])
        {
            // An option line of ours, ticked or not. A grid's items and a
            // ranking's options are not chosen by a tick.
            let ticked_kind = !matches!(
                self.questions[q].kind,
                QuestionKind::Grid { .. } | QuestionKind::Ranking(_)
            );
            if let Some(how) = marked.filter(|_| ticked_kind) {
                self.ticks.push((letter, how == Mark::Formatting, said));
            }
            return true;
        }
        false
    }

    /// The next line of a heading the client wrapped, at the heading's
    /// own depth: true when it goes on with our words. When it ends them
    /// and holds more, the more is the answer typed after the question.
    fn heading_continues(&mut self, line: &Line<'_>) -> bool {
        let Some((left, depth)) = self.heading_left.take() else {
            return false;
        };
        let Some(q) = self.heading.filter(|_| line.depth == depth) else {
            return false;
        };
        match typed_after(&left, line.text) {
            Typed::After(rest) => {
                self.found[q].push(AnswerText::new(rest, Origin::Inline));
                true
            }
            Typed::Wrapped(more) => {
                self.heading_left = Some((more, depth));
                true
            }
            Typed::Nothing => false,
        }
    }

    /// Begins gathering the answer to `question` from its `Answer:` line,
    /// whose text after the label is `rest`.
    fn start_gathering(&mut self, question: usize, rest: &str, depth: usize) {
        let mut lines = Vec::new();
        if !rest.is_empty() {
            lines.push(rest.to_owned());
            if depth == 0 && !self.in_original {
                self.own.push(rest.to_owned());
            }
        }
        self.gathering = Some(Gathering {
            question,
            below: depth == 0 && self.in_original && lines.is_empty(),
            lines,
            follow: depth > 0 || !self.in_original,
        });
    }

    /// An empty unquoted line: ends a paragraph below an unquoted `Answer:`
    /// and a numbered listing.
    fn blank_line(&mut self) {
        if let Some(g) = &mut self.gathering {
            if g.below {
                // One paragraph below an unquoted `Answer:`, no more.
                if !g.lines.is_empty() {
                    self.close();
                }
            } else {
                g.lines.push(String::new());
            }
        }
        if self.at_top && self.top_lines.last().is_some_and(|l| !l.is_empty()) {
            self.top_lines.push(String::new());
        }
        self.listing_open = false;
    }

    /// Whether line `i` starts the original message below the person's own
    /// words (an Outlook header block or a "… wrote:" attribution). True
    /// when it is such a line.
    fn original_starts(&mut self, i: usize, text: &str, lines: &[Line<'_>]) -> bool {
        if self.starts_original(i, lines) {
            self.end_top();
            self.close();
            // "-----Original Message-----" above a `>`-quoted original
            // (Outlook's text replies with prefixing on): the quoting tells
            // the doctor's lines from ours, as under "... wrote:".
            let next = lines[i + 1..].iter().find(|l| !l.text.is_empty());
            self.in_original = next.is_none_or(|l| l.depth == 0);
            if self.in_original
                && self.bottom_posting
                && self.heading.is_none()
                && self.own_copy(i, lines)
            {
                // The doctor's own mail to someone else, forwarded or
                // passed on below a note ("Forwarding my answers below",
                // a secretary's "Please see Dr Clarke's answers below"):
                // nothing above gave an answer, so it is read as the top.
                self.in_original = false;
                self.copy_header = true;
                self.after_signature = false;
                self.after_sign_off = false;
            }
            return true;
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
            return true;
        }
        false
    }

    /// An unquoted line inside the original: read only as the paragraph
    /// below an unquoted `Answer:`, up to our own text or a signature.
    fn original_line(&mut self, text: &str) {
        if let Some(g) = &mut self.gathering
            && g.below
        {
            if self.ours.contains(text)
                || SIGNATURE.is_match(text)
                || SIGN_OFF.is_match(text)
                || FOOTER.is_match(text)
                || HEADER_FIELD.is_match(text)
            {
                self.close();
            } else {
                g.lines.push(text.to_owned());
            }
        }
    }

    /// A line in the person's own words: a correction ("question 3: I meant 4"),
    /// the continuation of an answer being gathered, or, above the quoted
    /// text, a numbered, labelled or prose answer.
    fn own_line(&mut self, text: &str) {
        self.own.push(text.to_owned());
        // "First two yes, 3 = yes, 4 = 6, and yes to the rest": answers by
        // place and number at the top, read once for the correction check
        // and the top's reading.
        let placed = self
            .at_top
            .then(|| compact::by_position(text, self.found.len()));
        if self.correction(text, placed.as_ref().is_some_and(Option::is_some)) {
            return;
        }
        let lettered_answer = self.heading.is_some_and(|q| {
            matches!(
                self.questions[q].kind,
                QuestionKind::Grid { .. } | QuestionKind::Ranking(_)
            )
        }) && value::grid_letter(text);
        if self.heading.is_some()
            && (self.heading_quoted || lettered_answer)
            && self.gathering.is_none()
        {
            self.between.push(text.to_owned());
            return;
        }
        if let Some(g) = &mut self.gathering {
            if g.follow {
                g.lines.push(text.to_owned());
                return;
            }
            self.close();
        }
        if !self.at_top && self.bottom_posting && self.heading.is_none() {
            // The doctor's first own words, below the whole quote, with
            // nothing above it: read as the top of the reply is.
            self.bottom_posting = false;
            self.at_top = true;
        }
        if self.at_top {
            self.top_line(text, placed);
        }
    }

    /// A correction of one answer in the doctor's own line ("for question
    /// 4 I meant 8", "PS: for 4 I meant 6", "make that 8 for the confidence
    /// one"): recorded, and true, when the line is one. A question named by
    /// words must be named by exactly one question's words.
    /// `placed`: the line gives answers by place at the top
    /// ([`compact::by_position`]).
    fn correction(&mut self, text: &str, placed: bool) -> bool {
        if postscript::starts(text) {
            self.in_postscript = Some(false);
        }
        if let Some(correcting) = &mut self.in_postscript {
            *correcting |= postscript::correcting(text);
        }
        if placed {
            // "First two yes, 3 = yes, 4 = 6, and yes to the rest": answers
            // by place and number, its "3 = yes" no correction.
            return false;
        }
        let mut any = false;
        for sentence in sentences(text) {
            any |= self.postscript_in(sentence) || self.correction_in(sentence);
        }
        any
    }

    /// In a postscript with a word of correction, a sentence giving
    /// answers by number ("So 7 is yes, and 8 is no"): recorded as
    /// corrections, and true when it was one.
    fn postscript_in(&mut self, text: &str) -> bool {
        if self.in_postscript != Some(true) {
            return false;
        }
        let found = postscript::answers(text, self.questions);
        if found.is_empty() {
            return false;
        }
        self.close();
        for (index, wanted) in found {
            if self.is_gate(index) {
                self.gate_corrected = Some(index);
            }
            self.found[index].push(AnswerText::new(wanted, Origin::Correction));
        }
        self.listing_open = false;
        true
    }

    /// Answers that a sentence seems to change though it could not be read
    /// as a correction ([`correction::unread`]): each in doubt, asked (or,
    /// when not given yet, in doubt once it is).
    fn doubt_all(&mut self, doubted: Vec<usize>, text: &str) -> bool {
        self.close();
        let sentence = text.trim().to_owned();
        for index in doubted {
            if self.no_answer_yet(index) {
                self.doubts_ahead.push((index, sentence.clone()));
                continue;
            }
            self.found[index].push(AnswerText {
                answer: Some(Answer::unclear(
                    "the doctor seems to change this answer in words that could not be read",
                    &sentence,
                )),
                text: sentence.clone(),
                origin: Origin::Correction,
            });
        }
        self.listing_open = false;
        true
    }

    /// One sentence's correction, if it is one.
    fn correction_in(&mut self, text: &str) -> bool {
        // The question answered just before: what a grid item's letter
        // alone ("sorry, b) should be 2") corrects.
        let context = self
            .gathering
            .as_ref()
            .map(|g| g.question)
            .or_else(|| {
                self.at_top
                    .then(|| self.listed.last().map(|l| l.0))
                    .flatten()
            })
            .or(self.heading);
        if let Some((a, b)) = correction::swapped(text, self.questions.len()) {
            self.close();
            self.swaps.push((a, b, text.trim().to_owned()));
            self.listing_open = false;
            return true;
        }
        let Some((index, fix)) = correction::read(text, self.questions, self.index)
            .or_else(|| correction::item(text, self.questions, context))
            .or_else(|| revision::read(text, self.questions))
        else {
            let taken = correction::taken_back(text, self.questions.len());
            if taken.is_empty() {
                let doubted = correction::unread(text, self.questions);
                if doubted.is_empty() {
                    return self.dependants(text);
                }
                return self.doubt_all(doubted, text);
            }
            // "I got 6 and 7 wrong": each answer no longer stands.
            self.close();
            for index in taken {
                self.found[index].push(AnswerText {
                    answer: Some(Answer::unclear(
                        "the doctor took this answer back without giving a new one",
                        text.trim(),
                    )),
                    text: text.trim().to_owned(),
                    origin: Origin::Correction,
                });
            }
            self.listing_open = false;
            return true;
        };
        let gate = matches!(fix, correction::Fix::Value(_)) && self.is_gate(index);
        if gate {
            self.gate_corrected = Some(index);
        }
        self.close();
        if let correction::Fix::Doubted(sentence) = &fix
            && self.no_answer_yet(index)
        {
            // Doubt about an answer not given yet: nothing to take back,
            // unless the answer comes further down (a note above the
            // answers typed into the form), see `apply_doubts_ahead`.
            self.doubts_ahead.push((index, sentence.clone()));
            return false;
        }
        let found = match fix {
            correction::Fix::Value(wanted) => AnswerText::new(wanted, Origin::Correction),
            correction::Fix::Restated(said) => AnswerText::new(said, Origin::Restated),
            correction::Fix::Retracted(sentence) => AnswerText {
                answer: Some(Answer::unclear(
                    "the doctor took this answer back without giving a new one",
                    &sentence,
                )),
                text: sentence,
                origin: Origin::Correction,
            },
            correction::Fix::Doubted(sentence) => AnswerText {
                answer: Some(Answer::unclear(
                    "the doctor is no longer sure of this answer",
                    &sentence,
                )),
                text: sentence,
                origin: Origin::Correction,
            },
        };
        self.found[index].push(found);
        self.listing_open = false;
        if gate {
            // "1 should have been yes, so 2 is a": its dependants in the
            // same sentence.
            self.dependants(text);
        }
        true
    }

    /// Once every line is read: the top ended, the answer being gathered
    /// closed, then what applies to the answers found (a summary, swaps,
    /// doubts written above the answers, pointers, limits), in that order.
    fn finish(&mut self) {
        self.end_top();
        self.close();
        self.flush_between();
        self.apply_summary();
        self.apply_swaps();
        self.apply_doubts_ahead();
        self.resolve_references();
        self.apply_limits();
    }

    /// The doubts read before the answers they doubt (see
    /// `doubts_ahead`): each answer given later, and not corrected since,
    /// is unclear (asked); a doubt about a question never answered is
    /// nothing.
    fn apply_doubts_ahead(&mut self) {
        for (index, sentence) in std::mem::take(&mut self.doubts_ahead) {
            let found = &mut self.found[index];
            if found.is_empty() || found.iter().any(|f| f.origin == Origin::Correction) {
                continue;
            }
            found.push(AnswerText {
                answer: Some(Answer::unclear(
                    "the doctor is no longer sure of this answer",
                    &sentence,
                )),
                text: sentence,
                origin: Origin::Correction,
            });
        }
    }

    /// After a correction of a question that others' conditions test,
    /// the answers a sentence gives to those questions by number ("So 2
    /// is a, and 10 is March 2024"): recorded as corrections, and true
    /// when there was one.
    fn dependants(&mut self, text: &str) -> bool {
        let Some(gate) = self.gate_corrected else {
            return false;
        };
        let found = correction::dependants(text, self.questions, gate);
        if found.is_empty() {
            return false;
        }
        self.close();
        for (index, fix) in found {
            if let correction::Fix::Value(wanted) = fix {
                self.found[index].push(AnswerText::new(wanted, Origin::Correction));
            }
        }
        self.listing_open = false;
        true
    }

    /// Does another question's condition test question `index`?
    fn is_gate(&self, index: usize) -> bool {
        let id = self.questions[index].id.as_str();
        self.questions.iter().any(|q| {
            q.show_if
                .as_ref()
                .is_some_and(|s| s.condition.questions().contains(&id))
        })
    }

    /// The doctor's sentences without their listed answers ("3. I have
    /// never used it" answers 3, and says nothing of the other questions),
    /// and their postscript.
    fn sentences_own(&self) -> String {
        self.own
            .iter()
            .filter(|l| !LISTED_LINE.is_match(l))
            .chain(&self.postscript)
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Has nothing answered question `index` so far (listed answers at
    /// the top count, though kept until the top ends)?
    fn no_answer_yet(&self, index: usize) -> bool {
        self.found[index].is_empty() && !self.listed.iter().any(|(q, _, _)| *q == index)
    }

    /// A summary ("yes to all but 2 and 5") answers every yes/no question:
    /// its value, the opposite for the exceptions. A question of another
    /// kind that it covers and nothing else answers is unclear (asked),
    /// never guessed; free text is not covered.
    fn apply_summary(&mut self) {
        self.apply_rest();
        let Some((summary, line)) = self.summary.take() else {
            return;
        };
        for (q, question) in self.questions.iter().enumerate() {
            let excepted = summary.except.contains(&q);
            if summary.unsure.contains(&q) {
                // "Yes to all except I'm not sure about 7": asked.
                let reason = if summary.doubted_exceptions {
                    "a summary's exception whose value the words after it do not give"
                } else {
                    "the doctor is not sure of this answer"
                };
                self.found[q].push(AnswerText {
                    text: line.clone(),
                    origin: Origin::Summary,
                    answer: Some(Answer::unclear(reason, &line)),
                });
                continue;
            }
            match question.kind {
                QuestionKind::YesNo => {
                    let yes = summary.value != excepted;
                    let text = if yes { "yes" } else { "no" };
                    self.found[q].push(AnswerText::new(text.to_owned(), Origin::Summary));
                }
                QuestionKind::Text => {}
                _ if excepted || summary.yes_no_only || !self.found[q].is_empty() => {}
                _ => self.found[q].push(AnswerText {
                    text: line.clone(),
                    origin: Origin::Summary,
                    answer: Some(Answer::unclear(
                        "a summary such as \"yes to all\" does not give this answer",
                        &line,
                    )),
                }),
            }
        }
    }

    /// Answers said to be swapped ("I mixed up 2 and 3") change places:
    /// what was given by the question's number or place (listed, inline,
    /// ticked, in a table or a summary), never what named the question by
    /// its words (labels, prose) nor a correction. Two questions of
    /// different kinds cannot swap: both are unclear, asked.
    fn apply_swaps(&mut self) {
        for (a, b, sentence) in std::mem::take(&mut self.swaps) {
            if std::mem::discriminant(&self.questions[a].kind)
                != std::mem::discriminant(&self.questions[b].kind)
                || matches!(self.questions[a].kind, QuestionKind::Text)
            {
                for q in [a, b] {
                    self.found[q].push(AnswerText {
                        answer: Some(Answer::unclear(
                            "the doctor said this answer was swapped with another of another kind",
                            &sentence,
                        )),
                        text: sentence.clone(),
                        origin: Origin::Correction,
                    });
                }
                continue;
            }
            let by_place = |f: &AnswerText| {
                !matches!(
                    f.origin,
                    Origin::Labelled | Origin::Prose | Origin::Correction
                )
            };
            let (from_a, keep_a): (Vec<_>, Vec<_>) = std::mem::take(&mut self.found[a])
                .into_iter()
                .partition(by_place);
            let (from_b, keep_b): (Vec<_>, Vec<_>) = std::mem::take(&mut self.found[b])
                .into_iter()
                .partition(by_place);
            self.found[a] = keep_a;
            self.found[b] = keep_b;
            self.found[a].extend(from_b);
            self.found[b].extend(from_a);
            self.swapped.push((a, b, sentence));
        }
    }

    /// "Yes to the rest": every yes/no question nothing else answered
    /// takes the value, and any other question nothing answered (but free
    /// text) is unclear, as under a summary. Only when something else
    /// answered the first question: "the rest" after lines that place no
    /// question ("yes to the first half or so") cannot be told. Questions
    /// of another kind named by place ("no to the first five") are
    /// unclear unless something answered them.
    fn apply_rest(&mut self) {
        for (q, line) in std::mem::take(&mut self.covered) {
            if self.found[q].is_empty() {
                self.found[q].push(AnswerText {
                    answer: Some(Answer::unclear(
                        "a yes or no for several questions does not give this answer",
                        &line,
                    )),
                    text: line,
                    origin: Origin::Summary,
                });
            }
        }
        let Some((yes, line)) = self.rest.take() else {
            return;
        };
        if self.found.first().is_none_or(Vec::is_empty) {
            return;
        }
        for (q, question) in self.questions.iter().enumerate() {
            if !self.found[q].is_empty() {
                continue;
            }
            let found = match question.kind {
                QuestionKind::YesNo => {
                    AnswerText::new(if yes { "yes" } else { "no" }.to_owned(), Origin::Summary)
                }
                QuestionKind::Text => continue,
                _ => AnswerText {
                    answer: Some(Answer::unclear(
                        "a yes or no for the rest does not give this answer",
                        &line,
                    )),
                    text: line.clone(),
                    origin: Origin::Summary,
                },
            };
            self.found[q].push(found);
        }
    }

    /// A compact form at the top: a table row drawn with pipes, question
    /// codes on one line, a summary. True when `text` is one. `placed`:
    /// its answers by place ([`compact::by_position`]) when already read.
    fn compact_line(&mut self, text: &str, placed: Option<Placed>) -> bool {
        let questions = self.found.len();
        if let Some(codes) = compact::piped_codes(text, questions) {
            // "Q1 Y | Q2 N | Q3 Y": codes between pipes, no table's row.
            self.columns = None;
            self.listed
                .extend(codes.into_iter().map(|(q, a)| (q, a, true)));
            self.listing_open = false;
            return true;
        }
        // "Yes: 1, 3, 6, 8, 9" is no table's row.
        if let Some(named) = compact::value_lists(text, questions).filter(|named| {
            named
                .iter()
                .all(|(q, _)| matches!(self.questions[*q].kind, QuestionKind::YesNo))
        }) {
            self.columns = None;
            self.listed
                .extend(named.into_iter().map(|(q, a)| (q, a, true)));
            self.listing_open = false;
            return true;
        }
        if let Some(row) = compact::table_row(text, questions, self.columns.as_ref()) {
            match row {
                compact::Row::Answer(q, answer, label) => self.table_row(q, &answer, label),
                compact::Row::Item(q, letter, answer) => self.item_row(q, letter, &answer),
                compact::Row::Unclear(q, row) => self.found[q].push(AnswerText {
                    answer: Some(Answer::unclear(
                        "the row's marks do not give one answer: which is it?",
                        &row,
                    )),
                    text: row,
                    origin: Origin::Listed,
                }),
                compact::Row::Header(columns) => self.columns = Some(columns),
                compact::Row::Other => {}
            }
            self.listing_open = false;
            return true;
        }
        self.columns = None;
        // Only yes/no questions take "yes to 1-3": a line naming any other
        // is not read this way.
        let yes_no_only = |named: &Vec<(usize, String)>| {
            named
                .iter()
                .all(|(q, _)| matches!(self.questions[*q].kind, QuestionKind::YesNo))
        };
        // The whole line's value lists were read above, before the table's
        // rows: none of yes/no questions only.
        if let [first, rest @ ..] = sentences(text).as_slice()
            && !rest.is_empty()
            && let Some(named) = compact::value_lists(first, questions).filter(yes_no_only)
        {
            // "Yes to 1, 3, 6 and 9. No to 2, 7 and 8.": a sentence of its
            // own; the sentences after it are lines of their own.
            self.listed
                .extend(named.into_iter().map(|(q, a)| (q, a, true)));
            self.listing_open = false;
            for rest in rest.iter().map(|r| r.trim()).filter(|r| !r.is_empty()) {
                self.top_line(rest, None);
            }
            return true;
        }
        if let Some(codes) = compact::codes(text, questions)
            .or_else(|| compact::numbered_pieces(text, questions))
            .or_else(|| compact::grouped_range(text, questions))
        {
            self.listed
                .extend(codes.into_iter().map(|(q, a)| (q, a, true)));
            self.listing_open = false;
            return true;
        }
        if let Some(places) = placed.unwrap_or_else(|| compact::by_position(text, questions)) {
            self.places(places, text);
            self.listing_open = false;
            return true;
        }
        if self.summary.is_none() {
            // The summary is the line's first sentence; the sentences after
            // it ("Confidence 8, no barriers.") are read as lines of their own.
            let pieces = sentences(text);
            if let Some((summary, line, aside)) = self.summary_in(pieces[0]) {
                self.summary = Some((summary, line));
                self.listing_open = false;
                let rest = aside
                    .into_iter()
                    .chain(pieces[1..].iter().map(|p| p.trim()));
                for rest in rest {
                    if !rest.is_empty() {
                        self.top_line(rest, None);
                    }
                }
                return true;
            }
        }
        false
    }

    /// Questions answered by their place ("no to the first three", "yes
    /// to the rest"): the first ones that are yes/no take the value as a
    /// listed answer; the others among them, unless something else
    /// answers them, are unclear; the rest waits for the end.
    fn places(&mut self, places: Vec<compact::Place>, line: &str) {
        for place in places {
            match place {
                compact::Place::First(n, yes) => {
                    for q in 0..n {
                        match self.questions[q].kind {
                            QuestionKind::YesNo => {
                                let value = if yes { "yes" } else { "no" };
                                self.listed.push((q, value.to_owned(), true));
                            }
                            QuestionKind::Text => {}
                            _ => self.covered.push((q, line.to_owned())),
                        }
                    }
                }
                compact::Place::Rest(yes) => self.rest = Some((yes, line.to_owned())),
                compact::Place::Numbered(q, text) => self.listed.push((q, text, true)),
            }
        }
    }

    /// A summary in `sentence`: the whole sentence ("Yes to all except 2
    /// and 7 (both no)."), or its start, up to a comma, semicolon or
    /// spaced dash, when what follows is an aside ("Yes to all, confidence
    /// 7", "No to everything except 8 and 9 – I've never prescribed it
    /// myself"): the summary, its text, and the aside, read as a line of
    /// its own.
    fn summary_in<'t>(
        &self,
        sentence: &'t str,
    ) -> Option<(compact::Summary, String, Option<&'t str>)> {
        let questions = self.found.len();
        let index = &self.index;
        let named = |label: &str| match index.label(label) {
            prose::Tie::One(q) => Some(q),
            _ => None,
        };
        if let Some(summary) = compact::summary(sentence, questions, &named)
            .or_else(|| compact::summary_with_reason(sentence, questions, &named))
            .or_else(|| compact::only_summary(sentence, questions, &named))
            .or_else(|| compact::unsure_summary(sentence, questions, &named))
        {
            return Some((summary, sentence.trim().to_owned(), None));
        }
        if let Some(found) = self.summary_with_exceptions_reason(sentence, &named) {
            return Some(found);
        }
        // The limit first: only cuts within the first SUMMARY_HEAD_MAX
        // bytes are tried, and the words after the last of them, which
        // every aside ends with, are read once: a long line of commas
        // ("5. a, a, a, ...") took time in the square of its length.
        let cuts: Vec<(usize, usize)> = sentence
            .match_indices([',', ';', '-', '–', '—'])
            .take_while(|(at, _)| *at <= SUMMARY_HEAD_MAX)
            .filter(|(at, mark)| matches!(*mark, "," | ";") || sentence[..*at].ends_with(' '))
            .map(|(at, mark)| (at, at + mark.len()))
            .collect();
        let &(_, last) = cuts.last()?;
        let tail = self.aside_words(&sentence[last..]);
        for &(at, end) in &cuts {
            let head = &sentence[..at];
            let Some(summary) = compact::summary(head, questions, &named) else {
                continue;
            };
            if let Some(doubted) = compact::doubted_exceptions(&summary, &sentence[end..]) {
                // "Yes to all except 3 and 7, where it's complicated":
                // 3 and 7 asked, never no.
                return Some((
                    doubted,
                    head.trim().to_owned(),
                    Some(sentence[end..].trim()),
                ));
            }
            if self
                .aside_words(&sentence[end..last])
                .then(&tail)
                .is_aside()
            {
                return Some((
                    summary,
                    head.trim().to_owned(),
                    Some(sentence[end..].trim()),
                ));
            }
        }
        None
    }

    /// A summary, then at its first comma, semicolon or spaced dash the
    /// reason for its exceptions ("Yes to all apart from 6 and 7 – no
    /// protocol here and nothing shared with community yet"): the summary,
    /// the reason not read further (see [`Reader::exceptions_reason`]).
    fn summary_with_exceptions_reason<'t>(
        &self,
        sentence: &'t str,
        named: &dyn Fn(&str) -> Option<usize>,
    ) -> Option<(compact::Summary, String, Option<&'t str>)> {
        let (at, mark) = sentence
            .match_indices([',', ';', '-', '–', '—'])
            .find(|(at, mark)| matches!(*mark, "," | ";") || sentence[..*at].ends_with(' '))?;
        let (head, reason) = (&sentence[..at], sentence[at + mark.len()..].trim());
        let summary = compact::summary(head, self.found.len(), named)?;
        if let Some(doubted) = compact::doubted_exceptions(&summary, reason) {
            return Some((doubted, head.trim().to_owned(), None));
        }
        self.exceptions_reason(reason, &summary)
            .then(|| (summary, head.trim().to_owned(), None))
    }

    /// Words after a summary that only give its exceptions' reason: they
    /// name questions by their words, every one of them an excepted
    /// yes/no question, and agree with the exceptions' value (a negation
    /// when they are no: "no protocol here and nothing shared with
    /// community yet"; none when they are yes), with no number and no
    /// word of contrast, exception, doubt or correction ("but", "only",
    /// "maybe", "actually" ...). They say nothing a summary does not.
    fn exceptions_reason(&self, text: &str, summary: &compact::Summary) -> bool {
        const NOT_REASON: &[&str] = &[
            "yes",
            "but",
            "though",
            "although",
            "however",
            "except",
            "apart",
            "bar",
            "save",
            "besides",
            "excluding",
            "other",
            "others",
            "unless",
            "only",
            "rest",
            "all",
            "everything",
            "maybe",
            "perhaps",
            "probably",
            "possibly",
            "sure",
            "think",
            "guess",
            "sorry",
            "actually",
            "mean",
            "meant",
            "rather",
            "instead",
            "or",
            "either",
            "both",
        ];
        const NEGATION: &[&str] = &["no", "not", "none", "nothing", "never", "nor", "without"];
        if text.contains(|c: char| c.is_ascii_digit() || c == '?') {
            return false;
        }
        let words = value::plain_words(text);
        if words.is_empty() || words.iter().any(|w| NOT_REASON.contains(&w.as_str())) {
            return false;
        }
        let negated = words
            .iter()
            .any(|w| NEGATION.contains(&w.as_str()) || w.ends_with("n't"));
        let named = self.index.naming(text);
        // The exceptions are no when the summary is yes.
        negated == summary.value
            && !named.is_empty()
            && named.iter().all(|q| {
                summary.except.contains(q) && matches!(self.questions[*q].kind, QuestionKind::YesNo)
            })
    }

    /// Words after a summary that say nothing more of the yes/no questions
    /// it covers: no question number first, no yes, no, negation or word
    /// of exception or contrast ("but", "except", "though"), no word of a
    /// yes/no question. "Confidence 7" and "I've never prescribed it
    /// myself" are asides; "but not 3", "3 is no", "though the protocol is
    /// in draft" are not (the line is then no summary, and is asked about).
    /// `text` may be the start of an aside whose rest is read on its own
    /// ([`AsideWords::then`]).
    fn aside_words(&self, text: &str) -> AsideWords {
        const NOT_ASIDE: &[&str] = &[
            "yes",
            "no",
            "not",
            "but",
            "though",
            "although",
            "however",
            "except",
            "apart",
            "bar",
            "save",
            "besides",
            "excluding",
            "other",
            "unless",
            "only",
            "nor",
            "none",
        ];
        let mut words = value::plain_words(text);
        let plain = !words
            .iter()
            .any(|w| NOT_ASIDE.contains(&w.as_str()) || w.ends_with("n't"))
            && self
                .index
                .naming(text)
                .iter()
                .all(|q| !matches!(self.questions[*q].kind, QuestionKind::YesNo));
        words.truncate(1);
        AsideWords {
            first: words.pop(),
            plain,
        }
    }

    /// A table row for question `q`: its answer, unless the row's label
    /// names another question (then it is unclear which is meant).
    fn table_row(&mut self, q: usize, answer: &str, label: Option<&str>) {
        let other = label
            .map(|l| self.index.label(l))
            .and_then(|tie| match tie {
                prose::Tie::One(named) if named != q => Some(named),
                _ => None,
            });
        // With no header naming the answers' column, a middle cell that is
        // itself an answer ("| 4 | 6 | would be 8 with a protocol |") may be
        // the answer and the last cell a note: unclear unless both agree.
        let question = &self.questions[q];
        let label_answers = self.columns.is_none()
            && !matches!(question.kind, QuestionKind::Text)
            && label.is_some_and(|l| {
                let cell = value::read(question, l);
                cell.status == Status::Ok && cell.value != value::read(question, answer).value
            });
        if other.is_none() && !label_answers {
            self.listed.push((q, answer.to_owned(), true));
            return;
        }
        let row = format!("{} | {answer}", label.unwrap_or_default());
        let why = if other.is_some() {
            "the row's number and its label name different questions"
        } else {
            "the row has two cells that answer differently: which is the answer?"
        };
        self.found[q].push(AnswerText {
            answer: Some(Answer::unclear(why, &row)),
            text: row,
            origin: Origin::Listed,
        });
    }

    /// A table's row for one grid item (`4a. Starting dose | 3`): listed
    /// as that item's answer (`a) 3`), read with the grid's other rows.
    /// Items of a question that is no grid are asked about.
    fn item_row(&mut self, q: usize, letter: char, answer: &str) {
        let row = format!("{letter}) {answer}");
        if matches!(self.questions[q].kind, QuestionKind::Grid { .. }) {
            self.listed.push((q, row, true));
            return;
        }
        self.found[q].push(AnswerText {
            answer: Some(Answer::unclear(
                "the row names an item of a question that has none",
                &row,
            )),
            text: row,
            origin: Origin::Listed,
        });
    }

    /// "Confidence 7/10, barriers b and c", "Confidence 8, no barriers":
    /// a line whose every piece between commas is a question's words then
    /// its answer, or one option's own label. True when it is one (its
    /// answers are then labelled answers); otherwise nothing is taken.
    fn unseparated_labels(&mut self, text: &str) -> bool {
        let line = text.trim().trim_end_matches(['.', '!']);
        let mut found = Vec::new();
        for piece in line.split([',', ';']).map(str::trim) {
            match self.unseparated(piece) {
                Some(answer) => found.push(answer),
                None => return false,
            }
        }
        self.labelled += found.len();
        for (q, answer) in found {
            self.found[q].push(AnswerText::new(answer, Origin::Labelled));
        }
        true
    }

    /// "Confidence 5. Barriers: side effects mainly.": a line of two to six
    /// sentences, each a labelled answer to its own question (a label and
    /// a colon, or a label and an answer that reads: [`Reader::unseparated`]):
    /// each read as a line of its own would be. Any other sentence and
    /// nothing is taken.
    fn labelled_sentences(&mut self, text: &str) -> bool {
        let parts = sentences(text);
        if parts.len() < 2 || parts.len() > 6 {
            return false;
        }
        let mut found: Vec<(usize, String)> = Vec::new();
        for part in &parts {
            let part = part.trim().trim_end_matches(['.', '!']).trim();
            let labelled = prose::split_label(part)
                .and_then(|(label, rest)| match self.index.label(label) {
                    prose::Tie::One(q) if !rest.trim().is_empty() => {
                        Some((q, rest.trim().to_owned()))
                    }
                    _ => None,
                })
                .or_else(|| self.unseparated(part));
            match labelled {
                Some((q, rest)) if !found.iter().any(|(other, _)| *other == q) => {
                    found.push((q, rest));
                }
                _ => return false,
            }
        }
        self.labelled += found.len();
        for (q, answer) in found {
            self.found[q].push(AnswerText::new(answer, Origin::Labelled));
        }
        true
    }

    /// "My confidence is 6 and the barriers are a and b", "Confidence is a
    /// 7": a line whose every clause is a question's words, "is" or "are",
    /// then an answer that reads on its own (a bare yes or no for a yes/no
    /// question, a number that is no count, an option): certain labelled
    /// answers. A clause that is anything else and nothing is taken (the
    /// line is prose).
    fn copula_labels(&mut self, text: &str) -> bool {
        let line = text.trim().trim_end_matches(['.', '!']);
        let parts: Vec<&str> = COPULA.split(line).collect();
        if parts.len() < 2 || parts.len() > 6 {
            return false;
        }
        let mut label = parts[0];
        let mut found = Vec::new();
        for (k, part) in parts.iter().enumerate().skip(1) {
            // A middle part is a value, then "and" or a comma, then the
            // next label: cut where the right names one question.
            let (value, next) = if k + 1 == parts.len() {
                (*part, "")
            } else {
                let Some(cut) = [" and ", ", "]
                    .iter()
                    .flat_map(|sep| part.match_indices(sep).map(|(at, m)| (at, m.len())))
                    .filter(|(at, len)| self.named_by(&part[at + len..]).is_some())
                    .max()
                else {
                    return false;
                };
                (&part[..cut.0], &part[cut.0 + cut.1..])
            };
            let Some(q) = self.named_by(label) else {
                return false;
            };
            let value = plain_value(&self.questions[q], value.trim());
            let Some(value) = value else {
                return false;
            };
            found.push((q, value));
            label = next;
        }
        self.labelled += found.len();
        for (q, answer) in found {
            self.found[q].push(AnswerText::new(answer, Origin::Labelled));
        }
        true
    }

    /// The question a label names ("my confidence", "the barriers"), its
    /// possessive or article off.
    fn named_by(&self, label: &str) -> Option<usize> {
        let label = label.trim();
        let lower = label.to_lowercase();
        let bare = ["my ", "our ", "the "]
            .iter()
            .find_map(|p| lower.starts_with(p).then(|| &label[p.len()..]))
            .unwrap_or(label);
        match self.index.label(bare) {
            prose::Tie::One(q) => Some(q),
            _ => None,
        }
    }

    /// One piece of such a line: the question and its answer's text.
    fn unseparated(&self, piece: &str) -> Option<(usize, String)> {
        let words: Vec<&str> = piece.split_whitespace().collect();
        if words.is_empty() || words.len() > 8 {
            return None;
        }
        for k in 1..words.len().min(4) {
            let prose::Tie::One(q) = self.index.label(&words[..k].join(" ")) else {
                continue;
            };
            let question = &self.questions[q];
            let rest = words[k..].join(" ");
            let counted = matches!(
                question.kind,
                QuestionKind::Scale { .. } | QuestionKind::Number { .. }
            ) && value::counts(&rest).1 > 0;
            if !matches!(question.kind, QuestionKind::Text)
                && !counted
                && value::read(question, &rest).status == Status::Ok
            {
                return Some((q, rest));
            }
        }
        // "No barriers": the label of exactly one option of one question.
        let piece_norm = normalise_line(piece);
        let mut owners = self.questions.iter().enumerate().filter(|(_, q)| {
            q.options()
                .iter()
                .any(|o| normalise_line(&o.label) == piece_norm)
        });
        match (owners.next(), owners.next()) {
            (Some((q, _)), None) => Some((q, piece.to_owned())),
            _ => None,
        }
    }

    /// An own line above the quoted text: a numbered answer ("2. yes") or
    /// its continuation, a labelled one ("Further: yes"), or prose kept for
    /// reading against the questions at the end of the top.
    /// `placed`: its answers by place ([`compact::by_position`]) when
    /// already read.
    fn top_line(&mut self, text: &str, placed: Option<Placed>) {
        if self.compact_line(text, placed) {
            self.last_numbered = None;
            return;
        }
        if let Some(pieces) = numbering::run_on(text) {
            // Dictation run together: "number one yes number two no ...".
            if pieces
                .iter()
                .all(|(n, _)| (1..=self.found.len()).contains(n))
            {
                self.listed
                    .extend(pieces.into_iter().map(|(n, a)| (n - 1, a, true)));
                self.last_numbered = None;
                self.listing_open = false;
                return;
            }
        }
        // "4." alone on its line, the next of a list: its answer is on
        // the lines below (a table, lettered lines), not more of 3's.
        if let Some(number) = numbering::bare(text)
            && self.listing_open
            && self.listed.last().is_some_and(|l| l.0 + 2 == number)
            && number <= self.found.len()
        {
            self.listed.push((number - 1, String::new(), true));
            self.last_numbered = None;
            return;
        }
        if let Some(line) = numbering::numbered(text) {
            if (1..=self.found.len()).contains(&line.number) {
                self.number_line(line);
                return;
            }
            // A numbered line for no question: not an answer, and not
            // the continuation of the one before.
            self.last_numbered = None;
            self.listing_open = false;
            return;
        }
        if self.listing_open
            && let Some(last) = self.listed.last_mut()
        {
            if !last.1.is_empty() {
                last.1.push('\n');
            }
            last.1.push_str(text);
            return;
        }
        if self.labelled_sentences(text) {
            return;
        }
        if let Some((label, rest)) = prose::split_label(text) {
            match self.index.label(label) {
                prose::Tie::One(q) => {
                    self.labelled += 1;
                    self.found[q].push(AnswerText::new(rest.to_owned(), Origin::Labelled));
                    return;
                }
                prose::Tie::Several => {
                    // "Further: yes": fits two questions, so it is
                    // unclear which; not read, and not prose either.
                    self.labelled += 1;
                    return;
                }
                prose::Tie::None => {}
            }
        }
        if self.unseparated_labels(text) || self.copula_labels(text) {
            return;
        }
        self.top_lines.push(text.to_owned());
    }

    /// Answers that point at another ("same as 1", "ditto", "as for 6"):
    /// the answer pointed at, certain, when that question asks the same
    /// kind of thing and has one certain answer that reads; otherwise
    /// unclear, asked. The doctor's own words stay its source.
    fn resolve_references(&mut self) {
        for q in 0..self.found.len() {
            if matches!(self.questions[q].kind, QuestionKind::Text) {
                continue;
            }
            for k in 0..self.found[q].len() {
                let found = &self.found[q][k];
                if found.answer.is_some() || found.origin.inferred() {
                    continue;
                }
                let Some(target) = reference::points_at(&found.text, q) else {
                    continue;
                };
                let said = found.text.clone();
                let given: Vec<&AnswerText> = self.found[target]
                    .iter()
                    .filter(|f| !f.origin.inferred())
                    .collect();
                let question = &self.questions[target];
                let answer = match given.as_slice() {
                    [one] if reference::alike(&self.questions[q], question) => one
                        .answer
                        .clone()
                        .unwrap_or_else(|| value::read(question, one.text.trim())),
                    _ => Answer::unclear("points at an answer that cannot be used here", &said),
                };
                let answer = if answer.status == Status::Ok {
                    Answer {
                        source: said,
                        ..answer
                    }
                } else {
                    Answer::unclear("points at an answer that is itself unclear", &said)
                };
                self.found[q][k].answer = Some(answer);
            }
        }
    }

    /// A line numbered for a question. One that is certain on its own
    /// (`1.`, `Q1`) is listed as it is; one numbered only by a digit and a
    /// space, a word, an ordinal or a roman numeral counts only when the
    /// listed line before it has the number before its own, written the
    /// same way (then both count): "3 of our 5 consultants ..." above a
    /// list, or "10 Harbour Road" in a signature below one, is no answer.
    fn number_line(&mut self, line: numbering::Numbered) {
        let chained = self.last_numbered == Some((line.number - 1, line.style))
            && self.listed.last().is_some_and(|l| l.0 + 2 == line.number);
        if chained && let Some(last) = self.listed.last_mut() {
            last.2 = true;
        }
        self.listed
            .push((line.number - 1, line.rest, line.certain || chained));
        self.last_numbered = Some((line.number, line.style));
        self.listing_open = true;
    }

    /// The doctor's lines between a quoted heading and its `Answer:` become
    /// that question's answer.
    fn flush_between(&mut self) {
        if self.between.is_empty() {
            return;
        }
        let text = std::mem::take(&mut self.between).join("\n");
        if let Some(q) = self.heading {
            self.found[q].push(AnswerText::new(text, Origin::Inline));
        }
    }

    /// Options ticked under the heading just left become one answer.
    fn flush_ticks(&mut self) {
        let Some(q) = self.heading else {
            self.ticks.clear();
            return;
        };
        if self.ticks.is_empty() {
            return;
        }
        let ticks = std::mem::take(&mut self.ticks);
        let plain: Vec<char> = ticks.iter().filter(|t| !t.1).map(|t| t.0).collect();
        let (letters, origin) = if plain.is_empty() {
            // Marked only by formatting: inferred, and only when not every
            // option is marked (then the formatting is the client's).
            if ticks.len() >= self.questions[q].options().len() {
                return;
            }
            (
                ticks.iter().map(|t| t.0).collect::<Vec<_>>(),
                Origin::Marked,
            )
        } else {
            (plain, Origin::Ticked)
        };
        let mut text = letters
            .iter()
            .map(char::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        // "e) Other (please specify) X – patchy supply": the words after
        // the mark go with the last letter, as in "c, e - patchy supply"
        // (read as the "other" text only when that option is "other").
        if let Some(said) = ticks.iter().rev().find_map(|t| t.2.as_deref()) {
            text = format!("{text} - {said}");
        }
        self.found[q].push(AnswerText::new(text, origin));
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

    /// Whether the header block starting at line `i` heads a mail that
    /// never reached us: its `From:` names someone not on our side (neither
    /// the survey's inbox nor a lead), and its `To:` (and `Cc:`) lines
    /// name someone and never the survey's inbox. Such a mail is the
    /// doctor's own (sent to a lead's own address by mistake, or to a
    /// secretary who passes it on), not ours, and not a copy of a reply
    /// the survey already read. A block without `To:` is taken for ours.
    fn own_copy(&self, i: usize, lines: &[Line<'_>]) -> bool {
        let mut from = None;
        let mut to = false;
        for line in lines[i..].iter().take(12) {
            let text = line.text.trim_start_matches('*');
            if line.depth > 0 || (text.is_empty() && from.is_some()) {
                break;
            }
            if FROM_FIELD.is_match(text) {
                if from.is_some() {
                    return false;
                }
                from = Some(text);
            } else if TO_FIELD.is_match(text) {
                if self.us.inbox_in(text) {
                    return false;
                }
                to |= text.contains(|c: char| c.is_alphanumeric());
            }
        }
        to && from.is_some_and(|f| !self.us.us_in(f))
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
        self.last_numbered = None;
        let listed = !self.listed.is_empty();
        for (index, text, explicit) in std::mem::take(&mut self.listed) {
            // "4." alone with nothing below it answers nothing.
            if explicit && !text.is_empty() {
                self.found[index].push(AnswerText::new(text, Origin::Listed));
            }
        }
        let top = std::mem::take(&mut self.top_lines);
        if listed || self.labelled > 0 || !self.in_order(&top) {
            let text = top.join("\n");
            let by_place = prose::by_place(&text, self.questions);
            for (q, answer) in prose::read(&text, self.questions, self.index)
                .into_iter()
                .chain(by_place)
            {
                // A sentence declining a number is said, not inferred.
                let origin = if answer.status == Status::Unclear {
                    Origin::Labelled
                } else {
                    Origin::Prose
                };
                self.found[q].push(AnswerText {
                    text: answer.source.clone(),
                    origin,
                    answer: Some(answer),
                });
            }
        }
        // Nothing of the doctor's above the quote (or the questionnaire),
        // or only words that gave no answer ("Answers at the bottom of
        // this email", a signature): they may answer below it.
        self.bottom_posting = self.found.iter().all(Vec::is_empty)
            && self.labelled == 0
            && self.summary.is_none()
            && self.rest.is_none()
            && self.covered.is_empty();
    }

    /// Sentences of the doctor's own that limit when they used it ("I've
    /// only ever used it in the last days of life") stand against a yes to
    /// a question about the other end of the illness, and sentences that
    /// tell of a deed in other words ("we switched two patients onto it to
    /// bring their oxycodone down") against the other answer to the
    /// question they tell of: readings that only contradict (see
    /// [`limits`], [`told`]).
    fn apply_limits(&mut self) {
        for line in self.own.iter().chain(&self.postscript) {
            for sentence in sentences(line) {
                let limited = limits::contradicted(sentence, self.questions)
                    .into_iter()
                    .map(|q| (q, false));
                for (q, done) in limited.chain(told::told(sentence, self.asked)) {
                    let answer = Answer::inferred(Value::Bool(done), sentence.trim());
                    self.found[q].push(AnswerText {
                        text: sentence.trim().to_owned(),
                        origin: Origin::Limit,
                        answer: Some(answer),
                    });
                }
            }
        }
    }

    /// Bare answers in order, without numbers: a paragraph of as many lines
    /// as there are questions, or fewer where optional questions were left
    /// out, each a possible answer to its question. Only when exactly one
    /// choice of the optional questions left out makes every line fit
    /// (eleven lines for twelve questions where the date of 10 and the
    /// comments of 12 are optional: "Nov 2026" fits 10 and not 11, so 12
    /// is the one left out). Anything else is not read this way.
    fn in_order(&mut self, top: &[String]) -> bool {
        let all = self.questions.len();
        for paragraph in top.split(|l| l.is_empty()) {
            // "Hi," or "My answers:" above the lines is not one of them.
            let start = paragraph
                .iter()
                .take_while(|l| l.ends_with(':') || l.ends_with(','))
                .count();
            let mut lines = paragraph[start..].to_vec();
            // "yes, no, yes, 7, a c, no": the answers on one line; without
            // commas, "Y N Y 6 A Y N Y Y", one word each.
            if let [line] = lines.as_slice() {
                lines = if line.contains(',') {
                    line.split(',').map(|p| p.trim().to_owned()).collect()
                } else {
                    line.split_whitespace().map(str::to_owned).collect()
                };
            }
            if lines.len() > all {
                continue;
            }
            let mut placings = self.placings(&lines);
            if placings.len() != 1 {
                continue;
            }
            for (q, line) in placings.remove(0).into_iter().zip(lines) {
                self.found[q].push(AnswerText::new(line, Origin::Ordered));
            }
            return true;
        }
        false
    }

    /// The ways of placing `lines`, bare answers in order, on the
    /// questions: every question but a choice of optional ones left out,
    /// each line a possible answer to its question (the questions, in
    /// order). At most two are returned; none when too many optional
    /// questions would have to be tried.
    fn placings(&self, lines: &[String]) -> Vec<Vec<usize>> {
        let optional: Vec<usize> = (0..self.questions.len())
            .filter(|&q| !self.questions[q].required)
            .collect();
        let left_out = self.questions.len() - lines.len();
        if left_out > optional.len() || optional.len() > 8 {
            return Vec::new();
        }
        let fits = |line: &str, q: &Question| match q.kind {
            QuestionKind::Text => true,
            QuestionKind::Grid { .. } => value::read_grid(q, line).is_complete(),
            _ => value::read(q, line).is_ok(),
        };
        let mut found = Vec::new();
        for mask in 0u32..(1 << optional.len()) {
            if mask.count_ones() as usize != left_out {
                continue;
            }
            let kept: Vec<usize> = (0..self.questions.len())
                .filter(|q| {
                    optional
                        .iter()
                        .position(|o| o == q)
                        .is_none_or(|at| mask & (1 << at) == 0)
                })
                .collect();
            if kept
                .iter()
                .zip(lines)
                .all(|(&q, line)| fits(line, &self.questions[q]))
            {
                found.push(kept);
                if found.len() > 1 {
                    break;
                }
            }
        }
        found
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
            let text = without_writer(without_arrow(text.trim()));
            if !text.is_empty() {
                self.found[g.question].push(AnswerText::new(text.to_owned(), Origin::Inline));
            }
        }
    }
}

/// "is", "are", "was", "were" between a question's words and its answer.
static COPULA: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\s+(?:is|are|was|were)\s+").expect("valid regex"));

/// An answer that reads on its own beside a question's words: for a
/// yes/no question only "yes" or "no" ("a yes"), for a number or scale a
/// number that is no count ("a 7" is 7), for any other kind but free text
/// a reading that is clear. `None` otherwise.
fn plain_value(question: &Question, value: &str) -> Option<String> {
    let lower = value.to_lowercase();
    let bare = ["a ", "an "]
        .iter()
        .find_map(|a| lower.strip_prefix(a))
        .filter(|rest| {
            rest.starts_with(|c: char| c.is_ascii_digit()) || matches!(*rest, "yes" | "no")
        })
        .map_or(value, |rest| &value[value.len() - rest.len()..]);
    match question.kind {
        QuestionKind::Text => return None,
        QuestionKind::YesNo if !matches!(bare.to_lowercase().as_str(), "yes" | "no") => {
            return None;
        }
        QuestionKind::Scale { .. } | QuestionKind::Number { .. } if value::counts(bare).1 > 0 => {
            return None;
        }
        _ => {}
    }
    (value::read(question, bare).status == Status::Ok).then(|| bare.to_owned())
}

/// A line cut into sentences: after `.`, `!` or `?` followed by a space
/// and a capital ("for 4 I meant 6. And question 3 should be no"), never
/// inside a number ("6.5").
fn sentences(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '.' | '!' | '?')
            && chars.peek().is_some_and(|(_, n)| *n == ' ')
            && line[i + 1..]
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        {
            out.push(&line[start..=i]);
            start = i + 1;
        }
    }
    out.push(&line[start..]);
    out
}

/// The words after the whole of a question's own heading, `ours` (its
/// words as we render it, after the number), on its heading line (`1.
/// Have you used …? Yes`), if any. `joined` is `ours` joined by single
/// spaces.
fn after_question(text: &str, ours: &[String], joined: &str) -> Typed {
    let text = text.trim_start_matches(['*', '_', ' ']);
    let Some((_, heading)) = text.split_once(['.', ')']) else {
        return Typed::Nothing;
    };
    // Our words and nothing after them, as `typed_after` would find
    // word by word: most heading lines are quoted whole.
    if heading.trim().eq_ignore_ascii_case(joined) {
        return Typed::Nothing;
    }
    typed_after(ours, heading)
}

/// What a line that should hold `asked` (our words, in order) holds
/// after them.
enum Typed {
    /// More words after all of ours: the answer typed there.
    After(String),
    /// Only the first of ours: the rest, which the next line may hold.
    Wrapped(Vec<String>),
    /// Exactly ours, or not ours.
    Nothing,
}

/// Compares `line`'s words with `asked`: see [`Typed`]. Emphasis marks
/// around the typed words (`*No*`) and a writer's name (`[JC] No`) are
/// taken off.
fn typed_after(asked: &[impl AsRef<str>], line: &str) -> Typed {
    let mut written = line.split_whitespace();
    for (k, word) in asked.iter().enumerate() {
        match written.next() {
            Some(w) if w.eq_ignore_ascii_case(word.as_ref()) => {}
            Some(_) => return Typed::Nothing,
            None if k > 0 => {
                return Typed::Wrapped(asked[k..].iter().map(|w| w.as_ref().to_owned()).collect());
            }
            None => return Typed::Nothing,
        }
    }
    // Nothing after our words, nothing typed: told before the rest is
    // joined (a heading line quoted whole, most of them).
    let Some(first) = written.next() else {
        return Typed::Nothing;
    };
    let mut rest = first.to_owned();
    for word in written {
        rest.push(' ');
        rest.push_str(word);
    }
    let rest = without_writer(rest.trim_matches(['*', '_', ' ']));
    // A client that joined our `Answer:` line to the heading typed nothing.
    if rest.is_empty() || answer_line(rest).is_some() {
        Typed::Nothing
    } else {
        Typed::After(rest.to_owned())
    }
}

/// An arrow that points at an answer typed below our `Answer:` (`==>
/// a and b`, `--> Yes`, `→ 7`): taken off when something follows it.
fn without_arrow(text: &str) -> &str {
    let arrow = text
        .char_indices()
        .take_while(|(_, c)| matches!(c, '=' | '-' | '>' | '→' | '⇒' | '»'))
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    let head = &text[..arrow];
    let points = head.ends_with(['>', '→', '⇒', '»']) && head.chars().count() <= 4;
    let rest = text[arrow..].trim_start();
    if points && !rest.is_empty() {
        rest
    } else {
        text
    }
}

/// Outlook's comment marking: `[Clarke, Jack] yes` is "yes", the
/// bracketed name labelling who wrote it. Only a writer's name (see
/// [`is_writer`]) is taken off; a tick such as `[x]` or a bracketed note
/// such as `[not sure] yes` stays.
fn without_writer(text: &str) -> &str {
    let Some(inner) = text.strip_prefix('[') else {
        return text;
    };
    let Some(end) = inner.find(']') else {
        return text;
    };
    if !is_writer(&inner[..end]) {
        return text;
    }
    let rest = inner[end + 1..].trim();
    // "[BC]" alone may be two options in capitals, not initials.
    if rest.is_empty() && initials(&inner[..end]) {
        return text;
    }
    rest
}

/// A name as Outlook marks comments with it: "Clarke, Jack", "CLARKE,
/// Jack (NORTH HOSPICE NHS FOUNDATION TRUST)", "Nair Priya (RXH) Coastal
/// Hospice": two to five capitalised words of letters (commas, dots,
/// hyphens, apostrophes), then perhaps an organisation, in parentheses
/// or not; never a yes or no.
fn is_writer(name: &str) -> bool {
    if name.len() > 120 {
        return false;
    }
    let (person, organisation) = name.split_once('(').unwrap_or((name, ""));
    let words: Vec<&str> = person.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let capitalised = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || ".-'".contains(c))
            && !["yes", "no", "not", "none"].contains(&w.to_lowercase().as_str())
    };
    if words.len() == 1 && organisation.is_empty() {
        return initials(words[0]);
    }
    if !(2..=5).contains(&words.len()) || !words.iter().all(capitalised) {
        return false;
    }
    // "(NORTH HOSPICE NHS FOUNDATION TRUST)", "(RXH) Coastal Hospice".
    let Some((code, after)) = organisation.split_once(')') else {
        return organisation.is_empty();
    };
    code.chars()
        .all(|c| c.is_alphanumeric() || " ,.-'&".contains(c))
        && !code.trim().is_empty()
        && after
            .split_whitespace()
            .all(|w| capitalised(&w) || w == "&")
}

/// A writer's initials as Outlook can mark comments with them: `JC`,
/// `J.C.`, `JMC`: two or three capital letters (dots between them), never
/// a word written in capitals ("NA", "NO", "OK", "TBC", "YES").
fn initials(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| *c != '.').collect();
    (2..=3).contains(&letters.len())
        && letters.iter().all(char::is_ascii_uppercase)
        && word.chars().all(|c| c.is_ascii_uppercase() || c == '.')
        && ![
            "NA", "NO", "OK", "TBC", "TBD", "YES", "YN", "DK", "NK", "NR", "NS", "TBA", "NOT",
            "AND", "ALL", "ANY",
        ]
        .contains(&letters.iter().collect::<String>().as_str())
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
fn settle(question: &Question, found: Vec<AnswerText>) -> Option<Answer> {
    let found: Vec<AnswerText> = match found.iter().rposition(|f| f.origin == Origin::Correction) {
        Some(last) => found.into_iter().skip(last).take(1).collect(),
        None => found,
    };
    let prepare = |t: &str| match question.kind {
        QuestionKind::Text => t.to_owned(),
        _ => t
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n"),
    };
    let (inferred, certain): (Vec<AnswerText>, Vec<AnswerText>) =
        found.into_iter().partition(|f| f.origin.inferred());
    // An answer said again by its number ("PS 7 is a yes") counts alone,
    // and otherwise must agree in value with the others (their reasons
    // need not be said again).
    let (restated, certain): (Vec<AnswerText>, Vec<AnswerText>) =
        if certain.iter().all(|f| f.origin == Origin::Restated) {
            (Vec::new(), certain)
        } else {
            certain
                .into_iter()
                .partition(|f| f.origin == Origin::Restated)
        };
    // The same text read once: a long line can give one question the same
    // words thousands of times, and reading is pure.
    let mut seen: std::collections::HashMap<String, Answer> = std::collections::HashMap::new();
    let mut read = |t: &str| {
        seen.entry(t.to_owned())
            .or_insert_with(|| value::read(question, t))
            .clone()
    };
    if !certain.is_empty() {
        // Certain readings win over inferred ones; several must agree.
        let prepared: Vec<String> = certain.iter().map(|f| prepare(&f.text)).collect();
        let answers: Vec<Answer> = certain
            .iter()
            .zip(&prepared)
            .map(|(f, t)| f.answer.clone().unwrap_or_else(|| read(t)))
            .collect();
        let settled = agree(answers, &prepared);
        if let Some(again) = restated
            .iter()
            .find(|f| settled.value.is_some() && read(&f.text).value != settled.value)
        {
            return Some(Answer::unclear(
                format!(
                    "conflicting answers: \"{}\" and \"{}\" said again",
                    settled.source, again.text
                ),
                format!("{}\n---\n{}", settled.source, again.text),
            ));
        }
        return Some(contradicted(settled, &inferred));
    }
    // Only inferred readings: those that give a value, all the same one.
    let mut prepared = Vec::new();
    let mut answers = Vec::new();
    for f in inferred {
        if f.origin == Origin::Limit {
            continue;
        }
        let text = prepare(&f.text);
        let mut answer = f.answer.unwrap_or_else(|| read(&text));
        if answer.value.is_none() {
            continue;
        }
        if answer.status == Status::Ok {
            answer.status = Status::Inferred;
            answer.reason = Some(match f.origin {
                Origin::Ordered => "read from bare lines in order: to be confirmed".to_owned(),
                Origin::Marked => "an option marked only by formatting: to be confirmed".to_owned(),
                _ => "inferred: to be confirmed".to_owned(),
            });
        }
        prepared.push(text);
        answers.push(answer);
    }
    if answers.is_empty() {
        return None;
    }
    Some(agree(answers, &prepared))
}

/// A certain answer that a sentence of the doctor's own contradicts
/// without a word of correction ("6. Yes", then "We don't have a written
/// protocol as such"): unclear, asked about, never one of the two guessed.
fn contradicted(settled: Answer, inferred: &[AnswerText]) -> Answer {
    if settled.value.is_none() {
        return settled;
    }
    let against = inferred
        .iter()
        .filter(|f| matches!(f.origin, Origin::Prose | Origin::Limit))
        .filter_map(|f| f.answer.as_ref())
        .find(|a| a.value.is_some() && a.value != settled.value);
    match against {
        Some(sentence) => Answer::unclear(
            format!(
                "conflicting answers: \"{}\" and the sentence \"{}\"",
                settled.source, sentence.source
            ),
            format!("{}\n---\n{}", settled.source, sentence.source),
        ),
        None => settled,
    }
}

/// A yes or no that a sentence of the doctor's own says the other way,
/// for a gate (a question others depend on) from all their text, for any
/// other question only a yes denied whole ("I have never used it myself")
/// from their sentences that are not listed answers (`texts`: the own text
/// whole, and those sentences).
fn deed_contradicted(question: &Question, answer: Answer, gate: bool, texts: &OwnText) -> Answer {
    if gate {
        gate_contradicted(question, answer, || {
            texts
                .whole_read
                .get_or_init(|| deed::Sentences::of(&texts.whole))
        })
    } else if answer.value == Some(Value::Bool(true)) {
        gate_contradicted(question, answer, || {
            texts
                .sentences_read
                .get_or_init(|| deed::Sentences::of(&texts.sentences))
        })
    } else {
        answer
    }
}

/// The doctor's own text, whole and as the sentences that are not listed
/// answers, each read into its sentences for [`deed::against`] when a
/// question first needs it: once a reply, not once a question.
struct OwnText {
    whole: String,
    sentences: String,
    whole_read: std::cell::OnceCell<deed::Sentences>,
    sentences_read: std::cell::OnceCell<deed::Sentences>,
}

impl OwnText {
    fn new(whole: String, sentences: String) -> OwnText {
        OwnText {
            whole,
            sentences,
            whole_read: std::cell::OnceCell::new(),
            sentences_read: std::cell::OnceCell::new(),
        }
    }
}

/// A gate's yes or no (a question others depend on) that a sentence of
/// the doctor's own contradicts: "1. No", then "Only used it twice, on
/// the hospice ward" (or "1. Yes", then "I have never used it myself").
/// Unclear, asked about, never one of the two guessed; the questions that
/// depend on it are not missing while it is (see [`deed`]).
fn gate_contradicted<'t>(
    question: &Question,
    answer: Answer,
    own: impl FnOnce() -> &'t deed::Sentences,
) -> Answer {
    let Some(crate::understand::answer::Value::Bool(given)) = answer.value else {
        return answer;
    };
    match deed::against(question, given, own()) {
        Some(sentence) => Answer::unclear(
            format!(
                "conflicting answers: \"{}\" and the sentence \"{}\"",
                answer.source, sentence
            ),
            format!("{}\n---\n{}", answer.source, sentence),
        ),
        None => answer,
    }
}

/// A grid's answers item by item, from everything found for it, as
/// [`settle`] reads one answer: certain readings win over inferred ones;
/// several readings of an item must agree; an answer to the whole grid
/// ("n/a", or unclear as a whole) is every item's. A correction wins, item
/// by item: "for 4, b) should be 2" replaces item b only, the others stay
/// as first given; a correction of the whole grid ("for 4 I meant n/a")
/// replaces every item. Each item's answer comes with whether a
/// correction gave it. `None` when nothing gives a value.
fn settle_grid(question: &Question, found: Vec<AnswerText>) -> Option<Vec<Option<(Answer, bool)>>> {
    let count = question.grid_items().len();
    let (corrections, found): (Vec<AnswerText>, Vec<AnswerText>) = found
        .into_iter()
        .partition(|f| f.origin == Origin::Correction);
    let (inferred, certain): (Vec<AnswerText>, Vec<AnswerText>) =
        found.into_iter().partition(|f| f.origin.inferred());
    let only_inferred = certain.is_empty();
    let mut items: Vec<Vec<Answer>> = vec![Vec::new(); count];
    for f in if only_inferred { inferred } else { certain } {
        let origin = f.origin;
        for (i, answer) in grid_reading(question, f, only_inferred) {
            let mut answer = answer;
            if only_inferred && answer.status == Status::Ok {
                answer.status = Status::Inferred;
                answer.reason = Some(match origin {
                    Origin::Ordered => "read from bare lines in order: to be confirmed".to_owned(),
                    _ => "inferred: to be confirmed".to_owned(),
                });
            }
            items[i].push(answer);
        }
    }
    let mut settled: Vec<Option<(Answer, bool)>> = items
        .into_iter()
        .map(|answers| {
            let sources: Vec<String> = answers.iter().map(|a| a.source.clone()).collect();
            (!answers.is_empty()).then(|| (agree(answers, &sources), false))
        })
        .collect();
    // Later corrections over earlier ones, each over what it names.
    for f in corrections {
        for (i, answer) in grid_reading(question, f, false) {
            settled[i] = Some((answer, true));
        }
    }
    settled.iter().any(Option::is_some).then_some(settled)
}

/// What one text found for a grid says, item by item (`(index, answer)`):
/// an answer to the whole grid is every item's; with `skip_unclear_whole`
/// (only plausible readings), a whole answer without a value says nothing.
fn grid_reading(
    question: &Question,
    f: AnswerText,
    skip_unclear_whole: bool,
) -> Vec<(usize, Answer)> {
    let count = question.grid_items().len();
    let text = f
        .text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    let reading = match f.answer {
        Some(answer) => value::GridReading::Whole(answer),
        None => value::read_grid(question, &text),
    };
    match reading {
        value::GridReading::Whole(answer) if skip_unclear_whole && answer.value.is_none() => {
            Vec::new()
        }
        value::GridReading::Whole(answer) => (0..count).map(|i| (i, answer.clone())).collect(),
        value::GridReading::Items(answers) => answers
            .into_iter()
            .enumerate()
            .filter_map(|(i, a)| a.map(|a| (i, a)))
            .collect(),
    }
}

/// One answer when every reading agrees; otherwise unclear.
fn agree(answers: Vec<Answer>, prepared: &[String]) -> Answer {
    let first = answers[0].clone();
    if answers
        .iter()
        .all(|a| a.status == first.status && a.value == first.value && a.other == first.other)
    {
        return first;
    }
    let quoted: Vec<String> = prepared.iter().map(|t| format!("\"{t}\"")).collect();
    Answer::unclear(
        format!("conflicting answers: {}", quoted.join(" and ")),
        prepared.join("\n---\n"),
    )
}

/// How an option of the questionnaire was marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// `[x]`, `(x)`, `X`, a tick: the doctor's choice.
    Typed,
    /// Only bold or colour (`*a) ...*` in a text part, the converter's
    /// marker in HTML): plausible, never certain.
    Formatting,
}

/// Marks a doctor puts beside an option line, longest first.
const TICKS: &[&str] = &[
    "[x]", "[X]", "(x)", "(X)", "[✓]", "[✔]", "<--", "<==", "<-", "←", "✓", "✔", "☑", "☒", "✗",
    "x", "X",
];

/// Arrows that point back at an option's label.
const POINTING: &[&str] = &["<--", "<==", "<<", "<-", "←", "⇐", "⬅"];

/// Words after such an arrow that only point ("this", "and this one",
/// "yes", "me"): at most three of them.
const POINTER_WORDS: &[&str] = &[
    "this", "that", "one", "and", "also", "these", "yes", "me", "mine", "here", "ticked", "chosen",
    "selected", "please", "too",
];

/// `Lack of evidence  <-- this`, `Side effects <== and this one`: the label
/// before an arrow whose words after it only point at it. `None` when
/// there is no such arrow, or its words say more ("<-- not this", "<--
/// maybe", "<-- no").
fn pointed_at(label: &str) -> Option<&str> {
    // Each arrow has one of these: without them, none is searched for.
    if !label.contains(['<', '←', '⇐', '⬅']) {
        return None;
    }
    let (at, arrow) = POINTING
        .iter()
        .filter_map(|a| label.rfind(a).map(|at| (at, *a)))
        .max_by_key(|(at, a)| (*at, a.len()))?;
    let words: Vec<String> = label[at + arrow.len()..]
        .split(|c: char| c.is_whitespace() || matches!(c, '!' | '.' | ','))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    (!words.is_empty()
        && words.len() <= 3
        && words.iter().all(|w| POINTER_WORDS.contains(&w.as_str())))
    .then(|| label[..at].trim())
}

/// Is `text` an option line of `question` (`a) Lack of evidence`), and if
/// so, was it marked? Returns the letter and the mark, if any.
/// A grid item's or a ranking option's line of ours with a value typed
/// at its end (`a) Choosing a starting dose 4`, `b) Lack of evidence - 1`):
/// that entry as `a) 4`. The line must be the item's whole label, then a
/// separator (a space, `-`, `:`, `=`) and a short value that reads as the
/// item's answer (a grid) or a rank from 1 to the number of options (a
/// ranking); anything else is not read here. Linear in the line.
fn value_beside(text: &str, question: &Question) -> Option<String> {
    if !matches!(
        question.kind,
        QuestionKind::Grid { .. } | QuestionKind::Ranking(_)
    ) {
        return None;
    }
    let labels = question.lettered();
    let text = text.trim();
    let letter = text.chars().next()?.to_ascii_lowercase();
    let index = (letter as usize).checked_sub('a' as usize)?;
    let label = labels.get(index)?;
    let rest = text.get(1..)?.strip_prefix(')')?.trim_start();
    let head = rest.get(..label.len())?;
    if !head.eq_ignore_ascii_case(label) {
        return None;
    }
    let after = &rest[label.len()..];
    let value = after
        .trim_start_matches([' ', ':', '-', '–', '—', '=', '.'])
        .trim();
    if value.is_empty() || value.len() > 12 || value.len() == after.len() {
        return None;
    }
    match &question.kind {
        // A rank, perhaps in brackets as on a form marked up by hand
        // (`c) Side effects (1)`, `[2]`).
        QuestionKind::Ranking(options) => {
            let bare = value.strip_prefix(['(', '[']).unwrap_or(value);
            let bare = if bare.len() < value.len() {
                bare.strip_suffix([')', ']'])?
            } else {
                bare.trim_end_matches(['.', ')'])
            };
            let rank = bare.trim().parse::<usize>().ok()?;
            (1..=options.len())
                .contains(&rank)
                .then(|| format!("{letter}) {rank}"))
        }
        _ => {
            let item = question.answered_questions().into_iter().nth(index)?;
            matches!(
                value::read(&item, value).status,
                Status::Ok | Status::Invalid
            )
            .then(|| format!("{letter}) {value}"))
        }
    }
}

/// "Other (please specify) X – patchy supply": a label, a mark typed
/// after it and then words of the doctor's after a dash or colon: the
/// label and the words.
fn ticked_with_words(label: &str) -> Option<(&str, &str)> {
    // Each mark has one of these: without them, none is searched for.
    if !label.contains(['x', 'X', '✓', '✔']) {
        return None;
    }
    for t in [" X ", " x ", " [x] ", " [X] ", " ✓ ", " ✔ "] {
        if let Some((head, tail)) = label.split_once(t) {
            let words = tail.trim_start_matches([' ', '-', '–', '—', ':']).trim();
            if words.len() < tail.trim().len() && !words.is_empty() {
                return Some((head.trim(), words));
            }
        }
    }
    None
}

fn option_line(
    text: &str,
    marked: bool,
    question: &Question,
) -> Option<(char, Option<Mark>, Option<String>)> {
    let options = question.lettered();
    if options.is_empty() {
        return None;
    }
    let mut rest = text.trim();
    let mut mark = marked.then_some(Mark::Formatting);
    // Bold in a text part: `*a) Lack of evidence*`.
    if rest.len() > 2 && rest.starts_with('*') && rest.ends_with('*') {
        rest = rest.trim_matches('*').trim();
        mark = mark.or(Some(Mark::Formatting));
    }
    let strip_tick = |s: &str, at_start: bool| -> Option<String> {
        for t in TICKS {
            let cut = if at_start {
                s.strip_prefix(t)
                    .filter(|r| r.starts_with(' ') || t.chars().count() > 1)
            } else {
                s.strip_suffix(t)
                    .filter(|r| r.ends_with(' ') || t.chars().count() > 1)
            };
            if let Some(r) = cut {
                return Some(r.trim().to_owned());
            }
        }
        None
    };
    let mut line = rest.to_owned();
    let mut typed = false;
    if let Some(r) = strip_tick(&line, true) {
        line = r;
        typed = true;
    }
    let letter = line.chars().next()?.to_ascii_lowercase();
    let after = line[line.chars().next()?.len_utf8()..].strip_prefix(')')?;
    let mut label = after.trim().to_owned();
    if !typed && let Some(r) = strip_tick(&label, true) {
        label = r;
        typed = true;
    }
    if !typed && let Some(r) = strip_tick(&label, false) {
        label = r;
        typed = true;
    }
    if !typed && let Some(r) = pointed_at(&label) {
        label = r.to_owned();
        typed = true;
    }
    let mut said = None;
    if !typed && let Some((head, words)) = ticked_with_words(&label) {
        said = Some(words.to_owned());
        label = head.to_owned();
        typed = true;
    }
    let index = (letter as usize).checked_sub('a' as usize)?;
    let option = options.get(index)?;
    let wanted = normalise_line(option);
    let got = normalise_line(&label);
    // A long label wraps: its first line is enough.
    let same = got == wanted || (got.len() >= 16 && wanted.starts_with(&got));
    if !same {
        return None;
    }
    if typed {
        mark = Some(Mark::Typed);
    }
    Some((letter, mark, said))
}

/// The longest start of a sentence read as a summary before an aside
/// ("Yes to all except 2, 5 and 7 – I've never prescribed it myself"):
/// every question's number or a few words for each fit in it.
const SUMMARY_HEAD_MAX: usize = 400;

/// What [`Reader::aside_words`] found in a piece of an aside.
struct AsideWords {
    /// Its first word.
    first: Option<String>,
    /// No word in it says more of a yes/no question.
    plain: bool,
}

impl AsideWords {
    /// These words followed by `rest`'s: each word is read once, whatever
    /// the cut the aside starts at.
    fn then(self, rest: &AsideWords) -> AsideWords {
        AsideWords {
            first: self.first.or_else(|| rest.first.clone()),
            plain: self.plain && rest.plain,
        }
    }

    /// Words that are an aside: some words, the first not a question's
    /// number, none saying more of a yes/no question.
    fn is_aside(&self) -> bool {
        self.plain
            && self.first.as_deref().is_some_and(|w| {
                compact::code_number(w).is_none() && !value::NUMBER_WORDS.contains(&w)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::understand::answer::{Status, Value};

    /// A text part of megabytes is read as its first [`MAX_BYTES`], as
    /// before, without being copied whole.
    #[test]
    fn arrows_pointing_at_an_answer() {
        assert_eq!(without_arrow("==> a and b"), "a and b");
        assert_eq!(without_arrow("--> Yes"), "Yes");
        assert_eq!(without_arrow("\u{2192} 7"), "7");
        assert_eq!(without_arrow("-->"), "-->");
        assert_eq!(without_arrow("- no"), "- no");
        assert_eq!(without_arrow("=====> x"), "=====> x");
    }

    #[test]
    fn initials_mark_the_writer_of_a_comment() {
        assert_eq!(without_writer("[JC] Yes"), "Yes");
        assert_eq!(without_writer("[J.M.C.] no"), "no");
        assert_eq!(without_writer("[Dr Jack Clarke] No"), "No");
        // Capitals that are words, or options, stay.
        assert_eq!(without_writer("[NA] yes"), "[NA] yes");
        assert_eq!(without_writer("[TBC]"), "[TBC]");
        assert_eq!(without_writer("[BC]"), "[BC]");
        assert_eq!(without_writer("[Jc] yes"), "[Jc] yes");
    }

    #[test]
    fn words_typed_after_our_heading() {
        let asked: Vec<&str> = "Have you used it early? (choose one)".split(' ').collect();
        let after = |line: &str| match typed_after(&asked, line) {
            Typed::After(rest) => Some(rest),
            _ => None,
        };
        assert_eq!(
            after("Have you used it early? (choose one) *No*").as_deref(),
            Some("No")
        );
        assert_eq!(
            after("have you used it early? (choose one) [JC] yes").as_deref(),
            Some("yes")
        );
        assert_eq!(after("Have you used it early? (choose one)"), None);
        assert_eq!(after("Have you used it early? (choose one) Answer:"), None);
        assert_eq!(after("Have you tried it early? (choose one) no"), None);
        assert!(matches!(
            typed_after(&asked, "Have you used"),
            Typed::Wrapped(left) if left == ["it", "early?", "(choose", "one)"]
        ));
    }

    #[test]
    fn a_huge_text_part_is_kept_only_as_far_as_it_is_read() {
        let mut body = String::from("1. yes\r\n");
        while body.len() < MAX_BYTES * 8 {
            body.push_str("lorem ipsum dolor sit amet \u{e9}t\u{e9}\r\n");
        }
        let raw =
            format!("Subject: Re: survey\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}");
        let message = crate::understand::mime::parse(raw.as_bytes()).unwrap();
        let text = reply_text(&message);
        assert!(text.len() > MAX_BYTES && text.len() <= MAX_BYTES * 2 + 1);
        let whole = message.body_text(0).unwrap();
        assert!(whole.starts_with(&text));
    }

    fn survey() -> Survey {
        crate::survey::example()
    }

    /// The questionnaire block as sent, with `answers` (question number,
    /// text) placed by `place`.
    fn questionnaire(
        answers: &[(usize, &str)],
        place: impl Fn(&str) -> String,
        prefix: &str,
    ) -> String {
        let survey = survey();
        let block = crate::survey::questionnaire::render_text(
            survey.questions.iter().enumerate().map(|(i, q)| (i + 1, q)),
        );
        let mut out = format!(
            "{prefix}{}\n{prefix}\n",
            crate::survey::questionnaire::instructions_text().replace('\n', &format!("\n{prefix}"))
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

    #[test]
    fn initials_as_comment_marking_label_the_writer() {
        assert_eq!(without_writer("[JC] Yes"), "Yes");
        assert_eq!(without_writer("[J.C.] 6"), "6");
        assert_eq!(without_writer("[SMK] Our pharmacist"), "Our pharmacist");
        for kept in [
            "[NA] yes",
            "[OK] yes",
            "[TBC] 6",
            "[x] a",
            "[J] yes",
            "[JOHN] yes",
        ] {
            assert_eq!(without_writer(kept), kept);
        }
    }
}

#[cfg(test)]
mod doubted_summaries_and_places {
    use super::parse_reply;
    use crate::understand::answer::{Status, Value};

    /// (reply, question, status and value read)
    #[test]
    fn exceptions_in_doubt_are_asked_and_numbered_places_are_read() {
        let survey = crate::survey::example();
        let yes = (Status::Ok, Some(Value::Bool(true)));
        let no = (Status::Ok, Some(Value::Bool(false)));
        let asked = (Status::Unclear, None);
        let cases = [
            (
                "Yes to all except 3 and 7, where it's complicated.",
                "opioid_sparing",
                asked.clone(),
            ),
            (
                "Yes to all except 3 and 7, where it's complicated.",
                "shared_guidance",
                asked.clone(),
            ),
            (
                "Yes to all except 3 and 7, where it's complicated.",
                "end_of_life",
                yes.clone(),
            ),
            (
                "Yes to all except 3 and 7 - it depends on the team.",
                "opioid_sparing",
                asked.clone(),
            ),
            (
                "Yes to all except 3 and 7, where it's a no.",
                "opioid_sparing",
                no.clone(),
            ),
            ("Yes to all except 3 and 7.", "shared_guidance", no.clone()),
            (
                "First two yes, 3 = yes, 4 = 6, 5 = b, and yes to the rest.",
                "opioid_sparing",
                yes.clone(),
            ),
            (
                "First two yes, 3 = yes, 4 = 6, 5 = b, and yes to the rest.",
                "early_adjuvant",
                yes.clone(),
            ),
            (
                "First two yes, 3 = yes, 4 = 6, 5 = b, and yes to the rest.",
                "confidence",
                (Status::Ok, Some(Value::Integer(6))),
            ),
            (
                "First two yes, 3 = no, 4 = 6, and yes to the rest.",
                "training",
                yes.clone(),
            ),
            (
                "First two yes, 3 = no, 4 = 6, and yes to the rest.",
                "opioid_sparing",
                no.clone(),
            ),
            (
                "First two yes, 3 = yes, 4 = 6, 3 = no, and yes to the rest.",
                "opioid_sparing",
                asked.clone(),
            ),
        ];
        for (text, id, (status, value)) in cases {
            let reply = parse_reply(text, &survey);
            let answer = reply.answers.get(id);
            assert_eq!(answer.map(|a| a.status), Some(status), "{text} / {id}");
            assert_eq!(answer.and_then(|a| a.value.clone()), value, "{text} / {id}");
        }
    }
}
