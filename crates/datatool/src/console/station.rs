//! The console's work on a source folder: the same functions as `ingest`, `reply`, `build` and
//! `deploy` on the command line, so a step taken in the browser passes the same checks.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};
use deputy_console::station::{Station, StationError};
use deputy_intake::Location;
use deputy_model::clock;
use deputy_model::console::{
    CommentRow, ConsultationRow, InboxItem, IngestOutcome, LISTED, LetterAction, LetterRow, LetterStep, PublishSummary,
    ResultPreview, ResultRequest, SuggestionAction, SuggestionQueue, SuggestionRow, SuggestionStep, UploadedFile,
    Writer,
};
use deputy_model::consult::{Phase, accepts_comments};
use deputy_model::message::{MessageEvent, MessageState, state_name};
use deputy_model::submission::Submission;
use deputy_model::suggestion::{SuggestionEvent, next_steps};
use time::OffsetDateTime;

use crate::ingest::{self, State};
use crate::{deploy, pages, source};

pub struct SourceStation {
    pub src: PathBuf,
    /// The site folder: the app's files with `data/` in it, built here before a publish.
    pub site: PathBuf,
    /// Where a publish goes (a folder or `s3://…`); `None`: the site folder is what is served.
    pub publish_to: Option<String>,
    /// The inbox service's store.
    pub inbox: Option<Location>,
}

impl Station for SourceStation {
    fn letters(&self, now: OffsetDateTime) -> Result<Vec<LetterRow>> {
        let st = State::load(&self.src)?;
        let today = clock::shanghai_date(now);
        let mut rows: Vec<LetterRow> = st
            .world
            .messages
            .iter()
            .map(|m| {
                let state = m.state().ok();
                let received = m.events.first().and_then(|e| clock::parse_timestamp(e.at()));
                let submission = st.received.iter().find(|s| s.receipt_code == m.receipt_code);
                LetterRow {
                    receipt_code: m.receipt_code.clone(),
                    deputy_name: m.deputy_name.clone(),
                    subject: m.subject.clone(),
                    category: m.category.clone(),
                    content_private: submission
                        .and_then(|s| text_of(s, "content"))
                        .or_else(|| m.content.clone())
                        .unwrap_or_default(),
                    state: state.map(state_name).unwrap_or("状态有误").to_string(),
                    open: matches!(
                        state,
                        Some(MessageState::Submitted | MessageState::Forwarded | MessageState::Reopened)
                    ),
                    days: received.map(|r| (today - clock::shanghai_date(r)).whole_days()).unwrap_or(0),
                    public: m.public,
                    consent: submission
                        .map(|s| s.payload.get("publish").and_then(|v| v.as_bool()) == Some(true))
                        .unwrap_or(m.public),
                    writer: submission.map(writer).unwrap_or_default(),
                    events: m.events.clone(),
                    version: m.events.len(),
                }
            })
            .collect();
        // Open letters first, the longest waiting first; then the rest, newest first.
        rows.sort_by(|a, b| b.open.cmp(&a.open).then(if a.open { b.days.cmp(&a.days) } else { a.days.cmp(&b.days) }));
        Ok(rows)
    }

    fn letter_step(&self, code: &str, step: &LetterStep, now: OffsetDateTime) -> Result<String, StationError> {
        let st = State::load(&self.src)?;
        let letter = st
            .world
            .messages
            .iter()
            .find(|m| m.receipt_code == code)
            .ok_or_else(|| StationError::Refused(format!("查询码 {code} 没有对应的来信")))?;
        // Whether it is public is no handling step: it does not depend on what was seen.
        let handling = !matches!(step.step, LetterAction::Public { .. });
        if handling && letter.events.len() != step.version {
            return Err(StationError::Conflict(format!(
                "来信 {code} 刚被别人办理过（现在是“{}”）。请看过它的最新情况再办理；你填写的内容还在",
                letter.state().map(state_name).unwrap_or("?")
            )));
        }
        let cli_step = match &step.step {
            LetterAction::Forward { department } => ingest::Step::Forward { department: department.trim().to_string() },
            LetterAction::Reply { by, text } => {
                ingest::Step::Reply { by: by.trim().to_string(), text: text.trim().to_string() }
            }
            LetterAction::Public { public } => ingest::Step::Public { public: *public },
        };
        ingest::record(&self.src, code, cli_step, &clock::to_rfc3339(now))
            .map_err(|e| StationError::Refused(format!("{e:#}")))
    }

