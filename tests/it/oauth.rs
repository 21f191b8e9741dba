//! Signing in with OAuth2 tokens (XOAUTH2 for SMTP, OAUTHBEARER for IMAP)
//! against the real Dovecot, whose oauth2 passdb validates JSON Web Tokens
//! locally with a key each test makes, and the real Postfix submission,
//! which asks the same Dovecot. The token command is a script that prints
//! the tokens the test minted, counting its runs.

use std::path::{Path, PathBuf};
use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use sha2::{Digest, Sha256};

use crate::support::*;
use mailsurvey::store::{MailKind, MailState};

/// A signing key Dovecot trusts (HS256, under its own key id).
struct Issuer {
    kid: String,
    secret: [u8; 32],
}

impl Issuer {
    /// A new key, installed in the stack's key directory.
    fn install(stack: &Stack) -> Issuer {
        let issuer = Issuer::untrusted();
        let dir = Path::new(&stack.var("MAILSTACK_OAUTH2_KEYS")).join("default/HS256");
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join(&issuer.kid);
        std::fs::write(&file, STANDARD.encode(issuer.secret)).unwrap();
        // Dovecot's auth process reads it as the dovecot user.
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        let mut up = dir.as_path();
        while up != Path::new(&stack.var("MAILSTACK_OAUTH2_KEYS")) {
            std::fs::set_permissions(up, std::fs::Permissions::from_mode(0o755)).unwrap();
            up = up.parent().unwrap();
        }
        issuer
    }

    /// A key nobody installed: its tokens carry a trusted key id but a
    /// signature from another key.
    fn untrusted() -> Issuer {
        Issuer {
            kid: format!("k{:08x}", rand::random::<u32>()),
            secret: rand::random(),
        }
    }

    /// A token for `sub` that expires `expires_in` seconds from now.
    fn token(&self, sub: &str, expires_in: i64) -> String {
        self.token_as(&self.kid, sub, expires_in)
    }

    fn token_as(&self, kid: &str, sub: &str, expires_in: i64) -> String {
        self.token_with(kid, sub, expires_in, "openid mail")
    }

    fn token_with(&self, kid: &str, sub: &str, expires_in: i64, scope: &str) -> String {
        let now = jiff::Timestamp::now().as_second();
        let header = serde_json::json!({"alg": "HS256", "typ": "JWT", "kid": kid});
        let claims = serde_json::json!({
            "sub": sub, "iat": now, "nbf": now - 60, "exp": now + expires_in,
            "scope": scope,
        });
        let signed = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(header.to_string()),
            URL_SAFE_NO_PAD.encode(claims.to_string())
        );
        let signature = hmac_sha256(&self.secret, signed.as_bytes());
        format!("{signed}.{}", URL_SAFE_NO_PAD.encode(signature))
    }
}

