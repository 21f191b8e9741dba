//! Faults while reading the inbox: connections cut mid-FETCH and mid-IDLE
//! and `* BYE` at random commands (through the fault-injecting IMAP proxy
//! in front of Dovecot), Dovecot killed and started again, UIDVALIDITY
//! changed under the daemon.

use std::collections::BTreeMap;
use std::time::Duration;

use super::imap_proxy::{ImapProxy, Plan};
use super::ingesting::deliver_all;
use super::{
    ANSWERED_TWICE, Proxied, Tally, invitation_of, maildir_messages, message_id, say, seeded,
    through_proxy,
};
use crate::support::*;
use mailsurvey::store::{MailKind, MailState};

pub const COMPLETE: &str = "1. yes\n2. no\n3. yes\n4. 7\n5. a, c\n6. no\n7. no\n8. yes\n9. yes\n10. We need a regional protocol.";

pub use super::{PROCESSED, count};

/// The survey reads its mailbox through `port` on loopback, in plain IMAP.
pub fn read_through(fixture: &Fixture, port: u16) {
    through_proxy(fixture, Proxied::Imap, port);
}

/// The replies of `rows` to their invitations, ready to deliver.
pub fn replies(fixture: &Fixture, rows: &[(String, String)]) -> Vec<(String, String, Vec<u8>)> {
    rows.iter()
        .map(|(_, email)| {
            let invitation = invitation_of(&fixture.stack, email);
            (
                email.clone(),
                fixture.sender.clone(),
                crate::replies::reply(&invitation, email, COMPLETE),
            )
        })
        .collect()
}

/// Checks every reply of `rows` was stored once, counted once and answered
/// once (no receipt in flight at these faults, so no duplicate allowed);
/// returns (lost, duplicated).
fn outcome(fixture: &Fixture, rows: &[(String, String)]) -> (usize, usize) {
    let sid = fixture.survey_id();
    let db = fixture.dir.path().join("state.db");
    let stored = count(
        &db,
        "SELECT count(*) FROM messages WHERE survey_id = ?1",
        &sid,
    );
    let distinct = count(
        &db,
        "SELECT count(DISTINCT message_id) FROM messages WHERE survey_id = ?1",
        &sid,
    );
    assert_eq!(stored, distinct, "a reply stored twice");
    let twice = count(&db, ANSWERED_TWICE, &sid);
    assert_eq!(twice, 0, "an answer recorded twice");
    let respondents = fixture.store().status(&sid).unwrap().respondents;
    let mut lost = rows.len() - respondents.min(rows.len());
    let mut duplicated = 0;
    fixture.wait_until(Duration::from_secs(60), "the receipts delivered", || {
        rows.iter()
            .all(|(_, e)| fixture.stack.maildir_count(e) >= 2)
    });
    for (_, email) in rows {
        let mut receipts: BTreeMap<String, usize> = BTreeMap::new();
        for raw in maildir_messages(&fixture.stack, email) {
            if let Some(id) = message_id(&raw).filter(|id| id.starts_with("receipt.")) {
                *receipts.entry(id).or_default() += 1;
            }
        }
        if receipts.is_empty() {
            lost += 1;
        }
        duplicated +=
            receipts.values().map(|n| n - 1).sum::<usize>() + receipts.len().saturating_sub(1);
    }
    (lost, duplicated)
}

