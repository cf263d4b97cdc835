//! The console's work on a source folder: the same functions as `ingest`, `reply`, `publish`,
//! `build` and `deploy` on the command line, so a step taken in the browser passes the same
//! checks. One file per page of the console.

mod consultations;
mod held;
mod inbox;
mod letters;
mod progress;
mod publish;
mod suggestions;

use std::path::PathBuf;

use anyhow::Result;
use deputy_console::station::{Station, StationError};
use deputy_intake::Location;
use deputy_model::console::{
    ConsultationRow, DeputyChoice, HeldAction, HeldRow, InboxItem, IngestOutcome, LetterRow, LetterStep,
    PublishProgress, PublishSummary, ResultPreview, ResultRequest, SuggestionQueue, SuggestionStep, Upload,
    UploadedFile,
};
use time::OffsetDateTime;

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

impl Station for SourceStation {
    fn letters(&self, now: OffsetDateTime) -> Result<Vec<LetterRow>> {
        letters::letters(self, now)
    }

    fn letter_step(&self, code: &str, step: &LetterStep, now: OffsetDateTime) -> Result<String, StationError> {
        letters::letter_step(self, code, step, now)
    }

    fn suggestions(&self, now: OffsetDateTime) -> Result<SuggestionQueue> {
        suggestions::suggestions(self, now)
    }

    fn suggestion_step(&self, id: &str, step: &SuggestionStep, now: OffsetDateTime) -> Result<String, StationError> {
        suggestions::suggestion_step(self, id, step, now)
    }

    fn consultations(&self, now: OffsetDateTime) -> Result<Vec<ConsultationRow>> {
        consultations::consultations(self, now)
    }

    fn publish_comment(&self, code: &str, now: OffsetDateTime) -> Result<String, StationError> {
        consultations::publish_comment(self, code, now)
    }

    fn consultation_result(
        &self,
        id: &str,
        request: &ResultRequest,
        now: OffsetDateTime,
    ) -> Result<ResultPreview, StationError> {
        consultations::consultation_result(self, id, request, now)
    }

    fn inbox(&self) -> Result<Vec<InboxItem>> {
        inbox::inbox(self)
    }

    fn ingest(&self, now: OffsetDateTime) -> Result<Vec<IngestOutcome>> {
        inbox::ingest(self, now)
    }

    fn ingest_files(&self, upload: Upload, now: OffsetDateTime) -> Result<Vec<IngestOutcome>> {
        inbox::ingest_files(self, upload, now)
    }

    fn open_consultation(&self, file: &UploadedFile, now: OffsetDateTime) -> Result<String, StationError> {
        consultations::open_consultation(self, file, now)
    }

    fn publish_plan(&self, _now: OffsetDateTime) -> Result<PublishSummary> {
        self.phases.run(|| publish::publish_plan(self, _now))
    }

    fn publish(&self, _now: OffsetDateTime) -> Result<PublishSummary> {
        self.phases.run(|| publish::publish(self, _now))
    }

    fn deputies(&self) -> Result<Vec<DeputyChoice>> {
        inbox::deputies(self)
    }

    fn held(&self) -> Result<Vec<HeldRow>> {
        held::held(self)
    }

    fn held_step(
        &self,
        code: &str,
        action: &HeldAction,
        by: &str,
        now: OffsetDateTime,
    ) -> Result<String, StationError> {
        held::held_step(self, code, action, by, now)
    }

    fn rollback(&self) -> Result<String> {
        self.phases.run(|| publish::rollback(self))
    }

    fn progress(&self) -> PublishProgress {
        self.phases.now()
    }
}

/// A step is made on what the clerk saw: `seen` events. When the item has more now, someone
/// else took a step meanwhile (another browser), and this one is refused (409) with the item's
/// state now; the form keeps what was typed.
fn unchanged(what: &str, seen: usize, events: usize, state: &str) -> Result<(), StationError> {
    if seen == events {
        return Ok(());
    }
    Err(StationError::Conflict(format!(
        "{what} 刚被别人办理过（现在是“{state}”）。请看过它的最新情况再办理；你填写的内容还在"
    )))
}

/// A step the rules refuse, in their words.
fn refused(e: anyhow::Error) -> StationError {
    StationError::Refused(format!("{e:#}"))
}
