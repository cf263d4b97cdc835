//! Name search that accepts Chinese characters, full pinyin and pinyin initials, tolerant of
//! spaces, case and full-width letters. The pinyin itself is computed by the data tool when it
//! builds the search index, so the app needs no pinyin tables: it only matches.

use serde::{Deserialize, Serialize};

/// One searchable name with its precomputed pinyin syllables (lowercase, no tones).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SearchKey {
    pub name: String,
    /// Syllables separated by single spaces, e.g. "na ren qi qi ge".
    pub pinyin: String,
}

/// Fold a query the way people type it: drop spaces, apostrophes and hyphens ("Wang
/// Jian-guo", "Xi'an"), lowercase, full-width ASCII to half-width.
pub fn fold_query(q: &str) -> String {
    q.chars()
        .filter_map(|c| {
            let c = if ('！'..='～').contains(&c) { char::from_u32(c as u32 - 0xFEE0).unwrap_or(c) } else { c };
            if c.is_whitespace() || matches!(c, '\'' | '’' | '-' | '‐' | '·' | '•') {
                None
            } else {
                Some(c.to_lowercase().next().unwrap_or(c))
            }
        })
        .collect()
}

/// How well a key matches; higher is better. `None` is no match.
/// Order: exact name, name prefix, initials prefix, full pinyin prefix, name contains,
/// pinyin or initials from a later syllable (so "qiqige" and "qqg" find 娜仁其其格 too).
pub fn score(key: &SearchKey, folded_query: &str) -> Option<u8> {
    score_parts(&key.name, &key.pinyin, folded_query)
}

/// [`score`] on borrowed parts, so a search allocates nothing per entry it rejects early.
pub fn score_parts(name: &str, pinyin: &str, folded_query: &str) -> Option<u8> {
    let q = folded_query;
    if q.is_empty() {
        return Some(1);
    }
    let name = fold_query(name);
    if name == q {
        return Some(100);
    }
    if name.starts_with(q) {
        return Some(90);
    }
    let syllables: Vec<&str> = pinyin.split(' ').filter(|s| !s.is_empty()).collect();
    let initials: String = syllables.iter().filter_map(|s| s.chars().next()).collect();
    let joined: String = syllables.concat();
    if q.is_ascii() {
        if initials.starts_with(q) {
            return Some(80);
        }
        if joined.starts_with(q) {
            return Some(75);
        }
        if mixed_prefix(&syllables, q) {
            return Some(70);
        }
    }
    if name.contains(q) {
        return Some(60);
    }
    if q.is_ascii() {
        for start in 1..syllables.len() {
            let rest = &syllables[start..];
            let ini: String = rest.iter().filter_map(|s| s.chars().next()).collect();
            if ini.starts_with(q) || rest.concat().starts_with(q) || mixed_prefix(rest, q) {
                return Some(50);
            }
        }
    }
    None
}

/// Each syllable typed either in full or as its first letter, the last one possibly in part:
/// "narqqg" and "nrenqqg" both find "na ren qi qi ge".
fn mixed_prefix(syllables: &[&str], q: &str) -> bool {
    let Some((first, rest)) = syllables.split_first() else {
        return q.is_empty();
    };
    if q.is_empty() || first.starts_with(q) {
        return true;
    }
    if !first.is_ascii() {
        return false;
    }
    (q.starts_with(first) && mixed_prefix(rest, &q[first.len()..]))
        || (q.as_bytes()[0] == first.as_bytes()[0] && mixed_prefix(rest, &q[1..]))
}

