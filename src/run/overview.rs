//! `mailsurvey status` over a directory of surveys: one summary per survey
//! file, read from its store beside the running daemon: the counts a study
//! lead asks about, the next thing the daemon will do, and what is wrong
//! (a file that does not load, another process holding its database's
//! write lock, a server problem the daemon recorded, mail given up or
//! waiting for another attempt).

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::Serialize;

use crate::Result;
use crate::follow_up::timeline;
use crate::run::daemon;
use crate::store::{MailKind, MailState, Store};

/// One survey file, as `status` shows it.
#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    /// The survey file.
    pub file: PathBuf,
    /// The survey id (absent when the file does not load).
    pub id: Option<String>,
    /// Its title.
    pub title: Option<String>,
    /// `ok`, `unwell` (it runs, with problems) or `broken` (it cannot run).
    pub health: Health,
    /// The counts; absent when the file or the store cannot be read.
    pub counts: Option<Counts>,
    /// The next thing the daemon does by itself ("next reminder 2 Dec
    /// 09:00", "closes ...", "closed").
    pub next: Option<String>,
    /// What is wrong, most important first.
    pub problems: Vec<String>,
}

/// Whether a survey is well.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Health {
    /// Nothing to report.
    Ok,
    /// It runs, but something needs looking at.
    Unwell,
    /// It cannot run: the file, its recipient list or its store.
    Broken,
}

/// The counts of one survey.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    /// Invitations sent.
    pub invited: usize,
    /// Invitations not bounced.
    pub delivered: usize,
    /// Invitations bounced.
    pub bounced: usize,
    /// People who opted out.
    pub opted_out: usize,
    /// Respondents who answered every required question.
    pub replied_complete: usize,
    /// Respondents who did not.
    pub replied_partial: usize,
    /// Current answers that are unclear or invalid.
    pub unclear: usize,
    /// Replies held for the lead's decision.
    pub held: usize,
    /// Reminders sent.
    pub reminders_sent: usize,
}

/// Summarises every survey `path` names (a file or a directory).
pub fn survey_overviews(path: &Path, now: Timestamp) -> Result<Vec<Overview>> {
    Ok(crate::run::service::survey_files(path)?
        .iter()
        .map(|file| overview(file, now))
        .collect())
}

/// Summarises one survey file; never fails: what cannot be read is a
/// problem in the summary.
pub fn overview(file: &Path, now: Timestamp) -> Overview {
    let mut out = Overview {
        file: file.to_owned(),
        id: None,
        title: None,
        health: Health::Broken,
        counts: None,
        next: None,
        problems: Vec::new(),
    };
    let survey = match daemon::load(file) {
        Ok((survey, _)) => survey,
        Err(err) => {
            out.problems
                .push(format!("does not load: {}", one_line(&err.to_string())));
            return out;
        }
    };
    out.id = Some(survey.id.clone());
    out.title = Some(survey.title.clone());
    let store = Store::open(&survey.database);
    if let Some(problems) = crate::run::list::problems(store.as_ref().ok(), &survey) {
        out.problems.push(format!(
            "recipient list not applied: {}",
            one_line(&problems.to_string())
        ));
    }
    let store = match store {
        Ok(store) => store,
        Err(err) if err.is_locked() => {
            out.problems
                .push(err.at_database(&survey.database).to_string());
            return out;
        }
        Err(err) => {
            out.problems.push(format!("store: {err}"));
            return out;
        }
    };
    match summarise(&store, &survey, now, &mut out) {
        Ok(()) => {
            // Read, but perhaps not writable: first, as it stops all work.
            if let Some(words) = write_locked(&survey.database) {
                out.problems.insert(0, words);
            }
            out.health = if out.problems.is_empty() {
                Health::Ok
            } else {
                Health::Unwell
            };
        }
        Err(err) if err.is_locked() => out
            .problems
            .push(err.at_database(&survey.database).to_string()),
        Err(err) => out.problems.push(format!("store: {err}")),
    }
    out
}

