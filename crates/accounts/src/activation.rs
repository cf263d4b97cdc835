//! One-time activation codes: how an account gets its first password (or a new one, when the
//! station resets it) without the station ever knowing it. The station issues a code for an
//! account name (a deputy's id) and hands it over on a printed notice; whoever has the code sets
//! the password, once, within [`VALID_FOR`]. Only a hash of the code is kept, and a code is
//! void after [`MAX_TRIES`] wrong tries, so it cannot be guessed in the time it is valid.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};

use crate::private::write_whole;

/// How long an issued code can be used.
pub const VALID_FOR: Duration = Duration::days(14);
/// Wrong tries before a code is void (the station issues a new one).
pub const MAX_TRIES: u32 = 5;
/// Digits of a code: 10¹² codes, five tries.
const DIGITS: usize = 12;

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Issued {
    /// SHA-256 of the code's digits, hex.
    hash: String,
    #[serde(with = "time::serde::rfc3339")]
    expires: OffsetDateTime,
    #[serde(default)]
    wrong: u32,
}

/// Why a code was not taken. One answer for "no code" and "wrong code" to the user; the
/// station's tools tell them apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeRefusal {
    /// No code issued for that name, or a wrong one.
    Wrong,
    Expired,
    /// Too many wrong tries: the code is void.
    Void,
}

/// The issued codes of one folder (`DIR/activations.json`).
pub struct Activations {
    dir: PathBuf,
}

