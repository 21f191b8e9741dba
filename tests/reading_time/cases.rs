//! The worst inputs we know for each reader of a stranger's text, at any
//! size: one character repeated, deep nesting, one endless line, many short
//! lines. Shared by the timing test (`tests/reading_time/main.rs`) and the
//! release benchmark (`examples/bench_reading.rs`).

use std::path::Path;

use mailsurvey::survey::{Survey, docx, draft};
use mailsurvey::understand::{authres, bounce, flowed, inspect, parse};

/// One reader fed one kind of hostile input.
pub struct Case {
    /// The reader.
    pub reader: &'static str,
    /// What it is fed, in words.
    pub input: &'static str,
    /// The input at (about) `size` bytes.
    pub make: fn(usize) -> Vec<u8>,
    /// Reads it.
    pub read: fn(&[u8], &Survey),
}

/// The example survey the readers read for.
pub fn survey() -> Survey {
    Survey::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("config/example.toml"))
        .expect("example survey loads")
}

/// `unit` repeated to `size` bytes (whole units, at least one).
pub fn fill(unit: &str, size: usize) -> String {
    unit.repeat((size / unit.len()).max(1))
}

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("the cases are UTF-8")
}

/// A message from a stranger with `body` as its only part.
fn message(headers: &str, content_type: &str, body: &str) -> Vec<u8> {
    format!(
        "From: stranger@elsewhere.test\r\nTo: survey@survey.test\r\n{headers}Date: Thu, 26 Nov 2026 10:00:00 +0000\r\nMessage-ID: <x@elsewhere.test>\r\nMIME-Version: 1.0\r\nContent-Type: {content_type}; charset=utf-8\r\n\r\n{body}\r\n"
    )
    .into_bytes()
}

fn reply(body: &str) -> Vec<u8> {
    message(
        "Subject: Re: Survey: ketamine use in specialist palliative care (5 minutes)\r\n",
        "text/plain",
        body,
    )
}

fn html(body: &str) -> Vec<u8> {
    message("Subject: Re: the survey\r\n", "text/html", body)
}

const BOUNCE: &str =
    "Subject: Undeliverable: Survey\r\nSender: MAILER-DAEMON@mx.elsewhere.test\r\n";

fn bounce_message(content_type: &str, body: &str) -> Vec<u8> {
    let raw = message(BOUNCE, content_type, body);
    // From the mail system, not a person.
    String::from_utf8(raw)
        .expect("UTF-8")
        .replacen(
            "From: stranger@elsewhere.test",
            "From: MAILER-DAEMON@mx.elsewhere.test",
            1,
        )
        .into_bytes()
}

fn inspect(raw: &[u8], survey: &Survey) {
    std::hint::black_box(inspect::inspect(raw, survey));
}

/// The questionnaire reader (`mailsurvey new --from`): plain text.
fn questionnaire_text(raw: &[u8], _: &Survey) {
    let _ = std::hint::black_box(draft::draft(text(raw), "questionnaire.txt"));
}

/// The questionnaire reader: a Word document, then its text.
fn questionnaire_docx(raw: &[u8], _: &Survey) {
    if let Ok(text) = docx::paragraphs(raw, draft::MAX_TEXT_BYTES) {
        let _ = std::hint::black_box(draft::draft(&text, "questionnaire.docx"));
    }
}

/// A `.docx` of about `size` bytes (stored, not compressed, so its size
/// is its XML's) whose `word/document.xml` body is `unit` repeated, with
/// `numbering` as `word/numbering.xml`.
fn docx_of(unit: &str, size: usize, numbering: &str) -> Vec<u8> {
    use std::io::Write;
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{}</w:body></w:document>"#,
        fill(unit, size.saturating_sub(numbering.len()))
    );
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("word/document.xml", stored).unwrap();
    zip.write_all(document.as_bytes()).unwrap();
    zip.start_file("word/numbering.xml", stored).unwrap();
    zip.write_all(numbering.as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}

/// A numbering part with a bulleted and a numbered list, as Word writes it.
const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#;

