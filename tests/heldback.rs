//! The held-back reply sets: every `NAME.eml` beside its expected
//! `NAME.json` (the format of `tests/fixtures/replies/`) in
//! `tests/fixtures/heldback/` (issue 21, first half), `heldback21b/`
//! (issue 21, second half) and `heldback22/` (issue 22's question types),
//! run through `inspect` against the survey each set was written for.
//!
//! Each set was written by hand, in real clients' MIME, quoting and
//! wrapping, by someone who had not seen the parser's rules for its issue,
//! while those rules were being written, and scored once, unchanged, at the
//! end (the score is recorded in the set's README). They stay apart from
//! the reply corpus so that its ratchet keeps measuring the cases the rules
//! were built on; this test scores them the way `tests/corpus.rs` scores
//! that corpus: an expected value is read when the parser finds that value,
//! certain or inferred; a value found that differs from the expected one
//! (or where none was expected) is wrong.
//!
//! Fails when a wrong value appears that is not among its set's known
//! failures, when a case's kind or token is wrong, and when the share of
//! expected values read falls below the set's ratchet.
//! `cargo test --test heldback -- --nocapture` prints each score and every
//! answer not read as expected.

use std::path::{Path, PathBuf};

use mailsurvey::survey::Survey;
use mailsurvey::understand::inspect::inspect;
use serde_json::Value;

/// A held-back set: where it is, what it answers, and what its scoring
/// found.
struct Set {
    /// What the printout calls it.
    name: &'static str,
    /// Its folder under `tests/fixtures/`.
    dir: &'static str,
    /// The survey file its replies answer.
    survey: &'static str,
    /// How many cases it has.
    cases: usize,
    /// The share of expected values read (certain or inferred) when it was
    /// scored, raised as the parser improves; never lower it to make a
    /// change pass.
    ratchet: f64,
    /// The wrong values found when it was scored, as (case, question):
    /// known failures, listed so that no new wrong value can join them
    /// unnoticed. Remove an entry once its case is read right.
    known_wrong: &'static [(&'static str, &'static str)],
}

/// Issue 21's first half: 323 of 405 when scored; 403 of 405 once its
/// seven wrong values and its misses were fixed (each form first as a case
/// of the reply corpus).
const FIRST_HALF_21: Set = Set {
    name: "issue 21, first half",
    dir: "tests/fixtures/heldback",
    survey: "config/example.toml",
    cases: 48,
    ratchet: 0.995,
    known_wrong: &[],
};

/// Issue 21's second half, written while the rules of its first half's
/// fixes were being written, scored once at the end: 386 of 497, 10 wrong
/// (the README there gives each). 428 of 497 (86.1%) once tables pasted
/// with tabs or in HTML cells, codes between slashes, "yes to 1-3 and 6"
/// lists, "everything is a no except ..." and one-word answers in order on
/// one line were read (each form first as a corpus case of our own); 455
/// (91.5%) with comment marking by initials, answers typed below quoted
/// `Answer:` lines under "-----Original Message-----" and answers typed
/// after a quoted (wrapped) heading; then bottom-posting, answers typed
/// in the subject line and "1 yes, 2 no, 3 yes".
/// The wrong values then fixed (each form first as a corpus case of our
/// own, in its own words): 466 of 497 (93.8%), 0 wrong; with both, 484
/// of 497 (97.4%), 0 wrong; with the readings of
/// reasons and corrections that only looked like hedges or contradictions,
/// 489 of 497 (98.4%), 0 wrong; with labels by a question's id words and
/// arrows before answers, 491 of 497 (98.8%), 0 wrong; with a
/// word of reconsidering before a restated answer, 492 of 497 (99.0%), 0 wrong;
/// with a letter taken back in a reason ("c, not a"), 493 (99.2%).
const SECOND_HALF_21: Set = Set {
    name: "issue 21, second half",
    dir: "tests/fixtures/heldback21b",
    survey: "config/example.toml",
    cases: 58,
    ratchet: 0.991,
    known_wrong: &[],
};

/// Issue 22's new question types (grids, rankings, dates, durations,
/// conditions), written against the contract in `CONTRACT.md` there
/// before the readers existed, scored once at the end: 506 of 514, 1 wrong;
/// 514 of 514, none wrong, once its wrong value and its misses were fixed
/// (each form first as a case of the reply corpus, `seed-full`).
const QUESTION_TYPES_22: Set = Set {
    name: "issue 22, question types",
    dir: "tests/fixtures/heldback22",
    survey: "config/seed-full.toml",
    cases: 42,
    ratchet: 1.0,
    known_wrong: &[],
};

