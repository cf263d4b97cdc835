//! 网上代表之家: the client-side app. See `docs/architecture.md` for the layers.
//!
//! - `app`: routes and the page shell
//! - `data`: the one place that fetches and decodes the static JSON backend
//! - `outbox`: everything users submit, stored locally first, then sent
//! - `ui`: shared components (layout, elder mode, loading and error states)
//! - one folder per module: `direct`, `consult`, `duties`, `training`, `proposals`,
//!   plus `home` and `feedback`
//! - `i18n`: the message catalogs (Chinese compiled in, English fetched when chosen)

#[macro_use]
pub mod i18n;
#[macro_use]
pub mod split;

pub mod app;
pub mod consult;
pub mod data;
pub mod direct;
pub mod duties;
pub mod feedback;
pub mod home;
pub mod outbox;
pub mod proposals;
pub mod training;
pub mod ui;
