//! The outbox queue: every email we send is a row here first (queued,
//! claimed, sent, retried, failed or cancelled), committed before it goes.

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, params};

use super::recipients::recipient_by_id;
use super::{Cached, MailKind, Store, StoredRecipient, rows};
use crate::Result;
use crate::token::Token;

/// A message claimed for sending.
#[derive(Debug, Clone)]
pub struct Claimed {
    /// Outbox row id.
    pub id: i64,
    /// invitation, reminder, ...
    pub kind: String,
    /// Sequence number within the kind.
    pub seq: u32,
    /// The Message-ID it must go out with.
    pub message_id: String,
    /// Attempts so far, this one included.
    pub attempts: u32,
    /// The recipient, for questionnaire emails.
    pub recipient: Option<StoredRecipient>,
    /// Stored content, for mail fixed when queued.
    pub body: Option<Vec<u8>>,
    /// The message's own bounce key, for its VERP envelope sender
    /// ([`crate::verp`]); the same on every attempt.
    pub bounce_key: String,
}

/// A message we sent, as a bounce names it (by its VERP key or its
/// Message-ID).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentMail {
    /// Outbox row id.
    pub id: i64,
    /// Invitation, reminder, receipt, ...
    pub kind: MailKind,
    /// The person it was for; `None` for mail to the leads.
    pub recipient_id: Option<i64>,
    /// The address it was handed to the server for.
    pub sent_to: Option<String>,
}

/// Our message whose `column` (bounce_key or message_id) is `value`.
pub(super) fn sent_mail(
    conn: &Connection,
    column: &str,
    survey_id: &str,
    value: &str,
) -> Result<Option<SentMail>> {
    let sql = format!(
        "SELECT id, kind, recipient_id, sent_to FROM outbox WHERE survey_id = ?1 AND {column} = ?2"
    );
    Ok(conn
        .query_row_cached(&sql, params![survey_id, value], |r| {
            Ok(SentMail {
                id: r.get(0)?,
                kind: r.get(1)?,
                recipient_id: r.get(2)?,
                sent_to: r.get(3)?,
            })
        })
        .optional()?)
}

