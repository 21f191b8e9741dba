//! The bounce corpus: every `tests/fixtures/bounces/NAME.eml` beside the
//! expected `NAME.json` (`system`, `kind`, `bounced_recipients`,
//! `bounce_kind`), run through `inspect`. Prints, per expected kind, how
//! many were detected and, for bounces, how many named exactly the right
//! failed recipients; fails on any case that does not match, and above all
//! on any human reply called automatic or any delay called a bounce.
//!
//! `bounce_collection` (ignored: it needs a directory from outside the
//! repository) scores a public collection of real bounces the same way:
//! `MAILSURVEY_BOUNCE_SET=DIR cargo test --test bounces -- --ignored
//! --nocapture`, where `DIR` holds `*.eml` and `labels.jsonl` (one line per
//! file: `{"file": ..., "results": [{"recipient", "action", ...}]}`, as the
//! sisimai library reports them; see `scripts/label-bounces`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use mailsurvey::survey::Survey;
use mailsurvey::understand::inspect::inspect;
use serde_json::Value;

fn survey() -> Survey {
    Survey::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("config/example.toml"))
        .expect("example survey loads")
}

fn emls(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "eml"))
        .collect();
    found.sort();
    found
}

/// What a case should come out as.
#[derive(Debug, Clone, PartialEq)]
struct Expected {
    kind: String,
    recipients: Vec<String>,
    bounce_kind: Option<String>,
}

/// Counts per expected kind.
#[derive(Default, Debug)]
struct Tally {
    cases: usize,
    detected: usize,
    right_recipient: usize,
}

#[derive(Default)]
struct Score {
    by_kind: BTreeMap<String, Tally>,
    /// Human replies called automatic or a bounce.
    replies_called_automatic: Vec<String>,
    /// Delays or sender-side refusals called a bounce.
    delays_called_bounce: Vec<String>,
    problems: Vec<String>,
}

fn label(expected: &Expected) -> String {
    match (expected.kind.as_str(), expected.bounce_kind.as_deref()) {
        ("bounce", _) => "bounce".into(),
        ("auto_reply", Some("soft")) => "delay".into(),
        ("auto_reply", Some("sender")) => "sender_refusal".into(),
        (kind, _) => kind.into(),
    }
}

impl Score {
    fn add(&mut self, name: &str, expected: &Expected, actual: &Value) {
        let kind = actual["kind"].as_str().unwrap_or("").to_owned();
        let bounce_kind = actual["bounce_kind"].as_str().map(str::to_owned);
        let mut recipients: Vec<String> = actual["bounced_recipients"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_ascii_lowercase))
                    .collect()
            })
            .unwrap_or_default();
        recipients.sort();
        let mut want = expected.recipients.clone();
        want.sort();
        let class = label(expected);
        let tally = self.by_kind.entry(class.clone()).or_default();
        tally.cases += 1;
        let detected = kind == expected.kind
            && (expected.kind != "auto_reply"
                || expected.bounce_kind.is_none()
                || bounce_kind == expected.bounce_kind);
        if detected {
            tally.detected += 1;
        }
        let right = detected && (expected.kind != "bounce" || recipients == want);
        if right {
            tally.right_recipient += 1;
        } else {
            self.problems.push(format!(
                "{name}: expected {class} {want:?}, found {kind} ({}) {recipients:?}",
                bounce_kind.as_deref().unwrap_or("-")
            ));
        }
        if expected.kind == "reply" && kind != "reply" && kind != "unsubscribe" {
            self.replies_called_automatic.push(name.to_owned());
        }
        if class != "bounce" && kind == "bounce" && expected.kind != "reply" {
            self.delays_called_bounce.push(name.to_owned());
        }
    }

    fn print(&self, title: &str) {
        println!("{title}:");
        for (kind, t) in &self.by_kind {
            println!(
                "  {kind:<15} {:>4} cases, {:>4} detected ({:.1}%), {:>4} with the right recipient(s) ({:.1}%)",
                t.cases,
                t.detected,
                percent(t.detected, t.cases),
                t.right_recipient,
                percent(t.right_recipient, t.cases)
            );
        }
        println!(
            "  human replies called automatic: {}; delays or sender refusals called a bounce: {}",
            self.replies_called_automatic.len(),
            self.delays_called_bounce.len()
        );
        for p in &self.problems {
            println!("  {p}");
        }
    }
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

