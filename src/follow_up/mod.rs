//! Mail we send in answer to a doctor's message: a receipt echoing the
//! answers as understood, one clarification that says exactly what is
//! still needed, the confirmation of an opt-out, the note that the survey
//! has closed. All carry `Auto-Submitted: auto-replied` (RFC 3834), answer
//! the doctor's message by In-Reply-To, and have a Message-ID derived from
//! it, so a resend after a crash reuses it.

pub mod digest;
pub mod timeline;

use std::collections::BTreeMap;

use lettre::message::Mailbox;

use crate::compose::invitation::{message_id, reply_address, unsubscribe_address};
use crate::compose::{AutoSubmitted, Draft};
use crate::store::StoredRecipient;
use crate::survey::questionnaire;
use crate::survey::templates::Templates;
use crate::survey::{Question, QuestionKind, Survey};
use crate::understand::answer::{Answer, Status, Value};
use crate::{Error, Result};

/// Which follow-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUpKind {
    /// The answers as understood; the doctor may correct them.
    Receipt,
    /// What is still missing or unclear.
    Clarification,
    /// "You will get no more mail."
    OptOutConfirmation,
    /// "The survey has closed."
    ClosedNotice,
    /// "Was this you?": what a message without a token (or with inferred
    /// answers) asked for, held until the person confirms it
    /// ([`crate::decide::confirmation`]). Built by [`confirmation`], not [`draft`].
    Confirmation,
}

impl From<FollowUpKind> for crate::store::MailKind {
    fn from(kind: FollowUpKind) -> crate::store::MailKind {
        use crate::store::MailKind;
        match kind {
            FollowUpKind::Receipt => MailKind::Receipt,
            FollowUpKind::Clarification => MailKind::Clarification,
            FollowUpKind::OptOutConfirmation => MailKind::OptOutConfirmation,
            FollowUpKind::ClosedNotice => MailKind::ClosedNotice,
            FollowUpKind::Confirmation => MailKind::Confirmation,
        }
    }
}

impl FollowUpKind {
    /// Name in the store and in Message-IDs.
    pub fn name(self) -> &'static str {
        match self {
            FollowUpKind::Receipt => "receipt",
            FollowUpKind::Clarification => "clarification",
            FollowUpKind::OptOutConfirmation => "opt_out_confirmation",
            FollowUpKind::ClosedNotice => "closed_notice",
            FollowUpKind::Confirmation => crate::decide::confirmation::KIND,
        }
    }
}

/// The lines a receipt or clarification lists as understood for question
/// `n`: `4. yes`, or one per answered grid item (`4a) Choosing a starting
/// dose: 4`).
fn understood_lines(n: usize, q: &Question, answers: &BTreeMap<String, Answer>) -> Vec<String> {
    if let QuestionKind::Grid { items, .. } = &q.kind {
        return items
            .iter()
            .zip(q.answered_questions())
            .enumerate()
            .filter_map(|(i, (item, item_q))| {
                answers.get(&item_q.id).filter(|a| a.is_ok()).map(|a| {
                    format!(
                        "{n}{}) {}: {}",
                        questionnaire::option_letter(i),
                        item.label,
                        describe(&item_q, a)
                    )
                })
            })
            .collect();
    }
    answers
        .get(&q.id)
        .filter(|a| a.is_ok())
        .map(|a| format!("{n}. {}", describe(q, a)))
        .into_iter()
        .collect()
}

/// What a clarification asks of question `n`: one line, or one per grid
/// item without an answer that counts.
fn needed_lines(n: usize, q: &Question, answers: &BTreeMap<String, Answer>) -> Vec<String> {
    if let QuestionKind::Grid { items, .. } = &q.kind {
        let asked = crate::understand::applies::items_outstanding(q, answers);
        let item_qs = q.answered_questions();
        return asked
            .into_iter()
            .map(|i| {
                format!(
                    "{n}{}) {}: {}",
                    questionnaire::option_letter(i),
                    items[i].label,
                    need(&item_qs[i], answers.get(&item_qs[i].id))
                )
            })
            .collect();
    }
    vec![format!("{n}. {}", need(q, answers.get(&q.id)))]
}

/// An answer in words, as the doctor would write it.
pub fn describe(question: &Question, answer: &Answer) -> String {
    if let Some(shown) = crate::understand::parse::duration_shown(question, answer) {
        return shown;
    }
    let value = match &answer.value {
        Some(Value::Bool(true)) => "yes".to_owned(),
        Some(Value::Bool(false)) => "no".to_owned(),
        Some(Value::Integer(n)) => n.to_string(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Choice(id)) if matches!(question.kind, QuestionKind::Text) => id.clone(),
        Some(Value::Text(text)) => text.clone(),
        Some(Value::Choice(id)) => label(question, id),
        Some(Value::Choices(ids)) if matches!(question.kind, QuestionKind::Ranking(_)) => ids
            .iter()
            .enumerate()
            .map(|(rank, id)| format!("{} {}", rank + 1, label(question, id)))
            .collect::<Vec<_>>()
            .join("; "),
        Some(Value::Choices(ids)) => ids
            .iter()
            .map(|id| label(question, id))
            .collect::<Vec<_>>()
            .join("; "),
        Some(Value::Reserved { reserved }) => reserved.label().to_owned(),
        None => String::new(),
    };
    match (&answer.other, &answer.value) {
        (Some(other), Some(Value::Choices(_) | Value::Choice(_)))
            if !matches!(question.kind, QuestionKind::Text) =>
        {
            format!("{value} ({other})")
        }
        (Some(other), Some(Value::Bool(_) | Value::Reserved { .. })) => {
            format!("{value} ({other})")
        }
        _ => value,
    }
}

