//! The consultations list: open ones first, each with its phase, deadline and a countdown;
//! filters by status and year in the URL. Closed ones stay readable.

use deputy_model::clock;
use deputy_model::consult::{ConsultationSummary, Phase, accepts_comments, days_left};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::{now, phase_label};
use crate::data::{self, DataResource};
use crate::i18n::*;
use crate::ui::{href, loaded, replace_query};

#[component]
pub fn ConsultPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let status = Memo::new(move |_| query.read().get("status").unwrap_or_default());
    let year = Memo::new(move |_| query.read().get("year").unwrap_or_default());
    let index = DataResource::new(data::consultations);
    let navigate = use_navigate();
    let set = move |status: String, year: String| {
        replace_query(&navigate, "/consult", &[("status", &status), ("year", &year)]);
    };
    let set2 = set.clone();
    view! {
        <section class="page consult">
            <h1>{tr!(consult.title)}</h1>
            <p class="lead">{tr!(consult.intro)}</p>
            {loaded(index, move |idx| {
                let mut years: Vec<String> = idx.consultations.iter().map(|c| c.opens.chars().take(4).collect()).collect();
                years.sort();
                years.dedup();
                years.reverse();
                let set_a = set.clone();
                let set_b = set2.clone();
                let items = idx.consultations.clone();
                view! {
                    <form class="form filters consult-filters" on:submit=|ev| ev.prevent_default()>
                        <div class="field">
                            <label for="c-status">{tr!(consult.status)}</label>
                            <select id="c-status" on:change=move |ev| set_a(event_target_value(&ev), year.get_untracked())>
                                <option value="" selected=move || status.get().is_empty()>{tr!(consult.any_status)}</option>
                                {[Phase::Open, Phase::Summarizing, Phase::Published].into_iter().map(|p| {
                                    let key = phase_key(p);
                                    view! { <option value=key selected=move || status.get() == key>{move || phase_label(i18n, p)}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for="c-year">{tr!(consult.year)}</label>
                            <select id="c-year" on:change=move |ev| set_b(status.get_untracked(), event_target_value(&ev))>
                                <option value="" selected=move || year.get().is_empty()>{tr!(consult.any_year)}</option>
                                {years.into_iter().map(|y| {
                                    let v = y.clone();
                                    view! { <option value=y.clone() selected=move || year.get() == v>{y.clone()}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                    </form>
                    {move || {
                        let (s, y) = (status.get(), year.get());
                        let shown: Vec<ConsultationSummary> = items
                            .iter()
                            .filter(|c| s.is_empty() || phase_key(c.phase) == s)
                            .filter(|c| y.is_empty() || c.opens.starts_with(&y))
                            .cloned()
                            .collect();
                        if shown.is_empty() {
                            view! { <p class="empty">{tr!(consult.empty)}</p> }.into_any()
                        } else {
                            view! { <ul class="consult-list">{shown.into_iter().map(|c| view! { <ConsultCard c /> }).collect_view()}</ul> }.into_any()
                        }
                    }}
                }
            })}
        </section>
    }
}

fn phase_key(p: Phase) -> &'static str {
    match p {
        Phase::Open => "open",
        Phase::Summarizing => "summarizing",
        Phase::Published => "published",
    }
}

#[component]
fn ConsultCard(c: ConsultationSummary) -> impl IntoView {
    let i18n = use_i18n();
    let open = c.phase == Phase::Open && accepts_comments(&c.opens, &c.closes, now());
    let left = days_left(&c.closes, clock::shanghai_date(now()));
    view! {
        <li class="consult-card">
            <A href=href(&format!("/consult/{}", c.id)) attr:class="consult-title">{c.title.clone()}</A>
            <p class="news-meta">
                <span class=format!("phase-badge phase-{}", phase_key(c.phase))>{phase_label(i18n, c.phase)}</span>
                {if open {
                    view! { <strong class="countdown">{t!(i18n, consult.days_left, n = left)}</strong> }.into_any()
                } else {
                    view! { <span>{tr!(consult.closed)}</span> }.into_any()
                }}
            </p>
            <p class="consult-summary">{c.summary.clone()}</p>
            <p class="news-meta">
                <span>{t!(i18n, consult.period, opens = c.opens.clone(), closes = c.closes.clone())}</span>
            </p>
            <p class="news-meta">
                <span>{tr!(consult.issuer)}{tr!(punct.colon)}{c.issuer.clone()}</span>
                <span>{t!(i18n, consult.participants, n = c.participants)}</span>
                <span>{t!(i18n, consult.comments, n = c.comment_count)}</span>
            </p>
        </li>
    }
}
