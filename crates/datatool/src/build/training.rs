//! 代表培训 from its maintained source (`content/training/courses.json`) to the served files:
//!
//! ```text
//! training/index.json          the catalog: every course with its lessons (titles, minutes)
//! training/courses/{id}.json   one course with its final quiz (结业测验)
//! training/lessons/{id}.json   one lesson: text blocks, media and transcript, quiz, neighbours
//! ```
//!
//! The content is validated first (unique ids, answers in range, transcripts present …); a
//! problem stops the build with every problem listed.

use std::path::Path;

use anyhow::{Context, Result, bail};
use deputy_model::FORMAT_VERSION;
use deputy_model::training::{
    Course, CourseSummary, Lesson, LessonRef, MINUTES_PER_HOUR, TrainingIndex, TrainingSource, validate_source,
};

use super::sink::json_text as json;

/// Read and validate `content/training/courses.json`. A missing file means no training.
pub fn load(content: &Path) -> Result<Option<TrainingSource>> {
    let path = content.join("training/courses.json");
    if !path.exists() {
        return Ok(None);
    }
    let text = std::fs::read_to_string(&path).with_context(|| format!("无法读取 {}", path.display()))?;
    let src: TrainingSource = serde_json::from_str(&text).with_context(|| format!("{} 格式有误", path.display()))?;
    let problems = validate_source(&src);
    if !problems.is_empty() {
        bail!("{} 有 {} 个问题：\n{}", path.display(), problems.len(), problems.join("\n"));
    }
    Ok(Some(src))
}

/// The catalog, the course files and the lesson files, as (relative path, value).
pub struct Built {
    pub index: TrainingIndex,
    pub courses: Vec<Course>,
    pub lessons: Vec<Lesson>,
}

pub fn build(src: &TrainingSource) -> Built {
    let mut topics: Vec<String> = Vec::new();
    let mut courses = Vec::new();
    let mut lessons = Vec::new();
    for c in &src.courses {
        if !topics.contains(&c.topic) {
            topics.push(c.topic.clone());
        }
        let refs: Vec<LessonRef> = c
            .lessons
            .iter()
            .map(|l| LessonRef {
                id: l.id.clone(),
                title: l.title.clone(),
                minutes: l.minutes,
                has_media: l.media.is_some(),
            })
            .collect();
        let summary = CourseSummary {
            id: c.id.clone(),
            title: c.title.clone(),
            topic: c.topic.clone(),
            level: c.level,
            summary: c.summary.clone(),
            minutes: c.lessons.iter().map(|l| l.minutes).sum(),
            lessons: refs.clone(),
            has_final_quiz: c.final_quiz.is_some(),
        };
        for (i, l) in c.lessons.iter().enumerate() {
            lessons.push(Lesson {
                format_version: FORMAT_VERSION,
                id: l.id.clone(),
                title: l.title.clone(),
                minutes: l.minutes,
                course_id: c.id.clone(),
                course_title: c.title.clone(),
                number: i as u32 + 1,
                count: c.lessons.len() as u32,
                blocks: l.blocks.clone(),
                media: l.media.clone(),
                quiz: l.quiz.clone(),
                previous: i.checked_sub(1).map(|p| refs[p].clone()),
                next: refs.get(i + 1).cloned(),
            });
        }
        courses.push(Course { format_version: FORMAT_VERSION, summary, final_quiz: c.final_quiz.clone() });
    }
    let index = TrainingIndex {
        format_version: FORMAT_VERSION,
        minutes_per_hour: MINUTES_PER_HOUR,
        topics,
        courses: courses.iter().map(|c| c.summary.clone()).collect(),
    };
    Built { index, courses, lessons }
}

/// Every served training file as (relative path, JSON text).
pub fn files(built: &Built) -> Result<Vec<(String, String)>> {
    let mut out = vec![("training/index.json".to_string(), json(&built.index)?)];
    for c in &built.courses {
        out.push((format!("training/courses/{}.json", c.summary.id), json(c)?));
    }
    for l in &built.lessons {
        out.push((format!("training/lessons/{}.json", l.id), json(l)?));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use deputy_model::training::QuestionKind;

    fn content() -> TrainingSource {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        load(&dir).unwrap().expect("content/training/courses.json")
    }

    #[test]
    fn demo_content_is_valid_and_rich_enough() {
        let src = content();
        let built = build(&src);
        assert!(built.courses.len() >= 6, "at least 6 courses");
        assert!(built.lessons.len() >= 20, "at least 20 lessons");
        // Other modules link to these lessons by id.
        for id in ["write-suggestion", "write-letter"] {
            assert!(built.lessons.iter().any(|l| l.id == id), "lesson {id} missing");
        }
        let kinds: Vec<QuestionKind> = built
            .lessons
            .iter()
            .filter_map(|l| l.quiz.as_ref())
            .flat_map(|q| q.questions.iter().map(|q| q.kind))
            .collect();
        for k in [QuestionKind::Single, QuestionKind::Multiple, QuestionKind::TrueFalse] {
            assert!(kinds.contains(&k), "no {k:?} question");
        }
    }

    #[test]
    fn neighbours_and_numbers() {
        let built = build(&content());
        let first = &built.lessons[0];
        assert_eq!((first.number, first.previous.as_ref()), (1, None));
        let next = first.next.as_ref().unwrap();
        let second = built.lessons.iter().find(|l| l.id == next.id).unwrap();
        assert_eq!(second.previous.as_ref().unwrap().id, first.id);
        assert_eq!(second.course_id, first.course_id);
        for c in &built.courses {
            assert_eq!(c.summary.minutes, c.summary.lessons.iter().map(|l| l.minutes).sum::<u32>());
        }
        let files = files(&built).unwrap();
        assert_eq!(files.len(), 1 + built.courses.len() + built.lessons.len());
    }

    #[test]
    fn laid_out_training_passes_validate() {
        let mut world = crate::generate::generate_city(1);
        world.training = Some(content());
        let dir = tempfile::tempdir().unwrap();
        crate::build::write(&world, &dir.path().join("data")).unwrap();
        assert!(dir.path().join("data/training/lessons/write-letter.json").exists());
        let r = crate::validate::run(&dir.path().join("data")).unwrap();
        assert!(r.ok, "{}", r.text);
    }
}
