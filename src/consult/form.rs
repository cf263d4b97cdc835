//! The comment form: says which article it is about (quoting it), optional name and contact,
//! consent, draft autosave, sent through the outbox. After the deadline (Asia/Shanghai) it
//! refuses with a clear message — checked again at the moment of sending.

use deputy_model::consult::{Consultation, accepts_comments};
use deputy_model::input::{TextCheck, check_text, is_email, is_mainland_mobile};
use deputy_model::submission::SubmissionKind;
use leptos::prelude::*;
use leptos_router::components::A;

use super::detail::{CommentTarget, go_to, go_to_later};
use super::now;
use crate::i18n::*;
use crate::outbox::use_outbox;
use crate::ui::storage::{draft, draft_flag};
use crate::ui::{ConsentField, Honeypot, ReceiptCode, TextField, href, stamp_honeypot};
use deputy_model::form_limits::{CONTACT_MAX, PERSON_NAME_MAX};

pub use deputy_model::form_limits::COMMENT_MAX as MAX_COMMENT;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Problem {
    Empty,
    TooLong,
    Contact,
    Consent,
}

// A part of the consultation's page (`src/split.rs`): its code comes when the reader nears the
// form or presses a comment button (`CommentTarget::wanted`).
crate::split_part!(part__comment_form, lazy_comment_form, pub fn comment_form(args: (Consultation, CommentTarget)) -> {
    let (c, target) = args;
    view! { <CommentForm c target /> }
});

