//! Data for statistics software: `codebook.csv` and the syntax files that
//! load `responses.csv` into R, SPSS (or PSPP) and Stata with every
//! variable and value labelled, as REDCap's exports do.
//!
//! Everything here is a pure function of the survey and of the CSV already
//! rendered (string widths and line lengths come from the data), so the
//! files always describe the CSV they travel with.
//!
//! - [`variables`]: one [`Variable`] per column of `responses.csv`, with a
//!   name every tool accepts (letters, digits and `_`, starting with a
//!   letter, at most 32 characters, unique without regard to case, no
//!   reserved word) and its measure.
//! - `codebook`, `r`, `spss`, `stata`: one file each.
//!
//! Coding, decided once for every tool (README "Data for statistics
//! software"): yes/no is 1 = yes, 0 = no; each option of a choice question
//! is a column of 1 = chosen, 0 = not chosen; scales and numbers are
//! numbers; text is verbatim (a leading `'` guards a formula). An empty cell
//! is missing (no valid answer). The [`Reserved`] codes -8 "not applicable"
//! and -9 "prefer not to say" are kept apart from missing: SPSS declares them
//! MISSING VALUES, Stata turns them into `.a` and `.b`, R into `NA` with the
//! reason in the attribute `na_reason`.

mod codebook;
mod r;
mod spss;
mod stata;

#[cfg(test)]
mod loading;

use std::collections::HashSet;

use crate::survey::{QuestionKind, Survey};
use crate::{Error, Result};

/// The files made here, beside `responses.csv`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Exports {
    /// `codebook.csv`: one row per column of `responses.csv`.
    pub codebook: Vec<u8>,
    /// `responses.R`: base R.
    pub r: String,
    /// `responses.sps`: SPSS syntax, run by PSPP too.
    pub spss: String,
    /// `responses.do`: Stata.
    pub stata: String,
}

/// Answers that are not missing but a reply of their own, with one code in
/// every tool; the codes are decided in [`crate::survey::Reserved`].
/// Question types that allow them store the code in the cell.
pub use crate::survey::Reserved;

impl Reserved {
    /// Stata's extended missing value.
    pub(crate) fn stata(self) -> &'static str {
        match self {
            Reserved::NotApplicable => ".a",
            Reserved::PreferNotToSay => ".b",
        }
    }
}

/// What a column holds, which decides its type and labels in each tool.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Measure {
    /// `R001`, ... (or the name): text.
    Respondent,
    /// The address invited (only with names).
    Email,
    /// The recipient-list column the report breaks down by: text.
    Group,
    /// 1 = yes, 0 = no.
    YesNo,
    /// One option of a choice question: 1 = chosen, 0 = not chosen.
    Chosen,
    /// An integer scale.
    Scale {
        min: i64,
        max: i64,
        min_label: Option<String>,
        max_label: Option<String>,
    },
    /// A number within optional bounds.
    Number { min: Option<f64>, max: Option<f64> },
    /// A free-text answer.
    Text,
    /// A date in ISO form, as precise as the answer: text.
    Date,
    /// The text of an "other, please specify" option.
    OtherText,
    /// A question with a condition: 1 = answered though it did not apply
    /// (the answer kept, not used), 0 = not.
    AnsweredAnyway,
    /// One item of a grid whose items take one of several options: the
    /// option's number, 1 for the first (id, label).
    Coded(Vec<(String, String)>),
    /// One option of a ranking: its rank, 1 (first) to `count`.
    Rank { count: usize },
}

/// The question a column belongs to.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Source {
    /// 1-based, as in the invitation.
    pub number: usize,
    /// The question's id in the survey file.
    pub id: String,
    /// The question as asked.
    pub text: String,
    /// For a choice column: the option's id and label.
    pub option: Option<(String, String)>,
}

