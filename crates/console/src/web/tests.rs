//! The console's HTTP server over a made-up station: sign-in and its refusals, sessions that
//! expire, forged and cross-site requests, one change at a time with its audit entry, and the
//! limits. (The real station, the data tool's, is tested in deputy-data.)

use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::http::{HeaderMap, StatusCode, header};
use deputy_model::console::{
    ConsultationRow, InboxItem, IngestOutcome, LetterAction, LetterRow, LetterStep, PublishSummary, ResultPreview,
    ResultRequest, SuggestionQueue, SuggestionStep, Upload, UploadedFile,
};
use serde_json::{Value, json};
use time::{Duration, OffsetDateTime};

use super::test_client::TestClient;
use super::{Options, router};
use crate::station::{Station, StationError};

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
    fn suggestions(&self, _: OffsetDateTime) -> anyhow::Result<SuggestionQueue> {
        Ok(SuggestionQueue { suggestions: Vec::new(), units: Vec::new() })
    }
    fn suggestion_step(&self, _: &str, _: &SuggestionStep, _: OffsetDateTime) -> Result<String, StationError> {
        Err(StationError::Refused("不能这样办理".into()))
    }
    fn consultations(&self, _: OffsetDateTime) -> anyhow::Result<Vec<ConsultationRow>> {
        Ok(Vec::new())
    }
    fn publish_comment(&self, code: &str, _: OffsetDateTime) -> Result<String, StationError> {
        Ok(format!("已公开意见 {code}"))
    }
    fn consultation_result(
        &self,
        _: &str,
        _: &ResultRequest,
        _: OffsetDateTime,
    ) -> Result<ResultPreview, StationError> {
        Err(StationError::Refused("截止前不能公布结果".into()))
    }
    fn inbox(&self) -> anyhow::Result<Vec<InboxItem>> {
        Ok(Vec::new())
    }
    fn ingest(&self, _: OffsetDateTime) -> anyhow::Result<Vec<IngestOutcome>> {
        Ok(Vec::new())
    }
    fn ingest_files(&self, _: Upload, _: OffsetDateTime) -> anyhow::Result<Vec<IngestOutcome>> {
        Ok(Vec::new())
    }
    fn open_consultation(&self, file: &UploadedFile, _: OffsetDateTime) -> Result<String, StationError> {
        Ok(format!("已加入 {}", file.name))
    }
    fn publish_plan(&self, _: OffsetDateTime) -> anyhow::Result<PublishSummary> {
        Ok(PublishSummary::default())
    }
    fn publish(&self, _: OffsetDateTime) -> anyhow::Result<PublishSummary> {
        anyhow::bail!("磁盘已满")
    }
    fn deputies(&self) -> anyhow::Result<Vec<deputy_model::console::DeputyChoice>> {
        Ok(Vec::new())
    }
    fn held(&self) -> anyhow::Result<Vec<deputy_model::console::HeldRow>> {
        Ok(Vec::new())
    }
    fn held_step(
        &self,
        code: &str,
        _: &deputy_model::console::HeldAction,
        by: &str,
        _: OffsetDateTime,
    ) -> Result<String, StationError> {
        Ok(format!("{by} 核实了 {code}"))
    }

    fn rollback(&self) -> anyhow::Result<String> {
        Ok("已回滚".into())
    }
}

struct Setup {
    client: TestClient,
    src: tempfile::TempDir,
    clock: Arc<Mutex<OffsetDateTime>>,
    station: Arc<FakeStation>,
}

fn setup(secure_cookie: bool) -> Setup {
    let src = tempfile::tempdir().unwrap();
    let start = time::macros::datetime!(2026-12-01 09:00 +08:00);
    crate::staff_accounts(src.path()).add("王丽", PASSWORD, start).unwrap();
    let clock = Arc::new(Mutex::new(start));
    let mut options = Options::new(src.path().to_path_buf());
    options.secure_cookie = secure_cookie;
    let c = clock.clone();
    options.clock = Arc::new(move || *c.lock().unwrap());
    let station = Arc::new(FakeStation::default());
    Setup { client: TestClient::new(router(options, station.clone())), src, clock, station }
}

impl Setup {
    async fn sign_in(&mut self, name: &str, password: &str) -> (StatusCode, HeaderMap, Value) {
        self.client.sign_in(name, password).await
    }

    fn advance(&self, d: Duration) {
        *self.clock.lock().unwrap() += d;
    }

