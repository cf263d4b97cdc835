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
//! search/meta.json          the name index: top leaves per first letter, character → pinyin
//! search/{py,ini}/keys-{letter}.json  the leaves of a first letter that is split further
//! search/{py,ini}/{key}.json  one leaf (page) of the pinyin or initials index
//! track/{code}.json         a letter's handling, opened by its receipt code
//! messages/deputy/{id}.json a deputy's public Q&A and responsiveness (only if written to)
//! messages/page-{n}.json    all public Q&A, newest first, 20 a page
//! messages/stats.json       responsiveness per level
//! receptions/{monday}.json the week's receptions at the city hub and county branches (本周接待)
//! consultations/index.json  drafts open for comment (open ones first)
//! consultations/{id}.json   one draft: structure, comments, results and the computed diff
//! map.json, evaluation.json, news/{kind}/page-{n}.json   see sunshine_layout.rs
//! activities/, joint/, activity-stats/   duty records and their statistics (activity_layout.rs)
//! training/…                 courses, lessons and quizzes (see `training_build.rs`)
//! suggestions/…             deputies' suggestions and their handling (see layout_suggestions.rs)
//! ```

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use deputy_model::consult::{ConsultationIndex, ConsultationSummary, Phase};
use deputy_model::message::{DeputyMessages, MessageRecord, MessageStats, PublicMessage, PublicReply, Responsiveness};
use deputy_model::search::SearchKeys;
use deputy_model::site::{Module, SiteConfig, WeekSpan};
use deputy_model::station::{StationIndex, StationTier, WeekReception, WeekReceptions};
use deputy_model::{DeputySummary, FORMAT_VERSION, Level, NewsSummary, Page};
use serde::Serialize;

use crate::world::World;

pub const NEWS_PAGE_SIZE: usize = 10;
pub const LEVEL_PAGE_SIZE: usize = 50;
pub const QA_PAGE_SIZE: usize = 20;

/// Where laid-out files go: written one by one as they are made, so no more than one file's
/// text is in memory at a time, whatever the scale.
pub trait Sink {
    fn put(&mut self, rel: &str, value: &dyn erased::Json) -> Result<()>;
}

/// Collects files in memory (tests and small sets).
#[derive(Default)]
pub struct MemorySink(pub Vec<(String, String)>);

impl Sink for MemorySink {
    fn put(&mut self, rel: &str, value: &dyn erased::Json) -> Result<()> {
        let mut buf = Vec::new();
        value.write_json(&mut buf)?;
        self.0.push((rel.to_string(), String::from_utf8(buf)?));
        Ok(())
    }
}

/// Writes files under a folder as they come, creating each sub-folder once.
pub struct DirSink {
    root: PathBuf,
    made: std::collections::HashSet<PathBuf>,
    pub count: usize,
    pub bytes: u64,
    progress: indicatif::ProgressBar,
}

impl DirSink {
    pub fn new(root: PathBuf, progress: indicatif::ProgressBar) -> Self {
        DirSink { root, made: Default::default(), count: 0, bytes: 0, progress }
    }
}

impl Sink for DirSink {
    fn put(&mut self, rel: &str, value: &dyn erased::Json) -> Result<()> {
        let path = self.root.join(rel);
        if let Some(dir) = path.parent() {
            if !self.made.contains(dir) {
                fs::create_dir_all(dir).with_context(|| format!("创建目录 {} 失败", dir.display()))?;
                self.made.insert(dir.to_path_buf());
            }
        }
        let file = fs::File::create(&path).with_context(|| format!("写入 {} 失败", path.display()))?;
        let mut w = std::io::BufWriter::with_capacity(64 * 1024, file);
        let n = value.write_json(&mut w).with_context(|| format!("写入 {} 失败", path.display()))?;
        std::io::Write::flush(&mut w).with_context(|| format!("写入 {} 失败", path.display()))?;
        self.count += 1;
        self.bytes += n;
        self.progress.inc(1);
        Ok(())
    }
}

