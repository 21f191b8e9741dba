//! Signing in with an OAuth2 access token (SASL XOAUTH2 and OAUTHBEARER),
//! as Microsoft 365 and Google require. The program never runs a browser
//! flow: a helper outside it (oama, mutt_oauth2.py) keeps the refresh token
//! and prints a fresh access token when asked, once per connection.
//!
//! This module is the pure part: the SASL messages, the server's error
//! challenge, and, when a server refuses a token, which of token, user or
//! scope is wrong. It reads a JSON Web Token's claims without verifying
//! them (only the server can), to explain a refusal, never to decide one.

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use jiff::Timestamp;

use crate::connect::credentials::Secret;
use crate::survey::Auth;

/// The client's first SASL message for `auth`, before base64.
pub fn initial_response(auth: Auth, user: &str, token: &Secret) -> Vec<u8> {
    let token = token.expose();
    match auth {
        // https://developers.google.com/gmail/imap/xoauth2-protocol
        Auth::XOAuth2 | Auth::Password => format!("user={user}\x01auth=Bearer {token}\x01\x01"),
        // RFC 7628 section 3.1: a GS2 header naming the user, then key-value
        // pairs. A comma or '=' in the name is escaped as in RFC 5801.
        Auth::OAuthBearer => {
            let user = user.replace('=', "=3D").replace(',', "=2C");
            format!("n,a={user},\x01auth=Bearer {token}\x01\x01")
        }
    }
    .into_bytes()
}

/// What the client answers to the server's error challenge, so that the
/// server sends its final refusal: nothing for XOAUTH2, a lone ^A for
/// OAUTHBEARER (RFC 7628 section 3.2.3).
pub fn error_acknowledgement(auth: Auth) -> &'static [u8] {
    match auth {
        Auth::OAuthBearer => b"\x01",
        Auth::XOAuth2 | Auth::Password => b"",
    }
}

/// The base64 form of `bytes`, as SMTP AUTH sends it.
pub fn base64(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

/// Why a server refused a token, from the JSON in its error challenge
/// (`{"status":"401","schemes":"bearer","scope":"..."}`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Refusal {
    /// The server's status: an HTTP code ("400", "401") or an OAuth2 error
    /// ("invalid_token", "insufficient_scope").
    pub status: Option<String>,
    /// The scope the server says a token needs.
    pub scope: Option<String>,
    /// The server's final reply (SMTP 535 or IMAP NO), for the record.
    pub reply: String,
}

impl Refusal {
    /// Reads an error challenge; anything that is not the expected JSON
    /// leaves the fields empty.
    pub fn from_challenge(challenge: &[u8], reply: String) -> Refusal {
        let json: serde_json::Value = serde_json::from_slice(challenge).unwrap_or_default();
        let field = |name: &str| match json.get(name) {
            Some(serde_json::Value::String(s)) => Some(s.clone()),
            Some(serde_json::Value::Number(n)) => Some(n.to_string()),
            _ => None,
        };
        Refusal {
            status: field("status"),
            scope: field("scope"),
            reply,
        }
    }

    /// Decodes the base64 text of an SMTP 334 error challenge.
    pub fn from_base64_challenge(text: &str, reply: String) -> Refusal {
        let bytes = STANDARD.decode(text.trim()).unwrap_or_default();
        Refusal::from_challenge(&bytes, reply)
    }

    fn says_scope(&self) -> bool {
        matches!(self.status.as_deref(), Some("insufficient_scope" | "403"))
    }
}

/// What is wrong with a token setup, as `mailsurvey check` reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// The token command failed, or printed no token.
    Command,
    /// The token itself: expired, revoked, or from a key the server does
    /// not trust.
    Token,
    /// The token is for someone other than the configured user.
    User,
    /// The token lacks the scope the server needs.
    Scope,
}

impl std::fmt::Display for Fault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Fault::Command => "token command",
            Fault::Token => "token",
            Fault::User => "user",
            Fault::Scope => "scope",
        })
    }
}

/// A refusal explained: what is wrong and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnosis {
    /// Which part of the setup is wrong.
    pub fault: Fault,
    /// What is wrong and what to do, without the token.
    pub explanation: String,
}

impl std::fmt::Display for Diagnosis {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "wrong {}: {}", self.fault, self.explanation)
    }
}

