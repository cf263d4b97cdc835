//! Accounts, signed-in sessions and the audit log (issue 33: one design for the station's staff
//! and, next, for deputies). Everything is kept in files in one private folder (the station
//! console's is `SRC/.console/`), so that several instances of a service on the same folder
//! see the same accounts, lock-outs and sessions, and a restart signs nobody out:
//!
//! - [`accounts`]: named accounts with Argon2id password hashes and a lock-out after repeated
//!   failures, counted in the file;
//! - [`sessions`]: one file per signed-in session, named by the SHA-256 of its cookie, with its
//!   CSRF token and its expiry;
//! - [`activation`]: one-time codes with which an account gets its first (or a reset) password;
//! - [`acts`]: deputies' acts signed by the workspace service (Ed25519), checked by ingest;
//! - [`audit`]: one JSON line per change, synced before the change is reported done.
//!
//! - [`web`] (feature `web`): sign-in, sign-out and the request checks over HTTP (axum).
//!
//! Every file is written whole (a new temporary file, synced, renamed over the old one) and
//! readable by its owner only ([`private`]).

pub mod accounts;
pub mod activation;
pub mod acts;
pub mod audit;
mod private;
pub mod sessions;
#[cfg(feature = "test-client")]
pub mod test_client;
#[cfg(feature = "web")]
pub mod web;

/// Equality of two secrets in time that does not depend on where they differ.
pub fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
