//! The demo city: Bayannur's real 7 county-level units and 70 township-level units, several
//! hundred fictional deputies over all five levels, liaison stations in four tiers, and the
//! seed newsletter's news. Deterministic for a seed.

use deputy_model::deputy::{Gender, GroupIndex};
use deputy_model::{
    Contact, Deputy, DeputyGroup, DeputySummary, FORMAT_VERSION, GroupKind, Level, Reception, RegionKind, RegionNode,
    RegionRef, SiteConfig, Station, StationSummary, StationTier,
};
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use time::{Date, Duration, Weekday};

use super::bayannur::{self, CountyDef, TownDef};
use super::names::{self, HAN_GIVEN_FEMALE, HAN_GIVEN_MALE, HAN_SURNAMES, MONGOL_NAMES, TITLES};
use super::seed_content::{self, SEED_DEPUTIES};
use crate::world::World;

/// When the demo data says it was built. Fixed, so that output depends on the seed alone.
pub const DEMO_UPDATED_AT: &str = "2026-11-28T09:00:00+08:00";
/// The demo says at the foot of every page that it is one (site.json's `notice`).
pub const DEMO_NOTICE: &str = "本站数据为演示数据，人名均为虚构（新闻中出现的人名除外）。";
/// Reception schedules run for a year around the build date.
pub(crate) const SCHEDULE_FROM: (i32, u8, u8) = (2026, 7, 6);
pub(crate) const SCHEDULE_WEEKS: i64 = 52;

/// How many deputies each unit elects.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub township_per_town: usize,
    pub county_per_town: usize,
    pub city_per_county: usize,
    pub region: usize,
    pub national: usize,
}

impl Scale {
    /// The committed demo: several hundred deputies, small enough to read through.
    pub const DEMO: Scale =
        Scale { township_per_town: 4, county_per_town: 2, city_per_county: 10, region: 14, national: 4 };
    /// A real city's numbers, about 7,000 deputies (Bayannur elects roughly this many at all
    /// levels): for benchmarks and scale tests.
    pub const FULL: Scale =
        Scale { township_per_town: 60, county_per_town: 30, city_per_county: 80, region: 40, national: 10 };
}

pub const MESSAGE_CATEGORIES: [&str; 9] = ["民生", "城建", "环境", "教育", "医疗", "社保", "农牧业", "法治", "其他"];

fn rref(code: &str, name: &str, kind: RegionKind) -> RegionRef {
    RegionRef { code: code.to_string(), name: name.to_string(), kind }
}

fn town_code(county: &CountyDef, i: usize) -> String {
    format!("{}{:03}", county.code, i + 1)
}

fn village_code(town: &str, i: usize) -> String {
    format!("{}{:03}", town, i + 1)
}

fn level_label(level: Level) -> &'static str {
    match level {
        Level::National => "全国人大代表",
        Level::Region => "自治区人大代表",
        Level::City => "市人大代表",
        Level::County => "旗县区人大代表",
        Level::Township => "苏木乡镇人大代表",
    }
}

fn county_congress(c: &CountyDef) -> String {
    format!("{}人民代表大会", c.name)
}

struct Gen {
    rng: ChaCha8Rng,
    deputies: Vec<Deputy>,
    counters: [usize; 5],
}

impl Gen {
    fn person(&mut self, mongol_share: f64) -> (String, Option<String>, Gender, String) {
        if self.rng.random_bool(mongol_share) {
            let n = MONGOL_NAMES.choose(&mut self.rng).expect("names table is not empty");
            let g = if n.female { Gender::Female } else { Gender::Male };
            (n.hanzi.to_string(), Some(n.script.to_string()), g, "蒙古族".to_string())
        } else {
            let female = self.rng.random_bool(0.4);
            let surname = HAN_SURNAMES[self.rng.random_range(0..HAN_SURNAMES.len().min(40))];
            let given =
                if female { HAN_GIVEN_FEMALE } else { HAN_GIVEN_MALE }.choose(&mut self.rng).expect("not empty");
            let ethnic = if self.rng.random_bool(0.04) {
                "回族"
            } else if self.rng.random_bool(0.02) {
                "满族"
            } else {
                "汉族"
            };
            (format!("{surname}{given}"), None, if female { Gender::Female } else { Gender::Male }, ethnic.to_string())
        }
    }

