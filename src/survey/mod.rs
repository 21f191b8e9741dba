//! The survey file: what the study lead wrote (a serde mirror of the TOML,
//! [`raw`]), then what the program runs on ([`Survey`]), checked field by
//! field with every problem collected before failing once ([`checker`]).
//! The mail servers' settings are in [`servers`], the questions in
//! [`questions`]; [`draft`] writes a first survey file from a questionnaire.

pub mod address;
mod checker;
pub mod condition;
pub mod digest;
pub mod docx;
pub mod draft;
mod draft_conditions;
pub mod problems;
pub mod questionnaire;
pub mod questions;
mod raw;
pub mod recipients;
pub mod servers;
pub mod templates;

pub use digest::{DigestAt, DigestSettings};
pub use questions::{
    ChoiceOption, DateOrder, DurationUnit, Question, QuestionKind, Reserved, ShowIf,
};
pub use servers::{Auth, SecretSource, Security, Sending, Server, is_loopback};

use std::path::{Path, PathBuf};

use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp, ZonedDateTime as Zoned};
use lettre::Address;

use crate::survey::problems::{Problems, line_column};
use checker::Checker;
use raw::RawSurvey;

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
    /// When the progress digest goes to the leads and what it may say.
    pub digest: DigestSettings,
    /// How replies are read and answered.
    pub replies: ReplySettings,
    /// Days after the report was sent before `mailsurvey purge` deletes
    /// the personal data (`[retention] days`); `None`: kept until the lead
    /// decides.
    pub retention_days: Option<u32>,
    /// What reading a reply needs of the survey itself (its questionnaire
    /// as lines of ours, the questions' words), worked out on the first
    /// reply read and kept: [`Survey::derived`].
    pub derived: Derived,
}

/// A value worked out from a [`Survey`] once and kept with it
/// ([`Survey::derived`]). A survey is not changed once checked (a reload
/// is a new value); a clone starts empty, so a changed copy works out its
/// own.
#[derive(Default)]
pub struct Derived(std::sync::OnceLock<Box<dyn std::any::Any + Send + Sync>>);

impl Clone for Derived {
    fn clone(&self) -> Derived {
        Derived::default()
    }
}

impl std::fmt::Debug for Derived {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.get().is_some() {
            "Derived(kept)"
        } else {
            "Derived(not yet)"
        })
    }
}

impl Survey {
    /// The value `work` works out from this survey, worked out on the
    /// first call and kept for the next ones. One kind of value per survey:
    /// the reading's ([`crate::understand::parse`]).
    pub fn derived<T: std::any::Any + Send + Sync>(&self, work: impl FnOnce(&Survey) -> T) -> &T {
        self.derived
            .0
            .get_or_init(|| Box::new(work(self)))
            .downcast_ref::<T>()
            .expect("one kind of derived value per survey")
    }
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
    /// lets a reply without a token count at once ([`crate::understand::authres`]).
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

impl Survey {
    /// Reads and checks a survey file. Every problem in it is reported at
    /// once; the recipient list and templates are checked by
    /// [`crate::run::check::validate`].
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

/// Parses a duration as the lead writes one: `30s`, `5m`, `2h`, `7 days`,
/// `1 day 12 hours` (jiff's friendly format).
pub fn parse_duration(text: &str) -> Option<SignedDuration> {
    let span: jiff::Span = text.trim().parse().ok()?;
    // Days are 24 hours here: reminders count whole days before the close.
    span.to_duration(jiff::SpanRelativeTo::days_are_24_hours())
        .ok()
}

/// The example survey file (`config/example.toml`), loaded: what the
/// unit tests of every stage read messages and decide against.
#[cfg(test)]
pub(crate) fn example() -> Survey {
    Survey::load(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/config/example.toml"
    )))
    .expect("the example survey loads")
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
    fn allowed_answers_are_read_and_checked() {
        let research =
            "text = \"Do you feel further research into the use of ketamine is needed?\"";
        let survey = example_with(
            research,
            &format!("{research}\nallow = [\"prefer_not_to_say\", \"not_applicable\"]"),
        )
        .unwrap();
        let q = survey
            .questions
            .iter()
            .find(|q| q.id == "research")
            .unwrap();
        assert_eq!(q.allow, [Reserved::NotApplicable, Reserved::PreferNotToSay]);
        let fails = |allow: &str, at: &str| {
            let problems = example_with(at, &format!("{at}\nallow = {allow}")).unwrap_err();
            let p = &problems.0[0];
            assert!(p.line.is_some(), "{p:?}");
            p.message.clone()
        };
        assert!(fails("[\"n/a\"]", research).contains("unknown answer 'n/a'"));
        assert!(
            fails("[\"not_applicable\", \"not_applicable\"]", research).contains("allowed twice")
        );
        let comments = "text = \"Any other comments?\"";
        assert!(
            fails("[\"not_applicable\"]", comments)
                .contains("cannot take not applicable or prefer not to say")
        );
    }

