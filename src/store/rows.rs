//! Reading rows back: a stored time decoded or an error naming its row.

use jiff::Timestamp;

use crate::{Error, Result};

/// A stored time, or an error naming the row: never 1970 in silence.
pub(super) fn timestamp(table: &'static str, row: i64, seconds: i64) -> Result<Timestamp> {
    Timestamp::from_second(seconds).map_err(|e| Error::Decode {
        table,
        row,
        detail: format!("time {seconds} out of range: {e}"),
    })
}