/// Issue 21's third half: 53 replies in 15 clients not used before
/// (`README.md` there), written while the second half's misses were being
/// fixed, by someone who did not see the rules, scored once at the end:
/// 351 of 450 (78.0%), 7 wrong. Then training data: 367 (81.6%) with
/// box-drawing tables and answer columns; 382 (84.9%) with summaries by
/// place ("no to the first three"); 434 (96.4%), 0 wrong, once lines
/// numbered by a digit and a space only in a run, every way of numbering
/// (ordinals, roman numerals, `#1`, dictation and its homophones), answers
/// pointing at another ("same as 1"), "all of the above", "?yes", "N/K",
/// leanings, percentages for a scale, emphatic words and reasons after
/// "because" were read (each form first as a corpus case of our own,
/// `scripts/make-reply-fixtures-21c-words.py`), and "yes for the first
/// three" inside a sentence is read (inferred) so that the inline answer
/// it contradicts is asked; 450 (100%), 0 wrong, with the corrections
/// ("I'd downgrade my confidence to 6", "I should have said yes", two
/// answers swapped, "No (sorry, meant yes)", a follow-up that only changes
/// one answer), answers below the quote under a pointer on top, arrows
/// with words and a forgotten answer in a postscript
/// (`scripts/make-reply-fixtures-21c-layout.py`).
const THIRD_HALF_21: Set = Set {
    name: "issue 21, third half",
    dir: "tests/fixtures/heldback21c",
    survey: "config/example.toml",
    cases: 53,
    ratchet: 1.0,
    known_wrong: &[],
};

/// Issue 22's second half of new question types: 53 replies to the
/// contract in `tests/fixtures/heldback22/CONTRACT.md`, written while the
/// first half's misses were being fixed, by someone who did not see the
/// rules, scored once at the end: 651 of 663 (98.2%), 1 wrong (a hedged
/// "Once, years ago, but I'm not sure it counts" read as yes). 654 of 663
/// (98.6%), none wrong, once an answer followed by the doctor's own doubt
/// was unclear, a ranking in words ("the biggest is ..., then ...") read,
/// and the answers given right after a correction of a condition's
/// question ("So 2 is a, and 10 is March 2024") counted (each form first
/// as a case of the reply corpus, `seed-full/generate_22b.py`); 663 of
/// 663, none wrong, with two-digit years after a day and month (`14/9/25`)
/// or an apostrophe (`Sept '25`), `18/12` months, "Started in 2012", a
/// grid item as the scale's end words and a grid as a pipe table.
const QUESTION_TYPES_22B: Set = Set {
    name: "issue 22, question types, second half",
    dir: "tests/fixtures/heldback22b",
    survey: "config/seed-full.toml",
    cases: 53,
    ratchet: 1.0,
    known_wrong: &[],
};

#[derive(Default)]
struct Score {
    correct: usize,
    unclear: usize,
    missed: usize,
    /// Expected answers with a value (ok or inferred), and how many of them
    /// were read with that value.
    with_value: usize,
    read: usize,
    /// (case, question, what was found and expected).
    wrong: Vec<(String, String, String)>,
    /// Answers not read as expected (not wrong): for the printout.
    notes: Vec<String>,
}

fn cases(set: &Set) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(set.dir);
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "eml"))
        .collect();
    found.sort();
    found
}

fn has_value(answer: &Value) -> bool {
    answer["status"] == "ok" || answer["status"] == "inferred"
}

/// Scores one case's expected answers against those found.
fn score_case(
    name: &str,
    want: &serde_json::Map<String, Value>,
    got: &serde_json::Map<String, Value>,
    score: &mut Score,
) {
    for (id, w) in want {
        if has_value(w) {
            score.with_value += 1;
        }
        let Some(g) = got.get(id) else {
            score.missed += 1;
            score
                .notes
                .push(format!("{name}: {id} missed (expected {w})"));
            continue;
        };
        let same_value =
            g["value"] == w["value"] && w.get("other").is_none_or(|o| *o == g["other"]);
        if has_value(g) && !(has_value(w) && same_value) {
            score
                .wrong
                .push((name.to_owned(), id.clone(), format!("{g} (expected {w})")));
        } else if g["status"] == w["status"] && same_value {
            score.correct += 1;
            if has_value(w) {
                score.read += 1;
            }
        } else {
            // Unclear where a value was expected, or the right value
            // certain where inferred was expected (or the other way round).
            score.unclear += 1;
            if has_value(g) {
                score.read += 1;
            }
            score.notes.push(format!("{name}: {id} {g} (expected {w})"));
        }
    }
    for (id, g) in got {
        if !want.contains_key(id) {
            if has_value(g) {
                score.wrong.push((
                    name.to_owned(),
                    id.clone(),
                    format!("{g}, not expected at all"),
                ));
            } else {
                score.unclear += 1;
                score.notes.push(format!("{name}: {id} {g}, not expected"));
            }
        }
    }
}

#[test]
fn heldback_replies_of_issue_21_first_half() {
    score_set(&FIRST_HALF_21);
}

#[test]
fn heldback_replies_of_issue_21_second_half() {
    score_set(&SECOND_HALF_21);
}

