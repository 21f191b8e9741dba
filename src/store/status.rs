//! Status: the counts and problems `mailsurvey status` shows, read in
//! one place.

use std::collections::BTreeMap;

use jiff::Timestamp;

use rusqlite::{Connection, OptionalExtension};

use super::rows::collect;
use super::{
    Cached, FailedMessage, HealthPart, MailKind, MailState, Received, RecipientStatus, Store,
};
use crate::Result;

/// Per-state counts and the failures, for `mailsurvey status`.
#[derive(Debug, Default, Clone, serde::Serialize)]
pub struct Status {
    /// Recipients in the list.
    pub listed: usize,
    /// Recipients removed from the list.
    pub removed: usize,
    /// Recipients by status (active, bounced, opted_out).
    pub recipients: BTreeMap<RecipientStatus, usize>,
    /// Outbox rows by kind, then state.
    pub outbox: BTreeMap<MailKind, BTreeMap<MailState, usize>>,
    /// Messages given up, with the server's last reply.
    pub failures: Vec<Failure>,
    /// Messages received, by kind (or where they stand, unread).
    pub received: BTreeMap<Received, usize>,
    /// Replies held for the lead's decision.
    pub held: usize,
    /// Replies counted although sent from another address than invited.
    pub different_sender: usize,
    /// People with at least one valid answer.
    pub respondents: usize,
    /// Current answers that are unclear or invalid (to questions that
    /// apply: see [`Status::answered_anyway`]).
    pub unclear_answers: usize,
    /// Current answers to questions that did not apply to the person (a
    /// condition false): kept and flagged, never asked about, not counted.
    /// The store does not know the survey's conditions: set by
    /// [`Status::with_conditions`], which also takes those that are unclear
    /// out of [`Status::unclear_answers`].
    pub answered_anyway: usize,
    /// Delivery reports with nothing of ours in them (no VERP address,
    /// Message-ID or token), with the addresses they name: recorded, and
    /// nobody bounced by them.
    pub unverified_bounces: Vec<String>,
    /// Refusals of our own mail for a provider's sending limit.
    pub sending_limits: usize,
    /// Every pause of sending, with what caused it: until when, which
    /// message was refused, what the provider said.
    pub sending_pauses: Vec<String>,
    /// The SMTP server's refusals of our account for too many connections
    /// at once: how many, and the last (connections are lowered by it, and
    /// come back with time: see [`crate::outbox::throttle`]).
    pub fewer_connections: Option<FewerConnections>,
    /// Messages whose handling failed, set aside for `review --retry`.
    pub failed_messages: Vec<FailedMessage>,
    /// Follow-up mail that could not be written (open flags).
    pub follow_ups_not_written: usize,
    /// What the running daemon last recorded as wrong with its servers
    /// or its mailbox (a refused login, a move the server refuses, a
    /// folder it cannot create), with since when; empty when all is well.
    pub health: Vec<HealthNote>,
}

/// The refusals of our account for too many connections at once.
#[derive(Debug, Clone, serde::Serialize)]
pub struct FewerConnections {
    /// How many refusals.
    pub times: usize,
    /// The connections after the last one, and when it came.
    pub last: crate::outbox::throttle::Connections,
    /// What the server said the last time (redacted).
    pub detail: String,
}

/// One problem the daemon recorded, as `status` shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct HealthNote {
    /// Which part of the survey.
    pub part: HealthPart,
    /// Since when (the problem's first sighting).
    pub since: Timestamp,
    /// What is wrong, in the server's words, and the fix: one line each.
    pub problem: String,
}

/// A message that could not be delivered.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Failure {
    /// Recipient address.
    pub email: String,
    /// Kind of message.
    pub kind: MailKind,
    /// Attempts made.
    pub attempts: u32,
    /// The server's reply or the error.
    pub error: String,
}

