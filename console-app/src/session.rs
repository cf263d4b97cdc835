//! Who is signed in (a context for every page) and the sign-in form.

use deputy_model::console::SessionInfo;
use leptos::prelude::*;

use crate::i18n::t;
use deputy_app_kit::api::{self, Failure};

/// The signed-in clerk, or `None`; a page that is told "signed out" by the server sets it to
/// `None` with the server's reason, and the sign-in form shows instead of the pages.
#[derive(Clone, Copy)]
pub struct Session {
    pub who: RwSignal<Option<SessionInfo>>,
    /// Why the form shows (the session expired), if not simply at start.
    pub reason: RwSignal<String>,
    /// Whether the first `GET /api/session` has answered.
    pub known: RwSignal<bool>,
}

impl Session {
    pub fn signed_in(&self, info: SessionInfo) {
        api::set_token(&info.csrf);
        self.reason.set(String::new());
        self.who.set(Some(info));
    }

    /// A failure from any call: when it means "signed out", show the form.
    pub fn check(&self, failure: &Failure) {
        if let Failure::SignedOut(reason) = failure {
            self.reason.set(reason.clone());
            self.who.set(None);
        }
    }
}

pub fn provide_session() -> Session {
    let session =
        Session { who: RwSignal::new(None), reason: RwSignal::new(String::new()), known: RwSignal::new(false) };
    provide_context(session);
    leptos::task::spawn_local(async move {
        if let Ok(info) = api::get::<SessionInfo>("session").await {
            session.signed_in(info);
        }
        session.known.set(true);
    });
    session
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

#[component]
pub fn SignInForm() -> impl IntoView {
    let session = use_session();
    let name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(String::new());
        let body = serde_json::json!({ "name": name.get_untracked(), "password": password.get_untracked() });
        leptos::task::spawn_local(async move {
            match api::post::<SessionInfo>("session", body).await {
                Ok(info) => {
                    password.set(String::new());
                    session.signed_in(info);
                }
                Err(f) => {
                    password.set(String::new());
                    error.set(f.message());
                }
            }
            busy.set(false);
        });
    };
    view! {
        <main id="main" class="signin">
            <h1>{t("signin.title")}</h1>
            <Show when=move || !session.reason.get().is_empty()>
                <p class="notice" role="status">{move || session.reason.get()}</p>
            </Show>
            <form on:submit=submit novalidate>
                <label for="signin-name">{t("signin.name")}</label>
                <input id="signin-name" name="username" autocomplete="username" required
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                <label for="signin-password">{t("signin.password")}</label>
                <input id="signin-password" type="password" name="password" autocomplete="current-password" required
                    prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev)) />
                <Show when=move || !error.get().is_empty()>
                    <p class="error" role="alert" id="signin-error">{move || error.get()}</p>
                </Show>
                <button type="submit" disabled=move || busy.get()>{t("signin.submit")}</button>
            </form>
        </main>
    }
}
