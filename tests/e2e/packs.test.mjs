// The split build's packed code (scripts/pack-chunks.mjs): every module is a valid wasm slice
// of exactly one pack, each bundle copies modules of the packs, a first visit to a page on a
// cold start fetches its module's and its page's bundles, and code that cannot be fetched shows
// the network error with 重试, which fetches it again.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST, MOBILE, useAppServer, newPage, closePage, gotoApp, eventuallyShows, expectNoConsoleErrors, wasmRequests } from './lib.mjs';

const app = useAppServer();

function pkgDir() {
  const pkg = fs.readdirSync(DIST).find((f) => /^pkg-[0-9a-f]{16}$/.test(f));
  assert.ok(pkg, `${DIST} has no pkg-HASH folder: is it the split build (scripts/build.sh)?`);
  return path.join(DIST, pkg);
}

// The sections of a pack (the wasm header, then custom sections), read independently of the
// loader's own reader: { name → bytes }.
function sections(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0], 'a pack starts with the wasm header');
  const found = new Map();
  let p = 8;
  const leb = () => {
    let n = 0;
    for (let shift = 0; ; shift += 7) {
      const b = bytes[p++];
      n += (b & 0x7f) * 2 ** shift;
      if (!(b & 0x80)) return n;
    }
  };
  while (p < bytes.length) {
    assert.equal(bytes[p++], 0, 'a pack holds only custom sections');
    const size = leb();
    const end = p + size;
    const nameLength = leb();
    found.set(bytes.subarray(p, p + nameLength).toString(), bytes.subarray(p + nameLength, end));
    p = end;
  }
  assert.equal(p, bytes.length, 'the last section ends with the file');
  return found;
}

test('every code module is a valid wasm module in its pack, and only packs are left', async () => {
  const dir = process.env.PACKS_DIR || pkgDir();
  const loader = fs.readFileSync(path.join(dir, '__wasm_split.js'), 'utf8');
  const files = JSON.parse(loader.match(/^const FILES = (\[.*\]);$/m)[1]);
  const sizes = JSON.parse(loader.match(/^const SIZES = (\[.*\]);$/m)[1]);
  const packs = files.filter((f) => /^pack_\d+\.wasm$/.test(f));
  const bundles = files.filter((f) => /^bundle_\d+\.wasm$/.test(f));
  assert.equal(packs.length + bundles.length, files.length, `only packs and bundles: ${files.join(', ')}`);
  assert.ok(packs.length > 0 && packs.length < 150, `packs, not ${packs.length} files`);
  const read = files.map((f) => sections(fs.readFileSync(path.join(dir, f))));
  files.forEach((f, k) => {
    for (const [n, bytes] of read[k]) assert.ok(WebAssembly.validate(bytes), `module ${n} in ${f} should be a valid wasm module`);
    assert.equal(sizes[k], zlib.gzipSync(fs.readFileSync(path.join(dir, f)), { level: 9 }).length, `SIZES gives ${f}'s gzip size`);
  });
  // Packs: each module in exactly one. Bundles: copies of modules of the packs, byte for byte.
  const inPacks = new Map();
  files.forEach((f, k) => {
    if (!packs.includes(f)) return;
    for (const [n, bytes] of read[k]) {
      assert.ok(!inPacks.has(n), `module ${n} is in more than one pack`);
      inPacks.set(n, bytes);
    }
  });
  files.forEach((f, k) => {
    if (!bundles.includes(f)) return;
    for (const [n, bytes] of read[k]) assert.ok(inPacks.get(n)?.equals(bytes), `module ${n} of ${f} is the same as in its pack`);
  });
  // Every split point names its bundle and packs that exist; every pack and bundle is named.
  const named = [...loader.matchAll(/wrapAsyncCb\(loadSplit\((\d+), (\[[\d,]*\])\)\)/g)].map((m) => [Number(m[1]), JSON.parse(m[2])]);
  assert.ok(named.length > 0, 'the loader names the files of its split points');
  for (const [bundle, list] of named) {
    assert.ok(bundles.includes(files[bundle]), `${files[bundle]} should be a bundle`);
    assert.ok(list.length > 0 && list.every((k) => packs.includes(files[k])), `packs ${list} should be packs`);
  }
  const used = new Set(named.flatMap(([b, list]) => [b, ...list]));
  assert.deepEqual(files.filter((_, k) => !used.has(k)), [], 'every file is needed by some split point');
  const loose = fs.readdirSync(dir).filter((f) => /^(chunk_\d+|split_\w+)\.wasm$/.test(f));
  assert.deepEqual(loose, [], 'no unpacked module is left in the build');
});

