//! The timeline's part of the store: the close, reminders and the report.

use std::collections::BTreeMap;

use jiff::Timestamp;
use rusqlite::{OptionalExtension, params};

use super::Cached;
use super::{RecipientStatus, Store, StoredRecipient, recipient_by_id};
use crate::compose::token::Token;
use crate::understand::answer::Answer;
use crate::{Error, Result};

/// Someone who has not replied at all, with when their invitation went
/// out: what reminders and the digest need of them, no more (a national
/// survey has a million of them; [`Store::recipient`] reads the rest).
#[derive(Debug, Clone)]
pub struct Silent {
    /// Their row id.
    pub recipient_id: i64,
    /// Their name as listed.
    pub name: String,
    /// Their token.
    pub token: Token,
    /// When they were added to the list.
    pub added_at: Timestamp,
    /// When their invitation was accepted by the server.
    pub invited_at: Timestamp,
    /// Reminder numbers they already have (queued or sent).
    pub reminded: Vec<u32>,
}

/// A reminder found due by [`Store::reminders_due`]: to whom and which
/// one (its Message-ID is given when it is first claimed).
#[derive(Debug, Clone, PartialEq)]
pub struct DueReminder {
    /// Their row id.
    pub recipient_id: i64,
    /// The reminder's number (1 for the first of the survey's list).
    pub number: u32,
}

/// Recipient ids looked at by one call of [`Store::reminders_due`]: the
/// sweep over a national list goes by ranges of ids, so what it holds and
/// how long it holds the store stay bounded whatever the list's size.
pub const REMINDER_SWEEP: i64 = 50_000;

/// What the report is made of, read from the store.
#[derive(Debug, Clone, Default)]
pub struct ReportData {
    /// How many people's invitation went out (or was refused).
    pub invited: usize,
    /// Of them, how many per value of the breakdown column asked for
    /// (`""`: without one); empty when none was asked for.
    pub invited_by_value: BTreeMap<String, usize>,
    /// Invitations accepted and not bounced.
    pub delivered: usize,
    /// Bounced or refused.
    pub bounced: usize,
    /// Asked for no more mail.
    pub opted_out: usize,
    /// Replies after the close: who, when.
    pub late: Vec<(StoredRecipient, Timestamp)>,
    /// Clarification emails sent.
    pub clarifications_sent: usize,
    /// Inferred answers the doctor confirmed (current, now ok).
    pub inferred_confirmed: usize,
    /// Delivery reports with nothing of ours in them: recorded, nobody
    /// bounced by them.
    pub unverified_bounces: usize,
}

/// A person with current answers, as the report reads them
/// ([`Store::each_answered`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Answered {
    /// Their row id.
    pub recipient_id: i64,
    /// Their name as listed.
    pub name: String,
    /// The address invited.
    pub email: String,
    /// Their list columns (`centre`, ...).
    pub attributes: BTreeMap<String, String>,
    /// Their current answers by question id (the source lines are not
    /// read: the report shows none).
    pub answers: BTreeMap<String, Answer>,
    /// A reply of theirs was accepted from another address.
    pub different_sender: bool,
}

/// The people with current answers, each with the time and the row of
/// their first current answer: the report's order of respondents (R001,
/// ...) is theirs sorted by those two, which is done in Rust over the
/// people (a hundred thousand pairs), not by SQLite over every answer.
/// Read from `first_answers` (migration 0027: a row a person, kept by
/// triggers wherever answers change), in person order, without a sort
/// or an aggregate over every answer.
pub(super) const FIRST_ANSWERS: &str =
    "SELECT recipient_id, first_at, first_row FROM first_answers WHERE survey_id = ?1";

/// One person's row and current answers (`?2`, of survey `?1`), in row
/// order: their row by its id, their answers through `answers_current`,
/// whose entries for one person are in row order already (no sort). The
/// person's columns are read from the first row only; the source line is
/// not read (`''`, for [`super::answers::answer_from_row`]).
pub(super) const ANSWERS_OF: &str = "SELECT r.name, r.email, r.attributes,
        a.question_id, a.status, a.value, a.other, a.reason, '', a.id
     FROM recipients r
     CROSS JOIN answers a ON a.survey_id = ?1 AND a.recipient_id = r.id AND a.current = 1
     WHERE r.id = ?2
     ORDER BY a.id";

/// The one rule for what stops a listed, active person's reminders, used
/// both when reminders are queued ([`Store::silent`]) and when one is about
/// to be sent (`claim_due`): answers of theirs that count (a reply with
/// their token, a held reply once confirmed or accepted, a trusted DMARC
/// pass). A message that is held, or has no token and nothing to hold (a
/// forged "I'll answer later"), stops nothing; an opt-out stops all mail
/// through the person's status instead. An SQL condition on `r`, a row of
/// `recipients`.
pub(super) const STOPS_REMINDERS: &str =
    "EXISTS (SELECT 1 FROM answers a WHERE a.survey_id = r.survey_id AND a.recipient_id = r.id)";

/// The people with answers ([`STOPS_REMINDERS`] as one read), in id
/// order, from the covering index `answers_current`: [`Store::silent`]
/// merges it with the people invited.
pub(super) const ANSWERED_IN_ORDER: &str =
    "SELECT DISTINCT recipient_id FROM answers WHERE survey_id = ?1 ORDER BY recipient_id";

/// The sent invitations of people `?2 < id <= ?3`, in recipient order,
/// from the covering index `outbox_by_kind` (survey, kind, state,
/// recipient, time sent).
pub(super) const INVITED_IN_RANGE: &str = "SELECT recipient_id, sent_at FROM outbox
     WHERE survey_id = ?1 AND kind = 'invitation' AND state = 'sent'
       AND recipient_id > ?2 AND recipient_id <= ?3
     ORDER BY recipient_id";

/// The people `?2 < id <= ?3` with answers ([`STOPS_REMINDERS`] as one
/// read), in order, from the covering index `answers_current`.
pub(super) const ANSWERED_IN_RANGE: &str = "SELECT DISTINCT recipient_id FROM answers
     WHERE survey_id = ?1 AND recipient_id > ?2 AND recipient_id <= ?3
     ORDER BY recipient_id";

/// The reminders of people `?2 < id <= ?3` (queued or sent), in
/// recipient order, from the covering unique index on (survey, recipient,
/// kind, number).
pub(super) const REMINDED_IN_RANGE: &str = "SELECT recipient_id, seq FROM outbox
     WHERE survey_id = ?1 AND recipient_id > ?2 AND recipient_id <= ?3 AND kind = 'reminder'
     ORDER BY recipient_id";

