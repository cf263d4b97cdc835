//! Consultations from their maintained sources (`content/consultations/{id}.json`: plain legal
//! text for the draft and the final version) to the served files: the texts parsed into
//! chapters and articles, and — once the final text is out — an article-by-article comparison
//! computed here with a real character diff.

use std::path::Path;

use anyhow::{Context, Result, bail};
use deputy_model::consult::{
    Adoption, Article, ArticleChange, ChangeKind, Consultation, ConsultationSummary, DiffOp, DiffSegment, LegalText,
    Phase, PublicComment, parse_legal_text,
};
use deputy_model::{Block, FORMAT_VERSION};
use serde::Deserialize;
use similar::{ChangeTag, TextDiff};

/// The maintained source of one consultation (documented in docs/data-format.md).
#[derive(Debug, Deserialize)]
pub struct ConsultationSource {
    pub id: String,
    pub title: String,
    pub issuer: String,
    pub phase: Phase,
    pub opens: String,
    pub closes: String,
    pub participants: u32,
    pub comment_count: u32,
    pub summary: String,
    pub background: Vec<String>,
    #[serde(default)]
    pub channels: Vec<String>,
    pub draft: String,
    #[serde(default)]
    pub r#final: Option<String>,
    #[serde(default)]
    pub adoption: Vec<Adoption>,
    #[serde(default)]
    pub comments: Vec<PublicComment>,
}

/// Read every `*.json` in `dir`, oldest id first. A missing folder means no consultations.
pub fn load_sources(dir: &Path) -> Result<Vec<ConsultationSource>> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return Ok(out) };
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    for p in paths {
        let text = std::fs::read_to_string(&p).with_context(|| format!("无法读取 {}", p.display()))?;
        let src: ConsultationSource =
            serde_json::from_str(&text).with_context(|| format!("{} 格式有误", p.display()))?;
        out.push(src);
    }
    Ok(out)
}

pub fn build(src: &ConsultationSource) -> Result<Consultation> {
    let draft =
        parse_legal_text(&src.draft).map_err(|e| anyhow::anyhow!("{}：草案第 {} 行：{}", src.id, e.line, e.message))?;
    let final_text = match &src.r#final {
        Some(t) => Some(
            parse_legal_text(t).map_err(|e| anyhow::anyhow!("{}：正式文本第 {} 行：{}", src.id, e.line, e.message))?,
        ),
        None => None,
    };
    if src.phase == Phase::Published && final_text.is_none() {
        bail!("{}：已公布结果的征求意见必须有正式文本（final）", src.id);
    }
    for a in &src.adoption {
        if a.article != 0 && draft.article(a.article).is_none() {
            bail!("{}：adoption 指向不存在的草案第 {} 条", src.id, a.article);
        }
    }
    for c in &src.comments {
        if c.article != 0 && draft.article(c.article).is_none() {
            bail!("{}：comments 指向不存在的草案第 {} 条", src.id, c.article);
        }
    }
    let changes = final_text.as_ref().map(|f| compare(&draft, f)).unwrap_or_default();
    Ok(Consultation {
        format_version: FORMAT_VERSION,
        summary: ConsultationSummary {
            id: src.id.clone(),
            title: src.title.clone(),
            issuer: src.issuer.clone(),
            phase: src.phase,
            opens: src.opens.clone(),
            closes: src.closes.clone(),
            participants: src.participants,
            comment_count: src.comment_count,
            summary: src.summary.clone(),
        },
        background: src.background.iter().map(|p| Block::Paragraph(p.clone())).collect(),
        channels: src.channels.clone(),
        draft,
        final_text,
        changes,
        adoption: src.adoption.clone(),
        comments: src.comments.clone(),
    })
}

/// Similarity of two article texts, 0–1, by characters.
fn ratio(a: &str, b: &str) -> f32 {
    TextDiff::from_chars(a, b).ratio()
}

/// Articles this similar are the same article, reworded; below it, one was removed and another
/// added.
const SAME_ARTICLE: f32 = 0.5;

