//! What the national profile has besides deputies and places, so every page of the app has data
//! on a national build: liaison stations in three tiers (a 联络总站 per prefecture, a 联络分站 per
//! county-level division, a 代表之家 per township, each with its deputies attached), reception
//! schedules, news, and letters with replies. Deterministic for the generator's random stream.
//!
//! Sizes are kept so that no served file passes the 64 KB gzip budget at full scale: every
//! reception of a week is one file (`receptions/{monday}.json`), so only the hubs receive every
//! week and the county branches take turns (one in eight a week); the township homes list their
//! deputies but publish no schedule.

use deputy_model::deputy::Gender;
use deputy_model::message::MessageRecord;
use deputy_model::station::Reception;
use deputy_model::{
    Block, Deputy, FORMAT_VERSION, Level, NewsArticle, NewsKind, NewsSummary, RegionKind, RegionNode, RegionRef,
    Station, StationSummary, StationTier,
};
use rand::Rng;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;
use time::{Date, Duration};

use super::city::{SCHEDULE_FROM, SCHEDULE_WEEKS};

/// County branches receive in turns: each one week in this many.
const BRANCH_ROTATION: i64 = 8;
/// About this many deputies (of all levels, evenly spread) are written to.
const LETTER_DEPUTIES: usize = 400;

/// The stations as they are made, with the deputies attached to each (indexes).
#[derive(Default)]
pub struct Stations {
    stations: Vec<Station>,
    members: Vec<Vec<usize>>,
}

impl Stations {
    fn push(&mut self, tier: StationTier, region: &RegionRef, parent: Option<usize>, address: String) -> usize {
        let id = format!("s-{}", region.code);
        let (name, hours) = match tier {
            StationTier::CityHub => (format!("{}人大代表联络总站", region.name), "工作日 8:30—12:00，14:30—18:00"),
            StationTier::CountyBranch => (format!("{}人大代表联络分站", region.name), "工作日 8:30—12:00，14:30—18:00"),
            _ => (format!("{}人大代表之家", region.name), "工作日 9:00—12:00，15:00—17:30"),
        };
        let digits: u32 = region.code.bytes().map(u32::from).sum::<u32>() * 7919 % 9_000_000 + 1_000_000;
        self.stations.push(Station {
            format_version: FORMAT_VERSION,
            summary: StationSummary {
                id,
                name,
                tier,
                region_code: region.code.clone(),
                region_name: region.name.clone(),
                parent_id: parent.map(|p| self.stations[p].summary.id.clone()),
            },
            address,
            phone: format!("0{}-{digits}", &region.code[..3]),
            opening_hours: hours.to_string(),
            deputy_ids: Vec::new(),
            receptions: Vec::new(),
        });
        self.members.push(Vec::new());
        self.stations.len() - 1
    }

    /// The 联络总站 of a prefecture.
    pub fn hub(&mut self, province: &str, pref: &RegionRef) -> usize {
        self.push(StationTier::CityHub, pref, None, format!("{province}{}人大常委会机关一楼", pref.name))
    }

    /// The 联络分站 of a county-level division, under its prefecture's hub.
    pub fn branch(&mut self, province: &str, pref: &str, county: &RegionRef, hub: usize) -> usize {
        let address = format!("{province}{pref}{}人大常委会机关一楼", county.name);
        self.push(StationTier::CountyBranch, county, Some(hub), address)
    }

    /// The 代表之家 of a township, under its county's branch.
    pub fn home(&mut self, county: &str, town: &RegionRef, branch: usize) -> usize {
        let office = if town.kind == RegionKind::Subdistrict { "办事处" } else { "人民政府" };
        self.push(StationTier::TownshipHome, town, Some(branch), format!("{county}{}{office}一楼", town.name))
    }

    /// Attach deputy `deputy` (an index) to station `station`; returns the station's id.
    pub fn attach(&mut self, station: usize, deputy: usize) -> String {
        self.members[station].push(deputy);
        self.stations[station].summary.id.clone()
    }

