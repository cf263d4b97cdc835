//! `held SRC list|confirm|drop`: the deputy acts that arrived without proof ([`super::proof`]):
//! a suggestion, co-sign or training report sent through the public inbox, or with a signature
//! that does not verify. None is published or counted while held. A staff member who has
//! confirmed one with the deputy by other means (a phone call, at the desk) confirms it here,
//! writing down how; it is then applied like a signed one, its proof says who confirmed it,
//! and the audit log records it (the command line's `run`, or the console). One the deputy does not own is dropped (kept aside in
//! `held/dropped/` with the reason).

use std::path::Path;

use anyhow::{Context, Result, anyhow, bail};
use deputy_accounts::acts::KeyRing;
use deputy_model::clock;
use time::OffsetDateTime;

use super::common::{kind_label, read_submission, write_atomic};
use super::proof::{self, Proof};
use super::run::apply;
use super::state::State;

/// One held act, for the station's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldItem {
    pub receipt_code: String,
    pub kind: String,
    pub title: String,
    pub reason: String,
    /// The deputy it names (lead, co-signer); `None` for a training report.
    pub deputy_id: Option<String>,
}

/// What waits in `SRC/held/`, by receipt code.
pub fn held_items(src: &Path) -> Result<Vec<HeldItem>> {
    let keys = KeyRing::in_dir(&proof::workspace_dir(src))?;
    let Ok(entries) = std::fs::read_dir(src.join("held")) else { return Ok(Vec::new()) };
    let mut items = Vec::new();
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        let Some(code) = path.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".json")) else {
            continue;
        };
        let text = std::fs::read_to_string(&path).with_context(|| format!("读取 {}", path.display()))?;
        let (s, ..) = read_submission(proof::open(&keys, text)?.text)?;
        let reason = std::fs::read_to_string(path.with_extension("reason.txt")).unwrap_or_default();
        let deputy_id = proof::named_deputy(&s).ok().flatten();
        items.push(HeldItem {
            receipt_code: code.to_string(),
            kind: kind_label(s.kind).into(),
            title: s.title,
            reason,
            deputy_id,
        });
    }
    items.sort_by(|a, b| a.receipt_code.cmp(&b.receipt_code));
    Ok(items)
}

/// Confirm a held act as the deputy's, on `by`'s word of how (`how`); `deputy` names whose a
/// training report is (the others name their deputy). Applied with every check of an ingest.
pub fn confirm_held(
    src: &Path,
    code: &str,
    by: &str,
    how: &str,
    deputy: Option<&str>,
    now: OffsetDateTime,
) -> Result<String> {
    let (by, how) = (by.trim(), how.trim());
    if by.is_empty() || how.is_empty() {
        bail!("确认须写明由谁、如何与代表本人核实（命令行用 --by 和 --how）");
    }
    let path = proof::held_path(src, code);
    let text = std::fs::read_to_string(&path).map_err(|_| anyhow!("没有暂存的查询码 {code}"))?;
    let keys = KeyRing::in_dir(&proof::workspace_dir(src))?;
    let (s, act, code) = read_submission(proof::open(&keys, text)?.text)?;
    let named = match (super::proof::named_deputy(&s)?, deputy) {
        (Some(named), _) => named,
        (None, Some(d)) => d.trim().to_string(),
        (None, None) => bail!("{}不含代表姓名：请用 --deputy 指明是哪位代表的", kind_label(s.kind)),
    };
    let station = Proof::Station { deputy_id: named, by: by.into(), how: how.into(), at: clock::to_rfc3339(now) };
    let proof = proof::decide(&s, &None, Some(station))?.map_err(|reason| anyhow!(reason))?;
    let mut st = State::load(src)?;
    let opts = super::run::Options { deputy: None, now };
    let done = apply(&mut st, &s, &code, proof.as_ref(), &opts)?;
    if let Some(proof) = &proof {
        proof::write_proof(src, &code, proof)?;
    }
    std::fs::create_dir_all(src.join("received"))?;
    write_atomic(&st.received_path(&code), &act)?;
    st.save(now)?;
    std::fs::remove_file(&path)?;
    let _ = std::fs::remove_file(path.with_extension("reason.txt"));
    Ok(format!("已核实：{done}"))
}

/// Set a held act aside for good (`held/dropped/`), with the reason.
pub fn drop_held(src: &Path, code: &str, by: &str, reason: &str) -> Result<String> {
    let (by, reason) = (by.trim(), reason.trim());
    if by.is_empty() || reason.is_empty() {
        bail!("搁置须写明由谁、为什么搁置（命令行用 --by 和 --reason）");
    }
    let path = proof::held_path(src, code);
    if !path.exists() {
        bail!("没有暂存的查询码 {code}");
    }
    let dropped = src.join("held").join("dropped");
    std::fs::create_dir_all(&dropped)?;
    std::fs::rename(&path, dropped.join(format!("{code}.json")))?;
    write_atomic(&dropped.join(format!("{code}.reason.txt")), reason)?;
    let _ = std::fs::remove_file(path.with_extension("reason.txt"));
    Ok(format!("已搁置 {code}"))
}

/// `deputy-data held SRC …`.
#[derive(clap::Subcommand)]
pub enum HeldCommand {
    /// The held acts, with the reason each is held.
    List,
    /// Confirm one as its deputy's, after checking with the deputy by other means.
    Confirm {
        code: String,
        /// Who confirms (a staff member's name; in the audit log).
        #[arg(long)]
        by: String,
        /// How it was confirmed with the deputy (e.g. "2026-12-07 电话联系代表本人确认").
        #[arg(long)]
        how: String,
        /// Whose a training report is (a report names nobody).
        #[arg(long)]
        deputy: Option<String>,
    },
    /// Set one aside for good, with the reason.
    Drop {
        code: String,
        #[arg(long)]
        by: String,
        #[arg(long)]
        reason: String,
    },
}

pub fn run(src: &Path, what: HeldCommand, now: OffsetDateTime) -> Result<String> {
    match what {
        HeldCommand::List => {
            let items = held_items(src)?;
            let mut out = format!("暂存待核实 {} 件（不公开、不计入）", items.len());
            for i in items {
                out.push_str(&format!("\n{}  {}  {}  —  {}", i.receipt_code, i.kind, i.title, i.reason));
            }
            Ok(out)
        }
        HeldCommand::Confirm { code, by, how, deputy } => {
            let done = confirm_held(src, &code, &by, &how, deputy.as_deref(), now)?;
            // How it was checked is in its proof (`SRC/proofs/`).
            deputy_console::audit_log(src).record(now, by.trim(), "held-confirm", &code)?;
            Ok(done)
        }
        HeldCommand::Drop { code, by, reason } => {
            let done = drop_held(src, &code, &by, &reason)?;
            // The reason is beside it in `held/dropped/`.
            deputy_console::audit_log(src).record(now, by.trim(), "held-drop", &code)?;
            Ok(done)
        }
    }
}
