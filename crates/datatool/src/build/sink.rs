//! Where laid-out files go, each serialised once as it is made.

use std::fs;
use std::path::PathBuf;

use anyhow::{Context, Result};
use serde::Serialize;

use super::manifest::{self, Manifest};

/// Where laid-out files go: written one by one as they are made, so no more than one file's
/// text is in memory at a time, whatever the scale.
pub trait Sink {
    fn put(&mut self, rel: &str, value: &dyn erased::Json) -> Result<()>;

    /// Whether a part of the layout (every file under the folders `prefixes`, which no other
    /// part writes into) can be skipped because the fingerprint of everything it is made from
    /// equals the previous build's: its files are then as they were. Sinks without a previous
    /// build lay everything out.
    fn unchanged_part(&mut self, _name: &str, _prefixes: &[&str], _fingerprint: u128) -> bool {
        false
    }
}

/// Collects files in memory (tests and small sets).
#[derive(Default)]
pub struct MemorySink(pub Vec<(String, String)>);

impl Sink for MemorySink {
    fn put(&mut self, rel: &str, value: &dyn erased::Json) -> Result<()> {
        let mut buf = Vec::new();
        value.write_json(&mut buf)?;
        self.0.push((rel.to_string(), String::from_utf8(buf)?));
        Ok(())
    }
}

/// Writes files under a folder as they come, creating each sub-folder once, and keeps the
/// content hash of each in a new [`Manifest`]. Given the previous build's manifest, a file whose
/// content has not changed is not written (the folder then holds only what changed).
pub struct DirSink {
    root: PathBuf,
    made: std::collections::HashSet<PathBuf>,
    previous: Option<Manifest>,
    buf: Vec<u8>,
    /// The new manifest's entries as they come (sorted once at the end, [`Self::manifest`]:
    /// cheaper than a sorted map for millions of files), and its parts.
    entries: Vec<(String, u128)>,
    parts: std::collections::BTreeMap<String, u128>,
    /// Files written (only kept when there is a previous manifest: the changed ones).
    pub written: Vec<String>,
    pub count: usize,
    pub bytes: u64,
    pub(super) progress: indicatif::ProgressBar,
}

impl DirSink {
    /// A sink that writes only what differs from `previous`.
    pub fn against(root: PathBuf, previous: Option<Manifest>, progress: indicatif::ProgressBar) -> Self {
        DirSink {
            root,
            made: Default::default(),
            previous,
            buf: Vec::with_capacity(64 * 1024),
            entries: Vec::new(),
            parts: Default::default(),
            written: Vec::new(),
            count: 0,
            bytes: 0,
            progress,
        }
    }
}

impl DirSink {
    /// The manifest of what was laid out.
    pub fn manifest(&mut self) -> Manifest {
        let mut entries = std::mem::take(&mut self.entries);
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Manifest(entries.into_iter().collect(), std::mem::take(&mut self.parts))
    }
}

impl Sink for DirSink {
    fn unchanged_part(&mut self, name: &str, prefixes: &[&str], fingerprint: u128) -> bool {
        self.parts.insert(name.to_string(), fingerprint);
        let Some(previous) = self.previous.as_ref().filter(|p| p.1.get(name) == Some(&fingerprint)) else {
            return false;
        };
        for prefix in prefixes {
            for (rel, h) in previous.0.range(prefix.to_string()..).take_while(|(rel, _)| rel.starts_with(prefix)) {
                self.entries.push((rel.clone(), *h));
                self.count += 1;
                self.progress.inc(1);
            }
        }
        true
    }

    fn put(&mut self, rel: &str, value: &dyn erased::Json) -> Result<()> {
        self.buf.clear();
        let n = value.write_json(&mut self.buf).with_context(|| format!("生成 {rel} 失败"))?;
        let h = manifest::hash(&self.buf);
        self.entries.push((rel.to_string(), h));
        self.count += 1;
        self.bytes += n;
        self.progress.inc(1);
        if self.previous.as_ref().and_then(|m| m.get(rel)) == Some(h) {
            return Ok(());
        }
        let path = self.root.join(rel);
        if let Some(dir) = path.parent()
            && !self.made.contains(dir)
        {
            fs::create_dir_all(dir).with_context(|| format!("创建目录 {} 失败", dir.display()))?;
            self.made.insert(dir.to_path_buf());
        }
        fs::write(&path, &self.buf).with_context(|| format!("写入 {} 失败", path.display()))?;
        if self.previous.is_some() {
            self.written.push(rel.to_string());
        }
        Ok(())
    }
}

/// A file's text as every served file is written (compact JSON, final newline), for the parts
/// of the layout that collect their files before they are put.
pub fn json_text<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    Ok(serde_json::to_string(value)? + "\n")
}

/// Serialize anything serde can, compactly, with a final newline.
pub mod erased {
    use std::io::Write;

    pub trait Json {
        /// Write the JSON text and return its length in bytes.
        fn write_json(&self, w: &mut dyn Write) -> anyhow::Result<u64>;
    }
    impl<T: super::Serialize> Json for T {
        fn write_json(&self, w: &mut dyn Write) -> anyhow::Result<u64> {
            let mut counted = Counted(w, 0);
            serde_json::to_writer(&mut counted, self)?;
            counted.write_all(b"\n")?;
            Ok(counted.1)
        }
    }
    /// A file whose JSON text is already made (with its final newline).
    pub struct Raw(pub String);
    impl Json for Raw {
        fn write_json(&self, w: &mut dyn Write) -> anyhow::Result<u64> {
            w.write_all(self.0.as_bytes())?;
            Ok(self.0.len() as u64)
        }
    }
    struct Counted<'a>(&'a mut dyn Write, u64);
    impl Write for Counted<'_> {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            let n = self.0.write(buf)?;
            self.1 += n as u64;
            Ok(n)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            self.0.flush()
        }
    }
}