/// One column of `responses.csv`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Variable {
    /// The column's name, valid in R, SPSS and Stata.
    pub name: String,
    /// What the name stands for in the survey file (`barriers.expertise`).
    pub path: String,
    /// The question, for answer columns.
    pub source: Option<Source>,
    /// What the column holds.
    pub measure: Measure,
}

impl Variable {
    /// The variable label: the question (or option) in words.
    pub fn label(&self) -> String {
        match (&self.measure, &self.source) {
            (Measure::Respondent, _) => "Respondent (pseudonym or name)".to_owned(),
            (Measure::Email, _) => "Address invited".to_owned(),
            (Measure::Group, _) => format!("Recipient list: {}", self.path),
            (Measure::AnsweredAnyway, Some(s)) => format!(
                "Answered though it did not apply ({}. {})",
                s.number, s.text
            ),
            (Measure::OtherText, Some(s)) => format!(
                "{}, text ({}. {})",
                s.option.as_ref().map_or("Other", |(_, l)| l.as_str()),
                s.number,
                s.text
            ),
            (_, Some(s)) => match &s.option {
                Some((_, option)) => format!("{option} ({}. {})", s.number, s.text),
                None => format!("{}. {}", s.number, s.text),
            },
            (_, None) => self.path.clone(),
        }
    }

    /// Is the column numeric in every tool?
    pub fn numeric(&self) -> bool {
        matches!(
            self.measure,
            Measure::YesNo
                | Measure::Chosen
                | Measure::Scale { .. }
                | Measure::Number { .. }
                | Measure::AnsweredAnyway
                | Measure::Coded(_)
                | Measure::Rank { .. }
        )
    }

    /// The labelled values (code, label), reserved codes aside.
    pub fn value_labels(&self) -> Vec<(i64, String)> {
        match &self.measure {
            Measure::YesNo => vec![(0, "no".to_owned()), (1, "yes".to_owned())],
            Measure::Chosen => vec![(0, "not chosen".to_owned()), (1, "chosen".to_owned())],
            Measure::AnsweredAnyway => vec![
                (0, "no".to_owned()),
                (1, "answered though it did not apply".to_owned()),
            ],
            Measure::Scale {
                min,
                max,
                min_label,
                max_label,
            } => [(*min, min_label), (*max, max_label)]
                .into_iter()
                .filter_map(|(v, l)| l.clone().map(|l| (v, l)))
                .collect(),
            Measure::Coded(options) => options
                .iter()
                .enumerate()
                .map(|(i, (_, label))| (i as i64 + 1, label.clone()))
                .collect(),
            Measure::Rank { count } => vec![
                (1, "ranked first".to_owned()),
                (*count as i64, "ranked last".to_owned()),
            ],
            _ => Vec::new(),
        }
    }

    /// Categorical (a factor in R): every valid value is labelled.
    pub fn categorical(&self) -> bool {
        matches!(
            self.measure,
            Measure::YesNo | Measure::Chosen | Measure::AnsweredAnyway | Measure::Coded(_)
        )
    }

    /// Do the [`Reserved`] codes apply? To numeric columns whose valid
    /// values cannot be -8 or -9 (a number without a lower bound above -8
    /// has none: its cells are only ever a number or empty).
    pub fn takes_reserved(&self) -> bool {
        match &self.measure {
            Measure::YesNo | Measure::Chosen | Measure::Coded(_) | Measure::Rank { .. } => true,
            Measure::Scale { min, .. } => *min > -8,
            Measure::Number { min, .. } => min.is_some_and(|m| m > -8.0),
            _ => false,
        }
    }

    /// Every labelled value, for the statistics packages' syntax: the
    /// valid values' labels, then the [`Reserved`] codes' where they apply,
    /// each code written as `reserved` writes it (SPSS the number, Stata
    /// its extended missing value). Empty for a variable without labels.
    pub fn labelled_values(&self, reserved: fn(Reserved) -> String) -> Vec<(String, String)> {
        let mut values: Vec<(String, String)> = self
            .value_labels()
            .into_iter()
            .map(|(code, label)| (code.to_string(), label))
            .collect();
        if self.takes_reserved() {
            values.extend(
                Reserved::ALL
                    .iter()
                    .map(|r| (reserved(*r), r.label().to_owned())),
            );
        }
        values
    }

