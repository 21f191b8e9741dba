//! `scripts/bench --smoke`: every phase of the benchmarks (issue 23) run
//! small (a few hundred messages), so that the harness cannot rot. It
//! checks that each phase in `scripts/bench.d/` ran and printed well-formed
//! rows, never how fast anything was: this is not a benchmark.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The smoke run brings up its own mail stack and runs every phase on a
/// debug build; on a loaded 2-core machine that takes a few minutes.
const LIMIT: Duration = Duration::from_secs(20 * 60);

/// The phases: the executable files of `scripts/bench.d/`.
fn phases(root: &Path) -> Vec<String> {
    use std::os::unix::fs::PermissionsExt;
    let mut names: Vec<String> = std::fs::read_dir(root.join("scripts/bench.d"))
        .expect("scripts/bench.d")
        .map(|e| e.expect("an entry"))
        .filter(|e| {
            let meta = e.metadata().expect("metadata");
            meta.is_file() && meta.permissions().mode() & 0o111 != 0
        })
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A number as the table prints one, or `-` where there is none.
fn number_or_dash(field: &str) -> bool {
    field == "-" || field.parse::<f64>().is_ok_and(f64::is_finite)
}

#[test]
fn every_phase_of_the_benchmarks_prints_well_formed_rows() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let work = tempfile::tempdir().expect("a temporary directory");
    let tsv = work.path().join("rows.tsv");
    let mut child = Command::new(root.join("scripts/bench"))
        .arg("--smoke")
        .current_dir(root)
        .env("BENCH_TSV", &tsv)
        .stdout(Stdio::piped())
        .spawn()
        .expect("scripts/bench starts");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("scripts/bench --smoke did not finish in {LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let table = std::io::read_to_string(child.stdout.take().expect("stdout")).expect("the table");
    println!("{table}");
    assert!(status.success(), "scripts/bench --smoke failed: {status}");
    assert!(
        table.starts_with("# mailsurvey benchmarks") && table.contains("nproc"),
        "the header names the machine:\n{table}"
    );

    let rows = std::fs::read_to_string(&tsv).expect("BENCH_TSV was written");
    let expected = phases(root);
    assert!(!expected.is_empty(), "no phase in scripts/bench.d");
    for phase in &expected {
        let mine: Vec<Vec<&str>> = rows
            .lines()
            .map(|l| l.split('\t').collect::<Vec<_>>())
            .filter(|f| f[0] == phase)
            .collect();
        assert!(!mine.is_empty(), "phase {phase} printed no row:\n{rows}");
        for fields in mine {
            // The phase's name, then figure, value, unit, comparison, its
            // value, ratio, target.
            assert_eq!(fields.len(), 8, "a row of {phase}: {fields:?}");
            let [_, figure, value, unit, _, versus, ratio, _] = fields[..] else {
                unreachable!()
            };
            assert!(!figure.is_empty() && !unit.is_empty(), "{fields:?}");
            assert!(
                value
                    .parse::<f64>()
                    .is_ok_and(|v| v.is_finite() && v >= 0.0),
                "a measured value: {fields:?}"
            );
            assert!(
                number_or_dash(versus) && number_or_dash(ratio),
                "{fields:?}"
            );
            assert_eq!(
                versus == "-",
                ratio == "-",
                "a ratio with its comparison: {fields:?}"
            );
            assert!(table.contains(figure), "the table shows {figure}:\n{table}");
        }
    }
}
