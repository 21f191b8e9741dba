//! `responses.do`: Stata (14 or later) that reads `responses.csv` from the
//! working directory with `import delimited` (quoted line breaks kept by
//! `bindquote(strict)`), labels every variable and value, and turns the
//! reserved codes into `.a` and `.b`. There is no Stata where mailsurvey is
//! built: the file is checked against its expected text only.

use std::fmt::Write;

use super::{Reserved, Variable, with_reserved};
use crate::survey::Survey;

/// Stata keeps variable labels to 80 characters.
const MAX_VARIABLE_LABEL: usize = 80;

/// A Stata compound-quoted string: `"..."'`, with `$` and the backtick
/// escaped so no macro is expanded, control characters as spaces.
fn quoted(text: &str, max_chars: usize) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(max_chars)
        .collect();
    format!(
        "`\"{}\"'",
        flat.replace('\\', "\\\\")
            .replace('$', "\\$")
            .replace('`', "\\`")
    )
}

/// Renders `responses.do`.
pub(super) fn render(survey: &Survey, variables: &[Variable]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "* {}: the responses, labelled, for Stata 14 or later.",
        survey.title.replace('\n', " ")
    );
    out.push_str(
        "* Reads responses.csv from the working directory: cd to this file's folder, then\n\
         *   do responses.do\n\
         * Codes: codebook.csv. Empty cells are missing (.); reserved codes become .a and .b.\n\n",
    );
    let columns = |numeric: bool| -> String {
        variables
            .iter()
            .enumerate()
            .filter(|(_, v)| v.numeric() == numeric)
            .map(|(i, _)| (i + 1).to_string())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let _ = write!(
        out,
        "import delimited using \"responses.csv\", clear varnames(1) delimiters(\",\") \
         bindquote(strict) maxquotedrows(unlimited) encoding(\"utf-8\") case(preserve)"
    );
    for (option, numeric) in [("stringcols", false), ("numericcols", true)] {
        let list = columns(numeric);
        if !list.is_empty() {
            let _ = write!(out, " {option}({list})");
        }
    }
    out.push_str("\n\n");

    let reserved = with_reserved(variables);
    if !reserved.is_empty() {
        let codes: Vec<String> = Reserved::ALL
            .iter()
            .map(|r| format!("{}={}", r.code(), r.stata()))
            .collect();
        let _ = writeln!(
            out,
            "mvdecode {}, mv({})\n",
            reserved.join(" "),
            codes.join(" \\ ")
        );
    }

    for v in variables {
        let _ = writeln!(
            out,
            "label variable {} {}",
            v.name,
            quoted(&v.label(), MAX_VARIABLE_LABEL)
        );
    }
    out.push('\n');

    // One value label per kind where they are the same, else per variable.
    let mut defined: Vec<String> = Vec::new();
    for v in variables {
        let labels = v.labelled_values(|r| r.stata().to_owned());
        if labels.is_empty() {
            continue;
        }
        let name = if v.categorical() {
            v.kind().to_owned()
        } else {
            v.name.clone()
        };
        if !defined.contains(&name) {
            let values: Vec<String> = labels
                .iter()
                .map(|(code, label)| format!("{code} {}", quoted(label, usize::MAX)))
                .collect();
            let _ = writeln!(out, "label define {name} {}", values.join(" "));
            defined.push(name.clone());
        }
        let _ = writeln!(out, "label values {} {name}", v.name);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_stata_compound_quotes() {
        assert_eq!(quoted("say \"no\"", 80), "`\"say \"no\"\"'");
        assert_eq!(quoted("$HOME `x'", 80), "`\"\\$HOME \\`x'\"'");
        assert_eq!(quoted("abcdef", 3), "`\"abc\"'");
    }
}
