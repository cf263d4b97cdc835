//! One consultation: the draft as 章/条/款 with a table of contents, a comment button on each
//! article, published comments per article, and the result once it is published.

use deputy_model::consult::{Article, Consultation, Phase, accepts_comments, chapter_label};

use super::{article_name, chapter_name};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use wasm_bindgen::JsCast;

use super::form::comment_form;
use super::phase_label;
use super::result::Changes;
use crate::data::{self, DataResource};
use crate::i18n::*;
use crate::ui::{ReadAloud, WhenNear, href, loaded};

#[component]
pub fn ConsultationPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let data = DataResource::new(move || data::consultation(id.get()));
    view! { <article class="page consultation">{loaded(data, |c| view! { <ConsultationView c /> })}</article> }
}

/// Like [`go_to`], once the next frame has rendered (for elements a state change creates).
pub fn go_to_later(id: &'static str) {
    request_animation_frame(move || go_to(id));
}

/// The comment form's shared state: which article it is about (0 = the whole draft, kept with
/// the draft so a reload does not change what the comment is about), the last receipt, and
/// whether the form is wanted now (its code comes when the reader nears it, `ui::WhenNear`, or
/// at once when a comment button is pressed or a draft is waiting).
#[derive(Clone, Copy)]
pub struct CommentTarget {
    pub article: RwSignal<u32>,
    pub receipt: RwSignal<Option<String>>,
    pub wanted: RwSignal<bool>,
}

impl CommentTarget {
    fn new(consultation: &str) -> Self {
        let prefix = format!("{}comment.{consultation}.", crate::ui::storage::DRAFT_PREFIX);
        let key = format!("{prefix}article");
        let article = RwSignal::new(crate::ui::storage::load::<u32>(&key).unwrap_or(0));
        Effect::new(move |_| crate::ui::storage::save(&key, &article.get()));
        let draft = crate::ui::storage::raw(&format!("{prefix}content")).is_some();
        CommentTarget { article, receipt: RwSignal::new(None), wanted: RwSignal::new(draft) }
    }

    /// Point the form at an article and put the cursor in it (once the form is there).
    pub fn aim(&self, n: u32) {
        self.receipt.set(None);
        self.article.set(n);
        self.wanted.set(true);
        go_to_when_there("comment-content");
    }
}

/// Like [`go_to`], as soon as the element exists: the comment form's code may still be on its
/// way (given up after about ten seconds; the reader can press the button again).
fn go_to_when_there(id: &'static str) {
    fn attempt(id: &'static str, left: u32) {
        if document().get_element_by_id(id).is_some() {
            go_to(id);
        } else if left > 0 {
            set_timeout(move || attempt(id, left - 1), std::time::Duration::from_millis(100));
        }
    }
    request_animation_frame(move || attempt(id, 100));
}

/// Scroll to an element and put focus on it (for the table of contents and the comment form).
pub fn go_to(id: &str) {
    if let Some(el) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        el.scroll_into_view();
        let _ = el.focus();
    }
}

