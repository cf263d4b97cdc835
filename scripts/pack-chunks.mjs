#!/usr/bin/env node
// Packs the split build's code modules into a few files per visit (docs/performance.md).
//
//   node scripts/pack-chunks.mjs PKG [--files N] [--kb K]
//
// wasm-split-cli makes one module per split point and one shared chunk for every *set* of split
// points that share code: dozens of files, most under 2 KB, and a first visit to a module
// fetched 15–39 of them. This script groups them into packs (`pack_N.wasm`) and rewrites the
// loader (`__wasm_split.js`) so that a module is read from its section of a pack. Each module is
// still instantiated once, by the loader's own memo, whichever pack brought it.
//
// How modules are grouped: each module is needed by a set of module visits (scripts/split-table.mjs).
// Modules needed by the same visits go together for free. Then, while a visit needs more than
// N packs (default 6), the two of its packs whose merging adds the fewest bytes to other visits
// are merged, as long as no visit goes over K KB gzip (default 80), or, for a visit whose code
// is already over that, over a tenth more than its code. Nothing is
// duplicated: a user who visits every module downloads each one once, as before.
//
// A pack is a valid wasm container: the wasm header, then one custom section per module whose
// payload is that module's bytes, so hosts serve it as application/wasm and compress it like
// the rest. The loader reads the sections and instantiates the module it needs from its own.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { readTable, visits } from './split-table.mjs';

const args = process.argv.slice(2);
const pkg = args[0];
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : Number(args[i + 1]);
};
const maxFiles = option('--files', 6);
const maxBytes = option('--kb', 80) * 1024;
const loaderPath = pkg && path.join(pkg, '__wasm_split.js');
if (!loaderPath || !fs.existsSync(loaderPath)) {
  console.error('usage: node scripts/pack-chunks.mjs PKG (a split build folder with __wasm_split.js)');
  process.exit(1);
}
const source = fs.readFileSync(loaderPath, 'utf8');
if (source.includes('const TABLE = ')) {
  console.error(`pack-chunks: ${loaderPath} is already packed`);
  process.exit(1);
}
const entries = readTable(source);
const all = visits(entries);
const V = all.length;
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

// Modules (loader entries with a file; wasm-split leaves out empty ones), with their gzip size
// and the visits that need them.
const modules = [...entries.values()]
  .filter((e) => e.file && fs.existsSync(path.join(pkg, e.file)))
  .map((e) => {
    const bytes = fs.readFileSync(path.join(pkg, e.file));
    return { ...e, bytes, size: gz(bytes), vis: all.map((v) => v.needs.has(e.name)) };
  });

// 1. Same visits: one pack, no cost.
let packs = [];
{
  const byKey = new Map();
  for (const m of modules) {
    const key = m.vis.map((b) => (b ? 1 : 0)).join('');
    if (!byKey.has(key)) byKey.set(key, { modules: [], size: 0, vis: m.vis.slice() });
    const p = byKey.get(key);
    p.modules.push(m);
    p.size += m.size;
  }
  packs = [...byKey.values()];
}

const visitFiles = (v) => packs.filter((p) => p.vis[v]).length;
const visitBytes = (v, list = packs) => list.reduce((n, p) => n + (p.vis[v] ? p.size : 0), 0);
// Bytes that merging a and b adds to visits needing only one of them.
const waste = (a, b) => {
  let w = 0;
  for (let v = 0; v < V; v++) {
    if (a.vis[v] && !b.vis[v]) w += b.size;
    else if (b.vis[v] && !a.vis[v]) w += a.size;
  }
  return w;
};
// A visit may grow to the budget, or, if what it needs is already over the budget, by a tenth.
let limit = [];
const fits = (a, b) => {
  for (let v = 0; v < V; v++) {
    if (!(a.vis[v] || b.vis[v]) || (a.vis[v] && b.vis[v])) continue;
    if (visitBytes(v) + (a.vis[v] ? b.size : a.size) > limit[v]) return false;
  }
  return true;
};

limit = all.map((_, v) => Math.max(maxBytes, Math.ceil(visitBytes(v) * 1.1)));

// 2. Merge, cheapest first, until each visit needs at most maxFiles packs (or cannot).
const stuck = new Set();
for (;;) {
  let worst = -1;
  for (let v = 0; v < V; v++) {
    if (!stuck.has(v) && visitFiles(v) > maxFiles && (worst < 0 || visitFiles(v) > visitFiles(worst))) worst = v;
  }
  if (worst < 0) break;
  const mine = packs.filter((p) => p.vis[worst]);
  let best = null;
  for (let i = 0; i < mine.length; i++) {
    for (let j = i + 1; j < mine.length; j++) {
      const w = waste(mine[i], mine[j]);
      if ((!best || w < best.w) && fits(mine[i], mine[j])) best = { a: mine[i], b: mine[j], w };
    }
  }
  if (!best) {
    stuck.add(worst);
    continue;
  }
  const merged = {
    modules: [...best.a.modules, ...best.b.modules],
    size: best.a.size + best.b.size,
    vis: best.a.vis.map((x, v) => x || best.b.vis[v]),
  };
  packs = packs.filter((p) => p !== best.a && p !== best.b).concat([merged]);
}

