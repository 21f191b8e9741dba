//! Fewer connections when the provider says there are too many (pure):
//! Exchange Online refuses a fourth concurrent submission from one mailbox
//! with `432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded`.
//! Each such refusal takes one connection away (never the last); one comes
//! back for every [`RECOVERY`] without another refusal, up to the
//! configured `max_connections`. No clock and no I/O here: times are Unix
//! seconds given by the caller, so that `status` can say what the daemon
//! allows now from what the store recorded.

/// Seconds without a refusal after which one connection comes back.
pub const RECOVERY: i64 = 600;

/// The connections an account may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Connections {
    /// What the survey file allows (`max_connections`).
    pub max: usize,
    /// How many fewer, as of `last_refusal`.
    pub fewer: usize,
    /// When the provider last said too many (Unix seconds).
    pub last_refusal: Option<i64>,
}

impl Connections {
    /// All `max` allowed.
    pub fn new(max: usize) -> Connections {
        Connections {
            max: max.max(1),
            fewer: 0,
            last_refusal: None,
        }
    }

    /// How many fewer than `max` at `now`: one back per [`RECOVERY`]
    /// since the last refusal.
    pub fn fewer_at(&self, now: i64) -> usize {
        match self.last_refusal {
            None => 0,
            Some(at) => {
                let recovered = (now - at).max(0) / RECOVERY;
                self.fewer
                    .saturating_sub(usize::try_from(recovered).unwrap_or(usize::MAX))
            }
        }
    }

    /// How many connections may be open at `now`.
    pub fn allowed_at(&self, now: i64) -> usize {
        self.max - self.fewer_at(now).min(self.max - 1)
    }

    /// The provider said too many at `now`: one fewer than allowed then,
    /// never fewer than one. Returns whether one was taken away (at one
    /// already, nothing is).
    pub fn refused(&mut self, now: i64) -> bool {
        let fewer = self.fewer_at(now);
        let lowered = fewer + 1 < self.max;
        self.fewer = if lowered { fewer + 1 } else { fewer };
        self.last_refusal = Some(now);
        lowered
    }

    /// When all `max` are allowed again, if some are still taken away at
    /// `now`.
    pub fn restored_at(&self, now: i64) -> Option<i64> {
        let at = self.last_refusal?;
        (self.fewer_at(now) > 0).then(|| at + RECOVERY * self.fewer as i64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (max, refusals at these times, asked at, allowed then, restored at)
    type Case = (usize, &'static [i64], i64, usize, Option<i64>);

    const CASES: &[Case] = &[
        // Never refused: all of them.
        (4, &[], 0, 4, None),
        // One refusal: one fewer, back after RECOVERY.
        (4, &[100], 100, 3, Some(700)),
        (4, &[100], 699, 3, Some(700)),
        (4, &[100], 700, 4, None),
        // Two in a row: two fewer, one back per RECOVERY after the last.
        (4, &[100, 110], 110, 2, Some(1310)),
        (4, &[100, 110], 710, 3, Some(1310)),
        (4, &[100, 110], 1310, 4, None),
        // Never below one, however many refusals.
        (4, &[1, 2, 3, 4, 5, 6], 6, 1, Some(6 + 3 * 600)),
        (1, &[1, 2], 2, 1, None),
        // A refusal after a partial recovery counts from what was allowed
        // then: 2 fewer at 0, 1 fewer at 600, 2 fewer again at 650.
        (4, &[0, 0, 650], 650, 2, Some(650 + 2 * 600)),
    ];

    #[test]
    fn connections_fall_by_one_per_refusal_and_come_back_one_per_recovery() {
        for &(max, refusals, at, allowed, restored) in CASES {
            let mut c = Connections::new(max);
            for &r in refusals {
                c.refused(r);
            }
            assert_eq!(
                c.allowed_at(at),
                allowed,
                "max {max}, refusals {refusals:?}, at {at}"
            );
            assert_eq!(
                c.restored_at(at),
                restored,
                "max {max}, refusals {refusals:?}, at {at}"
            );
        }
    }

    #[test]
    fn a_refusal_at_one_connection_takes_nothing_away() {
        let mut c = Connections::new(2);
        assert!(c.refused(0));
        assert!(!c.refused(1));
        assert_eq!(c.allowed_at(1), 1);
    }
}
