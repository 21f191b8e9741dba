//! Logging in: a user name and a secret from the environment, a file or a
//! command, never the survey file. One type for all of it, so OAuth2 bearer
//! tokens (XOAUTH2, whose token a command prints, as himalaya does) slot in
//! beside passwords.

use std::process::Command;

use crate::survey::{SecretSource, Server};
use crate::{Error, Result};

/// A resolved secret. Its `Debug` never shows the value.
#[derive(Clone)]
pub struct Secret(String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(<hidden>)")
    }
}

impl Secret {
    /// The value, for the one call that needs it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

/// What a server is logged in with.
#[derive(Debug, Clone)]
pub struct Credentials {
    /// Login name.
    pub username: String,
    /// Password (or, later, a bearer token).
    pub secret: Secret,
}

impl Credentials {
    /// Resolves the server's credentials; `None` when it has no login.
    pub fn for_server(server: &Server) -> Result<Option<Credentials>> {
        let Some(source) = &server.password else {
            return Ok(None);
        };
        Ok(Some(Credentials {
            username: server.username.clone(),
            secret: resolve(source)?,
        }))
    }
}

/// Warns, at start, about every password or token file of `survey`'s
/// servers that others than its owner may read or write: whoever reads it
/// can read every doctor's replies. Returns the warnings given.
pub fn warn_if_exposed(survey: &crate::survey::Survey) -> Vec<String> {
    let mut warnings = Vec::new();
    for (what, server) in [("smtp", &survey.smtp), ("imap", &survey.imap)] {
        let Some(SecretSource::File(path)) = &server.password else {
            continue;
        };
        if let Some(mode) = crate::privacy::exposed(path) {
            let warning = format!(
                "[{what}] password file {} can be read by others (mode {mode:o}): run `chmod 600 {}`",
                path.display(),
                path.display()
            );
            tracing::warn!("{warning}");
            warnings.push(warning);
        }
    }
    warnings.dedup();
    warnings
}

/// Reads a secret from its source: an environment variable's value, a
/// file's first line, or a command's first line of output.
pub fn resolve(source: &SecretSource) -> Result<Secret> {
    let value = match source {
        SecretSource::Env(name) => std::env::var(name).map_err(|_| {
            Error::Credentials(format!(
                "environment variable {name} is not set; export it before starting mailsurvey"
            ))
        })?,
        SecretSource::File(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| {
                Error::Credentials(format!("cannot read password file {}: {e}", path.display()))
            })?;
            first_line(&text)
        }
        SecretSource::Command(command) => {
            let output = Command::new("sh")
                .arg("-c")
                .arg(command)
                .output()
                .map_err(|e| Error::Credentials(format!("cannot run password_command: {e}")))?;
            if !output.status.success() {
                return Err(Error::Credentials(format!(
                    "password command exited with {}; run it by hand to see why",
                    output.status
                )));
            }
            first_line(&String::from_utf8_lossy(&output.stdout))
        }
    };
    if value.is_empty() {
        return Err(Error::Credentials(format!(
            "{source:?} gave an empty password"
        )));
    }
    Ok(Secret(value))
}

fn first_line(text: &str) -> String {
    text.lines()
        .next()
        .unwrap_or_default()
        .trim_end_matches('\r')
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_from_each_source() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("pw");
        std::fs::write(&file, "s3cret\nignored\n").unwrap();
        assert_eq!(
            resolve(&SecretSource::File(file)).unwrap().expose(),
            "s3cret"
        );
        assert_eq!(
            resolve(&SecretSource::Command("printf 'tok\\nmore'".into()))
                .unwrap()
                .expose(),
            "tok"
        );
        assert!(resolve(&SecretSource::Command("exit 3".into())).is_err());
        assert!(resolve(&SecretSource::Env("MAILSURVEY_SURELY_UNSET_VAR".into())).is_err());
    }

    #[test]
    fn debug_never_shows_the_secret() {
        let secret = Secret("hunter2".into());
        assert!(!format!("{secret:?}").contains("hunter2"));
    }
}
