//! The words the store keeps in its TEXT columns, as enums: each spelled
//! once, here, so a typo is a compile error and a value the program does
//! not know, read back from the file, is an error naming its row instead
//! of a silent default.

use std::fmt;

use crate::understand::classify::MessageClass;

/// Declares an enum with the name each variant has in the store.
macro_rules! stored_words {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident => $word:literal,)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The word in the store (and in `status --json`).
            pub fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $word,)+
                }
            }

            /// The value a stored word names, if it names one.
            pub fn from_name(word: &str) -> Option<$name> {
                match word {
                    $($word => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.name())
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.name() == *other
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.name())
            }
        }

        impl rusqlite::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.name().into())
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let word = value.as_str()?;
                $name::from_name(word).ok_or_else(|| {
                    rusqlite::types::FromSqlError::Other(
                        format!(concat!("'{}' is not a known ", stringify!($name)), word).into(),
                    )
                })
            }
        }
    };
}

stored_words! {
    /// Where a person stands: whether they still get mail.
    RecipientStatus {
        /// Gets mail.
        Active => "active",
        /// Their address failed; no more mail.
        Bounced => "bounced",
        /// Asked for no more mail.
        OptedOut => "opted_out",
        /// Asked for their answers to be deleted (done by the lead).
        Withdrawn => "withdrawn",
    }
}

stored_words! {
    /// What an incoming message is, as stored (the classifier's verdict,
    /// or `unsubscribe` for mail to the unsubscribe address).
    MessageKind {
        /// A person's reply.
        Reply => "reply",
        /// An automatic reply.
        AutoReply => "auto_reply",
        /// A delivery failure.
        Bounce => "bounce",
        /// An opt-out.
        Unsubscribe => "unsubscribe",
        /// Nothing to do with the survey.
        Unrelated => "unrelated",
    }
}

impl From<MessageClass> for MessageKind {
    fn from(kind: MessageClass) -> MessageKind {
        match kind {
            MessageClass::Reply => MessageKind::Reply,
            MessageClass::AutoReply => MessageKind::AutoReply,
            MessageClass::Bounce => MessageKind::Bounce,
            MessageClass::Unsubscribe => MessageKind::Unsubscribe,
            MessageClass::Unrelated => MessageKind::Unrelated,
        }
    }
}

stored_words! {
    /// How a message was tied to its person.
    MatchedBy {
        /// A token in an address it was sent to.
        Address => "address",
        /// A token in a Message-ID it refers to.
        Reference => "reference",
        /// No token: it came from an invited address.
        Sender => "sender",
        /// A bounce delivered to the VERP address of one of our messages.
        Verp => "verp",
    }
}

stored_words! {
    /// The lead's say on a reply sent from another address than invited.
    HeldDecision {
        /// Waiting for the lead.
        Held => "held",
        /// Counted.
        Accepted => "accepted",
        /// Not counted.
        Rejected => "rejected",
    }
}

stored_words! {
    /// What a flag for the lead is about.
    FlagKind {
        /// Set aside unread (too large).
        Quarantined => "quarantined",
        /// Tied to its person by the sender's address alone.
        MatchedBySender => "matched_by_sender",
        /// Sent from another address than invited.
        DifferentSender => "different_sender",
        /// Longer than the parser reads.
        Truncated => "truncated",
        /// Asked for their answers to be deleted.
        WithdrawRequest => "withdraw_request",
        /// Answered and opted out in one message.
        OptOutWithAnswers => "opt_out_with_answers",
        /// A reply with nothing to read in it.
        NoAnswers => "no_answers",
        /// The mail it called for could not be written (bad address,
        /// failing template); the message itself was recorded.
        FollowUpFailed => "follow_up_failed",
        /// Handling it failed; it was set aside (see `review --retry`).
        Failed => "failed",
        /// A delivery report with nothing of ours in it (no VERP key, no
        /// Message-ID, no token): anyone can write one, so it stops nothing.
        UnverifiedBounce => "unverified_bounce",
        /// A bounce of one of our messages that went to another address than
        /// the person's listed one: recorded against that message only.
        BounceOfOtherAddress => "bounce_of_other_address",
        /// Our sending account hit a provider's limit: sending paused.
        SendingLimit => "sending_limit",
        /// The answer to a confirmation email was neither "confirm" nor
        /// "not me": the lead reads it.
        ConfirmationUnclear => "confirmation_unclear",
        /// A challenge-response system asks us to prove we are human: a
        /// person must answer it (or add the survey's address to the list).
        Challenge => "challenge",
    }
}

