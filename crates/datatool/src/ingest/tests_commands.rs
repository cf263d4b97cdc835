//! Suggestions (ingest, co-signers, the handling by `reply`) and publishing a consultation's
//! results: happy paths to the served files, and refusals that change nothing.

use std::fs;
use std::path::Path;

use deputy_model::consult::{ChangeKind, Consultation, Phase};
use deputy_model::message::Rating;
use deputy_model::suggestion::{ResultClass, Status, Suggestion, SuggestionYear};
use serde_json::{Value, json};

use super::tests::{SENT, code, ok, refused, served, setup, signed, snapshot, submission, truncated, world};
use super::*;

pub(crate) fn draft(id: &str, lead: &str, cosigners: &[&str]) -> Value {
    let cs: Vec<Value> = cosigners.iter().map(|c| json!({"deputy_id": c, "name": "x", "confirmed": true})).collect();
    json!({
        "id": id, "title": "关于改善乡村道路的建议", "category": "城乡建设与资源环境",
        "lead_id": lead, "lead_name": "x", "facts": "村道年久失修。\n雨天难行。", "analysis": "养护资金不足。",
        "proposals": "1. 设立养护专项资金\n2、建立村道巡查制度", "suggested_unit": "市交通运输局",
        "attachments": "", "cosigners": cs, "exclusions": [true, true, true, true],
        "updated_at": "2026-11-28T10:00:00+08:00",
        "proposal_list": ["设立养护专项资金", "建立村道巡查制度"],
    })
}

pub(crate) fn cosign(draft_id: &str, cosigner: &str) -> Value {
    json!({"draft_id": draft_id, "cosigner_id": cosigner, "cosigner_name": "x", "title": "t", "lead": "x"})
}

fn suggestion(src: &Path, id: &str) -> Suggestion {
    world(src).suggestions.into_iter().find(|s| s.id == id).unwrap()
}

