//! `bench-search`: time the directory's name search per keystroke over a city of about 7,000
//! deputies, the way the app does it: pick the shard for the query, then rank that shard.
//! A benchmark, not a test: it prints figures and never fails.

use std::time::Instant;

use deputy_model::search::{fold_query, search_entries, shard_for};

use crate::generate::{Scale, generate_city_at};
use crate::search_index;

/// Queries typed one character at a time, as people type them.
const QUERIES: &[&str] = &["nrqqg", "娜仁其其格", "narenqiqige", "wangyi", "王", "zhang wei", "bjf", "邬旗军"];

pub fn run(seed: u64, rounds: usize) -> String {
    let world = generate_city_at(seed, Scale::FULL);
    let (meta, shards) = search_index::build(&world.deputies);
    let largest = shards.iter().map(|s| s.entries.len()).max().unwrap_or(0);
    let mut out = format!(
        "name search over {} deputies, {} shards (largest {} entries), {} rounds per keystroke\n",
        world.deputies.len(),
        shards.len(),
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
                let Some(key) = shard_for(&meta, &typed) else {
                    continue;
                };
                if let Some(shard) = shards.iter().find(|s| s.key == key) {
                    hits = search_entries(&shard.entries, &typed).len();
                }
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
