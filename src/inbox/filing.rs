//! Filing processed messages on the server: decided UIDs grouped by
//! destination and moved in batches (UID MOVE, or COPY, flag, EXPUNGE),
//! one at a time when a batch is refused, folders created (and created
//! again while mail waits for them), copies read again after a UIDVALIDITY
//! change filed beside their first copy, and what keeps messages from their
//! folders reported for `status`. Apart from fetching because filing never
//! holds up reading, and its failures are the server's refusals, not lost
//! mail.

use std::time::Duration;

use super::connection::{Abilities, imap_error};
use super::fetching::SIZES_PER_FETCH;
use super::naming::Hierarchy;
use super::{Member, Session, Watcher};
use crate::{Error, Result};

impl Watcher {
    /// Moves processed messages to their folders, in batches: the decided
    /// UIDs grouped by destination, each group moved with one UID MOVE (or
    /// UID COPY, flag, UID EXPUNGE where the server has no MOVE) per
    /// [`MOVE_CHUNK`] UIDs. A batch the server refuses is moved one message
    /// at a time, so one message it will not take holds back no other; a
    /// message refused alone is tried alone on each later round. A message
    /// for a folder that could not be created waits in the inbox while
    /// creation is tried again each round. What keeps messages from their
    /// folders goes to `health` in the server's words, and is cleared once
    /// filing works again. Only a broken connection ends the session.
    ///
    /// A message several surveys got waits until each has decided, and
    /// goes where the survey that claimed it put it (unmatched only if all
    /// left it unmatched). Runs after fetching: filing never holds up
    /// reading.
    pub(super) fn file(
        &self,
        session: &mut Session,
        folder: &str,
        uidvalidity: u32,
        has_move: bool,
        filing: &mut Filing,
    ) -> Result<()> {
        let started = std::time::Instant::now();
        let commands_before = filing.commands;
        filing.round += 1;
        let members = self.members();
        let groups = decided_by_folder(&members, folder, uidvalidity)?;
        self.create_waiting_folders(session, filing, &groups)?;
        let mut problems = Vec::new();
        let mut filed = 0usize;
        let mut still_refused = std::collections::HashMap::new();
        for (file_to, pending) in &groups {
            if let Some(words) = filing.missing.get(file_to) {
                problems.push(format!(
                    "cannot create folder {file_to} ({words}); {} message(s) for it wait in {folder}; fix: create folder {file_to} on the server, or change [replies.folders] in {}",
                    pending.len(),
                    files_naming(&members, file_to)
                ));
                continue;
            }
            let (alone, batched): (Vec<&ToFile>, Vec<&ToFile>) = pending
                .iter()
                .partition(|p| filing.refused.contains_key(&(uidvalidity, p.uid)));
            let mut refused_here: Vec<(u32, String)> = Vec::new();
            let mut folder_refused: Option<(String, usize)> = None;
            for (n, chunk) in batched.chunks(MOVE_CHUNK).enumerate() {
                let uids: Vec<u32> = chunk.iter().map(|p| p.uid).collect();
                match attempt(session, &uids, uidvalidity, file_to, has_move, filing)? {
                    Attempt::Moved => {
                        mark_filed(&members, chunk)?;
                        filed += chunk.len();
                    }
                    Attempt::Refused { words, missing } => {
                        if missing {
                            // The folder went away: create it next round.
                            filing.missing.insert(file_to.clone(), words);
                            break;
                        }
                        if filing.first_time(format!("batch {file_to} {words}")) {
                            tracing::warn!(survey = %self.survey.id, folder = %file_to, messages = chunk.len(), error = %crate::report::shown::logged(&words), "inbox: the server refused to file a batch; filing its messages one by one");
                        }
                        // One at a time, starting at a different message
                        // each round, until it is clear the folder takes
                        // none (the first three refused, none taken).
                        let (taken, refused) = one_by_one(
                            session,
                            &members,
                            chunk,
                            uidvalidity,
                            file_to,
                            has_move,
                            filing,
                        )?;
                        filed += taken;
                        if taken == 0 && refused.len() < chunk.len() {
                            let waiting = batched.len() - n * MOVE_CHUNK - taken;
                            folder_refused = Some((words, waiting));
                            break;
                        }
                        refused_here.extend(refused);
                    }
                }
            }
            // Messages refused alone before: alone again.
            for one in alone {
                match attempt(session, &[one.uid], uidvalidity, file_to, has_move, filing)? {
                    Attempt::Moved => {
                        mark_filed(&members, &[one])?;
                        filed += 1;
                    }
                    Attempt::Refused { words, .. } => refused_here.push((one.uid, words)),
                }
            }
            if let Some((words, waiting)) = folder_refused {
                if filing.first_time(format!("folder {file_to} {words}")) {
                    tracing::warn!(survey = %self.survey.id, folder = %file_to, waiting, error = %crate::report::shown::logged(&words), "inbox: the server refuses to file messages to this folder; trying again each round");
                }
                problems.push(format!(
                    "the server refuses to move messages to {file_to} ({words}); {waiting} message(s) wait in {folder} and are tried again each round"
                ));
            }
            if let Some((_, words)) = refused_here.first() {
                if filing.first_time(format!("some {file_to} {} {words}", refused_here.len())) {
                    tracing::warn!(survey = %self.survey.id, folder = %file_to, messages = refused_here.len(), error = %crate::report::shown::logged(words), "inbox: the server refused to file some messages; trying them again each round");
                }
                problems.push(format!(
                    "the server refused to move {} message(s) to {file_to} ({words}); they wait in {folder} and are tried again each round",
                    refused_here.len()
                ));
            }
            for (uid, words) in refused_here {
                still_refused.insert((uidvalidity, uid), words);
            }
        }
        filing.refused = still_refused;
        if filed > 0 {
            tracing::info!(
                survey = %self.survey.id,
                filed,
                commands = filing.commands - commands_before,
                ms = started.elapsed().as_millis() as u64,
                "inbox: messages filed"
            );
        }
        self.round_done(filing, problems);
        Ok(())
    }

