//! The suggestions (建议提交) as open data: one row per suggestion with where its handling
//! stands, and one row per handling step, for anyone who wants to count on-time replies or
//! results per unit themselves.

use deputy_model::clock;
use deputy_model::suggestion::{ResultClass, Suggestion, SuggestionEvent};
use serde::Serialize;

#[derive(Serialize)]
pub(super) struct Row {
    id: String,
    year: i32,
    title: String,
    category: String,
    lead_id: String,
    lead_name: String,
    /// Confirmed co-signers' names, `;`-separated.
    cosigners: String,
    /// `submitted`, `registered`, … `closed` (the data format's status keys).
    status: String,
    submitted: String,
    assigned: String,
    lead_unit: String,
    co_units: String,
    /// The reply's due date while one is awaited.
    due: String,
    extension_months: String,
    extension_reason: String,
    replied: String,
    reply_unit: String,
    result: String,
    rating: String,
    closed: String,
    from_letter: String,
    url: String,
}

fn key<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default()
}

fn result_key(r: ResultClass) -> String {
    format!("{r:?}")
}

pub(super) fn rows(all: &[&Suggestion], base: &str) -> Vec<Row> {
    all.iter()
        .map(|s| {
            let h = s.handling().ok();
            let mut row = Row {
                id: s.id.clone(),
                year: s.year(),
                title: s.title.clone(),
                category: s.category.clone(),
                lead_id: s.lead.deputy_id.clone(),
                lead_name: s.lead.name.clone(),
                cosigners: s
                    .cosigners
                    .iter()
                    .filter(|c| c.confirmed)
                    .map(|c| c.name.as_str())
                    .collect::<Vec<_>>()
                    .join(";"),
                status: h.as_ref().map(|h| h.status.key().to_string()).unwrap_or_default(),
                submitted: s.submitted().to_string(),
                assigned: String::new(),
                lead_unit: String::new(),
                co_units: String::new(),
                due: h.as_ref().and_then(|h| h.due()).map(clock::format_date).unwrap_or_default(),
                extension_months: String::new(),
                extension_reason: String::new(),
                replied: String::new(),
                reply_unit: String::new(),
                result: String::new(),
                rating: s.last_rating().map(|r| key(&r)).unwrap_or_default(),
                closed: String::new(),
                from_letter: s.from_message.as_ref().map(|m| m.subject.clone()).unwrap_or_default(),
                url: format!("{base}/proposals/{}", s.id),
            };
            // The latest of each step wins (a 重办 brings a second reply).
            for ev in &s.events {
                match ev {
                    SuggestionEvent::Assigned { date, lead_unit, co_units } => {
                        row.assigned = date.clone();
                        row.lead_unit = lead_unit.clone();
                        row.co_units = co_units.join(";");
                    }
                    SuggestionEvent::Extended { months, reason, .. } => {
                        row.extension_months = months.to_string();
                        row.extension_reason = reason.clone();
                    }
                    SuggestionEvent::Replied { date, unit, result, .. } => {
                        row.replied = date.clone();
                        row.reply_unit = unit.clone();
                        row.result = result_key(*result);
                    }
                    SuggestionEvent::Closed { date } => row.closed = date.clone(),
                    _ => {}
                }
            }
            row
        })
        .collect()
}

#[derive(Serialize)]
pub(super) struct Step {
    id: String,
    seq: usize,
    /// The event's `type` as in the data format: `submitted`, `assigned`, `replied` …
    step: String,
    date: String,
    unit: String,
    co_units: String,
    months: String,
    result: String,
    rating: String,
    text: String,
}

pub(super) fn steps(all: &[&Suggestion]) -> Vec<Step> {
    let mut out = Vec::new();
    for s in all {
        for (seq, ev) in s.events.iter().enumerate() {
            let step = serde_json::to_value(ev)
                .ok()
                .and_then(|v| v.get("type").and_then(|t| t.as_str()).map(String::from))
                .unwrap_or_default();
            let mut row = Step {
                id: s.id.clone(),
                seq: seq + 1,
                step,
                date: ev.date().to_string(),
                unit: String::new(),
                co_units: String::new(),
                months: String::new(),
                result: String::new(),
                rating: String::new(),
                text: String::new(),
            };
            match ev {
                SuggestionEvent::Assigned { lead_unit, co_units, .. } => {
                    row.unit = lead_unit.clone();
                    row.co_units = co_units.join(";");
                }
                SuggestionEvent::Extended { months, reason, .. } => {
                    row.months = months.to_string();
                    row.text = reason.clone();
                }
                SuggestionEvent::InProgress { note, .. } => row.text = note.clone(),
                SuggestionEvent::Replied { unit, result, text, .. } => {
                    row.unit = unit.clone();
                    row.result = result_key(*result);
                    row.text = text.clone();
                }
                SuggestionEvent::Rated { rating, comment, .. } => {
                    row.rating = key(rating);
                    row.text = comment.clone();
                }
                SuggestionEvent::Reopened { reason, .. } => row.text = reason.clone(),
                SuggestionEvent::Submitted { .. }
                | SuggestionEvent::Registered { .. }
                | SuggestionEvent::Closed { .. } => {}
            }
            out.push(row);
        }
    }
    out
}
