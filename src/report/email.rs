//! The report email: text and HTML as alternatives, `responses.csv`, its
//! codebook and syntax files (R, SPSS, Stata) and `report.json` attached
//! (in one `report.zip` when large, or kept on the server when too large
//! for any email: [`super::Delivery`]), to every lead in one message.

use jiff::Timestamp;
use lettre::message::Mailbox;

use super::Report;
use crate::compose::{Attached, AutoSubmitted, Draft};
use crate::survey::Survey;
use crate::{Error, Result};

/// The Message-ID of the report. The final report's is derived from the
/// survey alone, so a report re-sent after a crash carries the same ID and
/// the lead's client shows it once; interim reports differ by time.
pub fn message_id(survey: &Survey, interim_at: Option<Timestamp>) -> String {
    let domain = survey.sender.address.domain();
    match interim_at {
        None => format!("report.{}@{domain}", survey.id),
        Some(at) => format!("report.{}.interim.{}@{domain}", survey.id, at.as_second()),
    }
}

/// The Message-ID of a report a lead asked for by email (`report
/// --send`), made at `at`: never the final report's own, which the close
/// sends once.
pub fn requested_message_id(survey: &Survey, at: Timestamp) -> String {
    format!(
        "report.{}.requested.{}@{}",
        survey.id,
        at.as_second(),
        survey.sender.address.domain()
    )
}

/// The survey's leads as the addressees of a mail to them (`what`, for the
/// error): the first in To, the others in Cc.
pub(crate) fn leads(survey: &Survey, what: &str) -> Result<(Mailbox, Vec<Mailbox>)> {
    let mut leads = survey
        .leads
        .iter()
        .map(|lead| {
            let email = lead
                .email
                .parse()
                .map_err(|e| Error::Message(format!("lead address {}: {e}", lead.email)))?;
            Ok(Mailbox::new(Some(lead.name.clone()), email))
        })
        .collect::<Result<Vec<_>>>()?
        .into_iter();
    let to = leads
        .next()
        .ok_or_else(|| Error::Message(format!("the survey has no lead to send the {what} to")))?;
    Ok((to, leads.collect()))
}

/// The report email to the survey's leads: the first in To, the others in
/// Cc. `Auto-Submitted: auto-generated`, so nobody's autoresponder answers.
pub fn draft(survey: &Survey, report: &Report) -> Result<Draft> {
    let (to, cc) = leads(survey, "report")?;
    let p = &report.figures.participation;
    let interim = report.figures.interim;
    let subject = format!(
        "{}: {} ({} of {} responded, {})",
        if interim { "Interim report" } else { "Report" },
        survey.title,
        p.respondents,
        p.invited,
        p.response_rate.percent_text()
    );
    let interim_at = interim.then_some(report.generated_at);
    Ok(Draft {
        from: Mailbox::new(
            Some(survey.sender.name.clone()),
            survey.sender.address.clone(),
        ),
        to,
        cc,
        reply_to: None,
        subject,
        message_id: message_id(survey, interim_at),
        in_reply_to: None,
        auto_submitted: AutoSubmitted::Generated,
        unsubscribe: None,
        text: report.text.clone(),
        html: report.html.clone(),
        attachments: report
            .attachments()?
            .into_iter()
            .map(|(name, content_type, bytes)| Attached {
                name: name.to_owned(),
                content_type: content_type.to_owned(),
                bytes,
            })
            .collect(),
    })
}
