// Elder-friendly layout on the narrowest phones: at 320 px and 375 px, in normal mode and in
// 关怀版, in Chinese and in English (longer labels), no page scrolls sideways, and the short links (a deputy's two- or three-character
// name in 本周接待) are full touch targets: 44 × 44 px, 60 × 60 px in 关怀版.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ROUTES, SCREENSHOT_DIR, useAppServer, withPage, gotoApp, settle, setCareMode, shot } from './lib.mjs';

const app = useAppServer();

/** Links and buttons in `selector` smaller than `min` in either direction. */
async function smallTargets(page, selector, min) {
  return page.evaluate(
    ([selector, min]) =>
      [...document.querySelectorAll(selector)]
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => {
          const r = el.getBoundingClientRect();
          return { text: el.textContent.trim().slice(0, 20), width: Math.round(r.width), height: Math.round(r.height) };
        })
        .filter((t) => t.width + 0.5 < min || t.height + 0.5 < min),
    [selector, min],
  );
}

/** How far the page scrolls sideways (0 when it fits the viewport). */
async function sideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

for (const lang of ['zh', 'en']) for (const care of [false, true]) {
  const min = care ? 60 : 44;
  const mode = `${care ? '关怀版' : 'normal mode'}${lang === 'en' ? ', English' : ''}`;
  // The first address of a visit carries the language; the device keeps it for the others.
  const first = lang === 'en' ? '?lang=en' : '';

  test(`本周接待: station and deputy-name links are at least ${min} × ${min} px (${mode}, 320 and 375 px)`, async () => {
    for (const width of [320, 375]) {
      await withPage(app.browser, { width }, async (page) => {
        await gotoApp(page, app.server.url + first);
        if (care) await setCareMode(page, true);
        await page.locator('.week-list a').first().waitFor();
        await settle(page);
        const links = await page.locator('.week-list a').count();
        assert.ok(links >= 2, `expected this week's receptions on the home page, found ${links} links`);
        assert.deepEqual(await smallTargets(page, '.week-list a', min), [], `${width} px, ${mode}`);
        if (width === 320) await shot(page, `targets-week-320${care ? '-care' : ''}${lang === 'en' ? '-en' : ''}`);
      });
    }
  });

  test(`no page scrolls sideways at 320 px (${mode})`, async () => {
    await withPage(app.browser, { width: 320 }, async (page) => {
      await gotoApp(page, app.server.url + first);
      if (care) await setCareMode(page, true);
      const wide = [];
      for (const route of ROUTES) {
        await gotoApp(page, app.server.url + route.path);
        await settle(page);
        const extra = await sideways(page);
        if (extra > 0) wide.push(`${route.path || '/'}: ${extra} px`);
        if (route.name === 'duty-stats') await shot(page, `duty-stats-320${care ? '-care' : ''}${lang === 'en' ? '-en' : ''}`);
      }
      assert.deepEqual(wide, [], `pages wider than 320 px (${mode})`);
    });
  });
}

test('at the largest 关怀版 text size a 375 × 667 phone shows the page, not only the header: its heading (Chinese: and the line after it) on the first screen', async () => {
  for (const lang of ['zh', 'en']) {
    await withPage(app.browser, { width: 375, height: 667 }, async (page) => {
      await gotoApp(page, app.server.url + 'direct' + (lang === 'en' ? '?lang=en' : ''));
      await setCareMode(page, true);
      await page.locator('.text-size-step').nth(2).click();
      await page.waitForFunction(() => document.documentElement.classList.contains('care-size-2'));
      await settle(page);
      const seen = await page.evaluate(() => {
        const bar = document.querySelector('.bottom-nav').getBoundingClientRect();
        const heading = document.querySelector('main#main h1').getBoundingClientRect();
        const first = document.querySelector('main#main h1 ~ *, main#main h1 + *');
        const line = parseFloat(getComputedStyle(document.querySelector('main#main h1')).lineHeight);
        return { header: document.querySelector('header').getBoundingClientRect().height, headingLine: heading.top + line, heading: heading.bottom, first: first && first.getBoundingClientRect().top + 40, bar: bar.top };
      });
      await page.screenshot({ path: `${SCREENSHOT_DIR}/targets-first-screen-375-largest-${lang}.png` });
      // (The English heading, "Contact a deputy (直通代表)", takes three lines at this size.)
      const ok = lang === 'zh' ? seen.heading <= seen.bar && seen.first <= seen.bar : seen.headingLine <= seen.bar;
      assert.ok(ok, `${lang}: the start of the page should be above the bottom bar: ${JSON.stringify(seen)}`);
    });
  }
});

test('at the largest 关怀版 text size, the header and the filter grids fit a 320 px screen (Chinese and English)', async () => {
  for (const lang of ['zh', 'en']) {
    await withPage(app.browser, { width: 320 }, async (page) => {
      await gotoApp(page, app.server.url + (lang === 'en' ? '?lang=en' : ''));
      await setCareMode(page, true);
      await page.locator('.text-size-step').nth(2).click();
      await page.waitForFunction(() => document.documentElement.classList.contains('care-size-2'));
      await settle(page);
      const over = await page.evaluate(() =>
        [...document.querySelectorAll('header *')].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).map((e) => `${e.tagName}.${e.className}`),
      );
      assert.deepEqual(over, [], `${lang}: header elements past the right edge`);
      // The bottom bar's labels break between words only: a word that does not fit its fifth
      // of the screen sticks out of its link (English: "Hom e" was broken before).
      const sticking = await page.evaluate(() =>
        [...document.querySelectorAll('.bottom-nav .nav-link')].flatMap((a) => {
          const box = a.getBoundingClientRect();
          const range = document.createRange();
          range.selectNodeContents(a.querySelector('.nav-label'));
          return [...range.getClientRects()].some((r) => r.left < box.left - 0.5 || r.right > box.right + 0.5) ? [a.textContent] : [];
        }),
      );
      assert.deepEqual(sticking, [], `${lang}: bottom-bar labels wider than their link`);
      if (lang === 'en') {
        const broken = await page.evaluate(() =>
          [...document.querySelectorAll('.bottom-nav .nav-label')].filter((l) => getComputedStyle(l).overflowWrap !== 'normal').map((l) => l.textContent),
        );
        assert.deepEqual(broken, [], 'English bottom-bar labels may not break inside a word');
      }
      // The screen as the phone shows it (the bar is fixed to its bottom).
      await page.screenshot({ path: `${SCREENSHOT_DIR}/targets-bottom-320-largest-${lang}.png` });
      await shot(page, `targets-header-320-largest-${lang}`);
      // Grids of filters whose columns were at least 12rem (360 px at this size) wide, and form
      // labels with long English words ("Sumu/township/subdistrict" has no break opportunity).
      for (const path of ['consult', 'training', 'direct', 'duties']) {
        await gotoApp(page, app.server.url + path);
        await settle(page);
        const extra = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(extra, 0, `${lang}: /${path} scrolls sideways by ${extra} px at the largest size`);
      }
    });
  }
});
