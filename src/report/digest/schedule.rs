//! When the digest goes: the slots a survey's schedule gives within its
//! collection period, the one due now, the next one, and the next
//! reminder. Pure (the period, the schedule and the clock in, times out),
//! so every rule is a row of the table tests below.
//!
//! A slot is a time. The store keeps the time of the last slot a digest
//! was queued for (`digests.slot_at`, unique per survey), so a slot is
//! served at most once whatever crashes in between, and after downtime
//! only the latest slot missed is served: one catch-up, not one per slot.

use jiff::Timestamp;

use crate::survey::{DigestAt, Period};

/// Why a slot is in the schedule (the digest's first line says so).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cause {
    /// Reminder round `n` (1-based) fell due.
    Reminder(u32),
    /// The close is near (`N days before close`).
    BeforeClose,
    /// A weekly or daily time (`Monday 09:00`).
    Weekly,
}

/// One time the digest goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    /// When.
    pub at: Timestamp,
    /// Why.
    pub cause: Cause,
}

/// Days of a period walked for weekly slots at most (ten years).
const MAX_DAYS: usize = 3660;

/// Every slot of `schedule` from the open (included) to the close
/// (excluded: the report goes then), in time order, one per time (a
/// reminder round's cause wins over a weekly time at the same minute).
/// A reminder round is timed for people invited at the open; a weekly
/// time that does not exist on a day (a daylight-saving gap) is taken as
/// the clocks show it after the change.
pub fn slots(schedule: &[DigestAt], period: &Period) -> Vec<Slot> {
    let (open, close) = (period.open.timestamp(), period.close.timestamp());
    let mut out = Vec::new();
    for entry in schedule {
        match entry {
            DigestAt::AfterEachReminder => {
                for (i, reminder) in period.reminders.iter().enumerate() {
                    out.push(Slot {
                        at: reminder.due(period, open),
                        cause: Cause::Reminder(i as u32 + 1),
                    });
                }
            }
            DigestAt::BeforeClose(span) => {
                if let Ok(at) = period.close.checked_sub(*span) {
                    out.push(Slot {
                        at: at.timestamp(),
                        cause: Cause::BeforeClose,
                    });
                }
            }
            DigestAt::Weekly { day, time } => {
                let mut date = period.open.date();
                for _ in 0..MAX_DAYS {
                    if date > period.close.date() {
                        break;
                    }
                    if day.is_none_or(|day| date.weekday() == day)
                        && let Ok(at) = date
                            .to_datetime(*time)
                            .to_zoned_datetime(period.time_zone.clone())
                    {
                        out.push(Slot {
                            at: at.timestamp(),
                            cause: Cause::Weekly,
                        });
                    }
                    let Ok(next) = date.tomorrow() else { break };
                    date = next;
                }
            }
        }
    }
    out.retain(|slot| slot.at >= open && slot.at < close);
    out.sort_by_key(|slot| (slot.at, slot.cause));
    out.dedup_by_key(|slot| slot.at);
    out
}

/// The slot to serve at `now`: the latest slot that has come, if it is
/// later than `last` (the last slot served). Slots missed before it are
/// not served: after downtime, one digest catches up.
pub fn due(slots: &[Slot], last: Option<Timestamp>, now: Timestamp) -> Option<Slot> {
    slots
        .iter()
        .rev()
        .find(|slot| slot.at <= now)
        .filter(|slot| last.is_none_or(|last| slot.at > last))
        .copied()
}

/// The first slot after `now`, for the daemon to wake at.
pub fn next(slots: &[Slot], now: Timestamp) -> Option<Timestamp> {
    slots.iter().map(|slot| slot.at).find(|at| *at > now)
}

/// Someone who has not replied, as the reminders see them: when their
/// invitation went and which reminders they have had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting {
    /// When their invitation was accepted by the server.
    pub invited_at: Timestamp,
    /// Reminder numbers (1-based) already queued or sent to them.
    pub reminded: Vec<u32>,
}

