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

// ---------- the handling ----------

/// 答复 result class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum ResultClass {
    /// 已解决或采纳
    A,
    /// 正在解决或列入计划
    B,
    /// 因条件限制留作参考
    C,
}

/// One step of the handling, in order; dates `YYYY-MM-DD` in Asia/Shanghai.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum SuggestionEvent {
    /// 提交
    Submitted { date: String },
    /// 立案 (registered after review)
    Registered { date: String },
    /// 交办: the lead unit (主办) and helper units (协办).
    Assigned {
        date: String,
        lead_unit: String,
        #[serde(default)]
        co_units: Vec<String>,
    },
    /// 延期: the reply is due `months` after 交办 instead of three (at most six), for a reason.
    Extended { date: String, months: u32, reason: String },
    /// 办理中: the unit has started, with a note of what it does.
    InProgress { date: String, note: String },
    /// 答复
    Replied { date: String, unit: String, result: ResultClass, text: String },
    /// 代表评价
    Rated {
        date: String,
        rating: Rating,
        #[serde(default)]
        comment: String,
    },
    /// 重办 after 不满意
    Reopened { date: String, reason: String },
    /// 办结
    Closed { date: String },
}

impl SuggestionEvent {
    pub fn date(&self) -> &str {
        match self {
            SuggestionEvent::Submitted { date }
            | SuggestionEvent::Registered { date }
            | SuggestionEvent::Assigned { date, .. }
            | SuggestionEvent::Extended { date, .. }
            | SuggestionEvent::InProgress { date, .. }
            | SuggestionEvent::Replied { date, .. }
            | SuggestionEvent::Rated { date, .. }
            | SuggestionEvent::Reopened { date, .. }
            | SuggestionEvent::Closed { date } => date,
        }
    }
}

/// Where a suggestion is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// 已提交 (awaiting review)
    Submitted,
    /// 已立案
    Registered,
    /// 已交办
    Assigned,
    /// 办理中
    InProgress,
    /// 已答复 (awaiting the deputy's rating)
    Replied,
    /// 已评价
    Rated,
    /// 重办中
    Rehandling,
    /// 已办结
    Closed,
}

impl Status {
    pub const ALL: [Status; 8] = [
        Status::Submitted,
        Status::Registered,
        Status::Assigned,
        Status::InProgress,
        Status::Replied,
        Status::Rated,
        Status::Rehandling,
        Status::Closed,
    ];

    /// The URL and file key.
    pub fn key(self) -> &'static str {
        match self {
            Status::Submitted => "submitted",
            Status::Registered => "registered",
            Status::Assigned => "assigned",
            Status::InProgress => "in_progress",
            Status::Replied => "replied",
            Status::Rated => "rated",
            Status::Rehandling => "rehandling",
            Status::Closed => "closed",
        }
    }

    pub fn from_key(key: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.key() == key)
    }

    /// Waiting for a unit's (new) reply: the deadline clock runs.
    pub fn awaits_reply(self) -> bool {
        matches!(self, Status::Assigned | Status::InProgress | Status::Rehandling)
    }
}

/// An event the state machine refuses, with its index in `events`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransitionError {
    pub index: usize,
    pub message: String,
}

/// What the events say, walked through the state machine once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handling {
    pub status: Status,
    /// When the clock for the current reply started (交办, or 重办), and how many months it runs.
    pub clock_start: Option<Date>,
    pub clock_months: u32,
    pub extension_reason: Option<String>,
    /// Replies given on time, and all replies (for the on-time rate).
    pub replies_on_time: u32,
    pub replies: u32,
}

/// Calendar months later, keeping the day or falling back to the month's last day
/// (01-31 + 1 month → 02-28/29; 2025-11-30 + 3 → 2026-02-28).
pub fn add_months(d: Date, months: u32) -> Date {
    let total = d.year() * 12 + (d.month() as i32 - 1) + months as i32;
    let (year, month0) = (total.div_euclid(12), total.rem_euclid(12));
    let month = Month::try_from(month0 as u8 + 1).unwrap_or(Month::January);
    let last = time::util::days_in_month(month, year);
    Date::from_calendar_date(year, month, d.day().min(last)).unwrap_or(d)
}

