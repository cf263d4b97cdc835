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
fn a_module_the_site_says_it_runs_must_have_its_data() {
    let tmp = tempfile::tempdir().unwrap();
    let (src, out) = (tmp.path().join("src"), tmp.path().join("data"));
    write_city(&src);
    let site = fs::read_to_string(src.join("site.json")).unwrap();
    fs::write(
        src.join("site.json"),
        site.replace(r#""updated_at""#, r#""modules": ["direct", "training"], "updated_at""#),
    )
    .unwrap();
    let (ok, log) = deputy_data(&["build", &src.display().to_string(), &out.display().to_string()]);
    assert!(!ok && log.contains("site.json: modules[1]: 说开通了 training，但 training/index.json 不存在"), "{log}");
    assert!(!out.exists(), "a refused build writes nothing");
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
    // No duty records yet: an empty record, so the deputy's 履职档案 page opens.
    let record: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("activities/wh-0001.json")).unwrap()).unwrap();
    assert_eq!(record["activities"], serde_json::json!([]));
    // No courses, map or 履职评议 in the source: the site runs the rest, and says so.
    let site: serde_json::Value = serde_json::from_str(&fs::read_to_string(out.join("site.json")).unwrap()).unwrap();
    assert_eq!(site["modules"], serde_json::json!(["direct", "consult", "duties", "proposals"]));

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
    assert!(!out.join("export").exists(), "no address in site.json: no open data written by build");

    // With the site's address, every build writes the open data into its release: a rebuild
    // after a reply keeps it, fresh.
    let site = fs::read_to_string(src.join("site.json")).unwrap();
    fs::write(
        src.join("site.json"),
        site.replace(r#""updated_at""#, r#""url": "https://renda.wuhai.example.gov.cn/", "updated_at""#),
    )
    .unwrap();
    for _ in 0..2 {
        let (ok, log) = deputy_data(&["build", &src.display().to_string(), &out.display().to_string()]);
        assert!(ok, "{log}");
        let csv = fs::read_to_string(out.join("export/deputies.csv")).unwrap();
        assert!(csv.contains("李海燕"), "{csv}");
        let feed = fs::read_to_string(out.join("export/feeds/deputies/wh-0001.atom")).unwrap();
        assert!(feed.contains("https://renda.wuhai.example.gov.cn/"), "{feed}");
    }
    let (ok, log) = deputy_data(&["validate", &out.display().to_string()]);
    assert!(ok, "the open data does not count as data files: {log}");
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
        "station_id,date,time,deputy_id,deputy_name\ns-150300,2026-11-30,09:00-11:30,wh-0001,\ns-150300,2026-12-16,09:00-11:30,wh-0001,李海燕\n",
    )
    .unwrap();
    let (ok, log) = build();
    assert!(ok, "{log}");
    // Receptions in two weeks with an empty one between: a file for each week, and the span in
    // site.json, so the app never asks for a week that has no file.
    let site: serde_json::Value = serde_json::from_str(&fs::read_to_string(out.join("site.json")).unwrap()).unwrap();
    assert_eq!(site["reception_weeks"], serde_json::json!({"first": "2026-11-30", "last": "2026-12-14"}));
    for week in ["2026-11-30", "2026-12-07", "2026-12-14"] {
        assert!(out.join(format!("receptions/{week}.json")).exists(), "{week}");
    }
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

#[test]
fn a_consultation_comes_in_as_plain_text_through_publish_draft() {
    let tmp = tempfile::tempdir().unwrap();
    let (src, out) = (tmp.path().join("src"), tmp.path().join("data"));
    write_city(&src);
    let source = |draft: &str| {
        serde_json::json!({"id": "2026-01", "title": "《乌海市城市绿化条例（草案）》", "issuer": "乌海市人大常委会法制工作委员会",
            "phase": "open", "opens": "2026-11-20", "closes": "2026-12-20", "participants": 0, "comment_count": 0,
            "summary": "草案公开征求意见。", "background": ["为了加强城市绿化，制定本条例。"], "draft": draft})
    };
    let good = "第一章　总则\n第一条　为了促进城市绿化，制定本条例。\n第二条　本条例适用于本市城市规划区。\n本市其他区域参照执行。";

    // Written into consultations.json by hand, the plain-text form is named with the way in.
    fs::write(src.join("consultations.json"), serde_json::json!([source(good)]).to_string()).unwrap();
    let (ok, log) = deputy_data(&["build", &src.display().to_string(), &out.display().to_string()]);
    assert!(
        !ok && log.contains("consultations.json：[0]（2026-01）的草案是纯文本") && log.contains("draft 文件"),
        "{log}"
    );
    fs::remove_file(src.join("consultations.json")).unwrap();

    // A skipped article number is refused with the line, and nothing is written.
    let file = tmp.path().join("2026-01.json");
    fs::write(&file, source(&good.replace("第二条", "第三条")).to_string()).unwrap();
    let publish = |at: &str| {
        deputy_data(&["publish", &src.display().to_string(), "--at", at, "draft", &file.display().to_string()])
    };
    let (ok, log) = publish("2026-11-20T09:00:00+08:00");
    assert!(!ok && log.contains("草案第 3 行：条的序号应为第二条，实为第三条"), "{log}");
    assert!(!src.join("consultations.json").exists(), "a refused draft changes nothing");

    // The good one comes in, builds, and is served as chapters and articles; twice is refused.
    fs::write(&file, source(good).to_string()).unwrap();
    let (ok, log) = publish("2026-11-20T09:00:00+08:00");
    assert!(ok && log.contains("已加入征求意见 2026-01") && log.contains("草案 2 条"), "{log}");
    let (ok, log) = deputy_data(&["build", &src.display().to_string(), &out.display().to_string()]);
    assert!(ok, "{log}");
    let served: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("consultations/2026-01.json")).unwrap()).unwrap();
    assert_eq!(served["draft"]["chapters"][0]["articles"][1]["paragraphs"][1], "本市其他区域参照执行。");
    let (ok, log) = publish("2026-11-20T10:00:00+08:00");
    assert!(!ok && log.contains("征求意见 2026-01 已经存在"), "{log}");
}

#[test]
fn a_wrong_block_in_a_lesson_is_named_in_chinese_with_its_place() {
    let tmp = tempfile::tempdir().unwrap();
    let (src, out) = (tmp.path().join("src"), tmp.path().join("data"));
    write_city(&src);
    let training = serde_json::json!({"courses": [{"id": "c01", "title": "人大制度", "topic": "人大制度", "level": "initial",
        "summary": "一节课。", "lessons": [{"id": "c01-l1", "title": "第一课", "minutes": 10,
        "blocks": [{"type": "paragraph", "text": "正文。"}, {"type": "vidoe", "text": "视频"}]}]}]});
    fs::write(src.join("training.json"), serde_json::to_string_pretty(&training).unwrap()).unwrap();
    let (ok, log) = deputy_data(&["build", &src.display().to_string(), &out.display().to_string()]);
    assert!(!ok, "{log}");
    assert!(
        log.contains("training.json：字段 courses[0].lessons[0].blocks[1]")
            && log.contains("取值 `vidoe` 不认识，应为"),
        "{log}"
    );
    assert!(!log.contains("unknown variant"), "serde's English should not reach a clerk: {log}");
}
