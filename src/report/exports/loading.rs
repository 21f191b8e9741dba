//! The exports loaded by the real tools, from Debian's packages
//! (`scripts/install-test-deps` installs `pspp` and `r-base-core`): PSPP
//! runs `responses.sps` and its FREQUENCIES give the report's counts for
//! the seed cohort; Rscript runs `responses.R` and `table()` gives them too;
//! free text with line breaks, quotes, UTF-8 and a defused formula comes
//! through both intact; the reserved codes come out as labelled missing
//! values. (There is no Stata here: `responses.do` is checked against its
//! golden text in `report::tests::cohort`.)

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use crate::report::figures::Outcome;
use crate::report::tests::cohort::{cohort_input, cohort_survey};
use crate::report::{Report, build};
use crate::understand::answer::{Answer, Value};

/// Runs `program` in `dir`; panics with its output unless it succeeds
/// without an error message.
fn run(dir: &Path, program: &str, args: &[&str]) -> String {
    let output = Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| {
            panic!("{program}: {e} (scripts/install-test-deps installs pspp and r-base-core)")
        });
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.status.success(),
        "{program} {args:?} failed:\n{text}"
    );
    assert!(
        !text.to_lowercase().contains("error"),
        "{program} {args:?} reported an error:\n{text}"
    );
    text
}

/// The report's counts: (column, value) -> count, for every yes/no,
/// option and scale column.
fn expected_counts(report: &Report) -> BTreeMap<(String, String), usize> {
    let mut counts = BTreeMap::new();
    for q in &report.figures.questions {
        match &q.outcome {
            Outcome::YesNo { yes, no } => {
                counts.insert((q.id.clone(), "1".to_owned()), yes.count);
                counts.insert((q.id.clone(), "0".to_owned()), no.count);
            }
            Outcome::Choice { options, .. } => {
                for o in options {
                    let column = format!("{}_{}", q.id, o.id);
                    counts.insert((column.clone(), "1".to_owned()), o.share.count);
                    counts.insert((column, "0".to_owned()), o.share.n - o.share.count);
                }
            }
            Outcome::Numeric { distribution, .. } => {
                for bin in distribution.iter().filter(|b| b.share.count > 0) {
                    counts.insert((q.id.clone(), bin.label.clone()), bin.share.count);
                }
            }
            Outcome::Grid { items } => {
                for item in items {
                    let column = format!("{}_{}", q.id, item.id);
                    if let Outcome::Numeric { distribution, .. } = item.outcome.as_ref() {
                        for bin in distribution.iter().filter(|b| b.share.count > 0) {
                            counts.insert((column.clone(), bin.label.clone()), bin.share.count);
                        }
                    }
                }
            }
            Outcome::Ranking { options } => {
                for o in options.iter().filter(|o| o.first.count > 0) {
                    let column = format!("{}_{}", q.id, o.id);
                    counts.insert((column, "1".to_owned()), o.first.count);
                }
            }
            Outcome::Text { .. } => {}
        }
    }
    counts
}

fn written(report: &Report) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    report.write_to(dir.path()).unwrap();
    dir
}

/// The counted columns, as PSPP and R name them.
fn counted_columns(counts: &BTreeMap<(String, String), usize>) -> Vec<String> {
    let mut columns: Vec<String> = counts.keys().map(|(c, _)| c.clone()).collect();
    columns.dedup();
    columns
}

