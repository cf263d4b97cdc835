//! The maintained source folder and `build SRC OUT`: what station staff keep (deputies, stations
//! and receptions in spreadsheets saved as CSV; everything else as JSON) turned into the served
//! layout. `generate --source-out DIR` writes the same folder from a generated world, so a build
//! has real input. See docs/data-format.md, "Source folder".
//!
//! ```text
//! site.json           SiteConfig                                        required
//! regions.json        [RegionNode]                                      required
//! deputies.csv        one deputy a row (represents: region codes by ;)  required
//! stations.csv        one station a row (deputy_ids separated by ;)     required
//! groups.json         GroupIndex                                        (optional: none)
//! receptions.csv      one reception a row: station_id, date, time, deputy_id, deputy_name
//! news.json           [NewsArticle]
//! messages.json       [MessageRecord]  (letters with their handling, by receipt code)
//! consultations.json  [Consultation]
//! evaluation.json, map.json, training.json          (optional: absent, empty)
//! activities.json, joint.json, suggestions.json
//! comments.json, suggestion_drafts.json, received/  kept by `ingest` (never served, not read here)
//! units.txt           承办单位 one a line, for the console (never served, not read here)
//! ```
//!
//! New kinds of data get a new file here and one line in [`read`] and [`write`].

mod serde_zh;
pub mod units;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use anyhow::{Context, Result, anyhow, bail};
use deputy_model::deputy::{Gender, GroupIndex};
use deputy_model::station::{Reception, StationSummary, StationTier};
use deputy_model::{Deputy, DeputySummary, FORMAT_VERSION, Level, Station};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::build::{Mode, Written};
use crate::world::World;

/// One row of `deputies.csv`.
#[derive(Debug, Serialize, Deserialize)]
struct DeputyRow {
    id: String,
    name: String,
    name_mn: Option<String>,
    /// Optional column (source folders made before it have none).
    #[serde(default)]
    name_latin: Option<String>,
    level: Level,
    region_code: String,
    region_name: String,
    title: String,
    group_id: Option<String>,
    station_id: Option<String>,
    gender: Gender,
    ethnicity: String,
    term: String,
    constituency: String,
    photo: Option<String>,
    bio: String,
    represents: String,
}

/// One row of `stations.csv`.
#[derive(Debug, Serialize, Deserialize)]
struct StationRow {
    id: String,
    name: String,
    tier: StationTier,
    region_code: String,
    region_name: String,
    parent_id: Option<String>,
    address: String,
    phone: String,
    opening_hours: String,
    deputy_ids: String,
}

/// One row of `receptions.csv`.
#[derive(Debug, Serialize, Deserialize)]
struct ReceptionRow {
    station_id: String,
    date: String,
    time: String,
    deputy_id: String,
    deputy_name: String,
}

fn list(s: &str) -> Vec<String> {
    s.split(';').map(str::trim).filter(|x| !x.is_empty()).map(String::from).collect()
}

/// Read a JSON source file, naming the file and the field path of any error.
pub fn read_json<T: DeserializeOwned>(dir: &Path, name: &str) -> Result<T> {
    read_json_file(&dir.join(name), name)
}

/// A station's JSON file, its errors named by `label`, the line where it breaks off and the
/// field path (`news.json：字段 [3].summary.date：…`).
pub fn read_json_file<T: DeserializeOwned>(path: &Path, label: &str) -> Result<T> {
    let text = std::fs::read_to_string(path).with_context(|| format!("读取 {} 失败", path.display()))?;
    parse_json(&text, label)
}

/// JSON text (a file's, or one a clerk chose in the console) with messages naming `label`,
/// the field and the line.
pub fn parse_json<T: DeserializeOwned>(text: &str, label: &str) -> Result<T> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let at = e.path().to_string();
        let inner = e.into_inner();
        if inner.is_eof() {
            anyhow!("{label}：文件不完整（第 {} 行处中断）", inner.line())
        } else if inner.is_data() {
            anyhow!("{label}：字段 {at}：{}（第 {} 行）", serde_zh::serde_message_zh(&inner.to_string()), inner.line())
        } else {
            anyhow!("{label}：第 {} 行第 {} 列：JSON 语法有误（{inner}）", inner.line(), inner.column())
        }
    })
}

