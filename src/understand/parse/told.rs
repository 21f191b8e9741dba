//! Sentences that tell, in other words than the question's, whether the
//! doctor did what a yes/no question asks: "We did switch a couple of
//! patients onto ketamine last year to bring their oxycodone down when they
//! were getting drowsy" tells of a yes to "Have you used ketamine to enable
//! a reduction of the opioid dose because of opioid side effects?", though
//! it shares no distinctive word with it. Such a sentence never answers on
//! its own (the words are too loose to count); it only stands against a
//! listed answer that says the other way, which is then unclear, asked
//! ([`super::contradicted`]).
//!
//! The question and the sentence are both read through a small table of
//! everyday words for the same thing ([`CONCEPTS`]: "bring down", "cut",
//! "wean" for a reduction; "oxycodone", "morphine" for an opioid;
//! "drowsy", "sedated" for side effects …). A sentence speaks of a
//! question when it carries at least two of the question's concepts, one
//! of them a concept no other such question has. Only questions asked of a
//! deed of using a drug ("Have you used …", "Did you prescribe …"), and
//! only sentences whose subject is the doctor ("I", "we", or none) with a
//! verb of using, giving or starting the drug ("it", or the question's
//! object, in the same clause). Nothing is read from a question, a
//! condition or a wish ("if", "would", "hope" …); "never" or "not" before
//! the verb tells of a no.
//!
//! Linear: each clause is walked once for its verb and once for its
//! concepts, against a table of a few dozen words.

use crate::survey::{Question, QuestionKind};

use super::deed::{BETWEEN, NO_DEED};
use super::value::{plain_words, plain_words_lazily};

/// A concept and the words that name it: a word ending in `*` is a stem
/// (any word that starts so), a phrase's words must follow one another,
/// and `_` stands for at most three words of any kind ("bring _ down"
/// meets "bring their oxycodone down").
const CONCEPTS: &[(&str, &[&str])] = &[
    (
        "reduce",
        &[
            "reduction*",
            "reduc*",
            "lower*",
            "cut",
            "cuts",
            "cutting",
            "bring _ down",
            "brought _ down",
            "bringing _ down",
            "get _ down",
            "got _ down",
            "come down",
            "came down",
            "wean*",
            "getting _ off",
            "get _ off",
            "got _ off",
            "come off",
            "coming off",
            "taper*",
            "decreas*",
            "drop",
            "dropped",
            "halve*",
            "halving",
            "spare",
            "sparing",
            "step _ down",
            "stepped _ down",
            "dial _ down",
        ],
    ),
    (
        "opioid",
        &[
            "opioid*",
            "opiate*",
            "morphine",
            "oxycodone",
            "oxycontin",
            "oxynorm",
            "fentanyl",
            "alfentanil",
            "diamorphine",
            "hydromorphone",
            "methadone",
            "buprenorphine",
            "tapentadol",
            "tramadol",
            "codeine",
            "oramorph",
        ],
    ),
    (
        "side_effect",
        &[
            "side effect*",
            "adverse",
            "drowsy",
            "drowsiness",
            "sedat*",
            "toxic*",
            "myoclon*",
            "confus*",
            "deliri*",
            "hallucinat*",
            "nause*",
            "vomit*",
            "constipat*",
            "itch*",
        ],
    ),
    (
        "late",
        &[
            "end of life",
            "dying",
            "terminal*",
            "last days",
            "last few days",
            "final days",
            "last hours",
            "last weeks",
            "last week",
            "deathbed",
        ],
    ),
    (
        "early",
        &[
            "early",
            "earlier",
            "first",
            "newly",
            // When in the course it starts, told by what must come first:
            // "we never start ketamine until the opioid has been pushed as
            // far as it will go" denies the early stages.
            "until",
            "last resort",
            "as far as",
            "maxed",
            "only after",
            "first line",
            "outset",
            "from the start",
            "initial*",
            "same week",
            "same day",
        ],
    ),
    (
        "adjuvant",
        &[
            "adjuvant*",
            "alongside",
            "on top of",
            "together with",
            "in addition",
            "as well as",
            "co analgesic*",
            "coanalgesic*",
        ],
    ),
];

