//! The commands of the command line, as library functions: each loads the
//! survey, does its work on the store and the servers, and returns what
//! happened. `crate::cli` parses the arguments and prints the result; it
//! opens no store and speaks no SMTP. Every email a command sends goes
//! through the outbox and the dispatcher, as the daemon's do.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use jiff::Timestamp;

use crate::compose::invitation;
use crate::outbox::{FileOutbox, Outbox, SmtpOutbox};
use crate::run::clock::{Clock, SystemClock};
use crate::run::daemon;
use crate::run::dispatch::{Dispatcher, Limits, Round};
use crate::run::list::Brought;
use crate::run::shutdown::Shutdown;
use crate::store::{MailState, Store};
use crate::survey::Survey;
use crate::survey::templates::Templates;
use crate::{Error, Result};

/// Opens the store of `survey`, naming the file (and the process holding
/// it, for a lock that outlasted the wait) in an error that needs the
/// operator: never SQLite's bare "database is locked".
fn on_database<T>(survey: &Survey, work: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
    Store::open(&survey.database)
        .and_then(|store| work(&store))
        .map_err(|err| err.at_database(&survey.database))
}

/// Loads the survey, opens the store and brings the recipient list in: a
/// list with any problem is not applied, and is the command's error. The
/// list is read a row at a time, and not at all when unchanged since its
/// last full read ([`crate::run::list::bring_in`]).
fn prepare(path: &Path) -> Result<(Survey, Templates, Store)> {
    let (survey, templates) = daemon::load(path)?;
    let store = Store::open(&survey.database)?;
    let now = SystemClock.now();
    store.ensure_survey(&survey, now)?;
    if let Brought::NotApplied(problems) =
        crate::run::list::bring_in(&store, &survey, now, true, false)?
    {
        return Err(Error::Invalid(problems));
    }
    Ok((survey, templates, store))
}

/// Sends what is due in the store of `survey` now through `outbox`, within
/// the survey's sending limits; `on_done` is called after each message.
async fn drain<O: Outbox>(
    store: &Store,
    survey: Survey,
    templates: Templates,
    outbox: O,
    on_done: impl Fn(&Round) + Send + Sync + 'static,
) -> Result<Round> {
    let limits = Limits::of(&survey.sending);
    drain_within(store, survey, templates, outbox, limits, on_done).await
}

/// [`drain`] within `limits` instead of the survey's own.
async fn drain_within<O: Outbox>(
    store: &Store,
    survey: Survey,
    templates: Templates,
    outbox: O,
    limits: Arc<Limits>,
    on_done: impl Fn(&Round) + Send + Sync + 'static,
) -> Result<Round> {
    Dispatcher::new(
        store.clone(),
        Arc::new(survey),
        Arc::new(templates),
        outbox,
        Arc::new(SystemClock),
    )
    .with_limits(limits)
    .send_due(&Shutdown::never(), on_done)
    .await
}

/// What `send` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sending {
    /// The survey has closed: nothing sent.
    Closed,
    /// The survey opens at this time: nothing sent (the daemon sends then).
    NotYetOpen(Timestamp),
    /// This many invitations were queued, and this is what went.
    Sent {
        /// Invitations queued by this run.
        queued: usize,
        /// What the round of sending did.
        round: Round,
    },
}

/// `send`: queues an invitation for every listed, active person who has
/// none and sends what is due, after proving the SMTP login works.
/// `on_queued` hears how many were queued before sending starts, `on_done`
/// after each message (for a progress bar).
pub async fn send(
    path: &Path,
    on_queued: impl FnOnce(usize),
    on_done: impl Fn(&Round) + Send + Sync + 'static,
) -> Result<Sending> {
    let (survey, templates, store) = prepare(path)?;
    let now = SystemClock.now();
    if store.closed_at(&survey.id)?.is_some() {
        return Ok(Sending::Closed);
    }
    if !survey.period.is_open_at(now) {
        return Ok(Sending::NotYetOpen(survey.period.open.timestamp()));
    }
    crate::connect::credentials::warn_if_exposed(&survey);
    store.requeue_in_flight(&survey.id)?;
    let queued = store.queue_invitations(&survey.id, now)?;
    let smtp = SmtpOutbox::new(&survey.smtp, survey.sending.max_connections)?;
    smtp.test_login().await?;
    on_queued(queued);
    let round = drain(&store, survey, templates, smtp, on_done).await?;
    Ok(Sending::Sent { queued, round })
}

