//! 发布: build the site's data, see what will change for the public (files new, changed and
//! removed; which letters' replies appear), then publish; or put the previous release back.

use deputy_model::console::{Done, PublishProgress, PublishSummary};
use leptos::prelude::*;

use crate::i18n::{t, tf};
use crate::session::use_session;

#[component]
pub fn PublishPage() -> impl IntoView {
    let session = use_session();
    let plan = RwSignal::new(None::<Result<PublishSummary, String>>);
    let done = RwSignal::new(None::<Result<String, String>>);
    let busy = RwSignal::new(false);
    // While a build or publish runs, where it is: asked every second (the request that runs it
    // answers only at the end).
    let progress = RwSignal::new(None::<PublishProgress>);
    let poll = StoredValue::new(None::<IntervalHandle>);
    Effect::new(move |_| {
        if busy.get() {
            progress.set(None);
            let ask = move || {
                leptos::task::spawn_local(async move {
                    if let Ok(p) = deputy_app_kit::api::get::<PublishProgress>("publish/progress").await {
                        progress.set(Some(p).filter(|p| p.running && busy.get_untracked()));
                    }
                })
            };
            poll.set_value(set_interval_with_handle(ask, std::time::Duration::from_millis(1000)).ok());
        } else if let Some(h) = poll.try_update_value(Option::take).flatten() {
            h.clear();
        }
    });
    on_cleanup(move || {
        if let Some(h) = poll.try_update_value(Option::take).flatten() {
            h.clear();
        }
    });
    let check = move |_| {
        busy.set(true);
        done.set(None);
        plan.set(None);
        leptos::task::spawn_local(async move {
            let result = deputy_app_kit::api::get::<PublishSummary>("publish").await;
            if let Err(f) = &result {
                session.check(f);
            }
            plan.set(Some(result.map_err(|f| f.message())));
            busy.set(false);
        });
    };
    let run = move |path: &'static str| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = deputy_app_kit::api::post::<serde_json::Value>(path, serde_json::json!({})).await;
            if let Err(f) = &result {
                session.check(f);
            }
            let line = result
                .map(|v| {
                    serde_json::from_value::<Done>(v.clone())
                        .map(|d| d.message)
                        .or_else(|_| serde_json::from_value::<PublishSummary>(v).map(|s| s.report))
                        .unwrap_or_default()
                })
                .map_err(|f| f.message());
            done.set(Some(line));
            plan.set(None);
            busy.set(false);
        });
    };
    view! {
        <h1>{t("publish.title")}</h1>
        <p class="hint">{t("publish.hint")}</p>
        <div class="actions">
            <button type="button" id="publish-check" on:click=check disabled=move || busy.get()>{t("publish.check")}</button>
            <button type="button" id="rollback" class="secondary" on:click=move |_| run("publish/rollback") disabled=move || busy.get()>{t("publish.rollback")}</button>
        </div>
        <Show when=move || busy.get()>
            <div class="progress">
                <p class="loading" role="status" id="publish-phase">{move || match progress.get() {
                    Some(p) if !p.phase.is_empty() => tf("publish.phase", &[("phase", &p.phase)]),
                    _ => t("publish.working"),
                }}</p>
                {move || match progress.get() {
                    Some(p) if p.total > 0 => view! {
                        <progress id="publish-progress" aria-labelledby="publish-phase" max=p.total value=p.done.min(p.total)></progress>
                        <span class="count">{tf("publish.count", &[("done", &p.done.min(p.total).to_string()), ("total", &p.total.to_string())])}</span>
                    }.into_any(),
                    _ => view! { <progress id="publish-progress" aria-labelledby="publish-phase"></progress> }.into_any(),
                }}
            </div>
        </Show>
        {move || done.get().map(|d| match d {
            Ok(m) => view! { <p class="ok" role="status" id="publish-done">{m}</p> }.into_any(),
            Err(m) => view! { <p class="error" role="alert">{m}</p> }.into_any(),
        })}
        {move || plan.get().map(|p| match p {
            Err(m) => view! { <p class="error" role="alert">{m}</p> }.into_any(),
            Ok(p) => view! {
                <section class="plan" aria-label=t("publish.plan")>
                    <h2>{t("publish.plan")}</h2>
                    <p>{p.report.clone()}</p>
                    <p id="publish-totals">{tf("publish.totals", &[
                        ("added", &p.totals[0].to_string()), ("changed", &p.totals[1].to_string()), ("removed", &p.totals[2].to_string()),
                    ])}</p>
                    <h3>{t("publish.replies")}</h3>
                    {if p.replies.is_empty() {
                        view! { <p>{t("publish.no_replies")}</p> }.into_any()
                    } else {
                        view! { <ul id="publish-replies">{p.replies.iter().map(|c| view! { <li class="code">{c.clone()}</li> }).collect_view()}</ul> }.into_any()
                    }}
                    <details>
                        <summary>{t("publish.files")}</summary>
                        <ul class="files">
                            {p.added.iter().map(|f| view! { <li>{t("publish.added")}" "{f.clone()}</li> }).collect_view()}
                            {p.changed.iter().map(|f| view! { <li>{t("publish.changed")}" "{f.clone()}</li> }).collect_view()}
                            {p.removed.iter().map(|f| view! { <li>{t("publish.removed")}" "{f.clone()}</li> }).collect_view()}
                        </ul>
                    </details>
                    <button type="button" id="publish-now" on:click=move |_| run("publish") disabled=move || busy.get()>{t("publish.now")}</button>
                </section>
            }.into_any(),
        })}
    }
}
