//! The progress digest: a short email to the leads while the survey runs,
//! saying how it is going and what waits for them, each with the exact
//! command that settles it. Pure, like the rest of `report`: the caller
//! (`crate::follow_up::digest`) reads the store into a [`Digest`]; here it
//! is rendered as text and HTML from one list of lines (so the two parts
//! say the same), wrapped into the email ([`draft`]), and timed
//! ([`schedule`]).
//!
//! Why here and not in `follow_up`: the digest is a report to the leads,
//! made of the report's own figures (participation, the breakdown, the
//! results paragraph) and rendered like it, without a store; `follow_up`
//! only decides from the store when one is due and queues it, as the
//! timeline does for the report.
//!
//! What it never holds: answers or interim percentages of answers, unless
//! the survey file sets `digest_results = true` (seeing interim results
//! can bias a study); a stranger's words other than as
//! [`crate::report::shown::unlinked`] makes them (shortened, one line, no
//! link). Only bounces proven ours name a doctor; the rest are counted.

pub mod schedule;

use jiff::Timestamp;
use lettre::message::Mailbox;

use crate::Result;
use crate::compose::{AutoSubmitted, Draft};
use crate::report::Share;
use crate::survey::Survey;
use crate::survey::questionnaire::escape;

pub use schedule::{Cause, Slot};

/// The longest a stranger's text (a bounce's reason, a subject) is shown.
pub const OUTSIDE_TEXT_CHARS: usize = 120;

/// Everything a digest says, read from the store and the survey file.
/// Text that came from outside is already made safe (`unlinked`).
#[derive(Debug, Clone, PartialEq)]
pub struct Digest {
    /// The survey's title.
    pub title: String,
    /// The survey file as the lead runs commands on it.
    pub survey_file: String,
    /// When it was made, in the survey's time zone.
    pub made_at: String,
    /// Why it was sent: a slot of the schedule, or `None` when asked for
    /// (`mailsurvey digest --send`).
    pub cause: Option<Cause>,
    /// Invitations sent (or refused for good): the response rate's n.
    pub invited: usize,
    /// People with at least one valid answer, of invited.
    pub responded: Share,
    /// Respondents who answered every required question.
    pub complete: usize,
    /// Respondents who did not.
    pub partial: usize,
    /// Listed people whose invitation has not gone yet.
    pub not_yet_sent: usize,
    /// People invited who have not replied: their number, and their names
    /// when the survey file allows (`digest_names = true`).
    pub waiting: Waiting,
    /// Bounces proven ours (our VERP key, Message-ID or token, or a
    /// refusal in our own SMTP session): the doctors, named.
    pub bounced: Vec<Bounced>,
    /// Delivery reports with nothing of ours in them: counted, never named.
    pub unverified_bounces: usize,
    /// People who asked for no more mail.
    pub opted_out: usize,
    /// Replies held for the lead's decision.
    pub held: Vec<Held>,
    /// Answers still unclear, to settle by hand.
    pub unclear: Vec<Unclear>,
    /// Messages whose handling failed, set aside.
    pub set_aside: Vec<SetAside>,
    /// What the service records as wrong (a refused login, a folder it
    /// cannot file to, a lock, a sending pause, mail given up), each with
    /// what to do.
    pub problems: Vec<String>,
    /// The next reminder, in the survey's time zone, if one will go.
    pub next_reminder: Option<String>,
    /// The close, in the survey's time zone.
    pub close: String,
    /// The survey has closed (a digest asked for after the close).
    pub closed: bool,
    /// Responses per group of the breakdown column, when one is set.
    pub centres: Option<Centres>,
    /// The interim results paragraph, only with `digest_results = true`.
    pub results: Option<String>,
}

/// Who has not replied yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting {
    /// How many.
    pub count: usize,
    /// Their names, when the survey file allows naming them.
    pub names: Option<Vec<String>>,
}

/// A doctor whose mail bounced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bounced {
    /// Name, from the recipient list.
    pub name: String,
    /// The address that failed, from the recipient list.
    pub email: String,
    /// The server's reason, made safe; empty when it gave none.
    pub reason: String,
}

