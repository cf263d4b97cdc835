//! The page a module shows while its issue is open: what it will offer, and what to do now.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::href;

#[component]
pub fn UnderConstruction(#[prop(into)] title: Signal<String>, #[prop(into)] items: Signal<String>) -> impl IntoView {
    view! {
        <section class="page building">
            <h1>{move || title.get()} <span class="badge">{tr!(building.badge)}</span></h1>
            <p>{tr!(building.text)}</p>
            <p class="building-items">{move || items.get()}</p>
            <p>{tr!(building.meanwhile)}</p>
            <ul class="link-list">
                <li><A href=href("/feedback")>{tr!(home.feedback)}</A></li>
                <li><A href=href("/news")>{tr!(nav.news)}</A></li>
                <li>{tr!(building.contact_station)}</li>
            </ul>
        </section>
    }
}
