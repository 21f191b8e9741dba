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
mod fit;
mod html;
mod responses;
mod results;
pub mod stats;
mod tally;
mod text;

/// Tests of the whole report on the seed study's cohort, kept apart from
/// the report's stages.
#[cfg(test)]
mod tests {
    mod clipping;
    pub(super) mod cohort;
}

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

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

/// Attachments up to this many bytes in all go as they are (every small
/// survey's report: its CSV, codebook, syntax files and `report.json`).
pub const ATTACH_LIMIT: usize = 2 * 1024 * 1024;

/// Above [`ATTACH_LIMIT`], the files go as one `report.zip` when it is at
/// most this many bytes: base64 makes it 1.37 times larger, so the whole
/// email stays under 10 MB, the smallest limit common among the leads'
/// servers (Exchange Server's default; Exchange Online and Gmail take 25
/// MB or more). A larger zip is not sent: the files are kept on the
/// survey's server and the email says where.
pub const ZIP_LIMIT: usize = 7 * 1024 * 1024;

/// How the data files (`responses.csv`, its codebook and syntax files,
/// `report.json`) travel with the report email.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// Attached as they are.
    Attached,
    /// Attached in one `report.zip` (deflate).
    Zipped,
    /// Too large for an email: kept on the survey's server, in this
    /// directory.
    Saved(PathBuf),
}

impl Delivery {
    /// Where `files` are, as the report's text says it: "the attached
    /// report.json", "report.json in the attached report.zip", ...
    pub fn place(&self, files: &str) -> String {
        match self {
            Delivery::Attached => format!("the attached {files}"),
            Delivery::Zipped => format!("{files} in the attached report.zip"),
            Delivery::Saved(dir) => format!(
                "{files}, kept on the survey's server in {} (too large to attach)",
                dir.display()
            ),
        }
    }

    /// What the list of data files in the report's notes starts with.
    pub fn heading(&self) -> String {
        match self {
            Delivery::Attached => "Attached".to_owned(),
            Delivery::Zipped => "Attached in report.zip".to_owned(),
            Delivery::Saved(dir) => format!(
                "Too large to attach, kept on the survey's server in {}",
                dir.display()
            ),
        }
    }
}

/// Where `responses.csv` and `report.json` are.
#[derive(Debug, Clone)]
enum Data {
    /// In memory, attached as they are.
    Memory {
        responses_csv: Vec<u8>,
        json: Vec<u8>,
    },
    /// Every file in `report.zip`, in memory.
    Zip(Vec<u8>),
    /// Every file in a directory on the server.
    Dir(PathBuf),
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
    /// `codebook.csv`: one row per column of `responses.csv`.
    pub codebook_csv: Vec<u8>,
    /// `responses.R`: loads `responses.csv` into base R, labelled.
    pub responses_r: String,
    /// `responses.sps`: the same for SPSS and PSPP.
    pub responses_sps: String,
    /// `responses.do`: the same for Stata.
    pub responses_do: String,
    /// `responses.csv` (one row per respondent) and `report.json`
    /// ([`Report::figures`], pretty-printed): in memory, zipped, or on
    /// disk; [`Report::read`] reads them.
    data: Data,
}

/// The files of the report, in the order a reader wants them.
pub const FILES: [&str; 8] = [
    "report.txt",
    "report.html",
    "responses.csv",
    "codebook.csv",
    "responses.R",
    "responses.sps",
    "responses.do",
    "report.json",
];

/// Computes every figure from `input` and renders the report's files, in
/// memory (zipped when they are over [`ATTACH_LIMIT`]).
pub fn build(input: &ReportInput<'_>) -> Result<Report> {
    let mut builder = Builder::new(input.survey, &input.invited, Vec::new())?;
    for respondent in &input.respondents {
        builder.add(respondent)?;
    }
    let (figures, responses_csv) = builder.figures(input)?;
    let json = serde_json::to_vec_pretty(&figures)
        .map_err(|e| Error::Other(format!("report.json: {e}")))?;
    let json = [json, b"\n".to_vec()].concat();
    finish(
        input,
        figures,
        Made::Memory {
            responses_csv,
            json,
        },
    )
}

