//! 五级代表: for a township or a 旗县区, the deputies of all five levels who represent it
//! (`places/{code}.json`) and their joint activities (`joint/{code}.json`, 五级代表协同); and the
//! picker on the 阳光履职 hub that leads there (旗县区 → 苏木乡镇, the county kept in the URL).

use deputy_model::activity::JointActivity;
use deputy_model::deputy::PlaceDeputies;
use deputy_model::{Level, RegionNode};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use super::kinds::kind_label;
use crate::data::{self, DataError, DataResource, use_site};
use crate::direct::{DeputyCard, level_label};
use crate::i18n::*;
use crate::ui::{PersonName, PlaceName, href, loaded, place_text, replace_query};

/// The site's own region (the city), once the site config has loaded.
pub fn city_region() -> DataResource<RegionNode> {
    let site = use_site();
    DataResource::new(move || {
        let code = site.config().map(|c| c.region_code).unwrap_or_default();
        async move { if code.is_empty() { Err(DataError::Network) } else { data::region(code).await } }
    })
}

/// The city's 旗县区 as `<option>`s of a select, the one in `selected` (a region code) chosen.
#[component]
pub fn CountyOptions(#[prop(into)] selected: Signal<String>) -> impl IntoView {
    let city = city_region();
    move || {
        city.get().and_then(|r| r.ok()).map(|c| {
            c.children
                .into_iter()
                .map(|r| {
                    let v = r.code.clone();
                    view! { <option value=r.code.clone() selected=move || selected.get() == v>{let n = r.name.clone(); move || place_text(&n)}</option> }
                })
                .collect_view()
        })
    }
}

