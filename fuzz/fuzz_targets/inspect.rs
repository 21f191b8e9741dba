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

/// libfuzzer-sys installs a panic hook that aborts at once, before any
/// `catch_unwind` can act. mailsurvey catches mail-parser's own panics on
/// malformed input (`mailsurvey::understand::mime`) on purpose, so restore the default
/// hook: a panic that escapes mailsurvey still reaches libfuzzer-sys's
/// catch_unwind, which aborts, and is reported as a crash.
static DEFAULT_HOOK: std::sync::Once = std::sync::Once::new();

fuzz_target!(|data: &[u8]| {
    DEFAULT_HOOK.call_once(|| drop(std::panic::take_hook()));
    let inspection = mailsurvey::understand::inspect::inspect(data, &SURVEY);
    let _ = inspection.to_json();
    let _ = inspection.summary(&SURVEY);
});
