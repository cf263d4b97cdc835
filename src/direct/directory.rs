//! The directory: filters that combine (place, level, group, station, name), kept in the URL
//! so a search can be shared and survives reload. Data comes from one small file per query:
//! `places/{code}.json` for a place, the few name-index leaves a name needs (see
//! `name_search.rs`), a level page otherwise.

use deputy_model::search::{fold_query, score_parts};
use deputy_model::{DeputySummary, Level};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::name_search::name_search;
use super::{DeputyCard, level_label};
use crate::data::{self, DataError, DataResource, use_site};
use crate::i18n::*;
use crate::ui::{href, loaded, place_text, query_string};

const PAGE_SIZE: usize = 20;

/// The directory's state, as it stands in the URL.
#[derive(Debug, Clone, Default, PartialEq)]
struct Filters {
    county: String,
    place: String,
    level: String,
    group: String,
    station: String,
    q: String,
    page: u32,
}

impl Filters {
    fn to_query(&self) -> String {
        let page = if self.page > 1 { self.page.to_string() } else { String::new() };
        query_string(&[
            ("county", &self.county),
            ("place", &self.place),
            ("level", &self.level),
            ("group", &self.group),
            ("station", &self.station),
            ("q", &self.q),
            ("page", &page),
        ])
    }

    /// The place whose deputies to list: the township if chosen, else the county.
    fn region(&self) -> &str {
        if !self.place.is_empty() { &self.place } else { &self.county }
    }
}

/// Where the rows come from; only a change of source fetches.
#[derive(Debug, Clone, PartialEq)]
enum Source {
    /// A place, with the name typed in Latin letters (its pinyin needs the name index).
    Place(String, Option<String>),
    Name(String),
    Level(Level, u32),
    Nothing,
}

#[derive(Clone)]
struct Rows {
    items: Vec<DeputySummary>,
    /// For a level list: the server's page and page count.
    server_pages: Option<(u32, u32)>,
    /// For a place: its name.
    place_name: Option<String>,
    /// Ids matching a pinyin query, when a place list is narrowed by one.
    pinyin_ids: Option<std::collections::HashSet<String>>,
    /// For a name: more names share what was typed than were fetched, about this many.
    more: Option<u64>,
}

impl Rows {
    fn empty() -> Rows {
        Rows { items: Vec::new(), server_pages: None, place_name: None, pinyin_ids: None, more: None }
    }
}

async fn load(source: Source) -> Result<Rows, DataError> {
    match source {
        Source::Place(code, pinyin) => {
            let p = data::place(code).await?;
            let pinyin_ids = match pinyin {
                Some(q) => Some(name_ids(&q).await?),
                None => None,
            };
            Ok(Rows { items: p.deputies, place_name: Some(p.region_name), pinyin_ids, ..Rows::empty() })
        }
        Source::Name(q) => {
            let hits = name_search(q).await?;
            let more = (!hits.complete).then_some(hits.total);
            Ok(Rows { items: hits.entries.into_iter().map(|e| e.deputy).collect(), more, ..Rows::empty() })
        }
        Source::Level(level, page) => {
            let p = data::level_page(level, page).await?;
            Ok(Rows { items: p.items, server_pages: Some((p.page, p.pages)), ..Rows::empty() })
        }
        Source::Nothing => Ok(Rows::empty()),
    }
}

/// Ids of every deputy whose name matches a query, from the leaves it needs.
async fn name_ids(q: &str) -> Result<std::collections::HashSet<String>, DataError> {
    Ok(name_search(q.to_string()).await?.entries.into_iter().map(|e| e.deputy.id).collect())
}

