import { launchBrowser, newPage, serve, DIST, gotoApp, settle, setCareMode, shot } from '/work/main/tests/e2e/lib.mjs';
const css = process.argv[2];
const server = await serve(DIST, '/');
const browser = await launchBrowser();
for (const [w, care, size] of [[320, true, 0], [320, true, 2], [320, false, 0], [375, true, 1]]) {
  const page = await newPage(browser, { width: w, contextOptions: { bypassCSP: true } });
  await gotoApp(page, server.url + 'duties');
  if (care) { await setCareMode(page, true); if (size) await page.locator('.text-size-step').nth(size).click(); }
  await page.addStyleTag({ content: css }); await page.waitForTimeout(300);
  const r = await page.evaluate(() => [...document.querySelectorAll('.bottom-nav .nav-label')].map(l => { const a = l.closest('a').getBoundingClientRect(); return `${l.textContent}: label ${Math.round(l.scrollWidth)}/${Math.round(a.width)} h${Math.round(a.height)}`; }));
  const extra = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  console.log(w, care, size, extra, r.join(' | '));
  await page.locator('nav.bottom-nav').screenshot({ path: `/tmp/nav-${w}-${care}-${size}.png` });
  await page.context().close();
}
await browser.close(); server.close();
