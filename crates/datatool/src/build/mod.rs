//! `build`: how a [`World`] (read from a source folder, or generated) becomes the served files
//! under `data/`, written atomically. The entry point is [`write`] / [`write_checked`]; what goes
//! in each file is in [`emit`] and the files beside it, one kind of data each.
//! Index files and per-item
//! files, so no page downloads the whole data set; long lists are paged.
//!
//! ```text
//! site.json                 site config
//! regions/{code}.json       a node of the administrative tree with its path and children
//! places/{code}.json        every deputy who represents that place, all five levels
//! deputies/{id}.json        one deputy
//! groups.json               deputy groups
//! latin.json                pinyin of the characters in names, for the English UI
//! stations/index.json       all liaison stations (summaries)
//! stations/{id}.json        one station with its deputies and reception schedule
//! news/page-{n}.json        news summaries, newest first, 10 a page
//! news/{id}.json            one article
//! levels/{level}/page-{n}.json  deputies of one level, 50 a page
//! search/meta.json          the name index: top leaves per first letter, character → pinyin
//! search/{py,ini}/keys-{letter}.json  the leaves of a first letter that is split further
//! search/{py,ini}/{key}.json  one leaf (page) of the pinyin or initials index
//! track/{code}.json         a letter's handling, opened by its receipt code
//! messages/deputy/{id}.json a deputy's public Q&A and responsiveness (only if written to)
//! messages/page-{n}.json    all public Q&A, newest first, 20 a page
//! messages/stats.json       responsiveness per level
//! receptions/{monday}.json the week's receptions at the city hub and county branches (本周接待)
//! consultations/index.json  drafts open for comment (open ones first)
//! consultations/{id}.json   one draft: structure, comments, results and the computed diff
//! map.json, evaluation.json, news/{kind}/page-{n}.json   see sunshine.rs
//! activities/, joint/, activity-stats/   duty records and their statistics (activities.rs)
//! training/…                 courses, lessons and quizzes (see training.rs)
//! suggestions/…             deputies' suggestions and their handling (see suggestions.rs)
//! ```

//!
//! ```text
//! mod.rs          the entry point: write the layout into a folder, atomically, in full or
//!                 only what changed (manifest.rs: the content hash of every file)
//! emit.rs         the core files (site, regions, deputies, places, letters, receptions, …)
//! site.rs         site.json as served: the modules run, the weeks with receptions
//! sink.rs         where files go (a folder, or memory for tests), serialised once each
//! pages.rs        page sizes of the paged lists
//! sunshine.rs, activities.rs, suggestions.rs, training.rs, consultations.rs, search_index.rs
//! ```

pub mod activities;
pub mod consultations;
mod emit;
mod latin;
pub mod manifest;
pub mod pages;
pub mod search_index;
mod sink;
mod site;
pub mod suggestions;
pub mod sunshine;
pub mod training;

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

pub use emit::{emit, public_message};
pub use sink::{DirSink, MemorySink, Sink};
// For the tests that lay out a world into their own sinks.
#[cfg(test)]
pub use {emit::station_index, sink::erased};

use crate::data_tree::{DataTree, Overlay};
use crate::world::World;
use manifest::Manifest;

/// Every file of the layout as (relative path, JSON text), in memory: for tests and small sets.
#[cfg(test)]
pub fn files(world: &World) -> Result<Vec<(String, String)>> {
    let mut sink = MemorySink::default();
    emit(world, &mut sink)?;
    Ok(sink.0)
}

/// How many files [`emit`] writes for a world, for the progress bar (an estimate is fine).
fn expected_files(world: &World) -> u64 {
    (world.regions.len() * 2 + world.deputies.len() * 2 + world.messages.len() + world.stations.len()) as u64
}

/// What a write did.
#[derive(Debug)]
pub struct Written {
    /// Files in the new release.
    pub files: usize,
    /// Files written (all of them in a full build; the changed ones in an incremental one).
    pub written: usize,
    /// Files of the previous release that the new one no longer has.
    pub removed: usize,
    /// Whether only what changed was written.
    pub incremental: bool,
    /// In an incremental build, the files written or removed (for `pages`).
    pub changed: Vec<String>,
    /// How long each step took, for the station's log and the national benchmark.
    pub steps: Vec<(&'static str, std::time::Duration)>,
}

/// Write the layout into `out` atomically: everything goes to a fresh sibling folder first,
/// file by file as it is made, which replaces `out` only when complete, so a failed run leaves
/// the old data intact. Returns the number of files written.
#[cfg_attr(not(test), allow(dead_code))]
pub fn write(world: &World, out: &Path) -> Result<usize> {
    write_with(world, out, indicatif::ProgressBar::hidden())
}

/// [`write`] with a progress bar (the command line shows one on a terminal).
pub fn write_with(world: &World, out: &Path, progress: indicatif::ProgressBar) -> Result<usize> {
    Ok(write_checked(world, out, progress, Mode::Full, |_| Ok(()))?.files)
}

/// How [`write_checked`] writes.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Mode {
    /// Every file, into a new folder that replaces `out`; no manifest is kept.
    Full,
    /// Only what changed since the build that wrote `out`'s [`manifest`] (everything, as
    /// [`Mode::Full`], when there is none), and a manifest for the next build.
    Incremental,
    /// Every file, as [`Mode::Full`], and a manifest for the next build (`build --full`).
    FullWithManifest,
}

