#!/usr/bin/env node
// Packs the split build's code modules into a few files per page visit (docs/performance.md).
//
//   node scripts/pack-chunks.mjs PKG [--files N]
//
// wasm-split-cli makes one module per split point (a module's route table, each page: see
// src/split.rs) and one shared chunk for every *set* of split points that share code: about
// five hundred modules, most of a few hundred bytes, each needed by a different set of page
// visits (scripts/split-table.mjs). This script groups them into packs (`pack_N.wasm`) and
// rewrites the loader (`__wasm_split.js`): a split point names the packs it needs, and every
// module in a fetched pack is instantiated once, whichever split point brought it.
//
// How modules are grouped. What a visit downloads is the gzip size of each pack it needs, so:
//   1. modules needed by exactly the same visits go together (no visit pays for another's code);
//   2. then two packs that some visit needs both of are merged whenever that lowers the sum,
//      over all visits, of what each downloads: one gzip stream compresses what the two share
//      (many small chunks carry the same type section), against what the visits that need only
//      one of them now download in addition; sizes are measured (gzip -9), not estimated;
//   3. then, while a visit needs more than N packs (default 15, the budget), the two of its
//      packs whose merging costs the visits least are merged.
// Nothing is duplicated among packs: the service worker's precache downloads each module once.
//
// Packs are shared by many visits, so a first visit on a cold start downloads code of other
// pages with them, and several gzip streams compress worse than one: about 40 % more than the
// page needs. So each split point also gets a bundle (`bundle_N.wasm`): exactly the modules it
// needs (a page: beyond its module's table, which is always loaded first), one stream. The
// loader fetches the bundle when the packs it still lacks are not on the device (the service
// worker's precache) and would weigh more; otherwise the packs. A module is instantiated once,
// from whichever file brought it first. Bundles are not precached (scripts/stamp-sw.sh).
//
// A pack is a valid wasm container: the wasm header, then one custom section per module, named
// by the module's number, whose payload is the module; hosts serve it as application/wasm and
// compress it like the rest. Modules do not import from each other (only the main module's
// memory, table and shared globals), so the order of instantiation does not matter.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { closure, readTable, tableOf, visits } from './split-table.mjs';

const args = process.argv.slice(2);
const pkg = args[0];
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : Number(args[i + 1]);
};
const maxFiles = option('--files', 15);
const loaderPath = pkg && path.join(pkg, '__wasm_split.js');
if (!loaderPath || !fs.existsSync(loaderPath)) {
  console.error('usage: node scripts/pack-chunks.mjs PKG (a split build folder with __wasm_split.js)');
  process.exit(1);
}
const source = fs.readFileSync(loaderPath, 'utf8');
if (source.includes('function loadSplit(')) {
  console.error(`pack-chunks: ${loaderPath} is already packed`);
  process.exit(1);
}
const entries = readTable(source);
const all = visits(entries);
const V = all.length;
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

// Modules (loader entries with a file; wasm-split leaves out empty ones) and the visits that
// need them, as a bit set.
const modules = [...entries.values()]
  .filter((e) => e.file && fs.existsSync(path.join(pkg, e.file)))
  .map((e, number) => ({
    ...e,
    number,
    bytes: fs.readFileSync(path.join(pkg, e.file)),
    visits: all.reduce((bits, v, i) => (v.needs.has(e.name) ? bits | (1n << BigInt(i)) : bits), 0n),
  }));
const count = (bits) => {
  let n = 0;
  for (; bits; bits &= bits - 1n) n++;
  return n;
};

let nextId = 0;
const pack = (list, bits) => {
  const bytes = Buffer.concat(list.map((m) => m.bytes));
  return { id: nextId++, modules: list, visits: bits, bytes, size: gz(bytes) };
};
// 1. Same visits: one pack.
let packs = [];
{
  const byVisits = new Map();
  for (const m of modules) {
    if (!byVisits.has(m.visits)) byVisits.set(m.visits, []);
    byVisits.get(m.visits).push(m);
  }
  packs = [...byVisits].map(([bits, list]) => pack(list, bits));
}

// What merging a and b changes in the sum over visits of their download.
const mergedSizes = new Map();
const mergedSize = (a, b) => {
  const key = a.id < b.id ? `${a.id},${b.id}` : `${b.id},${a.id}`;
  if (!mergedSizes.has(key)) mergedSizes.set(key, gz(Buffer.concat([a.bytes, b.bytes])));
  return mergedSizes.get(key);
};
const cost = (a, b) => {
  const both = count(a.visits & b.visits);
  const onlyA = count(a.visits & ~b.visits);
  const onlyB = count(b.visits & ~a.visits);
  const ab = mergedSize(a, b);
  return both * (ab - a.size - b.size) + onlyA * (ab - a.size) + onlyB * (ab - b.size);
};
const merge = (a, b) => {
  packs = packs.filter((p) => p !== a && p !== b);
  packs.push(pack([...a.modules, ...b.modules], a.visits | b.visits));
};