/// `send --dry-run`: what `send` would send now (an invitation for every
/// listed, active person who has none, and whatever else is due), written
/// as `.eml` files into `out` instead. The mail goes the way `send`'s
/// goes, queued and handed out by the dispatcher, only on a scratch copy
/// of the store and through the file outbox: nothing is queued, marked or
/// sent for real, and no server is contacted, whether or not the survey
/// is open yet. Returns how many were written.
pub async fn dry_run(path: &Path, out: PathBuf) -> Result<usize> {
    let (survey, templates, store) = prepare(path)?;
    let scratch = store.scratch_copy()?;
    drop(store);
    let now = SystemClock.now();
    scratch.requeue_in_flight(&survey.id)?;
    scratch.queue_invitations(&survey.id, now)?;
    let outbox = FileOutbox::new(out.clone())?;
    // Files, not a provider: no pace to keep.
    let limits = Limits::new(None, survey.sending.max_connections);
    let round = drain_within(&scratch, survey, templates, outbox, limits, |_| {}).await?;
    if round.retried + round.failed > 0 {
        return Err(Error::Other(format!(
            "{} of {} emails could not be written into {}",
            round.retried + round.failed,
            round.sent + round.retried + round.failed,
            out.display()
        )));
    }
    Ok(round.sent)
}

/// `preview`: one person's invitation as it would be sent; `None` when
/// `email` is not in the list.
pub fn preview(path: &Path, email: &str) -> Result<Option<Vec<u8>>> {
    let (survey, templates, store) = prepare(path)?;
    let Some(person) = store
        .recipients(&survey.id)?
        .into_iter()
        .find(|p| p.email.eq_ignore_ascii_case(email))
    else {
        return Ok(None);
    };
    let now = SystemClock.now();
    let mail = invitation::mail(
        &survey,
        &templates,
        &person,
        invitation::QuestionnaireMail::Invitation,
        now,
    )?;
    Ok(Some(mail.bytes))
}

/// What `backup` did.
#[derive(Debug, Clone)]
pub struct Backup {
    /// The database copied.
    pub database: PathBuf,
    /// Pages copied.
    pub pages: i32,
    /// How long it took.
    pub took: Duration,
}

/// `backup`: copies the survey's database to `out` while the daemon runs.
pub fn backup(path: &Path, out: &Path) -> Result<Backup> {
    let survey = Survey::load(path).map_err(Error::Invalid)?;
    let started = std::time::Instant::now();
    let pages = on_database(&survey, |store| store.backup_to(out))?;
    Ok(Backup {
        database: survey.database,
        pages,
        took: started.elapsed(),
    })
}

/// What `close` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closed {
    /// It was closed before this command.
    pub already: bool,
    /// What was sent now (the report among it, unless it had gone).
    pub round: Round,
}

/// `close`: closes the survey now, queues the report and sends what is
/// due, the report included.
pub async fn close(path: &Path) -> Result<Closed> {
    let (survey, templates) = daemon::load(path)?;
    let database = survey.database.clone();
    async {
        let store = Store::open(&survey.database)?;
        let now = SystemClock.now();
        let by = std::env::var("USER").unwrap_or_else(|_| "the lead".into());
        let already = !store.close(&survey.id, now, &format!("mailsurvey close by {by}"))?;
        crate::follow_up::timeline::advance(&store, &survey, now)?;
        let smtp = SmtpOutbox::new(&survey.smtp, 1)?;
        let round = drain(&store, survey, templates, smtp, |_| {}).await?;
        Ok(Closed { already, round })
    }
    .await
    .map_err(|err: Error| err.at_database(&database))
}

/// What `report` did.
#[derive(Debug, Clone)]
pub struct Reported {
    /// An interim report (the survey is still open).
    pub interim: bool,
    /// With `--send`: where the emailed report stands.
    pub sent: Option<ReportMail>,
}