#[test]
fn suggestions_with_cosigners_and_a_letter() {
    let (tmp, src) = setup();
    let dir = tmp.path();
    let w = world(&src);
    let ids: Vec<String> = w.deputies.iter().take(4).map(|d| d.summary.id.clone()).collect();
    let letter = w.messages.iter().find(|m| m.public && m.suggestion_id.is_none()).unwrap();
    let (from, from_code) = (format!("m-{}", &letter.receipt_code[..6]), letter.receipt_code.clone());
    let last = w.suggestions.iter().filter_map(|s| s.id.strip_prefix("2026-")?.parse::<u32>().ok()).max().unwrap_or(0);
    let expected = format!("2026-{:04}", last + 1);
    // A co-signer confirms in their own session before the suggestion arrives …
    let early = signed(dir, &src, "cosign", &code(50), SENT, cosign("draft-1", &ids[1]), &ids[1]);
    assert!(ok(&src, &early, None).contains("建议导入后"));
    let mut d = draft("draft-1", &ids[0], &[&ids[1], &ids[2]]);
    d["from_message"] = json!(from);
    let f = signed(dir, &src, "suggestion", &code(51), SENT, d, &ids[0]);
    assert!(ok(&src, &f, None).contains(&expected));
    let s = suggestion(&src, &expected);
    assert_eq!(s.handling().unwrap().status, Status::Submitted);
    assert_eq!(s.proposals, ["设立养护专项资金", "建立村道巡查制度"]);
    assert_eq!(s.facts.len(), 2);
    // … the draft's own "confirmed" does not count, the received confirmation does.
    assert_eq!(s.cosigners.iter().map(|c| c.confirmed).collect::<Vec<_>>(), [true, false]);
    // … and the other confirms afterwards.
    assert!(
        ok(&src, &signed(dir, &src, "cosign", &code(52), SENT, cosign("draft-1", &ids[2]), &ids[2]), None)
            .contains(&expected)
    );
    assert!(suggestion(&src, &expected).cosigners.iter().all(|c| c.confirmed));
    // The lead and both co-signers have it in their duty records (履职档案), once each.
    let records = world(&src).activities;
    for (who, role) in [(&ids[0], "领衔提出"), (&ids[1], "联名提出"), (&ids[2], "联名提出")] {
        let r = records.iter().find(|r| &r.deputy_id == who).expect("a duty record");
        let entries: Vec<_> =
            r.activities.iter().filter(|a| a.suggestion_id.as_deref() == Some(expected.as_str())).collect();
        assert_eq!(entries.len(), 1, "{who}: one entry");
        assert!(entries[0].title.starts_with(role), "{who}: {}", entries[0].title);
    }
    assert!(
        !records.iter().any(|r| r.deputy_id == ids[3]
            && r.activities.iter().any(|a| a.suggestion_id.as_deref() == Some(expected.as_str())))
    );
    // Built: in the year's list and on its page, linked with the letter both ways.
    let year: SuggestionYear = served(dir, &src, "suggestions/year/2026.json");
    assert!(year.suggestions.iter().any(|x| x.id == expected && x.status == Status::Submitted));
    let page: Suggestion =
        serde_json::from_str(&fs::read_to_string(dir.join(format!("data/suggestions/{expected}.json"))).unwrap())
            .unwrap();
    assert_eq!(page.from_message.as_ref().map(|m| m.id.as_str()), Some(from.as_str()));
    let m = world(&src).messages.into_iter().find(|m| m.receipt_code == from_code).unwrap();
    assert_eq!(m.suggestion_id.as_deref(), Some(expected.as_str()));

    // Refusals.
    let mut long = draft("draft-2", &ids[0], &[]);
    long["title"] = json!("长".repeat(61));
    let mut no_exclusion = draft("draft-3", &ids[0], &[]);
    no_exclusion["exclusions"] = json!([true, true, false, true]);
    let mut wrong_type = draft("draft-4", &ids[0], &[]);
    wrong_type["exclusions"] = json!("all");
    let mut used_letter = draft("draft-5", &ids[0], &[]);
    used_letter["from_message"] = json!(from);
    let mut no_letter = draft("draft-6", &ids[0], &[]);
    no_letter["from_message"] = json!("m-zzzzzz");
    let mut control = draft("draft-b", &ids[0], &[]);
    control["title"] = json!("关于\u{7}道路的建议");
    let mut mismatch = draft("draft-7", &ids[0], &[]);
    mismatch["proposal_list"] = json!(["别的"]);
    let lead = |n: u64, d: Value| signed(dir, &src, "suggestion", &code(n), SENT, d, &ids[0]);
    let co = |n: u64, d: Value, who: &str| signed(dir, &src, "cosign", &code(n), SENT, d, who);
    refused(
        &src,
        &[
            (f.clone(), "重复"),
            (lead(60, draft("draft-1", &ids[0], &[])), "已经作为建议"),
            (truncated(dir, &f), "不完整"),
            (
                signed(dir, &src, "suggestion", &code(61), SENT, draft("draft-8", "nobody-1", &[]), "nobody-1"),
                "payload.lead_id",
            ),
            (lead(62, draft("draft-9", &ids[0], &["nobody-2"])), "nobody-2"),
            (lead(63, draft("draft-a", &ids[0], &[&ids[0]])), "领衔代表"),
            (lead(64, long), "payload.title"),
            (lead(65, no_exclusion), "payload.exclusions[2]"),
            (lead(66, wrong_type), "payload.exclusions"),
            (lead(67, used_letter), "已经转为建议"),
            (lead(68, no_letter), "m-zzzzzz"),
            (lead(69, mismatch), "proposal_list"),
            (lead(73, control), "控制字符"),
            (co(70, cosign("draft-1", &ids[2]), &ids[2]), "重复"),
            (co(71, cosign("draft-1", &ids[3]), &ids[3]), "不是建议"),
            (co(72, cosign("draft-1", "nobody-3"), "nobody-3"), "nobody-3"),
            // Signed, but in another deputy's name: refused outright.
            (
                signed(dir, &src, "suggestion", &code(74), SENT, draft("draft-c", &ids[0], &[]), &ids[3]),
                "不能以他人名义",
            ),
            (co(75, cosign("draft-1", &ids[3]), &ids[1]), "不能以他人名义"),
        ],
        None,
    );
}

