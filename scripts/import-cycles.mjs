#!/usr/bin/env node
// No file imports another that imports it back, through any chain (issue 38).
//
//   node scripts/import-cycles.mjs          # exit 1 and list the cycles, if any
//   node scripts/import-cycles.mjs --edges  # also print every file's imports
//
// For each crate (src/, crates/*/src, console-app/src) it reads every .rs file outside its
// tests (a trailing `#[cfg(test)] mod … {` block, and the crate's tests/ folder, are left out:
// a test module's `use super::*` is its own file), and follows every path the file names —
// `use` lists and inline paths (`crate::…`, `super::…`, `self::…`, and a child module's name) —
// to the file that defines the item, through `pub use` re-exports. `mod child;` alone is
// not an import (a module declares its files); `pub use child::…` is. Then it finds the
// strongly connected groups of files (Tarjan): each group of two or more is a cycle.
// Items made by macros (leptos_i18n's `i18n`) are counted as their module's.
//
// Not yet a step of scripts/test.sh: it finds 14 groups today (issue 38 lists them); it joins
// the lints once they are gone.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const showEdges = process.argv.includes('--edges');

function crateDirs() {
  const dirs = [path.join(root, 'src'), path.join(root, 'console-app', 'src')];
  for (const c of fs.readdirSync(path.join(root, 'crates'))) dirs.push(path.join(root, 'crates', c, 'src'));
  return dirs.filter((d) => fs.existsSync(d));
}

function rsFiles(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...rsFiles(p));
    else if (e.name.endsWith('.rs')) out.push(p);
  }
  return out;
}

/** `a/b.rs` → "a::b", `a/mod.rs` → "a", `lib.rs`/`main.rs` → "". */
function modulePath(srcDir, file) {
  const rel = path.relative(srcDir, file).replace(/\.rs$/, '').split(path.sep);
  if (rel[rel.length - 1] === 'mod') rel.pop();
  if (rel.length === 1 && (rel[0] === 'lib' || rel[0] === 'main')) return '';
  return rel.join('::');
}

/** The file's code without comments, strings' contents and its trailing test module. */
function code(file) {
  let s = fs.readFileSync(file, 'utf8');
  s = s.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, '');
  s = s.replace(/r#*"[\s\S]*?"#*/g, '""').replace(/"(?:\\.|[^"\\])*"/g, '""');
  const test = s.search(/#\[cfg\(test\)\]\s*(?:#\[[^\]]*\]\s*)*(?:pub(?:\([^)]*\))?\s+)?mod\s+\w+\s*\{/);
  return test >= 0 ? s.slice(0, test) : s;
}

/** `use` trees: `a::{b, c::{d, e as f}, g::*}` → ["a::b", "a::c::d", "a::c::e", "a::g::*"]. */
function expandUse(tree) {
  tree = tree.replace(/\s+/g, '');
  const brace = tree.indexOf('{');
  if (brace < 0) return [tree.replace(/as\w+$/, '').replace(/::$/, '')];
  const prefix = tree.slice(0, brace);
  const inner = tree.slice(brace + 1, tree.lastIndexOf('}'));
  const parts = [];
  let depth = 0;
  let cur = '';
  for (const ch of inner) {
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) parts.push(cur);
  return parts.flatMap((p) => (p === 'self' ? [prefix.replace(/::$/, '')] : expandUse(prefix + p)));
}

const ITEM = /(?:^|[\s;{}])(?:pub(?:\([^)]*\))?\s+)?(?:async\s+|unsafe\s+|const\s+|extern\s+"[^"]*"\s+)*(fn|struct|enum|trait|type|const|static|mod|union|macro_rules!)\s+([A-Za-z_]\w*)/g;

const files = new Map(); // file → {crate, mod, defs:Set, children:Set, reexports:[{path, pub}], uses:[path]}
for (const srcDir of crateDirs()) {
  for (const file of rsFiles(srcDir)) {
    const s = code(file);
    const defs = new Set();
    const children = new Set();
    for (const m of s.matchAll(ITEM)) {
      defs.add(m[2]);
      if (m[1] === 'mod') children.add(m[2]);
    }
    const uses = [];
    const reexports = [];
    for (const m of s.matchAll(/(?:^|[\s;{}])(pub(?:\([^)]*\))?\s+)?use\s+([^;]+);/g)) {
      for (const p of expandUse(m[2])) {
        uses.push(p);
        if (m[1]) reexports.push(p);
      }
    }
    // Inline paths: crate::a::b, super::a, self::a, and a child module's name (child::x).
    for (const m of s.matchAll(/(?<![\w:])((?:crate|super|self)(?:::\w+)+)/g)) uses.push(m[1]);
    for (const m of s.matchAll(/(?<![\w:])([a-z_]\w*)::(\w+)/g)) if (children.has(m[1])) uses.push(`${m[1]}::${m[2]}`);
    files.set(file, { srcDir, mod: modulePath(srcDir, file), defs, children, uses, reexports });
  }
}