/// Verbs of using, giving or starting a drug, as written ("we did switch
/// patients onto ketamine", "I've put two patients on it").
const USING: &[&str] = &[
    "use",
    "used",
    "using",
    "uses",
    "prescribe",
    "prescribed",
    "prescribing",
    "give",
    "gave",
    "given",
    "giving",
    "try",
    "tried",
    "trying",
    "start",
    "started",
    "starting",
    "switch",
    "switched",
    "switching",
    "put",
    "putting",
    "add",
    "added",
    "adding",
    "introduce",
    "introduced",
    "convert",
    "converted",
    "rotate",
    "rotated",
    "move",
    "moved",
    "administer",
    "administered",
    "employ",
    "employed",
];

/// The stems of the verbs questions ask a drug's use with.
const ASKED_VERBS: &[&str] = &[
    "use",
    "used",
    "prescribe",
    "prescribed",
    "give",
    "given",
    "tried",
];

/// Words that end a clause: what follows is another thought.
const CLAUSE_ENDS: &[&str] = &[
    "but", "though", "although", "however", "except", "apart", "whereas", "while",
];

/// Does `phrase` (see [`CONCEPTS`]) start at word `at` of `words`?
fn matches_at(words: &[String], at: usize, phrase: &[Part]) -> bool {
    let mut i = at;
    let mut parts = phrase.iter();
    while let Some(part) = parts.next() {
        let hit = match part {
            Part::Gap => {
                // At most three words, then the next part.
                let Some(next) = parts.next() else {
                    return true;
                };
                return (i..(i + 4).min(words.len()))
                    .any(|k| matches_at(words, k, std::slice::from_ref(next)));
            }
            Part::Stem(stem) => words.get(i).is_some_and(|w| w.starts_with(stem)),
            Part::Word(word) => words.get(i).is_some_and(|w| w == word),
        };
        if !hit {
            return false;
        }
        i += 1;
    }
    true
}

