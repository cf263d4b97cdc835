//! A browser stand-in for the tests of the signed-in services (the console's, the workspace's,
//! the data tool's): it keeps the session cookie and the CSRF token, and sends what a
//! same-origin page sends.

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

pub use axum::Router;
pub use axum::http::StatusCode as Status;

pub const HOST: &str = "127.0.0.1:8790";

#[derive(Clone)]
pub struct TestClient {
    pub app: Router,
    /// Where the service's API is (`/api`, `/workspace/api`).
    pub api: String,
    /// `dh_console=…`, once signed in.
    pub cookie: String,
    pub csrf: String,
}

impl TestClient {
    pub fn new(app: Router) -> TestClient {
        TestClient::at(app, "/api")
    }

    /// A client of a service whose API is under `api`.
    pub fn at(app: Router, api: &str) -> TestClient {
        TestClient { app, api: api.to_string(), cookie: String::new(), csrf: String::new() }
    }

    /// Send a request as it is; the answer's status, headers and JSON (`Null` when none).
    pub async fn send(&self, request: Request<Body>) -> (StatusCode, HeaderMap, Value) {
        let response = self.app.clone().oneshot(request).await.expect("the router answers");
        let status = response.status();
        let (parts, body) = response.into_parts();
        let bytes = body.collect().await.expect("a body").to_bytes();
        (status, parts.headers, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
    }

    /// A same-origin request with the cookie and, for changes, the token.
    pub fn request(&self, method: &str, uri: &str, body: Option<&Value>) -> Request<Body> {
        let mut r = Request::builder()
            .method(method)
            .uri(uri)
            .header(header::HOST, HOST)
            .header(header::COOKIE, &self.cookie)
            .header("sec-fetch-site", "same-origin");
        if method != "GET" {
            r = r.header(header::ORIGIN, format!("http://{HOST}")).header("x-csrf-token", &self.csrf);
        }
        match body {
            Some(v) => r.header(header::CONTENT_TYPE, "application/json").body(Body::from(v.to_string())),
            None => r.body(Body::empty()),
        }
        .expect("a request")
    }

    pub async fn get(&self, uri: &str) -> (StatusCode, Value) {
        let (status, _, json) = self.send(self.request("GET", uri, None)).await;
        (status, json)
    }

    pub async fn post(&self, uri: &str, body: Value) -> (StatusCode, Value) {
        let (status, _, json) = self.send(self.request("POST", uri, Some(&body))).await;
        (status, json)
    }

    /// Sign in; on success the cookie and token are kept for the next requests.
    pub async fn sign_in(&mut self, name: &str, password: &str) -> (StatusCode, HeaderMap, Value) {
        let body = serde_json::json!({ "name": name, "password": password });
        self.start(&format!("{}/session", self.api), &body).await
    }

    /// POST a request that starts a session (a sign-in, an activation); on success the cookie
    /// and token are kept.
    pub async fn start(&mut self, uri: &str, body: &Value) -> (StatusCode, HeaderMap, Value) {
        let (status, headers, json) = self.send(self.request("POST", uri, Some(body))).await;
        if status == StatusCode::OK {
            let cookie = headers[header::SET_COOKIE].to_str().expect("a cookie");
            self.cookie = cookie.split(';').next().unwrap_or_default().to_string();
            self.csrf = json["csrf"].as_str().unwrap_or_default().to_string();
        }
        (status, headers, json)
    }
}
