//! The survey file: what the study lead wrote (a serde mirror of the TOML,
//! `Raw*`), then what the program runs on ([`Survey`]), checked field by
//! field with every problem collected before failing once.

pub mod problems;
pub mod questionnaire;
pub mod recipients;
pub mod templates;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp, ZonedDateTime as Zoned};
use lettre::Address;
use serde::Deserialize;
use toml::Spanned;

use crate::problems::{Problems, line_column};

/// A survey, checked and ready to run.
#[derive(Debug, Clone)]
pub struct Survey {
    /// Stable key of this survey in the store; several surveys share one.
    pub id: String,
    /// The survey file this came from.
    pub file: PathBuf,
    /// Title, shown in subjects and the report.
    pub title: String,
    /// One or two sentences on what the survey is about.
    pub description: String,
    /// Subject line of the invitation.
    pub subject: String,
    /// The facts a clinical study must tell the people it asks.
    pub study: Study,
    /// Who receives the report.
    pub leads: Vec<Person>,
    /// Whom the mail comes from, and where replies go.
    pub sender: Sender,
    /// When collection opens and closes.
    pub period: Period,
    /// Outgoing mail server.
    pub smtp: Server,
    /// The mailbox the daemon reads (replies, bounces).
    pub imap: Server,
    /// How fast and how persistently to send.
    pub sending: Sending,
    /// The questions, in the order asked.
    pub questions: Vec<Question>,
    /// The recipient list (CSV).
    pub recipients_file: PathBuf,
    /// A directory whose templates replace the built-in ones.
    pub templates_dir: Option<PathBuf>,
    /// The SQLite file holding this survey's state.
    pub database: PathBuf,
    /// How the summary report is cut and what it may show.
    pub report: ReportSettings,
    /// How replies are read and answered.
    pub replies: ReplySettings,
    /// Days after the report was sent before `mailsurvey purge` deletes
    /// the personal data (`[retention] days`); `None`: kept until the lead
    /// decides.
    pub retention_days: Option<u32>,
}

/// How replies are read and answered (the optional `[replies]` table).
#[derive(Debug, Clone, PartialEq)]
pub struct ReplySettings {
    /// The folder the daemon reads.
    pub inbox: String,
    /// Where handled messages are filed on the server, by outcome.
    pub folders: Folders,
    /// How often to look for new mail when the server has no IDLE, and the
    /// longest an IDLE wait lasts.
    pub poll_interval: SignedDuration,
    /// Larger messages are stored and quarantined, not parsed.
    pub max_message_bytes: usize,
    /// Send a receipt echoing the answers when a reply is complete.
    pub receipts: bool,
    /// Clarification emails at most per person.
    pub max_clarifications: u32,
    /// Automatic emails (receipts, clarifications, confirmations) at most
    /// per person per 24 hours.
    pub daily_auto_limit: u32,
    /// A reply with a valid token from another address than the invited
    /// one: count it, or hold it for the lead's decision.
    pub accept_different_sender: bool,
    /// Answer a reply that comes after the close with a polite note.
    pub closed_notice: bool,
    /// The authserv-id of the organisation's own mail server, whose
    /// `Authentication-Results` verdict (`dmarc=pass` for the From domain)
    /// lets a reply without a token count at once ([`crate::authres`]).
    pub trusted_authserv_id: Option<String>,
}

/// Server folders for filed messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folders {
    /// Replies matched to a recipient, and opt-outs.
    pub processed: String,
    /// Mail no recipient could be found for.
    pub unmatched: String,
    /// Out-of-office and other automatic mail.
    pub auto_replies: String,
    /// Delivery failures.
    pub bounces: String,
    /// Messages too large to read.
    pub quarantine: String,
}

impl Folders {
    /// Every folder, in the order the daemon creates them.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        [
            &self.processed,
            &self.unmatched,
            &self.auto_replies,
            &self.bounces,
            &self.quarantine,
        ]
        .into_iter()
        .map(String::as_str)
    }
}

impl Default for ReplySettings {
    fn default() -> ReplySettings {
        ReplySettings {
            inbox: "INBOX".into(),
            folders: Folders {
                processed: "Survey/Processed".into(),
                unmatched: "Survey/Unmatched".into(),
                auto_replies: "Survey/Auto-replies".into(),
                bounces: "Survey/Bounces".into(),
                quarantine: "Survey/Quarantine".into(),
            },
            poll_interval: SignedDuration::from_secs(30),
            max_message_bytes: 25 * 1024 * 1024,
            receipts: true,
            max_clarifications: 1,
            daily_auto_limit: 3,
            accept_different_sender: false,
            closed_notice: true,
            trusted_authserv_id: None,
        }
    }
}

/// What the lead asked of the summary report (the optional `[report]`
/// table). The defaults protect respondents: no names, small cells hidden.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ReportSettings {
    /// A recipient-list column (e.g. `centre`) to break results down by, so
    /// the lead can compare groups; `None` for no breakdown.
    pub breakdown: Option<String>,
    /// Breakdown cells with fewer people than this are suppressed, so that
    /// nobody in a small group can be recognised by their answers.
    pub min_cell: usize,
    /// Put respondents' names in `responses.csv` and the report instead of
    /// pseudonyms (R001, ...); only for studies whose consent allows it.
    pub include_names: bool,
    /// What to call the people who answered in the results paragraph
    /// ("43 doctors participated"), so it can be pasted into an abstract.
    pub participants: String,
}

impl Default for ReportSettings {
    fn default() -> ReportSettings {
        ReportSettings {
            breakdown: None,
            min_cell: 5,
            include_names: false,
            participants: "people".to_owned(),
        }
    }
}

/// The facts a clinical study owes the people it asks.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Study {
    /// Why the study is done.
    pub purpose: String,
    /// Who runs it.
    pub run_by: String,
    /// Ethics committee or audit reference.
    pub ethics_reference: String,
    /// How answers are used and stored.
    pub data_use: String,
    /// How to stop the mail or have one's answers deleted.
    pub withdrawal: String,
}

/// A named mailbox.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Person {
    /// Display name.
    pub name: String,
    /// Address.
    pub email: String,
}

