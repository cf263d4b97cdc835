//! Citizens' letters to deputies (直通代表) as the station publishes them: the handling record
//! behind a receipt code, the public Q&A, and the responsiveness statistics.
//!
//! Personal data never appears here: a writer's name and phone stay in the submission the
//! station received; what is published is the subject, the text (if the writer agreed) and the
//! handling.

use serde::{Deserialize, Serialize};

use crate::clock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    /// 满意
    Satisfied,
    /// 基本满意
    Basically,
    /// 不满意
    Unsatisfied,
}

/// One step of the handling, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum MessageEvent {
    /// The station registered the letter (已提交).
    Received { at: String },
    /// Passed to a department for handling (已转交).
    Forwarded { at: String, department: String },
    /// A written reply (已答复): by the deputy or the department.
    Replied { at: String, by: String, text: String },
    /// The writer's rating of the reply (已评价).
    Rated {
        at: String,
        rating: Rating,
        #[serde(default)]
        comment: String,
    },
    /// After 不满意 the matter goes back for re-handling (重新办理).
    Reopened { at: String, reason: String },
}

impl MessageEvent {
    pub fn at(&self) -> &str {
        match self {
            MessageEvent::Received { at }
            | MessageEvent::Forwarded { at, .. }
            | MessageEvent::Replied { at, .. }
            | MessageEvent::Rated { at, .. }
            | MessageEvent::Reopened { at, .. } => at,
        }
    }
}

/// Where a letter stands, derived from its events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MessageState {
    Submitted,
    Forwarded,
    Replied,
    Rated,
    Reopened,
}

/// `data/track/{receipt_code}.json`: what a receipt code shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MessageRecord {
    pub format_version: u32,
    pub receipt_code: String,
    pub deputy_id: String,
    pub deputy_name: String,
    pub subject: String,
    pub category: String,
    /// The letter's text: present only if the writer agreed to publish it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// Whether the writer agreed to publish the letter and its reply in the public Q&A.
    pub public: bool,
    pub events: Vec<MessageEvent>,
    /// When the letter became a deputy's suggestion (建议), its id in the suggestion module.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion_id: Option<String>,
}

/// An illegal step in a letter's handling, e.g. a rating before any reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IllegalTransition {
    pub index: usize,
    pub message: String,
}

impl MessageRecord {
    /// Walk the events through the state machine:
    /// received → (forwarded)* → replied → rated → [unsatisfied: reopened → (forwarded)* → replied → rated].
    pub fn state(&self) -> Result<MessageState, IllegalTransition> {
        let mut state: Option<MessageState> = None;
        let mut last_at = String::new();
        for (index, e) in self.events.iter().enumerate() {
            let err = |m: &str| Err(IllegalTransition { index, message: m.to_string() });
            if clock::parse_timestamp(e.at()).is_none() {
                return err("时间不是 RFC 3339 格式");
            }
            if !last_at.is_empty() && clock::parse_timestamp(e.at()) < clock::parse_timestamp(&last_at) {
                return err("时间早于上一步");
            }
            last_at = e.at().to_string();
            state = Some(match (state, e) {
                (None, MessageEvent::Received { .. }) => MessageState::Submitted,
                (None, _) => return err("第一步必须是“已提交”"),
                (
                    Some(MessageState::Submitted | MessageState::Forwarded | MessageState::Reopened),
                    MessageEvent::Forwarded { .. },
                ) => MessageState::Forwarded,
                (
                    Some(MessageState::Submitted | MessageState::Forwarded | MessageState::Reopened),
                    MessageEvent::Replied { .. },
                ) => MessageState::Replied,
                (Some(MessageState::Replied), MessageEvent::Rated { .. }) => MessageState::Rated,
                (Some(MessageState::Rated), MessageEvent::Reopened { .. }) => {
                    let last_rating = self.events[..index].iter().rev().find_map(|e| match e {
                        MessageEvent::Rated { rating, .. } => Some(*rating),
                        _ => None,
                    });
                    if last_rating != Some(Rating::Unsatisfied) {
                        return err("只有“不满意”的答复才能重新办理");
                    }
                    MessageState::Reopened
                }
                (Some(s), e) => {
                    return err(&format!("“{}”之后不能是“{}”", state_name(s), event_name(e)));
                }
            });
        }
        state.ok_or(IllegalTransition { index: 0, message: "没有任何办理记录".into() })
    }

