// Data errors: when data/site.json or data/news/page-1.json is missing, truncated, of the wrong
// shape, of a newer format or unreachable, the app says so in Chinese (role="alert"), offers
// 重试, and recovers once the data is back. Console errors are expected here and not checked.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MOBILE, useAppServer, hasData, readDataText, withPage, waitForApp } from './lib.mjs';

const app = useAppServer();

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
  for (const c of cases(hasData('site.json') ? readDataText('site.json') : '{}')) {
    test(`site.json: ${c.name} → message with "${c.expect}", then 重试 recovers`, async () => {
      await withPage(app.browser, { width: MOBILE }, async (page) => {
        let calls = 0;
        await page.route('**/data/site.json', (route) => {
          calls++;
          return c.handle(route);
        });
        await page.goto(app.server.url + 'direct', { waitUntil: 'load' });
        const text = await errorMessage(page);
        assert.ok(text.includes(c.expect), `site.json ${c.name}: message should contain "${c.expect}", got "${text}"`);
        messages.set(c.name, text);
        assert.ok(calls >= 1);

        await page.unroute('**/data/site.json');
        await page.locator('.data-error .retry').first().click();
        await page.locator('.data-error').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => {});
        await waitForApp(page);
        assert.equal(await page.locator('.data-error').count(), 0, `site.json ${c.name}: the error should be gone after 重试`);
        assert.ok((await page.locator('header').first().innerText()).includes(app.site.name), 'after 重试 the header should show the site name');
        assert.ok((await page.locator('main#main h1').innerText()).includes('直通代表'), 'after 重试 the page asked for should render');
      });
    });
  }
  test('site.json: the five messages differ', () => {
    const distinct = new Set(messages.values());
    assert.equal(distinct.size, messages.size, `messages should differ by case:\n${[...messages].map(([k, v]) => `  ${k}: ${v}`).join('\n')}`);
  });
});

describe('data/news/page-1.json errors (home)', () => {
  const messages = new Map();
  for (const c of cases(hasData('news/page-1.json') ? readDataText('news/page-1.json') : '{}')) {
    test(`news page-1: ${c.name} → message with "${c.expect}", then 重试 recovers`, async () => {
      await withPage(app.browser, { width: MOBILE }, async (page) => {
        await page.route('**/data/news/page-1.json', (route) => c.handle(route));
        await page.goto(app.server.url, { waitUntil: 'load' });
        const text = await errorMessage(page);
        assert.ok(text.includes(c.expect), `news ${c.name}: message should contain "${c.expect}", got "${text}"`);
        messages.set(c.name, text);
        // The rest of the page still works: the site loaded fine.
        assert.ok((await page.locator('header').first().innerText()).includes(app.site.name), 'a news error should not take the header down');

        await page.unroute('**/data/news/page-1.json');
        await page.locator('.data-error .retry').first().click();
        await page.locator('a.news-link').first().waitFor({ state: 'visible', timeout: 15_000 });
        assert.equal(await page.locator('.data-error').count(), 0, `news ${c.name}: the error should be gone after 重试`);
      });
    });
  }
  test('news page-1: the five messages differ', () => {
    const distinct = new Set(messages.values());
    assert.equal(distinct.size, messages.size, `messages should differ by case:\n${[...messages].map(([k, v]) => `  ${k}: ${v}`).join('\n')}`);
  });
});
