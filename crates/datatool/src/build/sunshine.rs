//! Served files of 阳光履职 beyond stations and receptions:
//!
//! ```text
//! map.json                  the 7 county-level outlines, the river and station markers
//! evaluation.json           this year's 履职评议: nominated cases and published tallies
//! news/{kind}/page-{n}.json news of one kind (work = 工作动态, profile = 代表风采), newest first
//! ```

use anyhow::Result;
use deputy_model::{NewsKind, NewsSummary, Page};

use super::pages::NEWS_PAGE_SIZE;
use super::sink::json_text as json;
use crate::world::World;

pub fn news_kind_key(kind: NewsKind) -> &'static str {
    match kind {
        NewsKind::Work => "work",
        NewsKind::Profile => "profile",
    }
}

pub fn files(world: &World) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    if let Some(map) = &world.map {
        out.push(("map.json".to_string(), json(map)?));
    }
    if let Some(e) = &world.evaluation {
        out.push(("evaluation.json".to_string(), json(e)?));
    }
    for kind in [NewsKind::Work, NewsKind::Profile] {
        let mut list: Vec<NewsSummary> =
            world.news.iter().filter(|n| n.summary.kind == kind).map(|n| n.summary.clone()).collect();
        list.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| b.id.cmp(&a.id)));
        for page in Page::paginate(list, NEWS_PAGE_SIZE) {
            out.push((format!("news/{}/page-{}.json", news_kind_key(kind), page.page), json(&page)?));
        }
    }
    Ok(out)
}