    /// Ends a filing round: says once that filing works again, and puts
    /// what keeps messages from their folders where `status` sees it.
    fn round_done(&self, filing: &mut Filing, problems: Vec<String>) {
        if problems.is_empty() && filing.missing.is_empty() {
            if !filing.problems.is_empty() {
                tracing::info!(survey = %self.survey.id, "inbox: filing works again");
            }
            filing.logged.clear();
        }
        filing.problems = problems;
        self.report_filing(filing);
    }

    /// Tries again to create the folders that could not be created, where
    /// mail waits for them.
    fn create_waiting_folders(
        &self,
        session: &mut Session,
        filing: &mut Filing,
        groups: &std::collections::BTreeMap<String, Vec<ToFile>>,
    ) -> Result<()> {
        // Folders that could not be created: try again while mail waits.
        let waiting: Vec<String> = filing
            .missing
            .keys()
            .filter(|f| groups.contains_key(*f))
            .cloned()
            .collect();
        for missing in waiting {
            match ensure_folder(session, &filing.server.hierarchy, &missing)? {
                None => {
                    tracing::info!(survey = %self.survey.id, folder = %missing, "inbox: the folder exists now; filing the messages that waited for it");
                    filing.missing.remove(&missing);
                }
                Some(words) => {
                    filing.missing.insert(missing, words);
                }
            }
        }
        Ok(())
    }

