//! Reading one answer's text as a value of its question's kind.
//!
//! The rule throughout: take a value only when there is one reading. Two
//! readings ("yes and no", "6 or 7", an exclusive option with others) make
//! the answer unclear; a reading that is not a possible value (12 on 0-10,
//! option f of five) makes it invalid. Nothing is coerced.
//!
//! One file per kind of value: [`yes_no`], [`number`] (numbers and scales),
//! [`choice`] (single and multiple choice); the words they share are here.

mod changed;
mod choice;
mod date;
mod doubt;
mod duration;
mod grid;
mod nothing;
mod number;
mod ranking;
mod reserved;
mod yes_no;

use std::borrow::Cow;

use crate::survey::{Question, QuestionKind};
use crate::understand::answer::{Answer, Status, Value};

use choice::choice;
use number::number;
use yes_no::yes_no;

pub(crate) use choice::options_named;
pub(crate) use date::relative as date_relative;
pub(crate) use doubt::doubted;
pub(crate) use duration::{counted as duration_counted, since as duration_since};
pub(crate) use grid::GridReading;
pub(crate) use nothing::{says_nothing, without_sign_off};
pub(crate) use number::{NUMBER_WORDS, counts};
pub(crate) use reserved::not_applicable_said;
pub(crate) use yes_no::{FREQUENCY, asks_ever};

/// Reads `text`, the doctor's answer to `question`, as a value. `text` is
/// not empty. A question that allows "not applicable" or "prefer not to
/// say" is first read for those ([`reserved`]); one that allows neither
/// reads "n/a" as before (unclear for yes/no, as written for text).
pub fn read(question: &Question, text: &str) -> Answer {
    if question.kind != QuestionKind::Text {
        // "?yes", "? 7": a clinician's query, not an answer.
        if text.trim_start().starts_with('?') {
            return Answer::unclear(
                "a query (\"?yes\"): the doctor is not sure of the answer",
                text,
            );
        }
        return read_doubted(question, without_flourish(text));
    }
    read_doubted(question, text)
}

/// [`read`] once a query and the flourishes are dealt with.
fn read_doubted(question: &Question, text: &str) -> Answer {
    let answer = read_reasoned(question, text);
    // "Once, but I'm not sure it counts", "a, if that counts": the doctor
    // doubts the value they gave; asked, never counted.
    // "I think so, yes – ...": the leaning is settled; what follows may
    // still doubt it.
    let said = yes_no::after_settled_leaning(text).unwrap_or(text);
    if answer.value.is_some() && question.kind != QuestionKind::Text && doubt::doubted(said) {
        return Answer::unclear("the doctor is not sure of this answer", text);
    }
    // "None really, apart from the odd patient who ...": an exception
    // named after "none" contradicts it.
    if exclusive_chosen(question, &answer) && choice::none_with_exception(text) {
        return Answer::unclear(
            "none, but with an exception named (\"apart from\", \"except\")",
            text,
        );
    }
    answer
}

/// Is the exclusive option ("No barriers") among the answer's choices?
fn exclusive_chosen(question: &Question, answer: &Answer) -> bool {
    let chosen = |id: &String| {
        question
            .options()
            .iter()
            .any(|o| o.exclusive && &o.id == id)
    };
    match &answer.value {
        Some(Value::Choices(ids)) => ids.iter().any(chosen),
        Some(Value::Choice(id)) => chosen(id),
        _ => false,
    }
}

/// Emoticons typed after an answer ("Yes :)", "b!"): no part of it.
const EMOTICONS: &[&str] = &[
    ":)", ":-)", ":(", ":-(", ":D", ":-D", ";)", ";-)", ":P", ":-P", ":p", ":-p", "=)",
];

/// `text` without the exclamation marks and emoticons that follow the
/// answer ("YES!!", "b!", "Yes :)", "yes 🙂"); the text as it is when
/// nothing else is left.
fn without_flourish(text: &str) -> &str {
    let mut rest = text.trim_end();
    loop {
        let before = rest.len();
        rest = rest
            .trim_end_matches(|c: char| {
                c == '!' || matches!(c, '\u{1F600}'..='\u{1F64F}' | '\u{263A}' | '\u{fe0f}')
            })
            .trim_end();
        for e in EMOTICONS {
            if let Some(shorter) = rest.strip_suffix(e)
                && shorter.ends_with(' ')
            {
                rest = shorter.trim_end();
            }
        }
        if rest.len() == before {
            break;
        }
    }
    if rest.is_empty() { text } else { rest }
}

/// [`read`] before the doctor's doubt is looked for: the whole text, or
/// an answer clear on its own followed by its reason.
fn read_reasoned(question: &Question, text: &str) -> Answer {
    // "No – sorry, scratch that, yes: ...": the words after the first
    // value change it, they are no reason for it.
    if let Some(changed) = changed::within(question, text) {
        return changed;
    }
    if let Some(second) = self_corrected(question, text) {
        return second;
    }
    let whole = read_whole(question, text);
    if let Some(Value::Bool(value)) = whole.value
        && so_conclusion(text).is_some_and(|(concluded, _)| concluded != value)
    {
        // "We have a draft, but it isn't signed off, so no": the words
        // read as one answer and end with the other.
        return Answer::unclear("the answer ends with the other value (\"so no\")", text);
    }
    if whole.status != Status::Unclear
        || matches!(
            question.kind,
            QuestionKind::Text | QuestionKind::Grid { .. } | QuestionKind::Ranking(_)
        )
        || (question.kind == QuestionKind::YesNo && yes_no::another_deed(question, text))
    {
        return whole;
    }
    before_reason(question, text.trim())
        .or_else(|| reason_then_so(question, text.trim()))
        .unwrap_or(whole)
}

/// An answer that ends with "so" and a bare yes or no ("..., so yes",
/// "... - so it's a no"): that value, and where " so " starts.
fn so_conclusion(text: &str) -> Option<(bool, usize)> {
    let lower = text.to_ascii_lowercase();
    let at = lower.rfind(" so ")?;
    let tail = lower[at + 4..].trim().trim_end_matches(['.', '!']).trim();
    let tail = ["it's ", "it is ", "that's ", "that is "]
        .iter()
        .find_map(|p| tail.strip_prefix(p))
        .unwrap_or(tail);
    match tail.strip_prefix("a ").unwrap_or(tail) {
        "yes" => Some((true, at)),
        "no" => Some((false, at)),
        _ => None,
    }
}

