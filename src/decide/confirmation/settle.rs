//! What the person's answer to their pending confirmation does, pure: the
//! store loads the confirmation and applies the [`Settlement`]
//! (`crate::store`, in the transaction of the message that answered).
//!
//! - **"confirm"**: what the confirmation holds counts. Answers read with
//!   certainty are recorded as the person's; answers only inferred are read
//!   with certainty now and recorded as confirmed (the report counts those
//!   apart), but only those still inferred: a line the person corrected (in
//!   this message or since) keeps the correction. A deletion request held
//!   sets the answers aside (out of the report, restorable by the lead)
//!   and goes to the lead. A stop of mail asked from another address
//!   (held, not applied) stops mail now.
//! - **"not me"**: what it holds is discarded, as if the message never
//!   came: a stop of mail asked in their name by someone else is undone
//!   (mail starts again, what that stop cancelled included), and the
//!   messages that asked are rejected.
//!
//! The caller checks first that the person was shown what the request
//! holds now ([`super::Request::fingerprint`]): "confirm" to an email that
//! showed something else never reaches this function.
//! - anything else: nothing (the lead reads it; the confirmation stays
//!   pending).

use std::collections::BTreeMap;

use super::{Request, Word};
use crate::understand::answer::{Answer, Status};

/// How a pending confirmation was settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// "confirm": it counts.
    Confirmed,
    /// "not me": it is discarded.
    Disowned,
}

/// What settling a pending confirmation writes.
#[derive(Debug, Clone, PartialEq)]
pub struct Settlement {
    /// Confirmed or disowned.
    pub verdict: Verdict,
    /// Answers read with certainty, recorded as the person's.
    pub answers: BTreeMap<String, Answer>,
    /// Inferred answers the person confirmed, now read with certainty:
    /// recorded as confirmed (`crate::store::CONFIRMED_BY`).
    pub confirmed: BTreeMap<String, Answer>,
    /// A deletion request the person confirmed: their answers are set
    /// aside and the lead is told.
    pub withdrawal: bool,
    /// A stop of mail asked from another address, confirmed: mail stops
    /// now.
    pub stop_mail: bool,
    /// A stop of mail asked in their name is undone: their mail starts
    /// again, what the stop cancelled included.
    pub restart_mail: bool,
    /// What the confirmation held, in words, for the lead's log.
    pub detail: String,
}

impl Settlement {
    /// The confirmation's state once settled, as stored.
    pub fn state(&self) -> &'static str {
        match self.verdict {
            Verdict::Confirmed => "confirmed",
            Verdict::Disowned => "discarded",
        }
    }

    /// Whether the messages held for it count.
    pub fn accepted(&self) -> bool {
        self.verdict == Verdict::Confirmed
    }

    /// The decision logged, in words.
    pub fn action(&self) -> &'static str {
        match self.verdict {
            Verdict::Confirmed => "confirmed by email",
            Verdict::Disowned => "disowned by email (not me)",
        }
    }
}

/// Settles the pending confirmation holding `request` on the person's
/// `word`, `current` their current answers (this message's included).
/// `None` for a word that is neither "confirm" nor "not me".
pub fn settle(
    request: &Request,
    word: Word,
    current: &BTreeMap<String, Answer>,
) -> Option<Settlement> {
    let verdict = match word {
        Word::Confirm => Verdict::Confirmed,
        Word::NotMe => Verdict::Disowned,
        Word::Other => return None,
    };
    let detail = format!(
        "{} answers{}{}",
        request.answers.len(),
        if request.opt_out {
            ", a stop of mail"
        } else {
            ""
        },
        if request.withdrawal {
            ", a deletion request"
        } else {
            ""
        },
    );
    let detail = if request.stop_asked {
        format!("{detail}, a stop of mail asked from another address")
    } else {
        detail
    };
    let mut settlement = Settlement {
        verdict,
        answers: BTreeMap::new(),
        confirmed: BTreeMap::new(),
        withdrawal: false,
        stop_mail: false,
        restart_mail: false,
        detail,
    };
    if verdict == Verdict::Disowned {
        settlement.restart_mail = request.opt_out;
        return Some(settlement);
    }
    let (inferred, read): (BTreeMap<_, _>, BTreeMap<_, _>) = request
        .answers
        .clone()
        .into_iter()
        .partition(|(_, a)| a.status == Status::Inferred);
    settlement.answers = read;
    settlement.confirmed = inferred
        .into_iter()
        .filter(|(q, _)| current.get(q).is_none_or(|a| a.status == Status::Inferred))
        .map(|(q, a)| {
            (
                q,
                Answer {
                    status: Status::Ok,
                    ..a
                },
            )
        })
        .collect();
    settlement.withdrawal = request.withdrawal;
    settlement.stop_mail = request.stop_asked;
    Some(settlement)
}