/// Search a list, best first, ties kept in list order.
pub fn search<'a, T>(items: &'a [T], key: impl Fn(&T) -> &SearchKey, query: &str) -> Vec<&'a T> {
    let q = fold_query(query);
    let mut scored: Vec<(u8, usize, &T)> =
        items.iter().enumerate().filter_map(|(i, it)| score(key(it), &q).map(|s| (s, i, it))).collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, _, it)| it).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(name: &str, py: &str) -> SearchKey {
        SearchKey { name: name.into(), pinyin: py.into() }
    }

    #[test]
    fn chinese_pinyin_initials() {
        let n = k("娜仁其其格", "na ren qi qi ge");
        assert!(score(&n, &fold_query("娜仁")).is_some());
        assert!(score(&n, &fold_query("其其格")).is_some());
        assert!(score(&n, &fold_query("nrqqg")).is_some());
        assert!(score(&n, &fold_query("NRQQG")).is_some());
        assert!(score(&n, &fold_query("na ren qi")).is_some());
        assert!(score(&n, &fold_query("narenqiqige")).is_some());
        assert!(score(&n, &fold_query("ｎｒｑ")).is_some());
        // As the English UI shows a name (Naren Qiqige), with capitals, spaces, hyphens.
        assert_eq!(fold_query("Naren Qi-qige"), "narenqiqige");
        assert!(score(&n, &fold_query("Naren Qiqige")).is_some());
        assert!(score(&n, &fold_query("narqqg")).is_some());
        assert!(score(&n, &fold_query("qqg")).is_some());
        assert!(score(&n, &fold_query("zhang")).is_none());
        assert!(score(&n, &fold_query("王")).is_none());
    }

    #[test]
    fn ranking_prefers_exact_then_prefix() {
        let items = vec![k("王爱霞", "wang ai xia"), k("王义", "wang yi"), k("李王", "li wang")];
        let r = search(&items, |x| x, "王义");
        assert_eq!(r[0].name, "王义");
        let r = search(&items, |x| x, "wang");
        assert_eq!(r.len(), 3);
        assert_eq!(r[2].name, "李王");
        let r = search(&items, |x| x, "wangy");
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].name, "王义");
    }

    #[test]
    fn tolerant_of_middle_dot_and_space() {
        let n = k("阿拉坦·巴根", "a la tan ba gen");
        assert!(score(&n, &fold_query("阿拉坦巴根")).is_some());
        assert!(score(&n, &fold_query("altbg")).is_some());
    }
}

// ---- The served name index, sharded by key prefix so that it scales to millions of names ----
//
// Two indexes hold every name: `pinyin` keyed by the joined syllables ("narenqiqige") and
// `initials` keyed by their first letters ("nrqqg"). Each is cut into leaves by key prefix,
// Pagefind-like: a prefix whose entries are too many for one small file is split by one more
// letter, and entries whose key ends exactly at a split prefix get an "exact" leaf of their own
// (paged when even that is too big, e.g. thousands of 王伟). `meta.json` lists, per first letter,
// either one leaf or a pointer to that letter's list of leaves (`{index}/keys-{letter}.json`),
// so any query costs at most three small files per index: meta, keys list, leaf.

/// Which of the two name indexes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum IndexKind {
    /// Keyed by the joined pinyin, e.g. "narenqiqige"; Chinese queries are routed here too.
    Pinyin,
    /// Keyed by the pinyin initials, e.g. "nrqqg".
    Initials,
}

impl IndexKind {
    pub const ALL: [IndexKind; 2] = [IndexKind::Pinyin, IndexKind::Initials];

    /// Folder name under `search/`.
    pub fn dir(self) -> &'static str {
        match self {
            IndexKind::Pinyin => "py",
            IndexKind::Initials => "ini",
        }
    }
}

/// One leaf (file group) of an index, or, in `meta.json`, a first letter that is split further.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ShardRef {
    /// Key prefix, lowercase ASCII letters and digits.
    pub key: String,
    /// Entries in the leaf (or, for a split letter, under it).
    pub count: u32,
    /// Files of the leaf: `{key}.json`, then `{key}-2.json` … (1 unless an exact key overflows).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub pages: u32,
    /// The leaf holds only entries whose key is exactly `key` (the longer ones have own leaves).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exact: bool,
    /// In `meta.json` only: this letter's leaves are listed in `{index}/keys-{key}.json`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub split: bool,
}

