//! Rules a data folder must keep beyond its schema: cross-references, uniqueness, dates, and
//! limits on text. Each problem names the file and the field, so a station's staff can fix it.
//! The data tool loads the files into a [`Dataset`]; this module only checks it.

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::deputy::{Deputy, DeputySummary, GroupIndex, PlaceDeputies};
use crate::message::MessageRecord;
use crate::news::{NewsArticle, NewsSummary};
use crate::page::Page;
use crate::region::RegionNode;
use crate::search::SearchShard;
use crate::site::SiteConfig;
use crate::station::{Station, StationIndex};
use crate::{FORMAT_VERSION, clock};

mod duties;
mod files;
mod index;

use duties::{check_activities, sunshine};
pub use duties::{check_activity_file, no_activities_file};
pub use files::{check_deputy, check_level_page, check_place, check_search_shard};
pub use index::{DeputyIndex, Refs};

/// Longest name (of a person, place, station) the site accepts, in characters.
pub const MAX_NAME_CHARS: usize = 64;
/// Longest title or one-line text.
pub const MAX_LINE_CHARS: usize = 200;
/// Longest paragraph or biography.
pub const MAX_TEXT_CHARS: usize = 10_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// A path into the file, e.g. `deputies[3].station_id`.
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.field, self.message)
    }
}

/// Everything in a served data folder, each item with the file it came from.
#[derive(Debug, Default)]
pub struct Dataset {
    pub site: Option<(String, SiteConfig)>,
    pub regions: Vec<(String, RegionNode)>,
    pub deputies: Vec<(String, Deputy)>,
    pub groups: Option<(String, GroupIndex)>,
    pub places: Vec<(String, PlaceDeputies)>,
    pub stations: Vec<(String, Station)>,
    pub station_index: Option<(String, StationIndex)>,
    pub news: Vec<(String, NewsArticle)>,
    pub news_pages: Vec<(String, Page<NewsSummary>)>,
    pub messages: Vec<(String, MessageRecord)>,
    pub search_shards: Vec<(String, SearchShard)>,
    pub level_pages: Vec<(String, Page<DeputySummary>)>,
    pub consultations: Vec<(String, crate::consult::Consultation)>,
    /// Duty records, `activities/{deputy_id}.json`.
    pub activities: Vec<(String, crate::activity::DeputyActivities)>,
    /// The duty records were checked file by file as they were read (`check_activity_file`),
    /// not collected into `activities`: at national scale there is one per deputy.
    pub activities_streamed: bool,
    /// Joint activities by place, `joint/{code}.json`.
    pub joint: Vec<(String, crate::activity::PlaceJoint)>,
    /// `news/{kind}/page-N.json`: news of one kind.
    pub news_kind_pages: Vec<(String, Page<NewsSummary>)>,
    pub map: Option<(String, crate::map::RegionMap)>,
    pub evaluation: Option<(String, crate::evaluation::Evaluation)>,
    pub suggestions: Vec<(String, crate::suggestion::Suggestion)>,
    /// The deputies with a Q&A file (`messages/deputy/{id}.json`), by id.
    pub deputies_with_messages: std::collections::BTreeSet<String>,
    /// Whether `training/index.json` is there (its content is checked when built).
    pub training_index: bool,
    /// The weeks with a `receptions/{monday}.json`, by Monday.
    pub reception_files: std::collections::BTreeSet<String>,
}

pub(crate) struct Report(pub(crate) Vec<Problem>);

impl Report {
    pub(crate) fn add(&mut self, file: &str, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(Problem { file: file.to_string(), field: field.into(), message: message.into() });
    }

    pub(crate) fn version(&mut self, file: &str, v: u32) {
        if v == 0 || v > FORMAT_VERSION {
            self.add(file, "format_version", format!("格式版本 {v} 不受支持（本工具支持 1–{FORMAT_VERSION}）"));
        }
    }

    /// Non-empty, within `max` characters, and free of control characters (newlines allowed
    /// only where `multiline`).
    pub(crate) fn text(&mut self, file: &str, field: &str, value: &str, max: usize, multiline: bool) {
        if value.trim().is_empty() {
            self.add(file, field, "不能为空");
            return;
        }
        let n = value.chars().count();
        if n > max {
            self.add(file, field, format!("过长：{n} 个字符，上限 {max}"));
        }
        if value.chars().any(|c| c.is_control() && !(multiline && (c == '\n' || c == '\t'))) {
            self.add(file, field, "含有控制字符");
        }
    }

