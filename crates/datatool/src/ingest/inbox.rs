//! `ingest SRC --from DIR|S3-URL`: what the inbox service stored (`deputy_intake`: a folder or
//! a bucket, in `deputy_model::intake::folder`'s layout), exactly once. An ingested submission
//! moves from `new/` to `archive/`; a refused one stays in `new/` with its reason beside it
//! (`{code}.refused.txt`) and is not tried again until the station deletes the reason; so a
//! second run does nothing new. One whose identical copy is already in `SRC/received/` (the
//! last run stopped between saving and moving) is moved, not ingested twice.

use std::path::PathBuf;

use anyhow::{Context, Result, anyhow};
use deputy_intake::{Location, Store};

use super::run::{Options, Outcome, ingest_texts};

/// What one run did.
pub struct InboxRun {
    pub outcomes: Vec<Outcome>,
    /// Already ingested by an earlier run that stopped before moving them: now moved.
    pub moved_late: usize,
    /// Refused by an earlier run, still waiting for the station.
    pub still_refused: usize,
}

pub fn ingest_inbox(src: &std::path::Path, inbox: &Location, opts: &Options) -> Result<InboxRun> {
    let store = inbox.open().with_context(|| format!("打开收件箱 {inbox} 失败"))?;
    ingest_store(src, store.as_ref(), &inbox.to_string(), opts)
}

/// [`ingest_inbox`] from a store already open (`inbox` names it in messages).
pub fn ingest_store(src: &std::path::Path, store: &dyn Store, inbox: &str, opts: &Options) -> Result<InboxRun> {
    // The store's interface is async (the inbox serves many requests at once); here one
    // thread waits for each call in turn.
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let on = |e: deputy_intake::StoreError| anyhow!("收件箱 {inbox}：{e}");
    let mut texts = Vec::new();
    let (mut moved_late, mut still_refused) = (0, 0);
    for waiting in runtime.block_on(store.waiting()).map_err(on)? {
        let code = waiting.receipt_code;
        if waiting.refused {
            still_refused += 1;
            continue;
        }
        let body = runtime.block_on(store.read(&code)).map_err(on)?;
        let text = String::from_utf8(body).map_err(|_| anyhow!("不是 UTF-8 文本"));
        if let Ok(text) = &text
            && super::run::already_kept(src, &code, text)
        {
            runtime.block_on(store.archive(&code)).map_err(on)?;
            moved_late += 1;
            continue;
        }
        texts.push((code, text));
    }
    let codes: Vec<String> = texts.iter().map(|(code, _)| code.clone()).collect();
    let named = texts.into_iter().map(|(code, text)| (PathBuf::from(store.name(&code)), text));
    let outcomes = ingest_texts(src, named, opts)?;
    // The source is saved (ingest returns after saving): now file each one away.
    for (outcome, code) in outcomes.iter().zip(&codes) {
        match &outcome.result {
            Ok(_) => runtime.block_on(store.archive(code)).map_err(on)?,
            Err(e) => runtime.block_on(store.refuse(code, &format!("{e:#}"))).map_err(on)?,
        }
    }
    Ok(InboxRun { outcomes, moved_late, still_refused })
}
