//! A second city's first source folder, written by hand from docs/data-format.md ("Source
//! folder"): only the required files. `build` takes it, `validate` passes the result, and the
//! first `ingest` works before any letter file exists.

use std::fs;
use std::path::Path;
use std::process::Command;

fn deputy_data(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_deputy-data")).args(args).output().unwrap();
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr))
}

fn write_city(src: &Path) {
    fs::create_dir_all(src).unwrap();
    fs::write(
        src.join("site.json"),
        r#"{"format_version": 1, "name": "乌海市网上代表之家", "host": "乌海市人大常委会",
  "region_code": "150300", "region_name": "乌海市",
  "contact": {"phone": "0473-3990000", "email": "rd@wuhai.example.gov.cn", "address": "乌海市海勃湾区", "hours": "工作日 8:30—12:00"},
  "message_categories": ["民生", "其他"], "updated_at": "2026-11-28T09:00:00+08:00"}"#,
    )
    .unwrap();
    fs::write(
        src.join("regions.json"),
        r#"[
 {"format_version": 1, "code": "150300", "name": "乌海市", "kind": "city",
  "path": [{"code": "150000", "name": "内蒙古自治区", "kind": "province"}],
  "children": [{"code": "150302", "name": "海勃湾区", "kind": "district"}]},
 {"format_version": 1, "code": "150302", "name": "海勃湾区", "kind": "district",
  "path": [{"code": "150000", "name": "内蒙古自治区", "kind": "province"}, {"code": "150300", "name": "乌海市", "kind": "city"}],
  "children": []}
]"#,
    )
    .unwrap();
    fs::write(
        src.join("deputies.csv"),
        "id,name,name_mn,level,region_code,region_name,title,group_id,station_id,gender,ethnicity,term,constituency,photo,bio,represents\n\
         wh-0001,李海燕,,city,150302,海勃湾区,海勃湾区某社区党委书记,,s-150300,female,汉族,第十届,海勃湾区,,长期从事社区工作。,150302\n",
    )
    .unwrap();
    fs::write(
        src.join("stations.csv"),
        "id,name,tier,region_code,region_name,parent_id,address,phone,opening_hours,deputy_ids\n\
         s-150300,乌海市人大代表联络总站,city_hub,150300,乌海市,,乌海市海勃湾区人民路,0473-3990001,工作日 8:30—12:00,wh-0001\n",
    )
    .unwrap();
}

#[test]
fn a_minimal_hand_written_folder_builds_validates_and_takes_a_first_letter() {
    let tmp = tempfile::tempdir().unwrap();
    let (src, out) = (tmp.path().join("src"), tmp.path().join("data"));
    write_city(&src);
    let (ok, log) = deputy_data(&["build", &src.display().to_string(), &out.display().to_string()]);
    assert!(ok, "build of the minimal folder: {log}");
    let (ok, log) = deputy_data(&["validate", &out.display().to_string()]);
    assert!(ok, "validate: {log}");
    assert!(out.join("deputies/wh-0001.json").exists());

    let letter = tmp.path().join("letter.json");
    let code = deputy_model::receipt::code_from_entropy(123_457);
    fs::write(
        &letter,
        serde_json::json!({"format_version": 1, "receipt_code": code, "kind": "message", "created_at": "2026-11-28T10:15:42+08:00",
            "title": "致 李海燕：路灯", "payload": {"deputy_id": "wh-0001", "subject": "小区路灯不亮", "category": "民生",
            "content": "路灯坏了两周。", "name": "", "phone": "", "anonymous": true, "publish": false, "consent": true}})
        .to_string(),
    )
    .unwrap();
    let (ok, log) = deputy_data(&[
        "ingest",
        &src.display().to_string(),
        &letter.display().to_string(),
        "--at",
        "2026-11-28T12:00:00+08:00",
    ]);
    assert!(ok, "the first ingest, before messages.json exists: {log}");
    assert!(src.join("messages.json").exists(), "ingest writes the file it needs");
    let (ok, log) = deputy_data(&["build", &src.display().to_string(), &out.display().to_string()]);
    assert!(ok, "{log}");
    assert!(out.join(format!("track/{code}.json")).exists());
}

