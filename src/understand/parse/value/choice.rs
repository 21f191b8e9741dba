//! Single- and multiple-choice answers: options named by letter, by label
//! or by a word only one label has, with "not", "all" and "none".

use std::sync::LazyLock;

use regex::Regex;

use super::{one_edit, plain_words};
use crate::survey::{ChoiceOption, Question};
use crate::understand::answer::{Answer, Value};

/// What a choice answer named, before it is checked against the question.
#[derive(Default)]
pub(super) struct Picked {
    indexes: Vec<usize>,
    other_text: Option<String>,
    alternatives: bool,
    /// Letters joined by a slash ("A/B"): both under "choose all that
    /// apply", when nothing but letters was written ([`slash_reading`]).
    slashed: bool,
}

/// "A/B": under "choose all that apply" (a multiple choice) a careful
/// reader takes both, as two writers of held-back sets meant; for a
/// single choice it is one or the other, asked (as "Y/N" is). Letters
/// with words after them ("b/c we lack expertise", where "b/c" may be
/// "because") stay alternatives.
fn slash_reading(picked: &mut Picked, multiple: bool) {
    if picked.slashed && !(multiple && picked.other_text.is_none()) {
        picked.alternatives = true;
    }
}

pub(super) fn choice(
    text: &str,
    options: &[ChoiceOption],
    multiple: bool,
    question_text: &str,
) -> Answer {
    let flat = text
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    // "n/a", "N.A.": not applicable is not an option (nor option n).
    let bare: String = flat
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    if bare == "na" && flat.len() <= 6 {
        return Answer::unclear("not applicable is not one of the options", text);
    }
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
    let flat = letters_with_labels(&flat, options)
        .or_else(|| letters_wrapped_or_regretted(&flat, options))
        .or_else(|| letters_concluded(&flat, options))
        .or_else(|| letters_then_sentences(&flat, options))
        .or_else(|| letters_with_reason(&flat, options))
        .or_else(|| letters_together(&flat, options))
        .or_else(|| letters_only(&flat, options))
        .or_else(|| first_options(&flat, options, multiple))
        .or_else(|| lesser_degree(&flat, options, question_text))
        .unwrap_or(flat);
    let mut picked = match letters(&flat, options) {
        Letters::Picked(picked) => picked,
        Letters::NoSuchOption(letter) => {
            return Answer::invalid(format!("there is no option {letter}"), text);
        }
        Letters::Words => match labels(&flat, options, question_text, false) {
            Ok(picked) => picked,
            Err(reason) => return Answer::unclear(reason, text),
        },
    };
    slash_reading(&mut picked, multiple);
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

/// Words of regret after the letters: "a, b and c I'm afraid", "b,
/// sadly".
const REGRET: &[&str] = &[
    "i'm afraid",
    "i am afraid",
    "i’m afraid",
    "sadly",
    "unfortunately",
    "i fear",
    "alas",
];

/// "[A + B]", "a, b and c I'm afraid", "b, sadly": the letters, when they
/// stand in square brackets or before a word of regret ([`REGRET`]) and
/// nothing else is left.
fn letters_wrapped_or_regretted(text: &str, options: &[ChoiceOption]) -> Option<String> {
    let text = text.trim().trim_end_matches(['.', '!']).trim_end();
    let lower = text.to_lowercase();
    let left = lower
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .or_else(|| {
            REGRET
                .iter()
                .find_map(|end| lower.strip_suffix(end))
                .map(|t| t.trim_end().trim_end_matches([',', '-', '–']))
        })?;
    letters_alone(left, options, true)
}

/// `text` when it is letters and nothing else ("b, c"): no "other" text
/// after them, no "or"; with `other_ok` false, no "other" option either
/// (its text would be the words that follow).
fn letters_alone(text: &str, options: &[ChoiceOption], other_ok: bool) -> Option<String> {
    match letters(text, options) {
        Letters::Picked(picked)
            if picked.other_text.is_none()
                && !picked.alternatives
                && (other_ok || !picked.indexes.iter().any(|&i| options[i].other)) =>
        {
            Some(text.trim().to_owned())
        }
        _ => None,
    }
}

/// "b and c. The evidence is weak and I have seen distressing
/// hallucinations.": the letters as the first sentence, then sentences of
/// reason that name no other letter ("b", "(d)"; "a" and "I" are words)
/// and hold no word of doubt or addition ("maybe", "also", "too" ...).
fn letters_then_sentences(text: &str, options: &[ChoiceOption]) -> Option<String> {
    const MORE: &[&str] = &[
        "maybe", "perhaps", "possibly", "probably", "sure", "either", "also", "plus", "too",
        "except", "apart", "besides",
    ];
    let (head, reason) = text.split_once(". ")?;
    if !reason.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let words = plain_words(reason);
    let names_letter = words
        .iter()
        .any(|w| w.len() == 1 && w.chars().all(char::is_alphabetic) && w != "a" && w != "i");
    if names_letter
        || reason.contains(['(', ')'])
        || words.iter().any(|w| MORE.contains(&w.as_str()))
    {
        return None;
    }
    letters_alone(head, options, false)
}

/// "The evidence base is thin and the side effects put people off, so b
/// and c": the letters after a last "so", when nothing else follows.
fn letters_concluded(text: &str, options: &[ChoiceOption]) -> Option<String> {
    let text = text.trim().trim_end_matches(['.', '!']).trim_end();
    let lower = text.to_lowercase();
    let at = lower.rfind(" so ")?;
    // A reason of a few words before it ("not so b" is none).
    if lower[..at].split_whitespace().count() < 3 {
        return None;
    }
    let left = lower[at + " so ".len()..].trim();
    letters_alone(left, options, true)
}

/// "a only", "a and c only", "only b", "just c", "b alone": the letters,
/// when what is left is letters alone (no "other" text after them).
fn letters_only(text: &str, options: &[ChoiceOption]) -> Option<String> {
    let text = text.trim().trim_end_matches(['.', '!']).trim_end();
    let lower = text.to_ascii_lowercase();
    let left = [" only", " alone"]
        .iter()
        .find_map(|end| lower.strip_suffix(end))
        .or_else(|| {
            ["only ", "just "]
                .iter()
                .find_map(|start| lower.strip_prefix(start))
        })?;
    letters_alone(left, options, true)
}

/// "(b) Lack of evidence; (c) Side effects", "a) Lack of expertise and
/// familiarity, c) Side effects", "B - Lack of evidence and C - Side
/// effects": options written as we list them, each letter with its own
/// label after it (copied from the questionnaire): the letters alone
/// ("b, c"). Every piece between `;`, `,`, `&`, `+` (or "and") must be a
/// letter, perhaps in brackets or with `)`, `.`, `:` or a dash, and then
/// exactly that option's label (case and punctuation aside); a letter
/// with another option's label, or any other piece, and `None`: the text
/// is read as it stands.
fn letters_with_labels(text: &str, options: &[ChoiceOption]) -> Option<String> {
    let label_of = |piece: &str| -> Option<char> {
        let piece = piece.trim().trim_end_matches(['.', '!']);
        let piece = piece.strip_prefix('(').unwrap_or(piece);
        let mut chars = piece.chars();
        let letter = chars.next()?.to_ascii_lowercase();
        let rest = chars.as_str();
        let rest = rest.strip_prefix([')', '.', ':']).unwrap_or(rest);
        if !rest.starts_with(' ') {
            return None;
        }
        let rest = rest.trim_start().trim_start_matches(['-', '–', '—']);
        let index = (letter as usize).checked_sub('a' as usize)?;
        let option = options.get(index)?;
        (!rest.trim().is_empty() && plain_words(rest) == plain_words(&option.label))
            .then_some(letter)
    };
    let read = |pieces: Vec<&str>| -> Option<String> {
        let letters: Option<Vec<String>> = pieces
            .into_iter()
            .filter(|p| !p.trim().is_empty())
            .map(|p| label_of(p).map(String::from))
            .collect();
        letters.filter(|l| !l.is_empty()).map(|l| l.join(", "))
    };
    let pieces: Vec<&str> = text.split([';', ',', '&', '+']).collect();
    read(pieces.clone()).or_else(|| read(pieces.iter().flat_map(|p| p.split(" and ")).collect()))
}

/// Words that make a remark in brackets after the letters more than a
/// reason: another option, a doubt, a choice between.
const NOT_A_REASON: &[&str] = &[
    "and",
    "also",
    "too",
    "plus",
    "well",
    "or",
    "either",
    "maybe",
    "perhaps",
    "possibly",
    "probably",
    "sure",
    "unsure",
    "other",
    "others",
    "option",
    "options",
    "but",
    "except",
    "not",
    "mainly",
    "mostly",
    "especially",
];

/// "b (side effects are manageable in my experience)": option letters,
/// then a reason in brackets that ends the answer: the letters alone.
/// The reason is three words or more with no letter standing alone, no
/// question mark and none of [`NOT_A_REASON`] ("b (and c)", "b (maybe
/// side effects too)" add or doubt an option); after the "other" option
/// the brackets are its text, as before.
fn letters_with_reason(text: &str, options: &[ChoiceOption]) -> Option<String> {
    let text = text.trim().trim_end_matches(['.', '!']).trim_end();
    let inner = text.strip_suffix(')')?;
    let (head, reason) = inner.split_once('(')?;
    if reason.contains(['(', ')', '?']) {
        return None;
    }
    let words = plain_words(reason);
    if words.len() < 3
        || words
            .iter()
            .any(|w| w.chars().count() == 1 || NOT_A_REASON.contains(&w.as_str()))
    {
        return None;
    }
    letters_alone(head, options, false)
}

/// The words and abbreviations spelt with letters a to h, each later in
/// the alphabet than the one before: never read as letters run together.
const LETTER_WORDS: &[&str] = &["ad", "ah", "be", "cf", "eh", "ace", "beg", "def"];

/// "AB", "bc", "ACE": option letters run together (phones, codes such as
/// `5-AB`): the letters apart ("a, b"). Only the whole answer, two to
/// four letters, each an option's among a to h (past h short words abound:
/// "in", "no", "my") and later in the alphabet than the one before (so no
/// repeats), and not a word ([`LETTER_WORDS`]: "be" is never b and e);
/// anything else is read as written.
fn letters_together(text: &str, options: &[ChoiceOption]) -> Option<String> {
    let word = text.trim().trim_end_matches(['.', '!']);
    let lower = word.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let fits = (2..=4).contains(&bytes.len())
        && bytes.iter().all(|b| b.is_ascii_lowercase())
        && bytes.windows(2).all(|w| w[0] < w[1])
        && bytes
            .iter()
            .all(|b| usize::from(b - b'a') < options.len().min(8))
        && !LETTER_WORDS.contains(&lower.as_str());
    fits.then(|| {
        lower
            .chars()
            .map(String::from)
            .collect::<Vec<_>>()
            .join(", ")
    })
}

/// "none", "- none", "d) none", "Nothing.", "None (d)": the exclusive option, whatever
/// separator precedes it (a letter before it must be that option's).
pub(super) fn none_alone(text: &str, options: &[ChoiceOption]) -> Option<usize> {
    let exclusive = options.iter().position(|o| o.exclusive)?;
    let mut words = plain_words(text);
    let own = crate::survey::questionnaire::option_letter(exclusive).to_string();
    if words.first().is_some_and(|w| w.len() == 1) {
        let letter = words.remove(0);
        if letter != own {
            return None;
        }
    }
    // "None (d)", "Nothing (d)": the word and the option's own letter.
    if words.len() == 2 && words[1] == own && ["none", "nothing"].contains(&words[0].as_str()) {
        words.pop();
    }
    let mut words: Vec<&str> = words.iter().map(String::as_str).collect();
    // "None for me", "nothing here", "none for us".
    if let [.., "for", "me" | "us"] = words.as_slice() {
        words.truncate(words.len() - 2);
    } else if let [.., "here"] = words.as_slice() {
        words.pop();
    }
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

/// "None really, apart from the odd patient who ...", "nothing except the
/// cost": an exception named after "none" contradicts it, so it is asked.
pub(super) fn none_with_exception(text: &str) -> bool {
    let words = plain_words(text);
    let Some(none) = words.iter().position(|w| NOTHING.contains(&w.as_str())) else {
        return false;
    };
    let rest = &words[none + 1..];
    rest.iter().enumerate().any(|(i, w)| {
        let named = rest.len() > i + 2;
        named
            && (["except", "apart", "besides", "excepting"].contains(&w.as_str())
                || (w == "other" && rest.get(i + 1).is_some_and(|n| n == "than"))
                || (w == "but" && rest.get(i + 1).is_some_and(|n| n == "for")))
    })
}

pub(super) enum Letters {
    Picked(Picked),
    NoSuchOption(char),
    Words,
}

/// `a, c`, `a and c`, `A C`, `(a) & (c)`, `e - cost of the drug`.
pub(super) fn letters(text: &str, options: &[ChoiceOption]) -> Letters {
    let chars: Vec<char> = text.chars().collect();
    let mut picked = Picked::default();
    let mut letters = Vec::new();
    let mut i = 0;
    let rest_from;
    loop {
        // Separators between letters; a slash is noted ("b/c"): both or
        // one or the other, by the question ([`slash_reading`]).
        while i < chars.len() && (chars[i].is_whitespace() || ",;&/+".contains(chars[i])) {
            picked.slashed |= chars[i] == '/' && !letters.is_empty();
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
pub(super) fn other_text(text: &str) -> &str {
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
pub(super) const FILLERS: &[&str] = &[
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
pub(super) const NEGATIONS: &[&str] = &["not", "never", "no", "except", "excluding", "without"];
/// Words that choose every ordinary option ("everything except evidence").
pub(super) const EVERYTHING: &[&str] = &["all", "everything", "every", "each"];
/// Words that choose the exclusive option ("none", "nothing").
pub(super) const NOTHING: &[&str] = &["none", "nothing", "nil", "nope"];

/// A word of five letters or more that no label has, one edit (a letter
/// added, dropped, changed, or two swapped) from exactly one word of the
/// labels ("efects", "expertice"): that word. Any other word as it is.
fn spelt(word: String, labels: &[Vec<String>], asked: &[String]) -> String {
    if word.chars().count() < 5
        || asked.contains(&word)
        || labels.iter().flatten().any(|l| *l == word)
    {
        return word;
    }
    let mut near: Vec<&String> = labels
        .iter()
        .flatten()
        .filter(|l| l.chars().count() >= 5 && one_edit(&word, l))
        .collect();
    near.sort();
    near.dedup();
    match near.as_slice() {
        [one] => (*one).clone(),
        _ => word,
    }
}

/// Options named by their labels, in any case: `Lack of evidence; side
/// effects`, `Other: cost of the drug`. A run of words that starts only one
/// label (at least two words of it) names that option, and so does a word
/// that only one label has ("expertise", "evidence"). "Not" and "except"
/// take options back; "all" or "everything" chooses every ordinary option;
/// "none" the exclusive one.
pub(super) fn labels(
    text: &str,
    options: &[ChoiceOption],
    question_text: &str,
    loose: bool,
) -> Result<Picked, String> {
    let labels: Vec<Vec<String>> = options.iter().map(|o| plain_words(&o.label)).collect();
    let longest = labels.iter().map(Vec::len).max().unwrap_or(0);
    let asked = plain_words(question_text);
    let words: Vec<String> = plain_words(text)
        .into_iter()
        .map(|w| spelt(w, &labels, &asked))
        .collect();
    let exclusive = options.iter().position(|o| o.exclusive);
    let mut picked = Picked::default();
    let mut negated: Vec<usize> = Vec::new();
    let mut everything = false;
    // "All three": how many options the doctor counted.
    let mut counted: Option<usize> = None;
    // Negation waiting for its option; `list` for "except a and b".
    let mut negating = false;
    let mut negating_list = false;
    let mut unread = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let word = words[i].as_str();
        if word == "or" && words.get(i + 1).is_none_or(|w| w != "rather") {
            picked.alternatives = true;
            i += 1;
            continue;
        }
        let next = words.get(i + 1).map(String::as_str);
        if matches!(
            (word, next),
            ("other", Some("than")) | ("apart", Some("from"))
        ) {
            negating_list = true;
            i += 2;
            continue;
        }
        if let Some(other) = options.iter().position(|o| o.other)
            && word == "other"
        {
            picked.indexes.push(other);
            picked.other_text = text_after_other(text);
            break;
        }
        let named = label_at(&labels, &words[i..], longest)
            .or_else(|| own_word(word, &labels, &asked).map(|index| (index, 1)));
        if let Some((index, k)) = named {
            if negating || negating_list {
                negated.push(index);
                negating = false;
            } else {
                picked.indexes.push(index);
            }
            i += k;
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
            // "All three", "all 3": the doctor counted the options.
            if let Some(n) = words.get(i).and_then(|w| count_word(w)) {
                counted = Some(n);
                i += 1;
            }
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
    if let Some(n) = counted {
        count_matches(n, options, !negated.is_empty() || negating_list)?;
    }
    if everything {
        every_ordinary(
            &mut picked,
            options,
            counted.is_some() || !negated.is_empty() || negating_list,
        )?;
    }
    // "lak of evidence and sid effects": a word one edit from a word of an
    // option its other words picked is that word misspelt, nothing more.
    unread.retain(|w| !misspelt_label_word(w, &picked.indexes, &negated, options));
    finished(picked, &negated, &unread, loose)
}

/// "The first three" (options), "first 2": the letters of the first
/// options in the order shown, two or more of a multiple choice, each an
/// ordinary option (never "No barriers" or "Other").
fn first_options(text: &str, options: &[ChoiceOption], multiple: bool) -> Option<String> {
    let c = FIRST_OPTIONS.captures(text.trim())?;
    let word = c[1].to_ascii_lowercase();
    let n = word
        .parse::<usize>()
        .ok()
        .or_else(|| super::number::NUMBER_WORDS.iter().position(|w| *w == word))?;
    if !multiple
        || n < 2
        || n > options.len()
        || options[..n].iter().any(|o| o.exclusive || o.other)
    {
        return None;
    }
    let letters: Vec<String> = (b'a'..=b'z')
        .take(n)
        .map(|b| char::from(b).to_string())
        .collect();
    Some(letters.join(", "))
}

/// "the first three", "first 2 options".
static FIRST_OPTIONS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:the\s+)?first\s+(two|three|four|five|[2-9])(?:\s+(?:options|ones|of\s+them|listed))?\s*[.!]?$")
        .expect("valid regex")
});

/// "b, and to a lesser degree c", "mainly lack of evidence, and side
/// effects to a lesser extent": a degree said of an option still picks
/// it; the words of degree go, the rest is read as a list. Only when what
/// is left is letters and "and" alone, or ordinary options' labels that
/// [`labels`] reads with no word left over, no negation, "all" or "none"
/// ("side effects to some extent if the dose is high" is asked).
fn lesser_degree(text: &str, options: &[ChoiceOption], question_text: &str) -> Option<String> {
    if !LESSER_DEGREE.is_match(text) {
        return None;
    }
    let left = LESSER_DEGREE.replace_all(text, " ");
    let only_letters = left
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .all(|w| {
            w.eq_ignore_ascii_case("and")
                || (w.len() == 1 && w.chars().all(|c| c.is_ascii_alphabetic()))
        });
    if only_letters {
        return Some(left.into_owned());
    }
    let plain = plain_words(&left).iter().all(|w| {
        ![NEGATIONS, EVERYTHING, NOTHING]
            .iter()
            .any(|words| words.contains(&w.as_str()))
    });
    let picked = labels(&left, options, question_text, false).ok()?;
    let ordinary = !picked.indexes.is_empty()
        && !picked.alternatives
        && picked
            .indexes
            .iter()
            .all(|&i| !options[i].exclusive && !options[i].other);
    (plain && ordinary).then(|| left.into_owned())
}

/// "to a lesser degree", "to a lesser extent", "less so", "to some extent".
static LESSER_DEGREE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:to\s+a\s+(?:lesser|smaller)\s+(?:degree|extent)|to\s+some\s+(?:degree|extent)|less\s+so)\b")
        .expect("valid regex")
});

/// Is `word` (three letters or more) one edit from a word of four letters
/// or more in the label of an option picked and not taken back?
fn misspelt_label_word(
    word: &str,
    picked: &[usize],
    negated: &[usize],
    options: &[ChoiceOption],
) -> bool {
    word.chars().count() >= 3
        && word.chars().all(char::is_alphabetic)
        && picked
            .iter()
            .filter(|i| !negated.contains(i))
            .filter_map(|&i| options.get(i))
            .any(|o| {
                o.label
                    .split(|c: char| !c.is_alphabetic())
                    .filter(|l| l.chars().count() >= 4)
                    .any(|l| one_edit(word, &l.to_lowercase()))
            })
}

/// "All three" with exactly three ordinary options and no exception
/// counts them all; any other count, or an exception beside it, leaves
/// the doctor's meaning open.
fn count_matches(n: usize, options: &[ChoiceOption], excepted: bool) -> Result<(), String> {
    let ordinary = options.iter().filter(|o| !o.exclusive && !o.other).count();
    if n != ordinary || excepted {
        return Err(format!(
            "\"all {n}\" of {ordinary} options: which are meant?"
        ));
    }
    Ok(())
}

/// What [`labels`] read, once the options taken back are removed: an
/// error when nothing is left, or (unless `loose`) when words were left
/// unread.
fn finished(
    mut picked: Picked,
    negated: &[usize],
    unread: &[String],
    loose: bool,
) -> Result<Picked, String> {
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

/// A count after "all" ("three", "3"), 2 to 20.
fn count_word(word: &str) -> Option<usize> {
    let n = match word.parse::<usize>() {
        Ok(n) => n,
        Err(_) => super::number::NUMBER_WORDS
            .iter()
            .position(|w| *w == word)?,
    };
    (2..=20).contains(&n).then_some(n)
}

/// "All", "everything": every ordinary option joins `picked`. Not when
/// the options hold "No barriers" or an unspecified "Other" and no
/// exception was made ("all of the above"): they cannot all be meant, so
/// it is asked. With exceptions ("all except side effects") the doctor
/// went through them.
fn every_ordinary(
    picked: &mut Picked,
    options: &[ChoiceOption],
    excepted: bool,
) -> Result<(), String> {
    if !excepted && options.iter().any(|o| o.exclusive || o.other) {
        return Err(
            "\"all\" of options that include \"none\" or \"other\": which are meant?".to_owned(),
        );
    }
    for (index, option) in options.iter().enumerate() {
        if !option.exclusive && !option.other && !picked.indexes.contains(&index) {
            picked.indexes.push(index);
        }
    }
    Ok(())
}

/// The option whose label `words` start with, whole (the longest such
/// label) or by a run of at least two of its words that starts no other
/// label: its index and the number of words it took.
fn label_at(labels: &[Vec<String>], words: &[String], longest: usize) -> Option<(usize, usize)> {
    let full = labels
        .iter()
        .enumerate()
        .filter(|(_, label)| !label.is_empty() && words.starts_with(label))
        .max_by_key(|(_, label)| label.len());
    if let Some((index, label)) = full {
        return Some((index, label.len()));
    }
    for k in (2..=words.len().min(longest)).rev() {
        let run = &words[..k];
        let matching: Vec<usize> = (0..labels.len())
            .filter(|&l| labels[l].starts_with(run))
            .collect();
        if matching.len() == 1 {
            return Some((matching[0], k));
        }
    }
    None
}

/// A word of exactly one label, not of the question itself, names it.
fn own_word(word: &str, labels: &[Vec<String>], asked: &[String]) -> Option<usize> {
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
}

/// The words after "other" are its text, as the doctor wrote them.
fn text_after_other(text: &str) -> Option<String> {
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
    (!after.is_empty()).then(|| after.to_owned())
}

/// The options a piece of a sentence names ("the main barrier for us is
/// lack of evidence"), other words ignored; `None` when it names none, or
/// only takes options back ("not expertise"), or offers alternatives.
pub(crate) fn options_named(text: &str, question: &Question) -> Option<Vec<usize>> {
    let picked = labels(text, question.options(), &question.text, true).ok()?;
    (!picked.alternatives && !picked.slashed && picked.other_text.is_none())
        .then_some(picked.indexes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::understand::answer::Status;

    /// The example survey's barriers.
    fn barriers() -> Vec<ChoiceOption> {
        let option = |id: &str, label: &str, exclusive, other| ChoiceOption {
            id: id.into(),
            label: label.into(),
            exclusive,
            other,
        };
        vec![
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
        ]
    }

    #[test]
    fn none_with_an_exception_named_is_asked() {
        let options = barriers();
        let question = Question {
            kind: crate::survey::QuestionKind::MultipleChoice(options),
            ..crate::survey::example().questions[4].clone()
        };
        let read = |text: &str| super::super::read(&question, text);
        for text in [
            "None to speak of, except the occasional patient who hallucinates",
            "nothing really, apart from cost now and then",
            "None, other than the odd nasty dream",
        ] {
            assert_eq!(read(text).status, Status::Unclear, "{text}");
        }
        assert_eq!(
            read("None (d)").value,
            Some(Value::Choices(vec!["none".into()]))
        );
        assert_eq!(read("None (b)").status, Status::Unclear);
        // "None" alone, or with a word that names no exception.
        for text in ["None really", "None at all"] {
            assert_eq!(read(text).status, Status::Ok, "{text}");
        }
    }

    #[test]
    fn misspelt_words_of_picked_options() {
        let option = |id: &str, label: &str| ChoiceOption {
            id: id.into(),
            label: label.into(),
            exclusive: false,
            other: false,
        };
        let options = [
            option("evidence", "Lack of evidence"),
            option("side_effects", "Side effects"),
        ];
        assert!(misspelt_label_word("lak", &[0], &[], &options));
        assert!(misspelt_label_word("sid", &[0, 1], &[], &options));
        // An option not picked, or taken back; too short; a digit.
        assert!(!misspelt_label_word("sid", &[0], &[], &options));
        assert!(!misspelt_label_word("sid", &[0, 1], &[1], &options));
        assert!(!misspelt_label_word("of", &[0], &[], &options));
        assert!(!misspelt_label_word("lac4", &[0], &[], &options));
    }

    #[test]
    fn first_options_and_a_lesser_degree() {
        let option = |id: &str, exclusive: bool| ChoiceOption {
            id: id.into(),
            label: id.into(),
            exclusive,
            other: false,
        };
        let options = [
            option("a", false),
            option("b", false),
            option("c", false),
            option("none", true),
        ];
        assert_eq!(
            first_options("the first three", &options, true),
            Some("a, b, c".into())
        );
        assert_eq!(
            first_options("First 2 options.", &options, true),
            Some("a, b".into())
        );
        // A single choice, an exclusive option among them, either count.
        assert_eq!(first_options("the first two", &options, false), None);
        assert_eq!(first_options("the first four", &options, true), None);
        assert_eq!(first_options("first two or three", &options, true), None);
        let lesser = |text: &str| lesser_degree(text, &options, "");
        assert_eq!(
            lesser("b, and to a lesser degree c")
                .as_deref()
                .map(str::trim),
            Some("b, and   c")
        );
        assert_eq!(lesser("b, and to a lesser degree c if needed"), None);
        assert_eq!(lesser("b and c"), None);
    }

    #[test]
    fn a_lesser_degree_of_an_option_by_its_words() {
        let options = barriers();
        let lesser = |text: &str| lesser_degree(text, &options, "Which barriers?");
        for text in [
            "mainly lack of evidence, and side effects to a lesser extent",
            "lack of evidence, and to some degree side effects",
            "Side effects, and lack of evidence less so.",
        ] {
            assert!(lesser(text).is_some(), "{text}");
        }
        for text in [
            // A word left over, a negation, every option, none, either.
            "lack of evidence, and side effects to a lesser extent if the dose is high",
            "lack of evidence, not side effects to some extent",
            "all of them, side effects to a lesser extent",
            "none, or side effects to some extent",
            "lack of evidence or side effects to some extent",
            "lack of evidence, and side effects",
        ] {
            assert_eq!(lesser(text), None, "{text}");
        }
    }
}
