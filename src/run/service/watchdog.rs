//! Liveness and STATUS: a store thread looks at every open store in turn,
//! which yields the counts STATUS shows and the health `status` reads; the
//! supervisor pings the watchdog only while that thread keeps up, so a
//! wedged runtime or store stops the pings and a silent mail server does
//! not. Apart from the supervisor because it is what systemd sees of the
//! service, and it runs on a thread of its own.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use jiff::Timestamp;
use tracing::warn;

use super::{Service, Watched, first_line};
use crate::Result;
use crate::run::shutdown::Shutdown;
use crate::store::{HealthPart, MailState, Store};
use crate::survey::Survey;

/// How often the store thread looks at every store.
const STORE_LOOK: Duration = Duration::from_secs(2);

/// The longest pause between two rounds of looks without a watchdog.
const STORE_LOOK_LONGEST: Duration = Duration::from_secs(30);

/// The pause after a round of looks that took `round`: `every`, or longer
/// when the round itself took long, so that looking takes at most a
/// twentieth of a core. A national survey's counts cost: `Store::status`
/// reads about 0.27 s of CPU at a million people (BENCHMARKS.md), which
/// every 2 s was 13% of a core spent on the STATUS line. Never longer than
/// `longest`, so that the rounds still beat four times per watchdog
/// interval.
fn pause_after(round: Duration, every: Duration, longest: Duration) -> Duration {
    (round * 19).clamp(every, longest.max(every))
}

/// What the store thread last saw of one survey.
#[derive(Debug, Clone, Default)]
pub(super) struct Seen {
    listed: usize,
    respondents: usize,
    /// (handed to the server, all not cancelled), while some are due.
    sending: Option<(usize, usize)>,
    /// Messages waiting for another attempt, and the last error.
    deferred: Option<(usize, String)>,
    next: String,
}

impl Service {
    /// The STATUS= line: how many surveys, then each one's state.
    pub(super) fn compose_status(&self) -> String {
        let mut parts = Vec::new();
        for slot in self.slots.values() {
            let name = slot.id.clone().unwrap_or_else(|| {
                slot.path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            });
            let problem = slot.problem.lock().expect("lock").clone();
            let seen = slot.seen.lock().expect("lock").clone();
            let mut words = Vec::new();
            if let Some(seen) = &seen
                && slot.running.is_some()
            {
                match seen.sending {
                    Some((done, all)) => words.push(format!("sending {done}/{all}")),
                    None => words.push(format!("{}/{} answered", seen.respondents, seen.listed)),
                }
                if !seen.next.is_empty() {
                    words.push(seen.next.clone());
                }
                if let Some((n, last)) = &seen.deferred {
                    words.push(format!("SMTP: {n} deferred ({})", shorten(last)));
                }
            }
            if let Some(imap) = slot.health.imap_problem() {
                words.push(format!("IMAP: {}", shorten(&imap)));
            }
            if let Some(filing) = slot.health.filing_problem() {
                words.push(format!("filing: {}", shorten(&filing)));
            }
            if let Some(problem) = problem {
                words.push(format!("PROBLEM: {}", shorten(&problem)));
            }
            parts.push(format!("{name}: {}", words.join(", ")));
        }
        for (path, store) in &self.stores {
            if let Some(waited) = store.lock_watch().waiting_for() {
                parts.push(format!(
                    "DATABASE {} locked by another process for {} s: waiting",
                    path.display(),
                    waited.as_secs()
                ));
            }
        }
        let count = self.slots.len();
        format!(
            "{count} survey{}; {}",
            if count == 1 { "" } else { "s" },
            parts.join("; ")
        )
    }

    /// The store thread: looks at every store in turn, recording what it
    /// saw and when it finished a round.
    pub(super) fn spawn_store_thread(&self, shutdown: Shutdown) -> StoreThread {
        let watched = self.watched.clone();
        let beat = self.store_beat.clone();
        let started = self.started;
        let clock = self.clock.clone();
        let stop = Arc::new(AtomicBool::new(false));
        let stop_thread = stop.clone();
        // Look at least four times per watchdog interval, so that one slow
        // look does not miss a ping.
        let every = self
            .notifier
            .watchdog()
            .map(|w| (w / 4).clamp(Duration::from_millis(100), STORE_LOOK))
            .unwrap_or(STORE_LOOK);
        let longest = self
            .notifier
            .watchdog()
            .map_or(STORE_LOOK_LONGEST, |w| w / 4);
        let handle = std::thread::Builder::new()
            .name("store-watch".into())
            .spawn(move || {
                // What was last written to each store's health table: it is
                // written only on a change, so the looks stay reads, which
                // in WAL mode never wait for the daemon's writes.
                let mut written: std::collections::HashMap<(String, HealthPart), Option<String>> =
                    std::collections::HashMap::new();
                while !shutdown.is_triggered() && !stop_thread.load(Ordering::SeqCst) {
                    let round_started = Instant::now();
                    let round: Vec<Watched> = watched.lock().expect("lock").clone();
                    let now = clock.now();
                    for w in &round {
                        match look(&w.survey, &w.store, now) {
                            Ok(seen) => *w.seen.lock().expect("lock") = Some(seen),
                            Err(err) => {
                                warn!(survey = %w.survey.id, error = %err, "store not readable")
                            }
                        }
                    }
                    beat.store(started.elapsed().as_millis() as u64, Ordering::SeqCst);
                    for w in &round {
                        // For `mailsurvey status`, which reads the store.
                        let imap = w.health.imap_problem();
                        let filing = w.health.filing_problem();
                        let problem = w.problem.lock().expect("lock").clone();
                        for (part, problem) in [
                            (HealthPart::Imap, imap),
                            (HealthPart::Filing, filing),
                            (HealthPart::Survey, problem),
                        ] {
                            let key = (w.survey.id.clone(), part);
                            if written.get(&key) == Some(&problem) {
                                continue;
                            }
                            match w.store.set_health(&w.survey.id, part, problem.as_deref(), now) {
                                Ok(()) => {
                                    written.insert(key, problem);
                                }
                                Err(err) => {
                                    warn!(survey = %w.survey.id, error = %err, "health not recorded")
                                }
                            }
                        }
                    }
                    let until = Instant::now()
                        + pause_after(round_started.elapsed(), every, longest);
                    while Instant::now() < until
                        && !shutdown.is_triggered()
                        && !stop_thread.load(Ordering::SeqCst)
                    {
                        std::thread::sleep(Duration::from_millis(20));
                    }
                }
            })
            .expect("a thread starts");
        StoreThread {
            stop,
            handle: Some(handle),
        }
    }
}

