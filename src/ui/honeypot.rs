//! The forms' hidden field (`payload.website`): off screen, out of the tab order and hidden
//! from screen readers, so people never fill it in; programs that fill every field do, and the
//! inbox drops what they send (`deputy_model::intake::is_honeypot`) while answering as usual.
//! No third-party service, no puzzle for an elderly user.

use leptos::prelude::*;
use serde_json::Value;

use crate::i18n::*;

#[component]
pub fn Honeypot(id: &'static str, value: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="hp" aria-hidden="true">
            <label for=id>{t!(i18n, form.honeypot)}</label>
            <input id=id name="website" type="text" tabindex="-1" autocomplete="off"
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
        </div>
    }
}

/// Put what the hidden field holds into the payload (only if anything: people's payloads stay
/// as they were).
pub fn stamp(payload: &mut Value, value: RwSignal<String>) {
    let text = value.get_untracked();
    if !text.is_empty()
        && let Some(fields) = payload.as_object_mut()
    {
        fields.insert("website".into(), text.into());
    }
}
