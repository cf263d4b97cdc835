//! Browser storage, via gloo-storage. Every key the app writes is listed here, so a reader sees
//! at a glance what is kept on the device.

use deputy_model::json::FromJson;
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use serde::Serialize;

pub const CARE_MODE: &str = "deputy-home.care.v1";
pub const TEXT_SIZE: &str = "deputy-home.text-size.v1";
/// The chosen UI language (`zh`, `en`); see `i18n/lang.rs`.
pub const LANGUAGE: &str = "deputy-home.lang.v1";
pub const OUTBOX: &str = "deputy-home.outbox.v1";
/// Where an unreadable outbox is moved, so nothing a user submitted is ever deleted.
pub const OUTBOX_CORRUPT: &str = "deputy-home.outbox.unreadable";
/// Prefix of form drafts: `deputy-home.draft.{form}.{field}`.
pub const DRAFT_PREFIX: &str = "deputy-home.draft.";
/// 履职评议: the cases this device voted for, as `{year}/{case_id}` (one vote per case per device).
pub const VOTES: &str = "deputy-home.votes.v1";
/// 代表培训: what the learner has done (lessons, quizzes, time); see `training/progress.rs`.
pub const TRAINING: &str = "deputy-home.training.v1";
/// A deputy's suggestion drafts (建议提交), several at once.
pub const PROPOSAL_DRAFTS: &str = "deputy-home.proposals.drafts.v1";
/// 更多 → 离线使用: whether the app may save all of its code on the device (absent = yes).
pub const OFFLINE: &str = "deputy-home.offline.v1";

/// A stored value; `None` when it is absent or not readable as `T`.
pub fn load<T: FromJson>(key: &str) -> Option<T> {
    deputy_model::json::from_str(&raw(key)?).ok()?.ok()
}

pub fn save<T: Serialize>(key: &str, value: &T) {
    // Storage can be full or disabled (private mode in some WeChat versions): the app keeps
    // working from memory, which is the best that can be done there.
    let _ = LocalStorage::set(key, value);
}

pub fn raw(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

pub fn set_raw(key: &str, value: &str) {
    let _ = LocalStorage::raw().set_item(key, value);
}

pub fn remove(key: &str) {
    LocalStorage::delete(key);
}

/// A text field's draft that survives reload: read from storage at start, written on every change.
pub fn draft(form: &str, field: &str) -> RwSignal<String> {
    draft_value(form, field)
}

/// A checkbox's draft, like [`draft`].
pub fn draft_flag(form: &str, field: &str) -> RwSignal<bool> {
    draft_value(form, field)
}

/// Where a draft is kept (`deputy-home.draft.{form}.{field}`).
pub fn draft_key(form: &str, field: &str) -> String {
    format!("{DRAFT_PREFIX}{form}.{field}")
}

/// Any value's draft (`deputy-home.draft.{form}.{field}`): read from storage at start, written on
/// every change, and removed from the device when it is back to its default (empty, unchecked).
pub fn draft_value<T>(form: &str, field: &str) -> RwSignal<T>
where
    T: FromJson + Serialize + Default + PartialEq + Send + Sync + 'static,
{
    let key = draft_key(form, field);
    let signal = RwSignal::new(load::<T>(&key).unwrap_or_default());
    Effect::new(move |_| {
        signal.with(|value| if *value == T::default() { remove(&key) } else { save(&key, value) });
    });
    signal
}
