//! Benchmark: each reader of a stranger's text on its worst inputs
//! (`tests/reading_time/cases.rs`), timed at each size given, with the
//! growth from one size to the next (linear: about the ratio of the sizes).
//! Run in release:
//!
//! `cargo run --release --example bench_reading [SIZE_KB ...]` (default 2048)
//!
//! A case is not run at a larger size once it took longer than 60 s.

use std::time::{Duration, Instant};

#[path = "../tests/reading_time/cases.rs"]
mod cases;

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse::<usize>().expect("a size in KB") * 1024)
        .collect();
    let sizes = if sizes.is_empty() {
        vec![2048 * 1024]
    } else {
        sizes
    };
    let survey = cases::survey();
    let mut worst = Duration::ZERO;
    for case in cases::all()
        .into_iter()
        .chain(cases::questionnaire())
        .chain(cases::grids())
        .chain(cases::one_line_forms())
        .chain(cases::addresses())
    {
        print!("{:<24} {:<36}", case.reader, case.input);
        let mut before: Option<(usize, Duration)> = None;
        for &size in &sizes {
            if before.is_some_and(|(_, t)| t > Duration::from_secs(60)) {
                print!("  {:>6} KB: skipped", size / 1024);
                continue;
            }
            let input = (case.make)(size);
            let start = Instant::now();
            (case.read)(&input, &survey);
            let took = start.elapsed();
            worst = worst.max(took);
            print!("  {:>6} KB: {:>9.3} s", size / 1024, took.as_secs_f64());
            if let Some((small, t)) = before {
                print!(
                    " (x{:.0} for x{})",
                    took.as_secs_f64() / t.as_secs_f64().max(1e-6),
                    size / small
                );
            }
            before = Some((size, took));
        }
        println!();
    }
    println!("slowest read: {:.3} s", worst.as_secs_f64());
}
