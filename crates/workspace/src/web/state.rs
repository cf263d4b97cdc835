//! The workspace server's state, shared by every request: what the route files ([`super::account`],
//! [`super::api`]) take, kept apart from the router so that no two files import each other.

use std::sync::Arc;

use deputy_accounts::acts::ActSigner;
use deputy_accounts::web::{Gate, Gated};
use deputy_intake::Store;
use time::OffsetDateTime;

use crate::desk::Desk;

/// The largest request body: a suggestion is under 20 KB.
pub const BODY_LIMIT: usize = 64 * 1024;

pub(crate) struct Workspace {
    pub(crate) gate: Arc<Gate>,
    pub(crate) activations: deputy_accounts::activation::Activations,
    pub(crate) desk: Arc<dyn Desk>,
    /// Where acts are filed for `ingest --from`.
    pub(crate) store: Arc<dyn Store>,
    pub(crate) signer: ActSigner,
}

impl Gated for Workspace {
    fn gate(&self) -> &Gate {
        &self.gate
    }
}

impl Workspace {
    pub(crate) fn now(&self) -> OffsetDateTime {
        self.gate.now()
    }
}
