// 网上代表之家 service worker: every page offline after the first visit, and new releases
// that never break an open page. Registered by every page once it has loaded (src/ui/offline.rs).
// Its scope is the app's base path (/ or /renda/), because it is served from there.
//
// The build: scripts/stamp-sw.sh writes precache.json ({"build": ID, "files": [...]}, every
// file of the build's code) and puts ID in place of the placeholder below, so every build
// changes this file's bytes and browsers install the new worker. Unstamped (trunk serve,
// development) the worker touches nothing: every request goes to the network.
//
// Caches (Cache API, all named deputy-home-*):
//   deputy-home-code-ID     one build's code: at install its shell (index.html, 404.html, the files it
//                           references, every .js and .css: what the first load used), then,
//                           when the page asks (after load; not on saveData or 2g; the 更多
//                           setting), every file of precache.json; the marker __precache-complete
//                           says all are there. The newest build and the one before are kept,
//                           and any other build a page that is still open runs.
//   deputy-home-data-v1     data/* (except training) as last fetched: network first, this copy
//                           only when the network fails; served with X-Offline-Cached-At.
//                           At most DATA_MAX_ENTRIES files, the oldest dropped first.
//   deputy-home-training-v1 data/training/*: the same, and the app saves whole courses into it.
//   deputy-home-meta-v1     the builds installed, oldest first.
//
// Requests:
//   data/*                  network first; the kept copy (marked) only when the network fails.
//   page navigations        network first; offline, the newest complete build's index.html for
//                           the home page, its 404.html (no home first paint) for deep links.
//   code with a content hash in its name (-HASH.js, -HASH_bg.wasm, …) or in a pkg-HASH/
//                           folder: cache first (any build's cache: the content cannot differ),
//                           so a page of an older build still gets its lazily loaded chunks
//                           after the server dropped them.
//   other code (snippets/, icons, manifest, i18n/): network first, the cache when offline;
//                           i18n/*.json (lazy: fetched only by who chooses that language)
//                           is kept in this build's cache once fetched.
'use strict';

const BUILD = '__BUILD_ID__';
const STAMPED = /^[0-9a-f]{16}$/.test(BUILD);
const SCOPE_URL = self.registration.scope; // e.g. "https://example.gov.cn/renda/"
const SCOPE = new URL(SCOPE_URL).pathname; // e.g. "/renda/"
const CODE = 'deputy-home-code-';
const DATA = 'deputy-home-data-v1';
const TRAINING = 'deputy-home-training-v1';
const META = 'deputy-home-meta-v1';
const LIST_KEY = SCOPE_URL + 'precache.json';
const INDEX_KEY = SCOPE_URL + 'index.html';
// The shell for deep links (/direct, a deputy): index.html carries the home page's first paint,
// which must not flash on another page; 404.html is the same shell with a plain loading notice.
const DEEP_KEY = SCOPE_URL + '404.html';
const DONE_KEY = SCOPE_URL + '__precache-complete';
const HISTORY_KEY = SCOPE_URL + '__builds';
const CACHED_AT = 'X-Offline-Cached-At';
const DATA_MAX_ENTRIES = 600;
// A file whose name carries its content's hash: the same URL always has the same bytes.
const IMMUTABLE = /(?:^|\/)pkg-[0-9a-f]{8,}\/|-[0-9a-f]{16}(?:_bg)?\.[a-z0-9]+$/;
const HASHED = /[0-9a-f]{16}/;
// Hosts may vary on headers a worker's own requests do not send; the URL is what identifies.
const MATCH = { ignoreVary: true };
const MATCH_CODE = { ignoreVary: true, ignoreSearch: true };

// ---------------------------------------------------------------------------------------------
// Lists of builds

const lists = new Map(); // build id -> {build, files}
const pageBuild = new Map(); // client id -> build id the page runs (what it said in 'hello')
const shellOf = new Map(); // client id -> build id whose index.html this worker served it offline

async function readJson(cacheName, key) {
  if (!(await caches.has(cacheName))) return null;
  const res = await (await caches.open(cacheName)).match(key, MATCH);
  if (!res) return null;
  try {
    return await res.json();
  } catch (e) {
    return null;
  }
}

/** This build's list: from its cache, or precache.json from the server (only if it is ours). */
async function myList() {
  if (!STAMPED) return null;
  if (lists.has(BUILD)) return lists.get(BUILD);
  let list = await readJson(CODE + BUILD, LIST_KEY);
  if (!list) {
    try {
      const res = await fetch(LIST_KEY, { cache: 'no-cache' });
      if (!res.ok) return null;
      list = await res.clone().json();
      // A host half-way through a deploy can serve another build's list: never mix builds.
      if (!list || list.build !== BUILD || !Array.isArray(list.files)) return null;
      await (await caches.open(CODE + BUILD)).put(LIST_KEY, res);
    } catch (e) {
      return null;
    }
  }
  if (list.build !== BUILD) return null;
  lists.set(BUILD, list);
  return list;
}