// 2. Merge while it lowers what visits download. (A pair whose extra download for the visits
// that need only one of them clearly outweighs what compression could save for the others is
// not measured.)
for (;;) {
  let best = null;
  for (let i = 0; i < packs.length; i++) {
    for (let j = i + 1; j < packs.length; j++) {
      const [a, b] = [packs[i], packs[j]];
      const both = count(a.visits & b.visits);
      if (!both) continue;
      const extra = count(a.visits & ~b.visits) * b.size + count(b.visits & ~a.visits) * a.size;
      if (extra * 0.6 > both * Math.min(a.size, b.size)) continue;
      const c = cost(a, b);
      if (c < 0 && (!best || c < best.c)) best = { a, b, c };
    }
  }
  if (!best) break;
  merge(best.a, best.b);
}

// 3. At most maxFiles packs a visit.
const bit = (v) => 1n << BigInt(v);
const files = (v) => packs.filter((p) => p.visits & bit(v)).length;
for (;;) {
  let worst = -1;
  for (let v = 0; v < V; v++) if (files(v) > maxFiles && (worst < 0 || files(v) > files(worst))) worst = v;
  if (worst < 0) break;
  const mine = packs.filter((p) => p.visits & bit(worst));
  let best = null;
  for (let i = 0; i < mine.length; i++) {
    for (let j = i + 1; j < mine.length; j++) {
      const c = cost(mine[i], mine[j]);
      if (!best || c < best.c) best = { a: mine[i], b: mine[j], c };
    }
  }
  merge(best.a, best.b);
}

// 4. Write the packs, modules in the loader's order, packs in the order of their first module.
for (const p of packs) p.modules.sort((a, b) => a.number - b.number);
packs.sort((a, b) => a.modules[0].number - b.modules[0].number);
const leb = (n) => {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
};
/** A file of modules: the wasm header, then per module a custom section (id 0, size, name =
 * the module's number) whose payload is the module. */
const container = (list) => {
  const parts = [Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00])];
  for (const m of list) {
    const name = Buffer.from(String(m.number));
    const body = Buffer.concat([leb(name.length), name]);
    parts.push(Buffer.concat([Buffer.from([0]), leb(body.length + m.bytes.length), body]), m.bytes);
  }
  return Buffer.concat(parts);
};
const packOf = new Map();
const fileSizes = [];
const names = packs.map((p, k) => {
  for (const m of p.modules) packOf.set(m.name, k);
  const bytes = container(p.modules);
  const file = `pack_${k}.wasm`;
  fs.writeFileSync(path.join(pkg, file), bytes);
  fileSizes.push(gz(bytes));
  return file;
});

// 5. Bundles: per split point, the modules it needs that its module's table has not brought.
const splits = [...entries.values()].filter((e) => e.split);
const splitNames = new Set(splits.map((e) => e.name));
const byName = new Map(modules.map((m) => [m.name, m]));
const bundleOf = new Map();
splits.forEach((e, i) => {
  const table = tableOf(e.name);
  const before = table && splitNames.has(table) ? closure(entries, table) : new Set();
  const list = [...closure(entries, e.name)].filter((n) => !before.has(n) && byName.has(n)).map((n) => byName.get(n));
  list.sort((a, b) => a.number - b.number);
  const bytes = container(list);
  const file = `bundle_${i}.wasm`;
  fs.writeFileSync(path.join(pkg, file), bytes);
  bundleOf.set(e.name, names.length);
  names.push(file);
  fileSizes.push(gz(bytes));
});

// 6. The loader: wasm-split's own start (shared imports, wrapAsyncCb), then the files and what
// each split point needs of them.
const firstEntry = source.search(/\n(?:\/\*[^\n]*\*\/\n)?(?:const __chunk_|export const __wasm_split_load_)/);
// (Its comments and makeLoad left out: the loader is part of the first load.)
const start = source
  .slice(0, firstEntry + 1)
  .replace(/^\s*\/\/.*\n/gm, '')
  .replace(/\nfunction makeLoad\([\s\S]*?\n\}\n/, '\n');
