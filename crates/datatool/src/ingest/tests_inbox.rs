//! `ingest --from`: the inbox's folder is taken exactly once; refusals stay with their reason.

use std::fs;

use deputy_model::intake::folder;
use serde_json::json;

use super::tests::{NOW, SENT, code, setup, snapshot, world};
use super::*;

#[test]
fn the_inbox_is_ingested_once_and_refusals_keep_their_reason() {
    let (tmp, src) = setup();
    let inbox = tmp.path().join("inbox");
    let new = inbox.join(folder::NEW);
    fs::create_dir_all(&new).unwrap();
    let deputy = world(&src).deputies[0].summary.id.clone();
    let put = |n: u64, version: u32, deputy: &str| {
        let c = code(n);
        let s = json!({"format_version": version, "receipt_code": c, "kind": "message", "created_at": SENT, "title": "t",
            "payload": {"deputy_id": deputy, "subject": "小区路灯长期不亮", "category": "城建", "content": "路灯坏了两个月。",
                "name": "张丽", "phone": "13812345678", "anonymous": false, "publish": true, "consent": true}});
        fs::write(new.join(folder::file_name(&c)), s.to_string()).unwrap();
        c
    };
    let good = put(1, 1, &deputy);
    let unknown = put(2, 1, "no-such-deputy");
    let newer = put(3, 2, &deputy);
    let opts = Options { deputy: None, now: parse_at(NOW).unwrap() };

    let run = ingest_inbox(&src, &deputy_intake::Location::Folder(inbox.clone()), &opts).unwrap();
    assert_eq!(run.outcomes.len(), 3);
    assert_eq!(run.outcomes.iter().filter(|o| o.result.is_ok()).count(), 1);
    assert!(inbox.join(folder::ARCHIVE).join(folder::file_name(&good)).exists(), "the ingested one is archived");
    assert!(!new.join(folder::file_name(&good)).exists());
    assert!(world(&src).messages.iter().any(|m| m.receipt_code == good));
    let reason = |c: &str| fs::read_to_string(new.join(folder::refused_name(c))).unwrap();
    assert!(reason(&unknown).contains("不存在"), "{}", reason(&unknown));
    assert!(reason(&newer).contains("请更新 deputy-data"), "{}", reason(&newer));
    assert!(new.join(folder::file_name(&unknown)).exists(), "a refused one stays");

    // A second run does nothing new.
    let before = snapshot(&src);
    let again = ingest_inbox(&src, &deputy_intake::Location::Folder(inbox.clone()), &opts).unwrap();
    assert!(again.outcomes.is_empty());
    assert_eq!(again.still_refused, 2);
    assert!(snapshot(&src) == before);

    // A run that stopped after saving but before moving: the file is moved, not ingested twice.
    fs::copy(src.join("received").join(folder::file_name(&good)), new.join(folder::file_name(&good))).unwrap();
    let late = ingest_inbox(&src, &deputy_intake::Location::Folder(inbox.clone()), &opts).unwrap();
    assert_eq!((late.outcomes.len(), late.moved_late), (0, 1));
    assert!(!new.join(folder::file_name(&good)).exists());

    // Once the station deletes a reason, the file is tried again.
    fs::remove_file(new.join(folder::refused_name(&unknown))).unwrap();
    let retried = ingest_inbox(&src, &deputy_intake::Location::Folder(inbox.clone()), &opts).unwrap();
    assert_eq!((retried.outcomes.len(), retried.still_refused), (1, 1));
}
