//! `deploy SITE TARGET`: publish a site folder (the app, its entry pages and `data/`) to a
//! folder or an S3-compatible bucket, uploading only what changed since the last deploy.
//!
//! The target keeps its own record in `.deploy/`: `current` (every published key and its content
//! hash), `previous` (the release before) and `previous-files/` (the previous content of every
//! object the last deploy replaced or removed), so that `--rollback` can put the previous release
//! back. A deploy goes:
//!
//! 1. the files whose hash differs from `current` are the ones to upload; the keys `current`
//!    has and the new release has not are the ones to remove;
//! 2. what is about to be replaced or removed is copied into `previous-files/`;
//! 3. uploads in phases (plan.rs): data, then code and assets, then pages, then `index.html`,
//!    `404.html`, `sw.js`, `precache.json`: no visitor gets a page that points at data or code
//!    not there yet;
//! 4. the switch: `current` is written;
//! 5. only then removals. The previous release's code files (hashed names) stay one release
//!    longer, for pages still open on it.
//!
//! A deploy that stops half way leaves `.deploy/in-progress` with the keys it was publishing;
//! the next deploy redoes those and keeps the saved previous files, so rollback still works.

pub mod plan;
mod target;

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::{Result, bail};

use plan::{Release, headers, is_hashed, phase};
#[cfg(test)]
use target::{Bucket, Folder};
pub use target::{Target, Upload};

const CURRENT: &str = ".deploy/current";
const PREVIOUS: &str = ".deploy/previous";
const PREVIOUS_FILES: &str = ".deploy/previous-files/";
const IN_PROGRESS: &str = ".deploy/in-progress";
const HEADER: &str = "deputy-home deploy 1";

/// A published release as the target records it.
#[derive(Debug, Default, Clone, PartialEq)]
struct State {
    files: Release,
    /// Code files of the release before, kept for pages still open on it.
    kept: BTreeSet<String>,
}

impl State {
    fn read(target: &dyn Target, key: &str) -> Result<Option<State>> {
        let Some(bytes) = target.read(key)? else { return Ok(None) };
        let text = String::from_utf8(bytes)?;
        let mut lines = text.lines();
        if lines.next() != Some(HEADER) {
            bail!("{} 中的 {key} 不是本工具能读的格式（是更新版本写的？）", target.describe());
        }
        let mut state = State::default();
        for line in lines {
            match line.split_once(' ') {
                Some(("kept", k)) => {
                    state.kept.insert(k.to_string());
                }
                Some((hex, k)) => {
                    let h = u128::from_str_radix(hex, 16).map_err(|_| anyhow::anyhow!("{key} 已损坏：{line}"))?;
                    state.files.insert(k.to_string(), h);
                }
                None => bail!("{key} 已损坏：{line}"),
            }
        }
        Ok(Some(state))
    }

    fn text(&self) -> Vec<u8> {
        let mut out = format!("{HEADER}\n");
        for (k, h) in &self.files {
            out.push_str(&format!("{h:032x} {k}\n"));
        }
        for k in &self.kept {
            out.push_str(&format!("kept {k}\n"));
        }
        out.into_bytes()
    }
}

/// What a deploy (or rollback) did.
#[derive(Debug, Default, PartialEq)]
pub struct Report {
    pub uploaded: usize,
    pub removed: usize,
    pub unchanged: usize,
    /// Uploads per phase: data, code and assets, pages, build pointers.
    pub per_phase: [usize; 4],
    /// The files (keys) that are new, replaced and removed: what the console shows before a
    /// publish.
    pub new_files: Vec<String>,
    pub replaced: Vec<String>,
    pub removed_files: Vec<String>,
}

impl Report {
    pub fn line(&self) -> String {
        let [data, code, pages, pointers] = self.per_phase;
        format!(
            "上传 {} 个（数据 {data}，程序与资源 {code}，页面 {pages}，入口 {pointers}），删除 {} 个，未变 {} 个",
            self.uploaded, self.removed, self.unchanged
        )
    }
}

/// Progress: a line per step, and a bar for long ones.
pub type Progress<'a> = &'a dyn Fn(&str, usize) -> indicatif::ProgressBar;

fn sorted_by_phase(mut keys: Vec<String>) -> Vec<Vec<String>> {
    keys.sort_by(|a, b| (phase(a), a).cmp(&(phase(b), b)));
    let mut phases = vec![Vec::new(); 4];
    for k in keys {
        phases[phase(&k) as usize].push(k);
    }
    phases
}

