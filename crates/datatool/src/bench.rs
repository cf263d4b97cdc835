//! `bench-search`: time the directory's name search per keystroke over a city of about 7,000
//! deputies, the way the app does it: route the query through the sharded index, then rank the
//! leaves it fetched. A benchmark, not a test: it prints figures and never fails.

use std::collections::HashMap;
use std::time::Instant;

use deputy_model::DeputySummary;
use deputy_model::search::fold_query;

use crate::build::search_index;
use crate::build::{MemorySink, Sink};
use crate::generate::{Scale, generate_city_at};

/// Queries typed one character at a time, as people type them.
const QUERIES: &[&str] = &["nrqqg", "娜仁其其格", "narenqiqige", "wangyi", "王", "zhang wei", "bjf", "邬旗军"];

pub fn run(seed: u64, rounds: usize) -> String {
    let world = generate_city_at(seed, Scale::FULL);
    let summaries: Vec<&DeputySummary> = world.deputies.iter().map(|d| &d.summary).collect();
    let ix = search_index::build(&summaries, search_index::LEAF_LIMIT);
    let mut sink = MemorySink::default();
    let _ = sink.put("search/meta.json", &ix.meta);
    for k in &ix.keys {
        let _ = sink.put(&deputy_model::search::SearchKeys::path(k.index, &k.letter), k);
    }
    for p in &ix.pages {
        let _ = sink.put(&p.path, &ix.shard(p, &summaries));
    }
    let files: HashMap<String, String> = sink.0.into_iter().collect();
    let largest = ix.pages.iter().map(|p| p.members.len()).max().unwrap_or(0);
    let mut out = format!(
        "name search over {} deputies, {} leaf files (largest {} entries), {} rounds per keystroke\n",
        world.deputies.len(),
        ix.pages.len(),
        largest,
        rounds
    );
    let mut all_times = Vec::new();
    for q in QUERIES {
        let chars: Vec<char> = q.chars().collect();
        let mut per_key = Vec::new();
        for n in 1..=chars.len() {
            let typed: String = chars[..n].iter().collect();
            if fold_query(&typed).is_empty() {
                continue;
            }
            let start = Instant::now();
            let mut hits = 0;
            for _ in 0..rounds {
                // Parsing is included: the app decodes each fetched file too.
                let mut read = |p: &str| files.get(p).cloned().ok_or_else(|| anyhow::anyhow!("{p}"));
                hits = crate::search_cost::lookup(&mut read, &typed).map(|l| l.names.len()).unwrap_or(0);
            }
            let ms = start.elapsed().as_secs_f64() * 1000.0 / rounds as f64;
            per_key.push(format!("{typed}→{hits} {ms:.3}ms"));
            all_times.push(ms);
        }
        out.push_str(&format!("  {q:<12} {}\n", per_key.join(", ")));
    }
    all_times.sort_by(|a, b| a.total_cmp(b));
    let median = all_times.get(all_times.len() / 2).copied().unwrap_or(0.0);
    let max = all_times.last().copied().unwrap_or(0.0);
    out.push_str(&format!("per keystroke (native, release): median {median:.3} ms, max {max:.3} ms; goal ≤ 16 ms\n"));
    out
}
