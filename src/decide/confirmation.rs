//! Confirmation by email: before something a message asked for counts,
//! when we cannot be sure who sent it (no token: anyone can write a From
//! header) or what it said (answers the reply parser only inferred), one
//! email goes to the person's listed address, and only their explicit
//! answer settles it. This is one follow-up kind with one rule for what
//! confirms, whatever asked for it:
//!
//! - the email lists what would count: the coded answers understood
//!   (yes/no, options by their letter and our own label, numbers), free
//!   text only as "(a text answer of N characters)", never a link, a
//!   subject or HTML from the message; and whether mail was stopped or a
//!   deletion asked for;
//! - a reply that carries the person's token, from the listed address,
//!   whose first line of their own words is "confirm" counts it; "not me"
//!   discards it (and undoes a stopped mail); anything else goes to the
//!   lead (`mailsurvey review`);
//! - at most one confirmation is pending per person; a later message that
//!   changes what it holds sends a new email showing what it now holds
//!   (within the caps), and "confirm" counts only what the email it
//!   answers showed ([`Request::fingerprint`], stored with each email): a
//!   "confirm" to an older email counts nothing and the person is asked
//!   again;
//! - it is automatic mail: counted in `daily_auto_limit`, carrying
//!   `Auto-Submitted: auto-replied`, sent only to the listed address.
//!
//! Pure: what is asked, how the answers are listed, how a reply to it
//! is read, and what the answer does ([`settle`]). The store keeps the pending confirmation; `ingest` decides.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::survey::{Question, QuestionKind, Survey};
use crate::understand::answer::{Answer, Value};
use crate::understand::matching::{Candidate, Place};

mod settle;
pub use settle::{Settlement, Verdict, settle};

/// The word in Message-IDs of confirmation emails (`confirmation.N.TOKEN@…`)
/// and the outbox kind.
pub const KIND: &str = "confirmation";

/// Why a confirmation is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Why {
    /// The message came from the listed address but carried no token: the
    /// From header proves nothing.
    NoToken,
    /// The message carried the token, but its answers were inferred rather
    /// than read with certainty (the reply parser's "inferred" status).
    Inferred,
    /// The message carried the token but came from another address than
    /// the listed one (anyone sent a copy of our email, a colleague in CC,
    /// has the token): what it asks waits for the listed address.
    OtherAddress,
}

impl Why {
    /// Its name in the store and in templates.
    pub fn name(self) -> &'static str {
        match self {
            Why::NoToken => "no_token",
            Why::Inferred => "inferred",
            Why::OtherAddress => "other_address",
        }
    }

    /// From its name in the store.
    pub fn from_name(name: &str) -> Option<Why> {
        match name {
            "no_token" => Some(Why::NoToken),
            "inferred" => Some(Why::Inferred),
            "other_address" => Some(Why::OtherAddress),
            _ => None,
        }
    }
}

/// What a pending confirmation holds until the person answers.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Request {
    /// Why it is asked (`None` only in a default value being built).
    pub why: Option<Why>,
    /// Answers that count once confirmed (latest wins per question).
    pub answers: BTreeMap<String, Answer>,
    /// Mail was stopped at once on this unverified request; "not me"
    /// starts it again.
    pub opt_out: bool,
    /// A request to delete the person's answers, held: confirmed, the
    /// answers are set aside (out of the report, restorable by the lead)
    /// and the lead is told.
    pub withdrawal: bool,
    /// A stop of mail asked from another address than the listed one, not
    /// applied: confirmed, mail stops. (Stored requests from before it
    /// read as `false`.)
    #[serde(default)]
    pub stop_asked: bool,
}

impl Request {
    /// A new request for `why`.
    pub fn new(why: Why) -> Request {
        Request {
            why: Some(why),
            ..Request::default()
        }
    }

    /// `later` folded into this one: its answers win per question, its
    /// requests add to these.
    pub fn merge(&mut self, later: &Request) {
        self.answers.extend(later.answers.clone());
        self.opt_out |= later.opt_out;
        self.withdrawal |= later.withdrawal;
        self.stop_asked |= later.stop_asked;
        if self.why.is_none() {
            self.why = later.why;
        }
    }

    /// Does `later` change what this request holds, so that an email
    /// already sent no longer shows it? (A changed answer does: "confirm"
    /// counts only what the person was shown.)
    pub fn news_in(&self, later: &Request) -> bool {
        let mut merged = self.clone();
        merged.merge(later);
        merged != *self
    }

    /// Nothing to confirm.
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty() && !self.opt_out && !self.withdrawal && !self.stop_asked
    }

    /// What an email asking about this request shows, as a digest stored
    /// with the email (`outbox.shows`): "confirm" to that email counts only
    /// if the request still has this digest. SHA-256 of its JSON (the
    /// answers in a sorted map, so the same request has the same digest).
    pub fn fingerprint(&self) -> String {
        use sha2::{Digest, Sha256};
        let json = serde_json::to_vec(self).expect("a request serialises");
        Sha256::digest(&json)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

/// What one message does to a person's confirmation, recorded with it.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Hold `request`: merged into the pending confirmation, or a new one.
    /// `mailed`: this message queues the email asking.
    Hold {
        /// What the message asked for.
        request: Request,
        /// The email asking goes with this message.
        mailed: bool,
    },
    /// The person answered the pending confirmation `id`: "confirm" counts
    /// what it holds, "not me" discards it and undoes a stopped mail
    /// ([`settle`]).
    Settle {
        /// The pending confirmation.
        id: i64,
        /// What settling it writes.
        settlement: Settlement,
        /// Who answered, for the record.
        by: String,
    },
}

