#!/usr/bin/env node
// The release build's wasm, made as small as it can be without changing what it does
// (docs/performance.md, "Build hygiene"). Run by scripts/build-split.sh after wasm-bindgen:
//
//   node scripts/slim-wasm.mjs PKG
//
// 1. Every module (the main one, the app modules, the shared chunks) is optimised for size with
//    binaryen (`-Oz`, the features below), in this one process: the npm build of wasm-opt takes
//    about a second to start, which made optimising a few hundred small chunks cost minutes, so
//    small chunks were shipped unoptimised, with their name sections.
// 2. No custom sections (names, producers, target features): nothing in the browser reads them.
// 3. The main module no longer exports wasm-streams' classes. leptos turns on server_fn's
//    `browser` feature, whose wasm-streams exports keep their code alive although this app has
//    no server functions; without the exports the optimiser drops that code.
// 4. The main module's imports from its JS glue get short names ("0", "1", …) instead of
//    wasm-bindgen's `__wbg_body_5f971cbc6950ca4f`: the hashes do not compress, and both the wasm
//    and the JS carry each name once. The glue's import object is rewritten to match; the build
//    stops if any name is not found exactly once.
import fs from 'node:fs';
import path from 'node:path';
import binaryen from '../tools/node_modules/binaryen/index.js';

const pkg = process.argv[2];
const MAIN = 'deputy-home_bg.wasm';
const GLUE = 'deputy-home.js';
const GLUE_MODULE = './deputy-home_bg.js';
if (!pkg || !fs.existsSync(path.join(pkg, MAIN)) || !fs.existsSync(path.join(pkg, GLUE))) {
  console.error(`usage: node scripts/slim-wasm.mjs PKG (a folder with ${MAIN} and ${GLUE})`);
  process.exit(1);
}

// The features the browsers we support have, as index.html gives them to trunk's wasm-opt.
const F = binaryen.Features;
const FEATURES =
  F.MVP | F.BulkMemory | F.BulkMemoryOpt | F.NontrappingFPToInt | F.SignExt | F.MutableGlobals | F.ReferenceTypes |
  F.Multivalue | F.CallIndirectOverlong;
const DEAD_EXPORT = /^(__wbg_)?intounderlying/;

// ---- the wasm binary format, as much of it as this needs ----
function readU32(buf, at) {
  let n = 0;
  let shift = 0;
  let b;
  do {
    b = buf[at.p++];
    n += (b & 0x7f) * 2 ** shift;
    shift += 7;
  } while (b & 0x80);
  return n;
}
function leb(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return Buffer.from(out);
}
const name = (s) => {
  const b = Buffer.from(s);
  return Buffer.concat([leb(b.length), b]);
};
/** Sections as [{ id, body }]. */
function sections(buf) {
  const at = { p: 8 };
  const out = [];
  while (at.p < buf.length) {
    const id = buf[at.p++];
    const size = readU32(buf, at);
    out.push({ id, body: buf.subarray(at.p, at.p + size) });
    at.p += size;
  }
  return out;
}
const assemble = (head, list) =>
  Buffer.concat([head.subarray(0, 8), ...list.flatMap((s) => [Buffer.from([s.id]), leb(s.body.length), s.body])]);

/** The import section with `rename(module, field)` applied. */
function renameImports(body, rename) {
  const at = { p: 0 };
  const count = readU32(body, at);
  const items = [];
  const str = () => {
    const n = readU32(body, at);
    const s = body.subarray(at.p, at.p + n).toString();
    at.p += n;
    return s;
  };
  for (let i = 0; i < count; i++) {
    const module = str();
    const field = str();
    const start = at.p;
    const kind = body[at.p++];
    if (kind === 0) readU32(body, at);
    else if (kind === 1 || kind === 2) {
      if (kind === 1) at.p++;
      const flags = body[at.p++];
      readU32(body, at);
      if (flags & 1) readU32(body, at);
    } else if (kind === 3) at.p += 2;
    else throw new Error(`slim-wasm: import kind ${kind} not understood`);
    items.push(Buffer.concat([name(module), name(rename(module, field)), body.subarray(start, at.p)]));
  }
  return Buffer.concat([leb(count), ...items]);
}

/** The export section without the exports `drop` matches. */
function dropExports(body, drop) {
  const at = { p: 0 };
  const count = readU32(body, at);
  const kept = [];
  for (let i = 0; i < count; i++) {
    const start = at.p;
    const n = readU32(body, at);
    const field = body.subarray(at.p, at.p + n).toString();
    at.p += n + 1;
    readU32(body, at);
    if (!drop.test(field)) kept.push(body.subarray(start, at.p));
  }
  return Buffer.concat([leb(kept.length), ...kept]);
}

binaryen.setOptimizeLevel(2);
binaryen.setShrinkLevel(2);
binaryen.setDebugInfo(false);
function optimize(bytes) {
  const module = binaryen.readBinary(bytes);
  module.setFeatures(FEATURES);
  module.optimize();
  const out = Buffer.from(module.emitBinary());
  module.dispose();
  // binaryen writes no names without debug info; any other custom section goes too.
  return assemble(out, sections(out).filter((s) => s.id !== 0));
}

// Binaryen warns about name subsections it does not know (rustc's); they are dropped anyway.
const warn = console.warn;
console.warn = (...a) => (String(a[0]).includes('unknown name subsection') ? undefined : warn(...a));
const writeWarn = process.stderr.write.bind(process.stderr);
process.stderr.write = (chunk, ...rest) =>
  String(chunk).includes('unknown name subsection') ? true : writeWarn(chunk, ...rest);

let before = 0;
let after = 0;
const files = fs.readdirSync(pkg).filter((f) => f.endsWith('.wasm'));
for (const file of files) {
  const full = path.join(pkg, file);
  let bytes = fs.readFileSync(full);
  before += bytes.length;
  if (file === MAIN) {
    const list = sections(bytes).map((s) => (s.id === 7 ? { id: 7, body: dropExports(s.body, DEAD_EXPORT) } : s));
    bytes = assemble(bytes, list);
  }
  bytes = optimize(bytes);
  if (file === MAIN) bytes = shortenGlueImports(bytes);
  after += bytes.length;
  fs.writeFileSync(full, bytes);
}

/** Step 4: short import names in the main module and its glue. */
function shortenGlueImports(bytes) {
  const short = new Map();
  const list = sections(bytes).map((s) => {
    if (s.id !== 2) return s;
    const body = renameImports(s.body, (module, field) => {
      if (module !== GLUE_MODULE) return field;
      if (!short.has(field)) short.set(field, short.size.toString(36));
      return short.get(field);
    });
    return { id: 2, body };
  });
  const gluePath = path.join(pkg, GLUE);
  let glue = fs.readFileSync(gluePath, 'utf8');
  for (const [long, s] of short) {
    // A key of the import object: `        __wbg_body_5f971cbc6950ca4f: function(arg0) {`
    const key = new RegExp(`(^|[\\s,{])${long}(\\s*:)`, 'g');
    const found = glue.match(key)?.length ?? 0;
    if (found !== 1) throw new Error(`slim-wasm: import ${long} is a key ${found} times in ${GLUE}, not once`);
    glue = glue.replace(key, `$1${JSON.stringify(s)}$2`);
  }
  fs.writeFileSync(gluePath, glue);
  return assemble(bytes, list);
}

console.log(`slim-wasm: ${files.length} modules, ${before} → ${after} bytes`);