#[test]
fn heldback_replies_of_issue_22_question_types() {
    score_set(&QUESTION_TYPES_22);
}

/// Scores `set`, prints the score, and fails as the module says.
fn score_set(set: &Set) {
    let survey = Survey::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join(set.survey))
        .expect("the set's survey loads");
    let mut score = Score::default();
    let mut case_errors = Vec::new();
    let emls = cases(set);
    for eml in &emls {
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
        let raw = std::fs::read(eml).expect("read eml");
        let found = serde_json::to_value(inspect(&raw, &survey)).expect("serialises");
        for field in ["kind", "token"] {
            if expected[field] != found[field] {
                case_errors.push(format!(
                    "{name}: {field} expected {}, found {}",
                    expected[field], found[field]
                ));
            }
        }
        let none = serde_json::Map::new();
        score_case(
            &name,
            expected["answers"].as_object().unwrap_or(&none),
            found["answers"].as_object().unwrap_or(&none),
            &mut score,
        );
    }
    let read_share = score.read as f64 / score.with_value.max(1) as f64;
    println!(
        "held-back replies ({}): {} cases, {} answers: {} correct, {} unclear, {} wrong, {} missed; \
         {} of {} expected values read = {:.1}% (ratchet {:.1}%)",
        set.name,
        emls.len(),
        score.correct + score.unclear + score.wrong.len() + score.missed,
        score.correct,
        score.unclear,
        score.wrong.len(),
        score.missed,
        score.read,
        score.with_value,
        read_share * 100.0,
        set.ratchet * 100.0
    );
    for (case, id, what) in &score.wrong {
        println!("  WRONG {case}: {id} {what}");
    }
    for note in &score.notes {
        println!("  {note}");
    }
    assert_eq!(emls.len(), set.cases, "{} has {} cases", set.dir, set.cases);
    assert!(case_errors.is_empty(), "{}", case_errors.join("\n"));
    let new_wrong: Vec<_> = score
        .wrong
        .iter()
        .filter(|(case, id, _)| !set.known_wrong.contains(&(case.as_str(), id.as_str())))
        .collect();
    assert!(
        new_wrong.is_empty(),
        "wrong values beyond the known ones: {new_wrong:?}"
    );
    assert!(
        read_share >= set.ratchet,
        "held-back answers read fell to {:.1}%, below the ratchet of {:.1}%",
        read_share * 100.0,
        set.ratchet * 100.0
    );
}

#[test]
fn heldback_replies_of_issue_21_third_half() {
    score_set(&THIRD_HALF_21);
}

#[test]
fn heldback_replies_of_issue_22_question_types_second_half() {
    score_set(&QUESTION_TYPES_22B);
}

/// Issue 21's fifth set (a training set): 66 replies weighted as a real UK
/// survey inbox is (mostly Outlook, Gmail and Apple Mail; `README.md`
/// there), written by someone who did not see the rules, scored once
/// before any rule was written for it: 495 of 555 (89.2%), 3 wrong. It
/// then became training data: 504 (90.8%), 2 wrong, with the numbering
/// and word rules of the third half ("N/K" is no "no"); its wrong values
/// were then fixed (each a corpus case of our own), then most of its
/// misses; 555 of 555 once a secretary's reply with his own note to her
/// below an Outlook header block was read (the doctor's own mail passed
/// on, `scripts/make-reply-fixtures-21d-misses.py`).
const FIFTH_SET_21: Set = Set {
    name: "issue 21, fifth set (training)",
    dir: "tests/fixtures/heldback21e",
    survey: "config/example.toml",
    cases: 66,
    ratchet: 1.0,
    known_wrong: &[],
};

#[test]
fn heldback_replies_of_issue_21_fifth_set() {
    score_set(&FIFTH_SET_21);
}

/// Issue 21's fourth held-back half: 60 replies weighted as a real UK
/// survey inbox is (`README.md` there), written while the third set's and
/// the fifth set's misses were being fixed, by someone who did not see the
/// rules, scored once at the end (main at d599978): 456 of 496 (91.9%),
/// 7 wrong; with the fifth set's rules (struck-through HTML left out),
/// 475 of 496 (95.8%), 6 wrong; with a yes to something unfinished ("a
/// draft, not signed off yet") and a doubt about what the service has
/// ("not sure we have a protocol") asked, 4 wrong. With its own misses
/// read (the doctor's own mail passed on below an Outlook header block,
/// a summary's exceptions with their reason, "Tes"/"Ues", "meant to put
/// 8 for question 4, not 6", "..., so yes"; each first a corpus case of
/// our own, `scripts/make-reply-fixtures-21d-misses.py`): 494 of 496
/// (99.6%), its wrong values down to three; with a yes said loosely
/// ("Yes (sort of - ...)") asked, the two listed; with "mo" read as "no"
/// with its first key slipped along the row (the sixth set's rule), 495
/// of 496 (99.8%); with a postscript's word of correction applying to
/// its answers by number ("P.S. I've just checked ... so 7 is a yes after
/// all", issue 22's fifth set), 496 of 496 and one known wrong value left;
/// 0 wrong once a deed told in other words contradicted a yes
/// (`scripts/make-reply-fixtures-21g.py`).
const FOURTH_HALF_21: Set = Set {
    name: "issue 21, fourth half",
    dir: "tests/fixtures/heldback21d",
    survey: "config/example.toml",
    cases: 60,
    ratchet: 1.0,
    known_wrong: &[],
};

