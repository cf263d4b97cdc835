//! A receipt code shown large, grouped for reading aloud, with a copy button.

use deputy_model::receipt;
use leptos::prelude::*;

use crate::i18n::*;

#[component]
pub fn ReceiptCode(code: String) -> impl IntoView {
    let i18n = use_i18n();
    let copied = RwSignal::new(false);
    let to_copy = code.clone();
    let copy = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.navigator().clipboard().write_text(&to_copy);
            copied.set(true);
        }
    };
    view! {
        <span class="receipt">
            <span class="receipt-code" translate="no">{receipt::display(&code)}</span>
            <button type="button" class="copy-button" on:click=copy>
                {move || if copied.get() { t_string!(i18n, outbox.copied) } else { t_string!(i18n, outbox.copy) }}
            </button>
        </span>
    }
}