#[test]
fn fault_imap_connection_cut_and_bye() {
    let (_, mut rng) = seeded("fault_imap_connection_cut_and_bye");
    let stack = Stack::shared();
    let fixture = Fixture::new(&stack, &[("replies", "poll_interval", toml_string("2s"))]);
    let (rows, mut daemon) = fixture.invite_first(12, Duration::from_secs(60));
    daemon.kill();
    // Two BYEs at random commands among the first 40 the daemon sends.
    let mut byes: Vec<usize> = rand::seq::index::sample(&mut rng, 35, 2)
        .into_iter()
        .map(|i| i + 5)
        .collect();
    byes.sort_unstable();
    say(&format!("fault imap-bye: at commands {byes:?}"));
    let proxy = ImapProxy::start(
        22010,
        stack.port("MAILSTACK_IMAP_PORT"),
        Plan {
            cut_mid_fetch: 2,
            cut_mid_idle: 2,
            bye_at_commands: byes,
            ..Plan::default()
        },
    );
    read_through(&fixture, proxy.port);
    let sid = fixture.survey_id();
    let db = fixture.dir.path().join("state.db");
    let mail = replies(&fixture, &rows);
    // Four wait while the daemon is down: its first FETCH is cut.
    deliver_all(&stack, &mail[..4]);
    fixture.wait_until(Duration::from_secs(30), "4 replies delivered", || {
        stack.maildir_count(&fixture.sender) >= 4
    });
    let mut daemon = fixture.start_daemon();
    fixture.wait_until(Duration::from_secs(90), "4 replies processed", || {
        count(&db, PROCESSED, &sid) >= 4
    });
    // The rest arrive one by one while it idles: the first announcements
    // are cut. Each waits for the watcher to be back in IDLE: the daemon
    // ends an IDLE (DONE) to have what it processed filed at once, so a
    // reply delivered right after the one before was processed would
    // come during that filing, not during an IDLE.
    for (i, one) in mail[4..].iter().enumerate() {
        let before = count(&db, PROCESSED, &sid);
        fixture.wait_until(
            Duration::from_secs(60),
            &format!("the watcher in IDLE before reply {}", i + 5),
            || proxy.idling(),
        );
        deliver_all(&stack, std::slice::from_ref(one));
        fixture.wait_until(
            Duration::from_secs(90),
            &format!("reply {} processed", i + 5),
            || count(&db, PROCESSED, &sid) > before,
        );
    }
    fixture.wait_until(
        Duration::from_secs(90),
        "12 receipts sent and the INBOX empty",
        || {
            fixture
                .outbox_states(MailKind::Receipt)
                .get(&MailState::Sent)
                == Some(&12)
                && stack.maildir_count(&fixture.sender) == 0
        },
    );
    daemon.terminate();
    let log = fixture.log();
    let reconnects = log.matches("inbox: connection lost or refused").count();
    let plan = proxy.plan();
    let (lost, duplicated) = outcome(&fixture, &rows);
    say(&format!(
        "fault imap: {} commands through the proxy, {reconnects} reconnections",
        proxy.commands()
    ));
    let faults = proxy.count("imap-cut-mid-fetch")
        + proxy.count("imap-cut-mid-idle")
        + proxy.count("imap-bye");
    for (class, left) in [
        ("imap-cut-mid-fetch", plan.cut_mid_fetch),
        ("imap-cut-mid-idle", plan.cut_mid_idle),
        ("imap-bye", if proxy.count("imap-bye") == 2 { 0 } else { 1 }),
    ] {
        assert_eq!(left, 0, "{class}: not every planned fault was injected");
        let injected = proxy.count(class);
        Tally {
            injected,
            // Each fault broke the connection; the daemon came back by
            // itself each time and lost nothing.
            survived: if reconnects >= faults && lost == 0 {
                injected
            } else {
                0
            },
            lost,
            duplicated,
            bound: 0,
        }
        .report(class);
    }
}

/// `doveadm` for a stack's Dovecot.
fn doveadm(stack: &Stack, args: &[&str]) {
    let status = std::process::Command::new("doveadm")
        .arg("-c")
        .arg(stack.dir.join("dovecot/dovecot.conf"))
        .args(args)
        .status()
        .unwrap();
    assert!(status.success(), "doveadm {args:?} failed");
}

