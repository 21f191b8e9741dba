//! Keeping personal data no longer than needed: `[retention] days` and
//! `mailsurvey purge`. Once the report has gone to the lead(s) and the days
//! have passed, the raw messages, senders, names and addresses are deleted;
//! the answers stay under the pseudonyms the report uses (R001, ...), with
//! the one recipient-list column the report breaks results down by, so the
//! figures can be rebuilt and checked. What stays and why is in the README.

use std::path::{Path, PathBuf};

use jiff::{SignedDuration, Timestamp};

use crate::store::{Purged, Store};
use crate::survey::Survey;
use crate::{Error, Result};

/// Whether a purge may run now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// The survey file sets no `[retention] days`.
    NotConfigured,
    /// The report has not been sent: the data is still needed.
    NoReport,
    /// The report went at `sent`; the days pass at `from`.
    NotYet {
        /// When the report was sent.
        sent: Timestamp,
        /// When a purge may run.
        from: Timestamp,
    },
    /// It may run.
    Due,
    /// It ran already, at this time.
    Done(Timestamp),
}

/// Decides whether the purge is due: pure.
pub fn due(
    days: Option<u32>,
    report_sent: Option<Timestamp>,
    purged: Option<Timestamp>,
    now: Timestamp,
) -> Due {
    if let Some(at) = purged {
        return Due::Done(at);
    }
    let Some(days) = days else {
        return Due::NotConfigured;
    };
    let Some(sent) = report_sent else {
        return Due::NoReport;
    };
    let from = sent + SignedDuration::from_hours(24 * i64::from(days));
    if now < from {
        Due::NotYet { sent, from }
    } else {
        Due::Due
    }
}

/// Runs `mailsurvey purge`: deletes the personal data if it is due, and
/// says what was done, or why not.
pub fn purge(store: &Store, survey: &Survey, now: Timestamp) -> Result<(Option<Purged>, String)> {
    match due(
        survey.retention_days,
        store.report_sent_at(&survey.id)?,
        store.purged_at(&survey.id)?,
        now,
    ) {
        Due::NotConfigured => Err(Error::Other(format!(
            "{} sets no retention: add\n\n[retention]\ndays = 90\n\n(the days after the report is sent before the personal data is deleted)",
            survey.file.display()
        ))),
        Due::NoReport => Err(Error::Other(
            "the report has not been sent yet: the data is still needed (`mailsurvey close` sends it)".into(),
        )),
        Due::NotYet { sent, from } => Err(Error::Other(format!(
            "the report was sent at {sent}; with [retention] days = {}, the personal data may be deleted from {from}",
            survey.retention_days.unwrap_or_default()
        ))),
        Due::Done(at) => {
            let folders = remove_kept_reports(&reports_folder(&survey.database), &survey.id)?;
            Ok((
                None,
                match folders {
                    0 => format!("already purged at {at}; nothing to do"),
                    n => format!("already purged at {at}; {n} kept report folder(s) deleted"),
                },
            ))
        }
        Due::Due => {
            let purged = store.purge(&survey.id, survey.report.breakdown.as_deref(), now)?;
            let folders = remove_kept_reports(&reports_folder(&survey.database), &survey.id)?;
            Ok((
                Some(purged),
                format!(
                    "purged: {} people now pseudonyms, {} messages emptied, {} answers kept, {folders} kept report folder(s) deleted; delete {} too: the survey no longer reads it",
                    purged.people,
                    purged.messages,
                    purged.answers_kept,
                    survey.recipients_file.display()
                ),
            ))
        }
    }
}

/// The folder beside a survey's database (`reports/`) where a report too
/// large to email keeps its data files, one folder per report.
pub fn reports_folder(database: &Path) -> PathBuf {
    database
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("reports")
}

/// Deletes the folders that reports of `survey_id` kept in `folder`
/// (`SURVEY-YYYYMMDDTHHMMSSZ`, or with `-N` after it): their
/// `responses.csv` is personal data the purge must not leave behind.
/// Other surveys' folders and anything else stay. Returns how many went.
pub fn remove_kept_reports(folder: &Path, survey_id: &str) -> Result<usize> {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(Error::io(folder, e)),
    };
    let mut removed = 0;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(folder, e))?;
        let name = entry.file_name();
        let kept = name
            .to_str()
            .and_then(|n| n.strip_prefix(survey_id))
            .and_then(|rest| rest.strip_prefix('-'))
            .is_some_and(is_report_stamp);
        if kept
            && entry
                .file_type()
                .map_err(|e| Error::io(folder, e))?
                .is_dir()
        {
            let path = entry.path();
            std::fs::remove_dir_all(&path).map_err(|e| Error::io(&path, e))?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// Whether `rest` is a report folder's time, `YYYYMMDDTHHMMSSZ`, with an
/// optional `-N` after it.
fn is_report_stamp(rest: &str) -> bool {
    let b = rest.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let stamp = b.len() >= 16 && digits(0..8) && b[8] == b'T' && digits(9..15) && b[15] == b'Z';
    stamp
        && match &rest[16..] {
            "" => true,
            more => more
                .strip_prefix('-')
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|d| d.is_ascii_digit())),
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_purge_deletes_only_this_surveys_kept_report_folders() {
        let dir = tempfile::tempdir().unwrap();
        let folder = reports_folder(&dir.path().join("ketamine.db"));
        assert_eq!(folder, dir.path().join("reports"));
        assert_eq!(remove_kept_reports(&folder, "ketamine").unwrap(), 0);
        let ours = ["ketamine-20261201T090000Z", "ketamine-20261201T090000Z-2"];
        let others = [
            "ketamine-b-20261201T090000Z",
            "other-20261201T090000Z",
            "ketamine-notes",
            "ketamine-20261201T090000Z-x",
        ];
        for name in ours.iter().chain(&others) {
            std::fs::create_dir_all(folder.join(name)).unwrap();
            std::fs::write(folder.join(name).join("responses.csv"), "R001\n").unwrap();
        }
        assert_eq!(remove_kept_reports(&folder, "ketamine").unwrap(), 2);
        for name in ours {
            assert!(!folder.join(name).exists(), "{name} should be gone");
        }
        for name in others {
            assert!(
                folder.join(name).join("responses.csv").exists(),
                "{name} should stay"
            );
        }
        assert_eq!(remove_kept_reports(&folder, "ketamine").unwrap(), 0);
    }

    #[test]
    fn due_only_after_the_report_and_the_days() {
        let sent: Timestamp = "2026-12-01T09:00:00Z".parse().unwrap();
        let day = SignedDuration::from_hours(24);
        assert_eq!(
            due(None, Some(sent), None, sent + day * 400),
            Due::NotConfigured
        );
        assert_eq!(due(Some(30), None, None, sent), Due::NoReport);
        assert_eq!(
            due(Some(30), Some(sent), None, sent + day * 29),
            Due::NotYet {
                sent,
                from: sent + day * 30
            }
        );
        assert_eq!(due(Some(30), Some(sent), None, sent + day * 30), Due::Due);
        assert_eq!(due(Some(0), Some(sent), None, sent), Due::Due);
        assert_eq!(
            due(Some(30), Some(sent), Some(sent + day * 31), sent + day * 40),
            Due::Done(sent + day * 31)
        );
    }
}