/// The claims of a JSON Web Token that explain a refusal. Microsoft's
/// access tokens are JWTs; Google's are opaque, and yield `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Claims {
    /// Names of the user the token is for (upn, preferred_username,
    /// unique_name, email, and sub when it looks like an address).
    pub users: Vec<String>,
    /// Expiry.
    pub expires: Option<Timestamp>,
    /// Not valid before.
    pub not_before: Option<Timestamp>,
    /// Delegated scopes (`scp`, `scope`) and application roles (`roles`).
    pub scopes: Option<Vec<String>>,
}

impl Claims {
    /// Reads the payload of a JWT without checking its signature.
    pub fn read(token: &Secret) -> Option<Claims> {
        let mut parts = token.expose().split('.');
        let (_header, payload, _signature) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let bytes = URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).ok()?;
        let json: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
        let json = json.as_object()?;
        let text = |name: &str| json.get(name).and_then(|v| v.as_str()).map(str::to_owned);
        let time = |name: &str| {
            json.get(name)
                .and_then(serde_json::Value::as_i64)
                .and_then(|s| Timestamp::from_second(s).ok())
        };
        let mut users = Vec::new();
        for name in ["upn", "preferred_username", "unique_name", "email"] {
            users.extend(text(name));
        }
        if let Some(sub) = text("sub").filter(|s| s.contains('@')) {
            users.push(sub);
        }
        users.dedup();
        let mut scopes: Option<Vec<String>> = None;
        for name in ["scp", "scope"] {
            if let Some(list) = text(name) {
                scopes
                    .get_or_insert_default()
                    .extend(list.split_whitespace().map(str::to_owned));
            }
        }
        if let Some(roles) = json.get("roles").and_then(|v| v.as_array()) {
            scopes
                .get_or_insert_default()
                .extend(roles.iter().filter_map(|r| r.as_str()).map(str::to_owned));
        }
        Some(Claims {
            users,
            expires: time("exp"),
            not_before: time("nbf"),
            scopes,
        })
    }
}

/// Which service a token is for: the scopes differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    /// Sending.
    Smtp,
    /// Reading.
    Imap,
}

/// The scopes a known provider needs for `service` at `host`, any one of
/// which will do (delegated or application), with the scope to ask for.
fn needed_scopes(host: &str, service: Service) -> Option<(&'static [&'static str], &'static str)> {
    let host = host.to_ascii_lowercase();
    let microsoft = ["office365.com", "outlook.com", "office.com"]
        .iter()
        .any(|d| host == *d || host.ends_with(&format!(".{d}")));
    let google = ["gmail.com", "googlemail.com", "google.com"]
        .iter()
        .any(|d| host == *d || host.ends_with(&format!(".{d}")));
    match (microsoft, google, service) {
        (true, _, Service::Imap) => Some((
            &["IMAP.AccessAsUser.All", "IMAP.AccessAsApp"],
            "https://outlook.office.com/IMAP.AccessAsUser.All",
        )),
        (true, _, Service::Smtp) => Some((
            &["SMTP.Send", "SMTP.SendAsApp"],
            "https://outlook.office.com/SMTP.Send",
        )),
        (_, true, _) => Some((&["https://mail.google.com/"], "https://mail.google.com/")),
        _ => None,
    }
}

