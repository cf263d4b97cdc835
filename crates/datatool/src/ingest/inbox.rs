//! `ingest SRC --from DIR`: what the inbox service stored (`deputy_model::intake::folder`'s
//! layout), exactly once. An ingested file moves from `new/` to `archive/`; a refused one stays
//! in `new/` with its reason beside it (`{code}.refused.txt`) and is not tried again until the
//! station deletes the reason; so a second run does nothing new. A file whose identical copy
//! is already in `SRC/received/` (the last run stopped between saving and moving) is moved,
//! not ingested twice.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use deputy_model::intake::folder;

use super::{Options, Outcome, ingest};

/// What one run did.
pub struct InboxRun {
    pub outcomes: Vec<Outcome>,
    /// Already ingested by an earlier run that stopped before moving them: now moved.
    pub moved_late: usize,
    /// Refused by an earlier run, still waiting for the station.
    pub still_refused: usize,
}

pub fn ingest_inbox(src: &Path, inbox: &Path, opts: &Options) -> Result<InboxRun> {
    let new = inbox.join(folder::NEW);
    let archive = inbox.join(folder::ARCHIVE);
    fs::create_dir_all(&archive).with_context(|| format!("创建 {} 失败", archive.display()))?;
    let mut files = Vec::new();
    let (mut moved_late, mut still_refused) = (0, 0);
    for path in waiting(&new)? {
        let code = code_of(&path);
        if new.join(folder::refused_name(&code)).exists() {
            still_refused += 1;
            continue;
        }
        let received = src.join("received").join(folder::file_name(&code));
        if received.exists() && fs::read(&received).ok() == fs::read(&path).ok() {
            move_to(&path, &archive)?;
            moved_late += 1;
            continue;
        }
        files.push(path);
    }
    let outcomes = ingest(src, &files, opts)?;
    // The source is saved (ingest returns after saving): now file each one away.
    for outcome in &outcomes {
        match &outcome.result {
            Ok(_) => move_to(&outcome.file, &archive)?,
            Err(e) => {
                let reason = new.join(folder::refused_name(&code_of(&outcome.file)));
                fs::write(&reason, format!("{e:#}\n")).with_context(|| format!("写入 {} 失败", reason.display()))?;
            }
        }
    }
    Ok(InboxRun { outcomes, moved_late, still_refused })
}

/// The stored submissions, in name order (the order of receipt codes, so runs are repeatable).
fn waiting(new: &Path) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = fs::read_dir(new)
        .with_context(|| format!("读取收件箱 {} 失败", new.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    Ok(files)
}

fn code_of(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

fn move_to(file: &Path, archive: &Path) -> Result<()> {
    let name = file.file_name().context("a file name")?;
    fs::rename(file, archive.join(name))
        .with_context(|| format!("移动 {} 到 {} 失败", file.display(), archive.display()))
}
