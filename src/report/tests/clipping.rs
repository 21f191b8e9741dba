//! Gmail clips an HTML part over 102 KB: a national survey's report, with
//! thousands of long free-text answers, must still arrive whole. The
//! report is built, drafted and composed as the daemon does it, and the
//! HTML part measured in the message as sent.

use crate::report::html::HTML_LIMIT;
use crate::report::tests::cohort::{cohort_input, cohort_survey};
use crate::report::{build, draft};
use crate::understand::answer::{Answer, Value};

/// Gmail's clipping limit, in bytes of the HTML part.
const GMAIL_CLIPS_OVER: usize = 102 * 1024;

/// A comment of about 800 characters; every other one in words whose
/// every byte quoted-printable must escape (accents, `=`, a symbol), so
/// the transfer encoding grows the part as much as it can.
fn comment(k: usize) -> String {
    let words = if k.is_multiple_of(2) {
        "Ärztliche Übergabe à domicile = schwierig ☺ "
    } else {
        "We would welcome a regional protocol with doses for the community teams. "
    };
    format!("({k}) {}", words.repeat(800 / words.len() + 1))
}

/// The bytes of the message's text/html part as transmitted (still in
/// its transfer encoding), up to the next boundary.
fn html_part_as_sent(message: &[u8]) -> &[u8] {
    let text = message;
    let find = |from: usize, needle: &[u8]| {
        text[from..]
            .windows(needle.len())
            .position(|w| w == needle)
            .map(|p| p + from)
    };
    let header = find(0, b"Content-Type: text/html").expect("an HTML part");
    let body = find(header, b"\r\n\r\n").expect("the part's body") + 4;
    let end = find(body, b"\r\n--").expect("the part's boundary");
    &text[body..end]
}

#[test]
fn a_report_with_thousands_of_long_comments_stays_under_gmails_clipping_limit() {
    let survey = cohort_survey();
    let mut input = cohort_input(&survey);
    let seed = input.respondents.clone();
    let total = 3000;
    input.respondents = (0..total)
        .map(|k| {
            let mut person = seed[k % seed.len()].clone();
            person.email = format!("dr{k}@national.test");
            person.answers.insert(
                "comments".into(),
                Answer::ok(Value::Text(comment(k)), "10. a comment"),
            );
            person
        })
        .collect();
    let report = build(&input).unwrap();
    assert!(
        report.html.len() <= HTML_LIMIT,
        "report.html is {} bytes",
        report.html.len()
    );

    // The email says how many answers it leaves out, and where they are.
    let html = &report.html;
    let title = html
        .split("Every answer, verbatim (the first ")
        .nth(1)
        .expect("the comments are cut, and say so");
    let (shown, rest) = title.split_once(" of ").unwrap();
    let shown: usize = shown.parse().unwrap();
    let of: usize = rest.split(')').next().unwrap().parse().unwrap();
    assert_eq!(of, total, "{title:.80}");
    assert!(shown > 10, "only {shown} comments fit");
    let left = total - shown;
    // 3,000 comments make the data files larger than an email should
    // carry as they are: they go zipped, and the note says so.
    assert_eq!(report.delivery(), crate::report::Delivery::Zipped);
    assert!(
        html.contains(&format!(
            "and {left} more answers, not shown here so that this email stays under Gmail's clipping limit: every answer is in responses.csv and report.json in the attached report.zip."
        )),
        "the note on the {left} comments not shown"
    );
    assert_eq!(
        html.matches("(2999) ").count() + html.matches("(0) ").count(),
        1
    );

    // Every one of them is in the attachment.
    let csv = String::from_utf8(report.read("responses.csv").unwrap()).unwrap();
    for k in [0, 1, shown, total - 1] {
        assert!(
            csv.contains(&format!("({k}) ")),
            "comment {k} in responses.csv"
        );
    }

    // The part as sent, in its transfer encoding, is under the limit, and
    // it decodes to the report's HTML.
    let sent =
        crate::compose::compose(draft(&survey, &report).unwrap(), report.generated_at).unwrap();
    let part = html_part_as_sent(&sent.bytes);
    assert!(
        part.len() < GMAIL_CLIPS_OVER,
        "the HTML part is {} bytes as sent",
        part.len()
    );
    let parsed = mail_parser::MessageParser::default()
        .parse(&sent.bytes)
        .unwrap();
    assert_eq!(
        parsed.body_html(0).unwrap().replace("\r\n", "\n"),
        report.html.replace("\r\n", "\n")
    );
}

#[test]
fn a_report_that_fits_shows_every_answer() {
    let survey = cohort_survey();
    let report = build(&cohort_input(&survey)).unwrap();
    assert!(report.html.contains("Every answer, verbatim</div>"));
    assert!(!report.html.contains("not shown here"));
}
