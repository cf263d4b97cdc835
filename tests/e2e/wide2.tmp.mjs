import { launchBrowser, newPage, serve, DIST, gotoApp, settle, setCareMode, shot } from '/work/main/tests/e2e/lib.mjs';
const css = process.argv[2];
const server = await serve(DIST, '/');
const browser = await launchBrowser();
const page = await newPage(browser, { width: 320, contextOptions: { bypassCSP: true } });
await gotoApp(page, server.url + '?lang=en');
await setCareMode(page, true);
for (const p of ['duties/stats', 'duties/deputy/city-0006', 'duties/report/city-0006/2025']) {
  await gotoApp(page, server.url + p); await settle(page);
  await page.addStyleTag({ content: css });
  await page.waitForTimeout(200);
  const extra = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const wide = await page.evaluate(() => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > 321).map(e => `${e.tagName}.${e.className} w=${Math.round(e.getBoundingClientRect().width)} "${(e.textContent||'').trim().slice(0,30)}"`).slice(0, 5));
  console.log(p, extra, wide);
  await shot(page, 'wide2-' + p.replace(/\//g, '-'));
}
await browser.close(); server.close();
