//! Reading rows back: every row of a query collected in one call, and a
//! stored time decoded or an error naming its row.

use jiff::Timestamp;
use rusqlite::{Connection, Params, Row};

use crate::{Error, Result};

/// Every row `sql` returns for `params`, each made by `row`, collected
/// (into a `Vec`, a set or a map); the statement is compiled once per
/// connection and kept.
pub(super) fn collect<C, T, P, F>(conn: &Connection, sql: &str, params: P, row: F) -> Result<C>
where
    C: FromIterator<T>,
    P: Params,
    F: FnMut(&Row<'_>) -> rusqlite::Result<T>,
{
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt
        .query_map(params, row)?
        .collect::<rusqlite::Result<C>>()?;
    Ok(rows)
}

/// A stored time, or an error naming the row: never 1970 in silence.
pub(super) fn timestamp(table: &'static str, row: i64, seconds: i64) -> Result<Timestamp> {
    Timestamp::from_second(seconds).map_err(|e| Error::Decode {
        table,
        row,
        detail: format!("time {seconds} out of range: {e}"),
    })
}
