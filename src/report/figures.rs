//! Counting: turns the answers into every figure the report shows. The
//! result, [`Figures`], is `report.json`, and every rendering reads it, so
//! no figure is computed twice.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use serde::Serialize;

use super::shown::visible_lines;
use super::stats::{self, Summary};
use crate::survey::{Question, QuestionKind};
use crate::understand::answer::Value;

/// Every figure of the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    /// Which survey, and when it ran.
    pub survey: SurveyFacts,
    /// When the report was made, in the survey's time zone.
    pub generated_at: String,
    /// Made before the close (`mailsurvey report`), so figures may change.
    pub interim: bool,
    /// Who was asked and who answered.
    pub participation: Participation,
    /// One entry per question, in survey order.
    pub questions: Vec<QuestionFigures>,
    /// Results per group of a recipient attribute, when the survey names one.
    pub breakdown: Option<Breakdown>,
    /// What the lead may want to check by hand.
    pub quality: Quality,
    /// The results paragraph, as printed; written by [`super::build`] from
    /// the other figures.
    pub results: String,
}

/// The survey as the report names it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SurveyFacts {
    /// Survey id.
    pub id: String,
    /// Title.
    pub title: String,
    /// IANA time zone of the times below.
    pub time_zone: String,
    /// Opening, e.g. `5 January 2026 09:00`.
    pub open: String,
    /// Close, same form.
    pub close: String,
    /// What respondents are called ("doctors").
    pub participants: String,
}

/// `count` of `n`, with the percentage and 95% Wilson interval as printed
/// (percent, one decimal); the percentages are absent when `n` is 0.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Share {
    /// How many.
    pub count: usize,
    /// Out of how many.
    pub n: usize,
    /// `count / n` in percent, rounded half up to one decimal.
    pub percent: Option<f64>,
    /// Lower end of the 95% Wilson interval, percent, one decimal.
    pub ci_low: Option<f64>,
    /// Upper end of the 95% Wilson interval, percent, one decimal.
    pub ci_high: Option<f64>,
}

impl Share {
    /// `count` of `n`.
    pub fn of(count: usize, n: usize) -> Share {
        let ci = stats::wilson(count, n);
        Share {
            count,
            n,
            percent: stats::percent_tenths(count, n).map(|t| t as f64 / 10.0),
            ci_low: ci.map(|ci| stats::round1(ci.low * 100.0)),
            ci_high: ci.map(|ci| stats::round1(ci.high * 100.0)),
        }
    }

    /// `81.4%`, or `-` when `n` is 0.
    pub fn percent_text(&self) -> String {
        self.percent
            .map_or_else(|| "-".to_owned(), |p| format!("{p:.1}%"))
    }

    /// `81.4% (35/43)`: a percentage never goes without its n.
    pub fn text(&self) -> String {
        format!("{} ({}/{})", self.percent_text(), self.count, self.n)
    }

    /// `95% CI 67.4-90.3`, or empty when `n` is 0.
    pub fn ci_text(&self) -> String {
        match (self.ci_low, self.ci_high) {
            (Some(low), Some(high)) => format!("95% CI {low:.1}-{high:.1}"),
            _ => String::new(),
        }
    }
}

/// Who was asked and who answered.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Participation {
    /// Invitations sent.
    pub invited: usize,
    /// Invitations delivered (not bounced).
    pub delivered: usize,
    /// Invitations that bounced.
    pub bounced: usize,
    /// People who opted out.
    pub opted_out: usize,
    /// People who replied in the period, with or without a valid answer.
    pub replied: usize,
    /// People with at least one valid answer.
    pub respondents: usize,
    /// Respondents who answered every required question validly.
    pub complete: usize,
    /// Respondents who did not.
    pub partial: usize,
    /// Respondents of invited: the response rate.
    pub response_rate: Share,
    /// Respondents of delivered.
    pub response_rate_delivered: Share,
    /// Replies after the close, not counted anywhere else.
    pub late: Vec<Late>,
}

/// A late reply as listed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Late {
    /// The name, only when the survey allows names.
    pub name: Option<String>,
    /// When it arrived, in the survey's time zone.
    pub received_at: String,
}

