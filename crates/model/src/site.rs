//! `data/site.json`: who runs the site and how to reach them.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SiteConfig {
    pub format_version: u32,
    /// Site name shown in the header, e.g. "巴彦淖尔市网上代表之家".
    pub name: String,
    /// The host organisation, e.g. "巴彦淖尔市人大常委会".
    pub host: String,
    /// Administrative code of the region the site covers; its tree starts at `regions/{code}.json`.
    pub region_code: String,
    pub region_name: String,
    pub contact: Contact,
    /// Where the outbox POSTs submissions as JSON. Without it submissions stay on the device and
    /// the user can download them or send them by email to `contact.email`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submit_endpoint: Option<String>,
    /// Categories a citizen can choose when writing to a deputy.
    pub message_categories: Vec<String>,
    /// When the data was last built (RFC 3339).
    pub updated_at: String,
    /// The services this site runs. Absent: all of them (data written before the field). The
    /// app leaves the others out of its menus and answers their pages with 暂未开通; `build`
    /// derives the list from the source files when `site.json` does not give it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modules: Option<Vec<Module>>,
    /// The weeks that have a `receptions/{monday}.json`: every week from `first` to `last`
    /// (written by `build`, which writes a file for each of them, empty or not). Absent: no
    /// receptions at all. The home page's 本周接待 asks for this week's file only inside it, so
    /// a week without one costs no request and logs no 404.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reception_weeks: Option<WeekSpan>,
    /// The site's public address (`https://…/`, with the base path): links in the open data's
    /// feeds. When it is given, `build` writes the open data (`export/`) with every release.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A line at the foot of every page, as the host wants it (the demo data says that it is a
    /// demo and its names are made up). Absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<String>,
}

/// A run of weeks, each named by its Monday (YYYY-MM-DD, Asia/Shanghai).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WeekSpan {
    pub first: String,
    pub last: String,
}

impl WeekSpan {
    /// Whether the week starting `monday` (YYYY-MM-DD) is in the span.
    pub fn contains(&self, monday: &str) -> bool {
        self.first.as_str() <= monday && monday <= self.last.as_str()
    }
}

impl SiteConfig {
    /// Whether the site runs `module` (every module when the site does not say).
    pub fn runs(&self, module: Module) -> bool {
        self.modules.as_ref().is_none_or(|list| list.contains(&module))
    }
}

/// A service a site can run or not yet: the five modules, and two parts of 阳光履职 that need
/// data of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Module {
    /// 直通代表
    Direct,
    /// 征求意见
    Consult,
    /// 阳光履职
    Duties,
    /// 代表培训 (needs `training/index.json`)
    Training,
    /// 建议提交
    Proposals,
    /// 阳光履职's map of the 旗县区 (needs `map.json`)
    Map,
    /// 阳光履职's 履职评议 (needs `evaluation.json`)
    Evaluation,
}

impl Module {
    pub const ALL: [Module; 7] = [
        Module::Direct,
        Module::Consult,
        Module::Duties,
        Module::Training,
        Module::Proposals,
        Module::Map,
        Module::Evaluation,
    ];

    /// The name used in `site.json`.
    pub fn key(self) -> &'static str {
        match self {
            Module::Direct => "direct",
            Module::Consult => "consult",
            Module::Duties => "duties",
            Module::Training => "training",
            Module::Proposals => "proposals",
            Module::Map => "map",
            Module::Evaluation => "evaluation",
        }
    }

    /// The served file a running module cannot do without, if it needs one beyond the core.
    pub fn needs_file(self) -> Option<&'static str> {
        match self {
            Module::Training => Some("training/index.json"),
            Module::Map => Some("map.json"),
            Module::Evaluation => Some("evaluation.json"),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Contact {
    pub phone: String,
    pub email: String,
    pub address: String,
    /// Office hours as shown to people, e.g. "工作日 8:30—12:00，14:30—18:00".
    pub hours: String,
}
