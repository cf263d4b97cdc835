//! "本周代表接待": the week's receptions at the city hub and county branches (the ones most
//! people can reach), from `receptions/{monday}.json`.

use deputy_model::clock;
use deputy_model::station::{StationTier, WeekReceptions};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::data::{self, DataResource};
use crate::i18n::*;
use crate::ui::{PersonName, href, loaded};

#[component]
pub fn ThisWeek() -> impl IntoView {
    let i18n = use_i18n();
    let monday = clock::format_date(deputy_model::station::week_start(crate::ui::today()));
    // Whether this week has a file (site.json's reception_weeks): `None` until the site's
    // settings are in. A week without one is "none this week", without a request or a 404.
    // (A closure, not a memo: the settings arrive once, and a memo of a new type costs the
    // home page's code 1.5 KB gzip.)
    let site = crate::data::use_site();
    let has_file = {
        let monday = monday.clone();
        move || site.config().map(|c| c.reception_weeks.is_some_and(|span| span.contains(&monday)))
    };
    let show = move |w: WeekReceptions| {
        let top: Vec<_> = w.receptions.into_iter().filter(|r| r.tier <= StationTier::CountyBranch).take(8).collect();
        if top.is_empty() {
            view! { <p class="empty">{tr!(duties.home_week_none)}</p> }.into_any()
        } else {
            view! {
                <ul class="week-list">
                    {top.into_iter().map(|r| view! {
                        <li>
                            <time datetime=r.date.clone()>{r.date.clone()}" "{super::stations::weekday_label(i18n, &r.date)}</time>
                            <A href=href(&format!("/duties/stations/{}", r.station_id))>{r.station_name.clone()}</A>
                            <A href=href(&format!("/direct/deputy/{}", r.deputy_id))><PersonName name=r.deputy_name.clone() /></A>
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }
    };
    view! {
        <section class="this-week-section">
            <h2>{tr!(duties.home_week)}</h2>
            {move || has_file().map(|has| match has {
                true => {
                    let monday = monday.clone(); loaded(DataResource::new(move || data::week_receptions(monday.clone())), show).into_any()
                }
                false => show(WeekReceptions { format_version: 1, week_start: String::new(), receptions: Vec::new() }),
            })}
            <p><A href=href("/duties/stations")>{tr!(duties.more_stations)}" ›"</A></p>
        </section>
    }
}
