//! `ingest SRC FILE…` and `record SRC CODE …`: submissions from the outbox (exported JSON files,
//! see `deputy_model::submission`) into the source folder, and the station's handling of a
//! letter (forwarding, reply) recorded by receipt code. Each step of a letter is checked against
//! the model's state machine (`MessageRecord::state`) before anything is saved.
//!
//! Every accepted submission is archived as `SRC/received/{code}.json` (kept by the station,
//! never published: it holds names and phone numbers); that archive is what duplicates are
//! detected against. Adding a kind is one arm in [`apply`].

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use deputy_model::message::{MessageEvent, MessageRecord, Rating};
use deputy_model::submission::{Submission, SubmissionKind};
use deputy_model::{FORMAT_VERSION, receipt};
use serde::Deserialize;

use crate::world::World;

const SUBJECT_MAX: usize = 40;
const CONTENT_MAX: usize = 600;

#[derive(Deserialize)]
struct MessagePayload {
    deputy_id: String,
    subject: String,
    category: String,
    content: String,
    #[serde(default)]
    publish: bool,
    consent: bool,
}

#[derive(Deserialize)]
struct RatingPayload {
    receipt_code: String,
    rating: Rating,
    #[serde(default)]
    comment: String,
}

/// The outcome of one file.
pub struct Outcome {
    pub file: PathBuf,
    pub result: Result<String>,
}

fn received_path(src: &Path, code: &str) -> PathBuf {
    src.join("received").join(format!("{code}.json"))
}

/// Read, check and apply each file in turn; good ones are saved, bad ones reported with the
/// reason. The source's messages are rewritten once at the end (atomically, by rename).
pub fn ingest(src: &Path, files: &[PathBuf]) -> Result<Vec<Outcome>> {
    let world = crate::source::read(src)?;
    let mut messages = world.messages.clone();
    let mut out = Vec::new();
    let mut archived: Vec<(String, String)> = Vec::new();
    for file in files {
        let result = (|| -> Result<String> {
            let text = std::fs::read_to_string(file).with_context(|| format!("读取 {} 失败", file.display()))?;
            let de = &mut serde_json::Deserializer::from_str(&text);
            let s: Submission = serde_path_to_error::deserialize(de).map_err(|e| {
                let at = e.path().to_string();
                let inner = e.into_inner();
                if inner.is_eof() { anyhow!("文件不完整") } else { anyhow!("字段 {at}：{inner}") }
            })?;
            if s.format_version != FORMAT_VERSION {
                bail!("字段 format_version：{}，本工具只读 {FORMAT_VERSION}", s.format_version);
            }
            let code = receipt::normalize(&s.receipt_code)
                .ok_or_else(|| anyhow!("字段 receipt_code：{} 不是有效的查询码", s.receipt_code))?;
            if deputy_model::clock::parse_timestamp(&s.created_at).is_none() {
                bail!("字段 created_at：{} 不是 RFC 3339 时间", s.created_at);
            }
            if received_path(src, &code).exists()
                || archived.iter().any(|(c, _)| *c == code)
                || messages.iter().any(|m| m.receipt_code == code)
            {
                bail!("查询码 {code} 已经导入过（重复提交）");
            }
            let done = apply(&world, &mut messages, &s, &code)?;
            archived.push((code, text));
            Ok(done)
        })();
        out.push(Outcome { file: file.clone(), result });
    }
    if !archived.is_empty() {
        std::fs::create_dir_all(src.join("received"))?;
        for (code, text) in &archived {
            write_atomic(&received_path(src, code), text)?;
        }
        save_messages(src, &messages)?;
    }
    Ok(out)
}

