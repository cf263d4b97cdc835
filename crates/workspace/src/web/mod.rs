//! The workspace's HTTP server: the JSON API under `/workspace/api/` and the workspace app's
//! files under `/workspace/`, so that a station can put it on the public site's host behind
//! one reverse-proxy rule. Sessions, sign-in and the request checks are
//! `deputy_accounts::web`'s (the console's design); accounts ([`account`]) and the deputy's
//! reads and acts ([`api`]) are here.

mod account;
mod api;
mod state;
#[cfg(test)]
mod tests;

use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::middleware;
use deputy_accounts::acts::ActSigner;
use deputy_accounts::web::{Clock, Gate, Wording, failure};
use deputy_intake::Store;
use time::{Duration, OffsetDateTime};

use crate::desk::Desk;

pub use state::BODY_LIMIT;
use state::Workspace;

pub struct Options {
    /// The source folder: its `.workspace/` has the accounts, sessions, codes, key and log.
    pub src: PathBuf,
    /// The workspace app's files (its trunk build); `None` serves the API only.
    pub app: Option<PathBuf>,
    /// Mark the session cookie Secure (whenever it listens beyond loopback, behind HTTPS).
    pub secure_cookie: bool,
    /// Unused this long, a session ends.
    pub idle: Duration,
    pub clock: Clock,
}

impl Options {
    pub fn new(src: PathBuf) -> Options {
        Options {
            src,
            app: None,
            secure_cookie: false,
            idle: deputy_accounts::sessions::IDLE,
            clock: Arc::new(OffsetDateTime::now_utc),
        }
    }
}

/// The workspace's routes. Makes the signing key on first start.
pub fn router(options: Options, desk: Arc<dyn Desk>, store: Arc<dyn Store>) -> anyhow::Result<Router> {
    let dir = crate::workspace_dir(&options.src);
    let mut gate = Gate::new(
        crate::deputy_accounts(&options.src),
        deputy_accounts::sessions::Sessions::with_idle(&dir, options.idle),
        crate::audit_log(&options.src),
        "dh_workspace",
        Wording { service: "代表工作台", forgot: "忘记密码请联系所在联络站重新发放激活码" },
        options.clock.clone(),
    );
    gate.secure_cookie = options.secure_cookie;
    let signer = ActSigner::in_dir(&dir, (options.clock)())?;
    let workspace = Arc::new(Workspace {
        gate: Arc::new(gate),
        activations: crate::activations(&options.src),
        desk,
        store,
        signer,
    });
    let api = account::routes()
        .merge(api::routes())
        .fallback(|| async { failure(StatusCode::NOT_FOUND, "没有这个接口") });
    let mut app = Router::new().nest("/workspace/api", api);
    if let Some(dir) = options.app {
        let index = dir.join("index.html");
        app = app.nest_service(
            "/workspace",
            tower_http::services::ServeDir::new(dir).fallback(tower_http::services::ServeFile::new(index)),
        );
    }
    Ok(app
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(middleware::from_fn(deputy_accounts::web::private_headers))
        .with_state(workspace))
}

/// Serve on a bound listener until the process is stopped.
pub async fn serve(
    listener: tokio::net::TcpListener,
    options: Options,
    desk: Arc<dyn Desk>,
    store: Arc<dyn Store>,
) -> anyhow::Result<()> {
    axum::serve(listener, router(options, desk, store)?).await?;
    Ok(())
}
