//! The deputy-home data model: every type of the static JSON backend, its format version,
//! validation, search and the small pure algorithms (receipt codes, dates) that both the
//! app (compiled to wasm) and the data tool (native) need. Plain Rust: no web dependencies,
//! so everything here is tested natively with `cargo test -p deputy-model`.

// The derive of `json::FromJson` names this crate `::deputy_model`, here too.
extern crate self as deputy_model;

pub mod activity;
pub mod activity_stats;
pub mod clock;
pub mod console;
pub mod consult;
pub mod deputy;
pub mod evaluation;
pub mod form_limits;
pub mod input;
pub mod intake;
pub mod json;
pub mod latin;
pub mod map;
pub mod message;
pub mod news;
pub mod page;
pub mod receipt;
pub mod region;
pub mod search;
pub mod site;
pub mod station;
pub mod submission;
pub mod suggestion;
mod suggestion_rules;
pub mod training;
pub mod validate;
pub mod version;
pub mod workspace;

pub use deputy::{Deputy, DeputyGroup, DeputySummary, GroupKind, Level};
pub use news::{Block, NewsArticle, NewsKind, NewsSummary};
pub use page::Page;
pub use region::{RegionKind, RegionNode, RegionRef};
pub use site::{Contact, Module, SiteConfig, WeekSpan};
pub use station::{Reception, Station, StationSummary, StationTier};
pub use version::{FORMAT_VERSION, VersionCheck};
