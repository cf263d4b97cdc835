fn main() {
    // Panic messages in the browser console help while developing; release builds leave the
    // hook (and the panic formatting it pulls in) out of the wasm: every KB counts on a slow network.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(deputy_home::app::App);
    // The static "正在加载…" notice in index.html covers slow networks until the app runs.
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
}
