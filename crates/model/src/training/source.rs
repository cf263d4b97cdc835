//! The maintained source (`content/training/courses.json`) and its checks.

use super::*;

#[derive(Debug, Clone, Serialize, Deserialize, crate::json::FromJson)]
#[serde(deny_unknown_fields)]
pub struct TrainingSource {
    pub courses: Vec<CourseSource>,
}

#[derive(Debug, Clone, Serialize, Deserialize, crate::json::FromJson)]
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

#[derive(Debug, Clone, Serialize, Deserialize, crate::json::FromJson)]
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::training::test_quiz::*;

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
}
