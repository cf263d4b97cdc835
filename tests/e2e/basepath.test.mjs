// Hosting under a sub-path like GitHub Pages project sites: the build made with public url
// /renda/ (DIST_BASE) is served under /renda/; deep links come back through their entry pages
// (deputy-data pages), or through 404.html where the data has none.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST_BASE, MOBILE, DESKTOP, useAppServer, withPage, gotoApp, reloadApp, expectNoConsoleErrors, navLabelFor } from './lib.mjs';

const app = useAppServer({ dir: DIST_BASE, base: '/renda/' });

/** Record the path of every request to our server. */
function recordRequests(page) {
  const paths = [];
  page.on('request', (req) => {
    const u = new URL(req.url());
    if (u.origin === app.server.origin) paths.push(u.pathname);
  });
  return paths;
}

test('a deep link /renda/direct renders 直通代表, loading everything from under /renda/', async () => {
  await withPage(app.browser, { width: MOBILE }, async (page) => {
    const paths = recordRequests(page);
    const res = await gotoApp(page, app.server.url + 'direct');
    assert.equal(res.status(), 200, 'the deep link is answered by its entry page, direct.html');
    assert.ok((await page.locator('main#main h1').innerText()).includes('直通代表'));
    assert.ok((await page.locator('header').first().innerText()).includes(app.site.name));
    assert.equal(new URL(page.url()).pathname, '/renda/direct', 'the app should keep the URL it was opened with');

    const outside = paths.filter((p) => !p.startsWith('/renda/'));
    assert.deepEqual(outside, [], `every request should stay under /renda/:\n  ${outside.join('\n  ')}`);
    assert.ok(paths.some((p) => p.endsWith('.wasm')), 'the wasm should load from under /renda/');
    assert.ok(paths.includes('/renda/data/site.json'), `data should load from /renda/data/ (requests: ${paths.join(', ')})`);
    expectNoConsoleErrors(page, '/renda/direct');

    // A route without an entry page (a letter form) comes back through 404.html, still whole.
    const form = await gotoApp(page, app.server.url + 'direct/write/city-0006');
    assert.equal(form.status(), 404, 'answered by 404.html (as on GitHub Pages)');
    await page.locator('#letter-subject').waitFor({ state: 'visible' });
    assert.equal(new URL(page.url()).pathname, '/renda/direct/write/city-0006');
  });
});

test('links stay under /renda/ and in-app navigation keeps the base', async () => {
  await withPage(app.browser, { width: DESKTOP }, async (page) => {
    await gotoApp(page, app.server.url);
    const hrefs = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')));
    const rooted = hrefs.filter((h) => h.startsWith('/') && !h.startsWith('//'));
    assert.ok(rooted.length > 0, 'expected site-internal links');
    const bad = rooted.filter((h) => !h.startsWith('/renda/') && h !== '/renda');
    assert.deepEqual(bad, [], `internal links should start with /renda/: ${bad.join(', ')}`);

    const link = page.locator(`nav[aria-label="${navLabelFor(DESKTOP)}"] a[href$="consult"]`).first();
    await link.click();
    await page.waitForURL((u) => u.pathname === '/renda/consult');
    await page.locator('main#main h1', { hasText: '征求意见' }).waitFor();
    await reloadApp(page);
    assert.ok((await page.locator('main#main h1').innerText()).includes('征求意见'), 'reloading /renda/consult should render it again');
    expectNoConsoleErrors(page);
  });
});

test('/renda/no-such-page shows 页面不存在', async () => {
  await withPage(app.browser, { width: MOBILE }, async (page) => {
    await gotoApp(page, app.server.url + 'no-such-page');
    assert.ok((await page.locator('main#main h1').innerText()).includes('页面不存在'));
    // The way back home stays under the base.
    const home = await page.evaluate(() =>
      [...document.querySelectorAll('main a[href]')].map((a) => a.getAttribute('href')).filter((h) => h === '/renda/' || h === '/renda'),
    );
    assert.ok(home.length > 0, 'the 404 page should link back to the home page (/renda/)');
    expectNoConsoleErrors(page);
  });
});
