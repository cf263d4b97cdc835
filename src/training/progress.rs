//! The learner's record on this device: the one place that reads and writes it. Every change
//! is saved at once (a closed tab must not lose a passed quiz).

use deputy_model::clock;
use deputy_model::training::TrainingProgress;
use leptos::prelude::*;

use crate::ui::storage;

/// The progress of this device's learner, as a signal for the current page.
#[derive(Clone, Copy)]
pub struct Progress(RwSignal<TrainingProgress>);

impl Progress {
    /// Read from storage (nothing stored, or unreadable: an empty record).
    pub fn load() -> Self {
        Progress(RwSignal::new(storage::load::<TrainingProgress>(storage::TRAINING).unwrap_or_default()))
    }

    pub fn get(&self) -> TrainingProgress {
        self.0.get()
    }

    pub fn with<R>(&self, f: impl FnOnce(&TrainingProgress) -> R) -> R {
        self.0.with(f)
    }

    pub fn get_untracked(&self) -> TrainingProgress {
        self.0.get_untracked()
    }

    /// Change the record and save it. Re-reads storage first, so two tabs do not undo each
    /// other's work.
    pub fn update(&self, f: impl FnOnce(&mut TrainingProgress)) {
        let mut p = storage::load::<TrainingProgress>(storage::TRAINING).unwrap_or_else(|| self.0.get_untracked());
        f(&mut p);
        storage::save(storage::TRAINING, &p);
        self.0.set(p);
    }

    /// Like [`update`](Self::update), without notifying the page (for the reading position and
    /// the time counter, which change often and show nowhere live).
    pub fn update_quietly(&self, f: impl FnOnce(&mut TrainingProgress)) {
        let mut p = storage::load::<TrainingProgress>(storage::TRAINING).unwrap_or_else(|| self.0.get_untracked());
        f(&mut p);
        storage::save(storage::TRAINING, &p);
        self.0.update_untracked(|v| *v = p);
    }
}

/// Today in Asia/Shanghai, YYYY-MM-DD, for completion dates.
pub fn today_string() -> String {
    clock::format_date(crate::ui::today())
}
