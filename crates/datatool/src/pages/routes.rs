//! Every public route the data knows, with what its page says about itself: the module pages
//! of the modules the site runs, and one page per deputy, article, consultation, station,
//! place, suggestion, course and lesson. Read file by file, so it runs at national scale.

use std::path::Path;

use anyhow::{Context, Result};
use deputy_model::{Module, SiteConfig};
use serde_json::Value;

use super::head::PageMeta;

/// The module pages: route, title, description, and whether search engines should list it.
const FIXED: &[(Option<Module>, &str, &str, &str, bool)] = &[
    (Some(Module::Direct), "direct", "直通代表", "按居住地找到您的各级人大代表，给代表写信，查询办理进度。", true),
    (Some(Module::Direct), "direct/qa", "群众留言", "群众给人大代表的来信和代表的公开答复。", true),
    (Some(Module::Direct), "direct/track", "查询办理进度", "凭查询码查看您的来信办理进度。", true),
    (Some(Module::Consult), "consult", "征求意见", "法规草案公开征求意见：逐条提意见，查看意见采纳情况。", true),
    (Some(Module::Duties), "duties", "阳光履职", "代表履职档案、联络站、工作动态和履职统计。", true),
    (
        Some(Module::Duties),
        "duties/stations",
        "人大代表联络站",
        "各级人大代表联络站的地址、开放时间和本周接待安排。",
        true,
    ),
    (Some(Module::Duties), "duties/stats", "履职统计", "各级人大代表的履职活动统计。", true),
    (Some(Module::Map), "duties/map", "联络站地图", "旗县区和人大代表联络站的地图。", true),
    (Some(Module::Evaluation), "duties/evaluation", "履职评议", "代表协同履职优秀案例评议。", true),
    (None, "news", "工作动态", "人大工作动态和代表风采。", true),
    (Some(Module::Training), "training", "代表培训", "人大代表学习课程、测验和学时。", true),
    (Some(Module::Training), "training/mine", "我的学习", "本机保存的学习进度。", false),
    (Some(Module::Proposals), "proposals", "建议提交", "代表建议的提出、交办、答复和评价全过程公开。", true),
    (Some(Module::Proposals), "proposals/list", "代表建议", "代表建议及其办理情况。", true),
    (Some(Module::Proposals), "proposals/stats", "建议办理统计", "代表建议的办理和满意度统计。", true),
    (Some(Module::Proposals), "proposals/write", "撰写建议", "代表撰写和提交建议。", false),
    (Some(Module::Proposals), "proposals/cosign", "联名确认", "代表确认联名建议。", false),
    (None, "feedback", "意见反馈", "对本网站的意见和建议。", true),
    (None, "mine", "我的提交", "保存在本机的信件、意见和建议。", false),
    (None, "more", "更多", "更多服务。", false),
];

fn level_label(level: &str) -> &'static str {
    match level {
        "national" => "全国人大代表",
        "region" => "自治区人大代表",
        "city" => "市人大代表",
        "county" => "旗县区人大代表",
        "township" => "苏木乡镇人大代表",
        _ => "人大代表",
    }
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

/// The JSON files of `data/{folder}` (not its sub-folders), sorted, with `skip` left out.
fn files_in(data: &Path, folder: &str, skip: &[&str]) -> Result<Vec<std::path::PathBuf>> {
    let dir = data.join(folder);
    let Ok(entries) = std::fs::read_dir(&dir) else { return Ok(Vec::new()) };
    let mut out: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "json"))
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| !skip.contains(&n) && !n.starts_with("page-"))
        })
        .collect();
    out.sort();
    Ok(out)
}

