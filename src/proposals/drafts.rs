//! The deputy's drafts on this device: several can be kept, each saved on every change.

use deputy_model::suggestion::Draft;
use leptos::prelude::*;

use crate::ui::storage;

#[derive(Clone, Copy)]
pub struct Drafts(pub RwSignal<Vec<Draft>>);

impl Drafts {
    /// Read from storage; every change is written back.
    pub fn load() -> Drafts {
        let all = RwSignal::new(storage::load::<Vec<Draft>>(storage::PROPOSAL_DRAFTS).unwrap_or_default());
        Effect::new(move |_| storage::save(storage::PROPOSAL_DRAFTS, &all.get()));
        Drafts(all)
    }

    /// Replace (or add) a draft, stamping the time.
    pub fn put(&self, mut d: Draft) {
        d.updated_at = deputy_model::clock::format_date_time(crate::ui::now());
        self.0.update(|all| match all.iter_mut().find(|x| x.id == d.id) {
            Some(x) => *x = d,
            None => all.insert(0, d),
        });
    }

    pub fn remove(&self, id: &str) {
        self.0.update(|all| all.retain(|d| d.id != id));
    }

    /// A new empty draft with a fresh id.
    pub fn create(&self, seed: Draft) -> String {
        let id = format!("d{}", js_sys::Date::now() as u64);
        self.put(Draft { id: id.clone(), ..seed });
        id
    }
}
