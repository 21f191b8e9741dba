//! Yes/no answers: the phrases that say yes, no or "not sure", and the
//! explanation kept with them.

use super::number::NUMBER_WORDS;
use super::{leading, one_edit, plain_words, plain_words_lazily};
use crate::survey::Question;
use crate::understand::answer::{Answer, Value};

/// Leading phrases that answer yes, as written or after contractions are
/// spelled out (`I've` → `i have`). Longest match wins.
pub(super) const YES: &[&str] = &[
    // The six of YES_ALONE first.
    "yes",
    "yeah",
    "yep",
    "yup",
    "yea",
    "aye",
    "yes please",
    "y",
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
    "it does",
    "they do",
    "we certainly do",
    "i certainly would",
    // Emphatic words: a yes said strongly is a yes.
    "without doubt",
    "without a doubt",
    "without question",
    "beyond doubt",
    "no doubt",
    "no doubt about it",
    "no question about it",
    "undoubtedly",
    "unquestionably",
    "for sure",
    "most definitely",
    "most certainly",
    "totally",
    "positively",
    "by all means",
    "very much",
    "a yes",
    "a definite yes",
    "a firm yes",
    "a big yes",
    "a clear yes",
    "a resounding yes",
    "a strong yes",
];
/// Leading phrases that answer no.
pub(super) const NO: &[&str] = &[
    // The three of NO_ALONE first.
    "no",
    "nope",
    "nah",
    "absolutely not",
    "definitely not",
    "certainly not",
    "of course not",
    "sure not",
    "indeed not",
    "n",
    "never",
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
    // Emphatic words: a no said strongly is a no.
    "by no means",
    "not in the slightest",
    "not in the least",
    "not ever",
    "never ever",
    "not once",
    "under no circumstances",
    "no chance",
    "not a chance",
    "a no",
    "a definite no",
    "a firm no",
    "a big no",
    "a clear no",
    "a resounding no",
    "a strong no",
];
/// Yes said in one word, the first of [`YES`]: for a yes standing alone
/// after the words of change (`changed::holds_other`).
pub(super) const YES_ALONE: &[&str] = YES.split_at(6).0;
/// No said in one word, the first of [`NO`]: "no" only standing alone
/// ("no, we don't"), never before a noun ("no formal protocol").
pub(super) const NO_ALONE: &[&str] = NO.split_at(3).0;
/// Leading phrases that say the doctor does not know, or that "no" is not
/// an answer to the question: unclear, never yes or no.
pub(super) const UNSURE: &[&str] = &[
    // The six of NOT_ABLE_TO_SAY first.
    "cannot remember",
    "do not remember",
    "cannot recall",
    "do not recall",
    "cannot say",
    "hard to say",
    "not sure",
    "not really sure",
    "not entirely sure",
    "not so sure",
    "not too sure",
    "not quite sure",
    "not totally sure",
    "not completely sure",
    "unsure",
    "i am not sure",
    "i do not know",
    "do not know",
    "no idea",
    "not certain",
    "it depends",
    "depends",
    "maybe",
    "perhaps",
    "possibly",
    "i do not remember",
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
    // Hedged: "I think so" is "yes, I think"; "not that I'm aware of" is
    // no as far as the doctor knows. Asked, never counted.
    "i think so",
    "i believe so",
    "i think not",
    "i do not think so",
    "i do not believe so",
    "not that i am aware of",
    "not that i am aware",
    "not that i know of",
    "not to my knowledge",
    "not as far as i know",
    "not as far as i am aware",
    "as far as i know",
    "as far as i am aware",
    "to my knowledge",
    // Leaning, not answering: "I'd lean towards yes",
    // "probably no", "more yes than no". Asked, never counted.
    "i would lean",
    "i lean",
    "i am leaning",
    "lean towards",
    "lean toward",
    "leaning towards",
    "leaning toward",
    "leaning to",
    "i would tend",
    "i tend to",
    "i tend towards",
    "tending towards",
    "i would be inclined",
    "i am inclined",
    "inclined to",
    "i would err",
    "erring",
    "err on",
    "veering",
    "more yes than no",
    "more no than yes",
    "probably",
    "likely",
    "most likely",
    "more likely",
    "more likely than not",
    "i suppose so",
    "i guess so",
    "i would guess",
    "i would imagine",
    "i imagine so",
    "i expect so",
    "i would think",
    "i would have thought",
    "presumably",
    "i reckon",
    "sort of",
    "kind of",
    "kinda",
    "to some extent",
    "up to a point",
    "in part",
    "partly",
    "i would hope so",
    "i hope so",
    "hopefully",
    "do not think so",
    "do not believe so",
    // An echo of the question's verb that goes on to what must happen
    // first: "I'd need to ask our community team", "we would have to
    // check": not the echo's yes.
    "i would need to",
    "we would need to",
    "i would have to",
    "we would have to",
    "i will need to",
    "we will need to",
    "i will have to",
    "we will have to",
    "i need to check",
    "we need to check",
    "i need to ask",
    "we need to ask",
    "need to check",
    "need to ask",
    "have to check",
    "have to ask",
    // Hedges that stand for a no, or a yes, without saying it: "Not
    // really", "not as such", "rarely if ever", "more or less". A careful
    // reader asks (issue 21).
    "not really",
    "not as such",
    "not especially",
    "not particularly",
    "not exactly",
    "not quite",
    "not entirely",
    "not fully",
    "not completely",
    "not strictly",
    "not formally",
    "not officially",
    "not properly",
    "not necessarily",
    "not always",
    "not much",
    "not that much",
    "not a lot",
    "not in so many words",
    "rarely if ever",
    "seldom if ever",
    "hardly ever",
    "hardly",
    "barely",
    "scarcely",
    "almost never",
    "next to never",
    "virtually never",
    "practically never",
    "more or less",
    "in a way",
    "in a sense",
    "in some ways",
    "in some respects",
    "to a degree",
    "to an extent",
    "to a certain extent",
    "to some degree",
    "somewhat",
    "a bit",
    "a little",
    "sorta",
    "semi",
    "in theory",
    "in principle",
    "on paper",
    "technically",
    "arguably",
    "informally",
    "unofficially",
    "loosely",
    "i doubt it",
    "doubt it",
    "doubtful",
    "unlikely",
    "i would say so",
    "i would say not",
    "i guess",
    "i suppose",
    "guess so",
    "suppose so",
    "i would think so",
    "i would have said so",
    "not that i can think of",
    "not to my recollection",
    "could be",
    "might be",
    "may be",
    "might do",
    "could do",
    "ish",
    "yes ish",
    "yes and no",
    // Not remembering, and clinicians' shorthand for not known.
    "i cannot recall",
    "i do not recall",
    "i forget",
    "not that i recall",
    "not that i remember",
    "not that i can recall",
    "not that i can remember",
    "not known",
    "n k",
    "nk",
    "dk",
    "d k",
    "n s",
    "unk",
    "tbc",
    "tba",
    "to be confirmed",
    "to check",
    "will check",
    "need to check",
];
/// The doctor cannot remember or cannot say, the first of [`UNSURE`]:
/// also a doubt of the fact wherever it stands in a clause
/// (`doubt::UNSURE_OF_FACT`).
pub(super) const NOT_ABLE_TO_SAY: &[&str] = UNSURE.split_at(6).0;
/// How often: yes to "Have you ..." or "Do you ever ...", unclear to any
/// other question (the written rule in docs/replies.md). Prose reads its
/// one-word entries too.
pub(crate) const FREQUENCY: &[&str] = &[
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
    "several times",
    "many times",
    "lots of times",
    "numerous times",
    "a number of times",
    "the once",
    "just the once",
    "only the once",
    "only once",
    "just once",
];