/// Walk the events: each must be allowed from the state before it, dates must not go back.
pub fn handling(events: &[SuggestionEvent]) -> Result<Handling, TransitionError> {
    use SuggestionEvent as E;
    let err = |index: usize, message: &str| Err(TransitionError { index, message: message.to_string() });
    let mut h = Handling {
        status: Status::Submitted,
        clock_start: None,
        clock_months: 0,
        extension_reason: None,
        replies_on_time: 0,
        replies: 0,
    };
    let mut last_date: Option<Date> = None;
    let mut rating: Option<Rating> = None;
    let mut reopened = false;
    for (i, ev) in events.iter().enumerate() {
        let Some(date) = clock::parse_date(ev.date()) else {
            return err(i, "日期不是 YYYY-MM-DD 格式");
        };
        if last_date.is_some_and(|l| date < l) {
            return err(i, "日期早于上一步");
        }
        last_date = Some(date);
        let s = h.status;
        match ev {
            E::Submitted { .. } => {
                if i != 0 {
                    return err(i, "“提交”只能是第一步");
                }
            }
            _ if i == 0 => return err(i, "第一步必须是“提交”"),
            E::Registered { .. } if s == Status::Submitted => h.status = Status::Registered,
            E::Registered { .. } => return err(i, "只有刚提交的建议才能立案"),
            E::Assigned { lead_unit, .. } if s == Status::Registered => {
                if lead_unit.trim().is_empty() {
                    return err(i, "交办必须有主办单位");
                }
                h.status = Status::Assigned;
                h.clock_start = Some(date);
                h.clock_months = REPLY_MONTHS;
            }
            E::Assigned { .. } => return err(i, "只有立案后才能交办"),
            E::Extended { months, reason, .. } if matches!(s, Status::Assigned | Status::InProgress) => {
                if *months <= REPLY_MONTHS || *months > MAX_REPLY_MONTHS {
                    return err(i, "延期后的答复期限须在 4 至 6 个月之间");
                }
                if h.extension_reason.is_some() {
                    return err(i, "只能延期一次");
                }
                if reason.trim().is_empty() {
                    return err(i, "延期必须说明理由");
                }
                h.clock_months = *months;
                h.extension_reason = Some(reason.clone());
            }
            E::Extended { .. } => return err(i, "只有交办后、答复前才能延期"),
            E::InProgress { .. } if matches!(s, Status::Assigned | Status::Rehandling) => {
                // 重办 stays 重办 until the new reply; a first 办理中 follows 交办.
                if s == Status::Assigned {
                    h.status = Status::InProgress;
                }
            }
            E::InProgress { .. } => return err(i, "只有交办后或重办时才能办理"),
            E::Replied { .. } if s.awaits_reply() => {
                h.replies += 1;
                if h.clock_start.is_some_and(|start| date <= add_months(start, h.clock_months)) {
                    h.replies_on_time += 1;
                }
                h.status = Status::Replied;
                h.clock_start = None;
            }
            E::Replied { .. } => return err(i, "只有交办后才能答复"),
            E::Rated { rating: r, .. } if s == Status::Replied => {
                rating = Some(*r);
                h.status = Status::Rated;
            }
            E::Rated { .. } => return err(i, "没有待评价的答复"),
            E::Reopened { .. } if s == Status::Rated && rating == Some(Rating::Unsatisfied) => {
                if reopened {
                    return err(i, "只能重办一次");
                }
                reopened = true;
                h.status = Status::Rehandling;
                h.clock_start = Some(date);
                h.clock_months = REHANDLE_MONTHS;
            }
            E::Reopened { .. } => return err(i, "只有代表评价“不满意”后才能重办"),
            E::Closed { .. } if s == Status::Rated => {
                if rating == Some(Rating::Unsatisfied) && !reopened {
                    return err(i, "评价“不满意”的建议须先重办，不能直接办结");
                }
                h.status = Status::Closed;
            }
            E::Closed { .. } => return err(i, "只有代表评价后才能办结"),
        }
    }
    if events.is_empty() {
        return err(0, "没有任何办理记录");
    }
    Ok(h)
}