impl Store {
    /// Counts for `mailsurvey status`.
    pub fn status(&self, survey_id: &str) -> Result<Status> {
        let mut status = Status {
            received: self.message_counts(survey_id)?,
            failed_messages: self.failed_messages(survey_id)?,
            health: self
                .health(survey_id)?
                .into_iter()
                .map(|(part, problem, since)| HealthNote {
                    part,
                    since,
                    problem,
                })
                .collect(),
            ..Status::default()
        };
        let conn = self.lock();
        count_recipients(&conn, survey_id, &mut status)?;
        status.outbox = outbox_counts(&conn, survey_id)?;
        status.failures = failures(&conn, survey_id)?;
        let count = |sql: &str| -> Result<usize> {
            Ok(conn.query_row_cached(sql, [survey_id], |r| r.get::<_, i64>(0))? as usize)
        };
        status.held =
            count("SELECT COUNT(*) FROM messages WHERE survey_id = ?1 AND decision = 'held'")?;
        status.unverified_bounces = unverified_bounces(&conn, survey_id)?;
        status.sending_limits = count("SELECT COUNT(*) FROM sending_pauses WHERE survey_id = ?1")?;
        status.sending_pauses = sending_pauses(&conn, survey_id)?;
        status.fewer_connections = fewer_connections(&conn, survey_id)?;
        status.different_sender = count(
            "SELECT COUNT(*) FROM messages WHERE survey_id = ?1 AND different_sender = 1 AND decision = 'accepted'",
        )?;
        status.respondents = count(
            "SELECT COUNT(DISTINCT recipient_id) FROM answers WHERE survey_id = ?1 AND current = 1 AND status = 'ok'",
        )?;
        status.unclear_answers = count(
            "SELECT COUNT(*) FROM answers WHERE survey_id = ?1 AND current = 1 AND status != 'ok'",
        )?;
        status.follow_ups_not_written = count(
            "SELECT COUNT(*) FROM flags WHERE survey_id = ?1 AND kind = 'follow_up_failed' AND resolved_at IS NULL",
        )?;

        Ok(status)
    }
}

impl Status {
    /// The counts with the survey's conditions applied: answers to
    /// questions that did not apply are counted apart, and those of them
    /// that are unclear are not among the unclear answers (nobody asks
    /// about them).
    pub fn with_conditions(
        mut self,
        store: &Store,
        survey: &crate::survey::Survey,
    ) -> Result<Status> {
        if survey.questions.iter().all(|q| q.show_if.is_none()) {
            return Ok(self);
        }
        for answers in store.all_current_answers(&survey.id)?.values() {
            for (index, question) in survey.questions.iter().enumerate() {
                if crate::understand::applies::answered_anyway(&survey.questions, index, answers) {
                    self.answered_anyway += 1;
                    if answers.get(&question.id).is_some_and(|a| !a.is_ok()) {
                        self.unclear_answers = self.unclear_answers.saturating_sub(1);
                    }
                }
            }
        }
        Ok(self)
    }
}

/// The recipients listed (by status) and removed, into `status`.
fn count_recipients(conn: &Connection, survey_id: &str, status: &mut Status) -> Result<()> {
    let mut stmt = conn.prepare_cached("SELECT listed, status, COUNT(*) FROM recipients WHERE survey_id = ?1 GROUP BY listed, status")?;
    for row in stmt.query_map([survey_id], |r| {
        Ok((
            r.get::<_, bool>(0)?,
            r.get::<_, RecipientStatus>(1)?,
            r.get::<_, i64>(2)? as usize,
        ))
    })? {
        let (listed, state, n) = row?;
        if listed {
            status.listed += n;
            *status.recipients.entry(state).or_default() += n;
        } else {
            status.removed += n;
        }
    }
    Ok(())
}

