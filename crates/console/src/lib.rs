//! The station console (issue 15): the HTTP server (`web`) over what a station does (`station`,
//! implemented by the data tool: `deputy-data console SRC`), for named staff accounts with
//! Argon2id password hashes and a lock-out after repeated failures, signed-in sessions with
//! their CSRF tokens, and the audit log of every change: `deputy-accounts`, re-exported here as
//! `accounts`, `sessions` and `audit`.
//!
//! Everything lives in the source folder's `.console/` (`accounts.json`, `sessions/`,
//! `audit.log`), next to the data it guards and never inside the published site.

// The web handlers return `Result<_, Response>` and leave with `?` as soon as a check fails
// (axum's way): the error is the response itself, made once per request, and boxing it would
// only add an allocation on that path.
#![allow(clippy::result_large_err)]

pub use deputy_accounts::{accounts, audit, sessions};
pub mod station;
pub mod web;

use std::path::{Path, PathBuf};

/// `SRC/.console`, where the console keeps its accounts and audit log.
pub fn console_dir(src: &Path) -> PathBuf {
    src.join(".console")
}

/// The staff accounts of a source folder.
pub fn staff_accounts(src: &Path) -> accounts::Accounts {
    accounts::Accounts::in_dir(&console_dir(src))
}

/// The console's audit log of a source folder.
pub fn audit_log(src: &Path) -> audit::AuditLog {
    audit::AuditLog::in_dir(&console_dir(src))
}
