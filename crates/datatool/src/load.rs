//! Reading a served data folder back: each file is parsed (syntax errors with line and
//! column), checked against its schema (errors with the field's JSON pointer), then decoded
//! into the model, ready for the cross-reference checks in `deputy_model::validate`.

use std::fs;
use std::path::Path;

use deputy_model::validate::{Dataset, Problem};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::data_tree::DataTree;
use crate::schema::{FileKind, Validators};

/// Which schema a served path follows, from the layout in `build/`.
pub fn kind_of(rel: &str) -> Option<FileKind> {
    let (dir, file) = rel.rsplit_once('/').unwrap_or(("", rel));
    if !file.ends_with(".json") {
        return None;
    }
    Some(match (dir, file) {
        ("", "site.json") => FileKind::Site,
        ("", "groups.json") => FileKind::Groups,
        ("regions", _) => FileKind::Region,
        ("deputies", _) => FileKind::Deputy,
        ("places", _) => FileKind::Place,
        ("stations", "index.json") => FileKind::StationIndex,
        ("stations", _) => FileKind::Station,
        ("news", f) if f.starts_with("page-") => FileKind::NewsPage,
        ("news/work" | "news/profile", f) if f.starts_with("page-") => FileKind::NewsKindPage,
        ("", "map.json") => FileKind::Map,
        ("", "latin.json") => FileKind::Latin,
        ("", "evaluation.json") => FileKind::Evaluation,
        ("news", _) => FileKind::News,
        (d, f) if d.starts_with("levels/") && f.starts_with("page-") => FileKind::LevelPage,
        ("search", "meta.json") => FileKind::SearchMeta,
        ("search/py" | "search/ini", f) if f.starts_with("keys-") => FileKind::SearchKeys,
        ("search/py" | "search/ini", _) => FileKind::SearchShard,
        ("track", _) => FileKind::Track,
        ("consultations", "index.json") => FileKind::ConsultationIndex,
        ("receptions", _) => FileKind::Receptions,
        ("consultations", _) => FileKind::Consultation,
        ("suggestions", "index.json") => FileKind::SuggestionIndex,
        ("suggestions/year", _) => FileKind::SuggestionYear,
        ("suggestions/stats", _) => FileKind::SuggestionStats,
        ("suggestions", _) => FileKind::Suggestion,
        ("messages/deputy", _) => FileKind::DeputyMessages,
        ("training", "index.json") => FileKind::TrainingIndex,
        ("training/courses", _) => FileKind::TrainingCourse,
        ("training/lessons", _) => FileKind::TrainingLesson,
        ("messages", "stats.json") => FileKind::MessageStats,
        ("messages", f) if f.starts_with("page-") => FileKind::QaPage,
        ("activities", _) => FileKind::Activities,
        ("joint", _) => FileKind::Joint,
        ("activity-stats", _) => FileKind::ActivityStats,
        _ => return None,
    })
}

/// Every `.json` file below `root`, as sorted relative paths with `/` separators.
fn list(root: &Path) -> std::io::Result<Vec<String>> {
    crate::data_tree::list_skipping(root, &[])
}

pub struct Loaded {
    pub data: Dataset,
    pub problems: Vec<Problem>,
}

pub fn problem(file: &str, field: impl Into<String>, message: impl Into<String>) -> Problem {
    Problem { file: file.to_string(), field: field.into(), message: message.into() }
}

/// Load and check a data folder file by file, keeping it all in memory (for `export`, which
/// reads the records; `validate` streams instead, see stream_check.rs).
pub fn load(root: &Path) -> anyhow::Result<Loaded> {
    let validators = Validators::new()?;
    let mut data = Dataset::default();
    let mut problems = Vec::new();
    let files = list(root).map_err(|e| anyhow::anyhow!("无法读取目录 {}：{e}", root.display()))?;
    let tree = DataTree::dir(root);
    if !files.iter().any(|f| f == "site.json") {
        problems.push(problem("site.json", "", "缺少站点配置文件 site.json"));
    }
    for rel in files {
        let Some(kind) = kind_of(&rel) else {
            problems.push(problem(&rel, "", "不属于数据目录的文件（见 docs/data-format.md 的目录结构）"));
            continue;
        };
        let Some(value) = read_checked(&tree, &rel, kind, &validators, &mut problems) else { continue };
        let rel_file = rel.clone();
        let put = |problems: &mut Vec<Problem>| -> Option<()> {
            decode_into(&mut data, kind, rel_file.clone(), value, problems)
        };
        put(&mut problems);
    }
    data.news_pages.sort_by_key(|(_, p)| p.page);
    Ok(Loaded { data, problems })
}

