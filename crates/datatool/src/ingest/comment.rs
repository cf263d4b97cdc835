//! 征求意见: a `comment` on a draft is kept in `comments.json` (its text and article; the
//! writer's name and contact stay only in `received/`) and counted into the consultation's
//! comment count and participants. It becomes public only by `publish comment`.

use anyhow::{Result, anyhow};
use deputy_model::consult::accepts_comments;
use deputy_model::submission::{Submission, SubmissionKind};
use serde::Deserialize;

use super::common::{payload, sent_at};
use super::state::{File, ReceivedComment, State};

/// As the app's comment form allows (`src/consult/form.rs`).
use deputy_model::form_limits::COMMENT_MAX;

#[derive(Deserialize)]
struct CommentPayload {
    consultation_id: String,
    article: u32,
    content: String,
    #[serde(default)]
    contact: String,
    consent: bool,
}

pub(super) fn comment(st: &mut State, s: &Submission, code: &str) -> Result<String> {
    let p: CommentPayload = payload(s)?;
    anyhow::ensure!(p.consent, "字段 payload.consent：没有同意提交");
    let text = p.content.trim();
    anyhow::ensure!(!text.is_empty(), "字段 payload.content：内容为空");
    super::common::no_control("payload.content", text, true)?;
    anyhow::ensure!(text.chars().count() <= COMMENT_MAX, "字段 payload.content：超过 {COMMENT_MAX} 字");
    let contact = p.contact.trim();
    // One person, one participant: an earlier comment on the same draft from the same contact.
    let known_person = !contact.is_empty()
        && st.received.iter().any(|r| {
            r.kind == SubmissionKind::Comment
                && r.payload["consultation_id"] == p.consultation_id.as_str()
                && r.payload["contact"].as_str().map(str::trim) == Some(contact)
        });
    let c = st
        .world
        .consultations
        .iter_mut()
        .find(|c| c.summary.id == p.consultation_id)
        .ok_or_else(|| anyhow!("字段 payload.consultation_id：征求意见 {} 不存在", p.consultation_id))?;
    anyhow::ensure!(
        p.article == 0 || c.draft.article(p.article).is_some(),
        "字段 payload.article：草案没有第 {} 条",
        p.article
    );
    anyhow::ensure!(
        accepts_comments(&c.summary.opens, &c.summary.closes, sent_at(s)),
        "字段 created_at：{} 不在征求意见期内（{} 至 {}，北京时间）",
        s.created_at,
        c.summary.opens,
        c.summary.closes
    );
    c.summary.comment_count += 1;
    if !known_person {
        c.summary.participants += 1;
    }
    let title = c.summary.title.clone();
    st.comments.push(ReceivedComment {
        receipt_code: code.to_string(),
        consultation_id: p.consultation_id.clone(),
        article: p.article,
        text: text.to_string(),
        at: s.created_at.clone(),
        published: false,
    });
    st.touch(File::Consultations);
    st.touch(File::Comments);
    Ok(format!("意见 {code}：{title}（待公开）"))
}
