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