fn one() -> u32 {
    1
}
fn is_one(n: &u32) -> bool {
    *n == 1
}

impl ShardRef {
    /// Served path of page `page` (1-based) of this leaf.
    pub fn path(&self, index: IndexKind, page: u32) -> String {
        if page <= 1 {
            format!("search/{}/{}.json", index.dir(), self.key)
        } else {
            format!("search/{}/{}-{page}.json", index.dir(), self.key)
        }
    }
}

/// `data/search/meta.json`: the top of both name indexes and the character map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SearchMeta {
    pub format_version: u32,
    /// Total names indexed.
    pub total: u32,
    /// Per first letter of the pinyin key: a leaf, or `split` to a keys list.
    pub pinyin: Vec<ShardRef>,
    /// Per first letter of the initials key.
    pub initials: Vec<ShardRef>,
    /// Every character of every indexed name → its pinyin syllable (as used in the keys), so
    /// that a query typed in characters is routed without pinyin tables in the app.
    pub chars: std::collections::BTreeMap<String, String>,
}

impl SearchMeta {
    pub fn top(&self, index: IndexKind) -> &[ShardRef] {
        match index {
            IndexKind::Pinyin => &self.pinyin,
            IndexKind::Initials => &self.initials,
        }
    }
}

/// `data/search/{index}/keys-{letter}.json`: every leaf of one split first letter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SearchKeys {
    pub format_version: u32,
    pub index: IndexKind,
    pub letter: String,
    pub leaves: Vec<ShardRef>,
}

impl SearchKeys {
    pub fn path(index: IndexKind, letter: &str) -> String {
        format!("search/{}/keys-{letter}.json", index.dir())
    }
}

/// `data/search/{index}/{key}.json` (and `{key}-{n}.json`): one leaf page of a name index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SearchShard {
    pub format_version: u32,
    pub key: String,
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub page: u32,
    pub entries: Vec<SearchEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SearchEntry {
    #[serde(flatten)]
    pub deputy: crate::DeputySummary,
    /// Syllables separated by spaces, e.g. "na ren qi qi ge".
    pub pinyin: String,
}

impl SearchEntry {
    pub fn key(&self) -> SearchKey {
        SearchKey { name: self.deputy.name.clone(), pinyin: self.pinyin.clone() }
    }
}

/// The index key of a pinyin string ("na ren qi qi ge"): joined syllables or their initials,
/// ASCII letters and digits only.
pub fn index_key(index: IndexKind, pinyin: &str) -> String {
    let syllables = pinyin.split(' ').filter(|s| !s.is_empty());
    let raw: String = match index {
        IndexKind::Pinyin => syllables.collect(),
        IndexKind::Initials => syllables.filter_map(|s| s.chars().next()).collect(),
    };
    raw.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_lowercase()).collect()
}

/// The keys a query is looked up under: an ASCII query in both indexes (it may be pinyin or
/// initials); a query with characters, turned into pinyin through `chars`, in the pinyin
/// index only. Empty when the query cannot match the start of any name (a character no name has).
pub fn query_keys(meta: &SearchMeta, query: &str) -> Vec<(IndexKind, String)> {
    let q = fold_query(query);
    if q.is_empty() {
        return Vec::new();
    }
    if q.chars().all(|c| c.is_ascii_alphanumeric()) {
        let mut keys: Vec<(IndexKind, String)> = IndexKind::ALL.into_iter().map(|i| (i, q.clone())).collect();
        if let Some(initials) = mixed_initials(meta, &q) {
            keys.push((IndexKind::Initials, initials));
        }
        return keys;
    }
    let mut key = String::new();
    for c in q.chars() {
        if c.is_ascii_alphanumeric() {
            key.push(c);
        } else {
            match meta.chars.get(c.encode_utf8(&mut [0; 4]) as &str) {
                Some(p) => key.extend(p.chars().filter(|c| c.is_ascii_alphanumeric())),
                None => return Vec::new(),
            }
        }
    }
    vec![(IndexKind::Pinyin, key)]
}

