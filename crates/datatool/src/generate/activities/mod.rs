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
use rand::SeedableRng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;
use time::Date;

mod draw;
mod routine;
mod seed_events;

use draw::{Ctx, TOPICS, activity, county_code, day_in};
use routine::routine;
use seed_events::{seed_events, seed_of};

/// The records run from this year to the data date.
const FIRST_YEAR: i32 = deputy_model::activity_stats::FIRST_YEAR;
/// The five-level mechanism (五级代表协同) started in 2025 (seed newsletter).
const JOINT_FROM_YEAR: i32 = 2025;

const NOTES: &[&str] = &[
    "2024年我因工作调动，上半年接待选民次数较少。下半年起我坚持每月到联络站接待，欢迎乡亲们继续给我留言。",
    "统计中的“反映监督事项”只记录了经联络站登记的事项。我在田间地头听到的意见，也都整理后通过联络站转交了有关部门。",
    "我是一名一线医务工作者，门诊任务重，走访次数不多。我会利用周末时间多到村里走一走，听听大家的意见。",
    "2025年我参加了自治区组织的脱产培训，学时较多，走访次数相应减少。今年已补上，感谢选民的理解和监督。",
    "数字只是一个方面。群众反映的每一件事，我都会跟踪到底，办理结果会在直通代表栏目公开。",
];

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
    use crate::generate::letters::LETTER_SUGGESTION_ID;

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
