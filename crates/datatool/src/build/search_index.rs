//! The sharded name index (`search/meta.json`, `search/{py,ini}/…`): pinyin computed here with
//! the `pinyin` crate, so the app ships no pinyin tables. Each index is cut into leaves by key
//! prefix, adaptively: a prefix whose entries exceed [`LEAF_LIMIT`] bytes of JSON is split by
//! one more letter (see `deputy_model::search` for how the app routes a query to its leaves).

use std::collections::BTreeMap;

use deputy_model::search::{IndexKind, SearchKeys, SearchMeta, ShardRef, index_key};
use deputy_model::{DeputySummary, FORMAT_VERSION};
use pinyin::ToPinyin;
use serde::Serialize;

/// Raw JSON bytes per leaf file. Summaries compress about 6–8×, so a leaf stays well under the
/// 64 KB gzip budget of any file a page fetches (the benchmark measures the real figure).
pub const LEAF_LIMIT: usize = 240_000;

/// Pinyin syllables of a name, lowercase without tones, separated by spaces. Characters
/// without a reading (·, Latin letters) are kept as they are, lowercased.
pub fn pinyin_of(name: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for (c, p) in name.chars().zip(name.to_pinyin()) {
        match p {
            Some(p) => out.push(p.plain().to_string()),
            None if c.is_alphanumeric() => out.push(c.to_lowercase().collect()),
            None => {}
        }
    }
    out.join(" ")
}

/// One served leaf page: which entries (by index into the deputy list) it holds.
pub struct LeafPage {
    #[cfg_attr(not(test), allow(dead_code))]
    pub index: IndexKind,
    pub path: String,
    pub key: String,
    pub page: u32,
    pub members: Vec<usize>,
}

/// The whole index, with leaves as lists of deputy positions (no copies of the summaries).
pub struct NameIndex {
    pub meta: SearchMeta,
    pub keys: Vec<SearchKeys>,
    pub pages: Vec<LeafPage>,
    /// Pinyin of every deputy, by position (empty for names without one).
    pub pinyin: Vec<String>,
}

/// A served entry, borrowing the summary (same JSON as `deputy_model::search::SearchEntry`).
#[derive(Serialize)]
pub struct EntryOut<'a> {
    #[serde(flatten)]
    pub deputy: &'a DeputySummary,
    pub pinyin: &'a str,
}

/// A served leaf page (same JSON as `deputy_model::search::SearchShard`).
#[derive(Serialize)]
pub struct ShardOut<'a> {
    pub format_version: u32,
    pub key: &'a str,
    #[serde(skip_serializing_if = "is_one")]
    pub page: u32,
    pub entries: Vec<EntryOut<'a>>,
}

fn is_one(n: &u32) -> bool {
    *n == 1
}