stored_words! {
    /// The kinds of mail in the outbox.
    MailKind {
        /// The questionnaire.
        Invitation => "invitation",
        /// The questionnaire again.
        Reminder => "reminder",
        /// The answers as understood.
        Receipt => "receipt",
        /// What is still missing.
        Clarification => "clarification",
        /// "No more mail."
        OptOutConfirmation => "opt_out_confirmation",
        /// "The survey has closed."
        ClosedNotice => "closed_notice",
        /// "Was this you?" (crate::decide::confirmation).
        Confirmation => "confirmation",
        /// The report to the leads.
        Report => "report",
        /// A report a lead asked for by email (`report --send`): interim
        /// before the close, a copy after it. Never taken for the final
        /// report the close sends.
        RequestedReport => "requested_report",
        /// The progress digest to the leads (crate::report::digest).
        Digest => "digest",
    }
}

stored_words! {
    /// Where an outbox row stands.
    MailState {
        /// Waiting until it is due.
        Pending => "pending",
        /// Handed to the server; not yet confirmed.
        Sending => "sending",
        /// Accepted by the server.
        Sent => "sent",
        /// Given up, with the reason.
        Failed => "failed",
        /// No longer to be sent.
        Cancelled => "cancelled",
    }
}

stored_words! {
    /// Why a queued email was cancelled (`outbox.cancel_reason`): read
    /// back to restore exactly what a request cancelled when it turns out
    /// not to be the person's ("not me").
    CancelReason {
        /// The person asked for no more mail (or someone did in their name).
        OptedOut => "opted_out",
        /// Their address failed.
        Bounced => "bounced",
        /// Their answers were deleted at their request.
        Withdrawn => "withdrawn",
        /// They are no longer in the recipient list.
        Unlisted => "unlisted",
        /// A reminder overtaken by their reply.
        Replied => "replied",
        /// The survey closed before it went.
        Closed => "closed",
    }
}

impl CancelReason {
    /// Why mail to someone whose status is `status` stops; `None` for
    /// someone still active.
    pub fn for_status(status: RecipientStatus) -> Option<CancelReason> {
        match status {
            RecipientStatus::Active => None,
            RecipientStatus::Bounced => Some(CancelReason::Bounced),
            RecipientStatus::OptedOut => Some(CancelReason::OptedOut),
            RecipientStatus::Withdrawn => Some(CancelReason::Withdrawn),
        }
    }
}

stored_words! {
    /// Where an incoming message stands. A failed message is quarantined
    /// with the reason its handling failed.
    MessageState {
        /// Stored, not yet processed.
        New => "new",
        /// Processed.
        Processed => "processed",
        /// Set aside: too large to read, or its handling failed.
        Quarantined => "quarantined",
    }
}

/// What `status` counts a received message as: its kind once processed,
/// [`Received::Failed`] while its handling has failed, and otherwise where
/// it stands (new, or set aside unread).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Received {
    /// Processed (or set aside after classifying) as this kind.
    Kind(MessageKind),
    /// Not classified: still new, or quarantined unread.
    State(MessageState),
    /// Its handling failed; waiting for `review --retry`.
    Failed,
}

impl Received {
    /// How a message whose stored columns are these is counted.
    pub fn of(failed: bool, kind: Option<MessageKind>, state: MessageState) -> Received {
        match kind {
            _ if failed => Received::Failed,
            Some(kind) => Received::Kind(kind),
            None => Received::State(state),
        }
    }

    /// The word `status` prints for it (and the key in `status --json`).
    pub fn name(self) -> &'static str {
        match self {
            Received::Kind(kind) => kind.name(),
            Received::State(state) => state.name(),
            Received::Failed => "failed",
        }
    }
}

impl fmt::Display for Received {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl serde::Serialize for Received {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_reads_back_as_itself() {
        for status in RecipientStatus::ALL {
            assert_eq!(RecipientStatus::from_name(status.name()), Some(*status));
        }
        for kind in FlagKind::ALL {
            assert_eq!(FlagKind::from_name(kind.name()), Some(*kind));
        }
        for reason in CancelReason::ALL {
            assert_eq!(CancelReason::from_name(reason.name()), Some(*reason));
        }
        assert_eq!(RecipientStatus::from_name("Active"), None);
    }
}
