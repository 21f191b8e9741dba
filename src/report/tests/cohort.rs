//! The seed study's cohort (`tests/fixtures/cohort.csv`, format in
//! `tests/fixtures/README.md`) through the whole report: the abstract's
//! figures must come out of the text, the JSON and the CSV.
//!
//! `MAILSURVEY_COHORT_OUT=DIR cargo test --lib report::tests::cohort` also writes
//! the four files to DIR (for `scripts/render-report`), and
//! `MAILSURVEY_BLESS=1` rewrites the golden files under `tests/golden/`
//! after an intended change.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use crate::report::figures::Outcome;
use crate::report::{LateReply, Report, ReportInput, Respondent, build};
use crate::survey::recipients::{self, Recipient};
use crate::survey::{QuestionKind, Survey};
use crate::understand::answer::{Answer, Value};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn survey() -> Survey {
    Survey::load(&root().join("config/example.toml")).expect("the example survey is valid")
}

/// Reads the cohort into respondents, answers as the parser would give them.
fn cohort(survey: &Survey, recipients: &[Recipient]) -> Vec<Respondent> {
    let mut reader = csv::Reader::from_path(root().join("tests/fixtures/cohort.csv")).unwrap();
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|record| {
            let record = record.unwrap();
            let field = |name: &str| {
                let i = headers
                    .iter()
                    .position(|h| h == name)
                    .unwrap_or_else(|| panic!("column {name}"));
                record.get(i).unwrap().to_owned()
            };
            let email = field("email");
            let person = recipients
                .iter()
                .find(|r| r.email == email)
                .expect("a listed recipient");
            let mut answers = BTreeMap::new();
            for q in &survey.questions {
                let raw = field(&q.id);
                let answer = match &q.kind {
                    QuestionKind::YesNo => Answer::ok(Value::Bool(raw == "yes"), &raw),
                    QuestionKind::Scale { .. } => {
                        Answer::ok(Value::Integer(raw.parse().unwrap()), &raw)
                    }
                    QuestionKind::MultipleChoice(options) => {
                        let ids = raw
                            .split(';')
                            .map(|letter| {
                                let index = (letter.as_bytes()[0] - b'a') as usize;
                                options[index].id.clone()
                            })
                            .collect();
                        let mut answer = Answer::ok(Value::Choices(ids), &raw);
                        let other = field(&format!("{}_other", q.id));
                        answer.other = (!other.is_empty()).then_some(other);
                        answer
                    }
                    QuestionKind::Text if raw.is_empty() => continue,
                    QuestionKind::Text => Answer::ok(Value::Text(raw.clone()), &raw),
                    kind => panic!("the cohort has no {kind:?} question"),
                };
                answers.insert(q.id.clone(), answer);
            }
            Respondent {
                name: person.name.clone(),
                email,
                attributes: person.attributes.clone(),
                answers,
                different_sender: false,
            }
        })
        .collect()
}

/// The seed study at the close: 60 invited, 59 delivered, 1 bounced.
fn input(survey: &Survey) -> ReportInput<'_> {
    let recipients = recipients::load(&survey.recipients_file).expect("the example list is valid");
    let respondents = cohort(survey, &recipients);
    ReportInput {
        survey,
        generated_at: "2026-12-31T17:00:00Z".parse().unwrap(),
        interim: false,
        invited: crate::report::Invited::of(&recipients, survey.report.breakdown.as_deref()),
        delivered: 59,
        bounced: 1,
        opted_out: 0,
        respondents,
        late: Vec::new(),
        clarifications_sent: 0,
        inferred_confirmed: 0,
        unverified_bounces: 0,
    }
}

/// The example survey, for the exports' tests.
pub(in crate::report) fn cohort_survey() -> Survey {
    survey()
}

/// The seed cohort at the close, for the exports' tests.
pub(in crate::report) fn cohort_input(survey: &Survey) -> ReportInput<'_> {
    input(survey)
}

fn golden(name: &str, actual: &[u8]) {
    let path = root().join("tests/golden").join(name);
    if std::env::var_os("MAILSURVEY_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with MAILSURVEY_BLESS=1 to create it",
            path.display()
        )
    });
    if expected != actual {
        let failed = path.with_extension("failed");
        std::fs::write(&failed, actual).unwrap();
        panic!(
            "{} differs from what the report renders now (written to {}); diff them, and if the change is meant, rerun with MAILSURVEY_BLESS=1",
            path.display(),
            failed.display()
        );
    }
}

