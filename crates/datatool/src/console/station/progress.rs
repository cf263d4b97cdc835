//! Where the running build or publish is, for the console's progress bar. Each phase gets a
//! hidden indicatif bar, the same bars the command line draws on a terminal; the latest is kept
//! here, so the progress request can read its position while the work runs on another thread.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use deputy_model::console::PublishProgress;
use indicatif::ProgressBar;

#[derive(Default)]
pub struct Phases {
    current: Mutex<Option<(String, ProgressBar)>>,
    running: AtomicBool,
}

impl Phases {
    /// A new phase of `len` files (0: the phase sets its length itself, as the build does).
    pub fn bar(&self, phase: &str, len: usize) -> ProgressBar {
        let bar = ProgressBar::hidden();
        bar.set_length(len as u64);
        *self.current.lock().expect("phases") = Some((phase.to_string(), bar.clone()));
        bar
    }

    /// Run `work` as one build, publish or rollback: running until it returns (or panics).
    pub fn run<T>(&self, work: impl FnOnce() -> T) -> T {
        struct Done<'a>(&'a AtomicBool);
        impl Drop for Done<'_> {
            fn drop(&mut self) {
                self.0.store(false, Ordering::SeqCst);
            }
        }
        *self.current.lock().expect("phases") = None;
        self.running.store(true, Ordering::SeqCst);
        let _done = Done(&self.running);
        work()
    }

    pub fn now(&self) -> PublishProgress {
        let current = self.current.lock().expect("phases");
        let (phase, done, total) = match &*current {
            // The build's length is its estimate of the files to write, and can be passed.
            Some((phase, bar)) => (phase.clone(), bar.position(), bar.length().unwrap_or(0).max(bar.position())),
            None => (String::new(), 0, 0),
        };
        PublishProgress { running: self.running.load(Ordering::SeqCst), phase, done, total }
    }
}

#[cfg(test)]
mod tests {
    use super::Phases;

    #[test]
    fn the_latest_phase_and_its_position_while_running() {
        let phases = Phases::default();
        assert!(!phases.now().running);
        let seen = phases.run(|| {
            let bar = phases.bar("上传新文件", 10);
            bar.inc(4);
            phases.now()
        });
        assert!(seen.running);
        assert_eq!((seen.phase.as_str(), seen.done, seen.total), ("上传新文件", 4, 10));
        let after = phases.now();
        assert!(!after.running);
        assert_eq!(after.phase, "上传新文件");
        // A panic in the work does not leave it "running" for ever.
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| phases.run(|| panic!("boom"))));
        assert!(!phases.now().running);
    }
}
