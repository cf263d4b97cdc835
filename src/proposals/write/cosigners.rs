//! Step 4 of the suggestion form: the co-signers (联名代表).

use deputy_model::DeputySummary;
use deputy_model::suggestion::{DraftCosigner, cosign_code_matches};
use leptos::prelude::*;

use super::super::picker::DeputyPicker;
use super::form::Form;
use crate::i18n::*;
use crate::ui::{href, query_string};

/// Step 4: co-signers chosen from the directory; each gets a link, confirms on their own
/// device, and the code they see is typed in here.
#[component]
pub(super) fn Cosigners(f: Form) -> impl IntoView {
    let i18n = use_i18n();
    let Form { cosigners, title, lead, .. } = f;
    let draft_id = StoredValue::new(f.base.with_value(|b| b.id.clone()));
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
