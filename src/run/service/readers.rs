//! The mailbox readers: one reader per mailbox (server, user, folder),
//! shared by every survey that reads it, started by the first survey to
//! join and stopped (it logs out) when the last one leaves. Apart from the
//! supervisor because a mailbox's life follows its members, not any one
//! survey's.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use tracing::info;

use crate::inbox::Health;
use crate::run::shutdown::{self, Shutdown, Trigger};
use crate::store::Store;
use crate::survey::Survey;

/// One mailbox (server, user, folder) and the one reader that reads it for
/// every survey that uses it.
pub(super) struct Group {
    members: Arc<Mutex<Vec<crate::inbox::Member>>>,
    /// Set by any member's daemon when it has mail to file.
    wake: Arc<crate::inbox::Wake>,
    health: Arc<Health>,
    pub(super) socket: Arc<Mutex<Option<std::net::TcpStream>>>,
    pub(super) trigger: Trigger,
    pub(super) shutdown: Shutdown,
    pub(super) reader: Option<crate::inbox::Running>,
}

/// Makes `survey` a member of its mailbox's group, starting the group's
/// reader if it is the first. Returns the group's health and wake flag.
pub(super) fn join_group(
    groups: &mut BTreeMap<String, Group>,
    survey: &Arc<Survey>,
    store: &Store,
    arrived: &Arc<tokio::sync::Notify>,
) -> (String, Arc<Health>, Arc<crate::inbox::Wake>) {
    let key = mailbox_of(survey);
    let group = groups.entry(key.clone()).or_insert_with(|| {
        let (trigger, shutdown) = shutdown::channel();
        Group {
            members: Arc::new(Mutex::new(Vec::new())),
            wake: Arc::new(crate::inbox::Wake::new()),
            health: Arc::new(Health::default()),
            socket: Arc::new(Mutex::new(None)),
            trigger,
            shutdown,
            reader: None,
        }
    });
    {
        let mut members = group.members.lock().expect("lock");
        members.retain(|m| m.survey.id != survey.id);
        members.push(crate::inbox::Member {
            survey: survey.clone(),
            store: store.clone(),
            notify: arrived.clone(),
        });
        if members.len() > 1 {
            let ids: Vec<&str> = members.iter().map(|m| m.survey.id.as_str()).collect();
            info!(mailbox = %key, surveys = ?ids, "one reader for a shared mailbox");
        }
    }
    if group.reader.is_none() {
        group.reader = Some(
            crate::inbox::Watcher {
                survey: survey.clone(),
                store: store.clone(),
                notify: arrived.clone(),
                shutdown: group.shutdown.clone(),
                wake: group.wake.clone(),
                socket: group.socket.clone(),
                health: group.health.clone(),
                members: Some(group.members.clone()),
            }
            .spawn(),
        );
    }
    (key, group.health.clone(), group.wake.clone())
}

/// Takes `survey_id` out of the group of `key`; the last one out stops the
/// reader (it logs out).
pub(super) fn leave_group(groups: &mut BTreeMap<String, Group>, key: &str, survey_id: &str) {
    let Some(group) = groups.get_mut(key) else {
        return;
    };
    let empty = {
        let mut members = group.members.lock().expect("lock");
        members.retain(|m| m.survey.id != survey_id);
        members.is_empty()
    };
    if empty && let Some(group) = groups.remove(key) {
        stop_group(group);
    }
}

/// Stops a group's reader without waiting for it (it logs out by itself).
fn stop_group(group: Group) {
    group.trigger.trigger();
    crate::inbox::interrupt(&group.socket);
    if let Some(reader) = group.reader {
        std::thread::spawn(move || reader.join());
    }
}

/// The mailbox a survey reads: server, user and folder.
pub(super) fn mailbox_of(survey: &Survey) -> String {
    format!(
        "{}@{}:{}/{}",
        survey.imap.username, survey.imap.host, survey.imap.port, survey.replies.inbox
    )
}