/// On the hub: pick a 旗县区, then one of its townships (or the county as a whole).
#[component]
pub fn PlacePicker() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let county = Memo::new(move |_| query.read().get("county").unwrap_or_default());
    let navigate = use_navigate();
    let node = DataResource::new(move || {
        let code = county.get();
        async move { if code.is_empty() { Ok(None) } else { data::region(code).await.map(Some) } }
    });
    view! {
        <section class="place-picker">
            <h2>{tr!(records.hub_places_heading)}</h2>
            <p>{tr!(records.hub_places_intro)}</p>
            <form class="form filters" on:submit=|ev| ev.prevent_default()>
                <div class="field">
                    <label for="pp-county">{tr!(records.pick_county)}</label>
                    <select id="pp-county" on:change=move |ev| replace_query(&navigate, "/duties", &[("county", &event_target_value(&ev))])>
                        <option value="" selected=move || county.get().is_empty()>{tr!(records.pick_county_first)}</option>
                        <CountyOptions selected=county />
                    </select>
                </div>
            </form>
            {move || node.get().and_then(|r| r.ok()).flatten().map(|c| view! {
                <h3>{let n = c.name.clone(); move || t_string!(i18n, records.towns_of, name = place_text(&n))}</h3>
                <ul class="town-links">
                    <li><A href=href(&format!("/duties/place/{}", c.code))>{let n = c.name.clone(); move || t_string!(i18n, records.county_itself, name = place_text(&n))}</A></li>
                    {c.children.clone().into_iter().map(|t| view! {
                        <li><A href=href(&format!("/duties/place/{}", t.code))><PlaceName name=t.name.clone() /></A></li>
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}

#[component]
pub fn PlacePage() -> impl IntoView {
    let params = use_params_map();
    let code = Memo::new(move |_| params.read().get("code").unwrap_or_default());
    let region = DataResource::new(move || data::region(code.get()));
    let place = DataResource::new(move || data::place(code.get()));
    let joint = DataResource::new(move || data::joint(code.get()));
    view! {
        <article class="page five-levels">
            {loaded(region, move |r| view! {
                <PlaceHead r />
                {loaded(place, |p| view! { <LevelsView p /> })}
                <section id="joint">
                    <h2>{tr!(records.joint_heading)}</h2>
                    {loaded(joint, |j| view! { <JointList items=j.activities /> })}
                </section>
            })}
        </article>
    }
}

#[component]
fn PlaceHead(r: RegionNode) -> impl IntoView {
    let i18n = use_i18n();
    // The county above a township, to go back up.
    let up = r.path.iter().rev().find(|p| p.code.len() == 6 && r.code.len() > 6).cloned();
    let towns = if r.code.len() == 6 { r.children.clone() } else { Default::default() };
    view! {
        <h1>{let n = r.name.clone(); move || t_string!(i18n, records.place_title, name = place_text(&n))}</h1>
        <p class="lead">{tr!(records.place_intro)}</p>
        {up.map(|c| view! {
            <p><A href=href(&format!("/duties/place/{}", c.code))>{let n = c.name.clone(); move || t_string!(i18n, records.up_county, name = place_text(&n))}</A></p>
        })}
        {(!towns.is_empty()).then(|| view! {
            <details class="background">
                <summary>{let n = r.name.clone(); move || t_string!(i18n, records.towns_of, name = place_text(&n))}</summary>
                <ul class="town-links">
                    {towns.into_iter().map(|t| view! { <li><A href=href(&format!("/duties/place/{}", t.code))><PlaceName name=t.name.clone() /></A></li> }).collect_view()}
                </ul>
            </details>
        })}
    }
}

#[component]
fn LevelsView(p: PlaceDeputies) -> impl IntoView {
    let i18n = use_i18n();
    // On a phone the lists are long: jump links to each level and to the joint activities.
    let jumps = Level::ALL
        .into_iter()
        .map(|l| {
            let n = p.deputies.iter().filter(|d| d.level == l).count();
            view! {
                <li><a href=format!("#level-{}", l.key()) on:click=move |ev| jump(ev, format!("level-{}", l.key()))>
                    {level_label(i18n, l)}" "{t_string!(i18n, records.level_count, n = n).to_string()}
                </a></li>
            }
        })
        .collect_view();
    let sections = Level::ALL
        .into_iter()
        .map(|l| {
            let mine: Vec<_> = p.deputies.iter().filter(|d| d.level == l).cloned().collect();
            let n = mine.len();
            view! {
                <section class="level-section" id=format!("level-{}", l.key())>
                    <h2>{level_label(i18n, l)}" "<span class="hint">{t_string!(i18n, records.level_count, n = n).to_string()}</span></h2>
                    {if mine.is_empty() {
                        view! { <p class="empty">{tr!(records.level_none)}</p> }.into_any()
                    } else {
                        view! { <ul class="deputy-list">{mine.into_iter().map(|d| view! { <DeputyCard deputy=d /> }).collect_view()}</ul> }.into_any()
                    }}
                </section>
            }
        })
        .collect_view();
    view! {
        <ul class="town-links level-jumps">
            {jumps}
            <li><a href="#joint" on:click=move |ev| jump(ev, "joint".into())>{tr!(records.joint_heading)}</a></li>
        </ul>
        {sections}
    }
}

/// In-page jump without a router navigation (the app has a <base>, so a bare "#id" would leave
/// the page): scroll to the target and move focus there.
fn jump(ev: leptos::ev::MouseEvent, id: String) {
    ev.prevent_default();
    if let Some(el) = document().get_element_by_id(&id) {
        el.scroll_into_view();
        let _ = el.set_attribute("tabindex", "-1");
        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
            let _ = el.focus();
        }
    }
}

#[component]
fn JointList(items: Vec<JointActivity>) -> impl IntoView {
    let i18n = use_i18n();
    if items.is_empty() {
        return view! { <p class="empty">{tr!(records.joint_none)}</p> }.into_any();
    }
    view! {
        <ol class="timeline joint">
            {items.into_iter().map(|j| {
                let n = j.levels().len();
                view! {
                    <li class="activity">
                        <p class="activity-meta">
                            <time datetime=j.date.clone()>{j.date.clone()}</time>
                            <span class="tag">{kind_label(i18n, j.kind)}</span>
                            <span class="tag">{t_string!(i18n, records.levels_in, n = n).to_string()}</span>
                        </p>
                        <h3 class="activity-title">{j.title.clone()}</h3>
                        <p class="hint">{tr!(records.place)}{tr!(punct.colon)}{j.place.clone()}</p>
                        <p class="activity-text">{j.text.clone()}</p>
                        <p class="participants">
                            <span class="hint">{tr!(records.participants)}{tr!(punct.colon)}</span>
                            {j.participants.clone().into_iter().map(|p| view! {
                                <span class="participant">
                                    <A href=href(&format!("/duties/deputy/{}", p.deputy_id))><PersonName name=p.name.clone() /></A>
                                    <span class=format!("level-badge level-{}", p.level.key())>{level_label(i18n, p.level)}</span>
                                </span>
                            }).collect_view()}
                        </p>
                        {j.news_id.clone().map(|id| view! {
                            <p><A href=href(&format!("/news/{id}"))>{tr!(records.link_news)}</A></p>
                        })}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
    .into_any()
}