/// The initials of a query typed as a mix of whole syllables and first letters ("wangjg" →
/// "wjg", "nrenqqg" → "nrqqg"), reading the longest syllable any name has at each point. `None`
/// unless the query really mixes both (all syllables is a pinyin key, all letters an initials key).
pub fn mixed_initials(meta: &SearchMeta, q: &str) -> Option<String> {
    let syllables: std::collections::HashSet<&str> = meta.chars.values().map(String::as_str).collect();
    let (mut i, mut out, mut whole, mut letter) = (0, String::new(), false, false);
    while i < q.len() {
        let n = (2..=6).rev().find(|n| q.get(i..i + n).is_some_and(|s| syllables.contains(s)));
        out.push_str(q.get(i..i + 1)?);
        match n {
            Some(n) => {
                whole = true;
                i += n;
            }
            None => {
                letter = true;
                i += 1;
            }
        }
    }
    (whole && letter).then_some(out)
}

/// The most leaf files one look-up fetches before asking for more letters.
pub const MAX_FETCH: usize = 3;

/// What a look-up of one key in one index needs next.
#[derive(Debug, Clone, PartialEq)]
pub enum Route {
    /// No name has this key prefix.
    Nothing,
    /// Fetch this letter's keys list, then route again with [`route_leaves`].
    Keys(String),
    /// Fetch these leaf files. `complete` is false when only the first page of an overflowing
    /// exact key is fetched; `total` counts the entries under the key.
    Fetch { paths: Vec<String>, complete: bool, total: u64 },
    /// More names share this prefix than a few files hold: type more.
    TooMany(u64),
}

/// First step: route `key` with `meta.json` alone.
pub fn route(meta: &SearchMeta, index: IndexKind, key: &str) -> Route {
    let Some(first) = key.chars().next() else { return Route::Nothing };
    let top = meta.top(index).iter().find(|r| r.key.starts_with(first) && r.key.len() == 1);
    match top {
        None => Route::Nothing,
        Some(r) if r.split => Route::Keys(SearchKeys::path(index, &r.key)),
        Some(r) => route_leaves(std::slice::from_ref(r), index, key),
    }
}

/// Second step: route `key` among the leaves of one letter.
pub fn route_leaves(leaves: &[ShardRef], index: IndexKind, key: &str) -> Route {
    // A leaf can hold matches if its key extends the query, or if it is a plain (prefix) leaf
    // whose key the query extends. An exact leaf shorter than the query cannot.
    let relevant: Vec<&ShardRef> =
        leaves.iter().filter(|l| l.key.starts_with(key) || (!l.exact && key.starts_with(l.key.as_str()))).collect();
    if relevant.is_empty() {
        return Route::Nothing;
    }
    let total: u64 = relevant.iter().map(|l| l.count as u64).sum();
    let files: usize = relevant.iter().map(|l| l.pages as usize).sum();
    if files <= MAX_FETCH {
        let paths = relevant.iter().flat_map(|l| (1..=l.pages).map(move |p| l.path(index, p))).collect();
        return Route::Fetch { paths, complete: true, total };
    }
    // Too many names share the prefix; a full key typed exactly still shows its first page.
    match relevant.iter().find(|l| l.exact && l.key == key) {
        Some(l) => Route::Fetch { paths: vec![l.path(index, 1)], complete: false, total },
        None => Route::TooMany(total),
    }
}

/// Where a look-up gets the index files it routes to: the app fetches them over the network,
/// the data tool reads them from disk (and counts their bytes). Paths are data-relative.
// Not `Send`: the app's fetches run on the browser's single thread.
#[allow(async_fn_in_trait)]
pub trait IndexFiles {
    type Error;
    /// A letter's keys list (`search/{py,ini}/{letter}/keys.json`).
    async fn keys(&mut self, path: &str) -> Result<SearchKeys, Self::Error>;
    /// A leaf of entries.
    async fn shard(&mut self, path: &str) -> Result<SearchShard, Self::Error>;
}

