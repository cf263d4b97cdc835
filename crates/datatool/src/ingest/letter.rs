//! Letters (直通代表): a citizen's `message` becomes a letter, a `rating` is added to its
//! letter, and the station's forwarding and replies are recorded by receipt code — each step
//! checked against the letter's state machine (`MessageRecord::state`).

use std::path::Path;

use anyhow::{Result, anyhow, bail};
use deputy_model::message::{MessageEvent, MessageRecord, Rating};
use deputy_model::submission::Submission;
use deputy_model::{FORMAT_VERSION, receipt};
use serde::Deserialize;

use super::common::payload;
use super::state::{File, State};

use deputy_model::message::{CONTENT_MAX, SUBJECT_MAX};

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

pub(super) fn message(st: &mut State, s: &Submission, code: &str) -> Result<String> {
    let p: MessagePayload = payload(s)?;
    let world = &st.world;
    let d = world
        .deputies
        .iter()
        .find(|d| d.summary.id == p.deputy_id)
        .ok_or_else(|| anyhow!("字段 payload.deputy_id：代表 {} 不存在", p.deputy_id))?;
    anyhow::ensure!(p.consent, "字段 payload.consent：没有同意提交");
    let subject = p.subject.trim();
    anyhow::ensure!(!subject.is_empty(), "字段 payload.subject：标题为空");
    super::common::no_control("payload.subject", subject, false)?;
    super::common::no_control("payload.content", &p.content, true)?;
    anyhow::ensure!(subject.chars().count() <= SUBJECT_MAX, "字段 payload.subject：超过 {SUBJECT_MAX} 字");
    anyhow::ensure!(!p.content.trim().is_empty(), "字段 payload.content：内容为空");
    anyhow::ensure!(p.content.chars().count() <= CONTENT_MAX, "字段 payload.content：超过 {CONTENT_MAX} 字");
    anyhow::ensure!(
        world.site.message_categories.contains(&p.category),
        "字段 payload.category：{} 不是本站的类别",
        p.category
    );
    let record = MessageRecord {
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
    };
    let done = format!("来信 {code} 致 {}：{subject}", d.summary.name);
    st.world.messages.push(record);
    st.touch(File::Messages);
    Ok(done)
}

pub(super) fn rating(st: &mut State, s: &Submission) -> Result<String> {
    let p: RatingPayload = payload(s)?;
    let letter = receipt::normalize(&p.receipt_code)
        .ok_or_else(|| anyhow!("字段 payload.receipt_code：{} 不是有效的查询码", p.receipt_code))?;
    let mut events = vec![MessageEvent::Rated { at: s.created_at.clone(), rating: p.rating, comment: p.comment }];
    if p.rating == Rating::Unsatisfied {
        events.push(MessageEvent::Reopened {
            at: s.created_at.clone(), reason: "群众对答复不满意，重新办理".into()
        });
    }
    add_events(&mut st.world.messages, &letter, events)?;
    st.touch(File::Messages);
    Ok(format!("评价 来信 {letter}"))
}

/// Append events to a letter and check the result against the state machine.
fn add_events(messages: &mut [MessageRecord], code: &str, events: Vec<MessageEvent>) -> Result<()> {
    let m =
        messages.iter_mut().find(|m| m.receipt_code == code).ok_or_else(|| anyhow!("查询码 {code} 没有对应的来信"))?;
    let mut next = m.clone();
    next.events.extend(events);
    if let Err(e) = next.state() {
        let now = m.state().map(deputy_model::message::state_name).unwrap_or("?");
        bail!("来信 {code}（当前状态 {now}）：events[{}]：{}", e.index, e.message);
    }
    *m = next;
    Ok(())
}

/// What the station records for a letter (the model's, shared with the console). `Public`:
/// whether the letter and its reply are in the public Q&A; the station may keep a letter out,
/// but publishes one only when its writer agreed (the submission's `publish`).
pub use deputy_model::console::LetterAction as Step;

/// `reply SRC letter CODE` (and the older `record`): add a step to a letter by receipt code,
/// checked by the state machine, and save. Returns a line for the station.
pub fn record(src: &Path, code: &str, step: Step, at: &str) -> Result<String> {
    let code = receipt::normalize(code).ok_or_else(|| anyhow!("{code} 不是有效的查询码"))?;
    let now = super::common::parse_at(at)?;
    let mut st = State::load(src)?;
    if let Step::Public { public } = step {
        let consent = st.received.iter().find(|s| s.receipt_code == code).map(|s| {
            (
                s.payload.get("publish").and_then(|v| v.as_bool()) == Some(true),
                s.payload.get("content").and_then(|v| v.as_str()).map(|t| t.trim().to_string()),
            )
        });
        let m = st
            .world
            .messages
            .iter_mut()
            .find(|m| m.receipt_code == code)
            .ok_or_else(|| anyhow!("查询码 {code} 没有对应的来信"))?;
        // Kept out of the Q&A, the text stays on the letter's own record (its writer agreed to
        // publishing it), so that publishing it again needs nothing more.
        if public {
            let (agreed, content) = consent.unwrap_or((m.content.is_some(), None));
            anyhow::ensure!(agreed, "来信 {code}：来信人没有同意公开，不能公开");
            m.content = content.or(m.content.take());
        }
        m.public = public;
        st.touch(File::Messages);
        st.save(now)?;
        return Ok(format!("来信 {code}：{}", if public { "在公开问答中公开" } else { "不公开" }));
    }
    let event = match step {
        Step::Public { .. } => unreachable!("handled above"),
        Step::Forward { department } => {
            anyhow::ensure!(!department.trim().is_empty(), "--forward 为空");
            MessageEvent::Forwarded { at: at.to_string(), department: department.trim().to_string() }
        }
        Step::Reply { by, text } => {
            anyhow::ensure!(!text.trim().is_empty() && !by.trim().is_empty(), "--by 和 --text 都不能为空");
            MessageEvent::Replied { at: at.to_string(), by: by.trim().to_string(), text: text.trim().to_string() }
        }
    };
    let done = match &event {
        MessageEvent::Forwarded { department, .. } => format!("来信 {code}：已转交 {department}"),
        _ => format!("来信 {code}：已答复"),
    };
    add_events(&mut st.world.messages, &code, vec![event])?;
    st.touch(File::Messages);
    st.save(now)?;
    Ok(done)
}
