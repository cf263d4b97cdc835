//! 阳光履职: deputies' duties in public. News (工作动态, 代表风采) is here; duty records,
//! statistics, stations and 履职评议 follow in their issue.

mod news;

pub use news::{NewsArticlePage, NewsList, NewsListPage};

use leptos::prelude::*;

use crate::i18n::*;
use crate::ui::UnderConstruction;

#[component]
pub fn DutiesPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <UnderConstruction
            title=Signal::derive(move || t_string!(i18n, nav.duties).to_string())
            items=Signal::derive(move || t_string!(i18n, modules.duties_items).to_string())
        />
    }
}
