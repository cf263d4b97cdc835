//! 联络站地图: the 7 旗县区 as inline SVG from `map.json` (simplified outlines, no tile server),
//! with the city hub and county branches as markers. Every area and marker is a real link with
//! an accessible name, so the map works by keyboard: an area opens the station list filtered to
//! that 旗县区, a marker opens the station. A table below is the list alternative.

use deputy_model::map::{RegionMap, line_d, path_d};
use deputy_model::station::{StationIndex, StationTier};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::data::{self, DataResource};
use crate::i18n::*;
use crate::ui::{href, loaded};

fn county_href(code: &str) -> String {
    href(&format!("/duties/stations?county={code}"))
}

fn station_href(id: &str) -> String {
    href(&format!("/duties/stations/{id}"))
}

#[component]
pub fn MapPage() -> impl IntoView {
    let map = DataResource::new(data::region_map);
    let index = DataResource::new(data::station_index);
    view! {
        <section class="page station-map">
            <h1>{tr!(sunshine.map_title)}</h1>
            <p class="lead">{tr!(sunshine.map_intro)}</p>
            {loaded(map, move |m| view! {
                <RegionMapSvg m=m.clone() />
                <p class="hint map-note">{m.note.clone()}</p>
                {loaded(index, move |idx| view! { <CountyTable m=m.clone() idx /> })}
            })}
            <p><A href=href("/duties/stations")>{tr!(sunshine.all_stations)}" ›"</A></p>
        </section>
    }
}

/// The map itself. SVG `<a>` elements are not seen by the router's link handler (it only takes
/// HTML anchors), so each link navigates in-app on click (also fired by Enter).
#[component]
fn RegionMapSvg(m: RegionMap) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let go = move |url: String| {
        let navigate = navigate.clone();
        move |ev: leptos::ev::MouseEvent| {
            if ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
                return; // let the browser open a new tab
            }
            ev.prevent_default();
            navigate(&url, Default::default());
        }
    };
    let view_box = format!("0 0 {} {}", m.width, m.height);
    let river = line_d(&m.river);
    // Below the river's eastern part, where the map is empty (south of the river is outside the city).
    let river_label = m.river.get(m.river.len().saturating_sub(2)).copied().unwrap_or([0.0, 0.0]);
    let areas = m
        .areas
        .iter()
        .map(|a| {
            let url = county_href(&a.region_code);
            let label = format!("{}{}{}", a.name, tr!(punct.colon), t_string!(i18n, sunshine.area_link));
            let on_click = go(url.clone());
            view! {
                <g class="map-area">
                    <a href=url aria-label=label on:click=on_click>
                        <path d=path_d(&a.outline) />
                    </a>
                </g>
            }
        })
        .collect_view();
    // Names after all outlines, so a later area cannot paint over a name that reaches into it;
    // hidden from screen readers, as each area's link carries the name already.
    let names = m
        .areas
        .iter()
        .map(|a| view! { <text x=a.label[0] y=a.label[1] text-anchor="middle">{a.name.clone()}</text> })
        .collect_view();
    let markers = m
        .markers
        .iter()
        .map(|mk| {
            let url = station_href(&mk.station_id);
            let hub = mk.tier == StationTier::CityHub;
            let on_click = go(url.clone());
            view! {
                <g class=if hub { "map-marker hub" } else { "map-marker" }>
                    <a href=url aria-label=mk.name.clone() on:click=on_click>
                        // A larger transparent circle is the touch target; the visible dot sits inside.
                        <circle class="hit" cx=mk.at[0] cy=mk.at[1] r="14" />
                        <circle class="dot" cx=mk.at[0] cy=mk.at[1] r=if hub { "9" } else { "7" } />
                    </a>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="map-figure">
            <svg class="region-map" viewBox=view_box role="group" aria-labelledby="map-caption">
                {areas}
                <g class="map-names" aria-hidden="true">{names}</g>
                <path class="river" d=river />
                <text class="river-label" x=river_label[0] y=river_label[1] dy="22" aria-hidden="true">{tr!(sunshine.river)}</text>
                <text class="border-label" x=m.width / 2.0 y="24" text-anchor="middle" aria-hidden="true">{tr!(sunshine.border)}</text>
                {markers}
            </svg>
            <figcaption id="map-caption">{tr!(sunshine.map_caption)}</figcaption>
            <ul class="map-legend" aria-hidden="true">
                <li><span class="key hub"></span>{tr!(duties.tier_city_hub)}</li>
                <li><span class="key branch"></span>{tr!(duties.tier_county_branch)}</li>
            </ul>
        </figure>
    }
}

/// The list alternative: each 旗县区 with its branch and the number of stations in it.
#[component]
fn CountyTable(m: RegionMap, idx: StationIndex) -> impl IntoView {
    let rows = m
        .areas
        .into_iter()
        .map(|a| {
            let count = idx.stations.iter().filter(|s| s.region_code.starts_with(&a.region_code)).count();
            let branch = m
                .markers
                .iter()
                .find(|mk| mk.region_code == a.region_code && mk.tier == StationTier::CountyBranch)
                .cloned();
            view! {
                <tr>
                    <th scope="row"><A href=county_href(&a.region_code)>{a.name.clone()}</A></th>
                    <td>{branch.map(|b| view! { <A href=station_href(&b.station_id)>{b.name.clone()}</A> })}</td>
                    <td class="num">{count}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="data-table county-table">
                <caption>{tr!(sunshine.table_caption)}</caption>
                <thead><tr><th scope="col">{tr!(duties.county)}</th><th scope="col">{tr!(duties.tier_county_branch)}</th><th scope="col">{tr!(sunshine.station_count)}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
