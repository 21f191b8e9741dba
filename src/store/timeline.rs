//! The timeline's part of the store: the close, reminders and the report.

use std::collections::BTreeMap;

use jiff::Timestamp;
use rusqlite::{OptionalExtension, params};

use super::Cached;
use super::{RecipientStatus, Store, StoredRecipient, recipient_by_id};
use crate::compose::token::Token;
use crate::understand::answer::Answer;
use crate::{Error, Result};

/// Someone who has not replied at all, with when their invitation went
/// out: what reminders and the digest need of them, no more (a national
/// survey has a million of them; [`Store::recipient`] reads the rest).
#[derive(Debug, Clone)]
pub struct Silent {
    /// Their row id.
    pub recipient_id: i64,
    /// Their name as listed.
    pub name: String,
    /// Their token.
    pub token: Token,
    /// When they were added to the list.
    pub added_at: Timestamp,
    /// When their invitation was accepted by the server.
    pub invited_at: Timestamp,
    /// Reminder numbers they already have (queued or sent).
    pub reminded: Vec<u32>,
}

/// What the report is made of, read from the store.
#[derive(Debug, Clone, Default)]
pub struct ReportData {
    /// How many people's invitation went out (or was refused).
    pub invited: usize,
    /// Of them, how many per value of the breakdown column asked for
    /// (`""`: without one); empty when none was asked for.
    pub invited_by_value: BTreeMap<String, usize>,
    /// Invitations accepted and not bounced.
    pub delivered: usize,
    /// Bounced or refused.
    pub bounced: usize,
    /// Asked for no more mail.
    pub opted_out: usize,
    /// Replies after the close: who, when.
    pub late: Vec<(StoredRecipient, Timestamp)>,
    /// Clarification emails sent.
    pub clarifications_sent: usize,
    /// Inferred answers the doctor confirmed (current, now ok).
    pub inferred_confirmed: usize,
    /// Delivery reports with nothing of ours in them: recorded, nobody
    /// bounced by them.
    pub unverified_bounces: usize,
}

/// A person with current answers, as the report reads them
/// ([`Store::each_answered`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Answered {
    /// Their row id.
    pub recipient_id: i64,
    /// Their name as listed.
    pub name: String,
    /// The address invited.
    pub email: String,
    /// Their list columns (`centre`, ...).
    pub attributes: BTreeMap<String, String>,
    /// Their current answers by question id (the source lines are not
    /// read: the report shows none).
    pub answers: BTreeMap<String, Answer>,
    /// A reply of theirs was accepted from another address.
    pub different_sender: bool,
}

/// Everyone's current answers with their person, in the order of each
/// person's first current answer (its time, then its row), each person's
/// answers in row order: one ordered query, so the report reads a person
/// at a time. The order is decided over the people (`first` groups the
/// answers by person through `answers_current`), then each person's row
/// and answers are found (`CROSS JOIN` keeps that order of the loops:
/// the person once, their answers through `answers_current`). What is
/// sorted is kept small: the person's columns come on their first answer
/// only (the one whose id is their `first_id`), and the source line is
/// not read (`''`, for [`super::answers::answer_from_row`]).
const ANSWERED: &str = "SELECT f.recipient_id,
        CASE WHEN a.id = f.first_id THEN r.name END,
        CASE WHEN a.id = f.first_id THEN r.email END,
        CASE WHEN a.id = f.first_id THEN r.attributes END,
        a.question_id, a.status, a.value, a.other, a.reason, '', a.id
     FROM (SELECT recipient_id, MIN(created_at) AS first_at, MIN(id) AS first_id FROM answers
           WHERE survey_id = ?1 AND current = 1 GROUP BY recipient_id) f
     CROSS JOIN recipients r ON r.id = f.recipient_id
     CROSS JOIN answers a ON a.survey_id = ?1 AND a.recipient_id = f.recipient_id AND a.current = 1
     ORDER BY f.first_at, f.first_id, a.id";

/// The one rule for what stops a listed, active person's reminders, used
/// both when reminders are queued ([`Store::silent`]) and when one is about
/// to be sent (`claim_due`): answers of theirs that count (a reply with
/// their token, a held reply once confirmed or accepted, a trusted DMARC
/// pass). A message that is held, or has no token and nothing to hold (a
/// forged "I'll answer later"), stops nothing; an opt-out stops all mail
/// through the person's status instead. An SQL condition on `r`, a row of
/// `recipients`.
pub(super) const STOPS_REMINDERS: &str =
    "EXISTS (SELECT 1 FROM answers a WHERE a.recipient_id = r.id)";

