//! Proving a setup before anyone is invited: `validate` checks the files,
//! `check` logs in to both servers and sends one mail to a plus-address of
//! the reply mailbox, then waits for it to arrive there. A server without
//! plus-addressing would otherwise break every reply.

use std::time::{Duration, Instant};

use jiff::Timestamp;
use lettre::message::Mailbox;

use crate::compose::{AutoSubmitted, Draft, compose};
use crate::outbox::{Outbox, SmtpOutbox};
use crate::problems::Problems;
use crate::recipients::{self, Recipient};
use crate::survey::Survey;
use crate::templates::Templates;
use crate::{Error, Result, inbox};

/// Loads the survey's templates and checks the variables they use against
/// the recipient list's columns.
pub fn validate_templates(survey: &Survey) -> Result<Templates, Problems> {
    let templates = Templates::load(survey.templates_dir.as_deref())?;
    let columns = recipients::columns(&survey.recipients_file);
    templates.check_variables(&columns).into_result(templates)
}

/// Checks a survey file, its recipient list and its templates, reporting
/// every problem in all of them at once.
pub fn validate(path: &std::path::Path) -> Result<(Survey, Vec<Recipient>), Problems> {
    let survey = match Survey::load(path) {
        Ok(survey) => survey,
        Err(mut problems) => {
            // Check what the broken file names too, so one run shows all.
            let (list, templates) = crate::survey::referenced_files(path);
            if let Some(Err(p)) = list.as_deref().map(recipients::load) {
                problems.extend(p);
            }
            match Templates::load(templates.as_deref()) {
                Ok(templates) => {
                    let columns = list.as_deref().map(recipients::columns).unwrap_or_default();
                    problems.extend(templates.check_variables(&columns));
                }
                Err(p) => problems.extend(p),
            }
            return Err(problems);
        }
    };
    let mut problems = Problems::default();
    let list = recipients::load(&survey.recipients_file).unwrap_or_else(|p| {
        problems.extend(p);
        Vec::new()
    });
    if let Err(p) = validate_templates(&survey) {
        problems.extend(p);
    }
    if let Some(column) = &survey.report.breakdown {
        let columns = recipients::columns(&survey.recipients_file);
        if !columns.is_empty() && !columns.iter().any(|c| c.trim() == column) {
            problems.at(
                &survey.file,
                None,
                format!(
                    "[report] breakdown = \"{column}\" is not a column of {} (columns: {})",
                    survey.recipients_file.display(),
                    columns.join(",")
                ),
                "name one of the recipient list's columns, or remove breakdown",
            );
        }
    }
    problems.into_result((survey, list))
}

/// Settings that are valid but will not work well with the provider at
/// hand, each with what to change. `validate` and `check` print them.
pub fn warnings(survey: &Survey) -> Vec<String> {
    let mut warnings = Vec::new();
    let host = survey.smtp.host.to_ascii_lowercase();
    // Exchange Online allows 3 concurrent SMTP connections per mailbox and
    // refuses more with a 4xx reply, which would only turn into retries.
    if host == "smtp.office365.com" && survey.sending.max_connections > 3 {
        warnings.push(format!(
            "[sending] max_connections = {} but Exchange Online ({host}) allows 3 concurrent SMTP connections per mailbox (and 30 messages a minute): set max_connections = 3 and rate_per_minute = 30",
            survey.sending.max_connections
        ));
    }
    warnings
}

/// One step of `check` and how it went.
#[derive(Debug, Clone)]
pub struct Step {
    /// What was checked.
    pub what: String,
    /// `Ok(detail)` or `Err(what to fix)`.
    pub outcome: std::result::Result<String, String>,
}