// 3. Write the packs (modules in the loader's order) and the loader.
const order = new Map([...entries.keys()].map((name, i) => [name, i]));
packs.sort((a, b) => Math.min(...a.modules.map((m) => order.get(m.name))) - Math.min(...b.modules.map((m) => order.get(m.name))));
const packOf = new Map();
const names = [];
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
packs.forEach((p, k) => {
  p.modules.sort((a, b) => order.get(a.name) - order.get(b.name));
  const parts = [Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00])];
  for (const m of p.modules) {
    // A custom section: id 0, size, name (the module's index in the loader's table), payload =
    // the module.
    const name = Buffer.from(String(modules.indexOf(m)));
    const body = Buffer.concat([leb(name.length), name]);
    const head = Buffer.concat([Buffer.from([0]), leb(body.length + m.bytes.length), body]);
    packOf.set(m.name, k);
    parts.push(head, m.bytes);
  }
  const file = `pack_${k}.wasm`;
  fs.writeFileSync(path.join(pkg, file), Buffer.concat(parts));
  names.push(file);
});

// The loader: wasm-split's own start (shared imports, makeLoad, wrapAsyncCb), then one table
// in place of its per-module code: smaller, and read by scripts/first-visits.mjs.
const firstEntry = source.search(/\n(?:\/\*[^\n]*\*\/\n)?(?:const __chunk_|export const __wasm_split_load_)/);
// (Its comments left out: the loader is part of the first load.)
const start = source.slice(0, firstEntry + 1).replace(/^\s*\/\/.*\n/gm, '');
if (firstEntry < 0 || !start.includes('function makeLoad(') || !start.includes('function wrapAsyncCb(')) {
  throw new Error('pack-chunks: unexpected loader code: has wasm-split-cli changed its output?');
}
const index = new Map(modules.map((m, i) => [m.name, i]));
const table = {
  packs: names,
  modules: modules.map((m) => [packOf.get(m.name), m.deps.filter((d) => index.has(d)).map((d) => index.get(d))]),
};
const exports = [...entries.values()].filter((e) => e.split).map((e) => {
  if (!index.has(e.name)) throw new Error(`pack-chunks: split module ${e.name} has no file`);
  return `export const __wasm_split_load_${e.name.slice('split_'.length)} = wrapAsyncCb(load(${index.get(e.name)}));`;
});
const loader = `${start}
// Packed by scripts/pack-chunks.mjs. Each code module is [pack, the modules it needs first]:
// a custom section, named by its index here, of one of the packs, each fetched once.
const TABLE = ${JSON.stringify(table)};
const packLoads = [];
function sections(buffer) {
    const bytes = new Uint8Array(buffer);
    const found = new Map();
    let p = 8;
    const leb = () => { let n = 0, shift = 0, b; do { b = bytes[p++]; n += (b & 127) * 2 ** shift; shift += 7; } while (b & 128); return n; };
    while (p < bytes.length) {
        p++;
        const size = leb();
        const end = p + size;
        const nameLength = leb();
        const name = String.fromCharCode(...bytes.subarray(p, p + nameLength));
        found.set(name, bytes.subarray(p + nameLength, end));
        p = end;
    }
    return found;
}
function part(pack, i) {
    let load = packLoads[pack];
    if (load === undefined) {
        const file = TABLE.packs[pack];
        load = fetch(new URL("./" + file, import.meta.url)).then((response) => {
            if (!response.ok) throw new Error(file + ": HTTP " + response.status);
            return response.arrayBuffer();
        }).then(sections);
        // As makeLoad: a failed fetch is not remembered, so a retry fetches again.
        load.catch(() => { if (packLoads[pack] === load) packLoads[pack] = undefined; });
        packLoads[pack] = load;
    }
    return load.then((found) => found.get(String(i)));
}
const loaders = [];
function load(i) {
    if (loaders[i] === undefined) {
        const [pack, deps] = TABLE.modules[i];
        loaders[i] = makeLoad(() => {
            const src = part(pack, i);
            src.catch(() => {});
            return async (imports) => WebAssembly.instantiate(await src, imports);
        }, deps.map((d) => load(d)));
    }
    return loaders[i];
}
${exports.join('\n')}
`;
fs.writeFileSync(loaderPath, loader);
for (const m of modules) fs.rmSync(path.join(pkg, m.file));

// 4. Report.
const over = all.filter((_, v) => visitFiles(v) > 15 || visitBytes(v) > maxBytes).map((x) => x.visit);
console.log(
  `pack-chunks: ${modules.length} modules in ${packs.length} packs; ` +
    `a first visit needs at most ${Math.max(...all.map((_, v) => visitFiles(v)))} packs` +
    (over.length ? `; over ${maxBytes / 1024} KB or 15 files: ${over.join(', ')}` : ''),
);
