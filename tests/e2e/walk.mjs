// Shell walk: every route at one width (375 px or 1280 px) in one language (Chinese or
// English), in normal and care (关怀版) mode: no console errors, the page shell (header, one h1 in main#main, footer, the
// right nav), target sizes, font sizes, a screenshot, and no axe-core (WCAG 2.1 A/AA) violations.
//
// One test file per width and language (walk-375.test.mjs …): the four run side by side
// (tests/e2e/run.sh), each with its own server and browser.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  ROUTES,
  SITE_NAME,
  useAppServer,
  readData,
  newPage,
  closePage,
  clearProblems,
  gotoApp,
  expectNoConsoleErrors,
  shot,
  axeCheck,
  setCareMode,
  assertAriaPressed,
  isCareMode,
  navLabelFor,
  assertTargetHeights,
  fontSizes,
} from './lib.mjs';


/** Routes whose heading is the data's own title (Chinese in both languages). */
const DATA_TITLES = new Set(['station', 'proposal-dairy', 'training-course', 'training-lesson', 'evaluation']);

/** Routes to walk: the fixed ones, plus the first news article when the data has one. */
function routesToWalk() {
  const list = [...ROUTES];
  try {
    const news = readData('news/page-1.json');
    const first = news.items && news.items[0];
    if (first && first.id) list.push({ name: 'news-article', path: `news/${encodeURIComponent(first.id)}`, h1: null, title: first.title });
  } catch {
    // no news data: the news tests report that
  }
  return list;
}

async function checkShell(app, page, route, width, label, lang = 'zh') {
  const site = app.site;
  // The site name in the header.
  const header = page.locator('header').first();
  assert.ok((await header.innerText()).includes(site.name || SITE_NAME), `${label}: header should show the site name "${site.name}"`);

  // Exactly one h1 on the page, inside main#main.
  const h1s = await page.locator('h1').count();
  assert.equal(h1s, 1, `${label}: want exactly one <h1>, found ${h1s}`);
  assert.equal(await page.locator('main#main').count(), 1, `${label}: want one <main id="main">`);
  assert.equal(await page.locator('main#main h1').count(), 1, `${label}: the <h1> must be inside <main id="main">`);
  const h1 = (await page.locator('main#main h1').innerText()).trim();
  assert.ok(h1.length > 0, `${label}: empty <h1>`);
  if (route.h1 && lang === 'zh') assert.ok(h1.includes(route.h1), `${label}: <h1> "${h1}" should contain "${route.h1}"`);
  // In English a heading from the catalog is English (some are a station's or a course's own
  // Chinese title: data stays Chinese).
  if (lang === 'en' && route.h1 && !DATA_TITLES.has(route.name)) assert.match(h1, /[A-Za-z]{3,}/, `${label}: <h1> "${h1}" is not English`);
  if (route.name === 'home' && lang === 'zh') {
    const text = await page.locator('main#main').innerText();
    assert.ok(h1.includes(site.name) || h1.includes('首页') || text.includes(site.name), `${label}: home <h1> "${h1}" should name the site or 首页`);
  }
  if (route.title) assert.ok(h1.includes(route.title) || route.title.includes(h1), `${label}: article <h1> "${h1}" should be the title "${route.title}"`);

  // Footer with phone and e-mail.
  const footer = page.locator('footer').first();
  assert.ok(await footer.isVisible(), `${label}: no visible <footer>`);
  const footerText = await footer.innerText();
  assert.ok(footerText.includes(site.contact.phone), `${label}: footer should show the phone ${site.contact.phone}`);
  assert.ok(footerText.includes(site.contact.email), `${label}: footer should show the e-mail ${site.contact.email}`);
  // The host's notice (the demo's: its names are made up), from site.json, as text.
  assert.ok(site.notice && footerText.includes(site.notice), `${label}: footer should show site.json's notice "${site.notice}"`);

  // The care toggle.
  const toggle = page.locator('#care-toggle');
  assert.equal(await toggle.count(), 1, `${label}: want one #care-toggle`);
  assert.ok(await toggle.isVisible(), `${label}: #care-toggle is not visible`);
  assert.equal(await toggle.evaluate((el) => el.tagName), 'BUTTON', `${label}: #care-toggle should be a <button>`);

  // The nav for this width.
  const navLabel = navLabelFor(width, lang);
  const nav = page.locator(`nav[aria-label="${navLabel}"]`);
  assert.ok((await nav.count()) >= 1, `${label}: no <nav aria-label="${navLabel}">`);
  assert.ok(await nav.first().isVisible(), `${label}: <nav aria-label="${navLabel}"> should be visible at ${width}px`);
}

/** One route of the walk on `page`: loaded afresh with empty storage, in normal then care mode. */
async function walkRoute(app, page, route, width, lang) {
  if (page.url().startsWith(app.server.url)) {
    await page.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
  }
  clearProblems(page);
  const label = `/${route.path} at ${width}px${lang === 'en' ? ' (English)' : ''}`;
  const suffix = lang === 'en' ? `${route.path.includes('?') ? '&' : '?'}lang=en` : '';
  await gotoApp(page, app.server.url + route.path + suffix);
  assert.equal(await page.evaluate(() => document.documentElement.lang), lang === 'en' ? 'en' : 'zh-CN', `${label}: <html lang>`);
  assert.equal(await isCareMode(page), false, `${label}: care mode should be off by default`);
  await assertAriaPressed(page, false);
  await checkShell(app, page, route, width, label, lang);
  await assertTargetHeights(page, 44, label);
  const normal = await fontSizes(page);
  const name = `${lang === 'en' ? 'en-' : ''}${route.name}-${width}`;
  await shot(page, name);
  await axeCheck(page, label);
  expectNoConsoleErrors(page, label);

  const careLabel = `${label} (关怀版)`;
  await setCareMode(page, true);
  await checkShell(app, page, route, width, careLabel, lang);
  await assertTargetHeights(page, 60, careLabel);
  const care = await fontSizes(page);
  const size = care.p ?? care.body;
  assert.ok(size >= 18, `${careLabel}: text is ${size}px (main p: ${care.p}, body: ${care.body}), want ≥ 18px`);
  assert.ok(
    (care.p ?? care.body) > (normal.p ?? normal.body),
    `${careLabel}: care mode should enlarge the text (normal ${normal.p ?? normal.body}px, care ${care.p ?? care.body}px)`,
  );
  await shot(page, `${name}-care`);
  await axeCheck(page, careLabel);
  expectNoConsoleErrors(page, careLabel);
}

/** The walk at `width` in `lang` ('zh' or 'en'): one test per route. */
export function walk(lang, width) {
  const app = useAppServer();
  describe(`walk at ${width}px${lang === 'en' ? ' in English' : ''}`, () => {
    // One page for the whole walk, started afresh for each route: its storage emptied (the app
    // keeps everything it remembers in localStorage: care mode, language, drafts) and the route
    // loaded anew. A new browser context per route would also compile the app's code anew
    // each time: a third of the walk's time, and nothing that the walk checks.
    let page;
    before(async () => {
      page = await newPage(app.browser, { width });
    });
    after(() => closePage(page));
    for (const route of routesToWalk()) {
      test(`${route.name} at ${width}px, normal and care mode${lang === 'en' ? ', English' : ''}`, async () => {
        await walkRoute(app, page, route, width, lang);
      });
    }
  });
}
