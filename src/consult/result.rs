//! The result of a closed consultation: each article of the draft against the final text, the
//! changes marked (computed by the data tool's diff), and for each changed article the comments
//! that led to it and the drafters' reasons.

use deputy_model::consult::{ArticleChange, ChangeKind, Consultation, DiffOp};
use leptos::prelude::*;

use super::adoption_label;
use crate::i18n::*;

#[component]
pub fn Changes(c: Consultation) -> impl IntoView {
    let only_changed = RwSignal::new(true);
    let changes = StoredValue::new(c.changes.clone());
    let adoption = StoredValue::new(c.adoption.clone());
    let general: Vec<_> = c.adoption.iter().filter(|a| a.article == 0).cloned().collect();
    view! {
        <section class="result" aria-labelledby="result-heading">
            <h2 id="result-heading">{tr!(consult.result_heading)}</h2>
            <p class="hint">{tr!(consult.result_intro)}</p>
            <label class="check">
                <input id="only-changed" type="checkbox" prop:checked=move || only_changed.get() on:change=move |ev| only_changed.set(event_target_checked(&ev)) />
                <span>{tr!(consult.only_changed)}</span>
            </label>
            {(!general.is_empty()).then(|| view! {
                <div class="change general">
                    <h3>{tr!(consult.general_adoption)}</h3>
                    {general.into_iter().map(|a| view! { <AdoptionView a /> }).collect_view()}
                </div>
            })}
            <ol class="changes">
                {move || {
                    let only = only_changed.get();
                    changes.with_value(|cs| cs.iter().filter_map(|ch| {
                        let mine: Vec<_> = adoption.with_value(|ad| ad.iter().filter(|a| a.article != 0 && Some(a.article) == ch.draft_article).cloned().collect());
                        // An unchanged article still shows when comments on it were answered (e.g. 未采纳).
                        (!only || ch.kind != ChangeKind::Unchanged || !mine.is_empty()).then_some((ch, mine))
                    }).map(|(ch, mine)| {
                        view! { <ChangeView ch=ch.clone() adoption=mine /> }
                    }).collect_view())
                }}
            </ol>
        </section>
    }
}

fn kind_label(i18n: I18n, k: ChangeKind) -> &'static str {
    match k {
        ChangeKind::Unchanged => t_string!(i18n, consult.kind_unchanged),
        ChangeKind::Changed => t_string!(i18n, consult.kind_changed),
        ChangeKind::Added => t_string!(i18n, consult.kind_added),
        ChangeKind::Removed => t_string!(i18n, consult.kind_removed),
    }
}

#[component]
fn ChangeView(ch: ArticleChange, adoption: Vec<deputy_model::consult::Adoption>) -> impl IntoView {
    let i18n = use_i18n();
    let kind = match ch.kind {
        ChangeKind::Unchanged => "unchanged",
        ChangeKind::Changed => "changed",
        ChangeKind::Added => "added",
        ChangeKind::Removed => "removed",
    };
    let draft =
        ch.draft_article.map(|n| t_string!(i18n, consult.draft_article, label = super::article_name(n)).to_string());
    let fin =
        ch.final_article.map(|n| t_string!(i18n, consult.final_article, label = super::article_name(n)).to_string());
    let deleted = t_string!(i18n, consult.deleted);
    let inserted = t_string!(i18n, consult.inserted);
    view! {
        <li class=format!("change change-{kind}")>
            <p class="change-head">
                <span class=format!("change-badge change-{kind}")>{kind_label(i18n, ch.kind)}</span>
                {draft.map(|d| view! { <span>{d}</span> })}
                {(ch.draft_article.is_some() && ch.final_article.is_some()).then_some(" → ")}
                {fin.map(|f| view! { <span>{f}</span> })}
            </p>
            <p class="diff">
                {ch.segments.into_iter().map(|s| match s.op {
                    DiffOp::Same => view! { <span>{s.text}</span> }.into_any(),
                    // The words 删除/新增 are there for screen readers and for printing in black and white.
                    DiffOp::Delete => view! { <del><span class="visually-hidden">{deleted}</span>{s.text}</del> }.into_any(),
                    DiffOp::Insert => view! { <ins><span class="visually-hidden">{inserted}</span>{s.text}</ins> }.into_any(),
                }).collect_view()}
            </p>
            {adoption.into_iter().map(|a| view! { <AdoptionView a /> }).collect_view()}
        </li>
    }
}

#[component]
fn AdoptionView(a: deputy_model::consult::Adoption) -> impl IntoView {
    let i18n = use_i18n();
    let cls = match a.result {
        deputy_model::consult::AdoptionResult::Adopted => "adopted",
        deputy_model::consult::AdoptionResult::Partly => "partly",
        deputy_model::consult::AdoptionResult::NotAdopted => "not-adopted",
    };
    view! {
        <div class=format!("adoption adoption-{cls}")>
            <p><span class=format!("adoption-badge adoption-{cls}")>{adoption_label(i18n, a.result)}</span></p>
            <p><strong>{tr!(consult.reason)}{tr!(punct.colon)}</strong>{a.reason.clone()}</p>
            {(!a.comments.is_empty()).then(|| view! {
                <p class="hint">{tr!(consult.led_by)}</p>
                <ul class="led-by">{a.comments.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
            })}
        </div>
    }
}
