//! The served files of the duty records (阳光履职), called from `build/mod.rs`:
//!
//! ```text
//! activities/{deputy_id}.json    a deputy's duty record and own note
//! joint/{code}.json              joint five-level activities at a township / in a county / the city
//! activity-stats/{scope}.json    counts by kind and year and reply statistics of a scope:
//!                                all, level-{l}, county-{c}, county-{c}-level-{l}, group-{g}
//! ```
//!
//! Aggregates are computed here once with the model's functions, so the stats page fetches one
//! small file per choice of filters instead of hundreds of records.

use std::collections::HashMap;

use anyhow::Result;
use deputy_model::Level;
use deputy_model::activity::DeputyActivities;
use deputy_model::activity_stats::{ScopeStats, scope_key};
use deputy_model::message::{MessageRecord, Responsiveness};

use super::sink::{Sink, json_text as json};
use crate::world::World;

/// The county-level code of a deputy's region (none for deputies of the site's own region,
/// e.g. city-wide ones).
fn county_of<'a>(region_code: &'a str, site_code: &str) -> Option<&'a str> {
    (region_code.len() >= 6 && &region_code[..6] != site_code).then(|| &region_code[..6])
}

/// `activities/{deputy_id}.json`, one per deputy (a part of its own: millions of files at
/// national scale, made from the deputies and their records only).
pub fn put_deputy_files(world: &World, sink: &mut dyn Sink) -> Result<()> {
    for r in &world.activities {
        sink.put(&format!("activities/{}.json", r.deputy_id), r)?;
    }
    // Every deputy has a duty record page, so every deputy has a file: an empty record for
    // those without activities yet (a new city's first build), not a 404.
    let recorded: std::collections::HashSet<&str> = world.activities.iter().map(|r| r.deputy_id.as_str()).collect();
    for d in world.deputies.iter().filter(|d| !recorded.contains(d.summary.id.as_str())) {
        let empty = DeputyActivities {
            format_version: deputy_model::FORMAT_VERSION,
            deputy_id: d.summary.id.clone(),
            deputy_name: d.summary.name.clone(),
            level: d.summary.level,
            own_note: None,
            activities: Vec::new(),
        };
        sink.put(&format!("activities/{}.json", d.summary.id), &empty)?;
    }
    Ok(())
}

/// The other files: joint activities by place and the statistics of every scope.
pub fn files(world: &World) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for p in crate::generate::activities::by_place(&world.regions, &world.joint) {
        out.push((format!("joint/{}.json", p.region_code), json(&p)?));
    }

    let last_year = world.site.updated_at.get(..4).and_then(|y| y.parse().ok()).unwrap_or(2026);
    let records: HashMap<&str, &DeputyActivities> =
        world.activities.iter().map(|r| (r.deputy_id.as_str(), r)).collect();
    let mut letters: HashMap<&str, Vec<&MessageRecord>> = HashMap::new();
    for m in &world.messages {
        letters.entry(m.deputy_id.as_str()).or_default().push(m);
    }
    let mut scope = |key: String, ids: Vec<&str>| -> Result<()> {
        let recs = ids.iter().filter_map(|id| records.get(id).copied());
        let replies = Responsiveness::of(ids.iter().flat_map(|id| letters.get(id).cloned().unwrap_or_default()));
        let stats = ScopeStats::of(&key, recs, last_year, replies);
        out.push((format!("activity-stats/{key}.json"), json(&stats)?));
        Ok(())
    };
    let deputies = &world.deputies;
    let ids = |f: &dyn Fn(&deputy_model::Deputy) -> bool| -> Vec<&str> {
        deputies.iter().filter(|d| f(d)).map(|d| d.summary.id.as_str()).collect()
    };
    scope(scope_key(None, None, None), ids(&|_| true))?;
    for l in Level::ALL {
        scope(scope_key(Some(l), None, None), ids(&|d| d.summary.level == l))?;
    }
    // Bucket the deputies by county and by group once: at national scale there are thousands
    // of counties, and scanning every deputy for each of them would take hours.
    let mut in_county: HashMap<&str, Vec<&deputy_model::Deputy>> = HashMap::new();
    let mut in_group: HashMap<&str, Vec<&str>> = HashMap::new();
    for d in deputies {
        if let Some(c) = county_of(&d.summary.region_code, &world.site.region_code) {
            in_county.entry(c).or_default().push(d);
        }
        if let Some(g) = d.summary.group_id.as_deref() {
            in_group.entry(g).or_default().push(d.summary.id.as_str());
        }
    }
    let counties: Vec<&str> = world
        .regions
        .iter()
        .filter_map(|r| county_of(&r.code, &world.site.region_code).filter(|c| *c == r.code))
        .collect();
    for c in counties {
        let mine: &[&deputy_model::Deputy] = in_county.get(c).map(Vec::as_slice).unwrap_or_default();
        let ids_in = |f: &dyn Fn(&deputy_model::Deputy) -> bool| -> Vec<&str> {
            mine.iter().filter(|d| f(d)).map(|d| d.summary.id.as_str()).collect()
        };
        scope(scope_key(None, Some(c), None), ids_in(&|_| true))?;
        for l in Level::ALL {
            scope(scope_key(Some(l), Some(c), None), ids_in(&|d| d.summary.level == l))?;
        }
    }
    for g in &world.groups.groups {
        scope(scope_key(None, None, Some(&g.id)), in_group.get(g.id.as_str()).cloned().unwrap_or_default())?;
    }
    Ok(out)
}