/// HMAC-SHA256 (RFC 2104), enough to sign test tokens.
fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    let mut block = [0u8; 64];
    if key.len() > 64 {
        block[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let mut inner = Sha256::new();
    inner.update(block.map(|b| b ^ 0x36));
    inner.update(message);
    let mut outer = Sha256::new();
    outer.update(block.map(|b| b ^ 0x5c));
    outer.update(inner.finalize());
    outer.finalize().into()
}

/// A token command: `token.sh NAME` prints `NAME.1` on its first run,
/// then `NAME.2` on every later one, and counts its runs in `NAME.runs`.
struct Helper {
    dir: PathBuf,
}

impl Helper {
    fn new(dir: &Path) -> Helper {
        let dir = dir.join("helper");
        std::fs::create_dir_all(&dir).unwrap();
        let script = dir.join("token.sh");
        std::fs::write(
            &script,
            format!(
                "#!/bin/sh\n# Prints an OAuth2 access token, as oama would.\ncd '{}' || exit 1\nn=$(cat \"$1.runs\" 2>/dev/null || echo 0)\necho $((n + 1)) >\"$1.runs\"\nif [ \"$n\" = 0 ]; then cat \"$1.1\"; else cat \"$1.2\"; fi\n",
                dir.display()
            ),
        )
        .unwrap();
        Helper { dir }
    }

    /// The survey file's `token = { command = ... }` for `name`.
    fn source(&self, name: &str) -> String {
        format!(
            "{{ command = {} }}",
            toml_string(&format!("sh {}/token.sh {name}", self.dir.display()))
        )
    }

    /// What `name` prints: `first` once, then `next`.
    fn prints(&self, name: &str, first: &str, next: &str) {
        std::fs::write(self.dir.join(format!("{name}.1")), format!("{first}\n")).unwrap();
        std::fs::write(self.dir.join(format!("{name}.2")), format!("{next}\n")).unwrap();
        let _ = std::fs::remove_file(self.dir.join(format!("{name}.runs")));
    }

    fn runs(&self, name: &str) -> usize {
        std::fs::read_to_string(self.dir.join(format!("{name}.runs")))
            .ok()
            .and_then(|t| t.trim().parse().ok())
            .unwrap_or(0)
    }
}

/// A fixture whose SMTP signs in with XOAUTH2 and IMAP with OAUTHBEARER,
/// each with its own token command (`smtp`, `imap`).
fn oauth_fixture(stack: &Stack, extra: &[Setting<'_>]) -> (Fixture, Helper) {
    let fixture = Fixture::new(stack, extra);
    let helper = Helper::new(fixture.dir.path());
    let text = std::fs::read_to_string(&fixture.survey).unwrap();
    let mut out = String::new();
    let mut section = "";
    for line in text.lines() {
        if line.starts_with('[') {
            section = if line == "[smtp]" {
                "smtp"
            } else if line == "[imap]" {
                "imap"
            } else {
                ""
            };
        }
        if !section.is_empty() && line.starts_with("password") {
            let auth = if section == "smtp" {
                "xoauth2"
            } else {
                "oauthbearer"
            };
            out.push_str(&format!(
                "auth = \"{auth}\"\ntoken = {}\n",
                helper.source(section)
            ));
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    std::fs::write(&fixture.survey, out).unwrap();
    (fixture, helper)
}

#[test]
fn a_survey_signed_in_with_tokens_runs_end_to_end_and_an_expired_token_is_replaced() {
    let own = Stack::own_with(18200, &["--oauth2"]);
    let stack = &own.stack;
    let issuer = Issuer::install(stack);
    let (fixture, helper) =
        oauth_fixture(stack, &[("replies", "poll_interval", toml_string("2s"))]);
    let expired = issuer.token(&fixture.sender, -120);
    let valid = issuer.token(&fixture.sender, 3600);
    helper.prints("smtp", &expired, &valid);
    helper.prints("imap", &expired, &valid);

    let (rows, mut daemon) = fixture.invite_first(2, Duration::from_secs(60));
    // Each protocol's first token was refused, the command ran again, and
    // the fresh token was accepted.
    fixture.wait_until(Duration::from_secs(30), "the inbox connected", || {
        fixture.log().contains("inbox: connected")
    });
    assert!(
        helper.runs("smtp") >= 2,
        "smtp token runs: {}",
        helper.runs("smtp")
    );
    assert!(
        helper.runs("imap") >= 2,
        "imap token runs: {}",
        helper.runs("imap")
    );
    let log = fixture.log();
    assert!(
        log.contains("smtp: the server refused the token; running the token command again"),
        "{log}"
    );
    assert!(
        log.contains("imap: the server refused the token; running the token command again"),
        "{log}"
    );

    // A doctor replies; the daemon reads it over IMAP (OAUTHBEARER) and
    // answers over SMTP (XOAUTH2).
    fixture.reply_and_wait_recorded(
        &rows[0].1,
        "1. yes\n2. no\n3. yes\n4. 7\n5. a\n6. no\n7. no\n8. yes\n9. yes\n10. Signed in with tokens.",
        10,
    );
    fixture.wait_until(Duration::from_secs(60), "the receipt sent", || {
        fixture
            .outbox_states(MailKind::Receipt)
            .get(&MailState::Sent)
            == Some(&1)
    });
    daemon.terminate();

    // Dovecot saw both mechanisms succeed for this user.
    let dovecot = std::fs::read_to_string(stack.dir.join("log/dovecot.log")).unwrap();
    let user = format!("user=<{}>", fixture.sender.to_lowercase());
    assert!(
        dovecot
            .lines()
            .any(|l| l.contains("Login:") && l.contains(&user) && l.contains("method=OAUTHBEARER")),
        "no OAUTHBEARER login in dovecot.log"
    );
    let postfix = std::fs::read_to_string(stack.dir.join("log/postfix.log")).unwrap();
    assert!(
        postfix
            .lines()
            .any(|l| l.contains("sasl_method=XOAUTH2") && l.contains(&fixture.sender)),
        "no XOAUTH2 submission in postfix.log"
    );
    // The tokens never reach the log, whole or in part.
    let log = fixture.log();
    for token in [&expired, &valid] {
        let signature = token.rsplit('.').next().unwrap();
        assert!(
            !log.contains(signature),
            "a token's signature is in the log"
        );
        assert!(!log.contains(token.as_str()), "a token is in the log");
    }
}

#[test]
fn check_says_whether_the_command_the_token_the_user_or_the_scope_is_wrong() {
    let own = Stack::own_with(18400, &["--oauth2"]);
    let stack = &own.stack;
    let issuer = Issuer::install(stack);
    let (fixture, helper) = oauth_fixture(stack, &[]);
    let check = || {
        let output = fixture.mailsurvey(&["check"]);
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        (output.status.success(), text)
    };

    // Everything right: both logins and the plus-address round trip.
    let valid = issuer.token(&fixture.sender, 3600);
    helper.prints("smtp", &valid, &valid);
    helper.prints("imap", &valid, &valid);
    let (ok, text) = check();
    assert!(ok, "{text}");
    assert!(
        text.contains("ok    SMTP login") && text.contains("ok    IMAP login"),
        "{text}"
    );
    assert!(text.contains("ok    plus-addressing"), "{text}");

    // The other mechanism on each side: OAUTHBEARER for SMTP, XOAUTH2 for
    // IMAP.
    let survey = std::fs::read_to_string(&fixture.survey).unwrap();
    let swapped = survey
        .replace("auth = \"xoauth2\"", "auth = \"swap\"")
        .replace("auth = \"oauthbearer\"", "auth = \"xoauth2\"")
        .replace("auth = \"swap\"", "auth = \"oauthbearer\"");
    std::fs::write(&fixture.survey, swapped).unwrap();
    let (ok, text) = check();
    assert!(ok, "{text}");
    std::fs::write(&fixture.survey, survey).unwrap();
    let postfix = std::fs::read_to_string(stack.dir.join("log/postfix.log")).unwrap();
    assert!(
        postfix.contains("sasl_method=OAUTHBEARER"),
        "no OAUTHBEARER submission"
    );

    // A token for another user.
    let other = issuer.token(&format!("someone-else-{}@survey.test", fixture.tag), 3600);
    helper.prints("smtp", &other, &other);
    helper.prints("imap", &other, &other);
    let (ok, text) = check();
    assert!(!ok, "{text}");
    assert!(text.contains("FAIL  SMTP login"), "{text}");
    assert!(text.contains("FAIL  IMAP login"), "{text}");
    assert_eq!(
        text.matches("wrong user: the token is for someone-else-")
            .count(),
        2,
        "{text}"
    );
    assert!(
        text.contains(&format!("sign the helper in as {}", fixture.sender)),
        "{text}"
    );
    assert_eq!(
        helper.runs("smtp"),
        2,
        "the command runs again once, no more"
    );

    // A token signed by another key, under the trusted key id.
    let forged = Issuer::untrusted().token_as(&issuer.kid, &fixture.sender, 3600);
    helper.prints("smtp", &forged, &forged);
    helper.prints("imap", &forged, &forged);
    let (ok, text) = check();
    assert!(!ok, "{text}");
    assert_eq!(text.matches("wrong token: ").count(), 2, "{text}");
    assert!(text.contains("signed by another key"), "{text}");

    // A token without the scope the server wants ("mail").
    let narrow = issuer.token_with(&issuer.kid, &fixture.sender, 3600, "openid calendar");
    helper.prints("smtp", &narrow, &narrow);
    helper.prints("imap", &narrow, &narrow);
    let (ok, text) = check();
    assert!(!ok, "{text}");
    // XOAUTH2's refusal names the scope the server wants; Dovecot's
    // OAUTHBEARER refusal says only invalid_token, so there the scope is
    // one suspect among others.
    assert!(
        text.contains("FAIL  SMTP login")
            && text
                .contains("wrong scope: the token's scopes (openid calendar) do not include mail"),
        "{text}"
    );
    assert!(
        text.contains("FAIL  IMAP login")
            && text
                .contains("lacks a scope the server wants (the token's scopes: openid calendar)"),
        "{text}"
    );

    // Expired twice: the helper does not refresh.
    let expired = issuer.token(&fixture.sender, -60);
    helper.prints("smtp", &expired, &expired);
    helper.prints("imap", &expired, &expired);
    let (ok, text) = check();
    assert!(!ok, "{text}");
    assert!(
        text.contains("wrong token: the token command printed a token that expired"),
        "{text}"
    );

    // The command prints no token (a helper's error message).
    helper.prints("smtp", "error: no refresh token", "error: no refresh token");
    helper.prints("imap", "error: no refresh token", "error: no refresh token");
    let (ok, text) = check();
    assert!(!ok, "{text}");
    assert!(
        text.contains("FAIL  SMTP login") && text.contains("token command: "),
        "{text}"
    );
    assert!(text.contains("not an access token"), "{text}");

    for token in [&valid, &other, &forged, &expired] {
        assert!(!text.contains(token.as_str()));
    }

    // The token from a systemd credential ($CREDENTIALS_DIRECTORY/NAME).
    let survey = std::fs::read_to_string(&fixture.survey).unwrap();
    let imap_source = helper.source("imap");
    assert!(survey.contains(&imap_source));
    std::fs::write(
        &fixture.survey,
        survey.replace(&imap_source, "{ credential = \"imap-token\" }"),
    )
    .unwrap();
    helper.prints("smtp", &valid, &valid);
    let credentials = fixture.dir.path().join("credentials");
    std::fs::create_dir_all(&credentials).unwrap();
    std::fs::write(credentials.join("imap-token"), format!("{valid}\n")).unwrap();
    let output = fixture
        .command(&["check"])
        .env("CREDENTIALS_DIRECTORY", &credentials)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{text}");
    assert!(text.contains("ok    IMAP login"), "{text}");
    let output = fixture
        .command(&["check"])
        .env_remove("CREDENTIALS_DIRECTORY")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(!output.status.success());
    assert!(
        text.contains("FAIL  IMAP login")
            && text.contains("needs systemd's $CREDENTIALS_DIRECTORY"),
        "{text}"
    );
}

#[test]
fn validate_warns_about_more_than_three_connections_to_exchange_online() {
    let stack = Stack::shared();
    let fixture = Fixture::new(
        &stack,
        &[
            ("smtp", "host", toml_string("smtp.office365.com")),
            ("sending", "max_connections", "4".into()),
        ],
    );
    let output = fixture.mailsurvey(&["validate"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("warning: [sending] max_connections = 4 but Exchange Online")
            && stderr.contains("set max_connections = 3"),
        "{stderr}"
    );
    let fixture = Fixture::new(
        &stack,
        &[
            ("smtp", "host", toml_string("smtp.office365.com")),
            ("sending", "max_connections", "3".into()),
        ],
    );
    let output = fixture.mailsurvey(&["validate"]);
    assert!(output.status.success());
    assert!(!String::from_utf8_lossy(&output.stderr).contains("warning"));
}

/// A plain-IMAP relay to Dovecot that ends the client's session, when told
/// to, as Exchange Online does when the token a session began with expires:
/// `* BYE Session invalidated - AccessTokenExpired`, then the connection
/// closes.
struct ExpiringRelay {
    port: u16,
    expire: std::sync::Arc<std::sync::atomic::AtomicBool>,
    ended: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

impl ExpiringRelay {
    fn start(port: u16, upstream: u16) -> ExpiringRelay {
        use std::io::{Read, Write};
        use std::sync::Arc;
        use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
        let listener = std::net::TcpListener::bind(("127.0.0.1", port)).unwrap();
        let expire = Arc::new(AtomicBool::new(false));
        let ended = Arc::new(AtomicUsize::new(0));
        let (flag, count) = (expire.clone(), ended.clone());
        std::thread::spawn(move || {
            for client in listener.incoming() {
                let Ok(client) = client else { return };
                let Ok(server) = std::net::TcpStream::connect(("127.0.0.1", upstream)) else {
                    continue;
                };
                let (mut from_client, mut to_server) =
                    (client.try_clone().unwrap(), server.try_clone().unwrap());
                std::thread::spawn(move || {
                    let mut buf = [0u8; 16384];
                    while let Ok(n @ 1..) = from_client.read(&mut buf) {
                        if to_server.write_all(&buf[..n]).is_err() {
                            break;
                        }
                    }
                    let _ = to_server.shutdown(std::net::Shutdown::Both);
                });
                let (flag, count) = (flag.clone(), count.clone());
                std::thread::spawn(move || {
                    let (mut server, mut client) = (server, client);
                    server
                        .set_read_timeout(Some(Duration::from_millis(100)))
                        .unwrap();
                    let mut buf = [0u8; 16384];
                    loop {
                        if flag.swap(false, Ordering::SeqCst) {
                            let _ = client
                                .write_all(b"* BYE Session invalidated - AccessTokenExpired\r\n");
                            count.fetch_add(1, Ordering::SeqCst);
                            break;
                        }
                        match server.read(&mut buf) {
                            Ok(0) => break,
                            Ok(n) => {
                                if client.write_all(&buf[..n]).is_err() {
                                    break;
                                }
                            }
                            Err(e)
                                if matches!(
                                    e.kind(),
                                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                                ) => {}
                            Err(_) => break,
                        }
                    }
                    let _ = client.shutdown(std::net::Shutdown::Both);
                    let _ = server.shutdown(std::net::Shutdown::Both);
                });
            }
        });
        ExpiringRelay {
            port,
            expire,
            ended,
        }
    }

    /// Ends the current session (the relay's newest, waiting in IDLE).
    fn expire_session(&self) {
        self.expire.store(true, std::sync::atomic::Ordering::SeqCst);
    }

    fn sessions_ended(&self) -> usize {
        self.ended.load(std::sync::atomic::Ordering::SeqCst)
    }
}

#[test]
fn a_session_ended_for_an_expired_token_reconnects_with_a_fresh_one() {
    let own = Stack::own_with(18600, &["--oauth2"]);
    let stack = &own.stack;
    let issuer = Issuer::install(stack);
    let relay = ExpiringRelay::start(18690, stack.port("MAILSTACK_IMAP_PORT"));
    let (fixture, helper) = oauth_fixture(
        stack,
        &[
            ("replies", "poll_interval", toml_string("2s")),
            ("imap", "security", toml_string("plain")),
            ("imap", "port", relay.port.to_string()),
        ],
    );
    let valid = issuer.token(&fixture.sender, 3600);
    helper.prints("smtp", &valid, &valid);
    helper.prints("imap", &valid, &valid);
    let (rows, _daemon) = fixture.invite_first(2, Duration::from_secs(60));
    fixture.wait_until(Duration::from_secs(30), "the inbox connected", || {
        fixture.log().matches("inbox: connected").count() == 1
    });
    let runs = helper.runs("imap");

    // The server ends the session; the daemon signs in again with a token
    // it asks the command for anew.
    relay.expire_session();
    fixture.wait_until(Duration::from_secs(30), "the inbox reconnected", || {
        fixture.log().matches("inbox: connected").count() == 2
    });
    assert_eq!(relay.sessions_ended(), 1);
    assert!(
        fixture.log().contains("the server ended the session because its access token expired (Session invalidated - AccessTokenExpired); signing in again with a fresh token"),
        "{}",
        fixture.log()
    );
    assert!(helper.runs("imap") > runs, "no fresh token was asked for");

    // And reads what comes in afterwards.
    fixture.reply_and_wait_recorded(
        &rows[1].1,
        "1. yes\n2. yes\n3. no\n4. 5\n5. b\n6. yes\n7. no\n8. no\n9. yes",
        9,
    );
    assert!(!fixture.log().contains(valid.rsplit('.').next().unwrap()));
}
