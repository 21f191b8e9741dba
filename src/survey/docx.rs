//! A Word document's paragraphs as lines of text, for [`super::draft`]:
//! `word/document.xml` inside the zip, read in one streaming pass. A
//! paragraph of a list (`w:numPr`) is marked here as the list shows it,
//! which `word/numbering.xml` says (each list's `w:numId` names an
//! abstract list whose levels each have a `w:numFmt`): a numbered level 0
//! as `1.`, `2.` ... (a question), a bulleted paragraph as `- ` and a
//! lettered one or a deeper level as `a)`, `b)` ... (an option of the
//! question above). Without `numbering.xml`, level 0 is numbered and
//! deeper levels lettered.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::Event;

/// The largest `.docx` file read, in bytes; checked before unzipping.
pub const MAX_DOCX_BYTES: usize = 10 * 1024 * 1024;
/// The largest `word/document.xml` unzipped, in bytes (a zip bomb stops here).
const MAX_XML_BYTES: u64 = 40 * 1024 * 1024;
/// More entries than this is not a questionnaire.
const MAX_ENTRIES: usize = 10_000;

/// The document's paragraphs, one per line, numbered-list paragraphs with
/// their number. Text beyond `text_limit` bytes is cut off
/// (the draft then refuses it as too large).
pub fn paragraphs(bytes: &[u8], text_limit: usize) -> Result<String, String> {
    if bytes.len() > MAX_DOCX_BYTES {
        return Err(format!(
            "{} bytes; at most {MAX_DOCX_BYTES} are read",
            bytes.len()
        ));
    }
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| format!("not a zip file: {e}"))?;
    if archive.len() > MAX_ENTRIES {
        return Err(format!("{} entries in the zip file", archive.len()));
    }
    let numbering = match unzip(&mut archive, "word/numbering.xml") {
        Ok(Some(xml)) => Numbering::read(&xml)?,
        Ok(None) => Numbering::default(),
        Err(why) => return Err(why),
    };
    let xml = unzip(&mut archive, "word/document.xml")?
        .ok_or_else(|| "no word/document.xml in it".to_owned())?;
    lines(&xml, text_limit, &numbering)
}

/// One part of the zip, unzipped up to [`MAX_XML_BYTES`]; `None` when
/// the zip has no such part.
fn unzip(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<Vec<u8>>, String> {
    let entry = match archive.by_name(name) {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("{name}: {e}")),
    };
    let mut xml = Vec::new();
    entry
        .take(MAX_XML_BYTES + 1)
        .read_to_end(&mut xml)
        .map_err(|e| format!("{name} cannot be unzipped: {e}"))?;
    if xml.len() as u64 > MAX_XML_BYTES {
        return Err(format!("{name} unzips to more than {MAX_XML_BYTES} bytes"));
    }
    Ok(Some(xml))
}

/// How a list level shows its paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// `1.`, `i.`, `I.`: a question at level 0.
    Number,
    /// `a)`, `A.`: an option.
    Letter,
    /// `•`, or no mark at all: an option.
    Bullet,
}

/// What `word/numbering.xml` says: each list (`w:num`) names an abstract
/// list (`w:abstractNum`) whose levels (`w:lvl`) each have a format
/// (`w:numFmt`).
#[derive(Debug, Default)]
struct Numbering {
    /// Abstract list id, level: the mark.
    levels: std::collections::HashMap<(String, u32), Mark>,
    /// List id (`w:numId`): its abstract list's id.
    lists: std::collections::HashMap<String, String>,
}

