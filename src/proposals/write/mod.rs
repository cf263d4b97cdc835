//! /proposals/write: the deputy's drafts, and the step-by-step form — 1 题目与类别, 2 情况与分析,
//! 3 具体意见, 4 联名代表, 5 检查、预览与提交. Each 下一步 stops at a missing or too long part;
//! the last step asks the deputy to confirm the exclusions, shows the suggestion in the official
//! layout (which prints on A4), and submits it through the outbox for a receipt code. Every
//! keystroke is saved to the draft on this device.
//!
//! `form.rs` holds the state and the rules of moving on; `editor.rs` the frame around the
//! steps; `steps.rs` steps 1–3, `cosigners.rs` step 4 and `check.rs` step 5.

mod check;
mod cosigners;
mod editor;
mod form;
mod steps;

use deputy_model::suggestion::Draft;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::drafts::Drafts;
use crate::data::is_safe_id;
use crate::i18n::*;
use crate::ui::{href, query_string};
use editor::editor;

#[component]
pub fn WriteSuggestionPage() -> impl IntoView {
    let i18n = use_i18n();
    let drafts = Drafts::load();
    let q = use_query_map();
    let navigate = use_navigate();
    let current = Memo::new(move |_| q.read().get("draft").unwrap_or_default());
    // 转为建议: a letter's reference arrives in the URL; make a prefilled draft once and open it.
    {
        let navigate = navigate.clone();
        Effect::new(move |_| {
            let (from, subject, deputy) = q.with(|q| (q.get("from"), q.get("subject"), q.get("deputy")));
            if let Some(from) = from.filter(|f| current.get().is_empty() && is_safe_id(f)) {
                let subject = subject.unwrap_or_default();
                let id = drafts.create(Draft {
                    title: if subject.is_empty() {
                        String::new()
                    } else {
                        t_string!(i18n, proposals.title_from, subject = subject.clone()).to_string()
                    },
                    from_message: Some(from),
                    from_subject: Some(subject),
                    from_deputy: deputy.filter(|d| is_safe_id(d)),
                    ..Default::default()
                });
                navigate(
                    &href(&format!("/proposals/write{}", query_string(&[("draft", &id)]))),
                    leptos_router::NavigateOptions { replace: true, ..Default::default() },
                );
            }
        });
    }
    view! {
        <section class="page write-suggestion">
            <h1>{tr!(proposals.write_title)}</h1>
            <p class="lead">{tr!(proposals.write_intro)}</p>
            <p class="training-link" hidden={let training = crate::ui::shown(deputy_model::Module::Training); move || !training()}>
                <a href=href("/training/lesson/write-suggestion")>{tr!(proposals.training_link)}</a>
            </p>
            {move || {
                let id = current.get();
                match drafts.0.with_untracked(|all| all.iter().find(|d| d.id == id).cloned()) {
                    Some(d) => editor((d, drafts)),
                    None => view! { <DraftList drafts /> }.into_any(),
                }
            }}
        </section>
    }
}

#[component]
fn DraftList(drafts: Drafts) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let open = move |id: &str| href(&format!("/proposals/write{}", query_string(&[("draft", id)])));
    let create = move |_| {
        let id = drafts.create(Draft::default());
        navigate(&open(&id), Default::default());
    };
    view! {
        <button type="button" class="button primary" id="new-draft" on:click=create>{tr!(proposals.new_draft)}</button>
        <h2>{tr!(proposals.my_drafts)}</h2>
        {move || {
            let all = drafts.0.get();
            if all.is_empty() {
                return view! { <p class="empty">{tr!(proposals.no_drafts)}</p> }.into_any();
            }
            view! {
                <ul class="draft-list">
                    {all.into_iter().map(|d| {
                        let title = if d.title.trim().is_empty() { t_string!(i18n, proposals.untitled).to_string() } else { d.title.clone() };
                        let id = d.id.clone();
                        let aria = t_string!(i18n, proposals.delete_draft_of, title = title.clone()).to_string();
                        let state = match &d.receipt {
                            Some(code) => t_string!(i18n, proposals.draft_submitted, code = code.clone()).to_string(),
                            None => t_string!(i18n, proposals.draft_saved_at, at = d.updated_at.clone()).to_string(),
                        };
                        view! {
                            <li class="draft-row">
                                <A href=open(&d.id) attr:class="draft-title">{title}</A>
                                <span class="news-meta">{state}</span>
                                <button type="button" class="button secondary"
                                    aria-label=aria
                                    on:click=move |_| drafts.remove(&id)>{tr!(proposals.delete_draft)}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}
