//! Routes and the shell. Each route is one page component in its module's folder.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::data::{Site, fetch_json};
use crate::i18n::*;
use crate::outbox::{OutboxPage, provide_outbox};
use crate::ui::{Shell, provide_care_mode};
use crate::{consult, direct, duties, feedback, home, proposals, training};

/// A route's page. Normally the component itself. With the `split` feature (the release build,
/// scripts/build-split.sh; docs/performance.md) each page except the home page is a split
/// point: wasm-split moves it into its own module, fetched on the first visit.
#[cfg(not(feature = "split"))]
macro_rules! page {
    ($lazy:ident, $page:path) => {
        $page
    };
}
#[cfg(feature = "split")]
macro_rules! page {
    ($lazy:ident, $page:path) => {{
        // `fallible`: a module that cannot be fetched is an `Err`, not a panic that would stop
        // the whole app (leptos's `#[lazy]` does not offer that in 0.8.23).
        #[::leptos::wasm_split::wasm_split($lazy, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $lazy() -> Result<AnyView, ::leptos::wasm_split::SplitLoaderError> {
            Ok(untrack(|| $page().into_any()))
        }
        || split_page($lazy)
    }};
}

/// A split page: loading, then the page, or (weak network) the data error's wording with a
/// retry; the loader does not remember failures, so a retry fetches again.
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
    let site = Site(LocalResource::new(|| fetch_json("site.json")));
    provide_context(site);
    provide_outbox(site);
    view! {
        <I18nContextProvider>
            <Router base=crate::ui::base()>
                <Shell>
                    <TitleAndFocus />
                    <Routes fallback=|| view! { <NotFound /> }>
                        <Route path=path!("/") view=home::HomePage />
                        <Route path=path!("/direct") view=page!(lazy_direct_page, direct::DirectPage) />
                        <Route path=path!("/direct/deputy/:id") view=page!(lazy_deputy_page, direct::DeputyPage) />
                        <Route path=path!("/direct/write/:id") view=page!(lazy_write_page, direct::WritePage) />
                        <Route path=path!("/direct/track") view=page!(lazy_track_page, direct::TrackPage) />
                        <Route path=path!("/direct/qa") view=page!(lazy_qa_page, direct::QaPage) />
                        <Route path=path!("/consult") view=page!(lazy_consult_page, consult::ConsultPage) />
                        <Route path=path!("/consult/:id") view=page!(lazy_consultation_page, consult::ConsultationPage) />
                        <Route path=path!("/duties") view=page!(lazy_duties_page, duties::DutiesPage) />
                        <Route path=path!("/duties/stations") view=page!(lazy_stations_page, duties::StationsPage) />
                        <Route path=path!("/duties/stations/:id") view=page!(lazy_station_page, duties::StationPage) />
                        <Route path=path!("/duties/map") view=page!(lazy_map_page, duties::MapPage) />
                        <Route path=path!("/duties/evaluation") view=page!(lazy_evaluation_page, duties::EvaluationPage) />
                        <Route path=path!("/duties/deputy/:id") view=page!(lazy_duty_record_page, duties::DutyRecordPage) />
                        <Route path=path!("/duties/stats") view=page!(lazy_duty_stats_page, duties::DutyStatsPage) />
                        <Route path=path!("/duties/report/:id/:year") view=page!(lazy_annual_report_page, duties::AnnualReportPage) />
                        <Route path=path!("/duties/place/:code") view=page!(lazy_place_page, duties::PlacePage) />
                        <Route path=path!("/news") view=page!(lazy_news_list_page, duties::NewsListPage) />
                        <Route path=path!("/news/:id") view=page!(lazy_news_article_page, duties::NewsArticlePage) />
                        <Route path=path!("/training") view=page!(lazy_training_page, training::TrainingPage) />
                        <Route path=path!("/training/course/:id") view=page!(lazy_course_page, training::CoursePage) />
                        <Route path=path!("/training/lesson/:id") view=page!(lazy_lesson_page, training::LessonPage) />
                        <Route path=path!("/training/mine") view=page!(lazy_my_training_page, training::MyTrainingPage) />
                        <Route path=path!("/training/certificate/:course_id") view=page!(lazy_certificate_page, training::CertificatePage) />
                        <Route path=path!("/proposals") view=page!(lazy_proposals_page, proposals::ProposalsPage) />
                        <Route path=path!("/proposals/list") view=page!(lazy_suggestion_list_page, proposals::SuggestionListPage) />
                        <Route path=path!("/proposals/stats") view=page!(lazy_suggestion_stats_page, proposals::SuggestionStatsPage) />
                        <Route path=path!("/proposals/write") view=page!(lazy_write_suggestion_page, proposals::WriteSuggestionPage) />
                        <Route path=path!("/proposals/cosign") view=page!(lazy_cosign_page, proposals::CosignPage) />
                        <Route path=path!("/proposals/:id") view=page!(lazy_suggestion_page, proposals::SuggestionPage) />
                        // 我的提交 stays in the main module even when split: it must open offline.
                        <Route path=path!("/mine") view=OutboxPage />
                        <Route path=path!("/feedback") view=page!(lazy_feedback_page, feedback::FeedbackPage) />
                        <Route path=path!("/more") view=page!(lazy_more_page, home::MorePage) />
                    </Routes>
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

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="page not-found">
            <h1>{tr!(not_found.title)}</h1>
            <p>{tr!(not_found.text)}</p>
            <p>
                <leptos_router::components::A href=crate::ui::href("/") attr:class="button">
                    {tr!(not_found.home)}
                </leptos_router::components::A>
            </p>
        </section>
    }
}
