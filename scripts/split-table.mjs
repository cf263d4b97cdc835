// The split build's loader table (`__wasm_split.js`, written by wasm-split-cli and rewritten by
// scripts/pack-chunks.mjs), read as data: which code modules exist, which shared chunks each
// one needs, and what a first visit to each page fetches. Used by pack-chunks.mjs (to pack)
// and by first-visits.mjs (to measure), so both count the same way.
//
// Split points (src/split.rs): a module's route table (`direct`) and each of its pages
// (`direct__deputy`); a first visit to a page fetches both and every chunk they import.

/// The loader's entries: { name → { file, deps: [chunk names], split: bool } } for the split
/// modules (`split_X`) and chunks (`chunk_N`), in the loader's order; on a packed loader, only
/// the split points, each with `bundle` and `packs` ({ file, size }: what it needs, see
/// scripts/pack-chunks.mjs).
export function readTable(loaderSource) {
  const entries = new Map();
  // const __chunk_N = makeLoad(() => { const src = fetch(new URL("./chunk_N.wasm", …
  // export const __wasm_split_load_X = wrapAsyncCb(makeLoad(() => { … "./split_X.wasm" … }, [deps]));
  const re =
    /(?:const (__chunk_\d+)|export const __wasm_split_load_(\w+)) = (?:wrapAsyncCb\()?makeLoad\(\(\) => \{([\s\S]*?)\n\}\n, \[([^\]]*)\]\)/g;
  for (const m of loaderSource.matchAll(re)) {
    const name = m[1] ? m[1].slice(2) : `split_${m[2]}`;
    const file = (m[3].match(/"\.\/([\w.]+\.wasm)"/) || [])[1] || null;
    const deps = m[4]
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((v) => v.replace(/^__/, ''));
    entries.set(name, { name, file, deps, split: !m[1] });
  }
  // A packed loader (scripts/pack-chunks.mjs): FILES = [file, …], SIZES = [gzip size, …], and
  // each split point  export const __wasm_split_load_X = wrapAsyncCb(loadSplit(bundle, [pack, …]));
  const files = loaderSource.match(/^const FILES = (\[.*\]);$/m);
  if (files) {
    const names = JSON.parse(files[1]);
    const sizes = JSON.parse(loaderSource.match(/^const SIZES = (\[.*\]);$/m)[1]);
    const file = (k) => ({ file: names[k], size: sizes[k] });
    const re = /^export const __wasm_split_load_(\w+) = wrapAsyncCb\(loadSplit\((\d+), (\[[\d,]*\])\)\);$/gm;
    for (const m of loaderSource.matchAll(re)) {
      const name = `split_${m[1]}`;
      entries.set(name, { name, file: null, bundle: file(Number(m[2])), packs: JSON.parse(m[3]).map(file), deps: [], split: true });
    }
  }
  if (entries.size === 0) throw new Error('no entries found in the loader: has wasm-split-cli changed its output?');
  return entries;
}

/// Every entry a split point needs: itself and its chunks.
export function closure(entries, name, acc = new Set()) {
  if (acc.has(name) || !entries.has(name)) return acc;
  acc.add(name);
  for (const d of entries.get(name).deps) closure(entries, d, acc);
  return acc;
}

/// The route table a page's split point needs first (`split_direct` for `split_direct__deputy`),
/// or null for a table, a part or a module without page split points.
export function tableOf(name) {
  const n = name.slice('split_'.length);
  return n.includes('__') && !n.startsWith('part__') ? `split_${n.split('__')[0]}` : null;
}

/// What a first visit to each page needs: [{ visit, name, needs: Set of entry names, table, part }].
/// A split point is a module's route table (`direct`), a page of it (`direct__deputy`) or a part
/// of a page fetched on first use (`part__name_search`, src/split.rs): a visit to a page needs
/// the page, its module's table (`table`: its entry name) and every chunk either imports; a
/// module whose table has no page split points of its own (`other`, `mine`) is one visit. A
/// part is listed with `part: true`: it is packed like a visit but is no page's first visit.
export function visits(entries) {
  const splits = [...entries.values()].filter((e) => e.split).map((e) => e.name);
  const tables = new Set(splits.map(tableOf).filter(Boolean));
  return splits
    .filter((n) => !tables.has(n))
    .map((n) => {
      const table = tableOf(n);
      const needs = closure(entries, n);
      if (table) closure(entries, table, needs);
      return { visit: n.slice('split_'.length).replace('__', '/'), name: n, needs, table, part: n.startsWith('split_part__') };
    });
}
