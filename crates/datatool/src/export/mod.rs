//! `export DIR`: open data for anyone to reuse, written into the served folder under
//! `DIR/export/`: CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese) and JSON of
//! the public records, and Atom feeds of the news, of each consultation and of each deputy's
//! public activity. Nothing personal is exported: only what the site already shows.

mod feeds;
mod suggestions;

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use anyhow::{Context, Result};
use serde::Serialize;

use crate::load;

/// A CSV export: UTF-8 with a byte-order mark (Excel, common in stations' offices, otherwise
/// misreads the Chinese), every cell safe to open in a spreadsheet (`csv_cell`).
fn csv_bytes<T: Serialize>(rows: &[T]) -> Result<Vec<u8>> {
    crate::csv_cell::csv_bytes(&[0xEF, 0xBB, 0xBF], rows)
}

#[derive(Serialize)]
struct DeputyRow<'a> {
    id: &'a str,
    name: &'a str,
    name_mn: &'a str,
    level: &'a str,
    region_code: &'a str,
    region_name: &'a str,
    title: &'a str,
    constituency: &'a str,
    term: &'a str,
    ethnicity: &'a str,
    group_id: &'a str,
    station_id: &'a str,
}

#[derive(Serialize)]
struct LetterRow {
    deputy_id: String,
    deputy_name: String,
    subject: String,
    category: String,
    content: String,
    received_at: String,
    state: String,
    reply_by: String,
    reply_at: String,
    reply: String,
    rating: String,
    suggestion_id: String,
}

#[derive(Serialize)]
struct CommentRow<'a> {
    consultation_id: &'a str,
    consultation_title: &'a str,
    article: u32,
    text: &'a str,
    at: &'a str,
}

#[derive(Serialize)]
struct AdoptionRow<'a> {
    consultation_id: &'a str,
    article: u32,
    result: &'a str,
    reason: &'a str,
    comments: String,
}

/// What `export` wrote, for the summary line.
pub struct Written {
    pub files: usize,
}