/// Read a CSV source file, naming the file, the line and the column of any error.
fn read_csv<T: DeserializeOwned>(dir: &Path, name: &str) -> Result<Vec<(u64, T)>> {
    let path = dir.join(name);
    // Cells are trimmed: a spreadsheet keeps a stray space after an id or a phone number, which
    // would otherwise make `city-0001 ` another deputy and publish the space.
    let mut rdr = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_path(&path)
        .with_context(|| format!("读取 {} 失败", path.display()))?;
    let headers = rdr.headers().with_context(|| format!("{name}：读不出表头"))?.clone();
    let mut out = Vec::new();
    for record in rdr.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            match e.kind() {
                // Excel and WPS save "CSV" in GBK unless told otherwise.
                csv::ErrorKind::Utf8 { err, .. } => anyhow!(
                    "{name} 第 {line} 行：字段 {}：文件不是 UTF-8 编码。请在表格软件中“另存为”，选择“CSV UTF-8（逗号分隔）”",
                    headers.get(err.field()).unwrap_or("?")
                ),
                _ => anyhow!("{name} 第 {line} 行：{e}"),
            }
        })?;
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let record: csv::StringRecord = record.iter().map(crate::csv_cell::from_spreadsheet).collect();
        match record.deserialize::<T>(Some(&headers)) {
            Ok(v) => out.push((line, v)),
            Err(e) => {
                let msg = match e.kind() {
                    csv::ErrorKind::Deserialize { err, .. } => {
                        let text = err.kind().to_string();
                        // serde names the column for most errors; for an unknown enum value it
                        // only quotes the value, so find the column holding it.
                        let col = err
                            .field()
                            .map(|i| i as usize)
                            .or_else(|| record.iter().position(|v| !v.is_empty() && text.contains(&format!("`{v}`"))))
                            .and_then(|i| headers.get(i))
                            .unwrap_or("?");
                        format!("字段 {col}：{}", serde_zh::serde_message_zh(&text))
                    }
                    _ => e.to_string(),
                };
                bail!("{name} 第 {line} 行：{msg}");
            }
        }
    }
    Ok(out)
}

fn write_csv<T: Serialize>(dir: &Path, name: &str, rows: impl IntoIterator<Item = T>) -> Result<()> {
    let path = dir.join(name);
    // Staff edit these in a spreadsheet: cells that it would run as formulas are written safe,
    // and `read_csv` takes the guard off again (`csv_cell`).
    let bytes = crate::csv_cell::csv_bytes(&[], rows)?;
    std::fs::write(&path, bytes).with_context(|| format!("写入 {} 失败", path.display()))
}

/// Every region's name by its code, from the tree's nodes, their paths and their children.
fn region_names(regions: &[deputy_model::region::RegionNode]) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for node in regions {
        out.insert(node.code.clone(), node.name.clone());
        for r in node.path.iter().chain(&node.children) {
            out.entry(r.code.clone()).or_insert_with(|| r.name.clone());
        }
    }
    out
}

/// A row's `region_name`: derived from `region_code` when empty; a name that contradicts the
/// code is refused (it would be published as the wrong place). An unknown code is left to
/// `validate`, which names it.
fn region_name(names: &HashMap<String, String>, code: &str, given: String, file: &str, line: u64) -> Result<String> {
    match names.get(code) {
        Some(name) if given.is_empty() => Ok(name.clone()),
        Some(name) if *name != given => {
            bail!("{file} 第 {line} 行：字段 region_name：{given} 与 region_code {code}（{name}）不符")
        }
        _ => Ok(given),
    }
}

/// [`read_csv`] for a file a source folder may leave out (no rows).
fn read_csv_if_present<T: DeserializeOwned>(dir: &Path, name: &str) -> Result<Vec<(u64, T)>> {
    if dir.join(name).exists() { read_csv(dir, name) } else { Ok(Vec::new()) }
}

