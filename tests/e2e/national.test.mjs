// The app on a national-shaped data set (31 provinces, ~340 prefectures, ~2,800 counties,
// ~38,000 townships), at 375 px and 1280 px: the directory finds a deputy by name (characters
// and pinyin initials, fetching only the index leaves the query needs) and by place (province,
// then prefecture), and a one-letter query asks for more letters instead of downloading the
// index. A liaison station (a prefecture's 联络总站 and a township's 代表之家) opens with its
// deputies, a published letter opens by its receipt code, and the public Q&A and the news list
// have items. The data is generated at --scale 0.01 (about 77,000 deputies, every division kept) by
// scripts/national-dist.sh, which the before hook runs unless NATIONAL_DIST points at a build;
// the full 2.7 million are measured by scripts/bench-data.sh instead (too slow for CI).

import { before, after, test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  ROOT,
  MOBILE,
  DESKTOP,
  useAppServer,
  readData,
  newPage,
  closePage,
  gotoApp,
  expectNoConsoleErrors,
  settle,
  shot,
  axeCheck,
  eventually,
  textOr,
} from './lib.mjs';

// Its own folder under TMPDIR (in memory during scripts/test.sh): files run side by side.
const DIR = process.env.NATIONAL_DIST || path.join(os.tmpdir(), `deputy-national-dist-${process.pid}`);
let target;

