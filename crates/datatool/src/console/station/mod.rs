//! The console's work on a source folder: the same functions as `ingest`, `reply`, `publish`,
//! `build` and `deploy` on the command line, so a step taken in the browser passes the same
//! checks. One file per page of the console.

mod consultations;
mod held;
mod inbox;
mod letters;
mod progress;
mod publish;
mod source;
mod suggestions;

use anyhow::Result;
use deputy_console::station::{Station, StationError};
use deputy_model::console::{
    ConsultationRow, DeputyChoice, HeldAction, HeldRow, InboxItem, IngestOutcome, LetterRow, LetterStep,
    PublishProgress, PublishSummary, ResultPreview, ResultRequest, SuggestionQueue, SuggestionStep, Upload,
    UploadedFile,
};
use time::OffsetDateTime;

pub use source::SourceStation;

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