    /// A reply to letter 315072641986 made on `version`.
    async fn reply(&self, version: usize, text: &str) -> (StatusCode, Value) {
        let body = json!({ "version": version, "action": "reply", "by": "娜仁其其格代表", "text": text });
        self.client.post("/api/letters/315072641986", body).await
    }
}

#[tokio::test]
async fn a_clerk_signs_in_with_a_cookie_scripts_cannot_read_and_reads_the_queue() {
    let mut s = setup(false);
    // Every read needs a session, the progress of a publish too.
    for path in [
        "/api/letters",
        "/api/suggestions",
        "/api/consultations",
        "/api/inbox",
        "/api/audit",
        "/api/publish/progress",
        "/api/deputies",
    ] {
        let (status, json) = s.client.get(path).await;
        assert_eq!((status, json["message"].as_str()), (StatusCode::UNAUTHORIZED, Some("请先登录")), "{path}");
    }
    let (status, headers, json) = s.sign_in("王丽", PASSWORD).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(json["staff"], "王丽");
    let cookie = headers[header::SET_COOKIE].to_str().unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && !cookie.contains("Secure"),
        "{cookie}"
    );
    assert_eq!(headers[header::CACHE_CONTROL], "no-store");
    assert_eq!(s.client.get("/api/letters").await, (StatusCode::OK, json!([])));
    let (status, json) = s.client.get("/api/session").await;
    assert_eq!((status, json["staff"].as_str()), (StatusCode::OK, Some("王丽")));
    let entries = crate::audit_log(s.src.path()).recent(10).unwrap();
    assert_eq!(entries.last().unwrap().action, "sign-in");
}

