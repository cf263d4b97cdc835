// A second city (tests/second-city: a source folder written by hand from the docs, not by the
// generator), built with `deputy-data build` beside the release build's app and walked at both
// widths: every module it runs works on its small data, with no data error and no console
// error; the modules it does not run (代表培训, the map, 履职评议: it has no data for them)
// are left out of the menus and the home page, and their pages say 暂未开通 (issue 16, part 4).

import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  ROOT,
  DIST,
  MOBILE,
  DESKTOP,
  requireBuild,
  BUILD_HINT,
  useAppServer,
  withPage,
  gotoApp,
  settle,
  expectNoConsoleErrors,
  axeCheck,
  shot,
  navLabelFor,
  readData,
  setCareMode,
  assertTargetHeights,
  nativeBin,
} from './lib.mjs';

// The app of the release build with the second city's data instead of the demo's.
const SITE = fs.mkdtempSync(path.join(os.tmpdir(), 'second-city-'));
requireBuild(DIST, BUILD_HINT);
fs.cpSync(DIST, SITE, { recursive: true, filter: (src) => path.relative(DIST, src).split(path.sep)[0] !== 'data' });
execFileSync(nativeBin('deputy-data'), ['build', 'tests/second-city', path.join(SITE, 'data')], {
  cwd: ROOT,
  stdio: ['ignore', 'ignore', 'inherit'],
});
const app = useAppServer({ dir: SITE });
const data = (rel) => readData(rel, SITE);

/** Pages of the second city: path, the h1 it must have, and what the page must show. */
const PAGES = [
  { name: 'home', path: '', h1: '乌海市网上代表之家', shows: ['乌海市网上代表之家开通'] },
  { name: 'direct', path: 'direct', h1: '直通代表' },
  { name: 'direct-place', path: 'direct?county=150302', h1: '直通代表', cards: ['李海燕'] },
  { name: 'deputy-mn', path: 'direct/deputy/wh-0002', h1: '巴特尔', shows: ['ᠪᠠᠭᠠᠲᠤᠷ', '乌达区'] },
  { name: 'write', path: 'direct/write/wh-0001', h1: '写信', shows: ['李海燕'] },
  { name: 'qa', path: 'direct/qa', h1: '' },
  { name: 'consult', path: 'consult', h1: '征求意见' },
  { name: 'duties', path: 'duties', h1: '阳光履职' },
  { name: 'stations', path: 'duties/stations', h1: '', shows: ['乌海市人大代表联络总站'], links: ['/duties/stations/s-150302'] },
  { name: 'station', path: 'duties/stations/s-150302', h1: '海勃湾区人大代表联络站', shows: ['王芳'] },
  { name: 'record', path: 'duties/deputy/wh-0001', h1: '李海燕' },
  { name: 'stats', path: 'duties/stats', h1: '' },
  { name: 'place', path: 'duties/place/150302001', h1: '新华街道', shows: ['王芳'] },
  { name: 'news', path: 'news', h1: '', shows: ['乌海市网上代表之家开通'] },
  { name: 'article', path: 'news/2026-0001', h1: '乌海市网上代表之家开通' },
  { name: 'proposals', path: 'proposals', h1: '' },
  // It has no suggestion yet: the list and the statistics are empty, not an error (the build
  // writes no year file; the app asks for none).
  // (No year to choose; charts and the units' table say 暂无数据 instead of empty tables.)
  { name: 'proposal-list', path: 'proposals/list', h1: '建议办理公开', shows: ['共 0 件', '这一年还没有公开的建议。'], absent: ['#f-year'] },
  { name: 'proposal-stats', path: 'proposals/stats', h1: '建议办理统计', shows: ['2026 年共提出建议 0 件', '暂无数据'], absent: ['#st-year', '.unit-table'] },
  { name: 'mine', path: 'mine', h1: '' },
  { name: 'more', path: 'more', h1: '' },
];

/** Pages of modules the city does not run, and the module's name in their h1. */
const NOT_OPEN = [
  { path: 'training', name: '代表培训' },
  { path: 'training/course/c-basics', name: '代表培训' },
  { path: 'duties/map', name: '地图' },
  { path: 'duties/evaluation', name: '履职评议' },
];