#[component]
pub fn DirectPage() -> impl IntoView {
    let query = use_query_map();
    let filters = Memo::new(move |_| {
        let q = query.read();
        let get = |k: &str| q.get(k).unwrap_or_default();
        Filters {
            county: get("county"),
            place: get("place"),
            level: get("level"),
            group: get("group"),
            station: get("station"),
            q: get("q"),
            page: get("page").parse().ok().filter(|p| *p >= 1).unwrap_or(1),
        }
    });
    let navigate = use_navigate();
    let set = move |f: Filters| {
        navigate(
            &href(&format!("/direct{}", f.to_query())),
            NavigateOptions { replace: true, scroll: false, ..Default::default() },
        );
    };
    let source = Memo::new(move |_| {
        let f = filters.get();
        let level = Level::from_key(&f.level);
        if !f.region().is_empty() {
            let q = fold_query(&f.q);
            Source::Place(f.region().to_string(), (!q.is_empty() && q.is_ascii()).then_some(q))
        } else if !fold_query(&f.q).is_empty() {
            Source::Name(f.q.clone())
        } else if let Some(level) = level {
            Source::Level(level, f.page)
        } else {
            Source::Nothing
        }
    });
    let rows = DataResource::new(move || load(source.get()));

    view! {
        <section class="page direct">
            <h1>{tr!(direct.title)}</h1>
            <p class="lead">{tr!(direct.intro)}</p>
            <p class="quick-links">
                <A href=href("/direct/track") attr:class="button secondary">{tr!(direct.track)}</A>
                <A href=href("/direct/qa") attr:class="button secondary">{tr!(direct.qa_all)}</A>
            </p>
            <FilterForm filters set=set.clone() />
            {move || {
                let f = filters.get();
                let set = set.clone();
                match source.get() {
                    Source::Nothing => view! { <Prompt set /> }.into_any(),
                    _ => loaded(rows, move |r| view! { <Results rows=r filters=f.clone() set=set.clone() /> }).into_any(),
                }
            }}
        </section>
    }
}

