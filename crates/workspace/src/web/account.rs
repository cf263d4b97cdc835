//! A deputy's account: activation with the station's one-time code, sign-in and sign-out,
//! a new password, and signing out everywhere. Every one is in the workspace's audit log.

use std::sync::Arc;

use axum::Router;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Json, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use deputy_accounts::activation::CodeRefusal;
use deputy_accounts::sessions::Session;
use deputy_accounts::web::{
    Changer, Gated, NAME_MAX, PASSWORD_MAX, Reader, SignInForm, failure, internal, json_body, refusal, same_origin,
};
use deputy_model::workspace::{Activate, ChangePassword, Me};

use super::state::{BODY_LIMIT, Workspace};

pub(super) fn routes() -> Router<Arc<Workspace>> {
    Router::new()
        .route("/session", get(current).post(sign_in).delete(sign_out))
        .route("/activate", post(activate))
        .route("/password", post(change_password))
        .route("/sessions/end-all", post(end_all))
}

/// Who is signed in, as the app shows it; the answer to a sign-in sets the cookie.
fn me(w: &Workspace, session: &Session, set_cookie: bool) -> Response {
    let card = match w.desk.deputy(&session.account) {
        Ok(Some(card)) => card,
        Ok(None) => return failure(StatusCode::FORBIDDEN, "这个账号对应的代表已不在名录中，请联系联络站"),
        Err(e) => return internal(&e),
    };
    let body =
        Me { deputy_id: session.account.clone(), name: card.name, level: card.level, csrf: session.csrf.clone() };
    let mut response = Json(body).into_response();
    if set_cookie {
        w.gate.set_session_cookie(&mut response, session);
    }
    response
}

async fn current(State(w): State<Arc<Workspace>>, Reader(session): Reader) -> Response {
    me(&w, &session, false)
}

async fn sign_in(
    State(w): State<Arc<Workspace>>,
    headers: HeaderMap,
    body: Result<Json<SignInForm>, JsonRejection>,
) -> Response {
    match w.gate.sign_in(&headers, body, BODY_LIMIT).await {
        Ok(session) => me(&w, &session, true),
        Err(refused) => refused,
    }
}

async fn sign_out(State(w): State<Arc<Workspace>>, Changer(session): Changer) -> Response {
    w.gate().sign_out(&session)
}

/// `POST /activate`: the station's code and a password of the deputy's own. The code is
/// used once; an account that had a password gets the new one (a reset), and its other
/// sessions end.
async fn activate(
    State(w): State<Arc<Workspace>>,
    headers: HeaderMap,
    body: Result<Json<Activate>, JsonRejection>,
) -> Response {
    if !same_origin(&headers) {
        return failure(StatusCode::FORBIDDEN, "请求不是来自本代表工作台的页面，已拒绝");
    }
    let form = match json_body(body, "请填写代表编号、激活码和新密码", BODY_LIMIT) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let id = form.deputy_id.trim().to_string();
    if id.is_empty()
        || id.chars().count() > NAME_MAX
        || form.code.chars().count() > 64
        || form.password.len() > PASSWORD_MAX
    {
        return failure(StatusCode::BAD_REQUEST, "代表编号或激活码不对");
    }
    // The password's rules first: a refused password must not use up the code.
    if form.password.chars().count() < deputy_accounts::accounts::MIN_PASSWORD {
        return failure(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("新密码至少 {} 个字符", deputy_accounts::accounts::MIN_PASSWORD),
        );
    }
    let now = w.now();
    let known = match w.desk.deputy(&id) {
        Ok(card) => card.is_some(),
        Err(e) => return internal(&e),
    };
    let worker = w.clone();
    let (ws, id2, password, code) = (worker, id.clone(), form.password, form.code);
    let done = tokio::task::spawn_blocking(move || {
        let accounts = &ws.gate.accounts;
        if !known {
            return anyhow::Ok(Err(CodeRefusal::Wrong));
        }
        ws.activations.redeem(&id2, &code, now, || {
            if accounts.list()?.iter().any(|a| a.name == id2) {
                accounts.set_password(&id2, &password)
            } else {
                accounts.add(&id2, &password, now)
            }
        })
    })
    .await;
    let refused = match done {
        Ok(Ok(Ok(()))) => None,
        Ok(Ok(Err(r))) => Some(r),
        Ok(Err(e)) => {
            // The password's own rules (e.g. it contains the id): the code was not used.
            return failure(StatusCode::UNPROCESSABLE_ENTITY, format!("{e:#}"));
        }
        Err(e) => return internal(&anyhow::anyhow!("{e}")),
    };
    if let Some(r) = refused {
        let _ = w.gate.audit.record(now, &id, "activate-refused", "");
        tracing::info!(outcome = "refused", "activation");
        return match r {
            CodeRefusal::Wrong => failure(StatusCode::UNAUTHORIZED, "代表编号或激活码不对"),
            CodeRefusal::Expired => failure(StatusCode::UNAUTHORIZED, "激活码已过期，请联系联络站重新发放"),
            CodeRefusal::Void => {
                failure(StatusCode::TOO_MANY_REQUESTS, "激活码输错次数太多，已作废，请联系联络站重新发放")
            }
        };
    }
    tracing::info!(outcome = "activated", "activation");
    if let Err(r) = w.gate.sessions.end_all_of(&id) {
        return refusal(r);
    }
    let hash = match w.gate.accounts.list() {
        Ok(list) => list.into_iter().find(|a| a.name == id).map(|a| a.hash).unwrap_or_default(),
        Err(e) => return internal(&e),
    };
    let session = match w.gate.sessions.start(&id, &hash, now) {
        Ok(s) => s,
        Err(r) => return refusal(r),
    };
    if let Err(e) = w.gate.audit.record(now, &id, "activate", "") {
        return internal(&e);
    }
    me(&w, &session, true)
}

