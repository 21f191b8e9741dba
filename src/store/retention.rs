//! The store side of retention (`mailsurvey purge`, [`crate::report::retention`]):
//! deleting the personal data of a survey whose report has gone, keeping
//! the answers under pseudonyms.

use jiff::Timestamp;
use rusqlite::{OptionalExtension, params};

use super::Cached;
use super::Store;
use crate::Result;

/// What a purge deleted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Purged {
    /// People whose name and address were replaced by a pseudonym.
    pub people: usize,
    /// Messages whose raw bytes and sender were deleted.
    pub messages: usize,
    /// Answers kept, under pseudonyms.
    pub answers_kept: usize,
}

impl Store {
    /// When the report went to the lead(s), if it has.
    pub fn report_sent_at(&self, survey_id: &str) -> Result<Option<Timestamp>> {
        let at: Option<i64> = self
            .lock()
            .query_row_cached(
                "SELECT MAX(sent_at) FROM outbox WHERE survey_id = ?1 AND kind = 'report' AND state = 'sent'",
                [survey_id],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        Ok(at.and_then(|s| Timestamp::from_second(s).ok()))
    }

    /// When the survey's personal data was purged, if it was.
    pub fn purged_at(&self, survey_id: &str) -> Result<Option<Timestamp>> {
        purged_at(&self.lock(), survey_id)
    }

    /// Deletes the survey's personal data in one transaction, then
    /// rewrites the file (VACUUM) so the deleted bytes do not linger in
    /// free pages or the write-ahead log:
    ///
    /// - raw messages, senders, Message-IDs, reasons and flag notes (which
    ///   quote addresses); the text answers were read from (`source`);
    /// - names and addresses, replaced by pseudonyms: respondents `R001`,
    ///   ... in the order the report numbers them, others `N001`, ...;
    /// - every list column but `keep_attribute` (the report's breakdown);
    /// - stored outgoing mail and send errors; held, unconfirmed answers.
    ///
    /// Kept: answers (values, "other" texts, status), statuses, counts and
    /// the decisions log, so the report can be rebuilt with the same
    /// figures. The survey is marked purged: the recipient list is no
    /// longer read, so it cannot bring the names back.
    pub fn purge(
        &self,
        survey_id: &str,
        keep_attribute: Option<&str>,
        now: Timestamp,
    ) -> Result<Purged> {
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        let mut purged = Purged::default();
        // Respondents in the report's order: by their first current answer,
        // those with at least one valid answer.
        let respondents: Vec<i64> = {
            let mut stmt = tx.prepare_cached(
                "SELECT recipient_id FROM answers WHERE survey_id = ?1 AND current = 1
                 GROUP BY recipient_id HAVING SUM(status = 'ok') > 0 ORDER BY MIN(created_at), MIN(id)",
            )?;
            stmt.query_map([survey_id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        let everyone: Vec<(i64, String)> = {
            let mut stmt = tx.prepare_cached(
                "SELECT id, attributes FROM recipients WHERE survey_id = ?1 ORDER BY id",
            )?;
            stmt.query_map([survey_id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        let mut others = 0;
        for (id, attributes) in &everyone {
            let pseudonym = match respondents.iter().position(|r| r == id) {
                Some(i) => format!("R{:03}", i + 1),
                None => {
                    others += 1;
                    format!("N{others:03}")
                }
            };
            let attributes: std::collections::BTreeMap<String, String> =
                serde_json::from_str(attributes).unwrap_or_default();
            let kept: std::collections::BTreeMap<String, String> = attributes
                .into_iter()
                .filter(|(k, _)| Some(k.as_str()) == keep_attribute)
                .collect();
            let placeholder = format!("{}@purged.invalid", pseudonym.to_lowercase());
            tx.execute_cached(
                "UPDATE recipients SET name = ?2, email = ?3, email_key = ?3, attributes = ?4, status_note = NULL WHERE id = ?1",
                params![
                    id,
                    pseudonym,
                    placeholder,
                    serde_json::to_string(&kept).expect("a map serialises")
                ],
            )?;
            purged.people += 1;
        }
        tx.execute_cached(
            "DELETE FROM message_bytes WHERE message_id IN (SELECT id FROM messages WHERE survey_id = ?1)",
            [survey_id],
        )?;
        purged.messages = tx.execute_cached(
            "UPDATE messages SET raw = X'', sender = NULL, message_id = NULL, reason = NULL, failure = NULL
             WHERE survey_id = ?1",
            [survey_id],
        )?;
        tx.execute_cached(
            "UPDATE answers SET source = '' WHERE survey_id = ?1",
            [survey_id],
        )?;
        tx.execute_cached(
            "UPDATE flags SET note = NULL WHERE survey_id = ?1",
            [survey_id],
        )?;
        tx.execute_cached(
            "UPDATE outbox SET body = NULL, last_error = NULL, sent_to = NULL, bounce_note = NULL WHERE survey_id = ?1",
            [survey_id],
        )?;
        tx.execute_cached(
            "UPDATE health SET problem = NULL WHERE survey_id = ?1",
            [survey_id],
        )?;
        tx.execute_cached(
            "UPDATE confirmations SET request = '{}' WHERE survey_id = ?1",
            [survey_id],
        )?;
        // Answers set aside at their person's request were kept only for
        // the lead to restore until now.
        tx.execute_cached(
            "DELETE FROM answers WHERE survey_id = ?1 AND set_aside_id IS NOT NULL",
            [survey_id],
        )?;
        purged.answers_kept = tx.query_row_cached(
            "SELECT COUNT(*) FROM answers WHERE survey_id = ?1 AND current = 1",
            [survey_id],
            |r| r.get::<_, i64>(0),
        )? as usize;
        tx.execute_cached(
            "UPDATE surveys SET purged_at = ?2 WHERE id = ?1",
            params![survey_id, now.as_second()],
        )?;
        tx.commit()?;
        // Deleted bytes stay in free pages and the log until rewritten.
        conn.execute_batch(
            "PRAGMA wal_checkpoint(TRUNCATE); VACUUM; PRAGMA wal_checkpoint(TRUNCATE);",
        )?;
        Ok(purged)
    }
}

pub(super) fn purged_at(conn: &rusqlite::Connection, survey_id: &str) -> Result<Option<Timestamp>> {
    let at: Option<i64> = conn
        .query_row_cached(
            "SELECT purged_at FROM surveys WHERE id = ?1",
            [survey_id],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    Ok(at.and_then(|s| Timestamp::from_second(s).ok()))
}
