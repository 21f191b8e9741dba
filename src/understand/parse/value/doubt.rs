//! An answer the doctor doubts: "Once, years ago, but I'm not sure it
//! counts", "a, if that counts", "6 - depends what you mean by
//! confident", "June 2025, from memory", "b > a > d > c, I believe". The
//! doctor gave a value and then said they are not sure of it, so it is
//! unclear (asked), for every kind of question but free text.
//!
//! A reason after an answer is no doubt and keeps it: "Yes -
//! no question", "Once, for a patient in 2023", "Yes, I think more
//! training would help" (a hedge that goes on to say something is a
//! reason), "7 - we count every syringe driver" ("count" with nothing
//! that questions it).
//!
//! Linear: the text is cut into clauses once, and each clause's words are
//! looked at a bounded number of times.

use super::yes_no::{NOT_ABLE_TO_SAY, a_few, counted};
use super::{leading, plain_words};

/// Phrases that say the doctor is not sure, when they make up a clause of
/// their own (with at most two more words: "I think so", "if I remember
/// rightly", "not sure it counts").
const HEDGES: &[&str] = &[
    "i think",
    "i believe",
    "i guess",
    "i suppose",
    "i reckon",
    "i assume",
    "i imagine",
    "probably",
    "possibly",
    "perhaps",
    "maybe",
    "presumably",
    "if i remember",
    "if i recall",
    "if memory serves",
    "from memory",
    "not sure",
    "not really sure",
    "not entirely sure",
    "not 100 sure",
    "i am not sure",
    "i am not certain",
    "not certain",
    "unsure",
    "i could be wrong",
    "i may be wrong",
    "i might be wrong",
    // "Once, sort of - the pain team started it": said loosely.
    "sort of",
    "kind of",
    "sorta",
    "kinda",
    // "a, if not b": one or the other.
    "if not",
    "or maybe",
    "or possibly",
];

/// Words that, before "count" or "qualify", question whether the answer
/// is one: "if that counts", "not sure it qualifies", "does that count".
const QUESTIONING: &[&str] = &[
    "if", "whether", "sure", "unsure", "know", "does", "do", "doubt", "wonder", "certain",
];

/// Words that count or qualify something as the answer.
const COUNTS: &[&str] = &[
    "count",
    "counts",
    "counted",
    "qualify",
    "qualifies",
    "qualified",
];

/// Phrases that doubt the fact itself wherever they stand in a clause:
/// "Yes - though it may have been the pain team's call", "Once, can't
/// remember whether it was early on". Never "may" alone ("Yes - they may
/// need it at the end" is a reason). With them, those of
/// [`NOT_ABLE_TO_SAY`] ("cannot remember", "hard to say").
const UNSURE_OF_FACT: &[&str] = &[
    "may have been",
    "might have been",
    "not sure whether",
    "not sure if",
    // The doctor says they cannot answer: "so I can't really say yes or
    // no to that one".
    "cannot really say",
    "cannot answer",
    "cannot really answer",
    "difficult to say",
    "not able to say",
    "not really able to say",
    // "No idea if it ever got signed off", "not a clue whether".
    "no idea if",
    "no idea whether",
    "no idea when",
    "no idea which",
    "not a clue",
    "no clue",
    // The doctor cannot put a number on it: "Hard to put a number on it
    // - I haven't prescribed it for two years" (whatever number follows).
    "put a number on",
    "put a figure on",
    "put a score on",
    "give it a number",
    "give a number",
    "hard to rate",
    "hard to score",
    "difficult to rate",
    "difficult to score",
    "hard to quantify",
    "difficult to quantify",
    // Knowledge at second hand or held loosely: "Yes, as far as I know",
    // "No - to my knowledge", "Twice, I gather", "Yes, pretty sure".
    "as far as i know",
    "as far as i am aware",
    "as far as i can tell",
    "as far as i can remember",
    "as far as i can recall",
    "as far as i recall",
    "as far as i remember",
    "as far as we know",
    "as far as we are aware",
    "to my knowledge",
    "to the best of my knowledge",
    "to the best of my recollection",
    "i gather",
    "knows better",
    "i am told",
    "so i am told",
    "i hear",
    "pretty sure",
    "fairly sure",
    "fairly certain",
    "reasonably sure",
    "reasonably certain",
    "almost certain",
    "almost certainly",
    "i suspect",
    "i seem to remember",
    "i seem to recall",
    "seem to remember",
    "seem to recall",
    "i want to say",
    "if i had to guess",
    "if i had to say",
    "at a guess",
    "i would guess",
    "i would hazard",
    "hazard a guess",
    "best guess",
    "educated guess",
    "a guess",
    "guessing",
    "my memory",
    "memory is",
    "from recollection",
    "off the top of my head",
    "do not quote me",
    "do not hold me to",
    "not 100",
    "not one hundred",
    "not entirely certain",
    "not completely certain",
    "not totally certain",
    // The doctor says it is to be checked: "Yes - would need to check
    // with pharmacy", "No (to be confirmed)", "Yes, will double-check".
    "needs checking",
    "to be checked",
    "to be confirmed",
    "tbc",
    "let me check",
    "will get back to you",
    "get back to you",
    "will let you know",
];

