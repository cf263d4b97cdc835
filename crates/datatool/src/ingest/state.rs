//! The source folder as the ingest and the station's commands see it: the world `build` reads,
//! plus two files only they keep — the received comments (`comments.json`, the public part of
//! each comment, published one by one) and which draft each suggestion came from
//! (`suggestion_drafts.json`, so a co-signer's later confirmation finds its suggestion) — and
//! the archive `received/`. Only the files that changed are written back.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use deputy_model::activity::{Activity, DeputyActivities};
use deputy_model::submission::Submission;
use deputy_model::{FORMAT_VERSION, clock};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::world::World;

/// A comment as the source keeps it: its text and where it belongs, never the writer's name or
/// contact (those stay in `received/`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReceivedComment {
    pub receipt_code: String,
    pub consultation_id: String,
    /// The draft article; 0 for the whole draft.
    pub article: u32,
    pub text: String,
    /// When it was sent, RFC 3339.
    pub at: String,
    /// Shown on the consultation's page (`publish comment`).
    #[serde(default)]
    pub published: bool,
}

/// A suggestion and the device draft it was submitted from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftLink {
    pub draft_id: String,
    pub suggestion_id: String,
    pub receipt_code: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum File {
    Site,
    Messages,
    Suggestions,
    Evaluation,
    Activities,
    Consultations,
    Comments,
    Drafts,
}

pub struct State {
    pub src: PathBuf,
    pub world: World,
    pub comments: Vec<ReceivedComment>,
    pub drafts: Vec<DraftLink>,
    /// Everything in `received/`, and what this run accepted so far.
    pub received: Vec<Submission>,
    dirty: BTreeSet<File>,
}

pub const COMMENTS: &str = "comments.json";
pub const DRAFTS: &str = "suggestion_drafts.json";

fn read_optional<T: serde::de::DeserializeOwned + Default>(src: &Path, name: &str) -> Result<T> {
    if src.join(name).exists() { crate::source::read_json(src, name) } else { Ok(T::default()) }
}

impl State {
    pub fn load(src: &Path) -> Result<State> {
        let world = crate::source::read(src)?;
        let mut received = Vec::new();
        if let Ok(entries) = std::fs::read_dir(src.join("received")) {
            let mut paths: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect();
            paths.sort();
            for p in paths {
                let text = std::fs::read_to_string(&p).with_context(|| format!("读取 {} 失败", p.display()))?;
                let s: Submission =
                    serde_json::from_str(&text).with_context(|| format!("{}：不是一份提交", p.display()))?;
                received.push(s);
            }
        }
        Ok(State {
            src: src.to_path_buf(),
            world,
            comments: read_optional(src, COMMENTS)?,
            drafts: read_optional(src, DRAFTS)?,
            received,
            dirty: BTreeSet::new(),
        })
    }

    pub fn received_path(&self, code: &str) -> PathBuf {
        self.src.join("received").join(format!("{code}.json"))
    }

    /// Put an entry into a deputy's duty record, newest first; an entry with the same id is
    /// replaced (a later report of the same thing). Returns whether one was replaced.
    pub fn put_activity(&mut self, deputy_id: &str, activity: Activity) -> bool {
        let Some(d) = self.world.deputies.iter().find(|d| d.summary.id == deputy_id) else { return false };
        let (name, level) = (d.summary.name.clone(), d.summary.level);
        let record = match self.world.activities.iter().position(|r| r.deputy_id == deputy_id) {
            Some(i) => &mut self.world.activities[i],
            None => {
                self.world.activities.push(DeputyActivities {
                    format_version: FORMAT_VERSION,
                    deputy_id: deputy_id.to_string(),
                    deputy_name: name,
                    level,
                    own_note: None,
                    activities: Vec::new(),
                });
                self.world.activities.last_mut().expect("just pushed")
            }
        };
        let replaced = record.activities.iter().any(|a| a.id == activity.id);
        record.activities.retain(|a| a.id != activity.id);
        let at = record.activities.iter().position(|a| a.date < activity.date).unwrap_or(record.activities.len());
        record.activities.insert(at, activity);
        self.touch(File::Activities);
        replaced
    }

    pub fn touch(&mut self, file: File) {
        self.dirty.insert(file);
    }

    /// Write back what changed. The site's data date moves up to `now` (a duty record may not
    /// be dated after it, and the app shows it as 数据更新于).
    pub fn save(&mut self, now: OffsetDateTime) -> Result<()> {
        if self.dirty.is_empty() {
            return Ok(());
        }
        let newer = clock::parse_timestamp(&self.world.site.updated_at).is_none_or(|t| t < now);
        if newer {
            self.world.site.updated_at = clock::to_rfc3339(now);
            self.dirty.insert(File::Site);
        }
        let w = &self.world;
        for f in &self.dirty {
            let (name, text) = match f {
                File::Site => ("site.json", pretty(&w.site)?),
                File::Messages => ("messages.json", pretty(&w.messages)?),
                File::Suggestions => ("suggestions.json", pretty(&w.suggestions)?),
                File::Evaluation => ("evaluation.json", pretty(&w.evaluation)?),
                File::Activities => ("activities.json", pretty(&w.activities)?),
                File::Consultations => ("consultations.json", pretty(&w.consultations)?),
                File::Comments => (COMMENTS, pretty(&self.comments)?),
                File::Drafts => (DRAFTS, pretty(&self.drafts)?),
            };
            super::common::write_atomic(&self.src.join(name), &text)?;
        }
        self.dirty.clear();
        Ok(())
    }
}

/// As `source::write` writes JSON: pretty, with a final newline.
fn pretty<T: Serialize + ?Sized>(v: &T) -> Result<String> {
    Ok(serde_json::to_string_pretty(v)? + "\n")
}