/// What a name search found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    /// Best first, each deputy once.
    pub entries: Vec<SearchEntry>,
    /// False when more names share what was typed than were fetched ("type more").
    pub complete: bool,
    /// Names under the typed prefix, for the hint.
    pub total: u64,
}

/// The whole look-up, the one loop both the app and the tool run: route each of the query's
/// keys with `meta` (and a keys list where a letter is split further), fetch only the leaves
/// routed to, and rank what they hold.
pub async fn lookup<F: IndexFiles>(meta: &SearchMeta, query: &str, files: &mut F) -> Result<Found, F::Error> {
    let mut shards: Vec<SearchShard> = Vec::new();
    let (mut complete, mut total) = (true, 0);
    for (index, key) in query_keys(meta, query) {
        let mut r = route(meta, index, &key);
        if let Route::Keys(path) = &r {
            let keys = files.keys(path).await?;
            r = route_leaves(&keys.leaves, index, &key);
        }
        match r {
            Route::Fetch { paths, complete: c, total: t } => {
                complete &= c;
                total = total.max(t);
                for p in paths {
                    shards.push(files.shard(&p).await?);
                }
            }
            Route::TooMany(t) => {
                complete = false;
                total = total.max(t);
            }
            Route::Nothing | Route::Keys(_) => {}
        }
    }
    let entries = search_merged(&shards, query).into_iter().cloned().collect();
    Ok(Found { entries, complete, total })
}

/// Run a look-up whose files are at hand (disk, memory): their futures are ready at once, so
/// one poll finishes it without an executor.
pub fn lookup_now<F: IndexFiles>(meta: &SearchMeta, query: &str, files: &mut F) -> Result<Found, F::Error> {
    let mut fut = std::pin::pin!(lookup(meta, query, files));
    match std::future::Future::poll(fut.as_mut(), &mut std::task::Context::from_waker(std::task::Waker::noop())) {
        std::task::Poll::Ready(r) => r,
        std::task::Poll::Pending => unreachable!("IndexFiles for lookup_now must not wait"),
    }
}

/// Merge the entries of fetched leaves (the same name may come from both indexes) and rank
/// them for the query, best first.
pub fn search_merged<'a>(shards: impl IntoIterator<Item = &'a SearchShard>, query: &str) -> Vec<&'a SearchEntry> {
    let mut seen = std::collections::HashSet::new();
    let entries: Vec<&SearchEntry> =
        shards.into_iter().flat_map(|s| s.entries.iter()).filter(|e| seen.insert(e.deputy.id.as_str())).collect();
    let q = fold_query(query);
    let mut scored: Vec<(u8, usize, &SearchEntry)> =
        entries.into_iter().enumerate().filter_map(|(i, e)| entry_score(e, &q).map(|s| (s, i, e))).collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, _, e)| e).collect()
}

/// How well an entry matches: by its name and pinyin ([`score_parts`]), or by its own Latin
/// spelling where it has one ("Naranchecheg" for 娜仁其其格), as a full-pinyin match would.
fn entry_score(e: &SearchEntry, folded_query: &str) -> Option<u8> {
    let latin = e
        .deputy
        .name_latin
        .as_deref()
        .map(fold_query)
        .filter(|l| !folded_query.is_empty() && l.starts_with(folded_query));
    let by_latin = latin.map(|l| if l == folded_query { 85 } else { 75 });
    score_parts(&e.deputy.name, &e.pinyin, folded_query).max(by_latin)
}

