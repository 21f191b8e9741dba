//! The outbox queue: every email we send is a row here first (queued,
//! claimed, sent, retried, failed or cancelled), committed before it goes.

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, params};

use super::recipients::recipient_by_id;
use super::{
    Cached, CancelReason, MailKind, MailState, RecipientStatus, Store, StoredRecipient, rows,
};
use crate::Result;

/// Which due mail a worker may claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claimable {
    /// Any, in the order they fell due.
    Any,
    /// Any, follow-ups (receipts, clarifications, confirmations...) and
    /// the leads' mail before invitations and reminders: under a sending
    /// quota, the doctors who wrote first are answered first. (A sort of
    /// the due rows per claim: for the slow sending a quota makes.)
    FollowUpsFirst,
    /// Only the leads' mail (the report, digests): the account's quota is
    /// used up, and the report is never held back.
    LeadsOnly,
}

/// A message claimed for sending.
#[derive(Debug, Clone)]
pub struct Claimed {
    /// Outbox row id.
    pub id: i64,
    /// Invitation, reminder, receipt, ...
    pub kind: MailKind,
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
    /// ([`crate::outbox::verp`]); the same on every attempt.
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

/// [`Store::questionnaires_waiting`]: the pending invitations and
/// reminders, and the listed, active people without an invitation
/// (counted as those listed and active, less the invitations, plus the
/// invitations of the others: each of the few people not listed or not
/// active is looked at, in three ranges of `recipients_by_state`).
pub(super) const QUESTIONNAIRES_WAITING: &str = "SELECT
       (SELECT COUNT(*) FROM outbox WHERE survey_id = ?1 AND state = 'pending'
          AND kind IN ('invitation', 'reminder'))
     + (SELECT COUNT(*) FROM recipients WHERE survey_id = ?1 AND listed = 1 AND status = 'active')
     - (SELECT COUNT(*) FROM outbox WHERE survey_id = ?1 AND kind = 'invitation')
     + (SELECT COUNT(*) FROM recipients r WHERE r.survey_id = ?1 AND r.listed = 0
          AND EXISTS (SELECT 1 FROM outbox o WHERE o.recipient_id = r.id AND o.kind = 'invitation'))
     + (SELECT COUNT(*) FROM recipients r WHERE r.survey_id = ?1 AND r.listed = 1 AND r.status < 'active'
          AND EXISTS (SELECT 1 FROM outbox o WHERE o.recipient_id = r.id AND o.kind = 'invitation'))
     + (SELECT COUNT(*) FROM recipients r WHERE r.survey_id = ?1 AND r.listed = 1 AND r.status > 'active'
          AND EXISTS (SELECT 1 FROM outbox o WHERE o.recipient_id = r.id AND o.kind = 'invitation'))";

/// The part of [`QUESTIONNAIRES_WAITING`] that `status`'s counts do not
/// give ([`Store::status_and_waiting`]): the invitations of the people
/// not listed or not active, each of them looked at (few).
pub(super) const INVITATIONS_NOT_WAITING: &str = "SELECT
       (SELECT COUNT(*) FROM recipients r WHERE r.survey_id = ?1 AND r.listed = 0
          AND EXISTS (SELECT 1 FROM outbox o WHERE o.recipient_id = r.id AND o.kind = 'invitation'))
     + (SELECT COUNT(*) FROM recipients r WHERE r.survey_id = ?1 AND r.listed = 1 AND r.status < 'active'
          AND EXISTS (SELECT 1 FROM outbox o WHERE o.recipient_id = r.id AND o.kind = 'invitation'))
     + (SELECT COUNT(*) FROM recipients r WHERE r.survey_id = ?1 AND r.listed = 1 AND r.status > 'active'
          AND EXISTS (SELECT 1 FROM outbox o WHERE o.recipient_id = r.id AND o.kind = 'invitation'))";

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

/// Where the person a queued email is for stands at send time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Person {
    /// Still in the recipient list?
    pub listed: bool,
    /// Whether they still get mail.
    pub status: RecipientStatus,
}

/// Whether a queued email may still go, decided at the last moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mailable {
    /// It goes.
    Send,
    /// It is cancelled, for this reason.
    Cancel(CancelReason),
}

/// Who may still be mailed: mail for the leads (`person` is `None`)
/// always goes; a person's mail goes while they are listed and active. The
/// confirmation of an opt-out is the one mail an opted-out person still
/// gets, and so is the confirmation that says mail was stopped on a request
/// without a token, which "not me" undoes. A reminder overtaken by their
/// reply (`replied`) does not go.
pub(super) fn mailable(kind: MailKind, person: Option<Person>, replied: bool) -> Mailable {
    let Some(person) = person else {
        return Mailable::Send;
    };
    if replied {
        return Mailable::Cancel(CancelReason::Replied);
    }
    if !person.listed {
        return Mailable::Cancel(CancelReason::Unlisted);
    }
    let told_of_the_stop = matches!(kind, MailKind::OptOutConfirmation | MailKind::Confirmation)
        && person.status == RecipientStatus::OptedOut;
    match CancelReason::for_status(person.status) {
        Some(_) if told_of_the_stop => Mailable::Send,
        Some(reason) => Mailable::Cancel(reason),
        None => Mailable::Send,
    }
}

/// Puts back in the queue every email to `recipient_id` that was cancelled
/// for `reason` (and not sent since): what "not me" calls to undo exactly
/// what a request in the person's name cancelled. Returns how many.
pub(super) fn restore_cancelled(
    conn: &Connection,
    recipient_id: i64,
    reason: CancelReason,
) -> Result<usize> {
    Ok(conn.execute_cached(
        "UPDATE outbox SET state = 'pending', cancel_reason = NULL, last_error = NULL
         WHERE recipient_id = ?1 AND state = 'cancelled' AND cancel_reason = ?2",
        params![recipient_id, reason],
    )?)
}

