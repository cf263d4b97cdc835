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
/// Its own table, inside the module's code; each page is a split point (`src/split.rs`).
#[component]
pub fn ProposalsRoutes() -> impl IntoView {
    crate::ui::when_open(deputy_model::Module::Proposals, || {
        view! {
            <FlatRoutes fallback=|| view! { <NotFound /> }>
                <Route path=path!("/proposals") view=crate::split!(proposals__home, lazy_proposals_home, ProposalsPage) />
                <Route path=path!("/proposals/list") view=crate::split!(proposals__list, lazy_proposals_list, SuggestionListPage) />
                <Route path=path!("/proposals/stats") view=crate::split!(proposals__stats, lazy_proposals_stats, SuggestionStatsPage) />
                <Route path=path!("/proposals/write") view=crate::split!(proposals__write, lazy_proposals_write, WriteSuggestionPage) />
                <Route path=path!("/proposals/cosign") view=crate::split!(proposals__cosign, lazy_proposals_cosign, CosignPage) />
                <Route path=path!("/proposals/:id") view=crate::split!(proposals__suggestion, lazy_proposals_suggestion, SuggestionPage) />
            </FlatRoutes>
        }
    })
}
