//! Offline use and updates: the service worker (`public/sw.js`) is registered on every page
//! once it has loaded; it then saves every file of the build's code on the device in the
//! background (not on 省流量/saveData or 2g, and not when the 更多 setting says no), so every
//! page opens offline after the first visit. Data already seen is served from the worker's
//! copy when the network fails, marked with `X-Offline-Cached-At`, and the shell then says
//! 离线浏览，内容更新于 <date>. A page running an older build than the newest installed worker
//! offers 新版本已就绪 with a 刷新 button.
//!
//! Not in debug builds (`trunk serve`): a worker there would only get in the way of the
//! rebuild-and-reload loop, and trunk serve's sw.js is unstamped (it would pass everything to
//! the network anyway).

use std::cell::Cell;

use deputy_model::clock;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::prelude::*;

use super::storage;
use crate::i18n::*;

/// Whether the app may save all of its code on the device (`true`/`false`; absent = yes).
pub const SETTING: &str = storage::OFFLINE;

// The page's side of the worker (public/sw.js), in JS: a snippet is smaller than the web-sys
// bindings it would take, and its comments live here, not in the file every page loads.
// - `say(n)` reports to Rust: a `precache` state, or 9 for 新版本已就绪.
// - A PerformanceObserver (buffered: it also sees what loaded before it started) notes the
//   page's main wasm and the data it fetched; `hello` sends both to the worker: the wasm names
//   the build this page runs (the preload link first: trunk's deputy-home-HASH_bg.wasm, the
//   split build's pkg-HASH/deputy-home_bg.wasm), the data fetched before the worker was in
//   control (the first visit) is kept by the worker too, so data already seen opens offline.
// - `precache` asks the worker to save the whole build, unless the setting says no or the
//   connection is saveData/2g.
// - Registration waits for the load event and an idle moment; `sw.js` is relative to the
//   document base, so the worker's scope is the app's base path. The browser checks for a new
//   worker on navigations; a page shown again checks too.
#[wasm_bindgen(inline_js = r#"
let report, allowed, reg, sw;
// Some browsers throw here (storage blocked): the app must start all the same.
try { sw = navigator.serviceWorker; } catch (e) {}
const data = document.baseURI + 'data/', wasm = [], fetched = [];
const say = (s) => report(s);
const post = (m) => { const w = sw.controller || (reg && reg.active); if (w) w.postMessage(m); };
const saver = () => { const c = navigator.connection; return !!(c && (c.saveData || /(^|-)2g$/.test(c.effectiveType || ''))); };
const note = (u) => {
  u = u.split(/[?#]/)[0];
  if (/_bg\.wasm$/.test(u)) wasm.push(u);
  else if (u.startsWith(data) && fetched.length < 100) fetched.push(u);
};
try {
  new PerformanceObserver((l) => l.getEntries().forEach((e) => note(e.name))).observe({ type: 'resource', buffered: true });
} catch (e) {
  try { performance.getEntriesByType('resource').forEach((e) => note(e.name)); } catch (e2) {}
}
const mainFile = () => {
  const link = document.querySelector('link[rel="preload"][href*="_bg.wasm"]'), base = document.baseURI;
  const u = [link ? link.href.split(/[?#]/)[0] : '', ...wasm].find((u) => u.startsWith(base) && u.length > base.length);
  return u ? u.slice(base.length) : null;
};
const hello = () => post({ type: 'hello', file: mainFile(), seen: fetched.slice() });
const precache = () => (!allowed ? say(3) : saver() ? say(4) : post({ type: 'precache' }));
const later = (fn, ms) => setTimeout(() => (window.requestIdleCallback ? requestIdleCallback(fn, { timeout: 5000 }) : fn()), ms);
const onState = (d) => {
  if (!d || d.type !== 'state' || !d.build) return;
  if (d.stale) say(9);
  say(d.complete ? 2 : d.running ? 1 : !allowed ? 3 : saver() || d.saver ? 4 : d.failed ? 5 : 0);
};
export function sw_start(allow, cb) {
  report = cb;
  allowed = allow;
  if (!sw || !window.isSecureContext) return say(6);
  const go = () => {
    sw.addEventListener('message', (e) => onState(e.data));
    sw.addEventListener('controllerchange', () => { hello(); precache(); });
    sw.startMessages && sw.startMessages();
    sw.register('sw.js').then((r) => { reg = r; return sw.ready; }).then(() => { hello(); later(precache, 1500); }, () => say(6));
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && reg && reg.update().catch(() => {}));
  };
  if (document.readyState === 'complete') later(go, 0);
  else addEventListener('load', () => later(go, 0), { once: true });
}
export function sw_allow(allow) {
  allowed = allow;
  if (allow) precache();
  else { post({ type: 'stop' }); say(3); }
}
"#)]
extern "C" {
    fn sw_start(allowed: bool, report: &Closure<dyn FnMut(u8)>);
    fn sw_allow(allowed: bool);
}

/// Where saving the app on the device stands, as the worker reports it (`Offline::precache`).
/// Plain numbers rather than an enum: a signal of a type the app already uses costs no wasm.
pub mod precache {
    /// Before the worker has answered (or in a debug build, where there is none).
    pub const WAITING: u8 = 0;
    pub const RUNNING: u8 = 1;
    pub const DONE: u8 = 2;
    /// The setting says no.
    pub const OFF: u8 = 3;
    /// 省流量 (saveData) or a 2g connection: not now.
    pub const SAVER: u8 = 4;
    /// Interrupted (network lost, a new release being deployed): tried again on the next visit.
    pub const FAILED: u8 = 5;
    pub const UNSUPPORTED: u8 = 6;
}
/// Reported instead of a state: a newer build is installed than the one this page runs.
const UPDATE: u8 = 9;

#[derive(Clone, Copy)]
pub struct Offline {
    pub allowed: RwSignal<bool>,
    /// One of [`precache`]'s states.
    pub precache: RwSignal<u8>,
    /// A newer build is installed than the one this page runs.
    pub update_ready: RwSignal<bool>,
    /// When the oldest data file the current page shows was kept, in minutes since the epoch
    /// (0: all fresh). Minutes in a `u32` rather than milliseconds: a signal type the app
    /// already has.
    pub cached_at: RwSignal<u32>,
}

thread_local! {
    static OFFLINE: Cell<Option<Offline>> = const { Cell::new(None) };
}

/// A data response's `X-Offline-Cached-At` header (ms since the epoch): present when the
/// worker answered from the copy it kept, because the network failed. Called by
/// `data::fetch_text` for every response.
pub fn note_cached_at(header: Option<String>) {
    // An integer parse: f64's parser would add 15 KB of tables to the wasm.
    let Some(minutes) = header.and_then(|h| h.trim().parse::<u64>().ok()).map(|ms| (ms / 60_000).max(1) as u32) else {
        return;
    };
    use_offline().cached_at.update(|t| *t = if *t == 0 { minutes } else { (*t).min(minutes) });
}

/// The offline state: made once, by the shell, which also registers the worker after the page
/// has loaded (release builds only).
pub fn provide_offline() -> Offline {
    if let Some(offline) = OFFLINE.get() {
        return offline;
    }
    let offline = Offline {
        allowed: RwSignal::new(storage::load::<bool>(SETTING).unwrap_or(true)),
        precache: RwSignal::new(precache::WAITING),
        update_ready: RwSignal::new(false),
        cached_at: RwSignal::new(0),
    };
    OFFLINE.set(Some(offline));
    if !cfg!(debug_assertions) {
        let report = Closure::<dyn FnMut(u8)>::new(move |state: u8| {
            if state == UPDATE {
                offline.update_ready.set(true);
            } else {
                offline.precache.set(state);
            }
        });
        sw_start(offline.allowed.get_untracked(), &report);
        report.forget();
    }
    offline
}

/// The offline state made by [`provide_offline`].
pub fn use_offline() -> Offline {
    OFFLINE.get().unwrap_or_else(provide_offline)
}

/// Allow or stop saving the app on the device (the 更多 setting); remembered on the device.
pub fn set_allowed(offline: Offline, allowed: bool) {
    offline.allowed.set(allowed);
    storage::save(SETTING, &allowed);
    if !cfg!(debug_assertions) {
        sw_allow(allowed);
    }
}

/// 离线浏览，内容更新于 YYYY-MM-DD (Asia/Shanghai): shown while the page's data comes from the
/// kept copy. Cleared when the page changes.
#[component]
pub fn OfflineNotice() -> impl IntoView {
    let location = use_location();
    let cached_at = use_offline().cached_at;
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            cached_at.set(0);
        }
        path
    });
    move || {
        let minutes = cached_at.get();
        (minutes > 0).then(|| {
            let date = clock::format_date(clock::shanghai_date(clock::from_unix_millis(minutes as f64 * 60_000.0)));
            view! { <p class="offline-notice" role="status">{tr!(offline.notice)}" "{date}</p> }
        })
    }
}

/// 新版本已就绪 with 刷新, for a page running an older build than the newest installed worker.
#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let offline = use_offline();
    move || {
        offline.update_ready.get().then(|| {
            view! {
                <div class="update-prompt" role="status">
                    <p>
                        <strong>{tr!(offline.update_ready)}</strong>
                        " "
                        {tr!(offline.update_hint)}
                    </p>
                    <button type="button" class="button" on:click=|_| {
                        let _ = window().location().reload();
                    }>{tr!(offline.refresh)}</button>
                </div>
            }
        })
    }
}

