//! The store as an S3-compatible bucket (`s3://bucket/prefix`), so that several inbox
//! instances behind a load balancer share one. A submission is written with a conditional put
//! (`If-None-Match: *`): of two requests with one receipt code, on any instance, one creates
//! the object and the other finds it (a repeat or a conflict), so nothing is overwritten. S3
//! answers a put only once the object is durable, which is what the inbox waits for.
//!
//! The endpoint and keys come from the standard variables (`AWS_ENDPOINT_URL`,
//! `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_REGION`, `AWS_ALLOW_HTTP`), so that no
//! secret is in a config file or on a command line.

use std::io;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use deputy_model::intake::folder;
use futures_util::TryStreamExt;
use object_store::aws::{AmazonS3, AmazonS3Builder};
use object_store::path::Path;
use object_store::{ClientOptions, ObjectStore, ObjectStoreExt, PutMode, PutOptions, RetryConfig};

use super::{BoxFuture, Key, Put, Store, StoreError, Waiting, same, waiting_from};

/// A client for `s3://bucket` or `s3://bucket/some/prefix`, configured by the `AWS_*` settings
/// in `vars` (`AWS_ENDPOINT_URL`, `AWS_ACCESS_KEY_ID`, …), with the prefix's folders. Shared by
/// the inbox's store and the data tool's `deploy`. Nothing is contacted yet.
pub fn s3_client(
    url: &str,
    vars: impl IntoIterator<Item = (String, String)>,
    client: ClientOptions,
    retry: RetryConfig,
) -> io::Result<(AmazonS3, Vec<String>)> {
    let rest = url.strip_prefix("s3://").ok_or_else(|| invalid(format!("{url} is not an s3:// URL")))?;
    let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
    if bucket.is_empty() {
        return Err(invalid(format!("{url} names no bucket")));
    }
    let mut builder = AmazonS3Builder::new().with_client_options(client).with_retry(retry);
    for (key, value) in vars {
        if let Some(key) = key.strip_prefix("AWS_").and(key.to_ascii_lowercase().parse().ok()) {
            builder = builder.with_config(key, value);
        }
    }
    let store = builder.with_bucket_name(bucket).build().map_err(|e| invalid(e.to_string()))?;
    let prefix = prefix.split('/').filter(|p| !p.is_empty()).map(str::to_string).collect();
    Ok((store, prefix))
}

pub struct BucketStore {
    store: AmazonS3,
    bucket: String,
    /// Folders inside the bucket before `new/`, `archive/`, `tmp/` (may be empty).
    prefix: Vec<String>,
    counter: AtomicU64,
}

impl BucketStore {
    /// `s3://bucket` or `s3://bucket/some/prefix`, configured by the `AWS_*` variables.
    /// Nothing is contacted yet: `check` does.
    pub fn open(url: &str) -> io::Result<BucketStore> {
        BucketStore::open_with(url, std::env::vars())
    }

    /// [`open`](Self::open) with the settings given (`AWS_ENDPOINT_URL`, …) instead of this
    /// process's environment (tests start their own server).
    pub fn open_with(url: &str, vars: impl IntoIterator<Item = (String, String)>) -> io::Result<BucketStore> {
        // A phone waits for the answer: a store that does not answer quickly is "down"
        // (503, the outbox tries again later), not a request held for minutes. Two tries of
        // 5 s stay within the inbox's request timeout (15 s).
        let client =
            ClientOptions::new().with_timeout(Duration::from_secs(5)).with_connect_timeout(Duration::from_secs(3));
        let retry = RetryConfig { max_retries: 1, retry_timeout: Duration::from_secs(4), ..RetryConfig::default() };
        let (store, prefix) = s3_client(url, vars, client, retry)?;
        let bucket = url.trim_start_matches("s3://").split('/').next().unwrap_or_default().to_string();
        Ok(BucketStore { store, bucket, prefix, counter: AtomicU64::new(0) })
    }

    fn path(&self, sub: &str, name: &str) -> Path {
        Path::from_iter(self.prefix.iter().map(String::as_str).chain([sub, name]))
    }

    fn folder(&self, sub: &str) -> Path {
        Path::from_iter(self.prefix.iter().map(String::as_str).chain([sub]))
    }

    /// The object's bytes, or `None` if there is none.
    async fn get(&self, path: &Path) -> Result<Option<Vec<u8>>, StoreError> {
        match self.store.get(path).await {
            Ok(found) => Ok(Some(found.bytes().await.map_err(unavailable)?.to_vec())),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(unavailable(e)),
        }
    }

