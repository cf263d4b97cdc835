//! `deputy-inbox --listen 127.0.0.1:8787 --store DIR [--config FILE]`: see docs/operations.md.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Parser;
use deputy_inbox::{Config, router};
use deputy_intake::Location;

#[derive(Parser)]
#[command(version, about = "Receives the app's submissions and stores them for deputy-data ingest --from")]
struct Args {
    /// A TOML file with the settings (docs/operations.md); the options below win over it.
    #[arg(long, env = "DEPUTY_INBOX_CONFIG")]
    config: Option<PathBuf>,
    /// Address to listen on (default 127.0.0.1:8787).
    #[arg(long, env = "DEPUTY_INBOX_LISTEN")]
    listen: Option<SocketAddr>,
    /// Where submissions are stored: a folder, or s3://bucket/prefix (AWS_* variables).
    #[arg(long, env = "DEPUTY_INBOX_STORE")]
    store: Option<String>,
    /// Site origins allowed to post from another origin, comma-separated.
    #[arg(long, env = "DEPUTY_INBOX_ALLOWED_ORIGINS", value_delimiter = ',')]
    allowed_origins: Option<Vec<String>>,
    /// Take the client's address from X-Real-IP (only behind a proxy that sets it).
    #[arg(long, env = "DEPUTY_INBOX_TRUST_PROXY")]
    trust_proxy: Option<bool>,
}

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt()
        .json()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("DEPUTY_INBOX_LOG").unwrap_or_else(|_| "info".into()),
        )
        .init();
    let args = Args::parse();
    let mut config = match &args.config {
        Some(path) => Config::from_file(path)?,
        None => Config::default(),
    };
    if let Some(listen) = args.listen {
        config.listen = listen;
    }
    if let Some(store) = args.store {
        config.store = store;
    }
    if let Some(origins) = args.allowed_origins {
        config.allowed_origins = origins;
    }
    if let Some(trust) = args.trust_proxy {
        config.trust_proxy = trust;
    }
    config.check()?;
    let location = Location::parse(&config.store);
    let store = location.open().with_context(|| format!("opening the store {location}"))?;
    // A bucket that cannot be reached is reported now, not at the first citizen's letter.
    if let Err(e) = store.check().await {
        tracing::warn!(error = %e, "the store cannot take submissions yet: answering 503 until it can");
    }
    let app = router(&config, store);
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .with_context(|| format!("listening on {}", config.listen))?;
    // The bound address (with `--listen 127.0.0.1:0` the port the system chose, for tests).
    let bound = listener.local_addr()?;
    tracing::info!(listen = %bound, "deputy-inbox started");
    axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown())
        .await?;
    tracing::info!("deputy-inbox stopped: requests in flight were finished");
    Ok(())
}

/// SIGTERM (systemd's stop) or Ctrl-C: stop accepting, finish what is in flight.
async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
