//! 建议: the queue by deadline with the steps the state machine allows (`next_steps`), and
//! each step through `reply_suggestion`.

use anyhow::Result;
use deputy_console::station::StationError;
use deputy_model::clock;
use deputy_model::console::{SuggestionQueue, SuggestionRow, SuggestionStep, step_time};
use deputy_model::suggestion::next_steps;
use time::OffsetDateTime;

use super::source::{SourceStation, refused, unchanged};
use crate::ingest::{self, State};
use crate::source;

pub(super) fn suggestions(station: &SourceStation, now: OffsetDateTime) -> Result<SuggestionQueue> {
    let st = State::load(&station.src)?;
    let today = clock::shanghai_date(now);
    let date = clock::format_date(today);
    let mut rows: Vec<SuggestionRow> = st
        .world
        .suggestions
        .iter()
        .map(|s| {
            let handling = s.handling().ok();
            let clock = handling.as_ref().and_then(|h| h.deadline(today));
            SuggestionRow {
                id: s.id.clone(),
                title: s.title.clone(),
                lead: s.lead.name.clone(),
                status: handling.map(|h| ingest::status_name(h.status)).unwrap_or("办理记录有误").to_string(),
                due: clock.as_ref().map(|c| clock::format_date(c.due)),
                days_left: clock.map(|c| c.days_left),
                events: s.events.clone(),
                next: next_steps(&s.events, &date).into_iter().map(str::to_string).collect(),
                version: s.events.len(),
            }
        })
        .collect();
    // Overdue first, then the nearest deadlines, then what waits for the station (立案,
    // 交办, 办结), then the rest.
    rows.sort_by_key(|r| (r.days_left.unwrap_or(i64::MAX), r.next.is_empty(), r.id.clone()));
    // The station's list first, in its order, then any other unit assigned before.
    let mut units = source::units::read(&station.src)?;
    for u in source::units::assigned(&st.world.suggestions) {
        if !units.contains(&u) {
            units.push(u);
        }
    }
    Ok(SuggestionQueue { suggestions: rows, units })
}

pub(super) fn suggestion_step(
    station: &SourceStation,
    id: &str,
    step: &SuggestionStep,
    now: OffsetDateTime,
) -> Result<String, StationError> {
    let st = State::load(&station.src)?;
    let s = st
        .world
        .suggestions
        .iter()
        .find(|s| s.id == id)
        .ok_or_else(|| StationError::Refused(format!("建议 {id} 不存在")))?;
    let state = s.handling().map(|h| ingest::status_name(h.status)).unwrap_or("?");
    unchanged(&format!("建议 {id}"), step.version, s.events.len(), state)?;
    let at = step_time(&step.at, now).map_err(StationError::Refused)?;
    ingest::reply_suggestion(&station.src, id, step.action.clone(), &clock::to_rfc3339(at)).map_err(refused)
}
