//! The deputy's reads and acts. The deputy is always the session's: no route takes a deputy
//! id, so none can be pointed at another deputy's letters, suggestions or invitations.

use std::sync::Arc;

use axum::Router;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Json, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use deputy_accounts::web::{Changer, Reader, failure, internal, json_body};
use deputy_intake::StoreError;
use deputy_model::submission::SubmissionKind;
use deputy_model::workspace::{ActDone, Cosign};
use serde::Serialize;

use super::{BODY_LIMIT, Workspace};
use crate::acts::Act;

pub(super) fn routes() -> Router<Arc<Workspace>> {
    Router::new().route("/letters", get(letters)).route("/suggestions", get(suggestions)).route("/cosign", post(cosign))
}

/// A read of the station's data, off the async threads.
async fn read<T: Serialize + Send + 'static>(
    w: Arc<Workspace>,
    f: impl FnOnce(&Workspace) -> anyhow::Result<T> + Send + 'static,
) -> Response {
    match tokio::task::spawn_blocking(move || f(&w)).await {
        Ok(Ok(v)) => Json(v).into_response(),
        Ok(Err(e)) => internal(&e),
        Err(e) => internal(&anyhow::anyhow!("{e}")),
    }
}

async fn letters(State(w): State<Arc<Workspace>>, Reader(session): Reader) -> Response {
    let now = w.now();
    read(w, move |w| w.desk.letters(&session.account, now)).await
}

async fn suggestions(State(w): State<Arc<Workspace>>, Reader(session): Reader) -> Response {
    let now = w.now();
    read(w, move |w| w.desk.suggestions(&session.account, now)).await
}

/// `POST /cosign`: confirm my co-signature on a suggestion that lists me as a co-signer.
async fn cosign(
    State(w): State<Arc<Workspace>>,
    Changer(session): Changer,
    body: Result<Json<Cosign>, JsonRejection>,
) -> Response {
    let form = match json_body(body, "请求的内容不完整，请刷新页面后再试", BODY_LIMIT) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let invitation = {
        let (w, id, sid) = (w.clone(), session.account.clone(), form.suggestion_id.clone());
        match tokio::task::spawn_blocking(move || w.desk.invitation(&id, &sid)).await {
            Ok(Ok(i)) => i,
            Ok(Err(e)) => return internal(&e),
            Err(e) => return internal(&anyhow::anyhow!("{e}")),
        }
    };
    let Some(invitation) = invitation else {
        return failure(StatusCode::NOT_FOUND, "没有这条联名邀请：您不是这件建议的联名代表，或已经确认过");
    };
    let payload = serde_json::json!({
        "draft_id": invitation.draft_id,
        "cosigner_id": session.account,
        "title": invitation.title,
        "lead": invitation.lead_name,
    });
    let title = format!("联名确认：{}", invitation.title);
    let act = Act { kind: SubmissionKind::Cosign, title, payload };
    file(&w, &session, act, "已确认联名。联络站下次导入后，建议上会显示您已确认。").await
}

/// File one act and say so; refused when the store cannot take it (nothing is then filed).
async fn file(w: &Workspace, session: &deputy_accounts::sessions::Session, act: Act, done: &str) -> Response {
    let now = w.now();
    let kind = act.kind;
    match crate::acts::file(w.store.as_ref(), &w.signer, &session.account, &session.id, act, now).await {
        Ok(code) => {
            if let Err(e) = w.gate.audit.record(now, &session.account, kind.name(), &code) {
                return internal(&e);
            }
            tracing::info!(kind = kind.name(), "act filed");
            Json(ActDone { receipt_code: code, message: done.to_string() }).into_response()
        }
        Err(StoreError::Unavailable(e)) => {
            tracing::error!(error = %e, "the store cannot take an act");
            failure(StatusCode::SERVICE_UNAVAILABLE, "暂时无法保存，请稍后再试（您的操作没有丢失，可以再点一次）")
        }
        Err(StoreError::Conflict) => failure(StatusCode::SERVICE_UNAVAILABLE, "暂时无法保存，请稍后再试"),
    }
}
