//! What a release is, file by file (key → content hash), and how each file is served: its
//! Content-Type, Cache-Control and Content-Encoding, and in which phase it goes up.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::build::manifest::{self, Manifest};

/// A release: every file's key (its path in the site folder, `/` separated) → content hash.
pub type Release = BTreeMap<String, u128>;

/// The files of the site folder `site` as a release. Dot files and folders (the build's
/// manifest, staging folders) are not published. For a bucket, the precompressed copies
/// (`.gz`, `.br`) are not objects of their own: the plain name is uploaded gzip-encoded.
/// The hashes of `data/` come from the build's manifest where it has the file, so that a
/// national data folder is not read again.
pub fn release(site: &Path, bucket: bool) -> Result<Release> {
    let data_manifest = Manifest::read(&site.join("data")).unwrap_or_default();
    let mut out = Release::new();
    let mut stack = vec![site.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).with_context(|| format!("读取目录 {} 失败", dir.display()))? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().to_string();
            if name.starts_with('.') {
                continue;
            }
            let path = entry.path();
            if entry.file_type()?.is_dir() {
                stack.push(path);
                continue;
            }
            let key = path.strip_prefix(site)?.to_string_lossy().replace('\\', "/");
            if bucket && (key.ends_with(".gz") || key.ends_with(".br")) {
                continue;
            }
            let hash = match key.strip_prefix("data/").and_then(|rel| data_manifest.get(rel)) {
                Some(h) => h,
                None => manifest::hash(&std::fs::read(&path).with_context(|| format!("读取 {} 失败", path.display()))?),
            };
            // A bucket has no `try_files`: an entry page also goes up under its route
            // (`direct/deputy/x` beside `direct/deputy/x.html`), so that a deep link answers 200.
            if bucket && is_entry_page(&key) {
                out.insert(key.trim_end_matches(".html").to_string(), hash);
            }
            out.insert(key, hash);
        }
    }
    Ok(out)
}

/// A page of the site's own (written by `pages`), not the app's `index.html` or `404.html`.
fn is_entry_page(key: &str) -> bool {
    key.ends_with(".html") && !matches!(key, "index.html" | "404.html")
}

/// The file a key is published from: itself, or for an entry page's route, `{route}.html`.
pub fn source(site: &Path, key: &str) -> PathBuf {
    let file = site.join(key);
    if file.is_file() { file } else { site.join(format!("{key}.html")) }
}

/// A key without an extension: an entry page's route (only those are published so).
fn is_route(key: &str) -> bool {
    !key.rsplit('/').next().unwrap_or(key).contains('.')
}

/// The order files go up in, so that no visitor gets new HTML with old data or old code:
/// data first, then the code and other assets, then the pages, and last the files that point
/// at a build (`index.html`, `404.html`, `sw.js`, `precache.json`).
pub fn phase(key: &str) -> u8 {
    let name = key.rsplit('/').next().unwrap_or(key);
    if key.starts_with("data/") {
        0
    } else if matches!(name, "index.html" | "404.html" | "sw.js" | "precache.json") && !key.contains('/') {
        3
    } else if name.ends_with(".html") || is_route(key) || name.starts_with("sitemap") || name == "robots.txt" {
        2
    } else {
        1
    }
}

/// The app's code files carry a content hash in their names (`pkg-<hash>/…`,
/// `main-<hash>.css`): cached for a year, and kept one release longer than the release that
/// needs them, for pages still open on the previous build.
pub fn is_hashed(key: &str) -> bool {
    let hex16 = |s: &str| s.len() == 16 && s.bytes().all(|b| b.is_ascii_hexdigit());
    if key.strip_prefix("pkg-").and_then(|r| r.split_once('/')).is_some_and(|(h, _)| hex16(h)) {
        return true;
    }
    let name = key.rsplit('/').next().unwrap_or(key);
    let stem = name.split('.').next().unwrap_or(name);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, h)| hex16(h))
}

