//! The summary report: what the study lead receives at the close, written so
//! that its results paragraph can be pasted into an abstract, with the data
//! behind every figure attached.
//!
//! This module is pure: the daemon (or `mailsurvey report`) reads the store
//! into a [`ReportInput`], [`build`] computes every figure once into
//! [`Figures`] and renders the four files from them, and [`draft`] wraps the
//! files into the email for the leads. Rendering from one set of figures is
//! what keeps the text, the HTML, `report.json` and the paragraph in
//! agreement.
//!
//! - [`stats`]: Wilson intervals, mean, SD, quartiles; checked against
//!   published values.
//! - `figures`: counting answers into [`Figures`] (the content of
//!   `report.json`).
//! - `results`: the plain-English results paragraph.
//! - `text`, `html`: `report.txt` and the email-safe `report.html`.
//! - `responses`: `responses.csv`, one row per respondent.
//! - `exports`: `codebook.csv` and the syntax files that load
//!   `responses.csv` into R, SPSS/PSPP and Stata, labelled.
//! - `email`: the multipart message to the leads.
//!
//! Who counts: a *respondent* is a person with at least one valid (ok)
//! answer; the response rate is respondents over invited, with respondents
//! over delivered beside it. Percentages are of those who gave a valid
//! answer to that question (its `n`), rounded half up to one decimal.

pub mod digest;
pub mod retention;
pub mod shown;

mod email;
mod exports;
mod figures;
mod html;
mod responses;
mod results;
pub mod stats;
mod text;

/// Tests of the whole report on the seed study's cohort, kept apart from
/// the report's stages.
#[cfg(test)]
mod tests {
    mod clipping;
    pub(super) mod cohort;
}

use std::collections::BTreeMap;
use std::path::Path;

use jiff::Timestamp;

use crate::survey::Survey;
use crate::survey::recipients::Recipient;
use crate::understand::answer::Answer;
use crate::{Error, Result};

pub use email::{draft, message_id, requested_message_id};
pub use exports::Reserved;
pub use figures::{
    Bin, Breakdown, BreakdownQuestion, Cell, Figures, Group, Issue, Late, OptionShare, Outcome,
    Participation, Quality, QuestionFigures, Share, SurveyFacts,
};

/// Everything the report is computed from, as the daemon's store holds it.
/// Nothing here is computed yet: counts that the store knows better than
/// this module (delivered, bounced) are given, the rest is derived.
#[derive(Debug, Clone)]
pub struct ReportInput<'a> {
    /// The survey: title, period, questions and `[report]` settings.
    pub survey: &'a Survey,
    /// When the report is made; printed in the survey's time zone.
    pub generated_at: Timestamp,
    /// An interim report (`mailsurvey report` before the close) says so in
    /// its title and subject.
    pub interim: bool,
    /// Everyone invited, counted (in all, and by the breakdown column
    /// for its denominators).
    pub invited: Invited,
    /// Invitations accepted by the recipient's server and not bounced.
    pub delivered: usize,
    /// Invitations that bounced permanently.
    pub bounced: usize,
    /// People who asked for no more mail.
    pub opted_out: usize,
    /// Everyone who replied within the period, with their merged answers,
    /// in a stable order (e.g. of first reply): pseudonyms R001, ... follow
    /// it. People with no valid answer are counted as replies but are not
    /// respondents.
    pub respondents: Vec<Respondent>,
    /// Replies that arrived after the close: listed, not counted.
    pub late: Vec<LateReply>,
    /// Clarification emails sent over the whole period.
    pub clarifications_sent: usize,
    /// Inferred answers that the doctors confirmed (they count).
    pub inferred_confirmed: usize,
    /// Delivery reports with nothing of ours in them (no VERP address,
    /// Message-ID or token): nobody was bounced by them.
    pub unverified_bounces: usize,
}

/// Everyone invited, counted: the report needs their number and, for
/// the breakdown's denominators, their number per value of the breakdown
/// column, never the people themselves (a national list holds a million).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Invited {
    /// How many were invited.
    pub count: usize,
    /// How many per value of the survey's breakdown column, as listed
    /// (`""` for people without one); empty when the survey has no
    /// breakdown.
    pub by_value: BTreeMap<String, usize>,
}

impl Invited {
    /// `people` counted, by the value of their column `breakdown` if the
    /// survey names one.
    pub fn of(people: &[Recipient], breakdown: Option<&str>) -> Invited {
        let mut by_value: BTreeMap<String, usize> = BTreeMap::new();
        if let Some(column) = breakdown {
            for person in people {
                let value = person.attributes.get(column).cloned().unwrap_or_default();
                *by_value.entry(value).or_default() += 1;
            }
        }
        Invited {
            count: people.len(),
            by_value,
        }
    }
}