before(() => {
  if (!process.env.NATIONAL_DIST) {
    execFileSync('bash', [path.join(ROOT, 'scripts/national-dist.sh'), DIR, '0.01'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  target = pickTarget();
});

const app = useAppServer({ dir: DIR });

// The generated data is about 335,000 small files (1.6 GB on disk): removed once the journeys are
// done, so later steps (and CI's disk) do not carry it.
after(() => {
  if (!process.env.NATIONAL_DIST) {
    fs.rmSync(`${DIR}.data`, { recursive: true, force: true });
    fs.rmSync(DIR, { recursive: true, force: true });
  }
});

/**
 * A provincial-level deputy (elected by a prefecture) whose name no other deputy has, with the
 * pinyin the index holds: the name then finds exactly one person.
 */
function pickTarget() {
  const dir = path.join(DIR, 'data/search/py');
  const entries = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.startsWith('keys-'))
    .sort()
    .flatMap((f) => readData(`search/py/${f}`, DIR).entries);
  const count = new Map();
  for (const e of entries) count.set(e.name, (count.get(e.name) || 0) + 1);
  const e = entries.find((x) => x.level === 'region' && count.get(x.name) === 1 && [...x.name].length === 3);
  assert.ok(e, 'no provincial-level deputy with a unique three-character name in the national set');
  const region = readData(`regions/${e.region_code}.json`, DIR);
  const province = region.path.at(-1);
  const initials = e.pinyin.split(' ').map((s) => s[0]).join('');
  return { ...e, province, initials };
}

async function waitHeading(page, re, label) {
  const ok = await eventually(async () => {
    const h = page.locator('h2.results-heading');
    return (await h.count()) && re.test(await h.innerText());
  });
  const now = await textOr(page.locator('h2.results-heading'), '(no h2.results-heading)');
  assert.ok(ok, `${label}: the results heading should match ${re}; it shows: ${now}`);
  await settle(page);
  return now.trim();
}

async function cardHrefs(page) {
  return page.locator('li.deputy-card a.deputy-name').evaluateAll((els) => els.map((a) => [a.textContent.trim(), a.getAttribute('href')]));
}

/** Data files the page fetched, by path under data/. */
function recordFetches(page) {
  const seen = [];
  page.on('request', (r) => {
    const m = new URL(r.url()).pathname.match(/\/data\/(.+)$/);
    if (m) seen.push(m[1]);
  });
  return seen;
}

for (const width of [MOBILE, DESKTOP]) {
  describe(`national scale at ${width}px`, () => {
    test(`opens a station, a letter and the news of the national build (${width}px)`, async () => {
      const page = await newPage(app.browser, { width });
      try {
        const label = `national stations and letters at ${width}px`;
        // The target's 联络总站 (a prefecture's hub) lists them among its deputies.
        const deputy = readData(`deputies/${target.id}.json`, DIR);
        assert.ok(deputy.station_id, `${label}: ${target.id} should be attached to a station`);
        const hub = readData(`stations/${deputy.station_id}.json`, DIR);
        await gotoApp(page, app.server.url + `duties/stations/${hub.id}`);
        await page.locator('main#main h1').waitFor({ state: 'visible' });
        assert.equal((await page.locator('main#main h1').innerText()).trim(), hub.name, `${label}: the hub's name`);
        const names = page.locator('ul.deputy-list li.deputy-card a.deputy-name');
        await eventually(async () => (await names.count()) > 0);
        assert.ok((await names.allInnerTexts()).map((t) => t.trim()).includes(target.name), `${label}: ${hub.name} lists ${target.name}`);
        await shot(page, `national-station-${width}`);
        await axeCheck(page, `${label} (hub)`);

        // A township's 代表之家, under its county's 联络分站, with its deputies.
        const county = readData(`regions/${hub.region_code}.json`, DIR).children[0];
        const town = readData(`regions/${county.code}.json`, DIR).children[0];
        const home = readData(`stations/s-${town.code}.json`, DIR);
        assert.equal(home.tier, 'township_home');
        await gotoApp(page, app.server.url + `duties/stations/${home.id}`);
        await page.locator('main#main h1').waitFor({ state: 'visible' });
        assert.equal((await page.locator('main#main h1').innerText()).trim(), home.name, `${label}: the home's name`);
        await eventually(async () => (await names.count()) === home.deputy_ids.length);
        assert.equal(await names.count(), home.deputy_ids.length, `${label}: ${home.name} lists its ${home.deputy_ids.length} deputies`);

        // A published letter with a reply, by its receipt code.
        const records = fs
          .readdirSync(path.join(DIR, 'data/track'))
          .sort()
          .map((f) => readData(`track/${f}`, DIR));
        assert.ok(records.length >= 50, `${label}: letters in the national build (${records.length})`);
        const rec = records.find((r) => r.public && r.events.at(-1).type === 'replied');
        assert.ok(rec, `${label}: a public letter whose last event is a reply`);
        await gotoApp(page, app.server.url + `direct/track?code=${rec.receipt_code}`);
        const record = page.locator('.record');
        await record.waitFor({ state: 'visible' });
        assert.ok((await record.locator('h2').innerText()).includes(rec.subject), `${label}: the letter's subject`);
        assert.equal(await record.locator('ol.timeline > li').count(), rec.events.length, `${label}: one timeline entry per event`);
        assert.ok((await record.locator('ol.timeline').innerText()).includes(rec.events.at(-1).text), `${label}: the reply`);
        await shot(page, `national-letter-${width}`);
        await axeCheck(page, `${label} (letter)`);

        // The public Q&A and the news list have items.
        await gotoApp(page, app.server.url + 'direct/qa');
        await page.locator('li.qa-item').first().waitFor({ state: 'visible' });
        await gotoApp(page, app.server.url + 'news');
        await page.locator('main#main a[href*="/news/"]').first().waitFor({ state: 'visible' });
        expectNoConsoleErrors(page, label, [/404/]);
      } finally {
        await closePage(page);
      }
    });

    test(`finds a deputy by name, fetching only the leaves the query needs (${width}px)`, async () => {
      const page = await newPage(app.browser, { width });
      const fetched = recordFetches(page);
      try {
        const label = `/direct name search at ${width}px`;
        await gotoApp(page, app.server.url + 'direct');
        const input = page.locator('#f-name');
        await input.fill(target.name);
        await waitHeading(page, /共 1 位/, `${label}: ${target.name}`);
        const found = await cardHrefs(page);
        assert.deepEqual(found.map((c) => c[0]), [target.name], `${label}: ${target.name} should list only that deputy`);
        assert.ok(found[0][1].endsWith(`/direct/deputy/${target.id}`), `${label}: the card links to ${target.id}: ${found[0][1]}`);
        const search = fetched.filter((f) => f.startsWith('search/'));
        assert.ok(search.includes('search/meta.json'), `${label}: meta.json first`);
        const leaves = search.filter((f) => f !== 'search/meta.json' && !f.includes('/keys-'));
        assert.ok(leaves.length >= 1 && leaves.length <= 3, `${label}: a full name needs 1–3 leaf files, fetched ${JSON.stringify(search)}`);
        await shot(page, `national-name-${width}`);
        await axeCheck(page, label);

        // Pinyin initials find the same person among the names sharing them.
        await input.fill(target.initials);
        await waitHeading(page, /共 \d+ 位/, `${label}: ${target.initials}`);
        const byInitials = await page.locator('li.deputy-card').count();
        assert.ok(byInitials >= 1, `${label}: ${target.initials} should list deputies`);

        // One letter matches too many at this scale: a hint to type more, no list, no full index.
        const before = fetched.length;
        await input.fill('w');
        const hint = page.locator('p.search-more');
        await hint.waitFor({ state: 'visible' });
        assert.match(await hint.innerText(), /约有 \d+ 位/, `${label}: "w" should ask for more letters`);
        assert.equal((await page.locator('h2.results-heading').innerText()).trim(), '请再多输入一些', `${label}: the heading should not say 0 deputies`);
        assert.equal(await page.locator('p.empty').count(), 0, `${label}: no "nothing found" when there are too many`);
        const forW = fetched.slice(before).filter((f) => f.startsWith('search/') && !f.includes('/keys-') && f !== 'search/meta.json');
        assert.deepEqual(forW, [], `${label}: "w" should fetch no leaf, fetched ${JSON.stringify(forW)}`);
        await shot(page, `national-type-more-${width}`);
        await axeCheck(page, `${label} (type more)`);

        // The deputy's page opens (no Q&A file: nobody has written to them yet).
        await gotoApp(page, app.server.url + `direct/deputy/${target.id}`);
        await page.locator('main#main h1').waitFor({ state: 'visible' });
        assert.equal((await page.locator('main#main h1').innerText()).trim(), target.name);
        await page.locator('dl.stats').waitFor({ state: 'visible' });
        expectNoConsoleErrors(page, label, [/404/]);
      } finally {
        await closePage(page);
      }
    });

    test(`finds a deputy by place: province, then prefecture (${width}px)`, async () => {
      const page = await newPage(app.browser, { width });
      try {
        const label = `/direct by place at ${width}px`;
        await gotoApp(page, app.server.url + 'direct');
        const provinces = await page.locator('#f-county option').count();
        assert.equal(provinces, 32, `${label}: 31 provinces and "any"`);
        await page.locator('#f-county').selectOption(target.province.code);
        await eventually(async () => (await page.locator('#f-town option').count()) > 1);
        await page.locator('#f-town').selectOption(target.region_code);
        await waitHeading(page, new RegExp(target.region_name), `${label}: ${target.region_name}`);
        const found = await cardHrefs(page);
        assert.ok(
          found.some(([name, href]) => name === target.name && href.endsWith(`/direct/deputy/${target.id}`)),
          `${label}: ${target.region_name} should list ${target.name}: ${JSON.stringify(found)}`,
        );
        await shot(page, `national-place-${width}`);
        await axeCheck(page, label);

        // Name and place together.
        await page.locator('#f-name').fill(target.name);
        await eventually(async () => (await page.locator('li.deputy-card').count()) === 1);
        assert.deepEqual((await cardHrefs(page)).map((c) => c[0]), [target.name], `${label}: place and name together`);
        expectNoConsoleErrors(page, label);
      } finally {
        await closePage(page);
      }
    });
  });
}
