//! The store as a folder on this machine (`deputy_model::intake::folder`'s layout). A submission is written
//! to `tmp/`, synced, then hard-linked into `new/`: the link is atomic and fails if the name is
//! taken, so two requests with one receipt code cannot overwrite each other, and a crash leaves
//! either the whole file or none (a stray file in `tmp/` is never read).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use deputy_model::intake::folder;

use super::{BoxFuture, Key, Put, Store, StoreError, Waiting, same, waiting_from};

pub struct FolderStore {
    root: PathBuf,
}

/// Makes temporary names unique within this process (the process id, across processes).
static COUNTER: AtomicU64 = AtomicU64::new(0);

impl FolderStore {
    /// Open (and create) the folder and its sub-folders.
    pub fn open(root: impl Into<PathBuf>) -> io::Result<FolderStore> {
        let root = root.into();
        for sub in [folder::NEW, folder::ARCHIVE, folder::TMP] {
            fs::create_dir_all(root.join(sub))?;
        }
        Ok(FolderStore { root })
    }

    fn put_blocking(&self, key: &Key, body: &[u8]) -> Result<Put, StoreError> {
        let name = folder::file_name(&key.receipt_code);
        if let Some(found) = self.existing(&name)? {
            return same(&found, key);
        }
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = self.root.join(folder::TMP).join(format!("{}-{}-{n}.json", key.receipt_code, std::process::id()));
        let result = self.write_synced(&tmp, body).and_then(|()| {
            let new_dir = self.root.join(folder::NEW);
            match fs::hard_link(&tmp, new_dir.join(&name)) {
                Ok(()) => sync_dir(&new_dir).map(|()| Ok(Put::Stored)),
                // Another request with this code won the race: a repeat or a conflict.
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    Ok(self.existing(&name).and_then(|found| found.map_or(Ok(Put::Stored), |found| same(&found, key))))
                }
                Err(e) => Err(e),
            }
        });
        let _ = fs::remove_file(&tmp);
        result.map_err(StoreError::Unavailable)?
    }

    fn write_synced(&self, path: &Path, body: &[u8]) -> io::Result<()> {
        let mut file = OpenOptions::new().write(true).create_new(true).open(path)?;
        file.write_all(body)?;
        file.sync_all()
    }

    /// The stored text under this name, received or already ingested.
    fn existing(&self, name: &str) -> Result<Option<Vec<u8>>, StoreError> {
        for sub in [folder::NEW, folder::ARCHIVE] {
            match fs::read(self.root.join(sub).join(name)) {
                Ok(text) => return Ok(Some(text)),
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(StoreError::Unavailable(e)),
            }
        }
        Ok(None)
    }

    fn new_path(&self, name: &str) -> PathBuf {
        self.root.join(folder::NEW).join(name)
    }
}

fn unavailable(e: io::Error) -> StoreError {
    StoreError::Unavailable(e)
}

/// The new name must survive a crash too, not only the file's bytes.
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

impl Store for std::sync::Arc<FolderStore> {
    fn put(&self, key: Key, body: Vec<u8>) -> BoxFuture<'_, Result<Put, StoreError>> {
        let this = self.clone();
        Box::pin(async move {
            tokio::task::spawn_blocking(move || this.put_blocking(&key, &body))
                .await
                .unwrap_or_else(|e| Err(StoreError::Unavailable(io::Error::other(e))))
        })
    }

    fn check(&self) -> BoxFuture<'_, Result<(), StoreError>> {
        let this = self.clone();
        Box::pin(async move {
            tokio::task::spawn_blocking(move || {
                let probe = this.root.join(folder::TMP).join(format!("healthz-{}", std::process::id()));
                let written = this.write_synced(&probe, b"ok").or_else(|e| {
                    // A probe left by a crash: write over it.
                    if e.kind() == io::ErrorKind::AlreadyExists { fs::write(&probe, b"ok") } else { Err(e) }
                });
                let _ = fs::remove_file(&probe);
                written.map_err(StoreError::Unavailable)
            })
            .await
            .unwrap_or_else(|e| Err(StoreError::Unavailable(io::Error::other(e))))
        })
    }

    // The ingest side runs in the data tool, one file at a time: plain file calls suffice.
    fn waiting(&self) -> BoxFuture<'_, Result<Vec<Waiting>, StoreError>> {
        let names = fs::read_dir(self.root.join(folder::NEW)).and_then(|entries| {
            entries.map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned())).collect::<io::Result<Vec<_>>>()
        });
        Box::pin(async move { names.map(waiting_from).map_err(unavailable) })
    }

    fn read(&self, receipt_code: &str) -> BoxFuture<'_, Result<Vec<u8>, StoreError>> {
        let read = fs::read(self.new_path(&folder::file_name(receipt_code)));
        Box::pin(async move { read.map_err(unavailable) })
    }

    fn archive(&self, receipt_code: &str) -> BoxFuture<'_, Result<(), StoreError>> {
        let name = folder::file_name(receipt_code);
        let archive = self.root.join(folder::ARCHIVE);
        let moved = fs::rename(self.new_path(&name), archive.join(&name)).and_then(|()| sync_dir(&archive));
        let _ = fs::remove_file(self.new_path(&folder::refused_name(receipt_code)));
        Box::pin(async move { moved.map_err(unavailable) })
    }

    fn refuse(&self, receipt_code: &str, reason: &str) -> BoxFuture<'_, Result<(), StoreError>> {
        let written = fs::write(self.new_path(&folder::refused_name(receipt_code)), format!("{reason}\n"));
        Box::pin(async move { written.map_err(unavailable) })
    }

    fn refusal(&self, receipt_code: &str) -> BoxFuture<'_, Result<Option<String>, StoreError>> {
        let read = match fs::read_to_string(self.new_path(&folder::refused_name(receipt_code))) {
            Ok(text) => Ok(Some(text.trim_end().to_string())),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(unavailable(e)),
        };
        Box::pin(async move { read })
    }

    fn name(&self, receipt_code: &str) -> String {
        self.new_path(&folder::file_name(receipt_code)).display().to_string()
    }
}
