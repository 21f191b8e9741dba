//! Simulated doctors: given the raw questionnaire email a doctor received
//! and that doctor's answers, write the reply their mail client would send.
//!
//! Each [`Style`] copies one client's habits: how it quotes (or does not
//! quote) the original, its attribution line, its MIME structure and
//! transfer encoding, and how a doctor using it typically answers (inline
//! under `Answer:`, on the `Answer:` line, or as a list at the top). The
//! replies are written to be realistic and unambiguous, not to suit any
//! parser. Used by the integration tests and by `examples/doctors.rs`, the
//! demo's doctors.
//!
//! Everything here is pure except [`send`], which speaks plain SMTP as a
//! doctor's mail server would.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::Duration;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use mail_parser::{HeaderValue, MessageParser};

/// One person on the recipient list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doctor {
    /// Display name, e.g. `Dr Jack Clarke`.
    pub name: String,
    /// Address.
    pub email: String,
    /// Their service, for the signature.
    pub centre: String,
}

impl Doctor {
    /// Reads a recipient list (`name,email,centre`, header row).
    pub fn load_recipients(path: &Path) -> Result<Vec<Doctor>, String> {
        let mut reader = csv::Reader::from_path(path).map_err(|e| format!("{path:?}: {e}"))?;
        let mut out = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| format!("{path:?}: {e}"))?;
            out.push(Doctor {
                name: record.get(0).unwrap_or_default().trim().to_owned(),
                email: record.get(1).unwrap_or_default().trim().to_owned(),
                centre: record.get(2).unwrap_or_default().trim().to_owned(),
            });
        }
        Ok(out)
    }

    /// `Jack` from `Dr Jack Clarke`.
    pub fn first_name(&self) -> &str {
        let mut words = self.name.split_whitespace();
        match words.next() {
            Some("Dr" | "Dr." | "Prof" | "Prof." | "Mr" | "Mrs" | "Ms") => words.next(),
            first => first,
        }
        .unwrap_or("")
    }

    /// `Jack Clarke` from `Dr Jack Clarke`.
    pub fn plain_name(&self) -> String {
        let words: Vec<&str> = self.name.split_whitespace().collect();
        match words.first() {
            Some(&("Dr" | "Dr." | "Prof" | "Prof." | "Mr" | "Mrs" | "Ms")) => words[1..].join(" "),
            _ => self.name.clone(),
        }
    }

    fn domain(&self) -> &str {
        self.email.split('@').nth(1).unwrap_or("doctors.test")
    }
}

/// One answer, as the doctor means it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A yes/no question.
    YesNo(bool),
    /// A number on the question's scale.
    Scale(u32),
    /// Chosen options by letter (`a`, `c`), with the "other" text if any.
    Choices { letters: Vec<char>, other: String },
    /// Free text; empty means no answer (an optional question).
    Text(String),
}

/// One doctor's answers, in questionnaire order (the order of the cohort
/// file's columns, which is the survey's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answers {
    /// The respondent's address.
    pub email: String,
    /// `(question id, answer)`, question 1 first.
    pub items: Vec<(String, Value)>,
}

impl Answers {
    /// Reads `tests/fixtures/cohort.csv`: an `email` column, then one column
    /// per question (`yes`/`no`, an integer, letters joined by `;` with a
    /// `QUESTION_other` column beside them, or free text).
    pub fn load_cohort(path: &Path) -> Result<Vec<Answers>, String> {
        let mut reader = csv::Reader::from_path(path).map_err(|e| format!("{path:?}: {e}"))?;
        let headers = reader
            .headers()
            .map_err(|e| format!("{path:?}: {e}"))?
            .clone();
        let columns: Vec<&str> = headers.iter().collect();
        let mut out = Vec::new();
        for (row, record) in reader.records().enumerate() {
            let record = record.map_err(|e| format!("{path:?}: {e}"))?;
            out.push(
                Answers::from_record(&columns, &record.iter().collect::<Vec<_>>())
                    .map_err(|e| format!("{path:?} row {}: {e}", row + 2))?,
            );
        }
        Ok(out)
    }

    /// One cohort row.
    pub fn from_record(columns: &[&str], cells: &[&str]) -> Result<Answers, String> {
        let cell = |name: &str| {
            columns
                .iter()
                .position(|c| *c == name)
                .and_then(|i| cells.get(i))
                .map(|c| c.trim())
        };
        let email = cell("email").ok_or("no email column")?.to_owned();
        let mut items = Vec::new();
        for (i, column) in columns.iter().enumerate() {
            if *column == "email" || column.ends_with("_other") {
                continue;
            }
            let text = cells.get(i).map(|c| c.trim()).unwrap_or_default();
            let other_column = format!("{column}_other");
            let value = if let Some(other) = cell(&other_column) {
                let letters: Vec<char> = text
                    .split([';', ','])
                    .filter_map(|l| l.trim().chars().next())
                    .collect();
                Value::Choices {
                    letters,
                    other: other.to_owned(),
                }
            } else if text.eq_ignore_ascii_case("yes") || text.eq_ignore_ascii_case("no") {
                Value::YesNo(text.eq_ignore_ascii_case("yes"))
            } else if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
                Value::Scale(text.parse().map_err(|e| format!("{column}: {e}"))?)
            } else {
                Value::Text(text.to_owned())
            };
            items.push(((*column).to_owned(), value));
        }
        Ok(Answers { email, items })
    }

    /// The answer to question `id`.
    pub fn get(&self, id: &str) -> Option<&Value> {
        self.items.iter().find(|(q, _)| q == id).map(|(_, v)| v)
    }
}

/// A mail client, and how a doctor using it answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Gmail on the web: multipart/alternative, the original quoted with
    /// `> ` under a (wrapped) "On ..., NAME <ADDR> wrote:" line, answers
    /// typed on their own lines under each quoted `> Answer:`.
    Gmail,
    /// Classic Outlook for Windows: Word HTML plus text, answers as an
    /// auto-numbered list at the top, "Kind regards", a signature and a legal
    /// disclaimer, then the original UNQUOTED under a From/Sent/To/Subject
    /// block.
    OutlookDesktop,
    /// Outlook on the web: "-----Original Message-----", the original
    /// unquoted, answers typed in red on each `Answer:` line.
    OutlookWeb,
    /// Apple Mail on a Mac: quoted-printable, `blockquote type="cite"`,
    /// answers typed on the quoted line (`> Answer: yes`).
    AppleMail,
    /// Mail on an iPhone: plain text, answers at the top as `1 yes`,
    /// "Sent from my iPhone", the original quoted below.
    IPhone,
    /// Thunderbird: `.moz-cite-prefix`, `> ` quoting, answers on their own
    /// unquoted lines right under `> Answer:`.
    Thunderbird,
    /// A terse plain-text list (`Q1: yes`) from K-9 Mail on Android, the
    /// original quoted below.
    Terse,
    /// HCL Notes: plain text in windows-1252, base64, answers as `1 - Yes`
    /// at the top, the original unquoted under a tabbed header block.
    Notes,
}

impl Style {
    /// Every style, in the demo's rotation order.
    pub const ALL: [Style; 8] = [
        Style::Gmail,
        Style::OutlookDesktop,
        Style::AppleMail,
        Style::IPhone,
        Style::Thunderbird,
        Style::OutlookWeb,
        Style::Terse,
        Style::Notes,
    ];

    /// The style of the `index`-th doctor: a fixed rotation.
    pub fn rotation(index: usize) -> Style {
        Style::ALL[index % Style::ALL.len()]
    }

