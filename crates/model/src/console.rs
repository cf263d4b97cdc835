//! What the station console's server and its browser app say to each other (issue 15): the
//! JSON of `/api/…`. Plain types, shared by `deputy-console` (native) and the console app, so
//! the two cannot disagree on a field. The rules behind them (the letter state machine, ingest's
//! checks, the build) are the data tool's; these are only their views.

use serde::{Deserialize, Serialize};

use crate::message::MessageEvent;

/// `POST /api/session`: sign in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignIn {
    pub name: String,
    pub password: String,
}

/// `GET /api/session` and the answer to a sign-in: who is signed in, and the token every change
/// must carry in `X-CSRF-Token`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub staff: String,
    pub csrf: String,
}

/// Every refusal: a sentence for the clerk, in Chinese.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ApiError {
    pub message: String,
}

/// Who wrote a letter, from the submission the station keeps (`SRC/received/`): shown to
/// signed-in staff only, never published.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Writer {
    pub name: String,
    pub phone: String,
}

/// One letter in the console's queue (`GET /api/letters`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LetterRow {
    pub receipt_code: String,
    pub deputy_name: String,
    pub subject: String,
    pub category: String,
    /// The letter's text when the writer allowed it to be public; staff read the full text in
    /// `content_private` either way.
    pub content_private: String,
    /// 已提交, 已转交, 已答复, 已评价, 重新办理.
    pub state: String,
    /// Whether the station still owes a reply (已提交, 已转交, 重新办理).
    pub open: bool,
    /// Whole days since the letter was received, in Beijing time.
    pub days: i64,
    /// The letter and its reply are in the public Q&A.
    pub public: bool,
    /// The writer agreed to that (the station may still keep a letter out).
    pub consent: bool,
    pub writer: Writer,
    pub events: Vec<MessageEvent>,
    /// The number of events: a step names the version it was made on, and a letter changed
    /// meanwhile (another browser) refuses it instead of overwriting.
    pub version: usize,
}

/// `POST /api/letters/{code}`: one handling step on a letter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LetterStep {
    pub version: usize,
    /// The day it happened (`YYYY-MM-DD`), empty for now: see [`step_time`].
    #[serde(default)]
    pub at: String,
    #[serde(flatten)]
    pub step: LetterAction,
}

/// One step on a letter, the same for the command line (`reply SRC letter CODE`) and the
/// console.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum LetterAction {
    Forward {
        department: String,
    },
    Reply {
        by: String,
        text: String,
    },
    /// In the public Q&A or not (public only with the writer's consent).
    Public {
        public: bool,
    },
}

/// One submission waiting in the inbox (`GET /api/inbox`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InboxItem {
    pub receipt_code: String,
    /// `message`, `comment`, `suggestion`, … (`SubmissionKind`), or empty when unreadable.
    pub kind: String,
    /// When it was sent (RFC 3339), or empty when unreadable.
    pub created_at: String,
    /// The submission's own short line ("致 娜仁其其格：小区路灯不亮").
    pub title: String,
    /// Why an earlier ingest refused it; empty when it has not been tried.
    pub refused: String,
}

/// A deputy's act held because it came without proof (`GET /api/held`): a suggestion, co-sign
/// or training report from the public inbox, or with a signature that does not verify. Never
/// published nor counted until confirmed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeldRow {
    pub receipt_code: String,
    /// 代表建议, 联名确认, 培训报告.
    pub kind: String,
    pub title: String,
    /// Why it is held.
    pub reason: String,
    /// The deputy it names (the lead, the co-signer); empty for a training report.
    pub deputy_id: String,
    pub deputy_name: String,
}

/// `POST /api/held/{code}`: what the clerk decided, after checking with the deputy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum HeldAction {
    /// Checked with the deputy by other means (written down); a training report names its deputy.
    Confirm {
        how: String,
        #[serde(default)]
        deputy: Option<String>,
    },
    /// Not the deputy's: set aside with the reason.
    Drop { reason: String },
}

/// A submission file the clerk chose (from e-mail, a download): `POST /api/inbox/files`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UploadedFile {
    pub name: String,
    pub text: String,
}

