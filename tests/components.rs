//! Component tests in headless Chromium: `cargo test -p deputy-home --target wasm32-unknown-unknown`.
//! Each mounts a real component into the page and checks what a user would see or what the
//! browser would keep.
#![cfg(target_arch = "wasm32")]

use deputy_home::data::{DataError, DataResource, Site, decode};
use deputy_home::i18n::*;
use deputy_home::outbox::{provide_outbox, use_outbox};
use deputy_home::ui::{
    Bar, BarChart, CareToggle, DataErrorView, WhenNear, is_current, loaded, provide_care_mode, storage,
};
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
        modules: None,
        reception_weeks: None,
        url: None,
        notice: None,
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
            <DataErrorView error=DataError::Truncated("news/page-1.json".into()) on_retry=move |_| retries.update(|n| *n += 1) />
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

/// A chart with nothing to draw (a new station's first year) says so, with its title, instead
/// of an empty picture and a table of headings; with bars, the picture and its table.
#[wasm_bindgen_test]
async fn a_chart_without_bars_says_there_is_no_data() {
    let empty = mount(|| view! { <BarChart id="c-empty" title="按类别".to_string() bars=Vec::new() /> });
    let full = mount(|| {
        let bars = vec![Bar { label: "农林牧渔水利".into(), value: 3.0, text: "3".into() }];
        view! { <BarChart id="c-full" title="按类别".to_string() bars /> }
    });
    settle().await;
    let text = empty.text_content().unwrap();
    assert!(text.contains("按类别") && text.contains("暂无数据"), "{text}");
    assert!(empty.query_selector("table, svg").unwrap().is_none(), "no empty table or picture");
    assert_eq!(full.query_selector_all("tbody tr").unwrap().length(), 1);
    assert!(full.query_selector("svg").unwrap().is_some());
    assert!(!full.text_content().unwrap().contains("暂无数据"));
}

/// The type-erased resource (data/resource.rs): values of two types side by side come back as
/// their own types, a failure shows the error, and 重试 fetches again (then shows the value).
#[wasm_bindgen_test]
async fn data_resources_keep_their_types_and_retry() {
    let attempts = std::sync::Arc::new(std::sync::atomic::AtomicU32::new(0));
    let host = mount(move || {
        let number = DataResource::new(|| async { Ok(42u32) });
        let word = DataResource::new(|| async { Ok(String::from("巴彦淖尔")) });
        let flaky = DataResource::new(move || {
            let n = attempts.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            async move { if n == 0 { Err(DataError::Network) } else { Ok(vec![n, n + 1]) } }
        });
        view! {
            <p class="number">{loaded(number, |n: u32| (n + 1).to_string())}</p>
                <p class="word">{loaded(word, |w: String| w)}</p>
                <div class="flaky">{loaded(flaky, |v: Vec<u32>| v.iter().map(u32::to_string).collect::<Vec<_>>().join(","))}</div>
        }
    });
    settle().await;
    let text = |sel: &str| host.query_selector(sel).unwrap().unwrap().text_content().unwrap();
    assert_eq!(text(".number"), "43");
    assert_eq!(text(".word"), "巴彦淖尔");
    assert!(text(".flaky").contains("网络"), "{}", text(".flaky"));
    let retry: web_sys::HtmlElement = host.query_selector(".flaky button.retry").unwrap().unwrap().dyn_into().unwrap();
    retry.click();
    for _ in 0..20 {
        settle().await;
        if !text(".flaky").contains("网络") {
            break;
        }
    }
    assert_eq!(text(".flaky"), "1,2");
}