    /// The finished stations: deputy lists, and reception schedules for hubs and branches.
    pub fn finish(self, deputies: &[Deputy], rng: &mut ChaCha8Rng) -> Vec<Station> {
        let monday = Date::from_calendar_date(
            SCHEDULE_FROM.0,
            time::Month::try_from(SCHEDULE_FROM.1).unwrap_or(time::Month::July),
            SCHEDULE_FROM.2,
        )
        .unwrap_or(Date::MIN);
        let mut branch_no = 0i64;
        let mut out = Vec::with_capacity(self.stations.len());
        for (mut st, members) in self.stations.into_iter().zip(self.members) {
            st.deputy_ids = members.iter().map(|&i| deputies[i].summary.id.clone()).collect();
            let (weekday, weeks): (i64, Vec<i64>) = match st.summary.tier {
                StationTier::CityHub => (2, (0..SCHEDULE_WEEKS).collect()), // Wednesdays
                StationTier::CountyBranch => {
                    branch_no += 1;
                    (1, (branch_no % BRANCH_ROTATION..SCHEDULE_WEEKS).step_by(BRANCH_ROTATION as usize).collect())
                }
                _ => (0, Vec::new()),
            };
            if !members.is_empty() {
                for w in weeks {
                    let day = monday + Duration::weeks(w) + Duration::days(weekday);
                    let d = &deputies[*members.choose(rng).expect("members")];
                    st.receptions.push(Reception {
                        date: deputy_model::clock::format_date(day),
                        time: "09:00-12:00".into(),
                        deputy_id: d.summary.id.clone(),
                        deputy_name: d.summary.name.clone(),
                    });
                }
            }
            out.push(st);
        }
        out
    }
}

/// (headline, paragraph) of the work news, one per province in turn; `{p}` is the province.
const WORK_NEWS: &[(&str, &str)] = &[
    (
        "{p}人大常委会推进代表联络站标准化建设",
        "{p}人大常委会召开代表联络站建设推进会，要求各地联络站做到有场所、有制度、有活动、有实效，让群众在家门口找得到代表。",
    ),
    (
        "{p}各级人大代表集中开展接待选民活动",
        "{p}各级人大代表深入联络站和代表之家，面对面听取群众意见建议，现场答复能解决的问题，其余转交有关部门办理。",
    ),
    (
        "{p}人大常委会组织代表视察民生实事项目",
        "{p}人大常委会组织部分全国和省级人大代表视察民生实事项目，代表们实地察看道路、供水和养老服务设施建设情况。",
    ),
    (
        "{p}举办基层人大代表履职培训班",
        "{p}人大常委会举办基层人大代表履职培训班，围绕代表建议撰写、联系群众和依法履职等内容开展专题辅导。",
    ),
];

/// News: work news across the provinces and 代表风采 of township-home deputies, newest ids last
/// (ids `2025-0001`… as the city's).
pub fn news(
    deputies: &[Deputy],
    stations: &[Station],
    regions: &[RegionNode],
    rng: &mut ChaCha8Rng,
) -> Vec<NewsArticle> {
    let provinces: Vec<&RegionNode> = regions.iter().filter(|r| r.kind == RegionKind::Province).collect();
    let mut out = Vec::new();
    let mut next_id = 1;
    for (i, p) in provinces.iter().enumerate() {
        let (headline, text) = WORK_NEWS[i % WORK_NEWS.len()];
        let date = format!("2025-{:02}-{:02}", 1 + i % 11, 1 + (i * 7) % 28);
        let (title, lead) = (headline.replace("{p}", &p.name), text.replace("{p}", &p.name));
        out.push(article(next_id, title, NewsKind::Work, date, lead.clone(), vec![Block::Paragraph(lead)], Vec::new()));
        next_id += 1;
    }
    // 代表风采: deputies of the township homes, a few spread over the country.
    let homes: Vec<&Station> =
        stations.iter().filter(|s| s.summary.tier == StationTier::TownshipHome && !s.deputy_ids.is_empty()).collect();
    let picked: Vec<&Station> =
        (0..12.min(homes.len())).map(|k| homes[k * homes.len() / 12.min(homes.len())]).collect();
    // Only the deputies of the picked homes are looked up (not millions).
    let wanted: std::collections::HashSet<&str> =
        picked.iter().flat_map(|h| h.deputy_ids.iter().map(String::as_str)).collect();
    let by_id: std::collections::HashMap<&str, &Deputy> = deputies
        .iter()
        .filter(|d| d.summary.level == Level::Township && wanted.contains(d.summary.id.as_str()))
        .map(|d| (d.summary.id.as_str(), d))
        .collect();
    for (k, home) in picked.into_iter().enumerate() {
        let Some(d) = home.deputy_ids.iter().find_map(|id| by_id.get(id.as_str())) else { continue };
        let (name, who) = (&d.summary.name, if d.gender == Gender::Female { "她" } else { "他" });
        let date = format!("2025-{:02}-{:02}", 1 + k % 11, 10 + rng.random_range(0..18));
        let body = vec![
            Block::Quote(format!("“代表就是要替群众说话、为群众办事。”——{name}")),
            Block::Paragraph(format!(
                "{name}是{}人大代表，现任{}。当选以来，{who}坚持按接待日到{}接待选民，认真听取群众的意见建议。",
                d.summary.region_name, d.summary.title, home.summary.name
            )),
            Block::Paragraph(format!(
                "群众反映最多的是道路、饮水、养老等身边事。{name}逐条记录、分类梳理，需要有关部门办理的及时转交，并把结果反馈给群众。"
            )),
        ];
        out.push(article(
            next_id,
            format!("{name}：扎根基层的“民情联络员”"),
            NewsKind::Profile,
            date,
            format!("{}人大代表{name}按接待日到代表之家接待选民。", d.summary.region_name),
            body,
            vec![d.summary.id.clone()],
        ));
        next_id += 1;
    }
    out
}

