//! Answers a careful reader finds without our numbers: a line labelled by
//! words of a question ("Protocol - yes", "Confidence = 6") and sentences
//! about a question ("My confidence is about 5", "we have no written
//! protocol").
//!
//! Both rest on the *distinctive words* of each question: the stems of its
//! text that no other question has ("protocol" only in the protocol
//! question, "confiden…" only in the confidence one). Words every question
//! shares ("ketamine", "opioids") tie a line to none of them. A label is
//! certain; a sentence is only inferred, and the doctor confirms it.
//!
//! Linear: every function makes one pass over the words it is given, with
//! per-question lists of a few words.

use crate::survey::{Question, QuestionKind};
use crate::understand::answer::{Answer, Status, Value};

use super::value::{self, plain_words};

/// Words that never make a question distinctive: grammar, and the verbs
/// every question is phrased with.
const STOP: &[&str] = &[
    "a", "an", "the", "to", "of", "in", "on", "for", "and", "or", "with", "as", "at", "by", "is",
    "are", "be", "been", "was", "were", "do", "does", "did", "have", "has", "had", "you", "your",
    "yours", "i", "we", "our", "my", "me", "us", "it", "its", "this", "that", "any", "if", "which",
    "what", "how", "who", "whom", "whose", "would", "could", "should", "will", "can", "may",
    "might", "more", "most", "some", "other", "use", "used", "using", "feel", "think", "enable",
    "because", "about", "into", "from", "than", "there", "their", "yes", "no", "not", "ever",
    "please", "specify", "optional", "answer", "question", "need", "needed", "further", "also",
    "all", "each",
];

/// How a few words tie to the questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tie {
    /// No question's words.
    None,
    /// One question's (0-based index).
    One(usize),
    /// Words of two or more questions: unclear which.
    Several,
}

/// The distinctive and shared stems of each question.
pub struct Index {
    /// Per question: stems of its text that no other question has.
    distinctive: Vec<Vec<String>>,
    /// Stems found in two or more questions' texts (not stop words).
    shared: Vec<String>,
    /// Per question: every stem of its text (not stop words).
    all: Vec<Vec<String>>,
    /// Per question: the stems of its id's words (`opioid_sparing`).
    ids: Vec<Vec<String>>,
}

/// A crude stem: enough to tie "confidence" to "confident", "protocols" to
/// "protocol", "trained" to "training". At most six letters.
pub fn stem(word: &str) -> String {
    let mut w = word.to_lowercase();
    if w.len() > 4 && w.ends_with('s') && !w.ends_with("ss") {
        w.pop();
    }
    if w.len() >= 7 && w.ends_with("ing") {
        w.truncate(w.len() - 3);
    } else if w.len() >= 6 && w.ends_with("ed") {
        w.truncate(w.len() - 2);
    }
    w.chars().take(6).collect()
}

fn content_stems(text: &str) -> Vec<String> {
    let mut out: Vec<String> = plain_words(text)
        .iter()
        .filter(|w| !STOP.contains(&w.as_str()) && w.chars().any(char::is_alphabetic))
        .map(|w| stem(w))
        .collect();
    out.sort();
    out.dedup();
    out
}

impl Index {
    /// Does a stem of question `q`'s own words (no other question has it)
    /// stand within three words after "our" or "we" in `words` ("our
    /// shared guidance", "we follow the hospice protocol")?
    pub fn owned(&self, q: usize, words: &[String]) -> bool {
        let Some(own) = self.distinctive.get(q) else {
            return false;
        };
        words.iter().enumerate().any(|(i, w)| {
            (w == "our" || w == "we")
                && words[i + 1..]
                    .iter()
                    .take(4)
                    .any(|next| own.contains(&stem(next)))
        })
    }

    /// The index of `questions`' words.
    pub fn new(questions: &[Question]) -> Index {
        let all: Vec<Vec<String>> = questions.iter().map(|q| content_stems(&q.text)).collect();
        // Option labels only block: "side effects" is an option of one
        // question and words of another.
        let options: Vec<Vec<String>> = questions
            .iter()
            .map(|q| {
                let labels: Vec<&str> = q.options().iter().map(|o| o.label.as_str()).collect();
                content_stems(&labels.join(" "))
            })
            .collect();
        let count = |stem: &String| {
            all.iter()
                .zip(&options)
                .filter(|(a, o)| a.contains(stem) || o.contains(stem))
                .count()
        };
        let distinctive = all
            .iter()
            .map(|stems| stems.iter().filter(|s| count(s) == 1).cloned().collect())
            .collect();
        let mut shared: Vec<String> = all
            .iter()
            .flatten()
            .filter(|s| all.iter().filter(|a| a.contains(s)).count() >= 2)
            .cloned()
            .collect();
        shared.sort();
        shared.dedup();
        let ids = questions
            .iter()
            .map(|q| content_stems(&q.id.replace(['_', '-', '.'], " ")))
            .collect();
        Index {
            distinctive,
            shared,
            all,
            ids,
        }
    }

