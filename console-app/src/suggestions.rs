//! 建议办理: the deputies' suggestions, overdue first, each with its deadline clock and
//! timeline; only the steps the rules allow now are offered (the server lists them), units are
//! picked from those the station has assigned before (or typed), and what is typed is kept on
//! this machine until its step is done.

use deputy_model::console::{Done, SuggestionQueue, SuggestionRow};
use deputy_model::suggestion::SuggestionEvent;
use leptos::prelude::*;

use crate::change::{Sender, StepDate};
use crate::i18n::{t, tf};
use crate::letters::draft;
use crate::page::{fetch, loaded};
use crate::session::use_session;

#[component]
pub fn SuggestionsPage() -> impl IntoView {
    let session = use_session();
    let data = RwSignal::new(None::<Result<SuggestionQueue, deputy_app_kit::api::Failure>>);
    fetch(session, "suggestions", data);
    let reload = move || fetch(session, "suggestions", data);
    let open = RwSignal::new(None::<String>);
    let notice = RwSignal::new(String::new());
    view! {
        <h1>{t("suggestions.title")}</h1>
        <p class="ok" id="suggestions-notice" role="status">{move || notice.get()}</p>
        {loaded(data, reload, move |queue: SuggestionQueue| {
            let units = queue.units.clone();
            view! {
                <datalist id="units">{units.into_iter().map(|u| view! { <option value=u></option> }).collect_view()}</datalist>
                <ul class="letters">
                    {queue.suggestions.into_iter().map(|row| {
                        let id = row.id.clone();
                        let id2 = id.clone();
                        let is_open = Signal::derive(move || open.get().as_deref() == Some(id.as_str()));
                        let overdue = row.days_left.is_some_and(|d| d < 0);
                        let row2 = row.clone();
                        view! {
                            <li class="letter" class:waiting=!row.next.is_empty()>
                                <button type="button" class="row" aria-expanded=move || is_open.get().to_string()
                                    on:click=move |_| open.update(|o| *o = if o.as_deref() == Some(id2.as_str()) { None } else { Some(id2.clone()) })>
                                    <span class="code">{row.id.clone()}</span>
                                    <span class="subject">{row.title.clone()}</span>
                                    <span class="state">{row.status.clone()}</span>
                                    <span class="days" class:overdue=overdue>{clock_line(&row)}</span>
                                </button>
                                <Show when=move || is_open.get()>
                                    <SuggestionDetail row=row2.clone() reload=reload notice=notice />
                                </Show>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
        })}
    }
}

fn clock_line(row: &SuggestionRow) -> String {
    match (row.days_left, &row.due) {
        (Some(d), Some(due)) if d < 0 => tf("suggestions.overdue", &[("n", &(-d).to_string()), ("due", due)]),
        (Some(d), Some(due)) => tf("suggestions.due", &[("n", &d.to_string()), ("due", due)]),
        _ => String::new(),
    }
}

#[component]
fn SuggestionDetail(
    row: SuggestionRow,
    reload: impl Fn() + Copy + Send + Sync + 'static,
    notice: RwSignal<String>,
) -> impl IntoView {
    let id = row.id.clone();
    let key = format!("s-{id}");
    let [lead, co, months, reason, note, result, text, rating, comment] =
        ["lead", "co", "months", "reason", "note", "result", "text", "rating", "comment"].map(|f| draft(&key, f));
    let at = draft(&key, "at");
    let sender = Sender::new();
    let (busy, refusal) = (sender.busy, sender.refusal);
    let version = row.version;
    let send = move |mut body: serde_json::Value| {
        body["version"] = version.into();
        body["at"] = at.get_untracked().into();
        notice.set(String::new());
        sender.send(format!("suggestions/{id}"), body, move |done: Done| {
            // Taken: the forms start empty for the next step (a day typed for this one must
            // not date the next).
            for field in [lead, co, months, reason, note, result, text, rating, comment, at] {
                field.set(String::new());
            }
            notice.set(done.message);
            reload();
        });
    };
    let has = |step: &str| row.next.iter().any(|n| n == step);
    let this = row.id.clone();
    let field = move |what: &str| format!("{what}-{this}");
    // Forms read their fields when sent: each builds its body then.
    let on = move |make: fn([RwSignal<String>; 9]) -> serde_json::Value| {
        let send = send.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            send(make([lead, co, months, reason, note, result, text, rating, comment]));
        }
    };
    view! {
        <div class="detail">
            <dl>
                <dt>{t("suggestions.lead")}</dt><dd>{row.lead.clone()}</dd>
                <dt>{t("suggestions.status")}</dt><dd>{row.status.clone()}</dd>
                <dt>{t("suggestions.clock")}</dt>
                <dd>{if row.due.is_some() { clock_line(&row) } else { t("suggestions.no_clock") }}</dd>
            </dl>
            <ol class="events">
                {row.events.iter().map(|e| view! { <li>{e.date().to_string()}" "{event_line(e)}</li> }).collect_view()}
            </ol>
            <Show when=move || !refusal.get().is_empty()>
                <p class="error" role="alert">{move || refusal.get()}</p>
            </Show>
            {row.next.is_empty().then(|| view! { <p class="hint">{t("suggestions.nothing")}</p> })}
            {(!row.next.is_empty()).then(|| view! { <StepDate id=field("at") value=at /> })}
            {has("register").then(|| view! {
                <form class="step" on:submit=on(|_| serde_json::json!({"step": "register"}))>
                    <button type="submit" disabled=move || busy.get()>{t("suggestions.register")}</button>
                </form>
            })}
            {has("assign").then(|| view! {
                <form class="step" on:submit=on(|f| serde_json::json!({"step": "assign", "lead_unit": f[0].get_untracked(),
                    "co_units": f[1].get_untracked().split(['，', ',', '、']).map(str::trim).filter(|u| !u.is_empty()).collect::<Vec<_>>()}))>
                    <label for=field("lead")>{t("suggestions.lead_unit")}</label>
                    <input id=field("lead") list="units" prop:value=move || lead.get() on:input=move |ev| lead.set(event_target_value(&ev)) />
                    <label for=field("co")>{t("suggestions.co_units")}</label>
                    <input id=field("co") list="units" prop:value=move || co.get() on:input=move |ev| co.set(event_target_value(&ev)) />
                    <button type="submit" disabled=move || busy.get()>{t("suggestions.assign")}</button>
                </form>
            })}
            {has("progress").then(|| view! {
                <form class="step" on:submit=on(|f| serde_json::json!({"step": "progress", "note": f[4].get_untracked()}))>
                    <label for=field("note")>{t("suggestions.note")}</label>
                    <input id=field("note") prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev)) />
                    <button type="submit" disabled=move || busy.get()>{t("suggestions.progress")}</button>
                </form>
            })}
            {has("extend").then(|| view! {
                <form class="step" on:submit=on(|f| serde_json::json!({"step": "extend",
                    "months": f[2].get_untracked().parse::<u32>().unwrap_or(0), "reason": f[3].get_untracked()}))>
                    <label for=field("months")>{t("suggestions.months")}</label>
                    <select id=field("months") prop:value=move || months.get() on:change=move |ev| months.set(event_target_value(&ev))>
                        <option value="">{t("suggestions.choose")}</option>
                        <option value="4">"4"</option><option value="5">"5"</option><option value="6">"6"</option>
                    </select>
                    <label for=field("reason")>{t("suggestions.reason")}</label>
                    <input id=field("reason") prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev)) />
                    <button type="submit" disabled=move || busy.get()>{t("suggestions.extend")}</button>
                </form>
            })}
            {has("answer").then(|| view! {
                <form class="step" on:submit=on(|f| serde_json::json!({"step": "answer", "result": f[5].get_untracked(), "text": f[6].get_untracked()}))>
                    <label for=field("result")>{t("suggestions.result")}</label>
                    <select id=field("result") prop:value=move || result.get() on:change=move |ev| result.set(event_target_value(&ev))>
                        <option value="">{t("suggestions.choose")}</option>
                        <option value="A">{t("suggestions.result_a")}</option>
                        <option value="B">{t("suggestions.result_b")}</option>
                        <option value="C">{t("suggestions.result_c")}</option>
                    </select>
                    <label for=field("text")>{t("suggestions.text")}</label>
                    <textarea id=field("text") rows="5" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                    <button type="submit" disabled=move || busy.get()>{t("suggestions.answer")}</button>
                </form>
            })}
            {has("rate").then(|| view! {
                <form class="step" on:submit=on(|f| serde_json::json!({"step": "rate", "rating": f[7].get_untracked(), "comment": f[8].get_untracked()}))>
                    <label for=field("rating")>{t("suggestions.rating")}</label>
                    <select id=field("rating") prop:value=move || rating.get() on:change=move |ev| rating.set(event_target_value(&ev))>
                        <option value="">{t("suggestions.choose")}</option>
                        <option value="satisfied">{t("rating.satisfied")}</option>
                        <option value="basically">{t("rating.basically")}</option>
                        <option value="unsatisfied">{t("rating.unsatisfied")}</option>
                    </select>
                    <label for=field("comment")>{t("suggestions.comment")}</label>
                    <input id=field("comment") prop:value=move || comment.get() on:input=move |ev| comment.set(event_target_value(&ev)) />
                    <button type="submit" disabled=move || busy.get()>{t("suggestions.rate")}</button>
                </form>
            })}
            {has("reopen").then(|| view! {
                <form class="step" on:submit=on(|f| serde_json::json!({"step": "reopen", "reason": f[3].get_untracked()}))>
                    <label for=field("reopen")>{t("suggestions.reopen_reason")}</label>
                    <input id=field("reopen") prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev)) />
                    <button type="submit" disabled=move || busy.get()>{t("suggestions.reopen")}</button>
                </form>
            })}
            {has("close").then(|| view! {
                <form class="step" on:submit=on(|_| serde_json::json!({"step": "close"}))>
                    <button type="submit" disabled=move || busy.get()>{t("suggestions.close")}</button>
                </form>
            })}
        </div>
    }
}

fn event_line(e: &SuggestionEvent) -> String {
    match e {
        SuggestionEvent::Submitted { .. } => t("sevent.submitted"),
        SuggestionEvent::Registered { .. } => t("sevent.registered"),
        SuggestionEvent::Assigned { lead_unit, co_units, .. } => {
            tf("sevent.assigned", &[("lead", lead_unit), ("co", &co_units.join("、"))])
        }
        SuggestionEvent::Extended { months, reason, .. } => {
            tf("sevent.extended", &[("months", &months.to_string()), ("reason", reason)])
        }
        SuggestionEvent::InProgress { note, .. } => tf("sevent.progress", &[("note", note)]),
        SuggestionEvent::Replied { unit, text, .. } => tf("sevent.replied", &[("unit", unit), ("text", text)]),
        SuggestionEvent::Rated { rating, comment, .. } => {
            tf("sevent.rated", &[("rating", &crate::letters::rating_name(*rating)), ("comment", comment)])
        }
        SuggestionEvent::Reopened { reason, .. } => tf("sevent.reopened", &[("reason", reason)]),
        SuggestionEvent::Closed { .. } => t("sevent.closed"),
    }
}