/// The deadline of an open item, for a given "today" (Asia/Shanghai).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlineClock {
    pub due: Date,
    /// Days left including neither end (0 on the due day); negative when overdue.
    pub days_left: i64,
    pub extension_reason: Option<String>,
    /// Whether the clock is for a re-handling (重办) reply.
    pub rehandling: bool,
}

impl DeadlineClock {
    pub fn overdue(&self) -> bool {
        self.days_left < 0
    }
}

impl Handling {
    /// The reply's due date while one is awaited.
    pub fn due(&self) -> Option<Date> {
        if !self.status.awaits_reply() {
            return None;
        }
        Some(add_months(self.clock_start?, self.clock_months))
    }

    pub fn deadline(&self, today: Date) -> Option<DeadlineClock> {
        let due = self.due()?;
        Some(DeadlineClock {
            due,
            days_left: (due - today).whole_days(),
            extension_reason: if self.status == Status::Rehandling { None } else { self.extension_reason.clone() },
            rehandling: self.status == Status::Rehandling,
        })
    }
}

// ---------- published suggestions ----------

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Signer {
    pub deputy_id: String,
    pub name: String,
    /// Co-signers confirm; the lead is always confirmed.
    pub confirmed: bool,
}

/// The letter (直通代表) a suggestion grew out of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FromMessage {
    /// The public Q&A id (`m-…`).
    pub id: String,
    pub subject: String,
    /// The deputy whose Q&A shows it.
    pub deputy_id: String,
}

/// One line of a list: what filters and cards need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SuggestionSummary {
    /// `{year}-{nnnn}`
    pub id: String,
    pub title: String,
    pub category: String,
    pub year: i32,
    pub lead: String,
    pub status: Status,
    pub submitted: String,
    /// 主办单位 once assigned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_unit: Option<String>,
    /// The reply's due date while one is awaited (derived from the events; the days left are
    /// computed in the app from today).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
}

/// `data/suggestions/{id}.json`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Suggestion {
    pub format_version: u32,
    pub id: String,
    pub title: String,
    pub category: String,
    pub lead: Signer,
    #[serde(default)]
    pub cosigners: Vec<Signer>,
    /// 情况, in paragraphs.
    pub facts: Vec<String>,
    /// 分析, in paragraphs.
    pub analysis: Vec<String>,
    /// 具体意见, numbered in display.
    pub proposals: Vec<String>,
    /// The unit the deputy suggested for handling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggested_unit: Option<String>,
    /// Attachments by reference (title or file name).
    #[serde(default)]
    pub attachments: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_message: Option<FromMessage>,
    /// A news article about its handling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub news_id: Option<String>,
    pub events: Vec<SuggestionEvent>,
}

impl Suggestion {
    pub fn handling(&self) -> Result<Handling, TransitionError> {
        handling(&self.events)
    }

    pub fn submitted(&self) -> &str {
        self.events.first().map(|e| e.date()).unwrap_or("")
    }

    pub fn year(&self) -> i32 {
        self.submitted().get(..4).and_then(|y| y.parse().ok()).unwrap_or(0)
    }

    pub fn lead_unit(&self) -> Option<&str> {
        self.events.iter().find_map(|e| match e {
            SuggestionEvent::Assigned { lead_unit, .. } => Some(lead_unit.as_str()),
            _ => None,
        })
    }

    pub fn last_rating(&self) -> Option<Rating> {
        self.events.iter().rev().find_map(|e| match e {
            SuggestionEvent::Rated { rating, .. } => Some(*rating),
            _ => None,
        })
    }

    pub fn summary(&self) -> Option<SuggestionSummary> {
        let h = self.handling().ok()?;
        Some(SuggestionSummary {
            id: self.id.clone(),
            title: self.title.clone(),
            category: self.category.clone(),
            year: self.year(),
            lead: self.lead.name.clone(),
            status: h.status,
            submitted: self.submitted().to_string(),
            lead_unit: self.lead_unit().map(str::to_string),
            due: h.due().map(clock::format_date),
            rating: self.last_rating(),
        })
    }
}

