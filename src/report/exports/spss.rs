//! `responses.sps`: SPSS syntax (run by PSPP too) that reads
//! `responses.csv` with VARIABLE LABELS, VALUE LABELS and MISSING VALUES,
//! from its own folder when inserted with `INSERT FILE=... CD=YES` (SPSS
//! syntax has no way to name its own file), else from the working
//! directory.
//!
//! SPSS's and PSPP's `GET DATA /TYPE=TXT` end a case at every line break,
//! even inside a quoted field, so a free-text answer of several lines would
//! break its row. The syntax therefore reads the file line by line first,
//! joins the lines of a record (an odd number of `"` so far means the
//! record goes on) with the unit separator X'1F' in place of each line
//! break, writes the records to `responses.sps.tmp`, reads that with
//! `GET DATA`, puts the line breaks back and erases the file. Trailing
//! spaces of a line are lost (SPSS pads strings with spaces anyway).

use std::fmt::Write;

use super::{Reserved, Shape, Variable, cut, with_reserved};
use crate::survey::Survey;

/// SPSS's longest string.
const MAX_WIDTH: usize = 32767;
/// SPSS keeps variable labels to 255 bytes and value labels to 120.
const MAX_VARIABLE_LABEL: usize = 255;
const MAX_VALUE_LABEL: usize = 120;
/// The temporary file of whole records.
const TEMPORARY: &str = "responses.sps.tmp";

/// An SPSS string literal in single quotes.
fn quoted(text: &str, max: usize) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    format!("'{}'", cut(&flat, max).replace('\'', "''"))
}

/// The input format of a column.
fn format(variable: &Variable, width: usize) -> String {
    if variable.numeric() {
        match variable.measure {
            super::Measure::Number { .. } => "F12.4".to_owned(),
            super::Measure::Scale { .. } => "F8.0".to_owned(),
            _ => "F3.0".to_owned(),
        }
    } else {
        format!("A{}", width.clamp(1, MAX_WIDTH))
    }
}

/// Renders `responses.sps`.
pub(super) fn render(survey: &Survey, variables: &[Variable], shape: &Shape) -> String {
    let line = shape.longest_line.clamp(1, MAX_WIDTH);
    // One byte more for the ',' that ends each record.
    let record = (shape.longest_record + 1).clamp(2, MAX_WIDTH);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "* Encoding: UTF-8.\n* {}: the responses, labelled, for SPSS or PSPP.",
        survey.title.replace('\n', " ")
    );
    out.push_str(
        "* Reads responses.csv from this file's folder when run with\n\
         *   INSERT FILE='FOLDER/responses.sps' CD=YES.\n\
         * (SPSS or PSPP), or from the working directory: cd FOLDER && pspp responses.sps.\n\
         * Codes: codebook.csv. Empty cells are missing (no valid answer).\n\n",
    );
    out.push_str("* Join each record's lines (a line break inside a quoted answer) with X'1F'.\n");
    let _ = writeln!(
        out,
        "DATA LIST FILE='responses.csv' ENCODING='UTF-8' FIXED /line 1-{line} (A).\n\
         NUMERIC #open (F1.0).\n\
         STRING #joined (A{record}).\n\
         STRING record (A{record}).\n\
         COMPUTE #quotes = LENGTH(RTRIM(line)) - LENGTH(RTRIM(REPLACE(line, '\"', ''))).\n\
         DO IF #open = 1.\n\
         COMPUTE record = CONCAT(RTRIM(#joined), X'1F', RTRIM(line)).\n\
         ELSE.\n\
         COMPUTE record = RTRIM(line).\n\
         END IF.\n\
         COMPUTE #joined = record.\n\
         COMPUTE #open = MOD(#open + #quotes, 2).\n\
         DO IF #open = 0.\n\
         COMPUTE record = CONCAT(RTRIM(record), ',').\n\
         WRITE OUTFILE='{TEMPORARY}' /record.\n\
         END IF.\n\
         EXECUTE.\n"
    );
    // The ',' added above ends each record with one more field, which takes
    // the spaces WRITE pads the record with.
    out.push_str("GET DATA\n  /TYPE=TXT\n");
    let _ = writeln!(out, "  /FILE='{TEMPORARY}'");
    out.push_str(
        "  /ENCODING='UTF-8'\n  /ARRANGEMENT=DELIMITED\n  /FIRSTCASE=2\n  /DELIMITERS=','\n  /QUALIFIER='\"'\n  /VARIABLES=\n",
    );
    for (v, width) in variables.iter().zip(&shape.widths) {
        let _ = writeln!(out, "    {} {}", v.name, format(v, *width));
    }
    out.push_str("    sps_padding A1.\n");
    out.push_str("DELETE VARIABLES sps_padding.\n");
    for v in variables.iter().filter(|v| !v.numeric()) {
        let _ = writeln!(out, "COMPUTE {0} = REPLACE({0}, X'1F', X'0A').", v.name);
    }
    let _ = writeln!(out, "EXECUTE.\nERASE FILE='{TEMPORARY}'.\n");

    labels(&mut out, variables);
    out.push_str("EXECUTE.\n");
    out
}

/// VARIABLE LABELS, VALUE LABELS, MISSING VALUES and VARIABLE LEVEL.
fn labels(out: &mut String, variables: &[Variable]) {
    out.push_str("VARIABLE LABELS\n  ");
    let labels: Vec<String> = variables
        .iter()
        .map(|v| format!("{} {}", v.name, quoted(&v.label(), MAX_VARIABLE_LABEL)))
        .collect();
    out.push_str(&labels.join("\n  /"));
    out.push_str(".\n\n");

    let labelled: Vec<String> = variables
        .iter()
        .filter_map(|v| {
            let values: Vec<String> = v
                .labelled_values(|r| r.code().to_string())
                .iter()
                .map(|(code, label)| format!("{code} {}", quoted(label, MAX_VALUE_LABEL)))
                .collect();
            (!values.is_empty()).then(|| format!("{} {}", v.name, values.join(" ")))
        })
        .collect();
    if !labelled.is_empty() {
        out.push_str("VALUE LABELS\n  ");
        out.push_str(&labelled.join("\n  /"));
        out.push_str(".\n\n");
    }

    let reserved = with_reserved(variables);
    if !reserved.is_empty() {
        let codes: Vec<String> = Reserved::ALL.iter().map(|r| r.code().to_string()).collect();
        let _ = writeln!(
            out,
            "MISSING VALUES {} ({}).\n",
            reserved.join(" "),
            codes.join(", ")
        );
    }

    let levels: Vec<(&str, &str)> = variables
        .iter()
        .filter(|v| v.numeric())
        .map(|v| {
            (
                v.name.as_str(),
                if v.categorical() {
                    "NOMINAL"
                } else if matches!(
                    v.measure,
                    super::Measure::Scale { .. } | super::Measure::Rank { .. }
                ) {
                    "ORDINAL"
                } else {
                    "SCALE"
                },
            )
        })
        .collect();
    if !levels.is_empty() {
        out.push_str("VARIABLE LEVEL\n  ");
        let each: Vec<String> = levels
            .iter()
            .map(|(name, level)| format!("{name} ({level})"))
            .collect();
        out.push_str(&each.join("\n  /"));
        out.push_str(".\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_spss_literals() {
        assert_eq!(quoted("St Columba's", 255), "'St Columba''s'");
        assert_eq!(quoted("a\nb", 255), "'a b'");
        assert_eq!(quoted("région", 3), "'ré'");
    }
}