fn label(question: &Question, id: &str) -> String {
    questionnaire::option_label(question, id).unwrap_or_else(|| id.to_owned())
}

/// What a clarification asks about one question.
fn need(question: &Question, answer: Option<&Answer>) -> String {
    match answer {
        None => "no answer yet".to_owned(),
        Some(a) => {
            let why = a
                .reason
                .clone()
                .unwrap_or_else(|| "we could not read it".into());
            let what = match a.status {
                Status::Invalid => "not a possible answer",
                _ => "unclear",
            };
            format!("you wrote \"{}\": {what} ({why})", a.source.trim())
                + match &question.kind {
                    QuestionKind::Scale { min, max, .. } => {
                        format!("; please give one whole number from {min} to {max}")
                    }
                    QuestionKind::YesNo => "; please answer yes or no".to_owned(),
                    QuestionKind::MultipleChoice(_) => {
                        "; please give the letters of the options that apply".to_owned()
                    }
                    QuestionKind::SingleChoice(_) => "; please give one letter".to_owned(),
                    QuestionKind::Duration { unit } => {
                        format!("; please give one number of {}", unit.name())
                    }
                    QuestionKind::Ranking(options) => format!(
                        "; please number every letter from 1 to {}, each number once",
                        options.len()
                    ),
                    _ => String::new(),
                }
                .as_str()
        }
    }
}

/// The context a follow-up is written in.
pub struct Context<'a> {
    /// The survey.
    pub survey: &'a Survey,
    /// Its templates (the prose of each follow-up).
    pub templates: &'a Templates,
    /// To whom.
    pub recipient: &'a StoredRecipient,
    /// The doctor's message we answer (Message-ID without brackets).
    pub in_reply_to: Option<String>,
    /// Row id of that message: makes the Message-ID unique and stable.
    pub seq: i64,
    /// Where to send (the doctor's own address).
    pub to: String,
}

/// Builds a follow-up. `answers` are the person's current answers.
pub fn draft(
    kind: FollowUpKind,
    context: &Context<'_>,
    answers: &BTreeMap<String, Answer>,
) -> Result<Draft> {
    let survey = context.survey;
    let numbered: Vec<(usize, &Question)> = survey
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| (i + 1, q))
        .collect();
    let understood: Vec<String> = numbered
        .iter()
        .flat_map(|(n, q)| {
            let mut lines = understood_lines(*n, q, answers);
            // Kept, never asked about, and said so.
            if crate::understand::applies::answered_anyway(&survey.questions, n - 1, answers) {
                for line in &mut lines {
                    line.push_str(" (this question did not apply to you: kept, not counted)");
                }
            }
            lines
        })
        .collect();
    // Only what applies: never a question whose condition is false, and a
    // question waiting on an unanswered one only once that one is answered.
    let outstanding = crate::understand::applies::outstanding(&survey.questions, answers);
    let still: Vec<(usize, &Question)> = numbered
        .iter()
        .filter(|(_, q)| outstanding.iter().any(|o| o.id == q.id))
        .copied()
        .collect();
    let needed: Vec<String> = still
        .iter()
        .flat_map(|(n, q)| needed_lines(*n, q, answers))
        .collect();
    let asking: Vec<(usize, &Question, Option<Vec<usize>>)> = still
        .iter()
        .map(|(n, q)| {
            let items = matches!(q.kind, QuestionKind::Grid { .. })
                .then(|| crate::understand::applies::items_outstanding(q, answers));
            (*n, *q, items)
        })
        .collect();
    let subject = match kind {
        FollowUpKind::Receipt => format!("Thank you: {}", survey.title),
        FollowUpKind::Clarification => format!("One more thing: {}", survey.title),
        FollowUpKind::OptOutConfirmation => {
            format!("You will get no more mail about: {}", survey.title)
        }
        FollowUpKind::ClosedNotice => format!("The survey has closed: {}", survey.title),
        FollowUpKind::Confirmation => {
            return Err(Error::Message(
                "a confirmation is drafted by follow_up::confirmation".into(),
            ));
        }
    };
    let context_for = |questionnaire: minijinja::Value| {
        base_context(
            survey,
            context.recipient,
            &understood,
            &needed,
            questionnaire,
        )
    };
    let text = context.templates.render(
        &format!("{}.txt", kind.name()),
        context_for(minijinja::Value::from(questionnaire::render_text_asking(
            asking.iter().cloned(),
        ))),
    )?;
    let html = context.templates.render(
        &format!("{}.html", kind.name()),
        context_for(minijinja::Value::from_safe_string(
            questionnaire::render_html_asking(asking.iter().cloned()),
        )),
    )?;
    finish(kind, context, &context.to, subject, text, html)
}