/// `POST /password`: the old password again, and the new one. Every session of the account
/// ends (a new password is the answer to a lost phone); this one starts again.
async fn change_password(
    State(w): State<Arc<Workspace>>,
    Changer(session): Changer,
    body: Result<Json<ChangePassword>, JsonRejection>,
) -> Response {
    let form = match json_body(body, "请填写原密码和新密码", BODY_LIMIT) {
        Ok(f) => f,
        Err(r) => return r,
    };
    if form.old.len() > PASSWORD_MAX || form.new.len() > PASSWORD_MAX {
        return failure(StatusCode::BAD_REQUEST, "密码太长");
    }
    let now = w.now();
    let ws = w.clone();
    let account = session.account.clone();
    let done = tokio::task::spawn_blocking(move || {
        match ws.gate.accounts.sign_in(&account, &form.old, now)? {
            deputy_accounts::accounts::SignIn::Ok => {}
            _ => return anyhow::Ok(Some("原密码不对")),
        }
        ws.gate.accounts.set_password(&account, &form.new)?;
        Ok(None)
    })
    .await;
    match done {
        Ok(Ok(None)) => {}
        Ok(Ok(Some(why))) => return failure(StatusCode::UNAUTHORIZED, why),
        Ok(Err(e)) => return failure(StatusCode::UNPROCESSABLE_ENTITY, format!("{e:#}")),
        Err(e) => return internal(&anyhow::anyhow!("{e}")),
    }
    if let Err(r) = w.gate.sessions.end_all_of(&session.account) {
        return refusal(r);
    }
    let hash = match w.gate.accounts.list() {
        Ok(list) => list.into_iter().find(|a| a.name == session.account).map(|a| a.hash).unwrap_or_default(),
        Err(e) => return internal(&e),
    };
    let fresh = match w.gate.sessions.start(&session.account, &hash, now) {
        Ok(s) => s,
        Err(r) => return refusal(r),
    };
    let _ = w.gate.audit.record(now, &session.account, "password", "");
    me(&w, &fresh, true)
}

/// `POST /sessions/end-all`: sign out on every device, this one too.
async fn end_all(State(w): State<Arc<Workspace>>, Changer(session): Changer) -> Response {
    if let Err(r) = w.gate.sessions.end_all_of(&session.account) {
        return refusal(r);
    }
    let _ = w.gate.audit.record(w.now(), &session.account, "sign-out-everywhere", "");
    w.gate.sign_out(&session)
}