/// Write the layout into `out`, running `check` on the new release before anything of it is
/// published: a failed check leaves `out` untouched.
///
/// Full: the whole layout goes into a fresh staging folder, which is checked and then swapped
/// in. Incremental: every file is still made and hashed, but only those whose content differs
/// from `out`'s manifest go into a sparse staging folder; `check` sees the new release as `out`
/// with those laid over it; then they are moved into place one by one (each replacement is
/// atomic), the files the release no longer has are removed, and the new manifest is written.
pub fn write_checked(
    world: &World,
    out: &Path,
    progress: indicatif::ProgressBar,
    mode: Mode,
    check: impl FnOnce(&DataTree) -> Result<()>,
) -> Result<Written> {
    let mut steps = Vec::new();
    let mut clock = std::time::Instant::now();
    let mut step = |name: &'static str, steps: &mut Vec<_>| {
        steps.push((name, clock.elapsed()));
        clock = std::time::Instant::now();
    };
    let previous = if mode == Mode::Incremental { Manifest::read(out).filter(|_| out.is_dir()) } else { None };
    step("读取清单", &mut steps);
    let staging = staging_for(out)?;
    progress.set_length(expected_files(world));
    let mut sink = DirSink::against(staging.clone(), previous.clone(), progress);
    let result = emit(world, &mut sink);
    sink.progress.finish_and_clear();
    step("生成并比对", &mut steps);
    let fail = |e| {
        let _ = fs::remove_dir_all(&staging);
        Err(e)
    };
    if let Err(e) = result {
        return fail(e);
    }
    let Some(previous) = previous else {
        if let Err(e) = check(&DataTree::dir(&staging)) {
            return fail(e);
        }
        step("检查", &mut steps);
        if mode != Mode::Full {
            sink.manifest().write(&staging)?;
        }
        // Open data (`export`) is not part of the layout: it stays until it is rewritten.
        let export = out.join("export");
        if export.is_dir() {
            fs::rename(&export, staging.join("export")).context("保留开放数据目录 export/ 失败")?;
        }
        if let Err(e) = swap_in(&staging, out) {
            let _ = fs::rename(staging.join("export"), &export);
            return fail(e);
        }
        step("替换", &mut steps);
        return Ok(Written {
            files: sink.count,
            written: sink.count,
            removed: 0,
            incremental: false,
            changed: Vec::new(),
            steps,
        });
    };
    let changed: HashSet<String> = sink.written.drain(..).collect();
    let manifest = sink.manifest();
    let removed: HashSet<String> = previous.0.keys().filter(|rel| !manifest.0.contains_key(*rel)).cloned().collect();
    let tree = DataTree::overlay(out, Overlay { top: staging.clone(), changed, removed });
    if let Err(e) = check(&tree) {
        return fail(e);
    }
    step("检查", &mut steps);
    let Overlay { changed, removed, .. } = tree.into_overlay().expect("an overlay");
    apply(&staging, out, &changed, &removed)?;
    manifest.write(out)?;
    let _ = fs::remove_dir_all(&staging);
    step("替换并写清单", &mut steps);
    let (written, removed_count) = (changed.len(), removed.len());
    let changed = changed.into_iter().chain(removed).collect();
    Ok(Written { files: sink.count, written, removed: removed_count, incremental: true, changed, steps })
}

/// Move the changed files from `staging` into `out` and remove the ones the release dropped,
/// with any precompressed copies (`.gz`, `.br`) of either, which would be stale.
fn apply(staging: &Path, out: &Path, changed: &HashSet<String>, removed: &HashSet<String>) -> Result<()> {
    // Without a manifest, a run that stops half way is followed by a full build.
    Manifest::remove(out)?;
    let mut made = HashSet::new();
    let mut changed: Vec<&String> = changed.iter().collect();
    changed.sort();
    for rel in changed {
        let to = out.join(rel);
        if let Some(dir) = to.parent().filter(|d| !made.contains(*d)) {
            fs::create_dir_all(dir).with_context(|| format!("创建目录 {} 失败", dir.display()))?;
            made.insert(dir.to_path_buf());
        }
        fs::rename(staging.join(rel), &to).with_context(|| format!("替换 {} 失败", to.display()))?;
        remove_compressed(&to);
    }
    for rel in removed {
        let path = out.join(rel);
        match fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(e).with_context(|| format!("删除 {} 失败", path.display()));
            }
            _ => remove_compressed(&path),
        }
    }
    Ok(())
}

fn remove_compressed(path: &Path) {
    for ext in ["gz", "br"] {
        let mut p = path.as_os_str().to_owned();
        p.push(format!(".{ext}"));
        let _ = fs::remove_file(PathBuf::from(p));
    }
}

/// A fresh, empty staging folder beside `out` (same file system, so the final rename is atomic).
pub fn staging_for(out: &Path) -> Result<PathBuf> {
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    fs::create_dir_all(parent).with_context(|| format!("创建目录 {} 失败", parent.display()))?;
    let name = out.file_name().and_then(|n| n.to_str()).unwrap_or("data");
    let staging = parent.join(format!(".{name}.staging-{}", std::process::id()));
    let _ = fs::remove_dir_all(&staging);
    fs::create_dir_all(&staging).with_context(|| format!("创建目录 {} 失败", staging.display()))?;
    Ok(staging)
}

/// Replace `out` with `staging`, keeping the old folder until the new one is in place.
pub fn swap_in(staging: &Path, out: &Path) -> Result<()> {
    let old: PathBuf = out.with_extension("previous");
    let _ = fs::remove_dir_all(&old);
    if out.exists() {
        fs::rename(out, &old).with_context(|| format!("移走旧目录 {} 失败", out.display()))?;
    }
    if let Err(e) = fs::rename(staging, out) {
        // Put the old data back before reporting.
        let _ = fs::rename(&old, out);
        return Err(e).with_context(|| format!("替换目录 {} 失败", out.display()));
    }
    let _ = fs::remove_dir_all(&old);
    Ok(())
}
