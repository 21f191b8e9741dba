//! Checking what the study lead wrote ([`super::raw`]) into a
//! [`super::Survey`] field by field, every problem collected with its line
//! and a fix. The servers' and the questions' checks are beside their types
//! ([`super::servers`], [`super::questions`]).

use std::path::{Path, PathBuf};

use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use jiff::{SignedDuration, ZonedDateTime as Zoned};
use lettre::Address;
use toml::Spanned;

use crate::survey::problems::{Problems, line_column};

use super::raw::*;
use super::*;

pub(super) struct Checker<'a> {
    pub(super) file: &'a Path,
    pub(super) text: &'a str,
    pub(super) problems: Problems,
}

impl Checker<'_> {
    pub(super) fn problem<T>(
        &mut self,
        at: &Spanned<T>,
        message: impl Into<String>,
        fix: impl Into<String>,
    ) {
        let (line, column) = line_column(self.text, at.span().start);
        self.problems
            .at(self.file, Some((line, Some(column))), message, fix);
    }

    pub(super) fn relative(&self, name: &str) -> PathBuf {
        let path = Path::new(name);
        if path.is_absolute() {
            path.to_owned()
        } else {
            self.file.parent().unwrap_or(Path::new(".")).join(path)
        }
    }

    pub(super) fn address(&mut self, value: &Spanned<String>, what: &str) -> Option<Address> {
        match value.get_ref().trim().parse::<Address>() {
            Ok(address) => Some(address),
            Err(err) => {
                self.problem(
                    value,
                    format!(
                        "{what} '{}' is not an email address ({err})",
                        value.get_ref()
                    ),
                    "write a plain address such as name@example.org",
                );
                None
            }
        }
    }

    pub(super) fn survey(&mut self, raw: RawSurvey) -> Option<Survey> {
        let meta_span = raw.survey.span();
        let meta = raw.survey.into_inner();
        let id = self.survey_id(&meta.id);
        let study = Study {
            purpose: meta.purpose,
            run_by: meta.run_by,
            ethics_reference: meta.ethics_reference,
            data_use: meta.data_use,
            withdrawal: meta.withdrawal,
        };
        let recipients_file = self.relative(meta.recipients.get_ref());

        let leads = self.leads(raw.lead, meta_span);

        let sender = self.sender(raw.sender);

        let period = match raw.period {
            None => {
                self.problems.at(
                    self.file,
                    None,
                    "no [period] table",
                    "add [period] with time_zone, open and close",
                );
                None
            }
            Some(period) => self.period(period.into_inner()),
        };

        let default_user = sender
            .as_ref()
            .map(|s| s.address.to_string())
            .unwrap_or_default();
        let smtp = self.server(raw.smtp, "smtp", 587, &default_user);
        let imap = self.server(raw.imap, "imap", 143, &default_user);
        let sending = self.sending(raw.sending);
        let digest = self.digest(raw.report.as_ref());
        let report = self.report(raw.report);
        let replies = self.replies(raw.replies);
        let retention_days = self.retention(raw.retention);

        let questions = self.questions(raw.question);

        Some(Survey {
            file: self.file.to_owned(),
            title: meta.title.clone(),
            subject: meta.subject.unwrap_or_else(|| meta.title.clone()),
            description: meta.description,
            study,
            leads,
            sender: sender?,
            period: period?,
            smtp: smtp?,
            imap: imap?,
            sending: sending?,
            questions,
            recipients_file,
            templates_dir: meta.templates.map(|t| self.relative(&t)),
            database: self.relative(meta.database.as_deref().unwrap_or("mailsurvey.db")),
            report,
            digest,
            replies,
            retention_days,
            id,
            derived: Derived::default(),
        })
    }

    /// The survey's id: letters, digits, '-' or '_', as it keys the store.
    fn survey_id(&mut self, raw: &Spanned<String>) -> String {
        let id = raw.get_ref().trim().to_owned();
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            self.problem(
                raw,
                format!("survey id '{id}' must be letters, digits, '-' or '_'"),
                "choose a short stable name such as ketamine-2026",
            );
        }
        id
    }

    /// The `[[lead]]` tables: at least one, each with a valid address.
    fn leads(
        &mut self,
        raw: Vec<Spanned<RawPerson>>,
        meta_span: std::ops::Range<usize>,
    ) -> Vec<Person> {
        if raw.is_empty() {
            let (line, column) = line_column(self.text, meta_span.start);
            self.problems.at(
                self.file,
                Some((line, Some(column))),
                "no study lead: nobody would receive the report",
                "add a [[lead]] table with name and email",
            );
        }
        let mut leads = Vec::new();
        for lead in raw {
            let lead = lead.into_inner();
            if let Some(address) = self.address(&lead.email, "lead email") {
                leads.push(Person {
                    name: lead.name,
                    email: address.to_string(),
                });
            }
        }
        leads
    }

    /// The `[sender]` table: its address, and the reply address tokens are
    /// added to, which must leave room for them.
    fn sender(&mut self, raw: Option<Spanned<RawSender>>) -> Option<Sender> {
        match raw {
            None => {
                self.problems.at(
                    self.file,
                    None,
                    "no [sender] table",
                    "add [sender] with name and address (the mailbox the daemon reads)",
                );
                None
            }
            Some(sender) => {
                let sender = sender.into_inner();
                let address = self.address(&sender.address, "sender address");
                let reply_to = match &sender.reply_to {
                    Some(reply_to) => self.address(reply_to, "reply_to"),
                    None => address.clone(),
                };
                if let Some(reply_to) = &reply_to
                    && reply_to.user().contains('+')
                {
                    self.problem(
                        sender.reply_to.as_ref().unwrap_or(&sender.address),
                        "the reply address already has a '+' part; tokens are added as +TOKEN",
                        "give the address without '+...'",
                    );
                }
                if let Some(reply_to) = &reply_to
                    && reply_to.user().len() + "+u.".len() + crate::compose::token::TOKEN_LEN > 64
                {
                    self.problem(
                    sender.reply_to.as_ref().unwrap_or(&sender.address),
                    format!(
                        "the reply address's local part '{}' is too long: with '+u.' and a {}-character token it would pass the 64 characters an address's local part may have",
                        reply_to.user(),
                        crate::compose::token::TOKEN_LEN
                    ),
                    format!(
                        "use a local part of at most {} characters (e.g. survey@...)",
                        64 - 3 - crate::compose::token::TOKEN_LEN
                    ),
                );
                }
                match (address, reply_to) {
                    (Some(address), Some(reply_to)) => Some(Sender {
                        name: sender.name,
                        address,
                        reply_to,
                    }),
                    _ => None,
                }
            }
        }
    }

    /// `[retention] days`: from 0 to 100 years.
    fn retention(&mut self, raw: Option<RawRetention>) -> Option<u32> {
        raw.and_then(|r| {
        let days = *r.days.get_ref();
        if (0..=36_500).contains(&days) {
            Some(days as u32)
        } else {
            self.problem(
                &r.days,
                format!("retention.days must be from 0 to 36500, not {days}"),
                "give the number of days after the report is sent before `mailsurvey purge` may delete the personal data",
            );
            None
        }
    })
    }

    fn replies(&mut self, raw: Option<RawReplies>) -> ReplySettings {
        let mut settings = ReplySettings::default();
        let Some(raw) = raw else { return settings };
        if let Some(inbox) = raw.inbox {
            settings.inbox = inbox;
        }
        if let Some(folders) = raw.folders {
            let f = &mut settings.folders;
            for (value, slot) in [
                (folders.processed, &mut f.processed),
                (folders.unmatched, &mut f.unmatched),
                (folders.auto_replies, &mut f.auto_replies),
                (folders.bounces, &mut f.bounces),
                (folders.quarantine, &mut f.quarantine),
            ] {
                if let Some(value) = value {
                    *slot = value;
                }
            }
        }
        if let Some(poll) = raw.poll_interval.as_ref()
            && let Some(d) = self.duration(Some(poll), "30s")
        {
            settings.poll_interval = d;
        }
        let mut count = |value: &Option<Spanned<i64>>, min: i64, what: &str, slot: &mut u32| {
            if let Some(v) = value {
                if *v.get_ref() < min {
                    self.problem(
                        v,
                        format!("replies.{what} must be at least {min}"),
                        format!("set replies.{what} = {min} or more"),
                    );
                } else {
                    *slot = *v.get_ref() as u32;
                }
            }
        };
        count(
            &raw.max_clarifications,
            0,
            "max_clarifications",
            &mut settings.max_clarifications,
        );
        count(
            &raw.daily_auto_limit,
            1,
            "daily_auto_limit",
            &mut settings.daily_auto_limit,
        );
        let mut mb = 25;
        count(&raw.max_message_mb, 1, "max_message_mb", &mut mb);
        settings.max_message_bytes = mb as usize * 1024 * 1024;
        if let Some(receipts) = raw.receipts {
            settings.receipts = receipts;
        }
        if let Some(notice) = raw.closed_notice {
            settings.closed_notice = notice;
        }
        if let Some(id) = &raw.trusted_authserv_id {
            let value = id.get_ref().trim();
            if value.is_empty()
                || value.contains(|c: char| c.is_whitespace() || c == ';' || c == '=')
            {
                self.problem(
                    id,
                    format!("replies.trusted_authserv_id '{value}' is not an authserv-id"),
                    "give the host name your mail server writes first in its Authentication-Results header (e.g. \"mail.example.org\"), or remove the line",
                );
            } else {
                settings.trusted_authserv_id = Some(value.to_ascii_lowercase());
            }
        }
        if let Some(policy) = &raw.different_sender {
            match policy.get_ref().as_str() {
                "hold" => settings.accept_different_sender = false,
                "accept" => settings.accept_different_sender = true,
                other => {
                    let other = other.to_owned();
                    self.problem(
                        policy,
                        format!("unknown different_sender policy '{other}'"),
                        "use \"hold\" (the lead decides) or \"accept\"",
                    );
                }
            }
        }
        settings
    }

    fn report(&mut self, raw: Option<RawReport>) -> ReportSettings {
        let mut settings = ReportSettings::default();
        let Some(raw) = raw else {
            return settings;
        };
        if let Some(column) = &raw.breakdown {
            let name = column.get_ref().trim();
            if name.is_empty() {
                self.problem(
                    column,
                    "report.breakdown is empty",
                    "name a recipient-list column such as \"centre\", or remove the line",
                );
            } else if ["name", "email"].contains(&name.to_ascii_lowercase().as_str()) {
                self.problem(
                    column,
                    format!("the report cannot be broken down by '{name}': every group would be one person"),
                    "name a column that groups people, such as \"centre\"",
                );
            } else {
                settings.breakdown = Some(name.to_owned());
            }
        }
        if let Some(min_cell) = &raw.min_cell {
            if *min_cell.get_ref() < 1 {
                self.problem(
                    min_cell,
                    "report.min_cell must be at least 1",
                    "set min_cell = 5 (the usual threshold) or more",
                );
            } else {
                settings.min_cell = *min_cell.get_ref() as usize;
            }
        }
        if let Some(include_names) = raw.include_names {
            settings.include_names = include_names;
        }
        if let Some(participants) = &raw.participants {
            let noun = participants.get_ref().trim();
            if noun.is_empty() {
                self.problem(
                    participants,
                    "report.participants is empty",
                    "write a plural noun such as \"doctors\", or remove the line",
                );
            } else {
                settings.participants = noun.to_owned();
            }
        }
        settings
    }

    /// The progress digest's settings from `[report]`: `digest` (when),
    /// `digest_results`, `digest_names`.
    fn digest(&mut self, raw: Option<&RawReport>) -> DigestSettings {
        let mut settings = DigestSettings::default();
        let Some(raw) = raw else {
            return settings;
        };
        if let Some(entries) = &raw.digest {
            settings.schedule.clear();
            for entry in entries {
                match DigestAt::parse(entry.get_ref()) {
                    Some(at) => settings.schedule.push(at),
                    None => self.problem(
                        entry,
                        format!("'{}' is not a time for the progress digest", entry.get_ref()),
                        "write e.g. \"Monday 09:00\", \"daily 18:00\", \"after each reminder\" or \"1 day before close\" (local time in the survey's time zone); digest = [] sends none",
                    ),
                }
            }
        }
        settings.results = raw.digest_results.unwrap_or(false);
        settings.names = raw.digest_names.unwrap_or(false);
        settings
    }

    fn period(&mut self, raw: RawPeriod) -> Option<Period> {
        let time_zone = match TimeZone::get(raw.time_zone.get_ref()) {
            Ok(tz) => Some(tz),
            Err(_) => {
                self.problem(
                    &raw.time_zone,
                    format!("unknown time zone '{}'", raw.time_zone.get_ref()),
                    "use an IANA name such as Europe/London",
                );
                None
            }
        };
        let mut at = |value: &Spanned<String>, what: &str| -> Option<Zoned> {
            let tz = time_zone.clone()?;
            match value.get_ref().parse::<DateTime>() {
                Ok(civil) => match civil.to_zoned_datetime(tz) {
                    Ok(zoned) => Some(zoned),
                    Err(err) => {
                        self.problem(value, format!("{what}: {err}"), "choose another time");
                        None
                    }
                },
                Err(err) => {
                    self.problem(
                        value,
                        format!(
                            "{what} '{}' is not a date and time ({err})",
                            value.get_ref()
                        ),
                        "write it as 2026-12-01T09:00 (local time in time_zone)",
                    );
                    None
                }
            }
        };
        let open = at(&raw.open, "open");
        let close = at(&raw.close, "close");
        let (open, close) = (open?, close?);
        if close <= open {
            self.problem(
                &raw.close,
                format!("close ({close}) is not after open ({open})"),
                "set close to a time after open",
            );
            return None;
        }
        let mut reminders = Vec::new();
        for spec in &raw.reminders {
            match Reminder::parse(spec.get_ref()) {
                Some(Reminder::BeforeClose(d)) if close.checked_sub(d).is_ok_and(|at| at < open) => self.problem(
                    spec,
                    format!("reminder '{}' falls before the survey opens", spec.get_ref()),
                    "use a shorter time before close",
                ),
                Some(reminder) => reminders.push(reminder),
                None => self.problem(
                    spec,
                    format!("'{}' is not a reminder time", spec.get_ref()),
                    "write e.g. \"7 days before close\" or \"3 days after invitation\" (durations in days, hours, minutes or seconds)",
                ),
            }
        }
        Some(Period {
            time_zone: time_zone?,
            open,
            close,
            reminders,
            early_close: raw.early_close,
        })
    }

    pub(super) fn sending(&mut self, raw: Option<RawSending>) -> Option<Sending> {
        let raw = raw.unwrap_or(RawSending {
            max_connections: None,
            rate_per_minute: None,
            daily_limit: None,
            quota_window: None,
            retry_base: None,
            retry_max: None,
            max_attempts: None,
            verp: None,
            read_bounce_reports: None,
        });
        let mut positive = |value: &Option<Spanned<i64>>, default: i64, what: &str| -> i64 {
            match value {
                Some(v) if *v.get_ref() < 1 => {
                    self.problem(
                        v,
                        format!("{what} must be at least 1"),
                        format!("set {what} = 1 or more"),
                    );
                    default
                }
                Some(v) => *v.get_ref(),
                None => default,
            }
        };
        let max_connections = positive(&raw.max_connections, 4, "max_connections") as usize;
        let max_attempts = positive(&raw.max_attempts, 10, "max_attempts") as u32;
        let rate = raw
            .rate_per_minute
            .as_ref()
            .map(|_| positive(&raw.rate_per_minute, 60, "rate_per_minute") as u32);
        let daily_limit = raw
            .daily_limit
            .as_ref()
            .map(|_| positive(&raw.daily_limit, 10_000, "daily_limit") as u32);
        let retry_base = self.duration(raw.retry_base.as_ref(), "30s")?;
        let quota_window = self.duration(raw.quota_window.as_ref(), "24h")?;
        if let Some(v) = &raw.quota_window
            && quota_window.as_secs() < 1
        {
            self.problem(
                v,
                "quota_window must be at least a second",
                "write a window such as 24h (Exchange Online) or 1m",
            );
        }
        let retry_max = self.duration(raw.retry_max.as_ref(), "1h")?;
        Some(Sending {
            max_connections,
            rate_per_minute: rate,
            daily_limit,
            quota_window,
            retry_base,
            retry_max,
            max_attempts,
            verp: raw.verp.unwrap_or(true),
            read_bounce_reports: raw.read_bounce_reports.unwrap_or(true),
        })
    }

    pub(super) fn duration(
        &mut self,
        value: Option<&Spanned<String>>,
        default: &str,
    ) -> Option<SignedDuration> {
        let text = value.map_or(default, |v| v.get_ref().as_str());
        match parse_duration(text) {
            Some(d) => Some(d),
            None => {
                self.problem(
                    value.expect("defaults parse"),
                    format!("'{text}' is not a duration"),
                    "write a duration such as 30s, 5m, 2h or 7 days",
                );
                None
            }
        }
    }
}
