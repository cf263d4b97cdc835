//! What users submit, as the outbox stores and sends it. Every submission is one JSON document
//! with a receipt code; the endpoint (or the station, from a downloaded file or an email) gets
//! exactly this, and the data tool's `ingest` reads it back.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SubmissionKind {
    /// A citizen's letter to a deputy (直通代表).
    Message,
    /// A citizen's rating of a reply.
    Rating,
    /// A comment on a draft (征求意见).
    Comment,
    /// A deputy's suggestion (建议提交).
    Suggestion,
    /// A co-signer's confirmation of a suggestion.
    Cosign,
    /// A vote in 履职评议.
    Vote,
    /// A deputy's training progress.
    Training,
    /// The lead deputy's rating of the reply to their suggestion (满意/基本满意/不满意).
    SuggestionRating,
    /// Feedback on the site itself (意见反馈).
    Feedback,
}

impl SubmissionKind {
    /// The kind as sent (`"message"`), e.g. for the inbox's logs.
    pub fn name(self) -> &'static str {
        match self {
            SubmissionKind::Message => "message",
            SubmissionKind::Rating => "rating",
            SubmissionKind::Comment => "comment",
            SubmissionKind::Suggestion => "suggestion",
            SubmissionKind::Cosign => "cosign",
            SubmissionKind::Vote => "vote",
            SubmissionKind::Training => "training",
            SubmissionKind::SuggestionRating => "suggestion_rating",
            SubmissionKind::Feedback => "feedback",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Submission {
    pub format_version: u32,
    /// The receipt code (查询码) the user was shown.
    pub receipt_code: String,
    pub kind: SubmissionKind,
    /// When the user pressed send, RFC 3339.
    pub created_at: String,
    /// A short human line for lists, e.g. "致 娜仁其其格：小区路灯不亮".
    pub title: String,
    /// The kind-specific content.
    pub payload: serde_json::Value,
}

/// Where a submission is in the outbox. Stored as `{"state": "sent", "at": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, crate::json::FromJson)]
#[serde(tag = "state", rename_all = "snake_case", try_from = "DeliveryRecord")]
pub enum DeliveryState {
    /// Stored on the device; waiting for network or for an endpoint.
    Queued,
    /// The last send failed; it will be retried.
    Failed { reason: String },
    /// The endpoint accepted it, at this time (RFC 3339).
    Sent { at: String },
    /// No endpoint: the user saved it as a file or opened an email with it.
    Exported { at: String },
}

/// The stored form of [`DeliveryState`], read as a plain struct. Why not serde's internally
/// tagged enum: its decoder buffers the whole object first, and that generic code was the
/// largest single function of the app's main wasm module (docs/performance.md).
#[derive(Deserialize, crate::json::FromJson)]
struct DeliveryRecord {
    state: String,
    #[serde(default)]
    reason: Option<String>,
    #[serde(default)]
    at: Option<String>,
}

impl DeliveryState {
    /// The state's name as stored (`"sent"`), e.g. for a list key: the release wasm has no
    /// `Debug` formatting (`-Zfmt-debug=none`), so `{:?}` would print nothing.
    pub fn name(&self) -> &'static str {
        match self {
            DeliveryState::Queued => "queued",
            DeliveryState::Failed { .. } => "failed",
            DeliveryState::Sent { .. } => "sent",
            DeliveryState::Exported { .. } => "exported",
        }
    }
}

impl TryFrom<DeliveryRecord> for DeliveryState {
    type Error = String;

