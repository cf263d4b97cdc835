//! What the console asks of a station's source folder. The console (this crate) knows sign-in,
//! sessions, requests and the audit log; the rules (ingest's checks, the letter state machine,
//! the build and the deploy) are the data tool's, which implements this trait
//! (`deputy-data console`), so a change made in a browser and one made on the command line go
//! through the same code.

use deputy_model::console::{
    ConsultationRow, DeputyChoice, HeldAction, HeldRow, InboxItem, IngestOutcome, LetterRow, LetterStep,
    PublishProgress, PublishSummary, ResultPreview, ResultRequest, SuggestionQueue, SuggestionStep, Upload,
    UploadedFile,
};
use time::OffsetDateTime;

/// Why a change was not made. Nothing was saved in any case.
#[derive(Debug)]
pub enum StationError {
    /// The item changed since the clerk loaded it (another browser): reload and look again.
    Conflict(String),
    /// The rules refuse the change (a step the state machine does not allow, an empty reply).
    Refused(String),
    /// Anything else: a broken source file, a full disk.
    Failed(anyhow::Error),
}

impl From<anyhow::Error> for StationError {
    fn from(e: anyhow::Error) -> Self {
        StationError::Failed(e)
    }
}

/// The station's work, as the console offers it. Every method may block (files, the build);
/// the server calls them off its async threads, and changes one at a time.
pub trait Station: Send + Sync + 'static {
    /// Every letter, open ones first, the oldest first among them.
    fn letters(&self, now: OffsetDateTime) -> anyhow::Result<Vec<LetterRow>>;
    /// Forward or answer a letter; returns a line for the clerk.
    fn letter_step(&self, code: &str, step: &LetterStep, now: OffsetDateTime) -> Result<String, StationError>;
    /// Every suggestion, overdue ones first, with the steps the rules allow next.
    fn suggestions(&self, now: OffsetDateTime) -> anyhow::Result<SuggestionQueue>;
    /// One handling step on a suggestion; returns a line for the clerk.
    fn suggestion_step(&self, id: &str, step: &SuggestionStep, now: OffsetDateTime) -> Result<String, StationError>;
    /// Every consultation with its articles and the comments received.
    fn consultations(&self, now: OffsetDateTime) -> anyhow::Result<Vec<ConsultationRow>>;
    /// Open a new consultation from the drafters' source file (`publish SRC draft FILE`).
    fn open_consultation(&self, file: &UploadedFile, now: OffsetDateTime) -> Result<String, StationError>;
    /// Make a received comment public on its consultation.
    fn publish_comment(&self, code: &str, now: OffsetDateTime) -> Result<String, StationError>;
    /// A consultation's results (with `preview`, nothing is saved).
    fn consultation_result(
        &self,
        id: &str,
        request: &ResultRequest,
        now: OffsetDateTime,
    ) -> Result<ResultPreview, StationError>;
    /// What waits in the inbox, with the reason of each earlier refusal.
    fn inbox(&self) -> anyhow::Result<Vec<InboxItem>>;
    /// Ingest everything waiting.
    fn ingest(&self, now: OffsetDateTime) -> anyhow::Result<Vec<IngestOutcome>>;
    /// Ingest files the clerk chose (sent by e-mail, downloaded), with the same checks;
    /// training reports are the named deputy's.
    fn ingest_files(&self, upload: Upload, now: OffsetDateTime) -> anyhow::Result<Vec<IngestOutcome>>;
    /// Build the site's data and say what a publish would change for the public.
    fn publish_plan(&self, now: OffsetDateTime) -> anyhow::Result<PublishSummary>;
    /// Build, validate and publish.
    fn publish(&self, now: OffsetDateTime) -> anyhow::Result<PublishSummary>;
    /// Deputy acts held for want of proof (`SRC/held/`).
    fn held(&self) -> anyhow::Result<Vec<HeldRow>>;
    /// Confirm (after checking with the deputy) or drop a held act; `by` is the signed-in clerk.
    fn held_step(&self, code: &str, action: &HeldAction, by: &str, now: OffsetDateTime)
    -> Result<String, StationError>;
    /// The deputies of the source, for the picker of whose a file is.
    fn deputies(&self) -> anyhow::Result<Vec<DeputyChoice>>;
    /// Put the previous release back.
    fn rollback(&self) -> anyhow::Result<String>;
    /// Where the running build, publish or rollback is (asked while it runs, without waiting
    /// for it).
    fn progress(&self) -> PublishProgress {
        PublishProgress::default()
    }
}
