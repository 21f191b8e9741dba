//! `responses.csv`: the data behind the report, one row per respondent, for
//! the lead's own analysis in a spreadsheet, R or Stata.
//!
//! Columns: `respondent` (`R001`, ... or the name when the survey allows
//! names, then also `email`), the breakdown attribute if any, then one
//! column per question named by its id. Yes/no is 1 = yes, 0 = no; a
//! choice question has one 0/1 column per option (`barriers_expertise`,
//! ...) and, if it has an "other" option, `barriers_other_text`; scales and
//! numbers are numbers; text is verbatim. Unanswered, unclear and
//! impossible answers leave their cells empty, so they are missing data,
//! not zeros; "not applicable" is -8 and "prefer not to say" -9 (the codes
//! of [`crate::survey::Reserved`], declared missing in every syntax file). Column names are valid in R, SPSS and Stata
//! ([`super::exports::variables`]); `codebook.csv` maps them to the survey
//! file and explains every code. Last, a question with a condition has a
//! flag `ID_answered_anyway`: 1 when the respondent answered it though it
//! did not apply to them (the answer kept, not used), else 0.

use std::borrow::Cow;

use super::Respondent;
use super::exports::variables;
use super::figures::{chosen, numeric, text};
use crate::survey::Reserved;
use crate::survey::{Question, QuestionKind, Survey};
use crate::understand::answer::Value;
use crate::understand::applies::{Applies, answered_anyway, applies};
use crate::{Error, Result};

/// A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a
/// formula; free text gets a leading `'` so it stays text (OWASP's advice
/// for CSV injection).
fn defused(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The cells of one question for one answer (`None`: no valid answer).
/// "Not applicable" and "prefer not to say" are their codes in every cell
/// of the question (every option's column of a choice question), the
/// "other" text empty; the survey checker allows them only on questions
/// whose cells can hold the codes.
///
/// Borrowed where they can be (`0`, `1`, a text as it is) and added to
/// the row (`into`): a report writes a row of them for each of a
/// hundred thousand respondents.
fn push_cells<'a>(
    into: &mut Vec<Cow<'a, str>>,
    question: &Question,
    value: Option<&'a Value>,
    other: Option<&'a str>,
) {
    if let Some(reserved) = value.and_then(Value::reserved) {
        let code = Cow::Owned(reserved.code().to_string());
        let options = question.options();
        let n = options.len().max(question.grid_items().len()).max(1);
        into.extend(std::iter::repeat_n(code, n));
        if options.iter().any(|o| o.other) {
            into.push(Cow::Borrowed(""));
        }
        return;
    }
    match &question.kind {
        QuestionKind::SingleChoice(options) | QuestionKind::MultipleChoice(options) => {
            let picked = value.map(chosen).filter(|p| !p.is_empty());
            into.extend(options.iter().map(|o| match &picked {
                Some(p) => Cow::Borrowed(if p.contains(&o.id.as_str()) { "1" } else { "0" }),
                None => Cow::Borrowed(""),
            }));
            if options.iter().any(|o| o.other) {
                into.push(match picked {
                    Some(_) => defused(other.unwrap_or_default().trim()),
                    None => Cow::Borrowed(""),
                });
            }
        }
        QuestionKind::YesNo => into.push(Cow::Borrowed(match value {
            Some(Value::Bool(true)) => "1",
            Some(Value::Bool(false)) => "0",
            _ => "",
        })),
        QuestionKind::Scale { .. }
        | QuestionKind::Number { .. }
        | QuestionKind::Duration { .. } => into.push(Cow::Owned(
            value
                .and_then(numeric)
                .map(|x| x.to_string())
                .unwrap_or_default(),
        )),
        QuestionKind::Ranking(options) => {
            let ranked = value.map(chosen).filter(|r| r.len() == options.len());
            into.extend(options.iter().map(|o| {
                ranked
                    .as_ref()
                    .and_then(|r| r.iter().position(|id| *id == o.id))
                    .map(|at| (at + 1).to_string())
                    .unwrap_or_default()
                    .into()
            }));
        }
        // A grid's cells are its items', each read by [`item_cell`].
        QuestionKind::Grid { items, .. } => {
            into.extend(std::iter::repeat_n(Cow::Borrowed(""), items.len()));
        }
        QuestionKind::Text | QuestionKind::Date { .. } => into.push(
            value
                .and_then(text)
                .map(|t| defused(t.trim()))
                .unwrap_or_default(),
        ),
    }
}

/// [`push_cells`] alone.
#[cfg(test)]
fn cells<'a>(
    question: &Question,
    value: Option<&'a Value>,
    other: Option<&'a str>,
) -> Vec<Cow<'a, str>> {
    let mut cells = Vec::new();
    push_cells(&mut cells, question, value, other);
    cells
}

/// The cell of one grid item: the scale's number, or a choice grid's
/// option number (1 for the first); a reserved answer's code.
fn item_cell(grid: &Question, each: &QuestionKind, value: Option<&Value>) -> String {
    if let Some(reserved) = value.and_then(Value::reserved) {
        return reserved.code().to_string();
    }
    match each {
        QuestionKind::Scale { .. } => value
            .and_then(numeric)
            .map(|x| x.to_string())
            .unwrap_or_default(),
        _ => value
            .and_then(|v| chosen(v).first().copied())
            .and_then(|id| grid.grid_options().iter().position(|o| o.id == id))
            .map(|i| (i + 1).to_string())
            .unwrap_or_default(),
    }
}