/// The report built as the respondents go by, one at a time, so that a
/// survey of any size is reported without holding its respondents:
/// [`Builder::add`] each person who replied, in the order of their first
/// reply (their labels R001, ... follow it), then finish. `responses.csv`
/// is written to `W` row by row (a file for the store's reports, memory
/// for [`build`]).
pub struct Builder<'s, W: Write> {
    survey: &'s Survey,
    tally: tally::Tally<'s>,
    rows: Option<responses::Rows<W>>,
    respondents: usize,
}

impl<'s, W: Write> Builder<'s, W> {
    /// A report of `survey`, whose invited are `invited`, its
    /// `responses.csv` written to `csv`.
    pub fn new(survey: &'s Survey, invited: &Invited, csv: W) -> Result<Builder<'s, W>> {
        Ok(Builder {
            survey,
            tally: tally::Tally::new(survey, invited),
            rows: Some(responses::Rows::new(survey, csv)?),
            respondents: 0,
        })
    }

    /// Counts one person who replied, and writes their row if they are a
    /// respondent (at least one valid answer).
    pub fn add(&mut self, respondent: &Respondent) -> Result<()> {
        if !is_respondent(respondent) {
            self.tally.add(respondent, None);
            return Ok(());
        }
        self.respondents += 1;
        let label = if self.survey.report.include_names {
            respondent.name.clone()
        } else {
            format!("R{:03}", self.respondents)
        };
        self.tally.add(respondent, Some(&label));
        if let Some(rows) = &mut self.rows {
            rows.write(self.survey, &label, respondent)?;
        }
        Ok(())
    }

    /// The figures, with `input`'s counts from the store and the results
    /// paragraph, and the CSV's sink (`None` when counting only).
    fn figures(self, input: &ReportInput<'_>) -> Result<(Figures, W)> {
        let Builder { tally, rows, .. } = self;
        let mut figures = tally.finish(input);
        figures.results = results::paragraph(&figures);
        let sink = match rows {
            Some(rows) => rows.finish()?,
            None => return Err(Error::Other("the report's rows were not kept".into())),
        };
        Ok((figures, sink))
    }
}

impl Builder<'_, std::io::Sink> {
    /// A builder of the figures alone (for `status` and the digest): no
    /// rows written, nothing rendered.
    pub fn counting<'s>(survey: &'s Survey, invited: &Invited) -> Builder<'s, std::io::Sink> {
        Builder {
            survey,
            tally: tally::Tally::new(survey, invited),
            rows: None,
            respondents: 0,
        }
    }

    /// The figures, with `input`'s counts from the store (its
    /// respondents are not read: they were added).
    pub fn finish_figures(self, input: &ReportInput<'_>) -> Figures {
        let mut figures = self.tally.finish(input);
        figures.results = results::paragraph(&figures);
        figures
    }
}

impl<'s> Builder<'s, std::io::BufWriter<std::fs::File>> {
    /// A builder whose `responses.csv` goes to `dir` (created if missing,
    /// 0700), where the data files stay if they are too large to email.
    pub fn in_dir(
        survey: &'s Survey,
        invited: &Invited,
        dir: &Path,
    ) -> Result<Builder<'s, std::io::BufWriter<std::fs::File>>> {
        crate::run::privacy::create_dir_all(dir)?;
        let file = crate::run::privacy::create(&dir.join("responses.csv"))?;
        Builder::new(survey, invited, std::io::BufWriter::new(file))
    }

    /// The report, its data files made in `dir` (given to
    /// [`Builder::in_dir`]): read into memory, and the directory removed,
    /// when they can be attached; zipped (the directory removed) when the
    /// zip can; else every file of the report left in `dir`, which the
    /// email names.
    pub fn finish(self, input: &ReportInput<'_>, dir: &Path) -> Result<Report> {
        let csv_path = dir.join("responses.csv");
        let (figures, csv) = self.figures(input)?;
        // Flushed, not synced: the report can be made again from the
        // store, and most reports' files are zipped and removed at once.
        csv.into_inner()
            .map_err(|e| Error::io(&csv_path, e.into_error()))?;
        let json_path = dir.join("report.json");
        let mut out = std::io::BufWriter::new(crate::run::privacy::create(&json_path)?);
        serde_json::to_writer_pretty(&mut out, &figures)
            .map_err(|e| Error::Other(format!("report.json: {e}")))?;
        out.write_all(b"\n")
            .and_then(|()| out.flush())
            .map_err(|e| Error::io(&json_path, e))?;
        drop(out);
        finish(input, figures, Made::Dir(dir.to_owned()))
    }
}