/// PSPP's FREQUENCIES tables (CSV output, variables by name, values as
/// codes), as (column, value) -> count; missing values under "missing:".
fn pspp_frequencies(dir: &Path, columns: &[String]) -> BTreeMap<(String, String), usize> {
    // From another folder, as the README says: INSERT with CD=YES reads
    // responses.csv beside the syntax file.
    let elsewhere = tempfile::tempdir().unwrap();
    let syntax = format!(
        "INSERT FILE='{}' CD=YES.\nSET TVARS=NAMES TNUMBERS=VALUES.\nFREQUENCIES /VARIABLES={}.\n",
        dir.join("responses.sps").display(),
        columns.join(" ")
    );
    std::fs::write(elsewhere.path().join("check.sps"), syntax).unwrap();
    run(
        elsewhere.path(),
        "pspp",
        &["-O", "format=csv", "-o", "out.csv", "check.sps"],
    );
    let output = std::fs::read_to_string(elsewhere.path().join("out.csv")).unwrap();
    let mut counts = BTreeMap::new();
    let mut table: Option<String> = None;
    let mut section = String::new();
    for line in output.lines() {
        if let Some(title) = line.strip_prefix("Table: ") {
            table = columns.iter().find(|c| *c == title).cloned();
            continue;
        }
        let Some(column) = &table else { continue };
        let cells: Vec<&str> = line.split(',').collect();
        if cells.len() < 3 {
            continue;
        }
        if !cells[0].is_empty() {
            section = cells[0].to_owned();
        }
        if section == "Total" || cells[1].is_empty() {
            continue;
        }
        let value = match section.as_str() {
            "Valid" => cells[1].to_owned(),
            "Missing" => format!("missing:{}", cells[1]),
            _ => continue,
        };
        counts.insert((column.clone(), value), cells[2].parse().unwrap());
    }
    counts
}

#[test]
fn pspp_frequencies_reproduce_the_reports_counts() {
    let survey = cohort_survey();
    let report = build(&cohort_input(&survey)).unwrap();
    let dir = written(&report);
    let expected = expected_counts(&report);
    let columns = counted_columns(&expected);
    assert!(columns.len() >= 13, "{columns:?}");
    let found = pspp_frequencies(dir.path(), &columns);
    assert_eq!(found, expected);
    assert!(
        !dir.path().join("responses.sps.tmp").exists(),
        "the syntax erases its temporary file"
    );
}

/// `table()` of every counted column, by level, as (column, value) -> count,
/// and each factor's levels.
const R_TABLES: &str = r#"
source(file.path(commandArgs(TRUE)[1], "responses.R"))
for (column in commandArgs(TRUE)[-1]) {
  x <- responses[[column]]
  counts <- table(x)
  for (value in names(counts)) cat(column, value, counts[[value]], "\n", sep = "\t")
  reason <- attr(x, "na_reason")
  if (!is.null(reason)) {
    for (value in levels(reason)) {
      n <- sum(reason == value, na.rm = TRUE)
      if (n > 0) cat(column, paste0("missing:", value), n, "\n", sep = "\t")
    }
  }
}
"#;

fn r_tables(dir: &Path, columns: &[String]) -> BTreeMap<(String, String), usize> {
    // Run from elsewhere: the script finds responses.csv beside itself.
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::write(elsewhere.path().join("tables.R"), R_TABLES).unwrap();
    let mut args = vec!["tables.R", dir.to_str().unwrap()];
    args.extend(columns.iter().map(String::as_str));
    let output = run(elsewhere.path(), "Rscript", &args);
    output
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            (cells.len() >= 3).then(|| {
                (
                    (cells[0].to_owned(), cells[1].to_owned()),
                    cells[2].trim().parse().unwrap(),
                )
            })
        })
        .collect()
}

#[test]
fn r_table_reproduces_the_reports_counts() {
    let survey = cohort_survey();
    let report = build(&cohort_input(&survey)).unwrap();
    let dir = written(&report);
    let expected = expected_counts(&report);
    let columns = counted_columns(&expected);
    // R's table() names factor levels by their labels.
    let variables = super::variables(&survey);
    let labelled: BTreeMap<(String, String), usize> = expected
        .iter()
        .map(|((column, value), n)| {
            let variable = variables.iter().find(|v| v.name == *column).unwrap();
            let value = if variable.categorical() {
                let (_, label) = variable
                    .value_labels()
                    .into_iter()
                    .find(|(code, _)| code.to_string() == *value)
                    .unwrap();
                label
            } else {
                value.clone()
            };
            ((column.clone(), value), *n)
        })
        .collect();
    assert_eq!(r_tables(dir.path(), &columns), labelled);
    // Sourced from R with the script's own path, from another folder too.
    run(
        Path::new("/"),
        "Rscript",
        &[dir.path().join("responses.R").to_str().unwrap()],
    );
}