    /// Files copies of stored messages that wait in the inbox: after a
    /// UIDVALIDITY change the folder is read again, and each message
    /// recognised as stored before (by Message-ID or content) is not
    /// stored twice; here it goes to the folder its first copy went to, so
    /// the inbox empties. Looks when a connection starts, when UIDVALIDITY
    /// changed, every [`COPIES_EVERY`], and again while a copy waits
    /// (its first copy undecided, or its move refused).
    pub(super) fn file_copies(
        &self,
        session: &mut Session,
        folder: &str,
        uidvalidity: u32,
        has_move: bool,
        filing: &mut Filing,
    ) -> Result<()> {
        let due = match filing.swept {
            Some((validity, at)) => {
                validity != uidvalidity || filing.sweep_again || at.elapsed() >= COPIES_EVERY
            }
            None => true,
        };
        if !due {
            return Ok(());
        }
        filing.swept = Some((uidvalidity, std::time::Instant::now()));
        filing.sweep_again = false;
        let members = self.members();
        let (last, known) = read_past(&members, folder, uidvalidity)?;
        if last == 0 || last == u32::MAX {
            return Ok(());
        }
        let mut copies: Vec<u32> = session
            .uid_search(format!("UID 1:{last}"))
            .map_err(imap_error)?
            .into_iter()
            .filter(|u| *u <= last && !known.contains(u))
            .collect();
        filing.commands += 1;
        if copies.is_empty() {
            return Ok(());
        }
        copies.sort_unstable();
        // Where each one's first copy went.
        let mut to: std::collections::BTreeMap<String, Vec<u32>> = Default::default();
        let mut unexplained = 0;
        for chunk in copies.chunks(SIZES_PER_FETCH) {
            let fetched = session
                .uid_fetch(uid_ranges(chunk), "(UID BODY.PEEK[HEADER])")
                .map_err(imap_error)?;
            filing.commands += 1;
            let mut found: Vec<(u32, Option<String>)> = fetched
                .iter()
                .filter_map(|f| {
                    let id = crate::understand::mime::parse_headers(f.header()?)
                        .and_then(|m| m.message_id().map(str::to_owned));
                    Some((f.uid?, id))
                })
                .collect();
            drop(fetched);
            for (uid, message_id) in &mut found {
                let hash = if message_id.is_none() {
                    // No Message-ID: the whole message, for its hash.
                    let whole = session
                        .uid_fetch(uid.to_string(), "(UID BODY.PEEK[])")
                        .map_err(imap_error)?;
                    filing.commands += 1;
                    whole
                        .iter()
                        .find(|f| f.uid == Some(*uid))
                        .and_then(|f| f.body())
                        .map(crate::store::content_hash)
                } else {
                    None
                };
                match first_copy(&members, message_id.as_deref(), hash.as_deref())? {
                    Some(crate::store::FirstCopy {
                        decided: true,
                        file_to: Some(file_to),
                    }) => to.entry(file_to).or_default().push(*uid),
                    // Its first copy is not decided yet: next round.
                    Some(_) => filing.sweep_again = true,
                    None => unexplained += 1,
                }
            }
        }
        if unexplained > 0 {
            tracing::warn!(survey = %self.survey.id, folder, messages = unexplained, "inbox: messages read past but stored nowhere; they stay in the inbox");
        }
        let mut moved = 0;
        for (file_to, uids) in &to {
            if filing.missing.contains_key(file_to) {
                filing.sweep_again = true;
                continue;
            }
            for chunk in uids.chunks(MOVE_CHUNK) {
                match attempt(session, chunk, uidvalidity, file_to, has_move, filing)? {
                    Attempt::Moved => moved += chunk.len(),
                    Attempt::Refused { words, .. } => {
                        tracing::warn!(survey = %self.survey.id, folder = %file_to, messages = chunk.len(), error = %crate::report::shown::logged(&words), "inbox: the server refused to file copies read again; trying again next round");
                        filing.sweep_again = true;
                    }
                }
            }
        }
        if moved > 0 {
            tracing::info!(survey = %self.survey.id, folder, moved, "inbox: copies of messages stored before filed beside their first copy");
        }
        Ok(())
    }