/// Words that keep a reason before "so yes" from being one: another
/// yes, a condition, a contrast.
const SO_NOT_A_REASON: &[&str] = &[
    "yes", "so", "if", "unless", "but", "though", "although", "except", "whether", "depends",
];

/// "always happy to learn more, so yes", "we've never had a dying patient
/// on it - so no": a reason first, then "so" and a bare yes or no ("so
/// it's a yes") to end the answer, for a yes/no question. The reason is
/// kept as the explanation; it must hold no yes or no of its own, no
/// hedge or correction ("maybe", "sorry", "not sure" ...), no question
/// mark and at least two words.
fn reason_then_so(question: &Question, text: &str) -> Option<Answer> {
    if question.kind != QuestionKind::YesNo || text.contains('?') {
        return None;
    }
    let (value, at) = so_conclusion(text)?;
    let reason = text[..at]
        .trim()
        .trim_end_matches([',', ';', '-', '–', '—'])
        .trim();
    let words = plain_words(reason);
    if words.len() < 2
        || words
            .iter()
            .any(|w| NOT_A_REASON.contains(&w.as_str()) || SO_NOT_A_REASON.contains(&w.as_str()))
        || leading(&words, yes_no::UNSURE) > 0
        || leading(&words, yes_no::YES) > 0
        || leading(&words, yes_no::NO) > 0
        || yes_no::tentative(&words, reason)
    {
        return None;
    }
    Some(Answer {
        other: Some(reason.to_owned()),
        ..Answer::ok(Value::Bool(value), text)
    })
}

/// Words that start a reason after an answer with no mark between:
/// "a and c because ...", "Yes as part of ...", "No but it is planned".
const REASON_WORDS: &[&str] = &[
    " because ",
    " as ",
    " since ",
    " cos ",
    " due to ",
    " given ",
    " but ",
    " though ",
    " although ",
];

/// An answer corrected inside itself: the first answer, a separator,
/// a word of taking back ("sorry", "oops", "no wait", "actually") and/or
/// a correcting verb ("I mean", "meant", "make that", "should be"), then
/// the second: "No (sorry, meant yes)", "No, I meant yes", "Yes - sorry,
/// I mean no", "b (sorry, meant c)". Numbers have their own rule
/// ([`number::corrects`]).
static SELF_CORRECTED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)^\s*(?P<first>[^()\-–—]{1,30}?)\s*(?:[,;(\-–—:]\s*)+(?P<words>(?:(?:no\s+)?wait|sorry|oops|correction|scratch\s+that|or\s+rather|actually)[\s,;:\-–—]*)*(?P<verb>(?:i\s+)?mean(?:t)?(?:\s+to\s+(?:say|put))?|make\s+(?:that|it)|(?:it\s+)?should\s+(?:be|have\s+been|say))?\s*:?\s*(?P<second>[^()]{1,30}?)\s*\)?\s*[.!]*$",
    )
    .expect("valid regex")
});

/// The second answer of one corrected inside itself (above), for a yes/no
/// or choice question, when both the first and the second read on their
/// own; `None` otherwise.
fn self_corrected(question: &Question, text: &str) -> Option<Answer> {
    if !matches!(
        question.kind,
        QuestionKind::YesNo | QuestionKind::SingleChoice(_) | QuestionKind::MultipleChoice(_)
    ) {
        return None;
    }
    if !may_self_correct(text) {
        return None;
    }
    let c = SELF_CORRECTED.captures(text)?;
    if c.name("words").is_none() && c.name("verb").is_none() {
        return None;
    }
    let first = read_whole(question, &c["first"]);
    let second = read_whole(question, &c["second"]);
    (first.status == Status::Ok && second.status == Status::Ok).then(|| Answer {
        source: text.trim().to_owned(),
        ..second
    })
}

/// Can [`SELF_CORRECTED`] find in `text` the words or the verb it needs
/// (without either, [`self_corrected`] reads nothing)? An ASCII text
/// without any of their words cannot; any other text is searched
/// (`(?i)` matches the Kelvin sign as `k` and `ſ` as `s`). Answers are
/// read many times a reply, nearly none corrected inside itself: this
/// spares them the search for its captures (issue 23).
fn may_self_correct(text: &str) -> bool {
    const NEEDED: &[&[u8]] = &[
        b"wait",
        b"sorry",
        b"oops",
        b"correction",
        b"scratch",
        b"rather",
        b"actually",
        b"mean",
        b"make",
        b"should",
    ];
    !text.is_ascii()
        || NEEDED.iter().any(|word| {
            text.as_bytes()
                .windows(word.len())
                .any(|w| w.eq_ignore_ascii_case(word))
        })
}

/// Words that make what follows an answer a hedge or a correction, not
/// its reason.
const NOT_A_REASON: &[&str] = &[
    "or",
    "maybe",
    "perhaps",
    "possibly",
    "probably",
    "sorry",
    "mean",
    "meant",
    "make",
    "actually",
    "correction",
    "rather",
    "instead",
    "unsure",
    "sure",
    "either",
    "depends",
    "depending",
    "unless",
];

