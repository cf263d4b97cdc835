//! The one place that fetches and decodes the static JSON backend. Every request goes through
//! [`fetch_json`], which turns each way a file can be wrong into a [`DataError`] that the UI
//! shows as a clear Chinese message with a retry.

mod error;
mod fetch;

pub use error::DataError;
pub use fetch::{decode, fetch_json, fetch_text};

use deputy_model::{NewsArticle, NewsSummary, Page, SiteConfig};
use leptos::prelude::*;

/// A data request as a resource: `None` while loading.
pub type DataResource<T> = LocalResource<Result<T, DataError>>;

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
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}