    #[test]
    fn date_questions_are_read_and_checked() {
        let at = "text = \"Any other comments?\"";
        let date = |extra: &str| {
            example_with(
                "type = \"text\"\ntext = \"Any other comments?\"",
                &format!("type = \"date\"\ntext = \"Any other comments?\"{extra}"),
            )
        };
        let survey = date("\ndate_order = \"dmy\"").unwrap();
        assert_eq!(
            survey.questions.last().unwrap().kind,
            QuestionKind::Date {
                order: Some(DateOrder::Dmy)
            }
        );
        assert!(date("").is_ok());
        let problems = date("\ndate_order = \"ymd\"").unwrap_err();
        assert!(
            problems.0[0].message.contains("unknown date_order 'ymd'"),
            "{problems:?}"
        );
        let problems = example_with(at, &format!("{at}\ndate_order = \"dmy\"")).unwrap_err();
        assert!(
            problems.0[0]
                .message
                .contains("'date_order' does not apply"),
            "{problems:?}"
        );
    }

    /// `config/seed-full.toml` with `from` replaced by `to`, loaded.
    fn seed_full_with(from: &str, to: &str) -> Result<Survey, Problems> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("config");
        let text = std::fs::read_to_string(root.join("seed-full.toml")).unwrap();
        assert!(text.contains(from), "seed-full has {from}");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("survey.toml");
        std::fs::write(&path, text.replace(from, to)).unwrap();
        Survey::load(&path)
    }

    #[test]
    fn duration_questions_and_conditions_on_dates_and_durations_are_checked() {
        let survey = seed_full_with("", "").unwrap();
        let years = survey
            .questions
            .iter()
            .find(|q| q.id == "years_in_palliative")
            .unwrap();
        assert_eq!(
            years.kind,
            QuestionKind::Duration {
                unit: DurationUnit::Years
            }
        );
        let unit = "unit = \"years\"";
        for (to, message, fix) in [
            ("", "needs a unit", "unit = \"years\""),
            ("unit = \"decades\"", "unknown unit 'decades'", "\"months\""),
            (
                "unit = \"years\"\nmin = 1",
                "'min' does not apply",
                "remove 'min'",
            ),
        ] {
            let problems = seed_full_with(unit, to).unwrap_err();
            let p = &problems.0[0];
            assert!(p.message.contains(message), "{to}: {p:?}");
            assert!(p.fix.contains(fix), "{to}: {p:?}");
            assert!(p.line.is_some(), "{to}: {p:?}");
        }
        let comments = "text = \"Any other comments?\"";
        let problems =
            seed_full_with(comments, &format!("{comments}\nunit = \"days\"")).unwrap_err();
        assert!(problems.0[0].message.contains("'unit' does not apply"));
        // Conditions on a date (a date or a year) and on a duration (a number).
        let with = |condition: &str| {
            seed_full_with(comments, &format!("{comments}\nshow_if = \"{condition}\""))
        };
        for sound in [
            "last_prescribed >= 2025-01",
            "last_prescribed < 2020",
            "last_prescribed == 2025-03-05",
            "years_in_palliative >= 5 and not (last_prescribed < 2024-06)",
        ] {
            let survey = with(sound).unwrap_or_else(|p| panic!("{sound}: {p:?}"));
            assert!(survey.questions.last().unwrap().show_if.is_some());
        }
        for (condition, message, fix) in [
            (
                "last_prescribed == yes",
                "date question, compared with a date or a year",
                "last_prescribed >= 2024-01",
            ),
            (
                "last_prescribed > 5",
                "date question, compared with a date or a year",
                "last_prescribed >= 2024-01",
            ),
            (
                "years_in_palliative == yes",
                "takes a number of years",
                "years_in_palliative >= 5",
            ),
            ("last_prescribed > 2025-13", "no date", "2024-06"),
        ] {
            let problems = with(condition).unwrap_err();
            let p = &problems.0[0];
            assert!(p.message.contains(message), "{condition}: {p:?}");
            assert!(p.fix.contains(fix), "{condition}: {p:?}");
        }
    }

    #[test]
    fn grids_and_rankings_are_read_and_checked() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("config");
        let survey = Survey::load(&root.join("seed-full.toml")).unwrap();
        let grid = &survey.questions[3];
        assert_eq!(grid.id, "confidence_areas");
        assert_eq!(
            grid.answer_keys(),
            [
                "confidence_areas.dosing",
                "confidence_areas.routes",
                "confidence_areas.side_effects"
            ]
        );
        assert_eq!(grid.grid_scale(), Some((1, 5)));
        let items = grid.answered_questions();
        assert!(matches!(
            items[0].kind,
            QuestionKind::Scale { min: 1, max: 5, .. }
        ));
        assert_eq!(items[2].allow, [Reserved::NotApplicable]);
        let ranking = &survey.questions[5];
        assert!(matches!(&ranking.kind, QuestionKind::Ranking(o) if o.len() == 4));

        let comments = "type = \"text\"\ntext = \"Any other comments?\"";
        let with = |to: &str| example_with(comments, to);
        let grid = |rest: &str| {
            with(&format!(
                "type = \"grid\"\ntext = \"How confident?\"\n{rest}"
            ))
        };
        let fails = |result: Result<Survey, Problems>| {
            let problems = result.unwrap_err();
            let p = &problems.0[0];
            assert!(p.line.is_some(), "{p:?}");
            format!("{}: {}", p.message, p.fix)
        };
        let items = "items = [{ id = \"dosing\", label = \"Dose\" }, { id = \"routes\", label = \"Route\" }]";
        let choices = "options = [{ id = \"often\", label = \"Often\" }, { id = \"never\", label = \"Never\" }]";
        assert!(grid(&format!("{items}\nmin = 1\nmax = 5")).is_ok());
        let survey = grid(&format!("{items}\n{choices}")).unwrap();
        assert_eq!(survey.questions.last().unwrap().grid_options().len(), 2);
        assert!(fails(grid("min = 1\nmax = 5")).contains("has no items"));
        assert!(
            fails(grid(&format!("{items}\n{choices}\nmin = 1\nmax = 5"))).contains("both a scale")
        );
        assert!(fails(grid(items)).contains("needs min and max"));
        let twice = "items = [{ id = \"dosing\", label = \"Dose\" }, { id = \"dosing\", label = \"Route\" }]";
        assert!(fails(grid(&format!("{twice}\nmin = 1\nmax = 5"))).contains("duplicate item id"));
        let ranking =
            |rest: &str| with(&format!("type = \"ranking\"\ntext = \"Rank them\"\n{rest}"));
        assert!(ranking(choices).is_ok());
        assert!(fails(ranking("")).contains("has no options"));
        assert!(
            fails(ranking("options = [{ id = \"a\", label = \"A\" }, { id = \"none\", label = \"None\", exclusive = true }]"))
                .contains("exclusive")
        );
        assert!(fails(ranking(&format!("{choices}\n{items}"))).contains("'items' does not apply"));
        let at = "text = \"Any other comments?\"";
        let survey_text = std::fs::read_to_string(root.join("seed-full.toml")).unwrap();
        assert!(survey_text.contains(at));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("survey.toml");
        std::fs::write(
            &path,
            survey_text
                .replace(
                    "example-recipients.csv",
                    &root.join("example-recipients.csv").display().to_string(),
                )
                .replace(
                    at,
                    &format!("{at}\nshow_if = \"barrier_rank has evidence\""),
                ),
        )
        .unwrap();
        let problems = Survey::load(&path).unwrap_err();
        assert!(
            problems.0[0]
                .message
                .contains("ranking question, which a condition cannot test"),
            "{problems:?}"
        );
    }

    #[test]
    fn conditions_are_read_and_checked() {
        let at = "text = \"Has your service developed shared guidance on ketamine for community services?\"";
        let with = |condition: &str| example_with(at, &format!("{at}\nshow_if = \"{condition}\""));
        let survey = with("written_protocol == yes and not confidence < 5").unwrap();
        let shared = survey
            .questions
            .iter()
            .find(|q| q.id == "shared_guidance")
            .unwrap();
        assert_eq!(
            shared.show_if.as_ref().unwrap().words,
            "you answered yes to 6 and not (your answer to 4 is below 5)"
        );
        assert!(with("barriers has evidence or barriers has none").is_ok());
        for (condition, message, fix) in [
            (
                "protocol == yes",
                "unknown question 'protocol'",
                "end_of_life, early_adjuvant",
            ),
            (
                "training == yes",
                "later question, 'training'",
                "earlier questions",
            ),
            (
                "shared_guidance == yes",
                "the question itself (a cycle)",
                "earlier questions",
            ),
            (
                "written_protocol >= 3",
                "'written_protocol' is a yes/no question",
                "written_protocol == yes",
            ),
            (
                "barriers == evidence",
                "multiple-choice question",
                "barriers has expertise",
            ),
            (
                "barriers has cost",
                "no option 'cost'",
                "barriers has expertise",
            ),
            ("confidence == yes", "takes a number", "confidence >= 5"),
            (
                "written_protocol = yes",
                "is not a comparison",
                "used_ketamine == yes",
            ),
        ] {
            let problems = with(condition).unwrap_err();
            let p = &problems.0[0];
            assert!(p.message.contains(message), "{condition}: {p:?}");
            assert!(p.fix.contains(fix), "{condition}: {p:?}");
            assert!(p.line.is_some(), "{condition}: {p:?}");
        }
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
