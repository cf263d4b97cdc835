//! Duty records for the demo city: for every deputy, plausible activities of each kind per year
//! from 2023 to the data date (never after it), their station receptions from the schedule, the
//! seed newsletter's events as activities of the deputies it names, joint five-level activities
//! (五级代表协同) in each 旗县区, and own notes for some deputies. Deterministic for a seed, and
//! drawn from its own random stream so the rest of the demo city does not change with it.

use std::collections::HashMap;

use deputy_model::activity::{
    Activity, ActivityKind, DeputyActivities, JointActivity, OwnNote, Participant, PlaceJoint,
};
use deputy_model::{Deputy, FORMAT_VERSION, Level, RegionNode, Station, clock};
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use time::{Date, Duration, Month};

use super::letters::LETTER_SUGGESTION_ID;
use super::seed_content::SEED_DEPUTIES;

/// The records run from this year to the data date.
const FIRST_YEAR: i32 = deputy_model::activity_stats::FIRST_YEAR;
/// The five-level mechanism (五级代表协同) started in 2025 (seed newsletter).
const JOINT_FROM_YEAR: i32 = 2025;

const TOPICS: &[&str] = &[
    "高标准农田建设",
    "河套灌区节水改造",
    "农村牧区养老服务",
    "奶业振兴",
    "优化营商环境",
    "乡村振兴",
    "黄河流域生态保护",
    "基层医疗卫生服务",
    "城市老旧小区改造",
    "盐碱地综合治理",
    "义务教育均衡发展",
    "农畜产品质量安全",
    "草原生态保护",
    "就业和社会保障",
];

const TRAININGS: &[(&str, &str)] = &[
    ("新任代表初任培训", "人大网络学院"),
    ("代表履职能力专题培训", "巴彦淖尔市人大常委会"),
    ("代表建议写作培训", "巴彦淖尔市人大代表联络总站"),
    ("人大代表履职学习班", "内蒙古自治区人大常委会"),
    ("基层立法联系点工作培训", "巴彦淖尔市人大常委会"),
];

const NOTES: &[&str] = &[
    "2024年我因工作调动，上半年接待选民次数较少。下半年起我坚持每月到联络站接待，欢迎乡亲们继续给我留言。",
    "统计中的“反映监督事项”只记录了经联络站登记的事项。我在田间地头听到的意见，也都整理后通过联络站转交了有关部门。",
    "我是一名一线医务工作者，门诊任务重，走访次数不多。我会利用周末时间多到村里走一走，听听大家的意见。",
    "2025年我参加了自治区组织的脱产培训，学时较多，走访次数相应减少。今年已补上，感谢选民的理解和监督。",
    "数字只是一个方面。群众反映的每一件事，我都会跟踪到底，办理结果会在直通代表栏目公开。",
];

struct Ctx<'a> {
    last: Date,
    county_name: HashMap<&'a str, &'a str>,
    region_name: HashMap<&'a str, &'a str>,
    villages: HashMap<&'a str, Vec<&'a str>>,
    towns_of: HashMap<&'a str, Vec<&'a str>>,
}

/// The county-level code a region code belongs to (its first six digits), when it is one.
fn county_code(code: &str) -> Option<&str> {
    (code.len() >= 6 && &code[..6] != super::bayannur::CITY_CODE).then(|| &code[..6])
}

fn date(y: i32, m: u8, d: u8) -> Date {
    Date::from_calendar_date(y, Month::try_from(m).unwrap_or(Month::January), d).unwrap_or(Date::MIN)
}

/// A random day of `year` between months `from..=to`, not after `last`; `None` when the whole
/// window is after `last`.
fn day_in(rng: &mut ChaCha8Rng, year: i32, from: u8, to: u8, last: Date) -> Option<Date> {
    let start = date(year, from, 1);
    let end = if to == 12 { date(year, 12, 31) } else { date(year, to + 1, 1) - Duration::days(1) };
    let end = end.min(last);
    if start > end {
        return None;
    }
    let span = (end - start).whole_days();
    Some(start + Duration::days(rng.random_range(0..=span)))
}

