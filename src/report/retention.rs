//! Keeping personal data no longer than needed: `[retention] days` and
//! `mailsurvey purge`. Once the report has gone to the lead(s) and the days
//! have passed, the raw messages, senders, names and addresses are deleted;
//! the answers stay under the pseudonyms the report uses (R001, ...), with
//! the one recipient-list column the report breaks results down by, so the
//! figures can be rebuilt and checked. What stays and why is in the README.

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
        Due::Done(at) => Ok((None, format!("already purged at {at}; nothing to do"))),
        Due::Due => {
            let purged = store.purge(&survey.id, survey.report.breakdown.as_deref(), now)?;
            Ok((
                Some(purged),
                format!(
                    "purged: {} people now pseudonyms, {} messages emptied, {} answers kept; delete {} too: the survey no longer reads it",
                    purged.people,
                    purged.messages,
                    purged.answers_kept,
                    survey.recipients_file.display()
                ),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
