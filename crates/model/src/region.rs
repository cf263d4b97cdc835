//! The administrative tree: city → 旗县区 → 苏木乡镇/街道 → 嘎查村/社区, one file per node
//! (`data/regions/{code}.json`) holding the node, its ancestors and its children, so that a
//! place picker fetches one small file per step at any scale.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RegionKind {
    /// The whole country: the root of a national data set.
    Country,
    Province,
    City,
    /// 区
    District,
    /// 县
    County,
    /// 旗
    Banner,
    /// 街道
    Subdistrict,
    /// 镇
    Town,
    /// 乡
    Township,
    /// 苏木
    Sumu,
    /// 村
    Village,
    /// 嘎查
    Gacha,
    /// 社区
    Community,
}

impl RegionKind {
    /// Tier in the tree: 0 country or province, 1 city, 2 county level, 3 township level, 4 village level.
    pub fn tier(self) -> u8 {
        use RegionKind::*;
        match self {
            Country | Province => 0,
            City => 1,
            District | County | Banner => 2,
            Subdistrict | Town | Township | Sumu => 3,
            Village | Gacha | Community => 4,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RegionRef {
    pub code: String,
    pub name: String,
    pub kind: RegionKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RegionNode {
    pub format_version: u32,
    pub code: String,
    pub name: String,
    /// The name in traditional Mongolian script, where the region has an official one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_mn: Option<String>,
    /// The official name in Latin letters where it is not the pinyin ("Urad Front Banner" for
    /// 乌拉特前旗, "Bayannur" for 巴彦淖尔市). Others are spelt from `latin.json`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_latin: Option<String>,
    pub kind: RegionKind,
    /// Ancestors from the top of the tree down to the parent.
    pub path: Vec<RegionRef>,
    pub children: Vec<RegionRef>,
}