#[cfg(test)]
mod tests {
    //! The table: a request held, the person's word and their current
    //! answers in; what settling writes out. One `#[test]` per row.

    use super::*;
    use crate::decide::confirmation::Why;
    use crate::understand::answer::Value;

    fn yes(status: Status) -> Answer {
        Answer {
            status,
            ..Answer::ok(Value::Bool(true), "yes")
        }
    }

    /// A request without a token: one answer read, one inferred.
    fn request() -> Request {
        let mut request = Request::new(Why::NoToken);
        request.answers = BTreeMap::from([
            ("training".to_owned(), yes(Status::Ok)),
            ("research".to_owned(), yes(Status::Inferred)),
        ]);
        request
    }

    fn with(change: impl FnOnce(&mut Request)) -> Request {
        let mut request = request();
        change(&mut request);
        request
    }

    fn none() -> BTreeMap<String, Answer> {
        BTreeMap::new()
    }

    fn keys(answers: &BTreeMap<String, Answer>) -> Vec<&str> {
        answers.keys().map(String::as_str).collect()
    }

    #[test]
    fn another_word_settles_nothing() {
        assert_eq!(settle(&request(), Word::Other, &none()), None);
    }

    #[test]
    fn confirm_counts_the_answers_read_as_the_persons() {
        let s = settle(&request(), Word::Confirm, &none()).unwrap();
        assert_eq!(keys(&s.answers), ["training"]);
        assert_eq!(s.answers["training"], yes(Status::Ok));
    }

    #[test]
    fn confirm_reads_an_inferred_answer_with_certainty() {
        let s = settle(&request(), Word::Confirm, &none()).unwrap();
        assert_eq!(keys(&s.confirmed), ["research"]);
        assert_eq!(s.confirmed["research"].status, Status::Ok);
        assert_eq!(s.confirmed["research"].value, Some(Value::Bool(true)));
    }

    #[test]
    fn confirm_keeps_an_inferred_answer_still_inferred_now() {
        let current = BTreeMap::from([("research".to_owned(), yes(Status::Inferred))]);
        let s = settle(&request(), Word::Confirm, &current).unwrap();
        assert_eq!(keys(&s.confirmed), ["research"]);
    }

    #[test]
    fn confirm_leaves_a_line_corrected_since_as_corrected() {
        let current = BTreeMap::from([("research".to_owned(), yes(Status::Ok))]);
        let s = settle(&request(), Word::Confirm, &current).unwrap();
        assert!(s.confirmed.is_empty());
        assert_eq!(keys(&s.answers), ["training"]);
    }

    #[test]
    fn confirm_leaves_a_line_corrected_to_unclear_as_it_is() {
        let unclear = Answer::unclear("maybe", "maybe");
        let current = BTreeMap::from([("research".to_owned(), unclear)]);
        let s = settle(&request(), Word::Confirm, &current).unwrap();
        assert!(s.confirmed.is_empty());
    }