/// The figures of one question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionFigures {
    /// 1-based number, as in the questionnaire.
    pub number: usize,
    /// Question id (CSV column).
    pub id: String,
    /// The question as asked.
    pub text: String,
    /// `yes_no`, `single_choice`, `multiple_choice`, `scale`, `number`,
    /// `text`, `date`, `duration`, `grid` or `ranking`.
    pub kind: &'static str,
    /// Valid answers: the denominator of every percentage below.
    pub n: usize,
    /// Respondents who did not answer it.
    pub unanswered: usize,
    /// Respondents whose answer stayed unclear.
    pub unclear: usize,
    /// Respondents whose answer was not a possible value.
    pub invalid: usize,
    /// Respondents whose answer was inferred (from prose, bare lines in
    /// order or formatting) and never confirmed: not counted.
    pub inferred: usize,
    /// Respondents for whom the question did not apply ("n/a"): outside
    /// `n`, not missing either.
    pub not_applicable: usize,
    /// Respondents who preferred not to say: outside `n`, not missing.
    pub prefer_not_to_say: usize,
    /// Of `not_applicable`, those whose condition was false and who
    /// answered anyway: the answer is kept (and flagged here), not counted.
    pub answered_not_applicable: usize,
    /// The counts, by kind of question.
    pub outcome: Outcome,
}

impl QuestionFigures {
    /// `n = 41 (2 not answered, 1 unclear)`: how many answers the figures
    /// rest on, and why the others are not counted.
    pub fn n_line(&self) -> String {
        let mut missing = Vec::new();
        if self.not_applicable > 0 {
            missing.push(match self.answered_not_applicable {
                0 => format!("{} not applicable", self.not_applicable),
                n => format!(
                    "{} not applicable, of whom {n} answered anyway",
                    self.not_applicable
                ),
            });
        }
        if self.prefer_not_to_say > 0 {
            missing.push(format!("{} preferred not to say", self.prefer_not_to_say));
        }
        if self.unanswered > 0 {
            missing.push(format!("{} not answered", self.unanswered));
        }
        if self.unclear > 0 {
            missing.push(format!("{} unclear", self.unclear));
        }
        if self.invalid > 0 {
            missing.push(format!("{} not possible", self.invalid));
        }
        if self.inferred > 0 {
            missing.push(format!("{} inferred, unconfirmed", self.inferred));
        }
        if missing.is_empty() {
            format!("n = {}", self.n)
        } else {
            format!("n = {} ({})", self.n, missing.join(", "))
        }
    }
}

/// The counts of one question, by its kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Outcome {
    /// Yes/no.
    YesNo {
        /// Yes, of `n`.
        yes: Share,
        /// No, of `n`.
        no: Share,
    },
    /// Single or multiple choice: each option's share of those who
    /// answered; for multiple choice the shares add up to more than 100%.
    Choice {
        /// More than one option could be chosen.
        multiple: bool,
        /// Every option, in survey order.
        options: Vec<OptionShare>,
        /// Every "other, please specify" text, verbatim.
        other_texts: Vec<String>,
    },
    /// Scale or number.
    Numeric {
        /// Mean, SD, median, quartiles, range; absent without answers.
        summary: Option<Summary>,
        /// Counts per value (scale) or per interval (number).
        distribution: Vec<Bin>,
    },
    /// Free text: every answer verbatim, without names.
    Text {
        /// The answers, in respondent order.
        answers: Vec<String>,
    },
    /// A grid: each item's figures over those who gave it a value.
    Grid {
        /// Every item, in survey order.
        items: Vec<GridItemFigures>,
    },
    /// A ranking, over those who ranked every option: each option's mean
    /// rank and how many ranked it first.
    Ranking {
        /// Every option, in survey order.
        options: Vec<RankFigures>,
    },
}

/// One item of a grid.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GridItemFigures {
    /// Item id (`confidence_areas.dosing` is its answer's key).
    pub id: String,
    /// Item text.
    pub label: String,
    /// Valid values for this item.
    pub n: usize,
    /// The item's own figures: a scale's summary (median) and counts per
    /// value, or each option's share.
    pub outcome: Box<Outcome>,
    /// A scale grid: the share at its lowest value, of `n`.
    pub at_min: Option<Share>,
    /// A scale grid: the share at its highest value, of `n`.
    pub at_max: Option<Share>,
    /// Respondents for whom this item was "not applicable" or not asked.
    pub not_applicable: usize,
    /// Respondents whose answer to this item stayed unclear.
    pub unclear: usize,
}

