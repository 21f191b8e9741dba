//! The people of a survey as stored: the list brought in line with the
//! recipients file, and a person found by id or by token.

use std::collections::{BTreeMap, HashSet};

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, params};

use super::{Cached, RecipientStatus, Store, retention};
use crate::compose::token::{SELECTOR_LEN, Token};
use crate::survey::recipients::{ListReader, ListedRow, Recipient};
use crate::{Error, Result};

/// A recipient as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredRecipient {
    /// Row id.
    pub id: i64,
    /// Address as listed.
    pub email: String,
    /// Name as listed.
    pub name: String,
    /// Extra columns.
    pub attributes: BTreeMap<String, String>,
    /// Their token.
    pub token: Token,
    /// Still in the recipient list?
    pub listed: bool,
    /// Whether they still get mail.
    pub status: RecipientStatus,
}

/// What a re-read of the recipient list changed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ListChanges {
    /// New rows.
    pub added: usize,
    /// Rows no longer in the list (their mail stops; what they sent stays).
    pub removed: usize,
    /// Rows back in the list after a removal.
    pub relisted: usize,
}

/// What [`Store::sync_list`] did with a list read from its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListSync {
    /// The list was applied (every row that passed; those that did not
    /// keep their last good state).
    Applied(ListChanges),
    /// Every row was read, and some failed a check: nothing was applied
    /// (`strict`); the reader holds the problems.
    Refused,
    /// The survey's personal data was purged: the list is not read again
    /// (it would bring back the names and addresses the purge deleted).
    Purged,
}

impl Store {
    /// Brings the stored recipients in line with the list: new people get a
    /// token; people no longer listed get no more mail (pending mail to them
    /// is cancelled) but keep everything they sent.
    pub fn sync_recipients(
        &self,
        survey_id: &str,
        list: &[Recipient],
        now: Timestamp,
    ) -> Result<ListChanges> {
        self.sync_recipients_holding(survey_id, list, &[], now)
    }

    /// [`Store::sync_recipients`], except that the people whose addresses
    /// are in `held` (their rows failed validation) keep their last good
    /// state: they are neither changed nor removed.
    pub fn sync_recipients_holding(
        &self,
        survey_id: &str,
        list: &[Recipient],
        held: &[String],
        now: Timestamp,
    ) -> Result<ListChanges> {
        let mut conn = self.lock();
        // After a purge the list is not read again: it would bring back
        // the names and addresses the purge deleted.
        if retention::purged_at(&conn, survey_id)?.is_some() {
            return Ok(ListChanges::default());
        }
        let tx = conn.transaction()?;
        let mut changes = ListChanges::default();
        let mut keys = HashSet::new();
        for person in list {
            keys.insert(person.key());
            apply_row(&tx, survey_id, person, now, &mut changes)?;
        }
        let keeps = |key: &str| keys.contains(key) || held.iter().any(|h| h == key);
        remove_unkept(&tx, survey_id, keeps, now, &mut changes)?;
        tx.commit()?;
        Ok(changes)
    }

