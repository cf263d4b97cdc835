//! Liaison stations in four tiers, and their reception schedules.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum StationTier {
    /// 市级人大代表联络总站
    CityHub,
    /// 旗县区人大代表联络分站
    CountyBranch,
    /// 乡镇街道人大代表之家
    TownshipHome,
    /// 村组社区人大代表联络点
    VillagePoint,
}

impl StationTier {
    pub const ALL: [StationTier; 4] =
        [StationTier::CityHub, StationTier::CountyBranch, StationTier::TownshipHome, StationTier::VillagePoint];
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StationSummary {
    pub id: String,
    pub name: String,
    pub tier: StationTier,
    pub region_code: String,
    pub region_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<String>,
}

/// A deputy on duty at a station on a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Reception {
    /// Date in Asia/Shanghai, `YYYY-MM-DD`.
    pub date: String,
    /// Local time range, e.g. "09:00-12:00".
    pub time: String,
    pub deputy_id: String,
    pub deputy_name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Station {
    pub format_version: u32,
    #[serde(flatten)]
    pub summary: StationSummary,
    pub address: String,
    pub phone: String,
    pub opening_hours: String,
    pub deputy_ids: Vec<String>,
    pub receptions: Vec<Reception>,
}

/// `data/stations/index.json`: the station tree of the site's region, as summaries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StationIndex {
    pub format_version: u32,
    pub stations: Vec<StationSummary>,
}

/// One reception in a week's list: where, when, who.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WeekReception {
    pub date: String,
    pub time: String,
    pub station_id: String,
    pub station_name: String,
    pub tier: StationTier,
    pub deputy_id: String,
    pub deputy_name: String,
}

/// `data/receptions/{monday}.json`: every reception of the week starting that Monday
/// (Asia/Shanghai), for the home page's "本周接待".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WeekReceptions {
    pub format_version: u32,
    pub week_start: String,
    pub receptions: Vec<WeekReception>,
}

/// The Monday of the week a date falls in (weeks run Monday to Sunday, as in China).
pub fn week_start(d: time::Date) -> time::Date {
    d - time::Duration::days(d.weekday().number_days_from_monday() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_start_on_monday() {
        let d = crate::clock::parse_date("2026-11-28").unwrap(); // a Saturday
        assert_eq!(crate::clock::format_date(week_start(d)), "2026-11-23");
        let m = crate::clock::parse_date("2026-11-23").unwrap();
        assert_eq!(week_start(m), m);
        let s = crate::clock::parse_date("2026-11-29").unwrap(); // Sunday
        assert_eq!(crate::clock::format_date(week_start(s)), "2026-11-23");
    }
}
