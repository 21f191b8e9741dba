//! The file outbox of `--dry-run`: each message an `.eml` file.

use std::path::PathBuf;

use super::Outbox;
use crate::Result;
use crate::compose::Outgoing;

/// Writes each message to `DIR/<Message-ID>.eml` instead of sending it.
#[derive(Debug, Clone)]
pub struct FileOutbox {
    dir: PathBuf,
}

impl FileOutbox {
    /// Writes into `dir`, creating it.
    pub fn new(dir: PathBuf) -> Result<FileOutbox> {
        // Each file carries a doctor's token and address: 0600 in a 0700
        // directory of our making.
        crate::run::privacy::create_dir_all(&dir)?;
        Ok(FileOutbox { dir })
    }

    /// The file a message goes to.
    pub fn path_for(&self, mail: &Outgoing) -> PathBuf {
        let name: String = mail
            .message_id
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        self.dir.join(format!("{name}.eml"))
    }
}

impl Outbox for FileOutbox {
    async fn send(&self, mail: &Outgoing) -> Result<()> {
        let path = self.path_for(mail);
        crate::run::privacy::write(&path, &mail.bytes)
    }
}
