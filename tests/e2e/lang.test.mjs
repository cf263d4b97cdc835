// The language switch (中文 / EN): Chinese pays nothing for English (no catalog, no spelling
// table in its downloads); the switch keeps the route, its filters and quiz answers, and is remembered on the
// device; `?lang=en` opens a link in English; <html lang> and the title follow; names and places
// show their Latin spelling beside the characters; pinyin with capitals and spaces finds a deputy;
// legal text keeps 第十二条 with "Article 12" beside it; a catalog that cannot be fetched leaves
// the page in Chinese with a message, a stale one too.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, useAppServer, withPage, gotoApp, waitForApp, settle, shot, axeCheck, expectNoConsoleErrors, readData, eventually } from './lib.mjs';

const app = useAppServer();
const STORAGE_KEY = 'deputy-home.lang.v1';

/** Requests the page made for the English catalog or the spelling table. */
function englishDownloads(page) {
  const seen = [];
  page.on('request', (r) => {
    const u = r.url();
    if (u.includes('/i18n/') || u.endsWith('/latin.json')) seen.push(u);
  });
  return seen;
}

async function htmlLang(page) {
  return page.evaluate(() => document.documentElement.lang);
}

/** A deputy with a Han name and no Mongolian one, and its pinyin spelt from latin.json. */
function hanDeputy() {
  const latin = readData('latin.json');
  const page = readData('levels/city/page-1.json');
  const d = page.items.find((x) => !x.name_mn && [...x.name].every((c) => latin.chars[c]));
  const [surname, ...given] = [...d.name].map((c) => latin.chars[c]);
  const cap = (w) => w[0].toUpperCase() + w.slice(1);
  return { ...d, latin: `${cap(latin.surnames[d.name[0]] || surname)} ${cap(given.join(''))}` };
}

test('Chinese: no English catalog or spelling table is downloaded, <html lang="zh-CN">', async () => {
  await withPage(app.browser, {}, async (page) => {
    const seen = englishDownloads(page);
    for (const path of ['', 'direct', 'duties/deputy/city-0006']) {
      await gotoApp(page, app.server.url + path);
      await settle(page);
    }
    assert.equal(await htmlLang(page), 'zh-CN');
    assert.deepEqual(seen, [], 'a Chinese visit fetched English files');
    assert.equal(await page.locator('#language-switch').innerText(), 'EN');
  });
});

test('the switch keeps the route and its filters, is remembered, and sets <html lang> and the title', async () => {
  await withPage(app.browser, {}, async (page) => {
    await gotoApp(page, app.server.url + 'news?kind=profile');
    await settle(page);
    const zhH1 = await page.locator('main h1').innerText();
    await page.locator('#language-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 15_000 });
    await page.locator('main#main h1').waitFor();
    await settle(page);
    assert.ok(page.url().endsWith('/news?kind=profile'), `the address changed: ${page.url()}`);
    const h1 = await page.locator('main h1').innerText();
    assert.notEqual(h1, zhH1, 'the heading is still Chinese');
    assert.match(h1, /News/);
    assert.equal(await page.locator('#language-switch').innerText(), '中文');
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), 'en');
    await eventually(async () => assert.ok((await page.title()).startsWith(h1), `title "${await page.title()}" should start with "${h1}"`));
    // The bottom navigation is English too.
    assert.match(await page.locator('nav.bottom-nav').innerText(), /Home/);
    await shot(page, 'lang-en-news-375');

    // Remembered across a reload and a new visit.
    await page.reload();
    await page.locator('main#main h1').waitFor();
    assert.equal(await htmlLang(page), 'en');
    await gotoApp(page, app.server.url);
    assert.equal(await htmlLang(page), 'en');

    // And back.
    await page.locator('#language-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN', null, { timeout: 15_000 });
    await page.locator('main#main h1').waitFor();
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY), 'zh');
    expectNoConsoleErrors(page, 'switching');
  });
});

test('quiz answers chosen before a switch are still chosen after it', async () => {
  await withPage(app.browser, {}, async (page) => {
    const lesson = readData('training/lessons/write-suggestion.json');
    const key = `quiz-${lesson.id}`;
    const [first, second] = lesson.quiz.questions;
    await gotoApp(page, `${app.server.url}training/lesson/${lesson.id}`);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.locator('.quiz-form').waitFor({ state: 'visible' });
    const picked = [`#${key}-${first.id}-${first.answer[0]}`, `#${key}-${second.id}-${second.answer[0]}`];
    for (const id of picked) await page.locator(id).check();
    // The switch reloads the page once the catalog has come: wait for that load, not for
    // <html lang>, which changes just before it (a script sent then would be lost with the page).
    const reloaded = page.waitForEvent('load', { timeout: 15_000 });
    await page.locator('#language-switch').click();
    await reloaded;
    await waitForApp(page);
    assert.equal(await htmlLang(page), 'en');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.locator('.quiz-form').waitFor({ state: 'visible' });
    await eventually(async () => assert.match(await page.locator('.quiz-form button[type="submit"]').innerText(), /[A-Za-z]/));
    for (const id of picked) assert.ok(await page.locator(id).isChecked(), `${id} after the switch`);
    expectNoConsoleErrors(page, 'quiz across the switch');
  });
});

