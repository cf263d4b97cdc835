//! 账号: who is signed in, a new password (every other device is then signed out), and signing
//! out everywhere.

use deputy_model::workspace::Me;
use leptos::prelude::*;

use crate::i18n::{t, tf};
use crate::page::level_name;
use crate::session::use_session;

#[component]
pub fn AccountPage() -> impl IntoView {
    let session = use_session();
    let me = move || session.who.get();
    let old = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let notice = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let change = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        notice.set(String::new());
        if new.get_untracked() != again.get_untracked() {
            error.set(t("activate.mismatch"));
            return;
        }
        busy.set(true);
        error.set(String::new());
        let body = serde_json::json!({ "old": old.get_untracked(), "new": new.get_untracked() });
        leptos::task::spawn_local(async move {
            match deputy_app_kit::api::post::<Me>("password", body).await {
                Ok(me) => {
                    session.signed_in(me);
                    notice.set(t("account.changed"));
                }
                Err(f) => {
                    session.check(&f);
                    error.set(f.message());
                }
            }
            for field in [old, new, again] {
                field.set(String::new());
            }
            busy.set(false);
        });
    };
    let everywhere = move |_| {
        leptos::task::spawn_local(async move {
            let _ = deputy_app_kit::api::post::<serde_json::Value>("sessions/end-all", serde_json::json!({})).await;
            session.who.set(None);
        });
    };
    view! {
        <h1>{t("account.title")}</h1>
        {move || me().map(|me| view! {
            <p id="account-who">{tf("account.who", &[("name", &me.name), ("id", &me.deputy_id)])}</p>
            <p class="meta">{level_name(me.level)}</p>
        })}
        <h2>{t("account.password_title")}</h2>
        <form on:submit=change novalidate>
            <label for="old-password">{t("account.old")}</label>
            <input id="old-password" type="password" autocomplete="current-password" required
                prop:value=move || old.get() on:input=move |ev| old.set(event_target_value(&ev)) />
            <label for="new-password">{t("account.new")}</label>
            <input id="new-password" type="password" autocomplete="new-password" required minlength="12"
                prop:value=move || new.get() on:input=move |ev| new.set(event_target_value(&ev)) />
            <label for="new-password2">{t("account.new2")}</label>
            <input id="new-password2" type="password" autocomplete="new-password" required minlength="12"
                prop:value=move || again.get() on:input=move |ev| again.set(event_target_value(&ev)) />
            <Show when=move || !error.get().is_empty()>
                <p class="error" role="alert" id="password-error">{move || error.get()}</p>
            </Show>
            <p class="ok" role="status" id="password-notice">{move || notice.get()}</p>
            <button type="submit" disabled=move || busy.get()>{t("account.change")}</button>
        </form>
        <h2>{t("account.everywhere_title")}</h2>
        <p class="hint">{t("account.everywhere_hint")}</p>
        <button type="button" class="secondary" id="end-all" on:click=everywhere>{t("account.everywhere")}</button>
    }
}
