//! The decision as a table: facts in, outcome and follow-ups out, one
//! `#[test]` per row. Each row starts from a message as read and the facts
//! the store would hold (see `Case`), changes what the row is about, and
//! names what must come out (see `Seen`).

use std::collections::BTreeMap;

use jiff::Timestamp;

use super::*;
use crate::compose::token::Token;
use crate::decide::confirmation::Request;
use crate::follow_up::FollowUpKind as Mail;
use crate::store::PendingConfirmation;
use crate::understand::answer::Value;
use crate::understand::bounce::Returned;
use crate::understand::classify::Bounce;
use crate::understand::parse::ParsedReply;

/// One row's input.
struct Case {
    stored: StoredMessage,
    read: Read,
    survey: Survey,
    facts: Facts,
}

/// One row's output, as the table states it.
#[derive(Debug, PartialEq)]
struct Seen {
    kind: MessageKind,
    folder: &'static str,
    decision: Option<HeldDecision>,
    status: Option<RecipientStatus>,
    flags: Vec<FlagKind>,
    change: &'static str,
    answers: usize,
    mail: Vec<Mail>,
}

const LISTED: &str = "dr.a@clinic.test";

fn survey() -> Survey {
    crate::survey::example()
}

/// Every required question of the example survey answered.
fn complete() -> BTreeMap<String, Answer> {
    let mut answers: BTreeMap<String, Answer> = [
        "end_of_life",
        "early_adjuvant",
        "opioid_sparing",
        "written_protocol",
        "shared_guidance",
        "training",
        "research",
    ]
    .into_iter()
    .map(|q| (q.to_owned(), Answer::ok(Value::Bool(true), "yes")))
    .collect();
    answers.insert("confidence".into(), Answer::ok(Value::Integer(7), "7"));
    answers.insert(
        "barriers".into(),
        Answer::ok(Value::Choices(vec!["evidence".into()]), "b"),
    );
    answers
}

/// One answer only: the rest missing.
fn partial() -> BTreeMap<String, Answer> {
    BTreeMap::from([("end_of_life".into(), Answer::ok(Value::Bool(true), "yes"))])
}

/// A complete reply with the person's token, from their listed address,
/// before the close, nothing sent to them yet.
fn case() -> Case {
    let person = StoredRecipient {
        id: 7,
        email: LISTED.into(),
        name: "Dr A".into(),
        attributes: BTreeMap::new(),
        token: Token::generate(),
        listed: true,
        status: RecipientStatus::Active,
    };
    let reply = ParsedReply {
        answers: complete(),
        ..ParsedReply::default()
    };
    Case {
        stored: StoredMessage {
            id: 1,
            raw: b"Subject: Re: survey\r\n\r\nyes\r\n".to_vec(),
            size: 30,
            received_at: "2026-06-01T09:00:00Z".parse().unwrap(),
            shared_sender: false,
        },
        read: Read::Message(Box::new(ReadMessage {
            classification: Classification {
                kind: MessageClass::Reply,
                reason: "reply with 9 answer(s)".into(),
                bounce: None,
                candidates: Vec::new(),
                challenge: false,
                bounce_keys: Vec::new(),
                reply: Some(reply),
            },
            sender: Some(LISTED.into()),
            message_id: Some("m1@clinic.test".into()),
            verdict: None,
            word: Word::Other,
            answers_confirmation: false,
        })),
        survey: survey(),
        facts: Facts {
            found: Some(MatchedPerson {
                person,
                matched_by: MatchedBy::Address,
                unsubscribe: false,
            }),
            ..Facts::default()
        },
    }
}

impl Case {
    fn message(&mut self) -> &mut ReadMessage {
        match &mut self.read {
            Read::Message(message) => message,
            _ => unreachable!("a row changes a read message"),
        }
    }

    fn kind(mut self, kind: MessageClass) -> Case {
        self.message().classification.kind = kind;
        self
    }

    fn reply(mut self, change: impl FnOnce(&mut ParsedReply)) -> Case {
        change(self.message().classification.reply.as_mut().unwrap());
        self
    }

    fn by_sender(mut self) -> Case {
        self.facts.found.as_mut().unwrap().matched_by = MatchedBy::Sender;
        self
    }

    /// A pending confirmation; `mailed`: an email showing it went, and
    /// this message answers that email (what it showed is what it holds).
    fn pending(mut self, request: Request, mailed: bool) -> Case {
        self.facts.shown = mailed.then(|| request.fingerprint());
        self.facts.pending = Some(PendingConfirmation {
            id: 3,
            request,
            mailed,
        });
        self
    }

    /// From another address than the listed one, with the token.
    fn sent_from_another_address(mut self) -> Case {
        self.message().sender = Some("colleague@clinic.test".into());
        self
    }

