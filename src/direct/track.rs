//! "查询办理进度": a receipt code opens the letter's handling record published by the station
//! (`track/{code}.json`). After a reply the writer rates it; 不满意 sends it back for
//! re-handling. The rating goes through the outbox like everything else.

use deputy_model::message::{MessageEvent, MessageRecord, MessageState, Rating};
use deputy_model::submission::{DeliveryState, SubmissionKind};
use deputy_model::{clock, receipt};
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::{rating_label, state_label};
use crate::data::{self, DataResource};
use crate::i18n::*;
use crate::outbox::use_outbox;
use crate::ui::storage::draft;
use crate::ui::{ReceiptCode, href, loaded};

#[component]
pub fn TrackPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let code = Memo::new(move |_| query.read().get("code").and_then(|c| receipt::normalize(&c)));
    let typed = RwSignal::new(query.get_untracked().get("code").unwrap_or_default());
    let tried = RwSignal::new(false);
    let navigate = use_navigate();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if let Some(c) = receipt::normalize(&typed.get_untracked()) {
            navigate(&href(&format!("/direct/track?code={c}")), NavigateOptions::default());
        }
    };
    let invalid = move || tried.get() && receipt::normalize(&typed.get()).is_none();
    let record = DataResource::new(move || {
        let c = code.get();
        async move {
            match c {
                Some(c) => data::track(c).await,
                None => Ok(None),
            }
        }
    });
    view! {
        <section class="page track">
            <h1>{tr!(direct.track_title)}</h1>
            <p class="lead">{tr!(direct.track_intro)}</p>
            <form class="form track-form" novalidate on:submit=on_submit>
                <div class="field">
                    <label for="track-code">{tr!(direct.code)}</label>
                    <input id="track-code" type="text" inputmode="numeric" autocomplete="off" aria-describedby="track-code-error"
                        aria-invalid=move || invalid().to_string()
                        prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev)) />
                    <p class="error" id="track-code-error">{move || invalid().then(|| t_string!(i18n, direct.err_code).to_string())}</p>
                </div>
                <button type="submit" class="button primary">{tr!(direct.query)}</button>
            </form>
            {move || code.get().map(|c| view! {
                <LocalCopy code=c.clone() />
                {loaded(record, move |r| match r {
                    Some(r) => view! { <Record r /> }.into_any(),
                    None => view! { <p class="notice" role="status">{tr!(direct.not_found)}</p> }.into_any(),
                })}
            })}
        </section>
    }
}

/// If this device sent the letter, say where its copy is (waiting, sent, …).
#[component]
fn LocalCopy(code: String) -> impl IntoView {
    let i18n = use_i18n();
    let outbox = use_outbox();
    move || {
        outbox.items.with(|items| {
            items
                .iter()
                .find(|i| i.submission.receipt_code == code && i.submission.kind == SubmissionKind::Message)
                .map(|i| {
                    let state = match &i.delivery {
                        DeliveryState::Queued => t_string!(i18n, outbox.state_queued),
                        DeliveryState::Failed { .. } => t_string!(i18n, outbox.state_failed),
                        DeliveryState::Sent { .. } => t_string!(i18n, outbox.state_sent),
                        DeliveryState::Exported { .. } => t_string!(i18n, outbox.state_exported),
                    };
                    view! { <p class="hint local-copy">{t!(i18n, direct.local_copy, state = state)}</p> }
                })
        })
    }
}

