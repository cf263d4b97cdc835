//! The shell: the sign-in form until a clerk is signed in, then the header, the navigation and
//! one page per task.

use gloo_net::http::Method;
use leptos::prelude::*;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::path;

use crate::i18n::t;
use crate::session::{SignInForm, provide_session, use_session};
use crate::{audit, consultations, held, inbox, letters, publish, suggestions};
use deputy_app_kit::api;

#[component]
pub fn App() -> impl IntoView {
    let session = provide_session();
    view! {
        <Show when=move || session.known.get() fallback=|| view! { <p class="loading">{t("app.loading")}</p> }>
            <Show when=move || session.who.get().is_some() fallback=SignInForm>
                <Shell />
            </Show>
        </Show>
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
        <Router>
            <header class="top">
                <span class="brand">{t("app.title")}</span>
                <span class="who">{move || session.who.get().map(|s| s.staff).unwrap_or_default()}</span>
                <button type="button" class="secondary" on:click=sign_out>{t("app.sign_out")}</button>
            </header>
            <nav class="tabs" aria-label=t("app.nav")>
                <A href="/">{t("nav.inbox")}</A>
                <A href="/letters">{t("nav.letters")}</A>
                <A href="/held">{t("nav.held")}</A>
                <A href="/suggestions">{t("nav.suggestions")}</A>
                <A href="/consultations">{t("nav.consult")}</A>
                <A href="/publish">{t("nav.publish")}</A>
                <A href="/audit">{t("nav.audit")}</A>
            </nav>
            <main id="main">
                <Routes fallback=|| view! { <p>{t("app.not_found")}</p> }>
                    <Route path=path!("/") view=inbox::InboxPage />
                    <Route path=path!("/letters") view=letters::LettersPage />
                    <Route path=path!("/held") view=held::HeldPage />
                    <Route path=path!("/suggestions") view=suggestions::SuggestionsPage />
                    <Route path=path!("/consultations") view=consultations::ConsultationsPage />
                    <Route path=path!("/publish") view=publish::PublishPage />
                    <Route path=path!("/audit") view=audit::AuditPage />
                </Routes>
            </main>
        </Router>
    }
}
