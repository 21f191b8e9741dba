//! The reply corpus: every `tests/fixtures/replies/NAME.eml` beside the
//! expected `NAME.json`, run through `inspect`. Prints per-answer counts of
//! correct, unclear, wrong and missed, and the answers read, certain and
//! inferred apart; writes `NAME.failed` (what was found) beside any case
//! that does not match; fails on any wrong value (an inferred value that
//! differs from the expected one is wrong too), any wrong kind, token or
//! bounced recipient, too few cases, inferred answers over a quarter of
//! those read, or a share of answers read below [`RATCHET`].
//!
//! Also replays the fuzz corpus (`fuzz/corpus/inspect/*`): no input panics;
//! and the `reply_path` seeds (`fuzz/corpus/reply_path/*`) through the
//! whole reply path (`mailsurvey::decide::fuzzing`).

use std::path::{Path, PathBuf};

use mailsurvey::survey::Survey;
use mailsurvey::understand::inspect::inspect;
use serde_json::Value;

fn survey() -> Survey {
    survey_at("config/example.toml")
}

fn survey_at(file: &str) -> Survey {
    Survey::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join(file))
        .unwrap_or_else(|e| panic!("{file} loads: {e}"))
}

/// The corpus's sets: the replies to the example survey, and those to the
/// seed survey with its conditions and its allowed "not applicable" and
/// "prefer not to say", and those to the seed survey with every type of
/// issue 22 (`seed-full`), and those to a short survey with a choice grid
/// (`choice-grid`, its survey file beside its cases), each read against
/// its own survey file.
const SETS: [(&str, &str); 4] = [
    ("tests/fixtures/replies", "config/example.toml"),
    (
        "tests/fixtures/replies/seed-conditions",
        "config/seed-conditions.toml",
    ),
    ("tests/fixtures/replies/seed-full", "config/seed-full.toml"),
    (
        "tests/fixtures/replies/choice-grid",
        "tests/fixtures/replies/choice-grid/survey.toml",
    ),
];

fn files(dir: &str, ext: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| ext.is_empty() || p.extension().is_some_and(|e| e == ext))
        .collect();
    found.sort();
    found
}

/// The share of expected answers read correctly (certain or inferred) that
/// this corpus reached; the test fails below it, so the parser cannot
/// silently regress. Raise it when the parser improves. One value is a
/// known miss (3,436 of 3,437): in `seed-full/dash_for_not_applicable_terse_list_gmail_android`
/// a terse list's "11 6" after 10 was skipped (not applicable to a doctor
/// who never used ketamine) is not read yet.
const RATCHET: f64 = 0.9997;

/// Inferred answers may be at most this share of the answers read: the
/// parser must mostly be certain, not ask for confirmations.
const MAX_INFERRED_SHARE: f64 = 0.25;

#[derive(Default)]
struct Score {
    correct: usize,
    unclear: usize,
    wrong: usize,
    missed: usize,
    /// Answers read with a value, by how sure the parser was.
    certain: usize,
    inferred: usize,
    /// Expected answers with a value (ok or inferred), and how many of
    /// them were read with that value.
    with_value: usize,
    read: usize,
    /// Expected "not applicable" or "prefer not to say" answers, and how
    /// many were read as that.
    reserved: usize,
    reserved_read: usize,
}

#[test]
fn reply_corpus() {
    let mut score = Score::default();
    let mut cases = 0;
    let mut case_errors = Vec::new();
    for (dir, file) in SETS {
        let before = (cases, score.reserved, score.reserved_read, score.wrong);
        cases += read_set(dir, &survey_at(file), &mut score, &mut case_errors);
        println!(
            "{dir} ({file}): {} cases, {} wrong; not applicable / prefer not to say: {} of {} read",
            cases - before.0,
            score.wrong - before.3,
            score.reserved_read - before.2,
            score.reserved - before.1
        );
    }
    report(cases, &score, &case_errors);
}

