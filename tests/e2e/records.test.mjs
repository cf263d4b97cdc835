// 阳光履职: duty records, end to end at 375 px and 1280 px:
//   1. from a deputy's page to their duty record: statistics as SVG charts with tables, the
//      deputy's own note (代表本人说明), the timeline filtered to 调研 in 2025 (in the URL, kept on
//      reload, only those shown, as many as the data has);
//   2. the 2025 annual report, and its print view (print media: shell and buttons hidden);
//   3. the statistics page: charts and tables match the precomputed files, filters in the URL;
//   4. the five-level place page reached from the hub (旗县区 → 苏木乡镇), with the newsletter's
//      joint activity of city and county deputies;
//   5. a broken stats file (重试), an unknown deputy, a bad year and a path-like code.
// Every page gets a screenshot (records-*-{width}.png) and an axe-core check, charts included.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { MOBILE, DESKTOP, useAppServer, readData, dataPath, withPage, gotoApp, settle, shot, axeCheck, expectNoConsoleErrors, eventually } from './lib.mjs';

const app = useAppServer();

const NAME = '娜仁其其格';
const TIENAN = '150802002';

/** The seed deputy named NAME (a generated township deputy may share the name): the city one. */
function seedDeputy() {
  const dir = dataPath('deputies');
  for (const f of fs.readdirSync(dir).sort()) {
    const d = readData(`deputies/${f}`);
    if (d.name === NAME && d.level === 'city') return d;
  }
  assert.fail(`no city deputy ${NAME}`);
}

/** Visible texts of a locator's matches. */
async function texts(locator) {
  return (await locator.allInnerTexts()).map((t) => t.trim());
}

/** Every chart on the page: an svg[role=img] with a title, labels on the bars, and a table next to it. */
async function assertCharts(page, label, min) {
  const charts = page.locator('figure.chart');
  const n = await charts.count();
  assert.ok(n >= min, `${label}: ${n} charts, want ≥ ${min}`);
  for (let i = 0; i < n; i++) {
    const c = charts.nth(i);
    const svg = c.locator('svg[role="img"]');
    assert.equal(await svg.count(), 1, `${label}: chart ${i} is one svg role=img`);
    const title = (await svg.locator('title').textContent()).trim();
    assert.ok(title.length > 0, `${label}: chart ${i} has a title`);
    const rows = await c.locator('table tbody tr').count();
    assert.equal(await svg.locator('rect.chart-bar').count(), rows, `${label}: one bar per table row`);
    assert.equal(await svg.locator('text.chart-label').count(), rows, `${label}: a text label per bar`);
    assert.equal((await c.locator('table caption').innerText()).trim(), title, `${label}: the table is the chart's alternative`);
    // Legible at this width: the bar labels are drawn at least 12 px high.
    const h = await svg.locator('text.chart-label').first().evaluate((t) => t.getBoundingClientRect().height);
    assert.ok(h >= 12, `${label}: chart labels ${h}px high`);
  }
}

