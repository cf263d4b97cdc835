//! Offline study (可离线学习): a course the learner opens is saved with the browser's Cache API
//! (its catalog entry, course file and every lesson file), whether or not the learner has
//! opened those lessons, and the service worker (`public/sw.js`, registered by the shell on
//! every page: `ui::offline`) serves them from that cache when the network is gone. The app's
//! code is saved by the worker itself.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = r#"
const CACHE = 'deputy-home-training-v1';
export async function keep(urls) {
  if (!('caches' in window)) return false;
  try {
    const cache = await caches.open(CACHE);
    await cache.addAll(urls);
    return true;
  } catch (e) {
    return false;
  }
}
export async function kept(urls) {
  if (!('caches' in window)) return false;
  try {
    const cache = await caches.open(CACHE);
    for (const u of urls) {
      if (!(await cache.match(u))) return false;
    }
    return true;
  } catch (e) {
    return false;
  }
}
"#)]
extern "C" {
    fn keep(urls: Vec<String>) -> js_sys::Promise;
    fn kept(urls: Vec<String>) -> js_sys::Promise;
}

/// Nothing to do any more: the shell registers the service worker on every page once it has
/// loaded (`ui::offline`). Kept for the training pages that call it.
pub fn register() {}

/// The data files a course needs offline, relative to the document base.
pub fn course_files(course_id: &str, lesson_ids: &[String]) -> Vec<String> {
    let mut v = vec!["data/site.json".to_string(), "data/training/index.json".to_string()];
    v.push(format!("data/training/courses/{course_id}.json"));
    v.extend(lesson_ids.iter().map(|id| format!("data/training/lessons/{id}.json")));
    v
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfflineState {
    Checking,
    Saving,
    Ready,
    /// Could not save (no Cache API, storage full, or offline while saving).
    Unavailable,
}

/// Save a course for offline study, reporting the state as it goes: 可离线学习 once every file
/// of the course is in the cache.
pub async fn keep_course(course_id: String, lesson_ids: Vec<String>, set_state: WriteSignal<OfflineState>) {
    register();
    let files = course_files(&course_id, &lesson_ids);
    if is_true(JsFuture::from(kept(files.clone())).await) {
        set_state.set(OfflineState::Ready);
        // Refresh in the background, so the saved copy follows updates.
        let _ = JsFuture::from(keep(files)).await;
        return;
    }
    set_state.set(OfflineState::Saving);
    let ok = is_true(JsFuture::from(keep(files)).await);
    set_state.set(if ok { OfflineState::Ready } else { OfflineState::Unavailable });
}

fn is_true(r: Result<JsValue, JsValue>) -> bool {
    r.ok().and_then(|v| v.as_bool()).unwrap_or(false)
}

/// The visible state: 可离线学习 once saved.
#[component]
pub fn OfflineBadge(state: ReadSignal<OfflineState>) -> impl IntoView {
    view! {
        <p class=move || format!("offline-state offline-{}", match state.get() {
            OfflineState::Ready => "ready",
            OfflineState::Unavailable => "unavailable",
            _ => "saving",
        }) role="status">
            {move || match state.get() {
                OfflineState::Checking | OfflineState::Saving => tr!(training.offline_saving).into_any(),
                OfflineState::Ready => tr!(training.offline_ready).into_any(),
                OfflineState::Unavailable => tr!(training.offline_unavailable).into_any(),
            }}
        </p>
    }
}