#[wasm_bindgen_test]
async fn care_toggle_sets_class_and_is_remembered() {
    storage::remove(storage::CARE_MODE);
    let host = mount(|| {
        provide_care_mode();
        view! { <CareToggle /> }
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
        let site = Site(DataResource::new(|| async { Ok(config(Some("http://127.0.0.1:9/none"))) }));
        provide_context(site);
        provide_outbox(site);
        let outbox = use_outbox();
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

/// The outbox is made on first use (src/outbox/slot.rs), but an item that waits is sent at
/// start-up all the same: here no page asks for the outbox, and the stored item is tried.
#[wasm_bindgen_test]
async fn pending_items_are_sent_at_start_up() {
    let item = OutboxItem::new(deputy_model::submission::Submission {
        format_version: FORMAT_VERSION,
        receipt_code: "K7M2Q9XC".into(),
        kind: SubmissionKind::Feedback,
        created_at: "2026-11-28T10:00:00+08:00".into(),
        title: "测试".into(),
        payload: serde_json::json!({"content": "路灯不亮"}),
    });
    storage::save(storage::OUTBOX, &vec![item]);
    mount(move || {
        let site = Site(DataResource::new(|| async { Ok(config(Some("http://127.0.0.1:9/none"))) }));
        provide_context(site);
        provide_outbox(site);
    });
    let mut tried = false;
    for _ in 0..50 {
        settle().await;
        let s: Vec<OutboxItem> = storage::load(storage::OUTBOX).unwrap();
        if matches!(s[0].delivery, DeliveryState::Failed { .. }) {
            tried = true;
            break;
        }
    }
    assert!(tried, "the queued item should have been tried (and failed) at start-up");
}

#[wasm_bindgen_test]
async fn unreadable_outbox_is_kept_aside() {
    storage::set_raw(storage::OUTBOX, "{not json");
    let broken = RwSignal::new(false);
    mount(move || {
        let site = Site(DataResource::new(|| async { Ok(config(None)) }));
        provide_context(site);
        provide_outbox(site);
        broken.set(use_outbox().storage_broken.get_untracked());
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

#[wasm_bindgen_test]
async fn qr_code_is_drawn_as_svg() {
    let host = mount(
        || view! { <deputy_home::ui::QrSvg text="https://example.invalid/direct/deputy/city-0001" label="代表码：测试" /> },
    );
    settle().await;
    let svg = host.query_selector("svg.qr").unwrap().expect("an svg");
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    assert_eq!(svg.get_attribute("aria-label").as_deref(), Some("代表码：测试"));
    let d = host.query_selector("svg.qr path").unwrap().unwrap().get_attribute("d").unwrap();
    // Dozens of dark modules, each a unit square.
    assert!(d.matches('M').count() > 100, "{}", d.len());
}

#[wasm_bindgen_test]
async fn hostile_data_is_rendered_as_text() {
    let hostile = "<script>window.__pwned = 1</script><img src=x onerror=alert(1)>";
    let long = "名".repeat(10_000);
    let deputy = |name: &str| deputy_model::DeputySummary {
        name_latin: None,
        id: "city-0001".into(),
        name: name.into(),
        name_mn: Some("ᠨᠠᠷᠠᠨᠴᠡᠴᠡᠭ".into()),
        level: deputy_model::Level::City,
        region_code: "150802".into(),
        region_name: "临河区".into(),
        title: hostile.into(),
        group_id: None,
        station_id: None,
    };
    let (a, b) = (deputy(hostile), deputy(&long));
    let host = mount(move || {
        view! {
            <leptos_router::components::Router>
                    <ul>
                        <deputy_home::direct::DeputyCard deputy=a />
                        <deputy_home::direct::DeputyCard deputy=b />
                    </ul>
                </leptos_router::components::Router>
        }
    });
    settle().await;
    // (The router itself renders an empty <script>; look inside the list.)
    let list = host.query_selector("ul").unwrap().unwrap();
    assert!(list.query_selector("script, img").unwrap().is_none(), "markup from data must not become elements");
    let names = host.query_selector_all(".deputy-name").unwrap();
    assert_eq!(names.item(0).unwrap().text_content().unwrap(), hostile);
    assert_eq!(names.item(1).unwrap().text_content().unwrap().chars().count(), 10_000);
    let mn = host.query_selector(".name-mn").unwrap().unwrap();
    assert_eq!(mn.get_attribute("lang").as_deref(), Some("mn-Mong"));
    assert_eq!(mn.text_content().unwrap(), "ᠨᠠᠷᠠᠨᠴᠡᠴᠡᠭ");
}

#[wasm_bindgen_test]
async fn a_part_far_down_comes_when_near_or_asked_for() {
    // Far below the screen: a placeholder until `now`.
    let now = RwSignal::new(false);
    let far = mount(move || {
        view! {
            <div style="height: 5000px"></div>
            <WhenNear now=now><p class="far-part">"表单"</p></WhenNear>
        }
    });
    settle().await;
    settle().await;
    assert!(far.query_selector(".far-part").unwrap().is_none(), "not shown while far from the screen");
    assert!(far.query_selector(".near").unwrap().is_some(), "a placeholder holds its place");
    now.set(true);
    settle().await;
    assert!(far.query_selector(".far-part").unwrap().is_some(), "shown when asked for");
    far.remove();

    // On the screen: shown once the observer has seen it.
    // (Fixed at the top: other tests' views stay in the page above.)
    let close = mount(|| {
        view! { <div style="position: fixed; top: 0"><WhenNear now=false><p class="close-part">"测验"</p></WhenNear></div> }
    });
    for _ in 0..20 {
        if close.query_selector(".close-part").unwrap().is_some() {
            break;
        }
        settle().await;
    }
    assert!(close.query_selector(".close-part").unwrap().is_some(), "shown when near the screen");
    close.remove();
}

/// The English catalog as served (locales/en.json) is read into this build's key order, and the
/// app then answers in English, placeholders filled; a catalog of other keys is refused.
#[wasm_bindgen_test]
async fn english_catalog_reads_into_key_order() {
    assert!(deputy_home::i18n::parse_catalog(r#"{"nav": {"home": "Home"}}"#).is_none());
    // Another release's catalog with as many keys, one renamed: refused, not misread.
    let renamed = include_str!("../locales/en.json").replacen("\"home\":", "\"homepage\":", 1);
    assert!(deputy_home::i18n::parse_catalog(&renamed).is_none());
    assert!(deputy_home::i18n::install(Locale::En, include_str!("../locales/en.json")));
    assert_eq!(deputy_home::i18n::current(), Locale::En);
    assert_eq!(deputy_home::tr!(nav.home), "Home");
    // Keys from across the catalog land on their own messages.
    assert_eq!(deputy_home::tr!(site_default_name), "Online Deputies' Home");
    assert_eq!(deputy_home::tr!(punct.colon), ": ");
    let path = "news/page-1.json";
    let message = deputy_home::t_string!((), data.not_found, path);
    assert!(message.contains("news/page-1.json") && !message.contains("{{"), "{message}");
    assert!(deputy_home::i18n::install(Locale::Zh, ""));
    assert_eq!(deputy_home::tr!(nav.home), "首页");
}

// Plain functions of the app, tested here rather than in the library: one test build of the app
// instead of two (scripts/test.sh compiles this file only; `[lib] test = false`).

#[wasm_bindgen_test]
fn the_current_section_of_the_nav() {
    assert!(is_current("/", "/"));
    assert!(is_current("", "/"));
    assert!(!is_current("/direct", "/"));
    assert!(is_current("/direct/d-1", "/direct"));
    assert!(!is_current("/directory", "/direct"));
}

#[wasm_bindgen_test]
fn fills_placeholders_and_keeps_unknown_ones() {
    let n = 3;
    assert_eq!(fill_template("共 {{ n }} 条，{{n}}", &[("n", &n)]), "共 3 条，3");
    assert_eq!(fill_template("{{ x }} 与 {{ n }}", &[("n", &n)]), "{{ x }} 与 3");
    assert_eq!(fill_template("未闭合 {{ n", &[("n", &n)]), "未闭合 {{ n");
}

#[wasm_bindgen_test]
fn a_catalog_with_other_keys_is_refused() {
    assert!(parse_catalog("{\"a\": \"b\"}").is_none());
    assert!(parse_catalog("not json").is_none());
}
