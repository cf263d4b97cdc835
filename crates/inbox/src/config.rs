//! The service's settings: a TOML file (`--config`), each setting also as a command-line option
//! or an environment variable (`DEPUTY_INBOX_LISTEN`, …), which win over the file.

use std::net::SocketAddr;
use std::path::Path;
use std::time::Duration;

use anyhow::{Context, Result};
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Where to listen; behind nginx, a loopback address.
    pub listen: SocketAddr,
    /// The store: a folder (`intake::folder`'s layout), or `s3://bucket/prefix` with the
    /// endpoint and keys in the `AWS_*` environment variables (docs/operations.md).
    pub store: String,
    /// Site origins allowed to post from a browser on another origin (CORS), e.g.
    /// `https://renda.bayannur.gov.cn`. Empty: same-origin only (the endpoint is a path of the site).
    pub allowed_origins: Vec<String>,
    /// Take the client's address from `X-Real-IP` (set by the proxy in front) rather than from
    /// the connection. Only behind a proxy that sets it: otherwise clients could choose it.
    pub trust_proxy: bool,
    pub limits: Limits,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// Submissions a client (an IPv4 address, an IPv6 /64) may make per minute, and at once: a
    /// phone's outbox sends everything that waited in one go.
    pub per_client_per_minute: u32,
    pub per_client_burst: u32,
    /// Submissions per second for the whole service; above it, 503 with `Retry-After`.
    pub global_per_second: u32,
    /// Requests handled at once; more are refused with 503 at once rather than queued.
    pub max_in_flight: usize,
    /// A request (headers and body) must arrive within this many seconds.
    pub request_timeout_secs: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: "127.0.0.1:8787".parse().expect("a valid address"),
            store: "inbox".to_string(),
            allowed_origins: Vec::new(),
            trust_proxy: false,
            limits: Limits::default(),
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            per_client_per_minute: 30,
            per_client_burst: 20,
            global_per_second: 500,
            max_in_flight: 512,
            request_timeout_secs: 15,
        }
    }
}

impl Limits {
    pub fn request_timeout(&self) -> Duration {
        Duration::from_secs(self.request_timeout_secs)
    }
}

impl Config {
    pub fn from_file(path: &Path) -> Result<Config> {
        let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        toml::from_str(&text).with_context(|| format!("{} is not a valid inbox config", path.display()))
    }

    pub fn check(&self) -> Result<()> {
        for origin in &self.allowed_origins {
            anyhow::ensure!(
                (origin.starts_with("https://") || origin.starts_with("http://")) && !origin.ends_with('/'),
                "allowed_origins: {origin} is not an origin like https://example.gov.cn"
            );
        }
        let l = &self.limits;
        anyhow::ensure!(
            l.per_client_per_minute > 0 && l.per_client_burst > 0,
            "limits: per-client limits must be above 0"
        );
        anyhow::ensure!(l.global_per_second > 0 && l.max_in_flight > 0, "limits: global limits must be above 0");
        anyhow::ensure!(l.request_timeout_secs > 0, "limits: request_timeout_secs must be above 0");
        Ok(())
    }
}
