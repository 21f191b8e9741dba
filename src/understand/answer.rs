//! An answer as read from a reply: the value, or why there is none. The
//! shapes here are the `answers` of `mailsurvey inspect --json`, the rows of
//! the store and the cells of the report, so they are serialised as the
//! documented JSON contract.

use serde::{Deserialize, Serialize};

use crate::survey::Reserved;

/// How sure the parser is of an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Read with certainty; `value` holds it.
    Ok,
    /// Ambiguous or conflicting ("yes and no", "6 or 7"): ask the doctor.
    Unclear,
    /// Not a possible value (out of range, no such option).
    Invalid,
    /// Plausible but not certain: read from prose, from bare lines in
    /// order, or from a mark that is only formatting. `value` holds it, but
    /// it does not count until the doctor confirms it.
    Inferred,
}

/// A value of the question's kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    /// Yes/no.
    Bool(bool),
    /// Scale or integral number.
    Integer(i64),
    /// Number with a fraction.
    Number(f64),
    /// Single choice: the option id.
    Choice(String),
    /// Multiple choice: option ids in survey order (`other` included, its
    /// text in [`Answer::other`]).
    Choices(Vec<String>),
    /// Free text. (Deserialises as `Choice` from JSON; the question's kind
    /// tells them apart.)
    Text(String),
    /// No value but a reply of its own that the question allows: "not
    /// applicable" or "prefer not to say" (JSON `{"reserved":
    /// "not_applicable"}`, so no option id or text is ever taken for it).
    Reserved {
        /// Which one.
        reserved: Reserved,
    },
}

impl Value {
    /// "Not applicable" or "prefer not to say", if that is what it is.
    pub fn reserved(&self) -> Option<Reserved> {
        match self {
            Value::Reserved { reserved } => Some(*reserved),
            _ => None,
        }
    }
}

/// One answer to one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// Ok, unclear, invalid or inferred.
    pub status: Status,
    /// The value; `None` unless `status` is ok or inferred.
    pub value: Option<Value>,
    /// Text of an "other, please specify" option, or an explanation that
    /// followed a yes/no ("Yes, frequently").
    pub other: Option<String>,
    /// Why the answer is unclear or invalid, in words.
    pub reason: Option<String>,
    /// The text the answer was read from.
    pub source: String,
}

impl Answer {
    /// A certain answer.
    pub fn ok(value: Value, source: impl Into<String>) -> Answer {
        Answer {
            status: Status::Ok,
            value: Some(value),
            other: None,
            reason: None,
            source: source.into(),
        }
    }

    /// "Not applicable" or "prefer not to say", read with certainty;
    /// `other` keeps what followed it ("n/a - retired": "retired").
    pub fn of_reserved(
        reserved: Reserved,
        other: Option<String>,
        source: impl Into<String>,
    ) -> Answer {
        Answer {
            other,
            ..Answer::ok(Value::Reserved { reserved }, source)
        }
    }

    /// An ambiguous or conflicting answer.
    pub fn unclear(reason: impl Into<String>, source: impl Into<String>) -> Answer {
        Answer {
            status: Status::Unclear,
            value: None,
            other: None,
            reason: Some(reason.into()),
            source: source.into(),
        }
    }

    /// An impossible answer.
    pub fn invalid(reason: impl Into<String>, source: impl Into<String>) -> Answer {
        Answer {
            status: Status::Invalid,
            value: None,
            other: None,
            reason: Some(reason.into()),
            source: source.into(),
        }
    }

    /// A plausible answer that the doctor has to confirm before it counts.
    pub fn inferred(value: Value, source: impl Into<String>) -> Answer {
        Answer {
            status: Status::Inferred,
            value: Some(value),
            other: None,
            reason: Some("inferred: to be confirmed by the doctor".to_owned()),
            source: source.into(),
        }
    }

    /// Does it count as a valid answer?
    pub fn is_ok(&self) -> bool {
        self.status == Status::Ok
    }

    /// The certain "not applicable" or "prefer not to say" it holds.
    pub fn reserved(&self) -> Option<Reserved> {
        self.value
            .as_ref()
            .filter(|_| self.is_ok())
            .and_then(Value::reserved)
    }

    /// Is it an inferred value awaiting the doctor's confirmation?
    pub fn is_inferred(&self) -> bool {
        self.status == Status::Inferred && self.value.is_some()
    }
}