fn activity(day: Date, kind: ActivityKind, title: String, place: String, text: String) -> Activity {
    Activity {
        id: String::new(),
        date: clock::format_date(day),
        kind,
        title,
        place,
        region_code: None,
        text,
        hours: None,
        suggestion_id: None,
        consultation_id: None,
        news_id: None,
        joint_id: None,
    }
}

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
fn routine(rng: &mut ChaCha8Rng, d: &Deputy, year: i32, ctx: &Ctx) -> Vec<Activity> {
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
    if level == Level::Township {
        if let Some(day) = day_in(rng, year, 11, 12, last) {
            out.push(activity(
                day,
                ActivityKind::Session,
                format!("出席{congress}会议"),
                place.clone(),
                "听取和审议政府工作报告，审查批准下一年度民生实事项目。".into(),
            ));
        }
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
    if rng.random_bool(if busy { 0.7 } else { 0.35 }) {
        if let Some(day) = day_in(rng, year, 1, 3, last) {
            let topic = TOPICS.choose(rng).copied().unwrap_or("");
            out.push(activity(
                day,
                ActivityKind::Suggestion,
                format!("提出关于加强{topic}的建议"),
                place.clone(),
                "建议已交有关部门办理。".into(),
            ));
        }
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

/// The seed deputy this is (by name and bio: a generated deputy may share a name).
fn seed_of(d: &Deputy) -> Option<&'static super::seed_content::SeedDeputy> {
    SEED_DEPUTIES.iter().find(|s| s.name == d.summary.name && s.bio == d.bio)
}

/// The newsletter's events of a deputy it names.
fn seed_events(d: &Deputy) -> Vec<Activity> {
    let mut out = Vec::new();
    let seed = seed_of(d);
    let Some(seed) = seed else { return out };
    if seed.news_ids.contains(&"2025-0011") {
        let mut a = activity(
            date(2025, 7, 10),
            ActivityKind::Research,
            "社会建设领域代表小组活动：走访社区养老服务和医共体建设项目".into(),
            "巴彦淖尔市临河区".into(),
            "与20余名代表实地考察社区养老服务、医共体建设等民生项目，围绕基层治理建言献策。".into(),
        );
        a.news_id = Some("2025-0011".into());
        out.push(a);
    }
    if seed.news_ids.contains(&"2025-0014") {
        let mut a = activity(
            date(2025, 6, 18),
            ActivityKind::Mediation,
            "调解一起物业纠纷".into(),
            "临河区物业纠纷人民调解委员会".into(),
            "组织业主和物业公司面对面协商，双方达成调解协议。".into(),
        );
        a.news_id = Some("2025-0014".into());
        out.push(a);
    }
    if seed.name == "边俊峰" || seed.name == "王义" {
        let role = if seed.name == "边俊峰" { "领衔提出" } else { "联名提出" };
        let mut a = activity(
            date(2025, 3, 6),
            ActivityKind::Suggestion,
            format!("{role}关于帮助杭锦后旗现代农牧业奶业振兴产业园养殖企业解决资金难题的建议"),
            "杭锦后旗".into(),
            "建议得到市政府高度重视，副市长批示办理，部分项目补贴款已经到位。".into(),
        );
        a.suggestion_id = Some(LETTER_SUGGESTION_ID.into());
        a.news_id = Some("2025-0015".into());
        out.push(a);
    }
    out
}

/// Participants of a joint activity in a township: a national and a regional deputy, the city and
/// county deputies of its county and the township's own deputies.
fn joint_participants(rng: &mut ChaCha8Rng, deputies: &[Deputy], town: &str) -> Vec<Participant> {
    let county = county_code(town).unwrap_or("");
    let mut out = Vec::new();
    let mut take = |pool: Vec<&Deputy>, n: usize, rng: &mut ChaCha8Rng| {
        for d in pool.choose_multiple(rng, n) {
            out.push(Participant {
                deputy_id: d.summary.id.clone(),
                name: d.summary.name.clone(),
                level: d.summary.level,
            });
        }
    };
    take(deputies.iter().filter(|d| d.summary.level == Level::National).collect(), 1, rng);
    take(deputies.iter().filter(|d| d.summary.level == Level::Region).collect(), 1, rng);
    take(
        deputies.iter().filter(|d| d.summary.level == Level::City && d.summary.region_code == county).collect(),
        2,
        rng,
    );
    take(
        deputies.iter().filter(|d| d.summary.level == Level::County && d.summary.region_code == town).collect(),
        2,
        rng,
    );
    take(
        deputies.iter().filter(|d| d.summary.level == Level::Township && d.summary.region_code == town).collect(),
        2,
        rng,
    );
    out
}

/// Everything generated here.
pub struct Records {
    pub activities: Vec<DeputyActivities>,
    pub joint: Vec<JointActivity>,
}

pub fn generate(seed: u64, deputies: &[Deputy], regions: &[RegionNode], stations: &[Station], last: Date) -> Records {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5EED_AC71_0000_0001);
    let ctx = Ctx {
        last,
        county_name: regions.iter().filter(|r| r.code.len() == 6).map(|r| (r.code.as_str(), r.name.as_str())).collect(),
        region_name: regions.iter().map(|r| (r.code.as_str(), r.name.as_str())).collect(),
        villages: regions
            .iter()
            .filter(|r| r.code.len() > 6)
            .map(|r| (r.code.as_str(), r.children.iter().map(|c| c.name.as_str()).collect()))
            .collect(),
        towns_of: regions
            .iter()
            .filter(|r| r.code.len() == 6 && r.code != super::bayannur::CITY_CODE)
            .map(|r| (r.code.as_str(), r.children.iter().map(|c| c.code.as_str()).collect()))
            .collect(),
    };
    let today = clock::format_date(last);
    let mut by_deputy: HashMap<String, Vec<Activity>> = HashMap::new();
    for d in deputies {
        let mut list = Vec::new();
        for year in FIRST_YEAR..=last.year() {
            list.extend(routine(&mut rng, d, year, &ctx));
        }
        list.extend(seed_events(d));
        by_deputy.insert(d.summary.id.clone(), list);
    }
    // Receptions from the stations' schedules, up to the data date.
    for st in stations {
        for r in st.receptions.iter().filter(|r| r.date <= today) {
            if let Some(list) = by_deputy.get_mut(&r.deputy_id) {
                let day = clock::parse_date(&r.date).unwrap_or(last);
                list.push(activity(
                    day,
                    ActivityKind::Reception,
                    format!("联络站接待日（{}）", r.time),
                    st.summary.name.clone(),
                    "在联络站接待选民，听取意见建议。".into(),
                ));
            }
        }
    }

    // Joint activities: the newsletter's donation, then two a year in each 旗县区.
    let mut joint = Vec::new();
    let tienan: Vec<&Deputy> =
        deputies.iter().filter(|d| seed_of(d).is_some_and(|s| s.news_ids.contains(&"2025-0012"))).collect();
    if let Some(town) = regions.iter().find(|r| r.name == "铁南街道") {
        joint.push(JointActivity {
            id: "j-2025-0001".into(),
            date: "2025-07-12".into(),
            kind: ActivityKind::CommunityReport,
            title: "“双报到”认领民生实事，为街道社区民生实事项目捐款".into(),
            place: format!("临河区{}", town.name),
            region_code: town.code.clone(),
            text: "铁南办人大代表小组的市、区两级人大代表共捐款7000元，用于街道社区民生实事项目。".into(),
            participants: tienan
                .iter()
                .map(|d| Participant {
                    deputy_id: d.summary.id.clone(),
                    name: d.summary.name.clone(),
                    level: d.summary.level,
                })
                .collect(),
            news_id: Some("2025-0012".into()),
        });
    }
    let mut counties: Vec<(&str, &Vec<&str>)> = ctx.towns_of.iter().map(|(k, v)| (*k, v)).collect();
    counties.sort();
    let forms: [(ActivityKind, &str, &str); 3] = [
        (ActivityKind::Meeting, "五级代表联席会议", "各级代表交流履职情况，分析代表履职遇到的问题和对策。"),
        (ActivityKind::Visit, "五级代表进网格、进社区", "各级代表与网格员一起入户走访，现场收集群众意见。"),
        (ActivityKind::Research, "五级代表协同调研", "各级代表围绕同一议题分层调研，形成联名建议。"),
    ];
    for year in JOINT_FROM_YEAR..=last.year() {
        for (_, towns) in &counties {
            for _ in 0..2 {
                let Some(town) = towns.choose(&mut rng).copied() else { continue };
                let Some(day) = day_in(&mut rng, year, 3, 11, last) else { continue };
                let (kind, title, text) = forms.choose(&mut rng).copied().unwrap_or(forms[0]);
                let topic = TOPICS.choose(&mut rng).copied().unwrap_or("");
                let participants = joint_participants(&mut rng, deputies, town);
                joint.push(JointActivity {
                    id: format!("j-{year}-{:04}", joint.len() + 1),
                    date: clock::format_date(day),
                    kind,
                    title: format!("{title}：{topic}"),
                    place: ctx.region_name.get(town).copied().unwrap_or("").to_string(),
                    region_code: town.to_string(),
                    text: text.into(),
                    participants,
                    news_id: None,
                });
            }
        }
    }
    joint.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
    for j in &joint {
        for p in &j.participants {
            if let Some(list) = by_deputy.get_mut(&p.deputy_id) {
                let day = clock::parse_date(&j.date).unwrap_or(last);
                let mut a = activity(day, j.kind, j.title.clone(), j.place.clone(), j.text.clone());
                a.region_code = Some(j.region_code.clone());
                a.joint_id = Some(j.id.clone());
                a.news_id = j.news_id.clone();
                list.push(a);
            }
        }
    }

    let mut activities = Vec::new();
    for (i, d) in deputies.iter().enumerate() {
        let mut list = by_deputy.remove(&d.summary.id).unwrap_or_default();
        list.sort_by(|a, b| a.date.cmp(&b.date).then(a.kind.cmp(&b.kind)));
        for (n, a) in list.iter_mut().enumerate() {
            a.id = format!("a-{:04}", n + 1);
        }
        list.reverse();
        let note_text = if d.summary.name == "娜仁其其格" {
            Some(
                "调解工作多在工作时间之外进行，部分调解没有经联络站登记，所以统计中的诉前调解次数少于实际。欢迎群众继续找我。",
            )
        } else if i % 13 == 5 {
            NOTES.get(i % NOTES.len()).copied()
        } else {
            None
        };
        let own_note = note_text.and_then(|text| {
            let day = day_in(&mut rng, last.year(), 1, 10, last)?;
            Some(OwnNote { date: clock::format_date(day), text: text.into() })
        });
        activities.push(DeputyActivities {
            format_version: FORMAT_VERSION,
            deputy_id: d.summary.id.clone(),
            deputy_name: d.summary.name.clone(),
            level: d.summary.level,
            own_note,
            activities: list,
        });
    }
    Records { activities, joint }
}

/// `joint/{code}.json` for the city, every 旗县区 and every township: a township's own joint
/// activities, a county's and the city's including those of their townships.
pub fn by_place(regions: &[RegionNode], joint: &[JointActivity]) -> Vec<PlaceJoint> {
    regions
        .iter()
        .filter(|r| r.code.len() >= 6)
        .map(|r| PlaceJoint {
            format_version: FORMAT_VERSION,
            region_code: r.code.clone(),
            region_name: r.name.clone(),
            activities: joint
                .iter()
                .filter(|j| r.code == super::bayannur::CITY_CODE || j.region_code.starts_with(&r.code))
                .cloned()
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::generate_city;

    #[test]
    fn every_deputy_has_a_record_within_the_dates() {
        let w = generate_city(2025);
        assert_eq!(w.activities.len(), w.deputies.len());
        let last = w.site.updated_at[..10].to_string();
        for r in &w.activities {
            assert!(!r.activities.is_empty(), "{}", r.deputy_id);
            for a in &r.activities {
                assert!(
                    a.date.as_str() <= last.as_str() && a.date.as_str() >= "2023-01-01",
                    "{} {}",
                    r.deputy_id,
                    a.date
                );
            }
            assert!(r.activities.windows(2).all(|w| w[0].date >= w[1].date), "newest first");
        }
        // Plausible counts: a few to a few dozen a year.
        let total: usize = w.activities.iter().map(|r| r.activities.len()).sum();
        let per_year = total as f64 / w.deputies.len() as f64 / 4.0;
        assert!((5.0..40.0).contains(&per_year), "{per_year}");
        assert!(w.activities.iter().filter(|r| r.own_note.is_some()).count() >= 5);
    }

    #[test]
    fn seed_events_and_joint_activities() {
        let w = generate_city(2025);
        let of = |name: &str| {
            let d = w.deputies.iter().find(|d| d.summary.name == name).unwrap();
            w.activities.iter().find(|r| r.deputy_id == d.summary.id).unwrap()
        };
        assert!(of("边俊峰").activities.iter().any(|a| a.suggestion_id.as_deref() == Some(LETTER_SUGGESTION_ID)));
        assert!(of("邬旗军").activities.iter().any(|a| a.news_id.as_deref() == Some("2025-0011")));
        assert!(of("苏鑫").activities.iter().any(|a| a.joint_id.as_deref() == Some("j-2025-0001")));
        assert!(of("娜仁其其格").own_note.is_some());
        let tienan = w.joint.iter().find(|j| j.id == "j-2025-0001").unwrap();
        assert_eq!(tienan.participants.len(), 7);
        assert_eq!(tienan.levels(), [Level::City, Level::County]);
        // The generated joint activities bring all five levels together.
        assert!(w.joint.iter().filter(|j| j.levels().len() == 5).count() >= 20);
        // Deterministic.
        let again = generate_city(2025);
        assert_eq!(again.activities, w.activities);
    }
}
