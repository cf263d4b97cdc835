//! One entry of a duty record: date, kind, title, place, text, training hours and links to what
//! it produced (a suggestion, a consultation, a news report, the joint activity's place page).

use deputy_model::activity::Activity;
use leptos::prelude::*;
use leptos_router::components::A;

use super::kinds::kind_label;
use crate::i18n::*;
use crate::ui::href;

#[component]
pub fn ActivityItem(a: Activity) -> impl IntoView {
    let i18n = use_i18n();
    let has_links =
        a.suggestion_id.is_some() || a.consultation_id.is_some() || a.news_id.is_some() || a.joint_id.is_some();
    view! {
        <li class=format!("activity kind-{}", a.kind.key())>
            <p class="activity-meta">
                <time datetime=a.date.clone()>{a.date.clone()}</time>
                <span class="tag">{kind_label(i18n, a.kind)}</span>
            </p>
            <h3 class="activity-title">{a.title.clone()}</h3>
            <p class="hint">{tr!(records.place)}{tr!(punct.colon)}{a.place.clone()}
                {a.hours.map(|n| view! { " · "{t_string!(i18n, records.hours, n = n).to_string()} })}
            </p>
            <p class="activity-text">{a.text.clone()}</p>
            {has_links.then(|| view! { <ul class="activity-links">
                {a.suggestion_id.clone().map(|id| view! {
                    <li><A href=href(&format!("/proposals/{id}"))>{t_string!(i18n, records.link_suggestion, id = id.clone()).to_string()}</A></li>
                })}
                {a.consultation_id.clone().map(|id| view! {
                    <li><A href=href(&format!("/consult/{id}"))>{tr!(records.link_consultation)}</A></li>
                })}
                {a.news_id.clone().map(|id| view! {
                    <li><A href=href(&format!("/news/{id}"))>{tr!(records.link_news)}</A></li>
                })}
                {a.joint_id.as_ref().and(a.region_code.clone()).map(|code| view! {
                    <li><A href=href(&format!("/duties/place/{code}"))>{tr!(records.link_joint)}</A></li>
                })}
            </ul> })}
        </li>
    }
}
