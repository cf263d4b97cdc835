//! A deputy's page: who they are, where and when to meet them, how they answer letters (with
//! the method stated), the public Q&A, and the 代表码 (QR code) for a station's wall.

use deputy_model::message::{PublicMessage, Responsiveness};
use deputy_model::{Deputy, Station, clock};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::{level_label, rating_label, state_label};
use crate::data::{self, DataResource};
use crate::i18n::*;
use crate::ui::{PersonName, PlaceName, QrSvg, href, loaded};

#[component]
pub fn DeputyPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let deputy = DataResource::new(move || data::deputy(id.get()));
    view! { <article class="page deputy">{loaded(deputy, |d| view! { <DeputyView d /> })}</article> }
}

#[component]
fn DeputyView(d: Deputy) -> impl IntoView {
    let i18n = use_i18n();
    let s = d.summary.clone();
    let id = s.id.clone();
    let id_for_record = id.clone();
    let messages = DataResource::new({
        let (id, exists) = (id.clone(), d.has_messages);
        move || data::deputy_messages(id.clone(), exists)
    });
    let station = s.station_id.clone().map(|sid| DataResource::new(move || data::station(sid.clone())));
    let initial: String = s.name.chars().next().map(String::from).unwrap_or_default();
    // The group's name comes from groups.json (a few dozen entries, cached by the browser).
    let groups = DataResource::new(data::groups);
    let group_id = s.group_id.clone();
    let group_name = Signal::derive(move || {
        let id = group_id.clone()?;
        groups.get()?.ok()?.groups.into_iter().find(|g| g.id == id).map(|g| g.name)
    });
    let page_url = {
        let origin = document().location().and_then(|l| l.origin().ok()).unwrap_or_default();
        format!("{origin}{}", href(&format!("/direct/deputy/{id}")))
    };
    let qr_label = format!("{}{}{}", t_string!(i18n, direct.qr_heading), tr!(punct.colon), s.name);
    view! {
        <header class="deputy-head">
            {match d.photo.clone() {
                Some(photo) => view! { <img class="avatar large" src=format!("data/{photo}") alt="" /> }.into_any(),
                None => view! { <span class="avatar large" aria-hidden="true">{initial}</span> }.into_any(),
            }}
            <div>
                <h1><PersonName name=s.name.clone() one_word=s.name_mn.is_some() latin=s.name_latin.clone() /></h1>
                {s.name_mn.clone().map(|mn| view! { <p class="name-mn" lang="mn-Mong">{mn}</p> })}
                <p class="deputy-meta">
                    <span class=format!("level-badge level-{}", s.level.key())>{level_label(i18n, s.level)}</span>
                    <span><PlaceName name=s.region_name.clone() /></span>
                </p>
                <A href=href(&format!("/direct/write/{id}")) attr:class="button primary write-button">{tr!(direct.write)}</A>
            </div>
        </header>

        <section>
            <h2>{tr!(direct.profile_heading)}</h2>
            <dl class="facts">
                <dt>{tr!(direct.title_label)}</dt><dd>{s.title.clone()}</dd>
                <dt>{tr!(direct.constituency)}</dt><dd>{d.constituency.clone()}</dd>
                <dt>{tr!(direct.term)}</dt><dd>{d.term.clone()}</dd>
                <dt>{tr!(direct.group_label)}</dt>
                <dd>{move || group_name.get().unwrap_or_else(|| t_string!(i18n, direct.no_group).to_string())}</dd>
                <dt>{tr!(direct.ethnicity)}</dt><dd>{d.ethnicity.clone()}</dd>
            </dl>
            <h3>{tr!(direct.bio)}</h3>
            <p class="bio">{d.bio.clone()}</p>
        </section>

        {station.map(|st| view! {
            <section>
                <h2>{tr!(direct.station_days)}</h2>
                {loaded(st, move |st| view! { <Receptions st deputy_id=id.clone() /> })}
            </section>
        })}

        <section>
            <h2>{tr!(direct.stats_heading)}</h2>
            {loaded(messages, |m| view! { <StatsView stats=m.stats /> })}
            <p class="method">{tr!(direct.stats_method)}</p>
        </section>

        <crate::duties::DutyRecordLink id=id_for_record />

        <section>
            <h2>{tr!(direct.qa_heading)}</h2>
            {loaded(messages, |m| view! { <QaList items=m.messages show_deputy=false /> })}
        </section>

        <section class="qr-section">
            <h2>{tr!(direct.qr_heading)}</h2>
            <div class="qr-card">
                <QrSvg text=page_url label=qr_label />
                <div>
                    <p class="qr-name">{s.name.clone()}" · "{level_label(i18n, s.level)}</p>
                    <p>{tr!(direct.qr_text)}</p>
                    <button type="button" class="button secondary" on:click=|_| { let _ = window().print(); }>
                        {tr!(direct.print)}
                    </button>
                </div>
            </div>
        </section>
    }
}

