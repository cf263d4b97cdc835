//! A page of a list that can grow large. Lists are served as `…/page-N.json` files, so no page
//! of the app downloads a whole data set.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Page<T> {
    pub format_version: u32,
    /// 1-based page number.
    pub page: u32,
    /// Number of pages in the list (at least 1, even for an empty list).
    pub pages: u32,
    /// Number of items over all pages.
    pub total: u32,
    pub items: Vec<T>,
}

impl<T> Page<T> {
    /// Split `items` into pages of `size` (the data tool's side of paging).
    pub fn paginate(items: Vec<T>, size: usize) -> Vec<Page<T>> {
        let size = size.max(1);
        let total = items.len() as u32;
        let pages = items.len().div_ceil(size).max(1) as u32;
        let mut out = Vec::with_capacity(pages as usize);
        let mut iter = items.into_iter().peekable();
        for page in 1..=pages {
            let chunk: Vec<T> = iter.by_ref().take(size).collect();
            out.push(Page { format_version: crate::FORMAT_VERSION, page, pages, total, items: chunk });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paginates_with_remainder_and_empty() {
        let p = Page::paginate((0..25).collect::<Vec<_>>(), 10);
        assert_eq!(p.len(), 3);
        assert_eq!(p[2].items, vec![20, 21, 22, 23, 24]);
        assert!(p.iter().all(|x| x.total == 25 && x.pages == 3));
        let e = Page::<u8>::paginate(vec![], 10);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].pages, 1);
    }
}