/// [`read_json`] for a file a source folder may leave out.
fn read_json_if_present<T: DeserializeOwned>(dir: &Path, name: &str) -> Result<Option<T>> {
    if dir.join(name).exists() { read_json(dir, name).map(Some) } else { Ok(None) }
}

/// `consultations.json`, in the served form that `publish SRC draft FILE` writes from the
/// drafters' plain text. An entry written in the plain-text form is named, with that way in,
/// instead of a serde message about a string where a structure was expected.
fn read_consultations(dir: &Path) -> Result<Vec<deputy_model::consult::Consultation>> {
    let path = dir.join("consultations.json");
    if !path.exists() {
        return Ok(Vec::new());
    }
    let text = std::fs::read_to_string(&path).with_context(|| format!("读取 {} 失败", path.display()))?;
    if let Ok(serde_json::Value::Array(items)) = serde_json::from_str(&text) {
        for (i, item) in items.iter().enumerate() {
            if item.get("draft").is_some_and(|d| d.is_string()) {
                let id = item.get("id").and_then(|v| v.as_str()).unwrap_or("?");
                bail!(
                    "consultations.json：[{i}]（{id}）的草案是纯文本：请把这一条存为单独的文件，用                      `deputy-data publish {} draft 文件` 加入，工具会逐条检查并写成网站的格式（见 docs/operations.md）",
                    dir.display()
                );
            }
        }
    }
    read_json(dir, "consultations.json")
}

fn write_json<T: Serialize + ?Sized>(dir: &Path, name: &str, value: &T) -> Result<()> {
    let path = dir.join(name);
    let text = serde_json::to_string_pretty(value)? + "\n";
    std::fs::write(&path, text).with_context(|| format!("写入 {} 失败", path.display()))
}

