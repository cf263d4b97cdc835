//! The service as the outbox (and an attacker) meets it, through the router with a folder store
//! in a temporary directory: what is stored, what is answered, what is refused.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{Request, StatusCode, header};
use deputy_inbox::{Config, Limits, router};
use deputy_intake::FolderStore;
use deputy_model::intake::folder;
use deputy_model::receipt;
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

struct Answer {
    status: StatusCode,
    retry_after: Option<String>,
    allow_origin: Option<String>,
    body: Value,
}

fn config(dir: &Path) -> Config {
    Config {
        store: dir.display().to_string(),
        allowed_origins: vec!["https://renda.example.gov.cn".into()],
        ..Config::default()
    }
}

fn app(config: &Config, client: &str) -> Router {
    let store = Arc::new(FolderStore::open(dir_of(config)).unwrap());
    router(config, Arc::new(store)).layer(MockConnectInfo(client.parse::<SocketAddr>().unwrap()))
}

fn dir_of(config: &Config) -> &Path {
    Path::new(&config.store)
}

async fn send(app: &Router, request: Request<Body>) -> Answer {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let h = |name: header::HeaderName| response.headers().get(name).map(|v| v.to_str().unwrap().to_string());
    let (retry_after, allow_origin) = (h(header::RETRY_AFTER), h(header::ACCESS_CONTROL_ALLOW_ORIGIN));
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    Answer { status, retry_after, allow_origin, body }
}

fn post(body: impl Into<Body>) -> Request<Body> {
    Request::post("/submissions").header(header::CONTENT_TYPE, "application/json").body(body.into()).unwrap()
}

fn code(n: u64) -> String {
    receipt::code_from_entropy(n)
}

fn letter(n: u64) -> Value {
    json!({
        "format_version": 1,
        "receipt_code": code(n),
        "kind": "message",
        "created_at": "2026-11-28T10:00:00+08:00",
        "title": "致 娜仁其其格：小区路灯不亮",
        "payload": {"category": "城乡建设", "consent": true, "content": "小区路灯不亮已有两周。", "deputy_id": "d-0001", "subject": "路灯"}
    })
}

fn stored(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join(folder::NEW))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[tokio::test]
async fn a_letter_is_stored_before_the_answer_and_a_repeat_is_stored_once() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&config(dir.path()), "10.0.0.1:5000");
    let body = letter(1).to_string();
    let first = send(&app, post(body.clone())).await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(first.body, json!({"ok": true}));
    // Exactly what was sent, under the canonical code.
    let file = dir.path().join(folder::NEW).join(folder::file_name(&code(1)));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), body);

    let again = send(&app, post(body.clone())).await;
    assert_eq!(again.status, StatusCode::OK, "a repeat gets the same answer");
    assert_eq!(stored(dir.path()), vec![folder::file_name(&code(1))]);
    assert!(std::fs::read_dir(dir.path().join(folder::TMP)).unwrap().next().is_none(), "no temporary file is left");

    // Already ingested (moved to archive/): still a repeat, not a new file.
    std::fs::rename(&file, dir.path().join(folder::ARCHIVE).join(folder::file_name(&code(1)))).unwrap();
    assert_eq!(send(&app, post(body)).await.status, StatusCode::OK);
    assert!(stored(dir.path()).is_empty());

    // The same code with another time is another submission: refused, the first kept.
    let mut other = letter(1);
    other["created_at"] = "2026-11-29T08:00:00+08:00".into();
    let conflict = send(&app, post(other.to_string())).await;
    assert_eq!(conflict.status, StatusCode::CONFLICT);
    assert_eq!(conflict.body["error"], "receipt_code_taken");
}

#[tokio::test]
async fn a_newer_format_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&config(dir.path()), "10.0.0.1:5000");
    let mut newer = letter(2);
    newer["format_version"] = 2.into();
    newer["kind"] = "petition".into();
    newer["attachments"] = json!([{"name": "photo.jpg"}]);
    assert_eq!(send(&app, post(newer.to_string())).await.status, StatusCode::OK);
    assert_eq!(stored(dir.path()), vec![folder::file_name(&code(2))]);
}

#[tokio::test]
async fn the_honeypot_is_answered_but_not_stored() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&config(dir.path()), "10.0.0.1:5000");
    let mut bot = letter(3);
    bot["payload"]["website"] = "http://spam.example".into();
    assert_eq!(send(&app, post(bot.to_string())).await.status, StatusCode::OK);
    assert!(stored(dir.path()).is_empty());
}

