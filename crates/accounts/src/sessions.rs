//! Signed-in sessions: a random id (the cookie) and a random CSRF token (sent back with every
//! change, in a form field or a header, and compared in constant time). A session ends after
//! thirty minutes without use or twelve hours after sign-in, whichever comes first, and at
//! sign-out.
//!
//! Kept in files, `DIR/sessions/{sha256 of the id}.json`, so that every instance of a service
//! on the folder knows every session and a restart signs nobody out. The file is named by a
//! hash of the cookie, never the cookie: who can read the folder cannot sign in with it. It
//! holds a hash of the account's password hash at sign-in ([`credential_of`]) too: when the
//! password changes, the session ends. Changes (start, use, end) are ordered by one lock
//! (`DIR/sessions/.lock`), and a use rewrites the file at most once a minute.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};

/// Unused this long, a session ends.
pub const IDLE: Duration = Duration::minutes(30);
/// However used, a session ends this long after sign-in.
pub const MAX_AGE: Duration = Duration::hours(12);
/// A use is written down only when the last one written is older than this: a page's burst
/// of requests is one write, not ten. (A session may so end up to this much early.)
const TOUCH: Duration = Duration::minutes(1);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The cookie's value: 32 random bytes, hex. Not stored.
    pub id: String,
    /// The token every change must carry: 32 random bytes, hex.
    pub csrf: String,
    /// The account's name.
    pub account: String,
    /// [`credential_of`] the account's password hash at sign-in.
    pub credential: String,
    pub started: OffsetDateTime,
    pub last_used: OffsetDateTime,
}

/// What the session's file holds: the session without its id.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Stored {
    csrf: String,
    account: String,
    credential: String,
    #[serde(with = "time::serde::rfc3339")]
    started: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    last_used: OffsetDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// No such session: never was, or signed out.
    Unknown,
    Expired,
    /// The change did not carry the session's CSRF token: a forged request.
    Forged,
    /// The sessions' folder could not be read or written (the text says why).
    Store(String),
}

impl From<anyhow::Error> for Refusal {
    fn from(e: anyhow::Error) -> Self {
        Refusal::Store(format!("{e:#}"))
    }
}

impl From<std::io::Error> for Refusal {
    fn from(e: std::io::Error) -> Self {
        Refusal::Store(e.to_string())
    }
}

/// The sessions kept in one private folder.
pub struct Sessions {
    dir: PathBuf,
    idle: Duration,
}