    /// The questions whose distinctive stems `stems` carry.
    fn tied(&self, stems: &[String]) -> Vec<usize> {
        (0..self.distinctive.len())
            .filter(|&q| self.distinctive[q].iter().any(|d| stems.contains(d)))
            .collect()
    }

    /// Every question whose distinctive words `text` carries, however
    /// many (0-based).
    pub fn naming(&self, text: &str) -> Vec<usize> {
        self.tied(&content_stems(text))
    }

    /// Which question a label names ("Protocol", "More research",
    /// "Community guidance"). A label that carries only words several
    /// questions share ("Further", "Ketamine") fits several.
    pub fn label(&self, label: &str) -> Tie {
        let stems = content_stems(label);
        if stems.is_empty() || stems.len() > 5 {
            return Tie::None;
        }
        let tied = self.tied(&stems);
        // "Opioid sparing" for `opioid_sparing`: a label whose words are
        // exactly the words of one question's id (the short name the
        // survey's author gave it), when no question's text ties it.
        let by_id: Vec<usize> = (0..self.ids.len())
            .filter(|&q| !self.ids[q].is_empty() && self.ids[q] == stems)
            .collect();
        if let ([], [one]) = (tied.as_slice(), by_id.as_slice()) {
            return Tie::One(*one);
        }
        match tied.as_slice() {
            [one] => Tie::One(*one),
            [] => match self.by_near_stem(&stems) {
                Some(one) => Tie::One(one),
                None if stems.iter().any(|s| self.shared.contains(s)) => Tie::Several,
                None => Tie::None,
            },
            _ => Tie::Several,
        }
    }

    /// "Reducing opioids" for the question about "a reduction of the
    /// opioid dose": a label that no distinctive word ties, whose one word
    /// that no question has is a stem of five letters ("reduc", from
    /// "reducing" or "reduced") that starts exactly one question's stem of
    /// six ("reduct", from "reduction"), a distinctive one, and whose
    /// every other word is a word of that question. "Reducing opioids for
    /// pain" (pain is another question's word) ties none.
    fn by_near_stem(&self, stems: &[String]) -> Option<usize> {
        let known = |s: &String| self.all.iter().any(|a| a.contains(s));
        let unknown: Vec<&String> = stems.iter().filter(|s| !known(s)).collect();
        let [near] = unknown.as_slice() else {
            return None;
        };
        if near.chars().count() != 5 {
            return None;
        }
        let starts = |s: &String| s.chars().count() == 6 && s.starts_with(near.as_str());
        let fits: Vec<usize> = (0..self.all.len())
            .filter(|&q| self.all[q].iter().any(starts))
            .collect();
        let [q] = fits.as_slice() else {
            return None;
        };
        let distinctive = self.distinctive[*q].iter().any(starts);
        let rest_its_own = stems
            .iter()
            .filter(|s| s != near)
            .all(|s| self.all[*q].contains(s));
        (distinctive && rest_its_own).then_some(*q)
    }
}