/// The sender identity. `address` is the mailbox the daemon reads; it is the
/// From and the envelope sender, so bounces and replies from clients that
/// ignore Reply-To arrive there too.
#[derive(Debug, Clone)]
pub struct Sender {
    /// Display name in From.
    pub name: String,
    /// From and envelope sender.
    pub address: Address,
    /// Base of the per-recipient Reply-To plus-address.
    pub reply_to: Address,
}

impl Sender {
    /// `user+detail@domain` on the reply address.
    pub fn plus_address(&self, detail: &str) -> String {
        format!(
            "{}+{}@{}",
            self.reply_to.user(),
            detail,
            self.reply_to.domain()
        )
    }
}

/// The collection period.
#[derive(Debug, Clone)]
pub struct Period {
    /// Time zone that open and close are written in.
    pub time_zone: TimeZone,
    /// When invitations go out.
    pub open: Zoned,
    /// When collection closes.
    pub close: Zoned,
    /// Reminders to people who have not replied, in the order written.
    pub reminders: Vec<Reminder>,
    /// Close as soon as everyone still reachable has answered every
    /// required question.
    pub early_close: bool,
}

/// When a reminder goes out. Days are calendar days in the survey's time
/// zone: "2 days before close" at a 12:00 close is 12:00 two days earlier,
/// whatever daylight saving did in between.
#[derive(Debug, Clone, Copy)]
pub enum Reminder {
    /// This long before the close, for everyone at once.
    BeforeClose(jiff::Span),
    /// This long after each person's invitation went out.
    AfterInvitation(jiff::Span),
}

impl Reminder {
    /// Reads `7 days before close`, `2 days after invitation`, `30s after
    /// open` (the same as after invitation).
    pub fn parse(text: &str) -> Option<Reminder> {
        let text = text.trim();
        let (amount, before) = text
            .strip_suffix("before close")
            .map(|a| (a, true))
            .or_else(|| text.strip_suffix("after invitation").map(|a| (a, false)))
            .or_else(|| text.strip_suffix("after open").map(|a| (a, false)))?;
        let span: jiff::Span = amount.trim().parse().ok()?;
        if span.is_negative() || span.is_zero() && !before {
            return None;
        }
        Some(if before {
            Reminder::BeforeClose(span)
        } else {
            Reminder::AfterInvitation(span)
        })
    }

    /// When the reminder is due for someone invited at `invited_at`.
    pub fn due(&self, period: &Period, invited_at: Timestamp) -> Timestamp {
        let at = match self {
            Reminder::BeforeClose(span) => period.close.checked_sub(*span),
            Reminder::AfterInvitation(span) => invited_at
                .to_zoned_datetime(period.time_zone.clone())
                .checked_add(*span),
        };
        at.map(|z| z.timestamp())
            .unwrap_or(period.close.timestamp())
    }
}

impl Period {
    /// Has the survey opened at `now`?
    pub fn is_open_at(&self, now: Timestamp) -> bool {
        now >= self.open.timestamp()
    }
}

/// How the connection to a mail server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Security {
    /// Plain connection upgraded with STARTTLS (required, never optional).
    StartTls,
    /// TLS from the first byte (SMTPS 465, IMAPS 993).
    Tls,
    /// No TLS; allowed only to a loopback address.
    Plain,
}

/// Where a secret comes from. Never the survey file itself.
#[derive(Clone, PartialEq, Eq)]
pub enum SecretSource {
    /// An environment variable's value.
    Env(String),
    /// A file's first line.
    File(PathBuf),
    /// A shell command's first line of output (as mbsync and himalaya do).
    /// For OAuth2 it runs for every new connection, so that a token helper
    /// (oama, mutt_oauth2.py) can hand out a fresh token.
    Command(String),
    /// A systemd credential: the first line of
    /// `$CREDENTIALS_DIRECTORY/NAME` (`LoadCredential=` in the unit).
    Credential(String),
}

/// How a client proves who it is to a mail server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Auth {
    /// A password (SASL PLAIN or LOGIN; IMAP LOGIN).
    Password,
    /// An OAuth2 access token with SASL XOAUTH2, which Microsoft 365 and
    /// Google accept; a helper outside mailsurvey does the browser sign-in.
    XOAuth2,
    /// An OAuth2 access token with SASL OAUTHBEARER (RFC 7628), the
    /// standard form of the same.
    OAuthBearer,
}

impl Auth {
    /// The SASL mechanism's name, for messages and the AUTH command.
    pub fn mechanism(self) -> &'static str {
        match self {
            Auth::Password => "PLAIN",
            Auth::XOAuth2 => "XOAUTH2",
            Auth::OAuthBearer => "OAUTHBEARER",
        }
    }

    /// Is the secret a bearer token rather than a password?
    pub fn is_token(self) -> bool {
        !matches!(self, Auth::Password)
    }
}

impl std::fmt::Debug for SecretSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The source is not secret, but keep even that short in logs.
        match self {
            SecretSource::Env(name) => write!(f, "env:{name}"),
            SecretSource::File(path) => write!(f, "file:{}", path.display()),
            SecretSource::Command(_) => write!(f, "command:<hidden>"),
            SecretSource::Credential(name) => write!(f, "credential:{name}"),
        }
    }
}

/// A mail server and how to log in to it.
#[derive(Debug, Clone)]
pub struct Server {
    /// Host name or IP address; also the TLS server name.
    pub host: String,
    /// Port.
    pub port: u16,
    /// TLS mode.
    pub security: Security,
    /// Login name.
    pub username: String,
    /// Password or OAuth2 token.
    pub auth: Auth,
    /// Where the password (or, with OAuth2, the token) comes from; `None`
    /// means no login.
    pub password: Option<SecretSource>,
    /// Extra CA certificates (PEM) to trust, for private CAs.
    pub ca_file: Option<PathBuf>,
}