/// Stops the store thread when dropped.
pub(super) struct StoreThread {
    stop: Arc<AtomicBool>,
    handle: Option<std::thread::JoinHandle<()>>,
}

impl Drop for StoreThread {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(handle) = self.handle.take() {
            let _ = handle.join();
        }
    }
}

/// Counts and the next scheduled action of one survey, from its store.
pub(super) fn look(survey: &Survey, store: &Store, now: Timestamp) -> Result<Seen> {
    let status = store.status(&survey.id)?;
    let (mut done, mut all, mut due) = (0, 0, 0);
    for states in status.outbox.values() {
        for (state, n) in states {
            match state {
                MailState::Sent | MailState::Failed => {
                    done += n;
                    all += n;
                }
                MailState::Pending | MailState::Sending => {
                    due += n;
                    all += n;
                }
                _ => {}
            }
        }
    }
    let closed = store.closed_at(&survey.id)?;
    Ok(Seen {
        listed: status.listed,
        respondents: status.respondents,
        sending: (due > 0 && store.next_due(&survey.id)?.is_some_and(|at| at <= now))
            .then_some((done, all)),
        deferred: store.deferred(&survey.id)?,
        next: next_action(survey, closed.is_some(), now),
    })
}

/// The next thing the survey will do by itself, in its own time zone.
pub fn next_action(survey: &Survey, closed: bool, now: Timestamp) -> String {
    let period = &survey.period;
    let show = |at: Timestamp| {
        at.to_zoned_datetime(period.time_zone.clone())
            .strftime("%-d %b %H:%M")
            .to_string()
    };
    if closed {
        return "closed".into();
    }
    if !period.is_open_at(now) {
        return format!("opens {}", show(period.open.timestamp()));
    }
    let next_reminder = period
        .reminders
        .iter()
        .map(|r| r.due(period, period.open.timestamp().max(now)))
        .filter(|at| *at > now && *at < period.close.timestamp())
        .min();
    match next_reminder {
        Some(at) => format!("next reminder {}", show(at)),
        None => format!("closes {}", show(period.close.timestamp())),
    }
}

fn shorten(text: &str) -> String {
    let line = first_line(text);
    if line.chars().count() > 160 {
        let cut: String = line.chars().take(157).collect();
        format!("{cut}...")
    } else {
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_round_of_looks_is_followed_by_a_longer_pause() {
        let ms = Duration::from_millis;
        for (round, every, longest, pause) in [
            // A regional survey: the round is quick, the pause `every`.
            (ms(10), ms(2000), ms(15_000), ms(2000)),
            (ms(0), ms(100), ms(250), ms(100)),
            // A national one: looking takes a twentieth of the time.
            (ms(600), ms(2000), ms(15_000), ms(11_400)),
            // Never past a quarter of the watchdog's interval.
            (ms(2000), ms(2000), ms(15_000), ms(15_000)),
            // A watchdog shorter than the usual pause keeps the pause.
            (ms(100), ms(2000), ms(1000), ms(2000)),
        ] {
            assert_eq!(
                pause_after(round, every, longest),
                pause,
                "{round:?} {every:?} {longest:?}"
            );
        }
    }

    fn example() -> Survey {
        crate::survey::example()
    }

    fn at(survey: &Survey, local: &str) -> Timestamp {
        local
            .parse::<jiff::civil::DateTime>()
            .unwrap()
            .to_zoned_datetime(survey.period.time_zone.clone())
            .unwrap()
            .timestamp()
    }

    #[test]
    fn next_action_follows_the_period() {
        let mut survey = example();
        survey.period.open = "2026-12-01T09:00"
            .parse::<jiff::civil::DateTime>()
            .unwrap()
            .to_zoned_datetime(survey.period.time_zone.clone())
            .unwrap();
        survey.period.close = "2026-12-15T17:00"
            .parse::<jiff::civil::DateTime>()
            .unwrap()
            .to_zoned_datetime(survey.period.time_zone.clone())
            .unwrap();
        survey.period.reminders = vec![
            crate::survey::Reminder::parse("7 days before close").unwrap(),
            crate::survey::Reminder::parse("2 days before close").unwrap(),
        ];
        let before = at(&survey, "2026-11-30T12:00");
        assert_eq!(next_action(&survey, false, before), "opens 1 Dec 09:00");
        let open = at(&survey, "2026-12-02T12:00");
        assert_eq!(
            next_action(&survey, false, open),
            "next reminder 8 Dec 17:00"
        );
        let late = at(&survey, "2026-12-14T12:00");
        assert_eq!(next_action(&survey, false, late), "closes 15 Dec 17:00");
        assert_eq!(next_action(&survey, true, late), "closed");
    }
}
