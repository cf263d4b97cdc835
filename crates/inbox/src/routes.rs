//! The HTTP side: `POST /submissions` and `GET /healthz`, with the limits every request goes
//! through (size, time, requests in flight, rate, content type). Every answer is JSON: `{"ok":
//! true}` or `{"error": "<reason>"}` with a reason from `intake::Refusal::code` or below. Logs
//! carry the outcome, the kind and the size, never what people wrote, their names or addresses.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::error_handling::HandleErrorLayer;
use axum::extract::connect_info::MockConnectInfo;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use deputy_model::intake::{self, BODY_MAX_BYTES};
use tower::ServiceBuilder;
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::Config;
use crate::limit::{RateLimits, Refused, retry_after_secs};
use deputy_intake::{Key, Put, Store, StoreError};

struct Inbox {
    store: Arc<dyn Store>,
    limits: RateLimits,
    trust_proxy: bool,
}

/// The service as a router; `main` serves it with the client's address (`ConnectInfo`).
pub fn router(config: &Config, store: Arc<dyn Store>) -> Router {
    let limits = RateLimits::new(&config.limits);
    let inbox = Arc::new(Inbox { store, limits, trust_proxy: config.trust_proxy });
    let forget = Arc::downgrade(&inbox);
    // Outside a runtime (some tests build the router synchronously) there is nothing to forget.
    if let Ok(handle) = tokio::runtime::Handle::try_current() {
        handle.spawn(async move {
            let mut every = tokio::time::interval(Duration::from_secs(60));
            loop {
                every.tick().await;
                match forget.upgrade() {
                    Some(inbox) => inbox.limits.forget_idle(),
                    None => break,
                }
            }
        });
    }
    let guards = ServiceBuilder::new()
        // Load shedding and the in-flight cap answer 503; the timeout 408.
        .layer(HandleErrorLayer::new(|e: tower::BoxError| async move {
            if e.is::<tower::timeout::error::Elapsed>() {
                refusal(StatusCode::REQUEST_TIMEOUT, "timeout")
            } else {
                busy(Duration::from_secs(5), "overloaded")
            }
        }))
        .load_shed()
        .concurrency_limit(config.limits.max_in_flight)
        .timeout(config.limits.request_timeout());
    Router::new()
        .route("/submissions", post(submit))
        .route("/healthz", get(healthz))
        .fallback(|| async { refusal(StatusCode::NOT_FOUND, "not_found") })
        .layer(DefaultBodyLimit::max(BODY_MAX_BYTES))
        .layer(cors(&config.allowed_origins))
        .layer(guards)
        .with_state(inbox)
}

fn cors(origins: &[String]) -> CorsLayer {
    let origins: Vec<HeaderValue> = origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()).collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_methods([Method::POST])
        .allow_headers([header::CONTENT_TYPE])
        .max_age(Duration::from_secs(24 * 3600))
}

async fn submit(State(inbox): State<Arc<Inbox>>, request: Request) -> Response {
    let started = Instant::now();
    let client = client_address(&request, inbox.trust_proxy);
    let (parts, body) = request.into_parts();
    {
        if let Err(refused) = inbox.limits.check(client) {
            let (wait, reason) = match refused {
                Refused::Client(wait) => (wait, "rate_limited"),
                Refused::Service(wait) => (wait, "overloaded"),
            };
            log(reason, None, 0, started);
            return if reason == "rate_limited" {
                with_retry_after(refusal(StatusCode::TOO_MANY_REQUESTS, reason), wait)
            } else {
                busy(wait, reason)
            };
        }
    }
    if !is_json(&parts.headers) {
        log("unsupported_media_type", None, 0, started);
        return refusal(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
    }
    let body = match axum::body::to_bytes(body, BODY_MAX_BYTES).await {
        Ok(body) => body,
        Err(_) => {
            log("too_large", None, 0, started);
            return refusal(StatusCode::PAYLOAD_TOO_LARGE, "too_large");
        }
    };
    store(&inbox, body, started).await
}

async fn store(inbox: &Inbox, body: Bytes, started: Instant) -> Response {
    let size = body.len();
    let Ok(text) = std::str::from_utf8(&body) else {
        log("not_utf8", None, size, started);
        return refusal(StatusCode::BAD_REQUEST, "not_utf8");
    };
    let arrival = match intake::check(text) {
        Ok(arrival) => arrival,
        Err(refused) => {
            let reason = refused.code();
            log(&reason, None, size, started);
            return refusal(StatusCode::BAD_REQUEST, &reason);
        }
    };
    let kind = arrival.submission.as_ref().map(|s| s.kind.name());
    if arrival.submission.as_ref().is_some_and(|s| intake::is_honeypot(&s.payload)) {
        log("honeypot", kind, size, started);
        return accepted();
    }
    let key = Key { receipt_code: arrival.receipt_code, created_at: arrival.created_at };
    match inbox.store.put(key, body.to_vec()).await {
        Ok(Put::Stored) => {
            log("stored", kind, size, started);
            accepted()
        }
        Ok(Put::Repeat) => {
            log("repeat", kind, size, started);
            accepted()
        }
        Err(StoreError::Conflict) => {
            log("receipt_code_taken", kind, size, started);
            refusal(StatusCode::CONFLICT, "receipt_code_taken")
        }
        Err(StoreError::Unavailable(e)) => {
            // The error names no submission: io errors carry paths only of our own folders.
            tracing::error!(error = %e, "store unavailable");
            log("store_unavailable", kind, size, started);
            busy(Duration::from_secs(30), "store_unavailable")
        }
    }
}

async fn healthz(State(inbox): State<Arc<Inbox>>) -> Response {
    match inbox.store.check().await {
        Ok(()) => accepted(),
        Err(_) => busy(Duration::from_secs(30), "store_unavailable"),
    }
}

/// The client's address: the connection's, or behind a trusted proxy its `X-Real-IP`. Unknown
/// (no connection info) counts as one client, so that the limit never silently goes away.
fn client_address(request: &Request, trust_proxy: bool) -> IpAddr {
    if trust_proxy
        && let Some(ip) =
            request.headers().get("x-real-ip").and_then(|v| v.to_str().ok()).and_then(|v| v.trim().parse().ok())
    {
        return ip;
    }
    let extensions = request.extensions();
    extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip())
        .or_else(|| extensions.get::<MockConnectInfo<SocketAddr>>().map(|MockConnectInfo(addr)| addr.ip()))
        .unwrap_or(IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED))
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|media| media.trim().eq_ignore_ascii_case("application/json"))
}

fn log(outcome: &str, kind: Option<&str>, bytes: usize, started: Instant) {
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    tracing::info!(target: "submission", outcome, kind = kind.unwrap_or("-"), bytes, ms = format!("{ms:.1}"));
}

fn accepted() -> Response {
    (StatusCode::OK, [(header::CACHE_CONTROL, "no-store")], axum::Json(serde_json::json!({"ok": true}))).into_response()
}

fn refusal(status: StatusCode, reason: &str) -> Response {
    (status, [(header::CACHE_CONTROL, "no-store")], axum::Json(serde_json::json!({"error": reason}))).into_response()
}

fn busy(wait: Duration, reason: &str) -> Response {
    with_retry_after(refusal(StatusCode::SERVICE_UNAVAILABLE, reason), wait)
}

fn with_retry_after(mut response: Response, wait: Duration) -> Response {
    let secs = retry_after_secs(wait).to_string();
    if let Ok(value) = HeaderValue::from_str(&secs) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}
