//! Who is signed in (a context for every page), and the two ways in: the activation form (the
//! station's one-time code and a password of one's own; opened by the notice's link
//! `/workspace/#activate=ID`) and the sign-in form.

use deputy_model::workspace::Me;
use leptos::prelude::*;

use crate::i18n::t;
use deputy_app_kit::api::{self, Failure};

#[derive(Clone, Copy)]
pub struct Session {
    pub who: RwSignal<Option<Me>>,
    /// Why the form shows (the session ended), if not simply at start.
    pub reason: RwSignal<String>,
    /// Whether the first `GET session` has answered.
    pub known: RwSignal<bool>,
}

impl Session {
    pub fn signed_in(&self, me: Me) {
        api::set_token(&me.csrf);
        self.reason.set(String::new());
        self.who.set(Some(me));
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
        if let Ok(me) = api::get::<Me>("session").await {
            session.signed_in(me);
        }
        session.known.set(true);
    });
    session
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// The deputy id in the notice's link (`#activate=city-0042`), if the page was opened by it.
fn activation_link() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.strip_prefix("#activate=").map(str::to_string).filter(|id| !id.is_empty())
}

/// Sign-in, or activation when opened by the notice's link (each links to the other).
#[component]
pub fn Entry() -> impl IntoView {
    let link = activation_link();
    let activating = RwSignal::new(link.is_some());
    let id = RwSignal::new(link.unwrap_or_default());
    view! {
        <main id="main" class="signin">
            <Show when=move || activating.get() fallback=move || view! { <SignInForm id activating /> }>
                <ActivateForm id activating />
            </Show>
        </main>
    }
}

/// Send a form that starts a session; on refusal, the server's sentence.
fn start(
    path: &'static str,
    body: serde_json::Value,
    busy: RwSignal<bool>,
    error: RwSignal<String>,
    done: impl Fn() + 'static,
) {
    let session = use_session();
    busy.set(true);
    error.set(String::new());
    leptos::task::spawn_local(async move {
        match api::post::<Me>(path, body).await {
            Ok(me) => {
                done();
                session.signed_in(me);
            }
            Err(f) => error.set(f.message()),
        }
        busy.set(false);
    });
}

#[component]
fn SignInForm(id: RwSignal<String>, activating: RwSignal<bool>) -> impl IntoView {
    let session = use_session();
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let body = serde_json::json!({ "name": id.get_untracked().trim(), "password": password.get_untracked() });
        start("session", body, busy, error, move || password.set(String::new()));
    };
    view! {
        <h1>{t("signin.title")}</h1>
        <p class="hint">{t("signin.intro")}</p>
        <Show when=move || !session.reason.get().is_empty()>
            <p class="notice" role="status">{move || session.reason.get()}</p>
        </Show>
        <form on:submit=submit novalidate>
            <label for="signin-id">{t("signin.name")}</label>
            <input id="signin-id" name="username" autocomplete="username" autocapitalize="off" required
                prop:value=move || id.get() on:input=move |ev| id.set(event_target_value(&ev)) />
            <label for="signin-password">{t("signin.password")}</label>
            <input id="signin-password" type="password" name="password" autocomplete="current-password" required
                prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev)) />
            <Show when=move || !error.get().is_empty()>
                <p class="error" role="alert" id="signin-error">{move || error.get()}</p>
            </Show>
            <button type="submit" disabled=move || busy.get()>{t("signin.submit")}</button>
        </form>
        <div class="actions">
            <button type="button" class="secondary" id="to-activate" on:click=move |_| activating.set(true)>
                {t("signin.to_activate")}
            </button>
        </div>
    }
}

#[component]
fn ActivateForm(id: RwSignal<String>, activating: RwSignal<bool>) -> impl IntoView {
    let code = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        if password.get_untracked() != again.get_untracked() {
            error.set(t("activate.mismatch"));
            return;
        }
        let body = serde_json::json!({
            "deputy_id": id.get_untracked().trim(),
            "code": code.get_untracked(),
            "password": password.get_untracked(),
        });
        start("activate", body, busy, error, move || {
            password.set(String::new());
            again.set(String::new());
            // The link's #activate= has done its work: a reload shows the workspace.
            if let Some(w) = web_sys::window() {
                let _ = w
                    .history()
                    .map(|h| h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/workspace/")));
            }
        });
    };
    view! {
        <h1>{t("activate.title")}</h1>
        <p class="hint">{t("activate.intro")}</p>
        <form on:submit=submit novalidate>
            <label for="activate-id">{t("signin.name")}</label>
            <input id="activate-id" autocomplete="username" autocapitalize="off" required
                prop:value=move || id.get() on:input=move |ev| id.set(event_target_value(&ev)) />
            <label for="activate-code">{t("activate.code")}</label>
            <input id="activate-code" inputmode="numeric" autocomplete="one-time-code" required
                prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev)) />
            <label for="activate-password">{t("activate.password")}</label>
            <input id="activate-password" type="password" autocomplete="new-password" required minlength="12"
                prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev)) />
            <label for="activate-password2">{t("activate.password2")}</label>
            <input id="activate-password2" type="password" autocomplete="new-password" required minlength="12"
                prop:value=move || again.get() on:input=move |ev| again.set(event_target_value(&ev)) />
            <Show when=move || !error.get().is_empty()>
                <p class="error" role="alert" id="activate-error">{move || error.get()}</p>
            </Show>
            <button type="submit" disabled=move || busy.get()>{t("activate.submit")}</button>
        </form>
        <div class="actions">
            <button type="button" class="secondary" on:click=move |_| activating.set(false)>{t("activate.to_signin")}</button>
        </div>
    }
}