/// Run one handling step; on refusal, check the message and that nothing changed.
fn step(src: &Path, id: &str, s: SuggestionStep, at: &str) -> Result<String, String> {
    let before = snapshot(src);
    let r = reply_suggestion(src, id, s, at).map_err(|e| format!("{e:#}"));
    if r.is_err() {
        assert!(snapshot(src) == before, "a refused step changed the source");
    }
    r
}

#[test]
fn suggestion_handling_step_by_step() {
    let (tmp, src) = setup();
    let dir = tmp.path();
    let lead = world(&src).deputies[0].summary.id.clone();
    let out = ok(&src, &signed(dir, &src, "suggestion", &code(80), SENT, draft("d-80", &lead, &[]), &lead), None);
    let id = out.split_whitespace().nth(1).unwrap().split('（').next().unwrap().to_string();
    let at = |d: &str| format!("{d}T10:00:00+08:00");
    // Illegal first steps name the current state.
    let e = step(&src, &id, SuggestionStep::Close, &at("2026-11-29")).unwrap_err();
    assert!(e.contains("当前状态 已提交") && e.contains("办结"), "{e}");
    let answer = |text: &str| SuggestionStep::Answer { unit: None, result: ResultClass::B, text: text.into() };
    assert!(step(&src, &id, answer("x"), &at("2026-11-29")).unwrap_err().contains("还没有交办"));
    assert!(step(&src, "2026-9999", SuggestionStep::Register, &at("2026-11-29")).unwrap_err().contains("不存在"));
    step(&src, &id, SuggestionStep::Register, &at("2026-11-29")).unwrap();
    let assign =
        SuggestionStep::Assign { lead_unit: "市交通运输局".into(), co_units: vec!["市财政局".into()] };
    assert!(step(&src, &id, assign, &at("2026-11-30")).unwrap().contains("已交办"));
    let too_long = SuggestionStep::Extend { months: 7, reason: "跨年度预算".into() };
    assert!(step(&src, &id, too_long, &at("2026-12-01")).unwrap_err().contains("4 至 6"));
    step(&src, &id, SuggestionStep::Extend { months: 5, reason: "跨年度预算".into() }, &at("2026-12-01")).unwrap();
    step(&src, &id, SuggestionStep::Progress { note: "已开展调研".into() }, &at("2026-12-02")).unwrap();
    // Dates may not go back.
    assert!(step(&src, &id, answer("x"), &at("2026-11-01")).unwrap_err().contains("早于"));
    step(&src, &id, answer("已列入明年计划。"), &at("2027-01-10")).unwrap();
    let unsatisfied = || SuggestionStep::Rate { rating: Rating::Unsatisfied, comment: "未落实".into() };
    step(&src, &id, unsatisfied(), &at("2027-01-12")).unwrap();
    // 不满意 cannot be closed straight away.
    assert!(step(&src, &id, SuggestionStep::Close, &at("2027-01-13")).unwrap_err().contains("先重办"));
    step(&src, &id, SuggestionStep::Reopen { reason: "代表不满意".into() }, &at("2027-01-13")).unwrap();
    let a = SuggestionStep::Answer { unit: None, result: ResultClass::A, text: "已落实资金。".into() };
    step(&src, &id, a, &at("2027-02-20")).unwrap();
    step(&src, &id, SuggestionStep::Rate { rating: Rating::Satisfied, comment: String::new() }, &at("2027-02-21"))
        .unwrap();
    assert!(
        step(&src, &id, SuggestionStep::Reopen { reason: "x".into() }, &at("2027-02-22"))
            .unwrap_err()
            .contains("不满意")
    );
    assert!(step(&src, &id, SuggestionStep::Close, &at("2027-02-22")).unwrap().contains("已办结"));
    let page: Suggestion = served(dir, &src, &format!("suggestions/{id}.json"));
    let h = page.handling().unwrap();
    assert_eq!((h.status, h.replies), (Status::Closed, 2));
    assert_eq!(page.lead_unit(), Some("市交通运输局"));
    assert_eq!(page.last_rating(), Some(Rating::Satisfied));
}

