//! The served layout: how a [`World`] becomes files under `data/`. Index files and per-item
//! files, so no page downloads the whole data set; long lists are paged.
//!
//! ```text
//! site.json                 site config
//! regions/{code}.json       a node of the administrative tree with its path and children
//! places/{code}.json        every deputy who represents that place, all five levels
//! deputies/{id}.json        one deputy
//! groups.json               deputy groups
//! stations/index.json       all liaison stations (summaries)
//! stations/{id}.json        one station with its deputies and reception schedule
//! news/page-{n}.json        news summaries, newest first, 10 a page
//! news/{id}.json            one article
//! levels/{level}/page-{n}.json  deputies of one level, 50 a page
//! search/meta.json          the name index's shards and the first-character map
//! search/{letter}.json      one shard of the name index (pinyin computed here)
//! track/{code}.json         a letter's handling, opened by its receipt code
//! messages/deputy/{id}.json a deputy's public Q&A and responsiveness
//! messages/page-{n}.json    all public Q&A, newest first, 20 a page
//! messages/stats.json       responsiveness per level
//! receptions/{monday}.json every station reception of one week (home page: 本周接待)
//! consultations/index.json  drafts open for comment (open ones first)
//! consultations/{id}.json   one draft: structure, comments, results and the computed diff
//! suggestions/…             deputies' suggestions and their handling (see layout_suggestions.rs)
//! map.json, evaluation.json, news/{kind}/page-{n}.json   see sunshine_layout.rs
//! activities/, joint/, activity-stats/   duty records and their statistics (activity_layout.rs)
//! training/…                 courses, lessons and quizzes (see `training_build.rs`)
//! ```

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use deputy_model::consult::{ConsultationIndex, ConsultationSummary, Phase};
use deputy_model::deputy::PlaceDeputies;
use deputy_model::message::{DeputyMessages, MessageRecord, MessageStats, PublicMessage, PublicReply, Responsiveness};
use deputy_model::station::{StationIndex, WeekReception, WeekReceptions};
use deputy_model::{DeputySummary, FORMAT_VERSION, Level, NewsSummary, Page};
use serde::Serialize;

use crate::world::World;

pub const NEWS_PAGE_SIZE: usize = 10;
pub const LEVEL_PAGE_SIZE: usize = 50;
pub const QA_PAGE_SIZE: usize = 20;

