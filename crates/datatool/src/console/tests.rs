//! The console over a real source folder (the demo city), through its HTTP API as the console
//! app uses it: the inbox with a good letter and a broken file, ingest, forward and answer,
//! two browsers on one letter, the publish summary, the publish, the reply under its receipt
//! code in the published site, and the rollback.

use std::fs;
use std::path::Path;
use std::sync::Arc;

use deputy_console::web::test_client::{Router, Status as StatusCode, TestClient};
use deputy_console::web::{Options, router};
use deputy_intake::Location;
use serde_json::{Value, json};

use super::station::SourceStation;
use crate::ingest::tests::{SENT, code, report, setup, world};

const PASSWORD: &str = "correct horse battery";

/// The demo's data date, the console's clock in these tests.
fn now() -> time::OffsetDateTime {
    deputy_model::clock::parse_timestamp("2026-11-28T12:00:00+08:00").unwrap()
}

/// The console on the demo source `src` (its site folder beside it) with one account, 王丽.
fn console(src: &Path, publish_to: Option<&Path>, inbox: Option<&Path>) -> Router {
    let site_dir = src.with_file_name("site");
    site(&site_dir);
    deputy_console::staff_accounts(src).add("王丽", PASSWORD, now()).unwrap();
    let mut options = Options::new(src.to_path_buf());
    options.clock = Arc::new(now);
    let station = SourceStation {
        src: src.to_path_buf(),
        site: site_dir,
        publish_to: publish_to.map(|p| p.display().to_string()),
        inbox: inbox.map(|p| Location::parse(&p.display().to_string())),
        phases: Default::default(),
    };
    router(options, Arc::new(station))
}

fn site(dir: &Path) {
    fs::create_dir_all(dir).unwrap();
    fs::write(
        dir.join("index.html"),
        "<!doctype html><html><head><title>网上代表之家</title></head><body></body></html>",
    )
    .unwrap();
}

/// A letter as the inbox service stores it (its writer agreed to publishing it).
fn letter(inbox: &Path, code: &str, deputy: &str) {
    letter_with(inbox, code, deputy, true)
}

