//! 操作记录: the audit log, newest first: who did what to which item, when.

use leptos::prelude::*;
use serde::Deserialize;

use crate::i18n::t;
use crate::page::{fetch, loaded};

#[derive(Clone, Deserialize)]
struct Entry {
    at: String,
    who: String,
    action: String,
    #[serde(default)]
    item: String,
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let session = crate::session::use_session();
    let data = RwSignal::new(None::<Result<Vec<Entry>, deputy_app_kit::api::Failure>>);
    fetch(session, "audit", data);
    let retry = move || fetch(session, "audit", data);
    view! {
        <h1>{t("audit.title")}</h1>
        {loaded(data, retry, |entries: Vec<Entry>| view! {
            <table class="list">
                <thead><tr><th scope="col">{t("audit.at")}</th><th scope="col">{t("audit.who")}</th><th scope="col">{t("audit.action")}</th><th scope="col">{t("audit.item")}</th></tr></thead>
                <tbody>
                    {entries.into_iter().rev().map(|e| view! {
                        <tr><td>{crate::letters::when(&e.at)}</td><td>{e.who}</td><td>{action_name(&e.action)}</td><td>{e.item}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        })}
    }
}

fn action_name(action: &str) -> String {
    match action {
        "sign-in" => t("audit.sign_in"),
        "sign-out" => t("audit.sign_out"),
        "sign-in-refused" => t("audit.sign_in_refused"),
        "sign-in-locked" => t("audit.sign_in_locked"),
        "inbox-ingest" => t("audit.ingest"),
        "inbox-files" => t("audit.files"),
        "letter-forward" => t("audit.forward"),
        "letter-reply" => t("audit.reply"),
        "letter-public" => t("audit.public"),
        "publish" => t("audit.publish"),
        "rollback" => t("audit.rollback"),
        "account-add" => t("audit.account_add"),
        "account-remove" => t("audit.account_remove"),
        "account-password" => t("audit.account_passwd"),
        a if a.starts_with("suggestion-") => t("audit.suggestion"),
        "comment-publish" => t("audit.comment"),
        "consultation-result" => t("audit.consultation"),
        "consultation-open" => t("audit.consultation_open"),
        "held-confirm" => t("audit.held_confirm"),
        "held-drop" => t("audit.held_drop"),
        other => other.to_string(),
    }
}