/// `data/suggestions/index.json`: what the filter form offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SuggestionIndex {
    pub format_version: u32,
    /// Newest first.
    pub years: Vec<i32>,
    pub categories: Vec<String>,
    pub units: Vec<String>,
}

/// `data/suggestions/year/{year}.json`: every suggestion of one year, newest first — one
/// small file per list view (a year holds some hundred lines).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SuggestionYear {
    pub format_version: u32,
    pub year: i32,
    pub suggestions: Vec<SuggestionSummary>,
}

// ---------- summaries ----------

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Count {
    pub key: String,
    pub count: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnitStats {
    pub unit: String,
    /// Suggestions it leads (主办).
    pub assigned: u32,
    pub replies: u32,
    pub replies_on_time: u32,
    pub satisfied: u32,
    pub basically: u32,
    pub unsatisfied: u32,
}

impl UnitStats {
    /// Whole percent of replies given on time; None without replies.
    pub fn on_time_percent(&self) -> Option<u32> {
        percent(self.replies_on_time, self.replies)
    }

    /// Whole percent of ratings that were 满意 or 基本满意.
    pub fn satisfied_percent(&self) -> Option<u32> {
        percent(self.satisfied + self.basically, self.satisfied + self.basically + self.unsatisfied)
    }
}

fn percent(part: u32, whole: u32) -> Option<u32> {
    (whole > 0).then(|| ((part as f64) * 100.0 / whole as f64).round() as u32)
}

/// `data/suggestions/stats/{year}.json`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct YearSummary {
    pub format_version: u32,
    pub year: i32,
    pub total: u32,
    /// Status keys in workflow order, every status listed.
    pub by_status: Vec<Count>,
    /// Categories, most first.
    pub by_category: Vec<Count>,
    /// Lead units, most suggestions first.
    pub by_unit: Vec<UnitStats>,
}

/// Counts of one year's suggestions (by submission year). Items whose handling is invalid
/// are left out (validation reports them).
pub fn summarize(year: i32, items: &[Suggestion]) -> YearSummary {
    let mine: Vec<(&Suggestion, Handling)> =
        items.iter().filter(|s| s.year() == year).filter_map(|s| s.handling().ok().map(|h| (s, h))).collect();
    let by_status = Status::ALL
        .iter()
        .map(|st| Count { key: st.key().into(), count: mine.iter().filter(|(_, h)| h.status == *st).count() as u32 })
        .collect();
    let mut by_category: Vec<Count> = Vec::new();
    let mut by_unit: Vec<UnitStats> = Vec::new();
    for (s, h) in &mine {
        match by_category.iter_mut().find(|c| c.key == s.category) {
            Some(c) => c.count += 1,
            None => by_category.push(Count { key: s.category.clone(), count: 1 }),
        }
        let Some(unit) = s.lead_unit() else { continue };
        let idx = match by_unit.iter().position(|u| u.unit == unit) {
            Some(i) => i,
            None => {
                by_unit.push(UnitStats { unit: unit.to_string(), ..Default::default() });
                by_unit.len() - 1
            }
        };
        let u = &mut by_unit[idx];
        u.assigned += 1;
        u.replies += h.replies;
        u.replies_on_time += h.replies_on_time;
        for e in &s.events {
            if let SuggestionEvent::Rated { rating, .. } = e {
                match rating {
                    Rating::Satisfied => u.satisfied += 1,
                    Rating::Basically => u.basically += 1,
                    Rating::Unsatisfied => u.unsatisfied += 1,
                }
            }
        }
    }
    by_category.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    by_unit.sort_by(|a, b| b.assigned.cmp(&a.assigned).then_with(|| a.unit.cmp(&b.unit)));
    YearSummary {
        format_version: crate::FORMAT_VERSION,
        year,
        total: mine.len() as u32,
        by_status,
        by_category,
        by_unit,
    }
}

// ---------- writing: the deputy's draft ----------

