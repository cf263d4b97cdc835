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
                        <Route path=path!("/direct") view=direct::DirectPage />
                        <Route path=path!("/direct/deputy/:id") view=direct::DeputyPage />
                        <Route path=path!("/direct/write/:id") view=direct::WritePage />
                        <Route path=path!("/direct/track") view=direct::TrackPage />
                        <Route path=path!("/direct/qa") view=direct::QaPage />
                        <Route path=path!("/consult") view=consult::ConsultPage />
                        <Route path=path!("/consult/:id") view=consult::ConsultationPage />
                        <Route path=path!("/duties") view=duties::DutiesPage />
                        <Route path=path!("/duties/stations") view=duties::StationsPage />
                        <Route path=path!("/duties/stations/:id") view=duties::StationPage />
                        <Route path=path!("/duties/map") view=duties::MapPage />
                        <Route path=path!("/duties/evaluation") view=duties::EvaluationPage />
                        <Route path=path!("/duties/deputy/:id") view=duties::DutyRecordPage />
                        <Route path=path!("/duties/stats") view=duties::DutyStatsPage />
                        <Route path=path!("/duties/report/:id/:year") view=duties::AnnualReportPage />
                        <Route path=path!("/duties/place/:code") view=duties::PlacePage />
                        <Route path=path!("/news") view=duties::NewsListPage />
                        <Route path=path!("/news/:id") view=duties::NewsArticlePage />
                        <Route path=path!("/training") view=training::TrainingPage />
                        <Route path=path!("/training/course/:id") view=training::CoursePage />
                        <Route path=path!("/training/lesson/:id") view=training::LessonPage />
                        <Route path=path!("/training/mine") view=training::MyTrainingPage />
                        <Route path=path!("/training/certificate/:course_id") view=training::CertificatePage />
                        <Route path=path!("/proposals") view=proposals::ProposalsPage />
                        <Route path=path!("/proposals/list") view=proposals::SuggestionListPage />
                        <Route path=path!("/proposals/stats") view=proposals::SuggestionStatsPage />
                        <Route path=path!("/proposals/write") view=proposals::WriteSuggestionPage />
                        <Route path=path!("/proposals/cosign") view=proposals::CosignPage />
                        <Route path=path!("/proposals/:id") view=proposals::SuggestionPage />
                        <Route path=path!("/mine") view=OutboxPage />
                        <Route path=path!("/feedback") view=feedback::FeedbackPage />
                        <Route path=path!("/more") view=home::MorePage />
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
