//! The one place that fetches and decodes the static JSON backend. Every request goes through
//! [`fetch_json`], which turns each way a file can be wrong into a [`DataError`] that the UI
//! shows as a clear Chinese message with a retry.

mod error;
mod fetch;
mod resource;

pub use error::DataError;
pub use fetch::{decode, fetch_json, fetch_text};
pub use resource::{AnyValue, DataResource, downcast};

use deputy_model::{NewsArticle, NewsSummary, Page, SiteConfig};
use leptos::prelude::*;

/// The site config, loaded once by the shell and shared by every page.
#[derive(Clone, Copy)]
pub struct Site(pub DataResource<SiteConfig>);

pub fn use_site() -> Site {
    expect_context::<Site>()
}

impl Site {
    /// The config when it has loaded.
    pub fn config(&self) -> Option<SiteConfig> {
        self.0.get().and_then(|r| r.ok())
    }

    /// Whether the site runs `module`: `None` until its settings have loaded.
    pub fn runs(&self, module: deputy_model::Module) -> Option<bool> {
        self.config().map(|c| c.runs(module))
    }
}

pub async fn news_page(page: u32) -> Result<Page<NewsSummary>, DataError> {
    fetch_json(&format!("news/page-{page}.json")).await
}

pub async fn news_article(id: String) -> Result<NewsArticle, DataError> {
    if !is_safe_id(&id) {
        return Err(DataError::NotFound(format!("news/{id}.json")));
    }
    fetch_json(&format!("news/{id}.json")).await
}

/// Ids come from URLs; only plain ids may become file paths.
pub fn is_safe_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

// ---- 直通代表 ----

use deputy_model::deputy::{GroupIndex, PlaceDeputies};
use deputy_model::message::{DeputyMessages, MessageRecord, MessageStats, PublicMessage};
use deputy_model::search::SearchMeta;
use deputy_model::station::StationIndex;
use deputy_model::{Deputy, DeputySummary, Level, RegionNode, Station};

fn checked(id: &str, path: String) -> Result<String, DataError> {
    if is_safe_id(id) { Ok(path) } else { Err(DataError::NotFound(path)) }
}

pub async fn region(code: String) -> Result<RegionNode, DataError> {
    fetch_json(&checked(&code, format!("regions/{code}.json"))?).await
}

pub async fn place(code: String) -> Result<PlaceDeputies, DataError> {
    fetch_json(&checked(&code, format!("places/{code}.json"))?).await
}

pub async fn deputy(id: String) -> Result<Deputy, DataError> {
    fetch_json(&checked(&id, format!("deputies/{id}.json"))?).await
}

pub async fn station(id: String) -> Result<Station, DataError> {
    fetch_json(&checked(&id, format!("stations/{id}.json"))?).await
}

pub async fn station_index() -> Result<StationIndex, DataError> {
    fetch_json("stations/index.json").await
}

pub async fn groups() -> Result<GroupIndex, DataError> {
    fetch_json("groups.json").await
}

pub async fn level_page(level: Level, page: u32) -> Result<Page<DeputySummary>, DataError> {
    fetch_json(&format!("levels/{}/page-{page}.json", level.key())).await
}

pub async fn search_meta() -> Result<SearchMeta, DataError> {
    fetch_json("search/meta.json").await
}

/// A file of the name index by the path the model's router gave (`search/py/wangw.json`,
/// `search/ini/keys-w.json`); anything else is refused before it becomes a URL.
pub async fn search_file<T: deputy_model::json::FromJson>(path: String) -> Result<T, DataError> {
    if !is_search_path(&path) {
        return Err(DataError::NotFound(path));
    }
    fetch_json(&path).await
}

pub fn is_search_path(path: &str) -> bool {
    let Some(rest) = path.strip_prefix("search/py/").or_else(|| path.strip_prefix("search/ini/")) else {
        return false;
    };
    rest.strip_suffix(".json").is_some_and(is_safe_id)
}

/// A deputy's Q&A; a deputy nobody has written to has no file, which means no letters yet.
/// `exists` is what the deputy's file says (`Deputy::has_messages`): when it says there is no
/// file, none is asked for; data from before that field is asked and a 404 read as none.
pub async fn deputy_messages(id: String, exists: Option<bool>) -> Result<DeputyMessages, DataError> {
    let none = |id: String| DeputyMessages {
        format_version: deputy_model::FORMAT_VERSION,
        deputy_id: id,
        stats: Default::default(),
        messages: Vec::new(),
    };
    if exists == Some(false) && is_safe_id(&id) {
        return Ok(none(id));
    }
    match fetch_json(&checked(&id, format!("messages/deputy/{id}.json"))?).await {
        Err(DataError::NotFound(_)) if is_safe_id(&id) && exists.is_none() => Ok(none(id)),
        other => other,
    }
}

