//! The progress digest's reads and its one write: which slot was served
//! last, who bounced and why, and queueing a digest for its slot at most
//! once (crate::report::digest says what it holds and when it goes).

use jiff::Timestamp;
use rusqlite::{OptionalExtension, params};

use super::{Cached, MailKind, Store, rows};
use crate::Result;
use crate::report::digest::{Cause, Slot};

/// A listed person whose mail bounced or was refused, as the digest
/// names them: only on proof that it was ours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BouncedPerson {
    /// Name, from the recipient list.
    pub name: String,
    /// Address, from the recipient list.
    pub email: String,
    /// What the server said, as recorded (a stranger's words: shown only
    /// through `crate::report::shown::unlinked`).
    pub reason: Option<String>,
}

/// What the digest reads from the store beyond the report's figures and
/// `status`.
#[derive(Debug, Clone, Default)]
pub struct DigestReads {
    /// People marked bounced by a bounce proven ours (VERP key, our
    /// Message-ID or token), and people whose invitation our own SMTP
    /// server refused for good; by name.
    pub bounced: Vec<BouncedPerson>,
    /// Listed, active people whose invitation has not been sent.
    pub not_yet_sent: usize,
    /// Listed people who asked for no more mail.
    pub opted_out: usize,
}

impl Store {
    /// The last scheduled slot a digest was queued for, if any.
    pub fn last_digest_slot(&self, survey_id: &str) -> Result<Option<Timestamp>> {
        let at: Option<i64> = self.lock().query_row_cached(
            "SELECT MAX(slot_at) FROM digests WHERE survey_id = ?1",
            [survey_id],
            |r| r.get(0),
        )?;
        at.map(|at| rows::timestamp("digests", 0, at)).transpose()
    }

