//! The portal a citizen lands on: entries to the five modules, common services, latest news.

mod more;

pub use more::MorePage;

use deputy_model::Module;
use deputy_model::consult::{Phase, accepts_comments, days_left};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::href;

use crate::data::{DataResource, news_page, use_site};
use crate::duties::NewsList;
use crate::i18n::*;
use crate::ui::loaded;

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let site = use_site();
    let news = DataResource::new(|| news_page(1));
    let consultations = DataResource::new(crate::data::consultations);
    let name = move || site.config().map(|c| c.name).unwrap_or_else(|| t_string!(i18n, site_default_name).to_string());
    view! {
        <section class="page home">
            <div class="hero">
                <h1>{name}</h1>
                <p class="hero-motto">{tr!(home.welcome)}</p>
                <p class="hero-intro">{tr!(home.intro)}</p>
            </div>
            <h2>{tr!(home.modules_heading)}</h2>
            <ul class="module-grid">
                <ModuleCard module=Module::Direct href="/direct" mark="直" title=move || t_string!(i18n, nav.direct) desc=move || t_string!(i18n, home.direct_desc) />
                <ModuleCard module=Module::Consult href="/consult" mark="征" title=move || t_string!(i18n, nav.consult) desc=move || t_string!(i18n, home.consult_desc) />
                <ModuleCard module=Module::Duties href="/duties" mark="履" title=move || t_string!(i18n, nav.duties) desc=move || t_string!(i18n, home.duties_desc) />
                <ModuleCard module=Module::Training href="/training" mark="培" title=move || t_string!(i18n, nav.training) desc=move || t_string!(i18n, home.training_desc) />
                <ModuleCard module=Module::Proposals href="/proposals" mark="议" title=move || t_string!(i18n, nav.proposals) desc=move || t_string!(i18n, home.proposals_desc) />
            </ul>
            <h2>{tr!(home.consult_heading)}</h2>
            {loaded(consultations, move |idx| {
                let open: Vec<_> = idx
                    .consultations
                    .into_iter()
                    .filter(|c| c.phase == Phase::Open && accepts_comments(&c.opens, &c.closes, crate::consult::now()))
                    .collect();
                if open.is_empty() {
                    view! { <p class="empty">{tr!(home.consult_none)}</p> }.into_any()
                } else {
                    let today = deputy_model::clock::shanghai_date(crate::consult::now());
                    view! {
                        <ul class="home-consults">
                            {open.into_iter().map(|c| view! {
                                <li>
                                    <A href=href(&format!("/consult/{}", c.id)) attr:class="consult-title">{c.title.clone()}</A>
                                    <strong class="countdown">{t!(i18n, consult.days_left, n = days_left(&c.closes, today))}</strong>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }
            })}
            <crate::duties::ThisWeek />
            <h2>{tr!(home.quick_heading)}</h2>
            <ul class="quick-links">
                <li><A href=href("/direct/track") attr:class="button secondary">{tr!(home.track)}</A></li>
                <li><A href=href("/direct/qa") attr:class="button secondary">{tr!(nav.qa)}</A></li>
                <li><A href=href("/mine") attr:class="button secondary">{tr!(home.mine)}</A></li>
                <li><A href=href("/feedback") attr:class="button secondary">{tr!(home.feedback)}</A></li>
            </ul>
            <h2>{tr!(home.news_heading)}</h2>
            {loaded(news, |page| view! { <NewsList items=page.items.into_iter().take(5).collect() /> })}
            <p><A href=href("/news")>{tr!(home.more_news)}" ›"</A></p>
        </section>
    }
}

#[component]
fn ModuleCard(
    module: Module,
    href: &'static str,
    mark: &'static str,
    #[prop(into)] title: Signal<&'static str>,
    #[prop(into)] desc: Signal<&'static str>,
) -> impl IntoView {
    let shown = crate::ui::shown(module);
    view! {
        <li class="module-card" hidden=move || !shown()>
            <A href=crate::ui::href(href) attr:class="module-link">
                <span class="module-mark" aria-hidden="true">{mark}</span>
                <span class="module-title">{move || title.get()}</span>
                <span class="module-desc">{move || desc.get()}</span>
            </A>
        </li>
    }
}
