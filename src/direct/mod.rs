//! 直通代表: find a deputy at any level by place or name, read their page (public Q&A,
//! responsiveness, reception days, QR code), write to them through the outbox, and follow the
//! reply by receipt code.

mod deputy;
mod directory;
mod labels;
mod name_search;
mod qa;
mod track;
mod write;

pub use deputy::{DeputyPage, StatsView};
pub use directory::DirectPage;
pub use labels::{level_label, rating_label, state_label};
pub use name_search::name_search;
pub use qa::QaPage;
pub use track::TrackPage;
pub use write::WritePage;

use deputy_model::DeputySummary;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::components::{FlatRoutes, Route};
use leptos_router::path;

use crate::i18n::*;
use crate::ui::NotFound;
use crate::ui::{PersonName, PlaceName, href};

/// A directory row: name (and Mongolian script name), level, place, post.
#[component]
pub fn DeputyCard(deputy: DeputySummary) -> impl IntoView {
    let i18n = use_i18n();
    let link = href(&format!("/direct/deputy/{}", deputy.id));
    let initial: String = deputy.name.chars().next().map(String::from).unwrap_or_default();
    let one_word = deputy.name_mn.is_some();
    view! {
        <li class="deputy-card">
            <span class="avatar" aria-hidden="true">{initial}</span>
            <div class="deputy-card-body">
                <A href=link attr:class="deputy-name">
                    <PersonName name=deputy.name.clone() one_word latin=deputy.name_latin.clone() />
                </A>
                {deputy.name_mn.clone().map(|mn| view! { <span class="name-mn" lang="mn-Mong">{mn}</span> })}
                <p class="deputy-meta">
                    <span class=format!("level-badge level-{}", deputy.level.key())>{level_label(i18n, deputy.level)}</span>
                    <span><PlaceName name=deputy.region_name.clone() /></span>
                </p>
                <p class="deputy-title">{deputy.title.clone()}</p>
            </div>
        </li>
    }
}

/// 直通代表's pages, by path.
/// Its own table, inside the module's code; each page is a split point (`src/split.rs`).
#[component]
pub fn DirectRoutes() -> impl IntoView {
    crate::ui::when_open(deputy_model::Module::Direct, || {
        view! {
            <FlatRoutes fallback=|| view! { <NotFound /> }>
                <Route path=path!("/direct") view=crate::split!(direct__home, lazy_direct_home, DirectPage) />
                <Route path=path!("/direct/deputy/:id") view=crate::split!(direct__deputy, lazy_direct_deputy, DeputyPage) />
                <Route path=path!("/direct/write/:id") view=crate::split!(direct__write, lazy_direct_write, WritePage) />
                <Route path=path!("/direct/track") view=crate::split!(direct__track, lazy_direct_track, TrackPage) />
                <Route path=path!("/direct/qa") view=crate::split!(direct__qa, lazy_direct_qa, QaPage) />
            </FlatRoutes>
        }
    })
}