/// "Protocol - yes", "Confidence = 6", "Community guidance: none", "More
/// research? Yes": the label and the answer after it.
pub fn split_label(line: &str) -> Option<(&str, &str)> {
    // The first separator that is not a hyphen inside a word
    // ("End-of-life use: yes").
    let bytes = line.as_bytes();
    let at = line.char_indices().find_map(|(i, c)| {
        let inside = c == '-'
            && i > 0
            && bytes[i - 1].is_ascii_alphanumeric()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric);
        ([':', '=', '?', '-', '–', '—'].contains(&c) && !inside).then_some(i)
    })?;
    let label = line[..at]
        .trim()
        .trim_start_matches(['*', '_'])
        .trim_end_matches(['*', '_']);
    let sep = line[at..].chars().next()?;
    let rest = line[at + sep.len_utf8()..]
        .trim_start_matches([':', '=', '?', '-', '–', '—', '>', ' ', '*', '_'])
        .trim();
    // A hyphen inside a word ("end-of-life", "side-effects") is not a
    // separator: look for a spaced one.
    if sep == '-' && !line[at..].starts_with("- ") && !line[..at].ends_with(' ') {
        let spaced = line.find(" - ").or_else(|| line.find(" – "))?;
        let label = line[..spaced].trim();
        let rest = line[spaced + 3..]
            .trim_start_matches([' ', '-', '–'])
            .trim();
        return (!label.is_empty() && !rest.is_empty() && label.split_whitespace().count() <= 6)
            .then_some((label, rest));
    }
    (!label.is_empty() && !rest.is_empty() && label.split_whitespace().count() <= 6)
        .then_some((label, rest))
}

/// The doctor's sentences, each cut at "but", "although" and the like, as
/// clauses of words.
fn clauses(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for paragraph in text.split("\n\n") {
        let flat = unwrapped(paragraph);
        let bytes = flat.as_bytes();
        let mut start = 0;
        for (i, c) in flat.char_indices() {
            let ends = match c {
                '!' | '?' | ';' => true,
                // Not the point in "7.5" or "e.g.".
                '.' => {
                    !(i > 0
                        && bytes[i - 1].is_ascii_digit()
                        && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
                }
                _ => false,
            };
            if ends {
                // A question the doctor asks is not an answer.
                if c != '?' {
                    out.extend(cut(&flat[start..i]));
                }
                start = i + c.len_utf8();
            }
        }
        out.extend(cut(&flat[start..]));
    }
    out
}

/// A paragraph's lines joined where a line was wrapped: a line of
/// [`WRAPPED`] characters or more goes on in the next; a shorter one ends
/// its sentence ("Dying patients, pain not controlled on opioids – yes"
/// above "What holds me back – side effects" are two lines of a list,
/// never one sentence).
fn unwrapped(paragraph: &str) -> String {
    let mut flat = String::with_capacity(paragraph.len());
    let mut lines = paragraph.lines().peekable();
    while let Some(line) = lines.next() {
        flat.push_str(line);
        if lines.peek().is_some() {
            let ended = line.trim_end().ends_with(['.', '!', '?', ';']);
            flat.push_str(if line.trim().chars().count() >= WRAPPED || ended {
                " "
            } else {
                "; "
            });
        }
    }
    flat
}

/// The shortest line a mail client wraps (most wrap at 72 to 78).
const WRAPPED: usize = 50;

/// A sentence cut at its contrasts.
fn cut(sentence: &str) -> Vec<String> {
    let mut pieces = vec![sentence.to_owned()];
    for marker in [
        " but ",
        ", but",
        " although ",
        " though ",
        " however ",
        " whereas ",
        " while ",
    ] {
        pieces = pieces
            .into_iter()
            .flat_map(|p| {
                let lower = p.to_lowercase();
                match lower.find(marker) {
                    Some(at) if p.is_char_boundary(at) => {
                        vec![p[..at].to_owned(), p[at + marker.len()..].to_owned()]
                    }
                    _ => vec![p],
                }
            })
            .collect();
    }
    pieces
        .into_iter()
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

/// Words that make a sentence no statement about practice at all.
const NOT_A_STATEMENT: &[&str] = &[
    "hope",
    "luck",
    "wish",
    "thanks",
    "thank",
    "results",
    "forward",
    "if",
    "whether",
    "wonder",
    "unsure",
    "sure",
    "maybe",
    "perhaps",
    "might",
    "possibly",
    "depends",
    "stopped",
    "longer",
    "know",
    "remember",
    "survey",
    "questionnaire",
    "email",
    // About the mail itself: "my answers are at the end", "replies below".
    "answers",
    "replies",
    "below",
    "bottom",
    "scroll",
];
/// Words that make a sentence one about what should, must or will happen
/// ("whatever guidance comes out of this needs to work for the district
/// nurses too"): no statement of what a service does or has done.
const OUGHT: &[&str] = &["should", "must", "whatever", "will", "needs", "shall"];

/// Does this sentence say what should happen or will happen, not what
/// is? One of `OUGHT`, "need to", "would need", "comes out of".
fn about_what_ought(words: &[String]) -> bool {
    words.iter().any(|w| OUGHT.contains(&w.as_str()))
        || words.windows(2).any(|pair| {
            matches!(
                [pair[0].as_str(), pair[1].as_str()],
                ["need", "to"] | ["would", "need"] | ["comes", "out"] | ["come", "out"]
            )
        })
}

/// Does `question` ask what the doctor or their service does or has done
/// ("Have you used", "Has your service developed", "Does your service
/// have"), not what they would want or feel?
fn asks_a_fact(question: &Question) -> bool {
    let text = question.text.trim_start().to_lowercase();
    ["have ", "has ", "does ", "did ", "is ", "are "]
        .iter()
        .any(|start| text.starts_with(start))
}

/// Words that name what a sentence leaves out.
const EXCEPTING: &[&str] = &["except", "apart", "besides", "excluding", "bar"];
const FIRST_PERSON: &[&str] = &["i", "we", "my", "our", "me", "us", "myself", "ourselves"];
const NEGATION: &[&str] = &[
    "not", "never", "no", "none", "nor", "neither", "without", "nothing", "nobody",
];
const AFFIRM: &[&str] = &[
    "yes",
    "definitely",
    "certainly",
    "absolutely",
    "indeed",
    "sure",
    "always",
    "very",
    "welcome",
    "useful",
    "would",
];

/// Reads each clause of `text` that ties to exactly one question as an
/// inferred answer to it: (question index, answer), in text order.
pub fn read(text: &str, questions: &[Question], index: &Index) -> Vec<(usize, Answer)> {
    let mut out = Vec::new();
    let mut pending: Vec<(String, bool)> = clauses(text).into_iter().map(|c| (c, true)).collect();
    pending.reverse();
    while let Some((clause, may_split)) = pending.pop() {
        if crate::understand::budget::expired() {
            break;
        }
        let words = plain_words(&clause);
        let stems: Vec<String> = words.iter().map(|w| stem(w)).collect();
        let tied = index.tied(&stems);
        if tied.len() >= 2 && may_split {
            // "We have no written protocol and no community guidance":
            // each part on its own, once.
            let parts = split_and(&clause, index);
            if parts.len() >= 2 {
                pending.extend(parts.into_iter().rev().map(|p| (p, false)));
            }
            continue;
        }
        let [q] = tied.as_slice() else {
            continue;
        };
        // "And for 10: our pharmacy only stocks ...": the doctor names
        // the question by its number; never an answer to another one.
        if names_a_number(&clause) {
            continue;
        }
        let question = &questions[*q];
        if declines_a_number(question, &words) {
            out.push((
                *q,
                Answer::unclear("the doctor would not put a number on it", clause.trim()),
            ));
            continue;
        }
        if let Some(mut answer) = read_clause(question, &clause, &words, &stems, &index.all[*q]) {
            answer.status = Status::Inferred;
            answer.reason = Some(format!(
                "read from the sentence \"{}\": to be confirmed",
                clause.trim()
            ));
            out.push((*q, answer));
        }
    }
    out
}

/// "And for 10: ...", "re Q7 -", "question 3)": a clause that names a
/// question by its number before a colon, dash or bracket.
fn names_a_number(clause: &str) -> bool {
    static NUMBERED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)(?:^|\b(?:for|re|on|question|number|no\.?))\s*(?:q|#)?\s*\d{1,2}\s*(?:[:)]|\s[-–]\s)",
        )
        .expect("a valid pattern")
    });
    NUMBERED.is_match(clause.trim_start())
}

