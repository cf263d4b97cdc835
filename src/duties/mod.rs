//! 阳光履职: deputies' duties in public. Liaison stations (tree, list, map, each station's page
//! with this week's receptions and its QR code), 履职评议, news with read-aloud, the home page's
//! 本周接待; duty records (履职档案: timeline, statistics, own note), the statistics by level,
//! 旗县区 and group, annual reports for print, and the five-level view of a place.

mod evaluation;
mod map;

mod figures;
mod kinds;
mod news;
mod place;
mod record;
mod report;
mod stations;
mod stats;
mod timeline;
mod week;

pub use evaluation::EvaluationPage;
pub use map::MapPage;
pub use news::{NewsArticlePage, NewsList, NewsListPage};
pub use place::PlacePage;
pub use record::{DutyRecordLink, DutyRecordPage};
pub use report::AnnualReportPage;
pub use stations::{StationPage, StationsPage};
pub use stats::DutyStatsPage;
pub use week::ThisWeek;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::components::{FlatRoutes, Route};
use leptos_router::path;

use crate::ui::href;
use crate::ui::{NotFound, shown, when_open};
use deputy_model::Module;

#[component]
pub fn DutiesPage() -> impl IntoView {
    let (map, evaluation) = (shown(Module::Map), shown(Module::Evaluation));
    view! {
        <section class="page duties">
            <h1>{tr!(duties.title)}</h1>
            <p class="lead">{tr!(duties.intro)}</p>
            <ul class="module-grid">
                <li class="module-card">
                    <A href=href("/duties/stations") attr:class="module-link">
                        <span class="module-mark" aria-hidden="true">"站"</span>
                        <span class="module-title">{tr!(duties.stations)}</span>
                        <span class="module-desc">{tr!(duties.stations_desc)}</span>
                    </A>
                </li>
                <li class="module-card" hidden=move || !map()>
                    <A href=href("/duties/map") attr:class="module-link">
                        <span class="module-mark" aria-hidden="true">"图"</span>
                        <span class="module-title">{tr!(sunshine.map)}</span>
                        <span class="module-desc">{tr!(sunshine.map_desc)}</span>
                    </A>
                </li>
                <li class="module-card" hidden=move || !evaluation()>
                    <A href=href("/duties/evaluation") attr:class="module-link">
                        <span class="module-mark" aria-hidden="true">"评"</span>
                        <span class="module-title">{tr!(sunshine.eval)}</span>
                        <span class="module-desc">{tr!(sunshine.eval_desc)}</span>
                    </A>
                </li>
                <li class="module-card">
                    <A href=href("/duties/stats") attr:class="module-link">
                        <span class="module-mark" aria-hidden="true">"统"</span>
                        <span class="module-title">{tr!(records.hub_stats)}</span>
                        <span class="module-desc">{tr!(records.hub_stats_desc)}</span>
                    </A>
                </li>
                <li class="module-card">
                    <A href=href("/news") attr:class="module-link">
                        <span class="module-mark" aria-hidden="true">"闻"</span>
                        <span class="module-title">{tr!(nav.news)}</span>
                        <span class="module-desc">{tr!(duties.news_desc)}</span>
                    </A>
                </li>
            </ul>
            <place::PlacePicker />
            <ThisWeek />
        </section>
    }
}

/// 阳光履职's pages, by path, with the news (工作动态) under /news.
/// Its own table, inside the module's code; each page is a split point (`src/split.rs`).
#[component]
pub fn DutiesRoutes() -> impl IntoView {
    // The news (/news) are the site's, whatever it runs; the rest is 阳光履职's.
    let news = crate::ui::app_path(&leptos_router::hooks::use_location().pathname.get_untracked()).starts_with("/news");
    let table = || {
        view! {
            <FlatRoutes fallback=|| view! { <NotFound /> }>
                <Route path=path!("/duties") view=crate::split!(duties__home, lazy_duties_home, DutiesPage) />
                <Route path=path!("/duties/stations") view=crate::split!(duties__stations, lazy_duties_stations, StationsPage) />
                <Route path=path!("/duties/stations/:id") view=crate::split!(duties__station, lazy_duties_station, StationPage) />
                <Route path=path!("/duties/map") view=|| when_open(Module::Map, crate::split!(duties__map, lazy_duties_map, MapPage)) />
                <Route path=path!("/duties/evaluation") view=|| when_open(Module::Evaluation, crate::split!(duties__evaluation, lazy_duties_evaluation, EvaluationPage)) />
                <Route path=path!("/duties/deputy/:id") view=crate::split!(duties__deputy, lazy_duties_deputy, DutyRecordPage) />
                <Route path=path!("/duties/stats") view=crate::split!(duties__stats, lazy_duties_stats, DutyStatsPage) />
                <Route path=path!("/duties/report/:id/:year") view=crate::split!(duties__report, lazy_duties_report, AnnualReportPage) />
                <Route path=path!("/duties/place/:code") view=crate::split!(duties__place, lazy_duties_place, PlacePage) />
                <Route path=path!("/news") view=crate::split!(duties__news, lazy_duties_news, NewsListPage) />
                <Route path=path!("/news/:id") view=crate::split!(duties__article, lazy_duties_article, NewsArticlePage) />
            </FlatRoutes>
        }
    };
    if news { table().into_any() } else { when_open(Module::Duties, table) }
}