    fn word(mut self, word: Word) -> Case {
        self.message().word = word;
        self
    }

    fn run(&self) -> Decided {
        decide(&self.stored, &self.read, &self.survey, &self.facts)
    }

    /// The decision, as the table states it.
    fn seen(&self) -> Seen {
        let decided = self.run();
        let outcome = &decided.outcome;
        let folders = &self.survey.replies.folders;
        let folder = [
            (&folders.processed, "processed"),
            (&folders.unmatched, "unmatched"),
            (&folders.auto_replies, "auto_replies"),
            (&folders.bounces, "bounces"),
            (&folders.quarantine, "quarantine"),
        ]
        .into_iter()
        .find(|(f, _)| **f == outcome.file_to)
        .map_or("none", |(_, name)| name);
        Seen {
            kind: outcome.kind,
            folder,
            decision: outcome.decision,
            status: outcome.recipient_status.as_ref().map(|(s, _)| *s),
            flags: outcome.flags.iter().map(|f| f.kind).collect(),
            change: match &outcome.confirmation {
                None => "none",
                Some(Change::Hold { mailed: true, .. }) => "hold, mailed",
                Some(Change::Hold { mailed: false, .. }) => "hold",
                Some(Change::Settle { settlement, .. }) if settlement.accepted() => {
                    "settle: confirm"
                }
                Some(Change::Settle { .. }) => "settle: not me",
            },
            answers: outcome.answers.len(),
            mail: decided.intents.iter().map(|i| i.kind).collect(),
        }
    }
}

/// The row's expectation: a reply's outcome, changed by `change`.
fn reply_seen(change: impl FnOnce(&mut Seen)) -> Seen {
    let mut seen = Seen {
        kind: MessageKind::Reply,
        folder: "processed",
        decision: None,
        status: None,
        flags: Vec::new(),
        change: "none",
        answers: 9,
        mail: Vec::new(),
    };
    change(&mut seen);
    seen
}

fn no_token() -> Request {
    let mut request = Request::new(Why::NoToken);
    request.answers = partial();
    request
}

fn inferred_request() -> Request {
    let mut request = Request::new(Why::Inferred);
    request.answers = BTreeMap::from([(
        "training".into(),
        Answer::inferred(Value::Bool(true), "yes"),
    )]);
    request
}

// --- nothing to read ---------------------------------------------------

#[test]
fn too_large_is_quarantined_unread() {
    let mut c = case();
    c.read = Read::TooLarge;
    c.stored.size = 30 << 20;
    let decided = c.run();
    assert!(decided.outcome.quarantined);
    assert!(decided.outcome.reason.contains("its headers stored"));
    assert_eq!(
        c.seen(),
        Seen {
            kind: MessageKind::Unrelated,
            folder: "quarantine",
            flags: vec![FlagKind::Quarantined],
            answers: 0,
            ..reply_seen(|_| {})
        }
    );
}

#[test]
fn unreadable_goes_to_unmatched() {
    let mut c = case();
    c.read = Read::Unreadable;
    assert_eq!(
        c.seen(),
        Seen {
            kind: MessageKind::Unrelated,
            folder: "unmatched",
            answers: 0,
            ..reply_seen(|_| {})
        }
    );
}

// --- bounces -------------------------------------------------------------

fn bounce_case(by_key: Option<Returned>) -> Case {
    let mut c = case().kind(MessageClass::Bounce);
    c.facts = Facts::default();
    c.facts.bounce.by_key = by_key;
    let message = c.message();
    message.classification.reply = None;
    message.classification.bounce = Some(Bounce {
        recipients: vec![LISTED.into()],
        status: Some("5.1.1".into()),
        ..Bounce::default()
    });
    c
}

#[test]
fn a_bounce_by_its_verp_address_bounces_the_person() {
    let c = bounce_case(Some(Returned {
        outbox_id: 11,
        person: Some((7, LISTED.into())),
        sent_to: Some(LISTED.into()),
    }));
    let outcome = c.run().outcome;
    assert_eq!(outcome.matched_by, Some(MatchedBy::Verp));
    assert_eq!(outcome.bounced_mail, Some((11, "5.1.1".into())));
    assert_eq!(
        c.seen(),
        Seen {
            kind: MessageKind::Bounce,
            folder: "bounces",
            status: Some(RecipientStatus::Bounced),
            answers: 0,
            ..reply_seen(|_| {})
        }
    );
}

#[test]
fn a_bounce_of_mail_to_another_address_stops_nobody() {
    let c = bounce_case(Some(Returned {
        outbox_id: 11,
        person: Some((7, LISTED.into())),
        sent_to: Some("forwarded@elsewhere.test".into()),
    }));
    assert_eq!(c.run().outcome.recipient_id, None);
    assert_eq!(
        c.seen(),
        Seen {
            kind: MessageKind::Bounce,
            folder: "bounces",
            flags: vec![FlagKind::BounceOfOtherAddress],
            answers: 0,
            ..reply_seen(|_| {})
        }
    );
}