    /// A short name, for file names and logs.
    pub fn name(self) -> &'static str {
        match self {
            Style::Gmail => "gmail",
            Style::OutlookDesktop => "outlook-desktop",
            Style::OutlookWeb => "outlook-web",
            Style::AppleMail => "apple-mail",
            Style::IPhone => "iphone",
            Style::Thunderbird => "thunderbird",
            Style::Terse => "terse",
            Style::Notes => "notes-windows-1252",
        }
    }

    /// How this doctor writes each kind of answer.
    fn forms(self) -> Forms {
        let (capital, scale, labels) = match self {
            Style::Gmail => (true, ScaleForm::Plain, false),
            Style::OutlookDesktop => (true, ScaleForm::Slash, false),
            Style::OutlookWeb => (true, ScaleForm::OutOf, true),
            Style::AppleMail => (false, ScaleForm::Plain, true),
            Style::IPhone => (false, ScaleForm::OutOf, false),
            Style::Thunderbird => (false, ScaleForm::Slash, true),
            Style::Terse => (false, ScaleForm::Plain, false),
            Style::Notes => (true, ScaleForm::Slash, true),
        };
        Forms {
            capital,
            scale,
            labels,
            dash: if self == Style::Notes {
                "\u{2013}"
            } else {
                "-"
            },
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ScaleForm {
    /// `7`
    Plain,
    /// `7/10`
    Slash,
    /// `7 out of 10`
    OutOf,
}

#[derive(Debug, Clone, Copy)]
struct Forms {
    capital: bool,
    scale: ScaleForm,
    labels: bool,
    dash: &'static str,
}

/// One question as the doctor sees it in the email.
#[derive(Debug, Clone)]
struct Question {
    number: usize,
    heading: String,
    options: Vec<(char, String)>,
    scale_max: Option<u32>,
}

/// The questionnaire email a doctor received, as their client sees it.
#[derive(Debug, Clone)]
pub struct Invitation {
    /// From display name.
    pub from_name: String,
    /// From address.
    pub from_address: String,
    /// To display name (the doctor as the survey knows them).
    pub to_name: String,
    /// To address.
    pub to_address: String,
    /// Reply-To address (`survey+TOKEN@domain`), or From when absent.
    pub reply_to: String,
    /// Where automatic replies go: Return-Path, else From.
    pub return_path: String,
    /// Message-ID without angle brackets.
    pub message_id: String,
    /// Subject.
    pub subject: String,
    /// Date.
    pub date: Timestamp,
    /// Decoded text part.
    pub text: String,
    /// Decoded HTML part, if any.
    pub html: Option<String>,
    questions: Vec<Question>,
}

impl Invitation {
    /// Reads a raw questionnaire email (invitation or reminder).
    pub fn parse(raw: &[u8]) -> Result<Invitation, String> {
        let message = MessageParser::default()
            .parse(raw)
            .ok_or("not a parseable message")?;
        let first = |a: Option<&mail_parser::Address<'_>>| {
            a.and_then(|a| a.first())
                .map(|a| {
                    (
                        a.name().unwrap_or_default().to_owned(),
                        a.address().unwrap_or_default().to_owned(),
                    )
                })
                .unwrap_or_default()
        };
        let (from_name, from_address) = first(message.from());
        let (to_name, to_address) = first(message.to());
        let reply_to = match first(message.reply_to()).1 {
            r if r.is_empty() => from_address.clone(),
            r => r,
        };
        let return_path = match message.return_path() {
            HeaderValue::Text(t) => t.trim_matches(['<', '>', ' ']).to_owned(),
            HeaderValue::TextList(l) => l
                .first()
                .map(|t| t.trim_matches(['<', '>', ' ']).to_owned())
                .unwrap_or_default(),
            _ => String::new(),
        };
        let return_path = if return_path.is_empty() {
            from_address.clone()
        } else {
            return_path
        };
        let message_id = message.message_id().ok_or("no Message-ID")?.to_owned();
        let date = message
            .date()
            .and_then(|d| Timestamp::from_second(d.to_timestamp()).ok())
            .unwrap_or_else(Timestamp::now);
        let text = message
            .body_text(0)
            .ok_or("no text part")?
            .replace("\r\n", "\n");
        let html = message.body_html(0).map(|h| h.replace("\r\n", "\n"));
        let questions = questions(&text);
        if questions.is_empty() {
            return Err("no numbered questions in the text part".into());
        }
        Ok(Invitation {
            from_name,
            from_address,
            to_name,
            to_address,
            reply_to,
            return_path,
            message_id,
            subject: message.subject().unwrap_or_default().to_owned(),
            date,
            text,
            html,
            questions,
        })
    }
}

/// A question's number if `line` starts one: `N. ` at the start of a line.
fn question_number(line: &str) -> Option<usize> {
    let (digits, rest) = line.split_once(". ")?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || rest.is_empty() {
        return None;
    }
    digits.parse().ok()
}

/// An option line: `a) label`.
fn option_line(line: &str) -> Option<(char, String)> {
    let mut chars = line.chars();
    let letter = chars.next()?;
    (letter.is_ascii_lowercase() && line[1..].starts_with(") "))
        .then(|| (letter, line[3..].trim().to_owned()))
}

/// The numbered questions of a questionnaire's text part.
fn questions(text: &str) -> Vec<Question> {
    let mut out: Vec<Question> = Vec::new();
    let mut open = false;
    for line in text.lines() {
        if let Some(number) = question_number(line) {
            out.push(Question {
                number,
                heading: line.to_owned(),
                options: Vec::new(),
                scale_max: None,
            });
            open = true;
            continue;
        }
        if !open {
            continue;
        }
        let question = out.last_mut().expect("open implies a question");
        if line.trim() == "Answer:" {
            open = false;
            question.scale_max = scale_max(&question.heading);
        } else if let Some(option) = option_line(line) {
            question.options.push(option);
        } else if let Some(rest) = line.strip_prefix("   ") {
            match question.options.last_mut() {
                Some((_, label)) => {
                    label.push(' ');
                    label.push_str(rest.trim());
                }
                None => {
                    question.heading.push(' ');
                    question.heading.push_str(rest.trim());
                }
            }
        }
    }
    out
}

/// The top of a scale named in a heading: `(0 = not at all, 10 = fully)`.
fn scale_max(heading: &str) -> Option<u32> {
    heading
        .split(" = ")
        .filter_map(|before| {
            let digits: String = before
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            digits.chars().rev().collect::<String>().parse().ok()
        })
        .max()
}

/// How `value` reads when this doctor writes it, for `question`.
fn phrase(value: &Value, question: &Question, forms: Forms) -> String {
    match value {
        Value::YesNo(yes) => match (yes, forms.capital) {
            (true, true) => "Yes".into(),
            (true, false) => "yes".into(),
            (false, true) => "No".into(),
            (false, false) => "no".into(),
        },
        Value::Scale(n) => {
            let max = question.scale_max.unwrap_or(10);
            match forms.scale {
                ScaleForm::Plain => n.to_string(),
                ScaleForm::Slash => format!("{n}/{max}"),
                ScaleForm::OutOf => format!("{n} out of {max}"),
            }
        }
        Value::Choices { letters, other } => {
            let label = |letter: char| {
                question
                    .options
                    .iter()
                    .find(|(l, _)| *l == letter)
                    .map(|(_, label)| label.clone())
                    .unwrap_or_else(|| letter.to_string())
            };
            let is_other = |letter: char| {
                !other.is_empty() && label(letter).to_ascii_lowercase().starts_with("other")
            };
            let mut parts = Vec::new();
            for (i, &letter) in letters.iter().enumerate() {
                let part = match (forms.labels, is_other(letter)) {
                    (false, false) => letter.to_string(),
                    (false, true) => format!("{letter} {} {other}", forms.dash),
                    (true, true) => {
                        let word = if i == 0 { "Other" } else { "other" };
                        format!("{word} {} {other}", forms.dash)
                    }
                    (true, false) => {
                        let text = label(letter);
                        if i == 0 { text } else { lower_first(&text) }
                    }
                };
                parts.push(part);
            }
            parts.join(if forms.labels { "; " } else { ", " })
        }
        Value::Text(text) => text.clone(),
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

/// The answers, paired with the questions they answer, in order; the
/// questionnaire and the answers must have the same number of questions.
fn paired<'a>(
    invitation: &'a Invitation,
    answers: &'a Answers,
) -> Result<Vec<(&'a Question, &'a Value)>, String> {
    if invitation.questions.len() != answers.items.len() {
        return Err(format!(
            "the questionnaire has {} questions, the answers {}",
            invitation.questions.len(),
            answers.items.len()
        ));
    }
    Ok(invitation
        .questions
        .iter()
        .zip(answers.items.iter().map(|(_, v)| v))
        .collect())
}

/// Is this an empty (unanswered optional) answer?
fn is_blank(value: &Value) -> bool {
    matches!(value, Value::Text(t) if t.trim().is_empty())
}

/// A message ready to hand to a mail server.
#[derive(Debug, Clone)]
pub struct Mail {
    /// `MAIL FROM` (empty for the null sender `<>`).
    pub envelope_from: String,
    /// `RCPT TO`.
    pub envelope_to: String,
    /// The message, CRLF line ends.
    pub bytes: Vec<u8>,
}

/// A reply from `doctor` to the questionnaire `invitation` (raw), carrying
/// all of `answers`, written as `style` would, dated now.
pub fn reply(
    invitation: &[u8],
    doctor: &Doctor,
    answers: &Answers,
    style: Style,
) -> Result<Mail, String> {
    reply_at(invitation, doctor, answers, style, Timestamp::now(), None)
}

/// A reply sent after the survey closed, with an apology at the top.
pub fn late_reply(
    invitation: &[u8],
    doctor: &Doctor,
    answers: &Answers,
    style: Style,
    date: Timestamp,
) -> Result<Mail, String> {
    reply_at(
        invitation,
        doctor,
        answers,
        style,
        date,
        Some("Sorry this is so late - I have only just got round to it."),
    )
}

/// [`reply`] dated `date`, with an optional `note` as the first line.
pub fn reply_at(
    invitation: &[u8],
    doctor: &Doctor,
    answers: &Answers,
    style: Style,
    date: Timestamp,
    note: Option<&str>,
) -> Result<Mail, String> {
    let invitation = Invitation::parse(invitation)?;
    let pairs = paired(&invitation, answers)?;
    let forms = style.forms();
    let writer = Writer {
        invitation: &invitation,
        doctor,
        pairs: &pairs,
        forms,
        date,
        note,
    };
    let bytes = match style {
        Style::Gmail => writer.gmail(),
        Style::OutlookDesktop => writer.outlook_desktop(),
        Style::OutlookWeb => writer.outlook_web(),
        Style::AppleMail => writer.apple_mail(),
        Style::IPhone => writer.iphone(),
        Style::Thunderbird => writer.thunderbird(),
        Style::Terse => writer.terse(),
        Style::Notes => writer.notes(),
    };
    Ok(Mail {
        envelope_from: doctor.email.clone(),
        envelope_to: invitation.reply_to.clone(),
        bytes,
    })
}

/// Kinds of automatic reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AutoReply {
    /// Exchange/Outlook "Automatic reply:" with `Auto-Submitted:
    /// auto-replied`.
    OutOfOffice,
    /// A classic vacation responder: `X-Autoreply: yes`, `Precedence:
    /// bulk`, no Auto-Submitted.
    Vacation,
}

/// The automatic reply `doctor`'s mailbox sends to the questionnaire
/// `invitation` (raw). It goes where automatic replies go (RFC 3834): to the
/// Return-Path, from the null sender for the vacation responder.
pub fn auto_reply(invitation: &[u8], doctor: &Doctor, kind: AutoReply) -> Result<Mail, String> {
    let invitation = Invitation::parse(invitation)?;
    let date = Timestamp::now();
    let back = (date + jiff::SignedDuration::from_hours(24 * 10))
        .to_zoned_datetime(london())
        .strftime("%A %-d %B %Y")
        .to_string();
    let mut headers = Headers::default();
    let bytes = match kind {
        AutoReply::OutOfOffice => {
            headers.add("From", mailbox(&doctor.name, &doctor.email));
            headers.add(
                "To",
                mailbox(&invitation.from_name, &invitation.from_address),
            );
            headers.add(
                "Subject",
                format!("Automatic reply: {}", invitation.subject),
            );
            headers.add("Thread-Topic", invitation.subject.clone());
            headers.add("Date", rfc2822(date));
            headers.add("Message-ID", outlook_message_id());
            headers.add("In-Reply-To", format!("<{}>", invitation.message_id));
            headers.add("References", format!("<{}>", invitation.message_id));
            headers.add("Auto-Submitted", "auto-replied".into());
            headers.add("X-Auto-Response-Suppress", "All".into());
            headers.add("X-MS-Exchange-Inbox-Rules-Loop", doctor.email.clone());
            headers.add("Content-Language", "en-GB".into());
            let text = format!(
                "Thank you for your email. I am on annual leave and will be back on {back}, \
                 with limited access to email until then.\n\nFor urgent clinical matters \
                 please contact the palliative care team on 01632 960 000.\n\n{}\n{}\n",
                doctor.name, doctor.centre
            );
            let html = format!(
                "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head>\
                 <body><div id=\"divtagdefaultwrapper\" dir=\"ltr\" style=\"font-size:11pt;font-family:Calibri,sans-serif;\">\
                 <p>{}</p></div></body></html>",
                escape(&text)
                    .replace("\n\n", "</p><p>")
                    .replace('\n', "<br>")
            );
            message(
                &headers,
                &Part::Multi {
                    subtype: "alternative",
                    boundary: format!("_000_{}_", hex(12)),
                    parts: vec![
                        Part::text("plain", &text, Cte::QuotedPrintable),
                        Part::text("html", &html, Cte::QuotedPrintable),
                    ],
                },
            )
        }
        AutoReply::Vacation => {
            headers.add("From", format!("<{}>", doctor.email));
            headers.add("To", format!("<{}>", invitation.return_path));
            headers.add("Subject", format!("Auto: {}", invitation.subject));
            headers.add("Date", rfc2822(date));
            headers.add(
                "Message-ID",
                format!("<dovecot-sieve-{}@{}>", hex(8), doctor.domain()),
            );
            headers.add("In-Reply-To", format!("<{}>", invitation.message_id));
            headers.add("References", format!("<{}>", invitation.message_id));
            headers.add("X-Autoreply", "yes".into());
            headers.add("Precedence", "bulk".into());
            let text = format!(
                "I am away until {back} and will not be reading email.\n\
                 Your message has not been forwarded.\n\n{}\n",
                doctor.plain_name()
            );
            message(&headers, &Part::text("plain", &text, Cte::EightBit))
        }
    };
    Ok(Mail {
        envelope_from: match kind {
            AutoReply::OutOfOffice => doctor.email.clone(),
            AutoReply::Vacation => String::new(),
        },
        envelope_to: invitation.return_path.clone(),
        bytes,
    })
}

/// Is this raw message a questionnaire (invitation or reminder) from a
/// survey: numbered questions with `Answer:` lines and a Reply-To?
pub fn is_questionnaire(raw: &[u8]) -> bool {
    Invitation::parse(raw).is_ok_and(|i| i.reply_to.contains('+'))
}

/// The newest questionnaire among `messages` (by Date, the later of equals).
pub fn newest_questionnaire(messages: &[Vec<u8>]) -> Option<&[u8]> {
    messages
        .iter()
        .filter_map(|raw| Invitation::parse(raw).ok().map(|i| (i.date, raw)))
        .filter(|(_, raw)| is_questionnaire(raw))
        .max_by_key(|(date, _)| *date)
        .map(|(_, raw)| raw.as_slice())
}

/// Sends `mail` over plain SMTP to `127.0.0.1:port`, as a doctor's mail
/// server would: no login, no TLS. Bare LF become CRLF; lines starting with
/// a dot are stuffed.
pub fn send(port: u16, mail: &Mail) -> std::io::Result<()> {
    let stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut writer = stream;
    let expect = |code: &str, reader: &mut BufReader<TcpStream>| -> std::io::Result<()> {
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line)? == 0 {
                return Err(std::io::Error::other(format!(
                    "connection closed, expected {code}"
                )));
            }
            if !line.starts_with(code) {
                return Err(std::io::Error::other(format!(
                    "expected {code}, got {}",
                    line.trim_end()
                )));
            }
            if line.as_bytes().get(3) != Some(&b'-') {
                return Ok(());
            }
        }
    };
    expect("220", &mut reader)?;
    writer.write_all(b"EHLO doctors.test\r\n")?;
    expect("250", &mut reader)?;
    writer.write_all(format!("MAIL FROM:<{}>\r\n", mail.envelope_from).as_bytes())?;
    expect("250", &mut reader)?;
    writer.write_all(format!("RCPT TO:<{}>\r\n", mail.envelope_to).as_bytes())?;
    expect("250", &mut reader)?;
    writer.write_all(b"DATA\r\n")?;
    expect("354", &mut reader)?;
    let mut data = Vec::with_capacity(mail.bytes.len() + 64);
    let body = mail.bytes.strip_suffix(b"\n").unwrap_or(&mail.bytes);
    for line in body.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.first() == Some(&b'.') {
            data.push(b'.');
        }
        data.extend_from_slice(line);
        data.extend_from_slice(b"\r\n");
    }
    data.extend_from_slice(b".\r\n");
    writer.write_all(&data)?;
    expect("250", &mut reader)?;
    writer.write_all(b"QUIT\r\n")?;
    Ok(())
}

