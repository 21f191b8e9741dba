//! Corrections in the doctor's own words: a sentence that changes one
//! answer ("for question 4 I meant 8", "PS: so 7 should be yes", "on the
//! confidence question, make that 7 rather than 5", "make that 8 for the
//! confidence one") or takes it back ("scratch what I said about the
//! written protocol, we do have one"; "forget what I said about the
//! protocol" with no new answer leaves the question to be asked).
//!
//! Each sentence is matched once by a few anchored, linear-time regexes;
//! a question named by words must be named by exactly one question's
//! words. Whether a sentence is the doctor's own (never quoted, never
//! below a signature) is for the caller to know.

use std::sync::LazyLock;

use regex::{Regex, RegexSet, RegexSetBuilder};

use crate::survey::{Question, QuestionKind};
use crate::understand::answer::Status;

use super::prose;
use super::value;

/// What a correction does to its question's answer.
#[derive(Debug, PartialEq)]
pub(super) enum Fix {
    /// The new answer's text, to be read as any answer.
    Value(String),
    /// The answer is taken back, with no new one that can be read: the
    /// sentence, to show when asking.
    Retracted(String),
    /// An answer given is put in doubt ("not sure about 6 actually"): the
    /// sentence. Nothing when no answer was given.
    Doubted(String),
    /// An answer said again by its number with no word of correction
    /// ("PS 7 is a yes"): the yes or no, which stands with the answers
    /// given before it, and makes the question unclear when it differs.
    Restated(String),
}

static CORRECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:for|on|to|in)?\s*(?:question|q|number|no\.)\s*\.?\s*#?(\d{1,2})\s*[,:]?\s*(?:i\s+meant(?:\s+to\s+(?:say|put|write))?|i\s+should\s+have\s+(?:said|put|answered|written|ticked|chosen)|should\s+(?:be|have\s+been|read|say)|(?:please\s+)?change\s+(?:it\s+|that\s+|my\s+answer\s+)?to|(?:please\s+|(?:can|could|would)\s+you\s+(?:please\s+)?)?put\s+(?:(?:it|that|me|my\s+answer)\s+)?(?:down\s+)?(?:(?:as|for|at)\s+)?|the\s+answer\s+(?:is|should\s+be)|my\s+answer\s+(?:is|should\s+be))\s*:?\s*(\S.*)$",
    )
    .expect("valid regex")
});
/// The verbs of a correction: "I meant", "should be", "make that", "my
/// answer is", "please put" (asked for, never "I put": that says what was
/// written) (what follows, or precedes with "for", is the new answer).
const CORRECTING: &str = r"(?:i\s+meant(?:\s+to\s+(?:say|put|write))?|i\s+should\s+have\s+(?:said|put|answered|written|ticked|chosen)|(?:it\s+|that\s+)?should\s+(?:be|have\s+been|read|say)|(?:please\s+)?(?:change|make)\s+(?:it\s+|that\s+|my\s+answer\s+)?(?:to\s+)?|(?:please\s+|(?:can|could|would)\s+you\s+(?:please\s+)?)put\s+(?:(?:it|that|me|my\s+answer)\s+)?(?:down\s+)?(?:(?:as|for|at)\s+)?|(?:the|my)\s+answer\s+(?:is|was|should\s+be))";
/// "For 4 I meant 6", "for no. 3 it should be no": a question by its number
/// alone, right before the correcting verb.
static CORRECTION_BARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\bfor\s+(?:no\.?\s*|number\s+|#|q\.?\s*|question\s+)?(\d{{1,2}})\s*[,:]?\s*{CORRECTING}\s*:?\s*(\S.*)$"
    ))
    .expect("valid regex")
});
/// "For the research question my answer should be no", "on the
/// confidence question, make that 7", "re the confidence one - make that
/// 8": a question named by its words.
static CORRECTION_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:for|on|re|regarding|as\s+for|about)\s+the\s+(?:question\s+(?:about|on)\s+)?([^,:;.!?–—]+?)(?:\s+(?:one|question|answer))?\s*(?:[,:–—]|\s-)?\s*{CORRECTING}\s*:?\s*(\S.*)$"
    ))
    .expect("valid regex")
});
/// "Make that 8 for the confidence one", "change it to no for question
/// 3", "(I) meant to put 8 for question 4, not 6", "please put me down as
/// 5 for confidence, not 8" (asked for): the new answer first,
/// then the question, perhaps the old answer taken back after "not",
/// "rather than" or "instead of".
static CORRECTION_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:make\s+(?:that|it)|change\s+(?:that|it|my\s+answer)\s+to|(?:please\s+|(?:can|could|would)\s+you\s+(?:please\s+)?)put\s+(?:(?:it|that|me|my\s+answer)\s+)?(?:down\s+)?(?:as|at)|(?:i\s+)?meant(?:\s+to\s+(?:say|put|write|answer))?|i\s+should\s+have\s+(?:said|put|answered|written))\s+([^,;:]+?)\s+for\s+(?:the\s+)?(?:question\s+(?:about|on)\s+)?([^,;:]+?)(?:\s+(?:one|question|answer))?(?:\s+(?:as\s+well|too|also|please))?(?:\s*,?\s+(?:not|rather\s+than|instead\s+of)\s+[^,;:.!?]+)?\s*[.!]*\s*$",
    )
    .expect("valid regex")
});
/// "So 7 should be yes", "PS 6 should have been no": a question by its
/// number alone at the start of a clause, then "should be". Taken only
/// when what follows reads as an answer to that question.
static CORRECTION_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[,;:–—]\s*|\s-\s*|\b(?:so|and|then|also|but|ps|p\.s\.|actually|sorry|oops|wait|correction|on\s+reflection,?|on\s+second\s+thoughts?,?|(?:realised|realized|noticed|spotted|seen|see|checked)(?:\s+now)?(?:\s+that)?)\s+)(?:no\.?\s*|number\s+|#)?(\d{1,2})\s+(?:(?:should|must)\s+(?:be|have\s+been|read|say)|(?:was|is)\s+meant\s+to\s+(?:be|say)|should\s+have\s+(?:said|put|written))\s*:?\s*(\S.*)$",
    )
    .expect("valid regex")
});
/// "Scratch what I said about the written protocol, we do have one",
/// "ignore my answer to question 6": the answer taken back; what follows
/// the separator, if anything, is the new one.
static RETRACTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b{TAKE_BACK}\s+(?:what\s+i\s+(?:said|wrote|put|answered)|my\s+answer|that|this)\s+(?:about|for|on|to|re|regarding)\s+(?:the\s+)?(?:question\s+(?:about|on)\s+)?([^,;:.!?–—]+?)(?:\s+(?:one|question|answer))?\s*(?:[,;:.!?–—]|\s-\s|$)\s*(.*)$",
    ))
    .expect("valid regex")
});
/// "One more change, sorry: 8. no - on reflection …", "correction: Q6
/// yes": a word of change, a colon, then a numbered answer.
static CORRECTION_LISTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:change|changes|correction|corrections|update|amendment)\b[^:\-–—]{0,40}(?::|\s[\-–—])\s*(?:(q(?:uestion)?\s*\.?\s*)(\d{1,2})\s*[.):=\-–—]?|(\d{1,2})\s*[.):=\-–—])\s*(\S.*)$",
    )
    .expect("valid regex")
});
/// The verbs that take an answer back: "scratch", "scrap", "ignore",
/// "disregard", "forget", "strike (out)", "cross out", "bin", "delete",
/// "cancel" ("scrap 6 - we do have one", "cross out my answer to 6").
const TAKE_BACK: &str = r"(?:scratch|scrap|ignore|disregard|forget|strike(?:\s+(?:out|through))?|cross\s+(?:out|through)|bin|delete|cancel)";

/// A verb of [`TAKE_BACK`] anywhere in a sentence.
static TAKEN_BACK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\b{TAKE_BACK}\b")).expect("valid regex"));

/// A question by number, `q` set when it is said to be one ("Q7",
/// "question 7", "no. 7").
const NUMBERED: &str = r"(?P<q>q(?:uestion)?\s*\.?\s*#?\s*|no\.?\s*|number\s+|#)?(?P<n>\d{1,2})";

/// Further forms naming the question by number, each with the new answer
/// in `v`: "Q7 is actually yes", "change 7 to yes", "please amend my
/// answer to question 4 to 8", "re question 7 - it is yes", "the answer
/// to 7 is yes", "I got 7 wrong, it's yes", "for 5 please add side
/// effects as well, so b and c" (the whole new answer after "so"; an
/// empty `v` takes the answer back), "make 4 a 6", "make that 4 a 6".
static NUMBERED_FORMS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        format!(r"(?i)(?:^|[\s,;:(–—-]){NUMBERED}\s+(?:is|was|should\s+be)\s+(?:actually|really|in\s+fact)\s+(?P<v>\S.*)$"),
        format!(r"(?i)\b(?:change|amend|update|alter|switch|correct)\s+(?:my\s+answer\s+(?:to|for|on)\s+|the\s+answer\s+(?:to|for)\s+)?{NUMBERED}\s+(?:from\s+[^,;.]{{1,20}}?\s+)?to\s+(?P<v>\S.*)$"),
        r"(?i)\b(?:re|regarding|about|as\s+for|on)\s*:?\s*(?P<q>q(?:uestion)?\s*\.?\s*#?\s*)(?P<n>\d{1,2})\s*[,:\-–—]\s*(?P<v>\S.*)$".to_owned(),
        format!(r"(?i)\b(?:the|my)\s+answer\s+(?:to|for|on)\s+{NUMBERED}\s+(?:is|should\s+be|should\s+have\s+been)\s+(?P<v>\S.*)$"),
        format!(r"(?i)\bmake\s+{NUMBERED}\s+(?P<v>\S.*)$"),
        format!(r"(?i)^(?:p\.?\s*p?\.?\s*s\.?)\s*[:.\-–—]?\s*{NUMBERED}\s*[.):=\-–—]\s*(?P<v>\S.*)$"),
        format!(r"(?i)\b{TAKE_BACK}\s+(?:my\s+answer\s+(?:to|for)\s+)?{NUMBERED}\b\s*(?:[,;:.!?–—]|\s-\s|$)\s*(?P<v>.*)$"),
        format!(r"(?i)\b(?:forgot|forgotten|missed|left\s+out|skipped|omitted|didn'?t\s+answer)\s+(?:to\s+answer\s+)?(?:my\s+answer\s+(?:to|for)\s+)?(?:the\s+last\s+(?:one|question)\s*(?:[,:–—]|\s-)\s*)?{NUMBERED}\s*(?:[.):=,\-–—]|\s-)\s*(?P<v>\S.*)$"),
        format!(r"(?i)\bgot\s+{NUMBERED}\s+wrong\b\s*[,;:.\-–—]?\s*(?:it\s+should\s+(?:be|have\s+been)\s+)?(?P<v>.*)$"),
        format!(r"(?i)\b(?:misread|misunderstood)\s+{NUMBERED}\b\s*[,;:.\-–—]?\s*(?:it\s+should\s+(?:be|have\s+been)\s+|so\s+)?(?P<v>.*)$"),
        format!(r"(?i)\b(?:for|on|to)\s+{NUMBERED}\s*,?\s+(?:please\s+|(?:can|could|would)\s+you\s+(?:please\s+)?)?add\s+[^,;:.!?]{{1,60}}?\s*,?\s+so\s+(?:(?:that'?s|it'?s|it\s+should\s+be|it\s+becomes)\s+)?(?P<v>\S.*)$"),
        format!(r"(?i)\bmake\s+that\s+{NUMBERED}\s+(?P<v>an?\s+\S.*)$"),
        // "Correction to 6: yes - ...", "change for Q4 - 5".
        format!(r"(?i)\b(?:change|correction|update|amendment)\s+(?:to|for|on)\s+{NUMBERED}\s*(?::|=|\s[\-–—])\s*(?P<v>\S.*)$"),
    ]
    .iter()
    .map(|r| Regex::new(r).expect("valid regex"))
    .collect()
});
/// The place in [`NUMBERED_FORMS`] of "PS: 9 - yes".
const PS_FORM: usize = 5;
/// The place in [`NUMBERED_FORMS`] of "Forgot the last one – 10: ...".
const FORGOT_FORM: usize = 7;

