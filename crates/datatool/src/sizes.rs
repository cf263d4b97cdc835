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
    if s.largest.is_empty()
        && let Some((rel, n)) = small_max
    {
        let bytes = std::fs::read(root.join(&rel))?;
        s.largest.push((rel, n, crate::search_cost::gzip_len(&bytes)));
    }
    s.largest.sort_by_key(|b| std::cmp::Reverse(b.2));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::{Sink, erased};

    /// Checks every file as the layout makes it, without keeping or writing any.
    struct Budget {
        files: usize,
        largest: (String, usize),
        over: Vec<(String, usize)>,
    }

    impl Sink for Budget {
        fn put(&mut self, rel: &str, value: &dyn erased::Json) -> anyhow::Result<()> {
            let mut buf = Vec::new();
            value.write_json(&mut buf)?;
            self.files += 1;
            if buf.len() > FILE_BUDGET_GZIP {
                let gz = crate::search_cost::gzip_len(&buf);
                if gz > self.largest.1 {
                    self.largest = (rel.to_string(), gz);
                }
                if gz > FILE_BUDGET_GZIP {
                    self.over.push((rel.to_string(), gz));
                }
            }
            Ok(())
        }
    }

    #[test]
    fn national_layout_files_fit_the_budget() {
        // Every division of the country, fewer deputies per unit: places, regions, level pages
        // and the split search index all take their national shape.
        let scale = crate::generate::national::NationalScale::times(0.01);
        let world = crate::generate::national::generate_national(3, scale, &indicatif::ProgressBar::hidden());
        let mut b = Budget { files: 0, largest: (String::new(), 0), over: Vec::new() };
        crate::build::emit(&world, &mut b).unwrap();
        assert!(b.files > 100_000, "{} files", b.files);
        assert!(b.over.is_empty(), "files over 64 KB gzip: {:?}", b.over);
        // The largest are the search leaves and the stations index (hubs and county branches,
        // whose size does not grow with the deputies).
        assert!(
            b.largest.0.starts_with("search/") || b.largest.0 == "stations/index.json",
            "the search leaves or the stations index are the largest files: {:?}",
            b.largest
        );
    }

    #[test]
    fn measures_a_city_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let data = tmp.path().join("data");
        crate::build::write(&crate::generate::generate_city(2), &data).unwrap();
        let s = measure(&data).unwrap();
        assert!(s.files > 500);
        let (_, _, gz) = s.largest.first().unwrap();
        assert!(*gz > 1000 && *gz <= FILE_BUDGET_GZIP);
        assert!(report(&s).contains("合格"));
        // And a name search on it: meta plus one leaf per index at most.
        let text = crate::search_cost::run(&data, &["娜仁其其格".to_string(), "zzzzqq".to_string()]).unwrap();
        assert!(text.contains("search/py/n.json"), "{text}");
        assert!(text.lines().nth(1).unwrap().contains("0 条结果"), "{text}");
    }
}
