//! The station's work: letters, the inbox, publishing, and the audit log to read. Reads need a
//! session; changes also the CSRF token, run one at a time, and are written to the audit log
//! before the clerk is told they are done.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Json, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use deputy_model::console::{
    Done, HeldAction, IngestOutcome, IngestRun, LetterAction, LetterStep, ResultRequest, SuggestionStep, Upload,
    UploadedFile,
};
use serde::Serialize;

use super::auth::Staff;
use super::extract::{Body, FileBody};
use super::state::{Console, failure};
use crate::sessions::Session;
use crate::station::StationError;
use deputy_accounts::web::Changer;

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
        .route("/deputies", get(deputies))
        .route("/held", get(held))
        .route("/held/{code}", post(held_step))
        .route("/publish", get(publish_plan).post(publish))
        .route("/publish/rollback", post(rollback))
        .route("/publish/progress", get(publish_progress))
        .route("/audit", get(audit))
}

async fn letters(State(c): State<Arc<Console>>, _: Staff) -> Response {
    let now = c.now();
    read(c, move |c| c.station.letters(now)).await
}

async fn suggestions(State(c): State<Arc<Console>>, _: Staff) -> Response {
    let now = c.now();
    read(c, move |c| c.station.suggestions(now)).await
}

async fn consultations(State(c): State<Arc<Console>>, _: Staff) -> Response {
    let now = c.now();
    read(c, move |c| c.station.consultations(now)).await
}

async fn inbox(State(c): State<Arc<Console>>, _: Staff) -> Response {
    read(c, |c| c.station.inbox()).await
}

async fn deputies(State(c): State<Arc<Console>>, _: Staff) -> Response {
    read(c, |c| c.station.deputies()).await
}

async fn held(State(c): State<Arc<Console>>, _: Staff) -> Response {
    read(c, |c| c.station.held()).await
}

/// Confirm or drop a held deputy act; the clerk's name (from the session) goes into its proof.
async fn held_step(
    State(c): State<Arc<Console>>,
    Changer(clerk): Changer,
    Path(code): Path<String>,
    Body(action): Body<HeldAction>,
) -> Response {
    let name = match &action {
        HeldAction::Confirm { .. } => "held-confirm",
        HeldAction::Drop { .. } => "held-drop",
    };
    let by = clerk.account.clone();
    change(c, clerk, name.into(), code.clone(), move |c, now| {
        Ok(Done { message: c.station.held_step(&code, &action, &by, now)? })
    })
    .await
}

async fn audit(State(c): State<Arc<Console>>, _: Staff) -> Response {
    read(c, |c| c.gate.audit.recent(200)).await
}

async fn publish_plan(State(c): State<Arc<Console>>, _: Staff) -> Response {
    // Building the plan writes the staging site (never the public one): one at a time.
    let _one = c.changes.lock().await;
    let now = c.now();
    read(c.clone(), move |c| c.station.publish_plan(now)).await
}

/// Asked every second while a build or publish runs: it takes no lock, so it answers at once.
async fn publish_progress(State(c): State<Arc<Console>>, _: Staff) -> Response {
    Json(c.station.progress()).into_response()
}

async fn letter_step(
    State(c): State<Arc<Console>>,
    Changer(clerk): Changer,
    Path(code): Path<String>,
    Body(step): Body<LetterStep>,
) -> Response {
    let action = match step.step {
        LetterAction::Forward { .. } => "letter-forward",
        LetterAction::Reply { .. } => "letter-reply",
        LetterAction::Public { .. } => "letter-public",
    };
    change(c, clerk, action.into(), code.clone(), move |c, now| {
        Ok(Done { message: c.station.letter_step(&code, &step, now)? })
    })
    .await
}

async fn suggestion_step(
    State(c): State<Arc<Console>>,
    Changer(clerk): Changer,
    Path(id): Path<String>,
    Body(step): Body<SuggestionStep>,
) -> Response {
    let action = format!("suggestion-{}", step.action.name());
    change(c, clerk, action, id.clone(), move |c, now| {
        Ok(Done { message: c.station.suggestion_step(&id, &step, now)? })
    })
    .await
}