    fn next_id(&mut self, level: Level) -> String {
        let i = Level::ALL.iter().position(|l| *l == level).unwrap_or(0);
        self.counters[i] += 1;
        format!("{}-{:04}", level.key(), self.counters[i])
    }

    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        level: Level,
        person: (String, Option<String>, Gender, String),
        region: &RegionRef,
        constituency: String,
        title: String,
        bio: String,
        represents: Vec<String>,
        group_id: Option<String>,
        station_id: Option<String>,
    ) -> String {
        let id = self.next_id(level);
        let (name, name_mn, gender, ethnicity) = person;
        self.deputies.push(Deputy {
            format_version: FORMAT_VERSION,
            summary: DeputySummary {
                id: id.clone(),
                name_latin: name_mn.as_ref().and_then(|_| names::mongol_name(&name)).map(|n| n.latin.to_string()),
                name,
                name_mn,
                level,
                region_code: region.code.clone(),
                region_name: region.name.clone(),
                title,
                group_id,
                station_id,
            },
            gender,
            ethnicity,
            term: term_of(level).to_string(),
            constituency,
            photo: None,
            bio,
            represents,
            has_messages: None,
        });
        id
    }

    fn title(&mut self, county: &str, town: &TownDef) -> String {
        let (_, pattern) = TITLES.choose(&mut self.rng).expect("titles not empty");
        let (village, _) = town.villages.choose(&mut self.rng).copied().unwrap_or((town.name, RegionKind::Village));
        names::fill_title(pattern, county, town.name, village)
    }
}

fn term_of(level: Level) -> &'static str {
    match level {
        Level::National => "第十四届",
        Level::Region => "第十四届",
        Level::City => "第五届",
        Level::County | Level::Township => "第十届",
    }
}

fn bio_for(level: Level, title: &str, region: &str, years: u32) -> String {
    format!(
        "{region}选出的{}。现任{title}，在基层工作{years}年，熟悉当地群众生产生活情况。履职以来坚持联系选民，定期到联络站接待群众，反映群众意见和诉求。",
        level_label(level)
    )
}

/// Generate the demo city for `seed`.
pub fn generate_city(seed: u64) -> World {
    generate_city_at(seed, Scale::DEMO)
}