#[component]
fn FilterForm(filters: Memo<Filters>, set: impl Fn(Filters) + Clone + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    let site = use_site();
    let city = DataResource::new(move || {
        let code = site.config().map(|c| c.region_code).unwrap_or_default();
        async move { if code.is_empty() { Err(DataError::Network) } else { data::region(code).await } }
    });
    let county_code = Memo::new(move |_| filters.get().county);
    let county = DataResource::new(move || {
        let code = county_code.get();
        async move { if code.is_empty() { Ok(None) } else { data::region(code).await.map(Some) } }
    });
    let groups = DataResource::new(data::groups);
    let stations = DataResource::new(data::station_index);
    // Typing Chinese goes through an input method: only the finished text updates the URL.
    let composing = RwSignal::new(false);

    let update = {
        let set = set.clone();
        move |change: &dyn Fn(&mut Filters)| {
            let mut f = filters.get_untracked();
            change(&mut f);
            f.page = 1;
            set(f);
        }
    };
    let u1 = update.clone();
    let u2 = update.clone();
    let u3 = update.clone();
    let u4 = update.clone();
    let u5 = update.clone();
    let u6 = update.clone();
    let u7 = update.clone();
    let clear = {
        let set = set.clone();
        move |_| set(Filters::default())
    };

    view! {
        <form class="form filters" role="search" on:submit=|ev| ev.prevent_default()>
            <h2 class="visually-hidden">{tr!(direct.find_heading)}</h2>
            <div class="field">
                <label for="f-name">{tr!(direct.name)}</label>
                <p class="hint" id="f-name-hint">{tr!(direct.name_hint)}</p>
                <input
                    id="f-name"
                    type="search"
                    autocomplete="off"
                    aria-describedby="f-name-hint"
                    prop:value=move || filters.get().q
                    on:compositionstart=move |_| composing.set(true)
                    on:compositionend=move |ev| {
                        composing.set(false);
                        let v = event_target_value(&ev);
                        u1(&|f: &mut Filters| f.q = v.clone());
                    }
                    on:input=move |ev| {
                        if !composing.get_untracked() {
                            let v = event_target_value(&ev);
                            u2(&|f: &mut Filters| f.q = v.clone());
                        }
                    }
                />
            </div>
            <div class="filter-grid">
                <div class="field">
                    <label for="f-county">{tr!(direct.county)}</label>
                    <select id="f-county" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        u3(&|f: &mut Filters| { f.county = v.clone(); f.place.clear(); });
                    }>
                        <option value="" selected=move || filters.get().county.is_empty()>{tr!(direct.any_county)}</option>
                        {move || city.get().and_then(|r| r.ok()).map(|c| c.children.into_iter().map(|r| {
                            let code = r.code.clone();
                            view! { <option value=r.code.clone() selected=move || filters.get().county == code>{let n = r.name.clone(); move || place_text(&n)}</option> }
                        }).collect_view())}
                    </select>
                </div>
                <div class="field">
                    <label for="f-town">{tr!(direct.town)}</label>
                    <select id="f-town" disabled=move || filters.get().county.is_empty() on:change=move |ev| {
                        let v = event_target_value(&ev);
                        u4(&|f: &mut Filters| f.place = v.clone());
                    }>
                        <option value="" selected=move || filters.get().place.is_empty()>{tr!(direct.any_town)}</option>
                        {move || county.get().and_then(|r| r.ok()).flatten().map(|c| c.children.into_iter().map(|r| {
                            let code = r.code.clone();
                            view! { <option value=r.code.clone() selected=move || filters.get().place == code>{let n = r.name.clone(); move || place_text(&n)}</option> }
                        }).collect_view())}
                    </select>
                </div>
                <div class="field">
                    <label for="f-level">{tr!(direct.level)}</label>
                    <select id="f-level" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        u5(&|f: &mut Filters| f.level = v.clone());
                    }>
                        <option value="" selected=move || filters.get().level.is_empty()>{tr!(direct.any_level)}</option>
                        {Level::ALL.into_iter().map(|l| view! {
                            <option value=l.key() selected=move || filters.get().level == l.key()>{move || level_label(i18n, l)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="f-group">{tr!(direct.group)}</label>
                    <select id="f-group" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        u6(&|f: &mut Filters| f.group = v.clone());
                    }>
                        <option value="" selected=move || filters.get().group.is_empty()>{tr!(direct.any_group)}</option>
                        {move || groups.get().and_then(|r| r.ok()).map(|g| g.groups.into_iter().map(|g| {
                            let id = g.id.clone();
                            view! { <option value=g.id.clone() selected=move || filters.get().group == id>{g.name.clone()}</option> }
                        }).collect_view())}
                    </select>
                </div>
                <div class="field">
                    <label for="f-station">{tr!(direct.station)}</label>
                    <select id="f-station" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        u7(&|f: &mut Filters| f.station = v.clone());
                    }>
                        <option value="" selected=move || filters.get().station.is_empty()>{tr!(direct.any_station)}</option>
                        {move || {
                            let county = filters.get().county;
                            stations.get().and_then(|r| r.ok()).map(|s| s.stations.into_iter()
                                // Village points share their township home's deputies; list the rest.
                                .filter(|s| s.tier != deputy_model::StationTier::VillagePoint)
                                .filter(|s| county.is_empty() || s.region_code.starts_with(&county) || s.tier == deputy_model::StationTier::CityHub)
                                .map(|s| {
                                    let id = s.id.clone();
                                    view! { <option value=s.id.clone() selected=move || filters.get().station == id>{s.name.clone()}</option> }
                                }).collect_view())
                        }}
                    </select>
                </div>
            </div>
            <button type="button" class="button secondary" on:click=clear>{tr!(direct.clear)}</button>
        </form>
    }
}