/// Read a source folder into a world. Fails on the first malformed record, naming it; checks
/// that ids are unique and that stations and receptions point at known deputies (the rest of
/// the cross-references are checked by `validate` on the built output before it is published).
pub fn read(dir: &Path) -> Result<World> {
    anyhow::ensure!(dir.is_dir(), "源数据目录 {} 不存在", dir.display());
    let site = read_json(dir, "site.json")?;
    let regions: Vec<deputy_model::region::RegionNode> = read_json(dir, "regions.json")?;
    let region_names = region_names(&regions);
    let groups: GroupIndex = read_json_if_present(dir, "groups.json")?
        .unwrap_or(GroupIndex { format_version: FORMAT_VERSION, groups: Vec::new() });
    let mut deputies = Vec::new();
    let mut seen = HashSet::new();
    for (line, r) in read_csv::<DeputyRow>(dir, "deputies.csv")? {
        if !seen.insert(r.id.clone()) {
            bail!("deputies.csv 第 {line} 行：字段 id：代表编号 {} 重复", r.id);
        }
        anyhow::ensure!(!r.name.trim().is_empty(), "deputies.csv 第 {line} 行：字段 name：姓名为空");
        let region_name = region_name(&region_names, &r.region_code, r.region_name, "deputies.csv", line)?;
        deputies.push(Deputy {
            format_version: FORMAT_VERSION,
            summary: DeputySummary {
                id: r.id,
                name: r.name,
                name_mn: r.name_mn,
                name_latin: r.name_latin,
                level: r.level,
                region_code: r.region_code,
                region_name,
                title: r.title,
                group_id: r.group_id,
                station_id: r.station_id,
            },
            gender: r.gender,
            ethnicity: r.ethnicity,
            term: r.term,
            constituency: r.constituency,
            photo: r.photo,
            bio: r.bio,
            represents: list(&r.represents),
            has_messages: None,
        });
    }
    let names: HashMap<&str, &str> =
        deputies.iter().map(|d| (d.summary.id.as_str(), d.summary.name.as_str())).collect();
    let mut stations = Vec::new();
    let mut index_of = HashMap::new();
    for (line, r) in read_csv::<StationRow>(dir, "stations.csv")? {
        if index_of.insert(r.id.clone(), stations.len()).is_some() {
            bail!("stations.csv 第 {line} 行：字段 id：联络站编号 {} 重复", r.id);
        }
        let deputy_ids = list(&r.deputy_ids);
        let region_name = region_name(&region_names, &r.region_code, r.region_name, "stations.csv", line)?;
        if let Some(d) = deputy_ids.iter().find(|d| !names.contains_key(d.as_str())) {
            bail!("stations.csv 第 {line} 行：字段 deputy_ids：代表 {d} 不在 deputies.csv 中");
        }
        stations.push(Station {
            format_version: FORMAT_VERSION,
            summary: StationSummary {
                id: r.id,
                name: r.name,
                tier: r.tier,
                region_code: r.region_code,
                region_name,
                parent_id: r.parent_id,
            },
            address: r.address,
            phone: r.phone,
            opening_hours: r.opening_hours,
            deputy_ids,
            receptions: Vec::new(),
        });
    }
    for (line, r) in read_csv_if_present::<ReceptionRow>(dir, "receptions.csv")? {
        let Some(&i) = index_of.get(&r.station_id) else {
            bail!("receptions.csv 第 {line} 行：字段 station_id：联络站 {} 不在 stations.csv 中", r.station_id);
        };
        let Some(&name) = names.get(r.deputy_id.as_str()) else {
            bail!("receptions.csv 第 {line} 行：字段 deputy_id：代表 {} 不在 deputies.csv 中", r.deputy_id);
        };
        // The name is the deputy's: an empty cell takes it, another name is a contradiction.
        if !r.deputy_name.is_empty() && r.deputy_name != name {
            bail!(
                "receptions.csv 第 {line} 行：字段 deputy_name：{} 与 deputies.csv 中代表 {} 的姓名 {name} 不符",
                r.deputy_name,
                r.deputy_id
            );
        }
        if deputy_model::clock::parse_date(&r.date).is_none() {
            bail!("receptions.csv 第 {line} 行：字段 date：日期 {} 不是 YYYY-MM-DD", r.date);
        }
        stations[i].receptions.push(Reception {
            date: r.date,
            time: r.time,
            deputy_id: r.deputy_id,
            deputy_name: name.to_string(),
        });
    }
    // A new station starts with the directory: no news, letters or consultations yet.
    let news = read_json_if_present(dir, "news.json")?.unwrap_or_default();
    let messages: Vec<deputy_model::message::MessageRecord> =
        read_json_if_present(dir, "messages.json")?.unwrap_or_default();
    let mut codes = HashSet::new();
    for (i, m) in messages.iter().enumerate() {
        if !codes.insert(m.receipt_code.as_str()) {
            bail!("messages.json：[{i}].receipt_code：查询码 {} 重复", m.receipt_code);
        }
    }
    let consultations = read_consultations(dir)?;
    // The modules' data: optional, so a station can start with the directory alone.
    Ok(World {
        site,
        regions,
        deputies,
        groups,
        stations,
        news,
        messages,
        consultations,
        evaluation: read_json_if_present(dir, "evaluation.json")?,
        map: read_json_if_present(dir, "map.json")?,
        activities: read_json_if_present(dir, "activities.json")?.unwrap_or_default(),
        joint: read_json_if_present(dir, "joint.json")?.unwrap_or_default(),
        training: read_json_if_present(dir, "training.json")?,
        suggestions: read_json_if_present(dir, "suggestions.json")?.unwrap_or_default(),
    })
}

