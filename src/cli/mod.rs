//! The command line: what each subcommand takes, and the code that runs it.
//! Exit codes: 0 success, 1 failure, 2 usage or validation error.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;

use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};

use crate::clock::{Clock, SystemClock};
use crate::invitation::Kind;
use crate::outbox::{FileOutbox, Outbox, SmtpOutbox};
use crate::report::shown::visible;
use crate::run::dispatch::Dispatcher;
use crate::shutdown::Shutdown;
use crate::store::Store;
use crate::{Error, Result, check, compose, daemon, invitation, recipients};

/// Runs a questionnaire survey entirely by email.
#[derive(Debug, Parser)]
#[command(name = "mailsurvey", version, about)]
pub struct Cli {
    /// Log format on stderr.
    #[arg(long, value_enum, default_value_t = LogFormat::Human, global = true)]
    pub log_format: LogFormat,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Log output formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LogFormat {
    /// Readable lines.
    Human,
    /// One JSON object per line.
    Json,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a survey file, its recipient list and templates; report every problem.
    Validate {
        /// The survey file.
        #[arg(long)]
        survey: PathBuf,
    },
    /// Log in to SMTP and IMAP, prove that plus-addressed mail arrives, and
    /// say whether VERP (the bounce key in the envelope sender) survives.
    Check {
        /// The survey file.
        #[arg(long)]
        survey: PathBuf,
        /// An address that bounces (on the local stack `bounce-check@…`):
        /// send it one mail and wait for the bounce at its VERP address.
        #[arg(long, value_name = "ADDRESS")]
        bounce_probe: Option<String>,
    },
    /// Send pending invitations now (the daemon does this by itself).
    Send {
        /// The survey file.
        #[arg(long)]
        survey: PathBuf,
        /// Write every email as an .eml file instead of sending.
        #[arg(long, requires = "out")]
        dry_run: bool,
        /// Directory for --dry-run.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Print one recipient's invitation as it would be sent.
    Preview {
        /// The survey file.
        #[arg(long)]
        survey: PathBuf,
        /// The recipient's address, as in the list.
        #[arg(long)]
        recipient: String,
    },
    /// Run the daemon: invite, collect, remind, report. SIGTERM or Ctrl-C
    /// stops it after the work in flight; SIGHUP re-reads the survey files
    /// and recipient lists.
    Run {
        /// The survey file, or a directory of survey files (*.toml), each
        /// run side by side.
        #[arg(long)]
        survey: PathBuf,
    },
    /// Copy the state (the SQLite database) to FILE while the daemon runs,
    /// with SQLite's online backup.
    Backup {
        /// The survey file (its `database` is copied).
        #[arg(long)]
        survey: PathBuf,
        /// Where the copy goes (replaced if it exists).
        #[arg(long)]
        out: PathBuf,
    },
    /// Run one message through classification, matching and parsing, and
    /// print what was found; touches neither the store nor the servers.
    Inspect {
        /// The survey file.
        #[arg(long)]
        survey: PathBuf,
        /// The message, as an .eml file.
        message: PathBuf,
        /// Print the JSON contract (docs/inspect.schema.json) instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Show held replies, unclear answers and flags; decide on them.
    Review {
        /// The survey file.
        #[arg(long)]
        survey: PathBuf,
        /// Accept the held reply with this id: its answers count.
        #[arg(long, conflicts_with_all = ["reject", "settle"])]
        accept: Option<i64>,
        /// Reject the held reply with this id: its answers do not count.
        #[arg(long, conflicts_with = "settle")]
        reject: Option<i64>,
        /// Run a message whose handling failed again (after fixing the cause).
        #[arg(long, conflicts_with_all = ["accept", "reject", "settle"])]
        retry: Option<i64>,
        /// Settle an answer by hand: EMAIL QUESTION VALUE.
        #[arg(long, num_args = 3, value_names = ["EMAIL", "QUESTION", "VALUE"])]
        settle: Option<Vec<String>>,
        /// Who decides (recorded with the decision).
        #[arg(long, env = "USER", default_value = "lead")]
        by: String,
    },
    /// Close the survey now: no more invitations or reminders; the report goes to the lead.
    Close {
        /// The survey file.
        #[arg(long)]
        survey: PathBuf,
    },
    /// Write the report (interim before the close) and optionally email it.
    Report {
        /// The survey file.
        #[arg(long)]
        survey: PathBuf,
        /// Directory for report.txt, report.html, responses.csv, report.json.
        #[arg(long, default_value = "report")]
        out: PathBuf,
        /// Also email it to the lead(s).
        #[arg(long)]
        send: bool,
    },
    /// Delete a person's answers at their request, and record that it was done.
    Withdraw {
        /// The survey file.
        #[arg(long)]
        survey: PathBuf,
        /// The person's address.
        #[arg(long)]
        recipient: String,
        /// Who does it (recorded).
        #[arg(long, env = "USER", default_value = "lead")]
        by: String,
    },
    /// Delete the personal data once the report is sent and `[retention]
    /// days` have passed; answers stay under pseudonyms.
    Purge {
        /// The survey file.
        #[arg(long)]
        survey: PathBuf,
    },
    /// Print per-state counts and failures; for a directory, every survey
    /// in it with its counts, next action and problems.
    Status {
        /// The survey file, or a directory of survey files.
        #[arg(long)]
        survey: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

impl Command {
    /// Is this the long-running daemon (which takes SIGHUP as a reload)?
    pub fn is_daemon(&self) -> bool {
        matches!(self, Command::Run { .. })
    }
}

/// What `main` wires to the process: shutdown (SIGTERM, SIGINT), reloads
/// (SIGHUP) and the service manager.
#[derive(Debug)]
pub struct Signals {
    /// Stops the daemon.
    pub shutdown: Shutdown,
    /// Each message asks the daemon to re-read its files.
    pub reloads: crate::service::Reloads,
    /// systemd's notification socket, if any.
    pub notifier: crate::notify::Notifier,
}

/// The result of a command, as an exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0.
    Success = 0,
    /// 1.
    Failure = 1,
    /// 2.
    Usage = 2,
}

/// Runs a parsed command line; `signals` stop and reload the daemon.
pub async fn execute(cli: Cli, signals: Signals) -> Exit {
    let outcome = match cli.command {
        Command::Validate { survey } => return validate(&survey),
        Command::Check {
            survey,
            bounce_probe,
        } => check(&survey, bounce_probe.as_deref()).await,
        Command::Send {
            survey,
            dry_run,
            out,
        } => send(&survey, dry_run, out).await,
        Command::Preview { survey, recipient } => preview(&survey, &recipient),
        Command::Run { survey } => run(&survey, signals).await,
        Command::Backup { survey, out } => backup(&survey, &out),
        Command::Status { survey, json } => status(&survey, json),
        Command::Review {
            survey,
            accept,
            reject,
            retry,
            settle,
            by,
        } => review(&survey, accept, reject, retry, settle, &by),
        Command::Close { survey } => close(&survey).await,
        Command::Report { survey, out, send } => report(&survey, &out, send).await,
        Command::Withdraw {
            survey,
            recipient,
            by,
        } => lead_action(&survey, |store, survey, now| {
            crate::review::withdraw(store, survey, &recipient, &by, now)
        }),
        Command::Purge { survey } => lead_action(&survey, |store, survey, now| {
            crate::retention::purge(store, survey, now).map(|(_, said)| said)
        }),
        Command::Inspect {
            survey,
            message,
            json,
        } => inspect(&survey, &message, json),
    };
    match outcome {
        Ok(exit) => exit,
        Err(Error::Invalid(problems)) => {
            eprint!("{problems}");
            Exit::Usage
        }
        Err(err) => {
            eprintln!("error: {err}");
            Exit::Failure
        }
    }
}

fn validate(path: &std::path::Path) -> Exit {
    match check::validate(path) {
        Ok((survey, list)) => {
            println!(
                "{}: ok ({} questions, {} recipients, open {} to {})",
                path.display(),
                survey.questions.len(),
                list.len(),
                survey.period.open,
                survey.period.close
            );
            for warning in check::warnings(&survey) {
                eprintln!("warning: {warning}");
            }
            Exit::Success
        }
        Err(problems) => {
            eprint!("{problems}");
            Exit::Usage
        }
    }
}

async fn check(path: &std::path::Path, bounce_probe: Option<&str>) -> Result<Exit> {
    let (survey, _) = daemon::load(path)?;
    crate::credentials::warn_if_exposed(&survey);
    for warning in check::warnings(&survey) {
        eprintln!("warning: {warning}");
    }
    let steps = check::check(&survey, bounce_probe).await;
    let mut ok = true;
    for step in &steps {
        match &step.outcome {
            Ok(detail) => println!("ok    {}: {detail}", step.what),
            Err(fix) => {
                ok = false;
                println!("FAIL  {}: {fix}", step.what);
            }
        }
    }
    Ok(if ok { Exit::Success } else { Exit::Failure })
}

/// Opens the store and brings the recipient list in.
fn prepare(
    path: &std::path::Path,
) -> Result<(crate::survey::Survey, crate::templates::Templates, Store)> {
    let (survey, templates) = daemon::load(path)?;
    let list = recipients::load(&survey.recipients_file).map_err(Error::Invalid)?;
    let store = Store::open(&survey.database)?;
    let now = SystemClock.now();
    store.ensure_survey(&survey, now)?;
    store.sync_recipients(&survey.id, &list, now)?;
    Ok((survey, templates, store))
}

async fn send(path: &std::path::Path, dry_run: bool, out: Option<PathBuf>) -> Result<Exit> {
    let (survey, templates, store) = prepare(path)?;
    let now = SystemClock.now();
    if dry_run {
        let outbox = FileOutbox::new(out.expect("clap requires --out"))?;
        let mut written = 0;
        for person in store.recipients(&survey.id)? {
            if !person.listed || person.status != crate::store::RecipientStatus::Active {
                continue;
            }
            let mail = invitation::mail(&survey, &templates, &person, Kind::Invitation, now)?;
            outbox.send(&mail).await?;
            written += 1;
        }
        println!("{written} invitations written; nothing was sent");
        return Ok(Exit::Success);
    }
    if store.closed_at(&survey.id)?.is_some() {
        eprintln!("the survey has closed; nothing sent.");
        return Ok(Exit::Failure);
    }
    if !survey.period.is_open_at(now) {
        eprintln!(
            "the survey opens at {}; nothing sent. `mailsurvey run` sends the invitations then.",
            survey.period.open
        );
        return Ok(Exit::Failure);
    }
    crate::credentials::warn_if_exposed(&survey);
    store.requeue_in_flight(&survey.id)?;
    let queued = store.queue_invitations(&survey.id, survey.sender.address.domain(), now)?;
    let smtp = SmtpOutbox::new(&survey.smtp, survey.sending.max_connections)?;
    smtp.test_login().await?;
    let bar = if std::io::stdout().is_terminal() {
        let bar = ProgressBar::new(queued as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}").expect("valid template"),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let survey = Arc::new(survey);
    let dispatcher = Dispatcher::new(
        store.clone(),
        survey.clone(),
        Arc::new(templates),
        smtp,
        Arc::new(SystemClock),
    );
    let progress = bar.clone();
    let round = dispatcher
        .send_due(&Shutdown::never(), move |r| {
            progress.set_position((r.sent + r.failed) as u64);
            progress.set_message(format!("{} deferred", r.retried));
        })
        .await?;
    bar.finish_and_clear();
    println!(
        "{} sent, {} deferred (the daemon retries them), {} failed",
        round.sent, round.retried, round.failed
    );
    Ok(if round.failed > 0 {
        Exit::Failure
    } else {
        Exit::Success
    })
}

fn preview(path: &std::path::Path, email: &str) -> Result<Exit> {
    let (survey, templates, store) = prepare(path)?;
    let Some(person) = store
        .recipients(&survey.id)?
        .into_iter()
        .find(|p| p.email.eq_ignore_ascii_case(email))
    else {
        eprintln!("{email} is not in {}", survey.recipients_file.display());
        return Ok(Exit::Usage);
    };
    let now = SystemClock.now();
    let mail = invitation::mail(&survey, &templates, &person, Kind::Invitation, now)?;
    use std::io::Write;
    std::io::stdout()
        .write_all(&mail.bytes)
        .map_err(|e| Error::io("stdout", e))?;
    Ok(Exit::Success)
}

async fn run(path: &std::path::Path, signals: Signals) -> Result<Exit> {
    crate::service::run(path, signals.notifier, signals.shutdown, signals.reloads).await?;
    Ok(Exit::Success)
}

fn backup(path: &std::path::Path, out: &std::path::Path) -> Result<Exit> {
    let survey = crate::survey::Survey::load(path).map_err(Error::Invalid)?;
    let started = std::time::Instant::now();
    let pages = on_database(&survey.database, || {
        Store::open(&survey.database)?.backup_to(out)
    })?;
    println!(
        "{} copied to {} ({pages} pages, {:.1} s); restore it by stopping the service and putting it in place of the database (README, \"Backup and restore\")",
        survey.database.display(),
        out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(Exit::Success)
}

fn inspect(path: &std::path::Path, message: &std::path::Path, json: bool) -> Result<Exit> {
    let survey = crate::survey::Survey::load(path).map_err(Error::Invalid)?;
    let raw = std::fs::read(message).map_err(|e| Error::io(message, e))?;
    let inspection = crate::inspect::inspect(&raw, &survey);
    if json {
        println!("{}", inspection.to_json());
    } else {
        print!("{}", inspection.summary(&survey));
    }
    Ok(Exit::Success)
}

async fn close(path: &std::path::Path) -> Result<Exit> {
    let (survey, templates) = daemon::load(path)?;
    let database = survey.database.clone();
    close_survey(survey, templates)
        .await
        .map_err(|err| err.at_database(&database))
}

async fn close_survey(
    survey: crate::survey::Survey,
    templates: crate::templates::Templates,
) -> Result<Exit> {
    let store = Store::open(&survey.database)?;
    let now = SystemClock.now();
    let by = std::env::var("USER").unwrap_or_else(|_| "the lead".into());
    if !store.close(&survey.id, now, &format!("mailsurvey close by {by}"))? {
        println!("the survey was already closed");
    }
    crate::timeline::advance(&store, &survey, now)?;
    let smtp = SmtpOutbox::new(&survey.smtp, 1)?;
    let survey = Arc::new(survey);
    let dispatcher = Dispatcher::new(
        store,
        survey.clone(),
        Arc::new(templates),
        smtp,
        Arc::new(SystemClock),
    );
    let round = dispatcher.send_due(&Shutdown::never(), |_| {}).await?;
    println!(
        "closed; {} message(s) sent now, the report among them unless it had gone already",
        round.sent
    );
    Ok(Exit::Success)
}

async fn report(path: &std::path::Path, out: &std::path::Path, send: bool) -> Result<Exit> {
    let (survey, _) = daemon::load(path)?;
    let now = SystemClock.now();
    let (interim, report) = on_database(&survey.database, || {
        let store = Store::open(&survey.database)?;
        let interim = store.closed_at(&survey.id)?.is_none();
        Ok((
            interim,
            crate::timeline::build(&store, &survey, now, interim)?,
        ))
    })?;
    report.write_to(out)?;
    println!(
        "{} report written to {} (report.txt, report.html, responses.csv, report.json)",
        if interim { "interim" } else { "final" },
        out.display()
    );
    if send {
        let mail = compose::compose(crate::report::draft(&survey, &report)?, now)?;
        SmtpOutbox::new(&survey.smtp, 1)?.send(&mail).await?;
        println!(
            "sent to {}",
            survey
                .leads
                .iter()
                .map(|l| l.email.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    Ok(Exit::Success)
}

fn review(
    path: &std::path::Path,
    accept: Option<i64>,
    reject: Option<i64>,
    retry: Option<i64>,
    settle: Option<Vec<String>>,
    by: &str,
) -> Result<Exit> {
    if let Some(id) = retry {
        return lead_action(path, |store, survey, now| {
            crate::review::retry(store, survey, id, by, now)
        });
    }
    lead_action(path, |store, survey, now| match (accept, reject, &settle) {
        (Some(id), _, _) => crate::review::decide(store, survey, id, true, by, now),
        (_, Some(id), _) => crate::review::decide(store, survey, id, false, by, now),
        (_, _, Some(args)) => {
            crate::review::settle(store, survey, &args[0], &args[1], &args[2], by, now)
        }
        _ => crate::review::pending(store, survey),
    })
}

/// Runs one of the lead's commands against the store and prints its result.
fn lead_action(
    path: &std::path::Path,
    action: impl FnOnce(&Store, &crate::survey::Survey, jiff::Timestamp) -> Result<String>,
) -> Result<Exit> {
    let (survey, _) = daemon::load(path)?;
    let said = on_database(&survey.database, || {
        let store = Store::open(&survey.database)?;
        action(&store, &survey, SystemClock.now())
    })?;
    println!("{said}");
    Ok(Exit::Success)
}

/// Runs `work` on the database at `database`, naming the file (and the
/// process holding it, for a lock that outlasted the wait) in a store
/// error that needs the operator: never SQLite's bare "database is
/// locked".
fn on_database<T>(database: &std::path::Path, work: impl FnOnce() -> Result<T>) -> Result<T> {
    work().map_err(|err| err.at_database(database))
}

fn status(path: &std::path::Path, json: bool) -> Result<Exit> {
    if path.is_dir() {
        let overviews = crate::overview::survey_overviews(path, SystemClock.now())?;
        if json {
            println!(
                "{}",
                serde_json::to_string_pretty(&serde_json::json!({ "surveys": overviews }))
                    .expect("status serialises")
            );
        } else {
            print!("{}", crate::overview::render(&overviews));
        }
        return Ok(Exit::Success);
    }
    let (survey, _) = daemon::load(path)?;
    let read = on_database(&survey.database, || {
        Store::open(&survey.database)?.status(&survey.id)
    });
    let status = match read {
        Ok(status) => status,
        Err(err @ Error::Locked { .. }) => {
            // Not a hard failure: what is known, and why the rest is not.
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&serde_json::json!({
                        "survey": survey.id,
                        "database_locked": err.to_string(),
                    }))
                    .expect("status serialises")
                );
            } else {
                println!("survey {} ({})", survey.id, survey.title);
                println!("counts cannot be read now: {err}");
            }
            return Ok(Exit::Failure);
        }
        Err(err) => return Err(err),
    };
    // Read, but perhaps not writable: another process holding the write
    // lock stops the daemon from recording anything while it lasts.
    let locked_words = crate::overview::write_locked(&survey.database);
    if json {
        let mut value = serde_json::to_value(&status).expect("status serialises");
        if let Some(words) = &locked_words {
            value["database_locked"] = serde_json::Value::String(words.clone());
        }
        println!(
            "{}",
            serde_json::to_string_pretty(&value).expect("status serialises")
        );
        return Ok(Exit::Success);
    }
    println!("survey {} ({})", survey.id, survey.title);
    if let Some(words) = &locked_words {
        println!("database: {words}");
    }
    for note in &status.health {
        let part = match note.part {
            crate::store::HealthPart::Smtp => "SMTP",
            crate::store::HealthPart::Imap => "IMAP",
            crate::store::HealthPart::Survey => "survey",
            crate::store::HealthPart::Filing => "filing",
        };
        let since = note.since.strftime("%Y-%m-%d %H:%M UTC");
        for line in note.problem.lines() {
            println!("PROBLEM {part} (since {since}): {line}");
        }
    }
    println!(
        "recipients: {} listed, {} removed from the list",
        status.listed, status.removed
    );
    for (state, n) in &status.recipients {
        println!("  {state}: {n}");
    }
    for (kind, states) in &status.outbox {
        let parts: Vec<String> = states.iter().map(|(s, n)| format!("{s} {n}")).collect();
        println!("{kind}: {}", parts.join(", "));
    }
    let received: Vec<String> = status
        .received
        .iter()
        .map(|(k, n)| format!("{k} {n}"))
        .collect();
    println!(
        "received: {}",
        if received.is_empty() {
            "nothing yet".into()
        } else {
            received.join(", ")
        }
    );
    println!(
        "respondents: {}; unclear answers: {}; held replies: {}; counted from another address: {}",
        status.respondents, status.unclear_answers, status.held, status.different_sender
    );
    if !status.unverified_bounces.is_empty() {
        println!(
            "unverified bounces ({}): delivery reports with nothing of ours in them; nobody was bounced by them",
            status.unverified_bounces.len()
        );
        for note in &status.unverified_bounces {
            println!("  {}", visible(note));
        }
    }
    if status.sending_limits > 0 {
        println!(
            "sending paused {} time(s): the provider refused our mail for a sending limit (see `mailsurvey review`)",
            status.sending_limits
        );
        for pause in &status.sending_pauses {
            println!("  {pause}");
        }
    }
    if !status.failed_messages.is_empty() {
        println!(
            "set aside, handling failed ({}): see `mailsurvey review`; after a fix, `review --retry ID`",
            status.failed_messages.len()
        );
        for failed in &status.failed_messages {
            println!("  [{}] {}", failed.id, visible(&failed.reason));
        }
    }
    if let Err(problems) = recipients::load(&survey.recipients_file) {
        println!("recipient list: rows not applied (those people keep their last good state):");
        print!("{problems}");
    }
    if status.follow_ups_not_written > 0 {
        println!(
            "follow-ups that could not be written: {} (see `mailsurvey review`)",
            status.follow_ups_not_written
        );
    }
    if !status.failures.is_empty() {
        println!("failures:");
        for failure in &status.failures {
            println!(
                "  {} ({}, {} attempts): {}",
                failure.email,
                failure.kind,
                failure.attempts,
                visible(&failure.error)
            );
        }
    }
    Ok(Exit::Success)
}
