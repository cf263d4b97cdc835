// Offline after the first visit, and new releases that never break an open page (issue 13,
// points 4 and 5), with the service worker allowed (public/sw.js, src/ui/offline.rs):
//   1. at 375 and 1280 px: a first visit to the home page; the worker saves every file of the
//      build (precache.json) in the background; a deputy page is seen and a letter saved on the
//      device (the demo site has no submit endpoint). Offline, a reload of the home page, of
//      modules never opened, of the deputy page and of 我的提交 each shows its page (never the
//      browser's error page), with 离线浏览，内容更新于 <date> where kept data is used, and
//      我的提交 lists the letter. Online again the data is fresh and the notice is gone;
//   2. the precache waits for permission: not with the 更多 setting off (it starts once the
//      setting is turned on), not with navigator.connection.saveData;
//   3. a new release: a copy of the build is served and a page of it opened and saved whole;
//      then a new build replaces it on the server (the old code files are gone). The open page
//      shows 新版本已就绪, still gets its own build's code (from the worker's copy), and 刷新
//      loads the new build;
//   4. under /renda/ (DIST_BASE): the worker's scope is /renda/; the manifest starts the app
//      there and Chromium finds it installable; the home page and 我的提交 reload offline.
// Needs stamped builds (bash scripts/stamp-sw.sh DIST after building). Screenshots: offline-*.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  DIST,
  DIST_BASE,
  ROOT,
  MOBILE,
  DESKTOP,
  SITE_NAME,
  useAppServer,
  requireBuild,
  BASE_BUILD_HINT,
  withPage,
  gotoApp,
  waitForApp,
  settle,
  expectNoConsoleErrors,
  shot,
  axeCheck,
  eventually,
  setCareMode,
  groupedReceiptCode,
  navigateInApp,
} from './lib.mjs';
import { startServer } from './serve.mjs';

const app = useAppServer();

const SW = { serviceWorkers: 'allow' };
const SETTING = 'deputy-home.offline.v1';
const DEPUTY = { id: 'city-0006', name: '娜仁其其格' };
// Offline, data never seen cannot load: those requests fail, and the pages say so.
const OFFLINE_NOISE = [/request failed: GET \S+\/data\//, /ERR_INTERNET_DISCONNECTED/, /Failed to load resource: net::ERR_/];

/** The build's precache.json, after checking that sw.js carries the same id. */
function stamped(dir) {
  const file = path.join(dir, 'precache.json');
  assert.ok(fs.existsSync(file), `${dir} has no precache.json: run \`bash scripts/stamp-sw.sh ${dir}\` after building`);
  const list = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.match(list.build, /^[0-9a-f]{16}$/);
  assert.ok(list.files.includes('index.html') && list.files.some((f) => f.endsWith('.wasm')), 'precache.json lists the page and the wasm');
  assert.ok(!list.files.some((f) => f.startsWith('data/') || f === 'sw.js' || f === '404.html'), 'no data, sw.js or 404.html in precache.json');
  const sw = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8');
  assert.ok(sw.includes(`const BUILD = '${list.build}';`), `${dir}/sw.js is stamped with the build id ${list.build}`);
  return list;
}

/** Whether the worker has saved every file of `build` (its marker is written last). */
function precached(page, build) {
  return page.evaluate(async (b) => {
    const name = `deputy-home-code-${b}`;
    if (!(await caches.has(name))) return false;
    return !!(await (await caches.open(name)).match(new URL('__precache-complete', document.baseURI).href));
  }, build);
}

async function waitPrecached(page, build, label) {
  const ok = await eventually(() => precached(page, build), { timeout: 60_000, interval: 250 });
  assert.ok(ok, `${label}: the worker should have saved build ${build} whole`);
}

/** The files saved for `build`, relative to the base. */
function savedFiles(page, build) {
  return page.evaluate(async (b) => {
    const name = `deputy-home-code-${b}`;
    if (!(await caches.has(name))) return [];
    const keys = await (await caches.open(name)).keys();
    return keys.map((r) => r.url.slice(document.baseURI.length));
  }, build);
}

/** The height of the element `locator` finds, in CSS pixels. */
async function height(locator) {
  return (await locator.boundingBox()).height;
}

async function waitControlled(page, label) {
  const ok = await eventually(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 20_000 });
  assert.ok(ok, `${label}: a service worker should control the page`);
}

