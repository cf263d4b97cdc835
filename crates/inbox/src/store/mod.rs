//! Where accepted submissions go. One interface, so that the service does not care whether it
//! writes to a folder on this machine or (later) to object storage shared by several instances.
//! A `put` returns only once the submission is durable: the service answers 2xx after it.

mod folder;

use std::future::Future;
use std::pin::Pin;

pub use folder::FolderStore;

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

pub trait Store: Send + Sync + 'static {
    /// Store `body` under `key`, durably, unless the same submission is already there.
    fn put(&self, key: Key, body: Vec<u8>) -> BoxFuture<'_, Result<Put, StoreError>>;
    /// Whether the store can take submissions now (for `GET /healthz`).
    fn check(&self) -> BoxFuture<'_, Result<(), StoreError>>;
}
