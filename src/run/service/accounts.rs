//! Per-account limits: surveys sending through one SMTP account share one
//! outbox (its pool of connections) and one set of limits, the strictest
//! any of them asked for at start-up. Apart from the supervisor because an
//! account outlives the surveys that use it, and its limits must hold
//! across all of them.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::Service;
use crate::Result;
use crate::outbox::SmtpOutbox;
use crate::run::dispatch::Limits;
use crate::survey::Survey;

/// An SMTP account's outbox (its pool of connections) and limits.
#[derive(Clone)]
pub(super) struct Account {
    pub(super) outbox: Arc<SmtpOutbox>,
    pub(super) limits: Arc<Limits>,
}

/// The SMTP account a survey sends through: user, server and port.
pub(super) fn account_of(survey: &Survey) -> String {
    format!(
        "{}@{}:{}",
        survey.smtp.username, survey.smtp.host, survey.smtp.port
    )
}

impl Service {
    /// The outbox and limits of the survey's SMTP account, shared with the
    /// other surveys on it.
    pub(super) fn account(&mut self, survey: &Survey) -> Result<Account> {
        accounts_entry(&mut self.accounts, &self.strictest, survey)
    }
}

/// The account's entry, made on first use: limits as computed at start-up
/// (or the survey's own, for an account first seen in a reload).
pub(super) fn accounts_entry(
    accounts: &mut BTreeMap<String, Account>,
    strictest: &BTreeMap<String, super::AccountLimits>,
    survey: &Survey,
) -> Result<Account> {
    let key = account_of(survey);
    if let Some(account) = accounts.get(&key) {
        return Ok(account.clone());
    }
    let (rate, connections, quota) = strictest.get(&key).copied().unwrap_or((
        survey.sending.rate_per_minute,
        survey.sending.max_connections,
        survey
            .sending
            .daily_limit
            .map(|n| (n, survey.sending.quota_window)),
    ));
    let account = Account {
        outbox: Arc::new(SmtpOutbox::new(&survey.smtp, connections)?),
        limits: Limits::with_quota(rate, connections, quota),
    };
    accounts.insert(key, account.clone());
    Ok(account)
}
