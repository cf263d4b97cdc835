//! The one way to the server: JSON over `fetch` with the session cookie (sent by the browser)
//! and, on changes, the CSRF token the server gave at sign-in. A refusal comes back as the
//! server's own sentence (`{"message": …}`); "signed out" (401) lets the app show its sign-in.

use std::cell::RefCell;

use gloo_net::http::{Method, RequestBuilder};
use serde::Deserialize;
use serde::de::DeserializeOwned;

/// The app's own words for what the server cannot say.
#[derive(Debug, Clone, Default)]
pub struct Words {
    /// The server cannot be reached.
    pub network: String,
    /// Its answer was cut off or not what was expected.
    pub broken: String,
    /// Before an unexplained status code.
    pub status: String,
    pub loading: String,
    pub retry: String,
}

thread_local! {
    static CSRF: RefCell<String> = const { RefCell::new(String::new()) };
    static BASE: RefCell<String> = RefCell::new("/api/".to_string());
    static WORDS: RefCell<Words> = RefCell::new(Words::default());
}

/// Where the API is (`/api/`, `/workspace/api/`) and the app's words; once, at start.
pub fn configure(base: &str, words: Words) {
    BASE.with(|b| *b.borrow_mut() = base.to_string());
    WORDS.with(|w| *w.borrow_mut() = words);
}

pub fn words() -> Words {
    WORDS.with(|w| w.borrow().clone())
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

#[derive(Deserialize)]
struct ApiError {
    message: String,
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
    let words = words();
    let url = BASE.with(|b| format!("{}{path}", b.borrow()));
    let mut request =
        RequestBuilder::new(&url).method(method.clone()).credentials(web_sys::RequestCredentials::SameOrigin);
    if method != Method::GET {
        request = request.header("X-CSRF-Token", &CSRF.with(|c| c.borrow().clone()));
    }
    let sent = match body {
        Some(b) => request.json(&b).map_err(|_| Failure::Refused(words.network.clone()))?.send().await,
        None => request.send().await,
    };
    let response = sent.map_err(|_| Failure::Refused(words.network.clone()))?;
    let status = response.status();
    if (200..300).contains(&status) {
        if status == 204 {
            return serde_json::from_str("null").map_err(|_| Failure::Refused(words.broken.clone()));
        }
        return response.json::<T>().await.map_err(|_| Failure::Refused(words.broken.clone()));
    }
    let message =
        response.json::<ApiError>().await.map(|e| e.message).unwrap_or_else(|_| format!("{} {status}", words.status));
    Err(if status == 401 { Failure::SignedOut(message) } else { Failure::Refused(message) })
}