/// Every file of the layout as (relative path, JSON text).
pub fn files(world: &World) -> Result<Vec<(String, String)>> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut put = |path: String, value: &dyn erased::Json| -> Result<()> {
        out.push((path, value.to_json()?));
        Ok(())
    };
    put("site.json".into(), &world.site)?;
    for r in &world.regions {
        put(format!("regions/{}.json", r.code), r)?;
    }
    for d in &world.deputies {
        put(format!("deputies/{}.json", d.summary.id), d)?;
    }
    put("groups.json".into(), &world.groups)?;

    // places: a region's own deputies and those of every region containing it.
    let ancestors: HashMap<&str, Vec<&str>> =
        world.regions.iter().map(|r| (r.code.as_str(), r.path.iter().map(|p| p.code.as_str()).collect())).collect();
    for r in &world.regions {
        let mut covering: Vec<&str> = ancestors.get(r.code.as_str()).cloned().unwrap_or_default();
        covering.push(r.code.as_str());
        let mut deputies: Vec<DeputySummary> = world
            .deputies
            .iter()
            .filter(|d| d.represents.iter().any(|c| covering.contains(&c.as_str())))
            .map(|d| d.summary.clone())
            .collect();
        deputies.sort_by(|a, b| a.level.cmp(&b.level).then_with(|| a.id.cmp(&b.id)));
        let place = PlaceDeputies {
            format_version: FORMAT_VERSION,
            region_code: r.code.clone(),
            region_name: r.name.clone(),
            deputies,
        };
        put(format!("places/{}.json", r.code), &place)?;
    }

    let index = StationIndex {
        format_version: FORMAT_VERSION,
        stations: world.stations.iter().map(|s| s.summary.clone()).collect(),
    };
    put("stations/index.json".into(), &index)?;
    for s in &world.stations {
        put(format!("stations/{}.json", s.summary.id), s)?;
    }

    let mut summaries: Vec<NewsSummary> = world.news.iter().map(|n| n.summary.clone()).collect();
    summaries.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| b.id.cmp(&a.id)));
    for page in Page::paginate(summaries, NEWS_PAGE_SIZE) {
        put(format!("news/page-{}.json", page.page), &page)?;
    }
    for n in &world.news {
        put(format!("news/{}.json", n.summary.id), n)?;
    }

    for level in Level::ALL {
        let mut list: Vec<DeputySummary> =
            world.deputies.iter().filter(|d| d.summary.level == level).map(|d| d.summary.clone()).collect();
        list.sort_by(|a, b| a.region_code.cmp(&b.region_code).then_with(|| a.id.cmp(&b.id)));
        for page in Page::paginate(list, LEVEL_PAGE_SIZE) {
            put(format!("levels/{}/page-{}.json", level.key(), page.page), &page)?;
        }
    }

    let (meta, shards) = crate::search_index::build(&world.deputies);
    put("search/meta.json".into(), &meta)?;
    for shard in &shards {
        put(format!("search/{}.json", shard.key), shard)?;
    }

    for m in &world.messages {
        put(format!("track/{}.json", m.receipt_code), m)?;
    }
    let public: Vec<PublicMessage> = world.messages.iter().filter_map(public_message).collect();
    for d in &world.deputies {
        let mine: Vec<&MessageRecord> = world.messages.iter().filter(|m| m.deputy_id == d.summary.id).collect();
        let mut messages: Vec<PublicMessage> = public.iter().filter(|m| m.deputy_id == d.summary.id).cloned().collect();
        messages.reverse();
        let file = DeputyMessages {
            format_version: FORMAT_VERSION,
            deputy_id: d.summary.id.clone(),
            stats: Responsiveness::of(mine),
            messages,
        };
        put(format!("messages/deputy/{}.json", d.summary.id), &file)?;
    }
    let mut newest_first = public.clone();
    newest_first.reverse();
    for page in Page::paginate(newest_first, QA_PAGE_SIZE) {
        put(format!("messages/page-{}.json", page.page), &page)?;
    }
    let level_of: HashMap<&str, Level> =
        world.deputies.iter().map(|d| (d.summary.id.as_str(), d.summary.level)).collect();
    let stats = MessageStats {
        format_version: FORMAT_VERSION,
        all: Responsiveness::of(&world.messages),
        by_level: Level::ALL
            .iter()
            .map(|l| {
                (
                    *l,
                    Responsiveness::of(world.messages.iter().filter(|m| level_of.get(m.deputy_id.as_str()) == Some(l))),
                )
            })
            .collect(),
    };
    put("messages/stats.json".into(), &stats)?;

    let mut weeks: std::collections::BTreeMap<String, Vec<WeekReception>> = Default::default();
    for st in &world.stations {
        for r in &st.receptions {
            let Some(day) = deputy_model::clock::parse_date(&r.date) else { continue };
            let monday = deputy_model::clock::format_date(deputy_model::station::week_start(day));
            weeks.entry(monday).or_default().push(WeekReception {
                date: r.date.clone(),
                time: r.time.clone(),
                station_id: st.summary.id.clone(),
                station_name: st.summary.name.clone(),
                tier: st.summary.tier,
                deputy_id: r.deputy_id.clone(),
                deputy_name: r.deputy_name.clone(),
            });
        }
    }
    for (week_start, mut receptions) in weeks {
        receptions.sort_by(|a, b| a.date.cmp(&b.date).then(a.tier.cmp(&b.tier)).then(a.station_id.cmp(&b.station_id)));
        let file = WeekReceptions { format_version: FORMAT_VERSION, week_start: week_start.clone(), receptions };
        put(format!("receptions/{week_start}.json"), &file)?;
    }

    let mut summaries: Vec<ConsultationSummary> = world.consultations.iter().map(|c| c.summary.clone()).collect();
    summaries
        .sort_by(|a, b| (a.phase != Phase::Open).cmp(&(b.phase != Phase::Open)).then_with(|| b.closes.cmp(&a.closes)));
    put(
        "consultations/index.json".into(),
        &ConsultationIndex { format_version: FORMAT_VERSION, consultations: summaries },
    )?;
    for c in &world.consultations {
        put(format!("consultations/{}.json", c.summary.id), c)?;
    }
    for (path, value) in crate::layout_suggestions::files(world)? {
        put(path, &value)?;
    }
    out.extend(crate::sunshine_layout::files(world)?);
    out.extend(crate::activity_layout::files(world)?);
    if let Some(src) = &world.training {
        out.extend(crate::training_build::files(&crate::training_build::build(src))?);
    }
    Ok(out)
}

