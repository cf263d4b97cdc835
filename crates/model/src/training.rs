//! 代表培训: courses, lessons and quizzes for deputies, and the learner's own record (kept on the
//! device): quiz scoring with a pass mark, lesson and course completion, and study hours
//! (学时, 45 minutes each, as the training rules count them).
//!
//! Lesson text is structured ([`LessonBlock`]), never HTML: the app renders each block as text.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

/// One 学时 is 45 minutes of study.
pub const MINUTES_PER_HOUR: u32 = 45;

/// The pass mark when a quiz names none.
pub const DEFAULT_PASS_PERCENT: u8 = 60;

// ---------------------------------------------------------------------------------------------
// Content

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MediaKind {
    Audio,
    Video,
}

/// Audio or video for a lesson, always with a transcript (for the deaf, for slow networks,
/// and because the recording may not load at all).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Media {
    pub kind: MediaKind,
    pub url: String,
    pub transcript: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
        let percent = if total == 0 { 100 } else { (right * 100 / total) as u8 };
        QuizScore { right, total, percent, passed: percent >= self.pass_percent, each }
    }
}

/// A lesson's place in its course, as lists and next/previous links need it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LessonRef {
    pub id: String,
    pub title: String,
    pub minutes: u32,
    #[serde(default)]
    pub has_media: bool,
}

/// A course as the catalog lists it (`training/index.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TrainingIndex {
    pub format_version: u32,
    pub minutes_per_hour: u32,
    /// Topics in display order.
    pub topics: Vec<String>,
    pub courses: Vec<CourseSummary>,
}

/// `training/courses/{id}.json`: a course with its final quiz.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Course {
    pub format_version: u32,
    #[serde(flatten)]
    pub summary: CourseSummary,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_quiz: Option<Quiz>,
}

/// `training/lessons/{id}.json`: one lesson with its quiz and its neighbours.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