#[component]
fn Record(r: MessageRecord) -> impl IntoView {
    let i18n = use_i18n();
    let state = r.state().ok();
    let reopened = state == Some(MessageState::Reopened);
    let can_rate = state == Some(MessageState::Replied);
    view! {
        <article class="record">
            <h2>{r.subject.clone()}</h2>
            <p class="news-meta">
                <span class="tag">{r.category.clone()}</span>
                <span>{tr!(outbox.receipt)}" "{receipt::display(&r.receipt_code)}</span>
                <span>"→ "{r.deputy_name.clone()}</span>
            </p>
            <p class="record-state">
                {state.map(|s| view! { <strong class=format!("state-badge state-{s:?}")>{state_label(i18n, s)}</strong> })}
            </p>
            {reopened.then(|| view! { <p class="notice">{tr!(direct.reopened_note)}</p> })}
            {r.content.clone().map(|c| view! { <p class="qa-content">{c}</p> })}
            {r.suggestion_id.clone().map(|id| view! { <p class="qa-suggestion"><a href=href(&format!("/proposals/{id}"))>{t!(i18n, direct.became_suggestion, id = id.clone())}</a></p> })}
            <h3>{tr!(direct.timeline)}</h3>
            <ol class="timeline">
                {r.events.iter().map(|e| {
                    let when = clock::show_timestamp(e.at());
                    let (what, text) = match e {
                        MessageEvent::Received { .. } => (t_string!(i18n, direct.ev_received).to_string(), None),
                        MessageEvent::Forwarded { department, .. } => (t_string!(i18n, direct.ev_forwarded, department = department.clone()).to_string(), None),
                        MessageEvent::Replied { by, text, .. } => (t_string!(i18n, direct.ev_replied, by = by.clone()).to_string(), Some(text.clone())),
                        MessageEvent::Rated { rating, comment, .. } => (
                            t_string!(i18n, direct.ev_rated, rating = rating_label(i18n, *rating)).to_string(),
                            (!comment.is_empty()).then(|| comment.clone()),
                        ),
                        MessageEvent::Reopened { reason, .. } => (t_string!(i18n, direct.ev_reopened, reason = reason.clone()).to_string(), None),
                    };
                    view! {
                        <li>
                            <p class="timeline-head"><time>{when}</time>" "<strong>{what}</strong></p>
                            {text.map(|t| view! { <p class="timeline-text">{t}</p> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
            {can_rate.then(|| view! { <RateForm code=r.receipt_code.clone() /> })}
        </article>
    }
}

#[component]
fn RateForm(code: String) -> impl IntoView {
    let i18n = use_i18n();
    let outbox = use_outbox();
    let rating = RwSignal::new(None::<Rating>);
    let comment = draft(&format!("rating.{code}"), "comment");
    let tried = RwSignal::new(false);
    let sent = RwSignal::new(None::<String>);
    // A rating already given from this device is shown instead of the form.
    let given = {
        let code = code.clone();
        move || {
            outbox.items.with(|items| {
                items
                    .iter()
                    .find(|i| {
                        i.submission.kind == SubmissionKind::Rating
                            && i.submission.payload["receipt_code"] == code.as_str()
                    })
                    .map(|i| i.submission.receipt_code.clone())
            })
        }
    };
    let on_submit = {
        let code = code.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            tried.set(true);
            let Some(r) = rating.get_untracked() else {
                return;
            };
            let payload =
                serde_json::json!({ "receipt_code": code, "rating": r, "comment": comment.get_untracked().trim() });
            let title = format!("{} {}", receipt::display(&code), rating_label(i18n, r));
            let rc = outbox.submit(SubmissionKind::Rating, title, payload);
            comment.set(String::new());
            sent.set(Some(rc));
        }
    };
    let choices = [Rating::Satisfied, Rating::Basically, Rating::Unsatisfied];
    view! {
        <section class="rate">
            <h3>{tr!(direct.rate_heading)}</h3>
            {move || match given().or(sent.get()) {
                Some(rc) => view! {
                    <div class="done" role="status">
                        <p>{t!(i18n, direct.rate_done, code = receipt::display(&rc))}</p>
                        <ReceiptCode code=rc />
                    </div>
                }.into_any(),
                None => {
                    let on_submit = on_submit.clone();
                    view! {
                        <form class="form" novalidate on:submit=on_submit>
                            <p class="hint">{tr!(direct.rate_hint)}</p>
                            <fieldset class="choices" aria-describedby="rate-error">
                                <legend>{tr!(direct.rate_choose)}</legend>
                                {choices.into_iter().map(|c| view! {
                                    <label class="check choice">
                                        <input type="radio" name="rating" prop:checked=move || rating.get() == Some(c) on:change=move |_| rating.set(Some(c)) />
                                        <span>{rating_label(i18n, c)}</span>
                                    </label>
                                }).collect_view()}
                            </fieldset>
                            <p class="error" id="rate-error">{move || (tried.get() && rating.get().is_none()).then(|| t_string!(i18n, direct.rate_choose).to_string())}</p>
                            {move || (rating.get() == Some(Rating::Unsatisfied)).then(|| view! { <p class="notice">{tr!(direct.unsatisfied_note)}</p> })}
                            <div class="field">
                                <label for="rate-comment">{tr!(direct.rate_comment)}</label>
                                <textarea id="rate-comment" rows="3" maxlength=deputy_model::form_limits::RATING_COMMENT_MAX prop:value=move || comment.get() on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
                            </div>
                            <button type="submit" class="button primary">{tr!(direct.rate_submit)}</button>
                        </form>
                    }.into_any()
                }
            }}
        </section>
    }
}
