//! The station console's web app: sign-in, then the inbox, the letters, publishing and the
//! audit log (issue 15). It talks only to its own server's `/api/` (`deputy-data console`),
//! with the types of `deputy_model::console`; every rule is the server's.

mod app;
mod audit;
mod change;
mod consultations;
mod files;
mod held;
mod i18n;
mod inbox;
mod letters;
mod page;
mod publish;
mod session;
mod suggestions;

fn main() {
    use i18n::t;
    deputy_app_kit::configure(
        "/api/",
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