/// Search one shard's entries, best first.
pub fn search_entries<'a>(entries: &'a [SearchEntry], query: &str) -> Vec<&'a SearchEntry> {
    let q = fold_query(query);
    let mut scored: Vec<(u8, usize, &SearchEntry)> =
        entries.iter().enumerate().filter_map(|(i, e)| entry_score(e, &q).map(|s| (s, i, e))).collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, _, e)| e).collect()
}

#[cfg(test)]
mod route_tests {
    use super::*;

    fn leaf(key: &str, count: u32, pages: u32, exact: bool) -> ShardRef {
        ShardRef { key: key.into(), count, pages, exact, split: false }
    }

    fn meta() -> SearchMeta {
        let mut chars = std::collections::BTreeMap::new();
        chars.insert("王".to_string(), "wang".to_string());
        chars.insert("伟".to_string(), "wei".to_string());
        SearchMeta {
            format_version: 1,
            total: 10,
            pinyin: vec![leaf("a", 3, 1, false), ShardRef { split: true, ..leaf("w", 9000, 1, false) }],
            initials: vec![leaf("w", 9000, 1, false)],
            chars,
        }
    }

    #[test]
    fn keys_of_queries() {
        let m = meta();
        assert_eq!(query_keys(&m, "Wang Wei").len(), 2);
        assert_eq!(query_keys(&m, "王 伟"), vec![(IndexKind::Pinyin, "wangwei".to_string())]);
        assert!(query_keys(&m, "王丽").is_empty(), "a character no name has matches nothing");
        assert!(query_keys(&m, "  ").is_empty());
        assert_eq!(index_key(IndexKind::Initials, "na ren qi qi ge"), "nrqqg");
        // Whole syllables mixed with first letters also look up the initials.
        assert_eq!(query_keys(&m, "wangw").last(), Some(&(IndexKind::Initials, "ww".to_string())));
        assert_eq!(mixed_initials(&m, "wangwei"), None);
        assert_eq!(mixed_initials(&m, "ww"), None);
        assert_eq!(index_key(IndexKind::Pinyin, "a la tan ba gen"), "alatanbagen");
    }

    #[test]
    fn top_level_routes() {
        let m = meta();
        assert_eq!(route(&m, IndexKind::Pinyin, "wangwei"), Route::Keys("search/py/keys-w.json".into()));
        assert_eq!(
            route(&m, IndexKind::Pinyin, "an"),
            Route::Fetch { paths: vec!["search/py/a.json".into()], complete: true, total: 3 }
        );
        assert_eq!(route(&m, IndexKind::Pinyin, "zhang"), Route::Nothing);
    }

    #[test]
    fn leaves_routes() {
        let leaves = vec![
            leaf("wa", 50, 1, true),
            leaf("wanb", 400, 1, false),
            leaf("wang", 10, 1, true),
            leaf("wanga", 400, 1, false),
            leaf("wangwei", 3000, 7, true),
            leaf("wangweid", 300, 1, false),
            leaf("wei", 500, 1, false),
        ];
        let i = IndexKind::Pinyin;
        // A plain leaf shorter than the query holds it.
        assert_eq!(
            route_leaves(&leaves, i, "wanbx"),
            Route::Fetch { paths: vec!["search/py/wanb.json".into()], complete: true, total: 400 }
        );
        // An exact leaf shorter than the query does not.
        assert_eq!(route_leaves(&leaves, i, "wax"), Route::Nothing);
        // A short prefix covers too many files.
        assert_eq!(route_leaves(&leaves, i, "w"), Route::TooMany(4660));
        // A full key typed exactly shows its first page, marked incomplete.
        assert_eq!(
            route_leaves(&leaves, i, "wangwei"),
            Route::Fetch { paths: vec!["search/py/wangwei.json".into()], complete: false, total: 3300 }
        );
        assert_eq!(
            route_leaves(&leaves, i, "wangweid"),
            Route::Fetch { paths: vec!["search/py/wangweid.json".into()], complete: true, total: 300 }
        );
        assert_eq!(leaves[4].path(i, 3), "search/py/wangwei-3.json");
    }
}