/// At least thirty kinds of malformed or hostile requests: each gets a 4xx with a reason, none
/// is stored, and the service goes on answering.
#[tokio::test]
async fn bad_input_is_refused_with_a_reason_and_nothing_stored() {
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = config(dir.path());
    cfg.limits = Limits { per_client_burst: 1000, per_client_per_minute: 1000, ..Limits::default() };
    let app = app(&cfg, "10.0.0.2:5000");
    let with = |edit: &dyn Fn(&mut Value)| {
        let mut v = letter(4);
        edit(&mut v);
        v.to_string()
    };
    let json = |b: String| post(b);
    let cases: Vec<(&str, Request<Body>, StatusCode, &str)> = vec![
        ("empty body", json(String::new()), StatusCode::BAD_REQUEST, "truncated"),
        ("not json", json("hello".into()), StatusCode::BAD_REQUEST, "not_json"),
        ("truncated", json(letter(4).to_string()[..60].to_string()), StatusCode::BAD_REQUEST, "truncated"),
        ("an array", json("[1,2,3]".into()), StatusCode::BAD_REQUEST, "not_an_object"),
        ("a string", json("\"x\"".into()), StatusCode::BAD_REQUEST, "not_an_object"),
        ("null", json("null".into()), StatusCode::BAD_REQUEST, "not_an_object"),
        ("not utf-8", post(vec![0xff, 0xfe, b'{', b'}']), StatusCode::BAD_REQUEST, "not_utf8"),
        (
            "no format_version",
            json(with(&|v| drop(v.as_object_mut().unwrap().remove("format_version")))),
            StatusCode::BAD_REQUEST,
            "bad_field:format_version",
        ),
        (
            "format_version 0",
            json(with(&|v| v["format_version"] = 0.into())),
            StatusCode::BAD_REQUEST,
            "bad_format_version",
        ),
        (
            "format_version a string",
            json(with(&|v| v["format_version"] = "1".into())),
            StatusCode::BAD_REQUEST,
            "bad_field:format_version",
        ),
        (
            "format_version negative",
            json(with(&|v| v["format_version"] = (-1).into())),
            StatusCode::BAD_REQUEST,
            "bad_field:format_version",
        ),
        (
            "format_version huge",
            json(with(&|v| v["format_version"] = u64::MAX.into())),
            StatusCode::BAD_REQUEST,
            "bad_format_version",
        ),
        (
            "no receipt code",
            json(with(&|v| drop(v.as_object_mut().unwrap().remove("receipt_code")))),
            StatusCode::BAD_REQUEST,
            "bad_field:receipt_code",
        ),
        (
            "wrong check digit",
            json(with(&|v| v["receipt_code"] = "123456789012".into())),
            StatusCode::BAD_REQUEST,
            "bad_receipt_code",
        ),
        (
            "path in the code",
            json(with(&|v| v["receipt_code"] = "../../etc/passwd".into())),
            StatusCode::BAD_REQUEST,
            "bad_receipt_code",
        ),
        (
            "code a number",
            json(with(&|v| v["receipt_code"] = 123.into())),
            StatusCode::BAD_REQUEST,
            "bad_field:receipt_code",
        ),
        (
            "a 10,000-digit code",
            json(with(&|v| v["receipt_code"] = "1".repeat(10_000).into())),
            StatusCode::BAD_REQUEST,
            "bad_receipt_code",
        ),
        (
            "no created_at",
            json(with(&|v| drop(v.as_object_mut().unwrap().remove("created_at")))),
            StatusCode::BAD_REQUEST,
            "bad_field:created_at",
        ),
        (
            "created_at not a time",
            json(with(&|v| v["created_at"] = "yesterday".into())),
            StatusCode::BAD_REQUEST,
            "bad_created_at",
        ),
        (
            "created_at month 13",
            json(with(&|v| v["created_at"] = "2026-13-01T10:00:00+08:00".into())),
            StatusCode::BAD_REQUEST,
            "bad_created_at",
        ),
        (
            "no kind",
            json(with(&|v| drop(v.as_object_mut().unwrap().remove("kind")))),
            StatusCode::BAD_REQUEST,
            "bad_field:kind",
        ),
        ("unknown kind", json(with(&|v| v["kind"] = "petition".into())), StatusCode::BAD_REQUEST, "unknown_kind"),
        ("kind an object", json(with(&|v| v["kind"] = json!({"a": 1}))), StatusCode::BAD_REQUEST, "bad_field:kind"),
        (
            "no title",
            json(with(&|v| drop(v.as_object_mut().unwrap().remove("title")))),
            StatusCode::BAD_REQUEST,
            "bad_field:title",
        ),
        (
            "a 10,000-character title",
            json(with(&|v| v["title"] = "长".repeat(10_000).into())),
            StatusCode::BAD_REQUEST,
            "too_long:title",
        ),
        (
            "control characters in the title",
            json(with(&|v| v["title"] = "a\u{1b}[31mred".into())),
            StatusCode::BAD_REQUEST,
            "control_characters:title",
        ),
        (
            "no payload",
            json(with(&|v| drop(v.as_object_mut().unwrap().remove("payload")))),
            StatusCode::BAD_REQUEST,
            "bad_field:payload",
        ),
        ("payload an array", json(with(&|v| v["payload"] = json!([1]))), StatusCode::BAD_REQUEST, "bad_field:payload"),
        (
            "a 6,000-character text",
            json(with(&|v| v["payload"]["note"] = "字".repeat(6_000).into())),
            StatusCode::BAD_REQUEST,
            "too_long:payload",
        ),
        (
            "a letter longer than its form allows (601 characters)",
            json(with(&|v| v["payload"]["content"] = "字".repeat(601).into())),
            StatusCode::BAD_REQUEST,
            "too_long:payload.content",
        ),
        (
            "a 10,000-character name",
            json(with(&|v| v["payload"]["name"] = "名".repeat(10_000).into())),
            StatusCode::BAD_REQUEST,
            "too_long:payload.name",
        ),
        (
            "a subject of 41 characters",
            json(with(&|v| v["payload"]["subject"] = "题".repeat(41).into())),
            StatusCode::BAD_REQUEST,
            "too_long:payload.subject",
        ),
        (
            "deep nesting",
            json(with(&|v| v["payload"]["x"] = (0..20).fold(json!(1), |acc, _| json!([acc])))),
            StatusCode::BAD_REQUEST,
            "too_deep",
        ),
        (
            "many entries",
            json(with(&|v| v["payload"]["x"] = json!(vec![0; 5_000]))),
            StatusCode::BAD_REQUEST,
            "too_deep",
        ),
        (
            "a 100-character key",
            json(with(&|v| v["payload"]["k".repeat(100)] = 1.into())),
            StatusCode::BAD_REQUEST,
            "too_long:payload",
        ),
        ("JSON nested 50,000 deep", json("[".repeat(50_000)), StatusCode::BAD_REQUEST, "not_json"),
        (
            "body over 64 KB",
            json(with(&|v| v["payload"]["pad"] = "x".repeat(70_000).into())),
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
        ),
        (
            "no content type",
            Request::post("/submissions").body(Body::from(letter(4).to_string())).unwrap(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (
            "a form post",
            Request::post("/submissions")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from("a=1"))
                .unwrap(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (
            "text/plain (a form's no-preflight trick)",
            Request::post("/submissions")
                .header(header::CONTENT_TYPE, "text/plain")
                .body(Body::from(letter(4).to_string()))
                .unwrap(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (
            "GET /submissions",
            Request::get("/submissions").body(Body::empty()).unwrap(),
            StatusCode::METHOD_NOT_ALLOWED,
            "",
        ),
        (
            "PUT /submissions",
            Request::put("/submissions").body(Body::empty()).unwrap(),
            StatusCode::METHOD_NOT_ALLOWED,
            "",
        ),
        (
            "an unknown path",
            Request::post("/submissions/../etc").body(Body::empty()).unwrap(),
            StatusCode::NOT_FOUND,
            "not_found",
        ),
    ];
    assert!(cases.len() >= 30);
    for (what, request, status, reason) in cases {
        let answer = send(&app, request).await;
        assert_eq!(answer.status, status, "{what}: {:?}", answer.body);
        if !reason.is_empty() {
            assert_eq!(answer.body["error"], reason, "{what}");
        }
        assert!(stored(dir.path()).is_empty(), "{what}: nothing may be stored");
    }
    // Still up, and a good letter goes through.
    assert_eq!(send(&app, post(letter(5).to_string())).await.status, StatusCode::OK);
}

#[tokio::test]
async fn each_client_has_its_rate_with_retry_after() {
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = config(dir.path());
    cfg.limits.per_client_burst = 3;
    cfg.limits.per_client_per_minute = 3;
    let store = Arc::new(FolderStore::open(dir.path()).unwrap());
    let router = router(&cfg, Arc::new(store));
    let from = |ip: &str| router.clone().layer(MockConnectInfo(ip.parse::<SocketAddr>().unwrap()));
    let (a, b) = (from("10.0.0.1:1"), from("10.0.0.9:1"));
    for n in 0..3 {
        assert_eq!(send(&a, post(letter(10 + n).to_string())).await.status, StatusCode::OK);
    }
    let limited = send(&a, post(letter(20).to_string())).await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(limited.body["error"], "rate_limited");
    let wait: u64 = limited.retry_after.expect("Retry-After").parse().unwrap();
    assert!((1..=20).contains(&wait), "about 20 s until the next token: {wait}");
    // Another client is not affected; the limited submission was not stored.
    assert_eq!(send(&b, post(letter(21).to_string())).await.status, StatusCode::OK);
    assert!(!stored(dir.path()).contains(&folder::file_name(&code(20))));
}

#[tokio::test]
async fn behind_a_trusted_proxy_the_client_is_its_x_real_ip() {
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = config(dir.path());
    cfg.trust_proxy = true;
    cfg.limits.per_client_burst = 1;
    let app = app(&cfg, "127.0.0.1:40000");
    let from = |ip: &str, n: u64| {
        Request::post("/submissions")
            .header(header::CONTENT_TYPE, "application/json")
            .header("x-real-ip", ip)
            .body(Body::from(letter(n).to_string()))
            .unwrap()
    };
    assert_eq!(send(&app, from("203.0.113.5", 30)).await.status, StatusCode::OK);
    assert_eq!(send(&app, from("203.0.113.5", 31)).await.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        send(&app, from("203.0.113.6", 32)).await.status,
        StatusCode::OK,
        "the proxy's address is not one client"
    );
}

#[tokio::test]
async fn the_whole_service_has_a_cap() {
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = config(dir.path());
    cfg.limits.global_per_second = 2;
    let store = Arc::new(FolderStore::open(dir.path()).unwrap());
    let router = router(&cfg, Arc::new(store));
    let mut statuses = Vec::new();
    for n in 0..4 {
        let client = router.clone().layer(MockConnectInfo(format!("10.1.0.{n}:1").parse::<SocketAddr>().unwrap()));
        let answer = send(&client, post(letter(40 + n).to_string())).await;
        statuses.push((answer.status, answer.retry_after.is_some()));
    }
    assert_eq!(&statuses[..2], &[(StatusCode::OK, false), (StatusCode::OK, false)]);
    assert_eq!(
        statuses[2],
        (StatusCode::SERVICE_UNAVAILABLE, true),
        "over the cap: 503 with Retry-After, retried by the outbox"
    );
}

#[tokio::test]
async fn cors_only_for_the_site_origins() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(&config(dir.path()), "10.0.0.1:5000");
    let preflight = |origin: &str| {
        Request::builder()
            .method("OPTIONS")
            .uri("/submissions")
            .header(header::ORIGIN, origin)
            .header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
            .header(header::ACCESS_CONTROL_REQUEST_HEADERS, "content-type")
            .body(Body::empty())
            .unwrap()
    };
    let ours = send(&app, preflight("https://renda.example.gov.cn")).await;
    assert_eq!(ours.allow_origin.as_deref(), Some("https://renda.example.gov.cn"));
    let theirs = send(&app, preflight("https://evil.example")).await;
    assert_eq!(theirs.allow_origin, None);
    let mut request = post(letter(50).to_string());
    request.headers_mut().insert(header::ORIGIN, "https://renda.example.gov.cn".parse().unwrap());
    let answer = send(&app, request).await;
    assert_eq!((answer.status, answer.allow_origin.as_deref()), (StatusCode::OK, Some("https://renda.example.gov.cn")));
}

#[tokio::test]
async fn a_store_that_cannot_write_answers_503_never_2xx() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = config(dir.path());
    let app = app(&cfg, "10.0.0.1:5000");
    assert_eq!(send(&app, Request::get("/healthz").body(Body::empty()).unwrap()).await.status, StatusCode::OK);
    // The store's folders vanish (a failed disk, an unmounted volume).
    std::fs::remove_dir_all(dir.path().join(folder::TMP)).unwrap();
    std::fs::remove_dir_all(dir.path().join(folder::NEW)).unwrap();
    let answer = send(&app, post(letter(60).to_string())).await;
    assert_eq!(answer.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(answer.body["error"], "store_unavailable");
    assert!(answer.retry_after.is_some());
    assert_eq!(
        send(&app, Request::get("/healthz").body(Body::empty()).unwrap()).await.status,
        StatusCode::SERVICE_UNAVAILABLE
    );
}
