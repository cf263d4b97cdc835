//! The console's HTTP server over a made-up station: sign-in and its refusals, sessions that
//! expire, forged and cross-site requests, one change at a time with its audit entry, and the
//! limits. (The real station, the data tool's, is tested in deputy-data.)

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Body;
use axum::http::{Request, Response, StatusCode, header};
use deputy_console::accounts::Accounts;
use deputy_console::audit::AuditLog;
use deputy_console::station::{Station, StationError};
use deputy_console::web::{Options, router};
use deputy_model::console::{InboxItem, IngestOutcome, LetterAction, LetterRow, LetterStep, PublishSummary};
use http_body_util::BodyExt;
use time::{Duration, OffsetDateTime};
use tower::ServiceExt;

const PASSWORD: &str = "correct horse battery";

#[derive(Default)]
struct FakeStation {
    steps: Mutex<Vec<String>>,
}

impl Station for FakeStation {
    fn letters(&self, _: OffsetDateTime) -> anyhow::Result<Vec<LetterRow>> {
        Ok(Vec::new())
    }
    fn letter_step(&self, code: &str, step: &LetterStep, _: OffsetDateTime) -> Result<String, StationError> {
        if step.version != 1 {
            return Err(StationError::Conflict("这封来信刚被别人办理过".into()));
        }
        if let LetterAction::Reply { text, .. } = &step.step
            && text.trim().is_empty()
        {
            return Err(StationError::Refused("答复内容为空".into()));
        }
        self.steps.lock().unwrap().push(code.to_string());
        Ok(format!("已办理 {code}"))
    }
    fn inbox(&self) -> anyhow::Result<Vec<InboxItem>> {
        Ok(Vec::new())
    }
    fn ingest(&self, _: OffsetDateTime) -> anyhow::Result<Vec<IngestOutcome>> {
        Ok(Vec::new())
    }
    fn publish_plan(&self, _: OffsetDateTime) -> anyhow::Result<PublishSummary> {
        Ok(PublishSummary::default())
    }
    fn publish(&self, _: OffsetDateTime) -> anyhow::Result<PublishSummary> {
        anyhow::bail!("磁盘已满")
    }
    fn rollback(&self) -> anyhow::Result<String> {
        Ok("已回滚".into())
    }
}

struct Setup {
    app: Router,
    src: tempfile::TempDir,
    clock: Arc<Mutex<OffsetDateTime>>,
    station: Arc<FakeStation>,
}

fn setup(secure_cookie: bool) -> Setup {
    let src = tempfile::tempdir().unwrap();
    let start = time::macros::datetime!(2026-12-01 09:00 +08:00);
    Accounts::at(src.path()).add("王丽", PASSWORD, start).unwrap();
    let clock = Arc::new(Mutex::new(start));
    let mut options = Options::new(src.path().to_path_buf());
    options.secure_cookie = secure_cookie;
    let c = clock.clone();
    options.clock = Arc::new(move || *c.lock().unwrap());
    let station = Arc::new(FakeStation::default());
    Setup { app: router(options, station.clone()), src, clock, station }
}

impl Setup {
    async fn send(&self, req: Request<Body>) -> (StatusCode, Response<Body>, serde_json::Value) {
        let response = self.app.clone().oneshot(req).await.unwrap();
        let status = response.status();
        let (parts, body) = response.into_parts();
        let bytes = body.collect().await.unwrap().to_bytes();
        let json = serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null);
        (status, Response::from_parts(parts, Body::empty()), json)
    }

    async fn sign_in(&self, name: &str, password: &str) -> (StatusCode, Response<Body>, serde_json::Value) {
        let body = serde_json::json!({ "name": name, "password": password }).to_string();
        self.send(post("/api/session").header(header::CONTENT_TYPE, "application/json").body(Body::from(body)).unwrap())
            .await
    }

    /// Signed in: the cookie to send back and the CSRF token.
    async fn signed_in(&self) -> (String, String) {
        let (status, response, json) = self.sign_in("王丽", PASSWORD).await;
        assert_eq!(status, StatusCode::OK, "{json}");
        let cookie = response.headers()[header::SET_COOKIE].to_str().unwrap();
        (cookie.split(';').next().unwrap().to_string(), json["csrf"].as_str().unwrap().to_string())
    }

    fn advance(&self, d: Duration) {
        *self.clock.lock().unwrap() += d;
    }
}

