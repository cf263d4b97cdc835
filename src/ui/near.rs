//! [`WhenNear`]: a part of a page shown once the reader comes near it, or when asked for.
//!
//! For the parts whose code is fetched on first use (`src/split.rs`, `split_part!`) that sit
//! far down a long page — a consultation's comment form below the whole draft, a lesson's quiz
//! after its text: a first visit that does not scroll there does not download them.
//! (IntersectionObserver through web-sys: a few lines, where leptos-use's observer brings its
//! generic element and watch machinery into every page that uses it.)

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// How far below the screen the part starts to load, so that it is there when the reader is.
const AHEAD: &str = "600px";

/// `children` from the moment their place is within [`AHEAD`] of the screen, or `now` is true
/// (a button that scrolls there, a draft to show); until then an empty placeholder.
#[component]
pub fn WhenNear(#[prop(into)] now: Signal<bool>, children: ChildrenFn) -> impl IntoView {
    let shown = RwSignal::new(now.get_untracked());
    Effect::new(move |_| {
        if now.get() {
            shown.set(true);
        }
    });
    let place = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let Some(el) = place.get() else { return };
        let seen = Closure::<dyn FnMut(js_sys::Array, IntersectionObserver)>::new(
            move |entries: js_sys::Array, observer: IntersectionObserver| {
                if entries.iter().any(|e| e.unchecked_into::<IntersectionObserverEntry>().is_intersecting()) {
                    observer.disconnect();
                    shown.set(true);
                }
            },
        );
        let options = IntersectionObserverInit::new();
        options.set_root_margin(AHEAD);
        match IntersectionObserver::new_with_options(seen.as_ref().unchecked_ref(), &options) {
            Ok(observer) => {
                observer.observe(&el);
                // Kept with the page (the callback must live as long as the observer); disconnected
                // when the page goes.
                let kept = StoredValue::new_local((observer, seen));
                on_cleanup(move || kept.with_value(|(observer, _)| observer.disconnect()));
            }
            // No observer in this browser: show the part now.
            Err(_) => shown.set(true),
        }
    });
    move || {
        if shown.get() { children().into_any() } else { view! { <div class="near" node_ref=place></div> }.into_any() }
    }
}
