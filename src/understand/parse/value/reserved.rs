//! "Not applicable" and "prefer not to say": answers that are no value of
//! the question but a reply of their own, read only for a question that
//! allows one (`allow` in the survey file), from the everyday ways doctors
//! write them. They are kept apart from "no" and from no answer at all.
//!
//! The form must start the answer and end at a word's end ("na" is not
//! "nah"); what follows it is kept as the explanation ("n/a - retired",
//! "n/a (we have no protocol)"). An explanation not in brackets that is
//! itself an answer ("n/a, yes") makes the answer unclear: the doctor said
//! two things. A form the question does not allow
//! is unclear too, never taken for a value.
//!
//! Linear: a fixed list of short prefixes compared at the start.

use crate::survey::{Question, Reserved};
use crate::understand::answer::Answer;

/// The written forms, each with what it means. Longest first is not
/// needed: the longest matching form wins.
const FORMS: &[(&str, Reserved)] = &[
    ("n/a", Reserved::NotApplicable),
    ("n / a", Reserved::NotApplicable),
    ("n.a.", Reserved::NotApplicable),
    ("n.a", Reserved::NotApplicable),
    ("na", Reserved::NotApplicable),
    ("not applicable", Reserved::NotApplicable),
    ("not applicable to me", Reserved::NotApplicable),
    ("does not apply", Reserved::NotApplicable),
    ("does not apply to me", Reserved::NotApplicable),
    ("doesn't apply", Reserved::NotApplicable),
    ("doesn’t apply", Reserved::NotApplicable),
    ("doesn't apply to me", Reserved::NotApplicable),
    ("doesn’t apply to me", Reserved::NotApplicable),
    ("it does not apply", Reserved::NotApplicable),
    ("not relevant", Reserved::NotApplicable),
    ("not relevant to me", Reserved::NotApplicable),
    ("it doesn't apply", Reserved::NotApplicable),
    ("it doesn’t apply", Reserved::NotApplicable),
    ("prefer not to say", Reserved::PreferNotToSay),
    ("prefer not to answer", Reserved::PreferNotToSay),
    ("i prefer not to say", Reserved::PreferNotToSay),
    ("i'd prefer not to say", Reserved::PreferNotToSay),
    ("i’d prefer not to say", Reserved::PreferNotToSay),
    ("i would prefer not to say", Reserved::PreferNotToSay),
    ("i would prefer not to answer", Reserved::PreferNotToSay),
    ("i'd prefer not to answer", Reserved::PreferNotToSay),
    ("i’d prefer not to answer", Reserved::PreferNotToSay),
    ("rather not say", Reserved::PreferNotToSay),
    ("i'd rather not say", Reserved::PreferNotToSay),
    ("i’d rather not say", Reserved::PreferNotToSay),
    ("i would rather not say", Reserved::PreferNotToSay),
    ("would prefer not to say", Reserved::PreferNotToSay),
    ("would rather not say", Reserved::PreferNotToSay),
    ("rather not answer", Reserved::PreferNotToSay),
    ("i'd rather not answer", Reserved::PreferNotToSay),
    ("i’d rather not answer", Reserved::PreferNotToSay),
    ("i would rather not answer", Reserved::PreferNotToSay),
    ("prefer not to disclose", Reserved::PreferNotToSay),
    ("i'd prefer not to disclose", Reserved::PreferNotToSay),
    ("i’d prefer not to disclose", Reserved::PreferNotToSay),
    ("decline", Reserved::PreferNotToSay),
    ("declined", Reserved::PreferNotToSay),
    ("i decline", Reserved::PreferNotToSay),
    ("decline to answer", Reserved::PreferNotToSay),
    ("decline to say", Reserved::PreferNotToSay),
    ("i decline to answer", Reserved::PreferNotToSay),
];

/// Forms read only when they are the whole answer: with words after them
/// they begin other sentences ("I'd rather not use it", "prefer not to
/// use a syringe driver").
const ALONE: &[(&str, Reserved)] = &[
    ("rather not", Reserved::PreferNotToSay),
    ("i'd rather not", Reserved::PreferNotToSay),
    ("i’d rather not", Reserved::PreferNotToSay),
    ("i would rather not", Reserved::PreferNotToSay),
    ("prefer not", Reserved::PreferNotToSay),
    ("i'd prefer not to", Reserved::PreferNotToSay),
    ("i’d prefer not to", Reserved::PreferNotToSay),
    ("i would prefer not to", Reserved::PreferNotToSay),
];

