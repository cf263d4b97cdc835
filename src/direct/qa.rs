//! The combined public Q&A (paged) and responsiveness per level.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::deputy::{QaList, StatsView};
use super::level_label;
use crate::data::{self, DataResource};
use crate::i18n::*;
use crate::ui::{Pager, href, loaded};

#[component]
pub fn QaPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let page = Memo::new(move |_| {
        query.read().get("page").and_then(|p| p.parse::<u32>().ok()).filter(|p| *p >= 1).unwrap_or(1)
    });
    let items = DataResource::new(move || data::qa_page(page.get()));
    let stats = DataResource::new(data::message_stats);
    view! {
        <section class="page qa">
            <h1>{tr!(direct.qa_page_title)}</h1>
            <h2>{tr!(direct.level_stats_heading)}</h2>
            {loaded(stats, move |s| view! {
                <div class="level-stats">
                    {s.by_level.into_iter().map(|(level, r)| view! {
                        <div class="level-stat">
                            <h3>{level_label(i18n, level)}</h3>
                            <StatsView stats=r />
                        </div>
                    }).collect_view()}
                </div>
            })}
            <p class="method">{tr!(direct.stats_method)}</p>
            <h2>{tr!(direct.qa_heading)}</h2>
            {loaded(items, move |p| view! {
                <QaList items=p.items show_deputy=true />
                <Pager
                    page=p.page
                    pages=p.pages
                    prev=(p.page > 1).then(|| href(&format!("/direct/qa?page={}", p.page - 1)))
                    next=(p.page < p.pages).then(|| href(&format!("/direct/qa?page={}", p.page + 1)))
                />
            })}
        </section>
    }
}
