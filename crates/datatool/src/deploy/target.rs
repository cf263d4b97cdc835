//! Where `deploy` publishes: a folder on this machine (a web server's root) or an S3-compatible
//! bucket (Aliyun OSS, Tencent COS, MinIO, AWS). Both take the same few operations, in batches,
//! so that a bucket can run many requests at once.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result, anyhow};
use deputy_intake::object_store::aws::AmazonS3;
use deputy_intake::object_store::path::Path as Key;
use deputy_intake::object_store::{
    Attribute, Attributes, ClientOptions, ObjectStore, ObjectStoreExt, PutOptions, RetryConfig,
};
use futures_util::{StreamExt, TryStreamExt};

use super::plan::Headers;

/// One object to publish: the file it comes from and how it is to be served.
pub struct Upload {
    pub key: String,
    pub file: PathBuf,
    pub headers: Headers,
}

pub trait Target {
    /// The object's bytes, or `None` if there is none.
    fn read(&self, key: &str) -> Result<Option<Vec<u8>>>;
    fn write(&self, key: &str, bytes: Vec<u8>) -> Result<()>;
    /// Publish the files, calling `done` after each.
    fn put_all(&self, uploads: Vec<Upload>, done: &(dyn Fn() + Sync)) -> Result<()>;
    /// Copy objects within the target (from, to); a missing source is skipped.
    fn copy_all(&self, pairs: Vec<(String, String)>, done: &(dyn Fn() + Sync)) -> Result<()>;
    /// Delete objects; "already gone" is as good as deleted.
    fn delete_all(&self, keys: Vec<String>, done: &(dyn Fn() + Sync)) -> Result<()>;
    /// Every key below `prefix`.
    fn list(&self, prefix: &str) -> Result<Vec<String>>;
    fn describe(&self) -> String;
}

/// `s3://bucket/prefix` for a bucket, anything else for a folder.
pub fn open(target: &str) -> Result<Box<dyn Target>> {
    if target.starts_with("s3://") {
        Ok(Box::new(Bucket::open(target, std::env::vars())?))
    } else {
        Ok(Box::new(Folder { root: PathBuf::from(target) }))
    }
}

/// A folder, e.g. a web server's root. Headers are the server's business (docs/operations.md);
/// each file is replaced atomically (written beside, then renamed).
pub struct Folder {
    pub root: PathBuf,
}

impl Folder {
    fn path(&self, key: &str) -> PathBuf {
        self.root.join(key)
    }
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("创建目录 {} 失败", dir.display()))?;
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".deploy-{}", std::process::id()));
    std::fs::write(&tmp, bytes).with_context(|| format!("写入 {} 失败", path.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("写入 {} 失败", path.display()))
}

impl Target for Folder {
    fn read(&self, key: &str) -> Result<Option<Vec<u8>>> {
        match std::fs::read(self.path(key)) {
            Ok(b) => Ok(Some(b)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e).with_context(|| format!("读取 {} 失败", self.path(key).display())),
        }
    }

    fn write(&self, key: &str, bytes: Vec<u8>) -> Result<()> {
        write_atomically(&self.path(key), &bytes)
    }

    fn put_all(&self, uploads: Vec<Upload>, done: &(dyn Fn() + Sync)) -> Result<()> {
        for u in uploads {
            let bytes = std::fs::read(&u.file).with_context(|| format!("读取 {} 失败", u.file.display()))?;
            write_atomically(&self.path(&u.key), &bytes)?;
            done();
        }
        Ok(())
    }

    fn copy_all(&self, pairs: Vec<(String, String)>, done: &(dyn Fn() + Sync)) -> Result<()> {
        for (from, to) in pairs {
            if let Some(bytes) = self.read(&from)? {
                write_atomically(&self.path(&to), &bytes)?;
            }
            done();
        }
        Ok(())
    }

    fn delete_all(&self, keys: Vec<String>, done: &(dyn Fn() + Sync)) -> Result<()> {
        for key in keys {
            match std::fs::remove_file(self.path(&key)) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(e).with_context(|| format!("删除 {} 失败", self.path(&key).display()));
                }
                _ => {}
            }
            done();
        }
        Ok(())
    }

    fn list(&self, prefix: &str) -> Result<Vec<String>> {
        let mut out = Vec::new();
        let mut stack = vec![self.path(prefix)];
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else { continue };
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if let Ok(rel) = p.strip_prefix(&self.root) {
                    out.push(rel.to_string_lossy().replace('\\', "/"));
                }
            }
        }
        out.sort();
        Ok(out)
    }

    fn describe(&self) -> String {
        self.root.display().to_string()
    }
}

/// An S3-compatible bucket; the endpoint and keys come from the `AWS_*` variables, as for the
/// inbox's store.
pub struct Bucket {
    store: Arc<AmazonS3>,
    url: String,
    prefix: Vec<String>,
    runtime: tokio::runtime::Runtime,
}

/// Requests in flight at once.
const PARALLEL: usize = 16;

