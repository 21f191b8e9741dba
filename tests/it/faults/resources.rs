//! Bounded resources: a 25 MB message and a MIME bomb go through the daemon
//! with its peak memory under 100 MB, and the replies behind them are still
//! read.

use std::path::Path;
use std::time::Duration;

use super::ingesting::deliver_all;
use super::{Tally, count, invitation_of, say, wait_processed_and_one_receipt};
use crate::support::*;

/// The peak resident set of a process (VmHWM), in bytes.
pub fn peak_rss(pid: u32) -> usize {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<usize>().ok())
        .expect("VmHWM in /proc/PID/status")
        * 1024
}

/// The size in bytes of the largest message of the survey the daemon
/// stored and left in `state` (as the store spells it), 0 when none.
fn largest_stored(db: &Path, survey_id: &str, state: &str) -> usize {
    count(
        db,
        &format!(
            "SELECT max(length(b.raw)) FROM messages m JOIN message_bytes b ON b.message_id = m.id
             WHERE m.survey_id = ?1 AND m.state = '{state}'"
        ),
        survey_id,
    )
}

/// A reply of about `size` bytes: the answers, then a base64 attachment.
fn big_reply(from: &str, to: &str, size: usize) -> Vec<u8> {
    let mut out = format!(
        "From: {from}\r\nTo: {to}\r\nSubject: Re: survey (scan attached)\r\nMessage-ID: <big.{}@doctors.test>\r\nDate: Thu, 26 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n1. yes\r\n2. no\r\n\r\n--b\r\nContent-Type: application/octet-stream; name=\"scan.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n",
        rand::random::<u64>()
    )
    .into_bytes();
    let line = b"QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAx\r\n";
    while out.len() < size {
        out.extend_from_slice(line);
    }
    out.extend_from_slice(b"--b--\r\n");
    out
}

/// A MIME bomb: `depth` multiparts nested in one another, and `parts` small
/// parts in the innermost one.
fn mime_bomb(from: &str, to: &str, depth: usize, parts: usize) -> Vec<u8> {
    let mut body = String::new();
    let inner = format!("d{depth}");
    body.push_str(&format!(
        "Content-Type: multipart/mixed; boundary=\"{inner}\"\r\n\r\n"
    ));
    for i in 0..parts {
        body.push_str(&format!(
            "--{inner}\r\nContent-Type: text/plain\r\n\r\npart {i}\r\n"
        ));
    }
    body.push_str(&format!("--{inner}--\r\n"));
    for level in (0..depth).rev() {
        let b = format!("d{level}");
        body = format!(
            "Content-Type: multipart/mixed; boundary=\"{b}\"\r\n\r\n--{b}\r\n{body}--{b}--\r\n"
        );
    }
    format!(
        "From: {from}\r\nTo: {to}\r\nSubject: Re: survey\r\nMessage-ID: <bomb.{}@doctors.test>\r\nDate: Thu, 26 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n{body}",
        rand::random::<u64>()
    )
    .into_bytes()
}

#[test]
fn fault_big_message_and_mime_bomb_in_bounded_memory() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[("replies", "poll_interval", toml_string("1s"))]);
    let (rows, mut daemon) = fixture.invite_first(2, Duration::from_secs(60));
    let sid = fixture.survey_id();
    let db = fixture.dir.path().join("state.db");
    let doctor = &rows[0].1;
    let big = big_reply(doctor, &fixture.sender, 25 * 1024 * 1024 + 4096);
    let bomb = mime_bomb(doctor, &fixture.sender, 100, 10_000);
    say(&format!(
        "fault resources: a {} byte message (over the 25 MB limit), a MIME bomb of {} bytes (100 deep, 10,000 parts)",
        big.len(),
        bomb.len()
    ));
    let invitation = invitation_of(&stack, &rows[1].1);
    let after = crate::replies::reply(
        &invitation,
        &rows[1].1,
        "1. yes\n2. no\n3. yes\n4. 7\n5. a, c\n6. no\n7. no\n8. yes\n9. yes\n10. Fine.",
    );
    deliver_all(
        &stack,
        &[
            (doctor.clone(), fixture.sender.clone(), big),
            (doctor.clone(), fixture.sender.clone(), bomb),
            (rows[1].1.clone(), fixture.sender.clone(), after),
        ],
    );
    wait_processed_and_one_receipt(
        &fixture,
        3,
        Duration::from_secs(120),
        "all three processed and the reply behind them receipted",
    );
    let peak = peak_rss(daemon.child.id());
    daemon.terminate();
    let quarantined = count(
        &db,
        "SELECT count(*) FROM messages WHERE survey_id = ?1 AND state = 'quarantined'",
        &sid,
    );
    let stored_big = largest_stored(&db, &sid, "quarantined");
    say(&format!(
        "fault resources: daemon peak RSS {:.1} MB; the quarantined message stored in {stored_big} bytes",
        peak as f64 / 1e6
    ));
    let bound = 100 * 1000 * 1000;
    for (class, survived) in [
        (
            "oversized",
            quarantined == 1 && stored_big < 64 * 1024 && peak < bound,
        ),
        ("mime-bomb", peak < bound),
    ] {
        Tally {
            injected: 1,
            survived: usize::from(survived),
            lost: 1 - fixture.store().status(&sid).unwrap().respondents.min(1),
            duplicated: 0,
            bound: 0,
        }
        .report(class);
    }
}

