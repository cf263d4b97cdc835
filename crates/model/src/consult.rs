//! 征求意见: drafts open for comment, as structure (章, 条, 款/项) rather than a blob of text, so
//! people can comment on one article and see, once the consultation closes, what became of
//! each article and why.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};

use crate::clock;
use crate::news::Block;

// ---------- Chinese numerals, as legal texts number chapters and articles ----------

const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (1–9999).
pub fn chinese_numeral(n: u32) -> String {
    if n == 0 {
        return "零".into();
    }
    let units = [(1000, '千'), (100, '百'), (10, '十')];
    let mut out = String::new();
    let mut rest = n;
    let mut zero_pending = false;
    for (value, unit) in units {
        let d = rest / value;
        rest %= value;
        if d > 0 {
            if zero_pending {
                out.push('零');
                zero_pending = false;
            }
            // 十二, not 一十二, when ten leads the number.
            if !(value == 10 && d == 1 && out.is_empty()) {
                out.push(DIGITS[d as usize]);
            }
            out.push(unit);
        } else if !out.is_empty() && rest > 0 {
            zero_pending = true;
        }
    }
    if rest > 0 {
        if zero_pending {
            out.push('零');
        }
        out.push(DIGITS[rest as usize]);
    }
    out
}

/// The inverse of [`chinese_numeral`]; also accepts 〇 and 两.
pub fn parse_chinese_numeral(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let mut total = 0u32;
    let mut digit: Option<u32> = None;
    for c in s.chars() {
        let d = match c {
            '零' | '〇' => Some(0),
            '一' => Some(1),
            '二' | '两' => Some(2),
            '三' => Some(3),
            '四' => Some(4),
            '五' => Some(5),
            '六' => Some(6),
            '七' => Some(7),
            '八' => Some(8),
            '九' => Some(9),
            _ => None,
        };
        if let Some(d) = d {
            digit = Some(d);
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => return None,
        };
        total += digit.unwrap_or(1) * unit;
        digit = None;
    }
    Some(total + digit.unwrap_or(0))
}

// ---------- legal text ----------

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LegalText {
    pub chapters: Vec<Chapter>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Chapter {
    /// 0 when the text has no chapters.
    pub number: u32,
    pub title: String,
    pub articles: Vec<Article>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Article {
    pub number: u32,
    /// 款 in order; a line starting "（一）" is an item (项) of the paragraph before it.
    pub paragraphs: Vec<String>,
}

impl Article {
    /// "第十二条"
    pub fn label(&self) -> String {
        article_label(self.number)
    }

    pub fn text(&self) -> String {
        self.paragraphs.join("\n")
    }
}

pub fn article_label(n: u32) -> String {
    format!("第{}条", chinese_numeral(n))
}

pub fn chapter_label(n: u32) -> String {
    format!("第{}章", chinese_numeral(n))
}

impl LegalText {
    pub fn articles(&self) -> impl Iterator<Item = &Article> {
        self.chapters.iter().flat_map(|c| c.articles.iter())
    }

    pub fn article(&self, n: u32) -> Option<&Article> {
        self.articles().find(|a| a.number == n)
    }
}

/// A line the parser could not place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line number.
    pub line: usize,
    pub message: String,
}

/// "第X章" or "第X条" at the start of a line: (kind, number, rest of the line).
fn heading(line: &str) -> Option<(char, u32, &str)> {
    let rest = line.strip_prefix('第')?;
    let end = rest.char_indices().find(|(_, c)| *c == '章' || *c == '条')?;
    let (num, tail) = rest.split_at(end.0);
    let kind = end.1;
    let n = parse_chinese_numeral(num)?;
    let tail = &tail[kind.len_utf8()..];
    Some((kind, n, tail.trim_start_matches([' ', '\u{3000}'])))
}

/// Parse a legal text: one element per line — "第一章　总则", "第一条　…" (first 款 on the same
/// line), further 款 and （一） items on their own lines. Chapters and articles must be numbered
/// continuously from one.
pub fn parse_legal_text(text: &str) -> Result<LegalText, ParseError> {
    let mut chapters: Vec<Chapter> = Vec::new();
    let mut next_article = 1;
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let err = |m: String| Err(ParseError { line: line_no, message: m });
        match heading(line) {
            Some(('章', n, title)) => {
                let expected = chapters.iter().filter(|c| c.number > 0).count() as u32 + 1;
                if n != expected {
                    return err(format!("章的序号应为{}，实为{}", chapter_label(expected), chapter_label(n)));
                }
                if title.is_empty() {
                    return err(format!("{}缺少标题", chapter_label(n)));
                }
                chapters.push(Chapter { number: n, title: title.to_string(), articles: Vec::new() });
            }
            Some((_, n, body)) => {
                if n != next_article {
                    return err(format!("条的序号应为{}，实为{}", article_label(next_article), article_label(n)));
                }
                if body.is_empty() {
                    return err(format!("{}没有内容", article_label(n)));
                }
                next_article += 1;
                if chapters.is_empty() {
                    chapters.push(Chapter { number: 0, title: String::new(), articles: Vec::new() });
                }
                if let Some(ch) = chapters.last_mut() {
                    ch.articles.push(Article { number: n, paragraphs: vec![body.to_string()] });
                }
            }
            None => match chapters.last_mut().and_then(|c| c.articles.last_mut()) {
                Some(a) => a.paragraphs.push(line.to_string()),
                None => return err("第一条之前有不属于任何条的文字".into()),
            },
        }
    }
    if next_article == 1 {
        return Err(ParseError { line: 1, message: "没有找到任何条文".into() });
    }
    if let Some(empty) = chapters.iter().find(|c| c.articles.is_empty()) {
        return Err(ParseError { line: 1, message: format!("{}没有条文", chapter_label(empty.number)) });
    }
    Ok(LegalText { chapters })
}

