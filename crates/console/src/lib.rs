//! The station console (issue 15): named staff accounts with Argon2id password hashes and a
//! lock-out after repeated failures (`accounts`), signed-in sessions with their CSRF tokens
//! (`sessions`), the audit log of every change (`audit`), and the HTTP server (`web`) over what
//! a station does (`station`, implemented by the data tool: `deputy-data console SRC`).
//!
//! Everything lives in the source folder's `.console/` (`accounts.json`, `audit.log`), next to
//! the data it guards and never inside the published site.

// The web handlers return `Result<_, Response>` and leave with `?` as soon as a check fails
// (axum's way): the error is the response itself, made once per request, and boxing it would
// only add an allocation on that path.
#![allow(clippy::result_large_err)]

pub mod accounts;
pub mod audit;
pub mod sessions;
pub mod station;
pub mod web;

use std::path::{Path, PathBuf};

/// `SRC/.console`, where the console keeps its accounts and audit log.
pub fn console_dir(src: &Path) -> PathBuf {
    src.join(".console")
}

/// Equality of two secrets in time that does not depend on where they differ.
pub(crate) fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
