//! The matrix of real servers from Debian's packages (`scripts/matrix`,
//! issue 19): one quick end-to-end per pair of servers, through the real
//! binary. The survey's organisation runs the pair (an MTA for submission
//! and its bounces, an IMAP server for the reply mailbox); the doctors'
//! mailboxes stay on the local mail stack, whose Dovecot the pair's MTA
//! delivers to over LMTP. Each test: `check` passes (with a real bounce
//! from the MTA proving VERP), the invitations are delivered, the MTA's
//! bounce for a `bounce*@` address is attributed by its VERP address, both
//! servers are restarted under the running daemon, then a doctor's reply
//! is read, answered (the receipt reaches the doctor) and filed into the
//! survey's folders, named the server's way.
//!
//! `scripts/matrix up` must have run; a server it could not install makes
//! its test fail with the reason (`MATRIX_<SERVER>_MISSING`).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use mailsurvey::store::{MailKind, MailState, MatchedBy, MessageKind, Received};

use crate::support::*;

const COMPLETE: &str = "1. yes\n2. no\n3. yes\n4. 7\n5. a, c\n6. no\n7. no\n8. yes\n9. yes\n10. We need a regional protocol.";

/// The running matrix's settings (`scripts/matrix env`).
struct Matrix {
    dir: PathBuf,
    vars: BTreeMap<String, String>,
}

impl Matrix {
    /// The matrix at `$MATRIX_DIR` (default /var/lib/mailsurvey-matrix),
    /// which must be up.
    fn shared() -> Matrix {
        let dir = PathBuf::from(
            std::env::var("MATRIX_DIR").unwrap_or_else(|_| "/var/lib/mailsurvey-matrix".into()),
        );
        let env = std::fs::read_to_string(dir.join("env")).unwrap_or_else(|_| {
            panic!(
                "the matrix of mail servers is not set up in {}: run `scripts/matrix up` (as root) first",
                dir.display()
            )
        });
        let vars = env
            .lines()
            .filter_map(|l| l.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.trim_matches('"').to_owned()))
            .collect();
        Matrix { dir, vars }
    }

    fn var(&self, name: &str) -> String {
        self.vars
            .get(name)
            .cloned()
            .unwrap_or_else(|| panic!("{name} missing from the matrix's env"))
    }

    fn key(server: &str) -> String {
        server.to_uppercase().replace('-', "_")
    }

    /// Fails the test, saying why, when `server` could not be installed;
    /// otherwise its Debian package and version.
    fn require(&self, server: &str) -> String {
        let key = Matrix::key(server);
        if let Some(why) = self.vars.get(&format!("MATRIX_{key}_MISSING")) {
            panic!("{server} is not installed in the matrix: {why}");
        }
        self.var(&format!("MATRIX_{key}_VERSION"))
    }

    /// The pair as a [`Stack`]: submission and SMTP of `mta`, IMAP of
    /// `imap`, the matrix's CA and password.
    fn pair(&self, mta: &str, imap: &str) -> Stack {
        let (m, i) = (Matrix::key(mta), Matrix::key(imap));
        let mut vars = BTreeMap::new();
        for (to, from) in [
            ("MAILSTACK_SMTP_PORT", format!("MATRIX_{m}_SMTP_PORT")),
            (
                "MAILSTACK_SUBMISSION_PORT",
                format!("MATRIX_{m}_SUBMISSION_PORT"),
            ),
            ("MAILSTACK_SMTPS_PORT", format!("MATRIX_{m}_SMTPS_PORT")),
            ("MAILSTACK_IMAP_PORT", format!("MATRIX_{i}_IMAP_PORT")),
            ("MAILSTACK_IMAPS_PORT", format!("MATRIX_{i}_IMAPS_PORT")),
            ("MAILSTACK_CA", "MATRIX_CA".to_owned()),
            ("MAILSTACK_PASSWORD", "MATRIX_PASSWORD".to_owned()),
        ] {
            vars.insert(to.to_owned(), self.var(&from));
        }
        Stack {
            dir: self.dir.clone(),
            vars,
        }
    }

    /// `scripts/matrix ARGS...`, which must succeed.
    fn run(&self, args: &[&str]) {
        let out = Command::new(format!("{ROOT}/scripts/matrix"))
            .args(args)
            .arg("--dir")
            .arg(&self.dir)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "scripts/matrix {args:?} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// One pair's end-to-end (see the module's comment).
struct Pair<'a> {
    mta: &'a str,
    imap: &'a str,
    /// Settings of the pair's own (the relay account, ...).
    settings: Vec<Setting<'a>>,
    /// The names the server must show for the survey's Processed and
    /// Bounces folders (`Survey/Processed` in the survey file).
    processed: &'a str,
    bounces: &'a str,
}