    pub(crate) fn date(&mut self, file: &str, field: &str, value: &str) {
        if clock::parse_date(value).is_none() {
            self.add(file, field, format!("日期“{value}”不是 YYYY-MM-DD 格式的有效日期"));
        }
    }
}

/// Check a whole data folder held in memory. An empty result means it is fit to publish.
/// (The data tool streams the bulky kinds instead: [`check_deputy`], [`check_place`],
/// [`check_search_shard`], [`check_level_page`], then [`validate_with`] for the rest.)
pub fn validate(data: &Dataset) -> Vec<Problem> {
    if data.site.is_none() {
        return validate_with(data, &DeputyIndex::default());
    }
    let refs = Refs::of(data);
    let mut out = Vec::new();
    let mut index = DeputyIndex::default();
    for (file, d) in &data.deputies {
        out.extend(index.add(file, &d.summary.id, &d.summary.name));
        out.extend(check_deputy(&refs, file, d, data.deputies_with_messages.contains(&d.summary.id)));
    }
    for (file, p) in &data.places {
        out.extend(check_place(&index, file, p));
    }
    for (file, s) in &data.search_shards {
        out.extend(check_search_shard(&index, file, s));
    }
    for (file, p) in &data.level_pages {
        out.extend(check_level_page(&index, file, p));
    }
    out.extend(validate_with(data, &index));
    out
}

/// `reception_weeks` names exactly the weeks that have a file: the app asks only for those.
fn check_reception_weeks(
    r: &mut Report,
    site_file: &str,
    site: &SiteConfig,
    files: &std::collections::BTreeSet<String>,
) {
    let Some(span) = &site.reception_weeks else {
        if let Some(first) = files.iter().next() {
            r.add(
                site_file,
                "reception_weeks",
                format!("缺少：receptions/ 有 {} 周的文件（从 {first} 起）", files.len()),
            );
        }
        return;
    };
    let monday = |s: &str| clock::parse_date(s).filter(|d| crate::station::week_start(*d) == *d);
    let (Some(first), Some(last)) = (monday(&span.first), monday(&span.last)) else {
        r.add(site_file, "reception_weeks", "first 和 last 必须是星期一的日期（YYYY-MM-DD）");
        return;
    };
    let mut week = first;
    while week <= last {
        let name = clock::format_date(week);
        if !files.contains(&name) {
            r.add(site_file, "reception_weeks", format!("包括 {name} 这一周，但 receptions/{name}.json 不存在"));
        }
        week += time::Duration::days(7);
    }
    for name in files.iter().filter(|f| !span.contains(f)) {
        r.add(
            &format!("receptions/{name}.json"),
            "",
            format!("不在 site.json 的 reception_weeks（{} 至 {}）之内，网站不会读取", span.first, span.last),
        );
    }
}