/// Reads every case of `dir` against `survey` into `score`; returns how
/// many cases there were.
fn read_set(dir: &str, survey: &Survey, score: &mut Score, case_errors: &mut Vec<String>) -> usize {
    let mut cases = 0;
    for eml in files(dir, "eml") {
        cases += 1;
        let name = eml
            .file_stem()
            .expect("file name")
            .to_string_lossy()
            .into_owned();
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(eml.with_extension("json"))
                .expect("NAME.json beside NAME.eml"),
        )
        .expect("expected JSON parses");
        let raw = std::fs::read(&eml).expect("read eml");
        let found = inspect(&raw, survey);
        let actual = serde_json::to_value(&found).expect("serialises");
        let mut problems = Vec::new();
        for field in ["kind", "token", "bounced_recipient", "missing"] {
            if expected[field] != actual[field] {
                // A question missing only because its expected answer was
                // missed is counted as a miss below, not a wrong case.
                let explained = field == "missing"
                    && expected[field].as_array().is_some_and(|want| {
                        actual[field].as_array().is_some_and(|got| {
                            want.iter().all(|q| got.contains(q))
                                && got.iter().all(|q| {
                                    want.contains(q)
                                        || q.as_str().is_some_and(|q| {
                                            expected["answers"].get(q).is_some()
                                                && actual["answers"].get(q).is_none()
                                        })
                                })
                        })
                    });
                problems.push(format!(
                    "{field}: {}expected {}, found {}",
                    if explained { "(missed answers) " } else { "" },
                    expected[field],
                    actual[field]
                ));
            }
        }
        let no_answers = serde_json::Map::new();
        let want = expected["answers"].as_object().unwrap_or(&no_answers);
        let got = actual["answers"].as_object().unwrap_or(&no_answers);
        let has_value = |a: &Value| a["status"] == "ok" || a["status"] == "inferred";
        for (id, w) in want {
            let wanted_value = has_value(w);
            if wanted_value {
                score.with_value += 1;
            }
            if w["value"].get("reserved").is_some() {
                score.reserved += 1;
                if got.get(id).is_some_and(|g| g["value"] == w["value"]) {
                    score.reserved_read += 1;
                }
            }
            match got.get(id) {
                None => {
                    score.missed += 1;
                    problems.push(format!("{id}: missed (expected {w})"));
                }
                Some(g) => {
                    let same_status = g["status"] == w["status"];
                    let same_value = g["value"] == w["value"];
                    let same_other = w.get("other").is_none_or(|o| *o == g["other"]);
                    if g["status"] == "ok" {
                        score.certain += 1;
                    } else if g["status"] == "inferred" {
                        score.inferred += 1;
                    }
                    if has_value(g) && !(wanted_value && same_value && same_other) {
                        score.wrong += 1;
                        problems.push(format!("{id}: WRONG {g} (expected {w})"));
                    } else if same_status && same_value && same_other {
                        score.correct += 1;
                        if wanted_value {
                            score.read += 1;
                        }
                    } else {
                        if has_value(g) {
                            // The right value, but certain where inferred was
                            // expected or the other way round.
                            score.read += 1;
                        }
                        score.unclear += 1;
                        problems.push(format!("{id}: {} (expected {w})", g));
                    }
                }
            }
        }
        for (id, g) in got {
            if !want.contains_key(id) {
                if has_value(g) {
                    score.wrong += 1;
                    problems.push(format!("{id}: WRONG, not expected at all: {g}"));
                } else {
                    score.unclear += 1;
                    problems.push(format!("{id}: not expected: {g}"));
                }
            }
        }
        let failed = eml.with_extension("failed");
        if problems.is_empty() {
            let _ = std::fs::remove_file(&failed);
        } else {
            let report = format!("{}\n\nfound:\n{}\n", problems.join("\n"), found.to_json());
            std::fs::write(&failed, report).expect("write NAME.failed");
            if problems.iter().any(|p| {
                !p.contains(": missed")
                    && !p.contains("(expected")
                    && !p.contains("(missed answers)")
            }) || problems.iter().any(|p| p.contains("WRONG"))
            {
                case_errors.push(format!("{name}: {}", problems.join("; ")));
            } else {
                eprintln!("{name}: {}", problems.join("; "));
            }
        }
    }
    cases
}