/// The people with answers ([`STOPS_REMINDERS`] as one read), in id
/// order, from the covering index `answers_current`: [`Store::silent`]
/// merges it with the people invited.
pub(super) const ANSWERED_IN_ORDER: &str =
    "SELECT DISTINCT recipient_id FROM answers WHERE survey_id = ?1 ORDER BY recipient_id";

/// The values of person `id` in `rows` (read in person order), after
/// skipping those of people before them; the rows of later people stay.
fn of_person<T>(
    rows: &mut std::iter::Peekable<impl Iterator<Item = rusqlite::Result<(i64, T)>>>,
    id: i64,
) -> Result<Vec<T>> {
    let mut values = Vec::new();
    while let Some(next) = rows.peek() {
        match next {
            Ok((person, _)) if *person > id => break,
            Ok(_) => {
                let (person, value) = rows.next().expect("peeked")?;
                if person == id {
                    values.push(value);
                }
            }
            Err(_) => {
                rows.next().expect("peeked")?;
            }
        }
    }
    Ok(values)
}

/// A stored time of recipient `id`'s, or an error naming the row.
fn ts(id: i64, seconds: i64) -> Result<Timestamp> {
    super::rows::timestamp("recipients", id, seconds)
}

impl Store {
    /// When the survey closed, if it has.
    pub fn closed_at(&self, survey_id: &str) -> Result<Option<Timestamp>> {
        closed_at(&self.lock(), survey_id)
    }

    /// Closes the survey at `at` (once; later calls change nothing) and
    /// cancels invitations and reminders not yet sent. Returns whether this
    /// call closed it.
    pub fn close(&self, survey_id: &str, at: Timestamp, reason: &str) -> Result<bool> {
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        let changed = tx.execute_cached(
            "UPDATE surveys SET closed_at = ?2, close_reason = ?3 WHERE id = ?1 AND closed_at IS NULL",
            params![survey_id, at.as_second(), reason],
        )?;
        if changed > 0 {
            tx.execute_cached(
                "UPDATE outbox SET state = 'cancelled', cancel_reason = 'closed'
                 WHERE survey_id = ?1 AND state = 'pending' AND kind IN ('invitation', 'reminder')",
                [survey_id],
            )?;
        }
        tx.commit()?;
        Ok(changed > 0)
    }

