// Every link is a real page (issue 16, part 1): the release build has an entry page for every
// public route (`deputy-data pages`, run by scripts/build.sh), so a plain static server answers
// a deep link with 200 and the page's own title, description and link-preview tags, instead of
// the 404 fallback; sitemap.xml lists every public page and robots.txt points at it. The app
// starts from an entry page as from index.html.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { MOBILE, DIST_BASE, useAppServer, readData, dataPath, withPage, gotoApp, expectNoConsoleErrors, serve } from './lib.mjs';

const app = useAppServer();

const deputies = () => fs.readdirSync(dataPath('deputies')).sort().map((f) => readData(`deputies/${f}`));
const head = (html, re) => (html.match(re) || [])[1];

async function get(url) {
  const res = await fetch(url, { redirect: 'manual' });
  return { status: res.status, text: await res.text() };
}

describe('entry pages, sitemap and robots.txt', () => {
  test('deep links answer 200 with their own title, description and preview', async () => {
    const d = deputies().find((x) => x.id === 'city-0006');
    const news = readData('news/page-1.json').items[0];
    const consultation = readData('consultations/index.json').consultations[0];
    const cases = [
      { path: `direct/deputy/${d.id}`, title: d.name, about: d.region_name },
      { path: `duties/deputy/${d.id}`, title: `${d.name}的履职档案`, about: d.region_name },
      { path: `news/${news.id}`, title: news.title, about: news.summary.slice(0, 20) },
      { path: `consult/${consultation.id}`, title: consultation.title, about: '' },
      { path: 'duties/stations/s-150800', title: readData('stations/s-150800.json').name, about: '地址' },
      { path: 'direct', title: '直通代表', about: '' },
    ];
    for (const c of cases) {
      const { status, text } = await get(app.server.url + c.path);
      assert.equal(status, 200, `/${c.path} should answer 200`);
      assert.equal(head(text, /<title>([^<]*)<\/title>/), `${c.title} - ${app.site.name}`, `/${c.path}: <title>`);
      assert.equal(head(text, /<meta property="og:title" content="([^"]*)"/), c.title, `/${c.path}: og:title`);
      const description = head(text, /<meta name="description" content="([^"]*)"/);
      assert.ok(description && description.includes(c.about), `/${c.path}: description "${description}" should include "${c.about}"`);
      assert.equal(head(text, /<link rel="canonical" href="([^"]*)"/), `https://renda.example.invalid/${c.path}`, `/${c.path}: canonical`);
      assert.ok(text.includes(`<h1>${c.title}</h1>`), `/${c.path}: the boot shell shows the page's heading before the app starts`);
    }
    // What the data does not have is still a 404 (the app's own 页面不存在).
    assert.equal((await get(app.server.url + 'direct/deputy/nobody-9999')).status, 404);
    assert.equal((await get(app.server.url + 'mine')).status, 200);
    assert.match((await get(app.server.url + 'mine')).text, /<meta name="robots" content="noindex" \/>/, '我的提交 is not for search engines');
  });

  test('sitemap.xml lists every public page, robots.txt points at it', async () => {
    const { status, text } = await get(app.server.url + 'sitemap.xml');
    assert.equal(status, 200);
    const locs = [...text.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1].replace('https://renda.example.invalid/', ''));
    const set = new Set(locs);
    assert.equal(set.size, locs.length, 'no address twice');
    for (const d of deputies()) {
      assert.ok(set.has(`direct/deputy/${d.id}`) && set.has(`duties/deputy/${d.id}`), `sitemap should list ${d.id}'s pages`);
    }
    for (const n of readData('news/page-1.json').items) assert.ok(set.has(`news/${n.id}`), `sitemap should list news/${n.id}`);
    for (const c of readData('consultations/index.json').consultations) assert.ok(set.has(`consult/${c.id}`), `sitemap should list consult/${c.id}`);
    for (const s of readData('stations/index.json').stations) assert.ok(set.has(`duties/stations/${s.id}`), `sitemap should list station ${s.id}`);
    assert.ok(set.has('') && set.has('direct') && set.has('training'), 'the home page and the module pages');
    assert.ok(!set.has('mine') && !set.has('proposals/write'), 'not the pages of one’s own device');
    // Every listed address is a page the server answers with 200.
    for (const p of locs.filter((_, i) => i % 97 === 0)) assert.equal((await get(app.server.url + p)).status, 200, `/${p}`);
    const robots = await get(app.server.url + 'robots.txt');
    assert.equal(robots.status, 200);
    assert.match(robots.text, /^Sitemap: https:\/\/renda\.example\.invalid\/sitemap\.xml$/m);
    assert.match(robots.text, /^Disallow: \/mine$/m);
  });

  test('the app starts from an entry page and shows the deputy', async () => {
    await withPage(app.browser, { width: MOBILE }, async (page) => {
      const res = await gotoApp(page, app.server.url + 'direct/deputy/city-0006');
      assert.equal(res.status(), 200);
      const d = readData('deputies/city-0006.json');
      await page.locator('dl.stats').waitFor({ state: 'visible' });
      assert.equal((await page.locator('main#main h1').innerText()).trim(), d.name);
      assert.equal(await page.locator('#boot').count(), 0, 'the boot shell is gone once the app runs');
      assert.equal(await page.locator('main#main h1').count(), 1);
      expectNoConsoleErrors(page, 'entry page');
    });
  });

  test('under the base path /renda/ too', async () => {
    const server = await serve(DIST_BASE, '/renda/');
    try {
      const { status, text } = await get(server.url + 'direct/deputy/city-0006');
      assert.equal(status, 200);
      assert.match(text, /<base href="\/renda\/" \/>/);
      assert.equal(head(text, /<link rel="canonical" href="([^"]*)"/), 'https://renda.example.invalid/renda/direct/deputy/city-0006');
      const robots = await get(server.url + 'robots.txt');
      assert.match(robots.text, /^Disallow: \/renda\/mine$/m);
    } finally {
      await server.close();
    }
  });
});
