// The split build's packed code (scripts/pack-chunks.mjs): every module is a valid wasm slice
// of exactly one pack, a first visit to a page fetches at most 15 packs, and a pack that cannot
// be fetched shows the network error with 重试, which fetches it again.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
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
  const files = JSON.parse(loader.match(/^const PACKS = (\[.*\]);$/m)[1]);
  assert.ok(files.length > 0 && files.length < 150, `packs, not ${files.length} files`);
  const packs = files.map((f) => sections(fs.readFileSync(path.join(dir, f))));
  const numbers = packs.flatMap((p) => [...p.keys()]);
  assert.equal(new Set(numbers).size, numbers.length, 'each module is in exactly one pack');
  packs.forEach((p, k) => {
    for (const [n, bytes] of p) assert.ok(WebAssembly.validate(bytes), `module ${n} in ${files[k]} should be a valid wasm module`);
  });
  // Every split point names packs that exist, and every pack is named by some split point.
  const named = [...loader.matchAll(/wrapAsyncCb\(loadSplit\((\[[\d,]*\])\)\)/g)].flatMap((m) => JSON.parse(m[1]));
  assert.ok(named.length > 0, 'the loader names the packs of its split points');
  assert.ok(named.every((k) => k >= 0 && k < files.length), 'a split point names only packs that exist');
  assert.deepEqual([...new Set(named)].sort((a, b) => a - b), files.map((_, k) => k), 'every pack is needed by some split point');
  const loose = fs.readdirSync(dir).filter((f) => /^(chunk_\d+|split_\w+)\.wasm$/.test(f));
  assert.deepEqual(loose, [], 'no unpacked module is left in the build');
});

test('a first visit to 直通代表 fetches at most 15 code files, all packs', async () => {
  const page = await newPage(app.browser, { width: MOBILE });
  const wasm = wasmRequests(page);
  try {
    await gotoApp(page, app.server.url + 'direct');
    await eventuallyShows(page.locator('main#main h1'), '直通代表');
    const code = wasm.filter((f) => f !== 'deputy-home_bg.wasm');
    assert.ok(code.length >= 1 && code.length <= 15, `1–15 code files, fetched ${code.join(', ')}`);
    assert.ok(code.every((f) => /^pack_\d+\.wasm$/.test(f)), `only packs: ${code.join(', ')}`);
    assert.equal(new Set(code).size, code.length, 'each pack is fetched once');
    await expectNoConsoleErrors(page);
  } finally {
    await closePage(page);
  }
});

test('a pack that cannot be fetched: the network error with 重试, which loads the page', async () => {
  const page = await newPage(app.browser, { width: MOBILE });
  let blocked = true;
  await page.route(/\/pack_\d+\.wasm$/, (route) => (blocked ? route.abort() : route.continue()));
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
