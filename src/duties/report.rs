//! 年度履职报告: one deputy's year on one page that prints cleanly on A4 (the shell, the buttons
//! and link styling are hidden by `@media print`; see the 履职档案 block in style/main.css).

use deputy_model::activity::{DeputyActivities, filter};
use deputy_model::activity_stats::by_year;
use deputy_model::{Deputy, clock};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::figures::{KindChart, YoyTable};
use super::kinds::{kind_label, parse_year};
use super::record::{OwnNoteView, last_year};
use crate::data::{self, DataResource, use_site};
use crate::direct::{StatsView, level_label};
use crate::i18n::*;
use crate::ui::{href, loaded};

#[component]
pub fn AnnualReportPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let year = Memo::new(move |_| params.read().get("year").and_then(|y| parse_year(&y)));
    let deputy = DataResource::new(move || data::deputy(id.get()));
    let record = DataResource::new(move || data::activities(id.get()));
    view! {
        <article class="page duty-report">
            {move || match year.get() {
                Some(y) => view! {
                    {loaded(deputy, move |d| view! { {loaded(record, move |r| view! { <ReportView d=d.clone() r year=y /> })} })}
                }.into_any(),
                None => view! { <crate::ui::NotFound /> }.into_any(),
            }}
        </article>
    }
}

#[component]
fn ReportView(d: Deputy, r: DeputyActivities, year: i32) -> impl IntoView {
    let i18n = use_i18n();
    let site = use_site();
    let s = d.summary.clone();
    let years = by_year(&r.activities, last_year(&r).max(year));
    let ys = years.iter().find(|y| y.year == year).cloned().unwrap_or_default();
    let mut list: Vec<_> = filter(&r.activities, Some(year), None).into_iter().cloned().collect();
    list.reverse(); // oldest first, as a report reads
    let messages = DataResource::new({
        let (id, exists) = (s.id.clone(), d.has_messages);
        move || data::deputy_messages(id.clone(), exists)
    });
    let summary = t_string!(
        i18n,
        records.report_summary_text,
        year = year,
        name = s.name.clone(),
        n = ys.total(),
        four = ys.four_tasks(),
        hours = ys.training_hours
    )
    .to_string();
    let data_date = move || site.config().map(|c| clock::show_timestamp(&c.updated_at)).unwrap_or_default();
    view! {
        <p class="report-actions">
            <A href=href(&format!("/duties/deputy/{}", s.id))>{tr!(records.back_record)}</A>
            <button type="button" class="button primary" on:click=|_| { let _ = window().print(); }>{tr!(records.print)}</button>
        </p>
        <h1>{t_string!(i18n, records.report_title, name = s.name.clone(), year = year).to_string()}</h1>
        <dl class="facts">
            <dt>{tr!(direct.title_label)}</dt><dd>{s.title.clone()}</dd>
            <dt>{tr!(records.level)}</dt><dd>{level_label(i18n, s.level)}" · "{d.term.clone()}</dd>
            <dt>{tr!(direct.constituency)}</dt><dd>{d.constituency.clone()}</dd>
        </dl>
        <section>
            <h2>{tr!(records.report_summary)}</h2>
            {if ys.total() == 0 {
                view! { <p>{tr!(records.report_no_year)}</p> }.into_any()
            } else {
                view! {
                    <p>{summary}</p>
                    <KindChart id="report-kinds" year=ys.clone() />
                    <YoyTable years=years.clone() year=year />
                }.into_any()
            }}
        </section>
        <section>
            <h2>{tr!(records.report_activities)}</h2>
            <table class="data-table report-list">
                <caption class="visually-hidden">{tr!(records.report_activities)}</caption>
                <thead><tr>
                    <th scope="col">{tr!(records.date_col)}</th>
                    <th scope="col">{tr!(records.chart_label)}</th>
                    <th scope="col">{tr!(records.activity_col)}</th>
                </tr></thead>
                <tbody>
                    {list.into_iter().map(|a| view! {
                        <tr>
                            <td><time datetime=a.date.clone()>{a.date.clone()}</time></td>
                            <td>{kind_label(i18n, a.kind)}</td>
                            <td>{a.title.clone()}<br /><span class="hint">{a.place.clone()}</span></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
        <section>
            <h2>{tr!(records.report_replies)}</h2>
            {loaded(messages, |m| view! { <StatsView stats=m.stats /> })}
            <p class="hint">{tr!(records.replies_note)}</p>
        </section>
        {r.own_note.clone().map(|n| view! {
            <section>
                <h2>{tr!(records.report_note)}</h2>
                <OwnNoteView date=n.date text=n.text />
            </section>
        })}
        <p class="report-footer hint">{move || t_string!(i18n, records.report_footer, date = data_date()).to_string()}</p>
    }
}
