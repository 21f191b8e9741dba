//! Reading one answer's text as a value of its question's kind.
//!
//! The rule throughout: take a value only when there is one reading. Two
//! readings ("yes and no", "6 or 7", an exclusive option with others) make
//! the answer unclear; a reading that is not a possible value (12 on 0-10,
//! option f of five) makes it invalid. Nothing is coerced.

use crate::answer::{Answer, Value};
use crate::survey::{ChoiceOption, Question, QuestionKind};

/// Reads `text`, the doctor's answer to `question`, as a value. `text` is
/// not empty.
pub fn read(question: &Question, text: &str) -> Answer {
    let text = text.trim();
    match &question.kind {
        QuestionKind::YesNo => yes_no(question, text),
        QuestionKind::Scale { min, max, .. } => {
            number(text, Some(*min as f64), Some(*max as f64), true)
        }
        QuestionKind::Number { min, max } => number(text, *min, *max, false),
        QuestionKind::SingleChoice(options) => choice(text, options, false, &question.text),
        QuestionKind::MultipleChoice(options) => choice(text, options, true, &question.text),
        QuestionKind::Text => Answer::ok(Value::Text(text.to_owned()), text),
    }
}

/// Leading phrases that answer yes, as written or after contractions are
/// spelled out (`I've` → `i have`). Longest match wins.
const YES: &[&str] = &[
    "yes please",
    "yes",
    "y",
    "yeah",
    "yep",
    "yup",
    "yea",
    "aye",
    "absolutely",
    "definitely",
    "certainly",
    "sure",
    "indeed",
    "of course",
    "correct",
    "affirmative",
    "very much so",
    "i do",
    "we do",
    "i have",
    "we have",
    "i would",
    "we would",
    "it is",
    "i did",
    "we did",
    "i think so",
    "i believe so",
    "it does",
    "they do",
    "we certainly do",
    "i certainly would",
];
/// Leading phrases that answer no.
const NO: &[&str] = &[
    "no",
    "n",
    "nope",
    "nah",
    "never",
    "not really",
    "not that i am aware of",
    "not that i am aware",
    "not to my knowledge",
    "i do not believe so",
    "i do not think so",
    "not yet",
    "not at all",
    "not currently",
    "not as yet",
    "none",
    "no way",
    "i do not",
    "we do not",
    "i have not",
    "we have not",
    "i would not",
    "we would not",
    "it is not",
    "i did not",
    "we did not",
    "it does not",
    "i have never",
    "we have never",
    "i never",
    "we never",
    "not as such",
    "not as far as i know",
    "not as far as i am aware",
    "not that i know of",
];
/// Leading phrases that say the doctor does not know, or that "no" is not
/// an answer to the question: unclear, never yes or no.
const UNSURE: &[&str] = &[
    "not sure",
    "unsure",
    "i am not sure",
    "i do not know",
    "do not know",
    "no idea",
    "not certain",
    "cannot say",
    "hard to say",
    "it depends",
    "depends",
    "maybe",
    "perhaps",
    "possibly",
    "i do not remember",
    "cannot remember",
    "i cannot remember",
    "not applicable",
    "n a",
    "na",
    "no comment",
    "no comments",
    "no answer",
    "no opinion",
    "no clue",
    "no experience",
    "no matter",
    "no preference",
    "i cannot",
    "not relevant",
    "unknown",
    "we stopped",
    "i stopped",
    "no longer",
    "not any more",
    "not anymore",
];
/// How often: yes to "Have you ..." or "Do you ever ...", unclear to any
/// other question (the written rule in docs/replies.md).
const FREQUENCY: &[&str] = &[
    "occasionally",
    "sometimes",
    "rarely",
    "seldom",
    "infrequently",
    "often",
    "frequently",
    "regularly",
    "once",
    "twice",
    "a few times",
    "a couple of times",
    "once or twice",
    "from time to time",
    "on occasion",
    "now and then",
    "a handful of times",
];

/// Words of `text`, lowercase, with `’` as `'` and the common contractions
/// spelled out, so "I haven't" and "I have not" read the same.
pub(crate) fn plain_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
    {
        let w = raw.replace('’', "'").to_lowercase();
        let w = w.trim_matches('\'');
        if w.is_empty() {
            continue;
        }
        let spelled: &[&str] = match w {
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
            _ => {
                out.push(w.to_owned());
                continue;
            }
        };
        out.extend(spelled.iter().map(|s| (*s).to_owned()));
    }
    out
}