// ---------------------------------------------------------------------------------------------
// The maintained source (content/training/courses.json)

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrainingSource {
    pub courses: Vec<CourseSource>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseSource {
    pub id: String,
    pub title: String,
    pub topic: String,
    pub level: CourseLevel,
    pub summary: String,
    pub lessons: Vec<LessonSource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_quiz: Option<Quiz>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LessonSource {
    pub id: String,
    pub title: String,
    pub minutes: u32,
    pub blocks: Vec<LessonBlock>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media: Option<Media>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quiz: Option<Quiz>,
}

fn is_plain_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Every problem with the training content, as "where: what" lines (empty: fit to publish).
pub fn validate_source(src: &TrainingSource) -> Vec<String> {
    let mut out = Vec::new();
    let mut course_ids = BTreeSet::new();
    let mut lesson_ids = BTreeSet::new();
    if src.courses.is_empty() {
        out.push("courses：没有课程".to_string());
    }
    for c in &src.courses {
        if !is_plain_id(&c.id) {
            out.push(format!("课程 {:?}：id 只能用字母、数字、- 和 _", c.id));
        }
        if !course_ids.insert(c.id.as_str()) {
            out.push(format!("课程 {}：id 重复", c.id));
        }
        for (name, v) in [("title", &c.title), ("topic", &c.topic), ("summary", &c.summary)] {
            if v.trim().is_empty() {
                out.push(format!("课程 {}：{name} 为空", c.id));
            }
        }
        if c.lessons.is_empty() {
            out.push(format!("课程 {}：没有课节", c.id));
        }
        if let Some(q) = &c.final_quiz {
            validate_quiz(&format!("课程 {} 结业测验", c.id), q, &mut out);
        }
        for l in &c.lessons {
            let at = format!("课节 {}", l.id);
            if !is_plain_id(&l.id) {
                out.push(format!("{at}：id 只能用字母、数字、- 和 _"));
            }
            // Lesson ids are global: other modules link to /training/lesson/{id}.
            if !lesson_ids.insert(l.id.as_str()) {
                out.push(format!("{at}：id 重复（课节 id 在所有课程中必须唯一）"));
            }
            if l.title.trim().is_empty() {
                out.push(format!("{at}：title 为空"));
            }
            if l.minutes == 0 || l.minutes > 240 {
                out.push(format!("{at}：minutes 应在 1–240 之间"));
            }
            if l.blocks.is_empty() {
                out.push(format!("{at}：没有正文"));
            }
            for (i, b) in l.blocks.iter().enumerate() {
                let empty = match b {
                    LessonBlock::Heading { text }
                    | LessonBlock::Paragraph { text }
                    | LessonBlock::Quote { text, .. } => text.trim().is_empty(),
                    LessonBlock::List { items } => items.is_empty() || items.iter().any(|t| t.trim().is_empty()),
                    LessonBlock::Figure { caption, alt } => caption.trim().is_empty() || alt.trim().is_empty(),
                };
                if empty {
                    out.push(format!("{at}：blocks[{i}] 为空（插图必须有 caption 和文字说明 alt）"));
                }
            }
            if let Some(m) = &l.media {
                if !(m.url.starts_with("https://") || m.url.starts_with("/")) {
                    out.push(format!("{at}：media.url 必须是 https:// 或站内地址"));
                }
                if m.transcript.trim().is_empty() {
                    out.push(format!("{at}：音视频必须有文字稿 transcript"));
                }
            }
            if let Some(q) = &l.quiz {
                validate_quiz(&at, q, &mut out);
            }
        }
    }
    out
}

fn validate_quiz(at: &str, quiz: &Quiz, out: &mut Vec<String>) {
    if quiz.questions.is_empty() {
        out.push(format!("{at}：测验没有题目"));
    }
    if quiz.pass_percent == 0 || quiz.pass_percent > 100 {
        out.push(format!("{at}：pass_percent 应在 1–100 之间"));
    }
    let mut ids = BTreeSet::new();
    for q in &quiz.questions {
        let at = format!("{at} 题 {}", q.id);
        if !ids.insert(q.id.as_str()) {
            out.push(format!("{at}：题目 id 重复"));
        }
        if q.text.trim().is_empty() || q.explanation.trim().is_empty() {
            out.push(format!("{at}：题干和解析都不能为空"));
        }
        if q.options.len() < 2 || q.options.iter().any(|o| o.trim().is_empty()) {
            out.push(format!("{at}：至少两个非空选项"));
        }
        if q.answer.iter().any(|a| *a >= q.options.len()) {
            out.push(format!("{at}：答案超出选项范围"));
        }
        let distinct: BTreeSet<usize> = q.answer.iter().copied().collect();
        if distinct.len() != q.answer.len() {
            out.push(format!("{at}：答案重复"));
        }
        match q.kind {
            QuestionKind::Single if q.answer.len() != 1 => out.push(format!("{at}：单选题必须恰好一个答案")),
            QuestionKind::Multiple if q.answer.is_empty() => out.push(format!("{at}：多选题至少一个答案")),
            QuestionKind::TrueFalse if q.options.len() != 2 || q.answer.len() != 1 => {
                out.push(format!("{at}：判断题必须两个选项、一个答案"))
            }
            _ => {}
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Hours

/// 学时 in tenths from minutes, rounded to the nearest tenth (55 minutes → 12, i.e. 1.2 学时).
pub fn hours_tenths(minutes: u32) -> u32 {
    (minutes * 10 + MINUTES_PER_HOUR / 2) / MINUTES_PER_HOUR
}

/// "1.2" for 12 tenths.
pub fn format_tenths(tenths: u32) -> String {
    format!("{}.{}", tenths / 10, tenths % 10)
}

// ---------------------------------------------------------------------------------------------
// The learner's record, kept on the device

/// One lesson's progress.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LessonProgress {
    /// Seconds spent on the lesson page (while visible).
    #[serde(default)]
    pub seconds: u32,
    /// Index of the block the learner had reached.
    #[serde(default)]
    pub position: u32,
    /// YYYY-MM-DD when the lesson was completed (its quiz passed, or read to the end if it
    /// has none).
    #[serde(default)]
    pub completed_on: Option<String>,
    #[serde(default)]
    pub quiz: QuizRecord,
}

/// Attempts at one quiz: the best score is kept.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QuizRecord {
    #[serde(default)]
    pub attempts: u32,
    #[serde(default)]
    pub best_percent: Option<u8>,
    /// YYYY-MM-DD of the first pass.
    #[serde(default)]
    pub passed_on: Option<String>,
}

impl QuizRecord {
    /// Record an attempt on `date`.
    pub fn record(&mut self, score: &QuizScore, date: &str) {
        self.attempts += 1;
        self.best_percent = Some(self.best_percent.map_or(score.percent, |b| b.max(score.percent)));
        if score.passed && self.passed_on.is_none() {
            self.passed_on = Some(date.to_string());
        }
    }
}

/// Everything the learner has done, by lesson id and course id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TrainingProgress {
    #[serde(default)]
    pub lessons: BTreeMap<String, LessonProgress>,
    /// Final quizzes, by course id.
    #[serde(default)]
    pub finals: BTreeMap<String, QuizRecord>,
}

/// Where a learner is with a course.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CourseState {
    NotStarted,
    InProgress {
        done: u32,
        total: u32,
    },
    /// Every lesson done and the final quiz (if any) passed: a certificate can be shown.
    Passed,
}

impl TrainingProgress {
    pub fn lesson(&self, id: &str) -> LessonProgress {
        self.lessons.get(id).cloned().unwrap_or_default()
    }

    pub fn lesson_done(&self, id: &str) -> bool {
        self.lessons.get(id).is_some_and(|l| l.completed_on.is_some())
    }

    /// Record a lesson quiz attempt; passing completes the lesson.
    pub fn record_lesson_quiz(&mut self, lesson_id: &str, score: &QuizScore, date: &str) {
        let l = self.lessons.entry(lesson_id.to_string()).or_default();
        l.quiz.record(score, date);
        if score.passed && l.completed_on.is_none() {
            l.completed_on = Some(date.to_string());
        }
    }

    /// A lesson without a quiz is completed by reading it to the end.
    pub fn complete_lesson(&mut self, lesson_id: &str, date: &str) {
        let l = self.lessons.entry(lesson_id.to_string()).or_default();
        if l.completed_on.is_none() {
            l.completed_on = Some(date.to_string());
        }
    }

    pub fn record_final_quiz(&mut self, course_id: &str, score: &QuizScore, date: &str) {
        self.finals.entry(course_id.to_string()).or_default().record(score, date);
    }

    pub fn course_state(&self, c: &CourseSummary) -> CourseState {
        let total = c.lessons.len() as u32;
        let done = c.lessons.iter().filter(|l| self.lesson_done(&l.id)).count() as u32;
        let final_ok = !c.has_final_quiz || self.finals.get(&c.id).is_some_and(|f| f.passed_on.is_some());
        let touched = c.lessons.iter().any(|l| self.lessons.contains_key(&l.id)) || self.finals.contains_key(&c.id);
        if done == total && final_ok {
            CourseState::Passed
        } else if touched {
            CourseState::InProgress { done, total }
        } else {
            CourseState::NotStarted
        }
    }

    /// The day a course was passed: the latest of its lessons' completions and its final quiz.
    pub fn course_passed_on(&self, c: &CourseSummary) -> Option<String> {
        if self.course_state(c) != CourseState::Passed {
            return None;
        }
        let mut days: Vec<String> = c.lessons.iter().filter_map(|l| self.lesson(&l.id).completed_on).collect();
        if let Some(d) = self.finals.get(&c.id).and_then(|f| f.passed_on.clone()) {
            days.push(d);
        }
        days.into_iter().max()
    }

    /// Minutes credited in a year: each completed lesson counts its nominal minutes in the
    /// year it was completed (the time actually spent is recorded, but hours follow the
    /// course plan, as training records do).
    pub fn minutes_in_year(&self, courses: &[CourseSummary], year: i32) -> u32 {
        let prefix = format!("{year}-");
        courses
            .iter()
            .flat_map(|c| c.lessons.iter())
            .filter(|l| self.lesson(&l.id).completed_on.is_some_and(|d| d.starts_with(&prefix)))
            .map(|l| l.minutes)
            .sum()
    }

    /// Total seconds spent on lessons.
    pub fn seconds_spent(&self) -> u32 {
        self.lessons.values().map(|l| l.seconds).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(kind: QuestionKind, n: usize, answer: &[usize]) -> Question {
        Question {
            id: format!("q{}", answer.len()),
            kind,
            text: "题".into(),
            options: (0..n).map(|i| format!("选项{i}")).collect(),
            answer: answer.to_vec(),
            explanation: "解析".into(),
        }
    }

    fn quiz() -> Quiz {
        let mut a = q(QuestionKind::Single, 4, &[2]);
        a.id = "a".into();
        let mut b = q(QuestionKind::Multiple, 4, &[0, 1, 3]);
        b.id = "b".into();
        let mut c = q(QuestionKind::TrueFalse, 2, &[1]);
        c.id = "c".into();
        Quiz { pass_percent: 60, questions: vec![a, b, c] }
    }

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
    fn best_score_is_kept_and_pass_completes_the_lesson() {
        let quiz = quiz();
        let mut p = TrainingProgress::default();
        p.record_lesson_quiz("l1", &quiz.score(&[vec![0]]), "2026-03-01");
        assert!(!p.lesson_done("l1"));
        p.record_lesson_quiz("l1", &quiz.score(&[vec![2], vec![0, 1, 3], vec![1]]), "2026-03-02");
        p.record_lesson_quiz("l1", &quiz.score(&[vec![2]]), "2026-03-03");
        let l = p.lesson("l1");
        assert_eq!(l.quiz.attempts, 3);
        assert_eq!(l.quiz.best_percent, Some(100));
        assert_eq!(l.quiz.passed_on.as_deref(), Some("2026-03-02"));
        assert_eq!(l.completed_on.as_deref(), Some("2026-03-02"));
    }

    #[test]
    fn hours_from_minutes() {
        assert_eq!(hours_tenths(45), 10);
        assert_eq!(hours_tenths(55), 12);
        assert_eq!(hours_tenths(75), 17);
        assert_eq!(hours_tenths(50), 11);
        assert_eq!(hours_tenths(0), 0);
        assert_eq!(format_tenths(12), "1.2");
        assert_eq!(format_tenths(hours_tenths(90)), "2.0");
    }

    fn course(id: &str, lessons: &[(&str, u32)], has_final_quiz: bool) -> CourseSummary {
        CourseSummary {
            id: id.into(),
            title: "课".into(),
            topic: "人大制度".into(),
            level: CourseLevel::Initial,
            summary: "".into(),
            minutes: lessons.iter().map(|l| l.1).sum(),
            lessons: lessons
                .iter()
                .map(|(id, m)| LessonRef { id: id.to_string(), title: "节".into(), minutes: *m, has_media: false })
                .collect(),
            has_final_quiz,
        }
    }

    #[test]
    fn course_state_and_hours_in_year() {
        let quiz = quiz();
        let pass = quiz.score(&[vec![2], vec![0, 1, 3], vec![1]]);
        let c = course("c1", &[("a", 20), ("b", 25)], true);
        let other = course("c2", &[("x", 30)], false);
        let mut p = TrainingProgress::default();
        assert_eq!(p.course_state(&c), CourseState::NotStarted);
        p.lessons.entry("a".into()).or_default().position = 3;
        assert_eq!(p.course_state(&c), CourseState::InProgress { done: 0, total: 2 });
        p.record_lesson_quiz("a", &pass, "2025-12-30");
        p.record_lesson_quiz("b", &pass, "2026-01-04");
        // Lessons done but the final quiz not yet passed.
        assert_eq!(p.course_state(&c), CourseState::InProgress { done: 2, total: 2 });
        assert_eq!(p.course_passed_on(&c), None);
        p.record_final_quiz("c1", &pass, "2026-01-05");
        assert_eq!(p.course_state(&c), CourseState::Passed);
        assert_eq!(p.course_passed_on(&c).as_deref(), Some("2026-01-05"));
        p.complete_lesson("x", "2026-02-01");
        assert_eq!(p.course_state(&other), CourseState::Passed);
        let courses = [c, other];
        // Lesson a counts for 2025, b and x for 2026.
        assert_eq!(p.minutes_in_year(&courses, 2025), 20);
        assert_eq!(p.minutes_in_year(&courses, 2026), 55);
        assert_eq!(hours_tenths(p.minutes_in_year(&courses, 2026)), 12);
    }

    #[test]
    fn validation_catches_bad_content() {
        let good = LessonSource {
            id: "l1".into(),
            title: "节".into(),
            minutes: 10,
            blocks: vec![LessonBlock::Paragraph { text: "正文".into() }],
            media: None,
            quiz: Some(quiz()),
        };
        let src = |lessons: Vec<LessonSource>| TrainingSource {
            courses: vec![CourseSource {
                id: "c1".into(),
                title: "课".into(),
                topic: "人大制度".into(),
                level: CourseLevel::Special,
                summary: "简介".into(),
                lessons,
                final_quiz: None,
            }],
        };
        assert!(validate_source(&src(vec![good.clone()])).is_empty());
        let mut dup = good.clone();
        dup.quiz.as_mut().unwrap().questions[0].answer = vec![7];
        let p = validate_source(&src(vec![good.clone(), dup]));
        assert!(p.iter().any(|m| m.contains("id 重复")), "{p:?}");
        assert!(p.iter().any(|m| m.contains("答案超出选项范围")), "{p:?}");
        let mut single = good.clone();
        single.quiz.as_mut().unwrap().questions[0].answer = vec![0, 1];
        single.media = Some(Media { kind: MediaKind::Audio, url: "javascript:alert(1)".into(), transcript: "".into() });
        let p = validate_source(&src(vec![single]));
        assert!(p.iter().any(|m| m.contains("单选题必须恰好一个答案")), "{p:?}");
        assert!(p.iter().any(|m| m.contains("media.url")), "{p:?}");
        assert!(p.iter().any(|m| m.contains("文字稿")), "{p:?}");
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
