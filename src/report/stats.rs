//! The few statistics a survey report needs, written out by hand so that
//! every figure can be checked against a textbook: proportions with a
//! Wilson score interval, and mean, SD, median, quartiles and range of a
//! list of numbers.

use serde::Serialize;

/// The 97.5th percentile of the standard normal distribution: the `z` of a
/// two-sided 95% interval.
pub const Z_95: f64 = 1.959_963_984_540_054;

/// A confidence interval as proportions (0 to 1).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
}

/// The 95% Wilson score interval for `count` out of `n`; `None` when `n` is 0.
///
/// Wilson rather than the textbook `p ± z·sqrt(p(1-p)/n)` (Wald) because
/// survey samples are small and proportions often near 0 or 1, where Wald
/// overshoots [0, 1] or collapses to zero width (Newcombe, Stat Med 1998).
///
/// With `p = count/n` and `z` = [`Z_95`]:
/// `centre = (p + z²/2n) / (1 + z²/n)`,
/// `half = z·sqrt(p(1-p)/n + z²/4n²) / (1 + z²/n)`.
pub fn wilson(count: usize, n: usize) -> Option<Interval> {
    if n == 0 {
        return None;
    }
    let n = n as f64;
    let p = count as f64 / n;
    let z2 = Z_95 * Z_95;
    let denominator = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denominator;
    let half = Z_95 * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denominator;
    Some(Interval {
        low: (centre - half).max(0.0),
        high: (centre + half).min(1.0),
    })
}

/// `count` out of `n` as a percentage rounded to one decimal, half up, in
/// tenths of a percent (`35, 43` -> `814`, that is 81.4%).
///
/// Integer arithmetic, so that 1/8 is 12.5% and 1/16 is 6.3% exactly as a
/// reader rounding by hand would get, not what binary floating point makes
/// of the tie.
pub fn percent_tenths(count: usize, n: usize) -> Option<u64> {
    if n == 0 {
        return None;
    }
    let (count, n) = (count as u64, n as u64);
    // round(1000·count/n) half up = floor((2000·count + n) / 2n)
    Some((2000 * count + n) / (2 * n))
}

/// Rounds to one decimal, half away from zero.
pub fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// A number as the report prints it: at most one decimal, none when whole
/// (`7`, `6.8`, `-1.5`).
pub fn number(value: f64) -> String {
    let rounded = round1(value);
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

/// Summary of a list of numbers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// How many values.
    pub n: usize,
    /// Arithmetic mean.
    pub mean: f64,
    /// Sample standard deviation (divisor `n - 1`); `None` for one value.
    pub sd: Option<f64>,
    /// Median.
    pub median: f64,
    /// First quartile ([`quantile`], type 7).
    pub q1: f64,
    /// Third quartile ([`quantile`], type 7).
    pub q3: f64,
    /// Smallest value.
    pub min: f64,
    /// Largest value.
    pub max: f64,
}

/// Mean, SD, median, quartiles and range of `values`; `None` when empty.
pub fn summarise(values: &[f64]) -> Option<Summary> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    let mean = sorted.iter().sum::<f64>() / n as f64;
    let sd = (n > 1).then(|| {
        let squares: f64 = sorted.iter().map(|v| (v - mean).powi(2)).sum();
        (squares / (n - 1) as f64).sqrt()
    });
    Some(Summary {
        n,
        mean,
        sd,
        median: quantile(&sorted, 0.5),
        q1: quantile(&sorted, 0.25),
        q3: quantile(&sorted, 0.75),
        min: sorted[0],
        max: sorted[n - 1],
    })
}

