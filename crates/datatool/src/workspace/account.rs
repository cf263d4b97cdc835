//! `deputy-data deputy-account SRC issue|revoke|list …`: deputies' workspace accounts. `issue`
//! makes a one-time activation code (14 days) for a deputy, printed with the page where it is
//! used and a QR code of that address, for the notice the station hands over; issuing again
//! replaces the code and, once used, the password (a reset). `revoke` ends the account and its
//! sessions. Each change is in the workspace's audit log.

use std::path::Path;

use anyhow::{Result, bail};
use clap::Subcommand;
use deputy_accounts::activation::grouped;
use deputy_model::clock;
use time::OffsetDateTime;

#[derive(Subcommand)]
pub enum DeputyAccount {
    /// A new activation code for each deputy named (also a reset of a lost password): one
    /// notice each, to print.
    Issue {
        #[arg(required = true)]
        deputy_ids: Vec<String>,
        /// Who issues it (a staff member's name; in the audit log).
        #[arg(long)]
        by: String,
        /// The workspace's address, for the notice (e.g. https://renda.example.cn/workspace/).
        #[arg(long, default_value = "/workspace/")]
        url: String,
    },
    /// End a deputy's account: the password, any code, every session.
    Revoke {
        deputy_id: String,
        #[arg(long)]
        by: String,
    },
    /// The accounts and the codes waiting.
    List,
}

pub fn run(src: &Path, what: DeputyAccount, now: OffsetDateTime) -> Result<String> {
    let accounts = deputy_workspace::deputy_accounts(src);
    let codes = deputy_workspace::activations(src);
    let audit = deputy_workspace::audit_log(src);
    match what {
        DeputyAccount::Issue { deputy_ids, by, url } => {
            let world = crate::source::read(src)?;
            if by.trim().is_empty() {
                bail!("请用 --by 写明发放人");
            }
            // Every id first: one unknown id issues nothing.
            let mut deputies = Vec::new();
            for id in &deputy_ids {
                let Some(d) = world.deputies.iter().find(|d| d.summary.id == *id) else {
                    bail!("代表 {id} 不在 deputies.csv 中（没有发放任何激活码）");
                };
                deputies.push(d);
            }
            let mut notices = Vec::new();
            for d in deputies {
                let deputy_id = &d.summary.id;
                let (code, expires) = codes.issue(deputy_id, now)?;
                audit.record(now, by.trim(), "activation-issue", deputy_id)?;
                let link = format!("{url}#activate={deputy_id}");
                let qr = qrcode::QrCode::new(link.as_bytes())?;
                let art = qr.render::<qrcode::render::unicode::Dense1x2>().quiet_zone(true).build();
                notices.push(format!(
                    "代表工作台激活通知\n代表：{}（{}）\n代表编号：{deputy_id}\n激活码：{}\n有效期至：{}\n激活地址：{link}\n{art}\n请代表本人在手机上打开激活地址（或扫码），输入激活码并设置自己的密码。激活码只能用一次，请勿转交他人。",
                    d.summary.name,
                    d.summary.title,
                    grouped(&code),
                    clock::format_date_time(expires),
                ));
            }
            // One notice a page when printed.
            Ok(notices.join("\n\u{c}\n"))
        }
        DeputyAccount::Revoke { deputy_id, by } => {
            let had_code = codes.withdraw(&deputy_id)?;
            let had_account = accounts.list()?.iter().any(|a| a.name == deputy_id);
            if had_account {
                accounts.remove(&deputy_id)?;
            }
            if !had_code && !had_account {
                bail!("代表 {deputy_id} 没有工作台账号或激活码");
            }
            deputy_workspace::sessions(src)
                .end_all_of(&deputy_id)
                .map_err(|r| anyhow::anyhow!("结束 {deputy_id} 的登录：{r:?}"))?;
            audit.record(now, by.trim(), "account-revoke", &deputy_id)?;
            Ok(format!("代表 {deputy_id} 的工作台账号已停用，所有登录已结束"))
        }
        DeputyAccount::List => {
            let mut out = String::new();
            for a in accounts.list()? {
                let lock =
                    a.locked_until.filter(|u| *u > now).map(|u| format!("（锁定至 {}）", clock::format_date_time(u)));
                out.push_str(&format!("{}  已激活{}\n", a.name, lock.unwrap_or_default()));
            }
            for (name, until) in codes.waiting()? {
                out.push_str(&format!("{name}  激活码待用，至 {}\n", clock::format_date_time(until)));
            }
            if out.is_empty() {
                out.push_str("还没有代表工作台账号\n");
            }
            Ok(out.trim_end().to_string())
        }
    }
}
