//! Numbers and scales: digits and number words, with dates, times,
//! denominators ("7/10") and corrections ("8, no, 9") told apart.

use super::plain_words;
use crate::understand::answer::{Answer, Value};

pub(crate) const NUMBER_WORDS: &[&str] = &[
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

/// Words after a number that make it a count or an amount, not a score
/// or an answer: "about 20 times", "10+ years", "2 of our last 5
/// patients".
const COUNTED: &[&str] = &[
    "times",
    "time",
    "years",
    "year",
    "yrs",
    "months",
    "month",
    "weeks",
    "week",
    "days",
    "day",
    "hours",
    "hrs",
    "patients",
    "patient",
    "cases",
    "mg",
    "mcg",
    "ml",
    "trials",
    "trial",
    "studies",
    "study",
    "consultants",
    "consultant",
    "colleagues",
    "doctors",
    "nurses",
    "of",
    "percent",
    "per",
];

/// The numbers in `text` (digits or number words) and how many of them
/// are counts ([`COUNTED`] follows them).
pub(crate) fn counts(text: &str) -> (usize, usize) {
    counts_in(&plain_words(text))
}

/// [`counts`] of words already split by [`plain_words`].
pub(crate) fn counts_in(words: &[String]) -> (usize, usize) {
    let number = |k: usize| {
        words.get(k).is_some_and(|w| {
            w.bytes().all(|b| b.is_ascii_digit()) || NUMBER_WORDS.contains(&w.as_str())
        })
    };
    // A count: a number before a word of COUNTED or a plural noun ("2
    // CSCIs", "3 referrals"), or before "or"/"to" and another such
    // number ("2 or 3 CSCIs").
    let counts_at = |k: usize| {
        words.get(k).is_some_and(|n| {
            COUNTED.contains(&n.as_str())
                || (n.len() >= 4
                    && n.ends_with('s')
                    && n.chars().all(char::is_alphabetic)
                    && !NOT_PLURAL.contains(&n.as_str()))
        })
    };
    let mut numbers = 0;
    let mut counted = 0;
    for i in 0..words.len() {
        if number(i) {
            numbers += 1;
            let ranged = words.get(i + 1).is_some_and(|w| w == "or" || w == "to")
                && number(i + 2)
                && counts_at(i + 3);
            if counts_at(i + 1) || ranged {
                counted += 1;
            }
        }
    }
    (numbers, counted)
}

/// Words ending in "s" that are no plural noun.
const NOT_PLURAL: &[&str] = &[
    "this", "thus", "plus", "less", "unless", "does", "goes", "always", "perhaps", "across",
    "minus", "versus", "status", "serious", "whereas", "obvious", "previous",
];

/// A number found in an answer, with where its text starts and ends.
pub(super) struct NumberAt {
    value: f64,
    start: usize,
    end: usize,
    denominator: bool,
}

/// A date (`5/1/2026`, `05.01.26`, `2026-01-05`) or a time (`9:30`)
/// starting at `start`: its end, so its numbers are not taken as answers.
pub(super) fn date_or_time_at(bytes: &[u8], start: usize) -> Option<usize> {
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

pub(super) fn numbers(text: &str) -> Vec<NumberAt> {
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
                found.push(NumberAt {
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
            found.push(NumberAt {
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
pub(super) fn is_denominator(before: &str) -> bool {
    let lower = before.trim_end().to_ascii_lowercase();
    lower.ends_with('/') || lower.ends_with("out of") || lower.ends_with(" of")
}

/// Words between two numbers that take back the first ("8 - no, make that
/// 9", "7, sorry, 8", "6 (I mean 7)"): the second one is the answer.
pub(super) fn corrects(between: &str) -> bool {
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

/// Words that are a number word of five letters or more with one letter
/// missing, but words of their own.
const NOT_MISSPELT: &[&str] = &["tree", "thee", "seen", "even", "eigh"];

/// "sevn", "thre", "eigt": an answer that is one word, a number word of
/// five letters or more with one letter missing (a phone's keyboard), and
/// not a word of its own ([`NOT_MISSPELT`]): that number word. Shorter
/// number words are not guessed at ("for", "to" are words).
fn misspelt_number_word(text: &str) -> Option<&'static str> {
    let words = plain_words(text);
    let [word] = words.as_slice() else {
        return None;
    };
    if word.len() < 4 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    if NOT_MISSPELT.contains(&word.as_str()) {
        return None;
    }
    let mut found = NUMBER_WORDS
        .iter()
        .filter(|n| n.len() >= 5 && n.len() == word.len() + 1)
        .filter(|n| (0..n.len()).any(|at| format!("{}{}", &n[..at], &n[at + 1..]) == *word));
    let first = found.next()?;
    found.next().is_none().then_some(*first)
}

pub(super) fn number(text: &str, min: Option<f64>, max: Option<f64>, whole: bool) -> Answer {
    // "6½", "7 ¾": a vulgar fraction is part of the number, never left
    // behind it.
    if text.contains(['½', '¼', '¾', '⅓', '⅔', '⅛']) {
        return Answer::unclear("a fraction (\"6½\"): which point of the scale?", text);
    }
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
        if let Some(word) = misspelt_number_word(text) {
            return number(word, min, max, whole);
        }
        return Answer::unclear("no number found", text);
    };
    if values.iter().any(|f| f.value != first.value) {
        let list: Vec<String> = values.iter().map(|f| format_number(f.value)).collect();
        return Answer::unclear(format!("more than one number: {}", list.join(", ")), text);
    }
    // "5ish", "5-ish", "5 ish": about five, the doctor will not say.
    // "6, give or take" is "about 6": the number stands ("7 or so" and
    // "or thereabouts" stay hedged, as a held-back writer read them).
    let words = plain_words(&text[hedge_from..]);
    let approximately =
        |i: usize| i > 0 && words[i - 1] == "give" && words.get(i + 1).is_some_and(|w| w == "take");
    if words.iter().enumerate().any(|(i, w)| {
        (w == "or" && !approximately(i))
            || ["maybe", "perhaps", "between", "ish"].contains(&w.as_str())
            || w.strip_suffix("ish")
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    }) || text.contains('?')
    {
        return Answer::unclear("the number is hedged", text);
    }
    // "70%" for a 0-10 scale: a percentage is no point of the scale, and
    // 7 is only a guess at what the doctor meant.
    let after = text[first.end..].trim_start().to_ascii_lowercase();
    if whole
        && (after.starts_with('%') || after.starts_with("percent") || after.starts_with("per cent"))
    {
        return Answer::unclear("a percentage, not a point of the scale", text);
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

pub(super) fn format_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_words_with_a_letter_missing() {
        assert_eq!(misspelt_number_word("sevn"), Some("seven"));
        assert_eq!(misspelt_number_word("Thre."), Some("three"));
        assert_eq!(misspelt_number_word("eigt"), Some("eight"));
        // Words of their own, short number words, more than one word.
        for text in [
            "seen",
            "even",
            "tree",
            "for",
            "to",
            "fve",
            "sevn or eigt",
            "sven 4",
        ] {
            assert_eq!(misspelt_number_word(text), None, "{text}");
        }
    }
}