fn end_to_end(pair: Pair<'_>) {
    let matrix = Matrix::shared();
    let versions = format!(
        "{}, {}",
        matrix.require(pair.mta),
        matrix.require(pair.imap)
    );
    let doctors = Stack::shared();
    let stack = matrix.pair(pair.mta, pair.imap);
    let mut settings = vec![("replies", "poll_interval", toml_string("2s"))];
    settings.extend(pair.settings.iter().cloned());
    let fixture = Fixture::new(&stack, &settings);
    if pair.imap == "courier" {
        matrix.run(&["add-user", "courier", &fixture.sender]);
    }

    // check: both logins, a plus-address round trip, and a real bounce
    // from the MTA coming back to its VERP address.
    let probe = format!("bounce-check-{}@nhs.test", fixture.tag);
    let out = fixture.mailsurvey(&["check", "--bounce-probe", &probe]);
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "check failed on {versions}:\n{said}");
    assert!(said.contains("VERP survives"), "{versions}:\n{said}");
    // It names the folders the server's way.
    assert!(
        said.contains(&format!("Survey/Processed as {}", pair.processed)),
        "{versions}:\n{said}"
    );

    // Two doctors and one whose address the MTA bounces.
    let mut rows = fixture.recipients()[..2].to_vec();
    let gone = fixture.bouncing_address();
    rows.push(("Dr Gone".into(), gone.clone()));
    fixture.write_recipients(&rows);
    let mut daemon = fixture.start_daemon();
    fixture.wait_until(Duration::from_secs(60), "3 invitations sent", || {
        fixture
            .outbox_states(MailKind::Invitation)
            .get(&MailState::Sent)
            == Some(&3)
    });
    let doctor = rows[0].1.clone();
    fixture.wait_until(Duration::from_secs(60), "the invitations delivered", || {
        rows[..2]
            .iter()
            .all(|(_, email)| doctors.maildir_count(email) > 0)
    });

    // The MTA's own bounce, attributed by the address it came back to.
    let store = fixture.store();
    let sid = fixture.survey_id();
    fixture.wait_until(Duration::from_secs(90), "the bounce processed", || {
        store
            .message_counts(&sid)
            .unwrap()
            .get(&Received::Kind(MessageKind::Bounce))
            == Some(&1)
    });
    let bounce = store
        .messages(&sid)
        .unwrap()
        .into_iter()
        .find(|m| m.kind == Some(MessageKind::Bounce))
        .unwrap();
    assert_eq!(
        bounce.matched_by,
        Some(MatchedBy::Verp),
        "{versions}: {bounce:?}"
    );
    assert_eq!(bounce.recipient.as_deref(), Some(gone.as_str()));
    let person = |email: &str| store.recipient_by_email(&sid, email).unwrap().unwrap();
    assert_eq!(person(&gone).status, "bounced");

    // Both servers restarted under the running daemon.
    matrix.run(&["restart", pair.imap]);
    matrix.run(&["restart", pair.mta]);
    assert!(
        daemon.child.try_wait().unwrap().is_none(),
        "the daemon exited when {} and {} restarted:\n{}",
        pair.mta,
        pair.imap,
        fixture.log()
    );

    // A reply, read, recorded, answered and filed.
    let invitation = doctors.inbox(&doctor).remove(0);
    stack.deliver(
        &doctor,
        &fixture.sender,
        &crate::replies::reply(&invitation, &doctor, COMPLETE),
    );
    fixture.wait_recorded(&doctor, 10, Duration::from_secs(90));
    fixture.wait_until(
        Duration::from_secs(60),
        "the receipt delivered to the doctor",
        || doctors.maildir_count(&doctor) >= 2,
    );
    fixture.wait_until(
        Duration::from_secs(60),
        &format!(
            "the reply filed in {} and the bounce in {} on {versions}",
            pair.processed, pair.bounces
        ),
        || {
            stack.messages_in(&fixture.sender, pair.processed) >= 1
                && stack.messages_in(&fixture.sender, pair.bounces) >= 1
        },
    );
    let status = daemon.terminate();
    assert!(status.success(), "{status:?}\n{}", fixture.log());
}

/// Exim 4 and Cyrus IMAP 3.6 with '.' as its separator and every folder
/// under `INBOX.` (Debian's default: unixhierarchysep no, altnamespace no).
#[test]
fn exim_and_cyrus() {
    end_to_end(Pair {
        mta: "exim",
        imap: "cyrus",
        settings: Vec::new(),
        processed: "INBOX.Survey.Processed",
        bounces: "INBOX.Survey.Bounces",
    });
}

/// OpenSMTPD with one relay account and Courier-IMAP 5 (folders under
/// `INBOX.`).
#[test]
fn opensmtpd_and_courier() {
    let relay = Matrix::shared().var("MATRIX_OPENSMTPD_USER");
    end_to_end(Pair {
        mta: "opensmtpd",
        imap: "courier",
        settings: vec![("smtp", "username", toml_string(&relay))],
        processed: "INBOX.Survey.Processed",
        bounces: "INBOX.Survey.Bounces",
    });
}

/// Dovecot with its default Maildir layout (separator '.', no prefix), fed
/// by Exim.
#[test]
fn exim_and_dovecot_default_layout() {
    end_to_end(Pair {
        mta: "exim-dovecot",
        imap: "dovecot",
        settings: Vec::new(),
        processed: "Survey.Processed",
        bounces: "Survey.Bounces",
    });
}
