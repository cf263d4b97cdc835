//! The HTTP side of accounts and sessions, one design for every signed-in service (the station
//! console, the deputies' workspace): sign-in and sign-out, and the checks every other request
//! passes — a live session (its cookie) of an account whose password has not changed since,
//! and for changes the CSRF token and the same origin.
//!
//! Why these defences: each service changes what the public reads or acts in someone's name.
//! So a session cookie that scripts cannot read and other sites cannot send (HttpOnly,
//! SameSite=Strict; Secure off loopback), a CSRF token on every change, a same-origin check, at
//! most two password checks at a time (Argon2 is slow on purpose), one answer for an unknown
//! name and a wrong password, and lock-outs for both.

// The handlers' checks return `Result<_, Response>` and leave with `?` as soon as one fails
// (axum's way): the error is the response itself, made once per request.
#![allow(clippy::result_large_err)]

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequestParts, Json, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use time::OffsetDateTime;

use crate::accounts::{self, Accounts, LOCK_TIME, MAX_FAILURES};
use crate::audit::AuditLog;
use crate::sessions::{Refusal, Session, Sessions, credential_of};

/// Longer names and passwords are refused before any hashing (Argon2 of a megabyte is work an
/// attacker should not be able to order).
pub const NAME_MAX: usize = 64;
pub const PASSWORD_MAX: usize = 256;

/// The time, from the system clock or a test's.
pub type Clock = Arc<dyn Fn() -> OffsetDateTime + Send + Sync>;

/// What a service tells its users in its refusals.
pub struct Wording {
    /// The service, in "本{service}的页面" (控制台, 代表工作台).
    pub service: &'static str,
    /// What to do about a forgotten password.
    pub forgot: &'static str,
}

/// One service's accounts, sessions and audit log, and the state of its sign-ins.
pub struct Gate {
    pub accounts: Accounts,
    pub sessions: Sessions,
    pub audit: AuditLog,
    /// The session cookie's name (`dh_console`, `dh_workspace`).
    pub cookie: &'static str,
    /// Mark the cookie Secure: on whenever the service listens beyond loopback (then it must
    /// be behind HTTPS).
    pub secure_cookie: bool,
    pub wording: Wording,
    pub clock: Clock,
    /// Wrong sign-ins of names that are no account, counted in memory only: they lock out like
    /// real accounts, so five tries do not reveal which names exist.
    unknown_names: Mutex<HashMap<String, (u32, Option<OffsetDateTime>)>>,
    /// Argon2 checks running at once.
    password_checks: tokio::sync::Semaphore,
}

/// A service whose state has a [`Gate`]: its handlers can take [`Reader`] and [`Changer`].
pub trait Gated: Send + Sync + 'static {
    fn gate(&self) -> &Gate;
}

/// A sign-in form.
#[derive(Deserialize)]
pub struct SignInForm {
    pub name: String,
    pub password: String,
}

impl Gate {
    pub fn new(
        accounts: Accounts,
        sessions: Sessions,
        audit: AuditLog,
        cookie: &'static str,
        wording: Wording,
        clock: Clock,
    ) -> Gate {
        Gate {
            accounts,
            sessions,
            audit,
            cookie,
            secure_cookie: false,
            wording,
            clock,
            unknown_names: Mutex::default(),
            password_checks: tokio::sync::Semaphore::new(2),
        }
    }

    pub fn now(&self) -> OffsetDateTime {
        (self.clock)()
    }

