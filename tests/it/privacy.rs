//! Personal data stays private: the store, reports, exports and dry-run
//! emails are 0600 in 0700 directories whatever the umask; a password file
//! others can read draws a warning; no log line and no stored reason ever
//! carries a whole token.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::replies::reply;
use crate::support::*;
use mailsurvey::store::{MailKind, MailState, MessageKind, Received};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// Runs the binary under `umask 000`, the worst a lead's shell could have.
fn under_open_umask(fixture: &Fixture, args: &[&str]) -> std::process::Output {
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg("umask 000; exec \"$@\"")
        .arg("sh")
        .arg(BIN)
        .args(args)
        .arg("--survey")
        .arg(&fixture.survey)
        .env("MAILSURVEY_PASSWORD", fixture.stack.password())
        .env("MAILSURVEY_LOG", "info,rusqlite_migration=warn");
    command.output().unwrap()
}

#[test]
fn files_of_personal_data_are_0600_in_0700_directories_whatever_the_umask() {
    let stack = Stack::shared();
    let root = tempfile::tempdir().unwrap();
    let db = root.path().join("data/store/state.db");
    let fixture = Fixture::new(
        &stack,
        &[("survey", "database", toml_string(db.to_str().unwrap()))],
    );
    let dry = root.path().join("dry/run");
    let out = under_open_umask(
        &fixture,
        &["send", "--dry-run", "--out", dry.to_str().unwrap()],
    );
    assert!(out.status.success(), "{out:?}");
    let emails: Vec<_> = std::fs::read_dir(&dry)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(emails.len(), 60);
    for email in &emails {
        assert_eq!(mode(email), 0o600, "{}", email.display());
    }
    for dir in [root.path().join("dry"), dry.clone()] {
        assert_eq!(mode(&dir), 0o700, "{}", dir.display());
    }
    for dir in [root.path().join("data"), root.path().join("data/store")] {
        assert_eq!(mode(&dir), 0o700, "{}", dir.display());
    }
    assert_eq!(mode(&db), 0o600);

    let report = root.path().join("reports/interim");
    let out = under_open_umask(&fixture, &["report", "--out", report.to_str().unwrap()]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(mode(&report), 0o700);
    assert_eq!(mode(&root.path().join("reports")), 0o700);
    for name in ["report.txt", "report.html", "responses.csv", "report.json"] {
        assert_eq!(mode(&report.join(name)), 0o600, "{name}");
    }
    // SQLite's write-ahead log and shared memory take the store's mode.
    for suffix in ["-wal", "-shm"] {
        let file = db.with_file_name(format!("state.db{suffix}"));
        if file.exists() {
            assert_eq!(mode(&file), 0o600, "{}", file.display());
        }
    }

    // A store someone made world-readable is tightened, with a warning.
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = under_open_umask(&fixture, &["status"]);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(mode(&db), 0o600);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("readable by others"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_password_file_others_can_read_draws_a_warning_at_start() {
    let stack = Stack::shared();
    let root = tempfile::tempdir().unwrap();
    let password = root.path().join("password");
    std::fs::write(&password, format!("{}\n", stack.password())).unwrap();
    std::fs::set_permissions(&password, std::fs::Permissions::from_mode(0o644)).unwrap();
    let source = format!("{{ file = {} }}", toml_string(password.to_str().unwrap()));
    let fixture = Fixture::new(
        &stack,
        &[
            ("smtp", "password", source.clone()),
            ("imap", "password", source),
        ],
    );
    let out = fixture.mailsurvey(&["check"]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "the check itself passes: {out:?}");
    assert!(
        stderr.contains("can be read by others (mode 644)")
            && stderr.contains(&format!("chmod 600 {}", password.display())),
        "{stderr}"
    );
    std::fs::set_permissions(&password, std::fs::Permissions::from_mode(0o600)).unwrap();
    let out = fixture.mailsurvey(&["check"]);
    assert!(out.status.success(), "{out:?}");
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("read by others"),
        "{out:?}"
    );
}

/// Every secret part of every token, and every whole token, in any case.
fn assert_no_token_in(what: &str, text: &str, tokens: &[mailsurvey::compose::token::Token]) {
    let lower = text.to_lowercase();
    for token in tokens {
        assert!(
            !lower.contains(token.verifier()),
            "{what} carries the secret part of token {}…:\n{text}",
            token.selector()
        );
    }
}

#[test]
fn no_log_line_or_stored_reason_carries_a_token() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[("replies", "poll_interval", toml_string("2s"))]);
    let rows = fixture.recipients()[..4].to_vec();
    let mut listed = rows.clone();
    let bounced = format!("bounce-{}@nhs.test", fixture.tag);
    listed.push(("Dr Gone".into(), bounced.clone()));
    fixture.write_recipients(&listed);
    // Debug level for our own crate: what an operator chasing a problem
    // would switch on.
    let log = std::fs::File::create(fixture.dir.path().join("daemon.log")).unwrap();
    let mut daemon = Daemon {
        child: fixture
            .command(&["--log-format", "json", "run"])
            .env(
                "MAILSURVEY_LOG",
                "info,mailsurvey=debug,rusqlite_migration=warn",
            )
            .stdout(std::process::Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap(),
    };
    fixture.wait_until(Duration::from_secs(60), "5 invitations sent", || {
        fixture
            .outbox_states(MailKind::Invitation)
            .get(&MailState::Sent)
            == Some(&5)
    });
    fixture.wait_delivered(rows.iter().map(|(_, e)| e.as_str()));
    let invitation = |i: usize| stack.inbox(&rows[i].1).remove(0);
    // A complete reply (receipt), a partial one (clarification), an opt-out
    // to the unsubscribe address (whose reason names the address), and a
    // reply from a colleague (held, flagged with the token's owner).
    fixture.reply_as(
        &rows[0].1,
        "1. yes\n2. no\n3. yes\n4. 7\n5. a, c\n6. no\n7. no\n8. yes\n9. yes\n10. Fine.",
    );
    fixture.reply_as(&rows[1].1, "1. yes\n4. 12");
    let parsed = invitation(2);
    let unsubscribe = parse(&parsed)
        .header_raw("List-Unsubscribe")
        .unwrap()
        .trim()
        .trim_start_matches("<mailto:")
        .split(['?', '>'])
        .next()
        .unwrap()
        .to_owned();
    stack.deliver(
        &rows[2].1,
        &fixture.sender,
        format!(
            "From: {}\r\nTo: {unsubscribe}\r\nSubject: unsubscribe\r\nMessage-ID: <u1.{}@doctors.test>\r\n\r\nunsubscribe\r\n",
            rows[2].1, fixture.tag
        )
        .as_bytes(),
    );
    let colleague = format!("colleague-{}@elsewhere.test", fixture.tag);
    stack.deliver(
        &colleague,
        &fixture.sender,
        &reply(&invitation(3), &colleague, "1. yes"),
    );

    // And a message with no token from a listed address: held, and a
    // confirmation (with its own token) goes out.
    stack.deliver(
        "anyone@elsewhere.test",
        &fixture.sender,
        format!(
            "From: {}\r\nTo: {}\r\nSubject: Survey\r\nMessage-ID: <nt.{}@elsewhere.test>\r\n\r\n1. yes\r\n4. 5\r\n",
            rows[3].1, fixture.sender, fixture.tag
        )
        .as_bytes(),
    );
    let store = fixture.store();
    let sid = fixture.survey_id();
    fixture.wait_until(Duration::from_secs(60), "every message processed", || {
        let counts = store.message_counts(&sid).unwrap();
        counts.get(&Received::Kind(MessageKind::Bounce)) == Some(&1)
            && counts.get(&Received::Kind(MessageKind::Unsubscribe)) == Some(&1)
            && counts.get(&Received::Kind(MessageKind::Reply)) == Some(&4)
    });
    fixture.wait_until(Duration::from_secs(60), "follow-ups sent", || {
        [
            MailKind::Receipt,
            MailKind::Clarification,
            MailKind::OptOutConfirmation,
            MailKind::Confirmation,
        ]
        .iter()
        .all(|k| fixture.outbox_states(*k).get(&MailState::Sent) == Some(&1))
    });
    let close = fixture.mailsurvey(&["close"]);
    assert!(close.status.success(), "{close:?}");
    daemon.terminate();

    let tokens: Vec<_> = store
        .recipients(&sid)
        .unwrap()
        .into_iter()
        .map(|r| r.token)
        .collect();
    let log = fixture.log();
    assert!(
        log.contains("\"message processed\"") && log.contains("\"sent\""),
        "the log is the whole run's: {log}"
    );
    assert_no_token_in("the daemon's log", &log, &tokens);
    for args in [&["review"][..], &["status"][..], &["status", "--json"][..]] {
        let out = fixture.mailsurvey(args);
        assert!(out.status.success(), "{out:?}");
        assert_no_token_in(
            &format!("{args:?}"),
            &String::from_utf8_lossy(&out.stdout),
            &tokens,
        );
        assert_no_token_in(
            &format!("{args:?}"),
            &String::from_utf8_lossy(&out.stderr),
            &tokens,
        );
    }
    assert_no_token_in("`close`", &String::from_utf8_lossy(&close.stderr), &tokens);
    // The stored reasons themselves: what any later tool would print.
    for message in store.messages(&sid).unwrap() {
        assert_no_token_in(
            "a stored reason",
            message.reason.as_deref().unwrap_or(""),
            &tokens,
        );
    }
    for flag in store.open_flags(&sid).unwrap() {
        assert_no_token_in("a flag's note", &flag.note, &tokens);
    }
    let unsubscribed = store
        .messages(&sid)
        .unwrap()
        .into_iter()
        .find(|m| m.kind == Some(mailsurvey::store::MessageKind::Unsubscribe))
        .unwrap();
    assert!(
        unsubscribed.reason.as_deref().unwrap_or("").contains("…@"),
        "the reason still says which address, by selector: {unsubscribed:?}"
    );
}

#[test]
fn purge_deletes_names_addresses_and_messages_once_the_report_is_sent_and_keeps_the_answers() {
    let stack = Stack::shared();
    let fixture = Fixture::new(
        &stack,
        &[
            ("replies", "poll_interval", toml_string("2s")),
            ("retention", "days", "0".into()),
        ],
    );
    let (rows, mut daemon) = fixture.invite_first(2, Duration::from_secs(60));
    let invitation = stack.inbox(&rows[0].1).remove(0);
    stack.deliver(
        &rows[0].1,
        &fixture.sender,
        &reply(
            &invitation,
            &rows[0].1,
            "1. yes\n2. no\n3. yes\n4. 7\n5. a, c\n6. no\n7. no\n8. yes\n9. yes\n10. Fine.",
        ),
    );
    let store = fixture.store();
    let sid = fixture.survey_id();
    fixture.wait_until(Duration::from_secs(60), "the reply counted", || {
        store.all_current_answers(&sid).unwrap().len() == 1
    });
    daemon.terminate();

    // Before the report has gone, the data is still needed.
    let early = fixture.mailsurvey(&["purge"]);
    assert_eq!(early.status.code(), Some(1), "{early:?}");
    assert!(
        String::from_utf8_lossy(&early.stderr).contains("the report has not been sent yet"),
        "{early:?}"
    );
    let close = fixture.mailsurvey(&["close"]);
    assert!(close.status.success(), "{close:?}");
    let before = fixture.mailsurvey(&[
        "report",
        "--out",
        fixture.dir.path().join("before").to_str().unwrap(),
    ]);
    assert!(before.status.success(), "{before:?}");

    // A report too large to email keeps its data files on the server
    // (`reports/SURVEY-TIME/`): the purge deletes them too.
    let kept = fixture
        .dir
        .path()
        .join("reports")
        .join(format!("{sid}-20261201T090000Z"));
    std::fs::create_dir_all(&kept).unwrap();
    std::fs::write(kept.join("responses.csv"), &rows[0].1).unwrap();

    let purge = fixture.mailsurvey(&["purge"]);
    assert!(purge.status.success(), "{purge:?}");
    let said = String::from_utf8_lossy(&purge.stdout);
    assert!(said.contains("purged: 2 people"), "{purge:?}");
    assert!(
        said.contains("1 kept report folder(s) deleted"),
        "{purge:?}"
    );
    assert!(!kept.exists(), "the kept report folder is still there");

    // Nothing personal is left in the file, not even in free pages.
    let db = std::fs::read(fixture.dir.path().join("state.db")).unwrap();
    let wal = std::fs::read(fixture.dir.path().join("state.db-wal")).unwrap_or_default();
    let bytes = String::from_utf8_lossy(&[db, wal].concat()).to_lowercase();
    for (name, email) in &rows {
        assert!(
            !bytes.contains(&email.to_lowercase()),
            "{email} is still in the store"
        );
        assert!(
            !bytes.contains(&name.to_lowercase()),
            "{name} is still in the store"
        );
    }
    assert!(
        !bytes.contains("on thu, 26 nov 2026"),
        "a raw message is still in the store"
    );

    // The answers stay, under the report's pseudonyms, with the breakdown
    // column only.
    let people = store.recipients(&sid).unwrap();
    let respondent = people.iter().find(|p| p.name == "R001").unwrap();
    assert_eq!(respondent.email, "r001@purged.invalid");
    assert!(people.iter().any(|p| p.name == "N001"));
    assert_eq!(store.current_answers(respondent.id).unwrap().len(), 10);
    let after_dir = fixture.dir.path().join("after");
    let after = fixture.mailsurvey(&["report", "--out", after_dir.to_str().unwrap()]);
    assert!(after.status.success(), "{after:?}");
    let figures = |dir: &str| {
        let json: serde_json::Value = serde_json::from_slice(
            &std::fs::read(fixture.dir.path().join(dir).join("report.json")).unwrap(),
        )
        .unwrap();
        assert!(json["questions"].is_array(), "{json}");
        json["questions"].clone()
    };
    assert_eq!(
        figures("before"),
        figures("after"),
        "the same figures from the kept answers"
    );
    let csv = std::fs::read_to_string(after_dir.join("responses.csv")).unwrap();
    assert!(csv.contains("R001"), "{csv}");

    // The recipient list is not read again: it cannot bring names back.
    // (`preview` reads the list, as `send` and the daemon do.)
    let _ = fixture.mailsurvey(&["preview", "--recipient", &rows[0].1]);
    assert!(
        store
            .recipients(&sid)
            .unwrap()
            .iter()
            .all(|p| p.email.ends_with("@purged.invalid"))
    );
    let again = fixture.mailsurvey(&["purge"]);
    assert!(
        String::from_utf8_lossy(&again.stdout).contains("already purged"),
        "{again:?}"
    );
}

/// Finding 9 of issue 18: a template that fails is named with its line
/// and the expression that failed, never with a value from its context
/// (here the doctor's name and answers, which minijinja's debug detail
/// used to carry into the outbox's error, the lead's flags and the log).
#[test]
fn a_failing_template_is_named_by_line_and_expression_never_by_a_value() {
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[("replies", "poll_interval", toml_string("2s"))]);
    let templates = fixture.dir.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("receipt.txt"),
        "Dear {{ recipient.name }},\n{% for line in understood %}{{ line }}\n{% endfor %}\n{{ recipient.name.first.letter }}\n",
    )
    .unwrap();
    let survey = std::fs::read_to_string(&fixture.survey).unwrap();
    std::fs::write(
        &fixture.survey,
        survey.replacen(
            "[survey]\n",
            &format!(
                "[survey]\ntemplates = {}\n",
                toml_string(templates.to_str().unwrap())
            ),
            1,
        ),
    )
    .unwrap();
    let (rows, mut daemon) = fixture.invite_first(1, Duration::from_secs(60));
    let (name, doctor) = (&rows[0].0, &rows[0].1);
    fixture.reply_and_wait_recorded(doctor, "1. yes\n2. no\n3. yes\n4. 7\n5. a, c\n6. no\n7. no\n8. yes\n9. yes\n10. We need a regional protocol.", 10);
    fixture.wait_until(Duration::from_secs(60), "the receipt failed", || {
        fixture
            .outbox_states(MailKind::Receipt)
            .get(&MailState::Failed)
            == Some(&1)
    });
    daemon.terminate();
    let status = String::from_utf8_lossy(&fixture.mailsurvey(&["status"]).stdout).into_owned();
    let review = String::from_utf8_lossy(&fixture.mailsurvey(&["review"]).stdout).into_owned();
    assert!(
        status.contains("template receipt.txt, line 4")
            && status.contains("`recipient.name.first.letter`"),
        "{status}"
    );
    assert!(review.contains("template receipt.txt, line 4"), "{review}");
    for (what, text) in [
        ("status", &status),
        ("review", &review),
        ("log", &fixture.log()),
    ] {
        assert!(
            !text.contains("regional protocol"),
            "{what} carries an answer: {text}"
        );
        assert!(
            !text.contains(name.as_str()),
            "{what} carries the name: {text}"
        );
    }
}
