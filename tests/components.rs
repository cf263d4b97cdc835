//! Component tests in headless Chromium: `cargo test -p deputy-home --target wasm32-unknown-unknown`.
//! Each mounts a real component into the page and checks what a user would see or what the
//! browser would keep.
#![cfg(target_arch = "wasm32")]

use deputy_home::data::{DataError, Site, decode};
use deputy_home::i18n::*;
use deputy_home::outbox::provide_outbox;
use deputy_home::ui::{CareToggle, DataErrorView, provide_care_mode, storage};
use deputy_model::submission::{DeliveryState, OutboxItem, SubmissionKind};
use deputy_model::{Contact, FORMAT_VERSION, SiteConfig};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A fresh container in the page, and a handle that keeps the mounted view alive.
fn mount<V: IntoView + 'static>(f: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let doc = document();
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().dyn_into().unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), f);
    std::mem::forget(handle);
    host
}

fn config(endpoint: Option<&str>) -> SiteConfig {
    SiteConfig {
        format_version: FORMAT_VERSION,
        name: "测试站".into(),
        host: "测试".into(),
        region_code: "150800".into(),
        region_name: "巴彦淖尔市".into(),
        contact: Contact { phone: "0478-1".into(), email: "a@b.cn".into(), address: "x".into(), hours: "y".into() },
        submit_endpoint: endpoint.map(str::to_string),
        message_categories: vec!["民生".into()],
        updated_at: "2025-07-15T09:00:00+08:00".into(),
    }
}

#[wasm_bindgen_test]
fn decode_tells_each_failure_apart() {
    let ok = serde_json::to_string(&config(None)).unwrap();
    assert!(decode::<SiteConfig>("site.json", &ok).is_ok());
    let truncated = &ok[..ok.len() / 2];
    assert_eq!(decode::<SiteConfig>("site.json", truncated), Err(DataError::Truncated("site.json".into())));
    assert!(matches!(
        decode::<SiteConfig>("site.json", r#"{"format_version":1,"name":123}"#),
        Err(DataError::WrongType(..))
    ));
    let newer = ok.replacen("\"format_version\":1", "\"format_version\":999", 1);
    assert_eq!(
        decode::<SiteConfig>("site.json", &newer),
        Err(DataError::NewerVersion { found: 999, supported: FORMAT_VERSION })
    );
    assert_eq!(
        decode::<SiteConfig>("site.json", r#"{"name":"x"}"#),
        Err(DataError::MissingVersion("site.json".into()))
    );
}

#[wasm_bindgen_test]
async fn error_view_shows_message_and_retries() {
    let retries = RwSignal::new(0);
    let host = mount(move || {
        view! {
            <I18nContextProvider>
                <DataErrorView error=DataError::Truncated("news/page-1.json".into()) on_retry=move |_| retries.update(|n| *n += 1) />
            </I18nContextProvider>
        }
    });
    settle().await;
    let alert = host.query_selector("[role=alert]").unwrap().expect("an alert");
    let text = alert.text_content().unwrap();
    assert!(text.contains("不完整") && text.contains("news/page-1.json"), "{text}");
    let button: web_sys::HtmlElement = host.query_selector("button.retry").unwrap().unwrap().dyn_into().unwrap();
    assert_eq!(button.text_content().unwrap(), "重试");
    button.click();
    assert_eq!(retries.get_untracked(), 1);
}

#[wasm_bindgen_test]
async fn care_toggle_sets_class_and_is_remembered() {
    storage::remove(storage::CARE_MODE);
    let host = mount(|| {
        provide_care_mode();
        view! { <I18nContextProvider><CareToggle /></I18nContextProvider> }
    });
    settle().await;
    let button: web_sys::HtmlElement = host.query_selector("#care-toggle").unwrap().unwrap().dyn_into().unwrap();
    assert_eq!(button.get_attribute("aria-pressed").as_deref(), Some("false"));
    button.click();
    settle().await;
    assert_eq!(button.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert!(document().document_element().unwrap().class_list().contains("care"));
    assert_eq!(storage::load::<bool>(storage::CARE_MODE), Some(true));
    button.click();
    settle().await;
    assert!(!document().document_element().unwrap().class_list().contains("care"));
    assert_eq!(storage::load::<bool>(storage::CARE_MODE), Some(false));
}

#[wasm_bindgen_test]
async fn outbox_stores_before_sending_and_survives_a_new_start() {
    storage::remove(storage::OUTBOX);
    let code = RwSignal::new(String::new());
    mount(move || {
        // An endpoint nobody listens on: the send fails, the item must stay.
        let site = Site(LocalResource::new(|| async { Ok(config(Some("http://127.0.0.1:9/none"))) }));
        provide_context(site);
        let outbox = provide_outbox(site);
        code.set(outbox.submit(SubmissionKind::Feedback, "测试".into(), serde_json::json!({"content": "路灯不亮"})));
    });
    // Stored at once, before any network answer.
    let stored: Vec<OutboxItem> = storage::load(storage::OUTBOX).expect("stored");
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].submission.receipt_code, code.get_untracked());
    assert!(deputy_model::receipt::normalize(&code.get_untracked()).is_some());
    for _ in 0..50 {
        settle().await;
        let s: Vec<OutboxItem> = storage::load(storage::OUTBOX).unwrap();
        if matches!(s[0].delivery, DeliveryState::Failed { .. }) {
            break;
        }
    }
    let stored: Vec<OutboxItem> = storage::load(storage::OUTBOX).unwrap();
    assert!(matches!(stored[0].delivery, DeliveryState::Failed { .. }), "{:?}", stored[0].delivery);
    assert_eq!(stored[0].submission.payload["content"], "路灯不亮");
}

#[wasm_bindgen_test]
async fn unreadable_outbox_is_kept_aside() {
    storage::set_raw(storage::OUTBOX, "{not json");
    let broken = RwSignal::new(false);
    mount(move || {
        let site = Site(LocalResource::new(|| async { Ok(config(None)) }));
        provide_context(site);
        broken.set(provide_outbox(site).storage_broken.get_untracked());
    });
    assert!(broken.get_untracked());
    assert_eq!(storage::raw(storage::OUTBOX_CORRUPT).as_deref(), Some("{not json"));
}

#[wasm_bindgen_test]
async fn drafts_survive_a_remount() {
    storage::remove("deputy-home.draft.test.body");
    let first = RwSignal::new(None::<RwSignal<String>>);
    mount(move || first.set(Some(storage::draft("test", "body"))));
    first.get_untracked().unwrap().set("写到一半的信".into());
    settle().await;
    let second = RwSignal::new(String::new());
    mount(move || second.set(storage::draft("test", "body").get_untracked()));
    assert_eq!(second.get_untracked(), "写到一半的信");
}
