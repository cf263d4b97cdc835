//! 写建议: a suggestion the signed-in deputy leads, on one page: title, category, the facts,
//! the analysis, the proposals (one a line), the unit, co-signers by deputy number (each named
//! back from the directory), the four exclusions. The model's checks
//! (`deputy_model::suggestion::draft_problems`) say what is missing before anything is sent;
//! the server checks again and takes the lead from the session. The draft is saved on this
//! device at every change (one persisting effect) and survives a reload, going offline and a
//! failed send; it is cleared only once the server has filed it.

use deputy_model::suggestion::{
    CATEGORIES, Draft, DraftCosigner, DraftProblem, EXCLUSIONS, MAX_PART, MAX_TITLE, draft_problems,
};
use deputy_model::workspace::ActDone;
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

use crate::i18n::{t, tf};
use crate::session::use_session;

const KEY: &str = "dh_ws_draft";

fn new_draft() -> Draft {
    let n = js_sys_random();
    Draft { id: format!("ws-{n:012x}"), ..Draft::default() }
}

/// A random number for a new draft's id (the server files it under a receipt code of its own).
fn js_sys_random() -> u64 {
    let mut bytes = [0u8; 8];
    if let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    u64::from_le_bytes(bytes) & 0xffff_ffff_ffff
}

fn problem_text(p: DraftProblem) -> String {
    use DraftProblem as P;
    match p {
        P::NoTitle => t("write.err_title"),
        P::TitleTooLong => tf("write.err_title_long", &[("n", &MAX_TITLE.to_string())]),
        P::NoCategory => t("write.err_category"),
        P::NoLead => String::new(),
        P::NoFacts => t("write.err_facts"),
        P::FactsTooLong | P::AnalysisTooLong => tf("write.err_long", &[("n", &MAX_PART.to_string())]),
        P::NoAnalysis => t("write.err_analysis"),
        P::NoProposals => t("write.err_proposals"),
        P::ProposalTooLong | P::TooManyProposals => t("write.err_proposals_long"),
        P::Exclusion(_) => t("write.err_exclusions"),
    }
}