/// A check the doctor still has to make, said by the doctor (I, we or
/// nobody named: "would need to check with pharmacy", "I'll ask our
/// pharmacist"), never advice ("you need to check renal function").
const TO_CHECK: &[&str] = &[
    "need to check",
    "have to check",
    "will check",
    "will double check",
    "double check",
    "need to double check",
    "need to confirm",
    "have to confirm",
    "will confirm",
    "check with",
    "need to ask",
    "have to ask",
    "will ask",
    "need to look",
    "have to look",
];

/// Who may stand before [`TO_CHECK`] or a denial of knowing: the doctor,
/// the doctor's team, or a word that joins the clause to the answer.
const OWN_SUBJECT: &[&str] = &[
    "i", "we", "i'll", "we'll", "would", "but", "though", "although", "and", "so", "just", "still",
    "first",
];

/// Is the word before `at` in `words` the doctor's own subject (or none)?
fn own_subject(words: &[String], at: usize) -> bool {
    at.checked_sub(1)
        .is_none_or(|i| OWN_SUBJECT.contains(&words[i].as_str()))
}

/// After "but": a restatement that takes the answer back ("We have
/// something but I wouldn't call it a protocol", "yes, but not really",
/// "yes but not a proper one", "yes but it's not written down"). Never
/// "but not often" (how often is a reason, the yes stands).
const TAKEN_BACK: &[&str] = &[
    "i would not call",
    "we would not call",
    "would not call",
    "not really",
    "not a proper",
    "not proper",
    "it is not",
    // "Yes, but only on paper", "but not in practice", "but not as such",
    // "but nothing formal", "but I'm not sure": the yes in name only.
    "only on paper",
    "not in practice",
    "not as such",
    "not formally",
    "nothing formal",
    "not officially",
    "not exactly",
    "not strictly",
    "not in so many words",
    "sort of",
    "kind of",
    "in a way",
    "in theory",
    "i am not",
    "we do not really",
    "we never really",
    "never really",
];

/// Words that join a clause to the one before and say nothing.
const JOINING: &[&str] = &["but", "though", "although", "and", "so", "tho"];

/// Words after "depends" that make it a doubt about what the question
/// means ("depends what you mean by confident", "depending on how you
/// define use"), not a condition of the answer ("yes, depending on the
/// patient").
const MEANING: &[&str] = &[
    "mean",
    "means",
    "meant",
    "define",
    "defined",
    "definition",
    "count",
    "counts",
    "call",
    "classify",
];