#[test]
fn a_bounce_with_nothing_of_ours_is_unverified() {
    let c = bounce_case(None);
    assert_eq!(
        c.seen(),
        Seen {
            kind: MessageKind::Bounce,
            folder: "bounces",
            flags: vec![FlagKind::UnverifiedBounce],
            answers: 0,
            ..reply_seen(|_| {})
        }
    );
}

// --- automatic messages ----------------------------------------------------

#[test]
fn a_challenge_is_flagged_for_a_person_to_answer() {
    let mut c = case().kind(MessageClass::AutoReply);
    c.message().classification.challenge = true;
    c.message().classification.reply = None;
    assert_eq!(
        c.seen(),
        Seen {
            kind: MessageKind::AutoReply,
            folder: "auto_replies",
            flags: vec![FlagKind::Challenge],
            answers: 0,
            ..reply_seen(|_| {})
        }
    );
}

#[test]
fn a_sending_limit_pauses_sending_and_bounces_nobody() {
    let mut c = case().kind(MessageClass::AutoReply);
    c.facts.found = None;
    c.facts.bounce.by_key = Some(Returned {
        outbox_id: 5,
        person: None,
        sent_to: None,
    });
    c.message().classification.bounce = Some(Bounce {
        sender_side: true,
        ..Bounce::default()
    });
    let outcome = c.run().outcome;
    assert_eq!(
        outcome.pause_sending,
        Some((c.stored.received_at + SENDING_PAUSE, Some(5)))
    );
    assert_eq!(
        c.seen(),
        Seen {
            kind: MessageKind::AutoReply,
            folder: "auto_replies",
            flags: vec![FlagKind::SendingLimit],
            answers: 0,
            ..reply_seen(|_| {})
        }
    );
}

/// Exchange's NDR 5.1.90 with our key pauses like Gmail's limit; a report
/// of too many connections (432 4.3.2), even with our key, pauses nothing:
/// the session already lowered the connections.
#[test]
fn an_ndr_5_1_90_pauses_and_a_report_of_too_many_connections_does_not() {
    for (status, diagnostic, pauses) in [
        (
            "5.1.90",
            "550 5.1.90 Your message can't be sent because you've reached your daily limit for message recipients",
            true,
        ),
        (
            "4.3.2",
            "432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded",
            false,
        ),
    ] {
        let mut c = case().kind(MessageClass::AutoReply);
        c.facts.found = None;
        c.facts.bounce.by_key = Some(Returned {
            outbox_id: 5,
            person: None,
            sent_to: None,
        });
        c.message().classification.bounce = Some(Bounce {
            sender_side: true,
            status: Some(status.into()),
            diagnostic: Some(diagnostic.into()),
            ..Bounce::default()
        });
        let outcome = c.run().outcome;
        assert_eq!(outcome.pause_sending.is_some(), pauses, "{diagnostic}");
        assert_eq!(
            outcome.flags.iter().map(|f| f.kind).collect::<Vec<_>>(),
            vec![FlagKind::SendingLimit],
            "{diagnostic}"
        );
    }
}

#[test]
fn a_sending_limit_reported_again_with_the_same_key_pauses_nothing() {
    let mut c = case().kind(MessageClass::AutoReply);
    c.facts.found = None;
    c.facts.bounce.by_key = Some(Returned {
        outbox_id: 5,
        person: None,
        sent_to: None,
    });
    c.facts.bounce.key_paused = true;
    c.message().classification.bounce = Some(Bounce {
        sender_side: true,
        ..Bounce::default()
    });
    assert_eq!(c.run().outcome.pause_sending, None);
    assert_eq!(
        c.seen(),
        Seen {
            kind: MessageKind::AutoReply,
            folder: "auto_replies",
            flags: vec![FlagKind::SendingLimit],
            answers: 0,
            ..reply_seen(|_| {})
        }
    );
}

#[test]
fn a_sending_limit_without_our_key_is_unverified_and_pauses_nothing() {
    let mut c = case().kind(MessageClass::AutoReply);
    c.facts.found = None;
    c.facts.bounce.by_message_id = Some(Returned {
        outbox_id: 5,
        person: None,
        sent_to: None,
    });
    c.message().classification.bounce = Some(Bounce {
        sender_side: true,
        ..Bounce::default()
    });
    assert_eq!(c.run().outcome.pause_sending, None);
    assert_eq!(
        c.seen(),
        Seen {
            kind: MessageKind::AutoReply,
            folder: "auto_replies",
            flags: vec![FlagKind::UnverifiedBounce],
            answers: 0,
            ..reply_seen(|_| {})
        }
    );
}

