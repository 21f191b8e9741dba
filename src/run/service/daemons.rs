//! Each survey's daemon as a task: what it is wired to besides its own
//! files (store, account, health, the shared reader's wake-ups), its SMTP
//! login tried first, and, with several surveys, its restart after a delay
//! that doubles when it fails. Apart from the supervisor because this runs
//! inside the task, while the supervisor only starts, replaces and stops
//! it.

use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::task::JoinHandle;
use tracing::{error, warn};

use super::accounts::Account;
use super::files::Loaded;
use crate::inbox::Health;
use crate::run::clock::Clock;
use crate::run::daemon::Daemon;
use crate::run::shutdown::Shutdown;
use crate::store::Store;
use crate::survey::Survey;
use crate::survey::templates::Templates;
use crate::{Error, Result};

/// First delay before a survey whose daemon failed is started again.
const RESTART_FIRST: Duration = Duration::from_secs(30);
/// Longest delay between restarts of a failing survey.
const RESTART_MAX: Duration = Duration::from_secs(30 * 60);

/// What a survey's daemon is wired to besides its own files.
#[derive(Clone)]
pub(super) struct Wiring {
    pub(super) store: Store,
    pub(super) account: Account,
    pub(super) health: Arc<Health>,
    pub(super) problem: Arc<Mutex<Option<String>>>,
    pub(super) reread: Arc<AtomicBool>,
    pub(super) arrived: Arc<tokio::sync::Notify>,
    pub(super) wake: Arc<crate::inbox::Wake>,
}

/// Runs one survey's daemon until its shutdown. It first waits for the
/// daemon it replaces (a reload) to finish its work in flight. With
/// several surveys, a daemon that fails is started again after a delay
/// that doubles (the problem shown meanwhile); with one, its error ends
/// the service.
pub(super) async fn keep_running(
    loaded: Loaded,
    wiring: Wiring,
    clock: Arc<dyn Clock>,
    mut shutdown: Shutdown,
    many: bool,
    previous: Option<JoinHandle<Result<()>>>,
) -> Result<()> {
    if let Some(previous) = previous {
        let _ = previous.await;
    }
    let Loaded {
        survey, templates, ..
    } = loaded;
    let mut delay = RESTART_FIRST;
    loop {
        let outcome = run_once(
            survey.clone(),
            templates.clone(),
            wiring.clone(),
            clock.clone(),
            shutdown.clone(),
        )
        .await;
        match outcome {
            Ok(()) => return Ok(()),
            Err(err) if !many => return Err(err),
            Err(err) => {
                if shutdown.is_triggered() {
                    return Ok(());
                }
                error!(survey = %survey.id, error = %err, retry_in = ?delay, "this survey stopped; the others go on");
                *wiring.problem.lock().expect("lock") = Some(err.to_string());
                tokio::select! {
                    _ = tokio::time::sleep(delay) => {}
                    _ = shutdown.wait() => return Ok(()),
                }
                delay = (delay * 2).min(RESTART_MAX);
            }
        }
    }
}

async fn run_once(
    survey: Survey,
    templates: Templates,
    wiring: Wiring,
    clock: Arc<dyn Clock>,
    shutdown: Shutdown,
) -> Result<()> {
    let smtp = wiring.account.outbox;
    match smtp.test_login().await {
        Ok(_) => {}
        Err(err @ (Error::Credentials(_) | Error::Tls(_))) => return Err(err),
        Err(err) => {
            warn!(survey = %survey.id, error = %err, "SMTP server not reachable yet; will keep trying")
        }
    }
    let daemon = Daemon::on_store(wiring.store, survey, templates, smtp, clock)?
        .with_limits(wiring.account.limits)
        .with_health(wiring.health)
        .with_reread(wiring.reread)
        .with_shared_inbox(wiring.arrived, wiring.wake);
    daemon.run(shutdown).await
}
