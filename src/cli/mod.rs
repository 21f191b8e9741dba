//! The command line: what each subcommand takes, and the code that runs it.
//! Exit codes: 0 success, 1 failure, 2 usage or validation error.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};

use crate::run::commands::{self, Review, Sending, StatusRead};
use crate::run::shutdown::Shutdown;
use crate::run::{check, daemon};
use crate::store::MailState;
use crate::{Error, Result};

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
    /// Given a directory, every survey file in it, as `run` reads them.
    Validate {
        /// The survey file, or a directory of them.
        #[arg(long)]
        survey: PathBuf,
    },
    /// Draft a survey file from a questionnaire (plain text or Word .docx):
    /// every question typed, a TODO for each thing left to decide.
    New {
        /// The questionnaire: numbered questions, options as a), - or [ ] lines.
        #[arg(long)]
        from: PathBuf,
        /// The survey file to write.
        #[arg(long)]
        out: PathBuf,
        /// Replace --out if it exists.
        #[arg(long)]
        force: bool,
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
        /// Count again the answers set aside at this person's request
        /// ("please delete my answers"), until the retention purge.
        #[arg(long, value_name = "EMAIL", conflicts_with_all = ["accept", "reject", "retry", "settle"])]
        restore: Option<String>,
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
        /// Directory for report.txt, report.html, report.json, responses.csv, codebook.csv and
        /// the syntax files that load them (responses.R, responses.sps, responses.do).
        #[arg(long, default_value = "report")]
        out: PathBuf,
        /// Also email it to the lead(s).
        #[arg(long)]
        send: bool,
    },
    /// Print the progress digest as it stands now; with --send, email it
    /// to the lead(s) now (the daemon sends it on the survey's schedule).
    Digest {
        /// The survey file.
        #[arg(long)]
        survey: PathBuf,
        /// Email it to the lead(s) now.
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
    pub reloads: crate::run::service::Reloads,
    /// systemd's notification socket, if any.
    pub notifier: crate::run::notify::Notifier,
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
        Command::New { from, out, force } => new_survey(&from, &out, force),
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
            restore,
            by,
        } => review(&survey, accept, reject, retry, settle, restore, &by),
        Command::Close { survey } => close(&survey).await,
        Command::Report { survey, out, send } => report(&survey, &out, send).await,
        Command::Digest { survey, send } => digest(&survey, send).await,
        Command::Withdraw {
            survey,
            recipient,
            by,
        } => commands::withdraw(&survey, &recipient, &by).and_then(said),
        Command::Purge { survey } => commands::purge(&survey).and_then(said),
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
    if !path.is_dir() {
        return if validated(path, check::validate(path)) {
            Exit::Success
        } else {
            Exit::Usage
        };
    }
    match check::validate_directory(path) {
        Ok(files) if files.is_empty() => {
            eprintln!(
                "error: no survey files (*.toml) in {}; run reads those",
                path.display()
            );
            Exit::Usage
        }
        Ok(files) => {
            let total = files.len();
            let mut bad = 0;
            for each in files {
                if !validated(&each.file, each.outcome) {
                    bad += 1;
                }
            }
            if bad == 0 {
                println!("{}: all {total} survey files ok", path.display());
                Exit::Success
            } else {
                eprintln!(
                    "{}: {bad} of {total} survey files have problems",
                    path.display()
                );
                Exit::Usage
            }
        }
        Err(err) => {
            eprintln!("error: {err}");
            Exit::Usage
        }
    }
}

/// Prints one survey file's verdict; true when it is ok.
fn validated(
    path: &std::path::Path,
    outcome: std::result::Result<
        (
            crate::survey::Survey,
            Vec<crate::survey::recipients::Recipient>,
        ),
        crate::survey::problems::Problems,
    >,
) -> bool {
    match outcome {
        Ok((survey, list)) => {
            println!(
                "{}: ok ({} questions, {} recipients, open {} to {})",
                path.display(),
                survey.questions.len(),
                list.len(),
                survey.period.open,
                survey.period.close
            );
            for warning in check::warnings(&survey)
                .into_iter()
                .chain(check::quota_warning(&survey, list.len()))
            {
                eprintln!("warning: {warning}");
            }
            true
        }
        Err(problems) => {
            eprint!("{problems}");
            false
        }
    }
}

