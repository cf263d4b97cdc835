//! `validate` at any scale: the data folder is checked file by file and nothing bulky is kept.
//! The small files (site, regions, groups, stations, news, letters, …) are loaded as before;
//! then the deputies are read one by one, checked against those (their places, group and
//! station) and dropped, leaving only their ids and names in a [`DeputyIndex`]; then the
//! files that list deputies by the million (places, search leaves, level pages) are checked
//! against that index and dropped. Last, the cross-references of the small files are checked
//! with [`validate_with`]. The same problems are found as by loading everything into one
//! [`Dataset`], which needs gigabytes at national scale.
//!
//! Files are checked in batches on every core (`std::thread::scope`; parsing and the schema
//! check are most of the work); what needs order (duplicate ids) is merged in path order.

use std::collections::BTreeMap;
#[cfg(test)]
use std::path::Path;

use deputy_model::validate::{self, Dataset, DeputyIndex, Problem, Refs};

use crate::data_tree::{DataTree, Overlay};
use crate::load::{self, kind_of, problem, read_checked};
use crate::schema::{FileKind, Validators};

/// The folders whose files are checked one at a time and dropped.
const DEPUTIES: &str = "deputies";
/// The folders whose files name deputies, checked against the index of deputies: the lists,
/// and the duty records (one per deputy).
const LISTS_OF_DEPUTIES: [&str; 4] = ["places", "search", "levels", "activities"];

/// Files handed to the workers at a time: enough to keep the cores busy, few enough that the
/// per-file results stay small.
const BATCH: usize = 4096;

pub struct Checked {
    pub problems: Vec<Problem>,
    /// Files read, per kind of file (for the summary).
    pub counts: BTreeMap<&'static str, usize>,
}

/// One file's outcome in a batch.
struct FileResult {
    kind: Option<FileKind>,
    problems: Vec<Problem>,
    /// A deputy's (id, name), to enter into the index in path order.
    deputy: Option<(String, String)>,
}

#[cfg(test)]
pub fn check(root: &Path) -> anyhow::Result<Checked> {
    check_tree(&DataTree::dir(root), None)
}

/// What an incremental check already knows of the new release: every deputy's id and name (the
/// build has them in memory; their unchanged files were checked by an earlier build).
pub struct Known<'a> {
    pub deputies: Vec<(&'a str, &'a str)>,
}

