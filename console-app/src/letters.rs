//! 来信: the queue of letters, open ones first with the days since receipt; a letter opens
//! with its history, the writer's contact (staff only) and two steps: forward to a department,
//! or write the reply and see it as the public will before sending. What is typed is kept on
//! this machine until the step is done, through an expired session or a conflict.

use deputy_model::console::{Done, LetterRow};
use deputy_model::message::{MessageEvent, Rating};
use gloo_storage::Storage;
use leptos::prelude::*;

use crate::change::{Sender, StepDate};
use crate::i18n::{t, tf};
use crate::page::{fetch, loaded};
use crate::session::use_session;

/// `YYYY-MM-DD HH:MM` in Beijing time, or the text as it is when it is no time.
pub fn when(at: &str) -> String {
    deputy_model::clock::parse_timestamp(at)
        .map(deputy_model::clock::format_date_time)
        .unwrap_or_else(|| at.to_string())
}

#[component]
pub fn LettersPage() -> impl IntoView {
    let session = use_session();
    let data = RwSignal::new(None::<Result<Vec<LetterRow>, deputy_app_kit::api::Failure>>);
    fetch(session, "letters", data);
    let reload = move || fetch(session, "letters", data);
    let open = RwSignal::new(None::<String>);
    // The queue is what waits for the station; answered letters on request.
    let all = RwSignal::new(false);
    // The last step done: shown above the list, since a letter answered leaves the queue.
    let notice = RwSignal::new(String::new());
    view! {
        <h1>{t("letters.title")}</h1>
        <p class="ok" id="letters-notice" role="status">{move || notice.get()}</p>
        <label class="check"><input type="checkbox" id="letters-all" prop:checked=move || all.get()
            on:change=move |ev| all.set(event_target_checked(&ev)) />{t("letters.show_all")}</label>
        {loaded(data, reload, move |rows: Vec<LetterRow>| {
            let waiting = rows.iter().filter(|r| r.open).count();
            let total = rows.len();
            view! {
                <p>{tf("letters.count", &[("open", &waiting.to_string()), ("all", &total.to_string())])}</p>
                <ul class="letters">
                    {move || rows.iter().filter(|r| all.get() || r.open).map(|row| {
                        let code = row.receipt_code.clone();
                        let code2 = code.clone();
                        let is_open = Signal::derive(move || open.get().as_deref() == Some(code.as_str()));
                        let row2 = row.clone();
                        view! {
                            <li class="letter" class:waiting=row.open>
                                <button type="button" class="row" aria-expanded=move || is_open.get().to_string()
                                    on:click=move |_| open.update(|o| *o = if o.as_deref() == Some(code2.as_str()) { None } else { Some(code2.clone()) })>
                                    <span class="code">{row.receipt_code.clone()}</span>
                                    <span class="subject">{row.subject.clone()}</span>
                                    <span class="state">{row.state.clone()}</span>
                                    <span class="days">{if row.open { tf("letters.days", &[("n", &row.days.to_string())]) } else { String::new() }}</span>
                                </button>
                                <Show when=move || is_open.get()>
                                    <LetterDetail row=row2.clone() reload=reload notice=notice />
                                </Show>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
        })}
    }
}

#[component]
fn LetterDetail(
    row: LetterRow,
    reload: impl Fn() + Copy + Send + Sync + 'static,
    notice: RwSignal<String>,
) -> impl IntoView {
    let code = row.receipt_code.clone();
    let department = draft(&code, "department");
    let by = draft(&code, "by");
    let text = draft(&code, "text");
    let at = draft(&code, "at");
    let sender = Sender::new();
    let (busy, refusal) = (sender.busy, sender.refusal);
    let version = row.version;
    let send = move |body: serde_json::Value, fields: &'static [&'static str]| {
        let code = code.clone();
        notice.set(String::new());
        sender.send(format!("letters/{code}"), body, move |done: Done| {
            for f in fields {
                gloo_storage::LocalStorage::delete(key(&code, f));
            }
            notice.set(done.message);
            reload();
        });
    };
    let send2 = send.clone();
    let send3 = send.clone();
    let forward = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        send(
            serde_json::json!({"version": version, "at": at.get_untracked(), "action": "forward", "department": department.get_untracked()}),
            &["department", "at"],
        );
    };
    let reply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        send2(
            serde_json::json!({"version": version, "at": at.get_untracked(), "action": "reply", "by": by.get_untracked(), "text": text.get_untracked()}),
            &["by", "text", "at"],
        );
    };
    let this = row.receipt_code.clone();
    let id = move |what: &str| format!("{what}-{this}");
    view! {
        <div class="detail">
            <dl>
                <dt>{t("letters.to")}</dt><dd>{row.deputy_name.clone()}</dd>
                <dt>{t("letters.category")}</dt><dd>{row.category.clone()}</dd>
                <dt>{t("letters.writer")}</dt><dd>{
                    let who = format!("{} {}", row.writer.name, row.writer.phone).trim().to_string();
                    if who.is_empty() { t("letters.no_writer") } else { who }
                }</dd>
                <dt>{t("letters.public")}</dt>
                <dd>
                    {if row.public { t("letters.public_yes") } else { t("letters.public_no") }}
                    {if row.consent {
                        let public = !row.public;
                        let send = send3.clone();
                        view! {
                            " "<button type="button" class="secondary visibility" disabled=move || busy.get()
                                on:click=move |_| send(serde_json::json!({"version": version, "action": "public", "public": public}), &[])>
                                {if public { t("letters.make_public") } else { t("letters.make_private") }}
                            </button>
                        }.into_any()
                    } else {
                        view! { " "<span class="hint">{t("letters.no_consent")}</span> }.into_any()
                    }}
                </dd>
            </dl>
            <p class="content">{row.content_private.clone()}</p>
            <ol class="events">
                {row.events.iter().map(|e| view! { <li>{when(e.at())}" "{event_line(e)}</li> }).collect_view()}
            </ol>
            <Show when=move || !refusal.get().is_empty()>
                <p class="error" role="alert">{move || refusal.get()}</p>
            </Show>
            <Show when=move || row.open>
                <StepDate id=id("at") value=at />
                <form class="step" on:submit=forward.clone()>
                    <label for=id("department")>{t("letters.department")}</label>
                    <input id=id("department") prop:value=move || department.get() on:input=move |ev| department.set(event_target_value(&ev)) />
                    <button type="submit" disabled=move || busy.get()>{t("letters.forward")}</button>
                </form>
                <form class="step" on:submit=reply.clone()>
                    <label for=id("by")>{t("letters.by")}</label>
                    <input id=id("by") prop:value=move || by.get() on:input=move |ev| by.set(event_target_value(&ev)) />
                    <label for=id("text")>{t("letters.text")}</label>
                    <textarea id=id("text") rows="5" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                    <Show when=move || !text.get().trim().is_empty()>
                        <section class="preview" aria-label=t("letters.preview")>
                            <h3>{t("letters.preview")}</h3>
                            <p class="by">{move || by.get()}</p>
                            <p class="reply">{move || text.get()}</p>
                        </section>
                    </Show>
                    <button type="submit" disabled=move || busy.get()>{t("letters.reply")}</button>
                </form>
            </Show>
        </div>
    }
}

fn event_line(e: &MessageEvent) -> String {
    match e {
        MessageEvent::Received { .. } => t("event.received"),
        MessageEvent::Forwarded { department, .. } => tf("event.forwarded", &[("to", department)]),
        MessageEvent::Replied { by, text, .. } => tf("event.replied", &[("by", by), ("text", text)]),
        MessageEvent::Rated { rating, comment, .. } => {
            tf("event.rated", &[("rating", &rating_name(*rating)), ("comment", comment)])
        }
        MessageEvent::Reopened { reason, .. } => tf("event.reopened", &[("reason", reason)]),
    }
}

pub fn rating_name(rating: Rating) -> String {
    match rating {
        Rating::Satisfied => t("rating.satisfied"),
        Rating::Basically => t("rating.basically"),
        Rating::Unsatisfied => t("rating.unsatisfied"),
    }
}

fn key(code: &str, field: &str) -> String {
    format!("deputy-console.draft.{code}.{field}")
}

/// A field kept in localStorage as it is typed, until its step is done.
pub fn draft(code: &str, field: &str) -> RwSignal<String> {
    let k = key(code, field);
    let signal = RwSignal::new(gloo_storage::LocalStorage::get::<String>(&k).unwrap_or_default());
    Effect::new(move |_| {
        let _ = gloo_storage::LocalStorage::set(&k, signal.get());
    });
    signal
}
