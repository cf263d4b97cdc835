//! The checks a submission passes on arrival, before anything is stored: the inbox service
//! (`deputy-inbox`) answers with them, and the data tool's `ingest` applies the same ones
//! before its own checks against the site's data (does the deputy exist, is the consultation
//! open). One implementation, whichever door a submission comes through.
//!
//! What can be checked without the site's data: the JSON itself, the envelope (format version,
//! receipt code, time, kind, title) and the payload's size. A submission of a *newer* format
//! version is kept, not refused (docs/data-format.md promises it): only the fields needed to
//! file it (receipt code and time) are checked, and `ingest` reports it until the tool is
//! updated.

use serde_json::Value;

use crate::submission::{Submission, SubmissionKind};
use crate::{FORMAT_VERSION, clock, form_limits, receipt};

/// The largest request body the inbox reads; the longest form (a suggestion with co-signers)
/// is under 20 KB.
pub const BODY_MAX_BYTES: usize = 64 * 1024;
/// The title line for lists ("致 娜仁其其格：小区路灯不亮").
pub const TITLE_MAX: usize = 200;
/// Any text in a payload: above the longest form field (3,000 characters, a part of a
/// suggestion, `suggestion::draft::MAX_PART`).
pub const TEXT_MAX: usize = 5_000;
/// How deeply a payload may nest (the deepest form needs 3).
pub const DEPTH_MAX: usize = 6;
/// Entries of all arrays and objects in a payload together.
pub const ENTRIES_MAX: usize = 2_000;

