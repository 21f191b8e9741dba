//! The demo's doctors: each cohort doctor reads their mailbox over IMAP,
//! takes the newest questionnaire (invitation or reminder) from the survey
//! and answers it over plain SMTP, in a mail-client style chosen by a fixed
//! rotation; a few non-cohort doctors answer with an automatic reply.
//!
//! ```text
//! cargo run --example doctors -- --cohort tests/fixtures/cohort.csv \
//!     --recipients config/example-recipients.csv --survey-address survey@survey.test \
//!     [--imap-port 12143] [--smtp-port 12525] [--password mailstack-secret] \
//!     [--ca /var/lib/mailsurvey-mailstack/tls/ca.pem] [--only FIRST..LAST] [--auto-replies N]
//! ```
//!
//! `--only 1..10` answers for cohort rows 1 to 10 (1-based, inclusive).
//! Prints one line per doctor: address and style. Exits 1 if a doctor had
//! no questionnaire to answer or a send failed; the others still answer.

#[path = "../tests/it/doctors.rs"]
mod doctors;

use std::path::PathBuf;
use std::process::ExitCode;

use doctors::{Answers, AutoReply, Doctor, Mail, Style};
use mailsurvey::survey::{Auth, SecretSource, Security, Server};

const PASSWORD_VAR: &str = "MAILSURVEY_DOCTORS_PASSWORD";