/** The main wasm module this page runs (its preload link), relative to the base. */
function mainWasm(page) {
  return page.evaluate(() => {
    const link = document.querySelector('link[rel="preload"][href*="_bg.wasm"]');
    return link ? link.href.split('?')[0].slice(document.baseURI.length) : null;
  });
}

/** A full page load while offline: it must come from the worker, not the browser's error page. */
async function offlineGoto(page, url, label) {
  let res;
  try {
    res = await page.goto(url, { waitUntil: 'load' });
  } catch (e) {
    assert.fail(`${label}: the browser could not open the page offline: ${String(e.message).split('\n')[0]}`);
  }
  assert.ok(res && res.fromServiceWorker(), `${label}: the page should come from the service worker`);
  // The home page's first paint belongs to the home page only: a deep link gets the plain shell.
  const html = await res.text();
  const isHome = ['/', '/renda/'].includes(new URL(url).pathname);
  assert.equal(html.includes('hero-intro'), isHome, `${label}: ${isHome ? 'the home page shows its first paint' : 'no home first paint on a deep link'}`);
  await waitForApp(page);
}

async function h1(page) {
  return (await page.locator('main#main h1').first().innerText()).trim();
}

/** The offline notice's date (it must read 离线浏览，内容更新于 YYYY-MM-DD). */
async function noticeDate(page, label) {
  const notice = page.locator('.offline-notice');
  await notice.waitFor({ state: 'visible', timeout: 10_000 });
  const text = (await notice.innerText()).trim();
  const m = text.match(/^离线浏览，内容更新于 (\d{4}-\d{2}-\d{2})$/);
  assert.ok(m, `${label}: the notice says "${text}"`);
  return m[1];
}

/** The Shanghai dates on which the kept data files were fetched (what the notice may show). */
async function keptDates(page) {
  const times = await page.evaluate(async () => {
    const out = [];
    for (const name of ['deputy-home-data-v1', 'deputy-home-training-v1']) {
      if (!(await caches.has(name))) continue;
      const cache = await caches.open(name);
      for (const req of await cache.keys()) out.push(Number((await cache.match(req)).headers.get('X-Offline-Cached-At')));
    }
    return out;
  });
  return new Set(times.filter(Boolean).map((ms) => new Date(ms).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })));
}

async function writeLetter(page, base, label) {
  await gotoApp(page, `${base}direct/write/${DEPUTY.id}`);
  const subject = `路灯不亮${Date.now() % 100000}`;
  await page.locator('#letter-subject').fill(subject);
  await page.locator('#letter-category').selectOption({ index: 1 });
  await page.locator('#letter-content').fill('小区门口的路灯坏了一个多月，晚上老人出门看不清路，希望尽快修好。');
  await page.locator('#letter-consent').check();
  await page.locator('form:has(#letter-content) button[type="submit"]').click();
  const code = await groupedReceiptCode(page.locator('.done[role="status"]'), label);
  return { code, subject };
}