/// "The confidence should be 8", "the protocol one should have been
/// yes", "the protocol question is actually a yes", "change my answer to
/// the protocol question to yes": a question by its words; taken only
/// when what follows reads as an answer to it.
static WORDS_SHOULD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(?:change|amend|update)\s+(?:my\s+answer\s+(?:to|for|on)\s+)?the\s+([^,:;.!?]+?)(?:\s+(?:one|question|answer|score))?\s+(?:from\s+[^,;.]{1,20}?\s+)?to|the\s+([^,:;.!?]+?)(?:\s+(?:one|question|answer|score))?\s+(?:should\s+(?:be|have\s+been|read)|(?:is|was)\s+(?:actually|really|in\s+fact)))\s+(\S.*)$",
    )
    .expect("valid regex")
});
/// "Not sure about 6 actually", "I'm not so sure about the community
/// guidance one now": an answer put in doubt, by number (`1`) or words
/// (`2`); it no longer stands.
static DOUBT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:not\s+(?:\w+\s+)?sure|unsure|uncertain|doubtful)\s+(?:about|of|on|regarding)\s+(?:the\s+)?(?:(?:q(?:uestion)?\s*\.?\s*#?\s*|no\.?\s*|number\s+)?(\d{1,2})\b|([^,;:.!?]+?)(?:\s+(?:one|question|answer))?\s*(?:[,;:.!?–—]|\s-\s|\s+now\b|\s+actually\b|$))",
    )
    .expect("valid regex")
});
/// "Not sure we actually have a protocol", "I'm not sure if we have any
/// community guidance": a doubt about what the doctor's service has or
/// does, the thing named by its words (`1`): the answer to the question
/// naming it no longer stands.
static DOUBT_HAVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:not\s+(?:\w+\s+)?sure|unsure|uncertain)\s+(?:if\s+|whether\s+|that\s+)?(?:we|i|our\s+\w+)\s+(?:actually\s+|really\s+|still\s+|even\s+)?(?:have|has|had|do|did|use|used)\s+(?:got\s+)?(?:an?\s+|any\s+|the\s+)?([^,;:.!?–—]+?)\s*(?:[,;:.!?–—]|\s-\s|\s+now\b|\s+actually\b|$)",
    )
    .expect("valid regex")
});
/// "Just noticed I put 4 for confidence – it should be 6", "I wrote no
/// against the training question, when it should have been yes": what was
/// written, the question (by its words or number), then what it should be.
static WROTE_INSTEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bi\s+(?:put|wrote|said|answered|gave|entered|typed|ticked|chose|picked)\s+(?:down\s+)?[^,;:.!?]{1,30}?\s+(?:for|against|to|on|under)\s+(?:the\s+)?(?:question\s+(?:about|on)\s+)?([^,;:.!?–—]+?)(?:\s+(?:one|question|answer|score))?\s*(?:[,;:–—]|\s-)?\s*(?:(?:but|when|and|whereas|while)\s+)?(?:it|that|this|the\s+answer)\s+(?:should\s+(?:be|have\s+been|read|say)|(?:is|was)\s+(?:actually|really|meant\s+to\s+be))\s+(\S.*)$",
    )
    .expect("valid regex")
});
/// "My confidence score of 8 is generous – please make it 6", "the
/// research answer was hasty, so change it to yes": a question by its
/// words (perhaps with the answer given: "of 8"), a judgement of that
/// answer after "is" or "was", then, after a comma or dash, a request to
/// make it the new answer (`2`). Taken only when the new answer reads;
/// "... – my registrar would make it 6" asks nothing and is no correction.
static JUDGED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:my|the|our)\s+([^,:;.!?–—]+?)(?:\s+(?:one|question|answer|score|rating))?(?:\s+of\s+[^\s,:;.!?–—]+)?\s+(?:is|was|seems|feels)\s+[^,:;.!?–—]{1,40}?\s*(?:[,;–—]|\s-)\s*(?:so\s+|and\s+)?(?:please\s+|(?:can|could|would)\s+you\s+(?:please\s+)?)?(?:make|change)\s+(?:it|that)\s+(?:to\s+)?(\S.*)$",
    )
    .expect("valid regex")
});
/// "On 6 – I have just checked with our pharmacist and the protocol was
/// withdrawn last spring, so that one should be No": a question by its
/// number opening the sentence ("on", "re", "about", "regarding", "as
/// for", perhaps after "PS"), a reason with no number and no question
/// mark (`2`), then "so that one (that, it) should be" and the new answer
/// (`3`). Taken only when the reason names no other question by its words
/// ("that one" could be that question) and the new answer reads.
static NUMBER_THEN_SO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:p\.?\s*s\.?\s*[:.\-–—]?\s*)?(?:on|re|regarding|about|as\s+for)\s+(?:q(?:uestion)?\s*\.?\s*#?\s*|no\.?\s*|number\s+)?(\d{1,2})\s*(?:[,:–—]|\s-)\s*([^0-9?]*?)[,;]?\s+(?:and\s+)?so\s+(?:that\s+one|that|it|the\s+answer)\s+should\s+(?:be|have\s+been|read)\s+(\S.*)$",
    )
    .expect("valid regex")
});
/// "Having re-read the questions, the research one is a no from me", "on
/// second thoughts, question 8 is a yes": a word of reconsidering, then a
/// question (by its words or number) and a yes or no. Without the word of
/// reconsidering such a sentence against a list is a contradiction, asked.
static RECONSIDERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:having\s+re-?read|having\s+re-?thought|on\s+reflection|on\s+second\s+thoughts?|thinking\s+(?:about\s+it\s+)?again|having\s+thought\s+(?:about\s+it\s+)?again)\b[^,:;–—]{0,40}[,:;–—]?\s*(?:for\s+)?(?:the\s+)?(?:question\s+(?:about|on)\s+)?([^,:;.!?–—]+?)(?:\s+(?:one|question|answer))?\s+(?:is|would\s+be|should\s+be)\s+(?:an?\s+)?(yes|no)\b",
    )
    .expect("valid regex")
});
/// "I'd downgrade my confidence to 6", "could you lower question 4 to 7",
/// "bump my confidence up to 8", "please change my confidence from 7 to
/// 5": a score moved, by the question's words or number, to the new
/// answer.
static ADJUSTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:downgrade|upgrade|lower|raise|drop|reduce|increase|bump|knock|nudge|revise|adjust|move|push|change)\s+(?:(?:up|down)\s+)?(?:my\s+|the\s+|our\s+)?(?:answer\s+(?:to|for|on)\s+(?:the\s+)?)?(?:question\s+(?:about|on)\s+)?([^,:;.!?–—]+?)(?:\s+(?:one|question|answer|score|rating))?\s+(?:(?:up|down)\s+)?(?:from\s+[^,;.]{1,20}?\s+)?to\s+(\S.*)$",
    )
    .expect("valid regex")
});
/// "I should have said no to question 2 (as well)", "I should have put
/// yes for the training one": what it should have been, then the question.
static SAID_FOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bi\s+should\s+have\s+(?:said|put|answered|written|ticked|chosen)\s+([^,;:]+?)\s+(?:for|to)\s+(?:the\s+)?(?:question\s+(?:about|on)\s+)?([^,;:]+?)(?:\s+(?:one|question|answer))?(?:\s+(?:as\s+well|too|also))?\s*[.!]*\s*$",
    )
    .expect("valid regex")
});
/// "Having re-read question 3, I should have said yes", "looking again at
/// the training one, it should be no": a question re-read (by its number
/// or words), then what it should have been.
static RECONSIDERED_SAID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:having\s+re-?read|having\s+looked\s+again\s+at|re-?reading|looking\s+again\s+at|looking\s+back\s+at|on\s+reflection\s+about|thinking\s+again\s+about|having\s+thought\s+again\s+about)\s+(?:the\s+)?(?:question\s+(?:about|on)\s+)?([^,:;.!?–—]+?)(?:\s+(?:one|question|answer))?\s*[,:;–—]\s*(?:i\s+should\s+have\s+(?:said|put|answered|written|ticked|chosen)|(?:it|that|the\s+answer|my\s+answer)\s+should\s+(?:be|have\s+been|read))\s+(\S.*)$",
    )
    .expect("valid regex")
});
/// A question's number then a short note in brackets ("question 8
/// (training)", "Q4 (confidence)", "for 8 (training)"): the note names it
/// again, and is taken out before the patterns are tried.
static NUMBER_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b((?:question|q|no\.?|number)\s*\.?\s*#?\d{1,2}|for\s+\d{1,2})\s*\([^()]{1,40}\)",
    )
    .expect("valid regex")
});
/// "I got 6 and 7 the wrong way round", "I mixed up 2 and 3", "answers 8
/// and 9 are the other way round": two questions' answers swapped.
static SWAPPED: LazyLock<Regex> = LazyLock::new(|| {
    let n = r"(?:q(?:uestions?)?\s*\.?\s*|answers?\s+(?:to\s+)?|nos?\.?\s*|numbers?\s+)?(\d{1,2})";
    let pair = format!(r"{n}\s*(?:and|&|/|with)\s*(?:q\s*\.?\s*)?(\d{{1,2}})");
    Regex::new(&format!(
        r"(?i)(?:\b(?:mixed|muddled|swapped|switched|reversed|transposed|confused)\s+(?:up\s+)?(?:my\s+answers\s+(?:to|for)\s+)?{pair}\b|\b{pair}\s+(?:(?:are|were)\s+|the\s+)*(?:(?:the\s+)?(?:wrong|other)\s+way\s+a?round|back\s+to\s+front|swapped|reversed|switched|mixed\s+up)|\b{pair}\s+(?:the\s+)?(?:wrong|other)\s+way\s+a?round|\bgot\s+{pair}\s+(?:the\s+)?(?:wrong|other)\s+way\s+a?round)"
    ))
    .expect("valid regex")
});

/// "I got 6 and 7 wrong", "ignore 3, 4 and 5", "6 and 7 are wrong", "I
/// made a mistake on 7", "my answer to 7 is wrong": answers taken back
/// with no new one that can be told apart (`n`: the numbers).
static TAKEN_BACK_MANY: LazyLock<Regex> = LazyLock::new(|| {
    let q = r"(?:q(?:uestions?)?\s*\.?\s*|nos?\.?\s*|numbers?\s+|answers?\s+(?:to\s+)?|my\s+answers?\s+(?:to|for)\s+(?:questions?\s+|q\s*)?)?";
    let n = r"\d{1,2}(?:\s*(?:,|and|&|/)\s*(?:q\s*)?\d{1,2})*";
    Regex::new(&format!(
        r"(?i)(?:\b(?:got|put|have|had|answered)\s+{q}(?P<a>{n})\s+(?:all\s+|both\s+)?wrong\b|\b{TAKE_BACK}\s+{q}(?P<b>{n})\b|(?:^|[\s,;:(–—-]){q}(?P<c>{n})\s+(?:are|were|is|was)\s+(?:all\s+|both\s+)?wrong\b|\b(?:mistake|error|slip)s?\s+(?:on|in|with|for)\s+{q}(?P<d>{n})\b)"
    ))
    .expect("valid regex")
});