    /// On a server without UIDPLUS: counts the filed messages that wait in
    /// the inbox flagged `\Deleted` (flagged, and stored by a member: not
    /// another client's), for `status`. One UID SEARCH; the stores are
    /// asked only when something is flagged.
    pub(super) fn count_left_flagged(
        &self,
        session: &mut Session,
        folder: &str,
        uidvalidity: u32,
        filing: &mut Filing,
    ) -> Result<()> {
        let flagged = session.uid_search("DELETED").map_err(imap_error)?;
        filing.commands += 1;
        let mut ours = 0;
        if !flagged.is_empty() {
            let mut stored = std::collections::HashSet::new();
            for member in self.members() {
                stored.extend(
                    member
                        .store
                        .stored_uids(&member.survey.id, folder, uidvalidity)?,
                );
            }
            ours = flagged.iter().filter(|u| stored.contains(*u)).count();
        }
        if ours != filing.left_flagged {
            if ours > filing.left_flagged {
                tracing::warn!(survey = %self.survey.id, folder, messages = ours, "inbox: the server has no UIDPLUS: filed messages are copied to their folders and left flagged \\Deleted here, never expunged with a plain EXPUNGE");
            }
            filing.left_flagged = ours;
            self.report_filing(filing);
        }
        Ok(())
    }

    /// Puts what keeps messages from their folders where `status` sees it
    /// (through the service's store thread), or clears it.
    pub(super) fn report_filing(&self, filing: &Filing) {
        let mut lines = filing.problems.clone();
        if filing.left_flagged > 0 {
            lines.push(format!(
                "the IMAP server has no UIDPLUS, so no UID EXPUNGE: {} filed message(s) were copied to their folders and stay in {} flagged \\Deleted (mailsurvey never sends a plain EXPUNGE, which would also remove other clients' deleted mail); fix: expunge that folder from a mail client when no one else's deleted mail is in it, or use a server with UIDPLUS",
                filing.left_flagged, self.survey.replies.inbox
            ));
        }
        // A folder that could not be created and has no message waiting
        // for it yet is still worth knowing about.
        for (folder, words) in &filing.missing {
            if !lines
                .iter()
                .any(|l| l.contains(&format!("folder {folder} (")))
            {
                lines.push(format!(
                    "cannot create folder {folder} ({words}); messages for it will wait in the inbox; fix: create folder {folder} on the server, or change [replies.folders] in {}",
                    files_naming(&self.members(), folder)
                ));
            }
        }
        self.health
            .set_filing((!lines.is_empty()).then(|| lines.join("\n")));
    }
}

/// UIDs per UID MOVE (or COPY): a command line of a few kilobytes at most.
const MOVE_CHUNK: usize = 500;

/// How often the inbox is looked at for copies of stored messages when
/// nothing else asks for it.
const COPIES_EVERY: Duration = Duration::from_secs(300);

/// What filing knows between rounds, kept by the watcher's thread across
/// reconnects.
#[derive(Debug, Default)]
pub(super) struct Filing {
    /// Folders that could not be created, with the server's words: the
    /// messages for them wait in the inbox.
    pub(super) missing: std::collections::BTreeMap<String, String>,
    /// Messages the server refused to move on their own, by (UIDVALIDITY,
    /// UID), with its words: tried alone each round, kept out of batches.
    refused: std::collections::HashMap<(u32, u32), String>,
    /// Messages copied to a folder whose flag or expunge the server then
    /// refused (a server without MOVE), by (UIDVALIDITY, UID), with that
    /// folder: the next try flags and expunges them without copying
    /// again, so the folder never gets a second copy.
    copied: std::collections::HashMap<(u32, u32), String>,
    /// What the last round could not do, one line each.
    problems: Vec<String>,
    /// Filing rounds so far (the one-by-one fallback starts at a
    /// different message each round).
    round: usize,
    /// IMAP commands sent for filing so far.
    commands: usize,
    /// When the inbox was last looked at for copies, and under which
    /// UIDVALIDITY; `None`: on the next round.
    pub(super) swept: Option<(u32, std::time::Instant)>,
    /// A copy waits (its first copy undecided, or its move refused).
    sweep_again: bool,
    /// Refusals already logged since filing last worked in full: a
    /// refusal that lasts is logged once, not on every round.
    logged: std::collections::HashSet<String>,
    /// What the server can do and how it names folders, learnt on each
    /// connection.
    pub(super) server: Abilities,
    /// On a server without UIDPLUS: the filed messages copied to their
    /// folders that wait in the inbox flagged `\Deleted`, as last counted.
    left_flagged: usize,
}

