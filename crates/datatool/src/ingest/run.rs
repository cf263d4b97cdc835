//! One run of `ingest`: each submission read, checked for proof ([`super::proof`]), applied by
//! its kind's file or held, and the source saved once at the end.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use deputy_accounts::acts::KeyRing;
use deputy_model::clock;
use deputy_model::submission::{Submission, SubmissionKind};
use time::OffsetDateTime;

use super::common::{kind_label, read_submission, write_atomic};
use super::proof::{self, Proof};
use super::state::State;
use super::{comment, letter, suggestion, training, vote};

/// The outcome of one file.
pub struct Outcome {
    pub file: PathBuf,
    pub result: Result<String>,
}

/// What `ingest` needs besides the files.
pub struct Options {
    /// The deputy whose training reports these are (`--deputy`; a report carries no name): the
    /// station vouches for it, and the proof says so.
    pub deputy: Option<String>,
    /// The time of the ingest (the evaluation's count time, the site's data date).
    pub now: OffsetDateTime,
}

/// Read, check and apply each file in turn; good ones are saved, bad ones reported with the
/// reason and leave no trace. The changed source files are rewritten once at the end
/// (atomically, by rename).
pub fn ingest(src: &Path, files: &[PathBuf], opts: &Options) -> Result<Vec<Outcome>> {
    let texts = files.iter().map(|file| {
        let text = std::fs::read_to_string(file).with_context(|| format!("读取 {} 失败", file.display()));
        (file.clone(), text)
    });
    ingest_texts(src, texts, opts)
}

/// [`ingest`] of submissions already read (from the inbox's store): each with the name it is
/// reported under.
pub fn ingest_texts(
    src: &Path,
    texts: impl IntoIterator<Item = (PathBuf, Result<String>)>,
    opts: &Options,
) -> Result<Vec<Outcome>> {
    let mut st = State::load(src)?;
    let keys = KeyRing::in_dir(&proof::workspace_dir(src))?;
    let mut out = Vec::new();
    // (code, the submission's text, its proof); (code, text as it arrived, reason).
    let mut archived: Vec<(String, String, Option<Proof>)> = Vec::new();
    let mut held: Vec<(String, String, String)> = Vec::new();
    for (file, text) in texts {
        let result = text.and_then(|arrived| {
            let arrival = proof::open(&keys, arrived.clone())?;
            let (s, text, code) = read_submission(arrival.text)?;
            if st.received_path(&code).exists()
                || proof::held_path(src, &code).exists()
                || archived.iter().any(|(c, ..)| *c == code)
                || held.iter().any(|(c, ..)| *c == code)
                || st.world.messages.iter().any(|m| m.receipt_code == code)
            {
                bail!("查询码 {code} 已经导入过（重复提交）");
            }
            let station = opts.deputy.as_ref().filter(|_| s.kind == SubmissionKind::Training).map(|d| Proof::Station {
                deputy_id: d.clone(),
                by: "联络站导入时指明（--deputy）".into(),
                how: "联络站指明培训报告属于这位代表".into(),
                at: clock::to_rfc3339(opts.now),
            });
            let proof = match proof::decide(&s, &arrival.signed, station)? {
                Ok(proof) => proof,
                Err(reason) => {
                    let line = format!("{}（查询码 {code}）：暂存待核实，不公开、不计入。{reason}", kind_label(s.kind));
                    held.push((code, arrived, reason));
                    return Ok(line);
                }
            };
            let done = apply(&mut st, &s, &code, proof.as_ref(), opts)?;
            st.received.push(s);
            archived.push((code, text, proof));
            Ok(done)
        });
        let result = result.with_context(|| file.display().to_string());
        out.push(Outcome { file, result });
    }
    for (code, text, reason) in &held {
        proof::hold(src, code, text, reason)?;
    }
    if !archived.is_empty() {
        std::fs::create_dir_all(src.join("received"))?;
        for (code, text, proof) in &archived {
            if let Some(proof) = proof {
                proof::write_proof(src, code, proof)?;
            }
            write_atomic(&st.received_path(code), text)?;
        }
        st.save(opts.now)?;
    }
    Ok(out)
}

/// Whether what a store holds under `code` was kept by an earlier run (which stopped before
/// filing it away): the same text in `received/` (its act, for an envelope) or in `held/`.
pub(crate) fn already_kept(src: &Path, code: &str, text: &str) -> bool {
    let same = |path: PathBuf, want: &str| std::fs::read_to_string(path).is_ok_and(|saved| saved == want);
    let act = serde_json::from_str::<deputy_accounts::acts::Envelope>(text).map(|e| e.act);
    same(src.join("received").join(format!("{code}.json")), act.as_deref().unwrap_or(text))
        || same(proof::held_path(src, code), text)
}

/// One submission into the source, by kind. Each arm checks everything before it changes
/// anything, so a refused submission leaves the state as it was.
/// A deputy kind comes with its [`Proof`] ([`proof::decide`] made sure of it).
pub(super) fn apply(
    st: &mut State,
    s: &Submission,
    code: &str,
    proof: Option<&Proof>,
    opts: &Options,
) -> Result<String> {
    match s.kind {
        SubmissionKind::Message => letter::message(st, s, code),
        SubmissionKind::Rating => letter::rating(st, s),
        SubmissionKind::Suggestion => suggestion::suggestion(st, s, code),
        SubmissionKind::Cosign => suggestion::cosign(st, s, code),
        SubmissionKind::Vote => vote::vote(st, s, opts.now),
        SubmissionKind::Training => training::training(st, s, proof.map(Proof::deputy_id)),
        SubmissionKind::SuggestionRating => suggestion::rating(st, s, proof.map(Proof::deputy_id)),
        SubmissionKind::Comment => comment::comment(st, s, code),
        // Kept in received/ for the station only.
        SubmissionKind::Feedback => Ok(format!("意见反馈 {code} 已存档")),
    }
}
