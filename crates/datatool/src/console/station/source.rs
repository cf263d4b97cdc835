//! The station the console works on (its folders and the running build's phases), and the
//! refusals every page's steps share: kept apart from the `Station` implementation in
//! `mod.rs`, so that the page files and it do not import each other.

use std::path::PathBuf;

use deputy_console::station::StationError;
use deputy_intake::Location;

use super::progress;

pub struct SourceStation {
    pub src: PathBuf,
    /// The site folder: the app's files with `data/` in it, built here before a publish.
    pub site: PathBuf,
    /// Where a publish goes (a folder or `s3://…`); `None`: the site folder is what is served.
    pub publish_to: Option<String>,
    /// The inbox service's store.
    pub inbox: Option<Location>,
    /// Where the running build or publish is.
    pub phases: progress::Phases,
}

/// A step is made on what the clerk saw: `seen` events. When the item has more now, someone
/// else took a step meanwhile (another browser), and this one is refused (409) with the item's
/// state now; the form keeps what was typed.
pub(super) fn unchanged(what: &str, seen: usize, events: usize, state: &str) -> Result<(), StationError> {
    if seen == events {
        return Ok(());
    }
    Err(StationError::Conflict(format!(
        "{what} 刚被别人办理过（现在是“{state}”）。请看过它的最新情况再办理；你填写的内容还在"
    )))
}

/// A step the rules refuse, in their words.
pub(super) fn refused(e: anyhow::Error) -> StationError {
    StationError::Refused(format!("{e:#}"))
}
