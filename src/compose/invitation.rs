//! The questionnaire email, personalised for one recipient: the invitation
//! and, with the same token and questions, each reminder.

use std::collections::BTreeMap;

use jiff::Timestamp;
use lettre::message::Mailbox;
use minijinja::Value;
use serde::Serialize;

use crate::compose::token::Token;
use crate::compose::{AutoSubmitted, Draft};
use crate::survey::Survey;
use crate::survey::questionnaire;
use crate::survey::templates::Templates;

pub use crate::compose::token::message_id;
use crate::{Error, Result};

/// Which questionnaire email.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionnaireMail {
    /// The first one.
    Invitation,
    /// Reminder number `n` (1-based).
    Reminder(u32),
}

impl QuestionnaireMail {
    /// The name used in Message-IDs and the store.
    pub fn name(self) -> &'static str {
        match self {
            QuestionnaireMail::Invitation => "invitation",
            QuestionnaireMail::Reminder(_) => "reminder",
        }
    }

    /// The sequence number in Message-IDs and the store.
    pub fn seq(self) -> u32 {
        match self {
            QuestionnaireMail::Invitation => 1,
            QuestionnaireMail::Reminder(n) => n,
        }
    }
}

/// A recipient as the templates see them.
#[derive(Debug, Clone)]
pub struct Invitee<'a> {
    /// Name from the list.
    pub name: &'a str,
    /// Address from the list.
    pub email: &'a str,
    /// Extra columns.
    pub attributes: &'a BTreeMap<String, String>,
    /// Their token.
    pub token: &'a Token,
}

/// The address a reply goes to: `reply+TOKEN@domain`.
pub fn reply_address(survey: &Survey, token: &Token) -> Result<lettre::Address> {
    survey
        .sender
        .plus_address(token.as_str())
        .parse()
        .map_err(|e| Error::Message(format!("reply address: {e}")))
}

/// The List-Unsubscribe address: `reply+u.TOKEN@domain` (short, so that
/// the local part stays within the 64 characters RFC 5321 allows).
pub fn unsubscribe_address(survey: &Survey, token: &Token) -> Result<lettre::Address> {
    survey
        .sender
        .plus_address(&format!("u.{}", token.as_str()))
        .parse()
        .map_err(|e| Error::Message(format!("unsubscribe address: {e}")))
}

/// A date as people read it: `Thursday 10 December 2026 at 17:00 (Europe/London)`.
pub fn human_date(survey: &Survey, at: Timestamp) -> String {
    let zoned = at.to_zoned_datetime(survey.period.time_zone.clone());
    let zone = survey.period.time_zone.iana_name().unwrap_or("UTC");
    format!("{} ({zone})", zoned.strftime("%A %-d %B %Y at %H:%M"))
}

#[derive(Serialize)]
struct SurveyContext<'a> {
    id: &'a str,
    title: &'a str,
    description: &'a str,
    purpose: &'a str,
    run_by: &'a str,
    ethics_reference: &'a str,
    data_use: &'a str,
    withdrawal: &'a str,
    open: String,
    close: String,
}

/// The template context shared by every questionnaire email.
pub fn survey_context(survey: &Survey) -> Value {
    Value::from_serialize(SurveyContext {
        id: &survey.id,
        title: &survey.title,
        description: &survey.description,
        purpose: &survey.study.purpose,
        run_by: &survey.study.run_by,
        ethics_reference: &survey.study.ethics_reference,
        data_use: &survey.study.data_use,
        withdrawal: &survey.study.withdrawal,
        open: human_date(survey, survey.period.open.timestamp()),
        close: human_date(survey, survey.period.close.timestamp()),
    })
}

/// The template context of a recipient: name, email and the list's columns.
pub fn recipient_context(invitee: &impl AsInvitee) -> Value {
    let invitee = invitee.as_invitee();
    let mut fields: BTreeMap<&str, &str> = invitee
        .attributes
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    fields.insert("name", invitee.name);
    fields.insert("email", invitee.email);
    Value::from_serialize(fields)
}

