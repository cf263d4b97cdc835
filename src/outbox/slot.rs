//! The outbox is created on first use, not at start-up. Its code (the stored form, sending,
//! 我的提交) then stays out of the home page's download: about a tenth of the main wasm
//! module (docs/performance.md). At start-up only a look at the stored text decides whether
//! anything waits to be sent; if so, the outbox's code is loaded and sends it.
//!
//! With the `split` feature (the release build) that code is the `mine` split module with
//! 我的提交's page; the first page that needs the outbox also fetches it in the background, so
//! that 我的提交 opens without a network after a letter was written offline.

use deputy_model::submission;
use leptos::prelude::*;

use super::store::Outbox;
use crate::data::Site;
use crate::ui::storage;

/// The outbox, once made, and what it needs to be made: the app's owner (its signals and its
/// sending effect must outlive the page that happened to ask first) and the site config.
#[derive(Clone)]
pub struct OutboxSlot {
    owner: Owner,
    site: Site,
    outbox: StoredValue<Option<Outbox>>,
}

/// At start-up, in the app's root: provide the slot; load the outbox if items wait.
pub fn provide_outbox(site: Site) {
    // Owner::new, the documented way to make a root owner; Owner's derived Default (clippy's
    // suggestion) skips what new() sets up, the same today only while no owner is current.
    #[allow(clippy::unwrap_or_default)]
    let slot = OutboxSlot { owner: Owner::current().unwrap_or_else(Owner::new), site, outbox: StoredValue::new(None) };
    provide_context(slot.clone());
    if storage::raw(storage::OUTBOX).is_some_and(|stored| submission::may_be_pending(&stored)) {
        start(slot);
    }
}

/// The outbox, made on first use.
pub fn use_outbox() -> Outbox {
    expect_context::<OutboxSlot>().get()
}

impl OutboxSlot {
    fn get(&self) -> Outbox {
        if let Some(outbox) = self.outbox.get_value() {
            return outbox;
        }
        let outbox = self.owner.with(|| Outbox::create(self.site));
        self.outbox.set_value(Some(outbox));
        #[cfg(feature = "split")]
        leptos::task::spawn_local(async {
            // Failure is harmless: 我的提交 then loads when opened, with a retry if offline.
            let _ = preload_mine().await;
        });
        outbox
    }
}

/// Make the outbox (which sends what is pending) from the split module, retrying when the
/// browser comes back online if the module could not be fetched.
#[cfg(feature = "split")]
fn start(slot: OutboxSlot) {
    leptos::task::spawn_local(async move {
        if lazy_start(slot.clone()).await.is_err() {
            let retry = std::cell::Cell::new(Some(slot));
            let _ = window_event_listener(leptos::ev::online, move |_| {
                if let Some(slot) = retry.take() {
                    start(slot);
                }
            });
        }
    });
}

#[cfg(not(feature = "split"))]
fn start(slot: OutboxSlot) {
    slot.get();
}

#[cfg(feature = "split")]
#[leptos::wasm_split::wasm_split(mine, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_mine))]
fn lazy_start(slot: OutboxSlot) -> Result<(), leptos::wasm_split::SplitLoaderError> {
    slot.get();
    Ok(())
}