    /// Listed, active people whose invitation went out and who have no
    /// counted answer ([`STOPS_REMINDERS`]; a partial reply is followed up
    /// by clarification), in id order.
    ///
    /// Three reads in recipient order, merged here, instead of one query
    /// with two lookups per person (at a million people those
    /// lookups were most of the query's CPU): the sent invitations from
    /// the covering index `outbox_by_kind` (migration 0023) with each
    /// person's row by id, the people with answers ([`ANSWERED_IN_ORDER`])
    /// and the reminders queued, both from covering indexes.
    pub fn silent(&self, survey_id: &str) -> Result<Vec<Silent>> {
        let conn = self.lock();
        let mut invited = conn.prepare_cached(
            "SELECT o.recipient_id, r.name, r.selector || r.verifier, r.added_at, o.sent_at
             FROM outbox o CROSS JOIN recipients r ON r.id = o.recipient_id
             WHERE o.survey_id = ?1 AND o.kind = 'invitation' AND o.state = 'sent'
               AND r.listed = 1 AND r.status = 'active'
             ORDER BY o.recipient_id",
        )?;
        let mut answered = conn.prepare_cached(ANSWERED_IN_ORDER)?;
        let mut reminders = conn.prepare_cached(
            "SELECT recipient_id, seq FROM outbox
             WHERE survey_id = ?1 AND kind = 'reminder' ORDER BY recipient_id",
        )?;
        let mut answered = answered
            .query_map([survey_id], |r| Ok((r.get::<_, i64>(0)?, ())))?
            .peekable();
        let mut reminders = reminders
            .query_map([survey_id], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)? as u32))
            })?
            .peekable();
        let mut silent = Vec::new();
        let mut rows = invited.query([survey_id])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            if !of_person(&mut answered, id)?.is_empty() {
                continue;
            }
            let reminded = of_person(&mut reminders, id)?;
            let token: String = r.get(2)?;
            silent.push(Silent {
                recipient_id: id,
                name: r.get(1)?,
                token: Token::parse(&token).ok_or_else(|| Error::Decode {
                    table: "recipients",
                    row: id,
                    detail: "the token is not well formed".into(),
                })?,
                added_at: ts(id, r.get(3)?)?,
                invited_at: ts(id, r.get(4)?)?,
                reminded,
            });
        }
        Ok(silent)
    }

    /// Queues reminders in one transaction, each `(recipient id, reminder
    /// number, Message-ID)`; one already queued changes nothing. Returns
    /// how many were queued.
    pub fn queue_reminders(
        &self,
        survey_id: &str,
        due: &[(i64, u32, String)],
        now: Timestamp,
    ) -> Result<usize> {
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        let mut queued = 0;
        for (recipient_id, number, message_id) in due {
            queued += tx.execute_cached(
                "INSERT OR IGNORE INTO outbox (survey_id, recipient_id, kind, seq, message_id, next_attempt_at, created_at)
                 VALUES (?1, ?2, 'reminder', ?3, ?4, ?5, ?5)",
                params![survey_id, recipient_id, number, message_id, now.as_second()],
            )?;
        }
        tx.commit()?;
        Ok(queued)
    }

    /// Everyone still reachable (listed, active), for the early close:
    /// their current answers. Only verified states take a person out: an
    /// opt-out without a token stops their mail at once, but until they
    /// confirm it they are still counted here, so strangers' opt-outs in
    /// the names of those who have not answered never close the survey.
    pub fn reachable_answers(&self, survey_id: &str) -> Result<Vec<BTreeMap<String, Answer>>> {
        let rows: Vec<(i64, RecipientStatus)> = {
            let conn = self.lock();
            let mut stmt = conn.prepare_cached(
                "SELECT r.id, r.status FROM recipients r
                 WHERE r.survey_id = ?1 AND r.listed = 1 AND r.status IN ('active', 'opted_out')",
            )?;
            stmt.query_map([survey_id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        let mut reachable = Vec::new();
        for (id, status) in rows {
            let unconfirmed_opt_out = || -> Result<bool> {
                Ok(self
                    .pending_confirmation(id)?
                    .is_some_and(|pending| pending.request.opt_out))
            };
            if status == RecipientStatus::Active || unconfirmed_opt_out()? {
                reachable.push(self.current_answers(id)?);
            }
        }
        Ok(reachable)
    }

    /// Queues the report (once: its Message-ID is fixed).
    pub fn queue_report(
        &self,
        survey_id: &str,
        message_id: &str,
        body: &[u8],
        now: Timestamp,
    ) -> Result<bool> {
        Ok(self.lock().execute(
            "INSERT OR IGNORE INTO outbox (survey_id, recipient_id, kind, seq, message_id, body, next_attempt_at, created_at)
             VALUES (?1, NULL, 'report', 1, ?2, ?3, ?4, ?4)",
            params![survey_id, message_id, body, now.as_second()],
        )? > 0)
    }

    /// Has the report been queued?
    pub fn report_queued(&self, survey_id: &str) -> Result<bool> {
        Ok(self.lock().query_row(
            "SELECT EXISTS (SELECT 1 FROM outbox WHERE survey_id = ?1 AND kind = 'report')",
            [survey_id],
            |r| r.get(0),
        )?)
    }

    /// What the report is made of; the invited are counted by the value
    /// of their column `breakdown`, if given. The invited are only
    /// counted, never loaded: a national list holds a million people.
    pub fn report_data(&self, survey_id: &str, breakdown: Option<&str>) -> Result<ReportData> {
        let conn = self.lock();
        let mut data = ReportData::default();
        let (invited, bounced, opted_out): (i64, i64, i64) = conn.query_row_cached(
            &format!(
                "SELECT COUNT(*),
                        COALESCE(SUM(r.status = 'bounced' OR EXISTS (SELECT 1 FROM outbox f WHERE f.recipient_id = r.id AND f.kind = 'invitation' AND f.state = 'failed')), 0),
                        COALESCE(SUM(r.status = 'opted_out'), 0)
                 FROM recipients r WHERE r.survey_id = ?1 AND {INVITED}"
            ),
            [survey_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        data.invited = invited as usize;
        data.bounced = bounced as usize;
        data.delivered = data.invited - data.bounced;
        data.opted_out = opted_out as usize;
        if let Some(column) = breakdown {
            data.invited_by_value = invited_by_value(&conn, survey_id, column, data.invited)?;
        }
        let mut stmt = conn.prepare_cached(
            "SELECT recipient_id, MIN(received_at) FROM messages
             WHERE survey_id = ?1 AND late = 1 AND kind = 'reply' AND recipient_id IS NOT NULL GROUP BY recipient_id ORDER BY 2",
        )?;
        let late: Vec<(i64, i64)> = stmt
            .query_map([survey_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (id, at) in late {
            data.late.push((recipient_by_id(&conn, id)?, ts(id, at)?));
        }
        data.clarifications_sent = conn.query_row_cached(
            "SELECT COUNT(*) FROM outbox WHERE survey_id = ?1 AND kind = 'clarification' AND state = 'sent'",
            [survey_id],
            |r| r.get::<_, i64>(0),
        )? as usize;
        data.inferred_confirmed = conn.query_row_cached(
            "SELECT COUNT(*) FROM answers WHERE survey_id = ?1 AND current = 1 AND status = 'ok' AND decided_by = ?2",
            rusqlite::params![survey_id, crate::store::CONFIRMED_BY],
            |r| r.get::<_, i64>(0),
        )? as usize;
        data.unverified_bounces = conn.query_row_cached(
            "SELECT COUNT(*) FROM flags WHERE survey_id = ?1 AND kind = 'unverified_bounce'",
            [survey_id],
            |r| r.get::<_, i64>(0),
        )? as usize;
        Ok(data)
    }

    /// Everyone with current answers, with their answers, handed to `each`
    /// one person at a time in the order of their first current answer
    /// (what the report's labels R001, ... follow): read in one ordered
    /// query, nobody held but the person at hand, so a report over a
    /// national survey holds none of its respondents. The store is not
    /// free for others until it returns. An error of `each` stops it.
    pub fn each_answered(
        &self,
        survey_id: &str,
        mut each: impl FnMut(Answered) -> Result<()>,
    ) -> Result<()> {
        let conn = self.lock();
        let different: std::collections::HashSet<i64> = {
            let mut stmt = conn.prepare_cached(
                "SELECT DISTINCT recipient_id FROM messages WHERE survey_id = ?1 AND different_sender = 1 AND decision = 'accepted' AND recipient_id IS NOT NULL",
            )?;
            stmt.query_map([survey_id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        let mut stmt = conn.prepare_cached(ANSWERED)?;
        let mut rows = stmt.query([survey_id])?;
        let mut person: Option<Answered> = None;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            if person.as_ref().is_none_or(|p| p.recipient_id != id) {
                if let Some(done) = person.take() {
                    each(done)?;
                }
                // Their columns come with their first answer (see
                // ANSWERED), always the first row of theirs.
                let attributes: String = row.get(3)?;
                person = Some(Answered {
                    recipient_id: id,
                    name: row.get(1)?,
                    email: row.get(2)?,
                    attributes: serde_json::from_str(&attributes).map_err(|e| Error::Decode {
                        table: "recipients",
                        row: id,
                        detail: format!("attributes are not a JSON object of text: {e}"),
                    })?,
                    answers: BTreeMap::new(),
                    different_sender: different.contains(&id),
                });
            }
            let question: String = row.get(4)?;
            let answer = super::answers::answer_from_row(row, 5)?;
            if let Some(p) = person.as_mut() {
                p.answers.insert(question, answer);
            }
        }
        if let Some(done) = person {
            each(done)?;
        }
        Ok(())
    }
}

/// An SQL condition on `r`, a row of `recipients`: their invitation went
/// out (or was refused).
const INVITED: &str = "EXISTS (SELECT 1 FROM outbox o WHERE o.recipient_id = r.id AND o.kind = 'invitation' AND o.state IN ('sent', 'failed'))";

/// The invited counted by the value of their list column `column`
/// (`""` for those without it), of `invited` in all.
fn invited_by_value(
    conn: &rusqlite::Connection,
    survey_id: &str,
    column: &str,
    invited: usize,
) -> Result<BTreeMap<String, usize>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT j.value, COUNT(*) FROM recipients r JOIN json_each(r.attributes) j ON j.key = ?2
         WHERE r.survey_id = ?1 AND {INVITED} GROUP BY j.value"
    ))?;
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for row in stmt.query_map(params![survey_id, column], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as usize))
    })? {
        let (value, count) = row?;
        counts.insert(value, count);
    }
    let with_value: usize = counts.values().sum();
    if invited > with_value {
        *counts.entry(String::new()).or_default() += invited - with_value;
    }
    Ok(counts)
}

/// When the survey closed, if it has.
pub(super) fn closed_at(conn: &rusqlite::Connection, survey_id: &str) -> Result<Option<Timestamp>> {
    let at: Option<i64> = conn
        .query_row_cached(
            "SELECT closed_at FROM surveys WHERE id = ?1",
            [survey_id],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    at.map(|at| super::rows::timestamp("surveys", 0, at))
        .transpose()
}
