//! Without an endpoint a submission leaves the device as a JSON file or an email.

use deputy_model::receipt;
use deputy_model::submission::Submission;
use wasm_bindgen::{JsCast, JsValue};

/// Offer the submission as `deputy-home-{code}.json` for download.
pub fn download(submission: &Submission) -> Result<(), JsValue> {
    let json = serde_json::to_string_pretty(submission).map_err(|e| JsValue::from_str(&e.to_string()))?;
    let parts = js_sys::Array::of1(&JsValue::from_str(&json));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = leptos::prelude::document();
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(&format!("deputy-home-{}.json", submission.receipt_code));
    a.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// A `mailto:` link with the submission as the body, for the site's address.
pub fn mailto(email: &str, submission: &Submission) -> String {
    let subject = format!("[{}] {}", receipt::display(&submission.receipt_code), submission.title);
    let json = serde_json::to_string_pretty(submission).unwrap_or_default();
    // Mail clients truncate very long mailto bodies; the JSON file is the complete copy.
    let body: String = json.chars().take(1800).collect();
    format!(
        "mailto:{}?subject={}&body={}",
        email,
        String::from(js_sys::encode_uri_component(&subject)),
        String::from(js_sys::encode_uri_component(&body))
    )
}
