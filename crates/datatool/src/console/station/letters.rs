//! 来信: the queue with the writers' contact from `received/`, and the steps through `reply`'s
//! own `record`.

use anyhow::Result;
use deputy_console::station::StationError;
use deputy_model::clock;
use deputy_model::console::{LetterAction, LetterRow, LetterStep, Writer, step_time};
use deputy_model::message::{MessageState, state_name};
use deputy_model::submission::Submission;
use time::OffsetDateTime;

use super::source::{SourceStation, refused, unchanged};
use crate::ingest::{self, State};

pub(super) fn letters(station: &SourceStation, now: OffsetDateTime) -> Result<Vec<LetterRow>> {
    let st = State::load(&station.src)?;
    let today = clock::shanghai_date(now);
    let mut rows: Vec<LetterRow> = st
        .world
        .messages
        .iter()
        .map(|m| {
            let state = m.state().ok();
            let received = m.events.first().and_then(|e| clock::parse_timestamp(e.at()));
            let submission = st.received.iter().find(|s| s.receipt_code == m.receipt_code);
            LetterRow {
                receipt_code: m.receipt_code.clone(),
                deputy_name: m.deputy_name.clone(),
                subject: m.subject.clone(),
                category: m.category.clone(),
                content_private: submission
                    .and_then(|s| text_of(s, "content"))
                    .or_else(|| m.content.clone())
                    .unwrap_or_default(),
                state: state.map(state_name).unwrap_or("状态有误").to_string(),
                open: matches!(state, Some(MessageState::Submitted | MessageState::Forwarded | MessageState::Reopened)),
                days: received.map(|r| (today - clock::shanghai_date(r)).whole_days()).unwrap_or(0),
                public: m.public,
                consent: submission
                    .map(|s| s.payload.get("publish").and_then(|v| v.as_bool()) == Some(true))
                    .unwrap_or(m.public),
                writer: submission.map(writer).unwrap_or_default(),
                events: m.events.clone(),
                version: m.events.len(),
            }
        })
        .collect();
    // Open letters first, the longest waiting first; then the rest, newest first.
    rows.sort_by(|a, b| b.open.cmp(&a.open).then(if a.open { b.days.cmp(&a.days) } else { a.days.cmp(&b.days) }));
    Ok(rows)
}

pub(super) fn letter_step(
    station: &SourceStation,
    code: &str,
    step: &LetterStep,
    now: OffsetDateTime,
) -> Result<String, StationError> {
    let st = State::load(&station.src)?;
    let letter = st
        .world
        .messages
        .iter()
        .find(|m| m.receipt_code == code)
        .ok_or_else(|| StationError::Refused(format!("查询码 {code} 没有对应的来信")))?;
    // Whether it is public is no handling step: it does not depend on what was seen.
    let handling = !matches!(step.step, LetterAction::Public { .. });
    if handling {
        let state = letter.state().map(state_name).unwrap_or("?");
        unchanged(&format!("来信 {code}"), step.version, letter.events.len(), state)?;
    }
    let at = step_time(&step.at, now).map_err(StationError::Refused)?;
    ingest::record(&station.src, code, step.step.clone(), &clock::to_rfc3339(at)).map_err(refused)
}

fn text_of(s: &Submission, field: &str) -> Option<String> {
    s.payload.get(field)?.as_str().map(str::to_string)
}

fn writer(s: &Submission) -> Writer {
    Writer { name: text_of(s, "name").unwrap_or_default(), phone: text_of(s, "phone").unwrap_or_default() }
}
