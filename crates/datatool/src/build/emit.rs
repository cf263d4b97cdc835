//! The core files of the layout, file by file into a [`Sink`]; the other kinds of data are laid
//! out by the files beside this one.

use std::collections::{HashMap, HashSet};

use anyhow::Result;
use deputy_model::consult::{ConsultationIndex, ConsultationSummary, Phase};
use deputy_model::message::{DeputyMessages, MessageRecord, MessageStats, PublicMessage, PublicReply, Responsiveness};
use deputy_model::search::SearchKeys;
use deputy_model::station::{StationIndex, WeekReceptions};
use deputy_model::{DeputySummary, FORMAT_VERSION, Level, NewsSummary, Page};
use serde::Serialize;

use super::manifest::fingerprint;
use super::pages::{LEVEL_PAGE_SIZE, NEWS_PAGE_SIZE, QA_PAGE_SIZE};
use super::sink::{Sink, erased};
use super::site::{reception_weeks, site_with_modules};
use crate::world::World;

/// Lay the world out into `sink`, file by file.
pub fn emit(world: &World, sink: &mut dyn Sink) -> Result<()> {
    let mut put = |path: String, value: &dyn erased::Json| -> Result<()> { sink.put(&path, value) };
    put("site.json".into(), &site_with_modules(world))?;
    for r in &world.regions {
        put(format!("regions/{}.json", r.code), r)?;
    }
    // A deputy's file says whether their Q&A file exists (below: only if someone wrote to them).
    put("groups.json".into(), &world.groups)?;
    put("latin.json".into(), &super::latin::table(world))?;

    // The parts made from the deputies are millions of files at national scale. Each is laid
    // out again only when what it is made from changed (an answered letter changes none of
    // them; a first letter to a deputy changes the deputies' files).
    let deputies_hash = fingerprint(&[&world.deputies]);
    let written_to: HashSet<&str> = world.messages.iter().map(|m| m.deputy_id.as_str()).collect();
    let mut written_sorted: Vec<&str> = written_to.iter().copied().collect();
    written_sorted.sort_unstable();
    if !sink.unchanged_part("deputies", &["deputies/"], fingerprint(&[&deputies_hash, &written_sorted])) {
        for d in &world.deputies {
            let mut file = d.clone();
            file.has_messages = Some(written_to.contains(d.summary.id.as_str()));
            sink.put(&format!("deputies/{}.json", d.summary.id), &file)?;
        }
    }
    if !sink.unchanged_part("places", &["places/"], fingerprint(&[&deputies_hash, &world.regions])) {
        places(world, sink)?;
    }
    if !sink.unchanged_part("levels", &["levels/"], fingerprint(&[&deputies_hash])) {
        levels(world, sink)?;
    }
    if !sink.unchanged_part("search", &["search/"], fingerprint(&[&deputies_hash])) {
        search(world, sink)?;
    }
    if !sink.unchanged_part("activities", &["activities/"], fingerprint(&[&deputies_hash, &world.activities])) {
        crate::build::activities::put_deputy_files(world, sink)?;
    }
    let mut put = |path: String, value: &dyn erased::Json| -> Result<()> { sink.put(&path, value) };

    // places: a region's own deputies and those of every region containing it. Deputies are
    // grouped by the codes they represent first, so this is linear in deputies, not a product.
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
    for (path, value) in crate::build::suggestions::files(world)? {
        put(path, &value)?;
    }
    // The modules' own layouts hand over finished JSON texts.
    let mut texts = crate::build::sunshine::files(world)?;
    texts.extend(crate::build::activities::files(world)?);
    if let Some(src) = &world.training {
        texts.extend(crate::build::training::files(&crate::build::training::build(src))?);
    }
    for (path, text) in texts {
        sink.put(&path, &erased::Raw(text))?;
    }
    Ok(())
}

/// Most stations one index may list: the stations page, the directory and the map read the whole
/// index, so at national scale (tens of thousands) it keeps to the upper tiers.
/// `places/{code}.json`: everyone who represents a place or a place above it.
fn places(world: &World, sink: &mut dyn Sink) -> Result<()> {
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
        sink.put(&format!("places/{}.json", r.code), &place)?;
    }
    Ok(())
}

/// `levels/{level}/page-{n}.json`.
fn levels(world: &World, sink: &mut dyn Sink) -> Result<()> {
    for level in Level::ALL {
        let mut list: Vec<&DeputySummary> =
            world.deputies.iter().filter(|d| d.summary.level == level).map(|d| &d.summary).collect();
        list.sort_by(|a, b| a.region_code.cmp(&b.region_code).then_with(|| a.id.cmp(&b.id)));
        for page in Page::paginate(list, LEVEL_PAGE_SIZE) {
            sink.put(&format!("levels/{}/page-{}.json", level.key(), page.page), &page)?;
        }
    }
    Ok(())
}

/// `search/…`: the name index.
fn search(world: &World, sink: &mut dyn Sink) -> Result<()> {
    let summaries: Vec<&DeputySummary> = world.deputies.iter().map(|d| &d.summary).collect();
    let names = crate::build::search_index::build(&summaries, crate::build::search_index::LEAF_LIMIT);
    sink.put("search/meta.json", &names.meta)?;
    for keys in &names.keys {
        sink.put(&SearchKeys::path(keys.index, &keys.letter), keys)?;
    }
    for leaf in &names.pages {
        sink.put(&leaf.path, &names.shard(leaf, &summaries))?;
    }
    drop(names);
    Ok(())
}

pub const STATION_INDEX_MAX: usize = 4_000;

/// The summaries for `stations/index.json`: whole tiers from the top while they fit in
/// [`STATION_INDEX_MAX`] (every station of a city; the hubs of a country). The lower tiers are
/// still reached from their deputies' pages and their own files.
pub fn station_index(stations: &[deputy_model::Station]) -> Vec<deputy_model::station::StationSummary> {
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