impl GridItemFigures {
    /// `n = 12; median 4; 1: 8.3% (1/12), 5: 25.0% (3/12)`, or the count
    /// of each option for a choice grid.
    pub fn summary(&self) -> String {
        let mut parts = vec![format!("n = {}", self.n)];
        match self.outcome.as_ref() {
            Outcome::Numeric {
                summary: Some(s), ..
            } => parts.push(format!("median {}", stats::number(s.median))),
            Outcome::Choice { options, .. } => parts.push(
                options
                    .iter()
                    .map(|o| format!("{} {}", o.label, o.share.text()))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            _ => {}
        }
        if let (Some(low), Some(high), Outcome::Numeric { distribution, .. }) =
            (&self.at_min, &self.at_max, self.outcome.as_ref())
        {
            let first = distribution.first().map_or("lowest", |b| b.label.as_str());
            let last = distribution.last().map_or("highest", |b| b.label.as_str());
            parts.push(format!(
                "at {first} {}, at {last} {}",
                low.text(),
                high.text()
            ));
        }
        parts.join("; ")
    }
}

impl RankFigures {
    /// `mean rank 1.8; ranked first by 41.7% (5/12)`.
    pub fn summary(&self) -> String {
        match self.mean_rank {
            Some(mean) => format!(
                "mean rank {}; ranked first by {}",
                stats::number(mean),
                self.first.text()
            ),
            None => "not ranked".to_owned(),
        }
    }
}

/// One option of a ranking.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankFigures {
    /// Option id.
    pub id: String,
    /// Option text.
    pub label: String,
    /// Mean rank over those who ranked (1 = first); absent when nobody did.
    pub mean_rank: Option<f64>,
    /// Ranked first, of those who ranked.
    pub first: Share,
}

/// One option's share.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OptionShare {
    /// Option id.
    pub id: String,
    /// Option text.
    pub label: String,
    /// Chosen by, of those who answered.
    pub share: Share,
}

/// One bar of a distribution.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bin {
    /// `7`, or `10 to 20` for an interval.
    pub label: String,
    /// Answers in it, of all valid answers.
    pub share: Share,
}

/// Results per group of a recipient attribute.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Breakdown {
    /// The recipient-list column, e.g. `centre`.
    pub attribute: String,
    /// Cells with fewer people than this are suppressed.
    pub min_cell: usize,
    /// The yes/no questions shown per group.
    pub questions: Vec<BreakdownQuestion>,
    /// The groups, by name.
    pub groups: Vec<Group>,
}

/// A yes/no question in the breakdown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BreakdownQuestion {
    /// Its number in the questionnaire.
    pub number: usize,
    /// Its id.
    pub id: String,
}

/// One group (one centre).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    /// The attribute's value; `(not given)` for people without one.
    pub name: String,
    /// Invited in this group.
    pub invited: usize,
    /// Respondents of invited.
    pub responded: Cell,
    /// "Yes" of those who answered, per [`Breakdown::questions`].
    pub yes: Vec<Cell>,
}

/// A breakdown cell: a share, or suppressed because it would describe
/// fewer than `min_cell` people (then `share` is absent).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    /// Hidden to protect a small group.
    pub suppressed: bool,
    /// The share, when shown.
    pub share: Option<Share>,
}

/// What the lead may want to check by hand.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quality {
    /// Respondents who replied from another address than the one invited.
    pub different_sender: usize,
    /// Replies without a single valid answer (not respondents).
    pub replied_without_valid_answer: usize,
    /// Answers that stayed unclear after clarification.
    pub unclear: Vec<Issue>,
    /// Answers that were not a possible value.
    pub invalid: Vec<Issue>,
    /// Answers to questions that did not apply to the respondent (their
    /// condition was false): kept, flagged here, not counted.
    pub answered_not_applicable: Vec<Issue>,
    /// Clarification emails sent.
    pub clarifications_sent: usize,
    /// Answers inferred (from prose, bare lines in order or formatting)
    /// that the doctor never confirmed: excluded from every percentage.
    pub inferred_unconfirmed: Vec<Issue>,
    /// Inferred answers the doctor confirmed, which count.
    pub inferred_confirmed: usize,
    /// Delivery reports with nothing of ours in them: nobody was bounced
    /// by them, so the lead may want to check those addresses by hand.
    pub unverified_bounces: usize,
}

/// One answer the report could not count.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issue {
    /// The respondent's label (`R007`), or `-` for a reply without any
    /// valid answer.
    pub respondent: String,
    /// Question number.
    pub number: usize,
    /// Question id.
    pub question: String,
    /// Why it was not counted.
    pub reason: String,
}

/// A date and time as the report prints it, in the survey's zone.
pub(super) fn when(at: Timestamp, tz: &TimeZone) -> String {
    at.to_zoned_datetime(tz.clone())
        .strftime("%-d %B %Y %H:%M %Z")
        .to_string()
}

pub(super) fn kind_name(kind: &QuestionKind) -> &'static str {
    match kind {
        QuestionKind::YesNo => "yes_no",
        QuestionKind::SingleChoice(_) => "single_choice",
        QuestionKind::MultipleChoice(_) => "multiple_choice",
        QuestionKind::Scale { .. } => "scale",
        QuestionKind::Number { .. } => "number",
        QuestionKind::Text => "text",
        QuestionKind::Date { .. } => "date",
        QuestionKind::Duration { .. } => "duration",
        QuestionKind::Grid { .. } => "grid",
        QuestionKind::Ranking(_) => "ranking",
    }
}