fn post(uri: &str) -> axum::http::request::Builder {
    Request::builder().method("POST").uri(uri).header(header::HOST, "127.0.0.1:8790")
}

fn get(uri: &str, cookie: &str) -> Request<Body> {
    Request::builder().uri(uri).header(header::COOKIE, cookie).body(Body::empty()).unwrap()
}

fn step(cookie: &str, csrf: &str, version: usize, text: &str) -> Request<Body> {
    let body = serde_json::json!({ "version": version, "action": "reply", "by": "娜仁其其格代表", "text": text });
    post("/api/letters/315072641986")
        .header(header::COOKIE, cookie)
        .header("x-csrf-token", csrf)
        .header(header::ORIGIN, "http://127.0.0.1:8790")
        .header("sec-fetch-site", "same-origin")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap()
}

#[tokio::test]
async fn a_clerk_signs_in_with_a_cookie_scripts_cannot_read_and_reads_the_queue() {
    let s = setup(false);
    let (status, _, json) = s.send(get("/api/letters", "")).await;
    assert_eq!((status, json["message"].as_str()), (StatusCode::UNAUTHORIZED, Some("请先登录")));
    let (status, response, json) = s.sign_in("王丽", PASSWORD).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(json["staff"], "王丽");
    let cookie = response.headers()[header::SET_COOKIE].to_str().unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && !cookie.contains("Secure"),
        "{cookie}"
    );
    assert_eq!(response.headers()[header::CACHE_CONTROL], "no-store");
    let cookie = cookie.split(';').next().unwrap();
    let (status, _, json) = s.send(get("/api/letters", cookie)).await;
    assert_eq!((status, json), (StatusCode::OK, serde_json::json!([])));
    let (status, _, json) = s.send(get("/api/session", cookie)).await;
    assert_eq!((status, json["staff"].as_str()), (StatusCode::OK, Some("王丽")));
    let entries = AuditLog::at(s.src.path()).recent(10).unwrap();
    assert_eq!(entries.last().unwrap().action, "sign-in");
}

