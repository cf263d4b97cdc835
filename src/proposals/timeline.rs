//! The handling of a suggestion as a timeline: 提交 → 立案 → 交办 (主办, 协办) → 办理中 → 答复
//! (result class) → 代表评价 → 重办 → 办结.

use deputy_model::suggestion::SuggestionEvent;
use leptos::prelude::*;

use super::labels::result_label;
use crate::direct::rating_label;
use crate::i18n::*;

#[component]
pub fn Timeline(events: Vec<SuggestionEvent>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ol class="timeline proposal-timeline">
            {events.into_iter().map(|e| {
                let date = e.date().to_string();
                let (what, detail): (String, Vec<String>) = match e {
                    SuggestionEvent::Submitted { .. } => (tr!(proposals.ev_submitted).into(), vec![]),
                    SuggestionEvent::Registered { .. } => (tr!(proposals.ev_registered).into(), vec![]),
                    SuggestionEvent::Assigned { lead_unit, co_units, .. } => {
                        let mut d = vec![t_string!(i18n, proposals.lead_unit_is, unit = lead_unit).to_string()];
                        if !co_units.is_empty() {
                            d.push(t_string!(i18n, proposals.co_units_are, units = co_units.join(tr!(punct.list))).to_string());
                        }
                        (tr!(proposals.ev_assigned).into(), d)
                    }
                    SuggestionEvent::Extended { months, reason, .. } => (
                        tr!(proposals.ev_extended).into(),
                        vec![t_string!(i18n, proposals.extended_to, months = months).to_string(), reason],
                    ),
                    SuggestionEvent::InProgress { note, .. } => (tr!(proposals.ev_in_progress).into(), vec![note]),
                    SuggestionEvent::Replied { unit, result, text, .. } => (
                        tr!(proposals.ev_replied).into(),
                        vec![
                            t_string!(i18n, proposals.reply_by, unit = unit).to_string(),
                            format!("{}{}{}", tr!(proposals.result_class), tr!(punct.colon), result_label(i18n, result)),
                            text,
                        ],
                    ),
                    SuggestionEvent::Rated { rating, comment, .. } => {
                        let mut d = vec![format!("{}{}{}", tr!(proposals.rating), tr!(punct.colon), rating_label(i18n, rating))];
                        if !comment.is_empty() {
                            d.push(comment);
                        }
                        (tr!(proposals.ev_rated).into(), d)
                    }
                    SuggestionEvent::Reopened { reason, .. } => (tr!(proposals.ev_reopened).into(), vec![reason]),
                    SuggestionEvent::Closed { .. } => (tr!(proposals.ev_closed).into(), vec![]),
                };
                view! {
                    <li>
                        <p class="timeline-head"><strong>{what}</strong>" "<span class="timeline-date">{date}</span></p>
                        {detail.into_iter().map(|t| view! { <p class="timeline-detail">{t}</p> }).collect_view()}
                    </li>
                }
            }).collect_view()}
        </ol>
    }
}