/// Explains why `host` refused `token` for `user`. The token is read,
/// never shown.
pub fn diagnose(
    host: &str,
    service: Service,
    user: &str,
    token: &Secret,
    refusal: &Refusal,
    now: Timestamp,
) -> Diagnosis {
    let status = refusal
        .status
        .as_deref()
        .map(|s| format!(" (status {s})"))
        .unwrap_or_default();
    let needed = needed_scopes(host, service);
    let ask_for = needed
        .map(|(_, ask)| ask.to_owned())
        .or_else(|| refusal.scope.clone());
    let Some(claims) = Claims::read(token) else {
        let scope = ask_for
            .map(|s| format!(", asks for the scope {s}"))
            .unwrap_or_default();
        return Diagnosis {
            fault: if refusal.says_scope() {
                Fault::Scope
            } else {
                Fault::Token
            },
            explanation: format!(
                "{host} refused the token{status}; it is not a JSON Web Token, so mailsurvey cannot see why: check that the helper signs in as {user}{scope}, and prints a current access token (not a refresh token); run it by hand"
            ),
        };
    };
    if let Some(expires) = claims.expires.filter(|e| *e <= now) {
        let ago = now.as_second() - expires.as_second();
        return Diagnosis {
            fault: Fault::Token,
            explanation: format!(
                "the token command printed a token that expired at {expires} ({ago} s ago), twice in a row: the helper does not refresh it; run the helper by hand, and sign in again if its refresh token has expired"
            ),
        };
    }
    if let Some(from) = claims.not_before.filter(|n| *n > now) {
        return Diagnosis {
            fault: Fault::Token,
            explanation: format!("the token is valid only from {from}: check this machine's clock"),
        };
    }
    if !claims.users.is_empty() && !claims.users.iter().any(|u| u.eq_ignore_ascii_case(user)) {
        return Diagnosis {
            fault: Fault::User,
            explanation: format!(
                "the token is for {}, but the username is {user}: sign the helper in as {user}, or set username = \"{}\"",
                claims.users[0], claims.users[0]
            ),
        };
    }
    if let Some(scopes) = &claims.scopes {
        let wanted: Vec<&str> = match (needed, &refusal.scope) {
            (Some((any, _)), _) => any.to_vec(),
            // The server names the scope it wants (Gmail, Dovecot do).
            (None, Some(scope)) => vec![scope.as_str()],
            _ => Vec::new(),
        };
        let has = |w: &str| {
            scopes
                .iter()
                .any(|s| s == w || s.rsplit('/').next() == Some(w))
        };
        if !wanted.is_empty() && !wanted.iter().any(|w| has(w)) {
            return Diagnosis {
                fault: Fault::Scope,
                explanation: format!(
                    "the token's scopes ({}) do not include {}: add {} to the helper's scopes and sign in again",
                    scopes.join(" "),
                    wanted.join(" or "),
                    ask_for.unwrap_or_else(|| wanted[0].to_owned())
                ),
            };
        }
    }
    if refusal.says_scope() {
        return Diagnosis {
            fault: Fault::Scope,
            explanation: format!(
                "{host} says the token lacks a scope{status}: ask the helper for {}",
                ask_for.unwrap_or_else(|| "the server's mail scope".into())
            ),
        };
    }
    let named = if claims.users.is_empty() {
        String::new()
    } else {
        format!("names {user}, ")
    };
    // The server named no scope, so a missing one cannot be ruled out.
    let scopes = claims
        .scopes
        .as_ref()
        .map(|s| {
            format!(
                ", or it lacks a scope the server wants (the token's scopes: {})",
                s.join(" ")
            )
        })
        .unwrap_or_default();
    Diagnosis {
        fault: Fault::Token,
        explanation: format!(
            "{host} refused the token{status} although it {named}has not expired: the server does not trust it (signed by another key, issued for another tenant or app registration, or revoked){scopes}; sign the helper in again with the right account and app"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jwt(claims: serde_json::Value) -> Secret {
        let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
        let payload = URL_SAFE_NO_PAD.encode(claims.to_string());
        Secret::new(format!("{header}.{payload}.c2lnbmF0dXJl"))
    }

    fn refused() -> Refusal {
        Refusal::from_challenge(
            br#"{"status":"401","schemes":"bearer","scope":"mail"}"#,
            "535 5.7.8 Error: authentication failed".into(),
        )
    }

    fn now() -> Timestamp {
        Timestamp::from_second(1_800_000_000).unwrap()
    }

    #[test]
    fn sasl_messages() {
        let token = Secret::new("abc".into());
        assert_eq!(
            initial_response(Auth::XOAuth2, "a@b.test", &token),
            b"user=a@b.test\x01auth=Bearer abc\x01\x01"
        );
        assert_eq!(
            initial_response(Auth::OAuthBearer, "a,=@b.test", &token),
            b"n,a=a=2C=3D@b.test,\x01auth=Bearer abc\x01\x01"
        );
        assert_eq!(error_acknowledgement(Auth::OAuthBearer), b"\x01");
        assert_eq!(error_acknowledgement(Auth::XOAuth2), b"");
    }

    #[test]
    fn reads_the_error_challenge() {
        let r = Refusal::from_base64_challenge(
            "eyJzdGF0dXMiOiI0MDEiLCJzY2hlbWVzIjoiYmVhcmVyIiwic2NvcGUiOiJtYWlsIn0=",
            String::new(),
        );
        assert_eq!(r.status.as_deref(), Some("401"));
        assert_eq!(r.scope.as_deref(), Some("mail"));
        let junk = Refusal::from_base64_challenge("not base64!", String::new());
        assert_eq!(junk.status, None);
    }

    #[test]
    fn an_expired_token_is_the_tokens_fault() {
        let token = jwt(serde_json::json!({"sub": "a@x.test", "exp": 1_799_999_000}));
        let d = diagnose("h", Service::Imap, "a@x.test", &token, &refused(), now());
        assert_eq!(d.fault, Fault::Token);
        assert!(d.explanation.contains("expired"), "{d}");
    }

    #[test]
    fn a_token_for_someone_else_is_the_users_fault() {
        let token = jwt(serde_json::json!({"upn": "b@x.test", "exp": 1_800_003_600}));
        let d = diagnose("h", Service::Smtp, "A@x.test", &token, &refused(), now());
        assert_eq!(d.fault, Fault::User);
        assert!(d.explanation.contains("b@x.test"), "{d}");
        // The same user in another case is the same user.
        let d = diagnose("h", Service::Smtp, "B@X.test", &token, &refused(), now());
        assert_eq!(d.fault, Fault::Token);
    }

    #[test]
    fn a_microsoft_token_without_the_imap_scope_is_the_scopes_fault() {
        let token = jwt(serde_json::json!({
            "upn": "a@nhs.net", "exp": 1_800_003_600, "scp": "SMTP.Send offline_access"
        }));
        let d = diagnose(
            "outlook.office365.com",
            Service::Imap,
            "a@nhs.net",
            &token,
            &refused(),
            now(),
        );
        assert_eq!(d.fault, Fault::Scope);
        assert!(d.explanation.contains("IMAP.AccessAsUser.All"), "{d}");
        let d = diagnose(
            "smtp.office365.com",
            Service::Smtp,
            "a@nhs.net",
            &token,
            &refused(),
            now(),
        );
        assert_eq!(d.fault, Fault::Token, "{d}");
        // App-only tokens carry roles instead.
        let app = jwt(serde_json::json!({"exp": 1_800_003_600, "roles": ["IMAP.AccessAsApp"]}));
        let d = diagnose(
            "outlook.office365.com",
            Service::Imap,
            "a@nhs.net",
            &app,
            &refused(),
            now(),
        );
        assert_eq!(d.fault, Fault::Token, "{d}");
    }

    #[test]
    fn a_token_without_the_scope_the_server_names_is_the_scopes_fault() {
        let token =
            jwt(serde_json::json!({"sub": "a@x.test", "exp": 1_800_003_600, "scope": "calendar"}));
        let d = diagnose("h", Service::Imap, "a@x.test", &token, &refused(), now());
        assert_eq!(d.fault, Fault::Scope, "{d}");
        assert!(
            d.explanation.contains("(calendar) do not include mail"),
            "{d}"
        );
        let token = jwt(
            serde_json::json!({"sub": "a@x.test", "exp": 1_800_003_600, "scope": "openid mail"}),
        );
        let d = diagnose("h", Service::Imap, "a@x.test", &token, &refused(), now());
        assert_eq!(d.fault, Fault::Token, "{d}");
    }

    #[test]
    fn an_opaque_token_gets_every_hint() {
        let token = Secret::new("ya29.opaque-google-token".into());
        let d = diagnose(
            "imap.gmail.com",
            Service::Imap,
            "a@gmail.com",
            &token,
            &refused(),
            now(),
        );
        assert_eq!(d.fault, Fault::Token);
        assert!(d.explanation.contains("https://mail.google.com/"), "{d}");
        assert!(!d.to_string().contains("ya29"));
    }

    #[test]
    fn a_good_looking_token_the_server_refuses_is_untrusted() {
        let token = jwt(serde_json::json!({"sub": "a@x.test", "exp": 1_800_003_600}));
        let d = diagnose("h", Service::Imap, "a@x.test", &token, &refused(), now());
        assert_eq!(d.fault, Fault::Token);
        assert!(d.explanation.contains("signed by another key"), "{d}");
    }
}