pub const MAX_TITLE: usize = 60;
pub const MAX_PART: usize = 3000;
pub const MAX_PROPOSAL: usize = 500;
pub const MAX_PROPOSALS: usize = 10;
/// The exclusions the deputy confirms before submitting (the form shows each as a checkbox).
pub const EXCLUSIONS: usize = 4;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DraftCosigner {
    pub deputy_id: String,
    pub name: String,
    pub confirmed: bool,
}

/// A suggestion being written, as the device keeps it (several can be kept).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub id: String,
    pub title: String,
    pub category: String,
    pub lead_id: String,
    pub lead_name: String,
    pub facts: String,
    pub analysis: String,
    /// One proposal a line; shown numbered.
    pub proposals: String,
    pub suggested_unit: String,
    /// One reference a line.
    pub attachments: String,
    #[serde(default)]
    pub cosigners: Vec<DraftCosigner>,
    /// Each exclusion confirmed (not personal, not a petition, not in court, not promotion).
    #[serde(default)]
    pub exclusions: [bool; EXCLUSIONS],
    #[serde(default)]
    pub from_message: Option<String>,
    #[serde(default)]
    pub from_subject: Option<String>,
    /// The deputy whose Q&A shows that letter (for the link back).
    #[serde(default)]
    pub from_deputy: Option<String>,
    pub updated_at: String,
    /// The receipt code once submitted.
    #[serde(default)]
    pub receipt: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftProblem {
    NoTitle,
    TitleTooLong,
    NoCategory,
    NoLead,
    NoFacts,
    FactsTooLong,
    NoAnalysis,
    AnalysisTooLong,
    NoProposals,
    ProposalTooLong,
    TooManyProposals,
    /// An exclusion not yet confirmed (index into the checklist).
    Exclusion(usize),
}

/// The proposals, one a line, without blank lines or a leading "1." the deputy typed.
pub fn proposal_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| {
            let t = l.trim();
            let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
            let rest = &t[digits..];
            if digits > 0 && (rest.starts_with('.') || rest.starts_with('、') || rest.starts_with('．')) {
                rest.trim_start_matches(['.', '、', '．']).trim().to_string()
            } else {
                t.to_string()
            }
        })
        .filter(|l| !l.is_empty())
        .collect()
}

/// Everything that keeps a draft from being submitted, in form order.
pub fn draft_problems(d: &Draft) -> Vec<DraftProblem> {
    use DraftProblem as P;
    let mut p = Vec::new();
    let n = |s: &str| s.trim().chars().count();
    match n(&d.title) {
        0 => p.push(P::NoTitle),
        c if c > MAX_TITLE => p.push(P::TitleTooLong),
        _ => {}
    }
    if !CATEGORIES.contains(&d.category.as_str()) {
        p.push(P::NoCategory);
    }
    if d.lead_id.trim().is_empty() {
        p.push(P::NoLead);
    }
    match n(&d.facts) {
        0 => p.push(P::NoFacts),
        c if c > MAX_PART => p.push(P::FactsTooLong),
        _ => {}
    }
    match n(&d.analysis) {
        0 => p.push(P::NoAnalysis),
        c if c > MAX_PART => p.push(P::AnalysisTooLong),
        _ => {}
    }
    let lines = proposal_lines(&d.proposals);
    if lines.is_empty() {
        p.push(P::NoProposals);
    } else if lines.len() > MAX_PROPOSALS {
        p.push(P::TooManyProposals);
    }
    if lines.iter().any(|l| l.chars().count() > MAX_PROPOSAL) {
        p.push(P::ProposalTooLong);
    }
    for (i, ok) in d.exclusions.iter().enumerate() {
        if !ok {
            p.push(P::Exclusion(i));
        }
    }
    p
}

/// The short code a co-signer's confirmation page shows and the lead types into the draft:
/// six digits derived from (draft id, co-signer id), so both sides compute it without a server.
pub fn cosign_code(draft_id: &str, cosigner_id: &str) -> String {
    // FNV-1a, 64 bit: stable across platforms and versions (unlike std's hasher).
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in draft_id.bytes().chain([0u8]).chain(cosigner_id.bytes()) {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:06}", h % 1_000_000)
}

