// The split build's loader table (`__wasm_split.js`, written by wasm-split-cli and rewritten by
// scripts/pack-chunks.mjs), read as data: which code modules exist, which shared chunks each
// one needs, and what a first visit to each page fetches. Used by pack-chunks.mjs (to pack)
// and by first-visits.mjs (to measure), so both count the same way.
//
// Split points (src/split.rs): a module's route table (`direct`) and each of its pages
// (`direct__deputy`); a first visit to a page fetches both and every chunk they import.

/// The loader's entries: { name → { file, deps: [chunk names], split: bool } } for the split
/// modules (`split_X`) and chunks (`chunk_N`), in the loader's order; on a packed loader, only
/// the split points, each with `files`: the packs it needs.
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
  // A packed loader (scripts/pack-chunks.mjs): PACKS = [file, …], and each split point
  //   export const __wasm_split_load_X = wrapAsyncCb(loadSplit([pack, …]));
  const packed = loaderSource.match(/^const PACKS = (\[.*\]);$/m);
  if (packed) {
    const files = JSON.parse(packed[1]);
    for (const m of loaderSource.matchAll(/^export const __wasm_split_load_(\w+) = wrapAsyncCb\(loadSplit\((\[[\d,]*\])\)\);$/gm)) {
      const name = `split_${m[1]}`;
      entries.set(name, { name, file: null, files: JSON.parse(m[2]).map((k) => files[k]), deps: [], split: true });
    }
  }
  if (entries.size === 0) throw new Error('no entries found in the loader: has wasm-split-cli changed its output?');
  return entries;
}

/// What a first visit to each page needs: [{ visit, needs: Set of entry names }]. A split point
/// is a module's route table (`direct`) or a page of it (`direct__deputy`, src/split.rs): a visit
/// to a page needs the page, its module's table and every chunk either imports; a module whose
/// table has no page split points of its own (`other`, `mine`) is one visit.
export function visits(entries) {
  const closure = (name, acc = new Set()) => {
    if (acc.has(name) || !entries.has(name)) return acc;
    acc.add(name);
    for (const d of entries.get(name).deps) closure(d, acc);
    return acc;
  };
  const splits = [...entries.values()].filter((e) => e.split).map((e) => e.name.slice('split_'.length));
  const tables = new Set(splits.filter((n) => n.includes('__')).map((n) => n.split('__')[0]));
  return splits
    .filter((n) => !tables.has(n))
    .map((n) => {
      const needs = closure(`split_${n}`);
      if (n.includes('__')) closure(`split_${n.split('__')[0]}`, needs);
      return { visit: n.replace('__', '/'), needs };
    });
}
