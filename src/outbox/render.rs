//! Rendering: the message an outbox row stands for, as it goes out.

use jiff::Timestamp;

use crate::compose::Outgoing;
use crate::compose::invitation::{self, QuestionnaireMail};
use crate::store::{Claimed, MailKind};
use crate::survey::Survey;
use crate::survey::templates::Templates;
use crate::{Error, Result};

/// Builds the message a claimed outbox row stands for.
pub fn render(
    survey: &Survey,
    templates: &Templates,
    claimed: &Claimed,
    now: Timestamp,
) -> Result<Outgoing> {
    let recipient = claimed.recipient.as_ref();
    let kind = match claimed.kind {
        MailKind::Invitation => Some(QuestionnaireMail::Invitation),
        MailKind::Reminder => Some(QuestionnaireMail::Reminder(claimed.seq)),
        _ => None,
    };
    let mut mail = match (kind, recipient, &claimed.body) {
        (Some(kind), Some(person), _) => invitation::mail(survey, templates, person, kind, now)?,
        (_, _, Some(body)) => {
            let to = match recipient {
                Some(person) => vec![parse_address(&person.email)?],
                None => survey
                    .leads
                    .iter()
                    .map(|l| parse_address(&l.email))
                    .collect::<Result<_>>()?,
            };
            Outgoing {
                message_id: claimed.message_id.clone(),
                envelope_from: survey.sender.address.clone(),
                envelope_to: to,
                bytes: body.clone(),
            }
        }
        _ => {
            return Err(Error::Message(format!(
                "outbox row {} ({}) has nothing to send",
                claimed.id, claimed.kind
            )));
        }
    };
    if survey.sending.verp
        && let Some(verp) =
            crate::outbox::verp::address(&survey.sender.address, &claimed.bounce_key)
    {
        mail.envelope_from = verp;
    }
    Ok(mail)
}

/// `text` as an envelope address (its domain in ASCII form, as the
/// message's own header has it).
fn parse_address(text: &str) -> Result<lettre::Address> {
    crate::survey::address::ascii_domain(text)
        .parse()
        .map_err(|e| Error::Message(format!("address {text}: {e}")))
}
