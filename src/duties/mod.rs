//! 阳光履职: deputies' duties in public. Here now: liaison stations (tree, list, each station's
//! page with this week's receptions and its QR code), news with read-aloud, and the home page's
//! 本周接待, the map of stations and 履职评议. Duty records and statistics follow in their issue.

mod evaluation;
mod map;
mod news;
mod stations;
mod week;

pub use evaluation::EvaluationPage;
pub use map::MapPage;
pub use news::{NewsArticlePage, NewsList, NewsListPage};
pub use stations::{StationPage, StationsPage};
pub use week::ThisWeek;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::href;

#[component]
pub fn DutiesPage() -> impl IntoView {
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
                <li class="module-card">
                    <A href=href("/duties/map") attr:class="module-link">
                        <span class="module-mark" aria-hidden="true">"图"</span>
                        <span class="module-title">{tr!(sunshine.map)}</span>
                        <span class="module-desc">{tr!(sunshine.map_desc)}</span>
                    </A>
                </li>
                <li class="module-card">
                    <A href=href("/duties/evaluation") attr:class="module-link">
                        <span class="module-mark" aria-hidden="true">"评"</span>
                        <span class="module-title">{tr!(sunshine.eval)}</span>
                        <span class="module-desc">{tr!(sunshine.eval_desc)}</span>
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
            <ThisWeek />
            <p class="notice">{tr!(duties.coming)}</p>
        </section>
    }
}