/// Publish the site folder `site` to `target`. With `dry_run`, only say what would change.
pub fn run(site: &Path, target: &dyn Target, dry_run: bool, progress: Progress) -> Result<Report> {
    if !site.join("index.html").is_file() {
        bail!("{} 不是网站目录（没有 index.html）：先运行 scripts/build.sh，或给出含 data/ 的网站目录", site.display());
    }
    let bucket = target.describe().starts_with("s3://");
    let new = plan::release(site, bucket)?;
    let current = State::read(target, CURRENT)?.unwrap_or_default();
    let resumed: BTreeSet<String> = match target.read(IN_PROGRESS)? {
        Some(b) => String::from_utf8_lossy(&b).lines().map(str::to_string).collect(),
        None => BTreeSet::new(),
    };
    let changed: Vec<String> = new
        .iter()
        .filter(|(k, h)| current.files.get(*k) != Some(h) || resumed.contains(*k))
        .map(|(k, _)| k.clone())
        .collect();
    let dropped: Vec<&String> = current.files.keys().filter(|k| !new.contains_key(*k)).collect();
    // Code of the release being replaced stays one more release; code kept from the one before
    // that goes now, with everything else the new release does not have.
    let kept: BTreeSet<String> = dropped.iter().filter(|k| is_hashed(k)).map(|k| k.to_string()).collect();
    let mut remove: Vec<String> = dropped.iter().filter(|k| !is_hashed(k)).map(|k| k.to_string()).collect();
    remove.extend(current.kept.iter().filter(|k| !new.contains_key(*k) && !kept.contains(*k)).cloned());
    let (new_files, replaced) = changed.iter().cloned().partition(|k| !current.files.contains_key(k));
    let mut report = Report {
        uploaded: changed.len(),
        removed: remove.len(),
        unchanged: new.len() - changed.len(),
        new_files,
        replaced,
        removed_files: remove.clone(),
        ..Report::default()
    };
    for k in &changed {
        report.per_phase[phase(k) as usize] += 1;
    }
    if dry_run || (changed.is_empty() && remove.is_empty() && kept == current.kept) {
        return Ok(report);
    }

    // 2. Save what is about to be replaced or removed (unless a stopped deploy already did).
    let save: Vec<String> = changed
        .iter()
        .chain(&remove)
        .filter(|k| current.files.contains_key(*k) && !(is_hashed(k) && current.files.get(*k) == new.get(*k)))
        .cloned()
        .collect();
    if resumed.is_empty() {
        let old = target.list(PREVIOUS_FILES)?;
        let bar = progress("清理更早的备份", old.len());
        target.delete_all(old, &|| bar.inc(1))?;
        bar.finish_and_clear();
    }
    let mut touched: BTreeSet<String> = resumed.clone();
    touched.extend(changed.iter().cloned());
    target.write(IN_PROGRESS, touched.iter().map(|k| format!("{k}\n")).collect::<String>().into_bytes())?;
    let already: BTreeSet<String> =
        if resumed.is_empty() { BTreeSet::new() } else { target.list(PREVIOUS_FILES)?.into_iter().collect() };
    let copies: Vec<(String, String)> = save
        .iter()
        .map(|k| (k.clone(), format!("{PREVIOUS_FILES}{k}")))
        .filter(|(_, to)| !already.contains(to))
        .collect();
    let bar = progress("备份将被替换的文件", copies.len());
    target.copy_all(copies, &|| bar.inc(1))?;
    bar.finish_and_clear();
    if resumed.is_empty() {
        target.write(PREVIOUS, current.text())?;
    }

    // 3. Upload, phase by phase.
    let names = ["数据", "程序与资源", "页面", "入口页面与服务工作线程"];
    for (i, keys) in sorted_by_phase(changed).into_iter().enumerate() {
        let bar = progress(&format!("上传{}", names[i]), keys.len());
        let uploads = keys
            .into_iter()
            .map(|k| Upload { file: plan::source(site, &k), headers: headers(&k, bucket), key: k })
            .collect();
        target.put_all(uploads, &|| bar.inc(1))?;
        bar.finish_and_clear();
    }

    // 4. The switch, 5. then removals.
    target.write(CURRENT, State { files: new, kept }.text())?;
    let bar = progress("删除新版本不再有的文件", remove.len());
    target.delete_all(remove, &|| bar.inc(1))?;
    bar.finish_and_clear();
    target.delete_all(vec![IN_PROGRESS.to_string()], &|| {})?;
    Ok(report)
}

/// Put the previous release back: the files the last deploy replaced or removed come back from
/// `previous-files/` (data first, pages last), the ones it added go. Once: the saved files are
/// then gone, and a second rollback says there is nothing to roll back to.
pub fn rollback(target: &dyn Target, progress: Progress) -> Result<Report> {
    if target.read(IN_PROGRESS)?.is_some() {
        bail!("上一次发布没有完成：先再运行一次 deploy 完成它，再回滚");
    }
    let Some(previous) = State::read(target, PREVIOUS)? else {
        bail!("{} 没有可以回滚到的上一个版本（每次发布只保留上一个版本，且只能回滚一次）", target.describe());
    };
    let current = State::read(target, CURRENT)?.unwrap_or_default();
    let restore: Vec<String> = previous
        .files
        .iter()
        .filter(|(k, h)| current.files.get(*k) != Some(*h) && !(is_hashed(k) && current.kept.contains(*k)))
        .map(|(k, _)| k.clone())
        .collect();
    let added: Vec<&String> = current.files.keys().filter(|k| !previous.files.contains_key(*k)).collect();
    // The rolled-back release's code stays a release longer too.
    let kept: BTreeSet<String> = added.iter().filter(|k| is_hashed(k)).map(|k| k.to_string()).collect();
    let remove: Vec<String> = added.iter().filter(|k| !is_hashed(k)).map(|k| k.to_string()).collect();
    let mut report = Report {
        uploaded: restore.len(),
        removed: remove.len(),
        unchanged: previous.files.len() - restore.len(),
        ..Report::default()
    };
    for (i, keys) in sorted_by_phase(restore).into_iter().enumerate() {
        report.per_phase[i] = keys.len();
        let bar = progress("恢复上一个版本的文件", keys.len());
        target.copy_all(keys.into_iter().map(|k| (format!("{PREVIOUS_FILES}{k}"), k)).collect(), &|| bar.inc(1))?;
        bar.finish_and_clear();
    }
    target.write(CURRENT, State { files: previous.files, kept }.text())?;
    target.delete_all(remove, &|| {})?;
    let saved = target.list(PREVIOUS_FILES)?;
    target.delete_all(saved, &|| {})?;
    target.delete_all(vec![PREVIOUS.to_string()], &|| {})?;
    Ok(report)
}

/// Open a target named on the command line.
pub fn open(target: &str) -> Result<Box<dyn Target>> {
    target::open(target)
}

#[cfg(test)]
mod tests;