/// Builds the confirmation email for `request`: to the listed address only
/// (never From, Reply-To or Sender of the message that asked), listing the
/// coded answers understood and what was stopped or asked, and how to
/// answer ("confirm" or "not me"). Not threaded to the message that asked,
/// whose sender may be a stranger.
pub fn confirmation(
    context: &Context<'_>,
    request: &crate::decide::confirmation::Request,
) -> Result<Draft> {
    confirmation_asking(context, request, None)
}

/// The confirmation email for inferred answers, which also asks for what
/// is still missing (one message, not a confirmation and a
/// clarification): `current` are the person's answers, this message's
/// included; every required question without a certain answer there nor
/// an inferred one in `request` is asked for, with its question block.
pub fn confirmation_asking(
    context: &Context<'_>,
    request: &crate::decide::confirmation::Request,
    current: Option<&BTreeMap<String, Answer>>,
) -> Result<Draft> {
    let survey = context.survey;
    let understood = crate::decide::confirmation::lines(survey, &request.answers);
    let still: Vec<(usize, &Question)> = match current {
        None => Vec::new(),
        Some(current) => survey
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (i + 1, q))
            .filter(|(_, q)| {
                !request.answers.contains_key(&q.id)
                    && crate::understand::applies::outstanding(&survey.questions, current)
                        .iter()
                        .any(|o| o.id == q.id)
            })
            .collect(),
    };
    let needed: Vec<String> = still
        .iter()
        .map(|(n, q)| format!("{n}. {}", need(q, current.and_then(|c| c.get(&q.id)))))
        .collect();
    let why = request
        .why
        .unwrap_or(crate::decide::confirmation::Why::NoToken)
        .name();
    let values = |questionnaire: minijinja::Value| {
        minijinja::context! {
            confirmation => minijinja::context! {
                why => why,
                opt_out => request.opt_out,
                withdrawal => request.withdrawal,
                stop_asked => request.stop_asked,
                answers => !request.answers.is_empty(),
            },
            ..base_context(survey, context.recipient, &understood, &needed, questionnaire)
        }
    };
    let text = context.templates.render(
        "confirmation.txt",
        values(minijinja::Value::from(questionnaire::render_text(
            still.iter().copied(),
        ))),
    )?;
    let html = context.templates.render(
        "confirmation.html",
        values(minijinja::Value::from_safe_string(
            questionnaire::render_html(still.iter().copied()),
        )),
    )?;
    let subject = if request.opt_out && request.answers.is_empty() && !request.withdrawal {
        format!("We have stopped your mail about: {}", survey.title)
    } else {
        format!("Please confirm: {}", survey.title)
    };
    let unthreaded = Context {
        survey: context.survey,
        templates: context.templates,
        recipient: context.recipient,
        in_reply_to: None,
        seq: context.seq,
        to: context.recipient.email.clone(),
    };
    finish(
        FollowUpKind::Confirmation,
        &unthreaded,
        &context.recipient.email,
        subject,
        text,
        html,
    )
}

/// The envelope of every follow-up: from the survey, to `to`, answering by
/// the person's own Reply-To and List-Unsubscribe.
fn finish(
    kind: FollowUpKind,
    context: &Context<'_>,
    to: &str,
    subject: String,
    text: String,
    html: String,
) -> Result<Draft> {
    let survey = context.survey;
    let name = &context.recipient.name;
    let token = &context.recipient.token;
    let to = to
        .parse()
        .map_err(|e| Error::Message(format!("follow-up address {to}: {e}")))?;
    Ok(Draft {
        from: Mailbox::new(
            Some(survey.sender.name.clone()),
            survey.sender.address.clone(),
        ),
        to: Mailbox::new(Some(name.clone()), to),
        cc: Vec::new(),
        reply_to: Some(reply_address(survey, token)?),
        subject,
        message_id: message_id(
            kind.name(),
            context.seq as u32,
            token,
            survey.sender.address.domain(),
        ),
        in_reply_to: context.in_reply_to.clone(),
        auto_submitted: AutoSubmitted::Replied,
        unsubscribe: Some(unsubscribe_address(survey, token)?),
        text,
        html,
        attachments: Vec::new(),
    })
}

/// What every follow-up's templates see: the survey, its sender, the
/// person, what was understood and what is still needed, and the questions
/// still open as `questionnaire`.
fn base_context(
    survey: &Survey,
    recipient: &StoredRecipient,
    understood: &[String],
    needed: &[String],
    questionnaire: minijinja::Value,
) -> minijinja::Value {
    minijinja::context! {
        survey => crate::compose::invitation::survey_context(survey),
        sender => minijinja::context! { name => survey.sender.name.clone(), address => survey.sender.address.to_string() },
        recipient => crate::compose::invitation::recipient_context(recipient),
        understood => understood,
        needed => needed,
        questionnaire => questionnaire,
    }
}
