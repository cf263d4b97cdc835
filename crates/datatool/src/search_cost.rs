//! `search-cost`: what a name search costs the app on a served data folder — the files it
//! fetches (exactly as the directory page routes them, via `deputy_model::search`), their
//! gzip bytes, and what it finds. The benchmark runs it on the national set.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use deputy_model::search::{IndexFiles, SearchKeys, SearchMeta, SearchShard, lookup_now};

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

/// The index files as the app would fetch them, read through `read` and listed in order.
struct Reader<'a> {
    read: &'a mut dyn FnMut(&str) -> Result<String>,
    files: Vec<String>,
}

impl Reader<'_> {
    fn parse<T: serde::de::DeserializeOwned>(&mut self, path: &str) -> Result<T> {
        let text = (self.read)(path)?;
        self.files.push(path.to_string());
        serde_json::from_str(&text).with_context(|| path.to_string())
    }
}

impl IndexFiles for Reader<'_> {
    type Error = anyhow::Error;
    async fn keys(&mut self, path: &str) -> Result<SearchKeys> {
        self.parse(path)
    }
    async fn shard(&mut self, path: &str) -> Result<SearchShard> {
        self.parse(path)
    }
}

/// Route and run a query with `read` giving a served file's text by its data-relative path:
/// the app's own look-up (`deputy_model::search::lookup`), fed from disk.
pub fn lookup(read: &mut dyn FnMut(&str) -> Result<String>, q: &str) -> Result<Lookup> {
    let mut r = Reader { read, files: Vec::new() };
    let meta: SearchMeta = r.parse("search/meta.json")?;
    let found = lookup_now(&meta, q, &mut r)?;
    let names = found.entries.iter().map(|e| e.deputy.name.clone()).collect();
    Ok(Lookup { names, files: r.files, complete: found.complete, total: found.total })
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
