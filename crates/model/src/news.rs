//! News (工作动态) and deputy stories (代表风采). Article bodies are structured blocks of plain
//! text, never HTML: the app renders each block as text, so data cannot inject markup.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NewsKind {
    /// 工作动态
    Work,
    /// 代表风采
    Profile,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NewsSummary {
    pub id: String,
    pub title: String,
    pub kind: NewsKind,
    /// `YYYY-MM-DD` in Asia/Shanghai.
    pub date: String,
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", content = "text", rename_all = "snake_case")]
pub enum Block {
    Heading(String),
    Paragraph(String),
    Quote(String),
}

impl Block {
    pub fn text(&self) -> &str {
        match self {
            Block::Heading(t) | Block::Paragraph(t) | Block::Quote(t) => t,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NewsArticle {
    pub format_version: u32,
    #[serde(flatten)]
    pub summary: NewsSummary,
    /// Byline, e.g. "张杰/文 胡东育/图".
    #[serde(default)]
    pub author: String,
    /// Where the text first appeared, e.g. "《巴彦淖尔人大》2025年第1期".
    #[serde(default)]
    pub source: String,
    pub body: Vec<Block>,
    /// Deputies the article is about, by id.
    #[serde(default)]
    pub deputy_ids: Vec<String>,
}
