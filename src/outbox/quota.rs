//! The daily quota of an SMTP account (`[sending] daily_limit` over
//! `quota_window`), as a provider counts it: recipients in a rolling
//! window (Exchange Online: 10,000 a day per mailbox). Pure: what was sent
//! (whole seconds, as the store keeps `sent_at`) and what is in flight in,
//! how many may go now and when the next slot opens out.

/// What the quota allows at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Allowance {
    /// How many messages may be handed to the server now.
    pub may_send: u64,
    /// When the next slot opens (Unix seconds) if none may go now: the
    /// oldest send in the window leaves it.
    pub opens_at: Option<i64>,
}

/// How many may go at `now` with `limit` recipients per `window` seconds,
/// given the send times in `sent` (ascending, Unix seconds; older ones are
/// ignored) and `in_flight` messages handed out but not yet marked sent
/// (each holds a slot). A send at second `s` holds its slot until
/// `s + window`.
pub fn allowance(limit: u64, window: i64, sent: &[i64], in_flight: u64, now: i64) -> Allowance {
    let first = sent.partition_point(|&s| s <= now - window);
    let in_window = &sent[first..];
    let used = in_window.len() as u64 + in_flight;
    if used < limit {
        return Allowance {
            may_send: limit - used,
            opens_at: None,
        };
    }
    // The slot of the (used - limit + 1)-th oldest send opens one first;
    // in-flight ones count as sent now.
    let leave = (used - limit) as usize;
    let opens_at = in_window.get(leave).map_or(now + window, |s| s + window);
    Allowance {
        may_send: 0,
        opens_at: Some(opens_at.max(now + 1)),
    }
}

/// When the last of `waiting` messages can go (Unix seconds) at `limit` per
/// `window`, given the sends already in the window (ascending), if every
/// slot is used the moment it opens: `now` if they all fit now.
pub fn last_send(limit: u64, window: i64, sent: &[i64], waiting: u64, now: i64) -> i64 {
    if waiting == 0 || limit == 0 {
        return now;
    }
    let first = sent.partition_point(|&s| s <= now - window);
    let mut times: Vec<i64> = sent[first..].to_vec();
    let mut last = now;
    let limit = limit as usize;
    for _ in 0..waiting {
        let n = times.len();
        // The next send needs the (n - limit + 1)-th newest-but-limit to
        // have left the window: the send `limit` places before it.
        last = if n < limit {
            now
        } else {
            (times[n - limit] + window).max(now)
        };
        times.push(last);
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (limit, window, sent, in flight or waiting, now)
    type Given = (u64, i64, &'static [i64], u64, i64);

    #[test]
    fn how_many_may_go_and_when_the_next_slot_opens() {
        // (limit, window, sent, in flight, now) -> (may send, opens at)
        let cases: &[(Given, u64, Option<i64>)] = &[
            // Nothing sent: the whole quota.
            ((20, 60, &[], 0, 1000), 20, None),
            // Some sent in the window.
            ((20, 60, &[990, 995], 0, 1000), 18, None),
            // In flight holds slots.
            ((20, 60, &[990, 995], 3, 1000), 15, None),
            // Older than the window: left it (a send at 940 leaves at 1000).
            ((3, 60, &[900, 940, 990], 0, 1000), 2, None),
            // Full: the oldest in the window leaves first.
            ((3, 60, &[950, 960, 990], 0, 1000), 0, Some(1010)),
            // Over the limit (the report is never held back): the slot
            // that brings it under the limit.
            ((2, 60, &[950, 960, 990], 0, 1000), 0, Some(1020)),
            // Full with messages in flight only: a window from now.
            ((2, 60, &[], 2, 1000), 0, Some(1060)),
            // Full, in flight beyond the sent ones.
            ((3, 60, &[950, 960], 1, 1000), 0, Some(1010)),
            // A day's window, Exchange's limit.
            ((10_000, 86_400, &[0], 9_999, 100), 0, Some(86_400)),
            // A slot opening this very second is open at the next one.
            ((1, 60, &[940], 0, 1000), 1, None),
            ((1, 60, &[941], 0, 1000), 0, Some(1001)),
        ];
        for &((limit, window, sent, in_flight, now), may, opens) in cases {
            assert_eq!(
                allowance(limit, window, sent, in_flight, now),
                Allowance {
                    may_send: may,
                    opens_at: opens
                },
                "limit {limit} window {window} sent {sent:?} in flight {in_flight} now {now}"
            );
        }
    }

    #[test]
    fn when_the_last_waiting_message_goes() {
        // (limit, window, sent, waiting, now) -> last send
        let cases: &[(Given, i64)] = &[
            ((20, 60, &[], 0, 1000), 1000),
            ((20, 60, &[], 20, 1000), 1000),
            // 50 at 20 a minute: three windows.
            ((20, 60, &[], 50, 1000), 1120),
            ((20, 60, &[], 41, 1000), 1120),
            ((20, 60, &[], 40, 1000), 1060),
            // Two already in the window: the 19th waits for the first.
            ((20, 60, &[970, 980], 19, 1000), 1030),
            // 30,000 on Exchange's 10,000 a day: the third day.
            ((10_000, 86_400, &[], 30_000, 0), 172_800),
        ];
        for &((limit, window, sent, waiting, now), last) in cases {
            assert_eq!(
                last_send(limit, window, sent, waiting, now),
                last,
                "limit {limit} window {window} sent {sent:?} waiting {waiting} now {now}"
            );
        }
    }

    #[test]
    fn what_the_allowance_lets_through_never_exceeds_the_limit_in_any_window() {
        // Send whenever allowed, one a second, and check every window.
        let (limit, window) = (5u64, 10i64);
        let mut sent = Vec::new();
        for now in 0..100 {
            if allowance(limit, window, &sent, 0, now).may_send > 0 {
                sent.push(now);
            }
        }
        for start in 0..100 {
            let n = sent
                .iter()
                .filter(|&&s| s >= start && s < start + window)
                .count() as u64;
            assert!(n <= limit, "{n} in [{start}, {})", start + window);
        }
        assert_eq!(sent.len(), 50);
    }
}