/// "Can't really put a number on confidence", "hard to give my
/// confidence a score": a clause tied to a scale or a number alone that
/// says it cannot be given (a word of not being able and a word for a
/// number, no digit): asked, never a value (the only answer [`read`]
/// gives that is unclear, and so certain).
fn declines_a_number(question: &Question, words: &[String]) -> bool {
    const UNABLE: &[&str] = &[
        "can't",
        "cannot",
        "couldn't",
        "hard",
        "difficult",
        "impossible",
    ];
    const A_NUMBER: &[&str] = &["number", "score", "figure", "rating"];
    matches!(
        question.kind,
        QuestionKind::Scale { .. } | QuestionKind::Number { .. }
    ) && words.iter().any(|w| UNABLE.contains(&w.as_str()))
        && words.iter().any(|w| A_NUMBER.contains(&w.as_str()))
        && !words.iter().any(|w| w.bytes().any(|b| b.is_ascii_digit()))
}

/// Words that keep a sentence's "yes to the first three" from being
/// read: a negation, a doubt, a condition, an exception.
const NOT_BY_PLACE: &[&str] = &[
    "not", "never", "if", "whether", "maybe", "perhaps", "probably", "unless", "except", "apart",
    "sure", "hope",
];

/// "…, so it's yes for the first three", "the first two are a no from
/// me": a sentence of the doctor's that answers the first questions by
/// their place, inside other words (a whole line of such clauses is a
/// summary, read certain elsewhere). Each yes/no question among the
/// first N gets the value, inferred: it counts only when nothing certain
/// answers that question, and a certain answer that differs is then
/// contradicted, so unclear. Questions of another kind among them are
/// left alone. Nothing in a sentence with a question mark, a negation, a
/// doubt, a condition or an exception.
pub fn by_place(text: &str, questions: &[Question]) -> Vec<(usize, Answer)> {
    let mut out = Vec::new();
    for sentence in text.split(['.', '!', '\n']) {
        let sentence = sentence.trim();
        let words = plain_words(sentence);
        if sentence.contains('?') || words.iter().any(|w| NOT_BY_PLACE.contains(&w.as_str())) {
            continue;
        }
        let Some((count, yes)) = place_in(&words) else {
            continue;
        };
        for (q, question) in questions.iter().enumerate().take(count) {
            if question.kind != QuestionKind::YesNo {
                continue;
            }
            let mut answer = Answer::ok(Value::Bool(yes), sentence);
            answer.status = Status::Inferred;
            answer.reason = Some(format!(
                "read from the sentence \"{sentence}\": to be confirmed"
            ));
            out.push((q, answer));
        }
    }
    out
}