#[component]
fn CommentForm(c: Consultation, target: CommentTarget) -> impl IntoView {
    let receipt = target.receipt;
    let target = target.article;
    let i18n = use_i18n();
    let outbox = use_outbox();
    let s = c.summary.clone();
    let key = format!("comment.{}", s.id);
    let content = draft(&key, "content");
    let name = draft(&key, "name");
    let contact = draft(&key, "contact");
    let website = RwSignal::new(String::new());
    let consent = draft_flag(&key, "consent");
    let tried = RwSignal::new(false);
    // Set when a send is attempted after the deadline passed while the page was open.
    let closed_now = RwSignal::new(!accepts_comments(&s.opens, &s.closes, now()));
    let not_started =
        deputy_model::clock::parse_date(&s.opens).is_some_and(|o| o > deputy_model::clock::shanghai_date(now()));
    let draft_text = StoredValue::new(c.draft.clone());
    let quote = move || {
        let n = target.get();
        if n == 0 {
            return None;
        }
        draft_text.with_value(|d| d.article(n).map(|a| a.text()))
    };
    let problems = move || {
        let mut p = Vec::new();
        match check_text(&content.get(), MAX_COMMENT) {
            TextCheck::Empty => p.push(Problem::Empty),
            TextCheck::TooLong { .. } => p.push(Problem::TooLong),
            TextCheck::Ok => {}
        }
        let ct = contact.get();
        let ct = ct.trim();
        if !ct.is_empty() && !is_mainland_mobile(ct) && !is_email(ct) {
            p.push(Problem::Contact);
        }
        if !consent.get() {
            p.push(Problem::Consent);
        }
        p
    };
    let shows = move |p: Problem| tried.get() && problems().contains(&p);
    let (id, title, opens, closes) = (s.id.clone(), s.title.clone(), s.opens.clone(), s.closes.clone());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !accepts_comments(&opens, &closes, now()) {
            closed_now.set(true);
            go_to_later("comment-refused");
            return;
        }
        tried.set(true);
        if let Some(first) = problems().first() {
            go_to(match first {
                Problem::Empty | Problem::TooLong => "comment-content",
                Problem::Contact => "comment-contact",
                Problem::Consent => "comment-consent",
            });
            return;
        }
        let n = target.get_untracked();
        let about = if n == 0 { t_string!(i18n, consult.form_general).to_string() } else { super::article_name(n) };
        let mut payload = serde_json::json!({
            "consultation_id": id,
            "article": n,
            "content": content.get_untracked().trim(),
            "name": name.get_untracked().trim(),
            "contact": contact.get_untracked().trim(),
            "consent": true,
        });
        stamp_honeypot(&mut payload, website);
        let code = outbox.submit(SubmissionKind::Comment, format!("{title}{about}"), payload);
        content.set(String::new());
        tried.set(false);
        receipt.set(Some(code));
        go_to_later("comment-done");
    };
    let refused_text = t_string!(i18n, consult.refused, closes = s.closes.clone()).to_string();
    let not_yet_text = t_string!(i18n, consult.not_yet, opens = s.opens.clone()).to_string();
    view! {
        <section class="comment-section" aria-labelledby="comment-heading">
            <h2 id="comment-heading">{tr!(consult.form_heading)}</h2>
            {move || if closed_now.get() {
                let text = if not_started { not_yet_text.clone() } else { refused_text.clone() };
                view! { <p class="notice refused" id="comment-refused" tabindex="-1" role="alert">{text}</p> }.into_any()
            } else if let Some(code) = receipt.get() {
                view! {
                    <div class="done" role="status" id="comment-done" tabindex="-1">
                        <h3>{tr!(consult.done_title)}</h3>
                        <p>{tr!(outbox.receipt)}</p>
                        <ReceiptCode code />
                        <p>{tr!(consult.done_text)}</p>
                        <p class="actions">
                            <A href=href("/mine") attr:class="button secondary">{tr!(nav.mine)}</A>
                            <button type="button" class="button secondary" on:click=move |_| { receipt.set(None); go_to_later("comment-content"); }>{tr!(consult.another)}</button>
                        </p>
                    </div>
                }.into_any()
            } else {
                let on_submit = on_submit.clone();
                view! {
                    <form class="form" novalidate on:submit=on_submit>
                        <div class="comment-about">
                            <p><strong>{tr!(consult.form_about)}</strong>
                                <span class="about-label">{move || if target.get() == 0 { t_string!(i18n, consult.form_general).to_string() } else { super::article_name(target.get()) }}</span>
                            </p>
                            {move || quote().map(|q| view! { <blockquote class="quote">{q}</blockquote> })}
                        </div>
                        <TextField
                            id="comment-content"
                            label=tr!(consult.content)
                            hint=t_string!(i18n, consult.content_hint, max = MAX_COMMENT).to_string()
                            value=content
                            rows=6
                            max=MAX_COMMENT
                            error=Signal::derive(move || {
                                if shows(Problem::Empty) {
                                    Some(t_string!(i18n, consult.err_content).to_string())
                                } else if shows(Problem::TooLong) {
                                    Some(t_string!(i18n, consult.err_too_long, max = MAX_COMMENT).to_string())
                                } else {
                                    None
                                }
                            })
                        />
                        <TextField id="comment-name" label=tr!(consult.name) value=name autocomplete="name" maxlength=PERSON_NAME_MAX />
                        <TextField
                            id="comment-contact"
                            label=tr!(consult.contact)
                            hint=tr!(consult.contact_hint)
                            value=contact
                            maxlength=CONTACT_MAX
                            error=Signal::derive(move || shows(Problem::Contact).then(|| t_string!(i18n, consult.err_contact).to_string()))
                        />
                        <Honeypot id="comment-website" value=website />
                        <ConsentField
                            id="comment-consent"
                            text=move || t_string!(i18n, consult.consent_text).to_string()
                            label=move || t_string!(i18n, consult.consent).to_string()
                            error=Signal::derive(move || shows(Problem::Consent).then(|| t_string!(i18n, consult.err_consent).to_string()))
                            checked=consent
                        />
                        <p class="hint">{tr!(consult.draft_saved)}</p>
                        <button type="submit" class="button primary">{tr!(consult.submit)}</button>
                    </form>
                }.into_any()
            }}
        </section>
    }
}
