//! The store and the report at national scale, for `scripts/bench`
//! (phase `scripts/bench.d/30-store`): makes a store of RECIPIENTS people
//! in one survey, every invitation sent and RESPONSES of them answered,
//! then times what the daemon does on it, each step through the library
//! the daemon runs (no shortcut of its own):
//!
//! - **list load**: the recipient list read from its CSV file, brought
//!   into the store and an invitation queued for everyone
//!   (`run::list::bring_in`: the file read a row at a time into the store,
//!   then `Store::queue_invitations`, as the daemon's start does), beside a
//!   plain prepared INSERT of the same rows into a table of the same shape
//!   (the comparison);
//! - **list re-read**: the same list read again into the now full store,
//!   as every start of the daemon does;
//! - the replies, written by plain SQL into the real schema (the store's
//!   migrations made it): a reply message and ten answers each, a third
//!   of them with a free-text comment of a few hundred characters. This is
//!   the generator; it is not timed against a target;
//! - **status**: `run::commands::status` on the survey file, as
//!   `mailsurvey status` runs it (the list file read and checked too);
//! - **reminder query**: the daemon's look at the timeline
//!   (`follow_up::timeline::advance`) before any reminder is due, a day
//!   before the close (a reminder queued for every silent person), and
//!   right after (the sweep finding nobody due: every later turn);
//!   `Store::silent`, the digest's list of the silent;
//! - **one reply**: a reply with a valid token stored and processed
//!   (`decide::ingest::process_new`: matched, parsed, answers recorded,
//!   receipt queued);
//! - **report**: `follow_up::timeline::build` and the email to the leads
//!   composed, with the HTML part's size.
//!
//! `BENCH_STORE_REPORT=0` leaves the report out; `BENCH_STORE_ONLY=load`
//! stops after the list load.
//!
//! Each step prints the rows of `scripts/bench`'s table:
//! `figure<TAB>value<TAB>unit<TAB>comparison<TAB>comparison value<TAB>ratio<TAB>target`,
//! with the peak resident set of the step (VmHWM, reset between steps
//! through /proc/self/clear_refs; Linux only).
//!
//! ```text
//! bench_store DIR RECIPIENTS RESPONSES
//! ```

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use jiff::{SignedDuration, Timestamp};
use mailsurvey::store::{Fetched, Store};
use mailsurvey::survey::Survey;

