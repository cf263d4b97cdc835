//! What a deputy sees in the workspace, from the source folder: the letters written to them
//! (the text from `received/`, where the station keeps it), the suggestions they lead or
//! co-sign with the deadline clock, and their open co-sign invitations. The source is read
//! again only when one of its files changed (a snapshot per change), so that many deputies
//! reading at once cost one read.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use anyhow::Result;
use deputy_model::clock;
use deputy_model::message::MessageState;
use deputy_model::workspace::{LETTER_REPLY_WORKING_DAYS, MyLetter, MySuggestion, working_days_between};
use deputy_workspace::desk::{DeputyCard, Desk, Invitation};
use time::OffsetDateTime;

use crate::ingest::State;

/// The files whose change makes a new snapshot.
const WATCHED: [&str; 5] = ["deputies.csv", "messages.json", "suggestions.json", "suggestion_drafts.json", "received"];

/// When each watched file last changed (`None`: not there).
type Stamp = Vec<Option<SystemTime>>;

pub struct SourceDesk {
    src: PathBuf,
    snapshot: Mutex<Option<(Stamp, Arc<State>)>>,
}

impl SourceDesk {
    pub fn new(src: PathBuf) -> SourceDesk {
        SourceDesk { src, snapshot: Mutex::new(None) }
    }

    fn stamp(src: &Path) -> Stamp {
        WATCHED.iter().map(|name| std::fs::metadata(src.join(name)).and_then(|m| m.modified()).ok()).collect()
    }

    /// The source as of its last change.
    fn state(&self) -> Result<Arc<State>> {
        let stamp = Self::stamp(&self.src);
        let mut snapshot = self.snapshot.lock().expect("snapshot");
        if let Some((seen, state)) = snapshot.as_ref()
            && *seen == stamp
        {
            return Ok(state.clone());
        }
        let state = Arc::new(State::load(&self.src)?);
        *snapshot = Some((stamp, state.clone()));
        Ok(state)
    }
}

impl Desk for SourceDesk {
    fn deputy(&self, deputy_id: &str) -> Result<Option<DeputyCard>> {
        let st = self.state()?;
        let found = st.world.deputies.iter().find(|d| d.summary.id == deputy_id);
        Ok(found.map(|d| DeputyCard { name: d.summary.name.clone(), level: d.summary.level }))
    }

    fn letters(&self, deputy_id: &str, now: OffsetDateTime) -> Result<Vec<MyLetter>> {
        let st = self.state()?;
        let today = clock::shanghai_date(now);
        let mut letters: Vec<MyLetter> = st
            .world
            .messages
            .iter()
            .filter(|m| m.deputy_id == deputy_id)
            .map(|m| {
                let state = m.state().ok();
                let open =
                    matches!(state, Some(MessageState::Submitted | MessageState::Forwarded | MessageState::Reopened));
                let received = m.received_at().and_then(clock::parse_timestamp).map(clock::shanghai_date);
                let submission = st.received.iter().find(|s| s.receipt_code == m.receipt_code);
                let content = submission
                    .and_then(|s| s.payload.get("content").and_then(|v| v.as_str()).map(str::to_string))
                    .or_else(|| m.content.clone())
                    .unwrap_or_default();
                MyLetter {
                    receipt_code: m.receipt_code.clone(),
                    subject: m.subject.clone(),
                    category: m.category.clone(),
                    content,
                    state,
                    open,
                    overdue: open
                        && received.is_some_and(|r| working_days_between(r, today) > LETTER_REPLY_WORKING_DAYS),
                    received_on: received.map(clock::format_date).unwrap_or_default(),
                    days: received.map(|r| (today - r).whole_days()).unwrap_or(0),
                    public: m.public,
                    // The letter form has no "the deputy may see my contact" choice yet: no
                    // letter shows its writer (issue 33 leaves this for that choice).
                    writer: None,
                    events: m.events.clone(),
                }
            })
            .collect();
        // Overdue first (the longest waiting first), then open, then the rest newest first.
        letters.sort_by(|a, b| {
            (b.overdue, b.open).cmp(&(a.overdue, a.open)).then(if a.overdue {
                b.days.cmp(&a.days)
            } else {
                a.days.cmp(&b.days)
            })
        });
        Ok(letters)
    }

    fn suggestions(&self, deputy_id: &str, now: OffsetDateTime) -> Result<Vec<MySuggestion>> {
        let st = self.state()?;
        let today = clock::shanghai_date(now);
        let mut mine: Vec<MySuggestion> = st
            .world
            .suggestions
            .iter()
            .filter(|s| s.lead.deputy_id == deputy_id || s.cosigners.iter().any(|c| c.deputy_id == deputy_id))
            .map(|s| {
                let handling = s.handling().ok();
                let deadline = handling.as_ref().and_then(|h| h.deadline(today));
                let invited = s.cosigners.iter().any(|c| c.deputy_id == deputy_id && !c.confirmed)
                    && st.drafts.iter().any(|l| l.suggestion_id == s.id);
                MySuggestion {
                    id: s.id.clone(),
                    title: s.title.clone(),
                    status: handling.map(|h| h.status),
                    lead: s.lead.deputy_id == deputy_id,
                    lead_name: s.lead.name.clone(),
                    cosigners: s.cosigners.iter().map(|c| (c.name.clone(), c.confirmed)).collect(),
                    invited,
                    due: deadline.as_ref().map(|c| clock::format_date(c.due)),
                    days_left: deadline.map(|c| c.days_left),
                }
            })
            .collect();
        // Invitations first, then the nearest deadlines, then the newest.
        mine.sort_by(|a, b| {
            (b.invited, a.days_left.unwrap_or(i64::MAX))
                .cmp(&(a.invited, b.days_left.unwrap_or(i64::MAX)))
                .then(b.id.cmp(&a.id))
        });
        Ok(mine)
    }

    fn invitation(&self, deputy_id: &str, suggestion_id: &str) -> Result<Option<Invitation>> {
        let st = self.state()?;
        let Some(s) = st.world.suggestions.iter().find(|s| s.id == suggestion_id) else { return Ok(None) };
        if !s.cosigners.iter().any(|c| c.deputy_id == deputy_id && !c.confirmed) {
            return Ok(None);
        }
        let Some(link) = st.drafts.iter().find(|l| l.suggestion_id == s.id) else { return Ok(None) };
        Ok(Some(Invitation { draft_id: link.draft_id.clone(), title: s.title.clone(), lead_name: s.lead.name.clone() }))
    }
}
