// 网上代表之家 service worker: offline study for 代表培训. Registered only by training pages.
// Its scope is the app's base path (/ or /renda/), because it is served from there.
//
// What it touches, and how:
//   data/training/*   network first (4 s on weak networks), cached copy when offline; the app
//                     saves a whole course into the cache when the learner opens it.
//   data/site.json    network first, cached copy when offline (the shell needs it).
//   other data/*      not touched at all: always the network, never a stale copy.
//   page navigations  network first; offline, the cached app shell (index.html).
//   app files         with a content hash in the name (.js, .wasm, .css, icon), or in a
//                     pkg-HASH/ folder (the split build, scripts/build-split.sh): cache first;
//                     others (wasm-bindgen snippets): network first.
'use strict';

const SHELL = 'deputy-home-shell-v1';
const TRAINING = 'deputy-home-training-v1';
const SCOPE = new URL(self.registration.scope).pathname; // e.g. "/renda/"
const SLOW_NETWORK_MS = 4000;

// Cache the shell at install: index.html and the files it references.
self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      try {
        const res = await fetch(SCOPE, { cache: 'no-cache' });
        if (res.ok) {
          const html = await res.clone().text();
          await cache.put(SCOPE, res);
          const refs = new Set();
          for (const m of html.matchAll(/(?:href|src|module_or_path:|from)\s*=?\s*["']([^"']+\.(?:js|wasm|css|svg))["']/g)) {
            refs.add(new URL(m[1], self.location.origin + SCOPE).href);
          }
          await Promise.all([...refs].map((u) => cache.add(u).catch(() => {})));
        }
      } catch (e) {
        // Offline at install: the shell is cached as the app's files are fetched later.
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('deputy-home-') && key !== SHELL && key !== TRAINING) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

function timeout(ms) {
  return new Promise((resolve) => setTimeout(() => resolve(null), ms));
}

// The network's answer, saved; on failure or a slow network, the saved copy.
async function networkFirst(request, cacheName, key) {
  const cache = await caches.open(cacheName);
  const fromNetwork = fetch(request).then(async (res) => {
    if (res.ok) await cache.put(key || request, res.clone());
    return res;
  });
  try {
    const cached = await cache.match(key || request);
    if (!cached) return await fromNetwork;
    const res = await Promise.race([fromNetwork, timeout(SLOW_NETWORK_MS)]);
    return res || cached;
  } catch (e) {
    const cached = await cache.match(key || request);
    if (cached) return cached;
    throw e;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(SHELL);
  const cached = await cache.match(request);
  if (cached) return cached;
  const res = await fetch(request);
  if (res.ok) await cache.put(request, res.clone());
  return res;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE)) return;
  const path = url.pathname.slice(SCOPE.length);
  if (path.startsWith('data/training/')) {
    event.respondWith(networkFirst(request, TRAINING));
  } else if (path === 'data/site.json') {
    event.respondWith(networkFirst(request, TRAINING));
  } else if (path.startsWith('data/') || path === 'sw.js' || path.startsWith('__test')) {
    // Every other data file: straight to the network, as without a service worker.
    return;
  } else if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, SHELL, SCOPE));
  } else if (/-[0-9a-f]{16}(?:_bg)?\.(?:js|wasm|css|svg)$/.test(url.pathname) || /^pkg-[0-9a-f]{16}\//.test(path)) {
    // Trunk puts a content hash in these names (the split build in the folder's name): a
    // cached copy is never stale.
    event.respondWith(cacheFirst(request));
  } else if (/\.(?:js|css|svg)$/.test(url.pathname)) {
    // wasm-bindgen snippets keep their names across builds: the network first.
    event.respondWith(networkFirst(request, SHELL));
  }
});