/// Sending behaviour.
#[derive(Debug, Clone)]
pub struct Sending {
    /// Parallel SMTP connections.
    pub max_connections: usize,
    /// Messages per minute at most; `None` for no limit.
    pub rate_per_minute: Option<u32>,
    /// First retry delay after a transient failure; doubles per attempt.
    pub retry_base: SignedDuration,
    /// Longest retry delay.
    pub retry_max: SignedDuration,
    /// After this many transient failures a message is given up.
    pub max_attempts: u32,
    /// VERP: every message goes out with its own bounce key in the envelope
    /// sender (`survey+b.KEY@domain`), so a bounce is tied to the exact
    /// message it returns by the address it comes back to.
    pub verp: bool,
    /// Read the bodies of delivery reports (RFC 3464 fields, the failed
    /// addresses in plain-text reports, the returned original's headers).
    /// Off, a bounce is recognised by its headers alone and attributed only
    /// by its VERP address: for proving that VERP works on its own.
    pub read_bounce_reports: bool,
}

/// One question.
#[derive(Debug, Clone)]
pub struct Question {
    /// Stable id: CSV column, JSON key.
    pub id: String,
    /// The question as asked.
    pub text: String,
    /// Must it be answered for the reply to be complete?
    pub required: bool,
    /// What kind of answer it takes.
    pub kind: QuestionKind,
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, PartialEq)]
pub enum QuestionKind {
    /// Yes or no.
    YesNo,
    /// Exactly one of the options.
    SingleChoice(Vec<ChoiceOption>),
    /// Any of the options; an exclusive option stands alone.
    MultipleChoice(Vec<ChoiceOption>),
    /// An integer in `min..=max` with labels for the ends.
    Scale {
        /// Lowest value.
        min: i64,
        /// Highest value.
        max: i64,
        /// What `min` means.
        min_label: Option<String>,
        /// What `max` means.
        max_label: Option<String>,
    },
    /// A number within optional bounds.
    Number {
        /// Lowest allowed.
        min: Option<f64>,
        /// Highest allowed.
        max: Option<f64>,
    },
    /// Free text.
    Text,
}

/// One option of a choice question.
#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceOption {
    /// Stable id (CSV column suffix).
    pub id: String,
    /// Text shown.
    pub label: String,
    /// Chosen alone or not at all ("No barriers").
    pub exclusive: bool,
    /// Takes free text ("Other, please specify").
    pub other: bool,
}

impl Question {
    /// The options of a choice question; empty for other kinds.
    pub fn options(&self) -> &[ChoiceOption] {
        match &self.kind {
            QuestionKind::SingleChoice(options) | QuestionKind::MultipleChoice(options) => options,
            _ => &[],
        }
    }

    /// The question as it is printed: its text, and a scale's end labels.
    pub fn display_text(&self) -> String {
        match &self.kind {
            QuestionKind::Scale {
                min,
                max,
                min_label,
                max_label,
            } => match (min_label, max_label) {
                (Some(lo), Some(hi)) => format!("{} ({min} = {lo}, {max} = {hi})", self.text),
                (Some(lo), None) => format!("{} ({min} = {lo}, up to {max})", self.text),
                (None, Some(hi)) => format!("{} (from {min}, {max} = {hi})", self.text),
                (None, None) => format!("{} ({min} to {max})", self.text),
            },
            _ => self.text.clone(),
        }
    }
}

impl Survey {
    /// Reads and checks a survey file. Every problem in it is reported at
    /// once; the recipient list and templates are checked by
    /// [`crate::check::validate`].
    pub fn load(path: &Path) -> Result<Survey, Problems> {
        let mut problems = Problems::default();
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(err) => {
                problems.at(
                    path,
                    None,
                    format!("cannot read the survey file: {err}"),
                    "check the path given to --survey",
                );
                return Err(problems);
            }
        };
        let raw: RawSurvey = match toml::from_str(&text) {
            Ok(raw) => raw,
            Err(err) => {
                let place = err.span().map(|span| {
                    let (line, column) = line_column(&text, span.start);
                    (line, Some(column))
                });
                problems.at(
                    path,
                    place,
                    err.message().trim().to_owned(),
                    "see the survey file format in README.md",
                );
                return Err(problems);
            }
        };
        let mut check = Checker {
            file: path,
            text: &text,
            problems,
        };
        let survey = check.survey(raw);
        check
            .problems
            .into_result(())
            .map(|()| survey.expect("no problems, so a survey"))
    }
}

/// The recipient list and template directory a survey file names, read
/// leniently, so they can be checked even when the rest of the file is
/// wrong.
pub fn referenced_files(path: &Path) -> (Option<PathBuf>, Option<PathBuf>) {
    let Ok(text) = std::fs::read_to_string(path) else {
        return (None, None);
    };
    let Ok(value) = text.parse::<toml::Table>() else {
        return (None, None);
    };
    let base = path.parent().unwrap_or(Path::new("."));
    let get = |key: &str| {
        value
            .get("survey")
            .and_then(|s| s.get(key))
            .and_then(|v| v.as_str())
            .map(|v| base.join(v))
    };
    (get("recipients"), get("templates"))
}

