//! Liaison stations in four tiers: a tree (city hub → county branches → township homes →
//! village points) and a filtered list, and each station's page with address, hours, this
//! week's receptions, the deputies attached and its QR code (联络站码).

use deputy_model::station::{StationSummary, StationTier};
use deputy_model::{Station, clock};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use crate::data::{self, DataResource};
use crate::direct::DeputyCard;
use crate::i18n::*;
use crate::ui::{PersonName, PlaceName, QrSvg, href, loaded, place_text, replace_query};

pub fn tier_label(i18n: I18n, t: StationTier) -> &'static str {
    match t {
        StationTier::CityHub => t_string!(i18n, duties.tier_city_hub),
        StationTier::CountyBranch => t_string!(i18n, duties.tier_county_branch),
        StationTier::TownshipHome => t_string!(i18n, duties.tier_township_home),
        StationTier::VillagePoint => t_string!(i18n, duties.tier_village_point),
    }
}

fn tier_key(t: StationTier) -> &'static str {
    match t {
        StationTier::CityHub => "city_hub",
        StationTier::CountyBranch => "county_branch",
        StationTier::TownshipHome => "township_home",
        StationTier::VillagePoint => "village_point",
    }
}

/// "周二" for a `YYYY-MM-DD` date, so a reception reads as a day of the week ("" if unreadable).
pub fn weekday_label(i18n: I18n, date: &str) -> &'static str {
    use time::Weekday::*;
    match clock::parse_date(date).map(|d| d.weekday()) {
        Some(Monday) => t_string!(i18n, sunshine.wd_mon),
        Some(Tuesday) => t_string!(i18n, sunshine.wd_tue),
        Some(Wednesday) => t_string!(i18n, sunshine.wd_wed),
        Some(Thursday) => t_string!(i18n, sunshine.wd_thu),
        Some(Friday) => t_string!(i18n, sunshine.wd_fri),
        Some(Saturday) => t_string!(i18n, sunshine.wd_sat),
        Some(Sunday) => t_string!(i18n, sunshine.wd_sun),
        None => "",
    }
}

