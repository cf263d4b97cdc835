// 阳光履职 (the parts built so far), end to end at 375 px and 1280 px:
//   1. the station tree (hub → 7 county branches → township homes), the tier filter kept in
//      the URL, a station page opened by keyboard with this week's receptions and its QR code;
//   2. read-aloud on a news article starts and stops (speech synthesis calls observed);
//   3. the home page's 本周代表接待 links to a station.
// Every page gets a screenshot and an axe-core check.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MOBILE, DESKTOP, useAppServer, readData, withPage, gotoApp, settle, shot, axeCheck, expectNoConsoleErrors, eventually } from './lib.mjs';

const app = useAppServer();

for (const width of [MOBILE, DESKTOP]) {
  describe(`阳光履职 at ${width}px`, () => {
    test(`1. stations: tree, tier filter, a station opened by keyboard (${width}px)`, async () => {
      const stations = readData('stations/index.json').stations;
      await withPage(app.browser, { width }, async (page) => {
        await gotoApp(page, app.server.url + 'duties/stations');
        await settle(page);
        assert.equal(await page.locator('main h1').innerText(), '代表联络站');
        const tree = page.locator('ul.station-tree');
        await tree.waitFor();
        const branches = stations.filter((s) => s.tier === 'county_branch');
        assert.equal(await tree.locator('details').count(), branches.length, 'one folded branch per county');
        await shot(page, `duties-stations-${width}`);
        await axeCheck(page, `stations ${width}`);

        await page.selectOption('#s-tier', 'township_home');
        await eventually(async () => (await page.locator('li.station-row').count()) === stations.filter((s) => s.tier === 'township_home').length);
        assert.match(page.url(), /tier=township_home/);
        await page.reload();
        await settle(page);
        assert.equal(await page.locator('li.station-row').count(), stations.filter((s) => s.tier === 'township_home').length, 'the filter survives a reload');

        // Keyboard only: focus the first station link and press Enter.
        const first = page.locator('li.station-row a.station-name').first();
        const name = (await first.innerText()).trim();
        await first.focus();
        await page.keyboard.press('Enter');
        await eventually(async () => (await page.locator('main h1').innerText()).trim() === name);
        await settle(page);
        assert.ok(await page.locator('svg.qr').isVisible(), 'the station page has its QR code');
        assert.ok(await page.getByRole('heading', { name: '本周接待' }).isVisible());
        await shot(page, `duties-station-${width}`);
        await axeCheck(page, `station ${width}`);

        // A county branch receives on Tuesdays: this week (2026-11-23 … 29, the browser's clock is
        // pinned to the demo's today by newPage) has one.
        await gotoApp(page, app.server.url + 'duties/stations/s-150802');
        await settle(page);
        const week = page.locator('ul.this-week li');
        assert.ok((await week.count()) >= 1, 'the branch has a reception this week');
        assert.match(await week.first().innerText(), /2026-11-2\d/);
        expectNoConsoleErrors(page, `stations ${width}`);
      });
    });

    test(`2. read-aloud starts and stops (${width}px)`, async () => {
      await withPage(app.browser, { width }, async (page) => {
        // Record what the page asks of speech synthesis (headless Chromium has no voices).
        await page.addInitScript(() => {
          window.__speech = [];
          const synth = window.speechSynthesis;
          synth.speak = (u) => window.__speech.push({ call: 'speak', lang: u.lang, text: u.text });
          synth.cancel = () => window.__speech.push({ call: 'cancel' });
        });
        const news = readData('news/page-1.json');
        const article = news.items[0];
        await gotoApp(page, app.server.url + `news/${article.id}`);
        await settle(page);
        const start = page.getByRole('button', { name: '朗读全文' });
        await start.click();
        await page.getByRole('button', { name: '停止朗读' }).waitFor();
        const calls = await page.evaluate(() => window.__speech);
        const spoken = calls.find((c) => c.call === 'speak');
        assert.ok(spoken, `speak() was called: ${JSON.stringify(calls)}`);
        assert.equal(spoken.lang, 'zh-CN');
        assert.ok(spoken.text.startsWith(article.title), 'it reads the title first');
        await page.getByRole('button', { name: '停止朗读' }).click();
        await page.getByRole('button', { name: '朗读全文' }).waitFor();
        const after = await page.evaluate(() => window.__speech);
        assert.equal(after[after.length - 1].call, 'cancel', 'stop cancels the speech');
        await shot(page, `duties-read-aloud-${width}`);
        await axeCheck(page, `article ${width}`);
        expectNoConsoleErrors(page, `read-aloud ${width}`);
      });
    });

    test(`3. home: 本周代表接待 links to a station (${width}px)`, async () => {
      await withPage(app.browser, { width }, async (page) => {
        await gotoApp(page, app.server.url);
        await settle(page);
        const items = page.locator('ul.week-list li');
        assert.ok((await items.count()) >= 1, 'this week has receptions on the home page');
        const link = items.first().locator('a').first();
        const name = (await link.innerText()).trim();
        await link.click();
        await eventually(async () => (await page.locator('main h1').innerText()).trim() === name);
        expectNoConsoleErrors(page, `home week ${width}`);
      });
    });
  });
}
