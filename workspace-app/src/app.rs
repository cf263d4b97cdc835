//! The shell: the way in until a deputy is signed in, then the header (who, 大字模式, the
//! other language, sign-out), the navigation and one page per task.

use gloo_net::http::Method;
use gloo_storage::Storage;
use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::path;

use crate::i18n::{switch_language, t};
use crate::session::{Entry, provide_session, use_session};
use crate::{account, letters, suggestions, write};
use deputy_app_kit::api;

#[component]
pub fn App() -> impl IntoView {
    let session = provide_session();
    view! {
        <Prefs />
        <Show when=move || session.known.get() fallback=|| view! { <p class="loading">{t("app.loading")}</p> }>
            <Show when=move || session.who.get().is_some() fallback=Entry>
                <Shell />
            </Show>
        </Show>
    }
}

/// 大字模式 (关怀版) and the language: the device's choices, on every screen, the sign-in too.
#[component]
fn Prefs() -> impl IntoView {
    let care = RwSignal::new(has_care_class());
    let toggle = move |_| {
        let on = !care.get_untracked();
        set_care_class(on);
        let storage = gloo_storage::LocalStorage::raw();
        let _ = if on { storage.set_item("dh_ws_care", "1") } else { storage.remove_item("dh_ws_care") };
        care.set(on);
    };
    view! {
        <div class="prefs">
            <button type="button" id="care" aria-pressed=move || care.get().to_string() on:click=toggle>
                {move || if care.get() { t("app.care_off") } else { t("app.care_on") }}
            </button>
            <button type="button" id="language" lang=move || if crate::i18n::english() { "zh-CN" } else { "en" }
                on:click=move |_| switch_language()>{t("app.other_language")}</button>
        </div>
    }
}

fn root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

fn has_care_class() -> bool {
    root().is_some_and(|r| r.class_list().contains("care"))
}

fn set_care_class(on: bool) {
    if let Some(r) = root() {
        let _ = if on { r.class_list().add_1("care") } else { r.class_list().remove_1("care") };
    }
}

#[component]
fn Shell() -> impl IntoView {
    let session = use_session();
    let sign_out = move |_| {
        leptos::task::spawn_local(async move {
            let _ = api::call::<serde_json::Value>(Method::DELETE, "session", None).await;
            session.reason.set(String::new());
            session.who.set(None);
        });
    };
    view! {
        <Router base="/workspace">
            <header class="top">
                <span class="brand">{t("app.title")}</span>
                <span class="who" id="who">{move || session.who.get().map(|me| me.name).unwrap_or_default()}</span>
                <button type="button" class="secondary" id="sign-out" on:click=sign_out>{t("app.sign_out")}</button>
            </header>
            <nav class="tabs" aria-label=t("app.nav")>
                <A href="/workspace/" exact=true>{t("nav.letters")}</A>
                <A href="/workspace/suggestions">{t("nav.suggestions")}</A>
                <A href="/workspace/write">{t("nav.write")}</A>
                <A href="/workspace/account">{t("nav.account")}</A>
            </nav>
            <main id="main">
                <Routes fallback=|| view! { <p>{t("app.not_found")}</p> }>
                    <Route path=path!("/") view=letters::LettersPage />
                    <Route path=path!("/suggestions") view=suggestions::SuggestionsPage />
                    <Route path=path!("/write") view=write::WritePage />
                    <Route path=path!("/account") view=account::AccountPage />
                </Routes>
                <p><a href="/">{t("app.public_site")}</a></p>
            </main>
        </Router>
    }
}