fn adoption(dir: &Path, lines: Value) -> std::path::PathBuf {
    let p = dir.join(format!("adoption-{}.json", lines.to_string().len()));
    fs::write(&p, serde_json::to_string_pretty(&lines).unwrap()).unwrap();
    p
}

#[test]
fn publish_consultation_results_and_final_text() {
    let (tmp, src) = setup();
    let dir = tmp.path();
    let c = code(90);
    ok(&src, &submission(dir, "comment", &c, SENT, super::tests::comment("2025-01", 12, "")), None);
    let draft_text = {
        let raw: Value = serde_json::from_str(
            &fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/consultations/2025-01.json"))
                .unwrap(),
        )
        .unwrap();
        raw["draft"].as_str().unwrap().to_string()
    };
    let article12 = draft_text.lines().find(|l| l.starts_with("第十二条")).unwrap().to_string();
    let final_text = draft_text.replacen(&article12, &format!("{article12}早晚高峰时段以外，社会车辆可以通行。"), 1);
    let final_file = dir.join("final.txt");
    fs::write(&final_file, &final_text).unwrap();
    let good = adoption(
        dir,
        json!([{"article": 12, "result": "partly", "reason": "高峰时段以外允许社会车辆通行。", "comments": [c]}]),
    );
    let after_close = "2026-12-22T09:00:00+08:00";
    let refuse = |adopt: &Path, fin: Option<&Path>, at: &str, want: &str| {
        let before = snapshot(&src);
        let e = format!("{:#}", publish_consultation(&src, "2025-01", adopt, fin, at).unwrap_err());
        assert!(e.contains(want), "{e} should mention {want}");
        assert!(snapshot(&src) == before);
    };
    // Not before the period ends (the closing day, Beijing time, included).
    refuse(&good, None, "2026-12-20T23:30:00+08:00", "截止前");
    refuse(
        &adoption(dir, json!([{"article": 999, "result": "adopted", "reason": "r"}])),
        None,
        after_close,
        "第 999 条",
    );
    refuse(
        &adoption(dir, json!([{"article": 1, "result": "adopted", "reason": "r", "comments": [code(91)]}])),
        None,
        after_close,
        &code(91),
    );
    refuse(&adoption(dir, json!([{"article": 1, "result": "maybe", "reason": "r"}])), None, after_close, "[0].result");
    refuse(&truncated(dir, &good), None, after_close, "不完整");
    let bad_final = dir.join("bad-final.txt");
    fs::write(&bad_final, "第一条　甲。\n第三条　乙。").unwrap();
    refuse(&good, Some(&bad_final), after_close, "第 2 行");
    assert!(
        format!("{:#}", publish_consultation(&src, "2099-01", &good, None, after_close).unwrap_err())
            .contains("不存在")
    );
    // Results first (意见汇总中), then the final text (已公布结果) with the comparison.
    publish_consultation(&src, "2025-01", &good, None, after_close).unwrap();
    let page: Consultation = served(dir, &src, "consultations/2025-01.json");
    assert_eq!(page.summary.phase, Phase::Summarizing);
    assert_eq!(page.adoption[0].comments, ["建议公交专用道只在早晚高峰启用。"]);
    publish_consultation(&src, "2025-01", &good, Some(&final_file), "2027-01-05T09:00:00+08:00").unwrap();
    let page: Consultation = served(dir, &src, "consultations/2025-01.json");
    assert_eq!(page.summary.phase, Phase::Published);
    let changed: Vec<_> = page.changes.iter().filter(|x| x.kind == ChangeKind::Changed).collect();
    assert_eq!(changed.len(), 1);
    assert_eq!(changed[0].draft_article, Some(12));
    // Published is final.
    refuse(&good, Some(&final_file), "2027-01-06T09:00:00+08:00", "已公布结果");
}