    /// [`Store::sync_recipients_holding`] for a list read from its file a
    /// row at a time (a million rows are never held): each row applied as
    /// it is read, with prepared statements (a row written only when it
    /// changed), those no longer listed removed once every row is read,
    /// and the file's stamp and problems recorded ([`Store::last_list_read`]),
    /// all in one transaction: a list is applied whole or not at all.
    /// With `strict`, a list with any problem is read through and then not
    /// applied ([`ListSync::Refused`]).
    pub fn sync_list(
        &self,
        survey_id: &str,
        list: &mut ListReader,
        now: Timestamp,
        strict: bool,
    ) -> Result<ListSync> {
        let mut conn = self.lock();
        if retention::purged_at(&conn, survey_id)?.is_some() {
            return Ok(ListSync::Purged);
        }
        with_list_cache(&mut conn, |conn| {
            let tx = conn.transaction()?;
            let mut changes = ListChanges::default();
            // A survey's first list: nobody stored to compare each row
            // with or to remove (the reader sets aside a repeated
            // address), so its rows are inserted without a lookup first,
            // a chunk at a time in the order of their indexes.
            let first: bool = tx.query_row_cached(
                "SELECT NOT EXISTS (SELECT 1 FROM recipients WHERE survey_id = ?1)",
                [survey_id],
                |r| r.get(0),
            )?;
            if first {
                changes.added = insert_first_list(&tx, survey_id, list, now)?;
            }
            for person in list.by_ref() {
                apply_row(&tx, survey_id, &person, now, &mut changes)?;
            }
            if strict && !list.problems().is_empty() {
                // Dropped: rolled back.
                return Ok(ListSync::Refused);
            }
            if !first {
                remove_unkept(&tx, survey_id, |key| list.keeps(key), now, &mut changes)?;
            }
            super::list_reads::record(&tx, survey_id, list, now)?;
            tx.commit()?;
            Ok(ListSync::Applied(changes))
        })
    }