/// Read, parse and schema-check one file; `None` (with the problems added) if it is unusable.
pub fn read_checked(
    tree: &DataTree,
    rel: &str,
    kind: FileKind,
    validators: &Validators,
    problems: &mut Vec<Problem>,
) -> Option<Value> {
    let read = match tree.path(rel) {
        Some(path) => fs::read_to_string(path),
        None => Err(std::io::ErrorKind::NotFound.into()),
    };
    let text = match read {
        Ok(t) => t,
        Err(e) => {
            problems.push(problem(rel, "", format!("无法读取：{e}")));
            return None;
        }
    };
    let value: Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) if e.is_eof() => {
            problems.push(problem(
                rel,
                format!("第 {} 行第 {} 列", e.line(), e.column()),
                "文件不完整（JSON 提前结束），可能被截断",
            ));
            return None;
        }
        Err(e) => {
            problems.push(problem(
                rel,
                format!("第 {} 行第 {} 列", e.line(), e.column()),
                format!("不是有效的 JSON：{e}"),
            ));
            return None;
        }
    };
    let schema_problems = validators.check(kind, &value);
    if !schema_problems.is_empty() {
        for (pointer, message) in schema_problems {
            problems.push(problem(rel, pointer_to_field(&pointer), format!("不符合数据格式：{message}")));
        }
        return None;
    }
    Some(value)
}

pub fn decode<T: DeserializeOwned>(file: &str, value: Value, problems: &mut Vec<Problem>) -> Option<T> {
    match serde_json::from_value(value) {
        Ok(v) => Some(v),
        Err(e) => {
            problems.push(problem(file, "", format!("无法解析：{e}")));
            None
        }
    }
}

pub fn decode_into(
    data: &mut Dataset,
    kind: FileKind,
    file: String,
    value: Value,
    problems: &mut Vec<Problem>,
) -> Option<()> {
    match kind {
        FileKind::Site => data.site = Some((file.clone(), decode(&file, value, problems)?)),
        FileKind::Region => data.regions.push((file.clone(), decode(&file, value, problems)?)),
        FileKind::Deputy => data.deputies.push((file.clone(), decode(&file, value, problems)?)),
        FileKind::Place => data.places.push((file.clone(), decode(&file, value, problems)?)),
        FileKind::Groups => data.groups = Some((file.clone(), decode(&file, value, problems)?)),
        FileKind::StationIndex => data.station_index = Some((file.clone(), decode(&file, value, problems)?)),
        FileKind::Station => data.stations.push((file.clone(), decode(&file, value, problems)?)),
        FileKind::NewsPage => data.news_pages.push((file.clone(), decode(&file, value, problems)?)),
        FileKind::News => data.news.push((file.clone(), decode(&file, value, problems)?)),
        FileKind::Track => data.messages.push((file.clone(), decode(&file, value, problems)?)),
        FileKind::SearchShard => data.search_shards.push((file.clone(), decode(&file, value, problems)?)),
        FileKind::LevelPage => data.level_pages.push((file.clone(), decode(&file, value, problems)?)),
        // Derived summaries: schema-checked above; their sources are checked in full.
        FileKind::Consultation => data.consultations.push((file.clone(), decode(&file, value, problems)?)),
        FileKind::NewsKindPage => data.news_kind_pages.push((file.clone(), decode(&file, value, problems)?)),
        FileKind::Map => data.map = Some((file.clone(), decode(&file, value, problems)?)),
        FileKind::Evaluation => data.evaluation = Some((file.clone(), decode(&file, value, problems)?)),
        FileKind::Activities => data.activities.push((file.clone(), decode(&file, value, problems)?)),
        FileKind::Joint => data.joint.push((file.clone(), decode(&file, value, problems)?)),
        FileKind::Suggestion => data.suggestions.push((file.clone(), decode(&file, value, problems)?)),
        // Schema-checked above; only its existence is checked against the deputy's file.
        FileKind::DeputyMessages => {
            let id = file.trim_start_matches("messages/deputy/").trim_end_matches(".json");
            data.deputies_with_messages.insert(id.to_string());
        }
        FileKind::TrainingIndex => data.training_index = true,
        FileKind::Receptions => {
            let monday = file.trim_start_matches("receptions/").trim_end_matches(".json");
            data.reception_files.insert(monday.to_string());
        }
        FileKind::SearchMeta
        | FileKind::Latin
        | FileKind::SuggestionIndex
        | FileKind::SuggestionYear
        | FileKind::SuggestionStats
        | FileKind::SearchKeys
        | FileKind::ConsultationIndex
        | FileKind::QaPage
        | FileKind::MessageStats
        | FileKind::ActivityStats
        | FileKind::Submission
        // Training content is validated in full from its source when built (build/training.rs).
        | FileKind::TrainingCourse
        | FileKind::TrainingLesson => {}
    }
    Some(())
}