/// Another process holding `database`'s write lock for a while, in the
/// words `status` shows: in WAL mode the counts still read, but nothing
/// can be recorded while it lasts, so the file and the holder are named.
/// `None` when no other process holds it (the daemon's own work aside).
pub fn write_locked(database: &Path) -> Option<String> {
    crate::store::lock::lasting_holder(database).map(|holder| {
        format!(
            "{} is locked for writing by another process: {holder}; nothing can be recorded until it lets go (the daemon waits and goes on by itself)",
            database.display()
        )
    })
}

fn summarise(
    store: &Store,
    survey: &crate::survey::Survey,
    now: Timestamp,
    out: &mut Overview,
) -> Result<()> {
    // Nothing stored yet (never run): nothing to count, nothing wrong.
    let status = store.status(&survey.id)?.with_conditions(store, survey)?;
    let participation = timeline::figures(store, survey, now, true)?.participation;
    out.counts = Some(Counts {
        invited: participation.invited,
        delivered: participation.delivered,
        bounced: participation.bounced,
        opted_out: participation.opted_out,
        replied_complete: participation.complete,
        replied_partial: participation.partial,
        unclear: status.unclear_answers,
        held: status.held,
        reminders_sent: status
            .outbox
            .get(&MailKind::Reminder)
            .and_then(|s| s.get(&MailState::Sent))
            .copied()
            .unwrap_or(0),
    });
    let closed = store.closed_at(&survey.id)?.is_some();
    out.next = Some(crate::run::service::next_action(survey, closed, now));
    for (part, problem, since) in store.health(&survey.id)? {
        let part = part.label();
        out.problems.push(format!(
            "{part} (since {}): {}",
            since.strftime("%Y-%m-%d %H:%M UTC"),
            one_line(&problem)
        ));
    }
    if let Some((n, last)) = store.deferred(&survey.id)? {
        out.problems.push(format!(
            "{n} message(s) waiting for another attempt; last error: {}",
            one_line(&last)
        ));
    }
    let failures = &status.failures;
    if !failures.is_empty() {
        let recent: Vec<String> = failures
            .iter()
            .take(3)
            .map(|f| format!("{} ({}): {}", f.email, f.kind, one_line(&f.error)))
            .collect();
        out.problems.push(format!(
            "{} message(s) given up: {}{}",
            failures.len(),
            recent.join("; "),
            if failures.len() > 3 { "; ..." } else { "" }
        ));
    }
    Ok(())
}

fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" / ")
}

/// The text `status` prints for several surveys.
pub fn render(overviews: &[Overview]) -> String {
    let mut out = String::new();
    let unwell = overviews.iter().filter(|o| o.health != Health::Ok).count();
    out.push_str(&format!(
        "{} survey{}, {} with problems\n",
        overviews.len(),
        if overviews.len() == 1 { "" } else { "s" },
        unwell
    ));
    for o in overviews {
        out.push('\n');
        let health = match o.health {
            Health::Ok => "ok",
            Health::Unwell => "UNWELL",
            Health::Broken => "BROKEN",
        };
        out.push_str(&format!(
            "{} [{health}] {}\n",
            o.id.as_deref().unwrap_or("?"),
            o.file.display()
        ));
        if let Some(title) = &o.title {
            out.push_str(&format!("  {title}\n"));
        }
        if let Some(c) = &o.counts {
            out.push_str(&format!(
                "  invited {}, delivered {}, bounced {}, opted out {}; replied {} complete, {} partial; unclear {}, held {}; reminders sent {}\n",
                c.invited, c.delivered, c.bounced, c.opted_out, c.replied_complete, c.replied_partial, c.unclear, c.held, c.reminders_sent
            ));
        }
        if let Some(next) = &o.next {
            out.push_str(&format!("  next: {next}\n"));
        }
        for problem in &o.problems {
            out.push_str(&format!("  problem: {problem}\n"));
        }
    }
    out
}
/// `status` of one survey.
#[derive(Debug)]
pub struct SurveyStatus {
    /// The survey's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The counts, or why they cannot be read now (another process holds
    /// the database).
    pub counts: std::result::Result<crate::store::Status, crate::Error>,
    /// Read, but perhaps not writable: another process holding the write
    /// lock stops the daemon from recording anything while it lasts.
    pub write_locked: Option<String>,
    /// Rows of the recipient list not applied (those people keep their
    /// last good state).
    pub list_problems: Option<crate::survey::problems::Problems>,
    /// Under a sending quota: how it stands and when the last invitation
    /// or reminder waiting is expected to go.
    pub quota: Option<QuotaOutlook>,
    /// When it was read.
    pub now: Timestamp,
}