#[tokio::test]
async fn beyond_loopback_the_cookie_is_secure() {
    let s = setup(true);
    let (_, response, _) = s.sign_in("王丽", PASSWORD).await;
    assert!(response.headers()[header::SET_COOKIE].to_str().unwrap().contains("; Secure"));
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_name_get_the_same_answer_and_both_lock() {
    let s = setup(false);
    let wrong = s.sign_in("王丽", "not the password!").await;
    let unknown = s.sign_in("张三", "not the password!").await;
    assert_eq!((wrong.0, &wrong.2), (unknown.0, &unknown.2));
    assert_eq!(wrong.2["message"], "账号或密码不对");
    for _ in 0..4 {
        s.sign_in("王丽", "not the password!").await;
        s.sign_in("张三", "not the password!").await;
    }
    let wrong = s.sign_in("王丽", PASSWORD).await;
    let unknown = s.sign_in("张三", PASSWORD).await;
    assert_eq!(wrong.0, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!((wrong.0, &wrong.2), (unknown.0, &unknown.2));
    assert!(wrong.2["message"].as_str().unwrap().contains("09:15"), "{}", wrong.2);
    s.advance(Duration::minutes(16));
    assert_eq!(s.sign_in("王丽", PASSWORD).await.0, StatusCode::OK);
    // A name nobody has is never written to the log (it may be a mistyped password).
    let log = std::fs::read_to_string(s.src.path().join(".console/audit.log")).unwrap();
    assert!(!log.contains("张三"));
    // An oversized password is refused before hashing, with the same words.
    let (status, _, json) = s.sign_in("王丽", &"x".repeat(10_000)).await;
    assert_eq!((status, json["message"].as_str()), (StatusCode::UNAUTHORIZED, Some("账号或密码不对")));
}

#[tokio::test]
async fn a_session_ends_after_idle_time_and_at_sign_out() {
    let s = setup(false);
    let (cookie, csrf) = s.signed_in().await;
    s.advance(Duration::minutes(29));
    assert_eq!(s.send(get("/api/inbox", &cookie)).await.0, StatusCode::OK);
    s.advance(Duration::minutes(31));
    let (status, _, json) = s.send(get("/api/inbox", &cookie)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(json["message"].as_str().unwrap().contains("超时"));
    let (cookie, csrf2) = s.signed_in().await;
    assert_ne!(csrf, csrf2);
    let out = post("/api/session")
        .method("DELETE")
        .header(header::COOKIE, &cookie)
        .header("x-csrf-token", &csrf2)
        .body(Body::empty())
        .unwrap();
    assert_eq!(s.send(out).await.0, StatusCode::NO_CONTENT);
    assert_eq!(s.send(get("/api/inbox", &cookie)).await.0, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn forged_and_cross_site_changes_are_refused_and_change_nothing() {
    let s = setup(false);
    let (cookie, csrf) = s.signed_in().await;
    let (status, _, json) = s.send(step(&cookie, "", 1, "已修复")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(json["message"].as_str().unwrap().contains("校验码"));
    let (status, ..) = s.send(step(&cookie, &csrf.replace('a', "b"), 1, "已修复")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let mut cross = step(&cookie, &csrf, 1, "已修复");
    cross.headers_mut().insert(header::ORIGIN, "https://evil.example".parse().unwrap());
    assert_eq!(s.send(cross).await.0, StatusCode::FORBIDDEN);
    let mut cross = step(&cookie, &csrf, 1, "已修复");
    cross.headers_mut().insert("sec-fetch-site", "cross-site".parse().unwrap());
    assert_eq!(s.send(cross).await.0, StatusCode::FORBIDDEN);
    assert!(s.station.steps.lock().unwrap().is_empty());
    // The real one goes through and is in the log, under the clerk's name and the code.
    let (status, _, json) = s.send(step(&cookie, &csrf, 1, "已修复")).await;
    assert_eq!((status, json["message"].as_str()), (StatusCode::OK, Some("已办理 315072641986")));
    let last = AuditLog::at(s.src.path()).recent(1).unwrap().pop().unwrap();
    assert_eq!((last.who.as_str(), last.action.as_str(), last.item.as_str()), ("王丽", "letter-reply", "315072641986"));
}

#[tokio::test]
async fn a_stale_version_a_refused_step_and_a_failure_each_say_what_happened() {
    let s = setup(false);
    let (cookie, csrf) = s.signed_in().await;
    let (status, _, json) = s.send(step(&cookie, &csrf, 0, "已修复")).await;
    assert_eq!((status, json["message"].as_str()), (StatusCode::CONFLICT, Some("这封来信刚被别人办理过")));
    let (status, _, json) = s.send(step(&cookie, &csrf, 1, " ")).await;
    assert_eq!((status, json["message"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("答复内容为空")));
    let publish =
        post("/api/publish").header(header::COOKIE, &cookie).header("x-csrf-token", &csrf).body(Body::empty());
    let (status, _, json) = s.send(publish.unwrap()).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(json["message"].as_str().unwrap().contains("磁盘已满"));
    // None of the three is in the audit log: only what was done.
    let actions: Vec<String> = AuditLog::at(s.src.path()).recent(10).unwrap().into_iter().map(|e| e.action).collect();
    assert_eq!(actions, ["sign-in"]);
}

#[tokio::test]
async fn bodies_over_the_limit_and_broken_json_are_refused() {
    let s = setup(false);
    let (cookie, csrf) = s.signed_in().await;
    let (status, ..) = s.send(step(&cookie, &csrf, 1, &"长".repeat(30_000))).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    let broken = post("/api/letters/315072641986")
        .header(header::COOKIE, &cookie)
        .header("x-csrf-token", &csrf)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{\"version\": 1, \"action\": \"rep"))
        .unwrap();
    let (status, _, json) = s.send(broken).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(json["message"].as_str().is_some());
    let (status, _, json) = s.send(get("/api/nothing", &cookie)).await;
    assert_eq!((status, json["message"].as_str()), (StatusCode::NOT_FOUND, Some("没有这个接口")));
}