/// Does a yes/no question ask whether something was ever done ("Have you
/// ...", "Do you ever ...")? Then "rarely" or "occasionally" is a yes.
pub(crate) fn asks_ever(question: &Question) -> bool {
    // Only the first three words are looked at: not all made.
    let mut words = plain_words_lazily(&question.text);
    match [words.next(), words.next(), words.next()].map(|w| w.unwrap_or_default()) {
        [first, second, _] if first == "have" && second == "you" => true,
        [first, second, third] => first == "do" && second == "you" && third == "ever",
    }
}

/// Emoji that tick (yes) or cross (no), the emoji variation selector
/// taken off.
const TICKS: &[char] = &['✅', '✔', '✓', '☑', '👍'];
const CROSSES: &[char] = &['❌', '❎', '✗', '✘', '✖', '👎'];

/// A tick or a cross standing alone ("✅", "✔️", "❌"): yes or no. Both,
/// or either with other text, are not read so.
fn tick_alone(text: &str) -> Option<bool> {
    let mut marks = text
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{fe0f}' | '\u{fe0e}'));
    let mark = marks.next()?;
    if marks.next().is_some() {
        return None;
    }
    if TICKS.contains(&mark) {
        Some(true)
    } else if CROSSES.contains(&mark) {
        Some(false)
    } else {
        None
    }
}

/// "Not early, no", "Not in the community, no": "not", one to four
/// words of the question itself (one of them a word of four letters or
/// more, its key word), then "no" and nothing more: the doctor repeats
/// what the question asks and says no.
fn echo_then_no(question: &Question, words: &[String]) -> bool {
    let [first, echo @ .., last] = words else {
        return false;
    };
    if first != "not" || last != "no" || echo.is_empty() || echo.len() > 4 {
        return false;
    }
    let asked = plain_words(&question.text);
    echo.iter().all(|w| asked.contains(w)) && echo.iter().any(|w| w.len() >= 4)
}

/// A tick or a cross alone ([`tick_alone`]), or the question's words
/// and a no ([`echo_then_no`]). `words` are `text`'s [`plain_words`].
fn at_a_glance(question: &Question, text: &str, words: &[String]) -> Option<bool> {
    tick_alone(text).or_else(|| echo_then_no(question, words).then_some(false))
}

