//! 履职统计: activities counted by kind and year for the whole city, a level, a 旗县区 (and a level
//! in it) or a deputy group, with the year-on-year comparison and how the scope's deputies answer
//! letters. Filters live in the URL (`?level=city&county=150802&group=g-social&year=2025`); each
//! choice fetches one small precomputed file (`activity-stats/{scope}.json`).

use deputy_model::Level;
use deputy_model::activity_stats::{ScopeStats, scope_key};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::figures::{KindChart, YearsChart, YoyTable};
use super::kinds::parse_year;
use crate::data::{self, DataResource};
use crate::direct::{StatsView, level_label};
use crate::i18n::*;
use crate::ui::{loaded, replace_query};

#[component]
pub fn DutyStatsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let get = move |k: &'static str| Memo::new(move |_| query.read().get(k).unwrap_or_default());
    let (level, county, group, year) = (get("level"), get("county"), get("group"), get("year"));
    let navigate = use_navigate();
    let set = move |k: &'static str, v: String| {
        let mut pairs = [
            ("level", level.get_untracked()),
            ("county", county.get_untracked()),
            ("group", group.get_untracked()),
            ("year", year.get_untracked()),
        ];
        for p in pairs.iter_mut() {
            if p.0 == k {
                p.1 = v.clone();
            }
        }
        let refs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        replace_query(&navigate, "/duties/stats", &refs);
    };
    let key = Memo::new(move |_| {
        let l = Level::from_key(&level.get());
        let c = county.get();
        let g = group.get();
        scope_key(l, Some(c.as_str()), Some(g.as_str()))
    });
    let stats = DataResource::new(move || data::activity_stats(key.get()));
    let groups = DataResource::new(data::groups);
    let (s1, s2, s3) = (set.clone(), set.clone(), set.clone());
    view! {
        <section class="page duty-stats">
            <h1>{tr!(records.stats_title)}</h1>
            <p class="lead">{tr!(records.stats_intro)}</p>
            <form class="form filters consult-filters" on:submit=|ev| ev.prevent_default()>
                <div class="field">
                    <label for="st-level">{tr!(records.level)}</label>
                    <select id="st-level" disabled=move || !group.get().is_empty() on:change=move |ev| s1("level", event_target_value(&ev))>
                        <option value="" selected=move || level.get().is_empty()>{tr!(records.any_level)}</option>
                        {Level::ALL.into_iter().map(|l| view! {
                            <option value=l.key() selected=move || level.get() == l.key()>{level_label(i18n, l)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="st-county">{tr!(duties.county)}</label>
                    <select id="st-county" disabled=move || !group.get().is_empty() on:change=move |ev| s2("county", event_target_value(&ev))>
                        <option value="" selected=move || county.get().is_empty()>{tr!(duties.any_county)}</option>
                        <super::place::CountyOptions selected=county />
                    </select>
                </div>
                <div class="field">
                    <label for="st-group">{tr!(records.group)}</label>
                    <select id="st-group" on:change=move |ev| s3("group", event_target_value(&ev))>
                        <option value="" selected=move || group.get().is_empty()>{tr!(records.any_group)}</option>
                        {move || groups.get().and_then(|r| r.ok()).map(|g| g.groups.into_iter().map(|g| {
                            let v = g.id.clone();
                            view! { <option value=g.id.clone() selected=move || group.get() == v>{g.name.clone()}</option> }
                        }).collect_view())}
                    </select>
                </div>
                {loaded(stats, move |s| {
                    let set = set.clone();
                    let years: Vec<i32> = s.years.iter().rev().map(|y| y.year).collect();
                    view! {
                        <div class="field">
                            <label for="st-year">{tr!(records.year)}</label>
                            <select id="st-year" on:change=move |ev| set("year", event_target_value(&ev))>
                                {years.clone().into_iter().enumerate().map(|(i, y)| {
                                    let first = i == 0;
                                    view! { <option value=y.to_string() selected=move || parse_year(&year.get()).map_or(first, |v| v == y)>{y}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                    }
                })}
            </form>
            {move || (!group.get().is_empty()).then(|| view! { <p class="hint">{tr!(records.group_overrides)}</p> })}
            {loaded(stats, move |s| view! { <ScopeView s year=parse_year(&year.get()) /> })}
            <p class="method">{tr!(records.method)}</p>
        </section>
    }
}

#[component]
fn ScopeView(s: ScopeStats, year: Option<i32>) -> impl IntoView {
    let i18n = use_i18n();
    let last = s.years.last().map(|y| y.year).unwrap_or(0);
    let y = year.filter(|y| s.year(*y).is_some()).unwrap_or(last);
    let ys = s.year(y).cloned().unwrap_or_default();
    let per = s.per_deputy(y).map(|p| format!("{p}")).unwrap_or_else(|| "—".into());
    view! {
        <dl class="stats">
            <div><dt>{tr!(records.deputies_count)}</dt><dd>{s.deputies}</dd></div>
            <div><dt>{t_string!(i18n, records.this_year, year = y).to_string()}" "{tr!(records.activities_total)}</dt><dd>{ys.total()}</dd></div>
            <div><dt>{tr!(records.per_deputy)}</dt><dd>{per}</dd></div>
            <div><dt>{tr!(records.training_hours)}</dt><dd>{ys.training_hours}</dd></div>
        </dl>
        <h2>{t_string!(i18n, records.stats_of_year, year = y).to_string()}</h2>
        <KindChart id="stats-kinds" year=ys />
        <h2>{tr!(records.yoy_heading)}</h2>
        <YearsChart id="stats-years" years=s.years.clone() />
        <YoyTable years=s.years.clone() year=y />
        <h2>{tr!(records.replies_heading)}</h2>
        <StatsView stats=s.replies.clone() />
    }
}
