//! /proposals/list: published suggestions of one year (one small file), filtered by status,
//! category and handling unit and searched by title or deputy — all in the URL, so a view can
//! be shared and survives reload. Open items show their deadline clock. A year can hold a
//! hundred suggestions, so the list is shown [`PAGE_SIZE`] at a time (the page is in the URL too).

use deputy_model::suggestion::{Status, SuggestionSummary};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::deadline::DeadlineBadge;
use super::labels::status_label;
use crate::data::{self, DataResource};
use crate::i18n::*;
use crate::ui::{Pager, href, loaded, query_string, replace_query};

/// Cards per page: about ten phone screens in 关怀版.
const PAGE_SIZE: usize = 20;

#[derive(Clone, Default, PartialEq)]
struct Filters {
    year: String,
    status: String,
    category: String,
    unit: String,
    q: String,
    page: String,
}

impl Filters {
    fn pairs(&self) -> [(&'static str, &str); 6] {
        [
            ("year", &self.year),
            ("status", &self.status),
            ("category", &self.category),
            ("unit", &self.unit),
            ("q", &self.q),
            ("page", &self.page),
        ]
    }

    /// The list's URL for another page of the same filters.
    fn page_href(&self, page: usize) -> String {
        let f = Filters { page: if page > 1 { page.to_string() } else { String::new() }, ..self.clone() };
        href(&format!("/proposals/list{}", query_string(&f.pairs())))
    }
}

#[component]
pub fn SuggestionListPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let filters = Memo::new(move |_| {
        let q = query.read();
        let g = |k: &str| q.get(k).unwrap_or_default();
        Filters {
            year: g("year"),
            status: g("status"),
            category: g("category"),
            unit: g("unit"),
            q: g("q"),
            page: g("page"),
        }
    });
    let navigate = use_navigate();
    let set = move |f: Filters| {
        replace_query(&navigate, "/proposals/list", &f.pairs());
    };
    let set = StoredValue::new(set);
    let index = DataResource::new(data::suggestion_index);
    view! {
        <section class="page proposal-list-page">
            <h1>{tr!(proposals.list_title)}</h1>
            <p class="lead">{tr!(proposals.list_text)}</p>
            {loaded(index, move |idx| {
                let newest = idx.newest_year(crate::ui::today().year());
                let year = Memo::new(move |_| filters.read().year.parse::<i32>().ok().unwrap_or(newest));
                let listed = idx.clone();
                let list = DataResource::new(move || {
                    let y = year.get();
                    data::suggestion_year(y, listed.lists(y))
                });
                let change = move |edit: &dyn Fn(&mut Filters)| {
                    let mut f = filters.get_untracked();
                    edit(&mut f);
                    // Other filters give another list: start again at its first page.
                    f.page = String::new();
                    set.with_value(|s| s(f));
                };
                let typed = RwSignal::new(filters.get_untracked().q);
                view! {
                    <form class="form filters proposal-filters" role="search"
                        on:submit=move |ev| { ev.prevent_default(); let q = typed.get_untracked(); change(&|f| f.q = q.clone()); }>
                        <div class="filter-grid">
                            // No year to choose before the first suggestion.
                            {(!idx.years.is_empty()).then(|| view! {
                                <div class="field">
                                    <label for="f-year">{tr!(proposals.year)}</label>
                                    <select id="f-year" on:change=move |ev| { let v = event_target_value(&ev); change(&|f| f.year = v.clone()); }>
                                        {idx.years.iter().map(|y| { let y = *y; view! {
                                            <option value=y.to_string() selected=move || year.get() == y>{y}</option>
                                        }}).collect_view()}
                                    </select>
                                </div>
                            })}
                            <div class="field">
                                <label for="f-status">{tr!(proposals.status)}</label>
                                <select id="f-status" on:change=move |ev| { let v = event_target_value(&ev); change(&|f| f.status = v.clone()); }>
                                    <option value="" selected=move || filters.read().status.is_empty()>{tr!(proposals.any_status)}</option>
                                    {Status::ALL.into_iter().map(|s| view! {
                                        <option value=s.key() selected=move || filters.read().status == s.key()>{status_label(i18n, s)}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label for="f-category">{tr!(proposals.category)}</label>
                                <select id="f-category" on:change=move |ev| { let v = event_target_value(&ev); change(&|f| f.category = v.clone()); }>
                                    <option value="" selected=move || filters.read().category.is_empty()>{tr!(proposals.any_category)}</option>
                                    {idx.categories.iter().map(|c| { let c = c.clone(); let v = c.clone(); view! {
                                        <option value=c.clone() selected=move || filters.read().category == v>{c.clone()}</option>
                                    }}).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label for="f-unit">{tr!(proposals.lead_unit)}</label>
                                <select id="f-unit" on:change=move |ev| { let v = event_target_value(&ev); change(&|f| f.unit = v.clone()); }>
                                    <option value="" selected=move || filters.read().unit.is_empty()>{tr!(proposals.any_unit)}</option>
                                    {idx.units.iter().map(|u| { let u = u.clone(); let v = u.clone(); view! {
                                        <option value=u.clone() selected=move || filters.read().unit == v>{u.clone()}</option>
                                    }}).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label for="f-q">{tr!(proposals.search_label)}</label>
                                <div class="picker-row">
                                    <input id="f-q" type="search" prop:value=move || typed.get()
                                        on:input=move |ev| typed.set(event_target_value(&ev)) />
                                    <button type="submit" class="button secondary">{tr!(proposals.search)}</button>
                                </div>
                            </div>
                        </div>
                    </form>
                    {loaded(list, move |y| {
                        let items = y.suggestions;
                        move || {
                            let f = filters.get();
                            let q = f.q.trim().to_string();
                            let shown: Vec<SuggestionSummary> = items
                                .iter()
                                .filter(|s| f.status.is_empty() || s.status.key() == f.status)
                                .filter(|s| f.category.is_empty() || s.category == f.category)
                                .filter(|s| f.unit.is_empty() || s.lead_unit.as_deref() == Some(f.unit.as_str()))
                                .filter(|s| q.is_empty() || s.title.contains(&q) || s.lead.contains(&q))
                                .cloned()
                                .collect();
                            let total = shown.len();
                            let pages = total.div_ceil(PAGE_SIZE).max(1);
                            let page = f.page.parse::<usize>().unwrap_or(1).clamp(1, pages);
                            let on_page: Vec<SuggestionSummary> =
                                shown.into_iter().skip((page - 1) * PAGE_SIZE).take(PAGE_SIZE).collect();
                            let prev = (page > 1).then(|| f.page_href(page - 1));
                            let next = (page < pages).then(|| f.page_href(page + 1));
                            view! {
                                <p class="result-count" role="status">{t!(i18n, proposals.count, n = total)}</p>
                                {if items.is_empty() {
                                    view! { <p class="empty">{tr!(proposals.none_yet)}</p> }.into_any()
                                } else if on_page.is_empty() {
                                    view! { <p class="empty">{tr!(proposals.empty)}</p> }.into_any()
                                } else {
                                    view! { <ul class="proposal-list">{on_page.into_iter().map(|s| view! { <SuggestionCard s /> }).collect_view()}</ul> }.into_any()
                                }}
                                <Pager page=page as u32 pages=pages as u32 prev next />
                            }
                        }
                    })}
                }
            })}
        </section>
    }
}

#[component]
fn SuggestionCard(s: SuggestionSummary) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <li class="proposal-card">
            <A href=href(&format!("/proposals/{}", s.id)) attr:class="proposal-title">{s.title.clone()}</A>
            <p class="news-meta">
                <span class=format!("status-badge status-{}", s.status.key())>{status_label(i18n, s.status)}</span>
                <span class="tag">{s.category.clone()}</span>
                {s.due.clone().map(|due| view! { <DeadlineBadge due /> })}
            </p>
            <p class="news-meta">
                <span>{tr!(proposals.lead)}{tr!(punct.colon)}{s.lead.clone()}</span>
                {s.lead_unit.clone().map(|u| view! { <span>{tr!(proposals.lead_unit)}{tr!(punct.colon)}{u}</span> })}
                <span>{tr!(proposals.submitted_on)}" "{s.submitted.clone()}</span>
                <span class="proposal-id">{s.id.clone()}</span>
            </p>
        </li>
    }
}