describe('a second city, written by hand', () => {
  before(() => {
    assert.deepEqual(data('site.json').modules, ['direct', 'consult', 'duties', 'proposals'], 'build derives the modules the city runs');
  });

  for (const width of [MOBILE, DESKTOP]) {
    test(`every page of the modules it runs works on its data (${width}px)`, async () => {
      await withPage(app.browser, { width }, async (page) => {
        for (const p of PAGES) {
          const label = `second city /${p.path} at ${width}px`;
          await gotoApp(page, app.server.url + p.path).catch((e) => {
            throw new Error(`${label}: the page did not render: ${e.message}`);
          });
          await settle(page);
          assert.equal(await page.locator('.data-error').count(), 0, `${label}: no data error, found: ${await page.locator('main#main').innerText()}`);
          const h1 = (await page.locator('main#main h1').innerText()).trim();
          assert.ok(h1.length > 0 && h1.includes(p.h1), `${label}: h1 "${h1}" should contain "${p.h1}"`);
          const main = await page.locator('main#main').innerText();
          for (const word of p.shows || []) assert.ok(main.includes(word), `${label}: should show "${word}"`);
          if (p.cards) {
            await page.locator('li.deputy-card').first().waitFor({ state: 'visible' });
            const names = await page.locator('li.deputy-card a.deputy-name').allInnerTexts();
            for (const name of p.cards) assert.ok(names.join(' ').includes(name), `${label}: cards should list ${name}: ${names.join(', ')}`);
          }
          for (const sel of p.absent || []) {
            assert.equal(await page.locator(`main#main ${sel}`).count(), 0, `${label}: should have no ${sel}`);
          }
          for (const href of p.links || []) {
            assert.ok((await page.locator(`main#main a[href$="${href}"]`).count()) > 0, `${label}: should link to ${href}`);
          }
          assert.ok(!main.includes('暂未开通'), `${label}: a module the city runs is open`);
          await axeCheck(page, label);
          await shot(page, `second-city-${p.name}-${width}`);
        }
        expectNoConsoleErrors(page, `second city at ${width}px`);
      });
    });

    if (width === MOBILE) {
      test('its deep links are its own pages: build wrote them beside the app, and removed the demo’s', async () => {
        const res = await fetch(app.server.url + 'direct/deputy/wh-0002');
        assert.equal(res.status, 200);
        assert.match(await res.text(), /<title>巴特尔 - 乌海市网上代表之家<\/title>/);
        assert.equal((await fetch(app.server.url + 'direct/deputy/city-0006')).status, 404, 'no page of the demo’s deputies');
        assert.equal((await fetch(app.server.url + 'training')).status, 404, 'no page of a module it does not run');
        const sitemap = await (await fetch(app.server.url + 'sitemap.xml')).text();
        assert.ok(sitemap.includes('<loc>https://renda.wuhai.example.gov.cn/direct/deputy/wh-0001</loc>'), sitemap.slice(0, 400));
        assert.ok(fs.existsSync(path.join(SITE, 'data/export/deputies.csv')), 'open data with the release (site.json has its url)');
      });
    }

    test(`modules it does not run are left out and say 暂未开通 (${width}px)`, async () => {
      await withPage(app.browser, { width }, async (page) => {
        const asked = [];
        page.on('request', (r) => {
          const u = new URL(r.url()).pathname;
          if (/\/data\/(training\/|map\.json|evaluation\.json)/.test(u)) asked.push(u);
        });
        await gotoApp(page, app.server.url);
        await settle(page);
        // Not the demo's: no notice that the names are made up.
        assert.equal(await page.locator('footer .footer-note').count(), 0, 'a site without a notice shows none');
        const cards = await page.locator('.module-grid .module-card:visible .module-title').allInnerTexts();
        assert.deepEqual(cards, ['直通代表', '征求意见', '阳光履职', '建议提交'], `home at ${width}px: the modules it runs`);
        const nav = page.locator(`nav[aria-label="${navLabelFor(width)}"] a.nav-link:visible`);
        const navTexts = (await nav.allInnerTexts()).map((t) => t.trim());
        assert.ok(!navTexts.includes('代表培训'), `nav at ${width}px should leave out 代表培训: ${navTexts.join(', ')}`);

        await gotoApp(page, app.server.url + 'duties');
        await settle(page);
        const hub = await page.locator('.module-grid .module-card:visible .module-title').allInnerTexts();
        assert.ok(!hub.some((t) => /地图|履职评议/.test(t)), `/duties at ${width}px should leave out the map and 履职评议: ${hub.join(', ')}`);
        await gotoApp(page, app.server.url + 'more');
        const more = await page.locator('main#main a:visible').allInnerTexts();
        assert.ok(!more.includes('代表培训') && more.includes('建议提交'), `/more at ${width}px: ${more.join(', ')}`);
        await gotoApp(page, app.server.url + 'direct/write/wh-0001');
        assert.equal(await page.locator('main#main a[href$="/training/lesson/write-letter"]:visible').count(), 0, 'no link to a course the city does not have');

        for (const p of NOT_OPEN) {
          const label = `second city /${p.path} at ${width}px`;
          await gotoApp(page, app.server.url + p.path);
          await page.locator('section.not-open').waitFor({ state: 'visible' });
          const h1 = (await page.locator('main#main h1').innerText()).trim();
          assert.ok(h1.includes(p.name) && h1.includes('暂未开通'), `${label}: h1 "${h1}" should name ${p.name} and say 暂未开通`);
          assert.equal(await page.locator('.data-error').count(), 0, `${label}: 暂未开通 is not an error`);
          await axeCheck(page, label);
          if (p === NOT_OPEN[0]) await shot(page, `second-city-not-open-${width}`);
        }
        // In 关怀版: large text, and its links are big enough to tap.
        await setCareMode(page, true);
        await gotoApp(page, app.server.url + 'training');
        await page.locator('section.not-open').waitFor({ state: 'visible' });
        await assertTargetHeights(page, 60, `暂未开通 in 关怀版 at ${width}px`);
        await axeCheck(page, `暂未开通 in 关怀版 at ${width}px`);
        await shot(page, `second-city-not-open-${width}-care`);
        await setCareMode(page, false);
        // A module that needs data of its own waits for site.json: no request, no 404.
        assert.deepEqual(asked, [], `no request for courses, the map or 履职评议: ${asked.join(', ')}`);
        expectNoConsoleErrors(page, `second city, closed modules at ${width}px`);
      });
    });
  }
});
