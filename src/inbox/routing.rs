//! Routing a message among the surveys that share a mailbox: which of
//! them it goes to (the VERP key, then a token, then the one survey that
//! lists its sender, else all of them). Apart from fetching because it is
//! a decision on facts the stores already hold: it reads, never writes, and
//! can be tested and reasoned about on its own.

use tracing::warn;

use super::Member;
use crate::Result;
use crate::understand::budget;
use crate::understand::classify::Classification;

/// Where the reader of a shared mailbox sends one message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Routed {
    /// The indices of the members it goes to.
    pub targets: Vec<usize>,
    /// It carries no token and its sender is listed in more than one of the
    /// surveys: each records it as unmatched (the fact travels with the
    /// stored message, so each survey's decision stays pure).
    pub shared_sender: bool,
}

/// Which of `members` a message goes to: the survey owning the VERP key a
/// delivery report was delivered to (a report that carries only our key
/// would otherwise be noise in every other survey); else those whose store
/// knows a token it carries (its plus-address, the Message-ID it answers,
/// the headers a bounce returns); without a token, the one survey that
/// lists its sender, if exactly one does (its attribution rules apply:
/// held, confirmation); otherwise every one of them, where it is unmatched
/// (with `shared_sender` when several list the sender).
pub fn route(raw: &[u8], members: &[Member]) -> Result<Routed> {
    let everyone = |shared_sender| Routed {
        targets: (0..members.len()).collect(),
        shared_sender,
    };
    if members.len() < 2 {
        return Ok(everyone(false));
    }
    // Read within the same budget as the daemon's reading of a stored
    // message, and before any store is asked: a message that takes longer
    // goes to every survey, where its reading is bounded again (and it is
    // set aside).
    let read = budget::within(budget::READ_BUDGET, || {
        let raw = crate::understand::mime::lighten(raw);
        let message = crate::understand::mime::parse(&raw)?;
        let classifications: Vec<Classification> = members
            .iter()
            .map(|member| crate::understand::classify::classify(&message, &member.survey))
            .collect();
        let sender = message
            .from()
            .and_then(|f| f.first())
            .and_then(|a| a.address())
            .map(str::to_owned);
        Some((classifications, sender))
    });
    let (classifications, sender) = match read {
        Ok(Some(read)) => read,
        Ok(None) => return Ok(everyone(false)),
        Err(late) => {
            warn!(
                "a message for a shared mailbox was not routed by its content: it {late}; it goes to every survey"
            );
            return Ok(everyone(false));
        }
    };
    let mut by_key = Vec::new();
    let mut claimed = Vec::new();
    for (i, (member, classification)) in members.iter().zip(&classifications).enumerate() {
        for found in &classification.bounce_keys {
            if member
                .store
                .sent_mail_by_key(&member.survey.id, &found.key)?
                .is_some()
            {
                by_key.push(i);
                break;
            }
        }
        let candidates = match &classification.bounce {
            Some(bounce) => &bounce.returned,
            None => &classification.candidates,
        };
        for candidate in candidates {
            if member
                .store
                .recipient_by_token(&member.survey.id, &candidate.token)?
                .is_some()
            {
                claimed.push(i);
                break;
            }
        }
    }
    if !by_key.is_empty() {
        return Ok(Routed {
            targets: by_key,
            shared_sender: false,
        });
    }
    if !claimed.is_empty() {
        return Ok(Routed {
            targets: claimed,
            shared_sender: false,
        });
    }
    let mut listing = Vec::new();
    if let Some(sender) = sender {
        for (i, member) in members.iter().enumerate() {
            if member
                .store
                .recipient_by_email(&member.survey.id, &sender)?
                .is_some()
            {
                listing.push(i);
            }
        }
    }
    if listing.len() == 1 {
        return Ok(Routed {
            targets: listing,
            shared_sender: false,
        });
    }
    Ok(everyone(listing.len() > 1))
}