/// The `p`-quantile of `sorted` (ascending, not empty) by linear
/// interpolation between order statistics: Hyndman and Fan's type 7, the
/// default of R's `quantile()`, NumPy's `percentile()` and Excel's
/// `QUARTILE.INC`, so the lead's own check in any of them agrees.
///
/// `h = (n - 1)·p`; the result is `x[floor(h)] + (h - floor(h))·(x[floor(h)+1] - x[floor(h)])`
/// (0-based). For `p = 0.5` it is the ordinary median.
pub fn quantile(sorted: &[f64], p: f64) -> f64 {
    let h = (sorted.len() - 1) as f64 * p;
    let below = h.floor() as usize;
    let above = (below + 1).min(sorted.len() - 1);
    sorted[below] + (h - below as f64) * (sorted[above] - sorted[below])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: f64, expected: f64) {
        assert!(
            (actual - expected).abs() < 5e-5,
            "{actual} is not {expected} to 4 decimals"
        );
    }

    #[test]
    fn wilson_matches_newcombe_1998() {
        // Newcombe RG, Two-sided confidence intervals for the single
        // proportion, Stat Med 1998;17:857-872, table II, method 3 (score).
        let cases = [
            (81, 263, 0.2553, 0.3662),
            (15, 148, 0.0624, 0.1605),
            (0, 20, 0.0, 0.1611),
            (1, 29, 0.0061, 0.1718),
        ];
        for (count, n, low, high) in cases {
            let ci = wilson(count, n).unwrap();
            close(ci.low, low);
            close(ci.high, high);
        }
    }

    #[test]
    fn wilson_for_the_seed_figures() {
        // 35/43 by hand: p = 0.813953, z² = 3.841459, z²/n = 0.089336,
        // centre = (0.813953 + 0.044668) / 1.089336 = 0.788208,
        // half = 1.959964·sqrt(0.0035222 + 0.00051940) / 1.089336
        //      = 1.959964·0.0635737 / 1.089336 = 0.114384,
        // so 0.6738 to 0.9026.
        let ci = wilson(35, 43).unwrap();
        close(ci.low, 0.6738);
        close(ci.high, 0.9026);
        // 43/60: p = 0.716667, z²/n = 0.064024, centre = 0.703640, so
        // 0.5923 to 0.8149.
        let ci = wilson(43, 60).unwrap();
        close(ci.low, 0.5923);
        close(ci.high, 0.8149);
        // All or nothing stays inside [0, 1] and is not zero-width.
        let all = wilson(10, 10).unwrap();
        close(all.high, 1.0);
        close(all.low, 0.7225);
        assert_eq!(wilson(3, 0), None);
    }

    #[test]
    fn percentages_round_half_up_to_one_decimal() {
        let cases = [
            (35, 43, 814),
            (26, 43, 605),
            (22, 43, 512),
            (24, 43, 558),
            (19, 43, 442),
            (11, 43, 256),
            (14, 43, 326),
            (34, 43, 791),
            (43, 60, 717),
            (1, 8, 125),
            (1, 16, 63), // 6.25 -> 6.3
            (0, 5, 0),
            (5, 5, 1000),
        ];
        for (count, n, tenths) in cases {
            assert_eq!(percent_tenths(count, n), Some(tenths), "{count}/{n}");
        }
        assert_eq!(percent_tenths(1, 0), None);
    }

    #[test]
    fn numbers_print_with_at_most_one_decimal() {
        assert_eq!(number(292.0 / 43.0), "6.8");
        assert_eq!(number(7.0), "7");
        assert_eq!(number(6.96), "7");
        assert_eq!(number(-1.25), "-1.3");
    }

    #[test]
    fn summary_of_a_textbook_list() {
        // 2,4,4,4,5,5,7,9: mean 5; squares sum to 32, so the sample SD is
        // sqrt(32/7) = 2.13809 (the population SD would be 2).
        let s = summarise(&[9.0, 2.0, 4.0, 4.0, 5.0, 4.0, 7.0, 5.0]).unwrap();
        assert_eq!(s.n, 8);
        close(s.mean, 5.0);
        close(s.sd.unwrap(), 2.13809);
        // Type 7 on 8 values: h = 7p. Q1: h = 1.75 -> 4 + 0.75·0 = 4;
        // median: h = 3.5 -> 4 + 0.5·(5-4) = 4.5; Q3: h = 5.25 -> 5 + 0.25·(7-5) = 5.5.
        close(s.q1, 4.0);
        close(s.median, 4.5);
        close(s.q3, 5.5);
        assert_eq!((s.min, s.max), (2.0, 9.0));
    }

    #[test]
    fn quantiles_agree_with_r() {
        // R: quantile(c(1, 2, 3, 4)) gives 1.75, 2.5, 3.25.
        let sorted = [1.0, 2.0, 3.0, 4.0];
        close(quantile(&sorted, 0.25), 1.75);
        close(quantile(&sorted, 0.5), 2.5);
        close(quantile(&sorted, 0.75), 3.25);
        close(quantile(&sorted, 0.0), 1.0);
        close(quantile(&sorted, 1.0), 4.0);
        // One value: everything is that value, SD undefined.
        let one = summarise(&[6.0]).unwrap();
        assert_eq!((one.median, one.q1, one.q3, one.sd), (6.0, 6.0, 6.0, None));
        assert_eq!(summarise(&[]), None);
    }
}
