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
        QuestionKind::YesNo => yes_no(text),
        QuestionKind::Scale { min, max, .. } => {
            number(text, Some(*min as f64), Some(*max as f64), true)
        }
        QuestionKind::Number { min, max } => number(text, *min, *max, false),
        QuestionKind::SingleChoice(options) => choice(text, options, false),
        QuestionKind::MultipleChoice(options) => choice(text, options, true),
        QuestionKind::Text => Answer::ok(Value::Text(text.to_owned()), text),
    }
}

const YES: &[&str] = &["yes", "y", "yeah", "yep", "yup"];
const NO: &[&str] = &["no", "n", "never", "nope"];

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn yes_no(text: &str) -> Answer {
    let words = words(text);
    let Some(first) = words.first() else {
        return Answer::unclear("no yes or no found", text);
    };
    let lower = text.to_lowercase();
    if lower.starts_with("n/a") || lower.starts_with("n.a") || first == "na" {
        return Answer::unclear("not applicable is not a yes or no", text);
    }
    if NO.contains(&first.as_str())
        && words.get(1).is_some_and(|w| {
            [
                "idea",
                "comment",
                "comments",
                "answer",
                "opinion",
                "clue",
                "experience",
                "matter",
            ]
            .contains(&w.as_str())
        })
    {
        return Answer::unclear("\"no\" here is not an answer to the question", text);
    }
    let value = if YES.contains(&first.as_str()) {
        true
    } else if NO.contains(&first.as_str()) {
        false
    } else {
        return Answer::unclear("no yes or no found", text);
    };
    let opposite = if value { NO } else { YES };
    let hedged = words.iter().skip(1).take(3).any(|w| {
        opposite.contains(&w.as_str()) || ["or", "maybe", "unsure", "perhaps"].contains(&w.as_str())
    });
    if hedged {
        return Answer::unclear("both yes and no, or not sure", text);
    }
    let mut answer = Answer::ok(Value::Bool(value), text);
    answer.other = explanation_after_first_word(text);
    answer
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
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// A number found in an answer, with where its text ends.
struct Found {
    value: f64,
    end: usize,
    denominator: bool,
}

fn numbers(text: &str) -> Vec<Found> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() && found.len() < 64 {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if i + 1 < bytes.len()
            && (bytes[i] == b'.' || bytes[i] == b',')
            && bytes[i + 1].is_ascii_digit()
        {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
        }
        let digits = text[start..i].replace(',', ".");
        let Ok(mut value) = digits.parse::<f64>() else {
            continue;
        };
        let before = text[..start].trim_end();
        if start > 0
            && bytes[start - 1] == b'-'
            && (start == 1 || bytes[start - 2].is_ascii_whitespace())
        {
            value = -value;
        }
        let lower = before.to_ascii_lowercase();
        let denominator =
            lower.ends_with('/') || lower.ends_with("out of") || lower.ends_with(" of");
        // A letter glued to the digits ("Q4", "5.1.1") is not an answer.
        let glued = start > 0 && bytes[start - 1].is_ascii_alphabetic();
        if !glued {
            found.push(Found {
                value,
                end: i,
                denominator,
            });
        }
    }
    found
}

fn number(text: &str, min: Option<f64>, max: Option<f64>, whole: bool) -> Answer {
    let lower = text.to_lowercase();
    let words = words(&lower);
    let mut found = numbers(text);
    if found.is_empty()
        && let Some(n) = words
            .first()
            .and_then(|w| NUMBER_WORDS.iter().position(|x| x == w))
    {
        found.push(Found {
            value: n as f64,
            end: lower
                .find(NUMBER_WORDS[n])
                .map_or(0, |at| at + NUMBER_WORDS[n].len()),
            denominator: false,
        });
    }
    let (denominators, values): (Vec<_>, Vec<_>) = found.into_iter().partition(|f| f.denominator);
    let Some(first) = values.first() else {
        return Answer::unclear("no number found", text);
    };
    if values.iter().any(|f| f.value != first.value) {
        let list: Vec<String> = values.iter().map(|f| format_number(f.value)).collect();
        return Answer::unclear(format!("more than one number: {}", list.join(", ")), text);
    }
    if words.iter().any(|w| {
        [
            "or",
            "maybe",
            "perhaps",
            "between",
            "about",
            "around",
            "approximately",
            "roughly",
        ]
        .contains(&w.as_str())
    }) || text.contains('?')
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

fn choice(text: &str, options: &[ChoiceOption], multiple: bool) -> Answer {
    let flat = text
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let picked = match letters(&flat, options) {
        Letters::Picked(picked) => picked,
        Letters::NoSuchOption(letter) => {
            return Answer::invalid(format!("there is no option {letter}"), text);
        }
        Letters::Words => match labels(&flat, options) {
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
    let rest = rest
        .trim_matches(|c: char| c.is_whitespace() || "-–—:()=.,;".contains(c))
        .trim()
        .to_owned();
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

fn normalise(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Options named by their labels, in any case: `Lack of evidence; side
/// effects`, `Other: cost of the drug`. A run of words that starts only one
/// label (at least two words of it) names that option.
fn labels(text: &str, options: &[ChoiceOption]) -> Result<Picked, String> {
    let words = normalise(text);
    let labels: Vec<Vec<String>> = options.iter().map(|o| normalise(&o.label)).collect();
    let longest = labels.iter().map(Vec::len).max().unwrap_or(0);
    let mut picked = Picked::default();
    let mut unread = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let word = words[i].as_str();
        if word == "and" || word == "also" || word == "plus" {
            i += 1;
            continue;
        }
        if word == "or" {
            picked.alternatives = true;
            i += 1;
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
            let after = after.trim_matches(|c: char| c.is_whitespace() || "-–—:()=.,;".contains(c));
            let after = after
                .strip_prefix("(please specify)")
                .or_else(|| after.strip_prefix("please specify"))
                .unwrap_or(after)
                .trim_matches(|c: char| c.is_whitespace() || "-–—:()=.,;".contains(c));
            picked.other_text = (!after.is_empty()).then(|| after.to_owned());
            break;
        }
        let full = labels
            .iter()
            .enumerate()
            .filter(|(_, label)| !label.is_empty() && words[i..].starts_with(label))
            .max_by_key(|(_, label)| label.len());
        if let Some((index, label)) = full {
            picked.indexes.push(index);
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
            picked.indexes.push(index);
            i += k;
            continue;
        }
        unread.push(word.to_owned());
        i += 1;
    }
    if picked.indexes.is_empty() {
        return Err("no option recognised".to_owned());
    }
    if !unread.is_empty() {
        return Err(format!("could not read \"{}\"", unread.join(" ")));
    }
    Ok(picked)
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
        for yes in ["y", "Yes", "YES please", "yeah", "Yes, frequently"] {
            assert_eq!(value(&q, yes), Some(Value::Bool(true)), "{yes}");
        }
        for no in [
            "n",
            "No",
            "never",
            "No - we stopped using it in 2024",
            "no, no protocol yet",
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
        ] {
            assert_eq!(status(&q, unclear), Status::Unclear, "{unclear}");
        }
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
        for unclear in ["6 or 7", "6-7", "about 7", "7?", "fully confident", "7/9"] {
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
        assert_eq!(status(&q, "cost"), Status::Unclear);
        assert_eq!(status(&q, "lack of"), Status::Unclear);
        assert_eq!(status(&q, "side effects, mainly"), Status::Unclear);
    }
}