/// A reply held for the lead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    /// The message's id (`review --accept ID`).
    pub id: i64,
    /// Who sent it, made safe.
    pub from: String,
    /// Whose reply it claims to be, from the recipient list.
    pub whose: String,
}

/// An answer still unclear.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unclear {
    /// The person's name.
    pub name: String,
    /// Their address (the command's EMAIL).
    pub email: String,
    /// The question's number in the questionnaire.
    pub number: usize,
    /// Its id (the command's QUESTION).
    pub question: String,
    /// What VALUE may be.
    pub values: String,
}

/// A message set aside because handling it failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    /// Its id (`review --retry ID`).
    pub id: i64,
    /// Its subject, made safe.
    pub subject: String,
    /// Why handling it failed, made safe.
    pub reason: String,
}

/// Responses per group of the breakdown column.
#[derive(Debug, Clone, PartialEq)]
pub struct Centres {
    /// The column, e.g. `centre`.
    pub column: String,
    /// Groups smaller than this are not shown unless names are.
    pub min_cell: usize,
    /// Each group: name, invited, responded.
    pub groups: Vec<(String, usize, usize)>,
    /// Show every group's figures (names of non-responders are allowed).
    pub show_small: bool,
}

/// One line of the digest, rendered as text and as HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Line {
    /// A section's title.
    Heading(String),
    /// A sentence.
    Text(String),
    /// A command to copy.
    Command(String),
    /// Space between sections.
    Blank,
}

/// The digest's text part: short lines, a heading per section, each
/// command on a line of its own (to copy from a phone).
pub fn text(digest: &Digest) -> String {
    let mut out = String::new();
    for line in lines(digest) {
        match line {
            Line::Heading(h) => out.push_str(&h.to_uppercase()),
            Line::Text(t) => out.push_str(&t),
            Line::Command(c) => {
                out.push_str("  ");
                out.push_str(&c);
            }
            Line::Blank => {}
        }
        out.push('\n');
    }
    out
}

/// The digest's HTML part: the same lines, one column, readable on a
/// phone, every text escaped; no link anywhere.
pub fn html(digest: &Digest) -> String {
    const FONT: &str = "font-family:Arial,Helvetica,sans-serif;line-height:1.4;";
    const P: &str = "margin:0 0 6px 0;font-size:15px;";
    let mut out = String::from(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"></head>\n<body style=\"margin:0;padding:12px;max-width:600px;\">\n",
    );
    for line in lines(digest) {
        match line {
            Line::Heading(h) => out.push_str(&format!(
                "<h2 style=\"{FONT}margin:14px 0 6px 0;font-size:16px;\">{}</h2>\n",
                escape(&h)
            )),
            Line::Text(t) => out.push_str(&format!(
                "<p style=\"{FONT}{P}\">{}</p>\n",
                escape(&t)
            )),
            Line::Command(c) => out.push_str(&format!(
                "<p style=\"{FONT}{P}\"><code style=\"font-size:13px;word-break:break-all;\">{}</code></p>\n",
                escape(&c)
            )),
            Line::Blank => {}
        }
    }
    out.push_str("</body></html>\n");
    out
}

/// How many things wait for the lead: held replies, unclear answers,
/// messages set aside, bounces to fix, service problems.
pub fn needing_the_lead(digest: &Digest) -> usize {
    digest.held.len()
        + digest.unclear.len()
        + digest.set_aside.len()
        + digest.bounced.len()
        + digest.problems.len()
}