/// No place and no name yet: invite the choice, offer browsing by level.
#[component]
fn Prompt(set: impl Fn(Filters) + Clone + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="prompt">
            <p>{tr!(direct.prompt)}</p>
            <ul class="level-links">
                {Level::ALL.into_iter().map(|l| {
                    let set = set.clone();
                    view! {
                        <li>
                            <button type="button" class="button secondary" on:click=move |_| set(Filters { level: l.key().into(), ..Default::default() })>
                                {move || level_label(i18n, l)}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}

fn matches(
    d: &DeputySummary,
    f: &Filters,
    by_name: bool,
    pinyin_ids: Option<&std::collections::HashSet<String>>,
) -> bool {
    let q = fold_query(&f.q);
    let name_ok = !by_name
        || q.is_empty()
        || match pinyin_ids {
            Some(ids) => ids.contains(&d.id),
            None => score_parts(&d.name, "", &q).is_some(),
        };
    (f.level.is_empty() || d.level.key() == f.level)
        && (f.group.is_empty() || d.group_id.as_deref() == Some(f.group.as_str()))
        && (f.station.is_empty() || d.station_id.as_deref() == Some(f.station.as_str()))
        && name_ok
}

#[component]
fn Results(rows: Rows, filters: Filters, set: impl Fn(Filters) + Clone + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    // In a place or level list the name narrows by characters; a name search has ranked already.
    let by_name = rows.place_name.is_some() || rows.server_pages.is_some();
    let ids = rows.pinyin_ids.as_ref();
    let all: Vec<DeputySummary> = rows.items.iter().filter(|d| matches(d, &filters, by_name, ids)).cloned().collect();
    let total = all.len();
    let (page, pages, shown) = match rows.server_pages {
        Some((page, pages)) => (page, pages, all),
        None => {
            let pages = total.div_ceil(PAGE_SIZE).max(1) as u32;
            let page = filters.page.min(pages);
            let start = (page as usize - 1) * PAGE_SIZE;
            (page, pages, all.into_iter().skip(start).take(PAGE_SIZE).collect())
        }
    };
    let heading = match (&rows.place_name, rows.more) {
        (Some(place), _) => t_string!(i18n, direct.results_for_place, place = place.clone(), n = total).to_string(),
        // Nothing fetched because too many names share the prefix: say so, not "0 deputies".
        (None, Some(_)) if total == 0 => t_string!(i18n, search_scale.heading).to_string(),
        (None, _) => t_string!(i18n, direct.results, n = total).to_string(),
    };
    // At national scale a short prefix or a very common name matches more than one small file.
    let more = rows.more.map(|n| {
        if total == 0 {
            t_string!(i18n, search_scale.type_more, n = n).to_string()
        } else {
            t_string!(i18n, search_scale.partial, n = n).to_string()
        }
    });
    let go = move |p: u32| {
        let set = set.clone();
        let f = Filters { page: p, ..filters.clone() };
        move |_| set(f.clone())
    };
    view! {
        <h2 class="results-heading" aria-live="polite">{heading}</h2>
        {more.clone().map(|m| view! { <p class="hint search-more" role="status">{m}</p> })}
        {if shown.is_empty() && more.is_none() {
            view! { <p class="empty">{tr!(direct.no_results)}</p> }.into_any()
        } else if shown.is_empty() {
            ().into_any()
        } else {
            view! { <ul class="deputy-list">{shown.into_iter().map(|d| view! { <DeputyCard deputy=d /> }).collect_view()}</ul> }.into_any()
        }}
        {(pages > 1).then(|| view! {
            <nav class="pager" aria-label=move || t_string!(i18n, pager.label)>
                {(page > 1).then(|| view! { <button type="button" class="button secondary" on:click=go(page - 1)>{tr!(pager.prev)}</button> })}
                <span class="pager-status">{t!(i18n, pager.page_of, page = page, pages = pages)}</span>
                {(page < pages).then(|| view! { <button type="button" class="button secondary" on:click=go(page + 1)>{tr!(pager.next)}</button> })}
            </nav>
        })}
    }
}