    /// The latest reply, if any.
    pub fn last_reply(&self) -> Option<(&str, &str, &str)> {
        self.events.iter().rev().find_map(|e| match e {
            MessageEvent::Replied { at, by, text } => Some((at.as_str(), by.as_str(), text.as_str())),
            _ => None,
        })
    }

    pub fn last_rating(&self) -> Option<Rating> {
        self.events.iter().rev().find_map(|e| match e {
            MessageEvent::Rated { rating, .. } => Some(*rating),
            _ => None,
        })
    }

    pub fn received_at(&self) -> Option<&str> {
        self.events.first().map(|e| e.at())
    }

    /// Days from receipt to the first reply, in whole days (Asia/Shanghai calendar dates).
    pub fn days_to_first_reply(&self) -> Option<i64> {
        let start = clock::parse_timestamp(self.received_at()?)?;
        let reply = self.events.iter().find_map(|e| match e {
            MessageEvent::Replied { at, .. } => clock::parse_timestamp(at),
            _ => None,
        })?;
        Some((clock::shanghai_date(reply) - clock::shanghai_date(start)).whole_days())
    }
}

/// The state as the pages name it, e.g. 已答复.
pub fn state_name(s: MessageState) -> &'static str {
    match s {
        MessageState::Submitted => "已提交",
        MessageState::Forwarded => "已转交",
        MessageState::Replied => "已答复",
        MessageState::Rated => "已评价",
        MessageState::Reopened => "重新办理",
    }
}

fn event_name(e: &MessageEvent) -> &'static str {
    match e {
        MessageEvent::Received { .. } => "已提交",
        MessageEvent::Forwarded { .. } => "已转交",
        MessageEvent::Replied { .. } => "已答复",
        MessageEvent::Rated { .. } => "已评价",
        MessageEvent::Reopened { .. } => "重新办理",
    }
}

/// How a deputy (or a level) answers letters. Method, as stated on the page:
/// every letter the station registered counts as received; answered = has at least one reply;
/// days to reply = calendar days (Asia/Shanghai) from registration to the first reply, the
/// median over answered letters; satisfaction = share of rated letters whose latest rating is
/// 满意 or 基本满意.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Responsiveness {
    pub received: u32,
    pub answered: u32,
    /// Median days to the first reply; absent when nothing was answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub median_days: Option<f64>,
    pub rated: u32,
    pub satisfied: u32,
}

impl Responsiveness {
    pub fn of<'a>(records: impl IntoIterator<Item = &'a MessageRecord>) -> Self {
        let mut r = Responsiveness::default();
        let mut days = Vec::new();
        for m in records {
            r.received += 1;
            if let Some(d) = m.days_to_first_reply() {
                r.answered += 1;
                days.push(d);
            }
            if let Some(rating) = m.last_rating() {
                r.rated += 1;
                if rating != Rating::Unsatisfied {
                    r.satisfied += 1;
                }
            }
        }
        r.median_days = median(&mut days);
        r
    }

    /// Share answered, 0–100, rounded; `None` when nothing was received.
    pub fn answered_percent(&self) -> Option<u32> {
        (self.received > 0).then(|| ((self.answered as f64 / self.received as f64) * 100.0).round() as u32)
    }

    pub fn satisfied_percent(&self) -> Option<u32> {
        (self.rated > 0).then(|| ((self.satisfied as f64 / self.rated as f64) * 100.0).round() as u32)
    }
}

fn median(xs: &mut [i64]) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    xs.sort_unstable();
    let n = xs.len();
    Some(if n % 2 == 1 { xs[n / 2] as f64 } else { (xs[n / 2 - 1] + xs[n / 2]) as f64 / 2.0 })
}

