//! The store side of confirmation by email ([`crate::decide::confirmation`]): the
//! one pending confirmation per person, what it holds, and what the
//! person's "confirm" or "not me" does, written in the transaction of the
//! message that caused it.

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, params};

use super::Cached;
use super::answers::insert_answers;
use super::{HeldDecision, Store};
use crate::Result;
use crate::decide::confirmation::{Change, Request, Settlement};

/// A person's pending confirmation.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingConfirmation {
    /// Its row id.
    pub id: i64,
    /// What it holds.
    pub request: Request,
    /// An email asking was queued for it.
    pub mailed: bool,
}

impl Store {
    /// The person's pending confirmation, if any.
    pub fn pending_confirmation(&self, recipient_id: i64) -> Result<Option<PendingConfirmation>> {
        pending(&self.lock(), recipient_id)
    }
}

/// The person's pending confirmation, if any.
pub(super) fn pending(conn: &Connection, recipient_id: i64) -> Result<Option<PendingConfirmation>> {
    let row: Option<(i64, String, bool)> = conn
        .query_row_cached(
            "SELECT id, request, mailed FROM confirmations WHERE recipient_id = ?1 AND state = 'pending'",
            [recipient_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    row.map(|(id, request, mailed)| {
        Ok(PendingConfirmation {
            id,
            request: request_of(id, &request)?,
            mailed,
        })
    })
    .transpose()
}

/// What our confirmation email `message_id` to `recipient_id` showed:
/// the digest stored with it (`None`: not ours, not theirs, or sent before
/// digests were stored).
pub(super) fn shown(
    conn: &Connection,
    recipient_id: i64,
    message_id: &str,
) -> Result<Option<String>> {
    Ok(conn
        .query_row_cached(
            "SELECT shows FROM outbox WHERE message_id = ?1 AND recipient_id = ?2 AND kind = 'confirmation'",
            params![message_id, recipient_id],
            |r| r.get::<_, Option<String>>(0),
        )
        .optional()?
        .flatten())
}

/// A stored request, or an error naming its row: a request that does not
/// decode is never taken for an empty one (which "confirm" would count as
/// nothing, in silence).
fn request_of(id: i64, text: &str) -> Result<Request> {
    serde_json::from_str(text).map_err(|e| crate::Error::Decode {
        table: "confirmations",
        row: id,
        detail: format!("the stored request does not decode ({e})"),
    })
}

/// Records what message `message_row` does to the person's confirmation.
pub(super) fn apply(
    tx: &Connection,
    survey_id: &str,
    recipient_id: i64,
    message_row: i64,
    change: &Change,
    now: Timestamp,
) -> Result<()> {
    match change {
        Change::Hold { request, mailed } => {
            let id = match pending(tx, recipient_id)? {
                Some(mut held) => {
                    held.request.merge(request);
                    tx.execute_cached(
                        "UPDATE confirmations SET request = ?2, mailed = mailed OR ?3, updated_at = ?4 WHERE id = ?1",
                        params![held.id, to_json(&held.request), mailed, now.as_second()],
                    )?;
                    held.id
                }
                None => {
                    tx.execute_cached(
                        "INSERT INTO confirmations (survey_id, recipient_id, request, mailed, created_at, updated_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                        params![survey_id, recipient_id, to_json(request), mailed, now.as_second()],
                    )?;
                    tx.last_insert_rowid()
                }
            };
            tx.execute_cached(
                "UPDATE messages SET confirmation_id = ?2 WHERE id = ?1",
                params![message_row, id],
            )?;
        }
        Change::Settle { id, settlement, by } => {
            settle(tx, survey_id, *id, settlement, by, message_row, now)?
        }
    }
    Ok(())
}

/// Writes what the person's answer to confirmation `id` does
/// ([`crate::decide::confirmation::settle`] decided it), unless it was settled
/// already (the same answer twice).
fn settle(
    tx: &Connection,
    survey_id: &str,
    id: i64,
    settlement: &Settlement,
    by: &str,
    message_row: i64,
    now: Timestamp,
) -> Result<()> {
    let recipient_id: Option<i64> = tx
        .query_row_cached(
            "SELECT recipient_id FROM confirmations WHERE id = ?1 AND state = 'pending'",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    let Some(recipient_id) = recipient_id else {
        return Ok(());
    };
    let row = Some(message_row);
    insert_answers(
        tx,
        survey_id,
        recipient_id,
        row,
        &settlement.answers,
        Some(by),
        now,
    )?;
    insert_answers(
        tx,
        survey_id,
        recipient_id,
        row,
        &settlement.confirmed,
        Some(super::CONFIRMED_BY),
        now,
    )?;
    if settlement.withdrawal {
        super::answers::set_aside(tx, survey_id, recipient_id, Some(message_row), by, now)?;
        tx.execute_cached(
            "INSERT OR IGNORE INTO flags (survey_id, recipient_id, message_row, kind, note, created_at)
             VALUES (?1, ?2, ?3, 'withdraw_request', ?4, ?5)",
            params![
                survey_id,
                recipient_id,
                message_row,
                "asked, and confirmed by email, for their answers to be deleted: set aside, out of the report and exports; `mailsurvey review --restore EMAIL` brings them back, `mailsurvey withdraw` deletes them",
                now.as_second()
            ],
        )?;
    }
    if settlement.stop_mail {
        let stopped = tx.execute_cached(
            "UPDATE recipients SET status = 'opted_out', status_note = 'asked from another address, and confirmed by email, to receive no more mail' WHERE id = ?1 AND status = 'active'",
            [recipient_id],
        )?;
        if stopped > 0 {
            tx.execute_cached(
                "UPDATE outbox SET state = 'cancelled', cancel_reason = ?2
                 WHERE recipient_id = ?1 AND state = 'pending' AND kind IN ('invitation', 'reminder', 'receipt', 'clarification')",
                params![recipient_id, super::CancelReason::OptedOut],
            )?;
        }
    }
    if settlement.restart_mail {
        let restarted = tx.execute_cached(
            "UPDATE recipients SET status = 'active', status_note = NULL WHERE id = ?1 AND status = 'opted_out'",
            [recipient_id],
        )?;
        if restarted > 0 {
            super::outbox::restore_cancelled(tx, recipient_id, super::CancelReason::OptedOut)?;
        }
    }
    let decision = if settlement.accepted() {
        HeldDecision::Accepted
    } else {
        HeldDecision::Rejected
    };
    // Every message that asked, held or not (a stop of mail without a
    // token is applied at once, not held): "not me" rejects them all, as
    // if they never came; "confirm" accepts them.
    tx.execute_cached(
        "UPDATE messages SET decision = ?2 WHERE confirmation_id = ?1 AND (decision = 'held' OR decision IS NULL)",
        params![id, decision],
    )?;
    tx.execute_cached(
        "UPDATE confirmations SET state = ?2, resolved_at = ?3, resolved_by = ?4, updated_at = ?3 WHERE id = ?1",
        params![id, settlement.state(), now.as_second(), by],
    )?;
    tx.execute_cached(
        "INSERT INTO decisions (survey_id, recipient_id, message_row, action, detail, decided_by, decided_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            survey_id,
            recipient_id,
            message_row,
            settlement.action(),
            settlement.detail,
            by,
            now.as_second()
        ],
    )?;
    Ok(())
}

fn to_json(request: &Request) -> String {
    serde_json::to_string(request).expect("a request serialises")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_request_that_does_not_decode_is_an_error_naming_its_row() {
        let err = request_of(7, "{\"answers\": {\"q1\": [")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("confirmations row 7") && err.contains("does not decode"),
            "{err}"
        );
        let stored = serde_json::to_string(&Request::default()).unwrap();
        assert_eq!(request_of(1, &stored).unwrap(), Request::default());
    }
}