struct Args {
    cohort: PathBuf,
    recipients: PathBuf,
    survey_address: String,
    imap_port: u16,
    smtp_port: u16,
    password: String,
    ca: PathBuf,
    only: Option<(usize, usize)>,
    auto_replies: usize,
    late: Option<usize>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        cohort: "tests/fixtures/cohort.csv".into(),
        recipients: "config/example-recipients.csv".into(),
        survey_address: "survey@survey.test".into(),
        imap_port: 12143,
        smtp_port: 12525,
        password: "mailstack-secret".into(),
        ca: "/var/lib/mailsurvey-mailstack/tls/ca.pem".into(),
        only: None,
        auto_replies: 0,
        late: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        let number = |v: String| v.parse::<usize>().map_err(|e| format!("{flag} {v}: {e}"));
        match flag.as_str() {
            "--cohort" => args.cohort = value()?.into(),
            "--recipients" => args.recipients = value()?.into(),
            "--survey-address" => args.survey_address = value()?,
            "--imap-port" => args.imap_port = number(value()?)? as u16,
            "--smtp-port" => args.smtp_port = number(value()?)? as u16,
            "--password" => args.password = value()?,
            "--ca" => args.ca = value()?.into(),
            "--auto-replies" => args.auto_replies = number(value()?)?,
            "--late" => args.late = Some(number(value()?)?),
            "--only" => {
                let v = value()?;
                let (first, last) = v
                    .split_once("..")
                    .ok_or(format!("--only {v}: expected FIRST..LAST"))?;
                args.only = Some((number(first.to_owned())?, number(last.to_owned())?));
            }
            "-h" | "--help" => {
                return Err(
                    "usage: doctors --cohort CSV --recipients CSV --survey-address ADDR \
                     [--imap-port N] [--smtp-port N] [--password P] [--ca PEM] \
                     [--only FIRST..LAST] [--auto-replies N]"
                        .into(),
                );
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(args)
}

/// The newest questionnaire from the survey in `email`'s INBOX.
fn questionnaire(args: &Args, email: &str) -> Result<Vec<u8>, String> {
    let server = Server {
        host: "127.0.0.1".into(),
        port: args.imap_port,
        security: Security::StartTls,
        username: email.into(),
        auth: Auth::Password,
        password: Some(SecretSource::Env(PASSWORD_VAR.into())),
        ca_file: Some(args.ca.clone()),
    };
    let mut session = mailsurvey::inbox::connect(&server).map_err(|e| e.to_string())?;
    let mailbox = session.select("INBOX").map_err(|e| e.to_string())?;
    let mut messages = Vec::new();
    if mailbox.exists > 0 {
        let fetched = session
            .fetch("1:*", "BODY.PEEK[]")
            .map_err(|e| e.to_string())?;
        for message in fetched.iter() {
            messages.push(message.body().unwrap_or_default().to_vec());
        }
    }
    let _ = session.logout();
    let ours: Vec<Vec<u8>> = messages
        .into_iter()
        .filter(|raw| {
            doctors::Invitation::parse(raw)
                .is_ok_and(|i| i.from_address.eq_ignore_ascii_case(&args.survey_address))
        })
        .collect();
    doctors::newest_questionnaire(&ours)
        .map(<[u8]>::to_vec)
        .ok_or_else(|| "no questionnaire in the inbox".to_owned())
}

fn send(args: &Args, mail: &Mail) -> Result<(), String> {
    doctors::send(args.smtp_port, mail).map_err(|e| format!("SMTP: {e}"))
}

fn run(args: &Args) -> Result<bool, String> {
    // SAFETY: set once, before any other thread exists.
    unsafe { std::env::set_var(PASSWORD_VAR, &args.password) };
    let cohort = Answers::load_cohort(&args.cohort)?;
    let recipients = Doctor::load_recipients(&args.recipients)?;
    let (first, last) = args.only.unwrap_or((1, cohort.len()));
    let mut all_ok = true;
    if let Some(row) = args.late {
        // Recipient row `row` (1-based) answers after the close, with the
        // first cohort doctor's answers.
        let doctor = recipients
            .get(row - 1)
            .ok_or(format!("--late {row}: no such row"))?;
        let outcome = questionnaire(args, &doctor.email)
            .and_then(|raw| {
                doctors::late_reply(
                    &raw,
                    doctor,
                    &cohort[0],
                    Style::Gmail,
                    jiff::Timestamp::now(),
                )
            })
            .and_then(|mail| send(args, &mail));
        match outcome {
            Ok(()) => println!("{} late", doctor.email),
            Err(e) => {
                all_ok = false;
                println!("{} late FAILED: {e}", doctor.email);
            }
        }
        return Ok(all_ok);
    }
    for (index, answers) in cohort.iter().enumerate() {
        if index + 1 < first || index + 1 > last {
            continue;
        }
        let style = Style::rotation(index);
        let doctor = recipients
            .iter()
            .find(|d| d.email.eq_ignore_ascii_case(&answers.email))
            .ok_or(format!("{} is not on the recipient list", answers.email))?;
        let outcome = questionnaire(args, &doctor.email)
            .and_then(|raw| doctors::reply(&raw, doctor, answers, style))
            .and_then(|mail| send(args, &mail));
        match outcome {
            Ok(()) => println!("{} {}", doctor.email, style.name()),
            Err(e) => {
                all_ok = false;
                println!("{} {} FAILED: {e}", doctor.email, style.name());
            }
        }
    }
    let others = recipients.iter().skip(cohort.len()).take(args.auto_replies);
    for (i, doctor) in others.enumerate() {
        let kind = if i % 2 == 0 {
            AutoReply::OutOfOffice
        } else {
            AutoReply::Vacation
        };
        let name = match kind {
            AutoReply::OutOfOffice => "auto-reply-outlook",
            AutoReply::Vacation => "auto-reply-vacation",
        };
        let outcome = questionnaire(args, &doctor.email)
            .and_then(|raw| doctors::auto_reply(&raw, doctor, kind))
            .and_then(|mail| send(args, &mail));
        match outcome {
            Ok(()) => println!("{} {name}", doctor.email),
            Err(e) => {
                all_ok = false;
                println!("{} {name} FAILED: {e}", doctor.email);
            }
        }
    }
    Ok(all_ok)
}

fn main() -> ExitCode {
    let outcome = parse_args().and_then(|args| run(&args));
    match outcome {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("doctors: {e}");
            ExitCode::from(2)
        }
    }
}
