//! The deputies' workspace (代表工作台, issue 33): the service deputies sign in to, on a phone or
//! at a desk, to read the letters written to them, follow and co-sign suggestions, and act in
//! their own name. It is the only door through which a deputy's act is proven theirs:
//!
//! - every route takes the deputy from the session ([`deputy_accounts::web`], the console's
//!   design), never from the request, so no request can name another deputy;
//! - each act is filed in the intake store (where the public inbox files submissions) inside
//!   an envelope signed with the service's key ([`deputy_accounts::acts`]); `deputy-data
//!   ingest` takes a deputy's act only in such an envelope and holds everything else.
//!
//! What a deputy may see and do comes from the station's data through a [`desk::Desk`], which
//! the data tool implements (`deputy-data workspace SRC`), so that the rules are the tool's.
//! Accounts, sessions, activation codes, the signing key and the audit log are kept in the
//! source folder's `.workspace/`, shared by every instance on the folder and never published.

// The web handlers return `Result<_, Response>` and leave with `?` as soon as a check fails
// (axum's way): the error is the response itself.
#![allow(clippy::result_large_err)]

pub mod acts;
pub mod desk;
pub mod web;

use std::path::{Path, PathBuf};

use deputy_accounts::{accounts::Accounts, activation::Activations, audit::AuditLog, sessions::Sessions};

/// `SRC/.workspace`: the deputies' accounts, sessions, activation codes, the service's keys and
/// its audit log.
pub fn workspace_dir(src: &Path) -> PathBuf {
    src.join(".workspace")
}

/// The deputies' accounts of a source folder: one per deputy, named by the deputy's id.
pub fn deputy_accounts(src: &Path) -> Accounts {
    Accounts::in_dir(&workspace_dir(src))
}

pub fn activations(src: &Path) -> Activations {
    Activations::in_dir(&workspace_dir(src))
}

pub fn sessions(src: &Path) -> Sessions {
    Sessions::in_dir(&workspace_dir(src))
}

/// The workspace's audit log: sign-ins, activations, every act (by receipt code).
pub fn audit_log(src: &Path) -> AuditLog {
    AuditLog::in_dir(&workspace_dir(src))
}
