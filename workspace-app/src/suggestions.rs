//! 我的建议: the suggestions the signed-in deputy leads or co-signs, with the deadline clock;
//! an invitation to co-sign is confirmed here with one tap (no code to type), filed as the
//! deputy's own signed act.

use deputy_model::message::Rating;
use deputy_model::suggestion::Status;
use deputy_model::workspace::{ActDone, MySuggestion};
use leptos::prelude::*;

use crate::i18n::{t, tf};
use crate::page::fetch;
use crate::session::use_session;

fn status_name(status: Option<Status>) -> String {
    match status {
        Some(Status::Submitted) => t("status.submitted"),
        Some(Status::Registered) => t("status.registered"),
        Some(Status::Assigned) => t("status.assigned"),
        Some(Status::InProgress) => t("status.in_progress"),
        Some(Status::Replied) => t("status.replied"),
        Some(Status::Rated) => t("status.rated"),
        Some(Status::Rehandling) => t("status.rehandling"),
        Some(Status::Closed) => t("status.closed"),
        None => t("state.broken"),
    }
}

#[component]
pub fn SuggestionsPage() -> impl IntoView {
    let session = use_session();
    let data = RwSignal::new(None::<Result<Vec<MySuggestion>, deputy_app_kit::api::Failure>>);
    fetch(session, "suggestions", data);
    let reload = move || fetch(session, "suggestions", data);
    view! {
        <h1>{t("suggestions.title")}</h1>
        <p class="hint">{t("suggestions.intro")}</p>
        {deputy_app_kit::loaded(data, reload, move |rows: Vec<MySuggestion>| {
            if rows.is_empty() {
                return view! { <p class="empty">{t("suggestions.empty")}</p> }.into_any();
            }
            view! { <ul class="cards">{rows.into_iter().map(suggestion_card).collect_view()}</ul> }.into_any()
        })}
    }
}

fn suggestion_card(s: MySuggestion) -> impl IntoView {
    let session = use_session();
    let class = if s.invited { "card suggestion invited" } else { "card suggestion" };
    let role = if s.lead { t("suggestions.lead") } else { t("suggestions.cosigned") };
    let clock = match (s.due.clone(), s.days_left) {
        (Some(due), Some(left)) if left < 0 => Some(view! {
            <span class="late">{tf("suggestions.due", &[("date", &due)])}" · "{tf("suggestions.overdue", &[("n", &(-left).to_string())])}</span>
        }.into_any()),
        (Some(due), Some(left)) => Some(view! {
            <span>{tf("suggestions.due", &[("date", &due)])}" · "{tf("suggestions.days_left", &[("n", &left.to_string())])}</span>
        }.into_any()),
        _ => None,
    };
    let signers = s
        .cosigners
        .iter()
        .map(|(name, confirmed)| {
            let mark = if *confirmed { t("suggestions.confirmed") } else { t("suggestions.unconfirmed") };
            view! { <li>{name.clone()}" · "{mark}</li> }
        })
        .collect_view();
    let done = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let id = s.id.clone();
    let confirm = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(String::new());
        let body = serde_json::json!({ "suggestion_id": id });
        leptos::task::spawn_local(async move {
            match deputy_app_kit::api::post::<ActDone>("cosign", body).await {
                Ok(d) => done.set(d.message),
                Err(f) => {
                    session.check(&f);
                    error.set(f.message());
                }
            }
            busy.set(false);
        });
    };
    let invitation = s.invited.then(|| {
        let lead = s.lead_name.clone();
        view! {
            <div class="invitation">
                <p>{tf("suggestions.invited", &[("name", &lead)])}</p>
                <Show when=move || done.get().is_empty()
                    fallback=move || view! { <p class="ok" role="status">{move || done.get()}</p> }>
                    <button type="button" class="confirm" disabled=move || busy.get() on:click=confirm.clone()>
                        {t("suggestions.confirm")}
                    </button>
                </Show>
                <Show when=move || !error.get().is_empty()>
                    <p class="error" role="alert">{move || error.get()}</p>
                </Show>
            </div>
        }
    });
    let rating = (s.lead && s.status == Some(Status::Replied)).then(|| rate_form(s.id.clone()));
    view! {
        <li class=class data-id=s.id.clone()>
            <h2>{s.title.clone()}</h2>
            <p class="meta"><span class="state">{status_name(s.status)}</span>" · "{role}" · "{s.id.clone()}</p>
            <p class="meta">{tf("suggestions.lead_by", &[("name", &s.lead_name)])}" "{clock}</p>
            {(!s.cosigners.is_empty()).then(|| view! {
                <p class="meta">{t("suggestions.cosigners")}</p>
                <ul class="signers">{signers}</ul>
            })}
            {invitation}
            {rating}
            <p><a href=format!("/proposals/{}", s.id)>{t("suggestions.public_page")}</a></p>
        </li>
    }
}

/// The lead's rating of the unit's reply: three buttons and an optional comment.
fn rate_form(id: String) -> impl IntoView {
    let session = use_session();
    let comment = RwSignal::new(String::new());
    let done = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let send = move |rating: Rating| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(String::new());
        let body = serde_json::json!({ "suggestion_id": id, "rating": rating, "comment": comment.get_untracked() });
        leptos::task::spawn_local(async move {
            match deputy_app_kit::api::post::<ActDone>("rate", body).await {
                Ok(d) => done.set(d.message),
                Err(f) => {
                    session.check(&f);
                    error.set(f.message());
                }
            }
            busy.set(false);
        });
    };
    let field = format!("rate-comment-{}", id_suffix());
    view! {
        <div class="rate">
            <Show when=move || done.get().is_empty()
                fallback=move || view! { <p class="ok" role="status">{move || done.get()}</p> }>
                <p>{t("suggestions.rate_title")}</p>
                <label for=field.clone()>{t("suggestions.rate_comment")}</label>
                <input id=field.clone() prop:value=move || comment.get() on:input=move |ev| comment.set(event_target_value(&ev)) />
                <div class="actions">
                    <button type="button" class="rate-satisfied" disabled=move || busy.get()
                        on:click={let send = send.clone(); move |_| send(Rating::Satisfied)}>{t("rating.satisfied")}</button>
                    <button type="button" class="secondary" disabled=move || busy.get()
                        on:click={let send = send.clone(); move |_| send(Rating::Basically)}>{t("rating.basically")}</button>
                    <button type="button" class="secondary" disabled=move || busy.get()
                        on:click={let send = send.clone(); move |_| send(Rating::Unsatisfied)}>{t("rating.unsatisfied")}</button>
                </div>
            </Show>
            <Show when=move || !error.get().is_empty()>
                <p class="error" role="alert">{move || error.get()}</p>
            </Show>
        </div>
    }
}

/// A distinct suffix for each rating form's field id on the page.
fn id_suffix() -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}