#[component]
pub fn StationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let tier = Memo::new(move |_| query.read().get("tier").unwrap_or_default());
    let county = Memo::new(move |_| query.read().get("county").unwrap_or_default());
    let index = DataResource::new(data::station_index);
    let navigate = use_navigate();
    let set = move |tier: String, county: String| {
        replace_query(&navigate, "/duties/stations", &[("tier", &tier), ("county", &county)]);
    };
    view! {
        <section class="page stations">
            <h1>{tr!(duties.stations_title)}</h1>
            <p class="lead">{tr!(duties.stations_intro)}</p>
            <p hidden={let map = crate::ui::shown(deputy_model::Module::Map); move || !map()}><A href=href("/duties/map")>{tr!(sunshine.on_map)}" ›"</A></p>
            {loaded(index, move |idx| {
                let all = idx.stations.clone();
                let counties: Vec<StationSummary> = all.iter().filter(|s| s.tier == StationTier::CountyBranch).cloned().collect();
                let (set_a, set_b) = (set.clone(), set.clone());
                view! {
                    <form class="form filters consult-filters" on:submit=|ev| ev.prevent_default()>
                        <div class="field">
                            <label for="s-tier">{tr!(duties.tier)}</label>
                            <select id="s-tier" on:change=move |ev| set_a(event_target_value(&ev), county.get_untracked())>
                                <option value="" selected=move || tier.get().is_empty()>{tr!(duties.any_tier)}</option>
                                {StationTier::ALL.into_iter().map(|t| view! {
                                    <option value=tier_key(t) selected=move || tier.get() == tier_key(t)>{move || tier_label(i18n, t)}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="s-county">{tr!(duties.county)}</label>
                            <select id="s-county" on:change=move |ev| set_b(tier.get_untracked(), event_target_value(&ev))>
                                <option value="" selected=move || county.get().is_empty()>{tr!(duties.any_county)}</option>
                                {counties.iter().map(|c| {
                                    let code = c.region_code.clone();
                                    let v = code.clone();
                                    view! { <option value=code selected=move || county.get() == v>{let n = c.region_name.clone(); move || place_text(&n)}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                    </form>
                    {move || {
                        let (t, c) = (tier.get(), county.get());
                        let shown: Vec<StationSummary> = all
                            .iter()
                            .filter(|s| t.is_empty() || tier_key(s.tier) == t)
                            .filter(|s| c.is_empty() || s.region_code.starts_with(&c))
                            .cloned()
                            .collect();
                        if t.is_empty() && c.is_empty() {
                            view! { <StationTree all=shown /> }.into_any()
                        } else {
                            view! {
                                <p class="results-heading">{t!(i18n, duties.count, n = shown.len())}</p>
                                <ul class="station-list">{shown.into_iter().map(|s| view! { <StationRow s /> }).collect_view()}</ul>
                            }.into_any()
                        }
                    }}
                }
            })}
        </section>
    }
}

#[component]
fn StationRow(s: StationSummary) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <li class="station-row">
            <A href=href(&format!("/duties/stations/{}", s.id)) attr:class="station-name">{s.name.clone()}</A>
            <span class="hint">{tier_label(i18n, s.tier)}" · "{s.region_name.clone()}</span>
        </li>
    }
}

/// The four tiers as nested lists, county branches open to their township homes; village points
/// folded under their home so the tree stays short on a phone.
#[component]
fn StationTree(all: Vec<StationSummary>) -> impl IntoView {
    let children = |parent: &str, all: &[StationSummary]| -> Vec<StationSummary> {
        all.iter().filter(|s| s.parent_id.as_deref() == Some(parent)).cloned().collect()
    };
    let roots: Vec<StationSummary> = all.iter().filter(|s| s.parent_id.is_none()).cloned().collect();
    view! {
        <ul class="station-tree">
            {roots.into_iter().map(|hub| {
                let branches = children(&hub.id, &all);
                view! {
                    <li>
                        <StationLink s=hub />
                        <ul>
                            {branches.into_iter().map(|b| {
                                let homes = children(&b.id, &all);
                                view! {
                                    <li>
                                        // A summary must not hold a link (nested controls): the branch's own
                                        // link is the first entry inside.
                                        <details>
                                            <summary class="station-county"><PlaceName name=b.region_name.clone() /></summary>
                                            <ul>
                                                <li><StationLink s=b /></li>
                                                {homes.into_iter().map(|h| {
                                                    let points = children(&h.id, &all);
                                                    view! {
                                                        <li>
                                                            <StationLink s=h />
                                                            {(!points.is_empty()).then(|| view! {
                                                                <ul class="points">{points.into_iter().map(|p| view! { <li><StationLink s=p /></li> }).collect_view()}</ul>
                                                            })}
                                                        </li>
                                                    }
                                                }).collect_view()}
                                            </ul>
                                        </details>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn StationLink(s: StationSummary) -> impl IntoView {
    view! { <A href=href(&format!("/duties/stations/{}", s.id)) attr:class="station-name">{s.name.clone()}</A> }
}

#[component]
pub fn StationPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let st = DataResource::new(move || data::station(id.get()));
    view! { <article class="page station">{loaded(st, |s| view! { <StationView s /> })}</article> }
}

#[component]
fn StationView(s: Station) -> impl IntoView {
    let i18n = use_i18n();
    let today = crate::ui::today();
    let monday = deputy_model::station::week_start(today);
    let sunday = monday + time::Duration::days(6);
    let (mon, sun, now) = (clock::format_date(monday), clock::format_date(sunday), clock::format_date(today));
    let this_week: Vec<_> = s.receptions.iter().filter(|r| r.date >= mon && r.date <= sun).cloned().collect();
    let upcoming: Vec<_> = s.receptions.iter().filter(|r| r.date > sun && r.date >= now).take(4).cloned().collect();
    let id = s.summary.id.clone();
    let region = s.summary.region_code.clone();
    let deputies = DataResource::new(move || data::place(region.clone()));
    let url = {
        let origin = document().location().and_then(|l| l.origin().ok()).unwrap_or_default();
        format!("{origin}{}", href(&format!("/duties/stations/{id}")))
    };
    let qr_label = format!("{}{}{}", t_string!(i18n, duties.qr_heading), tr!(punct.colon), s.summary.name);
    let sid = s.summary.id.clone();
    view! {
        <h1>{s.summary.name.clone()}</h1>
        <p class="news-meta"><span class="level-badge">{tier_label(i18n, s.summary.tier)}</span><span>{s.summary.region_name.clone()}</span></p>
        <dl class="facts">
            <dt>{tr!(duties.address)}</dt><dd>{s.address.clone()}</dd>
            <dt>{tr!(duties.phone)}</dt><dd><a href=format!("tel:{}", s.phone.replace('-', ""))>{s.phone.clone()}</a></dd>
            <dt>{tr!(duties.hours)}</dt><dd>{s.opening_hours.clone()}</dd>
        </dl>
        {s.summary.parent_id.clone().map(|p| view! {
            <p><A href=href(&format!("/duties/stations/{p}"))>{tr!(duties.parent)}</A></p>
        })}
        <section>
            <h2>{tr!(duties.this_week)}</h2>
            {if this_week.is_empty() {
                view! { <p>{tr!(duties.no_reception_this_week)}</p> }.into_any()
            } else {
                view! { <ul class="reception-list this-week">{this_week.into_iter().map(|r| view! {
                    <li><time datetime=r.date.clone()>{r.date.clone()}" "{weekday_label(i18n, &r.date)}</time>" "{r.time.clone()}" "
                        <A href=href(&format!("/direct/deputy/{}", r.deputy_id))><PersonName name=r.deputy_name.clone() /></A></li>
                }).collect_view()}</ul> }.into_any()
            }}
            {(!upcoming.is_empty()).then(|| view! {
                <h3>{tr!(duties.upcoming)}</h3>
                <ul class="reception-list">{upcoming.into_iter().map(|r| view! {
                    <li><time datetime=r.date.clone()>{r.date.clone()}" "{weekday_label(i18n, &r.date)}</time>" "{r.time.clone()}" "{r.deputy_name.clone()}</li>
                }).collect_view()}</ul>
            })}
        </section>
        <section>
            <h2>{tr!(duties.deputies)}</h2>
            {loaded(deputies, move |p| {
                let mine: Vec<_> = p.deputies.into_iter().filter(|d| d.station_id.as_deref() == Some(sid.as_str())).collect();
                if mine.is_empty() {
                    view! { <p>{tr!(duties.no_deputies)}</p> }.into_any()
                } else {
                    view! { <ul class="deputy-list">{mine.into_iter().map(|d| view! { <DeputyCard deputy=d /> }).collect_view()}</ul> }.into_any()
                }
            })}
        </section>
        <section class="qr-section">
            <h2>{tr!(duties.qr_heading)}</h2>
            <div class="qr-card">
                <QrSvg text=url label=qr_label />
                <div>
                    <p class="qr-name">{s.summary.name.clone()}</p>
                    <p>{tr!(duties.qr_text)}</p>
                    <button type="button" class="button secondary" on:click=|_| { let _ = window().print(); }>{tr!(duties.print)}</button>
                </div>
            </div>
        </section>
    }
}
