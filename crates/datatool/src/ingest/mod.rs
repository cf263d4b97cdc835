//! `ingest SRC FILE…`, `reply …` and `publish …`: submissions from the outbox (exported JSON
//! files, see `deputy_model::submission`) into the source folder, and the station's handling of
//! letters, suggestions, comments and consultations. Every step is checked (references, limits,
//! the model's state machines) before anything is saved; a refused file or command changes
//! nothing.
//!
//! Every accepted submission is archived as `SRC/received/{code}.json` (kept by the station,
//! never published: it holds names and phone numbers); that archive is what duplicates are
//! detected against, and where co-signers' confirmations are looked up. One file per kind:
//! [`letter`] (message, rating, letter replies), [`suggestion`] (suggestion, cosign),
//! [`vote`], [`training`], [`comment`]; [`reply`] and [`publish`] are the station's commands;
//! [`run`] is one run of `ingest`, [`common`] what they all share.
//!
//! A deputy's act (suggestion, co-sign, training) is applied only when [`proof`] shows it is
//! theirs (signed by the deputies' workspace, or confirmed by the station); otherwise it is
//! held in `SRC/held/` for the station ([`held`]), never published nor counted.

mod comment;
mod common;
mod held;
mod inbox;
mod letter;
pub mod proof;
mod publish;
mod reply;
mod run;
mod state;
mod suggestion;
mod training;
mod vote;

#[cfg(test)]
pub(crate) mod tests;
#[cfg(test)]
pub(crate) mod tests_commands;
#[cfg(test)]
mod tests_inbox;
#[cfg(test)]
mod tests_proof;

pub use common::parse_at;
pub use held::run as run_held;
pub use held::{HeldCommand, confirm_held, drop_held, held_items};
pub use inbox::ingest_inbox;
pub use letter::{Step, record};
pub use publish::{consultation_result, publish_comment, publish_consultation, publish_draft, publish_draft_text};
pub use reply::{SuggestionStep, reply_suggestion, status_name};
pub use run::{Options, Outcome, ingest, ingest_texts};
pub use state::State;