fn report() -> (Survey, Report) {
    let survey = survey();
    let report = build(&input(&survey)).unwrap();
    if let Some(dir) = std::env::var_os("MAILSURVEY_COHORT_OUT") {
        report.write_to(Path::new(&dir)).unwrap();
    }
    (survey, report)
}

#[test]
fn the_text_report_shows_the_abstracts_figures() {
    let (_, report) = report();
    let text = &report.text;
    for expected in [
        "Responded       43 (43 complete, 0 partial)",
        "71.7% (43/60) of invited",
        "81.4% (35/43)",
        "60.5% (26/43)",
        "51.2% (22/43)",
        "mean 6.8",
        "range 3 to 10",
        "answers ranged from 3 to 10 (mean 6.8",
        "55.8% (24/43)",
        "44.2% (19/43)",
        "25.6% (11/43)",
        "32.6% (14/43)",
        "79.1% (34/43)",
        "95% CI 67.4-90.3",
        "Cost and availability in the community",
        "A regional guideline would help us all.",
    ] {
        assert!(
            text.contains(expected),
            "report.txt lacks {expected:?}:\n{text}"
        );
    }
    // The results paragraph quotes every percentage with its n.
    let results = &report.figures.results;
    for expected in [
        "43 doctors participated (response rate 71.7%, 43/60; 72.9% of the 59 reached).",
        "81.4% (35/43)",
        "60.5% (26/43)",
        "51.2% (22/43)",
        "mean 6.8",
        "55.8% (24/43)",
        "79.1% (34/43)",
    ] {
        assert!(
            results.contains(expected),
            "results lack {expected:?}: {results}"
        );
    }
    // No names anywhere when the survey does not allow them.
    assert!(!text.contains("Dr Jack Clarke") && !report.html.contains("Dr Jack Clarke"));
    assert!(
        !String::from_utf8_lossy(&report.read("responses.csv").unwrap()).contains("jack.clarke")
    );
    golden("cohort-report.txt", text.as_bytes());
}

#[test]
fn the_figures_are_the_seed_studys() {
    let (_, report) = report();
    let f = &report.figures;
    let p = &f.participation;
    assert_eq!(
        (
            p.invited,
            p.delivered,
            p.bounced,
            p.respondents,
            p.complete,
            p.partial
        ),
        (60, 59, 1, 43, 43, 0)
    );
    assert_eq!(p.response_rate.percent, Some(71.7));
    assert_eq!(p.response_rate_delivered.percent, Some(72.9));
    let yes = |id: &str| match &f.questions.iter().find(|q| q.id == id).unwrap().outcome {
        Outcome::YesNo { yes, .. } => (yes.count, yes.n, yes.percent.unwrap()),
        other => panic!("{id} is {other:?}"),
    };
    assert_eq!(yes("end_of_life"), (35, 43, 81.4));
    assert_eq!(yes("early_adjuvant"), (26, 43, 60.5));
    assert_eq!(yes("opioid_sparing"), (22, 43, 51.2));
    assert_eq!(yes("written_protocol"), (14, 43, 32.6));
    assert_eq!(yes("shared_guidance"), (14, 43, 32.6));
    assert_eq!(yes("training"), (34, 43, 79.1));
    assert_eq!(yes("research"), (34, 43, 79.1));
    let confidence = f.questions.iter().find(|q| q.id == "confidence").unwrap();
    let Outcome::Numeric {
        summary: Some(s),
        distribution,
    } = &confidence.outcome
    else {
        panic!("confidence has no summary")
    };
    assert_eq!((s.n, s.min, s.max), (43, 3.0, 10.0));
    assert!((s.mean * 43.0 - 292.0).abs() < 1e-9);
    assert_eq!(distribution.len(), 11, "one bar per scale value 0..=10");
    assert_eq!(
        distribution.iter().map(|b| b.share.count).sum::<usize>(),
        43
    );
    let barriers = f.questions.iter().find(|q| q.id == "barriers").unwrap();
    let Outcome::Choice {
        options,
        other_texts,
        ..
    } = &barriers.outcome
    else {
        panic!("barriers is not a choice")
    };
    let chosen: Vec<(&str, usize, f64)> = options
        .iter()
        .map(|o| (o.id.as_str(), o.share.count, o.share.percent.unwrap()))
        .collect();
    assert_eq!(
        chosen,
        [
            ("expertise", 24, 55.8),
            ("evidence", 19, 44.2),
            ("side_effects", 11, 25.6),
            ("none", 4, 9.3),
            ("other", 2, 4.7)
        ]
    );
    assert_eq!(other_texts.len(), 2);
    let comments = f.questions.iter().find(|q| q.id == "comments").unwrap();
    assert_eq!(comments.n, 7);
    // report.json carries the same figures.
    let json: serde_json::Value =
        serde_json::from_slice(&report.read("report.json").unwrap()).unwrap();
    assert_eq!(json["participation"]["response_rate"]["percent"], 71.7);
    assert_eq!(json["questions"][0]["outcome"]["yes"]["count"], 35);
    assert_eq!(json["questions"][0]["outcome"]["yes"]["ci_low"], 67.4);
    assert_eq!(json["questions"][0]["outcome"]["type"], "yes_no");
}

