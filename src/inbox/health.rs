//! The mailbox's health as the watcher last saw it, shared with the daemon
//! and the service that show it.

/// What the inbox watcher knows of the mailbox that the store does not
/// (can it be read, what keeps messages from their folders), for the
/// service's STATUS line and logs.
#[derive(Debug, Default)]
pub struct Health {
    imap: std::sync::Mutex<Option<String>>,
    filing: std::sync::Mutex<Option<String>>,
}

impl Health {
    /// Why the inbox cannot be read now, if it cannot.
    pub fn imap_problem(&self) -> Option<String> {
        self.imap.lock().expect("health lock").clone()
    }

    /// Records the inbox's state: `None` once connected.
    pub fn set_imap(&self, problem: Option<String>) {
        *self.imap.lock().expect("health lock") = problem;
    }

    /// What keeps processed messages from their folders (moves the server
    /// refuses, folders it cannot create), one line each, if anything.
    pub fn filing_problem(&self) -> Option<String> {
        self.filing.lock().expect("health lock").clone()
    }

    /// Records the outcome of the last filing round: `None` once every
    /// message could go where it belongs.
    pub fn set_filing(&self, problem: Option<String>) {
        *self.filing.lock().expect("health lock") = problem;
    }
}
