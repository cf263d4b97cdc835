//! What the deputies' workspace service (`deputy-workspace`) and its browser app say to each
//! other (issue 33): the JSON of `/workspace/api/…`. Plain types shared by both, as
//! [`crate::console`] is for the station console. No type here has a deputy id a request could
//! set: the service takes the deputy from the session.

use serde::{Deserialize, Serialize};
use time::{Date, Duration, Weekday};

use crate::message::MessageEvent;

/// `GET /api/session` and the answer to a sign-in or an activation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Me {
    pub deputy_id: String,
    pub name: String,
    pub level: crate::deputy::Level,
    /// The token every change carries in `X-CSRF-Token`.
    pub csrf: String,
}

/// `POST /api/activate`: the first sign-in, with the station's one-time code and a password of
/// the deputy's own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Activate {
    pub deputy_id: String,
    pub code: String,
    pub password: String,
}

/// `POST /api/password`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangePassword {
    pub old: String,
    pub new: String,
}

/// One letter written to the signed-in deputy (`GET /api/letters`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyLetter {
    pub receipt_code: String,
    pub subject: String,
    pub category: String,
    /// The letter's text (it was written to this deputy).
    pub content: String,
    /// `None` when its history breaks the rules (the station is told; the deputy sees 状态有误).
    pub state: Option<crate::message::MessageState>,
    /// A reply is still owed.
    pub open: bool,
    /// Open for more than [`LETTER_REPLY_WORKING_DAYS`] working days.
    pub overdue: bool,
    /// When it came, YYYY-MM-DD (Beijing).
    pub received_on: String,
    /// Whole days since it came.
    pub days: i64,
    /// In the public Q&A.
    pub public: bool,
    /// The writer's name and phone, only where the writer agreed that the deputy may see them
    /// (letters sent before that choice existed show none).
    pub writer: Option<String>,
    pub events: Vec<MessageEvent>,
}

/// A suggestion the signed-in deputy leads or co-signs (`GET /api/suggestions`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MySuggestion {
    pub id: String,
    pub title: String,
    /// `None` when its history breaks the rules.
    pub status: Option<crate::suggestion::Status>,
    /// Whether I lead it.
    pub lead: bool,
    pub lead_name: String,
    /// Co-signers: (name, confirmed).
    pub cosigners: Vec<(String, bool)>,
    /// I am a co-signer who has not confirmed yet: one tap confirms.
    pub invited: bool,
    /// The reply is due on this day (YYYY-MM-DD), once assigned.
    pub due: Option<String>,
    /// Days until then; negative when overdue.
    pub days_left: Option<i64>,
}

/// `POST /api/cosign`: confirm my co-signature on a suggestion I was invited to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cosign {
    pub suggestion_id: String,
}

/// `POST /api/suggestion`: a suggestion the signed-in deputy leads. The lead is the session's
/// deputy whatever the draft says; co-signers are invited (each confirms in their own
/// workspace).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SubmitSuggestion {
    pub draft: crate::suggestion::Draft,
}

/// `POST /api/rate`: the lead deputy's rating of the reply to their suggestion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RateReply {
    pub suggestion_id: String,
    pub rating: crate::message::Rating,
    #[serde(default)]
    pub comment: String,
}

/// The answer to an act: the receipt code it was filed under and a sentence for the deputy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActDone {
    pub receipt_code: String,
    pub message: String,
}

/// A letter should be answered within this many working days (3, or 10 for a complex matter:
/// the longer one, so that "overdue" is never said too early).
pub const LETTER_REPLY_WORKING_DAYS: i64 = 10;

/// Working days (Monday to Friday) after `from` up to and including `to`; 0 when `to` is not
/// later. Public holidays are not known here, so this can only err towards "not yet overdue"
/// by a day or two around them.
pub fn working_days_between(from: Date, to: Date) -> i64 {
    let mut n = 0;
    let mut d = from;
    while d < to {
        d += Duration::days(1);
        if !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) {
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn working_days_skip_weekends() {
        // Friday 2026-12-04 to Monday 2026-12-07: one working day.
        assert_eq!(working_days_between(date!(2026 - 12 - 04), date!(2026 - 12 - 07)), 1);
        assert_eq!(working_days_between(date!(2026 - 12 - 07), date!(2026 - 12 - 21)), 10);
        assert_eq!(working_days_between(date!(2026 - 12 - 07), date!(2026 - 12 - 07)), 0);
        assert_eq!(working_days_between(date!(2026 - 12 - 08), date!(2026 - 12 - 07)), 0);
    }
}