#[test]
fn responses_csv_reproduces_the_figures() {
    let (survey, report) = report();
    let csv_bytes = report.read("responses.csv").unwrap();
    let mut reader = csv::Reader::from_reader(csv_bytes.as_slice());
    let headers = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 43);
    let column = |name: &str| {
        let i = headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"));
        rows.iter().map(move |r| r.get(i).unwrap().to_owned())
    };
    assert_eq!(column("respondent").next().unwrap(), "R001");
    assert_eq!(column("respondent").next_back().unwrap(), "R043");
    let count = |name: &str, value: &str| column(name).filter(|v| v == value).count();
    for (id, yes) in [
        ("end_of_life", 35),
        ("early_adjuvant", 26),
        ("opioid_sparing", 22),
        ("written_protocol", 14),
        ("shared_guidance", 14),
        ("training", 34),
        ("research", 34),
    ] {
        assert_eq!(count(id, "1"), yes, "{id}");
        assert_eq!(count(id, "0"), 43 - yes, "{id}");
    }
    let confidence: Vec<i64> = column("confidence").map(|v| v.parse().unwrap()).collect();
    assert_eq!(confidence.iter().sum::<i64>(), 292);
    assert_eq!(
        (confidence.iter().min(), confidence.iter().max()),
        (Some(&3), Some(&10))
    );
    for (option, chosen) in [
        ("expertise", 24),
        ("evidence", 19),
        ("side_effects", 11),
        ("none", 4),
        ("other", 2),
    ] {
        assert_eq!(
            count(&format!("barriers_{option}"), "1"),
            chosen,
            "{option}"
        );
        assert_eq!(
            count(&format!("barriers_{option}"), "0"),
            43 - chosen,
            "{option}"
        );
    }
    assert_eq!(
        column("barriers_other_text")
            .filter(|t| !t.is_empty())
            .count(),
        2
    );
    assert_eq!(column("comments").filter(|t| !t.is_empty()).count(), 7);
    // The breakdown column is there, and every centre has its rows.
    assert_eq!(count("centre", "St Columba's Hospice"), 8);
    assert_eq!(headers.len(), 1 + 1 + survey.questions.len() - 1 + 6);
    golden(
        "cohort-responses.csv",
        &report.read("responses.csv").unwrap(),
    );
}

#[test]
fn the_exports_for_statistics_software_are_golden() {
    let (_, report) = report();
    let codebook = String::from_utf8(report.codebook_csv.clone()).unwrap();
    assert_eq!(
        codebook.lines().count(),
        1 + String::from_utf8_lossy(&report.read("responses.csv").unwrap())
            .lines()
            .next()
            .unwrap()
            .split(',')
            .count(),
        "a codebook row per column"
    );
    assert!(codebook.contains("barriers_expertise,barriers.expertise,5,"));
    // Stata is not here to run responses.do: its text is the test.
    for expected in [
        "import delimited using \"responses.csv\"",
        "bindquote(strict)",
        "label define yes_no 0 `\"no\"' 1 `\"yes\"' .a `\"not applicable\"' .b `\"prefer not to say\"'",
        "label values end_of_life yes_no",
        "mvdecode end_of_life",
    ] {
        assert!(
            report.responses_do.contains(expected),
            "responses.do lacks {expected}"
        );
    }
    golden("cohort-codebook.csv", &report.codebook_csv);
    golden("cohort-responses.R", report.responses_r.as_bytes());
    golden("cohort-responses.sps", report.responses_sps.as_bytes());
    golden("cohort-responses.do", report.responses_do.as_bytes());
}

