//! The recipient list as last read in full and applied (migration 0022):
//! its file's stamp and the problems found in it, so that `status` and
//! the daemon's start know an unchanged list without reading it again.

use std::path::Path;

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, params};

use super::{Cached, Store};
use crate::Result;
use crate::survey::problems::{Problem, Problems};
use crate::survey::recipients::{LIST_RULES, ListReader, ListStamp};

/// What the last full read of a survey's recipient list found, for a file
/// unchanged since ([`Store::last_list_read`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastListRead {
    /// The people it listed (rows that passed).
    pub listed: usize,
    /// Its rows set aside, each with why, naming the file.
    pub problems: Problems,
    /// When it was read.
    pub read_at: Timestamp,
}

/// The list's file as recorded: its canonical path, so that the same
/// file named another way (`mailsurvey status --survey survey.toml` from
/// the survey's folder, or with a full path) is known unchanged too. It
/// was the path as given: `status` of a survey named by a relative path
/// read and checked the whole list again (2.8 s of CPU and
/// 121 MB at a million people, against 0.85 s and 24 MB).
fn file_key(path: &Path) -> String {
    std::fs::canonicalize(path)
        .as_deref()
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned()
}

/// Records the read of `list`, just applied in `tx`: its stamp when it can
/// be relied on ([`ListReader::settled_stamp`]) and its problems; a read
/// whose stamp cannot be relied on leaves no record, so the file is read
/// again next time.
pub(super) fn record(
    tx: &Connection,
    survey_id: &str,
    list: &ListReader,
    now: Timestamp,
) -> Result<()> {
    tx.execute_cached("DELETE FROM list_reads WHERE survey_id = ?1", [survey_id])?;
    tx.execute_cached(
        "DELETE FROM list_problems WHERE survey_id = ?1",
        [survey_id],
    )?;
    let Some(stamp) = list.settled_stamp() else {
        return Ok(());
    };
    tx.execute_cached(
        "INSERT INTO list_reads (survey_id, path, size, modified_ns, inode, rules, listed, read_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            survey_id,
            file_key(list.path()),
            stamp.size as i64,
            stamp.modified_ns,
            stamp.inode as i64,
            LIST_RULES,
            list.listed() as i64,
            now.as_second()
        ],
    )?;
    for (seq, problem) in list.problems().0.iter().enumerate() {
        tx.execute_cached(
            "INSERT INTO list_problems (survey_id, seq, line, col, message, fix)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                survey_id,
                seq as i64,
                problem.line.map(|l| l as i64),
                problem.column.map(|c| c as i64),
                problem.message,
                problem.fix
            ],
        )?;
    }
    Ok(())
}

impl Store {
    /// What the last full read of the recipient list at `path` found,
    /// when the file is unchanged since (the same size, time of last
    /// change and inode, checked by the same rules); `None` when it must
    /// be read again. Nothing but the file's metadata is read.
    pub fn last_list_read(&self, survey_id: &str, path: &Path) -> Result<Option<LastListRead>> {
        let Some(now) = ListStamp::of(path) else {
            return Ok(None);
        };
        let conn = self.lock();
        let found: Option<(ListStamp, i64, i64, i64)> = conn
            .query_row_cached(
                "SELECT size, modified_ns, inode, rules, listed, read_at FROM list_reads
                 WHERE survey_id = ?1 AND path = ?2",
                params![survey_id, file_key(path)],
                |r| {
                    Ok((
                        ListStamp {
                            size: r.get::<_, i64>(0)? as u64,
                            modified_ns: r.get(1)?,
                            inode: r.get::<_, i64>(2)? as u64,
                        },
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ))
                },
            )
            .optional()?;
        let Some((stamp, rules, listed, read_at)) = found else {
            return Ok(None);
        };
        if stamp != now || rules != LIST_RULES {
            return Ok(None);
        }
        let mut stmt = conn.prepare_cached(
            "SELECT line, col, message, fix FROM list_problems WHERE survey_id = ?1 ORDER BY seq",
        )?;
        let problems = stmt
            .query_map([survey_id], |r| {
                Ok(Problem {
                    file: path.to_owned(),
                    line: r.get::<_, Option<i64>>(0)?.map(|l| l as usize),
                    column: r.get::<_, Option<i64>>(1)?.map(|c| c as usize),
                    message: r.get(2)?,
                    fix: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Some(LastListRead {
            listed: listed as usize,
            problems: Problems(problems),
            read_at: super::rows::timestamp("list_reads", 0, read_at)?,
        }))
    }
}
