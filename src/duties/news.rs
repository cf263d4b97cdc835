//! News list (paged files `news/page-N.json`) and article pages (`news/{id}.json`).
//! Article bodies are structured blocks rendered as text, never as HTML.

use deputy_model::{Block, NewsKind, NewsSummary};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::{Pager, ReadAloud, href, query_string};
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::data::{DataResource, news_article, news_kind_page};
use crate::i18n::*;
use crate::ui::loaded;

fn kind_label(i18n: I18n, kind: NewsKind) -> &'static str {
    match kind {
        NewsKind::Work => t_string!(i18n, news.kind_work),
        NewsKind::Profile => t_string!(i18n, news.kind_profile),
    }
}

#[component]
pub fn NewsList(items: Vec<NewsSummary>) -> impl IntoView {
    let i18n = use_i18n();
    if items.is_empty() {
        return view! { <p class="empty">{tr!(news.empty)}</p> }.into_any();
    }
    view! {
        <ul class="news-list">
            {items
                .into_iter()
                .map(|n| {
                    let link = href(&format!("/news/{}", n.id));
                    view! {
                        <li class="news-item">
                            <A href=link attr:class="news-link">{n.title.clone()}</A>
                            <p class="news-meta">
                                <span class="tag">{kind_label(i18n, n.kind)}</span>
                                <time datetime=n.date.clone()>{n.date.clone()}</time>
                            </p>
                            <p class="news-summary">{n.summary.clone()}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

/// `?kind=work|profile` in the URL, as the served folder's name.
fn kind_of_query(k: &str) -> Option<NewsKind> {
    match k {
        "work" => Some(NewsKind::Work),
        "profile" => Some(NewsKind::Profile),
        _ => None,
    }
}

fn kind_key(kind: Option<NewsKind>) -> &'static str {
    match kind {
        None => "",
        Some(NewsKind::Work) => "work",
        Some(NewsKind::Profile) => "profile",
    }
}

/// The list URL for a kind and page (page 1 and "all kinds" left out of the query).
fn list_href(kind: Option<NewsKind>, page: u32) -> String {
    let p = page.to_string();
    let page = if page > 1 { p.as_str() } else { "" };
    href(&format!("/news{}", query_string(&[("kind", kind_key(kind)), ("page", page)])))
}

#[component]
pub fn NewsListPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let page = move || query.read().get("page").and_then(|p| p.parse::<u32>().ok()).filter(|p| *p >= 1).unwrap_or(1);
    let kind = move || kind_of_query(&query.read().get("kind").unwrap_or_default());
    let data = DataResource::new(move || news_kind_page(kind(), page()));
    let tabs = [
        (None, t_string!(i18n, news.kind_all)),
        (Some(NewsKind::Work), kind_label(i18n, NewsKind::Work)),
        (Some(NewsKind::Profile), kind_label(i18n, NewsKind::Profile)),
    ];
    view! {
        <section class="page news">
            <h1>{tr!(news.title)}</h1>
            <nav class="kind-tabs" aria-label=move || t_string!(i18n, news.kind_filter)>
                <ul>
                    {tabs.into_iter().map(|(k, label)| view! {
                        // Plain anchors (the router still handles them): <A> would mark all three current, as
                        // they share the path.
                        <li><a href=list_href(k, 1) aria-current=move || (kind() == k).then_some("page")>{label}</a></li>
                    }).collect_view()}
                </ul>
            </nav>
            {loaded(data, move |p| {
                let k = kind();
                let prev = (p.page > 1).then(|| list_href(k, p.page - 1));
                let next = (p.page < p.pages).then(|| list_href(k, p.page + 1));
                view! {
                    <NewsList items=p.items />
                    <Pager page=p.page pages=p.pages prev next />
                }
            })}
        </section>
    }
}

#[component]
pub fn NewsArticlePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let data = DataResource::new(move || news_article(id()));
    view! {
        <article class="page article">
            {loaded(data, move |a| {
                let spoken = std::iter::once(a.summary.title.clone())
                    .chain(a.body.iter().map(|b| b.text().to_string()))
                    .collect::<Vec<_>>()
                    .join("\n");
                view! {
                    <h1>{a.summary.title.clone()}</h1>
                    <p class="news-meta">
                        <span class="tag">{kind_label(i18n, a.summary.kind)}</span>
                        <time datetime=a.summary.date.clone()>{a.summary.date.clone()}</time>
                        {(!a.author.is_empty()).then(|| view! { <span>{tr!(news.author)}{tr!(punct.colon)}{a.author.clone()}</span> })}
                    </p>
                    <ReadAloud text=spoken.clone() />
                    <div class="article-body">
                        {a.body.iter().map(|b| match b {
                            Block::Heading(t) => view! { <h2>{t.clone()}</h2> }.into_any(),
                            Block::Paragraph(t) => view! { <p>{t.clone()}</p> }.into_any(),
                            Block::Quote(t) => view! { <blockquote><p>{t.clone()}</p></blockquote> }.into_any(),
                        }).collect_view()}
                    </div>
                    {(!a.source.is_empty()).then(|| view! { <p class="source">{tr!(news.source)}{tr!(punct.colon)}{a.source.clone()}</p> })}
                }
            })}
            <p><A href=href("/news")>{tr!(news.back)}</A></p>
        </article>
    }
}
