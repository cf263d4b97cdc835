#!/usr/bin/env node
// What a first visit to each page fetches beyond the first load, on a split build (a
// benchmark: scripts/size.sh prints it). Budget (issue 13): at most 15 code files and 80 KB
// gzip. Reads the loader table (scripts/split-table.mjs): a visit needs the page's code, its
// module's route table and the chunks they import; on a packed build (scripts/pack-chunks.mjs)
// a cold start fetches what the loader chooses: for the table and then the page, the bundle or
// the packs not yet fetched, whichever weighs less.
//
//   node scripts/first-visits.mjs PKG
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { readTable, visits } from './split-table.mjs';

const pkg = process.argv[2];
const source = fs.readFileSync(path.join(pkg, '__wasm_split.js'), 'utf8');
const entries = readTable(source);
const sizes = new Map();
const gzipSize = (file) => {
  if (!sizes.has(file)) sizes.set(file, zlib.gzipSync(fs.readFileSync(path.join(pkg, file)), { level: 9 }).length);
  return sizes.get(file);
};
let worst = { files: 0, bytes: 0 };
let over = 0;
const parts = [];
/** The code modules in a pack or bundle (scripts/pack-chunks.mjs): its custom sections' names. */
const contents = new Map();
function modulesIn(file) {
  if (!contents.has(file)) {
    const bytes = fs.readFileSync(path.join(pkg, file));
    const found = [];
    let p = 8;
    const leb = () => {
      let n = 0;
      let shift = 0;
      let b;
      do {
        b = bytes[p++];
        n += (b & 127) * 2 ** shift;
        shift += 7;
      } while (b & 128);
      return n;
    };
    while (p < bytes.length) {
      p++;
      const end = leb() + p;
      const length = leb();
      found.push(bytes.subarray(p, p + length).toString());
      p = end;
    }
    contents.set(file, found);
  }
  return contents.get(file);
}
/** What a cold start fetches for a visit, after the files `got`: on a packed build, as the
 * loader chooses (for its module's table, then the page: the bundle, or the packs still needed
 * when they weigh less); on an unpacked one, the modules and chunks. */
function fetched({ name, table, needs }, got = []) {
  if (!entries.get(name).packs) {
    const files = [...needs].map((n) => entries.get(n).file).filter((f) => f && fs.existsSync(path.join(pkg, f)));
    return files.map((f) => ({ file: f, size: gzipSize(f) }));
  }
  const loaded = new Set(got.map((g) => g.file));
  const instantiated = new Set(got.flatMap((g) => modulesIn(g.file)));
  const added = [];
  for (const step of [table, name].filter(Boolean)) {
    const e = entries.get(step);
    const missing = e.packs.filter((p) => !loaded.has(p.file) && modulesIn(p.file).some((n) => !instantiated.has(n)));
    const packs = missing.reduce((n, p) => n + p.size, 0);
    const use = missing.length > 0 && e.bundle.size < packs ? [e.bundle] : missing;
    for (const f of use) {
      loaded.add(f.file);
      for (const n of modulesIn(f.file)) instantiated.add(n);
      added.push(f);
    }
  }
  return added;
}
const every = visits(entries);
for (const v of every) {
  const got = fetched(v);
  const files = got.length;
  const bytes = got.reduce((n, f) => n + f.size, 0);
  if (v.part) {
    // At most its bundle (the loader takes the packs instead when they weigh less, or what
    // the page's visit has not brought already).
    parts.push(`${v.visit.padEnd(44)} ${String(files).padStart(9)} files ${String(bytes).padStart(9)} B gzip  at most, on first use`);
    continue;
  }
  const ok = files <= 15 && bytes <= 80 * 1024;
  if (!ok) over++;
  worst = { files: Math.max(worst.files, files), bytes: Math.max(worst.bytes, bytes) };
  console.log(`${v.visit.padEnd(44)} ${String(files).padStart(9)} files ${String(bytes).padStart(9)} B gzip  ${ok ? 'ok' : 'OVER BUDGET'}`);
}
// A part of a page (src/split.rs) comes when it is first used.
for (const line of parts) console.log(line);
// All code modules once (the packs: what the service worker's precache downloads).
const code = fs.readdirSync(pkg).filter((f) => f.endsWith('.wasm') && f !== 'deputy-home_bg.wasm' && !f.startsWith('bundle_'));
const all = code.reduce((sum, f) => sum + gzipSize(f), 0);
console.log(`${'all code modules together (packs)'.padEnd(44)} ${String(code.length).padStart(9)} files ${String(all).padStart(9)} B gzip`);
console.log(`${'worst first visit'.padEnd(44)} ${String(worst.files).padStart(9)} files ${String(worst.bytes).padStart(9)} B gzip  ${over ? `${over} OVER BUDGET` : 'all within budget'}`);