/// The report emailed by `report --send`.
#[derive(Debug, Clone)]
pub struct ReportMail {
    /// The leads it is for.
    pub to: Vec<String>,
    /// Its Message-ID.
    pub message_id: String,
    /// Sent, or pending for a retry (by this command's round or later by
    /// the daemon), or failed.
    pub state: MailState,
    /// The server's last refusal, if it was refused.
    pub last_error: Option<String>,
}

/// `report`: writes the report (interim before the close) into `out`, and
/// with `send` queues it for the leads in the outbox like every other
/// email (its own row and VERP key, retried until sent, shown by
/// `status`) and sends what is due at once, as `send` does; a running
/// daemon retries whatever is left.
pub async fn report(path: &Path, out: &Path, send: bool) -> Result<Reported> {
    let (survey, templates) = daemon::load(path)?;
    let now = SystemClock.now();
    let store = Store::open(&survey.database).map_err(|e| e.at_database(&survey.database))?;
    let (interim, report) = (|| {
        let interim = store.closed_at(&survey.id)?.is_none();
        Ok::<_, Error>((
            interim,
            crate::follow_up::timeline::build(&store, &survey, now, interim)?,
        ))
    })()
    .map_err(|e| e.at_database(&survey.database))?;
    report.write_to(out)?;
    if !send {
        return Ok(Reported {
            interim,
            sent: None,
        });
    }
    let mut draft = crate::report::draft(&survey, &report)?;
    // The final report the close sends has a fixed Message-ID; a copy a
    // lead asks for is another email.
    draft.message_id = crate::report::requested_message_id(&survey, now);
    let message_id = draft.message_id.clone();
    let mail = crate::compose::compose(draft, now)?;
    let database = survey.database.clone();
    let queue = || -> Result<()> {
        store.ensure_survey(&survey, now)?;
        store.queue_requested_report(&survey.id, &message_id, &mail.bytes, now)?;
        Ok(())
    };
    queue().map_err(|e| e.at_database(&database))?;
    let sent = send_to_leads_now(&store, survey, templates, message_id, "report").await?;
    Ok(Reported {
        interim,
        sent: Some(sent),
    })
}

/// Sends the leads' mail `message_id` (a `what`, for the error), already
/// queued, with one round of the outbox over one SMTP connection, and says
/// where it stands: sent, or pending for the daemon to retry, or failed.
async fn send_to_leads_now(
    store: &Store,
    survey: Survey,
    templates: Templates,
    message_id: String,
    what: &str,
) -> Result<ReportMail> {
    let database = survey.database.clone();
    let survey_id = survey.id.clone();
    let to: Vec<String> = survey.leads.iter().map(|l| l.email.clone()).collect();
    let smtp = SmtpOutbox::new(&survey.smtp, 1)?;
    drain(store, survey, templates, smtp, |_| {})
        .await
        .map_err(|e| e.at_database(&database))?;
    let (state, last_error) = store
        .mail_state(&survey_id, &message_id)
        .map_err(|e| e.at_database(&database))?
        .ok_or_else(|| Error::Other(format!("the {what} {message_id} is not in the outbox")))?;
    Ok(ReportMail {
        to,
        message_id,
        state,
        last_error,
    })
}

/// What `digest` did.
#[derive(Debug, Clone)]
pub struct Digested {
    /// The digest's text, as the email's text part says it.
    pub text: String,
    /// With `--send`: where the emailed digest stands.
    pub sent: Option<ReportMail>,
}

/// `digest`: the progress digest as it stands now; with `send`, queued
/// for the leads in the outbox like every other email (its own row and
/// VERP key, retried until sent, shown by `status`) and sent at once, as
/// `report --send` does; a running daemon retries whatever is left. A
/// digest sent this way is no slot of the schedule: the scheduled ones go
/// as before.
pub async fn digest(path: &Path, send: bool) -> Result<Digested> {
    let (survey, templates) = daemon::load(path)?;
    let database = survey.database.clone();
    let now = SystemClock.now();
    let store = Store::open(&survey.database).map_err(|e| e.at_database(&database))?;
    let digest = crate::follow_up::digest::read(&store, &survey, now, None)
        .map_err(|e| e.at_database(&database))?;
    let text = crate::report::digest::text(&digest);
    if !send {
        return Ok(Digested { text, sent: None });
    }
    let message_id = (|| {
        store.ensure_survey(&survey, now)?;
        crate::follow_up::digest::queue_now(&store, &survey, now)
    })()
    .map_err(|e| e.at_database(&database))?;
    let sent = send_to_leads_now(&store, survey, templates, message_id, "digest").await?;
    Ok(Digested {
        text,
        sent: Some(sent),
    })
}