/// How a reply to a confirmation is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Word {
    /// "confirm": it was them; what is held counts.
    Confirm,
    /// "not me": it was not them; what is held is discarded.
    NotMe,
    /// Anything else: the lead reads it.
    Other,
}

static CONFIRM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(yes[,.!]?\s+)?(i\s+)?(confirm|confirmed|i\s+confirm)(\s+(it|this|that|please))?(\s+thanks?( you)?)?[.!]*$")
        .expect("valid regex")
});
static NOT_ME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(no[,.!]?\s+)?(not\s+me|it\s+was\s+not\s+me|it\s+wasn'?t\s+me|this\s+was\s+not\s+me|that\s+was\s+not\s+me|wasn'?t\s+me|i\s+did\s+not\s+send\s+(it|this|that))[.!]*$",
    )
    .expect("valid regex")
});

/// Reads a reply to a confirmation: the first non-empty line of the text,
/// before any quote, decides. Both words, or more than the word on that
/// line, is "other": the lead reads it rather than a guess being made.
pub fn read_word(text: &str) -> Word {
    let first = text
        .lines()
        .map(|l| l.trim().trim_matches(|c: char| c == '*' || c == '"'))
        .find(|l| !l.is_empty());
    let Some(first) = first else {
        return Word::Other;
    };
    if first.starts_with('>') {
        return Word::Other;
    }
    let line: String = first.split_whitespace().collect::<Vec<_>>().join(" ");
    match (CONFIRM.is_match(&line), NOT_ME.is_match(&line)) {
        (true, false) => Word::Confirm,
        (false, true) => Word::NotMe,
        _ => Word::Other,
    }
}

/// Does the message answer one of our confirmation emails (its
/// Message-ID in In-Reply-To or References)?
pub fn answers_a_confirmation(candidates: &[Candidate]) -> bool {
    candidates.iter().any(|c| {
        matches!(c.place, Place::InReplyTo | Place::References)
            && c.found_in
                .trim_start_matches('<')
                .starts_with(&format!("{KIND}."))
    })
}

