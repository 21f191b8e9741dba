//! Fetching new mail and storing it: sizes first, then bounded FETCHes
//! (at most 250 messages or 4 MB; a message over the size limit as headers
//! only), each stored for the surveys it goes to in one transaction per
//! survey, straight from the server's response, before anything else
//! happens to it. Apart from the watcher's loop and from filing because
//! this is where memory and durability are bounded, and it is read
//! without the rest.

use super::connection::imap_error;
use super::{Member, Session, Watcher, route};
use crate::Result;

/// At most this many messages per UID FETCH of whole messages (and per
/// commit of the store: one fsync for each)...
const BATCH: usize = 250;
/// ...and at most this many bytes (a larger message goes alone): what one
/// FETCH holds in memory stays bounded whatever the mailbox holds.
const BATCH_BYTES: usize = 4 * 1024 * 1024;
/// UIDs per FETCH of sizes, to keep command lines short.
pub(super) const SIZES_PER_FETCH: usize = 500;

/// One FETCH's worth of new messages.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Batch {
    /// These messages whole.
    Whole(Vec<u32>),
    /// Only the headers of this message, over the size limit.
    HeadersOnly(u32, usize),
}

/// Groups new messages (UID, size), in UID order, into FETCHes: at most
/// [`BATCH`] messages and [`BATCH_BYTES`] bytes each (a larger message
/// alone), and every message over `limit` on its own, headers only.
fn batches(sized: &[(u32, usize)], limit: usize) -> Vec<Batch> {
    let mut out = Vec::new();
    let mut current: Vec<u32> = Vec::new();
    let mut bytes = 0;
    for &(uid, size) in sized {
        if size > limit {
            if !current.is_empty() {
                out.push(Batch::Whole(std::mem::take(&mut current)));
                bytes = 0;
            }
            out.push(Batch::HeadersOnly(uid, size));
            continue;
        }
        if !current.is_empty() && (current.len() >= BATCH || bytes + size > BATCH_BYTES) {
            out.push(Batch::Whole(std::mem::take(&mut current)));
            bytes = 0;
        }
        current.push(uid);
        bytes += size;
    }
    if !current.is_empty() {
        out.push(Batch::Whole(current));
    }
    out
}