/// [`of_person`] into `into` (appended), without a vector per person;
/// whether there were any.
fn of_person_into<T>(
    rows: &mut std::iter::Peekable<impl Iterator<Item = rusqlite::Result<(i64, T)>>>,
    id: i64,
    into: &mut Vec<T>,
) -> Result<bool> {
    let mut any = false;
    while let Some(next) = rows.peek() {
        match next {
            Ok((person, _)) if *person > id => break,
            Ok(_) => {
                let (person, value) = rows.next().expect("peeked")?;
                if person == id {
                    into.push(value);
                    any = true;
                }
            }
            Err(_) => {
                rows.next().expect("peeked")?;
            }
        }
    }
    Ok(any)
}

/// The values of person `id` in `rows` (read in person order), after
/// skipping those of people before them; the rows of later people stay.
fn of_person<T>(
    rows: &mut std::iter::Peekable<impl Iterator<Item = rusqlite::Result<(i64, T)>>>,
    id: i64,
) -> Result<Vec<T>> {
    let mut values = Vec::new();
    while let Some(next) = rows.peek() {
        match next {
            Ok((person, _)) if *person > id => break,
            Ok(_) => {
                let (person, value) = rows.next().expect("peeked")?;
                if person == id {
                    values.push(value);
                }
            }
            Err(_) => {
                rows.next().expect("peeked")?;
            }
        }
    }
    Ok(values)
}

/// A stored time of recipient `id`'s, or an error naming the row.
fn ts(id: i64, seconds: i64) -> Result<Timestamp> {
    super::rows::timestamp("recipients", id, seconds)
}

impl Store {
    /// When the survey closed, if it has.
    pub fn closed_at(&self, survey_id: &str) -> Result<Option<Timestamp>> {
        closed_at(&self.lock(), survey_id)
    }

    /// Closes the survey at `at` (once; later calls change nothing) and
    /// cancels invitations and reminders not yet sent. Returns whether this
    /// call closed it.
    pub fn close(&self, survey_id: &str, at: Timestamp, reason: &str) -> Result<bool> {
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        let changed = tx.execute_cached(
            "UPDATE surveys SET closed_at = ?2, close_reason = ?3 WHERE id = ?1 AND closed_at IS NULL",
            params![survey_id, at.as_second(), reason],
        )?;
        if changed > 0 {
            tx.execute_cached(
                "UPDATE outbox SET state = 'cancelled', cancel_reason = 'closed'
                 WHERE survey_id = ?1 AND state = 'pending' AND kind IN ('invitation', 'reminder')",
                [survey_id],
            )?;
        }
        tx.commit()?;
        Ok(changed > 0)
    }