fn lines(d: &Digest) -> Vec<Line> {
    let mut out = vec![
        Line::Text(format!("Progress of \"{}\"", d.title)),
        Line::Text(format!(
            "{}, {}.",
            d.made_at,
            match d.cause {
                None => "as asked for".to_owned(),
                Some(Cause::Reminder(n)) => format!("reminder {n} fell due"),
                Some(Cause::BeforeClose) => "the close is near".to_owned(),
                Some(Cause::Weekly) => "as scheduled".to_owned(),
            }
        )),
    ];
    replies(d, &mut out);
    centres(d, &mut out);
    needs_you(d, &mut out);
    mail(d, &mut out);
    problems(d, &mut out);
    out.push(Line::Blank);
    out.push(Line::Heading("Dates".into()));
    if d.closed {
        out.push(Line::Text(format!("Closed: {}.", d.close)));
    } else {
        out.push(Line::Text(match &d.next_reminder {
            Some(at) => format!("Next reminder: {at}."),
            None => "No reminder is left to send.".to_owned(),
        }));
        out.push(Line::Text(format!("Closes: {}.", d.close)));
    }
    out.push(Line::Blank);
    match &d.results {
        Some(results) => {
            out.push(Line::Heading("Interim results".into()));
            out.push(Line::Text(results.clone()));
        }
        None => out.push(Line::Text(
            "Interim results are not shown (digest_results = true in [report] shows them): seeing them can bias a study.".into(),
        )),
    }
    out.push(Line::Blank);
    out.push(Line::Text(
        "Sent automatically by mailsurvey to the study leads only. Settings: digest, digest_results and digest_names in [report] of the survey file.".into(),
    ));
    out
}

fn replies(d: &Digest, out: &mut Vec<Line>) {
    out.push(Line::Blank);
    out.push(Line::Heading("Replies".into()));
    out.push(Line::Text(format!(
        "{} of {} invited have answered ({}): {} complete, {} partial.",
        d.responded.count,
        d.invited,
        d.responded.percent_text(),
        d.complete,
        d.partial
    )));
    match &d.waiting.names {
        Some(names) if !names.is_empty() => {
            out.push(Line::Text(format!(
                "Not replied yet ({}): {}.",
                d.waiting.count,
                names.join(", ")
            )));
        }
        _ => out.push(Line::Text(format!("{} not replied yet.", d.waiting.count))),
    }
    if d.not_yet_sent > 0 {
        out.push(Line::Text(format!(
            "{} invitation{} not sent yet.",
            d.not_yet_sent,
            plural(d.not_yet_sent)
        )));
    }
}

fn centres(d: &Digest, out: &mut Vec<Line>) {
    let Some(centres) = &d.centres else {
        return;
    };
    out.push(Line::Blank);
    out.push(Line::Heading(format!("By {}", centres.column)));
    for (name, invited, responded) in &centres.groups {
        out.push(Line::Text(
            if centres.show_small || *invited >= centres.min_cell {
                format!(
                    "{name}: {responded} of {invited} ({})",
                    Share::of(*responded, *invited).percent_text()
                )
            } else {
                format!(
                    "{name}: {invited} invited (fewer than {}: not shown)",
                    centres.min_cell
                )
            },
        ));
    }
}

fn needs_you(d: &Digest, out: &mut Vec<Line>) {
    let review = format!("mailsurvey review --survey {}", shell_word(&d.survey_file));
    if !d.held.is_empty() {
        out.push(Line::Blank);
        out.push(Line::Heading(format!("Held for you ({})", d.held.len())));
        for held in &d.held {
            out.push(Line::Text(format!(
                "Reply {} from {}, for {}. Its answers count only if you accept it:",
                held.id, held.from, held.whose
            )));
            out.push(Line::Command(format!("{review} --accept {}", held.id)));
            out.push(Line::Command(format!("{review} --reject {}", held.id)));
        }
    }
    if !d.unclear.is_empty() {
        out.push(Line::Blank);
        out.push(Line::Heading(format!(
            "Unclear answers ({})",
            d.unclear.len()
        )));
        for unclear in &d.unclear {
            out.push(Line::Text(format!(
                "{}, question {} ({}); VALUE is {}:",
                unclear.name, unclear.number, unclear.question, unclear.values
            )));
            out.push(Line::Command(format!(
                "{review} --settle {} {} VALUE",
                shell_word(&unclear.email),
                unclear.question
            )));
        }
    }
    if !d.set_aside.is_empty() {
        out.push(Line::Blank);
        out.push(Line::Heading(format!("Set aside ({})", d.set_aside.len())));
        out.push(Line::Text(
            "Handling these failed; `mailsurvey review` shows them. After a fix, run each again:"
                .into(),
        ));
        for message in &d.set_aside {
            out.push(Line::Text(format!(
                "Message {}, \"{}\": {}",
                message.id, message.subject, message.reason
            )));
            out.push(Line::Command(format!("{review} --retry {}", message.id)));
        }
    }
}