/// The first place a sentence's words name with a value: "yes to (all)
/// the first three (questions)", "no for the first two", "the first three
/// are (all) (a) yes". The count and the value; one to ten questions.
fn place_in(words: &[String]) -> Option<(usize, bool)> {
    let count = |w: &str| super::numbering::count(w).filter(|n| (1..=10).contains(n));
    let value = |w: &str| match w {
        "yes" | "yeses" => Some(true),
        "no" | "noes" | "nos" => Some(false),
        _ => None,
    };
    for i in 0..words.len() {
        let w = |k: usize| words.get(i + k).map(String::as_str).unwrap_or("");
        // "yes to/for (all) (of) the first three"
        if let Some(yes) = value(w(0))
            && ["to", "for"].contains(&w(1))
        {
            let mut k = 2;
            while ["all", "of"].contains(&w(k)) {
                k += 1;
            }
            if w(k) == "the"
                && w(k + 1) == "first"
                && let Some(n) = count(w(k + 2))
            {
                return Some((n, yes));
            }
        }
        // "the first three (questions) are (all) (a) yes"
        if w(0) == "the"
            && w(1) == "first"
            && let Some(n) = count(w(2))
        {
            let mut k = 3;
            if ["questions", "ones", "answers"].contains(&w(k)) {
                k += 1;
            }
            if ["are", "were"].contains(&w(k)) {
                k += 1;
                while ["all", "a"].contains(&w(k)) {
                    k += 1;
                }
                if let Some(yes) = value(w(k)) {
                    return Some((n, yes));
                }
            }
        }
    }
    None
}

/// A clause cut at "and", "or" and "nor" (a negation before "or" or
/// "nor" carries over: "we don't have a protocol or guidance" is two
/// noes); commas only when that does not separate the questions.
fn split_and(clause: &str, index: &Index) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    for piece in clause.split(" and ") {
        let negated = plain_words(piece)
            .iter()
            .any(|w| NEGATION.contains(&w.as_str()));
        for (k, alternative) in piece
            .split(" or ")
            .flat_map(|p| p.split(" nor "))
            .enumerate()
        {
            let mut part = alternative.trim().to_owned();
            if k > 0 && negated {
                part = format!("not {part}");
            }
            parts.push(part);
        }
    }
    let ties = |p: &str| {
        let stems: Vec<String> = plain_words(p).iter().map(|w| stem(w)).collect();
        index.tied(&stems).len()
    };
    parts
        .into_iter()
        .flat_map(|p| {
            if ties(&p) >= 2 {
                p.split(", ").map(str::to_owned).collect()
            } else {
                vec![p]
            }
        })
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