fn token() -> String {
    let bytes: [u8; 32] = rand::random();
    hex(&bytes)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What a session keeps of the account's password hash: its SHA-256, so that the sessions'
/// files hold no password hash, and a new password (a new hash) ends the session.
pub fn credential_of(password_hash: &str) -> String {
    hex(&Sha256::digest(password_hash.as_bytes()))
}

impl Sessions {
    /// The sessions in `dir/sessions/`, ending after [`IDLE`] without use.
    pub fn in_dir(dir: &Path) -> Sessions {
        Sessions::with_idle(dir, IDLE)
    }

    /// Sessions that end after `idle` without use (tests and demos shorten it).
    pub fn with_idle(dir: &Path, idle: Duration) -> Sessions {
        Sessions { dir: dir.join("sessions"), idle }
    }

    /// The file of the session whose cookie is `id`; `None` for what is no cookie of ours.
    fn file(&self, id: &str) -> Option<PathBuf> {
        let ours = id.len() == 64 && id.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        ours.then(|| self.dir.join(format!("{}.json", hex(&Sha256::digest(id.as_bytes())))))
    }

    fn lock(&self) -> anyhow::Result<fs::File> {
        crate::private::lock(&self.dir, ".lock")
    }

    /// A new session of `account`, signed in now with the password whose hash is `password_hash`.
    /// Sessions that have ended are removed on the way.
    pub fn start(&self, account: &str, password_hash: &str, now: OffsetDateTime) -> Result<Session, Refusal> {
        let _lock = self.lock()?;
        self.remove_where(|s| self.expired(s, now))?;
        let session = Session {
            id: token(),
            csrf: token(),
            account: account.to_string(),
            credential: credential_of(password_hash),
            started: now,
            last_used: now,
        };
        let path = self.file(&session.id).expect("a token is 64 hex digits");
        self.write(&path, &session)?;
        Ok(session)
    }

    /// The session of a request that only reads; its idle time starts again.
    pub fn read(&self, id: &str, now: OffsetDateTime) -> Result<Session, Refusal> {
        let path = self.file(id).ok_or(Refusal::Unknown)?;
        let mut session = self.load(&path, id)?.ok_or(Refusal::Unknown)?;
        if self.expired(&stored(&session), now) {
            let _lock = self.lock()?;
            remove(&path)?;
            return Err(Refusal::Expired);
        }
        if now - session.last_used >= TOUCH {
            let _lock = self.lock()?;
            // Still there (not signed out meanwhile by another instance): written back used.
            if self.load(&path, id)?.is_none() {
                return Err(Refusal::Unknown);
            }
            session.last_used = now;
            self.write(&path, &session)?;
        }
        Ok(session)
    }

    /// The session of a request that changes something: it must also carry the CSRF token.
    pub fn change(&self, id: &str, csrf: &str, now: OffsetDateTime) -> Result<Session, Refusal> {
        let session = self.read(id, now)?;
        if !crate::same_secret(session.csrf.as_bytes(), csrf.as_bytes()) {
            return Err(Refusal::Forged);
        }
        Ok(session)
    }

    /// Sign out.
    pub fn end(&self, id: &str) -> Result<(), Refusal> {
        let Some(path) = self.file(id) else { return Ok(()) };
        let _lock = self.lock()?;
        remove(&path)
    }

    /// End every session of one account (its password changed, it was removed).
    pub fn end_all_of(&self, account: &str) -> Result<(), Refusal> {
        let _lock = self.lock()?;
        self.remove_where(|s| s.account == account)
    }

    fn expired(&self, s: &Stored, now: OffsetDateTime) -> bool {
        now - s.last_used >= self.idle || now - s.started >= MAX_AGE
    }

    fn load(&self, path: &Path, id: &str) -> Result<Option<Session>, Refusal> {
        let text = match fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e.into()),
        };
        // A file that cannot be read as a session (cut short by a full disk) is no session.
        let Ok(s) = serde_json::from_str::<Stored>(&text) else { return Ok(None) };
        Ok(Some(Session {
            id: id.to_string(),
            csrf: s.csrf,
            account: s.account,
            credential: s.credential,
            started: s.started,
            last_used: s.last_used,
        }))
    }

    fn write(&self, path: &Path, session: &Session) -> Result<(), Refusal> {
        let text = serde_json::to_string(&stored(session)).map_err(|e| Refusal::Store(e.to_string()))?;
        Ok(crate::private::write_whole(path, text.as_bytes())?)
    }

    /// Remove the sessions for which `gone` holds (the caller holds the lock).
    fn remove_where(&self, gone: impl Fn(&Stored) -> bool) -> Result<(), Refusal> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(e.into()),
        };
        for entry in entries {
            let path = entry?.path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let keep = fs::read_to_string(&path)
                .ok()
                .and_then(|t| serde_json::from_str::<Stored>(&t).ok())
                .is_some_and(|s| !gone(&s));
            if !keep {
                remove(&path)?;
            }
        }
        Ok(())
    }
}

fn stored(s: &Session) -> Stored {
    Stored {
        csrf: s.csrf.clone(),
        account: s.account.clone(),
        credential: s.credential.clone(),
        started: s.started,
        last_used: s.last_used,
    }
}