#[test]
fn the_breakdown_hides_small_cells() {
    let (_, report) = report();
    let b = report
        .figures
        .breakdown
        .as_ref()
        .expect("the example breaks down by centre");
    assert_eq!(
        (b.attribute.as_str(), b.min_cell, b.groups.len()),
        ("centre", 5, 6)
    );
    let riverside = b
        .groups
        .iter()
        .find(|g| g.name == "Riverside Palliative Care Unit")
        .unwrap();
    assert_eq!(riverside.invited, 10);
    let responded = riverside.responded.share.as_ref().unwrap();
    assert_eq!((responded.count, responded.n), (7, 10));
    let column = |id: &str| b.questions.iter().position(|q| q.id == id).unwrap();
    // Riverside has a written protocol: 7 of 7, shown.
    let protocol = &riverside.yes[column("written_protocol")];
    assert!(!protocol.suppressed);
    assert_eq!(
        protocol.share.as_ref().map(|s| (s.count, s.n)),
        Some((7, 7))
    );
    // A centre split 6 to 1 would point at one person: hidden, in every rendering.
    for g in &b.groups {
        for (cell, q) in g.yes.iter().zip(&b.questions) {
            if let Some(s) = &cell.share {
                for part in [s.count, s.n - s.count] {
                    assert!(part == 0 || part >= 5, "{} {}: {part} shown", g.name, q.id);
                }
            }
        }
    }
    assert!(b.groups.iter().flat_map(|g| &g.yes).any(|c| c.suppressed));
    assert!(report.text.contains("<5"));
}

#[test]
fn partial_unclear_and_late_replies_are_counted_apart() {
    let survey = survey();
    let mut input = input(&survey);
    let listed = recipients::load(&survey.recipients_file).unwrap();
    // R001 left confidence unclear and skipped training.
    let first = &mut input.respondents[0];
    first.answers.insert(
        "confidence".into(),
        Answer::unclear("two values: 6 or 7", "6 or 7"),
    );
    first.answers.remove("training");
    first.different_sender = true;
    // Someone replied with nothing usable: not a respondent.
    input.respondents.push(Respondent {
        name: "Dr Nobody".into(),
        email: listed[50].email.clone(),
        attributes: listed[50].attributes.clone(),
        answers: BTreeMap::from([(
            "end_of_life".into(),
            Answer::unclear("yes and no", "yes and no"),
        )]),
        different_sender: false,
    });
    input.late.push(LateReply {
        name: "Dr Late".into(),
        email: listed[55].email.clone(),
        received_at: "2027-01-02T10:00:00Z".parse::<Timestamp>().unwrap(),
    });
    input.clarifications_sent = 3;
    input.unverified_bounces = 2;
    let report = build(&input).unwrap();
    let f = &report.figures;
    assert_eq!(
        (
            f.participation.respondents,
            f.participation.complete,
            f.participation.partial
        ),
        (43, 42, 1)
    );
    assert_eq!(f.participation.replied, 44);
    assert_eq!(f.participation.late.len(), 1);
    assert_eq!(
        f.participation.late[0].name, None,
        "no names unless allowed"
    );
    let confidence = f.questions.iter().find(|q| q.id == "confidence").unwrap();
    assert_eq!((confidence.n, confidence.unclear), (42, 1));
    let training = f.questions.iter().find(|q| q.id == "training").unwrap();
    assert_eq!((training.n, training.unanswered), (42, 1));
    assert_eq!(f.quality.unclear.len(), 2);
    assert_eq!(f.quality.unclear[0].respondent, "R001");
    assert_eq!(f.quality.unclear[1].respondent, "-");
    assert_eq!(
        (
            f.quality.different_sender,
            f.quality.clarifications_sent,
            f.quality.replied_without_valid_answer
        ),
        (1, 3, 1)
    );
    assert!(report.text.contains("n = 42 (1 unclear)"));
    assert!(
        report
            .text
            .contains("Unverified bounces (nothing of ours in them; nobody bounced): 2")
    );
    assert!(
        report
            .html
            .contains("Unverified bounces (nothing of ours in them; nobody bounced)")
    );
    assert!(
        report
            .text
            .contains("Late replies    1 (after the close; not counted)")
    );
    assert!(!report.text.contains("Dr Late"));
    // Unclear and unanswered cells are empty in the CSV.
    let csv = String::from_utf8(report.read("responses.csv").unwrap()).unwrap();
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let r001: Vec<&str> = csv.lines().nth(1).unwrap().split(',').collect();
    let cell = |id: &str| r001[header.iter().position(|h| *h == id).unwrap()];
    assert_eq!((cell("confidence"), cell("training")), ("", ""));
    assert_eq!(csv.lines().count(), 44, "header and 43 respondents");
}