pub(super) fn yes_no(question: &Question, text: &str) -> Answer {
    // Made once for all that follows (issue 23: they were made twice).
    let words = plain_words(text);
    if let Some(value) = at_a_glance(question, text, &words) {
        return Answer::ok(Value::Bool(value), text);
    }
    if let Some(fixed) = misspelt(&words, text) {
        return yes_no(question, &fixed);
    }
    // "I'd say yes; our lead would say no": two answers, the doctor's to
    // choose between.
    if matches!(words.get(..3), Some([i, would, say]) if i == "i" && would == "would" && say == "say")
        && words.iter().any(|w| w == "yes")
        && words.iter().any(|w| w == "no")
    {
        return Answer::unclear("both yes and no, or not sure", text);
    }
    // "I'd say no", "I would say yes - ...": the plain answer after it.
    if let Some(said) = said_plainly(text, &words) {
        let mut answer = yes_no(question, said);
        answer.source = text.trim().to_owned();
        return answer;
    }
    if words.is_empty() {
        return Answer::unclear("no yes or no found", text);
    }
    let lower = text.trim().to_lowercase();
    if lower.starts_with("n/a") || lower.starts_with("n.a") {
        return Answer::unclear("not applicable is not a yes or no", text);
    }
    // "N/K" (not known), "N/S", "Y/N": a letter, a slash and a letter is
    // an abbreviation or one or the other, never the "n" or "y" it starts
    // with.
    if let [a, b'/', c, ..] = lower.as_bytes()
        && a.is_ascii_alphabetic()
        && c.is_ascii_alphabetic()
    {
        return Answer::unclear("an abbreviation such as N/K is not a yes or no", text);
    }
    if if_ever(&words) {
        return Answer::unclear(
            "\"if ever\" or \"if at all\": perhaps never, not a yes or no",
            text,
        );
    }
    let unsure = leading(&words, UNSURE);
    let yes = leading(&words, YES);
    let no = leading(&words, NO);
    if let Some((value, used)) = hedge_then_no(&words)
        .map(|used| (false, used))
        .or_else(|| leaning_settled(&words))
    {
        let mut answer = Answer::ok(Value::Bool(value), text);
        answer.other = explanation_after(text, used);
        return answer;
    }
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
    if opinion_only(&words, used) {
        return Answer::unclear(
            "a leaning or an opinion (\"I would think so\"), not a yes or no",
            text,
        );
    }
    if value && echoes_another_deed(question, &words, yes) {
        return Answer::unclear(
            "says what the doctor did instead, and that they did not do it themselves",
            text,
        );
    }
    let hedged = hedged_after(question, &words, used, value);
    if hedged || loosely(&words[used..]) || softened(&words[used..]) {
        return Answer::unclear("both yes and no, or not sure", text);
    }
    if tentative(&words[used..], text) {
        return Answer::unclear("a yes or no the doctor is not sure of", text);
    }
    if value && unfinished(&words[used..]) && !shared_unfinished(question, &words[used..]) {
        return Answer::unclear(
            "a yes to something not finished yet (a draft, awaiting sign-off)",
            text,
        );
    }
    let mut answer = Answer::ok(Value::Bool(value), text);
    answer.other = explanation_after(text, used);
    answer
}

/// The text from the yes or no of "I'd say no", "I would say yes - ...".
fn said_plainly<'t>(text: &'t str, words: &[String]) -> Option<&'t str> {
    if words.len() < 4
        || words[..3] != ["i", "would", "say"]
        || !["yes", "no"].contains(&words[3].as_str())
    {
        return None;
    }
    // "I'd say no; my supervisor would say yes": two answers, not one.
    let other = if words[3] == "yes" { "no" } else { "yes" };
    if words[4..].iter().any(|w| w == other) {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let at = lower.find(" say ")? + " say ".len();
    text.get(at..)
}