/// Align draft and final articles in order (an LCS that maximises total similarity, pairing
/// only similar articles), then diff each pair by characters.
pub fn compare(draft: &LegalText, fin: &LegalText) -> Vec<ArticleChange> {
    let a: Vec<&Article> = draft.articles().collect();
    let b: Vec<&Article> = fin.articles().collect();
    let texts_a: Vec<String> = a.iter().map(|x| x.text()).collect();
    let texts_b: Vec<String> = b.iter().map(|x| x.text()).collect();
    let (n, m) = (a.len(), b.len());
    let mut sim = vec![vec![0f32; m]; n];
    for i in 0..n {
        for j in 0..m {
            sim[i][j] = ratio(&texts_a[i], &texts_b[j]);
        }
    }
    // best[i][j]: best total similarity aligning a[i..] with b[j..].
    let mut best = vec![vec![0f32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let pair = if sim[i][j] >= SAME_ARTICLE { sim[i][j] + best[i + 1][j + 1] } else { f32::MIN };
            best[i][j] = pair.max(best[i + 1][j]).max(best[i][j + 1]);
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && sim[i][j] >= SAME_ARTICLE && (best[i][j] - (sim[i][j] + best[i + 1][j + 1])).abs() < 1e-6 {
            let same = texts_a[i] == texts_b[j];
            out.push(ArticleChange {
                kind: if same { ChangeKind::Unchanged } else { ChangeKind::Changed },
                draft_article: Some(a[i].number),
                final_article: Some(b[j].number),
                segments: if same { whole(DiffOp::Same, &texts_b[j]) } else { diff(&texts_a[i], &texts_b[j]) },
            });
            i += 1;
            j += 1;
        } else if i < n && (j == m || (best[i][j] - best[i + 1][j]).abs() < 1e-6) {
            out.push(ArticleChange {
                kind: ChangeKind::Removed,
                draft_article: Some(a[i].number),
                final_article: None,
                segments: whole(DiffOp::Delete, &texts_a[i]),
            });
            i += 1;
        } else {
            out.push(ArticleChange {
                kind: ChangeKind::Added,
                draft_article: None,
                final_article: Some(b[j].number),
                segments: whole(DiffOp::Insert, &texts_b[j]),
            });
            j += 1;
        }
    }
    out
}

fn whole(op: DiffOp, text: &str) -> Vec<DiffSegment> {
    vec![DiffSegment { op, text: text.to_string() }]
}

/// Character diff, with runs of one operation merged into one segment.
fn diff(old: &str, new: &str) -> Vec<DiffSegment> {
    let mut out: Vec<DiffSegment> = Vec::new();
    for change in TextDiff::from_chars(old, new).iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => DiffOp::Same,
            ChangeTag::Insert => DiffOp::Insert,
            ChangeTag::Delete => DiffOp::Delete,
        };
        match out.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => out.push(DiffSegment { op, text: change.value().to_string() }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> LegalText {
        parse_legal_text(s).unwrap()
    }

    #[test]
    fn aligns_changed_added_removed() {
        let draft = text(
            "第一条　为了规范城市客运管理，制定本条例。\n第二条　本条例适用于本市行政区域内的城市客运。\n第三条　出租汽车应当安装计价器。\n第四条　违反本条例的，依法处罚。",
        );
        let fin = text(
            "第一条　为了规范城市客运管理，保障乘客权益，制定本条例。\n第二条　本条例适用于本市行政区域内的城市客运。\n第三条　老年人、残疾人乘车享受优待。\n第四条　违反本条例的，依法处罚。",
        );
        let c = compare(&draft, &fin);
        let kinds: Vec<_> = c.iter().map(|x| x.kind).collect();
        assert_eq!(
            kinds,
            vec![
                ChangeKind::Changed,
                ChangeKind::Unchanged,
                ChangeKind::Removed,
                ChangeKind::Added,
                ChangeKind::Unchanged
            ]
        );
        // The insertion is marked exactly.
        assert!(c[0].segments.iter().any(|s| s.op == DiffOp::Insert && s.text == "保障乘客权益，"));
        // Reassembling the old side gives the draft text.
        let old: String = c[0].segments.iter().filter(|s| s.op != DiffOp::Insert).map(|s| s.text.as_str()).collect();
        assert_eq!(old, draft.article(1).unwrap().text());
    }

    #[test]
    fn renumbered_articles_still_pair() {
        let draft = text("第一条　甲乙丙丁戊己庚。\n第二条　子丑寅卯辰巳午。");
        let fin = text("第一条　新增加的一条内容完全不同。\n第二条　甲乙丙丁戊己庚。\n第三条　子丑寅卯辰巳午未。");
        let c = compare(&draft, &fin);
        assert_eq!(c[0].kind, ChangeKind::Added);
        assert_eq!((c[1].draft_article, c[1].final_article), (Some(1), Some(2)));
        assert_eq!(c[2].kind, ChangeKind::Changed);
    }
}
