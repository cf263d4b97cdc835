// Hosting under a sub-path like GitHub Pages project sites: the build made with public url
// /renda/ (DIST_BASE) is served under /renda/; deep links come back through 404.html.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  DIST_BASE,
  BASE_BUILD_HINT,
  MOBILE,
  DESKTOP,
  requireBuild,
  serve,
  readSiteJson,
  launchBrowser,
  newPage,
  closePage,
  gotoApp,
  waitForApp,
  expectNoConsoleErrors,
  navLabelFor,
} from './lib.mjs';

let server;
let browser;
let site;

before(async () => {
  requireBuild(DIST_BASE, BASE_BUILD_HINT);
  site = readSiteJson(DIST_BASE);
  server = await serve(DIST_BASE, '/renda/');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Record the path of every request to our server. */
function recordRequests(page) {
  const paths = [];
  page.on('request', (req) => {
    const u = new URL(req.url());
    if (u.origin === server.origin) paths.push(u.pathname);
  });
  return paths;
}

test('a deep link /renda/direct renders 直通代表, loading everything from under /renda/', async () => {
  const page = await newPage(browser, { width: MOBILE });
  try {
    const paths = recordRequests(page);
    const res = await gotoApp(page, server.url + 'direct');
    assert.equal(res.status(), 404, 'the deep link is answered by 404.html (as on GitHub Pages)');
    assert.ok((await page.locator('main#main h1').innerText()).includes('直通代表'));
    assert.ok((await page.locator('header').first().innerText()).includes(site.name));
    assert.equal(new URL(page.url()).pathname, '/renda/direct', 'the app should keep the URL it was opened with');

    const outside = paths.filter((p) => !p.startsWith('/renda/'));
    assert.deepEqual(outside, [], `every request should stay under /renda/:\n  ${outside.join('\n  ')}`);
    assert.ok(paths.some((p) => p.endsWith('.wasm')), 'the wasm should load from under /renda/');
    assert.ok(paths.includes('/renda/data/site.json'), `data should load from /renda/data/ (requests: ${paths.join(', ')})`);
    expectNoConsoleErrors(page, '/renda/direct');
  } finally {
    await closePage(page);
  }
});

test('links stay under /renda/ and in-app navigation keeps the base', async () => {
  const page = await newPage(browser, { width: DESKTOP });
  try {
    await gotoApp(page, server.url);
    const hrefs = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')));
    const rooted = hrefs.filter((h) => h.startsWith('/') && !h.startsWith('//'));
    assert.ok(rooted.length > 0, 'expected site-internal links');
    const bad = rooted.filter((h) => !h.startsWith('/renda/') && h !== '/renda');
    assert.deepEqual(bad, [], `internal links should start with /renda/: ${bad.join(', ')}`);

    const link = page.locator(`nav[aria-label="${navLabelFor(DESKTOP)}"] a[href$="consult"]`).first();
    await link.click();
    await page.waitForURL((u) => u.pathname === '/renda/consult');
    await page.locator('main#main h1', { hasText: '征求意见' }).waitFor();
    await page.reload();
    await waitForApp(page);
    assert.ok((await page.locator('main#main h1').innerText()).includes('征求意见'), 'reloading /renda/consult should render it again');
    expectNoConsoleErrors(page);
  } finally {
    await closePage(page);
  }
});

test('/renda/no-such-page shows 页面不存在', async () => {
  const page = await newPage(browser, { width: MOBILE });
  try {
    await gotoApp(page, server.url + 'no-such-page');
    assert.ok((await page.locator('main#main h1').innerText()).includes('页面不存在'));
    // The way back home stays under the base.
    const home = await page.evaluate(() =>
      [...document.querySelectorAll('main a[href]')].map((a) => a.getAttribute('href')).filter((h) => h === '/renda/' || h === '/renda'),
    );
    assert.ok(home.length > 0, 'the 404 page should link back to the home page (/renda/)');
    expectNoConsoleErrors(page);
  } finally {
    await closePage(page);
  }
});