// --- nobody's ------------------------------------------------------------

#[test]
fn a_reply_of_nobody_is_not_counted() {
    let mut c = case();
    c.facts.found = None;
    assert!(
        c.run()
            .outcome
            .reason
            .contains("not from an invited address")
    );
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.folder = "unmatched";
            s.answers = 0;
        })
    );
}

#[test]
fn a_sender_listed_in_several_surveys_is_nobody_without_a_token() {
    let mut c = case().by_sender();
    c.stored.shared_sender = true;
    assert!(c.run().outcome.reason.contains("several surveys"));
    assert_eq!(c.run().outcome.recipient_id, None);
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.folder = "unmatched";
            s.answers = 0;
        })
    );
}

// --- replies with the token --------------------------------------------------

#[test]
fn a_complete_reply_gets_a_receipt() {
    assert_eq!(case().seen(), reply_seen(|s| s.mail = vec![Mail::Receipt]));
}

#[test]
fn a_complete_reply_gets_no_receipt_when_the_survey_sends_none() {
    let mut c = case();
    c.survey.replies.receipts = false;
    assert_eq!(c.seen(), reply_seen(|_| {}));
}

#[test]
fn an_incomplete_reply_gets_a_clarification() {
    let c = case().reply(|r| r.answers = partial());
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.answers = 1;
            s.mail = vec![Mail::Clarification];
        })
    );
}

#[test]
fn an_incomplete_reply_after_the_last_clarification_gets_nothing() {
    let mut c = case().reply(|r| r.answers = partial());
    c.facts.sent.clarifications = 1;
    assert_eq!(c.seen(), reply_seen(|s| s.answers = 1));
}

#[test]
fn earlier_answers_complete_a_reply() {
    let mut c = case().reply(|r| r.answers = partial());
    c.facts.answers = complete();
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.answers = 1;
            s.mail = vec![Mail::Receipt];
        })
    );
}

#[test]
fn a_reply_from_another_address_is_held_for_the_lead() {
    let mut c = case();
    c.message().sender = Some("assistant@clinic.test".into());
    assert!(c.run().outcome.different_sender);
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.decision = Some(HeldDecision::Held);
            s.flags = vec![FlagKind::DifferentSender];
            s.answers = 0;
        })
    );
}

#[test]
fn a_reply_from_another_address_counts_when_the_survey_accepts_those() {
    let mut c = case();
    c.message().sender = Some("assistant@clinic.test".into());
    c.survey.replies.accept_different_sender = true;
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.decision = Some(HeldDecision::Accepted);
            s.flags = vec![FlagKind::DifferentSender];
            s.mail = vec![Mail::Receipt];
        })
    );
}

#[test]
fn a_late_reply_is_kept_and_gets_one_closed_notice() {
    let mut c = case();
    c.facts.closed_at = Some(Timestamp::UNIX_EPOCH);
    assert!(c.run().outcome.late);
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.answers = 0;
            s.mail = vec![Mail::ClosedNotice];
        })
    );
    c.facts.sent.closed_notices = 1;
    assert_eq!(c.seen(), reply_seen(|s| s.answers = 0));
}

#[test]
fn a_truncated_reply_and_a_deletion_request_are_flagged() {
    let c = case().reply(|r| {
        r.truncated = true;
        r.withdraw = true;
    });
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.flags = vec![FlagKind::Truncated, FlagKind::WithdrawRequest];
        })
    );
    assert!(
        c.run().outcome.set_aside,
        "the answers are set aside at once"
    );
}

#[test]
fn answers_and_a_stop_of_mail_keep_the_answers_and_stop_the_mail() {
    let c = case().reply(|r| r.opt_out = true);
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.status = Some(RecipientStatus::OptedOut);
            s.flags = vec![FlagKind::OptOutWithAnswers];
            s.mail = vec![Mail::OptOutConfirmation];
        })
    );
}

#[test]
fn a_reply_with_no_answers_is_flagged_for_the_lead() {
    let c = case().reply(|r| r.answers.clear());
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.flags = vec![FlagKind::NoAnswers];
            s.answers = 0;
        })
    );
}

#[test]
fn a_reply_quoting_the_questionnaire_without_answers_asks_again() {
    let c = case().reply(|r| {
        r.answers.clear();
        r.quotes_questionnaire = true;
    });
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.answers = 0;
            s.mail = vec![Mail::Clarification];
        })
    );
}

#[test]
fn the_daily_cap_stops_the_follow_up_not_the_answers() {
    let mut c = case();
    c.facts.sent.automatic_today = 3;
    assert_eq!(c.seen(), reply_seen(|_| {}));
}

