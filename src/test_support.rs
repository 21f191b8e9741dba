//! Helpers for the unit tests only.

use std::time::Duration;

/// The CPU time this thread has used: unlike the wall clock, it does not
/// grow while a busy machine runs other work, so a test that compares the
/// time of two input sizes measures the code, not the machine's load.
pub(crate) fn thread_cpu_time() -> Duration {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes into the timespec we own.
    let done = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    assert_eq!(done, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
    Duration::new(now.tv_sec as u64, now.tv_nsec as u32)
}
