//! Whose an act is (issue 33). A deputy kind — a suggestion, a co-sign, a training report — is
//! the act of the deputy it names only when that is proven:
//!
//! - **signed**: it came through the deputies' workspace inside an envelope signed with the
//!   service's key (`deputy_accounts::acts`), checked here against `SRC/.workspace/keys.json`;
//!   the deputy is the session's, and must be the one the act names (the lead of a suggestion,
//!   the co-signer of a co-sign);
//! - **by the station**: a staff member confirmed it by other means (a phone call, the deputy
//!   at the desk) with `deputy-data held confirm`, or named whose a training file is
//!   (`ingest --deputy`); the audit log says who.
//!
//! Anything else of a deputy kind is *held*: kept in `SRC/held/` with its reason (未经代表本人
//! 确认), never published nor counted, until the station confirms or drops it. The proof of
//! each act applied is kept in `SRC/proofs/{code}.json`, for the station, never published.

use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow, bail};
use deputy_accounts::acts::{ActRefusal, Envelope, KeyRing, is_envelope};
use deputy_model::submission::{Submission, SubmissionKind};
use serde::{Deserialize, Serialize};

use deputy_model::suggestion::Draft;

use super::common::payload;
use super::suggestion::{CosignPayload, RatingPayload};
use super::training::TrainingPayload;

/// Where the workspace's public keys are, in the source folder.
pub fn workspace_dir(src: &Path) -> PathBuf {
    src.join(".workspace")
}

/// How an act was proven to be its deputy's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "proven", rename_all = "snake_case")]
pub enum Proof {
    /// Signed by the workspace for the session of `deputy_id` (the envelope is kept whole).
    Signed { deputy_id: String, envelope: Envelope },
    /// Confirmed by a staff member, by the means they wrote down.
    Station { deputy_id: String, by: String, how: String, at: String },
}

impl Proof {
    pub fn deputy_id(&self) -> &str {
        match self {
            Proof::Signed { deputy_id, .. } | Proof::Station { deputy_id, .. } => deputy_id,
        }
    }
}

/// Whether a kind is a deputy's act, which needs a [`Proof`].
pub fn is_deputy_kind(kind: SubmissionKind) -> bool {
    matches!(
        kind,
        SubmissionKind::Suggestion
            | SubmissionKind::Cosign
            | SubmissionKind::Training
            | SubmissionKind::SuggestionRating
    )
}

/// A file as it arrived: the submission's text, and the envelope's check when it came in one.
pub struct Arrival {
    /// The submission's text (the envelope's `act`).
    pub text: String,
    pub signed: Option<Result<Envelope, ActRefusal>>,
}

/// Open an envelope (checking its signature), or take a plain submission as it is.
pub fn open(keys: &KeyRing, text: String) -> Result<Arrival> {
    if !is_envelope(&text) {
        return Ok(Arrival { text, signed: None });
    }
    match keys.verify(&text) {
        Ok(env) => Ok(Arrival { text: env.act.clone(), signed: Some(Ok(env)) }),
        Err(refusal) => {
            // Still held (with the reason), not refused: the station may want to see it.
            let env: Envelope = serde_json::from_str(&text).map_err(|_| anyhow!("{}", refusal.message()))?;
            Ok(Arrival { text: env.act, signed: Some(Err(refusal)) })
        }
    }
}

/// The deputy a deputy kind names as its maker (a training report names nobody), reading its
/// payload whole: one of the wrong shape is refused here, not held.
pub(super) fn named_deputy(s: &Submission) -> Result<Option<String>> {
    Ok(match s.kind {
        SubmissionKind::Suggestion => Some(payload::<Draft>(s)?.lead_id),
        SubmissionKind::Cosign => Some(payload::<CosignPayload>(s)?.cosigner_id),
        SubmissionKind::Training => {
            payload::<TrainingPayload>(s)?;
            None
        }
        // The suggestion's lead, checked against the suggestion when it is applied.
        SubmissionKind::SuggestionRating => {
            payload::<RatingPayload>(s)?;
            None
        }
        _ => None,
    })
}

/// What to do with an arrival: `Ok(Some(proof))` apply it as the proven deputy's,
/// `Ok(None)` apply it (not a deputy kind), `Err(reason)` hold it. A signed act that names
/// another deputy than its session's is refused outright (`Err` of the outer result).
pub fn decide(
    s: &Submission,
    signed: &Option<Result<Envelope, ActRefusal>>,
    station: Option<Proof>,
) -> Result<Result<Option<Proof>, String>> {
    let named = named_deputy(s)?;
    match signed {
        Some(Ok(env)) => {
            if !is_deputy_kind(s.kind) {
                bail!("工作台只签代表本人的操作，{} 不是", s.kind.name());
            }
            if let Some(named) = named
                && named != env.deputy_id
            {
                bail!("签名的代表 {} 与提交中的代表 {named} 不一致：不能以他人名义提交", env.deputy_id);
            }
            Ok(Ok(Some(Proof::Signed { deputy_id: env.deputy_id.clone(), envelope: env.clone() })))
        }
        Some(Err(refusal)) => Ok(Err(format!("未经代表本人确认：{}", refusal.message()))),
        None if !is_deputy_kind(s.kind) => Ok(Ok(None)),
        None => match station {
            Some(proof) => {
                if let Some(named) = named
                    && named != proof.deputy_id()
                {
                    bail!("联络站确认的代表 {} 与提交中的代表 {named} 不一致", proof.deputy_id());
                }
                Ok(Ok(Some(proof)))
            }
            None => Ok(Err("未经代表本人确认：不是通过代表工作台提交的，已暂存待联络站核实".into())),
        },
    }
}

/// `SRC/proofs/{code}.json`.
pub fn proof_path(src: &Path, code: &str) -> PathBuf {
    src.join("proofs").join(format!("{code}.json"))
}

/// `SRC/held/{code}.json` (the text as it arrived) and `{code}.reason.txt` beside it.
pub fn held_path(src: &Path, code: &str) -> PathBuf {
    src.join("held").join(format!("{code}.json"))
}

pub fn write_proof(src: &Path, code: &str, proof: &Proof) -> Result<()> {
    std::fs::create_dir_all(src.join("proofs"))?;
    super::common::write_atomic(&proof_path(src, code), &serde_json::to_string_pretty(proof)?)
}

pub fn hold(src: &Path, code: &str, text: &str, reason: &str) -> Result<()> {
    std::fs::create_dir_all(src.join("held"))?;
    super::common::write_atomic(&held_path(src, code).with_extension("reason.txt"), reason)?;
    super::common::write_atomic(&held_path(src, code), text)
}
