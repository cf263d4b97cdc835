//! `export DIR`: open data for anyone to reuse, written into the served folder under
//! `DIR/export/`: CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese) and JSON of
//! the public records, and Atom feeds of the news, of each consultation and of each deputy's
//! public activity. Nothing personal is exported: only what the site already shows.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result};
use atom_syndication::{Entry, Feed, Link, Text};
use deputy_model::validate::Dataset;
use serde::Serialize;

use crate::load;

/// Feed timestamps: the news date at 09:00 in Asia/Shanghai (the site shows dates only).
fn date_time(date: &str) -> atom_syndication::FixedDateTime {
    atom_syndication::FixedDateTime::parse_from_rfc3339(&format!("{date}T09:00:00+08:00"))
        .or_else(|_| atom_syndication::FixedDateTime::parse_from_rfc3339(date))
        .unwrap_or_default()
}

fn csv_bytes<T: Serialize>(rows: &[T]) -> Result<Vec<u8>> {
    // A byte-order mark: Excel (common in stations' offices) otherwise misreads UTF-8 Chinese.
    let mut w = csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]);
    for r in rows {
        w.serialize(r)?;
    }
    Ok(w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?)
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
    let mut public: Vec<_> = data.messages.iter().filter_map(|(_, m)| crate::layout::public_message(m)).collect();
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

    // Feeds.
    let base = site_url.trim_end_matches('/');
    write("feeds/news.atom", news_feed(data, base).to_string().into_bytes())?;
    for (_, c) in &data.consultations {
        let feed = consultation_feed(c, base);
        write(&format!("feeds/consultations/{}.atom", c.summary.id), feed.to_string().into_bytes())?;
    }
    for d in &deputies {
        let feed = deputy_feed(data, d, &public, base);
        write(&format!("feeds/deputies/{}.atom", d.summary.id), feed.to_string().into_bytes())?;
    }
    Ok(Written { files })
}

fn feed(id: String, title: String, link: String, updated: &str, entries: Vec<Entry>) -> Feed {
    Feed {
        id,
        title: Text::plain(title),
        updated: date_time(updated),
        links: vec![Link { href: link, ..Default::default() }],
        entries,
        ..Default::default()
    }
}

fn entry(id: String, title: String, link: String, when: &str, summary: String) -> Entry {
    Entry {
        id,
        title: Text::plain(title),
        updated: date_time(when),
        links: vec![Link { href: link, ..Default::default() }],
        summary: Some(Text::plain(summary)),
        ..Default::default()
    }
}

fn news_feed(data: &Dataset, base: &str) -> Feed {
    let mut news: Vec<_> = data.news.iter().map(|(_, n)| n).collect();
    news.sort_by(|a, b| b.summary.date.cmp(&a.summary.date).then(b.summary.id.cmp(&a.summary.id)));
    let updated = news.first().map(|n| n.summary.date.clone()).unwrap_or_default();
    let site = data.site.as_ref().map(|(_, s)| s.name.clone()).unwrap_or_default();
    let entries = news
        .iter()
        .map(|n| {
            let link = format!("{base}/news/{}", n.summary.id);
            entry(link.clone(), n.summary.title.clone(), link, &n.summary.date, n.summary.summary.clone())
        })
        .collect();
    feed(format!("{base}/news"), format!("{site}·工作动态"), format!("{base}/news"), &updated, entries)
}

fn consultation_feed(c: &deputy_model::consult::Consultation, base: &str) -> Feed {
    let link = format!("{base}/consult/{}", c.summary.id);
    let mut entries = vec![entry(
        format!("{link}#opened"),
        format!("{}开始征求意见", c.summary.title),
        link.clone(),
        &c.summary.opens,
        c.summary.summary.clone(),
    )];
    for (i, cm) in c.comments.iter().enumerate() {
        let about =
            if cm.article == 0 { "草案整体".to_string() } else { deputy_model::consult::article_label(cm.article) };
        entries.push(entry(
            format!("{link}#comment-{i}"),
            format!("关于{about}的意见"),
            link.clone(),
            &cm.at,
            cm.text.clone(),
        ));
    }
    if c.final_text.is_some() {
        entries.push(entry(
            format!("{link}#result"),
            format!("{}意见采纳情况已公布", c.summary.title),
            link.clone(),
            &c.summary.closes,
            format!("共有 {} 条意见采纳说明", c.adoption.len()),
        ));
    }
    entries.reverse();
    feed(link.clone(), c.summary.title.clone(), link, &c.summary.closes, entries)
}

fn deputy_feed(
    data: &Dataset,
    d: &deputy_model::Deputy,
    public: &[deputy_model::message::PublicMessage],
    base: &str,
) -> Feed {
    let link = format!("{base}/direct/deputy/{}", d.summary.id);
    let mut entries: Vec<Entry> = Vec::new();
    for m in public.iter().filter(|m| m.deputy_id == d.summary.id) {
        if let Some(r) = &m.reply {
            entries.push(entry(
                format!("{link}#{}", m.id),
                format!("答复：{}", m.subject),
                link.clone(),
                &r.at,
                r.text.clone(),
            ));
        }
    }
    for (_, n) in data.news.iter().filter(|(_, n)| n.deputy_ids.contains(&d.summary.id)) {
        let nl = format!("{base}/news/{}", n.summary.id);
        entries.push(entry(nl.clone(), n.summary.title.clone(), nl, &n.summary.date, n.summary.summary.clone()));
    }
    entries.sort_by(|a, b| b.updated.cmp(&a.updated));
    let updated = entries.first().map(|e| e.updated.to_rfc3339()).unwrap_or_else(|| "2025-01-01".into());
    feed(link.clone(), format!("{}的履职动态", d.summary.name), link, &updated, entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports_csv_json_and_feeds() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let mut world = crate::generate::generate_city(3);
        for src in crate::consult_build::load_sources(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/consultations"),
        )
        .unwrap()
        {
            world.consultations.push(crate::consult_build::build(&src).unwrap());
        }
        crate::layout::write(&world, &data).unwrap();
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
        // The folder still validates: exports sit beside the data, outside its layout.
        assert!(crate::validate::run(&data).unwrap().ok);
    }

    #[test]
    fn refuses_a_broken_folder() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        crate::layout::write(&crate::generate::generate_city(3), &data).unwrap();
        fs::write(data.join("site.json"), "{\"format_version\":1,").unwrap();
        assert!(run(&data, "https://example.invalid/").is_err());
        assert!(!data.join("export").exists());
    }
}
