//! The rules a published suggestion must keep, hooked into [`crate::validate::validate`]: a
//! handling history the state machine accepts, known deputies and categories, text within
//! limits, and links to letters that resolve both ways.

use std::collections::HashSet;

use crate::suggestion::CATEGORIES;
use crate::validate::{Dataset, DeputyIndex, MAX_LINE_CHARS, MAX_NAME_CHARS, MAX_TEXT_CHARS, Report};

pub(crate) fn check(r: &mut Report, data: &Dataset, deputy_ids: &DeputyIndex) {
    let mut ids = HashSet::new();
    for (file, s) in &data.suggestions {
        r.version(file, s.format_version);
        if !ids.insert(s.id.as_str()) {
            r.add(file, "id", format!("建议编号 {} 重复", s.id));
        }
        r.text(file, "title", &s.title, MAX_LINE_CHARS, false);
        if !CATEGORIES.contains(&s.category.as_str()) {
            r.add(file, "category", format!("类别“{}”不在建议类别表中", s.category));
        }
        for (field, signer) in std::iter::once(("lead".to_string(), &s.lead))
            .chain(s.cosigners.iter().enumerate().map(|(i, c)| (format!("cosigners[{i}]"), c)))
        {
            r.text(file, &format!("{field}.name"), &signer.name, MAX_NAME_CHARS, false);
            if !deputy_ids.contains(signer.deputy_id.as_str()) {
                r.add(file, format!("{field}.deputy_id"), format!("代表 {} 不存在", signer.deputy_id));
            }
        }
        if !s.lead.confirmed {
            r.add(file, "lead.confirmed", "领衔代表必须是已确认的");
        }
        for (name, parts) in [("facts", &s.facts), ("analysis", &s.analysis), ("proposals", &s.proposals)] {
            if parts.is_empty() {
                r.add(file, name, "不能为空（建议须有情况、有分析、有具体意见）");
            }
            for (i, p) in parts.iter().enumerate() {
                r.text(file, &format!("{name}[{i}]"), p, MAX_TEXT_CHARS, true);
            }
        }
        for (i, e) in s.events.iter().enumerate() {
            r.date(file, &format!("events[{i}].date"), e.date());
        }
        if let Err(e) = s.handling() {
            r.add(file, format!("events[{}]", e.index), format!("办理流程不合法：{}", e.message));
        }
    }
    // Letters that became suggestions, and suggestions that came from letters, point at each other.
    for (file, m) in &data.messages {
        if let Some(id) = m.suggestion_id.as_ref().filter(|id| !ids.contains(id.as_str())) {
            r.add(file, "suggestion_id", format!("建议 {id} 不存在"));
        }
    }
    for (file, s) in &data.suggestions {
        if let Some(from) = &s.from_message {
            let linked = data.messages.iter().any(|(_, m)| {
                m.suggestion_id.as_deref() == Some(s.id.as_str())
                    && m.receipt_code.get(..6).is_some_and(|p| from.id == format!("m-{p}"))
            });
            if !linked {
                r.add(file, "from_message.id", format!("留言 {} 不存在或没有指回本建议", from.id));
            }
        }
    }
}