/// The questionnaire reader's worst inputs we know: lead input (`mailsurvey
/// new --from`), read up to its 1 MB limit, so timed at 1 MB in every
/// build (`main.rs`).
pub fn questionnaire() -> Vec<Case> {
    macro_rules! case {
        ($input:expr, $read:expr, |$n:ident| $make:expr) => {
            Case {
                reader: "questionnaire",
                input: $input,
                make: |$n: usize| $make,
                read: $read,
            }
        };
    }
    vec![
        case!(
            "hints, scale ends, open brackets",
            questionnaire_text,
            |n| {
                fill(
                    "12. Which (choose all that apply)? 0 = a, 10 = b ((((((\n- x - - - - (((\n",
                    n,
                )
                .into_bytes()
            }
        ),
        case!("one endless question line", questionnaire_text, |n| {
            format!("1. {}?", fill("Do you (or did you ", n)).into_bytes()
        }),
        case!("one question, endless options", questionnaire_text, |n| {
            format!("1. Which?\n{}", fill("a) other (please specify)\n", n)).into_bytes()
        }),
        case!("conditions on every question", questionnaire_text, |n| {
            fill(
                "1. If you have used it: did you? (yes/no)\n2. If yes to 1: why? (Only if your service has a protocol)\n",
                n,
            )
            .into_bytes()
        }),
        case!("one endless condition", questionnaire_text, |n| {
            format!(
                "1. Used? (yes/no)\n2. If you {}: why?\n(only if {}",
                fill("have used ", n / 2),
                fill("your ", n / 2)
            )
            .into_bytes()
        }),
        case!("endless numbered questions", questionnaire_text, |n| {
            fill("1. Do you use it? yes/no optional\n", n).into_bytes()
        }),
        case!("endless scale ends", questionnaire_text, |n| {
            format!("1. How sure? {}", fill("0 = none ... 10 = ", n)).into_bytes()
        }),
        case!(
            "docx: numbered and bulleted paragraphs",
            questionnaire_docx,
            |n| {
                docx_of(
                    r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>Do you?</w:t></w:r></w:p><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Yes</w:t></w:r></w:p>"#,
                    n,
                    NUMBERING,
                )
            }
        ),
        case!(
            "docx: one paragraph of endless runs",
            questionnaire_docx,
            |n| { docx_of(r#"<w:r><w:t>a </w:t><w:tab/></w:r>"#, n, NUMBERING) }
        ),
        case!("docx: entities", questionnaire_docx, |n| {
            docx_of(
                "<w:p><w:r><w:t>&amp;&#38;&lt;</w:t></w:r></w:p>",
                n,
                NUMBERING,
            )
        }),
    ]
}

fn to_text(raw: &[u8], _: &Survey) {
    std::hint::black_box(parse::html::to_text(text(raw)));
}

fn from_text(raw: &[u8], _: &Survey) {
    std::hint::black_box(bounce::from_text(
        text(raw),
        false,
        &["survey@survey.test".to_owned()],
    ));
}

fn from_report(raw: &[u8], _: &Survey) {
    std::hint::black_box(bounce::from_report(text(raw)));
}

fn parse_reply(raw: &[u8], survey: &Survey) {
    std::hint::black_box(parse::parse_reply(text(raw), survey));
}

fn unflow(raw: &[u8], _: &Survey) {
    std::hint::black_box(flowed::unflow(text(raw), true));
}

fn auth_results(raw: &[u8], _: &Survey) {
    let value = text(raw);
    std::hint::black_box(authres::parse(value));
    std::hint::black_box(authres::verdict(
        [
            ("Authentication-Results", value),
            ("Received", value),
            (
                "Received",
                "from mx.elsewhere.test by mx.survey.test; Thu, 26 Nov 2026",
            ),
        ],
        "mx.survey.test",
        "elsewhere.test",
    ));
}

/// Every case, each reader with the inputs that hurt it most.
pub fn all() -> Vec<Case> {
    macro_rules! case {
        ($reader:expr, $input:expr, $read:expr, |$n:ident| $make:expr) => {
            Case {
                reader: $reader,
                input: $input,
                make: |$n: usize| $make,
                read: $read,
            }
        };
    }
    vec![
        // Entity decoding and HTML to text.
        case!("html to text", "&", to_text, |n| fill("&", n).into_bytes()),
        case!("html to text", "&ab ", to_text, |n| fill("&ab ", n)
            .into_bytes()),
        case!("html to text", "&#", to_text, |n| fill("&#", n)
            .into_bytes()),
        case!("html to text", "&#x;", to_text, |n| fill("&#x;", n)
            .into_bytes()),
        case!("html to text", "<blockquote>x", to_text, |n| fill(
            "<blockquote>x",
            n
        )
        .into_bytes()),
        case!("html to text", "<blockquote>", to_text, |n| {
            format!("{}x", fill("<blockquote>", n)).into_bytes()
        }),
        case!("html to text", "<b><span style=color:red>x", to_text, |n| {
            fill("<b><span style=color:red>x", n).into_bytes()
        }),
        case!("html to text", "<p>", to_text, |n| fill("<p>", n)
            .into_bytes()),
        case!("html to text", "<pre>\\n", to_text, |n| {
            format!("<pre>{}", fill("\n", n)).into_bytes()
        }),
        case!("html to text", "<!--", to_text, |n| fill("<!--", n)
            .into_bytes()),
        case!("html to text", "<style><", to_text, |n| {
            format!("<style>{}", fill("<", n)).into_bytes()
        }),
        case!("html to text", "<a ", to_text, |n| fill("<a ", n)
            .into_bytes()),
        case!("html to text", "table rows for questions", to_text, |n| {
            fill("<tr><td>1</td><td><p>yes</p></td>", n).into_bytes()
        }),
        case!("html to text", "one endless table row", to_text, |n| {
            format!("<tr><td>1{}", fill("<td><p>x</p>", n)).into_bytes()
        }),
        case!("html to text", "<td>", to_text, |n| fill("<td>", n)
            .into_bytes()),
        case!("html to text", "one endless line", to_text, |n| {
            fill("word ", n).into_bytes()
        }),
        // Unwrapping format=flowed text.
        case!("format=flowed", "soft line breaks", unflow, |n| fill(
            "a \n", n
        )
        .into_bytes()),
        case!("format=flowed", "quoted soft line breaks", unflow, |n| {
            fill(">>> a \n", n).into_bytes()
        }),
        case!("format=flowed", ">", unflow, |n| fill(">", n).into_bytes()),
        // Bounce bodies.
        case!("bounce text", "one line of addresses", from_text, |n| {
            fill("jane.doe@example.org ", n).into_bytes()
        }),
        case!("bounce text", "blank lines", from_text, |n| {
            format!("{}Received: x", fill("\n\n", n)).into_bytes()
        }),
        case!("bounce text", "short lines of addresses", from_text, |n| {
            fill("<a@b.example>:\n", n).into_bytes()
        }),
        case!("bounce text", "one endless line", from_text, |n| {
            fill("could not be delivered to ", n).into_bytes()
        }),
        case!("bounce text", "message ids", from_text, |n| {
            fill("Message-ID <a@b.example> ", n).into_bytes()
        }),
        case!("bounce report", "recipient blocks", from_report, |n| {
            fill(
                "Final-Recipient: rfc822; a@b.example\nAction: failed\nStatus: 5.1.1\n\n",
                n,
            )
            .into_bytes()
        }),
        case!("bounce report", "one folded field", from_report, |n| {
            format!("Diagnostic-Code: smtp;{}", fill("\n x", n)).into_bytes()
        }),
        // Authentication-Results.
        case!(
            "authentication-results",
            "spaces before =",
            auth_results,
            |n| { format!("mx.survey.test; dmarc{}=pass", fill(" ", n)).into_bytes() }
        ),
        case!("authentication-results", "= =", auth_results, |n| {
            format!("mx.survey.test; {}", fill("= ", n)).into_bytes()
        }),
        case!("authentication-results", "(", auth_results, |n| fill(
            "(", n
        )
        .into_bytes()),
        case!("authentication-results", ";", auth_results, |n| fill(
            ";", n
        )
        .into_bytes()),
        case!("authentication-results", "by by", auth_results, |n| {
            fill("by ", n).into_bytes()
        }),
        // The reply parser: quote and signature stripping, answers.
        case!("reply parser", "answer lines", parse_reply, |n| {
            fill("1. yes\n", n).into_bytes()
        }),
        case!("reply parser", ">", parse_reply, |n| fill(">", n)
            .into_bytes()),
        case!("reply parser", "one endless line", parse_reply, |n| {
            fill("1 yes ", n).into_bytes()
        }),
        case!("reply parser", "empty lines", parse_reply, |n| fill(
            "\n", n
        )
        .into_bytes()),
        case!("reply parser", "Answer: lines", parse_reply, |n| {
            fill("> Answer:\n", n).into_bytes()
        }),
        case!("reply parser", "attribution lines", parse_reply, |n| {
            fill("On Mon, Jane wrote:\n", n).into_bytes()
        }),
        case!("reply parser", "original headers", parse_reply, |n| {
            fill("-----Original Message-----\nFrom: a\n", n).into_bytes()
        }),
        case!(
            "reply parser",
            "header blocks of mail passed on",
            parse_reply,
            |n| { fill("From: a@b\nSent: c\nTo: d@e\n\n1. yes\n", n).into_bytes() }
        ),
        case!(
            "reply parser",
            "a summary's exceptions with a long reason",
            parse_reply,
            |n| { format!("yes to all but 6 - {}", fill("no protocol, ", n)).into_bytes() }
        ),
        case!(
            "reply parser",
            "a long reason before so yes",
            parse_reply,
            |n| { format!("8. {}so yes\n", fill("keen to learn so ", n)).into_bytes() }
        ),
        case!(
            "reply parser",
            "a long To: line below From:",
            parse_reply,
            |n| { format!("From: a@b\nTo: {}\n\n1. yes\n", fill("d@e, ", n)).into_bytes() }
        ),
        case!("reply parser", "corrections", parse_reply, |n| {
            fill("for question 4 I meant ", n).into_bytes()
        }),
        case!(
            "reply parser",
            "postscript corrections in sentences",
            parse_reply,
            |n| { format!("Thanks,\n{}", fill("PS: For 4 I meant 6. ", n)).into_bytes() }
        ),
        case!("reply parser", "corrections by words", parse_reply, |n| {
            fill("make that 8 for the ", n).into_bytes()
        }),
        case!("reply parser", "for the ... one", parse_reply, |n| {
            fill("for the confidence ", n).into_bytes()
        }),
        case!(
            "reply parser",
            "numbered corrections after a change",
            parse_reply,
            |n| { fill("one more change: 8. ", n).into_bytes() }
        ),
        case!("reply parser", "change N to", parse_reply, |n| {
            fill("change 7 to ", n).into_bytes()
        }),
        case!("reply parser", "the ... should be", parse_reply, |n| {
            fill("the protocol should be ", n).into_bytes()
        }),
        case!("reply parser", "got N wrong", parse_reply, |n| {
            fill("I got 7 wrong, it's ", n).into_bytes()
        }),
        case!("reply parser", "doubts", parse_reply, |n| {
            format!("6. yes\n{}", fill("not sure about the ", n)).into_bytes()
        }),
        case!("reply parser", "PS N -", parse_reply, |n| {
            fill("PS: 9 - ", n).into_bytes()
        }),
        case!("reply parser", "retractions", parse_reply, |n| {
            fill("scratch what I said about the ", n).into_bytes()
        }),
        case!("reply parser", "so N should be", parse_reply, |n| {
            format!("Thanks,\n{}", fill("so 7 should be ", n)).into_bytes()
        }),
        case!(
            "reply parser",
            "a summary's exceptions by words",
            parse_reply,
            |n| { format!("All yes except {}", fill("the training one and ", n)).into_bytes() }
        ),
        case!("reply parser", "hedged answers", parse_reply, |n| {
            fill("1. Yes (I think?) ", n).into_bytes()
        }),
        case!(
            "reply parser",
            "labels without a separator",
            parse_reply,
            |n| { fill("Confidence 7, ", n).into_bytes() }
        ),
        case!(
            "reply parser",
            "bare answers on one line",
            parse_reply,
            |n| { fill("yes, ", n).into_bytes() }
        ),
        case!("reply parser", "table rows with labels", parse_reply, |n| {
            fill("1 End of life | Y\n", n).into_bytes()
        }),
        case!("reply parser", "tick emoji", parse_reply, |n| {
            fill("1 \u{2705}\n", n).into_bytes()
        }),
        case!("reply parser", "a score and its counts", parse_reply, |n| {
            format!("4. 7 ({}", fill("about 20 times ", n)).into_bytes()
        }),
        case!("reply parser", "table rows", parse_reply, |n| {
            fill("| 1 | yes |\n", n).into_bytes()
        }),
        case!("reply parser", "one endless table row", parse_reply, |n| {
            fill("| 1 ", n).into_bytes()
        }),
        case!("reply parser", "codes on one line", parse_reply, |n| {
            fill("Q1 Y ", n).into_bytes()
        }),
        case!("reply parser", "glued codes", parse_reply, |n| {
            fill("1Y ", n).into_bytes()
        }),
        case!("reply parser", "codes between slashes", parse_reply, |n| {
            fill("1Y/", n).into_bytes()
        }),
        case!(
            "reply parser",
            "numbered pieces on one line",
            parse_reply,
            |n| { fill("4 = 5, ", n).into_bytes() }
        ),
        case!(
            "reply parser",
            "answers listed by value",
            parse_reply,
            |n| { format!("yes to {}", fill("1-3 and ", n)).into_bytes() }
        ),
        case!(
            "reply parser",
            "table rows between tabs",
            parse_reply,
            |n| { fill("1\tEnd of life\tYes\n", n).into_bytes() }
        ),
        case!("reply parser", "one endless tabbed row", parse_reply, |n| {
            fill("1\t", n).into_bytes()
        }),
        case!(
            "reply parser",
            "one-word answers on one line",
            parse_reply,
            |n| { fill("yes ", n).into_bytes() }
        ),
        case!(
            "reply parser",
            "answers after wrapped quoted headings",
            parse_reply,
            |n| {
                fill(
                    "> 1. Have you used ketamine to control intractable pain in end-of-life\n>    situations, in addition to strong opioids? No\n",
                    n,
                )
                .into_bytes()
            }
        ),
        case!(
            "reply parser",
            "initials marking answers",
            parse_reply,
            |n| { fill("Answer: [JC] yes\n", n).into_bytes() }
        ),
        case!("inspect", "answers typed after our subject", inspect, |n| {
            message(
                &format!(
                    "Subject: Re: Survey: ketamine use in specialist palliative care (5 minutes) - {}\r\n",
                    fill("1 yes, ", n)
                ),
                "text/plain",
                "see subject",
            )
        }),
        case!("reply parser", "spaced numbered pieces", parse_reply, |n| {
            fill("1 yes, ", n).into_bytes()
        }),
        case!(
            "reply parser",
            "an endless arrow below Answer:",
            parse_reply,
            |n| { format!("From: a\nSent: b\n\nAnswer:\n{}> x", fill("=", n)).into_bytes() }
        ),
        case!("reply parser", "a summary's exceptions", parse_reply, |n| {
            format!("yes to all but {}", fill("1 and ", n)).into_bytes()
        }),
        case!("reply parser", "misspelt yes", parse_reply, |n| {
            fill("1. yse\n", n).into_bytes()
        }),
        case!(
            "reply parser",
            "lines between a quoted heading and its Answer:",
            parse_reply,
            |n| {
                format!(
                    "> 1. Have you used ketamine to control intractable pain\n{}> Answer:\n",
                    fill("yes\n", n)
                )
                .into_bytes()
            }
        ),
        case!(
            "reply parser",
            "an answer after the question's own text",
            parse_reply,
            |n| {
                format!(
                    "6. Does your service have a written protocol for the use of ketamine? {}",
                    fill("yes ", n)
                )
                .into_bytes()
            }
        ),
        case!(
            "reply parser",
            "a bracketed writer's name",
            parse_reply,
            |n| { format!("> 4. How confident\n> Answer: [{}", fill("Clarke, ", n)).into_bytes() }
        ),
        case!(
            "reply parser",
            "a writer's name and organisation",
            parse_reply,
            |n| {
                format!(
                    "> 4. How confident\n> Answer: [CLARKE, Jack ({}",
                    fill("NHS ", n)
                )
                .into_bytes()
            }
        ),
        case!("reply parser", "answers with reasons", parse_reply, |n| {
            fill("1. yes - no ", n).into_bytes()
        }),
        case!(
            "reply parser",
            "a choice and its reason",
            parse_reply,
            |n| { format!("5. a - {}", fill("no b, ", n)).into_bytes() }
        ),
        // Whole messages: MIME and header decoding, auto-reply and
        // challenge checks, bounce bodies and their HTML, the reply.
        case!("message", "html body of &", inspect, |n| html(&fill(
            "&", n
        ))),
        case!("message", "html body of &ab ", inspect, |n| html(&fill(
            "&ab ", n
        ))),
        case!("message", "html body of &#", inspect, |n| html(&fill(
            "&#", n
        ))),
        case!(
            "message",
            "html body of nested <blockquote>",
            inspect,
            |n| { html(&fill("<blockquote>x", n)) }
        ),
        case!("message", "text body of one endless line", inspect, |n| {
            reply(&fill("yes ", n))
        }),
        case!(
            "message",
            "format=flowed body of soft line breaks",
            inspect,
            |n| {
                message(
                    "Subject: Re: the survey\r\n",
                    "text/plain; format=flowed; delsp=yes",
                    &fill("1. yes \r\n", n),
                )
            }
        ),
        case!("message", "challenge words", inspect, |n| {
            reply(&fill("prove you are human ", n))
        }),
        case!("message", "bounce: one line of addresses", inspect, |n| {
            bounce_message("text/plain", &fill("jane.doe@example.org ", n))
        }),
        case!("message", "bounce: blank lines", inspect, |n| {
            bounce_message("text/plain", &format!("{}Received: x", fill("\r\n\r\n", n)))
        }),
        case!(
            "message",
            "bounce: html of nested <blockquote>",
            inspect,
            |n| { bounce_message("text/html", &fill("<blockquote>x", n)) }
        ),
        case!("message", "bounce: html of &", inspect, |n| {
            bounce_message("text/html", &fill("&", n))
        }),
        case!("message", "encoded words in the subject", inspect, |n| {
            message(
                &format!("Subject: {}\r\n", fill("=?utf-8?q?=41?= ", n)),
                "text/plain",
                "yes",
            )
        }),
        case!("message", "one endless subject", inspect, |n| {
            message(
                &format!("Subject: {}\r\n", fill("Re: ", n)),
                "text/plain",
                "yes",
            )
        }),
        case!("message", "many headers", inspect, |n| {
            message(
                &fill("X-Auto-Response-Suppress: All\r\n", n),
                "text/plain",
                "yes",
            )
        }),
        case!("message", "many addresses", inspect, |n| {
            message(
                &format!("Cc: {}\r\n", fill("a@b.example, ", n)),
                "text/plain",
                "yes",
            )
        }),
        case!("message", "many parts", inspect, |n| {
            let part = "--b\r\nContent-Type: text/plain\r\n\r\nyes\r\n";
            let mut body = fill(part, n);
            body.push_str("--b--");
            message(
                "Subject: Re: x\r\n",
                "multipart/mixed; boundary=\"b\"",
                &body,
            )
        }),
    ]
}

/// The survey with a grid (question 4) and a ranking (question 6).
fn seed_full() -> &'static Survey {
    static SURVEY: std::sync::OnceLock<Survey> = std::sync::OnceLock::new();
    SURVEY.get_or_init(|| {
        Survey::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("config/seed-full.toml"))
            .expect("seed-full survey loads")
    })
}

