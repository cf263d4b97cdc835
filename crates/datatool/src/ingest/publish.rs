//! `publish SRC draft FILE` opens a consultation from its plain-text source (the drafters'
//! form, `build::consultations::ConsultationSource`), parsed and checked here, so that nobody writes
//! the served structure by hand. `publish SRC comment CODE` makes a received comment public on its consultation (its text,
//! article and time; never the writer's name or contact). `publish SRC consultation ID
//! --adoption FILE [--final FILE]` publishes what became of the comments and, with the final
//! text, the article-by-article comparison (`build::consultations::compare`): the consultation moves
//! from 征求意见中 to 意见汇总中, or to 已公布结果 with the final text.

use std::path::Path;

use anyhow::{Context, Result, anyhow, bail};
use deputy_model::console::AdoptionInput;
use deputy_model::consult::{Adoption, Consultation, Phase, PublicComment, accepts_comments, parse_legal_text};
use deputy_model::{clock, receipt};

use super::state::{File, State};

pub fn publish_draft(src: &Path, file: &Path, at: &str) -> Result<String> {
    let text = std::fs::read_to_string(file).with_context(|| format!("读取 {} 失败", file.display()))?;
    publish_draft_text(src, &text, &file.display().to_string(), at)
}

/// [`publish_draft`] of a source already read (`file` names it in messages).
pub fn publish_draft_text(src: &Path, text: &str, file: &str, at: &str) -> Result<String> {
    let now = super::common::parse_at(at)?;
    let source: crate::build::consultations::ConsultationSource = crate::source::parse_json(text, file)?;
    anyhow::ensure!(
        !source.id.is_empty() && source.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
        "{}：字段 id：只能用字母、数字、- 和 _（它是网址的一部分），实为“{}”",
        file,
        source.id
    );
    let c = crate::build::consultations::build(&source).map_err(|e| anyhow!("{}：{e}", file))?;
    let mut st = State::load(src)?;
    if st.world.consultations.iter().any(|x| x.summary.id == c.summary.id) {
        bail!(
            "征求意见 {} 已经存在（consultations.json）：换一个 id，或用 publish consultation 公布它的结果",
            c.summary.id
        );
    }
    let (id, title, articles) = (c.summary.id.clone(), c.summary.title.clone(), c.draft.articles().count());
    st.world.consultations.push(c);
    st.touch(File::Consultations);
    st.save(now)?;
    Ok(format!("已加入征求意见 {id}：{title}（草案 {articles} 条）"))
}

pub fn publish_comment(src: &Path, code: &str, at: &str) -> Result<String> {
    let now = super::common::parse_at(at)?;
    let code = receipt::normalize(code).ok_or_else(|| anyhow!("{code} 不是有效的查询码"))?;
    let mut st = State::load(src)?;
    let rc = st
        .comments
        .iter_mut()
        .find(|c| c.receipt_code == code)
        .ok_or_else(|| anyhow!("查询码 {code} 没有对应的意见（comments.json）"))?;
    anyhow::ensure!(!rc.published, "意见 {code} 已经公开过");
    let c = st
        .world
        .consultations
        .iter_mut()
        .find(|c| c.summary.id == rc.consultation_id)
        .ok_or_else(|| anyhow!("意见 {code} 所属的征求意见 {} 不存在", rc.consultation_id))?;
    c.comments.push(PublicComment { article: rc.article, text: rc.text.clone(), at: rc.at.clone() });
    rc.published = true;
    let title = c.summary.title.clone();
    st.touch(File::Comments);
    st.touch(File::Consultations);
    st.save(now)?;
    Ok(format!("已公开意见 {code}：{title}"))
}

fn read_adoption(path: &Path) -> Result<Vec<AdoptionInput>> {
    crate::source::read_json_file(path, &path.display().to_string())
}

/// `publish SRC consultation ID --adoption FILE [--final FILE]`.
pub fn publish_consultation(
    src: &Path,
    id: &str,
    adoption: &Path,
    final_text: Option<&Path>,
    at: &str,
) -> Result<String> {
    let lines = read_adoption(adoption)?;
    let final_text = match final_text {
        None => None,
        Some(p) => Some((
            std::fs::read_to_string(p).with_context(|| format!("读取 {} 失败", p.display()))?,
            p.display().to_string(),
        )),
    };
    let (done, _) = consultation_result(src, id, lines, final_text, &adoption.display().to_string(), at, true)?;
    Ok(done)
}

/// A consultation's results: the adoption lines (comments by receipt code; the texts are filled
/// in from `comments.json`) and optionally the final text with the name it is reported under.
/// With `save` false nothing is written (the console's preview); either way the consultation
/// as it would be published comes back.
pub fn consultation_result(
    src: &Path,
    id: &str,
    lines: Vec<AdoptionInput>,
    final_text: Option<(String, String)>,
    file: &str,
    at: &str,
    save: bool,
) -> Result<(String, Consultation)> {
    let now = super::common::parse_at(at)?;
    let final_text = match final_text {
        None => None,
        Some((text, name)) => {
            Some(parse_legal_text(&text).map_err(|e| anyhow!("{name}：第 {} 行：{}", e.line, e.message))?)
        }
    };
    let mut st = State::load(src)?;
    let comments = &st.comments;
    let c = st
        .world
        .consultations
        .iter_mut()
        .find(|c| c.summary.id == id)
        .ok_or_else(|| anyhow!("征求意见 {id} 不存在"))?;
    let phase = c.summary.phase;
    if phase == Phase::Published {
        bail!("征求意见 {id}（当前阶段 已公布结果）：结果已经公布，不能再改");
    }
    if accepts_comments(&c.summary.opens, &c.summary.closes, now)
        || clock::format_date(clock::shanghai_date(now)) < c.summary.opens
    {
        bail!("征求意见 {id}（当前阶段 征求意见中）：{} 截止前不能公布结果", c.summary.closes);
    }
    let mut out = Vec::new();
    for (i, l) in lines.into_iter().enumerate() {
        anyhow::ensure!(
            l.article == 0 || c.draft.article(l.article).is_some(),
            "{file}：字段 [{i}].article：草案没有第 {} 条",
            l.article
        );
        anyhow::ensure!(!l.reason.trim().is_empty(), "{file}：字段 [{i}].reason：没有说明理由");
        let mut texts = Vec::new();
        for (j, code) in l.comments.iter().enumerate() {
            let found = receipt::normalize(code)
                .and_then(|n| comments.iter().find(|rc| rc.receipt_code == n && rc.consultation_id == id));
            let rc = found
                .ok_or_else(|| anyhow!("{file}：字段 [{i}].comments[{j}]：征求意见 {id} 没有查询码为 {code} 的意见"))?;
            texts.push(rc.text.clone());
        }
        out.push(Adoption {
            article: l.article,
            result: l.result,
            reason: l.reason.trim().to_string(),
            comments: texts,
        });
    }
    let n = out.len();
    c.adoption = out;
    let next = match final_text {
        Some(f) => {
            c.changes = crate::build::consultations::compare(&c.draft, &f);
            c.final_text = Some(f);
            Phase::Published
        }
        None => Phase::Summarizing,
    };
    c.summary.phase = next;
    let result = c.clone();
    if save {
        st.touch(File::Consultations);
        st.save(now)?;
    }
    let name = |p: Phase| match p {
        Phase::Open => "征求意见中",
        Phase::Summarizing => "意见汇总中",
        Phase::Published => "已公布结果",
    };
    Ok((format!("征求意见 {id}：{n} 条采纳情况，{} → {}", name(phase), name(next)), result))
}