fn article(
    id: u32,
    title: String,
    kind: NewsKind,
    date: String,
    summary: String,
    body: Vec<Block>,
    deputy_ids: Vec<String>,
) -> NewsArticle {
    NewsArticle {
        format_version: FORMAT_VERSION,
        summary: NewsSummary { id: format!("2025-{id:04}"), title, kind, date, summary },
        author: String::new(),
        source: super::profiles::DEMO_SOURCE.into(),
        body,
        deputy_ids,
    }
}

/// Letters with their handling (most answered, some rated, about 70 % public) to an even spread
/// of about [`LETTER_DEPUTIES`] deputies of every level, from the city's letter templates.
pub fn letters(deputies: &[Deputy], regions: &[RegionNode], rng: &mut ChaCha8Rng) -> Vec<MessageRecord> {
    if deputies.is_empty() {
        return Vec::new();
    }
    let step = (deputies.len() / LETTER_DEPUTIES).max(1);
    let chosen: Vec<Deputy> = deputies.iter().step_by(step).cloned().collect();
    // Departments are named after the county ("{county}住建局"): a town's code starts with its county's.
    let counties: std::collections::HashMap<&str, &str> =
        regions.iter().filter(|r| r.path.len() == 3).map(|r| (r.code.as_str(), r.name.as_str())).collect();
    let county_of = |d: &Deputy| {
        let code = d.summary.region_code.get(..6).unwrap_or("");
        counties.get(code).map_or_else(|| d.summary.region_name.clone(), |c| c.to_string())
    };
    let mut out = super::letters::generate(rng, &chosen, county_of);
    // The city's two showcase letters name its own people and suggestion; none here.
    out.retain(|m| m.suggestion_id.is_none());
    out
}

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};

    use deputy_model::{Level, NewsKind, RegionKind, StationTier};

    use crate::build::{self, Sink, erased};
    use crate::generate::national::{NationalScale, generate_national};

    fn small(seed: u64) -> crate::world::World {
        generate_national(seed, NationalScale::times(0.001), &indicatif::ProgressBar::hidden())
    }

    #[test]
    fn stations_in_three_tiers_with_their_deputies() {
        let w = small(9);
        let stations: HashMap<&str, &deputy_model::Station> =
            w.stations.iter().map(|s| (s.summary.id.as_str(), s)).collect();
        assert_eq!(stations.len(), w.stations.len(), "station ids are unique");
        // A hub per prefecture, a branch per county-level division, a home per township.
        for r in &w.regions {
            let want = match r.path.len() {
                2 => Some(StationTier::CityHub),
                3 => Some(StationTier::CountyBranch),
                4 => Some(StationTier::TownshipHome),
                _ => None,
            };
            let got = stations.get(format!("s-{}", r.code).as_str()).map(|s| s.summary.tier);
            assert_eq!(got, want, "{} {}", r.code, r.name);
        }
        // Each deputy below the national level is attached to the station of its unit, which
        // lists them; parents resolve.
        let mut listed = HashSet::new();
        for s in &w.stations {
            listed.extend(s.deputy_ids.iter().map(|id| (id.as_str(), s.summary.id.as_str())));
            if let Some(p) = &s.summary.parent_id {
                assert!(stations.contains_key(p.as_str()), "{p}");
            }
        }
        for d in &w.deputies {
            match (&d.summary.station_id, d.summary.level) {
                (None, Level::National) => {}
                (Some(st), _) => {
                    assert!(listed.contains(&(d.summary.id.as_str(), st.as_str())), "{}", d.summary.id);
                    assert_eq!(stations[st.as_str()].summary.region_code, d.summary.region_code);
                }
                (None, l) => panic!("{} ({l:?}) has no station", d.summary.id),
            }
        }
        // Hubs receive every week, branches in turns, homes not at all (the week files stay small).
        let hub = w.stations.iter().find(|s| s.summary.tier == StationTier::CityHub).unwrap();
        assert_eq!(hub.receptions.len() as i64, crate::generate::city::SCHEDULE_WEEKS);
        assert!(w.stations.iter().filter(|s| s.summary.tier == StationTier::CountyBranch).all(|s| {
            s.receptions.len() as i64 <= crate::generate::city::SCHEDULE_WEEKS / super::BRANCH_ROTATION + 1
        }));
        assert!(w.regions.iter().any(|r| r.kind == RegionKind::Subdistrict));
    }

    #[test]
    fn news_and_letters_refer_to_real_deputies_and_are_deterministic() {
        let w = small(9);
        let ids: HashSet<&str> = w.deputies.iter().map(|d| d.summary.id.as_str()).collect();
        let work = w.news.iter().filter(|n| n.summary.kind == NewsKind::Work).count();
        let profiles: Vec<_> = w.news.iter().filter(|n| n.summary.kind == NewsKind::Profile).collect();
        assert_eq!(work, 31, "one work article per province");
        assert!(profiles.len() >= 10, "{}", profiles.len());
        assert!(profiles.iter().all(|p| p.deputy_ids.len() == 1 && ids.contains(p.deputy_ids[0].as_str())));
        assert!(w.messages.len() >= 50, "{} letters", w.messages.len());
        assert!(w.messages.iter().all(|m| ids.contains(m.deputy_id.as_str()) && m.state().is_ok()));
        let published = w.messages.iter().filter_map(crate::build::public_message).collect::<Vec<_>>();
        assert!(published.iter().filter(|m| m.reply.is_some()).count() >= 10);
        let levels: HashSet<Level> = w
            .messages
            .iter()
            .filter_map(|m| w.deputies.iter().find(|d| d.summary.id == m.deputy_id))
            .map(|d| d.summary.level)
            .collect();
        assert!(levels.len() >= 4, "letters to deputies of several levels: {levels:?}");
        let again = small(9);
        assert_eq!(
            again.messages.iter().map(|m| &m.receipt_code).collect::<Vec<_>>(),
            w.messages.iter().map(|m| &m.receipt_code).collect::<Vec<_>>()
        );
        assert_eq!(again.stations.last().map(|s| &s.receptions), w.stations.last().map(|s| &s.receptions));
        assert_ne!(small(10).messages.first().map(|m| &m.receipt_code), w.messages.first().map(|m| &m.receipt_code));
    }

    /// Every file's size; gzip only for those over the budget raw (a file within 64 KB raw is
    /// within it gzip), so the check stays fast.
    struct Largest {
        over: Vec<(String, usize)>,
        files: usize,
    }

    impl Sink for Largest {
        fn put(&mut self, rel: &str, value: &dyn erased::Json) -> anyhow::Result<()> {
            let mut buf = Vec::new();
            value.write_json(&mut buf)?;
            self.files += 1;
            if buf.len() > crate::sizes::FILE_BUDGET_GZIP {
                let gz = crate::search_cost::gzip_len(&buf);
                if gz > crate::sizes::FILE_BUDGET_GZIP {
                    self.over.push((rel.to_string(), gz));
                }
            }
            Ok(())
        }
    }

    #[test]
    fn every_file_stays_within_the_budget() {
        let w = small(9);
        let mut sink = Largest { over: Vec::new(), files: 0 };
        build::emit(&w, &mut sink).unwrap();
        assert!(sink.files > 100_000, "{}", sink.files);
        assert!(sink.over.is_empty(), "over 64 KB gzip: {:?}", sink.over);
        // The stations index keeps to the tiers that fit: hubs and branches, not the homes.
        let tiers: HashSet<StationTier> = build::station_index(&w.stations).into_iter().map(|s| s.tier).collect();
        assert_eq!(tiers, HashSet::from([StationTier::CityHub, StationTier::CountyBranch]));
    }
}