/// Cancels the questionnaire mail still queued for `recipient_id`
/// (invitation, reminders, receipt, clarification), recording why: what
/// a stop, withdrawal or deletion does to the queue.
pub(super) fn cancel_questionnaire_mail(
    conn: &Connection,
    recipient_id: i64,
    reason: CancelReason,
) -> Result<usize> {
    Ok(conn.execute_cached(
        "UPDATE outbox SET state = 'cancelled', cancel_reason = ?2
         WHERE recipient_id = ?1 AND state = 'pending' AND kind IN ('invitation', 'reminder', 'receipt', 'clarification')",
        params![recipient_id, reason],
    )?)
}

/// A delivery report names our message `outbox_id`: the first report is
/// kept (when and what it said), later ones change nothing.
pub(super) fn note_bounce(
    conn: &Connection,
    survey_id: &str,
    outbox_id: i64,
    note: &str,
    now: Timestamp,
) -> Result<()> {
    conn.execute_cached(
        "UPDATE outbox SET bounced_at = COALESCE(bounced_at, ?3), bounce_note = COALESCE(bounce_note, ?2)
         WHERE id = ?1 AND survey_id = ?4",
        params![outbox_id, crate::compose::token::redact(note), now.as_second(), survey_id],
    )?;
    Ok(())
}

/// A report (message row `message_row`) proves the provider refused our
/// sent message `refused` for a sending limit: it goes back to the queue
/// until `until`, with every other pending message, and the pause is
/// recorded for `status` with `detail`. Once per refused message: the
/// unique index on `sending_pauses.outbox_id` keeps a replayed report from
/// pausing again.
pub(super) fn pause_for_report(
    conn: &Connection,
    survey_id: &str,
    refused: i64,
    message_row: i64,
    until: Timestamp,
    detail: &str,
    now: Timestamp,
) -> Result<()> {
    let paused = conn.execute_cached(
        "INSERT OR IGNORE INTO sending_pauses (survey_id, outbox_id, message_row, until_at, detail, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![survey_id, refused, message_row, until.as_second(), detail, now.as_second()],
    )? > 0;
    if paused {
        conn.execute_cached(
            "UPDATE outbox SET state = 'pending', next_attempt_at = ?2, last_error = 'refused by the provider: sending limit'
             WHERE id = ?1 AND survey_id = ?3 AND state = 'sent'",
            params![refused, until.as_second(), survey_id],
        )?;
        hold_pending_until(conn, survey_id, until)?;
    }
    Ok(())
}

/// No pending message of the survey goes before `until` (a sending pause).
fn hold_pending_until(conn: &Connection, survey_id: &str, until: Timestamp) -> Result<()> {
    conn.execute_cached(
        "UPDATE outbox SET next_attempt_at = ?2 WHERE survey_id = ?1 AND state = 'pending' AND next_attempt_at < ?2",
        params![survey_id, until.as_second()],
    )?;
    Ok(())
}

/// A message the server accepted, to be marked sent.
#[derive(Debug, Clone)]
pub struct Accepted {
    /// Outbox row id.
    pub id: i64,
    /// When the server accepted it.
    pub at: Timestamp,
    /// An invitation's or reminder's bytes as they went, kept: a reply is
    /// read against the text the person got.
    pub questionnaire: Option<Vec<u8>>,
}

fn mark_accepted(conn: &Connection, sent: &Accepted) -> Result<()> {
    conn.execute_cached(
        "UPDATE outbox SET state = 'sent', sent_at = ?2, last_error = NULL,
                body = CASE WHEN ?3 IS NOT NULL AND kind IN ('invitation', 'reminder') THEN ?3 ELSE body END
         WHERE id = ?1",
        params![sent.id, sent.at.as_second(), sent.questionnaire],
    )?;
    Ok(())
}

/// The row a claim reads.
type DueRow = (
    i64,
    MailKind,
    u32,
    Option<String>,
    u32,
    Option<Vec<u8>>,
    Option<i64>,
    Option<bool>,
    Option<RecipientStatus>,
);