impl Numbering {
    /// Reads `word/numbering.xml` in one streaming pass.
    fn read(xml: &[u8]) -> Result<Numbering, String> {
        let mut reader = Reader::from_reader(xml);
        let mut numbering = Numbering::default();
        let (mut abstract_id, mut level, mut num_id) = (None::<String>, 0u32, None::<String>);
        let mut buf = Vec::new();
        loop {
            let event = reader
                .read_event_into(&mut buf)
                .map_err(|e| format!("word/numbering.xml is not XML: {e}"))?;
            match event {
                Event::Eof => break,
                Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                    b"w:abstractNum" => abstract_id = attribute(&e, "w:abstractNumId"),
                    b"w:lvl" => {
                        level = attribute(&e, "w:ilvl")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(0)
                    }
                    b"w:numFmt" => {
                        if let (Some(id), Some(format)) = (&abstract_id, value(&e)) {
                            numbering.levels.insert((id.clone(), level), mark(&format));
                        }
                    }
                    b"w:num" => num_id = attribute(&e, "w:numId"),
                    b"w:abstractNumId" => {
                        if let (Some(num), Some(id)) = (&num_id, value(&e)) {
                            numbering.lists.insert(num.clone(), id);
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match e.name().as_ref() {
                    b"w:abstractNum" => abstract_id = None,
                    b"w:num" => num_id = None,
                    _ => {}
                },
                _ => {}
            }
            buf.clear();
        }
        Ok(numbering)
    }

    /// The mark of list `num_id` at `level`, when the numbering says.
    fn mark(&self, num_id: Option<&str>, level: u32) -> Option<Mark> {
        let abstract_id = self.lists.get(num_id?)?;
        self.levels.get(&(abstract_id.clone(), level)).copied()
    }
}

/// A `w:numFmt` value as a mark.
fn mark(format: &str) -> Mark {
    match format {
        "bullet" | "none" => Mark::Bullet,
        "lowerLetter" | "upperLetter" => Mark::Letter,
        _ => Mark::Number,
    }
}

/// One paragraph being read.
#[derive(Default)]
struct Paragraph {
    text: String,
    numbered: bool,
    level: u32,
    num_id: Option<String>,
}

fn lines(xml: &[u8], text_limit: usize, numbering: &Numbering) -> Result<String, String> {
    let limit = text_limit + 1;
    let mut reader = Reader::from_reader(xml);
    let mut out = String::new();
    let mut paragraph: Option<Paragraph> = None;
    let mut in_text = false;
    let (mut number, mut letter) = (0usize, 0usize);
    let mut buf = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("word/document.xml is not XML: {e}"))?;
        match event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if out.len() < limit => {
                let p = paragraph.get_or_insert_with(Paragraph::default);
                match e.name().as_ref() {
                    b"w:p" => *p = Paragraph::default(),
                    b"w:t" => in_text = true,
                    b"w:tab" | b"w:br" | b"w:cr" => p.text.push(' '),
                    b"w:numPr" => p.numbered = true,
                    b"w:ilvl" => p.level = value(&e).and_then(|v| v.parse().ok()).unwrap_or(0),
                    // numId 0 switches numbering off for this paragraph.
                    b"w:numId" if value(&e).as_deref() == Some("0") => p.numbered = false,
                    b"w:numId" => p.num_id = value(&e),
                    _ => {}
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:t" => in_text = false,
                b"w:p" => {
                    if let Some(p) = paragraph.take() {
                        let text = p.text.trim();
                        let shown = p.numbered.then(|| {
                            numbering.mark(p.num_id.as_deref(), p.level).unwrap_or(
                                if p.level == 0 {
                                    Mark::Number
                                } else {
                                    Mark::Letter
                                },
                            )
                        });
                        match shown {
                            Some(Mark::Number) if p.level == 0 => {
                                number += 1;
                                letter = 0;
                                out.push_str(&format!("{number}. {text}\n"));
                            }
                            Some(Mark::Bullet) => out.push_str(&format!("- {text}\n")),
                            Some(_) => {
                                letter += 1;
                                let mark = (b'a' + ((letter - 1) % 26) as u8) as char;
                                out.push_str(&format!("{mark}) {text}\n"));
                            }
                            None => {
                                out.push_str(text);
                                out.push('\n');
                            }
                        }
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_text && out.len() < limit => {
                if let (Some(p), Ok(text)) = (paragraph.as_mut(), t.decode())
                    && p.text.len() < limit
                {
                    p.text.push_str(&text);
                }
            }
            Event::GeneralRef(r) if in_text && out.len() < limit => {
                if let Some(p) = paragraph.as_mut() {
                    let named = match &*r {
                        b"amp" => Some('&'),
                        b"lt" => Some('<'),
                        b"gt" => Some('>'),
                        b"quot" => Some('"'),
                        b"apos" => Some('\''),
                        _ => r.resolve_char_ref().ok().flatten(),
                    };
                    p.text.extend(named);
                }
            }
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

fn value(e: &quick_xml::events::BytesStart) -> Option<String> {
    attribute(e, "w:val")
}

fn attribute(e: &quick_xml::events::BytesStart, name: &str) -> Option<String> {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="lowerLetter"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="4"><w:lvl w:ilvl="0"><w:numFmt w:val="upperLetter"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="3"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="7"/></w:num><w:num w:numId="5"><w:abstractNumId w:val="4"/></w:num></w:numbering>"#;

    fn paragraph(num: Option<(&str, u32)>, text: &str) -> String {
        let list = num.map_or(String::new(), |(id, level)| {
            format!(r#"<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{id}"/></w:numPr></w:pPr>"#)
        });
        format!("<w:p>{list}<w:r><w:t>{text}</w:t></w:r></w:p>")
    }

    /// A paragraph: its list's id and level (none outside a list), its text.
    type Para<'a> = (Option<(&'a str, u32)>, &'a str);

    /// Each row: the paragraphs, the lines read.
    #[test]
    fn list_paragraphs_are_marked_as_numbering_xml_shows_them() {
        let numbering = Numbering::read(NUMBERING.as_bytes()).unwrap();
        let cases: &[(&[Para<'_>], &str)] = &[
            // Numbered questions, bulleted options at level 0.
            (
                &[
                    (Some(("1", 0)), "Q one?"),
                    (Some(("2", 0)), "Yes"),
                    (Some(("2", 0)), "No"),
                    (Some(("1", 0)), "Q two?"),
                ],
                "1. Q one?\n- Yes\n- No\n2. Q two?\n",
            ),
            // Lettered options a level down, and a list lettered at level 0.
            (
                &[
                    (Some(("1", 0)), "Q?"),
                    (Some(("1", 1)), "One"),
                    (Some(("5", 0)), "Two"),
                ],
                "1. Q?\na) One\nb) Two\n",
            ),
            // A list the numbering does not know, and plain paragraphs.
            (
                &[
                    (None, "Intro"),
                    (Some(("9", 0)), "Q?"),
                    (Some(("9", 1)), "Opt"),
                ],
                "Intro\n1. Q?\na) Opt\n",
            ),
        ];
        for (paragraphs, expected) in cases {
            let body: String = paragraphs
                .iter()
                .map(|(num, text)| paragraph(*num, text))
                .collect();
            let xml = format!("<w:document><w:body>{body}</w:body></w:document>");
            assert_eq!(
                lines(xml.as_bytes(), 1 << 20, &numbering).unwrap(),
                *expected
            );
        }
        // Without numbering.xml: level 0 numbered, deeper lettered.
        let xml = format!(
            "<w:document><w:body>{}{}</w:body></w:document>",
            paragraph(Some(("2", 0)), "Q?"),
            paragraph(Some(("2", 1)), "Opt")
        );
        assert_eq!(
            lines(xml.as_bytes(), 1 << 20, &Numbering::default()).unwrap(),
            "1. Q?\na) Opt\n"
        );
    }
}
