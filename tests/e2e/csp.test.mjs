// The app runs under a strict Content-Security-Policy (issue 13, point 6): no inline script or
// style, code only from the site itself, wasm compiled with 'wasm-unsafe-eval' only.
//
//   1. the shipping build carries the policy as a <meta>, has no inline <script>, no inline
//      style attribute, and starts from boot.js, at / and under /renda/;
//   2. the app starts and every module opens under that policy with no violation reported
//      (securitypolicyviolation events and console errors), at 375 and 1280 px;
//   3. the same with the header form of the policy (which adds frame-ancestors 'none', which a
//      <meta> cannot carry), as docs/operations.md tells a host to send it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, DIST_BASE, MOBILE, DESKTOP, useAppServer, withPage, gotoApp, settle, expectNoConsoleErrors } from './lib.mjs';

const app = useAppServer();

export const POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'";
const HEADER_POLICY = `${POLICY}; frame-ancestors 'none'`;

/** Record every CSP violation the page reports, from the first script on. */
async function recordViolations(page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
}

const violations = (page) => page.evaluate(() => window.__cspViolations || []);

for (const [label, dir] of [
  ['/', DIST],
  ['/renda/', DIST_BASE],
]) {
  test(`1. the build at ${label} carries the policy and no inline script or style`, () => {
    for (const file of ['index.html', '404.html']) {
      const html = fs.readFileSync(path.join(dir, file), 'utf8');
      const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
      assert.ok(meta, `${file} should carry the policy as a <meta>`);
      assert.equal(meta[1], POLICY, `${file}: the policy`);
      assert.ok(html.indexOf(meta[0]) < html.indexOf('<script'), `${file}: the policy comes before any script`);
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      assert.ok(scripts.length > 0, `${file} should start the app with a script`);
      for (const [, attrs, body] of scripts) {
        assert.match(attrs, /\bsrc="[^"]+"/, `${file}: every script is a file: <script${attrs}>`);
        assert.equal(body.trim(), '', `${file}: no inline script body`);
      }
      assert.ok(!/\sstyle="/.test(html), `${file}: no inline style attribute`);
      assert.ok(!/<style\b/.test(html), `${file}: no <style> element`);
      assert.match(html, new RegExp(`src="${label}pkg-[0-9a-f]{16}/boot\\.js"`), `${file}: boot.js under ${label}`);
    }
  });
}

const PAGES = ['', 'direct', 'consult', 'duties', 'training', 'proposals', 'mine', 'more', 'direct/deputy/city-0006'];

for (const width of [MOBILE, DESKTOP]) {
  test(`2. the app starts and every module opens under the <meta> policy (${width}px)`, async () => {
    await withPage(app.browser, { width }, async (page) => {
      await recordViolations(page);
      for (const p of PAGES) {
        await gotoApp(page, app.server.url + p);
        await settle(page);
        assert.ok((await page.locator('main#main h1').count()) > 0, `/${p} shows its heading`);
        assert.deepEqual(await violations(page), [], `/${p}: no CSP violation`);
      }
      // The app's own wasm and every page module were compiled: WebAssembly ran under the policy.
      expectNoConsoleErrors(page, `csp ${width}`);
    });
  });
}

test('3. the header form of the policy (with frame-ancestors) lets the app start too', async () => {
  await withPage(app.browser, { width: MOBILE }, async (page) => {
    await recordViolations(page);
    // Add the header to every HTML document, as the nginx recipe in docs/operations.md does.
    await page.route('**/*', async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const res = await route.fetch();
      await route.fulfill({ response: res, headers: { ...res.headers(), 'content-security-policy': HEADER_POLICY } });
    });
    for (const p of ['', 'consult', 'training']) {
      const res = await gotoApp(page, app.server.url + p);
      assert.equal(res.headers()['content-security-policy'], HEADER_POLICY);
      await settle(page);
      assert.ok((await page.locator('main#main h1').count()) > 0, `/${p} shows its heading under the header policy`);
    }
    assert.deepEqual(await violations(page), [], 'no CSP violation under the header policy');
    expectNoConsoleErrors(page, 'csp header');
  });
});
