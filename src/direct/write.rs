//! Writing to a deputy: subject, category, content with live counts, optional name and phone
//! (validated), anonymity, publication choice and explicit consent. The draft autosaves per
//! deputy; sending stores the letter in the outbox first and shows its receipt code at once.

use deputy_model::Deputy;
use deputy_model::message::{CONTENT_MAX, LetterInput, LetterProblem, SUBJECT_MAX, check_letter};
use deputy_model::submission::SubmissionKind;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use wasm_bindgen::JsCast;

use super::level_label;
use crate::data::{self, DataResource, use_site};
use crate::i18n::*;
use crate::outbox::use_outbox;
use crate::ui::storage::{draft, draft_flag};
use crate::ui::{ConsentField, Honeypot, ReceiptCode, TextField, href, loaded, stamp_honeypot};
use deputy_model::form_limits::{PERSON_NAME_MAX, PHONE_MAX};

#[component]
pub fn WritePage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let deputy = DataResource::new(move || data::deputy(id.get()));
    view! {
        <section class="page write">
            <h1>{tr!(direct.write_title)}</h1>
            {loaded(deputy, |d| view! { <LetterForm d /> })}
        </section>
    }
}

fn focus(id: &str) {
    if let Some(el) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

#[component]
fn LetterForm(d: Deputy) -> impl IntoView {
    let i18n = use_i18n();
    let site = use_site();
    let outbox = use_outbox();
    let id = d.summary.id.clone();
    let form = format!("letter.{id}");
    let subject = draft(&form, "subject");
    let category = draft(&form, "category");
    let content = draft(&form, "content");
    let name = draft(&form, "name");
    let phone = draft(&form, "phone");
    let website = RwSignal::new(String::new());
    let anonymous = draft_flag(&form, "anonymous");
    let publish = draft_flag(&form, "publish");
    let consent = draft_flag(&form, "consent");
    let tried = RwSignal::new(false);
    let receipt = RwSignal::new(None::<String>);
    let categories = move || site.config().map(|c| c.message_categories).unwrap_or_default();
    let problems = move || {
        check_letter(
            &LetterInput {
                subject: &subject.get(),
                category: &category.get(),
                content: &content.get(),
                phone: &phone.get(),
                anonymous: anonymous.get(),
                consent: consent.get(),
            },
            &categories(),
        )
    };
    let shows = move |p: LetterProblem| tried.get() && problems().contains(&p);
    let err = move |ps: &'static [LetterProblem]| ps.iter().any(|p| shows(*p)).to_string();

    let deputy_name = d.summary.name.clone();
    let deputy_id = id.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        let ps = problems();
        if let Some(first) = ps.first() {
            focus(match first {
                LetterProblem::SubjectEmpty | LetterProblem::SubjectTooLong => "letter-subject",
                LetterProblem::CategoryMissing => "letter-category",
                LetterProblem::ContentEmpty | LetterProblem::ContentTooLong => "letter-content",
                LetterProblem::Phone => "letter-phone",
                LetterProblem::Consent => "letter-consent",
            });
            return;
        }
        let anon = anonymous.get_untracked();
        let mut payload = serde_json::json!({
            "deputy_id": deputy_id,
            "deputy_name": deputy_name,
            "subject": subject.get_untracked().trim(),
            "category": category.get_untracked(),
            "content": content.get_untracked().trim(),
            "name": if anon { String::new() } else { name.get_untracked().trim().to_string() },
            "phone": if anon { String::new() } else { phone.get_untracked().trim().to_string() },
            "anonymous": anon,
            "publish": publish.get_untracked(),
            "consent": true,
        });
        let title = t_string!(
            i18n,
            direct.letter_title,
            name = deputy_name.clone(),
            subject = subject.get_untracked().trim().to_string()
        )
        .to_string();
        stamp_honeypot(&mut payload, website);
        let code = outbox.submit(SubmissionKind::Message, title, payload);
        for s in [subject, category, content, name, phone] {
            s.set(String::new());
        }
        for f in [anonymous, publish, consent] {
            f.set(false);
        }
        tried.set(false);
        receipt.set(Some(code));
        window().scroll_to_with_x_and_y(0.0, 0.0);
    };

    let to =
        t_string!(i18n, direct.write_to, name = d.summary.name.clone(), level = level_label(i18n, d.summary.level))
            .to_string();
    view! {
        {move || match receipt.get() {
            Some(code) => view! {
                <div class="done" role="status">
                    <h2>{tr!(direct.done_title)}</h2>
                    <p>{tr!(outbox.receipt)}</p>
                    <ReceiptCode code=code.clone() />
                    <p>{tr!(direct.done_text)}</p>
                    <p class="actions">
                        <A href=href(&format!("/direct/track?code={code}")) attr:class="button">{tr!(direct.to_track)}</A>
                        <A href=href("/mine") attr:class="button secondary">{tr!(direct.to_mine)}</A>
                    </p>
                </div>
            }.into_any(),
            None => view! { <span></span> }.into_any(),
        }}
        <p class="lead">{to}</p>
        <details class="howto">
            <summary>{tr!(direct.howto)}</summary>
            <p>{tr!(direct.howto_text)}</p>
            <p hidden={let training = crate::ui::shown(deputy_model::Module::Training); move || !training()}><A href=href("/training/lesson/write-letter")>{tr!(training.write_letter_link)}</A></p>
        </details>
        <form class="form" novalidate on:submit=on_submit>
            {move || (tried.get() && !problems().is_empty()).then(|| view! {
                <p class="error-summary" role="alert">{t!(i18n, direct.err_summary, n = problems().len())}</p>
            })}
            <TextField
                id="letter-subject"
                label=tr!(direct.subject)
                hint=t_string!(i18n, direct.subject_hint, max = SUBJECT_MAX).to_string()
                value=subject
                max=SUBJECT_MAX
                error=Signal::derive(move || {
                    if shows(LetterProblem::SubjectEmpty) {
                        Some(t_string!(i18n, direct.err_subject).to_string())
                    } else if shows(LetterProblem::SubjectTooLong) {
                        Some(t_string!(i18n, direct.err_subject_long, max = SUBJECT_MAX).to_string())
                    } else {
                        None
                    }
                })
            />
            <div class="field">
                <label for="letter-category">{tr!(direct.category)}</label>
                <select id="letter-category" aria-describedby="letter-category-error"
                    aria-invalid=move || err(&[LetterProblem::CategoryMissing])
                    on:change=move |ev| category.set(event_target_value(&ev))>
                    <option value="" selected=move || category.get().is_empty()>{tr!(direct.choose_category)}</option>
                    {move || categories().into_iter().map(|c| {
                        let v = c.clone();
                        view! { <option value=c.clone() selected=move || category.get() == v>{c.clone()}</option> }
                    }).collect_view()}
                </select>
                <p class="error" id="letter-category-error">
                    {move || shows(LetterProblem::CategoryMissing).then(|| t_string!(i18n, direct.err_category).to_string())}
                </p>
            </div>
            <TextField
                id="letter-content"
                label=tr!(direct.content)
                hint=t_string!(i18n, direct.content_hint, max = CONTENT_MAX).to_string()
                value=content
                rows=8
                max=CONTENT_MAX
                error=Signal::derive(move || {
                    if shows(LetterProblem::ContentEmpty) {
                        Some(t_string!(i18n, direct.err_content).to_string())
                    } else if shows(LetterProblem::ContentTooLong) {
                        Some(t_string!(i18n, direct.err_content_long, max = CONTENT_MAX).to_string())
                    } else {
                        None
                    }
                })
            />
            <div class="field">
                <label class="check">
                    <input id="letter-anonymous" type="checkbox" prop:checked=move || anonymous.get() on:change=move |ev| anonymous.set(event_target_checked(&ev)) />
                    <span>{tr!(direct.anonymous)}</span>
                </label>
            </div>
            <div hidden=move || anonymous.get()>
                <TextField id="letter-name" label=tr!(direct.your_name) value=name autocomplete="name" maxlength=PERSON_NAME_MAX />
            </div>
            <div hidden=move || anonymous.get()>
                <TextField
                    id="letter-phone"
                    label=tr!(direct.your_phone)
                    hint=tr!(direct.phone_hint)
                    value=phone
                    maxlength=PHONE_MAX
                    kind="tel"
                    inputmode="tel"
                    autocomplete="tel"
                    error=Signal::derive(move || shows(LetterProblem::Phone).then(|| t_string!(i18n, direct.err_phone).to_string()))
                />
            </div>
            <Honeypot id="letter-website" value=website />
            <div class="field">
                <label class="check">
                    <input id="letter-publish" type="checkbox" prop:checked=move || publish.get() on:change=move |ev| publish.set(event_target_checked(&ev)) />
                    <span>{tr!(direct.publish)}</span>
                </label>
            </div>
            <ConsentField
                id="letter-consent"
                text=move || t_string!(i18n, direct.consent_text).to_string()
                label=move || t_string!(i18n, direct.consent).to_string()
                error=Signal::derive(move || shows(LetterProblem::Consent).then(|| t_string!(i18n, direct.err_consent).to_string()))
                checked=consent
            />
            <p class="hint">{tr!(direct.draft_saved)}</p>
            <button type="submit" class="button primary">{tr!(direct.submit)}</button>
        </form>
    }
}