/// The longest phrase of `list` that `words` starts with, in words.
fn leading(words: &[String], list: &[&str]) -> usize {
    list.iter()
        .map(|p| p.split(' ').collect::<Vec<_>>())
        .filter(|p| p.len() <= words.len() && p.iter().zip(words).all(|(a, b)| *a == b))
        .map(|p| p.len())
        .max()
        .unwrap_or(0)
}

/// Does a yes/no question ask whether something was ever done ("Have you
/// ...", "Do you ever ...")? Then "rarely" or "occasionally" is a yes.
pub(crate) fn asks_ever(question: &Question) -> bool {
    let words = plain_words(&question.text);
    words.starts_with(&["have".to_owned(), "you".to_owned()])
        || words.starts_with(&["do".to_owned(), "you".to_owned(), "ever".to_owned()])
}

fn yes_no(question: &Question, text: &str) -> Answer {
    let words = plain_words(text);
    if words.is_empty() {
        return Answer::unclear("no yes or no found", text);
    }
    let lower = text.trim().to_lowercase();
    if lower.starts_with("n/a") || lower.starts_with("n.a") {
        return Answer::unclear("not applicable is not a yes or no", text);
    }
    let unsure = leading(&words, UNSURE);
    let yes = leading(&words, YES);
    let no = leading(&words, NO);
    if unsure > 0 && unsure >= yes && unsure >= no {
        return Answer::unclear(
            "not a yes or no: the doctor is unsure, or it does not apply",
            text,
        );
    }
    // "I have no idea" / "We have no protocol": an echo followed by "no".
    let (value, used) = if no > yes {
        (false, no)
    } else if yes > 0 {
        match words.get(yes).map(String::as_str) {
            Some("not" | "never") if yes >= 2 => (false, yes + 1),
            Some("no") if yes >= 2 => {
                if leading(&words[yes..], UNSURE) > 0 {
                    return Answer::unclear("\"no\" here is not an answer to the question", text);
                }
                (false, yes + 1)
            }
            _ => (true, yes),
        }
    } else {
        let often = leading(&words, FREQUENCY);
        if often > 0 {
            if asks_ever(question) {
                let mut answer = Answer::ok(Value::Bool(true), text);
                answer.other = Some(text.trim().to_owned());
                return answer;
            }
            return Answer::unclear(
                "how often is a yes only to a question that asks \"Have you ...\" or \"Do you ever ...\"",
                text,
            );
        }
        return Answer::unclear("no yes or no found", text);
    };
    let opposite = if value { NO } else { YES };
    let hedged = (used..words.len().min(used + 3)).any(|i| {
        let w = words[i].as_str();
        (opposite.contains(&w) && w != "sure") || ["or", "maybe", "unsure", "perhaps"].contains(&w)
    });
    if hedged {
        return Answer::unclear("both yes and no, or not sure", text);
    }
    let mut answer = Answer::ok(Value::Bool(value), text);
    answer.other = explanation_after(text, used);
    answer
}

/// "Yes, frequently" → "frequently": the explanation after the first
/// `skip` words, kept with the yes/no.
fn explanation_after(text: &str, skip: usize) -> Option<String> {
    if skip <= 1 {
        return explanation_after_first_word(text);
    }
    // Walk past `skip` words as plain_words counts them (a contraction
    // counts as the words it spells).
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’';
    let mut counted = 0;
    let mut at = 0;
    let mut rest = text;
    while counted < skip {
        let Some(start) = rest.find(is_word) else {
            break;
        };
        let len = rest[start..]
            .find(|c: char| !is_word(c))
            .unwrap_or(rest.len() - start);
        counted += plain_words(&rest[start..start + len]).len();
        at += start + len;
        rest = &rest[start + len..];
    }
    let rest = text[at.min(text.len())..]
        .trim_start_matches(|c: char| c.is_whitespace() || ",.;:-–—!)".contains(c))
        .trim();
    (!rest.is_empty() && !rest.eq_ignore_ascii_case("please")).then(|| rest.to_owned())
}

/// "Yes, frequently" → "frequently": the explanation that followed a
/// yes/no, kept with it.
fn explanation_after_first_word(text: &str) -> Option<String> {
    let start = text.find(|c: char| c.is_alphanumeric())?;
    let after = &text[start..];
    let end = after
        .find(|c: char| !(c.is_alphanumeric() || c == '\''))
        .unwrap_or(after.len());
    let rest = after[end..]
        .trim_start_matches(|c: char| c.is_whitespace() || ",.;:-–—!)".contains(c))
        .trim();
    (!rest.is_empty() && !rest.eq_ignore_ascii_case("please")).then(|| rest.to_owned())
}

const NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// A number found in an answer, with where its text starts and ends.
struct Found {
    value: f64,
    start: usize,
    end: usize,
    denominator: bool,
}

/// A date (`5/1/2026`, `05.01.26`, `2026-01-05`) or a time (`9:30`)
/// starting at `start`: its end, so its numbers are not taken as answers.
fn date_or_time_at(bytes: &[u8], start: usize) -> Option<usize> {
    let run = |mut i: usize| {
        let from = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        (i > from).then_some(i)
    };
    let first = run(start)?;
    let sep = *bytes.get(first)?;
    if sep == b':' {
        return run(first + 1).filter(|e| e - first == 3);
    }
    if !matches!(sep, b'/' | b'.' | b'-') {
        return None;
    }
    let second = run(first + 1)?;
    if bytes.get(second) != Some(&sep) {
        return None;
    }
    run(second + 1)
}

fn numbers(text: &str) -> Vec<Found> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() && found.len() < 64 {
        if bytes[i].is_ascii_alphabetic() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            let word = text[start..i].to_ascii_lowercase();
            let glued = (start > 0 && bytes[start - 1].is_ascii_digit())
                || bytes.get(i).is_some_and(u8::is_ascii_digit);
            if let Some(n) = NUMBER_WORDS.iter().position(|w| *w == word)
                && !glued
            {
                found.push(Found {
                    value: n as f64,
                    start,
                    end: i,
                    denominator: is_denominator(&text[..start]),
                });
            }
            continue;
        }
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        if let Some(end) = date_or_time_at(bytes, start) {
            i = end;
            continue;
        }
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        // A long digit run, or one with a leading zero, is a telephone
        // number, an extension or a reference, never an answer.
        let run = i - start;
        let phone = run >= 5 || (run >= 3 && bytes[start] == b'0');
        if i + 1 < bytes.len()
            && (bytes[i] == b'.' || bytes[i] == b',')
            && bytes[i + 1].is_ascii_digit()
        {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
        }
        if phone {
            continue;
        }
        let digits = text[start..i].replace(',', ".");
        let Ok(mut value) = digits.parse::<f64>() else {
            continue;
        };
        if start > 0
            && bytes[start - 1] == b'-'
            && (start == 1 || bytes[start - 2].is_ascii_whitespace())
        {
            value = -value;
        }
        // A letter glued to the digits ("Q4", "5.1.1") is not an answer.
        let glued = start > 0 && bytes[start - 1].is_ascii_alphabetic();
        if !glued {
            found.push(Found {
                value,
                start,
                end: i,
                denominator: is_denominator(&text[..start]),
            });
        }
    }
    found
}

/// Does the text before a number make it the denominator ("7/10", "eight
/// out of ten")?
fn is_denominator(before: &str) -> bool {
    let lower = before.trim_end().to_ascii_lowercase();
    lower.ends_with('/') || lower.ends_with("out of") || lower.ends_with(" of")
}

/// Words between two numbers that take back the first ("8 - no, make that
/// 9", "7, sorry, 8", "6 (I mean 7)"): the second one is the answer.
fn corrects(between: &str) -> bool {
    let words = plain_words(between);
    let has = |phrase: &[&str]| {
        words
            .windows(phrase.len())
            .any(|w| w.iter().zip(phrase).all(|(a, b)| a == b))
    };
    has(&["make", "that"])
        || has(&["make", "it"])
        || has(&["i", "mean"])
        || has(&["i", "meant"])
        || has(&["sorry"])
        || has(&["actually"])
        || has(&["correction"])
        || has(&["scratch", "that"])
        || has(&["or", "rather"])
        || (words.first().is_some_and(|w| w == "no") && words.len() <= 4)
}

