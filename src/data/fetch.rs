use deputy_model::FORMAT_VERSION;
use deputy_model::version::{VersionCheck, check_version};
use gloo_net::http::Request;
use serde::de::DeserializeOwned;

use super::DataError;

/// Fetch `data/{path}` relative to the document's base URL, so the app works from any base
/// path (`/` or `/renda/`) without knowing it.
pub async fn fetch_text(path: &str) -> Result<String, DataError> {
    let url = format!("data/{path}");
    let resp = Request::get(&url).send().await.map_err(|_| DataError::Network)?;
    // Offline, the service worker answers with the copy it kept, marked with when it was fetched.
    crate::ui::note_cached_at(resp.headers().get("x-offline-cached-at"));
    match resp.status() {
        200..=299 => {}
        404 | 410 => return Err(DataError::NotFound(path.to_string())),
        s => return Err(DataError::Http(s)),
    }
    // A connection cut mid-body fails here; treat it as the network's fault.
    resp.text().await.map_err(|_| DataError::Network)
}

/// Fetch and decode one data file, checking its format version first.
pub async fn fetch_json<T: DeserializeOwned>(path: &str) -> Result<T, DataError> {
    let text = fetch_text(path).await?;
    decode(path, &text)
}

/// Decoding, separate from fetching so that it is tested without a network.
pub fn decode<T: DeserializeOwned>(path: &str, text: &str) -> Result<T, DataError> {
    match check_version(text) {
        Err(e) if e.is_eof() => return Err(DataError::Truncated(path.to_string())),
        Err(e) => return Err(wrong_shape(path, &e)),
        Ok(VersionCheck::Newer(found)) => {
            return Err(DataError::NewerVersion { found, supported: FORMAT_VERSION });
        }
        Ok(VersionCheck::Missing) => return Err(DataError::MissingVersion(path.to_string())),
        Ok(VersionCheck::Supported) => {}
    }
    serde_json::from_str(text)
        .map_err(|e| if e.is_eof() { DataError::Truncated(path.to_string()) } else { wrong_shape(path, &e) })
}

/// People see the catalog's message; where the file went wrong goes to the browser console, for
/// whoever repairs it. (Not serde_json's own message: formatting it costs the home page's
/// download about 2 KB, docs/performance.md.)
fn wrong_shape(path: &str, e: &serde_json::Error) -> DataError {
    leptos::logging::warn!("data/{path}: not of the expected shape at line {}, column {}", e.line(), e.column());
    DataError::WrongType(path.to_string())
}
