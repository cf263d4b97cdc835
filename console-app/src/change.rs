//! A change sent from a page's form: while it runs the form's buttons are off; the server's
//! answer goes to `done`; a refusal shows under the form in the server's words, and when it
//! means "signed out" the sign-in form shows. What was typed is never cleared here: the page
//! clears its drafts in `done`, once the step is taken.

use leptos::prelude::*;
use serde::de::DeserializeOwned;

use crate::i18n::t;
use crate::session::{Session, use_session};

#[derive(Clone, Copy)]
pub struct Sender {
    /// A change is on its way (buttons off).
    pub busy: RwSignal<bool>,
    /// Why the last change was refused, or empty.
    pub refusal: RwSignal<String>,
    session: Session,
}

impl Sender {
    /// For a component: its session from the context.
    pub fn new() -> Sender {
        Sender { busy: RwSignal::new(false), refusal: RwSignal::new(String::new()), session: use_session() }
    }

    /// `POST /api/{path}` with `body`; `done` gets the answer.
    pub fn send<T: DeserializeOwned + 'static>(
        self,
        path: String,
        body: serde_json::Value,
        done: impl FnOnce(T) + 'static,
    ) {
        self.busy.set(true);
        self.refusal.set(String::new());
        leptos::task::spawn_local(async move {
            match deputy_app_kit::api::post::<T>(&path, body).await {
                Ok(answer) => done(answer),
                Err(f) => {
                    self.session.check(&f);
                    self.refusal.set(f.message());
                }
            }
            self.busy.set(false);
        });
    }
}

/// The day a step happened, for one entered later (a department's answer on paper): the
/// command line's `--at`. Empty is now; the server refuses a day to come, and the rules a day
/// before the item's last step. A text field, not the browser's date picker: that shows the
/// date in the machine's own format (mm/dd/yyyy on many), and dates here are YYYY-MM-DD.
#[component]
pub fn StepDate(id: String, value: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="step-date">
            <label for=id.clone()>{t("step.at")}</label>
            <input id=id class="short" inputmode="numeric" autocomplete="off" placeholder=t("step.at_example")
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
        </div>
    }
}