pub fn run(dir: &Path, site_url: &str) -> Result<Written> {
    let loaded = load::load(dir)?;
    if !loaded.problems.is_empty() {
        anyhow::bail!("数据目录有 {} 个问题，请先用 validate 检查并修正", loaded.problems.len());
    }
    let data = &loaded.data;
    let out = dir.join("export");
    fs::create_dir_all(out.join("feeds/deputies")).context("创建 export 目录失败")?;
    fs::create_dir_all(out.join("feeds/consultations")).context("创建 export 目录失败")?;
    let base = site_url.trim_end_matches('/');
    let mut files = 0;
    let mut write = |rel: &str, bytes: Vec<u8>| -> Result<()> {
        fs::write(out.join(rel), bytes).with_context(|| format!("写入 export/{rel} 失败"))?;
        files += 1;
        Ok(())
    };

    // Deputies.
    let mut deputies: Vec<_> = data.deputies.iter().map(|(_, d)| d).collect();
    deputies.sort_by(|a, b| a.summary.id.cmp(&b.summary.id));
    let rows: Vec<DeputyRow> = deputies
        .iter()
        .map(|d| DeputyRow {
            id: &d.summary.id,
            name: &d.summary.name,
            name_mn: d.summary.name_mn.as_deref().unwrap_or(""),
            level: d.summary.level.key(),
            region_code: &d.summary.region_code,
            region_name: &d.summary.region_name,
            title: &d.summary.title,
            constituency: &d.constituency,
            term: &d.term,
            ethnicity: &d.ethnicity,
            group_id: d.summary.group_id.as_deref().unwrap_or(""),
            station_id: d.summary.station_id.as_deref().unwrap_or(""),
        })
        .collect();
    write("deputies.csv", csv_bytes(&rows)?)?;
    write("deputies.json", serde_json::to_vec_pretty(&deputies.iter().map(|d| &d.summary).collect::<Vec<_>>())?)?;

    // Published letters and their replies (only those whose writers agreed).
    let mut public: Vec<_> = data.messages.iter().filter_map(|(_, m)| crate::build::public_message(m)).collect();
    public.sort_by(|a, b| a.received_at.cmp(&b.received_at));
    let letters: Vec<LetterRow> = public
        .iter()
        .map(|m| LetterRow {
            deputy_id: m.deputy_id.clone(),
            deputy_name: m.deputy_name.clone(),
            subject: m.subject.clone(),
            category: m.category.clone(),
            content: m.content.clone(),
            received_at: m.received_at.clone(),
            state: format!("{:?}", m.state).to_lowercase(),
            reply_by: m.reply.as_ref().map(|r| r.by.clone()).unwrap_or_default(),
            reply_at: m.reply.as_ref().map(|r| r.at.clone()).unwrap_or_default(),
            reply: m.reply.as_ref().map(|r| r.text.clone()).unwrap_or_default(),
            rating: m.rating.map(|r| format!("{r:?}").to_lowercase()).unwrap_or_default(),
            suggestion_id: m.suggestion_id.clone().unwrap_or_default(),
        })
        .collect();
    write("letters.csv", csv_bytes(&letters)?)?;
    write("letters.json", serde_json::to_vec_pretty(&public)?)?;

    // Consultations: published comments and adoption results.
    let mut comments = Vec::new();
    let mut adoption = Vec::new();
    for (_, c) in &data.consultations {
        for cm in &c.comments {
            comments.push(CommentRow {
                consultation_id: &c.summary.id,
                consultation_title: &c.summary.title,
                article: cm.article,
                text: &cm.text,
                at: &cm.at,
            });
        }
        for a in &c.adoption {
            let result = match a.result {
                deputy_model::consult::AdoptionResult::Adopted => "adopted",
                deputy_model::consult::AdoptionResult::Partly => "partly",
                deputy_model::consult::AdoptionResult::NotAdopted => "not_adopted",
            };
            adoption.push(AdoptionRow {
                consultation_id: &c.summary.id,
                article: a.article,
                result,
                reason: &a.reason,
                comments: a.comments.join(" | "),
            });
        }
    }
    write("consultation-comments.csv", csv_bytes(&comments)?)?;
    write("consultation-adoption.csv", csv_bytes(&adoption)?)?;

    // Suggestions and their handling (all are public once submitted).
    let mut all: Vec<_> = data.suggestions.iter().map(|(_, s)| s).collect();
    all.sort_by(|a, b| a.id.cmp(&b.id));
    write("suggestions.csv", csv_bytes(&suggestions::rows(&all, base))?)?;
    write("suggestion-steps.csv", csv_bytes(&suggestions::steps(&all))?)?;
    write("suggestions.json", serde_json::to_vec_pretty(&all)?)?;

    // Feeds.
    write("feeds/news.atom", feeds::news_feed(data, base).to_string().into_bytes())?;
    write("feeds/suggestions.atom", feeds::suggestions_feed(&all, base).to_string().into_bytes())?;
    for (_, c) in &data.consultations {
        let feed = feeds::consultation_feed(c, base);
        write(&format!("feeds/consultations/{}.atom", c.summary.id), feed.to_string().into_bytes())?;
    }
    let records: HashMap<&str, _> = data.activities.iter().map(|(_, a)| (a.deputy_id.as_str(), a)).collect();
    for d in &deputies {
        let feed = feeds::deputy_feed(data, d, records.get(d.summary.id.as_str()).copied(), &public, base);
        write(&format!("feeds/deputies/{}.atom", d.summary.id), feed.to_string().into_bytes())?;
    }
    Ok(Written { files })
}

#[cfg(test)]
mod tests {
    use super::*;
    use atom_syndication::Feed;

