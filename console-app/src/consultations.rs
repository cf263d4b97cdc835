//! 征求意见: each consultation's comments by article, published one by one; after the period,
//! the results: for each article (or the whole draft) adopted, partly or not, the reason and
//! the comments behind it, and the final text (typed, pasted or read from a file). A preview
//! shows the article-by-article comparison before anything is saved. The form is kept on this
//! machine until the results are published.

use deputy_model::console::{CommentRow, ConsultationRow, Done, ResultPreview};
use deputy_model::consult::{ArticleChange, ChangeKind, DiffOp};
use gloo_storage::Storage;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::change::Sender;
use crate::files;
use crate::i18n::{t, tf};
use crate::page::{fetch, loaded};
use crate::session::use_session;

/// One line of the results form, as typed.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
struct Line {
    article: u32,
    result: String,
    reason: String,
    comments: Vec<String>,
}

#[component]
pub fn ConsultationsPage() -> impl IntoView {
    let session = use_session();
    let data = RwSignal::new(None::<Result<Vec<ConsultationRow>, deputy_app_kit::api::Failure>>);
    fetch(session, "consultations", data);
    let reload = move || fetch(session, "consultations", data);
    let notice = RwSignal::new(String::new());
    let sender = Sender::new();
    let refusal = sender.refusal;
    // A new consultation: the drafters' source file, checked line by line by the server.
    let open_new = move |ev: leptos::ev::Event| {
        let Some(file) = files::chosen(&ev).into_iter().next() else { return };
        leptos::task::spawn_local(async move {
            let body = serde_json::json!({ "name": file.name(), "text": files::text(&file).await.unwrap_or_default() });
            sender.send("consultations".into(), body, move |d: Done| {
                notice.set(d.message);
                reload();
            });
        });
    };
    view! {
        <h1>{t("consult.title")}</h1>
        <p class="ok" id="consult-notice" role="status">{move || notice.get()}</p>
        <Show when=move || !refusal.get().is_empty()>
            <p class="error" role="alert" id="consult-error">{move || refusal.get()}</p>
        </Show>
        <div class="actions">
            <input type="file" id="consult-new" class="visually-hidden" accept=".json,application/json" on:change=open_new />
            <label class="file-button" for="consult-new">{t("consult.new")}</label>
        </div>
        {loaded(data, reload, move |rows: Vec<ConsultationRow>| view! {
            {rows.into_iter().map(|c| view! { <ConsultationCard c=c reload=reload notice=notice /> }).collect_view()}
        })}
    }
}

