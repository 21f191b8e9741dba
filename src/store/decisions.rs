//! The lead's side of the store: messages and flags as the lead reviews
//! them, and the decisions made by hand (a held reply accepted or
//! rejected, an answer settled, answers deleted, a failed message retried),
//! each logged with who and when.

use std::collections::BTreeMap;

use jiff::Timestamp;
use rusqlite::{OptionalExtension, params};

use super::Cached;
use super::answers::insert_answers;
use super::rows::{collect, timestamp};
use super::{FlagKind, HeldDecision, MatchedBy, MessageKind, MessageState, Received, Store};
use crate::Result;
use crate::understand::answer::Answer;

/// What `review --retry` did with a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retried {
    /// Set back to new: the daemon handles it again.
    Again,
    /// Not a message whose handling failed.
    NotFailed,
    /// The store refused it, so only a note of why was kept: the message
    /// is on the server, in the quarantine folder, and is read again once
    /// moved back to the inbox.
    NotStored,
}

/// A message whose handling failed, set aside until `review --retry`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct FailedMessage {
    /// Row id (what `review --retry` takes).
    pub id: i64,
    /// Why its handling failed.
    pub reason: String,
    /// How many times it failed.
    pub failures: u32,
    /// When it arrived.
    pub received_at: Timestamp,
}

/// A decision made by hand, as recorded.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Decision {
    /// When.
    pub at: Timestamp,
    /// Who.
    pub by: String,
    /// What (reply accepted, answer settled, answers deleted, ...).
    pub action: String,
    /// Whose, if a person's.
    pub recipient: Option<String>,
    /// Details.
    pub detail: String,
}

/// A flag the lead has not dealt with yet.
#[derive(Debug, Clone, serde::Serialize)]
pub struct OpenFlag {
    /// Flag id.
    pub id: i64,
    /// The person's address, if known.
    pub recipient: Option<String>,
    /// The message row it is about.
    pub message: Option<i64>,
    /// What it is about.
    pub kind: FlagKind,
    /// Details.
    pub note: String,
}

/// A message's row as the lead reviews it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct MessageSummary {
    /// Row id (what `review` commands take).
    pub id: i64,
    /// Kind.
    pub kind: Option<MessageKind>,
    /// Sender.
    pub sender: Option<String>,
    /// Recipient's address, if matched.
    pub recipient: Option<String>,
    /// How it was matched.
    pub matched_by: Option<MatchedBy>,
    /// held / accepted / rejected.
    pub decision: Option<HeldDecision>,
    /// Late?
    pub late: bool,
    /// Reason.
    pub reason: Option<String>,
}

impl Store {
    /// Sets a failed message back to new, so the daemon handles it again
    /// (after the cause was fixed). A message already filed to the
    /// quarantine folder stays there on the server; the store holds the
    /// outcome. A message the store refused has nothing to run again: it is
    /// left as it is ([`Retried::NotStored`]).
    pub fn retry(&self, survey_id: &str, id: i64, by: &str, now: Timestamp) -> Result<Retried> {
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        let unstored: Option<bool> = tx
            .query_row_cached(
                "SELECT unstored FROM messages WHERE id = ?1 AND survey_id = ?2 AND failure IS NOT NULL",
                params![id, survey_id],
                |r| r.get(0),
            )
            .optional()?;
        match unstored {
            None => return Ok(Retried::NotFailed),
            Some(true) => return Ok(Retried::NotStored),
            Some(false) => {}
        }
        tx.execute_cached(
            "UPDATE messages SET state = 'new', kind = NULL, reason = NULL, failure = NULL, unfinished_reads = 0
             WHERE id = ?1 AND survey_id = ?2",
            params![id, survey_id],
        )?;
        tx.execute_cached(
            "UPDATE flags SET resolved_by = ?2, resolved_at = ?3 WHERE message_row = ?1 AND kind = 'failed' AND resolved_at IS NULL",
            params![id, by, now.as_second()],
        )?;
        tx.execute_cached(
            "INSERT INTO decisions (survey_id, message_row, action, detail, decided_by, decided_at)
             VALUES (?1, ?2, 'message retried', 'set back to new after its handling failed', ?3, ?4)",
            params![survey_id, id, by, now.as_second()],
        )?;
        tx.commit()?;
        Ok(Retried::Again)
    }

