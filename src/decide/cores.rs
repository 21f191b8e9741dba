//! Work on the machine's cores, results in order: the reading of a part of
//! a batch ([`crate::decide::ingest::run_batch`]) is most of a message's
//! CPU (the MIME parse, classification, the reply read, the follow-ups
//! composed), needs nothing another message's reading does, and writes
//! nothing, so the messages of a part are read side by side and recorded
//! afterwards, one after the other, as before.
//!
//! The 10,000-reply benchmark (`scripts/bench 20-read`) had the daemon's
//! processing thread at a whole core while the second stood nearly idle
//! (the inbox thread used a sixth of it); reading was 46% of that
//! thread's CPU.

use std::sync::OnceLock;

use rayon::prelude::*;

/// At most this many threads read at once: each holds a message and its
/// reading's memory (the regexes' caches among it, one set per thread),
/// and the recording that follows is one thread's anyway.
pub const MOST: usize = 4;

/// Fewer items than this a thread are done on the calling thread alone:
/// a reply or two (the steady state of a running survey) is not worth
/// handing over.
pub const LEAST_EACH: usize = 4;

/// How many threads `items` items are worth on this machine: its cores, at
/// most [`MOST`], at least one, and one per [`LEAST_EACH`] items.
pub fn threads_for(items: usize) -> usize {
    cores().min(items / LEAST_EACH).max(1)
}

fn cores() -> usize {
    std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(MOST)
}

/// The readers: threads kept for the life of the process. Threads started
/// for each part instead (the first try) cost more than they saved: each
/// new thread made the regexes' caches anew (a lazy DFA's states built
/// again from nothing) and kept them, and the daemon's peak RSS reading
/// 10,000 replies went from 64 to 207 MB.
fn readers() -> &'static rayon::ThreadPool {
    static READERS: OnceLock<rayon::ThreadPool> = OnceLock::new();
    READERS.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(cores())
            .thread_name(|i| format!("reader-{i}"))
            .build()
            .expect("the readers' threads start")
    })
}

/// `work` on each of `items`, on the readers when there are enough of them
/// ([`threads_for`]), else on the calling thread; the results in the
/// items' order. A panic in `work` reaches the caller, as it would on one
/// thread: callers that must survive one catch it inside `work`.
pub fn in_order<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    if threads_for(items.len()) == 1 {
        return items.iter().map(&work).collect();
    }
    readers().install(|| items.par_iter().map(&work).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_the_items_order_whatever_thread_did_them() {
        let items: Vec<u64> = (0..1000).collect();
        let squared = in_order(&items, |n| {
            // Uneven work, so that threads finish out of order.
            if n % 7 == 0 {
                std::thread::yield_now();
            }
            n * n
        });
        assert_eq!(squared, items.iter().map(|n| n * n).collect::<Vec<_>>());
    }

    #[test]
    fn a_few_items_are_done_on_the_calling_thread() {
        assert_eq!(threads_for(0), 1);
        assert_eq!(threads_for(LEAST_EACH * 2 - 1), 1);
        let caller = std::thread::current().id();
        let threads = in_order(&[1, 2, 3], |_| std::thread::current().id());
        assert!(threads.iter().all(|t| *t == caller), "{threads:?}");
    }

    #[test]
    fn at_most_the_cap_of_threads_however_many_items() {
        assert!(threads_for(1_000_000) <= MOST);
        let items: Vec<u32> = (0..400).collect();
        let threads: std::collections::BTreeSet<_> = in_order(&items, |_| {
            std::thread::sleep(std::time::Duration::from_micros(100));
            format!("{:?}", std::thread::current().id())
        })
        .into_iter()
        .collect();
        assert!(threads.len() <= threads_for(items.len()), "{threads:?}");
    }

    #[test]
    fn a_panic_in_the_work_reaches_the_caller() {
        let items: Vec<u32> = (0..64).collect();
        let caught = std::panic::catch_unwind(|| {
            in_order(&items, |n| {
                assert_ne!(*n, 33, "a bug met item 33");
                *n
            })
        });
        assert!(caught.is_err());
    }
}
