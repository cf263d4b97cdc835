//! The statistics views shared by the duty record, the stats page and the annual report: counts
//! by kind for a year, totals over the years, and the year-on-year table. The numbers come from
//! `deputy_model::activity_stats`; this only lays them out.

use deputy_model::activity::ActivityKind;
use deputy_model::activity_stats::{YearStats, compare};
use leptos::prelude::*;

use super::kinds::kind_label;
use crate::i18n::*;
use crate::ui::{Bar, BarChart};

/// Counts by kind in one year, as a chart with its table.
#[component]
pub fn KindChart(id: &'static str, year: YearStats) -> impl IntoView {
    let i18n = use_i18n();
    let bars: Vec<Bar> = ActivityKind::ALL.iter().map(|k| Bar::count(kind_label(i18n, *k), year.count(*k))).collect();
    let title = t_string!(i18n, records.stats_of_year, year = year.year).to_string();
    view! { <BarChart id title bars /> }
}

/// Total activities per year, as a chart with its table.
#[component]
pub fn YearsChart(id: &'static str, years: Vec<YearStats>) -> impl IntoView {
    let i18n = use_i18n();
    let (from, to) = (years.first().map(|y| y.year).unwrap_or(0), years.last().map(|y| y.year).unwrap_or(0));
    let title = t_string!(i18n, records.chart_years, from = from, to = to).to_string();
    let bars: Vec<Bar> = years.iter().map(|y| Bar::count(y.year.to_string(), y.total())).collect();
    let head = (t_string!(i18n, records.year_col).to_string(), t_string!(i18n, records.total_col).to_string());
    view! { <BarChart id title bars headers=head /> }
}

/// This year against the year before, by kind, with the change.
#[component]
pub fn YoyTable(years: Vec<YearStats>, year: i32) -> impl IntoView {
    let i18n = use_i18n();
    let rows = compare(&years, year);
    // The change and its percentage, which may wrap onto a second line on a narrow phone (the
    // table must fit 320 px in 关怀版 without scrolling sideways).
    let change = move |delta: i64, percent: Option<i64>| {
        let note = match percent {
            _ if delta == 0 => None,
            Some(p) => Some(format!("{}{p:+}%{}", tr!(punct.open), tr!(punct.close))),
            None => Some(format!("{}{}{}", tr!(punct.open), t_string!(i18n, records.no_base), tr!(punct.close))),
        };
        let delta = if delta == 0 { "0".to_string() } else { format!("{delta:+}") };
        view! { {delta}{note.map(|n| view! { <span class="change-note">{n}</span> })} }
    };
    view! {
        <table class="data-table yoy">
            <caption>{t_string!(i18n, records.yoy_caption, year = year, last = year - 1).to_string()}</caption>
            <thead>
                <tr>
                    <th scope="col">{tr!(records.chart_label)}</th>
                    <th scope="col">{t_string!(i18n, records.this_year, year = year).to_string()}</th>
                    <th scope="col">{t_string!(i18n, records.this_year, year = year - 1).to_string()}</th>
                    <th scope="col">{tr!(records.change)}</th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|c| {
                    let label = match c.kind {
                        Some(k) => kind_label(i18n, k).to_string(),
                        None => t_string!(i18n, records.total).to_string(),
                    };
                    view! {
                        <tr class:total=c.kind.is_none()>
                            <th scope="row">{label}</th>
                            <td>{c.this_year}</td>
                            <td>{c.last_year}</td>
                            <td>{change(c.delta(), c.percent())}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
