// The split build's loader table (`__wasm_split.js`, written by wasm-split-cli and rewritten by
// scripts/pack-chunks.mjs), read as data: which code modules exist, which shared chunks each
// one needs, and what a first visit to each page fetches. Used by pack-chunks.mjs (to pack)
// and by first-visits.mjs (to measure), so both count the same way.
//
// A split point is one app module (`module!` in src/app.rs: direct, consult, …): the first
// visit to any of its pages fetches the module and every chunk it imports.

/// The loader's entries: { name → { file, deps: [chunk names], split: bool } } for the split
/// modules (`split_X`) and chunks (`chunk_N`), in the loader's order; on a packed loader, file
/// is the pack and section the name of the module's custom section in it.
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
  // A packed loader (scripts/pack-chunks.mjs): TABLE.modules[i] = [pack, deps] (the module is the
  // pack's custom section named i), and
  // the split points' exports name their module's index.
  const packed = loaderSource.match(/^const TABLE = (\{.*\});$/m);
  if (packed) {
    const table = JSON.parse(packed[1]);
    const names = table.modules.map((_, i) => `module_${i}`);
    for (const m of loaderSource.matchAll(/^export const __wasm_split_load_(\w+) = wrapAsyncCb\(load\((\d+)\)\);$/gm)) {
      names[Number(m[2])] = `split_${m[1]}`;
    }
    table.modules.forEach(([pack, deps], i) => {
      const name = names[i];
      entries.set(name, { name, file: table.packs[pack], section: String(i), deps: deps.map((d) => names[d]), split: name.startsWith('split_') });
    });
  }
  if (entries.size === 0) throw new Error('no entries found in the loader: has wasm-split-cli changed its output?');
  return entries;
}

/// What a first visit to each app module needs: [{ visit, needs: Set of entry names }].
export function visits(entries) {
  return [...entries.values()]
    .filter((e) => e.split)
    .map((e) => ({ visit: e.name.slice('split_'.length), needs: new Set([e.name, ...e.deps]) }));
}
