//! Files the clerk chooses (from e-mail, a download, a USB stick): taken from the file input,
//! which is emptied so the same file can be chosen again, and read as text in the browser.

use wasm_bindgen::JsCast;

/// The files chosen in the `<input type="file">` that fired `ev`.
pub fn chosen(ev: &leptos::ev::Event) -> Vec<web_sys::File> {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
        return Vec::new();
    };
    let files = input.files().map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect()).unwrap_or_default();
    input.set_value("");
    files
}

/// A file's text, or `None` when the browser cannot read it.
pub async fn text(file: &web_sys::File) -> Option<String> {
    wasm_bindgen_futures::JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string())
}