/// The first respondent's comment, other text and a reserved code each,
/// through both tools.
#[test]
fn free_text_and_reserved_codes_load_intact() {
    let survey = cohort_survey();
    let mut input = cohort_input(&survey);
    let comment = "Line one,\n\"quoted\" and 'single'\n\nüñí ✓ — end";
    let first = &mut input.respondents[0];
    first.answers.insert(
        "comments".into(),
        Answer::ok(Value::Text(comment.into()), ""),
    );
    let mut other = Answer::ok(Value::Choices(vec!["other".into()]), "");
    other.other = Some("=SUM(A1:A9)".into());
    first.answers.insert("barriers".into(), other);
    let report = build(&input).unwrap();
    let dir = written(&report);
    // No question type writes the reserved codes yet: put two in by hand,
    // as one that allows them will.
    let csv_path = dir.path().join("responses.csv");
    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    let header = reader.headers().unwrap().clone();
    let mut rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let mut edit = |row: usize, column: usize, value: &str| {
        let mut cells: Vec<String> = rows[row].iter().map(str::to_owned).collect();
        cells[column] = value.to_owned();
        rows[row] = csv::StringRecord::from(cells);
    };
    edit(1, at("end_of_life"), "-8");
    edit(2, at("confidence"), "-9");
    let mut writer = csv::Writer::from_path(&csv_path).unwrap();
    writer.write_record(&header).unwrap();
    for row in &rows {
        writer.write_record(row).unwrap();
    }
    writer.flush().unwrap();
    drop(writer);

    let expected_other = "'=SUM(A1:A9)";
    // R: the text byte for byte, the codes as NA with their reason.
    let script = r#"
source(file.path(commandArgs(TRUE)[1], "responses.R"))
writeLines(c(responses$comments[1], responses$barriers_other_text[1]), "texts.txt", useBytes = TRUE)
cat(is.na(responses$end_of_life[2]), as.character(attr(responses$end_of_life, "na_reason")[2]),
    is.na(responses$confidence[3]), as.character(attr(responses$confidence, "na_reason")[3]),
    attr(responses$comments, "label"), sep = "|")
"#;
    std::fs::write(dir.path().join("check.R"), script).unwrap();
    let said = run(
        dir.path(),
        "Rscript",
        &["check.R", dir.path().to_str().unwrap()],
    );
    assert_eq!(
        said,
        "TRUE|not applicable|TRUE|prefer not to say|10. Any other comments?"
    );
    let texts = std::fs::read_to_string(dir.path().join("texts.txt")).unwrap();
    assert_eq!(texts, format!("{comment}\n{expected_other}\n"));

    // PSPP: the same text out through SAVE TRANSLATE, the codes as
    // labelled user-missing values.
    let syntax = "INSERT FILE='responses.sps'.\n\
        SAVE TRANSLATE /OUTFILE='texts.csv' /TYPE=CSV /FIELDNAMES /REPLACE\n\
        /KEEP=comments barriers_other_text.\n\
        SET TVARS=NAMES TNUMBERS=LABELS.\n\
        FREQUENCIES /VARIABLES=end_of_life confidence.\n";
    std::fs::write(dir.path().join("check.sps"), syntax).unwrap();
    run(
        dir.path(),
        "pspp",
        &["-O", "format=csv", "-o", "out.csv", "check.sps"],
    );
    let mut texts = csv::Reader::from_path(dir.path().join("texts.csv")).unwrap();
    let first = texts.records().next().unwrap().unwrap();
    assert_eq!(
        (first.get(0).unwrap(), first.get(1).unwrap()),
        (comment, expected_other)
    );
    let out = std::fs::read_to_string(dir.path().join("out.csv")).unwrap();
    assert!(out.contains("Missing,not applicable,1"), "{out}");
    assert!(out.contains(",prefer not to say,1"), "{out}");
}

