//! What every page of the workspace uses: its data fetched into a signal (a "signed out"
//! answer shows the sign-in), times in Beijing time, and a deputy's level as the catalog says it.

use deputy_app_kit::api;
use deputy_model::deputy::Level;
use leptos::prelude::*;

use crate::i18n::t;

/// A deputy's level, as the catalog says it.
pub fn level_name(level: Level) -> String {
    match level {
        Level::National => t("level.national"),
        Level::Region => t("level.region"),
        Level::City => t("level.city"),
        Level::County => t("level.county"),
        Level::Township => t("level.township"),
    }
}

/// Fetch `path` into `data` (and show the sign-in if the session ended).
pub fn fetch<T: serde::de::DeserializeOwned + Send + Sync + 'static>(
    session: crate::session::Session,
    path: &'static str,
    data: RwSignal<Option<Result<T, api::Failure>>>,
) {
    deputy_app_kit::fetch(path, data, move |f| session.check(f));
}

/// `YYYY-MM-DD HH:MM` in Beijing time, or the text as it is when it is no time.
pub fn when(at: &str) -> String {
    deputy_model::clock::parse_timestamp(at)
        .map(deputy_model::clock::format_date_time)
        .unwrap_or_else(|| at.to_string())
}