impl Filing {
    /// True the first time `what` is seen since filing last worked in
    /// full.
    fn first_time(&mut self, what: String) -> bool {
        self.logged.insert(what)
    }
}

/// A decided message waiting to be filed: its UID, and its rows (member
/// index, row id) in the members' stores.
#[derive(Debug)]
struct ToFile {
    uid: u32,
    rows: Vec<(usize, i64)>,
}

/// The decided messages of `folder` by destination, in UID order; rows
/// whose UID means nothing any more (another UIDVALIDITY) are marked filed
/// where they are. A message several surveys got waits until each has
/// decided, and goes where the one that claimed it put it.
fn decided_by_folder(
    members: &[Member],
    folder: &str,
    uidvalidity: u32,
) -> Result<std::collections::BTreeMap<String, Vec<ToFile>>> {
    let mut by_uid: std::collections::BTreeMap<u32, Vec<(usize, crate::store::Unfiled)>> =
        std::collections::BTreeMap::new();
    let mut undecided = std::collections::HashSet::new();
    for (i, member) in members.iter().enumerate() {
        let mut stale = Vec::new();
        for item in member.store.unfiled(&member.survey.id)? {
            if item.folder != folder || item.uidvalidity != uidvalidity {
                // Its UID means nothing any more; it stays where it is
                // (a copy read again is filed beside it: `file_copies`).
                stale.push(item.id);
                continue;
            }
            by_uid.entry(item.uid).or_default().push((i, item));
        }
        member.store.mark_filed_all(&stale)?;
        if members.len() > 1 {
            undecided.extend(member.store.undecided_uids(
                &member.survey.id,
                folder,
                uidvalidity,
            )?);
        }
    }
    // Decided messages by destination, in UID order.
    let mut groups: std::collections::BTreeMap<String, Vec<ToFile>> =
        std::collections::BTreeMap::new();
    for (uid, rows) in by_uid {
        if undecided.contains(&uid) {
            continue;
        }
        let file_to = rows
            .iter()
            .find(|(i, item)| item.file_to != members[*i].survey.replies.folders.unmatched)
            .unwrap_or(&rows[0])
            .1
            .file_to
            .clone();
        groups.entry(file_to).or_default().push(ToFile {
            uid,
            rows: rows.iter().map(|(i, item)| (*i, item.id)).collect(),
        });
    }
    Ok(groups)
}

/// A batch the server refused, one message at a time, starting at a
/// different message each round, until it is clear the folder takes none
/// (the first three refused, none taken): how many were taken, and the
/// refused ones with the server's words.
fn one_by_one(
    session: &mut Session,
    members: &[Member],
    chunk: &[&ToFile],
    uidvalidity: u32,
    file_to: &str,
    has_move: bool,
    filing: &mut Filing,
) -> Result<(usize, Vec<(u32, String)>)> {
    let start = (filing.round * 3) % chunk.len();
    let mut taken = 0;
    let mut refused = Vec::new();
    for k in 0..chunk.len() {
        let one = chunk[(start + k) % chunk.len()];
        match attempt(session, &[one.uid], uidvalidity, file_to, has_move, filing)? {
            Attempt::Moved => {
                mark_filed(members, &[one])?;
                taken += 1;
            }
            Attempt::Refused { words, .. } => {
                refused.push((one.uid, words));
                if taken == 0 && refused.len() >= 3 {
                    break;
                }
            }
        }
    }
    Ok((taken, refused))
}

/// Where every member has read `folder` up to (the lowest cursor; 0 when
/// one has not read it in this UIDVALIDITY), and the UIDs stored by any.
fn read_past(
    members: &[Member],
    folder: &str,
    uidvalidity: u32,
) -> Result<(u32, std::collections::HashSet<u32>)> {
    let mut last = u32::MAX;
    let mut known = std::collections::HashSet::new();
    for member in members {
        let theirs = match member.store.cursor(&member.survey.id, folder)? {
            Some((validity, last)) if validity == uidvalidity => last,
            _ => 0,
        };
        last = last.min(theirs);
        known.extend(
            member
                .store
                .stored_uids(&member.survey.id, folder, uidvalidity)?,
        );
    }
    Ok((last, known))
}