/// A free-text comment as doctors write them, repeated to the length
/// wanted.
const COMMENT: &str = "We use ketamine mostly on the advice of the pain team, and only after a discussion with the family; a regional protocol with clear dosing for the community would help our nurses, who are not always confident to start it out of hours. ";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, recipients, responses] = &args[..] else {
        eprintln!("usage: bench_store DIR RECIPIENTS RESPONSES");
        std::process::exit(2);
    };
    let dir = PathBuf::from(dir);
    let n: usize = recipients.parse().expect("RECIPIENTS is a number");
    let answered: usize = responses.parse().expect("RESPONSES is a number");
    assert!(answered <= n, "RESPONSES is at most RECIPIENTS");
    std::fs::create_dir_all(&dir).expect("DIR can be made");
    let survey_path = write_survey(&dir, n);
    let (survey, templates) = mailsurvey::run::daemon::load(&survey_path).expect("the survey");
    let now = survey.period.open.timestamp() + SignedDuration::from_hours(24);

    reset_peak();
    let store = Store::open(&survey.database).expect("the store");
    store.ensure_survey(&survey, now).expect("the survey row");
    let cpu = cpu_s();
    let steps = load_list(&store, &survey, now, true);
    let ours: f64 = steps.iter().sum();
    let ours_cpu = cpu_s() - cpu;
    let peak = peak_mb();
    let cpu = cpu_s();
    let base = plain_insert(&dir, n);
    let base_cpu = cpu_s() - cpu;
    row(
        "list load",
        n as f64 / ours,
        "rows/s",
        "plain prepared INSERT",
        n as f64 / base,
        ">= 100000 rows/s",
    );
    row(
        "list load, per CPU second",
        n as f64 / ours_cpu,
        "rows/s",
        "plain prepared INSERT",
        n as f64 / base_cpu,
        "",
    );
    row("list load peak RSS", peak, "MB", "", 0.0, "");
    let started = Instant::now();
    for _ in 0..n {
        std::hint::black_box(mailsurvey::compose::token::Token::generate());
    }
    row(
        "list load: Token::generate alone",
        n as f64 / started.elapsed().as_secs_f64(),
        "tokens/s",
        "",
        0.0,
        "",
    );
    for (step, seconds) in ["read, checked and into the store", "invitations queued"]
        .iter()
        .zip(steps)
    {
        row(
            &format!("list load: {step}"),
            n as f64 / seconds,
            "rows/s",
            "",
            0.0,
            "",
        );
    }

    // The list load alone (a profile of it, a quick comparison).
    if std::env::var_os("BENCH_STORE_ONLY").is_some_and(|v| v == "load") {
        return;
    }
    reset_peak();
    let again: f64 = load_list(&store, &survey, now, true).iter().sum();
    row(
        "list re-read (file read again)",
        n as f64 / again,
        "rows/s",
        "first load",
        n as f64 / ours,
        ">= 100000 rows/s",
    );
    let unchanged: f64 = load_list(&store, &survey, now, false).iter().sum();
    row(
        "list re-read, file unchanged (start of the daemon)",
        unchanged,
        "s",
        "",
        0.0,
        "",
    );

    let started = Instant::now();
    generate_replies(&survey.database, &survey.id, answered, now);
    let generated = started.elapsed().as_secs_f64();
    row(
        "generator: replies written",
        answered as f64 / generated,
        "replies/s",
        "",
        0.0,
        "",
    );

    // After the last invitation went (10,000 a day).
    let later = now + SignedDuration::from_hours(24 * (n as i64 / 10_000 + 2));
    reset_peak();
    time_status(&survey_path, &store, &survey, later);
    time_reminders(&store, &survey, later);
    time_one_reply(&store, &survey, &templates, later);
    // The report is another part's figure, and the longest step: a run
    // about the list and the store alone may leave it out.
    if std::env::var_os("BENCH_STORE_REPORT").is_none_or(|v| v != "0") {
        time_report(&store, &survey, later);
    }
}

/// Prints one row of the table; an empty comparison prints as `-`.
fn row(figure: &str, value: f64, unit: &str, comparison: &str, base: f64, target: &str) {
    let (comparison, base, ratio) = if comparison.is_empty() {
        ("-".to_owned(), "-".to_owned(), "-".to_owned())
    } else {
        (
            comparison.to_owned(),
            shown(base),
            format!("{:.2}", value / base),
        )
    };
    let target = if target.is_empty() { "-" } else { target };
    println!(
        "store: {figure}\t{}\t{unit}\t{comparison}\t{base}\t{ratio}\t{target}",
        shown(value)
    );
    std::io::stdout().flush().ok();
}

fn shown(x: f64) -> String {
    if x >= 100.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.3}")
    }
}

fn proc_status(key: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .expect("a figure in kB")
        / 1024.0
}

/// The peak resident set since the last reset, in MB.
fn peak_mb() -> f64 {
    proc_status("VmHWM:")
}