/// Does `text`, an answer with a value, carry the doctor's own doubt
/// about it?
pub(crate) fn doubted(text: &str) -> bool {
    if value_queried(text) {
        return true;
    }
    // Each clause's words made once, for both readings below (issue 23).
    let clauses: Vec<Vec<String>> = clauses(text).map(plain_words).collect();
    clauses.iter().any(|words| {
        (0..words.len()).any(|at| {
            leading(&words[at..], NOT_ABLE_TO_SAY) > 0
                || leading(&words[at..], UNSURE_OF_FACT) > 0
                || (leading(&words[at..], TO_CHECK) > 0 && own_subject(words, at))
        })
    }) || clauses.into_iter().any(|mut words| {
        let joined = words
            .iter()
            .take_while(|w| JOINING.contains(&w.as_str()))
            .count();
        let contrast = words.first().is_some_and(|w| w == "but");
        words.drain(..joined);
        // "yes I think": the value, then a hedge alone.
        let valued = usize::from(
            words
                .first()
                .is_some_and(|w| ["yes", "no", "y", "n"].contains(&w.as_str())),
        );
        (contrast && leading(&words, TAKEN_BACK) > 0)
            || others_would_know(&words)
            || hedge_alone(&words)
            || (valued == 1 && hedge_alone(&words[1..]))
            || questions_counting(&words)
            || depends_on_meaning(&words)
            || knowing_denied(&words)
    })
}

/// The auxiliaries a denial of knowing is said with: "I don't know",
/// "we can't be sure", "I couldn't tell you", "I wouldn't swear to it".
const DENYING: &[&str] = &[
    "do not",
    "did not",
    "cannot",
    "could not",
    "would not",
    "am not",
    "are not",
    "was not",
    "can not",
    "will not",
    "honestly do not",
    "really do not",
    "genuinely do not",
    "honestly cannot",
    "really cannot",
];

/// Words between the denial and the verb of knowing that change nothing:
/// "I can't honestly say", "I'm not 100 per cent sure", "I don't really
/// remember".
const SOFTENING: &[&str] = &[
    "really",
    "honestly",
    "actually",
    "entirely",
    "fully",
    "quite",
    "totally",
    "completely",
    "be",
    "100",
    "one",
    "hundred",
    "percent",
    "per",
    "cent",
    "exactly",
    "now",
    "offhand",
    "properly",
    "genuinely",
    "absolutely",
    "definitely",
    "that",
    "too",
    "so",
];

/// Verbs and words of knowing or vouching for a fact.
const KNOWING: &[&str] = &[
    "know",
    "remember",
    "recall",
    "recollect",
    "swear",
    "vouch",
    "confirm",
    "verify",
    "tell",
    "say",
    "sure",
    "certain",
    "positive",
    "guarantee",
    "promise",
    "answer",
    "speak",
    "place",
    "check",
    "checked",
    "bet",
];

/// After a verb of knowing: what it is about is something else, not the
/// answer ("not sure why we never wrote one", "I can't say enough about
/// the pain team", "can't tell you how much it helped", "don't know of
/// any").
const ABOUT_ELSE: &[&str] = &[
    "why",
    "enough",
    "how much",
    "how grateful",
    "of any",
    "of anyone",
    "of anything",
    "what we would",
];

/// "Yes, though I can't be certain", "Twice - I honestly don't remember
/// the second", "No, I couldn't tell you for sure", "b, I wouldn't swear
/// to it": the doctor (I or we, or nobody named: "can't remember") denies
/// knowing or vouching for the fact, whatever the verb's object.
fn knowing_denied(words: &[String]) -> bool {
    (0..words.len()).any(|at| {
        // "not sure it survived the merger": the subject left out, at the
        // clause's start.
        let denial = match leading(&words[at..], DENYING) {
            0 if at == 0 && words[0] == "not" => 1,
            n => n,
        };
        if denial == 0 || !own_subject(words, at) {
            return false;
        }
        let mut next = at + denial;
        let mut softened = 0;
        while softened < 4
            && words
                .get(next)
                .is_some_and(|w| SOFTENING.contains(&w.as_str()))
        {
            next += 1;
            softened += 1;
        }
        let knowing = words
            .get(next)
            .is_some_and(|w| KNOWING.contains(&w.as_str()));
        // "I wouldn't say we're confident": a reason in other words, not
        // a doubt of the fact; "I can't say" is one.
        let rephrased = words[at] == "would"
            && words
                .get(next)
                .is_some_and(|w| w == "say" || w == "tell" || w == "answer" || w == "speak");
        // "I can't tell you how much": the object after "you".
        let object = next + 1 + usize::from(words.get(next + 1).is_some_and(|w| w == "you"));
        knowing && !rephrased && leading(words.get(object..).unwrap_or_default(), ABOUT_ELSE) == 0
    })
}