impl NameIndex {
    pub fn shard<'a>(&'a self, leaf: &'a LeafPage, deputies: &'a [&'a DeputySummary]) -> ShardOut<'a> {
        ShardOut {
            format_version: FORMAT_VERSION,
            key: &leaf.key,
            page: leaf.page,
            entries: leaf.members.iter().map(|&i| EntryOut { deputy: deputies[i], pinyin: &self.pinyin[i] }).collect(),
        }
    }
}

/// Build both indexes over `deputies` with leaves of at most `limit` raw bytes.
pub fn build(deputies: &[&DeputySummary], limit: usize) -> NameIndex {
    let mut chars = BTreeMap::new();
    let mut pinyin = Vec::with_capacity(deputies.len());
    let mut sizes = Vec::with_capacity(deputies.len());
    for d in deputies {
        for (c, p) in d.name.chars().zip(d.name.as_str().to_pinyin()) {
            if let Some(p) = p {
                chars.entry(c.to_string()).or_insert_with(|| p.plain().to_string());
            }
        }
        let py = pinyin_of(&d.name);
        // Size of the entry as served, for cutting leaves.
        sizes.push(serde_json::to_vec(&EntryOut { deputy: d, pinyin: &py }).map(|v| v.len() + 1).unwrap_or(256));
        pinyin.push(py);
    }
    let mut meta =
        SearchMeta { format_version: FORMAT_VERSION, total: 0, pinyin: Vec::new(), initials: Vec::new(), chars };
    let mut keys_files = Vec::new();
    let mut pages = Vec::new();
    for index in IndexKind::ALL {
        let mut items: Vec<(String, usize)> =
            pinyin.iter().enumerate().map(|(i, p)| (index_key(index, p), i)).filter(|(k, _)| !k.is_empty()).collect();
        // A name's own Latin spelling (a Mongolian name's transcription, shown in the English
        // UI) is a second key in the pinyin index: "Naranchecheg" finds 娜仁其其格.
        if index == IndexKind::Pinyin {
            items.extend(deputies.iter().enumerate().filter_map(|(i, d)| {
                let key = latin_key(d.name_latin.as_deref()?);
                (!key.is_empty() && key != items_key(&pinyin[i])).then_some((key, i))
            }));
        }
        items.sort();
        meta.total = items.len() as u32;
        let mut top = Vec::new();
        for letter_items in group_by_char(&items, 0) {
            let letter: String = letter_items[0].0[..1].to_string();
            let mut leaves = Vec::new();
            cut(&letter, letter_items, &sizes, limit, &mut leaves);
            let count = letter_items.len() as u32;
            if leaves.len() == 1 && leaves[0].0.pages == 1 && !leaves[0].0.exact {
                top.push(leaves[0].0.clone());
            } else {
                top.push(ShardRef { key: letter.clone(), count, pages: 1, exact: false, split: true });
                keys_files.push(SearchKeys {
                    format_version: FORMAT_VERSION,
                    index,
                    letter: letter.clone(),
                    leaves: leaves.iter().map(|(r, _)| r.clone()).collect(),
                });
            }
            for (r, chunks) in leaves {
                for (p, members) in chunks.into_iter().enumerate() {
                    let page = p as u32 + 1;
                    pages.push(LeafPage { index, path: r.path(index, page), key: r.key.clone(), page, members });
                }
            }
        }
        match index {
            IndexKind::Pinyin => meta.pinyin = top,
            IndexKind::Initials => meta.initials = top,
        }
    }
    NameIndex { meta, keys: keys_files, pages, pinyin }
}

/// The index key of a Latin spelling: ASCII letters and digits, lower case ("Naranchecheg" →
/// "naranchecheg"); what `deputy_model::search::fold_query` makes of it, minus anything else.
fn latin_key(latin: &str) -> String {
    deputy_model::search::fold_query(latin).chars().filter(char::is_ascii_alphanumeric).collect()
}

fn items_key(pinyin: &str) -> String {
    index_key(IndexKind::Pinyin, pinyin)
}

/// Consecutive runs of `items` (sorted by key) sharing the character at byte `pos`.
fn group_by_char(items: &[(String, usize)], pos: usize) -> Vec<&[(String, usize)]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=items.len() {
        if i == items.len() || items[i].0.as_bytes().get(pos) != items[start].0.as_bytes().get(pos) {
            out.push(&items[start..i]);
            start = i;
        }
    }
    out.retain(|g| !g.is_empty());
    out
}

type Leaf = (ShardRef, Vec<Vec<usize>>);