/// The first stored copy of a message read again, in the first member
/// that has one, by Message-ID or else by content hash.
fn first_copy(
    members: &[Member],
    message_id: Option<&str>,
    hash: Option<&str>,
) -> Result<Option<crate::store::FirstCopy>> {
    for member in members {
        if let Some(copy) = member
            .store
            .first_copy(&member.survey.id, message_id, hash)?
        {
            return Ok(Some(copy));
        }
    }
    Ok(None)
}

/// Marks messages filed in their stores, one commit per member.
fn mark_filed(members: &[Member], moved: &[&ToFile]) -> Result<()> {
    for (i, member) in members.iter().enumerate() {
        let ids: Vec<i64> = moved
            .iter()
            .flat_map(|p| p.rows.iter())
            .filter(|(m, _)| *m == i)
            .map(|(_, id)| *id)
            .collect();
        member.store.mark_filed_all(&ids)?;
    }
    Ok(())
}

/// The survey files whose `[replies.folders]` name `folder`.
fn files_naming(members: &[Member], folder: &str) -> String {
    let files: Vec<String> = members
        .iter()
        .filter(|m| m.survey.replies.folders.all().any(|f| f == folder))
        .map(|m| m.survey.file.display().to_string())
        .collect();
    if files.is_empty() {
        "the survey file".to_owned()
    } else {
        files.join(", ")
    }
}

/// What became of one move.
enum Attempt {
    /// The server took it.
    Moved,
    /// The server refused it, in these words; `missing`: because the
    /// folder does not exist (TRYCREATE).
    Refused { words: String, missing: bool },
}

/// Moves the messages `uids` (of UIDVALIDITY `uidvalidity`) to `folder`
/// with one command (MOVE), or three (COPY, flag \Deleted, UID EXPUNGE)
/// where the server has no MOVE; there, messages copied on an earlier try
/// whose flag or expunge was refused are not copied again. A refusal (NO,
/// BAD, anything but a broken connection) is the answer; a broken
/// connection is the error that ends the session.
fn attempt(
    session: &mut Session,
    uids: &[u32],
    uidvalidity: u32,
    folder: &str,
    has_move: bool,
    filing: &mut Filing,
) -> Result<Attempt> {
    let set = uid_ranges(uids);
    let name = match filing.server.hierarchy.server_name(folder) {
        Ok(name) => name,
        Err(err) => {
            return Ok(Attempt::Refused {
                words: err.to_string(),
                missing: false,
            });
        }
    };
    let uidplus = filing.server.uidplus;
    let moved = if has_move {
        filing.commands += 1;
        session.uid_mv(&set, &name)
    } else {
        let to_copy: Vec<u32> = uids
            .iter()
            .copied()
            .filter(|uid| {
                filing
                    .copied
                    .get(&(uidvalidity, *uid))
                    .is_none_or(|f| f != folder)
            })
            .collect();
        let copied = if to_copy.is_empty() {
            Ok(())
        } else {
            filing.commands += 1;
            session.uid_copy(uid_ranges(&to_copy), &name)
        };
        copied
            .and_then(|()| {
                for uid in &to_copy {
                    filing.copied.insert((uidvalidity, *uid), folder.to_owned());
                }
                filing.commands += 1;
                session
                    .uid_store(&set, "+FLAGS.SILENT (\\Deleted)")
                    .map(drop)
                    .and_then(|()| {
                        // Without UIDPLUS there is no UID EXPUNGE, and a
                        // plain EXPUNGE would also remove every other
                        // client's \Deleted mail: the copies stay, flagged
                        // (counted for `status` by `count_left_flagged`).
                        if !uidplus {
                            return Ok(());
                        }
                        filing.commands += 1;
                        session.uid_expunge(&set).map(drop)
                    })
            })
            .map(|()| {
                for uid in uids {
                    filing.copied.remove(&(uidvalidity, *uid));
                }
            })
    };
    match moved {
        Ok(()) => Ok(Attempt::Moved),
        Err(err @ (imap::Error::Io(_) | imap::Error::ConnectionLost)) => {
            Err(Error::Imap(format!("filing to {folder}: {err}")))
        }
        Err(err) => Ok(Attempt::Refused {
            missing: matches!(&err, imap::Error::No(no) if try_create(&no.code)),
            words: refusal(&err),
        }),
    }
}