fn new_survey(from: &std::path::Path, out: &std::path::Path, force: bool) -> Result<Exit> {
    let draft = crate::survey::draft::from_file(from)?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if force {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    let io = |source| Error::Io {
        path: out.to_owned(),
        source,
    };
    let mut file = options.open(out).map_err(|err| {
        if err.kind() == std::io::ErrorKind::AlreadyExists {
            io(std::io::Error::new(
                err.kind(),
                "already exists; give --force to replace it",
            ))
        } else {
            io(err)
        }
    })?;
    std::io::Write::write_all(&mut file, draft.toml.as_bytes()).map_err(io)?;
    println!(
        "{}: {} questions, {} TODOs left; fill them in, then run: mailsurvey validate --survey {}",
        out.display(),
        draft.questions,
        draft.todos,
        out.display()
    );
    Ok(Exit::Success)
}

async fn check(path: &std::path::Path, bounce_probe: Option<&str>) -> Result<Exit> {
    let (survey, _) = daemon::load(path)?;
    crate::connect::credentials::warn_if_exposed(&survey);
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

async fn send(path: &std::path::Path, dry_run: bool, out: Option<PathBuf>) -> Result<Exit> {
    if dry_run {
        let written = commands::dry_run(path, out.expect("clap requires --out")).await?;
        println!("{written} emails written; nothing was sent");
        return Ok(Exit::Success);
    }
    let bar = if std::io::stdout().is_terminal() {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}").expect("valid template"),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    let (length, progress) = (bar.clone(), bar.clone());
    let sending = commands::send(
        path,
        move |queued| length.set_length(queued as u64),
        move |r| {
            progress.set_position((r.sent + r.failed) as u64);
            progress.set_message(format!("{} deferred", r.retried));
        },
    )
    .await?;
    bar.finish_and_clear();
    let round = match sending {
        Sending::Closed => {
            eprintln!("the survey has closed; nothing sent.");
            return Ok(Exit::Failure);
        }
        Sending::NotYetOpen(open) => {
            eprintln!(
                "the survey opens at {open}; nothing sent. `mailsurvey run` sends the invitations then."
            );
            return Ok(Exit::Failure);
        }
        Sending::Sent { round, .. } => round,
    };
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
    let Some(bytes) = commands::preview(path, email)? else {
        eprintln!("{email} is not in the recipient list");
        return Ok(Exit::Usage);
    };
    use std::io::Write;
    std::io::stdout()
        .write_all(&bytes)
        .map_err(|e| Error::io("stdout", e))?;
    Ok(Exit::Success)
}

async fn run(path: &std::path::Path, signals: Signals) -> Result<Exit> {
    crate::run::service::run(path, signals.notifier, signals.shutdown, signals.reloads).await?;
    Ok(Exit::Success)
}

fn backup(path: &std::path::Path, out: &std::path::Path) -> Result<Exit> {
    let done = commands::backup(path, out)?;
    println!(
        "{} copied to {} ({} pages, {:.1} s); restore it by stopping the service and putting it in place of the database (README, \"Backup and restore\")",
        done.database.display(),
        out.display(),
        done.pages,
        done.took.as_secs_f64()
    );
    Ok(Exit::Success)
}

fn inspect(path: &std::path::Path, message: &std::path::Path, json: bool) -> Result<Exit> {
    let survey = crate::survey::Survey::load(path).map_err(Error::Invalid)?;
    let raw = std::fs::read(message).map_err(|e| Error::io(message, e))?;
    let inspection = crate::understand::inspect::inspect(&raw, &survey);
    if json {
        println!("{}", inspection.to_json());
    } else {
        print!("{}", inspection.summary(&survey));
    }
    Ok(Exit::Success)
}

async fn close(path: &std::path::Path) -> Result<Exit> {
    let closed = commands::close(path).await?;
    if closed.already {
        println!("the survey was already closed");
    }
    println!(
        "closed; {} message(s) sent now, the report among them unless it had gone already",
        closed.round.sent
    );
    Ok(Exit::Success)
}

async fn report(path: &std::path::Path, out: &std::path::Path, send: bool) -> Result<Exit> {
    let reported = commands::report(path, out, send).await?;
    println!(
        "{} report written to {} (report.txt, report.html, report.json, responses.csv, codebook.csv, responses.R, responses.sps, responses.do)",
        if reported.interim { "interim" } else { "final" },
        out.display()
    );
    match reported.sent {
        Some(mail) => said_sent(mail, "report"),
        None => Ok(Exit::Success),
    }
}

async fn digest(path: &std::path::Path, send: bool) -> Result<Exit> {
    let digested = commands::digest(path, send).await?;
    match digested.sent {
        None => {
            print!("{}", digested.text);
            Ok(Exit::Success)
        }
        Some(mail) => said_sent(mail, "digest"),
    }
}

/// Prints where an email asked for (`report --send`, `digest --send`)
/// stands; a failure to send is a failing exit.
fn said_sent(mail: commands::ReportMail, what: &str) -> Result<Exit> {
    let to = mail.to.join(", ");
    match mail.state {
        MailState::Sent => println!("sent to {to}"),
        MailState::Failed => {
            println!(
                "not sent to {to}: {}",
                mail.last_error.as_deref().unwrap_or("refused")
            );
            return Ok(Exit::Failure);
        }
        _ => println!(
            "{what} queued for {to}, not sent yet ({}); the daemon retries it, `mailsurvey status` shows it",
            mail.last_error.as_deref().unwrap_or("waiting for its turn")
        ),
    }
    Ok(Exit::Success)
}

fn review(
    path: &std::path::Path,
    accept: Option<i64>,
    reject: Option<i64>,
    retry: Option<i64>,
    settle: Option<Vec<String>>,
    restore: Option<String>,
    by: &str,
) -> Result<Exit> {
    if let Some(email) = restore {
        return said(commands::review(path, Review::Restore(email), by)?);
    }
    let what = match (retry, accept, reject, settle) {
        (Some(id), ..) => Review::Retry(id),
        (_, Some(id), ..) => Review::Accept(id),
        (_, _, Some(id), _) => Review::Reject(id),
        (_, _, _, Some(mut args)) => {
            let value = args.pop().unwrap_or_default();
            let question = args.pop().unwrap_or_default();
            let email = args.pop().unwrap_or_default();
            Review::Settle {
                email,
                question,
                value,
            }
        }
        _ => Review::Pending,
    };
    said(commands::review(path, what, by)?)
}

/// Prints what one of the lead's commands said.
fn said(words: String) -> Result<Exit> {
    println!("{words}");
    Ok(Exit::Success)
}

fn status(path: &std::path::Path, json: bool) -> Result<Exit> {
    let one = match commands::status(path)? {
        StatusRead::Surveys(overviews) => {
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&serde_json::json!({ "surveys": overviews }))
                        .expect("status serialises")
                );
            } else {
                print!("{}", crate::run::overview::render(&overviews));
            }
            return Ok(Exit::Success);
        }
        StatusRead::Survey(one) => *one,
    };
    let status = match &one.counts {
        Ok(status) => status,
        Err(err) => {
            // Not a hard failure: what is known, and why the rest is not.
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&serde_json::json!({
                        "survey": one.id,
                        "database_locked": err.to_string(),
                    }))
                    .expect("status serialises")
                );
            } else {
                println!("survey {} ({})", one.id, one.title);
                println!("counts cannot be read now: {err}");
            }
            return Ok(Exit::Failure);
        }
    };
    if json {
        let mut value = serde_json::to_value(status).expect("status serialises");
        if let Some(words) = &one.write_locked {
            value["database_locked"] = serde_json::Value::String(words.clone());
        }
        println!(
            "{}",
            serde_json::to_string_pretty(&value).expect("status serialises")
        );
        return Ok(Exit::Success);
    }
    print!("{}", crate::run::overview::render_survey(&one, status));
    Ok(Exit::Success)
}