/// Does `sentence` hold an ASCII digit? [`swapped`], [`taken_back`],
/// [`unread`] and `revision::read` find questions only by numbers that
/// `usize` parses, which are ASCII digits: a sentence without one (most of
/// a doctor's words) is none of theirs, and their large regexes are not
/// searched (issue 23).
pub(super) fn has_ascii_digit(sentence: &str) -> bool {
    sentence.bytes().any(|b| b.is_ascii_digit())
}

/// The questions (0-based) whose answers a sentence takes back without a
/// new one ([`TAKEN_BACK_MANY`]); none when it names a number that is no
/// question.
pub(super) fn taken_back(sentence: &str, questions: usize) -> Vec<usize> {
    if !has_ascii_digit(sentence) {
        return Vec::new();
    }
    let Some(c) = TAKEN_BACK_MANY.captures(sentence) else {
        return Vec::new();
    };
    let Some(numbers) = ["a", "b", "c", "d"].iter().find_map(|k| c.name(k)) else {
        return Vec::new();
    };
    let found: Vec<Option<usize>> = numbers
        .as_str()
        .split(|ch: char| !ch.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .map(|p| {
            p.parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
                .filter(|i| *i < questions)
        })
        .collect();
    if found.iter().any(Option::is_none) {
        return Vec::new();
    }
    found.into_iter().flatten().collect()
}

/// A word that says an answer changes, or was given in error: with a
/// question named in the same sentence and no form above that reads it,
/// that answer is put in doubt ([`unread`]).
static CHANGE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:should|meant|mistake\w*|wrong|sorry|apolog\w*|oops|actually|correct(?:ion|ed|ing)?|chang\w*|scratch|scrap|ignore|disregard|realis\w*|realiz\w*|noticed|instead|rather|amend\w*|updat\w*|typo|misread|misunderstood|hang\s+on|hold\s+on|on\s+second\s+thoughts?|on\s+reflection|not\s+(?:so\s+|too\s+|entirely\s+|completely\s+|100%\s+)?sure|unsure|not\s+certain|doubt\w*|double[\s-]check\w*|get\s+back\s+to\s+you|come\s+to\s+think|thinking\s+about\s+it|in\s+hindsight|looking\s+back|as\s+far\s+as\s+(?:i|we)\s+(?:know|am\s+aware|'?m\s+aware|can\s+tell|remember|recall)|to\s+(?:the\s+best\s+of\s+)?my\s+knowledge|(?:can'?t|cannot|couldn'?t|could\s+not|don'?t|do\s+not)\s+(?:really\s+|honestly\s+)?(?:remember|recall|be\s+(?:sure|certain))|(?:wouldn'?t|would\s+not)\s+swear|at\s+a\s+guess|guess\w*|re-?read\w*|look(?:ed|ing)\s+again|honestly|(?:thought|thinking)\s+(?:about|over)|reconsider\w*|revisit\w*|nearer|closer\s+to|more\s+like|probably|(?:i'?d|i\s+would|i'?ll)\s+(?:put|go\s+for|say|give)|put\s+(?:me|myself)|same\s+as\s+(?:hers|his|theirs|my\s+colleague\w*|\w+'s))\b",
    )
    .expect("valid regex")
});

/// An apology for the reply itself, not for an answer: "sorry for the
/// delay", "apologies for the late reply", "sorry it's late".
static NO_CHANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:sorry|apologies)\s+(?:(?:for|about)\s+(?:the\s+|my\s+|this\s+)?(?:delay\w*|late\w*|slow\w*|tardy\w*|length\w*|long\s+\w+)|(?:it'?s|i'?m|this\s+is)\s+(?:so\s+)?late)",
    )
    .expect("valid regex")
});

/// A question the doctor says they left out, with the words that say
/// they noticed: "I've just noticed I skipped number 9", "realised I
/// missed out question 3", "forgot to answer 8".
static SKIPPED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(?:just\s+)?(?:noticed|realis\w*|realiz\w*|seen|spotted)\s+(?:that\s+)?i(?:'?ve|\s+have|\s+had)?\s+)?(?:skipped|missed(?:\s+out)?|forgot(?:\s+to\s+(?:answer|do))?|left\s+out|omitted|didn'?t\s+answer|did\s+not\s+answer)\s+(?:question\s+|number\s+|q\s*|no\.?\s*)?\d{1,2}\b",
    )
    .expect("valid regex")
});

/// A question named by its number in a sentence: "question 4", "Q4",
/// "number 4", "no. 4", "#4"; "for 4", "on 4", "about 4" before a
/// separator or the end; "4 should", "4 was meant", "4 is wrong"; "got 4
/// right"; "put 4 down as"; "make 4 a 6", "make 4 something lower",
/// "make that 4 a 6", "change 4 to 6", "switch my answer to 4 to 6" (a
/// verb of change right before the number, which is no count: "change 4
/// to 5 consultants", "move 2 patients").
static NAMED_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\b(?:make|change|switch|amend|alter|update|correct|turn|bump|move)\s+(?:that\s+|my\s+answer\s+(?:to|for|on)\s+|the\s+answer\s+(?:to|for|on)\s+)?(?:(?:question|qn?|number|no\.|#)\s*\.?\s*#?)?(?P<f>\d{1,2})\b|\b(?:question|qn?|number|no\.|#)\s*\.?\s*#?(?P<a>\d{1,2})\b|\b(?:on|for|to|about|re|with)\s+(?P<b>\d{1,2})\s*(?:[,.;:!)–—-]|$)|(?:^|[\s,;(])(?P<c>\d{1,2})\s+(?:should|must|was\s+meant|is\s+meant|is\s+(?:actually|wrong|incorrect)|was\s+(?:actually|wrong|incorrect))|\b(?:got|answered|put|have|had)\s+(?P<d>\d{1,2})\s+(?:right|wrong|correct\w*)\b|\b(?:put|wrote|answered|marked|had|entered|typed)\s+(?:question\s+|q\s*)?(?P<e>\d{1,2})\s+(?:down\s+)?as\b|\b(?:apart\s+from|except(?:\s+for)?|other\s+than|but\s+for|bar)\s+(?:question\s+|number\s+|q\s*|no\.?\s*)?(?P<h>\d{1,2})\b|(?:^|[\s,;(]|\b(?:for|on|about|re|with|to)\s+)(?P<i>\d{1,2})\s+(?:(?:may|might|could)\s+(?:have|be|not)|is\s+(?:more\s+)?honestly)\b|\b(?:re-?read(?:ing)?|reading|(?:thought|thinking)\s+(?:about|over|again\s+about)|look(?:ed|ing)\s+(?:again\s+)?at|reconsider(?:ed|ing)?|revisit(?:ed|ing)?|(?:went|going|gone|come|coming|came)\s+back\s+to)\s+(?:question\s+|q\s*|number\s+)?(?P<g>\d{1,2})\b)",
    )
    .expect("valid regex")
});

/// The questions (0-based) a sentence of the doctor's own seems to change
/// though no form of correction reads it: a word of change ("sorry",
/// "should", "actually", "scratch", "realised" ...) and a question named
/// by number ("for number 4 go with 6 not 8"). Each such answer is put in
/// doubt and asked, never kept as the list gave it: a change that cannot
/// be read is no reason to count the old answer. Not a sentence that
/// asks ("Should I answer 4 again?"; a question mark after a change, "make
/// 4 a 6 - is that OK?", still changes), not a free-text question (a
/// comment may say anything), at most three.
pub(super) fn unread(sentence: &str, questions: &[Question]) -> Vec<usize> {
    if !has_ascii_digit(sentence) || asking(sentence) || sentence.len() > 2000 {
        return Vec::new();
    }
    // "Sorry for the delay with question 4" changes nothing, nor "I've
    // just noticed I skipped number 9" (an answer added, none changed).
    let said = NO_CHANGE.replace_all(sentence, "");
    if !CHANGE_CUE.is_match(&said) {
        return Vec::new();
    }
    // The question left out is named, not changed.
    let sentence = &*SKIPPED.replace_all(sentence, "");
    let mut found: Vec<usize> = Vec::new();
    for c in NAMED_NUMBER.captures_iter(sentence) {
        let Some(n) = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
            .iter()
            .find_map(|k| c.name(k))
        else {
            continue;
        };
        // "change 4 to 5 consultants": a count changed, no question.
        if ["f", "g", "h", "i"].iter().any(|k| c.name(k).is_some())
            && counted_after(&sentence[n.end()..])
        {
            continue;
        }
        let Some(index) = n
            .as_str()
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .filter(|i| *i < questions.len())
        else {
            continue;
        };
        if !matches!(questions[index].kind, QuestionKind::Text) && !found.contains(&index) {
            found.push(index);
        }
    }
    if found.len() > 3 {
        return Vec::new();
    }
    found
}

/// Is the number named, or the first number after it, a count ("2
/// patients", "4 to 5 consultants")?
fn counted_after(rest: &str) -> bool {
    let words: Vec<&str> = std::iter::once("0")
        .chain(rest.split_whitespace().take(4))
        .collect();
    if value::counts(&words[..words.len().min(2)].join(" ")).1 > 0 {
        return true;
    }
    let words = &words[1..];
    let Some(at) = words
        .iter()
        .position(|w| w.bytes().next().is_some_and(|b| b.is_ascii_digit()))
    else {
        return false;
    };
    value::counts(&words[at..].join(" ")).1 > 0
}

/// Does the sentence ask something (a question mark, and a first word
/// that opens a question: "Should I answer 4 again?", "Can I change 4?")?
fn asking(sentence: &str) -> bool {
    const OPENING: &[&str] = &[
        "should", "shall", "can", "could", "would", "will", "do", "does", "did", "is", "are",
        "was", "were", "have", "has", "what", "which", "how", "why", "when", "where", "who", "may",
        "might", "am",
    ];
    let first = sentence
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or_default()
        .to_lowercase();
    sentence.contains('?') && OPENING.contains(&first.as_str())
}

/// Two questions (0-based) whose answers the sentence says were swapped.
pub(super) fn swapped(sentence: &str, questions: usize) -> Option<(usize, usize)> {
    if !has_ascii_digit(sentence) {
        return None;
    }
    let c = SWAPPED.captures(sentence)?;
    let numbers: Vec<usize> = c
        .iter()
        .skip(1)
        .flatten()
        .filter_map(|m| m.as_str().parse::<usize>().ok())
        .collect();
    let [a, b] = numbers.as_slice() else {
        return None;
    };
    let (a, b) = (a.checked_sub(1)?, b.checked_sub(1)?);
    (a != b && a < questions && b < questions).then_some((a, b))
}

/// "question five", "number eight": a question's number in words.
static SPELT_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(question|number)\s+(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b",
    )
    .expect("valid regex")
});

/// "it's yes", "it is a yes", "actually 8": the words before the answer.
static SAYING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:it'?s|it\s+is|that'?s|that\s+is|actually|really)\s+)*(?:an?\s+(yes|no)\b)?",
    )
    .expect("valid regex")
});

/// "make it", "make that", "change it to", "it should be", "it's" before
/// the new answer of a retraction.
static MAKE_IT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:please|so|and)\s+)?(?:make\s+(?:it|that)|change\s+(?:it|that)\s+to|(?:it|that)\s+should\s+(?:be|have\s+been)|(?:it|that)(?:'s|’s|\s+is)(?:\s+(?:actually|really))?)\s+")
        .expect("valid regex")
});

