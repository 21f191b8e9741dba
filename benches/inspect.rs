//! `cargo bench --bench inspect`: `inspect` (MIME parse, classification,
//! matching, answer parsing) against mail-parser alone parsing the same
//! bytes, side by side over the whole reply corpus (`tests/fixtures/replies`),
//! as elements per second (one element is one message). Issue 23's target:
//! `inspect` at 0.5 of mail-parser alone or better. `scripts/bench`'s
//! `25-inspect` phase measures the same pair in one process
//! (`examples/bench_parse.rs`) for the table.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn corpus() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/replies");
    let mut messages: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .expect("the reply corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "eml"))
        .map(|p| std::fs::read(p).expect("a corpus file"))
        .collect();
    messages.sort();
    messages
}

fn reading(c: &mut Criterion) {
    let survey = mailsurvey::survey::Survey::load(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("config/example.toml"),
    )
    .expect("the example survey");
    let messages = corpus();
    let mut group = c.benchmark_group("reply corpus");
    group.throughput(Throughput::Elements(messages.len() as u64));
    group.bench_function("mail-parser alone", |b| {
        b.iter(|| {
            for raw in &messages {
                black_box(mail_parser::MessageParser::default().parse(black_box(raw)));
            }
        })
    });
    group.bench_function("mailsurvey inspect", |b| {
        b.iter(|| {
            for raw in &messages {
                black_box(mailsurvey::understand::inspect::inspect(
                    black_box(raw),
                    &survey,
                ));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, reading);
criterion_main!(benches);