test('a first visit to 直通代表 on a cold start fetches its bundles: at most 15 files and 80 KB gzip', async () => {
  const dir = pkgDir();
  const loader = fs.readFileSync(path.join(dir, '__wasm_split.js'), 'utf8');
  const files = JSON.parse(loader.match(/^const FILES = (\[.*\]);$/m)[1]);
  const sizes = JSON.parse(loader.match(/^const SIZES = (\[.*\]);$/m)[1]);
  const page = await newPage(app.browser, { width: MOBILE });
  const wasm = wasmRequests(page);
  try {
    await gotoApp(page, app.server.url + 'direct');
    await eventuallyShows(page.locator('main#main h1'), '直通代表');
    const code = wasm.filter((f) => f !== 'deputy-home_bg.wasm');
    assert.ok(code.length >= 1 && code.length <= 15, `1–15 code files, fetched ${code.join(', ')}`);
    assert.ok(code.every((f) => /^(pack|bundle)_\d+\.wasm$/.test(f)), `only packs and bundles: ${code.join(', ')}`);
    assert.ok(code.some((f) => f.startsWith('bundle_')), `a cold start takes the bundles: ${code.join(', ')}`);
    assert.equal(new Set(code).size, code.length, 'each file is fetched once');
    const bytes = code.reduce((n, f) => n + sizes[files.indexOf(f)], 0);
    assert.ok(bytes <= 80 * 1024, `${bytes} B gzip of code for the first visit, budget 80 KB`);
    await expectNoConsoleErrors(page);
  } finally {
    await closePage(page);
  }
});

test('code that cannot be fetched: the network error with 重试, which loads the page', async () => {
  const page = await newPage(app.browser, { width: MOBILE });
  let blocked = true;
  await page.route(/\/(pack|bundle)_\d+\.wasm$/, (route) => (blocked ? route.abort() : route.continue()));
  try {
    await page.goto(app.server.url + 'consult', { waitUntil: 'load' });
    await eventuallyShows(page.locator('main#main'), '网络连接失败', { timeout: 20_000 });
    blocked = false;
    await page.getByRole('button', { name: '重试' }).click();
    await eventuallyShows(page.locator('main#main h1'), '征求意见');
  } finally {
    await closePage(page);
  }
});

test('a part of a page comes on first use: the comment form when the reader nears it', async () => {
  const page = await newPage(app.browser, { width: MOBILE });
  const wasm = wasmRequests(page);
  try {
    await gotoApp(page, app.server.url + 'consult/2025-01');
    await page.locator('main#main h1').waitFor({ state: 'visible' });
    await page.waitForTimeout(500);
    const before = wasm.length;
    assert.equal(await page.locator('section.comment-section').count(), 0, 'no comment form at the top of a long draft');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.locator('#comment-content').waitFor({ state: 'visible' });
    const after = wasm.slice(before);
    assert.ok(after.length >= 1 && after.every((f) => /^(pack|bundle)_\d+\.wasm$/.test(f)), `the form's code came when scrolled to: ${after.join(', ')}`);
    await expectNoConsoleErrors(page);
  } finally {
    await closePage(page);
  }
});
