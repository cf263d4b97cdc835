//! Sign-in and sign-out of the console's staff, on the one design of sessions every signed-in
//! service shares (`deputy_accounts::web`): the checks, the cookie, the lock-outs are there.

use std::sync::Arc;

use axum::Router;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Json, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use deputy_accounts::web::{Changer, Gated, Reader, SignInForm};
use deputy_model::console::SessionInfo;

use super::state::{BODY_LIMIT, Console};

/// A signed-in clerk: enough to read.
pub(super) type Staff = Reader;

pub(super) fn routes() -> Router<Arc<Console>> {
    Router::new().route("/session", get(current).post(sign_in).delete(sign_out))
}

/// `GET /api/session`: who is signed in (the app asks on start).
async fn current(Reader(s): Reader) -> Response {
    Json(SessionInfo { staff: s.account, csrf: s.csrf }).into_response()
}

async fn sign_in(
    State(c): State<Arc<Console>>,
    headers: HeaderMap,
    body: Result<Json<SignInForm>, JsonRejection>,
) -> Response {
    match c.gate.sign_in(&headers, body, BODY_LIMIT).await {
        Ok(session) => {
            let mut response =
                Json(SessionInfo { staff: session.account.clone(), csrf: session.csrf.clone() }).into_response();
            c.gate.set_session_cookie(&mut response, &session);
            response
        }
        Err(refusal) => refusal,
    }
}

/// `DELETE /api/session`: sign out (a change: it needs the token, so no other page can sign
/// the clerk out).
async fn sign_out(State(c): State<Arc<Console>>, Changer(session): Changer) -> Response {
    c.gate().sign_out(&session)
}