for (const width of [MOBILE, DESKTOP]) {
  describe(`offline at ${width}px`, () => {
    test(`every page seen reloads offline; data fresh again online (${width}px)`, async () => {
      const list = stamped(DIST);
      await withPage(app.browser, { width, contextOptions: SW }, async (page) => {
        const base = app.server.url;
        const label = `${width}px`;

        // The first visit; the worker then saves the whole build in the background.
        await gotoApp(page, base);
        await waitControlled(page, label);
        await waitPrecached(page, list.build, label);
        const saved = await savedFiles(page, list.build);
        assert.deepEqual(list.files.filter((f) => !saved.includes(f)), [], `${label}: every file of precache.json is saved`);

        // A deputy seen, and a letter kept on the device.
        await gotoApp(page, `${base}direct/deputy/${DEPUTY.id}`);
        assert.equal(await h1(page), DEPUTY.name);
        const letter = await writeLetter(page, base, label);
        expectNoConsoleErrors(page, `${label} online`);

        await page.context().setOffline(true);
        try {
          // The home page: its data from the first visit, with the notice and its date.
          await offlineGoto(page, base, `home offline ${label}`);
          assert.equal(await h1(page), SITE_NAME);
          const dates = await keptDates(page);
          const date = await noticeDate(page, `home offline ${label}`);
          assert.ok(dates.has(date), `${label}: the notice's date ${date} is when the data was kept (${[...dates]})`);
          assert.equal(await page.locator('main .data-error').count(), 0, `${label}: the home page's data was kept`);
          await shot(page, `offline-home-${width}`);
          await axeCheck(page, `home offline ${width}`);

          // Modules never opened: their code is there; their data was never seen.
          for (const [rel, title] of [
            ['consult', '征求意见'],
            ['training', '代表培训'],
            ['proposals', '建议提交'],
          ]) {
            await offlineGoto(page, base + rel, `${rel} offline ${label}`);
            assert.equal(await h1(page), title, `${rel} offline ${label}`);
          }

          // The deputy seen: everything as online, with the notice.
          await offlineGoto(page, `${base}direct/deputy/${DEPUTY.id}`, `deputy offline ${label}`);
          assert.equal(await h1(page), DEPUTY.name);
          await noticeDate(page, `deputy offline ${label}`);
          assert.equal(await page.locator('main .data-error').count(), 0, `${label}: the deputy page's data was kept`);
          await shot(page, `offline-deputy-${width}`);

          // 我的提交: everything saved on the device.
          await offlineGoto(page, `${base}mine`, `mine offline ${label}`);
          assert.equal(await h1(page), '我的提交');
          const item = page.locator(`.outbox-item[data-code="${letter.code}"]`);
          await item.waitFor({ state: 'visible' });
          assert.ok((await item.innerText()).includes(letter.subject), `${label}: 我的提交 lists the letter`);
          await shot(page, `offline-mine-${width}`);
          await axeCheck(page, `mine offline ${width}`);
          await setCareMode(page, true);
          await noticeDate(page, `mine offline 关怀版 ${label}`);
          await shot(page, `offline-mine-${width}-care`);
          await axeCheck(page, `mine offline 关怀版 ${width}`);
          await setCareMode(page, false);
        } finally {
          await page.context().setOffline(false);
        }

        // Online again: fresh data, no notice.
        const marked = [];
        page.on('response', async (r) => {
          if (r.url().includes('/data/')) marked.push(await r.headerValue('x-offline-cached-at'));
        });
        await gotoApp(page, `${base}direct/deputy/${DEPUTY.id}`);
        assert.equal(await h1(page), DEPUTY.name);
        assert.equal(await page.locator('.offline-notice').count(), 0, `${label}: no offline notice online`);
        assert.ok(marked.length > 0 && marked.every((v) => v === null), `${label}: online, data comes from the network`);
        expectNoConsoleErrors(page, label, OFFLINE_NOISE);
      });
    });
  });
}

test('the precache waits for permission: the 更多 setting, saveData', async () => {
  const list = stamped(DIST);
  const base = app.server.url;
  // The setting turned off on an earlier visit.
  await withPage(app.browser, { width: MOBILE, contextOptions: SW }, async (page) => {
    await page.goto(`${base}data/site.json`);
    await page.evaluate((k) => localStorage.setItem(k, 'false'), SETTING);
    await gotoApp(page, `${base}more`);
    const allow = page.locator('#offline-allow');
    assert.equal(await allow.isChecked(), false, 'the setting shows off');
    await waitControlled(page, 'setting off');
    const status = page.locator('.offline-status');
    assert.ok(await eventually(async () => /已关闭/.test(await status.innerText()), { timeout: 15_000 }), 'the status says 已关闭');
    await page.waitForTimeout(3_000);
    assert.equal(await precached(page, list.build), false, 'nothing saved with the setting off');
    const icon = list.files.find((f) => f.endsWith('icon-512.png'));
    if (icon) assert.ok(!(await savedFiles(page, list.build)).includes(icon), 'no file beyond what the page loaded');
    await shot(page, 'offline-setting-off-375');
    await axeCheck(page, 'more, setting off');

    // Turned on: the build is saved, and the status says so.
    await allow.check();
    await waitPrecached(page, list.build, 'setting on');
    assert.ok(await eventually(async () => /已保存/.test(await status.innerText()), { timeout: 15_000 }), 'the status says 已保存');
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), SETTING), 'true');
    await shot(page, 'offline-setting-on-375');
    // The setting's touch target: the whole label row, 44 px, 60 px in 关怀版.
    const row = page.locator('.offline-setting label.check');
    assert.ok((await height(row)) >= 44, `the setting's row is ${await height(row)} px tall`);
    await setCareMode(page, true);
    assert.ok((await height(row)) >= 60, `in 关怀版 the setting's row is ${await height(row)} px tall`);
    await shot(page, 'offline-setting-on-375-care');
    await axeCheck(page, 'more, 关怀版');
    await setCareMode(page, false);
    await allow.uncheck();
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), SETTING), 'false');
    // The JSON viewer asks for /favicon.ico: not the app.
    expectNoConsoleErrors(page, 'setting', [/\/favicon\.ico/]);
  });
  // 省流量 (saveData): not saved.
  await withPage(app.browser, { width: DESKTOP, contextOptions: SW }, async (page) => {
    await page.addInitScript(() => {
      const connection = { saveData: true, effectiveType: '4g', addEventListener() {}, removeEventListener() {} };
      Object.defineProperty(Navigator.prototype, 'connection', { configurable: true, get: () => connection });
    });
    await gotoApp(page, `${base}more`);
    await waitControlled(page, 'saveData');
    const status = page.locator('.offline-status');
    assert.ok(await eventually(async () => /省流量/.test(await status.innerText()), { timeout: 15_000 }), 'the status says 省流量');
    await page.waitForTimeout(3_000);
    assert.equal(await precached(page, list.build), false, 'nothing saved on saveData');
    assert.equal(await page.locator('#offline-allow').isChecked(), true, 'the setting itself stays on');
    expectNoConsoleErrors(page, 'saveData');
  });
});