fn remove(path: &Path) -> Result<(), Refusal> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minutes: i64) -> OffsetDateTime {
        time::macros::datetime!(2026-12-01 09:00 +08:00) + Duration::minutes(minutes)
    }

    #[test]
    fn a_session_reads_and_changes_with_its_token_only() {
        let dir = tempfile::tempdir().unwrap();
        let sessions = Sessions::in_dir(dir.path());
        let s = sessions.start("王丽", "h", at(0)).unwrap();
        assert_eq!(s.id.len(), 64);
        assert_ne!(s.id, s.csrf);
        assert_eq!(sessions.read(&s.id, at(1)).unwrap().account, "王丽");
        assert_eq!(sessions.change(&s.id, &s.csrf, at(2)).unwrap().account, "王丽");
        assert_eq!(sessions.change(&s.id, "", at(2)), Err(Refusal::Forged));
        assert_eq!(sessions.change(&s.id, &s.id, at(2)), Err(Refusal::Forged));
        assert_eq!(sessions.read("not-a-session", at(2)), Err(Refusal::Unknown));
        sessions.end(&s.id).unwrap();
        assert_eq!(sessions.read(&s.id, at(3)), Err(Refusal::Unknown));
    }

    #[test]
    fn sessions_expire_when_idle_and_after_twelve_hours() {
        let dir = tempfile::tempdir().unwrap();
        let sessions = Sessions::in_dir(dir.path());
        let s = sessions.start("clerk", "h", at(0)).unwrap();
        assert!(sessions.read(&s.id, at(29)).is_ok());
        assert!(sessions.read(&s.id, at(58)).is_ok(), "use keeps it alive");
        assert_eq!(sessions.read(&s.id, at(88)), Err(Refusal::Expired));
        let s = sessions.start("clerk", "h", at(0)).unwrap();
        let mut t = 0;
        while t < 12 * 60 - 20 {
            t += 20;
            assert!(sessions.read(&s.id, at(t)).is_ok());
        }
        assert_eq!(sessions.read(&s.id, at(12 * 60)), Err(Refusal::Expired));
    }

    #[test]
    fn a_new_password_ends_the_accounts_sessions() {
        let dir = tempfile::tempdir().unwrap();
        let sessions = Sessions::in_dir(dir.path());
        let a = sessions.start("clerk", "h", at(0)).unwrap();
        let b = sessions.start("other", "h", at(0)).unwrap();
        sessions.end_all_of("clerk").unwrap();
        assert_eq!(sessions.read(&a.id, at(1)), Err(Refusal::Unknown));
        assert!(sessions.read(&b.id, at(1)).is_ok());
    }

    #[test]
    fn two_instances_share_sessions_and_a_restart_keeps_them() {
        let dir = tempfile::tempdir().unwrap();
        let one = Sessions::in_dir(dir.path());
        let s = one.start("王丽", "$argon2id$v=19$secret-hash", at(0)).unwrap();
        // Another instance on the same folder, or this one after a restart.
        let other = Sessions::in_dir(dir.path());
        assert_eq!(other.change(&s.id, &s.csrf, at(5)).unwrap().account, "王丽");
        assert_eq!(other.read(&s.id, at(5)).unwrap().credential, credential_of("$argon2id$v=19$secret-hash"));
        // Used through the other for 50 minutes: alive for the first too.
        assert!(other.read(&s.id, at(30)).is_ok());
        assert!(one.read(&s.id, at(50)).is_ok(), "the use written by the other instance counts");
        // Signed out in one: gone in both, and a use in flight does not bring it back.
        other.end(&s.id).unwrap();
        assert_eq!(one.read(&s.id, at(52)), Err(Refusal::Unknown));
    }

    #[test]
    fn the_files_hold_neither_the_cookie_nor_the_password_hash() {
        let dir = tempfile::tempdir().unwrap();
        let sessions = Sessions::in_dir(dir.path());
        let s = sessions.start("clerk", "$argon2id$v=19$secret-hash", at(0)).unwrap();
        let files: Vec<_> = fs::read_dir(dir.path().join("sessions"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        assert_eq!(files.len(), 1);
        let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
        let text = fs::read_to_string(&files[0]).unwrap();
        assert!(!name.contains(&s.id) && !text.contains(&s.id), "the cookie is not stored");
        assert!(!text.contains("secret-hash"), "the password hash is not stored");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(fs::metadata(&files[0]).unwrap().permissions().mode() & 0o077, 0);
            assert_eq!(fs::metadata(dir.path().join("sessions")).unwrap().permissions().mode() & 0o077, 0);
        }
        // A file cut short is no session; ended sessions are removed at the next sign-in.
        fs::write(&files[0], "{\"csrf\":").unwrap();
        assert_eq!(sessions.read(&s.id, at(1)), Err(Refusal::Unknown));
        sessions.start("clerk", "h", at(2)).unwrap();
        assert!(!files[0].exists());
    }
}
