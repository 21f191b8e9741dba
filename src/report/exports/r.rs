//! `responses.R`: base R (nothing from CRAN) that reads `responses.csv`
//! from the script's own folder into the data frame `responses`: yes/no
//! and options as factors with labelled levels, every variable's label in
//! its `label` attribute, scale ends in `labels`, and the reserved codes as
//! `NA` with the reason in `na_reason`.

use std::fmt::Write;

use super::{Reserved, Variable};
use crate::survey::Survey;

/// An R string literal.
pub(super) fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The script's own folder: `source()` knows it, `Rscript` passes it as
/// `--file=`, otherwise the working directory.
const PREAMBLE: &str = r#"responses_folder <- function() {
  for (frame in rev(sys.frames())) {
    if (!is.null(frame$ofile)) return(dirname(normalizePath(frame$ofile)))
  }
  file <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
  if (length(file) == 1) return(dirname(normalizePath(file)))
  getwd()
}

RESERVED
labelled <- function(x, label, levels = NULL, labels = NULL, value_labels = NULL,
                     reserved = FALSE) {
  reason <- NULL
  if (reserved) {
    hit <- match(x, reserved_codes)
    reason <- factor(names(reserved_codes)[hit], levels = names(reserved_codes))
    x[!is.na(hit)] <- NA
  }
  if (!is.null(levels)) x <- factor(x, levels = levels, labels = labels)
  attr(x, "label") <- label
  if (!is.null(value_labels)) attr(x, "labels") <- value_labels
  if (!is.null(reason)) attr(x, "na_reason") <- reason
  x
}
"#;

/// Renders `responses.R`.
pub(super) fn render(survey: &Survey, variables: &[Variable]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}: the responses, labelled, for R (base R only).",
        survey.title.replace('\n', " ")
    );
    out.push_str(
        "# Reads responses.csv from this file's folder into the data frame `responses`:\n\
         #   source(\"path/to/responses.R\")   or   Rscript path/to/responses.R\n\
         # Codes: codebook.csv. Empty cells are NA (no valid answer).\n\n",
    );
    let reserved = Reserved::ALL
        .iter()
        .map(|r| format!("{} = {}", quoted(r.label()), r.code()))
        .collect::<Vec<_>>()
        .join(", ");
    out.push_str(&PREAMBLE.replace(
        "RESERVED\n",
        &format!(
            "# Not missing but an answer of its own: NA here, the reason in attribute na_reason.\n\
             reserved_codes <- c({reserved})\n\n"
        ),
    ));
    out.push_str("\nresponses <- utils::read.csv(\n");
    out.push_str("  file.path(responses_folder(), \"responses.csv\"),\n");
    out.push_str("  colClasses = c(\n");
    let classes: Vec<String> = variables
        .iter()
        .map(|v| {
            format!(
                "    {} = \"{}\"",
                quoted(&v.name),
                if v.numeric() { "numeric" } else { "character" }
            )
        })
        .collect();
    out.push_str(&classes.join(",\n"));
    out.push_str(
        "\n  ),\n  na.strings = \"\", fileEncoding = \"UTF-8\", encoding = \"UTF-8\",\n  \
         quote = \"\\\"\", comment.char = \"\", strip.white = FALSE, check.names = FALSE\n)\n\n",
    );
    for v in variables {
        let mut args = vec![
            format!("responses[[{}]]", quoted(&v.name)),
            quoted(&v.label()),
        ];
        let labels = v.value_labels();
        if v.categorical() {
            args.push(format!(
                "levels = c({})",
                labels
                    .iter()
                    .map(|(code, _)| code.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            args.push(format!(
                "labels = c({})",
                labels
                    .iter()
                    .map(|(_, label)| quoted(label))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        } else if !labels.is_empty() {
            args.push(format!(
                "value_labels = c({})",
                labels
                    .iter()
                    .map(|(code, label)| format!("{} = {code}", quoted(label)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if v.takes_reserved() {
            args.push("reserved = TRUE".to_owned());
        }
        let _ = writeln!(
            out,
            "responses[[{}]] <- labelled({})",
            quoted(&v.name),
            args.join(", ")
        );
    }
    out.push_str("\nrm(responses_folder, reserved_codes, labelled)\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_r_literals() {
        assert_eq!(quoted("a \"b\"\\\nc"), r#""a \"b\"\\\nc""#);
        assert_eq!(quoted("région\u{7}"), "\"région\\u{7}\"");
    }
}