/// The 更多 setting: allow or stop saving the app on the device, and where it stands.
#[component]
pub fn OfflineSetting() -> impl IntoView {
    let i18n = use_i18n();
    let offline = use_offline();
    let status = move || match offline.precache.get() {
        precache::RUNNING => t_string!(i18n, offline.status_running),
        precache::DONE => t_string!(i18n, offline.status_done),
        precache::OFF => t_string!(i18n, offline.status_off),
        precache::SAVER => t_string!(i18n, offline.status_saver),
        precache::FAILED => t_string!(i18n, offline.status_failed),
        precache::UNSUPPORTED => t_string!(i18n, offline.status_unsupported),
        _ => t_string!(i18n, offline.status_waiting),
    };
    view! {
        <section class="offline-setting" aria-labelledby="offline-setting-heading">
            <h2 id="offline-setting-heading">{tr!(offline.setting_heading)}</h2>
            <label class="check">
                <input
                    type="checkbox"
                    id="offline-allow"
                    aria-describedby="offline-setting-hint"
                    prop:checked=move || offline.allowed.get()
                    on:change=move |ev| set_allowed(offline, event_target_checked(&ev))
                />
                <span>{tr!(offline.setting_label)}</span>
            </label>
            <p id="offline-setting-hint" class="hint">{tr!(offline.setting_hint)}</p>
            <p class="offline-status" role="status">{status}</p>
        </section>
    }
}
