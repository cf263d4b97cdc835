//! The national profile: the 31 provinces by their real names and codes, generated prefectures
//! (~340), counties (~2,800) and townships (~38,000) with made-up names, and about 2.8 million
//! fictional deputies at the five levels — the size of China's people's congresses — so that the
//! served layout and the app's search are exercised at full scale. Deterministic for a seed.

use deputy_model::deputy::{Gender, GroupIndex};
use deputy_model::{
    Contact, Deputy, DeputySummary, FORMAT_VERSION, Level, RegionKind, RegionNode, RegionRef, SiteConfig,
};
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::names::{HAN_GIVEN_FEMALE, HAN_GIVEN_MALE, HAN_SURNAMES, MONGOL_NAMES, TITLES, fill_title};
use crate::world::World;

pub const COUNTRY_CODE: &str = "100000";
pub const COUNTRY_NAME: &str = "中华人民共和国";

/// (code, name, prefecture-level divisions) — real names, codes and 2023 prefecture counts
/// (municipalities count as one).
pub const PROVINCES: [(&str, &str, usize); 31] = [
    ("110000", "北京市", 1),
    ("120000", "天津市", 1),
    ("130000", "河北省", 11),
    ("140000", "山西省", 11),
    ("150000", "内蒙古自治区", 12),
    ("210000", "辽宁省", 14),
    ("220000", "吉林省", 9),
    ("230000", "黑龙江省", 13),
    ("310000", "上海市", 1),
    ("320000", "江苏省", 13),
    ("330000", "浙江省", 11),
    ("340000", "安徽省", 16),
    ("350000", "福建省", 9),
    ("360000", "江西省", 11),
    ("370000", "山东省", 16),
    ("410000", "河南省", 17),
    ("420000", "湖北省", 17),
    ("430000", "湖南省", 14),
    ("440000", "广东省", 21),
    ("450000", "广西壮族自治区", 14),
    ("460000", "海南省", 4),
    ("500000", "重庆市", 2),
    ("510000", "四川省", 21),
    ("520000", "贵州省", 9),
    ("530000", "云南省", 16),
    ("540000", "西藏自治区", 7),
    ("610000", "陕西省", 10),
    ("620000", "甘肃省", 14),
    ("630000", "青海省", 8),
    ("640000", "宁夏回族自治区", 5),
    ("650000", "新疆维吾尔自治区", 14),
];

/// Deputies per unit at full scale, chosen so the totals match the real ones (about 2,977
/// national, 13,700 provincial, 120,000 prefecture, 570,000 county, 2.05 million township).
#[derive(Debug, Clone, Copy)]
pub struct NationalScale {
    pub national_per_province: usize,
    pub region_per_prefecture: usize,
    pub city_per_county: usize,
    pub county_per_township: usize,
    pub township_per_township: usize,
}

impl NationalScale {
    pub const FULL: NationalScale = NationalScale {
        national_per_province: 96,
        region_per_prefecture: 40,
        city_per_county: 43,
        county_per_township: 15,
        township_per_township: 54,
    };

    /// The full scale times `factor` (at least one deputy per unit and level): `--scale 0.01`
    /// keeps every division and shrinks the deputies, for the end-to-end test.
    pub fn times(factor: f64) -> NationalScale {
        let f = |n: usize| ((n as f64 * factor).round() as usize).max(1);
        let s = NationalScale::FULL;
        NationalScale {
            national_per_province: f(s.national_per_province),
            region_per_prefecture: f(s.region_per_prefecture),
            city_per_county: f(s.city_per_county),
            county_per_township: f(s.county_per_township),
            township_per_township: f(s.township_per_township),
        }
    }
}

/// Characters for made-up place names (two of them, then 市/县/区/镇/乡/街道).
const PLACE_CHARS: &str = "安宁平和兴隆丰泰永昌东西南北新河山川林泉源清水石桥岭阳江湖海云龙凤华庆福顺康乐长青宝金玉德胜利丰谷禾田原城关庄堡台沟湾营";

/// Characters for given names beyond the tables (combined in pairs, as many names are).
fn given_chars() -> Vec<char> {
    let mut v: Vec<char> = HAN_GIVEN_MALE.iter().chain(HAN_GIVEN_FEMALE).flat_map(|g| g.chars()).collect();
    v.sort_unstable();
    v.dedup();
    v
}

