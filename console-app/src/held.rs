//! 待核实: deputies' acts that came without proof (a suggestion, co-sign or training report sent
//! through the public inbox) are held, never published nor counted. After checking with the
//! deputy by other means (a phone call to the number on file), the clerk confirms one, writing
//! down how, or drops it with the reason. Both go into the act's proof and the audit log with
//! the clerk's name.

use deputy_model::console::{Done, HeldRow};
use leptos::prelude::*;

use crate::i18n::{t, tf};
use crate::page::{fetch, loaded};
use crate::session::use_session;

#[component]
pub fn HeldPage() -> impl IntoView {
    let session = use_session();
    let data = RwSignal::new(None::<Result<Vec<HeldRow>, deputy_app_kit::api::Failure>>);
    fetch(session, "held", data);
    let reload = move || fetch(session, "held", data);
    let notice = RwSignal::new(String::new());
    view! {
        <h1>{t("held.title")}</h1>
        <p class="hint">{t("held.hint")}</p>
        <p class="ok" id="held-notice" role="status">{move || notice.get()}</p>
        {loaded(data, reload, move |rows: Vec<HeldRow>| {
            if rows.is_empty() {
                return view! { <p class="empty">{t("held.empty")}</p> }.into_any();
            }
            view! {
                <ul class="letters">
                    {rows.into_iter().map(|row| view! { <HeldItem row notice reload=data /> }).collect_view()}
                </ul>
            }
            .into_any()
        })}
    }
}

#[component]
fn HeldItem(
    row: HeldRow,
    notice: RwSignal<String>,
    reload: RwSignal<Option<Result<Vec<HeldRow>, deputy_app_kit::api::Failure>>>,
) -> impl IntoView {
    let session = use_session();
    let code = row.receipt_code.clone();
    let how = RwSignal::new(String::new());
    let deputy = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let names_nobody = row.deputy_id.is_empty();
    let send = move |body: serde_json::Value| {
        let path = format!("held/{code}");
        error.set(String::new());
        leptos::task::spawn_local(async move {
            match deputy_app_kit::api::post::<Done>(&path, body).await {
                Ok(done) => {
                    notice.set(done.message);
                    fetch(session, "held", reload);
                }
                Err(f) => {
                    session.check(&f);
                    error.set(f.message());
                }
            }
        });
    };
    let send_confirm = send.clone();
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let deputy = Some(deputy.get_untracked()).filter(|d| !d.trim().is_empty());
        send_confirm(serde_json::json!({ "action": "confirm", "how": how.get_untracked(), "deputy": deputy }));
    };
    let drop_it = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        send(serde_json::json!({ "action": "drop", "reason": reason.get_untracked() }));
    };
    let c = row.receipt_code.clone();
    let who = if names_nobody {
        t("held.names_nobody")
    } else {
        tf("held.names", &[("name", &row.deputy_name), ("id", &row.deputy_id)])
    };
    view! {
        <li class="letter waiting held" data-code=row.receipt_code.clone()>
            <div class="detail">
                <h2>{row.kind.clone()}"："{row.title.clone()}</h2>
                <p>{who}</p>
                <p class="hint">{row.reason.clone()}" · "{t("held.code")}" "<span class="code">{row.receipt_code.clone()}</span></p>
                <form class="step" on:submit=confirm>
                    <label for=format!("how-{c}")>{t("held.how")}</label>
                    <input id=format!("how-{c}") prop:value=move || how.get() on:input=move |ev| how.set(event_target_value(&ev)) />
                    {names_nobody.then(|| view! {
                        <label for=format!("deputy-{c}")>{t("held.deputy")}</label>
                        <input id=format!("deputy-{c}") class="short" prop:value=move || deputy.get()
                            on:input=move |ev| deputy.set(event_target_value(&ev)) />
                    })}
                    <button type="submit">{t("held.confirm")}</button>
                </form>
                <form class="step" on:submit=drop_it>
                    <label for=format!("reason-{c}")>{t("held.drop_reason")}</label>
                    <input id=format!("reason-{c}") prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev)) />
                    <button type="submit" class="secondary">{t("held.drop")}</button>
                </form>
                <Show when=move || !error.get().is_empty()>
                    <p class="error" role="alert">{move || error.get()}</p>
                </Show>
            </div>
        </li>
    }
}