    fn try_from(r: DeliveryRecord) -> Result<Self, String> {
        match (r.state.as_str(), r.reason, r.at) {
            ("queued", _, _) => Ok(DeliveryState::Queued),
            ("failed", Some(reason), _) => Ok(DeliveryState::Failed { reason }),
            ("sent", _, Some(at)) => Ok(DeliveryState::Sent { at }),
            ("exported", _, Some(at)) => Ok(DeliveryState::Exported { at }),
            (state, _, _) => Err(format!("delivery state \"{state}\" unknown or without its field")),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
pub struct OutboxItem {
    pub submission: Submission,
    pub delivery: DeliveryState,
    #[serde(default)]
    pub attempts: u32,
}

impl OutboxItem {
    pub fn new(submission: Submission) -> Self {
        OutboxItem { submission, delivery: DeliveryState::Queued, attempts: 0 }
    }

    /// Whether the outbox should still try to POST it.
    pub fn pending(&self) -> bool {
        matches!(self.delivery, DeliveryState::Queued | DeliveryState::Failed { .. })
    }
}

/// Whether a stored outbox (its JSON text, as the app keeps it) may hold an item still to be
/// sent, decided without reading it: the app checks this at start-up and loads the outbox's
/// code only when it says yes (docs/performance.md). It errs towards yes: a title that
/// happens to contain `"state":"failed"` costs a needless load, never a letter left unsent.
pub fn may_be_pending(stored: &str) -> bool {
    [DeliveryState::Queued.name(), "failed"].iter().any(|state| stored.contains(&format!(r#""state":"{state}""#)))
}

#[cfg(test)]
mod tests {
    use super::{DeliveryState, OutboxItem, Submission, SubmissionKind, may_be_pending};

    fn stored(states: &[DeliveryState]) -> String {
        let items: Vec<OutboxItem> = states
            .iter()
            .enumerate()
            .map(|(n, state)| OutboxItem {
                submission: Submission {
                    format_version: 1,
                    receipt_code: format!("CODE{n}"),
                    kind: SubmissionKind::Message,
                    created_at: "2026-11-28T10:00:00+08:00".into(),
                    title: "标题".into(),
                    payload: serde_json::json!({}),
                },
                delivery: state.clone(),
                attempts: 0,
            })
            .collect();
        serde_json::to_string(&items).unwrap()
    }

    #[test]
    fn kind_names_are_the_sent_names() {
        use SubmissionKind::*;
        for kind in [Message, Rating, Comment, Suggestion, Cosign, Vote, Training, Feedback] {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.name());
        }
    }

    #[test]
    fn pending_items_are_seen_in_the_stored_text() {
        let sent = DeliveryState::Sent { at: "2026-11-28T10:00:00+08:00".into() };
        let exported = DeliveryState::Exported { at: "2026-11-28T10:00:00+08:00".into() };
        let failed = DeliveryState::Failed { reason: "HTTP 503".into() };
        assert!(!may_be_pending(&stored(&[])));
        assert!(!may_be_pending(&stored(&[sent.clone(), exported.clone()])));
        assert!(may_be_pending(&stored(&[sent.clone(), DeliveryState::Queued])));
        assert!(may_be_pending(&stored(&[failed, exported])));
        // The rule agrees with OutboxItem::pending for every state.
        for state in [DeliveryState::Queued, DeliveryState::Failed { reason: "x".into() }, sent] {
            let text = stored(&[state]);
            let items: Vec<OutboxItem> = serde_json::from_str(&text).unwrap();
            assert_eq!(may_be_pending(&text), items[0].pending(), "{text}");
        }
    }

    #[test]
    fn delivery_state_reads_what_it_writes() {
        for state in [
            DeliveryState::Queued,
            DeliveryState::Failed { reason: "network".into() },
            DeliveryState::Sent { at: "2026-11-28T10:00:00+08:00".into() },
            DeliveryState::Exported { at: "2026-11-28T10:00:00+08:00".into() },
        ] {
            let json = serde_json::to_string(&state).unwrap();
            assert_eq!(serde_json::from_str::<DeliveryState>(&json).unwrap(), state, "{json}");
            assert!(json.contains(&format!(r#""state":"{}""#, state.name())), "{json}");
        }
        // The stored form that devices already hold.
        assert_eq!(
            serde_json::from_str::<DeliveryState>(r#"{"state":"sent","at":"2026-11-28T10:00:00+08:00"}"#).unwrap(),
            DeliveryState::Sent { at: "2026-11-28T10:00:00+08:00".into() }
        );
    }

    #[test]
    fn delivery_state_refuses_an_unknown_or_incomplete_state() {
        assert!(serde_json::from_str::<DeliveryState>(r#"{"state":"lost"}"#).is_err());
        assert!(serde_json::from_str::<DeliveryState>(r#"{"state":"sent"}"#).is_err());
        assert!(serde_json::from_str::<DeliveryState>(r#"{"at":"x"}"#).is_err());
    }
}
