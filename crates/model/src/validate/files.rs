//! The checks of one file at a time: a deputy, a place, a search shard, a page of a level.

use super::*;

/// One deputy's own file: version, texts, the places, group and station it names, and what it
/// says of the deputy's Q&A file (`has_messages`, which the app trusts: `messages_file` is
/// whether that file exists). (Duplicate ids are found by [`DeputyIndex::add`].)
pub fn check_deputy(refs: &Refs, file: &str, d: &Deputy, messages_file: bool) -> Vec<Problem> {
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
    if let Some(g) = &s.group_id
        && !refs.groups.contains(g.as_str())
    {
        r.add(file, "group_id", format!("代表小组 {g} 不存在"));
    }
    if let Some(st) = &s.station_id
        && !refs.stations.contains(st.as_str())
    {
        r.add(file, "station_id", format!("联络站 {st} 不存在"));
    }
    match d.has_messages {
        Some(true) if !messages_file => {
            r.add(file, "has_messages", format!("说有来信答复文件，但 messages/deputy/{}.json 不存在", s.id))
        }
        Some(false) if messages_file => {
            r.add(file, "has_messages", format!("说没有来信答复文件，但 messages/deputy/{}.json 存在", s.id))
        }
        _ => {}
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
