//! Routes and the shell. Each route is one page component in its module's folder.

use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::data::{DataResource, Site, fetch_json};
use crate::i18n::*;
use crate::outbox::{OutboxPage, provide_outbox};
use crate::ui::{NotFound, Shell, provide_care_mode};
use crate::{consult, direct, duties, feedback, home, proposals, training};

/// A module's pages. Normally its route table itself (`direct::DirectRoutes`, …). With the
/// `split` feature (the release build, scripts/build.sh; docs/performance.md) each module is a
/// split point: its pages, their route table and the code only they use are one code module
/// (`$module`: direct, consult, duties, training, proposals, other), fetched on the first visit
/// to any of its pages. The main module keeps the home page; 我的提交 is a module of its own
/// with the outbox's code (`src/outbox/slot.rs`).
///
/// Why one route per module here and each module's routes in its own table: every route of
/// this table costs the main module a view closure and a `split_page` copy (measured: about a
/// tenth of the main module with the 33 routes in one table), and wasm-split makes a shared
/// chunk for every set of split points that share code, so one split point per page made
/// hundreds of tiny files.
#[cfg(not(feature = "split"))]
macro_rules! module {
    ($module:ident, $lazy:ident, $routes:path) => {
        $routes
    };
}
#[cfg(feature = "split")]
macro_rules! module {
    ($module:ident, $lazy:ident, $routes:path) => {{
        // `fallible`: a module that cannot be fetched is an `Err`, not a panic that would stop
        // the whole app (leptos's `#[lazy]` does not offer that in 0.8.23).
        #[::leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $lazy() -> Result<AnyView, ::leptos::wasm_split::SplitLoaderError> {
            Ok(untrack(|| $routes().into_any()))
        }
        || split_page($lazy)
    }};
}

/// A split page: loading, then the page, or (weak network) the data error's wording with a
/// retry; the loader does not remember failures, so a retry fetches again.
// (Measured: boxing the future to make this one non-generic function made the main module
// 15 KB larger, not smaller.)
#[cfg(feature = "split")]
fn split_page<F>(load: fn() -> F) -> impl IntoView
where
    F: std::future::Future<Output = Result<AnyView, leptos::wasm_split::SplitLoaderError>> + Send + 'static,
{
    use crate::data::DataError;
    use crate::ui::{DataErrorView, Loading};
    let attempt = RwSignal::new(0u32);
    view! {
        <Suspense fallback=|| view! { <Loading /> }>
            {move || {
                attempt.track();
                Suspend::new(async move {
                    load()
                        .await
                        .unwrap_or_else(|_| {
                            view! {
                                <section class="page">
                                    <DataErrorView
                                        error=DataError::Network
                                        on_retry=move |_| attempt.update(|n| *n += 1)
                                    />
                                </section>
                            }
                                .into_any()
                        })
                })
            }}
        </Suspense>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_care_mode();
    let site = Site(DataResource::new(|| fetch_json("site.json")));
    provide_context(site);
    provide_outbox(site);
    view! {
        <I18nContextProvider>
            <Router base=crate::ui::base()>
                <Shell>
                    <TitleAndFocus />
                    <FlatRoutes fallback=|| view! { <NotFound /> }>
                        <Route path=path!("/") view=home::HomePage />
                        // 我的提交: its own split module with the outbox's code (src/outbox/slot.rs).
                        <Route path=path!("/mine") view=module!(mine, lazy_mine, OutboxPage) />
                        // The wildcard matches the module's own path too ("/direct").
                        <Route path=path!("/direct/*rest") view=module!(direct, lazy_direct, direct::DirectRoutes) />
                        <Route path=path!("/consult/*rest") view=module!(consult, lazy_consult, consult::ConsultRoutes) />
                        <Route path=path!("/duties/*rest") view=module!(duties, lazy_duties, duties::DutiesRoutes) />
                        <Route path=path!("/news/*rest") view=module!(duties, lazy_news, duties::DutiesRoutes) />
                        <Route path=path!("/training/*rest") view=module!(training, lazy_training, training::TrainingRoutes) />
                        <Route path=path!("/proposals/*rest") view=module!(proposals, lazy_proposals, proposals::ProposalsRoutes) />
                        <Route path=path!("/feedback") view=module!(other, lazy_feedback, feedback::FeedbackPage) />
                        <Route path=path!("/more") view=module!(other, lazy_more, home::MorePage) />
                    </FlatRoutes>
                </Shell>
            </Router>
        </I18nContextProvider>
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
        // Let the new page render before reading its heading.
        request_animation_frame(move || {
            let h1 =
                document().query_selector("main h1").ok().flatten().and_then(|h| h.text_content()).unwrap_or_default();
            let title =
                if h1.is_empty() || h1 == site_name { site_name.clone() } else { format!("{h1} - {site_name}") };
            if !title.is_empty() {
                document().set_title(&title);
            }
        });
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
