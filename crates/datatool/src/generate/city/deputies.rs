//! The deputies: national and regional deputies elected in the city, the deputies the seed
//! newsletter names, then each county's city deputies and each township's county and township
//! deputies, with generated names (some Mongolian, in traditional script), titles and bios.
//! The order of the draws is the output's: changing it changes every seed's city.

use deputy_model::deputy::Gender;
use deputy_model::{Deputy, DeputySummary, FORMAT_VERSION, Level, RegionKind, RegionRef};
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::super::bayannur::{self, CountyDef, TownDef};
use super::super::names::{self, HAN_GIVEN_FEMALE, HAN_GIVEN_MALE, HAN_SURNAMES, MONGOL_NAMES, TITLES};
use super::super::seed_content::{self, SEED_DEPUTIES};
use super::tree::{Groups, Network, rref, town_code};

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

/// What the election gives: the deputies, the seed newsletter's deputies' ids by name, and the
/// random source where the deputies left it (the receptions and letters draw on from there).
pub(super) struct Elected {
    pub deputies: Vec<Deputy>,
    pub seed_ids: Vec<(&'static str, String)>,
    pub rng: ChaCha8Rng,
}

pub(super) fn elect(seed: u64, scale: Scale, city: &RegionRef, groups: &Groups, net: &Network) -> Elected {
    let mut g = Gen { rng: ChaCha8Rng::seed_from_u64(seed), deputies: Vec::new(), counters: [0; 5] };
    let (hub_id, branch_of, home_of) = (&net.hub_id, &net.branch_of, &net.home_of);
    let (field_groups, tienan_group, county_groups) = (&groups.field, &groups.tienan, &groups.county);
    // National and regional deputies elected in Bayannur: attached to the city hub. (Level,
    // how many, Mongolian share, where the bio says they were elected, years of work, by whom.)
    let above = [
        (Level::National, scale.national, 0.25, "内蒙古自治区", 10..30, "内蒙古自治区选出（巴彦淖尔市）"),
        (Level::Region, scale.region, 0.2, "巴彦淖尔市", 8..30, "巴彦淖尔市人民代表大会选出"),
    ];
    for (level, count, mongol_share, region, years, elected_by) in above {
        for _ in 0..count {
            let p = g.person(mongol_share);
            let c = &bayannur::COUNTIES[g.rng.random_range(0..bayannur::COUNTIES.len())];
            let t = &c.townships[g.rng.random_range(0..c.townships.len())];
            let title = g.title(c.name, t);
            let bio = bio_for(level, &title, region, g.rng.random_range(years.clone()));
            let (represents, hub) = (vec![city.code.clone()], Some(hub_id.clone()));
            g.add(level, p, city, elected_by.into(), title, bio, represents, None, hub);
        }
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
    Elected { deputies: g.deputies, seed_ids, rng: g.rng }
}
