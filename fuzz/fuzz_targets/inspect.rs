//! Inspection (classification, matching, parsing) of arbitrary bytes with
//! the example survey: must never panic. Run on stable with
//! `cargo fuzz run --sanitizer none inspect -- -max_total_time=60`; the
//! corpus in `fuzz/corpus/inspect` is replayed by `tests/corpus.rs`.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use mailsurvey::survey::Survey;

static SURVEY: LazyLock<Survey> = LazyLock::new(|| {
    Survey::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../config/example.toml"))
        .expect("the example survey loads")
});

fuzz_target!(|data: &[u8]| {
    let inspection = mailsurvey::inspect::inspect(data, &SURVEY);
    let _ = inspection.to_json();
    let _ = inspection.summary(&SURVEY);
});
