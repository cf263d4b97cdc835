//! The reply deadline clock: days left or days overdue, and the extension reason. Computed
//! from the due date and today in Asia/Shanghai (`ui::today`), never stored.

use deputy_model::clock;
use deputy_model::suggestion::DeadlineClock;
use leptos::prelude::*;

use crate::i18n::*;

/// A short badge for list lines.
#[component]
pub fn DeadlineBadge(due: String) -> impl IntoView {
    let i18n = use_i18n();
    let Some(d) = clock::parse_date(&due) else { return ().into_any() };
    let left = (d - crate::ui::today()).whole_days();
    if left < 0 {
        view! { <strong class="deadline overdue">{t!(i18n, proposals.overdue_days, n = -left)}</strong> }.into_any()
    } else {
        view! { <span class="deadline">{t!(i18n, proposals.days_left, n = left)}</span> }.into_any()
    }
}

/// The full clock on a suggestion's page.
#[component]
pub fn DeadlineBox(clock: DeadlineClock) -> impl IntoView {
    let i18n = use_i18n();
    let due = clock::format_date(clock.due);
    let overdue = clock.overdue();
    view! {
        <div class=if overdue { "deadline-box overdue" } else { "deadline-box" } role="group"
            aria-labelledby="deadline-heading">
            <h2 id="deadline-heading">
                {if clock.rehandling { tr!(proposals.deadline_rehandle) } else { tr!(proposals.deadline_heading) }}
            </h2>
            <p class="deadline-due">{t!(i18n, proposals.due_on, date = due.clone())}</p>
            <p class="deadline-count">
                {if overdue {
                    view! { <strong class="deadline overdue">{t!(i18n, proposals.overdue_days, n = -clock.days_left)}</strong> }.into_any()
                } else {
                    view! { <strong class="deadline">{t!(i18n, proposals.days_left, n = clock.days_left)}</strong> }.into_any()
                }}
            </p>
            {clock.extension_reason.clone().map(|r| view! {
                <p class="deadline-extension">{tr!(proposals.extended)}{tr!(punct.colon)}{r}</p>
            })}
            <p class="hint">{tr!(proposals.deadline_rule)}</p>
        </div>
    }
}