/// "…, not 7", "8 rather than 6 - I was being modest": the old answer
/// and anything after it.
static NOT_THAT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[\s,;(]*\b(not|instead of|rather than)\b.*$").expect("valid regex")
});

/// "So 7 is a yes after all", "PS Q6 is a no", "8's a yes": a question by
/// its number at the start of a clause, "is", and a bare yes or no, with
/// at most a word of correction or a reason after it.
static RESTATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[,;:–—(]\s*|\s-\s*|\b(?:so|and|then|also|but|ps|p\.\s*s\.?|now|which\s+means|meaning|maybe|perhaps|probably|possibly|think)\s+)(?P<q>q(?:uestion)?\s*\.?\s*#?\s*|no\.\s*|number\s+|#)?(?P<n>\d{1,2})(?:\s+is|'s|’s|\s+was|\s+should\s+read|\s*=)\s+(?:now\s+|definitely\s+|actually\s+|really\s+|in\s+fact\s+|then\s+)?(?:an?\s+)?(?P<v>yes|no)\b\s*(?P<after>.*)$",
    )
    .expect("valid regex")
});
/// What may follow a restated yes or no: a word of correction, a plain
/// reason after a separator or "as", "because", "since".
static RESTATED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[\s.!]*(?:(?:after\s+all|actually|in\s+fact|then|instead|really|now|too|as\s+well|sorry|then\s+sorry|rather\s+than\s+an?\s+(?:yes|no)|not\s+an?\s+(?:yes|no))[\s,.!]*)*(?:$|[,;(]|\s*[-–—]\s|(?:as|because|since)\s)",
    )
    .expect("valid regex")
});
/// Words that make a sentence say that an answer changes: with them, a
/// restated answer ([`RESTATED`]) is a correction.
static CORRECTING_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:after\s+all|actually|in\s+fact|sorry|apolog\w*|oops|wrong|mistake\w*|error|correct\w*|meant|instead|rather|turns?\s+out|turned\s+out|(?:just\s+|have\s+|i'?ve\s+)checked|having\s+checked|realis\w*|realiz\w*|on\s+reflection|second\s+thoughts?|thinking\s+(?:about\s+it\s+)?again|re-?read\w*|now|change\w*|amend\w*|update\w*)\b",
    )
    .expect("valid regex")
});

/// Every pattern [`read`] tries on the sentence (its numbers in words
/// made digits), as one set: a sentence that none of them matches (nearly
/// every sentence) is searched once instead of once per pattern (issue
/// 23). **A pattern added to `read` must be added to [`every_form`]**,
/// or it is never tried.
static ANY: LazyLock<RegexSet> =
    LazyLock::new(|| gate(every_form().into_iter().map(|(form, _)| form).collect()));

/// [`ANY`] with ASCII word boundaries (`(?-u:\b)`) for its Unicode ones.
/// On a sentence whose characters beyond ASCII are none of them word
/// characters (curly quotes, dashes, no-break spaces: most non-ASCII
/// sentences), the two boundaries fall in the same places, so the two
/// sets match the same sentences; but a Unicode boundary stops the lazy
/// DFA at the first non-ASCII byte, and the set then runs in the PikeVM
/// (3% of `bench_parse`'s samples, issue 23), while an ASCII one does not.
static ANY_ASCII_BOUNDARIES: LazyLock<RegexSet> = LazyLock::new(|| {
    let forms: Vec<String> = every_form()
        .into_iter()
        .map(|(form, _)| ascii_boundaries(form))
        .collect();
    gate(forms.iter().map(String::as_str).collect())
});

/// A word character beyond ASCII: a sentence with one is searched with
/// [`ANY`]'s Unicode word boundaries.
static WORD_BEYOND_ASCII: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\w&&[^\x00-\x7F]]").expect("valid regex"));

/// Might `sentence` be a correction, by one of [`read`]'s patterns?
/// [`NEEDED`] first: nearly no sentence has what any of them needs, and
/// that small regex is searched faster than [`ANY`]'s twenty large ones
/// (issue 23).
fn maybe_correction(sentence: &str) -> bool {
    if !NEEDED.is_match(sentence) {
        return false;
    }
    if sentence.is_ascii() || WORD_BEYOND_ASCII.is_match(sentence) {
        ANY.is_match(sentence)
    } else {
        ANY_ASCII_BOUNDARIES.is_match(sentence)
    }
}

/// What one of [`every_form`]'s patterns needs somewhere in a sentence to
/// match it at all: text that `words` matches (a part that every match of
/// the pattern has, neither optional nor one side of an alternation,
/// written as the pattern writes it), and, when `digit` is set, a digit
/// (`\d`, which every match has too) before or after that text. Under
/// the same flags as the pattern (`(?i)`, Unicode), so `words` matches
/// whatever the pattern's own part matches ("ſhould" as "should"), and a
/// sentence without what a pattern needs is no match of it.
#[derive(Clone, Copy)]
struct Needs {
    words: &'static str,
    digit: bool,
}

/// A pattern that needs one of `words` ([`Needs`]).
const fn words(words: &'static str) -> Needs {
    Needs {
        words,
        digit: false,
    }
}

/// A pattern that needs one of `words` and a digit ([`Needs`]).
const fn words_and_digit(words: &'static str) -> Needs {
    Needs { words, digit: true }
}

/// What a sentence needs for any of [`every_form`]'s patterns to match
/// it ([`Needs`]): one regex, the needs of all patterns as alternatives,
/// with no word boundary, so that its lazy DFA runs through any text. A
/// sentence it does not match is matched by no pattern, so [`ANY`] need
/// not be searched (it was 9% of `bench_parse`'s samples, issue 23).
static NEEDED: LazyLock<Regex> = LazyLock::new(|| {
    let (mut alone, mut with_digit) = (Vec::new(), Vec::new());
    for (_, needs) in every_form() {
        if needs.digit {
            with_digit.push(needs.words);
        } else {
            alone.push(needs.words);
        }
    }
    let (alone, with_digit) = (alone.join("|"), with_digit.join("|"));
    Regex::new(&format!(
        r"(?is)(?:{alone})|\d.*(?:{with_digit})|(?:{with_digit}).*\d"
    ))
    .expect("valid regex")
});

/// `pattern` with each word boundary `\b` made an ASCII one.
fn ascii_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => out.push_str(r"(?-u:\b)"),
            Some(escaped) => {
                out.push(c);
                out.push(escaped);
            }
            None => out.push(c),
        }
    }
    out
}

/// The verbs of a correction ([`CORRECTING`]): every alternative has one.
const CORRECTING_WORDS: &str = "meant|should|change|make|put|answer";

/// Every pattern [`read`] tries on a sentence, for [`ANY`], with what it
/// needs to match ([`Needs`], for [`NEEDED`]: each pattern's part named
/// in the comment at its right is in every match of it).
fn every_form() -> Vec<(&'static str, Needs)> {
    let mut all: Vec<(&'static str, Needs)> = [
        // `(?:not\s+(?:\w+\s+)?sure|unsure|uncertain|doubtful)`
        (&DOUBT, words("sure|uncertain|doubtful")),
        // `(?:not\s+(?:\w+\s+)?sure|unsure|uncertain)`
        (&DOUBT_HAVE, words("sure|uncertain")),
        // `{TAKE_BACK}`
        (&RETRACTION, words(TAKE_BACK)),
        // `(?:should\s+(?:…)|(?:is|was)\s+(?:actually|really|meant\s+to\s+be))`
        (&WROTE_INSTEAD, words("should|actually|really|meant")),
        // `(?:having\s+re-?read|having\s+re-?thought|on\s+reflection|on\s+second\s+thoughts?|
        // thinking\s+(?:…)?again|having\s+thought\s+(?:…)?again)`
        (&RECONSIDERED, words("read|thought|reflection|again")),
        // `(?:make|change)`
        (&JUDGED, words("make|change")),
        // `(\d{1,2})`, `should`
        (&NUMBER_THEN_SO, words_and_digit("should")),
        // `(\d{1,2})`; `(?:i\s+meant…|i\s+should…|should…|(?:…)?change…|(?:…)?put…|
        // the\s+answer…|my\s+answer…)`
        (&CORRECTION, words_and_digit("meant|should|change|put|answer")),
        // `(\d{1,2})`, `{CORRECTING}`
        (&CORRECTION_BARE, words_and_digit(CORRECTING_WORDS)),
        // `{CORRECTING}`
        (&CORRECTION_WORDS, words(CORRECTING_WORDS)),
        // `(?:make…|change…|(?:…)put…|(?:i\s+)?meant…|i\s+should…)`
        (&CORRECTION_AFTER, words("make|change|put|meant|should")),
        // `(?:change|changes|correction|corrections|update|amendment)`; a
        // number in both alternatives after the colon
        (
            &CORRECTION_LISTED,
            words_and_digit("change|correction|update|amendment"),
        ),
        // `(?:(?:change|amend|update)…|the…(?:should…|(?:is|was)\s+(?:actually|really|in\s+fact)))`
        (
            &WORDS_SHOULD,
            words("change|amend|update|should|actually|really|fact"),
        ),
        // `(\d{1,2})`, `(?:(?:should|must)…|(?:was|is)\s+meant…|should…)`
        (&CORRECTION_CLAUSE, words_and_digit("should|must|meant")),
        // its verbs, `(?:downgrade|upgrade|…|change)`
        (
            &ADJUSTED,
            words("downgrade|upgrade|lower|raise|drop|reduce|increase|bump|knock|nudge|revise|adjust|move|push|change"),
        ),
        // `(?:i\s+should…|(?:…)\s+should…)` at its end
        (&RECONSIDERED_SAID, words("should")),
        // `i\s+should\s+have`
        (&SAID_FOR, words("should")),
        // from the number's last digit to the yes or no, as it is written
        // there (the `\b` after it left out)
        (
            &RESTATED,
            words(
                r"\d(?:\s+is|'s|’s|\s+was|\s+should\s+read|\s*=)\s+(?:now\s+|definitely\s+|actually\s+|really\s+|in\s+fact\s+|then\s+)?(?:an?\s+)?(?:yes|no)",
            ),
        ),
    ]
    .into_iter()
    .map(|(r, needs)| (r.as_str(), needs))
    .collect();
    assert_eq!(
        NUMBERED_FORMS.len(),
        NUMBERED_NEEDS.len(),
        "each of NUMBERED_FORMS needs its Needs in NUMBERED_NEEDS"
    );
    all.extend(NUMBERED_FORMS.iter().map(Regex::as_str).zip(NUMBERED_NEEDS));
    all
}

/// What each of [`NUMBERED_FORMS`] needs ([`Needs`]), in their order;
/// each has `{NUMBERED}` or `(?P<n>\d{1,2})`, a digit.
const NUMBERED_NEEDS: [Needs; 13] = [
    // `(?:actually|really|in\s+fact)`
    words_and_digit("actually|really|fact"),
    // `(?:change|amend|update|alter|switch|correct)`
    words_and_digit("change|amend|update|alter|switch|correct"),
    // `(?P<q>q(?:uestion)?…)`
    words_and_digit("q"),
    // `(?:the|my)\s+answer`
    words_and_digit("answer"),
    // `make`
    words_and_digit("make"),
    // `^(?:p…)`: only at the start, before the digit
    words_and_digit("^p"),
    // `{TAKE_BACK}`
    words_and_digit(TAKE_BACK),
    // `(?:forgot|forgotten|missed|left\s+out|skipped|omitted|didn'?t\s+answer)`
    words_and_digit("forgot|missed|left|skipped|omitted|didn"),
    // `wrong`
    words_and_digit("wrong"),
    // `(?:misread|misunderstood)`
    words_and_digit("misread|misunderstood"),
    // `add`
    words_and_digit("add"),
    // `make\s+that`
    words_and_digit("make"),
    // `(?:change|correction|update|amendment)`
    words_and_digit("change|correction|update|amendment"),
];