    #[test]
    fn exports_csv_json_and_feeds() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let mut world = crate::generate::generate_city(3);
        for src in crate::build::consultations::load_sources(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/consultations"),
        )
        .unwrap()
        {
            world.consultations.push(crate::build::consultations::build(&src).unwrap());
        }
        crate::build::write(&world, &data).unwrap();
        let w = run(&data, "https://example.invalid/renda/").unwrap();
        assert!(w.files > world.deputies.len());
        let csv = fs::read_to_string(data.join("export/deputies.csv")).unwrap();
        assert!(csv.starts_with('\u{feff}'), "BOM for spreadsheets");
        assert_eq!(csv.lines().count(), world.deputies.len() + 1);
        assert!(csv.contains("娜仁其其格"));
        let letters = fs::read_to_string(data.join("export/letters.csv")).unwrap();
        // Only letters whose writers agreed are exported, and never a receipt code.
        let public = world.messages.iter().filter(|m| m.public).count();
        let mut reader = csv::Reader::from_reader(letters.trim_start_matches('\u{feff}').as_bytes());
        assert_eq!(reader.records().count(), public);
        for m in &world.messages {
            assert!(!letters.contains(&m.receipt_code));
        }
        let news = fs::read_to_string(data.join("export/feeds/news.atom")).unwrap();
        let feed: Feed = news.parse().unwrap();
        assert_eq!(feed.entries.len(), world.news.len());
        assert!(feed.entries[0].links[0].href.starts_with("https://example.invalid/renda/news/"));
        let c: Feed =
            fs::read_to_string(data.join("export/feeds/consultations/2024-03.atom")).unwrap().parse().unwrap();
        assert!(c.entries.iter().any(|e| e.title.value.contains("采纳")));

        // Suggestions: one row each, the handling's steps, and the newsletter's dairy suggestion
        // with its units, B reply and rating.
        let rows = csv_records(&data.join("export/suggestions.csv"));
        assert_eq!(rows.len(), world.suggestions.len());
        let header = csv::Reader::from_path(data.join("export/suggestions.csv")).unwrap().headers().unwrap().clone();
        let col = |name: &str| header.iter().position(|h| h.trim_start_matches('\u{feff}') == name).unwrap();
        let dairy = rows.iter().find(|r| &r[col("id")] == "2025-0007").expect("the dairy suggestion");
        assert_eq!(&dairy[col("status")], "closed");
        assert_eq!(&dairy[col("lead_unit")], "市农牧局");
        assert_eq!(&dairy[col("result")], "B");
        assert_eq!(&dairy[col("rating")], "satisfied");
        assert!(dairy[col("url")].ends_with("/proposals/2025-0007"));
        let steps = csv_records(&data.join("export/suggestion-steps.csv"));
        assert_eq!(steps.len(), world.suggestions.iter().map(|s| s.events.len()).sum::<usize>());
        let json: Vec<serde_json::Value> =
            serde_json::from_slice(&fs::read(data.join("export/suggestions.json")).unwrap()).unwrap();
        assert_eq!(json.len(), world.suggestions.len());
        let sf: Feed = fs::read_to_string(data.join("export/feeds/suggestions.atom")).unwrap().parse().unwrap();
        assert!(sf.entries.iter().any(|e| e.title.value == format!("答复：{}", world_title(&world, "2025-0007"))));

        // A deputy's feed carries their duty record, newest first.
        let record = world.activities.iter().find(|a| !a.activities.is_empty()).unwrap();
        let df: Feed = fs::read_to_string(data.join(format!("export/feeds/deputies/{}.atom", record.deputy_id)))
            .unwrap()
            .parse()
            .unwrap();
        assert!(df.entries.len() >= record.activities.len());
        let newest = record.activities.iter().map(|a| a.date.as_str()).max().unwrap();
        assert!(df.entries[0].updated.to_rfc3339() >= format!("{newest}T09:00:00+08:00"));
        assert!(df.entries.iter().any(|e| e.links[0].href.contains("/duties/deputy/")));
        // The folder still validates: exports sit beside the data, outside its layout.
        assert!(crate::validate::run(&data).unwrap().ok);
    }

    fn csv_records(path: &Path) -> Vec<csv::StringRecord> {
        csv::Reader::from_path(path).unwrap().records().map(|r| r.unwrap()).collect()
    }

    fn world_title(world: &crate::world::World, id: &str) -> String {
        world.suggestions.iter().find(|s| s.id == id).unwrap().title.clone()
    }

    #[test]
    fn refuses_a_broken_folder() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        crate::build::write(&crate::generate::generate_city(3), &data).unwrap();
        fs::write(data.join("site.json"), "{\"format_version\":1,").unwrap();
        assert!(run(&data, "https://example.invalid/").is_err());
        assert!(!data.join("export").exists());
    }
}