fn number(text: &str, min: Option<f64>, max: Option<f64>, whole: bool) -> Answer {
    let mut found = numbers(text);
    // "8 - no, make that 9": the correction, never the first.
    let values_at: Vec<usize> = (0..found.len())
        .filter(|&i| !found[i].denominator)
        .collect();
    let mut hedge_from = 0;
    if values_at.len() == 2 {
        let (a, b) = (values_at[0], values_at[1]);
        if corrects(&text[found[a].end..found[b].start]) {
            hedge_from = found[b].start;
            found.drain(..b);
        }
    }
    let (denominators, values): (Vec<_>, Vec<_>) = found.into_iter().partition(|f| f.denominator);
    let Some(first) = values.first() else {
        return Answer::unclear("no number found", text);
    };
    if values.iter().any(|f| f.value != first.value) {
        let list: Vec<String> = values.iter().map(|f| format_number(f.value)).collect();
        return Answer::unclear(format!("more than one number: {}", list.join(", ")), text);
    }
    if plain_words(&text[hedge_from..])
        .iter()
        .any(|w| ["or", "maybe", "perhaps", "between"].contains(&w.as_str()))
        || text.contains('?')
    {
        return Answer::unclear("the number is hedged", text);
    }
    if let (Some(max), Some(d)) = (max, denominators.first())
        && whole
        && d.value != max
    {
        return Answer::unclear(
            format!(
                "given out of {}, but the scale goes to {}",
                format_number(d.value),
                format_number(max)
            ),
            text,
        );
    }
    let value = first.value;
    if whole && value.fract() != 0.0 {
        return Answer::invalid(
            format!("{} is not a whole number", format_number(value)),
            text,
        );
    }
    if min.is_some_and(|m| value < m) || max.is_some_and(|m| value > m) {
        let range = match (min, max) {
            (Some(lo), Some(hi)) => format!("{} to {}", format_number(lo), format_number(hi)),
            (Some(lo), None) => format!("at least {}", format_number(lo)),
            (None, Some(hi)) => format!("at most {}", format_number(hi)),
            (None, None) => unreachable!("a bound was broken"),
        };
        return Answer::invalid(format!("{} is outside {range}", format_number(value)), text);
    }
    let mut answer = if value.fract() == 0.0 && value.abs() < 1e15 {
        Answer::ok(Value::Integer(value as i64), text)
    } else {
        Answer::ok(Value::Number(value), text)
    };
    let last_end = denominators
        .iter()
        .map(|d| d.end)
        .chain([first.end])
        .max()
        .unwrap_or(0);
    let rest = text
        .get(last_end..)
        .unwrap_or("")
        .trim_start_matches(|c: char| c.is_whitespace() || ",.;:-–—!)".contains(c));
    answer.other = (!rest.is_empty()).then(|| rest.trim().to_owned());
    answer
}

fn format_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

/// What a choice answer named, before it is checked against the question.
#[derive(Default)]
struct Picked {
    indexes: Vec<usize>,
    other_text: Option<String>,
    alternatives: bool,
}

fn choice(text: &str, options: &[ChoiceOption], multiple: bool, question_text: &str) -> Answer {
    let flat = text
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    if let Some(index) = none_alone(&flat, options) {
        return Answer::ok(
            if multiple {
                Value::Choices(vec![options[index].id.clone()])
            } else {
                Value::Choice(options[index].id.clone())
            },
            text,
        );
    }
    let picked = match letters(&flat, options) {
        Letters::Picked(picked) => picked,
        Letters::NoSuchOption(letter) => {
            return Answer::invalid(format!("there is no option {letter}"), text);
        }
        Letters::Words => match labels(&flat, options, question_text, false) {
            Ok(picked) => picked,
            Err(reason) => return Answer::unclear(reason, text),
        },
    };
    if picked.alternatives {
        return Answer::unclear("alternatives given (\"or\"): choose", text);
    }
    let mut indexes = picked.indexes;
    indexes.sort_unstable();
    indexes.dedup();
    if let Some(exclusive) = indexes.iter().find(|&&i| options[i].exclusive)
        && indexes.len() > 1
    {
        return Answer::unclear(
            format!(
                "\"{}\" cannot be combined with other options",
                options[*exclusive].label
            ),
            text,
        );
    }
    let ids: Vec<String> = indexes.iter().map(|&i| options[i].id.clone()).collect();
    let mut answer = if multiple {
        Answer::ok(Value::Choices(ids), text)
    } else if ids.len() == 1 {
        Answer::ok(Value::Choice(ids[0].clone()), text)
    } else {
        return Answer::unclear("more than one option chosen, but only one is allowed", text);
    };
    answer.other = picked.other_text;
    answer
}

