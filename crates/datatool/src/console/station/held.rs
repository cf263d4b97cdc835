//! 待核实: the deputy acts held for want of proof, with the deputy each names; the clerk who
//! checked with the deputy confirms one (writing down how) or drops it — `held confirm|drop`'s
//! own functions, with the clerk's name from the session.

use anyhow::Result;
use deputy_console::station::StationError;
use deputy_model::console::{HeldAction, HeldRow};
use time::OffsetDateTime;

use super::source::{SourceStation, refused};
use crate::ingest;

pub(super) fn held(station: &SourceStation) -> Result<Vec<HeldRow>> {
    let items = ingest::held_items(&station.src)?;
    let world = crate::source::read(&station.src)?;
    Ok(items
        .into_iter()
        .map(|i| {
            let deputy_id = i.deputy_id.unwrap_or_default();
            let deputy_name = world
                .deputies
                .iter()
                .find(|d| d.summary.id == deputy_id)
                .map(|d| d.summary.name.clone())
                .unwrap_or_default();
            HeldRow {
                receipt_code: i.receipt_code,
                kind: i.kind,
                title: i.title,
                reason: i.reason,
                deputy_id,
                deputy_name,
            }
        })
        .collect())
}

pub(super) fn held_step(
    station: &SourceStation,
    code: &str,
    action: &HeldAction,
    by: &str,
    now: OffsetDateTime,
) -> Result<String, StationError> {
    match action {
        HeldAction::Confirm { how, deputy } => {
            let deputy = deputy.as_deref().map(str::trim).filter(|d| !d.is_empty());
            ingest::confirm_held(&station.src, code, by, how, deputy, now).map_err(refused)
        }
        HeldAction::Drop { reason } => ingest::drop_held(&station.src, code, by, reason).map_err(refused),
    }
}
