//! Liaison stations in four tiers, and their reception schedules.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Reception {
    /// Date in Asia/Shanghai, `YYYY-MM-DD`.
    pub date: String,
    /// Local time range, e.g. "09:00-12:00".
    pub time: String,
    pub deputy_id: String,
    pub deputy_name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StationIndex {
    pub format_version: u32,
    pub stations: Vec<StationSummary>,
}
