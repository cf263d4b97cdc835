//! The station console's security core (issue 15): named staff accounts with Argon2id password
//! hashes and a lock-out after repeated failures (`accounts`), signed-in sessions with their
//! CSRF tokens (`sessions`), and the audit log of every change (`audit`).
//!
//! What exists: this library and `deputy-data console-user add|remove|passwd|list`. What does
//! not exist yet: the web console itself (the server, its Leptos app, the staff pages); see
//! docs/operations.md, "The station console".
//!
//! Everything lives in the source folder's `.console/` (`accounts.json`, `audit.log`), next to
//! the data it guards and never inside the published site.

pub mod accounts;
pub mod audit;
pub mod sessions;

use std::path::{Path, PathBuf};

/// `SRC/.console`, where the console keeps its accounts and audit log.
pub fn console_dir(src: &Path) -> PathBuf {
    src.join(".console")
}

/// Equality of two secrets in time that does not depend on where they differ.
pub(crate) fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
