//! Name search that accepts Chinese characters, full pinyin and pinyin initials, tolerant of
//! spaces, case and full-width letters. The pinyin itself is computed by the data tool when it
//! builds the search index, so the app needs no pinyin tables: it only matches.

use serde::{Deserialize, Serialize};

/// One searchable name with its precomputed pinyin syllables (lowercase, no tones).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SearchKey {
    pub name: String,
    /// Syllables separated by single spaces, e.g. "na ren qi qi ge".
    pub pinyin: String,
}

/// Fold a query the way people type it: drop spaces and apostrophes, lowercase,
/// full-width ASCII to half-width.
pub fn fold_query(q: &str) -> String {
    q.chars()
        .filter_map(|c| {
            let c = if ('！'..='～').contains(&c) { char::from_u32(c as u32 - 0xFEE0).unwrap_or(c) } else { c };
            if c.is_whitespace() || c == '\'' || c == '·' || c == '•' {
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

/// `data/search/meta.json`: how the name index is sharded. A query's first letter (or, for a
/// Chinese query, the letter its first character maps to) names the one shard to fetch, so a
/// search downloads one small file however many deputies there are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SearchMeta {
    pub format_version: u32,
    /// Shard keys present, e.g. ["a", "b", …], with their entry counts.
    pub shards: Vec<(String, u32)>,
    /// First character of every name → the shard holding names that start with it.
    pub first_chars: std::collections::BTreeMap<String, String>,
}

/// `data/search/{key}.json`: the deputies whose pinyin starts with `key`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SearchShard {
    pub format_version: u32,
    pub key: String,
    pub entries: Vec<SearchEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

/// The shard a query needs: its first ASCII letter, or the shard of its first character.
pub fn shard_for(meta: &SearchMeta, query: &str) -> Option<String> {
    let q = fold_query(query);
    let first = q.chars().next()?;
    if first.is_ascii_alphabetic() {
        Some(first.to_ascii_lowercase().to_string())
    } else {
        meta.first_chars.get(&first.to_string()).cloned()
    }
}

/// Search a shard: entries that match, best first.
pub fn search_entries<'a>(entries: &'a [SearchEntry], query: &str) -> Vec<&'a SearchEntry> {
    let q = fold_query(query);
    let mut scored: Vec<(u8, usize, &SearchEntry)> = entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| score_parts(&e.deputy.name, &e.pinyin, &q).map(|s| (s, i, e)))
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, _, e)| e).collect()
}