/// "No - not yet, it's in draft", "a - no local expertise": an answer that
/// is clear on its own, then a dash, comma, semicolon or bracket and its
/// reason (three words or more, which may hold a negation or another
/// option's words). The answer is the part before, its reason kept as the
/// explanation of a yes/no. Not when the reason hedges or corrects ("or",
/// "maybe", "sorry", "I mean"), starts with a not-sure phrase, answers the
/// other way ("No - yes we do"), or, for a number, holds another number.
fn before_reason(question: &Question, text: &str) -> Option<Answer> {
    // A dash, comma, semicolon or bracket is left out; a word that gives a
    // cause or a contrast ("a and c because ...", "5 as I still check")
    // starts the reason and stays in it.
    let marks = [" - ", " – ", " — ", ", ", "; ", " ("]
        .iter()
        .filter_map(|sep| text.find(sep).map(|i| (i, sep.len())));
    let lower = text.to_ascii_lowercase();
    let linked = REASON_WORDS
        .iter()
        .filter_map(|word| lower.find(word).map(|i| (i, 1)));
    let at = marks.chain(linked).min()?;
    let head = text[..at.0].trim();
    let reason = text[at.0 + at.1..].trim().trim_end_matches(')').trim();
    if head.is_empty() {
        return None;
    }
    let mut answer = read_whole(question, head);
    if answer.status != Status::Ok {
        return None;
    }
    let words = plain_words(reason);
    let digits = |k: usize| {
        words
            .get(k)
            .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
    };
    // "2 or 3 CSCIs": "or" between two numbers is a count, not a hedge.
    let hedge_or_fix = words.iter().enumerate().any(|(i, w)| {
        NOT_A_REASON.contains(&w.as_str())
            && !(w == "or" && i > 0 && digits(i - 1) && digits(i + 1))
    });
    // A choice's reason may be two words ("c - dissociation mainly"): it
    // must still explain, and add no option (below).
    let choice = matches!(
        question.kind,
        QuestionKind::SingleChoice(_) | QuestionKind::MultipleChoice(_)
    );
    if words.len() < if choice { 2 } else { 3 }
        || hedge_or_fix
        || leading(&words, yes_no::UNSURE) > 0
        || (matches!(question.kind, QuestionKind::YesNo) && yes_no::unfinished(&words))
        || yes_no::loosely(&words)
        || yes_no::tentative(&words, reason)
    {
        return None;
    }
    let numbered = matches!(
        question.kind,
        QuestionKind::Scale { .. } | QuestionKind::Number { .. } | QuestionKind::Duration { .. }
    );
    // Numbers in the reason of a number are counts ("(I have prescribed
    // it about 20 times)", "10+ years"), never another score, or a score
    // the doctor would give if things were otherwise ("would be 9 if we
    // had a protocol").
    if numbered && number::counts(reason).0 != number::counts(reason).1 && !hypothetical(&words) {
        return None;
    }
    if choice && !explains_choice(question, &answer, reason, &words) {
        return None;
    }
    if words.windows(2).any(|w| w[0] == "not" && w[1] == "really") {
        return None;
    }
    if let Some(Value::Bool(value)) = answer.value {
        let opposite = if value { yes_no::NO } else { yes_no::YES };
        let said = leading(&words, opposite);
        // "Yes - no formal training" is a reason; "Yes - no, sorry" or
        // "No - yes we do" is another answer.
        let alone = said > 0
            && reason
                .split_whitespace()
                .nth(said - 1)
                .is_none_or(|w| w.ends_with([',', '.', ';', '!', '?', ':']));
        // Another answer standing alone anywhere in it: "Yes, but no, not
        // really".
        let lone = reason.split_whitespace().any(|w| {
            let bare = w.trim_end_matches([',', '.', ';', '!', '?', ':']);
            bare.len() < w.len() && opposite.contains(&bare.to_lowercase().as_str())
        }) || opposite.contains(&words[words.len() - 1].as_str());
        // "No, but yes in the hospice": the other answer after a contrast.
        let contrasted = words.windows(2).any(|w| {
            ["but", "though", "although", "except", "apart"].contains(&w[0].as_str())
                && opposite.contains(&w[1].as_str())
        });
        if (said > 0 && !value) || alone || lone || contrasted {
            return None;
        }
        answer.other = Some(reason.to_owned());
    }
    answer.source = text.to_owned();
    Some(answer)
}

/// "Would be 9 if we had a protocol", "it would rise to 8 once pharmacy
/// stocks it": the score the doctor would give under other conditions,
/// said as such (would or could, then if, with, once or when), not a
/// second answer.
fn hypothetical(words: &[String]) -> bool {
    let start = usize::from(words.first().is_some_and(|w| w == "it" || w == "that"));
    words
        .get(start)
        .is_some_and(|w| w == "would" || w == "could")
        && words
            .iter()
            .any(|w| ["if", "with", "once", "when"].contains(&w.as_str()))
}

/// Is `reason` an explanation of the chosen options, not more options?
/// It adds none ("also c", "side effects too", a lone letter), and it
/// either explains by what is missing ("no local expertise"), gives a
/// cause ("because ..."), or names no option but those chosen ("b -
/// evidence is thin", "c - hallucinations in 2 of 5 patients").
fn explains_choice(question: &Question, answer: &Answer, reason: &str, words: &[String]) -> bool {
    // "c, and the price": a reason that opens with "and" (or "along
    // with") adds to the answer, it does not explain it.
    // A letter after "not" ("b, not c: ...") is taken back, not added.
    let adds = ["and", "along"].contains(&words[0].as_str())
        || words.iter().enumerate().any(|(i, w)| {
            let taken_back = i > 0 && ["not", "never", "nor"].contains(&words[i - 1].as_str());
            w.chars().count() == 1 && w != "i" && w.chars().all(char::is_alphabetic) && !taken_back
                || ["also", "too", "plus", "both", "well"].contains(&w.as_str())
        });
    if adds {
        return false;
    }
    let negated = words
        .iter()
        .any(|w| ["no", "not", "never", "none", "without", "nor"].contains(&w.as_str()));
    let cause = ["because", "as", "since", "due", "cos", "given"].contains(&words[0].as_str());
    let chosen: Vec<&str> = match &answer.value {
        Some(Value::Choices(ids)) => ids.iter().map(String::as_str).collect(),
        Some(Value::Choice(id)) => vec![id.as_str()],
        _ => Vec::new(),
    };
    let options = question.options();
    let others = options_named(reason, question).is_some_and(|named| {
        named
            .iter()
            .any(|&i| !chosen.contains(&options[i].id.as_str()))
    });
    negated || cause || !others
}

fn read_whole(question: &Question, text: &str) -> Answer {
    let text = text.trim();
    if !question.allow.is_empty()
        && let Some(answer) = reserved::read(question, text, |rest| of_kind(question, rest))
    {
        return answer;
    }
    of_kind(question, text)
}

