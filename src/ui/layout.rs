//! The page shell: header (site name, elder-mode switch, main menu on wide screens), main
//! (with the 新版本已就绪 prompt and the offline notice above the page), footer with the site's
//! contacts, and a bottom navigation bar on phones.

use deputy_model::{Module, clock};
use leptos::prelude::*;
use leptos_router::components::A;

use leptos_router::hooks::use_location;

use super::{
    CareToggle, Loading, OfflineNotice, TextSizeControl, UpdatePrompt, app_path, href, loaded, provide_offline,
};
use crate::data::use_site;
use crate::i18n::*;

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    // Before the pages: 更多 reads the offline setting from context.
    provide_offline();
    let i18n = use_i18n();
    let site = use_site();
    let name = move || site.config().map(|c| c.name).unwrap_or_else(|| t_string!(i18n, site_default_name).to_string());
    // The routes need the site config (contacts, endpoint); while it fails, say so in main.
    let body = children();
    let site_error = move || matches!(site.0.get(), Some(Err(_)));
    view! {
        <a class="skip-link" href="#main">{tr!(skip_to_main)}</a>
        <header class="site-header">
            <div class="header-inner">
                <A href=href("/") attr:class="site-name">
                    <span class="emblem" aria-hidden="true"></span>
                    <span class="site-name-text">{name}</span>
                </A>
                <div class="header-tools">
                    <TextSizeControl />
                    <LanguageSwitch />
                    <CareToggle />
                </div>
            </div>
            <MainNav />
        </header>
        <main id="main" class="site-main">
            <UpdatePrompt />
            <OfflineNotice />
            <div hidden=site_error>{body}</div>
            // Below the page, not above it: the page does not jump when the site's settings
            // arrive, and the home page's first paint (scripts/first-paint.mjs) has it there too.
            <Show when=move || site.0.get().is_none()>
                <Loading />
            </Show>
            <Show when=site_error>{loaded(site.0, |_| ())}</Show>
        </main>
        <Footer />
        <BottomNav />
    }
}

struct NavItem {
    href: &'static str,
    label: fn(I18n) -> &'static str,
    /// The module the item opens, if the site may not run it (then the item is left out).
    module: Option<Module>,
}

const MAIN_NAV: &[NavItem] = &[
    NavItem { href: "/", label: |i| t_string!(i, nav.home), module: None },
    NavItem { href: "/direct", label: |i| t_string!(i, nav.direct), module: Some(Module::Direct) },
    NavItem { href: "/consult", label: |i| t_string!(i, nav.consult), module: Some(Module::Consult) },
    NavItem { href: "/duties", label: |i| t_string!(i, nav.duties), module: Some(Module::Duties) },
    NavItem { href: "/training", label: |i| t_string!(i, nav.training), module: Some(Module::Training) },
    NavItem { href: "/proposals", label: |i| t_string!(i, nav.proposals), module: Some(Module::Proposals) },
    NavItem { href: "/mine", label: |i| t_string!(i, nav.mine), module: None },
];

const BOTTOM_NAV: &[NavItem] = &[
    NavItem { href: "/", label: |i| t_string!(i, nav.home), module: None },
    NavItem { href: "/direct", label: |i| t_string!(i, nav.direct), module: Some(Module::Direct) },
    NavItem { href: "/consult", label: |i| t_string!(i, nav.consult), module: Some(Module::Consult) },
    NavItem { href: "/duties", label: |i| t_string!(i, nav.duties), module: Some(Module::Duties) },
    NavItem { href: "/more", label: |i| t_string!(i, nav.more), module: None },
];

/// Whether `href` is the current section: "/" only on the home page, others by prefix.
pub fn is_current(path: &str, href: &str) -> bool {
    let path = path.trim_end_matches('/');
    if href == "/" {
        return path.is_empty() || path == "/";
    }
    path == href || path.starts_with(&format!("{href}/"))
}

fn nav_links(items: &'static [NavItem]) -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    items
        .iter()
        .map(|item| {
            let target = item.href;
            let label = item.label;
            let shown = item.module.map(super::shown);
            let current = move || {
                // The router strips the base path, so this compares app paths.
                let pathname = location.pathname.get();
                let path = app_path(&pathname);
                is_current(path, target)
                    || (target == "/more"
                        && ["/training", "/proposals", "/mine", "/feedback", "/news"]
                            .iter()
                            .any(|p| is_current(path, p)))
            };
            view! {
                <li hidden=move || shown.is_some_and(|shown| !shown())>
                    <A href=href(target) attr:class="nav-link" attr:aria-current=move || current().then_some("page")>
                        <span class="nav-label">{move || label(i18n)}</span>
                    </A>
                </li>
            }
        })
        .collect_view()
}

#[component]
fn MainNav() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="main-nav" aria-label=move || t_string!(i18n, nav.main_label)>
            <ul>{nav_links(MAIN_NAV)}</ul>
        </nav>
    }
}

#[component]
fn BottomNav() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="bottom-nav" aria-label=move || t_string!(i18n, nav.bottom_label)>
            <ul>{nav_links(BOTTOM_NAV)}</ul>
        </nav>
    }
}

#[component]
fn Footer() -> impl IntoView {
    let site = use_site();
    view! {
        <footer class="site-footer">
            {move || {
                site.config()
                    .map(|c| {
                        let tel = format!("tel:{}", c.contact.phone.replace(['-', ' '], ""));
                        let mail = format!("mailto:{}", c.contact.email);
                        view! {
                            <h2 class="footer-heading">{tr!(footer.contact)}</h2>
                            <dl class="contact-list">
                                <dt>{tr!(footer.phone)}</dt>
                                <dd><a href=tel>{c.contact.phone.clone()}</a></dd>
                                <dt>{tr!(footer.email)}</dt>
                                <dd><a href=mail>{c.contact.email.clone()}</a></dd>
                                <dt>{tr!(footer.address)}</dt>
                                <dd>{c.contact.address.clone()}</dd>
                                <dt>{tr!(footer.hours)}</dt>
                                <dd>{c.contact.hours.clone()}</dd>
                            </dl>
                            <p class="footer-host">{tr!(footer.host)}{tr!(punct.colon)}{c.host.clone()}</p>
                            <p class="footer-updated">
                                {tr!(footer.updated)}" "{clock::show_timestamp(&c.updated_at)}
                            </p>
                            {c.notice.clone().map(|n| view! { <p class="footer-note">{n}</p> })}
                        }
                    })
            }}
        </footer>
    }
}