    fn suggestions(&self, now: OffsetDateTime) -> Result<SuggestionQueue> {
        let st = State::load(&self.src)?;
        let today = clock::shanghai_date(now);
        let date = clock::format_date(today);
        let mut units = std::collections::BTreeSet::new();
        let mut rows: Vec<SuggestionRow> = st
            .world
            .suggestions
            .iter()
            .map(|s| {
                for e in &s.events {
                    if let SuggestionEvent::Assigned { lead_unit, co_units, .. } = e {
                        units.insert(lead_unit.clone());
                        units.extend(co_units.iter().cloned());
                    }
                }
                let handling = s.handling().ok();
                let clock = handling.as_ref().and_then(|h| h.deadline(today));
                SuggestionRow {
                    id: s.id.clone(),
                    title: s.title.clone(),
                    lead: s.lead.name.clone(),
                    status: handling.map(|h| ingest::status_name(h.status)).unwrap_or("办理记录有误").to_string(),
                    due: clock.as_ref().map(|c| clock::format_date(c.due)),
                    days_left: clock.map(|c| c.days_left),
                    events: s.events.clone(),
                    next: next_steps(&s.events, &date).into_iter().map(str::to_string).collect(),
                    version: s.events.len(),
                }
            })
            .collect();
        // Overdue first, then the nearest deadlines, then what waits for the station (立案,
        // 交办, 办结), then the rest.
        rows.sort_by_key(|r| (r.days_left.unwrap_or(i64::MAX), r.next.is_empty(), r.id.clone()));
        Ok(SuggestionQueue { suggestions: rows, units: units.into_iter().collect() })
    }

    fn suggestion_step(&self, id: &str, step: &SuggestionStep, now: OffsetDateTime) -> Result<String, StationError> {
        let st = State::load(&self.src)?;
        let s = st
            .world
            .suggestions
            .iter()
            .find(|s| s.id == id)
            .ok_or_else(|| StationError::Refused(format!("建议 {id} 不存在")))?;
        if s.events.len() != step.version {
            return Err(StationError::Conflict(format!(
                "建议 {id} 刚被别人办理过（现在是“{}”）。请看过它的最新情况再办理；你填写的内容还在",
                s.handling().map(|h| ingest::status_name(h.status)).unwrap_or("?")
            )));
        }
        let cli = match step.action.clone() {
            SuggestionAction::Register => ingest::SuggestionStep::Register,
            SuggestionAction::Assign { lead_unit, co_units } => ingest::SuggestionStep::Assign { lead_unit, co_units },
            SuggestionAction::Extend { months, reason } => ingest::SuggestionStep::Extend { months, reason },
            SuggestionAction::Progress { note } => ingest::SuggestionStep::Progress { note },
            SuggestionAction::Answer { result, text } => ingest::SuggestionStep::Answer { unit: None, result, text },
            SuggestionAction::Rate { rating, comment } => ingest::SuggestionStep::Rate { rating, comment },
            SuggestionAction::Reopen { reason } => ingest::SuggestionStep::Reopen { reason },
            SuggestionAction::Close => ingest::SuggestionStep::Close,
        };
        ingest::reply_suggestion(&self.src, id, cli, &clock::to_rfc3339(now))
            .map_err(|e| StationError::Refused(format!("{e:#}")))
    }

