//! "更多": everything the bottom bar has no room for.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::href;

use crate::i18n::*;

#[component]
pub fn MorePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page more">
            <h1>{t!(i18n, more.title)}</h1>
            <ul class="link-list big">
                <li><A href=href("/direct/track")>{t!(i18n, nav.track)}</A></li>
                <li><A href=href("/direct/qa")>{t!(i18n, nav.qa)}</A></li>
                <li><A href=href("/training")>{t!(i18n, nav.training)}</A></li>
                <li><A href=href("/proposals")>{t!(i18n, nav.proposals)}</A></li>
                <li><A href=href("/news")>{t!(i18n, nav.news)}</A></li>
                <li><A href=href("/mine")>{t!(i18n, nav.mine)}</A></li>
                <li><A href=href("/feedback")>{t!(i18n, nav.feedback)}</A></li>
            </ul>
        </section>
    }
}
