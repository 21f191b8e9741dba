//! A sentence of the doctor's own that says whether they did what a yes/no
//! question asks: "Only used it twice, on the hospice ward" says yes to
//! "Have you used ketamine ...?", "I have never used it myself" says no.
//! A gate (a question others depend on) answered the other way is then
//! contradicted, and unclear (see `parse/mod.rs`, `gate_contradicted`).
//!
//! Only questions asked of the doctor with a verb of a deed ("Have you
//! used ...", "Did you prescribe ...", "Do you use ..."), and only
//! sentences whose subject is the doctor ("I", "we", or none: "Only used
//! it twice") with that verb and "it", "them" or the question's own object
//! right after it. Nothing is read from a sentence with a question mark,
//! a condition or a wish ("if", "would", "could", "hope" ...), nor a deed
//! of someone else ("Our registrar has used it"). A yes must not be taken
//! back in its sentence ("but", "except", "never" ... before "so" or
//! "because"); a no must deny the deed itself, with nothing after it but
//! words of the question or "myself", "at all", "yet" ("I haven't used it
//! since the spring" says how recently, not whether).
//!
//! Linear: each clause is walked once from its first verb of the deed,
//! and a sentence is decided by its first clause whose subject is the
//! doctor's.

use crate::survey::{Question, QuestionKind};

use super::value::{plain_words, plain_words_lazily};

/// Words between the doctor and the verb: auxiliaries and adverbs ("I
/// have only ever used it", "Actually used it once", "we did switch");
/// [`super::told`] reads with them too.
pub(super) const BETWEEN: &[&str] = &[
    "have",
    "has",
    "had",
    "did",
    "do",
    "only",
    "actually",
    "also",
    "just",
    "really",
    "indeed",
    "personally",
    "myself",
    "ever",
    "never",
    "not",
    "once",
    "twice",
    "occasionally",
    "rarely",
    "sometimes",
    "previously",
    "certainly",
    "definitely",
    "honestly",
    "recently",
    "successfully",
    "even",
    "still",
    "often",
    "regularly",
    "usually",
    "generally",
    "then",
    "both",
];

/// Words that make a sentence say nothing of a deed done: a condition, a
/// wish, a plan or a question; [`super::told`] reads with them too.
pub(super) const NO_DEED: &[&str] = &[
    "if", "would", "could", "should", "might", "may", "will", "wish", "hope", "hoping", "plan",
    "planning", "want", "unless", "whether", "intend", "going", "wonder",
];

/// Words that take a yes back in its own sentence ("I have used it, but
/// never in palliative care").
const TAKEN_BACK: &[&str] = &[
    "not", "never", "nor", "no", "but", "except", "though", "although", "however", "outside",
    "without", "until", "instead",
];

/// Words after which the rest of a sentence is a consequence or a reason,
/// no part of the deed ("..., so I don't feel I know it well").
const CONSEQUENCE: &[&str] = &["so", "because", "therefore", "hence", "which", "cos"];

/// Words that may follow a denied deed and keep it whole ("I have never
/// used it myself", "not used it at all").
const WHOLE_DENIAL: &[&str] = &[
    "myself",
    "personally",
    "at",
    "all",
    "ever",
    "before",
    "yet",
    "either",
    "really",
    "as",
    "such",
];

/// The deed a yes/no question asks about, as "Have you used ketamine
/// ...?" asks it: the verb's stem and the object written right after it.
struct Deed {
    verb: String,
    object: Option<String>,
    /// Every word of the question, for what may follow a denial.
    words: Vec<String>,
}

/// Stems of the verbs that tell of one deed, using a drug: "I have never
/// prescribed it" denies "Have you used ketamine ...?" as "never used it"
/// does.
const USING: &[&str] = &["us", "prescrib", "giv", "given", "gav", "administer", "tri"];

/// Is `word` the deed's verb, or one of [`USING`] when the deed is one?
fn same_verb(deed: &Deed, word: &str) -> bool {
    let stem = verb_stem(word);
    stem == deed.verb || (USING.contains(&deed.verb.as_str()) && USING.contains(&stem))
}

/// The stem of `word`: "ing", then every "ed" and every "e" taken off
/// its end. Borrowed, with no searcher built for "ed": it is made for
/// every word of the doctor's text against every deed (issue 23).
fn verb_stem(word: &str) -> &str {
    let mut w = word.strip_suffix("ing").unwrap_or(word);
    while let Some(shorter) = w.strip_suffix("ed") {
        w = shorter;
    }
    w.trim_end_matches('e')
}

