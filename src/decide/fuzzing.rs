//! The harness of the `reply_path` fuzz target (`fuzz/fuzz_targets`),
//! here so that the ordinary tests replay its seeds through the same code
//! (`tests/corpus.rs`). Not part of mailsurvey's interface.
//!
//! One input is one message arriving from a chosen sender at a chosen
//! plus-address: stored as the inbox stores it, then processed through the
//! real ingest path (read, facts, decide, compose, record). Whatever the
//! message, processing must not stop: it ends processed or set aside with a
//! reason, and a genuine reply after it is still processed.

use std::path::Path;

use jiff::Timestamp;

use crate::store::{Store, Stored};
use crate::survey::Survey;
use crate::survey::recipients::Recipient;
use crate::survey::templates::Templates;
use crate::{Error, Result};

/// A store with a small survey whose recipients' tokens are known.
pub struct ReplyPath {
    store: Store,
    survey: Survey,
    templates: Templates,
    /// (address, token) of each recipient.
    recipients: Vec<(String, String)>,
    now: Timestamp,
    uid: u32,
}

impl ReplyPath {
    /// A fresh store in `dir` for `survey` (its database path is replaced),
    /// with three recipients.
    pub fn new(mut survey: Survey, dir: &Path) -> Result<ReplyPath> {
        survey.database = dir.join("fuzz.db");
        let store = Store::open(&survey.database)?;
        // A day into the collection period: replies are taken.
        let now = survey.period.open.timestamp() + jiff::SignedDuration::from_hours(24);
        store.ensure_survey(&survey, now)?;
        let list: Vec<Recipient> = ["ann@north.test", "bob@south.test", "cat@east.test"]
            .iter()
            .map(|email| Recipient {
                name: format!("Dr {email}"),
                email: (*email).to_string(),
                attributes: [("centre".to_string(), "A centre".to_string())].into(),
            })
            .collect();
        store.sync_recipients(&survey.id, &list, now)?;
        let recipients = store
            .recipients(&survey.id)?
            .into_iter()
            .map(|r| (r.email, r.token.as_str().to_string()))
            .collect();
        let templates = Templates::load(None)
            .map_err(|problems| Error::Other(format!("built-in templates: {problems:?}")))?;
        Ok(ReplyPath {
            store,
            survey,
            templates,
            recipients,
            now,
            uid: 0,
        })
    }

    /// Runs one input: `data[0]` picks the sender, `data[1]` the
    /// plus-address detail (a recipient's token, the unsubscribe form, or
    /// bytes of the input), the rest is the message. Returns an error (the
    /// fuzz target panics on it) if processing stopped or left a message
    /// neither processed nor set aside, or if a genuine reply after it was
    /// not processed.
    pub fn run(&mut self, data: &[u8]) -> Result<()> {
        let (pick, rest) = data.split_first().unwrap_or((&0, &[]));
        let (detail_pick, rest) = rest.split_first().unwrap_or((&0, &[]));
        let (text, raw) = split_line(rest);
        let text = String::from_utf8_lossy(text);
        let n = self.recipients.len();
        let sender = match pick % 4 {
            0 | 1 => self.recipients[usize::from(*pick / 4) % n].0.clone(),
            2 => "stranger@elsewhere.test".to_string(),
            _ => text.to_string(),
        };
        let token = self.recipients[usize::from(*detail_pick / 4) % n].1.clone();
        let detail = match detail_pick % 4 {
            0 => token,
            1 => format!("unsubscribe.{token}"),
            2 => text.to_string(),
            _ => String::new(),
        };
        let to = if detail.is_empty() {
            let reply_to = &self.survey.sender.reply_to;
            format!("{}@{}", reply_to.user(), reply_to.domain())
        } else {
            self.survey.sender.plus_address(&detail)
        };
        let mut message = format!("From: {sender}\r\nTo: {to}\r\n").into_bytes();
        message.extend_from_slice(raw);
        self.deliver(&message)?;
        self.check_all_settled()?;

        // A genuine reply from a recipient still goes through.
        let (email, token) = self.recipients[0].clone();
        let genuine = format!(
            "From: {email}\r\nTo: {to}\r\nSubject: Re: survey\r\nMessage-ID: <genuine{uid}@north.test>\r\n\
             Content-Type: text/plain; charset=utf-8\r\n\r\n1. Yes\r\n2. Weekly\r\n",
            to = self.survey.sender.plus_address(&token),
            uid = self.uid,
        );
        let stored = self.deliver(genuine.as_bytes())?;
        self.check_all_settled()?;
        if let Some(id) = stored
            && self
                .store
                .failed_messages(&self.survey.id)?
                .iter()
                .any(|f| f.id == id)
        {
            return Err(Error::Other(
                "a genuine reply after this input was set aside".into(),
            ));
        }
        Ok(())
    }

    /// Stores `raw` as the inbox would and processes what is new; the row
    /// id if it was stored (not a duplicate).
    fn deliver(&mut self, raw: &[u8]) -> Result<Option<i64>> {
        self.uid += 1;
        // As the inbox does (`store_for` in `src/inbox/fetching.rs`).
        let message_id = crate::understand::mime::parse_headers(raw)
            .and_then(|m| m.message_id().map(str::to_owned));
        let stored = self.store.store_message(
            &self.survey.id,
            &crate::store::Fetched {
                folder: "INBOX",
                uidvalidity: 1,
                uid: self.uid,
                message_id: message_id.as_deref(),
                bytes: raw,
                size: None,
                arrived: self.now,
                shared_sender: false,
            },
            &self.survey.replies.folders.quarantine,
        )?;
        crate::decide::ingest::process_new(&self.store, &self.survey, &self.templates, self.now)?;
        Ok(match stored {
            Stored::New(id) => Some(id),
            Stored::Duplicate => None,
        })
    }

    /// Every stored message is processed or set aside with a reason.
    fn check_all_settled(&self) -> Result<()> {
        let left = self.store.unprocessed(&self.survey.id)?;
        if !left.is_empty() {
            return Err(Error::Other(format!(
                "{} message(s) left unprocessed",
                left.len()
            )));
        }
        if let Some(failed) = self
            .store
            .failed_messages(&self.survey.id)?
            .iter()
            .find(|f| f.reason.trim().is_empty())
        {
            return Err(Error::Other(format!(
                "message {} set aside without a reason",
                failed.id
            )));
        }
        Ok(())
    }
}

/// The input up to its first line break, and the rest.
fn split_line(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|&b| b == b'\n') {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (&[], data),
    }
}
