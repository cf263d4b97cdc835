fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(deputy_home::app::App);
    // The static "正在加载…" notice in index.html covers slow networks until the app runs.
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
}
