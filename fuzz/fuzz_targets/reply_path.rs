//! The whole reply path: arbitrary messages from arbitrary senders to
//! arbitrary plus-addresses (recipients' tokens, the unsubscribe form,
//! garbage), stored as the inbox stores them and processed through the real
//! ingest path into a store in a temporary directory. No panic escapes,
//! processing never stops, and a genuine reply after each input is still
//! processed. The harness is `mailsurvey::decide::fuzzing`; its seeds in
//! `fuzz/corpus/reply_path` are replayed by `tests/corpus.rs`. Run on stable
//! with `cargo fuzz run --sanitizer none reply_path -- -max_total_time=60`.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use mailsurvey::survey::Survey;

static SURVEY: LazyLock<Survey> = LazyLock::new(|| {
    Survey::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../config/example.toml"))
        .expect("the example survey loads")
});

/// See `inspect.rs`: mailsurvey catches some panics on purpose (mail-parser's
/// on malformed input, and a message whose handling panics is set aside), so
/// restore the default hook; a panic that escapes still aborts as a crash.
static DEFAULT_HOOK: std::sync::Once = std::sync::Once::new();

fuzz_target!(|data: &[u8]| {
    DEFAULT_HOOK.call_once(|| drop(std::panic::take_hook()));
    // A fresh store for each input: a crash reproduces from its input alone.
    // In memory where there is /dev/shm: the store's fsyncs cost nothing.
    let shm = std::path::Path::new("/dev/shm");
    let base = if shm.is_dir() {
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    };
    let dir = base.join(format!("mailsurvey-fuzz-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let mut harness = mailsurvey::decide::fuzzing::ReplyPath::new(SURVEY.clone(), &dir)
        .expect("the harness's store opens");
    if let Err(err) = harness.run(data) {
        panic!("reply path: {err}");
    }
    drop(harness);
    let _ = std::fs::remove_dir_all(&dir);
});
