//! 建议提交: a deputy's `suggestion` (the app's `suggestion::Draft` plus `proposal_list`)
//! becomes a new suggestion in its first state (提交), numbered in its year's sequence; a
//! co-signer's `cosign` confirms them on it. A co-signer counts as confirmed only when their
//! own confirmation was received (before or after the suggestion), never on the lead's word.

use anyhow::{Result, anyhow, bail};
use deputy_model::activity::{Activity, ActivityKind};
use deputy_model::submission::{Submission, SubmissionKind};
use deputy_model::suggestion::{
    Draft, DraftProblem, FromMessage, MAX_PART, MAX_PROPOSAL, MAX_PROPOSALS, MAX_TITLE, Signer, Suggestion,
    SuggestionEvent, draft_problems, proposal_lines,
};
use deputy_model::{FORMAT_VERSION, clock};
use serde::Deserialize;

use super::common::{no_control, payload, sent_at};
use super::state::{DraftLink, File, State};

#[derive(Deserialize)]
pub(super) struct CosignPayload {
    pub(super) draft_id: String,
    pub(super) cosigner_id: String,
}

/// Why a draft cannot be submitted, naming the payload field.
fn problem_text(p: DraftProblem) -> String {
    use DraftProblem as P;
    match p {
        P::NoTitle => "字段 payload.title：标题为空".into(),
        P::TitleTooLong => format!("字段 payload.title：超过 {MAX_TITLE} 字"),
        P::NoCategory => "字段 payload.category：不是建议类别表中的类别".into(),
        P::NoLead => "字段 payload.lead_id：没有领衔代表".into(),
        P::NoFacts => "字段 payload.facts：情况为空".into(),
        P::FactsTooLong => format!("字段 payload.facts：超过 {MAX_PART} 字"),
        P::NoAnalysis => "字段 payload.analysis：分析为空".into(),
        P::AnalysisTooLong => format!("字段 payload.analysis：超过 {MAX_PART} 字"),
        P::NoProposals => "字段 payload.proposals：没有具体意见".into(),
        P::ProposalTooLong => format!("字段 payload.proposals：有一条意见超过 {MAX_PROPOSAL} 字"),
        P::TooManyProposals => format!("字段 payload.proposals：意见超过 {MAX_PROPOSALS} 条"),
        P::Exclusion(i) => format!("字段 payload.exclusions[{i}]：没有确认“不属于代表建议”的第 {} 项排除情形", i + 1),
    }
}

fn paragraphs(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect()
}

/// Whether a co-signer's own confirmation of this draft was received.
fn cosigned(st: &State, draft_id: &str, cosigner_id: &str) -> bool {
    st.received.iter().any(|r| {
        r.kind == SubmissionKind::Cosign && r.payload["draft_id"] == draft_id && r.payload["cosigner_id"] == cosigner_id
    })
}

/// The duty-record entry (履职档案) of a deputy who leads or co-signs a suggestion.
fn duty_entry(s: &Suggestion, led: bool, date: &str) -> Activity {
    let role = if led { "领衔提出" } else { "联名提出" };
    Activity {
        id: format!("suggestion-{}", s.id),
        date: date.to_string(),
        kind: ActivityKind::Suggestion,
        title: format!("{role}{}", s.title),
        place: "网上代表之家".into(),
        region_code: None,
        text: format!("建议 {} 已提交，类别：{}。", s.id, s.category),
        hours: None,
        suggestion_id: Some(s.id.clone()),
        consultation_id: None,
        news_id: None,
        joint_id: None,
    }
}

fn deputy_name(st: &State, id: &str) -> Option<String> {
    st.world.deputies.iter().find(|d| d.summary.id == id).map(|d| d.summary.name.clone())
}

