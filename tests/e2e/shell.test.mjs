// The page shell across navigation: care mode (关怀版) remembered across reloads and routes,
// in-app navigation, news links and deep links to articles, the loading indicator.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MOBILE,
  DESKTOP,
  useAppServer,
  withPage,
  gotoApp,
  reloadApp,
  waitForApp,
  expectNoConsoleErrors,
  setCareMode,
  assertAriaPressed,
  isCareMode,
  navLabelFor,
  settle,
} from './lib.mjs';

const app = useAppServer();

test('care mode is remembered across reloads and in-app navigation, and can be turned off', async () => {
  await withPage(app.browser, { width: MOBILE }, async (page) => {
    await gotoApp(page, app.server.url);
    assert.equal(await isCareMode(page), false);
    await assertAriaPressed(page, false);

    await setCareMode(page, true);
    const stored = await page.evaluate(() => JSON.stringify(Object.fromEntries(Object.entries(localStorage))));
    assert.notEqual(stored, '{}', 'turning care mode on should store something in localStorage');

    await reloadApp(page);
    assert.equal(await isCareMode(page), true, 'care mode should survive a reload');
    await assertAriaPressed(page, true);

    // A fresh page in the same context (same localStorage) starts in care mode too.
    const second = await page.context().newPage();
    await gotoApp(second, app.server.url + 'news');
    assert.equal(await isCareMode(second), true, 'care mode should apply to a newly opened page');
    await second.close();

    // Navigate in the app with the bottom nav: still care mode.
    const link = page.locator(`nav[aria-label="${navLabelFor(MOBILE)}"] a[href$="direct"]`).first();
    await link.click();
    await page.waitForURL(/\/direct$/);
    await waitForApp(page);
    assert.ok((await page.locator('main#main h1').innerText()).includes('直通代表'));
    assert.equal(await isCareMode(page), true, 'care mode should survive in-app navigation');

    await setCareMode(page, false);
    await reloadApp(page);
    assert.equal(await isCareMode(page), false, 'care mode off should survive a reload');
    await assertAriaPressed(page, false);
    expectNoConsoleErrors(page);
  });
});

test('care mode toggles from the keyboard', async () => {
  await withPage(app.browser, { width: DESKTOP }, async (page) => {
    await gotoApp(page, app.server.url);
    await page.locator('#care-toggle').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.classList.contains('care'));
    await assertAriaPressed(page, true);
    await page.keyboard.press('Space');
    await page.waitForFunction(() => !document.documentElement.classList.contains('care'));
    await assertAriaPressed(page, false);
    expectNoConsoleErrors(page);
  });
});

test('the main nav at 1280px moves between pages without a reload', async () => {
  await withPage(app.browser, { width: DESKTOP }, async (page) => {
    await gotoApp(page, app.server.url);
    await page.evaluate(() => {
      window.__noReload = true;
    });
    const nav = page.locator(`nav[aria-label="${navLabelFor(DESKTOP)}"]`).first();
    assert.ok(await nav.isVisible());
    for (const [href, h1] of [
      ['consult', '征求意见'],
      ['duties', '阳光履职'],
      ['training', '代表培训'],
      ['proposals', '建议提交'],
      ['direct', '直通代表'],
    ]) {
      const link = nav.locator(`a[href$="${href}"]`).first();
      assert.equal(await link.count(), 1, `主导航 should link to /${href}`);
      await link.click();
      await page.waitForURL(new RegExp(`/${href}$`));
      await page.locator('main#main h1', { hasText: h1 }).waitFor();
      assert.equal(await page.evaluate(() => window.__noReload), true, `going to /${href} reloaded the page`);
      // The current page is marked for assistive technology.
      const current = await link.getAttribute('aria-current');
      assert.equal(current, 'page', `the 主导航 link to /${href} should have aria-current="page" on its page (is ${current})`);
    }
    await settle(page);
    expectNoConsoleErrors(page);
  });
});

test('news: the list links to articles, which survive a reload (deep link)', async () => {
  await withPage(app.browser, { width: MOBILE }, async (page) => {
    await gotoApp(page, app.server.url + 'news');
    const links = page.locator('a.news-link');
    await links.first().waitFor();
    assert.ok((await links.count()) >= 1, 'the news list should have a.news-link items');
    const href = await links.first().getAttribute('href');
    assert.match(href, /\/news\/[^/]+$/, `a.news-link href should be /news/:id (is ${href})`);
    const title = (await links.first().innerText()).trim();
    await links.first().click();
    await page.waitForURL(/\/news\/[^/]+$/);
    await waitForApp(page);
    const h1 = (await page.locator('main#main h1').innerText()).trim();
    assert.ok(title.includes(h1) || h1.includes(title.split('\n')[0]), `article h1 "${h1}" should match the link "${title}"`);
    await reloadApp(page);
    assert.equal((await page.locator('main#main h1').innerText()).trim(), h1, 'the article should render again after a reload');
    expectNoConsoleErrors(page);
  });
});

test('home shows the latest news', async () => {
  await withPage(app.browser, { width: MOBILE }, async (page) => {
    await gotoApp(page, app.server.url);
    await page.locator('a.news-link').first().waitFor();
    assert.ok((await page.locator('a.news-link').count()) >= 1, 'home should list news from data/news/page-1.json');
    expectNoConsoleErrors(page);
  });
});

for (const [what, pattern] of [
  ['data/news/page-1.json', '**/data/news/page-1.json'],
  ['data/site.json', '**/data/site.json'],
]) {
  test(`while ${what} is on its way: a visible role="status" indicator, and no empty h1`, async () => {
    await withPage(app.browser, { width: MOBILE }, async (page) => {
      let release;
      const gate = new Promise((r) => (release = r));
      await page.route(pattern, async (route) => {
        await gate;
        await route.continue();
      });
      await page.goto(app.server.url, { waitUntil: 'load' });
      // Give the app time to start (the wasm is large in debug builds) while the data is held back.
      await page.locator('header').first().waitFor({ state: 'visible', timeout: 15_000 });
      await page.waitForTimeout(300);
      const status = page.locator('[role="status"]').filter({ visible: true }).first();
      await status.waitFor({ state: 'visible', timeout: 5_000 }).catch(() => {});
      const h1s = await page.locator('main#main h1').allInnerTexts();
      const statusText = (await status.count()) ? (await status.innerText()).trim() : null;
      release();
      assert.ok(statusText, `while ${what} loads, a visible [role="status"] should say so (main shows: ${JSON.stringify(h1s)})`);
      for (const h of h1s) assert.ok(h.trim().length > 0, `while ${what} loads, no <h1> should be empty (an empty heading fails WCAG 2.4.6)`);
      await waitForApp(page);
      assert.ok((await page.locator('header').first().innerText()).includes(app.site.name));
      expectNoConsoleErrors(page);
    });
  });
}
