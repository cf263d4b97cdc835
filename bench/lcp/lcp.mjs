#!/usr/bin/env node
// LCP benchmark (issue 13, point 2): the app's home page against a bare Leptos 0.8 CSR page
// built with the same profile and toolchain (bench/lcp/bare). Goal: app LCP ≤ 1.3 × bare LCP.
// A benchmark, not a test: it prints numbers and never fails on them.
//
//   node bench/lcp/lcp.mjs [APP_DIST]        # usually via scripts/bench-lcp.sh
//
// Environment:
//   APP_DIST   the app's release build, served at "/"   (default <repo>/dist; the argument wins)
//   BARE_DIST  the bare page's build                     (default bench/lcp/bare/dist)
//   RUNS       runs; each measures both pages once       (default 15)
//   CAP_MS     longest wait for one page load to settle  (default 60000)
//   LCP_JSON   1 to write bench/lcp/results.json, or a path to write there
//   APP_PATH   the app's page to load (default "/"), e.g. a deep link /direct/deputy/city-0001
//   APP_READY  the selector that means the app has rendered that page (default: the home
//              page's module grid; for a deputy, "main#main .deputy-profile h1" or similar)
//
// Every load is a new user on a slow phone: a fresh browser context (cold HTTP cache, no
// cookies or storage, service workers blocked), a 375 px phone viewport, 4× CPU throttling
// and a Fast-3G-like network, all applied before the navigation starts.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// The browser tests' launcher: same Chromium binary and flags, and playwright-core from
// tests/e2e/node_modules (this script adds no package.json of its own).
import { launchBrowser } from '../../tests/e2e/lib.mjs';
import { startServer } from '../../tests/e2e/serve.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');

const APP_DIST = path.resolve(process.argv[2] || process.env.APP_DIST || path.join(ROOT, 'dist'));
const BARE_DIST = path.resolve(process.env.BARE_DIST || path.join(HERE, 'bare', 'dist'));
const RUNS = positiveInt(process.env.RUNS, 15);
const CAP_MS = positiveInt(process.env.CAP_MS, 60_000);
// LCP is final once nothing larger has been painted for this long after load and first render.
// (The load event alone is not enough: on the app it fires seconds before the wasm has arrived.)
const QUIET_MS = 3_000;

