//! 代表培训: a deputy's yearly `training` report (hours studied on the site) becomes the
//! training entry of their duty record (履职档案). The report carries no name, so the station
//! says whose it is (`--deputy`) unless it came signed from the workspace; a later report for the same deputy and year replaces the
//! earlier one instead of adding hours twice.

use anyhow::{Result, anyhow, bail};
use deputy_model::activity::{Activity, ActivityKind};
use deputy_model::clock;
use deputy_model::submission::Submission;
use serde::Deserialize;
use time::{Date, Month};

use super::common::{payload, sent_at};
use super::state::State;

#[derive(Deserialize)]
struct CourseLine {
    course_id: String,
    title: String,
    #[serde(default)]
    passed_on: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct TrainingPayload {
    year: i32,
    minutes: u32,
    minutes_per_hour: u32,
    #[serde(default)]
    courses: Vec<CourseLine>,
}

/// The id of a deputy's online-training entry of a year (one per year: a new report replaces it).
pub fn activity_id(year: i32) -> String {
    format!("online-training-{year}")
}

pub(super) fn training(st: &mut State, s: &Submission, deputy: Option<&str>) -> Result<String> {
    let Some(deputy) = deputy else {
        bail!("培训报告不含代表姓名：请用 --deputy 代表编号 指明是哪位代表的报告");
    };
    let p: TrainingPayload = payload(s)?;
    let d = st.world.deputies.iter().find(|d| d.summary.id == deputy).ok_or_else(|| anyhow!("代表 {deputy} 不存在"))?;
    let sent = clock::shanghai_date(sent_at(s));
    anyhow::ensure!(
        p.year == sent.year() || p.year == sent.year() - 1,
        "字段 payload.year：{} 年的报告不能在 {} 提交",
        p.year,
        clock::format_date(sent)
    );
    anyhow::ensure!(p.minutes_per_hour > 0, "字段 payload.minutes_per_hour：不能为 0");
    let hours = (p.minutes + p.minutes_per_hour / 2) / p.minutes_per_hour;
    anyhow::ensure!(hours > 0, "字段 payload.minutes：{} 分钟不足半个学时", p.minutes);
    if let Some(t) = &st.world.training {
        for (i, c) in p.courses.iter().enumerate() {
            anyhow::ensure!(
                t.courses.iter().any(|k| k.id == c.course_id),
                "字段 payload.courses[{i}].course_id：课程 {} 不存在",
                c.course_id
            );
        }
    }
    // Dated the day it was sent, or the year's last day for last year's report.
    let date = if p.year == sent.year() {
        sent
    } else {
        Date::from_calendar_date(p.year, Month::December, 31).unwrap_or(sent)
    };
    // Course titles from the catalog when there is one (the report's own are only a copy).
    let title_of = |c: &CourseLine| -> String {
        let known = st.world.training.as_ref().and_then(|t| t.courses.iter().find(|k| k.id == c.course_id));
        known
            .map(|k| k.title.clone())
            .unwrap_or_else(|| c.title.chars().filter(|ch| !ch.is_control()).take(60).collect())
    };
    let passed: Vec<String> = p.courses.iter().filter(|c| c.passed_on.is_some()).map(title_of).collect();
    let text = if passed.is_empty() {
        format!("在网上代表之家学习 {hours} 学时。")
    } else {
        format!("在网上代表之家学习 {hours} 学时，完成课程：{}。", passed.join("、"))
    };
    let activity = Activity {
        id: activity_id(p.year),
        date: clock::format_date(date),
        kind: ActivityKind::Training,
        title: format!("{}年度网上学习", p.year),
        place: "网上代表之家".into(),
        region_code: None,
        text,
        hours: Some(hours),
        suggestion_id: None,
        consultation_id: None,
        news_id: None,
        joint_id: None,
    };
    let name = d.summary.name.clone();
    let replaced = st.put_activity(deputy, activity);
    let how = if replaced { "（替换此前的报告）" } else { "" };
    Ok(format!("培训：{name} {} 年 {hours} 学时{how}", p.year))
}
