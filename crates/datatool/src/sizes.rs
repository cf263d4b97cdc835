//! `sizes`: the figures of a served data folder that matter on a slow phone network — how many
//! files and bytes, and the largest file any page fetches, gzip-compressed as a server sends it.
//! Only files whose raw size exceeds the budget are compressed (a file can only shrink), so this
//! stays quick on millions of files.

use std::path::Path;

use anyhow::{Context, Result};

/// The budget of any one fetched file, gzip.
pub const FILE_BUDGET_GZIP: usize = 64 * 1024;

pub struct Sizes {
    pub files: u64,
    pub bytes: u64,
    /// The largest files by gzip size (path, raw, gzip), largest first, among those checked.
    pub largest: Vec<(String, u64, usize)>,
}

pub fn measure(root: &Path) -> Result<Sizes> {
    let mut s = Sizes { files: 0, bytes: 0, largest: Vec::new() };
    let mut stack = vec![root.to_path_buf()];
    let mut small_max: Option<(String, u64)> = None;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).with_context(|| format!("读取目录 {} 失败", dir.display()))? {
            let entry = entry?;
            let path = entry.path();
            let meta = entry.metadata()?;
            if meta.is_dir() {
                // export/ holds downloads for people, not files pages fetch.
                if !(dir == root && entry.file_name() == "export") {
                    stack.push(path);
                }
                continue;
            }
            s.files += 1;
            s.bytes += meta.len();
            let rel = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            if meta.len() as usize > FILE_BUDGET_GZIP {
                let bytes = std::fs::read(&path)?;
                s.largest.push((rel, meta.len(), crate::search_cost::gzip_len(&bytes)));
            } else if small_max.as_ref().is_none_or(|(_, n)| meta.len() > *n) {
                small_max = Some((rel, meta.len()));
            }
        }
    }
    if s.largest.is_empty() {
        if let Some((rel, n)) = small_max {
            let bytes = std::fs::read(root.join(&rel))?;
            s.largest.push((rel, n, crate::search_cost::gzip_len(&bytes)));
        }
    }
    s.largest.sort_by(|a, b| b.2.cmp(&a.2));
    s.largest.truncate(5);
    Ok(s)
}

pub fn report(s: &Sizes) -> String {
    let mut out = format!("{} 个文件，共 {:.1} MB\n", s.files, s.bytes as f64 / 1e6);
    for (rel, raw, gz) in &s.largest {
        out.push_str(&format!("  {rel}: {raw} B 原始，{gz} B gzip\n"));
    }
    let max = s.largest.first().map(|l| l.2).unwrap_or(0);
    out.push_str(&format!(
        "最大文件 {:.1} KB gzip（上限 {} KB）：{}\n",
        max as f64 / 1024.0,
        FILE_BUDGET_GZIP / 1024,
        if max <= FILE_BUDGET_GZIP { "合格" } else { "超出" }
    ));
    out
}
