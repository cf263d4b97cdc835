//! /proposals/cosign?d=…&c=…&t=…&l=…: the page a co-signer opens from the lead deputy's link.
//! Confirming sends a Cosign submission through the outbox and shows the six-digit code
//! (derived from draft id and co-signer id) that the lead types into the draft.

use deputy_model::submission::SubmissionKind;
use deputy_model::suggestion::cosign_code;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::data::{self, DataResource, is_safe_id};
use crate::i18n::*;
use crate::outbox::use_outbox;
use crate::ui::{ReceiptCode, loaded};

#[component]
pub fn CosignPage() -> impl IntoView {
    let i18n = use_i18n();
    let q = use_query_map();
    let get = move |k: &str| q.read_untracked().get(k).unwrap_or_default();
    let (draft_id, cosigner_id, title, lead) = (get("d"), get("c"), get("t"), get("l"));
    let valid = is_safe_id(&draft_id) && is_safe_id(&cosigner_id) && !title.trim().is_empty();
    let outbox = use_outbox();
    let done = RwSignal::new(None::<String>);
    let deputy = DataResource::new({
        let id = cosigner_id.clone();
        move || data::deputy(id.clone())
    });
    view! {
        <section class="page cosign">
            <h1>{tr!(proposals.cosign_title)}</h1>
            {if !valid {
                view! { <p class="notice" role="alert">{tr!(proposals.cosign_bad_link)}</p> }.into_any()
            } else {
                let (draft_id, cosigner_id, title, lead) = (draft_id.clone(), cosigner_id.clone(), title.clone(), lead.clone());
                view! {
                    <p class="lead">{t!(i18n, proposals.cosign_invite, lead = lead.clone())}</p>
                    <blockquote class="quote">{title.clone()}</blockquote>
                    {loaded(deputy, move |d| {
                        let name = d.summary.name.clone();
                        let (draft_id, cosigner_id, title, lead) = (draft_id.clone(), cosigner_id.clone(), title.clone(), lead.clone());
                        let code = cosign_code(&draft_id, &cosigner_id);
                        let confirm = move |_| {
                            let payload = serde_json::json!({
                                "draft_id": draft_id,
                                "cosigner_id": cosigner_id,
                                "cosigner_name": name,
                                "title": title,
                                "lead": lead,
                            });
                            let line = t_string!(i18n, proposals.cosign_line, title = title.clone()).to_string();
                            done.set(Some(outbox.submit(SubmissionKind::Cosign, line, payload)));
                        };
                        view! {
                            <p>{t!(i18n, proposals.cosign_as, name = d.summary.name.clone())}</p>
                            {move || match done.get() {
                                None => view! {
                                    <button type="button" class="button primary" on:click=confirm.clone()>{tr!(proposals.cosign_confirm)}</button>
                                }.into_any(),
                                Some(receipt) => view! {
                                    <div class="done" role="status">
                                        <h2>{tr!(proposals.cosign_done)}</h2>
                                        <p>{tr!(proposals.cosign_code_is)}</p>
                                        <p class="cosign-code" translate="no">{code.clone()}</p>
                                        <p>{tr!(proposals.cosign_code_hint)}</p>
                                        <p>{tr!(outbox.receipt)}</p>
                                        <ReceiptCode code=receipt />
                                    </div>
                                }.into_any(),
                            }}
                        }
                    })}
                }.into_any()
            }}
        </section>
    }
}
