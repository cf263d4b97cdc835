//! The console's HTTP server: the JSON API under `/api/` and the console app's files. Sign-in
//! and sessions are in [`auth`], the station's work in [`api`].
//!
//! Why these defences, for a page that usually runs on the clerk's own machine: the console can
//! listen on a station's network, and it changes what the public reads. The session defences
//! are `deputy_accounts::web`'s (shared with the deputies' workspace); here, a small body limit,
//! one change at a time, and `Cache-Control: no-store` on every answer that may carry a letter
//! writer's name.

mod api;
mod auth;
mod extract;
mod state;
#[cfg(any(test, feature = "test-client"))]
pub use deputy_accounts::test_client;
#[cfg(test)]
mod tests;

use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::middleware;
use deputy_accounts::web::{Gate, Wording};
use time::{Duration, OffsetDateTime};

use crate::sessions::Sessions;
use crate::station::Station;

pub use state::BODY_LIMIT;
use state::{Console, failure};

pub use deputy_accounts::web::Clock;

/// How the console is set up.
pub struct Options {
    /// The source folder: its `.console/` has the accounts and the audit log.
    pub src: PathBuf,
    /// The console app's files (its trunk build); `None` serves the API only.
    pub app: Option<PathBuf>,
    /// Mark the session cookie Secure: on whenever the console listens beyond loopback (then
    /// it must be behind HTTPS).
    pub secure_cookie: bool,
    /// Unused this long, a session ends (default [`crate::sessions::IDLE`]).
    pub idle: Duration,
    pub clock: Clock,
}

impl Options {
    pub fn new(src: PathBuf) -> Options {
        Options {
            src,
            app: None,
            secure_cookie: false,
            idle: crate::sessions::IDLE,
            clock: Arc::new(OffsetDateTime::now_utc),
        }
    }
}

/// The console's routes over a station.
pub fn router(options: Options, station: Arc<dyn Station>) -> Router {
    let mut gate = Gate::new(
        crate::staff_accounts(&options.src),
        Sessions::with_idle(&crate::console_dir(&options.src), options.idle),
        crate::audit_log(&options.src),
        "dh_console",
        Wording { service: "控制台", forgot: "忘记密码请找管理员用 console-user passwd 重设" },
        options.clock,
    );
    gate.secure_cookie = options.secure_cookie;
    let console = Arc::new(Console { gate: Arc::new(gate), changes: tokio::sync::Mutex::new(()), station });
    let api =
        auth::routes().merge(api::routes()).fallback(|| async { failure(StatusCode::NOT_FOUND, "没有这个接口") });
    let mut app = Router::new().nest("/api", api);
    if let Some(dir) = options.app {
        let index = dir.join("index.html");
        app = app.fallback_service(
            tower_http::services::ServeDir::new(dir).fallback(tower_http::services::ServeFile::new(index)),
        );
    }
    app.layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(middleware::from_fn(deputy_accounts::web::private_headers))
        .with_state(console)
}

/// Serve on a bound listener until the process is stopped.
pub async fn serve(
    listener: tokio::net::TcpListener,
    options: Options,
    station: Arc<dyn Station>,
) -> anyhow::Result<()> {
    axum::serve(listener, router(options, station)).await?;
    Ok(())
}
