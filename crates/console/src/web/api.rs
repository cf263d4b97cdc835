//! The station's work: letters, the inbox, publishing, and the audit log to read. Reads need a
//! session; changes also the CSRF token, run one at a time, and are written to the audit log
//! before the clerk is told they are done.

use std::sync::Arc;

use axum::Router;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Json, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use deputy_model::console::{LetterAction, LetterStep, ResultRequest, SuggestionStep, Upload, UploadedFile};
use serde::Serialize;

use super::auth::{changer, reader};
use super::{Console, failure, json_body};
use crate::station::StationError;

pub(super) fn routes() -> Router<Arc<Console>> {
    Router::new()
        .route("/letters", get(letters))
        .route("/letters/{code}", post(letter_step))
        .route("/suggestions", get(suggestions))
        .route("/suggestions/{id}", post(suggestion_step))
        .route("/consultations", get(consultations).post(open_consultation))
        .route("/comments/{code}/publish", post(publish_comment))
        .route("/consultations/{id}/result", post(consultation_result))
        .route("/inbox", get(inbox))
        .route("/inbox/ingest", post(ingest))
        .route("/inbox/files", post(ingest_files))
        .route("/publish", get(publish_plan).post(publish))
        .route("/publish/rollback", post(rollback))
        .route("/audit", get(audit))
}

/// A line for the clerk after a change.
#[derive(Serialize)]
struct Done<T: Serialize> {
    message: String,
    #[serde(flatten)]
    detail: T,
}

async fn letters(State(c): State<Arc<Console>>, headers: HeaderMap) -> Response {
    if let Err(r) = reader(&c, &headers) {
        return r;
    }
    let now = c.now();
    read(c.clone(), move |c| c.station.letters(now)).await
}

async fn suggestions(State(c): State<Arc<Console>>, headers: HeaderMap) -> Response {
    if let Err(r) = reader(&c, &headers) {
        return r;
    }
    let now = c.now();
    read(c.clone(), move |c| c.station.suggestions(now)).await
}

async fn suggestion_step(
    State(c): State<Arc<Console>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Result<Json<SuggestionStep>, JsonRejection>,
) -> Response {
    let step = match json_body(body, "请求的内容不完整，请刷新页面后再试") {
        Ok(step) => step,
        Err(r) => return r,
    };
    let action = match step.action.name() {
        "register" => "suggestion-register",
        "assign" => "suggestion-assign",
        "extend" => "suggestion-extend",
        "progress" => "suggestion-progress",
        "answer" => "suggestion-answer",
        "rate" => "suggestion-rate",
        "reopen" => "suggestion-reopen",
        _ => "suggestion-close",
    };
    change(c, headers, action, id.clone(), move |c, now| {
        Ok(Message { message: c.station.suggestion_step(&id, &step, now)? })
    })
    .await
}

async fn consultations(State(c): State<Arc<Console>>, headers: HeaderMap) -> Response {
    if let Err(r) = reader(&c, &headers) {
        return r;
    }
    let now = c.now();
    read(c.clone(), move |c| c.station.consultations(now)).await
}

async fn open_consultation(
    State(c): State<Arc<Console>>,
    headers: HeaderMap,
    body: Result<Json<UploadedFile>, JsonRejection>,
) -> Response {
    let file = match json_body(body, "文件没有读完整，请重新选择") {
        Ok(f) => f,
        Err(r) => return r,
    };
    change(c, headers, "consultation-open", file.name.clone(), move |c, now| {
        Ok(Message { message: c.station.open_consultation(&file, now)? })
    })
    .await
}

async fn publish_comment(State(c): State<Arc<Console>>, headers: HeaderMap, Path(code): Path<String>) -> Response {
    change(c, headers, "comment-publish", code.clone(), move |c, now| {
        Ok(Message { message: c.station.publish_comment(&code, now)? })
    })
    .await
}

async fn consultation_result(
    State(c): State<Arc<Console>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Result<Json<ResultRequest>, JsonRejection>,
) -> Response {
    let request = match json_body(body, "请求的内容不完整，请刷新页面后再试") {
        Ok(r) => r,
        Err(r) => return r,
    };
    if request.preview {
        // A preview changes nothing: a read (the token is still checked: it is a POST).
        if let Err(r) = changer(&c, &headers) {
            return r;
        }
        let now = c.now();
        return match tokio::task::spawn_blocking(move || c.station.consultation_result(&id, &request, now)).await {
            Ok(Ok(v)) => Json(v).into_response(),
            Ok(Err(e)) => station_failure(e),
            Err(e) => station_failure(StationError::Failed(anyhow::anyhow!("{e}"))),
        };
    }
    change(c, headers, "consultation-result", id.clone(), move |c, now| {
        c.station.consultation_result(&id, &request, now)
    })
    .await
}

async fn inbox(State(c): State<Arc<Console>>, headers: HeaderMap) -> Response {
    if let Err(r) = reader(&c, &headers) {
        return r;
    }
    read(c.clone(), |c| c.station.inbox()).await
}

async fn audit(State(c): State<Arc<Console>>, headers: HeaderMap) -> Response {
    if let Err(r) = reader(&c, &headers) {
        return r;
    }
    read(c.clone(), |c| c.audit.recent(200)).await
}