/// A UID set: `1,2,5`.
fn uid_set(uids: &[u32]) -> String {
    uids.iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// When the server received it, not when we read it: a reply that came in
/// before the close while the daemon was down is not late.
fn arrived(fetch: &imap::types::Fetch<'_>) -> jiff::Timestamp {
    fetch
        .internal_date()
        .and_then(|d| jiff::Timestamp::from_second(d.timestamp()).ok())
        .unwrap_or_else(jiff::Timestamp::now)
}

impl Watcher {
    /// Stores every message past the cursor, in UID order, in batches, for
    /// the surveys it goes to ([`route`]), and wakes them. With several
    /// surveys, reading starts at the lowest of their cursors; a message
    /// one of them has already is recognised as a duplicate.
    pub(super) fn fetch_new(
        &self,
        session: &mut Session,
        folder: &str,
        uidvalidity: u32,
    ) -> Result<usize> {
        let members = self.members();
        if members.is_empty() {
            return Ok(0);
        }
        let mut last = u32::MAX;
        for member in &members {
            let survey = &member.survey.id;
            let theirs = match member.store.cursor(survey, folder)? {
                Some((validity, last)) if validity == uidvalidity => last,
                Some((validity, _)) => {
                    tracing::warn!(survey = %survey, folder, old = validity, new = uidvalidity, "inbox: UIDVALIDITY changed; reading the folder again");
                    member.store.reset_cursor(survey, folder, uidvalidity)?;
                    0
                }
                None => 0,
            };
            last = last.min(theirs);
        }
        let mut uids: Vec<u32> = session
            .uid_search(format!("UID {}:*", last + 1))
            .map_err(imap_error)?
            .into_iter()
            .filter(|&u| u > last)
            .collect();
        uids.sort_unstable();
        // Sizes first, so nothing larger than the limit is ever fetched
        // whole and no FETCH holds more than BATCH_BYTES.
        let mut sized: Vec<(u32, usize)> = Vec::with_capacity(uids.len());
        for chunk in uids.chunks(SIZES_PER_FETCH) {
            let fetched = session
                .uid_fetch(uid_set(chunk), "(UID RFC822.SIZE)")
                .map_err(imap_error)?;
            // Only what was asked for: an unsolicited FETCH (another
            // client changing a flag) can come in between, with a UID.
            sized.extend(
                fetched
                    .iter()
                    .filter_map(|f| Some((f.uid?, f.size.map_or(0, |s| s as usize))))
                    .filter(|(uid, _)| chunk.binary_search(uid).is_ok()),
            );
        }
        sized.sort_unstable();
        // Surveys sharing the mailbox may set different limits: fetch whole
        // what any of them would read; each quarantines what is over its own.
        let limit = members
            .iter()
            .map(|m| m.survey.replies.max_message_bytes)
            .max()
            .unwrap_or(0);
        // Fetching and storing overlap: this thread reads the next FETCH
        // while a thread of its own stores the last one, in order, so the
        // cursor moves past nothing that is not stored, and processing
        // starts on each FETCH as soon as it is committed. At most
        // [`STORE_AHEAD`] FETCHes wait between them.
        let members = &members;
        std::thread::scope(|scope| {
            let (to_store, fetched) = std::sync::mpsc::sync_channel::<Response>(STORE_AHEAD);
            let storer = scope.spawn(move || {
                let mut total = 0;
                for response in fetched {
                    total += response.store(members, folder, uidvalidity, limit)?;
                }
                Ok::<_, crate::Error>(total)
            });
            let fetching = (|| {
                for batch in batches(&sized, limit) {
                    let response = match batch {
                        Batch::Whole(uids) => {
                            let fetched = session
                                .uid_fetch(uid_set(&uids), "(UID INTERNALDATE BODY.PEEK[])")
                                .map_err(imap_error)?;
                            Response::Whole(fetched, uids)
                        }
                        Batch::HeadersOnly(uid, size) => {
                            let fetched = session
                                .uid_fetch(uid.to_string(), "(UID INTERNALDATE BODY.PEEK[HEADER])")
                                .map_err(imap_error)?;
                            Response::HeadersOnly(fetched, uid, size)
                        }
                    };
                    // A storer that stopped says why when it is joined.
                    if to_store.send(response).is_err() {
                        break;
                    }
                }
                Ok::<_, crate::Error>(())
            })();
            drop(to_store);
            let stored = storer
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            // The store's failure first: fetching stopped for it.
            let total = stored?;
            fetching?;
            Ok(total)
        })
    }
}

/// FETCHes read and not yet stored, at most: each holds up to
/// [`BATCH_BYTES`], so fetching ahead of the store stays bounded in memory.
const STORE_AHEAD: usize = 1;

/// One FETCH's response, on its way from the thread that reads the
/// mailbox to the one that stores it.
enum Response {
    /// Whole messages, asked for by these UIDs.
    Whole(imap::types::Fetches, Vec<u32>),
    /// The headers of this message (UID, size on the server), over the
    /// size limit.
    HeadersOnly(imap::types::Fetches, u32, usize),
}

impl Response {
    /// Stores the messages of the response for the surveys they go to
    /// ([`store_for`]) and wakes each survey that got new ones. Returns how
    /// many were new.
    fn store(
        &self,
        members: &[Member],
        folder: &str,
        uidvalidity: u32,
        limit: usize,
    ) -> Result<usize> {
        let mut stored = vec![0usize; members.len()];
        match self {
            Response::Whole(fetched, uids) => {
                // Only what was asked for (see the sizes above).
                let mut messages: Vec<Fetched<'_>> = fetched
                    .iter()
                    .filter(|fetch| fetch.uid.is_some_and(|u| uids.binary_search(&u).is_ok()))
                    .filter_map(|fetch| {
                        Some(Fetched {
                            uid: fetch.uid?,
                            bytes: fetch.body()?,
                            size: None,
                            arrived: arrived(fetch),
                        })
                    })
                    .collect();
                messages.sort_by_key(|m| m.uid);
                store_for(members, folder, uidvalidity, &messages, &mut stored)?;
            }
            Response::HeadersOnly(fetched, uid, size) => {
                let Some(fetch) = fetched.iter().find(|f| f.uid == Some(*uid)) else {
                    return Ok(0);
                };
                tracing::warn!(
                    folder,
                    uid,
                    size,
                    limit,
                    "inbox: message over the size limit; storing its headers only"
                );
                let fetched = Fetched {
                    uid: *uid,
                    bytes: fetch.header().unwrap_or_default(),
                    size: Some(*size),
                    arrived: arrived(fetch),
                };
                store_for(members, folder, uidvalidity, &[fetched], &mut stored)?;
            }
        }
        // Processing starts on what is stored while the rest is read.
        let mut total = 0;
        for (member, stored) in members.iter().zip(stored) {
            if stored > 0 {
                tracing::info!(survey = %member.survey.id, stored, "inbox: new messages stored");
                member.notify.notify_one();
                total += stored;
            }
        }
        Ok(total)
    }
}

/// One fetched message (or, for one over the size limit, its headers).
struct Fetched<'a> {
    uid: u32,
    /// The message, or its headers only.
    bytes: &'a [u8],
    /// The server's size when `bytes` are the headers only.
    size: Option<usize>,
    arrived: jiff::Timestamp,
}