/// "Once? Can't remember", "Yes?": a question mark on the value itself
/// (one or two words before it, nothing between them that ends a clause).
fn value_queried(text: &str) -> bool {
    text.split_once('?').is_some_and(|(value, _)| {
        let words = value.split_whitespace().count();
        (1..=2).contains(&words) && !value.contains(|c: char| ",;:()[]–—.!-".contains(c))
    })
}

/// The clauses of `text`: between commas, semicolons, colons, brackets,
/// spaced dashes, sentence ends and line breaks, and before "but",
/// "though", "although".
fn clauses(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| ",;:()[]–—.!?\n".contains(c))
        .flat_map(|part| part.split(" - "))
        .flat_map(split_at_contrast)
        .map(str::trim)
        .filter(|c| !c.is_empty())
}

/// "Once but I'm not sure it counts": the part before "but" (or "though",
/// "although") and the part from it. At most one cut per clause is
/// enough: a clause with two is cut at the first, and the doubt, if any,
/// is in one of the two.
fn split_at_contrast(part: &str) -> Vec<&str> {
    // Each word starts with a space: the first space that starts one,
    // in any case, is where the first of them is. One pass, with no
    // lowered copy and no searcher built for each word (issue 23).
    let bytes = part.as_bytes();
    let at = (0..bytes.len()).filter(|&i| bytes[i] == b' ').find(|&i| {
        [" but ", " though ", " although "].iter().any(|w| {
            bytes
                .get(i..i + w.len())
                .is_some_and(|b| b.eq_ignore_ascii_case(w.as_bytes()))
        })
    });
    at.map_or_else(|| vec![part], |at| vec![&part[..at], &part[at..]])
}

/// "our pharmacist would know": someone else, not the doctor ("No - and
/// I'd know, as I sit on the group" is certain).
fn others_would_know(words: &[String]) -> bool {
    words
        .windows(3)
        .any(|w| w[1] == "would" && w[2] == "know" && !["i", "we"].contains(&w[0].as_str()))
}

/// "I think", "if I remember rightly", "not sure it counts", "probably":
/// a hedge and at most two more words, never "not sure why" (the doctor
/// wonders about something else).
fn hedge_alone(words: &[String]) -> bool {
    let hedge = leading(words, HEDGES);
    // "perhaps ten times", "maybe a dozen": how many, guessed at, not
    // the answer (read by the question, `yes_no::hedged_after`).
    let a_count = counted(words, hedge) || a_few(words, hedge);
    hedge > 0 && words.len() - hedge <= 2 && words.get(hedge).is_none_or(|w| w != "why") && !a_count
}

/// "If that counts", "not sure it qualifies", "does that count", "if you
/// count my GP training": counting or qualifying that a word before it
/// questions (at most four words before).
fn questions_counting(words: &[String]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        COUNTS.contains(&w.as_str())
            && words[i.saturating_sub(4)..i]
                .iter()
                .any(|q| QUESTIONING.contains(&q.as_str()))
    })
}

