//! Step 5: the four exclusions to confirm, what still blocks submitting (each a button back to
//! its step), the preview in the official layout, print, and 提交 — then the receipt code.

use deputy_model::suggestion::{DraftProblem, EXCLUSIONS};
use leptos::prelude::*;
use leptos_router::components::A;

use super::super::doc::SuggestionDoc;
use super::super::labels::step_names;
use super::form::{Form, STEPS, step_of};
use crate::i18n::*;
use crate::outbox::use_outbox;
use crate::ui::{ReceiptCode, href};

#[component]
pub(super) fn StepCheck(f: Form) -> impl IntoView {
    let i18n = use_i18n();
    let outbox = use_outbox();
    view! {
        {move || f.receipt.get().map(|code| view! {
            <div class="done no-print" role="status" id="submit-done" tabindex="-1">
                <h3>{tr!(proposals.submitted_title)}</h3>
                <p>{tr!(outbox.receipt)}</p>
                <ReceiptCode code />
                <p>{tr!(proposals.submitted_text)}</p>
                <p class="actions">
                    <A href=href("/mine") attr:class="button secondary">{tr!(nav.mine)}</A>
                    <A href=href("/proposals/list") attr:class="button secondary">{tr!(proposals.list_title)}</A>
                </p>
            </div>
        })}
        {move || (f.receipt.get().is_none()).then(|| view! {
            <fieldset class="exclusions no-print">
                <legend>{tr!(proposals.exclusions_legend)}</legend>
                <p class="hint">{tr!(proposals.exclusions_hint)}</p>
                {(0..EXCLUSIONS).map(|i| {
                    let id = format!("s-exclusion-{i}");
                    let label = match i {
                        0 => t_string!(i18n, proposals.exclusion_0),
                        1 => t_string!(i18n, proposals.exclusion_1),
                        2 => t_string!(i18n, proposals.exclusion_2),
                        _ => t_string!(i18n, proposals.exclusion_3),
                    };
                    view! {
                        <label class="check">
                            <input type="checkbox" id=id
                                aria-invalid=move || f.err(DraftProblem::Exclusion(i)).to_string()
                                prop:checked=move || f.exclusions.get()[i]
                                on:change=move |ev| { let v = event_target_checked(&ev); f.exclusions.update(|e| e[i] = v); } />
                            <span>{label}</span>
                        </label>
                    }
                }).collect_view()}
                <p class="error" id="s-exclusions-error">
                    {move || (0..EXCLUSIONS).any(|i| f.err(DraftProblem::Exclusion(i))).then(|| t_string!(i18n, proposals.err_exclusions).to_string())}
                </p>
            </fieldset>
        })}
        {move || {
            let ps: Vec<DraftProblem> = if f.tried.get() { f.problems().into_iter().filter(|p| step_of(*p) != STEPS).collect() } else { Vec::new() };
            (!ps.is_empty()).then(|| view! {
                <div class="notice refused no-print" id="submit-problems" tabindex="-1" role="alert">
                    <p>{tr!(proposals.err_before_submit)}</p>
                    <ul>
                        {ps.into_iter().map(|p| {
                            let n = step_of(p);
                            view! { <li><button type="button" class="link-button" on:click=move |_| f.go(n)>
                                {t_string!(i18n, proposals.fix_step, n = n).to_string()}" "{step_names(i18n)[(n - 1) as usize]}
                            </button></li> }
                        }).collect_view()}
                    </ul>
                </div>
            })
        }}
        <h3 class="no-print">{tr!(proposals.preview)}</h3>
        {move || view! { <SuggestionDoc doc=f.doc() /> }}
        <p class="actions no-print">
            <button type="button" class="button secondary" id="print-suggestion" on:click=|_| { let _ = window().print(); }>{tr!(proposals.print)}</button>
            {move || f.receipt.get().is_none().then(|| view! {
                <button type="button" class="button primary" id="submit-suggestion" on:click=move |_| f.submit(outbox)>{tr!(proposals.submit)}</button>
            })}
        </p>
    }
}