/// One person who replied, and their answers by question id (the latest
/// answer to each question, after any clarification).
#[derive(Debug, Clone, PartialEq)]
pub struct Respondent {
    /// Name, from the recipient list; shown only if the survey allows.
    pub name: String,
    /// Address invited.
    pub email: String,
    /// Recipient-list columns (`centre`, ...), for the breakdown.
    pub attributes: BTreeMap<String, String>,
    /// Answers by question id; questions not answered are absent.
    pub answers: BTreeMap<String, Answer>,
    /// Replied from another address than the one invited (matched by the
    /// token), which the lead may want to check.
    pub different_sender: bool,
}

/// A reply that came after the close.
#[derive(Debug, Clone, PartialEq)]
pub struct LateReply {
    /// Name, from the recipient list; shown only if the survey allows.
    pub name: String,
    /// Address invited.
    pub email: String,
    /// When it arrived.
    pub received_at: Timestamp,
}

/// The report: its figures and the files made from them.
#[derive(Debug, Clone)]
pub struct Report {
    /// When it was made (interim reports' Message-IDs differ by it).
    pub generated_at: Timestamp,
    /// Every figure, as in `report.json`.
    pub figures: Figures,
    /// `report.txt`: the text part of the email.
    pub text: String,
    /// `report.html`: the HTML part of the email.
    pub html: String,
    /// `responses.csv`: one row per respondent.
    pub responses_csv: Vec<u8>,
    /// `report.json`: [`Report::figures`], pretty-printed.
    pub json: String,
    /// `codebook.csv`: one row per column of `responses.csv`.
    pub codebook_csv: Vec<u8>,
    /// `responses.R`: loads `responses.csv` into base R, labelled.
    pub responses_r: String,
    /// `responses.sps`: the same for SPSS and PSPP.
    pub responses_sps: String,
    /// `responses.do`: the same for Stata.
    pub responses_do: String,
}

/// Computes every figure from `input` and renders the report's files.
pub fn build(input: &ReportInput<'_>) -> Result<Report> {
    let labelled = label(input);
    let mut figures = figures::compute(input, &labelled);
    figures.results = results::paragraph(&figures);
    let text = text::render(&figures);
    let html = html::render(&figures);
    let responses_csv = responses::render(input.survey, &labelled)?;
    let exports = exports::render(input.survey, &responses_csv)?;
    let json = serde_json::to_string_pretty(&figures)
        .map_err(|e| Error::Other(format!("report.json: {e}")))?
        + "\n";
    Ok(Report {
        generated_at: input.generated_at,
        figures,
        text,
        html,
        responses_csv,
        json,
        codebook_csv: exports.codebook,
        responses_r: exports.r,
        responses_sps: exports.spss,
        responses_do: exports.stata,
    })
}

impl Report {
    /// The files as `(name, content)`, in the order a reader wants them.
    pub fn files(&self) -> [(&'static str, &[u8]); 8] {
        [
            ("report.txt", self.text.as_bytes()),
            ("report.html", self.html.as_bytes()),
            ("responses.csv", &self.responses_csv),
            ("codebook.csv", &self.codebook_csv),
            ("responses.R", self.responses_r.as_bytes()),
            ("responses.sps", self.responses_sps.as_bytes()),
            ("responses.do", self.responses_do.as_bytes()),
            ("report.json", self.json.as_bytes()),
        ]
    }

    /// The files attached to the report email (all but the text and HTML,
    /// which are its body), with their content types.
    pub fn attachments(&self) -> Vec<(&'static str, &'static str, &[u8])> {
        self.files()
            .into_iter()
            .filter(|(name, _)| !name.starts_with("report.") || *name == "report.json")
            .map(|(name, bytes)| {
                let content_type = match name.rsplit('.').next() {
                    Some("csv") => "text/csv; charset=utf-8",
                    Some("json") => "application/json",
                    _ => "text/plain; charset=utf-8",
                };
                (name, content_type, bytes)
            })
            .collect()
    }

    /// Writes the files into `dir` (created if missing), for
    /// `mailsurvey report --out DIR` and the demo.
    pub fn write_to(&self, dir: &Path) -> Result<()> {
        // Answers and exports are personal data: 0600 files, and a
        // directory of our making 0700 (crate::run::privacy).
        crate::run::privacy::create_dir_all(dir)?;
        for (name, bytes) in self.files() {
            crate::run::privacy::write(&dir.join(name), bytes)?;
        }
        Ok(())
    }
}

/// A respondent with the label the report uses for them.
pub(crate) struct Labelled<'a> {
    /// `R001`, ... or the name when the survey allows names.
    pub label: String,
    pub respondent: &'a Respondent,
}

/// The respondents (at least one valid answer), labelled in input order.
fn label<'a>(input: &'a ReportInput<'_>) -> Vec<Labelled<'a>> {
    input
        .respondents
        .iter()
        .filter(|r| is_respondent(r))
        .enumerate()
        .map(|(i, respondent)| Labelled {
            label: if input.survey.report.include_names {
                respondent.name.clone()
            } else {
                format!("R{:03}", i + 1)
            },
            respondent,
        })
        .collect()
}

/// A respondent is a person with at least one valid answer.
pub fn is_respondent(respondent: &Respondent) -> bool {
    respondent.answers.values().any(Answer::is_ok)
}
