//! The workspace as a browser and an attacker use it: activation, sign-in, reads and a co-sign
//! of one's own; and every try at another deputy's letters, suggestions and invitations, with
//! a stolen page's request (no token, another origin), with a used or guessed code, refused.

use std::path::Path;
use std::sync::Arc;

use axum::http::StatusCode;
use deputy_accounts::acts::KeyRing;
use deputy_accounts::test_client::TestClient;
use deputy_intake::{FolderStore, Store};
use deputy_model::workspace::{MyLetter, MySuggestion};
use serde_json::{Value, json};
use time::OffsetDateTime;
use time::macros::datetime;

use super::{Options, router};
use crate::desk::{DeputyCard, Desk, Invitation};

const NOW: OffsetDateTime = datetime!(2026-12-01 10:00 +8);
const PASSWORD: &str = "草原上的好代表2026年冬";

/// Two deputies, each with one letter and one suggestion led by the other that invites them.
struct TwoDeputies;

fn letter(to: &str) -> MyLetter {
    MyLetter {
        receipt_code: format!("code-{to}"),
        subject: format!("写给 {to} 的信"),
        category: "城建".into(),
        content: "路灯不亮".into(),
        state: Some(deputy_model::message::MessageState::Submitted),
        open: true,
        overdue: false,
        received_on: "2026-11-30".into(),
        days: 1,
        public: false,
        writer: None,
        events: vec![],
    }
}

impl Desk for TwoDeputies {
    fn deputy(&self, id: &str) -> anyhow::Result<Option<DeputyCard>> {
        Ok(["city-0001", "city-0002"]
            .contains(&id)
            .then(|| DeputyCard { name: format!("代表{id}"), level: deputy_model::deputy::Level::City }))
    }
    fn letters(&self, id: &str, _: OffsetDateTime) -> anyhow::Result<Vec<MyLetter>> {
        Ok(vec![letter(id)])
    }
    fn suggestions(&self, id: &str, _: OffsetDateTime) -> anyhow::Result<Vec<MySuggestion>> {
        Ok(vec![MySuggestion {
            id: format!("s-for-{id}"),
            title: "关于路灯的建议".into(),
            status: Some(deputy_model::suggestion::Status::Submitted),
            lead: false,
            lead_name: "另一位代表".into(),
            cosigners: vec![(format!("代表{id}"), false)],
            invited: true,
            due: None,
            days_left: None,
        }])
    }
    fn invitation(&self, id: &str, suggestion_id: &str) -> anyhow::Result<Option<Invitation>> {
        Ok((suggestion_id == format!("s-for-{id}")).then(|| Invitation {
            draft_id: format!("draft-for-{id}"),
            title: "关于路灯的建议".into(),
            lead_name: "另一位代表".into(),
        }))
    }
}

struct Setup {
    _tmp: tempfile::TempDir,
    src: std::path::PathBuf,
    inbox: std::path::PathBuf,
    app: axum::Router,
}

fn setup() -> Setup {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("src");
    std::fs::create_dir_all(&src).unwrap();
    let inbox = tmp.path().join("inbox");
    let store: Arc<dyn Store> = Arc::new(Arc::new(FolderStore::open(&inbox).unwrap()));
    let mut options = Options::new(src.clone());
    options.clock = Arc::new(|| NOW);
    let app = router(options, Arc::new(TwoDeputies), store).unwrap();
    Setup { _tmp: tmp, src, inbox, app }
}

fn issue(src: &Path, id: &str) -> String {
    crate::activations(src).issue(id, NOW).unwrap().0
}

async fn activated(s: &Setup, id: &str) -> TestClient {
    let mut client = TestClient::at(s.app.clone(), "/workspace/api");
    let code = issue(&s.src, id);
    let (status, _, me) =
        client.start("/workspace/api/activate", &json!({ "deputy_id": id, "code": code, "password": PASSWORD })).await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(me["deputy_id"], id);
    client
}

