// The home page's first paint (scripts/first-paint.mjs, docs/performance.md): before the wasm
// has arrived, index.html shows the header bar with the site's name and the welcome block, in
// the app's markup; the app's render then replaces it on the same pixels.
//
//   1. with the wasm held back: the home page shows the site's name (from data/site.json), the
//      catalog's motto and introduction and 正在加载…, and is axe clean, at 375 and 1280 px;
//   2. once the app has rendered, the first paint is gone (one h1, one header) and the app's
//      welcome block has the same size as the first paint's, which is what keeps the largest
//      contentful paint at the first paint;
//   3. a deep link (404.html, or its entry page) does not show the home page's text; an entry
//      page shows its own heading before the app runs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, DIST, MOBILE, DESKTOP, useAppServer, withPage, settle, shot, axeCheck } from './lib.mjs';

const app = useAppServer();
const catalog = JSON.parse(fs.readFileSync(path.join(ROOT, 'locales/zh.json'), 'utf8'));

/** Sizes of the welcome block's parts under `root`. */
function heroBoxes(page, root) {
  return page.evaluate(
    (root) =>
      [...document.querySelectorAll(`${root} .hero h1, ${root} .hero p`)].map((e) => {
        const r = e.getBoundingClientRect();
        return { tag: e.tagName, text: e.textContent.trim(), width: Math.round(r.width), height: Math.round(r.height) };
      }),
    root,
  );
}

for (const width of [MOBILE, DESKTOP]) {
  test(`1–2. the first paint, then the app on the same pixels (${width}px)`, async () => {
    await withPage(app.browser, { width }, async (page) => {
      // Hold the wasm back: what a phone shows while it is still on the way.
      let release;
      const held = new Promise((r) => (release = r));
      await page.route('**/*.wasm', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(app.server.url, { waitUntil: 'load' });
      const first = await heroBoxes(page, '#boot');
      assert.deepEqual(
        first.map((b) => b.text),
        [app.site.name, catalog.home.welcome, catalog.home.intro],
        'the first paint: the site name, the motto, the introduction',
      );
      assert.equal((await page.locator('#boot .site-name-text').innerText()).trim(), app.site.name);
      assert.ok(await page.getByRole('status').filter({ hasText: catalog.data.loading }).isVisible(), '正在加载… is shown');
      assert.equal(await page.title(), app.site.name, 'the title is the site name from the start');
      await shot(page, `first-paint-${width}`);
      await axeCheck(page, `first paint ${width}`);

      release();
      await page.locator('main#main .module-grid').waitFor();
      await settle(page);
      assert.equal(await page.locator('#boot').count(), 0, 'the app removes the first paint');
      assert.equal(await page.locator('h1').count(), 1, 'one h1 once the app has rendered');
      assert.equal(await page.locator('header.site-header').count(), 1, 'one header');
      const rendered = await heroBoxes(page, 'main#main');
      assert.deepEqual(
        rendered.map(({ text, width, height }) => ({ text, width, height })),
        first.map(({ text, width, height }) => ({ text, width, height })),
        "the app's welcome block has the first paint's text and size",
      );
    });
  });
}

test('3. a deep link (404.html, or its entry page) has no home page text before the app runs', async () => {
  const html = fs.readFileSync(path.join(DIST, '404.html'), 'utf8');
  assert.ok(!html.includes(catalog.home.intro), '404.html must not carry the home page introduction');
  await withPage(app.browser, { width: MOBILE }, async (page) => {
    await page.route('**/*.wasm', (route) => route.abort());
    const res = await page.goto(app.server.url + 'direct/write/city-0006', { waitUntil: 'load' });
    assert.equal(res.status(), 404, 'a route without an entry page is answered by 404.html');
    assert.equal(await page.locator('.hero').count(), 0, 'no welcome block on /direct/write/…');
    // An entry page: its own heading, at once, without the app.
    const entry = await page.goto(app.server.url + 'direct/deputy/city-0006', { waitUntil: 'load' });
    assert.equal(entry.status(), 200, 'answered by its entry page');
    assert.equal(await page.locator('.hero').count(), 0, 'no welcome block on a deputy page');
    assert.equal((await page.locator('#boot h1').innerText()).trim(), '娜仁其其格', 'the deputy’s name before the app runs');
    await shot(page, 'first-paint-entry-page-375');
  });
});
