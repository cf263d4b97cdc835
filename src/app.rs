//! Routes and the shell. Each route is one page component in its module's folder: the main
//! table has the home page and one wildcard route per module, whose view is the module's own
//! table (`direct::DirectRoutes`, …); with the `split` feature each of those is fetched on first
//! use (`src/split.rs`).

use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::data::{DataResource, Site, fetch_json};
use crate::i18n::*;
use crate::outbox::{OutboxPage, provide_outbox};
use crate::ui::{NotFound, Shell, provide_care_mode};
use crate::{consult, direct, duties, feedback, home, proposals, training};

#[component]
pub fn App() -> impl IntoView {
    provide_care_mode();
    let site = Site(DataResource::new(|| fetch_json("site.json")));
    provide_context(site);
    provide_outbox(site);
    provide_language();
    crate::ui::provide_latin();
    view! {
        <Router base=crate::ui::base()>
            <Shell>
                <TitleAndFocus />
                <FlatRoutes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=home::HomePage />
                    // 我的提交: its own split module with the outbox's code (src/outbox/slot.rs).
                    <Route path=path!("/mine") view=crate::split!(mine, lazy_mine, OutboxPage) />
                    // The wildcard matches the module's own path too ("/direct"). A module the
                    // site does not run (site.json's `modules`) answers 暂未开通 (its table
                    // does: ui::when_open).
                    <Route path=path!("/direct/*rest") view=crate::split!(direct, lazy_direct, direct::DirectRoutes) />
                    <Route path=path!("/consult/*rest") view=crate::split!(consult, lazy_consult, consult::ConsultRoutes) />
                    <Route path=path!("/duties/*rest") view=crate::split!(duties, lazy_duties, duties::DutiesRoutes) />
                    <Route path=path!("/news/*rest") view=crate::split!(duties, lazy_news, duties::DutiesRoutes) />
                    <Route path=path!("/training/*rest") view=crate::split!(training, lazy_training, training::TrainingRoutes) />
                    <Route path=path!("/proposals/*rest") view=crate::split!(proposals, lazy_proposals, proposals::ProposalsRoutes) />
                    <Route path=path!("/feedback") view=crate::split!(other, lazy_feedback, feedback::FeedbackPage) />
                    <Route path=path!("/more") view=crate::split!(other, lazy_more, home::MorePage) />
                </FlatRoutes>
            </Shell>
        </Router>
    }
}

/// After each navigation: the document title follows the page's h1, and focus moves to it
/// (but not on first load, where focus belongs at the top of the page).
#[component]
fn TitleAndFocus() -> impl IntoView {
    let location = use_location();
    let site = crate::data::use_site();
    // Title: whenever the path or the site config changes.
    Effect::new(move |_| {
        let _ = location.pathname.get();
        let site_name = site.config().map(|c| c.name).unwrap_or_default();
        // Let the new page render before reading its heading; a page whose heading waits for
        // its data (or, in another language, for its catalog) gets a few more tries.
        set_title_from_heading(site_name, 20);
    });
    // Focus: only when the path changes after the first page.
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            request_animation_frame(crate::ui::focus_main_heading);
        }
        path
    });
}

/// The document title from the page's h1 ("{h1} - {site}"), once the h1 has text: checked at
/// the next frame, then every 150 ms, `tries` times at most.
fn set_title_from_heading(site_name: String, tries: u32) {
    request_animation_frame(move || {
        let h1 = document().query_selector("main h1").ok().flatten().and_then(|h| h.text_content()).unwrap_or_default();
        let h1 = h1.trim();
        if h1.is_empty() && tries > 0 {
            set_timeout(move || set_title_from_heading(site_name, tries - 1), std::time::Duration::from_millis(150));
            return;
        }
        let title = if h1.is_empty() || h1 == site_name { site_name.clone() } else { format!("{h1} - {site_name}") };
        if !title.is_empty() {
            document().set_title(&title);
        }
    });
}
