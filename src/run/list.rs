//! The recipient list brought into the store, as the daemon's turns,
//! `send`, `preview` and `send --dry-run` do, and its problems as `status`
//! shows them: the file is read a row at a time and applied in
//! one transaction ([`Store::sync_list`]), and not read at all when it is
//! unchanged since its last full read ([`Store::last_list_read`]), so a
//! list of a million people costs nothing to a start of the daemon or to
//! `status` until it changes.

use jiff::Timestamp;

use crate::Result;
use crate::store::{LastListRead, ListChanges, ListSync, Store};
use crate::survey::Survey;
use crate::survey::problems::Problems;
use crate::survey::recipients::{self, ListReader};

/// What bringing the list in did.
#[derive(Debug)]
pub enum Brought {
    /// The file is unchanged since its last full read: not read again.
    Unchanged(LastListRead),
    /// Read and applied: what changed, how many people it lists, and its
    /// rows set aside (those people keep their last good state).
    Applied {
        /// What changed in the store.
        changes: ListChanges,
        /// The people it lists.
        listed: usize,
        /// Its rows set aside, each with why.
        problems: Problems,
    },
    /// Not applied: the list cannot be read at all (no file, no header),
    /// or, when strict, a row failed a check. Every problem found.
    NotApplied(Problems),
    /// The survey's personal data was purged: the list is not read again.
    Purged,
}

/// Brings the store in line with the survey's recipient list: every row
/// that passes applies, a row that fails keeps that person's last good
/// state. With `strict` (a command about to send), a list with any
/// problem is not applied at all. Unless `force`, a list unchanged since
/// its last full read is not read again.
pub fn bring_in(
    store: &Store,
    survey: &Survey,
    now: Timestamp,
    strict: bool,
    force: bool,
) -> Result<Brought> {
    let path = &survey.recipients_file;
    if !force && let Some(last) = store.last_list_read(&survey.id, path)? {
        if strict && !last.problems.is_empty() {
            return Ok(Brought::NotApplied(last.problems));
        }
        return Ok(Brought::Unchanged(last));
    }
    let mut list = match ListReader::open(path) {
        Ok(list) => list,
        Err(problems) => return Ok(Brought::NotApplied(problems)),
    };
    Ok(match store.sync_list(&survey.id, &mut list, now, strict)? {
        ListSync::Applied(changes) => {
            let listed = list.listed();
            Brought::Applied {
                changes,
                listed,
                problems: list.into_held_and_problems().1,
            }
        }
        ListSync::Refused => Brought::NotApplied(list.into_held_and_problems().1),
        ListSync::Purged => Brought::Purged,
    })
}

/// The recipient list's problems for `status`: those its last full read
/// found when the file is unchanged since (nothing read but its
/// metadata), else the file checked again a row at a time (only its
/// addresses held, to find those listed twice). `None` when all is well.
pub fn problems(store: Option<&Store>, survey: &Survey) -> Option<Problems> {
    let last = store.and_then(|store| {
        store
            .last_list_read(&survey.id, &survey.recipients_file)
            .ok()
            .flatten()
    });
    match last {
        Some(last) => Some(last.problems).filter(|p| !p.is_empty()),
        None => recipients::check(&survey.recipients_file).err(),
    }
}