/// One set of `patterns`, to tell whether any matches.
fn gate(patterns: Vec<&str>) -> RegexSet {
    // Some twenty large patterns with Unicode classes: their lazy DFA
    // outgrows the default 2 MB cache over a few hundred replies, and a
    // cache cleared again and again rebuilds its states for every sentence
    // (12% of `bench_parse`'s samples, in `determinize`). 64 MB holds
    // them; the cache is allocated as states are built, not up front.
    RegexSetBuilder::new(patterns)
        .dfa_size_limit(64 << 20)
        .build()
        .expect("valid regexes")
}

/// Words that make a correction tentative: "I think 7 should be a yes",
/// "4 should probably be 6", "maybe 8 is a no after all", "3 might be a
/// yes". The answer given no longer stands, and the new one is not sure:
/// unclear, asked ("could you change 4 to 7" is a request, no hedge).
static HEDGED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:i\s+think|i\s+believe|i\s+guess|i\s+suppose|i\s+reckon|i\s+don'?t\s+think|maybe|perhaps|probably|possibly|might\s+(?:be|have|need)|could\s+(?:be|have\s+been)|may\s+(?:be|have\s+been)|not\s+(?:\w+\s+)?sure|unsure|not\s+certain)\b",
    )
    .expect("valid regex")
});

/// The correction in one sentence of the doctor's own, if it is one: the
/// question (0-based) and what it does. A new answer said tentatively
/// ([`HEDGED`]) only puts the old one in doubt.
pub(super) fn read(
    sentence: &str,
    questions: &[Question],
    index: &prose::Index,
) -> Option<(usize, Fix)> {
    let (q, fix) = read_plainly(sentence, questions, index)?;
    match fix {
        Fix::Value(_) | Fix::Restated(_) if HEDGED.is_match(sentence) => {
            Some((q, Fix::Doubted(sentence.trim().to_owned())))
        }
        fix => Some((q, fix)),
    }
}

fn read_plainly(
    sentence: &str,
    questions: &[Question],
    index: &prose::Index,
) -> Option<(usize, Fix)> {
    let by_number = |n: &str| {
        let n: usize = n.parse().ok()?;
        n.checked_sub(1).filter(|i| *i < questions.len())
    };
    // "number five should be a and c" reads as "number 5 ...".
    let spelt = SPELT_NUMBER.replace_all(sentence, |c: &regex::Captures<'_>| {
        let n = value::NUMBER_WORDS
            .iter()
            .position(|w| w.eq_ignore_ascii_case(&c[2]))
            .unwrap_or_default();
        format!("{} {n}", &c[1])
    });
    let noted = NUMBER_NOTE.replace_all(&spelt, "$1");
    let sentence: &str = &noted;
    if !maybe_correction(sentence) {
        return None;
    }
    if let Some(c) = DOUBT.captures(sentence) {
        let q = match (c.get(1), c.get(2)) {
            (Some(n), _) => by_number(n.as_str()),
            (None, Some(words)) => named(words.as_str(), questions.len(), index),
            _ => None,
        };
        if let Some(q) = q {
            return Some((q, Fix::Doubted(sentence.trim().to_owned())));
        }
    }
    if let Some(c) = DOUBT_HAVE.captures(sentence)
        && let Some(q) = named(&c[1], questions.len(), index)
    {
        return Some((q, Fix::Doubted(sentence.trim().to_owned())));
    }
    if let Some(c) = RETRACTION.captures(sentence) {
        let q = named(&c[1], questions.len(), index)?;
        return Some((q, retraction(&questions[q], sentence, &c[2])));
    }
    if let Some(c) = RECONSIDERED.captures(sentence)
        && let Some(q) = named(&c[1], questions.len(), index)
        && answers(&questions[q], &c[2].to_lowercase())
    {
        return Some((q, Fix::Value(c[2].to_lowercase())));
    }
    for form in [&*RECONSIDERED_SAID, &*ADJUSTED] {
        if let Some(c) = form.captures(sentence)
            && let Some(q) = named(&c[1], questions.len(), index)
        {
            let wanted = plainly(&trimmed(&c[2]));
            if let Some(wanted) = before_aside(&questions[q], &wanted) {
                return Some((q, Fix::Value(wanted)));
            }
        }
    }
    if let Some(c) = SAID_FOR.captures(sentence)
        && let Some(q) = named(&c[2], questions.len(), index)
    {
        let wanted = plainly(&trimmed(&c[1]));
        if answers(&questions[q], &wanted) {
            return Some((q, Fix::Value(wanted)));
        }
    }
    if let Some(c) = WROTE_INSTEAD.captures(sentence) {
        let q = named(&c[1], questions.len(), index)?;
        let wanted = plainly(&trimmed(&c[2]));
        return answers(&questions[q], &wanted).then_some((q, Fix::Value(wanted)));
    }
    if let Some(found) =
        judged(sentence, questions, index).or_else(|| number_then_so(sentence, questions, index))
    {
        return Some(found);
    }
    let (q, wanted) = if let Some(c) = CORRECTION.captures(sentence) {
        (by_number(&c[1])?, c.get(2)?.as_str())
    } else if let Some(c) = CORRECTION_BARE.captures(sentence) {
        (by_number(&c[1])?, c.get(2)?.as_str())
    } else if let Some(c) = CORRECTION_WORDS.captures(sentence) {
        (named(&c[1], questions.len(), index)?, c.get(2)?.as_str())
    } else if let Some(c) = CORRECTION_AFTER.captures(sentence) {
        (named(&c[2], questions.len(), index)?, c.get(1)?.as_str())
    } else if let Some(c) = CORRECTION_LISTED.captures(sentence) {
        // The numbered answer as written, like any listed answer.
        let n = c.get(2).or(c.get(3))?.as_str();
        let wanted = c.get(4)?.as_str().trim().to_owned();
        return Some((by_number(n)?, Fix::Value(wanted)));
    } else if let Some(found) = restated(sentence, questions) {
        return Some(found);
    } else if let Some(found) = numbered_form(sentence, questions) {
        return Some(found);
    } else if let Some(found) = words_should(sentence, questions, index) {
        return Some(found);
    } else {
        let c = CORRECTION_CLAUSE.captures(sentence)?;
        let q = by_number(&c[1])?;
        let wanted = plainly(&trimmed(c.get(2)?.as_str()));
        // A number alone names a question only when what follows answers
        // it: "so 7 should be yes", never "2 should be enough".
        return answers(&questions[q], &wanted).then_some((q, Fix::Value(wanted)));
    };
    // "Q3 should have been a yes, not a no": "a yes" is "yes".
    let wanted = plainly(&trimmed(wanted));
    (!wanted.is_empty()).then_some((q, Fix::Value(wanted)))
}

/// The [`RESTATED`] form: "so 7 is a yes after all" with a word of
/// correction anywhere in the sentence ("I've got 7 wrong - ..., so 7 is
/// a yes") is a correction; without one ("PS 7 is a yes") the answer said
/// again. Not when the sentence names another question's number in a
/// correction of its own, nor before words that are no plain reason ("7
/// is a no brainer").
fn restated(sentence: &str, questions: &[Question]) -> Option<(usize, Fix)> {
    let c = RESTATED.captures(sentence)?;
    let n: usize = c["n"].parse().ok()?;
    let q = n.checked_sub(1).filter(|i| *i < questions.len())?;
    if !matches!(questions[q].kind, QuestionKind::YesNo) || !RESTATED_AFTER.is_match(&c["after"]) {
        return None;
    }
    let other = NUMBERED_FORMS
        .iter()
        .filter_map(|r| r.captures(sentence))
        .any(|o| o["n"].parse::<usize>().ok() != Some(n));
    if other {
        return None;
    }
    let wanted = c["v"].to_lowercase();
    if CORRECTING_WORD.is_match(sentence) {
        Some((q, Fix::Value(wanted)))
    } else {
        Some((q, Fix::Restated(wanted)))
    }
}

/// The [`JUDGED`] form, when its words name one question and the new
/// answer reads as its answer.
fn judged(sentence: &str, questions: &[Question], index: &prose::Index) -> Option<(usize, Fix)> {
    let c = JUDGED.captures(sentence)?;
    let q = named(&c[1], questions.len(), index)?;
    let wanted = plainly(&trimmed(&c[2]));
    answers(&questions[q], &wanted).then_some((q, Fix::Value(wanted)))
}

/// The [`NUMBER_THEN_SO`] form, when its reason names no question but
/// the one by number, and the new answer reads as its answer.
fn number_then_so(
    sentence: &str,
    questions: &[Question],
    index: &prose::Index,
) -> Option<(usize, Fix)> {
    let c = NUMBER_THEN_SO.captures(sentence)?;
    let n: usize = c[1].parse().ok()?;
    let q = n.checked_sub(1).filter(|i| *i < questions.len())?;
    if index.naming(&c[2]).iter().any(|&other| other != q) {
        return None;
    }
    let wanted = plainly(&trimmed(&c[3]));
    answers(&questions[q], &wanted).then_some((q, Fix::Value(wanted)))
}

/// The [`WORDS_SHOULD`] form, when its words name one question and what
/// follows answers it.
fn words_should(
    sentence: &str,
    questions: &[Question],
    index: &prose::Index,
) -> Option<(usize, Fix)> {
    let c = WORDS_SHOULD.captures(sentence)?;
    let q = named(c.get(1).or(c.get(2))?.as_str(), questions.len(), index)?;
    let wanted = plainly(&trimmed(&c[3]));
    answers(&questions[q], &wanted).then_some((q, Fix::Value(wanted)))
}

/// The new answer, or the part of it before an aside ("7 please, I was
/// being generous", "6 - I haven't prescribed it for a year"), when that
/// part answers `question` on its own.
fn before_aside(question: &Question, wanted: &str) -> Option<String> {
    let cut = [",", ";", " - ", " – ", " — ", " ("]
        .iter()
        .filter_map(|sep| wanted.find(sep))
        .min();
    if let Some(cut) = cut {
        let head = wanted[..cut].trim();
        let head = head.strip_suffix(" please").unwrap_or(head).trim();
        if answers(question, head) {
            return Some(head.to_owned());
        }
    }
    answers(question, wanted).then(|| wanted.to_owned())
}

/// Does `wanted` read as an answer to `question` (never free text, never
/// a count such as "5 consultants")? A question named only by a bare
/// number or by "should be" must pass this.
fn answers(question: &Question, wanted: &str) -> bool {
    let counted = matches!(
        question.kind,
        QuestionKind::Scale { .. } | QuestionKind::Number { .. }
    ) && value::counts(wanted).1 > 0;
    !matches!(question.kind, QuestionKind::Text)
        && !counted
        && value::read(question, wanted).status == Status::Ok
}

/// The answer without the words that say it: "it's yes" is "yes", "a
/// no" is "no", "actually 8" is "8", "a 6" is "6" (an article before a
/// number: "make 4 a 6"; "a" alone or before words is an option's letter).
fn plainly(wanted: &str) -> String {
    let Some(c) = SAYING.captures(wanted) else {
        return wanted.to_owned();
    };
    let end = c.get(0).map_or(0, |m| m.end());
    let said = match c.get(1) {
        Some(yes_no) => format!("{}{}", yes_no.as_str(), &wanted[end..]),
        None => wanted[end..].to_owned(),
    };
    let numbered = ["a ", "an ", "A ", "An "]
        .iter()
        .find_map(|article| said.strip_prefix(article))
        .filter(|rest| rest.starts_with(|c: char| c.is_ascii_digit()));
    numbered.map(str::to_owned).unwrap_or(said)
}

