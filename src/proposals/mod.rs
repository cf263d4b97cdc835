//! 建议提交: deputies write suggestions (代表建议) step by step on a phone, invite co-signers
//! who confirm by link and code, and submit through the outbox; the public follows every
//! published suggestion to its result (list with filters, page with timeline and deadline
//! clock, yearly summaries as charts with tables).

mod cosign;
mod deadline;
mod detail;
mod doc;
mod drafts;
mod labels;
mod landing;
mod list;
mod picker;
mod stats;
mod timeline;
mod write;

pub use cosign::CosignPage;
pub use detail::SuggestionPage;
pub use landing::ProposalsPage;
pub use list::SuggestionListPage;
pub use stats::SuggestionStatsPage;
pub use write::WriteSuggestionPage;