fn read_clause(
    question: &Question,
    clause: &str,
    words: &[String],
    stems: &[String],
    own: &[String],
) -> Option<Answer> {
    // "We shared it with the district nurses, as far as I know": the
    // doctor's own doubt, in any of the words an answer's doubt is read
    // in; a careful reader asks rather than guesses.
    if words.iter().any(|w| NOT_A_STATEMENT.contains(&w.as_str())) || value::doubted(clause) {
        return None;
    }
    // "Whatever guidance comes out of this needs to work for the district
    // nurses too": a wish for the future answers no question of fact.
    if asks_a_fact(question) && about_what_ought(words) {
        return None;
    }
    // "All yes except the community guidance one": the question named is
    // the exception, not the answer.
    if words.iter().any(|w| EXCEPTING.contains(&w.as_str())) {
        return None;
    }
    match &question.kind {
        QuestionKind::YesNo => {
            let personal = words.iter().any(|w| FIRST_PERSON.contains(&w.as_str()));
            let negations = words
                .iter()
                .filter(|w| NEGATION.contains(&w.as_str()))
                .count();
            let affirm = words.iter().any(|w| AFFIRM.contains(&w.as_str()));
            let about = stems.iter().filter(|s| own.contains(s)).count();
            if !(personal || negations > 0 || affirm || about >= 2) {
                return None;
            }
            // "Never outside end-of-life care": the negation is about
            // everything else, which a careful reader does not guess at.
            if negations > 0
                && words.iter().any(|w| {
                    ["outside", "except", "apart", "only", "other", "besides"].contains(&w.as_str())
                })
            {
                return None;
            }
            // A word of value's list of how often ("often", "rarely"); its
            // phrases ("now and then") are never one word.
            let often = words.iter().any(|w| value::FREQUENCY.contains(&w.as_str()));
            // "Pain not controlled on opioids – yes": a yes of its own
            // beside a negation; which one answers is the doctor's to say.
            if negations > 0 && words.iter().any(|w| w == "yes") {
                return None;
            }
            let value = match negations {
                0 if often && !value::asks_ever(question) => return None,
                0 => true,
                1 => false,
                _ => return None,
            };
            Some(Answer::ok(Value::Bool(value), clause.trim()))
        }
        QuestionKind::Scale { .. }
        | QuestionKind::Number { .. }
        | QuestionKind::Duration { .. } => {
            // "Confidence 7 years ago": a count, not a score (a duration
            // is a count of years).
            let duration = matches!(question.kind, QuestionKind::Duration { .. });
            if !duration && value::counts(clause).1 > 0 {
                return None;
            }
            let answer = value::read(question, clause);
            answer.is_ok().then_some(answer).map(|mut a| {
                a.other = None;
                a
            })
        }
        QuestionKind::SingleChoice(_) | QuestionKind::MultipleChoice(_) => {
            choices(question, clause)
        }
        QuestionKind::Text
        | QuestionKind::Date { .. }
        | QuestionKind::Grid { .. }
        | QuestionKind::Ranking(_) => None,
    }
}