/// One submission into the source, by kind.
fn apply(world: &World, messages: &mut Vec<MessageRecord>, s: &Submission, code: &str) -> Result<String> {
    match s.kind {
        SubmissionKind::Message => {
            let p: MessagePayload = payload(s)?;
            let d = world
                .deputies
                .iter()
                .find(|d| d.summary.id == p.deputy_id)
                .ok_or_else(|| anyhow!("字段 payload.deputy_id：代表 {} 不存在", p.deputy_id))?;
            anyhow::ensure!(p.consent, "字段 payload.consent：没有同意提交");
            let subject = p.subject.trim();
            anyhow::ensure!(!subject.is_empty(), "字段 payload.subject：标题为空");
            anyhow::ensure!(subject.chars().count() <= SUBJECT_MAX, "字段 payload.subject：超过 {SUBJECT_MAX} 字");
            anyhow::ensure!(!p.content.trim().is_empty(), "字段 payload.content：内容为空");
            anyhow::ensure!(p.content.chars().count() <= CONTENT_MAX, "字段 payload.content：超过 {CONTENT_MAX} 字");
            anyhow::ensure!(
                world.site.message_categories.contains(&p.category),
                "字段 payload.category：{} 不是本站的类别",
                p.category
            );
            messages.push(MessageRecord {
                format_version: FORMAT_VERSION,
                receipt_code: code.to_string(),
                deputy_id: d.summary.id.clone(),
                deputy_name: d.summary.name.clone(),
                subject: subject.to_string(),
                category: p.category,
                content: p.publish.then(|| p.content.trim().to_string()),
                public: p.publish,
                events: vec![MessageEvent::Received { at: s.created_at.clone() }],
                suggestion_id: None,
            });
            Ok(format!("来信 {code} 致 {}：{subject}", d.summary.name))
        }
        SubmissionKind::Rating => {
            let p: RatingPayload = payload(s)?;
            let letter = receipt::normalize(&p.receipt_code)
                .ok_or_else(|| anyhow!("字段 payload.receipt_code：{} 不是有效的查询码", p.receipt_code))?;
            let mut events =
                vec![MessageEvent::Rated { at: s.created_at.clone(), rating: p.rating, comment: p.comment }];
            if p.rating == Rating::Unsatisfied {
                events.push(MessageEvent::Reopened {
                    at: s.created_at.clone(),
                    reason: "群众对答复不满意，重新办理".into(),
                });
            }
            add_events(messages, &letter, events)?;
            Ok(format!("评价 来信 {letter}"))
        }
        // Kept in received/ for the station; comments reach a consultation's summary by hand.
        SubmissionKind::Comment | SubmissionKind::Feedback => Ok(format!("{} {code} 已存档", kind_name(s.kind))),
        SubmissionKind::Suggestion | SubmissionKind::Cosign | SubmissionKind::Vote | SubmissionKind::Training => {
            bail!("字段 kind：{} 还不能导入（本版数据工具尚不支持）", kind_name(s.kind))
        }
    }
}

/// The kind as it is written in the JSON, e.g. "vote".
fn kind_name(kind: SubmissionKind) -> String {
    serde_json::to_value(kind).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default()
}

fn payload<T: serde::de::DeserializeOwned>(s: &Submission) -> Result<T> {
    serde_path_to_error::deserialize(s.payload.clone()).map_err(|e| anyhow!("字段 payload.{}：{}", e.path(), e.inner()))
}

/// Append events to a letter and check the result against the state machine.
fn add_events(messages: &mut [MessageRecord], code: &str, events: Vec<MessageEvent>) -> Result<()> {
    let m =
        messages.iter_mut().find(|m| m.receipt_code == code).ok_or_else(|| anyhow!("查询码 {code} 没有对应的来信"))?;
    let mut next = m.clone();
    next.events.extend(events);
    if let Err(e) = next.state() {
        let now = m.state().map(|s| format!("{s:?}").to_lowercase()).unwrap_or_else(|_| "?".into());
        bail!("来信 {code}（当前状态 {now}）：events[{}]：{}", e.index, e.message);
    }
    *m = next;
    Ok(())
}

fn write_atomic(path: &Path, text: &str) -> Result<()> {
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, text).with_context(|| format!("写入 {} 失败", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("替换 {} 失败", path.display()))
}

fn save_messages(src: &Path, messages: &[MessageRecord]) -> Result<()> {
    write_atomic(&src.join("messages.json"), &(serde_json::to_string_pretty(messages)? + "\n"))
}

/// What the station records for a letter.
pub enum Step {
    Forward { department: String },
    Reply { by: String, text: String },
}