/// A numeric answer, whichever way it was stored.
pub(super) fn numeric(value: &Value) -> Option<f64> {
    match value {
        Value::Integer(i) => Some(*i as f64),
        Value::Number(x) => Some(*x),
        _ => None,
    }
}

/// The chosen option ids of a choice answer (one for single choice).
pub(super) fn chosen(value: &Value) -> Vec<&str> {
    match value {
        Value::Choice(id) => vec![id.as_str()],
        Value::Choices(ids) => ids.iter().map(String::as_str).collect(),
        _ => Vec::new(),
    }
}

/// Free text, whichever way it was stored (JSON reads text back as a choice).
pub(super) fn text(value: &Value) -> Option<&str> {
    match value {
        Value::Text(t) | Value::Choice(t) => Some(t),
        _ => None,
    }
}

/// The counts of one question's valid answers, kept as the answers stream
/// in (what [`Counts::outcome`] needs and no more: counts of yes/no and
/// choices, the numbers of numeric questions, the texts).
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Counts {
    /// Yes/no: how many said yes, of how many.
    YesNo { yes: usize, n: usize },
    /// Single or multiple choice: answers with a choice, each option's
    /// count (in the survey's order), the "other" texts in order.
    Choice {
        n: usize,
        chosen: Vec<usize>,
        other_texts: Vec<String>,
    },
    /// Scales, numbers and durations: the numbers, in order (their
    /// quartiles need them all).
    Numbers(Vec<f64>),
    /// Dates, in ISO form (sorted when finished).
    Dates(Vec<String>),
    /// Rankings of every option: how many, and each option's ranks.
    Ranking { n: usize, ranks: Vec<Vec<f64>> },
    /// Free text, trimmed and made visible.
    Texts(Vec<String>),
    /// A grid, counted by its items.
    Grid,
}

impl Counts {
    /// Nothing counted yet for `q`.
    pub(super) fn new(q: &Question) -> Counts {
        match &q.kind {
            QuestionKind::YesNo => Counts::YesNo { yes: 0, n: 0 },
            QuestionKind::SingleChoice(options) | QuestionKind::MultipleChoice(options) => {
                Counts::Choice {
                    n: 0,
                    chosen: vec![0; options.len()],
                    other_texts: Vec::new(),
                }
            }
            QuestionKind::Scale { .. }
            | QuestionKind::Number { .. }
            | QuestionKind::Duration { .. } => Counts::Numbers(Vec::new()),
            QuestionKind::Date { .. } => Counts::Dates(Vec::new()),
            QuestionKind::Ranking(options) => Counts::Ranking {
                n: 0,
                ranks: vec![Vec::new(); options.len()],
            },
            QuestionKind::Grid { .. } => Counts::Grid,
            QuestionKind::Text => Counts::Texts(Vec::new()),
        }
    }

    /// Counts one valid answer to `q` (not a reserved one): its value and
    /// the text of its "other" option.
    pub(super) fn add(&mut self, q: &Question, value: &Value, other: Option<&str>) {
        match self {
            Counts::YesNo { yes, n } => {
                if let Value::Bool(b) = value {
                    *n += 1;
                    *yes += usize::from(*b);
                }
            }
            Counts::Choice {
                n,
                chosen: counts,
                other_texts,
            } => {
                let picked = chosen(value);
                *n += usize::from(!picked.is_empty());
                for (option, count) in q.options().iter().zip(counts.iter_mut()) {
                    *count += usize::from(picked.contains(&option.id.as_str()));
                }
                if let Some(t) = other.map(str::trim).filter(|t| !t.is_empty()) {
                    other_texts.push(visible_lines(t).into_owned());
                }
            }
            Counts::Numbers(numbers) => numbers.extend(numeric(value)),
            Counts::Dates(dates) => dates.extend(text(value).map(str::to_owned)),
            Counts::Ranking { n, ranks } => {
                let ranking = chosen(value);
                let options = q.options();
                if ranking.len() == options.len() {
                    *n += 1;
                    for (option, ranks) in options.iter().zip(ranks.iter_mut()) {
                        if let Some(at) = ranking.iter().position(|id| *id == option.id) {
                            ranks.push(at as f64 + 1.0);
                        }
                    }
                }
            }
            Counts::Texts(texts) => {
                if let Some(t) = text(value).map(str::trim).filter(|t| !t.is_empty()) {
                    texts.push(visible_lines(t).into_owned());
                }
            }
            Counts::Grid => {}
        }
    }

