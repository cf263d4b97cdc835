//! 结业证明 (/training/certificate/:course_id): a printable (A4) certificate for a passed course,
//! made from this device's record. The learner's name is typed here (it is not stored anywhere
//! else) and printed with the course, its 学时, the date and the final score.

use deputy_model::training::{Course, CourseState};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::hours;
use super::progress::Progress;
use crate::data::{self, DataResource, use_site};
use crate::i18n::*;
use crate::ui::storage::draft;
use crate::ui::{TextField, href, loaded};

#[component]
pub fn CertificatePage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("course_id").unwrap_or_default());
    let course = DataResource::new(move || data::training_course(id.get()));
    view! {
        <section class="page training certificate-page">
            {loaded(course, |c| view! { <CertificateView c /> })}
        </section>
    }
}

#[component]
fn CertificateView(c: Course) -> impl IntoView {
    let i18n = use_i18n();
    let site = use_site();
    let p = Progress::load().get_untracked();
    let s = c.summary.clone();
    if p.course_state(&s) != CourseState::Passed {
        return view! {
            <h1>{tr!(training.certificate)}</h1>
            <p class="empty">{t!(i18n, training.not_passed_yet, course = s.title.clone())}</p>
            <p><A href=href(&format!("/training/course/{}", s.id)) attr:class="button">{tr!(training.to_course)}</A></p>
        }
        .into_any();
    }
    let name = draft("training", "certificate-name");
    let passed_on = p.course_passed_on(&s).unwrap_or_default();
    let score = p.finals.get(&s.id).and_then(|f| f.best_percent);
    let issuer = move || site.config().map(|c| c.name).unwrap_or_default();
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <div class="certificate-tools">
            <p class="breadcrumb"><A href=href("/training/mine")>{tr!(training.back_to_mine)}</A></p>
            <TextField id="cert-name" label=tr!(training.cert_name) hint=tr!(training.cert_name_hint).to_string() value=name max=20 />
            <p><button type="button" class="button" on:click=print>{tr!(training.print)}</button></p>
        </div>
        <article class="certificate" aria-labelledby="cert-title">
            <h1 id="cert-title" class="cert-title">{tr!(training.certificate)}</h1>
            <p class="cert-body">
                <span class="cert-name">{move || { let n = name.get(); if n.trim().is_empty() { "______".to_string() } else { n } }}</span>
                {tr!(training.cert_colon)}
            </p>
            <p class="cert-body">
                {t!(i18n, training.cert_text, date = passed_on.clone(), course = s.title.clone(), n = s.lessons.len(), h = hours(s.minutes))}
            </p>
            {score.map(|sc| view! { <p class="cert-body">{t!(i18n, training.cert_score, percent = sc)}</p> })}
            <p class="cert-body">{tr!(training.cert_granted)}</p>
            <p class="cert-issuer">{issuer}</p>
            <p class="cert-date">{passed_on.clone()}</p>
            <p class="cert-note">{tr!(training.cert_note)}</p>
        </article>
    }
    .into_any()
}