    fn consultations(&self, now: OffsetDateTime) -> Result<Vec<ConsultationRow>> {
        let st = State::load(&self.src)?;
        let today = clock::format_date(clock::shanghai_date(now));
        Ok(st
            .world
            .consultations
            .iter()
            .map(|c| ConsultationRow {
                id: c.summary.id.clone(),
                title: c.summary.title.clone(),
                phase: match c.summary.phase {
                    Phase::Open => "征求意见中",
                    Phase::Summarizing => "意见汇总中",
                    Phase::Published => "已公布结果",
                }
                .to_string(),
                opens: c.summary.opens.clone(),
                closes: c.summary.closes.clone(),
                articles: c.draft.articles().map(|a| (a.number, a.text())).collect(),
                comments: st
                    .comments
                    .iter()
                    .filter(|rc| rc.consultation_id == c.summary.id)
                    .map(|rc| CommentRow {
                        receipt_code: rc.receipt_code.clone(),
                        article: rc.article,
                        text: rc.text.clone(),
                        at: rc.at.clone(),
                        published: rc.published,
                    })
                    .collect(),
                can_publish_result: c.summary.phase != Phase::Published
                    && !accepts_comments(&c.summary.opens, &c.summary.closes, now)
                    && today >= c.summary.opens,
            })
            .collect())
    }

    fn publish_comment(&self, code: &str, now: OffsetDateTime) -> Result<String, StationError> {
        ingest::publish_comment(&self.src, code, &clock::to_rfc3339(now))
            .map_err(|e| StationError::Refused(format!("{e:#}")))
    }

    fn consultation_result(
        &self,
        id: &str,
        request: &ResultRequest,
        now: OffsetDateTime,
    ) -> Result<ResultPreview, StationError> {
        let final_text = request.final_text.clone().filter(|t| !t.trim().is_empty()).map(|t| (t, "定稿".to_string()));
        let (message, c) = ingest::consultation_result(
            &self.src,
            id,
            request.adoption.clone(),
            final_text,
            "采纳情况",
            &clock::to_rfc3339(now),
            !request.preview,
        )
        .map_err(|e| StationError::Refused(format!("{e:#}")))?;
        Ok(ResultPreview { message, changes: c.changes })
    }

    fn inbox(&self) -> Result<Vec<InboxItem>> {
        let Some(location) = &self.inbox else { return Ok(Vec::new()) };
        let store = location.open().with_context(|| format!("打开收件箱 {location} 失败"))?;
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
        let on = |e: deputy_intake::StoreError| anyhow!("收件箱 {location}：{e}");
        let mut items = Vec::new();
        for waiting in runtime.block_on(store.waiting()).map_err(on)? {
            let code = waiting.receipt_code;
            let body = runtime.block_on(store.read(&code)).map_err(on)?;
            let submission: Option<Submission> = serde_json::from_slice(&body).ok();
            let refused = if waiting.refused {
                let reason = runtime.block_on(store.refusal(&code)).map_err(on)?.unwrap_or_else(|| "已被拒绝".into());
                // Ingest names the file first (for the command line); the console lists by code.
                let file = format!("{}: ", store.name(&code));
                reason.strip_prefix(&file).map(str::to_string).unwrap_or(reason)
            } else {
                String::new()
            };
            items.push(InboxItem {
                kind: submission.as_ref().map(|s| s.kind.name().to_string()).unwrap_or_default(),
                created_at: submission.as_ref().map(|s| s.created_at.clone()).unwrap_or_default(),
                title: submission.map(|s| s.title).unwrap_or_else(|| "（无法读取的文件）".into()),
                receipt_code: code,
                refused,
            });
        }
        Ok(items)
    }

    fn ingest(&self, now: OffsetDateTime) -> Result<Vec<IngestOutcome>> {
        let Some(location) = &self.inbox else {
            anyhow::bail!("没有设置收件箱：启动控制台时用 --inbox 指定收件箱目录")
        };
        let run = ingest::ingest_inbox(&self.src, location, &ingest::Options { deputy: None, now })?;
        Ok(outcomes(run.outcomes))
    }

    fn ingest_files(&self, files: Vec<UploadedFile>, now: OffsetDateTime) -> Result<Vec<IngestOutcome>> {
        let texts = files.into_iter().map(|f| (PathBuf::from(f.name), Ok(f.text)));
        Ok(outcomes(ingest::ingest_texts(&self.src, texts, &ingest::Options { deputy: None, now })?))
    }

