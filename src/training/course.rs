//! One course (/training/course/:id): what it covers, its lessons with the learner's progress,
//! 开始/继续学习, the final quiz (结业测验), and the certificate once passed. Opening it saves
//! the course for offline study.

use deputy_model::training::{Course, CourseState, QuizScore};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::offline::{OfflineBadge, OfflineState, keep_course};
use super::progress::{Progress, today_string};
use super::quiz::{QuizArgs, quiz};
use super::{StateBadge, hours, level_label};
use crate::data::{self, DataResource};
use crate::i18n::*;
use crate::ui::{WhenNear, href, loaded};

#[component]
pub fn CoursePage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let course = DataResource::new(move || data::training_course(id.get()));
    view! {
        <section class="page training course">
            {loaded(course, |c| view! { <CourseView c /> })}
        </section>
    }
}

#[component]
fn CourseView(c: Course) -> impl IntoView {
    let i18n = use_i18n();
    let progress = Progress::load();
    let s = c.summary.clone();
    let (offline, set_offline) = signal(OfflineState::Checking);
    let ids: Vec<String> = s.lessons.iter().map(|l| l.id.clone()).collect();
    leptos::task::spawn_local(keep_course(s.id.clone(), ids, set_offline));

    let s_state = s.clone();
    let state = Memo::new(move |_| progress.with(|p| p.course_state(&s_state)));
    // Continue with the first lesson not yet done.
    let s_next = s.clone();
    let next_lesson = move || {
        progress.with(|p| s_next.lessons.iter().find(|l| !p.lesson_done(&l.id)).or(s_next.lessons.first()).cloned())
    };
    let course_id = s.id.clone();
    let on_scored = Callback::new(move |score: QuizScore| {
        progress.update(|p| p.record_final_quiz(&course_id, &score, &today_string()));
    });
    let course_id = s.id.clone();
    let record = Signal::derive(move || progress.with(|p| p.finals.get(&course_id).cloned().unwrap_or_default()));
    let lessons = s.lessons.clone();
    let cert_href = href(&format!("/training/certificate/{}", s.id));
    view! {
        <p class="breadcrumb"><A href=href("/training")>{tr!(training.back_to_catalog)}</A></p>
        <h1>{s.title.clone()}</h1>
        <p class="news-meta">
            <span>{s.topic.clone()}</span>
            <span class=format!("course-level level-{}", s.level.key())>{level_label(i18n, s.level)}</span>
            <span>{t!(i18n, training.hours, h = hours(s.minutes))}</span>
            <span>{t!(i18n, training.lesson_count, n = s.lessons.len())}</span>
            {move || view! { <StateBadge state=state.get() /> }}
        </p>
        <OfflineBadge state=offline />
        <p class="course-summary">{s.summary.clone()}</p>
        {move || (state.get() == CourseState::Passed).then(|| view! {
            <p class="done-note" role="status">
                {tr!(training.course_passed)}" "
                <A href=cert_href.clone() attr:class="button">{tr!(training.certificate)}</A>
            </p>
        })}
        {move || next_lesson().map(|l| view! {
            <p class="actions">
                <A href=href(&format!("/training/lesson/{}", l.id)) attr:class="button">
                    {if state.get() == CourseState::NotStarted { tr!(training.start) } else { tr!(training.continue_with) }}
                    " "{l.title.clone()}
                </A>
            </p>
        })}
        <h2>{tr!(training.lessons)}</h2>
        <ol class="lesson-list">
            {lessons.into_iter().map(|l| {
                let lid = l.id.clone();
                let done = move || progress.with(|p| p.lesson_done(&lid));
                view! {
                    <li class="lesson-row">
                        <A href=href(&format!("/training/lesson/{}", l.id)) attr:class="lesson-title">{l.title.clone()}</A>
                        <span class="news-meta">
                            <span>{t!(i18n, training.minutes, n = l.minutes)}</span>
                            {l.has_media.then(|| view! { <span>{tr!(training.has_media)}</span> })}
                            {move || if done() {
                                view! { <strong class="pass-badge">{tr!(training.lesson_done)}</strong> }.into_any()
                            } else {
                                view! { <span>{tr!(training.lesson_todo)}</span> }.into_any()
                            }}
                        </span>
                    </li>
                }
            }).collect_view()}
        </ol>
        {c.final_quiz.clone().map(|q| {
            let args = StoredValue::new(QuizArgs { key: format!("final-{}", c.summary.id), quiz: q, heading: tr!(training.final_quiz).into(), record, on_scored });
            view! {
                <p class="hint">{tr!(training.final_hint)}</p>
                <WhenNear now=false>{move || quiz(args.get_value())}</WhenNear>
            }
        })}
    }
}
