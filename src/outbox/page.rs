//! "我的提交": every submission on this device and where it is.

use deputy_model::clock;
use deputy_model::submission::{DeliveryState, OutboxItem, SubmissionKind};
use leptos::prelude::*;

use super::{export, send, use_outbox};
use crate::i18n::*;
use crate::ui::ReceiptCode;

pub fn kind_label(i18n: I18n, kind: SubmissionKind) -> &'static str {
    match kind {
        SubmissionKind::Message => t_string!(i18n, outbox.kind_message),
        SubmissionKind::Rating => t_string!(i18n, outbox.kind_rating),
        SubmissionKind::Comment => t_string!(i18n, outbox.kind_comment),
        SubmissionKind::Suggestion => t_string!(i18n, outbox.kind_suggestion),
        SubmissionKind::Cosign => t_string!(i18n, outbox.kind_cosign),
        SubmissionKind::Vote => t_string!(i18n, outbox.kind_vote),
        SubmissionKind::Training => t_string!(i18n, outbox.kind_training),
        SubmissionKind::SuggestionRating => t_string!(i18n, outbox.kind_suggestion_rating),
        SubmissionKind::Feedback => t_string!(i18n, outbox.kind_feedback),
    }
}

#[component]
pub fn OutboxPage() -> impl IntoView {
    let outbox = use_outbox();
    view! {
        <section class="page outbox">
            <h1>{tr!(outbox.title)}</h1>
            <p class="lead">{tr!(outbox.intro)}</p>
            <Show when=move || outbox.storage_broken.get()>
                <p class="notice" role="alert">{tr!(outbox.storage_broken)}</p>
            </Show>
            <Show
                when=move || outbox.items.with(|v| !v.is_empty())
                fallback=move || view! { <p class="empty">{tr!(outbox.empty)}</p> }
            >
                <ul class="outbox-list">
                    <For
                        each=move || outbox.items.get()
                        key=|item| (item.submission.receipt_code.clone(), item.delivery.name(), item.attempts)
                        children=move |item| view! { <OutboxRow item /> }
                    />
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn OutboxRow(item: OutboxItem) -> impl IntoView {
    let i18n = use_i18n();
    let outbox = use_outbox();
    let has_endpoint = move || outbox.endpoint().is_some();
    let sub = item.submission.clone();
    let code = sub.receipt_code.clone();
    let (state_class, state_text, hint) = match &item.delivery {
        DeliveryState::Queued if outbox.endpoint().is_some() => {
            ("queued", t_string!(i18n, outbox.state_queued), Some(t_string!(i18n, outbox.state_queued_hint)))
        }
        DeliveryState::Queued => {
            ("local", t_string!(i18n, outbox.state_local), Some(t_string!(i18n, outbox.state_local_hint)))
        }
        DeliveryState::Failed { .. } => ("failed", t_string!(i18n, outbox.state_failed), None),
        DeliveryState::Sent { .. } => ("sent", t_string!(i18n, outbox.state_sent), None),
        DeliveryState::Exported { .. } => ("exported", t_string!(i18n, outbox.state_exported), None),
    };
    let failed = matches!(item.delivery, DeliveryState::Failed { .. });
    let sent = matches!(item.delivery, DeliveryState::Sent { .. });
    let attempts = item.attempts;
    let for_download = sub.clone();
    let on_download = move |_| {
        if export::download(&for_download).is_ok() && !has_endpoint() {
            outbox
                .set_delivery(&for_download.receipt_code, DeliveryState::Exported { at: super::store::now_rfc3339() });
        }
    };
    let for_mail = sub.clone();
    let mail_href =
        move || outbox.site.config().map(|c| export::mailto(&c.contact.email, &for_mail)).unwrap_or_default();
    let mark_code = code.clone();
    let on_mail = move |_| {
        if !has_endpoint() {
            outbox.set_delivery(&mark_code, DeliveryState::Exported { at: super::store::now_rfc3339() });
        }
    };
    view! {
        <li class=format!("outbox-item state-{state_class}") data-code=code.clone()>
            <div class="outbox-head">
                <span class="outbox-kind">{kind_label(i18n, sub.kind)}</span>
                <span class=format!("outbox-state state-{state_class}")>{state_text}</span>
            </div>
            <p class="outbox-title">{sub.title.clone()}</p>
            <dl class="outbox-meta">
                <dt>{tr!(outbox.receipt)}</dt>
                <dd><ReceiptCode code=code.clone() /></dd>
                <dt>{tr!(outbox.created)}</dt>
                <dd>{clock::show_timestamp(&sub.created_at)}</dd>
            </dl>
            {hint.map(|h| view! { <p class="hint">{h}</p> })}
            {(failed && attempts > 0).then(|| view! { <p class="hint">{t!(i18n, outbox.attempts, n = attempts)}</p> })}
            <div class="outbox-actions">
                {(!sent && has_endpoint()).then(|| view! {
                    <button type="button" class="button" on:click=move |_| send::flush_all(outbox)>
                        {tr!(outbox.send_now)}
                    </button>
                })}
                <button type="button" class="button secondary" on:click=on_download>
                    {tr!(outbox.download)}
                </button>
                <a class="button secondary" href=mail_href on:click=on_mail>
                    {tr!(outbox.email)}
                </a>
            </div>
        </li>
    }
}
