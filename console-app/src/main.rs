//! The station console's web app: sign-in, then the inbox, the letters, publishing and the
//! audit log (issue 15). It talks only to its own server's `/api/` (`deputy-data console`),
//! with the types of `deputy_model::console`; every rule is the server's.

mod api;
mod app;
mod audit;
mod change;
mod consultations;
mod files;
mod i18n;
mod inbox;
mod letters;
mod publish;
mod session;
mod suggestions;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