if (firstEntry < 0 || !start.includes('function getSharedImports(') || !start.includes('function wrapAsyncCb(')) {
  throw new Error('pack-chunks: unexpected loader code: has wasm-split-cli changed its output?');
}
const exports = splits.map((e) => {
  if (!packOf.has(e.name)) throw new Error(`pack-chunks: split module ${e.name} has no file`);
  const need = [...new Set([...closure(entries, e.name)].filter((n) => packOf.has(n)).map((n) => packOf.get(n)))].sort((a, b) => a - b);
  return `export const __wasm_split_load_${e.name.slice('split_'.length)} = wrapAsyncCb(loadSplit(${bundleOf.get(e.name)}, ${JSON.stringify(need)}));`;
});
const loader = `${start}
// Packed by scripts/pack-chunks.mjs. FILES: the packs, then the bundles; SIZES: their gzip
// sizes; PACK_OF: the pack of each code module. Each split point names its bundle and its
// packs; a file is a custom section per code module, named by its number, and each module is
// instantiated once.
const FILES = ${JSON.stringify(names)};
const SIZES = ${JSON.stringify(fileSizes)};
const PACK_OF = ${JSON.stringify(modules.map((m) => packOf.get(m.name)))};
const fileLoads = [];
const instances = new Map();
function sections(buffer) {
    const bytes = new Uint8Array(buffer);
    const found = [];
    let p = 8;
    const leb = () => { let n = 0, shift = 0, b; do { b = bytes[p++]; n += (b & 127) * 2 ** shift; shift += 7; } while (b & 128); return n; };
    while (p < bytes.length) {
        p++;
        const size = leb();
        const end = p + size;
        const nameLength = leb();
        found.push([String.fromCharCode(...bytes.subarray(p, p + nameLength)), bytes.subarray(p + nameLength, end)]);
        p = end;
    }
    return found;
}
const urlOf = (k) => new URL("./" + FILES[k], import.meta.url);
function loadFile(k) {
    let load = fileLoads[k];
    if (load === undefined) {
        load = fetch(urlOf(k)).then((response) => {
            if (!response.ok) throw new Error(FILES[k] + ": HTTP " + response.status);
            return response.arrayBuffer();
        }).then((buffer) => Promise.all(sections(buffer).map(([name, bytes]) => {
            let instance = instances.get(name);
            if (instance === undefined) {
                instance = WebAssembly.instantiate(bytes, getSharedImports());
                instances.set(name, instance);
            }
            return instance;
        })));
        // A failed fetch is not remembered, so a retry fetches again.
        load.catch(() => { if (fileLoads[k] === load) fileLoads[k] = undefined; });
        fileLoads[k] = load;
    }
    return load;
}
async function onDevice(k) {
    try { return !!(await caches.match(urlOf(k))); } catch (e) { return false; }
}
function modulesOf(k) {
    const list = [];
    for (let n = 0; n < PACK_OF.length; n++) if (PACK_OF[n] === k) list.push(String(n));
    return list;
}
// A split point whose bundle came already (a preload, an earlier visit) has all it needs: a
// pack also holds modules of other split points, so it would look missing. Otherwise the packs
// still needed (not fetched, and some module of theirs not yet come with a bundle) when they
// are on the device or weigh less than the bundle; then every module of the split point's
// packs that is on its way (from a file another split point is fetching).
function loadSplit(bundle, packs) {
    return async () => {
        if (fileLoads[bundle] !== undefined && (await fileLoads[bundle].then(() => true, () => false))) return;
        const missing = packs.filter((k) => fileLoads[k] === undefined && modulesOf(k).some((n) => !instances.has(n)));
        let use = missing;
        if (missing.length > 0 && SIZES[bundle] < missing.reduce((n, k) => n + SIZES[k], 0)) {
            const saved = typeof caches !== "undefined" && (await Promise.all(missing.map(onDevice))).every(Boolean);
            if (!saved) use = [bundle];
        }
        await Promise.all([...use, ...packs.filter((k) => fileLoads[k] !== undefined)].map(loadFile));
        await Promise.all(packs.flatMap(modulesOf).map((n) => instances.get(n)).filter(Boolean));
    };
}
${exports.join('\n')}
`;
fs.writeFileSync(loaderPath, loader);
for (const m of modules) fs.rmSync(path.join(pkg, m.file));

// 7. Report (scripts/first-visits.mjs measures what each first visit fetches).
console.log(
  `pack-chunks: ${modules.length} modules in ${packs.length} packs (a visit needs at most ` +
    `${Math.max(...all.map((_, v) => files(v)))}) and ${splits.length} bundles`,
);
