//! 阳光履职's files: duty records, joint activities, news by kind, the map and 履职评议.

use super::*;

/// Duty records: each belongs to an existing deputy (and is named after them), its dates are
/// valid and not after the data's date, its places exist, its ids are unique; each joint
/// activity's participants exist.
pub(super) fn check_activities(
    r: &mut Report,
    data: &Dataset,
    deputy_ids: &DeputyIndex,
    region_known: &dyn Fn(&str) -> bool,
    updated_at: &str,
) {
    let today = data_date(updated_at);
    let check_date = |r: &mut Report, file: &str, field: &str, date: &str| date_not_after(r, &today, file, field, date);
    // Streamed (`deputy-data validate` at scale): each file was checked as it was read, with
    // [`check_activity_file`], and each deputy's file's presence with the deputy.
    if !data.activities_streamed {
        // Every deputy has a duty record page, and so a file (empty when there is nothing yet).
        let recorded: std::collections::HashSet<&str> =
            data.activities.iter().map(|(_, a)| a.deputy_id.as_str()).collect();
        let mut unrecorded: Vec<&str> = deputy_ids.ids().filter(|id| !recorded.contains(id)).collect();
        unrecorded.sort_unstable();
        for id in unrecorded {
            r.0.push(no_activities_file(id));
        }
        for (file, rec) in &data.activities {
            r.0.extend(check_activity_file(deputy_ids, region_known, updated_at, file, rec));
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
pub(super) fn sunshine(
    r: &mut Report,
    data: &Dataset,
    news: &HashSet<&str>,
    deputies: &DeputyIndex,
    stations: &HashSet<&str>,
) {
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
            if let Some(n) = &c.news_id
                && !news.contains(n.as_str())
            {
                r.add(file, format!("cases[{i}].news_id"), format!("文章 {n} 不存在"));
            }
        }
    }
}

/// A deputy without a duty record file.
pub fn no_activities_file(id: &str) -> Problem {
    Problem {
        file: format!("deputies/{id}.json"),
        field: "id".into(),
        message: format!("没有履职档案文件 activities/{id}.json（还没有活动时也要有一个空档案）"),
    }
}

/// The data's date (Beijing), from `site.json`'s `updated_at`.
fn data_date(updated_at: &str) -> Option<String> {
    clock::parse_timestamp(updated_at).map(|t| clock::format_date(clock::shanghai_date(t)))
}

/// A valid date, not after the data's date.
fn date_not_after(r: &mut Report, today: &Option<String>, file: &str, field: &str, date: &str) {
    r.date(file, field, date);
    if let Some(today) = today
        && clock::parse_date(date).is_some()
        && date > today.as_str()
    {
        r.add(file, field, format!("日期 {date} 晚于数据日期 {today}"));
    }
}

/// One duty record file, `activities/{deputy_id}.json`: its deputy exists under that name, its
/// dates are valid and not after the data's date, its places exist, its ids are unique.
pub fn check_activity_file(
    deputy_ids: &DeputyIndex,
    region_known: &dyn Fn(&str) -> bool,
    updated_at: &str,
    file: &str,
    rec: &crate::activity::DeputyActivities,
) -> Vec<Problem> {
    let mut r = Report(Vec::new());
    let today = data_date(updated_at);
    let check_date = |r: &mut Report, file: &str, field: &str, date: &str| date_not_after(r, &today, file, field, date);
    r.version(file, rec.format_version);
    match deputy_ids.name(rec.deputy_id.as_str()) {
        None => r.add(file, "deputy_id", format!("代表 {} 不存在", rec.deputy_id)),
        Some(name) if name != rec.deputy_name => r.add(file, "deputy_name", format!("与代表档案的姓名“{name}”不一致")),
        _ => {}
    }
    if let Some(note) = &rec.own_note {
        check_date(&mut r, file, "own_note.date", &note.date);
        r.text(file, "own_note.text", &note.text, MAX_TEXT_CHARS, true);
    }
    let mut ids = HashSet::new();
    for (i, a) in rec.activities.iter().enumerate() {
        if !ids.insert(a.id.as_str()) {
            r.add(file, format!("activities[{i}].id"), format!("活动编号 {} 重复", a.id));
        }
        check_date(&mut r, file, &format!("activities[{i}].date"), &a.date);
        r.text(file, &format!("activities[{i}].title"), &a.title, MAX_LINE_CHARS, false);
        r.text(file, &format!("activities[{i}].place"), &a.place, MAX_LINE_CHARS, false);
        r.text(file, &format!("activities[{i}].text"), &a.text, MAX_TEXT_CHARS, true);
        if let Some(code) = &a.region_code
            && !region_known(code)
        {
            r.add(file, format!("activities[{i}].region_code"), format!("地区 {code} 不存在"));
        }
    }
    r.0
}