/// Issue 22's third held-back half: 35 replies to the seed-full survey
/// weighted as a real inbox is (`README.md` there), written while the
/// second half's misses were being fixed, by someone who did not see the
/// rules, scored once at the end (main at d599978): 427 of 436 (97.9%),
/// 1 wrong ("1. No" that the doctor's own comment contradicts, now
/// unclear: a gate contradicted); since, 0 wrong, and with dates relative
/// to the reply, "all three" and ranking letters run together, 432 of 436
/// (99.1%); with a listed number alone on its line ("4.") and its answer
/// below, 436 of 436.
const QUESTION_TYPES_22C: Set = Set {
    name: "issue 22, question types, third half",
    dir: "tests/fixtures/heldback22c",
    survey: "config/seed-full.toml",
    cases: 35,
    ratchet: 1.0,
    known_wrong: &[],
};

#[test]
fn heldback_replies_of_issue_21_fourth_half() {
    score_set(&FOURTH_HALF_21);
}

#[test]
fn heldback_replies_of_issue_22_question_types_third_half() {
    score_set(&QUESTION_TYPES_22C);
}

/// Issue 21's sixth set: 62 replies to the example survey weighted as a
/// real inbox is (`README.md` there), written this stop by someone who did
/// not see the rules, and scored once at the end (main at fdd561c): 514 of
/// 526 (97.7%), 2 wrong: a yes that a later sentence contradicts without
/// a word of correction, and "Not really" read as no where the writer
/// would ask. 525 of 526 (99.8%) once "All yes from me" was read as a
/// summary, "please put 5 rather than 7" as a correction (a follow-up
/// changing only 4), "Bo" and "Ni" as no (a key slipped along the row) and
/// "AB" as options a and b (each form first as a corpus case of our own,
/// `scripts/make-reply-fixtures-21f.py`); 526 of 526 once a postscript's
/// word of correction applied to its answers by number ("PS sorry, I've
/// got 7 wrong ... so 7 is a yes", issue 22's fifth set); 0 wrong
/// once hedges ("No, not really", "hardly ever") were asked and a limit
/// told in other words contradicted a yes
/// (`scripts/make-reply-fixtures-21g.py`).
const SIXTH_HALF_21: Set = Set {
    name: "issue 21, sixth half",
    dir: "tests/fixtures/heldback21f",
    survey: "config/example.toml",
    cases: 62,
    ratchet: 1.0,
    known_wrong: &[],
};

/// Issue 22's fourth held-back half: 35 replies to the seed-full survey
/// weighted as a real inbox is, written this stop by someone who did not
/// see the rules, and scored once at the end (main at fdd561c): 416 of 439
/// (94.8%), 2 wrong: a score revised to a range in a later note, and
/// "None" in a Word table's comments row kept as a comment. Then training
/// data: 423 of 439 (96.4%) once dates without a year, durations with the
/// doctor's grade, "I'd prefer not to answer that one" and a draft passed
/// on were read (each form first as a corpus case of our own,
/// `generate_22d.py`); 0 wrong once an answer judged again in the doctor's
/// note above the answers was asked, "None" as the optional comment was no
/// comment, and "2 -" in a terse list, a Word table's grid rows, "SEs" and
/// ranks in brackets on the form were read (`generate_22d_layouts.py`):
/// with both, 437 of 439 (99.5%), 0 wrong.
const QUESTION_TYPES_22D: Set = Set {
    name: "issue 22, question types, fourth half",
    dir: "tests/fixtures/heldback22d",
    survey: "config/seed-full.toml",
    cases: 35,
    ratchet: 0.995,
    known_wrong: &[],
};

#[test]
fn heldback_replies_of_issue_21_sixth_half() {
    score_set(&SIXTH_HALF_21);
}

#[test]
fn heldback_replies_of_issue_22_question_types_fourth_half() {
    score_set(&QUESTION_TYPES_22D);
}