#[test]
fn a_person_whose_mail_stopped_is_recorded_not_answered() {
    let mut c = case();
    c.facts.found.as_mut().unwrap().person.status = RecipientStatus::OptedOut;
    assert_eq!(c.seen(), reply_seen(|_| {}));
}

#[test]
fn inferred_answers_ask_for_a_confirmation_instead_of_a_receipt() {
    let c = case().reply(|r| {
        r.answers.insert(
            "training".into(),
            Answer::inferred(Value::Bool(true), "yes"),
        );
    });
    let decided = c.run();
    assert!(decided.intents[0].confirmation.is_some());
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.change = "hold, mailed";
            s.mail = vec![Mail::Confirmation];
        })
    );
}

// --- replies without the token -----------------------------------------------

#[test]
fn a_reply_without_a_token_is_held_until_the_person_confirms() {
    let c = case().by_sender();
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.decision = Some(HeldDecision::Held);
            s.flags = vec![FlagKind::MatchedBySender];
            s.change = "hold, mailed";
            s.answers = 0;
            s.mail = vec![Mail::Confirmation];
        })
    );
}

#[test]
fn a_reply_without_a_token_adding_nothing_new_asks_no_second_time() {
    let c = case()
        .by_sender()
        .reply(|r| r.answers = partial())
        .pending(no_token(), true);
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.decision = Some(HeldDecision::Held);
            s.flags = vec![FlagKind::MatchedBySender];
            s.change = "hold";
            s.answers = 0;
        })
    );
}

/// A message that changes what a mailed
/// confirmation holds sends a new email, showing it.
#[test]
fn a_reply_without_a_token_changing_what_is_held_asks_again_showing_it() {
    let c = case().by_sender().pending(no_token(), true);
    let decided = c.run();
    let shown = decided.intents[0].confirmation.as_ref().unwrap();
    assert_eq!(
        shown.answers.len(),
        9,
        "the email shows everything held now"
    );
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.decision = Some(HeldDecision::Held);
            s.flags = vec![FlagKind::MatchedBySender];
            s.change = "hold, mailed";
            s.answers = 0;
            s.mail = vec![Mail::Confirmation];
        })
    );
}

#[test]
fn a_change_to_what_is_held_over_the_daily_cap_is_held_unmailed() {
    let mut c = case().by_sender().pending(no_token(), true);
    c.facts.sent.automatic_today = 3;
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.decision = Some(HeldDecision::Held);
            s.flags = vec![FlagKind::MatchedBySender];
            s.change = "hold";
            s.answers = 0;
        })
    );
}

#[test]
fn a_trusted_dmarc_pass_counts_without_a_token() {
    let mut c = case().by_sender();
    c.message().verdict = Some(Verdict::Pass);
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.flags = vec![FlagKind::MatchedBySender];
            s.mail = vec![Mail::Receipt];
        })
    );
}

// --- opt-outs and deletion requests --------------------------------------------

#[test]
fn an_opt_out_with_the_token_stops_mail_and_says_so_once() {
    let mut c = case()
        .kind(MessageClass::Unsubscribe)
        .reply(|r| r.answers.clear());
    let seen = |mail| Seen {
        kind: MessageKind::Unsubscribe,
        status: Some(RecipientStatus::OptedOut),
        answers: 0,
        mail,
        ..reply_seen(|_| {})
    };
    assert_eq!(c.seen(), seen(vec![Mail::OptOutConfirmation]));
    c.facts.sent.opt_out_confirmations = 1;
    assert_eq!(c.seen(), seen(Vec::new()));
}

#[test]
fn a_deletion_request_without_a_token_waits_for_confirmation() {
    let c = case()
        .kind(MessageClass::Unsubscribe)
        .by_sender()
        .reply(|r| {
            r.answers.clear();
            r.withdraw = true;
        });
    let decided = c.run();
    assert!(matches!(
        &decided.outcome.confirmation,
        Some(Change::Hold { request, .. }) if request.withdrawal && !request.opt_out
    ));
    assert_eq!(
        c.seen(),
        Seen {
            kind: MessageKind::Unsubscribe,
            decision: Some(HeldDecision::Held),
            flags: vec![FlagKind::MatchedBySender],
            change: "hold, mailed",
            answers: 0,
            mail: vec![Mail::Confirmation],
            ..reply_seen(|_| {})
        }
    );
}

#[test]
fn an_opt_out_without_a_token_stops_mail_at_once_and_asks() {
    let c = case()
        .kind(MessageClass::Unsubscribe)
        .by_sender()
        .reply(|r| r.answers.clear());
    assert_eq!(
        c.seen(),
        Seen {
            kind: MessageKind::Unsubscribe,
            status: Some(RecipientStatus::OptedOut),
            flags: vec![FlagKind::MatchedBySender],
            change: "hold, mailed",
            answers: 0,
            mail: vec![Mail::Confirmation],
            ..reply_seen(|_| {})
        }
    );
}

