//! When the progress digest goes to the leads, and what it may say, as the
//! survey file's `[report]` table sets it (`digest`, `digest_results`,
//! `digest_names`). The slots themselves are computed by
//! `crate::report::digest::schedule`.

use jiff::civil::{Time, Weekday};

/// One entry of `digest = [...]`.
#[derive(Debug, Clone)]
pub enum DigestAt {
    /// Every week on this day (`"Monday 09:00"`), or every day when `None`
    /// (`"daily 09:00"`), at this local time in the survey's time zone.
    Weekly {
        /// The day, or every day.
        day: Option<Weekday>,
        /// The local time.
        time: Time,
    },
    /// When each reminder round falls due (`"after each reminder"`).
    AfterEachReminder,
    /// This long before the close (`"1 day before close"`).
    BeforeClose(jiff::Span),
}

impl DigestAt {
    /// Reads `Monday 09:00` (a weekday, in English, whole or its first
    /// three letters), `daily 18:30`, `after each reminder` or `2 days
    /// before close`.
    pub fn parse(text: &str) -> Option<DigestAt> {
        let text = text.trim();
        let lower = text.to_ascii_lowercase();
        if matches!(
            lower.as_str(),
            "after each reminder" | "after reminders" | "after each reminder round"
        ) {
            return Some(DigestAt::AfterEachReminder);
        }
        if let Some(super::Reminder::BeforeClose(span)) = super::Reminder::parse(&lower) {
            return Some(DigestAt::BeforeClose(span));
        }
        let (day, time) = lower.split_once(char::is_whitespace)?;
        let time: Time = time.trim().parse().ok()?;
        let day = match day {
            "daily" => None,
            day => Some(weekday(day)?),
        };
        Some(DigestAt::Weekly { day, time })
    }
}

fn weekday(name: &str) -> Option<Weekday> {
    const DAYS: [(&str, Weekday); 7] = [
        ("monday", Weekday::Monday),
        ("tuesday", Weekday::Tuesday),
        ("wednesday", Weekday::Wednesday),
        ("thursday", Weekday::Thursday),
        ("friday", Weekday::Friday),
        ("saturday", Weekday::Saturday),
        ("sunday", Weekday::Sunday),
    ];
    DAYS.iter()
        .find(|(full, _)| name == *full || (name.len() == 3 && full.starts_with(name)))
        .map(|(_, day)| *day)
}

/// The progress digest's settings.
#[derive(Debug, Clone)]
pub struct DigestSettings {
    /// When it goes; empty (`digest = []`) for never. Without the setting:
    /// after each reminder round and one day before the close.
    pub schedule: Vec<DigestAt>,
    /// Show the interim results paragraph (`digest_results = true`).
    /// Off by default: seeing interim results can bias a study.
    pub results: bool,
    /// Name the people who have not replied (`digest_names = true`);
    /// otherwise they are counted, and the per-centre line hides groups
    /// smaller than `min_cell`, as the report does.
    pub names: bool,
}

impl Default for DigestSettings {
    fn default() -> DigestSettings {
        DigestSettings {
            schedule: vec![
                DigestAt::AfterEachReminder,
                DigestAt::BeforeClose(jiff::Span::new().days(1)),
            ],
            results: false,
            names: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_times_as_a_lead_writes_them() {
        let weekly = |text: &str| match DigestAt::parse(text) {
            Some(DigestAt::Weekly { day, time }) => Some((day, time.to_string())),
            _ => None,
        };
        assert_eq!(
            weekly("Monday 09:00"),
            Some((Some(Weekday::Monday), "09:00:00".into()))
        );
        assert_eq!(
            weekly(" fri 17:30 "),
            Some((Some(Weekday::Friday), "17:30:00".into()))
        );
        assert_eq!(weekly("daily 08:15"), Some((None, "08:15:00".into())));
        assert!(matches!(
            DigestAt::parse("after each reminder"),
            Some(DigestAt::AfterEachReminder)
        ));
        assert!(matches!(
            DigestAt::parse("2 days before close"),
            Some(DigestAt::BeforeClose(span)) if span.get_days() == 2
        ));
        for wrong in [
            "",
            "Monday",
            "Mon 25:00",
            "someday 09:00",
            "mo 09:00",
            "3 days after invitation",
            "every Monday",
        ] {
            assert!(DigestAt::parse(wrong).is_none(), "{wrong:?}");
        }
    }
}
