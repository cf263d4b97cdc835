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
    /// Joint activities by place, `joint/{code}.json`.
    pub joint: Vec<(String, crate::activity::PlaceJoint)>,
    /// `news/{kind}/page-N.json`: news of one kind.
    pub news_kind_pages: Vec<(String, Page<NewsSummary>)>,
    pub map: Option<(String, crate::map::RegionMap)>,
    pub evaluation: Option<(String, crate::evaluation::Evaluation)>,
    pub suggestions: Vec<(String, crate::suggestion::Suggestion)>,
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

/// The deputies as the cross-reference checks need them once their own files were checked and
/// dropped: each id with the deputy's name (duty records must carry it). One allocation per
/// deputy, so 2.7 million of them fit in about 200 MB where the full records need gigabytes.
#[derive(Debug, Default)]
pub struct DeputyIndex {
    entries: HashSet<IdName>,
}

/// `id` and `name` in one string; hashed and compared by the id only.
#[derive(Debug)]
struct IdName {
    text: Box<str>,
    split: usize,
}

impl IdName {
    fn id(&self) -> &str {
        &self.text[..self.split]
    }
}

impl PartialEq for IdName {
    fn eq(&self, other: &Self) -> bool {
        self.id() == other.id()
    }
}
impl Eq for IdName {}
impl std::hash::Hash for IdName {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.id().hash(state)
    }
}
impl std::borrow::Borrow<str> for IdName {
    fn borrow(&self) -> &str {
        self.id()
    }
}

impl DeputyIndex {
    /// Record a deputy read from `file`; a second deputy with the same id is a problem.
    pub fn add(&mut self, file: &str, id: &str, name: &str) -> Option<Problem> {
        if self.entries.contains(id) {
            return Some(Problem {
                file: file.to_string(),
                field: "id".into(),
                message: format!("代表编号 {id} 重复"),
            });
        }
        self.entries.insert(IdName { text: format!("{id}{name}").into_boxed_str(), split: id.len() });
        None
    }

    pub fn contains(&self, id: &str) -> bool {
        self.entries.contains(id)
    }

