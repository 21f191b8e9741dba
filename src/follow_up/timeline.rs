//! The collection period: reminders to people who have not replied, the
//! close (at the close time, early when everyone has answered, or by
//! `mailsurvey close`), and the report at the close. Everything here is
//! decided from the store and the clock passed in, so a close time that
//! passed while the daemon was down is acted on when it starts, and tests
//! can drive the whole period on a clock of their own.

use std::collections::BTreeMap;
use std::os::unix::fs::DirBuilderExt;
use std::path::PathBuf;

use jiff::Timestamp;
use tracing::info;

use crate::Result;
use crate::compose::compose;
use crate::report::{self, Figures, Invited, LateReply, Report, ReportInput, Respondent};
use crate::store::{Answered, REMINDER_SWEEP, ReportData, Store};
use crate::survey::{QuestionKind, Reminder, Survey};
use crate::understand::answer::{Answer, Value};

/// What one look at the timeline did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// Reminders queued.
    pub reminders: usize,
    /// The survey closed now.
    pub closed: bool,
    /// The report was queued now.
    pub report: bool,
}

/// Looks at the clock and acts: reminders due, the close, the report.
pub fn advance(store: &Store, survey: &Survey, now: Timestamp) -> Result<Step> {
    let mut step = Step::default();
    if store.closed_at(&survey.id)?.is_none() {
        let close = survey.period.close.timestamp();
        if now >= close {
            step.closed = store.close(&survey.id, close, "the close time")?;
        } else if survey.period.early_close && everyone_answered(store, survey)? {
            step.closed = store.close(&survey.id, now, "everyone answered")?;
        } else if survey.period.is_open_at(now) {
            step.reminders = queue_reminders(store, survey, now)?;
        }
        if step.closed {
            info!(survey = %survey.id, "the survey closed");
        }
    }
    if store.closed_at(&survey.id)?.is_some() && !store.report_queued(&survey.id)? {
        let report = build(store, survey, now, false)?;
        let draft = report::draft(survey, &report)?;
        let message_id = draft.message_id.clone();
        let mail = compose(draft, now)?;
        step.report = store.queue_report(&survey.id, &message_id, &mail.bytes, now)?;
        info!(survey = %survey.id, message_id = %message_id, "report queued for the lead");
    }
    Ok(step)
}

fn everyone_answered(store: &Store, survey: &Survey) -> Result<bool> {
    let reachable = store.reachable_answers(&survey.id)?;
    Ok(!reachable.is_empty()
        && reachable
            .iter()
            .all(|answers| crate::understand::applies::complete(&survey.questions, answers)))
}

/// Queues each reminder that has fallen due for each person who has not
/// replied. A reminder whose time came before the person was added is not
/// theirs; one overtaken by a later reminder (the daemon was down) is
/// skipped, so nobody gets two at once.
///
/// The people are swept by ranges of ids ([`Store::reminders_due`]), and
/// only those a reminder is due for are read and queued: a turn of the
/// daemon over a national list neither holds nor builds the people
/// already reminded. Before the first reminder's time (when every
/// reminder is counted from the close), nothing is read at all.
fn queue_reminders(store: &Store, survey: &Survey, now: Timestamp) -> Result<usize> {
    let mut latest = LatestDue::new(survey, now);
    if latest.none_yet() {
        return Ok(0);
    }
    let highest = store.highest_recipient_id()?;
    let mut queued = 0;
    let mut after = 0_i64;
    while after < highest {
        let through = after.saturating_add(REMINDER_SWEEP).min(highest);
        let due = store.reminders_due(&survey.id, after, through, |invited_at, reminded| {
            latest
                .of(invited_at)
                .filter(|(number, _)| !reminded.contains(number))
        })?;
        let due_now: Vec<(i64, u32)> = due.iter().map(|d| (d.recipient_id, d.number)).collect();
        // Queued in batches: one commit for many, and the store free
        // between them for the inbox and the sending.
        for batch in due_now.chunks(REMINDER_BATCH) {
            queued += store.queue_reminders(&survey.id, batch, now)?;
        }
        after = through;
    }
    if queued > 0 {
        info!(survey = %survey.id, queued, "reminders queued");
    }
    Ok(queued)
}