/// A letter's record by receipt code; `Ok(None)` while the station has not published it.
pub async fn track(code: String) -> Result<Option<MessageRecord>, DataError> {
    match fetch_json(&checked(&code, format!("track/{code}.json"))?).await {
        Ok(r) => Ok(Some(r)),
        Err(DataError::NotFound(_)) => Ok(None),
        Err(e) => Err(e),
    }
}

pub async fn qa_page(page: u32) -> Result<Page<PublicMessage>, DataError> {
    fetch_json(&format!("messages/page-{page}.json")).await
}

pub async fn message_stats() -> Result<MessageStats, DataError> {
    fetch_json("messages/stats.json").await
}

// ---- 征求意见 ----

use deputy_model::consult::{Consultation, ConsultationIndex};

pub async fn consultations() -> Result<ConsultationIndex, DataError> {
    fetch_json("consultations/index.json").await
}

pub async fn consultation(id: String) -> Result<Consultation, DataError> {
    fetch_json(&checked(&id, format!("consultations/{id}.json"))?).await
}

// ---- 阳光履职 ----

use deputy_model::station::WeekReceptions;

pub async fn week_receptions(monday: String) -> Result<WeekReceptions, DataError> {
    fetch_json(&checked(&monday, format!("receptions/{monday}.json"))?).await
}

// ---- 阳光履职: map, 履职评议, news by kind ----

use deputy_model::NewsKind;
use deputy_model::evaluation::Evaluation;
use deputy_model::map::RegionMap;

pub async fn region_map() -> Result<RegionMap, DataError> {
    fetch_json("map.json").await
}

pub async fn evaluation() -> Result<Evaluation, DataError> {
    fetch_json("evaluation.json").await
}

/// News of one kind, or all news when `kind` is `None`.
pub async fn news_kind_page(kind: Option<NewsKind>, page: u32) -> Result<Page<NewsSummary>, DataError> {
    match kind {
        None => news_page(page).await,
        Some(NewsKind::Work) => fetch_json(&format!("news/work/page-{page}.json")).await,
        Some(NewsKind::Profile) => fetch_json(&format!("news/profile/page-{page}.json")).await,
    }
}

// ---- 阳光履职: duty records ----

use deputy_model::activity::{DeputyActivities, PlaceJoint};
use deputy_model::activity_stats::ScopeStats;

pub async fn activities(id: String) -> Result<DeputyActivities, DataError> {
    fetch_json(&checked(&id, format!("activities/{id}.json"))?).await
}

pub async fn joint(code: String) -> Result<PlaceJoint, DataError> {
    fetch_json(&checked(&code, format!("joint/{code}.json"))?).await
}

/// Statistics of one scope (see `deputy_model::activity_stats::scope_key`).
pub async fn activity_stats(key: String) -> Result<ScopeStats, DataError> {
    fetch_json(&checked(&key, format!("activity-stats/{key}.json"))?).await
}

// ---- 代表培训 ----

use deputy_model::training::{Course, Lesson, TrainingIndex};

pub async fn training_index() -> Result<TrainingIndex, DataError> {
    fetch_json("training/index.json").await
}

pub async fn training_course(id: String) -> Result<Course, DataError> {
    fetch_json(&checked(&id, format!("training/courses/{id}.json"))?).await
}

pub async fn training_lesson(id: String) -> Result<Lesson, DataError> {
    fetch_json(&checked(&id, format!("training/lessons/{id}.json"))?).await
}

// ---- 建议提交 ----

use deputy_model::suggestion::{Suggestion, SuggestionIndex, SuggestionYear, YearSummary};

pub async fn suggestion_index() -> Result<SuggestionIndex, DataError> {
    fetch_json("suggestions/index.json").await
}

/// One year's suggestions. `listed`: whether the index lists the year (`SuggestionIndex::lists`);
/// a year it does not (none yet, or an old link) has none, and no file is asked for.
pub async fn suggestion_year(year: i32, listed: bool) -> Result<SuggestionYear, DataError> {
    if !listed {
        return Ok(SuggestionYear::empty(year));
    }
    fetch_json(&format!("suggestions/year/{year}.json")).await
}

/// One year's statistics; for a year the index does not list, the counts of no suggestion.
pub async fn suggestion_stats(year: i32, listed: bool) -> Result<YearSummary, DataError> {
    if !listed {
        return Ok(deputy_model::suggestion::summarize(year, &[]));
    }
    fetch_json(&format!("suggestions/stats/{year}.json")).await
}

pub async fn suggestion(id: String) -> Result<Suggestion, DataError> {
    fetch_json(&checked(&id, format!("suggestions/{id}.json"))?).await
}