fn digest(code: &str) -> String {
    Sha256::digest(code.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// The code's digits, whatever was typed around them (spaces, dashes, full-width digits).
pub fn digits_of(typed: &str) -> String {
    typed
        .chars()
        .filter_map(|c| match c {
            '0'..='9' => Some(c),
            '０'..='９' => char::from_digit(c as u32 - '０' as u32, 10),
            _ => None,
        })
        .collect()
}

/// A code as printed: groups of four (`1234 5678 9012`).
pub fn grouped(code: &str) -> String {
    let chars: Vec<char> = code.chars().collect();
    chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join(" ")
}

impl Activations {
    pub fn in_dir(dir: &Path) -> Activations {
        Activations { dir: dir.to_path_buf() }
    }

    fn path(&self) -> PathBuf {
        self.dir.join("activations.json")
    }

    fn read(&self) -> Result<BTreeMap<String, Issued>> {
        match std::fs::read_to_string(self.path()) {
            Ok(text) => serde_json::from_str(&text).with_context(|| format!("读取 {}", self.path().display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(BTreeMap::new()),
            Err(e) => Err(e).with_context(|| format!("读取 {}", self.path().display())),
        }
    }

    fn write(&self, map: &BTreeMap<String, Issued>) -> Result<()> {
        write_whole(&self.path(), serde_json::to_string_pretty(map)?.as_bytes())
    }

    /// A new code for `name` (replacing any earlier one), valid from `now` for [`VALID_FOR`].
    /// Returns its digits: shown once, never stored.
    pub fn issue(&self, name: &str, now: OffsetDateTime) -> Result<(String, OffsetDateTime)> {
        let _lock = crate::private::lock(&self.dir, ".activations.lock")?;
        let mut map = self.read()?;
        let code: String = (0..DIGITS).map(|_| char::from(b'0' + rand::random_range(0..10u8))).collect();
        let expires = now + VALID_FOR;
        map.insert(name.to_string(), Issued { hash: digest(&code), expires, wrong: 0 });
        self.write(&map)?;
        Ok((code, expires))
    }

    /// Withdraw `name`'s code, if any.
    pub fn withdraw(&self, name: &str) -> Result<bool> {
        let _lock = crate::private::lock(&self.dir, ".activations.lock")?;
        let mut map = self.read()?;
        let had = map.remove(name).is_some();
        if had {
            self.write(&map)?;
        }
        Ok(had)
    }

    /// Every code waiting: the name and until when.
    pub fn waiting(&self) -> Result<Vec<(String, OffsetDateTime)>> {
        Ok(self.read()?.into_iter().map(|(name, i)| (name, i.expires)).collect())
    }

    /// Whether `name` has a code waiting (and until when).
    pub fn pending(&self, name: &str) -> Result<Option<OffsetDateTime>> {
        Ok(self.read()?.get(name).map(|i| i.expires))
    }

    /// Use `name`'s code: on success it is gone (one use), and `then` runs under the same lock
    /// (setting the password), so two uses at once cannot both succeed.
    pub fn redeem(
        &self,
        name: &str,
        typed: &str,
        now: OffsetDateTime,
        then: impl FnOnce() -> Result<()>,
    ) -> Result<Result<(), CodeRefusal>> {
        let _lock = crate::private::lock(&self.dir, ".activations.lock")?;
        let mut map = self.read()?;
        let Some(issued) = map.get_mut(name) else { return Ok(Err(CodeRefusal::Wrong)) };
        if issued.wrong >= MAX_TRIES {
            return Ok(Err(CodeRefusal::Void));
        }
        if now >= issued.expires {
            return Ok(Err(CodeRefusal::Expired));
        }
        if !crate::same_secret(digest(&digits_of(typed)).as_bytes(), issued.hash.as_bytes()) {
            issued.wrong += 1;
            let void = issued.wrong >= MAX_TRIES;
            self.write(&map)?;
            return Ok(Err(if void { CodeRefusal::Void } else { CodeRefusal::Wrong }));
        }
        then()?;
        map.remove(name);
        self.write(&map)?;
        Ok(Ok(()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const NOW: OffsetDateTime = datetime!(2026-12-01 10:00 +8);

    #[test]
    fn a_code_works_once_within_its_time_and_typed_loosely() {
        let dir = tempfile::tempdir().unwrap();
        let a = Activations::in_dir(dir.path());
        let (code, expires) = a.issue("city-0001", NOW).unwrap();
        assert_eq!(code.len(), 12);
        assert_eq!(expires, NOW + VALID_FOR);
        assert!(!std::fs::read_to_string(dir.path().join("activations.json")).unwrap().contains(&code));
        let typed = grouped(&code).replace('1', "１");
        let ran = std::cell::Cell::new(0);
        let count = || {
            ran.set(ran.get() + 1);
            Ok(())
        };
        assert_eq!(a.redeem("city-0001", &typed, NOW, count).unwrap(), Ok(()));
        assert_eq!(ran.get(), 1);
        assert_eq!(a.redeem("city-0001", &code, NOW, count).unwrap(), Err(CodeRefusal::Wrong));
        assert_eq!(ran.get(), 1, "used once");
        // Another name's code does not open this one.
        let (other, _) = a.issue("city-0002", NOW).unwrap();
        assert_eq!(a.redeem("city-0001", &other, NOW, || Ok(())).unwrap(), Err(CodeRefusal::Wrong));
    }

    #[test]
    fn a_code_expires_and_is_void_after_five_wrong_tries() {
        let dir = tempfile::tempdir().unwrap();
        let a = Activations::in_dir(dir.path());
        let (code, _) = a.issue("city-0001", NOW).unwrap();
        assert_eq!(a.redeem("city-0001", &code, NOW + VALID_FOR, || Ok(())).unwrap(), Err(CodeRefusal::Expired));
        let (code, _) = a.issue("city-0001", NOW).unwrap();
        for _ in 0..MAX_TRIES - 1 {
            assert_eq!(a.redeem("city-0001", "000000000000", NOW, || Ok(())).unwrap(), Err(CodeRefusal::Wrong));
        }
        assert_eq!(a.redeem("city-0001", "000000000000", NOW, || Ok(())).unwrap(), Err(CodeRefusal::Void));
        assert_eq!(a.redeem("city-0001", &code, NOW, || Ok(())).unwrap(), Err(CodeRefusal::Void), "even the right one");
        assert!(a.withdraw("city-0001").unwrap());
        assert_eq!(a.pending("city-0001").unwrap(), None);
    }
}
