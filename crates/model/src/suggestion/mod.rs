//! 建议提交: deputies' suggestions (代表建议) — what a deputy writes (a [`Draft`], checked by
//! [`draft_problems`]), co-signers' confirmation codes, and the public record of each published
//! suggestion with its handling as a list of events. The handling is a state machine
//! ([`Suggestion::state`]) so no data file can describe an impossible history, and the reply
//! deadline is computed from the 交办 date and "today" in Asia/Shanghai, never stored.

use serde::{Deserialize, Serialize};
use time::{Date, Month};

use crate::clock;
use crate::message::Rating;

/// Categories of suggestions (the NPC's usual classification).
pub const CATEGORIES: [&str; 9] = [
    "农林牧渔水利",
    "工业交通",
    "财政金融",
    "城乡建设与资源环境",
    "教科文卫体",
    "民政与社会保障",
    "政法",
    "民族宗教",
    "其他",
];

/// A written reply is due this many months after 交办 …
pub const REPLY_MONTHS: u32 = 3;
/// … or at most this many with a stated extension.
pub const MAX_REPLY_MONTHS: u32 = 6;
/// After 不满意 the unit answers again within this many months.
pub const REHANDLE_MONTHS: u32 = 2;

mod draft;
mod handling;
mod record;
mod summary;

pub use draft::*;
pub use handling::*;
pub use record::*;
pub use summary::*;

/// Events for tests of every part.
#[cfg(test)]
mod test_events {
    use super::*;

    pub fn d(s: &str) -> Date {
        clock::parse_date(s).unwrap()
    }

    pub fn ev_sub(date: &str) -> SuggestionEvent {
        SuggestionEvent::Submitted { date: date.into() }
    }
    pub fn ev_reg(date: &str) -> SuggestionEvent {
        SuggestionEvent::Registered { date: date.into() }
    }
    pub fn ev_asg(date: &str) -> SuggestionEvent {
        SuggestionEvent::Assigned {
            date: date.into(), lead_unit: "市农牧局".into(), co_units: vec!["市财政局".into()]
        }
    }
    pub fn ev_rep(date: &str) -> SuggestionEvent {
        SuggestionEvent::Replied {
            date: date.into(),
            unit: "市农牧局".into(),
            result: ResultClass::B,
            text: "已列入计划".into(),
        }
    }
    pub fn ev_rate(date: &str, rating: Rating) -> SuggestionEvent {
        SuggestionEvent::Rated { date: date.into(), rating, comment: String::new() }
    }
}
