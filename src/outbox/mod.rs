//! The outbox: one local-first path for everything users submit.
//!
//! 1. [`Outbox::submit`] writes the submission to browser storage and returns its receipt code
//!    at once, before any network activity.
//! 2. If the site config names an endpoint, the item is POSTed as JSON; on failure or while
//!    offline it stays queued and is retried when the browser comes back online, on start-up
//!    and every 30 seconds.
//! 3. Without an endpoint it stays on the device; "我的提交" lets the user download it as a JSON
//!    file or open an email to the site's address with the content filled in.

mod export;
mod page;
mod send;
mod slot;
mod store;

pub use page::OutboxPage;
pub use slot::{provide_outbox, use_outbox};
pub use store::Outbox;
