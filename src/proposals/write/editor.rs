//! The frame around the steps: back to the drafts, the letter it came from, the step list, the
//! current step's heading and body, and 上一步 / 下一步.

use leptos::prelude::*;
use leptos_router::components::A;

use super::super::drafts::Drafts;
use super::super::labels::step_names;
use super::check::StepCheck;
use super::cosigners::Cosigners;
use super::form::{Form, STEPS};
use super::steps::{StepFacts, StepProposals, StepTitle};
use crate::i18n::*;
use crate::ui::href;
use deputy_model::suggestion::Draft;

// A part of the write page (`src/split.rs`): the drafts list comes first, the editor's code
// when a draft is opened.
crate::split_part!(part__suggestion_editor, lazy_suggestion_editor, pub(super) fn editor(args: (Draft, Drafts)) -> {
    let (draft, drafts) = args;
    view! { <Editor draft drafts /> }
});

#[component]
fn Editor(draft: Draft, drafts: Drafts) -> impl IntoView {
    let i18n = use_i18n();
    let f = Form::new(draft);
    f.autosave(drafts);
    let from =
        f.base.with_value(|b| b.from_message.clone().map(|m| (m, b.from_subject.clone(), b.from_deputy.clone())));

    view! {
        <p class="no-print"><A href=href("/proposals/write")>{tr!(proposals.back_to_drafts)}</A></p>
        <p class="hint no-print">{tr!(proposals.autosaved)}</p>
        {from.map(|(m, subject, deputy)| {
            let link = match deputy {
                Some(d) => href(&format!("/direct/deputy/{d}#{m}")),
                None => href("/direct/qa"),
            };
            view! {
                <p class="from-message no-print">{tr!(proposals.from_message)}" "
                    <a href=link>{subject.unwrap_or(m)}</a>
                </p>
            }
        })}
        <ol class="steps no-print" aria-label=move || t_string!(i18n, proposals.steps_label).to_string()>
            {move || step_names(i18n).into_iter().enumerate().map(|(i, name)| {
                let n = i as u8 + 1;
                let cur = f.step.get() == n;
                let class = if cur { "step step-current" } else if f.step.get() > n { "step step-done" } else { "step" };
                view! {
                    <li class=class aria-current=cur.then_some("step")>
                        <span class="step-no">{n}</span>" "{name}
                    </li>
                }
            }).collect_view()}
        </ol>
        <div class="step-body">
            <h2 id="step-heading" tabindex="-1" class="no-print">
                {move || t_string!(i18n, proposals.step_of, n = f.step.get(), total = STEPS).to_string()}
                " "{move || step_names(i18n)[(f.step.get() - 1) as usize]}
            </h2>
            {move || match f.step.get() {
                1 => view! { <StepTitle f /> }.into_any(),
                2 => view! { <StepFacts f /> }.into_any(),
                3 => view! { <StepProposals f /> }.into_any(),
                4 => view! { <Cosigners f /> }.into_any(),
                _ => view! { <StepCheck f /> }.into_any(),
            }}
        </div>
        <p class="actions step-nav no-print">
            {move || (f.step.get() > 1).then(|| view! {
                <button type="button" class="button secondary" on:click=move |_| f.go(f.step.get_untracked() - 1)>{tr!(proposals.prev_step)}</button>
            })}
            {move || (f.step.get() < STEPS).then(|| view! {
                <button type="button" class="button primary" id="next-step" on:click=move |_| f.next()>{tr!(proposals.next_step)}</button>
            })}
        </p>
    }
}