/// One of [`NUMBERED_FORMS`], if the sentence is one: a bare number (no
/// "Q" or "question") only before an answer that reads; "I got 7 wrong"
/// with nothing readable after it takes the answer back.
fn numbered_form(sentence: &str, questions: &[Question]) -> Option<(usize, Fix)> {
    let (form, c) = NUMBERED_FORMS
        .iter()
        .enumerate()
        .find_map(|(i, r)| r.captures(sentence).map(|c| (i, c)))?;
    let n: usize = c["n"].parse().ok()?;
    let q = n.checked_sub(1).filter(|i| *i < questions.len())?;
    let question = &questions[q];
    let wanted = plainly(&trimmed(&c["v"]));
    // "make 4 a 6 – that 8 was wishful thinking": the new answer before
    // an aside, when the aside offers no alternative.
    let wanted = match aside_kept(question, &wanted) {
        Some(head) => head,
        None => wanted,
    };
    // "make 4 something lower - the 9 was optimistic": a number inside
    // words is no new score.
    let numbered = matches!(
        question.kind,
        QuestionKind::Scale { .. } | QuestionKind::Number { .. }
    );
    let opens_with_number = wanted.split_whitespace().next().is_some_and(|w| {
        w.starts_with(|c: char| c.is_ascii_digit())
            || value::NUMBER_WORDS.contains(&w.to_lowercase().as_str())
    });
    if answers(question, &wanted) && (!numbered || opens_with_number) {
        // "PS: 9 - yes" with no word of correction says an answer (again):
        // it must agree with one given before.
        if form == PS_FORM && !CORRECTING_WORD.is_match(sentence) {
            return Some((q, Fix::Restated(wanted)));
        }
        return Some((q, Fix::Value(wanted)));
    }
    // "Forgot the last one – 10: a regional register would help": the
    // comment left out, as its numbered line would give it.
    if form == FORGOT_FORM && matches!(question.kind, QuestionKind::Text) && !wanted.is_empty() {
        return Some((q, Fix::Value(c["v"].trim().to_owned())));
    }
    let lower = sentence.to_lowercase();
    let got_wrong = ["wrong", "misread", "misunderstood"]
        .iter()
        .any(|w| lower.contains(w))
        || TAKEN_BACK.is_match(&lower);
    if c.name("q").is_some() && !wanted.is_empty() && !matches!(question.kind, QuestionKind::Text) {
        // "Re question 7 - not sure now": the answer is in doubt, asked.
        return Some((q, Fix::Value(wanted)));
    }
    got_wrong.then(|| (q, Fix::Retracted(sentence.trim().to_owned())))
}

/// The new answer before an aside ([`before_aside`]) when the whole does
/// not read as an answer and the aside offers no other ("or", a
/// question mark): "a 6 – that 8 was wishful thinking" is 6, "6 – or 7"
/// nothing.
fn aside_kept(question: &Question, wanted: &str) -> Option<String> {
    if answers(question, wanted) || wanted.contains('?') {
        return None;
    }
    let words = value::plain_words(wanted);
    if words.iter().any(|w| w == "or" || w == "either") {
        return None;
    }
    before_aside(question, wanted).filter(|head| head.len() < wanted.len())
}

/// The new answer of a correction: the old one ("not 7", "rather than
/// 5 - …"), closing punctuation and a last "please" taken off.
fn trimmed(wanted: &str) -> String {
    let wanted = NOT_THAT.replace(wanted, "");
    let wanted = wanted.trim().trim_end_matches(['.', '!', ',']).trim();
    let unasked = wanted.len()
        - wanted
            .rsplit(' ')
            .next()
            .filter(|w| w.eq_ignore_ascii_case("please") && *w != wanted)
            .map_or(0, str::len);
    wanted[..unasked]
        .trim()
        .trim_end_matches(['.', '!', ','])
        .trim()
        .to_owned()
}

/// An answer taken back: the new answer when the rest of the sentence
/// reads as one ("we do have one - it was ratified in November"),
/// otherwise nothing to count.
fn retraction(question: &Question, sentence: &str, rest: &str) -> Fix {
    let rest = rest.trim().trim_end_matches(['.', '!']).trim();
    // "Ignore my answer to 8 - make it a yes": the new answer after a
    // correcting verb.
    // "..., it's a no": the words after it first, then the whole rest
    // ("it is needed" reads as a yes as it stands).
    let made = MAKE_IT.replace(rest, "");
    let made = (made.len() < rest.len()).then(|| plainly(made.trim()));
    let reads = |text: &str| {
        !text.is_empty()
            && !matches!(question.kind, QuestionKind::Text)
            && value::read(question, text).status == Status::Ok
    };
    match made.into_iter().chain([rest.to_owned()]).find(|t| reads(t)) {
        Some(text) => Fix::Value(text),
        None => Fix::Retracted(sentence.trim().to_owned()),
    }
}

/// The question a correction names: "question 6", "no. 6", "6" or its
/// words, which must fit exactly one question.
fn named(label: &str, questions: usize, index: &prose::Index) -> Option<usize> {
    let label = label.trim();
    let number = label
        .trim_start_matches(|c: char| !c.is_ascii_digit())
        .trim_end_matches(['.', ')']);
    let prefix = label[..label.len() - number.len()].trim().to_lowercase();
    if !number.is_empty()
        && [
            "",
            "question",
            "q",
            "no",
            "no.",
            "number",
            "#",
            "question no.",
        ]
        .contains(&prefix.as_str())
    {
        let n: usize = number.parse().ok()?;
        return n.checked_sub(1).filter(|i| *i < questions);
    }
    match index.label(label) {
        prose::Tie::One(q) => Some(q),
        _ => None,
    }
}

/// "Sorry, b) should be 2", "4b should be 3", "PS (c) I meant 5": one
/// item of a grid corrected, by its letter, with the grid's number or
/// without it (then the grid is the question answered just before).
static ITEM_CORRECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\W*(?:(?:sorry|oops|so|and|also|but|ps|p\.s\.|correction|actually)\b[\s,:;–—-]*)*(?:(?:question|q|no\.?)\s*)?(\d{1,2})?\s*\(?([a-z])\)?\s+(?:should\s+(?:be|have\s+been|read|say)|(?:was|is)\s+meant\s+to\s+(?:be|say)|i\s+meant)\s*:?\s*(\S.*)$",
    )
    .expect("valid regex")
});

/// "Sorry, I meant b) 2", "make that b 2", "4b: I meant 3": the verb
/// first, then the item's letter and its new value.
static ITEM_MEANT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\W*(?:(?:sorry|oops|so|and|also|but|ps|p\.s\.|correction|actually)\b[\s,:;–—-]*)*(?:(\d{1,2})\s*)?(?:i\s+meant|make\s+(?:that|it))\s+\(?([a-z])\)?\s*(?:[:=-]\s*|as\s+|to\s+)?(\S.*)$",
    )
    .expect("valid regex")
});

/// "So 2 is a, and 10 is March 2024": a question by its number and "is"
/// (or "would be", "=") at the start of a clause, the answer up to the
/// next such clause.
static DEPENDANT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^\W*|[,;:]\s*|\b(?:so|and|then|also|which\s+means|meaning)\s+)(?:(?:question|q|no\.?|number)\s*)?(\d{1,2})\s*(?:is|would\s+be|will\s+be|=|:)\s+",
    )
    .expect("valid regex")
});

/// After a correction of `gate`, a question that others' conditions
/// test ("Sorry - 1 should be yes"), the sentences that answer the
/// questions depending on it by number: "So 2 is a, and 10 is March
/// 2024". Only questions whose condition tests `gate`, and only answers
/// that read as answers to them (never free text); "so 2 is enough" is
/// none.
pub(super) fn dependants(sentence: &str, questions: &[Question], gate: usize) -> Vec<(usize, Fix)> {
    let gate_id = questions[gate].id.as_str();
    let starts: Vec<(usize, usize, usize)> = DEPENDANT
        .captures_iter(sentence)
        .filter_map(|c| Some((c.get(0)?.start(), c.get(0)?.end(), c[1].parse().ok()?)))
        .collect();
    let mut out = Vec::new();
    for (at, &(_, end, n)) in starts.iter().enumerate() {
        let stop = starts.get(at + 1).map_or(sentence.len(), |next| next.0);
        let Some(q) = n.checked_sub(1).filter(|q| *q < questions.len()) else {
            continue;
        };
        let depends = questions[q]
            .show_if
            .as_ref()
            .is_some_and(|s| s.condition.questions().contains(&gate_id));
        let wanted = plainly(&trimmed(&sentence[end..stop]));
        if depends && answers(&questions[q], &wanted) {
            out.push((q, Fix::Value(wanted)));
        }
    }
    out
}