    /// Queues a digest for the leads like every email (an outbox row, its
    /// VERP key, retried until sent), recording its slot in the same
    /// transaction. Returns false, queueing nothing, when the slot was
    /// served already: a slot goes at most once, whatever crashed after
    /// (the caller builds the digest before it knows; that costs a read).
    /// A digest asked for (`slot` None) is always queued.
    pub fn queue_digest(
        &self,
        survey_id: &str,
        slot: Option<Slot>,
        message_id: &str,
        body: &[u8],
        now: Timestamp,
    ) -> Result<bool> {
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        if let Some(slot) = slot {
            let served: bool = tx.query_row_cached(
                "SELECT EXISTS (SELECT 1 FROM digests WHERE survey_id = ?1 AND slot_at = ?2)",
                params![survey_id, slot.at.as_second()],
                |r| r.get(0),
            )?;
            if served {
                return Ok(false);
            }
        }
        let queued = tx.execute_cached(
            "INSERT OR IGNORE INTO outbox (survey_id, recipient_id, kind, seq, message_id, body, next_attempt_at, created_at)
             VALUES (?1, NULL, ?2,
                     (SELECT COUNT(*) + 1 FROM outbox WHERE survey_id = ?1 AND kind = ?2),
                     ?3, ?4, ?5, ?5)",
            params![survey_id, MailKind::Digest, message_id, body, now.as_second()],
        )?;
        if queued == 0 {
            return Ok(false);
        }
        let outbox_id = tx.last_insert_rowid();
        let (cause, reminder) = match slot.map(|s| s.cause) {
            None => ("requested", None),
            Some(Cause::Reminder(n)) => ("reminder", Some(n)),
            Some(Cause::BeforeClose) => ("before_close", None),
            Some(Cause::Weekly) => ("weekly", None),
        };
        tx.execute_cached(
            "INSERT INTO digests (survey_id, slot_at, cause, reminder, outbox_id, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                survey_id,
                slot.map(|s| s.at.as_second()),
                cause,
                reminder,
                outbox_id,
                now.as_second()
            ],
        )?;
        tx.commit()?;
        Ok(true)
    }

    /// The digest's own reads: bounced people by name with the server's
    /// words, invitations not yet sent, opt-outs.
    pub fn digest_reads(&self, survey_id: &str) -> Result<DigestReads> {
        let conn = self.lock();
        // A recipient is marked bounced only on a bounce proven ours
        // (an unverified report flags, and marks nobody); an invitation
        // our SMTP server refused for good is ours too.
        let mut statement = conn.prepare_cached(
            "SELECT r.name, r.email,
                    CASE WHEN r.status = 'bounced' THEN r.status_note
                         ELSE (SELECT o.last_error FROM outbox o WHERE o.recipient_id = r.id
                               AND o.kind = 'invitation' AND o.state = 'failed' LIMIT 1) END
             FROM recipients r
             WHERE r.survey_id = ?1 AND r.listed = 1
               AND (r.status = 'bounced'
                    OR EXISTS (SELECT 1 FROM outbox o WHERE o.recipient_id = r.id
                               AND o.kind = 'invitation' AND o.state = 'failed'))
             ORDER BY r.name, r.email",
        )?;
        let bounced = statement
            .query_map([survey_id], |r| {
                Ok(BouncedPerson {
                    name: r.get(0)?,
                    email: r.get(1)?,
                    reason: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let count = |sql: &str| -> Result<usize> {
            Ok(conn.query_row_cached(sql, [survey_id], |r| r.get::<_, i64>(0))? as usize)
        };
        let not_yet_sent = count(
            "SELECT COUNT(*) FROM recipients r
             WHERE r.survey_id = ?1 AND r.listed = 1 AND r.status = 'active'
               AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.recipient_id = r.id
                               AND o.kind = 'invitation' AND o.state IN ('sent', 'failed'))",
        )?;
        let opted_out = count(
            "SELECT COUNT(*) FROM recipients WHERE survey_id = ?1 AND listed = 1 AND status = 'opted_out'",
        )?;
        Ok(DigestReads {
            bounced,
            not_yet_sent,
            opted_out,
        })
    }

    /// The outbox state of the digest queued for a slot, if any (tests and
    /// `status` read it this way).
    pub fn digest_for_slot(&self, survey_id: &str, slot_at: Timestamp) -> Result<Option<String>> {
        Ok(self
            .lock()
            .query_row_cached(
                "SELECT o.state FROM digests d JOIN outbox o ON o.id = d.outbox_id
                 WHERE d.survey_id = ?1 AND d.slot_at = ?2",
                params![survey_id, slot_at.as_second()],
                |r| r.get(0),
            )
            .optional()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::MailState;
    use crate::store::open::migrations;
    use rusqlite::Connection;

    fn slot(at: i64) -> Slot {
        Slot {
            at: Timestamp::from_second(at).unwrap(),
            cause: Cause::Weekly,
        }
    }

    /// A database written by the release before the digest (migrations up
    /// to 0017, mid-collection: a report requested and sent) opens, has
    /// no digest, and then serves each slot once, across a reopening.
    #[test]
    fn a_database_from_before_0018_opens_and_serves_each_digest_slot_once() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.db");
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, 17).unwrap();
        conn.execute_batch(
            "INSERT INTO surveys (id, title, created_at) VALUES ('s', 'S', 0);
             INSERT INTO outbox (survey_id, kind, seq, message_id, state, next_attempt_at, created_at, bounce_key)
             VALUES ('s', 'requested_report', 1, 'report.s.requested.1@x', 'sent', 0, 0, 'k');",
        )
        .unwrap();
        drop(conn);
        let now = Timestamp::from_second(1_000).unwrap();
        let store = Store::open(&path).unwrap();
        assert_eq!(store.last_digest_slot("s").unwrap(), None);
        assert!(
            store
                .queue_digest("s", Some(slot(900)), "digest.s.900@x", b"body", now)
                .unwrap()
        );
        assert!(
            !store
                .queue_digest("s", Some(slot(900)), "digest.s.900@x", b"body", now)
                .unwrap(),
            "the same slot again"
        );
        drop(store);
        // After a crash and a restart: the slot is still served.
        let store = Store::open(&path).unwrap();
        assert!(
            !store
                .queue_digest("s", Some(slot(900)), "digest.s.900.again@x", b"body", now)
                .unwrap()
        );
        assert_eq!(
            store.last_digest_slot("s").unwrap(),
            Some(Timestamp::from_second(900).unwrap())
        );
        assert_eq!(
            store
                .digest_for_slot("s", Timestamp::from_second(900).unwrap())
                .unwrap()
                .as_deref(),
            Some("pending")
        );
        // Asked for: always queued, and no slot of the schedule.
        assert!(
            store
                .queue_digest("s", None, "digest.s.requested.1000@x", b"body", now)
                .unwrap()
        );
        assert_eq!(
            store.last_digest_slot("s").unwrap(),
            Some(Timestamp::from_second(900).unwrap())
        );
        let status = store.status("s").unwrap();
        assert_eq!(status.outbox[&MailKind::Digest][&MailState::Pending], 2);
        assert_eq!(
            status.outbox[&MailKind::RequestedReport][&MailState::Sent],
            1
        );
    }
}
