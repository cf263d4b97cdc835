//! What the catalog, courses, lessons and quizzes are, as served; a quiz scores its answers.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CourseLevel {
    /// 新任代表初任培训.
    Initial,
    /// 专题培训.
    Special,
}

impl CourseLevel {
    pub fn key(self) -> &'static str {
        match self {
            CourseLevel::Initial => "initial",
            CourseLevel::Special => "special",
        }
    }
}

/// One block of lesson text. Figures are described in words (`alt`), so they read aloud and
/// need no image file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum LessonBlock {
    Heading {
        text: String,
    },
    Paragraph {
        text: String,
    },
    List {
        items: Vec<String>,
    },
    Quote {
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        source: Option<String>,
    },
    Figure {
        caption: String,
        alt: String,
    },
}

impl LessonBlock {
    /// The block as plain text, for read-aloud.
    pub fn plain_text(&self) -> String {
        match self {
            LessonBlock::Heading { text } | LessonBlock::Paragraph { text } => text.clone(),
            LessonBlock::List { items } => items.join("；"),
            LessonBlock::Quote { text, source } => match source {
                Some(s) => format!("{text}（{s}）"),
                None => text.clone(),
            },
            LessonBlock::Figure { caption, alt } => format!("{caption}：{alt}"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MediaKind {
    Audio,
    Video,
}

/// Audio or video for a lesson, always with a transcript (for the deaf, for slow networks,
/// and because the recording may not load at all).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Media {
    pub kind: MediaKind,
    pub url: String,
    pub transcript: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// One right option.
    Single,
    /// One or more right options; all of them, and only them, must be chosen.
    Multiple,
    /// Two options, 正确 / 错误.
    TrueFalse,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Question {
    /// Unique within its quiz.
    pub id: String,
    pub kind: QuestionKind,
    pub text: String,
    pub options: Vec<String>,
    /// Indexes of the right options.
    pub answer: Vec<usize>,
    /// Shown after answering, right or wrong.
    pub explanation: String,
}

impl Question {
    /// Whether a choice (indexes, in any order) is exactly the right set.
    pub fn is_right(&self, chosen: &[usize]) -> bool {
        let want: BTreeSet<usize> = self.answer.iter().copied().collect();
        let got: BTreeSet<usize> = chosen.iter().copied().collect();
        !got.is_empty() && want == got && got.len() == chosen.len()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Quiz {
    #[serde(default = "default_pass")]
    pub pass_percent: u8,
    pub questions: Vec<Question>,
}

fn default_pass() -> u8 {
    DEFAULT_PASS_PERCENT
}

/// A scored attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizScore {
    pub right: usize,
    pub total: usize,
    /// Rounded down, so 59.9 % never passes a 60 % mark.
    pub percent: u8,
    pub passed: bool,
    /// Per question, in order: answered right.
    pub each: Vec<bool>,
}

impl Quiz {
    /// Score one attempt; `answers[i]` are the options chosen for question `i` (missing or
    /// empty: unanswered, which counts as wrong).
    pub fn score(&self, answers: &[Vec<usize>]) -> QuizScore {
        let each: Vec<bool> =
            self.questions.iter().enumerate().map(|(i, q)| answers.get(i).is_some_and(|a| q.is_right(a))).collect();
        let right = each.iter().filter(|r| **r).count();
        let total = self.questions.len();
        let percent = (right * 100).checked_div(total).map_or(100, |p| p as u8);
        QuizScore { right, total, percent, passed: percent >= self.pass_percent, each }
    }
}

/// A lesson's place in its course, as lists and next/previous links need it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LessonRef {
    pub id: String,
    pub title: String,
    pub minutes: u32,
    #[serde(default)]
    pub has_media: bool,
}

/// A course as the catalog lists it (`training/index.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CourseSummary {
    pub id: String,
    pub title: String,
    /// 宪法和法律, 人大制度, 代表履职实务, 议案建议写作, 监督工作, 民族团结 …
    pub topic: String,
    pub level: CourseLevel,
    pub summary: String,
    /// Sum of the lessons' minutes.
    pub minutes: u32,
    pub lessons: Vec<LessonRef>,
    /// Whether the course ends with a 结业测验.
    #[serde(default)]
    pub has_final_quiz: bool,
}

impl CourseSummary {
    /// 学时 of the whole course, in tenths.
    pub fn hours_tenths(&self) -> u32 {
        hours_tenths(self.minutes)
    }
}

/// `training/index.json`: every course, in teaching order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TrainingIndex {
    pub format_version: u32,
    pub minutes_per_hour: u32,
    /// Topics in display order.
    pub topics: Vec<String>,
    pub courses: Vec<CourseSummary>,
}

/// `training/courses/{id}.json`: a course with its final quiz.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Course {
    pub format_version: u32,
    #[serde(flatten)]
    pub summary: CourseSummary,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_quiz: Option<Quiz>,
}

/// `training/lessons/{id}.json`: one lesson with its quiz and its neighbours.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Lesson {
    pub format_version: u32,
    pub id: String,
    pub title: String,
    pub minutes: u32,
    pub course_id: String,
    pub course_title: String,
    /// 1-based place in the course, and the course's lesson count.
    pub number: u32,
    pub count: u32,
    pub blocks: Vec<LessonBlock>,
    #[serde(default)]
    pub media: Option<Media>,
    #[serde(default)]
    pub quiz: Option<Quiz>,
    #[serde(default)]
    pub previous: Option<LessonRef>,
    #[serde(default)]
    pub next: Option<LessonRef>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::training::test_quiz::*;

    #[test]
    fn multiple_choice_needs_exactly_the_right_set() {
        let b = &quiz().questions[1];
        assert!(b.is_right(&[3, 0, 1]));
        assert!(!b.is_right(&[0, 1]));
        assert!(!b.is_right(&[0, 1, 2, 3]));
        assert!(!b.is_right(&[0, 1, 1, 3]), "a repeated option is not a valid choice");
        assert!(!b.is_right(&[]));
    }

    #[test]
    fn scoring_and_pass_mark() {
        let quiz = quiz();
        let all = quiz.score(&[vec![2], vec![0, 1, 3], vec![1]]);
        assert_eq!((all.right, all.total, all.percent, all.passed), (3, 3, 100, true));
        // 2 of 3 is 66 %: passes 60.
        let two = quiz.score(&[vec![2], vec![0, 1], vec![1]]);
        assert_eq!((two.right, two.percent, two.passed), (2, 66, true));
        assert_eq!(two.each, vec![true, false, true]);
        // 1 of 3 is 33 %: fails; unanswered counts as wrong.
        let one = quiz.score(&[vec![2]]);
        assert_eq!((one.right, one.percent, one.passed), (1, 33, false));
        // Rounding down: 3 of 5 is exactly 60 and passes, 2 of 3 at a 67 mark does not.
        let mut strict = quiz.clone();
        strict.pass_percent = 67;
        assert!(!strict.score(&[vec![2], vec![0, 1, 3], vec![0]]).passed);
    }

    #[test]
    fn blocks_reject_unknown_kinds() {
        // Never raw HTML: an unknown block type does not parse.
        let html: Result<LessonBlock, _> = serde_json::from_str(r#"{"type":"html","text":"<b>x</b>"}"#);
        assert!(html.is_err());
        let list: LessonBlock = serde_json::from_str(r#"{"type":"list","items":["a","b"]}"#).unwrap();
        assert_eq!(list.plain_text(), "a；b");
    }
}