#[component]
fn ConsultationCard(
    c: ConsultationRow,
    reload: impl Fn() + Copy + Send + Sync + 'static,
    notice: RwSignal<String>,
) -> impl IntoView {
    let sender = Sender::new();
    let refusal = sender.refusal;
    let publish = move |code: String| {
        sender.send(format!("comments/{code}/publish"), serde_json::json!({}), move |d: Done| {
            notice.set(d.message);
            reload();
        });
    };
    let mut numbers: Vec<u32> = c.comments.iter().map(|x| x.article).collect();
    numbers.sort_unstable();
    numbers.dedup();
    let comments = c.comments.clone();
    view! {
        <section class="plan" aria-labelledby=format!("c-{}", c.id)>
            <h2 id=format!("c-{}", c.id)>{c.title.clone()}</h2>
            <p>{tf("consult.period", &[("phase", &c.phase), ("opens", &c.opens), ("closes", &c.closes)])}</p>
            <Show when=move || !refusal.get().is_empty()>
                <p class="error" role="alert">{move || refusal.get()}</p>
            </Show>
            <details>
                <summary>{tf("consult.comments", &[("n", &c.comments.len().to_string())])}</summary>
                {numbers.into_iter().map(|n| {
                    let of: Vec<CommentRow> = comments.iter().filter(|x| x.article == n).cloned().collect();
                    view! {
                        <h3>{article_name(n)}</h3>
                        <ul class="comments">
                            {of.into_iter().map(|x| {
                                let code = x.receipt_code.clone();
                                view! {
                                    <li>
                                        <span class="code">{x.receipt_code.clone()}</span>" "{crate::letters::when(&x.at)}
                                        <p class="content">{x.text.clone()}</p>
                                        {if x.published {
                                            view! { <span class="badge">{t("consult.published")}</span> }.into_any()
                                        } else {
                                            view! { <button type="button" class="secondary" on:click=move |_| publish(code.clone())>{t("consult.publish_comment")}</button> }.into_any()
                                        }}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }
                }).collect_view()}
            </details>
            {c.can_publish_result.then(|| view! { <ResultForm c=c.clone() reload=reload notice=notice /> })}
        </section>
    }
}

fn article_name(n: u32) -> String {
    if n == 0 {
        t("consult.whole")
    } else {
        tf("consult.article", &[("n", &deputy_model::consult::chinese_numeral(n))])
    }
}

#[component]
fn ResultForm(
    c: ConsultationRow,
    reload: impl Fn() + Copy + Send + Sync + 'static,
    notice: RwSignal<String>,
) -> impl IntoView {
    let key = format!("deputy-console.draft.result.{}", c.id);
    let saved: (Vec<Line>, String) = gloo_storage::LocalStorage::get(&key).unwrap_or_default();
    let lines = RwSignal::new(if saved.0.is_empty() { vec![Line::default()] } else { saved.0 });
    let final_text = RwSignal::new(saved.1);
    Effect::new(move |_| {
        let _ = gloo_storage::LocalStorage::set(&key, (lines.get(), final_text.get()));
    });
    let preview = RwSignal::new(None::<ResultPreview>);
    let sender = Sender::new();
    let (busy, refusal) = (sender.busy, sender.refusal);
    let id = c.id.clone();
    let send = move |dry: bool| {
        let id = id.clone();
        let body = serde_json::json!({
            "adoption": lines.get_untracked().iter().map(|l| serde_json::json!({
                "article": l.article, "result": l.result, "reason": l.reason, "comments": l.comments,
            })).collect::<Vec<_>>(),
            "final_text": final_text.get_untracked(),
            "preview": dry,
        });
        sender.send(format!("consultations/{id}/result"), body, move |p: ResultPreview| {
            if dry {
                preview.set(Some(p));
            } else {
                gloo_storage::LocalStorage::delete(format!("deputy-console.draft.result.{id}"));
                notice.set(p.message);
                reload();
            }
        });
    };
    let send2 = send.clone();
    let articles: Vec<u32> = std::iter::once(0).chain(c.articles.iter().map(|a| a.0)).collect();
    let comments = c.comments.clone();
    let id = c.id.clone();
    let read_file = move |ev: leptos::ev::Event| {
        let Some(file) = files::chosen(&ev).into_iter().next() else { return };
        // An unreadable file leaves what was typed as it is.
        leptos::task::spawn_local(async move {
            if let Some(text) = files::text(&file).await {
                final_text.set(text);
            }
        });
    };
    view! {
        <div class="result-form">
            <h3>{t("consult.results")}</h3>
            <For each={move || (0..lines.with(|l| l.len())).collect::<Vec<usize>>()} key={|i: &usize| *i} let:i>
                {
                    let articles = articles.clone();
                    let comments = comments.clone();
                    let f = format!("{id}-{i}");
                    let get = move || lines.with(|l| l.get(i).cloned().unwrap_or_default());
                    let article = Memo::new(move |_| get().article);
                    let edit = move |change: &dyn Fn(&mut Line)| lines.update(|l| if let Some(x) = l.get_mut(i) { change(x) });
                    view! {
                        <fieldset class="line">
                            <legend>{tf("consult.line", &[("n", &(i + 1).to_string())])}</legend>
                            <label for=format!("article-{f}")>{t("consult.which")}</label>
                            <select id=format!("article-{f}") prop:value=move || get().article.to_string()
                                on:change=move |ev| { let v = event_target_value(&ev).parse().unwrap_or(0); edit(&|x| { x.article = v; x.comments.clear(); }) }>
                                {articles.iter().map(|n| view! { <option value=n.to_string()>{article_name(*n)}</option> }).collect_view()}
                            </select>
                            <label for=format!("result-{f}")>{t("consult.result")}</label>
                            <select id=format!("result-{f}") prop:value=move || get().result
                                on:change=move |ev| { let v = event_target_value(&ev); edit(&|x| x.result = v.clone()) }>
                                <option value="">{t("suggestions.choose")}</option>
                                <option value="adopted">{t("consult.adopted")}</option>
                                <option value="partly">{t("consult.partly")}</option>
                                <option value="not_adopted">{t("consult.not_adopted")}</option>
                            </select>
                            <label for=format!("reason-{f}")>{t("consult.reason")}</label>
                            <textarea id=format!("reason-{f}") rows="2" prop:value=move || get().reason
                                on:input=move |ev| { let v = event_target_value(&ev); edit(&|x| x.reason = v.clone()) }></textarea>
                            <p class="label">{t("consult.based_on")}</p>
                            // Re-drawn when the article changes only: a box keeps its focus when ticked.
                            {move || {
                                let article = article.get();
                                comments.iter().filter(|x| x.article == article).map(|x| {
                                    let code = x.receipt_code.clone();
                                    let mine = code.clone();
                                    view! {
                                        <label class="check">
                                            <input type="checkbox" prop:checked=move || get().comments.contains(&mine) on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                let code = code.clone();
                                                edit(&|x| { x.comments.retain(|c| *c != code); if on { x.comments.push(code.clone()); } })
                                            } />
                                            <span class="code">{x.receipt_code.clone()}</span>" "{x.text.chars().take(40).collect::<String>()}
                                        </label>
                                    }
                                }).collect_view()
                            }}
                        </fieldset>
                    }
                }
            </For>
            <button type="button" class="secondary" on:click=move |_| lines.update(|l| l.push(Line::default()))>{t("consult.add_line")}</button>
            <label for=format!("final-{}", c.id)>{t("consult.final")}</label>
            <input type="file" accept=".txt,text/plain" aria-label=t("consult.final_file") on:change=read_file />
            <textarea id=format!("final-{}", c.id) rows="8" prop:value=move || final_text.get()
                on:input=move |ev| final_text.set(event_target_value(&ev))></textarea>
            <Show when=move || !refusal.get().is_empty()>
                <p class="error" role="alert">{move || refusal.get()}</p>
            </Show>
            <div class="actions">
                <button type="button" class="secondary preview-result" on:click=move |_| send(true) disabled=move || busy.get()>{t("consult.preview")}</button>
                <button type="button" class="publish-result" on:click=move |_| send2(false) disabled=move || busy.get()>{t("consult.publish")}</button>
            </div>
            {move || preview.get().map(|p| view! {
                <section class="preview" aria-label=t("consult.preview_title")>
                    <h4>{t("consult.preview_title")}</h4>
                    <p>{p.message.clone()}</p>
                    <ol class="changes">{p.changes.iter().map(change_view).collect_view()}</ol>
                </section>
            })}
        </div>
    }
}

fn change_view(ch: &ArticleChange) -> impl IntoView + use<> {
    let kind = match ch.kind {
        ChangeKind::Unchanged => t("consult.unchanged"),
        ChangeKind::Changed => t("consult.changed"),
        ChangeKind::Added => t("consult.added"),
        ChangeKind::Removed => t("consult.removed"),
    };
    let which = ch.draft_article.or(ch.final_article).map(article_name).unwrap_or_default();
    view! {
        <li class="change">
            <strong>{which}" "{kind}</strong>
            <p class="content">
                {ch.segments.iter().map(|s| match s.op {
                    DiffOp::Same => view! { <span>{s.text.clone()}</span> }.into_any(),
                    DiffOp::Insert => view! { <ins>{s.text.clone()}</ins> }.into_any(),
                    DiffOp::Delete => view! { <del>{s.text.clone()}</del> }.into_any(),
                }).collect_view()}
            </p>
        </li>
    }
}
