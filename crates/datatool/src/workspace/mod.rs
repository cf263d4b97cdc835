//! `deputy-data workspace SRC --inbox STORE`: the deputies' workspace (代表工作台, issue 33), a
//! signed-in service where deputies read the letters written to them and act in their own
//! name; each act is filed signed in the inbox's store for `ingest --from`. The server, sign-in
//! and signing are `deputy_workspace`'s; what a deputy sees is [`desk`], read from the source
//! folder by the same code as the console's. `deputy-account` ([`account`]) is how a station
//! issues, resets and revokes deputies' accounts.

pub mod account;
mod desk;
#[cfg(test)]
mod tests;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Result;
use deputy_workspace::web::{self, Options};

pub use desk::SourceDesk;

#[derive(clap::Args)]
pub struct Args {
    /// The source folder (as for `build`); its .workspace/ holds the deputies' accounts,
    /// sessions, activation codes, the signing key and the audit log.
    src: PathBuf,
    /// Where acts are filed: the inbox service's store, a folder or s3://… (as for `ingest --from`).
    #[arg(long)]
    inbox: String,
    /// Address to listen on. Beyond loopback, put it behind HTTPS: the cookie is then Secure.
    #[arg(long, default_value = "127.0.0.1:8791")]
    listen: SocketAddr,
    /// The workspace app's files (workspace-app/dist), served under /workspace/.
    #[arg(long)]
    app: Option<PathBuf>,
    /// Seconds without use after which a session ends (30 minutes).
    #[arg(long, default_value_t = 1800)]
    idle_seconds: u32,
}

pub fn run(args: Args) -> Result<()> {
    let store = deputy_intake::Location::parse(&args.inbox).open()?;
    let mut options = Options::new(args.src.clone());
    options.app = args.app;
    options.secure_cookie = !args.listen.ip().is_loopback();
    options.idle = time::Duration::seconds(args.idle_seconds.max(1).into());
    tracing_subscriber::fmt()
        .json()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("DEPUTY_WORKSPACE_LOG").unwrap_or_else(|_| "info".into()),
        )
        .init();
    let desk = Arc::new(SourceDesk::new(args.src));
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.listen).await?;
        // The address actually bound (port 0 picks one): tests and scripts read this line.
        println!("代表工作台：http://{}/workspace/", listener.local_addr()?);
        web::serve(listener, options, desk, store).await
    })
}