    #[test]
    fn confirm_ignores_current_answers_to_other_questions() {
        let current = BTreeMap::from([("training".to_owned(), yes(Status::Ok))]);
        let s = settle(&request(), Word::Confirm, &current).unwrap();
        assert_eq!(keys(&s.confirmed), ["research"]);
        assert_eq!(keys(&s.answers), ["training"]);
    }

    #[test]
    fn confirm_sends_a_deletion_request_to_the_lead() {
        let s = settle(&with(|r| r.withdrawal = true), Word::Confirm, &none()).unwrap();
        assert!(s.withdrawal);
        assert!(!s.restart_mail);
    }

    #[test]
    fn confirm_keeps_a_stop_of_mail() {
        let s = settle(&with(|r| r.opt_out = true), Word::Confirm, &none()).unwrap();
        assert!(!s.restart_mail);
    }

    #[test]
    fn confirm_is_stored_as_confirmed_and_accepted() {
        let s = settle(&request(), Word::Confirm, &none()).unwrap();
        assert_eq!(
            (s.verdict, s.state(), s.accepted(), s.action()),
            (Verdict::Confirmed, "confirmed", true, "confirmed by email")
        );
    }

    #[test]
    fn confirm_stops_mail_asked_from_another_address() {
        let s = settle(&with(|r| r.stop_asked = true), Word::Confirm, &none()).unwrap();
        assert!(s.stop_mail && !s.restart_mail);
        assert_eq!(
            s.detail,
            "2 answers, a stop of mail asked from another address"
        );
    }

    #[test]
    fn not_me_leaves_mail_asked_stopped_from_another_address_running() {
        let s = settle(&with(|r| r.stop_asked = true), Word::NotMe, &none()).unwrap();
        assert!(!s.stop_mail && !s.restart_mail);
    }

    #[test]
    fn not_me_discards_every_answer() {
        let s = settle(&request(), Word::NotMe, &none()).unwrap();
        assert!(s.answers.is_empty());
        assert!(s.confirmed.is_empty());
    }

    #[test]
    fn not_me_starts_mail_stopped_in_their_name_again() {
        let s = settle(&with(|r| r.opt_out = true), Word::NotMe, &none()).unwrap();
        assert!(s.restart_mail);
    }

    #[test]
    fn not_me_without_a_stop_of_mail_restarts_nothing() {
        let s = settle(&request(), Word::NotMe, &none()).unwrap();
        assert!(!s.restart_mail);
    }

    #[test]
    fn not_me_drops_a_deletion_request() {
        let s = settle(&with(|r| r.withdrawal = true), Word::NotMe, &none()).unwrap();
        assert!(!s.withdrawal);
    }

    #[test]
    fn not_me_is_stored_as_discarded_and_rejected() {
        let s = settle(&request(), Word::NotMe, &none()).unwrap();
        assert_eq!(
            (s.verdict, s.state(), s.accepted(), s.action()),
            (
                Verdict::Disowned,
                "discarded",
                false,
                "disowned by email (not me)"
            )
        );
    }

    #[test]
    fn the_detail_counts_the_answers() {
        let s = settle(&request(), Word::Confirm, &none()).unwrap();
        assert_eq!(s.detail, "2 answers");
    }

    #[test]
    fn the_detail_names_a_stop_of_mail_and_a_deletion_request() {
        let both = with(|r| {
            r.opt_out = true;
            r.withdrawal = true;
        });
        let s = settle(&both, Word::NotMe, &none()).unwrap();
        assert_eq!(s.detail, "2 answers, a stop of mail, a deletion request");
    }

    #[test]
    fn an_empty_request_confirmed_writes_nothing() {
        let empty = Request::new(Why::Inferred);
        let s = settle(&empty, Word::Confirm, &none()).unwrap();
        assert!(s.answers.is_empty() && s.confirmed.is_empty());
        assert!(!s.withdrawal && !s.restart_mail && !s.stop_mail);
        assert_eq!(s.detail, "0 answers");
    }
}
