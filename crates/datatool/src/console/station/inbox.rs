//! 收件箱: what waits in the inbox service's store, and ingest from it or from chosen files,
//! through `ingest`'s own functions.

use std::path::PathBuf;

use anyhow::{Context, Result, anyhow};
use deputy_model::console::{DeputyChoice, InboxItem, IngestOutcome, Upload};
use deputy_model::submission::Submission;
use time::OffsetDateTime;

use super::source::SourceStation;
use crate::ingest;

pub(super) fn inbox(station: &SourceStation) -> Result<Vec<InboxItem>> {
    let Some(location) = &station.inbox else { return Ok(Vec::new()) };
    let store = location.open().with_context(|| format!("打开收件箱 {location} 失败"))?;
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let on = |e: deputy_intake::StoreError| anyhow!("收件箱 {location}：{e}");
    let mut items = Vec::new();
    for waiting in runtime.block_on(store.waiting()).map_err(on)? {
        let code = waiting.receipt_code;
        let body = runtime.block_on(store.read(&code)).map_err(on)?;
        let submission: Option<Submission> = serde_json::from_slice(&body).ok();
        let refused = if waiting.refused {
            let reason = runtime.block_on(store.refusal(&code)).map_err(on)?.unwrap_or_else(|| "已被拒绝".into());
            // Ingest names the file first (for the command line); the console lists by code.
            let file = format!("{}: ", store.name(&code));
            reason.strip_prefix(&file).map(str::to_string).unwrap_or(reason)
        } else {
            String::new()
        };
        items.push(InboxItem {
            kind: submission.as_ref().map(|s| s.kind.name().to_string()).unwrap_or_default(),
            created_at: submission.as_ref().map(|s| s.created_at.clone()).unwrap_or_default(),
            title: submission.map(|s| s.title).unwrap_or_else(|| "（无法读取的文件）".into()),
            receipt_code: code,
            refused,
        });
    }
    Ok(items)
}

/// The source's deputies, by level then name, for the picker of whose a file is.
pub(super) fn deputies(station: &SourceStation) -> Result<Vec<DeputyChoice>> {
    let st = ingest::State::load(&station.src)?;
    let mut all: Vec<DeputyChoice> = st
        .world
        .deputies
        .into_iter()
        .map(|d| DeputyChoice {
            id: d.summary.id,
            name: d.summary.name,
            level: d.summary.level,
            region: d.summary.region_name,
        })
        .collect();
    all.sort_by(|a, b| (a.level, &a.name).cmp(&(b.level, &b.name)));
    Ok(all)
}

pub(super) fn ingest(station: &SourceStation, now: OffsetDateTime) -> Result<Vec<IngestOutcome>> {
    let Some(location) = &station.inbox else {
        anyhow::bail!("没有设置收件箱：启动控制台时用 --inbox 指定收件箱目录")
    };
    let run = ingest::ingest_inbox(&station.src, location, &ingest::Options { deputy: None, now })?;
    Ok(outcomes(run.outcomes))
}

pub(super) fn ingest_files(station: &SourceStation, upload: Upload, now: OffsetDateTime) -> Result<Vec<IngestOutcome>> {
    let deputy = upload.deputy.map(|d| d.trim().to_string()).filter(|d| !d.is_empty());
    let texts = upload.files.into_iter().map(|f| (PathBuf::from(f.name), Ok(f.text)));
    Ok(outcomes(ingest::ingest_texts(&station.src, texts, &ingest::Options { deputy, now })?))
}

/// Ingest's outcomes for the console: by receipt code (the file's name), and for a refusal the
/// reason without the file name the command line puts first.
fn outcomes(list: Vec<ingest::Outcome>) -> Vec<IngestOutcome> {
    list.into_iter()
        .map(|o| {
            let receipt_code = o.file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            match o.result {
                Ok(done) => IngestOutcome { receipt_code, accepted: true, message: done },
                Err(e) => IngestOutcome {
                    receipt_code,
                    accepted: false,
                    message: e
                        .chain()
                        .skip(1)
                        .map(|c| c.to_string())
                        .collect::<Vec<_>>()
                        .join("：")
                        .chars()
                        .take(500)
                        .collect(),
                },
            }
        })
        .collect()
}
