//! Health: what the running daemon last found wrong with each part of a
//! survey (its servers, its mailbox, filing), and since when.

use jiff::Timestamp;
use rusqlite::params;

use super::Store;
use crate::Result;

/// The parts of a survey whose health the daemon records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HealthPart {
    /// Sending.
    Smtp,
    /// Reading the mailbox.
    Imap,
    /// The survey's daemon as a whole (refused login, store failure).
    Survey,
    /// Moving processed messages to their folders on the server (a move
    /// the server refuses, a folder it cannot create).
    Filing,
}

impl HealthPart {
    /// How `status` names the part.
    pub fn label(self) -> &'static str {
        match self {
            HealthPart::Smtp => "SMTP",
            HealthPart::Imap => "IMAP",
            HealthPart::Survey => "survey",
            HealthPart::Filing => "filing",
        }
    }

    pub(super) fn as_str(self) -> &'static str {
        match self {
            HealthPart::Smtp => "smtp",
            HealthPart::Imap => "imap",
            HealthPart::Survey => "survey",
            HealthPart::Filing => "filing",
        }
    }

    pub(super) fn parse(text: &str) -> Option<HealthPart> {
        match text {
            "smtp" => Some(HealthPart::Smtp),
            "imap" => Some(HealthPart::Imap),
            "survey" => Some(HealthPart::Survey),
            "filing" => Some(HealthPart::Filing),
            _ => None,
        }
    }
}

impl Store {
    /// Records what the daemon knows of one part of a survey (`None`: well).
    /// Writes only on a change, and keeps `since` while the part stays
    /// unwell (its words may change: a count of waiting messages grows), so
    /// `since` is when the problem began.
    pub fn set_health(
        &self,
        survey_id: &str,
        part: HealthPart,
        problem: Option<&str>,
        now: Timestamp,
    ) -> Result<()> {
        self.lock().execute(
            "INSERT INTO health (survey_id, part, problem, since) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (survey_id, part) DO UPDATE SET problem = excluded.problem,
                since = CASE WHEN health.problem IS NULL OR excluded.problem IS NULL
                        THEN excluded.since ELSE health.since END
             WHERE health.problem IS NOT excluded.problem",
            params![survey_id, part.as_str(), problem, now.as_second()],
        )?;
        Ok(())
    }

    /// The problems the daemon last recorded for a survey, with since when.
    pub fn health(&self, survey_id: &str) -> Result<Vec<(HealthPart, String, Timestamp)>> {
        let conn = self.lock();
        let mut stmt = conn.prepare_cached(
            "SELECT part, problem, since FROM health WHERE survey_id = ?1 AND problem IS NOT NULL ORDER BY part",
        )?;
        let rows = stmt.query_map([survey_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (part, problem, since) = row?;
            let Some(part) = HealthPart::parse(&part) else {
                continue;
            };
            out.push((
                part,
                problem,
                Timestamp::from_second(since).expect("stored times are in range"),
            ));
        }
        Ok(out)
    }
}
