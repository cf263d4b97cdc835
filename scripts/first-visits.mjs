#!/usr/bin/env node
// What a first visit to each page fetches beyond the first load, on a split build (a
// benchmark: scripts/size.sh prints it). Budget (issue 13): at most 15 code files and 80 KB
// gzip. Reads the loader table (scripts/split-table.mjs): a visit needs the page's code, its module's
// route table and the chunks they import; on a packed build (scripts/pack-chunks.mjs) the packs
// they name, each counted once.
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
for (const { visit, needs } of visits(entries)) {
  const files = new Set(
    [...needs]
      .map((n) => entries.get(n))
      .flatMap((e) => (e ? e.files || [e.file] : []))
      .filter((f) => f && fs.existsSync(path.join(pkg, f))),
  );
  const bytes = [...files].reduce((sum, f) => sum + gzipSize(f), 0);
  const ok = files.size <= 15 && bytes <= 80 * 1024;
  if (!ok) over++;
  worst = { files: Math.max(worst.files, files.size), bytes: Math.max(worst.bytes, bytes) };
  console.log(`${visit.padEnd(44)} ${String(files.size).padStart(9)} files ${String(bytes).padStart(9)} B gzip  ${ok ? 'ok' : 'OVER BUDGET'}`);
}
const code = fs.readdirSync(pkg).filter((f) => f.endsWith('.wasm') && f !== 'deputy-home_bg.wasm');
const all = code.reduce((sum, f) => sum + gzipSize(f), 0);
console.log(`${'all code modules together'.padEnd(44)} ${String(code.length).padStart(9)} files ${String(all).padStart(9)} B gzip`);
console.log(`${'worst first visit'.padEnd(44)} ${String(worst.files).padStart(9)} files ${String(worst.bytes).padStart(9)} B gzip  ${over ? `${over} OVER BUDGET` : 'all within budget'}`);
