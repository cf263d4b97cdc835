//! 履职档案: a deputy's duty record. Statistics of a year (by kind, against the year before,
//! training hours, how they answer letters) with the deputy's own note beside them, then the
//! timeline, filtered by year and kind in the URL (`?year=2025&type=research`), and links to
//! the annual reports.

use deputy_model::activity::{ActivityKind, DeputyActivities, filter};
use deputy_model::activity_stats::by_year;
use deputy_model::{Deputy, clock};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use super::figures::{KindChart, YearsChart, YoyTable};
use super::kinds::{kind_label, parse_year};
use super::timeline::ActivityItem;
use crate::data::{self, DataResource};
use crate::direct::{StatsView, level_label};
use crate::i18n::*;
use crate::ui::{PlaceName, href, loaded, person_text, replace_query};

#[component]
pub fn DutyRecordPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let deputy = DataResource::new(move || data::deputy(id.get()));
    let record = DataResource::new(move || data::activities(id.get()));
    view! {
        <article class="page duty-record">
            {loaded(deputy, move |d| view! { {loaded(record, move |r| view! { <RecordView d=d.clone() r /> })} })}
        </article>
    }
}

/// The last year the figures cover: the newest activity's, or this year for an empty record.
pub fn last_year(r: &DeputyActivities) -> i32 {
    r.years().first().copied().unwrap_or_else(|| crate::ui::today().year())
}

