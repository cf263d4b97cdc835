// Helpers shared by the end-to-end tests: browser, pages, servers, screenshots, axe-core.
//
// Environment:
//   DIST       the app's build served at "/"        (default <repo>/dist)
//   DIST_BASE  the build made with public url /renda/ (default <repo>/dist-renda)
//   CHROMIUM   the browser binary                    (default /usr/bin/chromium)
//   E2E_HEADED=1 to watch the browser, E2E_SLOWMO=ms to slow it down.

import { before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const require = createRequire(import.meta.url);

export const E2E_DIR = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(E2E_DIR, '..', '..');
export const DIST = path.resolve(process.env.DIST || path.join(ROOT, 'dist'));
export const DIST_BASE = path.resolve(process.env.DIST_BASE || path.join(ROOT, 'dist-renda'));
export const SCREENSHOT_DIR = path.join(E2E_DIR, 'screenshots');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const AXE_PATH = require.resolve('axe-core/axe.min.js');
const AXE_SOURCE = fs.readFileSync(AXE_PATH, 'utf8');

export const SITE_NAME = '巴彦淖尔市网上代表之家';

/**
 * The demo data's "today" (the generator's DEMO_UPDATED_AT is 2026-11-28 09:00 in Shanghai):
 * every page's clock starts here, so "this week's receptions", the open consultation's
 * deadline and the voting period are what the data says, whatever the machine's date. Time
 * then runs on normally; a test that needs another instant sets it with page.clock.
 */
export const DEMO_NOW = '2026-11-28T10:00:00+08:00';
export const MOBILE = 375;
export const DESKTOP = 1280;

/** The routes of the app, relative to the base, with what their h1 must contain (null: anything). */
export const ROUTES = [
  { name: 'home', path: '', h1: null },
  { name: 'direct', path: 'direct', h1: '直通代表' },
  { name: 'consult', path: 'consult', h1: '征求意见' },
  { name: 'duties', path: 'duties', h1: '阳光履职' },
  { name: 'training', path: 'training', h1: '代表培训' },
  { name: 'proposals', path: 'proposals', h1: '建议提交' },
  { name: 'news', path: 'news', h1: null },
  { name: 'mine', path: 'mine', h1: '我的提交' },
  { name: 'feedback', path: 'feedback', h1: '意见反馈' },
  { name: 'more', path: 'more', h1: null },
  { name: 'stations', path: 'duties/stations', h1: '代表联络站' },
  { name: 'station', path: 'duties/stations/s-150802', h1: '临河区人大代表联络分站' },
  { name: 'direct-qa', path: 'direct/qa', h1: '公开答复' },
  { name: 'duty-record', path: 'duties/deputy/city-0006', h1: '娜仁其其格的履职档案' },
  { name: 'duty-stats', path: 'duties/stats', h1: '履职统计' },
  { name: 'duty-report', path: 'duties/report/city-0006/2025', h1: '娜仁其其格2025年度履职报告' },
  { name: 'duty-place', path: 'duties/place/150802002', h1: '铁南街道的五级人大代表' },
  { name: 'direct-track', path: 'direct/track', h1: '查询办理进度' },
  { name: 'station-map', path: 'duties/map', h1: '联络站地图' },
  { name: 'evaluation', path: 'duties/evaluation', h1: '2025年度“最佳协同履职案例”评议' },
  { name: 'news-profile', path: 'news?kind=profile', h1: '工作动态' },
  { name: 'proposals-list', path: 'proposals/list', h1: '建议办理公开' },
  { name: 'proposals-stats', path: 'proposals/stats', h1: '建议办理统计' },
  { name: 'proposals-write', path: 'proposals/write', h1: '撰写代表建议' },
  { name: 'proposal-dairy', path: 'proposals/2025-0007', h1: '奶业振兴产业园' },
  { name: 'training-course', path: 'training/course/c01', h1: '人民代表大会制度和五级人大' },
  { name: 'training-lesson', path: 'training/lesson/write-letter', h1: '怎样给代表写信、反映问题' },
  { name: 'training-mine', path: 'training/mine', h1: '我的学习' },
  { name: 'training-certificate', path: 'training/certificate/c01', h1: '结业证明' },
  { name: 'not-found', path: 'no-such-page', h1: '页面不存在' },
];

// ---------------------------------------------------------------------------------------------
// Builds and servers

/** Fail with a helpful message when a build is missing. */
export function requireBuild(dir, how) {
  const index = path.join(dir, 'index.html');
  assert.ok(fs.existsSync(index), `no build at ${dir} (missing index.html). ${how}`);
  const notFound = path.join(dir, '404.html');
  assert.ok(fs.existsSync(notFound), `the build at ${dir} has no 404.html (a copy of index.html for deep links)`);
}

export const BUILD_HINT = 'Build it first, e.g. `trunk build --release` (DIST=… to point elsewhere).';
export const BASE_BUILD_HINT =
  'Build it first with the public url /renda/, e.g. `trunk build --release --public-url /renda/ --dist dist-renda` (DIST_BASE=… to point elsewhere).';

/**
 * The path of one of our native programs ('deputy-data', 'deputy-inbox') as the native tests
 * build it (native_bin in scripts/env.sh): the same build whichever test asks, never a second
 * one with other features. Builds it first if needed.
 */
export function nativeBin(name) {
  return execFileSync('bash', ['-c', 'source scripts/env.sh && native_bin "$1"', 'native_bin', name], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
}

/** Start the test server on a free port. */
export async function serve(dir = DIST, base = '/') {
  return startServer({ dir, base, port: 0 });
}

/**
 * In a test file: check the build, start the test server on it (under `base`) and launch the
 * browser before its tests, close both after them. With `reset`, every test starts with the
 * server's __test endpoint reset (nothing received, not failing). Returns an object whose
 * `server` and `browser` are there once the before hook has run, and whose `site` is the build's
 * data/site.json.
 */
export function useAppServer({ dir = DIST, base = '/', hint = base === '/' ? BUILD_HINT : BASE_BUILD_HINT, reset = false } = {}) {
  let server;
  let browser;
  let site;
  before(async () => {
    requireBuild(dir, hint);
    site = readSiteJson(dir);
    server = await serve(dir, base);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  if (reset) {
    beforeEach(async () => {
      await postJson(server.url + '__test/reset');
    });
  }
  return {
    get server() {
      return server;
    },
    get browser() {
      return browser;
    },
    get site() {
      return (site ??= readSiteJson(dir));
    },
  };
}

/** The path of a file in a build's data/ folder (`rel` like "news/page-1.json"). */
export function dataPath(rel, dir = DIST) {
  return path.join(dir, 'data', rel);
}

export function hasData(rel, dir = DIST) {
  return fs.existsSync(dataPath(rel, dir));
}

/** A file of a build's data/ folder, as text. */
export function readDataText(rel, dir = DIST) {
  return fs.readFileSync(dataPath(rel, dir), 'utf8');
}

/** A file of a build's data/ folder, parsed. */
export function readData(rel, dir = DIST) {
  return JSON.parse(readDataText(rel, dir));
}

/** The real data/site.json of a build, parsed. */
export function readSiteJson(dir = DIST) {
  return readData('site.json', dir);
}

/** The real data/site.json of a build, as text. */
export function readSiteText(dir = DIST) {
  return readDataText('site.json', dir);
}

/** Serve site.json with submit_endpoint set (a URL) or removed (null), for the page's whole context. */
export async function routeSite(page, endpoint, dir = DIST) {
  const cfg = readSiteJson(dir);
  if (endpoint) cfg.submit_endpoint = endpoint;
  else delete cfg.submit_endpoint;
  await page.context().route('**/data/site.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(cfg) }),
  );
}

/** Make the app send submissions to the test server's __test/submit. */
export function withEndpoint(page, server) {
  return routeSite(page, server.url + '__test/submit');
}

/** Make the app keep submissions on the device (site.json without submit_endpoint). */
export function withoutEndpoint(page) {
  return routeSite(page, null);
}

export async function postJson(url, body) {
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? '' : JSON.stringify(body),
  });
  return { status: r.status, body: await r.json().catch(() => null) };
}

// ---------------------------------------------------------------------------------------------
// Browser and pages

export async function launchBrowser() {
  assert.ok(fs.existsSync(CHROMIUM), `no Chromium at ${CHROMIUM} (set CHROMIUM=…)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: process.env.E2E_HEADED !== '1',
    slowMo: Number(process.env.E2E_SLOWMO || 0) || undefined,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-dev-shm-usage',
      '--font-render-hinting=none',
      ...(process.env.E2E_CHROMIUM_ARGS || '').split(' ').filter(Boolean),
    ],
  });
}

const problemsOf = new WeakMap();
const idleOf = new WeakMap();

/**
 * A fresh context and page. width 375 gives a phone (375×812, isMobile, scale 2, touch);
 * anything else gives a desktop window of that width (1280×800 by default).
 * Every console error, page error, failed request and HTTP error of the app is recorded:
 * see problems(page) and expectNoConsoleErrors(page).
 */
export async function newPage(browser, { width = MOBILE, height, contextOptions = {}, clock = DEMO_NOW } = {}) {
  const mobile = width <= 480;
  const context = await browser.newContext({
    viewport: { width, height: height || (mobile ? 812 : 800) },
    isMobile: mobile,
    hasTouch: mobile,
    deviceScaleFactor: mobile ? 2 : 1,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    serviceWorkers: 'block',
    ...contextOptions,
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  // Pin the browser's clock (see DEMO_NOW); `clock: null` leaves the machine's.
  if (clock) await context.clock.install({ time: new Date(clock) });
  const page = await context.newPage();
  // Entries are {text, url}; problems(page) filters them when asked.
  const list = [];
  const documents404 = new Set();
  problemsOf.set(page, { list, documents404 });
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      const url = (loc && loc.url) || '';
      list.push({ text: `console.error: ${msg.text()}${url ? ` (${url}:${loc.lineNumber})` : ''}`, console: msg.text(), url });
    }
  });
  page.on('pageerror', (err) => list.push({ text: `page error: ${err && (err.stack || err.message || err)}` }));
  page.on('crash', () => list.push({ text: 'page crashed' }));
  // In-flight GETs, for settle(). (Not Playwright's "networkidle": a POST whose response body
  // the app never reads stays "in flight" for ever in Chromium.)
  const inflight = new Set();
  const idle = { inflight, last: Date.now() };
  idleOf.set(page, idle);
  page.on('request', (req) => {
    if (req.method() === 'GET' && !req.url().startsWith('data:')) {
      inflight.add(req);
      idle.last = Date.now();
    }
  });
  const done = (req) => {
    if (inflight.delete(req)) idle.last = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', (req) => {
    done(req);
    // A request cancelled because the page navigated away (a reload) is not the app's fault.
    if (req.failure()?.errorText === 'net::ERR_ABORTED') return;
    list.push({ text: `request failed: ${req.method()} ${req.url()} (${req.failure()?.errorText})` });
  });
  page.on('response', (res) => {
    const req = res.request();
    // A navigation answered by 404.html is how deep links work on GitHub Pages: not an error
    // of the app. (The test of the 404 page itself looks at what is rendered.)
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) {
      if (res.status() === 404) documents404.add(res.url());
      return;
    }
    if (res.status() >= 400) list.push({ text: `HTTP ${res.status()}: ${req.method()} ${res.url()}` });
  });
  return page;
}

/** Close a page made by newPage, with its context. */
export async function closePage(page) {
  if (page) await page.context().close().catch(() => {});
}

/** Run fn(page) on a fresh page made by newPage(browser, options); the page is closed afterwards, whatever happens. */
export async function withPage(browser, options, fn) {
  const page = await newPage(browser, options);
  try {
    return await fn(page);
  } finally {
    await closePage(page);
  }
}

/** What went wrong on the page so far (console errors, page errors, failed requests). */
/** The wasm files the page requests from now on, by file name, in order (a live list). */
export function wasmRequests(page) {
  const files = [];
  page.on('request', (r) => {
    if (/\.wasm(\?|$)/.test(r.url())) files.push(new URL(r.url()).pathname.split('/').pop());
  });
  return files;
}

export function problems(page) {
  const rec = problemsOf.get(page);
  if (!rec) return [];
  return rec.list
    .filter(
      (p) =>
        !(
          p.console &&
          p.console.startsWith('Failed to load resource: the server responded with a status of 404') &&
          rec.documents404.has(p.url)
        ),
    )
    .map((p) => p.text);
}

/** Forget the problems recorded so far (e.g. after an error case that was provoked on purpose). */
export function clearProblems(page) {
  const rec = problemsOf.get(page);
  if (rec) rec.list.length = 0;
}

/**
 * No console errors, page errors or failed requests, except those matching `allowed`
 * (regular expressions for failures provoked on purpose).
 */
export function expectNoConsoleErrors(page, label = '', allowed = []) {
  const all = problems(page);
  if (process.env.E2E_DEBUG && all.length) console.log(`${label}: problems (some allowed):\n  ${all.join('\n  ')}`);
  const list = all.filter((p) => !allowed.some((re) => re.test(p)));
  assert.deepEqual(list, [], `${label ? label + ': ' : ''}console errors, page errors or failed requests:\n  ${list.join('\n  ')}`);
}

/**
 * Go to a URL and wait until the app has rendered: the header, main#main with an h1, and no
 * loading indicator left. Returns the navigation response.
 */
export async function gotoApp(page, url) {
  const res = await page.goto(url, { waitUntil: 'load' });
  await waitForApp(page);
  return res;
}

/** Reload the page and wait until the app has rendered again. Returns the navigation response. */
export async function reloadApp(page) {
  const res = await page.reload();
  await waitForApp(page);
  return res;
}

export async function waitForApp(page, { timeout = 20_000 } = {}) {
  await page.locator('main#main h1').first().waitFor({ state: 'visible', timeout });
  await page.locator('header').first().waitFor({ state: 'visible', timeout });
  await settle(page);
}

/** Wait until no GET has been in flight for `quiet` ms (best effort, gives up after `timeout`). */
export async function networkQuiet(page, { quiet = 400, timeout = 8_000 } = {}) {
  const idle = idleOf.get(page);
  if (!idle) return;
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (idle.inflight.size === 0 && Date.now() - idle.last >= quiet) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Wait for the network to go quiet and loading indicators to disappear (best effort). */
export async function settle(page, { timeout = 8_000 } = {}) {
  await networkQuiet(page, { timeout });
  await page
    .waitForFunction(
      () =>
        ![...document.querySelectorAll('[role="status"], [aria-busy="true"]')].some((el) => {
          if (el.getAttribute('aria-busy') === 'true') return el.getClientRects().length > 0;
          const t = el.textContent || '';
          return /加载|载入|正在读取/.test(t) && el.getClientRects().length > 0;
        }),
      null,
      { timeout, polling: 100 },
    )
    .catch(() => {});
  // Let web fonts and the last reactive updates land.
  await page.evaluate(() => (document.fonts ? document.fonts.ready.then(() => true) : true)).catch(() => {});
}

// ---------------------------------------------------------------------------------------------
// Screenshots, accessibility, care mode

export async function shot(page, name) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, name.endsWith('.png') ? name : `${name}.png`);
  // One image pixel per CSS pixel (a phone page at 375 px is 375 px wide, not 750): enough to
  // see the layout and read the text, and the screenshot, the walk's costliest step at the
  // phone's scale of 2, takes a quarter of the pixels to paint and encode.
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide', scale: 'css' });
  return file;
}

/** Run axe-core (WCAG 2.0/2.1 A and AA) on the page and assert there are no violations. */
export async function axeCheck(page, label = '') {
  const violations = await axeViolations(page);
  if (violations.length) {
    const lines = [];
    for (const v of violations) {
      lines.push(`[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`);
      for (const n of v.nodes.slice(0, 8)) {
        lines.push(`    target ${JSON.stringify(n.target)}`);
        if (n.failureSummary) lines.push(`      ${n.failureSummary.replace(/\n/g, '\n      ')}`);
      }
      if (v.nodes.length > 8) lines.push(`    … and ${v.nodes.length - 8} more`);
    }
    const text = `axe-core found ${violations.length} violation(s)${label ? ' on ' + label : ''}:\n${lines.join('\n')}`;
    console.log(text);
    assert.fail(text);
  }
}

export async function axeViolations(page) {
  const present = await page.evaluate(() => typeof window.axe !== 'undefined');
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
  // govern: an injected <script> element (addScriptTag) is an inline script, which it refuses.
  if (!present) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

export async function isCareMode(page) {
  return page.evaluate(() => document.documentElement.classList.contains('care'));
}

/** Turn 关怀版 on or off with the #care-toggle button, and wait for <html class="care"> to follow. */
export async function setCareMode(page, on) {
  const toggle = page.locator('#care-toggle');
  await toggle.waitFor({ state: 'visible' });
  if ((await isCareMode(page)) !== on) {
    await toggle.click();
  }
  await page.waitForFunction((want) => document.documentElement.classList.contains('care') === want, on, { timeout: 5_000 });
  await assertAriaPressed(page, on);
  // Let layout and fonts settle after the size change.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

export async function assertAriaPressed(page, on) {
  const pressed = await page.locator('#care-toggle').getAttribute('aria-pressed');
  assert.equal(pressed, String(on), `#care-toggle aria-pressed should be "${on}" (is ${JSON.stringify(pressed)})`);
}

// ---------------------------------------------------------------------------------------------
// Layout checks

/** The nav that should be visible at this width. */
export function navLabelFor(width, lang = 'zh') {
  if (lang === 'en') return width < 768 ? 'Bottom navigation' : 'Main navigation';
  return width < 768 ? '底部导航' : '主导航';
}

/** Bounding boxes of the visible links and buttons inside visible <nav> elements. */
export async function navTargets(page) {
  return page.evaluate(() => {
    const visible = (el) => {
      const s = getComputedStyle(el);
      if (s.visibility === 'hidden' || s.display === 'none') return false;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    };
    const out = [];
    for (const nav of document.querySelectorAll('nav')) {
      if (!visible(nav)) continue;
      for (const el of nav.querySelectorAll('a[href], button')) {
        if (!visible(el)) continue;
        const r = el.getBoundingClientRect();
        out.push({
          nav: nav.getAttribute('aria-label') || '(nav)',
          text: (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 30),
          width: Math.round(r.width * 10) / 10,
          height: Math.round(r.height * 10) / 10,
        });
      }
    }
    return out;
  });
}

export async function assertTargetHeights(page, min, label = '') {
  const targets = await navTargets(page);
  assert.ok(targets.length > 0, `${label}: no visible links or buttons in any <nav>`);
  const small = targets.filter((t) => t.height + 0.5 < min);
  assert.deepEqual(
    small,
    [],
    `${label}: nav targets shorter than ${min}px:\n  ${small.map((t) => `${t.nav} "${t.text}" ${t.width}×${t.height}`).join('\n  ')}`,
  );
  for (const id of ['#care-toggle', '#language-switch']) {
    const box = await page.locator(id).boundingBox();
    assert.ok(box && box.height + 0.5 >= min && box.width + 0.5 >= min, `${label}: ${id} is ${box && `${box.width}×${box.height}`}px, want ≥ ${min}×${min}px`);
  }
}

/** Computed font sizes (px) of body and of the first visible paragraph in main. */
export async function fontSizes(page) {
  return page.evaluate(() => {
    const px = (el) => parseFloat(getComputedStyle(el).fontSize);
    const p = [...document.querySelectorAll('main p')].find((el) => el.getClientRects().length > 0 && (el.textContent || '').trim());
    return { body: px(document.body), p: p ? px(p) : null };
  });
}

// ---------------------------------------------------------------------------------------------
// Small things

export function digitsOf(text) {
  return String(text || '').replace(/[^0-9]/g, '');
}

const DAMM = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

/** The Damm interim digit of a string of digits (0 when its check digit holds). */
export function damm(digits) {
  let interim = 0;
  for (const c of digits) interim = DAMM[interim][c.charCodeAt(0) - 48];
  return interim;
}

/** A receipt code is twelve digits whose Damm check holds (see crates/model/src/receipt.rs). */
export function isValidReceiptCode(code) {
  return /^[0-9]{12}$/.test(code) && damm(code) === 0;
}

/** The receipt code shown in `scope`: twelve digits in three groups of four, Damm-valid. */
export async function groupedReceiptCode(scope, label) {
  const el = scope.locator('.receipt-code').first();
  await el.waitFor({ state: 'visible', timeout: 15_000 });
  const shown = (await el.innerText()).trim();
  assert.match(shown, /^\d{4} \d{4} \d{4}$/, `${label}: .receipt-code should show 12 digits in groups of 4 ("${shown}")`);
  const code = digitsOf(shown);
  assert.ok(isValidReceiptCode(code), `${label}: receipt code ${code} fails its Damm check digit`);
  return code;
}

/** Poll fn until it returns a truthy value or the time is up; returns the last value. */
export async function eventually(fn, { timeout = 10_000, interval = 200 } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > end) return last;
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Poll until the element `locator` finds shows `word`; returns its text, or null when the time is up. */
export async function eventuallyShows(locator, word, { timeout = 10_000 } = {}) {
  return eventually(
    async () => {
      if (!(await locator.count())) return null;
      const t = await locator.innerText();
      return t.includes(word) ? t : null;
    },
    { timeout },
  );
}

/** The text of the element `locator` finds, or `missing` when there is none. */
export async function textOr(locator, missing) {
  return (await locator.count()) ? locator.innerText() : missing;
}

/**
 * Go to a route of the app without loading the page again (works offline): click a visible
 * link to it when there is one, or else push the URL and tell the router with a popstate.
 */
export async function navigateInApp(page, baseUrl, rel) {
  const target = new URL(rel, baseUrl);
  const links = page.locator(`a[href="${target.pathname}"], a[href="${target.href}"]`);
  const n = await links.count();
  for (let i = 0; i < n; i++) {
    const a = links.nth(i);
    if (await a.isVisible()) {
      await a.click();
      await page.waitForURL((u) => u.pathname === target.pathname);
      return 'link';
    }
  }
  await page.evaluate((href) => {
    history.pushState(null, '', href);
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }, target.href);
  return 'pushState';
}

/** All of localStorage and sessionStorage as one string, to look for what the user typed. */
export async function storageText(page) {
  return page.evaluate(() => {
    const all = [];
    for (const s of [localStorage, sessionStorage]) for (let i = 0; i < s.length; i++) all.push(s.key(i), s.getItem(s.key(i)));
    return all.join('\n');
  });
}