/// Outbox rows by kind, then state.
fn outbox_counts(
    conn: &Connection,
    survey_id: &str,
) -> Result<BTreeMap<MailKind, BTreeMap<MailState, usize>>> {
    let mut counts: BTreeMap<MailKind, BTreeMap<MailState, usize>> = BTreeMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT kind, state, COUNT(*) FROM outbox WHERE survey_id = ?1 GROUP BY kind, state",
    )?;
    for row in stmt.query_map([survey_id], |r| {
        Ok((
            r.get::<_, MailKind>(0)?,
            r.get::<_, MailState>(1)?,
            r.get::<_, i64>(2)? as usize,
        ))
    })? {
        let (kind, state, n) = row?;
        counts.entry(kind).or_default().insert(state, n);
    }
    Ok(counts)
}

/// The mail given up, by recipient address.
fn failures(conn: &Connection, survey_id: &str) -> Result<Vec<Failure>> {
    collect(
        conn,
        "SELECT COALESCE(r.email, ''), o.kind, o.attempts, COALESCE(o.last_error, '')
         FROM outbox o LEFT JOIN recipients r ON r.id = o.recipient_id
         WHERE o.survey_id = ?1 AND o.state = 'failed' ORDER BY r.email",
        [survey_id],
        |r| {
            Ok(Failure {
                email: r.get(0)?,
                kind: r.get(1)?,
                attempts: r.get(2)?,
                error: r.get(3)?,
            })
        },
    )
}

/// The notes of the delivery reports with nothing of ours in them.
fn unverified_bounces(conn: &Connection, survey_id: &str) -> Result<Vec<String>> {
    collect(
        conn,
        "SELECT note FROM flags WHERE survey_id = ?1 AND kind = 'unverified_bounce' ORDER BY id",
        [survey_id],
        |r| r.get::<_, String>(0),
    )
}

/// The refusals for too many connections: how many, and the last.
fn fewer_connections(conn: &Connection, survey_id: &str) -> Result<Option<FewerConnections>> {
    let last = conn
        .query_row_cached(
            "SELECT max_connections, fewer, detail, created_at,
                    (SELECT COUNT(*) FROM fewer_connections WHERE survey_id = ?1)
             FROM fewer_connections WHERE survey_id = ?1 ORDER BY id DESC LIMIT 1",
            [survey_id],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, i64>(4)?,
                ))
            },
        )
        .optional()?;
    Ok(
        last.map(|(max, fewer, detail, at, times)| FewerConnections {
            times: times as usize,
            last: crate::outbox::throttle::Connections {
                max: (max.max(1)) as usize,
                fewer: fewer.max(0) as usize,
                last_refusal: Some(at),
            },
            detail,
        }),
    )
}

/// Every pause of sending, in words: until when, the message refused,
/// how we know (a delivery report, or the SMTP session) and what the
/// provider said.
fn sending_pauses(conn: &Connection, survey_id: &str) -> Result<Vec<String>> {
    let rows: Vec<_> = collect(
        conn,
        "SELECT p.id, p.until_at, o.kind, r.email, p.message_row, p.detail
         FROM sending_pauses p JOIN outbox o ON o.id = p.outbox_id
         LEFT JOIN recipients r ON r.id = o.recipient_id
         WHERE p.survey_id = ?1 ORDER BY p.id",
        [survey_id],
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, MailKind>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<i64>>(4)?,
                r.get::<_, String>(5)?,
            ))
        },
    )?;
    rows.into_iter()
        .map(|(id, until, kind, to, report, detail)| {
            let until = super::rows::timestamp("sending_pauses", id, until)?;
            let to = to.map(|to| format!(" to {to}")).unwrap_or_default();
            let detail = crate::report::shown::visible(&detail);
            Ok(match report {
                Some(report) => format!(
                    "until {until}: a delivery report (message {report}) with our bounce key for the {kind}{to} says the provider refused it for a sending limit ({detail})"
                ),
                None => format!(
                    "until {until}: the SMTP server refused the {kind}{to} in the session for a sending limit ({detail})"
                ),
            })
        })
        .collect()
}
