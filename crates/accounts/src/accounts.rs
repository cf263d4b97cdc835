//! Accounts: `DIR/accounts.json` (the station console's is `SRC/.console/accounts.json`), one
//! entry per person with an Argon2id hash of the password (never the password), and the sign-in
//! rule: five wrong passwords in a row lock the account for fifteen minutes, counted in the
//! file, so that a restart does not reset them.
//!
//! Every operation holds an exclusive lock (`DIR/accounts.lock`) while it reads the file,
//! changes it and writes it back whole (a new temporary file, synced, then renamed over the old
//! one): the command line and a running console see each other's changes, sign-ins at the same
//! moment are counted one after the other (no guessing round the lock-out), and a crash leaves
//! the old file or the new one, never half of one.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng};
use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};

/// Wrong passwords in a row before the account locks.
pub const MAX_FAILURES: u32 = 5;
/// How long a locked account stays locked.
pub const LOCK_TIME: Duration = Duration::minutes(15);
/// The shortest password accepted, in characters.
pub const MIN_PASSWORD: usize = 12;
const FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Account {
    pub name: String,
    /// PHC string: `$argon2id$v=19$m=…,t=…,p=…$salt$hash`.
    pub hash: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// Wrong passwords since the last right one.
    #[serde(default)]
    pub failures: u32,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub locked_until: Option<OffsetDateTime>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct AccountsFile {
    format: u32,
    accounts: Vec<Account>,
}

/// The result of a sign-in. An unknown name and a wrong password are the same answer, so the
/// sign-in page does not tell which names exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignIn {
    Ok,
    Refused,
    Locked { until: OffsetDateTime },
}

/// The accounts kept in one private folder.
pub struct Accounts {
    path: PathBuf,
}

impl Accounts {
    /// The accounts in `dir` (created, readable by its owner only, at the first change).
    pub fn in_dir(dir: &Path) -> Accounts {
        Accounts { path: dir.join("accounts.json") }
    }

    /// Every account, as stored (an absent file: none).
    pub fn list(&self) -> Result<Vec<Account>> {
        Ok(self.read()?.accounts)
    }

    pub fn add(&self, name: &str, password: &str, now: OffsetDateTime) -> Result<()> {
        check_name(name)?;
        check_password(name, password)?;
        let _lock = self.lock()?;
        let mut file = self.read()?;
        if file.accounts.iter().any(|a| a.name == name) {
            bail!("账号 {name} 已存在（改密码用 console-user passwd）");
        }
        file.accounts.push(Account {
            name: name.to_string(),
            hash: hash(password)?,
            created_at: now,
            failures: 0,
            locked_until: None,
        });
        self.write(&file)
    }

    pub fn remove(&self, name: &str) -> Result<()> {
        let _lock = self.lock()?;
        let mut file = self.read()?;
        let before = file.accounts.len();
        file.accounts.retain(|a| a.name != name);
        if file.accounts.len() == before {
            bail!("没有账号 {name}");
        }
        self.write(&file)
    }

    /// A new password; also lifts a lock.
    pub fn set_password(&self, name: &str, password: &str) -> Result<()> {
        check_password(name, password)?;
        let _lock = self.lock()?;
        let mut file = self.read()?;
        let Some(account) = file.accounts.iter_mut().find(|a| a.name == name) else { bail!("没有账号 {name}") };
        account.hash = hash(password)?;
        account.failures = 0;
        account.locked_until = None;
        self.write(&file)
    }

