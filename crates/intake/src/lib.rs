//! Where submissions wait between the inbox service (`deputy-inbox`, which puts them) and the
//! data tool (`deputy-data ingest --from`, which takes them): one interface with two back
//! ends, a folder on this machine ([`FolderStore`]) and an S3-compatible bucket
//! ([`BucketStore`]) that several inbox instances behind a load balancer can share.
//!
//! Both keep `deputy_model::intake::folder`'s layout: `new/{code}.json` waiting,
//! `new/{code}.refused.txt` the reason ingest refused it, `archive/{code}.json` ingested.
//! A `put` returns only once the submission is durable: the inbox answers 2xx after it.

mod bucket;
mod folder;
#[cfg(feature = "test-server")]
pub mod test_server;

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::Arc;

pub use bucket::{BucketStore, s3_client};
// The S3 client library, for the crates that use `s3_client` (one version in the workspace).
pub use folder::FolderStore;
pub use object_store;

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// What identifies a submission: the receipt code (canonical digits) and when it was sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    pub receipt_code: String,
    pub created_at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Put {
    /// Written and synced.
    Stored,
    /// The same submission (same code, same time) was already there; nothing written.
    Repeat,
}

#[derive(Debug)]
pub enum StoreError {
    /// Another submission already has this receipt code.
    Conflict,
    /// The store cannot take it now (disk full, folder gone, storage down): answer 503.
    Unavailable(std::io::Error),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Conflict => f.write_str("another submission has this receipt code"),
            StoreError::Unavailable(e) => write!(f, "the store is unavailable: {e}"),
        }
    }
}

impl std::error::Error for StoreError {}

/// A submission waiting in `new/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting {
    pub receipt_code: String,
    /// An earlier ingest refused it (its reason is beside it); it waits for the station.
    pub refused: bool,
}

pub trait Store: Send + Sync + 'static {
    /// Store `body` under `key`, durably, unless the same submission is already there
    /// (waiting or ingested).
    fn put(&self, key: Key, body: Vec<u8>) -> BoxFuture<'_, Result<Put, StoreError>>;
    /// Whether the store can take submissions now (for `GET /healthz`).
    fn check(&self) -> BoxFuture<'_, Result<(), StoreError>>;
    /// What waits in `new/`, in receipt-code order (so runs are repeatable).
    fn waiting(&self) -> BoxFuture<'_, Result<Vec<Waiting>, StoreError>>;
    /// The stored text of a waiting submission.
    fn read(&self, receipt_code: &str) -> BoxFuture<'_, Result<Vec<u8>, StoreError>>;
    /// Ingested: from `new/` to `archive/` (its reason, if any, removed).
    fn archive(&self, receipt_code: &str) -> BoxFuture<'_, Result<(), StoreError>>;
    /// Refused by ingest: the reason goes beside it and it is not tried again until the
    /// station deletes the reason.
    fn refuse(&self, receipt_code: &str, reason: &str) -> BoxFuture<'_, Result<(), StoreError>>;
    /// The reason an earlier ingest gave for refusing a waiting submission (the console shows
    /// it), if it was refused.
    fn refusal(&self, receipt_code: &str) -> BoxFuture<'_, Result<Option<String>, StoreError>>;
    /// Where a waiting submission is, for messages (`inbox/new/….json`, `s3://b/p/new/….json`).
    fn name(&self, receipt_code: &str) -> String;
}

/// A store named on a command line or in a config file: `s3://bucket/prefix` (the endpoint
/// and keys from the standard `AWS_*` variables, docs/operations.md), otherwise a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    Folder(PathBuf),
    Bucket(String),
}

impl Location {
    pub fn parse(text: &str) -> Location {
        if text.starts_with("s3://") { Location::Bucket(text.to_string()) } else { Location::Folder(text.into()) }
    }

    /// Open the store (a folder and its sub-folders are created).
    pub fn open(&self) -> std::io::Result<Arc<dyn Store>> {
        Ok(match self {
            Location::Folder(dir) => Arc::new(Arc::new(FolderStore::open(dir)?)),
            Location::Bucket(url) => Arc::new(BucketStore::open(url)?),
        })
    }
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Location::Folder(dir) => write!(f, "{}", dir.display()),
            Location::Bucket(url) => f.write_str(url),
        }
    }
}

/// A stored submission with the same receipt code: the same submission again (same
/// `created_at`), or another one.
fn same(found: &[u8], key: &Key) -> Result<Put, StoreError> {
    let created_at = serde_json::from_slice::<serde_json::Value>(found)
        .ok()
        .and_then(|v| v.get("created_at").and_then(|c| c.as_str().map(str::to_string)));
    if created_at.as_deref() == Some(key.created_at.as_str()) { Ok(Put::Repeat) } else { Err(StoreError::Conflict) }
}

/// The receipt code of a stored name (`123456789012.json`), if it is a submission.
fn code_of(name: &str) -> Option<&str> {
    name.strip_suffix(".json").filter(|code| !code.is_empty() && code.bytes().all(|b| b.is_ascii_digit()))
}

/// `refused` flags from the names found in `new/`; the result in code order.
fn waiting_from(names: impl IntoIterator<Item = String>) -> Vec<Waiting> {
    use deputy_model::intake::folder;
    let names: std::collections::BTreeSet<String> = names.into_iter().collect();
    names
        .iter()
        .filter_map(|name| code_of(name))
        .map(|code| Waiting { receipt_code: code.to_string(), refused: names.contains(&folder::refused_name(code)) })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_location_is_a_bucket_only_by_its_scheme() {
        assert_eq!(Location::parse("s3://inbox/bayannur"), Location::Bucket("s3://inbox/bayannur".into()));
        assert_eq!(Location::parse("/var/lib/deputy-inbox"), Location::Folder("/var/lib/deputy-inbox".into()));
        assert_eq!(Location::parse("inbox"), Location::Folder("inbox".into()));
    }

    #[test]
    fn waiting_lists_submissions_in_code_order_with_their_refusals() {
        let names = ["222.json", "111.json", "111.refused.txt", "healthz-1", "x.json", "333.json.tmp"];
        let w = waiting_from(names.map(String::from));
        assert_eq!(
            w,
            vec![
                Waiting { receipt_code: "111".into(), refused: true },
                Waiting { receipt_code: "222".into(), refused: false },
            ]
        );
    }
}
