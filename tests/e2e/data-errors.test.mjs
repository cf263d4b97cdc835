// Data errors: when data/site.json or data/news/page-1.json is missing, truncated, of the wrong
// shape, of a newer format or unreachable, the app says so in Chinese (role="alert"), offers
// 重试, and recovers once the data is back. Console errors are expected here and not checked.

import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, BUILD_HINT, MOBILE, requireBuild, serve, readSiteJson, launchBrowser, newPage, closePage, waitForApp } from './lib.mjs';

let server;
let browser;
let site;
let siteText;
let newsText;

before(async () => {
  requireBuild(DIST, BUILD_HINT);
  site = readSiteJson(DIST);
  siteText = fs.readFileSync(path.join(DIST, 'data', 'site.json'), 'utf8');
  newsText = fs.readFileSync(path.join(DIST, 'data', 'news', 'page-1.json'), 'utf8');
  server = await serve(DIST, '/');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const json = (body) => ({ status: 200, contentType: 'application/json; charset=utf-8', body });

/** Each case: how to answer the request, and what the message must contain. */
function cases(realText) {
  const newer = JSON.parse(realText);
  newer.format_version = 999;
  return [
    { name: 'missing file (404)', expect: '找不到', handle: (route) => route.fulfill({ status: 404, contentType: 'text/html', body: '<!doctype html><title>404</title>' }) },
    { name: 'truncated JSON', expect: '不完整', handle: (route) => route.fulfill(json(realText.slice(0, Math.floor(realText.length / 2)))) },
    { name: 'wrong type', expect: '格式', handle: (route) => route.fulfill(json('{"format_version":1,"name":123}')) },
    { name: 'newer format version', expect: '新版本', handle: (route) => route.fulfill(json(JSON.stringify(newer))) },
    { name: 'network down', expect: '网络', handle: (route) => route.abort('internetdisconnected') },
  ];
}

async function errorMessage(page) {
  const err = page.locator('.data-error').first();
  await err.waitFor({ state: 'visible', timeout: 15_000 });
  assert.equal(await err.getAttribute('role'), 'alert', '.data-error should have role="alert"');
  const text = (await err.innerText()).trim();
  assert.ok(text.length > 0, '.data-error should say what went wrong');
  assert.match(text, /[\u4e00-\u9fff]/, `.data-error should be in Chinese: "${text}"`);
  const retry = err.locator('.retry');
  assert.ok(await retry.isVisible(), '.data-error should contain a visible .retry button');
  assert.equal(await retry.evaluate((el) => el.tagName), 'BUTTON', '.retry should be a <button>');
  assert.ok((await retry.innerText()).includes('重试'), `.retry should read 重试 (is "${await retry.innerText()}")`);
  return text;
}

describe('data/site.json errors', () => {
  const messages = new Map();
  for (const c of cases(fs.existsSync(path.join(DIST, 'data', 'site.json')) ? fs.readFileSync(path.join(DIST, 'data', 'site.json'), 'utf8') : '{}')) {
    test(`site.json: ${c.name} → message with "${c.expect}", then 重试 recovers`, async () => {
      const page = await newPage(browser, { width: MOBILE });
      try {
        let calls = 0;
        await page.route('**/data/site.json', (route) => {
          calls++;
          return c.handle(route);
        });
        await page.goto(server.url + 'direct', { waitUntil: 'load' });
        const text = await errorMessage(page);
        assert.ok(text.includes(c.expect), `site.json ${c.name}: message should contain "${c.expect}", got "${text}"`);
        messages.set(c.name, text);
        assert.ok(calls >= 1);

        await page.unroute('**/data/site.json');
        await page.locator('.data-error .retry').first().click();
        await page.locator('.data-error').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => {});
        await waitForApp(page);
        assert.equal(await page.locator('.data-error').count(), 0, `site.json ${c.name}: the error should be gone after 重试`);
        assert.ok((await page.locator('header').first().innerText()).includes(site.name), 'after 重试 the header should show the site name');
        assert.ok((await page.locator('main#main h1').innerText()).includes('直通代表'), 'after 重试 the page asked for should render');
      } finally {
        await closePage(page);
      }
    });
  }
  test('site.json: the five messages differ', () => {
    const distinct = new Set(messages.values());
    assert.equal(distinct.size, messages.size, `messages should differ by case:\n${[...messages].map(([k, v]) => `  ${k}: ${v}`).join('\n')}`);
  });
});

describe('data/news/page-1.json errors (home)', () => {
  const messages = new Map();
  for (const c of cases(fs.existsSync(path.join(DIST, 'data', 'news', 'page-1.json')) ? fs.readFileSync(path.join(DIST, 'data', 'news', 'page-1.json'), 'utf8') : '{}')) {
    test(`news page-1: ${c.name} → message with "${c.expect}", then 重试 recovers`, async () => {
      const page = await newPage(browser, { width: MOBILE });
      try {
        await page.route('**/data/news/page-1.json', (route) => c.handle(route));
        await page.goto(server.url, { waitUntil: 'load' });
        const text = await errorMessage(page);
        assert.ok(text.includes(c.expect), `news ${c.name}: message should contain "${c.expect}", got "${text}"`);
        messages.set(c.name, text);
        // The rest of the page still works: the site loaded fine.
        assert.ok((await page.locator('header').first().innerText()).includes(site.name), 'a news error should not take the header down');

        await page.unroute('**/data/news/page-1.json');
        await page.locator('.data-error .retry').first().click();
        await page.locator('a.news-link').first().waitFor({ state: 'visible', timeout: 15_000 });
        assert.equal(await page.locator('.data-error').count(), 0, `news ${c.name}: the error should be gone after 重试`);
      } finally {
        await closePage(page);
      }
    });
  }
  test('news page-1: the five messages differ', () => {
    const distinct = new Set(messages.values());
    assert.equal(distinct.size, messages.size, `messages should differ by case:\n${[...messages].map(([k, v]) => `  ${k}: ${v}`).join('\n')}`);
  });
});