    /// Check a sign-in and count it: a right password clears the failures, a wrong one adds
    /// one and locks the account at [`MAX_FAILURES`]; a locked account is refused unchecked.
    pub fn sign_in(&self, name: &str, password: &str, now: OffsetDateTime) -> Result<SignIn> {
        let _lock = self.lock()?;
        let mut file = self.read()?;
        let Some(account) = file.accounts.iter_mut().find(|a| a.name == name) else {
            // The same work as for a real account (a hash check and a write), so the answer's
            // timing names no account.
            let _ = verify(DUMMY_HASH, password);
            self.write(&file)?;
            return Ok(SignIn::Refused);
        };
        if let Some(until) = account.locked_until {
            if now < until {
                return Ok(SignIn::Locked { until });
            }
            account.locked_until = None;
            account.failures = 0;
        }
        let answer = if verify(&account.hash, password) {
            account.failures = 0;
            SignIn::Ok
        } else {
            account.failures += 1;
            if account.failures >= MAX_FAILURES {
                let until = now + LOCK_TIME;
                account.locked_until = Some(until);
                SignIn::Locked { until }
            } else {
                SignIn::Refused
            }
        };
        self.write(&file)?;
        Ok(answer)
    }

    /// The exclusive lock of the accounts, held until the value is dropped.
    fn lock(&self) -> Result<fs::File> {
        crate::private::lock(self.path.parent().context("账号文件没有所在目录")?, "accounts.lock")
    }

    fn read(&self) -> Result<AccountsFile> {
        match fs::read_to_string(&self.path) {
            Ok(text) => {
                let file: AccountsFile = serde_json::from_str(&text)
                    .with_context(|| format!("{}：不是有效的账号文件", self.path.display()))?;
                if file.format > FORMAT {
                    bail!("{}：账号文件是新版本格式（{}），请升级 deputy-data", self.path.display(), file.format);
                }
                Ok(file)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Ok(AccountsFile { format: FORMAT, accounts: Vec::new() })
            }
            Err(e) => Err(e).with_context(|| format!("读取 {}", self.path.display())),
        }
    }

    fn write(&self, file: &AccountsFile) -> Result<()> {
        let text = serde_json::to_string_pretty(&AccountsFile { format: FORMAT, accounts: file.accounts.clone() })?;
        crate::private::write_whole(&self.path, text.as_bytes())
    }
}

fn check_name(name: &str) -> Result<()> {
    let n = name.chars().count();
    if n == 0 || n > 32 || name.chars().any(|c| c.is_whitespace() || c.is_control() || c == '/' || c == '\\') {
        bail!("账号名须为 1–32 个字符，不含空格和斜杠");
    }
    Ok(())
}

fn check_password(name: &str, password: &str) -> Result<()> {
    if password.chars().count() < MIN_PASSWORD {
        bail!("密码至少 {MIN_PASSWORD} 个字符");
    }
    if password == name {
        bail!("密码不能与账号名相同");
    }
    Ok(())
}

fn hash(password: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("{e}"))
}

fn verify(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
}