fn letter_with(inbox: &Path, code: &str, deputy: &str, publish: bool) {
    let s = json!({"format_version": 1, "receipt_code": code, "kind": "message", "created_at": SENT,
        "title": "致代表：小区路灯长期不亮",
        "payload": {"deputy_id": deputy, "subject": "小区路灯长期不亮", "category": "城建", "content": "路灯坏了两个月。",
            "name": "张丽", "phone": "13812345678", "anonymous": false, "publish": publish, "consent": true}});
    fs::write(inbox.join("new").join(format!("{code}.json")), s.to_string()).unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_clerk_ingests_answers_and_publishes_a_letter_from_the_browser() {
    let (tmp, src) = setup();
    let inbox = tmp.path().join("inbox");
    for d in ["new", "archive", "tmp"] {
        fs::create_dir_all(inbox.join(d)).unwrap();
    }
    let www = tmp.path().join("www");
    let deputy = world(&src).deputies[0].summary.id.clone();
    let good = code(901);
    letter(&inbox, &good, &deputy);
    let private = code(903);
    letter_with(&inbox, &private, &deputy, false);
    fs::write(inbox.join("new").join(format!("{}.json", code(902))), "{\"format_version\": 1, \"receipt").unwrap();

    let mut clerk = TestClient::new(console(&src, Some(&www), Some(&inbox)));
    assert_eq!(clerk.sign_in("王丽", PASSWORD).await.0, StatusCode::OK);
    // The site as it is live before the clerk starts: a first publish adds everything. While it
    // runs, the page asks where it is, and is answered at once.
    let copy = |c: &TestClient| c.clone();
    let publishing = {
        let c = copy(&clerk);
        tokio::spawn(async move { c.post("/api/publish", json!({})).await })
    };
    let mut phases: Vec<String> = Vec::new();
    while !publishing.is_finished() {
        let (status, p) = clerk.get("/api/publish/progress").await;
        assert_eq!(status, StatusCode::OK, "{p}");
        assert!(p["done"].as_u64().unwrap() <= p["total"].as_u64().unwrap(), "{p}");
        let phase = p["phase"].as_str().unwrap().to_string();
        if p["running"] == true && !phase.is_empty() && !phases.contains(&phase) {
            phases.push(phase);
        }
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    let (status, first) = publishing.await.unwrap();
    assert_eq!(status, StatusCode::OK, "{first}");
    assert_eq!(phases.first().map(String::as_str), Some("生成网站数据"), "{phases:?}");
    assert_eq!(clerk.get("/api/publish/progress").await.1["running"], false);
    assert!(first["totals"][0].as_u64().unwrap() > 1000, "{}", first["totals"]);
    assert_eq!(first["added"].as_array().unwrap().len(), 200, "lists are cut, the totals are not");

    // 1. The inbox: both files, the broken one without a kind.
    let (status, items) = clerk.get("/api/inbox").await;
    assert_eq!(status, StatusCode::OK, "{items}");
    assert_eq!(items.as_array().unwrap().len(), 3);
    assert_eq!(items[0]["kind"], "message");
    assert!(items.as_array().unwrap().iter().any(|i| i["title"] == "（无法读取的文件）"));
    let (status, run) = clerk.post("/api/inbox/ingest", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{run}");
    assert_eq!(run["message"], "导入 2 件，拒绝 1 件");
    let refused = run["outcomes"].as_array().unwrap().iter().find(|o| o["accepted"] == false).unwrap();
    assert!(!refused["message"].as_str().unwrap().contains("inbox/new"), "the reason, not the path");
    // The refused one stays, with its reason.
    let (_, items) = clerk.get("/api/inbox").await;
    assert_eq!(items.as_array().unwrap().len(), 1);
    assert!(!items[0]["refused"].as_str().unwrap().is_empty());

    // 2. The queue: the new letter with the writer's name and phone for staff.
    let (_, letters) = clerk.get("/api/letters").await;
    let row = letters.as_array().unwrap().iter().find(|l| l["receipt_code"] == good.as_str()).unwrap().clone();
    assert_eq!((row["state"].as_str(), row["open"].as_bool()), (Some("已提交"), Some(true)));
    assert_eq!((row["writer"]["name"].as_str(), row["writer"]["phone"].as_str()), (Some("张丽"), Some("13812345678")));
    assert_eq!(letters[0]["open"], true, "open letters first");
    let v = row["version"].as_u64().unwrap();

    // 3. Forward, then a second browser's answer made on the old version is refused.
    let uri = format!("/api/letters/{good}");
    let (status, done) =
        clerk.post(&uri, json!({"version": v, "action": "forward", "department": "临河区住建局"})).await;
    assert_eq!(status, StatusCode::OK, "{done}");
    let (status, stale) =
        clerk.post(&uri, json!({"version": v, "action": "reply", "by": "代表", "text": "已修好。"})).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(stale["message"].as_str().unwrap().contains("已转交"), "{stale}");
    // A step the state machine does not allow is refused with its reason (an empty reply).
    let (status, _) = clerk.post(&uri, json!({"version": v + 1, "action": "reply", "by": "代表", "text": " "})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let (status, _) = clerk
        .post(&uri, json!({"version": v + 1, "action": "reply", "by": "娜仁其其格代表", "text": "已联系住建局，路灯本周修复。"}))
        .await;
    assert_eq!(status, StatusCode::OK);
    // Kept out of the public Q&A, and back in (its writer agreed); no version needed.
    for public in [false, true] {
        let (status, done) = clerk.post(&uri, json!({"version": 0, "action": "public", "public": public})).await;
        assert_eq!(status, StatusCode::OK, "{done}");
        let (_, letters) = clerk.get("/api/letters").await;
        let row = letters.as_array().unwrap().iter().find(|l| l["receipt_code"] == good.as_str()).unwrap().clone();
        assert_eq!(row["public"], public);
    }
    // A letter whose writer did not agree cannot be published.
    let (status, refused) =
        clerk.post(&format!("/api/letters/{private}"), json!({"version": 1, "action": "public", "public": true})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused["message"].as_str().unwrap().contains("没有同意公开"), "{refused}");

    // 4. Before publishing: what will change, and which letters get their reply.
    let (status, plan) = clerk.get("/api/publish").await;
    assert_eq!(status, StatusCode::OK, "{plan}");
    assert_eq!(plan["replies"], json!([good]));
    assert!(plan["added"].as_array().unwrap().iter().any(|f| f == &format!("data/track/{good}.json")), "{plan}");
    assert!(!www.join(format!("data/track/{good}.json")).exists(), "the plan publishes nothing");
    let (status, done) = clerk.post("/api/publish", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{done}");
    let track: Value =
        serde_json::from_str(&fs::read_to_string(www.join(format!("data/track/{good}.json"))).unwrap()).unwrap();
    assert_eq!(track["events"].as_array().unwrap().last().unwrap()["text"], "已联系住建局，路灯本周修复。");
    let published = fs::read_to_string(www.join(format!("data/track/{good}.json"))).unwrap();
    assert!(!published.contains("13812345678") && !published.contains("张丽"), "no personal data is published");

    // 5. Nothing changed since: the plan is empty. Roll back: the letter's page goes.
    let (_, plan) = clerk.get("/api/publish").await;
    assert_eq!(plan["totals"], json!([0, 0, 0]));
    let (status, done) = clerk.post("/api/publish/rollback", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert!(!www.join(format!("data/track/{good}.json")).exists());

    // Every change is in the audit log, by the clerk, with the receipt code.
    let (_, log) = clerk.get("/api/audit").await;
    let actions: Vec<&str> = log.as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(
        actions,
        [
            "sign-in",
            "publish",
            "inbox-ingest",
            "letter-forward",
            "letter-reply",
            "letter-public",
            "letter-public",
            "publish",
            "rollback"
        ]
    );
    assert_eq!(log[3]["item"], good.as_str());
}

#[tokio::test(flavor = "multi_thread")]
async fn suggestions_offer_only_the_legal_steps_and_take_them_through_the_rules() {
    let (_tmp, src) = setup();
    let mut clerk = TestClient::new(console(&src, None, None));
    clerk.sign_in("王丽", PASSWORD).await;
    // The station's list of units (units.txt), then those assigned before.
    let assigned = crate::source::units::assigned(&world(&src).suggestions);
    assert!(assigned.len() > 3, "{assigned:?}");
    fs::write(src.join("units.txt"), "市政务服务和数据管理局\n\n市交通运输局\n").unwrap();

    let (status, queue) = clerk.get("/api/suggestions").await;
    assert_eq!(status, StatusCode::OK, "{queue}");
    let rows = queue["suggestions"].as_array().unwrap();
    let units: Vec<&str> = queue["units"].as_array().unwrap().iter().map(|u| u.as_str().unwrap()).collect();
    assert_eq!(units[..2], ["市政务服务和数据管理局", "市交通运输局"], "the list first, in its order");
    assert!(assigned.iter().all(|a| units.contains(&a.as_str())), "then every unit assigned before");
    assert_eq!(units.len(), 1 + assigned.len() + usize::from(!assigned.contains("市交通运输局")));
    // Overdue first: days left never decrease down the list.
    let days: Vec<i64> = rows.iter().filter_map(|r| r["days_left"].as_i64()).collect();
    assert!(days.windows(2).all(|w| w[0] <= w[1]), "{days:?}");
    let registered = rows.iter().find(|r| r["next"] == json!(["assign"])).expect("a registered suggestion");
    let (id, v) = (registered["id"].as_str().unwrap(), registered["version"].as_u64().unwrap());
    let uri = format!("/api/suggestions/{id}");
    // A step the rules do not allow now is refused, with the rule's reason.
    let (status, refused) = clerk.post(&uri, json!({"version": v, "step": "close"})).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    let (status, done) = clerk
        .post(&uri, json!({"version": v, "step": "assign", "lead_unit": "市交通运输局", "co_units": ["市财政局"]}))
        .await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert!(done["message"].as_str().unwrap().contains("已交办"), "{done}");
    let (status, _) = clerk.post(&uri, json!({"version": v, "step": "progress", "note": "已调研"})).await;
    assert_eq!(status, StatusCode::CONFLICT, "made on the old version");
    let (_, queue) = clerk.get("/api/suggestions").await;
    let row = queue["suggestions"].as_array().unwrap().iter().find(|r| r["id"] == id).unwrap().clone();
    assert_eq!(row["status"], "已交办");
    assert_eq!(row["next"], json!(["extend", "progress", "answer"]));
    assert_eq!(row["due"], "2027-02-28", "three months after 交办");
    // A step entered later carries the day it happened: not a day to come, and (the rules) not
    // before the last step.
    let v = row["version"].as_u64().unwrap();
    let progress = |at: &str| json!({"version": v, "at": at, "step": "progress", "note": "已调研"});
    let (status, answer) = clerk.post(&uri, progress("2026-11-29")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert!(answer["message"].as_str().unwrap().contains("还没有到"), "{answer}");
    let (status, answer) = clerk.post(&uri, progress("2026-11-27")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{answer}");
    assert!(answer["message"].as_str().unwrap().contains("早于"), "{answer}");
    let (status, answer) = clerk.post(&uri, progress("2026-11-28")).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
}

#[tokio::test(flavor = "multi_thread")]
async fn consultation_results_are_previewed_article_by_article_then_published() {
    let (_tmp, src) = setup();
    let mut clerk = TestClient::new(console(&src, None, None));
    clerk.sign_in("王丽", PASSWORD).await;

    let (status, all) = clerk.get("/api/consultations").await;
    assert_eq!(status, StatusCode::OK, "{all}");
    let all = all.as_array().unwrap();
    let open = all.iter().find(|c| c["phase"] == "征求意见中").unwrap();
    assert_eq!(open["can_publish_result"], false, "not before the period ends");
    let c = all.iter().find(|c| c["can_publish_result"] == true).expect("a consultation whose period is over");
    let id = c["id"].as_str().unwrap();
    let articles = c["articles"].as_array().unwrap();
    // The final text: the draft with a sentence added to its first article.
    let final_text: String = articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let n = deputy_model::consult::chinese_numeral(a[0].as_u64().unwrap() as u32);
            let text = a[1].as_str().unwrap();
            let text =
                if i == 0 { format!("{text}本条所称农村牧区，包括嘎查村。") } else { text.to_string() };
            format!("第{n}条　{text}\n")
        })
        .collect();
    let adoption = json!([{ "article": 0, "result": "partly", "reason": "统一了全文的用语。", "comments": [] }]);
    let uri = format!("/api/consultations/{id}/result");
    let (status, preview) =
        clerk.post(&uri, json!({ "adoption": adoption, "final_text": final_text, "preview": true })).await;
    assert_eq!(status, StatusCode::OK, "{preview}");
    let changes = preview["changes"].as_array().unwrap();
    assert_eq!(changes[0]["kind"], "changed", "{}", changes[0]);
    assert!(changes[1..].iter().all(|ch| ch["kind"] == "unchanged"));
    let (_, again) = clerk.get("/api/consultations").await;
    assert!(
        again.as_array().unwrap().iter().any(|x| x["id"] == id && x["can_publish_result"] == true),
        "a preview saves nothing"
    );
    // A reason left empty is refused with the rule's words; then the real publish.
    let empty = json!([{ "article": 0, "result": "partly", "reason": " ", "comments": [] }]);
    let (status, refused) = clerk.post(&uri, json!({ "adoption": empty, "final_text": final_text })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused["message"].as_str().unwrap().contains("理由"), "{refused}");
    let (status, done) = clerk.post(&uri, json!({ "adoption": adoption, "final_text": final_text })).await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert!(done["message"].as_str().unwrap().contains("已公布结果"), "{done}");
    let (_, log) = clerk.get("/api/audit").await;
    let actions: Vec<&str> = log.as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["sign-in", "consultation-result"], "the preview is not in the log");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_browsers_on_one_letter_one_step_is_taken_the_other_told() {
    let (_tmp, src) = setup();
    let app = console(&src, None, None);
    deputy_console::staff_accounts(&src).add("李明", PASSWORD, now()).unwrap();
    let (mut a, mut b) = (TestClient::new(app.clone()), TestClient::new(app));
    a.sign_in("王丽", PASSWORD).await;
    b.sign_in("李明", PASSWORD).await;
    let (_, letters) = a.get("/api/letters").await;
    let open = letters.as_array().unwrap().iter().find(|l| l["state"] == "已提交").unwrap().clone();
    let (code, v) = (open["receipt_code"].as_str().unwrap().to_string(), open["version"].as_u64().unwrap());
    let uri = format!("/api/letters/{code}");
    // Eight steps at once from each browser, all made on what they saw.
    let mut tasks = Vec::new();
    for i in 0..16 {
        let client = if i % 2 == 0 { &a } else { &b };
        let c = client.clone();
        let uri = uri.clone();
        tasks.push(tokio::spawn(async move {
            c.post(&uri, json!({"version": v, "action": "forward", "department": format!("部门{i}")})).await.0
        }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::OK).count(), 1, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == StatusCode::CONFLICT).count(), 15, "{statuses:?}");
    let (_, letters) = a.get("/api/letters").await;
    let after = letters.as_array().unwrap().iter().find(|l| l["receipt_code"] == code.as_str()).unwrap().clone();
    assert_eq!(after["version"].as_u64().unwrap(), v + 1, "exactly one step was saved");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_consultation_and_a_deputys_training_report_come_in_as_files() {
    let (tmp, src) = setup();
    let mut clerk = TestClient::new(console(&src, None, None));
    clerk.sign_in("王丽", PASSWORD).await;
    // The drafters' source of a consultation, as `publish SRC draft FILE` takes it.
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/consultations/2025-01.json");
    let text = fs::read_to_string(content).unwrap().replacen("\"2025-01\"", "\"2027-01\"", 1);
    let draft = json!({ "name": "2027-01.json", "text": text });
    let (status, done) = clerk.post("/api/consultations", draft.clone()).await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert!(done["message"].as_str().unwrap().contains("已加入征求意见 2027-01"), "{done}");
    let (status, again) = clerk.post("/api/consultations", draft).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "the same id twice");
    assert!(again["message"].as_str().unwrap().contains("已经存在"), "{again}");
    // A training report carries no name: sent without one it is held (not counted); a clerk who
    // names the deputy vouches for it.
    let w = world(&src);
    let deputy = w.activities[0].deputy_id.clone();
    let course = w.training.as_ref().unwrap().courses[0].id.clone();
    let report_file = |n: u64| {
        let file = crate::ingest::tests::submission(tmp.path(), "training", &code(n), SENT, report(2026, 90, &course));
        fs::read_to_string(file).unwrap()
    };
    let upload = |text: String, deputy: Option<&str>| json!({ "files": [{ "name": "training.json", "text": text }], "deputy": deputy });
    let (_, run) = clerk.post("/api/inbox/files", upload(report_file(930), None)).await;
    assert!(run["outcomes"][0]["message"].as_str().unwrap().contains("暂存待核实"), "{run}");
    assert_eq!(world(&src).activities, w.activities, "held: counted for nobody");
    let (status, run) = clerk.post("/api/inbox/files", upload(report_file(931), Some(&deputy))).await;
    assert_eq!((status, &run["message"]), (StatusCode::OK, &json!("导入 1 件，拒绝 0 件")), "{run}");
}

/// A suggestion sent through the public inbox is held; the clerk who phoned the deputy confirms
/// it in 待核实, and its proof names the clerk from the session (not from the request).
#[tokio::test(flavor = "multi_thread")]
async fn a_held_suggestion_is_confirmed_by_the_signed_in_clerk() {
    let (tmp, src) = setup();
    let mut clerk = TestClient::new(console(&src, None, None));
    clerk.sign_in("王丽", PASSWORD).await;
    let lead = world(&src).deputies[0].summary.id.clone();
    let draft = crate::ingest::tests_commands::draft("held-1", &lead, &[]);
    let file = crate::ingest::tests::submission(tmp.path(), "suggestion", &code(940), SENT, draft);
    let upload = json!({ "files": [{ "name": "s.json", "text": fs::read_to_string(file).unwrap() }] });
    let (_, run) = clerk.post("/api/inbox/files", upload).await;
    assert!(run["outcomes"][0]["message"].as_str().unwrap().contains("暂存待核实"), "{run}");
    let before = world(&src).suggestions.len();
    let (status, held) = clerk.get("/api/held").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        (held[0]["receipt_code"].as_str(), held[0]["deputy_id"].as_str()),
        (Some(code(940).as_str()), Some(lead.as_str()))
    );
    let uri = format!("/api/held/{}", code(940));
    let (status, refused) = clerk.post(&uri, json!({ "action": "confirm", "how": "" })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    let (status, done) =
        clerk.post(&uri, json!({ "action": "confirm", "how": "电话联系代表本人确认", "by": "someone else" })).await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert_eq!(world(&src).suggestions.len(), before + 1);
    let proof = fs::read_to_string(crate::ingest::proof::proof_path(&src, &code(940))).unwrap();
    assert!(proof.contains("王丽") && !proof.contains("someone else"), "{proof}");
    let (_, held) = clerk.get("/api/held").await;
    assert_eq!(held.as_array().unwrap().len(), 0);
}
