//! A Word document's paragraphs as lines of text, for [`super::draft`]:
//! `word/document.xml` inside the zip, read in one streaming pass. A
//! paragraph of a numbered list (`w:numPr`) is numbered here in order:
//! level 0 as `1.`, `2.` ..., deeper levels as `a)`, `b)` ... under it,
//! which is how a lead numbers questions and letters their options.

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
    let entry = archive
        .by_name("word/document.xml")
        .map_err(|e| format!("no word/document.xml: {e}"))?;
    let mut xml = Vec::new();
    entry
        .take(MAX_XML_BYTES + 1)
        .read_to_end(&mut xml)
        .map_err(|e| format!("word/document.xml cannot be unzipped: {e}"))?;
    if xml.len() as u64 > MAX_XML_BYTES {
        return Err(format!(
            "word/document.xml unzips to more than {MAX_XML_BYTES} bytes"
        ));
    }
    lines(&xml, text_limit)
}

/// One paragraph being read.
#[derive(Default)]
struct Paragraph {
    text: String,
    numbered: bool,
    level: u32,
}

fn lines(xml: &[u8], text_limit: usize) -> Result<String, String> {
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
                    _ => {}
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:t" => in_text = false,
                b"w:p" => {
                    if let Some(p) = paragraph.take() {
                        let text = p.text.trim();
                        if p.numbered && p.level == 0 {
                            number += 1;
                            letter = 0;
                            out.push_str(&format!("{number}. {text}\n"));
                        } else if p.numbered {
                            letter += 1;
                            let mark = (b'a' + ((letter - 1) % 26) as u8) as char;
                            out.push_str(&format!("{mark}) {text}\n"));
                        } else {
                            out.push_str(text);
                            out.push('\n');
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
    e.try_get_attribute("w:val")
        .ok()
        .flatten()
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}