/**
 * Replace the build in `dir` by a new one, as a deploy does: every content-hashed name that the
 * page names (trunk's -HASH files, the split build's pkg-HASH/) changes, the old files leave the
 * server, and stamp-sw.sh gives sw.js and precache.json the new id. Returns the new list.
 */
function deployNewBuild(dir) {
  const old = JSON.parse(fs.readFileSync(path.join(dir, 'precache.json'), 'utf8'));
  const index = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const hashes = new Set();
  // Only hashes in a top-level name (trunk's files, pkg-HASH/): the JS imports its snippets by
  // a name of their own.
  for (const f of old.files) for (const [h] of f.split('/')[0].matchAll(/[0-9a-f]{16}/g)) if (index.includes(h)) hashes.add(h);
  assert.ok(hashes.size > 0, 'the page names hashed files');
  const next = (h) => [...h].map((c) => '0123456789abcdef'[(parseInt(c, 16) + 7) % 16]).join('');
  const renamed = (p) => p.replace(/[0-9a-f]{16}/g, (h) => (hashes.has(h) ? next(h) : h));
  const renamedFile = (f) => [renamed(f.split('/')[0]), ...f.split('/').slice(1)].join('/');
  for (const f of old.files) {
    const to = renamedFile(f);
    if (to === f) continue;
    fs.mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
    fs.renameSync(path.join(dir, f), path.join(dir, to));
  }
  for (const h of hashes) fs.rmSync(path.join(dir, `pkg-${h}`), { recursive: true, force: true });
  // index.html, 404.html and the entry pages (deputy-data pages writes them from index.html
  // with every release, so they name the new build's files too).
  const pages = fs.readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.html') && !f.startsWith('data'));
  for (const page of pages) {
    const p = path.join(dir, page);
    fs.writeFileSync(p, renamed(fs.readFileSync(p, 'utf8')));
  }
  execFileSync('bash', [path.join(ROOT, 'scripts', 'stamp-sw.sh'), dir], { stdio: 'pipe' });
  return JSON.parse(fs.readFileSync(path.join(dir, 'precache.json'), 'utf8'));
}

