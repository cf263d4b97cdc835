//! Links under the base path. The app can be hosted at `/` or under a folder such as
//! `/renda/`; leptos_router leaves absolute hrefs alone, so every in-app link goes through
//! [`href`], which puts the base in front.

use std::sync::OnceLock;

static BASE: OnceLock<String> = OnceLock::new();

/// The base path without a trailing slash ("" at the root, "/renda" under /renda/), read once
/// from the `<base href>` that trunk writes from `--public-url`.
pub fn base() -> &'static str {
    BASE.get_or_init(|| {
        let base = leptos::prelude::document().base_uri().ok().flatten().unwrap_or_default();
        let path = web_sys::Url::new(&base).map(|u| u.pathname()).unwrap_or_default();
        path.trim_end_matches('/').to_string()
    })
}

/// An app path ("/direct") as a link under the base ("/renda/direct").
pub fn href(path: &str) -> String {
    format!("{}{}", base(), path)
}

/// The app path of a location pathname: the base taken off.
pub fn app_path(pathname: &str) -> &str {
    let base = base();
    let rest = pathname.strip_prefix(base).filter(|r| r.is_empty() || r.starts_with('/')).unwrap_or(pathname);
    if rest.is_empty() { "/" } else { rest }
}

/// `?a=1&b=2` from the non-empty pairs (values URL-encoded); "" when all are empty. Filter
/// pages keep their state in the URL with it, so a filtered view can be shared and reloaded.
pub fn query_string(pairs: &[(&str, &str)]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", String::from(js_sys::encode_uri_component(v))))
        .collect();
    if parts.is_empty() { String::new() } else { format!("?{}", parts.join("&")) }
}

/// Replace the current URL's filter state without a new history entry or a scroll jump.
pub fn replace_query(navigate: &impl Fn(&str, leptos_router::NavigateOptions), path: &str, pairs: &[(&str, &str)]) {
    navigate(
        &href(&format!("{path}{}", query_string(pairs))),
        leptos_router::NavigateOptions { replace: true, scroll: false, ..Default::default() },
    );
}