/// Issue 22's fifth held-back set: 38 replies to the seed-full survey
/// weighted as a real inbox is (`README.md` there), written this stop by
/// someone who did not see the rules, and scored once at the end (main at
/// e9521a1): 458 of 483 (94.8%), 2 wrong, both in one reply: a P.S. that
/// corrects 7 and 8 ("7 should be yes", then 8 answered) not applied, so
/// the list's "No" for 7 and "n/a" for 8 were counted. Then training
/// data: 460 of 483 (95.2%), 0 wrong, once a postscript's word of
/// correction ("sorry, I've just checked") made its answers by number
/// ("So 7 is yes, and 8 is no") corrections (each form first as a corpus
/// case of our own, `scripts/make-reply-fixtures-22e.py`); 465 (96.3%)
/// with dates in words counted from the reply ("Boxing Day", "New Year's
/// Eve", "w/c 7th December", "Earlier today (CSCI on the ward)") and
/// "mid-November 2026"; 470 (97.3%) with a grid row `4-4-3`, a Word
/// table's grid row holding the item's words and a choice "a only"; 483
/// of 483 (100%) once answers listed one per line without numbers, the
/// optional comments left out, were placed (inferred), and "N/A" or "-"
/// for the date that did not apply was no answer (no longer an unclear
/// one where nothing was expected).
const QUESTION_TYPES_22E: Set = Set {
    name: "issue 22, question types, fifth set",
    dir: "tests/fixtures/heldback22e",
    survey: "config/seed-full.toml",
    cases: 38,
    ratchet: 1.0,
    known_wrong: &[],
};

#[test]
fn heldback_replies_of_issue_22_question_types_fifth_set() {
    score_set(&QUESTION_TYPES_22E);
}

/// Issue 21's seventh set: 46 replies to the example survey weighted as a
/// real inbox is (`README.md` there), written this session by someone who
/// did not see the rules, scored once (main at 677c04f): 356 of 392
/// (90.8%), 4 wrong: a correction later in the same mail, two corrections
/// in a P.S. not applied, and a "No" that a later sentence contradicts.
/// Then training data: 358 of 392 (91.3%), 0 wrong, once "for number 4
/// put 6 not 8", "just realised 3 should be no" and "scratch that on 8"
/// were corrections and a drug started "with their first morphine" told
/// of the early stages (`scripts/make-reply-fixtures-21h.py`); 367
/// (93.6%) once codes between pipes ("Q1 Y | Q2 N | ...") were codes,
/// 374 (95.4%) with "the only yeses are 1 and 9" a summary, 387 (98.7%)
/// with "yes to all the yes/no ones" and "yes across the board except
/// I'm not sure about 7", 390 (99.5%) with "sevn", "Not early, no" and "b
/// (side effects are manageable ...)", 391 (99.7%) with "for 5 please add
/// side effects as well, so b and c" (`scripts/make-reply-fixtures-21h-misses.py`).
const SEVENTH_SET_21: Set = Set {
    name: "issue 21, seventh set",
    dir: "tests/fixtures/heldback21h",
    survey: "config/example.toml",
    cases: 46,
    ratchet: 0.997,
    known_wrong: &[],
};

#[test]
fn heldback_replies_of_issue_21_seventh_set() {
    score_set(&SEVENTH_SET_21);
}

/// Issue 22's sixth held-back set: 38 replies to the seed-full survey
/// weighted as a real inbox is (`README.md` there), written this session
/// by someone who did not see the rules, scored once (main at f3d0580):
/// 448 of 479 (93.5%), 0 wrong.
const QUESTION_TYPES_22F: Set = Set {
    name: "issue 22, question types, sixth set",
    dir: "tests/fixtures/heldback22f",
    survey: "config/seed-full.toml",
    cases: 38,
    ratchet: 1.0,
    known_wrong: &[],
};

#[test]
fn heldback_replies_of_issue_22_question_types_sixth_set() {
    score_set(&QUESTION_TYPES_22F);
}

/// Issue 21's eighth set: 48 replies to the example survey weighted as a
/// real inbox is (`README.md` there), written this session by someone who
/// did not see the rules, scored once (main at eb03c46): 367 of 405
/// (90.6%), 2 wrong: a yes that a later sentence contradicts, and a no
/// that a P.S. puts in doubt. 0 wrong once "not sure I've got 7 right"
/// put 7 in doubt and "never" before the drug denied a deed told without
/// a verb of the doctor's (`scripts/make-reply-fixtures-21h.py`). 383
/// once codes between commas ("1y, 4 6, 5 b&c") and after colons parted
/// by spaces ("1:Y 5:B/C", the slash asked) were read
/// (`scripts/make-reply-fixtures-21i.py`); 397 with answers grouped by
/// ranges ("1-3: yes, yes, no") and "bar" in a summary; 399 with "N0"
/// for no and misspelt words of a picked option ("lak of evidence"); 402
/// with "the first three", "to a lesser degree" and "please put me down
/// as 5 for confidence". Left: "Np" twice (no problem: asked) and "5:B/C"
/// (a slash between options: asked).
const EIGHTH_SET_21: Set = Set {
    name: "issue 21, eighth set",
    dir: "tests/fixtures/heldback21i",
    survey: "config/example.toml",
    cases: 48,
    ratchet: 0.995,
    known_wrong: &[],
};

