//! How many items a page of each paged list holds (docs/data-format.md, "Paging").

/// `news/page-{n}.json` and `news/{kind}/page-{n}.json`.
pub const NEWS_PAGE_SIZE: usize = 10;
/// `levels/{level}/page-{n}.json`.
pub const LEVEL_PAGE_SIZE: usize = 50;
/// `messages/page-{n}.json`.
pub const QA_PAGE_SIZE: usize = 20;
