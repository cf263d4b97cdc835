//! Files only their owner can read (password hashes, sessions, staff names), written whole,
//! and the exclusive lock that orders the changes of several processes.

use std::fs;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

/// A folder created readable by its owner only (with its parents).
pub(crate) fn private_dir(dir: &Path) -> Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).with_context(|| format!("创建 {}", dir.display()))
}

/// A new file only its owner can read; never an existing one, nor what a symbolic link placed
/// there points to.
pub(crate) fn private_file(path: &Path) -> Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path).with_context(|| format!("写入 {}", path.display()))
}

/// Replace `path` with `bytes`: a temporary file beside it, synced, renamed over it, and the
/// folder synced. A crash leaves the old file or the new one, never half of one.
pub(crate) fn write_whole(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().context("文件没有所在目录")?;
    private_dir(dir)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{:016x}.tmp", rand::random::<u64>()));
    let mut out = private_file(&tmp)?;
    out.write_all(bytes)?;
    out.sync_all()?;
    fs::rename(&tmp, path).with_context(|| format!("写入 {}", path.display()))?;
    fs::File::open(dir)?.sync_all()?;
    Ok(())
}

/// The exclusive lock `dir/name`, held until the value is dropped: the changes of every
/// process on the folder happen one after the other.
pub(crate) fn lock(dir: &Path, name: &str) -> Result<fs::File> {
    private_dir(dir)?;
    let path = dir.join(name);
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("打开 {}", path.display()))?;
    file.lock().with_context(|| format!("锁定 {}", path.display()))?;
    Ok(file)
}
