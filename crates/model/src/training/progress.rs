//! 学时 and the learner's own record, kept on the device: lessons, quizzes, course states.

use super::*;

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
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
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
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
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
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
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
    use crate::training::test_quiz::*;

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
}
