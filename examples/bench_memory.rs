//! Memory: the peak resident set (VmHWM) of each step a message just under
//! the size limit goes through in the store and the reader, one step at a
//! time (the peak is reset between steps through /proc/self/clear_refs;
//! Linux only). The end-to-end figure through the daemon is the fault test
//! `fault_reply_just_under_the_size_limit_in_bounded_memory`.
//!
//! `cargo run --example bench_memory [MEGABYTES]` (default 24)

use jiff::Timestamp;

fn status(key: &str) -> usize {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<usize>().ok())
        .expect("a figure in kB")
        / 1024
}

/// Prints the resident set now and its peak since the last step, then
/// resets the peak.
fn step(name: &str) {
    println!(
        "{name:28} resident {:4} MB, peak {:4} MB",
        status("VmRSS:"),
        status("VmHWM:")
    );
    std::fs::write("/proc/self/clear_refs", "5").expect("reset the peak");
}

fn main() {
    let megabytes: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(24);
    let dir = tempfile::tempdir().expect("a temporary directory");
    let mut survey = mailsurvey::survey::Survey::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/config/example.toml"
    )))
    .expect("the example survey");
    survey.database = dir.path().join("state.db");
    let store = mailsurvey::store::Store::open(&survey.database).expect("a store");
    store
        .ensure_survey(&survey, Timestamp::UNIX_EPOCH)
        .expect("the survey");
    let mut raw = b"From: a@doctors.test\r\nTo: survey@example.test\r\nSubject: Re: survey\r\nMessage-ID: <scan@doctors.test>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"scan\"\r\n\r\n--scan\r\nContent-Type: text/plain\r\n\r\n1. yes\r\n\r\n--scan\r\nContent-Type: application/pdf; name=\"scan.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n".to_vec();
    let line = b"JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFIvRmlsdGVyIC9GbGF0ZURlY29k\r\n";
    while raw.len() < megabytes * 1024 * 1024 {
        raw.extend_from_slice(line);
    }
    raw.extend_from_slice(b"\r\n--scan--\r\n");
    step(&format!("a {} byte message", raw.len()));
    store
        .store_message(
            &survey.id,
            &mailsurvey::store::Fetched {
                folder: "INBOX",
                uidvalidity: 1,
                uid: 1,
                message_id: None,
                bytes: &raw,
                size: None,
                arrived: Timestamp::now(),
                shared_sender: false,
            },
            &survey.replies.folders.quarantine,
        )
        .expect("stored");
    step("stored");
    drop(raw);
    step("dropped");
    let message = store
        .unprocessed(&survey.id)
        .expect("loaded")
        .pop()
        .expect("one message");
    step("loaded");
    let light = mailsurvey::understand::mime::lighten(&message.raw);
    step(&format!("lightened to {} bytes", light.len()));
    drop(mailsurvey::understand::mime::parse(&light));
    step("parsed");
    mailsurvey::decide::ingest::read(&store.lookup(&survey.id), &message, &survey)
        .map(drop)
        .expect("read");
    step("read (ingest::read)");
}