/// Stores one FETCH's messages, in UID order, for the surveys each goes
/// to ([`route`]), straight from the server's response (no copy): one
/// transaction per survey for the whole FETCH, which also moves that
/// survey's cursor past every message of it (those routed elsewhere
/// included). Counts what was new per survey in `stored`.
fn store_for(
    members: &[Member],
    folder: &str,
    uidvalidity: u32,
    messages: &[Fetched<'_>],
    stored: &mut [usize],
) -> Result<()> {
    let Some(last) = messages.iter().map(|m| m.uid).max() else {
        return Ok(());
    };
    let message_ids: Vec<Option<String>> = messages
        .iter()
        .map(|m| {
            crate::understand::mime::parse_headers(m.bytes)
                .and_then(|h| h.message_id().map(str::to_owned))
        })
        .collect();
    let routes = messages
        .iter()
        .map(|m| route(m.bytes, members))
        .collect::<Result<Vec<_>>>()?;
    for (i, member) in members.iter().enumerate() {
        let survey = &member.survey.id;
        let mine: Vec<crate::store::Fetched<'_>> = messages
            .iter()
            .zip(&message_ids)
            .zip(&routes)
            .filter(|(_, routed)| routed.targets.contains(&i))
            .map(|((message, message_id), routed)| crate::store::Fetched {
                folder,
                uidvalidity,
                uid: message.uid,
                message_id: message_id.as_deref(),
                bytes: message.bytes,
                size: message.size,
                arrived: message.arrived,
                shared_sender: routed.shared_sender,
            })
            .collect();
        if !mine.is_empty() {
            let outcomes = member.store.store_fetched(
                survey,
                &mine,
                &member.survey.replies.folders.quarantine,
            )?;
            stored[i] += outcomes
                .iter()
                .filter(|o| matches!(o, crate::store::Stored::New(_)))
                .count();
        }
        // Past the messages of this FETCH that went to other surveys only.
        if mine.last().map(|m| m.uid) != Some(last) {
            member
                .store
                .advance_cursor(survey, folder, uidvalidity, last)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_are_bounded_in_count_and_bytes_and_oversized_go_alone() {
        const MB: usize = 1024 * 1024;
        let limit = 25 * MB;
        // 2 * BATCH + 20 small ones: BATCH, BATCH, 20.
        let small: Vec<(u32, usize)> = (1..=2 * BATCH as u32 + 20).map(|u| (u, 1000)).collect();
        let counts: Vec<usize> = batches(&small, limit)
            .iter()
            .map(|b| match b {
                Batch::Whole(u) => u.len(),
                Batch::HeadersOnly(..) => 0,
            })
            .collect();
        assert_eq!(counts, [BATCH, BATCH, 20]);
        // Bytes: 3 MB + 3 MB do not share a FETCH; a 10 MB one goes alone;
        // a 30 MB one is over the limit: headers only, in its place.
        let mixed = [
            (1, 3 * MB),
            (2, 3 * MB),
            (3, 10 * MB),
            (4, 30 * MB),
            (5, 100),
        ];
        assert_eq!(
            batches(&mixed, limit),
            [
                Batch::Whole(vec![1]),
                Batch::Whole(vec![2]),
                Batch::Whole(vec![3]),
                Batch::HeadersOnly(4, 30 * MB),
                Batch::Whole(vec![5]),
            ]
        );
    }
}
