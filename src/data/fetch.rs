use std::future::Future;
use std::pin::Pin;

use deputy_model::FORMAT_VERSION;
use deputy_model::json::{FromJson, Value};
use gloo_net::http::Request;

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
pub async fn fetch_json<T: FromJson>(path: &str) -> Result<T, DataError> {
    let value = fetch_value(path.to_string()).await?;
    T::from_json(&value).map_err(|e| wrong_shape(path, e.at))
}

/// Fetch and parse a data file. Boxed, so that fetching and parsing are compiled once and not
/// into every type's `fetch_json` (only reading the type is per type).
fn fetch_value(path: String) -> Pin<Box<dyn Future<Output = Result<Value, DataError>>>> {
    Box::pin(async move { parse(&path, &fetch_text(&path).await?) })
}

/// Decoding, separate from fetching so that it is tested without a network. The text is parsed
/// once; the version is read from it before the type (a newer file is reported as newer, not as
/// broken), and the type is read with `FromJson` (docs/performance.md, "JSON decoding").
pub fn decode<T: FromJson>(path: &str, text: &str) -> Result<T, DataError> {
    let value = parse(path, text)?;
    T::from_json(&value).map_err(|e| wrong_shape(path, e.at))
}

/// The text as JSON, of our format and of a version this app reads.
fn parse(path: &str, text: &str) -> Result<Value, DataError> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        if e.is_eof() {
            return DataError::Truncated(path.to_string());
        }
        // People see the catalog's message; where the file went wrong goes to the browser
        // console, for whoever repairs it. (Not serde_json's own message: formatting it costs
        // the home page's download about 2 KB, docs/performance.md.)
        leptos::logging::warn!("data/{path}: not JSON at line {}, column {}", e.line(), e.column());
        DataError::WrongType(path.to_string())
    })?;
    if !value.is_object() {
        return Err(wrong_shape(path, "the top level"));
    }
    match value.get("format_version").filter(|v| !v.is_null()).map(u32::from_json) {
        None => return Err(DataError::MissingVersion(path.to_string())),
        Some(Err(_)) => return Err(wrong_shape(path, "format_version")),
        Some(Ok(found)) if found > FORMAT_VERSION => {
            return Err(DataError::NewerVersion { found, supported: FORMAT_VERSION });
        }
        Some(Ok(_)) => {}
    }
    Ok(value)
}

fn wrong_shape(path: &str, at: &str) -> DataError {
    leptos::logging::warn!("data/{path}: not of the expected shape at {at}");
    DataError::WrongType(path.to_string())
}