/// The server's answer to a refused command, as it said it.
fn refusal(err: &imap::Error) -> String {
    match err {
        imap::Error::No(no) => format!(
            "NO {}{}",
            if try_create(&no.code) {
                "[TRYCREATE] "
            } else {
                ""
            },
            no.information
        ),
        imap::Error::Bad(bad) => format!("BAD {}", bad.information),
        other => other.to_string(),
    }
}

/// Did the server answer `[TRYCREATE]` (the folder does not exist)? The
/// `imap` crate does not re-export its response-code type, so its name is
/// compared.
fn try_create(code: &Option<impl std::fmt::Debug>) -> bool {
    code.as_ref()
        .is_some_and(|c| format!("{c:?}") == "TryCreate")
}

/// Makes sure `folder` (the survey file's path) exists under the server's
/// name for it: `None` when it does (created now, or there already), else
/// why it cannot be: the server's words, or why the path has no name on
/// this server. A server that refuses CREATE for a folder that exists is
/// asked with LIST.
pub(super) fn ensure_folder(
    session: &mut Session,
    hierarchy: &Hierarchy,
    folder: &str,
) -> Result<Option<String>> {
    let name = match hierarchy.server_name(folder) {
        Ok(name) => name,
        Err(err) => return Ok(Some(err.to_string())),
    };
    match session.create(&name) {
        Ok(()) => {
            tracing::info!(folder, name, "inbox: folder created");
            Ok(None)
        }
        Err(err @ (imap::Error::Io(_) | imap::Error::ConnectionLost)) => Err(Error::Imap(format!(
            "creating folder {folder} ({name}): {err}"
        ))),
        // Already there is fine.
        Err(imap::Error::No(no)) if no.information.to_ascii_lowercase().contains("exists") => {
            Ok(None)
        }
        Err(err) => {
            let exists = session
                .list(None, Some(&quoted(&name)))
                .map(|names| names.iter().any(|n| n.name() == name))
                .unwrap_or(false);
            Ok((!exists).then(|| {
                if name == folder {
                    refusal(&err)
                } else {
                    format!("{} (its name on this server: {name})", refusal(&err))
                }
            }))
        }
    }
}

/// A mailbox name as an IMAP quoted string (LIST's pattern is not quoted
/// by the `imap` crate).
fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A UID set in ranges: `1:3,5,7:9`.
fn uid_ranges(uids: &[u32]) -> String {
    let mut sorted = uids.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut out = String::new();
    let mut i = 0;
    while i < sorted.len() {
        let mut j = i;
        while j + 1 < sorted.len() && sorted[j + 1] == sorted[j] + 1 {
            j += 1;
        }
        if !out.is_empty() {
            out.push(',');
        }
        if j > i {
            out.push_str(&format!("{}:{}", sorted[i], sorted[j]));
        } else {
            out.push_str(&sorted[i].to_string());
        }
        i = j + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uid_sets_are_written_as_ranges() {
        assert_eq!(uid_ranges(&[5, 1, 2, 3, 7, 8, 10]), "1:3,5,7:8,10");
        assert_eq!(uid_ranges(&[4]), "4");
        assert_eq!(uid_ranges(&[2, 2, 3]), "2:3");
        assert_eq!(uid_ranges(&[]), "");
        // 500 scattered UIDs stay a command line of a few kilobytes.
        let scattered: Vec<u32> = (0..MOVE_CHUNK as u32).map(|i| 1_000_000 + i * 2).collect();
        assert!(uid_ranges(&scattered).len() < 8 * 500);
    }
}
