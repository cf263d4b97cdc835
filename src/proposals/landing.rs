//! /proposals: what the module is, and the ways in — the published list, the yearly
//! summaries, and (for deputies) writing a suggestion.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::href;

#[component]
pub fn ProposalsPage() -> impl IntoView {
    view! {
        <section class="page proposals">
            <h1>{tr!(proposals.title)}</h1>
            <p class="lead">{tr!(proposals.intro)}</p>
            <ul class="proposal-entries">
                <li>
                    <A href=href("/proposals/list") attr:class="entry-link">{tr!(proposals.list_title)}</A>
                    <p>{tr!(proposals.list_text)}</p>
                </li>
                <li>
                    <A href=href("/proposals/stats") attr:class="entry-link">{tr!(proposals.stats_title)}</A>
                    <p>{tr!(proposals.stats_text)}</p>
                </li>
                <li>
                    <A href=href("/proposals/write") attr:class="entry-link">{tr!(proposals.write_title)}</A>
                    <p>{tr!(proposals.write_text)}</p>
                </li>
            </ul>
            <h2>{tr!(proposals.flow_heading)}</h2>
            <p>{tr!(proposals.flow_text)}</p>
        </section>
    }
}