test('?lang=en opens a link in English: a deputy with their name and place in Latin letters', async () => {
  await withPage(app.browser, {}, async (page) => {
    // A Mongolian deputy: the data's own transcription; the place's official Latin name.
    const mongol = readData('deputies/city-0006.json');
    assert.ok(mongol.name_mn && mongol.name_latin, 'city-0006 should be a Mongolian deputy with a transcription');
    await gotoApp(page, app.server.url + 'direct/deputy/city-0006?lang=en');
    assert.equal(await htmlLang(page), 'en');
    const head = page.locator('.deputy-head');
    await eventually(async () => assert.match(await head.innerText(), new RegExp(mongol.name_latin)));
    assert.equal(await head.locator('h1 .latin').getAttribute('lang'), 'en');
    assert.equal(await head.locator('.name-mn').getAttribute('lang'), 'mn-Mong');
    await shot(page, 'lang-en-deputy-375');

    // A Han name: surname and given name in pinyin; its place too.
    const d = hanDeputy();
    await gotoApp(page, app.server.url + `direct/deputy/${d.id}`);
    await eventually(async () => assert.match(await head.innerText(), new RegExp(d.latin)));
    const latin = readData('latin.json');
    const place = latin.places[d.region_name];
    if (place) assert.match(await head.innerText(), new RegExp(place));
    await axeCheck(page, 'deputy page in English');
    expectNoConsoleErrors(page, 'deputy page in English');
  });
});

test('English: pinyin with capitals and spaces, or a Mongolian name\'s transcription, finds a deputy; names in the results are spelt', async () => {
  await withPage(app.browser, {}, async (page) => {
    const d = hanDeputy();
    await gotoApp(page, app.server.url + 'direct?lang=en');
    await page.getByLabel('Name').fill(d.latin);
    const card = page.locator('.deputy-card', { hasText: d.name }).first();
    await card.waitFor({ timeout: 15_000 });
    assert.match(await card.innerText(), new RegExp(d.latin));
    await shot(page, 'lang-en-search-375');
    // A Mongolian name by the transcription the English UI shows beside it.
    const mongol = readData('deputies/city-0006.json');
    await page.getByLabel('Name').fill(mongol.name_latin);
    const found = page.locator('.deputy-card', { hasText: mongol.name }).first();
    await found.waitFor({ timeout: 15_000 });
    assert.match(await found.innerText(), new RegExp(mongol.name_latin));
  });
});

test('English: the legal text keeps 第一条 with "Article 1" beside it; weekdays are English', async () => {
  await withPage(app.browser, {}, async (page) => {
    await gotoApp(page, app.server.url + 'consult/2025-01?lang=en');
    const first = page.locator('.article-label').first();
    await first.waitFor();
    assert.equal(await first.innerText(), '第一条 (Article 1)');
    await shot(page, 'lang-en-consult-375');
    await gotoApp(page, app.server.url);
    await page.locator('.week-list').first().waitFor();
    assert.match(await page.locator('.week-list').first().innerText(), /\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)/);
  });
});

test('a catalog that cannot be fetched: the page stays Chinese and says so; a stale one is not used', async () => {
  await withPage(app.browser, {}, async (page) => {
    await page.route('**/i18n/en.json', (route) => route.fulfill({ status: 503, body: 'busy' }));
    await gotoApp(page, app.server.url + 'direct');
    await page.locator('#language-switch').click();
    const alert = page.locator('.language-failed');
    await alert.waitFor({ state: 'visible' });
    assert.match(await alert.innerText(), /暂时无法切换语言/);
    assert.equal(await htmlLang(page), 'zh-CN');
    assert.match(await page.locator('main h1').innerText(), /直通代表/);
  });
  await withPage(app.browser, {}, async (page) => {
    // A catalog of another release: as many keys, one renamed. Chinese, not messages on the
    // wrong keys, a mix or a blank page.
    const real = readFileSync(path.join(ROOT, 'locales', 'en.json'), 'utf8');
    const renamed = real.replace('"home":', '"homepage":');
    assert.notEqual(renamed, real);
    await page.route('**/i18n/en.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: renamed }));
    await gotoApp(page, app.server.url + 'direct?lang=en');
    assert.equal(await htmlLang(page), 'zh-CN');
    assert.match(await page.locator('main h1').innerText(), /直通代表/);
  });
});