impl Bucket {
    pub fn open(url: &str, vars: impl IntoIterator<Item = (String, String)>) -> Result<Bucket> {
        // Uploads of large files over a station's line take a while; retried a few times.
        let client =
            ClientOptions::new().with_timeout(Duration::from_secs(120)).with_connect_timeout(Duration::from_secs(10));
        let retry = RetryConfig { max_retries: 4, retry_timeout: Duration::from_secs(300), ..RetryConfig::default() };
        let (store, prefix) = deputy_intake::s3_client(url, vars, client, retry).map_err(|e| anyhow!("{e}"))?;
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
        Ok(Bucket { store: Arc::new(store), url: url.to_string(), prefix, runtime })
    }

    fn key(&self, key: &str) -> Key {
        Key::from_iter(self.prefix.iter().map(String::as_str).chain(key.split('/').filter(|p| !p.is_empty())))
    }

    fn each<T: Send>(
        &self,
        items: Vec<T>,
        done: &(dyn Fn() + Sync),
        op: impl Fn(Arc<AmazonS3>, T) -> futures_util::future::BoxFuture<'static, Result<()>>,
    ) -> Result<()> {
        self.runtime.block_on(async {
            futures_util::stream::iter(items.into_iter().map(|item| op(self.store.clone(), item)))
                .buffer_unordered(PARALLEL)
                .try_for_each(|()| async {
                    done();
                    Ok(())
                })
                .await
        })
    }
}

impl Target for Bucket {
    fn read(&self, key: &str) -> Result<Option<Vec<u8>>> {
        let path = self.key(key);
        self.runtime.block_on(async {
            match self.store.get(&path).await {
                Ok(found) => Ok(Some(found.bytes().await?.to_vec())),
                Err(deputy_intake::object_store::Error::NotFound { .. }) => Ok(None),
                Err(e) => Err(anyhow!("读取 {path} 失败：{e}")),
            }
        })
    }

    fn write(&self, key: &str, bytes: Vec<u8>) -> Result<()> {
        let path = self.key(key);
        self.runtime
            .block_on(async { self.store.put(&path, bytes.into()).await.map(drop) })
            .map_err(|e| anyhow!("上传 {key} 失败：{e}"))
    }

    fn put_all(&self, uploads: Vec<Upload>, done: &(dyn Fn() + Sync)) -> Result<()> {
        let uploads: Vec<(Key, Upload)> = uploads.into_iter().map(|u| (self.key(&u.key), u)).collect();
        self.each(uploads, done, |store, (path, u)| {
            Box::pin(async move {
                let bytes = u.headers.body(&u.file)?;
                let mut attributes = Attributes::new();
                attributes.insert(Attribute::ContentType, u.headers.content_type.into());
                attributes.insert(Attribute::CacheControl, u.headers.cache_control.into());
                if let Some(encoding) = u.headers.content_encoding {
                    attributes.insert(Attribute::ContentEncoding, encoding.into());
                }
                let opts = PutOptions { attributes, ..PutOptions::default() };
                store.put_opts(&path, bytes.into(), opts).await.map_err(|e| anyhow!("上传 {} 失败：{e}", u.key))?;
                Ok(())
            })
        })
    }

    fn copy_all(&self, pairs: Vec<(String, String)>, done: &(dyn Fn() + Sync)) -> Result<()> {
        let pairs: Vec<(Key, Key)> = pairs.iter().map(|(f, t)| (self.key(f), self.key(t))).collect();
        self.each(pairs, done, |store, (from, to)| {
            Box::pin(async move {
                match store.copy(&from, &to).await {
                    Ok(()) | Err(deputy_intake::object_store::Error::NotFound { .. }) => Ok(()),
                    Err(e) => Err(anyhow!("复制 {from} 失败：{e}")),
                }
            })
        })
    }

    fn delete_all(&self, keys: Vec<String>, done: &(dyn Fn() + Sync)) -> Result<()> {
        let keys: Vec<Key> = keys.iter().map(|k| self.key(k)).collect();
        self.each(keys, done, |store, path| {
            Box::pin(async move {
                match store.delete(&path).await {
                    Ok(()) | Err(deputy_intake::object_store::Error::NotFound { .. }) => Ok(()),
                    Err(e) => Err(anyhow!("删除 {path} 失败：{e}")),
                }
            })
        })
    }

    fn list(&self, prefix: &str) -> Result<Vec<String>> {
        let base = self.key(prefix);
        let strip = self.prefix.iter().map(|p| p.len() + 1).sum::<usize>();
        let found: Vec<_> = self
            .runtime
            .block_on(async { self.store.list(Some(&base)).try_collect::<Vec<_>>().await })
            .map_err(|e| anyhow!("列出 {base} 失败：{e}"))?;
        let mut keys: Vec<String> = found.into_iter().map(|m| m.location.as_ref()[strip..].to_string()).collect();
        keys.sort();
        Ok(keys)
    }

    fn describe(&self) -> String {
        self.url.clone()
    }
}
