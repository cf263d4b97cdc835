//! 关怀版 (elder mode): larger text, larger touch targets, stronger contrast; a switch in the
//! header, remembered across visits. It scales the root font size, so it works independently
//! of browser zoom, as the MIIT elder-friendly rules ask.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::storage;
use crate::i18n::*;

#[derive(Clone, Copy)]
pub struct CareMode {
    pub on: RwSignal<bool>,
    /// 0, 1, 2: large (20 px), larger (24 px), largest (30 px) body text in elder mode.
    pub size: RwSignal<u8>,
}

pub fn provide_care_mode() -> CareMode {
    let mode = CareMode {
        on: RwSignal::new(storage::load(storage::CARE_MODE).unwrap_or(false)),
        size: RwSignal::new(storage::load::<u8>(storage::TEXT_SIZE).unwrap_or(0).min(2)),
    };
    Effect::new(move |_| {
        let on = mode.on.get();
        let size = mode.size.get();
        storage::save(storage::CARE_MODE, &on);
        storage::save(storage::TEXT_SIZE, &size);
        if let Some(root) = document().document_element() {
            let classes = root.class_list();
            let _ = if on { classes.add_1("care") } else { classes.remove_1("care") };
            for (i, name) in ["care-size-0", "care-size-1", "care-size-2"].iter().enumerate() {
                let _ = if on && i as u8 == size { classes.add_1(name) } else { classes.remove_1(name) };
            }
        }
    });
    provide_context(mode);
    mode
}

#[component]
pub fn CareToggle() -> impl IntoView {
    let i18n = use_i18n();
    let mode = expect_context::<CareMode>();
    view! {
        <button
            id="care-toggle"
            class="care-toggle"
            type="button"
            aria-pressed=move || if mode.on.get() { "true" } else { "false" }
            on:click=move |_| mode.on.update(|v| *v = !*v)
        >
            {move || if mode.on.get() { t_string!(i18n, care.standard) } else { t_string!(i18n, care.toggle) }}
        </button>
    }
}

/// Text size steps, shown only in elder mode.
#[component]
pub fn TextSizeControl() -> impl IntoView {
    let i18n = use_i18n();
    let mode = expect_context::<CareMode>();
    let label = move |i: u8| match i {
        0 => t_string!(i18n, care.size_large),
        1 => t_string!(i18n, care.size_larger),
        _ => t_string!(i18n, care.size_largest),
    };
    view! {
        <Show when=move || mode.on.get()>
            <div class="text-size" role="group" aria-label=move || t_string!(i18n, care.text_size)>
                {(0u8..3)
                    .map(|i| {
                        view! {
                            <button
                                type="button"
                                class="text-size-step"
                                aria-pressed=move || if mode.size.get() == i { "true" } else { "false" }
                                on:click=move |_| mode.size.set(i)
                            >
                                {move || label(i)}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </Show>
    }
}

/// Move focus to the main heading after navigation, so screen-reader and keyboard users land
/// on the new page rather than on the link they pressed.
pub fn focus_main_heading() {
    if let Some(h1) = document().query_selector("main h1").ok().flatten()
        && let Ok(el) = h1.dyn_into::<web_sys::HtmlElement>()
    {
        let _ = el.set_attribute("tabindex", "-1");
        let _ = el.focus();
    }
}
