//! Modules a site does not run yet (`site.json`'s `modules`; a second city may start without
//! courses, a map or a 履职评议): their links are left out, and their pages say 暂未开通
//! instead of failing on data that is not there.

use std::sync::Arc;

use deputy_model::Module;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::data::use_site;
use crate::i18n::*;
use crate::ui::{Loading, href};

/// Whether links to `module` are shown (and its pages): until the site's settings say
/// otherwise, yes, so the menus do not jump when they arrive.
pub fn shown(module: Module) -> impl Fn() -> bool + Copy + Send + Sync + 'static {
    let site = use_site();
    move || site.runs(module) != Some(false)
}

/// A module's view (its route table, or a page), or 暂未开通 when the site's settings say it
/// does not run the module. Until they arrive, a module that needs data of its own (courses,
/// the map, 履职评议) shows loading, so that a city without them never asks for them; the
/// others start as if open, so that a deep link to them (a deputy's page shared in a chat) does
/// not wait for `site.json`. Called from inside the modules' own code, so that none of it is in
/// the home page's first load.
pub fn when_open<V: IntoView + 'static>(module: Module, view: impl Fn() -> V + Send + Sync + 'static) -> AnyView {
    gate(module, Arc::new(move || view().into_any()))
}

// Not generic: one copy in the main module whatever the routes' views are.
fn gate(module: Module, view: Arc<dyn Fn() -> AnyView + Send + Sync>) -> AnyView {
    let site = use_site();
    let unknown = if module.needs_file().is_some() { None } else { Some(true) };
    let open = Memo::new(move |_| site.runs(module).or(unknown));
    (move || match open.get() {
        None => view! { <Loading /> }.into_any(),
        Some(true) => view(),
        Some(false) => not_open(module),
    })
    .into_any()
}

/// The name of a module as the menus show it.
pub fn module_name(i18n: I18n, module: Module) -> &'static str {
    match module {
        Module::Direct => t_string!(i18n, nav.direct),
        Module::Consult => t_string!(i18n, nav.consult),
        Module::Duties => t_string!(i18n, nav.duties),
        Module::Training => t_string!(i18n, nav.training),
        Module::Proposals => t_string!(i18n, nav.proposals),
        Module::Map => t_string!(i18n, sunshine.map),
        Module::Evaluation => t_string!(i18n, sunshine.eval),
    }
}

// Seldom seen, so its code comes when it is (a part, src/split.rs), not with the home page.
crate::split_part!(part__not_open, lazy_not_open, fn not_open(module: Module) -> {
    view! { <NotOpen module /> }
});

/// The page of a module the site does not run: what it is, that it is not open here yet, and
/// what a citizen can do instead.
#[component]
pub fn NotOpen(module: Module) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page not-open">
            <h1>{move || module_name(i18n, module)}" "<span class="badge">{tr!(not_open.badge)}</span></h1>
            <p>{tr!(not_open.text)}</p>
            <p>{tr!(not_open.meanwhile)}</p>
            <ul class="link-list">
                <li><A href=href("/")>{tr!(not_found.home)}</A></li>
                <li><A href=href("/feedback")>{tr!(home.feedback)}</A></li>
                <li>{tr!(not_open.contact_station)}</li>
            </ul>
        </section>
    }
}