/// `record`: add a step to a letter by receipt code, checked by the state machine, and save.
pub fn record(src: &Path, code: &str, step: Step, at: &str) -> Result<()> {
    let code = receipt::normalize(code).ok_or_else(|| anyhow!("{code} 不是有效的查询码"))?;
    anyhow::ensure!(deputy_model::clock::parse_timestamp(at).is_some(), "--at {at} 不是 RFC 3339 时间");
    let mut messages: Vec<MessageRecord> = crate::source::read_json(src, "messages.json")?;
    let event = match step {
        Step::Forward { department } => {
            anyhow::ensure!(!department.trim().is_empty(), "--department 为空");
            MessageEvent::Forwarded { at: at.to_string(), department }
        }
        Step::Reply { by, text } => {
            anyhow::ensure!(!text.trim().is_empty() && !by.trim().is_empty(), "--by 和 --text 都不能为空");
            MessageEvent::Replied { at: at.to_string(), by, text }
        }
    };
    add_events(&mut messages, &code, vec![event])?;
    save_messages(src, &messages)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn setup() -> (tempfile::TempDir, PathBuf) {
        let tmp = tempfile::tempdir().unwrap();
        let src = tmp.path().join("src");
        crate::source::write(&crate::generate::generate_city(4), &src).unwrap();
        (tmp, src)
    }

    fn code(n: u64) -> String {
        receipt::code_from_entropy(n)
    }

    fn submission(dir: &Path, name: &str, kind: &str, code: &str, payload: serde_json::Value) -> PathBuf {
        // Ratings come after the replies recorded in the test.
        let at = if kind == "rating" { "2026-12-01T10:00:00+08:00" } else { "2026-11-28T10:15:42+08:00" };
        let s = serde_json::json!({
            "format_version": 1, "receipt_code": code, "kind": kind,
            "created_at": at, "title": "t", "payload": payload,
        });
        let p = dir.join(name);
        fs::write(&p, serde_json::to_string_pretty(&s).unwrap()).unwrap();
        p
    }

    fn letter(deputy: &str) -> serde_json::Value {
        serde_json::json!({ "deputy_id": deputy, "deputy_name": "x", "subject": "小区路灯长期不亮", "category": "城建",
            "content": "路灯坏了两个月。", "name": "张丽", "phone": "13812345678", "anonymous": false, "publish": true, "consent": true })
    }

    #[test]
    fn letter_reply_rating_then_built_track_file() {
        let (tmp, src) = setup();
        let world = crate::source::read(&src).unwrap();
        let deputy = world.deputies[0].summary.id.clone();
        let c = code(42);
        let f = submission(tmp.path(), "a.json", "message", &c, letter(&deputy));
        let out = ingest(&src, &[f.clone()]).unwrap();
        assert!(out[0].result.is_ok(), "{:?}", out[0].result.as_ref().err());
        // The same file again is a duplicate.
        let again = ingest(&src, &[f]).unwrap();
        assert!(format!("{:#}", again[0].result.as_ref().unwrap_err()).contains("重复"));
        // Rating before any reply is an illegal transition.
        let r = submission(
            tmp.path(),
            "r.json",
            "rating",
            &code(43),
            serde_json::json!({"receipt_code": c, "rating": "satisfied"}),
        );
        let bad = ingest(&src, &[r.clone()]).unwrap();
        let err = format!("{:#}", bad[0].result.as_ref().unwrap_err());
        assert!(err.contains(&c) && err.contains("不能是"), "{err}");
        // Forward, reply, then the rating is accepted.
        record(&src, &c, Step::Forward { department: "市住建局".into() }, "2026-11-29T09:00:00+08:00").unwrap();
        record(&src, &c, Step::Reply { by: "市住建局".into(), text: "已修复。".into() }, "2026-11-30T09:00:00+08:00")
            .unwrap();
        let ok = ingest(&src, &[r]).unwrap();
        assert!(ok[0].result.is_ok(), "{:?}", ok[0].result.as_ref().err());
        // A reply after the rating is refused, and nothing is saved.
        let before = fs::read(src.join("messages.json")).unwrap();
        let e = record(&src, &c, Step::Reply { by: "x".into(), text: "y".into() }, "2026-12-02T09:00:00+08:00");
        assert!(format!("{:#}", e.unwrap_err()).contains("不能是"));
        assert_eq!(fs::read(src.join("messages.json")).unwrap(), before);
        // Built, the receipt code opens the record with its reply and rating.
        let data = tmp.path().join("data");
        crate::source::build(&src, &data, indicatif::ProgressBar::hidden()).unwrap();
        let track: MessageRecord =
            serde_json::from_str(&fs::read_to_string(data.join(format!("track/{c}.json"))).unwrap()).unwrap();
        assert_eq!(track.last_rating(), Some(Rating::Satisfied));
        assert_eq!(track.last_reply().map(|r| r.2), Some("已修复。"));
        // The writer's name and phone stay in the archive, never in the output.
        assert!(src.join(format!("received/{c}.json")).exists());
        assert!(!fs::read_to_string(data.join(format!("track/{c}.json"))).unwrap().contains("13812345678"));
    }

    #[test]
    fn malformed_submissions_are_refused_with_reasons() {
        let (tmp, src) = setup();
        let before = fs::read(src.join("messages.json")).unwrap();
        let deputy = crate::source::read(&src).unwrap().deputies[0].summary.id.clone();
        let truncated = tmp.path().join("t.json");
        let full =
            fs::read_to_string(submission(tmp.path(), "full.json", "message", &code(1), letter(&deputy))).unwrap();
        fs::write(&truncated, &full[..full.len() / 2]).unwrap();
        let bad_code = submission(tmp.path(), "c.json", "message", "123456789012", letter(&deputy));
        let unknown = submission(tmp.path(), "u.json", "message", &code(2), letter("nobody-9"));
        let mut wrong = letter(&deputy);
        wrong["consent"] = serde_json::json!("yes");
        let wrong_type = submission(tmp.path(), "w.json", "message", &code(3), wrong);
        let unsupported = submission(tmp.path(), "v.json", "vote", &code(4), serde_json::json!({}));
        let unknown_letter = submission(
            tmp.path(),
            "r.json",
            "rating",
            &code(5),
            serde_json::json!({"receipt_code": code(99), "rating": "satisfied"}),
        );
        let files = [truncated, bad_code, unknown, wrong_type, unsupported, unknown_letter];
        let out = ingest(&src, &files).unwrap();
        let errs: Vec<String> = out.iter().map(|o| format!("{:#}", o.result.as_ref().unwrap_err())).collect();
        for (e, want) in
            errs.iter().zip(["不完整", "receipt_code", "nobody-9", "payload.consent", "vote", "没有对应的来信"])
        {
            assert!(e.contains(want), "{e} should mention {want}");
        }
        assert_eq!(fs::read(src.join("messages.json")).unwrap(), before, "nothing saved");
        assert!(!src.join("received").exists());
    }
}
