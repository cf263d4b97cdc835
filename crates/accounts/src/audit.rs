//! The audit log: `DIR/audit.log` (the station console's is `SRC/.console/audit.log`), one JSON line per change (who, when, what, on
//! which item), appended and synced before the change is reported done. It names staff and
//! items (receipt codes, suggestion ids), never a letter writer's name or phone.

use std::fs;
use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// The staff account, or `console-user` for the command line's account changes.
    pub who: String,
    /// What was done, e.g. `sign-in`, `sign-in-refused`, `account-add`, `letter-reply`.
    pub action: String,
    /// What it was done to (a receipt code, a suggestion id, an account name), if anything.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub item: String,
}

pub struct AuditLog {
    path: PathBuf,
}

impl AuditLog {
    /// The log in `dir` (created, readable by its owner only, at the first entry).
    pub fn in_dir(dir: &std::path::Path) -> AuditLog {
        AuditLog { path: dir.join("audit.log") }
    }

    /// Append one entry and sync it to disk.
    pub fn record(&self, at: OffsetDateTime, who: &str, action: &str, item: &str) -> Result<()> {
        if let Some(dir) = self.path.parent() {
            crate::private::private_dir(dir)?;
        }
        let entry = Entry { at, who: who.to_string(), action: action.to_string(), item: item.to_string() };
        let mut line = serde_json::to_string(&entry)?;
        line.push('\n');
        let mut options = fs::OpenOptions::new();
        options.create(true).read(true).append(true);
        // Staff names and items: for the station's eyes only.
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let mut file = options.open(&self.path).with_context(|| format!("写入 {}", self.path.display()))?;
        // After a crash in the middle of a line, start a new one: the torn line is lost, not
        // the entry written after it.
        if ends_mid_line(&mut file)? {
            line.insert(0, '\n');
        }
        file.write_all(line.as_bytes())?;
        file.sync_data()?;
        Ok(())
    }

    /// The last `n` entries, oldest first. A line that cannot be read (a crash mid-line) is
    /// skipped, not fatal: the log is for people to read.
    pub fn recent(&self, n: usize) -> Result<Vec<Entry>> {
        let bytes = match fs::read(&self.path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e).with_context(|| format!("读取 {}", self.path.display())),
        };
        // Line by line on the bytes: a line torn inside a character is skipped, not the rest.
        let entries: Vec<Entry> = bytes.split(|b| *b == b'\n').filter_map(|l| serde_json::from_slice(l).ok()).collect();
        Ok(entries[entries.len().saturating_sub(n)..].to_vec())
    }
}

fn ends_mid_line(file: &mut fs::File) -> Result<bool> {
    use std::io::{Read, Seek, SeekFrom};
    if file.metadata()?.len() == 0 {
        return Ok(false);
    }
    file.seek(SeekFrom::End(-1))?;
    let mut last = [0u8; 1];
    file.read_exact(&mut last)?;
    Ok(last[0] != b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_appended_and_read_back_a_torn_line_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let log = AuditLog::in_dir(&dir.path().join(".console"));
        assert!(log.recent(10).unwrap().is_empty());
        let t = time::macros::datetime!(2026-12-01 09:00 +08:00);
        log.record(t, "王丽", "sign-in", "").unwrap();
        log.record(t, "王丽", "letter-reply", "315072641986").unwrap();
        // A crash in the middle of a line.
        let path = dir.path().join(".console/audit.log");
        let mut f = fs::OpenOptions::new().append(true).open(&path).unwrap();
        // Torn inside 王 (three bytes in UTF-8).
        f.write_all(&"{\"at\":\"2026-12-01T09:00:00+08:00\",\"who\":\"王".as_bytes()[..42]).unwrap();
        drop(f);
        log.record(t, "王丽", "sign-out", "").unwrap();
        let all = log.recent(10).unwrap();
        assert_eq!(all.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(), ["sign-in", "letter-reply", "sign-out"]);
        assert_eq!(all[1].item, "315072641986");
        assert_eq!(log.recent(1).unwrap()[0].action, "sign-out");
    }
}