async function listOf(id) {
  if (id === BUILD) return myList();
  if (lists.has(id)) return lists.get(id);
  const list = await readJson(CODE + id, LIST_KEY);
  if (list && Array.isArray(list.files)) lists.set(id, list);
  return list;
}

/** Ids of the builds that have a cache, newest first (this worker's build first). */
async function builds() {
  const history = (await readJson(META, HISTORY_KEY)) || [];
  const present = (await caches.keys()).filter((k) => k.startsWith(CODE)).map((k) => k.slice(CODE.length));
  const order = [BUILD, ...history.slice().reverse()];
  for (const id of present) if (!order.includes(id)) order.push(id);
  return order.filter((id, i) => present.includes(id) && order.indexOf(id) === i);
}

/** The build whose list holds `file` (a path relative to the scope), or null. */
async function buildOf(file) {
  for (const id of await builds()) {
    const list = await listOf(id);
    // files: precached; lazy: the build's too, kept once a page has fetched one (bundles).
    if (list && (list.files.includes(file) || (list.lazy || []).includes(file))) return id;
  }
  return null;
}

async function isComplete(id) {
  if (!(await caches.has(CODE + id))) return false;
  return !!(await (await caches.open(CODE + id)).match(DONE_KEY, MATCH));
}

/** Whether an index.html belongs to `list`: it names one of the list's files whose name (or
 * folder, pkg-HASH/) carries a content hash. (Not snippets/NAME-HASH/: that hash names the
 * crate, not the content, and stays the same from build to build.) */
function htmlBelongs(html, list) {
  return list.files.some((f) => HASHED.test(f.split('/')[0]) && /\.(?:js|wasm|css)$/.test(f) && html.includes(f));
}

function fetchMode(file) {
  // Hashed names cannot be stale: take them from the HTTP cache when they are there (the page
  // has just loaded them); the rest revalidated.
  return IMMUTABLE.test(file) ? 'force-cache' : 'no-cache';
}

// ---------------------------------------------------------------------------------------------
// Install: the shell of this build (what the first load used), so that a reload works offline.

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      if (STAMPED) {
        try {
          await cacheShell();
        } catch (e) {
          // Offline or a deploy in progress: the page asks for the files again later.
        }
      }
      await self.skipWaiting();
    })(),
  );
});

async function cacheShell() {
  const list = await myList();
  if (!list) return;
  const cache = await caches.open(CODE + BUILD);
  const res = await fetch(INDEX_KEY, { cache: 'no-cache' });
  if (!res.ok) return;
  const html = await res.clone().text();
  if (!htmlBelongs(html, list)) return;
  const shell = list.files.filter((f) => f !== 'index.html' && (html.includes(f) || /\.(?:js|css)$/.test(f)));
  await Promise.all(
    shell.map(async (f) => {
      if (await cache.match(SCOPE_URL + f, MATCH)) return;
      const r = await fetch(SCOPE_URL + f, { cache: fetchMode(f) });
      if (r.ok) await cache.put(SCOPE_URL + f, r);
    }),
  );
  const deep = await fetch(DEEP_KEY, { cache: 'no-cache' });
  if (deep.ok && htmlBelongs(await deep.clone().text(), list)) await cache.put(DEEP_KEY, deep);
  await cache.put(INDEX_KEY, res);
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // The first version of this worker (training only) kept its shell here.
      await caches.delete('deputy-home-shell-v1');
      if (STAMPED) {
        const history = ((await readJson(META, HISTORY_KEY)) || []).filter((id) => id !== BUILD);
        history.push(BUILD);
        await (await caches.open(META)).put(HISTORY_KEY, new Response(JSON.stringify(history.slice(-10))));
        await cleanup();
      }
      await self.clients.claim();
    })(),
  );
});

/** Drop the code of builds no longer needed: keep this one, the one before, and any build a
 * page that is still open runs. */
