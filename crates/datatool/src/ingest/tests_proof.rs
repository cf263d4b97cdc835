//! Nothing in a deputy's name on anyone's word (issue 33): a suggestion, co-sign or training
//! report through the public inbox is held, never published nor counted; a signed one that was
//! changed, replayed, signed with a revoked key or in another deputy's name is not accepted;
//! the station confirms a held one only by writing down who and how.

use std::fs;

use deputy_accounts::acts::{Envelope, KeyRing};
use deputy_model::suggestion::SuggestionYear;

use super::held::{confirm_held, drop_held, held_items};
use super::tests::{NOW, SENT, code, letter, ok, refused, served, setup, signed, submission, world};
use super::tests_commands::{cosign, draft};
use super::*;

#[test]
fn a_forged_suggestion_and_cosign_through_the_public_inbox_are_held_and_not_published() {
    let (tmp, src) = setup();
    let dir = tmp.path();
    let ids: Vec<String> = world(&src).deputies.iter().take(2).map(|d| d.summary.id.clone()).collect();
    let before = world(&src);
    let forged = submission(dir, "suggestion", &code(90), SENT, draft("forged-1", &ids[0], &[&ids[1]]));
    let forged_cosign = submission(dir, "cosign", &code(91), SENT, cosign("forged-1", &ids[1]));
    for f in [&forged, &forged_cosign] {
        assert!(ok(&src, f, None).contains("暂存待核实，不公开、不计入"));
    }
    let after = world(&src);
    assert_eq!(after.suggestions, before.suggestions, "no suggestion in their names");
    assert_eq!(after.activities, before.activities, "nothing in their duty records");
    let year: SuggestionYear = served(dir, &src, "suggestions/year/2026.json");
    assert!(!year.suggestions.iter().any(|s| s.title == "关于改善乡村道路的建议"));
    let held = held_items(&src).unwrap();
    assert_eq!(held.iter().map(|h| h.receipt_code.as_str()).collect::<Vec<_>>(), [code(90), code(91)]);
    assert!(held.iter().all(|h| h.reason.contains("未经代表本人确认")), "{held:?}");
    // The same again is a duplicate, not a second held copy.
    refused(&src, &[(forged.clone(), "重复")], None);

    // Confirming needs who and how; then it is applied as the station's word, and audited.
    let at = parse_at(NOW).unwrap();
    assert!(
        confirm_held(&src, &code(90), "王丽", " ", None, at).unwrap_err().to_string().contains("如何与代表本人核实")
    );
    let done = confirm_held(&src, &code(90), "王丽", "电话联系代表本人确认", None, at).unwrap();
    assert!(done.contains("已核实") && done.contains("建议"), "{done}");
    let proof = fs::read_to_string(proof::proof_path(&src, &code(90))).unwrap();
    assert!(proof.contains("\"station\"") && proof.contains("王丽") && proof.contains("电话联系"), "{proof}");
    // The forged co-sign is set aside, with the reason; the co-signer stays unconfirmed.
    drop_held(&src, &code(91), "王丽", "代表本人表示未联名").unwrap();
    assert!(held_items(&src).unwrap().is_empty());
    assert!(src.join("held/dropped").join(format!("{}.json", code(91))).exists());
    let s = world(&src).suggestions.into_iter().find(|s| s.title == "关于改善乡村道路的建议").unwrap();
    assert!(!s.cosigners[0].confirmed);
}

#[test]
fn a_signed_act_changed_replayed_or_signed_with_a_revoked_key_is_not_accepted() {
    let (tmp, src) = setup();
    let dir = tmp.path();
    let ids: Vec<String> = world(&src).deputies.iter().take(2).map(|d| d.summary.id.clone()).collect();
    let good = signed(dir, &src, "cosign", &code(100), SENT, cosign("d-100", &ids[0]), &ids[0]);
    // Changed after signing (the co-signer swapped): held, with the reason.
    let mut env: Envelope = serde_json::from_str(&fs::read_to_string(&good).unwrap()).unwrap();
    env.act = env.act.replace(&ids[0], &ids[1]).replace(&code(100), &code(101));
    env.deputy_id = ids[1].clone();
    let changed = dir.join("changed.json");
    fs::write(&changed, serde_json::to_string(&env).unwrap()).unwrap();
    assert!(ok(&src, &changed, None).contains("签名不符"));
    // Accepted once; the same envelope again is a replay.
    assert!(ok(&src, &good, None).contains("已存档"));
    refused(&src, &[(good.clone(), "重复")], None);
    // A revoked key's later acts are held.
    let mut ring = KeyRing::in_dir(&proof::workspace_dir(&src)).unwrap();
    let key = ring.keys()[0].key_id.clone();
    ring.revoke(&key, parse_at("2026-11-28T10:00:00+08:00").unwrap()).unwrap();
    let late = signed(dir, &src, "cosign", &code(102), SENT, cosign("d-102", &ids[0]), &ids[0]);
    assert!(ok(&src, &late, None).contains("已吊销"));
    // The workspace signs deputies' acts only: a letter in a valid envelope is refused.
    let mut ring = KeyRing::in_dir(&proof::workspace_dir(&src)).unwrap();
    ring.revoke(&key, parse_at("2027-01-01T00:00:00+08:00").unwrap()).unwrap();
    let letter = signed(dir, &src, "message", &code(103), SENT, letter(&ids[0]), &ids[0]);
    refused(&src, &[(letter, "工作台只签代表本人的操作")], None);
}