fn parse_full_reply(raw: &[u8], _: &Survey) {
    std::hint::black_box(parse::parse_reply(text(raw), seed_full()));
}

/// `body` at the top and again below `question`'s quoted `Answer:`.
fn below(question: &str, body: String) -> Vec<u8> {
    format!("{body}\n\n> {question}\n> Answer:\n{body}\n").into_bytes()
}

/// A grid's and a ranking's answer below their quoted `Answer:` lines, or
/// listed at the top: the readers of items, letters, ranks and labels
/// (`understand::parse::value::grid`, `ranking`) at up to 1 MB.
pub fn grids() -> Vec<Case> {
    macro_rules! case {
        ($input:expr, |$n:ident| $make:expr) => {
            Case {
                reader: "grid and ranking",
                input: $input,
                make: |$n: usize| $make,
                read: parse_full_reply,
            }
        };
    }
    vec![
        case!("a) 4 on one line", |n| below(
            "4. How confident are you in each of these?",
            fill("a) 4 ", n)
        )),
        case!("a) 4 lines", |n| below(
            "4. How confident are you in each of these?",
            fill("a) 4\n", n)
        )),
        case!("dosing - 4, ", |n| below(
            "4. How confident are you in each of these?",
            fill("dosing - 4, ", n)
        )),
        case!("4 4 4 row", |n| below(
            "4. How confident are you in each of these?",
            fill("4 ", n)
        )),
        case!("a4 b3 words", |n| below(
            "4. How confident are you in each of these?",
            fill("a4 b3 ", n)
        )),
        case!("b > a > ", |n| below(
            "6. Rank these barriers from 1 (the biggest) to 4 (the smallest).",
            fill("b > a > ", n)
        )),
        case!("1. Lack of evidence lines", |n| below(
            "6. Rank these barriers from 1 (the biggest) to 4 (the smallest).",
            fill("1. Lack of evidence\n", n)
        )),
        case!("2 a) 1 b) letters and ranks", |n| below(
            "6. Rank these barriers from 1 (the biggest) to 4 (the smallest).",
            fill("2 a) 1 b) ", n)
        )),
        case!("a) <item label> 4 lines of ours", |n| below(
            "4. How confident are you in each of these?",
            fill("a) Choosing a starting dose 4\n", n)
        )),
        case!("a) <option label> 1 lines of ours", |n| below(
            "6. Rank these barriers from 1 (the biggest) to 4 (the smallest).",
            fill("b) Lack of evidence 1\n", n)
        )),
        case!("4 for all three", |n| below(
            "4. How confident are you in each of these?",
            fill("4 for all three ", n)
        )),
        case!("sorry, b) should be 2 lines", |n| format!(
            "4. a) 4, b) 3, c) 5\n{}",
            fill("Sorry, b) should be 2\n", n)
        )
        .into_bytes()),
        case!("listed 4. a) 4 at the top", |n| format!(
            "4. {}\n6. {}\n",
            fill("a) 4 ", n / 2),
            fill("b, ", n / 2)
        )
        .into_bytes()),
        // A gate's answer and the doctor's own sentences that may
        // contradict it (`understand::parse::deed`).
        Case {
            reader: "gate contradicted",
            input: "1. No, 12. I have used it, ...",
            make: |n| format!("1. No\n12. {}\n", fill("I have used it, ", n)).into_bytes(),
            read: parse_full_reply,
        },
        Case {
            reader: "gate contradicted",
            input: "1. Yes, 12. have have ... used it",
            make: |n| format!("1. Yes\n12. I {} never used it\n", fill("have ", n)).into_bytes(),
            read: parse_full_reply,
        },
        Case {
            reader: "gate contradicted",
            input: "1. No, 12. they used it, ...",
            make: |n| format!("1. No\n12. {}\n", fill("they used it, ", n)).into_bytes(),
            read: parse_full_reply,
        },
        Case {
            reader: "gate contradicted",
            input: "1. Yes, I never used it. lines",
            make: |n| format!("1. Yes\n{}", fill("I never used it myself.\n", n)).into_bytes(),
            read: parse_full_reply,
        },
    ]
}