#[tokio::test]
async fn beyond_loopback_the_cookie_is_secure() {
    let mut s = setup(true);
    let (_, headers, _) = s.sign_in("王丽", PASSWORD).await;
    assert!(headers[header::SET_COOKIE].to_str().unwrap().contains("; Secure"));
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_name_get_the_same_answer_and_both_lock() {
    let mut s = setup(false);
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
    let mut s = setup(false);
    s.sign_in("王丽", PASSWORD).await;
    let first_token = s.client.csrf.clone();
    s.advance(Duration::minutes(29));
    assert_eq!(s.client.get("/api/inbox").await.0, StatusCode::OK);
    s.advance(Duration::minutes(31));
    let (status, json) = s.client.get("/api/inbox").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(json["message"].as_str().unwrap().contains("超时"));
    s.sign_in("王丽", PASSWORD).await;
    assert_ne!(first_token, s.client.csrf);
    let (status, headers, _) = s.client.send(s.client.request("DELETE", "/api/session", None)).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert!(headers[header::SET_COOKIE].to_str().unwrap().contains("Max-Age=0"));
    assert_eq!(s.client.get("/api/inbox").await.0, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_new_password_or_a_removed_account_ends_its_sessions() {
    let mut s = setup(false);
    s.sign_in("王丽", PASSWORD).await;
    assert_eq!(s.client.get("/api/inbox").await.0, StatusCode::OK);
    // The command line changes the password while the console runs.
    crate::staff_accounts(s.src.path()).set_password("王丽", "another long password").unwrap();
    let (status, json) = s.client.get("/api/inbox").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(json["message"].as_str().unwrap().contains("密码已更改"), "{json}");
    s.sign_in("王丽", "another long password").await;
    assert_eq!(s.client.get("/api/inbox").await.0, StatusCode::OK);
    crate::staff_accounts(s.src.path()).remove("王丽").unwrap();
    assert_eq!(s.client.get("/api/inbox").await.0, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn forged_and_cross_site_changes_are_refused_and_change_nothing() {
    let mut s = setup(false);
    s.sign_in("王丽", PASSWORD).await;
    let token = s.client.csrf.clone();
    let forged = |csrf: &str, header: Option<(&'static str, &'static str)>| {
        let mut r = s.client.request(
            "POST",
            "/api/letters/315072641986",
            Some(&json!({"version": 1, "action": "forward", "department": "住建局"})),
        );
        r.headers_mut().insert("x-csrf-token", csrf.parse().unwrap());
        if let Some((k, v)) = header {
            r.headers_mut().insert(k, v.parse().unwrap());
        }
        r
    };
    let (status, _, json) = s.client.send(forged("", None)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(json["message"].as_str().unwrap().contains("校验码"));
    assert_eq!(s.client.send(forged(&token.replace('a', "b"), None)).await.0, StatusCode::FORBIDDEN);
    assert_eq!(s.client.send(forged(&token, Some(("origin", "https://evil.example")))).await.0, StatusCode::FORBIDDEN);
    assert_eq!(s.client.send(forged(&token, Some(("sec-fetch-site", "cross-site")))).await.0, StatusCode::FORBIDDEN);
    // Without the cookie (another site's form cannot send it: SameSite=Strict).
    let mut no_cookie = forged(&token, None);
    no_cookie.headers_mut().remove(header::COOKIE);
    assert_eq!(s.client.send(no_cookie).await.0, StatusCode::UNAUTHORIZED);
    assert!(s.station.steps.lock().unwrap().is_empty());
    // The real one goes through and is in the log, under the clerk's name and the code.
    let (status, json) = s.reply(1, "已修复").await;
    assert_eq!((status, json["message"].as_str()), (StatusCode::OK, Some("已办理 315072641986")));
    let last = crate::audit_log(s.src.path()).recent(1).unwrap().pop().unwrap();
    assert_eq!((last.who.as_str(), last.action.as_str(), last.item.as_str()), ("王丽", "letter-reply", "315072641986"));
}

#[tokio::test]
async fn a_stale_version_a_refused_step_and_a_failure_each_say_what_happened() {
    let mut s = setup(false);
    s.sign_in("王丽", PASSWORD).await;
    let (status, json) = s.reply(0, "已修复").await;
    assert_eq!((status, json["message"].as_str()), (StatusCode::CONFLICT, Some("这封来信刚被别人办理过")));
    let (status, json) = s.reply(1, " ").await;
    assert_eq!((status, json["message"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("答复内容为空")));
    let (status, json) = s.client.post("/api/publish", json!({})).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(json["message"].as_str().unwrap().contains("磁盘已满"));
    // None of the three is in the audit log: only what was done.
    let actions: Vec<String> =
        crate::audit_log(s.src.path()).recent(10).unwrap().into_iter().map(|e| e.action).collect();
    assert_eq!(actions, ["sign-in"]);
}

#[tokio::test]
async fn bodies_over_the_limit_and_broken_json_are_refused() {
    let mut s = setup(false);
    s.sign_in("王丽", PASSWORD).await;
    let (status, json) = s.reply(1, &"长".repeat(30_000)).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(json["message"].as_str().unwrap().contains("太长"));
    let mut broken = s.client.request("POST", "/api/letters/315072641986", None);
    broken.headers_mut().insert(header::CONTENT_TYPE, "application/json".parse().unwrap());
    *broken.body_mut() = Body::from("{\"version\": 1, \"action\": \"rep");
    let (status, _, json) = s.client.send(broken).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(json["message"].as_str().is_some());
    let (status, json) = s.client.get("/api/nothing").await;
    assert_eq!((status, json["message"].as_str()), (StatusCode::NOT_FOUND, Some("没有这个接口")));
}

/// Sessions are kept in `.console/sessions/`: two consoles on one folder (or one console after
/// a restart) know the same sessions, and signing out in one ends the session in both.
#[tokio::test]
async fn two_consoles_on_one_folder_share_sessions_and_a_restart_keeps_them() {
    let mut s = setup(false);
    let (status, _, _) = s.sign_in("王丽", PASSWORD).await;
    assert_eq!(status, StatusCode::OK);
    // A second console on the same folder (another instance, or this one restarted).
    let mut options = Options::new(s.src.path().to_path_buf());
    let c = s.clock.clone();
    options.clock = Arc::new(move || *c.lock().unwrap());
    let mut other = TestClient::new(router(options, s.station.clone()));
    other.cookie = s.client.cookie.clone();
    other.csrf = s.client.csrf.clone();
    assert_eq!(other.get("/api/letters").await.0, StatusCode::OK, "the other console knows the session");
    let (status, _) = other
        .post(
            "/api/letters/315072641986",
            json!({ "version": 1, "action": "reply", "by": "娜仁其其格代表", "text": "已转交。" }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "and accepts its changes with its token");
    // The cookie alone is refused without the token, there as here.
    let forged = TestClient { csrf: String::new(), ..other.clone() };
    assert_eq!(forged.post("/api/letters/315072641986", json!({})).await.0, StatusCode::FORBIDDEN);
    // Signed out in the other: ended here too.
    let (status, _, _) = other.send(other.request("DELETE", "/api/session", None)).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(s.client.get("/api/letters").await.0, StatusCode::UNAUTHORIZED);
    // Signed in again, then the password changed on the command line's side: the session ends.
    s.sign_in("王丽", PASSWORD).await;
    crate::staff_accounts(s.src.path()).set_password("王丽", "another long password").unwrap();
    assert_eq!(s.client.get("/api/letters").await.0, StatusCode::UNAUTHORIZED);
}