/// Prints the corpus's figures and fails on what must not happen.
fn report(cases: usize, score: &Score, case_errors: &[String]) {
    let total = score.correct + score.unclear + score.wrong + score.missed;
    println!(
        "reply corpus: {cases} cases, {total} answers: {} correct, {} unclear, {} wrong, {} missed",
        score.correct, score.unclear, score.wrong, score.missed
    );
    let read_share = score.read as f64 / score.with_value.max(1) as f64;
    let inferred_share = score.inferred as f64 / (score.certain + score.inferred).max(1) as f64;
    println!(
        "answers read: {} certain, {} inferred ({:.1}% inferred, at most {:.0}%); \
         {} of {} expected values read = {:.1}% (ratchet {:.1}%)",
        score.certain,
        score.inferred,
        inferred_share * 100.0,
        MAX_INFERRED_SHARE * 100.0,
        score.read,
        score.with_value,
        read_share * 100.0,
        RATCHET * 100.0
    );
    for error in case_errors {
        println!("  {error}");
    }
    assert!(cases > 40, "only {cases} cases ran");
    assert!(
        inferred_share <= MAX_INFERRED_SHARE,
        "inferred answers are {:.1}% of those read, over {:.0}%",
        inferred_share * 100.0,
        MAX_INFERRED_SHARE * 100.0
    );
    assert!(
        read_share >= RATCHET,
        "answers read fell to {:.1}%, below the ratchet of {:.1}%",
        read_share * 100.0,
        RATCHET * 100.0
    );
    assert_eq!(score.wrong, 0, "wrong answers: see the .failed files");
    assert!(
        case_errors.is_empty(),
        "{} case(s) with a wrong kind, token, recipient or value",
        case_errors.len()
    );
}

#[test]
fn fuzz_corpus_replays_without_panics() {
    let survey = survey();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/inspect");
    let mut inputs: Vec<Vec<u8>> = files("tests/fixtures/replies", "eml")
        .iter()
        .map(|p| std::fs::read(p).expect("read"))
        .collect();
    if dir.is_dir() {
        inputs.extend(
            files("fuzz/corpus/inspect", "")
                .iter()
                .map(|p| std::fs::read(p).expect("read")),
        );
    }
    // Truncations and damage of real messages, as a fuzzer would try.
    let seeds = inputs.clone();
    for raw in seeds.iter().take(20) {
        for cut in [1, 7, raw.len() / 3, raw.len() / 2] {
            inputs.push(raw[..cut.min(raw.len())].to_vec());
        }
        inputs.push(
            raw.iter()
                .map(|b| if *b == b'\n' { b'>' } else { *b })
                .collect(),
        );
    }
    for raw in &inputs {
        let inspection = inspect(raw, &survey);
        let _ = inspection.to_json();
        let _ = inspection.summary(&survey);
    }
    assert!(inputs.len() > 40);
}

/// The seeds of the `reply_path` fuzz target through its harness: each
/// message from its sender to its plus-address is stored and processed
/// through the real ingest path, ends processed or set aside with a reason,
/// and a genuine reply after it is still processed.
#[test]
fn reply_path_seeds_replay_through_the_whole_reply_path() {
    let seeds: Vec<Vec<u8>> = files("fuzz/corpus/reply_path", "")
        .iter()
        .map(|p| std::fs::read(p).expect("read"))
        .collect();
    assert!(seeds.len() >= 5, "the reply_path seeds are there");
    let mut inputs = seeds.clone();
    // Cut short and with no input at all, as a fuzzer would try.
    inputs.push(Vec::new());
    for raw in &seeds {
        inputs.push(raw[..raw.len() / 2].to_vec());
    }
    for (i, raw) in inputs.iter().enumerate() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let mut harness = mailsurvey::decide::fuzzing::ReplyPath::new(survey(), dir.path())
            .expect("the harness's store opens");
        harness
            .run(raw)
            .unwrap_or_else(|e| panic!("input {i}: {e}"));
    }
}