#[test]
fn heldback_replies_of_issue_21_eighth_set() {
    score_set(&EIGHTH_SET_21);
}

/// Issue 22's seventh held-back set: 36 replies to the seed-full survey
/// weighted as a real inbox is (`README.md` there), written this session
/// by someone who did not see the rules, scored once (main at 0e3e4ec):
/// 447 of 455 (98.2%), 0 wrong.
const QUESTION_TYPES_22G: Set = Set {
    name: "issue 22, question types, seventh set",
    dir: "tests/fixtures/heldback22g",
    survey: "config/seed-full.toml",
    cases: 36,
    ratchet: 0.982,
    known_wrong: &[],
};

#[test]
fn heldback_replies_of_issue_22_question_types_seventh_set() {
    score_set(&QUESTION_TYPES_22G);
}

/// Issue 21's ninth set: 42 replies to the example survey weighted as a
/// real inbox is (`README.md` there), written this session by someone who
/// did not see the rules, scored once (main at d173f37): 356 of 361
/// (98.6%), 4 wrong: a correction in a later paragraph, an answer typed on
/// an Answer: line of the original that another reading outweighed, a yes
/// a later sentence contradicts, and "I'd need to ask our community team"
/// read as yes. Since: "I put 3 down as no" puts 3 in doubt, "I'd need to
/// ask" is asked, and the Answer: line's expectation was mended (both
/// parts say "Yes"; the set expected no): one wrong left, a yes that "we
/// never start ketamine until the opioid has been pushed as far as it will
/// go" contradicts; 0 wrong once what must come first ("until", "as far
/// as", "only after") told of the early stages (`told.rs`).
const NINTH_SET_21: Set = Set {
    name: "issue 21, ninth set",
    dir: "tests/fixtures/heldback21j",
    survey: "config/example.toml",
    cases: 42,
    ratchet: 0.991,
    known_wrong: &[],
};

#[test]
fn heldback_replies_of_issue_21_ninth_set() {
    score_set(&NINTH_SET_21);
}

/// Issue 21's tenth set: 43 replies to the example survey weighted as a
/// real inbox is (`README.md` there), written this session by someone who
/// did not see the rules, scored once (main at 8fc0313): 347 of 367
/// (94.6%), 0 wrong.
const TENTH_SET_21: Set = Set {
    name: "issue 21, tenth set",
    dir: "tests/fixtures/heldback21k",
    survey: "config/example.toml",
    cases: 43,
    ratchet: 0.980,
    known_wrong: &[],
};

#[test]
fn heldback_replies_of_issue_21_tenth_set() {
    score_set(&TENTH_SET_21);
}

const ELEVENTH_SET_21: Set = Set {
    name: "issue 21, eleventh set",
    dir: "tests/fixtures/heldback21l",
    survey: "config/example.toml",
    cases: 42,
    ratchet: 0.997,
    known_wrong: &[],
};

#[test]
fn heldback_replies_of_issue_21_eleventh_set() {
    score_set(&ELEVENTH_SET_21);
}

const TWELFTH_SET_21: Set = Set {
    name: "issue 21, twelfth set",
    dir: "tests/fixtures/heldback21m",
    survey: "config/example.toml",
    cases: 41,
    ratchet: 0.994,
    known_wrong: &[],
};

#[test]
fn heldback_replies_of_issue_21_twelfth_set() {
    score_set(&TWELFTH_SET_21);
}

/// Issue 21's thirteenth set, scored once: 341 of 355 (96.1%), 3 wrong;
/// 342 (96.3%), 0 wrong, once doubt about the fact after a value, "none
/// ... apart from" an exception and "nothing ... yet" in a sentence were
/// read (each form first as a corpus case of our own,
/// `scripts/make-reply-fixtures-21n.py`); 343 (96.6%) with "None (d)".
const THIRTEENTH_SET_21: Set = Set {
    name: "issue 21, thirteenth set",
    dir: "tests/fixtures/heldback21n",
    survey: "config/example.toml",
    cases: 42,
    ratchet: 0.966,
    known_wrong: &[],
};

#[test]
fn heldback_replies_of_issue_21_thirteenth_set() {
    score_set(&THIRTEENTH_SET_21);
}

/// Issue 21's fourteenth set, scored once: 320 of 357 (89.6%), 2 wrong;
/// 0 wrong (320) once "Once? Can't remember ..." is asked and a sentence
/// naming question 10 by its number ("And for 10: ...") answers no other.
const FOURTEENTH_SET_21: Set = Set {
    name: "issue 21, fourteenth set",
    dir: "tests/fixtures/heldback21o",
    survey: "config/example.toml",
    cases: 42,
    ratchet: 0.899,
    known_wrong: &[],
};

#[test]
fn heldback_replies_of_issue_21_fourteenth_set() {
    score_set(&FOURTEENTH_SET_21);
}

