//! 收件箱: what waits in the inbox service's store, by kind and date, with the reason of each
//! earlier refusal; one button ingests everything, and the result of each item is listed.

use deputy_model::console::{DeputyChoice, InboxItem, IngestRun};
use deputy_model::deputy::Level;
use leptos::prelude::*;

use crate::files;
use crate::i18n::{t, tf};
use crate::page::{fetch, loaded};
use crate::session::use_session;

#[component]
pub fn InboxPage() -> impl IntoView {
    let session = use_session();
    let data = RwSignal::new(None::<Result<Vec<InboxItem>, deputy_app_kit::api::Failure>>);
    fetch(session, "inbox", data);
    let retry = move || fetch(session, "inbox", data);
    let run = RwSignal::new(None::<Result<IngestRun, String>>);
    let busy = RwSignal::new(false);
    let ingest = move |_| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = deputy_app_kit::api::post::<IngestRun>("inbox/ingest", serde_json::json!({})).await;
            if let Err(f) = &result {
                session.check(f);
            }
            run.set(Some(result.map_err(|f| f.message())));
            busy.set(false);
            fetch(session, "inbox", data);
        });
    };
    let deputy = RwSignal::new(String::new());
    // The source's deputies for the picker: typed as a name or an id, the list narrows; the
    // line under it says whose the report will be (or that the id is not a deputy's).
    let deputies = RwSignal::new(Vec::<DeputyChoice>::new());
    leptos::task::spawn_local(async move {
        if let Ok(list) = deputy_app_kit::api::get::<Vec<DeputyChoice>>("deputies").await {
            deputies.set(list);
        }
    });
    let chosen = move || {
        let id = deputy.get();
        let id = id.trim();
        if id.is_empty() {
            return String::new();
        }
        deputies.with(|all| match all.iter().find(|d| d.id == id) {
            Some(d) => {
                tf("inbox.deputy_is", &[("name", &d.name), ("level", &level_name(d.level)), ("region", &d.region)])
            }
            None if all.is_empty() => String::new(),
            None => t("inbox.deputy_unknown"),
        })
    };
    // Files from e-mail or a download: read here, sent one per request (each well under the
    // body limit), the outcomes listed together.
    let upload = move |ev: leptos::ev::Event| {
        let chosen = files::chosen(&ev);
        if chosen.is_empty() {
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let mut all = Vec::new();
            let mut failure = None;
            for file in chosen {
                // An unreadable file is sent empty: the server refuses it with its name.
                let text = files::text(&file).await.unwrap_or_default();
                let deputy = deputy.get_untracked();
                let body = serde_json::json!({ "files": [{ "name": file.name(), "text": text }], "deputy": deputy });
                match deputy_app_kit::api::post::<IngestRun>("inbox/files", body).await {
                    Ok(r) => all.extend(r.outcomes),
                    Err(f) => {
                        session.check(&f);
                        failure = Some(f.message());
                        break;
                    }
                }
            }
            let taken = all.iter().filter(|o| o.accepted).count();
            let message =
                tf("inbox.files_done", &[("taken", &taken.to_string()), ("refused", &(all.len() - taken).to_string())]);
            run.set(Some(match failure {
                Some(m) => Err(m),
                None => Ok(IngestRun { message, outcomes: all }),
            }));
            busy.set(false);
        });
    };
    view! {
        <h1>{t("inbox.title")}</h1>
        <p class="hint">{t("inbox.hint")}</p>
        <div class="actions">
            <button type="button" id="ingest" on:click=ingest disabled=move || busy.get()>{t("inbox.ingest")}</button>
            <input type="file" id="inbox-files" class="visually-hidden" multiple accept=".json,application/json" on:change=upload />
            <label class="file-button" for="inbox-files">{t("inbox.files")}</label>
        </div>
        <label for="inbox-deputy">{t("inbox.deputy")}</label>
        <input id="inbox-deputy" class="short" list="inbox-deputies" autocomplete="off" aria-describedby="inbox-deputy-is"
            prop:value=move || deputy.get() on:input=move |ev| deputy.set(event_target_value(&ev)) />
        <datalist id="inbox-deputies">
            {move || deputies.get().into_iter().map(|d| {
                let label = format!("{}（{} · {}）", d.name, level_name(d.level), d.region);
                view! { <option value=d.id label=label></option> }
            }).collect_view()}
        </datalist>
        <p class="hint" id="inbox-deputy-is" aria-live="polite">{chosen}</p>
        {move || run.get().map(|r| match r {
            Ok(r) => view! {
                <section class="result" role="status" aria-label=t("inbox.result")>
                    <p><strong>{r.message}</strong></p>
                    <ul>
                        {r.outcomes.into_iter().map(|o| view! {
                            <li class=if o.accepted { "ok" } else { "refused" }>
                                <span class="code">{o.receipt_code}</span>" "
                                {if o.accepted { t("inbox.accepted") } else { t("inbox.refused") }}"："{o.message}
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            }.into_any(),
            Err(m) => view! { <p class="error" role="alert">{m}</p> }.into_any(),
        })}
        {loaded(data, retry, |items: Vec<InboxItem>| {
            if items.is_empty() {
                return view! { <p class="empty">{t("inbox.empty")}</p> }.into_any();
            }
            view! {
                <p>{tf("inbox.count", &[("n", &items.len().to_string())])}</p>
                <table class="list">
                    <thead><tr>
                        <th scope="col">{t("inbox.code")}</th><th scope="col">{t("inbox.kind")}</th>
                        <th scope="col">{t("inbox.sent")}</th><th scope="col">{t("inbox.item")}</th><th scope="col">{t("inbox.state")}</th>
                    </tr></thead>
                    <tbody>
                        {items.into_iter().map(|i| view! {
                            <tr class:refused=!i.refused.is_empty()>
                                <td class="code">{i.receipt_code}</td>
                                <td>{kind_name(&i.kind)}</td>
                                <td>{crate::letters::when(&i.created_at)}</td>
                                <td>{i.title}</td>
                                <td>{if i.refused.is_empty() { t("inbox.waiting") } else { tf("inbox.refused_because", &[("reason", &i.refused)]) }}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        })}
    }
}

fn kind_name(kind: &str) -> String {
    match kind {
        "message" => t("kind.message"),
        "rating" => t("kind.rating"),
        "comment" => t("kind.comment"),
        "suggestion" => t("kind.suggestion"),
        "cosign" => t("kind.cosign"),
        "vote" => t("kind.vote"),
        "training" => t("kind.training"),
        "feedback" => t("kind.feedback"),
        _ => t("kind.unreadable"),
    }
}

fn level_name(level: Level) -> String {
    match level {
        Level::National => t("level.national"),
        Level::Region => t("level.region"),
        Level::City => t("level.city"),
        Level::County => t("level.county"),
        Level::Township => t("level.township"),
    }
}
