//! 履职评议: this year's nominated cases of collaborative duty work (最佳协同履职案例), with the
//! published tallies, and one vote per case per device. A vote goes through the outbox (kind
//! `vote`, so it is kept and delivered like any submission); the device remembers what it voted
//! for under `storage::VOTES`, so the button stays "您已投票" after a reload.

use deputy_model::evaluation::{Evaluation, EvaluationCase, vote_key};
use deputy_model::submission::SubmissionKind;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::data::{self, DataResource};
use crate::i18n::*;
use crate::outbox::use_outbox;
use crate::ui::{PersonName, ReceiptCode, href, loaded, storage};

#[component]
pub fn EvaluationPage() -> impl IntoView {
    let e = DataResource::new(data::evaluation);
    view! {
        <section class="page evaluation">
            {loaded(e, |e| view! { <EvaluationView e /> })}
        </section>
    }
}

#[component]
fn EvaluationView(e: Evaluation) -> impl IntoView {
    let i18n = use_i18n();
    let today = deputy_model::clock::format_date(crate::ui::today());
    let open = e.open_on(&today);
    let voted = RwSignal::new(storage::load::<Vec<String>>(storage::VOTES).unwrap_or_default());
    let cases = e
        .cases
        .iter()
        .map(|c| view! { <CaseCard c=c.clone() year=e.year votes=e.votes(&c.id) open voted /> })
        .collect_view();
    let rows = e
        .cases
        .iter()
        .map(|c| view! { <tr><th scope="row">{c.title.clone()}</th><td class="num">{e.votes(&c.id)}</td></tr> })
        .collect_view();
    view! {
        <h1>{e.title.clone()}</h1>
        <p class="lead">{tr!(sunshine.eval_intro)}</p>
        <p class="hint">
            {t!(i18n, sunshine.eval_period, opens = e.opens.clone(), closes = e.closes.clone())}" "
            {if open { t_string!(i18n, sunshine.eval_open) } else { t_string!(i18n, sunshine.eval_closed) }}
        </p>
        <ul class="case-list">{cases}</ul>
        <div class="table-wrap">
            <table class="data-table tally-table">
                <caption>{t!(i18n, sunshine.tally_caption, at = e.tallied_at.clone())}</caption>
                <thead><tr><th scope="col">{tr!(sunshine.case)}</th><th scope="col">{tr!(sunshine.votes)}</th></tr></thead>
                <tbody>{rows}</tbody>
                <tfoot><tr><th scope="row">{tr!(sunshine.total)}</th><td class="num">{e.total_votes()}</td></tr></tfoot>
            </table>
        </div>
        <p><A href=href("/duties")>{tr!(sunshine.back_duties)}</A></p>
    }
}

#[component]
fn CaseCard(c: EvaluationCase, year: u32, votes: u32, open: bool, voted: RwSignal<Vec<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let outbox = use_outbox();
    let key = vote_key(year, &c.id);
    // Voted: remembered under storage::VOTES, or (should that write have failed) a vote for
    // this case still in the outbox.
    let has_voted = {
        let (key, id) = (key.clone(), c.id.clone());
        move || {
            voted.with(|v| v.contains(&key))
                || outbox.items.with(|items| {
                    items.iter().any(|i| {
                        i.submission.kind == SubmissionKind::Vote
                            && i.submission.payload["case_id"] == id.as_str()
                            && i.submission.payload["year"] == year
                    })
                })
        }
    };
    let receipt = RwSignal::new(None::<String>);
    let heading_id = format!("case-{}", c.id);
    let vote = {
        let (c, key) = (c.clone(), key.clone());
        let has_voted = has_voted.clone();
        move |_| {
            if untrack(&has_voted) {
                return;
            }
            let payload = serde_json::json!({ "case_id": c.id, "case_title": c.title, "year": year });
            let title = format!("{}{}{}", t_string!(i18n, sunshine.vote_title), tr!(punct.colon), c.title);
            let code = outbox.submit(SubmissionKind::Vote, title, payload);
            voted.update(|v| v.push(key.clone()));
            storage::save(storage::VOTES, &voted.get_untracked());
            receipt.set(Some(code));
        }
    };
    let label = {
        let has_voted = has_voted.clone();
        move || {
            if has_voted() {
                t_string!(i18n, sunshine.voted)
            } else if open {
                t_string!(i18n, sunshine.vote)
            } else {
                t_string!(i18n, sunshine.vote_closed)
            }
        }
    };
    let disabled = {
        let has_voted = has_voted.clone();
        move || has_voted() || !open
    };
    view! {
        <li class="case-card">
            <h2 id=heading_id.clone()>{c.title.clone()}</h2>
            <dl class="facts">
                <dt>{tr!(sunshine.place)}</dt><dd>{c.place.clone()}</dd>
                <dt>{tr!(sunshine.deputies)}</dt>
                <dd>
                    <ul class="inline-list">
                        {c.deputies.clone().into_iter().map(|d| view! {
                            <li><A href=href(&format!("/direct/deputy/{}", d.id))><PersonName name=d.name.clone() /></A></li>
                        }).collect_view()}
                    </ul>
                </dd>
            </dl>
            <p>{c.summary.clone()}</p>
            {c.news_id.clone().map(|n| view! { <p><A href=href(&format!("/news/{n}"))>{tr!(sunshine.read_report)}</A></p> })}
            <p class="vote-row">
                <span class="tally">{t!(i18n, sunshine.vote_count, n = votes)}</span>
                <button type="button" class="button vote-button" disabled=disabled on:click=vote aria-describedby=heading_id>
                    {label}
                </button>
            </p>
            {move || receipt.get().map(|code| view! {
                <div class="done" role="status">
                    <p>{tr!(sunshine.vote_saved)}</p>
                    <ReceiptCode code />
                </div>
            })}
        </li>
    }
}