/// `/deputies/3/station_id` → `deputies[3].station_id`, as the model's checks name fields.
pub fn pointer_to_field(pointer: &str) -> String {
    let mut out = String::new();
    for part in pointer.split('/').filter(|p| !p.is_empty()) {
        if part.chars().all(|c| c.is_ascii_digit()) {
            out.push_str(&format!("[{part}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&part.replace("~1", "/").replace("~0", "~"));
        }
    }
    if out.is_empty() { "（整个文件）".to_string() } else { out }
}

/// File-level consistency the model cannot see: each file's name matches its id.
pub fn check_names(data: &Dataset) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut expect = |file: &str, id: &str, dir: &str| {
        let want = format!("{dir}/{id}.json");
        if file != want {
            out.push(problem(file, "id", format!("文件名应为 {want}")));
        }
    };
    for (f, r) in &data.regions {
        expect(f, &r.code, "regions");
    }
    for (f, d) in &data.deputies {
        expect(f, &d.summary.id, "deputies");
    }
    for (f, p) in &data.places {
        expect(f, &p.region_code, "places");
    }
    for (f, s) in &data.stations {
        expect(f, &s.summary.id, "stations");
    }
    for (f, n) in &data.news {
        expect(f, &n.summary.id, "news");
    }
    for (f, m) in &data.messages {
        expect(f, &m.receipt_code, "track");
    }
    for (f, a) in &data.activities {
        expect(f, &a.deputy_id, "activities");
    }
    for (f, p) in &data.joint {
        expect(f, &p.region_code, "joint");
    }
    for (f, s) in &data.suggestions {
        expect(f, &s.id, "suggestions");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_fields() {
        assert_eq!(kind_of("site.json"), Some(FileKind::Site));
        assert_eq!(kind_of("news/page-2.json"), Some(FileKind::NewsPage));
        assert_eq!(kind_of("news/2025-0001.json"), Some(FileKind::News));
        assert_eq!(kind_of("stations/index.json"), Some(FileKind::StationIndex));
        assert_eq!(kind_of("other/x.json"), None);
        assert_eq!(kind_of("levels/city/page-1.json"), Some(FileKind::LevelPage));
        assert_eq!(kind_of("messages/deputy/city-0001.json"), Some(FileKind::DeputyMessages));
        assert_eq!(kind_of("track/1234567890.json"), Some(FileKind::Track));
        assert_eq!(kind_of("activities/city-0001.json"), Some(FileKind::Activities));
        assert_eq!(kind_of("joint/150802001.json"), Some(FileKind::Joint));
        assert_eq!(kind_of("activity-stats/county-150802-level-city.json"), Some(FileKind::ActivityStats));
        assert_eq!(pointer_to_field("/receptions/3/deputy_id"), "receptions[3].deputy_id");
        assert_eq!(pointer_to_field(""), "（整个文件）");
    }
}