pub(super) fn suggestion(st: &mut State, s: &Submission, code: &str) -> Result<String> {
    let d: Draft = payload(s)?;
    let proposal_list: Option<Vec<String>> = match s.payload.get("proposal_list") {
        None => None,
        Some(v) => Some(serde_json::from_value(v.clone()).map_err(|e| anyhow!("字段 payload.proposal_list：{e}"))?),
    };
    if let Some(first) = draft_problems(&d).into_iter().next() {
        bail!("{}", problem_text(first));
    }
    anyhow::ensure!(!d.id.trim().is_empty(), "字段 payload.id：没有草稿编号");
    no_control("payload.title", d.title.trim(), false)?;
    no_control("payload.suggested_unit", &d.suggested_unit, false)?;
    for (field, text) in
        [("facts", &d.facts), ("analysis", &d.analysis), ("proposals", &d.proposals), ("attachments", &d.attachments)]
    {
        no_control(&format!("payload.{field}"), text, true)?;
    }
    if let Some(l) = st.drafts.iter().find(|l| l.draft_id == d.id) {
        bail!("字段 payload.id：草稿 {} 已经作为建议 {} 导入过（重复提交）", d.id, l.suggestion_id);
    }
    let lead_name =
        deputy_name(st, &d.lead_id).ok_or_else(|| anyhow!("字段 payload.lead_id：代表 {} 不存在", d.lead_id))?;
    let mut cosigners = Vec::new();
    for (i, c) in d.cosigners.iter().enumerate() {
        let name = deputy_name(st, &c.deputy_id)
            .ok_or_else(|| anyhow!("字段 payload.cosigners[{i}].deputy_id：代表 {} 不存在", c.deputy_id))?;
        anyhow::ensure!(c.deputy_id != d.lead_id, "字段 payload.cosigners[{i}].deputy_id：领衔代表不能同时联名");
        anyhow::ensure!(
            !d.cosigners[..i].iter().any(|o| o.deputy_id == c.deputy_id),
            "字段 payload.cosigners[{i}].deputy_id：代表 {} 重复",
            c.deputy_id
        );
        let confirmed = cosigned(st, &d.id, &c.deputy_id);
        cosigners.push(Signer { deputy_id: c.deputy_id.clone(), name, confirmed });
    }
    let proposals = match proposal_list {
        Some(list) => {
            anyhow::ensure!(
                list == proposal_lines(&d.proposals),
                "字段 payload.proposal_list：与 payload.proposals 的各条不一致"
            );
            list
        }
        None => proposal_lines(&d.proposals),
    };
    // The letter it grew out of: its public id is `m-` and the first six characters of the code.
    let from = match &d.from_message {
        None => None,
        Some(id) => {
            let i = st
                .world
                .messages
                .iter()
                .position(|m| m.public && m.receipt_code.get(..6).is_some_and(|p| *id == format!("m-{p}")))
                .ok_or_else(|| anyhow!("字段 payload.from_message：留言 {id} 不存在或没有公开"))?;
            if let Some(other) = &st.world.messages[i].suggestion_id {
                bail!("字段 payload.from_message：留言 {id} 已经转为建议 {other}");
            }
            Some(i)
        }
    };
    let date = clock::shanghai_date(sent_at(s));
    let year = date.year();
    let prefix = format!("{year}-");
    let next = st
        .world
        .suggestions
        .iter()
        .filter_map(|x| x.id.strip_prefix(&prefix).and_then(|n| n.parse::<u32>().ok()))
        .max()
        .unwrap_or(0)
        + 1;
    let id = format!("{year}-{next:04}");
    let title = d.title.trim().to_string();
    let suggestion = Suggestion {
        format_version: FORMAT_VERSION,
        id: id.clone(),
        title: title.clone(),
        category: d.category.clone(),
        lead: Signer { deputy_id: d.lead_id.clone(), name: lead_name.clone(), confirmed: true },
        cosigners,
        facts: paragraphs(&d.facts),
        analysis: paragraphs(&d.analysis),
        proposals,
        suggested_unit: Some(d.suggested_unit.trim().to_string()).filter(|u| !u.is_empty()),
        attachments: paragraphs(&d.attachments),
        from_message: from.map(|i| {
            let m = &st.world.messages[i];
            FromMessage {
                id: d.from_message.clone().unwrap_or_default(),
                subject: m.subject.clone(),
                deputy_id: m.deputy_id.clone(),
            }
        }),
        news_id: None,
        events: vec![SuggestionEvent::Submitted { date: clock::format_date(date) }],
    };
    if let Some(i) = from {
        st.world.messages[i].suggestion_id = Some(id.clone());
        st.touch(File::Messages);
    }
    // In the duty records of the lead and of every co-signer already confirmed.
    let day = clock::format_date(date);
    st.put_activity(&d.lead_id, duty_entry(&suggestion, true, &day));
    for c in suggestion.cosigners.iter().filter(|c| c.confirmed) {
        st.put_activity(&c.deputy_id, duty_entry(&suggestion, false, &day));
    }
    st.world.suggestions.push(suggestion);
    st.drafts.push(DraftLink { draft_id: d.id.clone(), suggestion_id: id.clone(), receipt_code: code.to_string() });
    st.touch(File::Suggestions);
    st.touch(File::Drafts);
    Ok(format!("建议 {id}（{lead_name} 领衔）：{title}"))
}