/// Builds the questionnaire email of `kind` for `invitee` at `now`.
pub fn draft(
    survey: &Survey,
    templates: &Templates,
    invitee: &Invitee<'_>,
    kind: QuestionnaireMail,
    now: Timestamp,
) -> Result<Draft> {
    let numbered = || survey.questions.iter().enumerate().map(|(i, q)| (i + 1, q));
    let days_left = (survey.period.close.timestamp().as_second() - now.as_second()).max(0) / 86_400;
    let reminder = match kind {
        QuestionnaireMail::Invitation => Value::from(()),
        QuestionnaireMail::Reminder(n) => Value::from_serialize(BTreeMap::from([
            ("number", n as i64),
            ("days_left", days_left),
        ])),
    };
    let context = |questionnaire: Value, instructions: Value| {
        minijinja::context! {
            survey => survey_context(survey),
            sender => minijinja::context! { name => survey.sender.name.clone(), address => survey.sender.address.to_string() },
            recipient => recipient_context(invitee),
            questionnaire => questionnaire,
            instructions => instructions,
            reminder => reminder.clone(),
        }
    };
    let instructions = questionnaire::instructions_text();
    let text = templates.render(
        "invitation.txt",
        context(
            Value::from(questionnaire::render_text(numbered())),
            Value::from(instructions.clone()),
        ),
    )?;
    let html = templates.render(
        "invitation.html",
        context(
            Value::from_safe_string(questionnaire::render_html(numbered())),
            Value::from_safe_string(questionnaire::escape(&instructions).replace('\n', "<br>\n")),
        ),
    )?;
    let subject = match kind {
        QuestionnaireMail::Invitation => survey.subject.clone(),
        QuestionnaireMail::Reminder(_) if days_left >= 1 => format!(
            "Reminder: {} ({days_left} day{} left)",
            survey.subject,
            if days_left == 1 { "" } else { "s" }
        ),
        QuestionnaireMail::Reminder(_) => format!("Reminder: {} (closes today)", survey.subject),
    };
    let to = Mailbox::new(
        Some(invitee.name.to_owned()),
        invitee
            .email
            .parse()
            .map_err(|e| Error::Message(format!("recipient address {}: {e}", invitee.email)))?,
    );
    Ok(Draft {
        from: Mailbox::new(
            Some(survey.sender.name.clone()),
            survey.sender.address.clone(),
        ),
        to,
        cc: Vec::new(),
        reply_to: Some(reply_address(survey, invitee.token)?),
        subject,
        message_id: message_id(
            kind.name(),
            kind.seq(),
            invitee.token,
            survey.sender.address.domain(),
        ),
        in_reply_to: None,
        auto_submitted: AutoSubmitted::Generated,
        unsubscribe: Some(unsubscribe_address(survey, invitee.token)?),
        text,
        html,
        attachments: Vec::new(),
    })
}

/// The questionnaire email of `kind` for a stored recipient, encoded: what
/// the outbox sends, `send --dry-run` writes and `preview` prints.
pub fn mail(
    survey: &Survey,
    templates: &Templates,
    person: &crate::store::StoredRecipient,
    kind: QuestionnaireMail,
    now: Timestamp,
) -> Result<crate::compose::Outgoing> {
    crate::compose::compose(
        draft(survey, templates, &person.as_invitee(), kind, now)?,
        now,
    )
}

/// Anything that can be addressed as an invitee in templates.
pub trait AsInvitee {
    /// The invitee's view of it.
    fn as_invitee(&self) -> Invitee<'_>;
}

impl AsInvitee for Invitee<'_> {
    fn as_invitee(&self) -> Invitee<'_> {
        self.clone()
    }
}

impl AsInvitee for crate::store::StoredRecipient {
    fn as_invitee(&self) -> Invitee<'_> {
        Invitee {
            name: &self.name,
            email: &self.email,
            attributes: &self.attributes,
            token: &self.token,
        }
    }
}