#[test]
fn fault_imap_server_restarted_and_uidvalidity_changed() {
    let own = Stack::own(22100);
    let stack = &own.stack;
    let fixture = Fixture::new(stack, &[("replies", "poll_interval", toml_string("2s"))]);
    let (rows, mut daemon) = fixture.invite_first(12, Duration::from_secs(60));
    let sid = fixture.survey_id();
    let db = fixture.dir.path().join("state.db");
    let mail = replies(&fixture, &rows);
    deliver_all(stack, &mail[..4]);
    fixture.wait_until(Duration::from_secs(60), "4 replies processed", || {
        count(&db, PROCESSED, &sid) >= 4
    });
    // Their receipts delivered first: a delivery Dovecot is killed in the
    // middle of is retried by Postfix and may land twice under one
    // Message-ID, the MTA's duplicate and not the daemon's, which the
    // count below would blame on the daemon.
    fixture.wait_until(Duration::from_secs(60), "4 receipts delivered", || {
        rows[..4]
            .iter()
            .all(|(_, email)| fixture.stack.maildir_count(email) >= 2)
    });

    // Dovecot killed under the daemon (master and every process it
    // started), mail arriving meanwhile, Dovecot started again.
    let pid = std::fs::read_to_string(stack.dir.join("dovecot/run/master.pid")).unwrap();
    let killed = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("pkill -KILL -P {0}; kill -KILL {0}", pid.trim()))
        .status()
        .unwrap();
    assert!(killed.success());
    deliver_all(stack, &mail[4..8]);
    stack.wait_dovecot_gone(&pid, Duration::from_secs(30));
    // Dovecot's killed processes may take a moment to let go of their
    // ports: a few tries, bounded.
    let mut tries = Vec::new();
    for _ in 0..3 {
        // Into a file, not a pipe: Dovecot inherits it and never closes it.
        let log = fixture.dir.path().join("mailstack-up.log");
        let out = std::fs::File::create(&log).unwrap();
        let up = std::process::Command::new(format!("{ROOT}/scripts/mailstack"))
            .args(["up", "--dir"])
            .arg(&stack.dir)
            .args(["--port-base", "22100"])
            .stdout(out.try_clone().unwrap())
            .stderr(out)
            .status()
            .unwrap();
        if up.success() {
            break;
        }
        tries.push(std::fs::read_to_string(&log).unwrap_or_default());
        std::thread::sleep(Duration::from_secs(1));
    }
    assert!(
        tries.len() < 3,
        "mailstack up failed:\n{}",
        tries.join("\n")
    );
    if !tries.is_empty() {
        say(&format!(
            "fault imap-restart: mailstack up needed another try: {}",
            tries.join("\n")
        ));
    }
    fixture.wait_until(Duration::from_secs(90), "8 replies processed", || {
        count(&db, PROCESSED, &sid) >= 8
    });
    let restart_lost = 8 - fixture.store().status(&sid).unwrap().respondents.min(8);
    Tally {
        injected: 1,
        survived: usize::from(restart_lost == 0),
        lost: restart_lost,
        duplicated: 0,
        bound: 0,
    }
    .report("imap-restart");

    // The mailbox rebuilt while the daemon is down, as a server restore
    // does: every processed message back in the INBOX under new UIDs and a
    // new UIDVALIDITY, and four new replies besides.
    fixture.wait_until(Duration::from_secs(60), "8 receipts sent", || {
        fixture
            .outbox_states(MailKind::Receipt)
            .get(&MailState::Sent)
            == Some(&8)
    });
    daemon.terminate();
    let folders: Vec<String> = ["Survey/Processed"].iter().map(|f| f.to_string()).collect();
    for folder in &folders {
        doveadm(
            stack,
            &[
                "copy",
                "-u",
                &fixture.sender,
                "INBOX",
                "mailbox",
                folder,
                "all",
            ],
        );
    }
    doveadm(
        stack,
        &[
            "mailbox",
            "update",
            "-u",
            &fixture.sender,
            "--uid-validity",
            "4242",
            "INBOX",
        ],
    );
    deliver_all(stack, &mail[8..]);
    fixture.wait_until(Duration::from_secs(30), "12 messages in the INBOX", || {
        stack.maildir_count(&fixture.sender) >= 12
    });
    let mut daemon = fixture.start_daemon();
    // The 8 copies are filed beside their first copies, the 4 new ones
    // after processing: the INBOX empties.
    fixture.wait_until(
        Duration::from_secs(90),
        "the INBOX read again under the new UIDVALIDITY, 12 receipts, the INBOX empty",
        || {
            count(
                &db,
                "SELECT count(*) FROM mailbox_cursor WHERE survey_id = ?1 AND uidvalidity = 4242 AND last_uid >= 12",
                &sid,
            ) == 1
                && count(&db, PROCESSED, &sid) >= 12
                && fixture.outbox_states(MailKind::Receipt).get(&MailState::Sent) == Some(&12)
                && stack.maildir_count(&fixture.sender) == 0
        },
    );
    daemon.terminate();
    assert!(
        fixture.log().contains("UIDVALIDITY changed"),
        "the daemon noticed:\n{}",
        fixture.log()
    );
    assert!(
        fixture
            .log()
            .contains("copies of messages stored before filed beside their first copy"),
        "the copies were filed:\n{}",
        fixture.log()
    );
    let (lost, duplicated) = outcome(&fixture, &rows);
    Tally {
        injected: 1,
        survived: usize::from(lost == 0 && duplicated == 0),
        lost,
        duplicated,
        bound: 0,
    }
    .report("imap-uidvalidity");
}