    /// The codebook's "type".
    pub fn kind(&self) -> &'static str {
        match self.measure {
            Measure::Respondent => "identifier",
            Measure::Email => "email",
            Measure::Group => "group",
            Measure::YesNo => "yes_no",
            Measure::Chosen => "option",
            Measure::Scale { .. } => "scale",
            Measure::Number { .. } => "number",
            Measure::Text => "text",
            Measure::Date => "date",
            Measure::OtherText => "other_text",
            Measure::AnsweredAnyway => "answered_anyway",
            Measure::Coded(_) => "grid_option",
            Measure::Rank { .. } => "rank",
        }
    }
}

/// The names of the variables the [`Reserved`] codes apply to, in order.
fn with_reserved(variables: &[Variable]) -> Vec<&str> {
    variables
        .iter()
        .filter(|v| v.takes_reserved())
        .map(|v| v.name.as_str())
        .collect()
}

/// The columns of `responses.csv`, in order: `respondent`, `email` (with
/// names), the breakdown column, then each question's.
pub(crate) fn variables(survey: &Survey) -> Vec<Variable> {
    let mut names = Names::default();
    let mut out = Vec::new();
    let mut push = |path: String, source: Option<Source>, measure: Measure| {
        out.push(Variable {
            name: names.take(&path),
            path,
            source,
            measure,
        })
    };
    push("respondent".to_owned(), None, Measure::Respondent);
    if survey.report.include_names {
        push("email".to_owned(), None, Measure::Email);
    }
    if let Some(attribute) = &survey.report.breakdown {
        push(attribute.clone(), None, Measure::Group);
    }
    for (i, q) in survey.questions.iter().enumerate() {
        let source = |option: Option<(String, String)>| Source {
            number: i + 1,
            id: q.id.clone(),
            text: q.text.clone(),
            option,
        };
        match &q.kind {
            QuestionKind::SingleChoice(options) | QuestionKind::MultipleChoice(options) => {
                for o in options {
                    push(
                        format!("{}.{}", q.id, o.id),
                        Some(source(Some((o.id.clone(), o.label.clone())))),
                        Measure::Chosen,
                    );
                }
                if let Some(o) = options.iter().find(|o| o.other) {
                    push(
                        format!("{}.other_text", q.id),
                        Some(source(Some((o.id.clone(), o.label.clone())))),
                        Measure::OtherText,
                    );
                }
            }
            QuestionKind::YesNo => push(q.id.clone(), Some(source(None)), Measure::YesNo),
            QuestionKind::Scale {
                min,
                max,
                min_label,
                max_label,
            } => push(
                q.id.clone(),
                Some(source(None)),
                Measure::Scale {
                    min: *min,
                    max: *max,
                    min_label: min_label.clone(),
                    max_label: max_label.clone(),
                },
            ),
            QuestionKind::Number { min, max } => push(
                q.id.clone(),
                Some(source(None)),
                Measure::Number {
                    min: *min,
                    max: *max,
                },
            ),
            QuestionKind::Text => push(q.id.clone(), Some(source(None)), Measure::Text),
            QuestionKind::Date { .. } => push(q.id.clone(), Some(source(None)), Measure::Date),
            // A number in the question's unit, named in its label.
            QuestionKind::Duration { unit } => push(
                q.id.clone(),
                Some(Source {
                    text: format!("{} (in {})", q.text, unit.name()),
                    ..source(None)
                }),
                Measure::Number {
                    min: Some(0.0),
                    max: None,
                },
            ),
            QuestionKind::Grid { .. } | QuestionKind::Ranking(_) => {
                for (path, option, measure) in columns_of(q) {
                    push(path, Some(source(Some(option))), measure);
                }
            }
        }
    }
    // After every question's columns, so no column moves: a flag per
    // question with a condition.
    for (i, q) in survey.questions.iter().enumerate() {
        if q.show_if.is_some() {
            push(
                format!("{}.answered_anyway", q.id),
                Some(Source {
                    number: i + 1,
                    id: q.id.clone(),
                    text: q.text.clone(),
                    option: None,
                }),
                Measure::AnsweredAnyway,
            );
        }
    }
    out
}