async function cleanup() {
  const history = (await readJson(META, HISTORY_KEY)) || [];
  const keep = new Set([BUILD]);
  const before = history.filter((id) => id !== BUILD);
  if (before.length) keep.add(before[before.length - 1]);
  const open = new Set((await self.clients.matchAll({ type: 'window', includeUncontrolled: true })).map((c) => c.id));
  for (const [client, id] of pageBuild) {
    if (open.has(client)) keep.add(id);
    else pageBuild.delete(client);
  }
  for (const [client, id] of shellOf) {
    if (open.has(client)) keep.add(id);
    else shellOf.delete(client);
  }
  for (const key of await caches.keys()) {
    if (key.startsWith(CODE) && !keep.has(key.slice(CODE.length))) {
      await caches.delete(key);
      lists.delete(key.slice(CODE.length));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Precache: every file of the build, when a page asks for it.

let running = null;
let abort = null;

function slowConnection() {
  const c = self.navigator && self.navigator.connection;
  return !!(c && (c.saveData || /(?:^|-)2g$/.test(c.effectiveType || '')));
}

function precache() {
  if (!STAMPED || slowConnection()) return Promise.resolve(false);
  if (running) return running;
  abort = new AbortController();
  const signal = abort.signal;
  running = (async () => {
    let ok = false;
    try {
      ok = await precacheAll(signal);
    } catch (e) {
      ok = false;
    }
    running = null;
    abort = null;
    await broadcast(await state({ failed: !ok && !signal.aborted }));
    await cleanup();
    return ok;
  })();
  return running;
}

async function precacheAll(signal) {
  const list = await myList();
  if (!list) return false;
  const cache = await caches.open(CODE + BUILD);
  if (await cache.match(DONE_KEY, MATCH)) return true;
  const files = list.files.slice();
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const f = files[next++];
      const url = SCOPE_URL + f;
      if (signal.aborted) throw new Error('stopped');
      if (await cache.match(url, MATCH)) continue;
      const res = await fetch(url, { cache: fetchMode(f), signal });
      if (!res.ok) throw new Error(`${f}: HTTP ${res.status}`);
      if (f === 'index.html' && !htmlBelongs(await res.clone().text(), list)) throw new Error('index.html of another build');
      await cache.put(url, res);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  await cache.put(DONE_KEY, new Response(String(Date.now())));
  return true;
}

// ---------------------------------------------------------------------------------------------
// Messages from pages:
//   {type: 'hello', file, seen}  the page's main wasm (relative to the scope), to tell its
//                          build; the data URLs it fetched (kept if they are not yet)
//   {type: 'precache'}     save every file of this build (the page checked the setting and the
//                          connection)
//   {type: 'stop'}         stop saving
// Answer (and broadcast after a precache): {type: 'state', build, page, stale, complete, running, failed}

async function state(extra = {}) {
  return {
    type: 'state',
    build: STAMPED ? BUILD : null,
    complete: STAMPED && (await isComplete(BUILD)),
    running: !!running,
    saver: slowConnection(),
    failed: false,
    stale: false,
    ...extra,
  };
}

async function broadcast(msg) {
  for (const c of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) c.postMessage(msg);
}

async function hello(client, file) {
  if (!STAMPED || !file) return client.postMessage(await state());
  const list = await myList();
  let page = list && list.files.includes(file) ? BUILD : await buildOf(file);
  if (page) pageBuild.set(client.id, page);
  let stale = false;
  if (list && page !== BUILD) {
    // The page runs another build: an older one (offer the reload), or one newer than this
    // worker (then the browser is about to install its worker: check now).
    let reachable = true;
    try {
      await self.registration.update();
    } catch (e) {
      reachable = false;
    }
    const newer = self.registration.installing || self.registration.waiting;
    // Offer the reload only when it can load this build: online, or all of it saved.
    stale = !newer && (reachable || (await isComplete(BUILD)));
  }
  client.postMessage(await state({ page, stale }));
}

/** Data a page fetched before this worker was in control (its first visit): keep it as if it
 * had come through here. Usually from the HTTP cache or a revalidation, not a new download. */
async function keepSeen(urls) {
  for (const u of urls.slice(0, 100)) {
    let url;
    try {
      url = new URL(u);
    } catch (e) {
      continue;
    }
    if (url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE + 'data/')) continue;
    const cache = await caches.open(url.pathname.startsWith(SCOPE + 'data/training/') ? TRAINING : DATA);
    if (await cache.match(url.href, MATCH)) continue;
    try {
      const res = await fetch(url.href);
      if (res.ok || res.status === 404) await cache.put(url.href, await toKeep(res));
    } catch (e) {
      return; // offline: nothing to keep now
    }
  }
}

self.addEventListener('message', (event) => {
  const msg = event.data || {};
  const client = event.source;
  if (!client) return;
  if (msg.type === 'hello') {
    event.waitUntil(hello(client, typeof msg.file === 'string' ? msg.file : null));
    if (Array.isArray(msg.seen)) event.waitUntil(keepSeen(msg.seen));
  } else if (msg.type === 'precache') {
    event.waitUntil(
      (async () => {
        const p = precache();
        client.postMessage(await state());
        await p;
      })(),
    );
  } else if (msg.type === 'stop') {
    if (abort) abort.abort();
  }
});

// ---------------------------------------------------------------------------------------------
// Fetch

self.addEventListener('fetch', (event) => {
  if (!STAMPED) return; // development: the network, as without a worker
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE)) return;
  const path = url.pathname.slice(SCOPE.length);
  if (path === 'sw.js' || path === 'precache.json' || path.startsWith('__test')) return;
  if (path.startsWith('data/')) {
    event.respondWith(data(request, path.startsWith('data/training/') ? TRAINING : DATA));
  } else if (request.mode === 'navigate') {
    event.respondWith(navigate(event));
  } else if (IMMUTABLE.test(path)) {
    event.respondWith(immutable(request, path));
  } else {
    event.respondWith(code(request, event.clientId));
  }
});