/// "none", "- none", "d) none", "Nothing.": the exclusive option, whatever
/// separator precedes it (a letter before it must be that option's).
fn none_alone(text: &str, options: &[ChoiceOption]) -> Option<usize> {
    let exclusive = options.iter().position(|o| o.exclusive)?;
    let mut words = plain_words(text);
    if words.first().is_some_and(|w| w.len() == 1) {
        let letter = words.remove(0);
        if letter != crate::questionnaire::option_letter(exclusive).to_string() {
            return None;
        }
    }
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    matches!(
        words.as_slice(),
        ["none"]
            | ["nothing"]
            | ["none", "at", "all"]
            | ["none", "of", "them"]
            | ["none", "of", "the", "above"]
            | ["none", "really"]
            | ["nil"]
    )
    .then_some(exclusive)
}

enum Letters {
    Picked(Picked),
    NoSuchOption(char),
    Words,
}

/// `a, c`, `a and c`, `A C`, `(a) & (c)`, `e - cost of the drug`.
fn letters(text: &str, options: &[ChoiceOption]) -> Letters {
    let chars: Vec<char> = text.chars().collect();
    let mut picked = Picked::default();
    let mut letters = Vec::new();
    let mut i = 0;
    let rest_from;
    loop {
        // Separators between letters.
        while i < chars.len() && (chars[i].is_whitespace() || ",;&/+".contains(chars[i])) {
            i += 1;
        }
        let word: String = chars[i..]
            .iter()
            .take_while(|c| c.is_alphabetic())
            .collect();
        let lower = word.to_lowercase();
        if lower == "and" || lower == "or" {
            picked.alternatives |= lower == "or";
            i += word.chars().count();
            continue;
        }
        let start = i;
        let open = i < chars.len() && chars[i] == '(';
        if open {
            i += 1;
        }
        let is_letter = i < chars.len()
            && chars[i].is_ascii_alphabetic()
            && !chars
                .get(i + 1)
                .is_some_and(|c| c.is_alphanumeric() || *c == '\'');
        if !is_letter {
            rest_from = start;
            break;
        }
        letters.push(chars[i].to_ascii_lowercase());
        i += 1;
        if i < chars.len() && (chars[i] == ')' || chars[i] == '.') {
            i += 1;
        }
        if i >= chars.len() {
            rest_from = chars.len();
            break;
        }
    }
    if letters.is_empty() {
        return Letters::Words;
    }
    let rest: String = chars[rest_from.min(chars.len())..].iter().collect();
    let rest = other_text(&rest).to_owned();
    let mut indexes = Vec::new();
    for letter in &letters {
        let index = (*letter as usize).wrapping_sub('a' as usize);
        if index >= options.len() {
            if !rest.is_empty() {
                // "I think a lack of …": words, not letters.
                return Letters::Words;
            }
            return Letters::NoSuchOption(*letter);
        }
        indexes.push(index);
    }
    if !rest.is_empty() {
        // Text after the letters is the "other" text, and only when the
        // last letter is the "other" option: "a lack of evidence" is not
        // option a.
        let last = indexes[indexes.len() - 1];
        if !options[last].other {
            return Letters::Words;
        }
        picked.other_text = Some(rest);
    }
    picked.indexes = indexes;
    Letters::Picked(picked)
}

/// The "other, please specify" text as the doctor wrote it, without the
/// separators around it: `e - cost` and `e (cost)` give "cost". A closing
/// parenthesis at the end is kept when the text opened it, so a formula
/// or an aside stays whole: `e - @SUM(A1:A9)` gives "@SUM(A1:A9)", while
/// the wrapping `)` of `e (cost)` goes. Two passes: linear.
fn other_text(text: &str) -> &str {
    let text = text.trim_start_matches(|c: char| c.is_whitespace() || "-–—:()=.,;".contains(c));
    // Where each `)` that nothing before it opened stands.
    let mut depth = 0usize;
    let mut stray = Vec::new();
    for (at, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            ')' => stray.push(at),
            _ => {}
        }
    }
    let mut end = text.len();
    for (at, c) in text.char_indices().rev() {
        match c {
            '(' => {}
            ')' if stray.last() == Some(&at) => {
                stray.pop();
            }
            c if c.is_whitespace() || "-–—:=.,;".contains(c) => {}
            _ => break,
        }
        end = at;
    }
    &text[..end]
}