#[component]
fn ConsultationView(c: Consultation) -> impl IntoView {
    let i18n = use_i18n();
    // Which article the comment form is about; 0 = the whole draft.
    let s = c.summary.clone();
    let target = CommentTarget::new(&s.id);
    // Comment buttons only while comments are accepted (checked again when sending).
    let accepting = s.phase == Phase::Open && accepts_comments(&s.opens, &s.closes, super::now());
    let c = StoredValue::new(c);
    let counts = move |n: u32| c.with_value(|c| c.comment_count(n));
    view! {
        <h1>{s.title.clone()}</h1>
        <p class="news-meta">
            <span class="phase-badge">{phase_label(i18n, s.phase)}</span>
            <span>{t!(i18n, consult.period, opens = s.opens.clone(), closes = s.closes.clone())}</span>
        </p>
        <p class="news-meta">
            <span>{tr!(consult.issuer)}{tr!(punct.colon)}{s.issuer.clone()}</span>
            <span>{t!(i18n, consult.participants, n = s.participants)}</span>
            <span>{t!(i18n, consult.comments, n = s.comment_count)}</span>
        </p>
        <p class="lead">{s.summary.clone()}</p>
        <ReadAloud text=c.with_value(|c| {
            let mut parts = vec![c.summary.title.clone()];
            for ch in &c.draft.chapters {
                if ch.number > 0 {
                    parts.push(format!("{}　{}", chapter_label(ch.number), ch.title));
                }
                for a in &ch.articles {
                    parts.push(format!("{}　{}", a.label(), a.text()));
                }
            }
            parts.join("\n")
        }) />
        <details class="background">
            <summary>{tr!(consult.background)}</summary>
            {c.with_value(|c| c.background.iter().map(|b| view! { <p>{b.text().to_string()}</p> }).collect_view())}
            {c.with_value(|c| (!c.channels.is_empty()).then(|| view! {
                <h2>{tr!(consult.channels)}</h2>
                <ul>{c.channels.iter().map(|ch| view! { <li>{ch.clone()}</li> }).collect_view()}</ul>
            }))}
        </details>

        {(s.phase == Phase::Summarizing).then(|| view! { <p class="notice">{tr!(consult.summarizing_note)}</p> })}
        {c.with_value(|c| c.final_text.is_some().then(|| view! { <Changes c=c.clone() /> }))}

        <nav class="toc" aria-labelledby="toc-heading">
            <h2 id="toc-heading">{tr!(consult.toc)}</h2>
            <p class="hint">{tr!(consult.toc_hint)}</p>
            {c.with_value(|c| c.draft.chapters.iter().map(|ch| view! {
                <div class="toc-chapter">
                    {(ch.number > 0).then(|| view! { <p class="toc-chapter-title">{chapter_name(ch.number)}" "{ch.title.clone()}</p> })}
                    <ul class="toc-articles">
                        {ch.articles.iter().map(|a| {
                            let n = a.number;
                            let anchor = format!("a{n}");
                            view! {
                                <li>
                                    <a href=format!("#{anchor}") on:click=move |ev| { ev.prevent_default(); go_to(&anchor); }>
                                        {article_name(n)}
                                    </a>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            }).collect_view())}
        </nav>

        <section class="draft" aria-labelledby="draft-heading">
            <h2 id="draft-heading">{tr!(consult.draft)}</h2>
            {accepting.then(|| view! {
                <p>
                    <button type="button" class="button secondary" on:click=move |_| target.aim(0)>
                        {tr!(consult.comment_general)}
                    </button>
                </p>
            })}
            {c.with_value(|c| c.draft.chapters.iter().map(|ch| view! {
                <section class="chapter">
                    {(ch.number > 0).then(|| view! { <h3 class="chapter-title">{chapter_name(ch.number)}"　"{ch.title.clone()}</h3> })}
                    {ch.articles.iter().map(|a| view! { <ArticleView a=a.clone() count=counts(a.number) target accepting comments=c.comments.iter().filter(|x| x.article == a.number).map(|x| x.text.clone()).collect() /> }).collect_view()}
                </section>
            }).collect_view())}
        </section>

        <WhenNear now=target.wanted>{move || comment_form((c.get_value(), target))}</WhenNear>
        <p><A href=href("/consult")>{tr!(consult.back)}</A></p>
    }
}

#[component]
fn ArticleView(
    a: Article,
    count: usize,
    target: CommentTarget,
    accepting: bool,
    comments: Vec<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let n = a.number;
    let label = article_name(n);
    let button_label = t_string!(i18n, consult.comment_on, label = label.clone()).to_string();
    view! {
        <section class="article-item" id=format!("a{n}") tabindex="-1" aria-labelledby=format!("a{n}-h")>
            <h4 class="article-label" id=format!("a{n}-h")>{label.clone()}</h4>
            <div class="article-text">
                {a.paragraphs.iter().map(|p| {
                    let item = p.starts_with('（');
                    view! { <p class=if item { "item" } else { "para" }>{p.clone()}</p> }
                }).collect_view()}
            </div>
            <div class="article-actions">
                {accepting.then(|| view! {
                    <button type="button" class="button secondary comment-button" on:click=move |_| target.aim(n)>
                        {button_label}
                    </button>
                })}
                {(count > 0).then(|| view! { <span class="count-badge">{t!(i18n, consult.published_count, n = count)}</span> })}
            </div>
            {(!comments.is_empty()).then(|| view! {
                <details class="article-comments">
                    <summary>{t!(i18n, consult.show_comments, n = comments.len())}</summary>
                    <ul>{comments.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                </details>
            })}
        </section>
    }
}