/// `responses.csv` and `report.json` as made: in memory, or files in a
/// directory.
enum Made {
    Memory {
        responses_csv: Vec<u8>,
        json: Vec<u8>,
    },
    Dir(PathBuf),
}

impl Made {
    /// The bytes of `name` (one of the two).
    fn read(&self, name: &str) -> Result<Vec<u8>> {
        match self {
            Made::Memory {
                responses_csv,
                json,
            } => Ok(if name == "report.json" {
                json.clone()
            } else {
                responses_csv.clone()
            }),
            Made::Dir(dir) => {
                std::fs::read(dir.join(name)).map_err(|e| Error::io(dir.join(name), e))
            }
        }
    }

    /// A reader of `name` (one of the two).
    fn open(&self, name: &str) -> Result<Box<dyn std::io::Read + '_>> {
        match self {
            Made::Memory {
                responses_csv,
                json,
            } => Ok(Box::new(if name == "report.json" {
                json.as_slice()
            } else {
                responses_csv.as_slice()
            })),
            Made::Dir(dir) => {
                let path = dir.join(name);
                let file = std::fs::File::open(&path).map_err(|e| Error::io(&path, e))?;
                Ok(Box::new(std::io::BufReader::new(file)))
            }
        }
    }

    /// Its size in bytes.
    fn len(&self, name: &str) -> Result<usize> {
        match self {
            Made::Memory { .. } => Ok(self.read(name)?.len()),
            Made::Dir(dir) => {
                let path = dir.join(name);
                Ok(std::fs::metadata(&path)
                    .map_err(|e| Error::io(&path, e))?
                    .len() as usize)
            }
        }
    }

    /// Gone: the directory removed with what is in it.
    fn remove(&self) -> Result<()> {
        if let Made::Dir(dir) = self {
            std::fs::remove_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        Ok(())
    }
}

/// The data files' place decided by their size, and the text and HTML
/// rendered saying so.
fn finish(input: &ReportInput<'_>, figures: Figures, made: Made) -> Result<Report> {
    let exports = exports::render(input.survey, made.open("responses.csv")?)?;
    let mut report = Report {
        generated_at: input.generated_at,
        figures,
        text: String::new(),
        html: String::new(),
        codebook_csv: exports.codebook,
        responses_r: exports.r,
        responses_sps: exports.spss,
        responses_do: exports.stata,
        data: Data::Zip(Vec::new()),
    };
    let total = made.len("responses.csv")?
        + made.len("report.json")?
        + report.codebook_csv.len()
        + report.responses_r.len()
        + report.responses_sps.len()
        + report.responses_do.len();
    report.data = if total <= ATTACH_LIMIT {
        let data = Data::Memory {
            responses_csv: made.read("responses.csv")?,
            json: made.read("report.json")?,
        };
        made.remove()?;
        data
    } else {
        let zip = report.zip(&made)?;
        match &made {
            Made::Dir(dir) if zip.len() > ZIP_LIMIT => Data::Dir(dir.clone()),
            _ => {
                made.remove()?;
                Data::Zip(zip)
            }
        }
    };
    let delivery = report.delivery();
    report.text = text::render(&report.figures, &delivery);
    report.html = html::render(&report.figures, &delivery);
    if let Data::Dir(dir) = &report.data {
        for (name, bytes) in report.small_files() {
            crate::run::privacy::write(&dir.join(name), bytes)?;
        }
    }
    Ok(report)
}

impl Report {
    /// How the data files travel with the email.
    pub fn delivery(&self) -> Delivery {
        match &self.data {
            Data::Memory { .. } => Delivery::Attached,
            Data::Zip(_) => Delivery::Zipped,
            Data::Dir(dir) => Delivery::Saved(dir.clone()),
        }
    }