/// What may follow a form and only points back at the question ("I'd
/// prefer not to answer that one"): no explanation, and never read as an
/// answer ("one").
const THE_QUESTION: &[&str] = &[
    "that",
    "this",
    "that one",
    "this one",
    "that question",
    "this question",
    "on that",
    "on this",
    "on that one",
    "on this one",
    "to that",
    "to this",
    "to that one",
    "to this one",
    "for that one",
    "for this one",
    "if that's ok",
    "if that is ok",
    "thanks",
    "thank you",
    "sorry",
];

/// Characters that separate a form from its explanation.
const SEPARATORS: &[char] = &[' ', '-', '–', '—', ':', ',', ';', '.', '(', ')', '!', '/'];

/// The form `text` starts with, the explanation after it (empty when
/// there is none) and whether that was in brackets. A text of dashes alone ("-", "--", "—") is "not
/// applicable": the doctor struck the question out.
pub(super) fn form(text: &str) -> Option<(Reserved, &str, bool)> {
    let text = text.trim();
    if !text.is_empty() && text.chars().count() <= 3 && text.chars().all(|c| "-–—".contains(c))
    {
        return Some((Reserved::NotApplicable, "", false));
    }
    let whole = text.trim_end_matches(['.', '!']).trim_end();
    if let Some((_, reserved)) = ALONE
        .iter()
        .find(|(alone, _)| whole.eq_ignore_ascii_case(alone))
    {
        return Some((*reserved, "", false));
    }
    let (prefix, reserved) = FORMS
        .iter()
        .filter(|(prefix, _)| {
            text.get(..prefix.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
                && !text[prefix.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphanumeric() || c == '\'' || c == '’')
        })
        .max_by_key(|(prefix, _)| prefix.len())?;
    let after =
        text[prefix.len()..].trim_start_matches(|c: char| c != '(' && SEPARATORS.contains(&c));
    let bracketed = after.starts_with('(');
    let rest = after
        .trim_start_matches(SEPARATORS)
        .trim_end_matches(|c: char| c == ')' || c == '.' || c.is_whitespace());
    if THE_QUESTION
        .iter()
        .any(|q| rest.trim_end_matches(['!', ',']).eq_ignore_ascii_case(q))
    {
        return Some((*reserved, "", false));
    }
    Some((*reserved, rest, bracketed))
}

/// Does `text` say only that the question does not apply ("N/A", "-",
/// "Does not apply", "n/a (never used it)"), whether or not the question
/// allows it? Not when words after it answer the question ("n/a, yes":
/// `value` reads them).
pub(crate) fn not_applicable_said(text: &str, value: impl Fn(&str) -> Answer) -> bool {
    matches!(
        form(text),
        Some((Reserved::NotApplicable, rest, bracketed))
            if rest.is_empty() || bracketed || value(rest).value.is_none()
    )
}

/// Reads `text` as "not applicable" or "prefer not to say" for `question`,
/// which allows at least one of them; `None` when it is neither, so the
/// text is read as a value. `value` reads an explanation as the question's
/// kind (never as a form again).
pub(super) fn read(
    question: &Question,
    text: &str,
    value: impl Fn(&str) -> Answer,
) -> Option<Answer> {
    let (reserved, rest, bracketed) = form(text)?;
    if !question.allows(reserved) {
        return Some(Answer::unclear(
            format!(
                "\"{}\" is not an answer this question takes",
                reserved.label()
            ),
            text,
        ));
    }
    if !rest.is_empty() && !bracketed && value(rest).value.is_some() {
        return Some(Answer::unclear(
            format!("both \"{}\" and an answer", reserved.label()),
            text,
        ));
    }
    Some(Answer::of_reserved(
        reserved,
        (!rest.is_empty()).then(|| rest.to_owned()),
        text,
    ))
}