/// Reads `text` as a value of `question`'s kind.
fn of_kind(question: &Question, text: &str) -> Answer {
    let text = text.trim();
    match &question.kind {
        QuestionKind::YesNo => yes_no(question, text),
        QuestionKind::Scale {
            min,
            max,
            min_label,
            max_label,
        } => {
            // "Not at all confident" for a scale whose 1 means that.
            let end = |label: &Option<String>| {
                label
                    .as_deref()
                    .is_some_and(|l| plain_words(l) == plain_words(text))
            };
            if end(min_label) {
                return Answer::ok(Value::Integer(*min), text);
            }
            if end(max_label) {
                return Answer::ok(Value::Integer(*max), text);
            }
            // "I haven't prescribed it since I moved here two years ago":
            // every number a count, none a point of the scale.
            let (numbers, counted) = number::counts(text);
            if numbers > 0 && counted == numbers {
                return Answer::unclear("a count (\"two years\"), not a point of the scale", text);
            }
            number(text, Some(*min as f64), Some(*max as f64), true)
        }
        QuestionKind::Number { min, max } => number(text, *min, *max, false),
        QuestionKind::SingleChoice(options) => choice(text, options, false, &question.text),
        QuestionKind::MultipleChoice(options) => choice(text, options, true, &question.text),
        QuestionKind::Text => Answer::ok(Value::Text(without_sign_off(text).to_owned()), text),
        QuestionKind::Date { order } => date::date(text, *order),
        QuestionKind::Duration { unit } => duration::duration(text, *unit),
        QuestionKind::Ranking(options) => ranking::ranking(text, options),
        QuestionKind::Grid { .. } => match read_grid(question, text) {
            GridReading::Whole(answer) => answer,
            GridReading::Items(_) => Answer::unclear("a grid is read item by item", text),
        },
    }
}

/// Does `text` start with an item's or option's letter as a key (`a) 4`,
/// `b: 2`)? Such a line under a grid's or a ranking's heading is the
/// doctor's answer even where the heading was not quoted.
pub(crate) fn grid_letter(text: &str) -> bool {
    grid::letter_key(text).is_some_and(|(_, rest)| !rest.is_empty())
}

/// Reads `text` as the answer to `question`, a grid: item by item (each
/// read as the grid's scale or options, so a value out of range is
/// invalid, as a scale's answer is, and asked about naming the range), or
/// "n/a" for the whole grid where the question allows it.
pub(crate) fn read_grid(question: &Question, text: &str) -> GridReading {
    let items = question.answered_questions();
    grid::read(
        question,
        text,
        |i, value| read(&items[i], value),
        |text| {
            if question.allow.is_empty() {
                return None;
            }
            reserved::read(question, text, |rest| Answer::unclear("", rest))
        },
    )
}

/// Words of `text`, lowercase, with `’` as `'` and the common contractions
/// spelled out, so "I haven't" and "I have not" read the same.
pub(crate) fn plain_words(text: &str) -> Vec<String> {
    plain_words_lazily(text).map(Cow::into_owned).collect()
}

/// [`plain_words`] one at a time, each borrowed from `text` where it is
/// already plain: for a caller that needs only the first few words, or
/// only to find one (issue 23: the words of a question's text were made
/// again for every answer read, to look at the first three).
pub(crate) fn plain_words_lazily(text: &str) -> impl Iterator<Item = Cow<'_, str>> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .flat_map(plain_word)
}

/// One word of [`plain_words`] as split from the text: none when it was
/// only apostrophes, two when it is a contraction spelled out.
fn plain_word(raw: &str) -> impl Iterator<Item = Cow<'_, str>> {
    // Most words are already plain: lowercase ASCII, borrowed.
    let w = if raw.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(raw.trim_matches('\''))
    } else if raw.is_ascii() {
        // Copied once, not three times (issue 23): ASCII has no `’`, its
        // lower case is the ASCII one, and apostrophes are the same in
        // either case, so trimmed first or last alike.
        Cow::Owned(raw.trim_matches('\'').to_ascii_lowercase())
    } else {
        Cow::Owned(
            raw.replace('’', "'")
                .to_lowercase()
                .trim_matches('\'')
                .to_owned(),
        )
    };
    let (one, spelled) = match spelled_out(&w) {
        Some(spelled) => (None, spelled),
        None => ((!w.is_empty()).then_some(w), &[][..]),
    };
    one.into_iter()
        .chain(spelled.iter().map(|s| Cow::Borrowed(*s)))
}

/// A common contraction (or "cannot"), spelled out.
fn spelled_out(word: &str) -> Option<&'static [&'static str]> {
    Some(match word {
        "i've" => &["i", "have"],
        "we've" => &["we", "have"],
        "they've" => &["they", "have"],
        "i'm" => &["i", "am"],
        "i'd" => &["i", "would"],
        "we'd" => &["we", "would"],
        "it's" => &["it", "is"],
        "that's" => &["that", "is"],
        "can't" | "cannot" => &["cannot"],
        "won't" => &["will", "not"],
        "don't" => &["do", "not"],
        "doesn't" => &["does", "not"],
        "didn't" => &["did", "not"],
        "haven't" => &["have", "not"],
        "hasn't" => &["has", "not"],
        "hadn't" => &["had", "not"],
        "wouldn't" => &["would", "not"],
        "isn't" => &["is", "not"],
        "aren't" => &["are", "not"],
        "wasn't" => &["was", "not"],
        "shouldn't" => &["should", "not"],
        "couldn't" => &["could", "not"],
        _ => return None,
    })
}