#[test]
fn the_email_goes_to_every_lead_with_the_data_attached() {
    let (mut survey, report) = report();
    survey.leads.push(crate::survey::Person {
        name: "Dr Second Lead".into(),
        email: "second@survey.test".into(),
    });
    let draft = crate::report::draft(&survey, &report).unwrap();
    assert_eq!(draft.to.email.to_string(), "lead@survey.test");
    assert_eq!(draft.cc.len(), 1);
    assert_eq!(draft.message_id, "report.ketamine-2026@survey.test");
    assert!(
        draft.subject.contains("43 of 60 responded, 71.7%"),
        "{}",
        draft.subject
    );
    let names: Vec<&str> = draft.attachments.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "responses.csv",
            "codebook.csv",
            "responses.R",
            "responses.sps",
            "responses.do",
            "report.json"
        ]
    );
    let sent = crate::compose::compose(draft, report.generated_at).unwrap();
    assert_eq!(sent.envelope_to.len(), 2);
    let raw = String::from_utf8_lossy(&sent.bytes);
    for header in [
        "Auto-Submitted: auto-generated",
        "Cc: \"Dr Second Lead\" <second@survey.test>",
        "multipart/alternative",
        "multipart/mixed",
        "filename=\"responses.csv\"",
        "filename=\"report.json\"",
        "filename=\"codebook.csv\"",
        "filename=\"responses.sps\"",
    ] {
        assert!(raw.contains(header), "the message lacks {header}");
    }
}

#[test]
fn the_html_is_email_safe() {
    let (_, report) = report();
    let html = report.html.to_lowercase();
    for banned in [
        "<script", "<style", "<img", "<link", "http://", "https://", "src=", "url(",
    ] {
        assert!(!html.contains(banned), "report.html contains {banned}");
    }
    for expected in ["81.4%", "71.7%", "55.8%", "(35/43)", "max-width:680px"] {
        assert!(html.contains(expected), "report.html lacks {expected}");
    }
    golden("cohort-report.html", report.html.as_bytes());
}

#[test]
fn an_interim_report_before_any_reply_is_still_a_report() {
    let survey = survey();
    let mut input = input(&survey);
    input.respondents.clear();
    input.interim = true;
    let report = build(&input).unwrap();
    let f = &report.figures;
    assert_eq!(
        (
            f.participation.respondents,
            f.participation.response_rate.percent
        ),
        (0, Some(0.0))
    );
    assert!(
        f.results
            .starts_with("Interim results: 0 doctors participated"),
        "{}",
        f.results
    );
    assert!(f.questions.iter().all(|q| q.n == 0));
    assert!(report.text.starts_with("Ketamine"));
    assert!(report.text.contains("Interim report"));
    // Every centre responded 0 of 10: zero identifies nobody, so it shows.
    let b = f.breakdown.as_ref().unwrap();
    assert!(b.groups.iter().all(|g| !g.responded.suppressed));
    assert_eq!(
        String::from_utf8(report.read("responses.csv").unwrap())
            .unwrap()
            .lines()
            .count(),
        1
    );
    let draft = crate::report::draft(&survey, &report).unwrap();
    assert!(draft.subject.starts_with("Interim report:"));
    assert_ne!(draft.message_id, "report.ketamine-2026@survey.test");
}
