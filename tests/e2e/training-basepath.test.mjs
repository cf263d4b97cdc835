// 代表培训 offline under a base path: the build made with --public-url /renda/ (DIST_BASE),
// served under /renda/. The service worker registers with the scope /renda/, caches the course
// opened, and serves one of its lessons with the network gone; a non-training page's data is
// not served from any cache (its data error shows).

import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST_BASE, MOBILE, useAppServer, withPage, gotoApp, waitForApp, readData, eventually, shot } from './lib.mjs';

const app = useAppServer({ dir: DIST_BASE, base: '/renda/' });

test('offline lesson under /renda/', async () => {
  await withPage(app.browser, { width: MOBILE, contextOptions: { serviceWorkers: 'allow' } }, async (page) => {
    const base = app.server.url; // ends with /renda/
    assert.ok(base.endsWith('/renda/'), base);
    await gotoApp(page, `${base}training/course/c05`);
    await page.locator('.offline-state.offline-ready').waitFor({ timeout: 15_000 });
    const scope = await eventually(
      () => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope ?? null),
      { timeout: 15_000 },
    );
    assert.equal(new URL(scope).pathname, '/renda/');
    assert.ok(await eventually(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 15_000 }));
    // The lesson's code is on the device once the worker has saved the build whole (its marker
    // is written last); going offline before that is a different journey (offline.test.mjs:
    // a page whose code never came shows the network error with 重试).
    const { build } = JSON.parse(fs.readFileSync(path.join(DIST_BASE, 'precache.json'), 'utf8'));
    const whole = await eventually(
      () =>
        page.evaluate(async (b) => {
          const cache = `deputy-home-code-${b}`;
          return (await caches.has(cache)) && !!(await (await caches.open(cache)).match(new URL('__precache-complete', document.baseURI).href));
        }, build),
      { timeout: 60_000, interval: 250 },
    );
    assert.ok(whole, `the worker should have saved build ${build} whole`);

    await page.context().setOffline(true);
    const lesson = readData('training/lessons/write-letter.json', DIST_BASE);
    await page.goto(`${base}training/lesson/${lesson.id}`);
    await waitForApp(page);
    assert.equal(await page.locator('main h1').innerText(), lesson.title);
    // Links keep the base path offline too.
    assert.ok((await page.locator('.breadcrumb a').getAttribute('href')).startsWith('/renda/training/course/'));
    await shot(page, 'training-offline-renda-375');
    await page.goto(`${base}direct/qa`);
    await page.locator('main .data-error').first().waitFor({ timeout: 15_000 });
    await page.context().setOffline(false);
  });
});