/// Why a submission is refused: a short machine-readable reason ([`Refusal::code`]) for the
/// inbox's answer and logs, and a Chinese sentence for the station's tools.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    NotJson,
    Truncated,
    NotAnObject,
    /// A field missing, or of the wrong JSON type.
    BadField(&'static str),
    UnknownKind,
    BadFormatVersion,
    BadReceiptCode,
    BadCreatedAt,
    TooLong(&'static str),
    TooDeep,
    ControlCharacters(&'static str),
}

impl Refusal {
    pub fn code(&self) -> String {
        match self {
            Refusal::NotJson => "not_json".into(),
            Refusal::Truncated => "truncated".into(),
            Refusal::NotAnObject => "not_an_object".into(),
            Refusal::BadField(field) => format!("bad_field:{field}"),
            Refusal::UnknownKind => "unknown_kind".into(),
            Refusal::BadFormatVersion => "bad_format_version".into(),
            Refusal::BadReceiptCode => "bad_receipt_code".into(),
            Refusal::BadCreatedAt => "bad_created_at".into(),
            Refusal::TooLong(field) => format!("too_long:{field}"),
            Refusal::TooDeep => "too_deep".into(),
            Refusal::ControlCharacters(field) => format!("control_characters:{field}"),
        }
    }

    pub fn message(&self) -> String {
        match self {
            Refusal::NotJson => "不是 JSON".into(),
            Refusal::Truncated => "文件不完整".into(),
            Refusal::NotAnObject => "不是一条提交（应为 JSON 对象）".into(),
            Refusal::BadField(field) => format!("字段 {field}：缺少或类型不对"),
            Refusal::UnknownKind => "字段 kind：不是已知的提交类别".into(),
            Refusal::BadFormatVersion => "字段 format_version：不是有效的格式版本".into(),
            Refusal::BadReceiptCode => "字段 receipt_code：不是有效的查询码".into(),
            Refusal::BadCreatedAt => "字段 created_at：不是 RFC 3339 时间".into(),
            Refusal::TooLong(field) => format!("字段 {field}：太长"),
            Refusal::TooDeep => "字段 payload：嵌套太深或条目太多".into(),
            Refusal::ControlCharacters(field) => format!("字段 {field}：含有控制字符"),
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for Refusal {}

/// A submission that passed the checks.
#[derive(Debug, Clone, PartialEq)]
pub struct Arrival {
    /// The canonical twelve digits: the key it is filed under.
    pub receipt_code: String,
    /// As sent: with the code, what makes a repeat a repeat.
    pub created_at: String,
    pub format_version: u32,
    /// The submission, when it is of a format version this code reads (`None` for a newer one).
    pub submission: Option<Submission>,
}

/// Check a request body or a downloaded file.
pub fn check(text: &str) -> Result<Arrival, Refusal> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| if e.is_eof() { Refusal::Truncated } else { Refusal::NotJson })?;
    let Value::Object(fields) = &value else {
        return Err(Refusal::NotAnObject);
    };
    let version = match fields.get("format_version").and_then(Value::as_u64) {
        Some(v @ 1..) => u32::try_from(v).map_err(|_| Refusal::BadFormatVersion)?,
        Some(0) => return Err(Refusal::BadFormatVersion),
        None => return Err(Refusal::BadField("format_version")),
    };
    let code = fields.get("receipt_code").and_then(Value::as_str).ok_or(Refusal::BadField("receipt_code"))?;
    let receipt_code = receipt::normalize(code).ok_or(Refusal::BadReceiptCode)?;
    let created_at = fields.get("created_at").and_then(Value::as_str).ok_or(Refusal::BadField("created_at"))?;
    if created_at.len() > 40 || clock::parse_timestamp(created_at).is_none() {
        return Err(Refusal::BadCreatedAt);
    }
    let created_at = created_at.to_string();
    if version > FORMAT_VERSION {
        // Kept for a newer tool: its size is limited by the body limit alone.
        return Ok(Arrival { receipt_code, created_at, format_version: version, submission: None });
    }
    let kind = fields.get("kind").and_then(Value::as_str).ok_or(Refusal::BadField("kind"))?;
    let kind: SubmissionKind =
        serde_json::from_value(Value::String(kind.to_string())).map_err(|_| Refusal::UnknownKind)?;
    let title = fields.get("title").and_then(Value::as_str).ok_or(Refusal::BadField("title"))?;
    if title.chars().count() > TITLE_MAX {
        return Err(Refusal::TooLong("title"));
    }
    if title.chars().any(char::is_control) {
        return Err(Refusal::ControlCharacters("title"));
    }
    let payload = fields.get("payload").ok_or(Refusal::BadField("payload"))?;
    let Some(top) = payload.as_object() else {
        return Err(Refusal::BadField("payload"));
    };
    // Fields with a limit of their kind's form are held to it; the rest to the general ones.
    if let Some(field) = form_limits::over_limit(kind, payload) {
        return Err(Refusal::TooLong(field));
    }
    let mut entries = top.len();
    for (name, value) in top {
        if name.chars().count() > 64 {
            return Err(Refusal::TooLong("payload"));
        }
        if !(value.is_string() && form_limits::limit(kind, name).is_some()) {
            check_payload(value, 1, &mut entries)?;
        }
    }
    let submission: Submission = serde_json::from_value(value.clone()).map_err(|_| Refusal::BadField("submission"))?;
    Ok(Arrival { receipt_code, created_at, format_version: version, submission: Some(submission) })
}

fn check_payload(value: &Value, depth: usize, entries: &mut usize) -> Result<(), Refusal> {
    if depth > DEPTH_MAX {
        return Err(Refusal::TooDeep);
    }
    match value {
        Value::String(s) if s.chars().count() > TEXT_MAX => Err(Refusal::TooLong("payload")),
        Value::Array(items) => {
            *entries += items.len();
            if *entries > ENTRIES_MAX {
                return Err(Refusal::TooDeep);
            }
            items.iter().try_for_each(|v| check_payload(v, depth + 1, entries))
        }
        Value::Object(fields) => {
            *entries += fields.len();
            if *entries > ENTRIES_MAX {
                return Err(Refusal::TooDeep);
            }
            fields.iter().try_for_each(|(k, v)| {
                if k.chars().count() > 64 {
                    return Err(Refusal::TooLong("payload"));
                }
                check_payload(v, depth + 1, entries)
            })
        }
        _ => Ok(()),
    }
}

/// The inbox's folder, as the inbox writes it and `deputy-data ingest --from` reads it:
/// `new/{code}.json` as received, `archive/{code}.json` once ingested, and beside a refused
/// one in `new/` its reason, `{code}.refused.txt`, until the station deals with it.
pub mod folder {
    pub const NEW: &str = "new";
    pub const ARCHIVE: &str = "archive";
    /// Partly written files; never read.
    pub const TMP: &str = "tmp";

    pub fn file_name(receipt_code: &str) -> String {
        format!("{receipt_code}.json")
    }

    pub fn refused_name(receipt_code: &str) -> String {
        format!("{receipt_code}.refused.txt")
    }
}

/// A submission that filled in the forms' hidden field (`payload.website`, which people never
/// see): the inbox answers as if it were stored, and drops it.
pub fn is_honeypot(payload: &Value) -> bool {
    payload.get("website").and_then(Value::as_str).is_some_and(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(edit: impl FnOnce(&mut serde_json::Map<String, Value>)) -> String {
        let mut v = serde_json::json!({
            "format_version": 1,
            "receipt_code": receipt::code_from_entropy(42),
            "kind": "message",
            "created_at": "2026-11-28T10:00:00+08:00",
            "title": "致 娜仁其其格：小区路灯不亮",
            "payload": {"deputy_id": "d1", "subject": "路灯", "content": "小区路灯不亮", "consent": true}
        });
        edit(v.as_object_mut().unwrap());
        v.to_string()
    }

    #[test]
    fn a_good_submission_passes_with_its_canonical_code() {
        let a = check(&body(|_| {})).unwrap();
        assert_eq!(a.receipt_code, receipt::code_from_entropy(42));
        assert_eq!(a.submission.unwrap().kind, SubmissionKind::Message);
        // People's spacing of the code is accepted; the key is canonical.
        let spaced = body(|m| {
            let c = receipt::code_from_entropy(42);
            m.insert("receipt_code".into(), format!("{} {} {}", &c[..4], &c[4..8], &c[8..]).into());
        });
        assert_eq!(check(&spaced).unwrap().receipt_code, receipt::code_from_entropy(42));
    }

    #[test]
    fn a_newer_format_is_kept_with_only_its_filing_fields_checked() {
        let a = check(&body(|m| {
            m.insert("format_version".into(), 7.into());
            m.insert("kind".into(), "petition".into());
            m.remove("title");
        }))
        .unwrap();
        assert_eq!(a.format_version, 7);
        assert!(a.submission.is_none());
        let no_code = body(|m| {
            m.insert("format_version".into(), 7.into());
            m.insert("receipt_code".into(), "123".into());
        });
        assert_eq!(check(&no_code), Err(Refusal::BadReceiptCode));
    }

    #[test]
    fn each_fault_has_its_reason() {
        let long = "长".repeat(TEXT_MAX + 1);
        let deep = (0..10).fold(Value::Null, |v, _| serde_json::json!([v]));
        let cases: Vec<(String, Refusal)> = vec![
            ("not json".into(), Refusal::NotJson),
            (body(|_| {})[..40].to_string(), Refusal::Truncated),
            ("[1,2]".into(), Refusal::NotAnObject),
            (body(|m| drop(m.remove("format_version"))), Refusal::BadField("format_version")),
            (body(|m| drop(m.insert("format_version".into(), 0.into()))), Refusal::BadFormatVersion),
            (body(|m| drop(m.insert("format_version".into(), "1".into()))), Refusal::BadField("format_version")),
            (body(|m| drop(m.insert("receipt_code".into(), "123456789012".into()))), Refusal::BadReceiptCode),
            (body(|m| drop(m.insert("receipt_code".into(), 5.into()))), Refusal::BadField("receipt_code")),
            (body(|m| drop(m.insert("created_at".into(), "yesterday".into()))), Refusal::BadCreatedAt),
            (body(|m| drop(m.insert("kind".into(), "petition".into()))), Refusal::UnknownKind),
            (body(|m| drop(m.insert("title".into(), "长".repeat(TITLE_MAX + 1).into()))), Refusal::TooLong("title")),
            (body(|m| drop(m.insert("title".into(), "a\u{0}b".into()))), Refusal::ControlCharacters("title")),
            (body(|m| drop(m.insert("payload".into(), "text".into()))), Refusal::BadField("payload")),
            (
                body(|m| drop(m.insert("payload".into(), serde_json::json!({"note": long})))),
                Refusal::TooLong("payload"),
            ),
            (body(|m| drop(m.insert("payload".into(), serde_json::json!({"x": deep})))), Refusal::TooDeep),
            (
                body(|m| drop(m["payload"].as_object_mut().unwrap().insert("content".into(), "字".repeat(601).into()))),
                Refusal::TooLong("payload.content"),
            ),
            (
                body(|m| drop(m["payload"].as_object_mut().unwrap().insert("name".into(), "名".repeat(31).into()))),
                Refusal::TooLong("payload.name"),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(check(&text), Err(want.clone()), "{text:.80}");
            assert!(!want.code().contains(' '), "a machine-readable code: {}", want.code());
        }
    }
}