#[test]
fn bounce_corpus() {
    let survey = survey();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bounces");
    let mut score = Score::default();
    let mut systems = std::collections::BTreeSet::new();
    for eml in emls(&dir) {
        let name = eml
            .file_stem()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let json: Value = serde_json::from_str(
            &std::fs::read_to_string(eml.with_extension("json"))
                .expect("NAME.json beside NAME.eml"),
        )
        .expect("expected JSON parses");
        let expected = Expected {
            kind: json["kind"].as_str().expect("kind").to_owned(),
            recipients: json["bounced_recipients"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(str::to_ascii_lowercase))
                        .collect()
                })
                .unwrap_or_default(),
            bounce_kind: json["bounce_kind"].as_str().map(str::to_owned),
        };
        systems.insert(json["system"].as_str().unwrap_or("?").to_owned());
        let found = inspect(&std::fs::read(&eml).expect("read"), &survey);
        let actual = serde_json::to_value(&found).expect("serialises");
        score.add(&name, &expected, &actual);
    }
    score.print(&format!("bounce corpus ({} systems)", systems.len()));
    let cases: usize = score.by_kind.values().map(|t| t.cases).sum();
    assert!(cases >= 40, "only {cases} cases");
    assert!(
        score.replies_called_automatic.is_empty(),
        "human replies called automatic: {:?}",
        score.replies_called_automatic
    );
    assert!(
        score.delays_called_bounce.is_empty(),
        "delays or sender refusals called a bounce: {:?}",
        score.delays_called_bounce
    );
    assert!(
        score.problems.is_empty(),
        "{} case(s) wrong",
        score.problems.len()
    );
}

/// What the labels say a collection file is: a bounce with its failed
/// recipients, a delay (sisimai says "delayed" and the message declares
/// itself a warning: see `scripts/label-bounces`), or something else (feedback reports, auto-replies,
/// delivered notices). `None` when the labeller found nothing at all.
fn expected_from_label(results: &[Value], warning: bool) -> Option<Expected> {
    if results.is_empty() {
        return None;
    }
    let action = |r: &Value| r["action"].as_str().unwrap_or("").to_owned();
    let reason = |r: &Value| r["reason"].as_str().unwrap_or("").to_owned();
    let failed: Vec<String> = results
        .iter()
        .filter(|r| {
            action(r) == "failed"
                || (action(r) == "delayed" && !warning)
                || (action(r).is_empty()
                    && !["feedback", "vacation", "delivered"].contains(&reason(r).as_str()))
        })
        .filter_map(|r| r["recipient"].as_str().map(str::to_ascii_lowercase))
        .collect();
    if warning {
        return Some(Expected {
            kind: "auto_reply".into(),
            recipients: Vec::new(),
            bounce_kind: Some("soft".into()),
        });
    }
    if !failed.is_empty() {
        let mut unique = failed;
        unique.dedup();
        return Some(Expected {
            kind: "bounce".into(),
            recipients: unique,
            bounce_kind: Some("hard".into()),
        });
    }
    if results.iter().any(|r| action(r) == "delayed") {
        return Some(Expected {
            kind: "auto_reply".into(),
            recipients: Vec::new(),
            bounce_kind: Some("soft".into()),
        });
    }
    Some(Expected {
        kind: "not_a_bounce".into(),
        recipients: Vec::new(),
        bounce_kind: None,
    })
}

#[test]
#[ignore = "needs MAILSURVEY_BOUNCE_SET, a labelled collection outside the repository"]
fn bounce_collection() {
    let dir = PathBuf::from(
        std::env::var("MAILSURVEY_BOUNCE_SET")
            .expect("MAILSURVEY_BOUNCE_SET=DIR with *.eml and labels.jsonl"),
    );
    let survey = survey();
    let labels: BTreeMap<String, (Vec<Value>, bool)> =
        std::fs::read_to_string(dir.join("labels.jsonl"))
            .expect("labels.jsonl")
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let v: Value = serde_json::from_str(l).expect("label line parses");
                (
                    v["file"].as_str().expect("file").to_owned(),
                    (
                        v["results"].as_array().cloned().unwrap_or_default(),
                        v["warning"].as_bool().unwrap_or(false),
                    ),
                )
            })
            .collect();
    let mut score = Score::default();
    let mut unlabelled = 0;
    for eml in emls(&dir) {
        let name = eml
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let Some(expected) = labels
            .get(&name)
            .and_then(|(r, warning)| expected_from_label(r, *warning))
        else {
            unlabelled += 1;
            continue;
        };
        let found = inspect(&std::fs::read(&eml).expect("read"), &survey);
        let mut actual = serde_json::to_value(&found).expect("serialises");
        if expected.kind == "not_a_bounce" && actual["kind"] != "bounce" {
            actual["kind"] = Value::from("not_a_bounce");
        }
        score.add(&name, &expected, &actual);
    }
    score.print(&format!(
        "collection {} ({unlabelled} files the labeller found nothing in, not scored)",
        dir.display()
    ));
}