test('a new release: the open page is told, keeps its own code, and 刷新 loads the new one', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'deputy-home-release-'));
  fs.cpSync(DIST, tmp, { recursive: true });
  const server = await startServer({ dir: tmp, base: '/', port: 0 });
  try {
    const a = stamped(tmp);
    await withPage(app.browser, { width: MOBILE, contextOptions: SW }, async (page) => {
      await gotoApp(page, server.url);
      await waitControlled(page, 'release A');
      await waitPrecached(page, a.build, 'release A');
      const mainA = await mainWasm(page);
      assert.ok(mainA && a.files.includes(mainA), `the page runs build A (${mainA})`);

      const b = deployNewBuild(tmp);
      assert.notEqual(b.build, a.build);
      assert.ok(!fs.existsSync(path.join(tmp, mainA)), 'the old wasm is gone from the server');
      // The browser looks for a new worker on navigations and when a page is shown again.
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
      const prompt = page.locator('.update-prompt');
      await prompt.waitFor({ state: 'visible', timeout: 30_000 });
      assert.match(await prompt.innerText(), /新版本已就绪/);
      assert.equal((await prompt.locator('button').innerText()).trim(), '刷新');

      // The old build's code still reaches this page, from the worker's copy.
      const code = a.files.filter((f) => /\.(?:wasm|js|css)$/.test(f));
      const statuses = await page.evaluate((files) => Promise.all(files.map((f) => fetch(f).then((r) => r.status, (e) => String(e)))), code);
      assert.deepEqual(
        code.map((f, i) => [f, statuses[i]]).filter(([, s]) => s !== 200).map(([f, s]) => `${f}: ${s}`),
        [],
        'every code file of build A is still served',
      );
      // And a module never opened before opens (in a split build, its code loads now).
      await navigateInApp(page, server.url, 'consult');
      await page.locator('main#main h1', { hasText: '征求意见' }).waitFor();
      await settle(page);
      assert.ok(await prompt.isVisible(), 'the prompt stays until the page is reloaded');
      await shot(page, 'offline-update-375');
      await axeCheck(page, 'update prompt');
      const button = prompt.locator('button');
      assert.ok((await height(button)) >= 44, `刷新 is ${await height(button)} px tall`);
      await setCareMode(page, true);
      assert.ok((await height(button)) >= 60, `in 关怀版 刷新 is ${await height(button)} px tall`);
      await shot(page, 'offline-update-375-care');
      await axeCheck(page, 'update prompt, 关怀版');

      // 刷新: the new build.
      await Promise.all([page.waitForEvent('load'), prompt.locator('button').click()]);
      await waitForApp(page);
      const mainB = await mainWasm(page);
      assert.ok(mainB && b.files.includes(mainB), `after 刷新 the page runs build B (${mainB})`);
      await waitPrecached(page, b.build, 'release B');
      await page.waitForTimeout(1_000);
      assert.equal(await page.locator('.update-prompt').count(), 0, 'no prompt on the newest build');
      assert.ok(await page.evaluate((id) => caches.has(`deputy-home-code-${id}`), a.build), 'the previous build is kept');
      expectNoConsoleErrors(page, 'release');
    });
  } finally {
    await server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('under /renda/: the home page and 我的提交 reload offline', async () => {
  requireBuild(DIST_BASE, BASE_BUILD_HINT);
  const list = stamped(DIST_BASE);
  const server = await startServer({ dir: DIST_BASE, base: '/renda/', port: 0 });
  try {
    await withPage(app.browser, { width: MOBILE, contextOptions: SW }, async (page) => {
      const base = server.url;
      await gotoApp(page, base);
      await waitControlled(page, '/renda/');
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
      assert.equal(new URL(scope).pathname, '/renda/');
      await waitPrecached(page, list.build, '/renda/');
      const manifest = await page.evaluate(() => document.querySelector('link[rel="manifest"]').href);
      assert.equal(new URL(manifest).pathname, '/renda/manifest.webmanifest');
      const start = await page.evaluate(async (u) => {
        const m = await (await fetch(u)).json();
        return new URL(m.start_url, u).pathname;
      }, manifest);
      assert.equal(start, '/renda/', 'the manifest starts the app under the base path');
      // Installable, as Chromium sees it (a test context is incognito, which it reports apart).
      const cdp = await page.context().newCDPSession(page);
      const { errors } = await cdp.send('Page.getAppManifest');
      assert.deepEqual(errors, [], 'the manifest parses without errors');
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      assert.deepEqual(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'), [], 'installable');

      await page.context().setOffline(true);
      try {
        await offlineGoto(page, base, 'home offline /renda/');
        assert.equal(await h1(page), SITE_NAME);
        await noticeDate(page, 'home offline /renda/');
        await offlineGoto(page, `${base}mine`, 'mine offline /renda/');
        assert.equal(await h1(page), '我的提交');
        assert.ok((await page.locator('.bottom-nav a').first().getAttribute('href')).startsWith('/renda/'));
        await shot(page, 'offline-mine-renda-375');
      } finally {
        await page.context().setOffline(false);
      }
      expectNoConsoleErrors(page, '/renda/', OFFLINE_NOISE);
    });
  } finally {
    await server.close();
  }
});
