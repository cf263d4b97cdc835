//! The published record of a suggestion: signers, the letter it grew out of, the list line and
//! the yearly index.

use super::*;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Signer {
    pub deputy_id: String,
    pub name: String,
    /// Co-signers confirm; the lead is always confirmed.
    pub confirmed: bool,
}

/// The letter (直通代表) a suggestion grew out of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FromMessage {
    /// The public Q&A id (`m-…`).
    pub id: String,
    pub subject: String,
    /// The deputy whose Q&A shows it.
    pub deputy_id: String,
}

/// One line of a list: what filters and cards need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SuggestionSummary {
    /// `{year}-{nnnn}`
    pub id: String,
    pub title: String,
    pub category: String,
    pub year: i32,
    pub lead: String,
    pub status: Status,
    pub submitted: String,
    /// 主办单位 once assigned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_unit: Option<String>,
    /// The reply's due date while one is awaited (derived from the events; the days left are
    /// computed in the app from today).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
}

/// `data/suggestions/{id}.json`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Suggestion {
    pub format_version: u32,
    pub id: String,
    pub title: String,
    pub category: String,
    pub lead: Signer,
    #[serde(default)]
    pub cosigners: Vec<Signer>,
    /// 情况, in paragraphs.
    pub facts: Vec<String>,
    /// 分析, in paragraphs.
    pub analysis: Vec<String>,
    /// 具体意见, numbered in display.
    pub proposals: Vec<String>,
    /// The unit the deputy suggested for handling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggested_unit: Option<String>,
    /// Attachments by reference (title or file name).
    #[serde(default)]
    pub attachments: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_message: Option<FromMessage>,
    /// A news article about its handling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub news_id: Option<String>,
    pub events: Vec<SuggestionEvent>,
}

impl Suggestion {
    pub fn handling(&self) -> Result<Handling, TransitionError> {
        handling(&self.events)
    }

    pub fn submitted(&self) -> &str {
        self.events.first().map(|e| e.date()).unwrap_or("")
    }

    pub fn year(&self) -> i32 {
        self.submitted().get(..4).and_then(|y| y.parse().ok()).unwrap_or(0)
    }

    pub fn lead_unit(&self) -> Option<&str> {
        self.events.iter().find_map(|e| match e {
            SuggestionEvent::Assigned { lead_unit, .. } => Some(lead_unit.as_str()),
            _ => None,
        })
    }

    pub fn last_rating(&self) -> Option<Rating> {
        self.events.iter().rev().find_map(|e| match e {
            SuggestionEvent::Rated { rating, .. } => Some(*rating),
            _ => None,
        })
    }

    pub fn summary(&self) -> Option<SuggestionSummary> {
        let h = self.handling().ok()?;
        Some(SuggestionSummary {
            id: self.id.clone(),
            title: self.title.clone(),
            category: self.category.clone(),
            year: self.year(),
            lead: self.lead.name.clone(),
            status: h.status,
            submitted: self.submitted().to_string(),
            lead_unit: self.lead_unit().map(str::to_string),
            due: h.due().map(clock::format_date),
            rating: self.last_rating(),
        })
    }
}

/// `data/suggestions/index.json`: what the filter form offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SuggestionIndex {
    pub format_version: u32,
    /// Newest first.
    pub years: Vec<i32>,
    pub categories: Vec<String>,
    pub units: Vec<String>,
}

impl SuggestionIndex {
    /// The year the list and the statistics show first: the newest with suggestions, or
    /// `this_year` while there are none (a new station's first day).
    pub fn newest_year(&self, this_year: i32) -> i32 {
        self.years.first().copied().unwrap_or(this_year)
    }

    /// Whether the build wrote `year/{year}.json` and `stats/{year}.json`: it does for the years
    /// the index lists, and no other year has a suggestion.
    pub fn lists(&self, year: i32) -> bool {
        self.years.contains(&year)
    }
}

/// `data/suggestions/year/{year}.json`: every suggestion of one year, newest first — one
/// small file per list view (a year holds some hundred lines).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SuggestionYear {
    pub format_version: u32,
    pub year: i32,
    pub suggestions: Vec<SuggestionSummary>,
}

impl SuggestionYear {
    /// A year without suggestions: what a year the index does not list holds.
    pub fn empty(year: i32) -> Self {
        SuggestionYear { format_version: crate::FORMAT_VERSION, year, suggestions: Vec::new() }
    }
}