/// A published letter in the public Q&A: no receipt code (it would open the record), no
/// personal data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PublicMessage {
    pub id: String,
    pub deputy_id: String,
    pub deputy_name: String,
    pub subject: String,
    pub category: String,
    pub content: String,
    pub received_at: String,
    pub state: MessageState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply: Option<PublicReply>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PublicReply {
    pub at: String,
    pub by: String,
    pub text: String,
}

/// `data/messages/deputy/{id}.json`: a deputy's public Q&A and responsiveness.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DeputyMessages {
    pub format_version: u32,
    pub deputy_id: String,
    pub stats: Responsiveness,
    pub messages: Vec<PublicMessage>,
}

/// `data/messages/stats.json`: responsiveness per level and for the whole site.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MessageStats {
    pub format_version: u32,
    pub all: Responsiveness,
    pub by_level: Vec<(crate::Level, Responsiveness)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(events: Vec<MessageEvent>) -> MessageRecord {
        MessageRecord {
            format_version: 1,
            receipt_code: "1234567890".into(),
            deputy_id: "city-0001".into(),
            deputy_name: "王义".into(),
            subject: "路灯".into(),
            category: "城建".into(),
            content: None,
            public: false,
            events,
            suggestion_id: None,
        }
    }
    fn received(at: &str) -> MessageEvent {
        MessageEvent::Received { at: at.into() }
    }
    fn replied(at: &str) -> MessageEvent {
        MessageEvent::Replied { at: at.into(), by: "x".into(), text: "y".into() }
    }
    fn rated(at: &str, rating: Rating) -> MessageEvent {
        MessageEvent::Rated { at: at.into(), rating, comment: String::new() }
    }

    #[test]
    fn legal_paths() {
        let r = rec(vec![received("2025-07-01T09:00:00+08:00")]);
        assert_eq!(r.state(), Ok(MessageState::Submitted));
        let r = rec(vec![
            received("2025-07-01T09:00:00+08:00"),
            MessageEvent::Forwarded { at: "2025-07-02T09:00:00+08:00".into(), department: "市住建局".into() },
            replied("2025-07-05T09:00:00+08:00"),
            rated("2025-07-06T09:00:00+08:00", Rating::Unsatisfied),
            MessageEvent::Reopened { at: "2025-07-07T09:00:00+08:00".into(), reason: "未解决".into() },
            replied("2025-07-20T09:00:00+08:00"),
            rated("2025-07-21T09:00:00+08:00", Rating::Satisfied),
        ]);
        assert_eq!(r.state(), Ok(MessageState::Rated));
        assert_eq!(r.last_rating(), Some(Rating::Satisfied));
        assert_eq!(r.days_to_first_reply(), Some(4));
    }

    #[test]
    fn illegal_paths() {
        assert!(rec(vec![]).state().is_err());
        assert!(rec(vec![replied("2025-07-01T09:00:00+08:00")]).state().is_err());
        let e = rec(vec![received("2025-07-01T09:00:00+08:00"), rated("2025-07-02T09:00:00+08:00", Rating::Satisfied)])
            .state();
        assert_eq!(e.unwrap_err().index, 1);
        let e = rec(vec![
            received("2025-07-01T09:00:00+08:00"),
            replied("2025-07-02T09:00:00+08:00"),
            rated("2025-07-03T09:00:00+08:00", Rating::Satisfied),
            MessageEvent::Reopened { at: "2025-07-04T09:00:00+08:00".into(), reason: "x".into() },
        ])
        .state();
        assert!(e.unwrap_err().message.contains("不满意"));
        // time going backwards
        assert!(
            rec(vec![received("2025-07-05T09:00:00+08:00"), replied("2025-07-01T09:00:00+08:00")]).state().is_err()
        );
    }

    #[test]
    fn responsiveness_method() {
        let a = rec(vec![
            received("2025-07-01T09:00:00+08:00"),
            replied("2025-07-03T09:00:00+08:00"),
            rated("2025-07-04T09:00:00+08:00", Rating::Basically),
        ]);
        let b = rec(vec![
            received("2025-07-01T09:00:00+08:00"),
            replied("2025-07-09T09:00:00+08:00"),
            rated("2025-07-10T09:00:00+08:00", Rating::Unsatisfied),
        ]);
        let c = rec(vec![received("2025-07-01T09:00:00+08:00")]);
        // The Shanghai date counts: 23:30 UTC on 07-01 is 07-02 in Shanghai.
        let d = rec(vec![received("2025-07-01T10:00:00+08:00"), replied("2025-07-01T23:30:00Z")]);
        let s = Responsiveness::of([&a, &b, &c, &d]);
        assert_eq!((s.received, s.answered, s.rated, s.satisfied), (4, 3, 2, 1));
        assert_eq!(s.median_days, Some(2.0)); // days 2, 8, 1 → median 2
        assert_eq!(s.answered_percent(), Some(75));
        assert_eq!(s.satisfied_percent(), Some(50));
        assert_eq!(Responsiveness::of([]).answered_percent(), None);
    }
}

