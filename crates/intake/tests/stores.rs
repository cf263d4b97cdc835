//! Both back ends keep one contract, tested the same way: the folder in a temporary directory,
//! the bucket on a real S3-compatible server (s3s-fs) on loopback.

use std::sync::Arc;

use deputy_intake::test_server::S3Server;
use deputy_intake::{BucketStore, FolderStore, Key, Put, Store, StoreError, Waiting};

fn key(code: &str, at: &str) -> Key {
    Key { receipt_code: code.into(), created_at: at.into() }
}

fn body(code: &str, at: &str) -> Vec<u8> {
    format!(r#"{{"receipt_code":"{code}","created_at":"{at}","title":"路灯 ᠮᠣᠩᠭᠣᠯ"}}"#).into_bytes()
}

const T1: &str = "2026-11-28T10:00:00+08:00";
const T2: &str = "2026-11-28T11:00:00+08:00";

async fn contract(store: Arc<dyn Store>) {
    store.check().await.expect("a working store");
    assert!(store.waiting().await.unwrap().is_empty());

    // Stored once; the same submission again is a repeat; another with its code a conflict.
    assert_eq!(store.put(key("111", T1), body("111", T1)).await.unwrap(), Put::Stored);
    assert_eq!(store.put(key("111", T1), body("111", T1)).await.unwrap(), Put::Repeat);
    assert!(matches!(store.put(key("111", T2), body("111", T2)).await, Err(StoreError::Conflict)));
    assert_eq!(store.put(key("222", T1), body("222", T1)).await.unwrap(), Put::Stored);
    assert_eq!(store.read("111").await.unwrap(), body("111", T1), "the bytes as sent");

    // Ingest's side: refuse one, archive the other.
    store.refuse("222", "字段 payload.deputy_id：代表 x 不存在").await.unwrap();
    let waiting = store.waiting().await.unwrap();
    assert_eq!(
        waiting,
        vec![
            Waiting { receipt_code: "111".into(), refused: false },
            Waiting { receipt_code: "222".into(), refused: true }
        ]
    );
    store.archive("111").await.unwrap();
    assert_eq!(store.waiting().await.unwrap().len(), 1);
    // Archived, it is still known: a late repeat is not stored again, a reuse of its code refused.
    assert_eq!(store.put(key("111", T1), body("111", T1)).await.unwrap(), Put::Repeat);
    assert!(matches!(store.put(key("111", T2), body("111", T2)).await, Err(StoreError::Conflict)));
    // Archiving a refused one (the station fixed the source) takes its reason away too.
    store.archive("222").await.unwrap();
    assert!(store.waiting().await.unwrap().is_empty());
    assert!(store.name("333").ends_with("new/333.json"), "{}", store.name("333"));
}

/// Puts from two clients (two inbox instances) at once: every submission stored exactly once,
/// and each repeat sent to both instances acknowledged by both.
async fn two_writers(a: Arc<dyn Store>, b: Arc<dyn Store>) {
    let mut tasks = Vec::new();
    for n in 0..40 {
        for store in [a.clone(), b.clone()] {
            let code = format!("{:03}", 500 + n);
            tasks.push(tokio::spawn(async move { store.put(key(&code, T1), body(&code, T1)).await }));
        }
    }
    let mut stored = 0;
    for task in tasks {
        match task.await.unwrap().expect("both writers succeed") {
            Put::Stored => stored += 1,
            Put::Repeat => {}
        }
    }
    let waiting = a.waiting().await.unwrap();
    assert_eq!(waiting.len(), 40);
    assert!(stored >= 40, "each one stored at least once: {stored}");
    for w in waiting {
        assert_eq!(a.read(&w.receipt_code).await.unwrap(), body(&w.receipt_code, T1));
    }
}

#[tokio::test]
async fn the_folder_keeps_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    contract(Arc::new(Arc::new(FolderStore::open(dir.path()).unwrap()))).await;
    let other = tempfile::tempdir().unwrap();
    let open = || -> Arc<dyn Store> { Arc::new(Arc::new(FolderStore::open(other.path()).unwrap())) };
    two_writers(open(), open()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_bucket_keeps_the_contract() {
    let server = S3Server::start();
    let open = |prefix: &str| -> Arc<dyn Store> {
        Arc::new(BucketStore::open_with(&server.url(prefix), server.vars()).unwrap())
    };
    contract(open("bayannur/inbox")).await;
    // Where the objects are: under the prefix, in the layout the docs give.
    assert_eq!(server.objects("bayannur/inbox", "archive"), vec!["111.json", "222.json"]);
    two_writers(open("shared"), open("shared")).await;
    assert_eq!(server.objects("shared", "new").len(), 40);
}

#[tokio::test]
async fn a_bucket_that_is_down_is_unavailable_and_comes_back() {
    let mut server = S3Server::start();
    let store = BucketStore::open_with(&server.url("p"), server.vars()).unwrap();
    assert_eq!(store.put(key("111", T1), body("111", T1)).await.unwrap(), Put::Stored);
    server.stop();
    assert!(matches!(store.check().await, Err(StoreError::Unavailable(_))));
    assert!(matches!(store.put(key("222", T1), body("222", T1)).await, Err(StoreError::Unavailable(_))));
    server.restart();
    store.check().await.expect("back");
    assert_eq!(store.put(key("222", T1), body("222", T1)).await.unwrap(), Put::Stored);
    assert_eq!(store.waiting().await.unwrap().len(), 2);
}

#[test]
fn a_bad_bucket_url_is_refused_with_its_reason() {
    for url in ["s3://", "s3:///prefix"] {
        let e = BucketStore::open_with(url, Vec::new()).err().expect("refused");
        assert!(e.to_string().contains("no bucket"), "{e}");
    }
}