async fn open_consultation(
    State(c): State<Arc<Console>>,
    Changer(clerk): Changer,
    FileBody(file): FileBody<UploadedFile>,
) -> Response {
    change(c, clerk, "consultation-open".into(), file.name.clone(), move |c, now| {
        Ok(Done { message: c.station.open_consultation(&file, now)? })
    })
    .await
}

async fn publish_comment(State(c): State<Arc<Console>>, Changer(clerk): Changer, Path(code): Path<String>) -> Response {
    change(c, clerk, "comment-publish".into(), code.clone(), move |c, now| {
        Ok(Done { message: c.station.publish_comment(&code, now)? })
    })
    .await
}

async fn consultation_result(
    State(c): State<Arc<Console>>,
    Changer(clerk): Changer,
    Path(id): Path<String>,
    Body(request): Body<ResultRequest>,
) -> Response {
    if request.preview {
        // A preview changes nothing and is not audited (the token is still checked: a POST).
        let now = c.now();
        return answer(tokio::task::spawn_blocking(move || c.station.consultation_result(&id, &request, now)).await);
    }
    change(c, clerk, "consultation-result".into(), id.clone(), move |c, now| {
        c.station.consultation_result(&id, &request, now)
    })
    .await
}

async fn ingest(State(c): State<Arc<Console>>, Changer(clerk): Changer) -> Response {
    change(c, clerk, "inbox-ingest".into(), String::new(), |c, now| Ok(ingest_run(c.station.ingest(now)?))).await
}

async fn ingest_files(
    State(c): State<Arc<Console>>,
    Changer(clerk): Changer,
    FileBody(upload): FileBody<Upload>,
) -> Response {
    let names = upload.files.iter().map(|f| f.name.as_str()).collect::<Vec<_>>().join(",");
    change(c, clerk, "inbox-files".into(), names, move |c, now| Ok(ingest_run(c.station.ingest_files(upload, now)?)))
        .await
}

fn ingest_run(outcomes: Vec<IngestOutcome>) -> IngestRun {
    let taken = outcomes.iter().filter(|o| o.accepted).count();
    IngestRun { message: format!("导入 {taken} 件，拒绝 {} 件", outcomes.len() - taken), outcomes }
}

async fn publish(State(c): State<Arc<Console>>, Changer(clerk): Changer) -> Response {
    change(c, clerk, "publish".into(), String::new(), |c, now| Ok(c.station.publish(now)?)).await
}

async fn rollback(State(c): State<Arc<Console>>, Changer(clerk): Changer) -> Response {
    change(c, clerk, "rollback".into(), String::new(), |c, _| Ok(Done { message: c.station.rollback()? })).await
}

/// Run a read off the async threads.
async fn read<T: Serialize + Send + 'static>(
    c: Arc<Console>,
    work: impl FnOnce(&Console) -> anyhow::Result<T> + Send + 'static,
) -> Response {
    answer(tokio::task::spawn_blocking(move || work(&c).map_err(StationError::Failed)).await)
}

/// Run a change for `clerk`: one change at a time; the audit entry written before the answer.
async fn change<T: Serialize + Send + 'static>(
    c: Arc<Console>,
    clerk: Session,
    action: String,
    item: String,
    work: impl FnOnce(&Console, time::OffsetDateTime) -> Result<T, StationError> + Send + 'static,
) -> Response {
    let _one = c.changes.lock().await;
    let now = c.now();
    let c2 = c.clone();
    let done = match tokio::task::spawn_blocking(move || work(&c2, now)).await {
        Ok(Ok(v)) => v,
        failed => return answer(failed),
    };
    if let Err(e) = c.gate.audit.record(now, &clerk.account, &action, &item) {
        return station_failure(StationError::Failed(e.context("已保存，但写入操作记录失败")));
    }
    tracing::info!(action, "console change");
    Json(done).into_response()
}

/// The answer to work done off the async threads: its JSON, or the failure in words.
fn answer<T: Serialize>(done: Result<Result<T, StationError>, tokio::task::JoinError>) -> Response {
    match done {
        Ok(Ok(v)) => Json(v).into_response(),
        Ok(Err(e)) => station_failure(e),
        Err(e) => station_failure(StationError::Failed(anyhow::anyhow!("{e}"))),
    }
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
