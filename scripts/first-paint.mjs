#!/usr/bin/env node
// The home page's first paint, in the HTML itself (docs/performance.md, "First paint").
//
//   node scripts/first-paint.mjs DIST
//
// Before the wasm has arrived — seconds on a weak rural network — index.html shows what the
// app's home page will show at the top: the header bar with the site's name and the welcome
// block (name, motto, introduction), in the app's own markup and classes, so that the app's
// first render lands on the same pixels instead of replacing a "loading" notice. The wording
// comes from the message catalog (locales/zh.json) and the site's name from DIST/data/site.json,
// so nothing is written twice; the app removes this block (#boot) once it has mounted.
//
// Only index.html (the home page, "/"): 404.html answers deep links such as /direct, which must
// not flash the home page's text, and keeps the plain loading notice.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = process.argv[2];
if (!dist || !fs.existsSync(path.join(dist, 'index.html'))) {
  console.error('usage: node scripts/first-paint.mjs DIST (a build with index.html)');
  process.exit(1);
}

const catalog = JSON.parse(fs.readFileSync(path.join(root, 'locales/zh.json'), 'utf8'));
let name = catalog.site_default_name;
try {
  name = JSON.parse(fs.readFileSync(path.join(dist, 'data/site.json'), 'utf8')).name || name;
} catch {
  // No data yet: the catalog's default name, as the app shows it.
}

/** Text for HTML: data and wording are text, never markup. */
const text = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const boot = `<div id="boot" class="boot-shell">
      <header class="site-header"><div class="header-inner"><span class="site-name"><span class="emblem" aria-hidden="true"></span><span class="site-name-text">${text(name)}</span></span></div></header>
      <main class="site-main"><section class="page home"><div class="hero">
        <h1>${text(name)}</h1>
        <p class="hero-motto">${text(catalog.home.welcome)}</p>
        <p class="hero-intro">${text(catalog.home.intro)}</p>
      </div><p class="loading" role="status"><span class="spinner" aria-hidden="true"></span>${text(catalog.data.loading)}</p></section></main>
      <noscript><p class="boot">本网站需要启用 JavaScript 才能使用。如有困难，请拨打联络站电话。</p></noscript>
    </div>`;

const file = path.join(dist, 'index.html');
let html = fs.readFileSync(file, 'utf8');
const before = html;
html = html.replace(/<div id="boot"[\s\S]*?<\/noscript>\s*<\/div>/, boot);
if (html === before) {
  console.error(`${file}: no <div id="boot"> block to replace`);
  process.exit(1);
}
html = html.replace(/<title>[^<]*<\/title>/, `<title>${text(name)}</title>`);
fs.writeFileSync(file, html);
console.log(`first paint written into ${file} (${name})`);
