//! 我的来信: the letters written to the signed-in deputy, overdue first, each with its text,
//! its state and how long it has waited, and its history on request. The writer's contact
//! shows only where the writer agreed (no letter has that choice yet: the form will ask).

use deputy_model::message::{MessageEvent, MessageState};
use deputy_model::workspace::MyLetter;
use leptos::prelude::*;

use crate::i18n::{t, tf};
use crate::page::{fetch, when};
use crate::session::use_session;

pub fn state_name(state: Option<MessageState>) -> String {
    match state {
        Some(MessageState::Submitted) => t("state.submitted"),
        Some(MessageState::Forwarded) => t("state.forwarded"),
        Some(MessageState::Replied) => t("state.replied"),
        Some(MessageState::Rated) => t("state.rated"),
        Some(MessageState::Reopened) => t("state.reopened"),
        None => t("state.broken"),
    }
}

fn event_line(e: &MessageEvent) -> String {
    let what = match e {
        MessageEvent::Received { .. } => t("event.received"),
        MessageEvent::Forwarded { department, .. } => tf("event.forwarded", &[("to", department)]),
        MessageEvent::Replied { by, .. } => tf("event.replied", &[("by", by)]),
        MessageEvent::Rated { .. } => t("event.rated"),
        MessageEvent::Reopened { .. } => t("event.reopened"),
    };
    format!("{}　{what}", when(e.at()))
}

#[component]
pub fn LettersPage() -> impl IntoView {
    let session = use_session();
    let data = RwSignal::new(None::<Result<Vec<MyLetter>, deputy_app_kit::api::Failure>>);
    fetch(session, "letters", data);
    let reload = move || fetch(session, "letters", data);
    view! {
        <h1>{t("letters.title")}</h1>
        <p class="hint">{t("letters.intro")}</p>
        {deputy_app_kit::loaded(data, reload, move |letters: Vec<MyLetter>| {
            if letters.is_empty() {
                return view! { <p class="empty">{t("letters.empty")}</p> }.into_any();
            }
            let open = letters.iter().filter(|l| l.open).count();
            let count = tf("letters.count", &[("n", &letters.len().to_string()), ("open", &open.to_string())]);
            view! {
                <p id="letters-count">{count}</p>
                <ul class="cards">{letters.into_iter().map(letter_card).collect_view()}</ul>
            }
            .into_any()
        })}
    }
}

fn letter_card(l: MyLetter) -> impl IntoView {
    let class = if l.overdue { "card letter overdue" } else { "card letter" };
    let waiting = if l.overdue {
        Some(view! { <span class="late">{t("letters.overdue")}</span> }.into_any())
    } else if l.open {
        Some(view! { <span>{tf("letters.days", &[("n", &l.days.to_string())])}</span> }.into_any())
    } else {
        None
    };
    let contact = l.writer.clone().unwrap_or_else(|| t("letters.no_contact"));
    let events = l.events.iter().map(|e| view! { <li>{event_line(e)}</li> }).collect_view();
    view! {
        <li class=class data-code=l.receipt_code.clone()>
            <h2>{l.subject.clone()}</h2>
            <p class="meta">
                <span class="state">{state_name(l.state)}</span>" "{waiting}
            </p>
            <p class="content">{l.content.clone()}</p>
            <p class="meta">
                {t("letters.received")}" "{l.received_on.clone()}" · "{t("letters.category")}" "{l.category.clone()}
                " · "{if l.public { t("letters.public") } else { t("letters.private") }}
            </p>
            <p class="meta">{contact}</p>
            <details>
                <summary>{t("letters.history")}</summary>
                <p class="meta">{t("letters.code")}" "<span class="code">{l.receipt_code.clone()}</span></p>
                <ol class="events">{events}</ol>
            </details>
        </li>
    }
}
