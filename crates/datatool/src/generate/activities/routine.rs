//! A deputy's routine duties in a year: sessions of their congress, inspections, research,
//! receptions, trainings, their suggestions; each kind as often as a deputy of their level does
//! it, on random days of its season, never after the data date.

use deputy_model::activity::{Activity, ActivityKind};
use deputy_model::{Deputy, Level};
use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::draw::{Ctx, TOPICS, activity, county_code, day_in};

const TRAININGS: &[(&str, &str)] = &[
    ("新任代表初任培训", "人大网络学院"),
    ("代表履职能力专题培训", "巴彦淖尔市人大常委会"),
    ("代表建议写作培训", "巴彦淖尔市人大代表联络总站"),
    ("人大代表履职学习班", "内蒙古自治区人大常委会"),
    ("基层立法联系点工作培训", "巴彦淖尔市人大常委会"),
];

fn congress(level: Level, d: &Deputy, ctx: &Ctx) -> (String, String) {
    let county = county_code(&d.summary.region_code).and_then(|c| ctx.county_name.get(c)).copied().unwrap_or("");
    match level {
        Level::National => ("全国人民代表大会".into(), "北京".into()),
        Level::Region => ("内蒙古自治区人民代表大会".into(), "呼和浩特".into()),
        Level::City => ("巴彦淖尔市人民代表大会".into(), "巴彦淖尔市".into()),
        Level::County => (format!("{county}人民代表大会"), county.to_string()),
        Level::Township => (format!("{}人民代表大会", d.summary.region_name), d.summary.region_name.clone()),
    }
}

/// The routine activities of one deputy in one year.
pub(super) fn routine(rng: &mut ChaCha8Rng, d: &Deputy, year: i32, ctx: &Ctx) -> Vec<Activity> {
    let mut out = Vec::new();
    let level = d.summary.level;
    let last = ctx.last;
    let home = d.summary.region_name.clone();
    // A township in the deputy's area for research and visits: their own, or one of their county's.
    let town_code: Option<&str> = if d.summary.region_code.len() > 6 {
        Some(d.summary.region_code.as_str())
    } else {
        county_code(&d.summary.region_code).and_then(|c| ctx.towns_of.get(c)).and_then(|t| t.choose(rng).copied())
    };
    let town_name = town_code.and_then(|c| ctx.region_name.get(c)).copied().unwrap_or(home.as_str()).to_string();
    let village =
        town_code.and_then(|c| ctx.villages.get(c)).and_then(|v| v.choose(rng).copied()).unwrap_or("社区").to_string();

    // Sessions: the congress meets once a year (January–March).
    let (congress, place) = congress(level, d, ctx);
    let (m0, m1) = if level == Level::National { (3, 3) } else { (1, 2) };
    if let Some(day) = day_in(rng, year, m0, m1, last) {
        out.push(activity(
            day,
            ActivityKind::Session,
            format!("出席{congress}会议"),
            place.clone(),
            "审议政府工作报告和各项报告，参加代表团（组）讨论。".into(),
        ));
    }
    // A township deputy's congress meets twice a year.
    if level == Level::Township
        && let Some(day) = day_in(rng, year, 11, 12, last)
    {
        out.push(activity(
            day,
            ActivityKind::Session,
            format!("出席{congress}会议"),
            place.clone(),
            "听取和审议政府工作报告，审查批准下一年度民生实事项目。".into(),
        ));
    }
    let busy = matches!(level, Level::City | Level::Region | Level::National);
    for _ in 0..rng.random_range(0..=if busy { 3 } else { 1 }) {
        if let Some(day) = day_in(rng, year, 2, 12, last) {
            let what = ["列席常委会会议", "参加代表座谈会", "参加代表小组活动"].choose(rng).copied().unwrap_or("");
            out.push(activity(
                day,
                ActivityKind::Meeting,
                what.into(),
                place.clone(),
                "就议题发言，提出意见和建议。".into(),
            ));
        }
    }
    for _ in 0..rng.random_range(1..=if busy { 3 } else { 2 }) {
        if let Some(day) = day_in(rng, year, 3, 11, last) {
            let topic = TOPICS.choose(rng).copied().unwrap_or("");
            let mut a = activity(
                day,
                ActivityKind::Research,
                format!("{topic}专题调研"),
                town_name.clone(),
                format!("实地了解{topic}情况，与基层干部群众座谈。"),
            );
            a.region_code = town_code.map(str::to_string);
            out.push(a);
        }
    }
    for _ in 0..rng.random_range(0..=1) {
        if let Some(day) = day_in(rng, year, 4, 10, last) {
            let topic = TOPICS.choose(rng).copied().unwrap_or("");
            out.push(activity(
                day,
                ActivityKind::Inspection,
                format!("视察{topic}工作"),
                town_name.clone(),
                "随代表视察组察看项目现场，听取情况汇报。".into(),
            ));
        }
    }
    for _ in 0..rng.random_range(1..=3) {
        if let Some(day) = day_in(rng, year, 1, 12, last) {
            let mut a = activity(
                day,
                ActivityKind::Visit,
                format!("走访{village}选民"),
                format!("{town_name}{village}"),
                "入户听取群众对村（社区）事务的意见。".into(),
            );
            a.region_code = town_code.map(str::to_string);
            out.push(a);
        }
    }
    let four: [(ActivityKind, &str, &str, u32); 4] = [
        (ActivityKind::CommunityReport, "到社区报到", "认领民生实事，参加社区议事。", 1),
        (ActivityKind::PetitionAgency, "信访代办", "代群众办理信访事项，跟踪办理结果。", 1),
        (ActivityKind::Mediation, "参与诉前调解", "协助调解邻里、物业纠纷，当事人达成调解协议。", 1),
        (ActivityKind::Supervision, "反映监督事项", "将群众反映的问题转交有关部门，督促办理。", 1),
    ];
    for (kind, title, text, max) in four {
        let extra = u32::from(kind == ActivityKind::Mediation && d.summary.title.contains("调解"));
        for _ in 0..rng.random_range(0..=max + 2 * extra) {
            if let Some(day) = day_in(rng, year, 1, 12, last) {
                out.push(activity(day, kind, title.into(), format!("{town_name}{village}"), text.into()));
            }
        }
    }
    // Before the schedule began (mid-2026), receptions were recorded by the stations by hand.
    if year < 2026 {
        for _ in 0..rng.random_range(1..=3) {
            if let Some(day) = day_in(rng, year, 1, 12, last) {
                out.push(activity(
                    day,
                    ActivityKind::Reception,
                    "联络站接待选民".into(),
                    format!("{home}人大代表联络站"),
                    "接待来访群众，登记意见建议。".into(),
                ));
            }
        }
    }
    if rng.random_bool(if busy { 0.7 } else { 0.35 })
        && let Some(day) = day_in(rng, year, 1, 3, last)
    {
        let topic = TOPICS.choose(rng).copied().unwrap_or("");
        out.push(activity(
            day,
            ActivityKind::Suggestion,
            format!("提出关于加强{topic}的建议"),
            place.clone(),
            "建议已交有关部门办理。".into(),
        ));
    }
    for _ in 0..rng.random_range(0..=1) {
        if let Some(day) = day_in(rng, year, 3, 11, last) {
            let (course, by) = TRAININGS.choose(rng).copied().unwrap_or(("", ""));
            let mut a =
                activity(day, ActivityKind::Training, format!("参加{course}"), by.into(), "完成全部课程。".into());
            a.hours = Some(4 * rng.random_range(1..=6));
            out.push(a);
        }
    }
    out
}
