//! The served files of the suggestion module (建议提交):
//!
//! ```text
//! suggestions/index.json         years (newest first), categories, handling units: the filter form
//! suggestions/year/{year}.json   every suggestion of a year as list lines (one small file a list view)
//! suggestions/stats/{year}.json  counts by status, category and unit; on-time and satisfaction per unit
//! suggestions/{id}.json          one suggestion: full text, co-signers, handling events
//! ```

use deputy_model::FORMAT_VERSION;
use deputy_model::suggestion::{CATEGORIES, SuggestionIndex, SuggestionSummary, SuggestionYear, summarize};

use crate::world::World;

/// Every suggestion file as (relative path, value), for `layout::files` to serialize.
pub fn files(world: &World) -> anyhow::Result<Vec<(String, serde_json::Value)>> {
    let mut out = Vec::new();
    let summaries: Vec<SuggestionSummary> = world.suggestions.iter().filter_map(|s| s.summary()).collect();
    let mut years: Vec<i32> = summaries.iter().map(|s| s.year).collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    let mut units: Vec<String> = summaries.iter().filter_map(|s| s.lead_unit.clone()).collect();
    units.sort();
    units.dedup();
    let index = SuggestionIndex {
        format_version: FORMAT_VERSION,
        years: years.clone(),
        categories: CATEGORIES.iter().map(|c| c.to_string()).collect(),
        units,
    };
    out.push(("suggestions/index.json".to_string(), serde_json::to_value(&index)?));
    for &year in &years {
        let mut list: Vec<SuggestionSummary> = summaries.iter().filter(|s| s.year == year).cloned().collect();
        list.sort_by(|a, b| b.submitted.cmp(&a.submitted).then_with(|| b.id.cmp(&a.id)));
        let file = SuggestionYear { format_version: FORMAT_VERSION, year, suggestions: list };
        out.push((format!("suggestions/year/{year}.json"), serde_json::to_value(&file)?));
        out.push((
            format!("suggestions/stats/{year}.json"),
            serde_json::to_value(summarize(year, &world.suggestions))?,
        ));
    }
    for s in &world.suggestions {
        out.push((format!("suggestions/{}.json", s.id), serde_json::to_value(s)?));
    }
    Ok(out)
}