    /// Check a sign-in and start a session; the refusal is the answer to send. The caller
    /// answers with the session's account and CSRF token and [`Gate::set_session_cookie`].
    pub async fn sign_in(
        self: &Arc<Self>,
        headers: &HeaderMap,
        body: Result<Json<SignInForm>, JsonRejection>,
        body_limit: usize,
    ) -> Result<Session, Response> {
        if !same_origin(headers) {
            return Err(self.not_our_page());
        }
        let SignInForm { name, password } = json_body(body, "请填写账号和密码", body_limit)?;
        let name = name.trim().to_string();
        if name.is_empty() || password.is_empty() {
            return Err(failure(StatusCode::BAD_REQUEST, "请填写账号和密码"));
        }
        if name.chars().count() > NAME_MAX || password.len() > PASSWORD_MAX {
            return Err(refused());
        }
        let now = self.now();
        if let Some(until) = self.unknown_locked(&name, now) {
            return Err(self.locked(until));
        }
        let Ok(_permit) = self.password_checks.acquire().await else {
            return Err(failure(StatusCode::SERVICE_UNAVAILABLE, "服务正在关闭"));
        };
        let checked = {
            let gate = self.clone();
            let name = name.clone();
            tokio::task::spawn_blocking(move || {
                let answer = gate.accounts.sign_in(&name, &password, now)?;
                let hash = gate.accounts.list()?.into_iter().find(|a| a.name == name).map(|a| a.hash);
                anyhow::Ok((answer, hash))
            })
            .await
        };
        let (answer, hash) = match checked {
            Ok(Ok(v)) => v,
            Ok(Err(e)) => return Err(internal(&e)),
            Err(e) => return Err(internal(&anyhow::anyhow!("{e}"))),
        };
        // The outcome only: names are for the audit log, which only the station reads.
        let outcome = match answer {
            accounts::SignIn::Ok => "signed-in",
            accounts::SignIn::Locked { .. } => "locked",
            accounts::SignIn::Refused => "refused",
        };
        tracing::info!(outcome, service = self.cookie, "sign-in");
        match answer {
            accounts::SignIn::Ok => {
                let session = self.sessions.start(&name, hash.as_deref().unwrap_or_default(), now).map_err(refusal)?;
                self.audit.record(now, &name, "sign-in", "").map_err(|e| internal(&e))?;
                Ok(session)
            }
            accounts::SignIn::Locked { until } => {
                let _ = self.audit.record(now, &name, "sign-in-locked", "");
                Err(self.locked(until))
            }
            accounts::SignIn::Refused if hash.is_some() => {
                let _ = self.audit.record(now, &name, "sign-in-refused", "");
                Err(refused())
            }
            // A name that is no account (perhaps a password typed into the name field): not
            // written to the log, counted in memory.
            accounts::SignIn::Refused => match self.count_unknown(&name, now) {
                Some(until) => Err(self.locked(until)),
                None => Err(refused()),
            },
        }
    }

    /// End the session of a change request ([`Changer`]); the answer clears the cookie.
    pub fn sign_out(&self, session: &Session) -> Response {
        if let Err(r) = self.sessions.end(&session.id) {
            return refusal(r);
        }
        let _ = self.audit.record(self.now(), &session.account, "sign-out", "");
        let mut response = StatusCode::NO_CONTENT.into_response();
        set_cookie(&mut response, &format!("{}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0", self.cookie));
        response
    }

    /// The answer to a sign-in carries the session's cookie.
    pub fn set_session_cookie(&self, response: &mut Response, session: &Session) {
        let secure = if self.secure_cookie { "; Secure" } else { "" };
        set_cookie(response, &format!("{}={}; Path=/; HttpOnly; SameSite=Strict{secure}", self.cookie, session.id));
    }

    /// The session of a request that reads.
    pub fn reader(&self, headers: &HeaderMap) -> Result<Session, Response> {
        let id = self.session_id(headers).ok_or_else(|| failure(StatusCode::UNAUTHORIZED, "请先登录"))?;
        let session = self.sessions.read(&id, self.now()).map_err(refusal)?;
        self.account_unchanged(session)
    }

    /// The session of a request that changes something: also the same origin and the CSRF token.
    pub fn changer(&self, headers: &HeaderMap) -> Result<Session, Response> {
        if !same_origin(headers) {
            return Err(self.not_our_page());
        }
        let id = self.session_id(headers).ok_or_else(|| failure(StatusCode::UNAUTHORIZED, "请先登录"))?;
        let token = headers.get("x-csrf-token").and_then(|v| v.to_str().ok()).unwrap_or("");
        let session = self.sessions.change(&id, token, self.now()).map_err(refusal)?;
        self.account_unchanged(session)
    }

    /// The account is still there with the password it signed in with; otherwise the session ends.
    fn account_unchanged(&self, session: Session) -> Result<Session, Response> {
        let same = match self.accounts.list() {
            Ok(list) => list.iter().any(|a| a.name == session.account && credential_of(&a.hash) == session.credential),
            Err(e) => return Err(internal(&e)),
        };
        if same {
            return Ok(session);
        }
        self.sessions.end(&session.id).map_err(refusal)?;
        Err(failure(StatusCode::UNAUTHORIZED, "账号的密码已更改或账号已删除，请重新登录"))
    }

    fn not_our_page(&self) -> Response {
        failure(StatusCode::FORBIDDEN, format!("请求不是来自本{}的页面，已拒绝", self.wording.service))
    }