/// "Please delete my answers" with the token from
/// the listed address sets the answers aside at once (and stops mail, as
/// any request sent that way does).
#[test]
fn a_deletion_request_with_the_token_sets_the_answers_aside_at_once() {
    let c = case().kind(MessageClass::Unsubscribe).reply(|r| {
        r.answers.clear();
        r.withdraw = true;
    });
    assert!(c.run().outcome.set_aside);
    assert_eq!(
        c.seen(),
        Seen {
            kind: MessageKind::Unsubscribe,
            status: Some(RecipientStatus::OptedOut),
            flags: vec![FlagKind::WithdrawRequest],
            answers: 0,
            mail: vec![Mail::OptOutConfirmation],
            ..reply_seen(|_| {})
        }
    );
}

/// An opt-out with the token from another address
/// (a colleague in CC has the plus-address) stops nothing: it is held and
/// the listed address is asked.
#[test]
fn an_opt_out_with_the_token_from_another_address_is_held_for_the_person() {
    let mut c = case()
        .kind(MessageClass::Unsubscribe)
        .reply(|r| r.answers.clear())
        .sent_from_another_address();
    c.facts.found.as_mut().unwrap().unsubscribe = true;
    let decided = c.run();
    assert!(matches!(
        &decided.outcome.confirmation,
        Some(Change::Hold { request, .. })
            if request.stop_asked && !request.opt_out && request.why == Some(Why::OtherAddress)
    ));
    assert!(
        !decided.outcome.different_sender,
        "not a reply counted from another address"
    );
    assert_eq!(
        c.seen(),
        Seen {
            kind: MessageKind::Unsubscribe,
            flags: vec![FlagKind::DifferentSender],
            change: "hold, mailed",
            answers: 0,
            mail: vec![Mail::Confirmation],
            ..reply_seen(|_| {})
        }
    );
}

#[test]
fn a_deletion_request_with_the_token_from_another_address_sets_nothing_aside() {
    let c = case()
        .kind(MessageClass::Unsubscribe)
        .reply(|r| {
            r.answers.clear();
            r.withdraw = true;
        })
        .sent_from_another_address();
    let decided = c.run();
    assert!(!decided.outcome.set_aside);
    assert!(matches!(
        &decided.outcome.confirmation,
        Some(Change::Hold { request, .. }) if request.withdrawal && !request.stop_asked
    ));
    assert_eq!(
        c.seen(),
        Seen {
            kind: MessageKind::Unsubscribe,
            decision: Some(HeldDecision::Held),
            flags: vec![FlagKind::DifferentSender],
            change: "hold, mailed",
            answers: 0,
            mail: vec![Mail::Confirmation],
            ..reply_seen(|_| {})
        }
    );
}

/// A reply accepted from another address (`different_sender =
/// "accept"`): its answers count, but a stop of mail or a deletion request
/// in it waits for the listed address's confirmation.
#[test]
fn a_reply_accepted_from_another_address_holds_its_stop_of_mail_for_the_person() {
    let mut c = case()
        .reply(|r| r.opt_out = true)
        .sent_from_another_address();
    c.survey.replies.accept_different_sender = true;
    let decided = c.run();
    assert!(matches!(
        &decided.outcome.confirmation,
        Some(Change::Hold { request, .. })
            if request.stop_asked && !request.withdrawal && request.answers.is_empty()
    ));
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.decision = Some(HeldDecision::Accepted);
            s.flags = vec![FlagKind::DifferentSender];
            s.change = "hold, mailed";
            s.mail = vec![Mail::Confirmation];
        })
    );
}

#[test]
fn a_reply_accepted_from_another_address_holds_its_deletion_request_for_the_person() {
    let mut c = case()
        .reply(|r| r.withdraw = true)
        .sent_from_another_address();
    c.survey.replies.accept_different_sender = true;
    let decided = c.run();
    assert!(!decided.outcome.set_aside);
    assert!(matches!(
        &decided.outcome.confirmation,
        Some(Change::Hold { request, .. }) if request.withdrawal && !request.stop_asked
    ));
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.decision = Some(HeldDecision::Accepted);
            s.flags = vec![FlagKind::DifferentSender];
            s.change = "hold, mailed";
            s.mail = vec![Mail::Confirmation];
        })
    );
}

