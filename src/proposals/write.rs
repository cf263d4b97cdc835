//! /proposals/write: the deputy's drafts, and the step-by-step form — 1 题目与类别, 2 情况与分析,
//! 3 具体意见, 4 联名代表, 5 检查、预览与提交. Each 下一步 stops at a missing or too long part;
//! the last step asks the deputy to confirm the exclusions, shows the suggestion in the official
//! layout (which prints on A4), and submits it through the outbox for a receipt code. Every
//! keystroke is saved to the draft on this device.

use deputy_model::DeputySummary;
use deputy_model::submission::SubmissionKind;
use deputy_model::suggestion::{
    CATEGORIES, Draft, DraftCosigner, DraftProblem, EXCLUSIONS, MAX_PART, MAX_PROPOSAL, MAX_PROPOSALS, MAX_TITLE,
    cosign_code_matches, draft_problems, proposal_lines,
};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::doc::{DocText, SuggestionDoc};
use super::drafts::Drafts;
use super::picker::DeputyPicker;
use crate::data::is_safe_id;
use crate::i18n::*;
use crate::outbox::use_outbox;
use crate::ui::{ReceiptCode, TextField, href, query_string};

const STEPS: u8 = 5;

fn step_of(p: DraftProblem) -> u8 {
    use DraftProblem as P;
    match p {
        P::NoTitle | P::TitleTooLong | P::NoCategory | P::NoLead => 1,
        P::NoFacts | P::FactsTooLong | P::NoAnalysis | P::AnalysisTooLong => 2,
        P::NoProposals | P::ProposalTooLong | P::TooManyProposals => 3,
        P::Exclusion(_) => 5,
    }
}

/// The control to focus for a problem.
fn field_of(p: DraftProblem) -> String {
    use DraftProblem as P;
    match p {
        P::NoTitle | P::TitleTooLong => "s-title".into(),
        P::NoCategory => "s-category".into(),
        P::NoLead => "s-lead-q".into(),
        P::NoFacts | P::FactsTooLong => "s-facts".into(),
        P::NoAnalysis | P::AnalysisTooLong => "s-analysis".into(),
        P::NoProposals | P::ProposalTooLong | P::TooManyProposals => "s-proposals".into(),
        P::Exclusion(i) => format!("s-exclusion-{i}"),
    }
}

fn focus_later(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
                el.scroll_into_view();
            }
        }
    });
}

#[component]
pub fn WriteSuggestionPage() -> impl IntoView {
    let i18n = use_i18n();
    let drafts = Drafts::load();
    let q = use_query_map();
    let navigate = use_navigate();
    let current = Memo::new(move |_| q.read().get("draft").unwrap_or_default());
    // 转为建议: a letter's reference arrives in the URL; make a prefilled draft once and open it.
    {
        let navigate = navigate.clone();
        Effect::new(move |_| {
            let (from, subject, deputy) = q.with(|q| (q.get("from"), q.get("subject"), q.get("deputy")));
            if let Some(from) = from.filter(|f| current.get().is_empty() && is_safe_id(f)) {
                let subject = subject.unwrap_or_default();
                let id = drafts.create(Draft {
                    title: if subject.is_empty() {
                        String::new()
                    } else {
                        t_string!(i18n, proposals.title_from, subject = subject.clone()).to_string()
                    },
                    from_message: Some(from),
                    from_subject: Some(subject),
                    from_deputy: deputy.filter(|d| is_safe_id(d)),
                    ..Default::default()
                });
                navigate(
                    &href(&format!("/proposals/write{}", query_string(&[("draft", &id)]))),
                    leptos_router::NavigateOptions { replace: true, ..Default::default() },
                );
            }
        });
    }
    view! {
        <section class="page write-suggestion">
            <h1>{tr!(proposals.write_title)}</h1>
            <p class="lead">{tr!(proposals.write_intro)}</p>
            <p class="training-link">
                <a href=href("/training/lesson/write-suggestion")>{tr!(proposals.training_link)}</a>
            </p>
            {move || {
                let id = current.get();
                match drafts.0.with_untracked(|all| all.iter().find(|d| d.id == id).cloned()) {
                    Some(d) => view! { <Editor draft=d drafts /> }.into_any(),
                    None => view! { <DraftList drafts /> }.into_any(),
                }
            }}
        </section>
    }
}