    /// Listed, active people whose invitation went out and who have no
    /// counted answer ([`STOPS_REMINDERS`]; a partial reply is followed up
    /// by clarification), in id order.
    ///
    /// Three reads in recipient order, merged here, instead of one query
    /// with two lookups per person (at a million people those
    /// lookups were most of the query's CPU): the sent invitations from
    /// the covering index `outbox_by_kind` (migration 0023) with each
    /// person's row by id, the people with answers ([`ANSWERED_IN_ORDER`])
    /// and the reminders queued, both from covering indexes.
    pub fn silent(&self, survey_id: &str) -> Result<Vec<Silent>> {
        let conn = self.lock();
        let mut invited = conn.prepare_cached(
            "SELECT o.recipient_id, r.name, r.selector || r.verifier, r.added_at, o.sent_at
             FROM outbox o CROSS JOIN recipients r ON r.id = o.recipient_id
             WHERE o.survey_id = ?1 AND o.kind = 'invitation' AND o.state = 'sent'
               AND r.listed = 1 AND r.status = 'active'
             ORDER BY o.recipient_id",
        )?;
        let mut answered = conn.prepare_cached(ANSWERED_IN_ORDER)?;
        let mut reminders = conn.prepare_cached(
            "SELECT recipient_id, seq FROM outbox
             WHERE survey_id = ?1 AND kind = 'reminder' ORDER BY recipient_id",
        )?;
        let mut answered = answered
            .query_map([survey_id], |r| Ok((r.get::<_, i64>(0)?, ())))?
            .peekable();
        let mut reminders = reminders
            .query_map([survey_id], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)? as u32))
            })?
            .peekable();
        let mut silent = Vec::new();
        let mut rows = invited.query([survey_id])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            if !of_person(&mut answered, id)?.is_empty() {
                continue;
            }
            let reminded = of_person(&mut reminders, id)?;
            let token: String = r.get(2)?;
            silent.push(Silent {
                recipient_id: id,
                name: r.get(1)?,
                token: Token::parse(&token).ok_or_else(|| Error::Decode {
                    table: "recipients",
                    row: id,
                    detail: "the token is not well formed".into(),
                })?,
                added_at: ts(id, r.get(3)?)?,
                invited_at: ts(id, r.get(4)?)?,
                reminded,
            });
        }
        Ok(silent)
    }

    /// The highest recipient id in the store (0 when there is nobody):
    /// where a sweep by ranges of ids ([`Store::reminders_due`]) ends.
    pub fn highest_recipient_id(&self) -> Result<i64> {
        let highest: Option<i64> =
            self.lock()
                .query_row_cached("SELECT MAX(id) FROM recipients", [], |r| r.get(0))?;
        Ok(highest.unwrap_or(0))
    }

    /// The reminders due among the people of ids `after < id <= through`:
    /// the same people as [`Store::silent`] (invitation sent, no counted
    /// answer, listed and active), but only those a reminder is due for
    /// now, and nothing built for the others (issue 23: a turn of the
    /// daemon built 900,000 [`Silent`] values to queue none).
    ///
    /// `pick` is given each unanswered person's invitation time and the
    /// reminder numbers they have (queued or sent), and names the reminder
    /// due for them and its time, if any, ignoring when they were added
    /// to the list; a reminder whose time came before they were added is
    /// not theirs, which is checked here, with their list state, for the
    /// people picked only. Three reads of covering indexes over the range
    /// of ids, merged in recipient order (plans asserted by
    /// `store::tests::reminders_due_reads_ranges_of_indexes_and_only_the_picked_rows`).
    pub fn reminders_due(
        &self,
        survey_id: &str,
        after: i64,
        through: i64,
        mut pick: impl FnMut(Timestamp, &[u32]) -> Option<(u32, Timestamp)>,
    ) -> Result<Vec<DueReminder>> {
        let conn = self.lock();
        let mut invited = conn.prepare_cached(INVITED_IN_RANGE)?;
        let mut answered = conn.prepare_cached(ANSWERED_IN_RANGE)?;
        let mut reminders = conn.prepare_cached(REMINDED_IN_RANGE)?;
        let range = params![survey_id, after, through];
        let mut answered = answered
            .query_map(range, |r| Ok((r.get::<_, i64>(0)?, ())))?
            .peekable();
        let mut reminders = reminders
            .query_map(range, |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)? as u32))
            })?
            .peekable();
        let mut picked: Vec<(i64, u32, Timestamp)> = Vec::new();
        let mut reminded: Vec<u32> = Vec::new();
        let mut rows = invited.query(range)?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            if of_person_into(&mut answered, id, &mut Vec::new())? {
                continue;
            }
            reminded.clear();
            of_person_into(&mut reminders, id, &mut reminded)?;
            if let Some((number, at)) = pick(ts(id, r.get(1)?)?, &reminded) {
                picked.push((id, number, at));
            }
        }
        drop(rows);
        let mut person = conn.prepare_cached(
            "SELECT added_at FROM recipients
             WHERE id = ?1 AND survey_id = ?2 AND listed = 1 AND status = 'active'",
        )?;
        let mut due = Vec::with_capacity(picked.len());
        for (id, number, at) in picked {
            let found: Option<i64> = person
                .query_row(params![id, survey_id], |r| r.get(0))
                .optional()?;
            let Some(added_at) = found else {
                continue;
            };
            if at < ts(id, added_at)? {
                continue;
            }
            due.push(DueReminder {
                recipient_id: id,
                number,
            });
        }
        Ok(due)
    }

    /// Queues reminders in one transaction, each `(recipient id, reminder
    /// number)`; one already queued changes nothing. Returns how many were
    /// queued. A reminder is given its Message-ID when first claimed
    /// ([`Store::claim_batch`]), as an invitation is.
    pub fn queue_reminders(
        &self,
        survey_id: &str,
        due: &[(i64, u32)],
        now: Timestamp,
    ) -> Result<usize> {
        let mut conn = self.lock();
        let tx = conn.transaction()?;
        let mut queued = 0;
        for (recipient_id, number) in due {
            queued += tx.execute_cached(
                "INSERT OR IGNORE INTO outbox (survey_id, recipient_id, kind, seq, next_attempt_at, created_at)
                 VALUES (?1, ?2, 'reminder', ?3, ?4, ?4)",
                params![survey_id, recipient_id, number, now.as_second()],
            )?;
        }
        tx.commit()?;
        Ok(queued)
    }

    /// Everyone still reachable (listed, active), for the early close:
    /// their current answers. Only verified states take a person out: an
    /// opt-out without a token stops their mail at once, but until they
    /// confirm it they are still counted here, so strangers' opt-outs in
    /// the names of those who have not answered never close the survey.
    pub fn reachable_answers(&self, survey_id: &str) -> Result<Vec<BTreeMap<String, Answer>>> {
        let rows: Vec<(i64, RecipientStatus)> = {
            let conn = self.lock();
            let mut stmt = conn.prepare_cached(
                "SELECT r.id, r.status FROM recipients r
                 WHERE r.survey_id = ?1 AND r.listed = 1 AND r.status IN ('active', 'opted_out')",
            )?;
            stmt.query_map([survey_id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        let mut reachable = Vec::new();
        for (id, status) in rows {
            let unconfirmed_opt_out = || -> Result<bool> {
                Ok(self
                    .pending_confirmation(id)?
                    .is_some_and(|pending| pending.request.opt_out))
            };
            if status == RecipientStatus::Active || unconfirmed_opt_out()? {
                reachable.push(self.current_answers(id)?);
            }
        }
        Ok(reachable)
    }

    /// Queues the report (once: its Message-ID is fixed).
    pub fn queue_report(
        &self,
        survey_id: &str,
        message_id: &str,
        body: &[u8],
        now: Timestamp,
    ) -> Result<bool> {
        Ok(self.lock().execute(
            "INSERT OR IGNORE INTO outbox (survey_id, recipient_id, kind, seq, message_id, body, next_attempt_at, created_at)
             VALUES (?1, NULL, 'report', 1, ?2, ?3, ?4, ?4)",
            params![survey_id, message_id, body, now.as_second()],
        )? > 0)
    }

    /// Has the report been queued?
    pub fn report_queued(&self, survey_id: &str) -> Result<bool> {
        Ok(self.lock().query_row(
            "SELECT EXISTS (SELECT 1 FROM outbox WHERE survey_id = ?1 AND kind = 'report')",
            [survey_id],
            |r| r.get(0),
        )?)
    }

    /// What the report is made of; the invited are counted by the value
    /// of their column `breakdown`, if given. The invited are only
    /// counted, never loaded: a national list holds a million people.
    pub fn report_data(&self, survey_id: &str, breakdown: Option<&str>) -> Result<ReportData> {
        let conn = self.lock();
        // One snapshot, the store's locks taken once. Deferred, not the
        // store's default (immediate): a read takes no write lock, so it
        // goes on while another process writes.
        let read =
            rusqlite::Transaction::new_unchecked(&conn, rusqlite::TransactionBehavior::Deferred)?;
        let mut data = ReportData::default();
        // Everyone has one invitation at most (seq 1, queued once), so
        // the invited are counted as invitations sent or refused, from
        // `outbox_by_kind` alone; the bounced and the opted out among
        // them are the few whose state says so (`recipients_by_state`),
        // each probed in that index, plus the refused.
        let (invited, refused): (i64, i64) = conn.query_row_cached(
            "SELECT COUNT(*), COALESCE(SUM(state = 'failed'), 0) FROM outbox
             WHERE survey_id = ?1 AND kind = 'invitation' AND state IN ('sent', 'failed')",
            [survey_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let (bounced_sent, opted_out): (i64, i64) =
            conn.query_row_cached(INVITED_LEFT, [survey_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let bounced = refused + bounced_sent;
        data.invited = invited as usize;
        data.bounced = bounced as usize;
        data.delivered = data.invited - data.bounced;
        data.opted_out = opted_out as usize;
        if let Some(column) = breakdown {
            data.invited_by_value = invited_by_value(&conn, survey_id, column, data.invited)?;
        }
        let mut stmt = conn.prepare_cached(
            "SELECT recipient_id, MIN(received_at) FROM messages
             WHERE survey_id = ?1 AND late = 1 AND kind = 'reply' AND recipient_id IS NOT NULL GROUP BY recipient_id ORDER BY 2",
        )?;
        let late: Vec<(i64, i64)> = stmt
            .query_map([survey_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (id, at) in late {
            data.late.push((recipient_by_id(&conn, id)?, ts(id, at)?));
        }
        data.clarifications_sent = conn.query_row_cached(
            "SELECT COUNT(*) FROM outbox WHERE survey_id = ?1 AND kind = 'clarification' AND state = 'sent'",
            [survey_id],
            |r| r.get::<_, i64>(0),
        )? as usize;
        data.inferred_confirmed = conn.query_row_cached(
            "SELECT COUNT(*) FROM answers WHERE survey_id = ?1 AND current = 1 AND status = 'ok' AND decided_by = ?2",
            rusqlite::params![survey_id, crate::store::CONFIRMED_BY],
            |r| r.get::<_, i64>(0),
        )? as usize;
        data.unverified_bounces = conn.query_row_cached(
            "SELECT COUNT(*) FROM flags WHERE survey_id = ?1 AND kind = 'unverified_bounce'",
            [survey_id],
            |r| r.get::<_, i64>(0),
        )? as usize;
        read.commit()?;
        Ok(data)
    }

    /// Everyone with current answers, with their answers, handed to `each`
    /// one person at a time in the order of their first current answer
    /// (its time, then its row: what the report's labels R001, ...
    /// follow). The people are ordered first (their first answers, read
    /// from an index, sorted here), then each one's row and answers are
    /// read by their id: nobody held but the person at hand and the
    /// order (three numbers a person), so a report over a national
    /// survey holds none of its respondents, and no answer is sorted. The
    /// store is not free for others until it returns. An error of `each`
    /// stops it.
    ///
    /// `each` is lent the person, which is made again in the same place
    /// for the next one: their name, address and question ids are
    /// written into the strings the last person left, not allocated
    /// again (a report reads about ten answers for each of a hundred
    /// thousand people); what `each` changes or takes is not read back.
    pub fn each_answered(
        &self,
        survey_id: &str,
        mut each: impl FnMut(&mut Answered) -> Result<()>,
    ) -> Result<()> {
        let conn = self.lock();
        // One read transaction for all of it: one snapshot of the store
        // (another process may write between the people's reads), and
        // the store's locks taken once, not for every person (a fifth of
        // the report's time when each read took and gave them back).
        // Deferred: a read takes no write lock.
        let read =
            rusqlite::Transaction::new_unchecked(&conn, rusqlite::TransactionBehavior::Deferred)?;
        let different: std::collections::HashSet<i64> = {
            let mut stmt = conn.prepare_cached(
                "SELECT DISTINCT recipient_id FROM messages WHERE survey_id = ?1 AND different_sender = 1 AND decision = 'accepted' AND recipient_id IS NOT NULL",
            )?;
            stmt.query_map([survey_id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        // (first answer's time, its row, the person): sorted, the order.
        let mut order: Vec<(i64, i64, i64)> = {
            let mut stmt = conn.prepare_cached(FIRST_ANSWERS)?;
            stmt.query_map([survey_id], |r| Ok((r.get(1)?, r.get(2)?, r.get(0)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        order.sort_unstable();
        let mut stmt = conn.prepare_cached(ANSWERS_OF)?;
        let mut person = Answered {
            recipient_id: 0,
            name: String::new(),
            email: String::new(),
            attributes: BTreeMap::new(),
            answers: BTreeMap::new(),
            different_sender: false,
        };
        // The question ids of the last person's answers, to be written over.
        let mut spare: Vec<String> = Vec::new();
        for (_, _, id) in order {
            let mut rows = stmt.query(params![survey_id, id])?;
            let mut any = false;
            while let Some(row) = rows.next()? {
                if !any {
                    any = true;
                    refill(&mut person.name, text(row, 0)?);
                    refill(&mut person.email, text(row, 1)?);
                    person.recipient_id = id;
                    person.attributes = attributes_of(id, text(row, 2)?)?;
                    person.different_sender = different.contains(&id);
                    spare.extend(std::mem::take(&mut person.answers).into_keys());
                }
                let mut question = spare.pop().unwrap_or_default();
                refill(&mut question, text(row, 3)?);
                let answer = super::answers::answer_from_row(row, 4)?;
                person.answers.insert(question, answer);
            }
            if any {
                each(&mut person)?;
            }
        }
        drop(stmt);
        Ok(read.commit()?)
    }
}

/// Column `i` of `row`, text read in place.
fn text<'r>(row: &'r rusqlite::Row<'_>, i: usize) -> rusqlite::Result<&'r str> {
    row.get_ref(i)?.as_str().map_err(rusqlite::Error::from)
}

/// `into` holding `text` alone, in the room it has.
fn refill(into: &mut String, text: &str) {
    into.clear();
    into.push_str(text);
}

/// A person's list columns as stored (a JSON object of text).
fn attributes_of(id: i64, stored: &str) -> Result<BTreeMap<String, String>> {
    serde_json::from_str(stored).map_err(|e| Error::Decode {
        table: "recipients",
        row: id,
        detail: format!("attributes are not a JSON object of text: {e}"),
    })
}

/// Of the invited (survey `?1`), those whose state took them out: the
/// bounced whose invitation was accepted (the refused are counted from
/// the outbox), and the opted out. Read from `recipients_by_state` for
/// those two states only (`listed IN (0, 1)` lets the index be searched
/// by state), each probed for their invitation in `outbox_by_kind`.
pub(super) const INVITED_LEFT: &str = "SELECT
        COALESCE(SUM(r.status = 'bounced' AND o.state = 'sent'), 0),
        COALESCE(SUM(r.status = 'opted_out'), 0)
     FROM recipients r
     CROSS JOIN outbox o ON o.survey_id = ?1 AND o.kind = 'invitation'
        AND o.state IN ('sent', 'failed') AND o.recipient_id = r.id
     WHERE r.survey_id = ?1 AND r.listed IN (0, 1) AND r.status IN ('bounced', 'opted_out')";

/// The value of list column `?2` of each of the invited (survey `?1`)
/// who have it, in the order of `outbox_by_kind`: the invitations sent
/// or refused, each person's row by its id.
pub(super) const INVITED_COLUMNS: &str = "SELECT j.value FROM outbox o
     CROSS JOIN recipients r ON r.id = o.recipient_id
     CROSS JOIN json_each(r.attributes) j
     WHERE o.survey_id = ?1 AND o.kind = 'invitation' AND o.state IN ('sent', 'failed')
       AND j.key = ?2";

/// The invited counted by the value of their list column `column`
/// (`""` for those without it), of `invited` in all. Counted here, not
/// grouped by SQLite (which sorts every row to group them).
fn invited_by_value(
    conn: &rusqlite::Connection,
    survey_id: &str,
    column: &str,
    invited: usize,
) -> Result<BTreeMap<String, usize>> {
    let mut stmt = conn.prepare_cached(INVITED_COLUMNS)?;
    let mut rows = stmt.query(params![survey_id, column])?;
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    while let Some(row) = rows.next()? {
        let Some(value) = row
            .get_ref(0)?
            .as_str_or_null()
            .map_err(rusqlite::Error::from)?
        else {
            continue;
        };
        match counts.get_mut(value) {
            Some(count) => *count += 1,
            None => {
                counts.insert(value.to_owned(), 1);
            }
        }
    }
    let mut counts: BTreeMap<String, usize> = counts.into_iter().collect();
    let with_value: usize = counts.values().sum();
    if invited > with_value {
        *counts.entry(String::new()).or_default() += invited - with_value;
    }
    Ok(counts)
}

/// When the survey closed, if it has.
pub(super) fn closed_at(conn: &rusqlite::Connection, survey_id: &str) -> Result<Option<Timestamp>> {
    let at: Option<i64> = conn
        .query_row_cached(
            "SELECT closed_at FROM surveys WHERE id = ?1",
            [survey_id],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    at.map(|at| super::rows::timestamp("surveys", 0, at))
        .transpose()
}

#[cfg(test)]
mod report_reads_tests {
    use rusqlite::Connection;

    use super::super::open::migrations;
    use super::*;

    /// The query plan of `sql`, its steps joined by newlines.
    fn plan(conn: &Connection, sql: &str) -> String {
        let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let mut rows = stmt.raw_query();
        let mut steps = Vec::new();
        while let Some(row) = rows.next().unwrap() {
            steps.push(row.get::<_, String>(3).unwrap());
        }
        steps.join("\n")
    }

    /// Migration 0024 (`answers_first`) on a database written by the
    /// release before it: the report reads the same people in the same
    /// order, with the same answers, as the one ordered query it replaces
    /// (the order of first current answers, by time then row, which here
    /// is neither the order of the people nor of the rows), and counts the
    /// invited, bounced, opted out and invited by centre as its counts by
    /// person did; each read comes from indexes without a sort (the plans
    /// BENCHMARKS.md relies on).
    #[test]
    fn a_database_from_before_0024_reads_the_report_in_order_from_indexes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.db");
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, 23).unwrap();
        // 1 answered at 30 and 50; 2 answered first (at 10), then
        // changed an answer (the old one not current); 3 bounced after
        // its invitation went, answered at 20 and 30; 4, unlisted since,
        // answered at 30 too, by a later row than 1's first; 5 refused;
        // 6 opted out, no answers; 7 pending; 8 bounced, never invited;
        // 9 in another survey. The report's order (2, 3, 1, 4) is neither
        // the people's nor their first rows' (1, 4, 2, 3).
        conn.execute_batch(
            r#"INSERT INTO surveys (id, title, created_at) VALUES ('s', 'S', 0), ('t', 'T', 0);
             INSERT INTO recipients (id, survey_id, email, email_key, name, selector, verifier, listed, status, attributes, added_at)
             VALUES (1, 's', 'a@x.test', 'a@x.test', 'A', 'aaaaaaaaaaaa', 'aaaaaaaaaaaaaaaaaaaa', 1, 'active', '{"centre":"North"}', 5),
                    (2, 's', 'b@x.test', 'b@x.test', 'B', 'bbbbbbbbbbbb', 'bbbbbbbbbbbbbbbbbbbb', 1, 'active', '{"centre":"South","grade":"x","we\"ird":"y"}', 5),
                    (3, 's', 'c@x.test', 'c@x.test', 'C', 'cccccccccccc', 'cccccccccccccccccccc', 1, 'bounced', '{"centre":"North"}', 5),
                    (4, 's', 'd@x.test', 'd@x.test', 'D', 'dddddddddddd', 'dddddddddddddddddddd', 0, 'active', '{}', 5),
                    (5, 's', 'e@x.test', 'e@x.test', 'E', 'eeeeeeeeeeee', 'eeeeeeeeeeeeeeeeeeee', 1, 'active', '{"centre":"South"}', 5),
                    (6, 's', 'f@x.test', 'f@x.test', 'F', 'ffffffffffff', 'ffffffffffffffffffff', 1, 'opted_out', '{"centre":"Cé \"quoted\""}', 5),
                    (7, 's', 'g@x.test', 'g@x.test', 'G', 'gggggggggggg', 'gggggggggggggggggggg', 1, 'active', '{"centre":"North"}', 5),
                    (8, 's', 'h@x.test', 'h@x.test', 'H', 'hhhhhhhhhhhh', 'hhhhhhhhhhhhhhhhhhhh', 1, 'bounced', '{"centre":"North"}', 5),
                    (9, 't', 'a@x.test', 'a@x.test', 'A', 'iiiiiiiiiiii', 'iiiiiiiiiiiiiiiiiiii', 1, 'active', '{"centre":"North"}', 5);
             INSERT INTO outbox (survey_id, recipient_id, kind, seq, message_id, state, next_attempt_at, created_at, sent_at)
             VALUES ('s', 6, 'invitation', 1, 'i6', 'sent', 0, 0, 16),
                    ('s', 1, 'invitation', 1, 'i1', 'sent', 0, 0, 11),
                    ('s', 2, 'invitation', 1, 'i2', 'sent', 0, 0, 12),
                    ('s', 3, 'invitation', 1, 'i3', 'sent', 0, 0, 13),
                    ('s', 4, 'invitation', 1, 'i4', 'sent', 0, 0, 14),
                    ('s', 5, 'invitation', 1, 'i5', 'failed', 0, 0, NULL),
                    ('s', 7, 'invitation', 1, 'i7', 'pending', 0, 0, NULL),
                    ('s', 1, 'reminder', 1, 'r1', 'failed', 0, 0, NULL),
                    ('t', 9, 'invitation', 1, 'i9', 'failed', 0, 0, NULL);
             INSERT INTO answers (id, survey_id, recipient_id, question_id, status, value, source, current, created_at)
             VALUES (1, 's', 1, 'q2', 'ok', '"late"', 'late', 1, 30),
                    (2, 's', 2, 'q1', 'ok', 'true', 'yes', 0, 10),
                    (3, 's', 4, 'q1', 'ok', '3', '3', 1, 30),
                    (4, 's', 2, 'q2', 'ok', '"first"', 'first', 1, 10),
                    (5, 's', 3, 'q1', 'unclear', NULL, 'maybe', 1, 30),
                    (6, 's', 1, 'q1', 'ok', 'false', 'no', 1, 50),
                    (7, 's', 2, 'q1', 'ok', 'false', 'no', 1, 40),
                    (8, 's', 3, 'q2', 'ok', '"c"', 'c', 1, 20),
                    (9, 't', 9, 'q1', 'ok', 'true', 'yes', 1, 1);
             UPDATE answers SET decided_by = 'doctor''s confirmation' WHERE id IN (4, 2);
             INSERT INTO messages (survey_id, folder, uidvalidity, uid, content_hash, size, raw, received_at, state, kind, recipient_id, different_sender, decision, late)
             VALUES ('s', 'INBOX', 1, 1, 'h1', 1, X'', 60, 'processed', 'reply', 1, 0, NULL, 1),
                    ('s', 'INBOX', 1, 2, 'h2', 1, X'', 8, 'processed', 'reply', 2, 1, 'accepted', 0),
                    ('s', 'INBOX', 1, 3, 'h3', 1, X'', 9, 'processed', 'reply', 3, 1, 'rejected', 0),
                    ('s', 'INBOX', 1, 4, 'h4', 1, X'', 9, 'processed', 'reply', 4, 0, NULL, 0);"#,
        )
        .unwrap();
        // What the report read before 0024: one query, every answer sorted.
        let before: Vec<(i64, String, i64)> = {
            let mut stmt = conn
                .prepare(
                    "SELECT f.recipient_id, a.question_id, a.id
                     FROM (SELECT recipient_id, MIN(created_at) AS first_at, MIN(id) AS first_id FROM answers
                           WHERE survey_id = ?1 AND current = 1 GROUP BY recipient_id) f
                     CROSS JOIN recipients r ON r.id = f.recipient_id
                     CROSS JOIN answers a ON a.survey_id = ?1 AND a.recipient_id = f.recipient_id AND a.current = 1
                     ORDER BY f.first_at, f.first_id, a.id",
                )
                .unwrap();
            stmt.query_map(["s"], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap()
        };
        let by_person = |sql: &str| -> (i64, i64, i64, i64) {
            conn.query_row(sql, ["s"], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .unwrap()
        };
        // The counts before 0024, a person at a time.
        let counted_before = by_person(
            "SELECT COUNT(*),
                    COALESCE(SUM(r.status = 'bounced' OR EXISTS (SELECT 1 FROM outbox f WHERE f.recipient_id = r.id AND f.kind = 'invitation' AND f.state = 'failed')), 0),
                    COALESCE(SUM(r.status = 'opted_out'), 0),
                    (SELECT COUNT(*) FROM recipients r JOIN json_each(r.attributes) j ON j.key = 'centre'
                     WHERE r.survey_id = ?1 AND j.value = 'North'
                       AND EXISTS (SELECT 1 FROM outbox o WHERE o.recipient_id = r.id AND o.kind = 'invitation' AND o.state IN ('sent', 'failed')))
             FROM recipients r WHERE r.survey_id = ?1
               AND EXISTS (SELECT 1 FROM outbox o WHERE o.recipient_id = r.id AND o.kind = 'invitation' AND o.state IN ('sent', 'failed'))",
        );
        assert_eq!(counted_before, (6, 2, 1, 2));
        drop(conn);

        let store = Store::open(&path).unwrap();
        let mut read = Vec::new();
        let mut people = Vec::new();
        let mut different = Vec::new();
        store
            .each_answered("s", |person| {
                for question in person.answers.keys() {
                    read.push((person.recipient_id, question.clone()));
                }
                if person.different_sender {
                    different.push(person.recipient_id);
                }
                people.push((
                    person.recipient_id,
                    person.name.clone(),
                    person.attributes.len(),
                ));
                Ok(())
            })
            .unwrap();
        assert_eq!(
            people,
            vec![
                (2, "B".to_owned(), 3),
                (3, "C".to_owned(), 1),
                (1, "A".to_owned(), 1),
                (4, "D".to_owned(), 0)
            ]
        );
        // Each person's answers by question (the map's order), the same set.
        let mut expected: Vec<(i64, String)> =
            before.iter().map(|(p, q, _)| (*p, q.clone())).collect();
        let order: Vec<i64> = people.iter().map(|p| p.0).collect();
        expected.sort_by_key(|(p, q)| (order.iter().position(|o| o == p), q.clone()));
        assert_eq!(read, expected);
        let first: Vec<i64> = before.iter().map(|(p, ..)| *p).collect();
        let mut first_order = first.clone();
        first_order.dedup();
        assert_eq!(first_order, order, "the order of the query replaced");

        let data = store.report_data("s", Some("centre")).unwrap();
        assert_eq!(
            (
                data.invited as i64,
                data.bounced as i64,
                data.opted_out as i64
            ),
            (counted_before.0, counted_before.1, counted_before.2)
        );
        assert_eq!(data.delivered, 4);
        assert_eq!(different, vec![2], "accepted from another address");
        // Only the current, ok answer settled by the doctor's confirmation.
        assert_eq!(data.inferred_confirmed, 1);
        let late: Vec<(i64, i64)> = data
            .late
            .iter()
            .map(|(person, at)| (person.id, at.as_second()))
            .collect();
        assert_eq!(late, vec![(1, 60)]);
        assert_eq!(
            data.invited_by_value,
            BTreeMap::from([
                ("North".to_owned(), counted_before.3 as usize),
                ("South".to_owned(), 2),
                ("Cé \"quoted\"".to_owned(), 1),
                (String::new(), 1),
            ])
        );
        let data = store.report_data("s", Some("grade")).unwrap();
        assert_eq!(
            data.invited_by_value,
            BTreeMap::from([("x".to_owned(), 1), (String::new(), 5)])
        );
        let data = store.report_data("s", Some("we\"ird")).unwrap();
        assert_eq!(
            data.invited_by_value,
            BTreeMap::from([("y".to_owned(), 1), (String::new(), 5)])
        );

        let conn = store.lock();
        let first = plan(&conn, FIRST_ANSWERS);
        assert!(
            first.contains("SEARCH first_answers USING PRIMARY KEY (survey_id=?)")
                && !first.contains("TEMP B-TREE"),
            "{first}"
        );
        let answers = plan(&conn, ANSWERS_OF);
        assert!(
            answers.contains("INTEGER PRIMARY KEY")
                && answers.contains(
                    "INDEX answers_current (survey_id=? AND recipient_id=? AND current=?)"
                )
                && !answers.contains("TEMP B-TREE"),
            "{answers}"
        );
        let invited = plan(
            &conn,
            "SELECT COUNT(*), COALESCE(SUM(state = 'failed'), 0) FROM outbox
             WHERE survey_id = ?1 AND kind = 'invitation' AND state IN ('sent', 'failed')",
        );
        assert!(
            invited.contains("COVERING INDEX outbox_by_kind (survey_id=? AND kind=? AND state=?)"),
            "{invited}"
        );
        let left = plan(&conn, INVITED_LEFT);
        assert!(
            left.contains("COVERING INDEX recipients_by_state (survey_id=? AND listed=? AND status=?)")
                && left.contains("COVERING INDEX outbox_by_kind (survey_id=? AND kind=? AND state=? AND recipient_id=?)"),
            "{left}"
        );
        for (sql, index) in [
            (
                "SELECT COUNT(*) FROM answers WHERE survey_id = ?1 AND current = 1 AND status = 'ok' AND decided_by = ?2",
                "COVERING INDEX answers_decided",
            ),
            (
                "SELECT recipient_id, MIN(received_at) FROM messages
                 WHERE survey_id = ?1 AND late = 1 AND kind = 'reply' AND recipient_id IS NOT NULL GROUP BY recipient_id ORDER BY 2",
                "INDEX messages_late",
            ),
            (
                "SELECT DISTINCT recipient_id FROM messages WHERE survey_id = ?1 AND different_sender = 1 AND decision = 'accepted' AND recipient_id IS NOT NULL",
                "INDEX messages_different",
            ),
        ] {
            let found = plan(&conn, sql);
            assert!(found.contains(index), "{sql}: {found}");
        }
        let columns = plan(&conn, INVITED_COLUMNS);
        assert!(
            columns.contains("COVERING INDEX outbox_by_kind (survey_id=? AND kind=? AND state=?)")
                && columns.contains("INTEGER PRIMARY KEY")
                && !columns.contains("TEMP B-TREE"),
            "{columns}"
        );
    }

    /// Rows of `first_answers`: survey, person, least time, least row.
    type FirstRows = Vec<(String, i64, i64, i64)>;

    /// Does the schema have an index of this name?
    fn has_index(conn: &Connection, name: &str) -> bool {
        conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?1)",
            [name],
            |r| r.get(0),
        )
        .unwrap()
    }

    /// The rows of `first_answers` and what they must be (the aggregate
    /// over the current answers they replace), both in person order.
    fn first_rows(conn: &Connection) -> (FirstRows, FirstRows) {
        let rows = |sql: &str| -> FirstRows {
            conn.prepare(sql)
                .unwrap()
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap()
        };
        (
            rows("SELECT survey_id, recipient_id, first_at, first_row FROM first_answers
                  ORDER BY survey_id, recipient_id"),
            rows("SELECT survey_id, recipient_id, MIN(created_at), MIN(id) FROM answers
                  WHERE current = 1 GROUP BY survey_id, recipient_id ORDER BY survey_id, recipient_id"),
        )
    }

    /// Migration 0027 (`first_answers`) on a database written by the
    /// release before it (schema 0026): each person's first current
    /// answer (least time, least row) kept from the answers already
    /// stored, and kept right as answers are stored, superseded, set
    /// aside, restored and withdrawn (the triggers); the report reads its
    /// people in the order the aggregate gave.
    #[test]
    fn a_database_from_before_0027_keeps_each_persons_first_answer() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.db");
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, 26).unwrap();
        // 1: current answers at 30 (row 1) and 50 (row 6); 2: an old
        // answer at 10 no longer current, current ones at 10 and 40; 3:
        // every answer superseded (none current); 4: the least time and
        // the least row in different answers; 5 in another survey.
        conn.execute_batch(
            r#"INSERT INTO surveys (id, title, created_at) VALUES ('s', 'S', 0), ('t', 'T', 0);
             INSERT INTO recipients (id, survey_id, email, email_key, name, selector, verifier, added_at)
             VALUES (1, 's', 'a@x.test', 'a@x.test', 'A', 'aaaaaaaaaaaa', 'aaaaaaaaaaaaaaaaaaaa', 5),
                    (2, 's', 'b@x.test', 'b@x.test', 'B', 'bbbbbbbbbbbb', 'bbbbbbbbbbbbbbbbbbbb', 5),
                    (3, 's', 'c@x.test', 'c@x.test', 'C', 'cccccccccccc', 'cccccccccccccccccccc', 5),
                    (4, 's', 'd@x.test', 'd@x.test', 'D', 'dddddddddddd', 'dddddddddddddddddddd', 5),
                    (5, 't', 'a@x.test', 'a@x.test', 'A', 'eeeeeeeeeeee', 'eeeeeeeeeeeeeeeeeeee', 5);
             INSERT INTO answers (id, survey_id, recipient_id, question_id, status, value, source, current, created_at)
             VALUES (1, 's', 1, 'q2', 'ok', '"late"', 'late', 1, 30),
                    (2, 's', 2, 'q1', 'ok', 'true', 'yes', 0, 10),
                    (3, 's', 4, 'q1', 'ok', '3', '3', 1, 30),
                    (4, 's', 2, 'q2', 'ok', '"first"', 'first', 1, 10),
                    (5, 's', 3, 'q1', 'unclear', NULL, 'maybe', 0, 30),
                    (6, 's', 1, 'q1', 'ok', 'false', 'no', 1, 50),
                    (7, 's', 2, 'q1', 'ok', 'false', 'no', 1, 40),
                    (8, 's', 4, 'q2', 'ok', '"c"', 'c', 1, 20),
                    (9, 't', 5, 'q1', 'ok', 'true', 'yes', 1, 1);"#,
        )
        .unwrap();
        drop(conn);

        let store = Store::open(&path).unwrap();
        let check = |what: &str| {
            let (kept, worked_out) = first_rows(&store.lock());
            assert_eq!(kept, worked_out, "{what}");
        };
        check("from the answers stored before");
        {
            let (kept, _) = first_rows(&store.lock());
            assert_eq!(
                kept,
                vec![
                    ("s".to_owned(), 1, 30, 1),
                    ("s".to_owned(), 2, 10, 4),
                    ("s".to_owned(), 4, 20, 3),
                    ("t".to_owned(), 5, 1, 9)
                ]
            );
        }
        let at = |s: i64| Timestamp::from_second(s).unwrap();
        let answers = |pairs: &[(&str, bool)]| -> BTreeMap<String, Answer> {
            pairs
                .iter()
                .map(|(q, v)| {
                    (
                        (*q).to_owned(),
                        Answer::ok(crate::understand::answer::Value::Bool(*v), "x"),
                    )
                })
                .collect()
        };
        let store_answers = |who: i64, pairs: &[(&str, bool)], when: i64| {
            let conn = store.lock();
            super::super::answers::insert_answers(
                &conn,
                "s",
                who,
                None,
                &answers(pairs),
                None,
                at(when),
            )
            .unwrap();
        };
        // 3 answers for the first time; 1 answers q2 again (row 1, its
        // least row, superseded); 2 answers both again (every first gone).
        store_answers(3, &[("q1", true)], 60);
        check("a first answer stored");
        store_answers(1, &[("q2", true)], 70);
        check("the least row superseded");
        store_answers(2, &[("q1", true), ("q2", false)], 80);
        check("every answer superseded");
        {
            let conn = store.lock();
            super::super::answers::set_aside(&conn, "s", 4, None, "test", at(90)).unwrap();
        }
        check("set aside");
        assert_eq!(
            store.restore_set_aside("s", 4, "test", at(95)).unwrap(),
            Some(2)
        );
        check("restored");
        assert_eq!(store.withdraw("s", 1, "test", at(99)).unwrap(), 3);
        check("withdrawn");

        // The report's order is the aggregate's: by least time, then least row.
        let mut people = Vec::new();
        store
            .each_answered("s", |person| {
                people.push(person.recipient_id);
                Ok(())
            })
            .unwrap();
        let (kept, _) = first_rows(&store.lock());
        let mut expected: Vec<(i64, i64, i64)> = kept
            .iter()
            .filter(|(survey, ..)| survey == "s")
            .map(|(_, person, first_at, first_row)| (*first_at, *first_row, *person))
            .collect();
        expected.sort_unstable();
        assert_eq!(
            people,
            expected
                .iter()
                .map(|(.., person)| *person)
                .collect::<Vec<_>>()
        );
        assert_eq!(people, vec![4, 3, 2]);
    }

    /// Migration 0028 (`answers_first` dropped) on a database written by
    /// the release before it (schema 0027): the index is gone, each
    /// person's first answer is kept as before, and the triggers still
    /// keep it as answers are stored, superseded and withdrawn, working a
    /// person's row out again from `answers_current`.
    #[test]
    fn a_database_from_before_0028_keeps_first_answers_without_answers_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.db");
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, 27).unwrap();
        conn.execute_batch(
            r#"INSERT INTO surveys (id, title, created_at) VALUES ('s', 'S', 0);
             INSERT INTO recipients (id, survey_id, email, email_key, name, selector, verifier, added_at)
             VALUES (1, 's', 'a@x.test', 'a@x.test', 'A', 'aaaaaaaaaaaa', 'aaaaaaaaaaaaaaaaaaaa', 5),
                    (2, 's', 'b@x.test', 'b@x.test', 'B', 'bbbbbbbbbbbb', 'bbbbbbbbbbbbbbbbbbbb', 5);
             INSERT INTO answers (id, survey_id, recipient_id, question_id, status, value, source, current, created_at)
             VALUES (1, 's', 1, 'q2', 'ok', '"late"', 'late', 1, 30),
                    (2, 's', 2, 'q1', 'ok', 'true', 'yes', 1, 10),
                    (3, 's', 1, 'q1', 'ok', 'false', 'no', 1, 20);"#,
        )
        .unwrap();
        let before = first_rows(&conn).0;
        assert_eq!(
            before,
            vec![("s".to_owned(), 1, 20, 1), ("s".to_owned(), 2, 10, 2)]
        );
        drop(conn);

        let store = Store::open(&path).unwrap();
        {
            let conn = store.lock();
            assert!(
                !has_index(&conn, "answers_first"),
                "answers_first is dropped"
            );
            assert_eq!(first_rows(&conn).0, before, "first answers kept");
            // What the triggers read to work a person's row out again.
            assert_eq!(
                plan(
                    &conn,
                    "SELECT survey_id, recipient_id, MIN(created_at), MIN(id) FROM answers
                     WHERE survey_id = 's' AND recipient_id = 1 AND current = 1
                     GROUP BY survey_id, recipient_id"
                ),
                "SEARCH answers USING INDEX answers_current (survey_id=? AND recipient_id=? AND current=?)"
            );
        }
        let at = |s: i64| Timestamp::from_second(s).unwrap();
        let yes = |q: &str| -> BTreeMap<String, Answer> {
            [(
                q.to_owned(),
                Answer::ok(crate::understand::answer::Value::Bool(true), "yes"),
            )]
            .into()
        };
        let check = |what: &str| {
            let (kept, worked_out) = first_rows(&store.lock());
            assert_eq!(kept, worked_out, "{what}");
        };
        {
            let conn = store.lock();
            // 1's earliest answer (q1 at 20) superseded: 1's first is q2's
            // row 1 at 30 now, or the new one's.
            super::super::answers::insert_answers(&conn, "s", 1, None, &yes("q1"), None, at(60))
                .unwrap();
        }
        check("an answer superseded");
        assert_eq!(first_rows(&store.lock()).0[0], ("s".to_owned(), 1, 30, 1));
        assert_eq!(store.withdraw("s", 2, "test", at(70)).unwrap(), 1);
        check("withdrawn");
        assert_eq!(first_rows(&store.lock()).0.len(), 1);
    }

    /// Migration 0029 (`answers_by_recipient` dropped) on a database
    /// written by the release before it (schema 0028): the index is gone,
    /// and each read of one person's answers (the facts of a message, the
    /// look before storing, superseding, setting aside, what stops
    /// reminders) is a search of `answers_current` by survey and person,
    /// the person's answers read as before.
    #[test]
    fn a_database_from_before_0029_reads_a_persons_answers_from_answers_current() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.db");
        let mut conn = Connection::open(&path).unwrap();
        migrations().to_version(&mut conn, 28).unwrap();
        conn.execute_batch(
            r#"INSERT INTO surveys (id, title, created_at) VALUES ('s', 'S', 0), ('t', 'T', 0);
             INSERT INTO recipients (id, survey_id, email, email_key, name, selector, verifier, added_at)
             VALUES (1, 's', 'a@x.test', 'a@x.test', 'A', 'aaaaaaaaaaaa', 'aaaaaaaaaaaaaaaaaaaa', 5),
                    (2, 't', 'a@x.test', 'a@x.test', 'A', 'bbbbbbbbbbbb', 'bbbbbbbbbbbbbbbbbbbb', 5);
             INSERT INTO answers (id, survey_id, recipient_id, question_id, status, value, source, current, created_at)
             VALUES (1, 's', 1, 'q2', 'ok', 'true', 'yes', 1, 30),
                    (2, 's', 1, 'q1', 'ok', 'false', 'no', 0, 20),
                    (3, 's', 1, 'q1', 'ok', 'true', 'yes', 1, 40),
                    (4, 't', 2, 'q1', 'ok', 'false', 'no', 1, 10);"#,
        )
        .unwrap();
        drop(conn);

        let store = Store::open(&path).unwrap();
        {
            let conn = store.lock();
            assert!(
                !has_index(&conn, "answers_by_recipient"),
                "answers_by_recipient is dropped"
            );
            let person = "survey_id = 's' AND recipient_id = 1 AND current = 1";
            for (sql, want) in [
                (
                    format!("SELECT question_id, id FROM answers WHERE {person} ORDER BY id"),
                    "SEARCH answers USING INDEX answers_current (survey_id=? AND recipient_id=? AND current=?)",
                ),
                (
                    format!("SELECT EXISTS (SELECT 1 FROM answers WHERE {person})"),
                    "SCAN CONSTANT ROW\nSCALAR SUBQUERY 1\nSEARCH answers USING COVERING INDEX answers_current (survey_id=? AND recipient_id=? AND current=?)",
                ),
                (
                    format!("UPDATE answers SET current = 0 WHERE {person} AND question_id = 'q1'"),
                    "SEARCH answers USING INDEX answers_current (survey_id=? AND recipient_id=? AND current=?)",
                ),
                (
                    format!(
                        "SELECT r.id FROM recipients r WHERE r.survey_id = 's' AND {STOPS_REMINDERS}"
                    ),
                    "SEARCH r USING COVERING INDEX recipients_by_state (survey_id=?)\nSEARCH a EXISTS USING COVERING INDEX answers_current (survey_id=? AND recipient_id=?)",
                ),
            ] {
                assert_eq!(plan(&conn, &sql), want, "{sql}");
            }
        }
        let answers = store.current_answers(1).unwrap();
        assert_eq!(
            answers.keys().collect::<Vec<_>>(),
            ["q1", "q2"],
            "the current answers only"
        );
        assert_eq!(answers["q1"].source, "yes");
        assert!(store.current_answers(99).unwrap().is_empty());
    }
}
