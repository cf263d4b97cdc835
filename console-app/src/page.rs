//! What every page of the console uses: its data fetched into a signal (a "signed out" answer
//! shows the sign-in form) and shown as loading, loaded or failed with a retry.

use deputy_app_kit::api;
use leptos::prelude::*;

pub use deputy_app_kit::loaded;

/// Fetch `path` into `data` (and show the sign-in if the session ended).
pub fn fetch<T: serde::de::DeserializeOwned + Send + Sync + 'static>(
    session: crate::session::Session,
    path: &'static str,
    data: RwSignal<Option<Result<T, api::Failure>>>,
) {
    deputy_app_kit::fetch(path, data, move |f| session.check(f));
}