fn mail(d: &Digest, out: &mut Vec<Line>) {
    if !d.bounced.is_empty() || d.unverified_bounces > 0 {
        out.push(Line::Blank);
        out.push(Line::Heading(format!("Bounced ({})", d.bounced.len())));
        for bounced in &d.bounced {
            out.push(Line::Text(if bounced.reason.is_empty() {
                format!("{} <{}>", bounced.name, bounced.email)
            } else {
                format!(
                    "{} <{}>: \"{}\"",
                    bounced.name, bounced.email, bounced.reason
                )
            }));
        }
        if !d.bounced.is_empty() {
            out.push(Line::Text(
                "Correct an address in the recipient list and the invitation goes to the new one."
                    .into(),
            ));
        }
        if d.unverified_bounces > 0 {
            out.push(Line::Text(format!(
                "{} delivery report{} with nothing of ours in {}: nobody was marked as bounced by {}.",
                d.unverified_bounces,
                plural(d.unverified_bounces),
                if d.unverified_bounces == 1 { "it" } else { "them" },
                if d.unverified_bounces == 1 { "it" } else { "them" },
            )));
        }
    }
    if d.opted_out > 0 {
        out.push(Line::Blank);
        out.push(Line::Heading("Opted out".into()));
        out.push(Line::Text(format!(
            "{} asked for no more mail.",
            d.opted_out
        )));
    }
}

fn problems(d: &Digest, out: &mut Vec<Line>) {
    if d.problems.is_empty() {
        return;
    }
    out.push(Line::Blank);
    out.push(Line::Heading(format!(
        "Service problems ({})",
        d.problems.len()
    )));
    for problem in &d.problems {
        out.push(Line::Text(problem.clone()));
    }
    out.push(Line::Text(format!(
        "`mailsurvey status --survey {}` shows them as they stand.",
        shell_word(&d.survey_file)
    )));
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A word as a POSIX shell reads it back: as it is when it is made of
/// safe characters, in single quotes otherwise.
pub fn shell_word(word: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || "/._-+@=:,".contains(c);
    if !word.is_empty() && word.chars().all(safe) {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

/// The digest's Message-ID: one per slot (the same after a crash, so a
/// client shows it once), or per request.
pub fn message_id(survey: &Survey, slot: Option<Slot>, made_at: Timestamp) -> String {
    let domain = survey.sender.address.domain();
    match slot {
        Some(slot) => format!("digest.{}.{}@{domain}", survey.id, slot.at.as_second()),
        None => format!(
            "digest.{}.requested.{}@{domain}",
            survey.id,
            made_at.as_second()
        ),
    }
}

/// The digest email, to the leads only: the first in To, the others in
/// Cc; `Auto-Submitted: auto-generated`; the subject leads with the
/// figures, so a phone's list of mail shows them.
pub fn draft(survey: &Survey, digest: &Digest, message_id: String) -> Result<Draft> {
    let (to, cc) = crate::report::email::leads(survey, "digest")?;
    let waiting = needing_the_lead(digest);
    let subject = format!(
        "Progress: {} of {} answered{} - {}",
        digest.responded.count,
        digest.invited,
        match waiting {
            0 => String::new(),
            n => format!(", {n} for you"),
        },
        survey.title
    );
    Ok(Draft {
        from: Mailbox::new(
            Some(survey.sender.name.clone()),
            survey.sender.address.clone(),
        ),
        to,
        cc,
        reply_to: None,
        subject,
        message_id,
        in_reply_to: None,
        auto_submitted: AutoSubmitted::Generated,
        unsubscribe: None,
        text: text(digest),
        html: html(digest),
        attachments: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_for_the_shell() {
        assert_eq!(shell_word("/srv/ketamine.toml"), "/srv/ketamine.toml");
        assert_eq!(shell_word("dr.a+x@nhs.test"), "dr.a+x@nhs.test");
        assert_eq!(shell_word("/home/a b/s.toml"), "'/home/a b/s.toml'");
        assert_eq!(shell_word("o'neil@x.test"), r"'o'\''neil@x.test'");
        assert_eq!(shell_word("$(reboot)"), "'$(reboot)'");
        assert_eq!(shell_word(""), "''");
    }
}
