//! A labelled text field (input or textarea) with its hint, live character count and error,
//! wired for screen readers (`aria-describedby`, `aria-invalid`). One component for every form,
//! so the forms look and behave alike and the wasm carries one field, not one per form.

use deputy_model::input::char_count;
use leptos::prelude::*;

use crate::i18n::*;

#[component]
pub fn TextField(
    /// The control's id; `{id}-hint`, `{id}-count` and `{id}-error` name the rest.
    id: &'static str,
    #[prop(into)] label: String,
    #[prop(optional, into)] hint: Option<String>,
    value: RwSignal<String>,
    /// Rows of a textarea; a single-line input without it.
    #[prop(optional)]
    rows: Option<u32>,
    /// Show "已输入 n / max 字" as one types.
    #[prop(optional)]
    max: Option<usize>,
    /// Stop typing at this many characters: short fields (names, phones), whose limit
    /// (`deputy_model::form_limits`) nobody reaches by accident and needs no count.
    #[prop(optional)]
    maxlength: Option<usize>,
    /// `type` of a single-line input (default "text").
    #[prop(optional)]
    kind: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// The message while the field needs attention.
    #[prop(optional, into)]
    error: Option<Signal<Option<String>>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    let count_id = format!("{id}-count");
    let error_id = format!("{id}-error");
    let mut described = Vec::new();
    if hint.is_some() {
        described.push(hint_id.clone());
    }
    if max.is_some() {
        described.push(count_id.clone());
    }
    if error.is_some() {
        described.push(error_id.clone());
    }
    let described = (!described.is_empty()).then(|| described.join(" "));
    let invalid = move || error.map(|e| e.get().is_some()).unwrap_or(false).to_string();
    let control = match rows {
        Some(rows) => view! {
            <textarea id=id rows=rows maxlength=maxlength aria-describedby=described aria-invalid=invalid
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))></textarea>
        }
        .into_any(),
        None => view! {
            <input id=id type=kind.unwrap_or("text") inputmode=inputmode autocomplete=autocomplete maxlength=maxlength
                aria-describedby=described aria-invalid=invalid
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
        }
        .into_any(),
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {control}
            {max.map(|max| {
                let n = move || char_count(value.get().trim());
                view! {
                    <p class=move || { if n() > max { "count over" } else { "count" } } id=count_id
                        aria-live=rows.map(|_| "polite")>
                        {move || t_string!(i18n, form.count, n = n(), max = max).to_string()}
                    </p>
                }
            })}
            {error.map(|e| view! { <p class="error" id=error_id>{move || e.get()}</p> })}
        </div>
    }
}