    /// The files always held in memory (all but `responses.csv` and
    /// `report.json`).
    fn small_files(&self) -> [(&'static str, &[u8]); 6] {
        [
            ("report.txt", self.text.as_bytes()),
            ("report.html", self.html.as_bytes()),
            ("codebook.csv", &self.codebook_csv),
            ("responses.R", self.responses_r.as_bytes()),
            ("responses.sps", self.responses_sps.as_bytes()),
            ("responses.do", self.responses_do.as_bytes()),
        ]
    }

    /// `report.zip`: the attachments (all files but the text and HTML),
    /// deflated; the two large ones copied from `made` as they are read.
    fn zip(&self, made: &Made) -> Result<Vec<u8>> {
        let fail = |e: zip::result::ZipError| Error::Other(format!("report.zip: {e}"));
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .unix_permissions(crate::run::privacy::FILE_MODE);
        for name in ATTACHED {
            zip.start_file(name, options).map_err(fail)?;
            let written = match self.small_files().iter().find(|(n, _)| *n == name) {
                Some((_, bytes)) => zip.write_all(bytes),
                None => std::io::copy(&mut made.open(name)?, &mut zip).map(|_| ()),
            };
            written.map_err(|e| Error::Other(format!("report.zip: {e}")))?;
        }
        Ok(zip.finish().map_err(fail)?.into_inner())
    }

    /// The bytes of one of the report's [`FILES`].
    pub fn read(&self, name: &str) -> Result<Vec<u8>> {
        if let Some((_, bytes)) = self.small_files().iter().find(|(n, _)| *n == name) {
            return Ok(bytes.to_vec());
        }
        let unknown = || Error::Other(format!("the report has no file {name}"));
        match &self.data {
            Data::Memory {
                responses_csv,
                json,
            } => match name {
                "responses.csv" => Ok(responses_csv.clone()),
                "report.json" => Ok(json.clone()),
                _ => Err(unknown()),
            },
            Data::Zip(zip) => {
                let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip.as_slice()))
                    .map_err(|e| Error::Other(format!("report.zip: {e}")))?;
                let mut file = archive.by_name(name).map_err(|_| unknown())?;
                let mut bytes = Vec::new();
                std::io::Read::read_to_end(&mut file, &mut bytes)
                    .map_err(|e| Error::Other(format!("report.zip: {e}")))?;
                Ok(bytes)
            }
            Data::Dir(dir) => {
                std::fs::read(dir.join(name)).map_err(|e| Error::io(dir.join(name), e))
            }
        }
    }

    /// The files attached to the report email, with their content types:
    /// the data files (all but the text and HTML, which are its body), or
    /// `report.zip` holding them, or none when they are kept on the server.
    pub fn attachments(&self) -> Result<Vec<(&'static str, &'static str, Vec<u8>)>> {
        match &self.data {
            Data::Zip(zip) => Ok(vec![("report.zip", "application/zip", zip.clone())]),
            Data::Dir(_) => Ok(Vec::new()),
            Data::Memory { .. } => ATTACHED
                .into_iter()
                .map(|name| {
                    let content_type = match name.rsplit('.').next() {
                        Some("csv") => "text/csv; charset=utf-8",
                        Some("json") => "application/json",
                        _ => "text/plain; charset=utf-8",
                    };
                    Ok((name, content_type, self.read(name)?))
                })
                .collect(),
        }
    }

    /// Writes the files into `dir` (created if missing), for
    /// `mailsurvey report --out DIR` and the demo; the large ones are
    /// copied as they are read, never held whole.
    pub fn write_to(&self, dir: &Path) -> Result<()> {
        // Answers and exports are personal data: 0600 files, and a
        // directory of our making 0700 (crate::run::privacy).
        crate::run::privacy::create_dir_all(dir)?;
        for name in FILES {
            let to = dir.join(name);
            match &self.data {
                Data::Dir(from) if name == "responses.csv" || name == "report.json" => {
                    if from.join(name) != to {
                        let mut source = std::fs::File::open(from.join(name))
                            .map_err(|e| Error::io(from.join(name), e))?;
                        let mut target = crate::run::privacy::create(&to)?;
                        std::io::copy(&mut source, &mut target).map_err(|e| Error::io(&to, e))?;
                    }
                }
                _ => crate::run::privacy::write(&to, &self.read(name)?)?,
            }
        }
        Ok(())
    }
}

/// The files attached, in this order (inside `report.zip` when zipped).
const ATTACHED: [&str; 6] = [
    "responses.csv",
    "codebook.csv",
    "responses.R",
    "responses.sps",
    "responses.do",
    "report.json",
];

/// A respondent is a person with at least one valid answer.
pub fn is_respondent(respondent: &Respondent) -> bool {
    respondent.answers.values().any(Answer::is_ok)
}
