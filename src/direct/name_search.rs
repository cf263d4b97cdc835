//! Name search over the sharded index: route the query with `search/meta.json` (and, for a
//! letter split further at national scale, its keys list), fetch only the leaves it needs, and
//! rank them with the model's scorer. A city fetches meta and one leaf; the national set at most
//! meta, a keys list and a few leaves per index, each under 64 KB gzip.

use deputy_model::search::{
    Route, SearchEntry, SearchKeys, SearchShard, query_keys, route, route_leaves, search_merged,
};

use crate::data::{self, DataError};

#[derive(Clone, Default)]
pub struct NameHits {
    pub entries: Vec<SearchEntry>,
    /// False when more names share what was typed than were fetched ("type more").
    pub complete: bool,
    /// Names under the typed prefix, for the hint.
    pub total: u64,
}

pub async fn name_search(q: &str) -> Result<NameHits, DataError> {
    let meta = data::search_meta().await?;
    let mut shards: Vec<SearchShard> = Vec::new();
    let (mut complete, mut total) = (true, 0);
    for (index, key) in query_keys(&meta, q) {
        let mut r = route(&meta, index, &key);
        if let Route::Keys(path) = &r {
            let keys: SearchKeys = data::search_file(path.clone()).await?;
            r = route_leaves(&keys.leaves, index, &key);
        }
        match r {
            Route::Fetch { paths, complete: c, total: t } => {
                complete &= c;
                total = total.max(t);
                for p in paths {
                    shards.push(data::search_file(p).await?);
                }
            }
            Route::TooMany(t) => {
                complete = false;
                total = total.max(t);
            }
            Route::Nothing | Route::Keys(_) => {}
        }
    }
    let entries = search_merged(&shards, q).into_iter().cloned().collect();
    Ok(NameHits { entries, complete, total })
}