/// A genuine reply of about `size` bytes: the answers (quoting the
/// invitation, as a mail program does) in a text part, then a large base64
/// attachment, as a doctor sending a scan back with the survey.
fn big_genuine_reply(invitation: &[u8], from: &str, answers: &str, size: usize) -> Vec<u8> {
    let plain = crate::replies::reply(invitation, from, answers);
    let split = plain
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a header");
    let head = String::from_utf8_lossy(&plain[..split]).replace(
        "Content-Type: text/plain; charset=utf-8",
        "Content-Type: multipart/mixed; boundary=\"scan\"",
    );
    let mut out =
        format!("{head}\r\n\r\n--scan\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n")
            .into_bytes();
    out.extend_from_slice(&plain[split + 4..]);
    out.extend_from_slice(b"\r\n--scan\r\nContent-Type: application/pdf; name=\"scan.pdf\"\r\nContent-Disposition: attachment; filename=\"scan.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n");
    let line = b"JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFIvRmlsdGVyIC9GbGF0ZURlY29k\r\n";
    let end = b"\r\n--scan--\r\n";
    while out.len() + line.len() + end.len() <= size {
        out.extend_from_slice(line);
    }
    out.extend_from_slice(end);
    out
}

/// What fills a reply up to just under the size limit.
#[derive(Debug, Clone, Copy)]
enum Filling {
    /// A 24 MB base64 PDF attached to the answers.
    Attachment,
    /// 24 MB of text pasted below the answers, in the reply's one text part.
    Text,
    /// The same as the reply's one HTML part (no text part).
    Html,
}

/// A genuine reply just under the size limit in one text part: the
/// answers, then a pasted log of about `size` bytes, then the quoted
/// invitation.
fn big_text_reply(invitation: &[u8], from: &str, answers: &str, size: usize) -> Vec<u8> {
    let line = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod\n";
    let mut text = format!("{answers}\n\nThe log you asked about:\n");
    while text.len() + line.len() < size - 4096 {
        text.push_str(line);
    }
    crate::replies::reply(invitation, from, &text)
}

/// A genuine reply just under the size limit as one HTML part, as some
/// clients send: the answers, then about `size` bytes of pasted paragraphs,
/// then the invitation in a blockquote.
fn big_html_reply(invitation: &[u8], from: &str, answers: &str, size: usize) -> Vec<u8> {
    let plain = crate::replies::reply(invitation, from, "");
    let split = plain
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a header");
    let head = String::from_utf8_lossy(&plain[..split]).replace(
        "Content-Type: text/plain; charset=utf-8",
        "Content-Type: text/html; charset=utf-8",
    );
    let mut html = format!("{head}\r\n\r\n<html><body>");
    for line in answers.lines() {
        html.push_str(&format!("<div>{line}</div>\r\n"));
    }
    html.push_str("<p>The log you asked about:</p>\r\n");
    let line = "<p>lorem ipsum <b>dolor</b> sit amet consectetur adipiscing elit sed do</p>\r\n";
    while html.len() + line.len() < size - 8192 {
        html.push_str(line);
    }
    html.push_str("<blockquote>");
    for line in String::from_utf8_lossy(&plain[split + 4..]).lines() {
        html.push_str(&format!("<div>{}</div>\r\n", line.trim_start_matches("> ")));
    }
    html.push_str("</blockquote></body></html>\r\n");
    html.into_bytes()
}