/// Every file of the layout as (relative path, JSON text), in memory: for tests and small sets.
#[cfg(test)]
pub fn files(world: &World) -> Result<Vec<(String, String)>> {
    let mut sink = MemorySink::default();
    emit(world, &mut sink)?;
    Ok(sink.0)
}

/// How many files [`emit`] writes for a world, for the progress bar (an estimate is fine).
fn expected_files(world: &World) -> u64 {
    (world.regions.len() * 2 + world.deputies.len() * 2 + world.messages.len() + world.stations.len()) as u64
}

/// This week's receptions (本周接待) by week, keyed by Monday: one entry for every week from the
/// first to the last that has any, empty or not, so that the app can ask for a week's file only
/// when `site.json`'s `reception_weeks` says it is there.
fn reception_weeks(world: &World) -> std::collections::BTreeMap<String, Vec<WeekReception>> {
    let mut weeks: std::collections::BTreeMap<String, Vec<WeekReception>> = Default::default();
    // Only the tiers the home page and the 阳光履职 page show (本周接待): a township's or a
    // village's receptions are on its own station page, and a phone on a metered plan should
    // not fetch them with every home page (the week's file was 43 KB raw with them, 1.6 KB without).
    for st in world.stations.iter().filter(|st| st.summary.tier <= StationTier::CountyBranch) {
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
    let span = weeks.keys().next().zip(weeks.keys().next_back()).map(|(a, b)| (a.clone(), b.clone()));
    let parse = deputy_model::clock::parse_date;
    if let Some((Some(mut monday), Some(last))) = span.map(|(first, last)| (parse(&first), parse(&last))) {
        while monday < last {
            monday += time::Duration::days(7);
            weeks.entry(deputy_model::clock::format_date(monday)).or_default();
        }
    }
    weeks
}

/// The site config as served: when the source does not say which modules the site runs, every
/// module whose data is there (a city without courses, a map or a 履职评议 leaves those out);
/// the weeks that have receptions.
fn site_with_modules(world: &World) -> SiteConfig {
    let mut site = world.site.clone();
    if site.modules.is_none() {
        let has_data = |m: Module| match m {
            Module::Training => world.training.is_some(),
            Module::Map => world.map.is_some(),
            Module::Evaluation => world.evaluation.is_some(),
            _ => true,
        };
        site.modules = Some(Module::ALL.into_iter().filter(|&m| has_data(m)).collect());
    }
    let weeks = reception_weeks(world);
    site.reception_weeks = weeks
        .keys()
        .next()
        .zip(weeks.keys().next_back())
        .map(|(first, last)| WeekSpan { first: first.clone(), last: last.clone() });
    site
}

/// Lay the world out into `sink`, file by file.
pub fn emit(world: &World, sink: &mut dyn Sink) -> Result<()> {
    let mut put = |path: String, value: &dyn erased::Json| -> Result<()> { sink.put(&path, value) };
    put("site.json".into(), &site_with_modules(world))?;
    for r in &world.regions {
        put(format!("regions/{}.json", r.code), r)?;
    }
    // A deputy's file says whether their Q&A file exists (below: only if someone wrote to them).
    let written_to: HashSet<&str> = world.messages.iter().map(|m| m.deputy_id.as_str()).collect();
    for d in &world.deputies {
        let mut file = d.clone();
        file.has_messages = Some(written_to.contains(d.summary.id.as_str()));
        put(format!("deputies/{}.json", d.summary.id), &file)?;
    }
    put("groups.json".into(), &world.groups)?;

    // places: a region's own deputies and those of every region containing it. Deputies are
    // grouped by the codes they represent first, so this is linear in deputies, not a product.
    let mut by_code: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, d) in world.deputies.iter().enumerate() {
        for c in &d.represents {
            by_code.entry(c.as_str()).or_default().push(i);
        }
    }
    for r in &world.regions {
        let mut members: Vec<usize> = r
            .path
            .iter()
            .map(|p| p.code.as_str())
            .chain(std::iter::once(r.code.as_str()))
            .flat_map(|c| by_code.get(c).into_iter().flatten().copied())
            .collect();
        members.sort_unstable();
        members.dedup();
        let mut deputies: Vec<&DeputySummary> = members.iter().map(|&i| &world.deputies[i].summary).collect();
        deputies.sort_by(|a, b| a.level.cmp(&b.level).then_with(|| a.id.cmp(&b.id)));
        let place = PlaceOut { format_version: FORMAT_VERSION, region_code: &r.code, region_name: &r.name, deputies };
        put(format!("places/{}.json", r.code), &place)?;
    }

    let index = StationIndex { format_version: FORMAT_VERSION, stations: station_index(&world.stations) };
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
        let mut list: Vec<&DeputySummary> =
            world.deputies.iter().filter(|d| d.summary.level == level).map(|d| &d.summary).collect();
        list.sort_by(|a, b| a.region_code.cmp(&b.region_code).then_with(|| a.id.cmp(&b.id)));
        for page in Page::paginate(list, LEVEL_PAGE_SIZE) {
            put(format!("levels/{}/page-{}.json", level.key(), page.page), &page)?;
        }
    }

    let summaries: Vec<&DeputySummary> = world.deputies.iter().map(|d| &d.summary).collect();
    let names = crate::search_index::build(&summaries, crate::search_index::LEAF_LIMIT);
    put("search/meta.json".into(), &names.meta)?;
    for keys in &names.keys {
        put(SearchKeys::path(keys.index, &keys.letter), keys)?;
    }
    for leaf in &names.pages {
        put(leaf.path.clone(), &names.shard(leaf, &summaries))?;
    }
    drop(names);

    for m in &world.messages {
        put(format!("track/{}.json", m.receipt_code), m)?;
    }
    // A deputy's Q&A file exists only if someone wrote to them: at national scale most deputies
    // have none, and the app reads a missing file as "no letters yet".
    let mut letters_to: HashMap<&str, Vec<&MessageRecord>> = HashMap::new();
    for m in &world.messages {
        letters_to.entry(m.deputy_id.as_str()).or_default().push(m);
    }
    let public: Vec<PublicMessage> = world.messages.iter().filter_map(public_message).collect();
    let mut public_to: HashMap<&str, Vec<&PublicMessage>> = HashMap::new();
    for m in &public {
        public_to.entry(m.deputy_id.as_str()).or_default().push(m);
    }
    for d in &world.deputies {
        let Some(mine) = letters_to.get(d.summary.id.as_str()) else { continue };
        let mut messages: Vec<PublicMessage> =
            public_to.get(d.summary.id.as_str()).into_iter().flatten().map(|m| (*m).clone()).collect();
        messages.reverse();
        let file = DeputyMessages {
            format_version: FORMAT_VERSION,
            deputy_id: d.summary.id.clone(),
            stats: Responsiveness::of(mine.iter().copied()),
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

    let weeks = reception_weeks(world);
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
    // The modules' own layouts hand over finished JSON texts.
    let mut texts = crate::sunshine_layout::files(world)?;
    texts.extend(crate::activity_layout::files(world)?);
    if let Some(src) = &world.training {
        texts.extend(crate::training_build::files(&crate::training_build::build(src))?);
    }
    for (path, text) in texts {
        sink.put(&path, &erased::Raw(text))?;
    }
    Ok(())
}

/// Most stations one index may list: the stations page, the directory and the map read the whole
/// index, so at national scale (tens of thousands) it keeps to the upper tiers.
pub const STATION_INDEX_MAX: usize = 4_000;

/// The summaries for `stations/index.json`: whole tiers from the top while they fit in
/// [`STATION_INDEX_MAX`] (every station of a city; the hubs of a country). The lower tiers are
/// still reached from their deputies' pages and their own files.
pub(crate) fn station_index(stations: &[deputy_model::Station]) -> Vec<deputy_model::station::StationSummary> {
    use deputy_model::station::StationTier;
    let mut keep = StationTier::ALL[0];
    for tier in StationTier::ALL {
        if stations.iter().filter(|s| s.summary.tier <= tier).count() > STATION_INDEX_MAX {
            break;
        }
        keep = tier;
    }
    stations.iter().filter(|s| s.summary.tier <= keep).map(|s| s.summary.clone()).collect()
}

/// `places/{code}.json` as served (same JSON as `PlaceDeputies`), borrowing the summaries.
#[derive(Serialize)]
struct PlaceOut<'a> {
    format_version: u32,
    region_code: &'a str,
    region_name: &'a str,
    deputies: Vec<&'a DeputySummary>,
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
/// file by file as it is made, which replaces `out` only when complete, so a failed run leaves
/// the old data intact. Returns the number of files written.
#[cfg_attr(not(test), allow(dead_code))]
pub fn write(world: &World, out: &Path) -> Result<usize> {
    write_with(world, out, indicatif::ProgressBar::hidden())
}

/// [`write`] with a progress bar (the command line shows one on a terminal).
pub fn write_with(world: &World, out: &Path, progress: indicatif::ProgressBar) -> Result<usize> {
    write_checked(world, out, progress, |_| Ok(()))
}

/// [`write_with`], running `check` on the complete staging folder before it replaces `out`:
/// a failed check leaves `out` untouched.
pub fn write_checked(
    world: &World,
    out: &Path,
    progress: indicatif::ProgressBar,
    check: impl FnOnce(&Path) -> Result<()>,
) -> Result<usize> {
    let staging = staging_for(out)?;
    progress.set_length(expected_files(world));
    let mut sink = DirSink::new(staging.clone(), progress);
    let result = emit(world, &mut sink).and_then(|_| check(&staging));
    sink.progress.finish_and_clear();
    if let Err(e) = result {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    swap_in(&staging, out)?;
    Ok(sink.count)
}

/// A fresh, empty staging folder beside `out` (same file system, so the final rename is atomic).
pub fn staging_for(out: &Path) -> Result<PathBuf> {
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    fs::create_dir_all(parent).with_context(|| format!("创建目录 {} 失败", parent.display()))?;
    let name = out.file_name().and_then(|n| n.to_str()).unwrap_or("data");
    let staging = parent.join(format!(".{name}.staging-{}", std::process::id()));
    let _ = fs::remove_dir_all(&staging);
    fs::create_dir_all(&staging).with_context(|| format!("创建目录 {} 失败", staging.display()))?;
    Ok(staging)
}

/// Replace `out` with `staging`, keeping the old folder until the new one is in place.
pub fn swap_in(staging: &Path, out: &Path) -> Result<()> {
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
pub mod erased {
    use std::io::Write;

    pub trait Json {
        /// Write the JSON text and return its length in bytes.
        fn write_json(&self, w: &mut dyn Write) -> anyhow::Result<u64>;
    }
    impl<T: super::Serialize> Json for T {
        fn write_json(&self, w: &mut dyn Write) -> anyhow::Result<u64> {
            let mut counted = Counted(w, 0);
            serde_json::to_writer(&mut counted, self)?;
            counted.write_all(b"\n")?;
            Ok(counted.1)
        }
    }
    /// A file whose JSON text is already made (with its final newline).
    pub struct Raw(pub String);
    impl Json for Raw {
        fn write_json(&self, w: &mut dyn Write) -> anyhow::Result<u64> {
            w.write_all(self.0.as_bytes())?;
            Ok(self.0.len() as u64)
        }
    }
    struct Counted<'a>(&'a mut dyn Write, u64);
    impl Write for Counted<'_> {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            let n = self.0.write(buf)?;
            self.1 += n as u64;
            Ok(n)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            self.0.flush()
        }
    }
}