/// Everything but the deputies, places, search leaves and level pages (checked file by file
/// before), with the deputies known from `deputy_ids`.
pub fn validate_with(data: &Dataset, deputy_ids: &DeputyIndex) -> Vec<Problem> {
    let mut r = Report(Vec::new());

    let Some((site_file, site)) = &data.site else {
        r.add("site.json", "", "缺少站点配置文件");
        return r.0;
    };
    r.version(site_file, site.format_version);
    r.text(site_file, "name", &site.name, MAX_LINE_CHARS, false);
    if let Some(url) = &site.url
        && !(url.starts_with("https://") || url.starts_with("http://"))
    {
        r.add(site_file, "url", "必须是 https:// 开头的完整网址（含网站的路径，如 https://renda.example.gov.cn/）");
    }
    if let Some(notice) = &site.notice {
        r.text(site_file, "notice", notice, MAX_LINE_CHARS, false);
    }
    r.text(site_file, "contact.phone", &site.contact.phone, MAX_NAME_CHARS, false);
    if !site.contact.email.contains('@') {
        r.add(site_file, "contact.email", "不是有效的电子邮箱");
    }
    if let Some(ep) = &site.submit_endpoint
        && !(ep.starts_with("https://") || ep.starts_with("http://") || ep.starts_with('/'))
    {
        r.add(site_file, "submit_endpoint", "必须是 https:// 开头的网址或以 / 开头的站内路径");
    }
    if site.message_categories.is_empty() {
        r.add(site_file, "message_categories", "至少需要一个留言类别");
    }
    if clock::parse_timestamp(&site.updated_at).is_none() {
        r.add(site_file, "updated_at", "不是 RFC 3339 时间");
    }
    check_reception_weeks(&mut r, site_file, site, &data.reception_files);
    // A module the site says it runs must have its data, or its pages would only fail.
    for (i, module) in site.modules.iter().flatten().enumerate() {
        let present = match module {
            crate::site::Module::Training => data.training_index,
            crate::site::Module::Map => data.map.is_some(),
            crate::site::Module::Evaluation => data.evaluation.is_some(),
            _ => true,
        };
        if let (false, Some(file)) = (present, module.needs_file()) {
            r.add(site_file, format!("modules[{i}]"), format!("说开通了 {}，但 {file} 不存在或无法读取", module.key()));
        }
    }

    // Regions: unique codes, children and parents resolve, the site's root exists.
    let mut regions: HashMap<&str, &RegionNode> = HashMap::new();
    for (file, node) in &data.regions {
        r.version(file, node.format_version);
        r.text(file, "name", &node.name, MAX_NAME_CHARS, false);
        if regions.insert(node.code.as_str(), node).is_some() {
            r.add(file, "code", format!("地区代码 {} 重复", node.code));
        }
    }
    if !regions.contains_key(site.region_code.as_str()) {
        r.add(
            site_file,
            "region_code",
            format!("地区 {} 没有对应的 regions/{}.json", site.region_code, site.region_code),
        );
    }
    for (file, node) in &data.regions {
        for (i, child) in node.children.iter().enumerate() {
            match regions.get(child.code.as_str()) {
                None if child.kind.tier() < 4 => {
                    r.add(file, format!("children[{i}].code"), format!("下级地区 {} 不存在", child.code))
                }
                Some(c) if c.path.last().map(|p| p.code.as_str()) != Some(node.code.as_str()) => r.add(
                    file,
                    format!("children[{i}].code"),
                    format!("下级地区 {} 的上级不是 {}", child.code, node.code),
                ),
                _ => {}
            }
        }
    }
    let refs = Refs::of(data);
    let region_known = |code: &str| -> bool { refs.region_known(code) };

    // Groups and stations first, so deputies can be checked against them.
    let mut group_ids = HashSet::new();
    if let Some((file, idx)) = &data.groups {
        r.version(file, idx.format_version);
        for (i, g) in idx.groups.iter().enumerate() {
            r.text(file, &format!("groups[{i}].name"), &g.name, MAX_NAME_CHARS, false);
            if !group_ids.insert(g.id.as_str()) {
                r.add(file, format!("groups[{i}].id"), format!("小组编号 {} 重复", g.id));
            }
        }
    }
    let mut station_ids = HashSet::new();
    for (file, s) in &data.stations {
        if !station_ids.insert(s.summary.id.as_str()) {
            r.add(file, "id", format!("联络站编号 {} 重复", s.summary.id));
        }
    }

    for (file, st) in &data.stations {
        r.version(file, st.format_version);
        r.text(file, "name", &st.summary.name, MAX_NAME_CHARS, false);
        r.text(file, "address", &st.address, MAX_LINE_CHARS, false);
        if !region_known(&st.summary.region_code) {
            r.add(file, "region_code", format!("地区 {} 不存在", st.summary.region_code));
        }
        if let Some(p) = &st.summary.parent_id
            && !station_ids.contains(p.as_str())
        {
            r.add(file, "parent_id", format!("上级联络站 {p} 不存在"));
        }
        for (i, id) in st.deputy_ids.iter().enumerate() {
            if !deputy_ids.contains(id.as_str()) {
                r.add(file, format!("deputy_ids[{i}]"), format!("代表 {id} 不存在"));
            }
        }
        for (i, rec) in st.receptions.iter().enumerate() {
            r.date(file, &format!("receptions[{i}].date"), &rec.date);
            if !deputy_ids.contains(rec.deputy_id.as_str()) {
                r.add(file, format!("receptions[{i}].deputy_id"), format!("代表 {} 不存在", rec.deputy_id));
            }
        }
    }
    if let Some((file, idx)) = &data.station_index {
        r.version(file, idx.format_version);
        for (i, s) in idx.stations.iter().enumerate() {
            if !station_ids.contains(s.id.as_str()) {
                r.add(file, format!("stations[{i}].id"), format!("联络站 {} 没有对应的 stations/{}.json", s.id, s.id));
            }
        }
    }

    let mut news_ids = HashSet::new();
    for (file, a) in &data.news {
        r.version(file, a.format_version);
        r.text(file, "title", &a.summary.title, MAX_LINE_CHARS, false);
        r.date(file, "date", &a.summary.date);
        if !news_ids.insert(a.summary.id.as_str()) {
            r.add(file, "id", format!("文章编号 {} 重复", a.summary.id));
        }
        for (i, b) in a.body.iter().enumerate() {
            r.text(file, &format!("body[{i}].text"), b.text(), MAX_TEXT_CHARS, true);
        }
        for (i, id) in a.deputy_ids.iter().enumerate() {
            if !deputy_ids.contains(id.as_str()) {
                r.add(file, format!("deputy_ids[{i}]"), format!("代表 {id} 不存在"));
            }
        }
    }
    check_pages(&mut r, &data.news_pages, |s: &NewsSummary| news_ids.contains(s.id.as_str()), "文章");
    sunshine(&mut r, data, &news_ids, deputy_ids, &station_ids);

    let mut codes = HashSet::new();
    for (file, m) in &data.messages {
        r.version(file, m.format_version);
        if crate::receipt::normalize(&m.receipt_code).as_deref() != Some(m.receipt_code.as_str()) {
            r.add(file, "receipt_code", format!("查询码 {} 无效（应为 12 位数字且校验位正确）", m.receipt_code));
        }
        if !codes.insert(m.receipt_code.as_str()) {
            r.add(file, "receipt_code", format!("查询码 {} 重复", m.receipt_code));
        }
        if !deputy_ids.contains(m.deputy_id.as_str()) {
            r.add(file, "deputy_id", format!("代表 {} 不存在", m.deputy_id));
        }
        r.text(file, "subject", &m.subject, MAX_LINE_CHARS, false);
        if let Some(c) = &m.content {
            r.text(file, "content", c, MAX_TEXT_CHARS, true);
        }
        if let Err(e) = m.state() {
            r.add(file, format!("events[{}]", e.index), format!("办理流程不合法：{}", e.message));
        }
    }
    for (file, c) in &data.consultations {
        let s = &c.summary;
        r.version(file, c.format_version);
        r.text(file, "title", &s.title, MAX_LINE_CHARS, false);
        r.date(file, "opens", &s.opens);
        r.date(file, "closes", &s.closes);
        if s.opens > s.closes {
            r.add(file, "closes", "截止日期早于开始日期");
        }
        if s.phase == crate::consult::Phase::Published && c.final_text.is_none() {
            r.add(file, "final_text", "已公布结果，但没有正式文本");
        }
        for (i, a) in c.adoption.iter().enumerate() {
            if a.article != 0 && c.draft.article(a.article).is_none() {
                r.add(file, format!("adoption[{i}].article"), format!("草案没有第 {} 条", a.article));
            }
        }
        for (i, cm) in c.comments.iter().enumerate() {
            if cm.article != 0 && c.draft.article(cm.article).is_none() {
                r.add(file, format!("comments[{i}].article"), format!("草案没有第 {} 条", cm.article));
            }
            r.text(file, &format!("comments[{i}].text"), &cm.text, MAX_TEXT_CHARS, true);
        }
    }
    crate::suggestion_rules::check(&mut r, data, deputy_ids);

    check_activities(&mut r, data, deputy_ids, &region_known, &site.updated_at);

    r.0
}

fn check_pages<T>(r: &mut Report, pages: &[(String, Page<T>)], known: impl Fn(&T) -> bool, what: &str) {
    let total: usize = pages.iter().map(|(_, p)| p.items.len()).sum();
    for (file, p) in pages {
        r.version(file, p.format_version);
        if p.pages as usize != pages.len() {
            r.add(file, "pages", format!("写的是 {} 页，实际有 {} 页", p.pages, pages.len()));
        }
        if p.total as usize != total {
            r.add(file, "total", format!("写的是共 {} 条，各页合计 {} 条", p.total, total));
        }
        for (i, it) in p.items.iter().enumerate() {
            if !known(it) {
                r.add(file, format!("items[{i}].id"), format!("{what}不存在"));
            }
        }
    }
}