async fn publish_plan(State(c): State<Arc<Console>>, headers: HeaderMap) -> Response {
    // Building the plan writes the staging site (never the public one): one at a time.
    if let Err(r) = reader(&c, &headers) {
        return r;
    }
    let _one = c.changes.lock().await;
    let now = c.now();
    read(c.clone(), move |c| c.station.publish_plan(now)).await
}

async fn letter_step(
    State(c): State<Arc<Console>>,
    headers: HeaderMap,
    Path(code): Path<String>,
    body: Result<Json<LetterStep>, JsonRejection>,
) -> Response {
    let step = match json_body(body, "请求的内容不完整，请刷新页面后再试") {
        Ok(step) => step,
        Err(r) => return r,
    };
    let action = match step.step {
        LetterAction::Forward { .. } => "letter-forward",
        LetterAction::Reply { .. } => "letter-reply",
        LetterAction::Public { .. } => "letter-public",
    };
    change(c, headers, action, code.clone(), move |c, now| {
        Ok(Message { message: c.station.letter_step(&code, &step, now)? })
    })
    .await
}

async fn ingest(State(c): State<Arc<Console>>, headers: HeaderMap) -> Response {
    change(c, headers, "inbox-ingest", String::new(), |c, now| {
        let outcomes = c.station.ingest(now)?;
        let taken = outcomes.iter().filter(|o| o.accepted).count();
        let message = format!("导入 {taken} 件，拒绝 {} 件", outcomes.len() - taken);
        Ok(Done { message, detail: Outcomes { outcomes } })
    })
    .await
}

async fn ingest_files(
    State(c): State<Arc<Console>>,
    headers: HeaderMap,
    body: Result<Json<Upload>, JsonRejection>,
) -> Response {
    let upload = match json_body(body, "文件没有读完整，请重新选择") {
        Ok(f) => f,
        Err(r) => return r,
    };
    let names = upload.files.iter().map(|f| f.name.as_str()).collect::<Vec<_>>().join(",");
    change(c, headers, "inbox-files", names, move |c, now| {
        let outcomes = c.station.ingest_files(upload, now)?;
        let taken = outcomes.iter().filter(|o| o.accepted).count();
        let message = format!("导入 {taken} 件，拒绝 {} 件", outcomes.len() - taken);
        Ok(Done { message, detail: Outcomes { outcomes } })
    })
    .await
}

#[derive(Serialize)]
struct Message {
    message: String,
}

#[derive(Serialize)]
struct Outcomes {
    outcomes: Vec<deputy_model::console::IngestOutcome>,
}

async fn publish(State(c): State<Arc<Console>>, headers: HeaderMap) -> Response {
    change(c, headers, "publish", String::new(), |c, now| Ok(c.station.publish(now)?)).await
}

async fn rollback(State(c): State<Arc<Console>>, headers: HeaderMap) -> Response {
    change(c, headers, "rollback", String::new(), |c, _| Ok(Message { message: c.station.rollback()? })).await
}

/// Run a read off the async threads.
async fn read<T: Serialize + Send + 'static>(
    c: Arc<Console>,
    work: impl FnOnce(&Console) -> anyhow::Result<T> + Send + 'static,
) -> Response {
    match tokio::task::spawn_blocking(move || work(&c)).await {
        Ok(Ok(v)) => Json(v).into_response(),
        Ok(Err(e)) => station_failure(StationError::Failed(e)),
        Err(e) => station_failure(StationError::Failed(anyhow::anyhow!("{e}"))),
    }
}

/// Run a change: session, token and origin checked; one change at a time; the audit entry
/// written before the answer.
async fn change<T: Serialize + Send + 'static>(
    c: Arc<Console>,
    headers: HeaderMap,
    action: &'static str,
    item: String,
    work: impl FnOnce(&Console, time::OffsetDateTime) -> Result<T, StationError> + Send + 'static,
) -> Response {
    let session = match changer(&c, &headers) {
        Ok(s) => s,
        Err(r) => return r,
    };
    let _one = c.changes.lock().await;
    let now = c.now();
    let c2 = c.clone();
    let done = match tokio::task::spawn_blocking(move || work(&c2, now)).await {
        Ok(Ok(v)) => v,
        Ok(Err(e)) => return station_failure(e),
        Err(e) => return station_failure(StationError::Failed(anyhow::anyhow!("{e}"))),
    };
    if let Err(e) = c.audit.record(now, &session.staff, action, &item) {
        return station_failure(StationError::Failed(e.context("已保存，但写入操作记录失败")));
    }
    tracing::info!(action, "console change");
    Json(done).into_response()
}

fn station_failure(e: StationError) -> Response {
    match e {
        StationError::Conflict(m) => failure(StatusCode::CONFLICT, m),
        StationError::Refused(m) => failure(StatusCode::UNPROCESSABLE_ENTITY, m),
        StationError::Failed(e) => {
            tracing::error!(error = %format!("{e:#}"), "console request failed");
            failure(StatusCode::INTERNAL_SERVER_ERROR, format!("没有完成：{e:#}"))
        }
    }
}