pub(super) fn cosign(st: &mut State, s: &Submission, code: &str) -> Result<String> {
    let p: CosignPayload = payload(s)?;
    let name = deputy_name(st, &p.cosigner_id)
        .ok_or_else(|| anyhow!("字段 payload.cosigner_id：代表 {} 不存在", p.cosigner_id))?;
    if cosigned(st, &p.draft_id, &p.cosigner_id) {
        bail!("{name} 对草稿 {} 的联名确认已经导入过（重复提交）", p.draft_id);
    }
    let Some(link) = st.drafts.iter().find(|l| l.draft_id == p.draft_id) else {
        return Ok(format!("联名确认 {code}（{name}）已存档，建议导入后计为已确认"));
    };
    let id = link.suggestion_id.clone();
    let sug = st
        .world
        .suggestions
        .iter_mut()
        .find(|x| x.id == id)
        .ok_or_else(|| anyhow!("草稿 {} 对应的建议 {id} 不在 suggestions.json 中", p.draft_id))?;
    let signer = sug
        .cosigners
        .iter_mut()
        .find(|c| c.deputy_id == p.cosigner_id)
        .ok_or_else(|| anyhow!("字段 payload.cosigner_id：{name} 不是建议 {id} 的联名代表"))?;
    signer.confirmed = true;
    let entry = duty_entry(sug, false, sug.submitted());
    st.put_activity(&p.cosigner_id, entry);
    st.touch(File::Suggestions);
    Ok(format!("联名确认：{name} 确认联名建议 {id}"))
}

/// The lead deputy's rating of the reply (满意/基本满意/不满意), as their own act: the same
/// `Rated` step the station records with `reply SRC suggestion ID rate`, checked by the model's
/// state machine; after 不满意 the station decides on 重办.
#[derive(Deserialize)]
pub(super) struct RatingPayload {
    pub(super) suggestion_id: String,
    pub(super) rating: deputy_model::message::Rating,
    #[serde(default)]
    pub(super) comment: String,
}

pub(super) fn rating(st: &mut State, s: &Submission, deputy: Option<&str>) -> Result<String> {
    let p: RatingPayload = payload(s)?;
    let deputy = deputy.ok_or_else(|| anyhow!("评价须由领衔代表本人提交"))?;
    no_control("payload.comment", &p.comment, true)?;
    anyhow::ensure!(p.comment.chars().count() <= MAX_PART, "字段 payload.comment：超过 {MAX_PART} 字");
    let sug = st
        .world
        .suggestions
        .iter_mut()
        .find(|x| x.id == p.suggestion_id)
        .ok_or_else(|| anyhow!("字段 payload.suggestion_id：建议 {} 不存在", p.suggestion_id))?;
    anyhow::ensure!(sug.lead.deputy_id == deputy, "只有领衔代表可以评价建议 {} 的答复", sug.id);
    let date = clock::format_date(clock::shanghai_date(sent_at(s)));
    let mut events = sug.events.clone();
    events.push(SuggestionEvent::Rated { date, rating: p.rating, comment: p.comment.trim().to_string() });
    deputy_model::suggestion::handling(&events).map_err(|e| anyhow!("建议 {}：{}", sug.id, e.message))?;
    sug.events = events;
    let id = sug.id.clone();
    st.touch(File::Suggestions);
    Ok(format!("建议 {id}：领衔代表已评价答复"))
}