#[test]
fn spreadsheet_slips_are_trimmed_derived_or_refused_with_their_line() {
    let tmp = tempfile::tempdir().unwrap();
    let (src, out) = (tmp.path().join("src"), tmp.path().join("data"));
    write_city(&src);
    let build = || deputy_data(&["build", &src.display().to_string(), &out.display().to_string()]);
    // A stray space after an id and around a phone number; an empty region_name and an empty
    // reception deputy_name: trimmed and derived.
    fs::write(
        src.join("stations.csv"),
        "id,name,tier,region_code,region_name,parent_id,address,phone,opening_hours,deputy_ids\n\
         s-150300 ,乌海市人大代表联络总站,city_hub,150300,,,乌海市海勃湾区人民路, 0473-3990001 ,工作日 8:30—12:00,wh-0001 \n",
    )
    .unwrap();
    fs::write(
        src.join("receptions.csv"),
        "station_id,date,time,deputy_id,deputy_name\ns-150300,2026-11-30,09:00-11:30,wh-0001,\n",
    )
    .unwrap();
    let (ok, log) = build();
    assert!(ok, "{log}");
    let station: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("stations/s-150300.json")).unwrap()).unwrap();
    assert_eq!(station["phone"], "0473-3990001");
    assert_eq!(station["region_name"], "乌海市", "derived from region_code");
    assert_eq!(station["receptions"][0]["deputy_name"], "李海燕", "derived from deputy_id");

    // Contradictions are refused, naming the file, the line and the field; OUT is kept.
    fs::write(
        src.join("receptions.csv"),
        "station_id,date,time,deputy_id,deputy_name\ns-150300,2026-11-30,09:00-11:30,wh-0001,王芳\n",
    )
    .unwrap();
    let (ok, log) = build();
    assert!(!ok && log.contains("receptions.csv 第 2 行：字段 deputy_name：王芳"), "{log}");
    fs::remove_file(src.join("receptions.csv")).unwrap();
    let csv = fs::read_to_string(src.join("deputies.csv"))
        .unwrap()
        .replace(",150302,海勃湾区,海勃湾区某", ",150302,乌达区,海勃湾区某");
    fs::write(src.join("deputies.csv"), csv).unwrap();
    let (ok, log) = build();
    assert!(
        !ok && log.contains("deputies.csv 第 2 行：字段 region_name：乌达区 与 region_code 150302（海勃湾区）不符"),
        "{log}"
    );
    assert!(out.join("stations/s-150300.json").exists(), "a refused build leaves OUT as it was");
}

#[test]
fn a_csv_saved_in_gbk_is_named_as_such_with_its_column() {
    let tmp = tempfile::tempdir().unwrap();
    let (src, out) = (tmp.path().join("src"), tmp.path().join("data"));
    write_city(&src);
    // "李海燕" in GBK, as Excel saves "CSV" on a Chinese Windows.
    let mut gbk = b"id,name,name_mn,level,region_code,region_name,title,group_id,station_id,gender,ethnicity,term,constituency,photo,bio,represents\nwh-0001,".to_vec();
    gbk.extend_from_slice(&[0xC0, 0xEE, 0xBA, 0xA3, 0xD1, 0xE0]);
    gbk.extend_from_slice(b",,city,150302,,t,,s-150300,female,,,,,b,150302\n");
    fs::write(src.join("deputies.csv"), gbk).unwrap();
    let (ok, log) = deputy_data(&["build", &src.display().to_string(), &out.display().to_string()]);
    assert!(!ok && log.contains("deputies.csv 第 2 行：字段 name：文件不是 UTF-8 编码"), "{log}");
}