    /// All stored recipients of a survey, listed or not.
    pub fn recipients(&self, survey_id: &str) -> Result<Vec<StoredRecipient>> {
        let conn = self.lock();
        let mut stmt =
            conn.prepare_cached("SELECT id FROM recipients WHERE survey_id = ?1 ORDER BY id")?;
        let ids: Vec<i64> = stmt
            .query_map([survey_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.into_iter()
            .map(|id| recipient_by_id(&conn, id))
            .collect()
    }

    /// The recipient whose token this is. The selector is looked up by
    /// index; the verifier is compared in constant time.
    pub fn recipient_by_token(
        &self,
        survey_id: &str,
        token: &Token,
    ) -> Result<Option<StoredRecipient>> {
        recipient_by_token(&self.lock(), survey_id, token)
    }
}

/// SQLite's page cache, in KiB, while a list is applied and its
/// invitations queued (the default is 2 MiB). A list's rows go into
/// indexes in no useful order (addresses, random tokens and the
/// Message-IDs made of them), so with the default cache nearly every row
/// read an index page back from the file and, in a transaction of a
/// million rows, wrote dirty pages out early to make room (measured: a
/// fifth of the list load's CPU in `pread`/`pwrite` at 100,000 rows).
/// Only pages used take memory, and they are handed back when the cache
/// is set back.
pub(super) const LIST_CACHE_KIB: i64 = 32 * 1024;

/// Sets the page cache of `conn` to [`LIST_CACHE_KIB`]; returns what it
/// was, for [`restore_cache`].
pub(super) fn list_cache(conn: &Connection) -> Result<i64> {
    let before: i64 = conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    conn.pragma_update(None, "cache_size", -LIST_CACHE_KIB)?;
    Ok(before)
}

/// Sets the page cache of `conn` back to `before` ([`list_cache`]).
pub(super) fn restore_cache(conn: &Connection, before: i64) -> Result<()> {
    Ok(conn.pragma_update(None, "cache_size", before)?)
}

/// Runs `f` on `conn` with the page cache at [`LIST_CACHE_KIB`], then
/// sets it back to what it was, whatever `f` returned.
fn with_list_cache<T>(
    conn: &mut Connection,
    f: impl FnOnce(&mut Connection) -> Result<T>,
) -> Result<T> {
    let before = list_cache(conn)?;
    let done = f(conn);
    restore_cache(conn, before)?;
    done
}

/// One row of the list applied: a new person inserted with a fresh token,
/// one already stored updated only when a column differs (every start of
/// the daemon reads the whole list again) or they come back to the list.
fn apply_row(
    tx: &Connection,
    survey_id: &str,
    person: &Recipient,
    now: Timestamp,
    changes: &mut ListChanges,
) -> Result<()> {
    let key = person.key();
    let attributes = attributes(person);
    let found: Option<(i64, bool, bool)> = tx
        .query_row_cached(
            "SELECT id, listed, email IS ?3 AND name IS ?4 AND attributes IS ?5
             FROM recipients WHERE survey_id = ?1 AND email_key = ?2",
            params![survey_id, key, person.email, person.name, attributes],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    match found {
        None => {
            insert_row(tx, survey_id, person, &attributes, now)?;
            changes.added += 1;
        }
        Some((id, listed, same)) => {
            if !same || !listed {
                tx.execute_cached(
                    "UPDATE recipients SET email = ?2, name = ?3, attributes = ?4, listed = 1, removed_at = NULL
                     WHERE id = ?1",
                    params![id, person.email, person.name, attributes],
                )?;
            }
            if !listed {
                changes.relisted += 1;
            }
        }
    }
    Ok(())
}

/// A person's list columns as stored: a JSON object.
fn attributes(person: &Recipient) -> String {
    serde_json::to_string(&person.attributes).expect("a map serialises")
}

/// A new person of the list, with a fresh token.
fn insert_row(
    tx: &Connection,
    survey_id: &str,
    person: &Recipient,
    attributes: &str,
    now: Timestamp,
) -> Result<()> {
    let token = Token::generate();
    tx.execute_cached(
        "INSERT INTO recipients (survey_id, email, email_key, name, attributes, selector, verifier, added_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![survey_id, person.email, person.key(), person.name, attributes, token.selector(), token.verifier(), now.as_second()],
    )?;
    Ok(())
}

/// Rows of a survey's first list inserted together by
/// [`insert_first_list`] (a few in tests, so that lists of a few rows
/// span several chunks).
pub(super) const FIRST_LIST_CHUNK: usize = if cfg!(test) { 3 } else { 50_000 };

/// A survey's first list, every row new: read [`FIRST_LIST_CHUNK`] rows
/// at a time, each chunk inserted in the order of its addresses, its
/// fresh tokens handed out in their own order along it, so that both
/// unique indexes a person is written into, the address's and the
/// token's, take the chunk's entries in ascending order instead of at
/// random places of B-trees larger than the page cache (issue 23: a
/// third less of SQLite's CPU for a million people). Each person keeps
/// the id of their place in the list (ids are given explicitly, after the
/// highest stored), so the list's order is still the invitations' order.
/// Which token goes to whom stays unpredictable: the tokens are drawn at
/// random, only the order they are given out in follows the addresses;
/// the part of a token that is secret, its verifier, is compared, never
/// looked up. Returns how many were inserted.
fn insert_first_list(
    tx: &Connection,
    survey_id: &str,
    list: &mut ListReader,
    now: Timestamp,
) -> Result<usize> {
    let mut next_id: i64 =
        tx.query_row("SELECT COALESCE(MAX(id), 0) + 1 FROM recipients", [], |r| {
            r.get(0)
        })?;
    let mut chunk: Vec<ListedRow> = Vec::with_capacity(FIRST_LIST_CHUNK);
    let mut added = 0;
    loop {
        chunk.clear();
        chunk.extend(std::iter::from_fn(|| list.next_row()).take(FIRST_LIST_CHUNK));
        if chunk.is_empty() {
            return Ok(added);
        }
        insert_in_index_order(tx, survey_id, &chunk, next_id, now)?;
        next_id += chunk.len() as i64;
        added += chunk.len();
    }
}

/// One chunk of [`insert_first_list`]: the people of `chunk` get the ids
/// `first_id...` in their order, and are inserted in the order of their
/// addresses with fresh tokens in ascending order.
fn insert_in_index_order(
    tx: &Connection,
    survey_id: &str,
    chunk: &[ListedRow],
    first_id: i64,
    now: Timestamp,
) -> Result<()> {
    let mut by_address: Vec<usize> = (0..chunk.len()).collect();
    // Byte order: SQLite's BINARY collation, the indexes' order.
    by_address.sort_unstable_by(|a, b| chunk[*a].key().cmp(chunk[*b].key()));
    let mut tokens = Token::generate_many(chunk.len());
    tokens.sort_unstable_by(|a, b| a.as_str().cmp(b.as_str()));
    let mut insert = tx.prepare_cached(
        "INSERT INTO recipients (id, survey_id, email, email_key, name, attributes, selector, verifier, added_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (at, token) in by_address.into_iter().zip(&tokens) {
        let person = &chunk[at];
        insert.execute(params![
            first_id + at as i64,
            survey_id,
            person.email(),
            person.key(),
            person.name(),
            person.attributes_json(),
            token.selector(),
            token.verifier(),
            now.as_second()
        ])?;
    }
    Ok(())
}

/// Once every row is read: the listed people the list no longer `keeps`
/// are removed from it, their pending mail cancelled. The addresses are
/// read from the `(survey_id, email_key)` index alone.
fn remove_unkept(
    tx: &Connection,
    survey_id: &str,
    keeps: impl Fn(&str) -> bool,
    now: Timestamp,
    changes: &mut ListChanges,
) -> Result<()> {
    let gone: Vec<i64> = {
        let mut stmt =
            tx.prepare_cached("SELECT id, email_key FROM recipients WHERE survey_id = ?1")?;
        let mut rows = stmt.query([survey_id])?;
        let mut gone = Vec::new();
        while let Some(r) = rows.next()? {
            let key: String = r.get(1)?;
            if !keeps(&key) {
                gone.push(r.get(0)?);
            }
        }
        gone
    };
    for id in gone {
        let removed = tx.execute_cached(
            "UPDATE recipients SET listed = 0, removed_at = ?2 WHERE id = ?1 AND listed = 1",
            params![id, now.as_second()],
        )?;
        if removed == 0 {
            continue;
        }
        tx.execute_cached(
            "UPDATE outbox SET state = 'cancelled', cancel_reason = 'unlisted'
             WHERE recipient_id = ?1 AND state = 'pending'",
            [id],
        )?;
        changes.removed += 1;
    }
    Ok(())
}

/// The recipient whose token this is (see [`Store::recipient_by_token`]).
pub(super) fn recipient_by_token(
    conn: &Connection,
    survey_id: &str,
    token: &Token,
) -> Result<Option<StoredRecipient>> {
    let found: Option<(i64, String)> = conn
        .query_row_cached(
            "SELECT id, verifier FROM recipients WHERE survey_id = ?1 AND selector = ?2",
            params![survey_id, token.selector()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match found {
        Some((id, verifier)) if token.verifies(&verifier) => Ok(Some(recipient_by_id(conn, id)?)),
        _ => Ok(None),
    }
}

/// A recipient's columns as read, before they are checked.
pub(super) struct RecipientRow {
    id: i64,
    email: String,
    name: String,
    attributes: String,
    selector: String,
    verifier: String,
    listed: bool,
    status: String,
}

impl RecipientRow {
    /// The columns [`RecipientRow::read`] reads, of `r`, a row of
    /// `recipients`.
    pub(super) const COLUMNS: &'static str =
        "r.id, r.email, r.name, r.attributes, r.selector, r.verifier, r.listed, r.status";

    /// The [`RecipientRow::COLUMNS`] of a result row, from `first` on.
    pub(super) fn read(r: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<RecipientRow> {
        Ok(RecipientRow {
            id: r.get(first)?,
            email: r.get(first + 1)?,
            name: r.get(first + 2)?,
            attributes: r.get(first + 3)?,
            selector: r.get(first + 4)?,
            verifier: r.get(first + 5)?,
            listed: r.get(first + 6)?,
            status: r.get(first + 7)?,
        })
    }

    /// Every column checked: a value that does not decode is an error
    /// naming the row, never a default.
    pub(super) fn decode(self) -> Result<StoredRecipient> {
        let id = self.id;
        let bad = |detail: String| Error::Decode {
            table: "recipients",
            row: id,
            detail,
        };
        Ok(StoredRecipient {
            id,
            email: self.email,
            name: self.name,
            attributes: serde_json::from_str(&self.attributes)
                .map_err(|e| bad(format!("attributes are not a JSON object of text: {e}")))?,
            token: Token::parse(&format!("{}{}", self.selector, self.verifier))
                .ok_or_else(|| bad("the token is not well formed".into()))?,
            listed: self.listed,
            status: RecipientStatus::from_name(&self.status)
                .ok_or_else(|| bad(format!("unknown status '{}'", self.status)))?,
        })
    }
}

/// A recipient's row, every column checked (see [`RecipientRow::decode`]).
pub(super) fn recipient_by_id(conn: &Connection, id: i64) -> Result<StoredRecipient> {
    conn.query_row_cached(
        &format!(
            "SELECT {} FROM recipients r WHERE r.id = ?1",
            RecipientRow::COLUMNS
        ),
        [id],
        |r| RecipientRow::read(r, 0),
    )?
    .decode()
}

const _: () = assert!(SELECTOR_LEN < crate::compose::token::TOKEN_LEN);

#[cfg(test)]
mod tests {
    use super::*;

    /// A survey's first list, inserted a chunk at a time in the order of
    /// its addresses: every person keeps the id of their place in the
    /// list (after the people of another survey), gets a token of their
    /// own that finds them, and the list's changes and a second read are
    /// as for a list applied row by row.
    #[test]
    fn a_first_list_keeps_its_order_in_ids_and_every_token_finds_its_person() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("state.db")).unwrap();
        let now = Timestamp::from_second(100).unwrap();
        store
            .lock()
            .execute_batch(
                "INSERT INTO surveys (id, title, created_at) VALUES ('s', 'S', 0), ('t', 'T', 0);",
            )
            .unwrap();
        let other = dir.path().join("other.csv");
        std::fs::write(&other, "name,email\nO,o@x.test\nP,p@x.test\n").unwrap();
        let mut reader = ListReader::open(&other).unwrap();
        store.sync_list("t", &mut reader, now, false).unwrap();
        // Addresses out of their order, more than two chunks, one row
        // set aside (a repeated address).
        let emails = [
            "m@x.test", "B@x.test", "z@x.test", "a@x.test", "k@x.test", "c@x.test", "y@x.test",
        ];
        let mut csv = String::from("name,email,centre\n");
        for (i, email) in emails.iter().enumerate() {
            csv.push_str(&format!("N{i},{email},C{i}\n"));
        }
        csv.push_str("Again,b@x.test,C9\n");
        let list = dir.path().join("people.csv");
        std::fs::write(&list, csv).unwrap();
        let mut reader = ListReader::open(&list).unwrap();
        let synced = store.sync_list("s", &mut reader, now, false).unwrap();
        assert_eq!(
            synced,
            ListSync::Applied(ListChanges {
                added: emails.len(),
                ..ListChanges::default()
            })
        );
        let people = store.recipients("s").unwrap();
        let listed: Vec<(i64, &str, &str)> = people
            .iter()
            .map(|p| (p.id, p.email.as_str(), p.name.as_str()))
            .collect();
        let expected: Vec<(i64, &str, String)> = emails
            .iter()
            .enumerate()
            .map(|(i, email)| (i as i64 + 3, *email, format!("N{i}")))
            .collect();
        assert_eq!(
            listed,
            expected
                .iter()
                .map(|(id, e, n)| (*id, *e, n.as_str()))
                .collect::<Vec<_>>()
        );
        for (i, person) in people.iter().enumerate() {
            assert_eq!(person.attributes["centre"], format!("C{i}"));
            let found = store.recipient_by_token("s", &person.token).unwrap();
            assert_eq!(found.as_ref(), Some(person));
        }
        let mut tokens: Vec<&str> = people.iter().map(|p| p.token.as_str()).collect();
        tokens.sort_unstable();
        tokens.dedup();
        assert_eq!(tokens.len(), emails.len());
        let mut reader = ListReader::open(&list).unwrap();
        assert_eq!(
            store.sync_list("s", &mut reader, now, false).unwrap(),
            ListSync::Applied(ListChanges::default())
        );
        assert_eq!(store.recipients("s").unwrap(), people);
    }
}
