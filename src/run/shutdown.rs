//! Shutdown as a value passed in (as in mini-redis): `main` wires it to
//! SIGINT/SIGTERM, tests trigger it themselves. Work in flight finishes;
//! no new work starts once it is triggered.

use tokio::sync::watch;

/// The sending half: trigger it once to stop the daemon.
#[derive(Debug, Clone)]
pub struct Trigger(watch::Sender<bool>);

/// The receiving half, cloned into every loop that must stop.
#[derive(Debug, Clone)]
pub struct Shutdown(watch::Receiver<bool>);

/// A connected trigger and shutdown.
pub fn channel() -> (Trigger, Shutdown) {
    let (tx, rx) = watch::channel(false);
    (Trigger(tx), Shutdown(rx))
}

impl Trigger {
    /// Asks every holder of the [`Shutdown`] to stop.
    pub fn trigger(&self) {
        let _ = self.0.send(true);
    }
}

impl Shutdown {
    /// A shutdown that never comes (for one-shot commands).
    pub fn never() -> Shutdown {
        let (tx, rx) = watch::channel(false);
        std::mem::forget(tx);
        Shutdown(rx)
    }

    /// Has shutdown been asked for?
    pub fn is_triggered(&self) -> bool {
        *self.0.borrow()
    }

    /// Waits until shutdown is asked for.
    pub async fn wait(&mut self) {
        let _ = self.0.wait_for(|stop| *stop).await;
    }
}
