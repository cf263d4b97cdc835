//! Filing a deputy's act: the submission is made here (a new receipt code, the time, the kind,
//! the payload, with the deputy taken from the session), signed with the service's key, and put
//! into the intake store durably before the deputy is told it is done.

use deputy_accounts::acts::ActSigner;
use deputy_intake::{Key, Store, StoreError};
use deputy_model::submission::{Submission, SubmissionKind};
use deputy_model::{FORMAT_VERSION, clock, receipt};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

/// What names a session in an envelope: the start of the SHA-256 of its cookie (the name of
/// its file in `sessions/`), never the cookie.
pub fn session_ref(session_id: &str) -> String {
    Sha256::digest(session_id.as_bytes()).iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// What a deputy does, before it is signed.
pub struct Act {
    pub kind: SubmissionKind,
    /// The line for lists ("联名确认：关于…").
    pub title: String,
    pub payload: serde_json::Value,
}

/// Sign and store one act of `deputy_id` (the session's); its receipt code.
pub async fn file(
    store: &dyn Store,
    signer: &ActSigner,
    deputy_id: &str,
    session_id: &str,
    act: Act,
    now: OffsetDateTime,
) -> Result<String, StoreError> {
    let Act { kind, title, payload } = act;
    let created_at = clock::to_rfc3339(now);
    // A code already taken (one in 10¹¹ per try) is drawn again.
    for _ in 0..4 {
        let receipt_code = receipt::code_from_entropy(rand::random());
        let submission = Submission {
            format_version: FORMAT_VERSION,
            receipt_code: receipt_code.clone(),
            kind,
            created_at: created_at.clone(),
            title: title.clone(),
            payload: payload.clone(),
        };
        let act = serde_json::to_string(&submission).map_err(|e| StoreError::Unavailable(e.into()))?;
        let envelope = signer.sign(&act, deputy_id, &session_ref(session_id), now);
        let body = serde_json::to_vec(&envelope).map_err(|e| StoreError::Unavailable(e.into()))?;
        match store.put(Key { receipt_code: receipt_code.clone(), created_at: created_at.clone() }, body).await {
            Ok(_) => return Ok(receipt_code),
            Err(StoreError::Conflict) => continue,
            Err(e) => return Err(e),
        }
    }
    Err(StoreError::Conflict)
}