/// `POST /api/inbox/files`: files to ingest, and for training reports (which carry no name)
/// the deputy they are of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Upload {
    pub files: Vec<UploadedFile>,
    #[serde(default)]
    pub deputy: Option<String>,
}

/// The answer to a change: one line for the clerk (导入 2 件 …, 已转交 …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Done {
    pub message: String,
}

/// The answer to an ingest (`POST /api/inbox/ingest`, `/api/inbox/files`): the line and each
/// submission's outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IngestRun {
    pub message: String,
    pub outcomes: Vec<IngestOutcome>,
}

/// `GET /api/deputies`: a deputy a file can be of (a training report sent by e-mail says
/// whose it is only in its sender), for the picker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeputyChoice {
    pub id: String,
    pub name: String,
    pub level: crate::deputy::Level,
    /// The place they represent (临河区, 乌拉特前旗第三选区 …).
    pub region: String,
}

/// The result of one submission in an ingest (`POST /api/inbox/ingest`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IngestOutcome {
    pub receipt_code: String,
    pub accepted: bool,
    /// What was done (已导入 …) or why it was refused.
    pub message: String,
}

/// Where a build or publish is (`GET /api/publish/progress`, asked while it runs): its phase
/// (生成网站数据, 上传新文件 …) and how many of the phase's files are done.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PublishProgress {
    /// Whether a build, publish or rollback is running.
    pub running: bool,
    /// The current (or last) phase, empty before the first.
    pub phase: String,
    pub done: u64,
    /// The phase's files, 0 when not known yet.
    pub total: u64,
}

/// At most this many file names per list in a [`PublishSummary`] (a first publish at national
/// scale is millions of files; the totals say how many).
pub const LISTED: usize = 200;

/// What publishing would change for the public (`GET /api/publish`), or did change.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PublishSummary {
    /// How many files are new, replaced and removed.
    pub totals: [usize; 3],
    /// The first [`LISTED`] of each, by name.
    pub added: Vec<String>,
    pub changed: Vec<String>,
    pub removed: Vec<String>,
    /// Letters whose reply becomes visible under their receipt code.
    pub replies: Vec<String>,
    /// One line for the clerk, e.g. the build's and the deploy's report.
    pub report: String,
}

/// `GET /api/suggestions`: the suggestions, overdue first, and the units the station has
/// assigned before (the list a unit is picked from).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SuggestionQueue {
    pub suggestions: Vec<SuggestionRow>,
    pub units: Vec<String>,
}

/// One suggestion with its deadline clock and the steps the rules allow next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SuggestionRow {
    pub id: String,
    pub title: String,
    pub lead: String,
    /// 已提交, 已立案, 已交办, 办理中, 已答复, 已评价, 重办中, 已办结.
    pub status: String,
    /// The reply's due date (`YYYY-MM-DD`) while one is awaited.
    pub due: Option<String>,
    /// Days left until then; negative when overdue.
    pub days_left: Option<i64>,
    pub events: Vec<crate::suggestion::SuggestionEvent>,
    /// `register`, `assign`, `extend`, `progress`, `answer`, `rate`, `reopen`, `close`: only
    /// what the state machine allows now (`suggestion::next_steps`).
    pub next: Vec<String>,
    pub version: usize,
}

/// `POST /api/suggestions/{id}`: one handling step, on the version the clerk saw.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SuggestionStep {
    pub version: usize,
    /// The day it happened (`YYYY-MM-DD`), empty for now: see [`step_time`].
    #[serde(default)]
    pub at: String,
    #[serde(flatten)]
    pub action: SuggestionAction,
}

/// When a step the clerk enters took place (the command line's `--at`): a department's answer
/// on paper is entered days later, and the deadline clock must count from the day it came. `at`
/// is that day (`YYYY-MM-DD`) or empty. Today (Beijing time) or empty is this moment; an
/// earlier day is noon of that day, Beijing time; a later day has not happened and is refused.
/// (The rules still refuse a step dated before the item's last one.)
pub fn step_time(at: &str, now: time::OffsetDateTime) -> Result<time::OffsetDateTime, String> {
    let at = at.trim();
    if at.is_empty() {
        return Ok(now);
    }
    let day = crate::clock::parse_date(at).ok_or_else(|| format!("办理日期“{at}”不是 YYYY-MM-DD 格式的日期"))?;
    let today = crate::clock::shanghai_date(now);
    if day > today {
        return Err(format!("办理日期 {at} 还没有到：只能记录今天或以前办理的事"));
    }
    if day == today {
        return Ok(now);
    }
    Ok(day.with_time(time::macros::time!(12:00)).assume_offset(crate::clock::SHANGHAI))
}