/// A survey's sending quota as `status` shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotaOutlook {
    /// `[sending] daily_limit`.
    pub limit: u32,
    /// `[sending] quota_window`.
    pub window: jiff::SignedDuration,
    /// Recipients this survey sent to within the window now.
    pub used: usize,
    /// Invitations and reminders waiting to go.
    pub waiting: u64,
    /// When the last of them is expected to go, if every slot is used the
    /// moment it opens.
    pub last_at: jiff::Timestamp,
}

impl QuotaOutlook {
    /// Reads it from the store at `now`, with the questionnaires
    /// `waiting` ([`crate::store::Store::status_and_waiting`]); `None`
    /// without a quota.
    pub fn read(
        survey: &crate::survey::Survey,
        store: &crate::store::Store,
        now: jiff::Timestamp,
        waiting: u64,
    ) -> crate::Result<Option<QuotaOutlook>> {
        let Some(limit) = survey.sending.daily_limit else {
            return Ok(None);
        };
        let window = survey.sending.quota_window;
        let sent = store.sent_since(&survey.id, now - window, survey.leads.len())?;
        let last = crate::outbox::quota::last_send(
            u64::from(limit),
            window.as_secs().max(1),
            &sent,
            waiting,
            now.as_second(),
        );
        Ok(Some(QuotaOutlook {
            limit,
            window,
            used: sent.len(),
            waiting,
            last_at: jiff::Timestamp::from_second(last).unwrap_or(now),
        }))
    }
}

/// One survey's `status` as text: the one place it is rendered (a
/// directory's surveys are summarised by [`render`]).
pub fn render_survey(one: &SurveyStatus, status: &crate::store::Status) -> String {
    use std::fmt::Write;

    use crate::report::shown::visible;
    let mut out = String::new();
    let _ = writeln!(out, "survey {} ({})", one.id, one.title);
    if let Some(words) = &one.write_locked {
        let _ = writeln!(out, "database: {words}");
    }
    for note in &status.health {
        let part = note.part.label();
        let since = note.since.strftime("%Y-%m-%d %H:%M UTC");
        for line in note.problem.lines() {
            let _ = writeln!(out, "PROBLEM {part} (since {since}): {line}");
        }
    }
    let _ = writeln!(
        out,
        "recipients: {} listed, {} removed from the list",
        status.listed, status.removed
    );
    for (state, n) in &status.recipients {
        let _ = writeln!(out, "  {state}: {n}");
    }
    for (kind, states) in &status.outbox {
        let parts: Vec<String> = states.iter().map(|(s, n)| format!("{s} {n}")).collect();
        let _ = writeln!(out, "{kind}: {}", parts.join(", "));
    }
    if let Some(quota) = &one.quota {
        let _ = writeln!(
            out,
            "quota: {} of {} sent in the last {:#}; {} invitations and reminders waiting, the last expected at {}",
            quota.used,
            quota.limit,
            quota.window,
            quota.waiting,
            quota.last_at.strftime("%Y-%m-%d %H:%M:%S UTC")
        );
    }
    let received: Vec<String> = status
        .received
        .iter()
        .map(|(k, n)| format!("{k} {n}"))
        .collect();
    let _ = writeln!(
        out,
        "received: {}",
        if received.is_empty() {
            "nothing yet".into()
        } else {
            received.join(", ")
        }
    );
    let _ = writeln!(
        out,
        "respondents: {}; unclear answers: {}; held replies: {}; counted from another address: {}",
        status.respondents, status.unclear_answers, status.held, status.different_sender
    );
    if status.answered_anyway > 0 {
        let _ = writeln!(
            out,
            "answers to questions that did not apply: {} (kept, not counted, never asked about; see the report)",
            status.answered_anyway
        );
    }
    if !status.unverified_bounces.is_empty() {
        let _ = writeln!(
            out,
            "unverified bounces ({}): delivery reports with nothing of ours in them; nobody was bounced by them",
            status.unverified_bounces.len()
        );
        for note in &status.unverified_bounces {
            let _ = writeln!(out, "  {}", visible(note));
        }
    }
    render_set_aside(&mut out, one, status);
    out
}