    fn publish_plan(&self, _now: OffsetDateTime) -> Result<PublishSummary> {
        let built = self.build()?;
        match &self.publish_to {
            Some(target) => {
                let t = deploy::open(target)?;
                let report = deploy::run(&self.site, t.as_ref(), true, &quiet)?;
                Ok(summary(&self.src, report, format!("{built}；将发布到 {}", t.describe())))
            }
            None => Ok(PublishSummary { report: built, ..PublishSummary::default() }),
        }
    }

    fn publish(&self, _now: OffsetDateTime) -> Result<PublishSummary> {
        let built = self.build()?;
        match &self.publish_to {
            Some(target) => {
                let t = deploy::open(target)?;
                let report = deploy::run(&self.site, t.as_ref(), false, &quiet)?;
                let line = format!("{built}；已发布到 {}：{}", t.describe(), report.line());
                Ok(summary(&self.src, report, line))
            }
            None => Ok(PublishSummary {
                report: format!("{built}（网站目录即对外发布的目录）"), ..Default::default()
            }),
        }
    }

    fn rollback(&self) -> Result<String> {
        let Some(target) = &self.publish_to else {
            anyhow::bail!("没有设置发布位置（--publish），无法回滚")
        };
        let t = deploy::open(target)?;
        let r = deploy::rollback(t.as_ref(), &quiet)?;
        Ok(format!("已回滚 {} 到上一个版本：恢复 {} 个文件，删除 {} 个", t.describe(), r.uploaded, r.removed))
    }
}

impl SourceStation {
    /// `build SRC SITE/data` and the site's entry pages, as the command line does.
    fn build(&self) -> Result<String> {
        let (w, world) = source::build(&self.src, &self.site.join("data"), indicatif::ProgressBar::hidden(), false)?;
        pages::beside(&self.site.join("data"), &w)?;
        Ok(format!(
            "已生成网站数据（{} 名代表，{} 条来信；写入 {} 个文件）",
            world.deputies.len(),
            world.messages.len(),
            w.written
        ))
    }
}

/// Ingest's outcomes for the console: by receipt code (the file's name), and for a refusal the
/// reason without the file name the command line puts first.
fn outcomes(list: Vec<ingest::Outcome>) -> Vec<IngestOutcome> {
    list.into_iter()
        .map(|o| {
            let receipt_code = o.file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            match o.result {
                Ok(done) => IngestOutcome { receipt_code, accepted: true, message: done },
                Err(e) => IngestOutcome {
                    receipt_code,
                    accepted: false,
                    message: e
                        .chain()
                        .skip(1)
                        .map(|c| c.to_string())
                        .collect::<Vec<_>>()
                        .join("：")
                        .chars()
                        .take(500)
                        .collect(),
                },
            }
        })
        .collect()
}

fn quiet(_: &str, _: usize) -> indicatif::ProgressBar {
    indicatif::ProgressBar::hidden()
}

/// The deploy's file lists, and the letters whose answer the public will see: their track file
/// is new or changed and their last step is a reply.
fn summary(src: &Path, report: deploy::Report, line: String) -> PublishSummary {
    let letters = State::load(src).map(|st| st.world.messages).unwrap_or_default();
    let replies = report
        .new_files
        .iter()
        .chain(&report.replaced)
        .filter_map(|k| k.strip_prefix("data/track/")?.strip_suffix(".json"))
        .filter(|code| {
            letters
                .iter()
                .any(|m| m.receipt_code == *code && matches!(m.events.last(), Some(MessageEvent::Replied { .. })))
        })
        .map(str::to_string)
        .collect();
    let first = |mut v: Vec<String>| {
        v.truncate(LISTED);
        v
    };
    PublishSummary {
        totals: [report.new_files.len(), report.replaced.len(), report.removed_files.len()],
        added: first(report.new_files),
        changed: first(report.replaced),
        removed: first(report.removed_files),
        replies,
        report: line,
    }
}

fn text_of(s: &Submission, field: &str) -> Option<String> {
    s.payload.get(field)?.as_str().map(str::to_string)
}

fn writer(s: &Submission) -> Writer {
    Writer { name: text_of(s, "name").unwrap_or_default(), phone: text_of(s, "phone").unwrap_or_default() }
}
