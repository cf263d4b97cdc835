//! Name search over the sharded index: `deputy_model::search::lookup` routes the query with
//! `search/meta.json` and fetches only the files it needs through `data::search_file`. A city
//! fetches meta and one leaf; the national set at most meta, a keys list and a few leaves per
//! index, each under 64 KB gzip.

use deputy_model::search::{Found, IndexFiles, SearchKeys, SearchShard, lookup};

use crate::data::{self, DataError};

struct Network;

impl IndexFiles for Network {
    type Error = DataError;
    async fn keys(&mut self, path: &str) -> Result<SearchKeys, DataError> {
        data::search_file(path.to_string()).await
    }
    async fn shard(&mut self, path: &str) -> Result<SearchShard, DataError> {
        data::search_file(path.to_string()).await
    }
}

// A part of its pages (`src/split.rs`): the directory, the co-signer picker and co-signing
// fetch the search's code when a name is first searched, not on the page's first visit.
crate::split_fn!(
    part__name_search,
    lazy_name_search,
    pub async fn name_search(q: String) -> Result<Found, DataError> {
        let meta = data::search_meta().await?;
        lookup(&meta, &q, &mut Network).await
    }
);
