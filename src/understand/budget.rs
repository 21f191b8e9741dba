//! A time budget for reading one message, kept cooperatively: a thread
//! cannot be pre-empted, so every loop over a stranger's input asks
//! [`expired`] and stops early once the budget is spent, and [`within`]
//! throws away what such a cut-short read returned. Reading is linear,
//! so no real message should come near the budget; it is there
//! so that the next such bug costs one message, not the service.
//!
//! The clock is read once every [`CHECK_EVERY`] questions, so asking costs
//! a counter increment in the loops that ask it for every character.
//! Outside [`within`] nothing expires.

use std::cell::Cell;
use std::time::{Duration, Instant};

/// The time one message may take to read (parse, classify, match, read
/// its answers): about a thousand times what a 24 MB message takes.
pub const READ_BUDGET: Duration = Duration::from_secs(10);

/// How often [`expired`] reads the clock: once per this many calls.
const CHECK_EVERY: u32 = 1024;

thread_local! {
    /// When the read in progress on this thread must stop, if one is.
    static DEADLINE: Cell<Option<Instant>> = const { Cell::new(None) };
    /// Calls to [`expired`] since the clock was last read.
    static CALLS: Cell<u32> = const { Cell::new(0) };
    /// The deadline has passed: every loop stops at its next question.
    static EXPIRED: Cell<bool> = const { Cell::new(false) };
}

/// A read that did not finish within its budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TookTooLong {
    /// The budget it was given.
    pub budget: Duration,
}

impl std::fmt::Display for TookTooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "took longer than {} s to read", self.budget.as_secs())
    }
}

/// Runs `read` with `budget` to spend: its result, or [`TookTooLong`] when
/// the budget ran out before it finished (what it returned then is
/// incomplete and dropped). Nested calls keep the earlier deadline if it
/// comes first.
pub fn within<T>(budget: Duration, read: impl FnOnce() -> T) -> Result<T, TookTooLong> {
    let deadline = Instant::now() + budget;
    let outer = DEADLINE.get();
    let outer_expired = EXPIRED.get();
    DEADLINE.set(Some(outer.map_or(deadline, |o| o.min(deadline))));
    EXPIRED.set(false);
    CALLS.set(0);
    // Restored however `read` ends, a panic included.
    struct Restore(Option<Instant>, bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            DEADLINE.set(self.0);
            EXPIRED.set(self.1);
        }
    }
    let restore = Restore(outer, outer_expired);
    let value = read();
    let expired = EXPIRED.get() || Instant::now() > deadline;
    drop(restore);
    if expired {
        Err(TookTooLong { budget })
    } else {
        Ok(value)
    }
}

/// Has the budget of the read in progress on this thread run out? Asked in
/// every loop over a stranger's input; such a loop stops when it has. Once
/// true, stays true until [`within`] returns.
pub fn expired() -> bool {
    if EXPIRED.get() {
        return true;
    }
    let calls = CALLS.get() + 1;
    if calls < CHECK_EVERY {
        CALLS.set(calls);
        return false;
    }
    CALLS.set(0);
    let expired = DEADLINE.get().is_some_and(|d| Instant::now() > d);
    EXPIRED.set(expired);
    expired
}

/// The fault hook for tests of the budget (`MAILSURVEY_FAULT=slow-read`):
/// a message whose subject holds `slow-read` is read slowly, as a reader
/// with a bug would read it, until its budget runs out (cooperatively,
/// like every reader), so containment can be tested now that no real
/// input is slow. Nothing happens without the variable.
pub fn fault_slow_read(subject: Option<&str>) {
    let asked = || {
        std::env::var("MAILSURVEY_FAULT")
            .is_ok_and(|faults| faults.split(',').any(|f| f.trim() == "slow-read"))
    };
    if subject.is_some_and(|s| s.contains("slow-read")) && asked() {
        read_slowly();
    }
}

/// The fault hook for tests of the warm-up before the first counted read
/// (`MAILSURVEY_FAULT=slow-warm-up`, `src/decide/ingest.rs`): the warm-up
/// says so and lasts 30 s, a window to kill the daemon in at start-up.
/// Nothing happens without the variable.
pub fn fault_slow_warm_up() {
    let asked = std::env::var("MAILSURVEY_FAULT")
        .is_ok_and(|faults| faults.split(',').any(|f| f.trim() == "slow-warm-up"));
    if asked {
        tracing::warn!(
            "fault injected: the readers warm up for 30 s (MAILSURVEY_FAULT=slow-warm-up)"
        );
        std::thread::sleep(Duration::from_secs(30));
    }
}

/// Spins, asking [`expired`], until the budget of the read in progress
/// runs out; at once outside a read.
fn read_slowly() {
    if DEADLINE.get().is_none() {
        return;
    }
    while !expired() {
        std::thread::sleep(Duration::from_micros(50));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_read_that_stops_at_its_deadline_is_set_aside() {
        let started = Instant::now();
        let spun = within(Duration::from_millis(50), || {
            let mut turns = 0u64;
            while !expired() {
                turns += 1;
            }
            turns
        });
        assert_eq!(
            spun,
            Err(TookTooLong {
                budget: Duration::from_millis(50)
            })
        );
        assert!(started.elapsed() < Duration::from_secs(5));
        assert_eq!(
            TookTooLong {
                budget: Duration::from_secs(10)
            }
            .to_string(),
            "took longer than 10 s to read"
        );
        // The next read has its own budget.
        assert_eq!(within(Duration::from_secs(10), || 7), Ok(7));
        assert!(!expired(), "nothing expires outside a read");
    }

    #[test]
    fn a_slow_read_ends_with_its_budget() {
        let started = Instant::now();
        let late = within(Duration::from_millis(200), read_slowly);
        assert!(late.is_err());
        assert!(started.elapsed() < Duration::from_secs(5));
        // Outside a read it returns at once.
        read_slowly();
        // Without MAILSURVEY_FAULT, or another subject, nothing is slow.
        assert_eq!(
            within(Duration::from_millis(200), || fault_slow_read(Some(
                "Re: survey"
            ))),
            Ok(())
        );
    }

    #[test]
    fn a_nested_read_keeps_the_earlier_deadline() {
        let outer = within(Duration::from_millis(30), || {
            within(Duration::from_secs(60), || while !expired() {})
        });
        assert!(outer.is_err());
    }
}
