//! `deputy-data console SRC --site DIR …`: the station console, a web page where staff do the
//! station's routine (issue 15), and `console-user`, its accounts. The server, sign-in and audit
//! are `deputy_console`'s; what each button does is [`station`], on the same functions as the
//! command line's `ingest`, `reply`, `build` and `deploy`.

mod station;
#[cfg(test)]
mod tests;
pub mod user;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Result, bail};
use deputy_console::web::{self, Options};

#[derive(clap::Args)]
pub struct Args {
    /// The source folder (as for `build`); its .console/ holds the accounts and the audit log.
    src: PathBuf,
    /// The site folder: the app's files (a copy of dist/) with data/ in it. 发布 builds into it.
    #[arg(long)]
    site: PathBuf,
    /// Where 发布 publishes the site folder: a web root or s3://bucket/prefix (as for `deploy`).
    /// Without it the site folder itself is what is served.
    #[arg(long)]
    publish: Option<String>,
    /// The inbox service's store, a folder or s3://… (as for `ingest --from`).
    #[arg(long)]
    inbox: Option<String>,
    /// Address to listen on. Beyond loopback, put it behind HTTPS: the cookie is then Secure.
    #[arg(long, default_value = "127.0.0.1:8790")]
    listen: SocketAddr,
    /// The console app's files (console/dist, from scripts/build.sh).
    #[arg(long)]
    app: Option<PathBuf>,
    /// Seconds without use after which a session ends (30 minutes).
    #[arg(long, default_value_t = 1800)]
    idle_seconds: u32,
}

pub fn run(args: Args) -> Result<()> {
    // No one can sign in without an account: say so now, and never listen on a network
    // without them.
    if deputy_console::staff_accounts(&args.src).list()?.is_empty() {
        bail!("{} 还没有职员账号：先运行 deputy-data console-user {} add 名字", args.src.display(), args.src.display());
    }
    if !args.site.join("index.html").is_file() {
        bail!("{} 不是网站目录（没有 index.html）：先把 dist/ 复制过去", args.site.display());
    }
    let mut options = Options::new(args.src.clone());
    options.app = args.app;
    options.secure_cookie = !args.listen.ip().is_loopback();
    options.idle = time::Duration::seconds(args.idle_seconds.max(1).into());
    let station = station::SourceStation {
        src: args.src,
        site: args.site,
        publish_to: args.publish,
        inbox: args.inbox.as_deref().map(deputy_intake::Location::parse),
        phases: Default::default(),
    };
    tracing_subscriber::fmt()
        .json()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("DEPUTY_CONSOLE_LOG").unwrap_or_else(|_| "info".into()),
        )
        .init();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.listen).await?;
        // The address actually bound (port 0 picks one): tests and scripts read this line.
        println!("控制台：http://{}/", listener.local_addr()?);
        web::serve(listener, options, Arc::new(station)).await
    })
}
