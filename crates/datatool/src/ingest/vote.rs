//! 履职评议: a `vote` adds one to its case's published tally. The case and the year must be
//! this evaluation's, and the vote must have been cast within the voting period (its closing
//! day included, Asia/Shanghai).

use anyhow::{Result, anyhow};
use deputy_model::clock;
use deputy_model::evaluation::Tally;
use deputy_model::submission::Submission;
use serde::Deserialize;
use time::OffsetDateTime;

use super::common::{payload, sent_at};
use super::state::{File, State};

#[derive(Deserialize)]
struct VotePayload {
    case_id: String,
    year: u32,
}

pub(super) fn vote(st: &mut State, s: &Submission, now: OffsetDateTime) -> Result<String> {
    let p: VotePayload = payload(s)?;
    let e = st.world.evaluation.as_mut().ok_or_else(|| anyhow!("本站没有履职评议（evaluation.json），不能计票"))?;
    anyhow::ensure!(p.year == e.year, "字段 payload.year：{} 年没有履职评议（本次评议是 {} 年）", p.year, e.year);
    let case = e
        .cases
        .iter()
        .find(|c| c.id == p.case_id)
        .ok_or_else(|| anyhow!("字段 payload.case_id：案例 {} 不存在", p.case_id))?;
    let title = case.title.clone();
    let day = clock::format_date(clock::shanghai_date(sent_at(s)));
    anyhow::ensure!(day <= e.closes, "字段 created_at：{day} 投票时评议已于 {} 截止", e.closes);
    anyhow::ensure!(day >= e.opens, "字段 created_at：{day} 投票时评议尚未开始（{} 开始）", e.opens);
    match e.tallies.iter_mut().find(|t| t.case_id == p.case_id) {
        Some(t) => t.votes += 1,
        None => e.tallies.push(Tally { case_id: p.case_id.clone(), votes: 1 }),
    }
    e.tallied_at = clock::format_date_time(now);
    let votes = e.votes(&p.case_id);
    st.touch(File::Evaluation);
    Ok(format!("投票：案例 {}「{title}」现为 {votes} 票", p.case_id))
}
