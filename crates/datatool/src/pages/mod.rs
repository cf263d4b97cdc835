//! `pages DIR`: real pages for every link. DIR is a site folder (the app's files with `data/`
//! beside them). For every public route the data knows, an entry page `{route}.html` (the app's
//! `index.html` with the page's own title, description and preview tags, `head.rs`), so that a
//! host answers a deep link with 200 and its own title instead of the 404 fallback; then
//! `sitemap.xml` (an index of `sitemap-{n}.xml` past 50,000 addresses) and `robots.txt`.
//!
//! A host serves `/direct/deputy/city-0001` from `direct/deputy/city-0001.html` when it tries
//! `$uri.html` (nginx `try_files $uri $uri.html $uri/ /404.html;`, Caddy `try_files`; see
//! docs/operations.md). Pages of a previous run that the data no longer has are removed (the
//! list is kept in `DIR/.entry-pages`).

mod head;
mod routes;

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};
use deputy_model::SiteConfig;

use head::entry_page;

/// Addresses per sitemap file (the protocol's limit).
const SITEMAP_MAX: usize = 50_000;
/// Where the list of written pages is kept, for removing stale ones next time.
const MANIFEST: &str = ".entry-pages";

/// What `run` wrote.
pub struct Written {
    /// Pages the site has.
    pub pages: usize,
    /// Pages written by this run.
    pub written: usize,
    pub removed: usize,
    pub sitemap_urls: usize,
}

/// Only plain ids become file names (data ids are checked by `validate`; this is the guard).
fn is_plain(path: &str) -> bool {
    path.split('/').all(|part| {
        !part.is_empty()
            && part != "."
            && part != ".."
            && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    })
}

/// Write every page (`changed: None`), or, after a build that changed only some data files, the
/// pages of those files (`changed: Some(data files relative to data/, changed or removed)`):
/// the other pages are as the last run wrote them, as its record (`.entry-pages`) says, unless
/// the app's page, the site's name, modules or address changed, which rewrites them all.
pub fn run(dir: &Path, site_url: Option<&str>) -> Result<Written> {
    run_changed(dir, site_url, None)
}

/// One page of the record: where it came from (a data file, or `-` for a module page), whether
/// the sitemap lists it, and its file.
#[derive(Clone)]
struct Entry {
    source: String,
    listed: bool,
    path: String,
}

const RECORD_HEADER: &str = "# deputy-home entry pages 2";

fn read_record(dir: &Path, fingerprint: &str) -> Option<Vec<Entry>> {
    let text = fs::read_to_string(dir.join(MANIFEST)).ok()?;
    let mut lines = text.lines();
    if lines.next()? != format!("{RECORD_HEADER} {fingerprint}") {
        return None;
    }
    lines
        .map(|l| {
            let mut parts = l.splitn(3, ' ');
            let (listed, source, path) = (parts.next()?, parts.next()?, parts.next()?);
            Some(Entry { source: source.to_string(), listed: listed == "1", path: path.to_string() })
        })
        .collect()
}

/// After `build SRC OUT`, when OUT is a site's `data/` (the app's index.html beside it): that
/// site's entry pages, only the changed ones after an incremental build.
pub fn beside<'a>(out: &'a Path, built: &crate::build::Written) -> Result<Option<(&'a Path, Written)>> {
    let Some(site) = out.parent().filter(|p| p.join("index.html").is_file()) else { return Ok(None) };
    let changed = built.incremental.then_some(built.changed.as_slice());
    Ok(Some((site, run_changed(site, None, changed)?)))
}

