//! Choosing the language: `?lang=en` in a link, else the device's last choice, else Chinese.
//! The choice is remembered on the device; `<html lang>` follows it. A switch fetches the
//! other catalog first (nothing changes until it has arrived), then reloads the page: the route
//! and its filters are in the address and drafts are saved as they are typed, so nothing is
//! lost, and every part of the app starts afresh in the new language (re-rendering in place
//! would have to reach each long-lived listener and cached label).

use gloo_net::http::Request;
use leptos::prelude::*;

use super::{EN, Locale, current, install};
use crate::ui::storage;

/// The language the visit starts in.
pub fn initial_locale() -> Locale {
    let from_url = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
        .and_then(|params| params.get("lang"))
        .and_then(|code| Locale::from_code(&code));
    from_url.or_else(|| storage::raw(storage::LANGUAGE).and_then(|c| Locale::from_code(&c))).unwrap_or_default()
}

/// Make `locale` the current language: fetch its catalog if needed (Chinese is compiled in).
/// On failure (offline, a broken file) the language stays as it was.
pub async fn load(locale: Locale) -> Result<(), ()> {
    if locale == Locale::En && EN.get().is_none() {
        let resp = Request::get("i18n/en.json").send().await.map_err(|_| ())?;
        if !resp.ok() {
            return Err(());
        }
        let text = resp.text().await.map_err(|_| ())?;
        if !install(locale, &text) {
            return Err(());
        }
    }
    install(locale, "");
    storage::set_raw(storage::LANGUAGE, locale.code());
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", locale.tag());
    }
    Ok(())
}

/// The language as a signal, for the parts that re-render when it changes.
#[derive(Clone, Copy)]
pub struct Language {
    pub current: RwSignal<Locale>,
    /// The last switch failed (its catalog could not be fetched).
    pub failed: RwSignal<bool>,
}

pub fn provide_language() -> Language {
    let language = Language { current: RwSignal::new(current()), failed: RwSignal::new(false) };
    provide_context(language);
    language
}

pub fn use_language() -> Language {
    expect_context()
}

/// 中文 / EN in the header: offers the other language (each catalog names the other one, in
/// that language: "EN" in Chinese, "中文" in English).
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let language = use_language();
    let busy = RwSignal::new(false);
    let other = move || if language.current.get() == Locale::Zh { Locale::En } else { Locale::Zh };
    let switch = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        language.failed.set(false);
        let to = other();
        leptos::task::spawn_local(async move {
            let ok = load(to).await.is_ok();
            busy.set(false);
            language.failed.set(!ok);
            if ok {
                drop_lang_from_url();
                language.current.set(to);
                let _ = window().location().reload();
            }
        });
    };
    view! {
        <button
            id="language-switch"
            class="language-switch"
            type="button"
            aria-busy=move || busy.get().then_some("true")
            on:click=switch
        >
            // The other language's name, in that language (and marked so for screen readers).
            <span lang=move || other().tag()>{crate::tr!(lang.switch)}</span>
        </button>
        // Put in only when a switch failed, so that screen readers announce it.
        {move || {
            language
                .failed
                .get()
                .then(|| view! { <p class="language-failed" role="alert">{crate::tr!(lang.failed)}</p> })
        }}
    }
}

/// A `?lang=` in the address would undo the switch on reload: take it out.
fn drop_lang_from_url() {
    let Some(window) = web_sys::window() else { return };
    let Ok(href) = window.location().href() else { return };
    let Ok(url) = web_sys::Url::new(&href) else { return };
    if url.search_params().get("lang").is_none() {
        return;
    }
    url.search_params().delete("lang");
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    }
}
