//! `deputy-data console-user add|remove|passwd|list SRC …`: the station console's staff
//! accounts (`deputy_console::accounts`), each change written to the console's audit log. A
//! password is typed twice without echo on a terminal, or read as one line from standard input
//! in a script (`printf '%s\n' "$PW" | deputy-data console-user add SRC 王丽`).

use std::io::{BufRead, IsTerminal};
use std::path::Path;

use anyhow::{Context, Result, bail};
use clap::Subcommand;
use deputy_console::accounts::Accounts;
use time::OffsetDateTime;

#[derive(Subcommand)]
pub enum ConsoleUser {
    /// A new staff account.
    Add { name: String },
    /// Remove an account.
    Remove { name: String },
    /// A new password for an account (also lifts a lock-out).
    Passwd { name: String },
    /// The accounts, with their lock-out state.
    List,
}

pub fn run(src: &Path, what: ConsoleUser) -> Result<String> {
    let accounts = deputy_console::staff_accounts(src);
    let audit = deputy_console::audit_log(src);
    let now = OffsetDateTime::now_utc();
    let (action, name) = match what {
        ConsoleUser::List => return list(&accounts, now),
        ConsoleUser::Add { name } => {
            accounts.add(&name, &new_password()?, now)?;
            ("account-add", name)
        }
        ConsoleUser::Remove { name } => {
            accounts.remove(&name)?;
            ("account-remove", name)
        }
        ConsoleUser::Passwd { name } => {
            if !accounts.list()?.iter().any(|a| a.name == name) {
                bail!("没有账号 {name}");
            }
            accounts.set_password(&name, &new_password()?)?;
            ("account-password", name)
        }
    };
    if action != "account-add" {
        // Its sessions end now, in every running console (they are kept in `.console/sessions/`).
        deputy_console::sessions::Sessions::in_dir(&deputy_console::console_dir(src))
            .end_all_of(&name)
            .map_err(|r| anyhow::anyhow!("结束账号 {name} 的登录：{r:?}"))?;
    }
    audit.record(now, "console-user", action, &name)?;
    Ok(format!(
        "账号 {name}：已{}",
        match action {
            "account-add" => "添加",
            "account-remove" => "删除",
            _ => "更改密码",
        }
    ))
}

fn list(accounts: &Accounts, now: OffsetDateTime) -> Result<String> {
    let all = accounts.list()?;
    if all.is_empty() {
        return Ok("还没有账号（console-user add SRC 名字）".into());
    }
    Ok(all
        .iter()
        .map(|a| match a.locked_until {
            Some(until) if until > now => format!(
                "{}（已锁定，至 {}）",
                a.name,
                deputy_model::clock::show_timestamp(
                    &until.format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
                )
            ),
            _ => a.name.clone(),
        })
        .collect::<Vec<_>>()
        .join("\n"))
}

/// The new password: typed twice on a terminal, or one line of standard input.
fn new_password() -> Result<String> {
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("新密码（至少 12 个字符）：").context("读取密码")?;
        let again = rpassword::prompt_password("再输入一次：").context("读取密码")?;
        if first != again {
            bail!("两次输入的密码不一致");
        }
        return Ok(first);
    }
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).context("从标准输入读取密码")?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_shows_accounts_and_locks() {
        let dir = tempfile::tempdir().unwrap();
        let accounts = deputy_console::staff_accounts(dir.path());
        let now = OffsetDateTime::now_utc();
        assert!(list(&accounts, now).unwrap().contains("还没有账号"));
        accounts.add("王丽", "correct horse battery", now).unwrap();
        for _ in 0..deputy_console::accounts::MAX_FAILURES {
            accounts.sign_in("王丽", "guess", now).unwrap();
        }
        assert!(list(&accounts, now).unwrap().starts_with("王丽（已锁定"));
    }

    #[test]
    fn removing_an_account_ends_its_sessions_in_every_console() {
        let dir = tempfile::tempdir().unwrap();
        let now = OffsetDateTime::now_utc();
        deputy_console::staff_accounts(dir.path()).add("王丽", "correct horse battery", now).unwrap();
        let sessions = deputy_console::sessions::Sessions::in_dir(&deputy_console::console_dir(dir.path()));
        let session = sessions.start("王丽", "h", now).unwrap();
        let other = sessions.start("李明", "h", now).unwrap();
        run(dir.path(), ConsoleUser::Remove { name: "王丽".into() }).unwrap();
        assert_eq!(sessions.read(&session.id, now), Err(deputy_console::sessions::Refusal::Unknown));
        assert!(sessions.read(&other.id, now).is_ok(), "other accounts stay signed in");
    }
}
