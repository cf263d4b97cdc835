//! 征求意见: the list of consultations, each draft shown as structure with a comment button on
//! every article (keyboard and screen-reader reachable), and — once closed — the final text
//! beside the draft, article by article, with what became of the comments.

mod detail;
mod form;
mod list;
mod result;

pub use detail::ConsultationPage;
pub use list::ConsultPage;

use deputy_model::consult::{AdoptionResult, Phase, article_label, chapter_label};
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route};
use leptos_router::path;

use crate::i18n::*;
use crate::ui::NotFound;

pub fn phase_label(i18n: I18n, phase: Phase) -> &'static str {
    match phase {
        Phase::Open => t_string!(i18n, consult.phase_open),
        Phase::Summarizing => t_string!(i18n, consult.phase_summarizing),
        Phase::Published => t_string!(i18n, consult.phase_published),
    }
}

pub fn adoption_label(i18n: I18n, r: AdoptionResult) -> &'static str {
    match r {
        AdoptionResult::Adopted => t_string!(i18n, consult.adopted),
        AdoptionResult::Partly => t_string!(i18n, consult.partly),
        AdoptionResult::NotAdopted => t_string!(i18n, consult.not_adopted),
    }
}

pub use crate::ui::now;

/// 征求意见's pages, by path.
/// Its own table, inside the module's code; each page is a split point (`src/split.rs`).
#[component]
pub fn ConsultRoutes() -> impl IntoView {
    crate::ui::when_open(deputy_model::Module::Consult, || {
        view! {
            <FlatRoutes fallback=|| view! { <NotFound /> }>
                <Route path=path!("/consult") view=crate::split!(consult__home, lazy_consult_home, ConsultPage) />
                <Route path=path!("/consult/:id") view=crate::split!(consult__draft, lazy_consult_draft, ConsultationPage) />
            </FlatRoutes>
        }
    })
}

/// "第十二条", and in English "第十二条 (Article 12)": the legal text stays as written; a reader
/// of English gets the number to cite.
pub fn article_name(n: u32) -> String {
    with_number(article_label(n), || t_string!((), consult.article_n, n = n))
}

/// "第二章", and in English "第二章 (Chapter 2)".
pub fn chapter_name(n: u32) -> String {
    with_number(chapter_label(n), || t_string!((), consult.chapter_n, n = n))
}

fn with_number(label: String, number: impl FnOnce() -> String) -> String {
    if current() == Locale::En { format!("{label}{}{}{}", tr!(punct.open), number(), tr!(punct.close)) } else { label }
}