/// What `status` says after the counts: sending paused or slowed by the
/// provider, messages set aside, list rows not applied, follow-ups not
/// written and mail that failed, each with what to do.
fn render_set_aside(out: &mut String, one: &SurveyStatus, status: &crate::store::Status) {
    use std::fmt::Write;

    use crate::report::shown::visible;
    if status.sending_limits > 0 {
        let _ = writeln!(
            out,
            "sending paused {} time(s): the provider refused our mail for a sending limit (see `mailsurvey review`)",
            status.sending_limits
        );
        for pause in &status.sending_pauses {
            let _ = writeln!(out, "  {pause}");
        }
    }
    if let Some(fewer) = &status.fewer_connections {
        let _ = writeln!(out, "{}", fewer_connections(fewer, one.now));
    }
    if !status.failed_messages.is_empty() {
        let _ = writeln!(
            out,
            "set aside, handling failed ({}): see `mailsurvey review`; after a fix, `review --retry ID`",
            status.failed_messages.len()
        );
        for failed in &status.failed_messages {
            let _ = writeln!(out, "  [{}] {}", failed.id, visible(&failed.reason));
        }
    }
    if let Some(problems) = &one.list_problems {
        let _ = writeln!(
            out,
            "recipient list: rows not applied (those people keep their last good state):"
        );
        let _ = write!(out, "{problems}");
    }
    if status.follow_ups_not_written > 0 {
        let _ = writeln!(
            out,
            "follow-ups that could not be written: {} (see `mailsurvey review`)",
            status.follow_ups_not_written
        );
    }
    if !status.failures.is_empty() {
        let _ = writeln!(out, "failures:");
        for failure in &status.failures {
            let _ = writeln!(
                out,
                "  {} ({}, {} attempts): {}",
                failure.email,
                failure.kind,
                failure.attempts,
                visible(&failure.error)
            );
        }
    }
}

/// The SMTP server's refusals for too many connections, as `status` says
/// them: how many connections the daemon allows now, since when, why, and
/// when all come back.
fn fewer_connections(fewer: &crate::store::FewerConnections, now: Timestamp) -> String {
    let last = &fewer.last;
    let at = last
        .last_refusal
        .and_then(|s| Timestamp::from_second(s).ok())
        .unwrap_or(now);
    let said = crate::report::shown::visible(&fewer.detail);
    let n = now.as_second();
    match last
        .restored_at(n)
        .and_then(|s| Timestamp::from_second(s).ok())
    {
        Some(restored) => format!(
            "connections lowered: {} of {} now; the SMTP server refused our account for too many connections at once {} time(s), last at {at} ({said}); one comes back every {} min without another, all {} by {restored}",
            last.allowed_at(n),
            last.max,
            fewer.times,
            crate::outbox::throttle::RECOVERY / 60,
            last.max,
        ),
        None => format!(
            "connections: all {} again; the SMTP server refused our account for too many connections at once {} time(s), last at {at} ({said})",
            last.max, fewer.times,
        ),
    }
}
