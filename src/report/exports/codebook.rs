//! `codebook.csv`: one row per column of `responses.csv`, saying what it
//! is, where it comes from in the survey file, and what its values mean.

use super::{Measure, Reserved, Variable};
use crate::{Error, Result};

/// The codebook's header.
const HEADER: [&str; 10] = [
    "name",
    "survey_path",
    "question_number",
    "question_text",
    "option",
    "type",
    "values",
    "scale_or_unit",
    "missing",
    "label",
];

fn number(x: f64) -> String {
    x.to_string()
}

/// `values`: what a valid cell holds.
fn values(variable: &Variable) -> String {
    match &variable.measure {
        Measure::Respondent => "R001, R002, ... in order of reply (or the name)".to_owned(),
        Measure::Email | Measure::Group | Measure::Text | Measure::OtherText => {
            "free text (a leading ' keeps a spreadsheet from running it as a formula)".to_owned()
        }
        Measure::Date => {
            "date as text: YYYY, YYYY-MM or YYYY-MM-DD (ISO 8601, as precise as the answer)"
                .to_owned()
        }
        Measure::Scale { min, max, .. } => format!("integer {min} to {max}"),
        Measure::Rank { count } => format!("rank, 1 = first to {count} = last"),
        Measure::Number { min, max } => match (min, max) {
            (Some(lo), Some(hi)) => format!("number {} to {}", number(*lo), number(*hi)),
            (Some(lo), None) => format!("number, at least {}", number(*lo)),
            (None, Some(hi)) => format!("number, at most {}", number(*hi)),
            (None, None) => "number".to_owned(),
        },
        _ => variable
            .value_labels()
            .iter()
            .map(|(code, label)| format!("{code} = {label}"))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// `scale_or_unit`: a scale's ends in words.
fn scale(variable: &Variable) -> String {
    match &variable.measure {
        Measure::Scale { .. } => variable
            .value_labels()
            .iter()
            .map(|(code, label)| format!("{code} = {label}"))
            .collect::<Vec<_>>()
            .join("; "),
        _ => String::new(),
    }
}

/// `missing`: what an empty cell and the reserved codes mean.
fn missing(variable: &Variable) -> String {
    let mut text = match variable.measure {
        Measure::Respondent | Measure::Email | Measure::Group => String::new(),
        Measure::OtherText => "empty = other not chosen, or no valid answer".to_owned(),
        _ => "empty = no valid answer (unanswered or unclear)".to_owned(),
    };
    if variable.takes_reserved() {
        for r in Reserved::ALL {
            text.push_str(&format!("; {} = {}", r.code(), r.label()));
        }
    }
    text
}

/// Renders `codebook.csv`.
pub(super) fn render(variables: &[Variable]) -> Result<Vec<u8>> {
    let fail = |e: csv::Error| Error::Other(format!("codebook.csv: {e}"));
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(HEADER).map_err(fail)?;
    for v in variables {
        let source = v.source.as_ref();
        writer
            .write_record([
                v.name.clone(),
                v.path.clone(),
                source.map(|s| s.number.to_string()).unwrap_or_default(),
                source.map(|s| s.text.clone()).unwrap_or_default(),
                source
                    .and_then(|s| s.option.as_ref())
                    .map(|(_, label)| label.clone())
                    .unwrap_or_default(),
                v.kind().to_owned(),
                values(v),
                scale(v),
                missing(v),
                v.label(),
            ])
            .map_err(fail)?;
    }
    writer
        .into_inner()
        .map_err(|e| Error::Other(format!("codebook.csv: {e}")))
}
