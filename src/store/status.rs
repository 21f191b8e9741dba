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
        Ok(self.status_and_waiting(survey_id)?.0)
    }

    /// [`Store::status`], and the questionnaires waiting to go
    /// ([`Store::questionnaires_waiting`], for the quota's outlook) worked
    /// out from its counts, all read in one snapshot: the pending
    /// invitations and reminders, the people listed and active, less
    /// their invitations, are in the counts already; only the invitations
    /// of the few people not listed or not active are read. (At a million
    /// people the outlook's own counts read every outbox row and every
    /// person a second time.)
    pub fn status_and_waiting(&self, survey_id: &str) -> Result<(Status, u64)> {
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
        // One snapshot. Deferred: a read takes no write lock.
        let read =
            rusqlite::Transaction::new_unchecked(&conn, rusqlite::TransactionBehavior::Deferred)?;
        count_recipients(&conn, survey_id, &mut status)?;
        status.outbox = outbox_counts(&conn, survey_id)?;
        let waiting = waiting_from(&conn, survey_id, &status)?;
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
        read.commit()?;
        Ok((status, waiting))
    }
}

/// The questionnaires waiting ([`Store::status_and_waiting`]), from the
/// counts of `status` read in the same snapshot.
fn waiting_from(conn: &Connection, survey_id: &str, status: &Status) -> Result<u64> {
    let of = |kind: MailKind, state: MailState| -> usize {
        status
            .outbox
            .get(&kind)
            .and_then(|states| states.get(&state))
            .copied()
            .unwrap_or(0)
    };
    let invitations: usize = status
        .outbox
        .get(&MailKind::Invitation)
        .map(|states| states.values().sum())
        .unwrap_or(0);
    let active = status
        .recipients
        .get(&RecipientStatus::Active)
        .copied()
        .unwrap_or(0);
    let others: i64 =
        conn.query_row_cached(super::outbox::INVITATIONS_NOT_WAITING, [survey_id], |r| {
            r.get(0)
        })?;
    let waiting = of(MailKind::Invitation, MailState::Pending)
        + of(MailKind::Reminder, MailState::Pending)
        + active
        + others as usize;
    Ok(waiting.saturating_sub(invitations) as u64)
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

/// The people of a survey by list state: the pairs (listed, status)
/// found by a seek each in `recipients_by_state` (listed is 0 or 1), and
/// each pair counted over its own range of the index. A count of one
/// range only steps through its entries; `GROUP BY listed, status` read
/// and compared both columns of each of a million entries (twice the
/// CPU). Plan asserted by
/// `store::tests::a_database_from_before_0020_opens_and_is_counted_from_its_indexes`.
pub(super) const RECIPIENT_COUNTS: &str = "WITH RECURSIVE states(listed, status) AS (
         SELECT l.listed, (SELECT MIN(status) FROM recipients WHERE survey_id = ?1 AND listed = l.listed)
         FROM (SELECT 0 AS listed UNION ALL SELECT 1) l
         UNION ALL
         SELECT s.listed, (SELECT MIN(status) FROM recipients
                           WHERE survey_id = ?1 AND listed = s.listed AND status > s.status)
         FROM states s WHERE s.status IS NOT NULL)
     SELECT listed, status,
            (SELECT COUNT(*) FROM recipients
             WHERE survey_id = ?1 AND listed = states.listed AND status = states.status)
     FROM states WHERE status IS NOT NULL";

/// The outbox of a survey by kind and state: its kinds found by a seek
/// each in `outbox_by_kind`, and each (kind, state) counted over its own
/// range of the index (as [`RECIPIENT_COUNTS`]; a state is one of five,
/// by the table's check). Plan asserted by
/// `store::tests::a_database_from_before_0020_opens_and_is_counted_from_its_indexes`.
pub(super) fn outbox_counts_sql() -> String {
    let states: Vec<String> = MailState::ALL
        .iter()
        .map(|s| format!("('{}')", s.name()))
        .collect();
    format!(
        "WITH RECURSIVE kinds(kind) AS (
             SELECT (SELECT MIN(kind) FROM outbox WHERE survey_id = ?1)
             UNION ALL
             SELECT (SELECT MIN(kind) FROM outbox WHERE survey_id = ?1 AND kind > kinds.kind)
             FROM kinds WHERE kinds.kind IS NOT NULL),
         states(state) AS (VALUES {})
         SELECT kind, state,
                (SELECT COUNT(*) FROM outbox
                 WHERE survey_id = ?1 AND kind = kinds.kind AND state = states.state)
         FROM kinds, states WHERE kind IS NOT NULL",
        states.join(", ")
    )
}

/// The recipients listed (by status) and removed, into `status`.
fn count_recipients(conn: &Connection, survey_id: &str, status: &mut Status) -> Result<()> {
    let mut stmt = conn.prepare_cached(RECIPIENT_COUNTS)?;
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
    let mut stmt = conn.prepare_cached(&outbox_counts_sql())?;
    for row in stmt.query_map([survey_id], |r| {
        Ok((
            r.get::<_, MailKind>(0)?,
            r.get::<_, MailState>(1)?,
            r.get::<_, i64>(2)? as usize,
        ))
    })? {
        let (kind, state, n) = row?;
        if n > 0 {
            counts.entry(kind).or_default().insert(state, n);
        }
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