/// What the public Q&A shows of a letter: only letters whose writers agreed, without the
/// receipt code (which opens the record) or anything personal.
pub fn public_message(m: &MessageRecord) -> Option<PublicMessage> {
    if !m.public {
        return None;
    }
    let state = m.state().ok()?;
    Some(PublicMessage {
        id: format!("m-{}", &m.receipt_code[..6]),
        deputy_id: m.deputy_id.clone(),
        deputy_name: m.deputy_name.clone(),
        subject: m.subject.clone(),
        category: m.category.clone(),
        content: m.content.clone()?,
        received_at: m.received_at()?.to_string(),
        state,
        reply: m.last_reply().map(|(at, by, text)| PublicReply { at: at.into(), by: by.into(), text: text.into() }),
        rating: m.last_rating(),
        suggestion_id: m.suggestion_id.clone(),
    })
}

/// Write the layout into `out` atomically: everything goes to a fresh sibling folder first,
/// which replaces `out` only when complete, so a failed run leaves the old data intact.
pub fn write(world: &World, out: &Path) -> Result<usize> {
    let files = files(world)?;
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    fs::create_dir_all(parent).with_context(|| format!("创建目录 {} 失败", parent.display()))?;
    let name = out.file_name().and_then(|n| n.to_str()).unwrap_or("data");
    let staging = parent.join(format!(".{name}.staging-{}", std::process::id()));
    let _ = fs::remove_dir_all(&staging);
    for (rel, text) in &files {
        let path = staging.join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).with_context(|| format!("创建目录 {} 失败", dir.display()))?;
        }
        fs::write(&path, text).with_context(|| format!("写入 {} 失败", path.display()))?;
    }
    swap_in(&staging, out)?;
    Ok(files.len())
}

/// Replace `out` with `staging`, keeping the old folder until the new one is in place.
fn swap_in(staging: &Path, out: &Path) -> Result<()> {
    let old: PathBuf = out.with_extension("previous");
    let _ = fs::remove_dir_all(&old);
    if out.exists() {
        fs::rename(out, &old).with_context(|| format!("移走旧目录 {} 失败", out.display()))?;
    }
    if let Err(e) = fs::rename(staging, out) {
        // Put the old data back before reporting.
        let _ = fs::rename(&old, out);
        return Err(e).with_context(|| format!("替换目录 {} 失败", out.display()));
    }
    let _ = fs::remove_dir_all(&old);
    Ok(())
}

/// Serialize anything serde can, compactly, with a final newline.
mod erased {
    pub trait Json {
        fn to_json(&self) -> anyhow::Result<String>;
    }
    impl<T: super::Serialize> Json for T {
        fn to_json(&self) -> anyhow::Result<String> {
            Ok(serde_json::to_string(self)? + "\n")
        }
    }
}
