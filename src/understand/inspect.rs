//! `mailsurvey inspect`: one message through classification, matching and
//! parsing, without the store or the servers, so the study lead can see why
//! a reply was or was not counted. [`Inspection`] serialises to the
//! documented, stable contract in `docs/inspect.schema.json`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::survey::Survey;
use crate::understand::answer::Answer;
use crate::understand::classify::{self, Classification, MessageClass};

/// The version of the JSON contract; raised on any incompatible change
/// (2: bounced_recipients, bounce_kind and the answer status `inferred`;
/// 3: the value `{"reserved": "not_applicable" | "prefer_not_to_say"}`;
/// 4: a grid's items as answers of their own keyed `<grid>.<item>`, a
/// ranking's value the option ids from rank 1 down, a duration's number).
pub const SCHEMA_VERSION: u32 = 4;

/// What `inspect --json` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Inspection {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The classification alone, whether or not a token matches.
    pub kind: MessageClass,
    /// The token matching found (the returned original's for a bounce).
    pub token: Option<String>,
    /// For a bounce: the address that failed (the first, when several did).
    pub bounced_recipient: Option<String>,
    /// For a bounce: every address that failed, in the report's order;
    /// empty otherwise. Added in schema version 2.
    pub bounced_recipients: Vec<String>,
    /// For a delivery report: `hard` (a bounce), `soft` (a delay, which
    /// bounces nobody) or `sender` (a refusal about our own account's
    /// sending limits, which pauses sending and bounces nobody); null for
    /// anything else. Added in schema version 2.
    pub bounce_kind: Option<BounceKind>,
    /// Answers by question id; empty for anything but a reply.
    pub answers: BTreeMap<String, Answer>,
    /// Required questions with no answer at all; empty for anything but a
    /// reply.
    pub missing: Vec<String>,
    /// The full verdict, for the readable summary; not part of the JSON.
    #[serde(skip)]
    pub classification: Option<Classification>,
}

/// What kind of delivery report a message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BounceKind {
    /// Permanent: the recipient did not get the mail.
    Hard,
    /// A delay: the server will retry; nobody is bounced.
    Soft,
    /// Our own account hit a limit: sending pauses, nobody is bounced.
    Sender,
}

/// Inspects a raw message. Never fails: bytes that are not a message at all
/// are unrelated mail.
pub fn inspect(raw: &[u8], survey: &Survey) -> Inspection {
    let raw = crate::understand::mime::lighten(raw);
    let Some(message) = crate::understand::mime::parse(&raw) else {
        return Inspection {
            schema_version: SCHEMA_VERSION,
            kind: MessageClass::Unrelated,
            token: None,
            bounced_recipient: None,
            bounced_recipients: Vec::new(),
            bounce_kind: None,
            answers: BTreeMap::new(),
            missing: Vec::new(),
            classification: None,
        };
    };
    let verdict = classify::classify(&message, survey);
    let (answers, missing) = match (&verdict.kind, &verdict.reply) {
        (MessageClass::Reply, Some(reply)) => (reply.answers.clone(), reply.missing.clone()),
        _ => (BTreeMap::new(), Vec::new()),
    };
    Inspection {
        schema_version: SCHEMA_VERSION,
        kind: verdict.kind,
        token: verdict.token().map(|t| t.as_str().to_owned()),
        bounced_recipient: verdict
            .bounce
            .as_ref()
            .filter(|_| verdict.kind == MessageClass::Bounce)
            .and_then(|b| b.final_recipient.clone()),
        bounced_recipients: verdict
            .bounce
            .as_ref()
            .filter(|_| verdict.kind == MessageClass::Bounce)
            .map(|b| b.recipients.clone())
            .unwrap_or_default(),
        bounce_kind: verdict.bounce.as_ref().map(|b| {
            if b.sender_side {
                BounceKind::Sender
            } else if verdict.kind == MessageClass::Bounce {
                BounceKind::Hard
            } else {
                BounceKind::Soft
            }
        }),
        answers,
        missing,
        classification: Some(verdict),
    }
}

impl Inspection {
    /// The contract's JSON, pretty-printed.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("an inspection serialises")
    }

    /// A summary for people: the verdict, why, and each answer with its
    /// source.
    pub fn summary(&self, survey: &Survey) -> String {
        let mut out = String::new();
        let kind = serde_json::to_value(self.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        out.push_str(&format!("kind:   {kind}\n"));
        if let Some(c) = &self.classification {
            out.push_str(&format!("why:    {}\n", c.reason));
        }
        out.push_str(&format!(
            "token:  {}\n",
            self.token.as_deref().unwrap_or("none")
        ));
        if let Some(c) = &self.classification {
            for candidate in &c.candidates {
                out.push_str(&format!(
                    "        found in {:?}: {}\n",
                    candidate.place, candidate.found_in
                ));
            }
            if let Some(bounce) = &c.bounce {
                let named = if bounce.recipients.is_empty() {
                    "recipient not named".to_owned()
                } else {
                    bounce.recipients.join(", ")
                };
                out.push_str(&format!(
                    "bounce: {named} (action {}, status {})\n",
                    bounce.action.as_deref().unwrap_or("-"),
                    bounce.status.as_deref().unwrap_or("-")
                ));
                if let Some(d) = &bounce.diagnostic {
                    out.push_str(&format!("        {d}\n"));
                }
            }
            if let Some(reply) = &c.reply {
                let flags: Vec<&str> = [
                    (reply.opt_out, "asks to stop mail"),
                    (reply.withdraw, "asks for answers to be deleted"),
                    (reply.truncated, "text truncated"),
                ]
                .iter()
                .filter(|(on, _)| *on)
                .map(|(_, what)| *what)
                .collect();
                if !flags.is_empty() {
                    out.push_str(&format!("flags:  {}\n", flags.join(", ")));
                }
            }
        }
        for (number, question) in survey.questions.iter().enumerate() {
            let Some(answer) = self.answers.get(&question.id) else {
                continue;
            };
            let shown = match (&answer.value, &answer.reason) {
                (Some(value), _) if answer.is_inferred() => format!(
                    "{} (inferred: counts once the doctor confirms it)",
                    serde_json::to_string(value).unwrap_or_default()
                ),
                (Some(value), _) => serde_json::to_string(value).unwrap_or_default(),
                (None, Some(reason)) => format!(
                    "{}: {reason}",
                    format!("{:?}", answer.status).to_lowercase()
                ),
                (None, None) => format!("{:?}", answer.status).to_lowercase(),
            };
            out.push_str(&format!("{:>2}. {:<18} {shown}", number + 1, question.id));
            if let Some(other) = &answer.other {
                out.push_str(&format!(" (+ \"{other}\")"));
            }
            out.push_str(&format!(
                "\n      from: {}\n",
                answer.source.replace('\n', " / ")
            ));
        }
        if !self.missing.is_empty() {
            out.push_str(&format!("missing: {}\n", self.missing.join(", ")));
        }
        out
    }
}