/// Words around option names that carry no choice of their own:
/// "expertise mainly", "both lack of evidence and side effects".
const FILLERS: &[&str] = &[
    "and",
    "also",
    "plus",
    "mainly",
    "mostly",
    "main",
    "primarily",
    "chiefly",
    "largely",
    "particularly",
    "especially",
    "really",
    "very",
    "both",
    "too",
    "as",
    "well",
    "the",
    "an",
    "i",
    "we",
    "would",
    "say",
    "some",
    "bit",
    "of",
    "is",
    "are",
    "it",
    "its",
    "that",
    "those",
    "them",
    "above",
    "options",
    "option",
    "biggest",
    "major",
    "with",
    "our",
    "my",
    "mine",
    "in",
    "for",
    "be",
    "issue",
    "issues",
    "problem",
    "problems",
    "concern",
    "concerns",
    "one",
    "ones",
    "here",
    "there",
    "but",
];
/// Words that take the option after them back: "not evidence", "everything
/// except evidence". A negation with no option after it takes back the
/// option before it ("side effects are not an issue").
const NEGATIONS: &[&str] = &["not", "never", "no", "except", "excluding", "without"];
/// Words that choose every ordinary option ("everything except evidence").
const EVERYTHING: &[&str] = &["all", "everything", "every", "each"];
/// Words that choose the exclusive option ("none", "nothing").
const NOTHING: &[&str] = &["none", "nothing", "nil", "nope"];

/// Options named by their labels, in any case: `Lack of evidence; side
/// effects`, `Other: cost of the drug`. A run of words that starts only one
/// label (at least two words of it) names that option, and so does a word
/// that only one label has ("expertise", "evidence"). "Not" and "except"
/// take options back; "all" or "everything" chooses every ordinary option;
/// "none" the exclusive one.
fn labels(
    text: &str,
    options: &[ChoiceOption],
    question_text: &str,
    loose: bool,
) -> Result<Picked, String> {
    let words = plain_words(text);
    let labels: Vec<Vec<String>> = options.iter().map(|o| plain_words(&o.label)).collect();
    let longest = labels.iter().map(Vec::len).max().unwrap_or(0);
    let asked = plain_words(question_text);
    // A word of exactly one label, not of the question itself, names it.
    let own_word = |word: &str| -> Option<usize> {
        if word.len() < 4
            || asked.iter().any(|a| a == word)
            || FILLERS.contains(&word)
            || ["lack", "other", "please", "specify"].contains(&word)
        {
            return None;
        }
        let mut having = (0..labels.len()).filter(|&l| labels[l].iter().any(|w| w == word));
        let first = having.next()?;
        having.next().is_none().then_some(first)
    };
    let exclusive = options.iter().position(|o| o.exclusive);
    let mut picked = Picked::default();
    let mut negated: Vec<usize> = Vec::new();
    let mut everything = false;
    // Negation waiting for its option; `list` for "except a and b".
    let mut negating = false;
    let mut negating_list = false;
    let mut unread = Vec::new();
    let mut i = 0;
    let take = |index: usize,
                negating: &mut bool,
                negating_list: bool,
                picked: &mut Picked,
                negated: &mut Vec<usize>| {
        if *negating || negating_list {
            negated.push(index);
            *negating = false;
        } else {
            picked.indexes.push(index);
        }
    };
    while i < words.len() {
        let word = words[i].as_str();
        if word == "or" && words.get(i + 1).is_none_or(|w| w != "rather") {
            picked.alternatives = true;
            i += 1;
            continue;
        }
        if word == "other" && words.get(i + 1).is_some_and(|w| w == "than") {
            negating_list = true;
            i += 2;
            continue;
        }
        if word == "apart" && words.get(i + 1).is_some_and(|w| w == "from") {
            negating_list = true;
            i += 2;
            continue;
        }
        if let Some(other) = options.iter().position(|o| o.other)
            && word == "other"
        {
            picked.indexes.push(other);
            // The words after "other" are its text, as the doctor wrote them.
            let lower = text.to_ascii_lowercase();
            let after = lower
                .find("other")
                .and_then(|at| text.get(at + 5..))
                .unwrap_or("");
            let after = other_text(after);
            let after = other_text(
                after
                    .strip_prefix("(please specify)")
                    .or_else(|| after.strip_prefix("please specify"))
                    .unwrap_or(after),
            );
            picked.other_text = (!after.is_empty()).then(|| after.to_owned());
            break;
        }
        let full = labels
            .iter()
            .enumerate()
            .filter(|(_, label)| !label.is_empty() && words[i..].starts_with(label))
            .max_by_key(|(_, label)| label.len());
        if let Some((index, label)) = full {
            take(
                index,
                &mut negating,
                negating_list,
                &mut picked,
                &mut negated,
            );
            i += label.len();
            continue;
        }
        let mut prefix = None;
        for k in (2..=(words.len() - i).min(longest)).rev() {
            let run = &words[i..i + k];
            let matching: Vec<usize> = (0..labels.len())
                .filter(|&l| labels[l].starts_with(run))
                .collect();
            if matching.len() == 1 {
                prefix = Some((matching[0], k));
                break;
            }
        }
        if let Some((index, k)) = prefix {
            take(
                index,
                &mut negating,
                negating_list,
                &mut picked,
                &mut negated,
            );
            i += k;
            continue;
        }
        if let Some(index) = own_word(word) {
            take(
                index,
                &mut negating,
                negating_list,
                &mut picked,
                &mut negated,
            );
            i += 1;
            continue;
        }
        if NOTHING.contains(&word) && exclusive.is_some() && !negating {
            picked.indexes.extend(exclusive);
            i += 1;
            continue;
        }
        if EVERYTHING.contains(&word) && !loose {
            everything = true;
            i += 1;
            continue;
        }
        if word == "but" && everything {
            negating_list = true;
            i += 1;
            continue;
        }
        if NEGATIONS.contains(&word) {
            if everything && ["except", "excluding"].contains(&word) {
                negating_list = true;
            } else {
                negating = true;
            }
            i += 1;
            continue;
        }
        if FILLERS.contains(&word) || asked.iter().any(|a| a == word) {
            i += 1;
            continue;
        }
        unread.push(word.to_owned());
        i += 1;
    }
    if negating
        && !negating_list
        && let Some(last) = picked.indexes.pop()
    {
        // "Side effects are not an issue": the negation came after.
        negated.push(last);
    }
    if everything {
        for (index, option) in options.iter().enumerate() {
            if !option.exclusive && !option.other && !picked.indexes.contains(&index) {
                picked.indexes.push(index);
            }
        }
    }
    picked.indexes.retain(|i| !negated.contains(i));
    if picked.indexes.is_empty() {
        return Err(if negated.is_empty() {
            "no option recognised".to_owned()
        } else {
            "only options that were not chosen".to_owned()
        });
    }
    if !unread.is_empty() && !loose {
        return Err(format!("could not read \"{}\"", unread.join(" ")));
    }
    Ok(picked)
}

