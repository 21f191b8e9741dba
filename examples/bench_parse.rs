//! Benchmark: reading replies (`inspect`: MIME parsing, classification,
//! matching and answer parsing) against mail-parser alone on the same
//! bytes, side by side in one process. Used by `scripts/bench`.
//!
//! `bench_parse SURVEY.toml CORPUS_DIR [ROUNDS]` prints rows of
//! `scripts/bench`'s table (figure, value, unit, comparison, its value,
//! ratio, target), tab-separated.

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (survey, corpus, rounds) = match args.as_slice() {
        [_, survey, corpus] => (survey, corpus, 200),
        [_, survey, corpus, rounds] => (survey, corpus, rounds.parse().expect("ROUNDS")),
        _ => {
            eprintln!("usage: bench_parse SURVEY.toml CORPUS_DIR [ROUNDS]");
            std::process::exit(2);
        }
    };
    let survey = mailsurvey::survey::Survey::load(Path::new(survey)).unwrap_or_else(|p| {
        eprintln!("{p}");
        std::process::exit(2)
    });
    let mut messages: Vec<Vec<u8>> = std::fs::read_dir(corpus)
        .expect("the corpus directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "eml"))
        .map(|p| std::fs::read(p).expect("a corpus file"))
        .collect();
    messages.sort();
    let bytes: usize = messages.iter().map(Vec::len).sum();
    // Alternate the two, several times, and keep each one's best round set:
    // the least disturbed by whatever else the machine is doing.
    let mut best_base = f64::MAX;
    let mut best_ours = f64::MAX;
    for _ in 0..5 {
        let start = Instant::now();
        for _ in 0..rounds {
            for raw in &messages {
                black_box(mail_parser::MessageParser::default().parse(black_box(raw)));
            }
        }
        best_base = best_base.min(start.elapsed().as_secs_f64());
        let start = Instant::now();
        for _ in 0..rounds {
            for raw in &messages {
                black_box(mailsurvey::understand::inspect::inspect(
                    black_box(raw),
                    &survey,
                ));
            }
        }
        best_ours = best_ours.min(start.elapsed().as_secs_f64());
    }
    let count = (messages.len() * rounds) as f64;
    eprintln!(
        "inspect: {} corpus replies ({} KB in all), {rounds} times, best of 5",
        messages.len(),
        bytes / 1024
    );
    let (ours, base) = (count / best_ours, count / best_base);
    println!(
        "inspect: mailsurvey inspect, reply corpus\t{ours:.0}\tmessages/s\tmail-parser alone, same bytes\t{base:.0}\t{:.2}\t>= 0.5",
        ours / base
    );
}