/// The answers as a confirmation email lists them, numbered as in the
/// questionnaire: coded values in our own words, free text only by its
/// length, so nothing a stranger wrote is echoed to the doctor.
pub fn lines(survey: &Survey, answers: &BTreeMap<String, Answer>) -> Vec<String> {
    survey
        .questions
        .iter()
        .enumerate()
        .flat_map(|(i, q)| {
            // A grid's items each on their own line: `4a) 3`.
            let grid = matches!(q.kind, QuestionKind::Grid { .. });
            q.answered_questions()
                .into_iter()
                .enumerate()
                .filter_map(|(k, item)| {
                    let number = if grid {
                        format!(
                            "{}{})",
                            i + 1,
                            crate::survey::questionnaire::option_letter(k)
                        )
                    } else {
                        format!("{}.", i + 1)
                    };
                    answers
                        .get(&item.id)
                        .map(|a| format!("{number} {}", line(&item, a)))
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

fn line(question: &Question, answer: &Answer) -> String {
    if let Some(shown) = crate::understand::parse::duration_shown(question, answer) {
        return shown;
    }
    let text_of = |text: &str| format!("(a text answer of {} characters)", text.chars().count());
    let value = match (&answer.value, &question.kind) {
        (None, _) => "(an answer we could not read)".to_owned(),
        (Some(Value::Text(t) | Value::Choice(t)), QuestionKind::Text) => text_of(t),
        (Some(Value::Bool(true)), _) => "yes".to_owned(),
        (Some(Value::Bool(false)), _) => "no".to_owned(),
        (Some(Value::Integer(n)), _) => n.to_string(),
        (Some(Value::Number(n)), _) => n.to_string(),
        (Some(Value::Choice(id)), _) => label(question, id),
        (Some(Value::Choices(ids)), _) => ids
            .iter()
            .map(|id| label(question, id))
            .collect::<Vec<_>>()
            .join("; "),
        (Some(Value::Text(t)), _) => text_of(t),
        (Some(Value::Reserved { reserved }), _) => reserved.label().to_owned(),
    };
    match &answer.other {
        Some(other) if !matches!(question.kind, QuestionKind::Text) => {
            format!(
                "{value}, with a text of {} characters",
                other.chars().count()
            )
        }
        _ => value,
    }
}

/// An option by its letter and our own label; an id we do not know is
/// not echoed.
fn label(question: &Question, id: &str) -> String {
    crate::survey::questionnaire::option_label(question, id)
        .unwrap_or_else(|| "(an option we do not know)".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn survey() -> Survey {
        crate::survey::example()
    }

    #[test]
    fn confirm_and_not_me_are_read_from_the_first_line_only() {
        for text in [
            "confirm",
            "Confirm.",
            "  CONFIRMED!\n\nDr Jones\nSent from my iPhone",
            "Yes, I confirm\n> Please reply confirm or not me",
            "I confirm it",
            "**confirm**",
        ] {
            assert_eq!(read_word(text), Word::Confirm, "{text:?}");
        }
        for text in [
            "not me",
            "Not me!",
            "It was not me.\n\nOn Mon, Survey wrote:\n> confirm",
            "No, that was not me",
            "wasn't me",
        ] {
            assert_eq!(read_word(text), Word::NotMe, "{text:?}");
        }
        for text in [
            "",
            "> confirm",
            "confirm, but question 4 should be 8",
            "confirm or not me?",
            "I do not confirm",
            "what is this about?",
            "not me but my colleague",
            "\n\nyes",
        ] {
            assert_eq!(read_word(text), Word::Other, "{text:?}");
        }
    }

    #[test]
    fn free_text_is_listed_only_by_its_length_and_unknown_options_not_at_all() {
        let survey = survey();
        let mut answers = BTreeMap::new();
        let text_q = survey
            .questions
            .iter()
            .find(|q| matches!(q.kind, QuestionKind::Text))
            .unwrap();
        answers.insert(
            text_q.id.clone(),
            Answer::ok(
                Value::Text("Visit <a href=\"http://evil.test\">my site</a>".into()),
                "x",
            ),
        );
        let yes_no = survey
            .questions
            .iter()
            .find(|q| matches!(q.kind, QuestionKind::YesNo))
            .unwrap();
        let mut yes = Answer::ok(Value::Bool(true), "yes, see http://evil.test");
        yes.other = Some("see http://evil.test".into());
        answers.insert(yes_no.id.clone(), yes);
        let choice = survey
            .questions
            .iter()
            .find(|q| matches!(q.kind, QuestionKind::MultipleChoice(_)))
            .unwrap();
        answers.insert(
            choice.id.clone(),
            Answer::ok(
                Value::Choices(vec![
                    choice.options()[0].id.clone(),
                    "http://evil.test".into(),
                ]),
                "a",
            ),
        );
        let listed = lines(&survey, &answers).join("\n");
        assert!(!listed.contains("evil"), "{listed}");
        assert!(!listed.contains('<'), "{listed}");
        assert!(
            listed.contains("(a text answer of 44 characters)"),
            "{listed}"
        );
        assert!(
            listed.contains("yes, with a text of 20 characters"),
            "{listed}"
        );
        assert!(
            listed.contains(&format!("a) {}", choice.options()[0].label)),
            "{listed}"
        );
    }

    #[test]
    fn a_merge_keeps_the_latest_answer_and_any_change_is_news() {
        let mut held = Request::new(Why::NoToken);
        held.answers
            .insert("q1".into(), Answer::ok(Value::Bool(true), "yes"));
        assert!(!held.news_in(&held.clone()), "the same again: no news");
        let mut later = Request::new(Why::NoToken);
        later
            .answers
            .insert("q1".into(), Answer::ok(Value::Bool(false), "no"));
        assert!(held.news_in(&later), "a changed answer: a new email");
        later.opt_out = true;
        assert!(held.news_in(&later), "mail stopped: the person is told");
        let shown = held.fingerprint();
        held.merge(&later);
        assert_ne!(held.fingerprint(), shown, "what was shown no longer holds");
        assert_eq!(held.answers["q1"].value, Some(Value::Bool(false)));
        assert!(held.opt_out && !held.withdrawal);
    }

    #[test]
    fn the_fingerprint_is_the_same_for_the_same_request_and_reads_old_rows() {
        let mut a = Request::new(Why::NoToken);
        a.answers
            .insert("q2".into(), Answer::ok(Value::Integer(7), "7"));
        a.answers
            .insert("q1".into(), Answer::ok(Value::Bool(true), "yes"));
        let b: Request = serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
        assert_eq!(a.fingerprint(), b.fingerprint());
        assert_eq!(a.fingerprint().len(), 64);
        let old: Request = serde_json::from_str(
            r#"{"why":"no_token","answers":{},"opt_out":true,"withdrawal":false}"#,
        )
        .unwrap();
        assert!(old.opt_out && !old.stop_asked);
    }

    #[test]
    fn a_reply_to_a_confirmation_is_recognised_by_its_message_id() {
        let token = crate::compose::token::Token::generate();
        let candidate = |place, found_in: String| Candidate {
            token: token.clone(),
            place,
            unsubscribe: false,
            found_in,
        };
        let ours = format!("confirmation.12.{}@survey.test", token.as_str());
        assert!(answers_a_confirmation(&[candidate(
            Place::InReplyTo,
            ours.clone()
        )]));
        assert!(!answers_a_confirmation(&[candidate(
            Place::InReplyTo,
            format!("receipt.12.{}@survey.test", token.as_str())
        )]));
        assert!(!answers_a_confirmation(&[candidate(Place::To, ours)]));
    }
}