/// One part of a phrase of [`CONCEPTS`], as [`matches_at`] reads it.
enum Part {
    /// `_`: at most three words of any kind.
    Gap,
    /// A word ending in `*`, without it: any word that starts so.
    Stem(&'static str),
    /// A word as it must be.
    Word(&'static str),
}

/// [`CONCEPTS`]' phrases split into their parts once, rather than at
/// every word of every clause read (2% of `inspect`'s instructions, and
/// most of the time of a short comment's reading, issue 23).
static PHRASES: std::sync::LazyLock<Vec<Vec<Vec<Part>>>> = std::sync::LazyLock::new(|| {
    CONCEPTS
        .iter()
        .map(|(_, names)| {
            names
                .iter()
                .map(|phrase| {
                    phrase
                        .split(' ')
                        .map(|part| match (part, part.strip_suffix('*')) {
                            ("_", _) => Part::Gap,
                            (_, Some(stem)) => Part::Stem(stem),
                            (_, None) => Part::Word(part),
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
});

/// The concepts (indexes into [`CONCEPTS`]) that `words` name.
fn concepts(words: &[String]) -> Vec<usize> {
    PHRASES
        .iter()
        .enumerate()
        .filter(|(_, names)| {
            (0..words.len()).any(|at| names.iter().any(|p| matches_at(words, at, p)))
        })
        .map(|(c, _)| c)
        .collect()
}

/// Is `question` asked of the use of a drug ("Have you used ketamine
/// ...?")? Its concepts and the drug (the word after the verb), when so.
fn asked(question: &Question) -> Option<(Vec<usize>, String)> {
    if !matches!(question.kind, QuestionKind::YesNo) {
        return None;
    }
    let words = plain_words(&question.text);
    let [aux, you, rest @ ..] = words.as_slice() else {
        return None;
    };
    if !["have", "did", "do"].contains(&aux.as_str()) || you != "you" {
        return None;
    }
    let rest = rest.strip_prefix(&["ever".to_owned()]).unwrap_or(rest);
    let drug = rest.get(1)?.clone();
    ASKED_VERBS
        .contains(&rest.first()?.as_str())
        .then(|| (concepts(&words), drug))
}

/// The survey's yes/no questions asked of the use of a drug ([`asked`]),
/// each with its concepts and its drug: worked out once per survey (kept
/// with its derived data) rather than for every sentence read, where it
/// took as long as reading the sentence (issue 23).
pub(super) struct Asked(Vec<(usize, (Vec<usize>, String))>);

impl Asked {
    pub(super) fn new(questions: &[Question]) -> Asked {
        Asked(
            questions
                .iter()
                .enumerate()
                .filter_map(|(i, q)| asked(q).map(|c| (i, c)))
                .collect(),
        )
    }
}

/// What a clause tells of the doctor's own use: `Some(true)` done,
/// `Some(false)` denied, `None` neither (no verb of using with the doctor
/// as subject and the drug named).
fn deed(clause: &[String], drug: &str) -> Option<bool> {
    let v = clause.iter().position(|w| USING.contains(&w.as_str()))?;
    if clause[..v].iter().any(|w| NO_DEED.contains(&w.as_str())) {
        return None;
    }
    let lead = clause[..v]
        .iter()
        .rev()
        .take_while(|w| BETWEEN.contains(&w.as_str()))
        .count();
    let subject = v - lead;
    let opening = ["so", "and", "then", "also", "ps", "actually"];
    let doctor = clause[..subject]
        .iter()
        .all(|w| opening.contains(&w.as_str()))
        || (subject > 0 && ["i", "we"].contains(&clause[subject - 1].as_str()));
    let named = clause[v + 1..].iter().any(|w| w == "it" || w == drug);
    if !doctor || !named {
        return None;
    }
    Some(
        !clause[subject..v]
            .iter()
            .any(|w| w == "never" || w == "not"),
    )
}

/// "I've never had a patient where we brought the opioid down because
/// ketamine had been started": no verb of using with the doctor as its
/// subject, but "never" (or "not once") before the drug named in the same
/// clause tells of a deed never done (`Some(false)`), unless the clause
/// speaks of no deed ("if", "would" ...).
fn never_with(clause: &[String], drug: &str) -> Option<bool> {
    let d = clause.iter().position(|w| w == drug)?;
    let before = &clause[..d];
    let never = before.iter().any(|w| w == "never")
        || before.windows(2).any(|w| w[0] == "not" && w[1] == "once");
    (never && !clause.iter().any(|w| NO_DEED.contains(&w.as_str()))).then_some(false)
}

/// The yes/no questions (0-based) that `sentence` tells of in other words,
/// each with what it tells: done (`true`) or never done (`false`).
pub(super) fn told(sentence: &str, asked: &Asked) -> Vec<(usize, bool)> {
    if sentence.contains('?') || sentence.len() > 2000 {
        return Vec::new();
    }
    // Nearly every sentence has no verb of using: told apart before the
    // questions are read.
    if !plain_words_lazily(sentence).any(|w| USING.contains(&w.as_ref())) {
        return Vec::new();
    }
    let asked = &asked.0;
    if asked.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<(usize, bool)> = Vec::new();
    for piece in sentence.split([',', ';', ':', '(', ')', '–', '—']) {
        let piece_words = plain_words(piece);
        for clause in piece_words.split(|w| CLAUSE_ENDS.contains(&w.as_str())) {
            let found = concepts(clause);
            for (q, (theirs, drug)) in asked {
                let shared = found.iter().filter(|c| theirs.contains(c)).count();
                let own = found.iter().any(|c| {
                    theirs.contains(c)
                        && asked
                            .iter()
                            .all(|(other, (cs, _))| other == q || !cs.contains(c))
                });
                if shared < 2 || !own || out.iter().any(|(o, _)| o == q) {
                    continue;
                }
                if let Some(done) = deed(clause, drug).or_else(|| never_with(clause, drug)) {
                    out.push((*q, done));
                }
            }
        }
    }
    out
}

/// The yes/no questions (0-based) of a deed that `sentence` speaks of as
/// the doctor's own and done, without a verb of using: "Where it's earned
/// its place for us is getting people off high opioid doses when they
/// become toxic" speaks of a reduction of the opioid for side effects.
/// Looser than [`told`]: only ever to put a "No" in doubt, from a comment
/// (`told_in_a_comment`), never to answer. A clause with the doctor ("I",
/// "we", "us", "our", "my"), no negation and no word of a wish or a
/// condition, naming two of the question's concepts, one its own.
pub(super) fn spoken_of(sentence: &str, asked: &Asked) -> Vec<usize> {
    if sentence.contains('?') || sentence.len() > 2000 {
        return Vec::new();
    }
    let asked: Vec<(usize, &Vec<usize>)> = asked.0.iter().map(|(i, (c, _))| (*i, c)).collect();
    let mut out: Vec<usize> = Vec::new();
    for piece in sentence.split([';', '(', ')']) {
        let words = plain_words(piece);
        for clause in words.split(|w| CLAUSE_ENDS.contains(&w.as_str())) {
            let doctor = clause
                .iter()
                .any(|w| ["i", "we", "us", "our", "my"].contains(&w.as_str()));
            let denied = clause.iter().any(|w| {
                ["not", "never", "no", "nor", "without"].contains(&w.as_str())
                    || NO_DEED.contains(&w.as_str())
            });
            if !doctor || denied {
                continue;
            }
            let found = concepts(clause);
            for (q, theirs) in &asked {
                let shared = found.iter().filter(|c| theirs.contains(c)).count();
                let own = found.iter().any(|c| {
                    theirs.contains(c)
                        && asked
                            .iter()
                            .all(|(other, cs)| other == q || !cs.contains(c))
                });
                if shared >= 2 && own && !out.contains(q) {
                    out.push(*q);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deed_told_in_other_words_names_the_question() {
        let survey = crate::survey::example();
        let q = &survey.questions;
        let cases: &[(&str, &[(usize, bool)])] = &[
            (
                "We did switch a couple of patients onto ketamine last year to bring their oxycodone down when they were getting drowsy, which worked well.",
                &[(2, true)],
            ),
            (
                "Last winter I put two patients on it so we could cut their morphine back, as they were very sedated.",
                &[(2, true)],
            ),
            (
                "I have never used it to get anyone's morphine down.",
                &[(2, false)],
            ),
            (
                "We use it for dying patients alongside their fentanyl.",
                &[(0, true)],
            ),
            // The early stages told as the first opioid started.
            (
                "In the spring I started a couple of patients on oral ketamine together with their first oxycodone, and it went fine.",
                &[(1, true)],
            ),
            // A deed never done, told without the doctor as the subject.
            (
                "Honestly I have never seen a case where we got the morphine down because ketamine was started.",
                &[(2, false)],
            ),
            (
                "I never cut the morphine back myself, though ketamine helped.",
                &[],
            ),
            // The early stages denied by what must come first.
            (
                "We never start ketamine until the morphine has been pushed as far as it will go.",
                &[(1, false)],
            ),
            ("We never used ketamine until we had a protocol.", &[]),
            // Someone else's deed, a wish, a question, or no drug named.
            (
                "Our registrar switched a patient onto ketamine to bring the oxycodone down.",
                &[],
            ),
            (
                "I would use ketamine to bring the morphine down if pharmacy stocked it.",
                &[],
            ),
            ("Have you tried it to cut opioids?", &[]),
            ("We cut the morphine back when patients get drowsy.", &[]),
            // One concept alone is not enough.
            ("I've used it to cut down on pain.", &[]),
        ];
        for (sentence, expected) in cases {
            assert_eq!(&told(sentence, &Asked::new(q)), expected, "{sentence}");
        }
    }

    #[test]
    fn a_comment_speaks_of_a_deed_of_the_doctors_own() {
        let survey = crate::survey::example();
        let q = &survey.questions;
        for (sentence, expected) in [
            (
                "Where it has earned its place for us is getting people off high opioid doses when they become toxic",
                &[2][..],
            ),
            (
                "I put one man on it the same week his morphine was started",
                &[1],
            ),
            // Nobody of ours, a negation, a wish: nothing.
            (
                "Others get people off high opioid doses when they become toxic",
                &[],
            ),
            ("We never get people off opioids for toxicity with it", &[]),
            (
                "We would like to get people off high opioid doses when they become toxic",
                &[],
            ),
        ] {
            assert_eq!(spoken_of(sentence, &Asked::new(q)), expected, "{sentence}");
        }
    }
}
