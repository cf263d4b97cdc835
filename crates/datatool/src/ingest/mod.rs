//! `ingest SRC FILE…`, `reply …` and `publish …`: submissions from the outbox (exported JSON
//! files, see `deputy_model::submission`) into the source folder, and the station's handling of
//! letters, suggestions, comments and consultations. Every step is checked (references, limits,
//! the model's state machines) before anything is saved; a refused file or command changes
//! nothing.
//!
//! Every accepted submission is archived as `SRC/received/{code}.json` (kept by the station,
//! never published: it holds names and phone numbers); that archive is what duplicates are
//! detected against, and where co-signers' confirmations are looked up. One file per kind:
//! [`letter`] (message, rating, letter replies), [`suggestion`] (suggestion, cosign),
//! [`vote`], [`training`], [`comment`]; [`reply`] and [`publish`] are the station's commands.
//!
//! A deputy's act (suggestion, co-sign, training) is applied only when [`proof`] shows it is
//! theirs (signed by the deputies' workspace, or confirmed by the station); otherwise it is
//! held in `SRC/held/` for the station ([`held`]), never published nor counted.

mod comment;
mod held;
mod inbox;
mod letter;
pub mod proof;
mod publish;
mod reply;
mod state;
mod suggestion;
mod training;
mod vote;

#[cfg(test)]
pub(crate) mod tests;
#[cfg(test)]
pub(crate) mod tests_commands;
#[cfg(test)]
mod tests_inbox;
#[cfg(test)]
mod tests_proof;

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use deputy_accounts::acts::KeyRing;
use deputy_model::intake::{self, Refusal};
use deputy_model::submission::{Submission, SubmissionKind};
use deputy_model::{FORMAT_VERSION, clock};
use proof::Proof;
use time::OffsetDateTime;

pub use held::run as run_held;
pub use held::{HeldCommand, confirm_held, drop_held, held_items};
pub use inbox::ingest_inbox;
pub use letter::{Step, record};
pub use publish::{consultation_result, publish_comment, publish_consultation, publish_draft, publish_draft_text};
pub use reply::{SuggestionStep, reply_suggestion, status_name};
pub use state::State;

/// The outcome of one file.
pub struct Outcome {
    pub file: PathBuf,
    pub result: Result<String>,
}

/// What `ingest` needs besides the files.
pub struct Options {
    /// The deputy whose training reports these are (`--deputy`; a report carries no name): the
    /// station vouches for it, and the proof says so.
    pub deputy: Option<String>,
    /// The time of the ingest (the evaluation's count time, the site's data date).
    pub now: OffsetDateTime,
}

/// Read, check and apply each file in turn; good ones are saved, bad ones reported with the
/// reason and leave no trace. The changed source files are rewritten once at the end
/// (atomically, by rename).
pub fn ingest(src: &Path, files: &[PathBuf], opts: &Options) -> Result<Vec<Outcome>> {
    let texts = files.iter().map(|file| {
        let text = std::fs::read_to_string(file).with_context(|| format!("读取 {} 失败", file.display()));
        (file.clone(), text)
    });
    ingest_texts(src, texts, opts)
}

/// [`ingest`] of submissions already read (from the inbox's store): each with the name it is
/// reported under.
pub fn ingest_texts(
    src: &Path,
    texts: impl IntoIterator<Item = (PathBuf, Result<String>)>,
    opts: &Options,
) -> Result<Vec<Outcome>> {
    let mut st = State::load(src)?;
    let keys = KeyRing::in_dir(&proof::workspace_dir(src))?;
    let mut out = Vec::new();
    // (code, the submission's text, its proof); (code, text as it arrived, reason).
    let mut archived: Vec<(String, String, Option<Proof>)> = Vec::new();
    let mut held: Vec<(String, String, String)> = Vec::new();
    for (file, text) in texts {
        let result = text.and_then(|arrived| {
            let arrival = proof::open(&keys, arrived.clone())?;
            let (s, text, code) = read_submission(arrival.text)?;
            if st.received_path(&code).exists()
                || proof::held_path(src, &code).exists()
                || archived.iter().any(|(c, ..)| *c == code)
                || held.iter().any(|(c, ..)| *c == code)
                || st.world.messages.iter().any(|m| m.receipt_code == code)
            {
                bail!("查询码 {code} 已经导入过（重复提交）");
            }
            let station = opts.deputy.as_ref().filter(|_| s.kind == SubmissionKind::Training).map(|d| Proof::Station {
                deputy_id: d.clone(),
                by: "联络站导入时指明（--deputy）".into(),
                how: "联络站指明培训报告属于这位代表".into(),
                at: clock::to_rfc3339(opts.now),
            });
            let proof = match proof::decide(&s, &arrival.signed, station)? {
                Ok(proof) => proof,
                Err(reason) => {
                    let line = format!("{}（查询码 {code}）：暂存待核实，不公开、不计入。{reason}", kind_label(s.kind));
                    held.push((code, arrived, reason));
                    return Ok(line);
                }
            };
            let done = apply(&mut st, &s, &code, proof.as_ref(), opts)?;
            st.received.push(s);
            archived.push((code, text, proof));
            Ok(done)
        });
        let result = result.with_context(|| file.display().to_string());
        out.push(Outcome { file, result });
    }
    for (code, text, reason) in &held {
        proof::hold(src, code, text, reason)?;
    }
    if !archived.is_empty() {
        std::fs::create_dir_all(src.join("received"))?;
        for (code, text, proof) in &archived {
            if let Some(proof) = proof {
                proof::write_proof(src, code, proof)?;
            }
            write_atomic(&st.received_path(code), text)?;
        }
        st.save(opts.now)?;
    }
    Ok(out)
}

