//! /proposals/:id: a published suggestion — its full text in the official layout, who
//! co-signed and confirmed, the letter it grew from, its deadline clock while a reply is
//! awaited, and the timeline of its handling.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::deadline::DeadlineBox;
use super::doc::{DocText, SuggestionDoc};
use super::labels::status_label;
use super::timeline::Timeline;
use crate::data::{self, DataResource};
use crate::i18n::*;
use crate::ui::{PersonName, href, loaded};

#[component]
pub fn SuggestionPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let s = DataResource::new(move || data::suggestion(id.get()));
    view! {
        <section class="page proposal-detail">
            <p class="no-print"><A href=href("/proposals/list")>{tr!(proposals.back_to_list)}</A></p>
            {loaded(s, move |s| {
                let handling = s.handling().ok();
                let clock = handling.as_ref().and_then(|h| h.deadline(crate::ui::today()));
                let status = handling.as_ref().map(|h| h.status);
                let doc = DocText {
                    title: s.title.clone(),
                    category: s.category.clone(),
                    lead: s.lead.name.clone(),
                    cosigners: s.cosigners.iter().map(|c| (c.name.clone(), c.confirmed)).collect(),
                    unit: s.suggested_unit.clone().unwrap_or_default(),
                    facts: s.facts.clone(),
                    analysis: s.analysis.clone(),
                    proposals: s.proposals.clone(),
                    attachments: s.attachments.clone(),
                };
                view! {
                    <h1>{s.title.clone()}</h1>
                    <p class="news-meta">
                        {status.map(|st| view! { <span class=format!("status-badge status-{}", st.key())>{status_label(i18n, st)}</span> })}
                        <span class="tag">{s.category.clone()}</span>
                        <span>{tr!(proposals.submitted_on)}" "{s.submitted().to_string()}</span>
                        <span class="proposal-id">{t!(i18n, proposals.number, id = s.id.clone())}</span>
                    </p>
                    <ul class="signers" aria-label=t_string!(i18n, proposals.signers).to_string()>
                        <li><A href=href(&format!("/direct/deputy/{}", s.lead.deputy_id))><PersonName name=s.lead.name.clone() /></A>
                            " "<span class="tag">{tr!(proposals.lead)}</span></li>
                        {s.cosigners.clone().into_iter().map(|c| view! {
                            <li><A href=href(&format!("/direct/deputy/{}", c.deputy_id))><PersonName name=c.name.clone() /></A>" "
                                {if c.confirmed {
                                    view! { <span class="state-badge ok">{tr!(proposals.cosigner_confirmed)}</span> }.into_any()
                                } else {
                                    view! { <span class="state-badge">{tr!(proposals.cosigner_unconfirmed)}</span> }.into_any()
                                }}
                            </li>
                        }).collect_view()}
                    </ul>
                    {s.from_message.clone().map(|m| view! {
                        <p class="from-message">{tr!(proposals.from_message)}" "
                            <a href=href(&format!("/direct/deputy/{}#{}", m.deputy_id, m.id))>{m.subject.clone()}</a>
                        </p>
                    })}
                    {s.news_id.clone().map(|n| view! {
                        <p><A href=href(&format!("/news/{n}"))>{tr!(proposals.news_link)}</A></p>
                    })}
                    {clock.map(|clock| view! { <DeadlineBox clock /> })}
                    <h2>{tr!(proposals.timeline)}</h2>
                    <Timeline events=s.events.clone() />
                    <h2>{tr!(proposals.full_text)}</h2>
                    <SuggestionDoc doc />
                    <p class="actions no-print">
                        <button type="button" class="button secondary" on:click=|_| { let _ = window().print(); }>{tr!(proposals.print)}</button>
                    </p>
                }
            })}
        </section>
    }
}