    /// Delete, where "already gone" is as good as deleted.
    async fn delete(&self, path: &Path) -> Result<(), StoreError> {
        match self.store.delete(path).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(unavailable(e)),
        }
    }

    async fn put_new(&self, key: Key, body: Vec<u8>) -> Result<Put, StoreError> {
        let name = folder::file_name(&key.receipt_code);
        let archived = self.path(folder::ARCHIVE, &name);
        if let Some(found) = self.get(&archived).await? {
            return same(&found, &key);
        }
        let new = self.path(folder::NEW, &name);
        let create = PutOptions { mode: PutMode::Create, ..PutOptions::default() };
        match self.store.put_opts(&new, body.into(), create).await {
            Ok(_) => Ok(Put::Stored),
            Err(object_store::Error::AlreadyExists { .. }) => {
                // Waiting, or ingested since: either way it is there to compare with.
                match self.get(&new).await? {
                    Some(found) => same(&found, &key),
                    None => self.get(&archived).await?.map_or(Err(StoreError::Conflict), |found| same(&found, &key)),
                }
            }
            Err(e) => Err(unavailable(e)),
        }
    }

    async fn probe(&self) -> Result<(), StoreError> {
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        let probe = self.path(folder::TMP, &format!("healthz-{}-{n}", std::process::id()));
        self.store.put(&probe, b"ok".to_vec().into()).await.map_err(unavailable)?;
        self.delete(&probe).await
    }

    async fn list_new(&self) -> Result<Vec<Waiting>, StoreError> {
        let found: Vec<_> =
            self.store.list(Some(&self.folder(folder::NEW))).try_collect().await.map_err(unavailable)?;
        Ok(waiting_from(found.into_iter().filter_map(|meta| meta.location.filename().map(str::to_string))))
    }

    async fn move_to_archive(&self, receipt_code: String) -> Result<(), StoreError> {
        let name = folder::file_name(&receipt_code);
        let new = self.path(folder::NEW, &name);
        // Copy, then delete: a crash between the two leaves it in both, and the next ingest
        // finds it already in the source's `received/` and only archives it.
        self.store.copy(&new, &self.path(folder::ARCHIVE, &name)).await.map_err(unavailable)?;
        self.delete(&new).await?;
        self.delete(&self.path(folder::NEW, &folder::refused_name(&receipt_code))).await
    }
}

impl Store for BucketStore {
    fn put(&self, key: Key, body: Vec<u8>) -> BoxFuture<'_, Result<Put, StoreError>> {
        Box::pin(self.put_new(key, body))
    }

    fn check(&self) -> BoxFuture<'_, Result<(), StoreError>> {
        Box::pin(self.probe())
    }

    fn waiting(&self) -> BoxFuture<'_, Result<Vec<Waiting>, StoreError>> {
        Box::pin(self.list_new())
    }

    fn read(&self, receipt_code: &str) -> BoxFuture<'_, Result<Vec<u8>, StoreError>> {
        let path = self.path(folder::NEW, &folder::file_name(receipt_code));
        Box::pin(async move {
            self.get(&path).await?.ok_or_else(|| unavailable(io::Error::new(io::ErrorKind::NotFound, path.to_string())))
        })
    }

    fn archive(&self, receipt_code: &str) -> BoxFuture<'_, Result<(), StoreError>> {
        Box::pin(self.move_to_archive(receipt_code.to_string()))
    }

    fn refuse(&self, receipt_code: &str, reason: &str) -> BoxFuture<'_, Result<(), StoreError>> {
        let path = self.path(folder::NEW, &folder::refused_name(receipt_code));
        let body = format!("{reason}\n").into_bytes();
        Box::pin(async move { self.store.put(&path, body.into()).await.map(drop).map_err(unavailable) })
    }

    fn refusal(&self, receipt_code: &str) -> BoxFuture<'_, Result<Option<String>, StoreError>> {
        let path = self.path(folder::NEW, &folder::refused_name(receipt_code));
        Box::pin(async move { Ok(self.get(&path).await?.map(|b| String::from_utf8_lossy(&b).trim_end().to_string())) })
    }

    fn name(&self, receipt_code: &str) -> String {
        format!("s3://{}/{}", self.bucket, self.path(folder::NEW, &folder::file_name(receipt_code)))
    }
}

fn invalid(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, message)
}

fn unavailable(e: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> StoreError {
    StoreError::Unavailable(io::Error::other(e))
}