/// One grid item corrected by its letter ([`ITEM_CORRECTION`], [`ITEM_MEANT`]): the grid
/// is the question numbered, or, without a number, `context` (the
/// question answered just before the sentence); it must be a grid with
/// that item, and the new value must read as the item's answer. The fix
/// is `b) 2`, which replaces that item only.
pub(super) fn item(
    sentence: &str,
    questions: &[Question],
    context: Option<usize>,
) -> Option<(usize, Fix)> {
    let sentence = sentence.trim();
    let c = ITEM_CORRECTION
        .captures(sentence)
        .or_else(|| ITEM_MEANT.captures(sentence))?;
    let q = match c.get(1) {
        Some(n) => n.as_str().parse::<usize>().ok()?.checked_sub(1)?,
        None => context?,
    };
    let question = questions.get(q)?;
    let letter = c[2].to_ascii_lowercase();
    let index = usize::from(letter.as_bytes()[0] - b'a');
    let item = question.answered_questions().into_iter().nth(index)?;
    if !matches!(question.kind, QuestionKind::Grid { .. }) {
        return None;
    }
    let wanted = plainly(&trimmed(&c[3]));
    matches!(
        value::read(&item, &wanted).status,
        Status::Ok | Status::Invalid
    )
    .then(|| (q, Fix::Value(format!("{letter}) {wanted}"))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gate_with_ascii_boundaries_matches_as_the_unicode_one() {
        assert_eq!(
            ascii_boundaries(r"(?i)\bno\b\\b\s"),
            r"(?i)(?-u:\b)no(?-u:\b)\\b\s"
        );
        // Sentences whose only characters beyond ASCII are not word
        // characters; then two with word characters beyond ASCII, searched
        // with the Unicode boundaries.
        for sentence in [
            "Sorry \u{2013} 7 should be yes",
            "I\u{2019}ve realised 4 should be 6\u{a0}not 8",
            "so 3\u{2019}s a no after all \u{201c}really\u{201d}",
            "Q4 \u{2014} put 7",
            "nothing\u{2019}s changed here",
        ] {
            assert_eq!(
                ANY_ASCII_BOUNDARIES.is_match(sentence),
                ANY.is_match(sentence),
                "{sentence}"
            );
        }
        for sentence in ["caf\u{e9} 7 should be yes", "\u{e9}7 should be yes"] {
            assert_eq!(
                maybe_correction(sentence),
                ANY.is_match(sentence),
                "{sentence}"
            );
        }
        assert!(maybe_correction("Sorry \u{2013} 7 should be yes"));
        assert!(!maybe_correction("nothing\u{2019}s changed here"));
    }

    #[test]
    fn every_match_of_a_form_has_what_it_needs() {
        // The forms' own examples, and some with the Kelvin sign and the
        // long s, which `(?i)` folds to k and s.
        let sentences = [
            "for question 4 I meant 8",
            "PS: so 7 should be yes",
            "on the confidence question, make that 7 rather than 5",
            "make that 8 for the confidence one",
            "scratch what I said about the written protocol, we do have one",
            "For 4 I meant 6",
            "for no. 3 it should be no",
            "For the research question my answer should be no",
            "change it to no for question 3",
            "meant to put 8 for question 4, not 6",
            "please put me down as 5 for confidence, not 8",
            "PS 6 should have been no",
            "ignore my answer to question 6",
            "One more change, sorry: 8. no - on reflection",
            "correction: Q6 yes",
            "Q7 is actually yes",
            "change 7 to yes",
            "please amend my answer to question 4 to 8",
            "re question 7 - it is yes",
            "the answer to 7 is yes",
            "I got 7 wrong, it's yes",
            "make 4 a 6",
            "PS: 9 - yes",
            "Forgot the last one \u{2013} 10: a regional register would help",
            "for 5 please add side effects as well, so b and c",
            "Correction to 6: yes - we have one",
            "scrap 6 - we do have one",
            "misread 5, it should be yes",
            "The confidence should be 8",
            "the protocol question is actually a yes",
            "change my answer to the protocol question to yes",
            "Not sure about 6 actually",
            "I'm not so sure about the community guidance one now",
            "Not sure we actually have a protocol",
            "Just noticed I put 4 for confidence \u{2013} it should be 6",
            "I wrote no against the training question, when it should have been yes",
            "My confidence score of 8 is generous \u{2013} please make it 6",
            "On 6 \u{2013} I have checked with our pharmacist, so that one should be No",
            "Having re-read the questions, the research one is a no from me",
            "on second thoughts, question 8 is a yes",
            "I'd downgrade my confidence to 6",
            "could you lower question 4 to 7",
            "I should have said no to question 2",
            "Having re-read question 3, I should have said yes",
            "So 7 is a yes after all",
            "8\u{2019}s a yes",
            "\u{17f}o 7 \u{17f}hould be yes",
            "I'm un\u{17f}ure about 6",
            "ma\u{212a}e that 8 for the confidence one",
            "\u{17f}crap 6 - we do have one",
        ];
        let forms: Vec<(Regex, Regex)> = every_form()
            .into_iter()
            .map(|(form, needs)| {
                let words = if needs.digit {
                    format!(r"(?is)\d.*(?:{0})|(?:{0}).*\d", needs.words)
                } else {
                    format!("(?is){}", needs.words)
                };
                (Regex::new(form).unwrap(), Regex::new(&words).unwrap())
            })
            .collect();
        for sentence in sentences {
            let mut matched = false;
            for (form, needs) in &forms {
                if form.is_match(sentence) {
                    matched = true;
                    assert!(needs.is_match(sentence), "{form}: {sentence}");
                }
            }
            assert!(matched, "no form: {sentence}");
            assert!(NEEDED.is_match(sentence), "{sentence}");
            assert!(maybe_correction(sentence), "{sentence}");
        }
        for sentence in [
            "We have 2 consultants and a nurse",
            "Thanks, all done.",
            "3. No, we rely on the hospital team",
            "I have used it for 7 years",
        ] {
            assert!(!NEEDED.is_match(sentence), "{sentence}");
            assert!(!ANY.is_match(sentence), "{sentence}");
        }
    }

    #[test]
    fn one_grid_item_corrected_by_its_letter() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config/seed-full.toml");
        let survey = crate::survey::Survey::load(&path).expect("loads");
        let grid = Some(3);
        for (sentence, context, want) in [
            ("sorry, b) should be 2", grid, Some((3, "b) 2"))),
            ("Sorry - b should be 2.", grid, Some((3, "b) 2"))),
            ("4b should be 3", None, Some((3, "b) 3"))),
            ("PS (c) I meant 5", grid, Some((3, "c) 5"))),
            ("sorry, I meant b) 2", grid, Some((3, "b) 2"))),
            ("make that c 4", grid, Some((3, "c) 4"))),
            ("I meant a", grid, None),
            ("oops, c) should have been 4 not 2", grid, Some((3, "c) 4"))),
            // Without a number, only right after the grid's answer.
            ("sorry, b) should be 2", None, None),
            ("sorry, b) should be 2", Some(5), None),
            // A letter the grid does not have, a value that does not read.
            ("sorry, d) should be 2", grid, None),
            ("b) should be fine", grid, None),
            // The ranking is no grid.
            ("6b should be 2", None, None),
        ] {
            let got = item(sentence, &survey.questions, context);
            let want = want.map(|(q, v)| (q, Fix::Value(v.to_owned())));
            assert_eq!(got, want, "{sentence}");
        }
    }

    fn fix(sentence: &str) -> Option<(usize, Fix)> {
        let survey = crate::survey::example();
        let index = prose::Index::new(&survey.questions);
        read(sentence, &survey.questions, &index)
    }

    fn value(q: usize, text: &str) -> Option<(usize, Fix)> {
        Some((q, Fix::Value(text.to_owned())))
    }

    #[test]
    fn corrections_by_number_and_by_words() {
        assert_eq!(
            fix("Sorry, for question 4 I meant 8, not 7."),
            value(3, "8")
        );
        assert_eq!(fix("PS: sorry, for 4 I meant 6"), value(3, "6"));
        // Asked for: "please put", never "I put" (what was written).
        for sentence in [
            "For question 4 please put 5 rather than 7, I was being generous to myself.",
            "for Q4 please put 5 instead of 7",
            "For the confidence one could you put 5 please",
            "for 4 please put me down as 5",
        ] {
            assert_eq!(fix(sentence), value(3, "5"), "{sentence}");
        }
        assert_eq!(fix("For question 4 I put 8, is that right?"), None);
        assert_eq!(
            fix("we do have shared guidance after all – so 7 should be yes."),
            value(6, "yes")
        );
        assert_eq!(
            fix("PS on the confidence question, make that 7 rather than 5 - I was too modest"),
            value(3, "7")
        );
        assert_eq!(
            fix("P.S. re the confidence question – make that 8 rather than 6, I use it weekly."),
            value(3, "8")
        );
        assert_eq!(fix("Make that 8 for the confidence one."), value(3, "8"));
        assert_eq!(
            fix("Apologies - on reflection please put me down as 6 for confidence, not 9."),
            value(3, "6")
        );
        assert_eq!(fix("I put myself down as 6 for confidence."), None);
        assert_eq!(
            fix("Oops - meant to put 5 for question 4, not 3."),
            value(3, "5")
        );
        assert_eq!(
            fix("I meant to say no for the research one rather than yes"),
            value(8, "no")
        );
        assert_eq!(fix("I meant to put this for now"), None);
        assert_eq!(
            fix("One more change, sorry: 8. no - on reflection we had training"),
            value(7, "no - on reflection we had training")
        );
        assert_eq!(fix("Some changes to my plans: 2 weeks off"), None);
        for (sentence, q, want) in [
            ("PS Q7 is actually yes", 6, "yes"),
            ("PS: 7 is actually a yes.", 6, "yes"),
            ("Sorry - change 7 to yes.", 6, "yes"),
            ("Please change 7 from no to yes", 6, "yes"),
            ("P.S. Please amend my answer to question 4 to 8.", 3, "8"),
            ("Re question 7 - it is yes, not no.", 6, "yes"),
            ("Oops, I got 7 wrong, it's yes.", 6, "yes"),
            ("On reflection, the answer to 7 is yes.", 6, "yes"),
            (
                "Correction to 6: yes - we found it on the intranet.",
                5,
                "yes - we found it on the intranet",
            ),
            ("PS the confidence should be 8", 3, "8"),
            ("Actually make 6 a yes.", 5, "yes"),
            ("PS: 9 - yes, sorry", 8, "yes, sorry"),
            ("One correction - Q2 yes.", 1, "yes."),
            ("PS ignore 7, we don't have any.", 6, "we don't have any"),
            ("Sorry, 6 was meant to be yes", 5, "yes"),
            ("I misread 6 - it should be yes", 5, "yes"),
            ("The protocol question is actually a yes", 5, "yes"),
            (
                "Just realised I put 3 for confidence - it should be 5.",
                3,
                "5",
            ),
            (
                "I wrote no against the training question, when it should have been yes.",
                7,
                "yes",
            ),
            ("Oops, number five should be a and c.", 4, "a and c"),
            ("And question eight should have been no.", 7, "no"),
            ("Q3 should have been a yes, not a no.", 2, "yes"),
            (
                "On second thoughts, the training one is a yes from me.",
                7,
                "yes",
            ),
            ("Having re-read it, question 6 is a no.", 5, "no"),
            ("Please disregard my answer to 6, make that a no.", 5, "no"),
            (
                "Can I change my answer to the protocol question to yes",
                5,
                "yes",
            ),
        ] {
            assert_eq!(fix(sentence), value(q, want), "{sentence}");
        }
        assert_eq!(
            fix("I got 6 wrong."),
            Some((5, Fix::Retracted("I got 6 wrong.".into())))
        );
        assert_eq!(
            fix("Not sure about 6 actually, I will check."),
            Some((
                5,
                Fix::Doubted("Not sure about 6 actually, I will check.".into())
            ))
        );
        assert_eq!(
            fix("I'm not so sure about the community guidance one now."),
            Some((
                6,
                Fix::Doubted("I'm not so sure about the community guidance one now.".into())
            ))
        );
        assert_eq!(fix("I'm not sure about the value of ketamine."), None);
        for doubt in [
            "Actually not sure we have a protocol, it may still be in draft",
            "I'm not sure if we really have a written protocol - I'll check.",
        ] {
            assert_eq!(fix(doubt), Some((5, Fix::Doubted(doubt.into()))), "{doubt}");
        }
        assert_eq!(
            fix("The training one is a yes from me."),
            None,
            "no word of reconsidering: a contradiction, not a correction"
        );
        // A bare number or "should be" before no answer: no correction.
        for sentence in [
            "2 is actually quite a lot",
            "change 2 to something else",
            "the protocol should be reviewed",
            "the training should be mandatory for all of us",
            "we will change 4 to 5 consultants next year",
            "make 2 copies for the team",
            "please ignore 2 of my colleagues",
        ] {
            assert_eq!(fix(sentence), None, "{sentence}");
        }
    }

    #[test]
    fn an_answer_said_again_by_its_number() {
        // With a word of correction: a correction.
        for (sentence, q, wanted) in [
            (
                "I've just checked with our CNS and we did agree shared guidance in the autumn, so 7 is a yes after all.",
                6,
                "yes",
            ),
            (
                "PS sorry, I've got 7 wrong – we signed it off in the summer, so 7 is a yes.",
                6,
                "yes",
            ),
            ("Apologies, I read 9 wrong – so 9 is a yes.", 8, "yes"),
            ("So Q6 is a no now.", 5, "no"),
        ] {
            assert_eq!(fix(sentence), value(q, wanted), "{sentence}");
        }
        // Without one: said again, to agree with the answer given.
        assert_eq!(
            fix("PS 7 is a yes."),
            Some((6, Fix::Restated("yes".into())))
        );
        assert_eq!(
            fix("PS so 7 is a yes, just to be clear."),
            Some((6, Fix::Restated("yes".into())))
        );
        // Not an answer, not a yes/no question, or a tentative one.
        assert_eq!(fix("Question 7 is a no brainer"), None);
        assert_eq!(fix("So 4 is a yes"), None);
        assert_eq!(
            fix("I think question 7 should be a yes."),
            Some((
                6,
                Fix::Doubted("I think question 7 should be a yes.".into())
            ))
        );
        assert_eq!(
            fix("Maybe 8 is a no after all."),
            Some((7, Fix::Doubted("Maybe 8 is a no after all.".into())))
        );
        assert_eq!(fix("Could you change 4 to 7 please"), value(3, "7"));
    }

    #[test]
    fn answers_taken_back_together() {
        for (sentence, expected) in [
            ("Sorry, I got 6 and 7 wrong.", &[5, 6][..]),
            ("Please ignore 3, 4 and 5 - I need to check.", &[2, 3, 4]),
            ("Answers 8 and 9 were both wrong", &[7, 8]),
            ("I made a mistake on question 7", &[6]),
            ("3 of our 5 consultants use it", &[]),
            ("Ignore 6 and 12", &[]),
        ] {
            assert_eq!(taken_back(sentence, 10), expected, "{sentence}");
        }
    }

    #[test]
    fn a_number_alone_names_a_question_only_before_an_answer_to_it() {
        assert_eq!(fix("I think 2 should be enough for most patients."), None);
        assert_eq!(fix("so 2 should be enough"), None);
        assert_eq!(
            fix("so 10 should be fine"),
            None,
            "free text is never corrected by a bare number"
        );
        assert_eq!(fix("and 12 should be yes"), None, "no question 12");
    }

    #[test]
    fn scores_moved_said_forgotten_and_swapped() {
        for (sentence, q, wanted) in [
            (
                "Thinking about it more, I'd downgrade my confidence to 6 - I haven't prescribed it lately",
                3,
                "6",
            ),
            (
                "Could you lower question 4 to 7 please, I was being generous",
                3,
                "7",
            ),
            ("I would bump my confidence up to 8", 3, "8"),
            (
                "Having re-read question 3, I should have said yes - I did cut the dose",
                2,
                "yes",
            ),
            ("Looking again at question 6, I should have put no", 5, "no"),
            ("I should have said no to question 2 as well", 1, "no"),
            (
                "for question 8 (training) please change my answer to yes",
                7,
                "yes",
            ),
            ("One change please: for Q4 (confidence) make that 6", 3, "6"),
            ("PS forgot 5 - a and b", 4, "a and b"),
            ("I missed question 4 - 7", 3, "7"),
        ] {
            assert_eq!(
                fix(sentence),
                Some((q, Fix::Value(wanted.to_owned()))),
                "{sentence}"
            );
        }
        assert_eq!(fix("I'd lower my expectations to be honest"), None);
        assert_eq!(fix("PS forgot 5 - sorry!"), None);
        assert_eq!(
            swapped("Oh - I got 6 and 7 the wrong way round", 10),
            Some((5, 6))
        );
        assert_eq!(swapped("Sorry, I mixed up 2 and 3", 10), Some((1, 2)));
        assert_eq!(
            swapped("PS answers 8 and 9 are the wrong way round", 10),
            Some((7, 8))
        );
        assert_eq!(swapped("I swapped Q2 and Q3 by mistake", 10), Some((1, 2)));
        assert_eq!(swapped("2 and 3 are the same for us", 10), None);
        assert_eq!(swapped("I mixed up 12 and 13", 10), None);
    }

    #[test]
    fn an_answer_judged_then_made_new_and_a_reason_then_so() {
        for (sentence, q, wanted) in [
            (
                "Looking back, my confidence score of 7 is optimistic – please make it 5.",
                3,
                "5",
            ),
            (
                "The research answer was hasty, so change it to yes",
                8,
                "yes",
            ),
            (
                "On 7 – our community team told me the guidance was never finished, so that one should be no.",
                6,
                "no",
            ),
            (
                "PS re Q2: we have done it twice, so it should be yes",
                1,
                "yes",
            ),
            (
                "Forgot the last one – 10: a regional register would help.",
                9,
                "a regional register would help.",
            ),
            (
                "Forgot 10: more training days please",
                9,
                "more training days please",
            ),
        ] {
            assert_eq!(fix(sentence), value(q, wanted), "{sentence}");
        }
        for sentence in [
            // Nobody asks for the change; the new answer does not read.
            "My confidence score of 7 is optimistic – my registrar would make it 5.",
            "The protocol is being rewritten – please make it a priority.",
            // Another question in the reason, or a number: which one?
            "On 6 – the community guidance was withdrawn too, so that one should be no.",
            "On 6 – and 7 as well, so that one should be no.",
            // A comment on a question that is not free text.
            "Forgot the last one – 4: hard to say",
            // Hedged: no request, the reply asks.
            "My confidence score of 7 is optimistic – maybe make it 5.",
        ] {
            assert_eq!(fix(sentence), None, "{sentence}");
        }
        // A hedge after the request: never a new answer.
        assert!(!matches!(
            fix("My confidence score of 7 is optimistic – please make it 5, I think."),
            Some((_, Fix::Value(_)))
        ));
    }

    #[test]
    fn corrections_in_everyday_words() {
        // A bare "put" after the question it is for, by "number N".
        for (sentence, q, wanted) in [
            (
                "Hold on - for number 4 put 5 not 7, I mixed it up with methadone.",
                3,
                "5",
            ),
            ("For no. 4 put down 3 instead of 6", 3, "3"),
            // A number straight after a word of noticing.
            (
                "PS just realised 2 should be yes - we did it twice in the autumn.",
                1,
                "yes - we did it twice in the autumn",
            ),
            ("Sorry, only noticed now that 6 should be no", 5, "no"),
        ] {
            assert_eq!(fix(sentence), value(q, wanted), "{sentence}");
        }
        // "Scratch that on 8": the answer taken back; a new one after it.
        assert_eq!(
            fix("PS scratch that on 7, it's a no - we never got it signed off."),
            value(6, "no - we never got it signed off")
        );
        assert!(matches!(
            fix("Scrap that on 9, I need to think about it"),
            Some((8, Fix::Retracted(_)))
        ));
        // Not a correction: a plan, or a number that is no question.
        assert_eq!(fix("For number 4 we put most patients on 5 mg"), None);
        assert_eq!(fix("I realised 20 should be the maximum dose"), None);
    }

    #[test]
    fn a_number_noted_and_a_score_changed() {
        assert_eq!(
            fix("One change: for 7 (community guidance), please put yes."),
            value(6, "yes")
        );
        assert_eq!(
            fix("Please change my confidence from 7 to 5, and add side effects to the barriers."),
            value(3, "5")
        );
        // A plan to change something is no answer.
        assert_eq!(
            fix("We plan to change the protocol to include ketamine."),
            None
        );
    }

    #[test]
    fn make_one_number_another() {
        for sentence in [
            "Actually make 4 a 6 – that 8 was wishful thinking.",
            "Actually make that 4 a 6.",
            "Sorry, change 4 to a 6.",
            "Actually 4 should be a 6.",
            "On reflection 4 should be a 6.",
            "make 4 a 6, not 8",
        ] {
            assert_eq!(fix(sentence), value(3, "6"), "{sentence}");
        }
        // An aside that offers another answer: the new one is not clear.
        assert_ne!(fix("Actually make 4 a 6 – or a 7."), value(3, "6"));
        assert_ne!(fix("Actually make 4 a 6 – maybe 7?"), value(3, "6"));
        // "a" alone or before words is an option's letter.
        assert_eq!(fix("Actually make 5 a and c."), value(4, "a and c"));
        // A number inside words is no new score.
        assert_eq!(
            fix("Actually make 4 something lower - the 9 was optimistic."),
            None
        );
    }

    #[test]
    fn a_change_no_form_reads_puts_the_answer_in_doubt() {
        let survey = crate::survey::example();
        let q = &survey.questions;
        for (sentence, expected) in [
            ("Hang on, for number 4 go with 6 and not 8.", &[3][..]),
            ("Sorry - Q7 was a slip of the finger.", &[6]),
            ("Actually I've misread 2, ignore it.", &[]),
            ("Oops, 3 should probably read no to be honest", &[2]),
            ("On reflection the answer on 6 - I'm not so certain.", &[5]),
            ("On reflection I'm less sure about 6.", &[5]),
            // No word of change, a question, a number that is no question.
            ("For question 4 I went with my gut.", &[]),
            ("Should I answer 4 again?", &[]),
            ("Sorry we started 2 patients on it.", &[]),
            ("Sorry, about 20 patients a year.", &[]),
            ("Sorry for the delay with question 4 - busy week.", &[]),
            ("Apologies for the late reply on 6.", &[]),
            // A doubt is a change not made yet.
            (
                "PS not sure I've got 8 right, I'll check with pharmacy.",
                &[7],
            ),
            ("Not 100% sure about question 6, will double-check.", &[5]),
            ("Sorry, I've just noticed I put 6 down as no.", &[5]),
            // Doubt in general words, not a change yet.
            (
                "Come to think of it, question 3 was probably the registrar's call.",
                &[2],
            ),
            ("For 6 - as far as I know, but check with pharmacy.", &[5]),
            ("I can't be certain about number 8, it was years ago.", &[7]),
            ("What I put for question 4 was a guess.", &[3]),
            (
                "PS Reading 4 again on my way out: 6 is nearer the mark than 8.",
                &[3],
            ),
            (
                "Having thought about 4 some more, I'm probably nearer a 3 for anything complicated.",
                &[3],
            ),
            ("Sorry, I thought about 4 patients in particular.", &[]),
            (
                "Sorry, I've just noticed I skipped number 9 this morning.",
                &[],
            ),
            ("Realised I forgot to answer 8, sorry.", &[]),
            (
                "Mine are the same as his apart from 4, where I'd put myself at 6.",
                &[3],
            ),
            ("Same as my colleague's except for question 7.", &[6]),
            ("Yes to all except 2 and 7.", &[]),
            (
                "Having reread that, 4 is more honestly a 5 - please use 5.",
                &[3],
            ),
            (
                "Now I think of it, the man I had in mind for 1 may have been earlier - probably no.",
                &[0],
            ),
            ("Sorry, 2 patients may have been missed.", &[]),
            ("We cover everything except 2 patients a week.", &[]),
            ("Sorry, I skipped 9 and 4 should be 6.", &[3]),
            // A comment may say anything.
            ("Sorry, for 10 I meant to add more.", &[]),
            // A verb of change before the number, whatever follows.
            ("Actually make 4 a six, that 8 was wishful thinking.", &[3]),
            ("Sorry, change 4 to something lower - 8 was generous.", &[3]),
            ("Oops, make that 4 a lower one, is that all right?", &[3]),
            (
                "Actually make 4 something lower - the 9 was optimistic.",
                &[3],
            ),
            ("Can I change 4 to a lower one?", &[]),
            // A count moved is no question.
            ("Sorry, we had to move 2 patients to the hospice.", &[]),
            ("Sorry, we will change 4 to 5 consultants next year.", &[]),
        ] {
            assert_eq!(unread(sentence, q), expected, "{sentence}");
        }
    }

    #[test]
    fn retractions() {
        assert_eq!(
            fix(
                "Actually scratch what I said about the written protocol, we do have one - it was ratified in November."
            ),
            value(5, "we do have one - it was ratified in November")
        );
        assert_eq!(
            fix("Oh and ignore what I said about community guidance, we don't have any"),
            value(6, "we don't have any")
        );
        assert_eq!(
            fix("Forget what I said about the protocol."),
            Some((
                5,
                Fix::Retracted("Forget what I said about the protocol.".into())
            ))
        );
        // Words of no one question: not a correction.
        assert_eq!(fix("Ignore what I said about ketamine, I was tired."), None);
    }
}