    /// The figures of `q` from its counts.
    pub(super) fn outcome(self, q: &Question) -> Outcome {
        match (self, &q.kind) {
            (Counts::YesNo { yes, n }, _) => Outcome::YesNo {
                yes: Share::of(yes, n),
                no: Share::of(n - yes, n),
            },
            (
                Counts::Choice {
                    n,
                    chosen,
                    other_texts,
                },
                QuestionKind::SingleChoice(options) | QuestionKind::MultipleChoice(options),
            ) => Outcome::Choice {
                multiple: matches!(q.kind, QuestionKind::MultipleChoice(_)),
                options: options
                    .iter()
                    .zip(chosen)
                    .map(|(o, count)| OptionShare {
                        id: o.id.clone(),
                        label: o.label.clone(),
                        share: Share::of(count, n),
                    })
                    .collect(),
                other_texts,
            },
            (Counts::Numbers(numbers), QuestionKind::Scale { min, max, .. }) => {
                let distribution = (*min..=*max)
                    .map(|v| Bin {
                        label: v.to_string(),
                        share: Share::of(
                            numbers.iter().filter(|x| **x == v as f64).count(),
                            numbers.len(),
                        ),
                    })
                    .collect();
                Outcome::Numeric {
                    summary: stats::summarise(&numbers),
                    distribution,
                }
            }
            (Counts::Numbers(numbers), _) => Outcome::Numeric {
                summary: stats::summarise(&numbers),
                distribution: bins(&numbers),
            },
            // Dates: each answer in ISO form, in order.
            (Counts::Dates(mut dates), _) => {
                dates.sort();
                Outcome::Text { answers: dates }
            }
            (Counts::Ranking { n, ranks }, QuestionKind::Ranking(options)) => Outcome::Ranking {
                options: options
                    .iter()
                    .zip(ranks)
                    .map(|(o, ranks)| RankFigures {
                        id: o.id.clone(),
                        label: o.label.clone(),
                        mean_rank: stats::summarise(&ranks).map(|s| stats::round1(s.mean)),
                        first: Share::of(ranks.iter().filter(|r| **r == 1.0).count(), n),
                    })
                    .collect(),
            },
            // What a doctor wrote goes to the lead as they wrote it, except
            // that control characters and escape sequences are shown, not
            // acted on by the lead's terminal or mail reader.
            (Counts::Texts(answers), _) => Outcome::Text { answers },
            // A grid's figures are its items'; counts of another kind
            // than the question's (never made) count nothing.
            _ => Outcome::Grid { items: Vec::new() },
        }
    }
}

/// The distribution of a number question: one bar per value when there are
/// few whole values, else six equal intervals from the smallest to the
/// largest answer.
fn bins(numbers: &[f64]) -> Vec<Bin> {
    let Some(summary) = stats::summarise(numbers) else {
        return Vec::new();
    };
    let n = numbers.len();
    let mut distinct: Vec<f64> = numbers.to_vec();
    distinct.sort_by(f64::total_cmp);
    distinct.dedup();
    if distinct.len() <= 12 {
        return distinct
            .iter()
            .map(|v| Bin {
                label: stats::number(*v),
                share: Share::of(numbers.iter().filter(|x| *x == v).count(), n),
            })
            .collect();
    }
    const BINS: usize = 6;
    let width = (summary.max - summary.min) / BINS as f64;
    (0..BINS)
        .map(|i| {
            let low = summary.min + width * i as f64;
            let high = if i + 1 == BINS {
                summary.max
            } else {
                low + width
            };
            let count = numbers
                .iter()
                .filter(|x| **x >= low && (**x < high || (i + 1 == BINS && **x <= high)))
                .count();
            Bin {
                label: format!("{} to {}", stats::number(low), stats::number(high)),
                share: Share::of(count, n),
            }
        })
        .collect()
}

const NOT_GIVEN: &str = "(not given)";

/// The group a value of the breakdown column names: trimmed, and
/// [`NOT_GIVEN`] when empty or missing.
pub(super) fn group_named(value: Option<&String>) -> String {
    group_name(value).to_owned()
}

/// [`group_named`], borrowed (no copy for each respondent counted).
pub(super) fn group_name(value: Option<&String>) -> &str {
    value
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .unwrap_or(NOT_GIVEN)
}

/// Is a count small enough to point at a few people? Zero is not: it says
/// nobody, which identifies no one.
pub(super) fn small(count: usize, min_cell: usize) -> bool {
    count > 0 && count < min_cell
}
