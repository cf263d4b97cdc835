//! `ingest --from`: the inbox's store is taken exactly once; refusals stay with their reason.
//! The same run on a folder and on a bucket (s3s-fs on loopback).

use std::fs;
use std::path::PathBuf;

use deputy_intake::test_server::S3Server;
use deputy_intake::{BucketStore, FolderStore, Key, Store};
use deputy_model::intake::folder;
use serde_json::json;

use super::inbox::ingest_store;
use super::tests::{NOW, SENT, code, setup, snapshot, world};
use super::*;

fn block<T>(f: impl std::future::Future<Output = T>) -> T {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(f)
}

/// What the inbox would have stored; returns the receipt code.
fn put(store: &dyn Store, n: u64, version: u32, deputy: &str) -> String {
    let c = code(n);
    let s = json!({"format_version": version, "receipt_code": c, "kind": "message", "created_at": SENT, "title": "t",
        "payload": {"deputy_id": deputy, "subject": "小区路灯长期不亮", "category": "城建", "content": "路灯坏了两个月。",
            "name": "张丽", "phone": "13812345678", "anonymous": false, "publish": true, "consent": true}});
    let key = Key { receipt_code: c.clone(), created_at: SENT.into() };
    block(store.put(key, s.to_string().into_bytes())).unwrap();
    c
}

/// The whole routine on one store: `waiting` tells where things are, whatever the back end.
fn ingested_once_with_refusals_kept(store: &dyn Store, delete_reason: &dyn Fn(&str)) {
    let (_tmp, src) = setup();
    let deputy = world(&src).deputies[0].summary.id.clone();
    let good = put(store, 1, 1, &deputy);
    let unknown = put(store, 2, 1, "no-such-deputy");
    let newer = put(store, 3, 2, &deputy);
    let opts = Options { deputy: None, now: parse_at(NOW).unwrap() };
    let waiting = |c: &str| block(store.waiting()).unwrap().into_iter().find(|w| w.receipt_code == c);

    let run = ingest_store(&src, store, "inbox", &opts).unwrap();
    assert_eq!(run.outcomes.len(), 3);
    assert_eq!(run.outcomes.iter().filter(|o| o.result.is_ok()).count(), 1);
    assert!(waiting(&good).is_none(), "the ingested one is archived");
    assert!(world(&src).messages.iter().any(|m| m.receipt_code == good));
    let refused =
        run.outcomes.iter().filter_map(|o| o.result.as_ref().err()).map(|e| format!("{e:#}")).collect::<Vec<_>>();
    assert!(refused.iter().any(|r| r.contains("不存在")), "{refused:?}");
    assert!(refused.iter().any(|r| r.contains("请更新 deputy-data")), "{refused:?}");
    assert!(waiting(&unknown).is_some_and(|w| w.refused), "a refused one stays, with its reason");
    assert!(waiting(&newer).is_some_and(|w| w.refused));

    // A second run does nothing new.
    let before = snapshot(&src);
    let again = ingest_store(&src, store, "inbox", &opts).unwrap();
    assert!(again.outcomes.is_empty());
    assert_eq!(again.still_refused, 2);
    assert!(snapshot(&src) == before);

    // A run that stopped after saving but before moving: it is moved, not ingested twice.
    let late = put(store, 4, 1, &deputy);
    let text = String::from_utf8(block(store.read(&late)).unwrap()).unwrap();
    assert!(ingest_texts(&src, [(PathBuf::from("late"), Ok(text))], &opts).unwrap()[0].result.is_ok());
    let before = snapshot(&src);
    let moved = ingest_store(&src, store, "inbox", &opts).unwrap();
    assert_eq!((moved.outcomes.len(), moved.moved_late), (0, 1));
    assert!(waiting(&late).is_none());
    assert!(snapshot(&src) == before);

    // Once the station deletes a reason, it is tried again.
    delete_reason(&unknown);
    let retried = ingest_store(&src, store, "inbox", &opts).unwrap();
    assert_eq!((retried.outcomes.len(), retried.still_refused), (1, 1));
}

#[test]
fn a_folder_inbox_is_ingested_once_and_refusals_keep_their_reason() {
    let dir = tempfile::tempdir().unwrap();
    let store = std::sync::Arc::new(FolderStore::open(dir.path()).unwrap());
    let new = dir.path().join(folder::NEW);
    ingested_once_with_refusals_kept(&store, &|c| fs::remove_file(new.join(folder::refused_name(c))).unwrap());
    // In the folder's layout, as docs/operations.md describes it.
    assert!(dir.path().join(folder::ARCHIVE).join(folder::file_name(&code(1))).exists());
    assert!(new.join(folder::file_name(&code(2))).exists());
}

#[test]
fn a_bucket_inbox_is_ingested_once_and_refusals_keep_their_reason() {
    let s3 = S3Server::start();
    let store = BucketStore::open_with(&s3.url("bayannur"), s3.vars()).unwrap();
    // s3s-fs keeps each object as a file: deleting it is deleting the object.
    let new = s3.bucket_dir().join("bayannur").join(folder::NEW);
    ingested_once_with_refusals_kept(&store, &|c| fs::remove_file(new.join(folder::refused_name(c))).unwrap());
    assert_eq!(s3.objects("bayannur", folder::ARCHIVE), vec![folder::file_name(&code(1)), folder::file_name(&code(4))]);
}