/// A reply just under the 25 MB limit is read whole: its answers count and
/// its receipt goes out, with the daemon's peak memory under 100 MB.
#[test]
fn fault_reply_just_under_the_size_limit_in_bounded_memory() {
    reply_just_under_the_size_limit(Filling::Attachment);
}

/// The same with the 24 MB in the reply's own text.
#[test]
fn fault_text_reply_just_under_the_size_limit_in_bounded_memory() {
    reply_just_under_the_size_limit(Filling::Text);
}

/// The same with the 24 MB in the reply's one HTML part.
#[test]
fn fault_html_reply_just_under_the_size_limit_in_bounded_memory() {
    reply_just_under_the_size_limit(Filling::Html);
}

fn reply_just_under_the_size_limit(filling: Filling) {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[("replies", "poll_interval", toml_string("1s"))]);
    let (rows, mut daemon) = fixture.invite_first(2, Duration::from_secs(60));
    let sid = fixture.survey_id();
    let db = fixture.dir.path().join("state.db");
    let doctor = &rows[0].1;
    let invitation = invitation_of(&stack, doctor);
    let limit = 25 * 1024 * 1024;
    let answers =
        "1. yes\n2. no\n3. yes\n4. 7\n5. a, c\n6. no\n7. no\n8. yes\n9. yes\n10. Scan attached.";
    let big = match filling {
        Filling::Attachment => big_genuine_reply(&invitation, doctor, answers, 24 * 1024 * 1024),
        Filling::Text => big_text_reply(&invitation, doctor, answers, 24 * 1024 * 1024),
        Filling::Html => big_html_reply(&invitation, doctor, answers, 24 * 1024 * 1024),
    };
    assert!(big.len() < limit);
    let before = peak_rss(daemon.child.id());
    say(&format!(
        "fault resources: a genuine reply of {} bytes (limit {limit}), filled by {filling:?}; daemon peak RSS before it {:.1} MB",
        big.len(),
        before as f64 / 1e6
    ));
    let started = std::time::Instant::now();
    deliver_all(&stack, &[(doctor.clone(), fixture.sender.clone(), big)]);
    wait_processed_and_one_receipt(
        &fixture,
        1,
        Duration::from_secs(180),
        "the big reply processed and receipted",
    );
    let took = started.elapsed();
    let peak = peak_rss(daemon.child.id());
    let running = daemon.child.try_wait().unwrap().is_none();
    daemon.terminate();
    let answers = count(
        &db,
        "SELECT count(*) FROM answers WHERE survey_id = ?1 AND current = 1 AND status = 'ok'",
        &sid,
    );
    let stored = largest_stored(&db, &sid, "processed");
    say(&format!(
        "fault resources: daemon peak RSS {:.1} MB after the {stored} byte reply (read whole: {answers} answers counted, receipt sent, {:.1} s)",
        peak as f64 / 1e6,
        took.as_secs_f64()
    ));
    assert_eq!(answers, 10, "every answer in the big reply counted");
    assert!(running, "the daemon goes on");
    assert!(stored >= 24 * 1000 * 1000, "the reply was stored whole");
    // The bound. About 53 MB is measured: the daemon at rest
    // (23 MB), the FETCH response (25 MB), the message as read (24 MB) at
    // a different moment; no copy by SQLite, none by mail-parser.
    let bound = 100 * 1000 * 1000;
    assert!(
        peak < bound,
        "peak RSS {peak} bytes, over the bound of {bound}"
    );
    Tally {
        injected: 1,
        survived: usize::from(running && peak < bound),
        lost: 1 - fixture.store().status(&sid).unwrap().respondents.min(1),
        duplicated: 0,
        bound: 0,
    }
    .report(match filling {
        Filling::Attachment => "under-limit",
        Filling::Text => "under-limit-text",
        Filling::Html => "under-limit-html",
    });
}

/// A small tmpfs of the test's own, unmounted when dropped.
struct SmallDisk {
    path: std::path::PathBuf,
}

impl SmallDisk {
    fn mount(path: std::path::PathBuf, megabytes: usize) -> SmallDisk {
        std::fs::create_dir_all(&path).unwrap();
        let status = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={megabytes}m"), "tmpfs"])
            .arg(&path)
            .status()
            .unwrap();
        assert!(status.success(), "mount a tmpfs (the test runs as root)");
        SmallDisk { path }
    }