#[component]
pub fn WritePage() -> impl IntoView {
    let session = use_session();
    let saved: Option<Draft> = LocalStorage::get(KEY).ok();
    let draft = RwSignal::new(saved.unwrap_or_else(new_draft));
    // The one persisting effect: every change is on the device at once.
    Effect::new(move |_| {
        let d = draft.get();
        let _ = LocalStorage::set(KEY, &d);
    });
    let cosigner_ids = RwSignal::new(
        draft.get_untracked().cosigners.iter().map(|c| c.deputy_id.clone()).collect::<Vec<_>>().join(" "),
    );
    let problems = RwSignal::new(Vec::<String>::new());
    let error = RwSignal::new(String::new());
    let done = RwSignal::new(None::<ActDone>);
    let busy = RwSignal::new(false);
    let me = move || session.who.get().map(|m| (m.deputy_id, m.name)).unwrap_or_default();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let (id, name) = me();
        let mut d = draft.get_untracked();
        d.lead_id = id;
        d.lead_name = name;
        d.cosigners = cosigner_ids
            .get_untracked()
            .split(|c: char| c.is_whitespace() || c == ',' || c == '，' || c == '、')
            .filter(|s| !s.is_empty())
            .map(|s| DraftCosigner { deputy_id: s.to_string(), ..DraftCosigner::default() })
            .collect();
        let mut found: Vec<String> =
            draft_problems(&d).into_iter().map(problem_text).filter(|s| !s.is_empty()).collect();
        found.dedup();
        problems.set(found.clone());
        error.set(String::new());
        if !found.is_empty() {
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            match deputy_app_kit::api::post::<ActDone>("suggestion", serde_json::json!({ "draft": d })).await {
                Ok(answer) => {
                    LocalStorage::delete(KEY);
                    done.set(Some(answer));
                }
                Err(f) => {
                    session.check(&f);
                    error.set(f.message());
                }
            }
            busy.set(false);
        });
    };
    let again = move |_| {
        done.set(None);
        cosigner_ids.set(String::new());
        draft.set(new_draft());
    };
    let field = move |get: fn(&Draft) -> String, set: fn(&mut Draft, String)| {
        (move || get(&draft.get()), move |ev| draft.update(|d| set(d, event_target_value(&ev))))
    };
    let (title, on_title) = field(|d| d.title.clone(), |d, v| d.title = v);
    let (facts, on_facts) = field(|d| d.facts.clone(), |d, v| d.facts = v);
    let (analysis, on_analysis) = field(|d| d.analysis.clone(), |d, v| d.analysis = v);
    let (proposals, on_proposals) = field(|d| d.proposals.clone(), |d, v| d.proposals = v);
    let (unit, on_unit) = field(|d| d.suggested_unit.clone(), |d, v| d.suggested_unit = v);
    view! {
        <h1>{t("write.title")}</h1>
        <Show when=move || done.get().is_none() fallback=move || view! {
            <div class="notice" role="status" id="write-done">
                <p>{move || done.get().map(|d| d.message).unwrap_or_default()}</p>
                <p>{t("letters.code")}" "<span class="code">{move || done.get().map(|d| d.receipt_code).unwrap_or_default()}</span></p>
                <button type="button" class="secondary" on:click=again>{t("write.another")}</button>
            </div>
        }>
            <p class="hint">{t("write.intro")}</p>
            <form on:submit=submit novalidate>
                <label for="w-title">{t("write.field_title")}</label>
                <input id="w-title" maxlength="60" prop:value=title on:input=on_title />
                <label for="w-category">{t("write.field_category")}</label>
                <select id="w-category" on:change=move |ev| draft.update(|d| d.category = event_target_value(&ev))>
                    <option value="" selected=move || draft.get().category.is_empty()>{t("write.choose")}</option>
                    {CATEGORIES.iter().map(|c| view! {
                        <option value=*c selected=move || draft.get().category == *c>{*c}</option>
                    }).collect_view()}
                </select>
                <label for="w-facts">{t("write.field_facts")}</label>
                <textarea id="w-facts" prop:value=facts on:input=on_facts></textarea>
                <label for="w-analysis">{t("write.field_analysis")}</label>
                <textarea id="w-analysis" prop:value=analysis on:input=on_analysis></textarea>
                <label for="w-proposals">{t("write.field_proposals")}</label>
                <textarea id="w-proposals" prop:value=proposals on:input=on_proposals></textarea>
                <label for="w-unit">{t("write.field_unit")}</label>
                <input id="w-unit" prop:value=unit on:input=on_unit />
                <label for="w-cosigners">{t("write.field_cosigners")}</label>
                <input id="w-cosigners" autocapitalize="off" prop:value=move || cosigner_ids.get()
                    on:input=move |ev| cosigner_ids.set(event_target_value(&ev)) />
                <fieldset class="exclusions">
                    <legend>{t("write.exclusions")}</legend>
                    {[t("write.exclusion_0"), t("write.exclusion_1"), t("write.exclusion_2"), t("write.exclusion_3")]
                        .into_iter().enumerate().take(EXCLUSIONS).map(|(i, text)| view! {
                        <label class="check">
                            <input type="checkbox" id=format!("w-exclusion-{i}") prop:checked=move || draft.get().exclusions[i]
                                on:change=move |ev| draft.update(|d| d.exclusions[i] = event_target_checked(&ev)) />
                            {text}
                        </label>
                    }).collect_view()}
                </fieldset>
                <Show when=move || !problems.get().is_empty()>
                    <div class="error" role="alert" id="write-problems">
                        <p>{t("write.missing")}</p>
                        <ul>{move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    </div>
                </Show>
                <Show when=move || !error.get().is_empty()>
                    <p class="error" role="alert" id="write-error">{move || error.get()}</p>
                </Show>
                <p class="hint">{t("write.saved")}</p>
                <button type="submit" disabled=move || busy.get()>{t("write.submit")}</button>
            </form>
        </Show>
    }
}
