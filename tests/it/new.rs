//! `mailsurvey new --from QUESTIONNAIRE --out survey.toml`: the seed's
//! questionnaire, as plain text and as a Word document with numbered lists,
//! becomes a survey file whose questions are the example's, and
//! `mailsurvey validate` then names what is left to fill in.

use std::io::Write;
use std::process::{Command, Output};

use crate::support::*;

fn mailsurvey(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().unwrap()
}

fn said(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

/// The question tables' text, ids excepted (they are derived from the text).
fn questions(toml_text: &str) -> Vec<toml::Value> {
    let table: toml::Table = toml_text.parse().unwrap();
    table["question"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            let mut q = q.as_table().unwrap().clone();
            q.remove("id");
            if let Some(options) = q.get_mut("options").and_then(|o| o.as_array_mut()) {
                for option in options {
                    option.as_table_mut().unwrap().remove("id");
                }
            }
            toml::Value::Table(q)
        })
        .collect()
}

#[test]
fn new_from_the_seed_questionnaire_writes_the_example_questions_and_validate_names_what_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("survey.toml");
    let from = format!("{ROOT}/tests/fixtures/questionnaire/seed.txt");
    let run = mailsurvey(&["new", "--from", &from, "--out", out.to_str().unwrap()]);
    assert!(run.status.success(), "{}", said(&run));
    assert!(said(&run).contains("10 questions"), "{}", said(&run));
    let written = std::fs::read_to_string(&out).unwrap();
    let example = std::fs::read_to_string(format!("{ROOT}/config/example.toml")).unwrap();
    assert_eq!(questions(&written), questions(&example), "{written}");

    // Not overwritten without --force.
    let again = mailsurvey(&["new", "--from", &from, "--out", out.to_str().unwrap()]);
    assert!(!again.status.success());
    assert!(said(&again).contains("--force"), "{}", said(&again));
    let forced = mailsurvey(&[
        "new",
        "--from",
        &from,
        "--out",
        out.to_str().unwrap(),
        "--force",
    ]);
    assert!(forced.status.success(), "{}", said(&forced));

    // validate names what is left, with file and line.
    let check = mailsurvey(&["validate", "--survey", out.to_str().unwrap()]);
    let text = said(&check);
    assert_eq!(check.status.code(), Some(2), "{text}");
    let id_line = written
        .lines()
        .position(|l| l.starts_with("id = \"\""))
        .unwrap()
        + 1;
    assert!(
        text.contains(&format!("{}:{id_line}:", out.display())),
        "{text}"
    );
    for left in ["no study lead", "no [sender] table", "no [period] table"] {
        assert!(text.contains(left), "{left}: {text}");
    }
}

/// A `.docx` holding `paragraphs`, each `(level, text)` with `Some(level)`
/// for a numbered-list paragraph, as Word writes them.
fn docx(paragraphs: &[(Option<u32>, &str)]) -> Vec<u8> {
    let mut body = String::new();
    for (level, text) in paragraphs {
        body.push_str("<w:p>");
        if let Some(level) = level {
            body.push_str(&format!(
                r#"<w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr></w:pPr>"#
            ));
        }
        let escaped = text.replace('&', "&amp;").replace('<', "&lt;");
        // Word splits a paragraph's text into runs.
        let (a, b) = escaped.split_at(escaped.len() / 2);
        let (a, b) = if escaped.is_char_boundary(escaped.len() / 2) {
            (a, b)
        } else {
            (escaped.as_str(), "")
        };
        body.push_str(&format!(
            r#"<w:r><w:t xml:space="preserve">{a}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>{b}</w:t></w:r></w:p>"#
        ));
    }
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("[Content_Types].xml", options).unwrap();
    zip.write_all(br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#).unwrap();
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(document.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn new_from_a_word_document_with_numbered_lists_gives_the_same_questions() {
    // The seed questionnaire as a lead keeps it in Word: questions in a
    // numbered list, options one level down, hints in the text.
    let seed =
        std::fs::read_to_string(format!("{ROOT}/tests/fixtures/questionnaire/seed.txt")).unwrap();
    let mut paragraphs = Vec::new();
    for line in seed.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (number, rest) = line.split_once(' ').unwrap_or((line, ""));
        if number.ends_with('.') && number[..number.len() - 1].parse::<u32>().is_ok() {
            paragraphs.push((Some(0), rest.to_owned()));
        } else if number.len() == 2 && number.ends_with(')') {
            paragraphs.push((Some(1), rest.to_owned()));
        } else {
            paragraphs.push((None, line.to_owned()));
        }
    }
    let paragraphs: Vec<(Option<u32>, &str)> =
        paragraphs.iter().map(|(l, t)| (*l, t.as_str())).collect();
    let dir = tempfile::tempdir().unwrap();
    let from = dir.path().join("questionnaire.docx");
    std::fs::write(&from, docx(&paragraphs)).unwrap();
    let out = dir.path().join("survey.toml");
    let run = mailsurvey(&[
        "new",
        "--from",
        from.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", said(&run));
    let written = std::fs::read_to_string(&out).unwrap();
    let example = std::fs::read_to_string(format!("{ROOT}/config/example.toml")).unwrap();
    assert_eq!(questions(&written), questions(&example), "{written}");
    assert!(
        written.contains("title = \"Ketamine in specialist palliative care: a regional survey\""),
        "{written}"
    );
}
