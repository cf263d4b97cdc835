//! Read-aloud (朗读) for article pages, as the elder-friendly rules ask: the browser's speech
//! synthesis with a Chinese voice, and a stop button. Nothing is sent anywhere.

use leptos::prelude::*;

fn synth() -> Option<web_sys::SpeechSynthesis> {
    web_sys::window().and_then(|w| w.speech_synthesis().ok())
}

/// The installed Mandarin voice, if any: zh-CN first, then any other Chinese voice. Setting only
/// `lang` leaves the choice to the browser, which on some phones reads Chinese with an English voice.
fn chinese_voice(s: &web_sys::SpeechSynthesis) -> Option<web_sys::SpeechSynthesisVoice> {
    use wasm_bindgen::JsCast;
    let voices: Vec<web_sys::SpeechSynthesisVoice> =
        s.get_voices().iter().filter_map(|v| v.dyn_into::<web_sys::SpeechSynthesisVoice>().ok()).collect();
    let lang = |v: &web_sys::SpeechSynthesisVoice| v.lang().replace('_', "-").to_ascii_lowercase();
    voices.iter().find(|v| lang(v) == "zh-cn").or_else(|| voices.iter().find(|v| lang(v).starts_with("zh"))).cloned()
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
            if let Some(voice) = chinese_voice(&s) {
                u.set_voice(Some(&voice));
            }
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