    pub fn name(&self, id: &str) -> Option<&str> {
        self.entries.get(id).map(|e| &e.text[e.split..])
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// What a deputy's file may refer to, from the small files (regions, groups, stations), so each
/// deputy can be checked on its own as it is read.
#[derive(Debug, Default)]
pub struct Refs {
    /// Every region code with a file, and every child code listed by one.
    regions: HashSet<String>,
    groups: HashSet<String>,
    stations: HashSet<String>,
}

impl Refs {
    pub fn of(data: &Dataset) -> Refs {
        let mut regions = HashSet::new();
        for (_, n) in &data.regions {
            regions.insert(n.code.clone());
            regions.extend(n.children.iter().map(|c| c.code.clone()));
        }
        Refs {
            regions,
            groups: data.groups.iter().flat_map(|(_, g)| g.groups.iter().map(|g| g.id.clone())).collect(),
            stations: data.stations.iter().map(|(_, s)| s.summary.id.clone()).collect(),
        }
    }

    fn region_known(&self, code: &str) -> bool {
        self.regions.contains(code)
    }
}

/// One deputy's own file: version, texts, and the places, group and station it names.
/// (Duplicate ids are found by [`DeputyIndex::add`].)
pub fn check_deputy(refs: &Refs, file: &str, d: &Deputy) -> Vec<Problem> {
    let mut r = Report(Vec::new());
    let s = &d.summary;
    r.version(file, d.format_version);
    r.text(file, "name", &s.name, MAX_NAME_CHARS, false);
    if let Some(mn) = &s.name_mn {
        r.text(file, "name_mn", mn, MAX_NAME_CHARS, false);
    }
    r.text(file, "title", &s.title, MAX_LINE_CHARS, false);
    r.text(file, "bio", &d.bio, MAX_TEXT_CHARS, true);
    if !refs.region_known(&s.region_code) {
        r.add(file, "region_code", format!("地区 {} 不存在", s.region_code));
    }
    for (i, code) in d.represents.iter().enumerate() {
        if !refs.region_known(code) {
            r.add(file, format!("represents[{i}]"), format!("地区 {code} 不存在"));
        }
    }
    if let Some(g) = &s.group_id {
        if !refs.groups.contains(g.as_str()) {
            r.add(file, "group_id", format!("代表小组 {g} 不存在"));
        }
    }
    if let Some(st) = &s.station_id {
        if !refs.stations.contains(st.as_str()) {
            r.add(file, "station_id", format!("联络站 {st} 不存在"));
        }
    }
    r.0
}

/// `places/{code}.json`: every deputy listed exists.
pub fn check_place(deputies: &DeputyIndex, file: &str, p: &PlaceDeputies) -> Vec<Problem> {
    let mut r = Report(Vec::new());
    r.version(file, p.format_version);
    for (i, d) in p.deputies.iter().enumerate() {
        if !deputies.contains(d.id.as_str()) {
            r.add(file, format!("deputies[{i}].id"), format!("代表 {} 不存在", d.id));
        }
    }
    r.0
}

/// A leaf of the name index: every deputy it finds exists.
pub fn check_search_shard(deputies: &DeputyIndex, file: &str, shard: &SearchShard) -> Vec<Problem> {
    let mut r = Report(Vec::new());
    r.version(file, shard.format_version);
    for (i, e) in shard.entries.iter().enumerate() {
        if !deputies.contains(e.deputy.id.as_str()) {
            r.add(file, format!("entries[{i}].id"), format!("代表 {} 不存在", e.deputy.id));
        }
    }
    r.0
}

/// A page of one level's deputies: every deputy listed exists.
pub fn check_level_page(deputies: &DeputyIndex, file: &str, page: &Page<DeputySummary>) -> Vec<Problem> {
    let mut r = Report(Vec::new());
    r.version(file, page.format_version);
    for (i, d) in page.items.iter().enumerate() {
        if !deputies.contains(d.id.as_str()) {
            r.add(file, format!("items[{i}].id"), format!("代表 {} 不存在", d.id));
        }
    }
    r.0
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
        out.extend(check_deputy(&refs, file, d));
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
    r.text(site_file, "contact.phone", &site.contact.phone, MAX_NAME_CHARS, false);
    if !site.contact.email.contains('@') {
        r.add(site_file, "contact.email", "不是有效的电子邮箱");
    }
    if let Some(ep) = &site.submit_endpoint {
        if !(ep.starts_with("https://") || ep.starts_with("http://") || ep.starts_with('/')) {
            r.add(site_file, "submit_endpoint", "必须是 https:// 开头的网址或以 / 开头的站内路径");
        }
    }
    if site.message_categories.is_empty() {
        r.add(site_file, "message_categories", "至少需要一个留言类别");
    }
    if clock::parse_timestamp(&site.updated_at).is_none() {
        r.add(site_file, "updated_at", "不是 RFC 3339 时间");
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
        if let Some(p) = &st.summary.parent_id {
            if !station_ids.contains(p.as_str()) {
                r.add(file, "parent_id", format!("上级联络站 {p} 不存在"));
            }
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

/// Duty records: each belongs to an existing deputy (and is named after them), its dates are
/// valid and not after the data's date, its places exist, its ids are unique; each joint
/// activity's participants exist.
fn check_activities(
    r: &mut Report,
    data: &Dataset,
    deputy_ids: &DeputyIndex,
    region_known: &dyn Fn(&str) -> bool,
    updated_at: &str,
) {
    let today = clock::parse_timestamp(updated_at).map(|t| clock::format_date(clock::shanghai_date(t)));
    let check_date = |r: &mut Report, file: &str, field: &str, date: &str| {
        r.date(file, field, date);
        if let Some(today) = &today {
            if clock::parse_date(date).is_some() && date > today.as_str() {
                r.add(file, field, format!("日期 {date} 晚于数据日期 {today}"));
            }
        }
    };
    for (file, rec) in &data.activities {
        r.version(file, rec.format_version);
        match deputy_ids.name(rec.deputy_id.as_str()) {
            None => r.add(file, "deputy_id", format!("代表 {} 不存在", rec.deputy_id)),
            Some(name) if name != rec.deputy_name => {
                r.add(file, "deputy_name", format!("与代表档案的姓名“{name}”不一致"))
            }
            _ => {}
        }
        if let Some(note) = &rec.own_note {
            check_date(r, file, "own_note.date", &note.date);
            r.text(file, "own_note.text", &note.text, MAX_TEXT_CHARS, true);
        }
        let mut ids = HashSet::new();
        for (i, a) in rec.activities.iter().enumerate() {
            if !ids.insert(a.id.as_str()) {
                r.add(file, format!("activities[{i}].id"), format!("活动编号 {} 重复", a.id));
            }
            check_date(r, file, &format!("activities[{i}].date"), &a.date);
            r.text(file, &format!("activities[{i}].title"), &a.title, MAX_LINE_CHARS, false);
            r.text(file, &format!("activities[{i}].place"), &a.place, MAX_LINE_CHARS, false);
            r.text(file, &format!("activities[{i}].text"), &a.text, MAX_TEXT_CHARS, true);
            if let Some(code) = &a.region_code {
                if !region_known(code) {
                    r.add(file, format!("activities[{i}].region_code"), format!("地区 {code} 不存在"));
                }
            }
        }
    }
    for (file, place) in &data.joint {
        r.version(file, place.format_version);
        if !region_known(&place.region_code) {
            r.add(file, "region_code", format!("地区 {} 不存在", place.region_code));
        }
        for (i, a) in place.activities.iter().enumerate() {
            check_date(r, file, &format!("activities[{i}].date"), &a.date);
            if !region_known(&a.region_code) {
                r.add(file, format!("activities[{i}].region_code"), format!("地区 {} 不存在", a.region_code));
            }
            for (j, p) in a.participants.iter().enumerate() {
                if !deputy_ids.contains(p.deputy_id.as_str()) {
                    r.add(
                        file,
                        format!("activities[{i}].participants[{j}].deputy_id"),
                        format!("代表 {} 不存在", p.deputy_id),
                    );
                }
            }
        }
    }
}

/// 阳光履职 files: news by kind, the map and 履职评议.
fn sunshine(r: &mut Report, data: &Dataset, news: &HashSet<&str>, deputies: &DeputyIndex, stations: &HashSet<&str>) {
    use crate::news::NewsKind;
    let kinds = data.news.iter().map(|(_, a)| (a.summary.id.as_str(), a.summary.kind)).collect::<HashMap<_, _>>();
    for (dir, kind) in [("news/work/", NewsKind::Work), ("news/profile/", NewsKind::Profile)] {
        let pages: Vec<(String, Page<NewsSummary>)> =
            data.news_kind_pages.iter().filter(|(f, _)| f.starts_with(dir)).cloned().collect();
        let same_kind = |s: &NewsSummary| news.contains(s.id.as_str()) && kinds.get(s.id.as_str()) == Some(&kind);
        check_pages(r, &pages, same_kind, "这一类文章");
    }
    if let Some((file, m)) = &data.map {
        r.version(file, m.format_version);
        for (i, a) in m.areas.iter().enumerate() {
            for p in crate::map::outline_problems(&a.outline, m.width, m.height) {
                r.add(file, format!("areas[{i}].outline"), p);
            }
        }
        for (i, mk) in m.markers.iter().enumerate() {
            if !stations.contains(mk.station_id.as_str()) {
                r.add(file, format!("markers[{i}].station_id"), format!("联络站 {} 不存在", mk.station_id));
            }
            let [x, y] = mk.at;
            if !(0.0..=m.width).contains(&x) || !(0.0..=m.height).contains(&y) {
                r.add(file, format!("markers[{i}].at"), "标记在地图范围之外");
            }
        }
    }
    if let Some((file, e)) = &data.evaluation {
        r.version(file, e.format_version);
        r.text(file, "title", &e.title, MAX_LINE_CHARS, false);
        r.date(file, "opens", &e.opens);
        r.date(file, "closes", &e.closes);
        if e.opens > e.closes {
            r.add(file, "closes", "截止日期早于开始日期");
        }
        for (field, message) in e.tally_problems() {
            r.add(file, field, message);
        }
        for (i, c) in e.cases.iter().enumerate() {
            r.text(file, &format!("cases[{i}].title"), &c.title, MAX_LINE_CHARS, false);
            r.text(file, &format!("cases[{i}].summary"), &c.summary, MAX_TEXT_CHARS, false);
            r.text(file, &format!("cases[{i}].place"), &c.place, MAX_LINE_CHARS, false);
            for (j, d) in c.deputies.iter().enumerate() {
                if !deputies.contains(d.id.as_str()) {
                    r.add(file, format!("cases[{i}].deputies[{j}].id"), format!("代表 {} 不存在", d.id));
                }
            }
            if let Some(n) = &c.news_id {
                if !news.contains(n.as_str()) {
                    r.add(file, format!("cases[{i}].news_id"), format!("文章 {n} 不存在"));
                }
            }
        }
    }
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