pub fn run_changed(dir: &Path, site_url: Option<&str>, changed: Option<&[String]>) -> Result<Written> {
    let template = fs::read_to_string(dir.join("index.html"))
        .with_context(|| format!("{} 没有 index.html：先把网站的程序文件放进这个目录", dir.display()))?;
    let data = dir.join("data");
    let site: SiteConfig = crate::source::read_json_file(&data.join("site.json"), "data/site.json")?;
    let url = site_url.map(str::to_string).or(site.url.clone()).map(|u| format!("{}/", u.trim_end_matches('/')));
    if let Some(u) = &url
        && !(u.starts_with("https://") || u.starts_with("http://"))
    {
        bail!("网站地址 {u} 应以 https:// 开头");
    }
    // What every page depends on besides its own data file.
    let runs: Vec<bool> = deputy_model::Module::ALL.iter().map(|m| site.runs(*m)).collect();
    let fingerprint = format!(
        "{:032x}",
        crate::build::manifest::fingerprint(&[&template, &site.name, &url, &runs, &env!("CARGO_PKG_VERSION")])
    );
    let before = read_record(dir, &fingerprint);

    let write_page = |page: &head::PageMeta| -> Result<Option<String>> {
        if !is_plain(&page.path) {
            return Ok(None);
        }
        let rel = format!("{}.html", page.path);
        let file = dir.join(&rel);
        if let Some(parent) = file.parent() {
            fs::create_dir_all(parent).with_context(|| format!("创建目录 {} 失败", parent.display()))?;
        }
        let html = entry_page(&template, &site.name, url.as_deref(), page);
        fs::write(&file, html).with_context(|| format!("写入 {} 失败", file.display()))?;
        Ok(Some(rel))
    };
    let mut entries: Vec<Entry> = Vec::new();
    let mut written = 0;
    match (before.clone(), changed) {
        (Some(before), Some(changed)) => {
            // Only the pages of the changed data files; the rest as recorded.
            let changed: BTreeSet<&str> = changed.iter().map(String::as_str).filter(|r| routes::is_source(r)).collect();
            entries.extend(before.into_iter().filter(|e| !changed.contains(e.source.as_str())));
            for rel in changed.iter().filter(|rel| data.join(rel).is_file()) {
                routes::of_file(&data, rel, &site, &mut |page| {
                    if let Some(path) = write_page(&page)? {
                        entries.push(Entry { source: rel.to_string(), listed: page.listed, path });
                        written += 1;
                    }
                    Ok(())
                })?;
            }
        }
        _ => {
            routes::fixed(&site, &mut |page| {
                if let Some(path) = write_page(&page)? {
                    entries.push(Entry { source: "-".into(), listed: page.listed, path });
                    written += 1;
                }
                Ok(())
            })?;
            for rel in routes::sources(&data)? {
                routes::of_file(&data, &rel, &site, &mut |page| {
                    if let Some(path) = write_page(&page)? {
                        entries.push(Entry { source: rel.clone(), listed: page.listed, path });
                        written += 1;
                    }
                    Ok(())
                })?;
            }
        }
    }

    // Pages the data no longer has (a deputy who left): gone, so their links answer 404.
    let now: BTreeSet<&str> = entries.iter().map(|e| e.path.as_str()).collect();
    let mut removed = 0;
    let previous: Vec<String> = match before {
        Some(b) => b.into_iter().map(|e| e.path).collect(),
        // A record of other settings (the page is the last word of a line), or an older one
        // (a page per line).
        None => fs::read_to_string(dir.join(MANIFEST))
            .map(|t| {
                t.lines()
                    .filter(|l| !l.starts_with('#'))
                    .filter_map(|l| l.rsplit(' ').next())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default(),
    };
    for rel in
        previous.iter().filter(|l| !now.contains(l.as_str()) && l.ends_with(".html") && is_plain(&l[..l.len() - 5]))
    {
        if fs::remove_file(dir.join(rel)).is_ok() {
            removed += 1;
            for ext in [".gz", ".br"] {
                let _ = fs::remove_file(dir.join(format!("{rel}{ext}")));
            }
        }
    }
    // The record keeps the pages in the order they go into the sitemap: module pages first,
    // then by data file.
    entries.sort_by(|a, b| (a.source != "-").cmp(&(b.source != "-")).then_with(|| a.source.cmp(&b.source)));
    let mut record = format!("{RECORD_HEADER} {fingerprint}\n");
    for e in &entries {
        record.push_str(&format!("{} {} {}\n", if e.listed { 1 } else { 0 }, e.source, e.path));
    }
    fs::write(dir.join(MANIFEST), record).with_context(|| format!("写入 {MANIFEST} 失败"))?;

    let listed: Vec<String> = std::iter::once(String::new())
        .chain(entries.iter().filter(|e| e.listed).map(|e| e.path.trim_end_matches(".html").to_string()))
        .collect();
    let sitemap_urls = match &url {
        Some(u) => write_sitemaps(dir, u, &listed, site.updated_at.get(..10).unwrap_or(""), SITEMAP_MAX)?,
        None => 0,
    };
    write_robots(dir, url.as_deref())?;
    Ok(Written { pages: entries.len(), written, removed, sitemap_urls })
}

fn xml(s: &str) -> String {
    html_escape::encode_text(s).into_owned()
}

/// `sitemap.xml`: the addresses themselves, or past [`SITEMAP_MAX`] an index of
/// `sitemap-{n}.xml` files.
fn write_sitemaps(dir: &Path, url: &str, paths: &[String], lastmod: &str, max: usize) -> Result<usize> {
    let urlset = |chunk: &[String]| -> String {
        let mut out = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for p in chunk {
            out.push_str(&format!("  <url><loc>{}</loc>", xml(&format!("{url}{p}"))));
            if !lastmod.is_empty() {
                out.push_str(&format!("<lastmod>{}</lastmod>", xml(lastmod)));
            }
            out.push_str("</url>\n");
        }
        out + "</urlset>\n"
    };
    // Files of an earlier, larger run.
    for e in fs::read_dir(dir)?.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        if name.starts_with("sitemap-") && name.ends_with(".xml") {
            let _ = fs::remove_file(e.path());
        }
    }
    if paths.len() <= max {
        fs::write(dir.join("sitemap.xml"), urlset(paths)).context("写入 sitemap.xml 失败")?;
    } else {
        let mut index = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for (i, chunk) in paths.chunks(max).enumerate() {
            let name = format!("sitemap-{}.xml", i + 1);
            let mut f = fs::File::create(dir.join(&name)).with_context(|| format!("写入 {name} 失败"))?;
            f.write_all(urlset(chunk).as_bytes())?;
            index.push_str(&format!("  <sitemap><loc>{}</loc></sitemap>\n", xml(&format!("{url}{name}"))));
        }
        fs::write(dir.join("sitemap.xml"), index + "</sitemapindex>\n").context("写入 sitemap.xml 失败")?;
    }
    Ok(paths.len())
}

/// `robots.txt`: everything may be indexed but the pages of one's own device; where the
/// sitemap is.
fn write_robots(dir: &Path, url: Option<&str>) -> Result<()> {
    // Paths in robots.txt start at the host's root: the base path comes from the address.
    let base = url
        .and_then(|u| u.split("://").nth(1))
        .and_then(|rest| rest.find('/').map(|i| rest[i..].to_string()))
        .unwrap_or_else(|| "/".to_string());
    let mut text = String::from("User-agent: *\n");
    for p in ["mine", "more", "proposals/write", "proposals/cosign", "training/mine", "direct/write/"] {
        text.push_str(&format!("Disallow: {base}{p}\n"));
    }
    if let Some(u) = url {
        text.push_str(&format!("\nSitemap: {u}sitemap.xml\n"));
    }
    fs::write(dir.join("robots.txt"), text).context("写入 robots.txt 失败")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{build, generate};

    #[test]
    fn pages_for_a_city_then_the_ones_the_data_lost_are_removed() {
        let tmp = tempfile::tempdir().unwrap();
        let site = tmp.path();
        let template = "<head><meta name=\"description\" content=\"x\" /><title>t</title></head>\
                        <body><span class=\"site-name-text\">t</span><div class=\"hero\"><h1>t</h1></div></body>";
        fs::write(site.join("index.html"), template).unwrap();
        build::write(&generate::generate_city(1), &site.join("data")).unwrap();
        let w = run(site, Some("https://renda.example.gov.cn/renda")).unwrap();
        let deputies = fs::read_dir(site.join("data/deputies")).unwrap().count();
        assert!(w.pages > deputies * 2, "{} pages for {deputies} deputies", w.pages);
        let page = fs::read_to_string(site.join("direct/deputy/city-0001.html")).unwrap();
        assert!(page.contains(
            "<link rel=\"canonical\" href=\"https://renda.example.gov.cn/renda/direct/deputy/city-0001\" />"
        ));
        let robots = fs::read_to_string(site.join("robots.txt")).unwrap();
        assert!(
            robots.contains("Disallow: /renda/mine\n")
                && robots.contains("Sitemap: https://renda.example.gov.cn/renda/sitemap.xml")
        );
        assert_eq!(fs::read_to_string(site.join("sitemap.xml")).unwrap().matches("<loc>").count(), w.sitemap_urls);

        // A deputy leaves: their two pages go, the rest stay.
        fs::remove_file(site.join("data/deputies/city-0001.json")).unwrap();
        let again = run(site, None).unwrap();
        assert_eq!(again.removed, 2);
        assert!(
            !site.join("direct/deputy/city-0001.html").exists() && site.join("direct/deputy/city-0002.html").exists()
        );
    }

    /// After a build that changed a few data files, only their pages are written, and the
    /// site is as a full run would leave it.
    #[test]
    fn only_the_pages_of_changed_files_are_written() {
        let tmp = tempfile::tempdir().unwrap();
        let site = tmp.path().join("site");
        fs::create_dir_all(&site).unwrap();
        fs::write(site.join("index.html"), "<head><title>t</title></head><body><h1>t</h1></body>").unwrap();
        build::write(&generate::generate_city(1), &site.join("data")).unwrap();
        let url = Some("https://renda.example.gov.cn/");
        let first = run(&site, url).unwrap();
        assert_eq!(first.written, first.pages);
        // A deputy renamed, one gone, a news article added.
        let renamed = site.join("data/deputies/city-0002.json");
        let text = fs::read_to_string(&renamed).unwrap();
        let name = serde_json::from_str::<serde_json::Value>(&text).unwrap()["name"].as_str().unwrap().to_string();
        fs::write(&renamed, text.replacen(&format!("\"name\":\"{name}\""), "\"name\":\"新名字\"", 1)).unwrap();
        fs::remove_file(site.join("data/deputies/city-0001.json")).unwrap();
        let news = site.join("data/news");
        let article = fs::read_dir(&news)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| !p.file_name().unwrap().to_string_lossy().starts_with("page-") && p.is_file());
        let article = article.unwrap();
        let added = fs::read_to_string(&article).unwrap();
        let id = serde_json::from_str::<serde_json::Value>(&added).unwrap()["id"].as_str().unwrap().to_string();
        fs::write(news.join("new-1.json"), added.replacen(&format!("\"id\":\"{id}\""), "\"id\":\"new-1\"", 1)).unwrap();
        let changed: Vec<String> =
            ["deputies/city-0002.json", "deputies/city-0001.json", "news/new-1.json", "track/x.json"]
                .map(String::from)
                .into();
        let w = run_changed(&site, url, Some(&changed)).unwrap();
        assert_eq!((w.written, w.removed), (3, 2), "two pages of the renamed deputy and the article; two gone");
        assert!(fs::read_to_string(site.join("duties/deputy/city-0002.html")).unwrap().contains("新名字"));
        assert!(!site.join("direct/deputy/city-0001.html").exists());
        // The same as a full run from scratch.
        let snapshot = |dir: &Path| crate::ingest::tests::snapshot(dir);
        let after = snapshot(&site);
        for e in fs::read_dir(&site).unwrap() {
            let p = e.unwrap().path();
            if p.file_name().unwrap() != "data" && p.file_name().unwrap() != "index.html" {
                if p.is_dir() { fs::remove_dir_all(&p).unwrap() } else { fs::remove_file(&p).unwrap() }
            }
        }
        run(&site, url).unwrap();
        assert!(snapshot(&site) == after, "an incremental run and a full run differ");
    }

    #[test]
    fn past_the_limit_the_sitemap_is_an_index() {
        let tmp = tempfile::tempdir().unwrap();
        let paths: Vec<String> = (0..7).map(|i| format!("news/{i}")).collect();
        write_sitemaps(tmp.path(), "https://a.example/", &paths, "2026-11-28", 3).unwrap();
        let index = fs::read_to_string(tmp.path().join("sitemap.xml")).unwrap();
        assert!(index.contains("<sitemapindex") && index.contains("https://a.example/sitemap-3.xml"), "{index}");
        let third = fs::read_to_string(tmp.path().join("sitemap-3.xml")).unwrap();
        assert_eq!(third.matches("<loc>").count(), 1);
        // A smaller site later: one file, and the numbered ones are gone.
        write_sitemaps(tmp.path(), "https://a.example/", &paths[..2], "", 3).unwrap();
        assert!(!tmp.path().join("sitemap-1.xml").exists());
    }
}