/// A kind's name for the station (Chinese).
pub fn kind_label(kind: SubmissionKind) -> &'static str {
    match kind {
        SubmissionKind::Message => "来信",
        SubmissionKind::Rating => "评价",
        SubmissionKind::Comment => "意见",
        SubmissionKind::Suggestion => "代表建议",
        SubmissionKind::Cosign => "联名确认",
        SubmissionKind::Vote => "评议投票",
        SubmissionKind::Training => "培训报告",
        SubmissionKind::SuggestionRating => "建议答复评价",
        SubmissionKind::Feedback => "意见反馈",
    }
}

/// Whether what a store holds under `code` was kept by an earlier run (which stopped before
/// filing it away): the same text in `received/` (its act, for an envelope) or in `held/`.
pub(crate) fn already_kept(src: &Path, code: &str, text: &str) -> bool {
    let same = |path: PathBuf, want: &str| std::fs::read_to_string(path).is_ok_and(|saved| saved == want);
    let act = serde_json::from_str::<deputy_accounts::acts::Envelope>(text).map(|e| e.act);
    same(src.join("received").join(format!("{code}.json")), act.as_deref().unwrap_or(text))
        || same(proof::held_path(src, code), text)
}

/// Parse one submission's text: (submission, its text, normalized receipt code). The checks
/// are the inbox's (`deputy_model::intake`); a wrong field is named with its path.
fn read_submission(text: String) -> Result<(Submission, String, String)> {
    let arrival = intake::check(&text).map_err(|refusal| match refusal {
        Refusal::BadField(_) => field_error(&text),
        other => anyhow!(other.message()),
    })?;
    let Some(s) = arrival.submission else {
        bail!("字段 format_version：{}，本工具只读 {FORMAT_VERSION}（请更新 deputy-data）", arrival.format_version);
    };
    Ok((s, text, arrival.receipt_code))
}

/// serde's account of a field of the wrong type, with its path (`payload.year`).
fn field_error(text: &str) -> anyhow::Error {
    let de = &mut serde_json::Deserializer::from_str(text);
    match serde_path_to_error::deserialize::<_, Submission>(de) {
        Err(e) => anyhow!("字段 {}：{}", e.path(), e.inner()),
        Ok(_) => anyhow!("不是一条有效的提交"),
    }
}

/// One submission into the source, by kind. Each arm checks everything before it changes
/// anything, so a refused submission leaves the state as it was.
/// A deputy kind comes with its [`Proof`] ([`proof::decide`] made sure of it).
fn apply(st: &mut State, s: &Submission, code: &str, proof: Option<&Proof>, opts: &Options) -> Result<String> {
    match s.kind {
        SubmissionKind::Message => letter::message(st, s, code),
        SubmissionKind::Rating => letter::rating(st, s),
        SubmissionKind::Suggestion => suggestion::suggestion(st, s, code),
        SubmissionKind::Cosign => suggestion::cosign(st, s, code),
        SubmissionKind::Vote => vote::vote(st, s, opts.now),
        SubmissionKind::Training => training::training(st, s, proof.map(Proof::deputy_id)),
        SubmissionKind::SuggestionRating => suggestion::rating(st, s, proof.map(Proof::deputy_id)),
        SubmissionKind::Comment => comment::comment(st, s, code),
        // Kept in received/ for the station only.
        SubmissionKind::Feedback => Ok(format!("意见反馈 {code} 已存档")),
    }
}

/// The payload as `T`, errors naming the field (`payload.year`).
fn payload<T: serde::de::DeserializeOwned>(s: &Submission) -> Result<T> {
    serde_path_to_error::deserialize(s.payload.clone()).map_err(|e| anyhow!("字段 payload.{}：{}", e.path(), e.inner()))
}

/// Text the built folder's `validate` would refuse: control characters (line breaks only where
/// the field may have several lines).
fn no_control(field: &str, value: &str, multiline: bool) -> Result<()> {
    if value.chars().any(|c| c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t'))) {
        bail!("字段 {field}：含有控制字符");
    }
    Ok(())
}

/// When it was sent, as an instant (checked in [`read_submission`]).
fn sent_at(s: &Submission) -> OffsetDateTime {
    clock::parse_timestamp(&s.created_at).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

/// `--at` of the station's commands: an RFC 3339 time, or a day (`YYYY-MM-DD`) read as the
/// console reads its 办理日期 ([`deputy_model::console::step_time`]: today is now, an earlier day
/// noon Beijing time, a later day refused), so both doors date a step the same way.
pub fn parse_at(at: &str) -> Result<OffsetDateTime> {
    parse_at_on(at, OffsetDateTime::now_utc())
}

/// [`parse_at`] with the clock given.
pub fn parse_at_on(at: &str, now: OffsetDateTime) -> Result<OffsetDateTime> {
    if let Some(time) = clock::parse_timestamp(at) {
        return Ok(time);
    }
    if clock::parse_date(at.trim()).is_none() {
        bail!("--at {at} 不是 RFC 3339 时间（如 2026-12-01T09:30:00+08:00），也不是日期（如 2026-12-01）");
    }
    deputy_model::console::step_time(at, now).map_err(|e| anyhow!("--at：{e}"))
}

pub(crate) fn write_atomic(path: &Path, text: &str) -> Result<()> {
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, text).with_context(|| format!("写入 {} 失败", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("替换 {} 失败", path.display()))
}