/// A hedge or the other answer in the first three words after the yes
/// or no at `used` ("Yes - or no", "No, maybe"); not "no doubt", nor
/// how often ("3 or 4 times", and to "Have you ...?" after a yes "perhaps
/// four or five patients").
fn hedged_after(question: &Question, words: &[String], used: usize, value: bool) -> bool {
    let opposite = if value { NO } else { YES };
    // Whether the question asks "Have you ...": read only when a word
    // needs it, and once (issue 23: read for every yes/no answer).
    let asks = std::cell::OnceCell::new();
    let ever = || *asks.get_or_init(|| asks_ever(question));
    (used..words.len().min(used + 3)).any(|i| {
        let w = words[i].as_str();
        // "Yes (perhaps four or five patients ...)", "yes, in maybe one
        // patient a month": to "Have you ...?" a number guessed at is how
        // often, no hedge of the yes.
        if value && approximate_count(words, i) && ever() {
            return false;
        }
        // "Yes - no doubt", "Yes - no question": no hedge, an emphasis.
        let no_doubt = w == "no"
            && words
                .get(i + 1)
                .is_some_and(|n| n == "doubt" || n == "question");
        // "3 or 4 times a year" is how often, not a hedge.
        let digits = |k: usize| {
            words
                .get(k)
                .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
        };
        // "once or twice" is how often too.
        let once_or_twice = value
            && w == "or"
            && i > 0
            && words[i - 1] == "once"
            && words.get(i + 1).is_some_and(|n| n == "twice");
        let how_often = once_or_twice
            || w == "or" && i > 0 && digits(i - 1) && digits(i + 1)
            || value
                && w == "or"
                && i > 0
                && counted(words, i - 1)
                && counted(words, i + 1)
                && ever();
        (opposite.contains(&w) && w != "sure" && !no_doubt)
            || (["or", "maybe", "unsure", "perhaps"].contains(&w) && !how_often)
    })
}

/// Is word `at` a number, in digits or words ("4", "four")?
pub(super) fn counted(words: &[String], at: usize) -> bool {
    words.get(at).is_some_and(|w| {
        w.bytes().all(|b| b.is_ascii_digit()) || NUMBER_WORDS.contains(&w.as_str())
    })
}

/// Is word `at` "perhaps", "maybe", "about", "roughly" or "around" before
/// a number ("perhaps four or five", "maybe one a month")?
fn approximate_count(words: &[String], at: usize) -> bool {
    [
        "perhaps",
        "maybe",
        "about",
        "roughly",
        "around",
        "approximately",
    ]
    .contains(&words[at].as_str())
        && (counted(words, at + 1) || a_few(words, at + 1))
}

/// "a dozen", "a few", "a handful", "a couple": how many, in words.
pub(super) fn a_few(words: &[String], at: usize) -> bool {
    words.get(at).is_some_and(|w| w == "a")
        && words
            .get(at + 1)
            .is_some_and(|w| ["dozen", "few", "handful", "couple"].contains(&w.as_str()))
}

/// A yes or no said loosely, in the first words after it: "Yes (sort of
/// - it's a page in the guidelines)", "kind of", "sorta", "kinda".
pub(super) fn loosely(rest: &[String]) -> bool {
    // "the kind of protocol we wanted" names a kind: not after a
    // determiner.
    const DETERMINERS: &[&str] = &[
        "the", "a", "what", "this", "that", "some", "any", "which", "same",
    ];
    let first = &rest[..rest.len().min(3)];
    first.windows(2).enumerate().any(|(i, w)| {
        (w[0] == "sort" || w[0] == "kind")
            && w[1] == "of"
            && !(i > 0 && DETERMINERS.contains(&first[i - 1].as_str()))
    }) || first.iter().any(|w| w == "sorta" || w == "kinda")
}

/// Hedges that lean to a no and may be settled by one: "not really".
const LEANING_NO: &[&str] = &[
    "not really",
    "not as such",
    "not especially",
    "not particularly",
    "not exactly",
];

/// "Not really, no", "Not as such - no": a hedge that leans to a no and is
/// settled by a plain "no" straight after it is a no, unless more doubt
/// follows ("not really, no idea", "not really, no, maybe once"). Gives
/// the words used.
fn hedge_then_no(words: &[String]) -> Option<usize> {
    let hedge = leading(words, LEANING_NO);
    if hedge == 0 || words.get(hedge).is_none_or(|w| w != "no") {
        return None;
    }
    let rest = &words[hedge + 1..];
    let doubt = leading(rest, UNSURE) > 0
        || leading(rest, YES) > 0
        || softened(rest)
        || loosely(rest)
        || rest
            .iter()
            .take(3)
            .any(|w| ["or", "maybe", "perhaps", "unsure", "idea"].contains(&w.as_str()));
    (!doubt).then_some(hedge + 1)
}

/// A leaning the doctor settles at once: "I suppose so, yes", "I think
/// so - yes", "I don't think so, no". Only a leaning that agrees with the
/// plain yes or no after it, and nothing after that but a reason with no
/// more doubt (the rules of [`hedge_then_no`]). Gives the value and the
/// words used.
fn leaning_settled(words: &[String]) -> Option<(bool, usize)> {
    const LEANING_YES: &[&str] = &[
        "i suppose so",
        "i think so",
        "i believe so",
        "i guess so",
        "i would say so",
        "i would think so",
    ];
    const LEANING_NO_OPINION: &[&str] = &[
        "i do not think so",
        "i do not believe so",
        "i would not think so",
        "i would not say so",
    ];
    let (value, hedge) = match (
        leading(words, LEANING_YES),
        leading(words, LEANING_NO_OPINION),
    ) {
        (yes, _) if yes > 0 => (true, yes),
        (_, no) if no > 0 => (false, no),
        _ => return None,
    };
    let plain = if value { "yes" } else { "no" };
    if words.get(hedge).is_none_or(|w| w != plain) {
        return None;
    }
    let rest = &words[hedge + 1..];
    let doubt = leading(rest, UNSURE) > 0
        || leading(rest, if value { NO } else { YES }) > 0
        || softened(rest)
        || loosely(rest)
        || rest
            .iter()
            .take(3)
            .any(|w| ["or", "maybe", "perhaps", "unsure", "idea", "but"].contains(&w.as_str()));
    (!doubt).then_some((value, hedge + 1))
}