/// Generate the city at a given scale.
pub fn generate_city_at(seed: u64, scale: Scale) -> World {
    let mut g = Gen { rng: ChaCha8Rng::seed_from_u64(seed), deputies: Vec::new(), counters: [0; 5] };
    let city = rref(bayannur::CITY_CODE, bayannur::CITY_NAME, RegionKind::City);

    // ---- the administrative tree ----
    let mut regions = Vec::new();
    regions.push(RegionNode {
        format_version: FORMAT_VERSION,
        code: city.code.clone(),
        name: city.name.clone(),
        name_mn: Some(bayannur::CITY_NAME_MN.to_string()),
        name_latin: Some(bayannur::CITY_NAME_LATIN.to_string()),
        kind: RegionKind::City,
        path: vec![rref("150000", "内蒙古自治区", RegionKind::Province)],
        children: bayannur::COUNTIES.iter().map(|c| rref(c.code, c.name, c.kind)).collect(),
    });
    for c in bayannur::COUNTIES {
        let cref = rref(c.code, c.name, c.kind);
        regions.push(RegionNode {
            format_version: FORMAT_VERSION,
            code: c.code.to_string(),
            name: c.name.to_string(),
            name_mn: Some(c.name_mn.to_string()),
            name_latin: Some(c.name_latin.to_string()),
            kind: c.kind,
            path: vec![rref("150000", "内蒙古自治区", RegionKind::Province), city.clone()],
            children: c.townships.iter().enumerate().map(|(i, t)| rref(&town_code(c, i), t.name, t.kind)).collect(),
        });
        for (i, t) in c.townships.iter().enumerate() {
            let tcode = town_code(c, i);
            regions.push(RegionNode {
                format_version: FORMAT_VERSION,
                code: tcode.clone(),
                name: t.name.to_string(),
                name_mn: None,
                name_latin: None,
                kind: t.kind,
                path: vec![rref("150000", "内蒙古自治区", RegionKind::Province), city.clone(), cref.clone()],
                children: t
                    .villages
                    .iter()
                    .enumerate()
                    .map(|(j, (n, k))| rref(&village_code(&tcode, j), n, *k))
                    .collect(),
            });
        }
    }

    // ---- groups ----
    let mut groups: Vec<DeputyGroup> = Vec::new();
    let mut group = |id: String, name: String, kind: GroupKind, level: Level| {
        groups.push(DeputyGroup { id: id.clone(), name, kind, level, member_count: 0 });
        id
    };
    let field_groups: Vec<String> = [
        ("g-social", seed_content::SOCIAL_GROUP),
        ("g-agri", "市人大常委会农牧业领域代表小组"),
        ("g-econ", "市人大常委会经济发展领域代表小组"),
        ("g-law", "市人大常委会法治领域代表小组"),
        ("g-eco", "市人大常委会生态环境领域代表小组"),
    ]
    .into_iter()
    .map(|(id, name)| group(id.to_string(), name.to_string(), GroupKind::Field, Level::City))
    .collect();
    let tienan_group = group("g-tienan".into(), seed_content::TIENAN_GROUP.into(), GroupKind::Area, Level::City);
    let county_groups: Vec<String> = bayannur::COUNTIES
        .iter()
        .map(|c| group(format!("g-{}", c.code), format!("{}人大代表小组", c.name), GroupKind::Area, Level::County))
        .collect();

    // ---- stations: hub, county branches, township homes, village points ----
    let mut stations: Vec<Station> = Vec::new();
    let hub_id = "s-150800".to_string();
    stations.push(station(
        &hub_id,
        "巴彦淖尔市人大代表联络总站",
        StationTier::CityHub,
        &city,
        None,
        bayannur::CITY_SEAT_ADDRESS,
    ));
    let mut branch_of = Vec::new();
    let mut home_of = std::collections::HashMap::new();
    for c in bayannur::COUNTIES {
        let cref = rref(c.code, c.name, c.kind);
        let bid = format!("s-{}", c.code);
        stations.push(station(
            &bid,
            &format!("{}人大代表联络分站", c.name),
            StationTier::CountyBranch,
            &cref,
            Some(&hub_id),
            c.seat_address,
        ));
        branch_of.push(bid.clone());
        for (i, t) in c.townships.iter().enumerate() {
            let tcode = town_code(c, i);
            let tref = rref(&tcode, t.name, t.kind);
            let hid = format!("s-{tcode}");
            let addr = format!("{}{}人民政府（办事处）一楼", c.name, t.name);
            stations.push(station(
                &hid,
                &format!("{}人大代表之家", t.name),
                StationTier::TownshipHome,
                &tref,
                Some(&bid),
                &addr,
            ));
            home_of.insert(tcode.clone(), hid.clone());
            for (j, (vname, vkind)) in t.villages.iter().take(2).enumerate() {
                let vcode = village_code(&tcode, j);
                let vref = rref(&vcode, vname, *vkind);
                let addr = format!("{}{}{}党群服务中心", c.name, t.name, vname);
                stations.push(station(
                    &format!("s-{vcode}"),
                    &format!("{vname}人大代表联络点"),
                    StationTier::VillagePoint,
                    &vref,
                    Some(&hid),
                    &addr,
                ));
            }
        }
    }

    // ---- deputies ----
    // National and regional deputies elected in Bayannur: attached to the city hub.
    for _ in 0..scale.national {
        let p = g.person(0.25);
        let c = &bayannur::COUNTIES[g.rng.random_range(0..bayannur::COUNTIES.len())];
        let t = &c.townships[g.rng.random_range(0..c.townships.len())];
        let title = g.title(c.name, t);
        let bio = bio_for(Level::National, &title, "内蒙古自治区", g.rng.random_range(10..30));
        g.add(
            Level::National,
            p,
            &city,
            "内蒙古自治区选出（巴彦淖尔市）".into(),
            title,
            bio,
            vec![city.code.clone()],
            None,
            Some(hub_id.clone()),
        );
    }
    for _ in 0..scale.region {
        let p = g.person(0.2);
        let c = &bayannur::COUNTIES[g.rng.random_range(0..bayannur::COUNTIES.len())];
        let t = &c.townships[g.rng.random_range(0..c.townships.len())];
        let title = g.title(c.name, t);
        let bio = bio_for(Level::Region, &title, "巴彦淖尔市", g.rng.random_range(8..30));
        g.add(
            Level::Region,
            p,
            &city,
            "巴彦淖尔市人民代表大会选出".into(),
            title,
            bio,
            vec![city.code.clone()],
            None,
            Some(hub_id.clone()),
        );
    }

    // The deputies the seed newsletter names, first among city deputies, then generated ones.
    let mut seed_ids: Vec<(&'static str, String)> = Vec::new();
    for sd in SEED_DEPUTIES {
        let (region, represents, station_id, constituency) = match (bayannur::county(sd.county), sd.level) {
            (Some(c), Level::County) => {
                let (i, _) =
                    c.townships.iter().enumerate().find(|(_, t)| t.name == sd.town).unwrap_or((0, &c.townships[0]));
                let tcode = town_code(c, i);
                let t = &c.townships[i];
                (
                    rref(&tcode, t.name, t.kind),
                    vec![tcode.clone()],
                    home_of.get(&tcode).cloned(),
                    format!("{}{}选区", c.name, t.name),
                )
            }
            (Some(c), _) => {
                let ci = bayannur::COUNTIES.iter().position(|x| x.code == c.code).unwrap_or(0);
                (
                    rref(c.code, c.name, c.kind),
                    vec![c.code.to_string()],
                    Some(branch_of[ci].clone()),
                    format!("{}选出", county_congress(c)),
                )
            }
            (None, _) => (city.clone(), vec![city.code.clone()], Some(hub_id.clone()), "巴彦淖尔市选出".to_string()),
        };
        let mn = names::mongol_name(sd.name).map(|m| m.script.to_string());
        let gender = seed_content::seed_deputy_gender(sd.name).unwrap_or(Gender::Male);
        let ethnicity = if mn.is_some() { "蒙古族" } else { "汉族" };
        let group = if !sd.town.is_empty() && sd.town.contains("铁南") && sd.level == Level::City {
            Some(tienan_group.clone())
        } else if sd.level == Level::City {
            Some(field_groups[0].clone())
        } else {
            bayannur::COUNTIES.iter().position(|c| c.name == sd.county).map(|i| county_groups[i].clone())
        };
        let id = g.add(
            sd.level,
            (sd.name.to_string(), mn, gender, ethnicity.to_string()),
            &region,
            constituency,
            sd.title.to_string(),
            sd.bio.to_string(),
            represents,
            group,
            station_id,
        );
        seed_ids.push((sd.name, id));
    }

    for (ci, c) in bayannur::COUNTIES.iter().enumerate() {
        let cref = rref(c.code, c.name, c.kind);
        let mongol_share = if c.kind == RegionKind::Banner { 0.3 } else { 0.08 };
        for _ in 0..scale.city_per_county {
            let p = g.person(mongol_share);
            let t = &c.townships[g.rng.random_range(0..c.townships.len())];
            let title = g.title(c.name, t);
            let bio = bio_for(Level::City, &title, c.name, g.rng.random_range(5..30));
            let grp = if g.rng.random_bool(0.6) {
                Some(field_groups[g.rng.random_range(0..field_groups.len())].clone())
            } else {
                None
            };
            g.add(
                Level::City,
                p,
                &cref,
                format!("{}选出", county_congress(c)),
                title,
                bio,
                vec![c.code.to_string()],
                grp,
                Some(branch_of[ci].clone()),
            );
        }
        for (i, t) in c.townships.iter().enumerate() {
            let tcode = town_code(c, i);
            let tref = rref(&tcode, t.name, t.kind);
            let home = home_of.get(&tcode).cloned();
            for k in 0..scale.county_per_town {
                let p = g.person(mongol_share);
                let title = g.title(c.name, t);
                let bio = bio_for(Level::County, &title, t.name, g.rng.random_range(3..30));
                let constituency = format!("{}{}第{}选区", c.name, t.name, k + 1);
                g.add(
                    Level::County,
                    p,
                    &tref,
                    constituency,
                    title,
                    bio,
                    vec![tcode.clone()],
                    Some(county_groups[ci].clone()),
                    home.clone(),
                );
            }
            for k in 0..scale.township_per_town {
                let p = g.person(mongol_share);
                let title = g.title(c.name, t);
                let bio = bio_for(Level::Township, &title, t.name, g.rng.random_range(2..25));
                let (vname, _) = t.villages[k % t.villages.len()];
                let constituency = format!("{}{}选区", t.name, vname);
                g.add(Level::Township, p, &tref, constituency, title, bio, vec![tcode.clone()], None, home.clone());
            }
        }
    }

    // ---- link everything ----
    let deputies = g.deputies;
    for grp in groups.iter_mut() {
        grp.member_count =
            deputies.iter().filter(|d| d.summary.group_id.as_deref() == Some(grp.id.as_str())).count() as u32;
    }
    let monday = Date::from_calendar_date(
        SCHEDULE_FROM.0,
        time::Month::try_from(SCHEDULE_FROM.1).unwrap_or(time::Month::July),
        SCHEDULE_FROM.2,
    )
    .unwrap_or(Date::MIN);
    let mut rng = g.rng;
    for st in stations.iter_mut() {
        st.deputy_ids = deputies
            .iter()
            .filter(|d| d.summary.station_id.as_deref() == Some(st.summary.id.as_str()))
            .map(|d| d.summary.id.clone())
            .collect();
        // Village points borrow the deputies of their township's home.
        let pool: Vec<&Deputy> = if st.deputy_ids.is_empty() {
            let parent = st.summary.parent_id.clone();
            deputies.iter().filter(|d| d.summary.station_id == parent).collect()
        } else {
            deputies.iter().filter(|d| st.deputy_ids.contains(&d.summary.id)).collect()
        };
        if pool.is_empty() {
            continue;
        }
        let (weekday_offset, every) = match st.summary.tier {
            StationTier::CityHub => (2, 1),      // Wednesdays, weekly
            StationTier::CountyBranch => (1, 1), // Tuesdays, weekly
            StationTier::TownshipHome => (3, 1), // Thursdays, weekly
            StationTier::VillagePoint => (4, 4), // Fridays, every four weeks
        };
        for w in (0..SCHEDULE_WEEKS).step_by(every) {
            let day = monday + Duration::weeks(w) + Duration::days(weekday_offset);
            debug_assert_ne!(day.weekday(), Weekday::Sunday);
            let d = pool[rng.random_range(0..pool.len())];
            st.receptions.push(Reception {
                date: deputy_model::clock::format_date(day),
                time: "09:00-12:00".into(),
                deputy_id: d.summary.id.clone(),
                deputy_name: d.summary.name.clone(),
            });
        }
    }

    let mut news = seed_content::seed_news();
    for article in news.iter_mut() {
        for sd in SEED_DEPUTIES {
            if sd.news_ids.contains(&article.summary.id.as_str()) {
                if let Some((_, id)) = seed_ids.iter().find(|(n, _)| *n == sd.name) {
                    article.deputy_ids.push(id.clone());
                }
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
        groups: GroupIndex { format_version: FORMAT_VERSION, groups },
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

fn station(
    id: &str,
    name: &str,
    tier: StationTier,
    region: &RegionRef,
    parent: Option<&str>,
    address: &str,
) -> Station {
    let hours = match tier {
        StationTier::CityHub | StationTier::CountyBranch => "工作日 8:30—12:00，14:30—18:00",
        StationTier::TownshipHome => "工作日 9:00—12:00，15:00—17:30",
        StationTier::VillagePoint => "每月接待日 9:00—12:00",
    };
    Station {
        format_version: FORMAT_VERSION,
        summary: StationSummary {
            id: id.to_string(),
            name: name.to_string(),
            tier,
            region_code: region.code.clone(),
            region_name: region.name.clone(),
            parent_id: parent.map(str::to_string),
        },
        address: address.to_string(),
        phone: format!("0478-{}", 8_500_000 + (id.bytes().map(u32::from).sum::<u32>() * 37) % 99_999),
        opening_hours: hours.to_string(),
        deputy_ids: Vec::new(),
        receptions: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
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
