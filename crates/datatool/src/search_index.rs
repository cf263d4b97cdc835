//! The sharded name index (`search/meta.json`, `search/{letter}.json`): pinyin computed here
//! with the `pinyin` crate, so the app ships no pinyin tables and fetches one shard per query.

use std::collections::BTreeMap;

use deputy_model::search::{SearchEntry, SearchMeta, SearchShard};
use deputy_model::{Deputy, FORMAT_VERSION};
use pinyin::ToPinyin;

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

pub fn build(deputies: &[Deputy]) -> (SearchMeta, Vec<SearchShard>) {
    let mut shards: BTreeMap<String, Vec<SearchEntry>> = BTreeMap::new();
    let mut first_chars = BTreeMap::new();
    for d in deputies {
        let pinyin = pinyin_of(&d.summary.name);
        let Some(key) = pinyin.chars().next().filter(|c| c.is_ascii_alphabetic()).map(|c| c.to_string()) else {
            continue;
        };
        if let Some(first) = d.summary.name.chars().next() {
            first_chars.insert(first.to_string(), key.clone());
        }
        shards.entry(key).or_default().push(SearchEntry { deputy: d.summary.clone(), pinyin });
    }
    let meta = SearchMeta {
        format_version: FORMAT_VERSION,
        shards: shards.iter().map(|(k, v)| (k.clone(), v.len() as u32)).collect(),
        first_chars,
    };
    let shards =
        shards.into_iter().map(|(key, entries)| SearchShard { format_version: FORMAT_VERSION, key, entries }).collect();
    (meta, shards)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_of_names() {
        assert_eq!(pinyin_of("娜仁其其格"), "na ren qi qi ge");
        assert_eq!(pinyin_of("阿拉坦·巴根"), "a la tan ba gen");
        assert_eq!(pinyin_of("王义"), "wang yi");
    }
}