#[component]
fn RecordView(d: Deputy, r: DeputyActivities) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let year = Memo::new(move |_| query.read().get("year").and_then(|y| parse_year(&y)));
    let kind = Memo::new(move |_| query.read().get("type").and_then(|k| ActivityKind::from_key(&k)));
    let navigate = use_navigate();
    let id = d.summary.id.clone();
    let path = format!("/duties/deputy/{id}");
    let set = {
        let path = path.clone();
        move |year: Option<i32>, kind: Option<ActivityKind>| {
            let y = year.map(|y| y.to_string()).unwrap_or_default();
            replace_query(&navigate, &path, &[("year", &y), ("type", kind.map(|k| k.key()).unwrap_or(""))]);
        }
    };
    let last = last_year(&r);
    let years = by_year(&r.activities, last);
    let year_list = r.years();
    // The figures show the chosen year, or the latest one.
    let shown_year = move || year.get().unwrap_or(last);
    let messages = DataResource::new({
        let (id, exists) = (id.clone(), d.has_messages);
        move || data::deputy_messages(id.clone(), exists)
    });
    let activities = r.activities.clone();
    let (set_y, set_k) = (set.clone(), set);
    let name = d.summary.name.clone();
    let (one_word, latin) = (d.summary.name_mn.is_some(), d.summary.name_latin.clone());
    view! {
        <h1>{move || t_string!(i18n, records.record_title, name = person_text(&name, one_word, latin.as_deref()))}</h1>
        <p class="deputy-meta">
            <span class=format!("level-badge level-{}", d.summary.level.key())>{level_label(i18n, d.summary.level)}</span>
            <span><PlaceName name=d.summary.region_name.clone() /></span>
            <A href=href(&format!("/direct/deputy/{id}"))>{tr!(records.deputy_page)}</A>
        </p>
        <p class="lead">{tr!(records.record_intro)}</p>

        <section class="record-stats">
            <h2>{tr!(records.stats_heading)}</h2>
            <div class="stats-with-note">
                <div class="stats-figures">
                    {
                        let years = years.clone();
                        move || {
                            let y = shown_year();
                            let ys = years.iter().find(|s| s.year == y).cloned().unwrap_or_default();
                            let hours = ys.training_hours;
                            let four = ys.four_tasks();
                            view! {
                                <dl class="stats">
                                    <div><dt>{t_string!(i18n, records.this_year, year = y).to_string()}</dt><dd>{ys.total()}</dd></div>
                                    <div><dt>{tr!(records.four_tasks)}</dt><dd>{four}</dd></div>
                                    <div><dt>{tr!(records.training_hours)}</dt><dd>{hours}</dd></div>
                                </dl>
                                <KindChart id="record-kinds" year=ys />
                                <h3>{tr!(records.yoy_heading)}</h3>
                                <YoyTable years=years.clone() year=y />
                            }
                        }
                    }
                    <YearsChart id="record-years" years=years.clone() />
                    <h3>{tr!(records.replies_heading)}</h3>
                    {loaded(messages, |m| view! { <StatsView stats=m.stats /> })}
                    <p class="hint">{tr!(records.replies_note)}</p>
                </div>
                {r.own_note.clone().map(|note| view! { <OwnNoteView date=note.date text=note.text /> })}
            </div>
        </section>

        <section class="reports">
            <h2>{tr!(records.reports)}</h2>
            <ul class="level-links">
                {year_list.clone().into_iter().map(|y| view! {
                    <li><A href=href(&format!("/duties/report/{id}/{y}")) attr:class="button secondary">
                        {t_string!(i18n, records.report_year, year = y).to_string()}
                    </A></li>
                }).collect_view()}
            </ul>
        </section>

        <section class="timeline-section">
            <h2>{tr!(records.timeline)}</h2>
            <form class="form filters consult-filters" on:submit=|ev| ev.prevent_default()>
                <div class="field">
                    <label for="r-year">{tr!(records.year)}</label>
                    <select id="r-year" on:change=move |ev| set_y(parse_year(&event_target_value(&ev)), kind.get_untracked())>
                        <option value="" selected=move || year.get().is_none()>{tr!(records.any_year)}</option>
                        {year_list.into_iter().map(|y| {
                            view! { <option value=y.to_string() selected=move || year.get() == Some(y)>{y}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="r-type">{tr!(records.kind)}</label>
                    <select id="r-type" on:change=move |ev| set_k(year.get_untracked(), ActivityKind::from_key(&event_target_value(&ev)))>
                        <option value="" selected=move || kind.get().is_none()>{tr!(records.any_kind)}</option>
                        {ActivityKind::ALL.into_iter().map(|k| view! {
                            <option value=k.key() selected=move || kind.get() == Some(k)>{kind_label(i18n, k)}</option>
                        }).collect_view()}
                    </select>
                </div>
            </form>
            {move || {
                let shown: Vec<_> = filter(&activities, year.get(), kind.get()).into_iter().cloned().collect();
                let n = shown.len();
                view! {
                    <p class="results-heading" role="status">{t_string!(i18n, records.count, n = n).to_string()}</p>
                    {if shown.is_empty() {
                        view! { <p class="empty">{tr!(records.none)}</p> }.into_any()
                    } else {
                        view! { <ol class="timeline">{shown.into_iter().map(|a| view! { <ActivityItem a /> }).collect_view()}</ol> }.into_any()
                    }}
                }
            }}
        </section>
    }
}

/// The deputy's own words beside their statistics, marked as theirs.
#[component]
pub fn OwnNoteView(date: String, text: String) -> impl IntoView {
    let i18n = use_i18n();
    let shown = clock::parse_date(&date).map(clock::format_date).unwrap_or(date);
    view! {
        <aside class="own-note" aria-labelledby="own-note-heading">
            <h3 id="own-note-heading">{tr!(records.own_note)}</h3>
            <p class="hint">{tr!(records.own_note_hint)}</p>
            <blockquote><p>{text}</p></blockquote>
            <p class="hint">{t_string!(i18n, records.own_note_date, date = shown).to_string()}</p>
        </aside>
    }
}

/// On the deputy's page (直通代表): the way to their duty record.
#[component]
pub fn DutyRecordLink(id: String) -> impl IntoView {
    view! {
        <section class="duty-link">
            <h2>{tr!(records.record_heading)}</h2>
            <p>{tr!(records.record_intro)}</p>
            <p><A href=href(&format!("/duties/deputy/{id}")) attr:class="button secondary">{tr!(records.open_record)}</A></p>
        </section>
    }
}