/// When the next reminder goes to anyone still waiting: the earliest
/// reminder after `now` and before the close that someone has not had
/// (the reminder round's own rule: none before their invitation).
pub fn next_reminder(period: &Period, waiting: &[Waiting], now: Timestamp) -> Option<Timestamp> {
    let close = period.close.timestamp();
    waiting
        .iter()
        .flat_map(|person| {
            period
                .reminders
                .iter()
                .enumerate()
                .filter(|(i, _)| !person.reminded.contains(&(*i as u32 + 1)))
                .map(|(_, reminder)| reminder.due(period, person.invited_at))
                .filter(|at| *at > now && *at < close && *at >= person.invited_at)
        })
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::survey::Reminder;
    use jiff::tz::TimeZone;

    fn period(open: &str, close: &str, reminders: &[&str]) -> Period {
        let tz = TimeZone::get("Europe/London").unwrap();
        let at = |s: &str| {
            s.parse::<jiff::civil::DateTime>()
                .unwrap()
                .to_zoned_datetime(tz.clone())
                .unwrap()
        };
        Period {
            time_zone: tz.clone(),
            open: at(open),
            close: at(close),
            reminders: reminders
                .iter()
                .map(|r| Reminder::parse(r).unwrap())
                .collect(),
            early_close: false,
        }
    }

    /// A local time in London.
    fn t(s: &str) -> Timestamp {
        s.parse::<jiff::civil::DateTime>()
            .unwrap()
            .to_zoned_datetime(TimeZone::get("Europe/London").unwrap())
            .unwrap()
            .timestamp()
    }

    fn schedule(entries: &[&str]) -> Vec<DigestAt> {
        entries
            .iter()
            .map(|e| DigestAt::parse(e).unwrap())
            .collect()
    }

    fn shown(slots: &[Slot]) -> Vec<String> {
        let tz = TimeZone::get("Europe/London").unwrap();
        slots
            .iter()
            .map(|s| {
                format!(
                    "{} {:?}",
                    s.at.to_zoned_datetime(tz.clone()).strftime("%a %F %H:%M"),
                    s.cause
                )
            })
            .collect()
    }

    /// Open, close, reminders, the schedule (`None`: the default), the slots.
    type SlotCase<'a> = (
        &'a str,
        &'a str,
        &'a [&'a str],
        Option<&'a [&'a str]>,
        &'a [&'a str],
    );

    /// Each row: open, close, reminders, the schedule, the slots.
    #[test]
    fn the_slots_of_a_schedule() {
        let default = crate::survey::DigestSettings::default().schedule;
        let cases: &[SlotCase<'_>] = &[
            // The default: after each reminder round and a day before the close.
            (
                "2026-11-02T09:00",
                "2026-11-30T17:00",
                &["7 days before close", "2 days before close"],
                None,
                &[
                    "Mon 2026-11-23 17:00 Reminder(1)",
                    "Sat 2026-11-28 17:00 Reminder(2)",
                    "Sun 2026-11-29 17:00 BeforeClose",
                ],
            ),
            // A reminder after invitation is timed from the open.
            (
                "2026-11-02T09:00",
                "2026-11-30T17:00",
                &["3 days after invitation"],
                None,
                &[
                    "Thu 2026-11-05 09:00 Reminder(1)",
                    "Sun 2026-11-29 17:00 BeforeClose",
                ],
            ),
            // Weekly on Monday from the open (included) to the close.
            (
                "2026-11-02T09:00",
                "2026-11-23T09:00",
                &[],
                Some(&["Monday 09:00"]),
                &[
                    "Mon 2026-11-02 09:00 Weekly",
                    "Mon 2026-11-09 09:00 Weekly",
                    "Mon 2026-11-16 09:00 Weekly",
                ],
            ),
            // Before the open nothing; a reminder at the same minute as a
            // weekly time is one slot, the reminder's.
            (
                "2026-11-02T10:00",
                "2026-11-18T12:00",
                &["2 days before close"],
                Some(&["mon 09:00", "Monday 12:00", "after each reminder"]),
                &[
                    "Mon 2026-11-02 12:00 Weekly",
                    "Mon 2026-11-09 09:00 Weekly",
                    "Mon 2026-11-09 12:00 Weekly",
                    "Mon 2026-11-16 09:00 Weekly",
                    "Mon 2026-11-16 12:00 Reminder(1)",
                ],
            ),
            // A period shorter than a day: "1 day before close" falls before the open.
            (
                "2026-11-02T09:00",
                "2026-11-02T17:00",
                &["2 hours before close"],
                None,
                &["Mon 2026-11-02 15:00 Reminder(1)"],
            ),
            // Daily across the end of British Summer Time: 09:00 local each day.
            (
                "2026-10-24T08:00",
                "2026-10-27T08:00",
                &[],
                Some(&["daily 09:00"]),
                &[
                    "Sat 2026-10-24 09:00 Weekly",
                    "Sun 2026-10-25 09:00 Weekly",
                    "Mon 2026-10-26 09:00 Weekly",
                ],
            ),
            // Off.
            (
                "2026-11-02T09:00",
                "2026-11-30T17:00",
                &["7 days before close"],
                Some(&[]),
                &[],
            ),
        ];
        for (open, close, reminders, entries, expected) in cases {
            let schedule = entries.map_or_else(|| default.clone(), schedule);
            let slots = slots(&schedule, &period(open, close, reminders));
            assert_eq!(shown(&slots), *expected, "{open} {close} {entries:?}");
        }
        // Across the change the hours between two 09:00s differ.
        let daily = slots(
            &schedule(&["daily 09:00"]),
            &period("2026-10-24T08:00", "2026-10-27T08:00", &[]),
        );
        assert_eq!(daily[1].at.as_second() - daily[0].at.as_second(), 25 * 3600);
        assert_eq!(daily[2].at.as_second() - daily[1].at.as_second(), 24 * 3600);
    }

    /// Each row: the last slot served, now, the slot due (or none).
    #[test]
    fn which_slot_is_due_once_and_one_catch_up_after_downtime() {
        let slots = slots(
            &schedule(&["Monday 09:00"]),
            &period("2026-11-02T09:00", "2026-11-30T17:00", &[]),
        );
        let cases: &[(Option<&str>, &str, Option<&str>)] = &[
            // Before the first slot: nothing.
            (None, "2026-11-02T08:59", None),
            // At the slot: it.
            (None, "2026-11-02T09:00", Some("2026-11-02T09:00")),
            // Served already: not again, however often the daemon looks
            // or restarts.
            (Some("2026-11-02T09:00"), "2026-11-02T09:00", None),
            (Some("2026-11-02T09:00"), "2026-11-08T23:00", None),
            // The next week's.
            (
                Some("2026-11-02T09:00"),
                "2026-11-09T09:00",
                Some("2026-11-09T09:00"),
            ),
            // Down for two weeks: one catch-up, for the latest slot missed.
            (
                Some("2026-11-02T09:00"),
                "2026-11-24T10:00",
                Some("2026-11-23T09:00"),
            ),
            // ... and after it nothing for the slots it skipped.
            (Some("2026-11-23T09:00"), "2026-11-24T10:00", None),
            // Never served, started late: the latest slot only.
            (None, "2026-11-17T10:00", Some("2026-11-16T09:00")),
            // The last slot, 09:00 on the day of a 17:00 close; after it none.
            (
                Some("2026-11-23T09:00"),
                "2026-11-30T12:00",
                Some("2026-11-30T09:00"),
            ),
            (Some("2026-11-30T09:00"), "2026-12-01T09:00", None),
        ];
        for (last, now, expected) in cases {
            let got = due(&slots, last.map(t), t(now)).map(|slot| slot.at);
            assert_eq!(got, expected.map(t), "last {last:?}, now {now}");
        }
        assert_eq!(
            next(&slots, t("2026-11-02T09:00")),
            Some(t("2026-11-09T09:00"))
        );
        assert_eq!(next(&slots, t("2026-11-30T09:00")), None);
    }

    /// Each row: who waits (invited at, reminders had), now, the next reminder.
    #[test]
    fn the_next_reminder_for_those_still_waiting() {
        let period = period(
            "2026-11-02T09:00",
            "2026-11-30T17:00",
            &["7 days before close", "3 days after invitation"],
        );
        let waiting = |invited: &str, reminded: &[u32]| Waiting {
            invited_at: t(invited),
            reminded: reminded.to_vec(),
        };
        let cases: &[(Vec<Waiting>, &str, Option<&str>)] = &[
            (vec![], "2026-11-03T09:00", None),
            (
                vec![waiting("2026-11-02T09:00", &[])],
                "2026-11-03T09:00",
                Some("2026-11-05T09:00"),
            ),
            (
                vec![waiting("2026-11-02T09:00", &[2])],
                "2026-11-06T09:00",
                Some("2026-11-23T17:00"),
            ),
            (
                vec![
                    waiting("2026-11-02T09:00", &[2]),
                    waiting("2026-11-20T10:00", &[]),
                ],
                "2026-11-21T09:00",
                Some("2026-11-23T10:00"),
            ),
            // Everyone has had every reminder, or the rest fall after the close.
            (
                vec![waiting("2026-11-02T09:00", &[1, 2])],
                "2026-11-24T09:00",
                None,
            ),
            (
                vec![waiting("2026-11-29T09:00", &[1])],
                "2026-11-29T10:00",
                None,
            ),
        ];
        for (people, now, expected) in cases {
            assert_eq!(
                next_reminder(&period, people, t(now)),
                expected.map(t),
                "{people:?} at {now}"
            );
        }
    }
}
