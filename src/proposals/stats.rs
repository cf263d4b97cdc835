//! /proposals/stats?year=: one year's suggestions by status, category and handling unit, with
//! each unit's on-time reply rate and satisfaction — SVG charts, each with its table.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::labels::status_label;
use crate::data::{self, DataResource};
use crate::i18n::*;
use crate::ui::{Bar, BarChart, loaded, replace_query};

#[component]
pub fn SuggestionStatsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let navigate = use_navigate();
    let index = DataResource::new(data::suggestion_index);
    view! {
        <section class="page proposal-stats">
            <h1>{tr!(proposals.stats_title)}</h1>
            <p class="lead">{tr!(proposals.stats_text)}</p>
            {loaded(index, move |idx| {
                let newest = idx.newest_year(crate::ui::today().year());
                let year = Memo::new(move |_| query.read().get("year").and_then(|y| y.parse::<i32>().ok()).unwrap_or(newest));
                let listed = idx.clone();
                let stats = DataResource::new(move || {
                    let y = year.get();
                    data::suggestion_stats(y, listed.lists(y))
                });
                let navigate = navigate.clone();
                view! {
                    // No year to choose before the first suggestion.
                    {(!idx.years.is_empty()).then(|| view! {
                        <form class="form filters" on:submit=|ev| ev.prevent_default()>
                            <div class="field">
                                <label for="st-year">{tr!(proposals.year)}</label>
                                <select id="st-year" on:change=move |ev| replace_query(&navigate, "/proposals/stats", &[("year", &event_target_value(&ev))])>
                                    {idx.years.iter().map(|y| { let y = *y; view! {
                                        <option value=y.to_string() selected=move || year.get() == y>{y}</option>
                                    }}).collect_view()}
                                </select>
                            </div>
                        </form>
                    })}
                    {loaded(stats, move |s| {
                        let h = |a: &str, b: &str| (a.to_string(), b.to_string());
                        let status_bars: Vec<Bar> = s.by_status.iter().map(|c| Bar {
                            label: deputy_model::suggestion::Status::from_key(&c.key).map(|st| status_label(i18n, st).to_string()).unwrap_or(c.key.clone()),
                            value: c.count as f64,
                            text: c.count.to_string(),
                        }).collect();
                        let category_bars: Vec<Bar> = s.by_category.iter().map(|c| Bar { label: c.key.clone(), value: c.count as f64, text: c.count.to_string() }).collect();
                        let unit_bars: Vec<Bar> = s.by_unit.iter().map(|u| Bar { label: u.unit.clone(), value: u.assigned as f64, text: u.assigned.to_string() }).collect();
                        let pct = |p: Option<u32>| p.map(|p| format!("{p}%")).unwrap_or_else(|| "—".into());
                        let on_time_bars: Vec<Bar> = s.by_unit.iter().filter(|u| u.replies > 0).map(|u| Bar {
                            label: u.unit.clone(),
                            value: u.on_time_percent().unwrap_or(0) as f64,
                            text: pct(u.on_time_percent()),
                        }).collect();
                        let satisfied_bars: Vec<Bar> = s.by_unit.iter().filter(|u| u.satisfied_percent().is_some()).map(|u| Bar {
                            label: u.unit.clone(),
                            value: u.satisfied_percent().unwrap_or(0) as f64,
                            text: pct(u.satisfied_percent()),
                        }).collect();
                        let units = s.by_unit.clone();
                        view! {
                            <p class="stats-total">{t!(i18n, proposals.total, year = s.year, n = s.total)}</p>
                            <BarChart id="chart-status" title=t_string!(i18n, proposals.by_status).to_string()
                                headers=h(tr!(proposals.status), tr!(proposals.count_col)) bars=status_bars />
                            <BarChart id="chart-category" title=t_string!(i18n, proposals.by_category).to_string()
                                headers=h(tr!(proposals.category), tr!(proposals.count_col)) bars=category_bars />
                            <BarChart id="chart-unit" title=t_string!(i18n, proposals.by_unit).to_string()
                                headers=h(tr!(proposals.lead_unit), tr!(proposals.count_col)) bars=unit_bars />
                            <BarChart id="chart-on-time" title=t_string!(i18n, proposals.on_time_chart).to_string()
                                headers=h(tr!(proposals.lead_unit), tr!(proposals.on_time)) bars=on_time_bars max=100.0 />
                            <BarChart id="chart-satisfaction" title=t_string!(i18n, proposals.satisfaction_chart).to_string()
                                headers=h(tr!(proposals.lead_unit), tr!(proposals.satisfaction)) bars=satisfied_bars max=100.0 />
                            <h2>{tr!(proposals.unit_table)}</h2>
                            {if units.is_empty() {
                                view! { <p class="empty">{tr!(chart.none)}</p> }.into_any()
                            } else {
                                view! {
                                    <div class="table-scroll" role="region" aria-labelledby="unit-table-caption" tabindex="0">
                                        <table class="data-table unit-table">
                                            <caption id="unit-table-caption">{t!(i18n, proposals.unit_table_caption, year = s.year)}</caption>
                                            <thead><tr>
                                                <th scope="col">{tr!(proposals.lead_unit)}</th>
                                                <th scope="col">{tr!(proposals.count_col)}</th>
                                                <th scope="col">{tr!(proposals.replies)}</th>
                                                <th scope="col">{tr!(proposals.on_time)}</th>
                                                <th scope="col">{tr!(proposals.satisfaction)}</th>
                                            </tr></thead>
                                            <tbody>
                                                {units.into_iter().map(|u| view! {
                                                    <tr>
                                                        <th scope="row">{u.unit.clone()}</th>
                                                        <td>{u.assigned}</td>
                                                        <td>{u.replies}</td>
                                                        <td>{pct(u.on_time_percent())}</td>
                                                        <td>{pct(u.satisfied_percent())}</td>
                                                    </tr>
                                                }).collect_view()}
                                            </tbody>
                                        </table>
                                    </div>
                                }.into_any()
                            }}
                            <p class="method">{tr!(proposals.stats_method)}</p>
                        }
                    })}
                }
            })}
        </section>
    }
}
