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

use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route};
use leptos_router::path;

use crate::ui::NotFound;

/// 建议提交's pages, by path.
/// Its own table, inside the module's code (see `module!` in `src/app.rs`).
#[component]
pub fn ProposalsRoutes() -> impl IntoView {
    view! {
        <FlatRoutes fallback=|| view! { <NotFound /> }>
            <Route path=path!("/proposals") view=ProposalsPage />
            <Route path=path!("/proposals/list") view=SuggestionListPage />
            <Route path=path!("/proposals/stats") view=SuggestionStatsPage />
            <Route path=path!("/proposals/write") view=WriteSuggestionPage />
            <Route path=path!("/proposals/cosign") view=CosignPage />
            <Route path=path!("/proposals/:id") view=SuggestionPage />
        </FlatRoutes>
    }
}