// Module path → file, per crate.
const moduleFile = new Map();
for (const [file, f] of files) {
  const key = `${f.srcDir}|${f.mod}`;
  // lib.rs and main.rs are both the root: lib.rs wins (main.rs then imports through the crate's name).
  if (!moduleFile.has(key) || file.endsWith('lib.rs')) moduleFile.set(key, file);
}

/** Absolute segments of `p` as written in `f`, or null for another crate's path. */
function absolute(f, p) {
  const segs = p.split('::').filter(Boolean);
  let base = f.mod ? f.mod.split('::') : [];
  if (segs[0] === 'crate') return segs.slice(1);
  if (segs[0] === 'self') return [...base, ...segs.slice(1)];
  if (segs[0] === 'super') {
    let i = 0;
    while (segs[i] === 'super') {
      base = base.slice(0, -1);
      i++;
    }
    return [...base, ...segs.slice(i)];
  }
  if (f.children.has(segs[0])) return [...base, ...segs];
  return null;
}

/** The file that defines the item at absolute `segs` in the crate at srcDir (through re-exports). */
function resolve(srcDir, segs, depth = 0) {
  let i = segs.length;
  while (i > 0 && !moduleFile.has(`${srcDir}|${segs.slice(0, i).join('::')}`)) i--;
  const file = moduleFile.get(`${srcDir}|${segs.slice(0, i).join('::')}`);
  if (!file) return null;
  const rest = segs.slice(i);
  if (rest.length === 0 || rest[0] === '*' || depth > 8) return file;
  const f = files.get(file);
  const name = rest[0];
  if (f.defs.has(name)) return file;
  for (const r of f.reexports) {
    const rs = r.split('::');
    const last = rs[rs.length - 1];
    if (last === name || last === '*') {
      const abs = absolute(f, rs.slice(0, -1).concat(name).join('::'));
      if (!abs) continue;
      const target = resolve(srcDir, abs, depth + 1);
      if (target && target !== file && (last === name || files.get(target).defs.has(name) || last === '*')) {
        if (last === name || files.get(target).defs.has(name)) return target;
      }
    }
  }
  return file;
}

const edges = new Map();
for (const [file, f] of files) {
  const to = new Set();
  for (const u of f.uses) {
    const abs = absolute(f, u);
    if (!abs) continue;
    const target = resolve(f.srcDir, abs);
    if (target && target !== file) to.add(target);
  }
  edges.set(file, to);
}

// Tarjan's strongly connected components.
let index = 0;
const stack = [];
const info = new Map();
const groups = [];
function connect(v) {
  info.set(v, { index, low: index, on: true });
  index++;
  stack.push(v);
  for (const w of edges.get(v) || []) {
    if (!info.has(w)) {
      connect(w);
      info.get(v).low = Math.min(info.get(v).low, info.get(w).low);
    } else if (info.get(w).on) info.get(v).low = Math.min(info.get(v).low, info.get(w).index);
  }
  if (info.get(v).low === info.get(v).index) {
    const group = [];
    let w;
    do {
      w = stack.pop();
      info.get(w).on = false;
      group.push(w);
    } while (w !== v);
    if (group.length > 1) groups.push(group);
  }
}
for (const v of edges.keys()) if (!info.has(v)) connect(v);

const rel = (f) => path.relative(root, f);
if (showEdges) for (const [f, to] of edges) if (to.size) console.log(`${rel(f)} → ${[...to].map(rel).join(', ')}`);
if (groups.length === 0) {
  console.log(`import cycles: none in ${files.size} files`);
  process.exit(0);
}
console.error(`import cycles: ${groups.length} group(s) of files that import each other:`);
for (const g of groups) {
  const set = new Set(g);
  console.error(`- ${g.map(rel).sort().join(', ')}`);
  for (const f of g.sort()) {
    const back = [...edges.get(f)].filter((t) => set.has(t));
    console.error(`    ${rel(f)} → ${back.map(rel).join(', ')}`);
  }
}
process.exit(1);