/// `config/seed-full.toml` with five respondents who answered its grid
/// (one item "n/a" for one of them) and its ranking: every grid item and
/// every ranking option is a column, and PSPP's and R's counts of them
/// are the report's.
#[test]
fn grid_items_and_ranks_load_as_the_report_counts_them() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("config/seed-full.toml");
    let survey = crate::survey::Survey::load(&path).unwrap();
    let example = cohort_survey();
    let mut input = crate::report::ReportInput {
        survey: &survey,
        ..cohort_input(&example)
    };
    input.respondents.truncate(5);
    let grids = [[4, 3, 5], [5, 4, 3], [2, 2, 4], [4, 5, 5], [3, 0, 1]];
    let ranks = [
        ["evidence", "expertise", "access", "side_effects"],
        ["evidence", "access", "expertise", "side_effects"],
        ["expertise", "evidence", "side_effects", "access"],
        ["access", "evidence", "expertise", "side_effects"],
        ["evidence", "side_effects", "expertise", "access"],
    ];
    for (i, r) in input.respondents.iter_mut().enumerate() {
        r.answers = BTreeMap::from([(
            "used_ketamine".to_owned(),
            Answer::ok(Value::Bool(true), "yes"),
        )]);
        for (item, value) in ["dosing", "routes", "side_effects"].iter().zip(grids[i]) {
            let value = match value {
                0 => Value::Reserved {
                    reserved: crate::survey::Reserved::NotApplicable,
                },
                n => Value::Integer(n),
            };
            r.answers
                .insert(format!("confidence_areas.{item}"), Answer::ok(value, ""));
        }
        r.answers.insert(
            "barrier_rank".to_owned(),
            Answer::ok(
                Value::Choices(ranks[i].iter().map(|s| s.to_string()).collect()),
                "",
            ),
        );
    }
    let report = build(&input).unwrap();
    let dir = written(&report);
    let expected: BTreeMap<(String, String), usize> = expected_counts(&report)
        .into_iter()
        .filter(|((column, _), n)| {
            *n > 0
                && (column.starts_with("confidence_areas_") || column.starts_with("barrier_rank_"))
        })
        .collect();
    let columns = counted_columns(&expected);
    assert_eq!(columns.len(), 3 + 3, "{columns:?}");
    assert_eq!(
        expected.get(&("barrier_rank_evidence".to_owned(), "1".to_owned())),
        Some(&3)
    );
    let found: BTreeMap<(String, String), usize> = pspp_frequencies(dir.path(), &columns)
        .into_iter()
        .filter(|((_, value), _)| !value.starts_with("missing:"))
        .filter(|((column, value), _)| !column.starts_with("barrier_rank_") || value == "1")
        .collect();
    assert_eq!(found, expected);
    // The "n/a" is a labelled missing value, not a 0 or a gap.
    let missing = pspp_frequencies(dir.path(), &["confidence_areas_routes".to_owned()]);
    assert_eq!(
        missing.get(&(
            "confidence_areas_routes".to_owned(),
            "missing:-8".to_owned()
        )),
        Some(&1),
        "{missing:?}"
    );
    let r_all = r_tables(dir.path(), &columns);
    assert_eq!(
        r_all.get(&(
            "confidence_areas_routes".to_owned(),
            "missing:not applicable".to_owned()
        )),
        Some(&1),
        "{r_all:?}"
    );
    let r: BTreeMap<(String, String), usize> = r_all
        .into_iter()
        .filter(|((_, value), _)| !value.starts_with("missing:"))
        .filter(|((column, value), _)| !column.starts_with("barrier_rank_") || value == "1")
        .collect();
    assert_eq!(r, expected);
}
