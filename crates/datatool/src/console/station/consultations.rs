//! 征求意见: the comments received, publishing one, and the results through `publish
//! consultation`'s own `consultation_result` (a preview saves nothing).

use anyhow::Result;
use deputy_console::station::StationError;
use deputy_model::clock;
use deputy_model::console::{CommentRow, ConsultationRow, ResultPreview, ResultRequest, UploadedFile};
use deputy_model::consult::{Phase, accepts_comments};
use time::OffsetDateTime;

use super::source::{SourceStation, refused};
use crate::ingest::{self, State};

pub(super) fn consultations(station: &SourceStation, now: OffsetDateTime) -> Result<Vec<ConsultationRow>> {
    let st = State::load(&station.src)?;
    let today = clock::format_date(clock::shanghai_date(now));
    Ok(st
        .world
        .consultations
        .iter()
        .map(|c| ConsultationRow {
            id: c.summary.id.clone(),
            title: c.summary.title.clone(),
            phase: match c.summary.phase {
                Phase::Open => "征求意见中",
                Phase::Summarizing => "意见汇总中",
                Phase::Published => "已公布结果",
            }
            .to_string(),
            opens: c.summary.opens.clone(),
            closes: c.summary.closes.clone(),
            articles: c.draft.articles().map(|a| (a.number, a.text())).collect(),
            comments: st
                .comments
                .iter()
                .filter(|rc| rc.consultation_id == c.summary.id)
                .map(|rc| CommentRow {
                    receipt_code: rc.receipt_code.clone(),
                    article: rc.article,
                    text: rc.text.clone(),
                    at: rc.at.clone(),
                    published: rc.published,
                })
                .collect(),
            can_publish_result: c.summary.phase != Phase::Published
                && !accepts_comments(&c.summary.opens, &c.summary.closes, now)
                && today >= c.summary.opens,
        })
        .collect())
}

pub(super) fn open_consultation(
    station: &SourceStation,
    file: &UploadedFile,
    now: OffsetDateTime,
) -> Result<String, StationError> {
    ingest::publish_draft_text(&station.src, &file.text, &file.name, &clock::to_rfc3339(now)).map_err(refused)
}

pub(super) fn publish_comment(
    station: &SourceStation,
    code: &str,
    now: OffsetDateTime,
) -> Result<String, StationError> {
    ingest::publish_comment(&station.src, code, &clock::to_rfc3339(now)).map_err(refused)
}

pub(super) fn consultation_result(
    station: &SourceStation,
    id: &str,
    request: &ResultRequest,
    now: OffsetDateTime,
) -> Result<ResultPreview, StationError> {
    let final_text = request.final_text.clone().filter(|t| !t.trim().is_empty()).map(|t| (t, "定稿".to_string()));
    let (message, c) = ingest::consultation_result(
        &station.src,
        id,
        request.adoption.clone(),
        final_text,
        "采纳情况",
        &clock::to_rfc3339(now),
        !request.preview,
    )
    .map_err(refused)?;
    Ok(ResultPreview { message, changes: c.changes })
}