/// `responses.csv` written a row at a time, as the respondents go by, to
/// a file or to memory.
pub(super) struct Rows<W: std::io::Write> {
    writer: csv::Writer<W>,
    columns: usize,
}

fn fail(e: csv::Error) -> Error {
    Error::Other(format!("responses.csv: {e}"))
}

impl<W: std::io::Write> Rows<W> {
    /// The header row of `survey`'s columns, written to `sink`.
    pub(super) fn new(survey: &Survey, sink: W) -> Result<Rows<W>> {
        let mut writer = csv::Writer::from_writer(sink);
        let header: Vec<String> = variables(survey).into_iter().map(|v| v.name).collect();
        writer.write_record(&header).map_err(fail)?;
        Ok(Rows {
            writer,
            columns: header.len(),
        })
    }

    /// One respondent's row, under `label`.
    pub(super) fn write(
        &mut self,
        survey: &Survey,
        label: &str,
        respondent: &Respondent,
    ) -> Result<()> {
        let row = row(survey, label, respondent, self.columns);
        debug_assert_eq!(row.len(), self.columns, "a cell per column");
        self.writer
            .write_record(row.iter().map(|cell| cell.as_bytes()))
            .map_err(fail)
    }

    /// The sink, every row flushed to it.
    pub(super) fn finish(self) -> Result<W> {
        self.writer
            .into_inner()
            .map_err(|e| Error::Other(format!("responses.csv: {e}")))
    }
}

/// The value a question whose condition is false is given in the row.
const NOT_APPLICABLE: &Value = &Value::Reserved {
    reserved: Reserved::NotApplicable,
};

/// The cells of one respondent's row.
fn row<'a>(
    survey: &'a Survey,
    label: &'a str,
    respondent: &'a Respondent,
    columns: usize,
) -> Vec<Cow<'a, str>> {
    // Names, addresses and list columns are text too, from a list that
    // may have come from anywhere.
    let mut row = Vec::with_capacity(columns);
    row.push(defused(label));
    if survey.report.include_names {
        row.push(defused(&respondent.email));
    }
    if let Some(attribute) = survey.report.breakdown.as_deref() {
        row.push(defused(
            respondent
                .attributes
                .get(attribute)
                .map(String::as_str)
                .unwrap_or_default(),
        ));
    }
    for (index, q) in survey.questions.iter().enumerate() {
        // A question whose condition is false is not applicable, the
        // same code as an "n/a" (an answer given anyway is not used).
        if applies(&survey.questions, index, &respondent.answers) == Applies::No {
            let value = q.kind.takes_reserved().then_some(NOT_APPLICABLE);
            push_cells(&mut row, q, value, None);
            continue;
        }
        if let QuestionKind::Grid { each, .. } = &q.kind {
            for key in q.answer_keys() {
                let answer = respondent.answers.get(&key).filter(|a| a.is_ok());
                row.push(item_cell(q, each, answer.and_then(|a| a.value.as_ref())).into());
            }
            continue;
        }
        let answer = respondent.answers.get(&q.id).filter(|a| a.is_ok());
        push_cells(
            &mut row,
            q,
            answer.and_then(|a| a.value.as_ref()),
            answer.and_then(|a| a.other.as_deref()),
        );
    }
    for (index, q) in survey.questions.iter().enumerate() {
        if q.show_if.is_some() {
            let flag = answered_anyway(&survey.questions, index, &respondent.answers);
            row.push(Cow::Borrowed(if flag { "1" } else { "0" }));
        }
    }
    row
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::ChoiceOption;

    fn option(id: &str, other: bool) -> ChoiceOption {
        ChoiceOption {
            id: id.into(),
            label: id.into(),
            exclusive: false,
            other,
        }
    }

    #[test]
    fn multiple_choice_is_one_column_per_option_plus_other_text() {
        let q = Question {
            id: "barriers".into(),
            text: "Barriers?".into(),
            required: true,
            kind: QuestionKind::MultipleChoice(vec![
                option("expertise", false),
                option("other", true),
            ]),
            allow: Vec::new(),
            show_if: None,
        };
        let value = Value::Choices(vec!["other".into()]);
        assert_eq!(cells(&q, Some(&value), Some(" Cost ")), ["0", "1", "Cost"]);
        // Unanswered or unclear: missing, not "not chosen".
        assert_eq!(cells(&q, None, None), ["", "", ""]);
        // Not applicable and prefer not to say: their codes, apart from
        // missing and from "not chosen".
        let reserved = |reserved| Value::Reserved { reserved };
        assert_eq!(
            cells(
                &q,
                Some(&reserved(Reserved::NotApplicable)),
                Some("retired")
            ),
            ["-8", "-8", ""]
        );
        let yes_no = Question {
            kind: QuestionKind::YesNo,
            ..q
        };
        assert_eq!(
            cells(&yes_no, Some(&reserved(Reserved::PreferNotToSay)), None),
            ["-9"]
        );
        assert_eq!(cells(&yes_no, Some(&Value::Bool(false)), None), ["0"]);
    }

    #[test]
    fn formulas_stay_text() {
        assert_eq!(defused("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defused("- more training"), "'- more training");
        assert_eq!(defused("Fine as it is"), "Fine as it is");
    }
}
