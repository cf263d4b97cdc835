//! Previous / "第 n 页 / 共 m 页" / next for a paged list. The page lives in the URL, so the
//! buttons are links: a page survives reload, can be shared, and the back button goes back.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::*;

/// `prev` and `next` are the finished hrefs (built with `ui::href`), absent at either end.
#[component]
pub fn Pager(page: u32, pages: u32, prev: Option<String>, next: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    (pages > 1).then(|| {
        view! {
            <nav class="pager" aria-label=move || t_string!(i18n, pager.label)>
                {prev.map(|h| view! { <A href=h attr:class="button secondary" attr:rel="prev">{t!(i18n, pager.prev)}</A> })}
                <span class="pager-status">{t!(i18n, pager.page_of, page = page, pages = pages)}</span>
                {next.map(|h| view! { <A href=h attr:class="button secondary" attr:rel="next">{t!(i18n, pager.next)}</A> })}
            </nav>
        }
    })
}