fn deed(question: &Question) -> Option<Deed> {
    if !matches!(question.kind, QuestionKind::YesNo) {
        return None;
    }
    // Its first two words first, before all are made (issue 23: most
    // yes/no questions ask of no deed).
    let mut first = plain_words_lazily(&question.text);
    if !first
        .next()
        .is_some_and(|aux| ["have", "did", "do"].contains(&&*aux))
        || first.next().is_none_or(|you| you != "you")
    {
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
    let verb = rest.first()?;
    let verb = verb_stem(verb).to_owned();
    if verb.len() < 2 {
        return None;
    }
    Some(Deed {
        verb,
        object: rest.get(1).cloned(),
        words,
    })
}

/// The first sentence of the doctor's own `text` that disagrees with
/// `given`, the yes or no read for `question`: one that says they did
/// the deed it asks about against a no, or that they never did against a
/// yes. `None` when none does, or when the question asks of no deed. A
/// sentence over 2,000 bytes is not read (no one writes one). The text
/// comes read into its [`Sentences`].
pub(super) fn against(question: &Question, given: bool, text: &Sentences) -> Option<String> {
    let deed = deed(question)?;
    text.0
        .iter()
        .find(|sentence| said(&deed, sentence).is_some_and(|done| done != given))
        .map(|sentence| sentence.text.clone())
}

/// The sentences of a text that [`against`] reads (none with a question
/// mark, none over 2,000 bytes), each split into its words and clauses
/// once: a reply's text is read against every yes/no question of a deed,
/// and splitting it again for each took most of [`against`]'s time
/// (issue 23).
pub(super) struct Sentences(Vec<Sentence>);

struct Sentence {
    text: String,
    words: Vec<String>,
    /// Where each clause starts in `words`, and where the last ends.
    clause_starts: Vec<usize>,
}

impl Sentences {
    pub(super) fn of(text: &str) -> Sentences {
        Sentences(
            text.split(['.', '!', ';', '\n'])
                .map(str::trim)
                .filter(|sentence| !sentence.contains('?') && sentence.len() <= 2000)
                .map(Sentence::of)
                .collect(),
        )
    }
}

impl Sentence {
    fn of(sentence: &str) -> Sentence {
        // Clause starts: after a comma, a dash, a colon or a bracket. Each
        // is a break between words too, so the pieces' words, one after
        // the other, are the sentence's: read once.
        let mut words = Vec::new();
        let mut clause_starts = vec![0usize];
        for piece in sentence.split_inclusive([',', ':', '(', ')', '-', '–', '—']) {
            words.extend(plain_words(piece));
            clause_starts.push(words.len());
        }
        Sentence {
            text: sentence.to_owned(),
            words,
            clause_starts,
        }
    }
}

/// Does `sentence` say the doctor did the deed (`true`), or never did
/// (`false`)? `None` when it says neither.
fn said(deed: &Deed, sentence: &Sentence) -> Option<bool> {
    let (words, clause_starts) = (&sentence.words, &sentence.clause_starts);
    for (k, &start) in clause_starts.iter().enumerate() {
        let end = clause_starts.get(k + 1).copied().unwrap_or(words.len());
        if start >= end {
            continue;
        }
        let clause = &words[start..end];
        let Some(v) = clause.iter().enumerate().position(|(i, w)| {
            w.len() >= 2
                && same_verb(deed, w)
                && clause
                    .get(i + 1)
                    .is_some_and(|o| o == "it" || o == "them" || deed.object.as_ref() == Some(o))
        }) else {
            continue;
        };
        let lead = clause[..v]
            .iter()
            .rev()
            .take_while(|w| BETWEEN.contains(&w.as_str()))
            .count();
        let subject = v - lead;
        let doctor = subject == 0 || ["i", "we"].contains(&clause[subject - 1].as_str());
        if !doctor {
            continue;
        }
        let denied = clause[subject..v]
            .iter()
            .any(|w| w == "never" || w == "not");
        // Up to a consequence or a reason ("..., so I'd welcome training").
        let after = &words[start + v + 2..];
        let after = &after[..after
            .iter()
            .position(|w| CONSEQUENCE.contains(&w.as_str()))
            .unwrap_or(after.len())];
        let has =
            |words: &[String], list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
        if has(&words[..start + v], NO_DEED) || has(after, NO_DEED) {
            return None;
        }
        return if denied {
            let rest = &clause[v + 2..];
            rest.iter()
                .all(|w| WHOLE_DENIAL.contains(&w.as_str()) || deed.words.contains(w))
                .then_some(false)
        } else {
            (!has(after, TAKEN_BACK)).then_some(true)
        };
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yes_no(id: &str, text: &str) -> Question {
        Question {
            id: id.to_owned(),
            text: text.to_owned(),
            required: true,
            kind: QuestionKind::YesNo,
            allow: Vec::new(),
            show_if: None,
        }
    }

    fn used() -> Question {
        yes_no(
            "used_ketamine",
            "Have you used ketamine for pain in palliative care?",
        )
    }

    #[test]
    fn a_sentence_of_the_doctors_own_says_whether_they_did_the_deed() {
        let q = used();
        for (text, given, against_it) in [
            (
                "12. Only used it twice, on the ward, so I don't feel I know it well.",
                false,
                true,
            ),
            ("I've used ketamine three times.", false, true),
            (
                "To be honest I have never used it myself - I supervise.",
                true,
                true,
            ),
            ("I haven't used it at all", true, true),
            ("I've used it three times", true, false),
            (
                "Our registrar has used it twice, but I never have.",
                false,
                false,
            ),
            (
                "I would have used it if pharmacy had stocked it.",
                false,
                false,
            ),
            ("I haven't used it since the spring.", true, false),
            (
                "I have used it, but never in palliative care.",
                false,
                false,
            ),
            ("Have I used it? Once.", false, false),
            ("I've never actually prescribed it myself.", true, true),
            ("I gave it twice last year.", false, true),
            ("I have seen it used twice.", false, false),
        ] {
            assert_eq!(
                against(&q, given, &Sentences::of(text)).is_some(),
                against_it,
                "{text}"
            );
        }
    }

    #[test]
    fn only_questions_asking_the_doctor_of_a_deed() {
        let q = yes_no(
            "written_protocol",
            "Does your service have a written protocol?",
        );
        assert_eq!(
            against(&q, false, &Sentences::of("We have used it twice.")),
            None
        );
    }
}