impl Store {
    /// Queues an invitation for every listed, active recipient who has none.
    /// Returns how many were queued.
    pub fn queue_invitations(
        &self,
        survey_id: &str,
        domain: &str,
        now: Timestamp,
    ) -> Result<usize> {
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        let people: Vec<(i64, String, String)> = {
            let mut stmt = tx.prepare_cached(
                "SELECT r.id, r.selector, r.verifier FROM recipients r
                 WHERE r.survey_id = ?1 AND r.listed = 1 AND r.status = 'active'
                   AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.recipient_id = r.id AND o.kind = 'invitation')",
            )?;
            stmt.query_map([survey_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        for (id, selector, verifier) in &people {
            let token = Token::parse(&format!("{selector}{verifier}"))
                .expect("stored tokens are well formed");
            let message_id = crate::invitation::message_id("invitation", 1, &token, domain);
            tx.execute_cached(
                "INSERT INTO outbox (survey_id, recipient_id, kind, seq, message_id, next_attempt_at, created_at)
                 VALUES (?1, ?2, 'invitation', 1, ?3, ?4, ?4)",
                params![survey_id, id, message_id, now.as_second()],
            )?;
        }
        tx.commit()?;
        Ok(people.len())
    }

    /// At start-up: messages left `sending` by a crash may or may not have
    /// gone out. They go again, with the same Message-ID. Returns how many.
    pub fn requeue_in_flight(&self, survey_id: &str) -> Result<usize> {
        Ok(self.lock().execute(
            "UPDATE outbox SET state = 'pending' WHERE survey_id = ?1 AND state = 'sending'",
            [survey_id],
        )?)
    }

    /// Claims the next message due at `now`, marking it `sending` (committed
    /// before it is sent). Mail to someone no longer listed or no longer
    /// active is cancelled here, at the last moment.
    ///
    /// `sent` is the message this worker handed to the server last: it is
    /// marked sent in the same commit, so each message costs one durable
    /// commit, not two. Until then it stays `sending`, still counted in
    /// flight.
    pub fn claim_due(
        &self,
        survey_id: &str,
        now: Timestamp,
        sent: Option<i64>,
    ) -> Result<Option<Claimed>> {
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        if let Some(id) = sent {
            tx.execute_cached(
                "UPDATE outbox SET state = 'sent', sent_at = ?2, last_error = NULL WHERE id = ?1",
                params![id, now.as_second()],
            )?;
        }
        loop {
            let row = tx
                .query_row_cached(
                    "SELECT o.id, o.kind, o.seq, o.message_id, o.attempts, o.body, o.recipient_id, r.listed, r.status
                     FROM outbox o LEFT JOIN recipients r ON r.id = o.recipient_id
                     WHERE o.survey_id = ?1 AND o.state = 'pending' AND o.next_attempt_at <= ?2
                     ORDER BY o.next_attempt_at, o.id LIMIT 1",
                    params![survey_id, now.as_second()],
                    |r| {
                        Ok((
                            r.get::<_, i64>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, u32>(2)?,
                            r.get::<_, String>(3)?,
                            r.get::<_, u32>(4)?,
                            r.get::<_, Option<Vec<u8>>>(5)?,
                            r.get::<_, Option<i64>>(6)?,
                            r.get::<_, Option<bool>>(7)?,
                            r.get::<_, Option<String>>(8)?,
                        ))
                    },
                )
                .optional()?;
            let Some((id, kind, seq, message_id, attempts, body, recipient_id, listed, status)) =
                row
            else {
                tx.commit()?;
                return Ok(None);
            };
            // The confirmation of an opt-out is the one mail an opted-out
            // person still gets.
            // So is the confirmation that says mail was stopped on a request
            // without a token, which "not me" undoes.
            let allowed = status.as_deref() == Some("active")
                || ((kind == "opt_out_confirmation" || kind == "confirmation")
                    && status.as_deref() == Some("opted_out"));
            let replied = kind == "reminder"
                && tx.query_row_cached(
                    // A held message (no token, another sender) is not the
                    // person's until confirmed: a stranger's mail must not
                    // stop their reminders.
                    "SELECT EXISTS (SELECT 1 FROM messages WHERE recipient_id = ?1 AND kind IN ('reply', 'unsubscribe')
                                    AND (decision IS NULL OR decision = 'accepted'))
                         OR EXISTS (SELECT 1 FROM answers WHERE recipient_id = ?1)",
                    [recipient_id],
                    |r| r.get::<_, bool>(0),
                )?;
            if replied {
                tx.execute_cached(
                    "UPDATE outbox SET state = 'cancelled', last_error = 'replied before the reminder went' WHERE id = ?1",
                    [id],
                )?;
                continue;
            }
            if recipient_id.is_some() && (listed != Some(true) || !allowed) {
                tx.execute_cached(
                    "UPDATE outbox SET state = 'cancelled', last_error = ?2 WHERE id = ?1",
                    params![
                        id,
                        format!(
                            "recipient is {}",
                            if listed == Some(true) {
                                status.unwrap_or_default()
                            } else {
                                "no longer listed".into()
                            }
                        )
                    ],
                )?;
                continue;
            }
            let recipient = match recipient_id {
                Some(rid) => Some(recipient_by_id(&tx, rid)?),
                None => None,
            };
            let bounce_key: String = tx.query_row_cached(
                "UPDATE outbox SET state = 'sending', attempts = attempts + 1,
                        bounce_key = COALESCE(bounce_key, ?2), sent_to = ?3
                 WHERE id = ?1 RETURNING bounce_key",
                params![
                    id,
                    crate::verp::new_key(),
                    recipient.as_ref().map(|r| r.email.clone())
                ],
                |r| r.get(0),
            )?;
            tx.commit()?;
            return Ok(Some(Claimed {
                id,
                kind,
                seq,
                message_id,
                attempts: attempts + 1,
                recipient,
                body,
                bounce_key,
            }));
        }
    }

    /// The message a VERP bounce key names.
    pub fn sent_mail_by_key(&self, survey_id: &str, key: &str) -> Result<Option<SentMail>> {
        sent_mail(&self.lock(), "bounce_key", survey_id, key)
    }

    /// Keeps an invitation or reminder as it went out: they are rendered
    /// at send time, and a reply is read against the text the person got
    /// (a custom template's line below an `Answer:` is ours, not theirs).
    pub fn keep_sent_questionnaire(&self, id: i64, bytes: &[u8]) -> Result<()> {
        self.lock().execute(
            "UPDATE outbox SET body = ?2 WHERE id = ?1 AND kind IN ('invitation', 'reminder')",
            params![id, bytes],
        )?;
        Ok(())
    }

    /// The message went out.
    pub fn mark_sent(&self, id: i64, now: Timestamp) -> Result<()> {
        self.lock().execute(
            "UPDATE outbox SET state = 'sent', sent_at = ?2, last_error = NULL WHERE id = ?1",
            params![id, now.as_second()],
        )?;
        Ok(())
    }

    /// A transient failure: try again at `retry_at`.
    pub fn mark_retry(&self, id: i64, error: &str, retry_at: Timestamp) -> Result<()> {
        self.lock().execute(
            "UPDATE outbox SET state = 'pending', last_error = ?2, next_attempt_at = ?3 WHERE id = ?1",
            params![id, crate::token::redact(error), retry_at.as_second()],
        )?;
        Ok(())
    }

    /// A permanent failure: give up and keep the server's reply.
    pub fn mark_failed(&self, id: i64, error: &str) -> Result<()> {
        self.lock().execute(
            "UPDATE outbox SET state = 'failed', last_error = ?2 WHERE id = ?1",
            params![id, crate::token::redact(error)],
        )?;
        Ok(())
    }

    /// When the next pending message falls due, if any.
    pub fn next_due(&self, survey_id: &str) -> Result<Option<Timestamp>> {
        let at: Option<i64> = self.lock().query_row(
            "SELECT MIN(next_attempt_at) FROM outbox WHERE survey_id = ?1 AND state = 'pending'",
            [survey_id],
            |r| r.get(0),
        )?;
        at.map(|s| rows::timestamp("outbox", 0, s)).transpose()
    }

    /// Messages waiting for another attempt after a transient failure, and
    /// the most recent error among them (the service's STATUS shows it).
    pub fn deferred(&self, survey_id: &str) -> Result<Option<(usize, String)>> {
        let conn = self.lock();
        let n: i64 = conn.query_row_cached(
            "SELECT COUNT(*) FROM outbox WHERE survey_id = ?1 AND state = 'pending' AND last_error IS NOT NULL AND attempts > 0",
            [survey_id],
            |r| r.get(0),
        )?;
        if n == 0 {
            return Ok(None);
        }
        let last: String = conn.query_row_cached(
            "SELECT last_error FROM outbox WHERE survey_id = ?1 AND state = 'pending' AND last_error IS NOT NULL AND attempts > 0
             ORDER BY next_attempt_at DESC LIMIT 1",
            [survey_id],
            |r| r.get(0),
        )?;
        Ok(Some((n as usize, last)))
    }
}