/// How a file is served.
#[derive(Debug, Clone, PartialEq)]
pub struct Headers {
    pub content_type: &'static str,
    pub cache_control: &'static str,
    pub content_encoding: Option<&'static str>,
}

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Revalidated on every use (a 304 when unchanged): data is updated in place, and the pages and
/// the service worker point at the current build.
const REVALIDATE: &str = "no-cache";

pub fn headers(key: &str, bucket: bool) -> Headers {
    let ext = key.rsplit_once('.').map_or("", |(_, e)| e);
    let ext = if is_route(key) { "html" } else { ext };
    let content_type = match ext {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "xml" => "application/xml; charset=utf-8",
        "atom" => "application/atom+xml; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        "gz" => "application/gzip",
        "br" => "application/octet-stream",
        _ => "application/octet-stream",
    };
    let compressible = content_type.starts_with("text/")
        || matches!(ext, "json" | "wasm" | "webmanifest" | "svg" | "xml" | "atom" | "js" | "mjs");
    Headers {
        content_type,
        cache_control: if is_hashed(key) { IMMUTABLE } else { REVALIDATE },
        // A bucket does not compress: text goes up gzip-encoded (every browser takes gzip).
        content_encoding: (bucket && compressible).then_some("gzip"),
    }
}

impl Headers {
    /// The bytes to upload for `file`: its precompressed `.gz` copy when gzip-encoded and there
    /// is one, else the file compressed now, else the file.
    pub fn body(&self, file: &PathBuf) -> Result<Vec<u8>> {
        if self.content_encoding != Some("gzip") {
            return std::fs::read(file).with_context(|| format!("读取 {} 失败", file.display()));
        }
        let mut gz = file.as_os_str().to_owned();
        gz.push(".gz");
        if let Ok(bytes) = std::fs::read(&gz) {
            return Ok(bytes);
        }
        let plain = std::fs::read(file).with_context(|| format!("读取 {} 失败", file.display()))?;
        let mut enc = flate2::write::GzEncoder::new(Vec::with_capacity(plain.len() / 3), flate2::Compression::new(6));
        enc.write_all(&plain)?;
        Ok(enc.finish()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_is_immutable_and_everything_else_revalidated() {
        assert!(is_hashed("pkg-0123456789abcdef/deputy-home.js"));
        assert!(is_hashed("deputy-home-0123456789abcdef_bg.wasm"));
        assert!(is_hashed("main-0123456789abcdef.css"));
        assert!(!is_hashed("data/deputies/city-0001.json"));
        assert!(!is_hashed("index.html") && !is_hashed("sw.js") && !is_hashed("icons/icon-192.png"));
        assert_eq!(headers("main-0123456789abcdef.css", true).cache_control, IMMUTABLE);
        for key in ["index.html", "404.html", "sw.js", "data/site.json", "direct/deputy/city-0001.html"] {
            assert_eq!(headers(key, true).cache_control, "no-cache", "{key}");
        }
        let wasm = headers("pkg-0123456789abcdef/a_bg.wasm", true);
        assert_eq!((wasm.content_type, wasm.content_encoding), ("application/wasm", Some("gzip")));
        assert_eq!(headers("icons/icon-192.png", true).content_encoding, None);
        assert_eq!(headers("data/site.json", false).content_encoding, None, "a folder is served by its server");
        assert_eq!(headers("data/site.json", true).content_type, "application/json; charset=utf-8");
    }

    #[test]
    fn data_goes_first_and_the_build_pointers_last() {
        let mut keys =
            ["index.html", "data/site.json", "direct/index.html", "pkg-0123456789abcdef/a.js", "sw.js", "sitemap.xml"];
        keys.sort_by_key(|k| phase(k));
        assert_eq!(
            keys,
            ["data/site.json", "pkg-0123456789abcdef/a.js", "direct/index.html", "sitemap.xml", "index.html", "sw.js"]
        );
    }
}