/// Check the release `tree` shows. With `known` and an overlay (an incremental build), only the
/// files that changed, and those that refer to them, are read beyond the small files: deputies
/// whose files changed or whose Q&A file came or went (all of them when a region, group or
/// station came or went), and the lists of deputies that changed (all of them when a deputy
/// came, went or was renamed).
pub fn check_tree(tree: &DataTree, known: Option<Known>) -> anyhow::Result<Checked> {
    let validators = Validators::new()?;
    let mut data = Dataset::default();
    let mut problems = Vec::new();
    let mut counts = BTreeMap::new();
    let list_err = |e: std::io::Error| anyhow::anyhow!("无法读取目录 {}：{e}", tree.display());
    let scope = match (tree.changes(), &known) {
        (Some(changes), Some(_)) => Some(Scope::of(tree, changes)),
        _ => None,
    };

    // 1. The small files, into the dataset.
    let mut skip = vec![DEPUTIES];
    skip.extend(LISTS_OF_DEPUTIES);
    let files = tree.list_skipping(&skip).map_err(list_err)?;
    if !files.iter().any(|f| f == "site.json") {
        problems.push(problem("site.json", "", "缺少站点配置文件 site.json"));
    }
    // Read and schema-checked on every core (most of the work), decoded in path order.
    for batch in files.chunks(BATCH) {
        let read = par_map(batch, |rel| {
            let mut found = Vec::new();
            let value = kind_of(rel).and_then(|kind| read_checked(tree, rel, kind, &validators, &mut found));
            (value, found)
        });
        for (rel, (value, found)) in batch.iter().zip(read) {
            let Some(kind) = kind_of(rel) else {
                problems.push(problem(rel, "", "不属于数据目录的文件（见 docs/data-format.md 的目录结构）"));
                continue;
            };
            count(&mut counts, kind);
            problems.extend(found);
            let Some(value) = value else { continue };
            load::decode_into(&mut data, kind, rel.clone(), value, &mut problems);
        }
    }
    data.news_pages.sort_by_key(|(_, p)| p.page);
    data.activities_streamed = true;
    let refs = Refs::of(&data);
    let updated_at = data.site.as_ref().map(|(_, s)| s.updated_at.clone()).unwrap_or_default();

    // 2. The deputies, one by one, into the index (or, incrementally, those that need it).
    let mut index = DeputyIndex::default();
    if let (Some(_), Some(known)) = (&scope, &known) {
        for (id, name) in &known.deputies {
            problems.extend(index.add(&format!("{DEPUTIES}/{id}.json"), id, name));
        }
    }
    // Incrementally, the files to read are known without listing millions of names.
    let deputies = match scope.as_ref().filter(|s| !s.all_deputies) {
        Some(scope) => {
            let mut files: Vec<String> = scope.deputies.iter().filter(|rel| tree.is_file(rel)).cloned().collect();
            files.sort();
            files
        }
        None => tree.list_folder(DEPUTIES).map_err(list_err)?,
    };
    for batch in deputies.chunks(BATCH) {
        let results = par_map(batch, |rel| check_file(tree, rel, &validators, &Against::Refs(&refs)));
        for (rel, r) in batch.iter().zip(results) {
            merge(&mut counts, &mut problems, &r);
            if let (Some((id, name)), None) = (r.deputy, &scope) {
                problems.extend(index.add(rel, &id, &name));
            }
        }
    }
    drop(deputies);

    // 3. The files that list deputies, against the index.
    for folder in LISTS_OF_DEPUTIES {
        let files = match scope.as_ref().filter(|s| !s.all_lists) {
            Some(scope) => {
                let prefix = format!("{folder}/");
                let mut files: Vec<String> = scope
                    .changed
                    .iter()
                    .filter(|rel| rel.starts_with(&prefix) && rel.ends_with(".json"))
                    .cloned()
                    .collect();
                files.sort();
                files
            }
            None => tree.list_folder(folder).map_err(list_err)?,
        };
        for batch in files.chunks(BATCH) {
            let against = Against::Index(&index, &refs, &updated_at);
            let results = par_map(batch, |rel| check_file(tree, rel, &validators, &against));
            for r in results {
                merge(&mut counts, &mut problems, &r);
            }
        }
    }

    // 4. The small files' own rules and cross-references.
    problems.extend(load::check_names(&data));
    // Cross-references need the site config; without it they would only repeat that it is missing.
    if data.site.is_some() {
        problems.extend(validate::validate_with(&data, &index));
    }
    Ok(Checked { problems, counts })
}

/// Which streamed files an incremental check reads.
struct Scope<'a> {
    changed: &'a std::collections::HashSet<String>,
    /// Deputy files to read.
    deputies: std::collections::HashSet<String>,
    all_deputies: bool,
    all_lists: bool,
}