/// The one-line forms of issue 21's fifth set (summaries with an aside
/// after a comma, numbered answers with any separator or none, struck-
/// through HTML, take-back verbs, limits, options copied with their
/// labels), each a whole line of its worst repetition, read through the
/// reply parser (or the whole message for HTML) at 64 KB and 1 MB in
/// every build. "5. a, a, a, …" took 30 s at 15 KB: every comma was
/// tried as the end of a summary, the rest of the line read again as its
/// aside.
pub fn one_line_forms() -> Vec<Case> {
    macro_rules! case {
        ($input:expr, $read:expr, |$n:ident| $make:expr) => {
            Case {
                reader: "reply parser",
                input: $input,
                make: |$n: usize| $make,
                read: $read,
            }
        };
    }
    vec![
        case!("5. a, a, a, ... (cuts before asides)", parse_reply, |n| {
            format!("5. {}", fill("a, ", n)).into_bytes()
        }),
        case!("a summary, then endless asides", parse_reply, |n| {
            format!("Yes to all, {}", fill("confidence 7, ", n)).into_bytes()
        }),
        case!("a summary's exceptions, then asides", parse_reply, |n| {
            format!("Yes to all except 2, {}", fill("3 - a; ", n)).into_bytes()
        }),
        case!("exceptions and their value", parse_reply, |n| {
            fill("Yes to all except 2 and 6 (both no), ", n).into_bytes()
        }),
        case!("pieces without separators", parse_reply, |n| {
            fill("1 y 2 n ", n).into_bytes()
        }),
        case!("pieces between semicolons", parse_reply, |n| {
            fill("1 yes; 2 - no; ", n).into_bytes()
        }),
        case!("pieces between slashes and pipes", parse_reply, |n| {
            fill("1 yes / 2 no | ", n).into_bytes()
        }),
        case!("values listed in sentences", parse_reply, |n| {
            fill("Yes to 1 and 3. No to 2. ", n).into_bytes()
        }),
        case!("take-back verbs", parse_reply, |n| {
            format!("Thanks,\n{}", fill("scrap 6 - cross out ", n)).into_bytes()
        }),
        case!("a use limited to one end", parse_reply, |n| {
            fill("I've only ever used it in the last days, ", n).into_bytes()
        }),
        case!("options copied with their labels", parse_reply, |n| {
            format!("5. {}", fill("(b) Lack of evidence; ", n)).into_bytes()
        }),
        case!("doubts about what the service has", parse_reply, |n| {
            format!("6. Yes\n{}", fill("not sure we have a protocol or ", n)).into_bytes()
        }),
        case!("a yes to something unfinished", parse_reply, |n| {
            format!("6. Yes, {}", fill("a draft not signed off, ", n)).into_bytes()
        }),
        case!("a yes said loosely", parse_reply, |n| {
            format!("6. Yes (sort of {}", fill("kind of sorta ", n)).into_bytes()
        }),
        case!("struck-through html", inspect, |n| {
            html(&fill(
                "<s>8</s> 6 <span style=\"text-decoration:line-through\">",
                n,
            ))
        }),
    ]
}

