//! Deputies (人大代表) at five levels, and the groups (代表小组) they are organised in.

use serde::{Deserialize, Serialize};

/// The five levels of people's congress deputies, from national down to township.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 全国人大代表
    National,
    /// 自治区人大代表
    Region,
    /// 市人大代表
    City,
    /// 旗县区人大代表
    County,
    /// 苏木乡镇人大代表
    Township,
}

impl Level {
    pub const ALL: [Level; 5] = [Level::National, Level::Region, Level::City, Level::County, Level::Township];

    /// Stable key used in URLs and file names.
    pub fn key(self) -> &'static str {
        match self {
            Level::National => "national",
            Level::Region => "region",
            Level::City => "city",
            Level::County => "county",
            Level::Township => "township",
        }
    }

    pub fn from_key(key: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.key() == key)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Female,
    Male,
}

/// What a directory row needs: small, so that lists of hundreds stay light.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DeputySummary {
    pub id: String,
    pub name: String,
    /// The name in traditional Mongolian script, for Mongolian deputies who have one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_mn: Option<String>,
    /// The name in Latin letters where it is not its pinyin: a Mongolian name's own
    /// transcription ("Narantsetseg" for 娜仁其其格). Others are spelt from `latin.json`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_latin: Option<String>,
    pub level: Level,
    /// The region whose people this deputy represents (选区 or electing unit).
    pub region_code: String,
    pub region_name: String,
    /// Occupation and post, e.g. "临河区司法局人民调解中心主任".
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub station_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Deputy {
    pub format_version: u32,
    #[serde(flatten)]
    pub summary: DeputySummary,
    pub gender: Gender,
    /// 民族, e.g. "蒙古族".
    pub ethnicity: String,
    /// Term of office, e.g. "第五届".
    pub term: String,
    /// The constituency as people say it, e.g. "临河区新华镇第三选区".
    pub constituency: String,
    /// Photo URL relative to the data folder; absent means the app draws initials.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<String>,
    pub bio: String,
    /// Every region this deputy represents, by code, from the constituency up; the place
    /// index (`places/{code}.json`) is built from this.
    pub represents: Vec<String>,
    /// Whether `messages/deputy/{id}.json` exists (someone has written to this deputy), so that
    /// the app never asks for a file that is not there. The data tool always says; absent (data
    /// from before this field), the app asks and reads a missing file as "no letters yet".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_messages: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    /// Organised by area (e.g. 铁南办人大代表小组).
    Area,
    /// Organised by field (e.g. 社会建设领域代表小组).
    Field,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DeputyGroup {
    pub id: String,
    pub name: String,
    pub kind: GroupKind,
    pub level: Level,
    pub member_count: u32,
}

/// `data/groups.json`: all deputy groups (a city has dozens, not thousands).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GroupIndex {
    pub format_version: u32,
    pub groups: Vec<DeputyGroup>,
}

/// `data/places/{code}.json`: every deputy who represents a place, at every level, so a citizen
/// who picks where they live sees all of them from one file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PlaceDeputies {
    pub format_version: u32,
    pub region_code: String,
    pub region_name: String,
    pub deputies: Vec<DeputySummary>,
}
