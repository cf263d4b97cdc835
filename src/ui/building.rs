//! The page a module shows while its issue is open: what it will offer, and what to do now.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::href;

use crate::i18n::*;

#[component]
pub fn UnderConstruction(#[prop(into)] title: Signal<String>, #[prop(into)] items: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page building">
            <h1>{move || title.get()} <span class="badge">{t!(i18n, building.badge)}</span></h1>
            <p>{t!(i18n, building.text)}</p>
            <p class="building-items">{move || items.get()}</p>
            <p>{t!(i18n, building.meanwhile)}</p>
            <ul class="link-list">
                <li><A href=href("/feedback")>{t!(i18n, home.feedback)}</A></li>
                <li><A href=href("/news")>{t!(i18n, nav.news)}</A></li>
                <li>{t!(i18n, building.contact_station)}</li>
            </ul>
        </section>
    }
}