/// "Not me" starts only what the request stopped;
/// a forged opt-out for someone whose mail is already stopped (their own
/// opt-out) stops nothing, holds nothing and mails nothing.
#[test]
fn an_opt_out_without_a_token_for_someone_already_opted_out_holds_nothing() {
    let mut c = case()
        .kind(MessageClass::Unsubscribe)
        .by_sender()
        .reply(|r| r.answers.clear());
    c.facts.found.as_mut().unwrap().person.status = RecipientStatus::OptedOut;
    assert!(c.run().outcome.reason.contains("already stopped"));
    assert_eq!(
        c.seen(),
        Seen {
            kind: MessageKind::Unsubscribe,
            flags: vec![FlagKind::MatchedBySender],
            answers: 0,
            ..reply_seen(|_| {})
        }
    );
}

#[test]
fn a_deletion_request_without_a_token_for_someone_opted_out_is_still_held() {
    let mut c = case()
        .kind(MessageClass::Unsubscribe)
        .by_sender()
        .reply(|r| {
            r.answers.clear();
            r.withdraw = true;
            r.opt_out = true;
        });
    c.facts.found.as_mut().unwrap().person.status = RecipientStatus::OptedOut;
    let decided = c.run();
    assert!(matches!(
        &decided.outcome.confirmation,
        Some(Change::Hold { request, .. }) if request.withdrawal && !request.opt_out
    ));
    assert_eq!(decided.outcome.recipient_status, None);
}

#[test]
fn an_unrelated_message_with_the_token_is_filed_unmatched() {
    let c = case()
        .kind(MessageClass::Unrelated)
        .reply(|r| r.answers.clear());
    assert_eq!(
        c.seen(),
        Seen {
            kind: MessageKind::Unrelated,
            folder: "unmatched",
            answers: 0,
            ..reply_seen(|_| {})
        }
    );
}

// --- answers to a confirmation ---------------------------------------------------

#[test]
fn confirm_settles_the_pending_confirmation() {
    let c = case()
        .reply(|r| r.answers.clear())
        .pending(no_token(), true)
        .word(Word::Confirm);
    assert!(c.run().outcome.reason.starts_with("\"confirm\""));
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.change = "settle: confirm";
            s.answers = 0;
        })
    );
}

#[test]
fn not_me_settles_it_the_other_way() {
    let c = case()
        .kind(MessageClass::Unrelated)
        .reply(|r| r.answers.clear())
        .pending(no_token(), true)
        .word(Word::NotMe);
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.change = "settle: not me";
            s.answers = 0;
        })
    );
}

#[test]
fn anything_else_in_reply_to_a_confirmation_goes_to_the_lead() {
    let mut c = case()
        .reply(|r| r.answers.clear())
        .pending(no_token(), true);
    c.message().answers_confirmation = true;
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.decision = Some(HeldDecision::Held);
            s.flags = vec![FlagKind::ConfirmationUnclear];
            s.answers = 0;
        })
    );
}

#[test]
fn confirm_without_the_token_settles_nothing() {
    let c = case()
        .by_sender()
        .reply(|r| r.answers.clear())
        .pending(no_token(), true)
        .word(Word::Confirm);
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.flags = vec![FlagKind::MatchedBySender, FlagKind::NoAnswers];
            s.answers = 0;
        })
    );
}

#[test]
fn confirm_to_inferred_answers_completes_the_reply_with_a_receipt() {
    let mut c = case()
        .reply(|r| r.answers.clear())
        .pending(inferred_request(), true)
        .word(Word::Confirm);
    let mut answers = complete();
    answers.insert(
        "training".into(),
        Answer::inferred(Value::Bool(true), "yes"),
    );
    c.facts.answers = answers;
    let decided = c.run();
    assert!(decided.intents[0].answers["training"].is_ok());
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.change = "settle: confirm";
            s.answers = 0;
            s.mail = vec![Mail::Receipt];
        })
    );
}

#[test]
fn corrections_to_inferred_answers_confirm_the_rest() {
    let mut c = case()
        .reply(|r| r.answers = partial())
        .pending(inferred_request(), true);
    c.message().answers_confirmation = true;
    assert!(c.run().outcome.reason.starts_with("corrections"));
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.change = "settle: confirm";
            s.answers = 1;
            s.mail = vec![Mail::Clarification];
        })
    );
}

// --- "confirm" binds to what the email showed ----------------------------------

/// A pending confirmation mailed, then changed: the message answers the
/// email that showed the version before.
fn changed_since_shown(c: Case) -> Case {
    let mut c = c.pending(no_token(), true);
    let mut before = no_token();
    before
        .answers
        .insert("confidence".into(), Answer::ok(Value::Integer(7), "7"));
    c.facts.shown = Some(before.fingerprint());
    c
}

#[test]
fn confirm_to_an_email_that_showed_other_values_counts_nothing_and_asks_again() {
    let c = changed_since_shown(case().reply(|r| r.answers.clear()).word(Word::Confirm));
    let decided = c.run();
    assert!(
        decided.outcome.reason.contains("nothing counted"),
        "{}",
        decided.outcome.reason
    );
    assert_eq!(
        decided.intents[0].confirmation.as_ref(),
        Some(&no_token()),
        "the new email shows what is held now"
    );
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.answers = 0;
            s.mail = vec![Mail::Confirmation];
        })
    );
}

