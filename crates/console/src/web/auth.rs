//! Sign-in, sign-out and the checks every other request passes: a live session (its cookie),
//! and for changes the CSRF token and the same origin.

use std::sync::Arc;

use axum::Router;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequestParts, Json, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use deputy_model::console::{SessionInfo, SignIn};
use time::OffsetDateTime;

use super::{Console, failure, json_body};
use crate::accounts::{self, LOCK_TIME, MAX_FAILURES};
use crate::sessions::{Refusal, Session, credential_of};

const COOKIE: &str = "dh_console";
/// Longer names and passwords are refused before any hashing (Argon2 of a megabyte is work an
/// attacker should not be able to order).
const NAME_MAX: usize = 64;
const PASSWORD_MAX: usize = 256;

pub(super) fn routes() -> Router<Arc<Console>> {
    Router::new().route("/session", get(current).post(sign_in).delete(sign_out))
}

/// `GET /api/session`: who is signed in (the app asks on start).
async fn current(Staff(s): Staff) -> Response {
    Json(SessionInfo { staff: s.account, csrf: s.csrf }).into_response()
}

async fn sign_in(
    State(c): State<Arc<Console>>,
    headers: HeaderMap,
    body: Result<Json<SignIn>, JsonRejection>,
) -> Response {
    if !same_origin(&headers) {
        return failure(StatusCode::FORBIDDEN, "请求不是来自本控制台的页面，已拒绝");
    }
    let SignIn { name, password } = match json_body(body, "请填写账号和密码") {
        Ok(v) => v,
        Err(r) => return r,
    };
    let name = name.trim().to_string();
    if name.is_empty() || password.is_empty() {
        return failure(StatusCode::BAD_REQUEST, "请填写账号和密码");
    }
    if name.chars().count() > NAME_MAX || password.len() > PASSWORD_MAX {
        return refused();
    }
    let now = c.now();
    if let Some(until) = unknown_locked(&c, &name, now) {
        return locked(until);
    }
    let Ok(_permit) = c.password_checks.acquire().await else {
        return failure(StatusCode::SERVICE_UNAVAILABLE, "控制台正在关闭");
    };
    let checked = {
        let c = c.clone();
        let name = name.clone();
        tokio::task::spawn_blocking(move || {
            let answer = c.accounts.sign_in(&name, &password, now)?;
            let hash = c.accounts.list()?.into_iter().find(|a| a.name == name).map(|a| a.hash);
            anyhow::Ok((answer, hash))
        })
        .await
    };
    let (answer, hash) = match checked {
        Ok(Ok(v)) => v,
        Ok(Err(e)) => return internal(&e),
        Err(e) => return internal(&anyhow::anyhow!("{e}")),
    };
    // The outcome only: names are for the audit log, which only the station reads.
    let outcome = match answer {
        accounts::SignIn::Ok => "signed-in",
        accounts::SignIn::Locked { .. } => "locked",
        accounts::SignIn::Refused => "refused",
    };
    tracing::info!(outcome, "console sign-in");
    match answer {
        accounts::SignIn::Ok => {
            let session = match c.sessions.start(&name, hash.as_deref().unwrap_or_default(), now) {
                Ok(s) => s,
                Err(r) => return refusal(r),
            };
            if let Err(e) = c.audit.record(now, &name, "sign-in", "") {
                return internal(&e);
            }
            let mut response = Json(SessionInfo { staff: name, csrf: session.csrf.clone() }).into_response();
            set_cookie(&mut response, &cookie(&session.id, c.secure_cookie));
            response
        }
        accounts::SignIn::Locked { until } => {
            let _ = c.audit.record(now, &name, "sign-in-locked", "");
            locked(until)
        }
        accounts::SignIn::Refused if hash.is_some() => {
            let _ = c.audit.record(now, &name, "sign-in-refused", "");
            refused()
        }
        // A name that is no account (perhaps a password typed into the name field): not
        // written to the log, counted in memory.
        accounts::SignIn::Refused => match count_unknown(&c, &name, now) {
            Some(until) => locked(until),
            None => refused(),
        },
    }
}

/// `DELETE /api/session`: sign out (a change: it needs the token, so no other page can sign
/// the clerk out).
async fn sign_out(State(c): State<Arc<Console>>, Changer(session): Changer) -> Response {
    if let Err(r) = c.sessions.end(&session.id) {
        return refusal(r);
    }
    let _ = c.audit.record(c.now(), &session.account, "sign-out", "");
    let mut response = StatusCode::NO_CONTENT.into_response();
    set_cookie(&mut response, &format!("{COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"));
    response
}

/// A signed-in clerk: enough to read.
pub(super) struct Staff(pub Session);

impl FromRequestParts<Arc<Console>> for Staff {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, c: &Arc<Console>) -> Result<Self, Response> {
        reader(c, &parts.headers).map(Staff)
    }
}

/// A signed-in clerk whose request carries the CSRF token and comes from this console's page:
/// enough to change something.
pub(super) struct Changer(pub Session);

impl FromRequestParts<Arc<Console>> for Changer {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, c: &Arc<Console>) -> Result<Self, Response> {
        changer(c, &parts.headers).map(Changer)
    }
}

