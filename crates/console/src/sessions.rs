//! Signed-in sessions: a random id (the cookie) and a random CSRF token (sent back with every
//! change, in a form field or a header, and compared in constant time). A session ends after
//! thirty minutes without use or twelve hours after sign-in, whichever comes first, and at
//! sign-out. Kept in memory: a restart of the console signs everyone out, which is the safe
//! direction.

use std::collections::HashMap;

use time::{Duration, OffsetDateTime};

/// Unused this long, a session ends.
pub const IDLE: Duration = Duration::minutes(30);
/// However used, a session ends this long after sign-in.
pub const MAX_AGE: Duration = Duration::hours(12);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The cookie's value: 32 random bytes, hex.
    pub id: String,
    /// The token every change must carry: 32 random bytes, hex.
    pub csrf: String,
    pub staff: String,
    /// The account's password hash at sign-in: when it changes (`console-user passwd`) or the
    /// account goes (`remove`), the session ends, even though the command line could not reach
    /// this process's memory.
    pub credential: String,
    pub started: OffsetDateTime,
    pub last_used: OffsetDateTime,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// No such session: never was, signed out, or the console restarted.
    Unknown,
    Expired,
    /// The change did not carry the session's CSRF token: a forged request.
    Forged,
}

pub struct Sessions {
    live: HashMap<String, Session>,
    idle: Duration,
}

impl Default for Sessions {
    fn default() -> Self {
        Sessions::with_idle(IDLE)
    }
}

fn token() -> String {
    let bytes: [u8; 32] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Sessions {
    /// Sessions that end after `idle` without use (tests and demos shorten it).
    pub fn with_idle(idle: Duration) -> Sessions {
        Sessions { live: HashMap::new(), idle }
    }

    pub fn start(&mut self, staff: &str, credential: &str, now: OffsetDateTime) -> Session {
        let idle = self.idle;
        self.live.retain(|_, s| !expired(s, now, idle));
        let session = Session {
            id: token(),
            csrf: token(),
            staff: staff.to_string(),
            credential: credential.to_string(),
            started: now,
            last_used: now,
        };
        self.live.insert(session.id.clone(), session.clone());
        session
    }

    /// The session of a request that only reads; its idle time starts again.
    pub fn read(&mut self, id: &str, now: OffsetDateTime) -> Result<Session, Refusal> {
        let session = self.live.get_mut(id).ok_or(Refusal::Unknown)?;
        if expired(session, now, self.idle) {
            self.live.remove(id);
            return Err(Refusal::Expired);
        }
        session.last_used = now;
        Ok(session.clone())
    }

    /// The session of a request that changes something: it must also carry the CSRF token.
    pub fn change(&mut self, id: &str, csrf: &str, now: OffsetDateTime) -> Result<Session, Refusal> {
        let session = self.read(id, now)?;
        if !crate::same_secret(session.csrf.as_bytes(), csrf.as_bytes()) {
            return Err(Refusal::Forged);
        }
        Ok(session)
    }

    pub fn end(&mut self, id: &str) {
        self.live.remove(id);
    }

    /// End every session of one account (its password changed, it was removed).
    pub fn end_all_of(&mut self, staff: &str) {
        self.live.retain(|_, s| s.staff != staff);
    }
}

fn expired(s: &Session, now: OffsetDateTime, idle: Duration) -> bool {
    now - s.last_used >= idle || now - s.started >= MAX_AGE
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minutes: i64) -> OffsetDateTime {
        time::macros::datetime!(2026-12-01 09:00 +08:00) + Duration::minutes(minutes)
    }

    #[test]
    fn a_session_reads_and_changes_with_its_token_only() {
        let mut sessions = Sessions::default();
        let s = sessions.start("王丽", "h", at(0));
        assert_eq!(s.id.len(), 64);
        assert_ne!(s.id, s.csrf);
        assert_eq!(sessions.read(&s.id, at(1)).unwrap().staff, "王丽");
        assert_eq!(sessions.change(&s.id, &s.csrf, at(2)).unwrap().staff, "王丽");
        assert_eq!(sessions.change(&s.id, "", at(2)), Err(Refusal::Forged));
        assert_eq!(sessions.change(&s.id, &s.id, at(2)), Err(Refusal::Forged));
        assert_eq!(sessions.read("not-a-session", at(2)), Err(Refusal::Unknown));
        sessions.end(&s.id);
        assert_eq!(sessions.read(&s.id, at(3)), Err(Refusal::Unknown));
    }

    #[test]
    fn sessions_expire_when_idle_and_after_twelve_hours() {
        let mut sessions = Sessions::default();
        let s = sessions.start("clerk", "h", at(0));
        assert!(sessions.read(&s.id, at(29)).is_ok());
        assert!(sessions.read(&s.id, at(58)).is_ok(), "use keeps it alive");
        assert_eq!(sessions.read(&s.id, at(88)), Err(Refusal::Expired));
        let s = sessions.start("clerk", "h", at(0));
        let mut t = 0;
        while t < 12 * 60 - 20 {
            t += 20;
            assert!(sessions.read(&s.id, at(t)).is_ok());
        }
        assert_eq!(sessions.read(&s.id, at(12 * 60)), Err(Refusal::Expired));
    }

    #[test]
    fn a_new_password_ends_the_accounts_sessions() {
        let mut sessions = Sessions::default();
        let a = sessions.start("clerk", "h", at(0));
        let b = sessions.start("other", "h", at(0));
        sessions.end_all_of("clerk");
        assert_eq!(sessions.read(&a.id, at(1)), Err(Refusal::Unknown));
        assert!(sessions.read(&b.id, at(1)).is_ok());
    }
}
