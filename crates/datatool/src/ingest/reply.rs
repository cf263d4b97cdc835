//! `reply SRC suggestion ID STEP`: the handling of a deputy's suggestion, one step at a time —
//! 立案, 交办, 延期, 办理中, 答复, the deputy's 评价, 重办, 办结 — each checked against the
//! model's state machine (`suggestion::handling`) before it is saved.

use std::path::Path;

use anyhow::{Result, anyhow, bail};
use deputy_model::clock;
use deputy_model::suggestion::{Status, SuggestionEvent};

use super::state::{File, State};

/// One handling step (the model's, shared with the console).
pub use deputy_model::console::SuggestionAction as SuggestionStep;

pub fn status_name(s: Status) -> &'static str {
    match s {
        Status::Submitted => "已提交",
        Status::Registered => "已立案",
        Status::Assigned => "已交办",
        Status::InProgress => "办理中",
        Status::Replied => "已答复",
        Status::Rated => "已评价",
        Status::Rehandling => "重办中",
        Status::Closed => "已办结",
    }
}

pub fn reply_suggestion(src: &Path, id: &str, step: SuggestionStep, at: &str) -> Result<String> {
    let now = super::common::parse_at(at)?;
    let date = clock::format_date(clock::shanghai_date(now));
    let mut st = State::load(src)?;
    let s = st.world.suggestions.iter_mut().find(|s| s.id == id).ok_or_else(|| anyhow!("建议 {id} 不存在"))?;
    let status = s.handling().map_err(|e| anyhow!("建议 {id} 的办理记录已不合法：{}", e.message))?.status;
    let nonempty = |flag: &str, v: &str| -> Result<String> {
        anyhow::ensure!(!v.trim().is_empty(), "{flag} 不能为空");
        Ok(v.trim().to_string())
    };
    let event = match step {
        SuggestionStep::Register => SuggestionEvent::Registered { date },
        SuggestionStep::Assign { lead_unit, co_units } => SuggestionEvent::Assigned {
            date,
            lead_unit: nonempty("--lead", &lead_unit)?,
            co_units: co_units.iter().map(|u| u.trim().to_string()).filter(|u| !u.is_empty()).collect(),
        },
        SuggestionStep::Extend { months, reason } => {
            SuggestionEvent::Extended { date, months, reason: nonempty("--reason", &reason)? }
        }
        SuggestionStep::Progress { note } => SuggestionEvent::InProgress { date, note: nonempty("--note", &note)? },
        SuggestionStep::Answer { unit, result, text } => {
            // The unit answering is the lead unit unless said otherwise.
            let unit = match unit {
                Some(u) => nonempty("--unit", &u)?,
                None => s
                    .lead_unit()
                    .map(str::to_string)
                    .ok_or_else(|| anyhow!("建议 {id}（当前状态 {}）：还没有交办，不能答复", status_name(status)))?,
            };
            SuggestionEvent::Replied { date, unit, result, text: nonempty("--text", &text)? }
        }
        SuggestionStep::Rate { rating, comment } => SuggestionEvent::Rated { date, rating, comment },
        SuggestionStep::Reopen { reason } => SuggestionEvent::Reopened { date, reason: nonempty("--reason", &reason)? },
        SuggestionStep::Close => SuggestionEvent::Closed { date },
    };
    let mut events = s.events.clone();
    events.push(event);
    let next = match deputy_model::suggestion::handling(&events) {
        Ok(h) => h.status,
        Err(e) => bail!("建议 {id}（当前状态 {}）：{}", status_name(status), e.message),
    };
    s.events = events;
    st.touch(File::Suggestions);
    st.save(now)?;
    Ok(format!("建议 {id}：{} → {}", status_name(status), status_name(next)))
}