/// Is `a` one edit from `b` (insert, delete, substitute, swap two
/// neighbours)? Both short words.
pub(super) fn one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b {
        return false;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    match ra.len() as isize - rb.len() as isize {
        0 => {
            ra[1..] == rb[1..]
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        1 => ra[1..] == *rb,
        -1 => *ra == rb[1..],
        _ => false,
    }
}

/// The longest phrase of `list` that `words` starts with, in words.
/// Runs on every answer read, over lists of dozens of phrases (two
/// hundred for [`yes_no::UNSURE`]): a long list is looked up by its
/// phrases' first words, indexed the first time it is used on a thread
/// (issue 23: comparing every phrase was the largest part of reading a
/// yes or no). Only a phrase that starts with the first word can lead,
/// so the index changes no result. A list is `'static` so that where it
/// lies names it for good.
pub(super) fn leading(words: &[String], list: &'static [&'static str]) -> usize {
    /// Shorter lists are compared phrase by phrase: their index would
    /// cost more to look up than it saves.
    const INDEXED_FROM: usize = 16;
    thread_local! {
        static INDEXES: std::cell::RefCell<Vec<PhraseIndex>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    let Some(first) = words.first() else {
        return 0;
    };
    if list.len() < INDEXED_FROM {
        return longest_leading(words, list);
    }
    INDEXES.with_borrow_mut(|indexes| {
        // A dozen lists at most: found by a look at each.
        let at = indexes
            .iter()
            .position(|index| index.list == (list.as_ptr() as usize, list.len()))
            .unwrap_or_else(|| {
                indexes.push(PhraseIndex::new(list));
                indexes.len() - 1
            });
        indexes[at]
            .by_first
            .get(first.as_str())
            .map_or(0, |phrases| longest_split(words, phrases))
    })
}

/// [`longest_leading`] for phrases already split at their spaces: the
/// most words of a phrase that are `words`' first ones, 0 if none.
fn longest_split(words: &[String], phrases: &[Vec<&str>]) -> usize {
    phrases
        .iter()
        .filter(|parts| {
            parts.len() <= words.len() && parts.iter().zip(words).all(|(part, w)| w == part)
        })
        .map(Vec::len)
        .max()
        .unwrap_or(0)
}

/// A phrase list of [`leading`]'s, known by where it lies (address and
/// length), and its phrases by their first word, in their order, each
/// split at its spaces once (issue 23: split again for every word of
/// every clause the doubt check read, it was 4% of the instructions).
struct PhraseIndex {
    list: (usize, usize),
    by_first: std::collections::HashMap<
        &'static str,
        Vec<Vec<&'static str>>,
        std::hash::BuildHasherDefault<Fnv>,
    >,
}

impl PhraseIndex {
    fn new(list: &'static [&'static str]) -> PhraseIndex {
        let mut by_first = std::collections::HashMap::default();
        for phrase in list {
            let first = phrase.split(' ').next().unwrap_or_default();
            by_first
                .entry(first)
                .or_insert_with(Vec::new)
                .push(phrase.split(' ').collect());
        }
        PhraseIndex {
            list: (list.as_ptr() as usize, list.len()),
            by_first,
        }
    }
}

