//! 意见反馈: feedback on the site itself. The first form on the outbox: draft autosave,
//! validation as one types, a receipt code at once.

use deputy_model::input::{TextCheck, check_text, is_email, is_mainland_mobile};
use deputy_model::submission::SubmissionKind;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::href;

use crate::i18n::*;
use crate::outbox::use_outbox;
use crate::ui::storage::{draft, draft_flag};
use crate::ui::{ConsentField, Honeypot, ReceiptCode, TextField, stamp_honeypot};
use deputy_model::form_limits::CONTACT_MAX;

pub use deputy_model::form_limits::FEEDBACK_MAX as MAX_CONTENT;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Problem {
    Empty,
    TooLong,
    Contact,
    Consent,
}

fn check(content: &str, contact: &str, consent: bool) -> Vec<Problem> {
    let mut problems = Vec::new();
    match check_text(content, MAX_CONTENT) {
        TextCheck::Empty => problems.push(Problem::Empty),
        TextCheck::TooLong { .. } => problems.push(Problem::TooLong),
        TextCheck::Ok => {}
    }
    let contact = contact.trim();
    if !contact.is_empty() && !is_mainland_mobile(contact) && !is_email(contact) {
        problems.push(Problem::Contact);
    }
    if !consent {
        problems.push(Problem::Consent);
    }
    problems
}

#[component]
pub fn FeedbackPage() -> impl IntoView {
    let i18n = use_i18n();
    let outbox = use_outbox();
    let content = draft("feedback", "content");
    let contact = draft("feedback", "contact");
    let consent = draft_flag("feedback", "consent");
    let website = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let receipt = RwSignal::new(None::<String>);
    let problems = move || check(&content.get(), &contact.get(), consent.get());
    let shows = move |p: Problem| tried.get() && problems().contains(&p);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if !problems().is_empty() {
            // Put the user on the first field that needs attention.
            let first = match problems()[0] {
                Problem::Empty | Problem::TooLong => "feedback-content",
                Problem::Contact => "feedback-contact",
                Problem::Consent => "feedback-consent",
            };
            if let Some(el) = document().get_element_by_id(first) {
                use wasm_bindgen::JsCast;
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
            return;
        }
        let text = content.get_untracked().trim().to_string();
        let title: String = text.chars().take(30).collect();
        let mut payload = serde_json::json!({
            "content": text,
            "contact": contact.get_untracked().trim(),
            "consent": true,
            "page": document().location().and_then(|l| l.href().ok()).unwrap_or_default(),
        });
        stamp_honeypot(&mut payload, website);
        let code = outbox.submit(SubmissionKind::Feedback, title, payload);
        // Stored in the outbox: the draft is no longer needed.
        content.set(String::new());
        contact.set(String::new());
        consent.set(false);
        tried.set(false);
        receipt.set(Some(code));
    };

    view! {
        <section class="page feedback">
            <h1>{tr!(feedback.title)}</h1>
            {move || match receipt.get() {
                Some(code) => view! {
                    <div class="done" role="status">
                        <h2>{tr!(feedback.done_title)}</h2>
                        <p>{tr!(outbox.receipt)}</p>
                        <ReceiptCode code />
                        <p>{tr!(feedback.done_text)}</p>
                        <p class="actions">
                            <A href=href("/mine") attr:class="button">{tr!(feedback.to_mine)}</A>
                            <button type="button" class="button secondary" on:click=move |_| receipt.set(None)>
                                {tr!(feedback.again)}
                            </button>
                        </p>
                    </div>
                }.into_any(),
                None => view! {
                    <p class="lead">{tr!(feedback.intro)}</p>
                    <form class="form" novalidate on:submit=on_submit>
                        <TextField
                            id="feedback-content"
                            label=tr!(feedback.content)
                            hint=t_string!(i18n, feedback.content_hint, max = MAX_CONTENT).to_string()
                            value=content
                            rows=6
                            max=MAX_CONTENT
                            error=Signal::derive(move || {
                                if shows(Problem::Empty) {
                                    Some(t_string!(i18n, feedback.err_empty).to_string())
                                } else if shows(Problem::TooLong) {
                                    Some(t_string!(i18n, feedback.err_too_long, max = MAX_CONTENT).to_string())
                                } else {
                                    None
                                }
                            })
                        />
                        <TextField
                            id="feedback-contact"
                            label=tr!(feedback.contact)
                            hint=tr!(feedback.contact_hint)
                            value=contact
                            maxlength=CONTACT_MAX
                            inputmode="email"
                            autocomplete="tel"
                            error=Signal::derive(move || shows(Problem::Contact).then(|| t_string!(i18n, feedback.err_contact).to_string()))
                        />
                        <Honeypot id="feedback-website" value=website />
                        <ConsentField
                            id="feedback-consent"
                            text=move || t_string!(i18n, feedback.consent_text).to_string()
                            label=move || t_string!(i18n, feedback.consent).to_string()
                            error=Signal::derive(move || shows(Problem::Consent).then(|| t_string!(i18n, feedback.err_consent).to_string()))
                            checked=consent
                        />
                        <p class="hint">{tr!(feedback.draft_saved)}</p>
                        <button type="submit" class="button primary">{tr!(feedback.submit)}</button>
                    </form>
                }.into_any(),
            }}
        </section>
    }
}
