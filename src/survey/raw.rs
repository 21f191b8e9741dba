//! What the study lead wrote: a serde mirror of the survey file's TOML,
//! every field as written (with its place in the file where a problem may
//! be reported), before [`super::checker`] turns it into a [`super::Survey`].

use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSurvey {
    pub(super) survey: Spanned<RawMeta>,
    #[serde(default)]
    pub(super) lead: Vec<Spanned<RawPerson>>,
    pub(super) sender: Option<Spanned<RawSender>>,
    pub(super) period: Option<Spanned<RawPeriod>>,
    pub(super) smtp: Option<Spanned<RawServer>>,
    pub(super) imap: Option<Spanned<RawServer>>,
    pub(super) sending: Option<RawSending>,
    #[serde(default)]
    pub(super) question: Vec<Spanned<RawQuestion>>,
    pub(super) report: Option<RawReport>,
    pub(super) replies: Option<RawReplies>,
    pub(super) retention: Option<RawRetention>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRetention {
    pub(super) days: Spanned<i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawReplies {
    pub(super) inbox: Option<String>,
    pub(super) folders: Option<RawFolders>,
    pub(super) poll_interval: Option<Spanned<String>>,
    pub(super) max_message_mb: Option<Spanned<i64>>,
    pub(super) receipts: Option<bool>,
    pub(super) max_clarifications: Option<Spanned<i64>>,
    pub(super) daily_auto_limit: Option<Spanned<i64>>,
    pub(super) different_sender: Option<Spanned<String>>,
    pub(super) closed_notice: Option<bool>,
    pub(super) trusted_authserv_id: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFolders {
    pub(super) processed: Option<String>,
    pub(super) unmatched: Option<String>,
    pub(super) auto_replies: Option<String>,
    pub(super) bounces: Option<String>,
    pub(super) quarantine: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawReport {
    pub(super) breakdown: Option<Spanned<String>>,
    pub(super) min_cell: Option<Spanned<i64>>,
    pub(super) include_names: Option<bool>,
    pub(super) participants: Option<Spanned<String>>,
    pub(super) digest: Option<Vec<Spanned<String>>>,
    pub(super) digest_results: Option<bool>,
    pub(super) digest_names: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMeta {
    pub(super) id: Spanned<String>,
    pub(super) title: String,
    #[serde(default)]
    pub(super) description: String,
    pub(super) subject: Option<String>,
    pub(super) recipients: Spanned<String>,
    pub(super) templates: Option<String>,
    pub(super) database: Option<String>,
    #[serde(default)]
    pub(super) purpose: String,
    #[serde(default)]
    pub(super) run_by: String,
    #[serde(default)]
    pub(super) ethics_reference: String,
    #[serde(default)]
    pub(super) data_use: String,
    #[serde(default)]
    pub(super) withdrawal: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPerson {
    pub(super) name: String,
    pub(super) email: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSender {
    pub(super) name: String,
    pub(super) address: Spanned<String>,
    pub(super) reply_to: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPeriod {
    pub(super) time_zone: Spanned<String>,
    pub(super) open: Spanned<String>,
    pub(super) close: Spanned<String>,
    #[serde(default)]
    pub(super) reminders: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) early_close: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawServer {
    pub(super) host: String,
    pub(super) port: Option<u16>,
    pub(super) security: Option<Spanned<String>>,
    pub(super) username: Option<String>,
    pub(super) auth: Option<Spanned<String>>,
    pub(super) password: Option<Spanned<toml::Value>>,
    pub(super) token: Option<Spanned<toml::Value>>,
    pub(super) ca_file: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSending {
    pub(super) max_connections: Option<Spanned<i64>>,
    pub(super) rate_per_minute: Option<Spanned<i64>>,
    pub(super) daily_limit: Option<Spanned<i64>>,
    pub(super) quota_window: Option<Spanned<String>>,
    pub(super) retry_base: Option<Spanned<String>>,
    pub(super) retry_max: Option<Spanned<String>>,
    pub(super) max_attempts: Option<Spanned<i64>>,
    pub(super) verp: Option<bool>,
    pub(super) read_bounce_reports: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawQuestion {
    pub(super) id: Spanned<String>,
    #[serde(rename = "type")]
    pub(super) kind: Spanned<String>,
    pub(super) text: Spanned<String>,
    #[serde(default = "yes")]
    pub(super) required: bool,
    pub(super) min: Option<Spanned<f64>>,
    pub(super) max: Option<Spanned<f64>>,
    pub(super) min_label: Option<String>,
    pub(super) max_label: Option<String>,
    pub(super) options: Option<Vec<Spanned<RawOption>>>,
    /// `["not_applicable", "prefer_not_to_say"]`: answers that are no value.
    pub(super) allow: Option<Spanned<Vec<Spanned<String>>>>,
    /// A condition on earlier answers (`used_ketamine == yes`).
    pub(super) show_if: Option<Spanned<String>>,
    /// A date question's order of day and month: `dmy` or `mdy`.
    pub(super) date_order: Option<Spanned<String>>,
    /// A duration question's unit: `years`, `months`, `weeks` or `days`.
    pub(super) unit: Option<Spanned<String>>,
    /// A grid's items: `[{ id, label }, ...]`.
    pub(super) items: Option<Vec<Spanned<RawItem>>>,
}

/// One item of a grid.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawItem {
    pub(super) id: Spanned<String>,
    pub(super) label: String,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOption {
    pub(super) id: Spanned<String>,
    pub(super) label: String,
    #[serde(default)]
    pub(super) exclusive: bool,
    #[serde(default)]
    pub(super) other: bool,
}
