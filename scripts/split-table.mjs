// The split build's loader table (`__wasm_split.js`, written by wasm-split-cli and rewritten by
// scripts/pack-chunks.mjs), read as data: which code modules exist, which shared chunks each
// one needs, and what a first visit to each page fetches. Used by pack-chunks.mjs (to pack)
// and by first-visits.mjs (to measure), so both count the same way.
//
// Names (src/split.rs): an app module's split point is `name` (direct, consult, …); a page's
// split point inside it is `name_page` (direct_deputy, …). A visit to a page loads its app
// module's table first and then the page, so it needs both. `mine` and `other` have no pages
// of their own split points.

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
    entries.set(name, { name, file, deps, split: !m[1], body: m[3] });
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

/// What a first visit to each page needs: [{ visit, needs: Set of entry names }]. A page split
/// point `split_a_b` is visited through its app module `split_a`; an app module without page
/// split points is a visit of its own.
export function visits(entries) {
  const splits = [...entries.values()].filter((e) => e.split).map((e) => e.name);
  const needsOf = (name) => new Set([name, ...entries.get(name).deps]);
  const result = [];
  for (const name of splits) {
    const parent = splits.find((p) => name.startsWith(`${p}_`));
    const hasPages = splits.some((p) => p.startsWith(`${name}_`));
    if (parent) {
      result.push({ visit: name.slice('split_'.length), needs: new Set([...needsOf(parent), ...needsOf(name)]) });
    } else if (!hasPages) {
      result.push({ visit: name.slice('split_'.length), needs: needsOf(name) });
    }
  }
  return result;
}