/// What the workspace filed in the store's `new/`.
fn stored(inbox: &Path) -> Vec<Value> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(inbox.join("new")).unwrap() {
        let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
        out.push(serde_json::from_str(&text).unwrap());
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn a_deputy_activates_reads_their_own_letters_and_co_signs_in_their_own_name() {
    let s = setup();
    // A wrong code, an unknown deputy, a short password: refused, and the code still works.
    let mut client = TestClient::at(s.app.clone(), "/workspace/api");
    let code = issue(&s.src, "city-0001");
    let try_code =
        |id: &str, code: &str, password: &str| json!({ "deputy_id": id, "code": code, "password": password });
    let (status, _, _) =
        client.start("/workspace/api/activate", &try_code("city-0001", "123412341234", PASSWORD)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _, _) = client.start("/workspace/api/activate", &try_code("city-0002", &code, PASSWORD)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "another deputy's code");
    let (status, _, body) = client.start("/workspace/api/activate", &try_code("city-0001", &code, "short")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (status, _, me) = client.start("/workspace/api/activate", &try_code("city-0001", &code, PASSWORD)).await;
    assert_eq!((status, me["name"].as_str()), (StatusCode::OK, Some("代表city-0001")), "{me}");
    // Used once.
    let mut thief = TestClient::at(s.app.clone(), "/workspace/api");
    let (status, _, _) =
        thief.start("/workspace/api/activate", &try_code("city-0001", &code, "另一个人的密码123456")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // My letters: whatever the request says, the session's deputy's.
    for uri in ["/workspace/api/letters", "/workspace/api/letters?deputy_id=city-0002"] {
        let (status, letters) = client.get(uri).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(letters[0]["subject"], "写给 city-0001 的信", "{uri}");
    }
    // Another deputy's invitation: not mine.
    let (status, _) = client.post("/workspace/api/cosign", json!({ "suggestion_id": "s-for-city-0002" })).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // A page elsewhere, or without the token: refused before anything is filed.
    let mut forged =
        client.request("POST", "/workspace/api/cosign", Some(&json!({ "suggestion_id": "s-for-city-0001" })));
    forged.headers_mut().insert("x-csrf-token", "0".repeat(64).parse().unwrap());
    assert_eq!(client.send(forged).await.0, StatusCode::FORBIDDEN);
    let mut cross =
        client.request("POST", "/workspace/api/cosign", Some(&json!({ "suggestion_id": "s-for-city-0001" })));
    cross.headers_mut().insert("sec-fetch-site", "cross-site".parse().unwrap());
    assert_eq!(client.send(cross).await.0, StatusCode::FORBIDDEN);
    assert!(stored(&s.inbox).is_empty());

    // My own: one tap, filed signed, in my name.
    let (status, done) = client.post("/workspace/api/cosign", json!({ "suggestion_id": "s-for-city-0001" })).await;
    assert_eq!(status, StatusCode::OK, "{done}");
    let filed = stored(&s.inbox);
    assert_eq!(filed.len(), 1);
    let ring = KeyRing::in_dir(&crate::workspace_dir(&s.src)).unwrap();
    let envelope = ring.verify(&filed[0].to_string()).expect("signed with the service's key");
    assert_eq!(envelope.deputy_id, "city-0001");
    let act: Value = serde_json::from_str(&envelope.act).unwrap();
    assert_eq!((act["kind"].as_str(), act["payload"]["cosigner_id"].as_str()), (Some("cosign"), Some("city-0001")));
    assert_eq!(act["payload"]["draft_id"], "draft-for-city-0001");
    assert_eq!(act["receipt_code"], done["receipt_code"]);
    let log = crate::audit_log(&s.src).recent(10).unwrap();
    assert!(log.iter().any(|e| e.who == "city-0001" && e.action == "cosign"), "{log:?}");
    // Nothing in the log names a letter's writer or text.
    let raw = std::fs::read_to_string(crate::workspace_dir(&s.src).join("audit.log")).unwrap();
    assert!(!raw.contains("路灯不亮"));
}

#[tokio::test(flavor = "multi_thread")]
async fn sessions_end_with_a_new_password_and_everywhere_and_guessing_locks_out() {
    let s = setup();
    let mut phone = activated(&s, "city-0001").await;
    let mut desk = TestClient::at(s.app.clone(), "/workspace/api");
    assert_eq!(desk.sign_in("city-0001", PASSWORD).await.0, StatusCode::OK);
    // Another deputy's password does not open this account; nor does a guess, five times.
    let _other = activated(&s, "city-0002").await;
    let mut guesser = TestClient::at(s.app.clone(), "/workspace/api");
    for _ in 0..4 {
        assert_eq!(guesser.sign_in("city-0002", "猜一猜这个密码对不对啊").await.0, StatusCode::UNAUTHORIZED);
    }
    assert_eq!(guesser.sign_in("city-0002", "猜一猜这个密码对不对啊").await.0, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        guesser.sign_in("city-0002", PASSWORD).await.0,
        StatusCode::TOO_MANY_REQUESTS,
        "locked even for the right one"
    );
    // Many names: no account, same answer, also locked out.
    for _ in 0..4 {
        assert_eq!(guesser.sign_in("city-9999", PASSWORD).await.0, StatusCode::UNAUTHORIZED);
    }
    assert_eq!(guesser.sign_in("city-9999", PASSWORD).await.0, StatusCode::TOO_MANY_REQUESTS);

    // A new password: the old one is asked for; every session ends but the one that changed it.
    let (status, _) = phone
        .post("/workspace/api/password", json!({ "old": "不是原密码的东西123", "new": "新的密码也要够长才行才好记" }))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _, me) =
        phone.start("/workspace/api/password", &json!({ "old": PASSWORD, "new": "新的密码也要够长才行才好记" })).await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(phone.get("/workspace/api/letters").await.0, StatusCode::OK, "this device stays signed in");
    assert_eq!(desk.get("/workspace/api/letters").await.0, StatusCode::UNAUTHORIZED, "the other device is out");
    // Sign out everywhere: this one too.
    assert_eq!(desk.sign_in("city-0001", "新的密码也要够长才行才好记").await.0, StatusCode::OK);
    assert_eq!(phone.post("/workspace/api/sessions/end-all", json!({})).await.0, StatusCode::NO_CONTENT);
    assert_eq!(phone.get("/workspace/api/letters").await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(desk.get("/workspace/api/letters").await.0, StatusCode::UNAUTHORIZED);
    // A replayed cookie after sign-out: refused.
    let (status, _) = phone.get("/workspace/api/session").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test(flavor = "multi_thread")]
async fn every_answer_is_private_and_unknown_routes_say_so() {
    let s = setup();
    let client = activated(&s, "city-0001").await;
    let (status, headers, _) = client.send(client.request("GET", "/workspace/api/letters", None)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["cache-control"], "no-store");
    assert!(headers["content-security-policy"].to_str().unwrap().contains("frame-ancestors 'none'"));
    let (status, body) = client.get("/workspace/api/deputies/city-0002/letters").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let anonymous = TestClient::at(s.app.clone(), "/workspace/api");
    assert_eq!(anonymous.get("/workspace/api/letters").await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(anonymous.get("/workspace/api/suggestions").await.0, StatusCode::UNAUTHORIZED);
}