/// "Depends what you mean by confident", "depending on how you define
/// use", "it depends what counts": the answer hangs on what the question
/// means.
fn depends_on_meaning(words: &[String]) -> bool {
    let start = usize::from(words.first().is_some_and(|w| w == "it"));
    words
        .get(start)
        .is_some_and(|w| w == "depends" || w == "depending")
        && words[start..]
            .iter()
            .take(8)
            .any(|w| MEANING.contains(&w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::doubted;

    #[test]
    fn an_answer_then_the_doctors_doubt_about_it() {
        let doubts = [
            "Once, years ago, but I'm not sure it counts",
            "Just the one time - not sure that counts",
            "a, if that counts",
            "Yes, if a draft counts",
            "6 - depends what you mean by confident",
            "Yes, depending on how you define use",
            "b > a > d > c, I believe",
            "June 2025, from memory",
            "March 2024 (I think)",
            "15 years, if you count my GP training",
            "Twice - does that count?",
            "7, not sure that qualifies as confident",
            "a and c, I could be wrong",
            "Yes though I'm not certain",
            "Once? Can't remember whether it was early in the illness",
            "Yes?",
            "Yes - though it may have been the ward team who started it",
            "Twice, not sure whether both were before the third line",
            "Yes, can't recall the year",
            "Only once someone is already on a syringe driver, so I can't really say yes or no to that one",
            "Yes - hard to say how it compares",
            "Once, difficult to say if it helped",
            "Yes, I cannot answer for the other consultants",
            "Twice, not able to say when",
            "We have something but I wouldn't call it a protocol",
            "Yes but not really",
            "Yes, but not a proper one",
            "Yes but it's not written down anywhere",
            "Yes, as far as I know",
            "a, if not b",
            "Once, sort of - the pain team started it and I carried it on",
            "yes I think, our pharmacist would know",
            "No I believe",
            "We've a protocol in draft, no idea if it was ever approved",
            "Hard to put a number on it - I last prescribed it three years ago",
            "No - to my knowledge",
            "Twice, I gather",
            "Yes, pretty sure",
            "b, I suspect, though the team would know better",
            "Yes - would need to check with pharmacy",
            "No (to be confirmed)",
            "7, at a guess",
            "Yes, though I can't be certain",
            "Twice - I honestly don't remember the second one",
            "No, I couldn't tell you for sure",
            "b, I wouldn't swear to it",
            "Yes but I'm not 100% on that",
            "Yes - don't quote me on it",
            "Yes, but only on paper",
            "Yes but not as such",
            "Yes, but nothing formal",
            "Once - can't be sure of the year",
            "No. Don't know for certain though",
            "Yes, off the top of my head",
            "Yes, we couldn't say for sure",
            "No - I'll get back to you on that one",
            "Yes - I'll check with our pharmacist",
            "We did have one - not sure it lasted past the reorganisation",
            "Yes, would have to ask the team",
        ];
        let missed: Vec<_> = doubts.iter().filter(|t| !doubted(t)).collect();
        assert!(missed.is_empty(), "{missed:#?}");
    }

    #[test]
    fn a_reason_after_an_answer_is_no_doubt() {
        let reasons = [
            "Yes - no question",
            "Once, for a patient on the ward in 2023",
            "Yes, I think more training would help",
            "7 - we count every syringe driver",
            "Yes, depending on the patient",
            "No - not sure why we never wrote one",
            "a - no local expertise, and no evidence base we trust",
            "No, we're drafting one",
            "20 yrs (including training)",
            "b (biggest), a, d, c (smallest)",
            "I have prescribed it, but not often",
            "Yes - they may need it in the last days",
            "Once - it might help others to know",
            "No. Why would we?",
            "Yes - I can say that for certain",
            "Yes, we have one but it is due for review",
            "Yes, though I would call it a guideline",
            "Yes - not really a surprise given the evidence",
            "Yes. Not sure why it isn't done more",
            "No, I don't know of any in our region",
            "Yes - I can't tell you how much it helped",
            "4 - I wouldn't say I'm confident",
            "No - the juniors don't know how to use it",
            "Yes, they don't know it exists",
            "Yes - we know it works",
            "No, none that I know of",
            "No - and I'd know, as I sit on the group that would write it",
            "Yes - you need to check renal function first",
            "No, the nurses have to ask the doctor first",
        ];
        let doubted: Vec<_> = reasons.iter().filter(|t| doubted(t)).collect();
        assert!(doubted.is_empty(), "{doubted:#?}");
    }
}