const FIFTEENTH_SET_21: Set = Set {
    name: "issue 21, fifteenth set",
    dir: "tests/fixtures/heldback21p",
    survey: "config/example.toml",
    cases: 42,
    ratchet: 0.972,
    known_wrong: &[],
};

#[test]
fn heldback_replies_of_issue_21_fifteenth_set() {
    score_set(&FIFTEENTH_SET_21);
}

/// Issue 21's sixteenth set, scored once: 348 of 371 (93.8%), 5 wrong;
/// 0 wrong (348) once reconsidering below the list, topic lines with a
/// negation beside a yes, "no idea if" and a count for a scale are read.
const SIXTEENTH_SET_21: Set = Set {
    name: "issue 21, sixteenth set",
    dir: "tests/fixtures/heldback21q",
    survey: "config/example.toml",
    cases: 42,
    ratchet: 0.954,
    known_wrong: &[],
};

#[test]
fn heldback_replies_of_issue_21_sixteenth_set() {
    score_set(&SIXTEENTH_SET_21);
}

/// Issue 21's seventeenth set, scored once: 343 of 358 (95.8%), 1 wrong;
/// 0 wrong (353, 98.6%) once "mine are the same apart from 4" is read.
const SEVENTEENTH_SET_21: Set = Set {
    name: "issue 21, seventeenth set",
    dir: "tests/fixtures/heldback21r",
    survey: "config/example.toml",
    cases: 42,
    ratchet: 0.986,
    known_wrong: &[],
};

#[test]
fn heldback_replies_of_issue_21_seventeenth_set() {
    score_set(&SEVENTEENTH_SET_21);
}

/// Issue 21's eighteenth set, scored once: 325 of 372 (87.4%), 2 wrong;
/// 0 wrong once a prose list read in part and a later "Yes." are asked.
const EIGHTEENTH_SET_21: Set = Set {
    name: "issue 21, eighteenth set",
    dir: "tests/fixtures/heldback21s",
    survey: "config/example.toml",
    cases: 42,
    ratchet: 0.873,
    known_wrong: &[],
};

#[test]
fn heldback_replies_of_issue_21_eighteenth_set() {
    score_set(&EIGHTEENTH_SET_21);
}

/// Issue 21's nineteenth set, scored once: 342 of 369 (92.7%), 0 wrong;
/// 360 (97.6%) once "1/ Yes", "Yes: 1, 3, 6" and "so b and c" are read.
const NINETEENTH_SET_21: Set = Set {
    name: "issue 21, nineteenth set",
    dir: "tests/fixtures/heldback21t",
    survey: "config/example.toml",
    cases: 42,
    ratchet: 0.975,
    known_wrong: &[],
};

#[test]
fn heldback_replies_of_issue_21_nineteenth_set() {
    score_set(&NINETEENTH_SET_21);
}

/// Issue 21's twentieth set, scored once: 348 of 360 (96.7%), 1 wrong,
/// the set's own error ("Q1 - Yes" expected as no); mended, 349 (96.9%),
/// 0 wrong.
const TWENTIETH_SET_21: Set = Set {
    name: "issue 21, twentieth set",
    dir: "tests/fixtures/heldback21u",
    survey: "config/example.toml",
    cases: 42,
    ratchet: 0.972,
    known_wrong: &[],
};

#[test]
fn heldback_replies_of_issue_21_twentieth_set() {
    score_set(&TWENTIETH_SET_21);
}

/// Issue 21's twenty-first set, scored once: 354 of 371 (95.4%), 4 wrong;
/// 0 wrong (355, 95.7%) once X marks with words, "nil" above initials,
/// "not sure it ..." and a comment gainsaying a "No" are read.
const TWENTY_FIRST_SET_21: Set = Set {
    name: "issue 21, twenty-first set",
    dir: "tests/fixtures/heldback21w",
    survey: "config/example.toml",
    cases: 42,
    ratchet: 0.959,
    known_wrong: &[],
};

#[test]
fn heldback_replies_of_issue_21_twenty_first_set() {
    score_set(&TWENTY_FIRST_SET_21);
}

/// Issue 21's twenty-second set, scored once: 348 of 368 (94.6%), 1 wrong;
/// 0 wrong once a comment gainsaying a "No" asks it.
const TWENTY_SECOND_SET_21: Set = Set {
    name: "issue 21, twenty-second set",
    dir: "tests/fixtures/heldback21v",
    survey: "config/example.toml",
    cases: 42,
    ratchet: 0.945,
    known_wrong: &[],
};

#[test]
fn heldback_replies_of_issue_21_twenty_second_set() {
    score_set(&TWENTY_SECOND_SET_21);
}

