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
    let listed: Vec<(Option<(u32, u32)>, &str)> = paragraphs
        .iter()
        .map(|(level, text)| (level.map(|level| (1, level)), *text))
        .collect();
    docx_with(&listed, None)
}

/// A `.docx` holding `paragraphs`, each `(list, text)` with `Some((numId,
/// level))` for a list paragraph, and `numbering` as `word/numbering.xml`.
fn docx_with(paragraphs: &[(Option<(u32, u32)>, &str)], numbering: Option<&str>) -> Vec<u8> {
    let mut body = String::new();
    for (list, text) in paragraphs {
        body.push_str("<w:p>");
        if let Some((num_id, level)) = list {
            body.push_str(&format!(
                r#"<w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>"#
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
    if let Some(numbering) = numbering {
        zip.start_file("word/numbering.xml", options).unwrap();
        zip.write_all(numbering.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The seed questionnaire's paragraphs: `(kind, text)` with kind `'q'` for
/// a numbered question, `'o'` for a lettered option, `' '` for text.
fn seed_paragraphs() -> Vec<(char, String)> {
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
            paragraphs.push(('q', rest.to_owned()));
        } else if number.len() == 2 && number.ends_with(')') {
            paragraphs.push(('o', rest.to_owned()));
        } else {
            paragraphs.push((' ', line.to_owned()));
        }
    }
    paragraphs
}

/// Drafts a survey file from `docx` through the binary and compares its
/// questions with the example's.
fn drafts_the_example_questions(docx: Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let from = dir.path().join("questionnaire.docx");
    std::fs::write(&from, docx).unwrap();
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

/// Word's own numbering part for two lists: numId 1 numbered (decimal at
/// level 0, letters below), numId 2 bulleted, as Word writes it.
const WORD_NUMBERING: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#;

#[test]
fn new_from_a_word_document_with_bulleted_options_reads_the_bullets_as_options() {
    // Questions in a numbered list, each question's options in a bulleted
    // list at level 0 (Word's bullet button): without numbering.xml each
    // bullet would be read as a question of its own.
    let paragraphs = seed_paragraphs();
    let listed: Vec<(Option<(u32, u32)>, &str)> = paragraphs
        .iter()
        .map(|(kind, text)| {
            let list = match kind {
                'q' => Some((1, 0)),
                'o' => Some((2, 0)),
                _ => None,
            };
            (list, text.as_str())
        })
        .collect();
    drafts_the_example_questions(docx_with(&listed, Some(WORD_NUMBERING)));
}

#[test]
fn new_from_a_word_document_with_numbered_lists_gives_the_same_questions() {
    // The seed questionnaire as a lead keeps it in Word: questions in a
    // numbered list, options one level down, hints in the text.
    let paragraphs = seed_paragraphs();
    let listed: Vec<(Option<u32>, &str)> = paragraphs
        .iter()
        .map(|(kind, text)| {
            let level = match kind {
                'q' => Some(0),
                'o' => Some(1),
                _ => None,
            };
            (level, text.as_str())
        })
        .collect();
    drafts_the_example_questions(docx(&listed));
}
