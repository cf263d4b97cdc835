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
use deputy_model::suggestion::{Status, draft_problems, proposal_lines};
use deputy_model::workspace::{ActDone, Cosign, RateReply, SubmitSuggestion};
use serde::Serialize;

use super::state::{BODY_LIMIT, Workspace};
use crate::acts::Act;

pub(super) fn routes() -> Router<Arc<Workspace>> {
    Router::new()
        .route("/letters", get(letters))
        .route("/suggestions", get(suggestions))
        .route("/cosign", post(cosign))
        .route("/suggestion", post(suggestion))
        .route("/rate", post(rate))
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

/// `POST /suggestion`: submit a suggestion as its lead. The lead is the session's deputy (a
/// draft naming another is taken as this deputy's own); the model's checks run here as in
/// ingest; co-signers must be deputies, and are invited, never confirmed by the lead's word.
async fn suggestion(
    State(w): State<Arc<Workspace>>,
    Changer(session): Changer,
    body: Result<Json<SubmitSuggestion>, JsonRejection>,
) -> Response {
    let form = match json_body(body, "请求的内容不完整，请刷新页面后再试", BODY_LIMIT) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let mut draft = form.draft;
    let checked = {
        let (w, id) = (w.clone(), session.account.clone());
        let ids: Vec<String> = draft.cosigners.iter().map(|c| c.deputy_id.clone()).collect();
        tokio::task::spawn_blocking(move || {
            let me = w.desk.deputy(&id)?;
            let mut names = Vec::new();
            for c in &ids {
                names.push(w.desk.deputy(c)?.map(|d| d.name));
            }
            anyhow::Ok((me, names))
        })
        .await
    };
    let (me, names) = match checked {
        Ok(Ok(v)) => v,
        Ok(Err(e)) => return internal(&e),
        Err(e) => return internal(&anyhow::anyhow!("{e}")),
    };
    let Some(me) = me else {
        return failure(StatusCode::FORBIDDEN, "这个账号对应的代表已不在名录中，请联系联络站");
    };
    draft.lead_id = session.account.clone();
    draft.lead_name = me.name;
    draft.receipt = None;
    for (i, (c, name)) in draft.cosigners.iter_mut().zip(names).enumerate() {
        let Some(name) = name else {
            return failure(StatusCode::UNPROCESSABLE_ENTITY, format!("第 {} 位联名代表不在代表名录中", i + 1));
        };
        if c.deputy_id == session.account {
            return failure(StatusCode::UNPROCESSABLE_ENTITY, "领衔代表不能同时联名");
        }
        c.name = name;
        c.confirmed = false;
    }
    let problems = draft_problems(&draft);
    if !problems.is_empty() || draft.id.trim().is_empty() || draft.id.chars().count() > 64 {
        return failure(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("建议还不完整（{} 处），请按页面上的提示补充后再提交", problems.len().max(1)),
        );
    }
    let mut payload = match serde_json::to_value(&draft) {
        Ok(v) => v,
        Err(e) => return internal(&e.into()),
    };
    payload["proposal_list"] = serde_json::json!(proposal_lines(&draft.proposals));
    let act = Act { kind: SubmissionKind::Suggestion, title: format!("建议：{}", draft.title.trim()), payload };
    file(&w, &session, act, "建议已提交。联络站导入后即进入审查立案，联名代表会在各自的工作台收到邀请。").await
}

/// `POST /rate`: as the lead, rate the unit's reply (满意/基本满意/不满意). Only a suggestion I
/// lead, and only while its reply waits for my rating; 不满意 asks the station for 重办.
async fn rate(
    State(w): State<Arc<Workspace>>,
    Changer(session): Changer,
    body: Result<Json<RateReply>, JsonRejection>,
) -> Response {
    let form = match json_body(body, "请求的内容不完整，请刷新页面后再试", BODY_LIMIT) {
        Ok(f) => f,
        Err(r) => return r,
    };
    if form.comment.chars().count() > deputy_model::suggestion::MAX_PART {
        return failure(StatusCode::UNPROCESSABLE_ENTITY, "意见太长");
    }
    let mine = {
        let (w, id) = (w.clone(), session.account.clone());
        let now = w.now();
        match tokio::task::spawn_blocking(move || w.desk.suggestions(&id, now)).await {
            Ok(Ok(list)) => list,
            Ok(Err(e)) => return internal(&e),
            Err(e) => return internal(&anyhow::anyhow!("{e}")),
        }
    };
    let Some(s) = mine.into_iter().find(|s| s.id == form.suggestion_id && s.lead) else {
        return failure(StatusCode::NOT_FOUND, "只有领衔代表可以评价这件建议的答复");
    };
    if s.status != Some(Status::Replied) {
        return failure(StatusCode::CONFLICT, "这件建议现在没有等待评价的答复");
    }
    let payload = serde_json::json!({ "suggestion_id": s.id, "rating": form.rating, "comment": form.comment.trim() });
    let act = Act { kind: SubmissionKind::SuggestionRating, title: format!("评价答复：{}", s.title), payload };
    file(&w, &session, act, "评价已提交。联络站导入后公开；不满意的，联络站会安排重新办理。").await
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