/// Issue 21's twenty-third set, scored once: 351 of 373 (94.1%), 3 wrong;
/// 0 wrong once "6½", "That's all from me" and a comment telling of the
/// deed in other words are read.
const TWENTY_THIRD_SET_21: Set = Set {
    name: "issue 21, twenty-third set",
    dir: "tests/fixtures/heldback21y",
    survey: "config/example.toml",
    cases: 42,
    ratchet: 0.943,
    known_wrong: &[],
};

#[test]
fn heldback_replies_of_issue_21_twenty_third_set() {
    score_set(&TWENTY_THIRD_SET_21);
}

/// Issue 21's twenty-fourth set, scored once: 364 of 381 (95.5%), 5 wrong;
/// 0 wrong (367, 96.3%) once a comment's sign-off, "a, if not b" and a
/// comment telling of the deed in other words are read.
const TWENTY_FOURTH_SET_21: Set = Set {
    name: "issue 21, twenty-fourth set",
    dir: "tests/fixtures/heldback21x",
    survey: "config/example.toml",
    cases: 42,
    ratchet: 0.971,
    known_wrong: &[],
};

#[test]
fn heldback_replies_of_issue_21_twenty_fourth_set() {
    score_set(&TWENTY_FOURTH_SET_21);
}

/// Issue 21's twenty-fifth set, scored once: 361 of 380 (95.0%), 3 wrong;
/// 0 wrong (364, 95.8%) once "1 → yes", "1.) yes", "yes I think, our
/// pharmacist would know" and "All covered above" are read.
const TWENTY_FIFTH_SET_21: Set = Set {
    name: "issue 21, twenty-fifth set",
    dir: "tests/fixtures/heldback21z",
    survey: "config/example.toml",
    cases: 42,
    ratchet: 0.957,
    known_wrong: &[],
};

#[test]
fn heldback_replies_of_issue_21_twenty_fifth_set() {
    score_set(&TWENTY_FIFTH_SET_21);
}

/// Issue 21's twenty-sixth set, scored once: 369 of 378 (97.6%), 4 wrong;
/// 1 wrong (373, 98.7%) once "1 -- yes", "Thanks, J" and "I'd say no; my
/// supervisor would say yes" are read; left: a "No" to more research that
/// the comment argues against ("the field badly lacks a trial").
const TWENTY_SIXTH_SET_21: Set = Set {
    name: "issue 21, twenty-sixth set",
    dir: "tests/fixtures/heldback21za",
    survey: "config/example.toml",
    cases: 42,
    ratchet: 0.986,
    known_wrong: &[("heldback21za_trap_comment_rct_tb115", "research")],
};

#[test]
fn heldback_replies_of_issue_21_twenty_sixth_set() {
    score_set(&TWENTY_SIXTH_SET_21);
}

/// Issue 21's twenty-seventh set, scored once: 381 of 383 (99.5%), 2 wrong;
/// 0 wrong once "4 is more honestly a 5" and "for 1 may have been" below
/// the list are asked.
const TWENTY_SEVENTH_SET_21: Set = Set {
    name: "issue 21, twenty-seventh set",
    dir: "tests/fixtures/heldback21zb",
    survey: "config/example.toml",
    cases: 42,
    ratchet: 0.994,
    known_wrong: &[],
};

#[test]
fn heldback_replies_of_issue_21_twenty_seventh_set() {
    score_set(&TWENTY_SEVENTH_SET_21);
}

/// Issue 21's twenty-eighth set, scored once: 378 of 384 (98.4%), 2 wrong;
/// 0 wrong once a draft sent for comment and "Once, sort of" are asked.
const TWENTY_EIGHTH_SET_21: Set = Set {
    name: "issue 21, twenty-eighth set",
    dir: "tests/fixtures/heldback21zc",
    survey: "config/example.toml",
    cases: 42,
    ratchet: 0.984,
    known_wrong: &[],
};

#[test]
fn heldback_replies_of_issue_21_twenty_eighth_set() {
    score_set(&TWENTY_EIGHTH_SET_21);
}

/// Issue 21's twenty-ninth set, scored once: 373 of 382 (97.6%), 0 wrong.
const TWENTY_NINTH_SET_21: Set = Set {
    name: "issue 21, twenty-ninth set",
    dir: "tests/fixtures/heldback21zd",
    survey: "config/example.toml",
    cases: 42,
    ratchet: 0.976,
    known_wrong: &[],
};

#[test]
fn heldback_replies_of_issue_21_twenty_ninth_set() {
    score_set(&TWENTY_NINTH_SET_21);
}

/// Issue 21's thirtieth set, scored once: 372 of 374 (99.5%), 0 wrong.
const THIRTIETH_SET_21: Set = Set {
    name: "issue 21, thirtieth set",
    dir: "tests/fixtures/heldback21ze",
    survey: "config/example.toml",
    cases: 42,
    ratchet: 0.994,
    known_wrong: &[],
};

#[test]
fn heldback_replies_of_issue_21_thirtieth_set() {
    score_set(&THIRTIETH_SET_21);
}
