//! The one way to the server: JSON over `fetch` with the session cookie (sent by the browser)
//! and, on changes, the CSRF token the server gave at sign-in. A refusal comes back as the
//! server's own sentence; "signed out" (401) makes the app show the sign-in form.

use std::cell::RefCell;

use deputy_model::console::ApiError;
use gloo_net::http::{Method, RequestBuilder};
use serde::de::DeserializeOwned;

use crate::i18n::t;

thread_local! {
    static CSRF: RefCell<String> = const { RefCell::new(String::new()) };
}

pub fn set_token(token: &str) {
    CSRF.with(|c| *c.borrow_mut() = token.to_string());
}

#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// No session, or it ended: sign in again (what was typed is kept as a draft).
    SignedOut(String),
    /// Any other refusal or error, in the server's words.
    Refused(String),
}

impl Failure {
    pub fn message(&self) -> String {
        match self {
            Failure::SignedOut(m) | Failure::Refused(m) => m.clone(),
        }
    }
}

pub async fn get<T: DeserializeOwned>(path: &str) -> Result<T, Failure> {
    call(Method::GET, path, None).await
}

pub async fn post<T: DeserializeOwned>(path: &str, body: serde_json::Value) -> Result<T, Failure> {
    call(Method::POST, path, Some(body)).await
}

pub async fn call<T: DeserializeOwned>(
    method: Method,
    path: &str,
    body: Option<serde_json::Value>,
) -> Result<T, Failure> {
    let mut request = RequestBuilder::new(&format!("/api/{path}"))
        .method(method.clone())
        .credentials(web_sys::RequestCredentials::SameOrigin);
    if method != Method::GET {
        request = request.header("X-CSRF-Token", &CSRF.with(|c| c.borrow().clone()));
    }
    let sent = match body {
        Some(b) => request.json(&b).map_err(|_| Failure::Refused(t("error.network")))?.send().await,
        None => request.send().await,
    };
    let response = sent.map_err(|_| Failure::Refused(t("error.network")))?;
    let status = response.status();
    if (200..300).contains(&status) {
        if status == 204 {
            return serde_json::from_str("null").map_err(|_| Failure::Refused(t("error.broken")));
        }
        return response.json::<T>().await.map_err(|_| Failure::Refused(t("error.broken")));
    }
    let message = response
        .json::<ApiError>()
        .await
        .map(|e| e.message)
        .unwrap_or_else(|_| format!("{} {status}", t("error.status")));
    Err(if status == 401 { Failure::SignedOut(message) } else { Failure::Refused(message) })
}
