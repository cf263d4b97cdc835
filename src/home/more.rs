//! "更多": everything the bottom bar has no room for, and the offline setting.

use leptos::prelude::*;
use leptos_router::components::A;

use deputy_model::Module;

use crate::ui::{OfflineSetting, href, shown};

#[component]
pub fn MorePage() -> impl IntoView {
    let (training, proposals) = (shown(Module::Training), shown(Module::Proposals));
    view! {
        <section class="page more">
            <h1>{tr!(more.title)}</h1>
            <ul class="link-list big">
                <li><A href=href("/direct/track")>{tr!(nav.track)}</A></li>
                <li><A href=href("/direct/qa")>{tr!(nav.qa)}</A></li>
                <li hidden=move || !training()><A href=href("/training")>{tr!(nav.training)}</A></li>
                <li hidden=move || !proposals()><A href=href("/proposals")>{tr!(nav.proposals)}</A></li>
                <li><A href=href("/news")>{tr!(nav.news)}</A></li>
                <li><A href=href("/mine")>{tr!(nav.mine)}</A></li>
                <li><A href=href("/feedback")>{tr!(nav.feedback)}</A></li>
            </ul>
            <OfflineSetting />
        </section>
    }
}
