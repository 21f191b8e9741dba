//! The report step of `scripts/bench.d/30-store` alone, on a store that
//! phase kept (`BENCH_STORE_KEEP=DIR`), so that the report can be timed
//! and profiled again without making the store again:
//! `follow_up::timeline::build` and the email to the leads composed, as
//! `examples/bench_store.rs` times them, with the peak resident set
//! (VmHWM) and the CPU time of the step.
//!
//! ```text
//! bench_report DIR [TIMES]
//! ```
//!
//! DIR holds `survey.toml` and `state.db` as the phase left them; the
//! report is made TIMES times (default 1), each timed on its own. With
//! `BENCH_REPORT_EMAIL=FILE`, the composed email is written to FILE (the
//! last one made), so that two builds' reports can be compared byte for
//! byte.

use std::time::Instant;

use jiff::SignedDuration;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: bench_report DIR [TIMES]");
        std::process::exit(2);
    };
    let times: usize = args.get(1).map_or(1, |t| t.parse().expect("TIMES"));
    let dir = std::path::PathBuf::from(dir);
    let (survey, _) =
        mailsurvey::run::daemon::load(&dir.join("survey.toml")).expect("the kept survey");
    let store = mailsurvey::store::Store::open(&survey.database).expect("the store");
    // As the phase does: after the last of the invitations went.
    let now = survey.period.open.timestamp() + SignedDuration::from_hours(24 * 30);
    parts(&store, &survey, now);
    for _ in 0..times {
        std::fs::write("/proc/self/clear_refs", "5").expect("reset the peak");
        let cpu = cpu_seconds();
        let started = Instant::now();
        let report =
            mailsurvey::follow_up::timeline::build(&store, &survey, now, true).expect("report");
        let draft = mailsurvey::report::draft(&survey, &report).expect("draft");
        let html = draft.html.len();
        let text = draft.text.len();
        let email = mailsurvey::compose::compose(draft, now).expect("composed");
        let seconds = started.elapsed().as_secs_f64();
        if let Some(path) = std::env::var_os("BENCH_REPORT_EMAIL") {
            // The email's bytes, to compare two builds' reports.
            std::fs::write(path, &email.bytes).expect("the email written");
        }
        println!(
            "report: {seconds:.3} s wall, {:.3} s CPU, {:.0} MB peak; {} respondents; HTML {:.1} KB, text {:.1} KB, email {:.2} MB ({:?})",
            cpu_seconds() - cpu,
            peak_mb(),
            report.figures.participation.respondents,
            html as f64 / 1024.0,
            text as f64 / 1024.0,
            email.bytes.len() as f64 / 1024.0 / 1024.0,
            report.delivery(),
        );
    }
}

/// Each part of the report alone, CPU seconds: the store's counts, the
/// answers streamed (nothing done with them), the figures counted from
/// them, then the whole report, its draft and the composed email.
fn parts(
    store: &mailsurvey::store::Store,
    survey: &mailsurvey::survey::Survey,
    now: jiff::Timestamp,
) {
    let timed = |what: &str, run: &mut dyn FnMut()| {
        let cpu = cpu_seconds();
        let started = Instant::now();
        run();
        println!(
            "  {what}: {:.3} s wall, {:.3} s CPU",
            started.elapsed().as_secs_f64(),
            cpu_seconds() - cpu
        );
    };
    timed("the store's counts (report_data)", &mut || {
        store
            .report_data(&survey.id, survey.report.breakdown.as_deref())
            .expect("counts");
    });
    timed("the answers streamed (each_answered)", &mut || {
        let mut people = 0;
        store
            .each_answered(&survey.id, |_| {
                people += 1;
                Ok(())
            })
            .expect("answers");
    });
    timed("the figures (timeline::figures)", &mut || {
        mailsurvey::follow_up::timeline::figures(store, survey, now, true).expect("figures");
    });
    let mut report = None;
    timed("the report (timeline::build)", &mut || {
        report =
            Some(mailsurvey::follow_up::timeline::build(store, survey, now, true).expect("report"));
    });
    let report = report.expect("built");
    let mut draft = None;
    timed("drafted", &mut || {
        draft = Some(mailsurvey::report::draft(survey, &report).expect("draft"));
    });
    let draft = draft.expect("drafted");
    timed("composed", &mut || {
        mailsurvey::compose::compose(draft.clone(), now).expect("composed");
    });
}

/// The process's peak resident set since the last reset, in MB.
fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .expect("VmHWM in kB")
        / 1024.0
}

/// User and system CPU time of the process so far, in seconds.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").expect("/proc/self/stat");
    // After the command's name in parentheses: fields 14 and 15 are
    // utime and stime in clock ticks.
    let rest = stat.rsplit_once(") ").expect("stat").1;
    let fields: Vec<&str> = rest.split(' ').collect();
    let ticks: f64 = fields[11].parse::<f64>().unwrap() + fields[12].parse::<f64>().unwrap();
    // SAFETY: sysconf only reads a system constant.
    ticks / unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64
}