struct Gen {
    rng: ChaCha8Rng,
    place_chars: Vec<char>,
    given: Vec<char>,
    scale: NationalScale,
    deputies: Vec<Deputy>,
    counters: [usize; 5],
    /// Liaison stations, and the deputies attached to each (indexes into `deputies`).
    stations: super::national_content::Stations,
}

impl Gen {
    fn place_name(&mut self, suffix: &str) -> String {
        let a = *self.place_chars.choose(&mut self.rng).expect("chars");
        let b = *self.place_chars.choose(&mut self.rng).expect("chars");
        format!("{a}{b}{suffix}")
    }

    fn person(&mut self, mongol_share: f64) -> (String, Option<String>, Gender) {
        if self.rng.random_bool(mongol_share) {
            let n = MONGOL_NAMES.choose(&mut self.rng).expect("names");
            return (
                n.hanzi.to_string(),
                Some(n.script.to_string()),
                if n.female { Gender::Female } else { Gender::Male },
            );
        }
        let female = self.rng.random_bool(0.4);
        // Common surnames more often: the square of a uniform draw favours the top of the list.
        let u: f64 = self.rng.random();
        let surname = HAN_SURNAMES[((u * u) * HAN_SURNAMES.len() as f64) as usize];
        let given = if self.rng.random_bool(0.5) {
            (if female { HAN_GIVEN_FEMALE } else { HAN_GIVEN_MALE }).choose(&mut self.rng).expect("names").to_string()
        } else {
            let a = *self.given.choose(&mut self.rng).expect("chars");
            let b = *self.given.choose(&mut self.rng).expect("chars");
            format!("{a}{b}")
        };
        (format!("{surname}{given}"), None, if female { Gender::Female } else { Gender::Male })
    }

    /// Add one deputy of `level` elected in `unit` (the first code represented), attached to
    /// the station `station` (an index into `stations`) if any.
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        level: Level,
        unit: &RegionRef,
        represents: Vec<String>,
        county: &str,
        town: &str,
        mongol: f64,
        station: Option<usize>,
    ) {
        let i = Level::ALL.iter().position(|l| *l == level).unwrap_or(0);
        self.counters[i] += 1;
        let id = format!("{}-{:07}", level.key(), self.counters[i]);
        let (name, name_mn, gender) = self.person(mongol);
        let (_, pattern) = TITLES.choose(&mut self.rng).expect("titles");
        let title = fill_title(pattern, county, town, "");
        let years = self.rng.random_range(3..30);
        self.deputies.push(Deputy {
            format_version: FORMAT_VERSION,
            summary: DeputySummary {
                id,
                name_latin: name_mn
                    .as_ref()
                    .and_then(|_| super::names::mongol_name(&name))
                    .map(|n| n.latin.to_string()),
                name,
                name_mn,
                level,
                region_code: unit.code.clone(),
                region_name: unit.name.clone(),
                title: title.clone(),
                group_id: None,
                station_id: station.map(|s| self.stations.attach(s, self.deputies.len())),
            },
            gender,
            ethnicity: if mongol > 0.0 && self.rng.random_bool(mongol) { "蒙古族" } else { "汉族" }.to_string(),
            term: match level {
                Level::National | Level::Region => "第十四届",
                Level::City => "第五届",
                _ => "第十届",
            }
            .to_string(),
            constituency: format!("{}选区", unit.name),
            photo: None,
            bio: format!("{}选出的人大代表。现任{title}，在基层工作{years}年。", unit.name),
            represents,
            has_messages: None,
        });
    }
}

fn rref(code: &str, name: &str, kind: RegionKind) -> RegionRef {
    RegionRef { code: code.to_string(), name: name.to_string(), kind }
}