/// The text after the plain yes or no that settles a leaning ("I think
/// so, yes – everyone could do with it" gives " – everyone could do with
/// it"), for the doubt of what follows to be read without the leaning.
pub(super) fn after_settled_leaning(text: &str) -> Option<&str> {
    let (value, _) = leaning_settled(&plain_words(text))?;
    let plain = if value { "yes" } else { "no" };
    let lower = text.to_ascii_lowercase();
    let at = lower.match_indices(plain).map(|(at, _)| at).find(|&at| {
        let before = lower[..at].chars().next_back();
        let after = lower[at + plain.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })?;
    text.get(at + plain.len()..)
}

/// Words that soften a yes or no into a hedge when they follow it closely:
/// "No, not really", "Yes, more or less", "yes in theory", "No - not as
/// such".
const SOFTENERS: &[&str] = &[
    "not really",
    "not as such",
    "not exactly",
    "not formally",
    "not officially",
    "not entirely",
    "not fully",
    "not quite",
    "not necessarily",
    "more or less",
    "in theory",
    "in principle",
    "on paper",
    "technically",
    "to some extent",
    "to an extent",
    "to a degree",
    "to a certain extent",
    "to some degree",
    "in a way",
    "in a sense",
    "in some ways",
    "up to a point",
    "somewhat",
    "a bit",
    "a little",
    "partly",
    "partially",
    "in part",
    "ish",
    "informally",
    "unofficially",
    "loosely",
    "i suppose",
    "i guess",
];

/// A yes or no softened in its first words after it (at most two words
/// before the softener): "No, not really", "Yes - more or less", "yes-ish".
pub(super) fn softened(rest: &[String]) -> bool {
    (0..rest.len().min(3)).any(|i| leading(&rest[i..], SOFTENERS) > 0)
}

/// "Rarely, if ever", "once, if at all": perhaps never, in the answer's
/// first words ("if at all possible" is no doubt).
fn if_ever(words: &[String]) -> bool {
    let first = &words[..words.len().min(6)];
    first.windows(2).any(|w| w[0] == "if" && w[1] == "ever")
        || first.windows(3).enumerate().any(|(i, w)| {
            w[0] == "if"
                && w[1] == "at"
                && w[2] == "all"
                && words.get(i + 3).is_none_or(|n| n != "possible")
        })
}

/// Words that say a thing is still being made: a draft, or waiting for
/// its approval.
const UNFINISHED: &[&str] = &[
    "draft",
    "drafts",
    "drafted",
    "drafting",
    "unsigned",
    "unratified",
    "unapproved",
    "unfinished",
    "awaiting",
    "pending",
];

/// Words that say it was finished: approved, signed off.
const FINISHED: &[&str] = &[
    "signed",
    "approved",
    "ratified",
    "finalised",
    "finalized",
    "adopted",
    "published",
];

/// Does the rest of a yes say the thing is not finished ("Yes, though
/// it's only in draft", "we have a draft, not signed off yet", "drafted
/// one - still waiting to be approved")? Not when it says it was finished
/// since ("the draft was signed off last spring"): a finishing word with
/// no "not", "be", "to", "yet", "awaiting", "pending", "once", "when" ...
/// in the three words before it.
pub(super) fn unfinished(rest: &[String]) -> bool {
    // Three words: "once it's approved" spells "once it is approved".
    let before = |i: usize| &rest[i.saturating_sub(3)..i];
    let finished = rest.iter().enumerate().any(|(i, w)| {
        FINISHED.contains(&w.as_str())
            && !before(i).iter().any(|p| {
                [
                    "not", "be", "to", "yet", "awaiting", "pending", "get", "being", "once",
                    "when", "until", "till", "after", "if",
                ]
                .contains(&p.as_str())
            })
    });
    let waiting = rest.windows(2).any(|w| {
        (w[0] == "waiting" && (w[1] == "to" || w[1] == "for"))
            || (w[0] == "in" && w[1] == "progress")
    });
    !finished && (waiting || rest.iter().any(|w| UNFINISHED.contains(&w.as_str())))
}

/// Words of a question that asks whether something was passed on.
const SHARING_ASKED: &[&str] = &["shared", "share", "circulated", "distributed", "sent"];

/// Words that say something was passed on ("the draft went out to the
/// community team", "we sent the draft round").
const SHARING_DONE: &[&str] = &[
    "went",
    "gone",
    "sent",
    "shared",
    "circulated",
    "distributed",
    "emailed",
];

/// Words that make the passing on not done, or not done yet ("will go
/// out once signed off", "hasn't been sent").
const NOT_DONE: &[&str] = &[
    "not", "no", "never", "hasn't", "hasnt", "haven't", "havent", "hadn't", "isn't", "wasn't",
    "didn't", "didnt", "won't", "wont", "yet", "will", "going", "plan", "planned", "planning",
    "once", "when", "until", "till", "after", "soon", "awaiting", "waiting", "pending", "hope",
    "hoping", "should", "would", "could", "about", "ready",
];

/// Does the rest of a yes to a question about passing something on say a
/// draft of it was passed on ("Yes, the draft went out to the community
/// team for comments")? Then the sharing asked about was done, though
/// what was shared is unfinished: the yes stands. Never with a word that
/// it is not done or not yet ("will go out once signed off").
fn shared_unfinished(question: &Question, rest: &[String]) -> bool {
    let asked = plain_words(&question.text);
    // The question asks of the passing on itself ("has it been shared
    // with community teams?"), not of a thing described as shared
    // ("developed shared guidance": a draft sent out for comment is no
    // guidance developed).
    let of_passing_on = asked.windows(2).any(|w| {
        ["been", "was", "were", "you", "it", "is", "are"].contains(&w[0].as_str())
            && SHARING_ASKED.contains(&w[1].as_str())
    });
    of_passing_on
        && rest.iter().any(|w| SHARING_DONE.contains(&w.as_str()))
        && !rest.iter().any(|w| NOT_DONE.contains(&w.as_str()))
}

/// Verbs of opinion or leaning: after "I would", "we do", "I wouldn't"
/// they make the answer a leaning ("I'd lean towards yes", "I wouldn't
/// think so", "we do hope so"), not a yes or no; so do words of
/// preference ("I'd rather not use it without more support": what the
/// doctor would prefer, not whether).
const OPINION: &[&str] = &[
    "think", "believe", "guess", "imagine", "suppose", "expect", "assume", "reckon", "hope",
    "lean", "tend", "err", "doubt", "rather", "prefer", "sooner",
];

/// Is the yes or no of `words[..used]` a person's echo ("I would", "we
/// don't") followed by a verb of opinion? Then it is no answer.
fn opinion_only(words: &[String], used: usize) -> bool {
    used >= 2
        && ["i", "we", "they"].contains(&words[0].as_str())
        && words
            .get(used)
            .is_some_and(|w| OPINION.contains(&w.as_str()))
}

/// The yes phrases that only echo the question's subject and verb ("I
/// have", "we do"): a yes only when what follows does not say that
/// something else was done.
const ECHOES: &[&str] = &[
    "i have", "we have", "i do", "we do", "i did", "we did", "i would", "we would", "they do",
];

/// Past participles that do not end in "-ed".
const PARTICIPLES: &[&str] = &[
    "been", "seen", "done", "given", "taken", "taught", "heard", "known", "written", "read", "run",
    "led", "met", "kept", "brought", "thought", "got", "gotten", "had", "sat", "spoken",
];

/// "I've supervised registrars using it but never prescribed it myself",
/// "we have seen it given, though I have not used it": a yes that only
/// echoes the question ("I have", "we do"), then a deed the question does
/// not ask about (a participle that is none of its words), then a
/// negation. The doctor says what they did instead: not a yes. "I have
/// used it, but not often" (the question's own verb) and "I have, but not
/// recently" (no other deed) stay yes. Linear: one pass over the words.
/// [`echoes_another_deed`] on the whole of `text`: then no part of it
/// (the words before a comma) is read as a yes either.
pub(super) fn another_deed(question: &Question, text: &str) -> bool {
    let words = plain_words(text);
    echoes_another_deed(question, &words, leading(&words, YES))
}

fn echoes_another_deed(question: &Question, words: &[String], yes: usize) -> bool {
    if yes < 2 || !ECHOES.contains(&words[..yes].join(" ").as_str()) {
        return false;
    }
    let Some(deed) = words.get(yes) else {
        return false;
    };
    let participle =
        (deed.len() >= 4 && deed.ends_with("ed")) || PARTICIPLES.contains(&deed.as_str());
    if !participle {
        return false;
    }
    let asked = plain_words(&question.text);
    let stem = |w: &str| -> String {
        w.trim_end_matches("ed")
            .trim_end_matches('e')
            .chars()
            .take(6)
            .collect()
    };
    if asked.iter().any(|w| w == deed || stem(w) == stem(deed)) {
        return false;
    }
    // The negation denies a deed of the doctor's own ("never prescribed
    // it", "not used it myself"), not how often ("but not often").
    let verb = |w: &String| {
        (w.len() >= 4 && w.ends_with("ed"))
            || PARTICIPLES.contains(&w.as_str())
            || BASE_VERBS.contains(&w.as_str())
    };
    let rest = &words[yes + 1..];
    rest.iter().enumerate().any(|(i, w)| {
        ["never", "not", "nor"].contains(&w.as_str()) && rest[i + 1..].iter().take(2).any(verb)
    })
}

/// Verbs a doctor denies doing in their base form ("I did not prescribe").
const BASE_VERBS: &[&str] = &[
    "use",
    "prescribe",
    "give",
    "start",
    "do",
    "try",
    "administer",
    "write",
    "have",
    "make",
];

/// Words after a yes or no that make it tentative: "Yes (I think?)",
/// "No, I believe".
const HEDGES: &[&str] = &[
    "i think",
    "i believe",
    "i guess",
    "i suppose",
    "i reckon",
    "i assume",
    "probably",
    "possibly",
    "perhaps",
    "maybe",
    "presumably",
    "if i remember",
    "if i recall",
    "from memory",
    "not sure",
    "i am not sure",
    "unsure",
];

/// Is a yes or no tentative: followed only by a hedge ("I think", "I
/// believe", at most four words), or asked back ("Yes?", "No (I think?)")?
/// A reason that merely starts so ("yes, I think more training would
/// help") is longer and stays a reason.
pub(super) fn tentative(rest: &[String], text: &str) -> bool {
    // "Yes, maybe a dozen times", "perhaps ten times": how often, guessed.
    let hedge = leading(rest, HEDGES);
    let how_many = hedge > 0 && (counted(rest, hedge) || a_few(rest, hedge));
    rest.len() <= 4
        && ((hedge > 0 && !how_many)
            || text
                .trim_end_matches(|c: char| c.is_whitespace() || ").!".contains(c))
                .ends_with('?'))
}

/// Real words one letter away from "yes" or "no": never read as them.
/// "np" (no problem) is "no" with a key slipped along the row too, but a
/// word of its own.
const NOT_TYPOS: &[&str] = &[
    "not", "now", "nor", "non", "nod", "yet", "yew", "yen", "yes", "no", "na", "noe", "on", "ys",
    "np",
];

/// "No" with one of its keys slipped to its neighbour on the keyboard's
/// row (b and m beside n, i and p beside o), the other right: "bo", "mo",
/// "ni" ("np" is no problem: [`NOT_TYPOS`]); or with the digit zero for
/// the letter o, the same shape on the key above it: "n0".
fn no_key_slipped(word: &str) -> bool {
    matches!(
        word.as_bytes(),
        [b'b' | b'm', b'o'] | [b'n', b'i' | b'p' | b'0']
    )
}

/// "Yse", "Noo", "yess": a first word one edit (a letter added, dropped,
/// changed, or two swapped) from "yes" or "no", starting with the same
/// letter, two to five letters long and not a real word: the text with
/// that word spelt right. Never "na", "n/a" or any word as near to both.
/// Of two letters the start of "yes" counts ("Ye", its last letter
/// dropped), and "no" with one key slipped to its neighbour on the row
/// ("Bo", "Mo", "Ni": [`no_key_slipped`]), written in small letters or with a
/// capital first; any other changed letter leaves one letter of the word,
/// too little to tell a slip from an abbreviation ("Nk" is "No" with one
/// key off, or N/K, not known; "Nd" may be not done), and two capitals
/// ("NI", "NP") are an abbreviation. Those stay unclear, asked. A yes
/// whose first key slipped along the row ("Tes", "Ues") is yes.
fn misspelt(words: &[String], text: &str) -> Option<String> {
    let first = words.first()?;
    if let Some(fixed) = stretched(first) {
        return spelt_right(first, fixed, text);
    }
    if first.len() < 2 || first.len() > 5 || NOT_TYPOS.contains(&first.as_str()) {
        return None;
    }
    let written = &text.as_bytes()[text.find(|c: char| c.is_alphanumeric())?..];
    let capitals = written.len() >= 2 && written[..2].iter().all(u8::is_ascii_uppercase);
    if first.len() == 2
        && !"yes".starts_with(first.as_str())
        && (capitals || !no_key_slipped(first))
    {
        return None;
    }
    if leading(words, YES) > 0
        || leading(words, NO) > 0
        || leading(words, UNSURE) > 0
        || leading(words, FREQUENCY) > 0
    {
        return None;
    }
    let near = |target: &str| first.starts_with(&target[..1]) && one_edit(first, target);
    let fixed = match (near("yes"), near("no")) {
        (true, false) => "yes",
        (false, true) => "no",
        // The first key slipped to its neighbour on the keyboard's row
        // (t and u beside y), the rest of the word right: "Tes", "Ues".
        _ if matches!(first.as_str(), "tes" | "ues") => "yes",
        _ if no_key_slipped(first) => "no",
        _ => return None,
    };
    spelt_right(first, fixed, text)
}

/// "Yesss", "Nooo": "yes" with its last letter held down, or "no" with
/// its o, up to ten letters (an emphatic yes or no): that word. "Yess"
/// and "noo" are one letter added, read by [`misspelt`] as well.
fn stretched(word: &str) -> Option<&'static str> {
    let held = |stem: &str, last: char| {
        word.len() <= 10
            && word.len() > stem.len() + 1
            && word
                .strip_prefix(stem)
                .is_some_and(|rest| rest.chars().all(|c| c == last))
    };
    if held("yes", 's') {
        Some("yes")
    } else if held("no", 'o') {
        Some("no")
    } else {
        None
    }
}

