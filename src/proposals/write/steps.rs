//! Steps 1–3 of the suggestion form: 题目与类别 (with the lead deputy and the suggested unit),
//! 情况与分析, and 具体意见 (numbered as typed) with attachments.

use deputy_model::DeputySummary;
use deputy_model::suggestion::{
    CATEGORIES, DraftProblem, MAX_PART, MAX_PROPOSAL, MAX_PROPOSALS, MAX_TITLE, proposal_lines,
};
use leptos::prelude::*;

use super::super::picker::DeputyPicker;
use super::form::Form;
use crate::i18n::*;
use crate::ui::TextField;

#[component]
pub(super) fn StepTitle(f: Form) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <TextField id="s-title" label=tr!(proposals.title_label) hint=tr!(proposals.title_hint)
            value=f.title max=MAX_TITLE
            error=Signal::derive(move || f.msg(&[
                (DraftProblem::NoTitle, t_string!(i18n, proposals.err_title).to_string()),
                (DraftProblem::TitleTooLong, t_string!(i18n, proposals.err_too_long, max = MAX_TITLE).to_string()),
            ])) />
        <div class="field">
            <label for="s-category">{tr!(proposals.category)}</label>
            <select id="s-category" aria-describedby="s-category-error"
                aria-invalid=move || f.err(DraftProblem::NoCategory).to_string()
                on:change=move |ev| f.category.set(event_target_value(&ev))>
                <option value="" selected=move || f.category.get().is_empty()>{tr!(proposals.choose_category)}</option>
                {CATEGORIES.iter().map(|c| view! {
                    <option value=*c selected=move || f.category.get() == *c>{*c}</option>
                }).collect_view()}
            </select>
            <p class="error" id="s-category-error">
                {move || f.err(DraftProblem::NoCategory).then(|| t_string!(i18n, proposals.err_category).to_string())}
            </p>
        </div>
        <div class="field lead-field">
            <p class="field-label">{tr!(proposals.lead)}
                {move || { let (id, name) = f.lead.get(); (!id.is_empty()).then(|| view! { {tr!(punct.colon)} <strong class="chosen-lead">{name}</strong> }) }}
            </p>
            <DeputyPicker id="s-lead" label=tr!(proposals.pick_lead)
                exclude=Signal::derive(Vec::new)
                on_pick=Callback::new(move |d: DeputySummary| f.lead.set((d.id, d.name))) />
            <p class="error" id="s-lead-error">
                {move || f.err(DraftProblem::NoLead).then(|| t_string!(i18n, proposals.err_lead).to_string())}
            </p>
        </div>
        <TextField id="s-unit" label=tr!(proposals.suggested_unit) hint=tr!(proposals.unit_hint) value=f.unit />
    }
}

#[component]
pub(super) fn StepFacts(f: Form) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <TextField id="s-facts" label=tr!(proposals.part_facts) hint=tr!(proposals.facts_hint)
            value=f.facts rows=8 max=MAX_PART
            error=Signal::derive(move || f.msg(&[
                (DraftProblem::NoFacts, t_string!(i18n, proposals.err_facts).to_string()),
                (DraftProblem::FactsTooLong, t_string!(i18n, proposals.err_too_long, max = MAX_PART).to_string()),
            ])) />
        <TextField id="s-analysis" label=tr!(proposals.part_analysis) hint=tr!(proposals.analysis_hint)
            value=f.analysis rows=8 max=MAX_PART
            error=Signal::derive(move || f.msg(&[
                (DraftProblem::NoAnalysis, t_string!(i18n, proposals.err_analysis).to_string()),
                (DraftProblem::AnalysisTooLong, t_string!(i18n, proposals.err_too_long, max = MAX_PART).to_string()),
            ])) />
    }
}

#[component]
pub(super) fn StepProposals(f: Form) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <TextField id="s-proposals" label=tr!(proposals.part_proposals)
            hint=t_string!(i18n, proposals.proposals_hint, n = MAX_PROPOSALS, max = MAX_PROPOSAL).to_string()
            value=f.proposals rows=8
            error=Signal::derive(move || f.msg(&[
                (DraftProblem::NoProposals, t_string!(i18n, proposals.err_proposals).to_string()),
                (DraftProblem::TooManyProposals, t_string!(i18n, proposals.err_too_many, n = MAX_PROPOSALS).to_string()),
                (DraftProblem::ProposalTooLong, t_string!(i18n, proposals.err_proposal_long, max = MAX_PROPOSAL).to_string()),
            ])) />
        {move || {
            let lines = proposal_lines(&f.proposals.get());
            (!lines.is_empty()).then(|| view! {
                <p class="hint">{tr!(proposals.numbered_preview)}</p>
                <ol class="numbered-preview">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ol>
            })
        }}
        <TextField id="s-attachments" label=tr!(proposals.attachments) hint=tr!(proposals.attachments_hint)
            value=f.attachments rows=3 />
    }
}
