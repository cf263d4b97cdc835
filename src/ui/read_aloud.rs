//! Read-aloud (朗读) for article pages, as the elder-friendly rules ask: the browser's speech
//! synthesis with a Chinese voice, and a stop button. Nothing is sent anywhere.

use leptos::prelude::*;

fn synth() -> Option<web_sys::SpeechSynthesis> {
    web_sys::window().and_then(|w| w.speech_synthesis().ok())
}

#[component]
pub fn ReadAloud(#[prop(into)] text: String) -> impl IntoView {
    let speaking = RwSignal::new(false);
    let Some(_) = synth() else {
        return view! { <p class="hint">{tr!(duties.no_speech)}</p> }.into_any();
    };
    let start = move |_| {
        let Some(s) = synth() else { return };
        s.cancel();
        if let Ok(u) = web_sys::SpeechSynthesisUtterance::new_with_text(&text) {
            u.set_lang("zh-CN");
            // Slightly slower than the default, for older listeners.
            u.set_rate(0.9);
            let done = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || speaking.set(false));
            u.set_onend(Some(wasm_bindgen::JsCast::unchecked_ref(done.as_ref())));
            done.forget();
            s.speak(&u);
            speaking.set(true);
        }
    };
    let stop = move |_| {
        if let Some(s) = synth() {
            s.cancel();
        }
        speaking.set(false);
    };
    on_cleanup(|| {
        if let Some(s) = synth() {
            s.cancel();
        }
    });
    view! {
        <p class="read-aloud">
            {move || if speaking.get() {
                view! { <button type="button" class="button secondary" aria-pressed="true" on:click=stop>{tr!(duties.stop_reading)}</button> }.into_any()
            } else {
                view! { <button type="button" class="button secondary" aria-pressed="false" on:click=start.clone()>{tr!(duties.read_aloud)}</button> }.into_any()
            }}
        </p>
    }
    .into_any()
}
