use deputy_model::submission::{DeliveryState, OutboxItem, Submission, SubmissionKind};
use deputy_model::{FORMAT_VERSION, clock, receipt};
use leptos::prelude::*;

use super::send;
use crate::data::Site;
use crate::ui::storage;

/// The outbox as shared state: items live in a signal, and every change is saved at once.
#[derive(Clone, Copy)]
pub struct Outbox {
    pub items: RwSignal<Vec<OutboxItem>>,
    /// Set when stored items could not be read (they were moved aside, not deleted).
    pub storage_broken: RwSignal<bool>,
    pub site: Site,
}

impl Outbox {
    /// Read what is stored and start sending what is pending. Called once, by the
    /// [`OutboxSlot`](super::OutboxSlot), the first time a page needs the outbox.
    pub(super) fn create(site: Site) -> Outbox {
        let (items, broken) = load_items();
        let outbox = Outbox { items: RwSignal::new(items), storage_broken: RwSignal::new(broken), site };
        send::start(outbox);
        outbox
    }
}

/// Read the stored items. Anything unreadable is moved aside under its own key, never dropped.
fn load_items() -> (Vec<OutboxItem>, bool) {
    let Some(raw) = storage::raw(storage::OUTBOX) else {
        return (Vec::new(), false);
    };
    match deputy_model::json::from_str::<Vec<OutboxItem>>(&raw) {
        Ok(Ok(items)) => (items, false),
        _ => {
            storage::set_raw(storage::OUTBOX_CORRUPT, &raw);
            (Vec::new(), true)
        }
    }
}

/// Random bits from the browser's CSPRNG: receipt codes must not be guessable, since a code
/// opens the tracking page of a message.
fn entropy() -> u64 {
    let mut bytes = [0u8; 8];
    let ok = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok())
        .unwrap_or(false);
    if !ok {
        // No Web Crypto (very old browsers): fall back to Math.random.
        bytes = ((js_sys::Math::random() * 1e15) as u64).to_le_bytes();
    }
    u64::from_le_bytes(bytes)
}

pub fn now_rfc3339() -> String {
    clock::to_rfc3339(clock::from_unix_millis(js_sys::Date::now()))
}

impl Outbox {
    /// Store a submission and return its receipt code. Sending happens afterwards.
    pub fn submit(&self, kind: SubmissionKind, title: String, payload: serde_json::Value) -> String {
        let existing: Vec<String> =
            self.items.with_untracked(|v| v.iter().map(|i| i.submission.receipt_code.clone()).collect());
        let mut code = receipt::code_from_entropy(entropy());
        while existing.contains(&code) {
            code = receipt::code_from_entropy(entropy());
        }
        let submission = Submission {
            format_version: FORMAT_VERSION,
            receipt_code: code.clone(),
            kind,
            created_at: now_rfc3339(),
            title,
            payload,
        };
        // Written to storage synchronously, before any attempt to send.
        self.mutate(|v| v.insert(0, OutboxItem::new(submission)));
        send::flush(*self);
        code
    }

    /// Change the items and save them at once (not in an effect: a tab closed right after
    /// pressing send must not lose the submission).
    fn mutate(&self, f: impl FnOnce(&mut Vec<OutboxItem>)) {
        self.items.update(f);
        self.items.with_untracked(|items| storage::save(storage::OUTBOX, items));
    }

    pub fn set_delivery(&self, code: &str, delivery: DeliveryState) {
        self.mutate(|v| {
            if let Some(item) = v.iter_mut().find(|i| i.submission.receipt_code == code) {
                if matches!(delivery, DeliveryState::Failed { .. }) {
                    item.attempts += 1;
                }
                if matches!(delivery, DeliveryState::Sent { .. }) {
                    item.attempts += 1;
                }
                item.delivery = delivery;
            }
        });
    }

    pub fn endpoint(&self) -> Option<String> {
        self.site.config().and_then(|c| c.submit_endpoint)
    }

    pub fn endpoint_untracked(&self) -> Option<String> {
        self.site.0.get_untracked().and_then(|r| r.ok()).and_then(|c| c.submit_endpoint)
    }
}
