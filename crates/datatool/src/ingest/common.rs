//! What the kinds' files and the station's commands share: reading a submission with the
//! inbox's checks, a payload's fields, the time it was sent, `--at`, and writing a file whole.

use std::path::Path;

use anyhow::{Context, Result, anyhow, bail};
use deputy_model::intake::{self, Refusal};
use deputy_model::submission::{Submission, SubmissionKind};
use deputy_model::{FORMAT_VERSION, clock};
use time::OffsetDateTime;

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

/// Parse one submission's text: (submission, its text, normalized receipt code). The checks
/// are the inbox's (`deputy_model::intake`); a wrong field is named with its path.
pub(super) fn read_submission(text: String) -> Result<(Submission, String, String)> {
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

/// The payload as `T`, errors naming the field (`payload.year`).
pub(super) fn payload<T: serde::de::DeserializeOwned>(s: &Submission) -> Result<T> {
    serde_path_to_error::deserialize(s.payload.clone()).map_err(|e| anyhow!("字段 payload.{}：{}", e.path(), e.inner()))
}

/// Text the built folder's `validate` would refuse: control characters (line breaks only where
/// the field may have several lines).
pub(super) fn no_control(field: &str, value: &str, multiline: bool) -> Result<()> {
    if value.chars().any(|c| c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t'))) {
        bail!("字段 {field}：含有控制字符");
    }
    Ok(())
}

/// When it was sent, as an instant (checked in [`read_submission`]).
pub(super) fn sent_at(s: &Submission) -> OffsetDateTime {
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
