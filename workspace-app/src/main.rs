//! The deputies' workspace app (代表工作台, issue 33): activation with the station's code,
//! sign-in, then 我的来信, 我的建议 and the account. It talks only to its own server's
//! `/workspace/api/` (`deputy-data workspace`) with the types of `deputy_model::workspace`;
//! every rule, and which deputy a request is for, is the server's.

mod account;
mod app;
mod i18n;
mod letters;
mod page;
mod session;
mod suggestions;
mod write;

fn main() {
    use i18n::t;
    deputy_app_kit::configure(
        "/workspace/api/",
        deputy_app_kit::api::Words {
            network: t("error.network"),
            broken: t("error.broken"),
            status: t("error.status"),
            loading: t("app.loading"),
            retry: t("app.retry"),
        },
    );
    leptos::mount::mount_to_body(app::App);
}