/** A copy to keep, with the time it was fetched. */
async function toKeep(res) {
  const headers = new Headers(res.headers);
  headers.set(CACHED_AT, String(Date.now()));
  headers.delete('Content-Encoding');
  headers.delete('Content-Length');
  return new Response(await res.clone().blob(), { status: res.status, statusText: res.statusText, headers });
}

/** A kept copy, marked as such (copies saved by the page itself carry no time: their Date). */
function marked(res) {
  if (res.headers.has(CACHED_AT)) return res;
  const headers = new Headers(res.headers);
  const date = Date.parse(res.headers.get('Date') || '');
  headers.set(CACHED_AT, String(Number.isNaN(date) ? Date.now() : date));
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}

let puts = 0;
async function trim(cache) {
  const keys = await cache.keys();
  for (const k of keys.slice(0, Math.max(0, keys.length - DATA_MAX_ENTRIES))) await cache.delete(k);
}

/** Data: the network's answer, kept; only when the network fails, the kept copy (marked). */
async function data(request, cacheName) {
  const cache = await caches.open(cacheName);
  let res;
  try {
    res = await fetch(request);
  } catch (e) {
    const cached = await cache.match(request, MATCH);
    if (cached) return marked(cached);
    throw e;
  }
  // A 404 is kept too: "no such file" (a deputy without letters) is an answer as well.
  if (res.ok || res.status === 404) {
    await cache.put(request, await toKeep(res));
    if (cacheName === DATA && ++puts % 50 === 0) await trim(cache);
  }
  return res;
}

/** Page loads: the network; offline, the app's page from the newest build saved whole (or,
 * failing that, any saved shell). */
async function navigate(event) {
  try {
    return await fetch(event.request);
  } catch (e) {
    const order = await builds();
    const path = new URL(event.request.url).pathname.slice(SCOPE.length);
    const keys = path === '' || path === 'index.html' ? [INDEX_KEY] : [DEEP_KEY, INDEX_KEY];
    for (const complete of [true, false]) {
      for (const id of order) {
        if (complete && !(await isComplete(id))) continue;
        const cache = await caches.open(CODE + id);
        let res;
        for (const key of keys) if (!res) res = await cache.match(key, MATCH);
        if (res) {
          if (event.resultingClientId) shellOf.set(event.resultingClientId, id);
          return res;
        }
      }
    }
    throw e;
  }
}

/** Hashed code: any cached copy is right; else the network, kept in the cache of its build. */
async function immutable(request, path) {
  const cached = await caches.match(request, MATCH_CODE);
  if (cached) return cached;
  const res = await fetch(request);
  if (res.ok) {
    const id = await buildOf(path);
    if (id) {
      const copy = res.clone();
      await (await caches.open(CODE + id)).put(request, copy);
    }
  }
  return res;
}

/** Other code (same name in every build): the network first; offline, the copy of the build
 * the page runs. A file of this build's "lazy" list (another language's catalog, i18n/*.json:
 * only those who choose it download it) is kept in this build's cache once fetched. */
async function code(request, clientId) {
  try {
    const res = await fetch(request);
    if (res.ok) {
      const path = new URL(request.url).pathname.slice(SCOPE.length);
      const list = await listOf(BUILD);
      if (list && (list.lazy || []).includes(path)) await (await caches.open(CODE + BUILD)).put(request, res.clone());
    }
    return res;
  } catch (e) {
    const order = await builds();
    const first = shellOf.get(clientId) || pageBuild.get(clientId);
    if (first) order.unshift(first);
    for (const id of order) {
      if (!(await caches.has(CODE + id))) continue;
      const res = await (await caches.open(CODE + id)).match(request, MATCH_CODE);
      if (res) return res;
    }
    throw e;
  }
}