/// A grid's columns (one per item, coded as its scale or its options)
/// and a ranking's (one per option, holding its rank): the path, the
/// item or option (id, label) and the measure.
fn columns_of(q: &crate::survey::Question) -> Vec<(String, (String, String), Measure)> {
    match &q.kind {
        QuestionKind::Grid { items, each } => {
            let measure = match each.as_ref() {
                QuestionKind::Scale {
                    min,
                    max,
                    min_label,
                    max_label,
                } => Measure::Scale {
                    min: *min,
                    max: *max,
                    min_label: min_label.clone(),
                    max_label: max_label.clone(),
                },
                _ => Measure::Coded(
                    q.grid_options()
                        .iter()
                        .map(|o| (o.id.clone(), o.label.clone()))
                        .collect(),
                ),
            };
            items
                .iter()
                .map(|item| {
                    (
                        q.item_key(item),
                        (item.id.clone(), item.label.clone()),
                        measure.clone(),
                    )
                })
                .collect()
        }
        QuestionKind::Ranking(options) => options
            .iter()
            .map(|o| {
                (
                    format!("{}.{}", q.id, o.id),
                    (o.id.clone(), o.label.clone()),
                    Measure::Rank {
                        count: options.len(),
                    },
                )
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Renders the codebook and the three syntax files for `responses.csv`,
/// read once from `responses_csv` (a file or memory).
pub(crate) fn render(survey: &Survey, responses_csv: impl std::io::Read) -> Result<Exports> {
    let variables = variables(survey);
    let shape = Shape::of(responses_csv, variables.len())?;
    Ok(Exports {
        codebook: codebook::render(&variables)?,
        r: r::render(survey, &variables),
        spss: spss::render(survey, &variables, &shape),
        stata: stata::render(survey, &variables),
    })
}

/// What the SPSS syntax must know of the CSV to read it: the longest
/// physical line, the longest record and each column's widest value, in
/// bytes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Shape {
    pub longest_line: usize,
    pub longest_record: usize,
    pub widths: Vec<usize>,
}

impl Shape {
    /// The shape of the CSV read from `csv`, in one pass.
    fn of(csv: impl std::io::Read, columns: usize) -> Result<Shape> {
        let mut meter = LineMeter {
            inner: csv,
            line: 0,
            longest: 0,
        };
        let mut widths = vec![0; columns];
        let mut longest_record = 0;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(&mut meter);
        for record in reader.byte_records() {
            let record = record.map_err(|e| Error::Other(format!("responses.csv: {e}")))?;
            // Unquoted, unescaped bytes: a quote doubled at most each byte,
            // two quotes and a comma per field.
            longest_record = longest_record.max(2 * record.as_slice().len() + 3 * record.len());
            for (width, field) in widths.iter_mut().zip(record.iter()) {
                *width = (*width).max(field.len());
            }
        }
        drop(reader);
        let longest_line = meter.longest.max(meter.line);
        Ok(Shape {
            longest_line,
            longest_record: longest_record.max(longest_line),
            widths,
        })
    }
}

/// Passes bytes through and measures the longest physical line (in
/// bytes, without its `\n`).
struct LineMeter<R> {
    inner: R,
    line: usize,
    longest: usize,
}

impl<R: std::io::Read> std::io::Read for LineMeter<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        for part in buf[..n].split_inclusive(|b| *b == b'\n') {
            if part.ends_with(b"\n") {
                self.longest = self.longest.max(self.line + part.len() - 1);
                self.line = 0;
            } else {
                self.line += part.len();
            }
        }
        Ok(n)
    }
}

/// Hands out column names every tool accepts, each once.
#[derive(Default)]
struct Names {
    taken: HashSet<String>,
}

/// Stata's and SPSS's limit (SPSS allows 64 bytes; Stata 32 characters).
const MAX_NAME: usize = 32;

/// Words that cannot be a variable name in one of the tools (SPSS's
/// reserved keywords, Stata's reserved names, R's reserved words),
/// compared without case.
const RESERVED_WORDS: &[&str] = &[
    "all", "and", "by", "eq", "ge", "gt", "le", "lt", "ne", "not", "or", "to", "with", "_all",
    "_b", "_coef", "_cons", "_n", "_pi", "_pred", "_rc", "_skip", "byte", "double", "float", "if",
    "in", "int", "long", "str", "strl", "using", "else", "repeat", "while", "function", "for",
    "next", "break", "true", "false", "null", "inf", "nan", "na",
];

impl Names {
    fn take(&mut self, path: &str) -> String {
        let mut base: String = path
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        if !base.starts_with(|c: char| c.is_ascii_alphabetic()) {
            base.insert_str(0, "v_");
        }
        base.truncate(MAX_NAME);
        if RESERVED_WORDS.contains(&base.to_ascii_lowercase().as_str()) {
            base.push('_');
        }
        let mut name = base.clone();
        let mut n = 2;
        while self.taken.contains(&name.to_ascii_lowercase()) {
            let suffix = format!("_{n}");
            let mut stem = base.clone();
            stem.truncate(MAX_NAME - suffix.len());
            name = stem + &suffix;
            n += 1;
        }
        self.taken.insert(name.to_ascii_lowercase());
        name
    }
}

/// Cuts `text` to at most `max` bytes at a character boundary.
pub(crate) fn cut(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_every_tool_accepts() {
        let mut names = Names::default();
        let long = "a_very_long_question_identifier_that_goes_on.option";
        let cases = [
            ("barriers.expertise", "barriers_expertise"),
            ("barriers_expertise", "barriers_expertise_2"),
            ("BARRIERS.EXPERTISE", "BARRIERS_EXPERTISE_3"),
            ("2nd-opinion", "v_2nd_opinion"),
            ("_private", "v__private"),
            ("centre name", "centre_name"),
            ("Centre (région)", "Centre__r_gion_"),
            ("if", "if_"),
            ("to", "to_"),
            (long, "a_very_long_question_identifier_"),
            (long, "a_very_long_question_identifie_2"),
            ("", "v_"),
        ];
        for (path, expected) in cases {
            let name = names.take(path);
            assert_eq!(name, expected, "{path}");
            assert!(name.len() <= 32);
            assert!(name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
            assert!(name.starts_with(|c: char| c.is_ascii_alphabetic()));
        }
    }

    #[test]
    fn cut_keeps_characters_whole() {
        assert_eq!(cut("région", 2), "r");
        assert_eq!(cut("région", 3), "ré");
        assert_eq!(cut("abc", 10), "abc");
    }

    #[test]
    fn the_shape_counts_bytes_of_lines_records_and_columns() {
        let csv = "a,b\n1,\"x\ny\"\n22,é\n".as_bytes();
        let shape = Shape::of(csv, 2).unwrap();
        assert_eq!(shape.widths, [2, 3]);
        assert_eq!(shape.longest_line, 5);
        assert!(shape.longest_record >= 7);
    }

    #[test]
    fn reserved_codes_are_decided_once() {
        let codes: Vec<(i64, &str, &str)> = Reserved::ALL
            .iter()
            .map(|r| (r.code(), r.label(), r.stata()))
            .collect();
        assert_eq!(
            codes,
            [
                (-8, "not applicable", ".a"),
                (-9, "prefer not to say", ".b")
            ]
        );
    }
}
