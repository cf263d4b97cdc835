//! The workspace on a real source folder, end to end without a browser: the station issues an
//! account; the deputy activates it, sees the invitation to co-sign a suggestion and confirms
//! with one tap; another deputy cannot; `ingest --from` takes the signed act and the co-signer
//! counts as confirmed, with the proof kept.

use std::sync::Arc;

use deputy_accounts::test_client::TestClient;
use deputy_intake::{FolderStore, Location, Store};
use serde_json::json;

use crate::ingest::tests::{NOW, SENT, code, ok, setup, signed, world};
use crate::ingest::tests_commands::draft;
use crate::ingest::{Options, ingest_inbox, parse_at, proof};

const PASSWORD: &str = "乌拉特前旗的好代表2026";

fn code_in(notice: &str) -> String {
    let line = notice.lines().find_map(|l| l.strip_prefix("激活码：")).expect("a code on the notice");
    line.replace(' ', "")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_deputy_activates_and_co_signs_and_ingest_counts_it_for_them_only() {
    let (tmp, src) = setup();
    let dir = tmp.path();
    let ids: Vec<String> = world(&src).deputies.iter().take(3).map(|d| d.summary.id.clone()).collect();
    // The lead's suggestion names ids[1] as co-signer (signed, as the workspace files it).
    let f = signed(dir, &src, "suggestion", &code(300), SENT, draft("draft-300", &ids[0], &[&ids[1]]), &ids[0]);
    let made = ok(&src, &f, None);
    let sid = made.split_whitespace().nth(1).unwrap().split('（').next().unwrap().to_string();

    // The station issues the notice; it names the deputy and carries the code and the link.
    let now = parse_at(NOW).unwrap();
    let issue = |id: &str| {
        let what = super::account::DeputyAccount::Issue {
            deputy_ids: vec![id.into()],
            by: "王丽".into(),
            url: "https://renda.example.cn/workspace/".into(),
        };
        super::account::run(&src, what, now).unwrap()
    };
    let notice = issue(&ids[1]);
    assert!(notice.contains(&format!("https://renda.example.cn/workspace/#activate={}", ids[1])), "{notice}");
    let inbox = dir.join("inbox");
    let store: Arc<dyn Store> = Arc::new(Arc::new(FolderStore::open(&inbox).unwrap()));
    let mut options = deputy_workspace::web::Options::new(src.clone());
    options.clock = Arc::new(move || now);
    let desk = Arc::new(super::SourceDesk::new(src.clone()));
    let app = deputy_workspace::web::router(options, desk, store).unwrap();

    let mut cosigner = TestClient::at(app.clone(), "/workspace/api");
    let body = json!({ "deputy_id": ids[1], "code": code_in(&notice), "password": PASSWORD });
    let (status, _, me) = cosigner.start("/workspace/api/activate", &body).await;
    assert_eq!(status, 200, "{me}");
    let (_, mine) = cosigner.get("/workspace/api/suggestions").await;
    let row = mine.as_array().unwrap().iter().find(|s| s["id"] == sid.as_str()).expect("the invitation").clone();
    assert_eq!((row["invited"].as_bool(), row["lead"].as_bool()), (Some(true), Some(false)), "{row}");

    // Another deputy, signed in, cannot confirm in ids[1]'s place.
    let mut other = TestClient::at(app.clone(), "/workspace/api");
    let body = json!({ "deputy_id": ids[2], "code": code_in(&issue(&ids[2])), "password": PASSWORD });
    assert_eq!(other.start("/workspace/api/activate", &body).await.0, 200);
    assert_eq!(other.post("/workspace/api/cosign", json!({ "suggestion_id": sid })).await.0, 404);
    let (_, theirs) = other.get("/workspace/api/letters").await;
    let own_letters = world(&src).messages.iter().filter(|m| m.deputy_id == ids[2]).count();
    assert_eq!(theirs.as_array().unwrap().len(), own_letters, "only their own letters");

    let (status, done) = cosigner.post("/workspace/api/cosign", json!({ "suggestion_id": sid })).await;
    assert_eq!(status, 200, "{done}");
    let receipt = done["receipt_code"].as_str().unwrap().to_string();

    // The station's ingest takes the signed act: confirmed, the proof kept.
    let opts = Options { deputy: None, now };
    let (src2, location) = (src.clone(), Location::parse(inbox.to_str().unwrap()));
    let run = tokio::task::spawn_blocking(move || ingest_inbox(&src2, &location, &opts).unwrap()).await.unwrap();
    assert!(
        run.outcomes.iter().all(|o| o.result.is_ok()),
        "{:?}",
        run.outcomes.iter().map(|o| format!("{:?}", o.result)).collect::<Vec<_>>()
    );
    let s = world(&src).suggestions.into_iter().find(|s| s.id == sid).unwrap();
    assert!(s.cosigners[0].confirmed);
    let proof = std::fs::read_to_string(proof::proof_path(&src, &receipt)).unwrap();
    assert!(proof.contains("\"signed\"") && proof.contains(&ids[1]), "{proof}");
    // The workspace sees it at once: no invitation left.
    let (_, mine) = cosigner.get("/workspace/api/suggestions").await;
    let row = mine.as_array().unwrap().iter().find(|s| s["id"] == sid.as_str()).unwrap().clone();
    assert_eq!(row["invited"], false, "{row}");
    assert_eq!(cosigner.post("/workspace/api/cosign", json!({ "suggestion_id": sid })).await.0, 404, "once");

    // Revoked: the deputy is signed out and cannot sign in again.
    let revoke = super::account::DeputyAccount::Revoke { deputy_id: ids[1].clone(), by: "王丽".into() };
    super::account::run(&src, revoke, now).unwrap();
    assert_eq!(cosigner.get("/workspace/api/suggestions").await.0, 401);
    assert_eq!(cosigner.sign_in(&ids[1], PASSWORD).await.0, 401);
}

/// A deputy submits a suggestion in the workspace, naming another deputy as lead in the draft:
/// it is filed as the session's deputy's own, and ingest publishes it so, signed; the co-signer
/// is invited, not confirmed on the lead's word.
#[tokio::test(flavor = "multi_thread")]
async fn a_suggestion_submitted_in_the_workspace_is_the_session_deputys() {
    let (tmp, src) = setup();
    let dir = tmp.path();
    let ids: Vec<String> = world(&src).deputies.iter().take(3).map(|d| d.summary.id.clone()).collect();
    let now = parse_at(NOW).unwrap();
    let inbox = dir.join("inbox");
    let store: Arc<dyn Store> = Arc::new(Arc::new(FolderStore::open(&inbox).unwrap()));
    let mut options = deputy_workspace::web::Options::new(src.clone());
    options.clock = Arc::new(move || now);
    let app = deputy_workspace::web::router(options, Arc::new(super::SourceDesk::new(src.clone())), store).unwrap();
    let mut lead = TestClient::at(app, "/workspace/api");
    let code = deputy_workspace::activations(&src).issue(&ids[0], now).unwrap().0;
    let body = json!({ "deputy_id": ids[0], "code": code, "password": PASSWORD });
    assert_eq!(lead.start("/workspace/api/activate", &body).await.0, 200);

    // Someone else as lead in the draft: taken as the session's own.
    let mut d = draft("ws-1", &ids[2], &[&ids[1]]);
    d["cosigners"][0]["confirmed"] = json!(true);
    let (status, done) = lead.post("/workspace/api/suggestion", json!({ "draft": d })).await;
    assert_eq!(status, 200, "{done}");
    // Incomplete, or the lead as co-signer, or no such co-signer: refused, nothing filed.
    let mut empty = draft("ws-2", &ids[0], &[]);
    empty["facts"] = json!("");
    assert_eq!(lead.post("/workspace/api/suggestion", json!({ "draft": empty })).await.0, 422);
    assert_eq!(
        lead.post("/workspace/api/suggestion", json!({ "draft": draft("ws-3", &ids[0], &[&ids[0]]) })).await.0,
        422
    );
    assert_eq!(
        lead.post("/workspace/api/suggestion", json!({ "draft": draft("ws-4", &ids[0], &["nobody"]) })).await.0,
        422
    );
    assert_eq!(std::fs::read_dir(inbox.join("new")).unwrap().count(), 1, "only the good one was filed");

    let opts = Options { deputy: None, now };
    let (src2, location) = (src.clone(), Location::parse(inbox.to_str().unwrap()));
    let run = tokio::task::spawn_blocking(move || ingest_inbox(&src2, &location, &opts).unwrap()).await.unwrap();
    let line = run.outcomes[0].result.as_ref().unwrap().clone();
    assert!(line.contains("建议") && !line.contains("暂存"), "{line}");
    let s = world(&src).suggestions.into_iter().find(|s| s.title == "关于改善乡村道路的建议").unwrap();
    assert_eq!(s.lead.deputy_id, ids[0], "the session's deputy leads it");
    assert_eq!(
        s.cosigners.iter().map(|c| (c.deputy_id.as_str(), c.confirmed)).collect::<Vec<_>>(),
        [(ids[1].as_str(), false)]
    );
    let proof = std::fs::read_to_string(proof::proof_path(&src, done["receipt_code"].as_str().unwrap())).unwrap();
    assert!(proof.contains("\"signed\""), "{proof}");
}

/// The lead rates the unit's reply in the workspace: only the lead, only once replied; ingest
/// records the rating as the lead's signed act.
#[tokio::test(flavor = "multi_thread")]
async fn the_lead_rates_the_reply_and_no_one_else_can() {
    use crate::ingest::{SuggestionStep, reply_suggestion};
    use deputy_model::suggestion::{ResultClass, Status};
    let (tmp, src) = setup();
    let dir = tmp.path();
    let ids: Vec<String> = world(&src).deputies.iter().take(2).map(|d| d.summary.id.clone()).collect();
    let f = signed(dir, &src, "suggestion", &code(310), SENT, draft("draft-310", &ids[0], &[&ids[1]]), &ids[0]);
    let sid = ok(&src, &f, None).split_whitespace().nth(1).unwrap().split('（').next().unwrap().to_string();
    let now = parse_at(NOW).unwrap();
    let inbox = dir.join("inbox");
    let store: Arc<dyn Store> = Arc::new(Arc::new(FolderStore::open(&inbox).unwrap()));
    let mut options = deputy_workspace::web::Options::new(src.clone());
    options.clock = Arc::new(move || now);
    let app = deputy_workspace::web::router(options, Arc::new(super::SourceDesk::new(src.clone())), store).unwrap();
    let mut clients = Vec::new();
    for id in &ids {
        let mut c = TestClient::at(app.clone(), "/workspace/api");
        let code = deputy_workspace::activations(&src).issue(id, now).unwrap().0;
        let body = json!({ "deputy_id": id, "code": code, "password": PASSWORD });
        assert_eq!(c.start("/workspace/api/activate", &body).await.0, 200);
        clients.push(c);
    }
    let rate = json!({ "suggestion_id": sid, "rating": "unsatisfied", "comment": "资金仍未落实" });
    assert_eq!(clients[0].post("/workspace/api/rate", rate.clone()).await.0, 409, "no reply yet");
    for step in [
        SuggestionStep::Register,
        SuggestionStep::Assign { lead_unit: "市交通运输局".into(), co_units: vec![] },
        SuggestionStep::Answer { unit: None, result: ResultClass::B, text: "已列入明年计划。".into() },
    ] {
        reply_suggestion(&src, &sid, step, NOW).unwrap();
    }
    assert_eq!(clients[1].post("/workspace/api/rate", rate.clone()).await.0, 404, "a co-signer is not the lead");
    let (status, done) = clients[0].post("/workspace/api/rate", rate).await;
    assert_eq!(status, 200, "{done}");
    let opts = Options { deputy: None, now };
    let (src2, location) = (src.clone(), Location::parse(inbox.to_str().unwrap()));
    let run = tokio::task::spawn_blocking(move || ingest_inbox(&src2, &location, &opts).unwrap()).await.unwrap();
    assert!(run.outcomes[0].result.is_ok(), "{:?}", run.outcomes[0].result);
    let s = world(&src).suggestions.into_iter().find(|s| s.id == sid).unwrap();
    assert_eq!(s.handling().unwrap().status, Status::Rated);
    // The same rating through the public inbox, unsigned, would only be held.
    let forged = crate::ingest::tests::submission(
        dir,
        "suggestion_rating",
        &code(311),
        SENT,
        json!({ "suggestion_id": sid, "rating": "satisfied" }),
    );
    assert!(ok(&src, &forged, None).contains("暂存待核实"));
}