// Lighthouse's mobile figures for throughput; latency as the issue states it (Chrome applies it
// per request, not per packet).
const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: 1.44e6 / 8,
  uploadThroughput: 675e3 / 8,
};
const CPU_SLOWDOWN = 4;
const PHONE = {
  viewport: { width: 375, height: 812 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
  serviceWorkers: 'block',
};

// `ready` is the element whose appearance means "the Leptos app has rendered its page". The
// bare page: its heading. The app: its module grid inside the app's <main id="main">; the
// app's index.html paints the top of the home page itself (scripts/first-paint.mjs) long
// before that, without the grid and in a <main> without the id, so the render time tells the
// HTML's first paint and the app's render apart.
const PAGES = {
  bare: { name: 'bare', dir: BARE_DIST, ready: 'main h1', hint: 'run scripts/bench-lcp.sh (it builds bench/lcp/bare)' },
  app: {
    name: 'app',
    dir: APP_DIST,
    path: process.env.APP_PATH || '/',
    ready: process.env.APP_READY || 'main#main .module-grid',
    hint: 'run scripts/build.sh (or pass the build folder)',
  },
};

function positiveInt(value, fallback) {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * Runs in the page before any of its scripts (page.addInitScript). Records LCP candidates, FCP,
 * the load event and the first time `ready` is in the DOM, and resolves
 * `window.__lcpBench.settled` once the load event has fired, `ready` exists and no LCP
 * candidate has come for `quietMs`.
 */
function instrument({ ready, quietMs }) {
  if (window !== window.top) return;
  const bench = { lcp: [], fcp: null, loadAt: null, readyAt: null };
  window.__lcpBench = bench;
  let lastEvent = 0;
  let timer;
  bench.settled = new Promise((resolve) => {
    bench.arm = () => {
      clearTimeout(timer);
      if (bench.loadAt === null || bench.readyAt === null) return;
      const wait = Math.max(0, lastEvent + quietMs - performance.now());
      timer = setTimeout(resolve, wait);
    };
  });
  const mark = () => {
    lastEvent = performance.now();
    bench.arm();
  };
  // Describe the element now: a candidate removed later (the boot notice) reads as null then.
  const describe = (el) => {
    if (!el) return null;
    const text = (el.textContent || '').replace(/\s+/g, ' ').trim();
    return { tag: el.tagName.toLowerCase(), class: el.getAttribute('class') || '', text: text.slice(0, 40) };
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      bench.lcp.push({ startTime: e.startTime, size: e.size, url: e.url || '', element: describe(e.element) });
    }
    mark();
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') bench.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  addEventListener('load', () => {
    bench.loadAt = performance.now();
    mark();
  });
  // A MutationObserver callback runs right after the DOM change, before the next paint: this is
  // when the page's content exists, whatever the paint then costs. Disconnected once found, so
  // it costs the page almost nothing.
  const seen = () => {
    if (bench.readyAt !== null || !document.querySelector(ready)) return false;
    bench.readyAt = performance.now();
    mark();
    return true;
  };
  const observer = new MutationObserver(() => {
    if (seen()) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Load one page as a new user, under the throttling above unless `throttle` is false; what it measured. */
async function measure(browser, page, url, { throttle = true } = {}) {
  const context = await browser.newContext(PHONE);
  try {
    const tab = await context.newPage();
    await tab.addInitScript(instrument, { ready: page.ready, quietMs: QUIET_MS });
    const cdp = await context.newCDPSession(tab);
    if (throttle) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', NETWORK);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    }

    const started = Date.now();
    let capped = false;
    try {
      await tab.goto(new URL(page.path || '/', url).href, { waitUntil: 'load', timeout: CAP_MS });
      const left = Math.max(0, CAP_MS - (Date.now() - started));
      let timeout;
      const cap = new Promise((resolve) => (timeout = setTimeout(() => resolve('cap'), left)));
      // If the cap wins, closing the context rejects the pending evaluate: nothing to report.
      const settled = tab.evaluate(() => window.__lcpBench.settled).catch(() => {});
      capped = (await Promise.race([settled, cap])) === 'cap';
      clearTimeout(timeout);
    } catch (e) {
      if (e?.name !== 'TimeoutError') throw e;
      capped = true;
    }

    // Unthrottled, so reading the results does not take four times as long.
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const r = await tab.evaluate(() => {
      const b = window.__lcpBench;
      const nav = performance.getEntriesByType('navigation')[0];
      const resources = performance.getEntriesByType('resource');
      const bytes = resources.reduce((sum, e) => sum + e.transferSize, nav ? nav.transferSize : 0);
      return { lcp: b.lcp, fcp: b.fcp, loadAt: b.loadAt, readyAt: b.readyAt, bytes, requests: resources.length + 1 };
    });
    const last = r.lcp.at(-1) || null;
    return {
      page: page.name,
      lcp: last ? last.startTime : null,
      element: last ? last.element : null,
      lcpSize: last ? last.size : null,
      candidates: r.lcp.length,
      fcp: r.fcp,
      rendered: r.readyAt,
      load: r.loadAt,
      bytes: r.bytes,
      requests: r.requests,
      capped,
    };
  } finally {
    await context.close().catch(() => {});
  }
}

function median(values) {
  const v = values.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

const ms = (x) => (typeof x === 'number' ? `${Math.round(x)}` : '–');
const kb = (x) => (typeof x === 'number' ? (x / 1024).toFixed(1) : '–');
const elementText = (el) => (el ? `<${el.tag}${el.class ? `.${el.class.split(/\s+/).join('.')}` : ''}> ${el.text}` : '(removed)');

function row(run, r) {
  const cols = [
    String(run).padStart(3),
    r.page.padEnd(4),
    ms(r.lcp).padStart(7),
    ms(r.fcp).padStart(7),
    ms(r.rendered).padStart(8),
    ms(r.load).padStart(7),
    kb(r.bytes).padStart(8),
    String(r.requests).padStart(4),
  ];
  return `${cols.join(' ')}  ${elementText(r.element)}${r.capped ? '  [capped]' : ''}`;
}

async function main() {
  for (const p of Object.values(PAGES)) {
    if (!fs.existsSync(path.join(p.dir, 'index.html'))) {
      console.error(`lcp: no build at ${p.dir} (no index.html): ${p.hint}`);
      process.exit(2);
    }
  }
  const servers = {};
  let browser;
  try {
    // serve.mjs gzips text and wasm on the fly (cached in memory), as a real host would; it
    // serves a precompressed .br/.gz file only when asked for by its own name, so those do not
    // change what is measured.
    for (const p of Object.values(PAGES)) servers[p.name] = await startServer({ dir: p.dir, base: '/', port: 0 });
    browser = await launchBrowser();

    console.log(`app:  ${APP_DIST} at ${servers.app.url}`);
    console.log(`bare: ${BARE_DIST} at ${servers.bare.url}`);
    console.log(
      `${RUNS} runs; 375 px phone (scale 2, touch), CPU ${CPU_SLOWDOWN}× slower, ` +
        `${NETWORK.downloadThroughput * 8e-3} kbit/s down, ${NETWORK.uploadThroughput * 8e-3} kbit/s up, ` +
        `${NETWORK.latency} ms latency; a fresh context per load`,
    );

    // Not measured: fills the server's gzip cache (the first gzip of the wasm would otherwise
    // land in the first run) and starts Chromium's processes.
    for (const p of Object.values(PAGES)) await measure(browser, p, servers[p.name].url, { throttle: false });

    console.log('\nrun page  LCP ms  FCP ms  h1 in DOM  load ms   KB wire  req  LCP element');
    const results = [];
    for (let run = 1; run <= RUNS; run++) {
      // Alternate which page goes first, so drift on the shared machine hits both alike.
      const order = run % 2 ? [PAGES.bare, PAGES.app] : [PAGES.app, PAGES.bare];
      for (const p of order) {
        const r = { run, ...(await measure(browser, p, servers[p.name].url)) };
        results.push(r);
        console.log(row(run, r));
      }
    }

    const of = (name, key) => median(results.filter((r) => r.page === name).map((r) => r[key]));
    const summary = {};
    for (const name of ['bare', 'app']) {
      summary[name] = {
        lcp: of(name, 'lcp'),
        fcp: of(name, 'fcp'),
        rendered: of(name, 'rendered'),
        load: of(name, 'load'),
        bytes: of(name, 'bytes'),
        capped: results.filter((r) => r.page === name && r.capped).length,
      };
    }
    const ratio = summary.bare.lcp && summary.app.lcp !== null ? summary.app.lcp / summary.bare.lcp : null;
    const renderRatio =
      summary.bare.rendered && summary.app.rendered !== null ? summary.app.rendered / summary.bare.rendered : null;

    console.log(`\nmedians of ${RUNS} runs     LCP ms  FCP ms  h1 in DOM  load ms   KB wire`);
    for (const name of ['bare', 'app']) {
      const s = summary[name];
      const capped = s.capped ? `  (${s.capped} capped at ${CAP_MS} ms)` : '';
      console.log(
        `${name.padEnd(24)} ${ms(s.lcp).padStart(7)} ${ms(s.fcp).padStart(7)} ${ms(s.rendered).padStart(10)} ` +
          `${ms(s.load).padStart(8)} ${kb(s.bytes).padStart(9)}${capped}`,
      );
    }
    console.log(`\nLCP ratio app/bare: ${ratio === null ? '–' : ratio.toFixed(2)} (goal ≤ 1.30)`);
    console.log(`render ratio app/bare (h1 in DOM): ${renderRatio === null ? '–' : renderRatio.toFixed(2)}`);

    const out = process.env.LCP_JSON;
    if (out) {
      const file = out === '1' ? path.join(HERE, 'results.json') : path.resolve(out);
      const json = {
        date: new Date().toISOString(),
        app: APP_DIST,
        bare: BARE_DIST,
        runs: RUNS,
        conditions: { network: NETWORK, cpuSlowdown: CPU_SLOWDOWN, context: PHONE, quietMs: QUIET_MS, capMs: CAP_MS },
        summary,
        ratio,
        renderRatio,
        results,
      };
      fs.writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
      console.log(`results: ${file}`);
    }
  } finally {
    await browser?.close();
    for (const s of Object.values(servers)) await s.close();
  }
}

await main();