/// Generate the national data set for `seed` at `scale`, with a progress bar over provinces.
pub fn generate_national(seed: u64, scale: NationalScale, progress: &indicatif::ProgressBar) -> World {
    let mut g = Gen {
        rng: ChaCha8Rng::seed_from_u64(seed),
        place_chars: PLACE_CHARS.chars().collect(),
        given: given_chars(),
        scale,
        deputies: Vec::new(),
        counters: [0; 5],
        stations: Default::default(),
    };
    let country = rref(COUNTRY_CODE, COUNTRY_NAME, RegionKind::Country);
    let mut regions = vec![RegionNode {
        format_version: FORMAT_VERSION,
        code: country.code.clone(),
        name: country.name.clone(),
        name_mn: None,
        name_latin: None,
        kind: RegionKind::Country,
        path: Vec::new(),
        children: PROVINCES.iter().map(|(c, n, _)| rref(c, n, RegionKind::Province)).collect(),
    }];
    progress.set_length(PROVINCES.len() as u64);
    for (pcode, pname, prefectures) in PROVINCES {
        let province = rref(pcode, pname, RegionKind::Province);
        let mongol = if pcode == "150000" { 0.15 } else { 0.0 };
        let s = g.scale;
        for _ in 0..s.national_per_province {
            g.add(Level::National, &province, vec![pcode.to_string()], pname, "", mongol, None);
        }
        let mut pref_refs = Vec::new();
        for pi in 0..prefectures {
            let code = format!("{}{:02}00", &pcode[..2], pi + 1);
            let name = if prefectures == 1 || (pcode == "500000" && pi == 0) {
                format!("{pname}市辖区")
            } else {
                g.place_name("市")
            };
            pref_refs.push(rref(&code, &name, RegionKind::City));
        }
        regions.push(RegionNode {
            format_version: FORMAT_VERSION,
            code: province.code.clone(),
            name: province.name.clone(),
            name_mn: None,
            name_latin: None,
            kind: RegionKind::Province,
            path: vec![country.clone()],
            children: pref_refs.clone(),
        });
        for pref in &pref_refs {
            let hub = g.stations.hub(pname, pref);
            for _ in 0..s.region_per_prefecture {
                let rep = vec![pref.code.clone(), pcode.to_string()];
                g.add(Level::Region, pref, rep, &pref.name, "", mongol, Some(hub));
            }
            let counties = g.rng.random_range(4..=12);
            let mut county_refs = Vec::new();
            for ci in 0..counties {
                let code = format!("{}{:02}", &pref.code[..4], ci + 1);
                let (suffix, kind) = if g.rng.random_bool(0.35) {
                    ("区", RegionKind::District)
                } else if mongol > 0.0 && g.rng.random_bool(0.3) {
                    ("旗", RegionKind::Banner)
                } else {
                    ("县", RegionKind::County)
                };
                let name = g.place_name(suffix);
                county_refs.push(rref(&code, &name, kind));
            }
            regions.push(RegionNode {
                format_version: FORMAT_VERSION,
                code: pref.code.clone(),
                name: pref.name.clone(),
                name_mn: None,
                name_latin: None,
                kind: RegionKind::City,
                path: vec![country.clone(), province.clone()],
                children: county_refs.clone(),
            });
            for county in &county_refs {
                let branch = g.stations.branch(pname, &pref.name, county, hub);
                for _ in 0..s.city_per_county {
                    let rep = vec![county.code.clone(), pref.code.clone()];
                    g.add(Level::City, county, rep, &county.name, "", mongol, Some(branch));
                }
                let towns = g.rng.random_range(6..=21);
                let mut town_refs = Vec::new();
                for ti in 0..towns {
                    let code = format!("{}{:03}", county.code, ti + 1);
                    let (suffix, kind) = match g.rng.random_range(0..10) {
                        0..=4 => ("镇", RegionKind::Town),
                        5..=7 => ("乡", RegionKind::Township),
                        _ => ("街道", RegionKind::Subdistrict),
                    };
                    let name = g.place_name(suffix);
                    town_refs.push(rref(&code, &name, kind));
                }
                regions.push(RegionNode {
                    format_version: FORMAT_VERSION,
                    code: county.code.clone(),
                    name: county.name.clone(),
                    name_mn: None,
                    name_latin: None,
                    kind: county.kind,
                    path: vec![country.clone(), province.clone(), pref.clone()],
                    children: town_refs.clone(),
                });
                for town in &town_refs {
                    let home = g.stations.home(&county.name, town, branch);
                    for _ in 0..s.county_per_township {
                        let rep = vec![town.code.clone(), county.code.clone()];
                        g.add(Level::County, town, rep, &county.name, &town.name, mongol, Some(home));
                    }
                    for _ in 0..s.township_per_township {
                        let rep = vec![town.code.clone()];
                        g.add(Level::Township, town, rep, &county.name, &town.name, mongol, Some(home));
                    }
                    regions.push(RegionNode {
                        format_version: FORMAT_VERSION,
                        code: town.code.clone(),
                        name: town.name.clone(),
                        name_mn: None,
                        name_latin: None,
                        kind: town.kind,
                        path: vec![country.clone(), province.clone(), pref.clone(), county.clone()],
                        children: Vec::new(),
                    });
                }
            }
        }
        progress.inc(1);
    }
    progress.finish_and_clear();
    // Stations, news and letters come from their own random stream, so the deputies and places
    // above stay as they were for a seed.
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5354_4154_494f_4e53);
    let stations = g.stations.finish(&g.deputies, &mut rng);
    let news = super::national_content::news(&g.deputies, &stations, &regions, &mut rng);
    let messages = super::national_content::letters(&g.deputies, &regions, &mut rng);
    World {
        site: SiteConfig {
            format_version: FORMAT_VERSION,
            name: "全国网上代表之家（规模演示）".to_string(),
            host: "演示数据".to_string(),
            region_code: COUNTRY_CODE.to_string(),
            region_name: COUNTRY_NAME.to_string(),
            contact: Contact {
                phone: "010-00000000".to_string(),
                email: "demo@example.invalid".to_string(),
                address: "演示地址".to_string(),
                hours: "工作日 8:30—12:00，14:30—18:00".to_string(),
            },
            submit_endpoint: None,
            message_categories: super::city::MESSAGE_CATEGORIES.iter().map(|s| s.to_string()).collect(),
            updated_at: super::city::DEMO_UPDATED_AT.to_string(),
            modules: None,
            reception_weeks: None,
            url: None,
            notice: Some(super::city::DEMO_NOTICE.into()),
        },
        regions,
        deputies: g.deputies,
        groups: GroupIndex { format_version: FORMAT_VERSION, groups: Vec::new() },
        stations,
        news,
        messages,
        consultations: Vec::new(),
        evaluation: None,
        map: None,
        activities: Vec::new(),
        joint: Vec::new(),
        training: None,
        suggestions: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_at_a_small_scale() {
        let w = generate_national(5, NationalScale::times(0.02), &indicatif::ProgressBar::hidden());
        let provinces = w.regions.iter().filter(|r| r.kind == RegionKind::Province).count();
        assert_eq!(provinces, 31);
        let prefectures = w.regions.iter().filter(|r| r.path.len() == 2).count();
        assert_eq!(prefectures, PROVINCES.iter().map(|p| p.2).sum::<usize>());
        let counties = w.regions.iter().filter(|r| r.path.len() == 3).count();
        let towns = w.regions.iter().filter(|r| r.path.len() == 4).count();
        assert!((2_000..3_600).contains(&counties), "{counties} counties");
        assert!((25_000..50_000).contains(&towns), "{towns} townships");
        for l in Level::ALL {
            assert!(w.deputies.iter().any(|d| d.summary.level == l));
        }
        let again = generate_national(5, NationalScale::times(0.02), &indicatif::ProgressBar::hidden());
        assert_eq!(w.deputies.last().map(|d| &d.summary), again.deputies.last().map(|d| &d.summary));
    }

    #[test]
    fn full_scale_totals_match_the_real_congresses() {
        // Expected deputies from the unit counts, without generating them all.
        let s = NationalScale::FULL;
        let prefectures: usize = PROVINCES.iter().map(|p| p.2).sum();
        let (counties, towns) = (prefectures as f64 * 8.0, prefectures as f64 * 8.0 * 13.5);
        let total = 31.0 * s.national_per_province as f64
            + prefectures as f64 * s.region_per_prefecture as f64
            + counties * s.city_per_county as f64
            + towns * (s.county_per_township + s.township_per_township) as f64;
        assert!((2.4e6..3.2e6).contains(&total), "{total}");
    }
}
