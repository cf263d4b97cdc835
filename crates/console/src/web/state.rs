//! The console server's state, shared by every request, and the answers the route files
//! ([`super::api`], [`super::auth`], [`super::extract`]) share: kept apart from the router so
//! that no two files import each other.

use std::sync::Arc;

use axum::response::Response;
use deputy_accounts::web::{Gate, Gated};
use time::OffsetDateTime;

use crate::station::Station;

/// The largest request body: a letter's reply is a few thousand characters.
pub const BODY_LIMIT: usize = 64 * 1024;

/// The server's state, shared by every request.
pub(crate) struct Console {
    /// Accounts, sessions (in `.console/sessions/`: shared by every console on the folder,
    /// kept over a restart) and the audit log.
    pub(crate) gate: Arc<Gate>,
    /// One change at a time: two clerks' steps on the same source folder never interleave.
    pub(crate) changes: tokio::sync::Mutex<()>,
    pub(crate) station: Arc<dyn Station>,
}

impl Gated for Console {
    fn gate(&self) -> &Gate {
        &self.gate
    }
}

impl Console {
    pub(crate) fn now(&self) -> OffsetDateTime {
        self.gate.now()
    }
}

/// A request's JSON body, or the refusal to answer with: too long, or not what was expected.
pub(crate) fn json_body<T>(
    body: Result<axum::Json<T>, axum::extract::rejection::JsonRejection>,
    broken: &str,
) -> Result<T, Response> {
    deputy_accounts::web::json_body(body, broken, BODY_LIMIT)
}

pub(crate) use deputy_accounts::web::failure;