for (const width of [MOBILE, DESKTOP]) {
  describe(`履职档案 at ${width}px`, () => {
    test(`1. deputy → duty record, own note, charts, timeline filtered to 调研 in 2025 (${width}px)`, async () => {
      const d = seedDeputy();
      const record = readData(`activities/${d.id}.json`);
      const expected = record.activities.filter((a) => a.date.startsWith('2025-') && a.kind === 'research');
      assert.ok(expected.length >= 1, 'the seed deputy has 调研 in 2025');
      await withPage(app.browser, { width }, async (page) => {
        await gotoApp(page, app.server.url + `direct/deputy/${d.id}`);
        await page.getByRole('link', { name: '查看履职档案' }).click();
        await page.waitForURL((u) => u.pathname === `/duties/deputy/${d.id}`);
        await settle(page);
        assert.equal((await page.locator('main h1').innerText()).trim(), `${NAME}的履职档案`);
        // The own note, marked as the deputy's.
        const note = page.locator('aside.own-note');
        assert.equal((await note.locator('h3').innerText()).trim(), '代表本人说明');
        assert.ok((await note.innerText()).includes(record.own_note.text));
        await assertCharts(page, `record ${width}`, 2);
        const all = await page.locator('ol.timeline > li').count();
        assert.equal(all, record.activities.length, 'unfiltered: every activity');
        await shot(page, `records-record-${width}`);
        await axeCheck(page, `record ${width}`);

        await page.selectOption('#r-year', '2025');
        await page.selectOption('#r-type', 'research');
        await eventually(async () => (await page.locator('ol.timeline > li').count()) === expected.length);
        assert.match(page.url(), /year=2025/);
        assert.match(page.url(), /type=research/);
        const check = async (label) => {
          const items = page.locator('ol.timeline > li');
          assert.equal(await items.count(), expected.length, `${label}: as many as the data has`);
          for (const t of await texts(items.locator('time'))) assert.match(t, /^2025-/, `${label}: only 2025`);
          for (const t of await texts(items.locator('.tag'))) assert.equal(t, '调研', `${label}: only 调研`);
          assert.deepEqual(await texts(items.locator('h3')), expected.map((a) => a.title));
        };
        await check('after filtering');
        // The figures follow the chosen year.
        assert.ok((await page.locator('figure.chart table caption').first().innerText()).includes('2025年'));
        await page.reload();
        await settle(page);
        await check('after reload');
        await shot(page, `records-record-filtered-${width}`);
        await axeCheck(page, `record filtered ${width}`);
        expectNoConsoleErrors(page, `record ${width}`);
      });
    });

    test(`2. annual report 2025 and its print view (${width}px)`, async () => {
      const d = seedDeputy();
      const record = readData(`activities/${d.id}.json`);
      const in2025 = record.activities.filter((a) => a.date.startsWith('2025-'));
      await withPage(app.browser, { width }, async (page) => {
        await gotoApp(page, app.server.url + `duties/deputy/${d.id}`);
        await page.locator('section.reports').getByRole('link', { name: '2025年' }).click();
        await page.waitForURL((u) => u.pathname === `/duties/report/${d.id}/2025`);
        await settle(page);
        assert.equal((await page.locator('main h1').innerText()).trim(), `${NAME}2025年度履职报告`);
        const summary = await page.locator('main section').first().innerText();
        assert.ok(summary.includes(`共记录履职活动 ${in2025.length} 次`), summary);
        assert.equal(await page.locator('table.report-list tbody tr').count(), in2025.length, 'every activity of the year listed');
        const printButton = page.getByRole('button', { name: '打印报告' });
        assert.ok(await printButton.isVisible());
        await assertCharts(page, `report ${width}`, 1);
        await shot(page, `records-report-${width}`);
        await axeCheck(page, `report ${width}`);

        await page.emulateMedia({ media: 'print' });
        assert.equal(await page.locator('header').first().isVisible(), false, 'print: the site header is hidden');
        assert.equal(await printButton.isVisible(), false, 'print: the print button is hidden');
        assert.ok(await page.locator('main h1').isVisible(), 'print: the report is shown');
        assert.ok(await page.locator('table.report-list').isVisible());
        const hiddenNav = await page.evaluate(() => [...document.querySelectorAll('nav')].every((n) => n.getClientRects().length === 0));
        assert.ok(hiddenNav, 'print: no navigation');
        await shot(page, `records-report-print-${width}`);
        await page.emulateMedia({ media: 'screen' });
        expectNoConsoleErrors(page, `report ${width}`);
      });
    });

    test(`3. statistics: charts and tables from the precomputed files, filters in the URL (${width}px)`, async () => {
      const all = readData('activity-stats/all.json');
      const last = all.years.at(-1);
      const lastTotal = last.counts.reduce((s, [, n]) => s + n, 0);
      await withPage(app.browser, { width }, async (page) => {
        await gotoApp(page, app.server.url + 'duties');
        await page.getByRole('link', { name: /履职统计/ }).click();
        await page.waitForURL((u) => u.pathname === '/duties/stats');
        await settle(page);
        assert.equal((await page.locator('main h1').innerText()).trim(), '履职统计');
        await assertCharts(page, `stats ${width}`, 2);
        const statsText = await page.locator('dl.stats').first().innerText();
        assert.ok(statsText.includes(String(all.deputies)), `deputies ${all.deputies} in ${statsText}`);
        // The years chart's table holds each year's total.
        const yearRows = page.locator('figure.chart').nth(1).locator('tbody tr');
        assert.equal(await yearRows.count(), all.years.length);
        assert.equal((await yearRows.last().locator('td').innerText()).trim(), String(lastTotal));
        // Research in the kinds table equals the file's count.
        const research = last.counts.find(([k]) => k === 'research')[1];
        const row = page.locator('figure.chart').first().locator('tbody tr', { hasText: '调研' });
        assert.equal((await row.locator('td').innerText()).trim(), String(research));
        await shot(page, `records-stats-${width}`);
        await axeCheck(page, `stats ${width}`);

        const city = readData('activity-stats/county-150802-level-city.json');
        await page.selectOption('#st-level', 'city');
        await page.selectOption('#st-county', '150802');
        await eventually(async () => (await page.locator('dl.stats').first().innerText()).includes(String(city.deputies)));
        assert.match(page.url(), /level=city/);
        assert.match(page.url(), /county=150802/);
        await page.selectOption('#st-year', '2025');
        assert.match(page.url(), /year=2025/);
        const y2025 = city.years.find((y) => y.year === 2025);
        const total2025 = y2025.counts.reduce((s, [, n]) => s + n, 0);
        await eventually(async () => (await page.locator('figure.chart table caption').first().innerText()).includes('2025'));
        const dl = await page.locator('dl.stats').first().innerText();
        assert.ok(dl.includes(String(total2025)), `2025 total ${total2025} in ${dl}`);
        await page.reload();
        await settle(page);
        assert.equal(await page.locator('#st-county').inputValue(), '150802', 'filters survive a reload');
        await shot(page, `records-stats-filtered-${width}`);
        await axeCheck(page, `stats filtered ${width}`);
        expectNoConsoleErrors(page, `stats ${width}`);
      });
    });

    test(`4. five-level place page from the hub: 临河区 → 铁南街道 (${width}px)`, async () => {
      const place = readData(`places/${TIENAN}.json`);
      const joint = readData(`joint/${TIENAN}.json`);
      await withPage(app.browser, { width }, async (page) => {
        await gotoApp(page, app.server.url + 'duties');
        await page.selectOption('#pp-county', '150802');
        await page.locator('.place-picker').getByRole('link', { name: '铁南街道' }).click();
        await page.waitForURL((u) => u.pathname === `/duties/place/${TIENAN}`);
        await settle(page);
        assert.equal((await page.locator('main h1').innerText()).trim(), '铁南街道的五级人大代表');
        const sections = page.locator('section.level-section');
        assert.equal(await sections.count(), 5, 'one section per level');
        assert.equal(await page.locator('section.level-section .deputy-card').count(), place.deputies.length);
        for (const level of ['national', 'region', 'city', 'county', 'township']) {
          assert.ok(place.deputies.some((d) => d.level === level), `the data has ${level} deputies for the place`);
        }
        const items = page.locator('ol.joint > li');
        assert.equal(await items.count(), joint.activities.length);
        const donation = items.filter({ hasText: '双报到' });
        assert.equal(await donation.count(), 1, 'the newsletter’s joint activity');
        assert.ok((await donation.innerText()).includes('苏鑫'));
        assert.ok((await donation.innerText()).includes('2 级代表参加'));
        await shot(page, `records-place-${width}`);
        await axeCheck(page, `place ${width}`);
        // The jump link at the top takes a phone user past the deputy lists to the joint activities.
        await page.locator('ul.level-jumps').getByRole('link', { name: '五级代表协同履职' }).click();
        assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'joint');
        assert.equal(new URL(page.url()).pathname, `/duties/place/${TIENAN}`, 'still on the place page');
        // A participant's name leads to their duty record.
        await donation.getByRole('link', { name: '苏鑫' }).click();
        await page.waitForURL((u) => u.pathname.startsWith('/duties/deputy/'));
        await settle(page);
        assert.equal((await page.locator('main h1').innerText()).trim(), '苏鑫的履职档案');
        expectNoConsoleErrors(page, `place ${width}`);
      });
    });

    test(`5. a broken stats file, an unknown deputy and a bad year: clear messages, never a blank page (${width}px)`, async () => {
      await withPage(app.browser, { width }, async (page) => {
        // The stats file fails once: the page says so in Chinese and 重试 brings the figures.
        let failed = false;
        await page.route('**/data/activity-stats/all.json', (route) => {
          if (failed) return route.continue();
          failed = true;
          return route.fulfill({ status: 200, contentType: 'application/json', body: '{"format_version":1,"scope":' });
        });
        await gotoApp(page, app.server.url + 'duties/stats');
        const err = page.locator('.data-error').first();
        await err.waitFor();
        assert.equal(await err.getAttribute('role'), 'alert');
        assert.match(await err.innerText(), /[\u4e00-\u9fff]/);
        await err.locator('.retry').click();
        await page.locator('figure.chart').first().waitFor();
        assert.equal(await page.locator('.data-error').count(), 0, 'the error is gone after 重试');

        // (No h1 here: the page cannot name a deputy it cannot load; the error says so.)
        await page.goto(app.server.url + 'duties/deputy/no-such-deputy');
        await page.locator('.data-error').first().waitFor();
        assert.match(await page.locator('.data-error').first().innerText(), /[\u4e00-\u9fff]/);
        await gotoApp(page, app.server.url + 'duties/report/city-0006/abc');
        assert.equal((await page.locator('main h1').innerText()).trim(), '页面不存在');
        // A path-like id never becomes a file path.
        await page.goto(app.server.url + 'duties/place/..%2Fsite');
        await page.locator('.data-error').first().waitFor();
        await axeCheck(page, `place error ${width}`);
        expectNoConsoleErrors(page, `errors ${width}`, [/404/]);
      });
    });
  });
}
