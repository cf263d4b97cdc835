//! The app's own "page not found", for an address that no route (or no module's route) matches.

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="page not-found">
            <h1>{tr!(not_found.title)}</h1>
            <p>{tr!(not_found.text)}</p>
            <p>
                <A href=crate::ui::href("/") attr:class="button">
                    {tr!(not_found.home)}
                </A>
            </p>
        </section>
    }
}