#[component]
fn Receptions(st: Station, deputy_id: String) -> impl IntoView {
    let today = clock::format_date(crate::ui::today());
    let mine: Vec<_> =
        st.receptions.iter().filter(|r| r.deputy_id == deputy_id && r.date >= today).take(3).cloned().collect();
    view! {
        <p><strong>{st.summary.name.clone()}</strong></p>
        <p class="hint">{st.address.clone()}" · "{st.opening_hours.clone()}" · "<a href=format!("tel:{}", st.phone.replace('-', ""))>{st.phone.clone()}</a></p>
        {if mine.is_empty() {
            view! { <p>{tr!(direct.no_receptions)}</p> }.into_any()
        } else {
            view! {
                <p>{tr!(direct.next_receptions)}</p>
                <ul class="reception-list">
                    {mine.into_iter().map(|r| view! { <li><time datetime=r.date.clone()>{r.date.clone()}</time>" "{r.time.clone()}</li> }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

#[component]
pub fn StatsView(stats: Responsiveness) -> impl IntoView {
    let i18n = use_i18n();
    let none = move || t_string!(i18n, direct.stats_none).to_string();
    let answered = stats
        .answered_percent()
        .map(|p| format!("{p}%{}{}/{}{}", tr!(punct.open), stats.answered, stats.received, tr!(punct.close)))
        .unwrap_or_else(none);
    let median = stats.median_days.map(|d| t_string!(i18n, direct.stats_days, n = d).to_string()).unwrap_or_else(none);
    let satisfied = stats
        .satisfied_percent()
        .map(|p| format!("{p}%{}{}/{}{}", tr!(punct.open), stats.satisfied, stats.rated, tr!(punct.close)))
        .unwrap_or_else(none);
    view! {
        <dl class="stats">
            <div><dt>{tr!(direct.stats_received)}</dt><dd>{stats.received}</dd></div>
            <div><dt>{tr!(direct.stats_answered)}</dt><dd>{answered}</dd></div>
            <div><dt>{tr!(direct.stats_median)}</dt><dd>{median}</dd></div>
            <div><dt>{tr!(direct.stats_satisfied)}</dt><dd>{satisfied}</dd></div>
        </dl>
    }
}

#[component]
pub fn QaList(items: Vec<PublicMessage>, show_deputy: bool) -> impl IntoView {
    let i18n = use_i18n();
    if items.is_empty() {
        return view! { <p class="empty">{tr!(direct.qa_empty)}</p> }.into_any();
    }
    view! {
        <ul class="qa-list">
            {items.into_iter().map(|m| {
                let received = clock::show_timestamp(&m.received_at);
                view! {
                    <li class="qa-item" id=m.id.clone()>
                        <h3 class="qa-subject">{m.subject.clone()}</h3>
                        <p class="news-meta">
                            <span class="tag">{m.category.clone()}</span>
                            <span>{tr!(direct.received_on)}" "{received}</span>
                            <span class="state">{state_label(i18n, m.state)}</span>
                            {show_deputy.then(|| view! {
                                <A href=href(&format!("/direct/deputy/{}", m.deputy_id))>{m.deputy_name.clone()}</A>
                            })}
                        </p>
                        <p class="qa-content">{m.content.clone()}</p>
                        {m.reply.clone().map(|r| view! {
                            <div class="qa-reply">
                                <p class="qa-reply-by">{tr!(direct.reply_by)}{tr!(punct.colon)}{r.by.clone()}" · "{clock::show_timestamp(&r.at)}</p>
                                <p>{r.text.clone()}</p>
                            </div>
                        })}
                        {m.rating.map(|r| view! { <p class="qa-rating">{tr!(direct.state_rated)}{tr!(punct.colon)}{rating_label(i18n, r)}</p> })}
                        {match m.suggestion_id.clone() {
                            Some(id) => view! {
                                <p class="qa-suggestion">
                                    <a href=href(&format!("/proposals/{id}"))>{t!(i18n, direct.became_suggestion, id = id.clone())}</a>
                                </p>
                            }.into_any(),
                            // 转为建议: a deputy opens the suggestion form with a reference to this letter.
                            None => view! {
                                <p class="qa-to-suggestion">
                                    <a href=href(&format!("/proposals/write{}", crate::ui::query_string(&[("from", &m.id), ("subject", &m.subject), ("deputy", &m.deputy_id)])))
                                        aria-label=t_string!(i18n, direct.to_suggestion_of, subject = m.subject.clone()).to_string()>
                                        {tr!(direct.to_suggestion)}
                                    </a>
                                </p>
                            }.into_any(),
                        }}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