/// The next due message of `which`, if any, marked `sending` (within the
/// caller's transaction); mail that may no longer go is cancelled on the
/// way. An invitation or reminder claimed for the first time is given
/// its Message-ID here ([`crate::compose::token::message_id`], of its
/// kind, number, the person's token and `domain`), durable with the
/// claim before the message goes, and kept for every later attempt.
fn claim_one(
    tx: &Connection,
    survey_id: &str,
    domain: &str,
    now: Timestamp,
    which: Claimable,
) -> Result<Option<Claimed>> {
    let leads_only = which == Claimable::LeadsOnly;
    let order = match which {
        Claimable::Any => "o.next_attempt_at, o.id",
        Claimable::FollowUpsFirst | Claimable::LeadsOnly => {
            "o.kind IN ('invitation', 'reminder'), o.next_attempt_at, o.id"
        }
    };
    loop {
        let row: Option<DueRow> = tx
            .query_row_cached(
                &format!("SELECT o.id, o.kind, o.seq, o.message_id, o.attempts, o.body, o.recipient_id, r.listed, r.status
                 FROM outbox o LEFT JOIN recipients r ON r.id = o.recipient_id
                 WHERE o.survey_id = ?1 AND o.state = 'pending' AND o.next_attempt_at <= ?2
                   AND (?3 = 0 OR o.recipient_id IS NULL)
                 ORDER BY {order} LIMIT 1"),
                params![survey_id, now.as_second(), leads_only],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                        r.get(6)?,
                        r.get(7)?,
                        r.get(8)?,
                    ))
                },
            )
            .optional()?;
        let Some((id, kind, seq, message_id, attempts, body, recipient_id, listed, status)) = row
        else {
            return Ok(None);
        };
        let person = match (recipient_id, listed, status) {
            (Some(_), Some(listed), Some(status)) => Some(Person { listed, status }),
            _ => None,
        };
        // The same rule as the round that queued it: a held or
        // tokenless message is not the person's until confirmed, so a
        // stranger's mail never stops their reminders.
        let replied = kind == MailKind::Reminder
            && tx
                .query_row_cached(
                    &format!(
                        "SELECT {} FROM recipients r WHERE r.id = ?1",
                        super::timeline::STOPS_REMINDERS
                    ),
                    [recipient_id],
                    |r| r.get::<_, bool>(0),
                )
                .optional()?
                .unwrap_or(false);
        if let Mailable::Cancel(reason) = mailable(kind, person, replied) {
            tx.execute_cached(
                "UPDATE outbox SET state = 'cancelled', cancel_reason = ?2 WHERE id = ?1",
                params![id, reason],
            )?;
            continue;
        }
        let recipient = match recipient_id {
            Some(rid) => Some(recipient_by_id(tx, rid)?),
            None => None,
        };
        let questionnaire_id = match (&message_id, &recipient) {
            (None, Some(person)) => Some(crate::compose::token::message_id(
                kind.name(),
                seq,
                &person.token,
                domain,
            )),
            _ => None,
        };
        let (bounce_key, message_id): (String, Option<String>) = tx.query_row_cached(
            "UPDATE outbox SET state = 'sending', attempts = attempts + 1,
                    bounce_key = COALESCE(bounce_key, ?2), sent_to = ?3,
                    message_id = COALESCE(message_id, ?4)
             WHERE id = ?1 RETURNING bounce_key, message_id",
            params![
                id,
                crate::outbox::verp::new_key(),
                recipient.as_ref().map(|r| r.email.clone()),
                questionnaire_id
            ],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        // The table's check refuses a claim without one.
        let message_id = message_id.unwrap_or_default();
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

/// The width of the range of recipient ids queued an invitation per
/// transaction by [`Store::queue_invitations`].
pub const INVITATION_BATCH: i64 = 50_000;

impl Store {
    /// Queues an invitation for every listed, active recipient who has none.
    /// Returns how many were queued.
    ///
    /// Set-based: one `INSERT ... SELECT` per [`INVITATION_BATCH`] ids
    /// (in id order), each batch its own transaction, so that a million
    /// are queued without a row passing through Rust, and the store is
    /// free between batches for the inbox and the sending. An invitation
    /// is queued without its Message-ID: it is given one when first
    /// claimed ([`Store::claim_batch`]), before it goes (migration 0026:
    /// a million Message-IDs, made of random tokens, were a million
    /// entries of a unique index written in random order). The page
    /// cache is as large as when the list is applied
    /// ([`super::recipients::LIST_CACHE_KIB`]) until every batch is done.
    pub fn queue_invitations(&self, survey_id: &str, now: Timestamp) -> Result<usize> {
        let before = super::recipients::list_cache(&self.lock())?;
        let queued = self.queue_invitations_in_batches(survey_id, now);
        super::recipients::restore_cache(&self.lock(), before)?;
        queued
    }

    /// [`Store::queue_invitations`], batch after batch: the people of
    /// ids `after < id <= after + INVITATION_BATCH`, up to the highest id.
    /// (Each batch's end was found by a query that sorted every recipient
    /// of the survey, twenty times at a million people: most of the 26 s
    /// a start of the daemon took there with nothing to queue.)
    fn queue_invitations_in_batches(&self, survey_id: &str, now: Timestamp) -> Result<usize> {
        let highest: Option<i64> =
            self.lock()
                .query_row_cached("SELECT MAX(id) FROM recipients", [], |r| r.get(0))?;
        let mut queued = 0;
        let mut after = 0_i64;
        while let Some(highest) = highest.filter(|h| *h > after) {
            let last = after.saturating_add(INVITATION_BATCH).min(highest);
            let mut conn = self.lock();
            let tx = conn.transaction()?;
            queued += tx.execute_cached(
                "INSERT INTO outbox (survey_id, recipient_id, kind, seq, next_attempt_at, created_at)
                 SELECT ?1, r.id, 'invitation', 1, ?4, ?4
                 FROM recipients r
                 WHERE r.survey_id = ?1 AND r.listed = 1 AND r.status = 'active'
                   AND r.id > ?2 AND r.id <= ?3
                   AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.recipient_id = r.id AND o.kind = 'invitation')
                 ORDER BY r.id",
                params![survey_id, after, last, now.as_second()],
            )?;
            tx.commit()?;
            after = last;
        }
        Ok(queued)
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
    /// marked sent in the same commit. Until then it stays `sending`,
    /// still counted in flight. `domain` is the survey's sender domain: an
    /// invitation or reminder claimed for the first time is given its
    /// Message-ID of it then, in the same commit (see `claim_one`).
    pub fn claim_due(
        &self,
        survey_id: &str,
        domain: &str,
        now: Timestamp,
        sent: Option<i64>,
    ) -> Result<Option<Claimed>> {
        self.claim_due_of(survey_id, domain, now, sent, Claimable::Any)
    }

    /// [`Store::claim_due`], of the mail `which` says: with the account's
    /// quota used up, only the leads' mail (never held back).
    pub fn claim_due_of(
        &self,
        survey_id: &str,
        domain: &str,
        now: Timestamp,
        sent: Option<i64>,
        which: Claimable,
    ) -> Result<Option<Claimed>> {
        let accepted: Vec<Accepted> = sent
            .map(|id| Accepted {
                id,
                at: now,
                questionnaire: None,
            })
            .into_iter()
            .collect();
        Ok(self
            .claim_batch(survey_id, domain, now, &accepted, which, 1)?
            .pop())
    }

    /// Group commit: marks `accepted` sent (each at its own time, an
    /// invitation or reminder with the bytes that went) and claims up to
    /// `n` messages due at `now` (marked `sending`, in the order
    /// `which` says), all in one transaction, so one durable commit serves
    /// many messages. Nothing is marked sent but what the caller says the
    /// server accepted; what is claimed stays `sending` (in flight, sent
    /// again after a crash) until a later call marks it.
    pub fn claim_batch(
        &self,
        survey_id: &str,
        domain: &str,
        now: Timestamp,
        accepted: &[Accepted],
        which: Claimable,
        n: usize,
    ) -> Result<Vec<Claimed>> {
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        for sent in accepted {
            mark_accepted(&tx, sent)?;
        }
        let mut claimed = Vec::with_capacity(n.min(256));
        while claimed.len() < n {
            match claim_one(&tx, survey_id, domain, now, which)? {
                Some(one) => claimed.push(one),
                None => break,
            }
        }
        tx.commit()?;
        Ok(claimed)
    }

    /// Messages claimed and never handed to the server (sending stopped
    /// before their turn) go back to the queue as they were.
    pub fn release_unsent(&self, ids: &[i64]) -> Result<()> {
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        for id in ids {
            tx.execute_cached(
                "UPDATE outbox SET state = 'pending', attempts = MAX(attempts - 1, 0)
                 WHERE id = ?1 AND state = 'sending'",
                [id],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Queues a report a lead asked for (`report --send`), to go like
    /// every other email: an outbox row, its own VERP key, retried until
    /// sent, shown by `status`. Returns false when a report with this
    /// Message-ID is queued already.
    pub fn queue_requested_report(
        &self,
        survey_id: &str,
        message_id: &str,
        body: &[u8],
        now: Timestamp,
    ) -> Result<bool> {
        Ok(self.lock().execute_cached(
            "INSERT OR IGNORE INTO outbox (survey_id, recipient_id, kind, seq, message_id, body, next_attempt_at, created_at)
             VALUES (?1, NULL, ?2,
                     (SELECT COUNT(*) + 1 FROM outbox WHERE survey_id = ?1 AND kind = ?2),
                     ?3, ?4, ?5, ?5)",
            params![survey_id, MailKind::RequestedReport, message_id, body, now.as_second()],
        )? > 0)
    }

    /// Where the email with this Message-ID stands, with its last error.
    pub fn mail_state(
        &self,
        survey_id: &str,
        message_id: &str,
    ) -> Result<Option<(MailState, Option<String>)>> {
        Ok(self
            .lock()
            .query_row_cached(
                "SELECT state, last_error FROM outbox WHERE survey_id = ?1 AND message_id = ?2",
                params![survey_id, message_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// [`restore_cancelled`] in a transaction of its own.
    pub fn restore_cancelled(&self, recipient_id: i64, reason: CancelReason) -> Result<usize> {
        restore_cancelled(&self.lock(), recipient_id, reason)
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

    /// When the messages of the survey marked sent after `since` went
    /// (Unix seconds, ascending), as a provider's quota counts them: once
    /// per recipient, so the leads' mail (one message to all `leads`)
    /// `leads` times.
    pub fn sent_since(&self, survey_id: &str, since: Timestamp, leads: usize) -> Result<Vec<i64>> {
        let conn = self.lock();
        let mut stmt = conn.prepare_cached(
            "SELECT sent_at, recipient_id IS NULL FROM outbox
             WHERE survey_id = ?1 AND state = 'sent' AND sent_at > ?2 ORDER BY sent_at",
        )?;
        let mut times = Vec::new();
        let mut rows = stmt.query(params![survey_id, since.as_second()])?;
        while let Some(row) = rows.next()? {
            let (at, to_leads): (i64, bool) = (row.get(0)?, row.get(1)?);
            let n = if to_leads { leads.max(1) } else { 1 };
            times.extend(std::iter::repeat_n(at, n));
        }
        Ok(times)
    }

    /// Invitations and reminders waiting to be sent (pending), the ones a
    /// quota spreads out, and the invitations of listed people not queued
    /// yet (before the daemon's first turn).
    ///
    /// The people not queued yet are counted without a look at each
    /// listed person (issue 23: a probe of the outbox per person, 0.3 s of
    /// `status`'s CPU at a million): everyone listed and active, less the
    /// invitations queued (one per person at most: number 1, by the
    /// outbox's unique key), plus those of the invitations that are of
    /// people no longer listed or active, looked at one by one (few).
    /// [`QUESTIONNAIRES_WAITING`]; its plan is asserted by
    /// `store::outbox::tests::questionnaires_waiting_counts_from_indexes_what_the_rule_gives`.
    pub fn questionnaires_waiting(&self, survey_id: &str) -> Result<u64> {
        let n: i64 = self
            .lock()
            .query_row_cached(QUESTIONNAIRES_WAITING, [survey_id], |r| r.get(0))?;
        Ok(n as u64)
    }

    /// A transient failure: try again at `retry_at`.
    pub fn mark_retry(&self, id: i64, error: &str, retry_at: Timestamp) -> Result<()> {
        self.lock().execute(
            "UPDATE outbox SET state = 'pending', last_error = ?2, next_attempt_at = ?3 WHERE id = ?1",
            params![id, crate::compose::token::redact(error), retry_at.as_second()],
        )?;
        Ok(())
    }

    /// The SMTP server refused our own account for a sending limit, in
    /// the session (no proof needed: it said so to us): message `id` goes
    /// back to the queue until `until`, with every other pending message,
    /// and the pause is recorded for `status` with the server's words (a
    /// second refusal of the same message renews its pause).
    pub fn pause_for_refusal(
        &self,
        survey_id: &str,
        id: i64,
        until: Timestamp,
        said: &str,
        now: Timestamp,
    ) -> Result<()> {
        let said = crate::compose::token::redact(said);
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        tx.execute_cached(
            "INSERT INTO sending_pauses (survey_id, outbox_id, message_row, until_at, detail, created_at)
             VALUES (?1, ?2, NULL, ?3, ?4, ?5)
             ON CONFLICT (outbox_id) DO UPDATE SET until_at = excluded.until_at, detail = excluded.detail",
            params![survey_id, id, until.as_second(), said, now.as_second()],
        )?;
        tx.execute_cached(
            "UPDATE outbox SET state = 'pending', next_attempt_at = ?2, last_error = ?3 WHERE id = ?1",
            params![id, until.as_second(), format!("refused by the provider: sending limit ({said})")],
        )?;
        hold_pending_until(&tx, survey_id, until)?;
        tx.commit()?;
        Ok(())
    }

    /// The SMTP server refused our account for too many connections at
    /// once: message `id` goes back to the queue as it was (not counted as
    /// an attempt), and the lowering (to `fewer` below `max` connections)
    /// is recorded for `status` with the server's words.
    pub fn fewer_connections(
        &self,
        survey_id: &str,
        id: i64,
        (max, fewer): (usize, usize),
        said: &str,
        now: Timestamp,
    ) -> Result<()> {
        let said = crate::compose::token::redact(said);
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        tx.execute_cached(
            "INSERT INTO fewer_connections (survey_id, max_connections, fewer, detail, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![survey_id, max as i64, fewer as i64, said, now.as_second()],
        )?;
        tx.execute_cached(
            "UPDATE outbox SET state = 'pending', attempts = MAX(attempts - 1, 0), last_error = ?2
             WHERE id = ?1 AND state = 'sending'",
            params![
                id,
                format!("refused by the provider: too many connections ({said})")
            ],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Until when sending of the survey is paused at `now` (the latest
    /// pause still running), if it is.
    pub fn paused_until(&self, survey_id: &str, now: Timestamp) -> Result<Option<Timestamp>> {
        let until: Option<i64> = self.lock().query_row_cached(
            "SELECT MAX(until_at) FROM sending_pauses WHERE survey_id = ?1 AND until_at > ?2",
            params![survey_id, now.as_second()],
            |r| r.get(0),
        )?;
        until
            .map(|s| rows::timestamp("sending_pauses", 0, s))
            .transpose()
    }

    /// A permanent failure: give up and keep the server's reply.
    pub fn mark_failed(&self, id: i64, error: &str) -> Result<()> {
        self.lock().execute(
            "UPDATE outbox SET state = 'failed', last_error = ?2 WHERE id = ?1",
            params![id, crate::compose::token::redact(error)],
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::token::Token;
    use crate::store::open::migrations;

    /// An invitation or reminder is queued without a Message-ID and given
    /// one in the commit that claims it, before it goes: the one the
    /// message is rendered with. A crash after the send and before it was
    /// marked (`sending` again at the start) sends it again with the same
    /// Message-ID, whatever domain the claim is given then.
    #[test]
    fn a_questionnaires_message_id_is_durable_from_its_first_claim_and_kept() {
        let (_dir, store, survey) = crate::store::tests::store_with_survey();
        let now = Timestamp::UNIX_EPOCH;
        let people = crate::survey::recipients::load(&survey.recipients_file).unwrap();
        store.sync_recipients(&survey.id, &people, now).unwrap();
        store.queue_invitations(&survey.id, now).unwrap();
        let person = store.recipients(&survey.id).unwrap().remove(0);
        store
            .queue_reminders(&survey.id, &[(person.id, 2)], now)
            .unwrap();
        let unset: i64 = store
            .lock()
            .query_row(
                "SELECT COUNT(*) FROM outbox WHERE message_id IS NULL",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(unset, people.len() as i64 + 1, "queued without one");
        let domain = survey.sender.address.domain();
        let templates = crate::survey::templates::Templates::load(None).unwrap();
        let mut claimed = Vec::new();
        while let Some(one) = store.claim_due(&survey.id, domain, now, None).unwrap() {
            claimed.push(one);
        }
        assert_eq!(claimed.len(), people.len() + 1);
        for one in &claimed {
            let rendered = crate::outbox::render(&survey, &templates, one, now).unwrap();
            assert_eq!(rendered.message_id, one.message_id, "{}", one.kind);
            let stored: String = store
                .lock()
                .query_row(
                    "SELECT message_id FROM outbox WHERE id = ?1",
                    [one.id],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(stored, one.message_id);
        }
        let reminder = claimed
            .iter()
            .find(|c| c.kind == MailKind::Reminder)
            .unwrap();
        assert_eq!(
            reminder.message_id,
            crate::compose::token::message_id("reminder", 2, &person.token, domain)
        );
        assert_eq!(
            store.requeue_in_flight(&survey.id).unwrap(),
            people.len() + 1
        );
        let again = store
            .claim_due(&survey.id, "elsewhere.test", now, None)
            .unwrap()
            .unwrap();
        let first = claimed.iter().find(|c| c.id == again.id).unwrap();
        assert_eq!(again.message_id, first.message_id);
        assert_eq!(again.bounce_key, first.bounce_key);
        assert_eq!(again.attempts, 2);
    }

    /// Invitations are queued by ranges of ids: people whose ids fall in
    /// different ranges, with gaps and another survey's people between,
    /// each get one, the listed and active only, and a second call queues
    /// none; no statement sorts the survey's people to find a range.
    #[test]
    fn invitations_are_queued_over_every_range_of_ids_once() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("state.db")).unwrap();
        let b = INVITATION_BATCH;
        {
            let conn = store.lock();
            conn.execute_batch(
                "INSERT INTO surveys (id, title, created_at) VALUES ('s', 'S', 0), ('t', 'T', 0);",
            )
            .unwrap();
            let people: [(i64, &str, i64, &str); 6] = [
                (1, "s", 1, "active"),
                (b, "s", 1, "active"),
                (b + 1, "t", 1, "active"),
                (b + 2, "s", 0, "active"),
                (2 * b + 7, "s", 1, "bounced"),
                (3 * b + 5, "s", 1, "active"),
            ];
            for (id, survey, listed, status) in people {
                let token = Token::generate();
                conn.execute(
                    "INSERT INTO recipients (id, survey_id, email, email_key, name, selector, verifier, listed, status, added_at)
                     VALUES (?1, ?2, ?3, ?3, 'N', ?4, ?5, ?6, ?7, 0)",
                    params![id, survey, format!("p{id}@x.test"), token.selector(), token.verifier(), listed, status],
                )
                .unwrap();
            }
        }
        let now = Timestamp::from_second(100).unwrap();
        assert_eq!(store.queue_invitations("s", now).unwrap(), 3);
        assert_eq!(store.queue_invitations("s", now).unwrap(), 0);
        assert_eq!(store.queue_invitations("t", now).unwrap(), 1);
        let conn = store.lock();
        let invited: Vec<i64> = conn
            .prepare("SELECT recipient_id FROM outbox WHERE survey_id = 's' AND kind = 'invitation' ORDER BY recipient_id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(invited, vec![1, b, 3 * b + 5]);
        let plan: Vec<String> = conn
            .prepare(
                "EXPLAIN QUERY PLAN SELECT r.id FROM recipients r
                 WHERE r.survey_id = 's' AND r.listed = 1 AND r.status = 'active' AND r.id > 0 AND r.id <= 50000
                   AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.recipient_id = r.id AND o.kind = 'invitation')
                 ORDER BY r.id",
            )
            .unwrap()
            .query_map([], |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let plan = plan.join("\n");
        assert!(
            plan.contains("recipients_by_state (survey_id=? AND listed=? AND status=? AND rowid>? AND rowid<?)")
                && !plan.contains("TEMP B-TREE"),
            "{plan}"
        );
    }

    /// Every branch of who may still be mailed, one row each.
    #[test]
    fn who_may_still_be_mailed() {
        use CancelReason as C;
        use MailKind as K;
        use RecipientStatus as S;
        let person = |listed, status| Some(Person { listed, status });
        let cases: &[(MailKind, Option<Person>, bool, Mailable)] = &[
            (K::Report, None, false, Mailable::Send),
            (
                K::Invitation,
                person(true, S::Active),
                false,
                Mailable::Send,
            ),
            (
                K::Reminder,
                person(true, S::Active),
                true,
                Mailable::Cancel(C::Replied),
            ),
            (
                K::Reminder,
                person(false, S::Active),
                false,
                Mailable::Cancel(C::Unlisted),
            ),
            (
                K::Invitation,
                person(true, S::OptedOut),
                false,
                Mailable::Cancel(C::OptedOut),
            ),
            (
                K::Reminder,
                person(true, S::Bounced),
                false,
                Mailable::Cancel(C::Bounced),
            ),
            (
                K::Receipt,
                person(true, S::Withdrawn),
                false,
                Mailable::Cancel(C::Withdrawn),
            ),
            (
                K::OptOutConfirmation,
                person(true, S::OptedOut),
                false,
                Mailable::Send,
            ),
            (
                K::Confirmation,
                person(true, S::OptedOut),
                false,
                Mailable::Send,
            ),
            (
                K::Confirmation,
                person(true, S::Bounced),
                false,
                Mailable::Cancel(C::Bounced),
            ),
            (
                K::OptOutConfirmation,
                person(false, S::OptedOut),
                false,
                Mailable::Cancel(C::Unlisted),
            ),
        ];
        for (kind, person, replied, expected) in cases {
            assert_eq!(
                mailable(*kind, *person, *replied),
                *expected,
                "{kind} to {person:?}, replied {replied}"
            );
        }
    }

    /// The questionnaires waiting, counted from indexes: the same number
    /// as the rule (pending invitations and reminders, and listed, active
    /// people without an invitation) over people listed or not, active,
    /// bounced or opted out, with or without an invitation; no look at
    /// each listed person (the plan BENCHMARKS.md relies on).
    #[test]
    fn questionnaires_waiting_counts_from_indexes_what_the_rule_gives() {
        let (_dir, store, _survey) = crate::store::tests::store_with_survey();
        let conn = store.lock();
        conn.execute_batch(
            "INSERT INTO surveys (id, title, created_at) VALUES ('w', 'W', 0);
             INSERT INTO recipients (id, survey_id, email, email_key, name, selector, verifier, listed, status, added_at)
             VALUES (101, 'w', 'a', 'a', 'A', 'a00000000001', 'v', 1, 'active', 0),
                    (102, 'w', 'b', 'b', 'B', 'a00000000002', 'v', 1, 'active', 0),
                    (103, 'w', 'c', 'c', 'C', 'a00000000003', 'v', 1, 'active', 0),
                    (104, 'w', 'd', 'd', 'D', 'a00000000004', 'v', 0, 'active', 0),
                    (105, 'w', 'e', 'e', 'E', 'a00000000005', 'v', 0, 'active', 0),
                    (106, 'w', 'f', 'f', 'F', 'a00000000006', 'v', 1, 'bounced', 0),
                    (107, 'w', 'g', 'g', 'G', 'a00000000007', 'v', 1, 'opted_out', 0),
                    (108, 'w', 'h', 'h', 'H', 'a00000000008', 'v', 1, 'opted_out', 0),
                    (109, 'w', 'i', 'i', 'I', 'a00000000009', 'v', 1, 'active', 0);
             INSERT INTO outbox (survey_id, recipient_id, kind, seq, message_id, state, next_attempt_at, created_at)
             VALUES ('w', 101, 'invitation', 1, 'w1', 'sent', 0, 0),
                    ('w', 101, 'reminder', 1, 'w1r', 'pending', 0, 0),
                    ('w', 102, 'invitation', 1, 'w2', 'pending', 0, 0),
                    ('w', 104, 'invitation', 1, 'w4', 'cancelled', 0, 0),
                    ('w', 106, 'invitation', 1, 'w6', 'failed', 0, 0),
                    ('w', 107, 'invitation', 1, 'w7', 'sent', 0, 0),
                    ('w', 109, 'receipt', 1, 'w9', 'pending', 0, 0);",
        )
        .unwrap();
        let rule: i64 = conn
            .query_row(
                "SELECT (SELECT COUNT(*) FROM outbox WHERE survey_id = ?1 AND state = 'pending'
                           AND kind IN ('invitation', 'reminder'))
                      + (SELECT COUNT(*) FROM recipients r
                         WHERE r.survey_id = ?1 AND r.listed = 1 AND r.status = 'active'
                           AND NOT EXISTS (SELECT 1 FROM outbox o
                                           WHERE o.recipient_id = r.id AND o.kind = 'invitation'))",
                ["w"],
                |r| r.get(0),
            )
            .unwrap();
        // 101's reminder and 102's invitation pending; 103 and 109 not
        // invited yet.
        assert_eq!(rule, 4);
        let plan: Vec<String> = conn
            .prepare(&format!("EXPLAIN QUERY PLAN {QUESTIONNAIRES_WAITING}"))
            .unwrap()
            .query_map(["w"], |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        drop(conn);
        assert_eq!(store.questionnaires_waiting("w").unwrap(), rule as u64);
        assert_eq!(store.status_and_waiting("w").unwrap().1, rule as u64);
        let plan = plan.join("\n");
        for expected in [
            "SEARCH outbox USING COVERING INDEX outbox_by_kind (survey_id=? AND kind=? AND state=?)",
            "SEARCH recipients USING COVERING INDEX recipients_by_state (survey_id=? AND listed=? AND status=?)",
            "SEARCH outbox USING COVERING INDEX outbox_by_kind (survey_id=? AND kind=?)",
            "SEARCH r USING COVERING INDEX recipients_by_state (survey_id=? AND listed=?)",
            "SEARCH r USING COVERING INDEX recipients_by_state (survey_id=? AND listed=? AND status<?)",
            "SEARCH r USING COVERING INDEX recipients_by_state (survey_id=? AND listed=? AND status>?)",
        ] {
            assert!(plan.contains(expected), "{expected} in\n{plan}");
        }
        assert_eq!(
            plan.matches("outbox_by_recipient").count(),
            3,
            "only the people not listed or not active are looked up: {plan}"
        );
    }

    /// Under a quota, what the doctors who wrote are owed and the leads'
    /// mail go before the questionnaires; with the quota used up, the
    /// leads' mail alone.
    #[test]
    fn claims_follow_ups_first_and_the_leads_mail_alone_when_asked() {
        let (_dir, store, survey) = crate::store::tests::store_with_survey();
        let t0 = Timestamp::UNIX_EPOCH;
        let people = crate::survey::recipients::load(&survey.recipients_file).unwrap();
        store.sync_recipients(&survey.id, &people, t0).unwrap();
        // Not queued yet: waiting all the same (what status's outlook counts).
        assert_eq!(
            store.questionnaires_waiting(&survey.id).unwrap(),
            people.len() as u64
        );
        store.queue_invitations(&survey.id, t0).unwrap();
        let person = store.recipients(&survey.id).unwrap().remove(0);
        store
            .lock()
            .execute(
                "INSERT INTO outbox (survey_id, recipient_id, kind, seq, message_id, body, next_attempt_at, created_at)
                 VALUES (?1, ?2, 'receipt', 1, 'receipt.1@example.org', x'00', 5, 5)",
                params![survey.id, person.id],
            )
            .unwrap();
        let now = t0 + jiff::SignedDuration::from_secs(20);
        let kind = |which| {
            store
                .claim_due_of(&survey.id, "x.test", now, None, which)
                .unwrap()
                .map(|c| c.kind)
        };
        assert_eq!(kind(Claimable::LeadsOnly), None, "no leads' mail due");
        assert_eq!(
            store.questionnaires_waiting(&survey.id).unwrap(),
            people.len() as u64
        );
        store
            .queue_report(
                &survey.id,
                "report.1@example.org",
                b"report",
                t0 + jiff::SignedDuration::from_secs(10),
            )
            .unwrap();
        assert_eq!(kind(Claimable::LeadsOnly), Some(MailKind::Report));
        assert_eq!(kind(Claimable::FollowUpsFirst), Some(MailKind::Receipt));
        assert_eq!(kind(Claimable::FollowUpsFirst), Some(MailKind::Invitation));
        assert_eq!(kind(Claimable::LeadsOnly), None);
        // The quota counts recipients: the report once per lead.
        store
            .lock()
            .execute(
                "UPDATE outbox SET state = 'sent', sent_at = 20 WHERE kind IN ('report', 'receipt')",
                [],
            )
            .unwrap();
        assert_eq!(store.sent_since(&survey.id, t0, 3).unwrap(), vec![20; 4]);
        assert!(store.sent_since(&survey.id, now, 3).unwrap().is_empty());
    }

    /// An invitation the send-time check cancelled because the person was
    /// opted out comes back when the opt-out is undone ("not me"): before
    /// the typed reason, only the sentence ingest wrote was restored.
    #[test]
    fn an_invitation_cancelled_at_send_time_is_restored_by_its_reason() {
        let (_dir, store, survey) = crate::store::tests::store_with_survey();
        let now = Timestamp::UNIX_EPOCH;
        let people = crate::survey::recipients::load(&survey.recipients_file).unwrap();
        store.sync_recipients(&survey.id, &people, now).unwrap();
        store.queue_invitations(&survey.id, now).unwrap();
        let person = store.recipients(&survey.id).unwrap().remove(0);
        store
            .lock()
            .execute(
                "UPDATE recipients SET status = 'opted_out' WHERE id = ?1",
                [person.id],
            )
            .unwrap();
        while let Some(claimed) = store.claim_due(&survey.id, "x.test", now, None).unwrap() {
            assert_ne!(claimed.recipient.map(|r| r.id), Some(person.id));
        }
        let reason: Option<CancelReason> = store
            .lock()
            .query_row(
                "SELECT cancel_reason FROM outbox WHERE recipient_id = ?1 AND kind = 'invitation'",
                [person.id],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(reason, Some(CancelReason::OptedOut));
        assert_eq!(
            store
                .restore_cancelled(person.id, CancelReason::Bounced)
                .unwrap(),
            0
        );
        assert_eq!(
            store
                .restore_cancelled(person.id, CancelReason::OptedOut)
                .unwrap(),
            1
        );
        store
            .lock()
            .execute(
                "UPDATE recipients SET status = 'active' WHERE id = ?1",
                [person.id],
            )
            .unwrap();
        let claimed = store
            .claim_due(&survey.id, "x.test", now, None)
            .unwrap()
            .unwrap();
        assert_eq!(claimed.recipient.map(|r| r.id), Some(person.id));
        assert_eq!(claimed.kind, MailKind::Invitation);
    }

    /// An outbox row as the upgrade test reads it back: kind, state,
    /// last_error, cancel_reason, attempts, body, next_attempt_at.
    type Row = (
        String,
        String,
        Option<String>,
        Option<String>,
        u32,
        Vec<u8>,
        i64,
    );

    /// A database written by the release before the typed reason (schema
    /// 0012), mid-collection, with every sentence a cancelled email could
    /// carry: opened by this code, each becomes its reason, a sentence it
    /// does not know stays as it was, mail not cancelled is untouched, and
    /// "not me" can restore both kinds of opt-out cancellation.
    #[test]
    fn cancelled_mail_of_a_database_before_0013_keeps_why() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.db");
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, 12).unwrap();
        conn.execute(
            "INSERT INTO surveys (id, title, created_at) VALUES ('s', 'S', 0)",
            [],
        )
        .unwrap();
        let token = crate::compose::token::Token::generate();
        conn.execute(
            "INSERT INTO recipients (id, survey_id, email, email_key, name, selector, verifier, status, added_at)
             VALUES (1, 's', 'a@x.test', 'a@x.test', 'A', ?1, ?2, 'opted_out', 0)",
            params![token.selector(), token.verifier()],
        )
        .unwrap();
        let rows: &[(&str, &str, Option<&str>)] = &[
            ("invitation", "cancelled", Some("recipient is opted_out")),
            ("receipt", "cancelled", Some("recipient opted_out")),
            ("clarification", "cancelled", Some("recipient bounced")),
            ("reminder", "cancelled", Some("recipient is bounced")),
            (
                "opt_out_confirmation",
                "cancelled",
                Some("recipient withdrawn"),
            ),
            ("confirmation", "cancelled", Some("recipient is withdrawn")),
            ("closed_notice", "cancelled", Some("withdrawn")),
            (
                "receipt",
                "cancelled",
                Some("removed from the recipient list"),
            ),
            (
                "clarification",
                "cancelled",
                Some("recipient is no longer listed"),
            ),
            (
                "reminder",
                "cancelled",
                Some("replied before the reminder went"),
            ),
            ("reminder", "cancelled", Some("the survey closed")),
            (
                "reminder",
                "cancelled",
                Some("cancelled by hand, for a test"),
            ),
            (
                "receipt",
                "pending",
                Some("refused by the provider: sending limit"),
            ),
            ("receipt", "sent", None),
        ];
        for (seq, (kind, state, error)) in rows.iter().enumerate() {
            conn.execute(
                "INSERT INTO outbox (survey_id, recipient_id, kind, seq, message_id, state, attempts, last_error, body, next_attempt_at, created_at)
                 VALUES ('s', 1, ?1, ?2, ?3, ?4, 1, ?5, X'6869', 7, 5)",
                params![kind, seq as i64, format!("m{seq}@x.test"), state, error],
            )
            .unwrap();
        }
        drop(conn);

        let store = Store::open(&path).unwrap();
        let read: Vec<Row> = {
            let conn = store.lock();
            let mut stmt = conn
                .prepare(
                    "SELECT kind, state, last_error, cancel_reason, attempts, body, next_attempt_at
                     FROM outbox ORDER BY seq",
                )
                .unwrap();
            stmt.query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            })
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
        };
        let expected = [
            (None, Some("opted_out")),
            (None, Some("opted_out")),
            (None, Some("bounced")),
            (None, Some("bounced")),
            (None, Some("withdrawn")),
            (None, Some("withdrawn")),
            (None, Some("withdrawn")),
            (None, Some("unlisted")),
            (None, Some("unlisted")),
            (None, Some("replied")),
            (None, Some("closed")),
            (Some("cancelled by hand, for a test"), None),
            (Some("refused by the provider: sending limit"), None),
            (None, None),
        ];
        assert_eq!(read.len(), rows.len());
        for (i, (row, (error, reason))) in read.iter().zip(expected).enumerate() {
            assert_eq!(row.0, rows[i].0, "row {i}: kind");
            assert_eq!(row.1, rows[i].1, "row {i}: state");
            assert_eq!(row.2.as_deref(), error, "row {i}: last_error");
            assert_eq!(row.3.as_deref(), reason, "row {i}: cancel_reason");
            assert_eq!(
                (row.4, row.5.as_slice(), row.6),
                (1, &b"hi"[..], 7),
                "row {i}"
            );
        }
        // Every reason read back is a known word.
        for reason in read.iter().filter_map(|r| r.3.as_deref()) {
            assert!(CancelReason::from_name(reason).is_some(), "{reason}");
        }
        // The opt-out cancelled both at ingest and at send time: both back.
        assert_eq!(
            store.restore_cancelled(1, CancelReason::OptedOut).unwrap(),
            2
        );
        let pending: i64 = store
            .lock()
            .query_row(
                "SELECT COUNT(*) FROM outbox WHERE state = 'pending' AND kind IN ('invitation', 'receipt')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(pending, 3);
    }
}
