//! Delivery to the site's endpoint: POST each pending item as JSON; retry when the browser
//! comes back online, on start-up (once the site config is known) and every 30 seconds.

use std::time::Duration;

use deputy_model::submission::{DeliveryState, OutboxItem};
use gloo_net::http::Request;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::store::{Outbox, now_rfc3339};

const RETRY_EVERY: Duration = Duration::from_secs(30);

thread_local! {
    /// Receipt codes being POSTed right now (the browser is single-threaded).
    static IN_FLIGHT: std::cell::RefCell<std::collections::HashSet<String>> = Default::default();
}

pub fn start(outbox: Outbox) {
    // Once the site config arrives (and whenever it is reloaded), try what is pending.
    Effect::new(move |_| {
        if outbox.site.config().is_some() {
            flush(outbox);
        }
    });
    let _ = window_event_listener(leptos::ev::online, move |_| flush(outbox));
    let _ = set_interval_with_handle(move || flush(outbox), RETRY_EVERY);
}

fn online() -> bool {
    web_sys::window().map(|w| w.navigator().on_line()).unwrap_or(true)
}

/// Whether a failure is worth retrying by itself: network trouble, timeouts, rate limits and
/// server errors are; other 4xx answers (the endpoint refuses this item) wait for the user.
fn retryable(reason: &str) -> bool {
    !reason.starts_with("HTTP 4") || reason == "HTTP 408" || reason == "HTTP 429"
}

/// Try to send every pending item that may be retried automatically.
pub fn flush(outbox: Outbox) {
    send(outbox, false)
}

/// The user pressed 立即发送: try every pending item, refused ones included.
pub fn flush_all(outbox: Outbox) {
    send(outbox, true)
}

/// Without an endpoint or a network, items stay queued. An item already on its way is not
/// sent twice.
fn send(outbox: Outbox, all: bool) {
    let Some(endpoint) = outbox.endpoint_untracked() else {
        return;
    };
    if !online() {
        return;
    }
    let pending: Vec<OutboxItem> = outbox.items.with_untracked(|v| {
        v.iter()
            .filter(|i| match &i.delivery {
                DeliveryState::Queued => true,
                DeliveryState::Failed { reason } => all || retryable(reason),
                _ => false,
            })
            .cloned()
            .collect()
    });
    for item in pending {
        let code = item.submission.receipt_code.clone();
        if !IN_FLIGHT.with(|f| f.borrow_mut().insert(code.clone())) {
            continue;
        }
        let endpoint = endpoint.clone();
        spawn_local(async move {
            let result = post(&endpoint, &item).await;
            IN_FLIGHT.with(|f| f.borrow_mut().remove(&code));
            let state = match result {
                Ok(()) => DeliveryState::Sent { at: now_rfc3339() },
                Err(reason) => DeliveryState::Failed { reason },
            };
            // The item may have been sent by a concurrent flush; never downgrade "sent".
            let already_sent = outbox.items.with_untracked(|v| {
                v.iter().any(|i| i.submission.receipt_code == code && matches!(i.delivery, DeliveryState::Sent { .. }))
            });
            if !already_sent {
                outbox.set_delivery(&code, state);
            }
        });
    }
}

async fn post(endpoint: &str, item: &OutboxItem) -> Result<(), String> {
    let request = Request::post(endpoint).json(&item.submission).map_err(|e| e.to_string())?;
    let response = request.send().await.map_err(|_| "network".to_string())?;
    if response.ok() { Ok(()) } else { Err(format!("HTTP {}", response.status())) }
}