/// Runs every check; the steps say what passed and what to fix.
pub async fn check(survey: &Survey) -> Vec<Step> {
    let mut steps = Vec::new();
    let smtp = match SmtpOutbox::new(&survey.smtp, 1) {
        Ok(smtp) => smtp,
        Err(err) => {
            steps.push(Step {
                what: "SMTP settings".into(),
                outcome: Err(err.to_string()),
            });
            return steps;
        }
    };
    let smtp_ok = smtp.test_login().await;
    steps.push(Step {
        what: format!("SMTP login to {}:{}", survey.smtp.host, survey.smtp.port),
        outcome: smtp_ok
            .as_ref()
            .map(|()| "ok".to_owned())
            .map_err(|e| e.to_string()),
    });
    let imap_server = survey.imap.clone();
    let imap_ok = tokio::task::spawn_blocking(move || {
        inbox::connect(&imap_server).and_then(|mut s| {
            s.select("INBOX")
                .map_err(|e| Error::Imap(format!("cannot open INBOX: {e}")))?;
            let _ = s.logout();
            Ok(())
        })
    })
    .await
    .unwrap_or_else(|e| Err(Error::Other(e.to_string())));
    steps.push(Step {
        what: format!("IMAP login to {}:{}", survey.imap.host, survey.imap.port),
        outcome: imap_ok
            .as_ref()
            .map(|()| "ok".to_owned())
            .map_err(|e| e.to_string()),
    });
    if smtp_ok.is_err() || imap_ok.is_err() {
        return steps;
    }
    steps.push(Step {
        what: format!(
            "plus-addressing ({})",
            survey.sender.plus_address("check...")
        ),
        outcome: round_trip(survey, &smtp).await.map_err(|e| e.to_string()),
    });
    steps
}

/// Sends a mail to `reply+checkNNN@domain` and waits for it in the INBOX.
async fn round_trip(survey: &Survey, smtp: &SmtpOutbox) -> Result<String> {
    let tag = format!("check{}", rand::random::<u64>() % 1_000_000_000);
    let to: lettre::Address = survey
        .sender
        .plus_address(&tag)
        .parse()
        .map_err(|e| Error::Message(format!("{e}")))?;
    let message_id = format!("{tag}.{}@{}", survey.id, survey.sender.address.domain());
    let draft = Draft {
        from: Mailbox::new(Some(survey.sender.name.clone()), survey.sender.address.clone()),
        to: Mailbox::new(None, to.clone()),
        cc: Vec::new(),
        reply_to: None,
        subject: format!("mailsurvey check {tag}"),
        message_id: message_id.clone(),
        in_reply_to: None,
        auto_submitted: AutoSubmitted::Generated,
        unsubscribe: None,
        text: "This message checks that mail to a plus-address reaches the survey mailbox. It is deleted again.\n".into(),
        html: "<p>This message checks that mail to a plus-address reaches the survey mailbox. It is deleted again.</p>".into(),
        attachments: Vec::new(),
    };
    let started = Instant::now();
    smtp.send(&compose(draft, Timestamp::now())?).await?;
    let server = survey.imap.clone();
    let wanted = format!("<{message_id}>");
    let found = tokio::task::spawn_blocking(move || -> Result<bool> {
        let mut session = inbox::connect(&server)?;
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            session
                .select("INBOX")
                .map_err(|e| Error::Imap(e.to_string()))?;
            let uids = session
                .uid_search(format!("HEADER Message-ID \"{wanted}\""))
                .map_err(|e| Error::Imap(e.to_string()))?;
            if !uids.is_empty() {
                let set = uids
                    .iter()
                    .map(|u| u.to_string())
                    .collect::<Vec<_>>()
                    .join(",");
                session
                    .uid_store(&set, "+FLAGS.SILENT (\\Deleted)")
                    .map_err(|e| Error::Imap(e.to_string()))?;
                session
                    .uid_expunge(&set)
                    .map_err(|e| Error::Imap(e.to_string()))?;
                let _ = session.logout();
                return Ok(true);
            }
            std::thread::sleep(Duration::from_millis(300));
        }
        let _ = session.logout();
        Ok(false)
    })
    .await
    .map_err(|e| Error::Other(e.to_string()))??;
    if found {
        Ok(format!(
            "a mail to {to} arrived in INBOX after {:.1} s",
            started.elapsed().as_secs_f64()
        ))
    } else {
        Err(Error::Other(format!(
            "a mail to {to} did not arrive in INBOX of {} within 30 s: the server may not deliver +addresses to the base mailbox (recipient_delimiter = + in Postfix and Dovecot), or it files them elsewhere",
            survey.imap.username
        )))
    }
}
