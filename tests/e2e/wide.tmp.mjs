import { launchBrowser, newPage, serve, DIST, gotoApp, settle, setCareMode, shot } from '/work/main/tests/e2e/lib.mjs';
const server = await serve(DIST, '/');
const browser = await launchBrowser();
const page = await newPage(browser, { width: 320 });
await gotoApp(page, server.url + '?lang=en');
await setCareMode(page, true);
for (const p of ['duties/stats', 'duties/deputy/city-0006']) {
  await gotoApp(page, server.url + p); await settle(page);
  const wide = await page.evaluate(() => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > 321).map(e => `${e.tagName}.${e.className} w=${Math.round(e.getBoundingClientRect().width)} r=${Math.round(e.getBoundingClientRect().right)} "${(e.textContent||'').trim().slice(0,40)}"`).slice(0, 12));
  console.log(p, wide);
  await shot(page, 'wide-' + p.replace(/\//g, '-'));
}
await browser.close(); server.close();