/// Whether a typed code confirms that co-signer (spaces and dashes ignored).
pub fn cosign_code_matches(draft_id: &str, cosigner_id: &str, typed: &str) -> bool {
    let digits: String = typed.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
    digits == cosign_code(draft_id, cosigner_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        clock::parse_date(s).unwrap()
    }

    fn ev_sub(date: &str) -> SuggestionEvent {
        SuggestionEvent::Submitted { date: date.into() }
    }
    fn ev_reg(date: &str) -> SuggestionEvent {
        SuggestionEvent::Registered { date: date.into() }
    }
    fn ev_asg(date: &str) -> SuggestionEvent {
        SuggestionEvent::Assigned {
            date: date.into(), lead_unit: "市农牧局".into(), co_units: vec!["市财政局".into()]
        }
    }
    fn ev_rep(date: &str) -> SuggestionEvent {
        SuggestionEvent::Replied {
            date: date.into(),
            unit: "市农牧局".into(),
            result: ResultClass::B,
            text: "已列入计划".into(),
        }
    }
    fn ev_rate(date: &str, rating: Rating) -> SuggestionEvent {
        SuggestionEvent::Rated { date: date.into(), rating, comment: String::new() }
    }

    #[test]
    fn months_at_month_end() {
        assert_eq!(add_months(d("2025-01-31"), 1), d("2025-02-28"));
        assert_eq!(add_months(d("2024-01-31"), 1), d("2024-02-29"));
        assert_eq!(add_months(d("2025-01-31"), 3), d("2025-04-30"));
        assert_eq!(add_months(d("2025-11-30"), 3), d("2026-02-28"));
        assert_eq!(add_months(d("2025-08-31"), 6), d("2026-02-28"));
        assert_eq!(add_months(d("2025-03-15"), 3), d("2025-06-15"));
        assert_eq!(add_months(d("2025-12-31"), 2), d("2026-02-28"));
    }

    #[test]
    fn deadline_clock_from_assignment() {
        let events = vec![ev_sub("2025-01-10"), ev_reg("2025-01-20"), ev_asg("2025-01-31")];
        let h = handling(&events).unwrap();
        assert_eq!(h.status, Status::Assigned);
        // Due three months after 交办 on 01-31: the last day of April.
        assert_eq!(h.due(), Some(d("2025-04-30")));
        let c = h.deadline(d("2025-04-20")).unwrap();
        assert_eq!((c.days_left, c.overdue()), (10, false));
        assert_eq!(h.deadline(d("2025-04-30")).unwrap().days_left, 0);
        let late = h.deadline(d("2025-05-03")).unwrap();
        assert_eq!((late.days_left, late.overdue()), (-3, true));
    }

    #[test]
    fn today_is_the_shanghai_date() {
        let events = vec![ev_sub("2025-01-10"), ev_reg("2025-01-20"), ev_asg("2025-01-31")];
        let h = handling(&events).unwrap();
        // 2025-04-30 17:00 UTC is already 05-01 in Shanghai: one day overdue.
        let today = clock::shanghai_date(clock::parse_timestamp("2025-04-30T17:00:00Z").unwrap());
        assert_eq!(h.deadline(today).unwrap().days_left, -1);
        let today = clock::shanghai_date(clock::parse_timestamp("2025-04-30T15:59:00Z").unwrap());
        assert_eq!(h.deadline(today).unwrap().days_left, 0);
    }

    #[test]
    fn extension_moves_the_due_date_and_keeps_the_reason() {
        let mut events = vec![ev_sub("2025-01-10"), ev_reg("2025-01-20"), ev_asg("2025-01-31")];
        events.push(SuggestionEvent::Extended {
            date: "2025-04-01".into(), months: 6, reason: "需跨年度预算".into()
        });
        let h = handling(&events).unwrap();
        assert_eq!(h.due(), Some(d("2025-07-31")));
        assert_eq!(h.deadline(d("2025-07-01")).unwrap().extension_reason.as_deref(), Some("需跨年度预算"));
        // More than six months, a second extension, or no reason: refused.
        let mut bad = events.clone();
        bad.push(SuggestionEvent::Extended { date: "2025-05-01".into(), months: 6, reason: "再延".into() });
        assert!(handling(&bad).is_err());
        let mut bad = events[..3].to_vec();
        bad.push(SuggestionEvent::Extended { date: "2025-04-01".into(), months: 7, reason: "x".into() });
        assert!(handling(&bad).is_err());
        let mut bad = events[..3].to_vec();
        bad.push(SuggestionEvent::Extended { date: "2025-04-01".into(), months: 5, reason: " ".into() });
        assert!(handling(&bad).is_err());
    }

    #[test]
    fn full_cycle_with_rehandling() {
        let events = vec![
            ev_sub("2025-01-10"),
            ev_reg("2025-01-20"),
            ev_asg("2025-01-31"),
            SuggestionEvent::InProgress { date: "2025-02-10".into(), note: "调研".into() },
            ev_rep("2025-05-06"), // late: due 04-30
            ev_rate("2025-05-10", Rating::Unsatisfied),
            SuggestionEvent::Reopened { date: "2025-05-12".into(), reason: "未落实".into() },
        ];
        let h = handling(&events).unwrap();
        assert_eq!(h.status, Status::Rehandling);
        assert_eq!(h.due(), Some(d("2025-07-12")));
        assert!(h.deadline(d("2025-07-01")).unwrap().rehandling);
        let mut all = events.clone();
        all.extend([ev_rep("2025-07-01"), ev_rate("2025-07-05", Rating::Basically)]);
        all.push(SuggestionEvent::Closed { date: "2025-07-06".into() });
        let h = handling(&all).unwrap();
        assert_eq!(h.status, Status::Closed);
        assert_eq!((h.replies, h.replies_on_time), (2, 1));
        assert_eq!(h.deadline(d("2025-08-01")), None);
    }

    #[test]
    fn illegal_transitions_are_refused() {
        let base = vec![ev_sub("2025-01-10"), ev_reg("2025-01-20"), ev_asg("2025-01-31")];
        let cases: Vec<(Vec<SuggestionEvent>, usize)> = vec![
            // Reply before 交办.
            (vec![ev_sub("2025-01-10"), ev_rep("2025-01-12")], 1),
            // Not starting with 提交.
            (vec![ev_reg("2025-01-10")], 0),
            // 交办 twice.
            ([base.clone(), vec![ev_asg("2025-02-01")]].concat(), 3),
            // Rating without a reply.
            ([base.clone(), vec![ev_rate("2025-02-01", Rating::Satisfied)]].concat(), 3),
            // 重办 after 满意.
            (
                [
                    base.clone(),
                    vec![
                        ev_rep("2025-03-01"),
                        ev_rate("2025-03-02", Rating::Satisfied),
                        SuggestionEvent::Reopened { date: "2025-03-03".into(), reason: "x".into() },
                    ],
                ]
                .concat(),
                5,
            ),
            // 办结 straight after 不满意.
            (
                [
                    base.clone(),
                    vec![
                        ev_rep("2025-03-01"),
                        ev_rate("2025-03-02", Rating::Unsatisfied),
                        SuggestionEvent::Closed { date: "2025-03-03".into() },
                    ],
                ]
                .concat(),
                5,
            ),
            // Dates going back.
            (vec![ev_sub("2025-01-10"), ev_reg("2025-01-09")], 1),
        ];
        for (events, index) in cases {
            let e = handling(&events).unwrap_err();
            assert_eq!(e.index, index, "{events:?}: {}", e.message);
        }
    }

    fn suggestion(id: &str, unit: &str, events: Vec<SuggestionEvent>) -> Suggestion {
        Suggestion {
            format_version: 1,
            id: id.into(),
            title: "t".into(),
            category: if id.ends_with('1') { "工业交通".into() } else { "农林牧渔水利".into() },
            lead: Signer { deputy_id: "d".into(), name: "甲".into(), confirmed: true },
            cosigners: vec![],
            facts: vec![],
            analysis: vec![],
            proposals: vec![],
            suggested_unit: None,
            attachments: vec![],
            from_message: None,
            news_id: None,
            events: events
                .into_iter()
                .map(|mut e| {
                    if let SuggestionEvent::Assigned { lead_unit, .. } = &mut e {
                        *lead_unit = unit.into();
                    }
                    e
                })
                .collect(),
        }
    }

    #[test]
    fn summaries_count_status_category_and_units() {
        let base = vec![ev_sub("2025-01-10"), ev_reg("2025-01-20"), ev_asg("2025-01-31")];
        let items = vec![
            suggestion(
                "2025-0001",
                "甲局",
                [base.clone(), vec![ev_rep("2025-03-01"), ev_rate("2025-03-02", Rating::Satisfied)]].concat(),
            ),
            suggestion(
                "2025-0002",
                "甲局",
                [base.clone(), vec![ev_rep("2025-06-01"), ev_rate("2025-06-02", Rating::Unsatisfied)]].concat(),
            ),
            suggestion("2025-0003", "乙局", base.clone()),
            suggestion("2025-0004", "乙局", vec![ev_sub("2025-02-01")]),
            // Another year, and an invalid one: neither counted.
            suggestion("2024-0001", "甲局", vec![ev_sub("2024-02-01")]),
            suggestion("2025-0005", "甲局", vec![ev_sub("2025-02-01"), ev_rep("2025-02-03")]),
        ];
        let s = summarize(2025, &items);
        assert_eq!(s.total, 4);
        let status = |k: &str| s.by_status.iter().find(|c| c.key == k).unwrap().count;
        assert_eq!((status("rated"), status("assigned"), status("submitted")), (2, 1, 1));
        assert_eq!(s.by_status.len(), Status::ALL.len());
        assert_eq!(s.by_category[0], Count { key: "农林牧渔水利".into(), count: 3 });
        let a = &s.by_unit[0];
        assert_eq!((a.unit.as_str(), a.assigned, a.replies, a.replies_on_time), ("甲局", 2, 2, 1));
        assert_eq!((a.on_time_percent(), a.satisfied_percent()), (Some(50), Some(50)));
        let b = &s.by_unit[1];
        assert_eq!((b.unit.as_str(), b.on_time_percent(), b.satisfied_percent()), ("乙局", None, None));
    }

    fn full_draft() -> Draft {
        Draft {
            id: "d1".into(),
            title: "关于改善乡村道路的建议".into(),
            category: "城乡建设与资源环境".into(),
            lead_id: "city-0001".into(),
            lead_name: "甲".into(),
            facts: "情况".into(),
            analysis: "分析".into(),
            proposals: "1. 第一条\n\n2、第二条\n".into(),
            exclusions: [true; EXCLUSIONS],
            ..Default::default()
        }
    }

    #[test]
    fn draft_checks_each_part() {
        assert_eq!(draft_problems(&full_draft()), vec![]);
        assert_eq!(proposal_lines(&full_draft().proposals), vec!["第一条", "第二条"]);
        let mut d = full_draft();
        d.title = "长".repeat(MAX_TITLE + 1);
        d.category = "不存在".into();
        d.facts = " ".into();
        d.analysis = String::new();
        d.proposals = "\n".into();
        d.exclusions[2] = false;
        use DraftProblem as P;
        assert_eq!(
            draft_problems(&d),
            vec![P::TitleTooLong, P::NoCategory, P::NoFacts, P::NoAnalysis, P::NoProposals, P::Exclusion(2)]
        );
        let mut d = full_draft();
        d.proposals = "长".repeat(MAX_PROPOSAL + 1);
        d.facts = "长".repeat(MAX_PART + 1);
        assert_eq!(draft_problems(&d), vec![P::FactsTooLong, P::ProposalTooLong]);
    }

    #[test]
    fn cosign_codes_are_stable_and_specific() {
        let c = cosign_code("d-1", "city-0002");
        assert_eq!(c.len(), 6);
        assert_eq!(c, cosign_code("d-1", "city-0002"));
        assert_ne!(c, cosign_code("d-1", "city-0003"));
        assert_ne!(c, cosign_code("d-2", "city-0002"));
        assert!(cosign_code_matches("d-1", "city-0002", &format!(" {}-{} ", &c[..3], &c[3..])));
        assert!(!cosign_code_matches("d-1", "city-0003", &c));
    }
}
