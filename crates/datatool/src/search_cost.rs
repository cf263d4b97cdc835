//! `search-cost`: what a name search costs the app on a served data folder — the files it
//! fetches (exactly as the directory page routes them, via `deputy_model::search`), their
//! gzip bytes, and what it finds. The benchmark runs it on the national set.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use deputy_model::search::{
    Route, SearchKeys, SearchMeta, SearchShard, query_keys, route, route_leaves, search_merged,
};

/// One query's look-up.
pub struct Lookup {
    pub names: Vec<String>,
    /// Files fetched, in order (meta.json first).
    pub files: Vec<String>,
    /// False when more names share the typed prefix than were fetched.
    pub complete: bool,
    /// Entries under the typed prefix (for "about N; type more").
    pub total: u64,
}

/// Route and run a query with `read` giving a served file's text by its data-relative path.
pub fn lookup(read: &mut dyn FnMut(&str) -> Result<String>, q: &str) -> Result<Lookup> {
    let meta: SearchMeta = serde_json::from_str(&read("search/meta.json")?).context("search/meta.json")?;
    let mut files = vec!["search/meta.json".to_string()];
    let mut shards: Vec<SearchShard> = Vec::new();
    let (mut complete, mut total) = (true, 0);
    for (index, key) in query_keys(&meta, q) {
        let mut r = route(&meta, index, &key);
        if let Route::Keys(path) = &r {
            let keys: SearchKeys = serde_json::from_str(&read(path)?).with_context(|| path.clone())?;
            files.push(path.clone());
            r = route_leaves(&keys.leaves, index, &key);
        }
        match r {
            Route::Fetch { paths, complete: c, total: t } => {
                complete &= c;
                total = total.max(t);
                for p in paths {
                    shards.push(serde_json::from_str(&read(&p)?).with_context(|| p.clone())?);
                    files.push(p);
                }
            }
            Route::TooMany(t) => {
                complete = false;
                total = total.max(t);
            }
            Route::Nothing | Route::Keys(_) => {}
        }
    }
    let names = search_merged(&shards, q).into_iter().map(|e| e.deputy.name.clone()).collect();
    Ok(Lookup { names, files, complete, total })
}

/// Gzip size at the default level (6), what a typical static host or CDN sends.
pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let _ = enc.write_all(bytes);
    enc.finish().map(|v| v.len()).unwrap_or(bytes.len())
}

/// A report line per query: files fetched, raw and gzip bytes, hits.
pub fn run(dir: &Path, queries: &[String]) -> Result<String> {
    let mut out = String::new();
    for q in queries {
        let mut raw = 0;
        let mut gz = 0;
        let mut read = |rel: &str| -> Result<String> {
            let path = dir.join(rel);
            let text = std::fs::read_to_string(&path).with_context(|| format!("读取 {} 失败", path.display()))?;
            raw += text.len();
            gz += gzip_len(text.as_bytes());
            Ok(text)
        };
        let l = lookup(&mut read, q)?;
        let shown = if l.complete {
            format!("{} 条结果", l.names.len())
        } else {
            format!("{} 条结果（共约 {} 条，需再输入）", l.names.len(), l.total)
        };
        out.push_str(&format!(
            "{q:<14} {} 个文件 {:>8} B 原始 {:>7} B gzip  {shown}  [{}]\n",
            l.files.len(),
            raw,
            gz,
            l.files.join(" ")
        ));
    }
    Ok(out)
}