/// The text with its first word `first` (as written, any case) spelt
/// `fixed`; `None` when the text does not start with that word.
fn spelt_right(first: &str, fixed: &str, text: &str) -> Option<String> {
    let start = text.find(|c: char| c.is_alphanumeric())?;
    let end = text[start..]
        .find(|c: char| !c.is_alphanumeric())
        .map_or(text.len(), |e| start + e);
    if !text[start..end].eq_ignore_ascii_case(first) {
        return None;
    }
    Some(format!("{fixed}{}", &text[end..]))
}

/// "Yes, frequently" → "frequently": the explanation after the first
/// `skip` words, kept with the yes/no.
pub(super) fn explanation_after(text: &str, skip: usize) -> Option<String> {
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
pub(super) fn explanation_after_first_word(text: &str) -> Option<String> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_said_alone_head_yes_and_no() {
        assert_eq!(YES_ALONE, ["yes", "yeah", "yep", "yup", "yea", "aye"]);
        assert_eq!(NO_ALONE, ["no", "nope", "nah"]);
    }

    #[test]
    fn not_able_to_say_heads_unsure() {
        assert_eq!(
            NOT_ABLE_TO_SAY,
            [
                "cannot remember",
                "do not remember",
                "cannot recall",
                "do not recall",
                "cannot say",
                "hard to say",
            ]
        );
    }

    #[test]
    fn a_yes_then_how_often_guessed_at() {
        let asked = |text: &str| Question {
            id: "q".into(),
            text: text.into(),
            required: true,
            kind: crate::survey::QuestionKind::YesNo,
            allow: Vec::new(),
            show_if: None,
        };
        let ever = asked("Have you used ketamine at the end of life?");
        let opinion = asked("Is further research needed?");
        let yes = Some(Value::Bool(true));
        for (question, text, want) in [
            (
                &ever,
                "Yes (perhaps four or five patients over two years)",
                yes.clone(),
            ),
            (&ever, "yes, in maybe one patient a month", yes.clone()),
            (&ever, "Yes, about 3 or 4 times", yes.clone()),
            // Hedged, or not asking how often: asked.
            (&ever, "Yes (maybe, or no - I'd have to check)", None),
            (&ever, "yes, or perhaps not", None),
            (&ever, "No, perhaps one or two", None),
            (&opinion, "Yes, perhaps one or two trials", None),
        ] {
            assert_eq!(yes_no(question, text).value, want, "{text}");
        }
    }

    #[test]
    fn a_yes_to_something_unfinished_is_asked() {
        let words = |t: &str| plain_words(t);
        for unfinished_rest in [
            "a draft, not signed off yet",
            "though it's only in draft and awaiting sign-off",
            "drafted one - still waiting to be approved",
            "it's pending ratification",
            "work in progress",
            "the draft will be sent out once it's ratified",
            "a draft, to go out when approved",
        ] {
            assert!(unfinished(&words(unfinished_rest)), "{unfinished_rest}");
        }
        for finished_rest in [
            "the draft from 2023 was signed off last spring",
            "since 2019",
            "a signed-off one",
        ] {
            assert!(!unfinished(&words(finished_rest)), "{finished_rest}");
        }
        // A draft passed on is a yes to a question about passing it on,
        // never to one about having it, nor when it is not done yet.
        let asked = |text: &str| Question {
            id: "q".into(),
            text: text.into(),
            required: true,
            kind: crate::survey::QuestionKind::YesNo,
            allow: Vec::new(),
            show_if: None,
        };
        let benefit = asked("Would you benefit from further training?");
        for preference in [
            "I'd rather not use it without more support",
            "I would prefer more",
        ] {
            assert_eq!(yes_no(&benefit, preference).value, None, "{preference}");
        }
        let shared = asked("Has it been shared with community teams?");
        let have = asked("Does your service have a written protocol?");
        let went = "Yes, the draft went out to the community team for comments";
        assert_eq!(yes_no(&shared, went).value, Some(Value::Bool(true)));
        assert_eq!(yes_no(&have, went).value, None);
        for not_yet in [
            "Yes, the draft will go out to them once signed off",
            "Yes - the draft hasn't been sent yet",
            "Yes, a draft, waiting to be approved before it is sent",
        ] {
            assert_eq!(yes_no(&shared, not_yet).value, None, "{not_yet}");
        }
        assert!(loosely(&words("(sort of - it's a page in the guidelines)")));
        assert!(loosely(&words("kind of, we follow the formulary")));
        assert!(!loosely(&words("the kind of protocol we wanted")));
    }
}
