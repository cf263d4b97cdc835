//! The demo city: Bayannur's real 7 county-level units and 70 township-level units, several
//! hundred fictional deputies over all five levels, liaison stations in four tiers, and the
//! seed newsletter's news. Deterministic for a seed.

mod deputies;
mod receptions;
mod tree;

use deputy_model::deputy::GroupIndex;
use deputy_model::{Contact, Deputy, FORMAT_VERSION, SiteConfig};
use time::Date;

use super::bayannur;
use super::seed_content::{self, SEED_DEPUTIES};
use crate::world::World;
use tree::town_code;

pub use deputies::Scale;
pub(crate) use receptions::{SCHEDULE_FROM, SCHEDULE_WEEKS};

/// When the demo data says it was built. Fixed, so that output depends on the seed alone.
pub const DEMO_UPDATED_AT: &str = "2026-11-28T09:00:00+08:00";
/// The demo says at the foot of every page that it is one (site.json's `notice`).
pub const DEMO_NOTICE: &str = "本站数据为演示数据，人名均为虚构（新闻中出现的人名除外）。";

pub const MESSAGE_CATEGORIES: [&str; 9] = ["民生", "城建", "环境", "教育", "医疗", "社保", "农牧业", "法治", "其他"];

/// Generate the demo city for `seed`.
pub fn generate_city(seed: u64) -> World {
    generate_city_at(seed, Scale::DEMO)
}

/// Generate the city at a given scale.
pub fn generate_city_at(seed: u64, scale: Scale) -> World {
    let city = tree::city();
    let regions = tree::regions(&city);
    let mut groups = tree::groups();
    let net = tree::stations(&city);
    let deputies::Elected { deputies, seed_ids, mut rng } = deputies::elect(seed, scale, &city, &groups, &net);
    let mut stations = net.stations;

    // ---- link everything ----
    for grp in groups.list.iter_mut() {
        grp.member_count =
            deputies.iter().filter(|d| d.summary.group_id.as_deref() == Some(grp.id.as_str())).count() as u32;
    }
    receptions::staff_and_schedule(&mut stations, &deputies, &mut rng);

    let mut news = seed_content::seed_news();
    for article in news.iter_mut() {
        for sd in SEED_DEPUTIES {
            if sd.news_ids.contains(&article.summary.id.as_str())
                && let Some((_, id)) = seed_ids.iter().find(|(n, _)| *n == sd.name)
            {
                article.deputy_ids.push(id.clone());
            }
        }
    }

    let county_names: std::collections::HashMap<String, String> = bayannur::COUNTIES
        .iter()
        .flat_map(|c| {
            std::iter::once((c.code.to_string(), c.name.to_string()))
                .chain(c.townships.iter().enumerate().map(move |(i, _)| (town_code(c, i), c.name.to_string())))
        })
        .collect();
    // More 代表风采, about generated deputies (the seed newsletter has one profile).
    let county_of = |d: &Deputy| county_names.get(&d.summary.region_code).cloned().unwrap_or_default();
    news.extend(super::profiles::profiles(&deputies, &stations, county_of, news.len() as u32 + 1));
    let messages = super::letters::generate(&mut rng, &deputies, |d| {
        county_names.get(&d.summary.region_code).cloned().unwrap_or_else(|| "市".to_string())
    });

    let evaluation = super::evaluation::evaluation(&seed_ids);
    let map = super::map::region_map(&stations);
    let data_date = deputy_model::clock::parse_timestamp(DEMO_UPDATED_AT)
        .map(deputy_model::clock::shanghai_date)
        .unwrap_or(Date::MIN);
    let records = super::activities::generate(seed, &deputies, &regions, &stations, data_date);
    let suggestions = super::suggestions::generate(seed, &deputies, &messages);

    World {
        site: SiteConfig {
            format_version: FORMAT_VERSION,
            name: "巴彦淖尔市网上代表之家".into(),
            host: "巴彦淖尔市人大常委会".into(),
            region_code: city.code.clone(),
            region_name: city.name.clone(),
            contact: Contact {
                phone: "0478-8568761".into(),
                email: "bsrddbgw@163.com".into(),
                address: bayannur::CITY_SEAT_ADDRESS.into(),
                hours: "工作日 8:30—12:00，14:30—18:00".into(),
            },
            submit_endpoint: None,
            message_categories: MESSAGE_CATEGORIES.iter().map(|s| s.to_string()).collect(),
            updated_at: DEMO_UPDATED_AT.into(),
            modules: None,
            reception_weeks: None,
            url: None,
            notice: Some(DEMO_NOTICE.into()),
        },
        regions,
        deputies,
        groups: GroupIndex { format_version: FORMAT_VERSION, groups: groups.list },
        stations,
        news,
        messages,
        consultations: Vec::new(),
        evaluation: Some(evaluation),
        map: Some(map),
        activities: records.activities,
        joint: records.joint,
        training: None,
        suggestions,
    }
}

#[cfg(test)]
mod tests {
    use deputy_model::{Level, StationTier};

    use super::*;

    #[test]
    fn deterministic_and_complete() {
        let a = generate_city(7);
        let b = generate_city(7);
        assert_eq!(a.deputies.len(), b.deputies.len());
        assert_eq!(a.deputies[100].summary.name, b.deputies[100].summary.name);
        // 1 city + 7 counties + 70 townships
        assert_eq!(a.regions.len(), 78);
        for level in Level::ALL {
            assert!(a.deputies.iter().any(|d| d.summary.level == level), "{level:?}");
        }
        assert!((400..1000).contains(&a.deputies.len()), "{}", a.deputies.len());
        for tier in StationTier::ALL {
            assert!(a.stations.iter().any(|s| s.summary.tier == tier), "{tier:?}");
        }
        assert!(a.deputies.iter().any(|d| d.summary.name_mn.is_some()));
        assert!(a.deputies.iter().any(|d| d.summary.name == "娜仁其其格"));
        assert!(a.news.iter().any(|n| !n.deputy_ids.is_empty()));
        let c = generate_city(8);
        assert_ne!(a.deputies[100].summary.name, c.deputies[100].summary.name);
    }
}