/// Runs one of the lead's decisions against the store and returns what it
/// says (`review`, `withdraw`, `purge`).
pub fn lead_action(
    path: &Path,
    action: impl FnOnce(&Store, &Survey, Timestamp) -> Result<String>,
) -> Result<String> {
    let (survey, _) = daemon::load(path)?;
    on_database(&survey, |store| action(store, &survey, SystemClock.now()))
}

/// What `review` is asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Review {
    /// Show what waits for the lead.
    Pending,
    /// Accept the held reply with this id.
    Accept(i64),
    /// Reject the held reply with this id.
    Reject(i64),
    /// Run a message whose handling failed again.
    Retry(i64),
    /// Settle an answer by hand.
    Settle {
        /// The person's address.
        email: String,
        /// The question's id.
        question: String,
        /// The value.
        value: String,
    },
    /// Restore the answers set aside at this person's request.
    Restore(String),
}

/// `review`: what waits for the lead, or one decision on it.
pub fn review(path: &Path, what: Review, by: &str) -> Result<String> {
    lead_action(path, |store, survey, now| match &what {
        Review::Pending => crate::run::review::pending(store, survey),
        Review::Accept(id) => crate::run::review::decide(store, survey, *id, true, by, now),
        Review::Reject(id) => crate::run::review::decide(store, survey, *id, false, by, now),
        Review::Retry(id) => crate::run::review::retry(store, survey, *id, by, now),
        Review::Settle {
            email,
            question,
            value,
        } => crate::run::review::settle(store, survey, email, question, value, by, now),
        Review::Restore(email) => crate::run::review::restore(store, survey, email, by, now),
    })
}

/// `withdraw`: deletes a person's answers at their request.
pub fn withdraw(path: &Path, email: &str, by: &str) -> Result<String> {
    lead_action(path, |store, survey, now| {
        crate::run::review::withdraw(store, survey, email, by, now)
    })
}

/// `purge`: deletes the personal data once the retention period is over.
pub fn purge(path: &Path) -> Result<String> {
    lead_action(path, |store, survey, now| {
        crate::report::retention::purge(store, survey, now).map(|(_, said)| said)
    })
}

/// What `status` read.
#[derive(Debug)]
pub enum StatusRead {
    /// A directory: every survey in it, with its counts, next action and
    /// problems.
    Surveys(Vec<crate::run::overview::Overview>),
    /// One survey file.
    Survey(Box<SurveyStatus>),
}

pub use crate::run::overview::SurveyStatus;

/// `status`: one survey's counts and problems, or every survey of a
/// directory. A database locked by another process is not a failure here:
/// what is known is returned, with why the rest is not.
pub fn status(path: &Path) -> Result<StatusRead> {
    if path.is_dir() {
        return Ok(StatusRead::Surveys(crate::run::overview::survey_overviews(
            path,
            SystemClock.now(),
        )?));
    }
    let (survey, _) = daemon::load(path)?;
    let now = SystemClock.now();
    let read = on_database(&survey, |store| {
        let (status, waiting) = store.status_and_waiting(&survey.id)?;
        Ok((
            status.with_conditions(store, &survey)?,
            crate::run::overview::QuotaOutlook::read(&survey, store, now, waiting)?,
            crate::run::list::problems(Some(store), &survey),
        ))
    });
    let (counts, quota, list_problems) = match read {
        Ok((status, quota, problems)) => (Ok(status), quota, problems),
        Err(err @ Error::Locked { .. }) => {
            (Err(err), None, crate::run::list::problems(None, &survey))
        }
        Err(err) => return Err(err),
    };
    Ok(StatusRead::Survey(Box::new(SurveyStatus {
        write_locked: crate::run::overview::write_locked(&survey.database),
        list_problems,
        quota,
        id: survey.id,
        title: survey.title,
        counts,
        now,
    })))
}
