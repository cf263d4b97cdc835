//! deputy-inbox: the receiving service a station runs beside its static site. The app's outbox
//! POSTs each submission here (`site.json`'s `submit_endpoint`); the service checks it with the
//! model's arrival rules (`deputy_model::intake`, the same as `deputy-data ingest`), stores it
//! durably (`deputy_intake`: a folder or a bucket) and only then answers 2xx.
//! `deputy-data ingest --from DIR|S3-URL` takes it from there.
//! docs/operations.md says how to run it.

pub mod config;
mod limit;
mod routes;

pub use config::{Config, Limits};
pub use routes::router;