/// Limits of a letter, as the form shows them while one types.
pub const SUBJECT_MAX: usize = 40;
pub const CONTENT_MAX: usize = 600;

/// What the writing form checks before a letter goes to the outbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetterProblem {
    SubjectEmpty,
    SubjectTooLong,
    CategoryMissing,
    ContentEmpty,
    ContentTooLong,
    Phone,
    Consent,
}

pub struct LetterInput<'a> {
    pub subject: &'a str,
    pub category: &'a str,
    pub content: &'a str,
    pub phone: &'a str,
    pub anonymous: bool,
    pub consent: bool,
}

/// Every problem of a letter, in the order of the form's fields.
pub fn check_letter(input: &LetterInput, categories: &[String]) -> Vec<LetterProblem> {
    use crate::input::{TextCheck, check_text, is_mainland_mobile};
    let mut out = Vec::new();
    match check_text(input.subject, SUBJECT_MAX) {
        TextCheck::Empty => out.push(LetterProblem::SubjectEmpty),
        TextCheck::TooLong { .. } => out.push(LetterProblem::SubjectTooLong),
        TextCheck::Ok => {}
    }
    if !categories.iter().any(|c| c == input.category) {
        out.push(LetterProblem::CategoryMissing);
    }
    match check_text(input.content, CONTENT_MAX) {
        TextCheck::Empty => out.push(LetterProblem::ContentEmpty),
        TextCheck::TooLong { .. } => out.push(LetterProblem::ContentTooLong),
        TextCheck::Ok => {}
    }
    if !input.anonymous && !input.phone.trim().is_empty() && !is_mainland_mobile(input.phone) {
        out.push(LetterProblem::Phone);
    }
    if !input.consent {
        out.push(LetterProblem::Consent);
    }
    out
}

#[cfg(test)]
mod letter_tests {
    use super::*;

    fn cats() -> Vec<String> {
        vec!["民生".into(), "城建".into()]
    }

    #[test]
    fn a_good_letter_passes() {
        let l = LetterInput {
            subject: "路灯不亮",
            category: "城建",
            content: "小区东侧路灯坏了两个月。",
            phone: "138 1234 5678",
            anonymous: false,
            consent: true,
        };
        assert!(check_letter(&l, &cats()).is_empty());
    }

    #[test]
    fn every_problem_is_reported() {
        let long = "字".repeat(CONTENT_MAX + 1);
        let l = LetterInput {
            subject: " ",
            category: "娱乐",
            content: &long,
            phone: "12345",
            anonymous: false,
            consent: false,
        };
        assert_eq!(
            check_letter(&l, &cats()),
            vec![
                LetterProblem::SubjectEmpty,
                LetterProblem::CategoryMissing,
                LetterProblem::ContentTooLong,
                LetterProblem::Phone,
                LetterProblem::Consent
            ]
        );
        // Anonymous letters ignore the phone field.
        let l = LetterInput {
            subject: "x",
            category: "民生",
            content: "y",
            phone: "12345",
            anonymous: true,
            consent: true,
        };
        assert!(check_letter(&l, &cats()).is_empty());
    }
}
