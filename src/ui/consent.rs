//! The explicit consent to the use of personal information that every form asks for: the
//! text, the checkbox, and its error, wired for screen readers. One component, so the three
//! forms (letters, comments, feedback) cannot drift apart.

use leptos::prelude::*;

#[component]
pub fn ConsentField(
    /// Prefix of the element ids: `{id}` is the checkbox, `{id}-text` and `{id}-error` the rest.
    id: &'static str,
    #[prop(into)] text: Signal<String>,
    #[prop(into)] label: Signal<String>,
    /// The error message while it applies.
    #[prop(into)]
    error: Signal<Option<String>>,
    checked: RwSignal<bool>,
) -> impl IntoView {
    let text_id = format!("{id}-text");
    let error_id = format!("{id}-error");
    view! {
        <div class="field consent">
            <p class="consent-text" id=text_id.clone()>{move || text.get()}</p>
            <label class="check">
                <input
                    id=id
                    type="checkbox"
                    aria-describedby=format!("{text_id} {error_id}")
                    aria-invalid=move || error.get().is_some().to_string()
                    prop:checked=move || checked.get()
                    on:change=move |ev| checked.set(event_target_checked(&ev))
                />
                <span>{move || label.get()}</span>
            </label>
            <p class="error" id=error_id>{move || error.get()}</p>
        </div>
    }
}