/// CPU seconds (user and system) this process has used so far: on a
/// shared machine the wall time of a step is stretched by the load, its
/// CPU time much less.
fn cpu_s() -> f64 {
    // SAFETY: getrusage writes the struct it is given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// Resets the peak to the resident set now, after handing the memory
/// freed by the steps before back to the system (glibc keeps it
/// otherwise, and the next step's peak would count it).
fn reset_peak() {
    // SAFETY: malloc_trim only releases free memory of glibc's heap.
    unsafe {
        libc::malloc_trim(0);
    }
    std::fs::write("/proc/self/clear_refs", "5").expect("reset the peak");
}

/// The example survey with its list and store in `dir`, and a list of `n`
/// people in 200 centres (a national survey's breakdown).
fn write_survey(dir: &Path, n: usize) -> PathBuf {
    let example =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/config/example.toml"))
            .expect("the example survey");
    let toml: String = example
        .lines()
        .map(|line| {
            if line.starts_with("recipients = ") {
                "recipients = \"people.csv\"".to_owned()
            } else if line.starts_with("database = ") {
                "database = \"state.db\"".to_owned()
            } else if line == "[sending]" {
                // A national send on an Exchange Online mailbox.
                "[sending]\ndaily_limit = 10000".to_owned()
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let path = dir.join("survey.toml");
    std::fs::write(&path, toml + "\n").expect("survey.toml");
    let mut list =
        std::io::BufWriter::new(std::fs::File::create(dir.join("people.csv")).expect("people.csv"));
    writeln!(list, "name,email,centre").unwrap();
    for i in 0..n {
        writeln!(
            list,
            "Dr Bench {i},dr{i}@bench{}.test,Centre {}",
            i % 97,
            i % 200
        )
        .unwrap();
    }
    list.flush().unwrap();
    drop(list);
    // A list written before the survey runs (an hour ago): its stamp can
    // be relied on from its first read (`ListStamp::settled`).
    std::fs::File::options()
        .write(true)
        .open(dir.join("people.csv"))
        .unwrap()
        .set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(3600))
        .unwrap();
    path
}

/// What the daemon does with the list at its start: read a row at a time
/// and brought into the store (`run::list::bring_in`, the file read
/// whatever its stamp says when `force`), invitations queued. Returns the
/// seconds of each step.
fn load_list(store: &Store, survey: &Survey, now: Timestamp, force: bool) -> [f64; 2] {
    let started = Instant::now();
    let brought =
        mailsurvey::run::list::bring_in(store, survey, now, false, force).expect("the list reads");
    if let mailsurvey::run::list::Brought::Applied { problems, .. } = &brought {
        assert!(problems.is_empty(), "{problems}");
    }
    let synced = started.elapsed().as_secs_f64();
    let started = Instant::now();
    store
        .queue_invitations(&survey.id, now)
        .expect("invitations queued");
    [synced, started.elapsed().as_secs_f64()]
}

/// The comparison for the list load: the same number of rows of the same
/// shape inserted by one prepared statement in one transaction, with the
/// same indexes, into a database of its own. Returns seconds.
fn plain_insert(dir: &Path, n: usize) -> f64 {
    let path = dir.join("plain.db");
    let _ = std::fs::remove_file(&path);
    let mut conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.pragma_update(None, "synchronous", "FULL").unwrap();
    conn.execute_batch(
        "CREATE TABLE people (id INTEGER PRIMARY KEY, survey_id TEXT NOT NULL, email TEXT NOT NULL,
            email_key TEXT NOT NULL, name TEXT NOT NULL, attributes TEXT NOT NULL, selector TEXT NOT NULL UNIQUE,
            verifier TEXT NOT NULL, added_at INTEGER NOT NULL, UNIQUE (survey_id, email_key));",
    )
    .unwrap();
    let started = Instant::now();
    let tx = conn.transaction().unwrap();
    {
        let mut insert = tx
            .prepare("INSERT INTO people (survey_id, email, email_key, name, attributes, selector, verifier, added_at) VALUES ('s', ?1, ?1, ?2, ?3, ?4, ?5, 0)")
            .unwrap();
        for i in 0..n {
            let token = mailsurvey::compose::token::Token::generate();
            let (selector, verifier) = token
                .as_str()
                .split_at(mailsurvey::compose::token::SELECTOR_LEN);
            insert
                .execute(rusqlite::params![
                    format!("dr{i}@bench{}.test", i % 97),
                    format!("Dr Bench {i}"),
                    format!("{{\"centre\":\"Centre {}\"}}", i % 200),
                    selector,
                    verifier
                ])
                .unwrap();
        }
    }
    tx.commit().unwrap();
    let seconds = started.elapsed().as_secs_f64();
    drop(conn);
    let _ = std::fs::remove_file(&path);
    seconds
}

/// The generator: every invitation marked sent, and `answered` people
/// (spread over the list) given a processed reply and ten current
/// answers, by plain SQL into the schema the store's migrations made.
fn generate_replies(database: &Path, survey_id: &str, answered: usize, now: Timestamp) {
    let mut conn = rusqlite::Connection::open(database).unwrap();
    conn.pragma_update(None, "synchronous", "OFF").unwrap();
    let tx = conn.transaction().unwrap();
    // 10,000 a day, as the quota lets them go.
    tx.execute(
        "UPDATE outbox SET state = 'sent', attempts = 1,
            message_id = COALESCE(message_id, 'invitation.1.'
                || (SELECT selector || verifier FROM recipients r WHERE r.id = recipient_id) || '@bench.test'),
            sent_at = ?2 + ((id - (SELECT MIN(id) FROM outbox)) / 10000) * 86400 + ((id - (SELECT MIN(id) FROM outbox)) % 10000) * 8
         WHERE survey_id = ?1 AND kind = 'invitation'",
        rusqlite::params![survey_id, now.as_second()],
    )
    .unwrap();
    let people: Vec<i64> = {
        let mut stmt = tx
            .prepare("SELECT id FROM recipients WHERE survey_id = ?1 ORDER BY id")
            .unwrap();
        stmt.query_map([survey_id], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    let step = (people.len() / answered.max(1)).max(1);
    {
        let mut message = tx
            .prepare(
                "INSERT INTO messages (survey_id, folder, uidvalidity, uid, message_id, content_hash, size, raw, received_at,
                    state, kind, sender, recipient_id, matched_by, processed_at)
                 VALUES (?1, 'INBOX', 1, ?2, ?3, ?4, ?5, X'', ?6, 'processed', 'reply', ?7, ?8, 'address', ?6)",
            )
            .unwrap();
        let mut bytes = tx
            .prepare("INSERT INTO message_bytes (message_id, raw) VALUES (?1, ?2)")
            .unwrap();
        let mut answer = tx
            .prepare(
                "INSERT INTO answers (survey_id, recipient_id, question_id, message_row, status, value, source, created_at)
                 VALUES (?1, ?2, ?3, ?4, 'ok', ?5, ?6, ?7)",
            )
            .unwrap();
        for (k, id) in people.iter().step_by(step).take(answered).enumerate() {
            let answers = answers_of(k);
            let body: String = answers
                .iter()
                .enumerate()
                .map(|(i, (_, _, line))| format!("{}. {line}\r\n", i + 1))
                .collect();
            let raw = format!(
                "From: dr{id}@bench.test\r\nTo: survey@survey.test\r\nSubject: Re: survey\r\nMessage-ID: <gen.{k}@bench.test>\r\n\r\n{body}"
            );
            let at = now.as_second() + (k * step / 10_000) as i64 * 86_400 + 3_600;
            message
                .execute(rusqlite::params![
                    survey_id,
                    k as i64 + 1,
                    format!("gen.{k}@bench.test"),
                    mailsurvey::store::content_hash(raw.as_bytes()),
                    raw.len() as i64,
                    at,
                    format!("dr{id}@bench.test"),
                    id
                ])
                .unwrap();
            let row = tx.last_insert_rowid();
            bytes
                .execute(rusqlite::params![row, raw.as_bytes()])
                .unwrap();
            for (question, value, line) in &answers {
                answer
                    .execute(rusqlite::params![
                        survey_id, id, question, row, value, line, at
                    ])
                    .unwrap();
            }
        }
    }
    tx.commit().unwrap();
}

/// Respondent `k`'s answers to the example survey: (question, value as
/// stored, the line it was read from). A third write a comment of 200 to
/// 800 characters.
fn answers_of(k: usize) -> Vec<(&'static str, String, String)> {
    let yes = |bit: usize| if (k >> bit) & 1 == 1 { "true" } else { "false" };
    let word = |v: &str| if v == "true" { "yes" } else { "no" }.to_owned();
    let mut answers: Vec<(&'static str, String, String)> = [
        "end_of_life",
        "early_adjuvant",
        "opioid_sparing",
        "written_protocol",
        "shared_guidance",
        "training",
        "research",
    ]
    .iter()
    .enumerate()
    .map(|(bit, q)| (*q, yes(bit).to_owned(), word(yes(bit))))
    .collect();
    let confidence = (k * 7) % 11;
    answers.push(("confidence", confidence.to_string(), confidence.to_string()));
    let barriers = ["expertise", "evidence", "side_effects"][k % 3];
    answers.push(("barriers", format!("[\"{barriers}\"]"), barriers.to_owned()));
    if k.is_multiple_of(3) {
        let length = 200 + (k * 37) % 600;
        let text: String = COMMENT.chars().cycle().take(length).collect();
        let text = format!("({k}) {text}");
        answers.push(("comments", serde_json::to_string(&text).unwrap(), text));
    }
    answers
}

/// `mailsurvey status` on the survey file, and the store's part of it
/// alone.
fn time_status(survey_path: &Path, store: &Store, survey: &Survey, now: Timestamp) {
    reset_peak();
    let (started, cpu) = (Instant::now(), cpu_s());
    let (counts, waiting) = store.status_and_waiting(&survey.id).expect("status");
    let quota =
        mailsurvey::run::overview::QuotaOutlook::read(survey, store, now, waiting).expect("quota");
    let (seconds, cpu) = (started.elapsed().as_secs_f64(), cpu_s() - cpu);
    drop((counts, quota));
    row("status: the store's counts", seconds, "s", "", 0.0, "< 1 s");
    row("status: the store's counts CPU", cpu, "s", "", 0.0, "");
    row(
        "status: the store's counts peak RSS",
        peak_mb(),
        "MB",
        "",
        0.0,
        "",
    );
    reset_peak();
    let (started, cpu) = (Instant::now(), cpu_s());
    let read = mailsurvey::run::commands::status(survey_path).expect("status");
    let (seconds, cpu) = (started.elapsed().as_secs_f64(), cpu_s() - cpu);
    drop(read);
    row(
        "status as `mailsurvey status` runs it",
        seconds,
        "s",
        "",
        0.0,
        "< 1 s",
    );
    row("status CPU", cpu, "s", "", 0.0, "");
    row("status peak RSS", peak_mb(), "MB", "", 0.0, "");
}

/// The reminders, as the daemon's turns see them
/// (`follow_up::timeline::advance`): a turn before any reminder's time,
/// the turn a day before the close that queues one for every silent
/// person, and the turn after it, which finds nobody due (the sweep over
/// every person that each later turn makes); then `Store::silent`, the
/// whole list of the silent that the digest reads.
fn time_reminders(store: &Store, survey: &Survey, now: Timestamp) {
    let turn = |at: Timestamp| {
        reset_peak();
        let (started, cpu) = (Instant::now(), cpu_s());
        let queued = mailsurvey::follow_up::timeline::advance(store, survey, at)
            .expect("a turn of the timeline")
            .reminders;
        (
            queued,
            started.elapsed().as_secs_f64(),
            cpu_s() - cpu,
            peak_mb(),
        )
    };
    let (queued, seconds, cpu, peak) = turn(now);
    row(
        "reminder turn, none due yet",
        seconds,
        "s",
        "",
        0.0,
        "< 1 s",
    );
    row("reminder turn, none due yet CPU", cpu, "s", "", 0.0, "");
    row(
        "reminder turn, none due yet: queued",
        queued as f64,
        "reminders",
        "",
        0.0,
        "",
    );
    row(
        "reminder turn, none due yet peak RSS",
        peak,
        "MB",
        "",
        0.0,
        "",
    );
    let at = survey.period.close.timestamp() - SignedDuration::from_hours(24);
    let (queued, seconds, cpu, peak) = turn(at.max(now));
    row(
        "reminders queued",
        queued as f64 / seconds,
        "rows/s",
        "",
        0.0,
        ">= 100000 rows/s",
    );
    row(
        "reminders queued: people",
        queued as f64,
        "reminders",
        "",
        0.0,
        "",
    );
    row("reminders queued CPU", cpu, "s", "", 0.0, "");
    row("reminders queued peak RSS", peak, "MB", "", 0.0, "");
    let (queued, seconds, cpu, peak) = turn(at.max(now) + SignedDuration::from_mins(1));
    assert_eq!(queued, 0, "nobody twice");
    row(
        "reminder query (a turn: the sweep, nobody due)",
        seconds,
        "s",
        "",
        0.0,
        "< 1 s",
    );
    row("reminder query CPU", cpu, "s", "", 0.0, "");
    row("reminder query peak RSS", peak, "MB", "", 0.0, "");
    reset_peak();
    let (started, cpu) = (Instant::now(), cpu_s());
    let silent = store.silent(&survey.id).expect("silent");
    let (seconds, cpu) = (started.elapsed().as_secs_f64(), cpu_s() - cpu);
    row(
        "the digest's silent (Store::silent)",
        seconds,
        "s",
        "",
        0.0,
        "",
    );
    row("the digest's silent CPU", cpu, "s", "", 0.0, "");
    row(
        "the digest's silent: people",
        silent.len() as f64,
        "people",
        "",
        0.0,
        "",
    );
    row("the digest's silent peak RSS", peak_mb(), "MB", "", 0.0, "");
}

/// One reply with a valid token, stored and processed.
fn time_one_reply(
    store: &Store,
    survey: &Survey,
    templates: &mailsurvey::survey::templates::Templates,
    now: Timestamp,
) {
    let silent = store.silent(&survey.id).expect("silent");
    let silent_one = silent.last().expect("someone silent");
    let person = store
        .recipient(silent_one.recipient_id)
        .expect("the person");
    let (local, domain) = (survey.sender.address.user(), survey.sender.address.domain());
    let raw = format!(
        "From: {email}\r\nTo: {local}+{token}@{domain}\r\nSubject: Re: survey\r\nMessage-ID: <one.reply@bench.test>\r\nDate: Thu, 26 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n1. yes\r\n2. no\r\n3. yes\r\n4. 7\r\n5. a, c\r\n6. no\r\n7. no\r\n8. yes\r\n9. yes\r\n10. We need a regional protocol.\r\n",
        email = person.email,
        token = person.token.as_str(),
    );
    let before = store.current_answers(person.id).expect("answers").len();
    reset_peak();
    let (started, cpu) = (Instant::now(), cpu_s());
    store
        .store_message(
            &survey.id,
            &Fetched {
                folder: "INBOX",
                uidvalidity: 1,
                uid: u32::MAX - 1,
                message_id: Some("one.reply@bench.test"),
                bytes: raw.as_bytes(),
                size: None,
                arrived: now,
                shared_sender: false,
            },
            &survey.replies.folders.quarantine,
        )
        .expect("stored");
    let report =
        mailsurvey::decide::ingest::process_new(store, survey, templates, now).expect("processed");
    let (seconds, cpu) = (started.elapsed().as_secs_f64(), cpu_s() - cpu);
    let after = store.current_answers(person.id).expect("answers").len();
    assert_eq!(
        (report.processed, report.failed),
        (1, 0),
        "one reply processed"
    );
    assert!(after > before, "the reply's answers were recorded");
    row("one reply (store, process)", seconds, "s", "", 0.0, "< 1 s");
    row("one reply CPU", cpu, "s", "", 0.0, "");
}

/// The report from the store, and its email composed.
fn time_report(store: &Store, survey: &Survey, now: Timestamp) {
    reset_peak();
    let started = Instant::now();
    let report = mailsurvey::follow_up::timeline::build(store, survey, now, true).expect("report");
    let draft = mailsurvey::report::draft(survey, &report).expect("draft");
    let html = draft.html.len();
    let email = mailsurvey::compose::compose(draft, now).expect("composed");
    let seconds = started.elapsed().as_secs_f64();
    let respondents = report.figures.participation.respondents;
    row("report (build, compose)", seconds, "s", "", 0.0, "< 1 s");
    row("report peak RSS", peak_mb(), "MB", "", 0.0, "< 200 MB");
    row(
        "report respondents",
        respondents as f64,
        "people",
        "",
        0.0,
        "",
    );
    row(
        "report HTML",
        html as f64 / 1024.0,
        "KB",
        "Gmail's clipping limit",
        102.0,
        "< 102 KB",
    );
    row(
        "report email",
        email.bytes.len() as f64 / 1024.0 / 1024.0,
        "MB",
        "",
        0.0,
        "",
    );
}