// ---------------------------------------------------------------------------
// The styles.

struct Writer<'a> {
    invitation: &'a Invitation,
    doctor: &'a Doctor,
    pairs: &'a [(&'a Question, &'a Value)],
    forms: Forms,
    date: Timestamp,
    note: Option<&'a str>,
}

impl Writer<'_> {
    /// The answer to question `number`, as this doctor writes it; `None`
    /// when they leave it blank.
    fn answer(&self, number: usize) -> Option<String> {
        self.pairs
            .iter()
            .find(|(q, _)| q.number == number)
            .filter(|(_, v)| !is_blank(v))
            .map(|(q, v)| phrase(v, q, self.forms))
    }

    /// The answers as list lines, `format(number, answer)`.
    fn list(&self, format: impl Fn(usize, &str) -> String) -> Vec<String> {
        self.pairs
            .iter()
            .filter(|(_, v)| !is_blank(v))
            .map(|(q, v)| format(q.number, &phrase(v, q, self.forms)))
            .collect()
    }

    fn note_line(&self) -> String {
        self.note.map(|n| format!("{n}\n\n")).unwrap_or_default()
    }

    /// Headers every reply carries.
    fn headers(&self, from: String, subject_prefix: &str, message_id: String) -> Headers {
        let mut headers = Headers::default();
        headers.add("From", from);
        headers.add("To", self.invitation.reply_to.clone());
        headers.add(
            "Subject",
            encode_word(&format!("{subject_prefix}{}", self.invitation.subject)),
        );
        headers.add("Date", rfc2822(self.date));
        headers.add("Message-ID", message_id);
        headers.add("In-Reply-To", format!("<{}>", self.invitation.message_id));
        headers.add("References", format!("<{}>", self.invitation.message_id));
        headers
    }

    /// The original text with each line run through `line`, and after each
    /// `Answer:` line the text `after(number)` returns.
    fn walk_text(
        &self,
        mut line: impl FnMut(&str, Option<&str>) -> String,
        mut after: impl FnMut(usize) -> Option<String>,
    ) -> String {
        let mut out = String::new();
        let mut current = None;
        for original in self.invitation.text.trim_end().lines() {
            if let Some(n) = question_number(original) {
                current = Some(n);
            }
            let is_answer = original.trim() == "Answer:" && current.is_some();
            let typed = if is_answer {
                current.and_then(|n| self.answer(n))
            } else {
                None
            };
            out.push_str(&line(original, typed.as_deref()));
            out.push('\n');
            if is_answer {
                if let Some(text) = current.and_then(&mut after) {
                    out.push_str(&text);
                }
                current = None;
            }
        }
        out
    }

    /// The original HTML body's inner part, split around the question
    /// blocks: `(before the first question, questions with their number,
    /// after the last)`. `None` when the HTML has no recognisable blocks.
    fn html_blocks(&self) -> Option<(String, Vec<String>, String)> {
        let inner = body_inner(self.invitation.html.as_deref()?);
        const START: &str = "<div style=\"margin:0 0 20px 0;\">";
        let mut blocks = Vec::new();
        let first = inner.find(START)?;
        let before = inner[..first].to_owned();
        let mut rest = &inner[first..];
        while rest.starts_with(START) {
            let end = rest.find("</div>")? + "</div>".len();
            blocks.push(rest[..end].to_owned());
            rest = rest[end..].trim_start_matches('\n');
        }
        (blocks.len() == self.pairs.len()).then(|| (before, blocks, rest.to_owned()))
    }

    /// The original HTML with each `Answer:` paragraph filled in by
    /// `fill(answer)`.
    fn html_filled(&self, fill: impl Fn(&str) -> String) -> String {
        let inner = body_inner(self.invitation.html.as_deref().unwrap_or_default());
        let mut out = String::new();
        let mut rest = inner.as_str();
        let mut number = 0;
        while let Some(at) = rest.find(">Answer:</p>") {
            number += 1;
            out.push_str(&rest[..at + ">Answer:".len()]);
            if let Some(answer) = self.answer(number) {
                out.push_str(&fill(&answer));
            }
            rest = &rest[at + ">Answer:".len()..];
        }
        out.push_str(rest);
        out
    }

    fn gmail(&self) -> Vec<u8> {
        let inv = self.invitation;
        let doctor = self.doctor;
        let when = inv.date.to_zoned_datetime(london());
        let attribution = format!(
            "On {}, {} <{}> wrote:",
            when.strftime("%a, %-d %b %Y at %H:%M"),
            inv.from_name,
            inv.from_address
        );
        // Gmail hard-wraps its attribution line, often just before the `<`.
        let wrapped = match attribution.find(" <") {
            Some(at) if attribution.len() > 76 => {
                format!("{} <\n{}", &attribution[..at], &attribution[at + 2..])
            }
            _ => attribution.clone(),
        };
        let top = format!(
            "{}Hello, my answers are below each question.\n\nBest wishes,\n{}\n",
            self.note_line(),
            doctor.first_name()
        );
        let quoted = self.walk_text(
            |line, _| {
                if line.is_empty() {
                    ">".into()
                } else {
                    format!("> {line}")
                }
            },
            |n| self.answer(n).map(|a| format!("\n{a}\n\n")),
        );
        let text = format!("{top}\n{wrapped}\n\n{quoted}");

        const QUOTE: &str = "<blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex\">";
        let mut quote_html = String::new();
        match self.html_blocks() {
            Some((before, blocks, after)) => {
                let mut pending = before;
                for (i, block) in blocks.iter().enumerate() {
                    pending.push_str(block);
                    if let Some(answer) = self.answer(i + 1) {
                        quote_html.push_str(&format!("{QUOTE}{pending}</blockquote>"));
                        quote_html.push_str(&format!("<div>{}</div>", escape(&answer)));
                        pending = String::new();
                    }
                }
                pending.push_str(&after);
                quote_html.push_str(&format!("{QUOTE}{pending}</blockquote>"));
            }
            None => {
                quote_html.push_str(&format!("{QUOTE}{}</blockquote>", text_to_html(&inv.text)))
            }
        }
        let top_html: String = top
            .trim_end()
            .lines()
            .map(|l| {
                if l.is_empty() {
                    "<div><br></div>".to_owned()
                } else {
                    format!("<div>{}</div>", escape(l))
                }
            })
            .collect();
        let html = format!(
            "<div dir=\"ltr\">{top_html}</div><br><div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">On {}, {} &lt;<a href=\"mailto:{addr}\">{addr}</a>&gt; wrote:<br></div>{quote_html}</div>\n",
            when.strftime("%a, %-d %b %Y at %H:%M"),
            escape(&inv.from_name),
            addr = inv.from_address,
        );
        let headers = self.headers(
            mailbox(&doctor.plain_name(), &doctor.email),
            "Re: ",
            format!("<CA+{}@mail.gmail.com>", base64_id(36)),
        );
        message(
            &headers,
            &Part::Multi {
                subtype: "alternative",
                boundary: format!("000000000000{}", hex(10)),
                parts: vec![
                    Part::text("plain", &text, Cte::QuotedPrintable),
                    Part::text("html", &html, Cte::QuotedPrintable),
                ],
            },
        )
    }

    fn signature(&self) -> String {
        format!(
            "{}\nConsultant in Palliative Medicine\n{}\nTel: 01632 960 {:03} | Ext. {}",
            self.doctor.name,
            self.doctor.centre,
            self.doctor.email.len() * 7 % 1000,
            4400 + self.doctor.name.len()
        )
    }

    fn disclaimer(&self) -> String {
        format!(
            "DISCLAIMER: This email and any files transmitted with it are confidential and \
             intended solely for the use of the individual to whom they are addressed. If you \
             have received this email in error please reply \"yes, received in error\" and \
             delete it. 1. Do not copy it. 2. Do not forward it. 3. Do not disclose its \
             contents. {} is a registered charity no. 1098765 and a company limited by \
             guarantee, registered in England no. 04567890. Calls may be recorded. \
             Telephone 0300 123 4567.",
            self.doctor.centre
        )
    }

    fn outlook_desktop(&self) -> Vec<u8> {
        let inv = self.invitation;
        let sent = inv
            .date
            .to_zoned_datetime(london())
            .strftime("%d %B %Y %H:%M");
        let answers = self.list(|n, a| format!("{n}. {a}"));
        let text = format!(
            "{}{}\n\nKind regards\n\n{}\n\n{}\n\n{}\n\nFrom: {} <{}> \nSent: {sent}\nTo: {} <{}>\nSubject: {}\n\n{}",
            self.note_line(),
            answers.join("\n"),
            self.doctor.first_name(),
            self.signature(),
            self.disclaimer(),
            inv.from_name,
            inv.from_address,
            inv.to_name,
            inv.to_address,
            inv.subject,
            inv.text.trim_end(),
        ) + "\n";

        let p = |s: &str| format!("<p class=\"MsoNormal\">{s}<o:p></o:p></p>\n");
        let empty = p("&nbsp;");
        let mut body = String::new();
        if let Some(note) = self.note {
            body.push_str(&p(&escape(note)));
            body.push_str(&empty);
        }
        for (q, v) in self.pairs.iter().filter(|(_, v)| !is_blank(v)) {
            body.push_str(&format!(
                "<p class=\"MsoListParagraph\" style=\"text-indent:-18.0pt;mso-list:l0 level1 lfo1\"><![if !supportLists]><span style=\"mso-list:Ignore\">{}.<span style=\"font:7.0pt &quot;Times New Roman&quot;\">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>{}<o:p></o:p></p>\n",
                q.number,
                escape(&phrase(v, q, self.forms))
            ));
        }
        body.push_str(&empty);
        body.push_str(&p("Kind regards"));
        body.push_str(&empty);
        body.push_str(&p(&escape(self.doctor.first_name())));
        body.push_str(&empty);
        for line in self.signature().lines() {
            body.push_str(&p(&format!(
                "<span style=\"font-size:9.0pt;color:#1F3864\">{}</span>",
                escape(line)
            )));
        }
        body.push_str(&empty);
        body.push_str(&p(&format!(
            "<span style=\"font-size:7.5pt;color:gray\">{}</span>",
            escape(&self.disclaimer())
        )));
        body.push_str(&empty);
        let html = format!(
            "<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:w=\"urn:schemas-microsoft-com:office:word\" xmlns:m=\"http://schemas.microsoft.com/office/2004/12/omml\" xmlns=\"http://www.w3.org/TR/REC-html40\">\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\n<meta name=\"Generator\" content=\"Microsoft Word 15 (filtered medium)\">\n<style><!--\np.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{{margin:0cm;font-size:11.0pt;font-family:\"Calibri\",sans-serif;}}\np.MsoListParagraph\n\t{{margin-top:0cm;margin-right:0cm;margin-bottom:0cm;margin-left:36.0pt;font-size:11.0pt;font-family:\"Calibri\",sans-serif;}}\n@list l0\n\t{{mso-list-id:1459713562;mso-list-template-ids:-1;}}\n@list l0:level1\n\t{{mso-level-tab-stop:none;mso-level-number-position:left;text-indent:-18.0pt;}}\n.MsoChpDefault\n\t{{mso-style-type:export-only;}}\ndiv.WordSection1\n\t{{page:WordSection1;}}\n--></style>\n</head>\n<body lang=\"EN-GB\" link=\"#0563C1\" vlink=\"#954F72\" style=\"word-wrap:break-word\">\n<div class=\"WordSection1\">\n{body}<div style=\"border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm\">\n<p class=\"MsoNormal\"><b><span lang=\"EN-US\">From:</span></b><span lang=\"EN-US\"> {} &lt;{}&gt; <br><b>Sent:</b> {sent}<br><b>To:</b> {} &lt;{}&gt;<br><b>Subject:</b> {}<o:p></o:p></span></p>\n</div>\n{empty}{}\n</div>\n</body>\n</html>\n",
            escape(&inv.from_name),
            inv.from_address,
            escape(&inv.to_name),
            inv.to_address,
            escape(&inv.subject),
            body_inner(inv.html.as_deref().unwrap_or_default()),
        );
        let mut headers = self.headers(
            mailbox(&self.doctor.name, &self.doctor.email),
            "RE: ",
            outlook_message_id(),
        );
        headers.add("Thread-Topic", inv.subject.clone());
        headers.add("Thread-Index", format!("AQH{}", base64_id(22)));
        headers.add("X-Mailer", "Microsoft Outlook 16.0".into());
        headers.add("Content-Language", "en-gb".into());
        message(
            &headers,
            &Part::Multi {
                subtype: "alternative",
                boundary: format!("----=_NextPart_000_{}_01DB{}", hex(4), hex(4)),
                parts: vec![
                    Part::text("plain", &text, Cte::QuotedPrintable),
                    Part::text("html", &html, Cte::QuotedPrintable),
                ],
            },
        )
    }

    fn outlook_web(&self) -> Vec<u8> {
        let inv = self.invitation;
        let sent = inv
            .date
            .to_zoned_datetime(london())
            .strftime("%A, %-d %B %Y %H:%M");
        let original = self.walk_text(
            |line, typed| match typed {
                Some(answer) => format!("{line} {answer}"),
                None => line.to_owned(),
            },
            |_| None,
        );
        let text = format!(
            "{}Hi,\n\nPlease see my answers in red below.\n\nThanks,\n{}\n\n-----Original Message-----\nFrom: {} <{}> \nSent: {sent}\nTo: {} <{}>\nSubject: {}\n\n{original}",
            self.note_line(),
            self.doctor.first_name(),
            inv.from_name,
            inv.from_address,
            inv.to_name,
            inv.to_address,
            inv.subject,
        );
        let filled = self.html_filled(|answer| {
            format!(
                " <span style=\"color:rgb(192,0,0);font-weight:bold\">{}</span>",
                escape(answer)
            )
        });
        let div = |s: &str| {
            format!(
                "<div style=\"font-family:Aptos,Calibri,Helvetica,sans-serif;font-size:12pt;color:rgb(0,0,0);\">{s}</div>\n"
            )
        };
        let mut top = String::new();
        if let Some(note) = self.note {
            top.push_str(&div(&escape(note)));
            top.push_str(&div("<br>"));
        }
        top.push_str(&div("Hi,"));
        top.push_str(&div("<br>"));
        top.push_str(&div("Please see my answers in red below."));
        top.push_str(&div("<br>"));
        top.push_str(&div("Thanks,"));
        top.push_str(&div(&escape(self.doctor.first_name())));
        let html = format!(
            "<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\n<style type=\"text/css\" style=\"display:none;\"> P {{margin-top:0;margin-bottom:0;}} </style>\n</head>\n<body dir=\"ltr\">\n{top}<div id=\"appendonsend\"></div>\n<hr style=\"display:inline-block;width:98%\" tabindex=\"-1\">\n<div id=\"divRplyFwdMsg\" dir=\"ltr\"><font face=\"Calibri, sans-serif\" style=\"font-size:11pt\" color=\"#000000\"><b>From:</b> {} &lt;{}&gt;<br>\n<b>Sent:</b> {sent}<br>\n<b>To:</b> {} &lt;{}&gt;<br>\n<b>Subject:</b> {}</font>\n<div>&nbsp;</div>\n</div>\n<div>{filled}</div>\n</body>\n</html>\n",
            escape(&inv.from_name),
            inv.from_address,
            escape(&inv.to_name),
            inv.to_address,
            escape(&inv.subject),
        );
        let mut headers = self.headers(
            mailbox(&self.doctor.name, &self.doctor.email),
            "RE: ",
            outlook_message_id(),
        );
        headers.add("Thread-Topic", inv.subject.clone());
        headers.add("Thread-Index", format!("AQH{}", base64_id(22)));
        headers.add("Content-Language", "en-GB".into());
        headers.add("X-MS-Has-Attach", String::new());
        message(
            &headers,
            &Part::Multi {
                subtype: "alternative",
                boundary: format!("_000_{}namprd{:02}prodoutlookcom_", hex(12), 17),
                parts: vec![
                    Part::text("plain", &text, Cte::QuotedPrintable),
                    Part::text("html", &html, Cte::QuotedPrintable),
                ],
            },
        )
    }

    fn apple_attribution(&self) -> String {
        let inv = self.invitation;
        format!(
            "On {}, {} <{}> wrote:",
            inv.date
                .to_zoned_datetime(london())
                .strftime("%-d %b %Y, at %H:%M"),
            inv.from_name,
            inv.from_address
        )
    }

    fn apple_mail(&self) -> Vec<u8> {
        let quoted = self.walk_text(
            |line, typed| match typed {
                Some(answer) => format!("> {line} {answer}"),
                None if line.is_empty() => ">".into(),
                None => format!("> {line}"),
            },
            |_| None,
        );
        let text = format!(
            "{}My answers are in the quoted email below.\n\n{}\n\n> {}\n>\n{quoted}\n",
            self.note_line(),
            self.doctor.first_name(),
            self.apple_attribution(),
        );
        let filled = self.html_filled(|answer| format!(" {}", escape(answer)));
        let note = self
            .note
            .map(|n| format!("{}<div><br></div>", escape(n)))
            .unwrap_or_default();
        let html = format!(
            "<html aria-label=\"message body\"><head><meta http-equiv=\"content-type\" content=\"text/html; charset=utf-8\"></head><body style=\"overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;\">{note}My answers are in the quoted email below.<div><br></div><div>{}</div><div><br id=\"lineBreakAtBeginningOfSignature\"><div><br><blockquote type=\"cite\"><div>{}</div><br class=\"Apple-interchange-newline\"><div>{filled}</div></blockquote></div><br></div></body></html>\n",
            escape(self.doctor.first_name()),
            escape(&self.apple_attribution()),
        );
        let mut headers = self.headers(
            mailbox(&self.doctor.name, &self.doctor.email),
            "Re: ",
            format!("<{}@{}>", uuid().to_uppercase(), self.doctor.domain()),
        );
        headers.add("X-Mailer", "Apple Mail (2.3826.200.121)".into());
        message_with_mime(
            &headers,
            "1.0 (Mac OS X Mail 16.0 \\(3826.200.121\\))",
            &Part::Multi {
                subtype: "alternative",
                boundary: format!("Apple-Mail={}", uuid().to_uppercase()),
                parts: vec![
                    Part::text("plain", &text, Cte::QuotedPrintable),
                    Part::text("html", &html, Cte::QuotedPrintable),
                ],
            },
        )
    }

    fn iphone(&self) -> Vec<u8> {
        let answers = self.list(|n, a| format!("{n} {a}"));
        let quoted = self.walk_text(
            |line, _| {
                if line.is_empty() {
                    ">".into()
                } else {
                    format!("> {line}")
                }
            },
            |_| None,
        );
        // iOS puts a byte order mark at the start of the quoted original.
        let quoted = quoted.replacen("> ", "> \u{feff}", 1);
        let text = format!(
            "{}{}\n\nSent from my iPhone\n\n> {}\n>\n{quoted}",
            self.note_line(),
            answers.join("\n"),
            self.apple_attribution(),
        );
        let mut headers = self.headers(
            mailbox(&self.doctor.name, &self.doctor.email),
            "Re: ",
            format!("<{}@{}>", uuid().to_uppercase(), self.doctor.domain()),
        );
        headers.add("X-Mailer", "iPhone Mail (22B91)".into());
        message_with_mime(
            &headers,
            "1.0 (1.0)",
            &Part::text("plain", &text, Cte::QuotedPrintable),
        )
    }

    fn thunderbird(&self) -> Vec<u8> {
        let inv = self.invitation;
        let when = inv
            .date
            .to_zoned_datetime(london())
            .strftime("%d/%m/%Y %H:%M");
        let attribution = format!("On {when}, {} wrote:", inv.from_name);
        let quoted = self.walk_text(
            |line, _| {
                if line.is_empty() {
                    ">".into()
                } else {
                    format!("> {line}")
                }
            },
            |n| self.answer(n).map(|a| format!("{a}\n")),
        );
        let text = format!(
            "{}Dear survey team,\n\nPlease find my answers inline.\n\n{attribution}\n{quoted}\n--\n{}\n",
            self.note_line(),
            self.doctor.name,
        );
        let cite = format!("<blockquote type=\"cite\" cite=\"mid:{}\">", inv.message_id);
        let mut quote_html = String::new();
        match self.html_blocks() {
            Some((before, blocks, after)) => {
                let mut pending = before;
                for (i, block) in blocks.iter().enumerate() {
                    pending.push_str(block);
                    if let Some(answer) = self.answer(i + 1) {
                        quote_html.push_str(&format!("{cite}{pending}</blockquote>\n"));
                        quote_html.push_str(&format!("<p>{}</p>\n", escape(&answer)));
                        pending = String::new();
                    }
                }
                pending.push_str(&after);
                quote_html.push_str(&format!("{cite}{pending}</blockquote>\n"));
            }
            None => {
                quote_html.push_str(&format!("{cite}{}</blockquote>\n", text_to_html(&inv.text)))
            }
        }
        let note = self
            .note
            .map(|n| format!("<p>{}</p>\n", escape(n)))
            .unwrap_or_default();
        let html = format!(
            "<!DOCTYPE html>\n<html>\n  <head>\n    <meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\">\n  </head>\n  <body>\n    {note}<p>Dear survey team,</p>\n    <p>Please find my answers inline.</p>\n    <div class=\"moz-cite-prefix\">{}<br>\n    </div>\n{quote_html}    <div class=\"moz-signature\">-- <br>\n      {}</div>\n  </body>\n</html>\n",
            escape(&attribution),
            escape(&self.doctor.name),
        );
        let mut headers = self.headers(
            mailbox(&self.doctor.name, &self.doctor.email),
            "Re: ",
            format!("<{}@{}>", uuid(), self.doctor.domain()),
        );
        headers.add(
            "User-Agent",
            "Mozilla Thunderbird 128.5.0 (X11; Linux x86_64)".into(),
        );
        headers.add("Content-Language", "en-GB".into());
        message(
            &headers,
            &Part::Multi {
                subtype: "alternative",
                boundary: format!("------------{}", base64_id(24)),
                parts: vec![
                    Part::Leaf {
                        content_type: "text/plain; charset=UTF-8; format=flowed".into(),
                        cte: eight_or_seven(&text),
                        data: text.clone(),
                    },
                    Part::text("html", &html, eight_or_seven(&html)),
                ],
            },
        )
    }

    fn terse(&self) -> Vec<u8> {
        let inv = self.invitation;
        let answers = self.list(|n, a| format!("Q{n}: {a}"));
        let when = inv
            .date
            .to_zoned_datetime(london())
            .strftime("%-d %B %Y %H:%M:%S %Z");
        let quoted = self.walk_text(
            |line, _| {
                if line.is_empty() {
                    ">".into()
                } else {
                    format!("> {line}")
                }
            },
            |_| None,
        );
        let text = format!(
            "{}{}\n\n{}\n\nOn {when}, {} <{}> wrote:\n{quoted}-- \nSent from my Android device with K-9 Mail.\n",
            self.note_line(),
            answers.join("\n"),
            self.doctor.first_name(),
            inv.from_name,
            inv.from_address,
        );
        let mut headers = self.headers(
            mailbox(&self.doctor.name, &self.doctor.email),
            "Re: ",
            format!("<{}@{}>", uuid().to_uppercase(), self.doctor.domain()),
        );
        headers.add("User-Agent", "K-9 Mail for Android".into());
        message(&headers, &Part::text("plain", &text, Cte::QuotedPrintable))
    }

    fn notes(&self) -> Vec<u8> {
        let inv = self.invitation;
        let answers = self.list(|n, a| format!("{n} - {a}"));
        let when = inv
            .date
            .to_zoned_datetime(london())
            .strftime("%d/%m/%Y %H:%M");
        let text = format!(
            "{}Apologies for the delay \u{2013} it\u{2019}s been a busy week. My answers:\n\n{}\n\nRegards\n{}\n{}\n\n\n\nFrom:\t\"{}\" <{}>\nTo:\t\"{}\" <{}>\nDate:\t{when}\nSubject:\t{}\n\n\n\n{}\n",
            self.note_line(),
            answers.join("\n"),
            self.doctor.plain_name(),
            self.doctor.centre,
            inv.from_name,
            inv.from_address,
            inv.to_name,
            inv.to_address,
            inv.subject,
            inv.text.trim_end(),
        );
        let mut headers = self.headers(
            mailbox(&self.doctor.name, &self.doctor.email),
            "Re: ",
            format!(
                "<OF{}.{}-ON80258B{}@{}>",
                hex(8).to_uppercase(),
                hex(8).to_uppercase(),
                hex(4).to_uppercase(),
                self.doctor.domain()
            ),
        );
        headers.add(
            "X-Mailer",
            "HCL Notes Release 12.0.2 November 03, 2022".into(),
        );
        message(
            &headers,
            &Part::Leaf {
                content_type: "text/plain; charset=\"windows-1252\"".into(),
                cte: Cte::Base64Cp1252,
                data: text,
            },
        )
    }
}