fn address_key(raw: &[u8], _: &Survey) {
    std::hint::black_box(mailsurvey::survey::address::key(text(raw)));
}

fn address_unicode(raw: &[u8], _: &Survey) {
    std::hint::black_box(mailsurvey::survey::address::unicode_domain(text(raw)));
}

/// Letters outside ASCII, each different from the last few: the worst
/// case of the IDNA (Punycode) encoding, whose work grows with the number
/// of distinct code points in a label.
fn varied(size: usize) -> String {
    let mut out = String::with_capacity(size + 4);
    let mut c = 0u32;
    while out.len() < size {
        out.push(char::from_u32(0x4e00 + c % 20_000).unwrap_or('ü'));
        c += 7;
    }
    out
}

/// The key of a doctor's address (`survey::address::key`: lowercase, the
/// domain in ASCII form) and its other spelling (`unicode_domain`), read
/// from a stranger's `From`, at up to 1 MB: a domain of one letter outside
/// ASCII, of many different ones, one of many labels, a long ASCII-form
/// label, and a local part with no domain.
pub fn addresses() -> Vec<Case> {
    vec![
        Case {
            reader: "address key",
            input: "dr@üüü…",
            make: |n| format!("dr@{}", fill("ü", n)).into_bytes(),
            read: address_key,
        },
        Case {
            reader: "address key",
            input: "dr@ many different letters",
            make: |n| format!("DR@{}.test", varied(n)).into_bytes(),
            read: address_key,
        },
        Case {
            reader: "address key",
            input: "dr@ü.ü.ü… many labels",
            make: |n| format!("dr@{}de", fill("ü.", n)).into_bytes(),
            read: address_key,
        },
        Case {
            reader: "address key",
            input: "@@@… no domain",
            make: |n| fill("Ü@", n).into_bytes(),
            read: address_key,
        },
        Case {
            reader: "address other spelling",
            input: "dr@xn--… a long ASCII-form label",
            make: |n| format!("dr@xn--{}", fill("a9b", n)).into_bytes(),
            read: address_unicode,
        },
        Case {
            reader: "address other spelling",
            input: "dr@xn--….xn--… many labels",
            make: |n| format!("dr@{}de", fill("xn--klinik-sd-x9a.", n)).into_bytes(),
            read: address_unicode,
        },
    ]
}
