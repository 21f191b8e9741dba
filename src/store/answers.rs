//! Answers in the store: each person's current answer per question (a new
//! one supersedes the old, which is kept), written and read back with its
//! status, value and source.

use std::collections::BTreeMap;

use jiff::Timestamp;
use rusqlite::{Connection, params};

use super::Cached;
use super::Store;
use super::rows::collect;
use crate::understand::answer::{Answer, Status};
use crate::{Error, Result};

impl Store {
    /// A person's current answers.
    pub fn current_answers(&self, recipient_id: i64) -> Result<BTreeMap<String, Answer>> {
        current_answers(&self.lock(), recipient_id)
    }

    /// Current answers that are unclear or invalid: (recipient id, email,
    /// question, answer).
    pub fn unsettled_answers(&self, survey_id: &str) -> Result<Vec<(i64, String, String, Answer)>> {
        let conn = self.lock();
        let rows = collect(
            &conn,
            "SELECT a.recipient_id, r.email, a.question_id, a.status, a.value, a.other, a.reason, a.source, a.id
             FROM answers a JOIN recipients r ON r.id = a.recipient_id
             WHERE a.survey_id = ?1 AND a.current = 1 AND a.status != 'ok' ORDER BY r.email, a.question_id",
            [survey_id],
            |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, answer_from_row(r, 3)?))
            },
        )?;
        Ok(rows)
    }

    /// Every person's current answers, by recipient id.
    pub fn all_current_answers(
        &self,
        survey_id: &str,
    ) -> Result<BTreeMap<i64, BTreeMap<String, Answer>>> {
        let conn = self.lock();
        let rows: Vec<(i64, String, Answer)> = collect(
            &conn,
            "SELECT recipient_id, question_id, status, value, other, reason, source, id FROM answers
             WHERE survey_id = ?1 AND current = 1 ORDER BY id",
            [survey_id],
            |r| Ok((r.get(0)?, r.get(1)?, answer_from_row(r, 2)?)),
        )?;
        let mut out: BTreeMap<i64, BTreeMap<String, Answer>> = BTreeMap::new();
        for (recipient, question, answer) in rows {
            out.entry(recipient).or_default().insert(question, answer);
        }
        Ok(out)
    }
}

pub(super) fn insert_answers(
    tx: &Connection,
    survey_id: &str,
    recipient_id: i64,
    message_row: Option<i64>,
    answers: &BTreeMap<String, Answer>,
    decided_by: Option<&str>,
    now: Timestamp,
) -> Result<()> {
    for (question, answer) in answers {
        tx.execute_cached(
            "UPDATE answers SET current = 0 WHERE recipient_id = ?1 AND question_id = ?2 AND current = 1",
            params![recipient_id, question],
        )?;
        tx.execute_cached(
            "INSERT INTO answers (survey_id, recipient_id, question_id, message_row, status, value, other, reason, source, decided_by, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                survey_id,
                recipient_id,
                question,
                message_row,
                status_name(answer.status),
                answer.value.as_ref().map(|v| serde_json::to_string(v).expect("values serialise")),
                answer.other,
                answer.reason,
                answer.source,
                decided_by,
                now.as_second()
            ],
        )?;
    }
    Ok(())
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Ok => "ok",
        Status::Unclear => "unclear",
        Status::Invalid => "invalid",
        Status::Inferred => "inferred",
    }
}

/// An answer's columns, from `first` on, followed by its row id. A status
/// or value that does not decode is an error naming the row: an answer
/// read back wrong must never count.
fn answer_from_row(r: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<Answer> {
    let status: String = r.get(first)?;
    let value: Option<String> = r.get(first + 1)?;
    let row: i64 = r.get(first + 5)?;
    let bad = |column: usize, detail: String| {
        rusqlite::Error::FromSqlConversionFailure(
            column,
            rusqlite::types::Type::Text,
            Box::new(Error::Decode {
                table: "answers",
                row,
                detail,
            }),
        )
    };
    let status = match status.as_str() {
        "ok" => Status::Ok,
        "unclear" => Status::Unclear,
        "invalid" => Status::Invalid,
        "inferred" => Status::Inferred,
        other => return Err(bad(first, format!("unknown status '{other}'"))),
    };
    let value = value
        .map(|v| {
            serde_json::from_str(&v)
                .map_err(|e| bad(first + 1, format!("value {v:?} does not decode: {e}")))
        })
        .transpose()?;
    if status == Status::Ok && value.is_none() {
        return Err(bad(first + 1, "an ok answer without a value".into()));
    }
    Ok(Answer {
        status,
        value,
        other: r.get(first + 2)?,
        reason: r.get(first + 3)?,
        source: r.get(first + 4)?,
    })
}

pub(super) fn current_answers(
    conn: &rusqlite::Connection,
    recipient_id: i64,
) -> Result<BTreeMap<String, Answer>> {
    let rows = collect(
        conn,
        "SELECT question_id, status, value, other, reason, source, id FROM answers
         WHERE recipient_id = ?1 AND current = 1 ORDER BY id",
        [recipient_id],
        |r| Ok((r.get::<_, String>(0)?, answer_from_row(r, 1)?)),
    )?;
    Ok(rows)
}