/// One handling step of a suggestion, the same for the command line (`reply SRC suggestion ID
/// STEP`) and the console.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum SuggestionAction {
    Register,
    Assign {
        lead_unit: String,
        #[serde(default)]
        co_units: Vec<String>,
    },
    Extend {
        months: u32,
        reason: String,
    },
    Progress {
        note: String,
    },
    Answer {
        /// The unit answering; the lead unit when not given.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
        result: crate::suggestion::ResultClass,
        text: String,
    },
    Rate {
        rating: crate::message::Rating,
        #[serde(default)]
        comment: String,
    },
    Reopen {
        reason: String,
    },
    Close,
}

impl SuggestionAction {
    /// The step's name, as in [`SuggestionRow::next`] and the audit log (`suggestion-…`).
    pub fn name(&self) -> &'static str {
        match self {
            SuggestionAction::Register => "register",
            SuggestionAction::Assign { .. } => "assign",
            SuggestionAction::Extend { .. } => "extend",
            SuggestionAction::Progress { .. } => "progress",
            SuggestionAction::Answer { .. } => "answer",
            SuggestionAction::Rate { .. } => "rate",
            SuggestionAction::Reopen { .. } => "reopen",
            SuggestionAction::Close => "close",
        }
    }
}

/// `GET /api/consultations`: each consultation with its articles and every comment received
/// (published or not).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConsultationRow {
    pub id: String,
    pub title: String,
    /// 征求意见中, 意见汇总中, 已公布结果.
    pub phase: String,
    pub opens: String,
    pub closes: String,
    /// (number, text) of each draft article, for the adoption form's list.
    pub articles: Vec<(u32, String)>,
    pub comments: Vec<CommentRow>,
    /// Results can be published now (the period is over, none published yet).
    pub can_publish_result: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommentRow {
    pub receipt_code: String,
    /// The draft article; 0 for the whole draft.
    pub article: u32,
    pub text: String,
    pub at: String,
    pub published: bool,
}

/// One article's result, as the clerk writes it: the comments that led to it by receipt code.
/// (The command line's adoption file has the same lines.)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdoptionInput {
    pub article: u32,
    pub result: crate::consult::AdoptionResult,
    pub reason: String,
    #[serde(default)]
    pub comments: Vec<String>,
}

/// `POST /api/consultations/{id}/result`: the adoption and, optionally, the final text (plain
/// legal text). With `preview`, nothing is saved: the answer shows the article-by-article
/// result as the public will see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultRequest {
    pub adoption: Vec<AdoptionInput>,
    #[serde(default)]
    pub final_text: Option<String>,
    #[serde(default)]
    pub preview: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultPreview {
    pub message: String,
    pub changes: Vec<crate::consult::ArticleChange>,
}

#[cfg(test)]
mod tests {
    use super::step_time;
    use time::macros::datetime;

    #[test]
    fn a_step_is_now_today_noon_on_an_earlier_day_and_never_later() {
        // 00:30 on 12-06 in Beijing is still 12-05 in UTC: the day is Beijing's.
        let now = datetime!(2026-12-05 16:30 UTC);
        assert_eq!(step_time("", now), Ok(now));
        assert_eq!(step_time(" 2026-12-06 ", now), Ok(now));
        assert_eq!(step_time("2026-12-01", now), Ok(datetime!(2026-12-01 12:00 +8)));
        assert!(step_time("2026-12-07", now).unwrap_err().contains("还没有到"));
        assert!(step_time("2026-13-01", now).unwrap_err().contains("YYYY-MM-DD"));
        assert!(step_time("12/01/2026", now).unwrap_err().contains("YYYY-MM-DD"));
    }
}