/// The reminder due at `now` for someone invited at a given time: of
/// the reminders whose time has come and is not before the invitation,
/// the latest (the last listed of those at the same time). Whether it is
/// before the person was added to the list is for the store to check
/// ([`Store::reminders_due`]): if the latest is, every earlier one is too.
///
/// The times counted from the close are worked out once, not for each of
/// a million people; the last answer is remembered (people invited in the
/// same second, a batch of sending, share it).
struct LatestDue<'s> {
    survey: &'s Survey,
    now: Timestamp,
    /// Each reminder's time when it is the same for everyone.
    fixed: Vec<Option<Timestamp>>,
    last: Option<(Timestamp, Option<(u32, Timestamp)>)>,
}

impl<'s> LatestDue<'s> {
    fn new(survey: &'s Survey, now: Timestamp) -> LatestDue<'s> {
        let period = &survey.period;
        let fixed = period
            .reminders
            .iter()
            .map(|r| matches!(r, Reminder::BeforeClose(_)).then(|| r.due(period, now)))
            .collect();
        LatestDue {
            survey,
            now,
            fixed,
            last: None,
        }
    }

    /// No reminder can be due for anyone yet: each is counted from the
    /// close and its time has not come (or there are none).
    fn none_yet(&self) -> bool {
        self.fixed
            .iter()
            .all(|at| at.is_some_and(|at| at > self.now))
    }

    fn of(&mut self, invited_at: Timestamp) -> Option<(u32, Timestamp)> {
        if let Some((at, latest)) = self.last
            && at == invited_at
        {
            return latest;
        }
        let period = &self.survey.period;
        let mut latest: Option<(u32, Timestamp)> = None;
        for (i, (reminder, fixed)) in period.reminders.iter().zip(&self.fixed).enumerate() {
            let at = fixed.unwrap_or_else(|| reminder.due(period, invited_at));
            if at <= self.now && at >= invited_at && latest.is_none_or(|(_, best)| at >= best) {
                latest = Some((i as u32 + 1, at));
            }
        }
        self.last = Some((invited_at, latest));
        latest
    }
}

/// Reminders queued per transaction of the store.
const REMINDER_BATCH: usize = 10_000;

/// Builds the report from the store: final at the close, or interim. The
/// respondents stream from the store into the report one at a time
/// ([`Store::each_answered`], [`report::Builder`]): `responses.csv` is
/// written row by row into a directory of its own beside the database
/// ([`report_dir`]), which is removed when the data files can be emailed,
/// and kept (the email says where) when they are too large for any email.
pub fn build(store: &Store, survey: &Survey, now: Timestamp, interim: bool) -> Result<Report> {
    let data = store.report_data(&survey.id, survey.report.breakdown.as_deref())?;
    let input = input(survey, now, interim, data);
    let dir = report_dir(survey, now)?;
    let built = (|| {
        let mut builder = report::Builder::in_dir(survey, &input.invited, &dir)?;
        store.each_answered(&survey.id, |person| {
            added(survey, person, |r| builder.add(r))
        })?;
        builder.finish(&input, &dir)
    })();
    if built.is_err() {
        // Nothing of a report that failed stays on the server.
        let _ = std::fs::remove_dir_all(&dir);
    }
    built
}

/// The report's figures alone, counted as the respondents stream from
/// the store, with nothing written (for the digest and `status`): the
/// same figures as [`build`]'s.
pub fn figures(store: &Store, survey: &Survey, now: Timestamp, interim: bool) -> Result<Figures> {
    let data = store.report_data(&survey.id, survey.report.breakdown.as_deref())?;
    let input = input(survey, now, interim, data);
    let mut builder = report::Builder::counting(survey, &input.invited);
    store.each_answered(&survey.id, |person| {
        added(survey, person, |r| builder.add(r))
    })?;
    Ok(builder.finish_figures(&input))
}

/// Where a report made at `now` makes its data files: a new directory
/// (0700) under `reports/` beside the survey's database, named by the
/// survey and the time (UTC), never one that exists.
pub fn report_dir(survey: &Survey, now: Timestamp) -> Result<PathBuf> {
    let parent = crate::report::retention::reports_folder(&survey.database);
    crate::run::privacy::create_dir_all(&parent)?;
    let stamp = now.strftime("%Y%m%dT%H%M%SZ");
    for n in 0.. {
        let dir = match n {
            0 => parent.join(format!("{}-{stamp}", survey.id)),
            _ => parent.join(format!("{}-{stamp}-{n}", survey.id)),
        };
        match std::fs::DirBuilder::new()
            .mode(crate::run::privacy::DIR_MODE)
            .create(&dir)
        {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(crate::Error::io(&dir, e)),
        }
    }
    unreachable!("some directory name is free")
}

/// The report's input from what the store counted (its respondents are
/// added to the report as they stream, not held here).
fn input<'s>(
    survey: &'s Survey,
    now: Timestamp,
    interim: bool,
    data: ReportData,
) -> ReportInput<'s> {
    ReportInput {
        survey,
        generated_at: now,
        interim,
        invited: Invited {
            count: data.invited,
            by_value: data.invited_by_value,
        },
        delivered: data.delivered,
        bounced: data.bounced,
        opted_out: data.opted_out,
        respondents: Vec::new(),
        late: data
            .late
            .into_iter()
            .map(|(person, at)| LateReply {
                name: person.name,
                email: person.email,
                received_at: at,
            })
            .collect(),
        clarifications_sent: data.clarifications_sent,
        inferred_confirmed: data.inferred_confirmed,
        unverified_bounces: data.unverified_bounces,
    }
}

