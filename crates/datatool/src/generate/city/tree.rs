//! The city's fixed structure, the same for every seed: the administrative tree (city,
//! 7 county-level units, 70 township-level units with sample villages), the deputy groups and
//! the liaison stations in four tiers (city hub, county branches, township homes, village
//! points).

use std::collections::HashMap;

use deputy_model::{
    DeputyGroup, FORMAT_VERSION, GroupKind, Level, RegionKind, RegionNode, RegionRef, Station, StationSummary,
    StationTier,
};

use super::super::bayannur::{self, CountyDef};
use super::super::seed_content;

pub(super) fn rref(code: &str, name: &str, kind: RegionKind) -> RegionRef {
    RegionRef { code: code.to_string(), name: name.to_string(), kind }
}

pub(super) fn town_code(county: &CountyDef, i: usize) -> String {
    format!("{}{:03}", county.code, i + 1)
}

fn village_code(town: &str, i: usize) -> String {
    format!("{}{:03}", town, i + 1)
}

/// The city itself.
pub(super) fn city() -> RegionRef {
    rref(bayannur::CITY_CODE, bayannur::CITY_NAME, RegionKind::City)
}

/// The administrative tree: the city, then each county-level unit followed by its townships.
pub(super) fn regions(city: &RegionRef) -> Vec<RegionNode> {
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
    regions
}

/// The deputy groups (代表小组), and the ids the deputies are put in.
pub(super) struct Groups {
    pub list: Vec<DeputyGroup>,
    /// The city's field groups; the first is the social one the seed newsletter names.
    pub field: Vec<String>,
    pub tienan: String,
    /// One area group per county-level unit, in `bayannur::COUNTIES`' order.
    pub county: Vec<String>,
}

pub(super) fn groups() -> Groups {
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
    Groups { list: groups, field: field_groups, tienan: tienan_group, county: county_groups }
}

/// The stations, and where a deputy's station is found.
pub(super) struct Network {
    pub stations: Vec<Station>,
    pub hub_id: String,
    /// Each county-level unit's branch, in `bayannur::COUNTIES`' order.
    pub branch_of: Vec<String>,
    /// Each township's home, by township code.
    pub home_of: HashMap<String, String>,
}

pub(super) fn stations(city: &RegionRef) -> Network {
    let mut stations: Vec<Station> = Vec::new();
    let hub_id = "s-150800".to_string();
    stations.push(station(
        &hub_id,
        "巴彦淖尔市人大代表联络总站",
        StationTier::CityHub,
        city,
        None,
        bayannur::CITY_SEAT_ADDRESS,
    ));
    let mut branch_of = Vec::new();
    let mut home_of = HashMap::new();
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
    Network { stations, hub_id, branch_of, home_of }
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
