//! The build's manifest, `OUT/.manifest`: the content hash of every file `build` wrote, so that
//! the next build rewrites and re-validates only the files whose content changed (a station that
//! answers one letter does not rewrite millions of files), and `deploy` uploads only those.
//!
//! One line per file, `{hash} {path}`, sorted, after a first line that names the format. The hash
//! is XXH3-128 of the file's bytes: it detects changes, it is not a signature (nobody gains by
//! forging one; a hand-edited OUT is put right by `build --full`). A missing, unreadable or
//! other-format manifest means "no previous build": everything is written.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use anyhow::{Context, Result};

/// Its file name inside OUT (a dot file: not a data file, so `validate` and hosts leave it).
pub const FILE: &str = ".manifest";
const HEADER: &str = "deputy-home build manifest 1";

/// The content hash of a file's bytes.
pub fn hash(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(bytes)
}

/// Path → content hash, in path order.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Manifest(pub BTreeMap<String, u128>);

impl Manifest {
    /// The manifest in `dir`, or `None` when there is none that this version can read.
    pub fn read(dir: &Path) -> Option<Manifest> {
        let text = fs::read_to_string(dir.join(FILE)).ok()?;
        let mut lines = text.lines();
        if lines.next()? != HEADER {
            return None;
        }
        let mut files = BTreeMap::new();
        for line in lines {
            let (hex, rel) = line.split_once(' ')?;
            files.insert(rel.to_string(), u128::from_str_radix(hex, 16).ok()?);
        }
        Some(Manifest(files))
    }

    /// Write it into `dir` (through a temporary file: a reader sees the old one or the new one).
    pub fn write(&self, dir: &Path) -> Result<()> {
        let mut text = String::with_capacity(self.0.len() * 64);
        text.push_str(HEADER);
        text.push('\n');
        for (rel, h) in &self.0 {
            text.push_str(&format!("{h:032x} {rel}\n"));
        }
        let tmp = dir.join(format!("{FILE}.tmp"));
        fs::write(&tmp, text).with_context(|| format!("写入 {} 失败", tmp.display()))?;
        fs::rename(&tmp, dir.join(FILE)).with_context(|| format!("写入 {}/{FILE} 失败", dir.display()))
    }

    /// Remove the manifest from `dir` (before files are replaced in place: if that stops half
    /// way, the next build finds no manifest and writes everything, rather than trusting one
    /// that no longer describes the folder).
    pub fn remove(dir: &Path) -> Result<()> {
        match fs::remove_file(dir.join(FILE)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                Err(e).with_context(|| format!("删除 {}/{FILE} 失败", dir.display()))
            }
            _ => Ok(()),
        }
    }

    pub fn get(&self, rel: &str) -> Option<u128> {
        self.0.get(rel).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back_what_it_wrote_and_refuses_other_formats() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Manifest::read(dir.path()), None);
        let mut m = Manifest::default();
        m.0.insert("deputies/city-0001.json".into(), hash(b"{}\n"));
        m.0.insert("site.json".into(), 7);
        m.write(dir.path()).unwrap();
        assert_eq!(Manifest::read(dir.path()), Some(m));
        fs::write(dir.path().join(FILE), "deputy-home build manifest 99\n").unwrap();
        assert_eq!(Manifest::read(dir.path()), None, "a newer format is not trusted");
        fs::write(dir.path().join(FILE), format!("{HEADER}\nnot-hex site.json\n")).unwrap();
        assert_eq!(Manifest::read(dir.path()), None, "a damaged one is not trusted");
        Manifest::remove(dir.path()).unwrap();
        Manifest::remove(dir.path()).unwrap();
        assert_eq!(Manifest::read(dir.path()), None);
    }
}