/// One person as the report counts them, given to `add`: their answers
/// typed, and their strings and maps lent (moved there and back, not
/// copied: the store writes the next person into them).
fn added(
    survey: &Survey,
    person: &mut Answered,
    add: impl FnOnce(&Respondent) -> Result<()>,
) -> Result<()> {
    typed(survey, &mut person.answers);
    let respondent = Respondent {
        name: std::mem::take(&mut person.name),
        email: std::mem::take(&mut person.email),
        attributes: std::mem::take(&mut person.attributes),
        answers: std::mem::take(&mut person.answers),
        different_sender: person.different_sender,
    };
    let added = add(&respondent);
    person.name = respondent.name;
    person.email = respondent.email;
    person.attributes = respondent.attributes;
    person.answers = respondent.answers;
    added
}

/// JSON cannot tell free text from an option id; the question can. Done
/// in place, and the question looked up only for a lone option id (a
/// report types every answer of every respondent).
fn typed(survey: &Survey, answers: &mut BTreeMap<String, Answer>) {
    for (id, answer) in answers.iter_mut() {
        let Some(Value::Choice(text)) = &mut answer.value else {
            continue;
        };
        let is_text = survey
            .questions
            .iter()
            .any(|q| q.id == *id && matches!(q.kind, QuestionKind::Text));
        if is_text {
            answer.value = Some(Value::Text(std::mem::take(text)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::clock::{Clock, ManualClock};
    use crate::survey::recipients::Recipient;
    use jiff::SignedDuration;

    fn survey_in(dir: &std::path::Path, open: &str, close: &str, reminders: &[&str]) -> Survey {
        let mut survey = Survey::load(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/config/example.toml"
        )))
        .unwrap();
        survey.database = dir.join("state.db");
        let tz = survey.period.time_zone.clone();
        let at = |s: &str| {
            s.parse::<jiff::civil::DateTime>()
                .unwrap()
                .to_zoned_datetime(tz.clone())
                .unwrap()
        };
        survey.period.open = at(open);
        survey.period.close = at(close);
        survey.period.reminders = reminders
            .iter()
            .map(|r| Reminder::parse(r).unwrap())
            .collect();
        survey
    }

    fn people(n: usize) -> Vec<Recipient> {
        (0..n)
            .map(|i| Recipient {
                name: format!("Dr {i}"),
                email: format!("dr{i}@x.test"),
                attributes: BTreeMap::from([("centre".into(), "North".into())]),
            })
            .collect()
    }

    /// Invites everyone listed, as if the server accepted each at `now`.
    fn invite(store: &Store, survey: &Survey, now: Timestamp) {
        store.queue_invitations(&survey.id, now).unwrap();
        while let Some(claimed) = store.claim_due(&survey.id, "x.test", now, None).unwrap() {
            store.mark_sent(claimed.id, now).unwrap();
        }
    }

    fn ts(s: &str, survey: &Survey) -> Timestamp {
        s.parse::<jiff::civil::DateTime>()
            .unwrap()
            .to_zoned_datetime(survey.period.time_zone.clone())
            .unwrap()
            .timestamp()
    }

    #[test]
    fn days_before_close_are_calendar_days_across_daylight_saving() {
        let dir = tempfile::tempdir().unwrap();
        // British Summer Time ends on 25 October 2026.
        let survey = survey_in(
            dir.path(),
            "2026-10-01T09:00",
            "2026-10-26T12:00",
            &["2 days before close", "1 day after invitation"],
        );
        let due = survey.period.reminders[0].due(&survey.period, Timestamp::UNIX_EPOCH);
        assert_eq!(
            due,
            ts("2026-10-24T12:00", &survey),
            "12:00 BST two days before a 12:00 GMT close"
        );
        assert_eq!(
            due.as_second(),
            ts("2026-10-26T12:00", &survey).as_second() - 49 * 3600
        );
        let invited = ts("2026-10-24T18:00", &survey);
        let next_day = survey.period.reminders[1].due(&survey.period, invited);
        assert_eq!(
            next_day,
            ts("2026-10-25T18:00", &survey),
            "the same local time the next day: 25 hours later"
        );
    }

    /// The rule as it was applied to every silent person ([`Store::silent`])
    /// before the sweep by ranges of ids: the reminders each would be
    /// queued at `now`.
    fn due_by_the_rule(store: &Store, survey: &Survey, now: Timestamp) -> Vec<(i64, u32)> {
        let mut expected = Vec::new();
        for person in store.silent(&survey.id).unwrap() {
            let mut due: Vec<(u32, Timestamp)> = survey
                .period
                .reminders
                .iter()
                .enumerate()
                .map(|(i, r)| (i as u32 + 1, r.due(&survey.period, person.invited_at)))
                .filter(|(_, at)| *at <= now && *at >= person.added_at && *at >= person.invited_at)
                .collect();
            due.sort_by_key(|(_, at)| *at);
            if let Some(&(number, _)) = due.last()
                && !person.reminded.contains(&number)
            {
                expected.push((person.recipient_id, number));
            }
        }
        expected
    }

    /// Every reminder each person has, by the store.
    fn reminded(store: &Store, survey: &Survey) -> Vec<(i64, u32)> {
        let mut all: Vec<(i64, u32)> = store
            .silent(&survey.id)
            .unwrap()
            .into_iter()
            .flat_map(|p| p.reminded.into_iter().map(move |n| (p.recipient_id, n)))
            .collect();
        all.sort();
        all
    }

    /// The sweep queues what the rule gives, turn after turn, over
    /// invitations sent at different times, reminders counted from the
    /// invitation and from the close (one overtaking another while the
    /// daemon is down), people answering, removed and added late: the
    /// same people, the same reminder, nobody twice.
    #[test]
    fn the_sweep_queues_what_the_rule_gives_every_silent_person() {
        let dir = tempfile::tempdir().unwrap();
        let survey = survey_in(
            dir.path(),
            "2026-10-01T09:00",
            "2026-10-26T12:00",
            &[
                "2 days after invitation",
                "5 days before close",
                "6 days after invitation",
            ],
        );
        let clock = ManualClock::new(ts("2026-10-01T09:00", &survey));
        let store = Store::open(&survey.database).unwrap();
        store.ensure_survey(&survey, clock.now()).unwrap();
        store
            .sync_recipients(&survey.id, &people(4), clock.now())
            .unwrap();
        invite(&store, &survey, clock.now());
        let mut turns = 0;
        let mut queued_in_all = 0;
        while clock.now() < survey.period.close.timestamp() {
            clock.advance(SignedDuration::from_hours(13));
            let now = clock.now();
            if now >= ts("2026-10-06T00:00", &survey) && turns % 3 == 0 {
                // Not every turn: the daemon was down in between.
                turns += 1;
                continue;
            }
            match turns {
                4 => {
                    store.sync_recipients(&survey.id, &people(8), now).unwrap();
                    invite(&store, &survey, now);
                }
                7 => {
                    let person = store
                        .recipient_by_email(&survey.id, "dr1@x.test")
                        .unwrap()
                        .unwrap();
                    store
                        .settle_answer(
                            &survey.id,
                            person.id,
                            "end_of_life",
                            &Answer::ok(Value::Bool(true), "yes"),
                            "test",
                            now,
                        )
                        .unwrap();
                }
                10 => {
                    let mut fewer = people(8);
                    fewer.remove(5);
                    store.sync_recipients(&survey.id, &fewer, now).unwrap();
                }
                _ => {}
            }
            let before = reminded(&store, &survey);
            let expected = due_by_the_rule(&store, &survey, now);
            let step = advance(&store, &survey, now).unwrap();
            let mut added: Vec<(i64, u32)> = reminded(&store, &survey)
                .into_iter()
                .filter(|r| !before.contains(r))
                .collect();
            added.sort();
            assert_eq!(added, expected, "turn {turns} at {now}");
            assert_eq!(step.reminders, expected.len());
            queued_in_all += step.reminders;
            turns += 1;
        }
        assert!(queued_in_all >= 10, "{queued_in_all} reminders in all");
    }

    #[test]
    fn reminders_once_to_the_silent_and_a_close_missed_while_down_is_acted_on() {
        let dir = tempfile::tempdir().unwrap();
        let survey = survey_in(
            dir.path(),
            "2026-10-01T09:00",
            "2026-10-26T12:00",
            &["2 days before close"],
        );
        let clock = ManualClock::new(ts("2026-10-01T09:00", &survey));
        let store = Store::open(&survey.database).unwrap();
        store.ensure_survey(&survey, clock.now()).unwrap();
        store
            .sync_recipients(&survey.id, &people(3), clock.now())
            .unwrap();
        invite(&store, &survey, clock.now());

        // Before the reminder's time: nothing.
        clock.set(ts("2026-10-24T11:59", &survey));
        assert_eq!(advance(&store, &survey, clock.now()).unwrap().reminders, 0);
        // One person answers; a fourth is added after the reminder's time.
        let answered = store
            .recipient_by_email(&survey.id, "dr0@x.test")
            .unwrap()
            .unwrap();
        store
            .settle_answer(
                &survey.id,
                answered.id,
                "end_of_life",
                &Answer::ok(Value::Bool(true), "yes"),
                "test",
                clock.now(),
            )
            .unwrap();
        clock.set(ts("2026-10-24T12:00", &survey));
        assert_eq!(
            advance(&store, &survey, clock.now()).unwrap().reminders,
            2,
            "only the two who did not answer"
        );
        let mut late_comer = people(4);
        late_comer.truncate(4);
        clock.advance(SignedDuration::from_hours(1));
        store
            .sync_recipients(&survey.id, &late_comer, clock.now())
            .unwrap();
        invite(&store, &survey, clock.now());
        // Again, and after a "restart": no second reminder, none for the late comer.
        assert_eq!(advance(&store, &survey, clock.now()).unwrap().reminders, 0);
        let reminders = |store: &Store| {
            store.status(&survey.id).unwrap().outbox[&crate::store::MailKind::Reminder]
                .values()
                .sum::<usize>()
        };
        assert_eq!(reminders(&store), 2);

        // The daemon is down across the close; it starts two hours later.
        clock.set(ts("2026-10-26T14:00", &survey));
        let step = advance(&store, &survey, clock.now()).unwrap();
        assert!(step.closed && step.report);
        assert_eq!(
            store.closed_at(&survey.id).unwrap(),
            Some(survey.period.close.timestamp()),
            "closed at the close time, not at start-up"
        );
        assert_eq!(reminders(&store), 2);
        // Once only.
        let again = advance(&store, &survey, clock.now()).unwrap();
        assert_eq!(again, Step::default());
        assert_eq!(
            store.status(&survey.id).unwrap().outbox[&crate::store::MailKind::Report]
                [&crate::store::MailState::Pending],
            1
        );
    }

    #[test]
    fn early_close_when_everyone_reachable_has_answered() {
        let dir = tempfile::tempdir().unwrap();
        let mut survey = survey_in(dir.path(), "2026-03-01T09:00", "2026-03-31T17:00", &[]);
        survey.period.early_close = true;
        let clock = ManualClock::new(ts("2026-03-02T09:00", &survey));
        let store = Store::open(&survey.database).unwrap();
        store.ensure_survey(&survey, clock.now()).unwrap();
        store
            .sync_recipients(&survey.id, &people(2), clock.now())
            .unwrap();
        invite(&store, &survey, clock.now());
        let complete = |email: &str| {
            let person = store
                .recipient_by_email(&survey.id, email)
                .unwrap()
                .unwrap();
            for question in survey.questions.iter().filter(|q| q.required) {
                let value = match question.kind {
                    QuestionKind::YesNo => Value::Bool(true),
                    QuestionKind::Scale { .. } => Value::Integer(5),
                    _ => Value::Choices(vec!["none".into()]),
                };
                store
                    .settle_answer(
                        &survey.id,
                        person.id,
                        &question.id,
                        &Answer::ok(value, "x"),
                        "test",
                        clock.now(),
                    )
                    .unwrap();
            }
        };
        complete("dr0@x.test");
        assert!(!advance(&store, &survey, clock.now()).unwrap().closed);
        complete("dr1@x.test");
        let step = advance(&store, &survey, clock.now()).unwrap();
        assert!(step.closed && step.report, "closed early");
        let report = build(&store, &survey, clock.now(), false).unwrap();
        assert_eq!(report.figures.participation.respondents, 2);
    }
}