/// Write a world as a source folder, atomically (a staging folder renamed into place).
pub fn write(world: &World, dir: &Path) -> Result<()> {
    let staging = crate::build::staging_for(dir)?;
    let result = (|| -> Result<()> {
        write_json(&staging, "site.json", &world.site)?;
        write_json(&staging, "regions.json", &world.regions)?;
        write_json(&staging, "groups.json", &world.groups)?;
        write_csv(
            &staging,
            "deputies.csv",
            world.deputies.iter().map(|d| DeputyRow {
                id: d.summary.id.clone(),
                name: d.summary.name.clone(),
                name_mn: d.summary.name_mn.clone(),
                name_latin: d.summary.name_latin.clone(),
                level: d.summary.level,
                region_code: d.summary.region_code.clone(),
                region_name: d.summary.region_name.clone(),
                title: d.summary.title.clone(),
                group_id: d.summary.group_id.clone(),
                station_id: d.summary.station_id.clone(),
                gender: d.gender,
                ethnicity: d.ethnicity.clone(),
                term: d.term.clone(),
                constituency: d.constituency.clone(),
                photo: d.photo.clone(),
                bio: d.bio.clone(),
                represents: d.represents.join(";"),
            }),
        )?;
        write_csv(
            &staging,
            "stations.csv",
            world.stations.iter().map(|s| StationRow {
                id: s.summary.id.clone(),
                name: s.summary.name.clone(),
                tier: s.summary.tier,
                region_code: s.summary.region_code.clone(),
                region_name: s.summary.region_name.clone(),
                parent_id: s.summary.parent_id.clone(),
                address: s.address.clone(),
                phone: s.phone.clone(),
                opening_hours: s.opening_hours.clone(),
                deputy_ids: s.deputy_ids.join(";"),
            }),
        )?;
        write_csv(
            &staging,
            "receptions.csv",
            world.stations.iter().flat_map(|s| {
                s.receptions.iter().map(|r| ReceptionRow {
                    station_id: s.summary.id.clone(),
                    date: r.date.clone(),
                    time: r.time.clone(),
                    deputy_id: r.deputy_id.clone(),
                    deputy_name: r.deputy_name.clone(),
                })
            }),
        )?;
        write_json(&staging, "news.json", &world.news)?;
        write_json(&staging, "messages.json", &world.messages)?;
        write_json(&staging, "consultations.json", &world.consultations)?;
        if let Some(e) = &world.evaluation {
            write_json(&staging, "evaluation.json", e)?;
        }
        if let Some(m) = &world.map {
            write_json(&staging, "map.json", m)?;
        }
        write_json(&staging, "activities.json", &world.activities)?;
        write_json(&staging, "joint.json", &world.joint)?;
        if let Some(t) = &world.training {
            write_json(&staging, "training.json", t)?;
        }
        write_json(&staging, "suggestions.json", &world.suggestions)?;
        units::write(&staging, &world.suggestions)?;
        Ok(())
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e);
    }
    crate::build::swap_in(&staging, dir)
}

/// `build SRC OUT`: read the source, lay it out in a staging folder, validate that folder, and
/// only then replace OUT. Any failure leaves OUT as it was.
pub fn build(src: &Path, out: &Path, progress: indicatif::ProgressBar, full: bool) -> Result<(Written, World)> {
    let started = std::time::Instant::now();
    let world = read(src)?;
    let read_took = started.elapsed();
    let mode = if full { Mode::FullWithManifest } else { Mode::Incremental };
    let mut written = crate::build::write_checked(&world, out, progress, mode, |tree| {
        // Incrementally, the deputies' ids and names come from the build (their unchanged files
        // passed an earlier build's check) and only what changed is read.
        let known = tree.changes().map(|_| crate::stream_check::Known {
            deputies: world.deputies.iter().map(|d| (d.summary.id.as_str(), d.summary.name.as_str())).collect(),
        });
        let report = crate::validate::run_tree(tree, known)?;
        if !report.ok {
            bail!("生成的数据没有通过检查，{} 未改动：\n{}", out.display(), report.text.trim_end());
        }
        Ok(())
    })?;
    // Open data goes with every release of a site that has an address (it lives in OUT/export/,
    // which a build keeps), so that the public never has stale or no open data.
    written.steps.insert(0, ("读取源数据", read_took));
    if let Some(url) = &world.site.url {
        let started = std::time::Instant::now();
        crate::export::run(out, url)?;
        written.steps.push(("开放数据", started.elapsed()));
    }
    Ok((written, world))
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_incremental;