// ---------- consultations ----------

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// 征求意见中
    Open,
    /// 意见汇总中
    Summarizing,
    /// 已公布结果
    Published,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AdoptionResult {
    /// 采纳
    Adopted,
    /// 部分采纳
    Partly,
    /// 未采纳
    NotAdopted,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Adoption {
    /// The draft article it concerns; 0 for the whole draft.
    pub article: u32,
    pub result: AdoptionResult,
    /// The drafters' explanation.
    pub reason: String,
    /// The comments that led to it.
    pub comments: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PublicComment {
    /// The draft article; 0 for the whole draft.
    pub article: u32,
    pub text: String,
    pub at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DiffOp {
    Same,
    Insert,
    Delete,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DiffSegment {
    pub op: DiffOp,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Unchanged,
    Changed,
    Added,
    Removed,
}

/// One article of the draft set against the final text. Computed by the data tool from the two
/// texts (a real diff), never written by hand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ArticleChange {
    pub kind: ChangeKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft_article: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_article: Option<u32>,
    /// The text with deletions and insertions marked (whole text for unchanged, added, removed).
    pub segments: Vec<DiffSegment>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ConsultationSummary {
    pub id: String,
    pub title: String,
    pub issuer: String,
    pub phase: Phase,
    /// First and last day of the comment period, `YYYY-MM-DD` in Asia/Shanghai (inclusive).
    pub opens: String,
    pub closes: String,
    pub participants: u32,
    pub comment_count: u32,
    pub summary: String,
}

/// `data/consultations/index.json`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ConsultationIndex {
    pub format_version: u32,
    pub consultations: Vec<ConsultationSummary>,
}

/// `data/consultations/{id}.json`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Consultation {
    pub format_version: u32,
    #[serde(flatten)]
    pub summary: ConsultationSummary,
    /// 起草说明
    pub background: Vec<Block>,
    /// How else to send comments (letter, e-mail).
    pub channels: Vec<String>,
    pub draft: LegalText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_text: Option<LegalText>,
    /// Article-by-article comparison, when the final text is published.
    #[serde(default)]
    pub changes: Vec<ArticleChange>,
    #[serde(default)]
    pub adoption: Vec<Adoption>,
    #[serde(default)]
    pub comments: Vec<PublicComment>,
}

impl Consultation {
    /// Published comments on one draft article (0: on the whole draft).
    pub fn comment_count(&self, article: u32) -> usize {
        self.comments.iter().filter(|c| c.article == article).count()
    }
}

// ---------- the deadline, in Asia/Shanghai ----------

/// The comment period runs through the whole of its last day in Asia/Shanghai.
pub fn accepts_comments(opens: &str, closes: &str, now: OffsetDateTime) -> bool {
    let today = clock::shanghai_date(now);
    match (clock::parse_date(opens), clock::parse_date(closes)) {
        (Some(o), Some(c)) => o <= today && today <= c,
        _ => false,
    }
}

/// Whole days left including today ("还剩 N 天"): 1 on the last day, 0 once closed.
pub fn days_left(closes: &str, today: Date) -> i64 {
    match clock::parse_date(closes) {
        Some(c) if c >= today => (c - today).whole_days() + 1,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_round_trip() {
        let cases = [
            (1, "一"),
            (10, "十"),
            (12, "十二"),
            (20, "二十"),
            (21, "二十一"),
            (100, "一百"),
            (105, "一百零五"),
            (110, "一百一十"),
            (1001, "一千零一"),
        ];
        for (n, s) in cases {
            assert_eq!(chinese_numeral(n), s, "{n}");
            assert_eq!(parse_chinese_numeral(s), Some(n), "{s}");
        }
        for n in 1..=400 {
            assert_eq!(parse_chinese_numeral(&chinese_numeral(n)), Some(n));
        }
        assert_eq!(parse_chinese_numeral("两百"), Some(200));
        assert_eq!(parse_chinese_numeral("x"), None);
        assert_eq!(article_label(12), "第十二条");
    }

    const TEXT: &str = "第一章　总则\n第一条　为了规范城市客运，制定本条例。\n第二条　本条例适用于本市行政区域。\n第二章　管理\n第三条　有下列情形之一的，不得营运：\n（一）车辆未年检的；\n（二）驾驶员无资格证的。\n违反前款规定的，依法处理。";

    #[test]
    fn parses_chapters_articles_paragraphs() {
        let t = parse_legal_text(TEXT).unwrap();
        assert_eq!(t.chapters.len(), 2);
        assert_eq!(t.chapters[1].title, "管理");
        let a3 = t.article(3).unwrap();
        assert_eq!(a3.paragraphs.len(), 4);
        assert_eq!(a3.paragraphs[1], "（一）车辆未年检的；");
        assert_eq!(t.articles().count(), 3);
    }

    #[test]
    fn rejects_gaps_and_stray_text() {
        let e = parse_legal_text("第一条　甲。\n第三条　乙。").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("第二条"));
        assert!(parse_legal_text("序言\n第一条　甲。").is_err());
        assert!(parse_legal_text("第一章　总则\n第二章　附则\n第一条　甲。").is_err());
        assert!(parse_legal_text("").is_err());
        // No chapters is fine.
        assert_eq!(parse_legal_text("第一条　甲。\n第二条　乙。").unwrap().chapters[0].number, 0);
    }

    #[test]
    fn deadline_in_shanghai() {
        let at = |s: &str| clock::parse_timestamp(s).unwrap();
        // 23:30 on the last day in Shanghai is 15:30 UTC: still open.
        assert!(accepts_comments("2026-11-10", "2026-12-20", at("2026-12-20T15:30:00Z")));
        // 00:30 the next day in Shanghai is 16:30 UTC on the last day: closed.
        assert!(!accepts_comments("2026-11-10", "2026-12-20", at("2026-12-20T16:30:00Z")));
        assert!(!accepts_comments("2026-11-10", "2026-12-20", at("2026-11-09T15:00:00Z")));
        let d = clock::parse_date;
        assert_eq!(days_left("2026-12-20", d("2026-12-20").unwrap()), 1);
        assert_eq!(days_left("2026-12-20", d("2026-12-16").unwrap()), 5);
        assert_eq!(days_left("2026-12-20", d("2026-12-21").unwrap()), 0);
    }
}
