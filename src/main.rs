//! The `mailsurvey` binary: parse the command line, start logging, wire
//! signals to shutdown, run the command, exit with its code. Everything else
//! lives in the library; see `src/lib.rs` for the map.

use std::process::ExitCode;

use clap::Parser;
use mailsurvey::cli::{self, Cli, LogFormat};
use tracing_subscriber::EnvFilter;

fn main() -> ExitCode {
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
        let (trigger, shutdown) = mailsurvey::shutdown::channel();
        tokio::spawn(async move {
            wait_for_signal().await;
            tracing::info!("shutdown requested; finishing work in flight");
            trigger.trigger();
        });
        cli::execute(cli, shutdown).await
    });
    ExitCode::from(code as u8)
}

async fn wait_for_signal() {
    use tokio::signal::unix::{SignalKind, signal};
    let mut term = signal(SignalKind::terminate()).expect("SIGTERM handler");
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = term.recv() => {}
    }
}