    fn locked(&self, until: OffsetDateTime) -> Response {
        let beijing = until.to_offset(time::macros::offset!(+8));
        let at = format!("{:02}:{:02}", beijing.hour(), beijing.minute());
        failure(
            StatusCode::TOO_MANY_REQUESTS,
            format!("连续 {MAX_FAILURES} 次账号或密码不对，{at} 以前不能登录。{}", self.wording.forgot),
        )
    }

    fn unknown_locked(&self, name: &str, now: OffsetDateTime) -> Option<OffsetDateTime> {
        let mut names = self.unknown_names.lock().expect("names");
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
    fn count_unknown(&self, name: &str, now: OffsetDateTime) -> Option<OffsetDateTime> {
        let mut names = self.unknown_names.lock().expect("names");
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

    fn session_id(&self, headers: &HeaderMap) -> Option<String> {
        let cookies = headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok());
        cookies.flat_map(|v| v.split(';')).find_map(|kv| {
            let (k, v) = kv.trim().split_once('=')?;
            (k == self.cookie && !v.is_empty()).then(|| v.to_string())
        })
    }
}

/// A signed-in account: enough to read.
pub struct Reader(pub Session);

impl<S: Gated> FromRequestParts<Arc<S>> for Reader {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &Arc<S>) -> Result<Self, Response> {
        state.gate().reader(&parts.headers).map(Reader)
    }
}

/// A signed-in account whose request carries the CSRF token and comes from the service's own
/// page: enough to change something.
pub struct Changer(pub Session);

impl<S: Gated> FromRequestParts<Arc<S>> for Changer {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &Arc<S>) -> Result<Self, Response> {
        state.gate().changer(&parts.headers).map(Changer)
    }
}

/// The answer to a refused session.
pub fn refusal(r: Refusal) -> Response {
    match r {
        Refusal::Unknown => failure(StatusCode::UNAUTHORIZED, "请先登录"),
        Refusal::Expired => {
            failure(StatusCode::UNAUTHORIZED, "登录已超时，请重新登录。正在填写的内容已保存在这台设备上，登录后仍在")
        }
        Refusal::Forged => failure(StatusCode::FORBIDDEN, "请求缺少有效的校验码，已拒绝。请刷新页面后再试"),
        Refusal::Store(e) => internal(&anyhow::anyhow!("登录状态无法读写：{e}")),
    }
}

fn refused() -> Response {
    failure(StatusCode::UNAUTHORIZED, "账号或密码不对")
}

/// A failure of the service itself: logged (without personal data: the error names files and
/// causes), answered 500.
pub fn internal(e: &anyhow::Error) -> Response {
    tracing::error!(error = %format!("{e:#}"), "request failed");
    failure(StatusCode::INTERNAL_SERVER_ERROR, format!("服务出错：{e:#}"))
}

/// A refusal with its sentence for the user: `{"message": …}`.
pub fn failure(status: StatusCode, message: impl Into<String>) -> Response {
    (status, Json(serde_json::json!({ "message": message.into() }))).into_response()
}

/// A request's JSON body, or the refusal to answer with: too long, or not what was expected.
pub fn json_body<T>(body: Result<Json<T>, JsonRejection>, broken: &str, limit: usize) -> Result<T, Response> {
    match body {
        Ok(Json(v)) => Ok(v),
        Err(r) if r.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            Err(failure(StatusCode::PAYLOAD_TOO_LARGE, format!("内容太长（超过 {} KB）", limit / 1024)))
        }
        Err(_) => Err(failure(StatusCode::BAD_REQUEST, broken)),
    }
}

fn set_cookie(response: &mut Response, value: &str) {
    if let Ok(v) = HeaderValue::from_str(value) {
        response.headers_mut().insert(header::SET_COOKIE, v);
    }
}

/// A change must come from the service's own pages: the browser's `Sec-Fetch-Site` and
/// `Origin` say where a request comes from (a request without them is not a browser's, and
/// still needs the CSRF token).
pub fn same_origin(headers: &HeaderMap) -> bool {
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

/// Headers on every answer: nothing cached (answers carry names and phones), no framing, no
/// sniffing, no referrer, and a policy that lets the page run only its own code.
pub async fn private_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    let set = |h: &mut axum::http::HeaderMap, name: HeaderName, value: &'static str| {
        h.insert(name, HeaderValue::from_static(value));
    };
    set(h, header::CACHE_CONTROL, "no-store");
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(h, header::X_FRAME_OPTIONS, "DENY");
    set(h, header::REFERRER_POLICY, "no-referrer");
    set(
        h,
        header::CONTENT_SECURITY_POLICY,
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
         frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    );
    response
}
