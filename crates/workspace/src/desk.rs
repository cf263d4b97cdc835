//! What the workspace reads of the station's data: implemented by the data tool over the
//! source folder (`deputy-data workspace`), so that the letters' states, the suggestions'
//! deadlines and who may co-sign are decided by the same code as everywhere else.

use deputy_model::workspace::{MyLetter, MySuggestion};
use time::OffsetDateTime;

/// A deputy as the workspace greets them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeputyCard {
    pub name: String,
    pub level: deputy_model::deputy::Level,
}

/// A suggestion the deputy was invited to co-sign and has not confirmed yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    /// The device draft it was submitted from: the co-sign act names it (ingest's key).
    pub draft_id: String,
    pub title: String,
    pub lead_name: String,
}

pub trait Desk: Send + Sync + 'static {
    /// The deputy, if the source has one with this id.
    fn deputy(&self, deputy_id: &str) -> anyhow::Result<Option<DeputyCard>>;
    /// The letters written to the deputy, overdue first, then newest.
    fn letters(&self, deputy_id: &str, now: OffsetDateTime) -> anyhow::Result<Vec<MyLetter>>;
    /// The suggestions the deputy leads or co-signs, open invitations first.
    fn suggestions(&self, deputy_id: &str, now: OffsetDateTime) -> anyhow::Result<Vec<MySuggestion>>;
    /// The invitation to co-sign `suggestion_id`, if the deputy has one open.
    fn invitation(&self, deputy_id: &str, suggestion_id: &str) -> anyhow::Result<Option<Invitation>>;
}