/// A hash of nothing anyone knows, checked for unknown names.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$T0rW0pnlDUIuBKg8ziv0jNSs4nwnyd1cB7eLvfXRdo8";

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minutes: i64) -> OffsetDateTime {
        time::macros::datetime!(2026-12-01 09:00 +08:00) + Duration::minutes(minutes)
    }

    #[test]
    fn add_sign_in_change_and_remove() {
        let dir = tempfile::tempdir().unwrap();
        let accounts = Accounts::in_dir(&dir.path().join(".console"));
        assert!(accounts.list().unwrap().is_empty(), "no file: no accounts");
        accounts.add("王丽", "correct horse battery", at(0)).unwrap();
        assert!(accounts.add("王丽", "another long password", at(0)).is_err(), "a name is taken once");
        assert!(accounts.add("李明", "short", at(0)).is_err(), "short passwords are refused");
        let stored = fs::read_to_string(dir.path().join(".console/accounts.json")).unwrap();
        assert!(stored.contains("$argon2id$") && !stored.contains("correct horse"), "only the hash is stored");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            for f in [".console/accounts.json", ".console"] {
                let mode = fs::metadata(dir.path().join(f)).unwrap().permissions().mode();
                assert_eq!(mode & 0o077, 0, "only the owner may read {f}");
            }
        }
        assert_eq!(accounts.sign_in("王丽", "correct horse battery", at(1)).unwrap(), SignIn::Ok);
        assert_eq!(accounts.sign_in("王丽", "wrong", at(1)).unwrap(), SignIn::Refused);
        assert_eq!(accounts.sign_in("nobody", "correct horse battery", at(1)).unwrap(), SignIn::Refused);
        accounts.set_password("王丽", "a new long password").unwrap();
        assert_eq!(accounts.sign_in("王丽", "correct horse battery", at(2)).unwrap(), SignIn::Refused);
        assert_eq!(accounts.sign_in("王丽", "a new long password", at(2)).unwrap(), SignIn::Ok);
        accounts.remove("王丽").unwrap();
        assert_eq!(accounts.sign_in("王丽", "a new long password", at(3)).unwrap(), SignIn::Refused);
        assert!(accounts.remove("王丽").is_err());
    }

    #[test]
    fn five_wrong_passwords_lock_the_account_for_fifteen_minutes() {
        let dir = tempfile::tempdir().unwrap();
        let accounts = Accounts::in_dir(&dir.path().join(".console"));
        accounts.add("clerk", "correct horse battery", at(0)).unwrap();
        for i in 1..MAX_FAILURES {
            assert_eq!(accounts.sign_in("clerk", "guess", at(0)).unwrap(), SignIn::Refused, "failure {i}");
        }
        let until = at(0) + LOCK_TIME;
        assert_eq!(accounts.sign_in("clerk", "guess", at(0)).unwrap(), SignIn::Locked { until });
        // Locked: even the right password is refused, and the lock survives a restart (the file).
        assert_eq!(
            Accounts::in_dir(&dir.path().join(".console")).sign_in("clerk", "correct horse battery", at(10)).unwrap(),
            SignIn::Locked { until }
        );
        // After the lock, the right password works and the count starts again.
        assert_eq!(accounts.sign_in("clerk", "correct horse battery", at(16)).unwrap(), SignIn::Ok);
        assert_eq!(accounts.list().unwrap()[0].failures, 0);
        // A new password lifts a lock at once.
        for _ in 0..MAX_FAILURES {
            accounts.sign_in("clerk", "guess", at(20)).unwrap();
        }
        accounts.set_password("clerk", "a new long password").unwrap();
        assert_eq!(accounts.sign_in("clerk", "a new long password", at(21)).unwrap(), SignIn::Ok);
    }

    #[test]
    fn sign_ins_at_the_same_moment_are_all_counted() {
        let dir = tempfile::tempdir().unwrap();
        Accounts::in_dir(&dir.path().join(".console")).add("clerk", "correct horse battery", at(0)).unwrap();
        let threads: Vec<_> = (0..MAX_FAILURES)
            .map(|_| {
                let src = dir.path().to_path_buf();
                std::thread::spawn(move || {
                    Accounts::in_dir(&src.join(".console")).sign_in("clerk", "guess", at(0)).unwrap()
                })
            })
            .collect();
        let answers: Vec<SignIn> = threads.into_iter().map(|t| t.join().unwrap()).collect();
        assert_eq!(answers.iter().filter(|a| matches!(a, SignIn::Locked { .. })).count(), 1, "{answers:?}");
        let accounts = Accounts::in_dir(&dir.path().join(".console"));
        assert!(matches!(accounts.sign_in("clerk", "correct horse battery", at(1)).unwrap(), SignIn::Locked { .. }));
    }

    #[test]
    fn a_broken_or_newer_file_is_an_error_not_an_empty_list() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join(".console")).unwrap();
        let path = dir.path().join(".console/accounts.json");
        fs::write(&path, "{\"format\": 1, \"acc").unwrap();
        let accounts = Accounts::in_dir(&dir.path().join(".console"));
        assert!(accounts.list().is_err());
        assert!(accounts.add("clerk", "correct horse battery", at(0)).is_err(), "nothing is overwritten");
        fs::write(&path, "{\"format\": 2, \"accounts\": []}").unwrap();
        assert!(format!("{:#}", accounts.list().unwrap_err()).contains("新版本"));
    }

    #[test]
    fn the_dummy_hash_is_a_valid_hash() {
        assert!(PasswordHash::new(DUMMY_HASH).is_ok());
        assert!(!verify(DUMMY_HASH, "anything"));
    }
}