/// Options named in a clause, each piece between commas and "and" read on
/// its own so "lack of evidence, not expertise" chooses only evidence.
fn choices(question: &Question, clause: &str) -> Option<Answer> {
    let options = question.options();
    let mut chosen: Vec<usize> = Vec::new();
    let lower = clause.to_lowercase();
    // Words of the options' labels ("lack", "evidence", "effects").
    let label_words: Vec<String> = options
        .iter()
        .flat_map(|o| plain_words(&o.label))
        .filter(|w| w.len() >= 4)
        .collect();
    let mut near_miss = false;
    for piece in lower.split([',', ';']).flat_map(|p| p.split(" and ")) {
        match value::options_named(piece.trim(), question) {
            Some(named) => chosen.extend(named),
            // "lack of evidence, not expertise": an option ruled out.
            None if piece.trim_start().starts_with("not ") => {}
            None => near_miss |= plain_words(piece).iter().any(|w| label_words.contains(w)),
        }
    }
    // "The barriers for me are the lack of experience and the side
    // effects": a part in an option's words that names none ("lack of
    // experience") would leave the list read in part; not read at all.
    if near_miss {
        return None;
    }
    chosen.sort_unstable();
    chosen.dedup();
    if chosen.is_empty()
        || (chosen.len() > 1 && chosen.iter().any(|&i| options[i].exclusive))
        || chosen.iter().any(|&i| options[i].other)
    {
        return None;
    }
    let ids: Vec<String> = chosen.iter().map(|&i| options[i].id.clone()).collect();
    match &question.kind {
        QuestionKind::MultipleChoice(_) => Some(Answer::ok(Value::Choices(ids), clause.trim())),
        _ if ids.len() == 1 => Some(Answer::ok(Value::Choice(ids[0].clone()), clause.trim())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_yet_is_a_no_and_a_numbered_clause_answers_no_other_question() {
        let survey = crate::survey::example();
        let index = Index::new(&survey.questions);
        let read = |text: &str| {
            read(text, &survey.questions, &index)
                .into_iter()
                .map(|(q, a)| (survey.questions[q].id.clone(), a.value))
                .collect::<Vec<_>>()
        };
        let guidance = |v| vec![("shared_guidance".to_string(), Some(Value::Bool(v)))];
        assert_eq!(
            read("Nothing agreed with the community services yet"),
            guidance(false)
        );
        assert_eq!(
            read("We wrote guidance with the community services last year"),
            guidance(true)
        );
        for text in [
            "And for 10: the community services find the tablets awkward",
            "Re Q4) we rarely see it in the community services",
            "On 10 - community services use the liquid",
            "Most of our patients are at home, so whatever guidance comes out of this needs to work for the district nurses too",
            "Any guidance for community services should include the district nurses",
            "We will need guidance for the community services",
            "Our guidance would need to cover the community services",
            "The community services must have guidance we share",
        ] {
            assert_eq!(read(text), vec![], "{text}");
        }
    }

    #[test]
    fn the_first_questions_by_their_place_in_a_sentence() {
        let survey = crate::survey::example();
        let read = |text: &str| {
            by_place(text, &survey.questions)
                .into_iter()
                .map(|(q, a)| (q, a.value, a.status))
                .collect::<Vec<_>>()
        };
        let yes = |q| (q, Some(Value::Bool(true)), Status::Inferred);
        let no = |q| (q, Some(Value::Bool(false)), Status::Inferred);
        assert_eq!(
            read("I use it a lot, so it's yes for the first three."),
            vec![yes(0), yes(1), yes(2)]
        );
        assert_eq!(
            read("Short version: a no to all of the first two"),
            vec![no(0), no(1)]
        );
        assert_eq!(
            read("In short it's no for the first two, sorry"),
            vec![no(0), no(1)]
        );
        assert_eq!(
            read("Briefly, the first three questions are all a yes."),
            vec![yes(0), yes(1), yes(2)]
        );
        // The confidence score among the first five is left alone.
        assert_eq!(read("yes to the first five").len(), 3);
        for text in [
            "If we had a pain team it would be yes to the first three",
            "Not yes to the first two",
            "Yes to the first three?",
            "probably yes to the first two",
            "yes to the first twelve",
            "the first two are tricky",
        ] {
            assert_eq!(read(text), Vec::new(), "{text}");
        }
    }

    #[test]
    fn a_label_may_name_a_question_by_its_id() {
        let survey = crate::survey::example();
        let index = Index::new(&survey.questions);
        // "opioid" is in three questions' text, "sparing" in none: the id.
        assert!(matches!(index.label("Opioid sparing"), Tie::One(2)));
        assert!(matches!(index.label("opioid-sparing"), Tie::One(2)));
        // Only the id's words exactly: fewer name none or several.
        assert!(matches!(index.label("Opioid"), Tie::Several));
        assert!(matches!(index.label("Sparing"), Tie::None));
        assert!(matches!(
            index.label("Opioid sparing ketamine"),
            Tie::Several
        ));
        assert!(matches!(index.label("Ketamine use"), Tie::Several));
    }

    #[test]
    fn a_label_may_name_a_question_by_a_near_form_of_its_word() {
        let survey = crate::survey::example();
        let index = Index::new(&survey.questions);
        // "reducing", "reduced" for "a reduction of the opioid dose".
        for label in ["Reducing opioids", "Reduced opioid dose", "Reducing"] {
            assert_eq!(index.label(label), Tie::One(2), "{label}");
        }
        // Another question's word beside it, a stem too short or long.
        for label in [
            "Reducing opioids for pain",
            "Red. opioids",
            "Redundant opioids",
        ] {
            assert_eq!(index.label(label), Tie::Several, "{label}");
        }
        assert_eq!(index.label("Redoing"), Tie::None);
    }
}
