// 阳光履职: the station map, 履职评议 and news by kind, end to end at 375 px and 1280 px:
//   1. map: Tab to a station marker in the SVG, Enter opens the station with this week's
//      reception; a 旗县区 area (by keyboard) filters the station list; the table alternative;
//   2. 履职评议: vote for a case → "您已投票", kept after reload, the outbox holds the vote;
//      outside the voting period no button is active;
//   3. news: paging, the 代表风采 filter, and read-aloud on a 代表风采 story (speak/cancel observed).
// Every page gets a screenshot and an axe-core check (the map included).

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MOBILE, DESKTOP, useAppServer, readData, withPage, gotoApp, reloadApp, settle, shot, axeCheck, expectNoConsoleErrors, eventually } from './lib.mjs';

const app = useAppServer();
// Inside the demo's voting period and in the week of 2026-11-23 (a county branch receives on Tuesdays).
const TODAY = '2026-11-28T10:00:00+08:00';

/** Press Tab until the focused element matches `selector` (at most `max` times). */
async function tabTo(page, selector, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) return i + 1;
  }
  assert.fail(`Tab never reached ${selector}`);
}

async function h1(page) {
  return (await page.locator('main h1').innerText()).trim();
}

for (const width of [MOBILE, DESKTOP]) {
  describe(`阳光履职 map, 评议, news at ${width}px`, () => {
    test(`1. map: a marker opened by keyboard, an area filters the list (${width}px)`, async () => {
      const map = readData('map.json');
      const stations = readData('stations/index.json').stations;
      await withPage(app.browser, { width }, async (page) => {
        await page.clock.setFixedTime(new Date(TODAY));
        await gotoApp(page, app.server.url + 'duties/map');
        await settle(page);
        assert.equal(await h1(page), '联络站地图');
        const svg = page.locator('svg.region-map');
        await svg.waitFor();
        assert.equal(await svg.locator('g.map-area a').count(), 7, 'seven 旗县区 areas, each a link');
        assert.equal(await svg.locator('g.map-marker a').count(), map.markers.length);
        for (const m of map.markers) {
          assert.equal(await svg.locator(`g.map-marker a[aria-label="${m.name}"]`).count(), 1, `marker ${m.name} has its name`);
        }
        // Legible on a phone: the map fills the width and the area names are drawn at 13 px or more.
        const box = await svg.boundingBox();
        assert.ok(box.width >= Math.min(width, 1000) * 0.8 - 40, `the map is ${box.width}px wide`);
        const namePx = await svg.locator('g.map-names text').first().evaluate((t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a);
        assert.ok(namePx >= 13, `area names are drawn at ${namePx}px`);
        // The list alternative: one row per 旗县区.
        assert.equal(await page.locator('table.county-table tbody tr').count(), 7);
        await shot(page, `sunshine-map-${width}`);
        await axeCheck(page, `map ${width}`);

        // Keyboard only: Tab to 临河区's branch marker, Enter.
        const branch = map.markers.find((m) => m.station_id === 's-150802');
        await page.locator('main h1').focus();
        await tabTo(page, `g.map-marker a[aria-label="${branch.name}"]`);
        const ring = await page.evaluate(() => getComputedStyle(document.activeElement.querySelector('.dot')).strokeWidth);
        assert.equal(ring, '5px', 'the focused marker shows a focus ring');
        await page.keyboard.press('Enter');
        assert.ok(await eventually(async () => (await h1(page)) === branch.name));
        await settle(page);
        assert.match(page.url(), /\/duties\/stations\/s-150802$/);
        const week = page.locator('ul.this-week li');
        assert.ok((await week.count()) >= 1, 'this week has a reception at the branch');
        assert.match(await week.first().innerText(), /2026-11-24 周二/, 'the date with its weekday');
        await shot(page, `sunshine-map-station-${width}`);

        // Back to the map; an area by keyboard filters the station list to that 旗县区.
        await gotoApp(page, app.server.url + 'duties/map');
        await settle(page);
        const wuyuan = map.areas.find((a) => a.name === '五原县');
        await page.locator('main h1').focus();
        await tabTo(page, `g.map-area a[href$="county=${wuyuan.region_code}"]`);
        await page.keyboard.press('Enter');
        assert.ok(await eventually(async () => page.url().includes(`county=${wuyuan.region_code}`) && (await page.locator('li.station-row').count()) > 0));
        await settle(page);
        const want = stations.filter((s) => s.region_code.startsWith(wuyuan.region_code)).length;
        assert.equal(await page.locator('li.station-row').count(), want, 'the list shows the stations of 五原县');
        assert.equal(await page.locator('#s-county').inputValue(), wuyuan.region_code, 'the county filter shows 五原县');
        expectNoConsoleErrors(page, `map ${width}`);
      });
    });

    test(`2. 履职评议: one vote per case, kept after reload, in the outbox (${width}px)`, async () => {
      const ev = readData('evaluation.json');
      const first = ev.cases[0];
      await withPage(app.browser, { width }, async (page) => {
        await page.clock.setFixedTime(new Date(TODAY));
        await gotoApp(page, app.server.url + 'duties/evaluation');
        await settle(page);
        assert.equal(await h1(page), ev.title);
        const cards = page.locator('li.case-card');
        assert.equal(await cards.count(), ev.cases.length);
        const card = cards.filter({ has: page.getByRole('heading', { name: first.title }) });
        const votes = ev.tallies.find((t) => t.case_id === first.id).votes;
        assert.match(await card.locator('.tally').innerText(), new RegExp(`${votes} 票`), 'the published tally');
        assert.equal(await page.locator('table.tally-table tbody tr').count(), ev.cases.length);
        for (const d of first.deputies) assert.equal(await card.getByRole('link', { name: d.name }).count(), 1, `deputy ${d.name} is linked`);
        await shot(page, `sunshine-evaluation-${width}`);
        await axeCheck(page, `evaluation ${width}`);

        const button = card.locator('button.vote-button');
        assert.equal(await button.innerText(), '投票');
        await button.focus();
        await page.keyboard.press('Enter');
        await card.locator('[role="status"]').waitFor();
        assert.equal(await button.innerText(), '您已投票');
        assert.ok(await button.isDisabled(), 'voted: the button is disabled');
        const outbox = JSON.parse(await page.evaluate(() => localStorage.getItem('deputy-home.outbox.v1')));
        const vote = outbox.map((i) => i.submission).filter((s) => s.kind === 'vote');
        assert.equal(vote.length, 1, 'one vote in the outbox');
        assert.equal(vote[0].payload.case_id, first.id);
        assert.equal(vote[0].payload.year, ev.year);
        await shot(page, `sunshine-evaluation-voted-${width}`);
        await axeCheck(page, `evaluation voted ${width}`);

        await reloadApp(page);
        await settle(page);
        const again = page.locator('li.case-card').filter({ has: page.getByRole('heading', { name: first.title }) }).locator('button.vote-button');
        assert.equal(await again.innerText(), '您已投票', 'the vote is remembered after reload');
        assert.ok(await again.isDisabled());
        const other = page.locator('li.case-card').nth(1).locator('button.vote-button');
        assert.equal(await other.innerText(), '投票', 'other cases can still be voted for');
        assert.ok(await other.isEnabled());

        // Without the remembered list (storage cleared of it) the vote in the outbox still counts.
        await page.evaluate(() => localStorage.removeItem('deputy-home.votes.v1'));
        await reloadApp(page);
        await settle(page);
        const still = page.locator('li.case-card').filter({ has: page.getByRole('heading', { name: first.title }) }).locator('button.vote-button');
        assert.equal(await still.innerText(), '您已投票', 'the outbox also marks the case as voted');

        // 我的提交 lists the vote like any submission.
        await gotoApp(page, app.server.url + 'mine');
        await settle(page);
        assert.ok(await eventually(async () => (await page.locator('main').innerText()).includes(`履职评议投票：${first.title}`)), '我的提交 lists the vote');
        await axeCheck(page, `mine with a vote ${width}`);

        // After the voting period nothing can be voted for.
        await gotoApp(page, app.server.url + 'duties/evaluation');
        await page.clock.setFixedTime(new Date('2027-01-05T10:00:00+08:00'));
        await reloadApp(page);
        await settle(page);
        const closed = page.locator('li.case-card').nth(1).locator('button.vote-button');
        assert.equal(await closed.innerText(), '不在投票时间');
        assert.ok(await closed.isDisabled());
        expectNoConsoleErrors(page, `evaluation ${width}`);
      });
    });

    test(`3. news: paging, the 代表风采 filter, read-aloud on a story (${width}px)`, async () => {
      const all1 = readData('news/page-1.json');
      const all2 = readData('news/page-2.json');
      const profiles = readData('news/profile/page-1.json');
      await withPage(app.browser, { width }, async (page) => {
        await page.addInitScript(() => {
          window.__speech = [];
          const synth = window.speechSynthesis;
          synth.speak = (u) => window.__speech.push({ call: 'speak', lang: u.lang, text: u.text });
          synth.cancel = () => window.__speech.push({ call: 'cancel' });
        });
        await gotoApp(page, app.server.url + 'news');
        await settle(page);
        const titles = async () => (await page.locator('a.news-link').allInnerTexts()).map((t) => t.trim());
        assert.deepEqual(await titles(), all1.items.map((i) => i.title));
        await page.getByRole('link', { name: '下一页', exact: true }).click();
        assert.ok(await eventually(async () => JSON.stringify(await titles()) === JSON.stringify(all2.items.map((i) => i.title))));
        assert.match(page.url(), /page=2/);
        assert.match(await page.locator('.pager-status').innerText(), /第 2 页 \/ 共 2 页/);

        await page.getByRole('link', { name: '代表风采', exact: true }).click();
        assert.ok(await eventually(async () => JSON.stringify(await titles()) === JSON.stringify(profiles.items.map((i) => i.title))));
        assert.match(page.url(), /kind=profile/);
        assert.doesNotMatch(page.url(), /page=/, 'a new filter starts at page 1');
        const tags = await page.locator('.news-item .tag').allInnerTexts();
        assert.ok(tags.length >= 1 && tags.every((t) => t.trim() === '代表风采'), `only 代表风采: ${tags}`);
        assert.equal(await page.locator('nav.kind-tabs a[aria-current="page"]').innerText(), '代表风采');
        await shot(page, `sunshine-news-profile-${width}`);
        await axeCheck(page, `news profile ${width}`);

        const story = profiles.items[0];
        await page.getByRole('link', { name: story.title }).click();
        assert.ok(await eventually(async () => (await h1(page)) === story.title));
        await settle(page);
        await page.getByRole('button', { name: '朗读全文' }).click();
        await page.getByRole('button', { name: '停止朗读' }).waitFor();
        const spoken = (await page.evaluate(() => window.__speech)).find((c) => c.call === 'speak');
        assert.ok(spoken && spoken.lang === 'zh-CN' && spoken.text.startsWith(story.title), 'speak() in zh-CN with the story');
        await page.getByRole('button', { name: '停止朗读' }).click();
        await page.getByRole('button', { name: '朗读全文' }).waitFor();
        const calls = await page.evaluate(() => window.__speech);
        assert.equal(calls[calls.length - 1].call, 'cancel', 'stop cancels the speech');
        expectNoConsoleErrors(page, `news ${width}`);
      });
    });
  });
}