fn read(path: &Path) -> Result<Value> {
    let text = std::fs::read_to_string(path).with_context(|| format!("读取 {} 失败", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("{} 不是有效的 JSON", path.display()))
}

/// The folders whose files each give pages (with the files left out), in the order pages go.
const SOURCES: &[(&str, &[&str])] = &[
    ("deputies", &[]),
    ("news", &[]),
    ("consultations", &["index.json"]),
    ("stations", &["index.json"]),
    ("regions", &[]),
    ("suggestions", &["index.json"]),
    ("training/courses", &[]),
    ("training/lessons", &[]),
];

/// Whether a data file (relative to `data/`) is one that gives pages.
pub fn is_source(rel: &str) -> bool {
    let (folder, name) = rel.rsplit_once('/').unwrap_or(("", rel));
    name.ends_with(".json")
        && !name.starts_with("page-")
        && SOURCES.iter().any(|(f, skip)| *f == folder && !skip.contains(&name))
}

/// Every data file that gives pages, as paths relative to `data/`, in order.
pub fn sources(data: &Path) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for (folder, skip) in SOURCES {
        for f in files_in(data, folder, skip)? {
            if let Some(name) = f.file_name().and_then(|n| n.to_str()) {
                out.push(format!("{folder}/{name}"));
            }
        }
    }
    Ok(out)
}

fn page(path: String, title: &str, description: String, kind: &'static str, listed: bool) -> PageMeta {
    PageMeta { path, title: title.to_string(), description, kind, listed }
}

/// The module pages of the modules the site runs.
pub fn fixed(site: &SiteConfig, each: &mut dyn FnMut(PageMeta) -> Result<()>) -> Result<()> {
    for (module, path, title, description, listed) in FIXED {
        if module.is_none_or(|m| site.runs(m)) {
            each(page(path.to_string(), title, description.to_string(), "website", *listed))?;
        }
    }
    Ok(())
}

/// The pages one data file gives (`rel` relative to `data/`, e.g. `deputies/city-0001.json`).
pub fn of_file(data: &Path, rel: &str, site: &SiteConfig, each: &mut dyn FnMut(PageMeta) -> Result<()>) -> Result<()> {
    let folder = rel.rsplit_once('/').map_or("", |(f, _)| f);
    let v = read(&data.join(rel))?;
    let v = &v;
    match folder {
        "deputies" => {
            let (id, name) = (s(v, "id"), s(v, "name"));
            let about = format!("{}，{}。{}", level_label(s(v, "level")), s(v, "region_name"), s(v, "title"));
            if site.runs(Module::Direct) {
                each(page(format!("direct/deputy/{id}"), name, about.clone(), "profile", true))?;
            }
            if site.runs(Module::Duties) {
                let description = format!("{name}（{about}）的履职活动、来信答复和年度履职报告。");
                each(page(format!("duties/deputy/{id}"), &format!("{name}的履职档案"), description, "profile", true))?;
            }
        }
        "news" => {
            each(page(format!("news/{}", s(v, "id")), s(v, "title"), s(v, "summary").to_string(), "article", true))?
        }
        "consultations" if site.runs(Module::Consult) => {
            let path = format!("consult/{}", s(v, "id"));
            each(page(path, s(v, "title"), s(v, "summary").to_string(), "article", true))?;
        }
        "stations" if site.runs(Module::Duties) => {
            let description =
                format!("地址：{}。开放时间：{}。电话：{}。", s(v, "address"), s(v, "opening_hours"), s(v, "phone"));
            each(page(format!("duties/stations/{}", s(v, "id")), s(v, "name"), description, "website", true))?;
        }
        "regions" if site.runs(Module::Duties) => {
            let name = s(v, "name");
            let description = format!("{name}的五级人大代表、联络站和代表履职活动。");
            each(page(
                format!("duties/place/{}", s(v, "code")),
                &format!("{name}的人大代表"),
                description,
                "website",
                true,
            ))?;
        }
        "suggestions" if site.runs(Module::Proposals) && v.get("lead").is_some() => {
            let description = format!("代表建议（{}），提出、交办、答复和评价的全过程。", s(v, "category"));
            each(page(format!("proposals/{}", s(v, "id")), s(v, "title"), description, "article", true))?;
        }
        "training/courses" if site.runs(Module::Training) => {
            let path = format!("training/course/{}", s(v, "id"));
            each(page(path, s(v, "title"), s(v, "summary").to_string(), "article", true))?;
        }
        "training/lessons" if site.runs(Module::Training) => {
            let description = format!("代表培训课程《{}》的一节。", s(v, "course_title"));
            each(page(format!("training/lesson/{}", s(v, "id")), s(v, "title"), description, "article", true))?;
        }
        _ => {}
    }
    Ok(())
}