/// FNV-1a, for [`PhraseIndex`]: its keys are short words of ours, looked
/// up once or more for every word of an answer, and the default hasher's
/// guard against keys chosen to collide cost more than the lookup (a
/// doctor's word can only miss, or find one of our few hundred keys).
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// [`leading`] over the phrases of `list`, one by one. Allocates nothing.
fn longest_leading(words: &[String], list: &[&str]) -> usize {
    let Some(first) = words.first().map(String::as_bytes) else {
        return 0;
    };
    list.iter()
        .filter_map(|p| {
            // Most phrases do not start with the first word: told by
            // comparing bytes, before the phrase is split.
            // Its first byte first, inline: a call to compare the rest
            // for every phrase of the list cost more than the rest
            // (issue 23).
            let p_bytes = p.as_bytes();
            if (!first.is_empty() && p_bytes.first() != first.first())
                || !p_bytes.starts_with(first)
                || p_bytes.get(first.len()).is_some_and(|b| *b != b' ')
            {
                return None;
            }
            let mut n = 0;
            for part in p.split(' ') {
                if words.get(n).is_none_or(|w| w != part) {
                    return None;
                }
                n += 1;
            }
            Some(n)
        })
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::ChoiceOption;
    use crate::understand::answer::Status;

    fn yes_no_q() -> Question {
        Question {
            id: "q".into(),
            text: "?".into(),
            required: true,
            kind: QuestionKind::YesNo,
            allow: Vec::new(),
            show_if: None,
        }
    }

    fn scale_q() -> Question {
        Question {
            id: "q".into(),
            text: "?".into(),
            required: true,
            kind: QuestionKind::Scale {
                min: 0,
                max: 10,
                min_label: None,
                max_label: None,
            },
            allow: Vec::new(),
            show_if: None,
        }
    }

    fn barriers() -> Question {
        let option = |id: &str, label: &str, exclusive, other| ChoiceOption {
            id: id.into(),
            label: label.into(),
            exclusive,
            other,
        };
        Question {
            id: "barriers".into(),
            text: "?".into(),
            required: true,
            kind: QuestionKind::MultipleChoice(vec![
                option(
                    "expertise",
                    "Lack of expertise and familiarity",
                    false,
                    false,
                ),
                option("evidence", "Lack of evidence", false, false),
                option("side_effects", "Side effects", false, false),
                option("none", "No barriers", true, false),
                option("other", "Other (please specify)", false, true),
            ]),
            allow: Vec::new(),
            show_if: None,
        }
    }

    fn value(q: &Question, text: &str) -> Option<Value> {
        let answer = read(q, text);
        assert!(answer.value.is_some() == answer.is_ok());
        answer.value
    }

    fn status(q: &Question, text: &str) -> Status {
        read(q, text).status
    }

    fn ids(list: &[&str]) -> Option<Value> {
        Some(Value::Choices(list.iter().map(|s| s.to_string()).collect()))
    }

    #[test]
    fn answers_corrected_inside_themselves() {
        let survey = crate::survey::example();
        let yes_no = &survey.questions[0];
        let barriers = &survey.questions[4];
        for (text, value) in [
            ("No (sorry, meant yes)", true),
            ("No, I meant yes", true),
            ("Yes - sorry, I mean no", false),
            ("yes, oops, no", false),
        ] {
            let a = read(yes_no, text);
            assert_eq!(
                (a.status, a.value),
                (Status::Ok, Some(Value::Bool(value))),
                "{text}"
            );
        }
        let a = read(barriers, "b (sorry, meant c)");
        assert_eq!(a.status, Status::Ok);
        assert_eq!(
            a.value,
            Some(Value::Choices(vec!["side_effects".to_owned()]))
        );
        // Without a second answer that reads, or a word of taking back:
        // not this rule.
        assert!(self_corrected(yes_no, "Yes, sorry I mean for end of life only").is_none());
        assert!(self_corrected(yes_no, "Yes, no question").is_none());
    }

    #[test]
    fn yes_no_words_and_explanations() {
        let q = yes_no_q();
        for yes in [
            "y",
            "Yes",
            "YES please",
            "yeah",
            "Yes, frequently",
            "Yep",
            "Absolutely",
            "definitely!",
            "Of course",
            "certainly",
            "sure",
            "indeed",
            "yes, though rarely",
            "I have",
            "We do.",
            "Yes - no question",
            "Definitely, no question",
            "Yess",
            "Yesss",
            "YESSSS!",
            "Tes",
            "Ye",
            "Yes, if at all possible",
        ] {
            assert_eq!(value(&q, yes), Some(Value::Bool(true)), "{yes}");
        }
        // "No" with one key slipped along the row; never a word, an
        // abbreviation in capitals, or another key off.
        for no in ["Bo", "Mo", "Ni", "ni", "Noo", "N0", "n0", "Noooo"] {
            assert_eq!(value(&q, no), Some(Value::Bool(false)), "{no}");
        }
        // A word held down past ten letters, or stretched and then hedged.
        for unclear in [
            "Np",
            "NI",
            "BO",
            "MO",
            "Nk",
            "Nd",
            "NA",
            "n/a",
            "N0 or N1",
            "Y0",
            "Yessssssssss",
            "Yesss or no",
            "Yesss, I think",
        ] {
            assert_ne!(status(&q, unclear), Status::Ok, "{unclear}");
        }
        for no in [
            "n",
            "No",
            "never",
            "No - we stopped using it in 2024",
            "no, no protocol yet",
            "nope",
            "nah",
            "Not yet",
            "no, we're drafting one",
            "We don't",
            "I haven’t",
            "We have no protocol",
            // A hedge settled by a plain no at once (issue 22's 22d).
            "not really, no",
            "Not as such - no, we follow the network's guidance",
        ] {
            assert_eq!(value(&q, no), Some(Value::Bool(false)), "{no}");
        }
        assert_eq!(
            read(&q, "Yes, frequently").other.as_deref(),
            Some("frequently")
        );
        assert_eq!(read(&q, "yes please").other, None);
        for unclear in [
            "not that I'm aware of",
            "I don't believe so",
            "I think so",
            "I believe so",
            "Not to my knowledge",
            "Not that I know of",
            "Not as far as I know",
            "N/A",
            "n/a - retired",
            "no idea",
            "Y/N",
            "yes and no",
            "Yes/No",
            "no or yes",
            "maybe",
            "we stopped using it",
            "sometimes",
            "7",
            "not sure",
            "I don't know",
            "I have no idea",
            "we stopped using it",
            "Yes (I think?)",
            "no I think",
            "Yes?",
            "No (I believe)",
            "yes, if I remember rightly",
            // Hedges that stand for a no or a yes (issue 21).
            "Not really",
            "Not as such",
            "No, not really",
            "I'd need to ask our community team",
            "We would have to check with pharmacy",
            "Not really, no idea",
            "not really, no, maybe once",
            "Not really - no or only once",
            "No - not as such, just a page in the formulary",
            "Kind of",
            "Sort of",
            "Rarely if ever",
            "Rarely, if ever",
            "Once, if at all",
            "Hardly ever",
            "Not especially",
            "Not particularly",
            "More or less",
            "Yes, more or less",
            "Yes in theory",
            "Yes-ish",
            "Doubt it",
            "Not exactly",
            "To some extent",
            "Somewhat",
        ] {
            assert_eq!(status(&q, unclear), Status::Unclear, "{unclear}");
        }
        // A reason that starts with "I think" is still a reason.
        assert_eq!(
            value(&q, "yes, I think more training would help"),
            Some(Value::Bool(true))
        );
        let ever = Question {
            text: "Have you used ketamine?".into(),
            ..yes_no_q()
        };
        assert_eq!(value(&ever, "occasionally"), Some(Value::Bool(true)));
        for often in [
            "Just the once",
            "Only the once, years ago",
            "Several times, mostly in the hospice",
            "Yes, 3 or 4 times a year",
        ] {
            assert_eq!(value(&ever, often), Some(Value::Bool(true)), "{often}");
        }
        for (mark, want) in [
            ("✅", true),
            ("✔\u{fe0f}", true),
            ("👍", true),
            ("❌", false),
            ("❎", false),
        ] {
            assert_eq!(value(&q, mark), Some(Value::Bool(want)), "{mark}");
        }
        assert_eq!(status(&q, "✅❌"), Status::Unclear);
        // "I have" that goes on to another deed and denies the one asked
        // about is no yes; the question's own verb, or a denial of how
        // often, leaves it one.
        for other_deed in [
            "I've supervised registrars using it but never prescribed it myself",
            "We have seen it given on the ward, though I have not used it",
            "I have assisted with it, not prescribed it",
        ] {
            assert_eq!(status(&ever, other_deed), Status::Unclear, "{other_deed}");
        }
        for still_yes in [
            "I have used it, but never in the community",
            "I have prescribed it, but not often",
            "I have, but not recently",
            "We have, though not for a while",
        ] {
            assert_eq!(
                value(&ever, still_yes),
                Some(Value::Bool(true)),
                "{still_yes}"
            );
        }
        assert_eq!(
            value(&ever, "Rarely, in the hospice"),
            Some(Value::Bool(true))
        );
        let needed = Question {
            text: "Do you feel further research is needed?".into(),
            ..yes_no_q()
        };
        assert_eq!(status(&needed, "occasionally"), Status::Unclear);
    }

    #[test]
    fn scales() {
        let q = scale_q();
        for seven in [
            "7",
            "7/10",
            "7 / 10",
            "7 out of 10",
            "seven",
            "7 - fairly confident",
        ] {
            assert_eq!(value(&q, seven), Some(Value::Integer(7)), "{seven}");
        }
        assert_eq!(value(&q, "10/10"), Some(Value::Integer(10)));
        // Counts in the reason are no second score; another score is.
        assert_eq!(
            value(&q, "7 (I have prescribed it about 20 times)"),
            Some(Value::Integer(7))
        );
        assert_eq!(
            value(&q, "8, I have used it for 10+ years"),
            Some(Value::Integer(8))
        );
        assert_eq!(
            status(&q, "7, though I would have said 5 last year"),
            Status::Unclear
        );
        assert_eq!(value(&q, "0"), Some(Value::Integer(0)));
        assert_eq!(
            read(&q, "7 - fairly confident").other.as_deref(),
            Some("fairly confident")
        );
        for seven in [
            "about 7",
            "roughly seven out of ten",
            "8 - no, make that 7",
            "6, sorry, 7",
            "7 (as of 05/01/2026)",
            "7, would be 9 if we had a protocol",
            "7 - it would rise to 9 once pharmacy stocks it",
            "7 - I've only set up 2 or 3 CSCIs myself",
            "7\nTel 01234 567890",
        ] {
            assert_eq!(value(&q, seven), Some(Value::Integer(7)), "{seven}");
        }
        for unclear in [
            "6 or 7",
            "6-7",
            "5 to 6",
            "7?",
            "fully confident",
            "7/9",
            "six, seven",
            "7ish",
            "7-ish",
            "7 ish",
        ] {
            assert_eq!(status(&q, unclear), Status::Unclear, "{unclear}");
        }
        for invalid in ["12", "-1", "7.5", "11/10"] {
            assert_eq!(status(&q, invalid), Status::Invalid, "{invalid}");
        }
    }

    #[test]
    fn choices_by_letter() {
        let q = barriers();
        for text in [
            "a, c", "a and c", "a & c", "A C", "(a) (c)", "a) c)", "a,c", "c, a",
        ] {
            assert_eq!(
                value(&q, text),
                ids(&["expertise", "side_effects"]),
                "{text}"
            );
        }
        let answer = read(&q, "e - cost of the drug");
        assert_eq!(answer.value, ids(&["other"]));
        assert_eq!(answer.other.as_deref(), Some("cost of the drug"));
        assert_eq!(read(&q, "b, e (cost)").other.as_deref(), Some("cost"));
        // A closing parenthesis the text itself opened is part of it.
        for (text, want) in [
            ("e - @SUM(A1:A9)", "@SUM(A1:A9)"),
            ("a, e - @SUM(A1:A9)", "@SUM(A1:A9)"),
            ("e - @SUM(A1:A9).", "@SUM(A1:A9)"),
            ("e (@SUM(A1:A9))", "@SUM(A1:A9)"),
            ("e - cost (of the drug)", "cost (of the drug)"),
            ("e - cost (", "cost"),
            ("e: cost)", "cost"),
        ] {
            let answer = read(&q, text);
            assert_eq!(answer.other.as_deref(), Some(want), "{text}");
        }
        assert_eq!(value(&q, "d"), ids(&["none"]));
        // A letter and its reason, which names no other option or gives
        // a cause; never one that adds an option.
        for (text, want) in [
            (
                "c – hallucinations in 2 of our last 5 patients",
                "side_effects",
            ),
            ("b, only 2 small trials", "evidence"),
            ("b – “evidence” is thin", "evidence"),
            (
                "a, because the evidence is fine but nobody here uses it",
                "expertise",
            ),
        ] {
            assert_eq!(value(&q, text), ids(&[want]), "{text}");
        }
        for text in [
            "a – c too",
            "a, side effects are the main one",
            "n/a",
            "N.A.",
        ] {
            assert_eq!(status(&q, text), Status::Unclear, "{text}");
        }
        assert_eq!(status(&q, "a, d"), Status::Unclear);
        assert_eq!(status(&q, "a or c"), Status::Unclear);
        // Under "choose all that apply", both; for a single choice, one
        // or the other: asked. Words after the letters: asked.
        assert_eq!(value(&q, "b/c"), ids(&["evidence", "side_effects"]));
        assert_eq!(
            value(&q, "A/B/C"),
            ids(&["expertise", "evidence", "side_effects"])
        );
        assert_eq!(status(&q, "b/c we lack expertise"), Status::Unclear);
        let single = Question {
            kind: QuestionKind::SingleChoice(q.options().to_vec()),
            ..q.clone()
        };
        assert_eq!(status(&single, "b/c"), Status::Unclear, "one or the other");
        assert_eq!(
            value(&q, "b, not c: side effects have been manageable"),
            Some(Value::Choices(vec!["evidence".into()]))
        );
        assert_eq!(status(&q, "b, not c but a"), Status::Unclear);
        assert_eq!(
            status(&q, "c, and the price - £40 an ampoule"),
            Status::Unclear,
            "a reason that adds"
        );
        assert_eq!(status(&q, "f"), Status::Invalid);
        assert_eq!(status(&q, "a lack of evidence"), Status::Unclear);
        // Letters run together: in order, each an option's, not a word.
        for (text, want) in [
            ("AB", &["expertise", "evidence"][..]),
            ("bc", &["evidence", "side_effects"]),
            ("ABC.", &["expertise", "evidence", "side_effects"]),
        ] {
            assert_eq!(value(&q, text), ids(want), "{text}");
        }
        for text in ["be", "BA", "aab", "ad", "abcde", "bf"] {
            assert_ne!(status(&q, text), Status::Ok, "{text}");
        }
        // "Only" or "alone" around letters alone says nothing more.
        for (text, want) in [
            ("a only", &["expertise"][..]),
            ("b and c only.", &["evidence", "side_effects"]),
            ("Only c", &["side_effects"]),
            ("just b", &["evidence"]),
            ("c alone", &["side_effects"]),
        ] {
            assert_eq!(value(&q, text), ids(want), "{text}");
        }
        for text in [
            "a or b only",
            "only a lack of evidence",
            "just a bit",
            "a only sometimes",
        ] {
            assert_ne!(status(&q, text), Status::Ok, "{text}");
        }
    }

    #[test]
    fn not_applicable_said_whatever_the_question_allows() {
        let q = yes_no_q();
        for text in [
            "N/A",
            "n/a",
            "-",
            "Does not apply",
            "n/a (never used it)",
            "NA.",
        ] {
            assert!(not_applicable_said(text, |t| read(&q, t)), "{text}");
        }
        for text in ["n/a, yes", "No", "nah", "not sure", "none"] {
            assert!(!not_applicable_said(text, |t| read(&q, t)), "{text}");
        }
    }

    #[test]
    fn choices_by_label() {
        let q = barriers();
        assert_eq!(
            value(&q, "Lack of evidence; side effects"),
            ids(&["evidence", "side_effects"])
        );
        assert_eq!(
            value(&q, "LACK OF EXPERTISE AND FAMILIARITY"),
            ids(&["expertise"])
        );
        assert_eq!(
            value(&q, "lack of expertise, side-effects"),
            ids(&["expertise", "side_effects"])
        );
        assert_eq!(value(&q, "No barriers"), ids(&["none"]));
        let answer = read(&q, "Side effects, other: cost of the drug");
        assert_eq!(answer.value, ids(&["side_effects", "other"]));
        assert_eq!(answer.other.as_deref(), Some("cost of the drug"));
        for (text, want) in [
            ("Other: @SUM(A1:A9)", "@SUM(A1:A9)"),
            ("Other (please specify): @SUM(A1:A9)", "@SUM(A1:A9)"),
            ("Side effects, other (@SUM(A1:A9))", "@SUM(A1:A9)"),
            ("Other (cost)", "cost"),
        ] {
            let answer = read(&q, text);
            assert_eq!(answer.other.as_deref(), Some(want), "{text}");
        }
        assert_eq!(read(&q, "Other (please specify)").other, None);
        assert_eq!(status(&q, "cost"), Status::Unclear);
        assert_eq!(status(&q, "lack of"), Status::Unclear);
        assert_eq!(value(&q, "side effects, mainly"), ids(&["side_effects"]));
    }

    #[test]
    fn choices_in_everyday_words() {
        let q = barriers();
        for (text, want) in [
            ("expertise mainly, not evidence", ids(&["expertise"])),
            (
                "everything except evidence",
                ids(&["expertise", "side_effects"]),
            ),
            (
                "all of them apart from side effects",
                ids(&["expertise", "evidence"]),
            ),
            (
                "evidence; side effects are not an issue",
                ids(&["evidence"]),
            ),
            ("none", ids(&["none"])),
            ("- none", ids(&["none"])),
            ("d) none", ids(&["none"])),
            ("Nothing.", ids(&["none"])),
            (
                "familiarity and the evidence",
                ids(&["expertise", "evidence"]),
            ),
        ] {
            assert_eq!(value(&q, text), want, "{text}");
        }
        for unclear in [
            "not evidence",
            "a) none",
            "expertise or evidence",
            "none, but evidence",
            "probably evidence",
        ] {
            assert_eq!(status(&q, unclear), Status::Unclear, "{unclear}");
        }
    }

    fn allowing(q: Question, allow: &[crate::survey::Reserved]) -> Question {
        Question {
            allow: allow.to_vec(),
            ..q
        }
    }

    #[test]
    fn not_applicable_and_prefer_not_to_say_where_allowed() {
        use crate::survey::Reserved::{NotApplicable, PreferNotToSay};
        let na = |r| Some(Value::Reserved { reserved: r });
        let both = [NotApplicable, PreferNotToSay];
        for q in [
            allowing(yes_no_q(), &both),
            allowing(scale_q(), &both),
            allowing(barriers(), &both),
        ] {
            for text in [
                "n/a",
                "N/A",
                "NA",
                "n.a.",
                "N/a.",
                "not applicable",
                "Does not apply",
                "doesn't apply to me",
                "-",
                "—",
                "n/a - retired",
                "N/A (never used it)",
            ] {
                assert_eq!(value(&q, text), na(NotApplicable), "{text}");
            }
            for text in [
                "prefer not to say",
                "Prefer not to say.",
                "I'd rather not say",
                "decline",
                "Declined",
                "I would prefer not to answer",
                "I'd prefer not to answer that one",
                "Would rather not say, sorry",
                "I’d rather not answer this one.",
                "Rather not.",
                "prefer not",
                "I'd prefer not to disclose",
            ] {
                assert_eq!(value(&q, text), na(PreferNotToSay), "{text}");
            }
            // The short forms only as the whole answer.
            for not_declined in ["I'd rather not use it", "prefer not to use it"] {
                assert_ne!(
                    value(&q, not_declined),
                    na(PreferNotToSay),
                    "{not_declined}"
                );
            }
            assert_eq!(read(&q, "n/a - retired").other.as_deref(), Some("retired"));
        }
        let yes_no = allowing(yes_no_q(), &both);
        // Kept apart from "no", and a second answer makes it unclear.
        assert_eq!(value(&yes_no, "no"), Some(Value::Bool(false)));
        assert_eq!(value(&yes_no, "Nah"), Some(Value::Bool(false)));
        assert_eq!(value(&yes_no, "not sure"), None);
        assert_eq!(status(&yes_no, "N/A, yes"), Status::Unclear);
        assert_eq!(
            value(&yes_no, "n/a (we have no protocol)"),
            na(NotApplicable)
        );
        // A form the question does not allow is unclear, never a value.
        let only_declined = allowing(scale_q(), &[PreferNotToSay]);
        assert_eq!(status(&only_declined, "n/a"), Status::Unclear);
        assert_eq!(value(&only_declined, "7"), Some(Value::Integer(7)));
        // Without allow, everything reads as before.
        assert_eq!(status(&yes_no_q(), "n/a"), Status::Unclear);
        assert_eq!(status(&scale_q(), "prefer not to say"), Status::Unclear);
        assert_eq!(value(&barriers(), "- none"), ids(&["none"]));
        let choice = allowing(barriers(), &both);
        assert_eq!(value(&choice, "- none"), ids(&["none"]));
        assert_eq!(value(&choice, "a, c"), ids(&["expertise", "side_effects"]));
    }
}
