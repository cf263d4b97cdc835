//! A suggestion in the usual official layout (标题, 领衔/联名代表, 类别, 建议承办单位, then
//! 一、情况 二、分析 三、具体意见, 附件): the draft's preview and print view, and the text of a
//! published suggestion. Print CSS sets it on A4 in 宋体/仿宋 where the fonts exist.

use leptos::prelude::*;

use crate::i18n::*;

#[derive(Clone, Default)]
pub struct DocText {
    pub title: String,
    pub category: String,
    pub lead: String,
    /// Names with whether they confirmed.
    pub cosigners: Vec<(String, bool)>,
    pub unit: String,
    pub facts: Vec<String>,
    pub analysis: Vec<String>,
    pub proposals: Vec<String>,
    pub attachments: Vec<String>,
}

#[component]
pub fn SuggestionDoc(doc: DocText) -> impl IntoView {
    let i18n = use_i18n();
    let cosigners = if doc.cosigners.is_empty() {
        tr!(proposals.none).to_string()
    } else {
        doc.cosigners
            .iter()
            .map(|(n, ok)| {
                if *ok {
                    format!("{n}{}{}{}", tr!(punct.open), tr!(proposals.confirmed), tr!(punct.close))
                } else {
                    format!("{n}{}{}{}", tr!(punct.open), tr!(proposals.unconfirmed), tr!(punct.close))
                }
            })
            .collect::<Vec<_>>()
            .join(tr!(punct.list))
    };
    let para = |ps: Vec<String>| ps.into_iter().map(|p| view! { <p>{p}</p> }).collect_view();
    view! {
        <article class="proposal-doc" aria-labelledby="doc-title">
            <p class="doc-head">{tr!(proposals.doc_head)}</p>
            <h2 class="doc-title" id="doc-title">{doc.title.clone()}</h2>
            <dl class="doc-meta">
                <dt>{tr!(proposals.lead)}</dt><dd>{doc.lead.clone()}</dd>
                <dt>{tr!(proposals.cosigners)}</dt><dd>{cosigners}</dd>
                <dt>{tr!(proposals.category)}</dt><dd>{doc.category.clone()}</dd>
                <dt>{tr!(proposals.suggested_unit)}</dt>
                <dd>{if doc.unit.is_empty() { t_string!(i18n, proposals.none).to_string() } else { doc.unit.clone() }}</dd>
            </dl>
            <h3>{tr!(proposals.part_facts)}</h3>
            {para(doc.facts)}
            <h3>{tr!(proposals.part_analysis)}</h3>
            {para(doc.analysis)}
            <h3>{tr!(proposals.part_proposals)}</h3>
            <ol class="doc-proposals">{doc.proposals.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ol>
            {(!doc.attachments.is_empty()).then(|| view! {
                <h3>{tr!(proposals.attachments)}</h3>
                <ol class="doc-attachments">{doc.attachments.clone().into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}</ol>
            })}
        </article>
    }
}