// ---------------------------------------------------------------------------
// MIME writing.

#[derive(Debug, Default)]
struct Headers(Vec<(&'static str, String)>);

impl Headers {
    fn add(&mut self, name: &'static str, value: String) {
        self.0.push((name, value));
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cte {
    SevenBit,
    EightBit,
    QuotedPrintable,
    /// UTF-8 text stored as windows-1252, then base64.
    Base64Cp1252,
}

enum Part {
    Leaf {
        content_type: String,
        cte: Cte,
        data: String,
    },
    Multi {
        subtype: &'static str,
        boundary: String,
        parts: Vec<Part>,
    },
}

impl Part {
    fn text(subtype: &str, data: &str, cte: Cte) -> Part {
        Part::Leaf {
            content_type: format!("text/{subtype}; charset=\"UTF-8\""),
            cte,
            data: data.to_owned(),
        }
    }

    fn write(&self, out: &mut Vec<u8>) {
        match self {
            Part::Leaf {
                content_type,
                cte,
                data,
            } => {
                let crlf = data.replace("\r\n", "\n").replace('\n', "\r\n");
                let (name, body) = match cte {
                    Cte::SevenBit => ("7bit", crlf.into_bytes()),
                    Cte::EightBit => ("8bit", crlf.into_bytes()),
                    Cte::QuotedPrintable => ("quoted-printable", qp(&crlf).into_bytes()),
                    Cte::Base64Cp1252 => ("base64", base64_lines(&cp1252(&crlf)).into_bytes()),
                };
                out.extend_from_slice(
                    format!(
                        "Content-Type: {content_type}\r\nContent-Transfer-Encoding: {name}\r\n\r\n"
                    )
                    .as_bytes(),
                );
                out.extend_from_slice(&body);
                if !out.ends_with(b"\r\n") {
                    out.extend_from_slice(b"\r\n");
                }
            }
            Part::Multi {
                subtype,
                boundary,
                parts,
            } => {
                out.extend_from_slice(
                    format!(
                        "Content-Type: multipart/{subtype};\r\n\tboundary=\"{boundary}\"\r\n\r\n"
                    )
                    .as_bytes(),
                );
                for part in parts {
                    out.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
                    part.write(out);
                    out.extend_from_slice(b"\r\n");
                }
                out.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
            }
        }
    }
}

fn message(headers: &Headers, body: &Part) -> Vec<u8> {
    message_with_mime(headers, "1.0", body)
}

fn message_with_mime(headers: &Headers, mime_version: &str, body: &Part) -> Vec<u8> {
    let mut out = Vec::new();
    for (name, value) in &headers.0 {
        out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    out.extend_from_slice(format!("MIME-Version: {mime_version}\r\n").as_bytes());
    body.write(&mut out);
    out
}

fn eight_or_seven(text: &str) -> Cte {
    if text.is_ascii() {
        Cte::SevenBit
    } else {
        Cte::EightBit
    }
}

/// Quoted-printable (RFC 2045) of CRLF text: lines at most 76 characters.
fn qp(text: &str) -> String {
    let mut out = String::new();
    for (i, line) in text.split("\r\n").enumerate() {
        if i > 0 {
            out.push_str("\r\n");
        }
        let bytes = line.as_bytes();
        let mut width = 0;
        for (j, &b) in bytes.iter().enumerate() {
            let last = j + 1 == bytes.len();
            let encoded = if (b == b' ' || b == b'\t') && last {
                format!("={b:02X}")
            } else if (33..=126).contains(&b) && b != b'=' || b == b' ' || b == b'\t' {
                (b as char).to_string()
            } else {
                format!("={b:02X}")
            };
            if width + encoded.len() > 75 {
                out.push_str("=\r\n");
                width = 0;
            }
            out.push_str(&encoded);
            width += encoded.len();
        }
    }
    out
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn base64(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(BASE64[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn base64_lines(bytes: &[u8]) -> String {
    let encoded = base64(bytes);
    encoded
        .as_bytes()
        .chunks(76)
        .map(|c| std::str::from_utf8(c).expect("base64 is ASCII"))
        .collect::<Vec<_>>()
        .join("\r\n")
}

/// UTF-8 to windows-1252; characters it lacks become `?`.
fn cp1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '\u{0}'..='\u{7f}' | '\u{a0}'..='\u{ff}' => c as u8,
            '\u{20ac}' => 0x80,
            '\u{201a}' => 0x82,
            '\u{2026}' => 0x85,
            '\u{2018}' => 0x91,
            '\u{2019}' => 0x92,
            '\u{201c}' => 0x93,
            '\u{201d}' => 0x94,
            '\u{2022}' => 0x95,
            '\u{2013}' => 0x96,
            '\u{2014}' => 0x97,
            _ => b'?',
        })
        .collect()
}

/// An RFC 2047 encoded word when `text` is not ASCII.
fn encode_word(text: &str) -> String {
    if text.is_ascii() {
        text.to_owned()
    } else {
        format!("=?UTF-8?B?{}?=", base64(text.as_bytes()))
    }
}

/// `"Name" <address>`.
fn mailbox(name: &str, address: &str) -> String {
    if name.is_empty() {
        format!("<{address}>")
    } else if name.is_ascii() {
        format!("\"{}\" <{address}>", name.replace(['"', '\\'], ""))
    } else {
        format!("{} <{address}>", encode_word(name))
    }
}

fn london() -> TimeZone {
    TimeZone::get("Europe/London").unwrap_or(TimeZone::UTC)
}

fn rfc2822(at: Timestamp) -> String {
    at.to_zoned_datetime(london())
        .strftime("%a, %d %b %Y %H:%M:%S %z")
        .to_string()
}

fn hex(bytes: usize) -> String {
    (0..bytes)
        .map(|_| format!("{:02x}", rand::random::<u8>()))
        .collect()
}

fn uuid() -> String {
    let h = hex(16);
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

/// `len` characters of URL-safe-looking base64, as Gmail's Message-IDs.
fn base64_id(len: usize) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    (0..len)
        .map(|_| ALPHABET[rand::random::<u8>() as usize % 64] as char)
        .collect()
}

fn outlook_message_id() -> String {
    let h = hex(6).to_uppercase();
    format!(
        "<DB9PR{}{}@DB9PR{}.eurprd{:02}.prod.outlook.com>",
        rand::random::<u8>() % 10,
        h,
        &h[..8],
        rand::random::<u8>() % 9 + 1
    )
}

/// The content of an HTML document's `<body>`, without the outer wrapper
/// `<div>` of our questionnaire (so it can be cut into balanced pieces).
fn body_inner(html: &str) -> String {
    let start = html
        .find("<body")
        .and_then(|at| html[at..].find('>').map(|end| at + end + 1))
        .unwrap_or(0);
    let end = html.rfind("</body>").unwrap_or(html.len());
    let mut inner = html[start..end].trim().to_owned();
    if inner.starts_with("<div")
        && inner.ends_with("</div>")
        && let Some(open_end) = inner.find('>')
    {
        inner = inner[open_end + 1..inner.len() - "</div>".len()]
            .trim()
            .to_owned();
    }
    inner
}

fn text_to_html(text: &str) -> String {
    text.lines()
        .map(|l| format!("{}<br>", escape(l)))
        .collect::<Vec<_>>()
        .join("\n")
}

fn escape(text: &str) -> String {
    mailsurvey::survey::questionnaire::escape(text)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::PathBuf;

    use mailsurvey::compose::invitation::{Invitee, QuestionnaireMail};
    use mailsurvey::compose::token::Token;
    use mailsurvey::survey::Survey;
    use mailsurvey::survey::templates::Templates;

    use super::*;

    fn root() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
    }

    fn cohort() -> Vec<Answers> {
        Answers::load_cohort(&root().join("tests/fixtures/cohort.csv")).unwrap()
    }

    fn doctors() -> Vec<Doctor> {
        Doctor::load_recipients(&root().join("config/example-recipients.csv")).unwrap()
    }

    /// A real questionnaire for `doctor`, rendered by mailsurvey itself.
    fn questionnaire(doctor: &Doctor, kind: QuestionnaireMail) -> (Vec<u8>, Token) {
        let survey = Survey::load(&root().join("config/example.toml")).unwrap();
        let templates = Templates::load(None).unwrap();
        let token = Token::generate();
        let attributes = BTreeMap::from([("centre".to_owned(), doctor.centre.clone())]);
        let invitee = Invitee {
            name: &doctor.name,
            email: &doctor.email,
            attributes: &attributes,
            token: &token,
        };
        let now = Timestamp::now();
        let draft =
            mailsurvey::compose::invitation::draft(&survey, &templates, &invitee, kind, now)
                .unwrap();
        (
            mailsurvey::compose::compose(draft, now).unwrap().bytes,
            token,
        )
    }

    fn header_text(message: &mail_parser::Message<'_>, name: &str) -> String {
        message
            .header_raw(name)
            .unwrap_or_default()
            .trim()
            .to_owned()
    }

    /// The text of question `n`'s stretch of `text`: from its heading to the
    /// next question's (quote markers allowed).
    fn region(text: &str, n: usize) -> Option<String> {
        let starts = |line: &str, k: usize| {
            let bare = line.trim_start_matches(['>', ' ', '\u{feff}']);
            question_number(bare) == Some(k) && !line.starts_with("   ")
        };
        let lines: Vec<&str> = text.lines().collect();
        let start = lines.iter().rposition(|l| starts(l, n))?;
        let end = lines[start + 1..]
            .iter()
            .position(|l| starts(l, n + 1))
            .map(|p| start + 1 + p)
            .unwrap_or(lines.len());
        Some(lines[start..end].join("\n"))
    }

    /// Asserts that `raw` is a well-formed reply to `invitation` carrying
    /// every one of `answers` where `style` puts them.
    fn check(raw: &[u8], invitation: &[u8], token: &Token, answers: &Answers, style: Style) {
        let inv = Invitation::parse(invitation).unwrap();
        let message = MessageParser::default().parse(raw).expect("parseable");
        let to = message
            .to()
            .and_then(|a| a.first())
            .and_then(|a| a.address());
        assert_eq!(
            to,
            Some(format!("survey+{}@survey.test", token.as_str()).as_str()),
            "{style:?}"
        );
        let from = message
            .from()
            .and_then(|a| a.first())
            .and_then(|a| a.address());
        assert_eq!(from, Some(answers.email.as_str()), "{style:?}");
        assert_eq!(
            message.in_reply_to().as_text(),
            Some(inv.message_id.as_str())
        );
        assert_eq!(
            message.references().as_text(),
            Some(inv.message_id.as_str())
        );
        let subject = message.subject().unwrap();
        assert!(
            subject.to_ascii_lowercase().starts_with("re: ") && subject.ends_with(&inv.subject),
            "{style:?}: {subject}"
        );
        let id = message.message_id().unwrap();
        assert_ne!(id, inv.message_id);
        assert!(message.date().is_some(), "{style:?}: no Date");
        assert!(header_text(&message, "Auto-Submitted").is_empty());

        let text = message.body_text(0).unwrap().replace("\r\n", "\n");
        let has_html = String::from_utf8_lossy(raw).contains("Content-Type: text/html");
        let html = message
            .body_html(0)
            .filter(|_| has_html)
            .map(|h| h.into_owned());
        let forms = style.forms();
        for (q, v) in paired(&inv, answers).unwrap() {
            if is_blank(v) {
                continue;
            }
            let answer = phrase(v, q, forms);
            let n = q.number;
            match style {
                Style::OutlookDesktop | Style::IPhone | Style::Terse | Style::Notes => {
                    let line = match style {
                        Style::OutlookDesktop => format!("{n}. {answer}"),
                        Style::IPhone => format!("{n} {answer}"),
                        Style::Terse => format!("Q{n}: {answer}"),
                        _ => format!("{n} - {answer}"),
                    };
                    assert!(
                        text.lines().take(15).any(|l| l == line),
                        "{style:?}: no line {line:?} at the top of\n{text}"
                    );
                }
                Style::Gmail | Style::Thunderbird | Style::AppleMail | Style::OutlookWeb => {
                    let region =
                        region(&text, n).unwrap_or_else(|| panic!("{style:?}: no question {n}"));
                    let expected = match style {
                        Style::Gmail | Style::Thunderbird => format!("\n{answer}\n"),
                        Style::AppleMail => format!("\n> Answer: {answer}"),
                        _ => format!("\nAnswer: {answer}"),
                    };
                    assert!(
                        region.contains(&expected),
                        "{style:?}: {expected:?} not under question {n}:\n{region}"
                    );
                }
            }
            if let Some(html) = &html {
                assert!(
                    html.contains(&escape(&answer)),
                    "{style:?}: HTML lacks {answer:?}"
                );
            }
        }
    }

    #[test]
    fn the_cohort_loads_with_the_seed_totals() {
        let cohort = cohort();
        assert_eq!(cohort.len(), 43);
        let yes = |id: &str| {
            cohort
                .iter()
                .filter(|a| a.get(id) == Some(&Value::YesNo(true)))
                .count()
        };
        assert_eq!(yes("end_of_life"), 35);
        assert_eq!(yes("training"), 34);
        let sum: u32 = cohort
            .iter()
            .map(|a| match a.get("confidence") {
                Some(Value::Scale(n)) => *n,
                other => panic!("{other:?}"),
            })
            .sum();
        assert_eq!(sum, 292);
        let chose = |letter: char| {
            cohort
                .iter()
                .filter(|a| matches!(a.get("barriers"), Some(Value::Choices { letters, .. }) if letters.contains(&letter)))
                .count()
        };
        assert_eq!(
            (chose('a'), chose('b'), chose('c'), chose('e')),
            (24, 19, 11, 2)
        );
        assert!(cohort.iter().all(|a| a.items.len() == 10));
    }

    #[test]
    fn the_questionnaire_is_read_from_a_real_invitation() {
        let doctor = &doctors()[0];
        let (raw, token) = questionnaire(doctor, QuestionnaireMail::Invitation);
        let inv = Invitation::parse(&raw).unwrap();
        assert_eq!(
            inv.reply_to,
            format!("survey+{}@survey.test", token.as_str())
        );
        assert_eq!(inv.questions.len(), 10);
        assert_eq!(inv.questions[3].scale_max, Some(10));
        assert_eq!(inv.questions[4].options.len(), 5);
        assert_eq!(
            inv.questions[4].options[1],
            ('b', "Lack of evidence".to_owned())
        );
        assert!(
            inv.questions[0]
                .heading
                .ends_with("in addition to strong opioids?")
        );
        assert!(is_questionnaire(&raw));
    }

    #[test]
    fn every_style_answers_every_cohort_doctor_in_full() {
        let doctors = doctors();
        let cohort = cohort();
        for (i, answers) in cohort.iter().enumerate() {
            let doctor = doctors.iter().find(|d| d.email == answers.email).unwrap();
            let kind = if i % 3 == 0 {
                QuestionnaireMail::Reminder(1)
            } else {
                QuestionnaireMail::Invitation
            };
            let (raw, token) = questionnaire(doctor, kind);
            for style in Style::ALL {
                let mail = reply(&raw, doctor, answers, style).unwrap();
                assert_eq!(
                    mail.envelope_to,
                    format!("survey+{}@survey.test", token.as_str())
                );
                assert_eq!(mail.envelope_from, doctor.email);
                assert!(mail.bytes.is_ascii(), "{style:?}: 8-bit bytes");
                check(&mail.bytes, &raw, &token, answers, style);
            }
        }
    }

    #[test]
    fn answers_written_in_each_form() {
        let doctor = &doctors()[0];
        let (raw, _) = questionnaire(doctor, QuestionnaireMail::Invitation);
        let inv = Invitation::parse(&raw).unwrap();
        let barriers = &inv.questions[4];
        let confidence = &inv.questions[3];
        let choices = Value::Choices {
            letters: vec!['a', 'c', 'e'],
            other: "cost of the drug".into(),
        };
        let text = |style: Style, v: &Value, q: &Question| phrase(v, q, style.forms());
        assert_eq!(
            text(Style::Gmail, &choices, barriers),
            "a, c, e - cost of the drug"
        );
        assert_eq!(
            text(Style::AppleMail, &choices, barriers),
            "Lack of expertise and familiarity; side effects; other - cost of the drug"
        );
        assert_eq!(text(Style::Gmail, &Value::Scale(7), confidence), "7");
        assert_eq!(
            text(Style::OutlookDesktop, &Value::Scale(7), confidence),
            "7/10"
        );
        assert_eq!(
            text(Style::IPhone, &Value::Scale(7), confidence),
            "7 out of 10"
        );
    }

    #[test]
    fn the_windows_1252_reply_decodes() {
        let doctor = &doctors()[0];
        let answers = &cohort()[0];
        let (raw, _) = questionnaire(doctor, QuestionnaireMail::Invitation);
        let mail = reply(&raw, doctor, answers, Style::Notes).unwrap();
        let text = String::from_utf8_lossy(&mail.bytes);
        assert!(text.contains("charset=\"windows-1252\"") && text.contains("base64"));
        let message = MessageParser::default().parse(&mail.bytes).unwrap();
        assert!(
            message
                .body_text(0)
                .unwrap()
                .contains("it\u{2019}s been a busy week")
        );
    }

    #[test]
    fn late_replies_apologise_and_still_answer() {
        let doctor = &doctors()[1];
        let answers = &cohort()[1];
        let (raw, token) = questionnaire(doctor, QuestionnaireMail::Reminder(2));
        for style in Style::ALL {
            let mail = late_reply(&raw, doctor, answers, style, Timestamp::now()).unwrap();
            check(&mail.bytes, &raw, &token, answers, style);
            let message = MessageParser::default().parse(&mail.bytes).unwrap();
            assert!(
                message
                    .body_text(0)
                    .unwrap()
                    .contains("Sorry this is so late")
            );
        }
    }

    #[test]
    fn auto_replies_look_automatic() {
        let doctor = &doctors()[50];
        let (raw, _) = questionnaire(doctor, QuestionnaireMail::Invitation);
        let inv = Invitation::parse(&raw).unwrap();

        let ooo = auto_reply(&raw, doctor, AutoReply::OutOfOffice).unwrap();
        assert_eq!(ooo.envelope_to, "survey@survey.test");
        let message = MessageParser::default().parse(&ooo.bytes).unwrap();
        assert!(message.subject().unwrap().starts_with("Automatic reply: "));
        assert_eq!(header_text(&message, "Auto-Submitted"), "auto-replied");
        assert_eq!(
            message.in_reply_to().as_text(),
            Some(inv.message_id.as_str())
        );
        assert!(message.body_text(0).unwrap().contains("annual leave"));

        let vacation = auto_reply(&raw, doctor, AutoReply::Vacation).unwrap();
        assert_eq!(vacation.envelope_from, "");
        let message = MessageParser::default().parse(&vacation.bytes).unwrap();
        assert_eq!(header_text(&message, "X-Autoreply"), "yes");
        assert_eq!(header_text(&message, "Precedence"), "bulk");
        assert!(header_text(&message, "Auto-Submitted").is_empty());
    }

    #[test]
    fn newest_questionnaire_prefers_the_latest_reminder() {
        let doctor = &doctors()[2];
        let (first, _) = questionnaire(doctor, QuestionnaireMail::Invitation);
        std::thread::sleep(Duration::from_millis(1100));
        let (second, _) = questionnaire(doctor, QuestionnaireMail::Reminder(1));
        let messages = vec![
            second.clone(),
            first.clone(),
            b"Subject: hi\r\n\r\nhello\r\n".to_vec(),
        ];
        assert_eq!(newest_questionnaire(&messages), Some(second.as_slice()));
    }

    /// Writes one cohort doctor's reply in every style to
    /// `tests/fixtures/simulated/STYLE.eml`, for people to look at. Run with
    /// `MAILSURVEY_WRITE_SIMULATED=1 cargo test --test it doctors::`.
    #[test]
    fn simulated_replies_for_people_to_read() {
        if std::env::var_os("MAILSURVEY_WRITE_SIMULATED").is_none() {
            return;
        }
        let cohort = cohort();
        // A doctor with an "other" barrier and a comment.
        let answers = cohort
            .iter()
            .find(|a| a.email.starts_with("yusuf.edwards@"))
            .unwrap();
        let doctor = doctors()
            .into_iter()
            .find(|d| d.email == answers.email)
            .unwrap();
        let (raw, _) = questionnaire(&doctor, QuestionnaireMail::Invitation);
        let dir = root().join("tests/fixtures/simulated");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("invitation.eml"), &raw).unwrap();
        for style in Style::ALL {
            let mail = reply(&raw, &doctor, answers, style).unwrap();
            std::fs::write(dir.join(format!("{}.eml", style.name())), &mail.bytes).unwrap();
        }
        for (kind, name) in [
            (AutoReply::OutOfOffice, "auto-reply-outlook"),
            (AutoReply::Vacation, "auto-reply-vacation"),
        ] {
            let mail = auto_reply(&raw, &doctor, kind).unwrap();
            std::fs::write(dir.join(format!("{name}.eml")), &mail.bytes).unwrap();
        }
    }
}
