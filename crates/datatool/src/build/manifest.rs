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

/// A fingerprint of inputs: their JSON serialisation, streamed into the hash (nothing is kept),
/// seeded with this program's own bytes, so that a new version of the tool, which may lay the
/// same inputs out differently, never reuses an older one's files.
pub fn fingerprint(inputs: &[&dyn super::sink::erased::Json]) -> u128 {
    struct Hashing(xxhash_rust::xxh3::Xxh3);
    impl std::io::Write for Hashing {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.update(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    static PROGRAM: std::sync::OnceLock<u128> = std::sync::OnceLock::new();
    let program = *PROGRAM.get_or_init(|| {
        std::env::current_exe().and_then(std::fs::read).map(|b| hash(&b)).unwrap_or_else(|_| rand::random())
    });
    let mut h = Hashing(xxhash_rust::xxh3::Xxh3::new());
    h.0.update(&program.to_le_bytes());
    for input in inputs {
        // Serialising to a hash cannot fail but for a value serde refuses, which the layout
        // would refuse too; a random fingerprint then makes the part be laid out again.
        if input.write_json(&mut h).is_err() {
            return rand::random();
        }
    }
    h.0.digest128()
}

/// Path → content hash, in path order; and the fingerprint of the inputs of each part of the
/// layout that can be skipped as a whole ([`super::sink::Sink::unchanged_part`]).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Manifest(pub BTreeMap<String, u128>, pub BTreeMap<String, u128>);

impl Manifest {
    /// The manifest in `dir`, or `None` when there is none that this version can read.
    pub fn read(dir: &Path) -> Option<Manifest> {
        let text = fs::read_to_string(dir.join(FILE)).ok()?;
        let mut lines = text.lines();
        if lines.next()? != HEADER {
            return None;
        }
        let (mut files, mut parts) = (BTreeMap::new(), BTreeMap::new());
        for line in lines {
            let (hex, rel) = line.split_once(' ')?;
            if let Some(part) = rel.strip_prefix("part ").filter(|_| hex == "#") {
                let (hex, name) = part.split_once(' ')?;
                parts.insert(name.to_string(), u128::from_str_radix(hex, 16).ok()?);
                continue;
            }
            files.insert(rel.to_string(), u128::from_str_radix(hex, 16).ok()?);
        }
        Some(Manifest(files, parts))
    }

    /// Write it into `dir` (through a temporary file: a reader sees the old one or the new one).
    pub fn write(&self, dir: &Path) -> Result<()> {
        let mut text = String::with_capacity(self.0.len() * 64);
        text.push_str(HEADER);
        text.push('\n');
        for (name, h) in &self.1 {
            text.push_str(&format!("# part {h:032x} {name}\n"));
        }
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
        m.1.insert("deputies".into(), 42);
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