    /// Messages whose handling failed and that wait for `review --retry`.
    pub fn failed_messages(&self, survey_id: &str) -> Result<Vec<FailedMessage>> {
        let conn = self.lock();
        let rows: Vec<_> = collect(
            &conn,
            "SELECT id, failure, failures, received_at FROM messages
             WHERE survey_id = ?1 AND failure IS NOT NULL ORDER BY id",
            [survey_id],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, u32>(2)?,
                    r.get::<_, i64>(3)?,
                ))
            },
        )?;
        rows.into_iter()
            .map(|(id, reason, failures, at)| {
                Ok(FailedMessage {
                    id,
                    reason,
                    failures,
                    received_at: timestamp("messages", id, at)?,
                })
            })
            .collect()
    }

    /// Messages by what they were received as, for status.
    pub fn message_counts(&self, survey_id: &str) -> Result<BTreeMap<Received, usize>> {
        let conn = self.lock();
        let rows: Vec<(bool, Option<MessageKind>, MessageState, usize)> = collect(
            &conn,
            "SELECT failure IS NOT NULL, kind, state, COUNT(*)
             FROM messages WHERE survey_id = ?1 GROUP BY 1, 2, 3",
            [survey_id],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get::<_, i64>(3)? as usize,
                ))
            },
        )?;
        let mut counts = BTreeMap::new();
        for (failed, kind, state, n) in rows {
            *counts.entry(Received::of(failed, kind, state)).or_default() += n;
        }
        Ok(counts)
    }

    /// Summaries of messages matching `filter` (an SQL condition on
    /// `messages m`, written by this crate only).
    fn messages_where(&self, survey_id: &str, filter: &str) -> Result<Vec<MessageSummary>> {
        let conn = self.lock();
        let rows = collect(
            &conn,
            &format!(
                "SELECT m.id, m.kind, m.sender, r.email, m.matched_by, m.decision, m.late, m.reason
             FROM messages m LEFT JOIN recipients r ON r.id = m.recipient_id
             WHERE m.survey_id = ?1 AND ({filter}) ORDER BY m.id"
            ),
            [survey_id],
            |r| {
                Ok(MessageSummary {
                    id: r.get(0)?,
                    kind: r.get(1)?,
                    sender: r.get(2)?,
                    recipient: r.get(3)?,
                    matched_by: r.get(4)?,
                    decision: r.get(5)?,
                    late: r.get(6)?,
                    reason: r.get(7)?,
                })
            },
        )?;
        Ok(rows)
    }

    /// Replies held for the lead's decision.
    pub fn held(&self, survey_id: &str) -> Result<Vec<MessageSummary>> {
        self.messages_where(survey_id, "m.decision = 'held'")
    }

    /// Every processed message.
    pub fn messages(&self, survey_id: &str) -> Result<Vec<MessageSummary>> {
        self.messages_where(survey_id, "m.state != 'new'")
    }

    /// The raw bytes of a message.
    pub fn raw_message(&self, id: i64) -> Result<Vec<u8>> {
        Ok(self.lock().query_row(
            "SELECT COALESCE(b.raw, m.raw) FROM messages m
                 LEFT JOIN message_bytes b ON b.message_id = m.id WHERE m.id = ?1",
            [id],
            |r| r.get(0),
        )?)
    }

    /// Settles a held reply: `accepted` records its answers (read again
    /// from the message), `rejected` records none. Logged with who and when.
    pub fn decide_held(
        &self,
        survey_id: &str,
        id: i64,
        accept: bool,
        answers: &BTreeMap<String, Answer>,
        by: &str,
        now: Timestamp,
    ) -> Result<bool> {
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        let row: Option<(Option<i64>, Option<String>)> = tx
            .query_row_cached(
                "SELECT recipient_id, decision FROM messages WHERE id = ?1 AND survey_id = ?2",
                params![id, survey_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((Some(recipient), Some(decision))) = row else {
            return Ok(false);
        };
        if decision != "held" {
            return Ok(false);
        }
        let action = if accept { "accepted" } else { "rejected" };
        tx.execute_cached(
            "UPDATE messages SET decision = ?2 WHERE id = ?1",
            params![id, action],
        )?;
        if accept {
            insert_answers(&tx, survey_id, recipient, Some(id), answers, Some(by), now)?;
        }
        // The lead decided for the person: a confirmation waiting on this
        // message is settled too.
        tx.execute_cached(
            "UPDATE confirmations SET state = ?2, resolved_at = ?3, resolved_by = ?4, updated_at = ?3
             WHERE id = (SELECT confirmation_id FROM messages WHERE id = ?1) AND state = 'pending'",
            params![id, if accept { "confirmed" } else { "discarded" }, now.as_second(), by],
        )?;
        tx.execute_cached(
            "INSERT INTO decisions (survey_id, recipient_id, message_row, action, detail, decided_by, decided_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![survey_id, recipient, id, format!("reply {action}"), format!("{} answers", answers.len()), by, now.as_second()],
        )?;
        tx.commit()?;
        Ok(true)
    }

    /// Settles one answer by hand (an unclear answer the lead resolved).
    pub fn settle_answer(
        &self,
        survey_id: &str,
        recipient_id: i64,
        question_id: &str,
        answer: &Answer,
        by: &str,
        now: Timestamp,
    ) -> Result<()> {
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        let one = BTreeMap::from([(question_id.to_owned(), answer.clone())]);
        insert_answers(&tx, survey_id, recipient_id, None, &one, Some(by), now)?;
        tx.execute_cached(
            "INSERT INTO decisions (survey_id, recipient_id, action, detail, decided_by, decided_at)
             VALUES (?1, ?2, 'answer settled', ?3, ?4, ?5)",
            params![
                survey_id,
                recipient_id,
                format!("{question_id} = {}", serde_json::to_string(&answer.value).unwrap_or_default()),
                by,
                now.as_second()
            ],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Deletes a person's answers and the text of their messages, at their
    /// request, and records that it was done. Returns how many answers went.
    pub fn withdraw(
        &self,
        survey_id: &str,
        recipient_id: i64,
        by: &str,
        now: Timestamp,
    ) -> Result<usize> {
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        let deleted = tx.execute_cached(
            "DELETE FROM answers WHERE survey_id = ?1 AND recipient_id = ?2",
            params![survey_id, recipient_id],
        )?;
        tx.execute_cached(
            "DELETE FROM message_bytes WHERE message_id IN
                (SELECT id FROM messages WHERE survey_id = ?1 AND recipient_id = ?2)",
            params![survey_id, recipient_id],
        )?;
        tx.execute_cached(
            "UPDATE messages SET raw = X'', reason = COALESCE(reason, '') || ' (content deleted on withdrawal)'
             WHERE survey_id = ?1 AND recipient_id = ?2",
            params![survey_id, recipient_id],
        )?;
        tx.execute_cached(
            "UPDATE recipients SET status = 'withdrawn', status_note = 'answers deleted at their request' WHERE id = ?1",
            [recipient_id],
        )?;
        tx.execute_cached(
            "UPDATE outbox SET state = 'cancelled', cancel_reason = 'withdrawn' WHERE recipient_id = ?1 AND state = 'pending'",
            [recipient_id],
        )?;
        tx.execute_cached(
            "UPDATE flags SET resolved_by = ?2, resolved_at = ?3 WHERE recipient_id = ?1 AND kind = 'withdraw_request' AND resolved_at IS NULL",
            params![recipient_id, by, now.as_second()],
        )?;
        tx.execute_cached(
            "INSERT INTO decisions (survey_id, recipient_id, action, detail, decided_by, decided_at)
             VALUES (?1, ?2, 'answers deleted', ?3, ?4, ?5)",
            params![survey_id, recipient_id, format!("{deleted} answers deleted on withdrawal"), by, now.as_second()],
        )?;
        tx.commit()?;
        Ok(deleted)
    }

    /// Open flags, with the recipient's address.
    pub fn open_flags(&self, survey_id: &str) -> Result<Vec<OpenFlag>> {
        let conn = self.lock();
        let rows = collect(
            &conn,
            "SELECT f.id, r.email, f.message_row, f.kind, COALESCE(f.note, '') FROM flags f
             LEFT JOIN recipients r ON r.id = f.recipient_id
             WHERE f.survey_id = ?1 AND f.resolved_at IS NULL ORDER BY f.id",
            [survey_id],
            |r| {
                Ok(OpenFlag {
                    id: r.get(0)?,
                    recipient: r.get(1)?,
                    message: r.get(2)?,
                    kind: r.get(3)?,
                    note: r.get(4)?,
                })
            },
        )?;
        Ok(rows)
    }

    /// Every decision made by hand, oldest first.
    pub fn decisions(&self, survey_id: &str) -> Result<Vec<Decision>> {
        let conn = self.lock();
        let rows = collect(
            &conn,
            "SELECT d.decided_at, d.decided_by, d.action, r.email, COALESCE(d.detail, '') FROM decisions d
             LEFT JOIN recipients r ON r.id = d.recipient_id WHERE d.survey_id = ?1 ORDER BY d.id",
            [survey_id],
            |r| {
                Ok(Decision {
                    at: Timestamp::from_second(r.get(0)?).map_err(|e| {
                        rusqlite::Error::FromSqlConversionFailure(
                            0,
                            rusqlite::types::Type::Integer,
                            Box::new(e),
                        )
                    })?,
                    by: r.get(1)?,
                    action: r.get(2)?,
                    recipient: r.get(3)?,
                    detail: r.get(4)?,
                })
            },
        )?;
        Ok(rows)
    }
}
