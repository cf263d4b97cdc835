//! `validate DIR`: every problem with its file and field, a count per kind of file, and an
//! exit status that says whether the folder is fit to publish.

use std::fmt::Write;
use std::path::Path;

use crate::data_tree::DataTree;
use crate::stream_check;

pub struct Report {
    pub ok: bool,
    pub text: String,
    #[cfg_attr(not(test), allow(dead_code))]
    pub problems: Vec<deputy_model::validate::Problem>,
}

pub fn run(dir: &Path) -> anyhow::Result<Report> {
    run_tree(&DataTree::dir(dir), None)
}

/// [`run`] on a release as `tree` shows it; with `known`, only what changed (see
/// [`stream_check::check_tree`]).
pub fn run_tree(tree: &DataTree, known: Option<stream_check::Known>) -> anyhow::Result<Report> {
    // File by file, keeping only compact indexes: the same checks as loading the whole folder,
    // in bounded memory at national scale (see stream_check.rs).
    let dir = tree;
    let checked = stream_check::check_tree(tree, known)?;
    let problems = checked.problems;
    let mut text = String::new();
    for p in &problems {
        let _ = writeln!(text, "{p}");
    }
    let _ = writeln!(text, "\n文件统计：");
    for (kind, n) in &checked.counts {
        let _ = writeln!(text, "  {kind:<14} {n}");
    }
    if problems.is_empty() {
        let _ = writeln!(text, "检查通过：{} 没有发现问题。", dir.display());
    } else {
        let _ = writeln!(text, "发现 {} 个问题。", problems.len());
    }
    Ok(Report { ok: problems.is_empty(), text, problems })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{build, generate};
    use std::fs;

    fn demo() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        build::write(&generate::generate_city(1), &dir.path().join("data")).unwrap();
        dir
    }

    fn problems_after(edit: impl FnOnce(&Path)) -> Vec<String> {
        let dir = demo();
        let data = dir.path().join("data");
        edit(&data);
        run(&data).unwrap().problems.iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn demo_data_is_valid() {
        let dir = demo();
        let r = run(&dir.path().join("data")).unwrap();
        assert!(r.ok, "{}", r.text);
    }

    #[test]
    fn truncated_file_names_file_and_position() {
        let p = problems_after(|d| {
            let f = d.join("deputies/city-0001.json");
            let t = fs::read_to_string(&f).unwrap();
            let half: String = t.chars().take(t.chars().count() / 2).collect();
            fs::write(&f, half).unwrap();
        });
        assert!(p.iter().any(|m| m.starts_with("deputies/city-0001.json: 第 1 行") && m.contains("不完整")), "{p:?}");
    }

    #[test]
    fn wrong_type_names_field() {
        let p = problems_after(|d| {
            let f = d.join("site.json");
            let mut v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&f).unwrap()).unwrap();
            v["contact"]["phone"] = serde_json::json!(12345);
            fs::write(&f, v.to_string()).unwrap();
        });
        assert!(p.iter().any(|m| m.starts_with("site.json: contact.phone: 不符合数据格式")), "{p:?}");
    }

    #[test]
    fn unknown_station_is_reported_on_the_deputy() {
        let p = problems_after(|d| {
            let f = d.join("deputies/city-0001.json");
            let mut v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&f).unwrap()).unwrap();
            v["station_id"] = serde_json::json!("s-nowhere");
            fs::write(&f, v.to_string()).unwrap();
        });
        assert!(p.iter().any(|m| m == "deputies/city-0001.json: station_id: 联络站 s-nowhere 不存在"), "{p:?}");
    }

    #[test]
    fn newer_version_and_missing_site() {
        let p = problems_after(|d| {
            let f = d.join("news/2025-0001.json");
            let mut v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&f).unwrap()).unwrap();
            v["format_version"] = serde_json::json!(999);
            fs::write(&f, v.to_string()).unwrap();
        });
        assert!(p.iter().any(|m| m.starts_with("news/2025-0001.json: format_version: 格式版本 999")), "{p:?}");
        let p = problems_after(|d| fs::remove_file(d.join("site.json")).unwrap());
        assert!(p.iter().any(|m| m.contains("缺少站点配置文件")), "{p:?}");
    }

    #[test]
    fn bad_date_and_hostile_name() {
        let p = problems_after(|d| {
            let f = d.join("stations/s-150800.json");
            let mut v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&f).unwrap()).unwrap();
            v["receptions"][0]["date"] = serde_json::json!("2025-13-40");
            fs::write(&f, v.to_string()).unwrap();
            let f = d.join("deputies/city-0002.json");
            let mut v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&f).unwrap()).unwrap();
            v["name"] = serde_json::json!("<script>alert(1)</script>".repeat(500));
            fs::write(&f, v.to_string()).unwrap();
        });
        assert!(p.iter().any(|m| m.starts_with("stations/s-150800.json: receptions[0].date")), "{p:?}");
        assert!(p.iter().any(|m| m.starts_with("deputies/city-0002.json: name: 过长")), "{p:?}");
    }

    #[test]
    fn illegal_transition_is_rejected() {
        let p = problems_after(|d| {
            let entry = fs::read_dir(d.join("track")).unwrap().next().unwrap().unwrap().path();
            let mut v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&entry).unwrap()).unwrap();
            // A rating straight after registration: no reply to rate.
            v["events"] = serde_json::json!([
                {"type": "received", "at": "2025-07-01T09:00:00+08:00"},
                {"type": "rated", "at": "2025-07-02T09:00:00+08:00", "rating": "satisfied"}
            ]);
            fs::write(&entry, v.to_string()).unwrap();
        });
        assert!(p.iter().any(|m| m.contains("events[1]: 办理流程不合法")), "{p:?}");
    }

    #[test]
    fn map_and_evaluation_are_checked() {
        let p = problems_after(|d| {
            let f = d.join("map.json");
            let mut v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&f).unwrap()).unwrap();
            // Swap two corners of 临河区: its outline becomes a bowtie.
            let o = v["areas"][0]["outline"].as_array_mut().unwrap();
            o.swap(1, 2);
            v["markers"][0]["station_id"] = serde_json::json!("s-nowhere");
            fs::write(&f, v.to_string()).unwrap();
            let f = d.join("evaluation.json");
            let mut v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&f).unwrap()).unwrap();
            v["tallies"][0]["case_id"] = serde_json::json!("ghost");
            fs::write(&f, v.to_string()).unwrap();
            // A work article listed among the profiles.
            let f = d.join("news/profile/page-1.json");
            let mut v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&f).unwrap()).unwrap();
            v["items"][0]["id"] = serde_json::json!("2025-0001");
            fs::write(&f, v.to_string()).unwrap();
        });
        assert!(p.iter().any(|m| m.starts_with("map.json: areas[0].outline") && m.contains("相交")), "{p:?}");
        assert!(p.iter().any(|m| m == "map.json: markers[0].station_id: 联络站 s-nowhere 不存在"), "{p:?}");
        assert!(p.iter().any(|m| m == "evaluation.json: tallies[0].case_id: 案例 ghost 不存在"), "{p:?}");
        assert!(p.iter().any(|m| m.starts_with("evaluation.json: cases[0].id") && m.contains("没有票数")), "{p:?}");
        assert!(p.iter().any(|m| m.starts_with("news/profile/page-1.json: items[0].id")), "{p:?}");
    }

    #[test]
    fn duty_records_are_checked() {
        let p = problems_after(|d| {
            let f = d.join("activities/city-0001.json");
            let mut v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&f).unwrap()).unwrap();
            v["activities"][0]["date"] = serde_json::json!("2099-01-01");
            v["activities"][1]["date"] = serde_json::json!("2025-02-30");
            v["activities"][2]["region_code"] = serde_json::json!("999999");
            fs::write(&f, v.to_string()).unwrap();
            // A record of a deputy who does not exist, under that deputy's name.
            v["deputy_id"] = serde_json::json!("city-9999");
            fs::write(d.join("activities/city-9999.json"), v.to_string()).unwrap();
            let f = d.join("joint/150800.json");
            let mut v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&f).unwrap()).unwrap();
            v["activities"][0]["participants"][0]["deputy_id"] = serde_json::json!("nobody");
            fs::write(&f, v.to_string()).unwrap();
        });
        let has = |prefix: &str, part: &str| p.iter().any(|m| m.starts_with(prefix) && m.contains(part));
        assert!(has("activities/city-0001.json: activities[0].date", "晚于数据日期"), "{p:?}");
        assert!(has("activities/city-0001.json: activities[1].date", "不是 YYYY-MM-DD"), "{p:?}");
        assert!(has("activities/city-0001.json: activities[2].region_code", "999999 不存在"), "{p:?}");
        assert!(has("activities/city-9999.json: deputy_id", "代表 city-9999 不存在"), "{p:?}");
        assert!(has("joint/150800.json: activities[0].participants[0].deputy_id", "nobody"), "{p:?}");
    }

    #[test]
    fn illegal_suggestion_transition_is_rejected() {
        let p = problems_after(|d| {
            let f = d.join("suggestions/2025-0007.json");
            let mut v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&f).unwrap()).unwrap();
            // A reply before the suggestion was ever registered and assigned.
            v["events"] = serde_json::json!([
                {"type": "submitted", "date": "2025-03-06"},
                {"type": "replied", "date": "2025-03-07", "unit": "市农牧局", "result": "A", "text": "已办"}
            ]);
            fs::write(&f, v.to_string()).unwrap();
        });
        assert!(p.iter().any(|m| m.starts_with("suggestions/2025-0007.json: events[1]: 办理流程不合法")), "{p:?}");
    }

    #[test]
    fn suggestion_extension_beyond_six_months_and_broken_letter_link() {
        let p = problems_after(|d| {
            let f = d.join("suggestions/2025-0007.json");
            let mut v: serde_json::Value = serde_json::from_str(&fs::read_to_string(&f).unwrap()).unwrap();
            let events = v["events"].as_array_mut().unwrap();
            events.truncate(4);
            events.push(serde_json::json!({"type": "extended", "date": "2025-04-01", "months": 8, "reason": "调研"}));
            v["from_message"]["id"] = serde_json::json!("m-000000");
            fs::write(&f, v.to_string()).unwrap();
        });
        assert!(p.iter().any(|m| m.contains("events[4]: 办理流程不合法") && m.contains("4 至 6 个月")), "{p:?}");
        assert!(p.iter().any(|m| m.contains("from_message.id")), "{p:?}");
    }

    #[test]
    fn failed_write_keeps_old_output() {
        let dir = demo();
        let data = dir.path().join("data");
        let before = fs::read_to_string(data.join("site.json")).unwrap();
        // A file where the staging folder's parent should be makes the write fail.
        let blocked = dir.path().join("blocked");
        fs::write(&blocked, "x").unwrap();
        assert!(build::write(&generate::generate_city(2), &blocked.join("data")).is_err());
        assert_eq!(fs::read_to_string(data.join("site.json")).unwrap(), before);
    }
}
