//! A served data folder as `validate` reads it: a plain folder, or, during an incremental build,
//! the published folder with the files that changed laid over it from a sparse staging folder
//! (and the files the new build no longer has taken away). So the new release is checked as it
//! will be, before any of it is put in place.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use std::fs;

pub struct DataTree {
    base: PathBuf,
    over: Option<Overlay>,
}

/// What an incremental build changes.
pub struct Overlay {
    /// The sparse staging folder holding the changed and added files.
    pub top: PathBuf,
    pub changed: HashSet<String>,
    pub removed: HashSet<String>,
}

impl DataTree {
    pub fn dir(root: &Path) -> DataTree {
        DataTree { base: root.to_path_buf(), over: None }
    }

    pub fn overlay(base: &Path, over: Overlay) -> DataTree {
        DataTree { base: base.to_path_buf(), over: Some(over) }
    }

    pub fn into_overlay(self) -> Option<Overlay> {
        self.over
    }

    pub fn changes(&self) -> Option<&Overlay> {
        self.over.as_ref()
    }

    /// Where a file's current text is, or `None` if the new release does not have it.
    pub fn path(&self, rel: &str) -> Option<PathBuf> {
        match &self.over {
            Some(o) if o.removed.contains(rel) => None,
            Some(o) if o.changed.contains(rel) => Some(o.top.join(rel)),
            _ => Some(self.base.join(rel)),
        }
    }

    /// Where the published (previous) version of a file is, if there is one.
    pub fn base_path(&self, rel: &str) -> Option<PathBuf> {
        Some(self.base.join(rel)).filter(|p| p.is_file())
    }

    /// Whether the published folder has the file (before the overlay).
    pub fn base_has(&self, rel: &str) -> bool {
        self.base_path(rel).is_some()
    }

    pub fn is_file(&self, rel: &str) -> bool {
        self.path(rel).is_some_and(|p| p.is_file())
    }

    /// Every `.json` file of the release but those below the top-level folders in `skip`, as
    /// sorted paths relative to the root.
    pub fn list_skipping(&self, skip: &[&str]) -> std::io::Result<Vec<String>> {
        let mut files = if self.base.is_dir() { list_skipping(&self.base, skip)? } else { Vec::new() };
        if let Some(o) = &self.over {
            let top = |rel: &String| rel.split('/').next().unwrap_or("").to_string();
            files.retain(|f| !o.removed.contains(f));
            let have: HashSet<String> = files.iter().cloned().collect();
            files.extend(
                o.changed
                    .iter()
                    .filter(|f| f.ends_with(".json") && !have.contains(*f))
                    .filter(|f| !f.contains('/') || !(skip.contains(&top(f).as_str()) || top(f) == "export"))
                    .cloned(),
            );
            files.sort();
        }
        Ok(files)
    }

    /// Every `.json` file below the top-level `folder`, sorted, relative to the root.
    pub fn list_folder(&self, folder: &str) -> std::io::Result<Vec<String>> {
        let dir = self.base.join(folder);
        let mut files: Vec<String> = if dir.is_dir() {
            list_skipping(&dir, &[])?.into_iter().map(|f| format!("{folder}/{f}")).collect()
        } else {
            Vec::new()
        };
        if let Some(o) = &self.over {
            let prefix = format!("{folder}/");
            files.retain(|f| !o.removed.contains(f));
            let have: HashSet<String> = files.iter().cloned().collect();
            files.extend(
                o.changed
                    .iter()
                    .filter(|f| f.starts_with(&prefix) && f.ends_with(".json") && !have.contains(*f))
                    .cloned(),
            );
        }
        files.sort();
        Ok(files)
    }

    pub fn display(&self) -> std::path::Display<'_> {
        self.base.display()
    }
}

/// Every `.json` file below `root` (as sorted relative paths with `/` separators) without the top-level folders named in `skip` (listed and checked apart when
/// streaming, see `stream_check.rs`).
pub fn list_skipping(root: &Path, skip: &[&str]) -> std::io::Result<Vec<String>> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                // export/ holds open-data downloads written by `export`, not data files.
                if path.parent() == Some(root)
                    && path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n == "export" || skip.contains(&n))
                {
                    continue;
                }
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "json")
                && let Ok(rel) = path.strip_prefix(root)
            {
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_overlay_shows_the_new_release() {
        let base = tempfile::tempdir().unwrap();
        let top = tempfile::tempdir().unwrap();
        for (dir, rel, text) in [
            (base.path(), "site.json", "old"),
            (base.path(), "deputies/a.json", "a"),
            (base.path(), "deputies/b.json", "b"),
            (base.path(), "news/1.json", "n"),
            (top.path(), "site.json", "new"),
            (top.path(), "deputies/c.json", "c"),
            (top.path(), "news/2.json", "n2"),
        ] {
            fs::create_dir_all(dir.join(rel).parent().unwrap()).unwrap();
            fs::write(dir.join(rel), text).unwrap();
        }
        let set = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<HashSet<_>>();
        let tree = DataTree::overlay(
            base.path(),
            Overlay {
                top: top.path().into(),
                changed: set(&["site.json", "deputies/c.json", "news/2.json"]),
                removed: set(&["deputies/a.json"]),
            },
        );
        assert_eq!(fs::read_to_string(tree.path("site.json").unwrap()).unwrap(), "new");
        assert_eq!(fs::read_to_string(tree.path("deputies/b.json").unwrap()).unwrap(), "b");
        assert!(tree.path("deputies/a.json").is_none() && !tree.is_file("deputies/a.json"));
        assert_eq!(tree.list_folder("deputies").unwrap(), ["deputies/b.json", "deputies/c.json"]);
        assert_eq!(tree.list_skipping(&["deputies"]).unwrap(), ["news/1.json", "news/2.json", "site.json"]);
    }
}