/// The session of a request that reads.
fn reader(c: &Console, headers: &HeaderMap) -> Result<Session, Response> {
    let id = session_id(headers).ok_or_else(|| failure(StatusCode::UNAUTHORIZED, "请先登录"))?;
    let session = c.sessions.read(&id, c.now()).map_err(refusal)?;
    account_unchanged(c, session)
}

/// The account is still there with the password it signed in with; otherwise the session ends.
fn account_unchanged(c: &Console, session: Session) -> Result<Session, Response> {
    let same = match c.accounts.list() {
        Ok(list) => list.iter().any(|a| a.name == session.account && credential_of(&a.hash) == session.credential),
        Err(e) => return Err(internal(&e)),
    };
    if same {
        return Ok(session);
    }
    c.sessions.end(&session.id).map_err(refusal)?;
    Err(failure(StatusCode::UNAUTHORIZED, "账号的密码已更改或账号已删除，请重新登录"))
}

/// The session of a request that changes something: also the same origin and the CSRF token.
fn changer(c: &Console, headers: &HeaderMap) -> Result<Session, Response> {
    if !same_origin(headers) {
        return Err(failure(StatusCode::FORBIDDEN, "请求不是来自本控制台的页面，已拒绝"));
    }
    let id = session_id(headers).ok_or_else(|| failure(StatusCode::UNAUTHORIZED, "请先登录"))?;
    let token = headers.get("x-csrf-token").and_then(|v| v.to_str().ok()).unwrap_or("");
    let session = c.sessions.change(&id, token, c.now()).map_err(refusal)?;
    account_unchanged(c, session)
}

fn refusal(r: Refusal) -> Response {
    match r {
        Refusal::Unknown => failure(StatusCode::UNAUTHORIZED, "请先登录"),
        Refusal::Expired => {
            failure(StatusCode::UNAUTHORIZED, "登录已超时，请重新登录。正在填写的内容已保存在这台电脑上，登录后仍在")
        }
        Refusal::Forged => failure(StatusCode::FORBIDDEN, "请求缺少有效的校验码，已拒绝。请刷新页面后再试"),
        Refusal::Store(e) => internal(&anyhow::anyhow!("登录状态无法读写：{e}")),
    }
}

fn refused() -> Response {
    failure(StatusCode::UNAUTHORIZED, "账号或密码不对")
}

fn locked(until: OffsetDateTime) -> Response {
    let beijing = until.to_offset(time::macros::offset!(+8));
    let at = format!("{:02}:{:02}", beijing.hour(), beijing.minute());
    failure(
        StatusCode::TOO_MANY_REQUESTS,
        format!(
            "连续 {MAX_FAILURES} 次账号或密码不对，{at} 以前不能登录。忘记密码请找管理员用 console-user passwd 重设"
        ),
    )
}

fn internal(e: &anyhow::Error) -> Response {
    tracing::error!(error = %format!("{e:#}"), "console request failed");
    failure(StatusCode::INTERNAL_SERVER_ERROR, format!("控制台出错：{e:#}"))
}

fn unknown_locked(c: &Console, name: &str, now: OffsetDateTime) -> Option<OffsetDateTime> {
    let mut names = c.unknown_names.lock().expect("names");
    match names.get(name) {
        Some((_, Some(until))) if now < *until => Some(*until),
        Some((_, Some(_))) => {
            names.remove(name);
            None
        }
        _ => None,
    }
}

/// One more wrong sign-in for a name that is no account; the lock time when it reaches the
/// limit. The map is bounded: a flood of made-up names cannot fill the memory.
fn count_unknown(c: &Console, name: &str, now: OffsetDateTime) -> Option<OffsetDateTime> {
    let mut names = c.unknown_names.lock().expect("names");
    if names.len() >= 10_000 {
        names.retain(|_, (_, until)| until.is_some_and(|u| now < u));
    }
    let entry = names.entry(name.to_string()).or_insert((0, None));
    entry.0 += 1;
    if entry.0 >= MAX_FAILURES {
        let until = now + LOCK_TIME;
        entry.1 = Some(until);
        return Some(until);
    }
    None
}

fn session_id(headers: &HeaderMap) -> Option<String> {
    headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(';')).find_map(|kv| {
        let (k, v) = kv.trim().split_once('=')?;
        (k == COOKIE && !v.is_empty()).then(|| v.to_string())
    })
}

fn cookie(id: &str, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{COOKIE}={id}; Path=/; HttpOnly; SameSite=Strict{secure}")
}

fn set_cookie(response: &mut Response, value: &str) {
    if let Ok(v) = HeaderValue::from_str(value) {
        response.headers_mut().insert(header::SET_COOKIE, v);
    }
}

/// A change must come from the console's own pages: the browser's `Sec-Fetch-Site` and
/// `Origin` say where a request comes from (a request without them is not a browser's, and
/// still needs the CSRF token).
fn same_origin(headers: &HeaderMap) -> bool {
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = text("sec-fetch-site")
        && site != "same-origin"
        && site != "none"
    {
        return false;
    }
    match (text("origin"), text("host")) {
        (Some(origin), Some(host)) => origin.split_once("://").is_some_and(|(_, h)| h == host),
        (Some(_), None) => false,
        (None, _) => true,
    }
}
