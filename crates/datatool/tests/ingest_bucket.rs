//! `deputy-data ingest SRC --from s3://…` as a station runs it: the binary, the endpoint and
//! keys in the `AWS_*` variables, a real S3-compatible server (s3s-fs) on loopback.

use std::process::Command;

use deputy_intake::test_server::S3Server;
use deputy_intake::{BucketStore, Key, Store};
use deputy_model::intake::folder;
use deputy_model::receipt;

const SENT: &str = "2026-11-28T10:15:42+08:00";

fn deputy_data(args: &[&str], vars: &[(String, String)]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_deputy-data")).args(args).envs(vars.iter().cloned()).output().unwrap();
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr))
}

#[test]
fn the_command_line_ingests_from_a_bucket_once() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("src");
    let (ok, log) = deputy_data(
        &[
            "generate",
            "--profile",
            "city",
            "--seed",
            "2025",
            "--out",
            &tmp.path().join("out").display().to_string(),
            "--source-out",
            &src.display().to_string(),
        ],
        &[],
    );
    assert!(ok, "{log}");
    let csv = std::fs::read_to_string(src.join("deputies.csv")).unwrap();
    let deputy = csv.lines().nth(1).unwrap().split(',').next().unwrap().to_string();

    let s3 = S3Server::start();
    let url = s3.url("bayannur");
    let store = BucketStore::open_with(&url, s3.vars()).unwrap();
    let code = receipt::code_from_entropy(123_457);
    let letter = serde_json::json!({"format_version": 1, "receipt_code": code, "kind": "message", "created_at": SENT,
        "title": "致代表：路灯", "payload": {"deputy_id": deputy, "subject": "小区路灯长期不亮", "category": "城建",
        "content": "路灯坏了两个月。", "name": "", "phone": "", "anonymous": true, "publish": true, "consent": true}});
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime
        .block_on(
            store.put(Key { receipt_code: code.clone(), created_at: SENT.into() }, letter.to_string().into_bytes()),
        )
        .unwrap();

    let src_arg = src.display().to_string();
    let ingest = ["ingest", src_arg.as_str(), "--from", url.as_str(), "--at", "2026-11-28T12:00:00+08:00"];
    let (ok, log) = deputy_data(&ingest, &s3.vars());
    assert!(ok, "{log}");
    assert!(log.contains(&format!("s3://inbox/bayannur/new/{code}.json")) && log.contains("导入 1 个"), "{log}");
    assert_eq!(s3.objects("bayannur", folder::ARCHIVE), vec![folder::file_name(&code)]);
    assert!(src.join("received").join(folder::file_name(&code)).exists());

    let (ok, log) = deputy_data(&ingest, &s3.vars());
    assert!(ok && log.contains("导入 0 个"), "a second run does nothing new: {log}");
    // Without the keys the bucket refuses, and the command says where.
    let (ok, log) =
        deputy_data(&ingest, &s3.vars().into_iter().filter(|(k, _)| k != "AWS_SECRET_ACCESS_KEY").collect::<Vec<_>>());
    assert!(!ok && log.contains("收件箱 s3://inbox/bayannur"), "{log}");
}
