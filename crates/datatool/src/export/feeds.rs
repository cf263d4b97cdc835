//! Atom feeds: the news, each consultation, each deputy's public activity, and the suggestions'
//! handling. Entries link to the app's pages under the site URL; texts are plain (never HTML).

use atom_syndication::{Entry, Feed, Link, Text};
use deputy_model::activity::{ActivityKind, DeputyActivities};
use deputy_model::consult::Consultation;
use deputy_model::message::PublicMessage;
use deputy_model::suggestion::{ResultClass, Suggestion, SuggestionEvent};
use deputy_model::validate::Dataset;

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

/// Newest first, and the feed's `updated` from the newest entry.
fn newest_first(mut entries: Vec<Entry>) -> (Vec<Entry>, String) {
    entries.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.id.cmp(&b.id)));
    let updated = entries.first().map(|e| e.updated.to_rfc3339()).unwrap_or_else(|| "2025-01-01".into());
    (entries, updated)
}

pub(super) fn news_feed(data: &Dataset, base: &str) -> Feed {
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

pub(super) fn consultation_feed(c: &Consultation, base: &str) -> Feed {
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

/// How the duty record names a kind of activity (as the app's 履职档案 does).
fn kind_label(kind: ActivityKind) -> &'static str {
    match kind {
        ActivityKind::Session => "出席代表大会",
        ActivityKind::Meeting => "参加会议",
        ActivityKind::Research => "调研",
        ActivityKind::Inspection => "视察",
        ActivityKind::Visit => "走访选民",
        ActivityKind::Reception => "联络站接待",
        ActivityKind::CommunityReport => "到社区报到",
        ActivityKind::PetitionAgency => "信访代办",
        ActivityKind::Mediation => "诉前调解",
        ActivityKind::Supervision => "反映监督事项",
        ActivityKind::Suggestion => "提出建议",
        ActivityKind::Training => "参加培训",
    }
}

/// A deputy's public activity: the duty record (履职档案), replies to published letters, and
/// news naming them.
pub(super) fn deputy_feed(
    data: &Dataset,
    d: &deputy_model::Deputy,
    activities: Option<&DeputyActivities>,
    public: &[PublicMessage],
    base: &str,
) -> Feed {
    let id = &d.summary.id;
    let link = format!("{base}/direct/deputy/{id}");
    let record = format!("{base}/duties/deputy/{id}");
    let mut entries: Vec<Entry> = Vec::new();
    for a in activities.map(|a| a.activities.as_slice()).unwrap_or_default() {
        let place = if a.place.is_empty() { String::new() } else { format!("（{}）", a.place) };
        entries.push(entry(
            format!("{record}#{}", a.id),
            format!("{}：{}", kind_label(a.kind), a.title),
            record.clone(),
            &a.date,
            format!("{}{place}", a.text),
        ));
    }
    for m in public.iter().filter(|m| m.deputy_id == *id) {
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
    for (_, n) in data.news.iter().filter(|(_, n)| n.deputy_ids.contains(id)) {
        let nl = format!("{base}/news/{}", n.summary.id);
        entries.push(entry(nl.clone(), n.summary.title.clone(), nl, &n.summary.date, n.summary.summary.clone()));
    }
    let (entries, updated) = newest_first(entries);
    feed(link.clone(), format!("{}的履职动态", d.summary.name), link, &updated, entries)
}

fn result_label(r: ResultClass) -> &'static str {
    match r {
        ResultClass::A => "A 类（已解决或采纳）",
        ResultClass::B => "B 类（正在解决或列入计划）",
        ResultClass::C => "C 类（因条件限制留作参考）",
    }
}

/// One entry per public step of each suggestion's handling: submitted, assigned, replied, rated,
/// closed — what a citizen following 建议办理 wants to hear about.
pub(super) fn suggestions_feed(suggestions: &[&Suggestion], base: &str) -> Feed {
    let mut entries = Vec::new();
    for s in suggestions {
        let link = format!("{base}/proposals/{}", s.id);
        for (i, ev) in s.events.iter().enumerate() {
            let (what, text) = match ev {
                SuggestionEvent::Submitted { .. } => ("提出", format!("{}等代表提出", s.lead.name)),
                SuggestionEvent::Assigned { lead_unit, co_units, .. } => {
                    let co = if co_units.is_empty() {
                        String::new()
                    } else {
                        format!("，协办：{}", co_units.join("、"))
                    };
                    ("交办", format!("主办：{lead_unit}{co}"))
                }
                SuggestionEvent::Replied { unit, result, text, .. } => {
                    ("答复", format!("{unit}答复，{}：{text}", result_label(*result)))
                }
                SuggestionEvent::Rated { rating, comment, .. } => {
                    let r = match rating {
                        deputy_model::message::Rating::Satisfied => "满意",
                        deputy_model::message::Rating::Basically => "基本满意",
                        deputy_model::message::Rating::Unsatisfied => "不满意",
                    };
                    ("代表评价", if comment.is_empty() { r.to_string() } else { format!("{r}：{comment}") })
                }
                SuggestionEvent::Reopened { reason, .. } => ("重办", reason.clone()),
                SuggestionEvent::Closed { .. } => ("办结", String::new()),
                // Internal steps (立案, 延期, 办理中) show on the page but are not news.
                _ => continue,
            };
            entries.push(entry(
                format!("{link}#step-{i}"),
                format!("{what}：{}", s.title),
                link.clone(),
                ev.date(),
                text,
            ));
        }
    }
    let (entries, updated) = newest_first(entries);
    let link = format!("{base}/proposals/list");
    feed(link.clone(), "代表建议办理情况".into(), link, &updated, entries)
}

/// Feed timestamps: the news date at 09:00 in Asia/Shanghai (the site shows dates only).
fn date_time(date: &str) -> atom_syndication::FixedDateTime {
    atom_syndication::FixedDateTime::parse_from_rfc3339(&format!("{date}T09:00:00+08:00"))
        .or_else(|_| atom_syndication::FixedDateTime::parse_from_rfc3339(date))
        .unwrap_or_default()
}