// ---- what the study lead wrote ----

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSurvey {
    survey: Spanned<RawMeta>,
    #[serde(default)]
    lead: Vec<Spanned<RawPerson>>,
    sender: Option<Spanned<RawSender>>,
    period: Option<Spanned<RawPeriod>>,
    smtp: Option<Spanned<RawServer>>,
    imap: Option<Spanned<RawServer>>,
    sending: Option<RawSending>,
    #[serde(default)]
    question: Vec<Spanned<RawQuestion>>,
    report: Option<RawReport>,
    replies: Option<RawReplies>,
    retention: Option<RawRetention>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRetention {
    days: Spanned<i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReplies {
    inbox: Option<String>,
    folders: Option<RawFolders>,
    poll_interval: Option<Spanned<String>>,
    max_message_mb: Option<Spanned<i64>>,
    receipts: Option<bool>,
    max_clarifications: Option<Spanned<i64>>,
    daily_auto_limit: Option<Spanned<i64>>,
    different_sender: Option<Spanned<String>>,
    closed_notice: Option<bool>,
    trusted_authserv_id: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFolders {
    processed: Option<String>,
    unmatched: Option<String>,
    auto_replies: Option<String>,
    bounces: Option<String>,
    quarantine: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawReport {
    breakdown: Option<Spanned<String>>,
    min_cell: Option<Spanned<i64>>,
    include_names: Option<bool>,
    participants: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    id: Spanned<String>,
    title: String,
    #[serde(default)]
    description: String,
    subject: Option<String>,
    recipients: Spanned<String>,
    templates: Option<String>,
    database: Option<String>,
    #[serde(default)]
    purpose: String,
    #[serde(default)]
    run_by: String,
    #[serde(default)]
    ethics_reference: String,
    #[serde(default)]
    data_use: String,
    #[serde(default)]
    withdrawal: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPerson {
    name: String,
    email: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSender {
    name: String,
    address: Spanned<String>,
    reply_to: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPeriod {
    time_zone: Spanned<String>,
    open: Spanned<String>,
    close: Spanned<String>,
    #[serde(default)]
    reminders: Vec<Spanned<String>>,
    #[serde(default)]
    early_close: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawServer {
    host: String,
    port: Option<u16>,
    security: Option<Spanned<String>>,
    username: Option<String>,
    auth: Option<Spanned<String>>,
    password: Option<Spanned<toml::Value>>,
    token: Option<Spanned<toml::Value>>,
    ca_file: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSending {
    max_connections: Option<Spanned<i64>>,
    rate_per_minute: Option<Spanned<i64>>,
    retry_base: Option<Spanned<String>>,
    retry_max: Option<Spanned<String>>,
    max_attempts: Option<Spanned<i64>>,
    verp: Option<bool>,
    read_bounce_reports: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: Spanned<String>,
    #[serde(rename = "type")]
    kind: Spanned<String>,
    text: Spanned<String>,
    #[serde(default = "yes")]
    required: bool,
    min: Option<Spanned<f64>>,
    max: Option<Spanned<f64>>,
    min_label: Option<String>,
    max_label: Option<String>,
    options: Option<Vec<Spanned<RawOption>>>,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOption {
    id: Spanned<String>,
    label: String,
    #[serde(default)]
    exclusive: bool,
    #[serde(default)]
    other: bool,
}

// ---- checking ----

struct Checker<'a> {
    file: &'a Path,
    text: &'a str,
    problems: Problems,
}

const QUESTION_TYPES: &str = "yes_no, single_choice, multiple_choice, scale, number, text";

impl Checker<'_> {
    fn problem<T>(&mut self, at: &Spanned<T>, message: impl Into<String>, fix: impl Into<String>) {
        let (line, column) = line_column(self.text, at.span().start);
        self.problems
            .at(self.file, Some((line, Some(column))), message, fix);
    }

    fn relative(&self, name: &str) -> PathBuf {
        let path = Path::new(name);
        if path.is_absolute() {
            path.to_owned()
        } else {
            self.file.parent().unwrap_or(Path::new(".")).join(path)
        }
    }

    fn address(&mut self, value: &Spanned<String>, what: &str) -> Option<Address> {
        match value.get_ref().trim().parse::<Address>() {
            Ok(address) => Some(address),
            Err(err) => {
                self.problem(
                    value,
                    format!(
                        "{what} '{}' is not an email address ({err})",
                        value.get_ref()
                    ),
                    "write a plain address such as name@example.org",
                );
                None
            }
        }
    }

    fn survey(&mut self, raw: RawSurvey) -> Option<Survey> {
        let meta_span = raw.survey.span();
        let meta = raw.survey.into_inner();
        let id = meta.id.get_ref().trim().to_owned();
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            self.problem(
                &meta.id,
                format!("survey id '{id}' must be letters, digits, '-' or '_'"),
                "choose a short stable name such as ketamine-2026",
            );
        }
        let study = Study {
            purpose: meta.purpose,
            run_by: meta.run_by,
            ethics_reference: meta.ethics_reference,
            data_use: meta.data_use,
            withdrawal: meta.withdrawal,
        };
        let recipients_file = self.relative(meta.recipients.get_ref());

        if raw.lead.is_empty() {
            let (line, column) = line_column(self.text, meta_span.start);
            self.problems.at(
                self.file,
                Some((line, Some(column))),
                "no study lead: nobody would receive the report",
                "add a [[lead]] table with name and email",
            );
        }
        let mut leads = Vec::new();
        for lead in raw.lead {
            let lead = lead.into_inner();
            if let Some(address) = self.address(&lead.email, "lead email") {
                leads.push(Person {
                    name: lead.name,
                    email: address.to_string(),
                });
            }
        }

        let sender = match raw.sender {
            None => {
                self.problems.at(
                    self.file,
                    None,
                    "no [sender] table",
                    "add [sender] with name and address (the mailbox the daemon reads)",
                );
                None
            }
            Some(sender) => {
                let sender = sender.into_inner();
                let address = self.address(&sender.address, "sender address");
                let reply_to = match &sender.reply_to {
                    Some(reply_to) => self.address(reply_to, "reply_to"),
                    None => address.clone(),
                };
                if let Some(reply_to) = &reply_to
                    && reply_to.user().contains('+')
                {
                    self.problem(
                        sender.reply_to.as_ref().unwrap_or(&sender.address),
                        "the reply address already has a '+' part; tokens are added as +TOKEN",
                        "give the address without '+...'",
                    );
                }
                if let Some(reply_to) = &reply_to
                    && reply_to.user().len() + "+u.".len() + crate::token::TOKEN_LEN > 64
                {
                    self.problem(
                        sender.reply_to.as_ref().unwrap_or(&sender.address),
                        format!(
                            "the reply address's local part '{}' is too long: with '+u.' and a {}-character token it would pass the 64 characters an address's local part may have",
                            reply_to.user(),
                            crate::token::TOKEN_LEN
                        ),
                        format!(
                            "use a local part of at most {} characters (e.g. survey@...)",
                            64 - 3 - crate::token::TOKEN_LEN
                        ),
                    );
                }
                match (address, reply_to) {
                    (Some(address), Some(reply_to)) => Some(Sender {
                        name: sender.name,
                        address,
                        reply_to,
                    }),
                    _ => None,
                }
            }
        };

        let period = match raw.period {
            None => {
                self.problems.at(
                    self.file,
                    None,
                    "no [period] table",
                    "add [period] with time_zone, open and close",
                );
                None
            }
            Some(period) => self.period(period.into_inner()),
        };

        let default_user = sender
            .as_ref()
            .map(|s| s.address.to_string())
            .unwrap_or_default();
        let smtp = self.server(raw.smtp, "smtp", 587, &default_user);
        let imap = self.server(raw.imap, "imap", 143, &default_user);
        let sending = self.sending(raw.sending);
        let report = self.report(raw.report);
        let replies = self.replies(raw.replies);
        let retention_days = raw.retention.and_then(|r| {
            let days = *r.days.get_ref();
            if (0..=36_500).contains(&days) {
                Some(days as u32)
            } else {
                self.problem(
                    &r.days,
                    format!("retention.days must be from 0 to 36500, not {days}"),
                    "give the number of days after the report is sent before `mailsurvey purge` may delete the personal data",
                );
                None
            }
        });

        let mut questions = Vec::new();
        let mut seen = HashSet::new();
        if raw.question.is_empty() {
            self.problems.at(
                self.file,
                None,
                "the survey has no questions",
                "add [[question]] tables",
            );
        }
        for question in raw.question {
            let id = question.get_ref().id.clone();
            if !seen.insert(id.get_ref().clone()) {
                self.problem(
                    &id,
                    format!("duplicate question id '{}'", id.get_ref()),
                    "give every question its own id",
                );
            }
            if let Some(question) = self.question(question) {
                questions.push(question);
            }
        }

        Some(Survey {
            file: self.file.to_owned(),
            title: meta.title.clone(),
            subject: meta.subject.unwrap_or_else(|| meta.title.clone()),
            description: meta.description,
            study,
            leads,
            sender: sender?,
            period: period?,
            smtp: smtp?,
            imap: imap?,
            sending: sending?,
            questions,
            recipients_file,
            templates_dir: meta.templates.map(|t| self.relative(&t)),
            database: self.relative(meta.database.as_deref().unwrap_or("mailsurvey.db")),
            report,
            replies,
            retention_days,
            id,
        })
    }

    fn replies(&mut self, raw: Option<RawReplies>) -> ReplySettings {
        let mut settings = ReplySettings::default();
        let Some(raw) = raw else { return settings };
        if let Some(inbox) = raw.inbox {
            settings.inbox = inbox;
        }
        if let Some(folders) = raw.folders {
            let f = &mut settings.folders;
            for (value, slot) in [
                (folders.processed, &mut f.processed),
                (folders.unmatched, &mut f.unmatched),
                (folders.auto_replies, &mut f.auto_replies),
                (folders.bounces, &mut f.bounces),
                (folders.quarantine, &mut f.quarantine),
            ] {
                if let Some(value) = value {
                    *slot = value;
                }
            }
        }
        if let Some(poll) = raw.poll_interval.as_ref()
            && let Some(d) = self.duration(Some(poll), "30s")
        {
            settings.poll_interval = d;
        }
        let mut count = |value: &Option<Spanned<i64>>, min: i64, what: &str, slot: &mut u32| {
            if let Some(v) = value {
                if *v.get_ref() < min {
                    self.problem(
                        v,
                        format!("replies.{what} must be at least {min}"),
                        format!("set replies.{what} = {min} or more"),
                    );
                } else {
                    *slot = *v.get_ref() as u32;
                }
            }
        };
        count(
            &raw.max_clarifications,
            0,
            "max_clarifications",
            &mut settings.max_clarifications,
        );
        count(
            &raw.daily_auto_limit,
            1,
            "daily_auto_limit",
            &mut settings.daily_auto_limit,
        );
        let mut mb = 25;
        count(&raw.max_message_mb, 1, "max_message_mb", &mut mb);
        settings.max_message_bytes = mb as usize * 1024 * 1024;
        if let Some(receipts) = raw.receipts {
            settings.receipts = receipts;
        }
        if let Some(notice) = raw.closed_notice {
            settings.closed_notice = notice;
        }
        if let Some(id) = &raw.trusted_authserv_id {
            let value = id.get_ref().trim();
            if value.is_empty()
                || value.contains(|c: char| c.is_whitespace() || c == ';' || c == '=')
            {
                self.problem(
                    id,
                    format!("replies.trusted_authserv_id '{value}' is not an authserv-id"),
                    "give the host name your mail server writes first in its Authentication-Results header (e.g. \"mail.example.org\"), or remove the line",
                );
            } else {
                settings.trusted_authserv_id = Some(value.to_ascii_lowercase());
            }
        }
        if let Some(policy) = &raw.different_sender {
            match policy.get_ref().as_str() {
                "hold" => settings.accept_different_sender = false,
                "accept" => settings.accept_different_sender = true,
                other => {
                    let other = other.to_owned();
                    self.problem(
                        policy,
                        format!("unknown different_sender policy '{other}'"),
                        "use \"hold\" (the lead decides) or \"accept\"",
                    );
                }
            }
        }
        settings
    }

    fn report(&mut self, raw: Option<RawReport>) -> ReportSettings {
        let mut settings = ReportSettings::default();
        let Some(raw) = raw else {
            return settings;
        };
        if let Some(column) = &raw.breakdown {
            let name = column.get_ref().trim();
            if name.is_empty() {
                self.problem(
                    column,
                    "report.breakdown is empty",
                    "name a recipient-list column such as \"centre\", or remove the line",
                );
            } else if ["name", "email"].contains(&name.to_ascii_lowercase().as_str()) {
                self.problem(
                    column,
                    format!("the report cannot be broken down by '{name}': every group would be one person"),
                    "name a column that groups people, such as \"centre\"",
                );
            } else {
                settings.breakdown = Some(name.to_owned());
            }
        }
        if let Some(min_cell) = &raw.min_cell {
            if *min_cell.get_ref() < 1 {
                self.problem(
                    min_cell,
                    "report.min_cell must be at least 1",
                    "set min_cell = 5 (the usual threshold) or more",
                );
            } else {
                settings.min_cell = *min_cell.get_ref() as usize;
            }
        }
        if let Some(include_names) = raw.include_names {
            settings.include_names = include_names;
        }
        if let Some(participants) = &raw.participants {
            let noun = participants.get_ref().trim();
            if noun.is_empty() {
                self.problem(
                    participants,
                    "report.participants is empty",
                    "write a plural noun such as \"doctors\", or remove the line",
                );
            } else {
                settings.participants = noun.to_owned();
            }
        }
        settings
    }

    fn period(&mut self, raw: RawPeriod) -> Option<Period> {
        let time_zone = match TimeZone::get(raw.time_zone.get_ref()) {
            Ok(tz) => Some(tz),
            Err(_) => {
                self.problem(
                    &raw.time_zone,
                    format!("unknown time zone '{}'", raw.time_zone.get_ref()),
                    "use an IANA name such as Europe/London",
                );
                None
            }
        };
        let mut at = |value: &Spanned<String>, what: &str| -> Option<Zoned> {
            let tz = time_zone.clone()?;
            match value.get_ref().parse::<DateTime>() {
                Ok(civil) => match civil.to_zoned_datetime(tz) {
                    Ok(zoned) => Some(zoned),
                    Err(err) => {
                        self.problem(value, format!("{what}: {err}"), "choose another time");
                        None
                    }
                },
                Err(err) => {
                    self.problem(
                        value,
                        format!(
                            "{what} '{}' is not a date and time ({err})",
                            value.get_ref()
                        ),
                        "write it as 2026-12-01T09:00 (local time in time_zone)",
                    );
                    None
                }
            }
        };
        let open = at(&raw.open, "open");
        let close = at(&raw.close, "close");
        let (open, close) = (open?, close?);
        if close <= open {
            self.problem(
                &raw.close,
                format!("close ({close}) is not after open ({open})"),
                "set close to a time after open",
            );
            return None;
        }
        let mut reminders = Vec::new();
        for spec in &raw.reminders {
            match Reminder::parse(spec.get_ref()) {
                Some(Reminder::BeforeClose(d)) if close.checked_sub(d).is_ok_and(|at| at < open) => self.problem(
                    spec,
                    format!("reminder '{}' falls before the survey opens", spec.get_ref()),
                    "use a shorter time before close",
                ),
                Some(reminder) => reminders.push(reminder),
                None => self.problem(
                    spec,
                    format!("'{}' is not a reminder time", spec.get_ref()),
                    "write e.g. \"7 days before close\" or \"3 days after invitation\" (durations in days, hours, minutes or seconds)",
                ),
            }
        }
        Some(Period {
            time_zone: time_zone?,
            open,
            close,
            reminders,
            early_close: raw.early_close,
        })
    }

    fn server(
        &mut self,
        raw: Option<Spanned<RawServer>>,
        what: &str,
        default_port: u16,
        default_user: &str,
    ) -> Option<Server> {
        let Some(raw) = raw else {
            self.problems.at(
                self.file,
                None,
                format!("no [{what}] table"),
                format!("add [{what}] with host, port and security"),
            );
            return None;
        };
        let raw = raw.into_inner();
        let security = match raw.security.as_ref().map(|s| s.get_ref().as_str()) {
            None | Some("starttls") => Security::StartTls,
            Some("tls") => Security::Tls,
            Some("plain") => Security::Plain,
            Some(other) => {
                let other = other.to_owned();
                self.problem(
                    raw.security.as_ref().expect("matched Some"),
                    format!("unknown security '{other}'"),
                    "use starttls, tls or plain (plain only to a loopback address)",
                );
                return None;
            }
        };
        if security == Security::Plain && !is_loopback(&raw.host) {
            self.problem(
                raw.security.as_ref().expect("plain was written"),
                format!(
                    "plain (unencrypted) {what} to '{}' would send the password in clear",
                    raw.host
                ),
                "use starttls or tls; plain is allowed only to 127.0.0.1, ::1 or localhost",
            );
        }
        let auth = match raw.auth.as_ref().map(|s| s.get_ref().as_str()) {
            None | Some("password") => Auth::Password,
            Some("xoauth2") => Auth::XOAuth2,
            Some("oauthbearer") => Auth::OAuthBearer,
            Some(other) => {
                let other = other.to_owned();
                self.problem(
                    raw.auth.as_ref().expect("matched Some"),
                    format!("unknown auth '{other}'"),
                    "use password, xoauth2 (Microsoft 365, Gmail) or oauthbearer",
                );
                Auth::Password
            }
        };
        let password = match (auth, &raw.password, &raw.token) {
            (_, None, None) => {
                if auth.is_token() {
                    self.problem(
                        raw.auth.as_ref().expect("token auth was written"),
                        format!("auth = \"{}\" needs a token", auth.mechanism().to_lowercase()),
                        format!("add token = {{ command = \"...\" }} to [{what}]: a command that prints a fresh access token (oama, mutt_oauth2.py)"),
                    );
                }
                None
            }
            (Auth::Password, Some(value), None) => self.secret(value, what, "password"),
            (Auth::Password, _, Some(value)) => {
                self.problem(
                    value,
                    "a token is for OAuth2",
                    format!(
                        "add auth = \"xoauth2\" to [{what}], or write password = ... for a password"
                    ),
                );
                None
            }
            (_, Some(value), _) => {
                self.problem(
                    value,
                    format!(
                        "auth = \"{}\" signs in with a token, not a password",
                        auth.mechanism().to_lowercase()
                    ),
                    format!(
                        "write token = {{ command = \"...\" }} in [{what}] instead of password"
                    ),
                );
                None
            }
            (_, None, Some(value)) => self.secret(value, what, "token"),
        };
        let port = raw.port.unwrap_or(match (what, security) {
            ("smtp", Security::Tls) => 465,
            ("imap", Security::Tls) => 993,
            _ => default_port,
        });
        Some(Server {
            host: raw.host,
            port,
            security,
            username: raw.username.unwrap_or_else(|| default_user.to_owned()),
            auth,
            password,
            ca_file: raw.ca_file.map(|f| self.relative(&f)),
        })
    }

    fn secret(
        &mut self,
        value: &Spanned<toml::Value>,
        what: &str,
        name: &str,
    ) -> Option<SecretSource> {
        let fix = format!(
            "write {name} = {{ env = \"VAR\" }}, {{ file = \"PATH\" }}, {{ command = \"CMD\" }} or {{ credential = \"NAME\" }} (systemd) in [{what}]"
        );
        match value.get_ref() {
            toml::Value::String(_) => {
                self.problem(
                    value,
                    format!("the {name} itself must not be in the survey file"),
                    fix,
                );
                None
            }
            toml::Value::Table(table) if table.len() == 1 => {
                let (key, inner) = table.iter().next().expect("one entry");
                let Some(inner) = inner.as_str() else {
                    self.problem(value, format!("{name}.{key} must be a string"), fix);
                    return None;
                };
                match key.as_str() {
                    "env" => Some(SecretSource::Env(inner.to_owned())),
                    "file" => Some(SecretSource::File(self.relative(inner))),
                    "command" => Some(SecretSource::Command(inner.to_owned())),
                    "credential" if !inner.is_empty() && !inner.contains('/') => {
                        Some(SecretSource::Credential(inner.to_owned()))
                    }
                    "credential" => {
                        self.problem(
                            value,
                            format!("{name}.credential must be a credential's name, not a path"),
                            "write the NAME of LoadCredential=NAME:PATH in the systemd unit",
                        );
                        None
                    }
                    _ => {
                        self.problem(value, format!("unknown {name} source '{key}'"), fix);
                        None
                    }
                }
            }
            _ => {
                self.problem(value, format!("{name} must name exactly one source"), fix);
                None
            }
        }
    }

    fn sending(&mut self, raw: Option<RawSending>) -> Option<Sending> {
        let raw = raw.unwrap_or(RawSending {
            max_connections: None,
            rate_per_minute: None,
            retry_base: None,
            retry_max: None,
            max_attempts: None,
            verp: None,
            read_bounce_reports: None,
        });
        let mut positive = |value: &Option<Spanned<i64>>, default: i64, what: &str| -> i64 {
            match value {
                Some(v) if *v.get_ref() < 1 => {
                    self.problem(
                        v,
                        format!("{what} must be at least 1"),
                        format!("set {what} = 1 or more"),
                    );
                    default
                }
                Some(v) => *v.get_ref(),
                None => default,
            }
        };
        let max_connections = positive(&raw.max_connections, 4, "max_connections") as usize;
        let max_attempts = positive(&raw.max_attempts, 10, "max_attempts") as u32;
        let rate = raw
            .rate_per_minute
            .as_ref()
            .map(|_| positive(&raw.rate_per_minute, 60, "rate_per_minute") as u32);
        let retry_base = self.duration(raw.retry_base.as_ref(), "30s")?;
        let retry_max = self.duration(raw.retry_max.as_ref(), "1h")?;
        Some(Sending {
            max_connections,
            rate_per_minute: rate,
            retry_base,
            retry_max,
            max_attempts,
            verp: raw.verp.unwrap_or(true),
            read_bounce_reports: raw.read_bounce_reports.unwrap_or(true),
        })
    }

    fn duration(
        &mut self,
        value: Option<&Spanned<String>>,
        default: &str,
    ) -> Option<SignedDuration> {
        let text = value.map_or(default, |v| v.get_ref().as_str());
        match parse_duration(text) {
            Some(d) => Some(d),
            None => {
                self.problem(
                    value.expect("defaults parse"),
                    format!("'{text}' is not a duration"),
                    "write a duration such as 30s, 5m, 2h or 7 days",
                );
                None
            }
        }
    }

    fn question(&mut self, raw: Spanned<RawQuestion>) -> Option<Question> {
        let raw = raw.into_inner();
        let id = raw.id.get_ref().trim().to_owned();
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            self.problem(
                &raw.id,
                format!("question id '{id}' must be lowercase letters, digits or '_'"),
                "ids become CSV column names: use something like end_of_life",
            );
        }
        if raw.text.get_ref().trim().is_empty() {
            self.problem(
                &raw.text,
                format!("question '{id}' has no text"),
                "write the question in text",
            );
        }
        let unused = |this: &mut Self, present: bool, field: &str, at: &Spanned<String>| {
            if present {
                this.problem(
                    at,
                    format!("'{field}' does not apply to a {} question", at.get_ref()),
                    format!("remove '{field}' from question '{id}'"),
                );
            }
        };
        let kind_name = raw.kind.get_ref().as_str();
        let kind = match kind_name {
            "yes_no" | "text" => {
                unused(self, raw.min.is_some(), "min", &raw.kind);
                unused(self, raw.max.is_some(), "max", &raw.kind);
                unused(self, raw.options.is_some(), "options", &raw.kind);
                if kind_name == "yes_no" {
                    QuestionKind::YesNo
                } else {
                    QuestionKind::Text
                }
            }
            "scale" => {
                unused(self, raw.options.is_some(), "options", &raw.kind);
                let (Some(min), Some(max)) = (&raw.min, &raw.max) else {
                    self.problem(
                        &raw.kind,
                        format!("scale question '{id}' needs min and max"),
                        "add min = 0 and max = 10 (for example)",
                    );
                    return None;
                };
                for bound in [min, max] {
                    if bound.get_ref().fract() != 0.0 {
                        self.problem(
                            bound,
                            "a scale's ends must be whole numbers",
                            "use integers",
                        );
                    }
                }
                if min.get_ref() >= max.get_ref() {
                    self.problem(
                        max,
                        format!(
                            "scale question '{id}' has min {} >= max {}",
                            min.get_ref(),
                            max.get_ref()
                        ),
                        "make max greater than min",
                    );
                    return None;
                }
                QuestionKind::Scale {
                    min: *min.get_ref() as i64,
                    max: *max.get_ref() as i64,
                    min_label: raw.min_label.clone(),
                    max_label: raw.max_label.clone(),
                }
            }
            "number" => {
                unused(self, raw.options.is_some(), "options", &raw.kind);
                if let (Some(min), Some(max)) = (&raw.min, &raw.max)
                    && min.get_ref() >= max.get_ref()
                {
                    self.problem(
                        max,
                        format!("number question '{id}' has min >= max"),
                        "make max greater than min",
                    );
                }
                QuestionKind::Number {
                    min: raw.min.as_ref().map(|m| *m.get_ref()),
                    max: raw.max.as_ref().map(|m| *m.get_ref()),
                }
            }
            "single_choice" | "multiple_choice" => {
                unused(self, raw.min.is_some(), "min", &raw.kind);
                unused(self, raw.max.is_some(), "max", &raw.kind);
                let options = self.options(&raw, &id)?;
                if kind_name == "single_choice" {
                    QuestionKind::SingleChoice(options)
                } else {
                    QuestionKind::MultipleChoice(options)
                }
            }
            other => {
                let other = other.to_owned();
                self.problem(
                    &raw.kind,
                    format!("unknown question type '{other}' in question '{id}'"),
                    format!("use one of: {QUESTION_TYPES}"),
                );
                return None;
            }
        };
        if raw.min_label.is_some() && !matches!(kind, QuestionKind::Scale { .. }) {
            unused(self, true, "min_label", &raw.kind);
        }
        Some(Question {
            id,
            text: raw.text.into_inner().trim().to_owned(),
            required: raw.required,
            kind,
        })
    }

    fn options(&mut self, raw: &RawQuestion, id: &str) -> Option<Vec<ChoiceOption>> {
        let list = raw.options.as_deref().unwrap_or_default();
        if list.is_empty() {
            self.problem(
                &raw.kind,
                format!("choice question '{id}' has no options"),
                "add options = [{ id = \"a\", label = \"...\" }, ...]",
            );
            return None;
        }
        if list.len() > 26 {
            self.problem(
                &raw.kind,
                "more than 26 options cannot be lettered a) to z)",
                "split the question",
            );
        }
        let mut seen = HashSet::new();
        let mut options = Vec::new();
        for option in list {
            let option = option.get_ref();
            if !seen.insert(option.id.get_ref().clone()) {
                self.problem(
                    &option.id,
                    format!(
                        "duplicate option id '{}' in question '{id}'",
                        option.id.get_ref()
                    ),
                    "give every option its own id",
                );
            }
            if !option
                .id
                .get_ref()
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            {
                self.problem(
                    &option.id,
                    format!(
                        "option id '{}' must be lowercase letters, digits or '_'",
                        option.id.get_ref()
                    ),
                    "option ids become CSV column names",
                );
            }
            options.push(ChoiceOption {
                id: option.id.get_ref().clone(),
                label: option.label.trim().to_owned(),
                exclusive: option.exclusive,
                other: option.other,
            });
        }
        Some(options)
    }
}

/// Parses a duration as the lead writes one: `30s`, `5m`, `2h`, `7 days`,
/// `1 day 12 hours` (jiff's friendly format).
pub fn parse_duration(text: &str) -> Option<SignedDuration> {
    let span: jiff::Span = text.trim().parse().ok()?;
    // Days are 24 hours here: reminders count whole days before the close.
    span.to_duration(jiff::SpanRelativeTo::days_are_24_hours())
        .ok()
}

/// Is `host` a loopback address, the only place plain connections may go?
pub fn is_loopback(host: &str) -> bool {
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    host.trim_matches(['[', ']'])
        .parse::<std::net::IpAddr>()
        .is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_in_the_leads_words() {
        assert_eq!(parse_duration("30s"), Some(SignedDuration::from_secs(30)));
        assert_eq!(
            parse_duration("7 days"),
            Some(SignedDuration::from_hours(168))
        );
        assert_eq!(
            parse_duration("2h 30m"),
            Some(SignedDuration::from_mins(150))
        );
        assert_eq!(parse_duration("soon"), None);
    }

    /// The example survey with `from` replaced by `to`, loaded.
    fn example_with(from: &str, to: &str) -> Result<Survey, Problems> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("config");
        let text = std::fs::read_to_string(root.join("example.toml")).unwrap();
        assert!(text.contains(from), "the example has {from}");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("survey.toml");
        std::fs::write(&path, text.replace(from, to)).unwrap();
        Survey::load(&path)
    }

    #[test]
    fn report_settings_are_read_and_checked() {
        let survey = example_with("min_cell = 5", "min_cell = 3").unwrap();
        assert_eq!(
            survey.report,
            ReportSettings {
                breakdown: Some("centre".into()),
                min_cell: 3,
                include_names: false,
                participants: "doctors".into(),
            }
        );
        let problems = example_with("min_cell = 5", "min_cell = 0").unwrap_err();
        assert!(
            problems.0[0]
                .message
                .contains("min_cell must be at least 1")
        );
        let problems = example_with("breakdown = \"centre\"", "breakdown = \"email\"").unwrap_err();
        assert!(
            problems.0[0]
                .message
                .contains("every group would be one person")
        );
        assert!(
            example_with("min_cell = 5", "min_cells = 5").is_err(),
            "unknown keys are refused"
        );
    }

    #[test]
    fn oauth2_sign_in_is_read_and_checked() {
        let password = "password = { env = \"MAILSURVEY_PASSWORD\" }";
        let survey = example_with(
            password,
            "auth = \"xoauth2\"\ntoken = { command = \"oama access x\" }",
        )
        .unwrap();
        assert_eq!(survey.smtp.auth, Auth::XOAuth2);
        assert_eq!(
            survey.imap.password,
            Some(SecretSource::Command("oama access x".into()))
        );
        let survey = example_with(
            password,
            "auth = \"oauthbearer\"\ntoken = { credential = \"imap-token\" }",
        )
        .unwrap();
        assert_eq!(survey.imap.auth, Auth::OAuthBearer);
        assert_eq!(
            survey.imap.password,
            Some(SecretSource::Credential("imap-token".into()))
        );
        let wrong = |to: &str| example_with(password, to).unwrap_err().to_string();
        assert!(
            wrong("auth = \"xoauth2\"\npassword = { env = \"X\" }")
                .contains("signs in with a token, not a password")
        );
        assert!(wrong("token = { env = \"X\" }").contains("add auth = \"xoauth2\""));
        assert!(wrong("auth = \"xoauth2\"").contains("needs a token"));
        assert!(wrong("auth = \"kerberos\"\npassword = { env = \"X\" }").contains("unknown auth"));
        assert!(wrong("password = { credential = \"/etc/pw\" }").contains("not a path"));
    }

    #[test]
    fn loopback_only() {
        assert!(is_loopback("127.0.0.1"));
        assert!(is_loopback("127.8.9.1"));
        assert!(is_loopback("::1"));
        assert!(is_loopback("localhost"));
        assert!(!is_loopback("mail.example.org"));
        assert!(!is_loopback("10.0.0.1"));
    }
}
