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

mod content;
mod progress;
mod source;

pub use content::*;
pub use progress::*;
pub use source::*;

/// A quiz for tests of every part.
#[cfg(test)]
mod test_quiz {
    use super::*;

    pub fn q(kind: QuestionKind, n: usize, answer: &[usize]) -> Question {
        Question {
            id: format!("q{}", answer.len()),
            kind,
            text: "题".into(),
            options: (0..n).map(|i| format!("选项{i}")).collect(),
            answer: answer.to_vec(),
            explanation: "解析".into(),
        }
    }

    pub fn quiz() -> Quiz {
        let mut a = q(QuestionKind::Single, 4, &[2]);
        a.id = "a".into();
        let mut b = q(QuestionKind::Multiple, 4, &[0, 1, 3]);
        b.id = "b".into();
        let mut c = q(QuestionKind::TrueFalse, 2, &[1]);
        c.id = "c".into();
        Quiz { pass_percent: 60, questions: vec![a, b, c] }
    }
}