/// Cut the entries under `prefix` (sorted by key, all starting with it) into leaves.
fn cut(prefix: &str, items: &[(String, usize)], sizes: &[usize], limit: usize, out: &mut Vec<Leaf>) {
    let bytes: usize = items.iter().map(|(_, i)| sizes[*i]).sum();
    let count = items.len() as u32;
    if bytes <= limit {
        let members = vec![items.iter().map(|(_, i)| *i).collect()];
        out.push((ShardRef { key: prefix.to_string(), count, pages: 1, exact: false, split: false }, members));
        return;
    }
    // Keys equal to the prefix sort first; they get an exact leaf, paged if need be.
    let exact_len = items.iter().take_while(|(k, _)| k.len() == prefix.len()).count();
    let (exact, longer) = items.split_at(exact_len);
    if !exact.is_empty() {
        let mut chunks: Vec<Vec<usize>> = vec![Vec::new()];
        let mut used = 0;
        for (_, i) in exact {
            if used + sizes[*i] > limit && !chunks.last().unwrap().is_empty() {
                chunks.push(Vec::new());
                used = 0;
            }
            used += sizes[*i];
            chunks.last_mut().unwrap().push(*i);
        }
        let r = ShardRef {
            key: prefix.to_string(),
            count: exact.len() as u32,
            pages: chunks.len() as u32,
            exact: true,
            split: false,
        };
        out.push((r, chunks));
    }
    for group in group_by_char(longer, prefix.len()) {
        let next = &group[0].0[..prefix.len() + 1];
        cut(next, group, sizes, limit, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use deputy_model::search::{IndexFiles, SearchShard, lookup_now};

    #[test]
    fn pinyin_of_names() {
        assert_eq!(pinyin_of("娜仁其其格"), "na ren qi qi ge");
        assert_eq!(pinyin_of("阿拉坦·巴根"), "a la tan ba gen");
        assert_eq!(pinyin_of("王义"), "wang yi");
    }

    /// The index served from memory, counting the files a look-up fetches.
    struct Memory<'a> {
        ix: &'a NameIndex,
        files: std::collections::HashMap<String, String>,
        fetched: usize,
    }

    impl IndexFiles for Memory<'_> {
        type Error = std::convert::Infallible;
        async fn keys(&mut self, path: &str) -> Result<SearchKeys, Self::Error> {
            self.fetched += 1;
            Ok(self.ix.keys.iter().find(|k| SearchKeys::path(k.index, &k.letter) == path).expect("keys file").clone())
        }
        async fn shard(&mut self, path: &str) -> Result<SearchShard, Self::Error> {
            self.fetched += 1;
            Ok(serde_json::from_str(&self.files[path]).unwrap())
        }
    }

    /// Serve the index in memory and run a query through the app's look-up.
    fn lookup(ix: &NameIndex, deputies: &[&DeputySummary], q: &str) -> (Vec<String>, usize, bool) {
        let files =
            ix.pages.iter().map(|p| (p.path.clone(), serde_json::to_string(&ix.shard(p, deputies)).unwrap())).collect();
        let mut m = Memory { ix, files, fetched: 0 };
        let found = lookup_now(&ix.meta, q, &mut m).unwrap();
        let names = found.entries.iter().map(|e| e.deputy.name.clone()).collect();
        (names, m.fetched, found.complete)
    }

    #[test]
    fn a_mongolian_name_is_found_by_its_transcription() {
        let world = crate::generate::generate_city(7);
        let deputies: Vec<&DeputySummary> = world.deputies.iter().map(|d| &d.summary).collect();
        let ix = build(&deputies, 4_000);
        let target = deputies.iter().find(|d| d.name_latin.is_some()).unwrap();
        let latin = target.name_latin.clone().unwrap();
        for q in [latin.clone(), latin.to_uppercase(), latin[..5].to_string()] {
            let (names, _, _) = lookup(&ix, &deputies, &q);
            assert!(names.contains(&target.name), "{q} finds {}", target.name);
        }
    }

    #[test]
    fn small_leaves_still_find_every_kind_of_query() {
        let world = crate::generate::generate_city(7);
        let deputies: Vec<&DeputySummary> = world.deputies.iter().map(|d| &d.summary).collect();
        // A tiny limit forces splits, exact leaves and pages, as at national scale.
        let ix = build(&deputies, 4_000);
        assert!(ix.meta.pinyin.iter().any(|r| r.split));
        assert!(ix.keys.iter().flat_map(|k| &k.leaves).any(|l| l.exact));
        let every: usize = ix.pages.iter().filter(|p| p.index == IndexKind::Pinyin).map(|p| p.members.len()).sum();
        // (A transcription spelt as the pinyin, such as Batu for 巴图, adds no key.)
        let latin = deputies
            .iter()
            .filter(|d| d.name_latin.as_deref().is_some_and(|l| latin_key(l) != items_key(&pinyin_of(&d.name))))
            .count();
        assert!(latin > 0, "the demo has Mongolian names with a transcription");
        assert_eq!(every, deputies.len() + latin, "each name in one pinyin leaf, and a transcription in one more");
        let target = deputies.iter().find(|d| d.name.chars().count() == 3).unwrap();
        let py = pinyin_of(&target.name);
        let initials = index_key(IndexKind::Initials, &py);
        for q in [target.name.clone(), py.replace(' ', ""), initials.clone()] {
            let (names, fetched, _) = lookup(&ix, &deputies, &q);
            assert!(names.contains(&target.name), "{q} finds {}", target.name);
            assert!(fetched <= 2 * (1 + deputy_model::search::MAX_FETCH), "{q} fetched {fetched} files");
        }
        // One letter is too broad at this size: nothing fetched, the app asks for more.
        let (names, _, complete) = lookup(&ix, &deputies, "w");
        assert!(names.is_empty() && !complete);
    }

    #[test]
    fn city_leaves_are_one_per_letter() {
        let world = crate::generate::generate_city(7);
        let deputies: Vec<&DeputySummary> = world.deputies.iter().map(|d| &d.summary).collect();
        let ix = build(&deputies, LEAF_LIMIT);
        assert!(ix.keys.is_empty(), "a city needs no split");
        let (names, fetched, complete) = lookup(&ix, &deputies, "娜仁");
        assert!(names.iter().all(|n| n.starts_with("娜仁")) && !names.is_empty());
        assert_eq!((fetched, complete), (1, true));
    }
}
