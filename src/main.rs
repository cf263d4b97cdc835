fn main() {
    // Panic messages in the browser console help while developing; release builds leave the
    // hook (and the panic formatting it pulls in) out of the wasm: every KB counts on a slow network.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    // Chinese is compiled in; another language (`?lang=en`, or chosen before on this device)
    // is fetched first, so the first page is already in it. If it cannot be, Chinese it is.
    let locale = deputy_home::i18n::initial_locale();
    if locale == deputy_home::i18n::Locale::Zh {
        start();
    } else {
        // wasm-bindgen's executor: Leptos's is set up by mount_to_body, which comes after.
        wasm_bindgen_futures::spawn_local(async move {
            let _ = deputy_home::i18n::load(locale).await;
            start();
        });
    }
}

fn start() {
    leptos::mount::mount_to_body(deputy_home::app::App);
    // The static "正在加载…" notice in index.html covers slow networks until the app runs.
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
}
