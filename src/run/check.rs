//! Proving a setup before anyone is invited: `validate` checks the files,
//! `check` logs in to both servers and sends one mail to a plus-address of
//! the reply mailbox, then waits for it to arrive there. A server without
//! plus-addressing would otherwise break every reply.

use std::time::{Duration, Instant};

use jiff::Timestamp;
use lettre::message::Mailbox;

use crate::compose::{AutoSubmitted, Draft, compose};
use crate::outbox::{Outbox, SmtpOutbox};
use crate::survey::Survey;
use crate::survey::problems::Problems;
use crate::survey::recipients::{self, Recipient};
use crate::survey::templates::Templates;
use crate::{Error, Result, inbox};

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
    if let Err(p) = Templates::for_survey(&survey) {
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

/// One survey file of a directory, checked as [`validate`] checks one.
#[derive(Debug)]
pub struct Validated {
    /// The survey file.
    pub file: std::path::PathBuf,
    /// The survey and its recipients, or every problem, each naming its
    /// file.
    pub outcome: Result<(Survey, Vec<Recipient>), Problems>,
}

/// Checks every survey file of a directory the way `run` and `status`
/// read it (its `*.toml` files, in order: [`crate::run::service::survey_files`]),
/// each as [`validate`] does, and what `run` refuses across files: a survey
/// id already used by an earlier file. One bad file never hides another's
/// problems. An error only when the directory cannot be read.
pub fn validate_directory(dir: &std::path::Path) -> Result<Vec<Validated>> {
    let mut seen: std::collections::HashMap<String, std::path::PathBuf> = Default::default();
    let mut out = Vec::new();
    for file in crate::run::service::survey_files(dir)? {
        let mut outcome = validate(&file);
        if let Ok((survey, _)) = &outcome {
            if let Some(first) = seen.get(&survey.id) {
                let mut problems = Problems::default();
                problems.at(
                    &file,
                    None,
                    format!(
                        "survey id {} is already used by {}: run refuses the second survey with one id",
                        survey.id,
                        first.display()
                    ),
                    "give each survey file its own [survey] id",
                );
                outcome = Err(problems);
            } else {
                seen.insert(survey.id.clone(), file.clone());
            }
        }
        out.push(Validated { file, outcome });
    }
    Ok(out)
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

/// Whether `recipients` invitations and the survey's reminders to each
/// fit in the collection period at the account's quota
/// (`[sending] daily_limit` per `quota_window`): a warning with the time
/// the last of them would go if not.
pub fn quota_warning(survey: &Survey, recipients: usize) -> Option<String> {
    let limit = survey.sending.daily_limit?;
    let window = survey.sending.quota_window.as_secs().max(1);
    let rounds = 1 + survey.period.reminders.len() as u64;
    let messages = recipients as u64 * rounds;
    let open = survey.period.open.timestamp().as_second();
    let close = survey.period.close.timestamp().as_second();
    let last = crate::outbox::quota::last_send(u64::from(limit), window, &[], messages, open);
    (last > close).then(|| {
        let at = jiff::Timestamp::from_second(last)
            .map(|t| t.strftime("%Y-%m-%d %H:%M UTC").to_string())
            .unwrap_or_default();
        format!(
            "{recipients} invitations and {} reminder round(s) are {messages} messages, but at [sending] daily_limit = {limit} per {:#} the last would go at {at}, after the close: raise the limit (if the provider allows), lengthen the period or send fewer reminders",
            rounds - 1,
            jiff::SignedDuration::from_secs(window)
        )
    })
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
/// `bounce_probe`: an address that bounces (on the local stack,
/// `bounce-check@…`), to prove VERP through a real bounce.
pub async fn check(survey: &Survey, bounce_probe: Option<&str>) -> Vec<Step> {
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
            .map(|lacks| {
                if lacks.is_empty() {
                    "ok".to_owned()
                } else {
                    format!("ok; the server lacks {}", lacks.join("; "))
                }
            })
            .map_err(|e| e.to_string()),
    });
    let imap_server = survey.imap.clone();
    let reading = survey.replies.inbox.clone();
    let imap_ok = tokio::task::spawn_blocking(move || {
        inbox::connect(&imap_server).and_then(|mut s| {
            let abilities = inbox::learn(&mut s)?;
            inbox::select(&mut s, &abilities.hierarchy, &reading)?;
            let _ = s.logout();
            Ok(abilities)
        })
    })
    .await
    .unwrap_or_else(|e| Err(Error::Other(e.to_string())));
    steps.push(Step {
        what: format!("IMAP login to {}:{}", survey.imap.host, survey.imap.port),
        outcome: imap_ok
            .as_ref()
            .map(|_| "ok".to_owned())
            .map_err(|e| e.to_string()),
    });
    if let Ok(abilities) = &imap_ok {
        steps.push(Step {
            what: "IMAP folders".into(),
            outcome: folders_verdict(survey, abilities),
        });
    }
    if smtp_ok.is_err() || imap_ok.is_err() {
        return steps;
    }
    let trip = round_trip(survey, &smtp).await;
    let return_path = trip.as_ref().ok().and_then(|t| t.return_path.clone());
    let key = trip
        .as_ref()
        .ok()
        .map(|t| t.key.clone())
        .unwrap_or_default();
    steps.push(Step {
        what: format!(
            "plus-addressing ({})",
            survey.sender.plus_address("check...")
        ),
        outcome: trip.map(|t| t.detail).map_err(|e| e.to_string()),
    });
    steps.push(Step {
        what: "VERP (a bounce key in the envelope sender)".into(),
        outcome: Ok(verp_verdict(survey, &key, return_path.as_deref())),
    });
    if let Some(address) = bounce_probe {
        steps.push(Step {
            what: format!("VERP through a real bounce from {address}"),
            outcome: probe(survey, &smtp, address)
                .await
                .map_err(|e| e.to_string()),
        });
    }
    steps
}

/// What `check` says of the server's folders: its separator and personal
/// namespace, the name each of the survey's folders takes there, and what
/// the server lacks that the daemon does without. A failure when a folder
/// path has no name on this server.
fn folders_verdict(
    survey: &Survey,
    abilities: &inbox::Abilities,
) -> std::result::Result<String, String> {
    let hierarchy = &abilities.hierarchy;
    let mut names = Vec::new();
    let mut problems = Vec::new();
    let paths = std::iter::once(survey.replies.inbox.as_str()).chain(survey.replies.folders.all());
    for path in paths {
        match hierarchy.server_name(path) {
            Ok(name) if name == path => names.push(name),
            Ok(name) => names.push(format!("{path} as {name}")),
            Err(err) => problems.push(format!(
                "{path}: {err} (in [replies] of {})",
                survey.file.display()
            )),
        }
    }
    let lacking = abilities.lacking();
    let mut detail = format!("{}; folders: {}", hierarchy.describe(), names.join(", "));
    if !lacking.is_empty() {
        detail.push_str(&format!("; the server lacks {}", lacking.join("; ")));
    }
    if problems.is_empty() {
        Ok(detail)
    } else {
        Err(format!("{}; {detail}", problems.join("; ")))
    }
}

/// Whether the envelope sender we set survived the provider: the
/// `Return-Path` the receiving server wrote from it says. Not a failure
/// when it did not: bounces are then tied to us by the returned
/// Message-ID and the report's text instead.
fn verp_verdict(survey: &Survey, key: &str, return_path: Option<&str>) -> String {
    if !survey.sending.verp {
        return "off ([sending] verp = false): bounces are tied to their message by the returned Message-ID and the report's text".into();
    }
    let Some(sent) = crate::outbox::verp::address(&survey.sender.address, key) else {
        return format!(
            "not used: {}+b.KEY would be longer than the 64 characters a local part may have; bounces are tied to their message by the returned Message-ID and the report's text",
            survey.sender.address.user()
        );
    };
    match return_path {
        Some(path) if path.to_ascii_lowercase().contains(&format!("+b.{key}")) => {
            format!(
                "kept: the test message arrived with Return-Path {path}, so bounces come back to the address of the message they return"
            )
        }
        Some(path) => format!(
            "NOT kept: sent as {sent}, the test message arrived with Return-Path {path} (the provider rewrites the envelope sender); bounces are tied to their message by the returned Message-ID and the report's text instead"
        ),
        None => format!(
            "unknown: the test message (sent as {sent}) arrived without a Return-Path; bounces are tied to their message by the returned Message-ID and the report's text if VERP is lost"
        ),
    }
}

/// Sends a message with a VERP envelope sender to `address`, which must
/// bounce (on the local stack, a reserved `bounce*@` address), and waits
/// for the bounce to come back to that VERP address.
async fn probe(survey: &Survey, smtp: &SmtpOutbox, address: &str) -> Result<String> {
    let key = crate::outbox::verp::new_key();
    let Some(verp) = crate::outbox::verp::address(&survey.sender.address, &key) else {
        return Err(Error::Other(format!(
            "{}+b.KEY is longer than the 64 characters a local part may have",
            survey.sender.address.user()
        )));
    };
    let to: lettre::Address = address
        .parse()
        .map_err(|e| Error::Message(format!("--bounce-probe {address}: {e}")))?;
    let tag = format!("probe{}", rand::random::<u64>() % 1_000_000_000);
    let draft = Draft {
        from: Mailbox::new(
            Some(survey.sender.name.clone()),
            survey.sender.address.clone(),
        ),
        to: Mailbox::new(None, to),
        cc: Vec::new(),
        reply_to: None,
        subject: format!("mailsurvey check {tag}"),
        message_id: format!("{tag}.{}@{}", survey.id, survey.sender.address.domain()),
        in_reply_to: None,
        auto_submitted: AutoSubmitted::Generated,
        unsubscribe: None,
        text: "This message checks that a bounce comes back to the address it was sent from.\n"
            .into(),
        html:
            "<p>This message checks that a bounce comes back to the address it was sent from.</p>"
                .into(),
        attachments: Vec::new(),
    };
    let started = Instant::now();
    let mut mail = compose(draft, Timestamp::now())?;
    mail.envelope_from = verp.clone();
    smtp.send(&mail).await?;
    let server = survey.imap.clone();
    let needle = format!("+b.{key}");
    let found =
        tokio::task::spawn_blocking(move || find_and_delete(&server, "Delivered-To", &needle, 60))
            .await
            .map_err(|e| Error::Other(e.to_string()))??;
    if found.is_some() {
        Ok(format!(
            "the bounce came back to {verp} after {:.1} s: VERP survives",
            started.elapsed().as_secs_f64()
        ))
    } else {
        Err(Error::Other(format!(
            "no bounce came back to {verp} within 60 s: either {address} did not bounce, or the provider rewrote the envelope sender (bounces are then tied to their message by the returned Message-ID and the report's text)"
        )))
    }
}

/// Waits up to `seconds` for a message in INBOX whose `header` contains
/// `needle`, deletes it, and returns its Return-Path (empty if it had none).
fn find_and_delete(
    server: &crate::survey::Server,
    header: &str,
    needle: &str,
    seconds: u64,
) -> Result<Option<String>> {
    let mut session = inbox::connect(server)?;
    let abilities = inbox::learn(&mut session)?;
    let deadline = Instant::now() + Duration::from_secs(seconds);
    while Instant::now() < deadline {
        session
            .select("INBOX")
            .map_err(|e| Error::Imap(e.to_string()))?;
        let uids = session
            .uid_search(format!("HEADER {header} \"{needle}\""))
            .map_err(|e| Error::Imap(e.to_string()))?;
        if !uids.is_empty() {
            let set = uids
                .iter()
                .map(|u| u.to_string())
                .collect::<Vec<_>>()
                .join(",");
            let fetched = session
                .uid_fetch(&set, "BODY.PEEK[HEADER.FIELDS (RETURN-PATH)]")
                .map_err(|e| Error::Imap(e.to_string()))?;
            let return_path = fetched
                .iter()
                .filter_map(|f| f.header())
                .map(|h| String::from_utf8_lossy(h).into_owned())
                .find_map(|h| {
                    h.lines().find_map(|l| {
                        l.split_once(':')
                            .filter(|(n, _)| n.eq_ignore_ascii_case("return-path"))
                            .map(|(_, v)| v.trim().to_owned())
                    })
                })
                .unwrap_or_default();
            session
                .uid_store(&set, "+FLAGS.SILENT (\\Deleted)")
                .map_err(|e| Error::Imap(e.to_string()))?;
            // Without UIDPLUS the test message stays flagged: a plain
            // EXPUNGE would also remove other clients' deleted mail.
            if abilities.uidplus {
                session
                    .uid_expunge(&set)
                    .map_err(|e| Error::Imap(e.to_string()))?;
            }
            let _ = session.logout();
            return Ok(Some(return_path));
        }
        std::thread::sleep(Duration::from_millis(300));
    }
    let _ = session.logout();
    Ok(None)
}

/// What the plus-address round trip found.
struct Trip {
    detail: String,
    key: String,
    return_path: Option<String>,
}

/// Sends a mail to `reply+checkNNN@domain`, from a VERP envelope sender
/// when VERP is on, and waits for it in the INBOX.
async fn round_trip(survey: &Survey, smtp: &SmtpOutbox) -> Result<Trip> {
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
    let key = crate::outbox::verp::new_key();
    let mut mail = compose(draft, Timestamp::now())?;
    if survey.sending.verp
        && let Some(verp) = crate::outbox::verp::address(&survey.sender.address, &key)
    {
        mail.envelope_from = verp;
    }
    smtp.send(&mail).await?;
    let server = survey.imap.clone();
    let wanted = format!("<{message_id}>");
    let found =
        tokio::task::spawn_blocking(move || find_and_delete(&server, "Message-ID", &wanted, 30))
            .await
            .map_err(|e| Error::Other(e.to_string()))??;
    match found {
        Some(return_path) => Ok(Trip {
            detail: format!(
                "a mail to {to} arrived in INBOX after {:.1} s",
                started.elapsed().as_secs_f64()
            ),
            key,
            return_path: Some(return_path).filter(|p| !p.is_empty()),
        }),
        None => Err(Error::Other(format!(
            "a mail to {to} did not arrive in INBOX of {} within 30 s: the server may not deliver +addresses to the base mailbox (recipient_delimiter = + in Postfix and Dovecot), or it files them elsewhere",
            survey.imap.username
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validate_warns_when_the_invitations_cannot_fit_in_the_period_at_the_quota() {
        let mut survey = crate::survey::example();
        assert_eq!(
            quota_warning(&survey, 1_000_000),
            None,
            "no quota, no warning"
        );
        survey.sending.daily_limit = Some(10_000);
        survey.sending.quota_window = jiff::SignedDuration::from_hours(24);
        let days = (survey.period.close.timestamp().as_second()
            - survey.period.open.timestamp().as_second())
            / 86_400;
        let rounds = 1 + survey.period.reminders.len() as i64;
        // What fits: one day's quota per whole day of the period (the
        // first day's sends go at the open).
        let fits = (10_000 * days / rounds) as usize;
        assert_eq!(quota_warning(&survey, fits), None);
        let warning = quota_warning(&survey, fits + 10_001).expect("does not fit");
        assert!(
            warning.contains("daily_limit = 10000 per 24h") && warning.contains("after the close"),
            "{warning}"
        );
    }
}