impl<'a> Scope<'a> {
    fn of(tree: &DataTree, changes: &'a Overlay) -> Scope<'a> {
        let touched = || changes.changed.iter().chain(&changes.removed);
        let came_or_went = |rel: &str| changes.removed.contains(rel) || !tree.base_has(rel);
        // A region, group or station that came or went can make any deputy's reference dangle.
        let all_deputies = touched().any(|rel| {
            (rel.starts_with("regions/") || rel.starts_with("stations/") || rel == "groups.json") && came_or_went(rel)
        });
        let mut deputies: std::collections::HashSet<String> =
            changes.changed.iter().filter(|rel| rel.starts_with("deputies/")).cloned().collect();
        // A deputy's has_messages must agree with its Q&A file, and it must have a duty record.
        for rel in touched() {
            if let Some(name) = rel.strip_prefix("messages/deputy/").or(rel.strip_prefix("activities/")) {
                deputies.insert(format!("{DEPUTIES}/{name}"));
            }
        }
        // The lists name deputies by id and name: a deputy who came, went or was renamed.
        let all_lists = touched().filter(|rel| rel.starts_with("deputies/")).any(|rel| {
            came_or_went(rel) || {
                let name = |path: Option<std::path::PathBuf>| -> Option<String> {
                    let text = std::fs::read_to_string(path?).ok()?;
                    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
                    v.get("name")?.as_str().map(str::to_string)
                };
                name(tree.base_path(rel)) != name(tree.path(rel))
            }
        });
        Scope { changed: &changes.changed, deputies, all_deputies, all_lists }
    }
}

/// What a streamed file is checked against.
enum Against<'a> {
    /// A deputy's own references.
    Refs(&'a Refs),
    /// Deputies listed by id (and, for duty records, the places and the data's date).
    Index(&'a DeputyIndex, &'a Refs, &'a str),
}

fn count(counts: &mut BTreeMap<&'static str, usize>, kind: FileKind) {
    *counts.entry(kind.schema_file().trim_end_matches(".schema.json")).or_insert(0) += 1;
}

fn merge(counts: &mut BTreeMap<&'static str, usize>, problems: &mut Vec<Problem>, r: &FileResult) {
    if let Some(kind) = r.kind {
        count(counts, kind);
    }
    problems.extend(r.problems.iter().cloned());
}

/// Read, schema-check, decode and check one streamed file.
fn check_file(tree: &DataTree, rel: &str, validators: &Validators, against: &Against) -> FileResult {
    let mut problems = Vec::new();
    let Some(kind) = kind_of(rel) else {
        problems.push(problem(rel, "", "不属于数据目录的文件（见 docs/data-format.md 的目录结构）"));
        return FileResult { kind: None, problems, deputy: None };
    };
    let mut deputy = None;
    if let Some(value) = read_checked(tree, rel, kind, validators, &mut problems) {
        match (kind, against) {
            (FileKind::Deputy, Against::Refs(refs)) => {
                if let Some(d) = load::decode::<deputy_model::Deputy>(rel, value, &mut problems) {
                    let want = format!("deputies/{}.json", d.summary.id);
                    if rel != want {
                        problems.push(problem(rel, "id", format!("文件名应为 {want}")));
                    }
                    let messages_file = tree.is_file(&format!("messages/deputy/{}.json", d.summary.id));
                    problems.extend(validate::check_deputy(refs, rel, &d, messages_file));
                    if !tree.is_file(&format!("activities/{}.json", d.summary.id)) {
                        problems.push(validate::no_activities_file(&d.summary.id));
                    }
                    deputy = Some((d.summary.id, d.summary.name));
                }
            }
            (FileKind::Activities, Against::Index(index, refs, updated_at)) => {
                if let Some(a) = load::decode::<deputy_model::activity::DeputyActivities>(rel, value, &mut problems) {
                    let want = format!("activities/{}.json", a.deputy_id);
                    if rel != want {
                        problems.push(problem(rel, "id", format!("文件名应为 {want}")));
                    }
                    let known = |code: &str| refs.region_known(code);
                    problems.extend(validate::check_activity_file(index, &known, updated_at, rel, &a));
                }
            }
            (FileKind::Place, Against::Index(index, ..)) => {
                if let Some(p) = load::decode::<deputy_model::deputy::PlaceDeputies>(rel, value, &mut problems) {
                    let want = format!("places/{}.json", p.region_code);
                    if rel != want {
                        problems.push(problem(rel, "id", format!("文件名应为 {want}")));
                    }
                    problems.extend(validate::check_place(index, rel, &p));
                }
            }
            (FileKind::SearchShard, Against::Index(index, ..)) => {
                if let Some(s) = load::decode(rel, value, &mut problems) {
                    problems.extend(validate::check_search_shard(index, rel, &s));
                }
            }
            (FileKind::LevelPage, Against::Index(index, ..)) => {
                if let Some(p) = load::decode(rel, value, &mut problems) {
                    problems.extend(validate::check_level_page(index, rel, &p));
                }
            }
            // Anything else in these folders (search/meta.json, keys-*.json) is only
            // schema-checked, as when loading everything.
            _ => {}
        }
    }
    FileResult { kind: Some(kind), problems, deputy }
}

/// `f` over `items` on every core, results in the items' order.
fn par_map<T: Send>(items: &[String], f: impl Fn(&str) -> T + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    if threads < 2 || items.len() < 64 {
        return items.iter().map(|s| f(s)).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|scope| {
        let workers: Vec<_> =
            items.chunks(chunk).map(|c| scope.spawn(move || c.iter().map(|s| f(s)).collect::<Vec<T>>())).collect();
        workers.into_iter().flat_map(|w| w.join().expect("a validate worker panicked")).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{build, generate};
    use std::fs;

    /// The problems as `validate` found them before it streamed: everything loaded into one
    /// dataset, then checked.
    fn loading_everything(dir: &Path) -> Vec<String> {
        let loaded = load::load(dir).unwrap();
        let mut problems = loaded.problems;
        problems.extend(load::check_names(&loaded.data));
        if loaded.data.site.is_some() {
            problems.extend(validate::validate(&loaded.data));
        }
        sorted(problems)
    }

    fn sorted(problems: Vec<Problem>) -> Vec<String> {
        let mut v: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        v.sort();
        v
    }

    fn edit_json(path: &Path, edit: impl FnOnce(&mut serde_json::Value)) {
        let mut v: serde_json::Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
        edit(&mut v);
        fs::write(path, v.to_string()).unwrap();
    }

    #[test]
    fn streaming_finds_the_same_problems_as_loading_everything() {
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path().join("data");
        build::write(&generate::generate_city(1), &d).unwrap();
        assert!(check(&d).unwrap().problems.is_empty());
        // A truncated deputy, a wrong type, unknown references in each streamed kind, a
        // duplicate deputy under another file name, and a deputy file named after another id.
        let t = fs::read_to_string(d.join("deputies/city-0001.json")).unwrap();
        let half: String = t.chars().take(t.chars().count() / 2).collect();
        fs::write(d.join("deputies/city-0001.json"), half).unwrap();
        edit_json(&d.join("deputies/city-0002.json"), |v| v["represents"] = serde_json::json!("150800"));
        edit_json(&d.join("deputies/city-0003.json"), |v| {
            v["station_id"] = serde_json::json!("s-nowhere");
            v["region_code"] = serde_json::json!("999999");
        });
        fs::copy(d.join("deputies/city-0004.json"), d.join("deputies/city-0004-copy.json")).unwrap();
        edit_json(&d.join("places/150802.json"), |v| v["deputies"][0]["id"] = serde_json::json!("ghost-1"));
        edit_json(&d.join("levels/city/page-1.json"), |v| v["items"][0]["id"] = serde_json::json!("ghost-2"));
        let mut leaf = fs::read_dir(d.join("search/py")).unwrap().map(|e| e.unwrap().path());
        let leaf = leaf.find(|p| !p.file_name().unwrap().to_string_lossy().starts_with("keys-")).unwrap();
        edit_json(&leaf, |v| v["entries"][0]["id"] = serde_json::json!("ghost-3"));
        // A deputy file that denies its Q&A file, and one that claims a Q&A file not there.
        let asked: Vec<String> = fs::read_dir(d.join("messages/deputy"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().trim_end_matches(".json").to_string())
            .collect();
        let (with, without) = {
            let mut ids = fs::read_dir(d.join("deputies"))
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().trim_end_matches(".json").to_string());
            let ids: Vec<String> = ids.by_ref().filter(|id| id.starts_with("county-")).collect();
            (
                ids.iter().find(|id| asked.contains(id)).unwrap().clone(),
                ids.iter().find(|id| !asked.contains(id)).unwrap().clone(),
            )
        };
        edit_json(&d.join(format!("deputies/{with}.json")), |v| v["has_messages"] = serde_json::json!(false));
        edit_json(&d.join(format!("deputies/{without}.json")), |v| v["has_messages"] = serde_json::json!(true));
        // The site says it runs the map, and the map is gone; a week inside reception_weeks is
        // gone too.
        fs::remove_file(d.join("map.json")).unwrap();
        fs::remove_file(d.join("activities/city-0005.json")).unwrap();
        let mut weeks: Vec<_> = fs::read_dir(d.join("receptions")).unwrap().map(|e| e.unwrap().path()).collect();
        weeks.sort();
        fs::remove_file(&weeks[1]).unwrap();
        let gone = weeks[1].file_stem().unwrap().to_string_lossy().to_string();
        // Something that refers to the deputy whose file is broken.
        edit_json(&d.join("stations/s-150800.json"), |v| v["deputy_ids"][0] = serde_json::json!("ghost-4"));

        let streamed = sorted(check(&d).unwrap().problems);
        assert_eq!(streamed, loading_everything(&d));
        let has = |prefix: &str, part: &str| streamed.iter().any(|m| m.starts_with(prefix) && m.contains(part));
        assert!(has("deputies/city-0001.json: 第 1 行", "不完整"), "{streamed:#?}");
        assert!(has("deputies/city-0002.json: represents: 不符合数据格式", ""), "{streamed:#?}");
        assert!(has(&format!("deputies/{with}.json: has_messages"), "说没有来信答复文件"), "{streamed:#?}");
        assert!(has(&format!("deputies/{without}.json: has_messages"), "说有来信答复文件"), "{streamed:#?}");
        assert!(has("site.json: modules[", "说开通了 map，但 map.json 不存在"), "{streamed:#?}");
        assert!(has("deputies/city-0005.json: id", "没有履职档案文件 activities/city-0005.json"), "{streamed:#?}");
        assert!(
            has("site.json: reception_weeks", &format!("包括 {gone} 这一周，但 receptions/{gone}.json 不存在")),
            "{streamed:#?}"
        );
        assert!(has("deputies/city-0003.json: station_id", "联络站 s-nowhere 不存在"), "{streamed:#?}");
        assert!(has("deputies/city-0003.json: region_code", "地区 999999 不存在"), "{streamed:#?}");
        assert!(has("deputies/city-0004.json: id", "代表编号 city-0004 重复"), "{streamed:#?}");
        assert!(has("deputies/city-0004-copy.json: id", "文件名应为 deputies/city-0004.json"), "{streamed:#?}");
        assert!(has("places/150802.json: deputies[0].id", "代表 ghost-1 不存在"), "{streamed:#?}");
        assert!(has("levels/city/page-1.json: items[0].id", "代表 ghost-2 不存在"), "{streamed:#?}");
        assert!(has("search/py/", "代表 ghost-3 不存在"), "{streamed:#?}");
        assert!(has("stations/s-150800.json: deputy_ids[0]", "代表 ghost-4 不存在"), "{streamed:#?}");
        // The summary still counts every file read.
        assert!(check(&d).unwrap().counts["deputy"] > 500);
    }

    #[test]
    fn a_national_folder_streams_clean_and_its_problems_are_found() {
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path().join("data");
        let scale = generate::national::NationalScale::times(0.001);
        let world = generate::national::generate_national(4, scale, &indicatif::ProgressBar::hidden());
        build::write(&world, &d).unwrap();
        let c = check(&d).unwrap();
        assert!(c.problems.is_empty(), "{:?}", &c.problems[..c.problems.len().min(5)]);
        assert_eq!(c.counts["deputy"], world.deputies.len());
        assert_eq!(c.counts["station"], world.stations.len());
        // A deputy attached to a station that is not there, and a township home that lists a
        // deputy who is not there.
        let home = world.stations.iter().find(|s| s.deputy_ids.len() >= 2).unwrap();
        let first = &home.deputy_ids[0];
        edit_json(&d.join(format!("deputies/{first}.json")), |v| v["station_id"] = serde_json::json!("s-0"));
        edit_json(&d.join(format!("stations/{}.json", home.summary.id)), |v| {
            v["deputy_ids"][1] = serde_json::json!("township-9999999")
        });
        let p = sorted(check(&d).unwrap().problems);
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(p[0], format!("deputies/{first}.json: station_id: 联络站 s-0 不存在"));
        assert_eq!(p[1], format!("stations/{}.json: deputy_ids[1]: 代表 township-9999999 不存在", home.summary.id));
    }
}