#[component]
fn DraftList(drafts: Drafts) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let open = move |id: &str| href(&format!("/proposals/write{}", query_string(&[("draft", id)])));
    let create = move |_| {
        let id = drafts.create(Draft::default());
        navigate(&open(&id), Default::default());
    };
    view! {
        <button type="button" class="button primary" id="new-draft" on:click=create>{tr!(proposals.new_draft)}</button>
        <h2>{tr!(proposals.my_drafts)}</h2>
        {move || {
            let all = drafts.0.get();
            if all.is_empty() {
                return view! { <p class="empty">{tr!(proposals.no_drafts)}</p> }.into_any();
            }
            view! {
                <ul class="draft-list">
                    {all.into_iter().map(|d| {
                        let title = if d.title.trim().is_empty() { t_string!(i18n, proposals.untitled).to_string() } else { d.title.clone() };
                        let id = d.id.clone();
                        let aria = t_string!(i18n, proposals.delete_draft_of, title = title.clone()).to_string();
                        let state = match &d.receipt {
                            Some(code) => t_string!(i18n, proposals.draft_submitted, code = code.clone()).to_string(),
                            None => t_string!(i18n, proposals.draft_saved_at, at = d.updated_at.clone()).to_string(),
                        };
                        view! {
                            <li class="draft-row">
                                <A href=open(&d.id) attr:class="draft-title">{title}</A>
                                <span class="news-meta">{state}</span>
                                <button type="button" class="button secondary"
                                    aria-label=aria
                                    on:click=move |_| drafts.remove(&id)>{tr!(proposals.delete_draft)}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

#[component]
fn Editor(draft: Draft, drafts: Drafts) -> impl IntoView {
    let i18n = use_i18n();
    let outbox = use_outbox();
    let base = StoredValue::new(draft.clone());
    let title = RwSignal::new(draft.title.clone());
    let category = RwSignal::new(draft.category.clone());
    let lead = RwSignal::new((draft.lead_id.clone(), draft.lead_name.clone()));
    let facts = RwSignal::new(draft.facts.clone());
    let analysis = RwSignal::new(draft.analysis.clone());
    let proposals = RwSignal::new(draft.proposals.clone());
    let unit = RwSignal::new(draft.suggested_unit.clone());
    let attachments = RwSignal::new(draft.attachments.clone());
    let cosigners = RwSignal::new(draft.cosigners.clone());
    let exclusions = RwSignal::new(draft.exclusions);
    let receipt = RwSignal::new(draft.receipt.clone());
    let step = RwSignal::new(if draft.receipt.is_some() { STEPS } else { 1u8 });
    let tried = RwSignal::new(false);

    let snapshot = move || {
        let (lead_id, lead_name) = lead.get();
        Draft {
            title: title.get(),
            category: category.get(),
            lead_id,
            lead_name,
            facts: facts.get(),
            analysis: analysis.get(),
            proposals: proposals.get(),
            suggested_unit: unit.get(),
            attachments: attachments.get(),
            cosigners: cosigners.get(),
            exclusions: exclusions.get(),
            receipt: receipt.get(),
            ..base.get_value()
        }
    };
    // Autosave: every change to any part goes to the device at once.
    Effect::new(move |_| drafts.put(snapshot()));

    let problems = move || draft_problems(&snapshot());
    let err = move |p: DraftProblem| tried.get() && problems().contains(&p);
    let msg = move |ps: &[(DraftProblem, String)]| -> Option<String> {
        ps.iter().find(|(p, _)| err(*p)).map(|(_, m)| m.clone())
    };
    let go = move |n: u8| {
        step.set(n);
        tried.set(false);
        focus_later("step-heading".into());
    };
    let next = move |_| {
        let here = step.get_untracked();
        let blocking: Vec<DraftProblem> =
            draft_problems(&snapshot()).into_iter().filter(|p| step_of(*p) == here).collect();
        if let Some(first) = blocking.first() {
            tried.set(true);
            focus_later(field_of(*first));
        } else {
            go(here + 1);
        }
    };
    let submit = move |_| {
        let all = draft_problems(&snapshot());
        if let Some(first) = all.first() {
            tried.set(true);
            if step_of(*first) == STEPS {
                focus_later(field_of(*first));
            } else {
                focus_later("submit-problems".into());
            }
            return;
        }
        let d = snapshot();
        let mut payload = serde_json::to_value(&d).unwrap_or_default();
        payload["proposal_list"] = serde_json::json!(proposal_lines(&d.proposals));
        let code = outbox.submit(SubmissionKind::Suggestion, d.title.trim().to_string(), payload);
        receipt.set(Some(code));
        focus_later("submit-done".into());
    };

    let step_names = move || {
        [
            t_string!(i18n, proposals.step_1).to_string(),
            t_string!(i18n, proposals.step_2).to_string(),
            t_string!(i18n, proposals.step_3).to_string(),
            t_string!(i18n, proposals.step_4).to_string(),
            t_string!(i18n, proposals.step_5).to_string(),
        ]
    };
    let doc = move || DocText {
        title: title.get(),
        category: category.get(),
        lead: lead.get().1,
        cosigners: cosigners.get().into_iter().map(|c| (c.name, c.confirmed)).collect(),
        unit: unit.get(),
        facts: facts.get().lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect(),
        analysis: analysis.get().lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect(),
        proposals: proposal_lines(&proposals.get()),
        attachments: attachments.get().lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect(),
    };
    let from = base.with_value(|b| b.from_message.clone().map(|m| (m, b.from_subject.clone(), b.from_deputy.clone())));

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
            {move || step_names().into_iter().enumerate().map(|(i, name)| {
                let n = i as u8 + 1;
                let cur = step.get() == n;
                let class = if cur { "step step-current" } else if step.get() > n { "step step-done" } else { "step" };
                view! {
                    <li class=class aria-current=cur.then_some("step")>
                        <span class="step-no">{n}</span>" "{name}
                    </li>
                }
            }).collect_view()}
        </ol>
        <div class="step-body">
            <h2 id="step-heading" tabindex="-1" class="no-print">
                {move || t_string!(i18n, proposals.step_of, n = step.get(), total = STEPS).to_string()}
                " "{move || step_names()[(step.get() - 1) as usize].clone()}
            </h2>
            {move || match step.get() {
                1 => view! {
                    <TextField id="s-title" label=tr!(proposals.title_label) hint=tr!(proposals.title_hint)
                        value=title max=MAX_TITLE
                        error=Signal::derive(move || msg(&[
                            (DraftProblem::NoTitle, t_string!(i18n, proposals.err_title).to_string()),
                            (DraftProblem::TitleTooLong, t_string!(i18n, proposals.err_too_long, max = MAX_TITLE).to_string()),
                        ])) />
                    <div class="field">
                        <label for="s-category">{tr!(proposals.category)}</label>
                        <select id="s-category" aria-describedby="s-category-error"
                            aria-invalid=move || err(DraftProblem::NoCategory).to_string()
                            on:change=move |ev| category.set(event_target_value(&ev))>
                            <option value="" selected=move || category.get().is_empty()>{tr!(proposals.choose_category)}</option>
                            {CATEGORIES.iter().map(|c| view! {
                                <option value=*c selected=move || category.get() == *c>{*c}</option>
                            }).collect_view()}
                        </select>
                        <p class="error" id="s-category-error">
                            {move || err(DraftProblem::NoCategory).then(|| t_string!(i18n, proposals.err_category).to_string())}
                        </p>
                    </div>
                    <div class="field lead-field">
                        <p class="field-label">{tr!(proposals.lead)}
                            {move || { let (id, name) = lead.get(); (!id.is_empty()).then(|| view! { "：" <strong class="chosen-lead">{name}</strong> }) }}
                        </p>
                        <DeputyPicker id="s-lead" label=tr!(proposals.pick_lead)
                            exclude=Signal::derive(Vec::new)
                            on_pick=Callback::new(move |d: DeputySummary| lead.set((d.id, d.name))) />
                        <p class="error" id="s-lead-error">
                            {move || err(DraftProblem::NoLead).then(|| t_string!(i18n, proposals.err_lead).to_string())}
                        </p>
                    </div>
                    <TextField id="s-unit" label=tr!(proposals.suggested_unit) hint=tr!(proposals.unit_hint) value=unit />
                }.into_any(),
                2 => view! {
                    <TextField id="s-facts" label=tr!(proposals.part_facts) hint=tr!(proposals.facts_hint)
                        value=facts rows=8 max=MAX_PART
                        error=Signal::derive(move || msg(&[
                            (DraftProblem::NoFacts, t_string!(i18n, proposals.err_facts).to_string()),
                            (DraftProblem::FactsTooLong, t_string!(i18n, proposals.err_too_long, max = MAX_PART).to_string()),
                        ])) />
                    <TextField id="s-analysis" label=tr!(proposals.part_analysis) hint=tr!(proposals.analysis_hint)
                        value=analysis rows=8 max=MAX_PART
                        error=Signal::derive(move || msg(&[
                            (DraftProblem::NoAnalysis, t_string!(i18n, proposals.err_analysis).to_string()),
                            (DraftProblem::AnalysisTooLong, t_string!(i18n, proposals.err_too_long, max = MAX_PART).to_string()),
                        ])) />
                }.into_any(),
                3 => view! {
                    <TextField id="s-proposals" label=tr!(proposals.part_proposals)
                        hint=t_string!(i18n, proposals.proposals_hint, n = MAX_PROPOSALS, max = MAX_PROPOSAL).to_string()
                        value=proposals rows=8
                        error=Signal::derive(move || msg(&[
                            (DraftProblem::NoProposals, t_string!(i18n, proposals.err_proposals).to_string()),
                            (DraftProblem::TooManyProposals, t_string!(i18n, proposals.err_too_many, n = MAX_PROPOSALS).to_string()),
                            (DraftProblem::ProposalTooLong, t_string!(i18n, proposals.err_proposal_long, max = MAX_PROPOSAL).to_string()),
                        ])) />
                    {move || {
                        let lines = proposal_lines(&proposals.get());
                        (!lines.is_empty()).then(|| view! {
                            <p class="hint">{tr!(proposals.numbered_preview)}</p>
                            <ol class="numbered-preview">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ol>
                        })
                    }}
                    <TextField id="s-attachments" label=tr!(proposals.attachments) hint=tr!(proposals.attachments_hint)
                        value=attachments rows=3 />
                }.into_any(),
                4 => view! { <Cosigners cosigners draft_id=base.with_value(|b| b.id.clone()) title lead /> }.into_any(),
                _ => view! {
                    {move || receipt.get().map(|code| view! {
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
                    {move || (receipt.get().is_none()).then(|| view! {
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
                                            aria-invalid=move || err(DraftProblem::Exclusion(i)).to_string()
                                            prop:checked=move || exclusions.get()[i]
                                            on:change=move |ev| { let v = event_target_checked(&ev); exclusions.update(|e| e[i] = v); } />
                                        <span>{label}</span>
                                    </label>
                                }
                            }).collect_view()}
                            <p class="error" id="s-exclusions-error">
                                {move || (0..EXCLUSIONS).any(|i| err(DraftProblem::Exclusion(i))).then(|| t_string!(i18n, proposals.err_exclusions).to_string())}
                            </p>
                        </fieldset>
                    })}
                    {move || {
                        let ps: Vec<DraftProblem> = if tried.get() { problems().into_iter().filter(|p| step_of(*p) != STEPS).collect() } else { Vec::new() };
                        (!ps.is_empty()).then(|| view! {
                            <div class="notice refused no-print" id="submit-problems" tabindex="-1" role="alert">
                                <p>{tr!(proposals.err_before_submit)}</p>
                                <ul>
                                    {ps.into_iter().map(|p| {
                                        let n = step_of(p);
                                        view! { <li><button type="button" class="link-button" on:click=move |_| go(n)>
                                            {t_string!(i18n, proposals.fix_step, n = n).to_string()}" "{step_names()[(n - 1) as usize].clone()}
                                        </button></li> }
                                    }).collect_view()}
                                </ul>
                            </div>
                        })
                    }}
                    <h3 class="no-print">{tr!(proposals.preview)}</h3>
                    {move || view! { <SuggestionDoc doc=doc() /> }}
                    <p class="actions no-print">
                        <button type="button" class="button secondary" id="print-suggestion" on:click=|_| { let _ = window().print(); }>{tr!(proposals.print)}</button>
                        {move || receipt.get().is_none().then(|| view! {
                            <button type="button" class="button primary" id="submit-suggestion" on:click=submit>{tr!(proposals.submit)}</button>
                        })}
                    </p>
                }.into_any(),
            }}
        </div>
        <p class="actions step-nav no-print">
            {move || (step.get() > 1).then(|| view! {
                <button type="button" class="button secondary" on:click=move |_| go(step.get_untracked() - 1)>{tr!(proposals.prev_step)}</button>
            })}
            {move || (step.get() < STEPS).then(|| view! {
                <button type="button" class="button primary" id="next-step" on:click=next>{tr!(proposals.next_step)}</button>
            })}
        </p>
    }
}

/// Step 4: co-signers chosen from the directory; each gets a link, confirms on their own
/// device, and the code they see is typed in here.
#[component]
fn Cosigners(
    cosigners: RwSignal<Vec<DraftCosigner>>,
    draft_id: String,
    title: RwSignal<String>,
    lead: RwSignal<(String, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let draft_id = StoredValue::new(draft_id);
    let origin = document().location().and_then(|l| l.origin().ok()).unwrap_or_default();
    let origin = StoredValue::new(origin);
    let link = move |c: &DraftCosigner| {
        let (d, t, l) = (draft_id.get_value(), title.get(), lead.get().1);
        format!(
            "{}{}",
            origin.get_value(),
            href(&format!(
                "/proposals/cosign{}",
                query_string(&[("d", &d), ("c", &c.deputy_id), ("t", &t), ("l", &l)])
            ))
        )
    };
    view! {
        <p>{tr!(proposals.cosign_intro)}</p>
        <DeputyPicker id="s-cosign" label=tr!(proposals.add_cosigner)
            exclude=Signal::derive(move || {
                let mut ids: Vec<String> = cosigners.get().into_iter().map(|c| c.deputy_id).collect();
                ids.push(lead.get().0);
                ids
            })
            on_pick=Callback::new(move |d: DeputySummary| cosigners.update(|cs| cs.push(DraftCosigner { deputy_id: d.id, name: d.name, confirmed: false }))) />
        <ul class="cosigner-list">
            {move || cosigners.get().into_iter().enumerate().map(|(i, c)| {
                let typed = RwSignal::new(String::new());
                let wrong = RwSignal::new(false);
                let copied = RwSignal::new(false);
                let url = link(&c);
                let link_id = format!("cosign-link-{i}");
                let code_id = format!("cosign-code-{i}");
                let cid = c.deputy_id.clone();
                let confirm = move |_| {
                    if cosign_code_matches(&draft_id.get_value(), &cid, &typed.get_untracked()) {
                        cosigners.update(|cs| if let Some(x) = cs.get_mut(i) { x.confirmed = true; });
                    } else {
                        wrong.set(true);
                    }
                };
                let name = c.name.clone();
                view! {
                    <li class="cosigner">
                        <p class="cosigner-head">
                            <strong>{c.name.clone()}</strong>" "
                            {if c.confirmed {
                                view! { <span class="state-badge ok">{tr!(proposals.confirmed)}</span> }.into_any()
                            } else {
                                view! { <span class="state-badge">{tr!(proposals.unconfirmed)}</span> }.into_any()
                            }}
                            <button type="button" class="button secondary"
                                aria-label=t_string!(i18n, proposals.remove_cosigner_of, name = name.clone()).to_string()
                                on:click=move |_| cosigners.update(|cs| { if i < cs.len() { cs.remove(i); } })>
                                {tr!(proposals.remove_cosigner)}
                            </button>
                        </p>
                        {(!c.confirmed).then(|| view! {
                            <div class="field">
                                <label for=link_id.clone()>{t!(i18n, proposals.invite_link_for, name = name.clone())}</label>
                                <div class="picker-row">
                                    <input id=link_id class="cosign-link" type="text" readonly prop:value=url.clone() />
                                    <button type="button" class="button secondary" on:click={
                                        let url = url.clone();
                                        move |_| {
                                            if let Some(w) = web_sys::window() {
                                                let _ = w.navigator().clipboard().write_text(&url);
                                                copied.set(true);
                                            }
                                        }
                                    }>
                                        {move || if copied.get() { t_string!(i18n, outbox.copied) } else { t_string!(i18n, proposals.copy_link) }}
                                    </button>
                                </div>
                            </div>
                            <div class="field">
                                <label for=code_id.clone()>{tr!(proposals.enter_code)}</label>
                                <div class="picker-row">
                                    <input id=code_id.clone() class="cosign-code-input" type="text" inputmode="numeric" autocomplete="off"
                                        aria-describedby=format!("{code_id}-error")
                                        aria-invalid=move || wrong.get().to_string()
                                        prop:value=move || typed.get()
                                        on:input=move |ev| { typed.set(event_target_value(&ev)); wrong.set(false); } />
                                    <button type="button" class="button secondary" on:click=confirm>{tr!(proposals.mark_confirmed)}</button>
                                </div>
                                <p class="error" id=format!("{code_id}-error")>{move || wrong.get().then(|| t_string!(i18n, proposals.err_code).to_string())}</p>
                            </div>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