#[test]
fn confirm_outside_a_reply_to_the_email_counts_nothing_and_asks_again() {
    let mut c = case()
        .reply(|r| r.answers.clear())
        .pending(no_token(), true)
        .word(Word::Confirm);
    c.facts.shown = None;
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.answers = 0;
            s.mail = vec![Mail::Confirmation];
        })
    );
}

#[test]
fn confirm_to_an_older_email_over_the_daily_cap_goes_to_the_lead() {
    let mut c = changed_since_shown(case().reply(|r| r.answers.clear()).word(Word::Confirm));
    c.facts.sent.automatic_today = 3;
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.flags = vec![FlagKind::ConfirmationUnclear];
            s.answers = 0;
        })
    );
}

#[test]
fn not_me_to_an_older_email_still_discards_everything() {
    let c = changed_since_shown(case().reply(|r| r.answers.clear()).word(Word::NotMe));
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.change = "settle: not me";
            s.answers = 0;
        })
    );
}

#[test]
fn corrections_to_an_older_email_of_inferred_answers_count_but_confirm_nothing() {
    let mut c = case()
        .reply(|r| r.answers = partial())
        .pending(inferred_request(), true);
    c.facts.shown = Some(no_token().fingerprint());
    c.message().answers_confirmation = true;
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.answers = 1;
            s.mail = vec![Mail::Confirmation];
        })
    );
}

// --- conditions (show_if) ----------------------------------------------

/// The seed survey with its conditions (`config/seed-conditions.toml`):
/// situations only if used_ketamine == yes, protocol_shared only if
/// written_protocol == yes.
fn conditional_case(answers: &[(&str, Answer)]) -> Case {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config/seed-conditions.toml");
    let mut c = case().reply(|r| {
        r.answers = answers
            .iter()
            .map(|(q, a)| ((*q).to_owned(), a.clone()))
            .collect()
    });
    c.survey = Survey::load(&path).expect("the seed survey with conditions loads");
    c
}

/// Everything but the two conditional questions and `used_ketamine`.
fn unconditional(used: Option<bool>) -> Vec<(&'static str, Answer)> {
    let mut answers = vec![
        ("confidence", Answer::ok(Value::Integer(6), "6")),
        (
            "barriers",
            Answer::ok(Value::Choices(vec!["evidence".into()]), "b"),
        ),
        ("written_protocol", Answer::ok(Value::Bool(false), "no")),
        ("training", Answer::ok(Value::Bool(true), "yes")),
    ];
    if let Some(used) = used {
        answers.push(("used_ketamine", Answer::ok(Value::Bool(used), "x")));
    }
    answers
}

/// What the follow-up of the row's first intent will ask for.
fn asked(c: &Case) -> Vec<String> {
    let decided = c.run();
    let intent = decided.intents.first().expect("a follow-up");
    crate::understand::applies::outstanding(&c.survey.questions, &intent.answers)
        .iter()
        .map(|q| q.id.clone())
        .collect()
}

#[test]
fn a_question_whose_condition_is_false_is_not_missing() {
    let c = conditional_case(&unconditional(Some(false)));
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.answers = 5;
            s.mail = vec![Mail::Receipt];
        })
    );
}

#[test]
fn the_answer_a_condition_depends_on_is_asked_for_first() {
    let c = conditional_case(&unconditional(None));
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.answers = 4;
            s.mail = vec![Mail::Clarification];
        })
    );
    assert_eq!(asked(&c), ["used_ketamine"], "situations waits on it");
}

#[test]
fn a_correction_that_flips_a_condition_asks_for_what_now_applies() {
    let mut c = conditional_case(&[("used_ketamine", Answer::ok(Value::Bool(true), "yes"))])
        .reply(|r| r.corrections = vec!["used_ketamine".into()]);
    c.facts.answers = unconditional(Some(false))
        .into_iter()
        .map(|(q, a)| (q.to_owned(), a))
        .collect();
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.answers = 1;
            s.mail = vec![Mail::Clarification];
        })
    );
    assert_eq!(asked(&c), ["situations"]);
}

#[test]
fn an_answer_to_a_question_that_does_not_apply_is_kept_and_never_asked_about() {
    let mut answers = unconditional(Some(false));
    answers.push(("situations", Answer::unclear("two readings", "a or b")));
    let c = conditional_case(&answers);
    assert_eq!(
        c.seen(),
        reply_seen(|s| {
            s.answers = 6;
            s.mail = vec![Mail::Receipt];
        })
    );
}
