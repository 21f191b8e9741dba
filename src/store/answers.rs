//! Answers in the store: each person's current answer per question (a new
//! one supersedes the old, which is kept), written and read back with its
//! status, value and source; and answers set aside at the person's request
//! (out of every count, restorable by the lead until the purge).

use std::collections::BTreeMap;

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, params};

use super::Cached;
use super::Store;
use super::rows::{collect, timestamp};
use crate::understand::answer::{Answer, Status, Value};
use crate::{Error, Result};

impl Store {
    /// A person's current answers (none for no one listed).
    pub fn current_answers(&self, recipient_id: i64) -> Result<BTreeMap<String, Answer>> {
        let conn = self.lock();
        let survey_id: Option<String> = conn
            .query_row_cached(
                "SELECT survey_id FROM recipients WHERE id = ?1",
                [recipient_id],
                |r| r.get(0),
            )
            .optional()?;
        match survey_id {
            Some(survey_id) => current_answers(&conn, &survey_id, recipient_id),
            None => Ok(BTreeMap::new()),
        }
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

/// Who decided what a message with the person's token asked, for the
/// decisions log.
pub(super) const BY_PERSON: &str = "the person, by email";

/// Answers set aside at a person's request, not restored.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SetAside {
    /// The person's address.
    pub email: String,
    /// How many current answers were set aside.
    pub answers: usize,
    /// When.
    pub at: Timestamp,
    /// The message that asked, if any.
    pub message: Option<i64>,
}

impl Store {
    /// Answers set aside at their person's request and not restored, oldest
    /// first (shown by `review`); none once the purge or `withdraw`
    /// deleted them.
    pub fn set_asides(&self, survey_id: &str) -> Result<Vec<SetAside>> {
        let conn = self.lock();
        let rows: Vec<(i64, String, i64, i64, Option<i64>)> = collect(
            &conn,
            "SELECT s.id, r.email, s.answers, s.created_at, s.message_row FROM set_asides s
             JOIN recipients r ON r.id = s.recipient_id
             JOIN surveys v ON v.id = s.survey_id
             WHERE s.survey_id = ?1 AND s.restored_at IS NULL AND r.status != 'withdrawn'
               AND v.purged_at IS NULL
             ORDER BY s.id",
            [survey_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )?;
        rows.into_iter()
            .map(|(id, email, answers, at, message)| {
                Ok(SetAside {
                    email,
                    answers: answers as usize,
                    at: timestamp("set_asides", id, at)?,
                    message,
                })
            })
            .collect()
    }

    /// Restores the answers set aside at `recipient_id`'s request: each one
    /// current again unless a newer answer to its question came since.
    /// Recorded with who and when. Returns how many became current again,
    /// or `None` when nothing of theirs is set aside (or the purge or
    /// `withdraw` deleted it).
    pub fn restore_set_aside(
        &self,
        survey_id: &str,
        recipient_id: i64,
        by: &str,
        now: Timestamp,
    ) -> Result<Option<usize>> {
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        if super::retention::purged_at(&tx, survey_id)?.is_some() {
            return Ok(None);
        }
        let ids: Vec<i64> = collect(
            &tx,
            "SELECT s.id FROM set_asides s JOIN recipients r ON r.id = s.recipient_id
             WHERE s.survey_id = ?1 AND s.recipient_id = ?2 AND s.restored_at IS NULL
               AND r.status != 'withdrawn'",
            params![survey_id, recipient_id],
            |r| r.get(0),
        )?;
        if ids.is_empty() {
            return Ok(None);
        }
        let mut restored = 0;
        for id in &ids {
            restored += tx.execute_cached(
                "UPDATE answers SET current = 1 WHERE set_aside_id = ?1 AND NOT EXISTS
                    (SELECT 1 FROM answers b WHERE b.survey_id = answers.survey_id
                        AND b.recipient_id = answers.recipient_id AND b.question_id = answers.question_id AND b.current = 1)",
                [id],
            )?;
            tx.execute_cached(
                "UPDATE answers SET set_aside_id = NULL WHERE set_aside_id = ?1",
                [id],
            )?;
            tx.execute_cached(
                "UPDATE set_asides SET restored_at = ?2, restored_by = ?3 WHERE id = ?1",
                params![id, now.as_second(), by],
            )?;
        }
        tx.execute_cached(
            "UPDATE flags SET resolved_by = ?2, resolved_at = ?3 WHERE recipient_id = ?1 AND kind = 'withdraw_request' AND resolved_at IS NULL",
            params![recipient_id, by, now.as_second()],
        )?;
        tx.execute_cached(
            "INSERT INTO decisions (survey_id, recipient_id, action, detail, decided_by, decided_at)
             VALUES (?1, ?2, 'answers restored', ?3, ?4, ?5)",
            params![
                survey_id,
                recipient_id,
                format!("{restored} answers set aside at the person's request counted again"),
                by,
                now.as_second()
            ],
        )?;
        tx.commit()?;
        Ok(Some(restored))
    }
}

/// Sets the person's current answers aside at their request (a deletion
/// request with their token, or confirmed by email): no longer current, so
/// no report, export or count reads them; kept, tied to the request, so
/// the lead can restore them. Recorded in the decisions log.
pub(super) fn set_aside(
    tx: &Connection,
    survey_id: &str,
    recipient_id: i64,
    message_row: Option<i64>,
    by: &str,
    now: Timestamp,
) -> Result<()> {
    let current: i64 = tx.query_row_cached(
        "SELECT COUNT(*) FROM answers WHERE survey_id = ?1 AND recipient_id = ?2 AND current = 1",
        params![survey_id, recipient_id],
        |r| r.get(0),
    )?;
    tx.execute_cached(
        "INSERT INTO set_asides (survey_id, recipient_id, message_row, answers, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            survey_id,
            recipient_id,
            message_row,
            current,
            now.as_second()
        ],
    )?;
    let id = tx.last_insert_rowid();
    tx.execute_cached(
        "UPDATE answers SET current = 0, set_aside_id = ?3
         WHERE survey_id = ?1 AND recipient_id = ?2 AND current = 1",
        params![survey_id, recipient_id, id],
    )?;
    tx.execute_cached(
        "INSERT INTO decisions (survey_id, recipient_id, message_row, action, detail, decided_by, decided_at)
         VALUES (?1, ?2, ?3, 'answers set aside', ?4, ?5, ?6)",
        params![
            survey_id,
            recipient_id,
            message_row,
            format!("{current} answers set aside at the person's request: out of the report and exports, restorable until the purge"),
            by,
            now.as_second()
        ],
    )?;
    Ok(())
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
    // A person's first answers (most replies) supersede nothing: one look
    // instead of an update per answer that finds no row.
    let superseding = has_current_answers(tx, survey_id, recipient_id)?;
    for (question, answer) in answers {
        if superseding {
            tx.execute_cached(
                "UPDATE answers SET current = 0
                 WHERE survey_id = ?1 AND recipient_id = ?2 AND question_id = ?3 AND current = 1",
                params![survey_id, recipient_id, question],
            )?;
        }
        tx.execute_cached(
            "INSERT INTO answers (survey_id, recipient_id, question_id, message_row, status, value, other, reason, source, decided_by, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                survey_id,
                recipient_id,
                question,
                message_row,
                answer.status,
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

/// Whether the person has any current answer (`answers_current`).
fn has_current_answers(tx: &Connection, survey_id: &str, recipient_id: i64) -> Result<bool> {
    Ok(tx.query_row_cached(
        "SELECT EXISTS (SELECT 1 FROM answers WHERE survey_id = ?1 AND recipient_id = ?2 AND current = 1)",
        params![survey_id, recipient_id],
        |r| r.get(0),
    )?)
}

/// The word each answer status is stored as (`answers.status`), spelled
/// once for both directions.
const STATUS_WORDS: [(Status, &str); 4] = [
    (Status::Ok, "ok"),
    (Status::Unclear, "unclear"),
    (Status::Invalid, "invalid"),
    (Status::Inferred, "inferred"),
];

impl rusqlite::ToSql for Status {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        let (_, word) = STATUS_WORDS
            .iter()
            .find(|(status, _)| status == self)
            .expect("every status has its word");
        Ok((*word).into())
    }
}

/// The status a stored word names, if it names one.
fn stored_status(word: &str) -> Option<Status> {
    STATUS_WORDS
        .iter()
        .find(|(_, w)| *w == word)
        .map(|(status, _)| *status)
}

/// An answer's columns, from `first` on, followed by its row id. A status
/// or value that does not decode is an error naming the row: an answer
/// read back wrong must never count.
/// A stored value read back as serde reads it, the shapes nearly every
/// answer has read directly (a report reads a million of them): yes/no,
/// a whole number as serde writes it, an option id or a text (a JSON
/// string, which serde reads as [`Value::Choice`] first). Anything else
/// goes through serde.
fn stored_value(v: &str) -> serde_json::Result<Value> {
    match v {
        "true" => return Ok(Value::Bool(true)),
        "false" => return Ok(Value::Bool(false)),
        _ => {}
    }
    if canonical_integer(v)
        && let Ok(i) = v.parse::<i64>()
    {
        return Ok(Value::Integer(i));
    }
    if v.starts_with('"') {
        if let Some(plain) = plain_string(v) {
            return Ok(Value::Choice(plain.to_owned()));
        }
        return serde_json::from_str::<String>(v).map(Value::Choice);
    }
    // Options ticked: a list of option ids (serde tries every variant
    // before this one and builds an error for each).
    if v.starts_with('[') {
        if let Some(ids) = plain_strings(v) {
            return Ok(Value::Choices(ids));
        }
        if let Ok(ids) = serde_json::from_str::<Vec<String>>(v) {
            return Ok(Value::Choices(ids));
        }
    }
    serde_json::from_str(v)
}

/// A whole number as serde writes one: an optional `-`, then digits with
/// no leading zero (`0` alone), never `-0`. Checked without writing the
/// number out again (a report reads a hundred thousand of them).
fn canonical_integer(v: &str) -> bool {
    let digits = v.strip_prefix('-').unwrap_or(v);
    !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" && digits.len() == v.len() || !digits.starts_with('0'))
}

/// The text of a JSON string as serde writes one with nothing to
/// unescape (no `\`, no control character), taken as it is; `None`
/// for any other string, which serde reads.
fn plain_string(v: &str) -> Option<&str> {
    let inner = v.strip_prefix('"')?.strip_suffix('"')?;
    inner
        .bytes()
        .all(|b| b != b'"' && b != b'\\' && b >= 0x20)
        .then_some(inner)
}

/// A JSON list of such strings as serde writes it (`["a","b"]`, no
/// space), read without serde; `None` for any other shape.
fn plain_strings(v: &str) -> Option<Vec<String>> {
    let inner = v.strip_prefix('[')?.strip_suffix(']')?;
    if inner.is_empty() {
        return Some(Vec::new());
    }
    inner
        .split(',')
        .map(|item| plain_string(item).map(str::to_owned))
        .collect()
}

pub(super) fn answer_from_row(r: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<Answer> {
    // Read in place, not copied (a report reads a million of them).
    let status = r.get_ref(first)?.as_str()?;
    let value = r.get_ref(first + 1)?.as_str_or_null()?;
    // The row id is read only to name a row that does not decode.
    let bad = |column: usize, detail: String| {
        let row = match r.get::<_, i64>(first + 5) {
            Ok(row) => row,
            Err(e) => return e,
        };
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
    let Some(status) = stored_status(status) else {
        return Err(bad(first, format!("unknown status '{status}'")));
    };
    let value = value
        .map(|v| {
            stored_value(v).map_err(|e| bad(first + 1, format!("value {v:?} does not decode: {e}")))
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

/// A person's current answers, in row order, from `answers_current`
/// (whose entries for one person are in row order: no sort).
pub(super) fn current_answers(
    conn: &rusqlite::Connection,
    survey_id: &str,
    recipient_id: i64,
) -> Result<BTreeMap<String, Answer>> {
    let rows = collect(
        conn,
        "SELECT question_id, status, value, other, reason, source, id FROM answers
         WHERE survey_id = ?1 AND recipient_id = ?2 AND current = 1 ORDER BY id",
        params![survey_id, recipient_id],
        |r| Ok((r.get::<_, String>(0)?, answer_from_row(r, 1)?)),
    )?;
    Ok(rows)
}

#[cfg(test)]
mod stored_value_tests {
    use super::*;

    /// The fast path reads every value as serde does.
    #[test]
    fn stored_values_read_as_serde_reads_them() {
        for v in [
            "true",
            "false",
            "0",
            "7",
            "-3",
            "10",
            "007",
            "1.5",
            "-0",
            "1e3",
            "9223372036854775808",
            r#""expertise""#,
            r#""\u00c4rztlich \"q\" \\ done""#,
            r#"["a","b"]"#,
            "[]",
            r#"["a",1]"#,
            r#"[["a"]]"#,
            r#"["\u00c4", "b" ]"#,
            "[",
            r#"{"reserved":"not_applicable"}"#,
            r#""""#,
            "-",
            "-01",
            "00",
            "+5",
            " 5",
            "5 ",
            r#"" spaced ""#,
            r#""a,b""#,
            r#"["a,b","c"]"#,
            r#"["a","b",]"#,
            r#"[,]"#,
            r#"["a" ,"b"]"#,
            r#"[""]"#,
            r#"["",""]"#,
            "[\"a\tb\"]",
            "\"a\nb\"",
            r#""""""#,
            r#"["a"]]"#,
            r#"[["a"]"#,
            r#""\\""#,
        ] {
            let serde: serde_json::Result<Value> = serde_json::from_str(v);
            let ours = stored_value(v);
            assert_eq!(ours.ok(), serde.ok(), "{v}");
        }
    }
}