    /// Writes a file until the disk is full.
    fn fill(&self) -> std::path::PathBuf {
        use std::io::Write;
        let filler = self.path.join("filler");
        let mut file = std::fs::File::create(&filler).unwrap();
        let chunk = vec![0u8; 64 * 1024];
        for _ in 0..10_000 {
            if file.write_all(&chunk).is_err() {
                break;
            }
        }
        let _ = file.sync_all();
        filler
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(&self.path)
            .status();
    }
}

#[test]
fn fault_disk_full_under_the_database() {
    let stack = Stack::shared();
    let tmp = tempfile::tempdir().unwrap();
    let disk = SmallDisk::mount(tmp.path().join("disk"), 16);
    let db = disk.path.join("state.db");
    let fixture = Fixture::new(
        &stack,
        &[
            ("replies", "poll_interval", toml_string("1s")),
            ("survey", "database", toml_string(db.to_str().unwrap())),
        ],
    );
    let sid = fixture.survey_id();
    let rows = fixture.recipients()[..2].to_vec();
    fixture.write_recipients(&rows);
    let mut daemon = fixture.start_daemon();
    let sent = "SELECT count(*) FROM outbox WHERE survey_id = ?1 AND kind = 'invitation' AND state = 'sent'";
    fixture.wait_until(Duration::from_secs(60), "2 invitations sent", || {
        db.exists() && count(&db, sent, &sid) == 2
    });
    fixture.wait_delivered(rows.iter().map(|(_, e)| e.as_str()));
    let filler = disk.fill();
    let invitation = invitation_of(&stack, &rows[0].1);
    let reply = crate::replies::reply(
        &invitation,
        &rows[0].1,
        "1. yes\n2. no\n3. yes\n4. 7\n5. a, c\n6. no\n7. no\n8. yes\n9. yes\n10. Fine.",
    );
    deliver_all(
        &stack,
        &[(rows[0].1.clone(), fixture.sender.clone(), reply)],
    );
    fixture.wait_until(
        Duration::from_secs(60),
        "the daemon saying the disk is full",
        || fixture.log().contains("disk is full"),
    );
    let said: Vec<String> = fixture
        .log()
        .lines()
        .filter(|l| l.contains("disk is full"))
        .take(2)
        .map(str::to_owned)
        .collect();
    say(&format!("fault disk-full: the daemon said: {said:?}"));
    // The operator is told which file's disk is full and that work resumes,
    // and the inbox does not blame its connection for the store's failure.
    let db_named = format!("the disk holding the database {} is full", db.display());
    fixture.wait_until(
        Duration::from_secs(60),
        "the inbox naming the database and its full disk",
        || {
            fixture
                .log()
                .lines()
                .any(|l| l.contains("inbox: cannot store new mail") && l.contains(&db_named))
        },
    );
    let log = fixture.log();
    assert!(
        log.lines().any(|l| l.contains(&db_named)
            && l.contains("free space")
            && l.contains("resumes by itself")),
        "the daemon names the database and what to do: {said:?}"
    );
    let blamed: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("connection lost or refused"))
        .collect();
    assert!(
        blamed.is_empty(),
        "a full disk is not a lost connection: {blamed:?}"
    );
    std::fs::remove_file(&filler).unwrap();
    let receipts =
        "SELECT count(*) FROM outbox WHERE survey_id = ?1 AND kind = 'receipt' AND state = 'sent'";
    fixture.wait_until(
        Duration::from_secs(120),
        "the reply processed and receipted",
        || count(&db, super::PROCESSED, &sid) == 1 && count(&db, receipts, &sid) == 1,
    );
    let running = daemon.child.try_wait().unwrap().is_none();
    daemon.terminate();
    let conn = rusqlite::Connection::open(&db).unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    drop(conn);
    assert_eq!(integrity, "ok");
    let respondents = mailsurvey::store::Store::open(&db)
        .unwrap()
        .status(&sid)
        .unwrap()
        .respondents;
    Tally {
        injected: 1,
        survived: usize::from(running && respondents == 1),
        lost: 1 - respondents.min(1),
        duplicated: 0,
        bound: 0,
    }
    .report("disk-full");
}
