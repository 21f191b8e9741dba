//! The `mailsurvey` binary: parse the command line, start logging, wire
//! signals (SIGTERM and SIGINT to shutdown, SIGHUP to a reload), run the
//! command, exit with its code. Everything else lives in the library; see
//! `src/lib.rs` for the map.

use std::process::ExitCode;

use clap::Parser;
use mailsurvey::cli::{self, Cli, LogFormat, Signals};
use mailsurvey::run::notify::Notifier;
use tracing_subscriber::EnvFilter;

fn main() -> ExitCode {
    // Buffers of 1 MB or more (a message of up to 25 MB, SQLite's copies of
    // it) are mapped on their own and given back when freed. glibc's
    // default raises this threshold after the first such free, and memory
    // freed below it stays in the heap of the thread that used it: every
    // thread that handled a large message kept its size.
    // And each heap keeps 1 MB spare at its top when it gives memory back:
    // SQLite's statement journal takes and frees half a megabyte for every
    // message a batch records (`store::STATEMENT_JOURNAL_IN_MEMORY`), and
    // without the spare each one was taken afresh from the kernel, page by
    // page (a tenth of the recording thread's time).
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: sets two allocator parameters, before any other thread starts.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
        libc::mallopt(libc::M_TOP_PAD, 1 << 20);
    }
    // Before SQLite's first use.
    mailsurvey::store::configure_sqlite();
    // Before any thread starts: it takes NOTIFY_SOCKET out of the
    // environment.
    let notifier = Notifier::from_env();
    let cli = Cli::parse();
    let filter =
        EnvFilter::try_from_env("MAILSURVEY_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()));
    match cli.log_format {
        LogFormat::Human => logs.init(),
        LogFormat::Json => logs.json().init(),
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("the async runtime starts");
    let code = runtime.block_on(async {
        use tokio::signal::unix::{SignalKind, signal};
        let (trigger, shutdown) = mailsurvey::run::shutdown::channel();
        let mut term = signal(SignalKind::terminate()).expect("SIGTERM handler");
        let mut int = signal(SignalKind::interrupt()).expect("SIGINT handler");
        tokio::spawn(async move {
            tokio::select! {
                _ = int.recv() => {}
                _ = term.recv() => {}
            }
            tracing::info!("shutdown requested; finishing work in flight");
            trigger.trigger();
        });
        let (reload, reloads) = tokio::sync::mpsc::unbounded_channel();
        if cli.command.is_daemon() {
            // Only the daemon reloads; SIGHUP still ends a one-shot command.
            let mut hup = signal(SignalKind::hangup()).expect("SIGHUP handler");
            tokio::spawn(async move {
                while hup.recv().await.is_some() {
                    tracing::info!("reload requested (SIGHUP)");
                    if reload.send(()).is_err() {
                        break;
                    }
                }
            });
        }
        let signals = Signals {
            shutdown,
            reloads,
            notifier,
        };
        cli::execute(cli, signals).await
    });
    // Blocking work still running (an IMAP read, a password command) must
    // not hold up the exit, or a supervisor would wait for it.
    runtime.shutdown_timeout(std::time::Duration::from_secs(5));
    ExitCode::from(code as u8)
}