/// The options a piece of a sentence names ("the main barrier for us is
/// lack of evidence"), other words ignored; `None` when it names none, or
/// only takes options back ("not expertise"), or offers alternatives.
pub(crate) fn options_named(text: &str, question: &Question) -> Option<Vec<usize>> {
    let picked = labels(text, question.options(), &question.text, true).ok()?;
    (!picked.alternatives && picked.other_text.is_none()).then_some(picked.indexes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::Status;

    fn yes_no_q() -> Question {
        Question {
            id: "q".into(),
            text: "?".into(),
            required: true,
            kind: QuestionKind::YesNo,
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
        ] {
            assert_eq!(value(&q, yes), Some(Value::Bool(true)), "{yes}");
        }
        for no in [
            "n",
            "No",
            "never",
            "No - we stopped using it in 2024",
            "no, no protocol yet",
            "nope",
            "nah",
            "Not really",
            "not that I'm aware of",
            "I don't believe so",
            "Not yet",
            "no, we're drafting one",
            "We don't",
            "I haven’t",
            "We have no protocol",
        ] {
            assert_eq!(value(&q, no), Some(Value::Bool(false)), "{no}");
        }
        assert_eq!(
            read(&q, "Yes, frequently").other.as_deref(),
            Some("frequently")
        );
        assert_eq!(read(&q, "yes please").other, None);
        for unclear in [
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
        ] {
            assert_eq!(status(&q, unclear), Status::Unclear, "{unclear}");
        }
        let ever = Question {
            text: "Have you used ketamine?".into(),
            ..yes_no_q()
        };
        assert_eq!(value(&ever, "occasionally"), Some(Value::Bool(true)));
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
        assert_eq!(status(&q, "a, d"), Status::Unclear);
        assert_eq!(status(&q, "a or c"), Status::Unclear);
        assert_eq!(status(&q, "f"), Status::Invalid);
        assert_eq!(status(&q, "a lack of evidence"), Status::Unclear);
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
}
